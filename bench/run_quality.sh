#!/usr/bin/env bash
# run_quality.sh: alignment quality on hard text. Every gold pair is aligned
# as it is and in harder variants made by bench/hard_text.py (no paragraph
# breaks, no numbers or names, repeated), and scored against its gold.
#
# Usage: bench/run_quality.sh BUILD_DIR [options] [-- EXTRA_ALIGN_ARGS...]
#   BUILD_DIR          the build to measure (BUILD_DIR/bin/allinea and
#                      BUILD_DIR/bin/score-alignment; copied at the start, so
#                      a rebuild during the run does not mix two binaries)
#   --pairs LIST       comma-separated pairs (default: all): mensch (it-zh),
#                      railway (en-zh), mostra (it-en), debref-en-it,
#                      debref-en-zh, debref-en-de, g20k
#   --variants LIST    comma-separated variants (default: all): plain,
#                      no-paragraphs, stripped, stripped+no-paragraphs,
#                      repeat5+stripped+no-paragraphs (gold pairs only, not
#                      g20k)
#   --no-g20k          leave out g20k (the same as not naming it in --pairs)
#   --g20k-size N      sentences of the synthetic corpus (default 20000)
#   --hard-args ARGS   more hard_text.py options for the stripped variants,
#                      one word each (e.g. "--names shared")
#   --tsv FILE         also write every figure as TSV: pair, variant, strict
#                      P, R and F1, lax F1, align seconds
#   -- ARGS...         passed to every `allinea align` (e.g. -- --dict none,
#                      -- --dict tests/data/dict/it-zh.dict)
#
# For each pair and variant it runs
#   allinea align OUT.src.txt OUT.tgt.txt --presegmented --src-lang S \
#       --tgt-lang T -f index EXTRA_ALIGN_ARGS
# timed (wall seconds, the align alone), then score-alignment OUT.gold.index -,
# and prints two Markdown tables, strict F1 and seconds (rows: pairs, columns:
# variants). A failed align is a "fail" cell (its error on stderr) and the
# run goes on; the exit status is then 1. g20k is made with
# bench/make_corpus.py in a temp dir; the whole default run takes about 20 s.
# One align at a time. Needs python3 (standard library only).
#
# Examples:
#   bench/run_quality.sh build
#   bench/run_quality.sh build --pairs mensch,debref-en-zh --variants plain,stripped
#   bench/run_quality.sh build --no-g20k --tsv /tmp/q.tsv -- --dict none
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
[[ $# -ge 1 && $1 != -* ]] || usage
build=$1; shift
pairs_opt=mensch,railway,mostra,debref-en-it,debref-en-zh,debref-en-de,g20k
variants_opt=plain,no-paragraphs,stripped,stripped+no-paragraphs,repeat5+stripped+no-paragraphs
no_g20k=0
g20k_size=20000
hard_args=()
tsv=
extra=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --pairs) pairs_opt=${2:?--pairs needs a list}; shift 2 ;;
    --variants) variants_opt=${2:?--variants needs a list}; shift 2 ;;
    --no-g20k) no_g20k=1; shift ;;
    --g20k-size) g20k_size=${2:?--g20k-size needs a number}; shift 2 ;;
    --hard-args) read -r -a hard_args <<<"${2?--hard-args needs words}"; shift 2 ;;
    --tsv) tsv=${2:?--tsv needs a file}; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) usage ;;
    *) echo "run_quality: unknown option: $1" >&2; exit 2 ;;
  esac
done

for tool in allinea score-alignment; do
  [[ -x $build/bin/$tool ]] || { echo "run_quality: $build/bin/$tool is missing" >&2; exit 2; }
done

# name src tgt gold src-lang tgt-lang (paths from the repository root)
pair_table=(
  "mensch tests/data/mensch-interview.it.sentences.txt tests/data/mensch-interview.zh.sentences.txt tests/data/mensch-interview.it-zh.gold.index it zh"
  "railway tests/data/pairs/railway-report.en.sentences.txt tests/data/pairs/railway-report.zh.sentences.txt tests/data/pairs/railway-report.en-zh.gold.index en zh"
  "mostra tests/data/pairs/mostra-annuncio.it.sentences.txt tests/data/pairs/mostra-annuncio.en.sentences.txt tests/data/pairs/mostra-annuncio.it-en.gold.index it en"
  "debref-en-it tests/data/debref/debref-ch02.en.sentences.txt tests/data/debref/debref-ch02.it.sentences.txt tests/data/debref/debref-ch02.en-it.gold.index en it"
  "debref-en-zh tests/data/debref/debref-ch02.en.sentences.txt tests/data/debref/debref-ch02.zh.sentences.txt tests/data/debref/debref-ch02.en-zh.gold.index en zh"
  "debref-en-de tests/data/debref/debref-ch02.en.sentences.txt tests/data/debref/debref-ch02.de.sentences.txt tests/data/debref/debref-ch02.en-de.gold.index en de"
)
all_variants=" plain no-paragraphs stripped stripped+no-paragraphs repeat5+stripped+no-paragraphs "

IFS=, read -r -a pairs <<<"$pairs_opt"
IFS=, read -r -a variants <<<"$variants_opt"
for v in "${variants[@]}"; do
  [[ $all_variants == *" $v "* ]] || { echo "run_quality: unknown variant: $v" >&2; exit 2; }
done

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp "$build/bin/allinea" "$build/bin/score-alignment" "$tmp/"

# The pairs to run, as lines of pair_table (g20k made here).
selected=()
for p in "${pairs[@]}"; do
  if [[ $p == g20k ]]; then
    [[ $no_g20k == 1 ]] && continue
    echo "run_quality: making g20k ($g20k_size sentences)" >&2
    python3 "$root/bench/make_corpus.py" "$g20k_size" "$tmp/g20k" 2>"$tmp/g20k.log" \
      || { cat "$tmp/g20k.log" >&2; exit 1; }
    selected+=("g20k $tmp/g20k.it $tmp/g20k.zh $tmp/g20k.gold.index it zh")
    continue
  fi
  line=
  for row in "${pair_table[@]}"; do [[ ${row%% *} == "$p" ]] && line=$row; done
  [[ -n $line ]] || { echo "run_quality: unknown pair: $p" >&2; exit 2; }
  read -r n s t g sl tl <<<"$line"
  if [[ ! -f $root/$s || ! -f $root/$t || ! -f $root/$g ]]; then
    echo "run_quality: $p: gold files missing, skipped" >&2; continue
  fi
  selected+=("$n $root/$s $root/$t $root/$g $sl $tl")
done
[[ ${#selected[@]} -gt 0 ]] || { echo "run_quality: no pair to run" >&2; exit 2; }

declare -A f1 secs
status=0
results=$tmp/results.tsv
: >"$results"
for row in "${selected[@]}"; do
  read -r name src tgt gold sl tl <<<"$row"
  for v in "${variants[@]}"; do
    [[ $name == g20k && $v == repeat5* ]] && continue
    opts=()
    [[ $v == *no-paragraphs* ]] && opts+=(--no-paragraphs)
    [[ $v == *stripped* ]] && opts+=(--strip-anchors ${hard_args[@]+"${hard_args[@]}"})
    [[ $v == repeat5* ]] && opts+=(--repeat 5)
    out=$tmp/$name.$v
    python3 "$root/bench/hard_text.py" "${opts[@]}" --src-lang "$sl" --tgt-lang "$tl" \
      "$src" "$tgt" "$gold" "$out" 2>"$out.hard.log" \
      || { cat "$out.hard.log" >&2; exit 1; }
    sed 's/^/run_quality: /' "$out.hard.log" >&2
    start=$(date +%s%N)
    if "$tmp/allinea" align "$out.src.txt" "$out.tgt.txt" --presegmented \
        --src-lang "$sl" --tgt-lang "$tl" -f index ${extra[@]+"${extra[@]}"} \
        >"$out.index" 2>"$out.align.log"; then
      end=$(date +%s%N)
      s=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
      # score-alignment prints a Markdown table: | precision | strict | lax |
      read -r sp sr sf lf < <("$tmp/score-alignment" "$out.gold.index" "$out.index" | awk -F'|' '
        { gsub(/ /, "") }
        $2 == "precision" { sp = $3 } $2 == "recall" { sr = $3 } $2 == "F1" { sf = $3; lf = $4 }
        END { print sp, sr, sf, lf }')
      [[ -n $sf ]] || { echo "run_quality: $name $v: score-alignment gave no F1" >&2; exit 1; }
      f1[$name,$v]=$sf; secs[$name,$v]=$s
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$v" "$sp" "$sr" "$sf" "$lf" "$s" >>"$results"
      echo "run_quality: $name $v: strict F1 $sf, lax F1 $lf, ${s}s" >&2
    else
      echo "run_quality: $name $v: align failed: $(head -n 3 "$out.align.log")" >&2
      f1[$name,$v]=fail; secs[$name,$v]=fail; status=1
      printf '%s\t%s\tfail\tfail\tfail\tfail\tfail\n' "$name" "$v" >>"$results"
    fi
    rm -f "$out".src.txt "$out".tgt.txt "$out".index
  done
done

table() {  # $1 = the associative array to print, $2 = what its cells are
  local -n cells=$1
  echo "$2"
  echo
  printf '| pair |'; printf ' %s |' "${variants[@]}"; echo
  printf '| --- |'; printf ' --- |%.0s' "${variants[@]}"; echo
  for row in "${selected[@]}"; do
    local name=${row%% *}
    printf '| %s |' "$name"
    for v in "${variants[@]}"; do printf ' %s |' "${cells[$name,$v]:--}"; done
    echo
  done
  echo
}
extra_note=
[[ ${#extra[@]} -gt 0 ]] && extra_note=" (align args: ${extra[*]})"
table f1 "Strict F1$extra_note:"
table secs "Align wall seconds$extra_note:"

if [[ -n $tsv ]]; then
  { printf 'pair\tvariant\tstrict_p\tstrict_r\tstrict_f1\tlax_f1\tseconds\n'; cat "$results"; } >"$tsv"
fi
exit "$status"
