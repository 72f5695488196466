#!/usr/bin/env python3
"""check_corpus.py: checks a corpus written by make_corpus.py against the
gold pairs it was made from, by text, not by the generator's bookkeeping.

Usage:
  check_corpus.py [--src-lang it --tgt-lang zh] [--window 20] [--show K]
                  OUT [GOLD.index ...]

Checks that
- the gold's source indices, read bead by bead, are 0, 1, ... to the last
  sentence of OUT.<src>, and likewise on the target side (each sentence in
  exactly one bead, in order);
- every bead pairs the texts of a bead of one of the gold pairs (the same
  source sentences with the same target sentences), or is a null bead of a
  sentence that occurs in no gold text of its language (a deletion or an
  insertion from a filler text);
- every paragraph of the corpus is a paragraph of a gold or filler text, and
  two copies of the same paragraph are more than WINDOW paragraphs apart.
Prints K sample beads with their text, and exits 1 on the first kind of
error (listing up to 5 cases of it).
"""
import argparse
import random
import sys

from make_corpus import DEFAULT_FILLERS, DEFAULT_PAIR, langs_of, \
    read_index, read_paragraphs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--src-lang", default="it")
    ap.add_argument("--tgt-lang", default="zh")
    ap.add_argument("--window", type=int, default=20)
    ap.add_argument("--show", type=int, default=6)
    a = ap.parse_args()
    sl, tl = a.src_lang, a.tgt_lang
    ext = ("src", "tgt") if sl == tl else (sl, tl)

    allowed = set()           # (source texts, target texts) of gold beads
    gold_src, gold_tgt = set(), set()
    paras_src, paras_tgt = set(), set()
    for g in a.gold or [DEFAULT_PAIR]:
        stem, s, t = langs_of(g)
        if {s, t} != {sl, tl}:
            continue
        sp = read_paragraphs(f"{stem}.{s}.sentences.txt")
        tp = read_paragraphs(f"{stem}.{t}.sentences.txt")
        if s != sl:
            sp, tp = tp, sp
        ss = [x for p in sp for x in p]
        ts = [x for p in tp for x in p]
        for b in read_index(g):
            bs, bt = (b[1], b[0]) if s != sl else b
            allowed.add((tuple(ss[i] for i in bs), tuple(ts[j] for j in bt)))
        gold_src |= set(ss)
        gold_tgt |= set(ts)
        paras_src |= {tuple(p) for p in sp}
        paras_tgt |= {tuple(p) for p in tp}
    for lang, paras in ((sl, paras_src), (tl, paras_tgt)):
        for f in DEFAULT_FILLERS.get(lang, []):
            paras |= {tuple(p) for p in read_paragraphs(f)}

    src_p = read_paragraphs(f"{a.out}.{ext[0]}")
    tgt_p = read_paragraphs(f"{a.out}.{ext[1]}")
    src = [x for p in src_p for x in p]
    tgt = [x for p in tgt_p for x in p]
    beads = read_index(f"{a.out}.gold.index")

    def fail(what, cases):
        if cases:
            print(f"FAIL: {what}: {len(cases)} cases, e.g.", file=sys.stderr)
            for c in cases[:5]:
                print("  ", c, file=sys.stderr)
            sys.exit(1)

    si = [i for b in beads for i in b[0]]
    ti = [j for b in beads for j in b[1]]
    fail("source indices are not 0..n-1 in order",
         [] if si == list(range(len(src))) else [(len(si), len(src))])
    fail("target indices are not 0..n-1 in order",
         [] if ti == list(range(len(tgt))) else [(len(ti), len(tgt))])
    print(f"ok: {len(beads)} beads cover {len(src)} {sl} and {len(tgt)} {tl} "
          "sentences once each, in order")

    bad, from_gold, fillers = [], 0, 0
    for n, (bs, bt) in enumerate(beads):
        key = (tuple(src[i] for i in bs), tuple(tgt[j] for j in bt))
        if key in allowed:
            from_gold += 1
        elif not bt and len(bs) == 1 and src[bs[0]] not in gold_src:
            fillers += 1
        elif not bs and len(bt) == 1 and tgt[bt[0]] not in gold_tgt:
            fillers += 1
        else:
            bad.append((n, bs, bt, key))
    fail("beads that pair texts no gold bead pairs", bad)
    print(f"ok: {from_gold} beads are gold beads (by text), {fillers} are "
          "null beads of filler sentences found in no gold text")

    for side, paras, known in (("source", src_p, paras_src),
                               ("target", tgt_p, paras_tgt)):
        fail(f"{side} paragraphs not found in the gold or filler texts",
             [(k, p[:1]) for k, p in enumerate(paras) if tuple(p) not in known])
        last, close = {}, []
        for k, p in enumerate(paras):
            key = tuple(p)
            if key in last and k - last[key] <= a.window:
                close.append((last[key], k, p[0][:40]))
            last[key] = k
        fail(f"{side} paragraph copies {a.window} or fewer paragraphs apart",
             close)
        print(f"ok: {len(paras)} {side} paragraphs, all from the gold or "
              f"filler texts; copies of a paragraph are > {a.window} "
              "paragraphs apart")

    rng = random.Random(0)
    picks = sorted(rng.sample(range(len(beads)), min(a.show, len(beads))))
    # one of each kind of bead if possible: many-to-one and null
    for want in (lambda b: len(b[0]) > 1, lambda b: len(b[1]) > 1,
                 lambda b: not b[1], lambda b: not b[0]):
        k = next((k for k, b in enumerate(beads) if want(b)), None)
        if k is not None and k not in picks:
            picks.append(k)
    for k in sorted(picks):
        bs, bt = beads[k]
        print(f"{list(bs)}:{list(bt)}")
        for i in bs:
            print(f"  {sl} {i}: {src[i][:90]}")
        for j in bt:
            print(f"  {tl} {j}: {tgt[j][:60]}")


if __name__ == "__main__":
    main()
