//! The hashers of the word tables of `lexicon` and `confusables`, and FNV-1a, the
//! checksum `scripts/build_ngrams.py` writes into the n-gram data. A module of its own so
//! that neither borrows it from the other.

/// The hasher of the word tables of `lexicon` and `confusables`: FxHash, which takes a
/// short word eight bytes at a time where FNV-1a took it a byte at a time (the tables are
/// asked about every word of an article). Their iteration order is never read.
pub(crate) type FastBuild = rustc_hash::FxBuildHasher;

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
