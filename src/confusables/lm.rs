//! The trigram back-off language model: a subset of the CMU Sphinx generic US
//! English model in `data/ngrams-lm.bin`, built by `scripts/build_ngrams.py`.
//!
//! Keys are `w`, `a b` and `a b c` (lowercase, as in the model's vocabulary,
//! which has `<s>`, `</s>` and contractions such as `it's`). The subset keeps
//! every unigram, every bigram and trigram that contains a confusion-set word,
//! and the bigrams that a back-off from such a trigram needs, so the log-odds
//! of two set words in the same context are those of the full model (up to
//! quantisation).
//!
//! File layout (little-endian): 8-byte magic, u64 FNV-1a of
//! `data/confusables.txt`, then one table per order: u32 bucket bits `b`, u32
//! entries `n`, u32 value bytes `v`, u32 block bases `[2^(b-10) + 1]`, u16
//! bucket offsets from the block base `[2^b + 1]`, u16 hash remainders `[n]`
//! (sorted within each bucket), values `[n * v]`. A key's hash is FNV-1a 64
//! folded to 32 bits: the top `b` bits pick the bucket, the low 16 bits are
//! stored. An absent n-gram is taken for a present one with probability about
//! `n / 2^32` (under 1 in 9,000 look-ups).
//!
//! Values: unigram `[prob, bo]` with `prob = -q/24`; bigram `[prob, bo]` and
//! trigram `[prob]` with `prob = -q/32`; back-off `bo = q/64 - 2.5`; all log10.

const MAGIC: &[u8; 8] = b"ORLM\x01\x00\x00\x00";
const BLOCK_BITS: u32 = 10;

/// Sentence-start and sentence-end tokens of the model.
pub(crate) const START: &str = "<s>";
pub(crate) const END: &str = "</s>";

/// log10 probability and back-off weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Gram {
    pub prob: f64,
    pub bo: f64,
}

fn bo8(q: u8) -> f64 {
    f64::from(q) / 64.0 - 2.5
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes"))
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes(b[at..at + 2].try_into().expect("two bytes"))
}

/// One hashed table of the file, read in place: a bucket's start is its block's base
/// plus its own offset (nothing is decoded at load).
struct Table {
    bits: u32,
    vbytes: usize,
    /// Entries.
    n: u32,
    /// u32 block bases and u16 bucket offsets, little-endian.
    bases: &'static [u8],
    offsets: &'static [u8],
    /// u16 remainders, little-endian.
    rems: &'static [u8],
    values: &'static [u8],
}

impl Table {
    /// Parse a table at `at`; returns it and the offset after it.
    fn parse(b: &'static [u8], at: usize) -> Option<(Table, usize)> {
        let head = b.get(at..at + 12)?;
        let (bits, n, vbytes) = (u32_at(head, 0), u32_at(head, 4) as usize, u32_at(head, 8) as usize);
        if !(BLOCK_BITS..=24).contains(&bits) || vbytes == 0 {
            return None;
        }
        let nb = 1usize << bits;
        let mut at = at + 12;
        let mut take = |len: usize| {
            let s = b.get(at..at + len);
            at += len;
            s
        };
        let bases = take(4 * ((nb >> BLOCK_BITS) + 1))?;
        let offsets = take(2 * (nb + 1))?;
        let rems = take(2 * n)?;
        let values = take(vbytes * n)?;
        Some((Table { bits, vbytes, n: n as u32, bases, offsets, rems, values }, at))
    }

    /// Start of a bucket's entries (`bucket` up to one past the last).
    #[inline]
    fn start(&self, bucket: usize) -> usize {
        let base = u32_at(self.bases, 4 * (bucket >> BLOCK_BITS));
        (base + u32::from(u16_at(self.offsets, 2 * bucket))).min(self.n) as usize
    }

    fn get(&self, h: u32) -> Option<&'static [u8]> {
        let bucket = (h >> (32 - self.bits)) as usize;
        let (lo, hi) = (self.start(bucket), self.start(bucket + 1));
        let want = h as u16;
        for (i, r) in self.rems.get(2 * lo..2 * hi)?.chunks_exact(2).enumerate() {
            let r = u16::from_le_bytes([r[0], r[1]]);
            if r == want {
                let at = (lo + i) * self.vbytes;
                return self.values.get(at..at + self.vbytes);
            }
            if r > want {
                break;
            }
        }
        None
    }
}

/// FNV-1a 64 of the words joined by single spaces, folded to 32 bits.
fn key_hash(parts: &[&[u8]]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    };
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            eat(b' ');
        }
        p.iter().copied().for_each(&mut eat);
    }
    (h ^ (h >> 32)) as u32
}

/// The language model's subset.
pub struct Lm {
    hash: u64,
    tables: [Table; 3],
}

impl Lm {
    pub(crate) fn new(b: &'static [u8]) -> Lm {
        Lm::parse(b).expect("data/ngrams-lm.bin is a valid language-model table")
    }

    fn parse(b: &'static [u8]) -> Option<Lm> {
        if b.get(..8)? != MAGIC {
            return None;
        }
        let hash = u64::from_le_bytes(b.get(8..16)?.try_into().ok()?);
        let (t1, at) = Table::parse(b, 16)?;
        let (t2, at) = Table::parse(b, at)?;
        let (t3, at) = Table::parse(b, at)?;
        (at == b.len() && t1.vbytes == 2 && t2.vbytes == 2 && t3.vbytes == 1)
            .then_some(Lm { hash, tables: [t1, t2, t3] })
    }

    /// FNV-1a 64 of the data/confusables.txt the table was built from.
    pub fn sets_hash(&self) -> u64 {
        self.hash
    }

    pub(crate) fn unigram(&self, w: &[u8]) -> Option<Gram> {
        let v = self.tables[0].get(key_hash(&[w]))?;
        Some(Gram { prob: -f64::from(v[0]) / 24.0, bo: bo8(v[1]) })
    }

    pub(crate) fn bigram(&self, a: &[u8], b: &[u8]) -> Option<Gram> {
        let v = self.tables[1].get(key_hash(&[a, b]))?;
        Some(Gram { prob: -f64::from(v[0]) / 32.0, bo: bo8(v[1]) })
    }

    pub(crate) fn trigram(&self, a: &[u8], b: &[u8], c: &[u8]) -> Option<f64> {
        let v = self.tables[2].get(key_hash(&[a, b, c]))?;
        Some(-f64::from(v[0]) / 32.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_matches_build_script() {
        // fnv32(b"best guess") as computed by scripts/build_ngrams.py.
        let h: u64 = super::super::fnv1a64(b"best guess");
        assert_eq!(key_hash(&[b"best", b"guess"]), (h ^ (h >> 32)) as u32);
    }
}
