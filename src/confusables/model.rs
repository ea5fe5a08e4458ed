//! The count model (`data/ngrams.fst`: unigram and bigram counts, read into a hash map
//! once) and the embedded bytes of the trigram language model ([`super::lm`]).

use fst::Map;

use super::MAX_WORD;
use crate::hash::FastBuild;

static NGRAMS: &[u8] = include_bytes!("../../data/ngrams.fst");
pub(super) static NGRAMS_LM: &[u8] = include_bytes!("../../data/ngrams-lm.bin");

/// The n-gram model: an fst map of `w` → unigram count and `w1 w2` → bigram count.
pub struct Model {
    /// The fst's keys and counts in a hash map: built once per process (a few
    /// milliseconds), it answers the many lookups of a check several times faster
    /// than walking the fst.
    pub(super) map: std::collections::HashMap<Box<[u8]>, u64, FastBuild>,
    pub(super) bigram_min: u64,
    /// bigram total / unigram total of the source (the two lists have different scales).
    pub(super) scale: f64,
    pub(super) unigram_total: f64,
    hash: u64,
}

impl Model {
    pub(super) fn embedded() -> Model {
        let map = Map::new(NGRAMS).expect("data/ngrams.fst is a valid fst map");
        let get = |k: &str| map.get(k.as_bytes()).unwrap_or(0);
        let bigram_min = get("\0bigram_min").max(1);
        let unigram_total = get("\0unigram_total").max(1) as f64;
        let scale = get("\0bigram_total").max(1) as f64 / unigram_total;
        let hash = get("\0hash");
        let mut table = std::collections::HashMap::with_capacity_and_hasher(map.len(), FastBuild::default());
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

    pub(super) fn unigram(&self, w: &str) -> u64 {
        self.map.get(w.as_bytes()).copied().unwrap_or(0)
    }

    /// How common a word is in English text, per million words (0 for a word the data
    /// does not list); `w` in lower case.
    pub fn per_million(&self, w: &str) -> f64 {
        self.unigram(w) as f64 * 1e6 / self.unigram_total
    }

    pub(super) fn bigram(&self, a: &str, b: &str) -> u64 {
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
