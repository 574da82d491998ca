/*
 * query.c — reading the store: event listings and exports, search, one event with its
 * reports, actors, the actor graph, statistics and the integrity check.
 *
 * Events are written through the library's own event writers (rasid_write_events:
 * SCHEMA JSON Lines, ACLED CSV, GDELT TSV, PLOVER): each stored event is rebuilt as a
 * rasid_event inside a small rasid_doc holding its primary report's article text, so that
 * every span and every format is exactly what `rasid extract` writes. JSON Lines records
 * gain a "store" object (event id, reports, documents, the conflicting tolls). GeoJSON,
 * GraphML and DOT are written here with Jansson and XML/DOT escaping.
 */
#include "store/store.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *col_text(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }
static long col_count(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, i);
}
static double col_real(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static int prepare(rasid_store *s, const char *sql, sqlite3_stmt **st)
{
    if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK) {
        *st = NULL;
        return rasid__store_sqlerr(s, "query");
    }
    return RASID_OK;
}

static int out_err(rasid_store *s, FILE *out)
{
    if (ferror(out)) return RASID_IO;
    (void)s;
    return RASID_OK;
}

/* ------------------------------------------------------------ fixed-width cells */
static void cell(FILE *out, const char *s, size_t width)
{
    if (!s) s = "";
    size_t n = strlen(s), cps = 0, cut = n;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
        cps++;
        if (cps == width && cut == n) cut = i;
        i += l;
    }
    size_t upto = cps > width ? cut : n;
    for (size_t k = 0; k < upto; k++) fputc(s[k] == '\t' || s[k] == '\n' || s[k] == '\r' ? ' ' : s[k], out);
    if (cps > width) {
        fputs("\xE2\x80\xA6", out);
        cps = width;
    }
    for (; cps < width; cps++) fputc(' ', out);
}

/* ------------------------------------------------------------ events */
/* Columns of the event listing query (primary report, its document and place). */
#define EVENT_COLS                                                                                        \
    "e.id, e.type, e.mode, e.modality, e.date_value, e.date_precision, e.place_name, e.country, e.lat,"    \
    " e.lon, e.fatalities, e.fatalities_min, e.fatalities_max, e.injured, e.arrested, e.hostages,"        \
    " e.nreports, e.ndocs, e.confidence, e.summary, e.cameo, e.acled_event, e.acled_sub, e.quad,"         \
    " r.id, r.coder_id, r.context, r.date_start, r.date_end, r.loc_start, r.loc_end, r.q_dead,"           \
    " r.q_injured, r.q_arrested, r.q_hostages, r.ev_start, r.ev_end, r.trig_start, r.trig_end,"           \
    " r.trigger, r.dead, d.doc_key, d.text, d.published, p.admin1, p.geonameid, p.precision, p.key,"      \
    " e.admin1, e.place_precision"
enum {
    C_ID, C_TYPE, C_MODE, C_MODALITY, C_DATE, C_DATE_PREC, C_PLACE, C_COUNTRY, C_LAT, C_LON, C_DEAD,
    C_DEAD_MIN, C_DEAD_MAX, C_INJURED, C_ARRESTED, C_HOSTAGES, C_NREPORTS, C_NDOCS, C_CONF, C_SUMMARY,
    C_CAMEO, C_ACLED, C_ACLED_SUB, C_QUAD, C_REPORT, C_CODER_ID, C_CONTEXT, C_DATE_START, C_DATE_END,
    C_LOC_START, C_LOC_END, C_Q_DEAD, C_Q_INJURED, C_Q_ARRESTED, C_Q_HOSTAGES, C_EV_START, C_EV_END,
    C_TRIG_START, C_TRIG_END, C_TRIGGER, C_R_DEAD, C_DOC_KEY, C_TEXT, C_PUBLISHED, C_ADMIN1, C_GEONAMEID,
    C_PLACE_PREC, C_PLACE_KEY, C_E_ADMIN1, C_E_PLACE_PREC
};
#define EVENT_FROM                                                                                        \
    " FROM events e JOIN event_reports r ON r.id = e.primary_report JOIN documents d ON d.id = r.doc"    \
    " LEFT JOIN places p ON p.id = r.place"

static unsigned qualifier_of(const char *s)
{
    static const char *const n[] = {"", "more_than", "less_than", "about", "at_least",
                                    "at_most", "dozens", "hundreds", "thousands", "several"};
    if (!s) return RASID_Q_EXACT;
    for (unsigned i = 1; i < sizeof n / sizeof n[0]; i++)
        if (strcmp(n[i], s) == 0) return i;
    return RASID_Q_EXACT;
}

static const char *adup(rasid_doc *d, const char *s) { return s ? rasid__arena_strdup(&d->arena, s) : NULL; }

/* Load a report's entities into arena arrays. */
static int load_entities(rasid_store *s, rasid_doc *d, long long report, rasid_event *e)
{
    sqlite3_stmt *st = rasid__store_stmt(
        s, ST_EVENT_REPORTS,
        "SELECT ea.role, a.name, ea.text, a.key, a.kind, a.sector, a.country, ea.start, ea.end"
        " FROM event_actors ea JOIN actors a ON a.id = ea.actor WHERE ea.report = ?1 ORDER BY ea.role, ea.pos");
    if (!st) return RASID_STORE;
    sqlite3_bind_int64(st, 1, report);
    size_t cap = 8;
    e->actor = rasid__arena_alloc(&d->arena, cap * sizeof *e->actor);
    e->recipient = rasid__arena_alloc(&d->arena, cap * sizeof *e->recipient);
    if (!e->actor || !e->recipient) return RASID_NOMEM;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int rec = strcmp(col_text(st, 0), "recipient") == 0;
        size_t *n = rec ? &e->nrecipient : &e->nactor;
        rasid_entity *arr = rec ? e->recipient : e->actor;
        if (*n == cap) continue;
        rasid_entity *en = &arr[(*n)++];
        const char *key = col_text(st, 3);
        en->name = adup(d, col_text(st, 1));
        en->text = adup(d, col_text(st, 2));
        en->id = key && strncmp(key, "name:", 5) && strncmp(key, "text:", 5) ? adup(d, key) : NULL;
        en->kind = adup(d, col_text(st, 4));
        en->sector = adup(d, col_text(st, 5));
        en->country = adup(d, col_text(st, 6));
        en->start = (uint32_t)sqlite3_column_int64(st, 7);
        en->end = (uint32_t)sqlite3_column_int64(st, 8);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? RASID_OK : rasid__store_sqlerr(s, "actors");
}

/* Rebuild the event of the current row as a doc holding one event. */
static int row_doc(rasid_store *s, sqlite3_stmt *st, rasid_doc **out)
{
    *out = NULL;
    const char *text = col_text(st, C_TEXT);
    size_t len = (size_t)sqlite3_column_bytes(st, C_TEXT);
    rasid_doc *d = rasid_doc_new(col_text(st, C_DOC_KEY), text ? text : "", len, col_text(st, C_PUBLISHED));
    if (!d) return RASID_NOMEM;
    rasid_event *e = rasid__vec_push(&d->events);
    if (!e) {
        rasid_doc_free(d);
        return RASID_NOMEM;
    }
    snprintf(e->id, sizeof e->id, "E%lld", (long long)sqlite3_column_int64(st, C_ID));
    e->type = adup(d, col_text(st, C_TYPE));
    e->mode = adup(d, col_text(st, C_MODE));
    const char *ctx = col_text(st, C_CONTEXT);
    if (ctx && *ctx) {
        char *c = rasid__arena_strdup(&d->arena, ctx);
        int k = 0;
        for (char *tok = c; c && tok && k < 3;) {
            char *comma = strchr(tok, ',');
            if (comma) *comma = 0;
            e->context[k++] = tok;
            tok = comma ? comma + 1 : NULL;
        }
    }
    e->modality = adup(d, col_text(st, C_MODALITY));
    e->acled_event = adup(d, col_text(st, C_ACLED));
    e->acled_sub = adup(d, col_text(st, C_ACLED_SUB));
    e->cameo = adup(d, col_text(st, C_CAMEO));
    if (col_text(st, C_PLACE)) {
        rasid_mention *m = rasid__arena_alloc(&d->arena, sizeof *m);
        if (!m) goto nomem;
        m->kind = RASID_M_PLACE;
        m->precision = (uint8_t)rasid__precision_of(col_text(st, C_PLACE_PREC));
        m->start = (uint32_t)sqlite3_column_int64(st, C_LOC_START);
        m->end = (uint32_t)sqlite3_column_int64(st, C_LOC_END);
        m->name = adup(d, col_text(st, C_PLACE));
        m->country = adup(d, col_text(st, C_COUNTRY));
        m->admin1 = adup(d, col_text(st, C_ADMIN1));
        m->lat = col_real(st, C_LAT);
        m->lon = col_real(st, C_LON);
        m->geonameid = sqlite3_column_int64(st, C_GEONAMEID);
        e->location = m;
    }
    if (col_text(st, C_DATE)) {
        rasid_mention *m = rasid__arena_alloc(&d->arena, sizeof *m);
        if (!m) goto nomem;
        m->kind = RASID_M_DATE;
        m->precision = (uint8_t)rasid__precision_of(col_text(st, C_DATE_PREC));
        m->start = (uint32_t)sqlite3_column_int64(st, C_DATE_START);
        m->end = (uint32_t)sqlite3_column_int64(st, C_DATE_END);
        snprintf(m->value, sizeof m->value, "%s", col_text(st, C_DATE));
        e->date = m;
    }
    e->dead = col_count(st, C_DEAD);
    e->injured = col_count(st, C_INJURED);
    e->arrested = col_count(st, C_ARRESTED);
    e->hostages = col_count(st, C_HOSTAGES);
    /* the primary's qualifier applies when the summary toll is its own */
    e->q_dead = col_count(st, C_R_DEAD) == e->dead ? (uint8_t)qualifier_of(col_text(st, C_Q_DEAD)) : RASID_Q_EXACT;
    e->q_injured = (uint8_t)qualifier_of(col_text(st, C_Q_INJURED));
    e->q_arrested = (uint8_t)qualifier_of(col_text(st, C_Q_ARRESTED));
    e->q_hostages = (uint8_t)qualifier_of(col_text(st, C_Q_HOSTAGES));
    e->ev_start = (uint32_t)sqlite3_column_int64(st, C_EV_START);
    e->ev_end = (uint32_t)sqlite3_column_int64(st, C_EV_END);
    e->trig_start = (uint32_t)sqlite3_column_int64(st, C_TRIG_START);
    e->trig_end = (uint32_t)sqlite3_column_int64(st, C_TRIG_END);
    e->trigger_text = adup(d, col_text(st, C_TRIGGER));
    e->confidence = sqlite3_column_double(st, C_CONF);
    e->summary = adup(d, col_text(st, C_SUMMARY));
    int rc = load_entities(s, d, sqlite3_column_int64(st, C_REPORT), e);
    if (rc) {
        rasid_doc_free(d);
        return rc;
    }
    *out = d;
    return RASID_OK;
nomem:
    rasid_doc_free(d);
    return RASID_NOMEM;
}

/* The "store" object of an event: ids, counts, and every source with its toll. */
static json_t *store_object(rasid_store *s, sqlite3_stmt *row)
{
    long long id = sqlite3_column_int64(row, C_ID);
    json_t *o = json_object();
    json_t *srcs = json_array();
    if (!o || !srcs) {
        json_decref(o);
        json_decref(srcs);
        return NULL;
    }
    json_object_set_new(o, "event", json_integer(id));
    json_object_set_new(o, "reports", json_integer(sqlite3_column_int64(row, C_NREPORTS)));
    json_object_set_new(o, "documents", json_integer(sqlite3_column_int64(row, C_NDOCS)));
    long mn = col_count(row, C_DEAD_MIN), mx = col_count(row, C_DEAD_MAX);
    json_object_set_new(o, "fatalities_min", mn >= 0 ? json_integer(mn) : json_null());
    json_object_set_new(o, "fatalities_max", mx >= 0 ? json_integer(mx) : json_null());
    sqlite3_stmt *st;
    if (prepare(s, "SELECT d.doc_key, d.url, r.coder_id, r.dead, r.injured FROM event_reports r"
                   " JOIN documents d ON d.id = r.doc WHERE r.event = ?1 ORDER BY r.id", &st) == RASID_OK) {
        sqlite3_bind_int64(st, 1, id);
        while (sqlite3_step(st) == SQLITE_ROW) {
            long dead = col_count(st, 3), inj = col_count(st, 4);
            json_array_append_new(srcs, json_pack("{s:s?, s:s?, s:s?, s:o, s:o}", "doc", col_text(st, 0), "url",
                                                  col_text(st, 1), "report", col_text(st, 2), "dead",
                                                  dead >= 0 ? json_integer(dead) : json_null(), "injured",
                                                  inj >= 0 ? json_integer(inj) : json_null()));
        }
        sqlite3_finalize(st);
    }
    json_object_set_new(o, "sources", srcs);
    return o;
}

static int write_event_row(rasid_store *s, sqlite3_stmt *st, rasid_store_format fmt, FILE *out)
{
    rasid_doc *d;
    int rc = row_doc(s, st, &d);
    if (rc) return rc;
    rasid_format wf = fmt == RASID_SFMT_CSV ? RASID_FMT_CSV
                      : fmt == RASID_SFMT_TSV ? RASID_FMT_TSV
                      : fmt == RASID_SFMT_PLOVER ? RASID_FMT_PLOVER : RASID_FMT_JSONL;
    if (wf != RASID_FMT_JSONL) {
        rc = rasid_write_events(out, d, wf, 0);
        rasid_doc_free(d);
        return rc;
    }
    char *buf = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&buf, &len);
    if (!mf) {
        rasid_doc_free(d);
        return RASID_NOMEM;
    }
    rc = rasid_write_events(mf, d, wf, 0);
    if (fclose(mf) != 0 && rc == RASID_OK) rc = RASID_NOMEM;
    rasid_doc_free(d);
    if (rc == RASID_OK && len >= 2 && buf[len - 1] == '\n' && buf[len - 2] == '}') {
        json_t *o = store_object(s, st);
        char *js = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
        json_decref(o);
        if (!js) rc = RASID_NOMEM;
        else if (fwrite(buf, 1, len - 2, out) != len - 2 || fprintf(out, ",\"store\":%s}\n", js) < 0) rc = RASID_IO;
        free(js);
    } else if (rc == RASID_OK) {
        if (fwrite(buf, 1, len, out) != len) rc = RASID_IO;
    }
    free(buf);
    return rc;
}

static void names_of(rasid_store *s, long long report, const char *role, char *out, size_t n)
{
    sqlite3_stmt *st;
    out[0] = 0;
    if (prepare(s, "SELECT coalesce(a.name, ea.text) FROM event_actors ea JOIN actors a ON a.id = ea.actor"
                   " WHERE ea.report = ?1 AND ea.role = ?2 ORDER BY ea.pos", &st))
        return;
    sqlite3_bind_int64(st, 1, report);
    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
    size_t used = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        int k = snprintf(out + used, n - used, "%s%s", used ? " + " : "", col_text(st, 0) ? col_text(st, 0) : "?");
        if (k < 0 || (size_t)k >= n - used) break;
        used += (size_t)k;
    }
    sqlite3_finalize(st);
    if (!used) snprintf(out, n, "-");
}

static void table_header(FILE *out)
{
    cell(out, "ID", 6);
    fputc(' ', out);
    cell(out, "DATE", 10);
    fputc(' ', out);
    cell(out, "TYPE/MODE", 22);
    fputc(' ', out);
    cell(out, "ACTOR", 24);
    fputc(' ', out);
    cell(out, "RECIPIENT", 24);
    fputc(' ', out);
    cell(out, "LOCATION", 18);
    fputs("  DEAD REPORTS\n", out);
}

static void table_row(rasid_store *s, sqlite3_stmt *st, FILE *out)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%lld", (long long)sqlite3_column_int64(st, C_ID));
    cell(out, buf, 6);
    fputc(' ', out);
    cell(out, col_text(st, C_DATE) ? col_text(st, C_DATE) : "-", 10);
    fputc(' ', out);
    snprintf(buf, sizeof buf, "%s%s%s", col_text(st, C_TYPE), col_text(st, C_MODE) ? "/" : "",
             col_text(st, C_MODE) ? col_text(st, C_MODE) : "");
    cell(out, buf, 22);
    fputc(' ', out);
    long long rep = sqlite3_column_int64(st, C_REPORT);
    names_of(s, rep, "actor", buf, sizeof buf);
    cell(out, buf, 24);
    fputc(' ', out);
    names_of(s, rep, "recipient", buf, sizeof buf);
    cell(out, buf, 24);
    fputc(' ', out);
    if (col_text(st, C_PLACE))
        snprintf(buf, sizeof buf, "%s%s%s", col_text(st, C_PLACE), col_text(st, C_COUNTRY) ? ", " : "",
                 col_text(st, C_COUNTRY) ? col_text(st, C_COUNTRY) : "");
    else
        snprintf(buf, sizeof buf, "-");
    cell(out, buf, 18);
    long dead = col_count(st, C_DEAD), mn = col_count(st, C_DEAD_MIN);
    if (dead >= 0 && mn >= 0 && mn != dead) snprintf(buf, sizeof buf, "%ld-%ld", mn, dead);
    else if (dead >= 0) snprintf(buf, sizeof buf, "%ld", dead);
    else snprintf(buf, sizeof buf, "-");
    fprintf(out, " %5s %7lld", buf, (long long)sqlite3_column_int64(st, C_NREPORTS));
    const char *mod = col_text(st, C_MODALITY);
    if (mod && strcmp(mod, "asserted")) fprintf(out, " %s", mod);
    fputc('\n', out);
    if (col_text(st, C_SUMMARY)) fprintf(out, "       %s\n", col_text(st, C_SUMMARY));
}

static json_t *names_json(rasid_store *s, long long report, const char *role)
{
    json_t *a = json_array();
    sqlite3_stmt *st;
    if (!a || prepare(s, "SELECT coalesce(a.name, ea.text) FROM event_actors ea JOIN actors a ON a.id = ea.actor"
                         " WHERE ea.report = ?1 AND ea.role = ?2 ORDER BY ea.pos", &st))
        return a;
    sqlite3_bind_int64(st, 1, report);
    sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) json_array_append_new(a, json_string(col_text(st, 0) ? col_text(st, 0) : "?"));
    sqlite3_finalize(st);
    return a;
}

static json_t *count_or_null(long v) { return v >= 0 ? json_integer(v) : json_null(); }

static int geojson_feature(rasid_store *s, sqlite3_stmt *st, FILE *out, int first)
{
    double lat = col_real(st, C_LAT), lon = col_real(st, C_LON);
    if (isnan(lat) || isnan(lon)) return 0;
    long long rep = sqlite3_column_int64(st, C_REPORT);
    json_t *props = json_pack(
        "{s:I, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:o, s:o, s:o, s:I, s:I, s:o, s:o, s:s?, s:s?, s:s?,"
        " s:s?, s:f}",
        "id", (json_int_t)sqlite3_column_int64(st, C_ID), "type", col_text(st, C_TYPE), "mode", col_text(st, C_MODE),
        "modality", col_text(st, C_MODALITY), "date", col_text(st, C_DATE), "date_precision",
        col_text(st, C_DATE_PREC), "place", col_text(st, C_PLACE), "country", col_text(st, C_COUNTRY), "admin1",
        col_text(st, C_E_ADMIN1), "fatalities", count_or_null(col_count(st, C_DEAD)), "fatalities_min",
        count_or_null(col_count(st, C_DEAD_MIN)), "fatalities_max", count_or_null(col_count(st, C_DEAD_MAX)),
        "reports", (json_int_t)sqlite3_column_int64(st, C_NREPORTS), "documents",
        (json_int_t)sqlite3_column_int64(st, C_NDOCS), "actors", names_json(s, rep, "actor"), "recipients",
        names_json(s, rep, "recipient"), "cameo", col_text(st, C_CAMEO), "acled_event_type", col_text(st, C_ACLED),
        "acled_sub_event_type", col_text(st, C_ACLED_SUB), "summary", col_text(st, C_SUMMARY), "confidence",
        sqlite3_column_double(st, C_CONF));
    json_t *f = props ? json_pack("{s:s, s:{s:s, s:[f, f]}, s:o}", "type", "Feature", "geometry", "type", "Point",
                                  "coordinates", lon, lat, "properties", props)
                      : NULL;
    char *js = f ? json_dumps(f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(7)) : NULL;
    json_decref(f);
    if (!js) return RASID_NOMEM;
    int rc = fprintf(out, "%s%s", first ? "\n" : ",\n", js) < 0 ? RASID_IO : 1;
    free(js);
    return rc;
}

/* Resolve --near: "LAT,LON" or a stored place name. */
static int resolve_place(rasid_store *s, const char *near, double *lat, double *lon)
{
    char *end;
    double a = strtod(near, &end);
    if (end != near && *end == ',') {
        char *end2;
        double b = strtod(end + 1, &end2);
        if (end2 != end + 1 && *end2 == 0 && fabs(a) <= 90 && fabs(b) <= 180) {
            *lat = a;
            *lon = b;
            return RASID_OK;
        }
    }
    sqlite3_stmt *st;
    int rc = prepare(s,
                     "SELECT lat, lon FROM (SELECT lat, lon, precision FROM places WHERE (name = ?1 COLLATE NOCASE"
                     " OR text = ?1) AND lat IS NOT NULL UNION ALL SELECT lat, lon, precision FROM mentions"
                     " WHERE kind = 'place' AND (name = ?1 COLLATE NOCASE OR text = ?1) AND lat IS NOT NULL)"
                     " ORDER BY CASE precision WHEN 'city' THEN 0 WHEN 'site' THEN 1 WHEN 'admin2' THEN 2"
                     " WHEN 'admin1' THEN 3 ELSE 4 END LIMIT 1",
                     &st);
    if (rc) return rc;
    sqlite3_bind_text(st, 1, near, -1, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *lat = sqlite3_column_double(st, 0);
        *lon = sqlite3_column_double(st, 1);
        rc = RASID_OK;
    } else {
        rc = rasid__store_fail(s, RASID_ARG, "unknown place '%s' (a place named in stored articles, or LAT,LON)", near);
    }
    sqlite3_finalize(st);
    return rc;
}

static int period(rasid_store *s, const char *v, const char *what, long *lo, long *hi)
{
    size_t n = strlen(v);
    if ((n != 4 && n != 7 && n != 10) || !rasid__date_range(v, RASID_P_DAY, lo, hi))
        return rasid__store_fail(s, RASID_ARG, "invalid %s date '%s' (expected YYYY, YYYY-MM or YYYY-MM-DD)", what, v);
    return RASID_OK;
}

int rasid_store_events(rasid_store *s, const rasid_event_query *q, rasid_store_format fmt, FILE *out)
{
    rasid_event_query none;
    memset(&none, 0, sizeof none);
    if (!q) q = &none;
    if (fmt != RASID_SFMT_TABLE && fmt != RASID_SFMT_JSONL && fmt != RASID_SFMT_CSV && fmt != RASID_SFMT_TSV &&
        fmt != RASID_SFMT_PLOVER && fmt != RASID_SFMT_GEOJSON)
        return rasid__store_fail(s, RASID_ARG, "this format does not apply to events");
    rasid__buf sql;
    rasid__buf_init(&sql, 1 << 16);
    rasid__buf_puts(&sql, "SELECT " EVENT_COLS EVENT_FROM " WHERE 1");
    long since_lo = 0, since_hi = 0, until_lo = 0, until_hi = 0;
    double nlat = 0, nlon = 0;
    int rc = RASID_OK;
    if (q->since && (rc = period(s, q->since, "--since", &since_lo, &since_hi))) goto done;
    if (q->until && (rc = period(s, q->until, "--until", &until_lo, &until_hi))) goto done;
    if (q->near && (rc = resolve_place(s, q->near, &nlat, &nlon))) goto done;
    if (q->type) rasid__buf_puts(&sql, " AND e.type = upper(?1)");
    if (q->country) rasid__buf_puts(&sql, " AND e.country = upper(?2)");
    if (q->since) rasid__buf_puts(&sql, " AND e.date_hi >= ?3");
    if (q->until) rasid__buf_puts(&sql, " AND e.date_lo <= ?4");
    if (q->actor)
        rasid__buf_puts(&sql, " AND EXISTS (SELECT 1 FROM event_reports r2 JOIN event_actors ea ON ea.report = r2.id"
                              " JOIN actors a ON a.id = ea.actor WHERE r2.event = e.id AND (a.name LIKE ?5"
                              " OR a.key = ?6 OR ea.text = ?6))");
    if (q->near)
        rasid__buf_puts(&sql, " AND e.lat BETWEEN ?7 - ?9 / 111.0 AND ?7 + ?9 / 111.0"
                              " AND rasid_km(e.lat, e.lon, ?7, ?8) <= ?9");
    rasid__buf_puts(&sql, " ORDER BY e.date_lo IS NULL, e.date_lo, e.id");
    if (q->limit > 0) rasid__buf_printf(&sql, " LIMIT %ld", q->limit);
    if (sql.err) {
        rc = RASID_NOMEM;
        goto done;
    }
    sqlite3_stmt *st;
    if ((rc = prepare(s, sql.data, &st))) goto done;
    if (q->type) sqlite3_bind_text(st, 1, q->type, -1, SQLITE_STATIC);
    if (q->country) sqlite3_bind_text(st, 2, q->country, -1, SQLITE_STATIC);
    if (q->since) sqlite3_bind_int64(st, 3, since_lo);
    if (q->until) sqlite3_bind_int64(st, 4, until_hi);
    if (q->actor) {
        char *pat = sqlite3_mprintf("%%%s%%", q->actor);
        if (!pat) {
            sqlite3_finalize(st);
            rc = RASID_NOMEM;
            goto done;
        }
        sqlite3_bind_text(st, 5, pat, -1, sqlite3_free);
        sqlite3_bind_text(st, 6, q->actor, -1, SQLITE_STATIC);
    }
    if (q->near) {
        sqlite3_bind_double(st, 7, nlat);
        sqlite3_bind_double(st, 8, nlon);
        sqlite3_bind_double(st, 9, q->near_km > 0 ? q->near_km : 25.0);
    }
    if (fmt == RASID_SFMT_TABLE) table_header(out);
    if (fmt == RASID_SFMT_CSV || fmt == RASID_SFMT_TSV) {
        rasid_doc *empty = rasid_doc_new("", "", 0, NULL);
        if (!empty) rc = RASID_NOMEM;
        else rc = rasid_write_events(out, empty, fmt == RASID_SFMT_CSV ? RASID_FMT_CSV : RASID_FMT_TSV, 1);
        rasid_doc_free(empty);
    }
    if (fmt == RASID_SFMT_GEOJSON) fputs("{\"type\":\"FeatureCollection\",\"features\":[", out);
    int first = 1, r = SQLITE_ROW;
    while (rc == RASID_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
        if (fmt == RASID_SFMT_TABLE) {
            table_row(s, st, out);
        } else if (fmt == RASID_SFMT_GEOJSON) {
            int k = geojson_feature(s, st, out, first);
            if (k < 0) rc = k;
            else if (k > 0) first = 0;
        } else {
            rc = write_event_row(s, st, fmt, out);
        }
        if (rc == RASID_OK && ferror(out)) rc = RASID_IO;
    }
    if (rc == RASID_OK && r != SQLITE_DONE) rc = rasid__store_sqlerr(s, "events");
    sqlite3_finalize(st);
    if (fmt == RASID_SFMT_GEOJSON && rc == RASID_OK) fputs(first ? "]}\n" : "\n]}\n", out);
    if (rc == RASID_OK) rc = out_err(s, out);
done:
    rasid__buf_free(&sql);
    return rc;
}

/* ------------------------------------------------------------ search */
static int has_latin(const char *q)
{
    for (; *q; q++)
        if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z')) return 1;
    return 0;
}

static void quote_phrase(rasid__buf *b, const char *s, size_t n)
{
    rasid__buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') rasid__buf_putc(b, '"');
        rasid__buf_putc(b, s[i]);
    }
    rasid__buf_putc(b, '"');
}

/* Arabic surface forms of stored entities whose English name matches q. */
static int name_forms(rasid_store *s, const char *q, rasid__buf *expr)
{
    sqlite3_stmt *st;
    int n = 0;
    for (int pass = 0; pass < 2 && n == 0; pass++) {
        if (prepare(s, pass == 0 ? "SELECT DISTINCT text FROM mentions WHERE name = ?1 COLLATE NOCASE AND text IS NOT NULL"
                                   " ORDER BY text LIMIT 40"
                                 : "SELECT DISTINCT text FROM mentions WHERE name LIKE '%' || ?1 || '%' AND"
                                   " text IS NOT NULL ORDER BY text LIMIT 40",
                    &st))
            return -1;
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *t = col_text(st, 0);
            if (!t || !*t) continue;
            rasid__buf_puts(expr, " OR ");
            quote_phrase(expr, t, strlen(t));
            n++;
        }
        sqlite3_finalize(st);
    }
    return n;
}

static int run_search(rasid_store *s, const char *expr, long limit, int jsonl, FILE *out, int *err_syntax)
{
    sqlite3_stmt *st;
    *err_syntax = 0;
    const char *open = jsonl ? "<b>" : "[", *close = jsonl ? "</b>" : "]";
    /* ORDER BY rank (bm25) is consumed by FTS5 itself: no sorter, so snippet() runs for the
     * rows returned only, not for every match */
    if (prepare(s, "SELECT d.id, d.doc_key, d.url, d.title, d.published, rank,"
                   " snippet(documents_fts, 1, ?3, ?4, '\xE2\x80\xA6', 24)"
                   " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
                   " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2", &st))
        return RASID_STORE;
    sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 2, limit);
    sqlite3_bind_text(st, 3, open, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, close, -1, SQLITE_STATIC);
    int r, n = 0, rc = RASID_OK;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        n++;
        if (jsonl) {
            json_t *o = json_pack("{s:I, s:s?, s:s?, s:s?, s:s?, s:f, s:s?}", "doc_id",
                                  (json_int_t)sqlite3_column_int64(st, 0), "doc", col_text(st, 1), "url",
                                  col_text(st, 2), "title", col_text(st, 3), "published", col_text(st, 4), "score",
                                  -sqlite3_column_double(st, 5), "snippet", col_text(st, 6));
            char *js = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) : NULL;
            json_decref(o);
            if (!js) {
                rc = RASID_NOMEM;
                break;
            }
            fprintf(out, "%s\n", js);
            free(js);
        } else {
            fprintf(out, "%3d. %s  %s  score %.2f", n, col_text(st, 1), col_text(st, 4) ? col_text(st, 4) : "-",
                    -sqlite3_column_double(st, 5));
            if (col_text(st, 3)) fprintf(out, "  %s", col_text(st, 3));
            if (col_text(st, 2)) fprintf(out, "\n     %s", col_text(st, 2));
            const char *snip = col_text(st, 6);
            fputs("\n     ", out);
            for (const char *p = snip ? snip : ""; *p; p++) fputc(*p == '\n' || *p == '\r' ? ' ' : *p, out);
            fputc('\n', out);
        }
    }
    if (r != SQLITE_DONE && rc == RASID_OK) {
        const char *m = sqlite3_errmsg(s->db);
        if (strstr(m, "syntax") || strstr(m, "no such column") || strstr(m, "unterminated") || strstr(m, "unknown special query"))
            *err_syntax = 1;
        rc = rasid__store_sqlerr(s, "search");
    }
    sqlite3_finalize(st);
    return rc ? rc : n;
}

int rasid_store_search(rasid_store *s, const char *query, long limit, rasid_store_format fmt, FILE *out)
{
    if (!query || !*query) return rasid__store_fail(s, RASID_ARG, "empty search query");
    if (fmt != RASID_SFMT_TABLE && fmt != RASID_SFMT_JSONL)
        return rasid__store_fail(s, RASID_ARG, "search writes table or jsonl");
    if (limit <= 0) limit = 20;
    rasid__buf expr;
    rasid__buf_init(&expr, 1 << 16);
    int rc = RASID_OK;
    for (int attempt = 0; attempt < 2; attempt++) {
        expr.len = 0;
        if (attempt == 0) {
            rasid__buf_putc(&expr, '(');
            rasid__buf_puts(&expr, query);
            rasid__buf_putc(&expr, ')');
        } else { /* plain words */
            const char *p = query;
            int any = 0;
            while (*p) {
                while (*p == ' ' || *p == '\t') p++;
                const char *w = p;
                while (*p && *p != ' ' && *p != '\t') p++;
                if (p > w) {
                    if (any) rasid__buf_putc(&expr, ' ');
                    quote_phrase(&expr, w, (size_t)(p - w));
                    any = 1;
                }
            }
            if (!any) quote_phrase(&expr, query, strlen(query));
        }
        if (has_latin(query) && name_forms(s, query, &expr) < 0) {
            rc = RASID_STORE;
            break;
        }
        if (expr.err) {
            rc = RASID_NOMEM;
            break;
        }
        rasid__buf_putc(&expr, 0);
        int syntax = 0;
        rc = run_search(s, expr.data, limit, fmt == RASID_SFMT_JSONL, out, &syntax);
        if (rc >= 0 || !syntax) break;
    }
    rasid__buf_free(&expr);
    if (rc > 0) rc = RASID_OK;
    if (rc == RASID_OK) rc = out_err(s, out);
    return rc;
}

/* ------------------------------------------------------------ show */
static void span_json(json_t *o, const char *key, const char *text, size_t len, long start, long end)
{
    if (start < 0 || end <= start || (size_t)end > len) return;
    json_object_set_new(o, key, json_stringn(text + start, (size_t)(end - start)));
}

int rasid_store_show(rasid_store *s, const char *event_id, rasid_store_format fmt, FILE *out)
{
    if (!event_id) return RASID_ARG;
    const char *p = event_id[0] == 'E' || event_id[0] == 'e' ? event_id + 1 : event_id;
    char *end;
    long long id = strtoll(p, &end, 10);
    if (end == p || *end) return rasid__store_fail(s, RASID_ARG, "invalid event id '%s' (a number, as in 'rasid events')", event_id);
    if (fmt != RASID_SFMT_TABLE && fmt != RASID_SFMT_JSONL)
        return rasid__store_fail(s, RASID_ARG, "show writes table or jsonl");
    sqlite3_stmt *ev;
    int rc = prepare(s, "SELECT " EVENT_COLS EVENT_FROM " WHERE e.id = ?1", &ev);
    if (rc) return rc;
    sqlite3_bind_int64(ev, 1, id);
    if (sqlite3_step(ev) != SQLITE_ROW) {
        sqlite3_finalize(ev);
        return rasid__store_fail(s, RASID_NOTFOUND, "no event %s", event_id);
    }
    sqlite3_stmt *st;
    if ((rc = prepare(s,
                      "SELECT r.id, r.coder_id, d.doc_key, d.url, d.title, d.published, r.type, r.mode, r.modality,"
                      " r.date_value, r.date_precision, p.name, p.country, r.dead, r.injured, r.arrested, r.hostages,"
                      " r.q_dead, r.confidence, r.summary, d.text, r.ev_start, r.ev_end, r.date_start, r.date_end,"
                      " r.loc_start, r.loc_end, r.trig_start, r.trig_end, p.lat, p.lon"
                      " FROM event_reports r JOIN documents d ON d.id = r.doc LEFT JOIN places p ON p.id = r.place"
                      " WHERE r.event = ?1 ORDER BY r.id",
                      &st))) {
        sqlite3_finalize(ev);
        return rc;
    }
    sqlite3_bind_int64(st, 1, id);
    long long primary = sqlite3_column_int64(ev, C_REPORT);
    json_t *reports = fmt == RASID_SFMT_JSONL ? json_array() : NULL;
    if (fmt == RASID_SFMT_TABLE) {
        const char *mode = col_text(ev, C_MODE);
        fprintf(out, "Event %lld: %s%s%s (%s)", id, col_text(ev, C_TYPE), mode ? "/" : "", mode ? mode : "",
                col_text(ev, C_MODALITY));
        if (col_text(ev, C_ACLED))
            fprintf(out, "  ACLED: %s / %s", col_text(ev, C_ACLED), col_text(ev, C_ACLED_SUB) ? col_text(ev, C_ACLED_SUB) : "-");
        if (col_text(ev, C_CAMEO)) fprintf(out, "  CAMEO %s", col_text(ev, C_CAMEO));
        fprintf(out, "\nDate:       %s (%s)\n", col_text(ev, C_DATE) ? col_text(ev, C_DATE) : "-",
                col_text(ev, C_DATE_PREC) ? col_text(ev, C_DATE_PREC) : "none");
        if (col_text(ev, C_PLACE)) {
            fprintf(out, "Place:      %s", col_text(ev, C_PLACE));
            if (col_text(ev, C_E_ADMIN1)) fprintf(out, ", %s", col_text(ev, C_E_ADMIN1));
            if (col_text(ev, C_COUNTRY)) fprintf(out, ", %s", col_text(ev, C_COUNTRY));
            if (!isnan(col_real(ev, C_LAT))) fprintf(out, " (%.4f, %.4f)", col_real(ev, C_LAT), col_real(ev, C_LON));
            fprintf(out, " [%s]\n", col_text(ev, C_E_PLACE_PREC) ? col_text(ev, C_E_PLACE_PREC) : "?");
        } else {
            fputs("Place:      -\n", out);
        }
        long dead = col_count(ev, C_DEAD), mn = col_count(ev, C_DEAD_MIN);
        if (dead >= 0) {
            fprintf(out, "Fatalities: %ld", dead);
            if (mn >= 0 && mn != dead) fprintf(out, " (reports say %ld to %ld)", mn, dead);
            fputc('\n', out);
        }
        fprintf(out, "Reports:    %lld from %lld document%s\n", (long long)sqlite3_column_int64(ev, C_NREPORTS),
                (long long)sqlite3_column_int64(ev, C_NDOCS), sqlite3_column_int64(ev, C_NDOCS) == 1 ? "" : "s");
        if (col_text(ev, C_SUMMARY)) fprintf(out, "Summary:    %s\n", col_text(ev, C_SUMMARY));
    }
    int r, k = 0;
    char names[512];
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        long long rep = sqlite3_column_int64(st, 0);
        const char *text = col_text(st, 20);
        size_t len = (size_t)sqlite3_column_bytes(st, 20);
        long es = (long)sqlite3_column_int64(st, 21), ee = (long)sqlite3_column_int64(st, 22);
        k++;
        if (fmt == RASID_SFMT_TABLE) {
            fprintf(out, "\nReport %d%s: %s (document %s", k, rep == primary ? " (primary)" : "", col_text(st, 1),
                    col_text(st, 2));
            if (col_text(st, 5)) fprintf(out, ", published %s", col_text(st, 5));
            fputs(")\n", out);
            if (col_text(st, 4)) fprintf(out, "  title:     %s\n", col_text(st, 4));
            if (col_text(st, 3)) fprintf(out, "  url:       %s\n", col_text(st, 3));
            fprintf(out, "  type:      %s%s%s, %s\n", col_text(st, 6), col_text(st, 7) ? "/" : "",
                    col_text(st, 7) ? col_text(st, 7) : "", col_text(st, 8));
            fprintf(out, "  date:      %s", col_text(st, 9) ? col_text(st, 9) : "-");
            long ds = (long)sqlite3_column_int64(st, 23), de = (long)sqlite3_column_int64(st, 24);
            if (col_text(st, 9) && de > ds && (size_t)de <= len) fprintf(out, " \"%.*s\"", (int)(de - ds), text + ds);
            fprintf(out, "\n  place:     %s", col_text(st, 11) ? col_text(st, 11) : "-");
            long ls = (long)sqlite3_column_int64(st, 25), le = (long)sqlite3_column_int64(st, 26);
            if (col_text(st, 11) && le > ls && (size_t)le <= len) fprintf(out, " \"%.*s\"", (int)(le - ls), text + ls);
            names_of(s, rep, "actor", names, sizeof names);
            fprintf(out, "\n  actor:     %s\n", names);
            names_of(s, rep, "recipient", names, sizeof names);
            fprintf(out, "  recipient: %s\n", names);
            fputs("  counts:   ", out);
            const char *cn[] = {"dead", "injured", "arrested", "hostages"};
            int any = 0;
            for (int i = 0; i < 4; i++) {
                long v = col_count(st, 13 + i);
                if (v < 0) continue;
                fprintf(out, "%s %s %ld", any ? "," : "", cn[i], v);
                if (i == 0 && col_text(st, 17)) fprintf(out, " (%s)", col_text(st, 17));
                any = 1;
            }
            fputs(any ? "\n" : " -\n", out);
            if (ee > es && (size_t)ee <= len) {
                fputs("  evidence:  ", out);
                for (long i = es; i < ee; i++) fputc(text[i] == '\n' || text[i] == '\r' ? ' ' : text[i], out);
                fputc('\n', out);
            }
        } else {
            json_t *o = json_pack("{s:s?, s:s?, s:s?, s:s?, s:s?, s:b, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?, s:s?,"
                                  " s:o, s:o, s:o, s:o, s:s?, s:f, s:s?}",
                                  "report", col_text(st, 1), "doc", col_text(st, 2), "url", col_text(st, 3), "title",
                                  col_text(st, 4), "published", col_text(st, 5), "primary", rep == primary, "type",
                                  col_text(st, 6), "mode", col_text(st, 7), "modality", col_text(st, 8), "date",
                                  col_text(st, 9), "date_precision", col_text(st, 10), "place", col_text(st, 11),
                                  "country", col_text(st, 12), "dead", count_or_null(col_count(st, 13)), "injured",
                                  count_or_null(col_count(st, 14)), "arrested", count_or_null(col_count(st, 15)),
                                  "hostages", count_or_null(col_count(st, 16)), "dead_qualifier", col_text(st, 17),
                                  "confidence", sqlite3_column_double(st, 18), "summary", col_text(st, 19));
            if (!o) continue;
            json_object_set_new(o, "actor", names_json(s, rep, "actor"));
            json_object_set_new(o, "recipient", names_json(s, rep, "recipient"));
            span_json(o, "date_text", text, len, (long)sqlite3_column_int64(st, 23), (long)sqlite3_column_int64(st, 24));
            span_json(o, "place_text", text, len, (long)sqlite3_column_int64(st, 25), (long)sqlite3_column_int64(st, 26));
            span_json(o, "trigger", text, len, (long)sqlite3_column_int64(st, 27), (long)sqlite3_column_int64(st, 28));
            json_t *evd = json_pack("{s:i, s:i}", "start", (int)es, "end", (int)ee);
            span_json(evd, "text", text, len, es, ee);
            json_object_set_new(o, "evidence", evd);
            json_array_append_new(reports, o);
        }
    }
    if (r != SQLITE_DONE) rc = rasid__store_sqlerr(s, "show");
    sqlite3_finalize(st);
    if (fmt == RASID_SFMT_JSONL && rc == RASID_OK) {
        /* the event as exported, then its reports */
        char *buf = NULL;
        size_t len = 0;
        FILE *mf = open_memstream(&buf, &len);
        if (!mf) rc = RASID_NOMEM;
        else {
            rc = write_event_row(s, ev, RASID_SFMT_JSONL, mf);
            fclose(mf);
        }
        json_error_t je;
        json_t *o = rc == RASID_OK ? json_loadb(buf, len, 0, &je) : NULL;
        free(buf);
        if (!o) {
            if (rc == RASID_OK) rc = RASID_NOMEM;
        } else {
            json_object_set(o, "reports", reports);
            char *js = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
            if (js) fprintf(out, "%s\n", js);
            else rc = RASID_NOMEM;
            free(js);
            json_decref(o);
        }
    }
    json_decref(reports);
    sqlite3_finalize(ev);
    if (rc == RASID_OK) rc = out_err(s, out);
    return rc;
}

/* ------------------------------------------------------------ actors */
int rasid_store_actors(rasid_store *s, long limit, rasid_store_format fmt, FILE *out)
{
    if (fmt != RASID_SFMT_TABLE && fmt != RASID_SFMT_JSONL)
        return rasid__store_fail(s, RASID_ARG, "actors writes table or jsonl");
    sqlite3_stmt *st;
    int rc = prepare(s,
                     "SELECT a.id, a.name, a.key, a.kind, a.sector, a.country,"
                     " count(DISTINCT CASE WHEN ea.role = 'actor' THEN r.event END),"
                     " count(DISTINCT CASE WHEN ea.role = 'recipient' THEN r.event END),"
                     " count(DISTINCT r.event) AS n, count(DISTINCT r.doc)"
                     " FROM actors a JOIN event_actors ea ON ea.actor = a.id JOIN event_reports r ON r.id = ea.report"
                     " GROUP BY a.id ORDER BY n DESC, a.name, a.id LIMIT ?1",
                     &st);
    if (rc) return rc;
    sqlite3_bind_int64(st, 1, limit > 0 ? limit : -1);
    if (fmt == RASID_SFMT_TABLE) {
        cell(out, "NAME", 32);
        fputc(' ', out);
        cell(out, "ID", 16);
        fputc(' ', out);
        cell(out, "KIND", 10);
        fputs(" SECTOR COUNTRY  EVENTS  AS-ACTOR  AS-RECIPIENT  DOCS\n", out);
    }
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *key = col_text(st, 2);
        const char *id = key && strncmp(key, "name:", 5) && strncmp(key, "text:", 5) ? key : NULL;
        if (fmt == RASID_SFMT_TABLE) {
            cell(out, col_text(st, 1), 32);
            fputc(' ', out);
            cell(out, id ? id : "-", 16);
            fputc(' ', out);
            cell(out, col_text(st, 3) ? col_text(st, 3) : "-", 10);
            fputc(' ', out);
            cell(out, col_text(st, 4) ? col_text(st, 4) : "-", 6);
            fputc(' ', out);
            cell(out, col_text(st, 5) ? col_text(st, 5) : "-", 7);
            fprintf(out, " %7lld %9lld %13lld %5lld\n", (long long)sqlite3_column_int64(st, 8),
                    (long long)sqlite3_column_int64(st, 6), (long long)sqlite3_column_int64(st, 7),
                    (long long)sqlite3_column_int64(st, 9));
        } else {
            json_t *o = json_pack("{s:s?, s:s?, s:s?, s:s?, s:s?, s:I, s:I, s:I, s:I}", "name", col_text(st, 1), "id", id,
                                  "kind", col_text(st, 3), "sector", col_text(st, 4), "country", col_text(st, 5),
                                  "events", (json_int_t)sqlite3_column_int64(st, 8), "as_actor",
                                  (json_int_t)sqlite3_column_int64(st, 6), "as_recipient",
                                  (json_int_t)sqlite3_column_int64(st, 7), "documents",
                                  (json_int_t)sqlite3_column_int64(st, 9));
            char *js = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
            json_decref(o);
            if (!js) {
                rc = RASID_NOMEM;
                break;
            }
            fprintf(out, "%s\n", js);
            free(js);
        }
    }
    if (rc == RASID_OK && r != SQLITE_DONE) rc = rasid__store_sqlerr(s, "actors");
    sqlite3_finalize(st);
    if (rc == RASID_OK) rc = out_err(s, out);
    return rc;
}

/* ------------------------------------------------------------ graph */
static void xml_text(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        default:
            if (*p < 0x20 && *p != '\t' && *p != '\n') fputc(' ', out);
            else fputc(*p, out);
        }
    }
}

static void dot_text(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\') fputc('\\', out);
        fputc(*p < 0x20 ? ' ' : *p, out);
    }
}

int rasid_store_graph(rasid_store *s, rasid_store_format fmt, FILE *out)
{
    if (fmt != RASID_SFMT_GRAPHML && fmt != RASID_SFMT_DOT && fmt != RASID_SFMT_JSONL)
        return rasid__store_fail(s, RASID_ARG, "graph writes graphml, dot or jsonl");
    sqlite3_stmt *nodes, *edges;
    int rc = prepare(s,
                     "SELECT a.id, coalesce(a.name, a.key), a.kind, a.sector, a.country, count(DISTINCT r.event)"
                     " FROM actors a JOIN event_actors ea ON ea.actor = a.id JOIN event_reports r ON r.id = ea.report"
                     " GROUP BY a.id ORDER BY a.id",
                     &nodes);
    if (rc) return rc;
    if ((rc = prepare(s,
                      "SELECT x.actor, y.actor, e.quad, count(DISTINCT e.id) FROM events e"
                      " JOIN event_reports r ON r.event = e.id"
                      " JOIN event_actors x ON x.report = r.id AND x.role = 'actor'"
                      " JOIN event_actors y ON y.report = r.id AND y.role = 'recipient'"
                      " WHERE x.actor != y.actor GROUP BY x.actor, y.actor, e.quad ORDER BY x.actor, y.actor, e.quad",
                      &edges))) {
        sqlite3_finalize(nodes);
        return rc;
    }
    static const char *const colour[] = {"gray", "darkgreen", "blue", "orange", "red"};
    if (fmt == RASID_SFMT_GRAPHML) {
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
              " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
              " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
              " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
              "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
              "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
              "  <key id=\"sector\" for=\"node\" attr.name=\"sector\" attr.type=\"string\"/>\n"
              "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n"
              "  <key id=\"events\" for=\"node\" attr.name=\"events\" attr.type=\"int\"/>\n"
              "  <key id=\"quad\" for=\"edge\" attr.name=\"quad_class\" attr.type=\"string\"/>\n"
              "  <key id=\"quadnum\" for=\"edge\" attr.name=\"quad\" attr.type=\"int\"/>\n"
              "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"int\"/>\n"
              "  <graph id=\"actors\" edgedefault=\"directed\">\n",
              out);
    } else if (fmt == RASID_SFMT_DOT) {
        fputs("digraph actors {\n  graph [overlap=false];\n  node [shape=box, fontname=\"sans-serif\"];\n", out);
    }
    int r;
    while ((r = sqlite3_step(nodes)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(nodes, 0);
        if (fmt == RASID_SFMT_GRAPHML) {
            fprintf(out, "    <node id=\"a%lld\">", id);
            const char *keys[] = {"name", "kind", "sector", "country"};
            for (int i = 0; i < 4; i++) {
                if (!col_text(nodes, 1 + i)) continue;
                fprintf(out, "<data key=\"%s\">", keys[i]);
                xml_text(out, col_text(nodes, 1 + i));
                fputs("</data>", out);
            }
            fprintf(out, "<data key=\"events\">%lld</data></node>\n", (long long)sqlite3_column_int64(nodes, 5));
        } else if (fmt == RASID_SFMT_DOT) {
            fprintf(out, "  a%lld [label=\"", id);
            dot_text(out, col_text(nodes, 1));
            if (col_text(nodes, 4)) {
                fputs(" (", out);
                dot_text(out, col_text(nodes, 4));
                fputc(')', out);
            }
            fputs("\"];\n", out);
        }
    }
    if (r != SQLITE_DONE) rc = rasid__store_sqlerr(s, "graph");
    while (rc == RASID_OK && (r = sqlite3_step(edges)) == SQLITE_ROW) {
        long long a = sqlite3_column_int64(edges, 0), b = sqlite3_column_int64(edges, 1);
        int quad = sqlite3_column_int(edges, 2);
        if (quad < 0 || quad > 4) quad = 0;
        long long w = sqlite3_column_int64(edges, 3);
        if (fmt == RASID_SFMT_GRAPHML)
            fprintf(out,
                    "    <edge source=\"a%lld\" target=\"a%lld\"><data key=\"quad\">%s</data>"
                    "<data key=\"quadnum\">%d</data><data key=\"weight\">%lld</data></edge>\n",
                    a, b, rasid__quad_name(quad), quad, w);
        else if (fmt == RASID_SFMT_DOT)
            fprintf(out, "  a%lld -> a%lld [label=\"%s (%lld)\", color=%s, penwidth=%.1f];\n", a, b,
                    rasid__quad_name(quad), w, colour[quad], 1.0 + log((double)w));
        else
            fprintf(out, "{\"source\":%lld,\"target\":%lld,\"quad\":%d,\"quad_class\":\"%s\",\"events\":%lld}\n", a,
                    b, quad, rasid__quad_name(quad), w);
    }
    if (rc == RASID_OK && r != SQLITE_DONE) rc = rasid__store_sqlerr(s, "graph");
    sqlite3_finalize(nodes);
    sqlite3_finalize(edges);
    if (rc == RASID_OK) {
        if (fmt == RASID_SFMT_GRAPHML) fputs("  </graph>\n</graphml>\n", out);
        else if (fmt == RASID_SFMT_DOT) fputs("}\n", out);
        rc = out_err(s, out);
    }
    return rc;
}

/* ------------------------------------------------------------ stats and check */
static long long scalar(rasid_store *s, const char *sql, int *rc)
{
    sqlite3_stmt *st;
    long long v = 0;
    if (*rc) return 0;
    if ((*rc = prepare(s, sql, &st))) return 0;
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    else *rc = rasid__store_sqlerr(s, "stats");
    sqlite3_finalize(st);
    return v;
}

int rasid_store_stats_get(rasid_store *s, rasid_store_stats *o)
{
    memset(o, 0, sizeof *o);
    int rc = RASID_OK;
    o->documents = scalar(s, "SELECT count(*) FROM documents", &rc);
    o->mentions = scalar(s, "SELECT count(*) FROM mentions", &rc);
    o->events = scalar(s, "SELECT count(*) FROM events", &rc);
    o->reports = scalar(s, "SELECT count(*) FROM event_reports", &rc);
    o->actors = scalar(s, "SELECT count(*) FROM actors", &rc);
    o->places = scalar(s, "SELECT count(*) FROM places", &rc);
    o->merged_events = scalar(s, "SELECT count(*) FROM events WHERE ndocs > 1", &rc);
    o->text_bytes = scalar(s, "SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM documents", &rc);
    o->file_bytes = scalar(s, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", &rc);
    o->schema = (int)scalar(s, "PRAGMA user_version", &rc);
    if (rc) return rc;
    sqlite3_stmt *st;
    if ((rc = prepare(s, "SELECT min(date_value), max(date_value) FROM events WHERE date_value IS NOT NULL", &st)))
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        snprintf(o->first_date, sizeof o->first_date, "%s", col_text(st, 0) ? col_text(st, 0) : "");
        snprintf(o->last_date, sizeof o->last_date, "%s", col_text(st, 1) ? col_text(st, 1) : "");
    }
    sqlite3_finalize(st);
    return RASID_OK;
}

int rasid_store_check(rasid_store *s)
{
    sqlite3_stmt *st;
    int rc = prepare(s, "PRAGMA integrity_check", &st);
    if (rc) return rc == RASID_CORRUPT ? rasid__store_fail(s, rc, "integrity check failed: %s", sqlite3_errmsg(s->db)) : rc;
    int r = sqlite3_step(st);
    if (r == SQLITE_ROW) {
        const char *m = col_text(st, 0);
        if (!m || strcmp(m, "ok") != 0) rc = rasid__store_fail(s, RASID_CORRUPT, "integrity check failed: %s", m ? m : "?");
    } else {
        rc = rasid__store_sqlerr(s, "integrity check");
        if (rc == RASID_STORE) rc = RASID_CORRUPT;
    }
    sqlite3_finalize(st);
    if (rc) return rc;
    if (s->flags & RASID_STORE_READONLY) return RASID_OK; /* FTS5's check writes nothing but needs a writable handle */
    char *err = NULL;
    if (sqlite3_exec(s->db, "INSERT INTO documents_fts(documents_fts, rank) VALUES('integrity-check', 1)", NULL, NULL,
                     &err) != SQLITE_OK) {
        rc = rasid__store_fail(s, RASID_CORRUPT, "search index check failed: %s", err ? err : sqlite3_errmsg(s->db));
        sqlite3_free(err);
    }
    return rc;
}
