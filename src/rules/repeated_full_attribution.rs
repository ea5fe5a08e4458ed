use super::{Applicability, Context, Diagnostic, Fix, Rule, Severity};
use crate::document::Span;
use crate::entities::{EntityKind, MentionKind};
use crate::Analysis;

/// A source re-introduced with full name (and title) after the first reference.
pub struct RepeatedFullAttribution;

impl Rule for RepeatedFullAttribution {
    fn id(&self) -> &'static str {
        "repeated-full-attribution"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn doc(&self) -> &'static str {
        "A person re-introduced with full name and title after the first reference.

## What it does
Flags a second or later mention of a person that repeats the full name, or the full
name with title or affiliation, after the person was introduced. Headings are not
counted. A full name again after a long gap is allowed: by default after 20
paragraphs without any mention of the person (`[style] second_reference_distance`).

## Why is this bad?
AP and Reuters style: introduce a source once, with full name and title; afterwards use
the surname alone. A second full introduction reads as a new person and is usually the
trace of paragraphs merged from two drafts.

## Example
    “…,” said Ana Ruiz, director of the port authority. … “…,” said Ana Ruiz, director of the port authority.

## Use instead
    “…,” said Ana Ruiz, director of the port authority. … “…,” Ruiz said.

The suggested fix replaces the repeated name and title with the surname the article uses;
it is not applied by `--fix`, because the sentence may need a touch afterwards."
    }
    fn check(&self, a: &Analysis, cx: &Context) -> Vec<Diagnostic> {
        let distance = cx.config.style.second_reference_distance;
        let mut out = Vec::new();
        for e in a.entities.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let mut introduced: Option<usize> = None; // block of the first full mention
                                                      // An article that never shortens the name (a Malay "Nurul Hidayah", a Burmese
                                                      // "Aung Ko Oo") repeats it in full by convention: only a repeated title or
                                                      // appositive is a re-introduction then.
            let shortened = e.mentions.iter().any(|m| m.kind == MentionKind::Surname);
            let mut last_block = 0;
            for m in &e.mentions {
                if m.in_heading {
                    continue;
                }
                if m.kind == MentionKind::Full {
                    match introduced {
                        None => introduced = Some(m.block),
                        Some(first) => {
                            if m.block == first && m.intro.is_none() || m.block.saturating_sub(last_block) > distance {
                                last_block = m.block;
                                continue;
                            }
                            // The surname alone (a one-name person) is no re-introduction.
                            let surname = e.surname.as_deref().unwrap_or(&e.name);
                            if m.intro.is_none() && a.doc.text(Span::new(m.start, m.end)).eq_ignore_ascii_case(surname)
                            {
                                last_block = m.block;
                                continue;
                            }
                            if m.intro.is_none() && !shortened {
                                last_block = m.block;
                                continue;
                            }
                            let span =
                                m.intro.map_or(Span::new(m.start, m.end), |i| i.cover(Span::new(m.start, m.end)));
                            let in_quote = a.quote_at(span.start).is_some();
                            if in_quote {
                                continue;
                            }
                            let surname = e.surname.clone().unwrap_or_else(|| e.name.clone());
                            // Only a surname the article itself uses is safe to write in.
                            // Rewriting a name with its title and appositive can leave the
                            // sentence needing a touch (an article, a comma), and a learnt
                            // surname may still be wrong for a family-name-first name: the
                            // fix is offered, and applied only by hand.
                            let applicability = Applicability::Unsafe;
                            let (line, _) = a.doc.lines.line_col(&a.doc.source, first_full(e).unwrap_or(m.start));
                            out.push(
                                Diagnostic::new(
                                    self,
                                    span,
                                    format!("{} was already introduced on line {line}", e.name),
                                )
                                .help(format!("on second reference use the surname: {surname}"))
                                .fix(Fix {
                                    applicability,
                                    edits: vec![super::Edit { start: span.start, end: span.end, replacement: surname }],
                                }),
                            );
                        }
                    }
                }
                last_block = m.block;
            }
        }
        out
    }
}

fn first_full(e: &crate::entities::Entity) -> Option<usize> {
    e.mentions.iter().find(|m| m.kind == MentionKind::Full && !m.in_heading).map(|m| m.start)
}

#[cfg(test)]
mod tests {
    use super::RepeatedFullAttribution as R;
    use crate::rules::testing::*;

    #[test]
    fn cases() {
        let text = "“We are ready,” said Ana Ruiz, director of the port authority.\n\nThe port reopened.\n\n“It works,” said Ana Ruiz, director of the port authority.";
        assert_count(&R, text, 1);
        assert_fix(
            &R,
            text,
            &text.replacen("said Ana Ruiz, director of the port authority.", "said Ruiz.", 2).replacen(
                "said Ruiz.",
                "said Ana Ruiz, director of the port authority.",
                1,
            ),
        );
        // near misses: first mention with title, surname on second reference
        assert_count(&R, "Port director Ana Ruiz said the port was ready.\n\n“It works,” Ruiz said.", 0);
        // two people sharing a surname, each introduced once
        assert_count(&R, "Tunde Adeyemi said he was ready.\n\nHis brother Kola Adeyemi said he was not.", 0);
        // The bare full name repeated: an error where the article shortens it elsewhere …
        let text = "Budget chief Lerato Mokoena said cuts were coming.\n\nThe plan passed.\n\n\
                    Lerato Mokoena said the vote was close.\n\nMokoena said more cuts could follow.";
        assert_count(&R, text, 1);
        // … but the article's convention where it never does (a Malay name, given names only).
        let text = "Budget chief Nurul Hidayah said cuts were coming.\n\nThe plan passed.\n\n\
                    Nurul Hidayah said the vote was close.";
        assert_count(&R, text, 0);
    }
}
