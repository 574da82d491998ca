/*
 * doc.c — the document object: lifecycle, accessors, stage sequencing, errors.
 *
 * A rasid_doc owns a copy of the text and everything derived from it. The stages run
 * in order (segment -> recognise -> code); asking for a later stage runs the earlier
 * ones first. Nothing here knows Arabic: that lives in the stage modules.
 */
#include "internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *rasid_strerror(int code)
{
    switch (code) {
#define RASID__S(name, c, msg) case c: return msg;
        RASID_ERRORS(RASID__S)
#undef RASID__S
    }
    return "unknown error";
}

static int valid_date(const char *s)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int m = atoi(s + 5), d = atoi(s + 8);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

rasid_doc *rasid_doc_new(const char *id, const char *text, size_t len, const char *published)
{
    /* the doc, its id and its text in one block (they live and die together; three
     * mallocs and frees per document cost more) */
    if (!id) id = "-";
    size_t idlen = strlen(id);
    if (len > SIZE_MAX - sizeof(rasid_doc) - idlen - 2) return NULL;
    rasid_doc *d = malloc(sizeof *d + idlen + 1 + len + 1);
    if (!d) return NULL;
    memset(d, 0, sizeof *d);
    d->id = (char *)(d + 1);
    memcpy(d->id, id, idlen + 1);
    d->text = d->id + idlen + 1;
    if (len) memcpy(d->text, text, len);
    d->text[len] = 0;
    d->len = len;
    if (published && valid_date(published)) memcpy(d->published, published, 11);
    rasid__arena_init(&d->arena);
    d->utf8_first_error = -1;
    rasid__vec_init(&d->tokens, sizeof(rasid_token));
    rasid__vec_init_arena(&d->sentences, sizeof(rasid_sentence), &d->arena);
    rasid__vec_init_arena(&d->mentions, sizeof(rasid_mention), &d->arena);
    rasid__vec_init_arena(&d->events, sizeof(rasid_event), &d->arena);
    return d;
}

void rasid_doc_free(rasid_doc *d)
{
    if (!d) return;
    rasid__analyser_release(d->an);
    rasid__arena_release(&d->arena);
    rasid__vec_free(&d->tokens);
    rasid__vec_free(&d->sentences);
    rasid__vec_free(&d->mentions);
    rasid__vec_free(&d->events);
    if (!d->norm_in_arena) free(d->norm);
    free(d->src_start);
    free(d->src_end);
    free(d); /* (with its id and text) */
}

const char *rasid_doc_id(const rasid_doc *d) { return d->id; }
const char *rasid_doc_text(const rasid_doc *d, size_t *len)
{
    if (len) *len = d->len;
    return d->text;
}
const char *rasid_doc_errmsg(const rasid_doc *d) { return d->errmsg; }
const char *rasid_doc_published(const rasid_doc *d) { return d->published[0] ? d->published : NULL; }

/* Metadata: a short list in the arena, newest first; a NULL value hides older ones. */
struct rasid__meta {
    struct rasid__meta *next;
    const char *key, *value;
};

int rasid_doc_set_meta(rasid_doc *d, const char *key, const char *value)
{
    if (!d || !key || !*key) return RASID_ARG;
    struct rasid__meta *m = rasid__arena_alloc(&d->arena, sizeof *m);
    if (!m) return RASID_NOMEM;
    m->key = rasid__arena_strdup(&d->arena, key);
    m->value = value ? rasid__arena_strdup(&d->arena, value) : NULL;
    if (!m->key || (value && !m->value)) return RASID_NOMEM;
    m->next = d->meta;
    d->meta = m;
    return RASID_OK;
}

const char *rasid_doc_meta(const rasid_doc *d, const char *key)
{
    if (!d || !key) return NULL;
    for (const struct rasid__meta *m = d->meta; m; m = m->next)
        if (strcmp(m->key, key) == 0) return m->value;
    return NULL;
}

size_t rasid_doc_utf8_errors(const rasid_doc *d, long *first)
{
    if (first) *first = d->utf8_first_error;
    return d->utf8_errors;
}

void rasid__doc_error(rasid_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->errmsg, sizeof d->errmsg, fmt, ap);
    va_end(ap);
}

int rasid_doc_segment(rasid_doc *d, unsigned flags)
{
    if (d->segmented) return RASID_OK;
    if (d->len > RASID_MAX_DOC_BYTES) {
        rasid__doc_error(d, "%s: document of %zu bytes exceeds the limit of %zu", d->id, d->len,
                         (size_t)RASID_MAX_DOC_BYTES);
        return RASID_TOOBIG;
    }
    int rc = rasid__text_segment(d, flags);
    if (rc == RASID_OK) d->segmented = 1;
    return rc;
}

int rasid_doc_recognise(rasid_doc *d, const rasid_lexicon *lex)
{
    if (d->recognised) return RASID_OK;
    /* recognition and coding read clitic readings, not Snowball stems: skip them */
    int rc = rasid_doc_segment(d, RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS);
    if (rc) return rc;
    if (!lex) return RASID_ARG;
    if ((rc = rasid__lex_prepare_cues(d, lex))) return rc;
    /* room for the mentions at once (in the arena a grown vector is a copy): a text has
     * up to about one per four tokens (0.28 at most over the dev corpora, 0.19 on average) */
    if ((rc = rasid__vec_reserve(&d->mentions, d->tokens.len / 4 + 16))) return rc;
    if ((rc = rasid__time_recognise(d, lex))) return rc;
    if ((rc = rasid__num_recognise(d, lex))) return rc;
    if ((rc = rasid__lex_recognise(d, lex))) return rc;
    rasid__doc_sort_mentions(d);
    d->recognised = 1;
    return RASID_OK;
}

int rasid_doc_code(rasid_doc *d, const rasid_lexicon *lex)
{
    if (d->coded) return RASID_OK;
    int rc = rasid_doc_recognise(d, lex);
    if (rc) return rc;
    if ((rc = rasid__event_code(d, lex))) return rc;
    d->coded = 1;
    return RASID_OK;
}

const char *rasid_doc_normalized(const rasid_doc *d, size_t *len, const uint32_t **ss,
                                 const uint32_t **se)
{
    if (len) *len = d->nlen;
    /* the map is made on first request (the doc is the caller's alone, as everywhere) */
    if ((ss || se) && d->norm && !d->src_start) rasid__text_map((rasid_doc *)d);
    if (ss) *ss = d->src_start;
    if (se) *se = d->src_end;
    return d->norm ? d->norm : "";
}

size_t rasid_doc_ntokens(const rasid_doc *d) { return d->tokens.len; }
const rasid_token *rasid_doc_tokens(const rasid_doc *d) { return d->tokens.data; }
size_t rasid_doc_nsentences(const rasid_doc *d) { return d->sentences.len; }
const rasid_sentence *rasid_doc_sentences(const rasid_doc *d) { return d->sentences.data; }
size_t rasid_doc_nmentions(const rasid_doc *d) { return d->mentions.len; }
const rasid_mention *rasid_doc_mentions(const rasid_doc *d) { return d->mentions.data; }
size_t rasid_doc_nevents(const rasid_doc *d) { return d->events.len; }
const rasid_event *rasid_doc_events(const rasid_doc *d) { return d->events.data; }

rasid_mention *rasid__doc_add_mention(rasid_doc *d, const rasid_mention *m)
{
    return rasid__vec_push_copy(&d->mentions, m);
}

static int cmp_mention(const void *a, const void *b)
{
    const rasid_mention *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    if (x->end != y->end) return x->end > y->end ? -1 : 1; /* longer first */
    return (int)x->kind - (int)y->kind;
}

/* The recognisers append their mentions in a few ascending runs (dates, numbers, names):
 * a stable merge of those runs, on indices since a mention is large, orders them as the
 * stable sort of glibc did (equal mentions keep the order they were added in) at a
 * fraction of the cost. */
void rasid__doc_sort_mentions(rasid_doc *d)
{
    size_t n = d->mentions.len;
    rasid_mention *ms = d->mentions.data;
    if (n < 2) return;
    size_t i = 1;
    while (i < n && cmp_mention(&ms[i - 1], &ms[i]) <= 0) i++;
    if (i == n) return; /* one run: sorted already */
    uint32_t *ix = rasid__scratch(&d->arena, 2 * n * sizeof *ix);
    rasid__arena *va = d->mentions.arena; /* the vector's new storage from where it grows */
    rasid_mention *out = va ? rasid__arena_alloc_raw(va, d->mentions.cap * sizeof *out)
                            : malloc(d->mentions.cap * sizeof *out);
    if (!ix || !out || n > UINT32_MAX) {
        rasid__scratch_free(ix);
        if (!va) free(out);
        qsort(ms, n, sizeof *ms, cmp_mention);
        return;
    }
    /* run boundaries kept in the spare half of ix while the runs are found */
    uint32_t *a = ix, *b = ix + n;
    for (size_t z = 0; z < n; z++) a[z] = (uint32_t)z;
    /* bottom-up: merge neighbouring runs, found afresh on each pass, until one is left */
    for (;;) {
        size_t lo = 0, nruns = 0;
        while (lo < n) {
            size_t mid = lo + 1;
            while (mid < n && cmp_mention(&ms[a[mid - 1]], &ms[a[mid]]) <= 0) mid++;
            if (mid == n) { /* a last run with no partner: copied as it is */
                memcpy(b + lo, a + lo, (n - lo) * sizeof *a);
                nruns++;
                break;
            }
            size_t hi = mid + 1;
            while (hi < n && cmp_mention(&ms[a[hi - 1]], &ms[a[hi]]) <= 0) hi++;
            size_t p = lo, q = mid, o = lo;
            while (p < mid && q < hi) b[o++] = cmp_mention(&ms[a[q]], &ms[a[p]]) < 0 ? a[q++] : a[p++];
            while (p < mid) b[o++] = a[p++];
            while (q < hi) b[o++] = a[q++];
            nruns++;
            lo = hi;
        }
        uint32_t *t = a;
        a = b;
        b = t;
        if (nruns == 1) break;
    }
    for (size_t z = 0; z < n; z++) out[z] = ms[a[z]];
    d->mentions.data = out; /* (no copy back: a mention is large) */
    if (!va) free(ms);
    rasid__scratch_free(ix);
}

int rasid_read_file(const char *path, size_t limit, char **data, size_t *len, char *err, size_t errlen)
{
    *data = NULL;
    *len = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return RASID_IO;
    }
    if (f != stdin) {
        struct stat st;
        if (fstat(fileno(f), &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                snprintf(err, errlen, "%s: is a directory", path);
                fclose(f);
                return RASID_IO;
            }
            if (S_ISREG(st.st_mode) && (size_t)st.st_size > limit) {
                snprintf(err, errlen, "%s: file of %lld bytes exceeds the limit of %zu bytes", path,
                         (long long)st.st_size, limit);
                fclose(f);
                return RASID_TOOBIG;
            }
        }
    }
    rasid__buf b;
    rasid__buf_init(&b, limit + 1);
    char chunk[65536];
    size_t n;
    int rc = RASID_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (rasid__buf_put(&b, chunk, n)) {
            rc = b.err;
            break;
        }
    }
    if (rc == RASID_OK && ferror(f)) {
        snprintf(err, errlen, "%s: read error: %s", path, strerror(errno));
        rc = RASID_IO;
    } else if (rc == RASID_TOOBIG) {
        snprintf(err, errlen, "%s: input exceeds the limit of %zu bytes", path, limit);
    } else if (rc == RASID_NOMEM) {
        snprintf(err, errlen, "%s: out of memory", path);
    }
    if (f != stdin) fclose(f);
    if (rc) {
        rasid__buf_free(&b);
        return rc;
    }
    if (!b.data) { /* empty */
        b.data = calloc(1, 1);
        if (!b.data) return RASID_NOMEM;
    }
    *data = b.data;
    *len = b.len;
    return RASID_OK;
}
