#!/usr/bin/env bash
# What the bilingual dictionaries cost and give, as markdown tables for
# docs/benchmarks.md, followed by notes and the exact commands.
#
# Usage: bench/run_dict_benchmark.sh [BUILD_DIR] [SIZES...]
#   BUILD_DIR  holds bin/allinea, bin/score-alignment and bin/dict-load
#              (default: build)
#   SIZES      sentences per side of the it-zh corpora (the longer side;
#              default: 10000 100000 1000000)
# Environment:
#   SHARED_SIZES  corpus sizes of table (c) (default: 1000 10000)
#   RUNS          runs per aligner command, the fastest kept (default: 3 up
#                 to 100000 sentences, 1 above; 5 in table (c)); in table
#                 (b) the runs with and without dictionaries alternate
# Times are wall seconds; the load average goes into the notes, since
# anything else running on the machine (a build) slows the runs.
# Needs python3, the dictionaries installed (./setup.sh --dictionaries: the
# compiled files `allinea dict list` names, and FreeDict's German-English
# dictd files in /usr/share/dictd/) and GNU time (/usr/bin/time, Debian
# package `time`; installed with apt-get when missing and run as root).
#
# The tables:
#   (a) Load: `dict-load --repeat 5` on every installed .adict file (the
#       folder of the first column of `allinea dict list`), on the FreeDict
#       German-English dictd source those were compiled from, and on a TSV
#       file of 150,000 lines made from real entries (German headwords and
#       the English of their first translation line, from
#       /usr/share/dictd/freedict-deu-eng.index and .dict.dz), as a --dict
#       file is read.
#   (b) Alignment: for each size N, on the corpus of
#       `make_corpus.py N C` (C.it, C.zh: "rich", numbers, names and
#       paragraphs as written) and its anchor-poor variant
#       `hard_text.py --strip-anchors --no-paragraphs` ("poor": no numbers,
#       no names, no paragraph breaks), it runs
#         allinea align SRC TGT --src-lang it --tgt-lang zh --presegmented -f index
#       with the default (installed) dictionaries and with --dict none, in
#       the same run, and scores both with score-alignment (strict F1). One
#       en-zh corpus of 10000 sentences too, from the railway-report gold
#       pair (with the Debian Reference en-zh pair added when railway alone
#       has too few units for make_corpus's window rule).
#   (c) Shared phrase: a TSV dictionary (--dict-dir EMPTY --dict F.tsv) of
#       F entries that all translate to one Chinese word found in most
#       target sentences (的), their sources the F most frequent Italian
#       words of the corpus (then made-up words parola00001...), for F = 10
#       and F = 10000 (and a control: F = 10000 made of the 10 words of
#       F = 10 and 9990 made-up ones, so the same matches with a dictionary
#       1000 times larger), against --dict none: the alignment's time must
#       not grow with F.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
if (($#)); then sizes=("$@"); else sizes=(10000 100000 1000000); fi
read -r -a shared_sizes <<< "${SHARED_SIZES:-1000 10000}"
bin=$build/bin/allinea
score=$build/bin/score-alignment
loader=$build/bin/dict-load
deu_eng=/usr/share/dictd/freedict-deu-eng

command -v python3 > /dev/null || { echo "run_dict_benchmark: python3 is missing" >&2; exit 1; }
if [[ ! -x /usr/bin/time ]]; then
  if ((EUID == 0)) && command -v apt-get > /dev/null; then
    apt-get install -y time > /dev/null
  else
    echo "run_dict_benchmark: /usr/bin/time is missing (apt-get install time)" >&2
    exit 1
  fi
fi
[[ -f $deu_eng.index ]] || { echo "run_dict_benchmark: $deu_eng.index is missing (apt-get install dict-freedict-deu-eng)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
notes=()

wait_for() {  # the binaries are rebuilt now and then: wait up to 2 minutes
  local i
  for ((i = 0; i < 120; i++)); do [[ -x $1 ]] && return 0; sleep 1; done
  echo "run_dict_benchmark: $1 is missing" >&2; exit 1
}

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'; }
secs() { awk -v s="$1" 'BEGIN { printf (s < 1 ? "%.3f" : "%.2f"), s }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
faster() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

measure() {  # OUT CMD...: runs CMD > OUT, prints "seconds peak-MB exit-status"
  local out=$1 rc=0 t0
  shift
  t0=$(date +%s.%N)  # wall time to the millisecond; GNU time for the memory
  /usr/bin/time -f '%M' -o "$tmp/time" "$@" > "$out" 2> "$tmp/err" || rc=$?
  echo "$(since "$t0") $(tail -n 1 "$tmp/time" | awk '{ printf "%.0f", $1 / 1024 }') $rc"
}

run_once() {  # OUT CMD...: one run; stops the script if CMD fails; sets $s $mb
  local rc
  read -r s mb rc <<< "$(measure "$@")"
  if ((rc != 0)); then
    shift
    echo "run_dict_benchmark: failed (status $rc): $*: $(head -c 300 "$tmp/err")" >&2
    exit 1
  fi
}

load() { cut -d ' ' -f 1-3 /proc/loadavg; }  # other work on the machine skews times

f1() {  # GOLD TEST: strict F1 (score-alignment's table: | F1 | strict | lax |)
  "$score" "$1" - < "$2" | awk -F'|' '$2 ~ /F1/ { gsub(/ /, "", $3); print $3 }'
}

# One run, one build: copy the binaries (they are rebuilt now and then).
mkdir "$tmp/bin"
for ((i = 0; ; i++)); do  # retry a copy taken while the linker was writing
  for b in "$bin" "$score" "$loader"; do wait_for "$b"; cp "$b" "$tmp/bin/"; done
  "$tmp/bin/allinea" --help > /dev/null 2>&1 &&
    { "$tmp/bin/score-alignment" 2> /dev/null; (($? == 2)); } &&
    "$tmp/bin/dict-load" --help > /dev/null 2>&1 && break
  ((i < 10)) || { echo "run_dict_benchmark: the binaries in $build/bin do not run" >&2; exit 1; }
  sleep 10
done
notes+=("load average (1, 5, 15 min) at the start: $(load)")
notes+=("binaries: $bin, $score and $loader as of $(date -r "$bin" '+%F %T'), copied at the start")
bin=$tmp/bin/allinea
score=$tmp/bin/score-alignment
loader=$tmp/bin/dict-load

# ---------------------------------------------------------------- (a) load
mapfile -t adicts < <("$bin" dict list | cut -f 1 | grep '\.adict$' || true)
if ((${#adicts[@]} == 0)); then
  echo "run_dict_benchmark: \`allinea dict list\` names no installed dictionary (./setup.sh --dictionaries)" >&2
  exit 1
fi
data_dir=$(dirname "$(dirname "${adicts[0]}")")
notes+=("installed dictionaries: ${#adicts[@]} files in $data_dir/dict/ (\`allinea dict list\`)")

# The TSV: headword TAB each ", "-separated piece of its first translation
# line (the entry's second line), notes in <> and [] dropped.
t0=$(date +%s.%N)
python3 - "$deu_eng" "$tmp/deu-eng.tsv" 150000 <<'EOF'
import gzip, re, sys
base, out_path, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64(s):  # dictd's base64 numbers: most significant digit first
    n = 0
    for c in s:
        n = n * 64 + digits.index(c)
    return n
data = gzip.open(base + ".dict.dz").read()  # dictzip is gzip
written = 0
with open(base + ".index", encoding="utf-8") as index, \
        open(out_path, "w", encoding="utf-8") as out:
    for line in index:
        head, offset, length = line.rstrip("\n").split("\t")
        if not head or head.startswith("00-database") or head.startswith("00database"):
            continue
        start = b64(offset)
        body = data[start:start + b64(length)].decode("utf-8").split("\n")
        if len(body) < 2:
            continue
        first = re.sub(r"<[^>]*>|\[[^]]*\]", "", body[1]).strip()
        for target in first.split(", "):
            target = target.strip()
            if target and written < limit:
                out.write(f"{head}\t{target}\n")
                written += 1
        if written >= limit:
            break
EOF
tsv_lines=$(wc -l < "$tmp/deu-eng.tsv")  # entries: fewer, duplicates after normalisation
notes+=("deu-eng.tsv: $tsv_lines lines ($(stat -c %s "$tmp/deu-eng.tsv" | awk '{ printf "%.1f", $1 / 1e6 }') MB) written from $deu_eng.index and .dict.dz in $(secs "$(since "$t0")") s; dict-load counts its distinct entries (pairs of normalised phrases, so fewer than the lines) and reads it with the languages unknown (?-?: a --dict TSV serves the pair being aligned)")

echo "### (a) Loading a dictionary (dict-load --repeat 5)"
echo
"$loader" --repeat 5 "${adicts[@]}"
"$loader" --repeat 3 "$deu_eng.index" "$tmp/deu-eng.tsv" | tail -n +3
notes+=("(a) freedict-deu-eng.index is the dictd source of de-en.freedict-deu-eng.adict (read natively: index plus the dictzip'd body, $(stat -c %s "$deu_eng.dict.dz" | awk '{ printf "%.1f", $1 / 1e6 }') MB; MB is the .index only), loaded 3 times, as is the TSV")
echo

# ---------------------------------------------------------- (b) alignment
runs_for() { if [[ -n ${RUNS:-} ]]; then echo "$RUNS"; elif (($1 <= 100000)); then echo 3; else echo 1; fi; }

align_pair() {  # LABEL CORPUS SRC TGT GOLD SL TL N: one table row
  local label=$1 corpus=$2 src=$3 tgt=$4 gold=$5 sl=$6 tl=$7 n=$8 runs k s mb s0 mb0 s1 mb1 f0 f1d counts
  local cmd=("$bin" align "$src" "$tgt" --src-lang "$sl" --tgt-lang "$tl" --presegmented -f index)
  runs=$(runs_for "$n")
  counts="$(grep -c . "$src")/$(grep -c . "$tgt")"
  s0='' s1=''
  for ((k = 0; k < runs; k++)); do  # interleaved, so that a busy spell hits both
    run_once "$tmp/out0" "${cmd[@]}" --dict none
    if [[ -z $s0 ]] || faster "$s" "$s0"; then s0=$s mb0=$mb; fi
    run_once "$tmp/out1" "${cmd[@]}"
    if [[ -z $s1 ]] || faster "$s" "$s1"; then s1=$s mb1=$mb; fi
  done
  dicts_used=$(grep -m 1 'dictionaries' "$tmp/err" || true)
  f0=$(f1 "$gold" "$tmp/out0")
  f1d=$(f1 "$gold" "$tmp/out1")
  echo "| $label $counts | $corpus | $(secs "$s0") | $(secs "$s1") | $(div "$s1" "$s0") | $mb0 | $mb1 | $f0 | $f1d |"
  notes+=("(b) $label $counts $corpus: best of $runs runs each, alternating; load average after: $(load); default run's stderr: ${dicts_used:-(nothing)}")
}

corpus_rows() {  # LABEL N SL TL PREFIX: rich and poor rows of a made corpus
  local label=$1 n=$2 sl=$3 tl=$4 c=$5 t0
  t0=$(date +%s.%N)
  python3 bench/hard_text.py --strip-anchors --no-paragraphs --src-lang "$sl" --tgt-lang "$tl" \
    "$c.$sl" "$c.$tl" "$c.gold.index" "$c-poor" 2> "$tmp/hard" ||
    { cat "$tmp/hard" >&2; exit 1; }
  notes+=("(b) $label $n: poor variant made in $(secs "$(since "$t0")") s: $(sed 's/^hard_text: [^:]*: //' "$tmp/hard")")
  align_pair "$label" rich "$c.$sl" "$c.$tl" "$c.gold.index" "$sl" "$tl" "$n"
  align_pair "$label" poor "$c-poor.src.txt" "$c-poor.tgt.txt" "$c-poor.gold.index" "$sl" "$tl" "$n"
  rm -f "$c".* "$c"-poor.*
}

echo "### (b) Alignment: installed dictionaries (default) against --dict none"
echo
echo "| pair, sentences | corpus | s none | s default | default / none | peak MB none | peak MB default | F1 none | F1 default |"
echo "|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  c=$tmp/c$n
  t0=$(date +%s.%N)
  python3 bench/make_corpus.py "$n" "$c" 2> "$tmp/gen" || { cat "$tmp/gen" >&2; exit 1; }
  notes+=("(b) it-zh $n: corpus made by make_corpus.py in $(secs "$(since "$t0")") s: $(grep -E 'sentences,|beads:' "$tmp/gen" | sed 's/^ *//' | paste -sd ';' -)")
  corpus_rows "it-zh" "$n" it zh "$c"
done

# en-zh at 10000: the railway pair alone if make_corpus can keep its window
# with it (exit status 0), else with the Debian Reference en-zh pair added.
e=$tmp/e
railway=tests/data/pairs/railway-report.en-zh.gold.index
debref=tests/data/debref/debref-ch02.en-zh.gold.index
if python3 bench/make_corpus.py 10000 "$e" "$railway" 2> "$tmp/gen"; then
  label="en-zh (railway)"
else
  notes+=("(b) en-zh: \`make_corpus.py 10000 E $railway\` fails (exit 1): $(tail -n 1 "$tmp/gen" | sed 's/^make_corpus: //')")
  rm -f "$e".*
  python3 bench/make_corpus.py 10000 "$e" "$railway" "$debref" 2> "$tmp/gen" || { cat "$tmp/gen" >&2; exit 1; }
  label="en-zh (railway + debref)"
fi
notes+=("(b) $label: $(grep -E 'pairs:|sentences,|beads:' "$tmp/gen" | sed 's/^ *//' | paste -sd ';' -)")
corpus_rows "$label" 10000 en zh "$e"
echo

# ----------------------------------------------------- (c) shared phrase
# F entries, one target word: its concept is in most target sentences, and
# every one of the F source words that a source sentence holds reaches it.
mkdir "$tmp/empty"
echo "### (c) One target word shared by F entries (--dict-dir EMPTY --dict F.tsv)"
echo
echo "| it-zh sentences | dictionary | entries | seconds | × F = 10 | × --dict none | peak MB | strict F1 |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${shared_sizes[@]}"; do
  sc=$tmp/s$n
  python3 bench/make_corpus.py "$n" "$sc" 2> /dev/null || { echo "run_dict_benchmark: make_corpus.py $n failed" >&2; exit 1; }
  # S.F10.tsv, S.F10000.tsv: the F most frequent words, then made-up ones;
  # S.F10000x.tsv: the same 10 real words as F10 and 9990 made-up ones (the
  # same matches as F = 10, a dictionary 1000 times larger).
  stats=$(python3 - "$sc" <<'EOF'
import collections, re, sys
corpus = sys.argv[1]
target = "的"
counts = collections.Counter()
src_lines = [l for l in open(corpus + ".it", encoding="utf-8").read().split("\n") if l.strip()]
tgt_lines = [l for l in open(corpus + ".zh", encoding="utf-8").read().split("\n") if l.strip()]
for line in src_lines:  # words as the aligner splits them: letters, apostrophes cut
    counts.update(re.findall(r"[^\W\d_]+", line.lower()))
words = [w for w, _ in counts.most_common()]
for name, f, n_real in (("F10", 10, 10), ("F10000", 10000, 10000), ("F10000x", 10000, 10)):
    real = words[:min(f, n_real)]
    made = [f"parola{k:05d}" for k in range(1, f - len(real) + 1)]
    with open(f"{corpus}.{name}.tsv", "w", encoding="utf-8") as out:
        for w in real + made:
            out.write(f"{w}\t{target}\n")
    top = set(real)
    hit = sum(1 for l in src_lines if top & set(re.findall(r"[^\W\d_]+", l.lower())))
    print(f"{name}.tsv: {len(real)} real Italian words (of {len(words)} distinct in the corpus) "
          f"+ {len(made)} made up; {hit} of {len(src_lines)} Italian sentences hold one")
print(f"target {target}: in {sum(target in l for l in tgt_lines)} of {len(tgt_lines)} Chinese sentences")
EOF
)
  notes+=("(c) $n: $(paste -sd ';' - <<< "$stats")")
  counts="$(grep -c . "$sc.it")/$(grep -c . "$sc.zh")"
  cmd=("$bin" align "$sc.it" "$sc.zh" --src-lang it --tgt-lang zh --presegmented -f index)
  variants=(none F10 F10000 F10000x)
  declare -A best_s=() best_mb=()
  runs=${RUNS:-5}
  for ((k = 0; k < runs; k++)); do  # interleaved, so that a busy spell hits all
    for v in "${variants[@]}"; do
      if [[ $v == none ]]; then extra=(--dict none); else extra=(--dict-dir "$tmp/empty" --dict "$sc.$v.tsv"); fi
      run_once "$tmp/out.$v" "${cmd[@]}" "${extra[@]}"
      if [[ -z ${best_s[$v]:-} ]] || faster "$s" "${best_s[$v]}"; then best_s[$v]=$s best_mb[$v]=$mb; fi
    done
  done
  notes+=("(c) $n: best of $runs runs each, alternating; load average after: $(load)")
  for v in "${variants[@]}"; do
    case $v in
      none) label="--dict none" entries=0 ;;
      F10) label="F = 10" ;;
      F10000) label="F = 10000" ;;
      F10000x) label="F = 10000, the 10 words of F = 10 + 9990 made up" ;;
    esac
    [[ $v == none ]] || entries=$(wc -l < "$sc.$v.tsv")
    ratio=''
    [[ $v == none ]] || ratio=$(div "${best_s[$v]}" "${best_s[F10]}")
    echo "| $counts | $label | $entries | $(secs "${best_s[$v]}") | $ratio | $(div "${best_s[$v]}" "${best_s[none]}") | ${best_mb[$v]} | $(f1 "$sc.gold.index" "$tmp/out.$v") |"
  done
  rm -f "$sc".* "$tmp"/out.*
done
notes+=("load average at the end: $(load)")
echo
echo "Notes:"
for note in "${notes[@]}"; do echo "- $note"; done
echo
echo "Commands: bench/run_dict_benchmark.sh $build ${sizes[*]} (SHARED_SIZES='${shared_sizes[*]}'${RUNS:+, RUNS=$RUNS});" \
  "(a) dict-load --repeat 5 $data_dir/dict/*.adict; dict-load --repeat 3 $deu_eng.index deu-eng.tsv;" \
  "(b) python3 bench/make_corpus.py N C; python3 bench/hard_text.py --strip-anchors --no-paragraphs --src-lang it --tgt-lang zh C.it C.zh C.gold.index P;" \
  "allinea align C.it C.zh --src-lang it --tgt-lang zh --presegmented -f index [--dict none] | score-alignment C.gold.index -" \
  "(and P.src.txt P.tgt.txt P.gold.index); en-zh: python3 bench/make_corpus.py 10000 E $railway [$debref], --src-lang en;" \
  "(c) python3 bench/make_corpus.py N S; allinea align S.it S.zh --src-lang it --tgt-lang zh --presegmented -f index --dict-dir EMPTY --dict S.F{10,10000,10000x}.tsv"
