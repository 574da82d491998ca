/*
 * stem.c — light stems from Snowball's Arabic stemmer (libstemmer).
 *
 * A Snowball stemmer object keeps per-call state, so it is never shared: the document
 * segmenter creates one per rasid_doc_segment() call (lazily, on the first Arabic word)
 * and stems each distinct word once; rasid__light_stem() creates a short-lived one per call.
 */
#include "text.h"

#include <libstemmer.h>

void *rasid__stemmer_new(void) { return sb_stemmer_new("arabic", "UTF_8"); }

void rasid__stemmer_free(void *st)
{
    if (st) sb_stemmer_delete(st);
}

const char *rasid__light_stem_with(void *st, rasid__arena *a, const char *norm, size_t n)
{
    if (!st || n == 0 || n > RASID_MAX_TOKEN_BYTES) return rasid__arena_strndup(a, norm, n);
    const sb_symbol *r = sb_stemmer_stem(st, (const sb_symbol *)norm, (int)n);
    if (!r) return rasid__arena_strndup(a, norm, n);
    int len = sb_stemmer_length(st);
    return rasid__arena_strndup(a, (const char *)r, len > 0 ? (size_t)len : 0);
}

const char *rasid__light_stem(rasid__arena *a, const char *norm, size_t n)
{
    void *st = rasid__stemmer_new();
    const char *r = rasid__light_stem_with(st, a, norm, n);
    rasid__stemmer_free(st);
    return r;
}
