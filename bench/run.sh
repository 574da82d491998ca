#!/bin/sh
# bench/run.sh BUILD — throughput of rasid on >= 50 MB of generated Arabic news text
# (bench/gen.py varies the bundled samples; no ../shared needed), beside `wc -w` and
# `LC_ALL=C wc -w` over the same bytes in the same run, on one core.
#   BENCH_MB=N    size of the generated text (default 55)
#   BENCH_REPS=N  in-process runs per stage, each paired with a run of LC_ALL=C wc -w (default 5)
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export RASID_DATA="${RASID_DATA:-$ROOT/data}"
MB=${BENCH_MB:-55}
R="$BUILD/rasid"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rasid-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
TXT=$TMP/articles.txt
JSONL=$TMP/articles.jsonl

echo "bench: generating ${MB} MB of Arabic text"
python3 bench/gen.py "$TXT" "$JSONL" "$MB" 42

# the in-process helper (no Makefile needed): one core, no output cost
PKG_CFLAGS=$(pkg-config --cflags libutf8proc jansson libxml-2.0 2>/dev/null || true)
PKG_LIBS=$(pkg-config --libs libutf8proc jansson sqlite3 libxml-2.0 libcurl zlib 2>/dev/null || true)
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Iinclude $PKG_CFLAGS -o "$TMP/bench_text" bench/bench_text.c \
  "$BUILD/librasid.a" $PKG_LIBS -lstemmer -lpthread -lm

PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{ printf "%.3f", $2 - $1 }'; }
# run CMD... with stdin from $IN, stdout to /dev/null; sets $T (seconds) and $RSS (MB)
measure() {
  t0=$(now)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$TMP/rss" $PIN "$@" < "$IN" > /dev/null 2>"$TMP/err" || true
    RSS=$(awk '{ printf "%.0f", $1 / 1024 }' "$TMP/rss" | tail -n 1)
  else
    $PIN "$@" < "$IN" > /dev/null 2>"$TMP/err" || true
    RSS="?"
  fi
  t1=$(now)
  T=$(secs "$t0" "$t1")
}
rate() { awk -v b="$1" -v t="$2" 'BEGIN { if (t <= 0) t = 0.001; printf "%.1f", b / 1e6 / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2f", a / b }'; }

for which in text jsonl; do
  if [ $which = text ]; then IN=$TXT; else IN=$JSONL; fi
  BYTES=$(wc -c < "$IN")
  echo
  echo "== input: $which, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
  measure wc -w; WC=$(rate "$BYTES" "$T")
  measure env LC_ALL=C wc -w; WCC=$(rate "$BYTES" "$T")
  printf '  %-34s %8s MB/s\n' "wc -w" "$WC" "LC_ALL=C wc -w" "$WCC"
  if [ $which = text ]; then
    cmds="normalize|tokens --format jsonl"
  else
    cmds="normalize|tokens --format jsonl|entities --format jsonl|extract"
  fi
  echo "$cmds" | tr '|' '\n' | while read -r c; do
    # shellcheck disable=SC2086
    measure "$R" $c
    MBS=$(rate "$BYTES" "$T")
    printf '  %-34s %8s MB/s = %sx LC_ALL=C wc -w, %sx wc -w  (%s s, peak RSS %s MB)\n' \
      "rasid $c" "$MBS" "$(ratio "$MBS" "$WCC")" "$(ratio "$MBS" "$WC")" "$T" "$RSS"
    if [ -s "$TMP/err" ]; then head -n 3 "$TMP/err" | sed 's/^/    stderr: /'; fi
  done
  if [ $which = jsonl ]; then
    # all the processors: one worker thread each (--jobs 0), not pinned
    NCPU=$(nproc 2>/dev/null || echo 1)
    SAVED_PIN=$PIN
    PIN=""
    measure "$R" extract --jobs 0
    PIN=$SAVED_PIN
    MBS=$(rate "$BYTES" "$T")
    printf '  %-34s %8s MB/s = %sx LC_ALL=C wc -w  (%s s, peak RSS %s MB)\n' \
      "rasid extract --jobs 0 ($NCPU CPUs)" "$MBS" "$(ratio "$MBS" "$WCC")" "$T" "$RSS"
  fi
done

echo
echo "== in-process, one core, no output (bench/bench_text.c over the JSON Lines articles;"
echo "   beside LC_ALL=C wc -w over the same articles as plain text, measured just before)"
IN=$TXT
BYTES=$(wc -c < "$IN")
REPS=${BENCH_REPS:-5}
# the fastest of REPS runs on each side (a shared machine disturbs some runs)
WCC=0
r=0
while [ $r -lt "$REPS" ]; do
  measure env LC_ALL=C wc -w; W=$(rate "$BYTES" "$T")
  WCC=$(awk -v a="$WCC" -v b="$W" 'BEGIN { print (b > a ? b : a) }')
  r=$((r + 1))
done
printf '  %-34s %8s MB/s (fastest of %s runs)\n' "LC_ALL=C wc -w" "$WCC" "$REPS"
echo "  (each stage: the fastest of $REPS runs over all the articles, and the median ratio to"
echo "   LC_ALL=C wc -w run over the same articles just before each of them)"
IN=/dev/null
$PIN "$TMP/bench_text" "$JSONL" "$RASID_DATA" "$REPS" "$TXT" | sed 's/^/  /'

# the archive: ingest throughput and search latency (bench/store.sh; STORE_ARTICLES=N)
echo
sh bench/store.sh "$BUILD"

# the dictionary at scale: a 100,000-entry dictionary, load time and recognition beside grep (bench/lex.sh)
echo
sh bench/lex.sh "$BUILD"
