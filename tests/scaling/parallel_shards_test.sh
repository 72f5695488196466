#!/usr/bin/env bash
# The recipe of docs/scaling.md, run locally: a list of document pairs split
# into shards that GNU parallel hands to two workers (--sshlogin 2/: is this
# machine, two job slots), each running `allinea align --pairs -`; the
# shards' outputs merged (JSON Lines by cat, TMX by scripts/tmx-merge) must
# equal the output of one `allinea align --pairs` over the whole list, byte
# for byte, and the merged TMX must be valid against the TMX 1.4b DTD.
#
#   parallel_shards_test.sh ALLINEA SOURCE_DIR
# Exit status: 0 pass, 1 fail, 77 skipped (GNU parallel or xmllint missing
# and ALLINEA_REQUIRE_TEST_TOOLS unset).
set -euo pipefail
allinea=$1
source_dir=$2
for tool in parallel xmllint; do
  if ! command -v "$tool" >/dev/null; then
    if [ -n "${ALLINEA_REQUIRE_TEST_TOOLS:-}" ]; then
      echo "FAIL: $tool is missing" >&2
      exit 1
    fi
    echo "SKIP: $tool is missing (apt-get install parallel libxml2-utils)"
    exit 77
  fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export SOURCE_DATE_EPOCH=1700000000
# Seven pairs: the sample, and parts of it of different lengths.
it=$source_dir/data/mensch-interview.it.txt
zh=$source_dir/data/mensch-interview.zh.txt
mkdir docs
cp "$it" docs/full.it.txt
cp "$zh" docs/full.zh.txt
printf 'docs/full.it.txt\tdocs/full.zh.txt\n' > list.tsv
for n in 10 20 30 40 50 60; do
  head -n "$n" "$it" > "docs/part$n.it.txt"
  head -n "$n" "$zh" > "docs/part$n.zh.txt"
  printf 'docs/part%s.it.txt\tdocs/part%s.zh.txt\n' "$n" "$n" >> list.tsv
done
opts=(--src-lang it --tgt-lang zh)

# The reference: one process over the whole list.
"$allinea" align --pairs list.tsv "${opts[@]}" -f jsonl -o one.jsonl
"$allinea" align --pairs list.tsv "${opts[@]}" -o one.tmx

# Shards of 2 lines, two workers; -k keeps the shards' order.
parallel --pipe -k -N 2 --sshlogin 2/: --workdir "$work" \
  "$allinea" align --pairs - "${opts[@]}" -f jsonl < list.tsv > sharded.jsonl
parallel --pipe -k -N 2 --sshlogin 2/: --workdir "$work" --files --tmpdir "$work" \
  "$allinea" align --pairs - "${opts[@]}" -f tmx < list.tsv > shards.txt
[ "$(wc -l < shards.txt)" -eq 4 ] || { echo "FAIL: expected 4 shards" >&2; exit 1; }
xargs "$source_dir/scripts/tmx-merge" < shards.txt > merged.tmx

cmp one.jsonl sharded.jsonl || { echo "FAIL: JSON Lines shards differ" >&2; exit 1; }
cmp one.tmx merged.tmx || { echo "FAIL: merged TMX differs" >&2; exit 1; }
xmllint --noout --nonet --valid --path "$source_dir/tests/data/tmx" merged.tmx
echo "PASS: $(grep -c '<tu>' merged.tmx) units from 7 pairs in 4 shards"
