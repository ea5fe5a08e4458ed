//! Which files a run reads: paths given, directories walked the way git does, standard
//! input; and the errors of inputs that cannot be read.

use anyhow::{Context, Result};
use onrecord::document::{Document, Format};
use std::path::{Path, PathBuf};

/// A path that could not be checked, and why.
pub type InputError = (PathBuf, String);

/// Whether a path found by walking a directory is an article.
pub fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown" | "html" | "htm")
    )
}

/// `-` on the command line: standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Which files a directory walk keeps.
#[derive(Default)]
pub struct Filters {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Filters {
    /// The walker's overrides: the exclusions. (Inclusions are not overrides, which would
    /// let an included file through even when it is hidden or git-ignored.)
    fn exclusions(&self, root: &Path) -> Result<ignore::overrides::Override> {
        let mut builder = ignore::overrides::OverrideBuilder::new(root);
        for glob in &self.exclude {
            builder.add(&format!("!{glob}")).with_context(|| format!("--exclude {glob}"))?;
        }
        Ok(builder.build()?)
    }

    /// Matches the `--include` globs, relative to `root`.
    fn inclusions(&self, root: &Path) -> Result<ignore::overrides::Override> {
        let mut builder = ignore::overrides::OverrideBuilder::new(root);
        for glob in &self.include {
            builder.add(glob).with_context(|| format!("--include {glob}"))?;
        }
        Ok(builder.build()?)
    }

    fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

/// Expand directories (walked the way git does: .gitignore and .ignore respected, hidden
/// files skipped, `--include`/`--exclude` applied); files named on the command line are
/// always checked, each once however often it is named. Paths that do not exist, entries
/// a walk cannot read, directories without articles and things that are not files (a
/// FIFO, a device) become input errors. `-` stays as it is: standard input.
pub fn expand(paths: &[PathBuf], filters: &Filters) -> Result<(Vec<PathBuf>, Vec<InputError>)> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if is_stdin(path) {
            files.push(path.clone());
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => meta,
            Err(e) => {
                errors.push((path.clone(), onrecord::error::io_reason(&e)));
                continue;
            }
        };
        if meta.is_dir() {
            let before = (files.len(), errors.len());
            let walker = ignore::WalkBuilder::new(path).require_git(false).overrides(filters.exclusions(path)?).build();
            let include = filters.inclusions(path)?;
            for entry in walker {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        errors.push(walk_error(path, &e));
                        continue;
                    }
                };
                let included = filters.include.is_empty() || include.matched(entry.path(), false).is_whitelist();
                if entry.file_type().is_some_and(|t| t.is_file()) && is_article(entry.path()) && included {
                    files.push(entry.into_path());
                }
            }
            files[before.0..].sort();
            if files.len() == before.0 && errors.len() == before.1 {
                let filtered = if filters.is_empty() { "" } else { " left by --include/--exclude" };
                errors.push((
                    path.clone(),
                    format!("directory contains no articles (.txt, .md, .markdown, .html){filtered}"),
                ));
            }
        } else if meta.is_file() {
            files.push(path.clone());
        } else {
            // Reading a FIFO would wait for a writer; a device may never end.
            errors.push((path.clone(), "not a regular file".to_string()));
        }
    }
    // A file named twice (or named and found by a walk) is checked once, where it first
    // appears.
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| is_stdin(f) || seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    Ok((files, errors))
}

/// An entry a directory walk could not read: its path and the reason in words.
fn walk_error(root: &Path, e: &ignore::Error) -> InputError {
    let mut path = None;
    let mut e = e;
    loop {
        match e {
            ignore::Error::WithPath { path: p, err } => {
                path = path.or(Some(p.clone()));
                e = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => e = err,
            ignore::Error::Io(io) => {
                return (path.unwrap_or_else(|| root.to_path_buf()), onrecord::error::io_reason(io));
            }
            other => return (path.unwrap_or_else(|| root.to_path_buf()), other.to_string()),
        }
    }
}

/// Standard input, read once when `-` is among the inputs.
pub struct Stdin {
    /// The name standard input is checked under (`--stdin-filename`, else `-`).
    pub name: PathBuf,
    pub bytes: Option<Vec<u8>>,
}

impl Stdin {
    /// Read standard input if `files` names it (once at most).
    pub fn read(files: &[PathBuf], name: Option<&Path>) -> Result<Stdin> {
        let count = files.iter().filter(|f| is_stdin(f)).count();
        if count > 1 {
            anyhow::bail!("`-` (standard input) can be given once");
        }
        let bytes = if count == 1 {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf).context("reading standard input")?;
            Some(buf)
        } else {
            None
        };
        Ok(Stdin { name: name.map_or_else(|| PathBuf::from("-"), Path::to_path_buf), bytes })
    }

    /// The directory whose onrecord.toml applies to standard input.
    pub fn dir(&self) -> PathBuf {
        if is_stdin(&self.name) {
            PathBuf::from(".")
        } else {
            parent_dir(&self.name)
        }
    }

    /// The size of an input before it is read.
    pub fn size(&self, path: &Path) -> u64 {
        if is_stdin(path) {
            self.bytes.as_ref().map_or(0, |b| b.len() as u64)
        } else {
            std::fs::metadata(path).map_or(0, |m| m.len())
        }
    }

    /// Read an input for `check`: as [`document`](Stdin::document), but a file `check`
    /// reads a window at a time is not parsed whole.
    pub fn document_for_check(&self, path: &Path) -> Result<Document, String> {
        if is_stdin(path) {
            let bytes = self.bytes.clone().unwrap_or_default();
            Document::for_check(&self.name, bytes, Format::from_path(&self.name)).map_err(|e| e.to_string())
        } else {
            onrecord::read_path_for_check(path).map_err(|e| e.to_string())
        }
    }

    /// Read an input (a file, or `-`) into a document.
    pub fn document(&self, path: &Path) -> Result<Document, String> {
        if is_stdin(path) {
            let bytes = self.bytes.clone().unwrap_or_default();
            Document::from_bytes(&self.name, bytes, Format::from_path(&self.name)).map_err(|e| e.to_string())
        } else {
            onrecord::read_path(path).map_err(|e| e.to_string())
        }
    }
}

pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

pub fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Report input errors on standard error, one line each.
pub fn report_errors(errors: &[InputError]) {
    for (path, message) in errors {
        eprintln!("onrecord: error: {}: {message}", path.display());
    }
}
