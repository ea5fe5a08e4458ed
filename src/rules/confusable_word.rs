use super::{Applicability, Context, Diagnostic, Edit, Fix, Rule, Severity};
use crate::document::{tokens, BlockKind, Span};
use crate::Analysis;

/// A real word that is wrong in its context ("best guest" for "best guess").
pub struct ConfusableWord;

impl Rule for ConfusableWord {
    fn id(&self) -> &'static str {
        "confusable-word"
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn doc(&self) -> &'static str {
        "A real word that is wrong in its context.

## What it does
For every word of a confusion set (guess/guest, principal/principle, their/there, …;
`data/confusables.txt`), compares the written word with its partners on the words
either side, using English n-gram counts embedded in the binary, and flags the word when
a partner is far more likely. The finding gives the evidence (\"'best guess is' is 1,600×
more common than 'best guest is'\"). Names, headings in Title Case and code are skipped.

## Why is this bad?
Spell checkers pass real words; \"my best guest is\" survives every spell check and
reaches print. Inside a quote the words are the speaker's, and a slip there is usually
the transcription's: check the recording or notes.

## Example
    “My best guest is that the talks resume,” she said.

## Use instead
    “My best guess is that the talks resume,” she said.

Outside quotes the fix replaces the word (not applied automatically); inside a quote
there is no fix."
    }
    fn check(&self, a: &Analysis, cx: &Context) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut toks: Vec<&str> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let mut memo = crate::confusables::Memo::default();
        for block in &a.doc.blocks {
            if block.kind == BlockKind::Heading && title_case(a.doc.text(block.span)) {
                continue;
            }
            for s in &a.doc.sentences[block.sentences.clone()] {
                toks.clear();
                spans.clear();
                for (span, t) in tokens(a.doc.text(s.span), s.span.start) {
                    toks.push(t);
                    spans.push(span);
                }
                for sug in cx.confusables.check_memo(&toks, &mut memo) {
                    let Some(&span) = spans.get(sug.index) else {
                        continue;
                    };
                    let written = toks[sug.index];
                    let in_quote = a.quote_at(span.start).is_some();
                    let mut d = Diagnostic::new(
                        self,
                        span,
                        format!("'{written}' may be '{}': {}", sug.replacement, sug.evidence),
                    );
                    if in_quote {
                        d = d.help("inside a quote: check the recording or notes");
                    } else {
                        d = d.help(format!("did you mean '{}'?", sug.replacement)).fix(Fix {
                            applicability: Applicability::Unsafe,
                            edits: vec![Edit {
                                start: span.start,
                                end: span.end,
                                replacement: sug.replacement.clone(),
                            }],
                        });
                    }
                    out.push(d);
                }
            }
        }
        out
    }
}

fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.len() > 3).collect();
    !words.is_empty() && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}
