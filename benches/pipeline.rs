//! Criterion benches for the pipeline stages, in bytes per second:
//!
//! * `quotes` — the quote grammar alone (`quotes::find` on a parsed document);
//! * `analyze` — quotes, tokens, entities and attribution (`onrecord::analyze`);
//! * `check` — the whole check of one article: parse, analyse, every rule.
//!
//! Inputs: a corpus wire article, and generated wire copy (the corpus generator's
//! templates, seed 1) of 100 kB and 1 MB.
//!
//!     cargo bench --bench pipeline
//!     cargo bench --bench pipeline -- quotes      # one group

#[allow(dead_code)]
#[path = "../examples/generate_corpus/pools.rs"]
mod pools;
#[allow(dead_code)]
#[path = "../examples/generate_corpus/wire.rs"]
mod wire;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use onrecord::config::Config;
use onrecord::confusables::Checker;
use onrecord::document::{Document, Format};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

fn generated(size: usize) -> String {
    let mut rng = wire::Rng::new(1);
    let mut out = String::with_capacity(size + 8192);
    let mut first = true;
    while out.len() < size {
        let opts = wire::Options { markup: wire::Markup::Text, plant: 8, eol: "\n", first_in_file: first };
        let budget = (size - out.len()).min(2000 + rng.below(6000));
        wire::article(&mut rng, opts, budget, &mut out);
        first = false;
    }
    out
}

/// (name, text) of each input.
fn inputs() -> Vec<(&'static str, String)> {
    let article = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/wire-senate-debate.txt"))
        .expect("corpus article present");
    vec![("article", article), ("gen-100k", generated(100_000)), ("gen-1M", generated(1_000_000))]
}

fn parse(text: &str) -> Document {
    Document::parse(Path::new("bench.txt"), text.to_string(), Format::Text)
}

fn quotes(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotes");
    for (name, text) in inputs() {
        let doc = parse(&text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| black_box(onrecord::quotes::find(black_box(&doc)))));
    }
    group.finish();
}

fn analyze(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyze");
    for (name, text) in inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter_batched(|| parse(&text), |doc| black_box(onrecord::analyze(doc)), BatchSize::LargeInput)
        });
    }
    group.finish();
}

fn check(c: &mut Criterion) {
    let config = Config::default();
    let checker = Checker::embedded();
    let mut group = c.benchmark_group("check");
    for (name, text) in inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter_batched(
                || text.clone(),
                |text| {
                    let doc = Document::parse(Path::new("bench.txt"), text, Format::Text);
                    black_box(onrecord::check(doc, &config, checker))
                },
                BatchSize::LargeInput,
            )
        });
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default().sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4))
}

criterion_group! { name = benches; config = config(); targets = quotes, analyze, check }
criterion_main!(benches);
