/*
 * test_analyser.c — an analyser (caches across documents) changes nothing but speed:
 * tokens (with readings and stems), mentions and events of every document are the same
 * bytes with and without one, whatever came before (other documents, other flags, stems
 * asked for after words were cached without them), when the caches are emptied between
 * documents, and while earlier documents are still alive.
 */
#include "unit.h"
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* everything a document's analysis produced, as text */
static char *fingerprint(rasid_doc *d, int stage)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) return NULL;
    rasid_write_tokens(f, d, RASID_FMT_JSONL);
    const rasid_token *t = rasid_doc_tokens(d);
    for (size_t i = 0; i < rasid_doc_ntokens(d); i++) {
        fprintf(f, "%u %u %u %u %.*s stem=%s num=%g |", t[i].start, t[i].end, t[i].nstart, t[i].nend,
                (int)t[i].nlen, t[i].norm, t[i].stem ? t[i].stem : "-", t[i].num);
        for (size_t r = 0; r < t[i].nreadings; r++)
            fprintf(f, " %s+%s+%s/%d", t[i].readings[r].pro, t[i].readings[r].stem, t[i].readings[r].enc,
                    t[i].readings[r].article);
        fputc('\n', f);
    }
    if (stage >= 2) rasid_write_mentions(f, d, RASID_FMT_JSONL);
    if (stage >= 3) rasid_write_events(f, d, RASID_FMT_JSONL, 0);
    fclose(f);
    return buf;
}

static int run(rasid_doc *d, int stage, unsigned flags, const rasid_lexicon *lex)
{
    return stage == 1 ? rasid_doc_segment(d, flags) : stage == 2 ? rasid_doc_recognise(d, lex) : rasid_doc_code(d, lex);
}

typedef struct text {
    char *s;
    size_t n;
    char pub[11];
} text;

static text texts[256];
static size_t ntexts;

static void add_text(const char *s, size_t n, const char *pub)
{
    if (ntexts == sizeof texts / sizeof texts[0]) return;
    texts[ntexts].s = malloc(n + 1);
    memcpy(texts[ntexts].s, s, n);
    texts[ntexts].s[n] = 0;
    texts[ntexts].n = n;
    snprintf(texts[ntexts].pub, sizeof texts[ntexts].pub, "%s", pub ? pub : "2024-03-05");
    ntexts++;
}

static void load_texts(void)
{
    const char *paths[] = {"samples/articles.jsonl"};
    rasid_input *in = rasid_input_open(paths, 1, NULL);
    CHECK(in != NULL);
    rasid_doc *d;
    char err[256];
    int r;
    while (in && (r = rasid_input_next(in, &d, err, sizeof err)) != 0) {
        if (r < 0) continue;
        size_t n;
        const char *s = rasid_doc_text(d, &n);
        add_text(s, n, rasid_doc_published(d));
        rasid_doc_free(d);
    }
    rasid_input_close(in);
    /* sentences of our own, with words the samples share and words they do not */
    static const char *own[] = {
        "هاجم مسلحون مجهولون قرية قرب مدينة غاو في شمال مالي أمس، وقتلوا ستة مدنيين.",
        "والتقى وزير الدفاع النيجري بنظيره التشادي في نجامينا لبحث التعاون الأمني.",
        "للقاعدة فرع في الساحل، وبالعاصمة باماكو اجتماع لمكافحة الإرهاب بمالي.",
        "قُتِلَ ١٢ جنديا في كمين نصبه مسلحون على طريق كيدال، حسب مصدر عسكري.",
        "Reuters: le 3 mars 2024, 3.5 km... ليبيا وفرنسا وبوركينا فاسو",
        "",
    };
    for (size_t i = 0; i < sizeof own / sizeof own[0]; i++) add_text(own[i], strlen(own[i]), NULL);
    /* mutations: words glued to others, letters dropped (words never seen before) */
    size_t base = ntexts;
    unsigned seed = 12345;
    for (size_t i = 0; i < base && ntexts < sizeof texts / sizeof texts[0]; i++) {
        size_t n = texts[i].n;
        char *m = malloc(n + 1);
        size_t k = 0;
        for (size_t j = 0; j < n; j++) {
            seed = seed * 1103515245u + 12345u;
            if (texts[i].s[j] == ' ' && (seed >> 16) % 7 == 0) continue;
            m[k++] = texts[i].s[j];
        }
        add_text(m, k, texts[i].pub);
        free(m);
    }
}

/* every text analysed alone (no analyser) and then through one analyser in turn */
static void same_results(const rasid_lexicon *lex, int stage, unsigned flags, size_t budget, int keep_alive)
{
    char **want = calloc(ntexts, sizeof *want);
    for (size_t i = 0; i < ntexts; i++) {
        rasid_doc *d = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        CHECK_INT(run(d, stage, flags, lex), RASID_OK);
        want[i] = fingerprint(d, stage);
        rasid_doc_free(d);
    }
    rasid_analyser *an = rasid_analyser_new(stage > 1 ? lex : NULL);
    CHECK(an != NULL);
    an->budget = budget;
    rasid_doc **alive = calloc(ntexts, sizeof *alive);
    for (int pass = 0; pass < 2; pass++) /* the second pass finds every word cached */
        for (size_t i = 0; i < ntexts; i++) {
            rasid_doc *d = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
            CHECK_INT(rasid_doc_use(d, an), RASID_OK);
            CHECK_INT(run(d, stage, flags, lex), RASID_OK);
            CHECK_INT(rasid_doc_use(d, NULL), RASID_ARG); /* already segmented */
            char *got = fingerprint(d, stage);
            CHECK_STR(got, want[i]);
            free(got);
            if (keep_alive && pass == 0) alive[i] = d;
            else rasid_doc_free(d);
        }
    /* documents kept alive while others came and went are intact */
    for (size_t i = 0; i < ntexts; i++) {
        if (!alive[i]) continue;
        char *got = fingerprint(alive[i], stage);
        CHECK_STR(got, want[i]);
        free(got);
        rasid_doc_free(alive[i]);
    }
    CHECK_INT(an->live, 0);
    rasid_analyser_free(an);
    free(alive);
    for (size_t i = 0; i < ntexts; i++) free(want[i]);
    free(want);
}

static const rasid_lexicon *g_lex;

static void t_segment(void)
{
    same_results(NULL, 1, RASID_NORM_DEFAULT, (size_t)64 << 20, 0);
    same_results(NULL, 1, RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS, (size_t)64 << 20, 0);
    same_results(NULL, 1, RASID_NORM_DEFAULT, 0, 0); /* emptied before every document */
    same_results(NULL, 1, RASID_NORM_DEFAULT, 0, 1); /* ... unless documents are alive */
}

static void t_recognise(void) { same_results(g_lex, 2, 0, (size_t)64 << 20, 0); }
static void t_code(void)
{
    same_results(g_lex, 3, 0, (size_t)64 << 20, 0);
    same_results(g_lex, 3, 0, 0, 1);
}

/* Each text segmented through one analyser with flags `first`, then again with `then`:
 * the second gives what segmenting with `then` alone gives. */
static void second_flags(unsigned first, unsigned then)
{
    rasid_analyser *an = rasid_analyser_new(NULL);
    for (size_t i = 0; i < ntexts; i++) {
        rasid_doc *alone = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        rasid_doc *one = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        rasid_doc *two = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        CHECK_INT(rasid_doc_use(one, an), RASID_OK);
        CHECK_INT(rasid_doc_use(two, an), RASID_OK);
        CHECK_INT(run(one, 1, first, NULL), RASID_OK);
        CHECK_INT(run(two, 1, then, NULL), RASID_OK);
        CHECK_INT(run(alone, 1, then, NULL), RASID_OK);
        char *x = fingerprint(alone, 1), *y = fingerprint(two, 1);
        CHECK_STR(y, x);
        free(x);
        free(y);
        rasid_doc_free(alone);
        rasid_doc_free(one);
        rasid_doc_free(two);
    }
    rasid_analyser_free(an);
}

/* one analyser, documents with different flags and stages in turn */
static void t_mixed(void)
{
    static const unsigned fl[] = {RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS, RASID_NORM_DEFAULT,
                                  RASID_NORM_DEFAULT & ~RASID_NORM_TEH_MARBUTA, 0};
    rasid_analyser *an = rasid_analyser_new(g_lex);
    for (size_t i = 0; i < ntexts; i++) {
        int stage = 1 + (int)(i % 3);
        unsigned flags = fl[i % 4];
        rasid_doc *a = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        rasid_doc *b = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        CHECK_INT(rasid_doc_use(b, an), RASID_OK);
        CHECK_INT(run(a, stage, flags, g_lex), RASID_OK);
        CHECK_INT(run(b, stage, flags, g_lex), RASID_OK);
        char *x = fingerprint(a, stage), *y = fingerprint(b, stage);
        CHECK_STR(y, x);
        free(x);
        free(y);
        rasid_doc_free(a);
        rasid_doc_free(b);
    }
    /* words cached without stems, then asked for with them, and the other way round */
    second_flags(RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS, RASID_NORM_DEFAULT);
    second_flags(RASID_NORM_DEFAULT, RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS);
    /* a lexicon other than the analyser's: its word cache only */
    rasid_analyser *bare = rasid_analyser_new(NULL);
    for (size_t i = 0; i < ntexts && i < 8; i++) {
        rasid_doc *a = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        rasid_doc *b = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
        CHECK_INT(rasid_doc_use(b, bare), RASID_OK);
        CHECK_INT(run(a, 3, 0, g_lex), RASID_OK);
        CHECK_INT(run(b, 3, 0, g_lex), RASID_OK);
        char *x = fingerprint(a, 3), *y = fingerprint(b, 3);
        CHECK_STR(y, x);
        free(x);
        free(y);
        rasid_doc_free(a);
        rasid_doc_free(b);
    }
    rasid_analyser_free(bare);
    rasid_analyser_free(an);
    rasid_analyser_free(NULL);
    CHECK_INT(rasid_doc_use(NULL, NULL), RASID_ARG);
}

/* the caches are emptied past their budget, when no attached doc is alive */
static void t_budget(void)
{
    rasid_analyser *an = rasid_analyser_new(g_lex);
    an->budget = (size_t)1 << 20;
    for (int pass = 0; pass < 3; pass++)
        for (size_t i = 0; i < ntexts; i++) {
            rasid_doc *d = rasid_doc_new("t", texts[i].s, texts[i].n, texts[i].pub);
            CHECK_INT(rasid_doc_use(d, an), RASID_OK);
            size_t held = an->arena.used_total + rasid__wcache_bytes(an->words) + rasid__lcache_bytes(an->lexc);
            CHECK(held <= an->budget); /* emptied at attachment when past it */
            CHECK_INT(rasid_doc_code(d, g_lex), RASID_OK);
            rasid_doc_free(d);
        }
    /* a budget of 0: every attachment with nothing alive starts from empty caches */
    rasid_doc *d = rasid_doc_new("t", texts[0].s, texts[0].n, texts[0].pub);
    CHECK_INT(rasid_doc_use(d, an), RASID_OK);
    CHECK_INT(rasid_doc_code(d, g_lex), RASID_OK);
    rasid_doc_free(d);
    CHECK(an->arena.used_total > 0);
    an->budget = 0;
    d = rasid_doc_new("t", texts[0].s, texts[0].n, texts[0].pub);
    CHECK_INT(rasid_doc_use(d, an), RASID_OK);
    CHECK(an->words == NULL && an->lexc == NULL && an->arena.used_total == 0);
    CHECK_INT(rasid_doc_code(d, g_lex), RASID_OK);
    rasid_doc *e = rasid_doc_new("t", texts[1].s, texts[1].n, texts[1].pub);
    CHECK_INT(rasid_doc_use(e, an), RASID_OK); /* d is alive: nothing emptied */
    CHECK(an->words != NULL && an->arena.used_total > 0);
    CHECK_INT(an->live, 2);
    rasid_doc_free(e);
    rasid_doc_free(d);
    CHECK_INT(an->live, 0);
    rasid_analyser_free(an);
}

/* rasid_token.word: one number per word (form, kind, readings), for every token of it in a
 * document, and across the documents of an analyser; never 0 for a segmented token */
static int same_word(const rasid_token *a, const rasid_token *b)
{
    return a->kind == b->kind && a->nlen == b->nlen && !memcmp(a->norm, b->norm, a->nlen) && a->readings == b->readings;
}
static void t_word_ids(void)
{
    /* (my sentences: the same words again, with and without clitics, a number twice) */
    static const char *const s1 = "\xD9\x87\xD8\xA7\xD8\xAC\xD9\x85 \xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD9\x88\xD9\x86 "
                                   "\xD9\x82\xD8\xB1\xD9\x8A\xD8\xA9 12 \xD9\x88\xD9\x87\xD8\xA7\xD8\xAC\xD9\x85 "
                                   "\xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD9\x88\xD9\x86 \xD9\x82\xD8\xB1\xD9\x8A\xD8\xA9 12.";
    static const char *const s2 = "\xD9\x82\xD8\xB1\xD9\x8A\xD8\xA9 \xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD9\x88\xD9\x86 "
                                   "\xD8\xAC\xD8\xAF\xD9\x8A\xD8\xAF\xD8\xA9.";
    rasid_analyser *an = rasid_analyser_new(g_lex);
    for (int with = 0; with < 2; with++) {
        rasid_doc *a = rasid_doc_new("a", s1, strlen(s1), "2024-03-05");
        rasid_doc *b = rasid_doc_new("b", s2, strlen(s2), "2024-03-05");
        if (with) {
            CHECK_INT(rasid_doc_use(a, an), RASID_OK);
            CHECK_INT(rasid_doc_use(b, an), RASID_OK);
        }
        CHECK_INT(rasid_doc_segment(a, RASID_NORM_DEFAULT), RASID_OK);
        CHECK_INT(rasid_doc_segment(b, RASID_NORM_DEFAULT), RASID_OK);
        const rasid_token *ta = rasid_doc_tokens(a), *tb = rasid_doc_tokens(b);
        size_t na = rasid_doc_ntokens(a), nb = rasid_doc_ntokens(b);
        CHECK(na >= 8 && nb >= 3);
        for (size_t i = 0; i < na; i++) {
            CHECK(ta[i].word != 0);
            for (size_t j = 0; j < na; j++) CHECK_INT(ta[i].word == ta[j].word, same_word(&ta[i], &ta[j]));
        }
        /* across documents: only with the analyser are the numbers shared */
        for (size_t i = 0; with && i < na; i++)
            for (size_t j = 0; j < nb; j++) CHECK_INT(ta[i].word == tb[j].word, same_word(&ta[i], &tb[j]));
        CHECK(ta[1].word == tb[1].word || !with); /* مسلحون in both */
        CHECK(ta[0].word != ta[4].word);          /* هاجم and وهاجم are two words */
        rasid_doc_free(a);
        rasid_doc_free(b);
    }
    rasid_analyser_free(an);
}

int main(void)
{
    char err[512];
    rasid_lexicon *lex = rasid_lexicon_load("data", err, sizeof err);
    if (!lex) {
        printf("FAIL cannot load data: %s\n", err);
        return 1;
    }
    g_lex = lex;
    load_texts();
    CHECK(ntexts >= 16);
    UNIT_RUN(t_segment);
    UNIT_RUN(t_recognise);
    UNIT_RUN(t_code);
    UNIT_RUN(t_mixed);
    UNIT_RUN(t_budget);
    UNIT_RUN(t_word_ids);
    for (size_t i = 0; i < ntexts; i++) free(texts[i].s);
    rasid_lexicon_free(lex);
    return unit_done();
}
