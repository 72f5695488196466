#!/usr/bin/env bash
# The README's library example, built against an installed allinea through
# find_package: installs BUILD_DIR into a temporary prefix, builds the
# example there with nothing of the source or build folder on its paths,
# runs it on the sample pair, and checks that no installed text file names
# the source or the build folder.
#   readme_example_test.sh SOURCE_DIR BUILD_DIR WORK_DIR
set -euo pipefail
source_dir=$(cd "$1" && pwd) build_dir=$(cd "$2" && pwd) work=$3
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work"
work=$(cd "$work" && pwd)
prefix=$work/prefix

cmake --install "$build_dir" --prefix "$prefix" >"$work/install.log"
for f in lib/cmake/allinea/allineaConfig.cmake lib/cmake/allinea/allineaConfigVersion.cmake \
         include/allinea/align.h include/allinea/version.h bin/allinea share/man/man1/allinea.1; do
  [ -e "$prefix/$f" ] || { echo "FAIL: $f was not installed" >&2; exit 1; }
done
ls "$prefix"/lib/liballinea.* >/dev/null
# Text files only: a RelWithDebInfo library's debug information names its
# sources (the Release .deb is checked whole by deb_test.sh).
if grep -rlI -e "$source_dir" -e "$build_dir" "$prefix" >"$work/named.txt"; then
  echo "FAIL: installed files name the source or build folder:" >&2
  cat "$work/named.txt" >&2
  exit 1
fi

bash "$here/extract_readme.sh" "$source_dir/README.md" "$work/consumer"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
cmake -S "$work/consumer" -B "$work/consumer/build" "${generator[@]}" \
  -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/consumer/build" >"$work/build.log"
bash "$here/check_example_output.sh" "$work/consumer/build/align_two" \
  "$prefix/bin/allinea" "$source_dir/data" "$work"
