#!/usr/bin/env python3
"""Build data/ngrams.fst for onrecord's confusable-word checker.

Two sources (see data/LICENSE-ngrams.md for licences and attribution):

1. The English frequency dictionaries shipped in the PyPI package symspellpy:

  frequency_dictionary_en_82_765.txt         unigrams   "word count"
  frequency_bigramdictionary_en_243_342.txt  bigrams    "word1 word2 count"

   The script keeps every unigram and every bigram that contains a word of a
   confusion set in data/confusables.txt -> data/ngrams.fst.

2. The CMU Sphinx generic US English trigram language model `en-us.lm.bin`
   (BSD-2-Clause) shipped in the PyPI package pocketsphinx. The script reads its
   binary trie format directly (pocketsphinx's own ARPA writer crashes on this
   file) and keeps -> data/ngrams-lm.bin:
     * every unigram (log10 prob and back-off weight);
     * every bigram and trigram that contains a confusion-set word;
     * the bigrams a back-off from such a trigram needs (the history "x y" of a
       trigram "x y w", the tail "y z" of a trigram "w y z").
   The tables are hashed (see write_table and src/confusables/lm.rs): 8-byte
   magic, u64 hash of data/confusables.txt, then per order {u32 bucket bits,
   u32 n, u32 value bytes, u32 block bases[2^(bits-10) + 1], u16 bucket
   offsets[2^bits + 1], u16 hash remainders[n], values[n]}. The key hash is FNV-1a 64 of "w", "a b" or "a b c" folded to
   32 bits (top bits: bucket; low 16 bits stored), so an absent n-gram is
   taken for a present one with probability about n / 2^32.

The count list is written as a sorted "key<TAB>count" file, which the Rust
example `build_ngram_fst` turns into an fst::Map.

Keys: unigram "w", bigram "w1 w2" (lowercase). Reserved keys start with NUL:
  "\\0hash"        FNV-1a 64 of data/confusables.txt (staleness test)
  "\\0bigram_min"  smallest bigram count in the source (its pruning threshold)
  "\\0bigram_total", "\\0unigram_total"  sums over the full source files

Usage:
  python3 scripts/build_ngrams.py                 # pip-downloads both wheels (cached)
  python3 scripts/build_ngrams.py --wheel PATH    # use a symspellpy wheel or unpacked dir
Re-run whenever data/confusables.txt changes.
"""
import argparse
import glob
import hashlib
import math
import os
import re
import struct
import subprocess
import sys
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VERSION = "6.10.1"
UNI = "frequency_dictionary_en_82_765.txt"
BI = "frequency_bigramdictionary_en_243_342.txt"
PS_VERSION = "5.1.1"
# The LM inside the pocketsphinx wheel (identical to Debian's pocketsphinx-en-us).
LM_MEMBER = "pocketsphinx/model/en-us/en-us.lm.bin"
LM_SHA256 = "db21d0642286677699e6dbc859d2e5395570222361999387ce60f6e1d01995d6"
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


def find_ps_wheel():
    """The pocketsphinx wheel for one pinned platform (the LM inside is the same on all)."""
    os.makedirs(CACHE, exist_ok=True)
    pattern = os.path.join(CACHE, f"pocketsphinx-{PS_VERSION}-cp311-cp311-manylinux*x86_64*.whl")
    found = glob.glob(pattern)
    if not found:
        subprocess.check_call([sys.executable, "-m", "pip", "download", f"pocketsphinx=={PS_VERSION}",
                               "--no-deps", "--only-binary=:all:", "--python-version", "3.11",
                               "--implementation", "cp", "--platform", "manylinux2014_x86_64",
                               "-d", CACHE])
        found = glob.glob(pattern)
    if not found:
        sys.exit("could not obtain the pocketsphinx wheel")
    return found[0]


def read_lm_bin(wheel):
    with zipfile.ZipFile(wheel) as z:
        data = z.read(LM_MEMBER)
    digest = hashlib.sha256(data).hexdigest()
    if digest != LM_SHA256:
        sys.exit(f"{LM_MEMBER}: sha256 {digest}, expected {LM_SHA256}")
    return data


def _bits(x):
    return x.bit_length()


def _rd(buf, off, nbits):
    b = off >> 3
    return (int.from_bytes(buf[b:b + 8], "little") >> (off & 7)) & ((1 << nbits) - 1)


def parse_trie_lm(data):
    """Parse a CMU Sphinx "Trie Language Model" binary (order 3).

    Layout (sphinxbase lm_trie.c / ngram_model_trie.c, little-endian): header,
    u8 order, u32 counts[order], i32 (unused), quantisation tables (f32[65536]
    bigram probs, bigram back-offs, trigram probs), unigrams {f32 prob, f32 bo,
    u32 next}[n1 + 1], bit-packed bigram level {word, bo16, prob16, next},
    bit-packed trigram level {word, prob16}, i32 size + NUL-separated words.
    The trie is reversed: a unigram's children are the words *before* it.
    Log values are in base 1.0001. Returns (words, unigrams, bigrams, trigrams)
    with word ids and log10 values.
    """
    hdr = b"Trie Language Model"
    if data[:len(hdr)] != hdr:
        sys.exit("en-us.lm.bin: not a trie LM")
    pos = len(hdr)
    order = data[pos]
    pos += 1
    if order != 3:
        sys.exit(f"en-us.lm.bin: order {order}, expected 3")
    counts = struct.unpack_from("<3I", data, pos)
    pos += 12 + 4
    q = 65536
    mid_prob = struct.unpack_from(f"<{q}f", data, pos)
    mid_bo = struct.unpack_from(f"<{q}f", data, pos + 4 * q)
    long_prob = struct.unpack_from(f"<{q}f", data, pos + 8 * q)
    pos += 12 * q
    n1 = counts[0]
    uni_raw = [struct.unpack_from("<ffI", data, pos + 12 * i) for i in range(n1 + 1)]
    pos += 12 * (n1 + 1)
    wbits, nbits = _bits(n1), _bits(counts[2])
    mtotal, ltotal = wbits + 32 + nbits, wbits + 16
    msize = ((1 + counts[1]) * mtotal + 7) // 8 + 8
    lsize = ((1 + counts[2]) * ltotal + 7) // 8 + 8
    mid = data[pos:pos + msize]
    pos += msize
    lng = data[pos:pos + lsize]
    pos += lsize
    (k,) = struct.unpack_from("<i", data, pos)
    pos += 4
    words = [w.decode("utf-8") for w in data[pos:pos + k].split(b"\0")[:n1]]
    if len(words) != n1 or pos + k != len(data):
        sys.exit("en-us.lm.bin: unexpected layout")
    to10 = math.log(1.0001) / math.log(10)
    uni = [(p * to10, bo * to10) for p, bo, _ in uni_raw[:n1]]
    bis, tris = {}, {}
    for c in range(n1):
        for p in range(uni_raw[c][2], uni_raw[c + 1][2]):
            off = p * mtotal
            b = _rd(mid, off, wbits)
            bo = mid_bo[_rd(mid, off + wbits, 16)] * to10
            pr = mid_prob[_rd(mid, off + wbits + 16, 16)] * to10
            start = _rd(mid, off + wbits + 32, nbits)
            end = _rd(mid, off + mtotal + wbits + 32, nbits)
            bis[(b, c)] = (pr, bo)
            for t in range(start, end):
                a = _rd(lng, t * ltotal, wbits)
                tris[(a, b, c)] = long_prob[_rd(lng, t * ltotal + wbits, 16)] * to10
    return words, uni, bis, tris


# Packed language-model table (data/ngrams-lm.bin); src/confusables/lm.rs reads it.
LM_MAGIC = b"ORLM\x01\x00\x00\x00"
# (bucket bits, value bytes) for the unigram, bigram and trigram tables.
LM_LAYOUT = ((14, 2), (16, 2), (16, 1))
# Buckets per block of the two-level offset index.
LM_BLOCK_BITS = 10


def fnv32(key: bytes) -> int:
    h = fnv1a64(key)
    return (h ^ (h >> 32)) & 0xFFFFFFFF


def q_uni(prob, bo):
    """Unigram: u8 -log10 p * 24 (to -10.6), u8 back-off as q_bo8."""
    return bytes([min(max(int(round(-prob * 24)), 0), 255), q_bo8(bo)])


def q_prob8(prob):
    """u8 -log10 p * 32 (to -7.97)."""
    return min(max(int(round(-prob * 32)), 0), 255)


def q_bo8(bo):
    """u8 (log10 bo + 2.5) * 64 (-2.5 to 1.48)."""
    return min(max(int(round((bo + 2.5) * 64)), 0), 255)


def write_table(out, entries, bucket_bits, value_bytes):
    """A hash table: a two-level bucket index (u32 base per block of 2^10
    buckets, u16 offset from it per bucket), then 16-bit hash remainders sorted
    within each bucket, then the values in the same order. Returns the number
    of hash collisions (one key of each colliding pair is dropped)."""
    rows = {}
    collisions = 0
    for key in sorted(entries, key=lambda k: k.encode("utf-8")):
        h = fnv32(key.encode("utf-8"))
        ident = (h >> (32 - bucket_bits), h & 0xFFFF)
        if ident in rows:
            # Two keys share a hash: keep the likelier n-gram (first value byte
            # is -log10 p, quantised), so the error falls on the rarer one.
            collisions += 1
            if entries[key][0] >= rows[ident][0]:
                continue
        rows[ident] = entries[key]
        assert len(rows[ident]) == value_bytes
    order = sorted(rows)
    nb = 1 << bucket_bits
    offsets = [0] * (nb + 1)
    for bucket, _ in order:
        offsets[bucket + 1] += 1
    for i in range(nb):
        offsets[i + 1] += offsets[i]
    bases = [offsets[b << LM_BLOCK_BITS] for b in range((nb >> LM_BLOCK_BITS) + 1)]
    rel = [offsets[b] - bases[b >> LM_BLOCK_BITS] for b in range(nb + 1)]
    assert max(rel) <= 0xFFFF, "block too full for u16 offsets"
    out += struct.pack("<III", bucket_bits, len(order), value_bytes)
    out += struct.pack(f"<{len(bases)}I", *bases)
    out += struct.pack(f"<{nb + 1}H", *rel)
    out += struct.pack(f"<{len(order)}H", *(rem for _, rem in order))
    out += b"".join(rows[ident] for ident in order)
    return collisions


def lm_tables(words_in_sets, data):
    """The unigram, bigram and trigram entries (key -> packed value bytes)."""
    words, uni, bis, tris = parse_trie_lm(data)
    ids = {w: i for i, w in enumerate(words)}
    sset = {ids[w] for w in words_in_sets if w in ids}
    t1 = {w: q_uni(*uni[i]) for i, w in enumerate(words)}
    # The checker's screen relies on it: a trigram "a b c" is never listed
    # without the bigram "b c" (src/confusables/mod.rs, Checker::screen).
    orphans = sum(1 for (a, b, c) in tris if (b, c) not in bis)
    if orphans:
        sys.exit(f"en-us.lm.bin: {orphans} trigrams without their final bigram")
    t3 = {}
    need_bi = set()
    for (a, b, c), p in tris.items():
        if a in sset or b in sset or c in sset:
            t3[f"{words[a]} {words[b]} {words[c]}"] = bytes([q_prob8(p)])
            if c in sset:
                need_bi.add((a, b))
            if a in sset:
                need_bi.add((b, c))
    t2 = {}
    for (a, b), (p, bo) in bis.items():
        if a in sset or b in sset or (a, b) in need_bi:
            t2[f"{words[a]} {words[b]}"] = bytes([q_prob8(p), q_bo8(bo)])
    print(f"LM: {len(t1)} unigrams, {len(t2)} of {len(bis)} bigrams, {len(t3)} of {len(tris)} trigrams kept")
    return t1, t2, t3


def write_lm(path, conf_hash, tables):
    out = bytearray(LM_MAGIC)
    out += struct.pack("<Q", conf_hash)
    for (bits, vbytes), table in zip(LM_LAYOUT, tables):
        dropped = write_table(out, table, bits, vbytes)
        if dropped:
            print(f"  {dropped} hash collisions (rarer n-gram dropped)")
    with open(path, "wb") as f:
        f.write(bytes(out))


def write_tsv(entries, path):
    with open(path, "w", encoding="utf-8") as f:
        for key in sorted(entries, key=lambda k: k.encode("utf-8")):
            f.write(f"{key}\t{entries[key]}\n")


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
    ap.add_argument("--lm-out", default=os.path.join(ROOT, "data", "ngrams-lm.bin"))
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

    write_tsv(entries, args.tsv)
    missing = sorted(w for w in words if w not in entries)
    print(f"{len(words)} set words, {kept} bigrams kept, {len(entries)} keys -> {args.tsv}")
    if missing:
        print("set words with no unigram count: " + " ".join(missing))
    build_fst(args.tsv, args.out)
    print(f"wrote {args.out} ({os.path.getsize(args.out):,} bytes)")

    tables = lm_tables(words, read_lm_bin(find_ps_wheel()))
    write_lm(args.lm_out, fnv1a64(conf_bytes), tables)
    print(f"wrote {args.lm_out} ({os.path.getsize(args.lm_out):,} bytes)")


if __name__ == "__main__":
    main()
