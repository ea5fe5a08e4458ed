//! The checker: its table of set words (built from the sets and the data), the walk
//! over a sentence to the words worth scoring, fixed phrases, and the suggestion text.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::colloc::{self, Collocation};
use super::lm::{Gram, Lm};
use super::memo::{memo_key, Memo};
use super::model::{Model, NGRAMS_LM};
use super::params::Params;
use super::sets::{ConfusionSets, EMBEDDED_SETS};
use super::token::{bloom_bits, is_opening_quote, is_word_token, word_hash, Norm, BLOOM_WORDS};
use crate::hash::{fnv1a64, FastBuild};

/// A suspicious word and the word the n-grams prefer.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Index into tokens of the suspicious word.
    pub index: usize,
    /// The suggested word, with the written word's case pattern (Guest→Guess).
    pub replacement: String,
    /// How many times more likely the replacement is in this context.
    pub ratio: f64,
    /// e.g. "'best guess is' is 1,600× more common than 'best guest is'".
    pub evidence: String,
}

/// Per-word facts for a set member.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(super) word: Box<str>,
    pub(super) alternatives: Vec<usize>,
    pub(super) unigram: u64,
    /// Whether the data lists any bigram with this word on the right / on the left.
    pub(super) has_left: bool,
    pub(super) has_right: bool,
    /// Language-model unigram, if the word is in the model and in the embedded
    /// sets (only their n-grams are stored).
    pub(super) lm: Option<Gram>,
    /// Fixed phrases whose intended word is an alternative of this word:
    /// (index into `Checker::collocations`, entry of the intended word).
    collocations: Vec<(usize, usize)>,
    /// Fixed phrases whose intended word is this word: written in one of them, the
    /// word is right whatever the models say ("would effect a change").
    keeps: Vec<usize>,
}

/// The confusable-word checker: embedded sets (plus any extra) and the n-gram fst.
pub struct Checker {
    pub(super) model: Model,
    pub(super) lm: Lm,
    pub(super) entries: Vec<Entry>,
    /// Entries by word, as bytes: a token's normalised form ([`Norm`]) is looked up without
    /// being checked again as UTF-8.
    index: HashMap<Box<[u8]>, usize, FastBuild>,
    collocations: Vec<Collocation>,
    /// A Bloom filter of the set words (two bits of a 65,536-bit table per
    /// word): nine tokens in ten are no set word, and this answers for them
    /// without copying, checking or looking them up (see [`word_hash`]).
    bloom: Box<[u64; BLOOM_WORDS]>,
    /// Which (length, first letter, last byte) a set word has, for [`Checker::screen`].
    shape: Box<Shapes>,
    /// Which (length, first letter, second byte) a set word has: asked with `shape`, it
    /// halves the words that are hashed (of the bench corpus's words, 41% pass `shape`
    /// alone, 21% both).
    pairs: Box<Shapes>,
    pub(super) params: Params,
    /// Identity of these sets and parameters, for [`Memo`].
    id: u64,
}

/// A fresh checker identity (never 0, the owner of an empty memo).
fn next_checker_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl Checker {
    /// The embedded sets and n-gram data, built once.
    pub fn embedded() -> &'static Checker {
        static CHECKER: OnceLock<Checker> = OnceLock::new();
        CHECKER.get_or_init(|| Checker::build(&[]))
    }

    /// A checker with extra user sets added to the embedded ones.
    pub fn with_extra(extra: &ConfusionSets) -> Checker {
        Checker::build(&extra.sets)
    }

    fn build(extra: &[Vec<String>]) -> Checker {
        let embedded = ConfusionSets::parse(EMBEDDED_SETS).expect("data/confusables.txt parses");
        let model = Model::embedded();
        let lm = Lm::new(NGRAMS_LM);
        let mut entries: Vec<Entry> = Vec::new();
        let mut index: HashMap<Box<[u8]>, usize, FastBuild> = HashMap::default();
        for (n, set) in embedded.sets.iter().chain(extra).enumerate() {
            let in_embedded = n < embedded.sets.len();
            let ids: Vec<usize> = set
                .iter()
                .map(|w| {
                    *index.entry(w.as_bytes().into()).or_insert_with(|| {
                        entries.push(Entry {
                            word: w.as_str().into(),
                            alternatives: Vec::new(),
                            unigram: model.unigram(w.as_bytes()),
                            has_left: false,
                            has_right: false,
                            lm: None,
                            collocations: Vec::new(),
                            keeps: Vec::new(),
                        });
                        entries.len() - 1
                    })
                })
                .collect();
            for &id in &ids {
                if in_embedded && entries[id].lm.is_none() {
                    entries[id].lm = lm.unigram(entries[id].word.as_bytes());
                }
                for &other in &ids {
                    if other != id && !entries[id].alternatives.contains(&other) {
                        entries[id].alternatives.push(other);
                    }
                }
            }
        }
        // Which words have any listed bigram on each side (words outside the
        // embedded sets have none: the fst keeps only bigrams of set words).
        for e in &mut entries {
            e.has_right = model.starts_bigram(&e.word);
            e.has_left = model.ends_bigram(&e.word);
        }
        let collocations = colloc::parse(colloc::EMBEDDED_COLLOCATIONS).expect("data/collocations.txt parses");
        for (ci, c) in collocations.iter().enumerate() {
            let Some(&ti) = index.get(c.target.as_bytes()) else { continue };
            entries[ti].keeps.push(ci);
            for ai in entries[ti].alternatives.clone() {
                entries[ai].collocations.push((ci, ti));
            }
        }
        let mut bloom = Box::new([0u64; BLOOM_WORDS]);
        for e in &entries {
            for bit in bloom_bits(fnv1a64(e.word.as_bytes())) {
                bloom[bit / 64] |= 1 << (bit % 64);
            }
        }
        let mut shape = Box::new([[0u32; 26]; SHAPE_LEN]);
        let mut pairs = Box::new([[0u32; 26]; SHAPE_LEN]);
        for e in &entries {
            if let Some(WordShape { len, first, second, last }) = word_shape(e.word.as_bytes()) {
                shape[len][first] |= 1 << last;
                pairs[len][first] |= 1 << second;
            }
        }
        Checker {
            model,
            lm,
            entries,
            index,
            collocations,
            bloom,
            shape,
            pairs,
            params: Params::default(),
            id: next_checker_id(),
        }
    }

    /// False when `tok`, an ASCII token, cannot be a set word: no set word has its length,
    /// first letter and last byte, or its length, first letter and second byte (case
    /// aside), or [`Norm::new`] gives None for it. Answers without hashing the word for
    /// most tokens; true for a longer or non-ASCII token (the Bloom filter and the index
    /// decide).
    #[inline]
    fn may_be_set_word(&self, tok: &str) -> bool {
        let bytes = tok.as_bytes();
        let shaped = match word_shape(bytes) {
            Some(WordShape { len, first, second, last }) => {
                self.shape[len][first] & (1 << last) != 0 && self.pairs[len][first] & (1 << second) != 0
            }
            // Longer than the table: looked up. Otherwise empty, or a first, second or
            // last byte that Norm::new refuses.
            None => bytes.len() >= SHAPE_LEN,
        };
        // (A non-ASCII token, "it’s", is not its normalised form byte for byte: it passes
        // whatever its shape, and only a token the shape turns away is asked. One of at most
        // three bytes is never asked: `Norm::new` takes a non-ASCII byte only in a ’ after
        // an ASCII letter, four bytes at least.)
        shaped || has_non_ascii(bytes)
    }

    /// The tuning parameters in use.
    pub fn params(&self) -> Params {
        self.params
    }

    /// Replace the tuning parameters (for the evaluation harness).
    pub fn set_params(&mut self, params: Params) {
        self.params = params;
        // Verdicts reached under the old parameters no longer hold.
        self.id = next_checker_id();
    }

    /// The other members of `word`'s confusion sets, if it is in one.
    pub fn alternatives(&self, word: &str) -> Option<Vec<&str>> {
        let norm = Norm::new(word)?;
        let &i = self.index.get(norm.bytes())?;
        Some(self.entries[i].alternatives.iter().map(|&a| &*self.entries[a].word).collect())
    }

    /// The n-gram model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Check one sentence. `tokens` are the sentence's tokens in order; punctuation
    /// tokens are context boundaries. Index 0 is the sentence start.
    pub fn check(&self, tokens: &[&str]) -> Vec<Suggestion> {
        self.check_with(tokens, None)
    }

    /// [`Checker::check`] that remembers, in `memo`, the verdict for every
    /// context it scores and reuses it when the same word comes back in the same
    /// context: for the sentences of one file, or all the files a thread checks
    /// (a memo filled by another checker is emptied first).
    pub fn check_memo(&self, tokens: &[&str], memo: &mut Memo) -> Vec<Suggestion> {
        self.check_with(tokens, Some(memo))
    }

    fn check_with(&self, tokens: &[&str], mut memo: Option<&mut Memo>) -> Vec<Suggestion> {
        if let Some(m) = memo.as_deref_mut() {
            if m.owner != self.id {
                m.slots.clear();
                m.owner = self.id;
            }
        }
        let mut out = Vec::new();
        let mut at_start = true;
        for (i, &tok) in tokens.iter().enumerate() {
            if !is_word_token(tok) {
                if !is_opening_quote(tok) {
                    // Closing punctuation ends the sentence-start zone.
                    at_start = at_start && i == 0;
                }
                continue;
            }
            let opens_sentence = at_start;
            at_start = false;
            if !self.may_be_set_word(tok) {
                continue;
            }
            let Some(h) = word_hash(tok) else { continue };
            if !bloom_bits(h).iter().all(|&bit| self.bloom[bit / 64] & (1 << (bit % 64)) != 0) {
                continue;
            }
            let Some(norm) = Norm::new(tok) else { continue };
            let Some(&wi) = self.index.get(norm.bytes()) else {
                continue;
            };
            // Capitalised mid-sentence: a name (Peak District, Reign of Terror).
            let start = opens_sentence || (i > 0 && is_opening_quote(tokens[i - 1]));
            if !start && tok.chars().any(char::is_uppercase) {
                continue;
            }
            if self.params.collocations && self.entries[wi].keeps.iter().any(|&ci| self.fits(tokens, i, ci)) {
                continue;
            }
            if let Some(s) = self.collocation(tokens, i, wi) {
                out.push(s);
                continue;
            }
            let best = match memo.as_deref_mut() {
                None => self.score(tokens, i, wi),
                Some(m) if m.resting > 0 => {
                    m.resting -= 1;
                    self.score(tokens, i, wi)
                }
                Some(m) => {
                    memo_key(tokens, i, wi, &mut m.key);
                    m.get_or(|| self.score(tokens, i, wi))
                }
            };
            if let Some((ai, ratio)) = best {
                out.push(self.suggestion(tokens, i, ai, ratio));
            }
        }
        out
    }

    /// A fixed phrase of `data/collocations.txt` around `i` whose intended word
    /// is an alternative of the written word `wi`.
    fn collocation(&self, tokens: &[&str], i: usize, wi: usize) -> Option<Suggestion> {
        if !self.params.collocations {
            return None;
        }
        let (ci, ti) = *self.entries[wi].collocations.iter().find(|&&(ci, _)| self.fits(tokens, i, ci))?;
        let c = &self.collocations[ci];
        let written = tokens[i];
        let replacement = match_case(&self.entries[ti].word, written);
        let phrase = |mid: &str| {
            let mut words: Vec<&str> = tokens[i - c.before.len()..i].to_vec();
            words.push(mid);
            words.extend_from_slice(&tokens[i + 1..i + 1 + c.after.len()]);
            words.join(" ")
        };
        let evidence = format!("'{}' is the fixed phrase, not '{}'", phrase(&replacement), phrase(written));
        Some(Suggestion { index: i, replacement, ratio: f64::INFINITY, evidence })
    }

    /// Whether the words around `i` are those of fixed phrase `ci` (its target's slot aside).
    fn fits(&self, tokens: &[&str], i: usize, ci: usize) -> bool {
        let matches = |j: usize, slot: &[Box<str>]| {
            tokens.get(j).and_then(|t| Norm::new(t)).is_some_and(|n| slot.iter().any(|w| w.as_bytes() == n.bytes()))
        };
        let c = &self.collocations[ci];
        i >= c.before.len()
            && c.before.iter().enumerate().all(|(k, slot)| matches(i - c.before.len() + k, slot))
            && c.after.iter().enumerate().all(|(k, slot)| matches(i + 1 + k, slot))
    }

    /// The suggestion for the best alternative `ai` at `i`, with its evidence.
    fn suggestion(&self, tokens: &[&str], i: usize, ai: usize, ratio: f64) -> Suggestion {
        let left = self.context(tokens, i.checked_sub(1));
        let right = self.context(tokens, Some(i + 1));
        let written = tokens[i];
        let replacement = match_case(&self.entries[ai].word, written);
        let phrase = |mid: &str| {
            let mut s = String::new();
            if left.is_some() {
                s.push_str(tokens[i - 1]);
                s.push(' ');
            }
            s.push_str(mid);
            if right.is_some() {
                s.push(' ');
                s.push_str(tokens[i + 1]);
            }
            s
        };
        let evidence = format!(
            "'{}' is {}× more common than '{}'",
            phrase(&replacement),
            group_thousands(ratio.round() as u64),
            phrase(written)
        );
        Suggestion { index: i, replacement, ratio, evidence }
    }
}

/// Whether a token of four bytes or more holds a non-ASCII byte (false for a shorter one,
/// which never normalises with one). Up to eight bytes, by two overlapping four-byte
/// reads; a longer token by `is_ascii`.
#[inline]
fn has_non_ascii(bytes: &[u8]) -> bool {
    match bytes.len() {
        0..=3 => false,
        n @ 4..=8 => {
            let head = bytes.first_chunk::<4>().map_or(0, |b| u32::from_le_bytes(*b));
            let tail = bytes[n - 4..].first_chunk::<4>().map_or(0, |b| u32::from_le_bytes(*b));
            (head | tail) & 0x8080_8080 != 0
        }
        _ => !bytes.is_ascii(),
    }
}

/// Lengths the shape table covers: a longer word is looked up as before.
const SHAPE_LEN: usize = 16;
type Shapes = [[u32; 26]; SHAPE_LEN];

/// What [`word_shape`] reads of a word.
struct WordShape {
    len: usize,
    /// The first letter, 0..26.
    first: usize,
    /// The second and the last byte, 0..28: a letter, ' or - (a one-letter word's second
    /// is its last).
    second: u32,
    last: u32,
}

/// An ASCII word's length, first letter, second and last byte, as normalised (lower
/// case); None when it is longer than the table or its first, second or last byte is none
/// of those.
#[inline]
fn word_shape(bytes: &[u8]) -> Option<WordShape> {
    let (&first, &last) = (bytes.first()?, bytes.last()?);
    let class = |b: u8| SHAPE_CLASS[usize::from(b)];
    let (first, second, last) = (class(first), class(*bytes.get(1).unwrap_or(&last)), class(last));
    if bytes.len() >= SHAPE_LEN || first >= 26 || second == NO_CLASS || last == NO_CLASS {
        return None;
    }
    Some(WordShape { len: bytes.len(), first: usize::from(first), second: u32::from(second), last: u32::from(last) })
}

/// A byte's class in [`WordShape`]: a letter 0..26 (case aside), ' 26, - 27, any other
/// byte [`NO_CLASS`] (one load where the ranges take several compares).
const SHAPE_CLASS: [u8; 256] = {
    let mut t = [NO_CLASS; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = c.to_ascii_lowercase() - b'a';
        } else if c == b'\'' {
            t[b] = 26;
        } else if c == b'-' {
            t[b] = 27;
        }
        b += 1;
    }
    t
};
const NO_CLASS: u8 = 0xff;

/// Thousands separators: 1600 → "1,600".
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Give `word` the case pattern of `model` (Guest→Guess, GUEST→GUESS) and its apostrophe style.
fn match_case(word: &str, model: &str) -> String {
    let letters: Vec<char> = model.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    let mut out: String = if letters.len() > 1 && upper == letters.len() {
        word.to_uppercase()
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        let mut c = word.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    } else {
        word.to_string()
    };
    if model.contains('\u{2019}') {
        out = out.replace('\'', "\u{2019}");
    }
    out
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;
    use crate::confusables::tests::tokens;

    /// `word_shape` as it was written before its table: ranges per byte.
    fn word_shape_by_range(bytes: &[u8]) -> Option<(usize, usize, u32, u32)> {
        let (&first, &last) = (bytes.first()?, bytes.last()?);
        if bytes.len() >= SHAPE_LEN || !first.is_ascii_alphabetic() {
            return None;
        }
        let class = |b: u8| match b {
            b'a'..=b'z' | b'A'..=b'Z' => Some(u32::from(b.to_ascii_lowercase() - b'a')),
            b'\'' => Some(26),
            b'-' => Some(27),
            _ => None,
        };
        Some((bytes.len(), usize::from(first.to_ascii_lowercase() - b'a'), class(*bytes.get(1).unwrap_or(&last))?, class(last)?))
    }

    #[test]
    fn word_shape_is_the_test_per_range() {
        let shape = |w: &[u8]| word_shape(w).map(|s| (s.len, s.first, s.second, s.last));
        let mut words: Vec<Vec<u8>> = vec![vec![], b"x".repeat(SHAPE_LEN - 1), b"x".repeat(SHAPE_LEN)];
        for a in 0..=u8::MAX {
            words.push(vec![a]);
            for b in 0..=u8::MAX {
                words.push(vec![a, b]);
                words.push(vec![a, b'q', b]);
                words.push(vec![b'q', a, b'q', b]);
            }
        }
        for w in &words {
            assert_eq!(shape(w), word_shape_by_range(w), "{w:?}");
        }
    }

    #[test]
    fn lm_off_for_words_outside_embedded_sets() {
        let c = Checker::with_extra(&ConfusionSets::parse("wombat numbat\n").unwrap());
        assert!(c.entries[c.index[&b"wombat"[..]]].lm.is_none());
        assert!(c.entries[c.index[&b"guess"[..]]].lm.is_some());
    }

    #[test]
    fn evidence_text() {
        let t = tokens("My best guest is that the talks will fail.");
        let s = &Checker::embedded().check(&t)[0];
        assert!(s.evidence.starts_with("'best guess is' is "), "{}", s.evidence);
        assert!(s.evidence.ends_with("× more common than 'best guest is'"), "{}", s.evidence);
    }

    #[test]
    fn curly_apostrophe_normalised() {
        assert!(Checker::embedded().alternatives("it’s").is_some_and(|a| a.contains(&"its")));
    }

    #[test]
    fn case_pattern() {
        assert_eq!(match_case("guess", "Guest"), "Guess");
        assert_eq!(match_case("guess", "GUEST"), "GUESS");
        assert_eq!(match_case("it's", "its"), "it's");
        assert_eq!(match_case("its", "it’s"), "its");
        assert_eq!(match_case("they're", "Their"), "They're");
    }

    #[test]
    fn has_non_ascii_is_a_long_token_not_ascii() {
        for t in ["", "a", "ab’", "it’s", "abcd", "abcé", "éabc", "abcdefgh", "abcdefg’", "abcdefghi", "abcdefghé", "a’bcdefgh"] {
            assert_eq!(super::has_non_ascii(t.as_bytes()), t.len() > 3 && !t.is_ascii(), "{t:?}");
        }
    }

    #[test]
    fn the_screen_passes_every_token_the_index_holds() {
        // Its reference: a token passes wherever its normalised form is a set word.
        let c = Checker::with_extra(&ConfusionSets::parse("wombat numbat\nx-ray x-rays\n").unwrap());
        let mut toks: Vec<String> = Vec::new();
        for e in &c.entries {
            let w = e.word.to_string();
            toks.push(w.to_uppercase());
            toks.push(match_case(&w, "Title"));
            toks.push(w.replace('\'', "’"));
            toks.push(format!("{w}s"));
            toks.push(format!("{w}'"));
            toks.push(w[1..].to_string());
            toks.push(w);
        }
        let text = "The mayor's aides said they're sure its fine, then left; it’s over. Don't! \
                    A well-known x-ray, 2020, naïve café, O'Brien and THEIR guests' 'quotes' -- \
                    ab a z zz' q- supercalifragilistic extraordinarily";
        toks.extend(text.split(|c: char| c.is_whitespace() || ",.;!".contains(c)).map(str::to_string));
        let mut held = 0;
        for t in &toks {
            let listed = Norm::new(t).is_some_and(|n| c.index.contains_key(n.bytes()));
            if listed {
                held += 1;
                assert!(c.may_be_set_word(t), "{t:?} is a set word and was screened out");
            }
        }
        assert!(held > c.entries.len(), "{held}");
        // And it does screen: most ordinary words are out.
        let out = ["the", "said", "and", "mayor", "council"].iter().filter(|w| !c.may_be_set_word(w)).count();
        assert!(out >= 1, "{out}");
    }

    #[test]
    fn thousands() {
        assert_eq!(group_thousands(1600), "1,600");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn fst_matches_confusables_txt() {
        assert_eq!(
            Checker::embedded().model().sets_hash(),
            fnv1a64(EMBEDDED_SETS.as_bytes()),
            "data/confusables.txt changed: run scripts/build_ngrams.py"
        );
        assert_eq!(
            Checker::embedded().lm.sets_hash(),
            fnv1a64(EMBEDDED_SETS.as_bytes()),
            "data/confusables.txt changed: run scripts/build_ngrams.py"
        );
    }

    #[test]
    fn extra_sets_can_fire_on_known_words() {
        // 'guest' and 'guess' are in the data, so a user set of them can fire too.
        let extra = ConfusionSets::parse("wombat numbat\n").unwrap();
        let c = Checker::with_extra(&extra);
        assert!(c.check(&tokens("A wombat is a numbat.")).is_empty());
        assert_eq!(c.check(&tokens("My best guest is that it rains.")).len(), 1);
    }
}
