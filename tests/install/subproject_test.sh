#!/usr/bin/env bash
# allinea as a subproject: a consumer that add_subdirectory()s the source
# tree and builds the README's example, with GoogleTest and Boost made
# unfindable (only the library is built by default), then runs it.
#   subproject_test.sh SOURCE_DIR ALLINEA_CLI WORK_DIR
set -euo pipefail
source_dir=$(cd "$1" && pwd) cli=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)

bash "$here/extract_readme.sh" "$source_dir/README.md" "$work/consumer"
# The README's CMakeLists finds an installed allinea; here the parent adds
# the source tree instead.
sed -i 's|^find_package(allinea CONFIG REQUIRED).*|add_subdirectory('"$source_dir"' allinea)|' \
  "$work/consumer/CMakeLists.txt"
grep -q '^add_subdirectory(' "$work/consumer/CMakeLists.txt"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$work/consumer" -B "$work/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_DISABLE_FIND_PACKAGE_GTest=ON -DCMAKE_DISABLE_FIND_PACKAGE_Boost=ON \
  >"$work/configure.log"
cmake --build "$work/build" -j "$(nproc)" >"$work/build.log"
# The parent's layout is its own: no bin/ folder imposed, no tests, no CLI.
[ -x "$work/build/align_two" ] || { echo "FAIL: align_two not where the parent put it" >&2; exit 1; }
for t in allinea_cli cli_test score-alignment; do
  if grep -q "^build .*$t" "$work/build/build.ninja" 2>/dev/null; then
    echo "FAIL: the subproject builds $t by default" >&2; exit 1
  fi
done
bash "$here/check_example_output.sh" "$work/build/align_two" "$cli" "$source_dir/data" "$work"
