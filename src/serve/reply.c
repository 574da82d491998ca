/*
 * reply.c — turning a handler's srv_reply into an HTTP response: entity tags (a hash of
 * the body) with If-None-Match -> 304, gzip when the client accepts it, Cache-Control,
 * security headers; JSON errors; MIME types; the static path check.
 */
#include "serve/serve.h"

#include <microhttpd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

static const char ERR_NOMEM[] = "{\"error\":\"out of memory\",\"status\":503}\n";

void srv_reply_free(srv_reply *r)
{
    free(r->body);
    free(r->gz);
    r->body = r->gz = NULL;
    r->len = r->gzlen = 0;
    r->has_hash = 0;
}

void srv_body(srv_reply *r, int status, const char *ctype, char *body, size_t len)
{
    srv_reply_free(r);
    r->status = status;
    r->ctype = ctype;
    r->body = body;
    r->len = body ? len : 0;
}

static void json_escape(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f) fprintf(f, "\\u%04x", *p);
        else fputc(*p, f);
    }
}

void srv_error(srv_reply *r, int status, const char *msg)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    srv_reply_free(r);
    r->status = status;
    r->ctype = "application/json; charset=utf-8";
    r->cache = "no-store";
    r->disposition = NULL;
    r->html = 0;
    if (!f) return; /* srv_send falls back to ERR_NOMEM */
    fputs("{\"error\":\"", f);
    json_escape(f, msg ? msg : "error");
    fprintf(f, "\",\"status\":%d}\n", status);
    if (fclose(f) != 0) {
        free(buf);
        return;
    }
    r->body = buf;
    r->len = len;
}

unsigned long long srv_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    unsigned long long h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

int srv_gzip(const char *in, size_t n, char **out, size_t *outlen)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 5, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    uLong cap = deflateBound(&z, (uLong)n);
    char *buf = malloc(cap ? cap : 1);
    if (!buf) {
        deflateEnd(&z);
        return -1;
    }
    z.next_in = (Bytef *)(uintptr_t)in;
    z.avail_in = (uInt)n;
    z.next_out = (Bytef *)buf;
    z.avail_out = (uInt)cap;
    int rc = deflate(&z, Z_FINISH);
    size_t got = (size_t)z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(buf);
        return -1;
    }
    *out = buf;
    *outlen = got;
    return 0;
}

/* Next comma-separated element of a header list: [*s, end) trimmed; advances *s. */
static int next_elem(const char **s, const char **b, const char **e)
{
    const char *p = *s;
    while (*p == ' ' || *p == '\t' || *p == ',') p++;
    if (!*p) return 0;
    const char *q = p;
    int quoted = 0;
    while (*q && (quoted || *q != ',')) {
        if (*q == '"') quoted = !quoted;
        q++;
    }
    const char *t = q;
    while (t > p && (t[-1] == ' ' || t[-1] == '\t')) t--;
    *b = p;
    *e = t;
    *s = q;
    return 1;
}

int srv_accepts_gzip(const char *ae)
{
    if (!ae) return 0;
    const char *b, *e;
    while (next_elem(&ae, &b, &e)) {
        if (e <= b) continue;
        size_t elen = (size_t)(e - b);
        const char *semi = memchr(b, ';', elen);
        const char *ne = semi ? semi : e;
        while (ne > b && (ne[-1] == ' ' || ne[-1] == '\t')) ne--;
        size_t nl = (size_t)(ne - b);
        int is_gzip = (nl == 4 && strncasecmp(b, "gzip", 4) == 0) || (nl == 1 && *b == '*');
        if (!is_gzip) continue;
        if (semi) { /* q=0 refuses */
            const char *q = semi + 1;
            while (q < e && (*q == ' ' || *q == '\t')) q++;
            if (e - q >= 2 && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=') {
                double v = strtod(q + 2, NULL);
                if (v <= 0) return 0;
            }
        }
        return 1;
    }
    return 0;
}

int srv_etag_match(const char *inm, const char *etag)
{
    if (!inm || !etag) return 0;
    /* compare the opaque part without quotes, W/ and our "-gz" variant suffix */
    const char *eb = etag + (etag[0] == '"'), *ee = etag + strlen(etag);
    if (ee > eb && ee[-1] == '"') ee--;
    if (ee - eb > 3 && memcmp(ee - 3, "-gz", 3) == 0) ee -= 3;
    const char *b, *e;
    while (next_elem(&inm, &b, &e)) {
        if (e - b == 1 && *b == '*') return 1;
        if (e - b >= 2 && b[0] == 'W' && b[1] == '/') b += 2;
        if (b < e && *b == '"') b++;
        if (e > b && e[-1] == '"') e--;
        if (e - b > 3 && memcmp(e - 3, "-gz", 3) == 0) e -= 3;
        if (e - b == ee - eb && memcmp(b, eb, (size_t)(e - b)) == 0) return 1;
    }
    return 0;
}

const char *srv_mime(const char *name)
{
    static const struct {
        const char *ext, *type;
    } T[] = {
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"js", "text/javascript; charset=utf-8"},
        {"mjs", "text/javascript; charset=utf-8"},
        {"css", "text/css; charset=utf-8"},
        {"json", "application/json; charset=utf-8"},
        {"map", "application/json; charset=utf-8"},
        {"topojson", "application/json; charset=utf-8"},
        {"geojson", "application/geo+json"},
        {"webmanifest", "application/manifest+json"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"jpg", "image/jpeg"},
        {"jpeg", "image/jpeg"},
        {"gif", "image/gif"},
        {"webp", "image/webp"},
        {"ico", "image/x-icon"},
        {"woff2", "font/woff2"},
        {"woff", "font/woff"},
        {"ttf", "font/ttf"},
        {"txt", "text/plain; charset=utf-8"},
        {"csv", "text/csv; charset=utf-8"},
        {"wasm", "application/wasm"},
    };
    const char *slash = strrchr(name, '/');
    const char *dot = strrchr(slash ? slash : name, '.');
    if (!dot) return "application/octet-stream";
    for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
        if (strcasecmp(dot + 1, T[i].ext) == 0) return T[i].type;
    return "application/octet-stream";
}

int srv_safe_path(const char *path)
{
    if (!path || path[0] != '/' || strlen(path) > 1024) return 0;
    const char *p = path + 1;
    for (;;) {
        const char *seg = p;
        while (*p && *p != '/') {
            unsigned char ch = (unsigned char)*p;
            if (ch < 0x20 || ch == 0x7f || ch == '\\') return 0;
            p++;
        }
        if (p == seg) return 0;       /* empty segment: "//" or trailing "/" */
        if (seg[0] == '.') return 0;  /* ".", "..", hidden files */
        if (!*p) return 1;
        p++;
    }
}

int srv_compressible(const char *ctype)
{
    return ctype && (strncmp(ctype, "text/", 5) == 0 || strstr(ctype, "json") || strstr(ctype, "javascript") ||
                     strstr(ctype, "svg") || strstr(ctype, "xml"));
}

static const char CSP[] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                          "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; "
                          "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

static void common_headers(struct MHD_Response *resp, const srv_reply *r, const char *etag)
{
    MHD_add_response_header(resp, "Cache-Control", r->cache ? r->cache : "no-cache");
    if (etag) MHD_add_response_header(resp, "ETag", etag);
    MHD_add_response_header(resp, "Vary", "Accept-Encoding");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    if (r->html) {
        MHD_add_response_header(resp, "Content-Security-Policy", CSP);
        MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    }
}

int srv_send(struct MHD_Connection *c, srv_reply *r)
{
    if (!r->body && r->len == 0 && r->status >= 400) { /* srv_error ran out of memory */
        r->status = 503;
        r->ctype = "application/json; charset=utf-8";
    }
    const char *body = r->body;
    size_t len = r->len;
    if (!body && r->status >= 400) {
        body = ERR_NOMEM;
        len = sizeof ERR_NOMEM - 1;
    }
    char etag[48] = "";
    int ok2xx = r->status >= 200 && r->status < 300;
    const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
    int want_gz = len >= 256 && srv_compressible(r->ctype) && srv_accepts_gzip(ae);
    if (ok2xx) {
        unsigned long long h = r->has_hash && body == r->body ? r->hash : srv_hash(body ? body : "", len);
        snprintf(etag, sizeof etag, want_gz ? "\"%016llx-gz\"" : "\"%016llx\"", h);
        const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_IF_NONE_MATCH);
        if (inm && srv_etag_match(inm, etag)) {
            struct MHD_Response *resp = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
            srv_reply_free(r);
            if (!resp) return MHD_NO;
            common_headers(resp, r, etag);
            int ret = MHD_queue_response(c, MHD_HTTP_NOT_MODIFIED, resp);
            MHD_destroy_response(resp);
            return ret;
        }
    }
    /* gzip */
    char *gz = NULL;
    size_t gzlen = 0;
    if (want_gz && r->gz && body == r->body) { /* computed once (the cache) */
        gz = r->gz;
        gzlen = r->gzlen;
        r->gz = NULL;
    } else if (want_gz && srv_gzip(body, len, &gz, &gzlen) != 0) {
        gz = NULL;
    }
    struct MHD_Response *resp;
    if (gz) {
        resp = MHD_create_response_from_buffer(gzlen, gz, MHD_RESPMEM_MUST_FREE);
        if (!resp) free(gz);
    } else if (body == r->body && body) {
        resp = MHD_create_response_from_buffer(len, r->body, MHD_RESPMEM_MUST_FREE);
        if (resp) r->body = NULL; /* now MHD's */
    } else {
        resp = MHD_create_response_from_buffer(len, (void *)(uintptr_t)body, MHD_RESPMEM_PERSISTENT);
    }
    if (!resp) {
        srv_reply_free(r);
        return MHD_NO;
    }
    common_headers(resp, r, etag[0] ? etag : NULL);
    if (gz) MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
    MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                            r->ctype ? r->ctype : "application/octet-stream");
    if (r->disposition) MHD_add_response_header(resp, "Content-Disposition", r->disposition);
    if (r->status == 405) MHD_add_response_header(resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    int ret = MHD_queue_response(c, (unsigned)r->status, resp);
    MHD_destroy_response(resp);
    srv_reply_free(r);
    return ret;
}
