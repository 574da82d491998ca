/*
 * fuzz_analyser.c — libFuzzer target: an analyser (caches across documents) changes
 * nothing. The input is cut into up to 8 documents at 0xFF bytes (never in UTF-8); they
 * are segmented in turn through one analyser, the first few kept alive while the others
 * come and go, and each must give the same tokens, readings, stems and values as the
 * same document segmented alone, with the same original offsets for its proclitic-free
 * stems (rasid__orig_at, before and after the offset map is made). The first byte picks
 * the normalisation flags and whether stems are asked for, per document. With the
 * dictionaries (data/, loaded once) every other input is coded instead, through an
 * analyser made for them: mentions and events must be the same bytes as alone.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#define REQUIRE(c)                                                                      \
    do {                                                                                \
        if (!(c)) {                                                                     \
            fprintf(stderr, "fuzz_analyser: invariant failed: %s (line %d)\n", #c, __LINE__); \
            abort();                                                                    \
        }                                                                               \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static rasid_lexicon *lex; /* loaded once for the whole run */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char err[256];
    const char *dir = getenv("RASID_DATA");
    lex = rasid_lexicon_load(dir ? dir : "data", err, sizeof err);
    if (!lex) fprintf(stderr, "fuzz_analyser: no dictionaries (%s): the text layer only\n", err);
    return 0;
}

/* mentions and events as JSON Lines */
static char *coded(const rasid_doc *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    rasid_write_mentions(f, d, RASID_FMT_JSONL);
    rasid_write_events(f, d, RASID_FMT_JSONL, 0);
    fclose(f);
    return buf;
}

static void same_tokens(const rasid_doc *a, const rasid_doc *b)
{
    size_t n = rasid_doc_ntokens(a);
    REQUIRE(n == rasid_doc_ntokens(b));
    const rasid_token *x = rasid_doc_tokens(a), *y = rasid_doc_tokens(b);
    for (size_t i = 0; i < n; i++) {
        REQUIRE(x[i].start == y[i].start && x[i].end == y[i].end);
        REQUIRE(x[i].nstart == y[i].nstart && x[i].nend == y[i].nend);
        REQUIRE(x[i].nlen == y[i].nlen && strcmp(x[i].norm, y[i].norm) == 0);
        REQUIRE(x[i].kind == y[i].kind && x[i].flags == y[i].flags && x[i].sent == y[i].sent);
        REQUIRE((x[i].stem == NULL) == (y[i].stem == NULL));
        if (x[i].stem) REQUIRE(strcmp(x[i].stem, y[i].stem) == 0);
        REQUIRE(x[i].num == y[i].num || (x[i].num != x[i].num && y[i].num != y[i].num));
        REQUIRE(x[i].nreadings == y[i].nreadings);
        for (size_t r = 0; r < x[i].nreadings; r++) {
            REQUIRE(strcmp(x[i].readings[r].pro, y[i].readings[r].pro) == 0);
            REQUIRE(strcmp(x[i].readings[r].stem, y[i].readings[r].stem) == 0);
            REQUIRE(strcmp(x[i].readings[r].enc, y[i].readings[r].enc) == 0);
            REQUIRE(x[i].readings[r].article == y[i].readings[r].article);
        }
        /* each token's bytes, mapped alone, map as the whole document's map */
        for (uint32_t k = x[i].nstart; k < x[i].nend; k++) REQUIRE(rasid__orig_at(a, i, k) == rasid__orig_at(b, i, k));
    }
    REQUIRE(rasid_doc_nsentences(a) == rasid_doc_nsentences(b));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 16)) return 0;
    static const unsigned fl[4] = {RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS, RASID_NORM_DEFAULT,
                                   RASID_NORM_DEFAULT & ~RASID_NORM_TEH_MARBUTA, RASID_NORM_ALL};
    unsigned pick = data[0];
    data++;
    size--;
    int code = lex && (pick & 0x40);
    rasid_analyser *an = rasid_analyser_new(code ? lex : NULL);
    if (!an) return 0;
    if (pick & 0x80) an->budget = 0; /* emptied whenever nothing is alive */
    rasid_doc *alive[8] = {0};
    size_t nalive = 0, from = 0;
    for (int d = 0; d < 8 && from <= size; d++) {
        size_t to = from;
        while (to < size && data[to] != 0xFF) to++;
        unsigned flags = fl[(pick >> (d % 4 * 2)) & 3];
        rasid_doc *a = rasid_doc_new("doc", (const char *)data + from, to - from, NULL);
        rasid_doc *b = rasid_doc_new("doc", (const char *)data + from, to - from, NULL);
        if (!a || !b) {
            rasid_doc_free(a);
            rasid_doc_free(b);
            break;
        }
        REQUIRE(rasid_doc_use(b, an) == RASID_OK);
        if (code) {
            int ra = rasid_doc_code(a, lex), rb = rasid_doc_code(b, lex);
            REQUIRE(ra == rb);
            if (ra == RASID_OK) {
                char *x = coded(a), *y = coded(b);
                REQUIRE(x && y && strcmp(x, y) == 0);
                free(x);
                free(y);
            }
        } else {
            REQUIRE(rasid_doc_segment(a, flags) == RASID_OK);
            REQUIRE(rasid_doc_segment(b, flags) == RASID_OK);
        }
        same_tokens(a, b);
        const uint32_t *ss;
        rasid_doc_normalized(b, NULL, &ss, NULL); /* the map made: orig_at reads it */
        same_tokens(a, b);
        rasid_doc_free(a);
        if (nalive < 3) alive[nalive++] = b; /* still alive when later documents come */
        else rasid_doc_free(b);
        from = to + 1;
    }
    for (size_t i = 0; i < nalive; i++) {
        /* intact after the others: compare with the document made again alone */
        size_t len;
        const char *t = rasid_doc_text(alive[i], &len);
        rasid_doc *a = rasid_doc_new("doc", t, len, NULL);
        if (a && rasid_doc_segment(a, alive[i]->norm_flags) == RASID_OK) same_tokens(a, alive[i]);
        if (a && code && rasid_doc_code(a, lex) == RASID_OK) {
            char *x = coded(a), *y = coded(alive[i]);
            REQUIRE(x && y && strcmp(x, y) == 0);
            free(x);
            free(y);
        }
        rasid_doc_free(a);
        rasid_doc_free(alive[i]);
    }
    REQUIRE(an->live == 0);
    rasid_analyser_free(an);
    return 0;
}
