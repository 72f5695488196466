#!/usr/bin/env python3
"""make_corpus.py: a long synthetic parallel corpus with a known alignment.

Usage:
  make_corpus.py [options] N OUT [GOLD.index ...]

Writes OUT.<src> and OUT.<tgt> (e.g. OUT.it and OUT.zh; OUT.src and OUT.tgt
if the two languages are the same), one sentence per line with a blank line
between paragraphs (the input format of `allinea align --presegmented`), and
OUT.gold.index, their alignment in the index format of the gold files
(`[i, j]:[k]`, 0-based indices counting the non-blank lines).

How it is made:
- Units. Each gold pair (sentence files + gold index) is cut into its
  paragraph-level units: the finest runs of gold beads that start and end on
  a paragraph boundary on both sides. The mensch-interview it-zh pair gives
  54 units (44 bilingual; 7 source-only and 3 target-only ones, which are
  the gold's own null paragraphs: titles, byline, a bullet list, ...). A
  unit's paragraph breaks and beads are copied unchanged.
- Order. Units are drawn at random (seed --seed, default 1) from the pooled
  units of all pairs, with a window rule that keeps the gold unambiguous:
  a unit may recur only once at least --window (default 20) paragraphs have
  been written on EACH side since its previous copy, so no copy has a twin
  that a deletion or an insertion could be aligned to instead.
- Deletions and insertions. After each unit, independently, a source-only
  paragraph follows with probability --del-rate and a target-only paragraph
  with probability --ins-rate (both 0.02 by default; the deletion first when
  both). Their paragraphs come from DIFFERENT monolingual texts of the same
  language (tests/data/mistral-newsletter.it and extra/it-intervista for
  Italian, extra/zh-duihua for Chinese, extra/en-report for English; or
  --src-filler / --tgt-filler), so they have no counterpart; each of their
  sentences is a null bead in the gold. Filler texts that are a side of a
  gold pair, and filler paragraphs sharing a sentence with a gold text, are
  not used. Filler paragraphs are taken in a shuffled cycle.
- Size. Units are added until the longer side has N sentences (the last unit
  may overshoot by a few). The output is streamed: memory does not grow
  with N.
- The window needs enough units: if it cannot be kept (a pool of a few
  units, as from one short pair), the files are written but the exit status
  is 1; lower --window or add pairs.

Gold pairs: each GOLD.index named DIR/NAME.S-T.gold.index, with its
sentence files DIR/NAME.S.sentences.txt and DIR/NAME.T.sentences.txt (or
--pair SRC_SENTENCES TGT_SENTENCES GOLD.index for other names). Default:
tests/data/mensch-interview.it-zh.gold.index. The corpus languages are
--src-lang/--tgt-lang or those of the first pair; a pair in the opposite
direction is used reversed, a pair in other languages is skipped (with a
note on stderr). A summary goes to stderr.
"""
import argparse
import collections
import os
import pathlib
import random
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"
DEFAULT_PAIR = DATA / "mensch-interview.it-zh.gold.index"
DEFAULT_FILLERS = {
    "it": [DATA / "mistral-newsletter.it.sentences.txt",
           DATA / "extra" / "it-intervista.sentences.txt"],
    "zh": [DATA / "extra" / "zh-duihua.sentences.txt"],
    "en": [DATA / "extra" / "en-report.sentences.txt"],
}


def die(msg):
    sys.exit("make_corpus: " + msg)


def read_paragraphs(path):
    """Paragraphs (lists of sentences) of a one-sentence-per-line file."""
    paras, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.strip():
                cur.append(line)
            elif cur:
                paras.append(cur)
                cur = []
    if cur:
        paras.append(cur)
    return paras


def read_index(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            if not line.strip():
                continue
            m = re.fullmatch(r"\s*\[([\d,\s]*)\]:\[([\d,\s]*)\]\s*", line)
            if not m:
                die(f"{path}:{no}: expected [i, j]:[k]")
            beads.append(tuple([int(x) for x in g.split(",") if x.strip()]
                               for g in m.groups()))
    return beads


class Unit:
    """A run of whole paragraphs on both sides and the beads between them.
    Bead indices are relative to the unit's first sentence on each side."""
    __slots__ = ("src", "tgt", "n_src", "n_tgt", "p_src", "p_tgt", "beads",
                 "name")

    def __init__(self, src_paras, tgt_paras, beads, name):
        self.src = "\n\n".join("\n".join(p) for p in src_paras)
        self.tgt = "\n\n".join("\n".join(p) for p in tgt_paras)
        self.n_src = sum(map(len, src_paras))
        self.n_tgt = sum(map(len, tgt_paras))
        self.p_src, self.p_tgt = len(src_paras), len(tgt_paras)
        self.beads = beads
        self.name = name


def null_first(beads):
    """Within each run of null beads, source-only ones first (the order of
    the gold files)."""
    out, run = [], []
    for b in beads + [None]:
        if b is not None and (not b[0] or not b[1]):
            run.append(b)
            continue
        out += [x for x in run if x[0]] + [x for x in run if not x[0]]
        run = []
        if b is not None:
            out.append(b)
    return out


def pair_units(src_path, tgt_path, gold_path, swap, name):
    src, tgt = read_paragraphs(src_path), read_paragraphs(tgt_path)
    beads = read_index(gold_path)
    if swap:
        src, tgt = tgt, src
        beads = null_first([(t, s) for s, t in beads])
    src_sents = [s for p in src for s in p]
    tgt_sents = [s for p in tgt for s in p]
    if [i for b in beads for i in b[0]] != list(range(len(src_sents))) or \
       [j for b in beads for j in b[1]] != list(range(len(tgt_sents))):
        die(f"{gold_path}: the beads do not cover the sentences of "
            f"{src_path} and {tgt_path} once each, in order")
    # paragraph index of each sentence; a cut is allowed where both sides
    # are at the start of a paragraph (or at the end of the text)
    def starts(paras):
        out, k = {}, 0
        for n, p in enumerate(paras):
            out[k] = n
            k += len(p)
        out[k] = len(paras)
        return out
    s_starts, t_starts = starts(src), starts(tgt)
    units, cur, i0, j0, i, j = [], [], 0, 0, 0, 0
    for b in beads:
        cur.append(b)
        i += len(b[0])
        j += len(b[1])
        if i in s_starts and j in t_starts:
            rel = [([x - i0 for x in s], [y - j0 for y in t]) for s, t in cur]
            units.append(Unit(src[s_starts[i0]:s_starts[i]],
                              tgt[t_starts[j0]:t_starts[j]], rel,
                              f"{name}#{len(units)}"))
            cur, i0, j0 = [], i, j
    return units, set(src_sents), set(tgt_sents)


def langs_of(gold_path):
    m = re.fullmatch(r"(.*)\.([A-Za-z]+)-([A-Za-z]+)\.gold\.index",
                     str(gold_path))
    if not m:
        die(f"{gold_path}: expected a name NAME.S-T.gold.index "
            "(or use --pair SRC TGT GOLD)")
    return m.group(1), m.group(2), m.group(3)


def lang_of_sentences(path):
    m = re.search(r"\.([A-Za-z-]+)\.sentences\.txt$", str(path))
    return m.group(1) if m else None


class FillerCycle:
    """Filler paragraphs in a shuffled cycle, as single-side units; a
    paragraph used less than `window` paragraphs ago is passed over for the
    next one in the cycle."""

    def __init__(self, paths, gold_sentences, side, rng, window):
        self.paras, self.rng, self.side, self.window = [], rng, side, window
        self.paths, self.dropped, self.violations = paths, 0, 0
        for p in paths:
            for para in read_paragraphs(p):
                if any(s in gold_sentences for s in para):
                    self.dropped += 1
                else:
                    self.paras.append(para)
        self.order, self.pos = [], 0
        self.last = [None] * len(self.paras)  # paragraphs written after it

    def next(self, written):
        """A unit for the next filler paragraph; `written` is the number of
        paragraphs on this side so far."""
        if self.pos == len(self.order):
            self.order = list(range(len(self.paras)))
            self.rng.shuffle(self.order)
            self.pos = 0
        for k in range(self.pos, len(self.order) + self.pos):
            cand = self.order[k % len(self.order)]
            if self.last[cand] is None or written - self.last[cand] >= self.window:
                break
        else:
            k = self.pos
            self.violations += 1
        k %= len(self.order)
        o = self.order
        o[self.pos], o[k] = o[k], o[self.pos]
        para_no = o[self.pos]
        self.pos += 1
        self.last[para_no] = written + 1
        para = self.paras[para_no]
        if self.side == "src":
            return Unit([para], [], [([x], []) for x in range(len(para))],
                        "deletion")
        return Unit([], [para], [([], [k]) for k in range(len(para))],
                    "insertion")


class Writer:
    def __init__(self, prefix, src_lang, tgt_lang):
        if src_lang == tgt_lang:
            src_lang, tgt_lang = "src", "tgt"
        self.paths = [f"{prefix}.{src_lang}", f"{prefix}.{tgt_lang}",
                      f"{prefix}.gold.index"]
        buf = 1 << 20
        self.fs = open(self.paths[0], "w", encoding="utf-8", buffering=buf)
        self.ft = open(self.paths[1], "w", encoding="utf-8", buffering=buf)
        self.fg = open(self.paths[2], "w", encoding="utf-8", buffering=buf)
        self.n_src = self.n_tgt = self.p_src = self.p_tgt = 0
        self.types = collections.Counter()

    def put(self, u):
        if u.p_src:
            self.fs.write(("\n" if self.p_src else "") + u.src + "\n")
        if u.p_tgt:
            self.ft.write(("\n" if self.p_tgt else "") + u.tgt + "\n")
        i0, j0 = self.n_src, self.n_tgt
        lines = []
        for s, t in u.beads:
            lines.append("[" + ", ".join(str(i0 + x) for x in s) + "]:[" +
                         ", ".join(str(j0 + y) for y in t) + "]\n")
            self.types[(len(s), len(t))] += 1
        self.fg.write("".join(lines))
        self.n_src += u.n_src
        self.n_tgt += u.n_tgt
        self.p_src += u.p_src
        self.p_tgt += u.p_tgt

    def close(self):
        for f in (self.fs, self.ft, self.fg):
            f.close()


def main():
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="See the top of bench/make_corpus.py for how the corpus is made.")
    ap.add_argument("n", type=int, help="sentences on the longer side")
    ap.add_argument("out", help="output prefix")
    ap.add_argument("gold", nargs="*", help="gold pairs, NAME.S-T.gold.index")
    ap.add_argument("--pair", nargs=3, action="append", default=[],
                    metavar=("SRC", "TGT", "GOLD"),
                    help="a gold pair with other file names")
    ap.add_argument("--src-lang")
    ap.add_argument("--tgt-lang")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--window", type=int, default=20,
                    help="paragraphs on each side between two copies of a unit")
    ap.add_argument("--del-rate", type=float, default=0.02,
                    help="chance of a source-only paragraph after each unit")
    ap.add_argument("--ins-rate", type=float, default=0.02,
                    help="chance of a target-only paragraph after each unit")
    ap.add_argument("--src-filler", action="append", default=[],
                    help="monolingual source-language text for deletions")
    ap.add_argument("--tgt-filler", action="append", default=[],
                    help="monolingual target-language text for insertions")
    a = ap.parse_args()

    specs = []  # (src file, tgt file, gold, src lang, tgt lang, name)
    for g in a.gold or ([] if a.pair else [DEFAULT_PAIR]):
        stem, s, t = langs_of(g)
        specs.append((f"{stem}.{s}.sentences.txt", f"{stem}.{t}.sentences.txt",
                      g, s, t, f"{os.path.basename(stem)} {s}-{t}"))
    for s_file, t_file, g in a.pair:
        specs.append((s_file, t_file, g, lang_of_sentences(s_file) or a.src_lang,
                      lang_of_sentences(t_file) or a.tgt_lang,
                      os.path.basename(g)))
    src_lang = a.src_lang or specs[0][3]
    tgt_lang = a.tgt_lang or specs[0][4]
    if not src_lang or not tgt_lang:
        die("cannot tell the languages: give --src-lang and --tgt-lang")

    units, used = [], []
    gold_src, gold_tgt, gold_files = set(), set(), set()
    for s_file, t_file, g, sl, tl, name in specs:
        if (sl, tl) == (src_lang, tgt_lang):
            swap = False
        elif (tl, sl) == (src_lang, tgt_lang):
            swap = True
        else:
            print(f"make_corpus: skipping {name}: not {src_lang}-{tgt_lang}",
                  file=sys.stderr)
            continue
        u, ss, ts = pair_units(s_file, t_file, g, swap, name)
        if swap:
            name += " (reversed)"
            s_file, t_file = t_file, s_file
        seen = {(x.src, x.tgt) for x in units}  # a text in two pairs: once
        u = [x for x in u if (x.src, x.tgt) not in seen]
        units += u
        used.append(f"{name}: {len(u)} units")
        gold_src |= ss
        gold_tgt |= ts
        gold_files |= {os.path.realpath(s_file), os.path.realpath(t_file)}
    if not units:
        die(f"no {src_lang}-{tgt_lang} gold pair")

    rng = random.Random(a.seed)

    def fillers(given, lang, gold_sentences, side, rate):
        paths = given or DEFAULT_FILLERS.get(lang, [])
        paths = [p for p in paths if os.path.realpath(p) not in gold_files]
        if rate <= 0:
            return None
        if not paths:
            die(f"no {lang} filler text: give --{side}-filler")
        cyc = FillerCycle(paths, gold_sentences, side, rng, a.window)
        if not cyc.paras:
            die(f"no usable {lang} filler paragraph in {paths}")
        return cyc

    dels = fillers(a.src_filler, src_lang, gold_src, "src", a.del_rate)
    ins = fillers(a.tgt_filler, tgt_lang, gold_tgt, "tgt", a.ins_rate)

    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    w = Writer(a.out, src_lang, tgt_lang)
    # Units that may be drawn (eligible) and those waiting out the window
    # (a FIFO of (unit, paragraphs written on each side after it)): both
    # counters only grow, so the head of the FIFO is always the first free.
    eligible = list(range(len(units)))
    cooling = collections.deque()
    violations = n_del = n_ins = s_del = s_ins = placed = 0
    while max(w.n_src, w.n_tgt) < a.n:
        while cooling and w.p_src - cooling[0][1] >= a.window and \
                w.p_tgt - cooling[0][2] >= a.window:
            eligible.append(cooling.popleft()[0])
        if eligible:
            k = rng.randrange(len(eligible))
            eligible[k], eligible[-1] = eligible[-1], eligible[k]
            u = eligible.pop()
        else:  # too few units for the window: the least recently used
            u = cooling.popleft()[0]
            violations += 1
        w.put(units[u])
        cooling.append((u, w.p_src, w.p_tgt))
        placed += 1
        if dels and rng.random() < a.del_rate:
            f = dels.next(w.p_src)
            w.put(f)
            n_del += 1
            s_del += f.n_src
        if ins and rng.random() < a.ins_rate:
            f = ins.next(w.p_tgt)
            w.put(f)
            n_ins += 1
            s_ins += f.n_tgt
    w.close()
    for f in (dels, ins):
        violations += f.violations if f else 0

    def source(f):
        if not f:
            return ""
        names = ", ".join(os.path.basename(str(p)) for p in f.paths)
        dropped = (f" ({f.dropped} paragraphs sharing a sentence with a gold"
                   " text left out)") if f.dropped else ""
        return f" from {names}{dropped}"

    types = ", ".join(f"{s}-{t} {c}" for (s, t), c in sorted(
        w.types.items(), key=lambda kv: -kv[1]))
    pct = lambda x, y: f"{100 * x / y:.1f}%" if y else "0%"
    print(f"make_corpus: {' + '.join(w.paths)}\n"
          f"  pairs: {'; '.join(used)}; seed {a.seed}\n"
          f"  {w.n_src}/{w.n_tgt} sentences, {w.p_src}/{w.p_tgt} paragraphs"
          f" ({src_lang}/{tgt_lang}); {placed} gold units\n"
          f"  deletions: {n_del} paragraphs, {s_del} sentences "
          f"({pct(s_del, w.n_src)} of {src_lang} sentences)"
          + source(dels) + "\n"
          f"  insertions: {n_ins} paragraphs, {s_ins} sentences "
          f"({pct(s_ins, w.n_tgt)} of {tgt_lang} sentences)"
          + source(ins) + "\n"
          f"  beads: {types}\n"
          f"  window {a.window} paragraphs: {violations} violations",
          file=sys.stderr)
    if violations:
        die(f"the window was broken {violations} times, so the gold is "
            f"ambiguous: {len(units)} units are too few for --window "
            f"{a.window}; give more gold pairs or a smaller --window")


if __name__ == "__main__":
    main()
