//! The confusion sets: the embedded list (`data/confusables.txt`) and the parser of
//! its text format, which also reads the extra sets of onrecord.toml.

use super::MAX_WORD;

/// The embedded confusion sets (the team's own list).
pub const EMBEDDED_SETS: &str = include_str!("../../data/confusables.txt");

/// Confusion sets parsed from the text format of `data/confusables.txt`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfusionSets {
    pub(super) sets: Vec<Vec<String>>,
}

impl ConfusionSets {
    /// Parse the text format of data/confusables.txt. Errors name the line.
    ///
    /// One set per line; words separated by spaces or `/`; `#` starts a
    /// comment. Words are lowercased and `’` is read as `'`.
    pub fn parse(text: &str) -> Result<ConfusionSets, String> {
        let mut sets = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let lineno = i + 1;
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut set: Vec<String> = Vec::new();
            for word in line.split(|c: char| c.is_whitespace() || c == '/') {
                if word.is_empty() {
                    continue;
                }
                let norm: String =
                    word.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).flat_map(char::to_lowercase).collect();
                if !norm.chars().next().is_some_and(char::is_alphabetic)
                    || !norm.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-')
                {
                    return Err(format!(
                        "line {lineno}: '{word}' is not a word (letters, apostrophes and hyphens only)"
                    ));
                }
                if norm.len() > MAX_WORD {
                    return Err(format!("line {lineno}: '{word}' is longer than {MAX_WORD} bytes"));
                }
                if !set.contains(&norm) {
                    set.push(norm);
                }
            }
            if set.len() < 2 {
                return Err(format!(
                    "line {lineno}: a confusion set needs at least two different words: '{}'",
                    raw.trim()
                ));
            }
            sets.push(set);
        }
        Ok(ConfusionSets { sets })
    }

    /// The sets, each a list of lowercase words.
    pub fn sets(&self) -> &[Vec<String>] {
        &self.sets
    }

    pub fn len(&self) -> usize {
        self.sets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }
}

#[cfg(test)]
#[rustfmt::skip]
mod tests {
    use super::*;

    #[test]
    fn parse_errors_name_the_line() {
        let err = ConfusionSets::parse("guess guest\n# note\nlonely\n").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
        let err = ConfusionSets::parse("a1 b\n").unwrap_err();
        assert!(err.starts_with("line 1:"), "{err}");
    }

    #[test]
    fn parse_format() {
        let s = ConfusionSets::parse("Peek/peak / pique  # comment\n\nIt’s its\n").unwrap();
        assert_eq!(s.sets(), &[vec!["peek", "peak", "pique"], vec!["it's", "its"]]);
    }

    #[test]
    fn embedded_sets_parse_and_count() {
        assert!(ConfusionSets::parse(EMBEDDED_SETS).unwrap().len() >= 150);
    }
}
