//! The word lists in data/lexicon, embedded and parsed once.
//!
//! Lists are data, not code: the attribution and sourcing stages ask "is this a speech
//! verb?", "is this a title?", never match phrases written into the source.

use crate::hash::FastBuild;
use crate::wordset::WordSet;
use std::sync::OnceLock;

// (The readers run in build.rs and the tests; a run reads only `kind_lines`.)
#[cfg_attr(not(test), allow(dead_code))]
mod lists;

/// The tables of the word lists that are sets, built by build.rs from data/lexicon with
/// [`lists`]' readers (one `Parts` static for each of [`lists::SETS`], and `ALL`, each
/// name with its table): a run copies them rather than parsing the lists and filling the
/// tables at start.
// (`ALL` is for the tests.)
#[cfg_attr(not(test), allow(dead_code))]
mod sets {
    use crate::wordset::Parts;
    include!(concat!(env!("OUT_DIR"), "/lexicon_sets.rs"));
}

struct Lexicon {
    speech_verbs: LowerSet,
    loaded_verbs: LowerSet,
    abbreviations: WordSet,
    sentence_openers: WordSet,
    titles: LowerSet,
    bodies: LowerSet,
    documents: LowerSet,
    capitals: WordSet,
    anonymous: LowerSet,
    public: LowerSet,
    vague: Vec<&'static str>,
    /// Each vague phrase → its first position in `vague`.
    vague_index: std::collections::HashMap<&'static str, usize, FastBuild>,
    anonymity_reasons: Vec<&'static str>,
    social_media: WordSet,
    family_first: WordSet,
    given_names: WordSet,
    /// Whether a word may be a given name (`given_names` or `us_names`), as written.
    given_filter: ShapeFilter,
    male_names: WordSet,
    female_names: WordSet,
    /// Capital or demonym (as written) → country.
    countries: std::collections::HashMap<&'static str, &'static str, FastBuild>,
    country_names: WordSet,
    /// Group words: parties, faiths, peoples (data/lexicon/groups.txt).
    groups: WordSet,
    groups_filter: ShapeFilter,
    /// Capitalised last words of places and organisations (data/lexicon/place_nouns.txt).
    place_nouns: WordSet,
    /// Words skipped between a subject and its verb (data/lexicon/adverbs.txt).
    adverbs: WordSet,
    /// Words that end a noun phrase read forward (data/lexicon/function_words.txt).
    function_words: WordSet,
    /// Capitalised words that never name anyone (data/lexicon/not_names.txt).
    not_names: WordSet,
    not_names_filter: ShapeFilter,
    /// Place names that are not people: countries, states, regions, large cities.
    places: WordSet,
    /// Whether a name may be a place (`places` or `country_names`), as written.
    places_filter: ShapeFilter,
    /// Nouns a surname modifies without naming the person (data/lexicon/name_modifiers.txt).
    name_modifiers: WordSet,
    /// Words that make a speech verb before them a participle (data/lexicon/reduced_relatives.txt).
    reduced_relatives: WordSet,
    /// The most frequent US surnames (data/lexicon/surnames_us.txt).
    surnames: WordSet,
    /// US given names with who bears them (data/lexicon/given_names_us.txt).
    us_names: std::collections::HashMap<&'static str, &'static str, FastBuild>,
    /// Furniture labels and credit words by kind (data/lexicon/furniture.txt).
    furniture: Vec<(&'static str, Vec<&'static str>)>,
}

/// Each item → the position of its first occurrence.
fn first_positions(items: &[&'static str]) -> std::collections::HashMap<&'static str, usize, FastBuild> {
    let mut out = std::collections::HashMap::default();
    for (i, &item) in items.iter().enumerate() {
        out.entry(item).or_insert(i);
    }
    out
}

fn phrases(data: &'static str) -> Vec<&'static str> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()).collect()
}

/// `Country | capitals | demonyms` lines: every capital and demonym (one or more words,
/// separated by spaces; multi-word forms are listed whole) maps to its country.
fn countries(data: &'static str) -> std::collections::HashMap<&'static str, &'static str, FastBuild> {
    let mut out = std::collections::HashMap::default();
    for line in data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty()) {
        let mut fields = line.split('|').map(str::trim);
        let Some(country) = fields.next() else { continue };
        for field in fields {
            // Multi-word forms first ("Addis Ababa", "South Korean"), then single words.
            for form in multi_word_forms(field) {
                out.insert(form, country);
            }
        }
    }
    out
}

/// The forms of one field: capitalised words, joined when they belong together (a word
/// followed by a capitalised word that is not a form on its own is kept with it).
fn multi_word_forms(field: &'static str) -> Vec<&'static str> {
    let words: Vec<&str> = field.split_whitespace().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // Two-word forms are written with their second word capitalised and their first
        // a direction or a known first word.
        if i + 1 < words.len()
            && matches!(words[i], "South" | "North" | "New" | "Addis" | "Buenos" | "Mexico" | "Saudi")
        {
            let start = field.find(words[i]).unwrap_or(0);
            let end = field[start..].find(words[i + 1]).map_or(start, |p| start + p + words[i + 1].len());
            out.push(&field[start..end]);
            i += 2;
            continue;
        }
        out.push(words[i]);
        i += 1;
    }
    out
}

/// `kind: form | form | …` lines.
fn kinds(data: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    lists::kind_lines(data)
        .map(|(kind, forms)| (kind.trim(), forms.split('|').map(str::trim).filter(|f| !f.is_empty()).collect()))
        .collect()
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut lex = Lexicon {
            speech_verbs: LowerSet::new(WordSet::from_parts(&sets::SPEECH_VERBS)),
            loaded_verbs: LowerSet::new(WordSet::from_parts(&sets::LOADED_VERBS)),
            abbreviations: WordSet::from_parts(&sets::ABBREVIATIONS),
            sentence_openers: WordSet::from_parts(&sets::SENTENCE_OPENERS),
            titles: LowerSet::new(WordSet::from_parts(&sets::TITLES)),
            bodies: LowerSet::new(WordSet::from_parts(&sets::BODIES)),
            documents: LowerSet::new(WordSet::from_parts(&sets::DOCUMENTS)),
            capitals: WordSet::from_parts(&sets::CAPITALS),
            anonymous: LowerSet::new(WordSet::from_parts(&sets::ANONYMOUS)),
            public: LowerSet::new(WordSet::from_parts(&sets::PUBLIC)),
            vague: phrases(include_str!("../data/lexicon/vague.txt")),
            vague_index: first_positions(&phrases(include_str!("../data/lexicon/vague.txt"))),
            anonymity_reasons: phrases(include_str!("../data/lexicon/anonymity_reasons.txt")),
            social_media: WordSet::from_parts(&sets::SOCIAL_MEDIA),
            family_first: WordSet::from_parts(&sets::FAMILY_FIRST),
            given_names: WordSet::from_parts(&sets::GIVEN_NAMES),
            male_names: WordSet::from_parts(&sets::MALE_NAMES),
            female_names: WordSet::from_parts(&sets::FEMALE_NAMES),
            countries: countries(include_str!("../data/lexicon/countries.txt")),
            country_names: WordSet::from_parts(&sets::COUNTRY_NAMES),
            furniture: kinds(include_str!("../data/lexicon/furniture.txt")),
            groups: WordSet::from_parts(&sets::GROUPS),
            place_nouns: WordSet::from_parts(&sets::PLACE_NOUNS),
            adverbs: WordSet::from_parts(&sets::ADVERBS),
            function_words: WordSet::from_parts(&sets::FUNCTION_WORDS),
            not_names: WordSet::from_parts(&sets::NOT_NAMES),
            surnames: WordSet::from_parts(&sets::SURNAMES),
            reduced_relatives: WordSet::from_parts(&sets::REDUCED_RELATIVES),
            name_modifiers: WordSet::from_parts(&sets::NAME_MODIFIERS),
            places: WordSet::from_parts(&sets::PLACES),
            us_names: include_str!("../data/lexicon/given_names_us.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| l.split_once(' '))
                .collect(),
            given_filter: ShapeFilter::default(),
            groups_filter: ShapeFilter::default(),
            not_names_filter: ShapeFilter::default(),
            places_filter: ShapeFilter::default(),
        };
        lex.given_filter = ShapeFilter::new(lex.given_names.iter().chain(lex.us_names.keys()));
        lex.groups_filter = ShapeFilter::new(&lex.groups);
        lex.not_names_filter = ShapeFilter::new(&lex.not_names);
        lex.places_filter = ShapeFilter::new(lex.places.iter().chain(&lex.country_names));
        lex
    })
}

/// A filter in front of a case-sensitive word list: one bit of 16,384 for each word's
/// length with its first, second and last byte, as written. Most words asked about
/// (every capitalised word is asked whether it is a place, a given name, …) have no
/// listed word's shape, and are answered without hashing them or probing the table.
struct ShapeFilter(Box<[u64; SHAPE_FILTER_WORDS]>);

/// 64-bit words of a [`ShapeFilter`].
const SHAPE_FILTER_WORDS: usize = 256;

impl Default for ShapeFilter {
    fn default() -> Self {
        ShapeFilter(Box::new([0; SHAPE_FILTER_WORDS]))
    }
}

impl ShapeFilter {
    fn new<'a>(words: impl IntoIterator<Item = &'a &'static str>) -> ShapeFilter {
        let mut filter = ShapeFilter::default();
        for w in words {
            let bit = shape_bit(w.as_bytes());
            filter.0[bit / 64] |= 1 << (bit % 64);
        }
        filter
    }

    /// False when no listed word has the shape of `word`.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        let bit = shape_bit(word.as_bytes());
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The [`ShapeFilter`] bit of a word: [`filter_bit`]'s key without lowering, mixed by one
/// multiplication into the top 14 bits.
#[inline]
fn shape_bit(word: &[u8]) -> usize {
    let byte = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0));
    let key = (word.len() as u32 & 0xFF) | byte(word.first()) << 8 | byte(word.get(1)) << 16 | byte(word.last()) << 24;
    (key.wrapping_mul(0x2745_937F) >> (32 - 14)) as usize
}

/// A word list asked about case-insensitively ([`has_lower`]): the words, and a filter of
/// 16,384 bits, one set for each word's length with its first, second and last byte in
/// ASCII lower case, which answers no for most words without copying or hashing them.
struct LowerSet {
    words: WordSet,
    filter: Box<[u64; FILTER_WORDS]>,
}

/// 64-bit words of a [`LowerSet`]'s filter.
const FILTER_WORDS: usize = 256;

impl LowerSet {
    fn new(words: WordSet) -> LowerSet {
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        for w in &words {
            let bit = filter_bit(w.as_bytes());
            filter[bit / 64] |= 1 << (bit % 64);
        }
        LowerSet { words, filter }
    }
}

/// The filter bit of a word: its length (its low byte), first, second and last byte
/// (case folded), packed into one word and mixed by one multiplication, whose top
/// fourteen bits every input bit reaches. A byte is folded by setting its bit 5: an ASCII
/// capital becomes its lower case, and any other byte is folded alike in a listed word and
/// in a word asked, so a word whose ASCII lower case is listed has a listed word's bit.
/// (One instruction a byte where lowering takes a compare: every word of an article is
/// asked, of several lists.)
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let fold = |b: u8| u32::from(b | 0x20);
    let key = match *word {
        [] => 0,
        [only] => 1 | fold(only) << 8 | fold(only) << 24,
        [first, second, ..] => {
            (word.len() as u32 & 0xFF) | fold(first) << 8 | fold(second) << 16 | fold(word[word.len() - 1]) << 24
        }
    };
    (key.wrapping_mul(0x2745_937F) >> (32 - 14)) as usize
}

/// Whether `set` holds `word` in ASCII lower case. The filter is asked inline, in the
/// caller: it answers no for most words (every word of an article is asked whether it is
/// a speech verb), and the look-up is a call of its own.
#[inline]
fn has_lower(set: &LowerSet, word: &str) -> bool {
    let bit = filter_bit(word.as_bytes());
    set.filter[bit / 64] & (1 << (bit % 64)) != 0 && has_lower_listed(set, word)
}

/// [`has_lower`] past the filter: the word looked up as lowered, without a copy.
#[inline(never)]
fn has_lower_listed(set: &LowerSet, word: &str) -> bool {
    set.words.contains_ascii_lowercase(word)
}

/// What kind of furniture label a line is (`summary`, `note`, `label`), given the line
/// without its final period or colon, in capitals.
pub fn furniture_label(line: &str) -> Option<&'static str> {
    lexicon()
        .furniture
        .iter()
        .filter(|(kind, _)| *kind != "credit")
        .find(|(_, forms)| forms.iter().any(|f| f.eq_ignore_ascii_case(line)))
        .map(|(kind, _)| *kind)
}

/// Whether a short line holds a picture credit ("Getty Images", "AP Photo/…").
pub fn has_credit(line: &str) -> bool {
    lexicon().furniture.iter().filter(|(kind, _)| *kind == "credit").flat_map(|(_, f)| f).any(|f| line.contains(f))
}

/// A verb form that attributes words ("said", "told", "wrote"); case-insensitive.
pub fn is_speech_verb(word: &str) -> bool {
    has_lower(&lexicon().speech_verbs, word)
}
/// An attribution verb that takes a side ("claimed", "admitted").
pub fn is_loaded_verb(word: &str) -> bool {
    has_lower(&lexicon().loaded_verbs, word)
}
/// A word that takes a period without ending the sentence ("Gov", "Jan"); case-sensitive.
pub fn is_abbreviation(word: &str) -> bool {
    lexicon().abbreviations.contains(word)
}
/// A word that usually starts a sentence ("The", "But").
pub fn is_sentence_opener(word: &str) -> bool {
    lexicon().sentence_openers.contains(word)
}
/// A title or role word ("President", "minister", "Dr."); case-insensitive.
pub fn is_title(word: &str) -> bool {
    has_lower(&lexicon().titles, word)
}
/// A head noun of a body that speaks ("ministry", "company").
pub fn is_body_noun(word: &str) -> bool {
    has_lower(&lexicon().bodies, word)
        || word.strip_suffix("ies").is_some_and(|stem| {
            // "authorities" → "authority", without allocating for the common short stem.
            let mut buf = [0u8; 48];
            let n = stem.len();
            n < buf.len() && {
                buf[..n].copy_from_slice(stem.as_bytes());
                buf[n] = b'y';
                std::str::from_utf8(&buf[..=n]).is_ok_and(|s| has_lower(&lexicon().bodies, s))
            }
        })
        || word.strip_suffix('s').is_some_and(|stem| stem.len() > 2 && has_lower(&lexicon().bodies, stem))
}
/// A head noun of a document that carries words ("statement", "readout").
pub fn is_document_noun(word: &str) -> bool {
    has_lower(&lexicon().documents, word)
}
/// A place by any list: a place, a capital or a country ("Bend", "Lisbon", "Peru").
pub fn is_any_place(name: &str) -> bool {
    is_place(name) || is_capital(name) || country_of(name).is_some()
}
/// A capital used for its government ("Beijing"); case-sensitive.
pub fn is_capital(word: &str) -> bool {
    lexicon().capitals.contains(word)
}
/// A head noun of an unnamed source ("official", "diplomat").
pub fn is_anonymous_noun(word: &str) -> bool {
    has_lower(&lexicon().anonymous, word)
}
/// A member of the public heard or read in public ("a man yelled", "one voter said").
pub fn is_member_of_public(word: &str) -> bool {
    has_lower(&lexicon().public, word)
}
/// The vague-source phrases, lowercase, longest first is not guaranteed.
pub fn vague_phrases() -> &'static [&'static str] {
    &lexicon().vague
}
/// The first vague phrase (in the order of `vague_phrases()`) that a lowercase phrase is,
/// or, for a phrase of one word, that ends it after a space ("the critics" → "critics"):
/// two look-ups where a scan of the list compared every phrase. The test
/// `vague_phrase_matches_the_scan` holds it to the scan.
pub fn vague_phrase(lower: &str) -> Option<&'static str> {
    let lex = lexicon();
    let whole = lex.vague_index.get(lower).copied();
    // A one-word phrase ending `lower` after a space is what follows its last space.
    let last = lower.rsplit_once(' ').and_then(|(_, word)| lex.vague_index.get(word).copied());
    let first = match (whole, last) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    Some(lex.vague[first])
}
/// Phrases that explain why a source is anonymous.
pub fn anonymity_reasons() -> &'static [&'static str] {
    &lexicon().anonymity_reasons
}
/// A social-media platform name or posting verb.
pub fn is_social_media(word: &str) -> bool {
    lexicon().social_media.contains(word)
}

/// The country a capital or demonym stands for ("Beijing", "Chinese" → "China").
pub fn country_of(form: &str) -> Option<&'static str> {
    lexicon().countries.get(form).copied()
}

/// A country's name as written ("Ireland", "New Zealand").
pub fn is_country(name: &str) -> bool {
    lexicon().country_names.contains(name)
}

/// The pronoun a given name almost always takes ("Jorge" he, "Rosa" she); None for names
/// used by both or not listed (data/lexicon/given_names_gender.txt).
pub fn given_name_gender(word: &str) -> Option<Pronoun> {
    let lex = lexicon();
    if lex.male_names.contains(word) {
        Some(Pronoun::He)
    } else if lex.female_names.contains(word) {
        Some(Pronoun::She)
    } else {
        match lex.us_names.get(word) {
            Some(&"male") => Some(Pronoun::He),
            Some(&"female") => Some(Pronoun::She),
            _ => None,
        }
    }
}

/// A family name written first in its own tradition (Chinese, Korean, Vietnamese).
/// A common given name ("Mustafa", "Ana", "Ji-hoon"), compared as written.
pub fn is_given_name(word: &str) -> bool {
    let lex = lexicon();
    lex.given_filter.may_hold(word) && (lex.given_names.contains(word) || lex.us_names.contains_key(word))
}

/// A lowercase noun a surname modifies without naming the person ("administration" in
/// "the Obama administration").
pub fn is_name_modifier(word: &str) -> bool {
    lexicon().name_modifiers.contains(word)
}

/// A word after a speech verb that makes the verb a participle ("reported missing").
pub fn is_reduced_relative(word: &str) -> bool {
    lexicon().reduced_relatives.contains(word)
}

/// One of the most frequent US surnames ("Park", "Brown", "Young"), as written.
pub fn is_common_surname(word: &str) -> bool {
    lexicon().surnames.contains(word)
}

/// A word that names a group, never one person: a party, a faith, a people
/// ("Republicans", "Muslims", "GOP"); case-sensitive, possessive allowed.
pub fn is_group_word(word: &str) -> bool {
    let word = trim_suffix(trim_suffix(word, "'s"), "’s").trim_end_matches(['\'', '’']);
    let lex = lexicon();
    lex.groups_filter.may_hold(word) && lex.groups.contains(word)
}

/// Capitalised words that never name anyone, exactly as written.
pub fn is_listed_not_name(word: &str) -> bool {
    let lex = lexicon();
    lex.not_names_filter.may_hold(word) && lex.not_names.contains(word)
}

/// Words skipped between a subject and its verb, exactly as written.
pub fn is_listed_adverb(word: &str) -> bool {
    lexicon().adverbs.contains(word)
}

/// An article, auxiliary, preposition, conjunction or relative word, in lower case.
pub fn is_function_word(word: &str) -> bool {
    lexicon().function_words.contains(word)
}

/// A capitalised last word that makes a name a place or an organisation ("Institute",
/// "Center"), exactly as written.
pub fn is_place_noun(word: &str) -> bool {
    lexicon().place_nouns.contains(word)
}

/// A place that is not a person: a country, US state, region or large city, as written
/// ("North Korea", "Nevada", "Asia"); data/lexicon/places.txt (GeoNames).
pub fn is_place(name: &str) -> bool {
    let name = trim_suffix(trim_suffix(name, "'s"), "’s");
    let lex = lexicon();
    lex.places_filter.may_hold(name) && (lex.places.contains(name) || lex.country_names.contains(name))
}

/// How common a word is in English text, per million words (lower-cased first); 0 for a
/// word the embedded counts do not list.
pub fn per_million(word: &str) -> f64 {
    let model = crate::confusables::Checker::embedded().model();
    // An ASCII word with no capital is its own lower case: no copy.
    if !word.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        return model.per_million(word);
    }
    crate::chars::with_lowercase(word, |lower| model.per_million(lower))
}

/// `text` with every repetition of `suffix` taken off its end, as
/// `text.trim_end_matches(suffix)`, without building a substring searcher per call.
fn trim_suffix<'a>(mut text: &'a str, suffix: &str) -> &'a str {
    while let Some(rest) = text.strip_suffix(suffix) {
        text = rest;
    }
    text
}
pub fn is_family_first(word: &str) -> bool {
    lexicon().family_first.contains(word)
}

/// Subject pronouns and the gender they carry, if any.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    match word {
        "he" | "He" => Some(Pronoun::He),
        "she" | "She" => Some(Pronoun::She),
        "they" | "They" => Some(Pronoun::They),
        "it" | "It" => Some(Pronoun::It),
        _ => None,
    }
}

/// A personal subject pronoun with a contracted auxiliary ("He’s predicting", "She'd said",
/// "They’ve argued"): the pronoun and its length in bytes. Not "it": "It’s said that …"
/// has no speaker.
pub fn contracted_pronoun(word: &str) -> Option<(Pronoun, usize)> {
    let (base, _) = ["’s", "'s", "’d", "'d", "’ve", "'ve", "’re", "'re", "’ll", "'ll"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix).map(|b| (b, suffix)))?;
    pronoun(base).filter(|p| *p != Pronoun::It).map(|p| (p, base.len()))
}

/// A subject pronoun that can attribute a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    He,
    She,
    They,
    It,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list read by [`list_words`] gives the words of splitting each line at `#`
    /// and the rest at white space.
    #[test]
    fn list_words_are_the_split_words() {
        let split = |data: &'static str| -> Vec<&'static str> {
            data.lines().map(|l| l.split('#').next().unwrap_or("")).flat_map(str::split_whitespace).collect()
        };
        let mut lists = vec!["", "#", "a#b c\n#d\n e\tf\r\ng # h\n\n  i", "x\u{b}y\u{c}z#"];
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/lexicon")).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                lists.push(std::fs::read_to_string(path).unwrap().leak());
            }
        }
        assert!(lists.len() > 20);
        for data in lists {
            assert_eq!(lists::list_words(data).collect::<Vec<_>>(), split(data), "{}", &data[..data.len().min(80)]);
        }
    }

    /// Each set's table that build.rs wrote is the set its list makes when read now: the
    /// same words in the same order, the same slots, and so the same answers.
    #[test]
    fn compiled_sets_are_the_lists_read() {
        assert_eq!(sets::ALL.len(), lists::SETS.len());
        for ((name, file, reader), (built, parts)) in lists::SETS.iter().zip(sets::ALL) {
            assert_eq!(name, built);
            let path = format!("{}/data/lexicon/{file}", env!("CARGO_MANIFEST_DIR"));
            let data: &'static str = std::fs::read_to_string(path).unwrap().leak();
            let words = lists::read(data, reader);
            assert!(!words.is_empty(), "{name}");
            let read: WordSet = words.iter().copied().collect();
            let compiled = WordSet::from_parts(parts);
            assert_eq!(compiled.iter().collect::<Vec<_>>(), read.iter().collect::<Vec<_>>(), "{name}");
            assert_eq!(compiled.slots(), read.slots(), "{name}");
            for w in &words {
                assert!(compiled.contains(w), "{name}: {w}");
            }
            assert!(!compiled.contains("no such word here"), "{name}");
        }
    }

    /// [`has_lower`] with its filter is the look-up of the word in ASCII lower case, for
    /// every word of every list it serves, in three cases, and for other words.
    #[test]
    fn has_lower_is_the_lowercase_lookup() {
        let l = lexicon();
        let sets = [&l.speech_verbs, &l.loaded_verbs, &l.titles, &l.bodies, &l.documents, &l.anonymous, &l.public];
        let others = ["", "a", "Said", "SAID", "bridge", "Ministry", "ZOË", "élu", "x".repeat(70).leak(), "said,"];
        for set in sets {
            let mut asked: Vec<String> = others.iter().map(|w| w.to_string()).collect();
            for w in set.words.iter().chain(l.surnames.iter()).chain(l.given_names.iter()) {
                asked.extend([w.to_string(), w.to_uppercase(), w.to_ascii_lowercase()]);
                let mut cap = w.to_string();
                if let Some(first) = cap.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                asked.push(cap);
            }
            for w in &asked {
                assert_eq!(has_lower(set, w), set.words.contains(w.to_ascii_lowercase().as_str()), "{w:?}");
            }
        }
    }

    /// The case-sensitive look-ups behind a [`ShapeFilter`] answer as the lists do, for
    /// every word of the lists and other words.
    #[test]
    fn shape_filters_are_the_lookups() {
        let l = lexicon();
        let mut asked: Vec<String> = ["", "a", "Paris", "PARIS", "paris", "Said", "Zoë", "x".repeat(70).as_str()]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let lists = [&l.places, &l.country_names, &l.given_names, &l.groups, &l.not_names, &l.surnames];
        for w in lists.iter().flat_map(|set| set.iter()).chain(l.us_names.keys()) {
            asked.extend([w.to_string(), w.to_uppercase(), w.to_lowercase(), format!("{w}s"), format!("{w}'s")]);
        }
        for w in &asked {
            let w = w.as_str();
            assert_eq!(
                is_place(w),
                {
                    let n = trim_suffix(trim_suffix(w, "'s"), "’s");
                    l.places.contains(n) || l.country_names.contains(n)
                },
                "{w:?}"
            );
            assert_eq!(is_given_name(w), l.given_names.contains(w) || l.us_names.contains_key(w), "{w:?}");
            assert_eq!(is_listed_not_name(w), l.not_names.contains(w), "{w:?}");
            let g = trim_suffix(trim_suffix(w, "'s"), "’s").trim_end_matches(['\'', '’']);
            assert_eq!(is_group_word(w), l.groups.contains(g), "{w:?}");
        }
    }

    #[test]
    fn lists_load() {
        assert!(is_speech_verb("said") && is_speech_verb("Said") && !is_speech_verb("bridge"));
        assert!(is_loaded_verb("claimed") && !is_loaded_verb("said"));
        assert!(is_abbreviation("Gov") && !is_abbreviation("gov"));
        assert!(is_title("President") && is_title("spokeswoman"));
        assert!(is_capital("Beijing") && !is_capital("China"));
        assert!(vague_phrases().contains(&"critics"));
        assert_eq!(country_of("Beijing"), Some("China"));
        assert_eq!(country_of("Chinese"), Some("China"));
        assert_eq!(country_of("Addis Ababa"), Some("Ethiopia"));
        assert_eq!(country_of("South Korean"), Some("South Korea"));
        assert_eq!(country_of("Korean"), None);
    }

    /// The scan `vague_phrase` replaces.
    fn vague_phrase_by_scan(lower: &str) -> Option<&'static str> {
        vague_phrases()
            .iter()
            .find(|v| {
                lower == **v
                    || !v.contains(' ')
                        && lower.len() > v.len()
                        && lower.ends_with(**v)
                        && lower.as_bytes()[lower.len() - v.len() - 1] == b' '
            })
            .copied()
    }

    #[test]
    fn vague_phrase_matches_the_scan() {
        let mut cases = vec![String::new(), " ".into(), "x".into(), "the mayor".into(), "critics ".into()];
        for v in vague_phrases() {
            for form in [v.to_string(), format!("the {v}"), format!("{v} said"), format!("x{v}"), format!("some {v}")] {
                cases.push(form);
            }
        }
        for case in &cases {
            assert_eq!(vague_phrase(case), vague_phrase_by_scan(case), "{case:?}");
        }
    }
}
