#!/bin/sh
# tests/store_kill.sh BUILD_DIR — the store's crash test.
#
# Generates 2,000 small articles (JSON Lines from templates written for this test),
# starts `rasid ingest` in the background, kills it with SIGKILL after a short random
# delay, and checks that the database opens and passes PRAGMA integrity_check (with the
# sqlite3 shell when present) and rasid's own check (which adds FTS5's index check) and
# that no stored article is half-stored. It does this for several rounds, then re-runs
# the ingest to completion and checks that the archive holds exactly the 2,000 articles,
# and that one more run adds nothing. Prints "N passed, N failed" like the unit tests.
set -u
BUILD=${1:-build}
NAME=store_kill
. "$(dirname "$0")/lib/count.sh"
export RASID_DATA="${RASID_DATA:-$ROOT/data}"
N=${STORE_KILL_N:-2000}
ROUNDS=${STORE_KILL_ROUNDS:-4}

# ---- articles: unique texts from a few templates
awk -v n="$N" 'BEGIN {
  split("حلب|إدلب|درعا|الموصل|بنغازي|سرت|الحديدة|تعز|غاو|تمبكتو", city, "|");
  split("هجوم مسلح|انفجار سيارة مفخخة|قصف مدفعي|اشتباكات عنيفة|غارة جوية", what, "|");
  split("يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر", month, "|");
  for (i = 1; i <= n; i++) {
    c = city[(i % 10) + 1]; w = what[(i % 5) + 1]; m = (i % 12) + 1; d = (i % 28) + 1;
    y = 2010 + (i % 12); k = (i * 7) % 40 + 2;
    printf "{\"id\":\"k%05d\",\"url\":\"https://kill.example/%d\",\"published\":\"%04d-%02d-%02d\",", i, i, y, m, d;
    printf "\"text\":\"%s %d %s %d - قتل %d أشخاص وأصيب آخرون في %s قرب %s، بحسب ما أفاد مصدر محلي في التقرير رقم %d. ", c, d, month[m], y, k, w, c, i;
    printf "وقال شهود إن الحادث وقع صباحا وإن فرق الإسعاف نقلت الجرحى إلى المستشفى.\"}\n";
  }
}' > "$tmp/in.jsonl"
lines=$(wc -l < "$tmp/in.jsonl")
[ "$lines" -eq "$N" ] && ok || ko "generated $lines articles, wanted $N"

db="$tmp/k.db"
have_sqlite3=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite3=1

check_db() { # $1 = round label
  if [ ! -f "$db" ]; then ok; return; fi # killed before the file existed: nothing to check
  if [ $have_sqlite3 = 1 ]; then
    r=$(sqlite3 "$db" 'PRAGMA integrity_check' 2>&1)
    [ "$r" = ok ] && ok || ko "$1: sqlite3 integrity_check: $r"
    # every stored article is whole: each document has its search-index row
    # (checked by rasid below) and its report rows refer to existing documents
    # (a kill before the first migration committed leaves a file without tables: the
    # schema is created in one transaction, so that is an empty store, not a broken one)
    if [ "$(sqlite3 "$db" "SELECT count(*) FROM sqlite_master WHERE name = 'event_reports'" 2>&1)" = 1 ]; then
      r=$(sqlite3 "$db" 'SELECT count(*) FROM event_reports WHERE doc NOT IN (SELECT id FROM documents)' 2>&1)
      [ "$r" = 0 ] && ok || ko "$1: orphan reports: $r"
    else
      r=$(sqlite3 "$db" 'SELECT count(*) FROM sqlite_master' 2>&1)
      [ "$r" = 0 ] && ok || ko "$1: a schema without event_reports: $r objects"
    fi
  fi
  if "$RASID" stats --db "$db" --check --format jsonl > "$tmp/stats" 2> "$tmp/err"; then ok
  else ko "$1: rasid stats --check: $(cat "$tmp/err")"; fi
}

seed=$$
round=1
prev=0
while [ $round -le "$ROUNDS" ]; do
  # a delay between 0.15 and 1.05 s: the lexicon loads in about 0.3 s and the whole
  # ingest takes one to a few seconds, so most kills land mid-way (some before the
  # file exists, which must be fine too)
  delay=$(awk -v s="$seed" -v r="$round" 'BEGIN { srand(s + r * 7919); printf "%.2f", 0.15 + rand() * 0.9 }')
  "$RASID" ingest --db "$db" --batch 10 "$tmp/in.jsonl" > /dev/null 2> "$tmp/ingest.err" &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  check_db "round $round (killed after ${delay}s)"
  if [ -f "$db" ]; then
    now=$("$RASID" stats --db "$db" --format jsonl 2>/dev/null | sed -n 's/.*"documents":\([0-9]*\).*/\1/p')
    now=${now:-0}
    # committed articles are never lost: the count only grows
    [ "$now" -ge "$prev" ] && ok || ko "round $round: $now documents after $prev"
    prev=$now
  fi
  round=$((round + 1))
done
echo "store_kill: $prev of $N articles stored after $ROUNDS killed runs"

# ---- complete, then once more
if "$RASID" ingest --db "$db" "$tmp/in.jsonl" > /dev/null 2> "$tmp/ingest.err"; then ok
else ko "final ingest failed: $(cat "$tmp/ingest.err")"; fi
count() { "$RASID" stats --db "$db" --format jsonl | sed -n 's/.*"documents":\([0-9]*\).*/\1/p'; }
c=$(count)
[ "$c" = "$N" ] && ok || ko "after completing: $c documents, wanted $N"
"$RASID" ingest --db "$db" "$tmp/in.jsonl" > /dev/null 2>&1
c2=$(count)
[ "$c2" = "$N" ] && ok || ko "re-ingest changed the count: $c2"
check_db "final"
count_done
[ "$failed" -eq 0 ]
