//! A static hash table of byte-string keys and u64 values that is read in place: the
//! form `build.rs` gives the n-gram counts of `data/ngrams.fst`, so that a process
//! looks its words up in the bytes embedded in the binary instead of first copying
//! 124,000 keys into a `HashMap` (most of the start-up of a check).
//!
//! This file is shared: `build.rs` includes it to write the tables, the library to
//! read them, so both hash keys with the same [`key_hash`].
//!
//! Layout (little-endian): 8-byte [`MAGIC`], u32 entries `n`, u32 slot bits `b`, u32
//! key bytes `k`, u32 zero; slots `[u64; 2^b]` (entry index + 1 in the low 32 bits, 0
//! for an empty slot, and the low 32 bits of the key's hash in the high ones, so that a
//! probe compares keys only when the hashes agree; linear probing from the slot the top
//! `b` bits of the hash pick); key offsets `[u32; n + 1]`; values `[u64; n]`; keys
//! `[u8; k]` (entry `i` is `keys[offset[i]..offset[i + 1]]`).

// Each side uses its half of the file.
#![allow(dead_code)]

pub const MAGIC: &[u8; 8] = b"ORNT\x01\x00\x00\x00";
const HEAD: usize = 24;

/// The hash of a key: FxHash's step, eight bytes at a time, seeded with the length.
pub fn key_hash(key: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    h
}

/// The table of `entries` (distinct keys) in the layout above.
pub fn write(entries: &[(&[u8], u64)]) -> Vec<u8> {
    let n = entries.len();
    // At most half the slots full: a miss ends after about two probes.
    let mut bits = 4u32;
    while (1usize << bits) < 2 * n {
        bits += 1;
    }
    let mask = (1usize << bits) - 1;
    let mut slots = vec![0u64; 1 << bits];
    for (i, (key, _)) in entries.iter().enumerate() {
        let h = key_hash(key);
        let mut s = (h >> (64 - bits)) as usize;
        while slots[s] != 0 {
            s = (s + 1) & mask;
        }
        slots[s] = h << 32 | u64::from(u32::try_from(i + 1).expect("fewer than 2^32 entries"));
    }
    let keys: usize = entries.iter().map(|(k, _)| k.len()).sum();
    let mut out = Vec::with_capacity(HEAD + 8 * slots.len() + 4 * (n + 1) + 8 * n + keys);
    out.extend_from_slice(MAGIC);
    for x in [n, bits as usize, keys, 0] {
        out.extend_from_slice(&u32::try_from(x).expect("table under 4 GB").to_le_bytes());
    }
    slots.iter().for_each(|s| out.extend_from_slice(&s.to_le_bytes()));
    let mut at = 0u32;
    out.extend_from_slice(&at.to_le_bytes());
    for (key, _) in entries {
        at += key.len() as u32;
        out.extend_from_slice(&at.to_le_bytes());
    }
    entries.iter().for_each(|(_, v)| out.extend_from_slice(&v.to_le_bytes()));
    entries.iter().for_each(|(k, _)| out.extend_from_slice(k));
    out
}

/// A table read in place.
#[derive(Clone, Copy)]
pub struct Table {
    bits: u32,
    len: usize,
    slots: &'static [u8],
    offsets: &'static [u8],
    values: &'static [u8],
    keys: &'static [u8],
}

/// The `i`th u32 / u64 of `b`.
fn u32_at(b: &[u8], i: usize) -> usize {
    u32::from_le_bytes(b[4 * i..4 * i + 4].try_into().expect("four bytes")) as usize
}

fn u64_at(b: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(b[8 * i..8 * i + 8].try_into().expect("eight bytes"))
}

impl Table {
    /// The table in `b`; None if `b` is not one.
    pub fn new(b: &'static [u8]) -> Option<Table> {
        if b.get(..8)? != MAGIC {
            return None;
        }
        let head = b.get(8..HEAD)?;
        let (n, bits, k) = (u32_at(head, 0), u32_at(head, 1) as u32, u32_at(head, 2));
        if !(4..32).contains(&bits) {
            return None;
        }
        let (slots, rest) = b[HEAD..].split_at_checked(8 << bits)?;
        let (offsets, rest) = rest.split_at_checked(4 * (n + 1))?;
        let (values, keys) = rest.split_at_checked(8 * n)?;
        (keys.len() == k && u32_at(offsets, n) == k).then_some(Table { bits, len: n, slots, offsets, values, keys })
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Entry `i`'s key.
    pub fn key(&self, i: usize) -> &'static [u8] {
        &self.keys[u32_at(self.offsets, i)..u32_at(self.offsets, i + 1)]
    }

    /// Entry `i`'s value.
    pub fn value(&self, i: usize) -> u64 {
        u64_at(self.values, i)
    }

    /// The value of `key`, if the table has it.
    pub fn get(&self, key: &[u8]) -> Option<u64> {
        let mask = (1usize << self.bits) - 1;
        let h = key_hash(key);
        let mut s = (h >> (64 - self.bits)) as usize;
        loop {
            let slot = u64_at(self.slots, s);
            if slot == 0 {
                return None;
            }
            let e = (slot as u32 as usize).wrapping_sub(1);
            if slot >> 32 == h & 0xffff_ffff && self.key(e) == key {
                return Some(self.value(e));
            }
            s = (s + 1) & mask;
        }
    }
}
