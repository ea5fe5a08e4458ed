use super::{Context, Diagnostic, Rule, Severity};
use crate::Analysis;
use std::collections::HashMap;

/// The same quoted passage used twice.
pub struct DuplicateQuote;

/// Quotes shorter than this (in words) are phrases, and repeating them is normal.
const MIN_WORDS: usize = 5;

fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }));
    }
    out
}

impl Rule for DuplicateQuote {
    fn id(&self) -> &'static str {
        "duplicate-quote"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn doc(&self) -> &'static str {
        "The same quoted passage used twice in one article.

## What it does
Flags the second and later use of a quote of five or more words whose words (case and
punctuation aside) match an earlier quote. Short phrases in quotes (\"phase two\")
repeat legitimately and are not flagged.

## Why is this bad?
A quote used twice is a sign of an edit that moved a paragraph and left the original,
or of a top and a bottom written separately; readers notice, and it wastes space.

## Example
    “We will not close the school,” Ruiz said. … Later: “We will not close the school,” she said.

## Use instead
Keep the quote where it does most work; paraphrase or cut the other."
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut out = Vec::new();
        for q in &a.quotes.quotes {
            let key = normalise(&q.text(&a.doc));
            if key.split(' ').count() < MIN_WORDS {
                continue;
            }
            match seen.get(&key) {
                Some(&first) => {
                    let (line, _) = a.doc.lines.line_col(&a.doc.source, first);
                    out.push(
                        Diagnostic::new(self, q.span, format!("this quote already appears on line {line}"))
                            .help("keep one use of the quote; paraphrase or cut the other"),
                    );
                }
                None => {
                    seen.insert(key, q.span.start);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::DuplicateQuote as R;
    use crate::rules::testing::*;

    #[test]
    fn cases() {
        let text = "“We will not close the school,” Ruiz said.\n\nLater she repeated: “We will not close the school.”";
        assert_count(&R, text, 1);
        assert_flags(&R, text, "“We will not close the school.”");
        // near misses: short phrases, different quotes
        assert_count(&R, "It is “phase two,” she said. Then came “phase two” again.", 0);
        assert_count(&R, "“We will not close the school,” Ruiz said. “We will close the pool,” she said.", 0);
    }
}
