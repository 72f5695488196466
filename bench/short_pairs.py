#!/usr/bin/env python3
"""short_pairs.py: a corpus of many short document pairs cut from gold pairs,
and the strict F1 of a batch alignment of it, to measure what a lexicon
learnt across a batch (`allinea learn`) adds over learning per pair.

Usage:
  short_pairs.py make OUT_DIR BEADS SRC TGT GOLD [SRC TGT GOLD ...]
      Cuts each gold pair (sentence files: one sentence a line, blank lines
      between paragraphs ignored; gold index `[i, j]:[k]` lines) into
      documents of BEADS gold beads each, written as OUT_DIR/dNNNN.src and
      .tgt (one sentence a line) with OUT_DIR/dNNNN.gold.index, and
      OUT_DIR/list.tsv naming them all (for --pairs).
  short_pairs.py score OUT_DIR TEST_INDEX SCORE_ALIGNMENT
      Joins the per-document gold and a batch's index output
      (`allinea align --pairs OUT_DIR/list.tsv -f index`: a first column
      naming the document) into one alignment each, the documents' sentence
      numbers offset, and prints the output of SCORE_ALIGNMENT (the
      score-alignment binary) on the two.

Example:
  python3 bench/short_pairs.py make /tmp/sp 12 a.it a.zh a.gold.index
  allinea align --pairs /tmp/sp/list.tsv --presegmented -f index -o /tmp/sp.index
  python3 bench/short_pairs.py score /tmp/sp /tmp/sp.index build/bin/score-alignment
"""
import ast
import os
import subprocess
import sys
import tempfile


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line for line in f.read().split("\n") if line.strip()]


def read_index(lines):
    beads = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        src, tgt = line.split(":")
        beads.append((list(ast.literal_eval(src)), list(ast.literal_eval(tgt))))
    return beads


def format_bead(src, tgt):
    return "[{}]:[{}]".format(", ".join(map(str, src)), ", ".join(map(str, tgt)))


def make(out_dir, size, triples):
    os.makedirs(out_dir, exist_ok=True)
    names = []
    for src_path, tgt_path, gold_path in triples:
        src = read_lines(src_path)
        tgt = read_lines(tgt_path)
        with open(gold_path, encoding="utf-8") as f:
            gold = read_index(f)
        for start in range(0, len(gold), size):
            name = "d{:04d}".format(len(names))
            s_out, t_out, g_out = [], [], []
            for src_ids, tgt_ids in gold[start:start + size]:
                g_out.append(format_bead(range(len(s_out), len(s_out) + len(src_ids)),
                                         range(len(t_out), len(t_out) + len(tgt_ids))))
                s_out += [src[i] for i in src_ids]
                t_out += [tgt[j] for j in tgt_ids]
            if not s_out or not t_out:
                continue
            for ext, lines in ((".src", s_out), (".tgt", t_out), (".gold.index", g_out)):
                with open(os.path.join(out_dir, name + ext), "w", encoding="utf-8") as f:
                    f.write("\n".join(lines) + "\n")
            names.append(name)
    with open(os.path.join(out_dir, "list.tsv"), "w", encoding="utf-8") as f:
        f.write("".join("{0}.src\t{0}.tgt\n".format(n) for n in names))
    print("short_pairs: {} documents of {} gold beads in {}".format(len(names), size, out_dir),
          file=sys.stderr)


def joined(beads_by_doc, names, sizes):
    out = []
    src_offset = tgt_offset = 0
    for name in names:
        for src, tgt in beads_by_doc.get(name, []):
            out.append(format_bead([i + src_offset for i in src], [j + tgt_offset for j in tgt]))
        src_offset += sizes[name][0]
        tgt_offset += sizes[name][1]
    return out


def score(out_dir, test_path, scorer):
    with open(os.path.join(out_dir, "list.tsv"), encoding="utf-8") as f:
        names = [line.split("\t")[0][:-len(".src")] for line in f if line.strip()]
    sizes = {n: (len(read_lines(os.path.join(out_dir, n + ".src"))),
                 len(read_lines(os.path.join(out_dir, n + ".tgt")))) for n in names}
    gold = {}
    for n in names:
        with open(os.path.join(out_dir, n + ".gold.index"), encoding="utf-8") as f:
            gold[n] = read_index(f)
    test = {}
    with open(test_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            doc, bead = line.rstrip("\n").split("\t")
            test.setdefault(doc[:-len(".src")], []).extend(read_index([bead]))
    with tempfile.TemporaryDirectory() as tmp:
        g = os.path.join(tmp, "gold.index")
        t = os.path.join(tmp, "test.index")
        for path, beads in ((g, gold), (t, test)):
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(joined(beads, names, sizes)) + "\n")
        sys.stdout.write(subprocess.run([scorer, g, t], check=True, capture_output=True,
                                        text=True).stdout)


def main(argv):
    if len(argv) >= 6 and argv[1] == "make" and (len(argv) - 4) % 3 == 0:
        triples = [tuple(argv[k:k + 3]) for k in range(4, len(argv), 3)]
        make(argv[2], int(argv[3]), triples)
    elif len(argv) == 5 and argv[1] == "score":
        score(argv[2], argv[3], argv[4])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
