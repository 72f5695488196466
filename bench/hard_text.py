#!/usr/bin/env python3
"""hard_text.py: a harder variant of a gold pair, to measure alignment
quality without the evidence that makes the gold easy.

Usage:
  hard_text.py [options] SRC_SENTENCES TGT_SENTENCES GOLD_INDEX OUT

Reads a gold pair (sentence files: one sentence a line, a blank line between
paragraphs; gold index: `[i, j]:[k]` lines, 0-based indices counting the
non-blank lines, null beads `[i]:[]` and `[]:[k]`) and writes OUT.src.txt,
OUT.tgt.txt and OUT.gold.index. The synthetic corpus of make_corpus.py
(g20k.it, g20k.zh, g20k.gold.index) is in the same format and reads the same.

Options (they combine; without any, the pair is copied unchanged):
  --no-paragraphs   drop the blank lines: one sentence a line, no paragraph
                    breaks (the index is unchanged: it counts non-blank lines).
  --strip-anchors   remove from every sentence what the aligner reads as
                    anchors (include/allinea/anchors.h), in the language of
                    its side (--src-lang/--tgt-lang, else guessed from the
                    file name: NAME.it.sentences.txt, g20k.zh):
                    - digit runs with their separators, sign and percent
                      sign (12, 3.1, 1.000,5, 60%, 2023-2024, -5, 22:30), and
                      any % ％ ‰ left;
                    - in Chinese text, Chinese numeral runs
                      (零一二三四五六七八九十百千万亿两〇, and 萬億兩) of two or
                      more, or one followed by 个/年/月/日/亿/万/%;
                    - Latin-script names and codes, in every language: tokens
                      that start with a capital and are not the first word of
                      the sentence, tokens with a capital after their first
                      letter (OpenAI, CNBC), tokens mixing letters and digits
                      (405B, GPT-4o); not the pronoun "I" nor a capitalised
                      common word of the language (data/lang/LANG/
                      common-words.txt: "Il", "The" after a colon), which the
                      aligner does not read as names either;
                    - in Chinese text, every token with a Latin letter.
                    Then empty brackets are dropped, double spaces collapsed,
                    spaces before closing punctuation removed (only in the
                    sentences that changed). A sentence left empty or with
                    only punctuation becomes "…", so that sentence counts and
                    the index stay the same. ? ! and quotation marks stay;
                    so do number words (dodici, twenty-one), month names and
                    dialogue labels, which the aligner also reads.
  --names all|shared
                    with --strip-anchors: all (default) strips every name as
                    above; shared strips a name only when the same token
                    (case-insensitive) occurs on the other side too, for
                    German, whose capitalised nouns are no names.
  --repeat K        the whole pair K times in one file (a paragraph break
                    between copies unless --no-paragraphs; the gold index
                    offset per copy).
  --src-lang L, --tgt-lang L
                    languages of the two sides (for --strip-anchors).

A one-line summary goes to stderr: sentences per side, and with
--strip-anchors the tokens stripped per side (numbers, Chinese numerals,
names, Latin runs in Chinese text) and the sentences that became "…".

Example:
  python3 bench/hard_text.py --strip-anchors --no-paragraphs \\
      tests/data/mensch-interview.{it,zh}.sentences.txt \\
      tests/data/mensch-interview.it-zh.gold.index /tmp/mensch-hard
  build/bin/allinea align /tmp/mensch-hard.{src,tgt}.txt --presegmented \\
      --src-lang it --tgt-lang zh -f index \\
    | build/bin/score-alignment /tmp/mensch-hard.gold.index -

Python 3 standard library only.
"""
import argparse
import collections
import os
import pathlib
import re
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
LANG_DATA = HERE.parent / "data" / "lang"

# Latin letters (basic, Latin-1, Extended-A/B, Extended Additional,
# full-width) and digits (ASCII, full-width).
LATIN = "A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\uFF21-\uFF3A\uFF41-\uFF5A"
DIGIT = "0-9\uFF10-\uFF19"
# A Latin-script token: letters and digits, going on across an inner hyphen,
# period or underscore ("GPT-4o", "v2.0.1", "co-fondatore", "sources.list").
TOKEN_RE = re.compile(
    rf"[{LATIN}{DIGIT}]+(?:[-._\u2010\u2011][{LATIN}{DIGIT}]+)*")
# In Chinese text, a Latin run goes on across the punctuation of paths and
# addresses ("/etc/apt/sources.list", "http://deb.debian.org/"), so that
# stripping it leaves no "///".
ZH_TOKEN_RE = re.compile(
    rf"[/~]*[{LATIN}{DIGIT}]+(?:[-._/:@~=+&#\u2010\u2011]+[{LATIN}{DIGIT}]+)*(?:://?)?/*")
HAS_LETTER_RE = re.compile(rf"[{LATIN}]")
HAS_DIGIT_RE = re.compile(rf"[{DIGIT}]")
# A number: an optional sign (not glued to a word before it), digits with
# their separators (1.000,5; 3,1; 2023-2024; 22:30; 1/2; 1 000 is two runs),
# an optional percent sign.
NUMBER_RE = re.compile(
    r"(?:(?<![\w])[+\-\u2212\u00B1])?"
    rf"[{DIGIT}]+(?:[.,:/\-\u2010\u2013\u2014][{DIGIT}]+)*"
    r"(?:\s?[%\uFF05\u2030])?")
PERCENT_RE = re.compile(r"[%\uFF05\u2030]")
ZH_NUMERALS = "零一二三四五六七八九十百千万亿两〇萬億兩"
ZH_NUMERAL_RE = re.compile(
    rf"[{ZH_NUMERALS}]{{2,}}|[{ZH_NUMERALS}](?=[个個年月日亿万億萬%\uFF05])")
EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)|（\s*）|\[\s*\]|【\s*】|\{\s*\}")
SPACES_RE = re.compile(r"[ \t\u00A0\u3000]{2,}")
SPACE_BEFORE_PUNCT_RE = re.compile(r"[ \t\u00A0]+(?=[.,;:!?…。，、；：！？)\]）】])")
SPACE_AFTER_OPEN_RE = re.compile(r"(?<=[(\[（【])[ \t\u00A0]+")
# In Chinese text, a space left beside a CJK character or CJK punctuation
# (it stood between a Latin name and Chinese text).
CJK = "\u2E80-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF01-\uFF0F\uFF1A-\uFF20"
CJK_SPACE_RE = re.compile(rf"(?<=[{CJK}])[ \t\u00A0]+|[ \t\u00A0]+(?=[{CJK}])")
# ", ," and "，，" left where a name stood between two commas.
REPEATED_PUNCT_RE = re.compile(r"([,，、;；])(?:[ \t\u00A0]*\1)+")

KINDS = ("numbers", "zh-numerals", "names", "latin-in-zh")


def is_chinese(lang):
    return (lang or "").lower().split("-")[0] in ("zh", "ja")


def common_words(lang):
    """The common words of `lang` (lower case), or an empty set."""
    base = (lang or "").lower().split("-")[0]
    path = LANG_DATA / base / "common-words.txt"
    words = set()
    if base and path.is_file():
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    words.add(line.lower())
    return words


def guess_lang(path):
    """The language code in a file name (NAME.it.sentences.txt, g20k.zh)."""
    skip = {"txt", "sentences", "index", "gold", "src", "tgt", "tsv"}
    parts = os.path.basename(path).split(".")
    for part in reversed(parts[1:]):
        if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]{2,4})?", part) and part not in skip:
            return part
    return None


def only_punctuation(text):
    """True when `text` has no letter, mark or digit left."""
    return not any(unicodedata.category(c)[0] in "LMN" for c in text)


class Stripper:
    """Strips the anchors of sentences in one language."""

    def __init__(self, lang, names="all", other_tokens=None):
        self.lang = lang
        self.chinese = is_chinese(lang)
        self.common = common_words(lang)
        self.names = names
        self.other_tokens = other_tokens or set()
        self.counts = collections.Counter()

    def _is_name(self, token, first):
        """Whether a Latin token is a name or code the aligner would read."""
        if not HAS_LETTER_RE.search(token):
            return None  # a number: the number pass takes it
        if self.chinese:
            return "latin-in-zh"
        if HAS_DIGIT_RE.search(token):
            return "names"  # a code ("405B", "GPT-4o", "2nd"): always
        if any(c.isupper() for c in token[1:]) or (token[0].isupper() and not first):
            if token == "I" or token.lower() in self.common:
                return None
            if self.names == "shared" and token.lower() not in self.other_tokens:
                return None
            return "names"
        return None

    def strip(self, sentence):
        """The sentence without its anchors."""
        pieces = []
        pos = 0
        changed = False
        first = True
        for m in (ZH_TOKEN_RE if self.chinese else TOKEN_RE).finditer(sentence):
            token = m.group()
            kind = self._is_name(token, first)
            if HAS_LETTER_RE.search(token):
                first = False
            if kind:
                self.counts[kind] += 1
                pieces.append(sentence[pos:m.start()])
                pos = m.end()
                changed = True
        pieces.append(sentence[pos:])
        text = "".join(pieces)

        text, n = NUMBER_RE.subn("", text)
        self.counts["numbers"] += n
        changed |= n > 0
        text, n = PERCENT_RE.subn("", text)
        self.counts["numbers"] += n
        changed |= n > 0
        if self.chinese:
            text, n = ZH_NUMERAL_RE.subn("", text)
            self.counts["zh-numerals"] += n
            changed |= n > 0
        if not changed:
            return sentence
        for _ in range(3):  # "( ( ) )" and the like
            text = EMPTY_BRACKETS_RE.sub("", text)
        text = SPACES_RE.sub(" ", text)
        text = SPACE_BEFORE_PUNCT_RE.sub("", text)
        text = SPACE_AFTER_OPEN_RE.sub("", text)
        if self.chinese:
            text = CJK_SPACE_RE.sub("", text)
        text = REPEATED_PUNCT_RE.sub(r"\1", text)
        text = text.strip()
        if only_punctuation(text):
            self.counts["emptied"] += 1
            text = "…"
        return text


def read_sentences(path):
    """The file as a list of lines: sentences, and None for a paragraph break."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.strip():
                out.append(line)
            elif out and out[-1] is not None:
                out.append(None)
    while out and out[-1] is None:
        out.pop()
    return out


BEAD_RE = re.compile(r"^\s*\[([0-9,\s]*)\]\s*:\s*\[([0-9,\s]*)\]\s*$")


def read_index(path):
    """The beads of an index file as (src list, tgt list)."""
    beads = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            m = BEAD_RE.match(line)
            if not m:
                sys.exit(f"hard_text: {path}:{number}: not a bead: {line.strip()!r}")
            src = [int(x) for x in m.group(1).replace(",", " ").split()]
            tgt = [int(x) for x in m.group(2).replace(",", " ").split()]
            beads.append((src, tgt))
    return beads


def format_bead(src, tgt):
    return "[" + ", ".join(map(str, src)) + "]:[" + ", ".join(map(str, tgt)) + "]"


def latin_tokens(lines):
    return {m.group().lower() for s in lines if s for m in TOKEN_RE.finditer(s)}


def main():
    p = argparse.ArgumentParser(
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("src")
    p.add_argument("tgt")
    p.add_argument("gold")
    p.add_argument("out", help="output prefix: OUT.src.txt, OUT.tgt.txt, OUT.gold.index")
    p.add_argument("--no-paragraphs", action="store_true")
    p.add_argument("--strip-anchors", action="store_true")
    p.add_argument("--names", choices=("all", "shared"), default="all")
    p.add_argument("--repeat", type=int, default=1, metavar="K")
    p.add_argument("--src-lang")
    p.add_argument("--tgt-lang")
    a = p.parse_args()
    if a.repeat < 1:
        p.error("--repeat must be at least 1")

    src = read_sentences(a.src)
    tgt = read_sentences(a.tgt)
    beads = read_index(a.gold)
    n_src = sum(s is not None for s in src)
    n_tgt = sum(s is not None for s in tgt)
    for s, t in beads:
        if any(i >= n_src for i in s) or any(k >= n_tgt for k in t):
            sys.exit(f"hard_text: {a.gold}: bead {format_bead(s, t)} is out of range "
                     f"({n_src} / {n_tgt} sentences)")

    summary = [f"{n_src}/{n_tgt} sentences"]
    if a.strip_anchors:
        src_lang = a.src_lang or guess_lang(a.src)
        tgt_lang = a.tgt_lang or guess_lang(a.tgt)
        if not src_lang or not tgt_lang:
            p.error("--strip-anchors needs --src-lang and --tgt-lang "
                    "(the file names do not say)")
        ss = Stripper(src_lang, a.names, latin_tokens(tgt))
        ts = Stripper(tgt_lang, a.names, latin_tokens(src))
        src = [None if s is None else ss.strip(s) for s in src]
        tgt = [None if s is None else ts.strip(s) for s in tgt]
        for name, lang, st in (("src", src_lang, ss), ("tgt", tgt_lang, ts)):
            c = st.counts
            shown = ("numbers", "zh-numerals", "latin-in-zh") if st.chinese else ("numbers", "names")
            parts = [f"{k} {c[k]}" for k in KINDS if c[k] or k in shown]
            summary.append(f"{name} ({lang}) stripped: " + ", ".join(parts)
                           + f", emptied {c['emptied']}")
    if a.no_paragraphs:
        src = [s for s in src if s is not None]
        tgt = [s for s in tgt if s is not None]
        summary.append("no paragraphs")
    if a.repeat > 1:
        summary.append(f"repeated {a.repeat}x")

    def write_text(path, lines):
        with open(path, "w", encoding="utf-8") as f:
            for copy in range(a.repeat):
                if copy and not a.no_paragraphs:
                    f.write("\n")
                for s in lines:
                    f.write("\n" if s is None else s + "\n")

    write_text(a.out + ".src.txt", src)
    write_text(a.out + ".tgt.txt", tgt)
    with open(a.out + ".gold.index", "w", encoding="utf-8") as f:
        for copy in range(a.repeat):
            for s, t in beads:
                f.write(format_bead([i + copy * n_src for i in s],
                                    [k + copy * n_tgt for k in t]) + "\n")
    print("hard_text: " + os.path.basename(a.out) + ": " + "; ".join(summary),
          file=sys.stderr)


if __name__ == "__main__":
    main()
