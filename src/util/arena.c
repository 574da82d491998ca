/*
 * arena.c — per-document bump allocator.
 *
 * A document's analysis allocates many small objects (token keys, clitic readings,
 * mention names) that all die together; the arena hands out aligned chunks (zeroed, or
 * raw for callers that write every byte) from large blocks and frees every block in one
 * call. Blocks grow geometrically; a request larger than the block size gets a block of
 * its own.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct rasid__arena_block {
    rasid__arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

#define ARENA_MIN_BLOCK ((size_t)64 << 10)

/* A parked block is at most this big (the bytes an analyser keeps for nothing). */
#define ARENA_SPARE_MAX ((size_t)1 << 20)

void rasid__arena_init(rasid__arena *a)
{
    a->head = NULL;
    a->used_total = 0;
    a->spare = NULL;
}

void rasid__arena_block_free(rasid__arena_block *b) { free(b); }

void rasid__arena_release(rasid__arena *a)
{
    rasid__arena_block *b = a->head;
    while (b) {
        rasid__arena_block *n = b->next;
        /* the biggest block up to ARENA_SPARE_MAX is parked (not under AddressSanitizer,
         * which is to see a use after free across documents) */
#ifndef RASID__ASAN
        if (a->spare && b->size <= ARENA_SPARE_MAX && (!*a->spare || (*a->spare)->size < b->size)) {
            free(*a->spare);
            *a->spare = b;
        } else
#endif
            free(b);
        b = n;
    }
    a->head = NULL;
    a->used_total = 0;
}

void *rasid__arena_alloc_raw(rasid__arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    rasid__arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t sz = b ? b->size * 2 : ARENA_MIN_BLOCK;
        if (sz > ((size_t)16 << 20)) sz = (size_t)16 << 20;
        if (sz < n) sz = n;
        rasid__arena_block *nb;
        if (a->spare && *a->spare && (*a->spare)->size >= sz) { /* the block parked by an earlier arena */
            nb = *a->spare;
            *a->spare = NULL;
            sz = nb->size;
        } else {
            nb = malloc(sizeof *nb + sz);
            if (!nb) return NULL;
        }
        nb->size = sz;
        nb->used = 0;
        if (b && b->size - b->used >= ARENA_MIN_BLOCK / 4 && n > ARENA_MIN_BLOCK) {
            /* keep filling the current block: put the big one behind it */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->used_total += n;
    return p;
}

void *rasid__arena_alloc(rasid__arena *a, size_t n)
{
    void *p = rasid__arena_alloc_raw(a, n);
    if (p) memset(p, 0, n);
    return p;
}

char *rasid__arena_strndup(rasid__arena *a, const char *s, size_t n)
{
    char *p = rasid__arena_alloc_raw(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *rasid__arena_strdup(rasid__arena *a, const char *s)
{
    return s ? rasid__arena_strndup(a, s, strlen(s)) : NULL;
}

char *rasid__arena_catv(rasid__arena *a, const char *const *parts, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) len += strlen(parts[i] ? parts[i] : "(null)");
    char *p = rasid__arena_alloc_raw(a, len + 1), *o = p;
    if (!p) return NULL;
    for (size_t i = 0; i < n; i++) {
        const char *s = parts[i] ? parts[i] : "(null)";
        size_t l = strlen(s);
        memcpy(o, s, l);
        o += l;
    }
    *o = 0;
    return p;
}

char *rasid__arena_printf(rasid__arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char tmp[256];
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0) return NULL;
    if ((size_t)n < sizeof tmp) return rasid__arena_strndup(a, tmp, (size_t)n);
    char *p = rasid__arena_alloc(a, (size_t)n + 1);
    if (!p) return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
