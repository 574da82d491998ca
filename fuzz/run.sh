#!/bin/sh
# fuzz/run.sh SECONDS — build every fuzz/fuzz_*.c as a libFuzzer target (clang, ASan, UBSan)
# against all library sources into build-fuzz/, and run each for SECONDS with its seed
# corpus fuzz/corpus/NAME/ (copied to a scratch directory so the repository stays clean).
# A target may also write seeds of its own into $RASID_FUZZ_SEED_DIR (the scratch corpus)
# when it starts: fuzz_lexcache compiles its seed cache file with the build under test.
# Exits non-zero when a target fails to build or finds a crash (the crashing input is kept
# in build-fuzz/NAME-crashes/).
set -eu
SECONDS_EACH=${1:-60}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
CC=${FUZZ_CC:-clang}
if ! command -v "$CC" >/dev/null 2>&1; then
  echo "fuzz: $CC not found (make deps installs clang)" >&2
  exit 1
fi
OUT=build-fuzz
mkdir -p "$OUT"
PKG_CFLAGS=$(pkg-config --cflags libutf8proc jansson libxml-2.0 libcurl zlib 2>/dev/null || true)
PKG_LIBS=$(pkg-config --libs libutf8proc jansson sqlite3 libxml-2.0 libcurl zlib 2>/dev/null || true)
LIB_SRC=$(ls src/util/*.c src/text/*.c src/lex/*.c src/time/*.c src/num/*.c src/event/*.c src/io/*.c src/ingest/*.c src/store/*.c 2>/dev/null || true)
status=0
for f in fuzz/fuzz_*.c; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .c)
  short=${name#fuzz_}
  echo "fuzz: building $name"
  # shellcheck disable=SC2086
  if ! $CC -std=c11 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined \
      -fno-sanitize-recover=undefined -Iinclude -Isrc $PKG_CFLAGS \
      -o "$OUT/$name" "$f" $LIB_SRC $PKG_LIBS -lstemmer -lpthread -lm; then
    echo "fuzz: $name failed to build" >&2
    status=1
    continue
  fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/rasid-fuzz.XXXXXX")
  if [ -d "fuzz/corpus/$short" ]; then cp -R "fuzz/corpus/$short/." "$work/"; fi
  if [ -d "fuzz/corpus/$name" ]; then cp -R "fuzz/corpus/$name/." "$work/"; fi
  mkdir -p "$OUT/$name-crashes"
  echo "fuzz: running $name for $SECONDS_EACH s"
  if ! RASID_FUZZ_SEED_DIR="$work" "$OUT/$name" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$OUT/$name-crashes/" "$work" 2>"$OUT/$name.log"; then
    echo "fuzz: $name FAILED; see $OUT/$name.log and $OUT/$name-crashes/" >&2
    tail -n 40 "$OUT/$name.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$OUT/$name.log" | tail -n 2 || true
  fi
  rm -rf "$work"
done
exit $status
