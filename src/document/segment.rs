//! Sentences and words. unicode-segmentation finds the candidate boundaries (UAX #29);
//! the news-copy exceptions are applied on top: no break after "U.S.", "Gov.", "Jan.",
//! initials, and none between a quote and its attribution (`“Stop!” Ruiz said.`).

use super::Span;
use crate::lexicon;
use unicode_segmentation::UnicodeSegmentation;

/// A sentence as a span of the prose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
}

/// Append the sentences of one block to `out`.
pub(crate) fn sentences(prose: &str, block: Span, out: &mut Vec<Sentence>) {
    let text = &prose[block.start..block.end];
    let mut current: Option<Span> = None;
    for (offset, piece) in text.split_sentence_bound_indices() {
        let trimmed = piece.trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let lead = piece.len() - piece.trim_start().len();
        let span = Span::new(block.start + offset + lead, block.start + offset + trimmed.len());
        current = Some(match current {
            Some(prev) if !breaks_between(&prose[prev.start..prev.end], &prose[span.start..span.end]) => {
                prev.cover(span)
            }
            Some(prev) => {
                out.push(Sentence { span: prev });
                span
            }
            None => span,
        });
    }
    if let Some(span) = current {
        out.push(Sentence { span });
    }
}

/// Whether a candidate boundary between two pieces is a real sentence break.
fn breaks_between(before: &str, after: &str) -> bool {
    let first_word = after.split_whitespace().next().unwrap_or("");
    let first_alpha = first_word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if first_alpha.chars().next().is_some_and(|c| c.is_lowercase()) {
        return false;
    }
    let body = before.trim_end();
    // A quote that ends in ! or ? followed by its attribution: “Stop!” Ruiz said.
    if body.ends_with(['”', '"', '’', '\'']) {
        let inner = body.trim_end_matches(['”', '"', '’', '\'']);
        if inner.ends_with(['!', '?', ',', '—']) && starts_with_attribution(after) {
            return false;
        }
        return true;
    }
    let Some(stem) = body.strip_suffix('.') else {
        return true;
    };
    let last = stem.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"').next().unwrap_or("");
    if last.is_empty() {
        return true;
    }
    // Initials: "J." and dotted acronyms: "U.S."
    let is_initial = last.chars().count() == 1 && last.chars().all(|c| c.is_uppercase());
    let is_acronym = last.contains('.') && last.split('.').all(|p| p.chars().count() <= 2);
    if is_initial {
        return false;
    }
    if lexicon::is_abbreviation(last) {
        return false;
    }
    if is_acronym {
        // "in the U.S. The talks…" does break; "U.S. troops" does not.
        return lexicon::is_sentence_opener(first_alpha);
    }
    true
}

/// The piece after a quote starts with an attribution: a short run of words, then a
/// speech verb ("Ruiz said", "said Ana Ruiz", "the ministry said in a statement").
fn starts_with_attribution(after: &str) -> bool {
    after.split_whitespace().take(6).any(|w| lexicon::is_speech_verb(w.trim_matches(|c: char| !c.is_alphabetic())))
}

/// Words and punctuation of a text as spans offset by `base`, whitespace skipped.
///
/// A word is a run of letters and digits joined by internal apostrophes, hyphens and
/// periods (it's, al-Hassan, U.S, 3.5); every other character is a token of its own.
/// A hand-written scanner rather than UAX #29 word bounds: the rules that read words
/// run over every sentence, and this keeps them at memory speed on ASCII text.
pub fn tokens(text: &str, base: usize) -> Tokens<'_> {
    Tokens { text, pos: 0, base }
}

/// Iterator of [`tokens`].
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    base: usize,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = (Span, &'a str);

    fn next(&mut self) -> Option<(Span, &'a str)> {
        let bytes = self.text.as_bytes();
        while self.pos < bytes.len() && bytes[self.pos].is_ascii_whitespace() {
            self.pos += 1;
        }
        let rest = self.text.get(self.pos..)?;
        let mut chars = rest.char_indices().peekable();
        let (_, first) = chars.next()?;
        let start = self.pos;
        let mut end = first.len_utf8();
        if first.is_whitespace() {
            self.pos += end;
            return self.next();
        }
        if first.is_alphanumeric() {
            while let Some((i, c)) = chars.next() {
                if c.is_alphanumeric() {
                    end = i + c.len_utf8();
                } else if matches!(c, '\'' | '’' | '-' | '.') && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric())
                {
                    continue;
                } else {
                    break;
                }
            }
        }
        self.pos = start + end;
        let s = self.base + start;
        Some((Span::new(s, s + end), &rest[..end]))
    }
}

/// Words of a text (punctuation and whitespace excluded), as spans offset by `base`.
pub fn words(text: &str, base: usize) -> impl Iterator<Item = (Span, &str)> {
    tokens(text, base).filter(|(_, w)| w.chars().next().is_some_and(|c| c.is_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        sentences(text, Span::new(0, text.len()), &mut out);
        out.iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn abbreviations_initials_and_acronyms() {
        assert_eq!(split("Gov. Ana Ruiz spoke. She left.").len(), 2);
        assert_eq!(split("It fell on Jan. 5 in the city. Then it rose.").len(), 2);
        assert_eq!(split("J. R. Whitcombe said so. Others agreed.").len(), 2);
        assert_eq!(split("U.S. troops left. The base closed.").len(), 2);
        assert_eq!(split("He flew to the U.S. The talks began.").len(), 2);
        assert_eq!(split("Prices rose 3.5 percent. Wages fell.").len(), 2);
    }

    #[test]
    fn tokens_keep_words_whole() {
        let t: Vec<&str> = tokens("It's al-Hassan’s “U.S. plan,” 3.5 —ok", 0).map(|(_, w)| w).collect();
        assert_eq!(t, vec!["It's", "al-Hassan’s", "“", "U.S", ".", "plan", ",", "”", "3.5", "—", "ok"]);
    }

    #[test]
    fn quote_and_its_attribution_stay_together() {
        assert_eq!(split("“Stop the vote!” Ruiz said. Nobody did.").len(), 2);
        assert_eq!(split("“Why now?” asked Omar al-Hassan, a lawyer.").len(), 1);
        assert_eq!(split("“It is over.” The crowd left.").len(), 2);
    }
}
