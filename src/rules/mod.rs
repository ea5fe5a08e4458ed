//! Rules: each reads the analysis and yields diagnostics. One file per rule, registered
//! once in [`registry`]; rules know nothing about output formats.

/// Declares a rule's unit struct with its doc: the `///` comment on the struct is the text
/// `onrecord explain` prints, README's table and docs/rules.md, and `DOC` holds it, built
/// at compile time (as clippy's `declare_clippy_lint!` does). The first line is the
/// one-line summary.
///
/// ```text
/// declare_rule! {
///     /// The same word twice in a row.
///     ///
///     /// ## What it does
///     /// …
///     pub struct RepeatedWord;
/// }
/// ```
///
/// Each `///` line reaches the macro as a literal that begins with the space after `///`
/// (an empty `///` as an empty one); [`doc_text`] drops that space, so indented example
/// lines keep their indentation. The doc attributes are left out when rustdoc collects
/// doctests: the indented examples are news copy, not Rust.
macro_rules! declare_rule {
    ($(#[doc = $doc:literal])* pub struct $name:ident;) => {
        $(#[cfg_attr(not(doctest), doc = $doc)])*
        pub struct $name;

        impl $name {
            /// The doc comment above, as text.
            const DOC: &'static str = {
                const RAW: &str = concat!($($doc, "\n"),*);
                const TEXT: &[u8] = &$crate::rules::doc_text::<{ $crate::rules::doc_len(RAW) }>(RAW);
                match std::str::from_utf8(TEXT) {
                    Ok(text) => text,
                    Err(_) => panic!("a rule doc is UTF-8"),
                }
            };
        }
    };
}

mod ambiguous_pronoun_attribution;
mod confusable_word;
mod duplicate_quote;
mod inconsistent_name;
mod loaded_attribution_verb;
mod missing_attribution;
mod missing_terminal_punctuation;
mod mixed_quote_marks;
mod one_sided_sourcing;
mod parenthetical_in_quote;
mod punctuation_outside_quote;
mod relayed_quote;
mod repeated_full_attribution;
mod repeated_word;
mod surname_before_introduction;
mod unbalanced_quote;
mod unexplained_anonymous_source;
mod unused_suppression;
mod vague_attribution;

pub use crate::diagnostic::{one_line, Applicability, Diagnostic, Edit, Fix, Severity};
pub use crate::rule_id::{RuleGroup, RuleId};

use crate::analysis::Analysis;
use crate::config::Config;
use crate::confusables;
use crate::document::Span;
use std::borrow::Cow;

/// What rules may read besides the analysis: the settings and the confusables checker.
pub struct Context<'a> {
    pub config: &'a Config,
    pub confusables: &'a confusables::Checker,
}

/// A check over an analysed article.
pub trait Rule: Sync {
    /// The stable id from DESIGN.md.
    fn id(&self) -> RuleId;
    fn severity(&self) -> Severity;
    /// The doc: what it flags, why, an example, the fix (Markdown, ruff's sections). It is
    /// the `///` comment on the rule's struct: `Self::DOC` of [`declare_rule!`].
    fn doc(&self) -> &'static str;
    /// Whether the rule offers safe fixes.
    fn fixable(&self) -> bool {
        false
    }
    /// The group that decides whether the rule runs by default.
    fn group(&self) -> RuleGroup {
        RuleGroup::Core
    }
    fn check(&self, analysis: &Analysis, cx: &Context) -> Vec<Diagnostic>;
}

/// The constructor rules use. It lives beside the [`Rule`] trait it reads, so that
/// `diagnostic.rs` depends on nothing above it.
impl Diagnostic {
    /// A finding of `rule` at `span`. The message is one line whatever words of the article
    /// it quotes (a line break in them becomes a space).
    pub fn new(rule: &dyn Rule, span: Span, message: impl Into<Cow<'static, str>>) -> Diagnostic {
        Diagnostic {
            rule: rule.id().as_str(),
            severity: rule.severity(),
            message: one_line(message.into()),
            span,
            help: None,
            fix: None,
        }
    }
}

/// Every rule, in catalogue order.
pub fn registry() -> &'static [&'static dyn Rule] {
    &[
        &unbalanced_quote::UnbalancedQuote,
        &mixed_quote_marks::MixedQuoteMarks,
        &punctuation_outside_quote::PunctuationOutsideQuote,
        &duplicate_quote::DuplicateQuote,
        &parenthetical_in_quote::ParentheticalInQuote,
        &missing_attribution::MissingAttribution,
        &repeated_full_attribution::RepeatedFullAttribution,
        &surname_before_introduction::SurnameBeforeIntroduction,
        &inconsistent_name::InconsistentName,
        &ambiguous_pronoun_attribution::AmbiguousPronounAttribution,
        &loaded_attribution_verb::LoadedAttributionVerb,
        &vague_attribution::VagueAttribution,
        &unexplained_anonymous_source::UnexplainedAnonymousSource,
        &relayed_quote::RelayedQuote,
        &one_sided_sourcing::OneSidedSourcing,
        &confusable_word::ConfusableWord,
        &repeated_word::RepeatedWord,
        &missing_terminal_punctuation::MissingTerminalPunctuation,
        &unused_suppression::UnusedSuppression,
    ]
}

/// The rule with this id. Every id is registered, in the order of [`RuleId::ALL`] (a test
/// below checks it).
pub fn get(id: RuleId) -> &'static dyn Rule {
    registry()[id as usize]
}

/// The rule with this id string.
pub fn by_id(id: &str) -> Option<&'static dyn Rule> {
    id.parse().ok().map(get)
}

/// The length of [`doc_text`]`(raw)`.
pub(crate) const fn doc_len(raw: &str) -> usize {
    let raw = raw.as_bytes();
    let (mut i, mut n, mut line_start) = (0, 0usize, true);
    while i < raw.len() {
        if !(line_start && raw[i] == b' ') {
            n += 1;
        }
        line_start = raw[i] == b'\n';
        i += 1;
    }
    // Not the line break after the last line.
    if line_start && n > 0 {
        n - 1
    } else {
        n
    }
}

/// The text of doc-comment lines as `concat!` joins them in [`declare_rule!`] (each line's
/// literal followed by a line break): each line without its first character when that is
/// the space after `///`, and no line break after the last. `N` is [`doc_len`]`(raw)`.
pub(crate) const fn doc_text<const N: usize>(raw: &str) -> [u8; N] {
    let raw = raw.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut n, mut line_start) = (0, 0, true);
    while i < raw.len() && n < N {
        if !(line_start && raw[i] == b' ') {
            out[n] = raw[i];
            n += 1;
        }
        line_start = raw[i] == b'\n';
        i += 1;
    }
    out
}

/// The first line of a rule's doc: its one-line summary.
pub fn summary(rule: &dyn Rule) -> &'static str {
    rule.doc().lines().find(|l| !l.trim().is_empty() && !l.starts_with('#')).unwrap_or("")
}

/// Run every enabled rule; diagnostics sorted by position then rule.
pub fn run(analysis: &Analysis, cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    findings(analysis, cx, &mut out);
    finish(out)
}

/// Append the findings of every enabled rule, with their severities, unsorted.
pub(crate) fn findings(analysis: &Analysis, cx: &Context, out: &mut Vec<Diagnostic>) {
    for rule in registry() {
        let Some(severity) = cx.config.severity_of(rule.id(), rule.group(), rule.severity()) else { continue };
        for mut d in rule.check(analysis, cx) {
            d.severity = severity;
            // (A name with a letter written as a reference is reported from its first letter.)
            d.span = analysis.doc.as_written(d.span);
            out.push(d);
        }
    }
}

/// A file's findings sorted by position then rule, identical ones capped.
pub(crate) fn finish(mut out: Vec<Diagnostic>) -> Vec<Diagnostic> {
    // In place (a stable sort would borrow half the list again); the message breaks ties
    // so that the order does not depend on the sort.
    out.sort_unstable_by(|a, b| {
        (a.span.start, a.span.end, a.rule, &a.message).cmp(&(b.span.start, b.span.end, b.rule, &b.message))
    });
    let mut out = cap_identical(out);
    out.shrink_to_fit();
    out
}

/// Findings of one rule with one message kept per file. The rest are counted and the
/// first of them says how many there were, so a file of mark soup reports a screenful,
/// not a million lines.
pub const SAME_FINDINGS_CAP: usize = 100;

fn cap_identical(list: Vec<Diagnostic>) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    use std::hash::{Hash, Hasher};
    // Keyed by a hash of the message: no message is copied. (rule, seen, index of the summary)
    let mut seen: HashMap<(&'static str, u64), (usize, Option<usize>), crate::hash::FastBuild> = HashMap::default();
    // In place: a second list would hold a large file's findings twice.
    let mut out = list;
    let mut kept = 0;
    out.retain(|d| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        d.message.hash(&mut h);
        let entry = seen.entry((d.rule, h.finish())).or_insert((0, None));
        entry.0 += 1;
        let keep = if entry.0 <= SAME_FINDINGS_CAP {
            true
        } else if entry.1.is_none() {
            entry.1 = Some(kept);
            true
        } else {
            false
        };
        kept += usize::from(keep);
        keep
    });
    for (count, summary) in seen.into_values() {
        // The kept one past the cap speaks for the rest.
        let rest = count.saturating_sub(SAME_FINDINGS_CAP + 1);
        if let (Some(i), true) = (summary, rest > 0) {
            let d = &mut out[i];
            d.message = Cow::Owned(format!("{} (and {rest} more like this in this file, not listed)", d.message));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    declare_rule! {
        /// Summary line.
        ///
        /// ## Example
        ///     An indented "example", with \n as written.
        ///
        ///   Two spaces.
        ///Flush.
        pub struct Declared;
    }

    #[test]
    fn declared_doc_is_the_comment_without_the_space_after_slashes() {
        assert_eq!(
            Declared::DOC,
            "Summary line.\n\n## Example\n    An indented \"example\", with \\n as written.\n\n  Two spaces.\nFlush."
        );
    }

    #[test]
    fn doc_text_of_no_lines_is_empty() {
        assert_eq!(doc_len(""), 0);
        assert_eq!(doc_text::<0>(""), [0u8; 0]);
        assert_eq!(doc_len(" one\n"), 3);
        assert_eq!(&doc_text::<3>(" one\n"), b"one");
    }

    #[test]
    fn registry_is_in_rule_id_order() {
        let registered: Vec<RuleId> = registry().iter().map(|r| r.id()).collect();
        assert_eq!(registered, RuleId::ALL);
        for &id in RuleId::ALL {
            assert_eq!(get(id).id(), id);
        }
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! One-line rule tests, harper style: one `#[test]` per case, named for the behaviour.
    //! The asserts are `#[track_caller]`, so a failure names the line of the case.
    use super::*;
    use crate::document::{Document, Format};

    pub fn diagnostics(rule: &dyn Rule, text: &str) -> Vec<Diagnostic> {
        diagnostics_as(rule, text, Format::Text)
    }

    pub fn diagnostics_as(rule: &dyn Rule, text: &str, format: Format) -> Vec<Diagnostic> {
        let doc = Document::parse("test".as_ref(), text.to_string(), format);
        let analysis = crate::analysis::analyze(doc);
        let config = Config::default();
        let cx = Context { config: &config, confusables: confusables::Checker::embedded() };
        rule.check(&analysis, &cx)
    }

    /// Assert the rule finds `n` problems in `text`.
    #[track_caller]
    pub fn assert_count(rule: &dyn Rule, text: &str, n: usize) {
        let found = diagnostics(rule, text);
        assert_eq!(found.len(), n, "{} on {text:?}: {found:#?}", rule.id());
    }

    /// Assert the flagged text of the first finding.
    #[track_caller]
    pub fn assert_flags(rule: &dyn Rule, text: &str, flagged: &str) {
        let found = diagnostics(rule, text);
        let Some(first) = found.first() else { panic!("{} found nothing in {text:?}", rule.id()) };
        assert_eq!(&text[first.span.start..first.span.end], flagged);
    }

    /// Assert applying the first finding's fix gives `expected`.
    #[track_caller]
    pub fn assert_fix(rule: &dyn Rule, text: &str, expected: &str) {
        let found = diagnostics(rule, text);
        let Some(fix) = found.first().and_then(|d| d.fix.clone()) else { panic!("no fix for {text:?}") };
        let mut out = text.to_string();
        for e in fix.edits.iter().rev() {
            out.replace_range(e.start..e.end, &e.replacement);
        }
        assert_eq!(out, expected);
    }
}
