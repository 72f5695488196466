#!/usr/bin/env bash
# Runs the README's example program on the sample pair and compares its
# beads with the CLI's: the same source and target columns, bead by bead
# (spaces aside: the CLI joins Chinese sentences without one), and every
# score in [0, 1].
#   check_example_output.sh ALIGN_TWO ALLINEA_CLI DATA_DIR WORK_DIR
set -euo pipefail
example=$1 cli=$2 data=$3 work=$4
src=$data/mensch-interview.it.txt tgt=$data/mensch-interview.zh.txt
"$example" "$src" "$tgt" it zh >"$work/example.tsv"
"$cli" align "$src" "$tgt" --src-lang it --tgt-lang zh >"$work/cli.tsv"
beads=$(wc -l <"$work/example.tsv")
[ "$beads" -ge 100 ] || { echo "FAIL: only $beads beads from the example" >&2; exit 1; }
if ! diff <(cut -f1,2 "$work/example.tsv" | tr -d ' ') <(cut -f1,2 "$work/cli.tsv" | tr -d ' ') \
     >"$work/diff.txt"; then
  echo "FAIL: the example's beads differ from the CLI's:" >&2
  head -20 "$work/diff.txt" >&2
  exit 1
fi
awk -F'\t' 'NF != 3 || $3 < 0 || $3 > 1 { print "FAIL: bad line " NR ": " $0; bad = 1 }
            END { exit bad }' "$work/example.tsv" >&2
usage_status=0
"$example" >/dev/null 2>&1 || usage_status=$?
[ "$usage_status" -eq 2 ] || { echo "FAIL: usage exit $usage_status, not 2" >&2; exit 1; }
echo "example: $beads beads, the same as the CLI's"
