#!/bin/sh
# scripts/pgo.sh BUILD — a profile-guided -O3 build of rasid in BUILD (make release).
# 1. build with -fprofile-generate; 2. run it on a training set: the spec examples' inputs
# (every coding rule) and 2 MB that bench/gen.py makes from the samples with another seed
# than make bench's; 3. build again with -fprofile-use (the profiles sit beside the
# objects). Only the speed differs: the script checks that both builds write the same
# bytes on the training set.
set -eu
B=${1:-build-release}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
MAKE="${MAKE:-make} -j$(nproc 2>/dev/null || echo 2)"
export RASID_DATA="${RASID_DATA:-$ROOT/data}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rasid-pgo.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
rm -rf "$B"
echo "pgo: building the instrumented binary in $B"
$MAKE -s --no-print-directory BUILD="$B" OPT="-O3 -fprofile-generate -fprofile-update=single" \
  LDFLAGS="-fprofile-generate" "$B/rasid"
echo "pgo: training on the spec inputs and 2 MB of generated articles"
python3 scripts/spec_inputs.py "$TMP/spec.jsonl"
python3 bench/gen.py "$TMP/gen.txt" "$TMP/gen.jsonl" 2 7 > /dev/null
for f in spec gen; do
  "$B/rasid" extract "$TMP/$f.jsonl" > "$TMP/$f.out"
  "$B/rasid" entities --format jsonl "$TMP/$f.jsonl" > /dev/null
done
"$B/rasid" tokens --format jsonl < "$TMP/gen.txt" > /dev/null
find "$B" -name '*.o' -delete
rm -f "$B/librasid.a" "$B/rasid"
echo "pgo: building with the profile"
$MAKE -s --no-print-directory BUILD="$B" \
  OPT="-O3 -fprofile-use -fprofile-partial-training -Wno-missing-profile" "$B/rasid"
for f in spec gen; do
  "$B/rasid" extract "$TMP/$f.jsonl" | cmp -s - "$TMP/$f.out" || {
    echo "pgo: $B/rasid does not write what the instrumented build wrote on $f.jsonl" >&2
    exit 1
  }
done
echo "pgo: $B/rasid built"
