// Over 700 lines: each kind of furniture line (separator, label, style sheet, credit,
// widget, publication stamp) is a small test of its own, read together in the one
// line-by-line pass, and a third of the file is their tests.
//! Plain-text reader: paragraphs by blank lines or by line, headings by shape, and a
//! leading CMS metadata line (` date 2025-11-24 `) blanked so it is not read as prose.

use super::markup::{Markup, MarkupKind};
use super::{blank, blank_bom, into_string, normalise_line_endings, BlockKind, Raw, Span};

pub(crate) fn read(source: &str) -> Raw {
    let bytes = source.as_bytes();
    let furniture = furniture(source);
    // Most plain text needs no blanking: then the prose is the source itself, not a copy.
    let copy = bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.contains(&b'\r')
        || metadata_prefix(bytes) > 0
        || !furniture.lines.is_empty();
    let prose = copy.then(|| {
        let mut prose = bytes.to_vec();
        blank_bom(&mut prose);
        normalise_line_endings(&mut prose);
        let meta = metadata_prefix(&prose);
        blank(&mut prose, Span::new(0, meta));
        for line in &furniture.lines {
            blank(&mut prose, *line);
        }
        into_string(prose)
    });
    let blocks = blocks(prose.as_deref().unwrap_or(source));
    // The byte-order mark, a metadata line and furniture are not the article's words.
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) { 3 } else { 0 };
    let meta = metadata_prefix(prose.as_deref().unwrap_or(source).as_bytes());
    let mut spans = vec![(Span::new(0, bom), MarkupKind::Markup), (Span::new(0, meta), MarkupKind::Markup)];
    spans.extend(furniture.lines.iter().map(|l| (*l, MarkupKind::Markup)));
    let markup = Markup::from_spans(spans);
    Raw { prose, blocks, comments: Vec::new(), markup, sections: furniture.sections, pull_quotes: Vec::new() }
}

/// Lines of a plain-text export that are not the article's prose, and where its items
/// begin.
#[derive(Default)]
struct Furniture {
    /// Spans of whole lines to blank: markup and embeds left by a CMS (`<tweet …>`), style
    /// sheets, separators, timestamps of live items, archive labels ("ABSTRACT.") and the
    /// summaries or notes they introduce, picture credits, scraped page widgets.
    lines: Vec<Span>,
    /// Offsets where a new item starts: after a separator (`___`) or at a timestamp line,
    /// as in live blogs, whose items each introduce their people afresh.
    sections: Vec<usize>,
}

/// What the line-by-line pass is inside of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Region {
    Story,
    /// After a summary label, up to the next label or separator.
    Summary,
    /// After a note label, up to the end of the next paragraph.
    Note {
        seen_text: bool,
    },
}

fn furniture(source: &str) -> Furniture {
    let mut out = Furniture::default();
    pull_quotes(source, &mut out);
    let mut region = Region::Story;
    let mut start = 0;
    let mut label_at = None;
    for line in lines_inclusive(source) {
        let span = Span::new(start, start + line.trim_end_matches(['\n', '\r']).len());
        start += line.len();
        let text = line.trim();
        if text.is_empty() {
            if let Region::Note { seen_text: true } = region {
                region = Region::Story;
            }
            continue;
        }
        if is_separator(text) || is_timestamp(text) {
            out.lines.push(span);
            out.sections.push(if is_separator(text) { span.end } else { span.start });
            region = Region::Story;
            continue;
        }
        // "THE SENATE", "INTEREST GROUPS": a label in capitals heads one group of a
        // roundup, whose entries each name their speaker in full; a group's first entry
        // opens on a quote or gives its speaker before a colon ("Ana Ruiz, in a
        // statement: “…”"). A subhead in capitals over narrative is no group.
        if let Some(at) = label_at.take() {
            let lead = text.split(['“', '"']).next().unwrap_or(text);
            if lead.is_empty() || lead.len() < 120 && lead.trim_end().ends_with(':') {
                out.sections.push(at);
            }
        }
        if start > line.len() && label(text).is_none() && is_group_label(text) {
            label_at = Some(span.start);
            continue;
        }
        if let Some(kind) = label(text) {
            out.lines.push(span);
            region = match kind {
                "summary" => Region::Summary,
                "note" => Region::Note { seen_text: false },
                _ => Region::Story,
            };
            continue;
        }
        match region {
            Region::Summary => {
                out.lines.push(span);
                continue;
            }
            Region::Note { .. } => {
                out.lines.push(span);
                region = Region::Note { seen_text: true };
                continue;
            }
            Region::Story => {}
        }
        if is_markup_line(text) || is_style_line(text) || is_credit(text) || is_widget(text) {
            out.lines.push(span);
        }
    }
    out
}

/// Pull quotes a web page repeats from its story, exported as paragraphs wrapped in
/// straight marks: a quote with the speaker's name on a line of its own under it
/// (`"We won.\nJane Roe."`), or a sentence of the story repeated whole (`"On Sunday, the
/// senator raised $20 million."`). They are page furniture: the story has the words.
fn pull_quotes(source: &str, out: &mut Furniture) {
    for (start, para) in split_blank_lines(source) {
        let span = Span::new(start, start + para.len());
        let text = para.trim();
        // The whole paragraph is one quote: its only marks open and close it, so no
        // attribution stands outside them.
        if !text.starts_with('"') || !text.trim_end_matches('.').ends_with('"') || text.matches('"').count() != 2 {
            continue;
        }
        let lines: Vec<&str> = text.lines().collect();
        let name_line = |l: &str| {
            let words = l.split_whitespace().count();
            (1..=8).contains(&words) && l.chars().next().is_some_and(char::is_uppercase) && !l.contains(['“', '”'])
        };
        let boxed = lines.len() == 2 && name_line(lines[1]);
        // A repeated sentence: its first words, past the mark, occur elsewhere in the story.
        let repeated = lines.len() == 1 && {
            let inner = text.trim_start_matches('"');
            let probe: String = inner.chars().take(48).collect();
            probe.chars().count() >= 24 && source.matches(probe.as_str()).count() >= 2
        };
        if boxed || repeated {
            let lead = para.len() - para.trim_start().len();
            out.lines.push(Span::new(span.start + lead, span.start + lead + text.len()));
        }
    }
}

/// The pieces of `source.split("\n\n")` with their offsets, found with memmem.
/// `source.split_inclusive('\n')`, its breaks found by one memchr over the whole text
/// rather than a search set up for each (short) line.
fn lines_inclusive(source: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i + 1).chain(std::iter::once(source.len())).filter_map(
        move |end| {
            // (Only the piece after a final break is empty: split_inclusive gives none.)
            let line = (end > start).then(|| &source[start..end]);
            start = end;
            line
        },
    )
}

fn split_blank_lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    memchr::memmem::find_iter(source.as_bytes(), b"\n\n").chain(std::iter::once(source.len())).map(move |end| {
        let piece = (start, &source[start..end]);
        start = end + 2;
        piece
    })
}

/// `___`, `***`, `---`, `===` (three or more, an optional period).
fn is_separator(text: &str) -> bool {
    let t = text.trim_end_matches('.');
    // The chars' kind first: a line of prose fails on its first char, before its chars are
    // counted.
    t.chars().all(|c| matches!(c, '_' | '-' | '*' | '=' | '~' | '•' | '—')) && t.chars().count() >= 2
}

/// A live item's heading that opens on its time: `12:41 a.m. — Mayor declares victory`,
/// `9:15 p.m.: Polls close`, or the time alone.
pub(crate) fn opens_with_timestamp(text: &str) -> bool {
    let text = text.trim();
    // A time opens on a digit: most text is turned away before any searching.
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let time =
        [" — ", " – ", " - ", ": ", " | "].iter().filter_map(|sep| text.find(sep)).min().map_or(text, |at| &text[..at]);
    is_timestamp(time)
}

/// A live item's time on a line of its own: `9:15 p.m.`, `10:02 a.m. ET:`, `8 p.m.`.
fn is_timestamp(text: &str) -> bool {
    let t = text.trim_end_matches([':', '.', ' ']);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let mut rest = &t[digits..];
    let mut minutes = false;
    if let Some(r) = rest.strip_prefix([':', '.']) {
        if r.len() < 2 || !r.as_bytes()[..2].iter().all(u8::is_ascii_digit) {
            return false;
        }
        rest = &r[2..];
        minutes = true;
    }
    let rest = rest.trim_start();
    let zone_ok = |zone: &str| zone.is_empty() || (zone.len() <= 4 && zone.chars().all(|c| c.is_ascii_uppercase()));
    let after = ["a.m", "p.m", "am", "pm", "AM", "PM"].iter().find_map(|m| rest.strip_prefix(m));
    match after {
        Some(zone) => zone_ok(zone.trim_start_matches('.').trim()),
        // A 24-hour clock, "23:41", "08:15 GMT": two digits for the hour (not a verse's
        // "3:16"), at most 23.
        None => minutes && digits == 2 && t[..2].parse::<u8>().is_ok_and(|h| h <= 23) && zone_ok(rest),
    }
}

/// An archive or CMS label in capitals on a line of its own: "ABSTRACT.", "FULL TEXT.".
fn label(text: &str) -> Option<&'static str> {
    let t = text.trim_end_matches(['.', ':', ' ']);
    if t.is_empty() || t.chars().any(char::is_lowercase) || !t.chars().any(char::is_alphabetic) {
        return None;
    }
    crate::lexicon::furniture_label(t)
}

/// A short line in capitals with no sentence punctuation: "THE WHITE HOUSE", "ON THE
/// RIGHT".
pub(crate) fn is_group_label(text: &str) -> bool {
    // The cheap tests first (a line of prose fails on its first or second char); the
    // words are counted only up to seven.
    text.chars().next().is_some_and(char::is_alphabetic)
        && !text.chars().any(char::is_lowercase)
        && !text.ends_with(['.', '!', '?', ',', ';', '"', '”'])
        && (1..=6).contains(&text.split_whitespace().take(7).count())
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// A line that is an element of markup a plain-text export kept: `<tweet …>…</tweet>`,
/// `<div class="…">`.
fn is_markup_line(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next() == Some('<')
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!')
        && text.trim_end_matches('.').ends_with('>')
}

/// A line of a style sheet: `.gmobile {`, `width:100%;`, `}`.
fn is_style_line(text: &str) -> bool {
    let t = text.trim_end_matches('.');
    if t == "}" || t == "{" {
        return true;
    }
    if let Some(selector) = t.strip_suffix('{') {
        let selector = selector.trim();
        return !selector.is_empty()
            && !selector.contains(' ')
            && selector.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '#' | '-' | '_' | ':'));
    }
    t.strip_suffix(';').and_then(|d| d.split_once(':')).is_some_and(|(property, _)| {
        let property = property.trim();
        !property.is_empty() && property.chars().all(|c| c.is_ascii_lowercase() || c == '-')
    })
}

/// A short line that credits a picture: "Getty Images.", "Bloomberg via Getty Images.".
fn is_credit(text: &str) -> bool {
    at_most_six_words(text) && crate::lexicon::has_credit(text)
}

/// `text.split_whitespace().nth(6).is_none()`, with ASCII bytes classed by byte rather
/// than decoded (most lines of prose reach their seventh word before any other char).
fn at_most_six_words(text: &str) -> bool {
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        if !b.is_ascii() {
            return text.split_whitespace().nth(6).is_none();
        }
        // The ASCII chars `char::is_whitespace` takes: tab to carriage return, space.
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        if !space && !in_word {
            words += 1;
            if words == 7 {
                return false;
            }
        }
        in_word = !space;
    }
    true
}

/// Scraped page chrome: words run together into one ("FlagShareLikeReply…").
fn is_widget(text: &str) -> bool {
    // No word can hold three humps when the whole line holds fewer (a hump is two
    // adjacent ASCII letters, never split by a space): most lines stop here.
    // (Every pair counted, without a branch per byte, so that the compiler counts them a
    // vector at a time: this runs over every line of a plain-text article.)
    if humps(text.as_bytes()) < 3 {
        return false;
    }
    text.split_whitespace().any(|w| {
        let humps = w.as_bytes().windows(2).filter(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase()).count();
        humps >= 3
    })
}

/// How many times an ASCII lower-case letter is followed by an upper-case one. Counted in
/// a byte per lane, 255 pairs at a time, so that the compiler keeps a vector of them (a
/// count as wide as `usize` takes a lane of eight bytes, and it did not).
fn humps(bytes: &[u8]) -> usize {
    let after = bytes.get(1..).unwrap_or_default();
    bytes
        .chunks(255)
        .zip(after.chunks(255))
        .map(|(a, b)| {
            let n =
                a.iter().zip(b).fold(0u8, |n, (a, b)| n + u8::from(a.is_ascii_lowercase() & b.is_ascii_uppercase()));
            usize::from(n)
        })
        .sum()
}

/// Length of a leading run of `key value` pairs whose values look like dates or times
/// (` date 2025-11-24 `, `updated: 14:05`). CMS exports put these in front of the first
/// sentence, on the same line; they are metadata, not the article's words.
fn metadata_prefix(prose: &[u8]) -> usize {
    let mut end = 0;
    let mut i = skip(prose, 0, |b| b == b' ' || b == b'\t' || b == b'\n');
    loop {
        let key_end = skip(prose, i, |b| b.is_ascii_lowercase() || b == b'_' || b == b'-');
        if key_end == i || key_end - i > 20 {
            return end;
        }
        let mut j = key_end;
        if prose.get(j) == Some(&b':') {
            j += 1;
        }
        let value_start = skip(prose, j, |b| b == b' ' || b == b'\t');
        if value_start == j {
            return end;
        }
        let value_end = skip(prose, value_start, |b| {
            b.is_ascii_digit() || matches!(b, b'-' | b'/' | b':' | b'.' | b'+' | b'T' | b'Z')
        });
        let value = &prose[value_start..value_end];
        let key = &prose[i..key_end];
        let known_key = METADATA_KEYS.iter().any(|k| k.as_bytes() == key);
        let digits = value.iter().filter(|b| b.is_ascii_digit()).count();
        let after = prose.get(value_end).copied();
        let shaped = if known_key { digits >= 2 } else { is_iso_date(value) };
        if !shaped || !matches!(after, None | Some(b' ' | b'\t' | b'\n')) {
            return end;
        }
        end = value_end;
        i = skip(prose, value_end, |b| b == b' ' || b == b'\t' || b == b'\n');
    }
}

/// Keys CMS exports put in front of an article.
const METADATA_KEYS: &[&str] =
    &["date", "time", "updated", "published", "modified", "created", "posted", "dateline", "id", "version"];

/// `2025-11-24`, optionally followed by a time.
fn is_iso_date(value: &[u8]) -> bool {
    value.len() >= 10
        && value[..4].iter().all(u8::is_ascii_digit)
        && value[4] == b'-'
        && value[5..7].iter().all(u8::is_ascii_digit)
        && value[7] == b'-'
        && value[8..10].iter().all(u8::is_ascii_digit)
}

fn skip(bytes: &[u8], mut i: usize, pred: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && pred(bytes[i]) {
        i += 1;
    }
    i
}

/// Non-empty lines of the prose, trimmed, as spans.
fn lines(prose: &str) -> Vec<Option<Span>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Each line break found with memchr, and the end of the text as one more.
    for i in memchr::memchr_iter(b'\n', prose.as_bytes()).chain(std::iter::once(prose.len())) {
        let line = &prose[start..i];
        let trimmed = line.trim();
        out.push((!trimmed.is_empty()).then(|| {
            let lead = line.len() - line.trim_start().len();
            Span::new(start + lead, start + lead + trimmed.len())
        }));
        start = i + 1;
    }
    out
}

fn blocks(prose: &str) -> Vec<(BlockKind, Span)> {
    let mut out = Vec::new();
    let mut chunk: Vec<Span> = Vec::new();
    let mut first = true;
    let lines = lines(prose);
    for (i, line) in lines.iter().copied().chain(std::iter::once(None)).enumerate() {
        match line {
            Some(span) => chunk.push(span),
            None if !chunk.is_empty() => {
                let more = lines[i.min(lines.len())..].iter().any(Option::is_some);
                if first && more && is_headline_and_deck(prose, &chunk) {
                    out.extend(chunk.iter().map(|s| (BlockKind::Heading, *s)));
                } else {
                    paragraphs(prose, &chunk, &mut out);
                }
                first = false;
                chunk.clear();
            }
            None => {}
        }
    }
    // The first line of a story, alone above the rest with no end punctuation and in
    // headline grammar (few articles, no past auxiliary), is its headline however long:
    // "Japan, Vietnam leaders agree to fast-track …, Tokyo says".
    // A short first line above a longer paragraph (the next, or one of the two after a
    // short kicker: "He's back.") is the headline, whatever it ends with (some exports
    // give every headline a period), unless it reads as narrative: headlines speak in
    // the present ("says", "to meet"), not "said" or "was".
    let count = |s: &Span| prose[s.start..s.end].split_whitespace().count();
    let first_words = out.first().map_or(0, |(_, s)| count(s));
    let longer_below = out.iter().skip(1).take(3).any(|(k, s)| *k == BlockKind::Paragraph && count(s) > first_words);
    if let [(kind @ BlockKind::Paragraph, span), (BlockKind::Paragraph, _), ..] = out.as_mut_slice() {
        let line = &prose[span.start..span.end];
        let words = first_words;
        if !line.contains('\n')
            && words <= 18
            && longer_below
            && (!is_narrative(line) || headline_form(line))
            && (!line.starts_with(['"', '“', '‘', '\'']) || short_quoted_lead(line))
        {
            *kind = BlockKind::Heading;
        }
    }
    if let [(kind @ BlockKind::Paragraph, span), _, ..] = out.as_mut_slice() {
        let line = &prose[span.start..span.end];
        let words = || line.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase());
        let articles = words().filter(|w| matches!(w.as_str(), "the" | "a" | "an")).count();
        let past = words().any(|w| matches!(w.as_str(), "was" | "were" | "had"));
        if !line.contains('\n')
            && line.len() <= 200
            && line.split_whitespace().count() <= 25
            && articles <= 1
            && !past
            && !ends_sentence(line)
            && is_heading_shape(line)
        {
            *kind = BlockKind::Heading;
        }
    }
    out
}

/// The first lines of a story, a headline and its deck with no blank line between
/// ("Win could help X make case vs. Y;" above "Underdog sees prospect …"): two or three
/// short lines, the first in headline grammar.
fn is_headline_and_deck(prose: &str, chunk: &[Span]) -> bool {
    let count = |s: &Span| prose[s.start..s.end].split_whitespace().count();
    let head = &prose[chunk[0].start..chunk[0].end];
    (2..=3).contains(&chunk.len())
        && count(&chunk[0]) <= 18
        && chunk.iter().all(|s| count(s) <= 25)
        && !is_narrative(head)
        && !head.starts_with(['"', '“', '‘', '\''])
        && !ends_sentence(head)
        && chunk[1..].iter().all(|s| prose[s.start..].chars().next().is_some_and(char::is_uppercase))
}

/// Forms only a headline takes, whatever its verbs: a label before a colon in the first
/// words ("Inquiry report: city was wrong on permits", "Ruiz: 'We were not told'"), or two
/// names joined by a comma for "and" ("Ruiz, Ortiz had different answers on the plan").
fn headline_form(line: &str) -> bool {
    let first: Vec<&str> = line.split_whitespace().take(4).collect();
    let label = first.iter().take(3).any(|w| w.ends_with(':'));
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let pair = first.len() >= 2 && first[0].ends_with(',') && capital(first[0]) && capital(first[1]);
    label || pair
}

/// A line that opens on a short quoted name or title and goes on ("'Late Show' host
/// mocks the debate"), not on a quoted sentence.
fn short_quoted_lead(line: &str) -> bool {
    let rest = &line[line.chars().next().map_or(0, char::len_utf8)..];
    let Some(close) = rest.find(['"', '”', '’', '\'']) else {
        return false;
    };
    let quoted = &rest[..close];
    let after = &rest[close..];
    quoted.split_whitespace().count() <= 3
        && !quoted.ends_with(['.', ',', '!', '?'])
        && after.split_whitespace().count() >= 3
}

/// A line that tells a story in the past ("said", "was"): headlines speak in the present.
fn is_narrative(line: &str) -> bool {
    line.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .any(|w| matches!(w.as_str(), "said" | "told" | "was" | "were" | "had"))
}

/// Split a run of non-blank lines into paragraphs. Hard-wrapped text (every line but the
/// last of similar, moderate length) is one paragraph; otherwise each line is a paragraph
/// unless it ends mid-sentence and the next line carries on in lower case.
fn paragraphs(prose: &str, chunk: &[Span], out: &mut Vec<(BlockKind, Span)>) {
    // (A publication stamp above a credit line is two lines of furniture, not prose
    // wrapped to a width.)
    let wrapped = chunk.len() > 1
        && chunk[..chunk.len() - 1].iter().all(|s| {
            let n = prose[s.start..s.end].chars().count();
            (40..=100).contains(&n)
        })
        && !chunk.iter().any(|s| is_stamp(&prose[s.start..s.end]));
    if wrapped {
        out.push((BlockKind::Paragraph, Span::new(chunk[0].start, chunk[chunk.len() - 1].end)));
        return;
    }
    let mut start = chunk[0];
    for pair in chunk.windows(2) {
        let (line, next) = (&prose[pair[0].start..pair[0].end], &prose[pair[1].start..pair[1].end]);
        let continues = !ends_sentence(line) && next.chars().next().is_some_and(|c| c.is_lowercase());
        if !continues {
            push(prose, Span::new(start.start, pair[0].end), out);
            start = pair[1];
        }
    }
    push(prose, Span::new(start.start, chunk[chunk.len() - 1].end), out);
}

/// A publication stamp on a line of its own: "Updated 11:52 p.m. EST, Dec. 2, 2025",
/// "Published May 3, 2026", "Last updated 9:40 a.m.".
fn is_stamp(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    let first = if first == "Last" { words.next().unwrap_or("") } else { first };
    matches!(first, "Updated" | "updated" | "Published" | "Posted")
        && line.split_whitespace().count() <= 14
        && line.bytes().any(|b| b.is_ascii_digit())
}

fn push(prose: &str, span: Span, out: &mut Vec<(BlockKind, Span)>) {
    let kind = if is_heading(&prose[span.start..span.end]) { BlockKind::Heading } else { BlockKind::Paragraph };
    out.push((kind, span));
}

/// A line ends a sentence: terminal punctuation, possibly followed by closing marks.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c));
    trimmed.ends_with(['.', '!', '?', '…'])
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '*' | '_')
}

/// A heading in plain text: one short line, no terminal punctuation, not starting in
/// lower case or with a quote mark.
pub(crate) fn is_heading(line: &str) -> bool {
    let line = line.trim();
    // (The length first: most paragraphs are longer, and need no scan.)
    if line.len() > 100 || line.contains('\n') || line.split_whitespace().nth(12).is_some() {
        return false;
    }
    is_heading_shape(line)
}

/// Starts like a title and ends bare: not lower case or a quote mark first, no closing
/// punctuation last.
fn is_heading_shape(line: &str) -> bool {
    let line = line.trim();
    let (Some(first), Some(last)) = (line.chars().next(), line.chars().next_back()) else {
        return false;
    };
    if first.is_lowercase() || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '«' | '-' | '—') {
        return false;
    }
    // (Two apostrophes last close a quote: archives that write a double mark so end a
    // quoted line `….''`. One may close a headline's single-quoted word.)
    !matches!(last, '.' | '!' | '?' | '…' | ',' | ';' | ':' | '"' | '”' | '’' | ')' | '—' | '-')
        && !line.ends_with("''")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`super::humps`] counts what the plain pairwise reading counts.
    #[test]
    fn humps_is_the_pairwise_count() {
        let count = |b: &[u8]| b.windows(2).filter(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase()).count();
        let (edge, long) = (format!("{}B{}C", "a".repeat(254), "b".repeat(254)), "aB".repeat(700));
        for text in ["", "a", "aB", "FlagShareLikeReplyMore", "zZ aA é É xYz’Q", &"abCdEfGh ".repeat(9), &edge, &long]
        {
            assert_eq!(super::humps(text.as_bytes()), count(text.as_bytes()), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn at_most_six_words_is_split_whitespace(text in "([a-zA-Z.,’é]{0,6}[ \t\n\r\x0b\x0c\u{a0}\u{2009}\u{1c}]{0,2}){0,10}") {
            proptest::prop_assert_eq!(super::at_most_six_words(&text), text.split_whitespace().nth(6).is_none());
        }
    }

    #[test]
    fn blank_line_pieces_are_str_split() {
        for text in ["", "a", "\n\n", "a\n\nb", "a\n\n\nb", "\n\n\n\n", "a\n\n\n\n\nb\n", "x\ny\n\n“z”\n\n"] {
            let mut at = 0;
            let want: Vec<(usize, &str)> = text
                .split("\n\n")
                .map(|p| {
                    let piece = (at, p);
                    at += p.len() + 2;
                    piece
                })
                .collect();
            assert_eq!(split_blank_lines(text).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(BlockKind, &str)> {
        let raw = read(text);
        raw.blocks.iter().map(|(k, s)| (*k, &text[s.start..s.end])).collect()
    }

    #[test]
    fn metadata_line_is_blanked() {
        let raw = read(" date 2025-11-24 Mayor Ines Okoro said the bridge will close.");
        let prose = raw.prose.expect("metadata is blanked in a copy");
        assert!(prose.trim_start().starts_with("Mayor Ines Okoro"));
        assert_eq!(prose.len(), 61);
    }

    #[test]
    fn ordinary_first_words_are_not_metadata() {
        // Nothing to blank: the prose is the source itself, not a copy.
        assert_eq!(read("the 2025 budget passed.").prose, None);
        assert_eq!(read("Date 2025 was set.").prose, None);
    }

    #[test]
    fn headings_and_paragraphs() {
        let k = kinds("Lead paragraph here.\n\nTalks stall in Geneva\n\nBody text follows here.");
        assert_eq!(k[0].0, BlockKind::Paragraph);
        assert_eq!(k[1], (BlockKind::Heading, "Talks stall in Geneva"));
        assert_eq!(k[2].0, BlockKind::Paragraph);
    }

    #[test]
    fn a_short_line_closed_by_two_apostrophes_is_a_paragraph() {
        let k =
            kinds("Kiln tax vote set\n\nDana Hollis said, ''the glaze tax is fair.''\n\nThe guild meets on Friday.");
        assert_eq!(k[0].0, BlockKind::Heading);
        assert_eq!(k[1].0, BlockKind::Paragraph);
        // near miss: a short line in capitals with no closing mark is still a heading, and
        // so is one that ends on a headline's single-quoted word
        let k = kinds("Kiln tax vote set\n\nGlaze makers split\n\nThe guild meets on Friday.");
        assert_eq!(k[1].0, BlockKind::Heading);
        let k = kinds("Kiln tax vote set\n\nHollis to speak 'shortly'\n\nThe guild meets on Friday.");
        assert_eq!(k[1].0, BlockKind::Heading);
    }

    #[test]
    fn lines_inclusive_is_split_inclusive() {
        for text in ["", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\na\n\nb", "é\n’\nx"] {
            assert_eq!(
                lines_inclusive(text).collect::<Vec<_>>(),
                text.split_inclusive('\n').collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        let k = kinds("First paragraph ends here.\nSecond one starts.\n");
        assert_eq!(k.len(), 2);
    }

    #[test]
    fn hard_wrapped_paragraph_is_one_block() {
        let text = "The council voted on Tuesday to close the old bridge for\nrepairs that are expected to take most of the summer, the\nmayor said.";
        assert_eq!(kinds(text).len(), 1);
    }

    #[test]
    fn headline_forms_whatever_their_verbs() {
        let k = kinds("Audit report: city was wrong on permits.\n\nThe city council gave out 40 permits last year without the required review, auditors said.");
        assert_eq!(k[0].0, BlockKind::Heading);
        let k = kinds("Ruiz, Ortiz had different answers on the harbour plan.\n\nThe two candidates for mayor spent the debate arguing over the harbour plan and its cost.");
        assert_eq!(k[0].0, BlockKind::Heading);
        let k = kinds("'Late Show' host mocks the council.\n\nThe host of the late-night show spent six minutes of Tuesday's episode on the council's vote.");
        assert_eq!(k[0].0, BlockKind::Heading);
        // near miss: a lede that opens on a quoted sentence
        let k = kinds("\"We were not told,\" Ruiz said.\n\nThe council voted on Tuesday to close the harbour for a year of repairs.");
        assert_eq!(k[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn a_headline_above_a_short_kicker_is_a_headline() {
        let k = kinds("Dana is back: the potter on the kiln trail in Kellan.\n\nShe's back.\n\nDana Greer's hands were slower and her voice hoarser than when she last fired the big kiln on the hill above Kellan in 1992.");
        assert_eq!(k[0].0, BlockKind::Heading);
        // near miss: short paragraphs all the way down are the story's own
        let k = kinds("The kiln cooled slowly on Monday.\n\nIt cracked.\n\nNobody came.");
        assert_eq!(k[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn a_publication_stamp_and_a_staff_credit_are_not_a_wrapped_paragraph() {
        let text = "Kiln guild votes to sell\n\nUpdated 9:40 p.m. EST, Tuesday, May 5, 2026\nThe Kellan Ledger staff\n\nThe kiln guild voted on Tuesday to sell its wharf site to the ferry board.\n";
        let k = kinds(text);
        assert_eq!(k[1], (BlockKind::Heading, "Updated 9:40 p.m. EST, Tuesday, May 5, 2026"));
        assert_eq!(k[2], (BlockKind::Heading, "The Kellan Ledger staff"));
        // near miss: prose wrapped to a width stays one paragraph
        let k = kinds(
            "The kiln guild voted on Tuesday to sell its site\nto the ferry board for $4 million.\n\nIt was close.\n",
        );
        assert_eq!(k[0].0, BlockKind::Paragraph);
        assert!(k[0].1.contains('\n'));
    }

    #[test]
    fn a_short_first_line_is_the_headline_even_with_a_period() {
        let k = kinds("Council backs the harbour plan.\n\nThe city council approved the dredging plan on Tuesday after a long debate.\n");
        assert_eq!(k[0].0, BlockKind::Heading);
        // Narrative is not a headline, however short.
        let k = kinds(
            "Okafor said the plant would close.\n\nThe plant employs 300 people in the valley and more at its port.\n",
        );
        assert_eq!(k[0].0, BlockKind::Paragraph);
    }

    #[test]
    fn a_roundup_label_in_capitals_starts_a_group_but_a_subhead_does_not() {
        let text =
            "Reaction to the vote\n\nThe council passed the budget. Ana Ruiz voted no.\n\nHere is some reaction:\n\n\
                    THE COUNCIL\n\nCouncil member Ana Ruiz, in a statement: “We will pay for this.”\n\n\
                    BUSINESS GROUPS\n\n“A fair budget.”\n— Tomas Greer, Harbor Chamber\n\n\
                    WHAT COMES NEXT\n\nThe mayor signs the budget on Friday.\n";
        let raw = read(text);
        let starts: Vec<usize> = ["THE COUNCIL", "BUSINESS GROUPS"].iter().map(|l| text.find(l).unwrap()).collect();
        assert_eq!(raw.sections, starts, "two groups of entries; the subhead over narrative is none");
    }

    #[test]
    fn furniture_lines_are_blanked_and_items_are_sections() {
        let text = "Vote count begins.\n\nABSTRACT.\n\nA look at the count, which Ruiz leads.\n\nFULL TEXT.\n\n\
                    The count began at nine, officials said on Monday night.\n\n\
                    <tweet id=\"1\">“We won,” a voter wrote</tweet>.\n\n___.\n\n9:15 p.m.\n\n\
                    Ana Ruiz spoke to supporters in the square.\n\nGetty Images.\n\n.gmobile {\n\n  width:100%;\n\n}\n";
        let raw = read(text);
        let prose = raw.prose.as_deref().expect("furniture is blanked in a copy");
        for gone in [
            "ABSTRACT",
            "A look at the count",
            "FULL TEXT",
            "<tweet",
            "We won",
            "___",
            "9:15",
            "Getty",
            "gmobile",
            "width",
        ] {
            assert!(!prose.contains(gone), "{gone} left in {prose:?}");
        }
        let blocks: Vec<&str> = raw.blocks.iter().map(|(_, s)| &text[s.start..s.end]).collect();
        assert_eq!(
            blocks,
            [
                "Vote count begins.",
                "The count began at nine, officials said on Monday night.",
                "Ana Ruiz spoke to supporters in the square."
            ]
        );
        assert_eq!(raw.sections.len(), 2, "a separator and a timestamp start items");
        assert!(raw.sections.iter().all(|&s| s < text.find("Ana Ruiz").unwrap()));
        // Prose that only looks like furniture stays.
        for line in [
            "UPDATE on the vote: counting goes on.",
            "“DIVISIVE AND WRONG,” the sign read.",
            "At 9:15 p.m. the polls closed.",
        ] {
            assert_eq!(read(line).prose.as_deref().unwrap_or(line), line);
        }
    }

    #[test]
    fn crlf_and_bom() {
        let raw = read("\u{feff}One.\r\n\r\nTwo.\r\n");
        assert_eq!(raw.blocks.len(), 2);
        let prose = raw.prose.expect("BOM and CR are blanked in a copy");
        assert_eq!(prose, "   One. \n \nTwo. \n");
    }
}
