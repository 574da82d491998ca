/*
 * test_store.c — the archive (rasid_store.h) against real SQLite files in a temporary
 * directory: SHA-256 (FIPS 180-4 vectors), schema and migrations, refusing foreign and
 * damaged files, idempotent ingest, cross-article de-duplication (on hand-built events, so
 * the test does not move when the coder improves), the rasid_ar tokenizer (clitics,
 * digits), query filters, GeoJSON / GraphML / DOT well-formedness (parsed back with
 * Jansson and libxml2), and deterministic reprocessing with the real dictionaries.
 * All article texts are written for this test.
 */
#include "internal.h"
#include "rasid_store.h"
#include "store/store.h"
#include "unit.h"

#include <ftw.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>

static char tmpdir[256];

static void path_in(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", tmpdir, name); }

static int rm_cb(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

/* Run fn(store, FILE*) into a string (caller frees). */
static char *capture(rasid_store *st, int (*fn)(rasid_store *, FILE *, const void *), const void *arg, int *rc)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    *rc = fn(st, f, arg);
    fclose(f);
    return buf;
}

static size_t count_lines(const char *s)
{
    size_t n = 0;
    for (; s && *s; s++) n += *s == '\n';
    return n;
}

/* ------------------------------------------------------------ SHA-256 */
static void test_sha256(void)
{
    char hex[65];
    rasid__sha256_hex("", 0, hex);
    CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    rasid__sha256_hex("abc", 3, hex);
    CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *m = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    rasid__sha256_hex(m, strlen(m), hex);
    CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    const char *m2 = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrs"
                     "mnopqrstnopqrstu";
    rasid__sha256_hex(m2, strlen(m2), hex);
    CHECK_STR(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    /* one million 'a', fed in uneven pieces */
    rasid__sha256 c;
    rasid__sha256_init(&c);
    char a[1000];
    memset(a, 'a', sizeof a);
    size_t fed = 0, step = 1;
    while (fed < 1000000) {
        size_t k = step < 1000000 - fed ? step : 1000000 - fed;
        if (k > sizeof a) k = sizeof a;
        rasid__sha256_update(&c, a, k);
        fed += k;
        step = step * 7 % 997 + 1;
    }
    unsigned char d[32];
    rasid__sha256_final(&c, d);
    static const unsigned char want[32] = {0xcd, 0xc7, 0x6e, 0x5c, 0x99, 0x14, 0xfb, 0x92, 0x81, 0xa1, 0xc7,
                                           0xe2, 0x84, 0xd7, 0x3e, 0x67, 0xf1, 0x80, 0x9a, 0x48, 0xa4, 0x97,
                                           0x20, 0x0e, 0x04, 0x6d, 0x39, 0xcc, 0xc7, 0x11, 0x2c, 0xd0};
    CHECK_MEM(d, 32, want, 32);
}

/* ------------------------------------------------------------ schema */
static void test_schema(void)
{
    char p[512], err[512];
    rasid_store *st = NULL;
    path_in(p, sizeof p, "missing.db");
    CHECK_INT(rasid_store_open(p, 0, &st, err, sizeof err), RASID_IO);
    CHECK(st == NULL);
    CHECK(strstr(err, "missing.db") != NULL);

    path_in(p, sizeof p, "schema.db");
    CHECK_INT(rasid_store_open(p, RASID_STORE_CREATE, &st, err, sizeof err), RASID_OK);
    rasid_store_stats s;
    CHECK_INT(rasid_store_stats_get(st, &s), RASID_OK);
    CHECK_INT(s.schema, RASID_STORE_SCHEMA);
    CHECK_INT(s.documents, 0);
    CHECK_INT(rasid_store_check(st), RASID_OK);
    rasid_store_close(st);
    /* reopen read-only: same version, nothing migrated */
    CHECK_INT(rasid_store_open(p, RASID_STORE_READONLY, &st, err, sizeof err), RASID_OK);
    CHECK_INT(rasid_store_stats_get(st, &s), RASID_OK);
    CHECK_INT(s.schema, RASID_STORE_SCHEMA);
    rasid_store_close(st);

    /* an empty SQLite file at version 0 is migrated */
    sqlite3 *db;
    path_in(p, sizeof p, "v0.db");
    CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 0", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_INT(rasid_store_open(p, RASID_STORE_CREATE, &st, err, sizeof err), RASID_OK);
    CHECK_INT(rasid_store_stats_get(st, &s), RASID_OK);
    CHECK_INT(s.schema, RASID_STORE_SCHEMA);
    rasid_store_close(st);

    /* someone else's database, a newer schema, and a text file are refused */
    path_in(p, sizeof p, "foreign.db");
    CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_INT(rasid_store_open(p, RASID_STORE_CREATE, &st, err, sizeof err), RASID_CORRUPT);
    CHECK(strstr(err, "foreign.db") != NULL);
    path_in(p, sizeof p, "newer.db");
    CHECK_INT(rasid_store_open(p, RASID_STORE_CREATE, &st, err, sizeof err), RASID_OK);
    rasid_store_close(st);
    CHECK_INT(sqlite3_open(p, &db), SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
    sqlite3_close(db);
    CHECK_INT(rasid_store_open(p, 0, &st, err, sizeof err), RASID_CORRUPT);
    CHECK(strstr(err, "newer") != NULL);
    path_in(p, sizeof p, "text.db");
    FILE *f = fopen(p, "w");
    fputs("this is not a database, just some text that is long enough to be read as a header....\n", f);
    fclose(f);
    CHECK_INT(rasid_store_open(p, 0, &st, err, sizeof err), RASID_CORRUPT);
    CHECK(strstr(err, "text.db") != NULL);
}

/* ------------------------------------------------------------ hand-built events */
typedef struct ev_spec {
    const char *type, *cameo, *date;
    int date_prec;
    const char *place;
    double lat, lon;
    long geonameid;
    const char *country;
    const char *actor, *actor_id, *recipient, *recipient_id;
    long dead;
} ev_spec;

static rasid_entity *entity(rasid_doc *d, const char *name, const char *id)
{
    rasid_entity *e = rasid__arena_alloc(&d->arena, sizeof *e);
    e->name = name;
    e->text = name;
    e->id = id;
    e->kind = "group";
    e->sector = "REB";
    return e;
}

/* A doc with text and the given events (no coder involved). */
static rasid_doc *make_doc(const char *id, const char *url, const char *text, const char *published,
                           const ev_spec *evs, size_t n)
{
    rasid_doc *d = rasid_doc_new(id, text, strlen(text), published);
    if (url) rasid_doc_set_meta(d, "url", url);
    for (size_t i = 0; i < n; i++) {
        const ev_spec *s = &evs[i];
        rasid_event *e = rasid__vec_push(&d->events);
        snprintf(e->id, sizeof e->id, "%s#%zu", id, i + 1);
        e->type = s->type;
        e->cameo = s->cameo;
        e->modality = "asserted";
        e->dead = s->dead;
        e->injured = e->arrested = e->hostages = -1;
        e->confidence = 0.8;
        e->summary = "test event";
        e->ev_start = 0;
        e->ev_end = (uint32_t)strlen(text);
        if (s->actor) {
            e->actor = entity(d, s->actor, s->actor_id);
            e->nactor = 1;
        }
        if (s->recipient) {
            e->recipient = entity(d, s->recipient, s->recipient_id);
            e->nrecipient = 1;
        }
        if (s->place) {
            rasid_mention *m = rasid__arena_alloc(&d->arena, sizeof *m);
            m->kind = RASID_M_PLACE;
            m->precision = RASID_P_CITY;
            m->name = s->place;
            m->country = s->country;
            m->lat = s->lat;
            m->lon = s->lon;
            m->geonameid = s->geonameid;
            e->location = m;
        }
        if (s->date) {
            rasid_mention *m = rasid__arena_alloc(&d->arena, sizeof *m);
            m->kind = RASID_M_DATE;
            m->precision = (uint8_t)s->date_prec;
            snprintf(m->value, sizeof m->value, "%s", s->date);
            e->date = m;
        }
    }
    return d;
}

static int add(rasid_store *st, rasid_doc *d, rasid_store_added *res)
{
    int rc = rasid_store_add(st, d, NULL, res);
    rasid_doc_free(d);
    return rc;
}

static long long q1(rasid_store *st, const char *sql)
{
    sqlite3_stmt *s;
    long long v = -1;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

static int events_fn(rasid_store *st, FILE *f, const void *q) { return rasid_store_events(st, q, RASID_SFMT_JSONL, f); }
static int geojson_fn(rasid_store *st, FILE *f, const void *q) { return rasid_store_events(st, q, RASID_SFMT_GEOJSON, f); }
static int csv_fn(rasid_store *st, FILE *f, const void *q) { return rasid_store_events(st, q, RASID_SFMT_CSV, f); }
static int graphml_fn(rasid_store *st, FILE *f, const void *q) { (void)q; return rasid_store_graph(st, RASID_SFMT_GRAPHML, f); }
static int dot_fn(rasid_store *st, FILE *f, const void *q) { (void)q; return rasid_store_graph(st, RASID_SFMT_DOT, f); }
static int search_fn(rasid_store *st, FILE *f, const void *q) { return rasid_store_search(st, q, 50, RASID_SFMT_JSONL, f); }
static int show_fn(rasid_store *st, FILE *f, const void *q) { return rasid_store_show(st, q, RASID_SFMT_JSONL, f); }

static void test_dedup(void)
{
    char p[512], err[512];
    rasid_store *st = NULL;
    path_in(p, sizeof p, "dedup.db");
    CHECK_INT(rasid_store_open(p, RASID_STORE_CREATE, &st, err, sizeof err), RASID_OK);
    if (!st) return;
    /* Report A: an attack in a town on 2015-07-11, 10 dead. */
    ev_spec a = {"ASSAULT", "190", "2015-07-11", RASID_P_DAY, "Townville", 34.0, 36.0, 1001, "SYR",
                 "Group One", "Q1", "Army", "Q2", 10};
    rasid_store_added res;
    CHECK_INT(add(st, make_doc("a", "https://one.example/a", "نص الخبر الأول عن هجوم في البلدة.", "2015-07-12", &a, 1), &res), RASID_OK);
    CHECK_INT(res.added, 1);
    CHECK_INT(res.new_events, 1);
    /* Report B: same event, month precision, 12 km away (another place id), 14 dead. */
    ev_spec b = a;
    b.date = "2015-07";
    b.date_prec = RASID_P_MONTH;
    b.place = "Nearby";
    b.lat = 34.1;
    b.lon = 36.05;
    b.geonameid = 1002;
    b.dead = 14;
    CHECK_INT(add(st, make_doc("b", "https://two.example/b", "نص الخبر الثاني عن الهجوم نفسه.", "2015-07-13", &b, 1), &res), RASID_OK);
    CHECK_INT(res.merged, 1);
    /* Report C: same day and type but 150 km away: another event. */
    ev_spec c = a;
    c.place = "Farville";
    c.lat = 35.3;
    c.lon = 36.4;
    c.geonameid = 1003;
    CHECK_INT(add(st, make_doc("c", NULL, "نص الخبر الثالث عن هجوم في مدينة بعيدة.", "2015-07-12", &c, 1), &res), RASID_OK);
    CHECK_INT(res.new_events, 1);
    /* Report D: same place and day, but a protest: another family. */
    ev_spec d = a;
    d.type = "PROTEST";
    d.cameo = "141";
    d.dead = -1;
    CHECK_INT(add(st, make_doc("d", NULL, "نص الخبر الرابع عن مظاهرة.", "2015-07-12", &d, 1), &res), RASID_OK);
    CHECK_INT(res.new_events, 1);
    /* Report E: same place and day, but other named parties on both sides. */
    ev_spec e = a;
    e.actor = "Group Two";
    e.actor_id = "Q3";
    e.recipient = "Police";
    e.recipient_id = "Q4";
    CHECK_INT(add(st, make_doc("e", NULL, "نص الخبر الخامس عن هجوم آخر.", "2015-07-12", &e, 1), &res), RASID_OK);
    CHECK_INT(res.new_events, 1);
    /* Report F: the parties swapped (the army clashed with Group One), same day: merged. */
    ev_spec f = a;
    f.actor = "Army";
    f.actor_id = "Q2";
    f.recipient = "Group One";
    f.recipient_id = "Q1";
    f.dead = 11;
    CHECK_INT(add(st, make_doc("f", NULL, "نص الخبر السادس عن اشتباك.", "2015-07-12", &f, 1), &res), RASID_OK);
    CHECK_INT(res.merged, 1);
    /* Report G: a month later: another event. */
    ev_spec g = a;
    g.date = "2015-08-20";
    CHECK_INT(add(st, make_doc("g", NULL, "نص الخبر السابع عن هجوم لاحق.", "2015-08-21", &g, 1), &res), RASID_OK);
    CHECK_INT(res.new_events, 1);

    CHECK_INT(q1(st, "SELECT count(*) FROM events"), 5);
    CHECK_INT(q1(st, "SELECT nreports FROM events WHERE id = 1"), 3);
    CHECK_INT(q1(st, "SELECT ndocs FROM events WHERE id = 1"), 3);
    CHECK_INT(q1(st, "SELECT fatalities FROM events WHERE id = 1"), 14);
    CHECK_INT(q1(st, "SELECT fatalities_min FROM events WHERE id = 1"), 10);
    CHECK_INT(q1(st, "SELECT fatalities_max FROM events WHERE id = 1"), 14);
    /* the primary report is the most precise one (a day, not a month) */
    CHECK_INT(q1(st, "SELECT date_precision = 'day' FROM events WHERE id = 1"), 1);
    /* conflicting tolls are kept per report */
    CHECK_INT(q1(st, "SELECT count(DISTINCT dead) FROM event_reports WHERE event = 1"), 3);

    /* idempotent: the same article by URL (other text), and by text (no URL) */
    CHECK_INT(add(st, make_doc("a2", "https://one.example/a", "نص مختلف بنفس العنوان.", NULL, &a, 1), &res), RASID_OK);
    CHECK_INT(res.added, 0);
    CHECK_INT(res.doc, 1);
    CHECK_INT(add(st, make_doc("c-again", NULL, "نص الخبر الثالث عن هجوم في مدينة بعيدة.", NULL, &c, 1), &res), RASID_OK);
    CHECK_INT(res.added, 0);
    CHECK_INT(q1(st, "SELECT count(*) FROM documents"), 7);
    CHECK_INT(q1(st, "SELECT count(*) FROM event_reports"), 7);

    /* query filters */
    int rc;
    rasid_event_query q = {0};
    char *out = capture(st, events_fn, &q, &rc);
    CHECK_INT(rc, RASID_OK);
    CHECK_INT(count_lines(out), 5);
    free(out);
    q.type = "protest";
    out = capture(st, events_fn, &q, &rc);
    CHECK_INT(count_lines(out), 1);
    free(out);
    memset(&q, 0, sizeof q);
    q.country = "SYR";
    q.since = "2015-08";
    out = capture(st, events_fn, &q, &rc);
    CHECK_INT(count_lines(out), 1);
    free(out);
    memset(&q, 0, sizeof q);
    q.until = "2015-07-31";
    q.actor = "group two";
    out = capture(st, events_fn, &q, &rc);
    CHECK_INT(count_lines(out), 1);
    free(out);
    memset(&q, 0, sizeof q);
    q.near = "Townville";
    q.near_km = 50;
    out = capture(st, events_fn, &q, &rc);
    CHECK_INT(rc, RASID_OK);
    CHECK_INT(count_lines(out), 4); /* all but Farville's */
    free(out);
    q.near = "Nowhere";
    out = capture(st, events_fn, &q, &rc);
    CHECK_INT(rc, RASID_ARG);
    free(out);
    memset(&q, 0, sizeof q);
    q.since = "2015-13";
    out = capture(st, events_fn, &q, &rc);
    CHECK_INT(rc, RASID_ARG);
    free(out);

    /* JSON Lines records parse, and carry the store summary */
    memset(&q, 0, sizeof q);
    q.limit = 1;
    out = capture(st, events_fn, &q, &rc);
    json_error_t je;
    json_t *o = json_loads(out, 0, &je);
    CHECK(o != NULL);
    json_t *so = json_object_get(o, "store");
    CHECK_INT(json_integer_value(json_object_get(so, "reports")), 3);
    CHECK_INT(json_integer_value(json_object_get(so, "fatalities_min")), 10);
    CHECK_INT(json_array_size(json_object_get(so, "sources")), 3);
    CHECK_INT(json_integer_value(json_object_get(o, "fatalities")), 14);
    json_decref(o);
    free(out);

    /* show: the event and its three reports */
    out = capture(st, show_fn, "1", &rc);
    CHECK_INT(rc, RASID_OK);
    o = json_loads(out, 0, &je);
    CHECK(o != NULL);
    CHECK_INT(json_array_size(json_object_get(o, "reports")), 3);
    json_decref(o);
    free(out);
    out = capture(st, show_fn, "999", &rc);
    CHECK_INT(rc, RASID_NOTFOUND);
    free(out);

    /* GeoJSON parses back as a FeatureCollection of Points */
    memset(&q, 0, sizeof q);
    out = capture(st, geojson_fn, &q, &rc);
    CHECK_INT(rc, RASID_OK);
    o = json_loads(out, 0, &je);
    CHECK(o != NULL);
    CHECK_STR(json_string_value(json_object_get(o, "type")), "FeatureCollection");
    json_t *feats = json_object_get(o, "features");
    CHECK_INT(json_array_size(feats), 5);
    json_t *f0 = json_array_get(feats, 0);
    json_t *coords = json_object_get(json_object_get(f0, "geometry"), "coordinates");
    CHECK(fabs(json_real_value(json_array_get(coords, 0)) - 36.0) < 1e-6); /* lon first */
    CHECK(fabs(json_real_value(json_array_get(coords, 1)) - 34.0) < 1e-6);
    json_decref(o);
    free(out);

    /* ACLED CSV: a header and one line per event */
    out = capture(st, csv_fn, &q, &rc);
    CHECK(strncmp(out, "event_id_cnty,event_date,", 25) == 0);
    CHECK_INT(count_lines(out), 6);
    free(out);

    /* GraphML parses with libxml2; DOT is one digraph */
    out = capture(st, graphml_fn, NULL, &rc);
    CHECK_INT(rc, RASID_OK);
    xmlDocPtr x = xmlReadMemory(out, (int)strlen(out), "graph.xml", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
    CHECK(x != NULL);
    if (x) {
        xmlNodePtr root = xmlDocGetRootElement(x);
        CHECK_STR((const char *)root->name, "graphml");
        xmlFreeDoc(x);
    }
    CHECK(strstr(out, "material conflict") != NULL);
    CHECK(strstr(out, "<edge source=") != NULL);
    free(out);
    out = capture(st, dot_fn, NULL, &rc);
    CHECK(strncmp(out, "digraph actors {", 16) == 0);
    CHECK(strstr(out, " -> ") != NULL);
    free(out);
    CHECK_INT(rasid_store_check(st), RASID_OK);
    rasid_store_close(st);
}

/* ------------------------------------------------------------ search */
static void test_search(void)
{
    char p[512], err[512];
    rasid_store *st = NULL;
    path_in(p, sizeof p, "fts.db");
    CHECK_INT(rasid_store_open(p, RASID_STORE_CREATE, &st, err, sizeof err), RASID_OK);
    if (!st) return;
    const char *texts[] = {
        "وصل الوفد والجزائر تستعد للقمة.",
        "اجتمع الوزراء بالجزائر أمس.",
        "قدمت مساعدات للجزائر هذا الأسبوع.",
        "أعلنت الحكومة حالة الطوارئ في المدينة.",
        "سقط ٣٥ جريحا في الحادث.",
        "قال رئيس حكومته إن الوضع مستقر.",
    };
    rasid_store_begin(st);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char id[16];
        snprintf(id, sizeof id, "s%zu", i);
        rasid_doc *d = rasid_doc_new(id, texts[i], strlen(texts[i]), NULL);
        CHECK_INT(rasid_store_add(st, d, NULL, NULL), RASID_OK);
        rasid_doc_free(d);
    }
    CHECK_INT(rasid_store_commit(st), RASID_OK);
    int rc;
    char *out = capture(st, search_fn, "الجزائر", &rc);
    CHECK_INT(rc, RASID_OK);
    CHECK_INT(count_lines(out), 3);
    CHECK(strstr(out, "<b>والجزائر</b>") != NULL); /* highlighted as written */
    CHECK(strstr(out, "<b>بالجزائر</b>") != NULL);
    free(out);
    out = capture(st, search_fn, "جزائر", &rc);
    CHECK_INT(count_lines(out), 3);
    free(out);
    out = capture(st, search_fn, "بالجزائر", &rc); /* the query's clitic is read too */
    CHECK_INT(count_lines(out), 3);
    free(out);
    out = capture(st, search_fn, "35", &rc); /* digits folded */
    CHECK_INT(count_lines(out), 1);
    free(out);
    out = capture(st, search_fn, "٣٥", &rc);
    CHECK_INT(count_lines(out), 1);
    free(out);
    out = capture(st, search_fn, "الحكومة", &rc); /* حكومته: stem before the enclitic */
    CHECK_INT(count_lines(out), 2);
    free(out);
    out = capture(st, search_fn, "الحكومه NOT حالة", &rc); /* FTS5 syntax, normalised forms */
    CHECK_INT(rc, RASID_OK);
    CHECK_INT(count_lines(out), 1);
    free(out);
    out = capture(st, search_fn, "\"unbalanced", &rc); /* falls back to plain words */
    CHECK_INT(rc, RASID_OK);
    free(out);
    CHECK_INT(rasid_store_check(st), RASID_OK);
    rasid_store_close(st);
}

/* ------------------------------------------------------------ real coding, reprocess */
static void test_reprocess(void)
{
    const char *dir = getenv("RASID_DATA");
    char err[1024] = "";
    rasid_lexicon *lex = rasid_lexicon_load(dir && *dir ? dir : "data", err, sizeof err);
    CHECK(lex != NULL);
    if (!lex) {
        printf("lexicon: %s\n", err);
        return;
    }
    char p[512];
    rasid_store *st = NULL;
    path_in(p, sizeof p, "coded.db");
    CHECK_INT(rasid_store_open(p, RASID_STORE_CREATE, &st, err, sizeof err), RASID_OK);
    const char *jsonl =
        "{\"id\":\"r1\",\"url\":\"https://one.example/r1\",\"title\":\"هجوم\",\"published\":\"2021-03-12\","
        "\"text\":\"دمشق 12 مارس 2021 - قتل 12 شخصا في هجوم شنه مسلحون من تنظيم داعش على قرية قرب حلب.\"}\n"
        "{\"id\":\"r2\",\"published\":\"2021-03-13\",\"text\":\"بيروت 13 مارس 2021 - قال مرصد إن 15 شخصا قتلوا"
        " في هجوم لتنظيم داعش على قرية في ريف حلب يوم الخميس 11 مارس.\"}\n"
        "{\"id\":\"r3\",\"published\":\"2021-03-14\",\"text\":\"الجزائر 14 مارس 2021 - تظاهر آلاف المحتجين في"
        " العاصمة الجزائرية، وقالت الشرطة إنها اعتقلت 20 شخصا.\"}\n";
    for (int pass = 0; pass < 2; pass++) {
        rasid_input *in = rasid_input_open_mem("t.jsonl", jsonl, strlen(jsonl), NULL);
        rasid_doc *d;
        size_t added = 0;
        rasid_store_begin(st);
        while (rasid_input_next(in, &d, err, sizeof err) == 1) {
            rasid_store_added res;
            CHECK_INT(rasid_store_add(st, d, lex, &res), RASID_OK);
            added += (size_t)res.added;
            rasid_doc_free(d);
        }
        rasid_store_commit(st);
        rasid_input_close(in);
        CHECK_INT(added, pass == 0 ? 3 : 0); /* the second pass adds nothing */
    }
    CHECK_INT(q1(st, "SELECT count(*) FROM documents"), 3);
    CHECK_INT(q1(st, "SELECT count(*) FROM documents WHERE url = 'https://one.example/r1' AND title IS NOT NULL"), 1);
    CHECK(q1(st, "SELECT count(*) FROM mentions") > 0);
    int rc;
    char *before = capture(st, events_fn, NULL, &rc);
    CHECK_INT(rc, RASID_OK);
    CHECK(count_lines(before) >= 1);
    CHECK_INT(rasid_store_reprocess(st, lex, NULL, NULL), RASID_OK);
    char *after = capture(st, events_fn, NULL, &rc);
    CHECK_STR(after, before); /* same events, same ids */
    free(before);
    free(after);
    /* English name search finds the Arabic articles */
    char *out = capture(st, search_fn, "Aleppo", &rc);
    CHECK_INT(rc, RASID_OK);
    CHECK(count_lines(out) >= 1);
    free(out);
    rasid_store_close(st);
    rasid_lexicon_free(lex);
}

int main(void)
{
    snprintf(tmpdir, sizeof tmpdir, "%s/rasid-store-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 2;
    }
    UNIT_RUN(test_sha256);
    UNIT_RUN(test_schema);
    UNIT_RUN(test_dedup);
    UNIT_RUN(test_search);
    UNIT_RUN(test_reprocess);
    nftw(tmpdir, rm_cb, 16, FTW_DEPTH | FTW_PHYS);
    xmlCleanupParser();
    return unit_done();
}
