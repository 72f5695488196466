#!/usr/bin/env python3
"""make_corpus.py N OUT_PREFIX: a synthetic parallel pair of N beads drawn
(with a fixed seed) from the gold alignment of the sample interview, a
blank line every 5 beads. Writes OUT_PREFIX.it (Italian) and OUT_PREFIX.zh
(Chinese), one sentence per line (usable raw and with --presegmented)."""
import pathlib
import random
import sys

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"


def sentences(name):
    return [l for l in (DATA / name).read_text(encoding="utf-8").split("\n") if l]


def main():
    n, prefix = int(sys.argv[1]), sys.argv[2]
    it = sentences("mensch-interview.it.sentences.txt")
    zh = sentences("mensch-interview.zh.sentences.txt")
    beads = []
    for line in (DATA / "mensch-interview.it-zh.gold.index").read_text().split("\n"):
        if not line.strip():
            continue
        a, b = line.split("]:[")
        src = [int(x) for x in a.strip("[]").split(",") if x.strip()]
        tgt = [int(x) for x in b.strip("[]").split(",") if x.strip()]
        beads.append((" ".join(it[i] for i in src), "".join(zh[j] for j in tgt)))
    rng = random.Random(1)
    with open(prefix + ".it", "w", encoding="utf-8") as fi, \
         open(prefix + ".zh", "w", encoding="utf-8") as fz:
        for k in range(n):
            s, t = rng.choice(beads)
            if s:
                fi.write(s + "\n")
            if t:
                fz.write(t + "\n")
            if k % 5 == 4:
                fi.write("\n")
                fz.write("\n")


if __name__ == "__main__":
    main()
