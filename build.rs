//! Turns `data/ngrams.fst` into the static hash tables `src/confusables/model.rs`
//! reads in place (see `src/confusables/table.rs`): the counts, and the words that
//! stand first and second in a listed bigram. And turns the word lists of data/lexicon
//! that are sets into their tables (`lexicon_sets.rs`, see `src/lexicon/lists.rs`).

#[path = "src/confusables/table.rs"]
mod table;

// (The set and the readers as the crate has them; what only the crate calls is unused here.)
#[allow(dead_code)]
#[path = "src/wordset.rs"]
mod wordset;

#[allow(dead_code)]
#[path = "src/lexicon/lists.rs"]
mod lists;

fn main() {
    println!("cargo:rerun-if-changed=data/ngrams.fst");
    println!("cargo:rerun-if-changed=src/confusables/table.rs");
    lexicon_sets();
    let bytes = std::fs::read("data/ngrams.fst").expect("read data/ngrams.fst");
    let map = fst::Map::new(bytes).expect("data/ngrams.fst is a valid fst map");
    let mut counts: Vec<(Vec<u8>, u64)> = Vec::with_capacity(map.len());
    let mut stream = map.stream();
    while let Some((k, v)) = fst::Streamer::next(&mut stream) {
        counts.push((k.to_vec(), v));
    }
    // The two words of every bigram key, split as the checker reads them.
    let (mut left, mut right): (Vec<&[u8]>, Vec<&[u8]>) = (Vec::new(), Vec::new());
    for (key, _) in &counts {
        let Ok(key) = std::str::from_utf8(key) else { continue };
        if let Some((a, b)) = key.split_once(' ') {
            left.push(a.as_bytes());
            right.push(b.as_bytes());
        }
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    let write = |name: &str, entries: &[(&[u8], u64)]| {
        std::fs::write(out.join(name), table::write(entries)).unwrap_or_else(|e| panic!("write {name}: {e}"));
    };
    let entries: Vec<(&[u8], u64)> = counts.iter().map(|(k, v)| (k.as_slice(), *v)).collect();
    write("ngrams.tbl", &entries);
    for (name, mut words) in [("ngrams-left.tbl", left), ("ngrams-right.tbl", right)] {
        words.sort_unstable();
        words.dedup();
        write(name, &words.iter().map(|w| (*w, 0)).collect::<Vec<_>>());
    }
}

/// `OUT_DIR/lexicon_sets.rs`: for each set of `lists::SETS`, a `Parts` static with the
/// words of its list (read as the crate reads it), and the slots and shift of the
/// `WordSet` they make; then `ALL`, each set's name with its static.
fn lexicon_sets() {
    use std::fmt::Write;
    println!("cargo:rerun-if-changed=src/wordset.rs");
    println!("cargo:rerun-if-changed=src/lexicon/lists.rs");
    let mut out = String::new();
    let mut all = String::from("pub(super) static ALL: &[(&str, &Parts)] = &[");
    for (name, file, reader) in lists::SETS {
        let path = format!("data/lexicon/{file}");
        println!("cargo:rerun-if-changed={path}");
        let data: &'static str = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}")).leak();
        let set: wordset::WordSet = lists::read(data, reader).into_iter().collect();
        let (slots, shift) = set.slots();
        // (A word's Debug form is a Rust string literal.)
        let words: Vec<String> = set.iter().map(|w| format!("{w:?}")).collect();
        let slots: Vec<String> = slots.iter().map(u32::to_string).collect();
        let _ = writeln!(
            out,
            "pub(super) static {name}: Parts = Parts {{ words: &[{}], slots: &[{}], shift: {shift} }};",
            words.join(", "),
            slots.join(",")
        );
        let _ = write!(all, "(\"{name}\", &{name}), ");
    }
    out.push_str(&all);
    out.push_str("];\n");
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    std::fs::write(dir.join("lexicon_sets.rs"), out).unwrap_or_else(|e| panic!("write lexicon_sets.rs: {e}"));
}
