use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::document::Span;
use crate::entities::{EntityKind, MentionKind};

declare_rule! {
    /// A surname used alone before the person is introduced.
    ///
    /// ## What it does
    /// Flags a surname-only reference ("Okafor said") that comes before the first mention of
    /// the person's full name. Headings are not counted.
    ///
    /// ## Why is this bad?
    /// The reader meets a stranger: the first reference to a source gives the full name and
    /// who they are; the surname alone is for later. It usually means paragraphs were
    /// reordered.
    ///
    /// ## Example
    ///     Okafor said the plant would close. … said Chidi Okafor, director of the plant.
    ///
    /// ## Use instead
    /// Introduce the person at the first reference and use the surname afterwards.
    pub struct SurnameBeforeIntroduction;
}

impl Rule for SurnameBeforeIntroduction {
    fn id(&self) -> RuleId {
        RuleId::SurnameBeforeIntroduction
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Drafts
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let people: Vec<_> = a.entities.entities.iter().filter(|e| e.kind == EntityKind::Person).collect();
        // The names mentioned under each surname, to find families without comparing
        // every person with every other.
        let mut by_surname: std::collections::HashMap<&str, std::collections::HashSet<&str>> =
            std::collections::HashMap::new();
        for p in people.iter().filter(|p| !p.mentions.is_empty()) {
            if let Some(s) = p.surname.as_deref() {
                by_surname.entry(s).or_default().insert(p.name.as_str());
            }
        }
        for e in &people {
            let surname = e.surname.as_deref().unwrap_or("");
            // Two people of one family in the story ("Bill and Hillary Clinton"): the
            // surname alone may be either, and is no introduction problem of one of them.
            let family =
                e.surname.is_some() && by_surname.get(surname).is_some_and(|names| names.iter().any(|n| *n != e.name));
            if family {
                continue;
            }
            // The introduction is the first mention with a given name and a surname, not
            // necessarily the fullest form (an obituary gives the birth name late).
            let text_of = |m: &crate::entities::Mention| a.doc.text(Span::new(m.start, m.end));
            let Some(first_full) = e.mentions.iter().find(|m| {
                !m.in_heading
                    && matches!(m.kind, MentionKind::Full | MentionKind::Surname)
                    && text_of(m).contains(' ')
                    && !text_of(m).eq_ignore_ascii_case(surname)
            }) else {
                continue;
            };
            let section = |m: &crate::entities::Mention| a.doc.blocks[m.block].section;
            for m in e.mentions.iter().filter(|m| {
                m.kind == MentionKind::Surname
                    && !m.in_heading
                    && m.start < first_full.start
                    // A live blog's items run newest first: a later item's introduction
                    // is no introduction for this one.
                    && section(m) == section(first_full)
                    && !titled(a, m.start)
                    && !modifier(a, m.start, m.end)
            }) {
                let (line, _) = a.doc.lines.line_col(&a.doc.source, first_full.start);
                out.push(
                    Diagnostic::new(
                        self,
                        Span::new(m.start, m.end),
                        format!("{} is not introduced until line {line}", e.name),
                    )
                    .help(format!("introduce the person here: {}", e.name)),
                );
            }
        }
        out
    }
}

/// A surname after a title or courtesy title ("President Obama", "Mrs. Clinton", "Sen.
/// Cruz"): an introduction many house styles accept for a public figure.
fn titled(a: &Analysis, start: usize) -> bool {
    let block_start = a.doc.block_at(start).map_or(start, |b| a.doc.blocks[b].span.start);
    a.doc.prose()[block_start..start].split_whitespace().next_back().is_some_and(|w| {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        crate::lexicon::is_title(w) || crate::entities::names::is_courtesy_title(w)
    })
}

/// A surname used as a modifier ("the Obama administration", "a Clinton ally", "Koch
/// brothers"): no mention of the person. A possessive is one ("Okonkwo's team").
fn modifier(a: &Analysis, start: usize, end: usize) -> bool {
    let text = a.doc.text(Span::new(start, end));
    if text.ends_with("'s") || text.ends_with("’s") {
        return false;
    }
    let next = a.doc.prose()[end..].split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
    crate::lexicon::is_name_modifier(next)
}

#[cfg(test)]
mod tests {
    use super::SurnameBeforeIntroduction as R;
    use crate::rules::testing::*;

    #[test]
    fn a_surname_before_the_full_name() {
        let text = "Okafor said the plant would close.\n\n“It is over,” said Chidi Okafor, director of the plant.";
        assert_flags(&R, text, "Okafor");
    }

    #[test]
    fn a_surname_after_the_full_name_is_right() {
        // near miss
        assert_count(&R, "“It is over,” said Chidi Okafor, director of the plant.\n\nOkafor said it would close.", 0);
    }

    #[test]
    fn a_title_before_the_surname_introduces_it() {
        assert_count(&R, "Gov. Okafor said the plant would close.\n\nChidi Okafor, the governor, spoke on Monday.", 0);
    }

    #[test]
    fn a_surname_as_a_modifier_is_no_mention() {
        assert_count(&R, "The Okafor administration said the plant would close.\n\nChidi Okafor spoke on Monday.", 0);
    }

    #[test]
    fn a_surname_two_people_share_is_not_flagged() {
        assert_count(
            &R,
            "Okafor said the plant would close.\n\nChidi Okafor and his wife, Ngozi Okafor, spoke on Monday.",
            0,
        );
    }
}
