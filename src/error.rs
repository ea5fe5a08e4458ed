//! The one error type of the library: every variant names the file and what went wrong.

use std::path::PathBuf;

/// Why an input could not be checked. The binary maps every variant to exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); onrecord reads UTF-8 text")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), not an article")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}
