#!/usr/bin/env bash
# Installs what allinea needs from Debian's packages (only what is missing;
# apt-get update first) and builds it into build/ (the CLI: build/bin/allinea).
# Idempotent: run it again after a pull. Works as root or through sudo.
#
#   ./setup.sh                 install and build (RelWithDebInfo)
#   ./setup.sh --test-tools    also the programs the tests run against our
#                              output: xmllint, GNU parallel, OmegaT, python3
#                              with jsonschema, and dpkg-dev (cpack's
#                              dpkg-shlibdeps) for the Debian packages
#   BUILD_DIR=out ./setup.sh   build elsewhere
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake ninja-build libicu-dev libboost-program-options-dev
          libfmt-dev libgtest-dev)
for arg in "$@"; do
  case $arg in
    --test-tools) packages+=(libxml2-utils parallel omegat python3 python3-jsonschema dpkg-dev) ;;
    *) echo "setup: unknown option $arg (expected --test-tools)" >&2; exit 2 ;;
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
