#!/usr/bin/env python3
"""Build data/ngrams.fst for onrecord's confusable-word checker.

Source data: the English frequency dictionaries shipped in the PyPI package
symspellpy (see data/LICENSE-ngrams.md for licence and attribution):

  frequency_dictionary_en_82_765.txt         unigrams   "word count"
  frequency_bigramdictionary_en_243_342.txt  bigrams    "word1 word2 count"

The script keeps every unigram and every bigram that contains a word of a
confusion set in data/confusables.txt, writes them as a sorted "key<TAB>count"
file, and has the Rust example `build_ngram_fst` turn that into an fst::Map.

Keys: unigram "w", bigram "w1 w2" (lowercase). Reserved keys start with NUL:
  "\\0hash"        FNV-1a 64 of data/confusables.txt (staleness test)
  "\\0bigram_min"  smallest bigram count in the source (its pruning threshold)
  "\\0bigram_total", "\\0unigram_total"  sums over the full source files

Usage:
  python3 scripts/build_ngrams.py                 # pip-downloads the wheel (cached)
  python3 scripts/build_ngrams.py --wheel PATH    # use a wheel or unpacked dir
Re-run whenever data/confusables.txt changes.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERSION = "6.10.1"
UNI = "frequency_dictionary_en_82_765.txt"
BI = "frequency_bigramdictionary_en_243_342.txt"
CACHE = os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "onrecord-ngrams")


def fnv1a64(data: bytes) -> int:
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def find_wheel(arg):
    if arg:
        return arg
    os.makedirs(CACHE, exist_ok=True)
    found = glob.glob(os.path.join(CACHE, f"symspellpy-{VERSION}-*.whl"))
    if not found:
        subprocess.check_call([sys.executable, "-m", "pip", "download", f"symspellpy=={VERSION}",
                               "--no-deps", "-d", CACHE])
        found = glob.glob(os.path.join(CACHE, f"symspellpy-{VERSION}-*.whl"))
    if not found:
        sys.exit("could not obtain the symspellpy wheel")
    return found[0]


def read_member(src, name):
    if os.path.isdir(src):
        for path in glob.glob(os.path.join(src, "**", name), recursive=True):
            with open(path, "rb") as f:
                return f.read().decode("utf-8")
        sys.exit(f"{name} not found under {src}")
    with zipfile.ZipFile(src) as z:
        for member in z.namelist():
            if member.endswith("/" + name):
                return z.read(member).decode("utf-8")
    sys.exit(f"{name} not found in {src}")


def set_words(text):
    words = set()
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        for w in re.split(r"[\s/]+", line):
            if w:
                words.add(w.lower().replace("\u2019", "'"))
    return words


def build_fst(tsv, out):
    """Run examples/build_ngram_fst.rs; if the main crate does not build right
    now, build that example alone in a throwaway crate that depends only on fst."""
    cmd = ["cargo", "run", "--quiet", "--release", "--example", "build_ngram_fst", "--", tsv, out]
    if subprocess.call(cmd, cwd=ROOT) == 0:
        return
    print("main crate did not build; building the fst tool in a scratch crate", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "src"))
        with open(os.path.join(tmp, "Cargo.toml"), "w") as f:
            f.write('[package]\nname = "build_ngram_fst"\nversion = "0.0.0"\nedition = "2021"\n\n'
                    '[dependencies]\nfst = "0.4"\n\n[workspace]\n')
        with open(os.path.join(ROOT, "examples", "build_ngram_fst.rs")) as src, \
                open(os.path.join(tmp, "src", "main.rs"), "w") as dst:
            dst.write(src.read())
        subprocess.check_call(["cargo", "run", "--quiet", "--release", "--", tsv, out], cwd=tmp)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheel", help="path to a symspellpy wheel or an unpacked directory")
    ap.add_argument("--out", default=os.path.join(ROOT, "data", "ngrams.fst"))
    ap.add_argument("--tsv", default=os.path.join(tempfile.gettempdir(), "onrecord-ngrams.tsv"))
    args = ap.parse_args()

    conf_bytes = open(os.path.join(ROOT, "data", "confusables.txt"), "rb").read()
    words = set_words(conf_bytes.decode("utf-8"))
    src = find_wheel(args.wheel)

    entries = {}
    uni_total = 0
    for line in read_member(src, UNI).splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        w, c = parts[0].lower(), int(parts[1])
        uni_total += c
        entries[w] = entries.get(w, 0) + c
    bi_total, bi_min, kept = 0, None, 0
    for line in read_member(src, BI).splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        a, b, c = parts[0].lower(), parts[1].lower(), int(parts[2])
        bi_total += c
        bi_min = c if bi_min is None else min(bi_min, c)
        if a in words or b in words:
            key = a + " " + b
            entries[key] = entries.get(key, 0) + c
            kept += 1
    entries["\0hash"] = fnv1a64(conf_bytes)
    entries["\0bigram_min"] = bi_min
    entries["\0bigram_total"] = bi_total
    entries["\0unigram_total"] = uni_total

    with open(args.tsv, "w", encoding="utf-8") as f:
        for key in sorted(entries, key=lambda k: k.encode("utf-8")):
            f.write(f"{key}\t{entries[key]}\n")
    missing = sorted(w for w in words if w not in entries)
    print(f"{len(words)} set words, {kept} bigrams kept, {len(entries)} keys -> {args.tsv}")
    if missing:
        print("set words with no unigram count: " + " ".join(missing))
    build_fst(args.tsv, args.out)
    print(f"wrote {args.out} ({os.path.getsize(args.out):,} bytes)")


if __name__ == "__main__":
    main()
