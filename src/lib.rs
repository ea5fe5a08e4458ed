//! onrecord: an attribution and sourcing checker for news copy.
//!
//! The pipeline runs one way: [`document`] reads and segments the article, [`quotes`]
//! finds the quotations, [`attribution`] finds who said them, [`entities`] tracks people
//! and bodies ([`analysis`] runs those stages), [`rules`] turn the analysis into
//! [`diagnostic`]s, [`report`] prints them. This file is the public API: [`check`],
//! [`read_path`] and the re-exports.
//!
//! ```
//! use onrecord::{analyze, document::{Document, Format}};
//! let doc = Document::parse("a.txt".as_ref(), "“We won,” Ana Ruiz said.".into(), Format::Text);
//! let analysis = analyze(doc);
//! assert_eq!(analysis.attributions.quotes[0].speaker.as_deref(), Some("Ana Ruiz"));
//! ```

pub mod analysis;
pub mod attribution;
pub mod chars;
pub mod config;
pub mod confusables;
pub mod diagnostic;
pub mod document;
pub mod entities;
pub mod error;
pub mod fix;
mod hash;
pub mod lexicon;
pub mod quotes;
pub mod report;
pub mod rule_id;
pub mod rules;
pub mod sources;
pub mod span;
pub mod suppress;
pub mod windows;
mod wordset;

pub use analysis::{analyze, Analysis, TokenCache};
use document::Document;

/// Read a file from disk into a document (format by extension).
pub fn read_path(path: &std::path::Path) -> Result<Document, error::Error> {
    let bytes = std::fs::read(path).map_err(|e| error::Error::unreadable(path, &e))?;
    Document::from_bytes(path, bytes, document::Format::from_path(path))
}

/// Read a file for [`check`]: as [`read_path`], but a file checked a window at a time
/// ([`windows`]) is not parsed whole.
pub fn read_path_for_check(path: &std::path::Path) -> Result<Document, error::Error> {
    let bytes = std::fs::read(path).map_err(|e| error::Error::unreadable(path, &e))?;
    Document::for_check(path, bytes, document::Format::from_path(path))
}

/// Analyse a document and run every enabled rule on it (a large plain-text file a
/// window at a time: see [`windows`]).
pub fn check(
    doc: Document,
    config: &config::Config,
    confusables: &confusables::Checker,
) -> (Analysis, Vec<diagnostic::Diagnostic>) {
    if windows::applies(doc.format, doc.source.len()) {
        return windows::check(doc, config, confusables);
    }
    let analysis = analyze(doc);
    let cx = rules::Context { config, confusables };
    let diagnostics = rules::run(&analysis, &cx);
    (analysis, diagnostics)
}
