/*
 * store.h — internals shared by the store's files (schema.c, fts.c, ingest.c, query.c,
 * export.c, sha256.c). Not installed; the public contract is include/rasid_store.h.
 */
#ifndef RASID_STORE_INTERNAL_H
#define RASID_STORE_INTERNAL_H

#include "internal.h"
#include "rasid_store.h"

#include <sqlite3.h>

/* ------------------------------------------------------------------ SHA-256 */
typedef struct rasid__sha256 {
    uint32_t h[8];
    uint64_t nbytes;
    unsigned char buf[64];
    size_t nbuf;
} rasid__sha256;

void rasid__sha256_init(rasid__sha256 *c);
void rasid__sha256_update(rasid__sha256 *c, const void *data, size_t n);
void rasid__sha256_final(rasid__sha256 *c, unsigned char out[32]);
/* SHA-256 of data as 64 lowercase hex digits + NUL. */
void rasid__sha256_hex(const void *data, size_t n, char out[65]);

/* ------------------------------------------------------------------ handle */
/* Prepared statements kept for the life of the handle (ingest's hot path). */
enum {
    ST_DOC_BY_URL,
    ST_DOC_BY_HASH,
    ST_DOC_INSERT,
    ST_FTS_INSERT,
    ST_MENTION_INSERT,
    ST_ACTOR_GET,
    ST_ACTOR_INSERT,
    ST_PLACE_GET,
    ST_PLACE_INSERT,
    ST_EVENT_CANDIDATES,
    ST_EVENT_ACTORS,
    ST_EVENT_INSERT,
    ST_EVENT_UPDATE,
    ST_REPORT_INSERT,
    ST_REPORT_ACTOR_INSERT,
    ST_EVENT_REPORTS,
    ST__COUNT
};

struct rasid_store {
    sqlite3 *db;
    char *path;
    unsigned flags;
    int in_tx;
    char errmsg[512];
    sqlite3_stmt *st[ST__COUNT];
};

/* Record an error message on the handle ("PATH: message") and return code. */
int rasid__store_fail(rasid_store *s, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Map the last SQLite error of s->db to a rasid code and record its message. */
int rasid__store_sqlerr(rasid_store *s, const char *what);
/* Prepare (once) and reset statement k with SQL sql. NULL on error (message recorded). */
sqlite3_stmt *rasid__store_stmt(rasid_store *s, int k, const char *sql);

/* Register the rasid_ar FTS5 tokenizer and the SQL function rasid_km() on db. */
int rasid__store_register(sqlite3 *db);

/* Great-circle distance in km (haversine, mean Earth radius 6371.0088 km). */
double rasid__haversine_km(double lat1, double lon1, double lat2, double lon2);

/* Dates: "YYYY", "YYYY-MM", "YYYY-MM-DD" (with precision) -> [lo, hi] in days since
 * 1970-01-01. Returns 0 when unparseable. `week` widens a day by +-3 days. */
int rasid__date_range(const char *value, int precision, long *lo, long *hi);

/* PLOVER type -> family used for cross-article de-duplication; and CAMEO quad class
 * (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict). */
const char *rasid__type_family(const char *type);
int rasid__quad_class(const char *cameo, const char *type);
const char *rasid__quad_name(int quad);
const char *rasid__precision_name(int p);
int rasid__precision_of(const char *name);

#endif
