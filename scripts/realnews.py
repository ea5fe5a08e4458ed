#!/usr/bin/env python3
"""Measure onrecord on real published news with human attribution annotations (PolNeAR).

usage: realnews.py BIN [--corpus DIR] [--split train|dev|all] [--judgments FILE]
                   [--referents FILE] [--show-misses N] [--json OUT]

The corpus (default ../shared/realnews/polnear from the repository root) holds
SPLIT/text/NAME.txt and SPLIT/attributions/NAME_XXXX.ann (brat standoff, one file per
annotator). The texts belong to their publishers: this script writes no article text
anywhere and prints text only under --show-misses. When the corpus is absent it says so
and exits 0. The binary is run once per split over the text directory (`check` and
`quotes`). Per split it prints:

1. Findings: articles, warning/error findings in total and per article, per rule count
   and per-article rate; info findings on a line of their own.

2. Precision against judgments (TSV, default data/realnews-judgments.tsv; columns split,
   file, rule, start, end, verdict in true|style|false|furniture, optional cause; byte
   offsets). A finding matches a judgment with the same split, file, rule, start and end.
   Per rule: findings, matched, verdicts, precision = (true+style)/matched, unjudged; the
   same over all warning/error findings. "Slips kept": judgments with verdict true whose
   finding is still reported (same file and rule, overlapping span), x/y.

3. Direct quotes. Only the first annotator file of an article in sorted order is used.
   An attribution (E line; Content and Content2 parts both count) is direct when one of
   its Contents holds a double quotation mark (“ ” or ", or '' as some New York Times
   texts write it). Articles whose chosen annotation file holds no attribution are
   skipped. Gold segments are the quoted stretches inside such a Content: from an
   opening mark to the mark that closes it (nested quotes stay inside the outer one; an
   opening mark at the start of a paragraph inside an open quote continues it); an opening
   mark left open runs to the Content's end, a closing mark with no opener starts at the
   Content's start (or at the previous segment's end). Straight marks open or close by
   their neighbours (space before: opening; space or punctuation after: closing), else
   they toggle. Segments of the same span from nested attributions count once, with the
   innermost attribution's Source. Character offsets are converted to UTF-8 byte offsets.
   Overlap is measured in words (runs of letters and digits; marks never count). A gold
   segment is found when one onrecord quote covers at least half of its words and the
   segment covers at least half of the quote's words.
   - recall = found segments / gold segments;
   - precision = among onrecord quotes sharing a word with some direct Content, the share
     matched to a gold segment; the others are "quotes outside annotations" (the corpus
     does not annotate scare quotes), printed apart with how many of them fall in a
     Content without double marks;
   - speaker accuracy = among found segments whose attribution has a Source, the share
     whose speaker is right; also the share with speaker null and wrong (non-null, not
     right). Segments whose attribution has no Source are counted, not judged.
   Who said it. A name is right for a Source when, after casefolding and dropping
   possessives, punctuation and leading determiners and titles (the, Mr., Sen., Gov.,
   President, Secretary ...):
   (a) the Source's last capitalised significant word is among the name's words, or
   (b) the name's last significant word is among the Source's words, or
   (c) the words of one are a run inside the other, the inner one holding a word that is
       not a determiner, title or generic word ("Republicans" in "County Republicans"); a
       lone party or nationality word only at the end of the other ("Republican" is not
       right for "Republican front-runner Jo Bloggs").
   Significant words exclude pronouns, determiners, titles, generic body words (campaign,
   department, spokesman, officials, sources ...) and party or nationality words
   (Republican, Democratic, American ...), so bodies match by their distinctive words.
   Two full names with the same surname and a different word before it (Jo / Sam
   Bloggs) do not match. A Source with commas or parentheses is judged by its comma
   parts whose significant words are all capitalised and whose last word is ("X, a fellow
   at Y," as "X"; "Y's chief executive, X," as "X"), or that end in a name after a role in
   lower case ("the potter X"), parentheses dropped; a part opening on "a"/"an" is a
   description and never the name ("X, a former adviser to the Kellan Guild,"), and a
   state after a town ("of Tarrow, Ore.") stays in its part; "A and B" is right for A or B.
   Source kinds. Named: a capitalised significant word (a sentence-initial one only when
   the word also occurs capitalised mid-sentence in the article), unless the Source is a
   determiner phrase ending in a common noun ("the Lakeland mayor", "a Bloggs aide"), which
   is a description. Pronoun: only pronouns (he, she, they, I, we, who ...). Otherwise a
   description. Named Sources are judged directly. Pronouns and definite descriptions
   (the/this/his/her/its/their ... or a possessive) are judged against a referent: the
   referents TSV (default data/realnews-referents.tsv; split, file, source_start,
   source_end, referent_start, referent_end, character offsets; the Source span is its
   first fragment's start to its last fragment's end) when it has the Source; else a
   heuristic: I/we/me/us/my/our inside another direct attribution's Content take that
   attribution's Source (resolved in turn); who/which/that take the capitalised name just
   before them; otherwise the nearest preceding annotated named Source in the article.
   Descriptions are also judged against their own words ("a spokesman" is right for "a
   spokesman", and so is a description's head phrase, its qualifier left off: "a source"
   for "a source at the wharf", when the tool's words are a description too);
   indefinite ones only so. The output counts judgments by method (direct
   name, referents file, heuristic, own words, no referent) and splits all figures by kind.

4. Indirect claims: attributions whose Contents have no quotation mark at all (a Content
   with a single opening mark ‘ and no double mark is neither direct nor indirect).
   Covered: some onrecord claim's span overlaps the gold Source or Cue (byte spans).
   Among covered attributions with a Source, the share where the `source` of at least one
   overlapping claim is right by the rule above (referents as in 3).

5. --show-misses N: up to N quotes with a wrong speaker and N with none, with file, byte
   offset, gold Source, tool speaker and the sentence (terminal only).
6. --json OUT: all numbers (no text, no file names) for comparing runs.
"""
import argparse
import bisect
import collections
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOUBLE_MARKS = "“”\""
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
VERDICTS = ("true", "style", "false", "furniture")

PRONOUNS = set("he she they i we you it him her them me us his its their our my your "
               "himself herself themselves itself ourselves myself who whom which that "
               "this these those one".split())
FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}
RELATIVE = {"who", "whom", "which", "that"}
DETERMINERS = set("the a an this that these those his her its their our my your some "
                  "several many one two three another other both each any all most".split())
DEFINITE = set("the this that these those his her its their our my your".split())
TITLES = set("mr mrs ms miss dr sen senator rep representative gov governor president "
             "secretary former vice gen general lt col adm judge justice rev reverend prof "
             "professor mayor chairman chairwoman chair speaker leader sir lord dame "
             "candidate nominee presidential attorney ambassador minister prime chief "
             "sgt capt lieutenant colonel admiral commissioner director jr sr del delegate".split())
GENERIC = set("campaign campaigns department office committee administration spokesman "
              "spokeswoman spokesperson spokespeople aide aides official officials staff "
              "staffer staffers team group organization agency company party statement "
              "report people press source sources adviser advisers advisor advisors "
              "supporters supporter member members representatives officer officers "
              "analysis analyst analysts expert experts critics critic voters voter others "
              "of and for on in at to from with by".split())
NON_NAME_CAPS = set("republican republicans democrat democrats democratic gop american "
                    "americans conservative conservatives liberal liberals progressive "
                    "progressives independent independents libertarian evangelical "
                    "evangelicals muslim muslims christian christians catholic jewish "
                    "latino latinos hispanic hispanics mexican mexicans chinese russian "
                    "russians british european".split())
NOT_SIGNIFICANT = PRONOUNS | DETERMINERS | TITLES | GENERIC | NON_NAME_CAPS


# ---------------------------------------------------------------- small helpers

def pct(n, d):
    return "%.1f%%" % (100.0 * n / d) if d else "n/a"


def ratio(n, d):
    return round(n / d, 4) if d else None


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


# ---------------------------------------------------------------- articles

class Article:
    """One article: text, char->byte map, word tokens (byte spans) and attributions."""

    def __init__(self, name, text):
        self.name = name
        self.text = text
        b = [0]
        for ch in text:
            b.append(b[-1] + (1 if ch < "\x80" else len(ch.encode("utf-8"))))
        self.c2b = b
        toks = [(b[m.start()], b[m.end()]) for m in WORD_RE.finditer(text)]
        self.tok_starts = [s for s, _ in toks]
        self.tok_ends = [e for _, e in toks]
        self.caps = None
        self.attrs = []

    def words(self, byte_pieces):
        """Indices of word tokens overlapping any of the byte pieces."""
        out = set()
        for s, e in byte_pieces:
            i = bisect.bisect_right(self.tok_ends, s)
            j = bisect.bisect_left(self.tok_starts, e)
            out.update(range(i, j))
        return out

    def bytes_of(self, char_pieces):
        return [(self.c2b[s], self.c2b[e]) for s, e in char_pieces]

    def mid_caps(self):
        """Capitalised words that occur somewhere not at a sentence start."""
        if self.caps is None:
            self.caps = {m.group() for m in WORD_RE.finditer(self.text)
                         if m.group()[:1].isupper() and not sentence_initial(self.text, m.start())}
        return self.caps


def parse_ann(path, textlen):
    """Attributions of one brat file: list of dicts role -> list of char fragment lists.

    Lines other than `Tn<TAB>Kind START END[;START END]<TAB>text` and `En<TAB>Role:Tk ...`
    are ignored (notes, and continuation lines of annotated text holding newlines)."""
    spans, events, odd = {}, [], 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if re.fullmatch(r"T\d+", parts[0]):
                m = re.fullmatch(r"(\S+) (\d+ \d+(?:;\d+ \d+)*)", parts[1].strip())
                if not m:
                    odd += 1
                    continue
                frags = []
                for fr in m.group(2).split(";"):
                    s, e = map(int, fr.split())
                    if 0 <= s < e <= textlen:
                        frags.append((s, e))
                    else:
                        odd += 1
                if frags:
                    spans[parts[0]] = sorted(frags)
            elif re.fullmatch(r"E\d+", parts[0]):
                events.append(parts[1].split())
    attrs = []
    for ev in events:
        a = collections.defaultdict(list)
        if not any(":" in item for item in ev):
            odd += 1
            continue
        for item in ev:
            role, _, tid = item.partition(":")
            role = re.sub(r"\d+$", "", role)
            if tid in spans:
                a[role].append(spans[tid])
            else:
                odd += 1
        attrs.append(a)
    return attrs, odd


def load_split(split_dir):
    """Articles with text and annotations, and counts of what was skipped."""
    stats = collections.Counter()
    tdir, adir = os.path.join(split_dir, "text"), os.path.join(split_dir, "attributions")
    texts = {stem(f): f for f in os.listdir(tdir) if f.endswith(".txt")} if os.path.isdir(tdir) else {}
    anns = collections.defaultdict(list)
    if os.path.isdir(adir):
        for f in sorted(os.listdir(adir)):
            if f.endswith(".ann") and "_" in f:
                anns[f[:-4].rsplit("_", 1)[0]].append(f)
    stats["text files"] = len(texts)
    stats["annotated articles"] = len(anns)
    stats["annotations without text (skipped)"] = len(set(anns) - set(texts))
    stats["texts without annotations (skipped)"] = len(set(texts) - set(anns))
    stats["articles with 2+ annotators (first file used)"] = sum(1 for v in anns.values() if len(v) > 1)
    arts = {}
    for name in sorted(set(texts) & set(anns)):
        try:
            with open(os.path.join(tdir, texts[name]), encoding="utf-8", newline="") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError):
            stats["unreadable texts (skipped)"] += 1
            continue
        art = Article(name, text)
        roles, odd = parse_ann(os.path.join(adir, anns[name][0]), len(text))
        stats["odd annotation items (ignored)"] += odd
        art.attrs = [Attr(art, r) for r in roles]
        if not art.attrs:
            stats["empty annotation files (skipped)"] += 1
            continue
        arts[name] = art
    return arts, stats


# ---------------------------------------------------------------- gold segments

def straight_role(text, i, n, inside):
    """Whether the straight mark text[i:i+n] opens or closes, judged by its neighbours."""
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + n] if i + n < len(text) else "\n"
    if (prev.isspace() or prev in "([{—–-/“‘") and not nxt.isspace():
        return "open"
    if (nxt.isspace() or nxt in ".,;:!?)]}—–-’”") and not prev.isspace():
        return "close"
    return "close" if inside else "open"


def marks(text, a, b):
    """(position, length) of double quotation marks in text[a:b]: “ ” " and ''."""
    i = a
    while i < b:
        ch = text[i]
        if ch in DOUBLE_MARKS:
            yield i, 1
        elif ch == "'" and i + 1 < b and text[i + 1] == "'":
            yield i, 2
            i += 1
        i += 1


def has_double_mark(s):
    return any(ch in s for ch in DOUBLE_MARKS) or "''" in s


def paragraph_start(text, i):
    j = i - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] == "\n"


def quote_segments(text, frags):
    """Char spans (start, end) of the quoted stretches inside a Content's fragments."""
    segs, depth, start = [], 0, None
    last = frags[0][0]
    for a, b in frags:
        for i, n in marks(text, a, b):
            ch = text[i]
            role = {"“": "open", "”": "close"}.get(ch) or straight_role(text, i, n, depth > 0)
            if role == "open":
                if depth == 0:
                    depth, start = 1, i
                elif not paragraph_start(text, i):
                    depth += 1
            elif depth == 0:
                segs.append((last, i + n))
                last = i + n
            else:
                depth -= 1
                if depth == 0:
                    segs.append((start, i + n))
                    last = i + n
    if depth > 0:
        segs.append((start, frags[-1][1]))
    return segs


def clip(seg, frags):
    s, e = seg
    return [(max(s, a), min(e, b)) for a, b in frags if max(s, a) < min(e, b)]


def content_kind(text, contents):
    joined = "".join(text[a:b] for frags in contents for a, b in frags)
    if has_double_mark(joined):
        return "direct"
    if "‘" in joined:
        return "single"
    return "indirect"


class Attr:
    """One gold attribution with its source, cue, contents and kind."""

    def __init__(self, art, roles):
        self.source = roles.get("Source", [None])[0]
        self.cue = roles.get("Cue", [None])[0]
        self.contents = roles.get("Content", [])
        self.kind = content_kind(art.text, self.contents) if self.contents else "none"
        self.content_words = art.words(art.bytes_of([p for c in self.contents for p in c]))
        self.size = sum(e - s for c in self.contents for s, e in c)

    def source_text(self, text):
        return " ".join(text[a:b] for a, b in self.source) if self.source else None

    def source_start(self):
        return self.source[0][0] if self.source else None


def gold_segments(art, stats):
    """Gold direct-quote segments: dicts with attr, byte pieces and word set."""
    by_span = {}
    for at in art.attrs:
        if at.kind != "direct":
            continue
        for frags in at.contents:
            for seg in quote_segments(art.text, frags):
                pieces = art.bytes_of(clip(seg, frags))
                words = art.words(pieces)
                if not words:
                    stats["gold segments without words (dropped)"] += 1
                    continue
                key = (min(words), max(words))
                old = by_span.get(key)
                if old is not None:
                    stats["gold segments repeated by nested attributions (merged)"] += 1
                    if old["attr"].size <= at.size:
                        continue
                by_span[key] = {"attr": at, "pieces": pieces, "words": words, "char": seg[0]}
    return [by_span[k] for k in sorted(by_span)]


# ---------------------------------------------------------------- names and speakers

def name_words(s, titles=True):
    """(words, capitalised flags) after normalising; leading determiners (and titles) dropped."""
    s = s.replace("’", "'").replace("‘", "'")
    s = re.sub(r"'s\b|s'(?=\s|$)", lambda m: "" if m.group(0) == "'s" else "s", s)
    raw = [w.replace("'", "") for w in re.findall(r"[\w']+", s)]
    raw = [w for w in raw if w]
    while raw and (raw[0].casefold() in DETERMINERS or (titles and raw[0].casefold() in TITLES)):
        raw = raw[1:]
    return [w.casefold() for w in raw], [w[:1].isupper() for w in raw]


def significant(words):
    return [w for w in words if w not in NOT_SIGNIFICANT and not w.isdigit()]


def contains_run(a, b):
    """True when word list b is a contiguous run inside a."""
    return bool(b) and any(a[i:i + len(b)] == b for i in range(len(a) - len(b) + 1))


def first_name_clash(ssig, gsig):
    """Same surname, different word before it (Jo / Sam Bloggs); initials pass."""
    return (len(ssig) >= 2 and len(gsig) >= 2 and ssig[-1] == gsig[-1] and ssig[-2] != gsig[-2]
            and len(ssig[-2]) > 1 and len(gsig[-2]) > 1)


def name_parts(source):
    """The parts of a Source that name: "X, a senior fellow at Y," -> ["X"];
    "Y's chief executive, X," -> ["X"]; "the director of the FBI, James B. Comey," ->
    both parts (an appositive names the same one). Parentheses are dropped; then every
    comma part whose significant words are all capitalised and whose last word is, else
    the whole."""
    source = re.sub(r"\([^)]*\)?", " ", source)
    parts = []
    for p in source.split(","):
        if not p.strip():
            continue
        # A place's state or country after its town ("of Tarrow, Ore.") continues the part.
        if parts and PLACE_TAIL.search(parts[-1]) and re.fullmatch(r"\s*(?:[A-Z][\w.]*\s*){1,2}", p):
            parts[-1] += "," + p
        else:
            parts.append(p)
    if len(parts) < 2:
        return [source]
    named = []
    for part in parts:
        words, caps = name_words(part)
        sig = [c for w, c in zip(words, caps) if w in significant(words)]
        # (An appositive opening on "a"/"an" describes: "a former adviser to the Kellan
        # Guild" names the guild, not the source.)
        if re.match(r"\s*(?:a|an)\s", part, re.I):
            continue
        if sig and all(sig) and caps[-1]:
            named.append(part)
        # "the potter Ana Ruiz": a role in lower case, then the name.
        elif role_then_name(words, caps):
            named.append(part)
    return named or [source]


# A part ending in a capitalised place after "of", "in" or "from".
PLACE_TAIL = re.compile(r"\b(?:of|in|from)\s+[A-Z][\w.'’-]*\s*$")


def role_then_name(words, caps):
    """The words end in two or more capitalised significant words after a lowercase
    significant word (a role noun, not a preposition or article)."""
    n = 0
    while n < len(words) and caps[len(words) - 1 - n]:
        n += 1
    if n < 2 or n == len(words):
        return False
    run, before = words[len(words) - n:], words[len(words) - n - 1]
    return len(significant(run)) >= 2 and before in significant(words)


def name_part(source):
    """The first naming part of a Source (see name_parts)."""
    return name_parts(source)[0]


def name_match(speaker, source):
    """The speaker-name rule of the module docstring; "A and B" matches either part, and
    a name set off by commas matches as well as the phrase it stands beside."""
    if not speaker or not source:
        return False
    for part in name_parts(source):
        parts = re.split(r"\s+(?:and|&)\s+", part)
        if any(name_match_one(speaker, s) for s in [part] + (parts if len(parts) > 1 else [])):
            return True
    return False


def name_match_one(speaker, source):
    sw, _ = name_words(speaker)
    gw, gcaps = name_words(source)
    ssig, gsig = significant(sw), significant(gw)
    if not ssig and not gsig:
        sb, gb = name_words(speaker, titles=False)[0], name_words(source, titles=False)[0]
        return bool(sb) and sb == gb or contained(sw, gw)
    # (Only a capitalised word before the surname is a given name: "an angry Hollande"
    # is Hollande.)
    lower_before = len(gsig) >= 2 and any(w == gsig[-2] and not c for w, c in zip(gw, gcaps))
    if first_name_clash(ssig, gsig) and not lower_before:
        return False
    caps = [w for w, c in zip(gw, gcaps) if c and w in gsig]
    if caps and caps[-1] in ssig:
        return True
    if ssig and ssig[-1] in gsig:
        return True
    return contained(sw, gw)


def contained(sw, gw):
    """Rule (c): the words of one are a run inside the other, the inner one meaningful; a
    lone party or nationality word only as the other's last word (the group itself)."""
    def inside(outer, inner):
        if len(inner) == 1 and inner[0] in NON_NAME_CAPS:
            return outer[-1:] == inner
        return contains_run(outer, inner)
    return (inside(gw, sw) and bool(meaningful(sw))) or (inside(sw, gw) and bool(meaningful(gw)))


def meaningful(words):
    """Words that can carry a containment match: party and nationality words count here."""
    return [w for w in words if w not in NOT_SIGNIFICANT - NON_NAME_CAPS]


def sentence_initial(text, pos):
    j = pos - 1
    while j >= 0 and (text[j] in " \t“\"‘(" or text[j] == "'"):
        j -= 1
    return j < 0 or text[j] in "\n.!?:—”" or text[j] == '"'


def source_kind(art, at):
    """named | pronoun | description for an attribution's Source."""
    text, frags = art.text, at.source
    toks = [(m.group(), a + m.start()) for a, b in frags for m in WORD_RE.finditer(text[a:b])]
    if not toks:
        return "description"
    low = [w.casefold() for w, _ in toks]
    if all(w in PRONOUNS for w in low) and len(toks) <= 2:
        return "pronoun"
    for i, (w, pos) in enumerate(toks):
        lw = re.sub(r"['’]s$", "", w).casefold()
        if not w[:1].isupper() or lw in NOT_SIGNIFICANT or lw.isdigit():
            continue
        if i == 0 and sentence_initial(text, pos) and w not in art.mid_caps():
            continue
        return "description" if common_head(at.source_text(text)) else "named"
    return "description"


def common_head(source):
    """A determiner phrase ending in a common noun: "the Lakeland mayor", "a Bloggs aide";
    its head may be followed by a place or body it is of ("the harbor master of Tarrow",
    "his rivals in the Kellan Guild")."""
    words = WORD_RE.findall(name_part(source))
    head = next((i for i, w in enumerate(words) if i > 0 and w in HEAD_ENDS), len(words))
    return head >= 2 and words[0].casefold() in DETERMINERS and words[head - 1].islower()


# Prepositions that end a description's head: "the senator from Tarrow".
HEAD_ENDS = {"of", "from", "in", "at", "on", "for", "with"}


def is_definite(source):
    w = WORD_RE.findall(source.replace("’", "'"))
    return bool(w) and (w[0].casefold() in DEFINITE or "'" in w[0])


class Resolver:
    """Referent of a pronoun or definite-description Source: file entry or heuristic."""

    def __init__(self, art, split, referents):
        self.art, self.split, self.referents = art, split, referents
        self.with_source = sorted((at for at in art.attrs if at.source), key=Attr.source_start)
        self.starts = [at.source_start() for at in self.with_source]
        self.kinds = {id(at): source_kind(art, at) for at in self.with_source}

    def kind(self, at):
        return self.kinds.get(id(at)) or source_kind(self.art, at)

    def from_file(self, at):
        key = (self.split, self.art.name, at.source[0][0], at.source[-1][1])
        span = self.referents.get(key)
        if span and 0 <= span[0] < span[1] <= len(self.art.text):
            return self.art.text[span[0]:span[1]]
        return None

    def enclosing(self, at):
        pos = at.source[0][0]
        best = None
        for other in self.art.attrs:
            if other is at or other.kind != "direct":
                continue
            if any(a <= pos < b for c in other.contents for a, b in c):
                if best is None or other.size < best.size:
                    best = other
        return best

    def name_before(self, at):
        s = at.source[0][0]
        m = re.search(r"([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)[\s,]*$", self.art.text[max(0, s - 80):s])
        return m.group(1) if m else None

    def heuristic(self, at, depth=0):
        text = self.art.text
        src = at.source_text(text)
        low = src.strip().casefold()
        if low in FIRST_PERSON and depth < 4:
            outer = self.enclosing(at)
            if outer is not None and outer.source:
                if self.kind(outer) == "named":
                    return outer.source_text(text)
                return self.heuristic(outer, depth + 1) or outer.source_text(text)
        if low in RELATIVE:
            name = self.name_before(at)
            if name:
                return name
        i = bisect.bisect_left(self.starts, at.source_start())
        for other in reversed(self.with_source[:i]):
            if self.kind(other) == "named":
                return other.source_text(text)
        return None

    def judge(self, at, speaker):
        """(kind, method, right) for a tool name against an attribution's Source."""
        src = at.source_text(self.art.text)
        kind = self.kind(at)
        if kind == "named":
            return kind, "direct name", name_match(speaker, src)
        candidates = [src] if kind == "description" else []
        method, ref = "no referent", None
        if kind == "pronoun" or is_definite(src):
            ref = self.from_file(at)
            if ref is not None:
                method = "referents file"
            else:
                ref = self.heuristic(at)
                method = "heuristic" if ref else "no referent"
        elif kind == "description":
            method = "own words"
        if ref:
            candidates.append(ref)
        right = any(name_match(speaker, c) for c in candidates)
        # A description is also named by its own head phrase, its qualifier left off ("a
        # source" for "a source at the wharf", "one of the potters" for "one of the
        # potters, who asked not to be named").
        # (The tool's own words must be a description too: "Democrat" is a party's name.)
        if not right and kind == "description" and speaker and re.search(r"\b[a-z]", speaker):
            right = description_head(speaker) == description_head(src) != ""
        return kind, method, right


def description_head(phrase):
    """A description's words up to its first comma, relative pronoun or preposition,
    lowercased, determiners dropped: "a source at the wharf" -> "source"."""
    head = re.split(r",|\s(?:who|which|that|at|in|on|with|from|for|familiar|close|involved|briefed)\s",
                    phrase.replace("\xa0", " ") + " ", maxsplit=1)[0]
    words = [w for w in re.findall(r"[\w'’-]+", head.casefold()) if w not in DETERMINERS]
    return " ".join(words)


def load_referents(path):
    refs = {}
    if not path or not os.path.isfile(path):
        return refs
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 6 or line.startswith("#"):
                continue
            try:
                nums = [int(x) for x in p[2:6]]
            except ValueError:
                continue
            refs[(p[0], stem(p[1]), nums[0], nums[1])] = (nums[2], nums[3])
    return refs


# ---------------------------------------------------------------- running the tool

def json_stream(s):
    dec, i, out = json.JSONDecoder(), 0, []
    while True:
        while i < len(s) and s[i].isspace():
            i += 1
        if i >= len(s):
            return out
        obj, i = dec.raw_decode(s, i)
        out.append(obj)


def run_tool(binary, args):
    p = subprocess.run([binary] + args, capture_output=True)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        sys.exit("onrecord %s failed with status %d" % (args[0], p.returncode))
    return json_stream(p.stdout.decode("utf-8"))


# ---------------------------------------------------------------- 1. findings

def findings_section(check, n_articles, out):
    diags = [d for f in check for d in f.get("diagnostics", [])]
    loud = [d for d in diags if d.get("severity") in ("warning", "error")]
    info = [d for d in diags if d.get("severity") == "info"]
    by_rule = collections.Counter(d["rule"] for d in loud)
    info_rule = collections.Counter(d["rule"] for d in info)
    rate = lambda n: n / n_articles if n_articles else 0.0
    print("\n-- 1. findings (check) --")
    print("articles %d   findings (warning/error) %d   per article %.2f" % (n_articles, len(loud), rate(len(loud))))
    for rule, n in by_rule.most_common():
        print("  %-32s %5d  %6.3f/article" % (rule, n, rate(n)))
    print("info findings %d (%.3f/article): %s" % (len(info), rate(len(info)),
          ", ".join("%s %d" % kv for kv in info_rule.most_common()) or "none"))
    out["findings"] = {"articles": n_articles, "warning_error": len(loud), "info": len(info),
                       "by_rule": dict(by_rule), "info_by_rule": dict(info_rule)}


# ---------------------------------------------------------------- 2. judgments

def load_judgments(path):
    rows = []
    if not path or not os.path.isfile(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 6 or line.startswith("#"):
                continue
            try:
                s, e = int(p[3]), int(p[4])
            except ValueError:
                continue
            rows.append({"split": p[0], "file": stem(p[1]), "rule": p[2], "start": s, "end": e,
                         "verdict": p[5].strip().lower()})
    return rows


def judgments_section(check, split, judgments, path, out):
    shown = os.path.relpath(path, ROOT) if os.path.abspath(path).startswith(ROOT + os.sep) else path
    print("\n-- 2. precision against judgments (%s) --" % shown)
    mine = [j for j in judgments if j["split"] == split]
    if not mine:
        print("no judgments for this split" + ("" if judgments else " (file absent or empty)"))
    exact = {(j["file"], j["rule"], j["start"], j["end"]): j["verdict"] for j in mine}
    per = collections.defaultdict(collections.Counter)
    found_spans = collections.defaultdict(list)
    for f in check:
        name = stem(f["path"])
        for d in f.get("diagnostics", []):
            loud = d.get("severity") in ("warning", "error")
            found_spans[(name, d["rule"])].append((d["start"], d["end"]))
            v = exact.get((name, d["rule"], d["start"], d["end"]))
            for key in (d["rule"],) + (("(all warning/error)",) if loud else ()):
                c = per[key]
                c["now"] += 1
                c["matched" if v else "unjudged"] += 1
                if v:
                    c[v if v in VERDICTS else "other"] += 1
    res = {}
    if mine or judgments:
        print("  %-32s %5s %7s %5s %5s %5s %5s %9s %8s" % ("rule", "now", "matched", "true", "style",
              "false", "furn", "precision", "unjudged"))
    for rule in sorted(per, key=lambda r: (r.startswith("("), -per[r]["now"], r)):
        c = per[rule]
        good = c["true"] + c["style"]
        res[rule] = dict(c, precision=ratio(good, c["matched"]))
        if mine or judgments:
            print("  %-32s %5d %7d %5d %5d %5d %5d %9s %8d" % (rule, c["now"], c["matched"], c["true"], c["style"],
                  c["false"], c["furniture"], pct(good, c["matched"]), c["unjudged"]))
    slips = [j for j in mine if j["verdict"] == "true"]
    kept = sum(1 for j in slips if any(s < j["end"] and e > j["start"] for s, e in found_spans.get((j["file"], j["rule"]), [])))
    print("slips kept: %d/%d" % (kept, len(slips)))
    out["judgments"] = {"by_rule": res, "slips_kept": kept, "slips": len(slips)}


# ---------------------------------------------------------------- 3. direct quotes

def match_quotes(art, golds, quotes):
    """Index of the matched tool quote for each gold segment (or None), and per-quote flags."""
    qwords = [art.words([(q["start"], q["end"])]) for q in quotes]
    matched_q = [False] * len(quotes)
    picks = []
    for g in golds:
        best, best_ov = None, 0
        for i, qw in enumerate(qwords):
            ov = len(g["words"] & qw)
            if ov and 2 * ov >= len(g["words"]) and 2 * ov >= len(qw) and ov > best_ov:
                best, best_ov = i, ov
        picks.append(best)
        if best is not None:
            matched_q[best] = True
    return picks, qwords, matched_q


def sentence_around(text, pos, at, width=400):
    """The paragraph text from the sentence before the quote to the end of its Source, at
    most width characters (for --show-misses only)."""
    para = text.rfind("\n", 0, pos) + 1
    m = None
    for m in re.finditer(r"[.!?][”\"']?\s", text[para:pos]):
        pass
    start = para + m.end() if m else para
    if at.source and para <= at.source[0][0] < start:
        start = at.source[0][0]
    end = max([pos] + [b for a, b in at.source or []] + [b for c in at.contents for a, b in c])
    nl = text.find("\n", end)
    end = min(end if nl < 0 else max(end, min(nl, end + 40)), start + width)
    return text[start:end].replace("\n", " / ")


def quotes_section(arts, quotes_by_name, split, referents, show, out):
    c = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    methods = collections.Counter()
    by_method = collections.defaultdict(collections.Counter)
    misses = {"wrong": [], "null": []}
    for name, art in sorted(arts.items()):
        golds = gold_segments(art, c)
        quotes = quotes_by_name.get(name, {}).get("quotes", [])
        resolver = Resolver(art, split, referents)
        picks, qwords, matched_q = match_quotes(art, golds, quotes)
        direct_words = set().union(*[at.content_words for at in art.attrs if at.kind == "direct"])
        other_words = set().union(*[at.content_words for at in art.attrs if at.kind != "direct"])
        for i, qw in enumerate(qwords):
            if qw & direct_words:
                c["tool quotes on direct contents"] += 1
                c["tool quotes matched"] += matched_q[i]
            else:
                c["quotes outside annotations"] += 1
                c["  of which inside another annotated Content"] += bool(qw & other_words)
        for g, pick in zip(golds, picks):
            at = g["attr"]
            kind = resolver.kind(at) if at.source else "no source"
            c["gold segments"] += 1
            by_kind[kind]["gold"] += 1
            if pick is None:
                continue
            c["found"] += 1
            by_kind[kind]["found"] += 1
            if not at.source:
                continue
            q = quotes[pick]
            kind, method, right = resolver.judge(at, q.get("speaker"))
            methods[method] += 1
            verdict = "null" if not q.get("speaker") else ("right" if right else "wrong")
            c["judged"] += 1
            c[verdict] += 1
            # The annotators credit a relaying outlet ("X said, according to the Ledger") where
            # onrecord names the speaker and the relay apart: counted, not scored.
            if verdict != "right" and q.get("via") and resolver.judge(at, q.get("via"))[2]:
                c["not right, relay names the Source"] += 1
            by_kind[kind]["judged"] += 1
            by_kind[kind][verdict] += 1
            by_method[method][verdict] += 1
            if show and verdict != "right" and len(misses[verdict]) < show:
                ref = resolver.from_file(at) if method == "referents file" else (
                    resolver.heuristic(at) if method == "heuristic" else None)
                misses[verdict].append((name, g["pieces"][0][0], at.source_text(art.text), q.get("speaker"),
                                        sentence_around(art.text, g["char"], at), kind, method, ref))
    print_quotes(c, by_kind, methods)
    print("  not right, but the quote's relay (via) names the annotated Source: %d" % c["not right, relay names the Source"])
    print("  %-14s %7s %7s %7s %7s" % ("judged by", "judged", "right", "null", "wrong"))
    for m, v in sorted(by_method.items()):
        n = sum(v.values())
        print("  %-14s %7d %7s %7s %7s" % (m, n, pct(v["right"], n), pct(v["null"], n), pct(v["wrong"], n)))
    out["quotes"] = {"counts": dict(c), "by_kind": {k: dict(v) for k, v in by_kind.items()},
                     "methods": dict(methods), "recall": ratio(c["found"], c["gold segments"]),
                     "precision": ratio(c["tool quotes matched"], c["tool quotes on direct contents"]),
                     "speaker_right": ratio(c["right"], c["judged"]), "speaker_null": ratio(c["null"], c["judged"]),
                     "speaker_wrong": ratio(c["wrong"], c["judged"])}
    return misses


def print_quotes(c, by_kind, methods):
    print("\n-- 3. direct quotes --")
    print("gold segments %d   found %d   recall %s" % (c["gold segments"], c["found"], pct(c["found"], c["gold segments"])))
    print("tool quotes on direct-quote contents %d   matched %d   precision %s" % (
        c["tool quotes on direct contents"], c["tool quotes matched"],
        pct(c["tool quotes matched"], c["tool quotes on direct contents"])))
    print("quotes outside annotations %d (inside an annotated Content without double marks: %d)" % (
        c["quotes outside annotations"], c["  of which inside another annotated Content"]))
    for k in ("gold segments without words (dropped)", "gold segments repeated by nested attributions (merged)"):
        if c[k]:
            print("%s %d" % (k, c[k]))
    print("speaker judged %d (found segments with an annotated Source; %d without Source not judged)" % (
        c["judged"], c["found"] - c["judged"]))
    print("  right %d (%s)   null %d (%s)   wrong %d (%s)" % (c["right"], pct(c["right"], c["judged"]),
          c["null"], pct(c["null"], c["judged"]), c["wrong"], pct(c["wrong"], c["judged"])))
    print("  judged by: " + ", ".join("%s %d" % kv for kv in sorted(methods.items())))
    print("  %-12s %6s %6s %7s %7s %7s %7s %7s" % ("source kind", "gold", "found", "recall", "judged", "right", "null", "wrong"))
    for k in ("named", "pronoun", "description", "no source"):
        v = by_kind.get(k, collections.Counter())
        print("  %-12s %6d %6d %7s %7d %7s %7s %7s" % (k, v["gold"], v["found"], pct(v["found"], v["gold"]), v["judged"],
              pct(v["right"], v["judged"]), pct(v["null"], v["judged"]), pct(v["wrong"], v["judged"])))


# ---------------------------------------------------------------- 4. indirect claims

def claims_section(arts, quotes_by_name, split, referents, out):
    c = collections.Counter()
    by_kind = collections.defaultdict(collections.Counter)
    for name, art in sorted(arts.items()):
        claims = quotes_by_name.get(name, {}).get("claims", [])
        resolver = Resolver(art, split, referents)
        c["single-quoted contents (neither)"] += sum(1 for at in art.attrs if at.kind == "single")
        c["attributions without Content"] += sum(1 for at in art.attrs if at.kind == "none")
        for at in art.attrs:
            if at.kind != "indirect":
                continue
            c["gold indirect"] += 1
            spans = art.bytes_of((at.source or []) + (at.cue or []))
            hits = [cl for cl in claims if any(cl["start"] < e and cl["end"] > s for s, e in spans)]
            if not hits:
                continue
            c["covered"] += 1
            if not at.source:
                c["covered without Source"] += 1
                continue
            judged = [resolver.judge(at, cl.get("source")) for cl in hits]
            kind = judged[0][0]
            right = any(j[2] for j in judged)
            c["judged"] += 1
            c["right"] += right
            by_kind[kind]["judged"] += 1
            by_kind[kind]["right"] += right
    print("\n-- 4. indirect claims --")
    print("gold indirect attributions %d   covered by a claim %d (%s)" % (c["gold indirect"], c["covered"],
          pct(c["covered"], c["gold indirect"])))
    print("claim source right %d/%d (%s)   [%d covered without annotated Source not judged]" % (
        c["right"], c["judged"], pct(c["right"], c["judged"]), c["covered without Source"]))
    print("  by kind: " + ", ".join("%s %d/%d (%s)" % (k, v["right"], v["judged"], pct(v["right"], v["judged"]))
                                   for k, v in sorted(by_kind.items())))
    print("not counted: %d Contents with single marks only, %d attributions without Content" % (
        c["single-quoted contents (neither)"], c["attributions without Content"]))
    out["claims"] = {"counts": dict(c), "by_kind": {k: dict(v) for k, v in by_kind.items()},
                     "coverage": ratio(c["covered"], c["gold indirect"]), "source_right": ratio(c["right"], c["judged"])}


# ---------------------------------------------------------------- 5. misses

def print_misses(misses):
    for kind, title in (("wrong", "wrong speaker"), ("null", "no speaker")):
        print("\n-- 5. %s (up to %d) --" % (title, len(misses[kind])))
        for name, off, src, spk, line, source_kind, method, ref in misses[kind]:
            refers = "  refers to %r" % ref if ref else ""
            print("%s @%d  gold %r%s  tool %r  [%s, %s]\n    %s" % (name, off, src, refers, spk, source_kind, method, line))


# ---------------------------------------------------------------- main

def run_split(args, split, judgments, referents):
    split_dir = os.path.join(args.corpus, split)
    tdir = os.path.join(split_dir, "text")
    if not os.path.isdir(tdir):
        print("\n== %s: no text folder at %s, skipped ==" % (split, tdir))
        return None
    out = {}
    print("\n== %s ==" % split)
    arts, stats = load_split(split_dir)
    print("; ".join("%s %d" % kv for kv in stats.items() if kv[1]))
    check = run_tool(args.binary, ["check", tdir, "--format", "json", "--fail-on", "never"])
    check_files = [f for doc in check for f in doc.get("files", [])]
    quotes = {stem(o["path"]): o for o in run_tool(args.binary, ["quotes", tdir, "--format", "json"]) if "path" in o}
    findings_section(check_files, stats["text files"], out)
    judgments_section(check_files, split, judgments, args.judgments, out)
    misses = quotes_section(arts, quotes, split, referents, args.show_misses, out)
    claims_section(arts, quotes, split, referents, out)
    if args.show_misses:
        print_misses(misses)
    out["corpus"] = dict(stats)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "realnews", "polnear"))
    ap.add_argument("--split", choices=("train", "dev", "all"), default="all")
    ap.add_argument("--judgments", default=os.path.join(ROOT, "data", "realnews-judgments.tsv"))
    ap.add_argument("--referents", default=os.path.join(ROOT, "data", "realnews-referents.tsv"))
    ap.add_argument("--show-misses", type=int, default=0, metavar="N")
    ap.add_argument("--json", metavar="OUT")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        print("realnews: corpus not found at %s, nothing measured" % os.path.normpath(args.corpus))
        return 0
    judgments = load_judgments(args.judgments)
    referents = load_referents(args.referents)
    print("judgments: %d rows%s; referents: %d rows%s" % (
        len(judgments), "" if os.path.isfile(args.judgments) else " (no file)",
        len(referents), "" if os.path.isfile(args.referents) else " (no file)"))
    results = {}
    for split in (("train", "dev") if args.split == "all" else (args.split,)):
        res = run_split(args, split, judgments, referents)
        if res is not None:
            results[split] = res
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
