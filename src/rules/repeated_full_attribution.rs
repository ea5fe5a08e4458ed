use super::{Applicability, Context, Diagnostic, Fix, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::document::Span;
use crate::entities::{EntityKind, MentionKind};
use std::collections::HashMap;

declare_rule! {
    /// A person re-introduced with full name and title after the first reference.
    ///
    /// ## What it does
    /// Flags a second or later mention of a person that repeats the full name, or the full
    /// name with title or affiliation, after the person was introduced. Headings (and an
    /// HTML article's header: headline, deck, byline) are not counted. Each item of a live
    /// blog and each group of a roundup under a label in capitals ("THE SENATE") introduces
    /// its people afresh. A full name again after a long gap is allowed: by default after 20
    /// paragraphs without any mention of the person (`[style] second_reference_distance`).
    ///
    /// ## Why is this bad?
    /// AP and Reuters style: introduce a source once, with full name and title; afterwards use
    /// the surname alone. A second full introduction reads as a new person and is usually the
    /// trace of paragraphs merged from two drafts.
    ///
    /// ## Example
    ///     “…,” said Ana Ruiz, director of the port authority. … “…,” said Ana Ruiz, director of the port authority.
    ///
    /// ## Use instead
    ///     “…,” said Ana Ruiz, director of the port authority. … “…,” Ruiz said.
    ///
    /// The suggested fix replaces the repeated name and title with the surname the article uses;
    /// it is not applied by `--fix`, because the sentence may need a touch afterwards.
    pub struct RepeatedFullAttribution;
}

impl Rule for RepeatedFullAttribution {
    fn id(&self) -> RuleId {
        RuleId::RepeatedFullAttribution
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
    fn check(&self, a: &Analysis, cx: &Context) -> Vec<Diagnostic> {
        let distance = cx.config.style.second_reference_distance;
        let mut out = Vec::new();
        // Each surname's people with a given name of their own, by their first word: one
        // pass, so an article of thousands of people stays linear. (Not the same person's
        // lone "Ms. Hune": a title or a courtesy title is no given name.)
        fn first(name: &str) -> &str {
            name.split(' ').next().unwrap_or("")
        }
        let mut given: HashMap<&str, (&str, bool)> = HashMap::default();
        for o in a.entities.entities.iter().filter(|o| o.kind == EntityKind::Person && o.name.contains(' ')) {
            let (Some(s), f) = (o.surname.as_deref(), first(&o.name)) else { continue };
            if crate::lexicon::is_title(f) || crate::entities::names::is_courtesy_title(f) {
                continue;
            }
            let entry = given.entry(s).or_insert((f, false));
            entry.1 |= entry.0 != f;
        }
        for e in a.entities.entities.iter().filter(|e| e.kind == EntityKind::Person) {
            // The first full mention of the current section of the article (a live blog's
            // items each introduce their people afresh), and the block of the last mention.
            let mut introduced: Option<(usize, usize)> = None;
            // (Another person of that surname with a given name of their own.)
            let shares_surname =
                e.surname.as_deref().and_then(|s| given.get(s)).is_some_and(|&(f, more)| more || f != first(&e.name));
            let mut last_block = 0;
            for m in &e.mentions {
                if m.in_heading {
                    continue;
                }
                let block = m.block;
                let section = a.doc.blocks[block].section;
                let previous = std::mem::replace(&mut last_block, block);
                if m.kind != MentionKind::Full {
                    continue;
                }
                // ("Dale Hune and his wife, Ana Hune, …" then "Dale Hune, 67, a retired
                // welder, said": one of a family who share a surname, named bare, is
                // introduced where a title or an appositive first comes.)
                let Some(_) = introduced.filter(|&(_, s)| s == section) else {
                    if m.intro.is_some() || !shares_surname {
                        introduced = Some((block, section));
                    }
                    continue;
                };
                // A re-introduction gives the full name again with a title or an
                // appositive. The bare full name repeated is the house's choice (to tell
                // two Clintons apart, or after a long gap); a surname with its title
                // ("President Obama", "Mr. Obama") is a second reference.
                let name = a.doc.text(Span::new(m.start, m.end));
                let surname = e.surname.as_deref().unwrap_or(&e.name);
                if m.intro.is_none() || !name.contains(' ') || name.eq_ignore_ascii_case(surname) {
                    continue;
                }
                if block.saturating_sub(previous) > distance {
                    continue;
                }
                let span = m.intro.map_or(Span::new(m.start, m.end), |i| i.cover(Span::new(m.start, m.end)));
                if a.quote_at(span.start).is_some() {
                    continue;
                }
                // "Sen. Dale Hune (@DaleHune)": an embedded post's credit line names its
                // author in full by design.
                if a.doc.prose()[m.end..].trim_start().starts_with("(@") {
                    continue;
                }
                let surname = surname.to_string();
                // Rewriting a name with its title and appositive can leave the sentence
                // needing a touch (an article, a comma), and a learnt surname may still be
                // wrong for a family-name-first name: the fix is offered, and applied only
                // by hand.
                let (line, _) = a.doc.lines.line_col(&a.doc.source, first_full(e).unwrap_or(m.start));
                out.push(
                    Diagnostic::new(self, span, format!("{} was already introduced on line {line}", e.name))
                        .help(format!("on second reference use the surname: {surname}"))
                        .fix(Fix {
                            applicability: Applicability::Unsafe,
                            edits: vec![super::Edit { start: span.start, end: span.end, replacement: surname }],
                        }),
                );
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
    fn a_markdown_roundup_group_under_a_label_in_capitals_names_in_full_by_design() {
        let roundup = |label: &str| {
            format!(
                "# Reactions to the kiln vote\n\nThe guild voted on Monday to keep the kiln open.\n\n**IN KELLAN**\n\n\
                 “The kiln stays.” — Ana Ruiz, chair of the potters’ guild\n\n“We lost the argument.” — Tomas Greer, ferry captain\n\n\
                 {label}\n\n“The vote is final, and the firing starts in May.” — Ana Ruiz, chair of the potters’ guild\n"
            )
        };
        let count = |text: &str| diagnostics_as(&R, text, crate::document::Format::Markdown).len();
        assert_eq!(count(&roundup("**WHAT COMES NEXT**")), 0);
        // near miss: a sentence, not a label, between the entries
        assert_eq!(count(&roundup("The chair spoke again later.")), 1);
    }

    #[test]
    fn a_second_full_introduction_is_flagged_and_cut_to_the_surname() {
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
    }

    #[test]
    fn a_roundup_group_and_a_page_header_introduce_no_one() {
        // Each group of a roundup names its speakers in full, by design.
        let text = "The council passed the budget. Council member Ana Ruiz, who chairs the finance panel, voted no.\n\n\
                    Here is some reaction:\n\nTHE COUNCIL\n\nCouncil member Ana Ruiz, in a statement: “We will pay for this.”\n";
        assert_count(&R, text, 0);
        // The deck in an article's header is not the story's introduction.
        let html =
            "<article><header><h1>Budget passes</h1><p class=\"deck\">Council member Ana Ruiz voted no</p></header>\
                    <p>Council member Ana Ruiz, who chairs the finance panel, voted no on Monday.</p></article>";
        let found = diagnostics_as(&R, html, crate::document::Format::Html);
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn the_surname_on_second_reference() {
        // near miss: first mention with title, surname on second reference
        assert_count(&R, "Port director Ana Ruiz said the port was ready.\n\n“It works,” Ruiz said.", 0);
    }

    #[test]
    fn two_people_sharing_a_surname_each_introduced_once() {
        assert_count(&R, "Tunde Adeyemi said he was ready.\n\nHis brother Kola Adeyemi said he was not.", 0);
    }

    #[test]
    fn the_full_name_with_its_title_again_is_a_reintroduction() {
        let text = "Budget chief Lerato Mokoena said cuts were coming.\n\nThe plan passed.\n\n\
                    Budget chief Lerato Mokoena said the vote was close.\n\nMokoena said more cuts could follow.";
        assert_count(&R, text, 1);
    }

    #[test]
    fn an_age_and_a_role_again_reintroduce_but_a_family_members_first_intro_does_not() {
        // Introduced with a role, then again with age and role, surname shared or not.
        let text =
            "Kiln fines\n\nTomas Greer, 61, and his wife, Ana Greer, 63, were fined.\n\nMrs Greer, a retired nurse, \
            said she had no regrets.\n\nOutside court, Ana Greer, 63, a retired nurse, called it fair.";
        assert_count(&R, text, 1);
        // Named bare beside a relative, then introduced: the first introduction.
        let text =
            "Vote splits\n\nDale Hune and his wife, Kestrel Hune, split their votes.\n\nDale Hune, 67, a retired \
            welder, said he would back the mayor.";
        assert_count(&R, text, 0);
        // Without a relative, the bare name was the introduction.
        let text = "Vote splits\n\nDale Hune split his vote.\n\nDale Hune, 67, a retired welder, said he would back the mayor.";
        assert_count(&R, text, 1);
    }

    #[test]
    fn the_bare_full_name_again_is_not() {
        // the house's choice, to tell two people apart
        let text = "Budget chief Lerato Mokoena said cuts were coming.\n\nThe plan passed.\n\n\
                    Lerato Mokoena said the vote was close.\n\nMokoena said more cuts could follow.";
        assert_count(&R, text, 0);
    }

    #[test]
    fn a_courtesy_or_job_title_with_the_surname_is_not() {
        // "Mr. Obama", "President Obama"
        let text = "President Barack Obama said the deal was fair.\n\nThe Senate voted on Tuesday.\n\n\
                    Mr. Obama said he was pleased.\n\nPresident Obama signed it on Friday.";
        assert_count(&R, text, 0);
    }

    #[test]
    fn each_live_blog_item_introduces_people_afresh() {
        // A live blog: each item, after a separator or a time, introduces people afresh.
        let text = "Budget chief Lerato Mokoena said cuts were coming.\n\n___\n\n9:15 p.m.\n\n\
                    Budget chief Lerato Mokoena said the vote was close.";
        assert_count(&R, text, 0);
    }

    #[test]
    fn an_embedded_posts_credit_line_names_its_author_in_full() {
        // near miss: the credit line of an embedded post, "Name (@handle) date"
        let text = "Sen. Dale Hune of Kellan said the ferry bill was fair.\n\n\
                    After the vote, Hune wrote on X: “A fair bill for the wharf.”\n\n\
                    A fair bill for the wharf.\n\n— Sen. Dale Hune (@DaleHune) May 9, 2025";
        assert_count(&R, text, 0);
    }

    #[test]
    fn a_caption_names_people_in_full_and_introduces_no_one() {
        use crate::document::Format;
        use crate::rules::testing::diagnostics_as;
        // The caption comes first and again after the body's introduction: it stands alone.
        let html = "<p>Budget chief Lerato Mokoena said cuts were coming.</p>\n                    <figure><img src=\"a.jpg\"><figcaption>Budget chief Lerato Mokoena at the vote on Tuesday.</figcaption></figure>\n                    <p>Mokoena said more cuts could follow.</p>";
        assert!(diagnostics_as(&R, html, Format::Html).is_empty());
        let html = "<figure><img src=\"a.jpg\"><figcaption>Budget chief Lerato Mokoena at the vote.</figcaption></figure>\n\n                    <p>Budget chief Lerato Mokoena said cuts were coming.</p>\n<p>Mokoena said more could follow.</p>";
        assert!(diagnostics_as(&R, html, Format::Html).is_empty());
        // (The same caption as a paragraph is a second full introduction.)
        let html = "<p>Budget chief Lerato Mokoena said cuts were coming.</p>\n<p>The plan passed.</p>\n                    <p>Budget chief Lerato Mokoena said the vote was close.</p>";
        assert_eq!(diagnostics_as(&R, html, Format::Html).len(), 1);
    }
}
