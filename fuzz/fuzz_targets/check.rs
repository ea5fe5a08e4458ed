//! Fuzz the whole check: read the bytes as each format (Document::from_bytes), analyse,
//! run every rule, render every diagnostic's line and column, and check the spans; then
//! apply the safe fixes as `--fix` does and check that the markup is untouched and that
//! fixing the result again changes nothing.
//!
//!     cargo +nightly fuzz run check -- -max_total_time=600 -max_len=4096
//!
//! Seeds: fuzz/corpus/check/ (corpus/ and generated articles, copied by scripts/fuzz.sh). A crash found
//! here becomes a test in tests/regressions.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onrecord::config::Config;
use onrecord::confusables::Checker;
use onrecord::document::{Document, Format};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let Ok(doc) = Document::from_bytes(Path::new("fuzz"), data.to_vec(), format) else {
            assert!(data.contains(&0) || std::str::from_utf8(data).is_err(), "valid input rejected");
            return;
        };
        let (analysis, diagnostics) = onrecord::check(doc, &Config::default(), Checker::embedded());
        let source = &analysis.doc.source;
        for d in &diagnostics {
            assert!(d.span.start <= d.span.end && d.span.end <= source.len(), "{} span {:?}", d.rule, d.span);
            assert!(source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end), "{}", d.rule);
            let _ = onrecord::report::json::diagnostic(&analysis.doc, d);
        }
        for pair in analysis.quotes.quotes.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "quotes overlap: {:?} {:?}", pair[0].span, pair[1].span);
        }
        let config = Config::default();
        let fix = |text: &str| {
            onrecord::fix::fix_all(text.to_string(), |t| {
                let doc = Document::parse(Path::new("fuzz"), t.to_string(), format);
                let (analysis, diagnostics) = onrecord::check(doc, &config, Checker::embedded());
                let diagnostics = onrecord::suppress::apply(&analysis.doc, diagnostics, &config);
                (analysis, diagnostics)
            })
        };
        let fixed = fix(source);
        let after = Document::parse(Path::new("fuzz"), fixed.source.clone(), format);
        assert!(
            analysis.doc.markup_as_written().eq(after.markup_as_written()),
            "a fix changed the markup"
        );
        if fixed.converged {
            assert_eq!(fix(&fixed.source).source, fixed.source, "fixing twice changed the text");
        }
    }
});
