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
