//! FNV-1a, the hash of short keys: the hasher behind the word sets of `lexicon` and the
//! tables of `confusables`, and the checksum `scripts/build_ngrams.py` writes into the
//! n-gram data. A module of its own so that neither borrows it from the other.

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

/// For keys that are already 64-bit hashes (`duplicate-quote`'s runs of words): one
/// multiply spreads them over a table, where SipHash would hash them a second time.
#[derive(Default)]
pub(crate) struct Prehashed(u64);
impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(29) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}
pub(crate) type PrehashedBuild = std::hash::BuildHasherDefault<Prehashed>;

/// FNV-1a 64, as computed by scripts/build_ngrams.py over data/confusables.txt.
pub fn fnv1a64(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}
