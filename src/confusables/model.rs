//! The count model (`data/ngrams.fst`: unigram and bigram counts, turned by `build.rs`
//! into a hash table read in place, see [`super::table`]) and the embedded bytes of the
//! trigram language model ([`super::lm`]).

use super::table::Table;
use super::MAX_WORD;

/// The keys and counts of `data/ngrams.fst`.
static NGRAMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ngrams.tbl"));
/// The first and the second words of its bigram keys.
static NGRAMS_LEFT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ngrams-left.tbl"));
static NGRAMS_RIGHT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/ngrams-right.tbl"));
pub(super) static NGRAMS_LM: &[u8] = include_bytes!("../../data/ngrams-lm.bin");

/// The n-gram model: `w` → unigram count and `w1 w2` → bigram count.
pub struct Model {
    /// The counts, looked up in the embedded bytes: nothing is built at start-up.
    map: Table,
    /// Words that begin / end a listed bigram.
    lefts: Table,
    rights: Table,
    pub(super) bigram_min: u64,
    /// bigram total / unigram total of the source (the two lists have different scales).
    pub(super) scale: f64,
    pub(super) unigram_total: f64,
    hash: u64,
}

impl Model {
    pub(super) fn embedded() -> Model {
        let table = |b| Table::new(b).expect("build.rs wrote a valid n-gram table");
        let map = table(NGRAMS);
        let get = |k: &str| map.get(k.as_bytes()).unwrap_or(0);
        let bigram_min = get("\0bigram_min").max(1);
        let unigram_total = get("\0unigram_total").max(1) as f64;
        let scale = get("\0bigram_total").max(1) as f64 / unigram_total;
        let hash = get("\0hash");
        Model { map, lefts: table(NGRAMS_LEFT), rights: table(NGRAMS_RIGHT), bigram_min, scale, unigram_total, hash }
    }

    /// Whether some listed bigram has `w` as its first word (`w x`).
    pub(super) fn starts_bigram(&self, w: &str) -> bool {
        self.lefts.get(w.as_bytes()).is_some()
    }

    /// Whether some listed bigram has `w` as its second word (`x w`).
    pub(super) fn ends_bigram(&self, w: &str) -> bool {
        self.rights.get(w.as_bytes()).is_some()
    }

    /// The source's pruning threshold: no bigram below this count is listed.
    pub fn bigram_min(&self) -> u64 {
        self.bigram_min
    }

    /// FNV-1a 64 of the data/confusables.txt the fst was built from.
    pub fn sets_hash(&self) -> u64 {
        self.hash
    }

    pub(super) fn unigram(&self, w: &[u8]) -> u64 {
        self.map.get(w).unwrap_or(0)
    }

    /// How common a word is in English text, per million words (0 for a word the data
    /// does not list); `w` in lower case.
    pub fn per_million(&self, w: &str) -> f64 {
        self.unigram(w.as_bytes()) as f64 * 1e6 / self.unigram_total
    }

    pub(super) fn bigram(&self, a: &[u8], b: &[u8]) -> u64 {
        let mut buf = [0u8; 2 * MAX_WORD + 1];
        let n = a.len() + 1 + b.len();
        if n > buf.len() {
            return 0;
        }
        buf[..a.len()].copy_from_slice(a);
        buf[a.len()] = b' ';
        buf[a.len() + 1..n].copy_from_slice(b);
        self.map.get(&buf[..n]).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn fst_entries() -> Vec<(Vec<u8>, u64)> {
        let map = fst::Map::new(include_bytes!("../../data/ngrams.fst").to_vec()).unwrap();
        let mut out = Vec::new();
        let mut stream = map.stream();
        while let Some((k, v)) = fst::Streamer::next(&mut stream) {
            out.push((k.to_vec(), v));
        }
        out
    }

    /// The table build.rs writes holds exactly the fst's keys and counts.
    #[test]
    fn table_is_the_fst() {
        let m = Model::embedded();
        let entries = fst_entries();
        assert_eq!(m.map.len(), entries.len());
        let keys: HashSet<&[u8]> = entries.iter().map(|(k, _)| k.as_slice()).collect();
        for (k, v) in &entries {
            assert_eq!(m.map.get(k), Some(*v), "{}", String::from_utf8_lossy(k));
            // Near misses are misses.
            let mut near = k.clone();
            *near.last_mut().unwrap() ^= 1;
            for probe in [near, [k.as_slice(), b"s"].concat(), k[..k.len() - 1].to_vec()] {
                if !keys.contains(probe.as_slice()) {
                    assert_eq!(m.map.get(&probe), None, "{}", String::from_utf8_lossy(&probe));
                }
            }
        }
        assert_eq!(m.unigram(b"the"), entries.iter().find(|(k, _)| k == b"the").unwrap().1);
    }

    /// The bigram-side word tables answer as a scan of the fst's keys would.
    #[test]
    fn bigram_sides_are_the_fst_keys() {
        let m = Model::embedded();
        let (mut lefts, mut rights) = (HashSet::new(), HashSet::new());
        let entries = fst_entries();
        for (k, _) in &entries {
            if let Some((a, b)) = std::str::from_utf8(k).ok().and_then(|k| k.split_once(' ')) {
                lefts.insert(a.to_string());
                rights.insert(b.to_string());
            }
        }
        let words: HashSet<&str> =
            entries.iter().filter_map(|(k, _)| std::str::from_utf8(k).ok()).flat_map(|k| k.split(' ')).collect();
        for w in words.into_iter().chain(["", "zzzq", "guess", "guest"]) {
            assert_eq!(m.starts_bigram(w), lefts.contains(w), "{w}");
            assert_eq!(m.ends_bigram(w), rights.contains(w), "{w}");
        }
    }

    #[test]
    fn table_round_trip() {
        let keys: Vec<String> =
            (0..1000).map(|i| format!("k{i}")).chain(["".into(), "a longer key of words".into()]).collect();
        let entries: Vec<(&[u8], u64)> = keys.iter().enumerate().map(|(i, k)| (k.as_bytes(), i as u64 * 7)).collect();
        let t = Table::new(Box::leak(super::super::table::write(&entries).into_boxed_slice())).unwrap();
        assert_eq!(t.len(), entries.len());
        for (k, v) in &entries {
            assert_eq!(t.get(k), Some(*v));
        }
        assert_eq!(t.get(b"k1000"), None);
        assert!(Table::new(b"not a table").is_none());
    }
}
