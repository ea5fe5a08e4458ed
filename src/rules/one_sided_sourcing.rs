use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::attribution::SourceType;
use crate::document::Span;
use crate::lexicon;
use std::collections::HashMap;

declare_rule! {
    /// Article level: a single source carries the story.
    ///
    /// ## What it does
    /// With at least five attributed quotes, reports when one source carries at least 75% of
    /// them (`[style] single_source_share`), or when every quote comes from one source. The
    /// finding sits on the first line of the article (its headline or dateline) and names the
    /// source. Info by default.
    ///
    /// ## Why is this bad?
    /// A story with one voice is a press release. AP and Reuters ask for the other side and
    /// independent sources wherever there is a dispute; the editor should see at a glance that
    /// a story rests on one party.
    ///
    /// ## Example
    ///     Ten quotes, nine from the company's chief executive and one from its spokesman.
    ///
    /// ## Use instead
    /// Add an independent voice: a regulator, an analyst, a critic by name.
    pub struct OneSidedSourcing;
}

/// Fewer attributed quotes than this and the article is too short to judge.
const MIN_QUOTES: usize = 5;

impl Rule for OneSidedSourcing {
    fn id(&self) -> RuleId {
        RuleId::OneSidedSourcing
    }
    fn severity(&self) -> Severity {
        Severity::Info
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Style
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, cx: &Context) -> Vec<Diagnostic> {
        let attributed: Vec<_> = a
            .quotes
            .quotes
            .iter()
            .zip(&a.attributions.quotes)
            .filter(|(_, at)| at.speaker.is_some() && at.source_type != SourceType::Unattributed)
            .collect();
        if attributed.len() < MIN_QUOTES {
            return Vec::new();
        }
        if let Some(d) = one_side(a, &attributed) {
            return vec![d];
        }
        // (Its maximum is by count, then name: the same whatever the table's order.)
        let mut counts: HashMap<&str, usize, crate::hash::FastBuild> = HashMap::default();
        for (_, at) in &attributed {
            *counts.entry(at.speaker.as_deref().unwrap_or("")).or_default() += 1;
        }
        let Some((top, n)) = counts.iter().max_by_key(|(name, n)| (**n, std::cmp::Reverse(**name))) else {
            return Vec::new();
        };
        let share = *n as f64 / attributed.len() as f64;
        if share < cx.config.style.single_source_share {
            return Vec::new();
        }
        let (q, at) = attributed
            .iter()
            .find(|(_, at)| at.speaker.as_deref() == Some(*top))
            .copied()
            .expect("top speaker has a quote");
        let span = from_the_top(a, at.speaker_span.unwrap_or(q.span));
        vec![Diagnostic::new(self, span, format!("{n} of {} quotes come from {top}", attributed.len()))
            .help("add an independent source")]
    }
}

/// An article-level finding sits at the top of the article: the first line of its
/// first block (the headline, or the dateline's paragraph), at most 120 bytes of it;
/// the message names the source. A web page's article starts in its body: the `<title>`
/// in its head names the page, not the story. `first` (the source's first attribution)
/// stands in for an article with no blocks.
fn from_the_top(a: &Analysis, first: Span) -> Span {
    let body = match a.doc.format {
        crate::document::Format::Html => body_start(&a.doc.source),
        _ => 0,
    };
    let Some(block) = a.doc.blocks.iter().find(|b| b.span.start >= body).or(a.doc.blocks.first()) else {
        return first;
    };
    // From the start of its line: a dateline ("PERTH (Reuters) —") is not part of the
    // paragraph's prose, but it is the top of the article.
    let source = &a.doc.source;
    let start = source[..block.span.start].rfind('\n').map_or(0, |i| i + 1);
    let line = &source[start..];
    let mut end = line.find('\n').unwrap_or(line.len()).min(120);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, start + end)
}

/// Where a web page's `<body>` tag starts (0 when it has none).
fn body_start(source: &str) -> usize {
    let bytes = source.as_bytes();
    memchr::memmem::find_iter(bytes, b"<")
        .find(|&i| bytes.get(i + 1..i + 5).is_some_and(|t| t.eq_ignore_ascii_case(b"body")))
        .unwrap_or(0)
}

/// Every quote from one side: the speakers are all the same body or people affiliated
/// with it (a generic "the company" counts for the one named company in play).
fn one_side(
    a: &Analysis,
    attributed: &[(&crate::quotes::Quote, &crate::attribution::Attribution)],
) -> Option<Diagnostic> {
    let side = |at: &crate::attribution::Attribution| -> Option<String> {
        match at.entity.map(|id| &a.entities.entities[id]) {
            Some(e) if e.kind == crate::entities::EntityKind::Person => e.affiliation.clone(),
            _ => at.speaker.as_ref().map(|s| if s.contains(' ') { s.clone() } else { format!("the {s}") }),
        }
    };
    let sides: Vec<Option<String>> = attributed.iter().map(|(_, at)| side(at)).collect();
    let named: Vec<&String> = sides.iter().flatten().filter(|s| !s.starts_with("the ")).collect();
    let first = named.first()?;
    let generic_ok = |s: &String| s.starts_with("the ") && lexicon::is_body_noun(s.trim_start_matches("the "));
    let all_one = sides.iter().all(|s| s.as_ref().is_some_and(|s| s == *first || generic_ok(s)));
    if !all_one || sides.len() < MIN_QUOTES || named.iter().any(|s| s != first) {
        return None;
    }
    let (q, at) = attributed[0];
    Some(
        Diagnostic::new(
            &OneSidedSourcing,
            from_the_top(a, at.speaker_span.unwrap_or(q.span)),
            format!("all {} quotes come from one side: {first}", sides.len()),
        )
        .help("add an independent source"),
    )
}

#[cfg(test)]
mod tests {
    use super::OneSidedSourcing as R;
    use crate::rules::testing::*;

    #[test]
    fn five_quotes_from_one_source() {
        let one = "“A,” said Ana Ruiz, the chief executive. “B,” Ruiz said. “C,” Ruiz said.\n\n“D,” Ruiz said.\n\n“E,” Ruiz said.";
        assert_count(&R, one, 1);
    }

    #[test]
    fn on_a_web_page_the_finding_sits_on_the_story_not_the_page_title() {
        let page = "<html><head>\n<title>Kiln reopens | The Kellan Post</title>\n</head><body><nav>Home</nav>\n\
            <h1>Kellan kiln reopens after a year</h1>\n<p>“A,” said Ana Ruiz, the chief executive. “B,” Ruiz said.</p>\n\
            <p>“C,” Ruiz said.</p><p>“D,” Ruiz said.</p><p>“E,” Ruiz said.</p></body></html>";
        let found = diagnostics_as(&R, page, crate::document::Format::Html);
        assert_eq!(found.len(), 1);
        assert_eq!(&page[found[0].span.start..found[0].span.end], "<h1>Kellan kiln reopens after a year</h1>");
    }

    #[test]
    fn balanced_sources_are_not_one_sided() {
        // near miss: balanced sources
        let two = "“A,” said Ana Ruiz, the chief executive. “B,” Ruiz said.\n\n“C,” said Tom Lee, a regulator. “D,” Lee said.\n\n“E,” Ruiz said.";
        assert_count(&R, two, 0);
    }

    #[test]
    fn too_few_quotes_to_judge() {
        // near miss: too few quotes
        assert_count(&R, "“A,” said Ana Ruiz, the chief executive. “B,” Ruiz said.", 0);
    }
}
