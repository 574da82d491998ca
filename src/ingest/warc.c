/*
 * warc.c — WARC/1.0 and 1.1 records from plain or gzip-compressed files (any number of
 * gzip members, as Common Crawl writes one per record), memory or a stream.
 *
 * Layers: raw bytes (head buffer, then memory or FILE) -> optional inflate (zlib,
 * windowBits 15+16, reset at each member's end) -> a 64 KiB window the record parser
 * reads header lines and blocks from. Every growth is capped: header lines at 64 KiB in
 * all, a block at RASID_WARC_MAX_RECORD (larger blocks are skipped, not stored), the
 * decoded HTTP payload at the same cap. A malformed record (no "WARC/" line, no or bad
 * Content-Length) is reported once and the reader skips to the next line starting with
 * "WARC/1."; a truncated file ends with a truncated last record; a corrupt gzip stream
 * ends the reading with an error.
 */
#include "ingest/ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define WIN ((size_t)64 << 10)
#define MAX_HEADER ((size_t)64 << 10)

struct rasid_warc {
    /* raw input */
    FILE *f;
    int own_file;
    const unsigned char *mem;
    size_t memlen, mempos;
    unsigned char *head;
    size_t headlen, headpos;
    int raw_eof;
    /* gzip */
    int gz, zinit, zdone_member;
    z_stream zs;
    unsigned char *in;
    size_t inlen; /* bytes of `in` handed to zs */
    /* decoded window */
    unsigned char *win;
    size_t wpos, wlen;
    int eof, ioerr;
    char ioerrmsg[128];
    uint64_t off; /* decoded bytes consumed */
    int resync;
    /* current record */
    rasid__buf hdr, block, payload;
    char *type, *uri, *date, *rid, *ctype, *http_ctype;
};

/* ------------------------------------------------------------ raw bytes */
static size_t raw_read(rasid_warc *w, unsigned char *dst, size_t n)
{
    size_t got = 0;
    if (w->headpos < w->headlen) {
        size_t k = w->headlen - w->headpos;
        if (k > n) k = n;
        memcpy(dst, w->head + w->headpos, k);
        w->headpos += k;
        got += k;
    }
    if (got < n && w->mem && w->mempos < w->memlen) {
        size_t k = w->memlen - w->mempos;
        if (k > n - got) k = n - got;
        memcpy(dst + got, w->mem + w->mempos, k);
        w->mempos += k;
        got += k;
    }
    if (got < n && w->f && !w->raw_eof) {
        size_t k = fread(dst + got, 1, n - got, w->f);
        if (k == 0) {
            if (ferror(w->f)) {
                w->ioerr = 1;
                snprintf(w->ioerrmsg, sizeof w->ioerrmsg, "read error: %s", strerror(errno ? errno : EIO));
            }
            w->raw_eof = 1;
        }
        got += k;
    }
    if (got == 0 && (!w->f || w->raw_eof)) w->raw_eof = 1;
    return got;
}

/* Refill the window; returns bytes available. */
static size_t fill(rasid_warc *w)
{
    if (w->wpos < w->wlen) return w->wlen - w->wpos;
    w->wpos = w->wlen = 0;
    if (w->eof) return 0;
    if (!w->gz) {
        w->wlen = raw_read(w, w->win, WIN);
        if (w->wlen == 0) w->eof = 1;
        return w->wlen;
    }
    while (w->wlen == 0) {
        if (w->zs.avail_in == 0) {
            w->inlen = raw_read(w, w->in, WIN);
            w->zs.next_in = w->in;
            w->zs.avail_in = (uInt)w->inlen;
            if (w->inlen == 0) {
                if (!w->zdone_member && !w->ioerr) {
                    w->ioerr = 1;
                    snprintf(w->ioerrmsg, sizeof w->ioerrmsg, "truncated gzip stream");
                }
                w->eof = 1;
                return 0;
            }
        }
        if (w->zdone_member) {
            /* a new member begins (skip NUL padding between members) */
            while (w->zs.avail_in && *w->zs.next_in == 0) w->zs.next_in++, w->zs.avail_in--;
            if (!w->zs.avail_in) continue;
            if (inflateReset(&w->zs) != Z_OK) {
                w->eof = w->ioerr = 1;
                snprintf(w->ioerrmsg, sizeof w->ioerrmsg, "gzip reset failed");
                return 0;
            }
            w->zdone_member = 0;
        }
        w->zs.next_out = w->win;
        w->zs.avail_out = (uInt)WIN;
        int r = inflate(&w->zs, Z_NO_FLUSH);
        w->wlen = WIN - w->zs.avail_out;
        if (r == Z_STREAM_END) {
            w->zdone_member = 1;
        } else if (r != Z_OK && r != Z_BUF_ERROR) {
            w->ioerr = 1;
            snprintf(w->ioerrmsg, sizeof w->ioerrmsg, "corrupt gzip data: %s",
                     w->zs.msg ? w->zs.msg : "inflate error");
            w->eof = 1;
            return w->wlen;
        }
    }
    return w->wlen;
}

static int getb(rasid_warc *w)
{
    if (!fill(w)) return -1;
    w->off++;
    return w->win[w->wpos++];
}

static int peekb(rasid_warc *w)
{
    if (!fill(w)) return -1;
    return w->win[w->wpos];
}

/* Append one line (without CR LF) to b; returns 1, 0 at EOF before any byte, -1 too long. */
static int read_line(rasid_warc *w, rasid__buf *b, size_t cap)
{
    size_t start = b->len;
    int any = 0;
    for (;;) {
        int c = getb(w);
        if (c < 0) return any ? 1 : 0;
        any = 1;
        if (c == '\n') break;
        if (b->len - start >= cap) continue; /* keep consuming, but flag below */
        if (rasid__buf_putc(b, (char)c)) return -1;
    }
    if (b->len > start && b->data[b->len - 1] == '\r') b->data[--b->len] = 0;
    if (b->len - start >= cap) return -1;
    return 1;
}

/* Read n bytes into b (NULL: discard). Returns bytes read. */
static uint64_t read_n(rasid_warc *w, rasid__buf *b, uint64_t n)
{
    uint64_t got = 0;
    while (got < n) {
        size_t avail = fill(w);
        if (!avail) break;
        size_t k = avail;
        if (k > n - got) k = (size_t)(n - got);
        if (b && rasid__buf_put(b, w->win + w->wpos, k)) b = NULL;
        w->wpos += k;
        w->off += k;
        got += k;
    }
    return got;
}

/* ------------------------------------------------------------ opening */
static rasid_warc *warc_new(void)
{
    rasid_warc *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->win = malloc(WIN);
    if (!w->win) {
        free(w);
        return NULL;
    }
    rasid__buf_init(&w->hdr, MAX_HEADER + 2);
    rasid__buf_init(&w->block, RASID_WARC_MAX_RECORD + 1);
    rasid__buf_init(&w->payload, RASID_WARC_MAX_RECORD + 1);
    return w;
}

/* Detect gzip on the first raw bytes (pushed back into the head buffer). */
static int warc_start(rasid_warc *w)
{
    unsigned char magic[2];
    size_t n = raw_read(w, magic, 2);
    /* push back: prepend to head */
    size_t rest = w->headlen - w->headpos;
    unsigned char *h = malloc(n + rest + 1);
    if (!h) return RASID_NOMEM;
    memcpy(h, magic, n);
    if (rest) memcpy(h + n, w->head + w->headpos, rest);
    free(w->head);
    w->head = h;
    w->headlen = n + rest;
    w->headpos = 0;
    if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        w->gz = 1;
        w->in = malloc(WIN);
        if (!w->in) return RASID_NOMEM;
        memset(&w->zs, 0, sizeof w->zs);
        if (inflateInit2(&w->zs, 15 + 16) != Z_OK) return RASID_NOMEM;
        w->zinit = 1;
    }
    return RASID_OK;
}

rasid_warc *rasid_warc_open(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        rasid__ing_msg(err, errlen, "%s: %s", path, strerror(errno));
        return NULL;
    }
    rasid_warc *w = warc_new();
    if (!w) {
        fclose(f);
        rasid__ing_msg(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    w->f = f;
    w->own_file = 1;
    if (warc_start(w)) {
        rasid_warc_close(w);
        rasid__ing_msg(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    return w;
}

rasid_warc *rasid_warc_open_mem(const char *data, size_t len)
{
    rasid_warc *w = warc_new();
    if (!w) return NULL;
    w->mem = (const unsigned char *)data;
    w->memlen = len;
    if (warc_start(w)) {
        rasid_warc_close(w);
        return NULL;
    }
    return w;
}

rasid_warc *rasid_warc_open_stream(const char *head, size_t headlen, FILE *f)
{
    rasid_warc *w = warc_new();
    if (!w) return NULL;
    if (headlen) {
        w->head = malloc(headlen);
        if (!w->head) {
            rasid_warc_close(w);
            return NULL;
        }
        memcpy(w->head, head, headlen);
        w->headlen = headlen;
    }
    w->f = f;
    if (warc_start(w)) {
        rasid_warc_close(w);
        return NULL;
    }
    return w;
}

static void clear_fields(rasid_warc *w)
{
    char **all[] = {&w->type, &w->uri, &w->date, &w->rid, &w->ctype, &w->http_ctype};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        free(*all[i]);
        *all[i] = NULL;
    }
}

void rasid_warc_close(rasid_warc *w)
{
    if (!w) return;
    if (w->own_file && w->f) fclose(w->f);
    if (w->zinit) inflateEnd(&w->zs);
    free(w->in);
    free(w->win);
    free(w->head);
    rasid__buf_free(&w->hdr);
    rasid__buf_free(&w->block);
    rasid__buf_free(&w->payload);
    clear_fields(w);
    free(w);
}

/* ------------------------------------------------------------ HTTP payloads */
static const char *hfield(const char *line, size_t n, const char *name)
{
    size_t k = strlen(name);
    if (n <= k || strncasecmp(line, name, k) != 0 || line[k] != ':') return NULL;
    const char *v = line + k + 1;
    while (*v == ' ' || *v == '\t') v++;
    return v;
}

static int dechunk(const char *p, size_t n, rasid__buf *out)
{
    size_t i = 0;
    while (i < n) {
        /* chunk size line */
        char *end = NULL;
        size_t j = i;
        while (j < n && p[j] != '\n') j++;
        if (j >= n) return -1;
        char line[32];
        size_t ll = j - i < sizeof line - 1 ? j - i : sizeof line - 1;
        memcpy(line, p + i, ll);
        line[ll] = 0;
        errno = 0;
        unsigned long long sz = strtoull(line, &end, 16);
        if (end == line || errno) return -1;
        i = j + 1;
        if (sz == 0) return 0;
        if (sz > n - i) {
            rasid__buf_put(out, p + i, n - i); /* truncated: keep what there is */
            return out->err ? -1 : 0;
        }
        if (rasid__buf_put(out, p + i, (size_t)sz)) return -1;
        i += (size_t)sz;
        if (i < n && p[i] == '\r') i++;
        if (i < n && p[i] == '\n') i++;
    }
    return 0;
}

static int inflate_body(const char *p, size_t n, rasid__buf *out, int wbits)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, wbits) != Z_OK) return -1;
    zs.next_in = (Bytef *)(uintptr_t)p;
    zs.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
    unsigned char buf[16384];
    int r;
    do {
        zs.next_out = buf;
        zs.avail_out = sizeof buf;
        r = inflate(&zs, Z_NO_FLUSH);
        if (r != Z_OK && r != Z_STREAM_END && r != Z_BUF_ERROR) break;
        if (rasid__buf_put(out, buf, sizeof buf - zs.avail_out)) {
            r = Z_MEM_ERROR;
            break;
        }
        if (r == Z_BUF_ERROR && zs.avail_in == 0) break; /* truncated: keep what there is */
    } while (r != Z_STREAM_END);
    inflateEnd(&zs);
    return (r == Z_STREAM_END || (r == Z_BUF_ERROR && out->len > 0)) ? 0 : -1;
}

static int parse_http(rasid_warc *w, rasid_warc_record *rec)
{
    const char *p = w->block.data ? w->block.data : "";
    size_t n = w->block.len;
    if (n < 12 || strncmp(p, "HTTP/", 5) != 0) return 0;
    const char *sp = memchr(p, ' ', n < 32 ? n : 32);
    if (!sp) return 0;
    int status = 0;
    for (const char *q = sp + 1; q < p + n && *q >= '0' && *q <= '9' && status < 1000; q++)
        status = status * 10 + (*q - '0');
    rec->http_status = status;
    int chunked = 0, gzip = 0, deflate = 0;
    size_t i = 0;
    /* header lines */
    while (i < n && p[i] != '\n') i++;
    i++;
    size_t body = n;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != '\n') j++;
        size_t ll = j - i;
        if (ll && p[i + ll - 1] == '\r') ll--;
        if (ll == 0) {
            body = j + 1;
            break;
        }
        char line[1024];
        size_t cl = ll < sizeof line - 1 ? ll : sizeof line - 1;
        memcpy(line, p + i, cl);
        line[cl] = 0;
        const char *v;
        if ((v = hfield(line, cl, "Content-Type")) && !w->http_ctype) {
            w->http_ctype = strdup(v);
            if (!w->http_ctype) return RASID_NOMEM;
        } else if ((v = hfield(line, cl, "Transfer-Encoding")) && strcasestr(v, "chunked")) {
            chunked = 1;
        } else if ((v = hfield(line, cl, "Content-Encoding"))) {
            if (strcasestr(v, "gzip")) gzip = 1;
            else if (strcasestr(v, "deflate")) deflate = 1;
        }
        i = j + 1;
    }
    if (body > n) body = n;
    const char *b = p + body;
    size_t bl = n - body;
    w->payload.len = 0;
    w->payload.err = 0;
    if (chunked) {
        rasid__buf tmp;
        rasid__buf_init(&tmp, RASID_WARC_MAX_RECORD + 1);
        if (dechunk(b, bl, &tmp) == 0 && !tmp.err) {
            rasid__buf_free(&w->payload);
            w->payload = tmp;
            w->payload.cap = RASID_WARC_MAX_RECORD + 1;
        } else {
            rasid__buf_free(&tmp);
            rasid__buf_put(&w->payload, b, bl); /* not really chunked */
        }
    } else {
        rasid__buf_put(&w->payload, b, bl);
    }
    if ((gzip || deflate) && w->payload.len) {
        rasid__buf dec;
        rasid__buf_init(&dec, RASID_WARC_MAX_RECORD + 1);
        int ok = inflate_body(w->payload.data, w->payload.len, &dec, gzip ? 15 + 32 : 15) == 0;
        if (!ok && deflate) {
            dec.len = 0;
            dec.err = 0;
            ok = inflate_body(w->payload.data, w->payload.len, &dec, -15) == 0;
        }
        if (ok && !dec.err) {
            rasid__buf_free(&w->payload);
            w->payload = dec;
        } else {
            rasid__buf_free(&dec);
        }
    }
    if (w->payload.err == RASID_NOMEM) return RASID_NOMEM;
    rec->http_content_type = w->http_ctype;
    rec->payload = w->payload.data ? w->payload.data : "";
    rec->payload_len = w->payload.len;
    return 0;
}

/* ------------------------------------------------------------ records */
static int dupfield(char **slot, const char *v)
{
    if (*slot) return 0;
    *slot = rasid__ing_strtrim(v, strlen(v));
    return *slot ? 0 : -1;
}

int rasid_warc_next(rasid_warc *w, rasid_warc_record *rec, char *err, size_t errlen)
{
    memset(rec, 0, sizeof *rec);
    clear_fields(w);
    for (;;) {
        if (w->ioerr) {
            rasid__ing_msg(err, errlen, "offset %llu: %s", (unsigned long long)w->off, w->ioerrmsg);
            w->ioerr = 0;
            w->eof = 1;
            w->wpos = w->wlen = 0;
            return RASID_IO;
        }
        /* skip blank lines between records */
        int c;
        while ((c = peekb(w)) == '\r' || c == '\n') getb(w);
        if (c < 0) {
            if (w->ioerr) continue;
            return 0;
        }
        uint64_t start = w->off;
        w->hdr.len = 0;
        w->hdr.err = 0;
        int r = read_line(w, &w->hdr, 256);
        if (r == 0) continue;
        const char *l = w->hdr.data ? w->hdr.data : "";
        if (r < 0 || strncmp(l, "WARC/1.", 7) != 0) {
            if (w->resync) continue; /* still looking for the next record */
            w->resync = 1;
            rasid__ing_msg(err, errlen, "offset %llu: expected a WARC/1.x record header",
                           (unsigned long long)start);
            return RASID_PARSE;
        }
        w->resync = 0;
        /* header fields */
        long long clen = -1;
        int bad = 0;
        size_t total = 0;
        for (;;) {
            w->hdr.len = 0;
            w->hdr.err = 0;
            r = read_line(w, &w->hdr, 16384);
            if (r == 0) {
                bad = 2;
                break;
            }
            if (r < 0) {
                bad = 1;
                continue;
            }
            l = w->hdr.data ? w->hdr.data : "";
            total += w->hdr.len;
            if (w->hdr.len == 0) break;
            if (total > MAX_HEADER) bad = 1;
            const char *v;
            int e = 0;
            size_t ll = w->hdr.len;
            if ((v = hfield(l, ll, "WARC-Type"))) e = dupfield(&w->type, v);
            else if ((v = hfield(l, ll, "WARC-Target-URI"))) {
                /* WARC/1.0 examples wrap the URI in <> */
                char *u = rasid__ing_strtrim(v, strlen(v));
                if (!u) e = -1;
                else if (u[0] == '<' && u[strlen(u) - 1] == '>') {
                    u[strlen(u) - 1] = 0;
                    memmove(u, u + 1, strlen(u));
                }
                if (u && !w->uri) w->uri = u;
                else free(u);
            } else if ((v = hfield(l, ll, "WARC-Date"))) e = dupfield(&w->date, v);
            else if ((v = hfield(l, ll, "WARC-Record-ID"))) e = dupfield(&w->rid, v);
            else if ((v = hfield(l, ll, "Content-Type"))) e = dupfield(&w->ctype, v);
            else if ((v = hfield(l, ll, "Content-Length"))) {
                char *end;
                errno = 0;
                long long x = strtoll(v, &end, 10);
                while (*end == ' ' || *end == '\t') end++;
                if (end == v || *end || errno || x < 0) bad = 1;
                else clen = x;
            }
            if (e) {
                rasid__ing_msg(err, errlen, "offset %llu: out of memory", (unsigned long long)start);
                return RASID_NOMEM;
            }
        }
        if (bad == 2) {
            rasid__ing_msg(err, errlen, "offset %llu: truncated WARC header", (unsigned long long)start);
            return RASID_PARSE;
        }
        if (bad || clen < 0) {
            w->resync = 1;
            rasid__ing_msg(err, errlen, "offset %llu: %s", (unsigned long long)start,
                           clen < 0 && !bad ? "WARC record without Content-Length"
                                            : "malformed WARC header");
            return RASID_PARSE;
        }
        rec->type = w->type ? w->type : "";
        rec->target_uri = w->uri;
        rec->date = w->date;
        rec->record_id = w->rid;
        rec->content_length = (uint64_t)clen;
        w->block.len = 0;
        w->block.err = 0;
        if ((uint64_t)clen > RASID_WARC_MAX_RECORD) {
            uint64_t got = read_n(w, NULL, (uint64_t)clen);
            rec->truncated = 1;
            (void)got;
            return 1;
        }
        uint64_t got = read_n(w, &w->block, (uint64_t)clen);
        if (w->block.err == RASID_NOMEM) {
            rasid__ing_msg(err, errlen, "offset %llu: out of memory", (unsigned long long)start);
            return RASID_NOMEM;
        }
        if (got < (uint64_t)clen) rec->truncated = 1;
        rec->payload = w->block.data ? w->block.data : "";
        rec->payload_len = w->block.len;
        if (w->type && strcmp(w->type, "response") == 0 && w->ctype &&
            rasid__ing_prefix(w->ctype, "application/http")) {
            if (parse_http(w, rec) == RASID_NOMEM) {
                rasid__ing_msg(err, errlen, "offset %llu: out of memory", (unsigned long long)start);
                return RASID_NOMEM;
            }
        }
        return 1;
    }
}
