//! Emitters: text (rustc-style), JSON. Emitters know nothing about rules.

pub mod json;
pub mod text;

use crate::document::Document;
use crate::rules::Diagnostic;

/// A checked file and its findings, ready for an emitter.
pub struct FileReport {
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
}
