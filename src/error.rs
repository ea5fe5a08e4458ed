//! The one error type of the library: every variant names the file and what went wrong.

use std::path::PathBuf;

/// Why an input could not be checked. The binary maps every variant to exit status 2.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {reason}")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}: UTF-16 text; onrecord reads UTF-8 (convert it first, e.g. `iconv -f UTF-16 -t UTF-8`)")]
    Utf16 { path: PathBuf },
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset}); onrecord reads UTF-8 text")]
    NotUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: looks like a binary file (NUL byte at offset {offset}), not an article")]
    Binary { path: PathBuf, offset: usize },
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// A file that could not be read, with the reason in words ("permission denied").
    pub fn unreadable(path: &std::path::Path, e: &std::io::Error) -> Error {
        Error::Unreadable { path: path.to_path_buf(), reason: io_reason(e) }
    }
}

/// An I/O error as a reason in lower case, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::PermissionDenied => return "permission denied".into(),
        ErrorKind::NotFound => return "no such file or directory".into(),
        _ => {}
    }
    let text = e.to_string();
    let text = text.split(" (os error").next().unwrap_or(&text).to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}
