//! Turns `data/ngrams.fst` into the static hash tables `src/confusables/model.rs`
//! reads in place (see `src/confusables/table.rs`): the counts, and the words that
//! stand first and second in a listed bigram.

#[path = "src/confusables/table.rs"]
mod table;

fn main() {
    println!("cargo:rerun-if-changed=data/ngrams.fst");
    println!("cargo:rerun-if-changed=src/confusables/table.rs");
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
