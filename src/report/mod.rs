//! Emitters: text (rustc-style), JSON, SARIF 2.1.0, GitHub Actions annotations. Emitters
//! know nothing about rules beyond the catalogue entries they are handed.

pub mod github;
pub mod json;
pub mod sarif;
pub mod text;

use crate::document::Document;
use crate::rules::Diagnostic;
use std::path::Path;

/// A checked file and its findings, ready for an emitter.
pub struct FileReport {
    pub doc: Document,
    pub diagnostics: Vec<Diagnostic>,
}

/// A path as CI tools want it: relative to the working directory when it is under it,
/// with `/` separators.
pub fn relative_path(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    let text = relative.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}
