//! Real-word errors: confusion sets scored on embedded n-gram data.
//!
//! A spell checker passes "My best guest is that …" because every word is a
//! word. This module catches it the way a copy editor does: for each word that
//! belongs to a confusion set (`data/confusables.txt`), it compares the written
//! word `w` with each alternative `a` in the word's context under two models
//! (both built by `scripts/build_ngrams.py`; sources and licences in
//! `data/LICENSE-ngrams.md`). A suggestion is made when either model is
//! confident enough; the reported ratio is the larger of the two.
//!
//! **Language model** (`data/ngrams-lm.bin`, see [`lm`]): a subset of the CMU
//! Sphinx US English trigram back-off model, whose vocabulary has contractions
//! (`it's`, `they're`) and sentence boundaries. With up to two context words on
//! each side (`l2 l1 x r1 r2`; quote marks skipped, and commas except one right
//! after the word, which ends its clause: "Ferries, too, were …"; `<s>`/`</s>`
//! at the sentence's ends) a candidate scores
//!
//! ```text
//! log P(x | l2 l1) + log P(r1 | l1 x) + log P(r2 | x r1)
//! ```
//!
//! The log-odds of `a` over `w` keep [`Params::lm_prior`] of the unigram prior
//! (frequent words otherwise swamp rare ones), need a listed n-gram of the
//! alternative, and must reach [`Params::lm_margin`]. For a rare written word
//! (unigram below [`Params::lm_cap_below`]) each side is capped at
//! [`Params::lm_cap`] where the word has no listed n-gram: a pruned model backs
//! rare words off hardest, so a missing n-gram proves little. For a common
//! written word ("to", "where", "buy") the model's n-grams are dense, a missing
//! one is evidence, and the margin is the lower [`Params::lm_margin_common`].
//!
//! **Count model** (`data/ngrams.fst`): symspellpy's unigram and bigram counts
//! (Google Books derived). The score of a candidate `x` between left word `l`
//! and right word `r` is `P(x | l) · P(r | x)`, so the odds are
//!
//! ```text
//! ratio = c(l a)/c(l w) · [c(a r)/c(a)] / [c(w r)/c(w)]
//! ```
//!
//! The bigram list is pruned (no pair below [`Model::bigram_min`] is listed), so
//! an unlisted bigram is estimated by backing off to the unigram priors
//! (independence, scaled and boosted for association) and capped below the
//! pruning threshold. A side where neither word is listed carries no evidence
//! and can only argue *against* a change. A suggestion needs: listed evidence
//! for the alternative, no side that prefers the written word, and an overall
//! ratio above [`Params::margin`].
//!
//! When neither model alone is confident enough, both reaching the lower
//! [`Params::agree`] odds is a suggestion too: two independent sources agreeing.
//!
//! All thresholds are tuned on the even lines of the evaluation set by
//! `examples/confusables_eval.rs` (`--sweep-lm`), and confirmed on the odd lines.

use std::collections::HashMap;
use std::sync::OnceLock;

use fst::Map;

pub mod colloc;
pub mod lm;
use colloc::Collocation;
use lm::{Gram, Lm, END, START};

/// The embedded confusion sets (the team's own list).
pub const EMBEDDED_SETS: &str = include_str!("../../data/confusables.txt");
static NGRAMS: &[u8] = include_bytes!("../../data/ngrams.fst");
static NGRAMS_LM: &[u8] = include_bytes!("../../data/ngrams-lm.bin");

/// Longest word (in bytes) that can be in a set; longer tokens are skipped at once.
const MAX_WORD: usize = 32;

/// Confusion sets parsed from the text format of `data/confusables.txt`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfusionSets {
    sets: Vec<Vec<String>>,
}

impl ConfusionSets {
    /// Parse the text format of data/confusables.txt. Errors name the line.
    ///
    /// One set per line; words separated by spaces or `/`; `#` starts a
    /// comment. Words are lowercased and `’` is read as `'`.
    pub fn parse(text: &str) -> Result<ConfusionSets, String> {
        let mut sets = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let lineno = i + 1;
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut set: Vec<String> = Vec::new();
            for word in line.split(|c: char| c.is_whitespace() || c == '/') {
                if word.is_empty() {
                    continue;
                }
                let norm: String =
                    word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).flat_map(char::to_lowercase).collect();
                if !norm.chars().next().is_some_and(char::is_alphabetic)
                    || !norm.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-')
                {
                    return Err(format!(
                        "line {lineno}: '{word}' is not a word (letters, apostrophes and hyphens only)"
                    ));
                }
                if norm.len() > MAX_WORD {
                    return Err(format!("line {lineno}: '{word}' is longer than {MAX_WORD} bytes"));
                }
                if !set.contains(&norm) {
                    set.push(norm);
                }
            }
            if set.len() < 2 {
                return Err(format!(
                    "line {lineno}: a confusion set needs at least two different words: '{}'",
                    raw.trim()
                ));
            }
            sets.push(set);
        }
        Ok(ConfusionSets { sets })
    }

    /// The sets, each a list of lowercase words.
    pub fn sets(&self) -> &[Vec<String>] {
        &self.sets
    }

    pub fn len(&self) -> usize {
        self.sets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }
}

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

/// Tuning knobs; the defaults are tuned on `examples/confusables_eval.rs`
/// (`--sweep` for the count model, `--sweep-lm` for the language model).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    /// Minimum overall odds of the alternative over the written word.
    pub margin: f64,
    /// Association boost applied to the independence estimate of an unlisted bigram.
    pub assoc: f64,
    /// Cap of an unlisted bigram's estimate, as a fraction of the pruning threshold.
    pub cap: f64,
    /// A side whose odds fall below this vetoes the suggestion.
    pub min_side: f64,
    /// How much of the unigram prior c(a)/c(w) stays in the odds (0 = context
    /// likelihood ratio only, 1 = full posterior).
    pub prior: f64,
    /// Margin multiplier when only one side of the word has context.
    pub one_side: f64,
    /// The alternative's listed bigram must reach this multiple of the pruning threshold.
    pub min_evidence: f64,
    /// Minimum odds of the alternative over the written word under the trigram
    /// language model (0 turns the language model off).
    pub lm_margin: f64,
    /// How much of the unigram prior stays in the language model's odds (1 = all).
    pub lm_prior: f64,
    /// Whether the language model may fire only when an n-gram of the
    /// alternative with a context word is listed (not from back-off alone).
    pub lm_listed: bool,
    /// Each side's language-model odds (the left side without the unigram
    /// prior) must reach this, or the side vetoes the suggestion.
    pub lm_min_side: f64,
    /// A language-model suggestion is dropped when the count model lists the
    /// written word's bigram on a side and that side's odds (without prior)
    /// for the alternative are below this (0 = never).
    pub counts_veto: f64,
    /// Most log10 odds a side may add when the written word has no listed
    /// n-gram there (0 = no cap).
    pub lm_cap: f64,
    /// The cap applies only to written words whose log10 unigram probability is
    /// below this (0 = every word): a frequent word's n-grams are dense in the
    /// model, so a missing one is evidence, not pruning.
    pub lm_cap_below: f64,
    /// The language model's margin for written words at or above `lm_cap_below`
    /// (0 = `lm_margin`).
    pub lm_margin_common: f64,
    /// Whether the count model (symspellpy bigrams) may fire on its own.
    pub counts: bool,
    /// Whether the fixed phrases of `data/collocations.txt` may fire.
    pub collocations: bool,
    /// Whether commas, semicolons and colons are skipped when the language
    /// model looks for context words (the model was trained without punctuation).
    pub skip_commas: bool,
    /// Odds both models must reach for a suggestion neither makes alone: two
    /// independent sources of evidence agreeing (0 = off).
    pub agree: f64,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            margin: 60.0,
            assoc: 5.0,
            cap: 0.5,
            min_side: 1.0,
            prior: 0.5,
            one_side: 1.0,
            min_evidence: 1.0,
            lm_margin: 100.0,
            lm_prior: 0.3,
            lm_listed: true,
            lm_min_side: 0.0,
            counts_veto: 0.0,
            lm_cap: 1.0,
            lm_cap_below: -5.0,
            lm_margin_common: 50.0,
            counts: true,
            agree: 30.0,
            skip_commas: true,
            collocations: true,
        }
    }
}

/// The n-gram model: an fst map of `w` → unigram count and `w1 w2` → bigram count.
pub struct Model {
    /// The fst's keys and counts in a hash map: built once per process (a few
    /// milliseconds), it answers the many lookups of a check several times faster
    /// than walking the fst.
    map: std::collections::HashMap<Box<[u8]>, u64, FnvBuild>,
    bigram_min: u64,
    /// bigram total / unigram total of the source (the two lists have different scales).
    scale: f64,
    unigram_total: f64,
    hash: u64,
}

impl Model {
    fn embedded() -> Model {
        let map = Map::new(NGRAMS).expect("data/ngrams.fst is a valid fst map");
        let get = |k: &str| map.get(k.as_bytes()).unwrap_or(0);
        let bigram_min = get("\0bigram_min").max(1);
        let unigram_total = get("\0unigram_total").max(1) as f64;
        let scale = get("\0bigram_total").max(1) as f64 / unigram_total;
        let hash = get("\0hash");
        let mut table = std::collections::HashMap::with_capacity_and_hasher(map.len(), FnvBuild::default());
        let mut stream = map.stream();
        while let Some((k, v)) = fst::Streamer::next(&mut stream) {
            table.insert(k.into(), v);
        }
        Model { map: table, bigram_min, scale, unigram_total, hash }
    }

    /// The source's pruning threshold: no bigram below this count is listed.
    pub fn bigram_min(&self) -> u64 {
        self.bigram_min
    }

    /// FNV-1a 64 of the data/confusables.txt the fst was built from.
    pub fn sets_hash(&self) -> u64 {
        self.hash
    }

    fn unigram(&self, w: &str) -> u64 {
        self.map.get(w.as_bytes()).copied().unwrap_or(0)
    }

    /// How common a word is in English text, per million words (0 for a word the data
    /// does not list); `w` in lower case.
    pub fn per_million(&self, w: &str) -> f64 {
        self.unigram(w) as f64 * 1e6 / self.unigram_total
    }

    fn bigram(&self, a: &str, b: &str) -> u64 {
        let mut buf = [0u8; 2 * MAX_WORD + 1];
        let n = a.len() + 1 + b.len();
        if n > buf.len() {
            return 0;
        }
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()] = b' ';
        buf[a.len() + 1..n].copy_from_slice(b.as_bytes());
        self.map.get(&buf[..n]).copied().unwrap_or(0)
    }
}

/// Per-word facts for a set member.
#[derive(Debug, Clone)]
struct Entry {
    word: Box<str>,
    alternatives: Vec<usize>,
    unigram: u64,
    /// Whether the data lists any bigram with this word on the right / on the left.
    has_left: bool,
    has_right: bool,
    /// Language-model unigram, if the word is in the model and in the embedded
    /// sets (only their n-grams are stored).
    lm: Option<Gram>,
    /// Fixed phrases whose intended word is an alternative of this word:
    /// (index into `Checker::collocations`, entry of the intended word).
    collocations: Vec<(usize, usize)>,
}

/// Fast hash for short keys (FNV-1a).
#[derive(Default)]
pub(crate) struct Fnv(u64);
impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}
pub(crate) type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// The confusable-word checker: embedded sets (plus any extra) and the n-gram fst.
pub struct Checker {
    model: Model,
    lm: Lm,
    entries: Vec<Entry>,
    index: HashMap<Box<str>, usize, FnvBuild>,
    collocations: Vec<Collocation>,
    /// A Bloom filter of the set words (two bits of a 65,536-bit table per
    /// word): nine tokens in ten are no set word, and this answers for them
    /// without copying, checking or looking them up (see [`word_hash`]).
    bloom: Box<[u64; BLOOM_WORDS]>,
    params: Params,
    /// Identity of these sets and parameters, for [`Memo`].
    id: u64,
}

const BLOOM_WORDS: usize = 1024;

/// The two Bloom-filter bits of a word hash.
fn bloom_bits(h: u64) -> [usize; 2] {
    [(h & 0xffff) as usize, ((h >> 16) & 0xffff) as usize]
}

/// Feed `emit` the bytes of a token normalised for lookup (ASCII-lowercase, ’ → ');
/// false for punctuation, digits, non-ASCII letters or tokens over MAX_WORD bytes.
/// [`word_hash`] and [`Norm::new`] share it, so they always agree.
#[inline]
fn normalise(token: &str, mut emit: impl FnMut(u8)) -> bool {
    let bytes = token.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let out = if b.is_ascii_alphabetic() {
            i += 1;
            b.to_ascii_lowercase()
        } else if b == b'\'' || b == b'-' {
            i += 1;
            b
        } else if bytes[i..].starts_with("\u{2019}".as_bytes()) {
            i += 3;
            b'\''
        } else {
            return false;
        };
        if len == MAX_WORD {
            return false;
        }
        len += 1;
        emit(out);
    }
    true
}

/// FNV-1a 64 of a token as [`Norm::new`] would normalise it, in one pass and without
/// a copy; None where `Norm::new` gives None.
fn word_hash(token: &str) -> Option<u64> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    normalise(token, |b| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    })
    .then_some(h)
}

/// FNV-1a 64, as computed by scripts/build_ngrams.py over data/confusables.txt.
pub fn fnv1a64(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// A token normalised for lookup: ASCII-lowercase, ’ → ', in a stack buffer.
struct Norm {
    buf: [u8; MAX_WORD],
    len: usize,
}

impl Norm {
    /// None for punctuation, digits, non-ASCII letters or over-long tokens.
    fn new(token: &str) -> Option<Norm> {
        let mut buf = [0u8; MAX_WORD];
        let mut len = 0;
        let ok = normalise(token, |b| {
            buf[len] = b;
            len += 1;
        });
        if !ok {
            return None;
        }
        Some(Norm { buf, len })
    }

    /// An ASCII model token such as `<s>`, taken as it is.
    fn raw(s: &str) -> Norm {
        let mut buf = [0u8; MAX_WORD];
        let len = s.len().min(MAX_WORD);
        buf[..len].copy_from_slice(&s.as_bytes()[..len]);
        Norm { buf, len }
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn as_str(&self) -> &str {
        // Only ASCII bytes are ever written.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

fn is_word_token(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => t.chars().next().is_some_and(char::is_alphanumeric),
    }
}

fn is_opening_quote(t: &str) -> bool {
    matches!(t, "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "—" | "–")
}

fn is_quote_mark(t: &str) -> bool {
    matches!(t, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

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

/// Slots of a memo, and the longest key a slot holds (longer contexts are scored
/// every time): about 450 KB per thread.
const MEMO_SLOTS: usize = 1 << 12;
const MEMO_KEY: usize = 96;

/// Verdicts already reached, by context (see [`Checker::check_memo`]): a
/// direct-mapped cache, kept by a thread across the files it checks, and
/// emptied when it is handed to a checker other than the one that filled it.
/// Keys are compared in full, so a verdict is only ever reused for the same
/// context.
#[derive(Default)]
pub struct Memo {
    slots: Vec<MemoSlot>,
    key: Vec<u8>,
    /// [`Checker::id`] of the checker whose verdicts these are.
    owner: u64,
    /// Look-ups and hits in the current round of [`MEMO_ROUND`] look-ups.
    lookups: u32,
    hits: u32,
    /// Positions left to score without the memo: copy whose contexts do not repeat
    /// (most real articles) pays for keys it never reuses, so after a round with
    /// few hits the memo rests for [`MEMO_REST`] positions, then tries again.
    resting: u32,
}

/// Look-ups per round, the share of hits below which the memo rests (1 in 16), and how
/// many positions it rests.
const MEMO_ROUND: u32 = 1024;
const MEMO_MIN_HITS: u32 = MEMO_ROUND / 16;
const MEMO_REST: u32 = 1 << 16;

#[derive(Clone)]
struct MemoSlot {
    /// Key length; 0 for an empty slot (a key is never empty).
    len: u8,
    key: [u8; MEMO_KEY],
    best: Option<(usize, f64)>,
}

impl Memo {
    /// The verdict for the context in `self.key`, from the memo or from `score`.
    fn get_or(&mut self, score: impl FnOnce() -> Option<(usize, f64)>) -> Option<(usize, f64)> {
        let key = self.key.as_slice();
        if key.len() > MEMO_KEY {
            return score();
        }
        if self.slots.is_empty() {
            self.slots = vec![MemoSlot { len: 0, key: [0; MEMO_KEY], best: None }; MEMO_SLOTS];
        }
        self.lookups += 1;
        if self.lookups == MEMO_ROUND {
            if self.hits < MEMO_MIN_HITS {
                self.resting = MEMO_REST;
            }
            self.lookups = 0;
            self.hits = 0;
        }
        let slot = &mut self.slots[slot_hash(key) as usize % MEMO_SLOTS];
        if usize::from(slot.len) == key.len() && &slot.key[..key.len()] == key {
            self.hits += 1;
            return slot.best;
        }
        let best = score();
        slot.len = key.len() as u8;
        slot.key[..key.len()].copy_from_slice(key);
        slot.best = best;
        best
    }
}

/// A memo key's slot: eight bytes at a time (the key is compared in full after).
fn slot_hash(key: &[u8]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15 ^ key.len() as u64;
    for chunk in key.chunks(8) {
        let mut word = [0u8; 8];
        word[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 31;
    }
    h
}

/// A fresh checker identity (never 0, the owner of an empty memo).
fn next_checker_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// The memo key of set word `wi` at `i`: everything [`Checker::score`] reads.
/// On each side, the tokens that the language model's context walk
/// ([`Checker::lm_side`]) passes over, up to two words or the token that stops
/// it (the count model reads only the nearest token, which is among them):
/// words normalised as [`Norm`], other tokens as written, each with its length
/// before it; a word `Norm` refuses stops the walk as it stops `lm_side`.
fn memo_key(tokens: &[&str], i: usize, wi: usize, key: &mut Vec<u8>) {
    const STOP: u8 = 0xf0;
    const EDGE: u8 = 0xf1;
    const SIDE: u8 = 0xf2;
    key.clear();
    key.extend_from_slice(&(wi as u32).to_le_bytes());
    for right in [false, true] {
        let mut j = i;
        let mut words = 0;
        loop {
            let next = if right { (j + 1 < tokens.len()).then_some(j + 1) } else { j.checked_sub(1) };
            let Some(nj) = next else {
                key.push(EDGE);
                break;
            };
            j = nj;
            let t = tokens[j];
            if is_word_token(t) {
                let Some(n) = Norm::new(t) else {
                    key.push(STOP);
                    break;
                };
                key.push(n.len as u8);
                key.extend_from_slice(&n.buf[..n.len]);
                words += 1;
                if words == 2 {
                    break;
                }
            } else {
                // Punctuation is one character (at most 4 bytes).
                key.push(t.len().min(0xef) as u8);
                key.extend_from_slice(t.as_bytes());
                if !(is_quote_mark(t) || matches!(t, "," | ";" | ":")) {
                    break;
                }
            }
        }
        key.push(SIDE);
    }
}

/// Odds on one side of the word, and whether the alternative's bigram is listed there.
struct Side {
    odds: f64,
    /// The alternative's listed bigram count on this side (0 if unlisted).
    alt_count: u64,
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
        let mut index: HashMap<Box<str>, usize, FnvBuild> = HashMap::default();
        for (n, set) in embedded.sets.iter().chain(extra).enumerate() {
            let in_embedded = n < embedded.sets.len();
            let ids: Vec<usize> = set
                .iter()
                .map(|w| {
                    *index.entry(w.as_str().into()).or_insert_with(|| {
                        entries.push(Entry {
                            word: w.as_str().into(),
                            alternatives: Vec::new(),
                            unigram: model.unigram(w),
                            has_left: false,
                            has_right: false,
                            lm: None,
                            collocations: Vec::new(),
                        });
                        entries.len() - 1
                    })
                })
                .collect();
            for &id in &ids {
                if in_embedded && entries[id].lm.is_none() {
                    entries[id].lm = lm.unigram(&entries[id].word);
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
        for key in model.map.keys() {
            let Ok(key) = std::str::from_utf8(key) else {
                continue;
            };
            if let Some((a, b)) = key.split_once(' ') {
                if let Some(&i) = index.get(a) {
                    entries[i].has_right = true;
                }
                if let Some(&i) = index.get(b) {
                    entries[i].has_left = true;
                }
            }
        }
        let collocations = colloc::parse(colloc::EMBEDDED_COLLOCATIONS).expect("data/collocations.txt parses");
        for (ci, c) in collocations.iter().enumerate() {
            let Some(&ti) = index.get(&c.target) else { continue };
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
        Checker { model, lm, entries, index, collocations, bloom, params: Params::default(), id: next_checker_id() }
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
        let &i = self.index.get(norm.as_str())?;
        Some(self.entries[i].alternatives.iter().map(|&a| &*self.entries[a].word).collect())
    }

    /// The n-gram model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Estimated count of an unlisted bigram `x y`: unigram independence, boosted
    /// for association, on the bigram list's scale, capped below the pruning threshold.
    fn unlisted(&self, cx: u64, cy: u64) -> f64 {
        let m = &self.model;
        let indep = m.scale * cx as f64 * cy as f64 / m.unigram_total;
        (indep * self.params.assoc).min(self.params.cap * m.bigram_min as f64).max(1.0)
    }

    /// Odds of alternative `a` over written `w` given the left word `l`.
    fn left_side(&self, l: &str, cl: u64, w: &Entry, a: &Entry) -> Option<Side> {
        if !w.has_left || !a.has_left {
            return None;
        }
        let (lw, la) = (self.model.bigram(l, &w.word), self.model.bigram(l, &a.word));
        // P(a|l)/P(w|l) carries the prior c(a)/c(w); keep only `params.prior` of it,
        // or frequent words swamp rare ones (night/knight, see/sea).
        let prior = a.unigram as f64 / w.unigram as f64;
        if lw == 0 && la == 0 {
            // No evidence here: the prior may only argue against the change.
            return Some(Side { odds: prior.powf(self.params.prior).min(1.0), alt_count: 0 });
        }
        let ew = if lw > 0 { lw as f64 } else { self.unlisted(cl, w.unigram) };
        let ea = if la > 0 { la as f64 } else { self.unlisted(cl, a.unigram) };
        Some(Side { odds: ea / ew / prior.powf(1.0 - self.params.prior), alt_count: la })
    }

    /// Odds of alternative `a` over written `w` given the right word `r`.
    fn right_side(&self, r: &str, cr: u64, w: &Entry, a: &Entry) -> Option<Side> {
        if !w.has_right || !a.has_right {
            return None;
        }
        let (wr, ar) = (self.model.bigram(&w.word, r), self.model.bigram(&a.word, r));
        if wr == 0 && ar == 0 {
            return Some(Side { odds: 1.0, alt_count: 0 });
        }
        let ew = if wr > 0 { wr as f64 } else { self.unlisted(w.unigram, cr) };
        let ea = if ar > 0 { ar as f64 } else { self.unlisted(a.unigram, cr) };
        Some(Side { odds: (ea / a.unigram as f64) / (ew / w.unigram as f64), alt_count: ar })
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
            let Some(h) = word_hash(tok) else { continue };
            if !bloom_bits(h).iter().all(|&bit| self.bloom[bit / 64] & (1 << (bit % 64)) != 0) {
                continue;
            }
            let Some(norm) = Norm::new(tok) else { continue };
            let Some(&wi) = self.index.get(norm.as_str()) else {
                continue;
            };
            // Capitalised mid-sentence: a name (Peak District, Reign of Terror).
            let start = opens_sentence || (i > 0 && is_opening_quote(tokens[i - 1]));
            if !start && tok.chars().any(char::is_uppercase) {
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
        let matches = |j: usize, slot: &[Box<str>]| {
            tokens.get(j).and_then(|t| Norm::new(t)).is_some_and(|n| slot.iter().any(|w| w.as_bytes() == n.bytes()))
        };
        let (ci, ti) = *self.entries[wi].collocations.iter().find(|&&(ci, _)| {
            let c = &self.collocations[ci];
            i >= c.before.len()
                && c.before.iter().enumerate().all(|(k, slot)| matches(i - c.before.len() + k, slot))
                && c.after.iter().enumerate().all(|(k, slot)| matches(i + 1 + k, slot))
        })?;
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

    /// Context word at `j`, if it is a word the model knows.
    fn context(&self, tokens: &[&str], j: Option<usize>) -> Option<(Norm, u64)> {
        let t = *tokens.get(j?)?;
        let n = Norm::new(t)?;
        let c = self.model.unigram(n.as_str());
        (c > 0).then_some((n, c))
    }

    /// Odds of alternative `a` over written `w` under the count model, if it may fire.
    fn count_odds(
        &self,
        left: Option<&(Norm, u64)>,
        right: Option<&(Norm, u64)>,
        w: &Entry,
        a: &Entry,
        margin: f64,
    ) -> Option<f64> {
        let p = self.params;
        if a.unigram == 0 {
            return None;
        }
        let ls = left.and_then(|(n, c)| self.left_side(n.as_str(), *c, w, a));
        let rs = right.and_then(|(n, c)| self.right_side(n.as_str(), *c, w, a));
        let mut odds = 1.0;
        let mut listed = false;
        let mut veto = false;
        let mut n = 0;
        let min_count = p.min_evidence * self.model.bigram_min as f64;
        for s in [ls, rs].iter().flatten() {
            n += 1;
            odds *= s.odds;
            listed |= s.alt_count as f64 >= min_count && s.odds > 1.0;
            veto |= s.odds < p.min_side;
        }
        let margin = if n == 2 { margin } else { margin * p.one_side };
        (n > 0 && listed && !veto && odds >= margin).then_some(odds)
    }

    /// Whether the count model's listed bigrams of the written word argue
    /// against alternative `a` (see [`Params::counts_veto`]).
    fn counts_object(&self, left: Option<&(Norm, u64)>, right: Option<&(Norm, u64)>, w: &Entry, a: &Entry) -> bool {
        let limit = self.params.counts_veto;
        if limit <= 0.0 || w.unigram == 0 || a.unigram == 0 {
            return false;
        }
        let m = &self.model;
        if let Some((l, cl)) = left {
            let (lw, la) = (m.bigram(l.as_str(), &w.word), m.bigram(l.as_str(), &a.word));
            if lw > 0 {
                let ea = if la > 0 { la as f64 } else { self.unlisted(*cl, a.unigram) };
                if (ea / a.unigram as f64) / (lw as f64 / w.unigram as f64) < limit {
                    return true;
                }
            }
        }
        if let Some((r, cr)) = right {
            let (wr, ar) = (m.bigram(&w.word, r.as_str()), m.bigram(&a.word, r.as_str()));
            if wr > 0 {
                let ea = if ar > 0 { ar as f64 } else { self.unlisted(a.unigram, *cr) };
                if (ea / a.unigram as f64) / (wr as f64 / w.unigram as f64) < limit {
                    return true;
                }
            }
        }
        false
    }

    /// Up to two context words on one side of `i` for the language model,
    /// nearest first, with their unigrams; `<s>`/`</s>` at a sentence boundary.
    fn lm_side(&self, tokens: &[&str], i: usize, right: bool) -> [Option<(Norm, Gram)>; 2] {
        let mut out: [Option<(Norm, Gram)>; 2] = [None, None];
        let mut k = 0;
        let mut j = i;
        let boundary = if right { END } else { START };
        while k < 2 {
            let next = if right { (j + 1 < tokens.len()).then_some(j + 1) } else { j.checked_sub(1) };
            let Some(nj) = next else {
                out[k] = self.lm.unigram(boundary).map(|g| (Norm::raw(boundary), g));
                break;
            };
            j = nj;
            let t = tokens[j];
            if is_word_token(t) {
                let Some(n) = Norm::new(t) else { break };
                let Some(g) = self.lm.unigram(n.as_str()) else {
                    break;
                };
                out[k] = Some((n, g));
                k += 1;
            } else if matches!(t, "." | "!" | "?" | "…") {
                out[k] = self.lm.unigram(boundary).map(|g| (Norm::raw(boundary), g));
                break;
            } else if is_quote_mark(t) || (self.params.skip_commas && (k > 0 || !right) && matches!(t, "," | ";" | ":"))
            {
                continue;
            } else {
                break;
            }
        }
        out
    }

    /// Whether alternative `a` has any listed n-gram next to it, the precondition
    /// of every way a suggestion can be made (see [`Checker::score`]): for the
    /// language model (when [`Params::lm_listed`]) a bigram with the nearest
    /// context word on either side (a trigram ending in it implies one); for the count model
    /// a listed bigram of at least the evidence threshold. Returns (language model,
    /// count model), and the two bigrams the language model looked up.
    #[allow(clippy::too_many_arguments)]
    fn screen(
        &self,
        w: &Entry,
        a: &Entry,
        lm: Option<&LmCtx>,
        left: Option<&(Norm, u64)>,
        right: Option<&(Norm, u64)>,
        use_counts: bool,
        min_count: f64,
    ) -> (bool, bool, Option<Gram>, Option<Gram>) {
        let p = self.params;
        let (mut lm_ev, mut l1a, mut ar1) = (false, None, None);
        if let (Some(ctx), Some(_)) = (lm, a.lm) {
            l1a = ctx.l1.as_ref().and_then(|(l1, _)| self.lm.bigram(l1.as_str(), &a.word));
            ar1 = ctx.r1.as_ref().and_then(|(r1, _)| self.lm.bigram(&a.word, r1.as_str()));
            // A trigram `l2 l1 a` is never listed without the bigram `l1 a` (true of
            // every trigram of the source model; scripts/build_ngrams.py checks it).
            lm_ev = !p.lm_listed || l1a.is_some() || ar1.is_some();
        }
        let count_ev = use_counts
            && a.unigram > 0
            && (min_count <= 0.0
                || left.is_some_and(|(l, _)| {
                    w.has_left && a.has_left && self.model.bigram(l.as_str(), &a.word) as f64 >= min_count
                })
                || right.is_some_and(|(r, _)| {
                    w.has_right && a.has_right && self.model.bigram(&a.word, r.as_str()) as f64 >= min_count
                }));
        (lm_ev, count_ev, l1a, ar1)
    }

    /// The best alternative at `i` (of set word `wi`) and its odds, if any is
    /// likely enough.
    fn score(&self, tokens: &[&str], i: usize, wi: usize) -> Option<(usize, f64)> {
        let w = &self.entries[wi];
        let p = self.params;
        let left = self.context(tokens, i.checked_sub(1));
        let right = self.context(tokens, Some(i + 1));
        let use_counts = p.counts && w.unigram > 0 && (left.is_some() || right.is_some());
        let lm_ctx = match w.lm {
            Some(_) if p.lm_margin > 0.0 => {
                let [l1, l2] = self.lm_side(tokens, i, false);
                let [r1, r2] = self.lm_side(tokens, i, true);
                Some(LmCtx::new(&self.lm, l1, l2, r1, r2))
            }
            _ => None,
        };
        if !use_counts && lm_ctx.is_none() {
            return None;
        }
        let min_count = p.min_evidence * self.model.bigram_min as f64;
        let min_lm = p.lm_margin.max(f64::MIN_POSITIVE).log10();
        // The written word's language-model score, computed once and only if an
        // alternative has evidence for the language model to weigh.
        let mut base: Option<LmScore> = None;
        let mut best: Option<(usize, f64)> = None;
        for &ai in &w.alternatives {
            let a = &self.entries[ai];
            // Most positions have no listed n-gram of any alternative: nothing can fire.
            let (lm_ev, count_ev, l1a, ar1) =
                self.screen(w, a, lm_ctx.as_ref(), left.as_ref(), right.as_ref(), use_counts, min_count);
            if !lm_ev && !count_ev {
                continue;
            }
            let mut odds: Option<f64> = None;
            let mut lm_odds: Option<f64> = None;
            if let (true, Some(ctx), Some(uw), Some(ua)) = (lm_ev, &lm_ctx, w.lm, a.lm) {
                let base = *base.get_or_insert_with(|| ctx.logp(&self.lm, &w.word, uw, None));
                let sa = ctx.logp(&self.lm, &a.word, ua, Some((l1a, ar1)));
                let listed = sa.left_listed || sa.right_listed;
                let prior = ua.prob - uw.prob;
                let (mut dl, mut dr) = (sa.left - base.left - prior, sa.right - base.right);
                // Where only the alternative is listed, the written word's
                // estimate comes from back-off alone, and a pruned model backs
                // off rare words most: cap what the missing n-gram can prove.
                if p.lm_cap > 0.0 && uw.prob < p.lm_cap_below {
                    if !base.left_listed {
                        dl = dl.min(p.lm_cap);
                    }
                    if !base.right_listed {
                        dr = dr.min(p.lm_cap);
                    }
                }
                let d = dl + dr + p.lm_prior * prior;
                let min_side = p.lm_min_side.max(f64::MIN_POSITIVE).log10();
                if dl.min(dr) >= min_side
                    && (listed || !p.lm_listed)
                    && !self.counts_object(left.as_ref(), right.as_ref(), w, a)
                {
                    lm_odds = Some(10f64.powf(d));
                    let min_lm = if p.lm_margin_common > 0.0 && uw.prob >= p.lm_cap_below {
                        p.lm_margin_common.log10()
                    } else {
                        min_lm
                    };
                    if d >= min_lm {
                        odds = lm_odds;
                    }
                }
            }
            if count_ev {
                if let Some(o) = self.count_odds(left.as_ref(), right.as_ref(), w, a, p.margin) {
                    odds = Some(odds.map_or(o, |x| x.max(o)));
                }
                // Both models past the lower agreement margin.
                if odds.is_none() && p.agree > 0.0 && lm_odds.is_some_and(|l| l >= p.agree) {
                    if let Some(o) = self.count_odds(left.as_ref(), right.as_ref(), w, a, p.agree) {
                        odds = Some(o.max(lm_odds.unwrap_or(0.0)));
                    }
                }
            }
            if let Some(o) = odds {
                if best.is_none_or(|(_, b)| o > b) {
                    best = Some((ai, o));
                }
            }
        }
        best
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

/// log10 probability of a candidate's left term P(x | l2 l1) and right terms
/// P(r1 | l1 x) P(r2 | x r1), and whether an n-gram of `x` is listed in each.
#[derive(Clone, Copy)]
struct LmScore {
    left: f64,
    right: f64,
    left_listed: bool,
    right_listed: bool,
}

/// Context of one position for the language model, with the look-ups that all
/// candidates share.
struct LmCtx {
    l1: Option<(Norm, Gram)>,
    l2: Option<Norm>,
    r1: Option<(Norm, Gram)>,
    r2: Option<Norm>,
    /// The bigram `l2 l1` if stored (only then can a trigram `l2 l1 x` exist).
    l2l1: Option<Gram>,
    /// log10 P(r2 | r1).
    r2_given_r1: f64,
}

impl LmCtx {
    fn new(
        lm: &Lm,
        l1: Option<(Norm, Gram)>,
        l2: Option<(Norm, Gram)>,
        r1: Option<(Norm, Gram)>,
        r2: Option<(Norm, Gram)>,
    ) -> LmCtx {
        let l2l1 = match (&l2, &l1) {
            (Some((a, _)), Some((b, _))) => lm.bigram(a.as_str(), b.as_str()),
            _ => None,
        };
        let r2_given_r1 = match (&r1, &r2) {
            (Some((a, ga)), Some((b, gb))) => lm.bigram(a.as_str(), b.as_str()).map_or(ga.bo + gb.prob, |g| g.prob),
            _ => 0.0,
        };
        LmCtx { l1, l2: l2.map(|x| x.0), r1, r2: r2.map(|x| x.0), l2l1, r2_given_r1 }
    }

    /// log10 P(x | l2 l1) P(r1 | l1 x) P(r2 | x r1) under back-off, and whether
    /// any n-gram of `x` with a context word is listed. `known` carries the
    /// bigrams `l1 x` and `x r1` when the caller has looked them up already.
    fn logp(&self, lm: &Lm, x: &str, ux: Gram, known: Option<(Option<Gram>, Option<Gram>)>) -> LmScore {
        let mut s = 0.0;
        let mut listed = false;
        // P(x | l2 l1)
        let l1x = match &self.l1 {
            None => {
                s += ux.prob;
                None
            }
            Some((l1, g1)) => {
                let l1x = match known {
                    Some((l1x, _)) => l1x,
                    None => lm.bigram(l1.as_str(), x),
                };
                let tri = match (&self.l2, self.l2l1) {
                    (Some(l2), Some(g)) => match lm.trigram(l2.as_str(), l1.as_str(), x) {
                        Some(p) => Some(p),
                        None => {
                            s += g.bo;
                            None
                        }
                    },
                    _ => None,
                };
                match (tri, l1x) {
                    (Some(p), _) | (None, Some(Gram { prob: p, .. })) => {
                        s += p;
                        listed = true;
                    }
                    (None, None) => s += g1.bo + ux.prob,
                }
                l1x
            }
        };
        // P(r1 | l1 x)
        let (left, left_listed) = (s, listed);
        s = 0.0;
        listed = false;
        let Some((r1, g1)) = &self.r1 else {
            return LmScore { left, right: s, left_listed, right_listed: listed };
        };
        let xr1 = match known {
            Some((_, xr1)) => xr1,
            None => lm.bigram(x, r1.as_str()),
        };
        let tri = match (&self.l1, l1x) {
            (Some((l1, _)), Some(g)) => match lm.trigram(l1.as_str(), x, r1.as_str()) {
                Some(p) => Some(p),
                None => {
                    s += g.bo;
                    None
                }
            },
            _ => None,
        };
        match (tri, xr1) {
            (Some(p), _) | (None, Some(Gram { prob: p, .. })) => {
                s += p;
                listed = true;
            }
            (None, None) => s += ux.bo + g1.prob,
        }
        // P(r2 | x r1)
        let Some(r2) = &self.r2 else {
            return LmScore { left, right: s, left_listed, right_listed: listed };
        };
        match xr1.map(|g| (g, lm.trigram(x, r1.as_str(), r2.as_str()))) {
            Some((_, Some(p))) => {
                s += p;
                listed = true;
            }
            Some((g, None)) => s += g.bo + self.r2_given_r1,
            None => s += self.r2_given_r1,
        }
        LmScore { left, right: s, left_listed, right_listed: listed }
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;

    /// Split a test sentence into word and punctuation tokens.
    fn tokens(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            let wordish = c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-') && start.is_some());
            match (wordish, start) {
                (true, None) => start = Some(i),
                (false, Some(b)) => {
                    out.push(&s[b..i]);
                    start = None;
                }
                _ => {}
            }
            if !wordish && !c.is_whitespace() {
                out.push(&s[i..i + c.len_utf8()]);
            }
        }
        if let Some(b) = start {
            out.push(&s[b..]);
        }
        out
    }

    fn fix(s: &str) -> Option<String> {
        let t = tokens(s);
        let found = Checker::embedded().check(&t);
        assert!(found.len() <= 1, "{s}: {found:?}");
        found.first().map(|f| format!("{}->{}", t[f.index], f.replacement))
    }

    /// [`fix`] on the n-gram models alone, without the fixed phrases.
    fn fix_ngrams(s: &str) -> Option<String> {
        let t = tokens(s);
        let mut c = Checker::with_extra(&ConfusionSets::default());
        c.set_params(Params { collocations: false, ..Params::default() });
        let found = c.check(&t);
        assert!(found.len() <= 1, "{s}: {found:?}");
        found.first().map(|f| format!("{}->{}", t[f.index], f.replacement))
    }

    #[test] fn best_guess() { assert_eq!(fix("My best guest is that the talks will fail."), Some("guest->guess".into())); }
    #[test] fn their_way() { assert_eq!(fix("The hikers said they lost there way in the fog."), Some("there->their".into())); }
    #[test] fn principal_investigator() { assert_eq!(fix("She was the principle investigator on the study."), Some("principle->principal".into())); }
    #[test] fn principle_reason() { assert_eq!(fix_ngrams("The principle reason for the delay was cost."), Some("principle->principal".into())); } // language model only: "principal reason" is below the count list's pruning threshold
    #[test] fn sneak_peek() { assert_eq!(fix("Fans got a sneak peak at the new stadium."), Some("peak->peek".into())); }
    #[test] fn capital_there() { assert_eq!(fix("Their are no survivors, officials said."), Some("Their->There".into())); }
    #[test] fn lose_weight() { assert_eq!(fix("He wants to loose weight before the season."), Some("loose->lose".into())); }
    #[test] fn free_rein_lacks_data() { assert_eq!(fix_ngrams("The coach was given free reign over transfers."), None); } // "free rein" is unlisted
    #[test] fn free_rein() { assert_eq!(fix("The coach was given free reign over transfers."), Some("reign->rein".into())); } // data/collocations.txt
    #[test] fn sneak_peek_phrase() { assert_eq!(fix("Critics got a sneak peak."), Some("peak->peek".into())); }
    #[test] fn phrase_needs_adjacent_words() { assert_eq!(fix("It was free, reign or no reign."), None); }
    #[test] fn rein_needs_an_object() { assert_eq!(fix("His reign in Spain was short."), None); }
    #[test] fn its_own_from_ngrams() { assert_eq!(fix_ngrams("The party will choose it's own leader."), Some("it's->its".into())); }
    #[test] fn its_own() { assert_eq!(fix("The party will choose it's own leader."), Some("it's->its".into())); } // data/collocations.txt
    #[test] fn youre_going() { assert_eq!(fix("Your going to regret this, he told the committee."), Some("Your->You're".into())); }
    #[test] fn youre_going_clean() { assert_eq!(fix("You're going to regret this, he told the committee."), None); }
    #[test] fn theyre_going() { assert_eq!(fix("He said there going to appeal the ruling."), Some("there->they're".into())); }
    #[test] fn theyre_going_clean() { assert_eq!(fix("He said they're going to appeal the ruling."), None); }
    #[test] fn curly_theyre_clean() { assert_eq!(fix("He said they’re going to appeal the ruling."), None); }
    #[test] fn more_than() { assert_eq!(fix("Prices rose more then expected."), Some("then->than".into())); }
    #[test] fn more_than_clean() { assert_eq!(fix("Prices rose more than expected."), None); }
    #[test] fn too_between_commas() { assert_eq!(fix("Shipping firms, too, have raised their prices."), None); } // a comma after the word ends its clause
    #[test] fn too_before_verb() { assert_eq!(fix("The board met and voted too shut the depot."), Some("too->to".into())); } // a common written word: margin lm_margin_common
    #[test] fn rare_word_backoff_is_capped() { assert_eq!(fix("The crew checked the brake before the descent."), None); }
    #[test] fn comma_is_skipped() { assert_eq!(fix("He said, there going to appeal."), fix("He said there going to appeal.")); }
    #[test] fn weather_whether() { assert_eq!(fix("Nobody knows weather the talks will resume."), Some("weather->whether".into())); }
    #[test] fn would_wood() { assert_eq!(fix("The minister said the deal wood be signed."), Some("wood->would".into())); }
    #[test] fn to_too() { assert_eq!(fix("The bill was sent too the senate."), Some("too->to".into())); }
    #[test] fn past_week() { assert_eq!(fix("Prices rose sharply over the passed week."), Some("passed->past".into())); }
    #[test] fn wedding_guest() { assert_eq!(fix("The wedding guest is late."), None); }
    #[test] fn their_house() { assert_eq!(fix("The family returned to their house on Monday."), None); }
    #[test] fn principal_said() { assert_eq!(fix("The principal said the school would reopen."), None); }
    #[test] fn mountain_peak() { assert_eq!(fix("They climbed a mountain peak in the Alps."), None); }
    #[test] fn peak_district() { assert_eq!(fix("Walkers crowded the Peak District at the weekend."), None); }
    #[test] fn guest_list() { assert_eq!(fix("The guest list was kept secret."), None); }
    #[test] fn matter_of_principle() { assert_eq!(fix("It was a matter of principle for the union."), None); }
    #[test] fn no_context() { assert_eq!(fix("Guest."), None); }
    #[test] fn digits_skipped() { assert_eq!(fix("Room guest1 is empty."), None); }

    #[test]
    fn lm_context_words() {
        let c = Checker::embedded();
        let t = tokens("“Their house,” she said.");
        let [l1, l2] = c.lm_side(&t, 1, false);
        assert_eq!(l1.map(|x| x.0.as_str().to_string()), Some("<s>".into()));
        assert!(l2.is_none());
        // A comma right after the word ends its clause: no right context.
        assert!(c.lm_side(&t, 2, true)[0].is_none());
        // Quote marks are skipped, and a comma after the first context word.
        let t = tokens("“Their house” she said, and left.");
        let [r1, r2] = c.lm_side(&t, 2, true);
        assert_eq!(r1.map(|x| x.0.as_str().to_string()), Some("she".into()));
        assert_eq!(r2.map(|x| x.0.as_str().to_string()), Some("said".into()));
        let t = tokens("Their house she, said");
        let [_, r2] = c.lm_side(&t, 1, true);
        assert_eq!(r2.map(|x| x.0.as_str().to_string()), Some("said".into()));
        let t = tokens("Room 101 their");
        assert!(c.lm_side(&t, 2, false)[0].is_none()); // a number ends the context
    }

    #[test]
    fn lm_off_for_words_outside_embedded_sets() {
        let c = Checker::with_extra(&ConfusionSets::parse("wombat numbat\n").unwrap());
        assert!(c.entries[c.index["wombat"]].lm.is_none());
        assert!(c.entries[c.index["guess"]].lm.is_some());
    }

    #[test]
    fn evidence_text() {
        let t = tokens("My best guest is that the talks will fail.");
        let s = &Checker::embedded().check(&t)[0];
        assert!(s.evidence.starts_with("'best guess is' is "), "{}", s.evidence);
        assert!(s.evidence.ends_with("× more common than 'best guest is'"), "{}", s.evidence);
    }

    #[test]
    fn word_hash_is_the_hash_of_the_normalised_word() {
        for t in ["Guest", "it’s", "They're", "well-known", "a"] {
            assert_eq!(word_hash(t), Some(fnv1a64(Norm::new(t).unwrap().as_str().as_bytes())), "{t}");
        }
        for t in ["", "1st", "naïve", "’tis", &"x".repeat(MAX_WORD + 1)] {
            assert_eq!(word_hash(t).is_some(), Norm::new(t).is_some(), "{t}");
        }
    }

    #[test]
    fn memo_gives_what_check_gives() {
        let c = Checker::embedded();
        let mut memo = Memo::default();
        for s in [
            "My best guest is that the talks will fail.",
            "Her best guest is here.",
            "My best guest is that the talks will fail.",
            "The wedding guest is late.",
            "He said there going to appeal.",
            "He said, there going to appeal.",
            "He said “there going to appeal.",
            "Prices rose more then expected.",
            "Prices rose more then expected, they said.",
        ] {
            let t = tokens(s);
            assert_eq!(c.check_memo(&t, &mut memo), c.check(&t), "{s}");
            assert_eq!(c.check_memo(&t, &mut memo), c.check(&t), "{s} (again)");
        }
    }

    #[test]
    fn a_resting_memo_gives_what_check_gives() {
        // Thousands of contexts that never repeat: the memo rests after a round with
        // few hits, and the verdicts are the same with it, resting or not.
        let c = Checker::embedded();
        let mut memo = Memo::default();
        let letters = b"bcdfghklmnprstvz";
        for n in 0..3000usize {
            let word: String = [n % 16, (n / 16) % 16, (n / 256) % 16].iter().map(|&k| letters[k] as char).collect();
            for s in [format!("Then {word} too {word} left."), format!("Then {word} guest {word} left.")] {
                let t = tokens(&s);
                assert_eq!(c.check_memo(&t, &mut memo), c.check(&t), "{s}");
            }
        }
        assert!(memo.resting > 0, "the memo should rest on contexts that never repeat");
    }

    #[test]
    fn memo_is_not_shared_between_checkers() {
        // The same words in the same context, but another checker: its own sets
        // (here "guest" also pairs with "quest") and its own parameters.
        let t = tokens("My best guest is that the talks will fail.");
        let mut memo = Memo::default();
        let embedded = Checker::embedded();
        assert_eq!(embedded.check_memo(&t, &mut memo).len(), 1);
        let mut strict = Checker::with_extra(&ConfusionSets::parse("guest quest\n").unwrap());
        strict.set_params(Params { margin: 1e12, lm_margin: 1e12, lm_margin_common: 1e12, collocations: false, agree: 0.0, ..Params::default() });
        assert!(strict.check(&t).is_empty());
        assert_eq!(strict.check_memo(&t, &mut memo), strict.check(&t));
        assert_eq!(embedded.check_memo(&t, &mut memo), embedded.check(&t));
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
    fn thousands() {
        assert_eq!(group_thousands(1600), "1,600");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1234567), "1,234,567");
    }

    #[test]
    fn parse_errors_name_the_line() {
        let err = ConfusionSets::parse("guess guest\n# note\nlonely\n").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
        let err = ConfusionSets::parse("a1 b\n").unwrap_err();
        assert!(err.starts_with("line 1:"), "{err}");
    }

    #[test]
    fn parse_format() {
        let s = ConfusionSets::parse("Peek/peak / pique  # comment\n\nIt’s its\n").unwrap();
        assert_eq!(s.sets(), &[vec!["peek", "peak", "pique"], vec!["it's", "its"]]);
    }

    #[test]
    fn embedded_sets_parse_and_count() {
        assert!(ConfusionSets::parse(EMBEDDED_SETS).unwrap().len() >= 150);
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
