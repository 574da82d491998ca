#!/bin/sh
# tests/run.sh BUILD_DIR — run every unit test binary in BUILD_DIR/tests/ and the spec
# runner over tests/spec/*.md; print one final line "N passed, N failed" and exit non-zero
# on any failure. RASID_VALGRIND=1 runs the spec examples and unit tests under valgrind;
# RASID_VALGRIND_EVERY=N then runs only every Nth spec example under valgrind (CI's budget).
# Unit test binaries print "N passed, N failed" as their last such line (tests/unit/unit.h);
# a binary that crashes or prints no count counts as one failure.
set -u
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
passed=0
failed=0
tmp=$(mktemp "${TMPDIR:-/tmp}/rasid-run.XXXXXX") || exit 2
# the compiled dictionaries go to a cache of this run's own, never the user's
RASID_CACHE_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rasid-cache.XXXXXX") || exit 2
export RASID_CACHE_DIR
unset RASID_CACHE
trap 'rm -f "$tmp"; rm -rf "$RASID_CACHE_DIR"' EXIT INT TERM

add_counts() { # $1 = name, $2 = exit status; reads $tmp
  line=$(grep -aE '^[0-9]+ passed, [0-9]+ failed$' "$tmp" | tail -n 1)
  if [ -z "$line" ]; then
    echo "FAIL $1: no result line (exit status $2)"
    tail -n 20 "$tmp"
    failed=$((failed + 1))
    return
  fi
  p=${line%% passed*}
  f=${line#*, }; f=${f%% failed*}
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
    echo "FAIL $1: exit status $2"
    failed=$((failed + 1))
  fi
}

vgunit=""
if [ "${RASID_VALGRIND:-0}" = 1 ]; then
  vgunit="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99"
fi
for t in "$BUILD"/tests/*; do
  [ -f "$t" ] && [ -x "$t" ] || continue
  $vgunit "$t" > "$tmp" 2>&1
  rc=$?
  # show the failures of this binary (everything but its count line)
  if [ $rc -ne 0 ]; then grep -avE '^[0-9]+ passed, [0-9]+ failed$' "$tmp" | head -n 50; fi
  add_counts "$(basename "$t")" $rc
done

set -- tests/spec/*.md
if [ -e "$1" ]; then
  vg=""
  if [ "${RASID_VALGRIND:-0}" = 1 ]; then vg="--valgrind --valgrind-every ${RASID_VALGRIND_EVERY:-1}"; fi
  "$BUILD"/spec-runner $vg --data "$ROOT/data" "$BUILD/rasid" "$@" > "$tmp" 2>&1
  rc=$?
  grep -avE '^[0-9]+ passed, [0-9]+ failed$' "$tmp"
  add_counts spec-runner $rc
fi

# shell tests (tests/*.sh, e.g. the store's kill test) print their own count line
for t in tests/*.sh; do
  [ -f "$t" ] && [ "$t" != tests/run.sh ] || continue
  sh "$t" "$BUILD" > "$tmp" 2>&1
  rc=$?
  if [ $rc -ne 0 ]; then grep -avE '^[0-9]+ passed, [0-9]+ failed$' "$tmp" | head -n 50; fi
  add_counts "$(basename "$t")" $rc
done

# browser tests of rasid serve's web page (tests/web/*.mjs: Debian's chromium through
# playwright-core from web/node_modules, `make web`): node, the built page or chromium
# missing is a failure, never a silent skip
for t in tests/web/*.mjs; do
  [ -f "$t" ] || continue
  if command -v node >/dev/null 2>&1; then
    node "$t" "$BUILD" > "$tmp" 2>&1
    rc=$?
  else
    printf 'FAIL %s: node not found (scripts/deps.sh installs nodejs)\n0 passed, 1 failed\n' "$t" > "$tmp"
    rc=1
  fi
  grep -avE '^[0-9]+ passed, [0-9]+ failed$|: \[: .*unexpected operator' "$tmp" | head -n 50
  add_counts "$(basename "$t")" $rc
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
