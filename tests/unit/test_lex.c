/*
 * test_lex.c — the phrase matcher's per-document shortcuts give what it finds directly.
 *
 * rasid__lex_prepare_cues fills a table of every exact match at every token (copying a
 * repeated word's matches, probing multi-token keys only behind filters) and memoises
 * fuzzy candidates per word; rasid__lex_match_at without the table computes each token
 * afresh. For every token of the sample articles and several category masks, both must
 * give the same matches in the same order. Also: keys of three tokens and more, found
 * through their first three, and the copies of a repeated word's matches and number
 * classification.
 */
#include "unit.h"
#include "internal.h"
#include "lex/lex.h"
#include "num/words.h"

#include <string.h>

static rasid_lexicon *lex;

static int same_matches(const rasid__match *a, size_t na, const rasid__match *b, size_t nb)
{
    if (na != nb) return 0;
    for (size_t i = 0; i < na; i++)
        if (a[i].e != b[i].e || a[i].tok != b[i].tok || a[i].ntok != b[i].ntok || a[i].reading != b[i].reading ||
            a[i].fuzzy != b[i].fuzzy || a[i].article != b[i].article)
            return 0;
    return 1;
}

/* Every token of doc: table (and fuzzy memo) against direct computation. */
static void check_doc(rasid_doc *doc)
{
    static const unsigned masks[] = {
        (RASID_CATBIT(RASID_CAT_COUNT) - 1u),
        RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_ACTOR) | RASID_CATBIT(RASID_CAT_NISBA) |
            RASID_CATBIT(RASID_CAT_TITLE),
        RASID_CATBIT(RASID_CAT_NISBA) | RASID_CATBIT(RASID_CAT_PLACE),
        RASID_CATBIT(RASID_CAT_ACTOR),
        RASID_CATBIT(RASID_CAT_TRIGGER),
        RASID_CATBIT(RASID_CAT_CUE),
    };
    size_t n = rasid_doc_ntokens(doc), bad = 0;
    rasid__match a[64], b[64];
    for (size_t m = 0; m < sizeof masks / sizeof *masks; m++) {
        for (int fz = 0; fz < 2; fz++) {
            for (size_t i = 0; i < n; i++) {
                size_t na = rasid__lex_match_at(lex, doc, i, masks[m], fz, a, 64);
                const void *saved = doc->lexm_for;
                doc->lexm_for = NULL; /* direct */
                size_t nb = rasid__lex_match_at(lex, doc, i, masks[m], fz, b, 64);
                doc->lexm_for = saved;
                bad += !same_matches(a, na, b, nb);
            }
        }
    }
    CHECK_INT(bad, 0);
}

static void test_table_equals_direct(void)
{
    const char *paths[] = {"samples/articles.jsonl"};
    rasid_input *in = rasid_input_open(paths, 1, "2024-01-01");
    CHECK(in != NULL);
    if (!in) return;
    rasid_doc *doc;
    char err[256];
    int r, ndocs = 0;
    while ((r = rasid_input_next(in, &doc, err, sizeof err)) != 0) {
        if (r < 0) continue;
        CHECK_INT(rasid_doc_recognise(doc, lex), RASID_OK);
        check_doc(doc);
        rasid_doc_free(doc);
        ndocs++;
    }
    CHECK(ndocs > 0);
    rasid_input_close(in);
}

/* Keys of three tokens and more start with a pair that hundreds of keys share. */
static void test_long_keys(void)
{
    const char *text = "أعلنت وزارة الدفاع الأمريكية أن القوات المسلحة المالية ردت. "
                       "ثم قالت وزارة الدفاع الأمريكية إن وزارة الدفاع الفرنسية لم ترد.";
    rasid_doc *doc = rasid_doc_new("t", text, strlen(text), "2024-01-01");
    CHECK(doc != NULL);
    if (!doc) return;
    CHECK_INT(rasid_doc_recognise(doc, lex), RASID_OK);
    check_doc(doc);
    /* the matches of a token start with the longest: the two "وزارة الدفاع الأمريكية"
     * are the same key over three tokens */
    const rasid_token *t = rasid_doc_tokens(doc);
    size_t n = rasid_doc_ntokens(doc), found = 0;
    const rasid__entry *first = NULL;
    for (size_t i = 0; i + 2 < n; i++) {
        if (t[i].nlen != 10 || memcmp(t[i].norm, "\xD9\x88\xD8\xB2\xD8\xA7\xD8\xB1\xD9\x87", 10)) continue;
        rasid__match m[64];
        size_t k = rasid__lex_match_at(lex, doc, i, RASID_CATBIT(RASID_CAT_ACTOR), 0, m, 64);
        if (!k) continue;
        if (m[0].ntok >= 3) {
            if (!found) first = m[0].e;
            if (found == 1) CHECK(m[0].e == first);
            found++;
        }
    }
    CHECK(found >= 2);
    /* a repeated word's number classification is the first occurrence's */
    rasid__word *w = rasid__words_classify(doc, lex);
    CHECK(w != NULL);
    for (size_t i = 0; w && i < n; i++) {
        size_t rep = rasid__lex_word_rep(lex, doc, i);
        CHECK(rep <= i);
        if (rep != i) {
            CHECK(t[rep].readings == t[i].readings);
            CHECK(w[rep].month == w[i].month && w[rep].mlen == w[i].mlen && w[rep].tw == w[i].tw &&
                  w[rep].twval == w[i].twval && w[rep].twlen == w[i].twlen && w[rep].nw == w[i].nw &&
                  w[rep].nwval == w[i].nwval && w[rep].nwlen == w[i].nwlen && w[rep].nnlen == w[i].nnlen &&
                  w[rep].nclass == w[i].nclass && w[rep].nrole == w[i].nrole);
        }
    }
    rasid_doc_free(doc);
}

int main(void)
{
    char err[256] = "";
    lex = rasid_lexicon_load("data", err, sizeof err);
    if (!lex) printf("cannot load data/: %s\n", err);
    CHECK(lex != NULL);
    if (lex) {
        UNIT_RUN(test_table_equals_direct);
        UNIT_RUN(test_long_keys);
    }
    rasid_lexicon_free(lex);
    return unit_done();
}
