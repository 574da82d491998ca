/*
 * server.c — the daemon behind `rasid serve`: libmicrohttpd with a pool of worker
 * threads, limits on every request, dispatch to the JSON API (api.c) or to the built web
 * assets, and the pool of read-only store handles.
 *
 * Limits (see rasid_serve.h): MHD bounds the request line + headers by its per-connection
 * memory (max_request; larger requests get 414/431 from MHD itself), the total and
 * per-address connection counts and the idle timeout; here the raw URI, the query string
 * and the number of header fields are checked before anything else, and a request with a
 * body (or a method other than GET/HEAD) is refused before its body is read. Every
 * request is answered on the first call of the access handler.
 *
 * Static files: only regular files below the web root as resolved at start; the decoded
 * path must pass srv_safe_path() (no "..", ".", hidden or empty segments, backslashes,
 * control bytes) and its realpath() must still lie below the root (no symlink out).
 */
#include "serve/serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_STATIC_BYTES ((size_t)32 << 20)

struct rasid_server {
    struct MHD_Daemon *d;
    srv_pool pool;
    srv_cache *cache; /* NULL: no caching */
    char *webroot; /* realpath of the web directory, or NULL */
    size_t webroot_len;
    FILE *log;
    pthread_mutex_t log_mu;
    unsigned port;
    int loopback; /* bound to a loopback address: only local Host names are served */
    char url[128];
};

/* ------------------------------------------------------------ store pool */
int srv_pool_init(srv_pool *p, const char *path, size_t max)
{
    memset(p, 0, sizeof *p);
    p->max = max ? max : 1;
    p->free = calloc(p->max, sizeof *p->free);
    p->path = path ? strdup(path) : NULL;
    if (!p->free || (path && !p->path)) {
        free(p->free);
        free(p->path);
        return RASID_NOMEM;
    }
    if (pthread_mutex_init(&p->mu, NULL) != 0) return RASID_NOMEM;
    if (pthread_cond_init(&p->cv, NULL) != 0) {
        pthread_mutex_destroy(&p->mu);
        return RASID_NOMEM;
    }
    return RASID_OK;
}

void srv_pool_destroy(srv_pool *p)
{
    for (size_t i = 0; i < p->nfree; i++) rasid_store_close(p->free[i]);
    free(p->free);
    free(p->path);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
}

rasid_store *srv_pool_get(srv_pool *p, char *err, size_t errlen)
{
    pthread_mutex_lock(&p->mu);
    while (p->nfree == 0 && p->open >= p->max) pthread_cond_wait(&p->cv, &p->mu);
    if (p->nfree > 0) {
        rasid_store *st = p->free[--p->nfree];
        pthread_mutex_unlock(&p->mu);
        return st;
    }
    p->open++;
    pthread_mutex_unlock(&p->mu);
    rasid_store *st = NULL;
    if (rasid_store_open(p->path, RASID_STORE_READONLY, &st, err, errlen) != RASID_OK) {
        pthread_mutex_lock(&p->mu);
        p->open--;
        pthread_cond_signal(&p->cv);
        pthread_mutex_unlock(&p->mu);
        return NULL;
    }
    return st;
}

void srv_pool_put(srv_pool *p, rasid_store *st)
{
    if (!st) return;
    pthread_mutex_lock(&p->mu);
    p->free[p->nfree++] = st; /* nfree < max: every handle out came from open <= max */
    pthread_cond_signal(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

/* ------------------------------------------------------------ per-request state */
typedef struct req_ctx {
    char *raw; /* the request target as sent (the cache key), NULL when too long */
    size_t uri_len, query_len;
    int bad_uri; /* %00 or control bytes in the raw URI */
    int seen;    /* the access handler was called once */
    int done;    /* answered */
    struct timespec t0;
} req_ctx;

static void *uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
    (void)cls;
    (void)c;
    req_ctx *x = calloc(1, sizeof *x);
    if (!x) return NULL;
    clock_gettime(CLOCK_MONOTONIC, &x->t0);
    x->uri_len = strlen(uri);
    if (x->uri_len <= RASID_SERVE_MAX_URL) x->raw = strdup(uri);
    const char *q = strchr(uri, '?');
    x->query_len = q ? strlen(q + 1) : 0;
    for (const char *p = uri; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if (ch < 0x20 || ch == 0x7f) x->bad_uri = 1;
        if (ch == '%' && p[1] == '0' && p[2] == '0') x->bad_uri = 1;
    }
    return x;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
    (void)cls;
    (void)c;
    (void)toe;
    req_ctx *x = *con_cls;
    if (x) free(x->raw);
    free(x);
    *con_cls = NULL;
}

typedef struct header_count {
    unsigned n;
    size_t bytes;
} header_count;

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
    (void)kind;
    header_count *h = cls;
    h->n++;
    h->bytes += (key ? strlen(key) : 0) + (value ? strlen(value) : 0) + 4;
    return MHD_YES;
}

/* ------------------------------------------------------------ static files */
static void serve_static(rasid_server *s, const char *path, srv_reply *r)
{
    if (!s->webroot) {
        srv_error(r, 404, "no web page: start rasid serve with --web DIR (make web builds web/dist)");
        return;
    }
    if (strcmp(path, "/") == 0) path = "/index.html";
    if (!srv_safe_path(path)) {
        srv_error(r, 400, "bad path");
        return;
    }
    char full[PATH_MAX], real[PATH_MAX];
    if ((size_t)snprintf(full, sizeof full, "%s%s", s->webroot, path) >= sizeof full) {
        srv_error(r, 414, "path too long");
        return;
    }
    if (!realpath(full, real)) {
        srv_error(r, 404, "not found");
        return;
    }
    if (strncmp(real, s->webroot, s->webroot_len) != 0 || real[s->webroot_len] != '/') {
        srv_error(r, 404, "not found"); /* a symlink out of the web root */
        return;
    }
    int fd = open(real, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0) close(fd);
        srv_error(r, 404, "not found");
        return;
    }
    if ((size_t)st.st_size > MAX_STATIC_BYTES) {
        close(fd);
        srv_error(r, 403, "file too large");
        return;
    }
    size_t n = (size_t)st.st_size, got = 0;
    char *buf = malloc(n ? n : 1);
    if (!buf) {
        close(fd);
        srv_error(r, 503, "out of memory");
        return;
    }
    while (got < n) {
        ssize_t k = read(fd, buf + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        got += (size_t)k;
    }
    close(fd);
    if (got != n) {
        free(buf);
        srv_error(r, 500, "read error");
        return;
    }
    srv_body(r, 200, srv_mime(real), buf, n);
    /* Vite puts content-hashed names under /assets/: cache them for good */
    r->cache = strncmp(path, "/assets/", 8) == 0 ? "public, max-age=31536000, immutable" : "no-cache";
    r->html = strncmp(r->ctype, "text/html", 9) == 0;
}

/* ------------------------------------------------------------ dispatch */
/* DNS rebinding: a page from elsewhere whose name now resolves to 127.0.0.1 sends its own
 * Host. A server on loopback answers only to local names (or no Host, HTTP/1.0). */
static int local_host(const char *host)
{
    if (!host) return 1;
    size_t n = strlen(host);
    if (host[0] == '[') {
        const char *e = strchr(host, ']');
        if (!e) return 0;
        return (size_t)(e - host) == 4 && strncmp(host, "[::1]", 5) == 0 && (e[1] == 0 || e[1] == ':');
    }
    const char *colon = strchr(host, ':');
    if (colon) n = (size_t)(colon - host);
    static const char *const ok[] = {"127.0.0.1", "localhost", "localhost."};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strlen(ok[i]) == n && strncasecmp(host, ok[i], n) == 0) return 1;
    return n > 4 && strncmp(host, "127.", 4) == 0 && strspn(host, "0123456789.") == n;
}

static void access_log(rasid_server *s, struct MHD_Connection *c, const req_ctx *x, const char *method,
                       const char *url, int status)
{
    if (!s->log) return;
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = x ? (double)(t1.tv_sec - x->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - x->t0.tv_nsec) / 1e6 : 0;
    char ip[INET6_ADDRSTRLEN] = "-";
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (ci && ci->client_addr) {
        const struct sockaddr *sa = ci->client_addr;
        if (sa->sa_family == AF_INET)
            inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, ip, sizeof ip);
        else if (sa->sa_family == AF_INET6)
            inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, ip, sizeof ip);
    }
    pthread_mutex_lock(&s->log_mu);
    fprintf(s->log, "%s %s ", ip, method);
    for (const char *p = url; *p && p - url < 200; p++) /* never echo control bytes */
        fputc((unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p, s->log);
    fprintf(s->log, " %d %.1fms\n", status, ms);
    fflush(s->log);
    pthread_mutex_unlock(&s->log_mu);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                               const char *version, const char *upload_data, size_t *upload_data_size,
                               void **con_cls)
{
    (void)version;
    (void)upload_data;
    rasid_server *s = cls;
    req_ctx *x = *con_cls;
    srv_reply r;
    memset(&r, 0, sizeof r);
    if (x && x->done) return MHD_NO; /* answered already */
    if (!x) {
        srv_error(&r, 503, "out of memory");
    } else if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        srv_error(&r, 405, "method not allowed"); /* refused before any body is read */
    } else if (!x->seen) {
        /* a GET with a body is refused before the body is read; otherwise answer on the
         * next call, once MHD has the whole request (so the connection can be kept alive) */
        const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
        if ((cl && strcmp(cl, "0") != 0) ||
            MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_TRANSFER_ENCODING)) {
            srv_error(&r, 413, "a GET request has no body");
        } else {
            x->seen = 1;
            return MHD_YES;
        }
    } else if (*upload_data_size != 0) {
        *upload_data_size = 0; /* cannot happen without a body; discard */
        return MHD_YES;
    } else {
        header_count hc = {0, 0};
        MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &hc);
        if (x->bad_uri) srv_error(&r, 400, "bad characters in the URL");
        else if (x->uri_len > RASID_SERVE_MAX_URL) srv_error(&r, 414, "URL too long");
        else if (x->query_len > RASID_SERVE_MAX_QUERY) srv_error(&r, 414, "query string too long");
        else if (hc.n > RASID_SERVE_MAX_HEADERS) srv_error(&r, 431, "too many header fields");
        else if (hc.bytes > RASID_SERVE_MAX_HEADER_BYTES) srv_error(&r, 431, "header fields too large");
        else if (s->loopback && !local_host(MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_HOST)))
            srv_error(&r, 403, "this server answers to 127.0.0.1 and localhost only");
        else if (url[0] != '/') srv_error(&r, 400, "bad path");
        else if (strncmp(url, "/api", 4) == 0 && (url[4] == 0 || url[4] == '/')) {
            unsigned long long stamp = s->cache && x->raw ? srv_cache_stamp(s->cache) : 0;
            if (!stamp || !srv_cache_get(s->cache, x->raw, stamp, &r)) {
                srv_api(&s->pool, c, url, &r);
                if (stamp) srv_cache_put(s->cache, x->raw, stamp, &r);
            }
        } else {
            serve_static(s, url, &r);
        }
    }
    if (x) x->done = 1;
    int status = r.status;
    enum MHD_Result ret = srv_send(c, &r) == MHD_YES ? MHD_YES : MHD_NO;
    access_log(s, c, x, method, url, status);
    return ret;
}

static void mhd_logger(void *cls, const char *fmt, va_list ap)
{
    rasid_server *s = cls;
    if (!s->log) return;
    pthread_mutex_lock(&s->log_mu);
    fputs("rasid serve: ", s->log);
    vfprintf(s->log, fmt, ap);
    fflush(s->log);
    pthread_mutex_unlock(&s->log_mu);
}

/* ------------------------------------------------------------ start / stop */
static int fail(char *errbuf, size_t errlen, int code, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static int fail(char *errbuf, size_t errlen, int code, const char *fmt, ...)
{
    if (errbuf && errlen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(errbuf, errlen, fmt, ap);
        va_end(ap);
    }
    return code;
}

static unsigned ncpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) n = 1;
    if (n > 8) n = 8;
    return (unsigned)n;
}

int rasid_serve_start(const rasid_serve_opts *o, rasid_server **out, char *errbuf, size_t errlen)
{
    rasid_serve_opts def;
    memset(&def, 0, sizeof def);
    if (!o) o = &def;
    if (!out) return fail(errbuf, errlen, RASID_ARG, "no server handle");
    *out = NULL;
    if (o->port > RASID_SERVE_ANY_PORT) return fail(errbuf, errlen, RASID_ARG, "bad port %u", o->port);
    unsigned port = o->port == 0 ? 8080 : o->port == RASID_SERVE_ANY_PORT ? 0 : o->port;
    const char *bind = o->bind && *o->bind ? o->bind : "127.0.0.1";

    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    socklen_t sl;
    int v6 = 0;
    struct sockaddr_in *a4 = (struct sockaddr_in *)(void *)&ss;
    struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)(void *)&ss;
    if (inet_pton(AF_INET, bind, &a4->sin_addr) == 1) {
        a4->sin_family = AF_INET;
        a4->sin_port = htons((unsigned short)port);
        sl = sizeof *a4;
    } else if (inet_pton(AF_INET6, bind, &a6->sin6_addr) == 1) {
        a6->sin6_family = AF_INET6;
        a6->sin6_port = htons((unsigned short)port);
        sl = sizeof *a6;
        v6 = 1;
    } else {
        return fail(errbuf, errlen, RASID_ARG, "bad --bind address '%s' (expected an IPv4 or IPv6 address)", bind);
    }
    (void)sl;

    rasid_server *s = calloc(1, sizeof *s);
    if (!s) return fail(errbuf, errlen, RASID_NOMEM, "out of memory");
    s->log = o->log;
    if (pthread_mutex_init(&s->log_mu, NULL) != 0) {
        free(s);
        return fail(errbuf, errlen, RASID_NOMEM, "out of memory");
    }
    unsigned threads = o->threads ? o->threads : ncpus();
    if (threads > 64) threads = 64;
    if (srv_pool_init(&s->pool, o->db, threads + 2) != RASID_OK) {
        pthread_mutex_destroy(&s->log_mu);
        free(s);
        return fail(errbuf, errlen, RASID_NOMEM, "out of memory");
    }
    int rc = RASID_OK;
    /* open the store once now: a missing or foreign file is reported before serving */
    char err[512] = "";
    rasid_store *st = srv_pool_get(&s->pool, err, sizeof err);
    if (!st) {
        rc = fail(errbuf, errlen, RASID_IO, "%s", err[0] ? err : "cannot open the store");
        goto fail;
    }
    if (!o->no_cache) {
        s->cache = srv_cache_new(rasid_store_path(st), o->cache_bytes ? o->cache_bytes : (size_t)64 << 20);
        if (!s->cache) {
            srv_pool_put(&s->pool, st);
            rc = fail(errbuf, errlen, RASID_NOMEM, "out of memory");
            goto fail;
        }
    }
    srv_pool_put(&s->pool, st);

    if (o->web) {
        char real[PATH_MAX];
        struct stat sb;
        if (!realpath(o->web, real) || stat(real, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
            rc = fail(errbuf, errlen, RASID_IO, "web directory %s: %s", o->web,
                      errno ? strerror(errno) : "not a directory");
            goto fail;
        }
        s->webroot = strdup(real);
        if (!s->webroot) {
            rc = fail(errbuf, errlen, RASID_NOMEM, "out of memory");
            goto fail;
        }
        s->webroot_len = strlen(real);
        if (s->webroot_len == 1) s->webroot_len = 0; /* "/" as root: every path is below it */
    }

    s->loopback = v6 ? IN6_IS_ADDR_LOOPBACK(&a6->sin6_addr) : (ntohl(a4->sin_addr.s_addr) >> 24) == 127;
    unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG;
    if (v6) flags |= MHD_USE_IPv6;
    unsigned maxconn = o->max_connections ? o->max_connections : 256;
    unsigned per_ip = o->per_ip ? o->per_ip : 128;
    unsigned timeout = o->timeout_s ? o->timeout_s : 15;
    size_t memlimit = o->max_request ? o->max_request : 32768;
    if (memlimit < 4096) memlimit = 4096;
    s->d = MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, handler, s,
                            MHD_OPTION_SOCK_ADDR, (const struct sockaddr *)&ss,
                            MHD_OPTION_THREAD_POOL_SIZE, threads,
                            MHD_OPTION_CONNECTION_LIMIT, maxconn,
                            MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip,
                            MHD_OPTION_CONNECTION_TIMEOUT, timeout,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, memlimit,
                            MHD_OPTION_URI_LOG_CALLBACK, uri_log, (void *)s,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, (void *)s,
                            MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, (void *)s,
                            MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024,
                            MHD_OPTION_END);
    if (!s->d) {
        rc = fail(errbuf, errlen, RASID_IO, "cannot listen on %s port %u (in use, or not an address of this machine)",
                  bind, port);
        goto fail;
    }
    const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
    s->port = di && di->port ? di->port : port;
    const char *host = bind;
    if (strcmp(bind, "0.0.0.0") == 0) host = "127.0.0.1";
    if (strcmp(bind, "::") == 0) host = "::1";
    snprintf(s->url, sizeof s->url, v6 ? "http://[%s]:%u/" : "http://%s:%u/", host, s->port);
    *out = s;
    return RASID_OK;

fail:
    srv_cache_free(s->cache);
    srv_pool_destroy(&s->pool);
    free(s->webroot);
    pthread_mutex_destroy(&s->log_mu);
    free(s);
    return rc;
}

unsigned rasid_serve_port(const rasid_server *s) { return s ? s->port : 0; }

const char *rasid_serve_url(const rasid_server *s) { return s ? s->url : ""; }

void rasid_serve_stop(rasid_server *s)
{
    if (!s) return;
    if (s->d) MHD_stop_daemon(s->d);
    srv_cache_free(s->cache);
    srv_pool_destroy(&s->pool);
    free(s->webroot);
    pthread_mutex_destroy(&s->log_mu);
    free(s);
}
