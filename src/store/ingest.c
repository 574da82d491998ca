/*
 * ingest.c — storing documents, their mentions and events; cross-article de-duplication;
 * re-coding the archive.
 *
 * Identity of an article: its canonical URL when it has one, and — whatever the URL — the
 * SHA-256 of its text. A document already stored is skipped before any coding.
 *
 * De-duplication. Each event a document reports becomes an event_reports row. It joins
 * an event already stored when, for the first compatible candidate in id order (after
 * ranking by evidence of identity):
 *   - the type family and modality class match (ASSAULT; COERCE; PROTEST; ACCUSE/REJECT;
 *     AGREE/COOPERATE; SUPPORT/AID; CONCEDE/RETREAT; ... — asserted and historical are one
 *     class, negated another, future and hypothetical a third);
 *   - the dates are compatible at their precisions: the ranges [lo, hi] of the two dates
 *     (a day, a week around a day, a month, a year) overlap, with one day of slack for the
 *     "yesterday"/"today" of reports published on different days; an undated report uses
 *     its publication date +- 2 days, and a report with neither is never merged;
 *   - the places are the same place, or within 25 km (haversine), or one is a country or
 *     a province that contains the other; when either report has no place, the two must
 *     name a common actor;
 *   - the actors are compatible: on each side (actor, recipient) the two sets share an
 *     entity, or one is empty or an unidentified group; a swapped pair (A attacked B /
 *     B clashed with A) also counts;
 *   - the event has no report from the same document (the coder already merged those).
 * Counts stay on each report; the event row summarises them (fatalities = the largest
 * toll, with min and max) and copies date and place from its primary report, the one
 * with the most precise date and place (earliest on ties). Everything depends only on
 * the order in which documents are stored, so it is deterministic.
 */
#include "store/store.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MERGE_KM 25.0
#define MAX_SIDE 16
#define MAX_CANDIDATES 1000

/* ------------------------------------------------------------ binding helpers */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s && *s) sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(st, i);
}

static void bind_count(sqlite3_stmt *st, int i, long v)
{
    if (v >= 0) sqlite3_bind_int64(st, i, v);
    else sqlite3_bind_null(st, i);
}

static void bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v)) sqlite3_bind_null(st, i);
    else sqlite3_bind_double(st, i, v);
}

static int step_done(rasid_store *s, sqlite3_stmt *st, const char *what)
{
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return RASID_OK;
    return rasid__store_sqlerr(s, what);
}

static const char *qualifier_name(unsigned q)
{
    static const char *const n[] = {NULL, "more_than", "less_than", "about", "at_least",
                                    "at_most", "dozens", "hundreds", "thousands", "several"};
    return q < sizeof n / sizeof n[0] ? n[q] : NULL;
}

static const char *mention_kind(unsigned k)
{
    switch (k) {
    case RASID_M_PLACE: return "place";
    case RASID_M_ACTOR: return "actor";
    case RASID_M_PERSON: return "person";
    case RASID_M_DATE: return "date";
    case RASID_M_NUMBER: return "number";
    case RASID_M_NISBA: return "nisba";
    }
    return "other";
}

/* ------------------------------------------------------------ lookups */
static int find_doc(rasid_store *s, const char *url, const char *hash, long long *id)
{
    sqlite3_stmt *st;
    *id = 0;
    if (url && *url) {
        if (!(st = rasid__store_stmt(s, ST_DOC_BY_URL, "SELECT id FROM documents WHERE url = ?1")))
            return RASID_STORE;
        bind_text(st, 1, url);
        int rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
        else if (rc != SQLITE_DONE) return rasid__store_sqlerr(s, "lookup");
        sqlite3_reset(st);
        if (*id) return RASID_OK;
    }
    if (!(st = rasid__store_stmt(s, ST_DOC_BY_HASH, "SELECT id FROM documents WHERE hash = ?1 ORDER BY id LIMIT 1")))
        return RASID_STORE;
    bind_text(st, 1, hash);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *id = sqlite3_column_int64(st, 0);
    else if (rc != SQLITE_DONE) return rasid__store_sqlerr(s, "lookup");
    sqlite3_reset(st);
    return RASID_OK;
}

static int upsert_actor(rasid_store *s, const rasid_entity *e, long long *id)
{
    char key[512];
    if (e->id && *e->id) snprintf(key, sizeof key, "%s", e->id);
    else if (e->name && *e->name) snprintf(key, sizeof key, "name:%s", e->name);
    else snprintf(key, sizeof key, "text:%s", e->text ? e->text : "?");
    sqlite3_stmt *st = rasid__store_stmt(s, ST_ACTOR_GET, "SELECT id FROM actors WHERE key = ?1");
    if (!st) return RASID_STORE;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return RASID_OK;
    }
    if (rc != SQLITE_DONE) return rasid__store_sqlerr(s, "actor");
    sqlite3_reset(st);
    st = rasid__store_stmt(s, ST_ACTOR_INSERT,
                           "INSERT INTO actors(key, name, kind, sector, country) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!st) return RASID_STORE;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    bind_text(st, 2, e->name && *e->name ? e->name : e->text);
    bind_text(st, 3, e->kind);
    bind_text(st, 4, e->sector);
    bind_text(st, 5, e->country);
    if ((rc = step_done(s, st, "actor"))) return rc;
    *id = sqlite3_last_insert_rowid(s->db);
    return RASID_OK;
}

static int upsert_place(rasid_store *s, const rasid_doc *doc, const rasid_mention *m, long long *id)
{
    char key[512];
    if (m->geonameid) snprintf(key, sizeof key, "gn:%ld", m->geonameid);
    else if (m->id && *m->id) snprintf(key, sizeof key, "%s", m->id);
    else snprintf(key, sizeof key, "name:%s|%s", m->name ? m->name : "", m->country ? m->country : "");
    sqlite3_stmt *st = rasid__store_stmt(s, ST_PLACE_GET, "SELECT id FROM places WHERE key = ?1");
    if (!st) return RASID_STORE;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *id = sqlite3_column_int64(st, 0);
        sqlite3_reset(st);
        return RASID_OK;
    }
    if (rc != SQLITE_DONE) return rasid__store_sqlerr(s, "place");
    sqlite3_reset(st);
    st = rasid__store_stmt(s, ST_PLACE_INSERT,
                           "INSERT INTO places(key, name, text, country, admin1, lat, lon, geonameid, precision)"
                           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!st) return RASID_STORE;
    size_t len;
    const char *text = rasid_doc_text(doc, &len);
    sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
    bind_text(st, 2, m->name);
    if (m->end > m->start && m->end <= len) sqlite3_bind_text(st, 3, text + m->start, (int)(m->end - m->start), SQLITE_TRANSIENT);
    bind_text(st, 4, m->country);
    bind_text(st, 5, m->admin1);
    bind_real(st, 6, m->lat);
    bind_real(st, 7, m->lon);
    if (m->geonameid) sqlite3_bind_int64(st, 8, m->geonameid);
    bind_text(st, 9, rasid__precision_name(m->precision));
    if ((rc = step_done(s, st, "place"))) return rc;
    *id = sqlite3_last_insert_rowid(s->db);
    return RASID_OK;
}

/* ------------------------------------------------------------ de-duplication */
typedef struct side {
    long long id[MAX_SIDE];
    int vague[MAX_SIDE]; /* unidentified group / unknown kind */
    int n;
} side;

typedef struct report_keys {
    const char *family;
    long lo, hi;
    int dated;
    long long place;
    double lat, lon;
    const char *country, *admin1;
    int place_prec;
    side actor, recipient;
} report_keys;

static int is_vague(const rasid_entity *e)
{
    return (e->sector && strcmp(e->sector, "UAF") == 0) || (e->kind && strcmp(e->kind, "unknown") == 0);
}

static int side_overlap(const side *a, const side *b)
{
    for (int i = 0; i < a->n; i++)
        for (int j = 0; j < b->n; j++)
            if (a->id[i] == b->id[j]) return 1;
    return 0;
}

static int side_vague(const side *a)
{
    for (int i = 0; i < a->n; i++)
        if (a->vague[i]) return 1;
    return 0;
}

static int side_compatible(const side *a, const side *b)
{
    return a->n == 0 || b->n == 0 || side_overlap(a, b) || side_vague(a) || side_vague(b);
}

/* Does the coarse place (country/admin1/region) contain the fine one? */
static int contains(const char *cprec, const char *ccountry, const char *cadmin1, const char *fcountry,
                    const char *fadmin1)
{
    int p = rasid__precision_of(cprec);
    if (!ccountry || !fcountry || strcmp(ccountry, fcountry) != 0) return 0;
    if (p == RASID_P_COUNTRY || p == RASID_P_REGION) return 1;
    if (p == RASID_P_ADMIN1) return cadmin1 && fadmin1 && strcmp(cadmin1, fadmin1) == 0;
    return 0;
}

static const char *col_text(sqlite3_stmt *st, int i) { return (const char *)sqlite3_column_text(st, i); }

/* Score a candidate event (row of ST_EVENT_CANDIDATES); -1 when incompatible. */
static int candidate_score(rasid_store *s, sqlite3_stmt *c, const report_keys *k, long long doc, int *err)
{
    long long ev = sqlite3_column_int64(c, 0);
    int score = 0;
    /* place */
    int have_place = sqlite3_column_type(c, 1) != SQLITE_NULL;
    int place_ok = 0;
    if (have_place && k->place) {
        long long p = sqlite3_column_int64(c, 1);
        if (p == k->place) {
            place_ok = 1;
            score += 4;
        } else {
            const char *prec = col_text(c, 6);
            int coarse_e = rasid__precision_of(prec) >= RASID_P_ADMIN1;
            int coarse_r = k->place_prec >= RASID_P_ADMIN1;
            if (!coarse_e && !coarse_r && sqlite3_column_type(c, 2) != SQLITE_NULL && !isnan(k->lat)) {
                double d = rasid__haversine_km(sqlite3_column_double(c, 2), sqlite3_column_double(c, 3), k->lat, k->lon);
                if (d <= MERGE_KM) {
                    place_ok = 1;
                    score += 3;
                }
            } else if (coarse_e && contains(prec, col_text(c, 4), col_text(c, 5), k->country, k->admin1)) {
                place_ok = 1;
                score += 1;
            } else if (coarse_r && contains(rasid__precision_name(k->place_prec), k->country, k->admin1,
                                            col_text(c, 4), col_text(c, 5))) {
                place_ok = 1;
                score += 1;
            }
        }
        if (!place_ok) return -1;
    }
    /* actors of the event, over all its reports; and whether this doc already reported it */
    sqlite3_stmt *a = rasid__store_stmt(s, ST_EVENT_ACTORS,
                                        "SELECT DISTINCT ea.role, ea.actor, a.sector, a.kind, r.doc = ?2"
                                        " FROM event_reports r LEFT JOIN event_actors ea ON ea.report = r.id"
                                        " LEFT JOIN actors a ON a.id = ea.actor WHERE r.event = ?1");
    if (!a) {
        *err = RASID_STORE;
        return -1;
    }
    sqlite3_bind_int64(a, 1, ev);
    sqlite3_bind_int64(a, 2, doc);
    side ea = {0}, er = {0};
    int rc, same_doc = 0;
    while ((rc = sqlite3_step(a)) == SQLITE_ROW) {
        if (sqlite3_column_int(a, 4)) same_doc = 1;
        if (sqlite3_column_type(a, 0) == SQLITE_NULL) continue;
        side *sd = strcmp(col_text(a, 0), "actor") == 0 ? &ea : &er;
        long long id = sqlite3_column_int64(a, 1);
        int dup = 0;
        for (int i = 0; i < sd->n; i++) dup |= sd->id[i] == id;
        if (dup || sd->n == MAX_SIDE) continue;
        const char *sec = col_text(a, 2), *kind = col_text(a, 3);
        sd->vague[sd->n] = (sec && !strcmp(sec, "UAF")) || (kind && !strcmp(kind, "unknown"));
        sd->id[sd->n++] = id;
    }
    sqlite3_reset(a);
    if (rc != SQLITE_DONE) {
        *err = rasid__store_sqlerr(s, "candidates");
        return -1;
    }
    if (same_doc) return -1;
    int straight = side_compatible(&k->actor, &ea) && side_compatible(&k->recipient, &er);
    int swapped = side_overlap(&k->actor, &er) && side_overlap(&k->recipient, &ea);
    if (!straight && !swapped) return -1;
    int shared = side_overlap(&k->actor, &ea) + side_overlap(&k->recipient, &er) + 2 * swapped;
    if (!place_ok && !shared) return -1; /* no place on one side: need a common actor */
    return score + 2 * shared;
}

static int find_candidate(rasid_store *s, const report_keys *k, long long doc, long long *event)
{
    *event = 0;
    if (!k->dated) return RASID_OK;
    sqlite3_stmt *c = rasid__store_stmt(s, ST_EVENT_CANDIDATES,
                                        "SELECT id, place, lat, lon, country, admin1, place_precision FROM events"
                                        " WHERE family = ?1 AND date_hi >= ?4 AND"
                                        " ((wide = 0 AND date_lo BETWEEN ?5 AND ?3) OR"
                                        "  (wide = 1 AND date_lo BETWEEN ?2 AND ?3))"
                                        " ORDER BY id");
    if (!c) return RASID_STORE;
    sqlite3_bind_text(c, 1, k->family, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(c, 2, k->lo - 400);
    sqlite3_bind_int64(c, 3, k->hi + 1);
    sqlite3_bind_int64(c, 4, k->lo - 1);
    sqlite3_bind_int64(c, 5, k->lo - 33); /* a range of at most 31 days overlapping [lo - 1, ...] */
    int rc, n = 0, best = -1, err = 0;
    for (;;) {
        rc = sqlite3_step(c);
        if (rc != SQLITE_ROW) break;
        int sc = candidate_score(s, c, k, doc, &err);
        if (err) return err;
        if (sc > best) {
            best = sc;
            *event = sqlite3_column_int64(c, 0);
        }
        if (++n == MAX_CANDIDATES) break; /* bound the work per report */
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return rasid__store_sqlerr(s, "candidates");
    sqlite3_reset(c);
    return RASID_OK;
}

/* Recompute an event's row from its reports. */
static int refresh_event(rasid_store *s, long long ev)
{
    static const char *sql =
        "WITH ranked AS (SELECT r.id FROM event_reports r LEFT JOIN places p ON p.id = r.place"
        "  WHERE r.event = ?1 ORDER BY"
        "  (CASE r.date_precision WHEN 'day' THEN 4 WHEN 'week' THEN 3 WHEN 'month' THEN 2"
        "   WHEN 'year' THEN 1 ELSE 0 END) * 10 +"
        "  (CASE p.precision WHEN 'site' THEN 6 WHEN 'city' THEN 5 WHEN 'admin2' THEN 4"
        "   WHEN 'admin1' THEN 3 WHEN 'country' THEN 2 WHEN 'region' THEN 1 ELSE 0 END) DESC, r.id"
        "  LIMIT 1),"
        " agg AS (SELECT count(*) AS n, count(DISTINCT doc) AS nd, max(dead) AS dmax, min(dead) AS dmin,"
        "  max(injured) AS inj, max(arrested) AS arr, max(hostages) AS hos, max(confidence) AS conf"
        "  FROM event_reports WHERE event = ?1)"
        " UPDATE events SET (type, mode, modality, acled_event, acled_sub, cameo, date_value, date_precision,"
        "  date_lo, date_hi, place, place_name, country, admin1, lat, lon, geonameid, place_precision, summary,"
        "  primary_report, wide) = (SELECT r.type, r.mode, r.modality, r.acled_event, r.acled_sub, r.cameo,"
        "  r.date_value, r.date_precision, r.date_lo, r.date_hi, r.place, p.name, p.country, p.admin1, p.lat,"
        "  p.lon, p.geonameid, p.precision, r.summary, r.id, coalesce(r.date_hi - r.date_lo > 31, 0)"
        "  FROM event_reports r LEFT JOIN places p"
        "  ON p.id = r.place WHERE r.id = (SELECT id FROM ranked)),"
        "  (nreports, ndocs, fatalities, fatalities_min, fatalities_max, injured, arrested, hostages,"
        "  confidence) = (SELECT n, nd, dmax, dmin, dmax, inj, arr, hos, conf FROM agg)"
        " WHERE id = ?1";
    sqlite3_stmt *st = rasid__store_stmt(s, ST_EVENT_UPDATE, sql);
    if (!st) return RASID_STORE;
    sqlite3_bind_int64(st, 1, ev);
    return step_done(s, st, "event");
}

static void context_join(const rasid_event *e, char *out, size_t n)
{
    size_t used = 0;
    out[0] = 0;
    for (int i = 0; i < 4 && e->context[i]; i++) {
        int k = snprintf(out + used, n - used, "%s%s", used ? "," : "", e->context[i]);
        if (k < 0 || (size_t)k >= n - used) break;
        used += (size_t)k;
    }
}

static const char *modality_class(const char *m)
{
    if (!m || !strcmp(m, "asserted") || !strcmp(m, "historical")) return "";
    if (!strcmp(m, "negated")) return ":negated";
    return ":unrealised";
}

static int store_event(rasid_store *s, const rasid_doc *doc, long long docid, long pub_days, const rasid_event *e,
                       rasid_store_added *res)
{
    int rc;
    report_keys k;
    memset(&k, 0, sizeof k);
    char family[64];
    snprintf(family, sizeof family, "%s%s", rasid__type_family(e->type), modality_class(e->modality));
    k.family = family;
    k.lat = k.lon = NAN;
    if (e->date && rasid__date_range(e->date->value, e->date->precision, &k.lo, &k.hi)) {
        k.dated = 1;
    } else if (pub_days != LONG_MIN) {
        k.lo = pub_days - 2;
        k.hi = pub_days + 2;
        k.dated = 1;
    }
    if (e->location) {
        if ((rc = upsert_place(s, doc, e->location, &k.place))) return rc;
        k.lat = e->location->lat;
        k.lon = e->location->lon;
        k.country = e->location->country;
        k.admin1 = e->location->admin1;
        k.place_prec = e->location->precision;
    }
    for (int sd = 0; sd < 2; sd++) {
        const rasid_entity *ents = sd ? e->recipient : e->actor;
        size_t n = sd ? e->nrecipient : e->nactor;
        side *out = sd ? &k.recipient : &k.actor;
        for (size_t i = 0; i < n && out->n < MAX_SIDE; i++) {
            if ((rc = upsert_actor(s, &ents[i], &out->id[out->n]))) return rc;
            out->vague[out->n++] = is_vague(&ents[i]);
        }
    }
    long long ev = 0;
    if ((rc = find_candidate(s, &k, docid, &ev))) return rc;
    if (ev) {
        res->merged++;
    } else {
        sqlite3_stmt *st = rasid__store_stmt(s, ST_EVENT_INSERT,
                                             "INSERT INTO events(type, family, modality, quad) VALUES(?1, ?2, ?3, ?4)");
        if (!st) return RASID_STORE;
        bind_text(st, 1, e->type ? e->type : "UNKNOWN");
        sqlite3_bind_text(st, 2, family, -1, SQLITE_TRANSIENT);
        bind_text(st, 3, e->modality ? e->modality : "asserted");
        sqlite3_bind_int(st, 4, rasid__quad_class(e->cameo, e->type));
        if ((rc = step_done(s, st, "event"))) return rc;
        ev = sqlite3_last_insert_rowid(s->db);
        res->new_events++;
    }
    res->events++;
    sqlite3_stmt *st = rasid__store_stmt(
        s, ST_REPORT_INSERT,
        "INSERT INTO event_reports(event, doc, coder_id, type, mode, context, modality, acled_event, acled_sub,"
        " cameo, date_value, date_precision, date_start, date_end, date_lo, date_hi, place, loc_start, loc_end,"
        " dead, injured, arrested, hostages, q_dead, q_injured, q_arrested, q_hostages, ev_start, ev_end,"
        " trig_start, trig_end, trigger, confidence, summary) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
        " ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,"
        " ?31, ?32, ?33, ?34)");
    if (!st) return RASID_STORE;
    char ctx[256];
    context_join(e, ctx, sizeof ctx);
    sqlite3_bind_int64(st, 1, ev);
    sqlite3_bind_int64(st, 2, docid);
    sqlite3_bind_text(st, 3, e->id, -1, SQLITE_TRANSIENT);
    bind_text(st, 4, e->type);
    bind_text(st, 5, e->mode);
    bind_text(st, 6, ctx);
    bind_text(st, 7, e->modality ? e->modality : "asserted");
    bind_text(st, 8, e->acled_event);
    bind_text(st, 9, e->acled_sub);
    bind_text(st, 10, e->cameo);
    if (e->date) {
        bind_text(st, 11, e->date->value);
        bind_text(st, 12, rasid__precision_name(e->date->precision));
        sqlite3_bind_int64(st, 13, e->date->start);
        sqlite3_bind_int64(st, 14, e->date->end);
    }
    if (k.dated) {
        sqlite3_bind_int64(st, 15, k.lo);
        sqlite3_bind_int64(st, 16, k.hi);
    }
    if (e->location) {
        sqlite3_bind_int64(st, 17, k.place);
        sqlite3_bind_int64(st, 18, e->location->start);
        sqlite3_bind_int64(st, 19, e->location->end);
    }
    bind_count(st, 20, e->dead);
    bind_count(st, 21, e->injured);
    bind_count(st, 22, e->arrested);
    bind_count(st, 23, e->hostages);
    bind_text(st, 24, e->dead >= 0 ? qualifier_name(e->q_dead) : NULL);
    bind_text(st, 25, e->injured >= 0 ? qualifier_name(e->q_injured) : NULL);
    bind_text(st, 26, e->arrested >= 0 ? qualifier_name(e->q_arrested) : NULL);
    bind_text(st, 27, e->hostages >= 0 ? qualifier_name(e->q_hostages) : NULL);
    sqlite3_bind_int64(st, 28, e->ev_start);
    sqlite3_bind_int64(st, 29, e->ev_end);
    sqlite3_bind_int64(st, 30, e->trig_start);
    sqlite3_bind_int64(st, 31, e->trig_end);
    bind_text(st, 32, e->trigger_text);
    sqlite3_bind_double(st, 33, e->confidence);
    bind_text(st, 34, e->summary);
    if ((rc = step_done(s, st, "report"))) return rc;
    long long rep = sqlite3_last_insert_rowid(s->db);
    size_t len;
    const char *text = rasid_doc_text(doc, &len);
    for (int sd = 0; sd < 2; sd++) {
        const rasid_entity *ents = sd ? e->recipient : e->actor;
        const side *ids = sd ? &k.recipient : &k.actor;
        for (int i = 0; i < ids->n; i++) {
            st = rasid__store_stmt(s, ST_REPORT_ACTOR_INSERT,
                                   "INSERT OR IGNORE INTO event_actors(report, role, pos, actor, text, start, end)"
                                   " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)");
            if (!st) return RASID_STORE;
            const rasid_entity *en = &ents[i];
            sqlite3_bind_int64(st, 1, rep);
            sqlite3_bind_text(st, 2, sd ? "recipient" : "actor", -1, SQLITE_STATIC);
            sqlite3_bind_int(st, 3, i);
            sqlite3_bind_int64(st, 4, ids->id[i]);
            if (en->end > en->start && en->end <= len)
                sqlite3_bind_text(st, 5, text + en->start, (int)(en->end - en->start), SQLITE_TRANSIENT);
            else
                bind_text(st, 5, en->text);
            sqlite3_bind_int64(st, 6, en->start);
            sqlite3_bind_int64(st, 7, en->end);
            if ((rc = step_done(s, st, "report actor"))) return rc;
        }
    }
    return refresh_event(s, ev);
}

static long days_of(const char *ymd)
{
    long lo, hi;
    if (ymd && strlen(ymd) == 10 && rasid__date_range(ymd, RASID_P_DAY, &lo, &hi)) return lo;
    return LONG_MIN;
}

/* Mentions and events of a coded document. */
static int store_coded(rasid_store *s, long long docid, const rasid_doc *doc, rasid_store_added *res)
{
    size_t len;
    const char *text = rasid_doc_text(doc, &len);
    const rasid_mention *m = rasid_doc_mentions(doc);
    size_t nm = rasid_doc_nmentions(doc);
    int rc;
    for (size_t i = 0; i < nm; i++) {
        sqlite3_stmt *st = rasid__store_stmt(
            s, ST_MENTION_INSERT,
            "INSERT INTO mentions(doc, kind, start, end, text, entity, name, ekind, sector, country, role, admin1,"
            " lat, lon, geonameid, value, precision, fuzzy) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
            " ?12, ?13, ?14, ?15, ?16, ?17, ?18)");
        if (!st) return RASID_STORE;
        sqlite3_bind_int64(st, 1, docid);
        sqlite3_bind_text(st, 2, mention_kind(m[i].kind), -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 3, m[i].start);
        sqlite3_bind_int64(st, 4, m[i].end);
        if (m[i].end > m[i].start && m[i].end <= len)
            sqlite3_bind_text(st, 5, text + m[i].start, (int)(m[i].end - m[i].start), SQLITE_TRANSIENT);
        bind_text(st, 6, m[i].id);
        bind_text(st, 7, m[i].name);
        bind_text(st, 8, m[i].ekind);
        bind_text(st, 9, m[i].sector);
        bind_text(st, 10, m[i].country);
        bind_text(st, 11, m[i].role);
        bind_text(st, 12, m[i].admin1);
        if (m[i].kind == RASID_M_PLACE) {
            bind_real(st, 13, m[i].lat);
            bind_real(st, 14, m[i].lon);
            if (m[i].geonameid) sqlite3_bind_int64(st, 15, m[i].geonameid);
        }
        if (m[i].kind == RASID_M_DATE) bind_text(st, 16, m[i].value);
        else if (m[i].kind == RASID_M_NUMBER) sqlite3_bind_double(st, 16, m[i].num);
        bind_text(st, 17, rasid__precision_name(m[i].precision));
        sqlite3_bind_int(st, 18, m[i].fuzzy);
        if ((rc = step_done(s, st, "mention"))) return rc;
    }
    long pub = days_of(rasid_doc_published(doc));
    const rasid_event *ev = rasid_doc_events(doc);
    size_t ne = rasid_doc_nevents(doc);
    for (size_t i = 0; i < ne; i++)
        if ((rc = store_event(s, doc, docid, pub, &ev[i], res))) return rc;
    return RASID_OK;
}

static void now_utc(char *out, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int rasid_store_add(rasid_store *s, rasid_doc *doc, const rasid_lexicon *lex, rasid_store_added *res)
{
    rasid_store_added dummy;
    if (!res) res = &dummy;
    memset(res, 0, sizeof *res);
    if (!s || !doc) return RASID_ARG;
    if (s->flags & RASID_STORE_READONLY) return rasid__store_fail(s, RASID_ARG, "opened read-only");
    size_t len;
    const char *text = rasid_doc_text(doc, &len);
    const char *url = rasid_doc_meta(doc, "url");
    char hash[65];
    rasid__sha256_hex(text, len, hash);
    int own = !s->in_tx, rc;
    /* No savepoint per document: FTS5 flushes its pending index data at every savepoint,
     * which would make one tiny segment per article. Coding (the step that fails on bad
     * input) runs before anything is written; a failure after that is a database error
     * and the caller rolls the batch back. */
    if (own && (rc = rasid_store_begin(s))) return rc;
    long long id = 0;
    if ((rc = find_doc(s, url, hash, &id))) goto out;
    if (id) {
        res->doc = id;
        goto out;
    }
    int pub_given = rasid_doc_published(doc) != NULL;
    if (lex && (rc = rasid_doc_code(doc, lex))) {
        const char *m = rasid_doc_errmsg(doc);
        rasid__store_fail(s, rc, "%s", m && *m ? m : rasid_strerror(rc));
        goto out;
    }
    sqlite3_stmt *st = rasid__store_stmt(
        s, ST_DOC_INSERT,
        "INSERT INTO documents(doc_key, url, title, source, author, published, pub_given, fetched, text, hash)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    if (!st) {
        rc = RASID_STORE;
        goto out;
    }
    char now[32];
    now_utc(now, sizeof now);
    const char *fetched = rasid_doc_meta(doc, "fetched");
    bind_text(st, 1, rasid_doc_id(doc));
    bind_text(st, 2, url);
    bind_text(st, 3, rasid_doc_meta(doc, "title"));
    bind_text(st, 4, rasid_doc_meta(doc, "source"));
    bind_text(st, 5, rasid_doc_meta(doc, "author"));
    bind_text(st, 6, rasid_doc_published(doc));
    sqlite3_bind_int(st, 7, pub_given);
    bind_text(st, 8, fetched ? fetched : now);
    sqlite3_bind_text(st, 9, text, (int)len, SQLITE_STATIC);
    sqlite3_bind_text(st, 10, hash, 64, SQLITE_STATIC);
    if ((rc = step_done(s, st, "document"))) goto out;
    sqlite3_reset(st);
    id = sqlite3_last_insert_rowid(s->db);
    st = rasid__store_stmt(s, ST_FTS_INSERT, "INSERT INTO documents_fts(rowid, title, text) VALUES(?1, ?2, ?3)");
    if (!st) {
        rc = RASID_STORE;
        goto out;
    }
    sqlite3_bind_int64(st, 1, id);
    bind_text(st, 2, rasid_doc_meta(doc, "title"));
    sqlite3_bind_text(st, 3, text, (int)len, SQLITE_STATIC);
    if ((rc = step_done(s, st, "search index"))) goto out;
    sqlite3_reset(st);
    res->added = 1;
    res->doc = id;
    if (lex || rasid_doc_nevents(doc) || rasid_doc_nmentions(doc)) rc = store_coded(s, id, doc, res);
out:
    if (own) {
        if (rc == RASID_OK) rc = rasid_store_commit(s);
        else rasid_store_rollback(s);
    }
    return rc;
}

int rasid_store_reprocess(rasid_store *s, const rasid_lexicon *lex,
                          void (*progress)(void *ctx, size_t done, size_t total), void *ctx)
{
    if (!s || !lex) return RASID_ARG;
    if (s->flags & RASID_STORE_READONLY) return rasid__store_fail(s, RASID_ARG, "opened read-only");
    int rc;
    if (s->in_tx && (rc = rasid_store_commit(s))) return rc;
    if ((rc = rasid_store_begin(s))) return rc;
    char *err = NULL;
    if (sqlite3_exec(s->db,
                     "DELETE FROM event_actors; DELETE FROM event_reports; DELETE FROM events;"
                     " DELETE FROM mentions; DELETE FROM actors; DELETE FROM places;",
                     NULL, NULL, &err) != SQLITE_OK) {
        rc = rasid__store_sqlerr(s, "reprocess");
        sqlite3_free(err);
        rasid_store_rollback(s);
        return rc;
    }
    size_t total = 0, done = 0;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM documents", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        total = (size_t)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT id, doc_key, text, CASE WHEN pub_given THEN published END FROM documents ORDER BY id",
                           -1, &st, NULL) != SQLITE_OK) {
        rc = rasid__store_sqlerr(s, "reprocess");
        rasid_store_rollback(s);
        return rc;
    }
    rasid_store_added res;
    memset(&res, 0, sizeof res);
    rasid_analyser *an = rasid_analyser_new(lex); /* caches across the documents */
    int r;
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 2);
        size_t len = (size_t)sqlite3_column_bytes(st, 2);
        rasid_doc *d = rasid_doc_new(col_text(st, 1), text ? text : "", len, col_text(st, 3));
        if (!d) {
            rc = RASID_NOMEM;
            break;
        }
        rasid_doc_use(d, an);
        rc = rasid_doc_code(d, lex);
        if (rc == RASID_OK) rc = store_coded(s, sqlite3_column_int64(st, 0), d, &res);
        else rasid__store_fail(s, rc, "%s", rasid_doc_errmsg(d));
        rasid_doc_free(d);
        if (rc) break;
        done++;
        if (progress && (done % 64 == 0 || done == total)) progress(ctx, done, total);
    }
    if (rc == RASID_OK && r != SQLITE_DONE) rc = rasid__store_sqlerr(s, "reprocess");
    sqlite3_finalize(st);
    rasid_analyser_free(an);
    if (rc) {
        rasid_store_rollback(s);
        return rc;
    }
    return rasid_store_commit(s);
}
