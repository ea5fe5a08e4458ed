//! Fixed phrases that settle a confusion set on their own (`data/collocations.txt`):
//! "free rein", "sneak peek", "toe the line". A supplementary source of evidence
//! for phrases the pruned n-gram lists say nothing about; the file's header says
//! where the list comes from.

/// The embedded phrase list (the team's own writing).
pub const EMBEDDED_COLLOCATIONS: &str = include_str!("../../data/collocations.txt");

/// Most context words on either side of the bracketed word.
const MAX_SIDE: usize = 3;

/// One phrase: the words before the intended word (in text order), the intended
/// word, and the words after it; each context slot lists the words it accepts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collocation {
    pub before: Vec<Vec<Box<str>>>,
    pub target: Box<str>,
    pub after: Vec<Vec<Box<str>>>,
}

fn slot(word: &str, lineno: usize) -> Result<Vec<Box<str>>, String> {
    let inner = word.strip_prefix('(').and_then(|w| w.strip_suffix(')')).unwrap_or(word);
    let mut out = Vec::new();
    for w in inner.split('|') {
        // (An ASCII word, nearly every one, lowered in one copy: for ASCII, `to_lowercase` of
        // each char is its ASCII lower case. Every run reads the phrases at start.)
        let norm: String = if w.is_ascii() {
            w.to_ascii_lowercase()
        } else {
            w.chars().map(|c| if c == '\u{2019}' { '\'' } else { c }).flat_map(char::to_lowercase).collect()
        };
        if norm.is_empty() || !norm.bytes().all(|b| b.is_ascii_alphabetic() || b == b'\'' || b == b'-') {
            return Err(format!("line {lineno}: '{word}' is not a word or a (a|b) group of words"));
        }
        out.push(norm.into());
    }
    Ok(out)
}

/// Parse the text format of `data/collocations.txt`. Errors name the line.
pub fn parse(text: &str) -> Result<Vec<Collocation>, String> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let lineno = i + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (mut before, mut after, mut target) = (Vec::new(), Vec::new(), None);
        for word in line.split_whitespace() {
            if let Some(t) = word.strip_prefix('[').and_then(|w| w.strip_suffix(']')) {
                if target.is_some() {
                    return Err(format!("line {lineno}: more than one [word]"));
                }
                let mut t = slot(t, lineno)?;
                if t.len() != 1 {
                    return Err(format!("line {lineno}: the [word] is one word"));
                }
                target = t.pop();
            } else if target.is_none() {
                before.push(slot(word, lineno)?);
            } else {
                after.push(slot(word, lineno)?);
            }
        }
        let Some(target) = target else {
            return Err(format!("line {lineno}: no [word] in '{line}'"));
        };
        if before.is_empty() && after.is_empty() {
            return Err(format!("line {lineno}: a phrase needs a context word"));
        }
        if before.len() > MAX_SIDE || after.len() > MAX_SIDE {
            return Err(format!("line {lineno}: at most {MAX_SIDE} words on each side of the [word]"));
        }
        out.push(Collocation { before, target, after });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format() {
        let c = parse("# c\nfree [rein]  # note\n(take|took) the [Reins]\n").unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].before, vec![vec![Box::from("free")]]);
        assert_eq!(&*c[1].target, "reins");
        assert_eq!(c[1].before[0], vec![Box::from("take"), Box::from("took")]);
        assert!(c[1].after.is_empty());
    }

    #[test]
    fn errors_name_the_line() {
        assert!(parse("free rein\n").unwrap_err().starts_with("line 1:"));
        assert!(parse("\n[rein]\n").unwrap_err().starts_with("line 2:"));
        assert!(parse("[a] [b]\n").unwrap_err().starts_with("line 1:"));
        assert!(parse("a1 [b]\n").unwrap_err().starts_with("line 1:"));
    }

    #[test]
    fn embedded_parses() {
        assert!(parse(EMBEDDED_COLLOCATIONS).unwrap().len() >= 100);
    }
}
