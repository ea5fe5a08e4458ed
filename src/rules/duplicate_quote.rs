use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::hash::PrehashedBuild;
use std::collections::HashMap;

declare_rule! {
    /// The same quoted passage used twice in one article.
    ///
    /// ## What it does
    /// Flags the second and later use of a quote of five or more words whose words (case and
    /// punctuation aside) match an earlier quote, and a quote of six or more words that repeats
    /// inside another: a partial quote taken again from a full one, or a lede's partial quote
    /// that a later full quote repeats. Short phrases in quotes ("phase two") repeat
    /// legitimately and are not flagged.
    ///
    /// ## Why is this bad?
    /// A quote used twice is a sign of an edit that moved a paragraph and left the original,
    /// or of a top and a bottom written separately; readers notice, and it wastes space.
    ///
    /// ## Example
    ///     “We will not close the school,” Ruiz said. … Later: “We will not close the school,” she said.
    ///
    /// ## Use instead
    /// Keep the quote where it does most work; paraphrase or cut the other.
    pub struct DuplicateQuote;
}

/// Quotes shorter than this (in words) are phrases, and repeating them is normal.
const MIN_WORDS: usize = 5;

/// The hashes of a quote's words, case and punctuation aside, into `out`: each
/// whitespace-separated word of each part, trimmed of what is not a letter or digit, in
/// lower case with ’ as ', hashed (FNV-1a) as it is lowered, without building
/// the normalised text (the test `word_hashes_match_the_normalised_text` holds it to that).
fn word_hashes(q: &crate::quotes::Quote, doc: &crate::document::Document, out: &mut Vec<u64>) {
    out.clear();
    for &part in &q.parts {
        part_word_hashes(doc.text(part), out);
    }
}

/// The word hashes of one part, in one pass over its bytes: ASCII bytes are classed and
/// lowered by one table, a run of ASCII letters and digits is hashed in a loop of its
/// own, and only a non-ASCII char is decoded. A word's hash runs from its first letter
/// or digit, and is the one it had at its last letter or digit (the trimmed word's).
fn part_word_hashes(text: &str, out: &mut Vec<u64>) {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    let bytes = text.as_bytes();
    let (mut h, mut at_last) = (FNV_OFFSET, None);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let t = LOWERED[usize::from(b)];
        if t >= ALNUM {
            h = step(h, t);
            i += 1;
            while let Some(&b) = bytes.get(i) {
                let t = LOWERED[usize::from(b)];
                if t < ALNUM {
                    break;
                }
                h = step(h, t);
                i += 1;
            }
            at_last = Some(h);
            continue;
        }
        if t == SPACE {
            i += 1;
            out.extend(at_last.take());
            h = FNV_OFFSET;
            continue;
        }
        if t == OTHER {
            i += 1;
            if at_last.is_some() {
                h = step(h, b);
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_whitespace() {
            out.extend(at_last.take());
            h = FNV_OFFSET;
            continue;
        }
        let alnum = crate::document::is_alphanumeric(c);
        if alnum || at_last.is_some() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                let l = if l == '’' { '\'' } else { l };
                h = l.encode_utf8(&mut buf).bytes().fold(h, step);
            }
            if alnum {
                at_last = Some(h);
            }
        }
    }
    out.extend(at_last);
}

const SPACE: u8 = 0;
const OTHER: u8 = 1;
const NON_ASCII: u8 = 2;
/// The least [`LOWERED`] value of a letter or digit ('0').
const ALNUM: u8 = b'0';

/// A byte for [`part_word_hashes`]: an ASCII letter or digit lowered (`b | 0x20` lowers a
/// capital and leaves a small letter or a digit as it is), SPACE for the chars
/// `split_whitespace` splits at below 0x80 (tab to carriage return, space), OTHER for the
/// rest of ASCII, NON_ASCII for a byte of a multi-byte char.
const LOWERED: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            c | 0x20
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

impl Rule for DuplicateQuote {
    fn id(&self) -> RuleId {
        RuleId::DuplicateQuote
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
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        // Quotes are compared by hashes of their words (64-bit: a collision is not a
        // practical concern), so no quote's text is kept: whole quotes by the hash of all
        // their words; runs of SHINGLE words of earlier quotes (every run, for a later
        // quote inside an earlier one; each quote's first run, for an earlier quote
        // inside a later one), each with the quote it came from.
        let quotes = &a.quotes.quotes;
        // Sized once for about as many runs as the quotes have words (a word takes more
        // than four bytes with its space), so that the tables do not grow step by step.
        let words_about = (quotes.iter().map(|q| q.span.len()).sum::<usize>() / 5).min(MAX_RUNS);
        let mut seen: HashMap<u64, usize, PrehashedBuild> =
            HashMap::with_capacity_and_hasher(quotes.len(), PrehashedBuild::default());
        let mut runs: HashMap<u64, usize, PrehashedBuild> =
            HashMap::with_capacity_and_hasher(words_about, PrehashedBuild::default());
        let mut firsts: HashMap<u64, usize, PrehashedBuild> =
            HashMap::with_capacity_and_hasher(quotes.len().min(MAX_RUNS), PrehashedBuild::default());
        // Words and whole-quote hash of every quote indexed so far.
        let mut meta: Vec<(usize, u64)> = vec![(0, 0); quotes.len()];
        let mut out = Vec::new();
        // Buffers kept from quote to quote.
        let (mut word_hashes, mut hashes) = (Vec::new(), Vec::new());
        for (qi, q) in quotes.iter().enumerate() {
            self::word_hashes(q, &a.doc, &mut word_hashes);
            let words = word_hashes.len();
            if words < MIN_WORDS {
                continue;
            }
            let line_of = |at: usize| a.doc.lines.line_col(&a.doc.source, at).0;
            let whole = combine(&word_hashes);
            meta[qi] = (words, whole);
            let found = match seen.get(&whole) {
                Some(&qj) => Some(format!("this quote already appears on line {}", line_of(quotes[qj].span.start))),
                None => {
                    seen.insert(whole, qi);
                    hashes.clear();
                    hashes.extend(word_hashes.windows(SHINGLE).map(combine));
                    // These words inside an earlier, longer quote: every run of them is one
                    // of its runs.
                    let first = hashes.first().and_then(|h| runs.get(h)).copied();
                    let inside = first.filter(|&qj| hashes.iter().all(|h| runs.get(h) == Some(&qj)));
                    // An earlier, shorter quote inside these words.
                    let holds = hashes.iter().enumerate().find_map(|(p, h)| {
                        let qj = *firsts.get(h)?;
                        let (len, full) = meta[qj];
                        (p + len <= words && combine(&word_hashes[p..p + len]) == full).then_some(qj)
                    });
                    for &h in &hashes {
                        if runs.len() < MAX_RUNS {
                            runs.entry(h).or_insert(qi);
                        }
                    }
                    if let Some(&h) = hashes.first() {
                        if firsts.len() < MAX_RUNS {
                            firsts.entry(h).or_insert(qi);
                        }
                    }
                    match (inside, holds) {
                        (Some(qj), _) => {
                            Some(format!("these words are already quoted on line {}", line_of(quotes[qj].span.start)))
                        }
                        (None, Some(qj)) => Some(format!(
                            "this quote repeats words already quoted on line {}",
                            line_of(quotes[qj].span.start)
                        )),
                        (None, None) => None,
                    }
                }
            };
            if let Some(message) = found {
                out.push(
                    Diagnostic::new(self, q.span, message)
                        .help("keep one use of the quote; paraphrase or cut the other"),
                );
            }
        }
        out
    }
}

/// Words in a run that makes a repeat: a partial quote of fewer words is a phrase.
const SHINGLE: usize = 6;
/// Runs indexed at most (a few MB): a huge file stops indexing, it does not grow.
const MAX_RUNS: usize = 1 << 16;

/// FNV-1a of a word.
#[cfg(test)]
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(FNV_OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The hash of a run of words, from the words' hashes (order matters).
fn combine(hashes: &[u64]) -> u64 {
    hashes.iter().fold(0x9e37_79b9_7f4a_7c15, |h, &x| (h.rotate_left(23) ^ x).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::DuplicateQuote as R;
    use crate::rules::testing::*;

    /// The obvious form of `word_hashes`: the quote's text normalised into one string
    /// (words trimmed of punctuation, lower case, ’ as '), split at its spaces, each word
    /// hashed.
    fn normalise(text: &str) -> String {
        let mut out = String::new();
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

    #[test]
    fn word_hashes_match_the_normalised_text() {
        let text = "“We WILL not — close the school’s Doors,” Ruiz said. “İstanbul’s ÉCOLE, 'Straße' ΣΟΦΊΑ …\n\n\
                    “and the ‘rest’ of it, 42-year-old U.S. café-owners!”\n\n\
                    \"Plain ASCII -- (words), 'here' and\tTHERE\x0bvt\x0cff \x1cfs... 3.5% #1!\" she said.\n\n\
                    \"A mixed one: naïve 'quotes' -- and ASCII\u{a0}words, CAFÉ's\" he said.\n\n\
                    “Co—op’s ’tis ‘ÅNGSTRÖM’— İİ x\u{2003}y ¿qué?\u{85}Ωmega …end…” she said.";
        let a = crate::analyze(crate::document::Document::parse(
            "a.txt".as_ref(),
            text.into(),
            crate::document::Format::Text,
        ));
        assert!(a.quotes.quotes.len() >= 4);
        for q in &a.quotes.quotes {
            let mut got = Vec::new();
            super::word_hashes(q, &a.doc, &mut got);
            let key = normalise(&q.text(&a.doc));
            let want: Vec<u64> =
                if key.is_empty() { Vec::new() } else { key.split(' ').map(super::word_hash).collect() };
            assert_eq!(got, want, "{key}");
        }
    }

    #[test]
    fn a_full_quote_used_twice() {
        let text = "“We will not close the school,” Ruiz said.\n\nLater she repeated: “We will not close the school.”";
        assert_count(&R, text, 1);
        assert_flags(&R, text, "“We will not close the school.”");
    }

    #[test]
    fn a_short_phrase_may_be_repeated() {
        // near miss: short phrases
        assert_count(&R, "It is “phase two,” she said. Then came “phase two” again.", 0);
    }

    #[test]
    fn different_quotes_are_no_repeat() {
        // near miss: different quotes
        assert_count(&R, "“We will not close the school,” Ruiz said. “We will close the pool,” she said.", 0);
    }

    #[test]
    fn a_partial_quote_repeating_a_full_one() {
        // A later partial quote inside an earlier full one, and an earlier partial quote
        // (a lede's) inside a later full one.
        let later = "“That was not a slip. It was a betrayal of the trust that every tenant placed in us,” Lim said.\n\n\
                     In her ruling, Lim called the evictions “a betrayal of the trust that every tenant placed in us” and fined him.";
        assert_flags(&R, later, "“a betrayal of the trust that every tenant placed in us”");
        let lede =
            "The governor said the bank would “hold rates steady until prices are clearly falling” this year.\n\n\
                    “We will hold rates steady until prices are clearly falling,” she said.";
        assert_flags(&R, lede, "“We will hold rates steady until prices are clearly falling,”");
        // near misses: a shared phrase shorter than six words, and the same opening words
        // going on differently
        assert_count(
            &R,
            "It was “a recipe for disaster,” she said. “This plan is a recipe for disaster,” Ruiz said.",
            0,
        );
        assert_count(
            &R,
            "“We will hold rates steady until prices fall,” she said. Later: “We will hold rates steady until wages rise.”",
            0,
        );
    }
}
