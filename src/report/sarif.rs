//! SARIF 2.1.0 (OASIS), the format code-scanning services read: one run, the rule
//! catalogue in `tool.driver.rules`, one result per finding with its region in lines,
//! columns (Unicode code points, as in every onrecord output) and bytes, and the safe
//! fixes as replacements. `tests/sarif.rs` validates the output against the official
//! schema (`data/sarif-schema-2.1.0.json`).

use super::FileReport;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use serde::Serialize;

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const INFORMATION_URI: &str = "https://github.com/onrecord/onrecord";
/// Where a rule's documentation lives; the rule id is the anchor.
pub const HELP_URI_BASE: &str = "https://github.com/onrecord/onrecord/blob/main/docs/rules.md";

/// A catalogue entry as the emitter needs it.
pub struct RuleMeta {
    pub id: &'static str,
    pub summary: &'static str,
    pub doc: &'static str,
    pub severity: Severity,
}

/// A file that could not be checked.
pub struct InputError {
    pub path: String,
    pub message: String,
}

#[derive(Serialize)]
pub struct Log {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run {
    pub tool: Tool,
    /// `%SRCROOT%`: the working directory the relative artifact URIs are relative to.
    #[serde(rename = "originalUriBaseIds")]
    pub original_uri_base_ids: std::collections::BTreeMap<&'static str, BaseUri>,
    pub invocations: Vec<Invocation>,
    pub column_kind: &'static str,
    pub results: Vec<SarifResult>,
}

#[derive(Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub information_uri: &'static str,
    pub rules: Vec<ReportingDescriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: &'static str,
    pub short_description: Text,
    pub full_description: Multiformat,
    pub help: Multiformat,
    pub help_uri: String,
    pub default_configuration: Configuration,
}

#[derive(Serialize)]
pub struct Text {
    pub text: String,
}

#[derive(Serialize)]
pub struct Multiformat {
    pub text: String,
    pub markdown: String,
}

#[derive(Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
pub struct Notification {
    pub level: &'static str,
    pub message: Text,
    pub locations: Vec<Location>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_index: Option<usize>,
    pub level: &'static str,
    pub message: Text,
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<SarifFix>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

/// Where `%SRCROOT%` is: a `file://` URI ending in a slash.
#[derive(Serialize)]
pub struct BaseUri {
    pub uri: String,
}

/// A file's URI: relative to `%SRCROOT%` (the working directory) when it is under it,
/// else an absolute `file://` URI (SARIF forbids a relative reference that starts with a
/// slash).
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri_base_id: Option<&'static str>,
}

/// The base every relative artifact URI is relative to.
pub const SRCROOT: &str = "%SRCROOT%";

/// The artifact location of a path as given on the command line.
pub fn artifact(path: &std::path::Path) -> ArtifactLocation {
    let cwd = std::env::current_dir().ok();
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let under = cwd.as_deref().and_then(|cwd| absolute.strip_prefix(cwd).ok()).filter(|r| {
        // "../x" resolves outside even when written relative.
        !r.components().any(|c| matches!(c, std::path::Component::ParentDir))
    });
    match under {
        Some(relative) => {
            ArtifactLocation { uri: uri(&relative.to_string_lossy().replace('\\', "/")), uri_base_id: Some(SRCROOT) }
        }
        None => ArtifactLocation { uri: file_uri(&absolute), uri_base_id: None },
    }
}

/// `file:///abs/path`, percent-encoded.
fn file_uri(absolute: &std::path::Path) -> String {
    let text = absolute.to_string_lossy().replace('\\', "/");
    let text = if text.starts_with('/') { text } else { format!("/{text}") };
    format!("file://{}", uri(&text))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub byte_offset: usize,
    pub byte_length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifFix {
    pub description: Text,
    pub artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactChange {
    pub artifact_location: ArtifactLocation,
    pub replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement {
    pub deleted_region: ByteRegion,
    pub inserted_content: Text,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ByteRegion {
    pub byte_offset: usize,
    pub byte_length: usize,
}

/// SARIF's level for a severity.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative path as a URI reference: `/` separators, everything but unreserved
/// characters percent-encoded.
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn result(report: &FileReport, d: &Diagnostic, location: &ArtifactLocation, rules: &[RuleMeta]) -> SarifResult {
    let doc = &report.doc;
    let (start_line, start_column) = doc.lines.line_col(&doc.source, d.span.start);
    let (end_line, end_column) = doc.lines.line_col(&doc.source, d.span.end);
    let fixes = d
        .fix
        .iter()
        .filter(|f| f.applicability == Applicability::Safe)
        .map(|f| SarifFix {
            description: Text { text: d.help.as_deref().map_or_else(|| format!("fix {}", d.rule), str::to_string) },
            artifact_changes: vec![ArtifactChange {
                artifact_location: location.clone(),
                replacements: f
                    .edits
                    .iter()
                    .map(|e| Replacement {
                        deleted_region: ByteRegion { byte_offset: e.start, byte_length: e.end - e.start },
                        inserted_content: Text { text: e.replacement.clone() },
                    })
                    .collect(),
            }],
        })
        .collect();
    let message = match &d.help {
        Some(help) => format!("{} ({help})", d.message),
        None => d.message.to_string(),
    };
    SarifResult {
        rule_id: d.rule,
        rule_index: rules.iter().position(|r| r.id == d.rule),
        level: level(d.severity),
        message: Text { text: message },
        locations: vec![Location {
            physical_location: PhysicalLocation {
                artifact_location: location.clone(),
                region: Some(Region {
                    start_line,
                    start_column,
                    end_line,
                    end_column,
                    byte_offset: d.span.start,
                    byte_length: d.span.end - d.span.start,
                }),
            },
        }],
        fixes,
    }
}

/// The results of one file.
pub fn results(report: &FileReport, rules: &[RuleMeta]) -> Vec<SarifResult> {
    let location = artifact(&report.doc.path);
    report.diagnostics.iter().map(|d| result(report, d, &location, rules)).collect()
}

/// The SARIF log of a run, from the results of its files in order.
pub fn log(results: Vec<SarifResult>, rules: &[RuleMeta], input_errors: &[InputError]) -> Log {
    let descriptors = rules
        .iter()
        .map(|r| ReportingDescriptor {
            id: r.id,
            short_description: Text { text: r.summary.to_string() },
            full_description: Multiformat { text: r.doc.to_string(), markdown: r.doc.to_string() },
            help: Multiformat { text: r.doc.to_string(), markdown: r.doc.to_string() },
            help_uri: format!("{HELP_URI_BASE}#{}", r.id),
            default_configuration: Configuration { level: level(r.severity) },
        })
        .collect();
    let notifications = input_errors
        .iter()
        .map(|e| Notification {
            level: "error",
            message: Text { text: e.message.clone() },
            locations: vec![Location {
                physical_location: PhysicalLocation {
                    artifact_location: artifact(std::path::Path::new(&e.path)),
                    region: None,
                },
            }],
        })
        .collect();
    Log {
        schema: SCHEMA_URI,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "onrecord",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: INFORMATION_URI,
                    rules: descriptors,
                },
            },
            original_uri_base_ids: std::env::current_dir()
                .ok()
                .map(|cwd| {
                    let uri = file_uri(&cwd);
                    let uri = if uri.ends_with('/') { uri } else { format!("{uri}/") };
                    std::collections::BTreeMap::from([(SRCROOT, BaseUri { uri })])
                })
                .unwrap_or_default(),
            invocations: vec![Invocation {
                execution_successful: input_errors.is_empty(),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("news/a b.md"), "news/a%20b.md");
        assert_eq!(uri("news/é.md"), "news/%C3%A9.md");
        let cwd = std::env::current_dir().unwrap();
        let inside = artifact(&cwd.join("news/a.md"));
        assert_eq!((inside.uri.as_str(), inside.uri_base_id), ("news/a.md", Some(SRCROOT)));
        let relative = artifact(std::path::Path::new("news/a.md"));
        assert_eq!((relative.uri.as_str(), relative.uri_base_id), ("news/a.md", Some(SRCROOT)));
        let outside = artifact(std::path::Path::new("/nowhere/a b.md"));
        assert_eq!((outside.uri.as_str(), outside.uri_base_id), ("file:///nowhere/a%20b.md", None));
    }
}
