#!/bin/sh
# Installs the Debian packages rasid builds, tests or runs with, when they are missing.
# Called by `make deps` (and so by `make demo` and `make test`). Idempotent: a machine that
# already has everything runs no apt-get at all. The package list is the single source of truth
# for rasid's system dependencies; keep docs/BUILDING.md in step with it.
set -eu
PKGS="build-essential pkg-config clang libclang-rt-14-dev
libutf8proc-dev libstemmer-dev libjansson-dev libsqlite3-dev libxml2-dev zlib1g-dev
libcurl4-openssl-dev libmicrohttpd-dev libpcre2-dev
python3 valgrind
sqlite3"
# rasid serve (docs/serve.md): chromium for the browser tests, wrk for make bench, and
# node/npm for make web unless a node is already installed (Vite 8 wants node >= 20.19)
PKGS="$PKGS chromium wrk"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then PKGS="$PKGS nodejs npm"; fi
if [ -n "${RASID_EXTRA_PKGS:-}" ]; then PKGS="$PKGS $RASID_EXTRA_PKGS"; fi
missing=""
for p in $PKGS; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing" >&2
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "deps: not root and no sudo; please install:$missing" >&2; exit 1; fi
else SUDO=""; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
