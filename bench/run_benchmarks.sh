#!/usr/bin/env bash
# Speed and memory of allinea on synthetic pairs (bench/make_corpus.py), as a
# markdown table for docs/benchmarks.md. Each row's time is also given as a
# ratio to the baseline of the same run: `allinea segment` of the Italian
# side (reading, decoding and segmenting the text once).
# Usage: bench/run_benchmarks.sh [BUILD_DIR] [SIZES...]   (needs python3 and GNU time)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}; shift || true
sizes=("${@:-10000 100000}")
bin=$build/bin/allinea
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

measure() {  # prints "seconds max-rss-MB"
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" > /dev/null 2>&1
  awk '{printf "%.2f %.0f", $1, $2 / 1024}' "$tmp/time"
}

echo "| beads | sentences it/zh | command | seconds | × baseline | peak MB |"
echo "|---|---|---|---|---|---|"
for n in ${sizes[@]}; do
  python3 bench/make_corpus.py "$n" "$tmp/c"
  counts="$(grep -c . "$tmp/c.it")/$(grep -c . "$tmp/c.zh")"
  read -r base base_mb <<< "$(measure "$bin" segment "$tmp/c.it" --lang it)"
  row() {
    read -r s mb <<< "$(measure "$@")"
    ratio=$(awk -v s="$s" -v b="$base" 'BEGIN { printf "%.1f", (b > 0 ? s / b : 0) }')
    echo "| $n | $counts | $label | $s | $ratio | $mb |"
  }
  echo "| $n | $counts | segment it (baseline) | $base | 1.0 | $base_mb |"
  label="segment zh"; row "$bin" segment "$tmp/c.zh" --lang zh
  label="align --presegmented -f index"; row "$bin" align "$tmp/c.it" "$tmp/c.zh" --src-lang it --tgt-lang zh --presegmented -f index
  label="align (segment + align, tsv)"; row "$bin" align "$tmp/c.it" "$tmp/c.zh" --src-lang it --tgt-lang zh
done
