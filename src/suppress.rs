//! Suppression comments in Markdown and HTML articles.
//!
//! ```html
//! <!-- onrecord-disable-next-line loaded-attribution-verb -->
//! <!-- onrecord-disable vague-attribution repeated-word -->  …  <!-- onrecord-enable -->
//! ```
//!
//! `disable-next-line` covers the next non-blank line after the comment; `disable` covers
//! everything up to a matching `enable` (or the end of the file). A directive without rule
//! ids covers every rule; `enable` without ids ends every open `disable`, `enable x` ends the
//! `disable`s of rule x (an all-rules `disable` ends only at a bare `enable`). Suppressions
//! are applied after the rules run, by the start of each finding's span. A directive that
//! suppresses nothing, or names no rule, is itself reported as `unused-suppression`.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::document::{Document, Span};
use crate::rule_id::RuleId;
use crate::rules;

/// What a directive says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
}

/// A parsed suppression comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The comment in the file.
    pub span: Span,
    /// Rule ids named; empty means every rule.
    pub rules: Vec<String>,
    /// The byte ranges covered, per named rule (one entry for "every rule").
    pub ranges: Vec<Vec<Span>>,
}

/// Read the directives of a document's comments.
pub fn directives(doc: &Document) -> Vec<Directive> {
    let mut out: Vec<Directive> = Vec::new();
    // Open `disable`s: directive index, rule index (None: every rule), start of the range.
    let mut open: Vec<(usize, Option<usize>, usize)> = Vec::new();
    for comment in &doc.comments {
        let Some((kind, rules)) = parse(&comment.text) else { continue };
        let slots = rules.len().max(1);
        match kind {
            Kind::NextLine => {
                // Markdown hands over an HTML block with its line break: the comment ends at
                // its last non-blank character.
                let end = comment.span.start + comment.text.trim_end().len();
                let line: Vec<Span> = next_line(doc, end.saturating_sub(1)).into_iter().collect();
                out.push(Directive { span: comment.span, rules, ranges: vec![line; slots] });
            }
            Kind::Disable => {
                let i = out.len();
                if rules.is_empty() {
                    open.push((i, None, comment.span.end));
                } else {
                    open.extend((0..rules.len()).map(|r| (i, Some(r), comment.span.end)));
                }
                out.push(Directive { span: comment.span, rules, ranges: vec![Vec::new(); slots] });
            }
            Kind::Enable => {
                // `enable` alone ends every open range; `enable x` ends the ranges of rule x.
                open.retain(|&(i, r, start)| {
                    let ends = match r {
                        _ if rules.is_empty() => true,
                        Some(r) => rules.contains(&out[i].rules[r]),
                        None => false,
                    };
                    if ends {
                        out[i].ranges[r.unwrap_or(0)].push(Span::new(start, comment.span.start));
                    }
                    !ends
                });
            }
        }
    }
    for (i, r, start) in open {
        out[i].ranges[r.unwrap_or(0)].push(Span::new(start, doc.source.len()));
    }
    out
}

/// The kind and rule ids of a comment, if it is an onrecord directive.
fn parse(comment: &str) -> Option<(Kind, Vec<String>)> {
    let body = comment.trim();
    let body = body.strip_prefix("<!--").unwrap_or(body);
    let body = body.strip_suffix("-->").unwrap_or(body).trim();
    let mut words = body.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
    let kind = match words.next()? {
        "onrecord-disable-next-line" => Kind::NextLine,
        "onrecord-disable" => Kind::Disable,
        "onrecord-enable" => Kind::Enable,
        _ => return None,
    };
    Some((kind, words.map(str::to_string).collect()))
}

/// The next non-blank line after the line on which the byte at `offset` is.
fn next_line(doc: &Document, offset: usize) -> Option<Span> {
    let last_line = doc.lines.line_of(doc.source.len());
    let from = doc.lines.line_of(offset.min(doc.source.len())) + 1;
    (from..=last_line)
        .map(|l| doc.lines.line_span(&doc.source, l))
        .find(|s| !doc.source[s.start..s.end].trim().is_empty())
}

/// Drop suppressed findings and report unused directives. `diagnostics` stay sorted.
pub fn apply(doc: &Document, diagnostics: Vec<Diagnostic>, config: &Config) -> Vec<Diagnostic> {
    let directives = directives(doc);
    if directives.is_empty() {
        return diagnostics;
    }
    // For each directive and each rule it names (or once for "all"), whether it was used.
    let mut used: Vec<Vec<bool>> = directives.iter().map(|d| vec![false; d.rules.len().max(1)]).collect();
    let mut kept = Vec::with_capacity(diagnostics.len());
    for d in diagnostics {
        let mut suppressed = false;
        for (di, dir) in directives.iter().enumerate() {
            let slot = if dir.rules.is_empty() { Some(0) } else { dir.rules.iter().position(|r| r == d.rule) };
            if let Some(slot) = slot.filter(|&s| dir.ranges[s].iter().any(|r| r.contains(d.span.start))) {
                used[di][slot] = true;
                suppressed = true;
            }
        }
        if !suppressed {
            kept.push(d);
        }
    }
    let rule = rules::get(RuleId::UnusedSuppression);
    if let Some(severity) = config.severity_of(rule.id(), rule.group(), rule.severity()) {
        for (dir, used) in directives.iter().zip(&used) {
            for message in unused_messages(dir, used) {
                kept.push(Diagnostic {
                    rule: rule.id().as_str(),
                    severity,
                    message: message.into(),
                    span: dir.span,
                    help: Some("remove the comment, or correct the rule id".into()),
                    fix: None,
                });
            }
        }
        kept.sort_by(|a, b| (a.span.start, a.span.end, a.rule).cmp(&(b.span.start, b.span.end, b.rule)));
    }
    kept
}

fn unused_messages(dir: &Directive, used: &[bool]) -> Vec<String> {
    if dir.rules.is_empty() {
        return if used[0] { Vec::new() } else { vec!["suppression comment suppresses nothing".to_string()] };
    }
    dir.rules
        .iter()
        .zip(used)
        .filter(|(_, used)| !**used)
        .map(|(rule, _)| {
            if rule.parse::<RuleId>().is_ok() {
                format!("unused suppression of `{rule}`: no such finding here")
            } else {
                format!("`{rule}` is not a rule id; nothing is suppressed")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Severity;
    use crate::document::Format;

    const UNUSED_SUPPRESSION: &str = RuleId::UnusedSuppression.as_str();

    fn doc(text: &str) -> Document {
        Document::parse("a.md".as_ref(), text.to_string(), Format::Markdown)
    }

    fn finding(rule: &'static str, start: usize) -> Diagnostic {
        Diagnostic {
            rule,
            severity: Severity::Warning,
            message: "".into(),
            span: Span::new(start, start + 1),
            help: None,
            fix: None,
        }
    }

    #[test]
    fn next_line_skips_blank_lines() {
        let text = "<!-- onrecord-disable-next-line repeated-word -->\n\nThe the end.\nThe the end.\n";
        let d = doc(text);
        let second = text.find("The").unwrap();
        let third = text.rfind("The").unwrap();
        let out =
            apply(&d, vec![finding("repeated-word", second), finding("repeated-word", third)], &Config::default());
        assert_eq!(out.iter().map(|d| d.span.start).collect::<Vec<_>>(), [third]);
    }

    #[test]
    fn ranges_and_unused() {
        let text = "<!-- onrecord-disable a-rule repeated-word -->\nThe the.\n<!-- onrecord-enable -->\nThe the.\n\
                    <!-- onrecord-disable -->\nx\n";
        let d = doc(text);
        let first = text.find("The").unwrap();
        let second = text.rfind("The").unwrap();
        let out =
            apply(&d, vec![finding("repeated-word", first), finding("repeated-word", second)], &Config::default());
        let got: Vec<(&str, &str)> = out.iter().map(|d| (d.rule, d.message.as_ref())).collect();
        assert_eq!(
            got,
            [
                (UNUSED_SUPPRESSION, "`a-rule` is not a rule id; nothing is suppressed"),
                ("repeated-word", ""),
                (UNUSED_SUPPRESSION, "suppression comment suppresses nothing"),
            ]
        );
    }

    #[test]
    fn enable_ends_the_named_rules_only() {
        let text = "<!-- onrecord-disable repeated-word vague-attribution -->\nA.\n<!-- onrecord-enable repeated-word -->\nB.\n";
        let d = doc(text);
        let b = text.find("B.").unwrap();
        let out = apply(&d, vec![finding("repeated-word", b), finding("vague-attribution", b)], &Config::default());
        let got: Vec<&str> = out.iter().map(|d| d.rule).collect();
        assert_eq!(got, [UNUSED_SUPPRESSION, "repeated-word"]);
        assert!(out[0].message.contains("`repeated-word`"));
    }

    #[test]
    fn not_a_directive() {
        assert_eq!(parse("<!-- an editor's note -->"), None);
        assert_eq!(parse("<!--onrecord-enable-->"), Some((Kind::Enable, vec![])));
        assert_eq!(
            parse("<!-- onrecord-disable-next-line a, b -->\n"),
            Some((Kind::NextLine, vec!["a".to_string(), "b".to_string()]))
        );
    }
}
