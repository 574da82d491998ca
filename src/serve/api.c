/*
 * api.c — the JSON API of `rasid serve`. Each endpoint borrows a read-only store handle
 * from the pool, has the store's writer (rasid_store_events, _show, _search, ...) write
 * into a memory stream (open_memstream) and wraps the JSON Lines it wrote:
 *
 *   GET /api/events?type=&actor=&country=&near=PLACE:KM&since=&until=&limit=&offset=
 *       {"offset", "limit", "count", "next", "events": [SCHEMA record + "store", ...]}
 *   GET /api/events/{id}        the event with every report (rasid_store_show JSONL)
 *   GET /api/docs/{id|key}      the article with entity and event spans (rasid_store_doc)
 *   GET /api/search?q=&limit=   {"query", "results": [...]}
 *   GET /api/actors?limit=      {"actors": [...]}
 *   GET /api/places?limit=      {"places": [...]}
 *   GET /api/graph              {"nodes": [actors], "edges": [actor -> recipient by quad class]}
 *   GET /api/stats              the store's counts
 *   GET /api/export.csv, /api/export.geojson   the events filter, as a download
 *
 * Parameters are checked here (400 with a message naming the parameter); what the store
 * refuses (RASID_ARG: unknown place for near=, bad date) is a 400 too, RASID_NOTFOUND a
 * 404, anything else a 500 whose details go to the log, not to the client.
 */
#include "rasid_store_docs.h"
#include "serve/serve.h"

#include <ctype.h>
#include <errno.h>
#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char JSON[] = "application/json; charset=utf-8";

static const char *arg(struct MHD_Connection *c, const char *name)
{
    const char *v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
    return v && *v ? v : NULL;
}

/* A memory stream the store writes into. */
typedef struct cap {
    char *buf;
    size_t len;
    FILE *f;
} cap;

static int cap_open(cap *k)
{
    k->buf = NULL;
    k->len = 0;
    k->f = open_memstream(&k->buf, &k->len);
    return k->f ? 0 : -1;
}

/* Close the stream; 0 when everything written is in buf. */
static int cap_close(cap *k)
{
    int e = k->f ? fclose(k->f) : 0;
    k->f = NULL;
    return e;
}

static void cap_free(cap *k)
{
    cap_close(k);
    free(k->buf);
    k->buf = NULL;
}

/* The store's message without the "PATH: " prefix (no server paths to clients). */
static const char *store_msg(rasid_store *st)
{
    const char *m = rasid_store_errmsg(st);
    const char *p = rasid_store_path(st);
    size_t n = p ? strlen(p) : 0;
    if (n && strncmp(m, p, n) == 0 && m[n] == ':') {
        m += n + 1;
        while (*m == ' ') m++;
    }
    return m;
}

static void store_error(srv_reply *r, rasid_store *st, int rc)
{
    switch (rc) {
    case RASID_ARG: srv_error(r, 400, st ? store_msg(st) : "bad request"); break;
    case RASID_NOTFOUND: srv_error(r, 404, "not found"); break;
    case RASID_NOMEM: srv_error(r, 503, "out of memory"); break;
    default:
        if (st) fprintf(stderr, "rasid serve: %s\n", rasid_store_errmsg(st));
        srv_error(r, 500, "store error");
    }
}

/* ------------------------------------------------------------ parameters */
/* A decimal integer in [lo, hi]; 1 on success. */
static int parse_long(const char *s, long lo, long hi, long *out)
{
    if (!s || !*s) return 0;
    for (const char *p = s; *p; p++)
        if (!isdigit((unsigned char)*p)) return 0;
    errno = 0;
    char *end;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi) return 0;
    *out = v;
    return 1;
}

/* YYYY, YYYY-MM or YYYY-MM-DD with plausible fields. */
static int valid_date(const char *s)
{
    size_t n = strlen(s);
    if (n != 4 && n != 7 && n != 10) return 0;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (!isdigit((unsigned char)s[i])) {
            return 0;
        }
    }
    if (n >= 7) {
        int m = atoi(s + 5);
        if (m < 1 || m > 12) return 0;
    }
    if (n == 10) {
        int d = atoi(s + 8);
        if (d < 1 || d > 31) return 0;
    }
    return 1;
}

typedef struct ev_params {
    rasid_event_query q;
    long limit, offset;
    char type[32], country[4], near[256];
} ev_params;

/* Read the events filter; 0 and r filled with a 400 on a bad parameter. */
static int event_params(struct MHD_Connection *c, ev_params *p, srv_reply *r, long def_limit)
{
    memset(p, 0, sizeof *p);
    const char *v;
    p->limit = def_limit;
    if ((v = arg(c, "limit")) && !parse_long(v, 1, RASID_SERVE_MAX_LIMIT, &p->limit)) {
        srv_error(r, 400, "limit: expected a number from 1 to 10000");
        return 0;
    }
    if ((v = arg(c, "offset")) && !parse_long(v, 0, 1000000, &p->offset)) {
        srv_error(r, 400, "offset: expected a number from 0 to 1000000");
        return 0;
    }
    if ((v = arg(c, "type"))) {
        size_t n = strlen(v);
        if (n >= sizeof p->type) goto bad_type;
        for (size_t i = 0; i < n; i++) {
            if (!isalpha((unsigned char)v[i]) && v[i] != '_') goto bad_type;
            p->type[i] = (char)toupper((unsigned char)v[i]);
        }
        p->q.type = p->type;
    }
    if ((v = arg(c, "country"))) {
        if (strlen(v) != 3 || !isalpha((unsigned char)v[0]) || !isalpha((unsigned char)v[1]) ||
            !isalpha((unsigned char)v[2])) {
            srv_error(r, 400, "country: expected an ISO 3166 alpha-3 code such as MLI");
            return 0;
        }
        for (int i = 0; i < 3; i++) p->country[i] = (char)toupper((unsigned char)v[i]);
        p->q.country = p->country;
    }
    if ((v = arg(c, "actor"))) {
        if (strlen(v) > 200) {
            srv_error(r, 400, "actor: too long");
            return 0;
        }
        p->q.actor = v;
    }
    if ((v = arg(c, "since"))) {
        if (!valid_date(v)) {
            srv_error(r, 400, "since: expected YYYY, YYYY-MM or YYYY-MM-DD");
            return 0;
        }
        p->q.since = v;
    }
    if ((v = arg(c, "until"))) {
        if (!valid_date(v)) {
            srv_error(r, 400, "until: expected YYYY, YYYY-MM or YYYY-MM-DD");
            return 0;
        }
        p->q.until = v;
    }
    if ((v = arg(c, "near"))) {
        const char *colon = strrchr(v, ':');
        char *end = NULL;
        double km = colon ? strtod(colon + 1, &end) : 0;
        if (!colon || colon == v || (size_t)(colon - v) >= sizeof p->near || !end || *end || end == colon + 1 ||
            !(km > 0 && km <= 20040)) {
            srv_error(r, 400, "near: expected PLACE:KM (a stored place name or LAT,LON, and a radius in km)");
            return 0;
        }
        memcpy(p->near, v, (size_t)(colon - v));
        p->near[colon - v] = 0;
        p->q.near = p->near;
        p->q.near_km = km;
    }
    return 1;
bad_type:
    srv_error(r, 400, "type: expected a PLOVER type such as ASSAULT");
    return 0;
}

/* ------------------------------------------------------------ JSON Lines -> JSON */
/* Append the non-empty lines of [s, s+n) as array elements, skipping the first `skip`;
 * returns how many were written (at most max; max < 0: all) and sets *more when some
 * were left. */
static long put_lines(FILE *f, const char *s, size_t n, long skip, long max, int *more)
{
    long seen = 0, put = 0;
    const char *end = s + n;
    if (more) *more = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *le = nl ? nl : end;
        const char *b = s;
        s = nl ? nl + 1 : end;
        while (le > b && (le[-1] == '\r' || le[-1] == ' ')) le--;
        if (le == b) continue;
        if (seen++ < skip) continue;
        if (max >= 0 && put >= max) {
            if (more) *more = 1;
            break;
        }
        if (put++) fputc(',', f);
        fwrite(b, 1, (size_t)(le - b), f);
    }
    return put;
}

static void json_str(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
    fputc('"', f);
}

/* Finish the reply from an output stream. */
static void finish(srv_reply *r, cap *o, const char *ctype)
{
    if (cap_close(o) != 0) {
        cap_free(o);
        srv_error(r, 503, "out of memory");
        return;
    }
    srv_body(r, 200, ctype, o->buf, o->len);
    o->buf = NULL;
}

/* ------------------------------------------------------------ endpoints */
static void ep_events(rasid_store *st, struct MHD_Connection *c, srv_reply *r)
{
    ev_params p;
    if (!event_params(c, &p, r, 100)) return;
    p.q.limit = p.offset + p.limit + 1; /* one more says whether there is a next page */
    cap in, o;
    if (cap_open(&in)) goto nomem;
    int rc = rasid_store_events(st, &p.q, RASID_SFMT_JSONL, in.f);
    if (cap_close(&in)) rc = rc ? rc : RASID_NOMEM;
    if (rc) {
        cap_free(&in);
        store_error(r, st, rc);
        return;
    }
    if (cap_open(&o)) {
        cap_free(&in);
        goto nomem;
    }
    int more = 0;
    fputs("{\"events\":[", o.f);
    long n = put_lines(o.f, in.buf, in.len, p.offset, p.limit, &more);
    fprintf(o.f, "],\"offset\":%ld,\"limit\":%ld,\"count\":%ld,\"next\":", p.offset, p.limit, n);
    if (more) fprintf(o.f, "%ld}\n", p.offset + n);
    else fputs("null}\n", o.f);
    cap_free(&in);
    finish(r, &o, JSON);
    return;
nomem:
    srv_error(r, 503, "out of memory");
}

/* One object from a JSON Lines writer: the single line as is, several as an array. */
static void one_or_array(srv_reply *r, cap *in)
{
    size_t lines = 0;
    const char *s = in->buf, *end = in->buf + in->len;
    for (const char *p = s; p < end; p++)
        if (*p == '\n' && p > s && p[-1] != '\n') lines++;
    if (in->len && end[-1] != '\n') lines++;
    if (lines <= 1) {
        srv_body(r, 200, JSON, in->buf, in->len);
        in->buf = NULL;
        return;
    }
    cap o;
    if (cap_open(&o)) {
        srv_error(r, 503, "out of memory");
        return;
    }
    fputs("{\"items\":[", o.f);
    put_lines(o.f, in->buf, in->len, 0, -1, NULL);
    fputs("]}\n", o.f);
    finish(r, &o, JSON);
}

static int numeric_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 18) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static void ep_event(rasid_store *st, const char *id, srv_reply *r)
{
    if (!numeric_id(id)) {
        srv_error(r, 404, "no such event (ids are numbers)");
        return;
    }
    cap in;
    if (cap_open(&in)) {
        srv_error(r, 503, "out of memory");
        return;
    }
    int rc = rasid_store_show(st, id, RASID_SFMT_JSONL, in.f);
    if (cap_close(&in)) rc = rc ? rc : RASID_NOMEM;
    if (rc == RASID_NOTFOUND) srv_error(r, 404, "no such event");
    else if (rc) store_error(r, st, rc);
    else one_or_array(r, &in);
    cap_free(&in);
}

static void ep_doc(rasid_store *st, const char *id, srv_reply *r)
{
    if (!*id || strlen(id) > 512) {
        srv_error(r, 404, "no such document");
        return;
    }
    cap in;
    if (cap_open(&in)) {
        srv_error(r, 503, "out of memory");
        return;
    }
    int rc = rasid_store_doc(st, id, in.f);
    if (cap_close(&in)) rc = rc ? rc : RASID_NOMEM;
    if (rc == RASID_NOTFOUND) srv_error(r, 404, "no such document");
    else if (rc) store_error(r, st, rc);
    else {
        srv_body(r, 200, JSON, in.buf, in.len);
        in.buf = NULL;
    }
    cap_free(&in);
}

typedef int (*list_fn)(rasid_store *st, long limit, FILE *out);

static int actors_jsonl(rasid_store *st, long limit, FILE *out)
{
    return rasid_store_actors(st, limit, RASID_SFMT_JSONL, out);
}

static void ep_graph(rasid_store *st, srv_reply *r)
{
    cap nodes, edges, o;
    if (cap_open(&nodes)) goto nomem;
    if (cap_open(&edges)) {
        cap_free(&nodes);
        goto nomem;
    }
    int rc = rasid_store_graph_nodes(st, nodes.f);
    if (!rc) rc = rasid_store_graph(st, RASID_SFMT_JSONL, edges.f);
    if (cap_close(&nodes) || cap_close(&edges)) rc = rc ? rc : RASID_NOMEM;
    if (rc || cap_open(&o)) {
        cap_free(&nodes);
        cap_free(&edges);
        if (rc) store_error(r, st, rc);
        else goto nomem;
        return;
    }
    fputs("{\"nodes\":[", o.f);
    put_lines(o.f, nodes.buf, nodes.len, 0, -1, NULL);
    fputs("],\"edges\":[", o.f);
    put_lines(o.f, edges.buf, edges.len, 0, -1, NULL);
    fputs("]}\n", o.f);
    cap_free(&nodes);
    cap_free(&edges);
    finish(r, &o, JSON);
    return;
nomem:
    srv_error(r, 503, "out of memory");
}

/* {"KEY": [lines...]} from a JSON Lines writer. */
static void ep_list(rasid_store *st, struct MHD_Connection *c, const char *key, list_fn fn, long def, srv_reply *r)
{
    long limit = def;
    const char *v = arg(c, "limit");
    if (v && !parse_long(v, 1, RASID_SERVE_MAX_LIMIT, &limit)) {
        srv_error(r, 400, "limit: expected a number from 1 to 10000");
        return;
    }
    cap in, o;
    if (cap_open(&in)) {
        srv_error(r, 503, "out of memory");
        return;
    }
    int rc = fn(st, limit, in.f);
    if (cap_close(&in)) rc = rc ? rc : RASID_NOMEM;
    if (rc) {
        cap_free(&in);
        store_error(r, st, rc);
        return;
    }
    if (cap_open(&o)) {
        cap_free(&in);
        srv_error(r, 503, "out of memory");
        return;
    }
    fprintf(o.f, "{\"%s\":[", key);
    long n = put_lines(o.f, in.buf, in.len, 0, -1, NULL);
    fprintf(o.f, "],\"count\":%ld}\n", n);
    cap_free(&in);
    finish(r, &o, JSON);
}

static void ep_search(rasid_store *st, struct MHD_Connection *c, srv_reply *r)
{
    const char *q = arg(c, "q");
    long limit = 20;
    const char *v = arg(c, "limit");
    if (!q) {
        srv_error(r, 400, "q: a search query is required");
        return;
    }
    if (strlen(q) > 500) {
        srv_error(r, 400, "q: too long (at most 500 bytes)");
        return;
    }
    if (v && !parse_long(v, 1, 1000, &limit)) {
        srv_error(r, 400, "limit: expected a number from 1 to 1000");
        return;
    }
    cap in, o;
    if (cap_open(&in)) {
        srv_error(r, 503, "out of memory");
        return;
    }
    int rc = rasid_store_search(st, q, limit, RASID_SFMT_JSONL, in.f);
    if (cap_close(&in)) rc = rc ? rc : RASID_NOMEM;
    if (rc) {
        cap_free(&in);
        store_error(r, st, rc);
        return;
    }
    if (cap_open(&o)) {
        cap_free(&in);
        srv_error(r, 503, "out of memory");
        return;
    }
    fputs("{\"query\":", o.f);
    json_str(o.f, q);
    fputs(",\"results\":[", o.f);
    long n = put_lines(o.f, in.buf, in.len, 0, -1, NULL);
    fprintf(o.f, "],\"count\":%ld}\n", n);
    cap_free(&in);
    finish(r, &o, JSON);
}

static void ep_stats(rasid_store *st, srv_reply *r)
{
    rasid_store_stats s;
    memset(&s, 0, sizeof s);
    int rc = rasid_store_stats_get(st, &s);
    if (rc) {
        store_error(r, st, rc);
        return;
    }
    cap o;
    if (cap_open(&o)) {
        srv_error(r, 503, "out of memory");
        return;
    }
    fprintf(o.f,
            "{\"documents\":%lld,\"mentions\":%lld,\"events\":%lld,\"reports\":%lld,\"actors\":%lld,"
            "\"places\":%lld,\"merged_events\":%lld,\"text_bytes\":%lld,\"file_bytes\":%lld,\"schema\":%d,"
            "\"first_date\":",
            s.documents, s.mentions, s.events, s.reports, s.actors, s.places, s.merged_events, s.text_bytes,
            s.file_bytes, s.schema);
    s.first_date[sizeof s.first_date - 1] = s.last_date[sizeof s.last_date - 1] = 0;
    if (s.first_date[0]) json_str(o.f, s.first_date);
    else fputs("null", o.f);
    fputs(",\"last_date\":", o.f);
    if (s.last_date[0]) json_str(o.f, s.last_date);
    else fputs("null", o.f);
    fprintf(o.f, ",\"version\":\"%s\"}\n", RASID_VERSION);
    finish(r, &o, JSON);
}

static void ep_export(rasid_store *st, struct MHD_Connection *c, rasid_store_format fmt, srv_reply *r)
{
    ev_params p;
    if (!event_params(c, &p, r, 0)) return;
    p.q.limit = arg(c, "limit") ? p.limit : 0;
    if (p.offset) {
        srv_error(r, 400, "offset: exports are not paged");
        return;
    }
    cap o;
    if (cap_open(&o)) {
        srv_error(r, 503, "out of memory");
        return;
    }
    int rc = rasid_store_events(st, &p.q, fmt, o.f);
    if (rc) {
        cap_free(&o);
        store_error(r, st, rc);
        return;
    }
    if (fmt == RASID_SFMT_CSV) {
        finish(r, &o, "text/csv; charset=utf-8");
        r->disposition = "attachment; filename=\"rasid-events.csv\"";
    } else {
        finish(r, &o, "application/geo+json");
        r->disposition = "attachment; filename=\"rasid-events.geojson\"";
    }
}

static void ep_index(srv_reply *r)
{
    static const char body[] =
        "{\"name\":\"rasid\",\"version\":\"" RASID_VERSION "\",\"endpoints\":["
        "\"/api/events\",\"/api/events/{id}\",\"/api/docs/{id}\",\"/api/search?q=\",\"/api/actors\","
        "\"/api/places\",\"/api/graph\",\"/api/stats\",\"/api/export.csv\",\"/api/export.geojson\"]}\n";
    char *b = malloc(sizeof body);
    if (!b) {
        srv_error(r, 503, "out of memory");
        return;
    }
    memcpy(b, body, sizeof body);
    srv_body(r, 200, JSON, b, sizeof body - 1);
}

void srv_api(srv_pool *pool, struct MHD_Connection *c, const char *path, srv_reply *r)
{
    const char *p = path + 4; /* after "/api" */
    if (*p == 0 || strcmp(p, "/") == 0) {
        ep_index(r);
        return;
    }
    p++;
    enum { E_EVENTS, E_EVENT, E_DOC, E_SEARCH, E_ACTORS, E_PLACES, E_GRAPH, E_STATS, E_CSV, E_GEOJSON } ep;
    const char *id = NULL;
    if (strcmp(p, "events") == 0) ep = E_EVENTS;
    else if (strncmp(p, "events/", 7) == 0) ep = E_EVENT, id = p + 7;
    else if (strncmp(p, "docs/", 5) == 0) ep = E_DOC, id = p + 5;
    else if (strcmp(p, "search") == 0) ep = E_SEARCH;
    else if (strcmp(p, "actors") == 0) ep = E_ACTORS;
    else if (strcmp(p, "places") == 0) ep = E_PLACES;
    else if (strcmp(p, "graph") == 0) ep = E_GRAPH;
    else if (strcmp(p, "stats") == 0) ep = E_STATS;
    else if (strcmp(p, "export.csv") == 0) ep = E_CSV;
    else if (strcmp(p, "export.geojson") == 0) ep = E_GEOJSON;
    else {
        srv_error(r, 404, "no such endpoint (see /api/)");
        return;
    }
    char err[512] = "";
    rasid_store *st = srv_pool_get(pool, err, sizeof err);
    if (!st) {
        fprintf(stderr, "rasid serve: %s\n", err);
        srv_error(r, 503, "the store cannot be opened");
        return;
    }
    switch (ep) {
    case E_EVENTS: ep_events(st, c, r); break;
    case E_EVENT: ep_event(st, id, r); break;
    case E_DOC: ep_doc(st, id, r); break;
    case E_SEARCH: ep_search(st, c, r); break;
    case E_ACTORS: ep_list(st, c, "actors", actors_jsonl, 1000, r); break;
    case E_PLACES: ep_list(st, c, "places", rasid_store_places, 1000, r); break;
    case E_GRAPH: ep_graph(st, r); break;
    case E_STATS: ep_stats(st, r); break;
    case E_CSV: ep_export(st, c, RASID_SFMT_CSV, r); break;
    case E_GEOJSON: ep_export(st, c, RASID_SFMT_GEOJSON, r); break;
    }
    srv_pool_put(pool, st);
}
