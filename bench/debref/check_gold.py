#!/usr/bin/env python3
"""Check the Debian Reference gold files in tests/data/debref/.

Usage: python3 bench/debref/check_gold.py [DIR] [--chapter ch02]

For every language file DIR/debref-CH.LANG.sentences.txt with its raw
stretch DIR/debref-CH.LANG.txt it checks:
  * UTF-8, no BOM, ends with exactly one "\\n", no leading/trailing spaces on
    a line, no two blank lines in a row, no blank first line;
  * every sentence line is a verbatim substring of the raw text, found in
    order (each one after the end of the previous one);
  * the whitespace-stripped concatenation of the sentence lines equals the
    whitespace-stripped raw text, and the same holds paragraph by paragraph
    (gold paragraphs = raw paragraphs, one to one).
For every DIR/debref-CH.SRC-TGT.gold.index (en-it, en-zh, en-de, en-fr,
de-fr, ...) it checks:
  * each line has the form [i, j, ...]:[k, ...] (either side may be empty,
    not both);
  * source indices, read in bead order, are exactly 0..n-1 and target
    indices exactly 0..m-1 (each once, increasing), where n and m are the
    numbers of non-blank lines of the two sentence files.
For a pair without English (SRC, TGT != en) whose en-SRC and en-TGT golds
exist, it also checks that the gold equals the composition of the two
through the English sentences (the connected components of the en-SRC and
en-TGT beads), except for beads listed in PIVOT_EXCEPTIONS (hand fixes,
each documented in tests/data/debref/README.md).
The files listed in EXPECTED must all be present (for the default
directory and chapter).
With --reextract, every raw stretch is also rebuilt from
/usr/share/debian-reference/CH.LANG.html with extract.py (paragraphs
STRETCH) and compared byte for byte; languages whose package is not
installed are skipped with a note.
Exits non-zero if any file has errors; prints a summary otherwise.
"""

import glob
import os
import re
import sys

# Files that must exist in tests/data/debref/ for each chapter.
EXPECTED = {
    "ch02": {
        "langs": ["en", "it", "zh", "de", "fr"],
        "pairs": ["en-it", "en-zh", "en-de", "en-fr", "de-fr"],
    },
}
# Stretch of extract.py paragraphs (0-based, end excluded) per chapter.
STRETCH = {"ch02": (53, 176)}
# File code -> language code of the HTML file name.
HTML_LANG = {"zh": "zh-cn"}
# Beads of a non-English pair that differ from the composition through
# English on purpose: {"debref-ch02.de-fr": {"[i]:[j]", ...}}.  Empty: the
# de-fr gold is exactly the composition of en-de and en-fr (every bead was
# read and found right).
PIVOT_EXCEPTIONS = {}

BEAD_RE = re.compile(r"^\[((?:\d+(?:, \d+)*)?)\]:\[((?:\d+(?:, \d+)*)?)\]$")


def ws_strip(s):
    return re.sub(r"\s+", "", s)


def read_utf8(path, errors):
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        errors.append(f"{path}: has a BOM")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        errors.append(f"{path}: not UTF-8: {e}")
        return data.decode("utf-8", "replace")


def check_sentences(sent_path, raw_path):
    errors = []
    text = read_utf8(sent_path, errors)
    raw = read_utf8(raw_path, errors)
    if not text.endswith("\n") or text.endswith("\n\n"):
        errors.append(f"{sent_path}: must end with exactly one newline")
    if not raw.endswith("\n") or raw.endswith("\n\n"):
        errors.append(f"{raw_path}: must end with exactly one newline")
    lines = text[:-1].split("\n") if text.endswith("\n") else text.split("\n")
    if lines and lines[0] == "":
        errors.append(f"{sent_path}: blank first line")
    for n, line in enumerate(lines, 1):
        if line != line.strip():
            errors.append(f"{sent_path}:{n}: leading/trailing whitespace")
        if line == "" and n > 1 and lines[n - 2] == "":
            errors.append(f"{sent_path}:{n}: two blank lines in a row")
    sentences = [l for l in lines if l.strip()]

    # substrings, in order
    pos = 0
    for n, s in enumerate(sentences):
        k = raw.find(s, pos)
        if k < 0:
            errors.append(f"{sent_path}: sentence {n} not found in order in "
                          f"raw text: {s[:70]!r}")
            break
        pos = k + len(s)

    # whole-text concatenation
    if ws_strip("".join(sentences)) != ws_strip(raw):
        errors.append(f"{sent_path}: concatenation != raw text (whitespace "
                      f"removed)")

    # paragraph by paragraph
    gold_paras = [p for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    raw_paras = [p for p in re.split(r"\n\s*\n", raw) if p.strip()]
    raw_lines = [l for l in raw.split("\n") if l.strip()]
    if len(raw_lines) != len(raw_paras):
        errors.append(f"{raw_path}: a paragraph spans more than one line")
    if len(gold_paras) != len(raw_paras):
        errors.append(f"{sent_path}: {len(gold_paras)} paragraphs, raw has "
                      f"{len(raw_paras)}")
    else:
        for i, (g, r) in enumerate(zip(gold_paras, raw_paras)):
            if ws_strip(g) != ws_strip(r):
                errors.append(f"{sent_path}: paragraph {i} differs from raw: "
                              f"{r[:70]!r}")
                break
    return sentences, len(raw_paras), errors


def check_index(path, n_src, n_tgt):
    errors = []
    text = read_utf8(path, errors)
    if not text.endswith("\n") or text.endswith("\n\n"):
        errors.append(f"{path}: must end with exactly one newline")
    src_seen, tgt_seen = [], []
    kinds = {}
    for ln, line in enumerate(text.rstrip("\n").split("\n"), 1):
        m = BEAD_RE.match(line)
        if not m:
            errors.append(f"{path}:{ln}: bad bead {line!r}")
            continue
        s = [int(x) for x in m.group(1).split(", ")] if m.group(1) else []
        t = [int(x) for x in m.group(2).split(", ")] if m.group(2) else []
        if not s and not t:
            errors.append(f"{path}:{ln}: empty bead")
        src_seen += s
        tgt_seen += t
        kind = f"{len(s)}-{len(t)}"
        kinds[kind] = kinds.get(kind, 0) + 1
    if src_seen != list(range(n_src)):
        errors.append(f"{path}: source indices are not exactly 0..{n_src - 1} "
                      f"in order")
    if tgt_seen != list(range(n_tgt)):
        errors.append(f"{path}: target indices are not exactly 0..{n_tgt - 1} "
                      f"in order")
    return kinds, errors


def read_beads(path):
    beads = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = BEAD_RE.match(line.rstrip("\n"))
            if not m:
                return None
            s = [int(x) for x in m.group(1).split(", ")] if m.group(1) else []
            t = [int(x) for x in m.group(2).split(", ")] if m.group(2) else []
            beads.append((s, t))
    return beads


def fmt_bead(s, t):
    return f"[{', '.join(map(str, s))}]:[{', '.join(map(str, t))}]"


def compose_through_en(en_src, en_tgt):
    """Beads SRC-TGT = connected components of the en-SRC and en-TGT beads."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for beads, side in ((en_src, "s"), (en_tgt, "t")):
        for e, o in beads:
            nodes = [("e", i) for i in e] + [(side, j) for j in o]
            for n in nodes:
                find(n)
            for n in nodes[1:]:
                parent[find(n)] = find(nodes[0])
    comps = {}
    for n in list(parent):
        comps.setdefault(find(n), []).append(n)
    out = []
    for nodes in comps.values():
        s = sorted(i for k, i in nodes if k == "s")
        t = sorted(i for k, i in nodes if k == "t")
        if s or t:
            out.append((s, t))
    out.sort(key=lambda b: (b[0][0] if b[0] else -1, b[1][0] if b[1] else -1))
    return out


def check_pivot(d, ch, src, tgt):
    """Compare the SRC-TGT gold with its composition through English."""
    base = f"debref-{ch}.{src}-{tgt}"
    gold = read_beads(os.path.join(d, base + ".gold.index"))
    es = read_beads(os.path.join(d, f"debref-{ch}.en-{src}.gold.index"))
    et = read_beads(os.path.join(d, f"debref-{ch}.en-{tgt}.gold.index"))
    if gold is None or es is None or et is None:
        return None, []   # format errors are reported by check_index
    # Null beads sort ambiguously in the composition: compare as sets.
    comp = {fmt_bead(s, t) for s, t in compose_through_en(es, et)}
    have = {fmt_bead(s, t) for s, t in gold}
    allowed = PIVOT_EXCEPTIONS.get(base, set())
    errors = []
    for b in sorted(have - comp):
        if b not in allowed:
            errors.append(f"{base}: bead {b} is not in the composition of "
                          f"en-{src} and en-{tgt} and not in PIVOT_EXCEPTIONS")
    for b in sorted(allowed - have):
        errors.append(f"{base}: PIVOT_EXCEPTIONS bead {b} is not in the gold")
    return len(have - comp), errors


def reextract(d, ch, lang):
    """Rebuild the raw stretch from the installed HTML; None if not installed."""
    html = os.path.join("/usr/share/debian-reference",
                        f"{ch}.{HTML_LANG.get(lang, lang)}.html")
    if not os.path.exists(html) or ch not in STRETCH:
        return None
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.dont_write_bytecode = True  # no __pycache__ in bench/debref/
    import extract  # noqa: E402  (bench/debref/extract.py)
    a, b = STRETCH[ch]
    want = "\n\n".join(extract.extract(html)[a:b]) + "\n"
    with open(os.path.join(d, f"debref-{ch}.{lang}.txt"),
              encoding="utf-8") as f:
        return f.read() == want


def main():
    args = sys.argv[1:]
    do_reextract = "--reextract" in args
    args = [a for a in args if a != "--reextract"]
    chapter = None
    if "--chapter" in args:
        i = args.index("--chapter")
        chapter = args[i + 1]
        del args[i:i + 2]
    root = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    d = args[0] if args else os.path.join(root, "tests", "data", "debref")
    default_dir = not args
    pattern = f"debref-{chapter or '*'}.*.sentences.txt"
    sent_files = sorted(glob.glob(os.path.join(d, pattern)))
    if not sent_files:
        print(f"no sentence files in {d}")
        return 1
    counts = {}
    all_errors = []
    for sp in sent_files:
        base = os.path.basename(sp)[:-len(".sentences.txt")]  # debref-ch02.en
        ch, lang = base.split(".")
        rp = os.path.join(d, base + ".txt")
        sents, n_par, errs = check_sentences(sp, rp)
        all_errors += errs
        counts[(ch, lang)] = len(sents)
        print(f"{base}: {len(sents)} sentences, {n_par} paragraphs"
              f"{'' if not errs else ' -- ERRORS'}")
    for ip in sorted(glob.glob(os.path.join(
            d, f"debref-{chapter or '*'}.*-*.gold.index"))):
        base = os.path.basename(ip)[:-len(".gold.index")]  # debref-ch02.en-it
        ch, pair = base.split(".")
        src, tgt = pair.split("-")
        if (ch, src) not in counts or (ch, tgt) not in counts:
            all_errors.append(f"{ip}: missing sentence file for {src} or {tgt}")
            continue
        kinds, errs = check_index(ip, counts[(ch, src)], counts[(ch, tgt)])
        all_errors += errs
        total = sum(kinds.values())
        desc = ", ".join(f"{k}={v}" for k, v in
                         sorted(kinds.items(), key=lambda kv: -kv[1]))
        print(f"{base}: {total} beads ({desc})"
              f"{'' if not errs else ' -- ERRORS'}")
    # non-English pairs: compare with the composition through English
    for ip in sorted(glob.glob(os.path.join(
            d, f"debref-{chapter or '*'}.*-*.gold.index"))):
        base = os.path.basename(ip)[:-len(".gold.index")]
        ch, pair = base.split(".")
        ch = ch[len("debref-"):]  # "ch02"
        src, tgt = pair.split("-")
        if "en" in (src, tgt):
            continue
        if not all(os.path.exists(os.path.join(
                d, f"debref-{ch}.en-{x}.gold.index")) for x in (src, tgt)):
            continue
        n_diff, errs = check_pivot(d, ch, src, tgt)
        all_errors += errs
        if n_diff is not None:
            how = ("equals the composition" if n_diff == 0 else
                   f"differs in {n_diff} bead(s) from the composition")
            print(f"{base}: {how} of en-{src} and en-{tgt} through English"
                  f"{'' if not errs else ' -- ERRORS'}")
    # expected files
    if default_dir:
        for ch, exp in EXPECTED.items():
            if chapter and ch != chapter:
                continue
            for lang in exp["langs"]:
                for suf in (".txt", ".sentences.txt"):
                    f = os.path.join(d, f"debref-{ch}.{lang}{suf}")
                    if not os.path.exists(f):
                        all_errors.append(f"missing expected file {f}")
            for pair in exp["pairs"]:
                f = os.path.join(d, f"debref-{ch}.{pair}.gold.index")
                if not os.path.exists(f):
                    all_errors.append(f"missing expected file {f}")
    if do_reextract:
        for (ch, lang) in sorted(counts):
            ch = ch[len("debref-"):]  # "ch02"
            same = reextract(d, ch, lang)
            if same is None:
                print(f"debref-{ch}.{lang}.txt: not re-extracted (HTML not "
                      f"installed)")
            elif same:
                print(f"debref-{ch}.{lang}.txt: same as a fresh extraction")
            else:
                all_errors.append(f"debref-{ch}.{lang}.txt differs from a "
                                  f"fresh extraction of the installed HTML")
    for e in all_errors:
        print("ERROR:", e)
    if all_errors:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
