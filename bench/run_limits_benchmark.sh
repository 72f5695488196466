#!/usr/bin/env bash
# run_limits_benchmark.sh: pathological inputs against ordinary text of the
# same size, as a markdown table for docs/benchmarks.md and
# docs/robustness.md.
#
# Usage: bench/run_limits_benchmark.sh [BUILD_DIR] [COPIES]
#   BUILD_DIR  default build
#   COPIES     copies of the sample pair in the ordinary text (default 320,
#              about 20 MB of Italian)
# Needs python3 and GNU time (/usr/bin/time).
#
# The ordinary text is the sample interview repeated COPIES times (each
# side). Each pathological input has the same size as the ordinary one it
# is compared with, and "× baseline" divides its time by the ordinary
# input's, measured in the same run:
#   - one line: the Italian's words, no punctuation, no line break
#     (segmented as sentences of at most 2,000 characters, --max-sentence);
#   - unspaced: the Chinese's Han characters in random order, one line;
#   - one sentence against the whole Italian, both ways, against the
#     ordinary pair (the Italian against the Chinese).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
copies=${2:-320}
bin=$build/bin/allinea
[[ -x $bin ]] || { echo "run_limits_benchmark: $bin is missing" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "run_limits_benchmark: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" "$copies" <<'EOF'
import random, re, sys
tmp, copies = sys.argv[1], int(sys.argv[2])
it = open('data/mensch-interview.it.txt', encoding='utf-8').read()
zh = open('data/mensch-interview.zh.txt', encoding='utf-8').read()
big_it = (it.rstrip('\n') + '\n\n') * copies
big_zh = (zh.rstrip('\n') + '\n\n') * copies
open(f'{tmp}/it.txt', 'w', encoding='utf-8').write(big_it)
open(f'{tmp}/zh.txt', 'w', encoding='utf-8').write(big_zh)
random.seed(1)
words = re.findall(r'[^\W\d_]+', it)
out, size = [], 0
target = len(big_it.encode('utf-8'))
while size < target:
    w = random.choice(words)
    out.append(w)
    size += len(w.encode('utf-8')) + 1
open(f'{tmp}/oneline.it.txt', 'w', encoding='utf-8').write(' '.join(out) + '\n')
han = [c for c in zh if '\u4e00' <= c <= '\u9fff']
n = len(big_zh.encode('utf-8')) // 3
open(f'{tmp}/unspaced.zh.txt', 'w', encoding='utf-8').write(
    ''.join(random.choice(han) for _ in range(n)) + '\n')
open(f'{tmp}/one.it.txt', 'w', encoding='utf-8').write('Una sola frase.\n')
EOF

since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
measure() {  # CMD...: prints "seconds peak-MB"
  local t
  t=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$tmp/time" "$@" > /dev/null 2> "$tmp/err" || {
    status=$?
    # check fails a pair that is not a translation: exit 1 is a result
    [[ $status == 1 ]] || { cat "$tmp/err" >&2; exit 1; }
  }
  echo "$(since "$t") $(tail -n 1 "$tmp/time" | awk '{ printf "%.0f", $1 / 1024 }')"
}
mb() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }

echo "Pathological inputs against ordinary text of the same size; $(nproc) cores;"
echo "ordinary text: the sample pair $copies times ($(mb "$tmp/it.txt") MB Italian, $(mb "$tmp/zh.txt") MB Chinese)."
echo
echo "| command | input | time | × baseline | peak MB |"
echo "| --- | --- | --- | --- | --- |"
row() {  # LABEL INPUT BASE_SECONDS CMD...
  local label=$1 input=$2 base=$3
  shift 3
  read -r s m < <(measure "$@")
  local ratio=1.00
  [[ $base == self ]] || ratio=$(awk -v a="$s" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
  echo "| \`$label\` | $input | $s s | $ratio | $m |"
  last=$s
}
cd "$tmp"
A=$OLDPWD/$bin
[[ $bin == /* ]] && A=$bin
row "segment --lang it" "ordinary Italian (baseline)" self "$A" segment it.txt --lang it
base=$last
row "segment --lang it" "one line, no punctuation, same size" "$base" "$A" segment oneline.it.txt --lang it
row "segment --lang zh" "ordinary Chinese (baseline)" self "$A" segment zh.txt --lang zh
base=$last
row "segment --lang zh" "unspaced Han, one line, same size" "$base" "$A" segment unspaced.zh.txt --lang zh
row "align it zh" "ordinary pair (baseline)" self "$A" align it.txt zh.txt --src-lang it --tgt-lang zh
base=$last
row "align it zh" "one line (Italian) against the Chinese" "$base" "$A" align oneline.it.txt zh.txt --src-lang it --tgt-lang zh
row "align it zh" "one sentence against the Chinese" "$base" "$A" align one.it.txt zh.txt --src-lang it --tgt-lang zh
row "align it zh" "the Italian against one sentence" "$base" "$A" align it.txt one.it.txt --src-lang it --tgt-lang zh
row "check it zh" "ordinary pair (baseline)" self "$A" check it.txt zh.txt --src-lang it --tgt-lang zh
base=$last
row "check it zh" "one line (Italian) against the Chinese" "$base" "$A" check oneline.it.txt zh.txt --src-lang it --tgt-lang zh
row "check it zh" "one sentence against the Chinese" "$base" "$A" check one.it.txt zh.txt --src-lang it --tgt-lang zh
