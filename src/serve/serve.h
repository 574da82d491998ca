/*
 * serve.h — internals of `rasid serve` shared by server.c (daemon, limits, dispatch,
 * static files), reply.c (ETag, gzip, headers) and api.c (the JSON endpoints).
 * Not installed; the public contract is include/rasid_serve.h.
 */
#ifndef RASID_SERVE_INTERNAL_H
#define RASID_SERVE_INTERNAL_H

#include "rasid_serve.h"
#include "rasid_store.h"

#include <pthread.h>
#include <stddef.h>

struct MHD_Connection;

/* A pool of read-only store handles: a handle serves one request at a time. */
typedef struct srv_pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    rasid_store **free; /* idle handles */
    size_t nfree, open, max;
    char *path;
} srv_pool;

int srv_pool_init(srv_pool *p, const char *path, size_t max);
void srv_pool_destroy(srv_pool *p);
/* A handle, opening one if none is idle (waits when `max` are busy); NULL on failure
 * with a message in err. */
rasid_store *srv_pool_get(srv_pool *p, char *err, size_t errlen);
void srv_pool_put(srv_pool *p, rasid_store *st);

/* What a handler produced; srv_send() turns it into an HTTP response. */
typedef struct srv_reply {
    int status;
    const char *ctype;       /* Content-Type */
    const char *cache;       /* Cache-Control (NULL: "no-cache") */
    const char *disposition; /* Content-Disposition or NULL */
    char *body;              /* malloc'd (owned by the reply), may be NULL when len == 0 */
    size_t len;
    int html;                /* add the page's Content-Security-Policy */
    char *gz;                /* gzip of body, when known (owned), else NULL */
    size_t gzlen;
    unsigned long long hash; /* srv_hash(body), when has_hash */
    int has_hash;
} srv_reply;

/* A JSON error reply {"error": msg, "status": status}. Never fails (falls back to a
 * static body on out-of-memory). */
void srv_error(srv_reply *r, int status, const char *msg);
/* Take ownership of a malloc'd body. */
void srv_body(srv_reply *r, int status, const char *ctype, char *body, size_t len);
void srv_reply_free(srv_reply *r);

/* Send r on c: ETag + If-None-Match (304), gzip when accepted, security headers.
 * Frees r's body. Returns MHD_YES/MHD_NO. */
int srv_send(struct MHD_Connection *c, srv_reply *r);

/* 64-bit FNV-1a. */
unsigned long long srv_hash(const void *p, size_t n);
/* gzip `in` (RFC 1952); malloc'd result in *out; 0 on success. */
int srv_gzip(const char *in, size_t n, char **out, size_t *outlen);
/* Does the Accept-Encoding value accept gzip? */
int srv_accepts_gzip(const char *accept_encoding);
/* Does If-None-Match list the entity tag `etag` (or "*")? Weak comparison. */
int srv_etag_match(const char *if_none_match, const char *etag);
/* MIME type for a file name (by extension); "application/octet-stream" if unknown. */
const char *srv_mime(const char *name);
/* Is a decoded URL path safe to map below the web root? ("/a/b.js": yes; "..", ".",
 * hidden names, empty segments, backslashes, control bytes: no.) */
int srv_safe_path(const char *path);

/* A cache of API answers (200s only), keyed by the raw request target and valid while
 * the store file and its WAL are unchanged (size, mtime, inode): a reader sees every
 * commit. Thread-safe; bounded in bytes and entries (oldest out first). */
typedef struct srv_cache srv_cache;
srv_cache *srv_cache_new(const char *db_path, size_t max_bytes);
void srv_cache_free(srv_cache *c);
/* The store's current stamp (stat of the file and its -wal). */
unsigned long long srv_cache_stamp(const srv_cache *c);
/* A copy of the cached answer for key at stamp into r (1), or 0. */
int srv_cache_get(srv_cache *c, const char *key, unsigned long long stamp, srv_reply *r);
/* Keep a copy of r (a 200) for key at stamp; computes its gzip and hash once. */
void srv_cache_put(srv_cache *c, const char *key, unsigned long long stamp, srv_reply *r);
/* Is a Content-Type worth compressing? */
int srv_compressible(const char *ctype);

/* The JSON API: path starts with "/api". Fills r. */
void srv_api(srv_pool *pool, struct MHD_Connection *c, const char *path, srv_reply *r);

#endif
