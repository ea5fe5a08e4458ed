//! Build the n-gram fst used by `onrecord::confusables`.
//! Input: a `key<TAB>count` file sorted by key bytes (written by scripts/build_ngrams.py).
//! Usage: cargo run --release --example build_ngram_fst -- IN.tsv data/ngrams.fst
use std::io::{BufRead, BufReader, BufWriter};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: build_ngram_fst IN.tsv OUT.fst");
        std::process::exit(2);
    }
    let input = BufReader::new(std::fs::File::open(&args[1]).expect("open input"));
    let out = BufWriter::new(std::fs::File::create(&args[2]).expect("create output"));
    let mut builder = fst::MapBuilder::new(out).expect("fst builder");
    let mut n = 0usize;
    for (i, line) in input.lines().enumerate() {
        let line = line.expect("read line");
        let (key, count) = line.rsplit_once('\t').unwrap_or_else(|| panic!("line {}: no tab", i + 1));
        let count: u64 = count.parse().unwrap_or_else(|_| panic!("line {}: bad count", i + 1));
        builder.insert(key.as_bytes(), count).unwrap_or_else(|e| panic!("line {}: {e}", i + 1));
        n += 1;
    }
    builder.finish().expect("finish fst");
    eprintln!("{n} keys written to {}", args[2]);
}
