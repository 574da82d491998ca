#!/bin/sh
# scripts/eval.sh BUILD — score `rasid extract` on the development corpus in ../shared with
# its scorer, and print the figures. Skipped (exit 0) when ../shared is absent.
# EVAL_VERBOSE=1 passes --verbose to the scorer (per-event matches and misses).
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
SHARED=${RASID_SHARED:-../shared}
DOCS=$SHARED/corpus/dev-docs.jsonl
GOLD=$SHARED/corpus/dev-gold.jsonl
SCORE=$SHARED/eval/score
if [ ! -f "$DOCS" ] || [ ! -f "$GOLD" ] || [ ! -f "$SCORE" ]; then
  echo "eval: ../shared not found, skipped"
  exit 0
fi
export RASID_DATA="${RASID_DATA:-$ROOT/data}"
PRED="$BUILD/eval-pred.jsonl"
set +e
"$BUILD/rasid" extract --format jsonl "$DOCS" > "$PRED"
rc=$?
set -e
if [ $rc -ne 0 ]; then echo "eval: rasid extract exited with status $rc" >&2; fi
echo "eval: $(wc -l < "$PRED") predicted events in $PRED"
if [ "${EVAL_VERBOSE:-0}" = 1 ]; then
  python3 "$SCORE" "$DOCS" "$GOLD" "$PRED" --verbose
else
  python3 "$SCORE" "$DOCS" "$GOLD" "$PRED"
fi
