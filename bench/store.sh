#!/bin/sh
# bench/store.sh BUILD — the archive's figures, on one core, with baselines measured in
# the same run:
#   ingest   `rasid ingest` of STORE_ARTICLES (default 100,000) generated articles (JSON
#            Lines from templates written for this benchmark) into a fresh store: coding,
#            storing, de-duplication and search indexing — articles/s and MB/s; beside
#            `rasid extract` of the same input (coding only) and the sqlite3 shell
#            importing the same texts into a plain FTS5 table (unicode61 tokenizer).
#   search   p50/p99 latency of `rasid search` queries (rasid_ar tokenizer, bm25, snippet,
#            top 20) on that store, beside the same queries on the baseline FTS5 table
#            (bench/bench_store.c, in-process).
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
export RASID_DATA="${RASID_DATA:-$ROOT/data}"
N=${STORE_ARTICLES:-100000}
R="$BUILD/rasid"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rasid-store-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
PIN=""
if command -v taskset >/dev/null 2>&1; then PIN="taskset -c 0"; fi
now() { date +%s.%N; }
secs() { echo "$1 $2" | awk '{ printf "%.2f", $2 - $1 }'; }

echo "bench store: generating $N articles"
awk -v n="$N" -v jsonl="$TMP/in.jsonl" -v csv="$TMP/in.csv" 'BEGIN {
  srand(42);
  nc = split("حلب|إدلب|درعا|دمشق|حمص|الموصل|بغداد|البصرة|كركوك|بنغازي|طرابلس|سرت|الحديدة|تعز|عدن|غاو|تمبكتو|موبتي|مقديشو|الخرطوم", city, "|");
  na = split("مسلحون من تنظيم داعش|عناصر من حركة الشباب|قوات الجيش|مسلحون مجهولون|قوات الشرطة|مقاتلون من جماعة الحوثي", actor, "|");
  nw = split("هجوما على قرية|هجوما على حاجز أمني|قصفا على حي سكني|كمينا لدورية|هجوما بسيارة مفخخة على سوق", what, "|");
  nm = split("يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر", month, "|");
  nf = split("وأضاف|المصدر|أن|الوضع|الأمني|في|المنطقة|لا|يزال|متوترا|منذ|أسابيع|وسط|مخاوف|من|تصعيد|جديد|وأكدت|السلطات|المحلية|أنها|فتحت|تحقيقا|في|الحادث|وطالبت|منظمات|حقوقية|بحماية|المدنيين|والجزائر|بالعاصمة|للحكومة|والأمم|المتحدة|بمجلس|الأمن|الدولي|وللمرة|الثانية", fill, "|");
  for (i = 1; i <= n; i++) {
    c = city[int(rand() * nc) + 1]; a = actor[int(rand() * na) + 1]; w = what[int(rand() * nw) + 1];
    m = int(rand() * 12) + 1; d = int(rand() * 28) + 1; y = 2012 + int(rand() * 12); k = int(rand() * 60) + 1;
    t = sprintf("%s %d %s %d - شن %s %s قرب %s، ما أسفر عن مقتل %d أشخاص وإصابة آخرين، بحسب مصادر محلية.", c, d, month[m], y, a, w, c, k);
    f = "";
    for (j = 0; j < 25; j++) f = f " " fill[int(rand() * nf) + 1];
    t = t f ". التقرير " i ".";
    printf "{\"id\":\"b%06d\",\"url\":\"https://bench.example/%d\",\"title\":\"خبر %d\",\"published\":\"%04d-%02d-%02d\",\"text\":\"%s\"}\n", i, i, i, y, m, d, t > jsonl;
    printf "\"خبر %d\",\"%s\"\n", i, t > csv;
  }
}'
BYTES=$(wc -c < "$TMP/in.jsonl")
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
echo "bench store: $N articles, $MB MB of JSON Lines"
rate() { awk -v n="$1" -v t="$2" 'BEGIN { if (t <= 0) t = 0.001; printf "%.0f", n / t }'; }
mbs() { awk -v b="$1" -v t="$2" 'BEGIN { if (t <= 0) t = 0.001; printf "%.2f", b / 1e6 / t }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2f", a / b }'; }

# run CMD...: sets T to its CPU seconds (user + sys) when /usr/bin/time is there — the
# fair figure on a shared machine — and W to its wall-clock seconds
timed() {
  t0=$(now)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%U %S" -o "$TMP/cpu" $PIN "$@" > /dev/null
    t1=$(now); W=$(secs "$t0" "$t1")
    T=$(awk '{ printf "%.2f", $1 + $2 }' "$TMP/cpu" | tail -n 1)
  else
    $PIN "$@" > /dev/null
    t1=$(now); W=$(secs "$t0" "$t1"); T=$W
  fi
}
echo
if [ -x /usr/bin/time ]; then echo "== ingest (one core; rates on CPU time user+sys, wall time in brackets)"
else echo "== ingest (one core; wall time)"; fi
timed "$R" extract "$TMP/in.jsonl"; TX=$T; WX=$W
timed "$R" ingest --quiet --db "$TMP/store.db" "$TMP/in.jsonl"; TI=$T; WI=$W
timed "$R" ingest --quiet --db "$TMP/store.db" "$TMP/in.jsonl"; TR=$T; WR=$W
TB=""
if command -v sqlite3 >/dev/null 2>&1; then
  timed sqlite3 "$TMP/base.db" "PRAGMA journal_mode=WAL" "PRAGMA synchronous=NORMAL" \
    "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')" \
    ".import --csv $TMP/in.csv t"
  TB=$T; WB=$W
fi
IR=$(rate "$N" "$TI")
printf '  %-52s %8s articles/s %7s MB/s  (%s s [%s s])\n' "rasid ingest (code + store + dedup + FTS index)" "$IR" "$(mbs "$BYTES" "$TI")" "$TI" "$WI"
printf '  %-52s %8s articles/s %7s MB/s  (%s s [%s s])\n' "rasid extract (coding only, same input)" "$(rate "$N" "$TX")" "$(mbs "$BYTES" "$TX")" "$TX" "$WX"
printf '  %-52s %8s articles/s %7s MB/s  (%s s [%s s])\n' "rasid ingest again (all already stored)" "$(rate "$N" "$TR")" "$(mbs "$BYTES" "$TR")" "$TR" "$WR"
if [ -n "$TB" ]; then
  BR=$(rate "$N" "$TB")
  printf '  %-52s %8s articles/s %7s MB/s  (%s s [%s s])\n' "baseline: sqlite3 .import into FTS5 unicode61" "$BR" "$(mbs "$BYTES" "$TB")" "$TB" "$WB"
  printf '  ratio ingest/baseline: %sx   ingest/extract: %sx\n' "$(ratio "$IR" "$BR")" "$(ratio "$IR" "$(rate "$N" "$TX")")"
fi
"$R" stats --db "$TMP/store.db" --format table | sed 's/^/  /'
ls -l "$TMP/store.db" "$TMP/base.db" 2>/dev/null | awk '{ printf "  %s %.1f MB\n", $NF, $5 / 1e6 }'

echo
echo "== search latency (one core, in-process, top 20 with snippets)"
if [ ! -f "$TMP/base.db" ]; then echo "  (no sqlite3 shell: no baseline table)"; exit 0; fi
printf '%s\n' "حلب" "الموصل" "بغداد" "داعش" "حركة الشباب" "الجيش" "هجوم" "سيارة مفخخة" "مقتل" "المدنيين" \
  "الحكومة" "الأمم المتحدة" "مجلس الأمن" "تحقيقا" "الجزائر" "قرية" "حاجز أمني" "دورية" "السلطات المحلية" "تصعيد" \
  "مقديشو" "الخرطوم" "الحديدة" "كمينا" "حي سكني" "إصابة" "مصادر محلية" "منظمات حقوقية" "الوضع الأمني" "المنطقة" \
  > "$TMP/queries.txt"
PKG_CFLAGS=$(pkg-config --cflags libutf8proc jansson libxml-2.0 sqlite3 2>/dev/null || true)
PKG_LIBS=$(pkg-config --libs libutf8proc jansson sqlite3 libxml-2.0 libcurl zlib 2>/dev/null || true)
# shellcheck disable=SC2086
${CC:-cc} -std=c11 -D_GNU_SOURCE -O2 -Iinclude $PKG_CFLAGS -o "$TMP/bench_store" bench/bench_store.c \
  "$BUILD/librasid.a" $PKG_LIBS -lstemmer -lpthread -lm
$PIN "$TMP/bench_store" "$TMP/store.db" "$TMP/base.db" "$TMP/queries.txt" 5 | sed 's/^/  /'
