/*
 * buf.c — capped growable byte buffers, JSON/CSV escaping, and growable arrays.
 *
 * Every buffer that grows on untrusted input has a cap; growth past it sets a sticky
 * RASID_TOOBIG error instead of exhausting memory (after curl's dynbuf).
 */
#include "internal.h"

#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <string.h>

void rasid__buf_init(rasid__buf *b, size_t cap)
{
    b->data = NULL;
    b->len = b->size = 0;
    b->cap = cap ? cap : RASID_MAX_DOC_BYTES * 4;
    b->err = 0;
}

void rasid__buf_init_in(rasid__buf *b, char *mem, size_t size)
{
    b->data = mem;
    b->len = 0;
    b->size = b->cap = size;
    b->err = 0;
    mem[0] = 0;
}

void rasid__buf_free(rasid__buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->size = 0;
}

int rasid__buf_reserve(rasid__buf *b, size_t extra)
{
    if (b->err) return b->err;
    if (extra > b->cap || b->len + extra + 1 > b->cap) return b->err = RASID_TOOBIG;
    size_t need = b->len + extra + 1;
    if (need <= b->size) return RASID_OK;
    size_t ns = b->size ? b->size : 256;
    while (ns < need) ns *= 2;
    if (ns > b->cap) ns = b->cap;
    char *p = realloc(b->data, ns);
    if (!p) return b->err = RASID_NOMEM;
    b->data = p;
    b->size = ns;
    return RASID_OK;
}

int rasid__buf_put_grow(rasid__buf *b, const void *p, size_t n)
{
    int rc = rasid__buf_reserve(b, n);
    if (rc) return rc;
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
    return RASID_OK;
}


int rasid__buf_putu(rasid__buf *b, unsigned long v)
{
    char tmp[24];
    size_t k = sizeof tmp;
    do {
        tmp[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return rasid__buf_put(b, tmp + k, sizeof tmp - k);
}

int rasid__buf_printf(rasid__buf *b, const char *fmt, ...)
{
    va_list ap;
    char tmp[512];
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return b->err = RASID_ARG;
    if ((size_t)n < sizeof tmp) return rasid__buf_put(b, tmp, (size_t)n);
    int rc = rasid__buf_reserve(b, (size_t)n);
    if (rc) return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return RASID_OK;
}

/* 1: a byte JSON takes as it is; 2: the lead byte of a 2-byte UTF-8 sequence */
static const uint8_t json_plain[256] = {
    [0x20 ... 0x21] = 1, /* '"' */ [0x23 ... 0x5B] = 1, /* '\\' */ [0x5D ... 0x7E] = 1,
    [0xC2 ... 0xDF] = 2,
};

/* The length of the prefix of s[0..n) that JSON takes as it is (json_plain, a 2-byte
 * sequence whole), eight bytes at a time while they are printable ASCII and whole 2-byte
 * sequences: the bulk of Arabic text. */
size_t rasid__json_plain_run(const char *p, size_t n)
{
    const unsigned char *s = (const unsigned char *)p;
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
#define HAS0(v) (((v) - ones) & ~(v))
    size_t j = 0;
    for (;;) {
#ifdef __SSE2__
        /* sixteen bytes at a time: the same tests on byte vectors, the pairing on masks */
        while (j + 16 <= n) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + j));
#define SET(c) _mm_set1_epi8((char)(c))
#define GE(c) _mm_cmpeq_epi8(_mm_max_epu8(v, SET(c)), v) /* unsigned v >= c */
#define EQ(c) _mm_cmpeq_epi8(v, SET(c))
            __m128i bad = _mm_or_si128(_mm_andnot_si128(GE(0x20), SET(0xFF)), _mm_or_si128(EQ(0x22), EQ(0x5C)));
            bad = _mm_or_si128(bad, _mm_or_si128(EQ(0x7F), GE(0xE0)));
            bad = _mm_or_si128(bad, _mm_cmpeq_epi8(_mm_and_si128(v, SET(0xFE)), SET(0xC0)));
            if (_mm_movemask_epi8(bad)) break;
            unsigned lead = (unsigned)_mm_movemask_epi8(GE(0xC0));
            unsigned cont = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, SET(0xC0)), SET(0x80)));
#undef SET
#undef GE
#undef EQ
            if (cont != ((lead << 1) & 0xFFFFu)) break;
            j += 16 - (lead >> 15);
        }
#endif
        while (j + 8 <= n) {
            uint64_t x;
            memcpy(&x, s + j, 8);
            /* any byte below 0x20, '"', '\\', 0x7F, C0/C1 or a lead of 3 or 4 bytes */
            uint64_t bad = ((x - ones * 0x20) & ~x) | HAS0(x ^ (ones * 0x22)) | HAS0(x ^ (ones * 0x5C)) |
                           HAS0(x ^ (ones * 0x7F)) | HAS0((x & (ones * 0xFE)) ^ (ones * 0xC0)) |
                           (x & (x << 1) & (x << 2));
            if (bad & highs) break;
            /* each lead byte (11xxxxxx) followed by a continuation (10xxxxxx) and each
             * continuation preceded by a lead; a lead in the last byte waits for the next
             * round (x is little-endian: the next byte is 8 bits up) */
            uint64_t lead = x & (x << 1) & highs, cont = x & ~(x << 1) & highs;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            break; /* the shifts above assume little-endian words: byte by byte */
#endif
            if (cont != lead << 8) break;
            j += 8 - (size_t)(lead >> 63);
        }
        if (j >= n) return n;
        unsigned k = json_plain[s[j]];
        if (k == 1) { j++; continue; }
        if (k == 2 && j + 1 < n && (s[j + 1] & 0xC0) == 0x80) { j += 2; continue; }
        return j;
    }
#undef HAS0
}

int rasid__buf_json_str(rasid__buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    rasid__buf_putc(b, '"');
    size_t i = 0;
    while (i < n) {
        /* a run that needs no escaping (printable ASCII but " and \\, and 2-byte UTF-8
         * sequences: Arabic, Latin-1) is copied in one go */
        size_t j = i + rasid__json_plain_run(s + i, n - i);
        if (j != i) {
            rasid__buf_put(b, s + i, j - i);
            i = j;
            if (i >= n) break;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            switch (c) {
            case '"': rasid__buf_put(b, "\\\"", 2); break;
            case '\\': rasid__buf_put(b, "\\\\", 2); break;
            case '\n': rasid__buf_put(b, "\\n", 2); break;
            case '\r': rasid__buf_put(b, "\\r", 2); break;
            case '\t': rasid__buf_put(b, "\\t", 2); break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    rasid__buf_put(b, e, 6);
                } else {
                    rasid__buf_putc(b, (char)c);
                }
            }
            i++;
            continue;
        }
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
        if (bad) rasid__buf_put(b, "\xEF\xBF\xBD", 3);
        else if (cp == 0x2028 || cp == 0x2029) rasid__buf_printf(b, "\\u%04x", (unsigned)cp);
        else rasid__buf_put(b, s + i, l);
        i += l;
    }
    return rasid__buf_putc(b, '"');
}

int rasid__buf_json_cstr(rasid__buf *b, const char *s)
{
    if (!s) return rasid__buf_put(b, "null", 4);
    return rasid__buf_json_str(b, s, strlen(s));
}

int rasid__buf_csv_field(rasid__buf *b, const char *s)
{
    if (!s) return RASID_OK;
    if (!strpbrk(s, ",\"\r\n")) return rasid__buf_puts(b, s);
    rasid__buf_putc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"') rasid__buf_putc(b, '"');
        rasid__buf_putc(b, *p);
    }
    return rasid__buf_putc(b, '"');
}

void rasid__vec_init(rasid__vec *v, size_t elsize)
{
    v->data = NULL;
    v->len = v->cap = 0;
    v->elsize = elsize;
    v->arena = NULL;
}

void rasid__vec_init_arena(rasid__vec *v, size_t elsize, rasid__arena *a)
{
    rasid__vec_init(v, elsize);
#ifndef RASID__ASAN
    v->arena = a;
#else
    (void)a;
#endif
}

void rasid__vec_free(rasid__vec *v)
{
    if (!v->arena) free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

/* Storage for nc elements (nc > cap); 0 or RASID_NOMEM. */
static int vec_resize(rasid__vec *v, size_t nc)
{
    void *p;
    if (nc > SIZE_MAX / v->elsize) return RASID_NOMEM;
    if (v->arena) {
        p = rasid__arena_alloc_raw(v->arena, nc * v->elsize);
        if (!p) return RASID_NOMEM;
        if (v->len) memcpy(p, v->data, v->len * v->elsize);
    } else {
        p = realloc(v->data, nc * v->elsize);
        if (!p) return RASID_NOMEM;
    }
    v->data = p;
    v->cap = nc;
    return 0;
}

int rasid__vec_reserve(rasid__vec *v, size_t n)
{
    return n > v->cap ? vec_resize(v, n) : 0;
}

/* vec_room when the vector is full: out of line, as it is rare (and copies in an arena) */
static __attribute__((noinline)) void *vec_grow(rasid__vec *v)
{
    if (vec_resize(v, v->cap ? v->cap * 2 : 64)) return NULL;
    return (char *)v->data + v->len * v->elsize;
}

/* Room for one more element at the end (not counted yet), or NULL. */
static inline void *vec_room(rasid__vec *v)
{
    if (v->len < v->cap) return (char *)v->data + v->len * v->elsize;
    return vec_grow(v);
}

void *rasid__vec_push(rasid__vec *v)
{
    void *el = vec_room(v);
    if (!el) return NULL;
    memset(el, 0, v->elsize);
    v->len++;
    return el;
}

void *rasid__vec_push_raw(rasid__vec *v)
{
    void *el = vec_room(v);
    if (el) v->len++;
    return el;
}

void *rasid__vec_push_copy(rasid__vec *v, const void *src)
{
    void *el = vec_room(v);
    if (!el) return NULL;
    memcpy(el, src, v->elsize); /* (not zeroed first: a mention is pushed many times per article) */
    v->len++;
    return el;
}
