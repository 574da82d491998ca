/*
 * fts.c — the rasid_ar FTS5 tokenizer and the store's SQL functions.
 *
 * rasid_ar reuses rasid's text layer: the text is segmented as a small rasid_doc
 * (RASID_NORM_DEFAULT normalisation: no tashkeel or tatweel, unified alef and yeh, teh
 * marbuta as heh, Arabic-Indic digits as ASCII, Latin lower-cased), punctuation and
 * symbols are dropped, and each remaining token is emitted with its byte span in the
 * original text (so snippet() and highlight() mark the words as written).
 *
 * Documents: each Arabic token is indexed as its whole normalised form plus, at the same
 * position (FTS5_TOKEN_COLOCATED), the stems of its clitic readings — bare and with the
 * article — so والجزائر is indexed as والجزائر, الجزائر and جزائر. A stem before an
 * enclitic that ends in teh (the bound form of teh marbuta: حكومته) is also indexed with
 * heh (حكومه, the normalised حكومة).
 * Queries: the whole form, plus the readings that carry the article, with and without it
 * (بالجزائر also asks for الجزائر and جزائر; الحكومة for حكومه, so حكومته is found) —
 * readings without the article (و + زير from وزير) are too ambiguous to ask for.
 */
#include "store/store.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FORMS 16
#define ARTICLE "\xD8\xA7\xD9\x84"  /* ال */
#define TEH "\xD8\xAA"              /* ت */
#define HEH "\xD9\x87"              /* ه */

typedef struct ar_tokenizer {
    int unused;
} ar_tokenizer;

static int ar_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
    (void)ctx;
    (void)argv;
    (void)argc;
    ar_tokenizer *t = calloc(1, sizeof *t);
    if (!t) return SQLITE_NOMEM;
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void ar_delete(Fts5Tokenizer *t) { free(t); }

/* The forms emitted for one token, deduplicated. */
typedef struct forms {
    char buf[MAX_FORMS][RASID_MAX_TOKEN_BYTES + 8];
    int len[MAX_FORMS];
    int n;
} forms;

static void add_form(forms *f, const char *a, size_t na, const char *b, size_t nb)
{
    if (f->n == MAX_FORMS || na + nb == 0 || na + nb >= sizeof f->buf[0]) return;
    char tmp[sizeof f->buf[0]];
    memcpy(tmp, a, na);
    memcpy(tmp + na, b, nb);
    size_t n = na + nb;
    for (int i = 0; i < f->n; i++)
        if ((size_t)f->len[i] == n && memcmp(f->buf[i], tmp, n) == 0) return;
    memcpy(f->buf[f->n], tmp, n);
    f->len[f->n++] = (int)n;
}

static int ar_tokenize(Fts5Tokenizer *tk, void *ctx, int flags, const char *text, int ntext,
                       int (*xToken)(void *, int, const char *, int, int, int))
{
    (void)tk;
    if (ntext <= 0) return SQLITE_OK;
    rasid_doc *d = rasid_doc_new("fts", text, (size_t)ntext, NULL);
    if (!d) return SQLITE_NOMEM;
    int rc = rasid_doc_segment(d, RASID_NORM_DEFAULT);
    if (rc != RASID_OK) {
        rasid_doc_free(d);
        return rc == RASID_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    }
    const rasid_token *t = rasid_doc_tokens(d);
    size_t nt = rasid_doc_ntokens(d);
    int query = (flags & FTS5_TOKENIZE_QUERY) != 0;
    int doc = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
    forms *f = malloc(sizeof *f);
    if (!f) {
        rasid_doc_free(d);
        return SQLITE_NOMEM;
    }
    rc = SQLITE_OK;
    for (size_t i = 0; i < nt && rc == SQLITE_OK; i++) {
        const rasid_token *k = &t[i];
        if (k->kind == RASID_TOK_PUNCT || k->kind == RASID_TOK_SYMBOL || k->nlen == 0) continue;
        f->n = 0;
        add_form(f, k->norm, k->nlen, "", 0);
        if (k->kind == RASID_TOK_ARABIC && (doc || query)) {
            for (size_t r = 1; r < k->nreadings; r++) {
                const rasid_reading *rd = &k->readings[r];
                size_t sl = strlen(rd->stem);
                if (rd->article) add_form(f, ARTICLE, 4, rd->stem, sl);
                if (query && !rd->article) continue;
                add_form(f, rd->stem, sl, "", 0);
                if (query) continue;
                if (rd->enc[0] && sl > 2 && memcmp(rd->stem + sl - 2, TEH, 2) == 0) {
                    add_form(f, rd->stem, sl - 2, HEH, 2);
                    if (rd->article) {
                        char tmp[RASID_MAX_TOKEN_BYTES + 8];
                        if (sl + 4 < sizeof tmp) {
                            memcpy(tmp, ARTICLE, 4);
                            memcpy(tmp + 4, rd->stem, sl - 2);
                            add_form(f, tmp, sl + 2, HEH, 2);
                        }
                    }
                }
            }
        }
        for (int j = 0; j < f->n && rc == SQLITE_OK; j++)
            rc = xToken(ctx, j ? FTS5_TOKEN_COLOCATED : 0, f->buf[j], f->len[j], (int)k->start, (int)k->end);
    }
    free(f);
    rasid_doc_free(d);
    return rc;
}

static fts5_api *fts5_api_of(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

double rasid__haversine_km(double lat1, double lon1, double lat2, double lon2)
{
    const double r = 6371.0088, rad = M_PI / 180.0;
    double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
    double a = sin(dlat / 2) * sin(dlat / 2) + cos(lat1 * rad) * cos(lat2 * rad) * sin(dlon / 2) * sin(dlon / 2);
    if (a > 1) a = 1;
    return 2 * r * asin(sqrt(a));
}

/* rasid_km(lat1, lon1, lat2, lon2): NULL when any argument is NULL. */
static void fn_km(sqlite3_context *c, int argc, sqlite3_value **v)
{
    (void)argc;
    for (int i = 0; i < 4; i++)
        if (sqlite3_value_type(v[i]) == SQLITE_NULL) {
            sqlite3_result_null(c);
            return;
        }
    sqlite3_result_double(c, rasid__haversine_km(sqlite3_value_double(v[0]), sqlite3_value_double(v[1]),
                                                 sqlite3_value_double(v[2]), sqlite3_value_double(v[3])));
}

int rasid__store_register(sqlite3 *db)
{
    fts5_api *api = fts5_api_of(db);
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    fts5_tokenizer tok = {ar_create, ar_delete, ar_tokenize}; /* copied by FTS5 */
    int rc = api->xCreateTokenizer(api, "rasid_ar", NULL, &tok, NULL);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_create_function(db, "rasid_km", 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, fn_km, NULL, NULL);
}
