/*
 * cache.c — answers of the JSON API kept in memory while the store is unchanged.
 *
 * The server never writes to the store; another process (rasid ingest, rasid watch) may.
 * In WAL mode every commit changes the -wal file (its size or mtime) and a checkpoint
 * changes the main file, so a stamp made of both files' stat() fields tells whether
 * anything was committed since an answer was computed. When the stamp moves, the whole
 * cache is dropped. Entries are copied in and out under one mutex; the gzip of a body and
 * its hash (the ETag) are computed once, when the entry is stored.
 */
#include "serve/serve.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_ENTRIES 256

typedef struct entry {
    char *key;
    unsigned long long khash;
    srv_reply r; /* body, gz, hash; ctype/cache/disposition are static strings */
    size_t bytes;
} entry;

struct srv_cache {
    pthread_mutex_t mu;
    char *db, *wal;
    size_t max_bytes, bytes;
    unsigned long long stamp;
    entry e[MAX_ENTRIES];
    size_t n; /* entries in e[], oldest first */
};

srv_cache *srv_cache_new(const char *db_path, size_t max_bytes)
{
    srv_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    size_t n = strlen(db_path);
    c->db = strdup(db_path);
    c->wal = malloc(n + 5);
    if (!c->db || !c->wal || pthread_mutex_init(&c->mu, NULL) != 0) {
        free(c->db);
        free(c->wal);
        free(c);
        return NULL;
    }
    memcpy(c->wal, db_path, n);
    memcpy(c->wal + n, "-wal", 5);
    c->max_bytes = max_bytes;
    return c;
}

static void drop(entry *e)
{
    free(e->key);
    srv_reply_free(&e->r);
    memset(e, 0, sizeof *e);
}

void srv_cache_free(srv_cache *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->n; i++) drop(&c->e[i]);
    pthread_mutex_destroy(&c->mu);
    free(c->db);
    free(c->wal);
    free(c);
}

static unsigned long long mix(unsigned long long h, unsigned long long v)
{
    return srv_hash(&v, sizeof v) ^ (h * 0x9e3779b97f4a7c15ull);
}

unsigned long long srv_cache_stamp(const srv_cache *c)
{
    unsigned long long h = 1;
    const char *paths[2] = {c->db, c->wal};
    for (int i = 0; i < 2; i++) {
        struct stat st;
        if (stat(paths[i], &st) != 0) {
            h = mix(h, 0x5eed + (unsigned)i);
            continue;
        }
        h = mix(h, (unsigned long long)st.st_ino);
        h = mix(h, (unsigned long long)st.st_size);
        h = mix(h, (unsigned long long)st.st_mtim.tv_sec);
        h = mix(h, (unsigned long long)st.st_mtim.tv_nsec);
    }
    return h;
}

/* Called with the lock held: a new stamp empties the cache. */
static void restamp(srv_cache *c, unsigned long long stamp)
{
    if (stamp == c->stamp) return;
    for (size_t i = 0; i < c->n; i++) drop(&c->e[i]);
    c->n = 0;
    c->bytes = 0;
    c->stamp = stamp;
}

static char *dup_bytes(const char *p, size_t n)
{
    char *q = malloc(n ? n : 1);
    if (q && n) memcpy(q, p, n);
    return q;
}

int srv_cache_get(srv_cache *c, const char *key, unsigned long long stamp, srv_reply *r)
{
    if (!c || !key) return 0;
    unsigned long long kh = srv_hash(key, strlen(key));
    int hit = 0;
    pthread_mutex_lock(&c->mu);
    restamp(c, stamp);
    for (size_t i = 0; i < c->n; i++) {
        entry *e = &c->e[i];
        if (e->khash != kh || strcmp(e->key, key) != 0) continue;
        char *body = dup_bytes(e->r.body, e->r.len);
        char *gz = e->r.gz ? dup_bytes(e->r.gz, e->r.gzlen) : NULL;
        if (!body || (e->r.gz && !gz)) {
            free(body);
            free(gz);
            break;
        }
        srv_reply_free(r);
        *r = e->r;
        r->body = body;
        r->gz = gz;
        hit = 1;
        break;
    }
    pthread_mutex_unlock(&c->mu);
    return hit;
}

void srv_cache_put(srv_cache *c, const char *key, unsigned long long stamp, srv_reply *r)
{
    if (!c || !key || r->status != 200 || !r->body) return;
    /* the expensive parts outside the lock */
    r->hash = srv_hash(r->body, r->len);
    r->has_hash = 1;
    if (!r->gz && r->len >= 256 && srv_compressible(r->ctype) && srv_gzip(r->body, r->len, &r->gz, &r->gzlen) != 0)
        r->gz = NULL;
    size_t bytes = r->len + r->gzlen + strlen(key) + sizeof(entry);
    if (bytes > c->max_bytes / 4) return; /* one answer never fills the cache */
    entry ne;
    memset(&ne, 0, sizeof ne);
    ne.key = strdup(key);
    ne.khash = srv_hash(key, strlen(key));
    ne.r = *r;
    ne.r.body = dup_bytes(r->body, r->len);
    ne.r.gz = r->gz ? dup_bytes(r->gz, r->gzlen) : NULL;
    ne.bytes = bytes;
    if (!ne.key || !ne.r.body || (r->gz && !ne.r.gz)) {
        drop(&ne);
        return;
    }
    pthread_mutex_lock(&c->mu);
    restamp(c, stamp);
    int dup = 0;
    for (size_t i = 0; i < c->n && !dup; i++)
        if (c->e[i].khash == ne.khash && strcmp(c->e[i].key, ne.key) == 0) dup = 1; /* raced: keep one */
    if (!dup) {
        size_t k = 0; /* oldest out */
        while (k < c->n && (c->n - k >= MAX_ENTRIES || c->bytes + bytes > c->max_bytes)) {
            c->bytes -= c->e[k].bytes;
            drop(&c->e[k]);
            k++;
        }
        if (k) {
            memmove(c->e, c->e + k, (c->n - k) * sizeof c->e[0]);
            c->n -= k;
        }
        c->e[c->n++] = ne;
        c->bytes += bytes;
    }
    pthread_mutex_unlock(&c->mu);
    if (dup) drop(&ne);
}
