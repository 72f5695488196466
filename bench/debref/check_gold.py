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
For every DIR/debref-CH.en-XX.gold.index it checks:
  * each line has the form [i, j, ...]:[k, ...] (either side may be empty,
    not both);
  * source indices, read in bead order, are exactly 0..n-1 and target
    indices exactly 0..m-1 (each once, increasing), where n and m are the
    numbers of non-blank lines of the two sentence files.
Exits non-zero on the first file with errors; prints a summary otherwise.
"""

import glob
import os
import re
import sys

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


def main():
    args = sys.argv[1:]
    chapter = None
    if "--chapter" in args:
        i = args.index("--chapter")
        chapter = args[i + 1]
        del args[i:i + 2]
    root = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    d = args[0] if args else os.path.join(root, "tests", "data", "debref")
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
    for e in all_errors:
        print("ERROR:", e)
    if all_errors:
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
