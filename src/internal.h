/*
 * internal.h — types and functions shared between librasid's modules but not public.
 *
 * Naming: public names start with `rasid_`, cross-module internals with `rasid__`,
 * everything file-local is `static`. Each pipeline stage lives in its own directory
 * (text/, lex/, time/, num/, event/, io/) and exposes its entry points here.
 *
 * Memory: everything a document's analysis allocates comes from the doc's arena
 * (rasid__arena) or from the doc's growable arrays, all released by rasid_doc_free().
 */
#ifndef RASID_INTERNAL_H
#define RASID_INTERNAL_H

#include "rasid.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ arena */
typedef struct rasid__arena_block rasid__arena_block;
typedef struct rasid__arena {
    rasid__arena_block *head;
    size_t used_total;
    /* where a released block may be parked for the next arena (an analyser's, for the
     * documents attached to it), or NULL */
    rasid__arena_block **spare;
} rasid__arena;

void rasid__arena_init(rasid__arena *a);
void rasid__arena_release(rasid__arena *a);
void rasid__arena_block_free(rasid__arena_block *b);
/* 16-byte aligned, zeroed memory; NULL only on out-of-memory. */
void *rasid__arena_alloc(rasid__arena *a, size_t n);
void *rasid__arena_alloc_raw(rasid__arena *a, size_t n); /* not zeroed */
char *rasid__arena_strndup(rasid__arena *a, const char *s, size_t n);
char *rasid__arena_strdup(rasid__arena *a, const char *s);
char *rasid__arena_printf(rasid__arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The strings joined (a NULL one as "(null)", as printf's %s writes it), in the arena:
 * rasid__arena_cat(a, "Military Forces of ", name) is rasid__arena_printf(a, "Military
 * Forces of %s", name) without printf. */
char *rasid__arena_catv(rasid__arena *a, const char *const *parts, size_t n);
#define rasid__arena_cat(a, ...)                                                        \
    rasid__arena_catv((a), (const char *const[]){__VA_ARGS__},                          \
                      sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

/* Under AddressSanitizer (GCC's macro, or clang's feature test). */
#if defined(__SANITIZE_ADDRESS__)
#define RASID__ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RASID__ASAN 1
#endif
#endif

/* Scratch memory that dies with the document at the latest (a call's index arrays): from
 * the doc's arena, as a malloc and free per document cost more than the bytes; but under
 * AddressSanitizer malloc'd, so that a read or write past its end is still caught (the
 * arena's neighbouring chunks would hide it). Release it with rasid__scratch_free, which
 * frees only what was malloc'd. */
static inline void *rasid__scratch(rasid__arena *a, size_t n)
{
#ifdef RASID__ASAN
    (void)a;
    return malloc(n ? n : 1);
#else
    return rasid__arena_alloc_raw(a, n);
#endif
}
static inline void *rasid__scratch_zero(rasid__arena *a, size_t n) /* zeroed, as calloc */
{
#ifdef RASID__ASAN
    (void)a;
    return calloc(n ? n : 1, 1);
#else
    return rasid__arena_alloc(a, n);
#endif
}
static inline void rasid__scratch_free(void *p)
{
#ifdef RASID__ASAN
    free(p);
#else
    (void)p; /* the arena's: freed with the document */
#endif
}

/* ------------------------------------------------------------------ buffer */
/* A growable byte buffer with a cap (growth past `cap` fails with RASID_TOOBIG). */
typedef struct rasid__buf {
    char *data;
    size_t len, size, cap;
    int err; /* sticky: first error (RASID_NOMEM / RASID_TOOBIG) */
} rasid__buf;

/* a equals b, where b is a short literal (a type, mode, sector or noun code): compared
 * inline, byte by byte, since a call to strcmp costs more than the few bytes it reads.
 * a must not be NULL. */
/* A count given by a vague word ("العشرات": dozens), whose figure only stands for it. */
static inline int rasid__q_vague(int q)
{
    return q == RASID_Q_DOZENS || q == RASID_Q_HUNDREDS || q == RASID_Q_THOUSANDS || q == RASID_Q_SEVERAL;
}

static inline int rasid__streq(const char *a, const char *b)
{
    while (*b && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

void rasid__buf_init(rasid__buf *b, size_t cap); /* cap 0 = RASID_MAX_DOC_BYTES * 4 */
void rasid__buf_free(rasid__buf *b);
/* A buffer in the caller's memory mem[0..size) (size >= 1) with cap size: it never grows
 * (what does not fit fails with RASID_TOOBIG, as for a malloc'd buffer with that cap) and
 * is not to be rasid__buf_free'd. For a short-lived string of bounded length, without a
 * malloc, reallocs and free. */
void rasid__buf_init_in(rasid__buf *b, char *mem, size_t size);
int rasid__buf_reserve(rasid__buf *b, size_t extra);
int rasid__buf_put_grow(rasid__buf *b, const void *p, size_t n); /* rasid__buf_put past the room */
/* Append n bytes (always NUL-terminated after). Inline while there is room: writers call
 * it for every key and value, mostly with a few bytes of known length. */
static inline int rasid__buf_put(rasid__buf *b, const void *p, size_t n)
{
    if (!b->err && n < b->size - b->len) { /* room already (size > len) */
        memcpy(b->data + b->len, p, n);
        b->len += n;
        b->data[b->len] = 0;
        return 0;
    }
    return rasid__buf_put_grow(b, p, n);
}
/* inline, so that the length of a literal is known at compile time */
static inline int rasid__buf_puts(rasid__buf *b, const char *s) { return rasid__buf_put(b, s, strlen(s)); }
static inline int rasid__buf_putc(rasid__buf *b, char c)
{
    if (!b->err && 1 < b->size - b->len) {
        b->data[b->len++] = c;
        b->data[b->len] = 0;
        return 0;
    }
    return rasid__buf_put_grow(b, &c, 1);
}
int rasid__buf_putu(rasid__buf *b, unsigned long v); /* decimal digits */
int rasid__buf_printf(rasid__buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* JSON string literal with quotes; invalid UTF-8 is written as U+FFFD. */
int rasid__buf_json_str(rasid__buf *b, const char *s, size_t n);
/* The length of the prefix of s[0..n) that a JSON string takes unescaped: printable
 * ASCII but '"' and '\\', and whole 2-byte UTF-8 sequences. */
size_t rasid__json_plain_run(const char *s, size_t n);
int rasid__buf_json_cstr(rasid__buf *b, const char *s); /* NULL -> null */
/* CSV field (RFC 4180 quoting when needed). */
int rasid__buf_csv_field(rasid__buf *b, const char *s);

/* A growable array of fixed-size elements (malloc'd, owned by its user; or grown in an
 * arena, see rasid__vec_init_arena). */
typedef struct rasid__vec {
    void *data;
    size_t len, cap, elsize;
    rasid__arena *arena; /* where data is, or NULL: malloc'd */
} rasid__vec;
void rasid__vec_init(rasid__vec *v, size_t elsize);
/* A vector of a document's that lives as long as the doc: grown in its arena (a grown
 * copy, the old storage left to the arena), since the realloc and free of a few such
 * vectors per document cost more than the bytes; rasid__vec_free then frees nothing.
 * Under AddressSanitizer malloc'd all the same, so that an overflow is still caught. */
void rasid__vec_init_arena(rasid__vec *v, size_t elsize, rasid__arena *a);
void rasid__vec_free(rasid__vec *v);
/* Appends one zeroed element and returns it; NULL on out-of-memory. */
void *rasid__vec_push(rasid__vec *v);
/* Appends one element copied from src (elsize bytes) and returns it; NULL on out-of-memory. */
void *rasid__vec_push_copy(rasid__vec *v, const void *src);
void *rasid__vec_push_raw(rasid__vec *v); /* not zeroed: for an element the caller sets whole */
/* Room for n elements in all (no change when there is); 0 or RASID_NOMEM. */
int rasid__vec_reserve(rasid__vec *v, size_t n);

/* ------------------------------------------------------------------ numbers */
/* The value of the decimal string s, exactly as strtod(s, NULL) gives it (a fast path
 * for plain decimals of up to 15 significant digits; strtod for anything else). */
double rasid__decimal(const char *s);
/* printf("%.*f", prec, v) into out (room for 32 bytes), prec 0..6, exactly as printf
 * writes it; with trim, without the trailing zeros of the fraction nor a bare point.
 * Returns the length, or 0 for what it leaves to printf (inf, nan, |v| >= 2^63, tiny). */
size_t rasid__fmt_fixed(double v, int prec, int trim, char *out);
/* atoi(s), without strtol's machinery for the plain case (digits after an optional
 * sign, at most nine of them). */
int rasid__atoi(const char *s);
/* "YYYY-MM-DD" as "%04d-%02d-%02d" writes it; m < 0: "YYYY"; d < 0: "YYYY-MM". */
void rasid__fmt_ymd(char out[11], int y, int m, int d);

/* ------------------------------------------------------------------ UTF-8 */
/* Decode one code point at s[0..n). Returns its length in bytes (>= 1); on an invalid,
 * overlong, surrogate or truncated sequence returns 1 and sets *cp = 0xFFFD and *bad = 1. */
size_t rasid__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, int *bad);
/* Encode cp into out (4 bytes room); returns the length. */
size_t rasid__utf8_encode(uint32_t cp, char *out);

/* ------------------------------------------------------------------ analyser */
/* analyser.c: the caches one thread keeps across documents (rasid_analyser, rasid.h).
 * Each stage owns its cache's type and code; the analyser owns their lifetime: it
 * empties them together (their entries point at each other: a word's readings pointer
 * is the key of the lexicon's per-word caches) and only while no attached doc is alive
 * (tokens point at the word cache's keys and readings). */
struct rasid__wcache; /* text/segment.c: words -> normalised key, readings, stem, value */
struct rasid__lcache; /* lex/lexicon.c: words -> dictionary matches, fuzzy candidates */
void rasid__wcache_free(struct rasid__wcache *wc);
void rasid__lcache_free(struct rasid__lcache *lc);
/* bytes they hold outside the analyser's arena (tables, arrays) */
size_t rasid__wcache_bytes(const struct rasid__wcache *wc);
size_t rasid__lcache_bytes(const struct rasid__lcache *lc);

struct rasid_analyser {
    const rasid_lexicon *lex; /* the lexicon its lexicon caches are for (or NULL) */
    rasid__arena arena;       /* the caches' keys, readings, stems, match lists */
    size_t live;              /* attached docs not yet freed */
    size_t budget;            /* bytes (arena and tables) past which the caches are emptied */
    struct rasid__wcache *words;
    struct rasid__lcache *lexc;
    /* a block released by an attached doc's arena, for the next doc's (one document's
     * analysis takes one block: malloc and free of it per document cost more than the
     * block's bytes, glibc consolidating its small free chunks for every large request) */
    rasid__arena_block *spare;
};
/* Called by rasid_doc_free for an attached doc. */
void rasid__analyser_release(rasid_analyser *a);

/* ------------------------------------------------------------------ doc */
/* A word's cue classes: an item is (class << 8 | length in tokens), class an enum
 * rasid__cue, at most one per class (the longest); mask has bit class of each. */
struct rasid__cues {
    uint64_t mask;
    uint16_t n;
    uint16_t item[];
};

struct rasid_doc {
    char *id;
    char *text; /* original bytes, NUL-terminated copy */
    size_t len;
    char published[11]; /* caller's or the dateline's, "" if none */
    int published_from_dateline;
    struct rasid__meta *meta; /* rasid_doc_set_meta: key/value pairs in the arena */

    rasid__arena arena;
    char errmsg[256];
    rasid_analyser *an; /* rasid_doc_use: caches shared with other documents, or NULL */
    int shared_words;   /* the tokens' readings are the analyser's (its word cache was used) */

    /* UTF-8 */
    size_t utf8_errors;
    long utf8_first_error;

    /* stage 1: text layer */
    int segmented;
    unsigned norm_flags;
    char *norm; /* normalised text: in the arena when norm_in_arena, else malloc'd */
    size_t nlen;
    int norm_in_arena;
    uint32_t *src_start, *src_end; /* per normalised byte; made on demand (rasid__text_map) */
    rasid__vec tokens;    /* rasid_token */
    rasid__vec sentences; /* rasid_sentence */

    /* stage 2: recognisers */
    int recognised;
    rasid__vec mentions; /* rasid_mention, sorted by start */
    void *words;         /* num/words.c: per-token classification shared by time/ and num/ (arena) */
    /* lex/: cue words per token, computed once (rasid__lex_prepare_cues), in the arena
     * (struct rasid__cues, shared by the tokens of a word and kept by the analyser) */
    const struct rasid__cues **cue_list;
    uint64_t *cue_mask; /* per token: its cue_list's mask, at hand */
    uint64_t cue_any;   /* the union of the tokens' cue_mask (set with it) */
    /* lex/: every exact dictionary match at every token, found once per document for the
     * lexicon lexm_for (rasid__lex_prepare_cues): token i's are the lexm_cnt[i] from
     * lexm_off[i] (struct rasid__match, their tok not set: that of another token of the word) of the
     * analyser's cache (*lexm_citems) when lexm_off[i] has its top bit, else of the
     * document's table lexm, unless lexm_over[i] (too many: not kept);
     * lexm_cats[i]: the categories of token i's matches (bits), to skip it at once;
     * lexm_rep[i]: an earlier token of the same word whose matches token i's repeat (they
     * depend on the word alone), or i (see rasid__lex_word_rep) */
    const void *lexm_for;
    uint32_t *lexm_off;
    uint8_t *lexm_cnt;
    const struct rasid__match *const *lexm_citems;
    uint8_t *lexm_over;
    uint16_t *lexm_cats;
    uint32_t *lexm_rep;
    uint32_t *lexm_wid; /* 1 + the analyser's id of token i's word (rasid__lex_word_memo), or 0 */
    /* where the analyser keeps the memo slots of those ids (rasid__lex_memo_slots), or NULL:
     * read through it, as a later document's words may move the slots */
    void **const *lexm_memo;
    void *lexm;
    struct rasid__fzmemo *lexm_fz; /* lex/: fuzzy matches per distinct word, filled on demand */

    /* stage 3: event coder */
    int coded;
    rasid__vec events; /* rasid_event */
};

void rasid__doc_error(rasid_doc *doc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Stage entry points (each fills its part of the doc; return RASID_OK or an error). */
int rasid__text_segment(rasid_doc *doc, unsigned norm_flags);   /* text/ */
int rasid__lex_recognise(rasid_doc *doc, const rasid_lexicon *lex); /* lex/: places, actors, people */
int rasid__lex_prepare_cues(rasid_doc *doc, const rasid_lexicon *lex); /* lex/: cue words per token */
int rasid__num_recognise(rasid_doc *doc, const rasid_lexicon *lex); /* num/: numbers */
int rasid__time_recognise(rasid_doc *doc, const rasid_lexicon *lex); /* time/: dates, dateline */
int rasid__event_code(rasid_doc *doc, const rasid_lexicon *lex);   /* event/ */

/* text/: the offset map of a segmented doc (doc->src_start/src_end), made on demand;
 * and the original offset of normalised byte ni inside token tok (UINT32_MAX: unknown). */
int rasid__text_map(rasid_doc *doc);
uint32_t rasid__orig_at(const rasid_doc *doc, size_t tok, uint32_t ni);

/* Normalise a standalone string (e.g. a dictionary alias) with the text layer's rules.
 * Writes a NUL-terminated key into out (outlen bytes) and returns its length, or the
 * length needed if larger than outlen - 1. */
size_t rasid__normalize_str(const char *s, size_t n, unsigned flags, char *out, size_t outlen);

/* rasid__normalize_str without the scanner, for plain Arabic letters in words separated
 * by single spaces (then the normalised text is also the key rasid__key_str would give);
 * SIZE_MAX when s is not of that form. */
size_t rasid__plain_arabic_str(const char *s, size_t n, unsigned flags, char *out, size_t outlen);

/* Tokenise a standalone normalised string into keys separated by single spaces
 * (what the lexicon stores). Same return convention as rasid__normalize_str. */
size_t rasid__key_str(const char *s, size_t n, char *out, size_t outlen);

/* Compute clitic readings for a normalised Arabic word. Fills at most `max` readings
 * (strings allocated in arena); returns the number written. readings[0] = whole form. */
size_t rasid__clitic_readings(rasid__arena *a, const char *norm, size_t n, rasid_reading *out,
                              size_t max);

/* Light stem of a normalised Arabic word into the arena (may return the word itself). */
const char *rasid__light_stem(rasid__arena *a, const char *norm, size_t n);

/* Add a mention to the doc (copied); returns the stored element or NULL on OOM. */
rasid_mention *rasid__doc_add_mention(rasid_doc *doc, const rasid_mention *m);
/* Sort mentions by start offset (stable by kind); call after all recognisers ran. */
void rasid__doc_sort_mentions(rasid_doc *doc);

/* Date arithmetic helpers (time/). Days since 1970-01-01 for a Gregorian date. */
long rasid__days_from_civil(int y, int m, int d);
void rasid__civil_from_days(long z, int *y, int *m, int *d);
int rasid__weekday(int y, int m, int d); /* 0 = Sunday */

#endif /* RASID_INTERNAL_H */
