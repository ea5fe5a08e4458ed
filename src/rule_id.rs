//! The stable rule ids (DESIGN.md), as one typed enum that settings, the registry and the
//! listings key on: an id is checked once, where it is read (`[rules]` in onrecord.toml,
//! `onrecord explain`, a suppression comment), not compared as a string everywhere. And
//! the rule groups, which decide a rule's severity by default. Both sit below `config` and
//! `rules`, so settings can name rules without importing them.
//!
//! Findings still carry the id as a string ([`crate::diagnostic::Diagnostic::rule`]): that
//! is what every output prints, and findings sort by it.
//!
//! ```
//! use onrecord::rule_id::RuleId;
//! let id: RuleId = "repeated-word".parse().unwrap();
//! assert_eq!(id, RuleId::RepeatedWord);
//! assert_eq!(id.to_string(), "repeated-word");
//! assert!("no-such-rule".parse::<RuleId>().is_err());
//! ```

use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

macro_rules! rule_ids {
    ($($variant:ident => $id:literal,)*) => {
        /// A rule's stable id. Serialized (serde, kebab-case), displayed and parsed as the id
        /// string, e.g. `repeated-word`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum RuleId {
            $($variant,)*
        }

        impl RuleId {
            /// Every id, in catalogue order: the order of `onrecord rules`, the README table,
            /// docs/rules.md and SARIF.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The id as written in settings, suppressions and every output.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }
        }
    };
}

rule_ids! {
    UnbalancedQuote => "unbalanced-quote",
    MixedQuoteMarks => "mixed-quote-marks",
    PunctuationOutsideQuote => "punctuation-outside-quote",
    DuplicateQuote => "duplicate-quote",
    ParentheticalInQuote => "parenthetical-in-quote",
    MissingAttribution => "missing-attribution",
    RepeatedFullAttribution => "repeated-full-attribution",
    SurnameBeforeIntroduction => "surname-before-introduction",
    InconsistentName => "inconsistent-name",
    AmbiguousPronounAttribution => "ambiguous-pronoun-attribution",
    LoadedAttributionVerb => "loaded-attribution-verb",
    VagueAttribution => "vague-attribution",
    UnexplainedAnonymousSource => "unexplained-anonymous-source",
    RelayedQuote => "relayed-quote",
    OneSidedSourcing => "one-sided-sourcing",
    ConfusableWord => "confusable-word",
    RepeatedWord => "repeated-word",
    MissingTerminalPunctuation => "missing-terminal-punctuation",
    UnusedSuppression => "unused-suppression",
}

/// How a rule runs by default. A rule reports at its own severity by default only where it
/// is right at least eight times in ten on real published copy (README, Rule groups); the
/// others report at info (which never fails a check) until `[groups]` in onrecord.toml
/// turns their group on, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleGroup {
    /// On by default.
    Core,
    /// Sourcing and wording judgments a desk adopts as house policy (info by default).
    Style,
    /// Checks for copy before the desk has edited it: right often on drafts, often
    /// wrong on published copy, whose conventions they do not know (info by default).
    Drafts,
}

impl RuleGroup {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleGroup::Core => "core",
            RuleGroup::Style => "style",
            RuleGroup::Drafts => "drafts",
        }
    }
}

/// Ids order as their strings do, so that settings keyed on them print in the order they
/// did when they were keyed on strings (`onrecord config --show`).
impl Ord for RuleId {
    fn cmp(&self, other: &RuleId) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &RuleId) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `pad`, so that width and alignment apply (`{:<32}` in `onrecord rules`).
        f.pad(self.as_str())
    }
}

/// A string that is no rule id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRuleId(pub String);

impl fmt::Display for UnknownRuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a rule id", self.0)
    }
}

impl std::error::Error for UnknownRuleId {}

impl FromStr for RuleId {
    type Err = UnknownRuleId;

    fn from_str(s: &str) -> Result<RuleId, UnknownRuleId> {
        RuleId::ALL.iter().copied().find(|id| id.as_str() == s).ok_or_else(|| UnknownRuleId(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_display_and_parse_agree_on_every_id() {
        for &id in RuleId::ALL {
            assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{}\"", id.as_str()));
            assert_eq!(serde_json::from_str::<RuleId>(&format!("\"{id}\"")).unwrap(), id);
            assert_eq!(id.to_string().parse::<RuleId>(), Ok(id));
        }
    }

    #[test]
    fn unknown_ids_do_not_parse() {
        assert_eq!("repeated_word".parse::<RuleId>(), Err(UnknownRuleId("repeated_word".to_string())));
        assert!("".parse::<RuleId>().is_err());
    }

    #[test]
    fn ids_order_as_strings() {
        let mut ids = RuleId::ALL.to_vec();
        ids.sort();
        let mut strings: Vec<&str> = RuleId::ALL.iter().map(|id| id.as_str()).collect();
        strings.sort();
        assert_eq!(ids.iter().map(|id| id.as_str()).collect::<Vec<_>>(), strings);
        assert_eq!(format!("{:<20}|", RuleId::RepeatedWord), "repeated-word       |");
    }
}
