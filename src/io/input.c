/*
 * input.c — the input reader: command-line arguments in, documents out.
 *
 * Arguments are files, directories (walked recursively, names in byte order, hidden
 * entries skipped) or "-" for standard input. Each file is sniffed once: JSON Lines when
 * its name says so or its first non-space byte is '{' (one document per record, parsed
 * with Jansson), plain text otherwise (one document). Every growth is capped: a plain
 * text document at RASID_MAX_DOC_BYTES (checked with stat before reading when possible),
 * a JSON Lines line at twice that. Errors name the file (and line:column for JSON Lines)
 * and never stop the reader: the next call continues with the next line or file.
 */
#include "internal.h"
#include "ingest/ingest.h" /* web inputs: HTML, feeds, WARC, URLs */

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define CHUNK ((size_t)64 << 10)
#define MAX_LINE (2 * RASID_MAX_DOC_BYTES)
#define MAX_DEPTH 64

/* One open source of bytes: a FILE or a memory buffer, read through `buf`. */
typedef struct source {
    FILE *f;          /* NULL for memory sources */
    int is_stdin;
    char *name;       /* as given (for messages) */
    char *stem;       /* file name without directory and extension */
    char *buf;        /* read buffer (owned for files; points into mem for memory) */
    size_t pos, len;  /* unread bytes are buf[pos..len) */
    int eof, ioerr;
    long line;        /* JSON Lines: number of the line last read */
    int jsonl;
} source;

typedef struct pending {
    char *path;
    int depth;
} pending;

struct rasid_input {
    pending *stack; /* paths still to read; the top is the next one */
    size_t nstack, capstack;
    char published[11];
    int have_published;
    source *cur; /* the JSON Lines source being read, or NULL */
    char *mem;   /* rasid_input_open_mem: the copy */
    size_t memlen;
    int mem_pending;
    char *memname;
    char *where; /* file of the last doc/error */
    long where_line;
    rasid__buf line;
    rasid__buf text, rest; /* JSON Lines fast path: the decoded text, the record without it */
    rasid__ingest *ing;     /* the web input being read (src/ingest/), or NULL */
    rasid__ingest_cfg icfg; /* rasid_input_set_ingest() */
};

static void msg(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void msg(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static char *stem_of(const char *path, int is_stdin)
{
    if (is_stdin) return strdup("stdin");
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    size_t n = strlen(b);
    const char *dot = strrchr(b, '.');
    if (dot && dot != b) n = (size_t)(dot - b);
    if (n == 0) return strdup(path);
    return strndup(b, n);
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static void source_free(source *s)
{
    if (!s) return;
    if (s->f && !s->is_stdin) fclose(s->f);
    if (s->f) free(s->buf);
    free(s->name);
    free(s->stem);
    free(s);
}

/* Refill: move unread bytes to the front and read more. Returns bytes added. */
static size_t source_fill(source *s)
{
    if (!s->f || s->eof) return 0;
    if (s->pos > 0) {
        memmove(s->buf, s->buf + s->pos, s->len - s->pos);
        s->len -= s->pos;
        s->pos = 0;
    }
    if (s->len == CHUNK) return 0;
    size_t n = fread(s->buf + s->len, 1, CHUNK - s->len, s->f);
    if (n == 0) {
        if (ferror(s->f)) s->ioerr = errno ? errno : EIO;
        s->eof = 1;
    }
    s->len += n;
    return n;
}

static int set_where(rasid_input *in, const char *file, long line)
{
    free(in->where);
    in->where = strdup(file);
    in->where_line = line;
    return in->where ? 0 : RASID_NOMEM;
}

/* ------------------------------------------------------------ opening */
static int push(rasid_input *in, const char *path, int depth)
{
    if (in->nstack == in->capstack) {
        size_t nc = in->capstack ? in->capstack * 2 : 16;
        pending *p = realloc(in->stack, nc * sizeof *p);
        if (!p) return RASID_NOMEM;
        in->stack = p;
        in->capstack = nc;
    }
    char *c = strdup(path);
    if (!c) return RASID_NOMEM;
    in->stack[in->nstack].path = c;
    in->stack[in->nstack].depth = depth;
    in->nstack++;
    return RASID_OK;
}

static rasid_input *input_new(const char *published)
{
    rasid_input *in = calloc(1, sizeof *in);
    if (!in) return NULL;
    if (published && *published) {
        snprintf(in->published, sizeof in->published, "%.10s", published);
        in->have_published = 1;
    }
    rasid__buf_init(&in->line, MAX_LINE + 1);
    rasid__buf_init(&in->text, MAX_LINE + 1);
    rasid__buf_init(&in->rest, MAX_LINE + 1);
    rasid__ingest_cfg_clear(&in->icfg);
    return in;
}

rasid_input *rasid_input_open(const char *const *paths, size_t n, const char *published_default)
{
    rasid_input *in = input_new(published_default);
    if (!in) return NULL;
    if (n == 0) {
        if (push(in, "-", 0)) goto fail;
    }
    for (size_t i = n; i-- > 0;)
        if (push(in, paths[i] ? paths[i] : "-", 0)) goto fail;
    return in;
fail:
    rasid_input_close(in);
    return NULL;
}

rasid_input *rasid_input_open_mem(const char *name, const char *data, size_t len,
                                  const char *published_default)
{
    rasid_input *in = input_new(published_default);
    if (!in) return NULL;
    in->mem = malloc(len + 1);
    in->memname = strdup(name ? name : "memory");
    if (!in->mem || !in->memname) {
        rasid_input_close(in);
        return NULL;
    }
    if (len) memcpy(in->mem, data, len);
    in->mem[len] = 0;
    in->memlen = len;
    in->mem_pending = 1;
    return in;
}

void rasid_input_close(rasid_input *in)
{
    if (!in) return;
    for (size_t i = 0; i < in->nstack; i++) free(in->stack[i].path);
    free(in->stack);
    source_free(in->cur);
    free(in->mem);
    free(in->memname);
    free(in->where);
    rasid__buf_free(&in->line);
    rasid__buf_free(&in->text);
    rasid__buf_free(&in->rest);
    rasid__ingest_close(in->ing);
    rasid__ingest_cfg_clear(&in->icfg);
    free(in);
}

int rasid_input_set_ingest(rasid_input *in, const rasid_ingest_opts *opts)
{
    return rasid__ingest_cfg_set(&in->icfg, opts);
}

const char *rasid_input_where(const rasid_input *in, long *line)
{
    if (line) *line = in->where_line;
    return in->where ? in->where : "";
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Push a directory's entries (sorted, reversed so the first pops first). */
static int expand_dir(rasid_input *in, const char *path, int depth, char *err, size_t errlen)
{
    if (depth >= MAX_DEPTH) {
        msg(err, errlen, "%s: directories nested too deeply (limit %d)", path, MAX_DEPTH);
        return RASID_IO;
    }
    DIR *d = opendir(path);
    if (!d) {
        msg(err, errlen, "%s: %s", path, strerror(errno));
        return RASID_IO;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = RASID_OK;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue; /* hidden files, . and .. */
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            char **p = realloc(names, nc * sizeof *p);
            if (!p) { rc = RASID_NOMEM; break; }
            names = p;
            cap = nc;
        }
        size_t pl = strlen(path);
        int slash = pl > 0 && path[pl - 1] == '/';
        size_t need = pl + 1 + strlen(e->d_name) + 1;
        char *full = malloc(need);
        if (!full) { rc = RASID_NOMEM; break; }
        snprintf(full, need, "%s%s%s", path, slash ? "" : "/", e->d_name);
        names[n++] = full;
    }
    closedir(d);
    if (rc == RASID_OK) {
        qsort(names, n, sizeof *names, cmp_str);
        for (size_t i = n; i-- > 0;) {
            /* inside a directory, keep only regular files and directories */
            /* inside a walk, symbolic links to directories are not followed (no loops) */
            struct stat st, lst;
            if (lstat(names[i], &lst) != 0 || stat(names[i], &st) != 0) continue;
            if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) continue;
            if (S_ISDIR(st.st_mode) && S_ISLNK(lst.st_mode)) continue;
            if ((rc = push(in, names[i], depth + 1))) break;
        }
    }
    for (size_t i = 0; i < n; i++) free(names[i]);
    free(names);
    if (rc == RASID_NOMEM) msg(err, errlen, "%s: out of memory", path);
    return rc;
}

static int sniff_jsonl(source *s)
{
    if (ends_with(s->name, ".jsonl") || ends_with(s->name, ".ndjson")) return 1;
    for (;;) {
        size_t i = s->pos;
        /* skip a UTF-8 BOM at the very start */
        if (s->len - i >= 3 && memcmp(s->buf + i, "\xEF\xBB\xBF", 3) == 0) i += 3;
        for (; i < s->len; i++) {
            char c = s->buf[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
            return c == '{';
        }
        if (!s->f || s->eof || s->len == CHUNK) return 0;
        source_fill(s);
    }
}

/* ------------------------------------------------------------ plain text */
static int read_text(rasid_input *in, source *s, rasid_doc **doc, char *err, size_t errlen)
{
    const size_t cap = RASID_MAX_DOC_BYTES;
    if (s->f && !s->is_stdin) {
        struct stat st;
        if (fstat(fileno(s->f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > cap) {
            msg(err, errlen, "%s: file of %lld bytes exceeds the limit of %zu bytes", s->name,
                (long long)st.st_size, cap);
            return RASID_TOOBIG;
        }
    }
    const char *data;
    size_t len;
    rasid__buf b;
    rasid__buf_init(&b, cap + 2);
    if (!s->f) {
        data = s->buf;
        len = s->len;
    } else {
        for (;;) {
            if (s->len > s->pos && rasid__buf_put(&b, s->buf + s->pos, s->len - s->pos)) break;
            s->pos = s->len = 0;
            if (b.len > cap) break;
            if (s->eof) break;
            source_fill(s);
            if (s->len == 0 && s->eof) break;
        }
        if (b.err == RASID_NOMEM) {
            rasid__buf_free(&b);
            msg(err, errlen, "%s: out of memory", s->name);
            return RASID_NOMEM;
        }
        if (b.err == RASID_TOOBIG || b.len > cap) {
            rasid__buf_free(&b);
            msg(err, errlen, "%s: input exceeds the limit of %zu bytes", s->name, cap);
            return RASID_TOOBIG;
        }
        if (s->ioerr) {
            rasid__buf_free(&b);
            msg(err, errlen, "%s: read error: %s", s->name, strerror(s->ioerr));
            return RASID_IO;
        }
        data = b.data ? b.data : "";
        len = b.len;
    }
    int rc;
    size_t off = 0;
    if (len == 0) {
        msg(err, errlen, "%s: empty file", s->name);
        rc = RASID_EMPTY;
    } else if ((rc = rasid_check_text(data, len, &off)) == RASID_BINARY) {
        msg(err, errlen, "%s: binary file (NUL byte at offset %zu)", s->name, off);
    } else {
        if (rc == RASID_UTF8)
            msg(err, errlen, "%s: invalid UTF-8 at byte offset %zu", s->name, off);
        *doc = rasid_doc_new(s->stem, data, len, in->have_published ? in->published : NULL);
        if (!*doc) {
            msg(err, errlen, "%s: out of memory", s->name);
            rc = RASID_NOMEM;
        } else {
            rc = 1;
        }
    }
    rasid__buf_free(&b);
    return rc;
}

/* ------------------------------------------------------------ JSON Lines */
/* Read the next line into in->line (without the newline). Returns 1 for a line, 0 at
 * end, RASID_TOOBIG for an over-long line (skipped), RASID_IO on a read error. */
static int next_line(rasid_input *in, source *s)
{
    rasid__buf *l = &in->line;
    l->len = 0;
    l->err = 0;
    if (l->data) l->data[0] = 0;
    int toobig = 0, any = 0;
    for (;;) {
        if (s->pos >= s->len) {
            if (!s->f || s->eof) break;
            s->pos = s->len = 0;
            source_fill(s);
            if (s->len == 0) break;
        }
        any = 1;
        char *start = s->buf + s->pos;
        char *nl = memchr(start, '\n', s->len - s->pos);
        size_t n = nl ? (size_t)(nl - start) : s->len - s->pos;
        if (!toobig && rasid__buf_put(l, start, n)) {
            if (l->err == RASID_NOMEM) return RASID_NOMEM;
            toobig = 1;
        }
        s->pos += n;
        if (nl) {
            s->pos++;
            break;
        }
    }
    if (s->ioerr) return RASID_IO;
    if (!any) return 0;
    s->line++;
    return toobig ? RASID_TOOBIG : 1;
}

static int blank(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r') return 0;
    return 1;
}

static int valid_published(const char *s, size_t n)
{
    if (n < 10) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    return 1;
}

/* ------------------------------------------------------------ JSON Lines: the text
 * Jansson reads a string byte by byte (UTF-8 checks, a growing buffer): over a hundred
 * instructions per byte, and the text is nearly all of a record. So the text value is
 * checked and decoded here, as Jansson would, and Jansson parses the rest of the record
 * with the text replaced by "". Whatever is unusual (no top-level "text" string, a key
 * with an escape, a text Jansson would refuse) takes the plain path: Jansson on the
 * whole line, which also words every error. Replacing one string token by another
 * leaves the record's validity and every other value as they were. */

static size_t json_ws(const char *p, size_t n, size_t i)
{
    while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')) i++;
    return i;
}

/* The index after the string token starting at p[i] ('"'), or 0 if it does not end. */
static size_t json_skip_string(const char *p, size_t n, size_t i)
{
    size_t from = i + 1;
    for (i = from; i < n;) {
        const char *q = memchr(p + i, '"', n - i);
        if (!q) return 0;
        size_t k = (size_t)(q - p), bs = 0; /* the quote is escaped after an odd run of \\ */
        while (k - bs > from && p[k - bs - 1] == '\\') bs++;
        if (!(bs & 1)) return k + 1;
        i = k + 1;
    }
    return 0;
}

/* The index of the ',' or '}' ending the value (not a string) starting at p[i], or 0. */
static size_t json_skip_value(const char *p, size_t n, size_t i)
{
    int depth = 0;
    while (i < n) {
        char c = p[i];
        if (c == '"') {
            if (!(i = json_skip_string(p, n, i))) return 0;
            continue;
        }
        if (c == '{' || c == '[') depth++;
        else if ((c == '}' || c == ']') && depth-- == 0) return i;
        else if (c == ',' && depth == 0) return i;
        i++;
    }
    return 0;
}

/* The top-level "text" string of the record p[0..n): its token is p[*b..*e) (quotes
 * included; the last one when repeated, as Jansson keeps the last). 0 when there is
 * none or a key has an escape (then the plain path decides). */
static int json_find_text(const char *p, size_t n, size_t *b, size_t *e)
{
    size_t i = json_ws(p, n, 0);
    int found = 0;
    if (i >= n || p[i] != '{') return 0;
    i = json_ws(p, n, i + 1);
    while (i < n && p[i] == '"') {
        size_t kb = i + 1;
        if (!(i = json_skip_string(p, n, i))) return 0;
        size_t ke = i - 1;
        if (memchr(p + kb, '\\', ke - kb)) return 0;
        i = json_ws(p, n, i);
        if (i >= n || p[i] != ':') return 0;
        i = json_ws(p, n, i + 1);
        if (i >= n) return 0;
        int is_text = ke - kb == 4 && !memcmp(p + kb, "text", 4);
        if (p[i] == '"') {
            size_t vb = i;
            if (!(i = json_skip_string(p, n, i))) return 0;
            if (is_text) *b = vb, *e = i, found = 1;
        } else {
            if (is_text) return 0; /* not a string: the plain path says so */
            if (!(i = json_skip_value(p, n, i))) return 0;
        }
        i = json_ws(p, n, i);
        if (i < n && p[i] == ',') {
            i = json_ws(p, n, i + 1);
            continue;
        }
        break;
    }
    return found && i < n && p[i] == '}';
}

static int hex4(const char *s, uint32_t *v)
{
    uint32_t x = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        x <<= 4;
        if (c >= '0' && c <= '9') x |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f') x |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') x |= (uint32_t)(c - 'A' + 10);
        else return 0;
    }
    *v = x;
    return 1;
}

/* Decode the contents s[0..n) of a JSON string token into out (room for n bytes) as
 * Jansson does, or refuse (-1) whatever it would refuse: invalid or overlong UTF-8,
 * surrogates, code points above U+10FFFF, control characters, unknown escapes, lone
 * surrogate escapes and \u0000 (refused without JSON_ALLOW_NUL). Returns the length. */
static long json_decode_string(const unsigned char *s, size_t n, char *out)
{
    size_t i = 0, o = 0;
    while (i < n) {
        /* runs of plain ASCII first: most bytes of Arabic text are two-byte letters
         * between ASCII spaces and punctuation */
        size_t run = rasid__json_plain_run((const char *)s + i, n - i);
        if (run) {
            memcpy(out + o, s + i, run);
            o += run;
            i += run;
            if (i >= n) break;
        }
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x80 && c != '\\') {
            out[o++] = (char)c;
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) { /* two bytes */
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return -1;
            out[o++] = (char)c;
            out[o++] = (char)s[i + 1];
            i += 2;
            continue;
        }
        if (c >= 0xE0 && c <= 0xF4) { /* three or four bytes */
            size_t len = c >= 0xF0 ? 4 : 3;
            if (i + len > n) return -1;
            uint32_t v = c & (len == 3 ? 0x0F : 0x07);
            for (size_t k = 1; k < len; k++) {
                if ((s[i + k] & 0xC0) != 0x80) return -1;
                v = v << 6 | (s[i + k] & 0x3F);
            }
            if (len == 3 ? v < 0x800 || (v >= 0xD800 && v <= 0xDFFF) : v < 0x10000 || v > 0x10FFFF) return -1;
            memcpy(out + o, s + i, len);
            o += len;
            i += len;
            continue;
        }
        if (c != '\\' || i + 1 >= n) return -1; /* control character, stray byte */
        char e = (char)s[i + 1], r;
        switch (e) {
        case '"': case '\\': case '/': r = e; break;
        case 'b': r = '\b'; break;
        case 'f': r = '\f'; break;
        case 'n': r = '\n'; break;
        case 'r': r = '\r'; break;
        case 't': r = '\t'; break;
        case 'u': {
            uint32_t v, v2;
            if (i + 6 > n || !hex4((const char *)s + i + 2, &v)) return -1;
            i += 6;
            if (v >= 0xD800 && v <= 0xDBFF) {
                if (i + 6 > n || s[i] != '\\' || s[i + 1] != 'u' || !hex4((const char *)s + i + 2, &v2) ||
                    v2 < 0xDC00 || v2 > 0xDFFF)
                    return -1;
                i += 6;
                v = ((v - 0xD800) << 10) + (v2 - 0xDC00) + 0x10000;
            } else if ((v >= 0xDC00 && v <= 0xDFFF) || v == 0) {
                return -1;
            }
            /* UTF-8 of v (never longer than its escape) */
            if (v < 0x80) {
                out[o++] = (char)v;
            } else if (v < 0x800) {
                out[o++] = (char)(0xC0 | v >> 6);
                out[o++] = (char)(0x80 | (v & 0x3F));
            } else if (v < 0x10000) {
                out[o++] = (char)(0xE0 | v >> 12);
                out[o++] = (char)(0x80 | (v >> 6 & 0x3F));
                out[o++] = (char)(0x80 | (v & 0x3F));
            } else {
                out[o++] = (char)(0xF0 | v >> 18);
                out[o++] = (char)(0x80 | (v >> 12 & 0x3F));
                out[o++] = (char)(0x80 | (v >> 6 & 0x3F));
                out[o++] = (char)(0x80 | (v & 0x3F));
            }
            continue;
        }
        default: return -1;
        }
        out[o++] = r;
        i += 2;
    }
    return (long)o;
}

/* The fast path: the record parsed by Jansson without its text, the text decoded into
 * in->text. NULL when the plain path must decide. */
static json_t *load_record_fast(rasid_input *in, const char *p, size_t n)
{
    size_t b = 0, e = 0;
    if (!json_find_text(p, n, &b, &e)) return NULL;
    rasid__buf *t = &in->text, *r = &in->rest;
    t->len = r->len = 0;
    t->err = r->err = 0;
    if (rasid__buf_reserve(t, e - b) || rasid__buf_put(r, p, b) || rasid__buf_put(r, "\"\"", 2) ||
        rasid__buf_put(r, p + e, n - e))
        return NULL;
    long tl = json_decode_string((const unsigned char *)p + b + 1, e - b - 2, t->data);
    if (tl < 0) return NULL;
    t->len = (size_t)tl;
    json_error_t je;
    json_t *rec = json_loadb(r->data, r->len, 0, &je);
    json_t *text = rec ? json_object_get(rec, "text") : NULL;
    /* it must be the "" put there (a key spelt with escapes would not be found above) */
    if (!json_is_string(text) || json_string_length(text) != 0) {
        json_decref(rec);
        return NULL;
    }
    return rec;
}

static int read_record(rasid_input *in, source *s, rasid_doc **doc, char *err, size_t errlen)
{
    for (;;) {
        int r = next_line(in, s);
        if (r == 0) {
            if (s->ioerr) {
                msg(err, errlen, "%s: read error: %s", s->name, strerror(s->ioerr));
                return RASID_IO;
            }
            return 0;
        }
        if (set_where(in, s->name, s->line)) return RASID_NOMEM;
        if (r == RASID_NOMEM) {
            msg(err, errlen, "%s:%ld: out of memory", s->name, s->line);
            return RASID_NOMEM;
        }
        if (r == RASID_IO) {
            msg(err, errlen, "%s:%ld: read error: %s", s->name, s->line, strerror(s->ioerr));
            return RASID_IO;
        }
        if (r == RASID_TOOBIG) {
            msg(err, errlen, "%s:%ld: line exceeds the limit of %zu bytes", s->name, s->line,
                (size_t)MAX_LINE);
            return RASID_TOOBIG;
        }
        const char *p = in->line.data ? in->line.data : "";
        size_t n = in->line.len;
        if (s->line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            n -= 3;
        }
        if (blank(p, n)) continue;
        json_error_t je;
        const char *tv = NULL; /* the text and its length */
        size_t tl = 0;
        json_t *rec = load_record_fast(in, p, n), *text = NULL;
        if (rec) {
            tv = in->text.data;
            tl = in->text.len;
        } else {
            rec = json_loadb(p, n, 0, &je);
            if (!rec) {
                msg(err, errlen, "%s:%ld:%d: %s", s->name, s->line, je.column, je.text);
                return RASID_PARSE;
            }
            text = json_is_object(rec) ? json_object_get(rec, "text") : NULL;
            if (json_is_string(text)) {
                tv = json_string_value(text);
                tl = json_string_length(text);
            }
        }
        int rc;
        if (!json_is_object(rec)) {
            msg(err, errlen, "%s:%ld: record is not a JSON object", s->name, s->line);
            rc = RASID_PARSE;
        } else if (!tv) {
            msg(err, errlen, "%s:%ld: record has no \"text\" string", s->name, s->line);
            rc = RASID_PARSE;
        } else if (tl > RASID_MAX_DOC_BYTES) {
            msg(err, errlen, "%s:%ld: text of %zu bytes exceeds the limit of %zu bytes", s->name,
                s->line, tl, (size_t)RASID_MAX_DOC_BYTES);
            rc = RASID_TOOBIG;
        } else {
            char idbuf[64];
            const char *id = NULL;
            json_t *jid = json_object_get(rec, "id");
            if (json_is_string(jid) && json_string_length(jid) > 0) {
                id = json_string_value(jid);
            } else if (json_is_integer(jid)) {
                snprintf(idbuf, sizeof idbuf, "%" JSON_INTEGER_FORMAT, json_integer_value(jid));
                id = idbuf;
            }
            char *fallback = NULL;
            if (!id) {
                size_t need = strlen(s->stem) + 24;
                fallback = malloc(need);
                if (fallback) snprintf(fallback, need, "%s:%ld", s->stem, s->line);
                id = fallback ? fallback : s->stem;
            }
            const char *pub = in->have_published ? in->published : NULL;
            char pubbuf[11];
            json_t *jp = json_object_get(rec, "published");
            if (json_is_string(jp) && valid_published(json_string_value(jp), json_string_length(jp))) {
                memcpy(pubbuf, json_string_value(jp), 10);
                pubbuf[10] = 0;
                pub = pubbuf;
            }
            *doc = rasid_doc_new(id, tv, tl, pub);
            free(fallback);
            if (*doc) {
                rc = 1;
                /* metadata the store keeps (rasid_doc_meta) */
                static const char *const meta[] = {"url", "title", "source", "author", "fetched"};
                for (size_t k = 0; k < sizeof meta / sizeof meta[0]; k++) {
                    json_t *v = json_object_get(rec, meta[k]);
                    if (json_is_string(v) && json_string_length(v) > 0 &&
                        rasid_doc_set_meta(*doc, meta[k], json_string_value(v)) == RASID_NOMEM)
                        rc = RASID_NOMEM;
                }
                if (rc == RASID_NOMEM) {
                    rasid_doc_free(*doc);
                    *doc = NULL;
                    msg(err, errlen, "%s:%ld: out of memory", s->name, s->line);
                }
            } else {
                msg(err, errlen, "%s:%ld: out of memory", s->name, s->line);
                rc = RASID_NOMEM;
            }
        }
        json_decref(rec);
        return rc;
    }
}

/* ------------------------------------------------------------ next */
static source *source_open(const char *path, char *err, size_t errlen, int *rc)
{
    source *s = calloc(1, sizeof *s);
    if (!s) {
        *rc = RASID_NOMEM;
        msg(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    s->is_stdin = strcmp(path, "-") == 0;
    s->name = strdup(s->is_stdin ? "stdin" : path);
    s->stem = stem_of(path, s->is_stdin);
    s->buf = malloc(CHUNK);
    if (!s->name || !s->stem || !s->buf) {
        free(s->buf);
        s->f = NULL;
        source_free(s);
        *rc = RASID_NOMEM;
        msg(err, errlen, "%s: out of memory", path);
        return NULL;
    }
    if (s->is_stdin) {
        s->f = stdin;
    } else {
        s->f = fopen(path, "rb");
        if (!s->f) {
            *rc = RASID_IO;
            msg(err, errlen, "%s: %s", path, strerror(errno));
            free(s->buf);
            source_free(s);
            return NULL;
        }
    }
    source_fill(s);
    return s;
}

int rasid_input_next(rasid_input *in, rasid_doc **doc, char *err, size_t errlen)
{
    *doc = NULL;
    if (err && errlen) err[0] = 0;
    for (;;) {
        if (in->cur) {
            int rc = read_record(in, in->cur, doc, err, errlen);
            if (rc != 0) return rc;
            source_free(in->cur);
            in->cur = NULL;
            continue;
        }
        if (in->ing) { /* HTML page, feed, WARC file or URL: src/ingest/ */
            int rc = rasid__ingest_next(in->ing, doc, err, errlen);
            long item = 0;
            const char *w = rasid__ingest_where(in->ing, &item);
            if (rc != 0) return set_where(in, w, item) ? RASID_NOMEM : rc;
            rasid__ingest_close(in->ing);
            in->ing = NULL;
            continue;
        }
        source *s = NULL;
        int rc = RASID_OK;
        if (in->mem_pending) {
            in->mem_pending = 0;
            s = calloc(1, sizeof *s);
            if (!s) return RASID_NOMEM;
            s->name = strdup(in->memname);
            s->stem = stem_of(in->memname, 0);
            if (!s->name || !s->stem) {
                source_free(s);
                return RASID_NOMEM;
            }
            s->buf = in->mem;
            s->len = in->memlen;
            s->eof = 1;
        } else {
            if (in->nstack == 0) return 0;
            pending p = in->stack[--in->nstack];
            if (set_where(in, strcmp(p.path, "-") ? p.path : "stdin", 0)) {
                free(p.path);
                return RASID_NOMEM;
            }
            if (rasid__ing_is_http(p.path)) {
                in->ing = rasid__ingest_open_url(p.path, in->have_published ? in->published : NULL,
                                                 &in->icfg.o);
                free(p.path);
                if (!in->ing) return RASID_NOMEM;
                continue;
            }
            if (strcmp(p.path, "-") != 0) {
                struct stat st;
                if (stat(p.path, &st) != 0) {
                    msg(err, errlen, "%s: %s", p.path, strerror(errno));
                    free(p.path);
                    return RASID_IO;
                }
                if (S_ISDIR(st.st_mode)) {
                    rc = expand_dir(in, p.path, p.depth, err, errlen);
                    free(p.path);
                    if (rc) return rc;
                    continue;
                }
            }
            s = source_open(p.path, err, errlen, &rc);
            free(p.path);
            if (!s) return rc;
        }
        if (set_where(in, s->name, 0)) {
            source_free(s);
            return RASID_NOMEM;
        }
        rasid_sniff kind = ends_with(s->name, ".jsonl") || ends_with(s->name, ".ndjson")
                               ? RASID_SNIFF_TEXT
                               : rasid_ingest_sniff(s->name, s->buf + s->pos, s->len - s->pos);
        if (kind != RASID_SNIFF_TEXT) {
            int file = s->f && !s->is_stdin;
            in->ing = rasid__ingest_open(kind, file ? s->name : NULL, s->name, s->stem,
                                         s->buf + s->pos, s->len - s->pos, file ? NULL : s->f,
                                         in->have_published ? in->published : NULL, &in->icfg.o);
            source_free(s);
            if (!in->ing) return RASID_NOMEM;
            continue;
        }
        if (sniff_jsonl(s)) {
            s->jsonl = 1;
            in->cur = s;
            continue;
        }
        rc = read_text(in, s, doc, err, errlen);
        source_free(s);
        return rc;
    }
}
