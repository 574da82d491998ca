#!/bin/sh
# bench/serve.sh BUILD — load test of `rasid serve` with wrk: GET /api/events (100 events per
# page, JSON built from SQLite on every request) at 100 concurrent connections for
# SERVE_SECONDS (default 10) on 127.0.0.1, beside a baseline measured in the same run: the
# same server sending a static file of the same size (no store, no JSON). Prints
# requests/s, p99 latency and errors for both, and the ratio. Expects 0 errors.
#   SERVE_ARTICLES=N  generated articles in the store (default 2000; bench/gen.py)
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export RASID_DATA="${RASID_DATA:-$ROOT/data}"
R="$BUILD/rasid"
SECS=${SERVE_SECONDS:-10}
CONNS=100
THREADS=${SERVE_WRK_THREADS:-2}
if ! command -v wrk >/dev/null 2>&1; then
  echo "bench serve: wrk not found (apt-get install wrk; scripts/deps.sh installs it)" >&2
  exit 1
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rasid-serve-bench.XXXXXX")
PID=""
cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

# a store: the samples plus generated articles (about SERVE_ARTICLES of them)
N=${SERVE_ARTICLES:-2000}
MB=$(awk -v n="$N" 'BEGIN { printf "%.2f", n * 1.6 / 1024 }')
python3 bench/gen.py "$TMP/gen.txt" "$TMP/gen.jsonl" "$MB" 7
"$R" ingest --db "$TMP/b.db" samples/articles.jsonl "$TMP/gen.jsonl" > /dev/null 2> "$TMP/ingest.err" || {
  cat "$TMP/ingest.err" >&2; exit 1; }
EVENTS=$("$R" stats --db "$TMP/b.db" --format jsonl 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin).get("events","?"))' 2>/dev/null || echo "?")

# the static baseline: a file as large as one /api/events answer, in a web root of its own
mkdir -p "$TMP/web"
start() { # OUTFILE ARGS... -> sets PID, URL
  out=$1; shift
  "$R" serve --db "$TMP/b.db" --port 0 --web "$TMP/web" "$@" > "$out" 2>> "$TMP/serve.err" &
  PID=$!
  i=0
  while ! grep -q 'http://' "$out" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 100 ] || { cat "$TMP/serve.err" >&2; exit 1; }
    sleep 0.1
  done
  URL=$(grep -o 'http://[0-9.:]*/' "$out" | head -n 1)
}
stop() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; }

run_wrk() { # URL -> "reqs/s p99_ms errors"
  wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" --timeout 10s --latency "$1" > "$TMP/wrk.out" 2>&1 || true
  awk '
    /Requests\/sec:/ { rps = $2 }
    /^ +99%/ { v = $2; ms = v + 0
               if (v ~ /us$/) ms = ms / 1000; else if (v ~ /ms$/) ms = ms; else if (v ~ /s$/) ms = ms * 1000
               p99 = ms }
    /Socket errors:/ { gsub(/,/, ""); err += $4 + $6 + $8 + $10 }
    /Non-2xx or 3xx responses:/ { err += $5 }
    END { printf "%.0f %.2f %d\n", rps, p99, err }' "$TMP/wrk.out"
}

start "$TMP/serve1.out"
API="${URL}api/events?limit=100"
curl -s "$API" > "$TMP/web/events.json"
BYTES=$(wc -c < "$TMP/web/events.json")
[ "$(curl -s -o /dev/null -w '%{http_code}' "$API")" = 200 ] || { echo "bench serve: $API failed" >&2; exit 1; }
echo "bench serve: store of $EVENTS events; /api/events?limit=100 answers $BYTES bytes; $CONNS connections, ${SECS} s each, wrk -t$THREADS, $(nproc) CPUs"
set -- $(run_wrk "$API")
API_RPS=$1 API_P99=$2 API_ERR=$3
set -- $(run_wrk "${URL}events.json")
ST_RPS=$1 ST_P99=$2 ST_ERR=$3
stop
# every answer computed afresh from SQLite (--no-cache): the store's own cost
start "$TMP/serve2.out" --no-cache
set -- $(run_wrk "${URL}api/events?limit=100")
NC_RPS=$1 NC_P99=$2 NC_ERR=$3
stop

printf '%-40s %10s %10s %8s\n' "" "req/s" "p99 ms" "errors"
printf '%-40s %10s %10s %8s\n' "GET /api/events?limit=100" "$API_RPS" "$API_P99" "$API_ERR"
printf '%-40s %10s %10s %8s\n' "GET /api/events?limit=100 --no-cache" "$NC_RPS" "$NC_P99" "$NC_ERR"
printf '%-40s %10s %10s %8s\n' "baseline: static file of the same size" "$ST_RPS" "$ST_P99" "$ST_ERR"
awk -v a="$API_RPS" -v n="$NC_RPS" -v s="$ST_RPS" 'BEGIN { if (s > 0) printf "ratio to the static baseline: /api/events %.2f, --no-cache %.3f\n", a / s, n / s }'
echo "(--no-cache is informative: the store's JSON writer on every request; the served path is the first line)"
[ "$API_ERR" = 0 ] && [ "$ST_ERR" = 0 ] || { echo "bench serve: errors under load" >&2; exit 1; }
