//! `unused-suppression`: a registered rule like the others, for `onrecord rules`,
//! `explain`, SARIF, docs/rules.md and `[rules]`. Its findings come from the suppression
//! pass (`suppress::apply`), which runs after every other rule because it needs their
//! findings; its own `check` finds nothing.

use super::{Context, Diagnostic, Rule, RuleId, Severity};
use crate::analysis::Analysis;

declare_rule! {
    /// A suppression comment that suppresses nothing.
    ///
    /// ## What it does
    /// Flags an `<!-- onrecord-disable-next-line … -->` or `<!-- onrecord-disable … -->` comment
    /// (Markdown and HTML articles) that did not hide any finding, or that names a rule id
    /// onrecord does not know.
    ///
    /// ## Why is this bad?
    /// A suppression outlives the problem it was written for: once the copy is fixed the comment
    /// stays and would silently hide the next real finding on that line. Unknown ids are usually
    /// typos, so the finding they were meant to hide is still reported.
    ///
    /// ## Example
    ///     <!-- onrecord-disable-next-line loaded-attribution-verb -->
    ///     “We followed every rule,” Ruiz said.
    ///
    /// ## Use instead
    ///     “We followed every rule,” Ruiz said.
    ///
    /// Remove the comment, or correct the rule id. Turn the check off with
    /// `[rules] unused-suppression = "off"` in onrecord.toml.
    pub struct UnusedSuppression;
}

impl Rule for UnusedSuppression {
    fn id(&self) -> RuleId {
        RuleId::UnusedSuppression
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, _: &Analysis, _: &Context) -> Vec<Diagnostic> {
        // Reported by `suppress::apply`, once the other rules' findings are known.
        Vec::new()
    }
}
