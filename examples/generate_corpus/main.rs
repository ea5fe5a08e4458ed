//! A deterministic corpus generator: realistic wire copy of any size, for benchmarks,
//! property tests and load tests, plus pathological shapes for linearity checks.
//!
//! ```text
//! cargo run --release --example generate_corpus -- --seed 7 --size 50M --files 400 --out /tmp/corpus
//! cargo run --release --example generate_corpus -- --seed 7 --size 4M --one-file --out /tmp/big.txt
//! cargo run --release --example generate_corpus -- --shape nested --size 1M --one-file --out /tmp/nested.txt
//! ```
//!
//! The same seed and options always give the same bytes. Sizes take K, M, G (powers of
//! 1000) or KiB, MiB, GiB. Wire copy carries planted problems in `--plant` percent of its
//! paragraphs (default 8) so every rule has something to find.

mod pathological;
mod pools;
mod wire;

use clap::{Parser, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wire::{Markup, Options, Rng};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FileFormat {
    Txt,
    Md,
    /// Alternate plain text and Markdown files.
    Mixed,
}

#[derive(Parser)]
#[command(name = "generate_corpus", about = "Write a deterministic corpus of wire copy")]
struct Args {
    /// Seed: the same seed and options always write the same bytes.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Total size in bytes (suffixes K, M, G, KiB, MiB, GiB).
    #[arg(long, default_value = "1M", value_parser = parse_size)]
    size: usize,
    /// Number of files the size is split over.
    #[arg(long, default_value_t = 1)]
    files: usize,
    /// Output directory (or, with --one-file, the output file; "-" for standard output).
    #[arg(long)]
    out: PathBuf,
    #[arg(long, value_enum, default_value = "txt")]
    format: FileFormat,
    /// Write everything to the single file named by --out.
    #[arg(long)]
    one_file: bool,
    /// What to write: wire copy, or a pathological shape (quotes, paragraph, nospace,
    /// nested, alternating, capwords); shapes are always one file.
    #[arg(long, default_value = "wire")]
    shape: String,
    /// Percent of paragraphs with a planted problem.
    #[arg(long, default_value_t = 8)]
    plant: u32,
}

fn parse_size(s: &str) -> Result<usize, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit() && c != '_').unwrap_or(s.len());
    let n: usize = s[..split].replace('_', "").parse().map_err(|e| format!("bad size {s:?}: {e}"))?;
    let unit = match s[split..].to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" => 1_000,
        "m" | "mb" => 1_000_000,
        "g" | "gb" => 1_000_000_000,
        "kib" => 1 << 10,
        "mib" => 1 << 20,
        "gib" => 1 << 30,
        other => return Err(format!("unknown size unit {other:?}")),
    };
    Ok(n * unit)
}

/// The seed of file `i`: files are independent, so one file can be regenerated alone.
fn file_seed(seed: u64, i: usize) -> u64 {
    let mut r = Rng::new(seed.wrapping_add((i as u64).wrapping_mul(0x2545_F491_4F6C_DD1D)));
    r.next_u64()
}

/// About `size` bytes of wire copy: whole articles, the last one cut at a paragraph.
fn wire_file(seed: u64, size: usize, markup: Markup, plant: u32) -> String {
    let mut rng = Rng::new(seed);
    let eol = if rng.chance(3) { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(size + 8192);
    let mut first = true;
    while out.len() < size.max(1) {
        let budget = (size - out.len().min(size)).min(2000 + rng.below(6000));
        wire::article(&mut rng, Options { markup, plant, eol, first_in_file: first }, budget, &mut out);
        first = false;
    }
    out
}

fn write(path: &Path, text: &str) -> std::io::Result<()> {
    if path == Path::new("-") {
        return std::io::stdout().lock().write_all(text.as_bytes());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, text)
}

fn markup_of(format: FileFormat, i: usize) -> Markup {
    match format {
        FileFormat::Txt => Markup::Text,
        FileFormat::Md => Markup::Markdown,
        FileFormat::Mixed if i % 2 == 1 => Markup::Markdown,
        FileFormat::Mixed => Markup::Text,
    }
}

fn run(args: &Args) -> Result<(usize, usize), String> {
    let io = |e: std::io::Error| format!("{}: {e}", args.out.display());
    if args.shape != "wire" {
        let text = pathological::generate(&args.shape, &mut Rng::new(args.seed), args.size).ok_or_else(|| {
            format!("unknown shape {:?}; one of wire, {}", args.shape, pathological::SHAPES.join(", "))
        })?;
        write(&args.out, &text).map_err(io)?;
        return Ok((1, text.len()));
    }
    if args.one_file {
        let text = wire_file(file_seed(args.seed, 0), args.size, markup_of(args.format, 0), args.plant);
        write(&args.out, &text).map_err(io)?;
        return Ok((1, text.len()));
    }
    let files = args.files.max(1);
    std::fs::create_dir_all(&args.out).map_err(io)?;
    let mut total = 0;
    for i in 0..files {
        let share = args.size / files + usize::from(i < args.size % files);
        let markup = markup_of(args.format, i);
        let text = wire_file(file_seed(args.seed, i), share, markup, args.plant);
        let ext = if markup == Markup::Markdown { "md" } else { "txt" };
        write(&args.out.join(format!("wire-{i:05}.{ext}")), &text).map_err(io)?;
        total += text.len();
    }
    Ok((files, total))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok((files, bytes)) => {
            eprintln!("generate_corpus: wrote {files} file(s), {bytes} bytes to {}", args.out.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("generate_corpus: error: {e}");
            ExitCode::from(2)
        }
    }
}
