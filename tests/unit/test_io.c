/*
 * test_io.c — unit tests of the input reader (JSON Lines, plain text, files, directories)
 * and of the JSON/CSV escaping the writers use.
 */
#include "internal.h"
#include "unit.h"

#include <jansson.h>
#include <math.h>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];

static void write_file(const char *name, const char *data, size_t len)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "wb");
    if (!f) return;
    fwrite(data, 1, len, f);
    fclose(f);
}

/* Read all of an input: ids of the docs joined by ',' and error messages joined by '|'. */
static void drain(rasid_input *in, char *ids, size_t idlen, char *errs, size_t errlen, int *nerr)
{
    ids[0] = errs[0] = 0;
    *nerr = 0;
    rasid_doc *doc;
    char err[512];
    int r;
    while ((r = rasid_input_next(in, &doc, err, sizeof err)) != 0) {
        if (r < 0 || err[0]) {
            (*nerr)++;
            size_t l = strlen(errs);
            snprintf(errs + l, errlen - l, "%s%s", l ? "|" : "", err);
        }
        if (r == 1) {
            size_t l = strlen(ids);
            snprintf(ids + l, idlen - l, "%s%s", l ? "," : "", rasid_doc_id(doc));
            rasid_doc_free(doc);
        }
    }
}

static void test_jsonl_good(void)
{
    const char *s = "{\"id\":\"a\",\"published\":\"2015-11-20T10:00:00Z\",\"url\":\"u\",\"title\":\"t\","
                    "\"text\":\"\\u0645\\u0627\\u0644\\u064a\"}\n"
                    "\n"
                    "{\"id\":7,\"published\":null,\"text\":\"x\"}\r\n"
                    "{\"text\":\"no id\"}";
    rasid_input *in = rasid_input_open_mem("docs.jsonl", s, strlen(s), "2020-01-02");
    CHECK(in != NULL);
    rasid_doc *doc;
    char err[256];
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 1);
    CHECK_STR(err, "");
    CHECK_STR(rasid_doc_id(doc), "a");
    CHECK_STR(rasid_doc_published(doc), "2015-11-20");
    size_t len;
    const char *t = rasid_doc_text(doc, &len);
    CHECK_MEM(t, len, "\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A", 8);
    long line;
    CHECK_STR(rasid_input_where(in, &line), "docs.jsonl");
    CHECK_INT(line, 1);
    rasid_doc_free(doc);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 1);
    CHECK_STR(rasid_doc_id(doc), "7");
    CHECK_STR(rasid_doc_published(doc), "2020-01-02"); /* null -> the default */
    rasid_input_where(in, &line);
    CHECK_INT(line, 3);
    rasid_doc_free(doc);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 1);
    CHECK_STR(rasid_doc_id(doc), "docs:4");
    rasid_doc_free(doc);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 0);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 0);
    rasid_input_close(in);
}

static void test_jsonl_errors(void)
{
    const char *s = "{\"id\":\"a\",\"text\":\"one\"}\n"
                    "{\"id\":\"b\",\"text\":\"two\"\n"   /* missing } */
                    "{\"id\":\"c\"}\n"                    /* no text */
                    "[1,2]\n"                             /* not an object */
                    "{\"id\":\"d\",\"text\":42}\n"        /* text not a string */
                    "{\"id\":\"e\",\"text\":\"five\"}\n";
    rasid_input *in = rasid_input_open_mem("x.jsonl", s, strlen(s), NULL);
    char ids[256], errs[2048];
    int nerr;
    drain(in, ids, sizeof ids, errs, sizeof errs, &nerr);
    CHECK_STR(ids, "a,e");
    CHECK_INT(nerr, 4);
    CHECK(strstr(errs, "x.jsonl:2:") != NULL);
    CHECK(strstr(errs, "x.jsonl:3: record has no \"text\" string") != NULL);
    CHECK(strstr(errs, "x.jsonl:4: record is not a JSON object") != NULL);
    CHECK(strstr(errs, "x.jsonl:5: record has no \"text\" string") != NULL);
    rasid_input_close(in);
}

static void test_jsonl_sniff(void)
{
    /* no .jsonl name, but the first non-space byte is '{' */
    const char *s = "  \n{\"id\":\"z\",\"text\":\"t\"}\n";
    rasid_input *in = rasid_input_open_mem("feed.txt", s, strlen(s), NULL);
    char ids[256], errs[256];
    int nerr;
    drain(in, ids, sizeof ids, errs, sizeof errs, &nerr);
    CHECK_STR(ids, "z");
    CHECK_INT(nerr, 0);
    rasid_input_close(in);
}

static void test_jsonl_long_line(void)
{
    /* a 1 MB text in one record, then a short one */
    size_t n = (size_t)1 << 20;
    char *s = malloc(n + 200);
    strcpy(s, "{\"id\":\"long\",\"text\":\"");
    size_t l = strlen(s);
    memset(s + l, 'a', n);
    l += n;
    strcpy(s + l, "\"}\n{\"id\":\"short\",\"text\":\"b\"}\n");
    write_file("long.jsonl", s, strlen(s));
    char path[512];
    snprintf(path, sizeof path, "%s/long.jsonl", tmpdir);
    const char *paths[] = {path};
    rasid_input *in = rasid_input_open(paths, 1, NULL);
    rasid_doc *doc;
    char err[256];
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 1);
    size_t len = 0;
    if (doc) rasid_doc_text(doc, &len);
    CHECK_INT(len, n);
    rasid_doc_free(doc);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 1);
    CHECK_STR(doc ? rasid_doc_id(doc) : NULL, "short");
    rasid_doc_free(doc);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 0);
    rasid_input_close(in);
    free(s);
}

static void test_plain_text(void)
{
    rasid_doc *doc;
    char err[256];
    /* invalid UTF-8: a doc and a message */
    rasid_input *in = rasid_input_open_mem("dir/news.txt", "ab\xFF" "cd", 5, "2021-03-04");
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 1);
    CHECK_STR(err, "dir/news.txt: invalid UTF-8 at byte offset 2");
    CHECK_STR(doc ? rasid_doc_id(doc) : NULL, "news");
    CHECK_STR(doc ? rasid_doc_published(doc) : NULL, "2021-03-04");
    rasid_doc_free(doc);
    rasid_input_close(in);
    /* NUL byte: no doc */
    in = rasid_input_open_mem("b.txt", "abc\0def", 7, NULL);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), RASID_BINARY);
    CHECK_STR(err, "b.txt: binary file (NUL byte at offset 3)");
    CHECK(doc == NULL);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 0);
    rasid_input_close(in);
    /* empty */
    in = rasid_input_open_mem("e.txt", "", 0, NULL);
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), RASID_EMPTY);
    CHECK_STR(err, "e.txt: empty file");
    rasid_input_close(in);
}

static void test_files_and_dirs(void)
{
    char p[512];
    snprintf(p, sizeof p, "%s/d", tmpdir);
    mkdir(p, 0700);
    snprintf(p, sizeof p, "%s/d/sub", tmpdir);
    mkdir(p, 0700);
    write_file("d/b.txt", "bee", 3);
    write_file("d/a.txt", "ay", 2);
    write_file("d/.hidden.txt", "no", 2);
    write_file("d/sub/c.md", "sea", 3);
    write_file("d/z.jsonl", "{\"id\":\"z1\",\"text\":\"x\"}\n{\"id\":\"z2\",\"text\":\"y\"}\n", 46);
    char d[512], missing[512];
    snprintf(d, sizeof d, "%s/d", tmpdir);
    snprintf(missing, sizeof missing, "%s/missing.txt", tmpdir);
    const char *paths[] = {d, missing};
    rasid_input *in = rasid_input_open(paths, 2, NULL);
    char ids[256], errs[1024];
    int nerr;
    drain(in, ids, sizeof ids, errs, sizeof errs, &nerr);
    CHECK_STR(ids, "a,b,c,z1,z2");
    CHECK_INT(nerr, 1);
    CHECK(strstr(errs, "missing.txt: No such file or directory") != NULL);
    rasid_input_close(in);
}

static void test_json_escaping(void)
{
    rasid__buf b;
    rasid__buf_init(&b, 0);
    rasid__buf_json_str(&b, "a\"b\\c\n\t\x01\x7f", 9);
    CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\t\\u0001\\u007f\"");
    b.len = 0;
    rasid__buf_json_str(&b, "x\xFFy\xE2\x80\xA8", 6); /* invalid byte, U+2028 */
    CHECK_STR(b.data, "\"x\xEF\xBF\xBDy\\u2028\"");
    b.len = 0;
    rasid__buf_json_cstr(&b, NULL);
    CHECK_STR(b.data, "null");
    rasid__buf_free(&b);
}

/* rasid__json_plain_run (eight bytes at a time) against its definition byte by byte, on
 * random strings over an alphabet of every kind of byte at every alignment */
static size_t plain_run_ref(const unsigned char *s, size_t n)
{
    size_t j = 0;
    while (j < n) {
        unsigned char c = s[j];
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') { j++; continue; }
        if (c >= 0xC2 && c <= 0xDF && j + 1 < n && (s[j + 1] & 0xC0) == 0x80) { j += 2; continue; }
        break;
    }
    return j;
}

static void test_json_plain_run(void)
{
    static const unsigned char alphabet[] = {'a', ' ', '"', '\\', 0x1F, 0x7F, 0x7E, 0x20, 0xD8, 0xA7, 0xD9,
                                             0x84, 0xC0, 0xC1, 0xC2, 0xDF, 0xE2, 0x80, 0xBF, 0xF0, 0xFF, 0};
    unsigned long long seed = 42;
    int bad = 0;
    for (int round = 0; round < 20000 && !bad; round++) {
        unsigned char s[40];
        size_t n = (size_t)(round % 40);
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            unsigned r = (unsigned)(seed >> 33);
            /* mostly Arabic letters and spaces, as in news, with a stray kind now and then */
            s[i] = r % 4 ? (i % 2 ? (unsigned char)(0x80 | (r >> 8) % 64) : 0xD8) : alphabet[(r >> 8) % sizeof alphabet];
        }
        if (rasid__json_plain_run((const char *)s, n) != plain_run_ref(s, n)) bad = 1;
        for (size_t off = 1; off < n && !bad; off++)
            if (rasid__json_plain_run((const char *)s + off, n - off) != plain_run_ref(s + off, n - off)) bad = 1;
    }
    CHECK(!bad);
    /* the JSON Lines reader's fast path finds the text's end past escaped quotes */
    const char *rec = "{\"id\":\"q\",\"text\":\"قال \\\"الجيش\\\" \\\\\"}\n";
    char path[600];
    snprintf(path, sizeof path, "%s/quotes.jsonl", tmpdir);
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(rec, f);
    fclose(f);
    const char *paths[] = {path};
    rasid_input *in = rasid_input_open(paths, 1, "2024-01-01");
    rasid_doc *doc = NULL;
    char err[256];
    CHECK_INT(rasid_input_next(in, &doc, err, sizeof err), 1);
    if (doc) {
        size_t len;
        const char *t = rasid_doc_text(doc, &len);
        CHECK_MEM(t, len, "قال \"الجيش\" \\", strlen("قال \"الجيش\" \\"));
        rasid_doc_free(doc);
    }
    rasid_input_close(in);
}

/* rasid__fmt_fixed against printf: random doubles of every magnitude, coordinates,
 * confidences, and exact ties (k / 2^j) that printf rounds to even */
static void test_fmt_fixed(void)
{
    unsigned long long seed = 7;
    int bad = 0, handled = 0;
    for (int round = 0; round < 300000 && bad < 5; round++) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        unsigned long long r = seed >> 11;
        double v;
        switch (round % 5) {
        case 0: v = (double)r / 9007199254740992.0 * 360.0 - 180.0; break;          /* coordinates */
        case 1: v = (double)(r % 101) / 100.0; break;                              /* confidences */
        case 2: v = ldexp((double)(r % 100000), -(int)(r % 17)); break;            /* exact ties */
        case 3: v = ldexp((double)r, (int)(seed % 140) - 110); break;              /* any magnitude */
        default: v = -ldexp((double)(r % 1000), -(int)(r % 12)) / 1000.0; break; /* negatives near 0 */
        }
        for (int prec = 0; prec <= 6 && bad < 5; prec += (prec == 2 ? 4 : 1)) {
            char got[64], want[64];
            size_t n = rasid__fmt_fixed(v, prec, 0, got);
            if (!n) continue;
            handled++;
            snprintf(want, sizeof want, "%.*f", prec, v);
            if (strcmp(got, want) || n != strlen(want)) {
                printf("fmt_fixed(%.17g, %d): %s, printf %s\n", v, prec, got, want);
                bad++;
            }
            /* trimmed: printf's digits without trailing zeros and bare point */
            size_t k = strlen(want);
            if (strchr(want, '.')) {
                while (k && want[k - 1] == '0') want[--k] = 0;
                if (k && want[k - 1] == '.') want[--k] = 0;
            }
            rasid__fmt_fixed(v, prec, 1, got);
            if (strcmp(got, want)) {
                printf("fmt_fixed(%.17g, %d, trim): %s, printf %s\n", v, prec, got, want);
                bad++;
            }
        }
    }
    CHECK_INT(bad, 0);
    CHECK(handled > 1000000);
    char out[64];
    CHECK_INT(rasid__fmt_fixed(1.0 / 128, 6, 0, out), 8);
    CHECK_STR(out, "0.007812"); /* 7812.5 millionths: to even */
    CHECK_INT(rasid__fmt_fixed(-0.0, 2, 0, out), 5);
    CHECK_STR(out, "-0.00");
    CHECK_INT(rasid__fmt_fixed(INFINITY, 2, 0, out), 0);
}

static void test_fmt_ymd(void)
{
    static const int ys[] = {0, 7, 999, 2015, 9999, 10000, -1, 123456};
    static const int ms[] = {-1, 0, 1, 12, 99, 100};
    static const int ds[] = {-1, 0, 9, 31, 99, 250};
    int bad = 0;
    for (size_t a = 0; a < sizeof ys / sizeof *ys; a++)
        for (size_t b = 0; b < sizeof ms / sizeof *ms; b++)
            for (size_t c = 0; c < sizeof ds / sizeof *ds; c++) {
                int y = ys[a], m = ms[b], d = ds[c];
                if (m < 0 && d >= 0) continue;
                char got[11], want[64];
                rasid__fmt_ymd(got, y, m, d);
                if (m < 0) snprintf(want, sizeof want, "%04d", y);
                else if (d < 0) snprintf(want, sizeof want, "%04d-%02d", y, m);
                else snprintf(want, sizeof want, "%04d-%02d-%02d", y, m, d);
                want[10] = 0; /* as snprintf into 11 bytes */
                if (strcmp(got, want)) {
                    printf("fmt_ymd(%d, %d, %d): %s, snprintf %s\n", y, m, d, got, want);
                    bad++;
                }
            }
    CHECK_INT(bad, 0);
}

static void test_atoi(void)
{
    static const char *const cases[] = {"2015-11-20", "0007", "-12", "+5", "  42", "", "x1", "-", "999999999",
                                        "1234567890", "-2147483648", "00000000012", "12a", "٣"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) CHECK_INT(rasid__atoi(cases[i]), atoi(cases[i]));
}

static void test_csv_escaping(void)
{
    rasid__buf b;
    rasid__buf_init(&b, 0);
    rasid__buf_csv_field(&b, "plain");
    CHECK_STR(b.data, "plain");
    b.len = 0;
    rasid__buf_csv_field(&b, "a,b");
    CHECK_STR(b.data, "\"a,b\"");
    b.len = 0;
    rasid__buf_csv_field(&b, "say \"hi\"");
    CHECK_STR(b.data, "\"say \"\"hi\"\"\"");
    b.len = 0;
    rasid__buf_csv_field(&b, "two\nlines");
    CHECK_STR(b.data, "\"two\nlines\"");
    rasid__buf_free(&b);
}

/* The reader decodes the text itself and gives Jansson the rest of the record: what it
 * reads (text, id, published, meta) or the error it reports must be what Jansson alone
 * gives, for crafted records and for random mutations of them. */
static unsigned long long rng_state = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (unsigned)(rng_state % n);
}

/* One record line through the reader against Jansson; returns 1 when they agree. */
static int reader_agrees(const char *line, size_t n)
{
    char *data = malloc(n + 1);
    if (!data) return 0;
    memcpy(data, line, n);
    data[n] = '\n';
    rasid_input *in = rasid_input_open_mem("m.jsonl", data, n + 1, NULL);
    free(data);
    if (!in) return 0;
    rasid_doc *doc = NULL;
    char err[512] = "";
    int r = rasid_input_next(in, &doc, err, sizeof err);
    json_error_t je;
    json_t *rec = json_loadb(line, n, 0, &je);
    json_t *text = json_is_object(rec) ? json_object_get(rec, "text") : NULL;
    int ok;
    int blank = 1;
    for (size_t i = 0; i < n; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') blank = 0;
    if (blank) {
        ok = r == 0;
    } else if (!rec) {
        char want[512];
        snprintf(want, sizeof want, "m.jsonl:1:%d: %s", je.column, je.text);
        ok = r < 0 && !strcmp(err, want);
    } else if (!json_is_string(text)) {
        ok = r < 0;
    } else {
        size_t len;
        const char *t = r == 1 ? rasid_doc_text(doc, &len) : NULL;
        ok = t && len == json_string_length(text) && !memcmp(t, json_string_value(text), len);
        json_t *jid = json_object_get(rec, "id");
        if (ok && json_is_string(jid) && json_string_length(jid) > 0) ok = !strcmp(rasid_doc_id(doc), json_string_value(jid));
        json_t *jt = json_object_get(rec, "title");
        if (ok && json_is_string(jt) && json_string_length(jt) > 0) {
            const char *mt = rasid_doc_meta(doc, "title");
            ok = mt && !strcmp(mt, json_string_value(jt));
        }
    }
    if (!ok) printf("  reader and Jansson differ on: %.*s\n  (reader: %d %s)\n", (int)n, line, r, err);
    json_decref(rec);
    if (doc) rasid_doc_free(doc);
    rasid_input_close(in);
    return ok;
}

static void test_jsonl_text_fast_path(void)
{
    static const char *const cases[] = {
        "{\"id\":\"a\",\"text\":\"\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}",
        "{\"text\":\"\\u0645\\u0627\\u00e9\\u0041 \\ud83d\\ude00 \\uD83D\\uDE00\",\"id\":3}",
        "{\"text\":\"a\",\"text\":\"b\"}",
        "{\"text\":\"a\",\"te\\u0078t\":\"\"}",
        "{\"te\\u0078t\":\"a\",\"text\":\"b\"}",
        "{\"meta\":{\"text\":\"inner\"},\"text\":\"outer\",\"list\":[1,{\"a\":\"}\"},\"]\"]}",
        "{\"text\":\"x\",\"title\":\"t\\u0000\"}",
        "{\"text\":\"\\u0000\"}",
        "{\"text\":\"\\ud800\"}",
        "{\"text\":\"\\udc00\\ud800\"}",
        "{\"text\":\"\\ud800\\u0041\"}",
        "{\"text\":\"\\x\"}",
        "{\"text\":\"\\u12G4\"}",
        "{\"text\":\"tab\there\"}",
        "{\"text\":\"\xC0\xAF\"}",
        "{\"text\":\"\xE0\x80\xAF\"}",
        "{\"text\":\"\xED\xA0\x80\"}",
        "{\"text\":\"\xF4\x90\x80\x80\"}",
        "{\"text\":\"\xF0\x9F\x98\x80 \xE2\x80\x93 \x7F\"}",
        "{\"text\":\"\xD9\"}",
        "{\"text\":\"open",
        "{\"text\":\"a\"} trailing",
        "{\"text\":\"a\",}",
        "{\"text\":\"a\" \"b\"}",
        "{\"text\" : \"spaced\" , \"id\" : \"s\" }",
        "{\"text\":42}",
        "{\"text\":[\"a\"]}",
        "[\"text\",\"a\"]",
        "{}",
        "{\"id\":12345678901234567890,\"text\":\"big id\"}",
        "{\"id\":1.5e400,\"text\":\"overflow\"}",
        "{\"text\":\"a\",\"published\":\"2020-02-03T10:00\",\"title\":\"t\"}",
        "\t {\"text\":\"ws\"} \r",
        "   ",
        "{\"text\":\"\"}",
    };
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) bad += !reader_agrees(cases[i], strlen(cases[i]));
    CHECK_INT(bad, 0);
    /* random mutations: bytes changed, inserted or deleted around the structure */
    static const char alphabet[] = "\"\\{}[],: tu0dD8Fx\n\t\x01\x80\xC3\xD9\xED\xF4\xFF";
    bad = 0;
    for (int round = 0; round < 4000; round++) {
        const char *base = cases[rnd(6)];
        char buf[512];
        size_t n = strlen(base);
        memcpy(buf, base, n);
        for (int k = 1 + (int)rnd(3); k > 0; k--) {
            size_t at = rnd((unsigned)n + 1);
            char c = alphabet[rnd(sizeof alphabet - 1)];
            int op = (int)rnd(3);
            if (op == 0 && at < n) buf[at] = c;
            else if (op == 1 && n + 1 < sizeof buf) {
                memmove(buf + at + 1, buf + at, n - at);
                buf[at] = c;
                n++;
            } else if (at < n) {
                memmove(buf + at, buf + at + 1, n - at - 1);
                n--;
            }
        }
        /* a newline ends the line: the reader would see two records */
        for (size_t q = 0; q < n; q++)
            if (buf[q] == '\n') buf[q] = ' ';
        bad += !reader_agrees(buf, n);
    }
    CHECK_INT(bad, 0);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/rasid-test-io.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    UNIT_RUN(test_jsonl_good);
    UNIT_RUN(test_jsonl_errors);
    UNIT_RUN(test_jsonl_sniff);
    UNIT_RUN(test_jsonl_long_line);
    UNIT_RUN(test_jsonl_text_fast_path);
    UNIT_RUN(test_plain_text);
    UNIT_RUN(test_files_and_dirs);
    UNIT_RUN(test_json_escaping);
    UNIT_RUN(test_json_plain_run);
    UNIT_RUN(test_fmt_fixed);
    UNIT_RUN(test_fmt_ymd);
    UNIT_RUN(test_atoi);
    UNIT_RUN(test_csv_escaping);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) printf("warning: could not remove %s\n", tmpdir);
    return unit_done();
}
