#!/usr/bin/env bash
# Speed, memory and accuracy of allinea on long synthetic pairs with a known
# alignment (bench/make_corpus.py), as a markdown table for
# docs/benchmarks.md, followed by notes (the corpora, skipped rows).
#
# Usage: bench/run_benchmarks.sh [BUILD_DIR] [SIZES...]
#   BUILD_DIR  holds bin/allinea and bin/score-alignment (default: build)
#   SIZES      sentences per side (the longer side; default: 10000 100000 1000000)
# Environment:
#   PAIRS     gold pairs for make_corpus.py (default: the mensch-interview
#             it-zh pair and tests/data/pairs/*.gold.index; pairs that are
#             not it-zh or zh-it are skipped by the generator)
#   FULL_MAX  largest size for `--search full` (default 20000: the full
#             dynamic program is quadratic in time and memory)
#   TIMEOUT   seconds after which an aligner run is stopped (default 0: none)
# Needs python3 and GNU time (/usr/bin/time, Debian package `time`).
#
# For each size it runs, on the same generated corpus C.it / C.zh:
#   (a) allinea segment C.it --lang it                 (the baseline)
#   (b) allinea align C.it C.zh --src-lang it --tgt-lang zh --presegmented -f index
#   (c) the same with --search full, where the build has it and the size is
#       at most FULL_MAX
# and scores (b) and (c) with score-alignment C.gold.index - (strict and lax
# F1). Times are wall seconds of one run; "× baseline" divides by (a) of the
# same size, "s/1k" by the thousands of source sentences.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
if (($#)); then sizes=("$@"); else sizes=(10000 100000 1000000); fi
bin=$build/bin/allinea
score=$build/bin/score-alignment
full_max=${FULL_MAX:-20000}
timeout_s=${TIMEOUT:-0}
if [[ -n ${PAIRS:-} ]]; then
  read -r -a pairs <<< "$PAIRS"
else
  shopt -s nullglob
  pairs=(tests/data/mensch-interview.it-zh.gold.index tests/data/pairs/*.gold.index)
  shopt -u nullglob
fi
if [[ ! -x /usr/bin/time ]]; then
  echo "run_benchmarks: /usr/bin/time is missing (apt-get install time)" >&2
  exit 1
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
notes=()

wait_for() {  # the binaries are rebuilt now and then: wait up to 2 minutes
  local i
  for ((i = 0; i < 120; i++)); do [[ -x $1 ]] && return 0; sleep 1; done
  echo "run_benchmarks: $1 is missing" >&2; exit 1
}

measure() {  # OUT CMD...: runs CMD > OUT, prints "seconds peak-MB exit-status"
  local out=$1 rc=0 pre=() t0
  shift
  ((timeout_s > 0)) && pre=(timeout "$timeout_s")
  wait_for "$1"
  t0=$(date +%s.%N)  # wall time to the millisecond; GNU time for the memory
  /usr/bin/time -f '%M' -o "$tmp/time" "${pre[@]}" "$@" > "$out" 2> "$tmp/err" || rc=$?
  echo "$(since "$t0") $(tail -n 1 "$tmp/time" | awk '{ printf "%.0f", $1 / 1024 }') $rc"
}

f1() {  # GOLD TEST: prints "strict lax" F1 (and its own time to $tmp/score_s)
  local t0
  wait_for "$score"
  t0=$(date +%s.%N)
  "$score" "$1" - < "$2" > "$tmp/score"
  since "$t0" > "$tmp/score_s"
  awk -F'|' '$2 ~ /F1/ { gsub(/ /, "", $3); gsub(/ /, "", $4); print $3, $4 }' "$tmp/score"
}

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }'; }
secs() { awk -v s="$1" 'BEGIN { printf (s < 1 ? "%.3f" : "%.2f"), s }'; }
per_k() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.3f", s / n * 1000 }'; }
div() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b > 0) printf f, a / b; else printf "–" }'; }

# one run, one build: copy the binaries (they are rebuilt now and then)
mkdir "$tmp/bin"
for ((i = 0; ; i++)); do  # retry a copy taken while the linker was writing
  for b in "$bin" "$score"; do wait_for "$b"; cp "$b" "$tmp/bin/"; done
  "$tmp/bin/allinea" --help > /dev/null 2>&1 &&
    { "$tmp/bin/score-alignment" 2> /dev/null; (($? == 2)); } && break
  ((i < 10)) || { echo "run_benchmarks: the binaries in $build/bin do not run" >&2; exit 1; }
  sleep 10
done
notes+=("binaries: $bin and $score as of $(date -r "$bin" '+%F %T'), copied at the start")
bin=$tmp/bin/allinea
score=$tmp/bin/score-alignment
has_full=0
"$bin" align --help 2>&1 | grep -q -- '--search' && has_full=1

echo "| sentences it/zh | command | seconds | × baseline | s/1k it | peak MB | strict F1 | lax F1 |"
echo "|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  c=$tmp/c$n
  t0=$(date +%s.%N)
  if ! python3 bench/make_corpus.py --src-lang it --tgt-lang zh "$n" "$c" "${pairs[@]}" 2> "$tmp/gen"; then
    cat "$tmp/gen" >&2; exit 1
  fi
  gen_s=$(secs "$(since "$t0")")
  ns=$(grep -c . "$c.it"); nt=$(grep -c . "$c.zh")
  counts="$ns/$nt"
  notes+=("$n: corpus made by make_corpus.py in $gen_s s:"$'\n'"$(sed '/^make_corpus: .*gold\.index$/d; s/^make_corpus: //; s/^ *//; s/^/  - /' "$tmp/gen")")
  base=
  for _ in 1 2 3; do  # the baseline is short: the best of 3 runs
    read -r s mb _ <<< "$(measure /dev/null "$bin" segment "$c.it" --lang it)"
    if [[ -z $base ]] || awk -v a="$s" -v b="$base" 'BEGIN { exit !(a < b) }'; then
      base=$s base_mb=$mb
    fi
  done
  echo "| $counts | segment it (baseline) | $(secs "$base") | 1.0 | $(per_k "$base" "$ns") | $base_mb | | |"

  align_row() {  # LABEL EXTRA-OPTIONS...
    local label=$1 s mb rc ratio per strict lax
    shift
    read -r s mb rc <<< "$(measure "$tmp/out" "$bin" align "$c.it" "$c.zh" \
      --src-lang it --tgt-lang zh --presegmented -f index "$@")"
    ratio=$(div "$s" "$base" '%.1f')
    per=$(per_k "$s" "$ns")
    if ((rc == 124)); then
      echo "| $counts | $label | > $(secs "$s") (stopped) | > $ratio | > $per | $mb | – | – |"
      notes+=("$n: $label stopped after $timeout_s s (TIMEOUT)")
    elif ((rc != 0)); then
      echo "| $counts | $label | failed | | | $mb | – | – |"
      notes+=("$n: $label failed (status $rc): $(head -c 300 "$tmp/err")")
    else
      read -r strict lax <<< "$(f1 "$c.gold.index" "$tmp/out")"
      echo "| $counts | $label | $(secs "$s") | $ratio | $per | $mb | $strict | $lax |"
      notes+=("$n: score-alignment took $(secs "$(cat "$tmp/score_s")") s ($label)")
    fi
  }
  align_row "align --presegmented -f index"
  full="align --presegmented -f index --search full"
  if ((!has_full)); then
    echo "| $counts | $full | n/a | | | | | |"
    notes+=("$n: --search full: n/a, \`allinea align --help\` does not list --search in this build")
  elif ((n > full_max)); then
    echo "| $counts | $full | skipped (quadratic, > $full_max) | | | | | |"
    notes+=("$n: --search full skipped: above $full_max sentences per side (quadratic time and memory: one cell per sentence pair, $ns × $nt)")
  else
    align_row "$full" --search full
  fi
  rm -f "$c".* "$tmp/out"
done
echo
echo "Notes:"
for note in "${notes[@]}"; do echo "- $note"; done
