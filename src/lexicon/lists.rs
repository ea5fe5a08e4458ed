//! The readers of the word lists that become [`WordSet`](crate::wordset::WordSet)s, and
//! which list is read how ([`SETS`]). build.rs includes this file to build each set's
//! table when the crate is compiled (`OUT_DIR/lexicon_sets.rs`), so that no run parses
//! the lists or fills the tables at start; the lexicon's tests read the lists with the
//! same readers and hold the compiled tables to them. Nothing here names the crate.

/// How a list file is read into words.
pub(crate) enum Reader {
    /// Words separated by white space ([`list_words`]).
    Words,
    /// The words of one `[section]` ([`section_words`]).
    Section(&'static str),
    /// Every form of `kind: form | form | …` lines ([`kind_forms`]).
    KindForms,
    /// The first field of `Country | capitals | demonyms` lines ([`country_names`]).
    CountryNames,
}

/// Each set the lexicon keeps as a table: the name of its static in
/// `OUT_DIR/lexicon_sets.rs`, its file under data/lexicon, and its reader.
pub(crate) const SETS: &[(&str, &str, Reader)] = &[
    ("SPEECH_VERBS", "speech_verbs.txt", Reader::Words),
    ("LOADED_VERBS", "loaded_verbs.txt", Reader::Words),
    ("ABBREVIATIONS", "abbreviations.txt", Reader::Words),
    ("SENTENCE_OPENERS", "sentence_openers.txt", Reader::Words),
    ("TITLES", "titles.txt", Reader::Words),
    ("BODIES", "bodies.txt", Reader::Words),
    ("DOCUMENTS", "documents.txt", Reader::Words),
    ("CAPITALS", "capitals.txt", Reader::Words),
    ("ANONYMOUS", "anonymous.txt", Reader::Words),
    ("PUBLIC", "public.txt", Reader::Words),
    ("SOCIAL_MEDIA", "social_media.txt", Reader::Words),
    ("FAMILY_FIRST", "family_first.txt", Reader::Words),
    ("GIVEN_NAMES", "given_names.txt", Reader::Words),
    ("MALE_NAMES", "given_names_gender.txt", Reader::Section("[male]")),
    ("FEMALE_NAMES", "given_names_gender.txt", Reader::Section("[female]")),
    ("COUNTRY_NAMES", "countries.txt", Reader::CountryNames),
    ("GROUPS", "groups.txt", Reader::Words),
    ("PLACE_NOUNS", "place_nouns.txt", Reader::Words),
    ("ADVERBS", "adverbs.txt", Reader::Words),
    ("FUNCTION_WORDS", "function_words.txt", Reader::Words),
    ("NOT_NAMES", "not_names.txt", Reader::Words),
    ("SURNAMES", "surnames_us.txt", Reader::Words),
    ("REDUCED_RELATIVES", "reduced_relatives.txt", Reader::Words),
    ("NAME_MODIFIERS", "name_modifiers.txt", Reader::Words),
    ("PLACES", "places.txt", Reader::KindForms),
];

/// The words of list `data` as `reader` reads them, in order (repeats kept).
pub(crate) fn read<'a>(data: &'a str, reader: &Reader) -> Vec<&'a str> {
    match reader {
        Reader::Words => list_words(data).collect(),
        Reader::Section(name) => section_words(data, name),
        Reader::KindForms => kind_forms(data).collect(),
        Reader::CountryNames => country_names(data).collect(),
    }
}

/// The words of a list: separated by white space, `#` to the end of its line a comment. One
/// pass over the bytes, where splitting each line at `#` and then at white space took a
/// search per line. The lists hold no white space outside ASCII
/// (`list_words_are_the_split_words` holds it to the split on every list).
pub(crate) fn list_words(data: &str) -> impl Iterator<Item = &str> {
    let bytes = data.as_bytes();
    let white = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
    let mut i = 0;
    std::iter::from_fn(move || loop {
        let &b = bytes.get(i)?;
        if b == b'#' {
            i = bytes[i..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |k| i + k);
        } else if white(b) {
            i += 1;
        } else {
            let start = i;
            while i < bytes.len() && !white(bytes[i]) && bytes[i] != b'#' {
                i += 1;
            }
            // (White space and `#` are ASCII: both ends are char boundaries.)
            return Some(&data[start..i]);
        }
    })
}

/// The countries themselves: the first field of each `Country | capitals | demonyms` line.
pub(crate) fn country_names(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(|l| l.split('#').next().unwrap_or("").split('|').next().unwrap_or("").trim())
        .filter(|c| !c.is_empty())
}

/// The `kind` and the forms of each `kind: form | form | …` line.
pub(crate) fn kind_lines(data: &str) -> impl Iterator<Item = (&str, &str)> {
    data.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter_map(|l| l.split_once(':'))
}

/// Every form of [`kind_lines`], in order, without a vector for each line (places.txt is
/// a line for each place).
pub(crate) fn kind_forms(data: &str) -> impl Iterator<Item = &str> {
    kind_lines(data).flat_map(|(_, forms)| forms.split('|').map(str::trim).filter(|f| !f.is_empty()))
}

/// The words of one `[section]` of a sectioned word list, up to the next section.
pub(crate) fn section_words<'a>(data: &'a str, name: &str) -> Vec<&'a str> {
    let mut inside = false;
    let mut words = Vec::new();
    for line in data.lines().map(|l| l.split('#').next().unwrap_or("").trim()) {
        if line.starts_with('[') {
            inside = line == name;
        } else if inside {
            words.extend(line.split_whitespace());
        }
    }
    words
}
