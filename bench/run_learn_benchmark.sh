#!/usr/bin/env bash
# What learning a lexicon from the pair costs and gives (--learn pair against
# --learn none, with and without the dictionaries), as a markdown table for
# docs/benchmarks.md, followed by notes and the exact commands.
#
# Usage: bench/run_learn_benchmark.sh [BUILD_DIR] [SIZES...]
#   BUILD_DIR  holds bin/allinea and bin/score-alignment (default: build)
#   SIZES      sentences per side of the it-zh corpora (the longer side;
#              default: 10000 100000 1000000)
# Environment:
#   RUNS  runs per command, the fastest kept (default: 3 up to 100000
#         sentences, 1 above); the runs with and without learning alternate
# For each size N it makes the corpus of `make_corpus.py N C` ("rich":
# numbers, names, paragraphs) and its anchor-poor variant
# `hard_text.py --strip-anchors --no-paragraphs` ("poor"), and runs
#   allinea align SRC TGT --src-lang it --tgt-lang zh --presegmented -f index \
#       --dict none|(installed) --learn none|pair
# scoring each with score-alignment (strict F1). Times are wall seconds,
# peak memory from GNU time (/usr/bin/time, package `time`). Needs python3;
# the "dictionaries" columns need ./setup.sh --dictionaries.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
if (($#)); then sizes=("$@"); else sizes=(10000 100000 1000000); fi
[[ -x /usr/bin/time ]] || { echo "run_learn_benchmark: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/bin"
cp "$build/bin/allinea" "$build/bin/score-alignment" "$tmp/bin/"
bin=$tmp/bin/allinea
score=$tmp/bin/score-alignment
notes=("load average (1, 5, 15 min) at the start: $(cut -d ' ' -f 1-3 /proc/loadavg)")

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'; }
secs() { awk -v s="$1" 'BEGIN { printf (s < 1 ? "%.3f" : "%.2f"), s }'; }
div() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "–" }'; }
faster() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
f1() { "$score" "$1" - < "$2" | awk -F'|' '$2 ~ /F1/ { gsub(/ /, "", $3); print $3 }'; }

run_once() {  # OUT CMD...: sets $s (seconds) and $mb (peak MB); stops on failure
  local out=$1 rc=0 t0
  shift
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$tmp/time" "$@" > "$out" 2> "$tmp/err" || rc=$?
  s=$(since "$t0")
  mb=$(tail -n 1 "$tmp/time" | awk '{ printf "%.0f", $1 / 1024 }')
  if ((rc != 0)); then
    echo "run_learn_benchmark: failed (status $rc): $*: $(head -c 300 "$tmp/err")" >&2
    exit 1
  fi
}

row() {  # LABEL CORPUS SRC TGT GOLD DICT...: one row, --learn none against pair
  local label=$1 corpus=$2 src=$3 tgt=$4 gold=$5 runs k s0 s1 mb0 mb1 s mb
  shift 5
  local cmd=("$bin" align "$src" "$tgt" --src-lang it --tgt-lang zh --presegmented -f index "$@")
  if [[ -n ${RUNS:-} ]]; then runs=$RUNS; elif ((n <= 100000)); then runs=3; else runs=1; fi
  s0='' s1=''
  for ((k = 0; k < runs; k++)); do
    run_once "$tmp/out0" "${cmd[@]}" --learn none
    if [[ -z $s0 ]] || faster "$s" "$s0"; then s0=$s mb0=$mb; fi
    run_once "$tmp/out1" "${cmd[@]}" --learn pair
    if [[ -z $s1 ]] || faster "$s" "$s1"; then s1=$s mb1=$mb; fi
  done
  echo "| $label | $corpus | ${*:-installed} | $(secs "$s0") | $(secs "$s1") | $(div "$s1" "$s0") | $mb0 → $mb1 | $(f1 "$gold" "$tmp/out0") → **$(f1 "$gold" "$tmp/out1")** |"
  notes+=("$label $corpus ${*:-installed}: best of $runs runs each, alternating; load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)")
}

echo "| it-zh sentences | corpus | dictionaries | s --learn none | s --learn pair | × time | peak MB | strict F1 none → pair |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  c=$tmp/g$n
  python3 bench/make_corpus.py "$n" "$c" 2> /dev/null > /dev/null
  python3 bench/hard_text.py --strip-anchors --no-paragraphs --src-lang it --tgt-lang zh \
    "$c.it" "$c.zh" "$c.gold.index" "$c.poor" 2> /dev/null
  label="$(grep -c . "$c.it")/$(grep -c . "$c.zh")"
  for dict in none installed; do
    opts=()
    [[ $dict == none ]] && opts=(--dict none)
    row "$label" rich "$c.it" "$c.zh" "$c.gold.index" "${opts[@]}"
    row "$label" poor "$c.poor.src.txt" "$c.poor.tgt.txt" "$c.poor.gold.index" "${opts[@]}"
  done
  rm -f "$c".*
done
echo
echo "Notes:"
for note in "${notes[@]}"; do echo "- $note"; done
echo
echo "Command: bench/run_learn_benchmark.sh $build ${sizes[*]}"
