#!/usr/bin/env bash
# Writes the README's "Use it as a library" example into DIR: its first
# ```cpp block as align_two.cc and its first ```cmake block as
# CMakeLists.txt, so that the tests build exactly what the README shows.
#   extract_readme.sh README.md DIR
set -euo pipefail
readme=$1 dir=$2
mkdir -p "$dir"
block() {  # the first fenced block of language $1
  awk -v lang="$1" '
    !inside && $0 == "```" lang { inside = 1; next }
    inside && $0 == "```" { exit }
    inside { print }' "$readme"
}
block cpp >"$dir/align_two.cc"
block cmake >"$dir/CMakeLists.txt"
for f in align_two.cc CMakeLists.txt; do
  [ -s "$dir/$f" ] || { echo "extract_readme: no block for $f in $readme" >&2; exit 1; }
done
