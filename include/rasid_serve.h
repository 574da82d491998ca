/*
 * rasid_serve.h — `rasid serve`: an HTTP server with a JSON API over a store and the
 * analysts' web page (built assets from web/dist).
 *
 * Objects
 *   rasid_server  a running server: a libmicrohttpd daemon with its own threads, a pool
 *                 of read-only store handles (one per request at a time) and a cache of
 *                 static files. Nothing is global: several servers may run in one process.
 *
 * The server never writes to the store (it opens it with RASID_STORE_READONLY). It binds
 * to 127.0.0.1 unless told otherwise. Every request is answered from the calling MHD
 * thread; a bad or hostile request gets a 4xx answer (JSON {"error": ..., "status": N}
 * under /api/), never a crash. See docs/serve.md for the endpoints.
 */
#ifndef RASID_SERVE_H
#define RASID_SERVE_H

#include "rasid.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rasid_server rasid_server;

/* Options; zero fields take the defaults shown. */
typedef struct rasid_serve_opts {
    const char *db;            /* store file (NULL: $RASID_DB, else "rasid.db") */
    const char *bind;          /* IPv4 or IPv6 address to listen on (NULL: "127.0.0.1") */
    unsigned port;             /* TCP port; 0 = 8080; RASID_SERVE_ANY_PORT = ephemeral */
    const char *web;           /* built web assets (NULL: no page, API only) */
    unsigned threads;          /* worker threads (0: number of CPUs, at most 8) */
    unsigned max_connections;  /* open connections in all (0: 256) */
    unsigned per_ip;           /* open connections per client address (0: 128) */
    unsigned timeout_s;        /* idle connection timeout in seconds (0: 15) */
    size_t max_request;        /* per-connection memory: request line + headers (0: 32768) */
    size_t cache_bytes;        /* memory for cached API answers (0: 64 MB) */
    int no_cache;              /* 1: compute every API answer afresh */
    FILE *log;                 /* access log, one line per request (NULL: none) */
} rasid_serve_opts;

#define RASID_SERVE_ANY_PORT 65536u

/* Limits applied to every request (also documented in docs/serve.md). */
#define RASID_SERVE_MAX_URL 4096     /* path + query bytes, else 414 */
#define RASID_SERVE_MAX_QUERY 2048   /* query string bytes, else 414 */
#define RASID_SERVE_MAX_HEADERS 64   /* header fields, else 431 */
#define RASID_SERVE_MAX_HEADER_BYTES 16384 /* all header fields together, else 431 */
#define RASID_SERVE_MAX_LIMIT 10000  /* largest `limit` of a listing */

/* Start serving. The store must exist and be readable (it is opened once here to check).
 * On success *out is the running server; on failure NULL, a message in errbuf and a
 * rasid error code (RASID_IO: cannot bind or open, RASID_CORRUPT, RASID_ARG: bad option,
 * RASID_NOMEM). */
RASID_API int rasid_serve_start(const rasid_serve_opts *opts, rasid_server **out, char *errbuf,
                                size_t errlen);
/* The port actually bound (useful with RASID_SERVE_ANY_PORT). */
RASID_API unsigned rasid_serve_port(const rasid_server *s);
/* "http://HOST:PORT/" for the bound address. */
RASID_API const char *rasid_serve_url(const rasid_server *s);
/* Stop accepting, finish or close open connections, join the threads, close the store
 * handles, free everything. NULL is a no-op. */
RASID_API void rasid_serve_stop(rasid_server *s);

#ifdef __cplusplus
}
#endif
#endif /* RASID_SERVE_H */
