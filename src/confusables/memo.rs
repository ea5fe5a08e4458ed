//! The per-thread verdict memo: a direct-mapped cache of [`Checker`] verdicts keyed
//! by everything the scoring reads around a word, which rests when contexts do not repeat.

use super::token::{is_quote_mark, is_word_token, normalise};
#[cfg(doc)]
use super::Checker;

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
    pub(super) slots: Vec<MemoSlot>,
    pub(super) key: MemoKey,
    /// [`Checker::id`] of the checker whose verdicts these are.
    pub(super) owner: u64,
    /// Look-ups and hits in the current round of [`MEMO_ROUND`] look-ups.
    lookups: u32,
    hits: u32,
    /// Positions left to score without the memo: copy whose contexts do not repeat
    /// (most real articles) pays for keys it never reuses, so after a round with
    /// few hits the memo rests for [`MEMO_REST`] positions, then tries again.
    pub(super) resting: u32,
}

/// Look-ups per round, the share of hits below which the memo rests (1 in 16), and how
/// many positions it rests.
const MEMO_ROUND: u32 = 1024;
const MEMO_MIN_HITS: u32 = MEMO_ROUND / 16;
const MEMO_REST: u32 = 1 << 16;

/// A memo key being written: its first [`MEMO_KEY`] bytes in place, and its whole length
/// (a longer key is not kept, only known to be too long), so that writing it is a store
/// per byte with no vector to grow.
pub(super) struct MemoKey {
    buf: [u8; MEMO_KEY],
    len: usize,
}

impl Default for MemoKey {
    fn default() -> Self {
        MemoKey { buf: [0; MEMO_KEY], len: 0 }
    }
}

impl MemoKey {
    #[inline]
    fn push(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
        }
        self.len += 1;
    }

    #[inline]
    fn set(&mut self, at: usize, b: u8) {
        if let Some(slot) = self.buf.get_mut(at) {
            *slot = b;
        }
    }

    /// The key, or None when it is longer than [`MEMO_KEY`].
    fn bytes(&self) -> Option<&[u8]> {
        self.buf.get(..self.len)
    }
}

#[derive(Clone)]
pub(super) struct MemoSlot {
    /// Key length; 0 for an empty slot (a key is never empty).
    len: u8,
    key: [u8; MEMO_KEY],
    best: Option<(usize, f64)>,
}

impl Memo {
    /// The verdict for the context in `self.key`, from the memo or from `score`.
    pub(super) fn get_or(&mut self, score: impl FnOnce() -> Option<(usize, f64)>) -> Option<(usize, f64)> {
        let Some(key) = self.key.bytes() else {
            return score();
        };
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

/// A memo key's slot: eight bytes at a time, the last few padded with zeros (the key is
/// compared in full after). Whole words are read as they are, and the tail a byte at a
/// time: a copy of a slice of unknown length into the word is a call to memcpy.
fn slot_hash(key: &[u8]) -> u64 {
    let mut h = 0x9e37_79b9_7f4a_7c15 ^ key.len() as u64;
    let mut mix = |word: u64| {
        h = (h ^ word).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        h ^= h >> 31;
    };
    let mut chunks = key.chunks_exact(8);
    for chunk in &mut chunks {
        mix(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        mix(tail.iter().rev().fold(0u64, |word, &b| word << 8 | u64::from(b)));
    }
    h
}

/// The memo key of set word `wi` at `i`: everything [`Checker::score`] reads.
/// On each side, the tokens that the language model's context walk
/// ([`Checker::lm_side`]) passes over, up to two words or the token that stops
/// it (the count model reads only the nearest token, which is among them):
/// words normalised as [`Norm`], other tokens as written, each with its length
/// before it; a word `Norm` refuses stops the walk as it stops `lm_side`.
pub(super) fn memo_key(tokens: &[&str], i: usize, wi: usize, key: &mut MemoKey) {
    const STOP: u8 = 0xf0;
    const EDGE: u8 = 0xf1;
    const SIDE: u8 = 0xf2;
    key.len = 0;
    for b in (wi as u32).to_le_bytes() {
        key.push(b);
    }
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
                // The word's length, then the word as `Norm` has it, written in place.
                let at = key.len;
                key.push(0);
                if !normalise(t, |b| key.push(b)) {
                    key.len = at;
                    key.push(STOP);
                    break;
                }
                key.set(at, (key.len - at - 1) as u8);
                words += 1;
                if words == 2 {
                    break;
                }
            } else {
                // Punctuation is one character (at most 4 bytes).
                key.push(t.len().min(0xef) as u8);
                for &b in t.as_bytes() {
                    key.push(b);
                }
                if !(is_quote_mark(t) || matches!(t, "," | ";" | ":")) {
                    break;
                }
            }
        }
        key.push(SIDE);
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;
    use crate::confusables::tests::tokens;
    use crate::confusables::{Checker, ConfusionSets, Params};

    /// The hash as it was first written: each chunk of eight copied into a zeroed word.
    fn slot_hash_by_copy(key: &[u8]) -> u64 {
        let mut h = 0x9e37_79b9_7f4a_7c15 ^ key.len() as u64;
        for chunk in key.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            h ^= h >> 31;
        }
        h
    }

    #[test]
    fn slot_hash_is_the_hash_by_copy() {
        let bytes: Vec<u8> = (0..=255u8).rev().chain(0..=255).collect();
        for len in 0..40 {
            for start in [0, 1, 7, 200, 300] {
                let key = &bytes[start..start + len];
                assert_eq!(slot_hash(key), slot_hash_by_copy(key), "{key:?}");
            }
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
}
