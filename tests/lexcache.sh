#!/bin/sh
# tests/lexcache.sh BUILD_DIR — the compiled dictionaries' cache (docs/dictionaries.md).
#
# With a cache directory and a copy of data/ of its own, checks that: the first load
# writes the cache file and a second maps it without rewriting it; outputs are the same
# with the cache off, cold and warm; an edited *.local.tsv is never served stale; a
# truncated, emptied or garbage cache file is ignored and rewritten; an unwritable cache
# directory and RASID_CACHE=off only mean no caching; `rasid dict compile` writes the
# file (or -o FILE); writing a cache file prunes those of data directories that are gone.
# Prints "N passed, N failed" like the unit tests.
set -u
BUILD=${1:-build}
NAME=lexcache
. "$(dirname "$0")/lib/count.sh"
check() { # check NAME COMMAND...: the command must succeed
  name=$1; shift
  if "$@"; then ok; else ko "$name"; fi
}

cp -r "$ROOT/data" "$tmp/data"
export RASID_CACHE_DIR="$tmp/cache"
unset RASID_CACHE RASID_DATA
IN="$ROOT/samples/articles.jsonl"
run() { # run OUT: entities and extract of the sample with the copied data
  "$RASID" entities --format jsonl --data "$tmp/data" "$IN" > "$1" 2> "$1.err" &&
    "$RASID" extract --format jsonl --data "$tmp/data" "$IN" >> "$1" 2>> "$1.err"
}
cachefile() { ls "$RASID_CACHE_DIR"/lexicon-*.bin 2>/dev/null | head -n 1; }
ident() { ls -i "$1" 2>/dev/null | cut -d' ' -f1; } # a rewrite (rename) gives a new inode

# ---- the reference: no cache at all
RASID_CACHE=off run "$tmp/off.out"; check "cache off runs" test $? -eq 0
check "cache off writes no file" test ! -e "$RASID_CACHE_DIR"
check "no stderr without cache" test ! -s "$tmp/off.out.err"

# ---- cold then warm
run "$tmp/cold.out"; check "cold run" test $? -eq 0
F=$(cachefile)
check "the first load writes the cache file" test -n "$F" -a -s "$F"
check "cold = no cache" cmp -s "$tmp/off.out" "$tmp/cold.out"
I1=$(ident "$F")
run "$tmp/warm.out"; check "warm run" test $? -eq 0
check "warm = no cache" cmp -s "$tmp/off.out" "$tmp/warm.out"
check "a warm load does not rewrite the file" test "$(ident "$F")" = "$I1"
check "no stderr when warm" test ! -s "$tmp/warm.out.err"

# ---- an edited *.local.tsv is never served stale
printf 'id\tname\tkind\tsector\tcountry\tfrom\tto\trole\tar\nrasid:test\tZarqawi Brigade Test\tgroup\tREB\tIMG\t\t\t\tكتيبة الاختبار الفريدة\n' \
  > "$tmp/data/actors.local.tsv"
printf 'كتيبة الاختبار الفريدة هاجمت القرية.\n' > "$tmp/new.txt"
"$RASID" entities --data "$tmp/data" "$tmp/new.txt" > "$tmp/new1.out" 2>&1
check "an added local file is read" grep -q "Zarqawi Brigade Test" "$tmp/new1.out"
check "an added local file rewrites the cache" test "$(ident "$F")" != "$I1"
sed -i 's/Zarqawi Brigade Test/Edited Brigade Name/' "$tmp/data/actors.local.tsv"
"$RASID" entities --data "$tmp/data" "$tmp/new.txt" > "$tmp/new2.out" 2>&1
check "an edited local file is not served stale" grep -q "Edited Brigade Name" "$tmp/new2.out"
"$RASID" entities --data "$tmp/data" "$tmp/new.txt" > "$tmp/new3.out" 2>&1
check "warm after the edit" cmp -s "$tmp/new2.out" "$tmp/new3.out"
RASID_CACHE=off "$RASID" entities --data "$tmp/data" "$tmp/new.txt" > "$tmp/new4.out" 2>&1
check "warm after the edit = no cache" cmp -s "$tmp/new2.out" "$tmp/new4.out"
rm "$tmp/data/actors.local.tsv"
run "$tmp/back.out"
check "a removed local file is noticed" cmp -s "$tmp/off.out" "$tmp/back.out"

# ---- a trigger of a PLOVER type the rules do not name (a data change, no code): coded
# with its own type and codes, like any other (no cache: the files above stay as they are)
printf 'id\ttype\tmode\tcontext\tacled_event\tacled_sub\tcameo\tpos\tweight\tar\ninvestigate_v\tINVESTIGATE\t\t\t-\t-\t090\tV\t0.8\tحققت|حقق\n' \
  > "$tmp/data/triggers.local.tsv"
printf 'حققت الشرطة المالية مع قائد الكتيبة في باماكو.\n' > "$tmp/inv.txt"
RASID_CACHE=off "$RASID" extract --data "$tmp/data" --published 2024-06-20 "$tmp/inv.txt" > "$tmp/inv.out" 2>&1
check "a new type is coded" grep -q '"type":"INVESTIGATE".*"cameo":"090".*"name":"Police Forces of Mali"' "$tmp/inv.out"
check "a new type has its place and summary" grep -q '"summary":"Bamako (Mali): Police Forces of Mali acted."' "$tmp/inv.out"
rm "$tmp/data/triggers.local.tsv"

# ---- damaged cache files are ignored and rewritten
F=$(cachefile)
SIZE=$(wc -c < "$F")
for how in truncate-half truncate-header empty garbage zeros flip; do
  case $how in
    truncate-half) head -c $((SIZE / 2)) "$F" > "$tmp/x" ;;
    truncate-header) head -c 100 "$F" > "$tmp/x" ;;
    empty) : > "$tmp/x" ;;
    garbage) head -c "$SIZE" /dev/urandom > "$tmp/x" ;;
    zeros) head -c "$SIZE" /dev/zero > "$tmp/x" ;;
    flip) # one byte changed in the middle of the file
      cp "$F" "$tmp/x"
      printf '\377' | dd of="$tmp/x" bs=1 seek=$((SIZE / 2)) conv=notrunc 2>/dev/null ;;
  esac
  cp "$tmp/x" "$F"
  run "$tmp/dmg.out"; rc=$?
  check "$how: runs" test $rc -eq 0
  check "$how: same output" cmp -s "$tmp/off.out" "$tmp/dmg.out"
  check "$how: the file is rewritten" test "$(wc -c < "$F")" -eq "$SIZE"
  check "$how: nothing on stderr" test ! -s "$tmp/dmg.out.err"
done

# ---- an unwritable cache directory: no cache, no complaint
RASID_CACHE_DIR=/dev/null/rasid run "$tmp/unw.out"; check "unwritable dir: runs" test $? -eq 0
check "unwritable dir: same output" cmp -s "$tmp/off.out" "$tmp/unw.out"
check "unwritable dir: nothing on stderr" test ! -s "$tmp/unw.out.err"
mkdir -p "$tmp/ro" && chmod 500 "$tmp/ro"
RASID_CACHE_DIR="$tmp/ro/sub" run "$tmp/ro.out"; check "read-only dir: runs" test $? -eq 0
check "read-only dir: same output" cmp -s "$tmp/off.out" "$tmp/ro.out"

# ---- rasid dict compile
rm -rf "$RASID_CACHE_DIR"
"$RASID" dict compile --data "$tmp/data" 2> "$tmp/dc.err"; check "dict compile" test $? -eq 0
F=$(cachefile)
check "dict compile writes the cache file" test -n "$F" -a -s "$F"
I1=$(ident "$F")
run "$tmp/dc.out"
check "dict compile: the next load maps it" test "$(ident "$F")" = "$I1"
check "dict compile: same output" cmp -s "$tmp/off.out" "$tmp/dc.out"
"$RASID" dict compile --data "$tmp/data" -o "$tmp/out.bin" 2>/dev/null
check "dict compile -o FILE" test -s "$tmp/out.bin"
RASID_CACHE=off "$RASID" dict compile --data "$tmp/data" 2>/dev/null
check "dict compile with the cache off and no -o is a usage error" test $? -eq 2
"$RASID" dict compile --data "$tmp/nonexistent" 2>/dev/null
check "dict compile of a missing directory" test $? -eq 3

# ---- pruning: writing a cache file drops those of data directories that are gone
P="$tmp/prune"
mkdir -p "$P"
cp -r "$tmp/data" "$tmp/gone"
cp -r "$tmp/data" "$tmp/kept"
RASID_CACHE_DIR="$P" "$RASID" dict compile --data "$tmp/gone" 2>/dev/null
GONE=$(ls "$P"/lexicon-*.bin)
RASID_CACHE_DIR="$P" "$RASID" dict compile --data "$tmp/kept" 2>/dev/null
check "prune: two directories, two files" test "$(ls "$P"/lexicon-*.bin | wc -l)" -eq 2
KEPT=$(ls "$P"/lexicon-*.bin | grep -v "$GONE")
touch -d '40 days ago' "$KEPT"
printf 'RASIDLEX' > "$P/lexicon-0000000000000001.bin" # no version: judged by age
touch -d '40 days ago' "$P/lexicon-0000000000000001.bin"
printf 'RASIDLEX' > "$P/lexicon-0000000000000002.bin"
printf 'partial' > "$P/lexicon-0000000000000003.bin.AbC123" # a writer that died
touch -d '2 days ago' "$P/lexicon-0000000000000003.bin.AbC123"
printf 'partial' > "$P/lexicon-0000000000000004.bin.DeF456" # one writing now
printf 'other' > "$P/notes.txt"
rm -rf "$tmp/gone"
RASID_CACHE_DIR="$P" run "$tmp/prune.out" # writes the cache file of $tmp/data
check "prune: same output" cmp -s "$tmp/off.out" "$tmp/prune.out"
check "prune: the file of a removed directory is removed" test ! -e "$GONE"
check "prune: an old file of an existing directory is kept" test -e "$KEPT"
check "prune: an old file of unknown directory is removed" test ! -e "$P/lexicon-0000000000000001.bin"
check "prune: a recent file of unknown directory is kept" test -e "$P/lexicon-0000000000000002.bin"
check "prune: a dead writer's temporary is removed" test ! -e "$P/lexicon-0000000000000003.bin.AbC123"
check "prune: a recent temporary is kept" test -e "$P/lexicon-0000000000000004.bin.DeF456"
check "prune: other files are kept" test -e "$P/notes.txt"
check "prune: the new file is there" test "$(ls "$P"/lexicon-*.bin | wc -l)" -eq 3
"$RASID" dict compile --data "$tmp/data" -o "$P/lexicon-0000000000000005.bin" 2>/dev/null
check "prune: -o FILE prunes nothing" test -e "$P/lexicon-0000000000000002.bin"

count_done
[ "$failed" -eq 0 ]
