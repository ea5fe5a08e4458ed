//! The shape of `src/` as a test (ARCHITECTURE.md, "Stage order"). It reads every
//! `src/**/*.rs`, finds which top-level module each file belongs to and which top-level
//! modules it refers to, and fails on:
//!
//! - an import cycle among the top-level modules (the cycle is printed, with one import
//!   for each step of it);
//! - an import from a lower stage to a higher one in [`STAGES`], unless it is the one
//!   named in [`UPWARD`] with its reason (at most one is allowed);
//! - a `src/main.rs` of 250 lines or more;
//! - a file of more than 700 lines that does not begin with a `//` comment saying why.
//!
//! What counts as a reference, in code only (comments, strings and char literals are
//! blanked first): every path `crate::x…` and `$crate::x…`; `super::…` resolved from the
//! module it is written in, inline `mod x { … }` included; `self::x…` at a crate root;
//! `onrecord::x…` in the binary; `x::…` at a crate root where `x` is one of its modules;
//! each member of a `use` group (`crate::{a, b::c}`). A path to an item of a crate root
//! (`crate::analyze`) refers to the root, `lib` (the binary's is `main`). `mod x;` is not
//! a reference. Items under `#[cfg(test)]` or `#[cfg(doc)]` are skipped, and so are the
//! files of modules declared under them (`#[cfg(test)] mod tests;`): a test may use
//! whatever it tests. (Other `cfg`s count; an item skipped is read to its first `;` or
//! `,` or its `{ … }` block outside brackets, so a `#[cfg(test)] impl<A, B> …` would be
//! read partly as code: it can only add references, never hide one.)

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The top-level modules, lowest first: a module may refer to the ones before it. The
/// library's crate root is `lib`; the binary is `cli` under `main`.
const STAGES: &[&str] = &[
    // Vocabulary, below every stage.
    "error",
    "chars",
    "hash",
    "wordset",
    "rule_id",
    "span",
    // The real-word engine and its embedded n-gram data: `lexicon` reads word
    // frequencies from it, and `config` its confusion sets.
    "confusables",
    "lexicon",
    "diagnostic",
    "config",
    // The stages, in the order they run.
    "document",
    "quotes",
    "entities",
    "attribution",
    "analysis",
    "rules",
    "suppress",
    "fix",
    "windows",
    // What reads the finished analysis and findings, and the API over them.
    "sources",
    "report",
    "lib",
    // The binary.
    "cli",
    "main",
];

/// The one import from a lower stage to a higher one allowed, if any: (from, to, why).
/// None is needed now; keep at most one.
const UPWARD: &[(&str, &str, &str)] = &[];

const MAIN_MAX_LINES: usize = 250;
const LONG_FILE_LINES: usize = 700;

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_import_cycle_among_top_level_modules() {
    let graph = Graph::read(&src());
    if let Some(cycle) = graph.cycle() {
        let mut msg = format!("import cycle among the top-level modules of src/: {}\n", cycle.join(" -> "));
        for pair in cycle.windows(2) {
            let r = &graph.edges[&(pair[0].clone(), pair[1].clone())][0];
            msg.push_str(&format!("  {} -> {}: {}\n", pair[0], pair[1], r));
        }
        msg.push_str("Break it by moving what both need below both (see ARCHITECTURE.md, Stage order).");
        panic!("{msg}");
    }
}

#[test]
fn no_import_from_a_lower_stage_to_a_higher_one() {
    assert!(UPWARD.len() <= 1, "UPWARD allows {} upward imports; at most one is allowed", UPWARD.len());
    let graph = Graph::read(&src());
    let rank = |m: &str| STAGES.iter().position(|s| *s == m);
    let unknown: Vec<&String> = graph.modules.iter().filter(|m| rank(m).is_none()).collect();
    assert!(
        unknown.is_empty(),
        "top-level modules missing from STAGES in tests/architecture.rs: {unknown:?}; add each at its place in the order"
    );
    let gone: Vec<&&str> = STAGES.iter().filter(|s| !graph.modules.contains(**s)).collect();
    assert!(gone.is_empty(), "STAGES names modules src/ does not have: {gone:?}; take them out");
    // The graph, for `cargo test --test architecture -- --nocapture`.
    for m in STAGES {
        let to: Vec<&str> = graph.edges.keys().filter(|(f, _)| f == m).map(|(_, t)| t.as_str()).collect();
        eprintln!("{m} -> {}", to.join(", "));
    }
    let mut errors = Vec::new();
    let mut allowed_seen = BTreeSet::new();
    for ((from, to), refs) in &graph.edges {
        if rank(from) >= rank(to) {
            continue;
        }
        if let Some(allowed) = UPWARD.iter().find(|(f, t, _)| f == from && t == to) {
            allowed_seen.insert(allowed.0.to_string() + "->" + allowed.1);
            continue;
        }
        for r in refs {
            errors.push(format!("  {from} (stage {}) -> {to} (stage {}): {r}", rank(from).unwrap(), rank(to).unwrap()));
        }
    }
    assert!(
        errors.is_empty(),
        "imports from a lower stage to a higher one (STAGES in tests/architecture.rs):\n{}\nMove what is shared below \
         both, or (for at most one, with its reason) name it in UPWARD.",
        errors.join("\n")
    );
    for (from, to, why) in UPWARD {
        assert!(
            allowed_seen.contains(&(from.to_string() + "->" + to)),
            "UPWARD allows {from} -> {to} ({why}), but src/ has no such import any more: take it out"
        );
    }
}

#[test]
fn main_rs_is_thin() {
    let lines = std::fs::read_to_string(src().join("main.rs")).expect("src/main.rs").lines().count();
    assert!(
        lines < MAIN_MAX_LINES,
        "src/main.rs has {lines} lines; keep it under {MAIN_MAX_LINES} (parse, call cli::run, map errors)"
    );
}

#[test]
fn every_long_file_says_why_at_its_top() {
    let mut errors = Vec::new();
    for path in rust_files(&src()) {
        let text = std::fs::read_to_string(&path).expect("a source file");
        let lines = text.lines().count();
        if lines <= LONG_FILE_LINES {
            continue;
        }
        let first = text.lines().next().unwrap_or("");
        let plain_comment = first.starts_with("//") && !first.starts_with("///") && !first.starts_with("//!");
        if !(plain_comment && first.contains("700")) {
            errors.push(format!("  {} ({lines} lines) begins {first:?}", rel(&path)));
        }
    }
    assert!(
        errors.is_empty(),
        "files over {LONG_FILE_LINES} lines must begin with a `//` comment saying why they are over 700 lines \
         (e.g. `// Over 700 lines: …`), or be split:\n{}",
        errors.join("\n")
    );
}

// The reader's own cases: the checks above can fail.

#[test]
fn reader_finds_paths_and_skips_comments_strings_and_tests() {
    let refs = |file: &str, code: &str| -> Vec<String> {
        let crates = Crates::for_test(&["alpha", "beta", "gamma", "delta"], &["cli"]);
        let mut out = Vec::new();
        let module = crates.module_of(file);
        let own = node_of(&module);
        read_refs(
            &strip(code),
            &module,
            &crates,
            &mut |to, _| out.extend((to != own).then(|| to.to_string())),
            &mut |_| {},
        );
        out.sort();
        out.dedup();
        out
    };
    let code = r##"
        use crate::beta::Thing; // crate::delta in a comment
        /* crate::delta /* nested */ crate::delta */
        const S: &str = "crate::delta";
        const R: &str = r#"crate::delta "quoted""#;
        const C: char = '"'; const D: char = '\'';
        fn f<'a>(x: &'a str) -> crate::gamma::G { super::super::lib_item() }
        #[cfg(test)]
        mod tests { use crate::delta::X; }
        #[cfg(test)] #[rustfmt::skip] fn t() { crate::delta::y(); }
    "##;
    assert_eq!(refs("alpha/one.rs", code), ["beta", "gamma", "lib"]);
    assert_eq!(refs("alpha/mod.rs", "use super::{beta::B, gamma};"), ["beta", "gamma"]);
    assert_eq!(refs("alpha/one.rs", "use super::beta;"), Vec::<String>::new());
    assert_eq!(refs("alpha/one.rs", "mod inner { use super::super::beta::B; }"), Vec::<String>::new());
    assert_eq!(refs("alpha/one.rs", "mod inner { use super::super::super::beta::B; }"), ["beta"]);
    assert_eq!(refs("alpha/one.rs", "macro_rules! m { () => { $crate::delta::d() } }"), ["delta"]);
    assert_eq!(refs("alpha/one.rs", "pub(crate) fn f() {} use crate::{self as c, gamma::{G, H}};"), ["gamma", "lib"]);
    assert_eq!(refs("lib.rs", "pub use beta::B; pub mod gamma; fn f() { delta::d() }"), ["beta", "delta"]);
    assert_eq!(
        refs("cli/run.rs", "use onrecord::{beta, check}; use super::args; fn m() { crate::helper() }"),
        ["beta", "lib", "main"]
    );
}

#[test]
fn a_cycle_is_found_and_printed() {
    let mut g = Graph::default();
    for (a, b) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        g.modules.extend([a.to_string(), b.to_string()]);
        g.edges.entry((a.to_string(), b.to_string())).or_default().push(Ref {
            file: "x.rs".into(),
            line: 1,
            text: format!("crate::{b}"),
        });
    }
    assert_eq!(g.cycle().map(|c| c.join(" -> ")).as_deref(), Some("a -> b -> c -> a"));
    g.edges.remove(&("c".to_string(), "a".to_string()));
    assert_eq!(g.cycle(), None);
}

// --- The reader ---

/// A module's place: which crate, its path in it (empty at the root).
#[derive(Clone, Debug)]
struct Module {
    bin: bool,
    path: Vec<String>,
}

/// The top-level modules of the library and of the binary.
struct Crates {
    lib: BTreeSet<String>,
    bin: BTreeSet<String>,
}

impl Crates {
    fn read(src: &Path) -> Crates {
        let main = strip(&std::fs::read_to_string(src.join("main.rs")).expect("src/main.rs"));
        let lib = strip(&std::fs::read_to_string(src.join("lib.rs")).expect("src/lib.rs"));
        Crates { lib: declared_mods(&lib), bin: declared_mods(&main) }
    }

    fn for_test(lib: &[&str], bin: &[&str]) -> Crates {
        Crates { lib: lib.iter().map(|s| s.to_string()).collect(), bin: bin.iter().map(|s| s.to_string()).collect() }
    }

    /// The module of a file, from its path under src/ (`a/b.rs` and `a/b/mod.rs` are `a::b`).
    fn module_of(&self, rel: &str) -> Module {
        let mut path: Vec<String> = rel.trim_end_matches(".rs").split('/').map(str::to_string).collect();
        if path.last().is_some_and(|l| l == "mod") {
            path.pop();
        }
        if path == ["lib"] {
            return Module { bin: false, path: Vec::new() };
        }
        if path == ["main"] {
            return Module { bin: true, path: Vec::new() };
        }
        let bin = self.bin.contains(&path[0]);
        Module { bin, path }
    }

    /// The node a path names: the top-level module `first` of the crate, else its root.
    fn node(&self, bin: bool, first: &str) -> String {
        let (mods, root) = if bin { (&self.bin, "main") } else { (&self.lib, "lib") };
        if mods.contains(first) {
            first.to_string()
        } else {
            root.to_string()
        }
    }
}

/// The node of a module: its top-level module, or its crate root.
fn node_of(m: &Module) -> String {
    match m.path.first() {
        Some(top) => top.clone(),
        None if m.bin => "main".into(),
        None => "lib".into(),
    }
}

/// Where an import is: file, line and the path as written.
#[derive(Clone, Debug)]
struct Ref {
    file: String,
    line: usize,
    text: String,
}

impl std::fmt::Display for Ref {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "src/{}:{} `{}`", self.file, self.line, self.text)
    }
}

#[derive(Default)]
struct Graph {
    modules: BTreeSet<String>,
    /// (from, to) → every reference, in file order.
    edges: BTreeMap<(String, String), Vec<Ref>>,
}

impl Graph {
    fn read(src: &Path) -> Graph {
        let crates = Crates::read(src);
        let mut g = Graph::default();
        g.modules.extend(crates.lib.iter().cloned());
        g.modules.extend(crates.bin.iter().cloned());
        g.modules.extend(["lib".to_string(), "main".to_string()]);
        assert!(crates.lib.is_disjoint(&crates.bin), "a module name is both the library's and the binary's");
        let mut files: Vec<(String, Module, String)> = rust_files(src)
            .into_iter()
            .map(|p| {
                let rel = rel(&p);
                let module = crates.module_of(&rel);
                (rel, module, std::fs::read_to_string(&p).expect("a source file"))
            })
            .collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        // Modules declared under #[cfg(test)] or #[cfg(doc)]: their files are skipped.
        let mut skipped: Vec<Module> = Vec::new();
        let mut refs: Vec<(String, String, Ref)> = Vec::new();
        for (rel, module, text) in &files {
            let code = strip(text);
            let from = node_of(module);
            read_refs(
                &code,
                module,
                &crates,
                &mut |to, at| {
                    let line = code[..at.start].matches('\n').count() + 1;
                    let text = code[at].split_whitespace().collect::<Vec<_>>().join(" ");
                    refs.push((from.clone(), to.to_string(), Ref { file: rel.clone(), line, text }));
                },
                &mut |m| skipped.push(m),
            );
        }
        let is_skipped = |rel: &str| {
            let m = crates.module_of(rel);
            skipped.iter().any(|s| s.bin == m.bin && m.path.starts_with(&s.path))
        };
        for (from, to, r) in refs {
            if from != to && !is_skipped(&r.file) {
                g.edges.entry((from, to)).or_default().push(r);
            }
        }
        g
    }

    /// A cycle, as its modules with the first repeated at the end, if there is one.
    fn cycle(&self) -> Option<Vec<String>> {
        let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (from, to) in self.edges.keys() {
            next.entry(from).or_default().push(to);
        }
        // Depth-first, with the path kept: a module met again on the path closes a cycle.
        fn visit<'a>(
            m: &'a str,
            next: &BTreeMap<&'a str, Vec<&'a str>>,
            path: &mut Vec<&'a str>,
            done: &mut BTreeSet<&'a str>,
        ) -> Option<Vec<String>> {
            if let Some(at) = path.iter().position(|p| *p == m) {
                let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
                cycle.push(m.to_string());
                return Some(cycle);
            }
            if !done.insert(m) {
                return None;
            }
            path.push(m);
            for t in next.get(m).into_iter().flatten() {
                if let Some(c) = visit(t, next, path, done) {
                    return Some(c);
                }
            }
            path.pop();
            None
        }
        let mut done = BTreeSet::new();
        self.modules.iter().find_map(|m| visit(m, &next, &mut Vec::new(), &mut done))
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("a directory of src/").map(|e| e.expect("a directory entry").path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            out.extend(rust_files(&p));
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
    out
}

/// A path under src/, with `/` between its parts.
fn rel(path: &Path) -> String {
    let rel = path.strip_prefix(src()).expect("a path under src/");
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// The names of `mod x;` and `mod x { … }` at the top of a crate root (already stripped),
/// whatever their visibility.
fn declared_mods(code: &str) -> BTreeSet<String> {
    let toks = tokens(code);
    let mut out = BTreeSet::new();
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate() {
        match t.text {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            "mod" if depth == 0 => {
                if let Some(name) = toks.get(k + 1).filter(|n| is_ident(n.text)) {
                    out.insert(name.text.to_string());
                }
            }
            _ => {}
        }
    }
    out
}

/// The source with comments, strings and char literals blanked to spaces (line breaks
/// kept), so every offset and line is the source's.
fn strip(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = b[i..].iter().position(|&c| c == b'\n').map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let (mut depth, mut j) = (0usize, i);
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if (rest[0] == b'r' || rest.starts_with(b"br"))
            && (i == 0 || !ident(b[i - 1]))
            && raw_start(rest).is_some()
        {
            // r"…", r#"…"#, br"…": no escapes; ends at `"` and as many `#`.
            let (prefix, hashes) = raw_start(rest).expect("checked");
            let close: Vec<u8> = std::iter::once(b'"').chain(std::iter::repeat_n(b'#', hashes)).collect();
            let body = i + prefix;
            let end = b[body..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |n| body + n + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if rest[0] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(b.len());
            blank(&mut out, i, end);
            i = end;
        } else if rest[0] == b'\'' {
            // A char literal ('x', '\n', '\u{2019}', '’'), or a lifetime or label ('a), kept.
            if rest.get(1) == Some(&b'\\') {
                let end = b[i + 3..].iter().position(|&c| c == b'\'').map_or(b.len(), |n| i + 3 + n + 1);
                blank(&mut out, i, end);
                i = end;
            } else {
                let ch = src[i + 1..].chars().next().map_or(0, char::len_utf8);
                if ch > 0 && b.get(i + 1 + ch) == Some(&b'\'') {
                    blank(&mut out, i, i + ch + 2);
                    i += ch + 2;
                } else {
                    i += 1;
                }
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("only whole chars were blanked")
}

/// At a raw string's start (`r"`, `r#"`, `br"`…): the length of its opening and its `#`s.
fn raw_start(s: &[u8]) -> Option<(usize, usize)> {
    let r = if s.starts_with(b"br") { 2 } else { 1 };
    let hashes = s[r..].iter().take_while(|&&c| c == b'#').count();
    (s.get(r + hashes) == Some(&b'"')).then_some((r + hashes + 1, hashes))
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    text: &'a str,
    at: usize,
}

fn is_ident(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers (keywords too), numbers, `::`, and every other char as a token of its own.
fn tokens(code: &str) -> Vec<Tok<'_>> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] >= 0x80) {
                i += 1;
            }
        } else if code[i..].starts_with("::") {
            i += 2;
        } else {
            i += 1;
        }
        out.push(Tok { text: &code[start..i], at: start });
    }
    out
}

/// Every reference in a file's code (stripped), as `found(node, span of the path)`; and
/// every module it declares under `#[cfg(test)]` or `#[cfg(doc)]`, as `skip(module)`.
fn read_refs(
    code: &str,
    file: &Module,
    crates: &Crates,
    found: &mut dyn FnMut(&str, std::ops::Range<usize>),
    skip: &mut dyn FnMut(Module),
) {
    let toks = tokens(code);
    let text = |k: usize| toks.get(k).map_or("", |t| t.text);
    let own_mods = if file.bin { &crates.bin } else { &crates.lib };
    // Inline modules open here: (brace depth inside it, name).
    let mut inline: Vec<(usize, String)> = Vec::new();
    let here = |inline: &[(usize, String)]| {
        let mut path = file.path.clone();
        path.extend(inline.iter().map(|(_, n)| n.clone()));
        path
    };
    let mut depth = 0usize;
    let mut k = 0;
    while k < toks.len() {
        let t = text(k);
        match t {
            "{" => depth += 1,
            "}" => {
                if inline.last().is_some_and(|(d, _)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            "#" if [text(k + 1), text(k + 2), text(k + 3), text(k + 5), text(k + 6)] == ["[", "cfg", "(", ")", "]"]
                && matches!(text(k + 4), "test" | "doc") =>
            {
                let end = item_end(&toks, k + 7);
                if let Some(m) = (k + 7..end).find(|&j| text(j) == "mod" && text(j + 2) == ";") {
                    let mut path = here(&inline);
                    path.push(text(m + 1).to_string());
                    skip(Module { bin: file.bin, path });
                }
                k = end;
                continue;
            }
            "mod" if is_ident(text(k + 1)) && text(k + 2) == "{" => inline.push((depth + 1, text(k + 1).to_string())),
            _ => {}
        }
        // A path's head: the crate it is in (the binary's?), the module it starts from
        // (empty: a crate root), and the index of its next name.
        let path_start = text(k + 1) == "::" && !(k > 0 && text(k - 1) == "::");
        let head: Option<(bool, Vec<String>, usize)> = match t {
            _ if !path_start => None,
            "crate" => Some((file.bin, Vec::new(), k + 2)),
            "onrecord" if file.bin => Some((false, Vec::new(), k + 2)),
            "self" if here(&inline).is_empty() => Some((file.bin, Vec::new(), k + 2)),
            "super" => {
                let mut base = here(&inline);
                let mut j = k;
                while text(j) == "super" && text(j + 1) == "::" {
                    base.pop();
                    j += 2;
                }
                Some((file.bin, base, j))
            }
            _ if file.path.is_empty() && inline.is_empty() && own_mods.contains(t) => Some((file.bin, Vec::new(), k)),
            _ => None,
        };
        let Some((bin, base, next)) = head else {
            k += 1;
            continue;
        };
        let start = toks[k].at;
        let mut emit = |first: &str, end: usize| match base.first() {
            Some(top) => found(top, start..end),
            None => found(&crates.node(bin, first), start..end),
        };
        if text(next) != "{" {
            // (The span runs to the path's last name, for the message.)
            let mut last = next;
            while text(last + 1) == "::" && is_ident(text(last + 2)) {
                last += 2;
            }
            emit(text(next), toks.get(last).map_or(code.len(), |t| t.at + t.text.len()));
            k = next + 1;
            continue;
        }
        // A group: the first name of each member.
        let (mut j, mut d, mut member_start) = (next + 1, 1usize, true);
        while j < toks.len() && d > 0 {
            match text(j) {
                "{" => d += 1,
                "}" => d -= 1,
                "," if d == 1 => {
                    member_start = true;
                    j += 1;
                    continue;
                }
                name if member_start && d == 1 => emit(name, toks[j].at + name.len()),
                _ => {}
            }
            member_start = false;
            j += 1;
        }
        k = j;
    }
}

/// Where an item starting at `k` ends (the index after it): its first `;` or `,` outside
/// brackets, or the end of its first `{ … }` outside brackets. Attributes before it are
/// part of it.
fn item_end(toks: &[Tok], mut k: usize) -> usize {
    let text = |k: usize| toks.get(k).map_or("", |t| t.text);
    let mut depth = 0isize;
    while k < toks.len() {
        match text(k) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            ";" | "," if depth == 0 => return k + 1,
            "}" if depth == 0 => return k, // the end of the block around the item
            "{" if depth == 0 => {
                let mut d = 0usize;
                while k < toks.len() {
                    match text(k) {
                        "{" => d += 1,
                        "}" => {
                            d -= 1;
                            if d == 0 {
                                return k + 1;
                            }
                        }
                        _ => {}
                    }
                    k += 1;
                }
                return k;
            }
            _ => {}
        }
        k += 1;
    }
    k
}
