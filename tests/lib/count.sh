# tests/lib/count.sh — sourced by the shell tests (tests/*.sh): a scratch directory
# removed on exit and the pass/fail counters behind the "N passed, N failed" line that
# tests/run.sh reads.  Set NAME (the FAIL prefix) and BUILD before sourcing; sets ROOT,
# RASID (the binary under test) and tmp.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RASID="$ROOT/$BUILD/rasid"
[ -x "$RASID" ] || { echo "$NAME: no $RASID"; echo "0 passed, 1 failed"; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rasid-$NAME.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
passed=0
failed=0
ok() { passed=$((passed + 1)); }
ko() { failed=$((failed + 1)); echo "FAIL $NAME: $*"; }
# the count line, last
count_done() { echo "$passed passed, $failed failed"; }
