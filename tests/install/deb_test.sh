#!/usr/bin/env bash
# The Debian packages: builds allinea in Release in a temporary folder, makes
# allinea_*.deb and liballinea-dev_*.deb with cpack, checks their declared
# dependencies, installs them with apt-get, removes the build folder, and
# runs /usr/bin/allinea on the sample and the README's example against the
# installed package. Needs root (apt-get) and dpkg-dev (dpkg-shlibdeps).
#   deb_test.sh SOURCE_DIR
set -euo pipefail
source_dir=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
[ "$(id -u)" -eq 0 ] || { echo "deb_test: needs root (apt-get install)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build=$work/build

cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DALLINEA_BUILD_TESTS=OFF -DALLINEA_BUILD_BENCH=OFF >"$work/configure.log"
cmake --build "$build" -j "$(nproc)" >"$work/build.log"
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; exit 1; }
mkdir "$work/debs"
cp "$build"/allinea_*.deb "$build"/liballinea-dev_*.deb "$work/debs/"
cli_deb=$(ls "$work"/debs/allinea_*.deb) dev_deb=$(ls "$work"/debs/liballinea-dev_*.deb)

depends=$(dpkg-deb -f "$cli_deb" Depends)
echo "allinea Depends: $depends"
for lib in libicu72 libfmt9 libboost-program-options1.74.0; do
  grep -q "$lib" <<<"$depends" || { echo "FAIL: allinea does not depend on $lib" >&2; exit 1; }
done
dpkg-deb -f "$dev_deb" Depends | grep -q libicu-dev \
  || { echo "FAIL: liballinea-dev does not depend on libicu-dev" >&2; exit 1; }
dpkg-deb -c "$cli_deb" | grep -q '/usr/share/man/man1/allinea.1' \
  || { echo "FAIL: no man page in $cli_deb" >&2; exit 1; }

# Nothing in the packages names the source or build folder.
mkdir "$work/unpacked"
dpkg-deb -x "$cli_deb" "$work/unpacked"
dpkg-deb -x "$dev_deb" "$work/unpacked"
if grep -rla -e "$source_dir" -e "$build" "$work/unpacked" >"$work/named.txt"; then
  echo "FAIL: packaged files name the source or build folder:" >&2
  cat "$work/named.txt" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$cli_deb" "$dev_deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; exit 1; }
rm -rf "$build"
cd /
/usr/bin/allinea --version
/usr/bin/allinea align "$source_dir/data/mensch-interview.it.txt" \
  "$source_dir/data/mensch-interview.zh.txt" --src-lang it --tgt-lang zh >"$work/sample.tsv"
beads=$(wc -l <"$work/sample.tsv")
[ "$beads" -ge 100 ] || { echo "FAIL: /usr/bin/allinea gave $beads beads" >&2; exit 1; }
man -w allinea >/dev/null 2>&1 || [ -e /usr/share/man/man1/allinea.1.gz ] || [ -e /usr/share/man/man1/allinea.1 ]

# The README's example against the installed liballinea-dev.
bash "$here/extract_readme.sh" "$source_dir/README.md" "$work/consumer"
cmake -S "$work/consumer" -B "$work/consumer/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  >"$work/consumer.log"
cmake --build "$work/consumer/build" >>"$work/consumer.log"
bash "$here/check_example_output.sh" "$work/consumer/build/align_two" /usr/bin/allinea \
  "$source_dir/data" "$work"
echo "deb_test: $(basename "$cli_deb") and $(basename "$dev_deb") installed and run"
