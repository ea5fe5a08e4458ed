//! Crash regressions and bad input: every input here once panicked, hung or is the kind
//! of file a newsroom archive really contains (huge lines, NUL bytes, byte-order marks,
//! CRLF and lone CR, Latin-1 bytes in UTF-8 text). Each must give an error or a clean
//! analysis, never a panic.
//!
//! Cases found by fuzzing (fuzz/fuzz_targets/check.rs) or by the corpus generator are
//! named for what they exercise, with where they were found. A case marked OPEN is a
//! bug reported to the lead and fails until it is fixed in src/.

use onrecord::config::Config;
use onrecord::confusables::Checker;
use onrecord::document::{Document, Format};
use onrecord::error::Error;
use onrecord::rules::Diagnostic;
use onrecord::Analysis;
use std::path::Path;

const FORMATS: [Format; 3] = [Format::Text, Format::Markdown, Format::Html];

/// Read bytes as the CLI does, then analyse and run every rule; check the spans.
fn check_bytes(bytes: &[u8], format: Format) -> Result<(Analysis, Vec<Diagnostic>), Error> {
    let doc = Document::from_bytes(Path::new("regression"), bytes.to_vec(), format)?;
    let (analysis, diagnostics) = onrecord::check(doc, &Config::default(), Checker::embedded());
    let source = &analysis.doc.source;
    for d in &diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= source.len(), "{} span {:?}", d.rule, d.span);
        assert!(source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end), "{}", d.rule);
        // Rendering must not panic either.
        let _ = onrecord::report::json::diagnostic(&analysis.doc, d);
    }
    Ok((analysis, diagnostics))
}

fn check_all_formats(text: &str) {
    for format in FORMATS {
        check_bytes(text.as_bytes(), format).expect("valid UTF-8 without NUL reads");
    }
}

// --- Bad input -------------------------------------------------------------------------

#[test]
fn nul_bytes_are_an_error_not_a_panic() {
    for format in FORMATS {
        let err = check_bytes(b"\xe2\x80\x9cWe won,\xe2\x80\x9d Ana Ruiz said.\0\0", format).err();
        assert!(matches!(err, Some(Error::Binary { offset: 28, .. })), "{format:?}: {err:?}");
        assert!(matches!(check_bytes(b"\0", format).err(), Some(Error::Binary { offset: 0, .. })));
    }
}

#[test]
fn latin1_bytes_in_utf8_text_are_an_error_not_a_panic() {
    // "café" with é as the Latin-1 byte 0xE9, after a curly quote in UTF-8.
    let bytes = b"\xe2\x80\x9cThe caf\xe9 is closed,\xe2\x80\x9d Ana Ruiz said.";
    for format in FORMATS {
        let err = check_bytes(bytes, format).err();
        assert!(matches!(err, Some(Error::NotUtf8 { offset: 10, .. })), "{format:?}: {err:?}");
    }
    // A UTF-8 sequence cut off at the end of the file.
    let err = check_bytes(b"Ana said \xe2\x80", Format::Text).err();
    assert!(matches!(err, Some(Error::NotUtf8 { offset: 9, .. })), "{err:?}");
    // Windows-1252 curly quotes (0x93/0x94), common in old wire archives.
    assert!(matches!(check_bytes(b"\x93We won,\x94 she said.", Format::Text).err(), Some(Error::NotUtf8 { .. })));
}

#[test]
fn byte_order_mark() {
    let text = "\u{feff}“We won,” Ana Ruiz said.\n\n“Again,” she said.\n";
    // Html reads only text inside elements, so the bare text has no quotes there.
    for format in [Format::Text, Format::Markdown] {
        let (a, _) = check_bytes(text.as_bytes(), format).unwrap();
        assert_eq!(a.quotes.quotes.len(), 2, "{format:?}");
        assert_eq!(a.quotes.quotes[0].span.start, 3, "{format:?}: spans count the BOM's bytes");
    }
    check_all_formats(text);
    check_all_formats("\u{feff}");
    check_all_formats("\u{feff}\u{feff}“");
}

#[test]
fn crlf_and_lone_cr() {
    for eol in ["\r\n", "\r", "\n\r"] {
        let text = format!("Headline here{eol}{eol}“We won,” Ana Ruiz said.{eol}{eol}“Again,” she said.{eol}");
        for format in [Format::Text, Format::Markdown] {
            let (a, _) = check_bytes(text.as_bytes(), format).unwrap();
            assert_eq!(a.quotes.quotes.len(), 2, "{eol:?} {format:?}");
        }
        check_all_formats(&text);
    }
    check_all_formats("\r");
    check_all_formats("\r\r\r“\r”\r");
    check_all_formats("“\r\n");
}

#[test]
fn huge_lines() {
    // 1 MB on one line: quotes, names and speech verbs, no line break.
    let sentence = "“We will not wait,” Ana Ruiz said, and Sun Yun said the plan was “late”. ";
    check_bytes(sentence.repeat(1_000_000 / sentence.len()).as_bytes(), Format::Text).unwrap();
    // Long runs of one character class; small enough for a debug build (the bench
    // script measures these shapes at 1 and 4 MB).
    check_all_formats(&"a".repeat(1 << 20));
    check_all_formats(&"“".repeat(1 << 12));
    check_all_formats(&"’".repeat(1 << 12));
    check_all_formats(&"\n".repeat(1 << 20));
    check_all_formats(&"Ruiz ".repeat(1 << 12));
}

#[test]
fn empty_and_degenerate_inputs() {
    for text in ["", " ", "\n", "\t", "“", "”", "\"", "'", "``", "''", "‘’", "# ", "---", "---\n---\n", "<p>", "<!--"]
    {
        check_all_formats(text);
    }
}

// --- Crashes found -----------------------------------------------------------------------

/// Found by the corpus generator (`scripts/bench.sh --smoke`, 4 MB one-file input, seed
/// 2) at commit 1414321: a surname-only person entity ("Ní Bhriain") ended with no
/// mentions because `Entities::person_for` gave every run to "Niamh Ní Bhriain"; then
/// `inconsistent_name` compared it with the misspelt "Ní Bhriaen" and indexed
/// `mentions[0]` of an empty list (src/rules/inconsistent_name.rs:72). Passes since the
/// entities rewrite; the unguarded `mentions[0]` there is still reported to the lead.
#[test]
fn inconsistent_name_with_an_entity_without_mentions() {
    let text = "Niamh Ní Bhriain, a nurse, said talks would continue.\n\n“We wait,” Ní Bhriaen said.\n\n\
                “We wait longer,” said Ní Bhriain.\n\n“We wait again,” said Niamh Ní Bhriain, a fellow.\n";
    check_all_formats(text);
}

/// OPEN (reported to the lead): found by cargo-fuzz (fuzz/fuzz_targets/check.rs, two
/// crashes minimising to this). `quotes::find` returns two quotes that both start at the
/// ‘ (0..5 and 0..6): an opening single mark, a straight apostrophe, then a straight
/// double mark. Quotes must be sorted and non-overlapping.
#[test]
fn single_then_straight_double_does_not_give_overlapping_quotes() {
    for text in ["‘h'\"", "‘The government'\" said", " date 2026-03-14 ‘The government---\ntitle: Han'''''z'''el"]
    {
        for format in FORMATS {
            let (a, _) = check_bytes(text.as_bytes(), format).unwrap();
            for pair in a.quotes.quotes.windows(2) {
                assert!(
                    pair[0].span.end <= pair[1].span.start,
                    "{text:?} {format:?}: quotes overlap: {:?} {:?}",
                    pair[0].span,
                    pair[1].span
                );
            }
        }
    }
}

/// OPEN (reported to the lead): found by tests/proptest_invariants.rs. With two
/// non-curly styles tied for the majority, mixed-quote-marks picks the house style from
/// `HashMap` iteration order (src/rules/mixed_quote_marks.rs), so the same file gives
/// different findings from run to run.
#[test]
fn mixed_quote_marks_is_deterministic_on_a_tie() {
    let text = "«We won,» Ana Ruiz said.\n\n``We lost,'' Sun Yun said.\n";
    let first = check_bytes(text.as_bytes(), Format::Text).unwrap().1;
    for _ in 0..20 {
        assert_eq!(check_bytes(text.as_bytes(), Format::Text).unwrap().1, first);
    }
}

/// OPEN (reported to the lead): found by tests/proptest_invariants.rs. In an article
/// written with ``archive'' marks, the safe fix for a straight-quoted passage rewrites it
/// to curly “…”, which the rule then flags again at the same place: the fix should use
/// the style it measures against (src/rules/mixed_quote_marks.rs, the `_ => ("“", "”")`
/// arm).
#[test]
fn mixed_quote_marks_fix_takes() {
    let text = "``We won,'' Ana Ruiz said.\n\n``We lost,'' Sun Yun said.\n\n\"We tied,\" Li Wei said.\n";
    let (_, found) = check_bytes(text.as_bytes(), Format::Text).unwrap();
    let fix = found.iter().find(|d| d.rule == "mixed-quote-marks").and_then(|d| d.fix.clone()).expect("a fix");
    let mut fixed = text.to_string();
    for e in fix.edits.iter().rev() {
        fixed.replace_range(e.start..e.end, &e.replacement);
    }
    let (_, again) = check_bytes(fixed.as_bytes(), Format::Text).unwrap();
    let left: Vec<_> = again.iter().filter(|d| d.rule == "mixed-quote-marks").collect();
    assert!(left.is_empty(), "after the fix: {fixed:?}\n{left:#?}");
}

/// OPEN (reported to the lead): found by tests/proptest_invariants.rs. A lone CR is a
/// line break in plain text but not in Markdown: the Markdown reader blanks the CR of a
/// soft break to a space before line endings are normalised (src/document/markdown.rs,
/// the SoftBreak arm), so the line index built from the prose puts the next line on the
/// same line.
#[test]
fn lone_cr_is_a_line_break_in_every_format() {
    let text = "Ana Ruiz said it\rwas late\r\rShe left";
    for format in [Format::Text, Format::Markdown] {
        let (a, _) = check_bytes(text.as_bytes(), format).unwrap();
        let at = text.find("She").unwrap();
        assert_eq!(a.doc.lines.line_col(&a.doc.source, at), (4, 1), "{format:?}");
    }
}

/// Found by `mutated_corpus_holds_invariants` (2026-11-25): in HTML, a quote mark widened
/// to its `&ldquo;` reference began before its paragraph's text, and the check whether
/// the mark opens its paragraph sliced backwards.
#[test]
fn html_reference_mark_before_its_block_text() {
    let html = "<article>\n<h1>Council delays vote on ferry contract</h1>\n\
                <p>HALDEN, Norway (Wire) &mdash; The city council on Tuesday postponed a vote.</p>\n\
                <p>&ldquo;r members said they had not seen the final costs.</p>\n\
                <p>&ldquo;We cannot sign what we have not read,&rdquo; said Ingrid Solheim-Berg. \
                \"The numbers arrived at midnight.\"</p>\n</article>\n";
    check_all_formats(html);
    let mutated = include_str!("../corpus/html-council-vote.html").replacen(
        "<p>&ldquo;We cannot",
        "<p>&ldquo;r members said.</p>\n<p>&ldquo;We cannot",
        1,
    );
    check_all_formats(&mutated);
}

/// Found by tests/proptest_invariants.rs (soup, Markdown): a repeated word across an
/// inline `<p>` was flagged, and its fix left another such pair at the same place.
#[test]
fn a_repeated_word_across_a_block_tag_in_markdown_is_not_flagged() {
    let (_, diagnostics) =
        check_bytes("‘the the<p>the theAna RuizAna Ruiz".as_bytes(), Format::Markdown).expect("reads");
    let repeated: Vec<_> = diagnostics.iter().filter(|d| d.rule == "repeated-word").collect();
    assert_eq!(repeated.len(), 1, "only the pair before the tag: {repeated:?}");
}
