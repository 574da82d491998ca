/*
 * docs_api.c — read-only accessors for `rasid serve` (include/rasid_store_docs.h): one
 * stored article with its entity and event spans, and the places with event counts.
 * Statements are prepared per call (these are not hot paths) and finalised before
 * returning, so the handle's own statement cache is untouched.
 */
#include "rasid_store_docs.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

/* Write column i of st as a JSON value (null, number or string). */
static void col_json(rasid__buf *b, sqlite3_stmt *st, int i)
{
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: rasid__buf_printf(b, "%lld", (long long)sqlite3_column_int64(st, i)); break;
    case SQLITE_FLOAT: rasid__buf_printf(b, "%.6g", sqlite3_column_double(st, i)); break;
    case SQLITE_NULL: rasid__buf_puts(b, "null"); break;
    default: {
        const char *s = (const char *)sqlite3_column_text(st, i);
        rasid__buf_json_str(b, s ? s : "", (size_t)sqlite3_column_bytes(st, i));
    }
    }
}

/* "key": column */
static void field(rasid__buf *b, int *first, const char *key, sqlite3_stmt *st, int i)
{
    rasid__buf_printf(b, "%s\"%s\":", *first ? "" : ",", key);
    *first = 0;
    col_json(b, st, i);
}

/* "key": [start, end] or null */
static void span(rasid__buf *b, const char *key, sqlite3_stmt *st, int i)
{
    rasid__buf_printf(b, ",\"%s\":", key);
    if (sqlite3_column_type(st, i) == SQLITE_NULL || sqlite3_column_type(st, i + 1) == SQLITE_NULL)
        rasid__buf_puts(b, "null");
    else
        rasid__buf_printf(b, "[%lld,%lld]", (long long)sqlite3_column_int64(st, i),
                          (long long)sqlite3_column_int64(st, i + 1));
}

static int prepare(rasid_store *s, const char *sql, sqlite3_stmt **out)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, out, NULL) != SQLITE_OK) {
        *out = NULL;
        return rasid__store_sqlerr(s, "prepare");
    }
    return RASID_OK;
}

static int flush(rasid_store *s, rasid__buf *b, FILE *out)
{
    if (b->err) return b->err;
    if (b->len && fwrite(b->data, 1, b->len, out) != b->len) return rasid__store_fail(s, RASID_IO, "write error");
    b->len = 0;
    return RASID_OK;
}

static int doc_mentions(rasid_store *s, long long id, rasid__buf *b)
{
    static const char *const SQL =
        "SELECT kind, start, end, text, name, entity, ekind, sector, country, role, admin1, lat, lon,"
        " geonameid, value, precision FROM mentions WHERE doc = ?1 ORDER BY start, end, id";
    static const char *const KEYS[] = {"kind",    "start", "end",   "text",  "name",      "entity",
                                       "ekind",   "sector", "country", "role", "admin1",    "lat",
                                       "lon",     "geonameid", "value", "precision"};
    sqlite3_stmt *st;
    int rc = prepare(s, SQL, &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, id);
    rasid__buf_puts(b, ",\"mentions\":[");
    int n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasid__buf_puts(b, n++ ? ",{" : "{");
        int first = 1;
        for (int i = 0; i < (int)(sizeof KEYS / sizeof KEYS[0]); i++) {
            if (i > 3 && sqlite3_column_type(st, i) == SQLITE_NULL) continue; /* keep it small */
            field(b, &first, KEYS[i], st, i);
        }
        rasid__buf_putc(b, '}');
    }
    rasid__buf_putc(b, ']');
    int ok = rc == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok ? RASID_OK : rasid__store_sqlerr(s, "mentions");
}

static int report_actors(rasid_store *s, long long report, rasid__buf *b)
{
    static const char *const SQL =
        "SELECT ea.role, a.name, ea.text, ea.start, ea.end, a.id, a.kind, a.country"
        " FROM event_actors ea JOIN actors a ON a.id = ea.actor"
        " WHERE ea.report = ?1 ORDER BY ea.role, ea.pos";
    static const char *const KEYS[] = {"role", "name", "text", "start", "end", "actor", "kind", "country"};
    sqlite3_stmt *st;
    int rc = prepare(s, SQL, &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, report);
    rasid__buf_puts(b, ",\"actors\":[");
    int n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasid__buf_puts(b, n++ ? ",{" : "{");
        int first = 1;
        for (int i = 0; i < 8; i++) field(b, &first, KEYS[i], st, i);
        rasid__buf_putc(b, '}');
    }
    rasid__buf_putc(b, ']');
    int ok = rc == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok ? RASID_OK : rasid__store_sqlerr(s, "event actors");
}

static int doc_reports(rasid_store *s, long long id, rasid__buf *b)
{
    static const char *const SQL =
        "SELECT r.id, r.event, r.type, r.mode, r.modality, r.summary, r.trigger, r.confidence,"
        " r.date_value, r.dead, r.injured, r.arrested, r.hostages, p.name, p.country,"
        " r.ev_start, r.ev_end, r.trig_start, r.trig_end, r.loc_start, r.loc_end,"
        " r.date_start, r.date_end"
        " FROM event_reports r LEFT JOIN places p ON p.id = r.place"
        " WHERE r.doc = ?1 ORDER BY r.ev_start, r.id";
    static const char *const KEYS[] = {"report", "event",   "type",     "mode",     "modality",
                                       "summary", "trigger", "confidence", "date",   "dead",
                                       "injured", "arrested", "hostages", "place",   "country"};
    sqlite3_stmt *st;
    int rc = prepare(s, SQL, &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, id);
    rasid__buf_puts(b, ",\"reports\":[");
    int n = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasid__buf_puts(b, n++ ? ",{" : "{");
        int first = 1;
        for (int i = 0; i < 15; i++) field(b, &first, KEYS[i], st, i);
        span(b, "evidence", st, 15);
        span(b, "trigger_span", st, 17);
        span(b, "location", st, 19);
        span(b, "date_span", st, 21);
        int r2 = report_actors(s, sqlite3_column_int64(st, 0), b);
        if (r2) {
            sqlite3_finalize(st);
            return r2;
        }
        rasid__buf_putc(b, '}');
    }
    rasid__buf_putc(b, ']');
    int ok = rc == SQLITE_DONE;
    sqlite3_finalize(st);
    return ok ? RASID_OK : rasid__store_sqlerr(s, "reports");
}

int rasid_store_doc(rasid_store *s, const char *ref, FILE *out)
{
    if (!s || !ref || !*ref || !out) return RASID_ARG;
    static const char *const BY_ID = "SELECT id, doc_key, url, title, source, author, published, fetched,"
                                     " text FROM documents WHERE id = ?1";
    static const char *const BY_KEY = "SELECT id, doc_key, url, title, source, author, published, fetched,"
                                      " text FROM documents WHERE doc_key = ?1 ORDER BY id DESC LIMIT 1";
    static const char *const KEYS[] = {"id", "key", "url", "title", "source", "author", "published", "fetched",
                                       "text"};
    int numeric = strlen(ref) <= 18;
    for (const char *p = ref; *p && numeric; p++)
        if (*p < '0' || *p > '9') numeric = 0;
    sqlite3_stmt *st;
    int rc = prepare(s, numeric ? BY_ID : BY_KEY, &st);
    if (rc) return rc;
    if (numeric) sqlite3_bind_int64(st, 1, strtoll(ref, NULL, 10));
    else sqlite3_bind_text(st, 1, ref, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        int done = rc == SQLITE_DONE;
        sqlite3_finalize(st);
        if (done) return rasid__store_fail(s, RASID_NOTFOUND, "no document '%s'", ref);
        return rasid__store_sqlerr(s, "document");
    }
    long long doc_id = sqlite3_column_int64(st, 0);
    rasid__buf b;
    rasid__buf_init(&b, 0);
    rasid__buf_putc(&b, '{');
    int first = 1;
    for (int i = 0; i < 9; i++) field(&b, &first, KEYS[i], st, i);
    sqlite3_finalize(st);
    rc = doc_mentions(s, doc_id, &b);
    if (!rc) rc = doc_reports(s, doc_id, &b);
    rasid__buf_puts(&b, "}\n");
    if (!rc) rc = flush(s, &b, out);
    rasid__buf_free(&b);
    return rc;
}

int rasid_store_places(rasid_store *s, long limit, FILE *out)
{
    if (!s || !out) return RASID_ARG;
    static const char *const SQL =
        "SELECT p.id, p.name, p.text, p.country, p.admin1, p.lat, p.lon, p.geonameid, p.precision,"
        " (SELECT count(*) FROM events e WHERE e.place = p.id) AS n"
        " FROM places p ORDER BY n DESC, p.name, p.id LIMIT ?1";
    static const char *const KEYS[] = {"id",  "name", "text",      "country",   "admin1",
                                       "lat", "lon",  "geonameid", "precision", "events"};
    sqlite3_stmt *st;
    int rc = prepare(s, SQL, &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, limit > 0 ? limit : -1);
    rasid__buf b;
    rasid__buf_init(&b, 0);
    int err = RASID_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasid__buf_putc(&b, '{');
        int first = 1;
        for (int i = 0; i < 10; i++) field(&b, &first, KEYS[i], st, i);
        rasid__buf_puts(&b, "}\n");
        if (b.len > (1u << 16) && (err = flush(s, &b, out)) != RASID_OK) break;
    }
    if (!err && rc != SQLITE_DONE) err = rasid__store_sqlerr(s, "places");
    sqlite3_finalize(st);
    if (!err) err = flush(s, &b, out);
    rasid__buf_free(&b);
    return err;
}

int rasid_store_graph_nodes(rasid_store *s, FILE *out)
{
    if (!s || !out) return RASID_ARG;
    /* the same nodes as rasid_store_graph(): actors of at least one event report */
    static const char *const SQL =
        "SELECT a.id, coalesce(a.name, a.key), a.kind, a.sector, a.country, count(DISTINCT r.event),"
        " (SELECT ea2.text FROM event_actors ea2 WHERE ea2.actor = a.id AND ea2.text IS NOT NULL LIMIT 1)"
        " FROM actors a JOIN event_actors ea ON ea.actor = a.id JOIN event_reports r ON r.id = ea.report"
        " GROUP BY a.id ORDER BY a.id";
    static const char *const KEYS[] = {"id", "name", "kind", "sector", "country", "events", "text"};
    sqlite3_stmt *st;
    int rc = prepare(s, SQL, &st);
    if (rc) return rc;
    rasid__buf b;
    rasid__buf_init(&b, 0);
    int err = RASID_OK;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rasid__buf_putc(&b, '{');
        int first = 1;
        for (int i = 0; i < 7; i++) field(&b, &first, KEYS[i], st, i);
        rasid__buf_puts(&b, "}\n");
        if (b.len > (1u << 16) && (err = flush(s, &b, out)) != RASID_OK) break;
    }
    if (!err && rc != SQLITE_DONE) err = rasid__store_sqlerr(s, "graph nodes");
    sqlite3_finalize(st);
    if (!err) err = flush(s, &b, out);
    rasid__buf_free(&b);
    return err;
}
