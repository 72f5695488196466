#!/usr/bin/env bash
# run_pairs_benchmark.sh: many document pairs in one run (`align --pairs`),
# as a markdown table for docs/benchmarks.md.
#
# Usage: bench/run_pairs_benchmark.sh [BUILD_DIR] [PAIRS] [SENTENCES]
#   BUILD_DIR  default build
#   PAIRS      document pairs to generate (default 100)
#   SENTENCES  sentences on the longer side of each (default 2000)
# Needs python3, GNU time (/usr/bin/time) and, to check the memory, xmllint.
#
# Generates PAIRS it-zh pairs with bench/make_corpus.py (seeds 1..PAIRS,
# presegmented) and a list of them, then times, on the same files:
#   (a) one `allinea align` process per pair, one after the other (the
#       baseline: what a shell loop over the pairs does);
#   (b) `allinea align --pairs LIST -j 1 -f tmx` (one pair at a time);
#   (c) `allinea align --pairs LIST -f tmx` (all cores, the default);
#   (d) `allinea align --pairs LIST -f jsonl` (all cores).
# "× baseline" divides each time by (a)'s, measured in the same run; CPU is
# GNU time's share of one core (200% = both cores busy); peak MB the largest
# resident set of the process (for (a), of the largest single run).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
pairs=${2:-100}
n=${3:-2000}
bin=$build/bin/allinea
[[ -x $bin ]] || { echo "run_pairs_benchmark: $bin is missing" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "run_pairs_benchmark: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$bin" "$tmp/allinea"; bin=$tmp/allinea
gold=(tests/data/mensch-interview.it-zh.gold.index tests/data/pairs/*.gold.index)

t0=$(date +%s.%N)
mkdir "$tmp/docs"
: > "$tmp/list.tsv"
for ((i = 1; i <= pairs; i++)); do
  python3 bench/make_corpus.py --src-lang it --tgt-lang zh --seed "$i" "$n" \
    "$tmp/docs/p$i" "${gold[@]}" 2> /dev/null
  printf 'docs/p%d.it\tdocs/p%d.zh\n' "$i" "$i" >> "$tmp/list.tsv"
done
gen_s=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
it_sentences=$(cat "$tmp"/docs/*.it | grep -c .)
zh_sentences=$(cat "$tmp"/docs/*.zh | grep -c .)

opts=(--src-lang it --tgt-lang zh --presegmented)
export SOURCE_DATE_EPOCH=0
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
measure() {  # OUT CMD...: prints "seconds peak-MB cpu%"
  local out=$1 t
  shift
  t=$(date +%s.%N)
  /usr/bin/time -f '%M %P' -o "$tmp/time" "$@" > "$out" 2> "$tmp/err"
  echo "$(since "$t") $(tail -n 1 "$tmp/time" | awk '{ printf "%.0f %s", $1 / 1024, $2 }')"
}

# (a) one process per pair
t=$(date +%s.%N)
peak=0
for ((i = 1; i <= pairs; i++)); do
  /usr/bin/time -f '%M' -o "$tmp/time" "$bin" align "$tmp/docs/p$i.it" "$tmp/docs/p$i.zh" \
    "${opts[@]}" -f tmx -o "$tmp/one.tmx" 2> "$tmp/err"
  mb=$(awk '{ printf "%.0f", $1 / 1024 }' "$tmp/time")
  ((mb > peak)) && peak=$mb
done
base=$(since "$t")

row() {  # LABEL SECONDS MB CPU
  echo "| $1 | $2 | $(awk -v a="$2" -v b="$base" 'BEGIN { printf "%.2f", a / b }') | $4 | $3 |"
}
echo "| command | seconds | × baseline | CPU | peak MB |"
echo "|---|---|---|---|---|"
echo "| (a) one \`allinea align\` per pair, $pairs runs in a row (baseline) | $base | 1.00 | | $peak |"
read -r s mb cpu <<< "$(measure "$tmp/j1.tmx" "$bin" align --pairs "$tmp/list.tsv" "${opts[@]}" -j 1 -f tmx)"
row "(b) \`align --pairs LIST -j 1 -f tmx\`" "$s" "$mb" "$cpu"
read -r s mb cpu <<< "$(measure "$tmp/all.tmx" "$bin" align --pairs "$tmp/list.tsv" "${opts[@]}" -f tmx)"
row "(c) \`align --pairs LIST -f tmx\` (both cores)" "$s" "$mb" "$cpu"
read -r s mb cpu <<< "$(measure "$tmp/all.jsonl" "$bin" align --pairs "$tmp/list.tsv" "${opts[@]}" -f jsonl)"
row "(d) \`align --pairs LIST -f jsonl\` (both cores)" "$s" "$mb" "$cpu"

echo
echo "- $pairs pairs of $n sentences on the longer side: $it_sentences Italian and $zh_sentences Chinese sentences in all, made by make_corpus.py in $gen_s s"
echo "- (b) and (c) write the same memory: $(cmp -s "$tmp/j1.tmx" "$tmp/all.tmx" && echo "byte-identical" || echo "DIFFERENT"), $(grep -c '<tu>' "$tmp/all.tmx") units, $(du -m "$tmp/all.tmx" | cut -f1) MB; JSON Lines: $(wc -l < "$tmp/all.jsonl") beads"
if command -v xmllint > /dev/null; then
  if xmllint --noout --nonet --valid --path tests/data/tmx "$tmp/all.tmx" 2> "$tmp/xmllint"; then
    echo "- xmllint: the memory is valid against the TMX 1.4b DTD"
  else
    echo "- xmllint: INVALID: $(head -n 3 "$tmp/xmllint")"
  fi
fi
