/*
 * fuzz_text.c — libFuzzer target over the text layer.
 *
 * Builds a document over the input bytes, segments it (the first byte picks the
 * normalisation flags for a quarter of the inputs) and aborts on any broken invariant:
 * offset map in bounds and monotone, tokens ordered, in bounds, no longer than
 * RASID_MAX_TOKEN_BYTES, their keys equal to their span of the normalised text, and
 * with the default flags equal to the surface bytes normalised alone (round trip);
 * sentences partition the tokens and span them exactly. Also runs the standalone
 * helpers rasid__normalize_str and rasid__key_str.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define REQUIRE(c)                                                                  \
    do {                                                                            \
        if (!(c)) {                                                                 \
            fprintf(stderr, "fuzz_text: invariant failed: %s (line %d)\n", #c, __LINE__); \
            abort();                                                                \
        }                                                                           \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20)) return 0;
    unsigned flags = RASID_NORM_DEFAULT;
    if (size > 1 && (data[0] & 3) == 0) flags = ((unsigned)data[1] << 4 | data[0] >> 2) & RASID_NORM_ALL;
    rasid_doc *d = rasid_doc_new("fuzz", (const char *)data, size, NULL);
    if (!d) return 0;
    REQUIRE(rasid_doc_segment(d, flags) == RASID_OK);

    size_t len, nlen;
    const char *text = rasid_doc_text(d, &len);
    const uint32_t *ss, *se;
    const char *nt = rasid_doc_normalized(d, &nlen, &ss, &se);
    REQUIRE(len == size);
    for (size_t i = 0; i < nlen; i++) {
        REQUIRE(ss[i] < se[i] && se[i] <= len);
        if (i) REQUIRE(ss[i - 1] <= ss[i]);
    }
    if (nlen) REQUIRE(ss[nlen] == len && se[nlen] == len);
    long first;
    size_t nerr = rasid_doc_utf8_errors(d, &first);
    REQUIRE((nerr == 0) == (first < 0));
    REQUIRE(first < (long)size);

    const rasid_token *T = rasid_doc_tokens(d);
    size_t n = rasid_doc_ntokens(d);
    for (size_t i = 0; i < n; i++) {
        const rasid_token *t = &T[i];
        REQUIRE(t->start < t->end && t->end <= len);
        REQUIRE(t->end - t->start <= RASID_MAX_TOKEN_BYTES && t->nlen <= RASID_MAX_TOKEN_BYTES);
        if (i) REQUIRE(T[i - 1].end <= t->start && T[i - 1].nend <= t->nstart);
        REQUIRE(t->nstart < t->nend && t->nend <= nlen && t->nlen == t->nend - t->nstart);
        REQUIRE(memcmp(t->norm, nt + t->nstart, t->nlen) == 0 && t->norm[t->nlen] == 0);
        REQUIRE(ss[t->nstart] == t->start && se[t->nend - 1] <= t->end);
        REQUIRE(t->kind >= RASID_TOK_ARABIC && t->kind <= RASID_TOK_OTHER);
        REQUIRE(t->nreadings >= 1 && t->nreadings <= 8 && strcmp(t->readings[0].stem, t->norm) == 0);
        for (unsigned r = 0; r < t->nreadings; r++)
            REQUIRE(t->readings[r].pro && t->readings[r].stem && t->readings[r].enc &&
                    strlen(t->readings[r].stem) > 0);
        if (flags == RASID_NORM_DEFAULT && !memchr(t->norm, 0, t->nlen)) {
            char k[4 * RASID_MAX_TOKEN_BYTES + 16];
            size_t kl = rasid__normalize_str(text + t->start, t->end - t->start, flags, k, sizeof k);
            REQUIRE(kl == t->nlen && memcmp(k, t->norm, kl) == 0);
        }
    }
    const rasid_sentence *S = rasid_doc_sentences(d);
    size_t ns = rasid_doc_nsentences(d);
    uint32_t next = 0;
    for (size_t s = 0; s < ns; s++) {
        REQUIRE(S[s].tok_begin == next && S[s].tok_begin < S[s].tok_end && S[s].tok_end <= n);
        REQUIRE(S[s].start == T[S[s].tok_begin].start && S[s].end == T[S[s].tok_end - 1].end);
        for (uint32_t i = S[s].tok_begin; i < S[s].tok_end; i++) REQUIRE(T[i].sent == s);
        next = S[s].tok_end;
    }
    REQUIRE(next == n);
    rasid_doc_free(d);

    /* the standalone helpers: bounded output, NUL-terminated, length convention */
    char small[32];
    size_t need = rasid__normalize_str((const char *)data, size, flags, small, sizeof small);
    REQUIRE(strlen(small) == (need < sizeof small ? need : sizeof small - 1)); /* no NUL inside */
    need = rasid__key_str((const char *)data, size, small, sizeof small);
    REQUIRE(strlen(small) == (need < sizeof small ? need : sizeof small - 1));
    if (size <= 64) {
        rasid__arena a;
        rasid__arena_init(&a);
        rasid_reading r[8];
        size_t nr = rasid__clitic_readings(&a, (const char *)data, size, r, 8);
        REQUIRE(nr <= 8);
        rasid__arena_release(&a);
    }
    return 0;
}
