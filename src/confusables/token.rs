//! How a token is read for look-up: its class (word, quote mark, opening mark), its
//! normalised form ([`Norm`]) and FNV-1a hash, and the Bloom-filter bits of set words.

use super::MAX_WORD;

pub(super) const BLOOM_WORDS: usize = 1024;

/// The two Bloom-filter bits of a word hash.
pub(super) fn bloom_bits(h: u64) -> [usize; 2] {
    [(h & 0xffff) as usize, ((h >> 16) & 0xffff) as usize]
}

/// What [`normalise`] writes for a byte: an ASCII letter lowered, `'` and `-` as they
/// are, 0 for any other byte (a digit, punctuation, the lead byte of ’ or any non-ASCII).
const NORM_BYTE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            t[b] = c.to_ascii_lowercase();
        } else if c == b'\'' || c == b'-' {
            t[b] = c;
        }
        b += 1;
    }
    t
};

/// Feed `emit` the bytes of a token normalised for lookup (ASCII-lowercase, ’ → ');
/// false for punctuation, digits, non-ASCII letters or tokens over MAX_WORD bytes.
/// [`word_hash`] and [`Norm::new`] share it, so they always agree. A byte is looked up in
/// [`NORM_BYTE`] (one load where the class tests take a branch each); only a byte the
/// table refuses is asked whether it opens a ’.
#[inline]
pub(super) fn normalise(token: &str, mut emit: impl FnMut(u8)) -> bool {
    let bytes = token.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_alphabetic() {
        return false;
    }
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() {
        let mut out = NORM_BYTE[usize::from(bytes[i])];
        if out != 0 {
            i += 1;
        } else if bytes[i..].starts_with("\u{2019}".as_bytes()) {
            i += 3;
            out = b'\'';
        } else {
            return false;
        }
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
pub(super) fn word_hash(token: &str) -> Option<u64> {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    normalise(token, |b| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100_0000_01b3);
    })
    .then_some(h)
}

/// A token normalised for lookup: ASCII-lowercase, ’ → ', in a stack buffer.
pub(super) struct Norm {
    pub(super) buf: [u8; MAX_WORD],
    pub(super) len: usize,
}

impl Norm {
    /// None for punctuation, digits, non-ASCII letters or over-long tokens.
    pub(super) fn new(token: &str) -> Option<Norm> {
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
    pub(super) fn raw(s: &str) -> Norm {
        let mut buf = [0u8; MAX_WORD];
        let len = s.len().min(MAX_WORD);
        buf[..len].copy_from_slice(&s.as_bytes()[..len]);
        Norm { buf, len }
    }

    pub(super) fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The normalised token as text (only ASCII bytes are ever written), for tests.
    #[cfg(test)]
    pub(super) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or("")
    }
}

#[inline]
pub(super) fn is_word_token(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        _ => t.chars().next().is_some_and(crate::chars::is_alphanumeric),
    }
}

#[inline]
pub(super) fn is_opening_quote(t: &str) -> bool {
    matches!(t, "“" | "\"" | "‘" | "'" | "(" | "[" | "«" | "—" | "–")
}

pub(super) fn is_quote_mark(t: &str) -> bool {
    matches!(t, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;
    use crate::hash::fnv1a64;
    use proptest::prelude::*;

    /// `normalise` as it was written before its table: a test per byte class.
    fn normalise_by_class(token: &str) -> Option<Vec<u8>> {
        let bytes = token.as_bytes();
        if bytes.is_empty() || !bytes[0].is_ascii_alphabetic() {
            return None;
        }
        let (mut out, mut i) = (Vec::new(), 0);
        while i < bytes.len() {
            let b = bytes[i];
            let n = if b.is_ascii_alphabetic() {
                i += 1;
                b.to_ascii_lowercase()
            } else if b == b'\'' || b == b'-' {
                i += 1;
                b
            } else if bytes[i..].starts_with("\u{2019}".as_bytes()) {
                i += 3;
                b'\''
            } else {
                return None;
            };
            if out.len() == MAX_WORD {
                return None;
            }
            out.push(n);
        }
        Some(out)
    }

    fn normalised(token: &str) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        normalise(token, |b| out.push(b)).then_some(out)
    }

    #[test]
    fn normalise_is_the_test_per_class() {
        let long = "x".repeat(MAX_WORD);
        let longer = "x".repeat(MAX_WORD + 1);
        for t in ["", "a", "Guest", "it’s", "They're", "well-known", "1st", "naïve", "’tis", "a’", "a\u{2018}", "a\u{e2}", "A-Z'", &long, &longer, "x’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’’"] {
            assert_eq!(normalised(t), normalise_by_class(t), "{t:?}");
        }
        for b in 0..=0x7fu8 {
            let t = format!("a{}", char::from(b));
            assert_eq!(normalised(&t), normalise_by_class(&t), "{t:?}");
        }
    }

    proptest! {
        #[test]
        fn normalise_is_the_test_per_class_on_any_token(t in "[a-zA-Z][a-zA-Z0-9'’‘\\-éß.,]{0,40}|\\PC{0,12}") {
            prop_assert_eq!(normalised(&t), normalise_by_class(&t));
        }
    }

    #[test]
    fn word_hash_is_the_hash_of_the_normalised_word() {
        for t in ["Guest", "it’s", "They're", "well-known", "a"] {
            assert_eq!(word_hash(t), Some(fnv1a64(Norm::new(t).unwrap().bytes())), "{t}");
        }
        for t in ["", "1st", "naïve", "’tis", &"x".repeat(MAX_WORD + 1)] {
            assert_eq!(word_hash(t).is_some(), Norm::new(t).is_some(), "{t}");
        }
    }
}
