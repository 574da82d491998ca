/*
 * schema.c — opening a store: file checks, pragmas, schema migrations, shared helpers.
 *
 * The schema is a list of migrations; migration i brings a file from user_version i to
 * i + 1 and runs in the same transaction as the version bump, so a file is always at one
 * well-defined version. A file with a newer version than this library knows is refused.
 *
 * Pragmas: WAL journal (readers and the writer do not block each other; a crash leaves
 * either the committed transaction or nothing), synchronous=NORMAL (in WAL mode a
 * committed transaction is in the WAL file before COMMIT returns, so killing the process
 * loses nothing; only a power failure can lose the last transactions, never corrupt —
 * and ingest is idempotent, so re-running it restores them; FULL would fsync on every
 * batch for that last case only), a 10 s busy timeout for concurrent writers.
 */
#include "store/store.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const MIGRATIONS[] = {
    /* 0 -> 1 */
    "CREATE TABLE documents(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc_key TEXT NOT NULL,          -- the input's id (JSON Lines id, file name)\n"
    "  url TEXT,                       -- canonical URL, or NULL\n"
    "  title TEXT, source TEXT, author TEXT,\n"
    "  published TEXT,                 -- YYYY-MM-DD or NULL\n"
    "  pub_given INTEGER NOT NULL DEFAULT 0, -- 1: from the input, 0: from the dateline\n"
    "  fetched TEXT,                   -- when it was stored or fetched (UTC, ISO 8601)\n"
    "  text TEXT NOT NULL,\n"
    "  hash TEXT NOT NULL              -- SHA-256 of text, hex\n"
    ");\n"
    "CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url IS NOT NULL;\n"
    "CREATE INDEX documents_hash ON documents(hash);\n"
    "CREATE INDEX documents_key ON documents(doc_key);\n"
    "CREATE TABLE mentions(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  doc INTEGER NOT NULL REFERENCES documents(id),\n"
    "  kind TEXT NOT NULL,             -- place actor person date number nisba\n"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, -- UTF-8 byte span in documents.text\n"
    "  text TEXT,                      -- the span as written\n"
    "  entity TEXT,                    -- QID, GeoNames id or dictionary id\n"
    "  name TEXT,                      -- English canonical name\n"
    "  ekind TEXT, sector TEXT, country TEXT, role TEXT, admin1 TEXT,\n"
    "  lat REAL, lon REAL, geonameid INTEGER,\n"
    "  value TEXT,                     -- date value or number\n"
    "  precision TEXT, fuzzy INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE INDEX mentions_doc ON mentions(doc);\n"
    "CREATE INDEX mentions_name ON mentions(name COLLATE NOCASE);\n"
    "CREATE TABLE actors(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  key TEXT NOT NULL UNIQUE,       -- entity id, else 'name:' + name, else 'text:' + text\n"
    "  name TEXT, kind TEXT, sector TEXT, country TEXT\n"
    ");\n"
    "CREATE INDEX actors_name ON actors(name COLLATE NOCASE);\n"
    "CREATE TABLE places(\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  key TEXT NOT NULL UNIQUE,       -- 'gn:' + geonameid, else entity id, else name\n"
    "  name TEXT, text TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL, geonameid INTEGER,\n"
    "  precision TEXT\n"
    ");\n"
    "CREATE INDEX places_name ON places(name COLLATE NOCASE);\n"
    "CREATE TABLE events(\n"
    "  id INTEGER PRIMARY KEY,         -- one row per de-duplicated real-world event\n"
    "  type TEXT NOT NULL, family TEXT NOT NULL, mode TEXT, modality TEXT NOT NULL,\n"
    "  acled_event TEXT, acled_sub TEXT, cameo TEXT, quad INTEGER,\n"
    "  date_value TEXT, date_precision TEXT,\n"
    "  date_lo INTEGER, date_hi INTEGER, -- the date's range, days since 1970-01-01\n"
    "  place INTEGER REFERENCES places(id), place_name TEXT, country TEXT, admin1 TEXT,\n"
    "  lat REAL, lon REAL, geonameid INTEGER, place_precision TEXT,\n"
    "  fatalities INTEGER,             -- summary: the largest reported toll\n"
    "  fatalities_min INTEGER, fatalities_max INTEGER,\n"
    "  injured INTEGER, arrested INTEGER, hostages INTEGER, -- largest reported\n"
    "  nreports INTEGER NOT NULL DEFAULT 0, ndocs INTEGER NOT NULL DEFAULT 0,\n"
    "  confidence REAL, summary TEXT,\n"
    "  primary_report INTEGER          -- the report with the most precise date and place\n"
    ");\n"
    "CREATE INDEX events_family ON events(family, modality, date_lo);\n"
    "CREATE INDEX events_date ON events(date_lo);\n"
    "CREATE INDEX events_country ON events(country);\n"
    "CREATE INDEX events_type ON events(type);\n"
    "CREATE TABLE event_reports(\n"
    "  id INTEGER PRIMARY KEY,         -- one article's report of an event\n"
    "  event INTEGER NOT NULL REFERENCES events(id),\n"
    "  doc INTEGER NOT NULL REFERENCES documents(id),\n"
    "  coder_id TEXT NOT NULL,         -- the coder's stable id (doc#n)\n"
    "  type TEXT, mode TEXT, context TEXT, modality TEXT, acled_event TEXT, acled_sub TEXT,\n"
    "  cameo TEXT,\n"
    "  date_value TEXT, date_precision TEXT, date_start INTEGER, date_end INTEGER,\n"
    "  date_lo INTEGER, date_hi INTEGER,\n"
    "  place INTEGER REFERENCES places(id), loc_start INTEGER, loc_end INTEGER,\n"
    "  dead INTEGER, injured INTEGER, arrested INTEGER, hostages INTEGER,\n"
    "  q_dead TEXT, q_injured TEXT, q_arrested TEXT, q_hostages TEXT,\n"
    "  ev_start INTEGER, ev_end INTEGER, trig_start INTEGER, trig_end INTEGER, trigger TEXT,\n"
    "  confidence REAL, summary TEXT\n"
    ");\n"
    "CREATE INDEX event_reports_event ON event_reports(event);\n"
    "CREATE INDEX event_reports_doc ON event_reports(doc);\n"
    "CREATE TABLE event_actors(\n"
    "  report INTEGER NOT NULL REFERENCES event_reports(id),\n"
    "  role TEXT NOT NULL CHECK(role IN ('actor', 'recipient')),\n"
    "  pos INTEGER NOT NULL,\n"
    "  actor INTEGER NOT NULL REFERENCES actors(id),\n"
    "  text TEXT, start INTEGER, end INTEGER,\n"
    "  PRIMARY KEY(report, role, pos)\n"
    ") WITHOUT ROWID;\n"
    "CREATE INDEX event_actors_actor ON event_actors(actor);\n"
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',\n"
    "  content_rowid='id', tokenize='rasid_ar');\n",
    /* 1 -> 2: the de-duplication window. Candidates are looked up by family and date range;
     * `wide` (a range longer than a month: a year) keeps the long ranges in their own part
     * of the index, so that the lookup for a dated report scans a few weeks of events, not
     * a year of them. */
    "ALTER TABLE events ADD COLUMN wide INTEGER NOT NULL DEFAULT 0;\n"
    "UPDATE events SET wide = coalesce(date_hi - date_lo > 31, 0);\n"
    "DROP INDEX events_family;\n"
    "CREATE INDEX events_window ON events(family, wide, date_lo, date_hi);\n",
};
#define NMIGRATIONS (sizeof MIGRATIONS / sizeof MIGRATIONS[0])

/* ------------------------------------------------------------ errors */
int rasid__store_fail(rasid_store *s, int code, const char *fmt, ...)
{
    char m[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    snprintf(s->errmsg, sizeof s->errmsg, "%s: %s", s->path, m);
    return code;
}

int rasid__store_sqlerr(rasid_store *s, const char *what)
{
    int e = s->db ? sqlite3_errcode(s->db) : SQLITE_ERROR;
    const char *m = s->db ? sqlite3_errmsg(s->db) : "cannot open";
    int code = RASID_STORE;
    switch (e & 0xff) {
    case SQLITE_NOMEM: code = RASID_NOMEM; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: code = RASID_CORRUPT; break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_READONLY: code = RASID_IO; break;
    default: break;
    }
    return rasid__store_fail(s, code, "%s%s%s", what ? what : "", what ? ": " : "", m);
}

sqlite3_stmt *rasid__store_stmt(rasid_store *s, int k, const char *sql)
{
    if (!s->st[k]) {
        if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st[k], NULL) != SQLITE_OK) {
            rasid__store_sqlerr(s, "prepare");
            return NULL;
        }
    } else {
        sqlite3_reset(s->st[k]);
        sqlite3_clear_bindings(s->st[k]);
    }
    return s->st[k];
}

static int exec(rasid_store *s, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &err) != SQLITE_OK) {
        int rc = rasid__store_sqlerr(s, NULL);
        if (err) rasid__store_fail(s, rc, "%s", err);
        sqlite3_free(err);
        return rc;
    }
    return RASID_OK;
}

static int user_version(rasid_store *s, int *v)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return rasid__store_sqlerr(s, NULL);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) *v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? RASID_OK : rasid__store_sqlerr(s, NULL);
}

/* Is this a file someone else made (tables, but not ours)? */
static int foreign_file(rasid_store *s)
{
    sqlite3_stmt *st;
    int foreign = 0;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT count(*), sum(name = 'documents') FROM sqlite_schema WHERE type = 'table'",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW) foreign = sqlite3_column_int(st, 0) > 0 && sqlite3_column_int(st, 1) == 0;
    else foreign = -1;
    sqlite3_finalize(st);
    return foreign;
}

static int migrate(rasid_store *s)
{
    int v = 0, rc;
    if ((rc = user_version(s, &v))) return rc;
    if (v >= (int)NMIGRATIONS) return RASID_OK;
    if ((rc = exec(s, "BEGIN IMMEDIATE"))) return rc;
    if ((rc = user_version(s, &v))) goto fail; /* another process may have migrated */
    for (; v < (int)NMIGRATIONS; v++) {
        if ((rc = exec(s, MIGRATIONS[v]))) goto fail;
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v + 1);
        if ((rc = exec(s, sql))) goto fail;
    }
    return exec(s, "COMMIT");
fail:
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

int rasid_store_open(const char *path, unsigned flags, rasid_store **out, char *errbuf, size_t errlen)
{
    *out = NULL;
    if (errbuf && errlen) errbuf[0] = 0;
    if (!path || !*path) path = getenv("RASID_DB");
    if (!path || !*path) path = "rasid.db";
    rasid_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        if (errbuf) snprintf(errbuf, errlen, "%s: out of memory", path);
        return RASID_NOMEM;
    }
    s->flags = flags;
    int rc = RASID_OK;
    struct stat stt;
    int exists = stat(path, &stt) == 0;
    if (!exists && !(flags & RASID_STORE_CREATE)) {
        rc = rasid__store_fail(s, RASID_IO, "%s (no store yet: create one with 'rasid ingest')", strerror(errno));
        goto fail;
    }
    if (exists && S_ISDIR(stt.st_mode)) {
        rc = rasid__store_fail(s, RASID_IO, "is a directory");
        goto fail;
    }
    int oflags = (flags & RASID_STORE_READONLY) ? SQLITE_OPEN_READONLY
                                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        rc = rasid__store_sqlerr(s, "cannot open");
        goto fail;
    }
    sqlite3_extended_result_codes(s->db, 1);
    sqlite3_busy_timeout(s->db, 10000);
    if (rasid__store_register(s->db) != SQLITE_OK) {
        rc = rasid__store_fail(s, RASID_STORE, "cannot register the rasid_ar tokenizer (no FTS5?)");
        goto fail;
    }
    int v = 0;
    if ((rc = user_version(s, &v))) {
        if (rc == RASID_CORRUPT) rasid__store_fail(s, rc, "not a rasid store (not an SQLite database, or damaged)");
        goto fail;
    }
    int foreign = foreign_file(s);
    if (foreign != 0 || (v == 0 && exists && stt.st_size > 0 && foreign < 0)) {
        rc = foreign < 0 ? rasid__store_sqlerr(s, NULL)
                         : rasid__store_fail(s, RASID_CORRUPT, "not a rasid store (an SQLite database with other tables)");
        if (foreign < 0 && rc == RASID_STORE) rc = RASID_CORRUPT;
        goto fail;
    }
    if (v > (int)NMIGRATIONS) {
        rc = rasid__store_fail(s, RASID_CORRUPT, "schema version %d is newer than this rasid knows (%d)", v,
                               (int)NMIGRATIONS);
        goto fail;
    }
    if (!(flags & RASID_STORE_READONLY)) {
        if ((rc = exec(s, "PRAGMA journal_mode = WAL"))) goto fail;
        if ((rc = exec(s, "PRAGMA synchronous = NORMAL"))) goto fail;
        if ((rc = migrate(s))) goto fail;
    } else if (v < (int)NMIGRATIONS) {
        /* an older file opened for reading: migrate it through a writable handle first */
        rasid_store *w = NULL;
        rc = rasid_store_open(path, flags & ~(unsigned)RASID_STORE_READONLY, &w, NULL, 0);
        rasid_store_close(w);
        if (rc) {
            rasid__store_fail(s, rc, "schema version %d is older than %d and the file cannot be migrated (read-only?)",
                              v, (int)NMIGRATIONS);
            goto fail;
        }
    }
    exec(s, "PRAGMA cache_size = -32768"); /* 32 MB */
    *out = s;
    return RASID_OK;
fail:
    if (errbuf && errlen) snprintf(errbuf, errlen, "%s", s->errmsg);
    rasid_store_close(s);
    return rc;
}

void rasid_store_close(rasid_store *s)
{
    if (!s) return;
    for (int i = 0; i < ST__COUNT; i++) sqlite3_finalize(s->st[i]);
    if (s->db) {
        if (s->in_tx) sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(s->db);
    }
    free(s->path);
    free(s);
}

const char *rasid_store_errmsg(const rasid_store *s) { return s ? s->errmsg : "out of memory"; }
const char *rasid_store_path(const rasid_store *s) { return s->path; }

int rasid_store_begin(rasid_store *s)
{
    if (s->in_tx) return RASID_OK;
    int rc = exec(s, "BEGIN IMMEDIATE");
    if (rc == RASID_OK) s->in_tx = 1;
    return rc;
}

int rasid_store_commit(rasid_store *s)
{
    if (!s->in_tx) return RASID_OK;
    int rc = exec(s, "COMMIT");
    if (rc == RASID_OK) s->in_tx = 0;
    return rc;
}

int rasid_store_rollback(rasid_store *s)
{
    if (!s->in_tx) return RASID_OK;
    s->in_tx = 0;
    return sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL) == SQLITE_OK ? RASID_OK : rasid__store_sqlerr(s, "rollback");
}

/* ------------------------------------------------------------ shared helpers */
int rasid__date_range(const char *v, int precision, long *lo, long *hi)
{
    if (!v) return 0;
    size_t n = strlen(v);
    if (n < 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (!(v[i] >= '0' && v[i] <= '9') && !(v[i] == '-' && (i == 4 || i == 7))) return 0;
    int y = atoi(v), m = n >= 7 ? atoi(v + 5) : 0, d = n >= 10 ? atoi(v + 8) : 0;
    if (m < 0 || m > 12 || d < 0 || d > 31) return 0;
    if (precision == RASID_P_YEAR || m == 0) {
        *lo = rasid__days_from_civil(y, 1, 1);
        *hi = rasid__days_from_civil(y, 12, 31);
    } else if (precision == RASID_P_MONTH || d == 0) {
        *lo = rasid__days_from_civil(y, m, 1);
        *hi = rasid__days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1;
    } else {
        *lo = *hi = rasid__days_from_civil(y, m, d);
        if (precision == RASID_P_WEEK) {
            *lo -= 3;
            *hi += 3;
        }
    }
    return 1;
}

const char *rasid__type_family(const char *t)
{
    /* Types a second article may well code differently for the same happening. */
    static const char *const fam[][3] = {
        {"ASSAULT", "violence", NULL},     {"COERCE", "coercion", NULL},
        {"PROTEST", "protest", NULL},      {"THREATEN", "threat", NULL},
        {"ACCUSE", "dispute", NULL},       {"REJECT", "dispute", NULL},
        {"AGREE", "agreement", NULL},      {"COOPERATE", "agreement", NULL},
        {"CONSULT", "consultation", NULL}, {"SUPPORT", "support", NULL},
        {"AID", "support", NULL},          {"CONCEDE", "concession", NULL},
        {"RETREAT", "concession", NULL},   {"REQUEST", "request", NULL},
        {"SANCTION", "sanction", NULL},    {"MOBILIZE", "mobilization", NULL},
    };
    if (!t) return "other";
    for (size_t i = 0; i < sizeof fam / sizeof fam[0]; i++)
        if (strcmp(fam[i][0], t) == 0) return fam[i][1];
    return t;
}

int rasid__quad_class(const char *cameo, const char *type)
{
    if (cameo && cameo[0] >= '0' && cameo[0] <= '2' && cameo[1] >= '0' && cameo[1] <= '9') {
        int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
        if (root >= 1 && root <= 20) return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    }
    if (!type) return 0;
    static const char *const q[][2] = {
        {"AGREE", "1"},   {"CONSULT", "1"},  {"SUPPORT", "1"},  {"CONCEDE", "2"},  {"COOPERATE", "2"},
        {"AID", "2"},     {"RETREAT", "2"},  {"REQUEST", "1"},  {"ACCUSE", "3"},   {"REJECT", "3"},
        {"THREATEN", "3"}, {"PROTEST", "3"}, {"SANCTION", "3"}, {"MOBILIZE", "4"}, {"COERCE", "4"},
        {"ASSAULT", "4"}};
    for (size_t i = 0; i < sizeof q / sizeof q[0]; i++)
        if (strcmp(q[i][0], type) == 0) return q[i][1][0] - '0';
    return 0;
}

const char *rasid__quad_name(int quad)
{
    switch (quad) {
    case 1: return "verbal cooperation";
    case 2: return "material cooperation";
    case 3: return "verbal conflict";
    case 4: return "material conflict";
    }
    return "unknown";
}

static const char *const PREC[] = {NULL,    "day",  "week",   "month",  "year",   "site",
                                   "city",  "admin2", "admin1", "country", "region"};

const char *rasid__precision_name(int p)
{
    return p > 0 && p < (int)(sizeof PREC / sizeof PREC[0]) ? PREC[p] : NULL;
}

int rasid__precision_of(const char *name)
{
    if (!name) return RASID_P_NONE;
    for (size_t i = 1; i < sizeof PREC / sizeof PREC[0]; i++)
        if (strcmp(PREC[i], name) == 0) return (int)i;
    return RASID_P_NONE;
}
