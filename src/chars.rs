//! Character classes the stages share, below all of them (the readers' tokenizer and the
//! real-word engine both ask them for every char).

/// `c.is_alphanumeric()`, answered at once for ASCII and for the General Punctuation
/// block (U+2000 to U+206F: curly quotes, dashes, ellipsis, spaces), which holds no
/// letter or digit and which copy is full of; the Unicode tables are searched only for
/// other chars.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// `b.is_ascii_alphanumeric()` by table, for the loops that run over every byte of a
/// word: one load where the ranges take several compares.
pub const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// `word.trim_end_matches("'s").trim_end_matches("’s")`: a word without its possessive
/// endings, by comparing its last bytes (a `&str` pattern builds a searcher each call).
pub fn trim_possessive(word: &str) -> &str {
    let mut w = word;
    while let Some(stem) = w.strip_suffix("'s") {
        w = stem;
    }
    while let Some(stem) = w.strip_suffix("’s") {
        w = stem;
    }
    w
}

/// `f(&word.to_lowercase())`, with an ASCII word lowercased on the stack instead of in
/// a new string.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    if word.is_ascii() {
        if let Some(dst) = buf.get_mut(..word.len()) {
            dst.copy_from_slice(word.as_bytes());
            dst.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(dst) {
                return f(lower);
            }
        }
    }
    f(&word.to_lowercase())
}

/// `a.to_lowercase() == b.to_lowercase()`, without a new string when both are ASCII.
pub fn eq_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_helpers_are_to_lowercase() {
        let (long, loud) = ("x".repeat(70), "X".repeat(70));
        let words = ["Ruiz", "RUIZ", "ruiz", "Ruíz", "ΣΟΦΊΑ", "σοφία", "İstanbul", "istanbul", "", &long, &loud];
        for a in words {
            assert_eq!(with_lowercase(a, str::to_string), a.to_lowercase(), "{a:?}");
            for b in words {
                assert_eq!(eq_lowercase(a, b), a.to_lowercase() == b.to_lowercase(), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn trim_possessive_is_trim_end_matches() {
        let words = ["Ruiz's", "Ruiz’s", "Ruiz's’s", "Ruiz’s's", "'s", "’s's", "s", "'", "Ruiz", "", "it's's", "Zoë’s"];
        for w in words {
            assert_eq!(trim_possessive(w), w.trim_end_matches("'s").trim_end_matches("’s"), "{w:?}");
        }
    }

    #[test]
    fn is_alphanumeric_is_the_std_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
        for b in 0..=u8::MAX {
            assert_eq!(ASCII_ALNUM[usize::from(b)], b.is_ascii_alphanumeric(), "{b:#x}");
        }
    }
}
