/*
 * text.h — internals of the text layer (src/text/), shared by its files only.
 *
 * The heart of the layer is one scanner (normalize.c) that walks the original bytes once,
 * decoding UTF-8, classifying each code point, writing the normalised text with its
 * offset map and cutting tokens. Its users are the document segmenter (segment.c), and
 * the standalone helpers rasid__normalize_str / rasid__key_str used by the lexicon, so a
 * dictionary alias and a document token are normalised and split by the same code.
 */
#ifndef RASID_TEXT_H
#define RASID_TEXT_H

#include "internal.h"

/* A token as cut by the scanner, before clitics/stems/values are attached. */
typedef struct rasid__rawtok {
    uint32_t start, end;   /* original bytes */
    uint32_t nstart, nend; /* normalised bytes (in scan->out) */
    uint8_t kind;          /* rasid_token_kind */
    uint8_t flags;         /* RASID_TF_* */
    uint8_t hint;          /* RASID__HINT_*: what the final letter was before normalisation */
} rasid__rawtok;

#define RASID__HINT_TEH_MARBUTA 1u /* final ه was ة */
#define RASID__HINT_ALEF_MAKSURA 2u /* final ي was ى */

typedef struct rasid__scan rasid__scan;
typedef int (*rasid__emit_fn)(rasid__scan *sc, const rasid__rawtok *t);

struct rasid__scan {
    /* input */
    const unsigned char *s;
    size_t n;
    unsigned flags;
    int want_map;       /* fill ss/se */
    rasid__emit_fn emit; /* NULL: no tokens wanted */
    void *ud;
    /* or, instead of emit, the tokens written here as they are cut (the document's own
     * token array, grown by realloc): start, end, nstart, nend, kind, flags, and in
     * nreadings the hint of an Arabic word's final letter; the rest left for the caller */
    rasid_token *sink;
    size_t nsink, sink_cap;
    int sink_borrowed; /* sink is the caller's memory: its first growth is a malloc'd copy */
    /* when set (and without want_map), out starts in this arena with the room the scan
     * first asks for (borrowed set): a document's text is then normalised without a
     * malloc; it only grows (into malloc'd memory) for a text that expands a lot */
    rasid__arena *arena;
    /* output: normalised text (malloc'd) and its map */
    char *out;
    size_t olen, ocap;
    uint32_t *ss, *se;
    /* out (and ss, se with want_map) are the caller's memory of ocap + 1 elements, not
     * malloc'd: the first growth copies them into malloc'd ones and clears this (a short
     * scan, of one token, then mallocs nothing) */
    int borrowed;
    /* UTF-8 problems */
    size_t utf8_errors;
    long utf8_first_error;
    int err; /* RASID_NOMEM or the emit callback's error */
};

/* Run the scanner over sc->s[0..n). Returns RASID_OK or an error (sc->err). The caller
 * frees sc->out, sc->ss, sc->se (even on error). */
int rasid__scan_run(rasid__scan *sc);

/* The clitic readings of the Arabic word w[0..n) with a hint about its final letter
 * (RASID__HINT_*), at most max (>= 1) of them, in one arena block: the readings, then a
 * NUL-terminated copy of w (*key) that their stems point into (except a stem that does not
 * end where the word ends, which has its own copy). Sets *nr. NULL: out of memory. */
const rasid_reading *rasid__clitic_block(rasid__arena *a, const char *w, size_t n, unsigned hint,
                                         size_t max, size_t *nr, const char **key);

/* Light stemming with a caller-owned Snowball stemmer (struct sb_stemmer *). */
void *rasid__stemmer_new(void);
void rasid__stemmer_free(void *st);
const char *rasid__light_stem_with(void *st, rasid__arena *a, const char *norm, size_t n);

/* Value of a number token's original bytes (ASCII, Arabic-Indic or Persian digits with
 * , . ٫ ٬ separators). */
double rasid__number_value(const char *s, size_t n);

#define RASID__MAX_READINGS 8

/* RASID_SEG_NO_STEMS (rasid.h) skips the light stems. */

#endif
