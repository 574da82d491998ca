#!/bin/sh
# scripts/demo.sh BUILD — the main job on the bundled sample articles (samples/):
# tokens of one article, the entities it names, and the events of all of them as a table
# and as JSON Lines (written to demo-out/events.jsonl).
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
R="$BUILD/rasid"
export RASID_DATA="${RASID_DATA:-$ROOT/data}"
A=samples/articles/mali-attack.txt

printf '\n== rasid tokens %s (first 12 lines)\n' "$A"
"$R" tokens "$A" | head -n 12

printf '\n== rasid entities %s\n' "$A"
"$R" entities "$A"

printf '\n== rasid extract samples/articles/ --format table\n'
"$R" extract samples/articles/ --format table

mkdir -p demo-out
"$R" extract samples/articles.jsonl > demo-out/events.jsonl
n=$(wc -l < demo-out/events.jsonl)
printf '\n== rasid extract samples/articles.jsonl > %s (%s events; first 2 lines)\n' "$ROOT/demo-out/events.jsonl" "$n"
head -n 2 demo-out/events.jsonl

# rasid serve over a store of the samples: served when a terminal is attached (DEMO_SERVE=1,
# the default then); otherwise (CI, pipes) the command is printed instead of blocking
DB=demo-out/rasid.db
rm -f "$DB" "$DB-wal" "$DB-shm"
"$R" ingest --db "$DB" samples/articles.jsonl > /dev/null
if [ -t 0 ] && [ -t 1 ] && [ -z "${CI:-}" ]; then DEMO_SERVE=${DEMO_SERVE:-1}; else DEMO_SERVE=${DEMO_SERVE:-0}; fi
if [ "$DEMO_SERVE" = 1 ]; then
  printf '\n== rasid serve --db %s  (open the URL in a browser: map, timeline, network, articles; Ctrl-C stops)\n' "$DB"
  exec "$R" serve --db "$DB" --port "${DEMO_PORT:-8080}"
fi
printf '\n== the web page: %s serve --db %s, then open http://127.0.0.1:8080/\n' "$R" "$DB"
