#!/bin/sh
# tests/jobs.sh BUILD_DIR — `--jobs N` changes nothing but speed: for every command and
# format, inputs that mix good articles with bad ones (invalid UTF-8, a binary file, an
# empty file, a missing file, malformed JSON Lines records, standard input), the output,
# the messages and the exit status with 2, 3 and one job per processor are those with one
# job. Also: bad --jobs values are usage errors (exit 2). Prints "N passed, N failed".
set -u
BUILD=${1:-build}
NAME=jobs
. "$(dirname "$0")/lib/count.sh"
export RASID_DATA="${RASID_DATA:-$ROOT/data}"

# ---- inputs: the samples, our own sentences, and bad ones
mkdir -p "$tmp/in"
cp "$ROOT"/samples/articles/*.txt "$tmp/in/"
printf 'هاجم مسلحون مجهولون قرية قرب غاو في شمال مالي أمس وقتلوا خمسة مدنيين.\n' > "$tmp/in/own1.txt"
printf 'bad \377\376 bytes in \330 the middle\n' > "$tmp/in/bad-utf8.txt"
printf 'a\000b\000binary\n' > "$tmp/in/binary.txt"
: > "$tmp/in/empty.txt"
{
  printf '{"id":"j1","published":"2024-03-05","text":"التقى وزير الدفاع النيجري بنظيره التشادي في نجامينا لبحث التعاون الأمني."}\n'
  printf '{"id":"j2","text": not json}\n'
  printf '{"id":"j3","published":"2024-03-06","text":"قتل 12 جنديا في كمين نصبه مسلحون قرب كيدال، حسب مصدر عسكري."}\n'
  printf '\n'
  printf '{"id":"j4","text":"\\ud800 lone surrogate"}\n'
  printf '{"id":"j5","published":"2024-03-07","text":"أعلنت السلطات في بوركينا فاسو اعتقال 7 أشخاص يشتبه في انتمائهم إلى جماعة مسلحة."}\n'
} > "$tmp/in/mixed.jsonl"
cat "$ROOT/samples/articles.jsonl" "$tmp/in/mixed.jsonl" "$ROOT/samples/articles.jsonl" > "$tmp/many.jsonl"

run() { # run OUT JOBS ARGS... : stdout, stderr and status of rasid ARGS with --jobs JOBS
  out=$1 jobs=$2
  shift 2
  "$RASID" "$@" --jobs "$jobs" > "$out.out" 2> "$out.err" < "$tmp/many.jsonl"
  echo $? > "$out.rc"
}

same() { # same LABEL ARGS...
  label=$1
  shift
  run "$tmp/one" 1 "$@"
  for j in 2 3 0; do
    run "$tmp/par" $j "$@"
    if cmp -s "$tmp/one.out" "$tmp/par.out" && cmp -s "$tmp/one.err" "$tmp/par.err" &&
       cmp -s "$tmp/one.rc" "$tmp/par.rc"; then
      ok
    else
      ko "$label: --jobs $j differs from --jobs 1 (status $(cat "$tmp/one.rc") vs $(cat "$tmp/par.rc"))"
      diff "$tmp/one.err" "$tmp/par.err" | head -n 5
    fi
  done
}

for c in "tokens" "tokens --format jsonl" "normalize" "entities" "entities --format jsonl" \
         "extract" "extract --format csv" "extract --format tsv" "extract --format plover" \
         "extract --format table"; do
  # shellcheck disable=SC2086
  same "$c (files)" $c "$tmp/in" "$tmp/in/missing.txt" "$tmp/in/mixed.jsonl"
  # shellcheck disable=SC2086
  same "$c (stdin)" $c -
done

# the mixed inputs did produce output, messages and an input-error status
run "$tmp/one" 1 extract "$tmp/in" "$tmp/in/missing.txt"
if [ -s "$tmp/one.out" ] && grep -q "bad-utf8.txt" "$tmp/one.err" && grep -q "missing.txt" "$tmp/one.err" &&
   [ "$(cat "$tmp/one.rc")" = 1 ]; then ok; else ko "mixed inputs: expected events, messages and status 1"; fi

# bad values
for v in -1 x 257 "" 2x; do
  "$RASID" extract --jobs "$v" "$tmp/in/own1.txt" > /dev/null 2> "$tmp/err"
  if [ $? = 2 ] && grep -q "jobs" "$tmp/err"; then ok; else ko "--jobs '$v' is not a usage error"; fi
done
"$RASID" extract -j 2 "$tmp/in/own1.txt" > /dev/null 2>&1 && ok || ko "-j 2 rejected"
"$RASID" extract --jobs=2 "$tmp/in/own1.txt" > /dev/null 2>&1 && ok || ko "--jobs=2 rejected"

count_done
[ "$failed" = 0 ]
