//! House style and rule settings (`onrecord.toml`).
//!
//! A checked file takes its settings from the nearest `onrecord.toml` in its directory or
//! an ancestor (or from the file given with `--config`). Missing keys keep their defaults;
//! an unknown key or rule id is an error that names the file, line and column.
//!
//! ```toml
//! [groups]
//! style = "on"                         # "info" (default), "on" (each rule at its own
//! drafts = "off"                       # severity), "off", or one severity for all
//!
//! [rules]
//! loaded-attribution-verb = "off"      # or "info", "warning", "error"
//!
//! [style]
//! quotes = "curly"                     # "auto" (default), "curly", "straight"
//! punctuation = "auto"                 # "auto" (default: British when the article
//!                                      # quotes ‘…’ British style), "us" or "uk"
//! second_reference_distance = 20
//!
//! [confusables]
//! extra = [["affect", "effect"], "complement compliment"]
//!
//! [sources]
//! vague = ["observers say"]
//! anonymous = ["a person briefed on the talks"]
//!
//! [names]
//! accept = ["Ana Ruis"]
//! ```

use crate::confusables::ConfusionSets;
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::rule_id::{RuleGroup, RuleId};
use crate::span::LineIndex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The name of the configuration file looked for in a file's directory and its ancestors.
pub const FILE_NAME: &str = "onrecord.toml";

/// Which quotation marks the house uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteStyle {
    /// Whatever the article uses most (no house preference).
    #[default]
    Auto,
    Curly,
    Straight,
}

/// Where commas and periods go with a closing quote mark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Punctuation {
    /// US usage, unless the article is written in British quote style (‘…’ outside,
    /// “…” inside): then British usage.
    #[default]
    Auto,
    /// Always inside (AP, US usage).
    Us,
    /// Inside only when part of the quoted words (British usage).
    Uk,
}

/// A rule's setting: off or a severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Info,
    Warning,
    Error,
}

impl RuleSetting {
    pub fn severity(self) -> Option<Severity> {
        match self {
            RuleSetting::Off => None,
            RuleSetting::Info => Some(Severity::Info),
            RuleSetting::Warning => Some(Severity::Warning),
            RuleSetting::Error => Some(Severity::Error),
        }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Style {
    pub quotes: QuoteStyle,
    pub punctuation: Punctuation,
    /// Paragraphs after which a full name may be used again (repeated-full-attribution).
    pub second_reference_distance: usize,
    /// Minimum share of quotes from one source for one-sided-sourcing.
    pub single_source_share: f64,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            quotes: QuoteStyle::Auto,
            punctuation: Punctuation::Auto,
            second_reference_distance: 20,
            single_source_share: 0.75,
        }
    }
}

/// One extra confusion set: a list of words, or a line in the format of
/// `data/confusables.txt` ("affect effect", "accept/except").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ConfusionSet {
    Words(Vec<String>),
    Line(String),
}

/// `[confusables]`: confusion sets added to the embedded ones.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Confusables {
    pub extra: Vec<ConfusionSet>,
}

impl Confusables {
    /// The extra sets in the text format of `data/confusables.txt`, one set per line.
    pub fn as_text(&self) -> String {
        let mut out = String::new();
        for set in &self.extra {
            match set {
                ConfusionSet::Words(words) => out.push_str(&words.join(" ")),
                ConfusionSet::Line(line) => out.push_str(line),
            }
            out.push('\n');
        }
        out
    }

    /// The extra sets parsed; None when there are none.
    pub fn sets(&self) -> Result<Option<ConfusionSets>, String> {
        if self.extra.is_empty() {
            return Ok(None);
        }
        ConfusionSets::parse(&self.as_text()).map(Some)
    }
}

/// `[sources]`: phrases the desk counts as vague or anonymous sourcing, besides the lexicons.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Sources {
    pub vague: Vec<String>,
    pub anonymous: Vec<String>,
}

/// `[names]`: spellings the desk knows are right.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Names {
    pub accept: Vec<String>,
}

/// A group's setting: info (the default: every rule of the group reports at info, which
/// does not fail a check), on (each rule at its own severity), off, or one severity for
/// all its rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GroupSetting {
    Off,
    #[default]
    Info,
    On,
    Warning,
    Error,
}

/// `[groups]`: the opt-in rule groups (`onrecord rules` shows each rule's group).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Groups {
    /// Sourcing and wording judgments: loaded verbs, vague and anonymous sources, relays,
    /// one-sided sourcing.
    pub style: GroupSetting,
    /// Checks for unedited copy: late introductions, ambiguous pronouns, …
    pub drafts: GroupSetting,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub groups: Groups,
    pub rules: RuleSettings,
    pub style: Style,
    pub confusables: Confusables,
    pub sources: Sources,
    pub names: Names,
}

/// `[rules]`: a setting per rule id. Keys that are no rule id are kept aside with where
/// they are written, so that [`Config::parse`] can name them all, at the first one's
/// position, from one reading of the file.
#[derive(Clone, Debug, Default)]
pub struct RuleSettings {
    settings: BTreeMap<RuleId, RuleSetting>,
    unknown: Vec<toml::Spanned<String>>,
}

impl RuleSettings {
    /// The setting for a rule, or None when the file does not set it.
    pub fn get(&self, id: RuleId) -> Option<RuleSetting> {
        self.settings.get(&id).copied()
    }
}

impl Serialize for RuleSettings {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.settings.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for RuleSettings {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<RuleSettings, D::Error> {
        let written = BTreeMap::<toml::Spanned<String>, RuleSetting>::deserialize(deserializer)?;
        let mut out = RuleSettings::default();
        for (key, setting) in written {
            match key.get_ref().parse::<RuleId>() {
                Ok(id) => {
                    out.settings.insert(id, setting);
                }
                Err(_) => out.unknown.push(key),
            }
        }
        out.unknown.sort_by_key(|key| key.span().start);
        Ok(out)
    }
}

impl Config {
    /// Parse the text of an `onrecord.toml`; `path` names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, Error> {
        let at = |offset: Option<usize>, message: String| {
            let message = match offset {
                Some(offset) => {
                    let (line, column) = LineIndex::new(text).line_col(text, offset);
                    format!("line {line}, column {column}: {message}")
                }
                None => message,
            };
            Error::Config { path: path.to_path_buf(), message }
        };
        let mut config: Config =
            toml::from_str(text).map_err(|e| at(e.span().map(|s| s.start), e.message().trim().to_string()))?;
        let unknown = std::mem::take(&mut config.rules.unknown);
        if let Some(first) = unknown.first() {
            let names: Vec<String> = unknown.iter().map(|id| format!("`{}`", id.get_ref())).collect();
            let plural = if unknown.len() == 1 { "rule id" } else { "rule ids" };
            return Err(at(
                Some(first.span().start),
                format!("unknown {plural} in [rules]: {}; `onrecord rules` lists them", names.join(", ")),
            ));
        }
        config.confusables.sets().map_err(|e| at(None, format!("[confusables] extra: {e}")))?;
        Ok(config)
    }

    /// Read and parse an `onrecord.toml`.
    pub fn load(path: &Path) -> Result<Config, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::unreadable(path, &e))?;
        Config::parse(&text, path)
    }

    /// The severity a rule runs at, or None when it is off: its own setting in `[rules]`,
    /// else its group's in `[groups]` (info unless set), or `default` in the core group.
    pub fn severity_of(&self, id: RuleId, group: RuleGroup, default: Severity) -> Option<Severity> {
        if let Some(setting) = self.rule(id) {
            return setting.severity();
        }
        let group = match group {
            RuleGroup::Core => return Some(default),
            RuleGroup::Style => self.groups.style,
            RuleGroup::Drafts => self.groups.drafts,
        };
        match group {
            GroupSetting::Off => None,
            GroupSetting::On => Some(default),
            GroupSetting::Info => Some(Severity::Info),
            GroupSetting::Warning => Some(Severity::Warning),
            GroupSetting::Error => Some(Severity::Error),
        }
    }

    /// The setting for a rule, or None when the file does not set it.
    pub fn rule(&self, id: RuleId) -> Option<RuleSetting> {
        self.rules.get(id)
    }

    /// The whole configuration, defaults included, as TOML.
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }
}

/// The nearest `onrecord.toml` in `dir` or one of its ancestors.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("onrecord.toml")).map_err(|e| e.to_string())
    }

    #[test]
    fn full_file() {
        let c = parse(
            "[rules]\nrepeated-word = \"off\"\nunused-suppression = \"warning\"\n[style]\nquotes = \"straight\"\n\
             punctuation = \"uk\"\nsecond_reference_distance = 3\n[confusables]\nextra = [[\"affect\", \"effect\"], \"accept/except\"]\n\
             [sources]\nvague = [\"observers say\"]\nanonymous = [\"a person briefed on the talks\"]\n[names]\naccept = [\"Ana Ruis\"]\n",
        )
        .unwrap();
        assert_eq!(c.rule(RuleId::RepeatedWord), Some(RuleSetting::Off));
        assert_eq!(c.rule(RuleId::UnusedSuppression), Some(RuleSetting::Warning));
        assert_eq!(c.style.quotes, QuoteStyle::Straight);
        assert_eq!(c.style.punctuation, Punctuation::Uk);
        assert_eq!(c.style.second_reference_distance, 3);
        assert_eq!(c.confusables.sets().unwrap().unwrap().len(), 2);
        assert_eq!(c.sources.vague, ["observers say"]);
        assert_eq!(c.names.accept, ["Ana Ruis"]);
        // The printed form reads back to the same settings.
        let again = parse(&c.to_toml()).unwrap();
        assert_eq!(again.to_toml(), c.to_toml());
    }

    #[test]
    fn unknown_keys_name_key_and_line() {
        let e = parse("[style]\nquotes = \"curly\"\nquote_style = \"x\"\n").unwrap_err();
        assert!(e.contains("onrecord.toml") && e.contains("line 3, column 1") && e.contains("quote_style"), "{e}");
        let e = parse("[rule]\n").unwrap_err();
        assert!(e.contains("line 1") && e.contains("`rule`"), "{e}");
        let e = parse("[rules]\nrepeated-word = \"off\"\nno-such-rule = \"error\"\nalso-not = \"off\"\n").unwrap_err();
        assert!(e.contains("line 3, column 1") && e.contains("`no-such-rule`") && e.contains("`also-not`"), "{e}");
        let e = parse("[rules]\nrepeated-word = \"loud\"\n").unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        let e = parse("[confusables]\nextra = [[\"affect\"]]\n").unwrap_err();
        assert!(e.contains("[confusables]"), "{e}");
    }

    #[test]
    fn finds_the_nearest_file() {
        let dir = tempfile::tempdir().unwrap();
        let inner = dir.path().join("a/b");
        std::fs::create_dir_all(&inner).unwrap();
        assert_eq!(find(&inner), None::<PathBuf>.or_else(|| find(dir.path())));
        std::fs::write(dir.path().join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(find(&inner), Some(dir.path().join("a").join(FILE_NAME)));
    }
}
