use super::{Context, Diagnostic, Rule, RuleGroup, RuleId, Severity};
use crate::analysis::Analysis;
use crate::hash::PrehashedBuild;
use std::collections::HashMap;

declare_rule! {
    /// The same quoted passage used twice in one article.
    ///
    /// ## What it does
    /// Flags the second and later use of a quote of five or more words whose words (case and
    /// punctuation aside) match an earlier quote, and a quote of six or more words that repeats
    /// inside another: a partial quote taken again from a full one, or a lede's partial quote
    /// that a later full quote repeats. Short phrases in quotes ("phase two") repeat
    /// legitimately and are not flagged.
    ///
    /// ## Why is this bad?
    /// A quote used twice is a sign of an edit that moved a paragraph and left the original,
    /// or of a top and a bottom written separately; readers notice, and it wastes space.
    ///
    /// ## Example
    ///     “We will not close the school,” Ruiz said. … Later: “We will not close the school,” she said.
    ///
    /// ## Use instead
    /// Keep the quote where it does most work; paraphrase or cut the other.
    pub struct DuplicateQuote;
}

/// Quotes shorter than this (in words) are phrases, and repeating them is normal.
const MIN_WORDS: usize = 5;

/// The hashes of a quote's words, case and punctuation aside, into `out`: each
/// whitespace-separated word of each part, trimmed of what is not a letter or digit, in
/// lower case with ’ as ', hashed (FNV-1a) as it is lowered, without building
/// the normalised text (the tests `word_hashes_match_the_normalised_text` and
/// `word_hashes_match_the_normalised_text_of_any_text` hold it to that).
fn word_hashes(q: &crate::quotes::Quote, doc: &crate::document::Document, out: &mut Vec<u64>) {
    out.clear();
    for &part in &q.parts {
        part_word_hashes(doc.text(part), out);
    }
}

/// The word hashes of one part, in one pass over its bytes: ASCII bytes are classed and
/// lowered by one table, a run of ASCII letters and digits is hashed in a loop of its
/// own, and only a non-ASCII char is decoded. A word's hash runs from its first letter
/// or digit, and is the one it had at its last letter or digit (the trimmed word's).
fn part_word_hashes(text: &str, out: &mut Vec<u64>) {
    let step = |h: u64, b: u8| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    let bytes = text.as_bytes();
    let (mut h, mut at_last) = (FNV_OFFSET, None);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let t = LOWERED[usize::from(b)];
        if t >= ALNUM {
            h = step(h, t);
            i += 1;
            while let Some(&b) = bytes.get(i) {
                let t = LOWERED[usize::from(b)];
                if t < ALNUM {
                    break;
                }
                h = step(h, t);
                i += 1;
            }
            at_last = Some(h);
            continue;
        }
        if t == SPACE {
            i += 1;
            push(out, at_last.take());
            h = FNV_OFFSET;
            continue;
        }
        if t == OTHER {
            i += 1;
            if at_last.is_some() {
                h = step(h, b);
            }
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if c.is_whitespace() {
            push(out, at_last.take());
            h = FNV_OFFSET;
            continue;
        }
        let alnum = crate::document::is_alphanumeric(c);
        if alnum || at_last.is_some() {
            let mut buf = [0u8; 4];
            for l in c.to_lowercase() {
                let l = if l == '’' { '\'' } else { l };
                h = l.encode_utf8(&mut buf).bytes().fold(h, step);
            }
            if alnum {
                at_last = Some(h);
            }
        }
    }
    push(out, at_last);
}

/// Push a word's hash, if a word ended: a push, where `extend` from an `Option` reserves and
/// counts through an iterator for each word.
#[inline]
fn push(out: &mut Vec<u64>, word: Option<u64>) {
    if let Some(h) = word {
        out.push(h);
    }
}

const SPACE: u8 = 0;
const OTHER: u8 = 1;
const NON_ASCII: u8 = 2;
/// The least [`LOWERED`] value of a letter or digit ('0').
const ALNUM: u8 = b'0';

/// A byte for [`part_word_hashes`]: an ASCII letter or digit lowered (`b | 0x20` lowers a
/// capital and leaves a small letter or a digit as it is), SPACE for the chars
/// `split_whitespace` splits at below 0x80 (tab to carriage return, space), OTHER for the
/// rest of ASCII, NON_ASCII for a byte of a multi-byte char.
const LOWERED: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            SPACE
        } else if c.is_ascii_alphanumeric() {
            c | 0x20
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

impl Rule for DuplicateQuote {
    fn id(&self) -> RuleId {
        RuleId::DuplicateQuote
    }
    fn severity(&self) -> Severity {
        Severity::Warning
    }
    fn group(&self) -> RuleGroup {
        RuleGroup::Drafts
    }
    fn doc(&self) -> &'static str {
        Self::DOC
    }
    fn check(&self, a: &Analysis, _: &Context) -> Vec<Diagnostic> {
        // Quotes are compared by hashes of their words (64-bit: a collision is not a
        // practical concern), so no quote's text is kept: whole quotes by the hash of all
        // their words; runs of SHINGLE words of earlier quotes (every run, for a later
        // quote inside an earlier one; each quote's first run, for an earlier quote
        // inside a later one), each with the quote it came from.
        let quotes = &a.quotes.quotes;
        // Sized once for about as many runs as the quotes have words (a word takes more
        // than four bytes with its space), so that the tables do not grow step by step;
        // the run table for half as many, as runs repeat and it grows in place.
        let words_about = (quotes.iter().map(|q| q.span.len()).sum::<usize>() / 5).min(MAX_RUNS);
        RUNS.with_borrow_mut(|runs| {
            runs.start(words_about / 2);
            self.find(a, runs)
        })
    }
}

impl DuplicateQuote {
    /// The findings, with `runs` the (empty) run table.
    fn find(&self, a: &Analysis, runs: &mut Runs) -> Vec<Diagnostic> {
        let quotes = &a.quotes.quotes;
        let mut seen: HashMap<u64, usize, PrehashedBuild> =
            HashMap::with_capacity_and_hasher(quotes.len(), PrehashedBuild::default());
        let mut firsts: HashMap<u64, usize, PrehashedBuild> =
            HashMap::with_capacity_and_hasher(quotes.len().min(MAX_RUNS), PrehashedBuild::default());
        // A bit for every key of `firsts` (by its top bits), asked before the map: most runs
        // open no earlier quote.
        let mut first_bits = [0u64; FIRST_BITS / 64];
        let first_bit = |h: u64| (h >> (64 - FIRST_BITS.trailing_zeros())) as usize;
        // Words and whole-quote hash of every quote indexed so far.
        let mut meta: Vec<(usize, u64)> = vec![(0, 0); quotes.len()];
        let mut out = Vec::new();
        // Buffers kept from quote to quote.
        let (mut word_hashes, mut hashes) = (Vec::new(), Vec::new());
        for (qi, q) in quotes.iter().enumerate() {
            self::word_hashes(q, &a.doc, &mut word_hashes);
            let words = word_hashes.len();
            if words < MIN_WORDS {
                continue;
            }
            let line_of = |at: usize| a.doc.lines.line_col(&a.doc.source, at).0;
            let whole = combine(&word_hashes);
            meta[qi] = (words, whole);
            let found = match seen.get(&whole) {
                Some(&qj) => Some(format!("this quote already appears on line {}", line_of(quotes[qj].span.start))),
                None => {
                    seen.insert(whole, qi);
                    run_hashes(&word_hashes, &mut hashes);
                    // These words inside an earlier, longer quote: every run of them is one
                    // of its runs.
                    let first = hashes.first().and_then(|&h| runs.get(h));
                    let inside = first.filter(|&qj| hashes.iter().all(|&h| runs.get(h) == Some(qj)));
                    // An earlier, shorter quote inside these words.
                    let holds = hashes.iter().enumerate().find_map(|(p, h)| {
                        let bit = first_bit(*h);
                        if first_bits[bit / 64] & (1 << (bit % 64)) == 0 {
                            return None;
                        }
                        let qj = *firsts.get(h)?;
                        let (len, full) = meta[qj];
                        (p + len <= words && combine(&word_hashes[p..p + len]) == full).then_some(qj)
                    });
                    runs.insert_all_first(&hashes, qi);
                    if let Some(&h) = hashes.first() {
                        if firsts.len() < MAX_RUNS {
                            firsts.entry(h).or_insert(qi);
                            let bit = first_bit(h);
                            first_bits[bit / 64] |= 1 << (bit % 64);
                        }
                    }
                    match (inside, holds) {
                        (Some(qj), _) => {
                            Some(format!("these words are already quoted on line {}", line_of(quotes[qj].span.start)))
                        }
                        (None, Some(qj)) => Some(format!(
                            "this quote repeats words already quoted on line {}",
                            line_of(quotes[qj].span.start)
                        )),
                        (None, None) => None,
                    }
                }
            };
            if let Some(message) = found {
                out.push(
                    Diagnostic::new(self, q.span, message)
                        .help("keep one use of the quote; paraphrase or cut the other"),
                );
            }
        }
        out
    }
}

/// Words in a run that makes a repeat: a partial quote of fewer words is a phrase.
const SHINGLE: usize = 6;
/// Runs indexed at most (a few MB): a huge file stops indexing, it does not grow.
const MAX_RUNS: usize = 1 << 16;
/// Bits of the filter in front of the first runs of quotes.
const FIRST_BITS: usize = 1 << 12;

/// The hash of every run of SHINGLE words, into `out`: a polynomial in the words'
/// hashes, rolled from one run to the next (take the word that leaves, add the one that
/// comes), where [`combine`] would fold SHINGLE words for every run. Runs are compared
/// only with runs.
fn run_hashes(word_hashes: &[u64], out: &mut Vec<u64>) {
    out.clear();
    let Some(head) = word_hashes.get(..SHINGLE) else { return };
    let mut h = head.iter().fold(0u64, |h, &w| h.wrapping_mul(RUN_BASE).wrapping_add(w));
    out.push(h);
    for (&gone, &w) in word_hashes.iter().zip(&word_hashes[SHINGLE..]) {
        h = h.wrapping_sub(gone.wrapping_mul(RUN_BASE_TOP)).wrapping_mul(RUN_BASE).wrapping_add(w);
        out.push(h);
    }
}

/// The base of [`run_hashes`]' polynomial (odd), and its power for a run's first word.
const RUN_BASE: u64 = 0x9e37_79b9_7f4a_7c15;
const RUN_BASE_TOP: u64 = {
    let (mut p, mut k) = (1u64, 1);
    while k < SHINGLE {
        p = p.wrapping_mul(RUN_BASE);
        k += 1;
    }
    p
};

/// Runs of words by hash, each with the first quote it came from (what
/// `HashMap::entry(h).or_insert(quote)` keeps): open addressing, probed linearly from the
/// top bits of the hash spread by one multiply, kept at most half full. 0 marks a free
/// slot; a run whose hash is 0 is kept aside. One table serves every file a thread
/// checks ([`RUNS`]): [`Runs::start`] frees the slots the last file used, so no file
/// allocates and zeroes a table of its own; a file uses the first `1 << bits` slots.
#[derive(Default)]
struct Runs {
    keys: Vec<u64>,
    quotes: Vec<u32>,
    /// The slots in use, to free them.
    used: Vec<u32>,
    zero: Option<u32>,
    bits: u32,
}

thread_local! {
    static RUNS: std::cell::RefCell<Runs> = std::cell::RefCell::new(Runs::default());
}

impl Runs {
    /// Empty the table, with room for about `runs` runs before it grows.
    fn start(&mut self, runs: usize) {
        for &i in &self.used {
            self.keys[i as usize] = 0;
        }
        self.used.clear();
        self.zero = None;
        self.bits = (runs.max(8) * 2).next_power_of_two().trailing_zeros();
        self.reserve();
    }

    /// Slots for `1 << bits`.
    fn reserve(&mut self) {
        if self.keys.len() < 1 << self.bits {
            self.keys.resize(1 << self.bits, 0);
            self.quotes.resize(1 << self.bits, 0);
        }
    }

    fn len(&self) -> usize {
        self.used.len() + usize::from(self.zero.is_some())
    }

    fn slot(&self, h: u64) -> usize {
        (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - self.bits)) as usize
    }

    fn get(&self, h: u64) -> Option<usize> {
        if h == 0 {
            return self.zero.map(|q| q as usize);
        }
        let mask = (1 << self.bits) - 1;
        let mut i = self.slot(h);
        loop {
            match self.keys[i] {
                k if k == h => return Some(self.quotes[i] as usize),
                0 => return None,
                _ => i = (i + 1) & mask,
            }
        }
    }

    /// Index run `h` as quote `qi`'s, unless an earlier quote has it.
    #[cfg(test)]
    fn insert_first(&mut self, h: u64, qi: usize) {
        self.insert_all_first(&[h], qi);
    }

    /// [`Runs::insert_first`] of each of `runs` in turn, while fewer than MAX_RUNS runs
    /// are indexed.
    fn insert_all_first(&mut self, runs: &[u64], qi: usize) {
        let qi = u32::try_from(qi).expect("fewer quotes than u32::MAX");
        if self.len() + runs.len() <= MAX_RUNS {
            // None of them can reach the cap: room is made once, and no run is tested.
            self.make_room(runs.len());
            for &h in runs {
                self.put(h, qi);
            }
            return;
        }
        for &h in runs {
            if self.len() < MAX_RUNS {
                self.make_room(1);
                self.put(h, qi);
            }
        }
    }

    /// Enough slots for `more` runs beyond those indexed, the table at most half full.
    fn make_room(&mut self, more: usize) {
        if (self.len() + more) * 2 <= 1 << self.bits {
            return;
        }
        let entries: Vec<(u64, u32)> = self
            .used
            .drain(..)
            .map(|i| {
                let i = i as usize;
                let entry = (self.keys[i], self.quotes[i]);
                self.keys[i] = 0;
                entry
            })
            .collect();
        let zero = self.zero.take();
        self.start(entries.len() + usize::from(zero.is_some()) + more);
        self.zero = zero;
        for (k, q) in entries {
            self.put(k, q);
        }
    }

    /// Index `h` as quote `qi`'s unless it is indexed; there is room.
    #[inline]
    fn put(&mut self, h: u64, qi: u32) {
        if h == 0 {
            self.zero = self.zero.or(Some(qi));
            return;
        }
        let mask = (1 << self.bits) - 1;
        let mut i = self.slot(h);
        loop {
            match self.keys[i] {
                k if k == h => return,
                0 => {
                    self.keys[i] = h;
                    self.quotes[i] = qi;
                    self.used.push(i as u32);
                    return;
                }
                _ => i = (i + 1) & mask,
            }
        }
    }
}

/// FNV-1a of a word.
#[cfg(test)]
fn word_hash(word: &str) -> u64 {
    word.bytes().fold(FNV_OFFSET, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The hash of a run of words, from the words' hashes (order matters).
fn combine(hashes: &[u64]) -> u64 {
    hashes.iter().fold(0x9e37_79b9_7f4a_7c15, |h, &x| (h.rotate_left(23) ^ x).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::DuplicateQuote as R;
    use crate::rules::testing::*;

    /// The obvious form of `word_hashes`: the quote's text normalised into one string
    /// (words trimmed of punctuation, lower case, ’ as '), split at its spaces, each word
    /// hashed.
    fn normalise(text: &str) -> String {
        let mut out = String::new();
        for word in text.split_whitespace() {
            let w = word.trim_matches(|c: char| !c.is_alphanumeric());
            if w.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.extend(w.chars().flat_map(char::to_lowercase).map(|c| if c == '’' { '\'' } else { c }));
        }
        out
    }

    #[test]
    fn word_hashes_match_the_normalised_text() {
        let text = "“We WILL not — close the school’s Doors,” Ruiz said. “İstanbul’s ÉCOLE, 'Straße' ΣΟΦΊΑ …\n\n\
                    “and the ‘rest’ of it, 42-year-old U.S. café-owners!”\n\n\
                    \"Plain ASCII -- (words), 'here' and\tTHERE\x0bvt\x0cff \x1cfs... 3.5% #1!\" she said.\n\n\
                    \"A mixed one: naïve 'quotes' -- and ASCII\u{a0}words, CAFÉ's\" he said.\n\n\
                    “Co—op’s ’tis ‘ÅNGSTRÖM’— İİ x\u{2003}y ¿qué?\u{85}Ωmega …end…” she said.";
        let a = crate::analyze(crate::document::Document::parse(
            "a.txt".as_ref(),
            text.into(),
            crate::document::Format::Text,
        ));
        assert!(a.quotes.quotes.len() >= 4);
        for q in &a.quotes.quotes {
            let mut got = Vec::new();
            super::word_hashes(q, &a.doc, &mut got);
            let key = normalise(&q.text(&a.doc));
            let want: Vec<u64> =
                if key.is_empty() { Vec::new() } else { key.split(' ').map(super::word_hash).collect() };
            assert_eq!(got, want, "{key}");
        }
    }

    #[test]
    fn word_hashes_match_the_normalised_text_of_any_text() {
        // Pieces to join at random, split at '|'.
        let pieces: Vec<&str> = "a|Z|q|7|Ab|internationalization|COUNTER|x| | |  |\n|\t|-|'|’|.|,|(|é|É|ß|İ|Σ|—|\u{a0}|\u{2003}|…|“|1|0123456789|ABCDEFGHIJKLMNO"
            .split('|')
            .collect();
        let mut x = 11u64;
        let mut text = String::new();
        for _ in 0..3000 {
            text.clear();
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let len = (x >> 58) as usize;
            for k in 0..len {
                let r = x.rotate_left(7 * k as u32 + 3) ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
                text.push_str(pieces[(r >> 40) as usize % pieces.len()]);
            }
            let mut got = Vec::new();
            super::part_word_hashes(&text, &mut got);
            let key = normalise(&text);
            let want: Vec<u64> =
                if key.is_empty() { Vec::new() } else { key.split(' ').map(super::word_hash).collect() };
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn runs_keep_the_first_quote_of_each_run_as_a_map_would() {
        let mut x = 1u64;
        let mut next = || {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            x
        };
        // Repeated keys, small keys and 0, past several growths.
        let pool: Vec<u64> = (0..3000).map(|i| if i % 300 == 0 { 0 } else { next() >> (i % 64) }).collect();
        // One table for several files, as a thread's is: each starts empty.
        let mut runs = super::Runs::default();
        for (file, count) in [(0, 6000), (1, 50), (2, 3000)] {
            runs.start(4 + file);
            let mut map = std::collections::HashMap::new();
            for qi in 0..count {
                let h = pool[(next() >> 33) as usize % pool.len()];
                runs.insert_first(h, qi);
                map.entry(h).or_insert(qi);
                assert_eq!(runs.len(), map.len());
            }
            for &h in pool.iter().chain(&[7, 1 << 40, u64::MAX]) {
                assert_eq!(runs.get(h), map.get(&h).copied(), "{h}");
            }
        }
    }

    #[test]
    fn run_hashes_are_the_polynomial_of_each_run() {
        let words: Vec<u64> = (0..40u64).map(|i| [3, 1 << 63, u64::MAX, 0, 12_345][(i * i % 7 % 5) as usize]).collect();
        let mut got = Vec::new();
        super::run_hashes(&words, &mut got);
        let want: Vec<u64> = words
            .windows(super::SHINGLE)
            .map(|run| run.iter().fold(0u64, |h, &w| h.wrapping_mul(super::RUN_BASE).wrapping_add(w)))
            .collect();
        assert_eq!(got, want);
        super::run_hashes(&words[..super::SHINGLE - 1], &mut got);
        assert!(got.is_empty());
    }

    #[test]
    fn a_full_quote_used_twice() {
        let text = "“We will not close the school,” Ruiz said.\n\nLater she repeated: “We will not close the school.”";
        assert_count(&R, text, 1);
        assert_flags(&R, text, "“We will not close the school.”");
    }

    #[test]
    fn a_short_phrase_may_be_repeated() {
        // near miss: short phrases
        assert_count(&R, "It is “phase two,” she said. Then came “phase two” again.", 0);
    }

    #[test]
    fn different_quotes_are_no_repeat() {
        // near miss: different quotes
        assert_count(&R, "“We will not close the school,” Ruiz said. “We will close the pool,” she said.", 0);
    }

    #[test]
    fn a_partial_quote_repeating_a_full_one() {
        // A later partial quote inside an earlier full one, and an earlier partial quote
        // (a lede's) inside a later full one.
        let later = "“That was not a slip. It was a betrayal of the trust that every tenant placed in us,” Lim said.\n\n\
                     In her ruling, Lim called the evictions “a betrayal of the trust that every tenant placed in us” and fined him.";
        assert_flags(&R, later, "“a betrayal of the trust that every tenant placed in us”");
        let lede =
            "The governor said the bank would “hold rates steady until prices are clearly falling” this year.\n\n\
                    “We will hold rates steady until prices are clearly falling,” she said.";
        assert_flags(&R, lede, "“We will hold rates steady until prices are clearly falling,”");
        // near misses: a shared phrase shorter than six words, and the same opening words
        // going on differently
        assert_count(
            &R,
            "It was “a recipe for disaster,” she said. “This plan is a recipe for disaster,” Ruiz said.",
            0,
        );
        assert_count(
            &R,
            "“We will hold rates steady until prices fall,” she said. Later: “We will hold rates steady until wages rise.”",
            0,
        );
    }
}
