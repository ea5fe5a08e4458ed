use super::{Context, Diagnostic, Rule, Severity};
use crate::document::Span;
use crate::entities::{EntityKind, MentionKind};
use crate::Analysis;

/// A surname used alone before the person's full name appears.
pub struct SurnameBeforeIntroduction;

impl Rule for SurnameBeforeIntroduction {
    fn id(&self) -> &'static str {
        "surname-before-introduction"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn doc(&self) -> &'static str {
        "A surname used alone before the person is introduced.

## What it does
Flags a surname-only reference (\"Okafor said\") that comes before the first mention of
the person's full name. Headings are not counted.

## Why is this bad?
The reader meets a stranger: the first reference to a source gives the full name and
who they are; the surname alone is for later. It usually means paragraphs were
reordered.

## Example
    Okafor said the plant would close. … said Chidi Okafor, director of the plant.

## Use instead
Introduce the person at the first reference and use the surname afterwards."
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for e in a.entities.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            // The introduction is the first mention with a given name and a surname, not
            // necessarily the fullest form (an obituary gives the birth name late).
            let text_of = |m: &crate::entities::Mention| a.doc.text(Span::new(m.start, m.end));
            let surname = e.surname.as_deref().unwrap_or("");
            let Some(first_full) = e.mentions.iter().find(|m| {
                !m.in_heading
                    && matches!(m.kind, MentionKind::Full | MentionKind::Surname)
                    && text_of(m).contains(' ')
                    && !text_of(m).eq_ignore_ascii_case(surname)
            }) else {
                continue;
            };
            for m in e
                .mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Surname && !m.in_heading && m.start < first_full.start)
            {
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

#[cfg(test)]
mod tests {
    use super::SurnameBeforeIntroduction as R;
    use crate::rules::testing::*;

    #[test]
    fn cases() {
        let text = "Okafor said the plant would close.\n\n“It is over,” said Chidi Okafor, director of the plant.";
        assert_flags(&R, text, "Okafor");
        // near misses
        assert_count(&R, "“It is over,” said Chidi Okafor, director of the plant.\n\nOkafor said it would close.", 0);
    }
}
