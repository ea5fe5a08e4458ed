#!/usr/bin/env python3
"""Score onrecord's source types against hand-written gold.

usage: score_sources.py BINARY GOLD.json [GOLD.json ...] [--verbose]

Gold files carry "source_type" on each quote and a "claims" list
({"near", "occurrence", "source", "source_type"}); see corpus/README.md.
Quotes are matched by text as in ../shared/tools/score.py; a predicted claim
matches a gold claim when its span overlaps the gold "near" span.
Prints, per article and overall: quote source-type accuracy, claim recall and
precision, claim source-type accuracy, and a confusion table of the errors.
"""
import collections, json, os, re, subprocess, sys


def norm(s):
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s).strip()
    return s.strip(" ,.;:!?\u2014-").lower()


def byte_span(raw, near, occurrence=0):
    n = near.encode("utf-8")
    i = -1
    for _ in range(occurrence + 1):
        i = raw.find(n, i + 1)
        if i < 0:
            return None
    return (i, i + len(n))


def main():
    args = sys.argv[1:]
    verbose = "--verbose" in args
    args = [a for a in args if a != "--verbose"]
    binary, golds = args[0], args[1:]
    tot = collections.Counter()
    confusion = collections.Counter()
    for gp in golds:
        g = json.load(open(gp, encoding="utf-8"))
        if "claims" not in g:
            continue
        art = os.path.join(os.path.dirname(gp), g["article"])
        raw = open(art, "rb").read()
        p = subprocess.run([binary, "quotes", art, "--format", "json"], capture_output=True, timeout=60)
        out = json.loads(p.stdout.decode("utf-8"))
        preds, pclaims = out["quotes"], out.get("claims", [])
        c = collections.Counter()
        used = set()
        for gq in g["quotes"]:
            if "source_type" not in gq:
                continue
            gt = norm(gq["text"])
            for i, pq in enumerate(preds):
                pt = norm(pq.get("text") or "")
                if i not in used and (pt == gt or (gq.get("prefix") and pt.startswith(gt)) or (len(gt) > 25 and gt in pt)):
                    used.add(i)
                    c["quotes"] += 1
                    if pq["source_type"] == gq["source_type"]:
                        c["quote_type_ok"] += 1
                    else:
                        confusion[("quote", gq["source_type"], pq["source_type"])] += 1
                        if verbose:
                            print("   quote %-13s got %-13s %s" % (gq["source_type"], pq["source_type"], gq["text"][:50]))
                    break
        matched = set()
        for gc in g["claims"]:
            c["gold_claims"] += 1
            sp = byte_span(raw, gc["near"], gc.get("occurrence", 0))
            hit = None
            if sp:
                for i, pc in enumerate(pclaims):
                    if i not in matched and pc["start"] < sp[1] and pc["end"] > sp[0]:
                        hit = i
                        break
            if hit is None:
                if verbose:
                    print("   missed claim %-13s %s" % (gc["source_type"], gc["near"][:60]))
                continue
            matched.add(hit)
            c["claims_found"] += 1
            if pclaims[hit]["source_type"] == gc["source_type"]:
                c["claim_type_ok"] += 1
            else:
                confusion[("claim", gc["source_type"], pclaims[hit]["source_type"])] += 1
                if verbose:
                    print("   claim %-13s got %-13s %s" % (gc["source_type"], pclaims[hit]["source_type"], gc["near"][:50]))
        c["pred_claims"] += len(pclaims)
        if verbose:
            for i, pc in enumerate(pclaims):
                if i not in matched:
                    print("   extra claim %-13s %s" % (pc["source_type"], pc["text"][:60]))
        print("%-45s quote types %3d/%-3d claims %3d/%-3d found (%d predicted), types %3d/%d" % (
            g["article"], c["quote_type_ok"], c["quotes"], c["claims_found"], c["gold_claims"],
            len(pclaims), c["claim_type_ok"], c["claims_found"]))
        tot.update(c)

    def ratio(a, b):
        return "%.3f" % (a / b) if b else "n/a"
    print("TOTAL quote source type %d/%d = %s; claims recall %d/%d = %s, precision %d/%d = %s; claim source type %d/%d = %s" % (
        tot["quote_type_ok"], tot["quotes"], ratio(tot["quote_type_ok"], tot["quotes"]),
        tot["claims_found"], tot["gold_claims"], ratio(tot["claims_found"], tot["gold_claims"]),
        tot["claims_found"], tot["pred_claims"], ratio(tot["claims_found"], tot["pred_claims"]),
        tot["claim_type_ok"], tot["claims_found"], ratio(tot["claim_type_ok"], tot["claims_found"])))
    both_ok = tot["quote_type_ok"] + tot["claim_type_ok"]
    both = tot["quotes"] + tot["claims_found"]
    print("TOTAL source type (quotes and found claims) %d/%d = %s" % (both_ok, both, ratio(both_ok, both)))
    for (kind, gold, got), n in sorted(confusion.items(), key=lambda kv: -kv[1]):
        print("  %-5s gold %-13s got %-13s %d" % (kind, gold, got, n))


if __name__ == "__main__":
    main()
