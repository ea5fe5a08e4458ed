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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_alphanumeric_is_the_std_one() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
