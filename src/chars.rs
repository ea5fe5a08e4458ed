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

thread_local! {
    /// The buffer [`with_ascii_lowercase`] lowers a word into: taken while in use (a nested
    /// call takes an empty one), so that lowering a word allocates nothing once it has
    /// grown.
    static LOWER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
}

/// `word.to_ascii_lowercase()`, borrowed when the word has no ASCII capital (as most
/// words have none): a word kept lowered, or several at once, without a string each.
pub fn ascii_lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(word.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// `words.join(" ")`, borrowed for one word (the phrases asked about are most often one).
pub fn joined<'a>(words: &[&'a str]) -> std::borrow::Cow<'a, str> {
    match words {
        [one] => std::borrow::Cow::Borrowed(one),
        _ => std::borrow::Cow::Owned(words.join(" ")),
    }
}

/// `f(&word.to_ascii_lowercase())`, without a new string: the word itself when it has no
/// ASCII capital, else a copy lowered in a buffer kept per thread.
pub fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    let mut lower = LOWER.take();
    lower.clear();
    lower.push_str(word);
    lower.make_ascii_lowercase();
    let out = f(&lower);
    LOWER.set(lower);
    out
}

/// `f(&word.to_lowercase())`, with an ASCII word lowered by [`with_ascii_lowercase`]
/// instead of into a new string.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        return with_ascii_lowercase(word, f);
    }
    f(&lowercase(word))
}

/// `text.to_lowercase()`, quicker on copy that is ASCII but for a few chars (curly quotes,
/// dashes, accents): `to_lowercase` lowers ASCII a word at a time only up to the first
/// other char, and from there looks every char up in the Unicode tables; here each run
/// of ASCII is copied and lowered whole, and only the other chars are looked up. (A
/// capital sigma, whose lower form depends on its neighbours, leaves the text to
/// `to_lowercase`.)
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let start = out.len();
        out.push_str(&rest[..ascii]);
        out[start..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { return out };
        if c == 'Σ' {
            return text.to_lowercase();
        }
        out.extend(c.to_lowercase());
        rest = &rest[c.len_utf8()..];
    }
}

/// Whether `word` in lower case is one of `words` (each in lower case), without a new
/// string for an ASCII word.
pub fn lower_is_any(word: &str, words: &[&str]) -> bool {
    with_lowercase(word, |lower| words.contains(&lower))
}

/// `a.to_lowercase() == b.to_lowercase()`, without a new string: ASCII compared case-blind,
/// other text char by char lowered (what `to_lowercase` does to each char, but for a
/// capital sigma, whose lower form depends on its neighbours: then the strings are lowered).
pub fn eq_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(b);
    }
    // Byte for byte where both have a byte: ASCII case-blind, any other byte the same. Then
    // the chars line up, and those the same lower the same (a sigma's neighbours differ at
    // most in ASCII case): equal when every byte passes and the lengths agree, unequal at
    // two ASCII bytes that differ case aside (the lowered texts differ there). Anything
    // else (a different non-ASCII byte, a length apart) is lowered char by char below.
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let mut k = 0;
    while k < x.len().min(y.len()) {
        let (p, q) = (x[k], y[k]);
        if p != q && !(p.is_ascii() && q.is_ascii() && p.eq_ignore_ascii_case(&q)) {
            if p.is_ascii() && q.is_ascii() {
                return false;
            }
            break;
        }
        k += 1;
    }
    if k == x.len() && k == y.len() {
        return true;
    }
    if a.contains('Σ') || b.contains('Σ') {
        return a.to_lowercase() == b.to_lowercase();
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_is_to_lowercase() {
        let pieces = [
            "a",
            "Z",
            "Ruiz",
            " ",
            "’",
            "“",
            "—",
            "É",
            "é",
            "İ",
            "Σ",
            "ς",
            "ΣΟΦΊΑ",
            "ß",
            "ẞ",
            "Ω",
            "x\u{2028}",
            "1",
            "ǅ",
            "Ⅻ",
        ];
        let mut x = 7u64;
        for _ in 0..4000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let text: String =
                (0..(x >> 60)).map(|k| pieces[((x >> (4 * k)) % pieces.len() as u64) as usize]).collect();
            assert_eq!(lowercase(&text), text.to_lowercase(), "{text:?}");
        }
    }

    #[test]
    fn eq_lowercase_is_to_lowercase_on_any_pair() {
        let pieces =
            ["a", "A", "k", "K", "\u{212a}", " ", "’", "'", "É", "é", "İ", "i̇", "Σ", "σ", "ς", "ß", "ẞ", "ss", "x"];
        let mut x = 3u64;
        let mut text = || {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (0..(x >> 61)).map(|k| pieces[((x >> (5 * k + 3)) % pieces.len() as u64) as usize]).collect::<String>()
        };
        for _ in 0..20000 {
            let (a, b) = (text(), text());
            assert_eq!(eq_lowercase(&a, &b), a.to_lowercase() == b.to_lowercase(), "{a:?} {b:?}");
            let c = a.to_uppercase();
            assert_eq!(eq_lowercase(&a, &c), a.to_lowercase() == c.to_lowercase(), "{a:?} {c:?}");
        }
    }

    #[test]
    fn lowercase_helpers_are_to_lowercase() {
        let (long, loud) = ("x".repeat(70), "X".repeat(70));
        let words = [
            "Ruiz",
            "RUIZ",
            "ruiz",
            "Ruíz",
            "RUÍZ",
            "ΣΟΦΊΑ",
            "σοφία",
            "ΟΔΟΣ",
            "οδος",
            "οδοσ",
            "İstanbul",
            "i̇stanbul",
            "istanbul",
            "",
            &long,
            &loud,
        ];
        for a in words {
            assert_eq!(with_lowercase(a, str::to_string), a.to_lowercase(), "{a:?}");
            assert_eq!(with_ascii_lowercase(a, str::to_string), a.to_ascii_lowercase(), "{a:?}");
            // Nested, as a caller's closure may lower another word.
            let nested = with_lowercase(a, |outer| with_lowercase("ÉcOLE Ruiz", |inner| format!("{outer}|{inner}")));
            assert_eq!(nested, format!("{}|école ruiz", a.to_lowercase()), "{a:?}");
            assert_eq!(
                lower_is_any(a, &["ruiz", "σοφία", "x"]),
                ["ruiz", "σοφία", "x"].contains(&a.to_lowercase().as_str())
            );
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
