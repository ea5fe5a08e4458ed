//! The word lists' table: a set of words fixed when the lists are read, asked about
//! nearly every word of an article (is it a place, a given name, a speech verb?).
//!
//! A word's key is its length and its first and last eight bytes as two integers, which
//! for a word of at most sixteen bytes (nearly every listed word) is the word itself: a
//! look-up hashes and compares three integers, with no call to hash or compare bytes,
//! where a `HashSet<&str>` took a hasher's pass and a `memcmp`. The same key can be made
//! from a word lowered to ASCII lower case eight bytes at a time, so a case-blind list is
//! asked without a lowered copy of the word ([`WordSet::contains_ascii_lowercase`]).

/// A set of words (see the module doc), built once from an iterator.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    words: Vec<&'static str>,
    /// `keys[i]` is the key of `words[i]`.
    keys: Vec<Key>,
    /// Open addressing, probed linearly: 1 + an index into `words`, or 0 for a free
    /// slot. A power of two at least twice the words, so a probe ends soon.
    slots: Box<[u32]>,
    /// `64 - log2(slots.len())`: a hash's top bits pick its slot.
    shift: u32,
}

/// A word's length and its first and last eight bytes, little-endian (a word shorter
/// than eight bytes: its bytes, zero-padded, and no last bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    len: usize,
    head: u64,
    tail: u64,
}

/// Words of at most this many bytes are equal when their keys are.
const WHOLE: usize = 16;

impl Key {
    /// The key of `bytes`, each eight-byte word passed through `fold` first.
    #[inline]
    fn new(bytes: &[u8], fold: impl Fn(u64) -> u64) -> Key {
        let len = bytes.len();
        match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
            (Some(first), Some(last)) => {
                Key { len, head: fold(u64::from_le_bytes(*first)), tail: fold(u64::from_le_bytes(*last)) }
            }
            _ => Key { len, head: fold(short_word(bytes)), tail: 0 },
        }
    }

    #[inline]
    fn hash(self) -> u64 {
        (self.head ^ self.tail.rotate_left(29) ^ self.len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// The bytes of a word shorter than eight bytes as an integer, little-endian and padded
/// with zeros: read as two four-byte words that overlap, or three bytes that cover a word
/// of one to three (a copy into a padded buffer of a slice of unknown length is a call to
/// memcpy, and a byte-by-byte loop a branch a byte).
#[inline]
fn short_word(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (Some(lo), Some(hi)) => {
            u64::from(u32::from_le_bytes(*lo)) | u64::from(u32::from_le_bytes(*hi)) << (8 * (len - 4))
        }
        _ if len == 0 => 0,
        _ => {
            let at = |k: usize| u64::from(bytes[k]) << (8 * k);
            at(0) | at(len / 2) | at(len - 1)
        }
    }
}

/// The eight bytes of `x` with each ASCII capital lowered and every other byte as it is
/// (no carry crosses a byte: each sum is of a byte below 0x80 and one below 0x40).
#[inline]
fn ascii_lowercase8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (0x7f * ONES);
    // Bit 7 of a byte is set in `from_a` when its low seven bits are at least 'A', and in
    // `past_z` when they are past 'Z'.
    let from_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let past_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let capital = (from_a ^ past_z) & !x & (0x80 * ONES);
    x | capital >> 2
}

impl WordSet {
    /// Whether `word` is in the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        self.find(Key::new(bytes, |x| x), |listed| listed == bytes)
    }

    /// Whether `word` lowered to ASCII lower case is in the set: what
    /// `self.contains(&word.to_ascii_lowercase())` answers, without the copy.
    #[inline]
    pub(crate) fn contains_ascii_lowercase(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        self.find(Key::new(bytes, ascii_lowercase8), |listed| {
            listed.len() == bytes.len() && listed.iter().zip(bytes).all(|(&l, &b)| l == b.to_ascii_lowercase())
        })
    }

    /// The listed words, in the order they were first given.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &&'static str> {
        self.words.iter()
    }

    /// Whether a listed word has `key`: the key alone decides for a short word, and
    /// `same` for a longer one.
    #[inline]
    fn find(&self, key: Key, same: impl Fn(&[u8]) -> bool) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let mask = self.slots.len() - 1;
        let mut i = (key.hash() >> self.shift) as usize;
        loop {
            let k = match self.slots[i] {
                0 => return false,
                slot => slot as usize - 1,
            };
            if self.keys[k] == key && (key.len <= WHOLE || same(self.words[k].as_bytes())) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    /// Add `word` unless it is listed.
    fn insert(&mut self, word: &'static str) {
        if self.contains(word) {
            return;
        }
        if (self.words.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        self.words.push(word);
        self.keys.push(Key::new(word.as_bytes(), |x| x));
        self.place(self.words.len() - 1);
    }

    /// Twice the slots, every word placed again.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![0; size].into_boxed_slice();
        self.shift = 64 - size.trailing_zeros();
        for k in 0..self.words.len() {
            self.place(k);
        }
    }

    /// Put word `k` in the first free slot from its hash's.
    fn place(&mut self, k: usize) {
        let mask = self.slots.len() - 1;
        let mut i = (self.keys[k].hash() >> self.shift) as usize;
        while self.slots[i] != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = u32::try_from(k + 1).expect("fewer listed words than u32::MAX");
    }
}

/// A set's table as build.rs writes it for a word list (`OUT_DIR/lexicon_sets.rs`, see
/// `lexicon::lists`): its words in order and its slots, as [`WordSet::slots`] gives them.
pub(crate) struct Parts {
    pub(crate) words: &'static [&'static str],
    pub(crate) slots: &'static [u32],
    pub(crate) shift: u32,
}

impl WordSet {
    /// The set whose words and slots are `parts`: its table copied, its keys made again
    /// (each a few loads), and no word looked up or placed.
    pub(crate) fn from_parts(parts: &Parts) -> WordSet {
        WordSet {
            words: parts.words.to_vec(),
            keys: parts.words.iter().map(|w| Key::new(w.as_bytes(), |x| x)).collect(),
            slots: parts.slots.into(),
            shift: parts.shift,
        }
    }

    /// The slots and the shift, for [`Parts`] (build.rs and the tests).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn slots(&self) -> (&[u32], u32) {
        (&self.slots, self.shift)
    }
}

impl Extend<&'static str> for WordSet {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, words: I) {
        for word in words {
            self.insert(word);
        }
    }
}

impl FromIterator<&'static str> for WordSet {
    /// The set of `words`, its slots sized once for all of them.
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        let words: Vec<&'static str> = words.into_iter().collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut set = WordSet {
            words: Vec::with_capacity(words.len()),
            keys: Vec::with_capacity(words.len()),
            slots: vec![0; size].into_boxed_slice(),
            shift: 64 - size.trailing_zeros(),
        };
        set.extend(words);
        set
    }
}

impl<'a> IntoIterator for &'a WordSet {
    type Item = &'a &'static str;
    type IntoIter = std::slice::Iter<'a, &'static str>;
    fn into_iter(self) -> Self::IntoIter {
        self.words.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Words of every length around the key's edges (7, 8, 9, 15, 16, 17 bytes), with
    /// capitals, digits, punctuation and non-ASCII bytes, against a `HashSet`.
    fn samples() -> Vec<&'static str> {
        vec![
            "",
            "a",
            "A",
            "said",
            "Said",
            "SAID",
            "u.s.",
            "U.S.",
            "al-",
            "o'neill",
            "O’Neill",
            "zoë",
            "ZOË",
            "abcdefg",
            "abcdefG",
            "abcdefgh",
            "ABCDEFGH",
            "abcdefghi",
            "abcdefghI",
            "abcdefghijklmno",
            "abcdefghijklmnop",
            "abcdefghijklmnoP",
            "abcdefghijklmnopq",
            "Abcdefghijklmnopq",
            "abcdefghijklmnopqrstuvwxyz",
            "abcdefghijklmnopqrstuvwXyz",
            "@[`{",
            "@[`{@[`{@[`{",
            "spokeswoman",
            "Spokeswoman",
            "spokes-woman",
            "ÀÉÎ",
            "àéî",
            "\u{7f}\u{80}",
            "12345678901234567",
        ]
    }

    #[test]
    fn contains_is_the_hash_sets() {
        let all = samples();
        for n in 0..all.len() {
            let listed: Vec<&'static str> = all.iter().copied().step_by(n % 3 + 1).skip(n % 2).collect();
            let set: WordSet = listed.iter().copied().collect();
            let reference: HashSet<&str> = listed.iter().copied().collect();
            assert_eq!(set.iter().count(), reference.len());
            for w in &all {
                assert_eq!(set.contains(w), reference.contains(w), "{w:?} in {listed:?}");
                let lower = w.to_ascii_lowercase();
                assert_eq!(set.contains_ascii_lowercase(w), reference.contains(lower.as_str()), "{w:?} in {listed:?}");
            }
        }
    }

    #[test]
    fn a_short_word_is_its_bytes_padded() {
        let text = b"abcdefgh";
        for len in 0..8 {
            let mut padded = [0u8; 8];
            padded[..len].copy_from_slice(&text[..len]);
            assert_eq!(short_word(&text[..len]), u64::from_le_bytes(padded), "{len}");
        }
    }

    #[test]
    fn lowering_eight_bytes_is_lowering_each() {
        let mut bytes: Vec<u8> = (0..=255u8).collect();
        bytes.extend(b"AZaz@[`{");
        for chunk in bytes.windows(8) {
            let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let each: Vec<u8> = chunk.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(ascii_lowercase8(x).to_le_bytes().to_vec(), each, "{chunk:?}");
        }
    }
}
