//! Evaluation harness for the confusable-word checker.
//!
//!     cargo run --release --example confusables_eval [-- --sweep] [--per-set] [--no-corpus]
//!
//! Takes clean sentences (data/eval-sentences.txt, plus any corpus/clean-*.txt and
//! corpus/wire-*.txt found at run time), and
//! * runs the checker on them unchanged: every suggestion is a false alarm;
//! * for every confusion-set word in every sentence, swaps in a partner chosen by a
//!   seeded RNG and checks the swapped sentence: a suggestion at the swapped word
//!   restoring the original is a hit; every other suggestion is a false positive.
//!
//! Reports recall, precision and false alarms per 10,000 words, overall, on the
//! two halves of the sentences (even/odd lines: tune on one, confirm on the other),
//! and per set. `--sweep` searches the count model's parameters, `--sweep-lm` the
//! language model's (both rank on even lines and show odd lines beside);
//! `--alarms` lists false alarms, `--misses` missed swaps, `--per-set` the per-set
//! table. Overrides: `--margin N`, `--one-side N` (count model); `--lm-margin N`,
//! `--lm-prior N`, `--lm-cap N`, `--lm-cap-below N`, `--lm-margin-common N`, `--lm-min-side N`, `--counts-veto N`,
//! `--lm-unlisted`, `--keep-commas`, `--agree N` (both models); `--no-lm` / `--no-counts` turn a model off,
//! `--no-collocations` the fixed phrases of data/collocations.txt.
use std::collections::BTreeMap;

use onrecord::confusables::{Checker, ConfusionSets, Params};

/// splitmix64: small, seeded, deterministic.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Words (letters, digits, inner apostrophes and hyphens) and single punctuation tokens.
fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner = (c == '\'' || c == '’' || c == '-')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            cur.push(c);
            continue;
        }
        if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn case_like(word: &str, model: &str) -> String {
    if model.chars().next().is_some_and(char::is_uppercase) {
        let mut c = word.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    } else {
        word.to_string()
    }
}

/// Sentences of a file, one per line, '#' lines skipped.
fn read_lines(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("read {path}: {e}"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect()
}

/// The development sentences (tuned on), then the held-out ones, then the test
/// ones (both never tuned on); how many are development sentences, and where the
/// test sentences start.
fn load_sentences(corpus: bool) -> (Vec<String>, usize, usize) {
    let mut out = read_lines("data/eval-sentences.txt");
    if corpus {
        if let Ok(dir) = std::fs::read_dir("corpus") {
            let mut files: Vec<_> = dir
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
                    (n.starts_with("clean-") || n.starts_with("wire-")) && n.ends_with(".txt")
                })
                .collect();
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f).unwrap_or_default();
                for para in text.lines() {
                    // Naive sentence split; good enough for an evaluation corpus.
                    let mut start = 0;
                    let b = para.as_bytes();
                    for i in 0..b.len() {
                        let end = matches!(b[i], b'.' | b'?' | b'!')
                            && (i + 1 == b.len() || b[i + 1] == b' ')
                            && (i + 2 >= b.len() || b[i + 2].is_ascii_uppercase() || b[i + 2] == b'"');
                        if end {
                            let s = para[start..=i].trim();
                            if s.split_whitespace().count() >= 4 {
                                out.push(s.to_string());
                            }
                            start = i + 1;
                        }
                    }
                    let s = para[start..].trim();
                    if s.split_whitespace().count() >= 4 {
                        out.push(s.to_string());
                    }
                }
            }
        }
    }
    let dev = out.len();
    out.extend(read_lines("data/eval-sentences-heldout.txt"));
    let test = out.len();
    out.extend(read_lines("data/eval-sentences-test.txt"));
    (out, dev, test)
}

struct Case {
    sentence: usize,
    tokens: Vec<String>,
    index: usize,
    original: String,
    set: String,
}

/// Suggestions as (index, replacement lowercase, ratio).
type Found = Vec<(usize, String, f64)>;

fn run(checker: &Checker, toks: &[String]) -> Found {
    let refs: Vec<&str> = toks.iter().map(String::as_str).collect();
    checker.check(&refs).into_iter().map(|s| (s.index, s.replacement.to_lowercase(), s.ratio)).collect()
}

#[derive(Default, Clone, Copy)]
struct Score {
    cases: usize,
    hits: usize,
    false_pos: usize,
    clean_alarms: usize,
    words: usize,
}

impl Score {
    fn recall(&self) -> f64 {
        self.hits as f64 / self.cases.max(1) as f64
    }
    fn precision(&self) -> f64 {
        let all = self.hits + self.false_pos;
        if all == 0 {
            1.0
        } else {
            self.hits as f64 / all as f64
        }
    }
    fn fa10k(&self) -> f64 {
        self.clean_alarms as f64 * 10_000.0 / self.words.max(1) as f64
    }
}

fn score(
    checker: &Checker,
    sentences: &[Vec<String>],
    cases: &[Case],
    keep: impl Fn(usize) -> bool,
    mut per_set: Option<&mut BTreeMap<String, Score>>,
    mut alarms: Option<&mut Vec<String>>,
) -> Score {
    let mut s = Score::default();
    for (i, toks) in sentences.iter().enumerate() {
        if !keep(i) {
            continue;
        }
        s.words += toks.iter().filter(|t| t.chars().next().is_some_and(char::is_alphanumeric)).count();
        let found = run(checker, toks);
        s.clean_alarms += found.len();
        if let Some(a) = alarms.as_deref_mut() {
            for f in &found {
                a.push(format!("clean  [{}→{} {:.0}×] {}", toks[f.0], f.1, f.2, toks.join(" ")));
            }
        }
    }
    for c in cases {
        if !keep(c.sentence) {
            continue;
        }
        let mut one = Score { cases: 1, ..Score::default() };
        for f in run(checker, &c.tokens) {
            if f.0 == c.index && f.1 == c.original.to_lowercase() {
                one.hits += 1;
            } else {
                one.false_pos += 1;
                if let Some(a) = alarms.as_deref_mut() {
                    a.push(format!("swap   [{}→{} {:.0}×] {}", c.tokens[f.0], f.1, f.2, c.tokens.join(" ")));
                }
            }
        }
        s.cases += 1;
        s.hits += one.hits;
        s.false_pos += one.false_pos;
        if let Some(map) = per_set.as_deref_mut() {
            let e = map.entry(c.set.clone()).or_default();
            e.cases += 1;
            e.hits += one.hits;
            e.false_pos += one.false_pos;
        }
    }
    s
}

/// Rank sweep rows on the dev half (even lines): best recall within the
/// precision and false-alarm targets; print the top ones with the odd half.
fn print_sweep(
    checker: &mut Checker,
    sentences: &[Vec<String>],
    cases: &[Case],
    dev_count: usize,
    mut rows: Vec<(Params, Score)>,
) {
    let ok = |s: &Score| s.precision() >= 0.95 && s.fa10k() <= 1.0;
    rows.sort_by(|a, b| (ok(&b.1), b.1.recall()).partial_cmp(&(ok(&a.1), a.1.recall())).unwrap());
    println!("\nsweep, ranked on even lines: recall precision FA/10k | odd lines");
    for (p, dev) in rows.iter().take(20) {
        checker.set_params(*p);
        let test = score(checker, sentences, cases, |i| i < dev_count && i % 2 == 1, None, None);
        println!(
            "{:.3} {:.3} {:5.2} | {:.3} {:.3} {:5.2} | {p:?}",
            dev.recall(),
            dev.precision(),
            dev.fa10k(),
            test.recall(),
            test.precision(),
            test.fa10k()
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let sweep = args.iter().any(|a| a == "--sweep");
    let show_sets = args.iter().any(|a| a == "--per-set");
    let show_alarms = args.iter().any(|a| a == "--alarms");
    let corpus = !args.iter().any(|a| a == "--no-corpus");

    let mut checker = Checker::with_extra(&ConfusionSets::default());
    let mut defaults = checker.params();
    if let Some(i) = args.iter().position(|a| a == "--agree") {
        defaults.agree = args[i + 1].parse().expect("--agree N");
    }
    if let Some(i) = args.iter().position(|a| a == "--margin") {
        defaults.margin = args[i + 1].parse().expect("--margin N");
    }
    if let Some(i) = args.iter().position(|a| a == "--one-side") {
        defaults.one_side = args[i + 1].parse().expect("--one-side N");
    }
    if let Some(i) = args.iter().position(|a| a == "--lm-margin") {
        defaults.lm_margin = args[i + 1].parse().expect("--lm-margin N");
    }
    if let Some(i) = args.iter().position(|a| a == "--lm-prior") {
        defaults.lm_prior = args[i + 1].parse().expect("--lm-prior N");
    }
    if args.iter().any(|a| a == "--no-collocations") {
        defaults.collocations = false;
    }
    if args.iter().any(|a| a == "--no-counts") {
        defaults.counts = false;
    }
    if args.iter().any(|a| a == "--no-lm") {
        defaults.lm_margin = 0.0;
    }
    if args.iter().any(|a| a == "--lm-unlisted") {
        defaults.lm_listed = false;
    }
    if let Some(i) = args.iter().position(|a| a == "--lm-min-side") {
        defaults.lm_min_side = args[i + 1].parse().expect("--lm-min-side N");
    }
    if let Some(i) = args.iter().position(|a| a == "--counts-veto") {
        defaults.counts_veto = args[i + 1].parse().expect("--counts-veto N");
    }
    if let Some(i) = args.iter().position(|a| a == "--lm-margin-common") {
        defaults.lm_margin_common = args[i + 1].parse().expect("--lm-margin-common N");
    }
    if let Some(i) = args.iter().position(|a| a == "--lm-cap-below") {
        defaults.lm_cap_below = args[i + 1].parse().expect("--lm-cap-below N");
    }
    if let Some(i) = args.iter().position(|a| a == "--lm-cap") {
        defaults.lm_cap = args[i + 1].parse().expect("--lm-cap N");
    }
    if args.iter().any(|a| a == "--keep-commas") {
        defaults.skip_commas = false;
    }
    let sets = ConfusionSets::parse(onrecord::confusables::EMBEDDED_SETS).unwrap();

    let (texts, dev_count, test_start) = load_sentences(corpus);
    let sentences: Vec<Vec<String>> = texts.iter().map(|s| tokenize(s)).collect();
    let mut rng = Rng(0x5eed_0fc0_ffee);
    let mut cases = Vec::new();
    for (si, toks) in sentences.iter().enumerate() {
        for (ti, t) in toks.iter().enumerate() {
            let Some(alts) = checker.alternatives(t) else {
                continue;
            };
            if ti > 0 && t.chars().any(char::is_uppercase) {
                continue; // names are skipped by the checker by design
            }
            let alt = alts[rng.below(alts.len())];
            let mut swapped = toks.clone();
            swapped[ti] = case_like(alt, t);
            let lower = t.to_lowercase().replace('’', "'");
            let set = sets
                .sets()
                .iter()
                .find(|s| s.contains(&lower) && s.iter().any(|w| w == alt))
                .map(|s| s.join("/"))
                .unwrap_or_else(|| format!("{lower}/{alt}"));
            cases.push(Case { sentence: si, tokens: swapped, index: ti, original: t.clone(), set });
        }
    }
    println!(
        "{} sentences, {} words, {} swap cases, {} confusion sets",
        sentences.len(),
        sentences.iter().flatten().filter(|t| t.chars().next().is_some_and(char::is_alphanumeric)).count(),
        cases.len(),
        sets.len()
    );

    if args.iter().any(|a| a == "--sweep-lm") {
        let mut rows = Vec::new();
        for &lm_cap in &[0.0, 1.0, 1.5, 2.0] {
            for &lm_min_side in &[0.0, 0.3, 1.0] {
                for &counts in &[true, false] {
                    for &lm_prior in &[0.0, 0.1, 0.2, 0.3, 0.5] {
                        for &lm_margin in &[30.0, 100.0, 200.0, 300.0, 400.0, 500.0, 700.0, 1000.0, 1500.0, 2000.0] {
                            let p = Params { lm_margin, lm_prior, lm_cap, counts, lm_min_side, ..defaults };
                            checker.set_params(p);
                            let dev = score(&checker, &sentences, &cases, |i| i < dev_count && i % 2 == 0, None, None);
                            rows.push((p, dev));
                        }
                    }
                }
            }
        }
        print_sweep(&mut checker, &sentences, &cases, dev_count, rows);
    }
    if sweep {
        let mut rows = Vec::new();
        for &assoc in &[2.0, 5.0, 20.0, 100.0] {
            for &cap in &[0.02, 0.05, 0.1, 0.2, 0.5] {
                for &prior in &[0.0, 0.5, 1.0] {
                    for &min_side in &[0.1, 0.3, 1.0] {
                        for &one_side in &[1.0, 2.0, 4.0] {
                            for &margin in &[3.0, 5.0, 10.0, 20.0, 40.0, 80.0] {
                                let p = Params { margin, assoc, cap, min_side, prior, one_side, ..defaults };
                                checker.set_params(p);
                                let dev =
                                    score(&checker, &sentences, &cases, |i| i < dev_count && i % 2 == 0, None, None);
                                rows.push((p, dev));
                            }
                        }
                    }
                }
            }
        }
        print_sweep(&mut checker, &sentences, &cases, dev_count, rows);
    }

    checker.set_params(defaults);
    let mut per_set = BTreeMap::new();
    let mut alarms = Vec::new();
    let all = score(&checker, &sentences, &cases, |_| true, Some(&mut per_set), Some(&mut alarms));
    let dev = score(&checker, &sentences, &cases, |i| i < dev_count && i % 2 == 0, None, None);
    let test = score(&checker, &sentences, &cases, |i| i < dev_count && i % 2 == 1, None, None);
    let held = score(&checker, &sentences, &cases, |i| i >= dev_count && i < test_start, None, None);
    let fresh = score(&checker, &sentences, &cases, |i| i >= test_start, None, None);
    println!("\nparams: {defaults:?}");
    for (name, s) in [("overall", all), ("even lines", dev), ("odd lines", test), ("held-out", held), ("test", fresh)] {
        println!(
            "{name:>10}: recall {:.3} ({}/{})  precision {:.3}  false alarms {:.2}/10k words ({} in {} words)",
            s.recall(),
            s.hits,
            s.cases,
            s.precision(),
            s.fa10k(),
            s.clean_alarms,
            s.words
        );
    }
    // Throughput of `check` alone on pre-tokenised clean text.
    let refs: Vec<Vec<&str>> = sentences.iter().map(|t| t.iter().map(String::as_str).collect()).collect();
    let bytes: usize = texts.iter().map(|t| t.len() + 1).sum();
    let t0 = std::time::Instant::now();
    let mut rounds = 0usize;
    let mut n = 0usize;
    while t0.elapsed().as_secs_f64() < 1.0 {
        for toks in &refs {
            n += checker.check(toks).len();
        }
        rounds += 1;
    }
    let mbs = (bytes * rounds) as f64 / t0.elapsed().as_secs_f64() / 1e6;
    println!("check throughput: {mbs:.1} MB/s of text on one core ({n} suggestions over {rounds} rounds)");
    if show_alarms {
        println!("\nfalse alarms (clean text) and false positives (swapped text):");
        for a in &alarms {
            println!("  {a}");
        }
    }
    if args.iter().any(|a| a == "--misses") {
        println!("\nmissed swaps (best odds for the original with both margins 1, one_side 1):");
        let mut loose = defaults;
        loose.margin = 1.0;
        loose.one_side = 1.0;
        loose.min_side = 0.0;
        loose.lm_margin = 1.0;
        checker.set_params(loose);
        for c in &cases {
            let hit = |f: &(usize, String, f64)| f.0 == c.index && f.1 == c.original.to_lowercase();
            checker.set_params(defaults);
            if run(&checker, &c.tokens).iter().any(hit) {
                continue;
            }
            checker.set_params(loose);
            let odds = run(&checker, &c.tokens).iter().find(|f| hit(f)).map_or(0.0, |f| f.2);
            println!("  {:>8.1} {}→{}  {}", odds, c.tokens[c.index], c.original, c.tokens.join(" "));
        }
        checker.set_params(defaults);
    }
    if show_sets {
        println!("\nper set: cases hits false-positives recall");
        for (set, s) in &per_set {
            println!("  {set:<32} {:>4} {:>4} {:>3} {:.2}", s.cases, s.hits, s.false_pos, s.recall());
        }
    }
}
