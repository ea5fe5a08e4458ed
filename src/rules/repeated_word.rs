use super::{Applicability, Context, Diagnostic, Edit, Fix, Rule, Severity};
use crate::document::{words, Span};
use crate::Analysis;

/// The same word twice in a row: "the the".
pub struct RepeatedWord;

/// Words English doubles on purpose: "had had", "that that", "bye bye".
const DOUBLES: &[&str] = &[
    "had", "that", "bye", "is", "no", "very", "so", "far", "long", "many", "more", "really", "ha", "knock", "yes",
    "now", "tut", "go", "boo", "there", "do", "well", "chop", "pom", "dum", "night", "cha", "ma", "pa", "twenty",
    "blah", "bla", "hush", "aye", "can", "yada", "again", "ho", "wow", "please", "never", "round", "one", "over",
    "little", "quick", "come", "fast", "slowly", "higher", "louder", "faster", "closer", "hip", "xo",
];

impl Rule for RepeatedWord {
    fn id(&self) -> &'static str {
        "repeated-word"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn fixable(&self) -> bool {
        true
    }
    fn doc(&self) -> &'static str {
        "The same word twice in a row.

## What it does
Flags a word repeated with only white space between, including across a line break
(\"the the\", \"to\\nto\"). Doubles English uses on purpose (\"had had\", \"that that\",
\"bye bye\") and numbers are not flagged; nor are names (\"Boutros Boutros-Ghali\").

## Why is this bad?
The eye skips the second word, especially across a line break, so doubled words survive
several reads and end up in print.

## Example
    The council approved the the budget.

## Use instead
    The council approved the budget.

The fix deletes the second word, except inside a quote, where the speaker's words are
changed only by hand."
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for block in &a.doc.blocks {
            let text = a.doc.text(block.span);
            let mut prev: Option<(Span, &str)> = None;
            for (span, w) in words(text, block.span.start) {
                if let Some((pspan, pw)) = prev {
                    let gap = &a.doc.prose()[pspan.end..span.start];
                    let repeated = gap.chars().all(char::is_whitespace)
                        && pw.eq_ignore_ascii_case(w)
                        && !w.chars().any(|c| c.is_ascii_digit())
                        && !DOUBLES.contains(&w.to_lowercase().as_str())
                        && !w.chars().next().is_some_and(char::is_uppercase);
                    if repeated {
                        let in_quote = a.quote_at(span.start).is_some();
                        let applicability = if in_quote { Applicability::Unsafe } else { Applicability::Safe };
                        let fix = Fix {
                            applicability,
                            edits: vec![Edit { start: pspan.end, end: span.end, replacement: String::new() }],
                        };
                        out.push(
                            Diagnostic::new(self, Span::new(pspan.start, span.end), format!("'{w}' repeated"))
                                .help("delete one of them")
                                .fix(fix),
                        );
                    }
                }
                prev = Some((span, w));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::RepeatedWord as R;
    use crate::rules::testing::*;

    #[test]
    fn cases() {
        assert_flags(&R, "The council approved the the budget.", "the the");
        assert_count(&R, "They agreed to\nto meet again.", 1);
        assert_fix(&R, "The council approved the the budget.", "The council approved the budget.");
        // near misses
        assert_count(&R, "What she had had was enough; he said that that was fine. Bye bye.", 0);
        assert_count(&R, "He paid 20 20 times. Boutros Boutros-Ghali spoke.", 0);
        assert_count(&R, "The council, the mayor said, approved it.", 0);
    }
}
