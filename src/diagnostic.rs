//! The diagnostic vocabulary every stage after the rules shares: a finding
//! ([`Diagnostic`]), how serious it is ([`Severity`]) and the edits that fix it ([`Fix`],
//! [`Edit`], [`Applicability`]). It depends on nothing but [`crate::span`], so the
//! rules, the suppression pass, `--fix` and the emitters can all read it.

use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whether a fix can be applied without changing meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    Safe,
    Unsafe,
}

/// One replacement in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn safe(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            applicability: Applicability::Safe,
            edits: vec![Edit { start: span.start, end: span.end, replacement: replacement.into() }],
        }
    }
    pub fn unsafe_(span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            applicability: Applicability::Unsafe,
            edits: vec![Edit { start: span.start, end: span.end, replacement: replacement.into() }],
        }
    }
}

/// A finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: Cow<'static, str>,
    pub span: Span,
    /// Most rules give the same help every time: a static string is not copied per finding.
    pub help: Option<Cow<'static, str>>,
    /// Boxed: most findings have none, and a large file has hundreds of thousands.
    pub fix: Option<Box<Fix>>,
}

impl Diagnostic {
    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Diagnostic {
        self.help = Some(one_line(help.into()));
        self
    }
    pub fn fix(mut self, fix: Fix) -> Diagnostic {
        self.fix = Some(Box::new(fix));
        self
    }
}

/// A text on one line: each line break, with the blanks around it, becomes one space.
pub fn one_line(s: Cow<'static, str>) -> Cow<'static, str> {
    // Line breaks are ASCII: look for their bytes (memchr), not for chars.
    if memchr::memchr2(b'\n', b'\r', s.as_bytes()).is_none() {
        return s;
    }
    Cow::Owned(s.split(['\n', '\r']).map(str::trim).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(" "))
}
