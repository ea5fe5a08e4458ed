use super::{Applicability, Context, Diagnostic, Edit, Fix, Rule, RuleGroup, RuleId, Severity};
use std::borrow::Cow;

use crate::analysis::Analysis;
use crate::document::{BlockKind, Format, Span};

declare_rule! {
    /// A real word that is wrong in its context.
    ///
    /// ## What it does
    /// For every word of a confusion set (guess/guest, principal/principle, their/there, …;
    /// `data/confusables.txt`), compares the written word with its partners on the words
    /// either side, using English n-gram counts embedded in the binary, and flags the word when
    /// a partner is far more likely. The finding gives the evidence ("'best guess is' is 1,600×
    /// more common than 'best guest is'"). Names, headings in Title Case and code are skipped.
    ///
    /// ## Why is this bad?
    /// Spell checkers pass real words; "my best guest is" survives every spell check and
    /// reaches print. Inside a quote the words are the speaker's, and a slip there is usually
    /// the transcription's: check the recording or notes.
    ///
    /// ## Example
    ///     “My best guest is that the talks resume,” she said.
    ///
    /// ## Use instead
    ///     “My best guess is that the talks resume,” she said.
    ///
    /// Outside quotes the fix replaces the word (not applied automatically); inside a quote
    /// there is no fix.
    pub struct ConfusableWord;
}

impl Rule for ConfusableWord {
    fn id(&self) -> RuleId {
        RuleId::ConfusableWord
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Drafts
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, cx: &Context) -> Vec<Diagnostic> {
        MEMO.with_borrow_mut(|memo| self.check_with(a, cx, memo))
    }
}

/// The tokens of a sentence, with HTML's in-word apostrophes put back: the reader
/// decodes `it&rsquo;s` in place as "it    ’s" (the file's offsets kept), which splits
/// the word; here it is one token, "it's", spanning the whole of `it&rsquo;s`, so a
/// finding and its fix cover the word as written.
struct Rejoin<'a, I: Iterator<Item = (Span, &'a str)>> {
    a: &'a Analysis,
    inner: I,
    ahead: std::collections::VecDeque<(Span, &'a str)>,
    html: bool,
}

impl<'a, I: Iterator<Item = (Span, &'a str)>> Rejoin<'a, I> {
    fn new(a: &'a Analysis, inner: I, html: bool) -> Self {
        Rejoin { a, inner, ahead: std::collections::VecDeque::new(), html }
    }

    fn pull(&mut self) -> Option<(Span, &'a str)> {
        self.ahead.pop_front().or_else(|| self.inner.next())
    }
}

impl<'a, I: Iterator<Item = (Span, &'a str)>> Iterator for Rejoin<'a, I> {
    type Item = (Span, Cow<'a, str>);

    fn next(&mut self) -> Option<Self::Item> {
        let (span, word) = self.pull()?;
        if !self.html || !word.chars().next().is_some_and(char::is_alphanumeric) {
            return Some((span, Cow::Borrowed(word)));
        }
        while self.ahead.len() < 2 {
            match self.inner.next() {
                Some(t) => self.ahead.push_back(t),
                None => break,
            }
        }
        let joined = match (self.ahead.front(), self.ahead.get(1)) {
            (Some(&(mark, "’" | "'")), Some(&(rest, tail))) => {
                let source = self.a.doc.source.as_bytes();
                // The reference starts right after the word and ends with the mark.
                let reference = source.get(span.end) == Some(&b'&')
                    && source.get(mark.end - 1) == Some(&b';')
                    && self.a.doc.text(Span::new(span.end, mark.start)).bytes().all(|b| b == b' ');
                (reference && rest.start == mark.end && tail.chars().next().is_some_and(char::is_alphanumeric))
                    .then(|| (Span::new(span.start, rest.end), format!("{word}'{tail}")))
            }
            _ => None,
        };
        match joined {
            Some((span, text)) => {
                self.ahead.drain(..2);
                Some((span, Cow::Owned(text)))
            }
            None => Some((span, Cow::Borrowed(word))),
        }
    }
}

/// Tokens scored at a time, and tokens of context on each side of them.
const WINDOW: usize = 512;
const CONTEXT: usize = 8;

thread_local! {
    /// Verdicts by context, kept across the files a thread checks: common
    /// contexts ("said it would", "agreed to the") come back in every article.
    static MEMO: std::cell::RefCell<crate::confusables::Memo> = Default::default();
}

impl ConfusableWord {
    fn check_with(&self, a: &Analysis, cx: &Context, memo: &mut crate::confusables::Memo) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let html = a.doc.format == Format::Html;
        // Outside HTML no word is rejoined: the sentence's tokens are scored as they are
        // read, without a `Cow` per token or a second vector of them.
        let mut words: Vec<&str> = Vec::new();
        let mut joined: Vec<Cow<str>> = Vec::new();
        let mut spans: Vec<Span> = Vec::new();
        let prose = a.doc.prose();
        for (bi, block) in a.doc.blocks.iter().enumerate() {
            if block.kind == BlockKind::Heading && title_case(a.doc.text(block.span)) {
                continue;
            }
            for s in &a.doc.sentences[block.sentences.clone()] {
                // `segment::tokens` of the sentence, from its block's kept tokens.
                let tokens = a.words_in(bi, s.span);
                if html {
                    let check = |toks: &[Cow<str>], memo: &mut _| {
                        let refs: Vec<&str> = toks.iter().map(|t| t.as_ref()).collect();
                        cx.confusables.check_memo(&refs, memo)
                    };
                    self.scan(a, Rejoin::new(a, tokens, html), &mut joined, &mut spans, memo, check, &mut out);
                } else if let Some(kept) = tokens.kept().filter(|k| k.len() <= WINDOW + 2 * CONTEXT) {
                    // A sentence that fits one window, from its block's kept tokens: what
                    // `scan` does for it (one window, every suggestion kept), without
                    // pulling the tokens one by one.
                    // (The prose sliced directly, and a finding's span read from the kept
                    // token: no vector of spans.)
                    words.clear();
                    words.extend(kept.iter().map(|&[start, end]| &prose[start as usize..end as usize]));
                    for sug in cx.confusables.check_memo(&words, memo) {
                        let [start, end] = kept[sug.index];
                        let span = Span::new(start as usize, end as usize);
                        out.push(self.finding(a, words[sug.index], span, &sug.replacement, &sug.evidence));
                    }
                } else {
                    let check = |toks: &[&str], memo: &mut _| cx.confusables.check_memo(toks, memo);
                    self.scan(a, tokens, &mut words, &mut spans, memo, check, &mut out);
                }
            }
        }
        out
    }

    /// Score one sentence's tokens. A sentence is scored in windows of WINDOW tokens, each
    /// with CONTEXT tokens of its neighbours either side, so that a sentence of a million
    /// tokens (a file of quote marks) never holds them all at once.
    #[allow(clippy::too_many_arguments)]
    fn scan<T: AsRef<str>>(
        &self,
        a: &Analysis,
        words: impl Iterator<Item = (Span, T)>,
        toks: &mut Vec<T>,
        spans: &mut Vec<Span>,
        memo: &mut crate::confusables::Memo,
        check: impl Fn(&[T], &mut crate::confusables::Memo) -> Vec<crate::confusables::Suggestion>,
        out: &mut Vec<Diagnostic>,
    ) {
        toks.clear();
        spans.clear();
        let mut first = 0; // index in `toks` of the first token this window may flag
        let mut words = words.peekable();
        loop {
            while toks.len() < WINDOW + 2 * CONTEXT {
                let Some((span, t)) = words.next() else { break };
                toks.push(t);
                spans.push(span);
            }
            let last = words.peek().is_none();
            let flag_to = if last { toks.len() } else { toks.len() - CONTEXT };
            for sug in check(toks, memo) {
                if sug.index < first || sug.index >= flag_to {
                    continue;
                }
                out.push(self.finding(a, toks[sug.index].as_ref(), spans[sug.index], &sug.replacement, &sug.evidence));
            }
            if last {
                break;
            }
            let keep = toks.len() - 2 * CONTEXT;
            toks.drain(..keep);
            spans.drain(..keep);
            first = CONTEXT;
        }
    }

    fn finding(&self, a: &Analysis, written: &str, span: Span, replacement: &str, evidence: &str) -> Diagnostic {
        let d = Diagnostic::new(self, span, format!("'{written}' may be '{replacement}': {evidence}"));
        if a.quote_at(span.start).is_some() {
            return d.help("inside a quote: check the recording or notes");
        }
        d.help(format!("did you mean '{replacement}'?")).fix(Fix {
            applicability: Applicability::Unsafe,
            edits: vec![Edit { start: span.start, end: span.end, replacement: replacement.to_string() }],
        })
    }
}

fn title_case(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.len() > 3).collect();
    !words.is_empty() && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::ConfusableWord as R;
    use crate::document::Format;
    use crate::rules::testing::{assert_count, diagnostics, diagnostics_as};

    #[test]
    fn flags_the_slip_once_wherever_a_long_sentence_puts_it() {
        // Sentences are scored in windows; a slip at, before or after a window's edge is
        // found exactly once, with the same evidence as in a short sentence.
        let short = diagnostics(&R, "The mayor said her best guest is that the vote will be delayed.");
        assert_eq!(short.len(), 1, "{short:?}");
        for filler in [490, 500, 505, 510, 515, 520, 530, 1020, 1030] {
            let text = format!(
                "The mayor said {}and her best guest is that the vote will be delayed.",
                "that ".repeat(filler)
            );
            let found = diagnostics(&R, &text);
            assert_eq!(found.len(), 1, "filler {filler}: {found:?}");
            assert_eq!(&text[found[0].span.start..found[0].span.end], "guest");
            assert_eq!(found[0].message, short[0].message, "filler {filler}");
        }
    }

    #[test]
    fn a_word_in_a_phrase_of_its_own_is_kept() {
        assert_count(&R, "Kiln strikes have grown more common since the guild was founded in 1961.", 0);
        assert_count(&R, "The court left open whether data a ferry logs belongs to the guild.", 0);
        assert_count(&R, "The guild could not effect a recovery before the winter.", 0);
        // near miss: the fixed phrase itself is still flagged
        assert_count(&R, "Locking the kiln at night is just common since.", 1);
    }

    #[test]
    fn an_html_apostrophe_reference_inside_a_word_is_part_of_it() {
        let src = "<p>The ferry company said it&rsquo;s fleet would be replaced by 2030.</p>";
        let found = diagnostics_as(&R, src, Format::Html);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&src[found[0].span.start..found[0].span.end], "it&rsquo;s");
        let fix = found[0].fix.as_ref().expect("outside a quote: a fix");
        assert_eq!(fix.edits[0].replacement, "its");
        // The correct word with the same reference is left alone.
        let src = "<p>The ferry company said it&rsquo;s replacing its fleet by 2030.</p>";
        assert!(diagnostics_as(&R, src, Format::Html).is_empty());
    }
}
