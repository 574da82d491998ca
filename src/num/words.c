/*
 * words.c — per-token classification against the number/date dictionaries, and the
 * composition of number words into values. See words.h.
 */
#include "num/words.h"
#include "lex/lex.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- fields */

/* Column indices of one table, cached by table pointer (a category may have several
 * tables when *.local.tsv files extend it). */
typedef struct colcache {
    const rasid__table *t;
    int c[4];
} colcache;

static const char *field(colcache *cc, const rasid__entry *e, int k, const char *const *names)
{
    if (cc->t != e->table) {
        cc->t = e->table;
        for (int i = 0; i < 4; i++) cc->c[i] = names[i] ? rasid__table_col(e->table, names[i]) : -1;
    }
    if (cc->c[k] < 0) return "";
    const char *v = rasid__entry_fieldi(e, cc->c[k]);
    return v ? v : "";
}

int rasid__qualifier_of(const char *s)
{
    static const char *const names[] = {"exact", "more_than", "less_than", "about", "at_least",
                                        "at_most", "dozens", "hundreds", "thousands", "several"};
    for (int i = 0; i < 10; i++)
        if (names[i][0] == s[0] && strcmp(s, names[i]) == 0) return i;
    return RASID_Q_EXACT;
}

const char *rasid__qualifier_name(int q)
{
    static const char *const names[] = {"exact", "more_than", "less_than", "about", "at_least",
                                        "at_most", "dozens", "hundreds", "thousands", "several"};
    return q >= 0 && q < 10 ? names[q] : "exact";
}

static int lookup_type(const char *s, const char *const *names, int n)
{
    for (int i = 0; i < n; i++) /* the first letter first: most names differ there */
        if (names[i] && names[i][0] == s[0] && strcmp(s, names[i]) == 0) return i;
    return 0;
}

static const char *const TW_NAMES[] = {NULL, "weekday", "relday", "past", "future", "current",
                                       "unit", "part", "daypart", "ago", "prep", "era", "now",
                                       "then"};
static const char *const NW_NAMES[] = {NULL, "digits", "unit", "teen", "ten", "hundred",
                                       "thousand", "million", "billion", "quantity", "before",
                                       "after", "link", "ordinal"};

typedef struct classifier {
    colcache month, tw, nw, noun;
} classifier;

static const char *const MONTH_COLS[4] = {"month", "calendar", NULL, NULL};
static const char *const TW_COLS[4] = {"type", "value", "count", NULL};
static const char *const NW_COLS[4] = {"value", "type", "qualifier", NULL};
static const char *const NOUN_COLS[4] = {"class", "role", "dual", NULL};

/* Record entry e (covering ntok tokens, first-token reading r) for its category. */
static void apply(classifier *c, rasid__word *w, const rasid__entry *e, size_t ntok,
                  const rasid_reading *r, const char *key)
{
    int art = r ? r->article : 0;
    /* a listed form that starts with ال has the article ("الماضي"); not a number word,
     * whose ال is the root's (ألف, ألفي, ألفان normalise to الف...): the article of a
     * number word is known only from the reading that split it off (الآلاف) */
    if (!art && key && e->cat != RASID_CAT_NUMWORD && strncmp(key, "\xd8\xa7\xd9\x84", 4) == 0) art = 1;
    int wa = r && r->pro && strncmp(r->pro, "\xd9\x88", 2) == 0;            /* proclitic و */
    size_t pl = r && r->pro ? strlen(r->pro) : 0;
    /* لل (ل + article with its alef dropped): keep the whole token */
    if (pl >= 2 && r->article && !memcmp(r->pro + pl - 2, "\xd9\x84", 2)) pl = 0;
    uint8_t pro = (uint8_t)(pl > 255 ? 0 : pl);
    uint8_t len = (uint8_t)(ntok > 255 ? 255 : ntok);
    switch (e->cat) {
    case RASID_CAT_MONTH:
        if (w->month) return;
        w->month = (uint8_t)atoi(field(&c->month, e, 0, MONTH_COLS));
        if (w->month > 12) w->month = 0;
        w->hijri = strcmp(field(&c->month, e, 1, MONTH_COLS), "hijri") == 0;
        w->mlen = w->month ? len : 0;
        w->mpro = pro;
        break;
    case RASID_CAT_TIMEWORD: {
        if (w->tw) return;
        int t = lookup_type(field(&c->tw, e, 0, TW_COLS), TW_NAMES, (int)(sizeof TW_NAMES / sizeof *TW_NAMES));
        if (!t) return;
        const char *v = field(&c->tw, e, 1, TW_COLS);
        int val = 0;
        if (t == TW_UNIT)
            val = lookup_type(v, (const char *const[]){NULL, "day", "week", "month", "year"}, 5);
        else if (t == TW_PART)
            val = lookup_type(v, (const char *const[]){NULL, "begin", "mid", "end"}, 4);
        else if (t == TW_ERA)
            val = lookup_type(v, (const char *const[]){NULL, "ce", "ah"}, 3);
        else if (t == TW_DAYPART)
            val = strcmp(v, "night") == 0 ? 2 : 1; /* 2: night (الليلة الماضية) */
        else
            val = atoi(v);
        w->tw = (uint8_t)t;
        w->twval = (int8_t)val;
        w->twcount = (int8_t)atoi(field(&c->tw, e, 2, TW_COLS));
        w->twlen = len;
        w->twart = (uint8_t)art;
        w->twwa = (uint8_t)wa;
        w->twpro = pro;
        break;
    }
    case RASID_CAT_NUMWORD: {
        if (w->nw) return;
        int t = lookup_type(field(&c->nw, e, 1, NW_COLS), NW_NAMES, 14);
        if (!t || t == NW_DIGITS) return;
        w->nw = (uint8_t)t;
        w->nwval = rasid__decimal(field(&c->nw, e, 0, NW_COLS));
        w->nwqual = (uint8_t)rasid__qualifier_of(field(&c->nw, e, 2, NW_COLS));
        w->nwlen = len;
        w->nwwa = (uint8_t)wa;
        w->nwart = (uint8_t)art;
        w->nwpro = pro;
        break;
    }
    case RASID_CAT_NOUN:
        if (w->nnlen) return;
        w->nclass = field(&c->noun, e, 0, NOUN_COLS);
        w->nrole = field(&c->noun, e, 1, NOUN_COLS);
        if (!w->nrole[0]) w->nrole = NULL;
        w->nndual = atoi(field(&c->noun, e, 2, NOUN_COLS)) > 0;
        w->nnsing = rasid__streq(field(&c->noun, e, 2, NOUN_COLS), "sg");
        w->nnart = (uint8_t)art;
        w->nnlen = len;
        w->nnpro = pro;
        break;
    default: break;
    }
}

static int has_cat(const rasid__word *w, int cat)
{
    switch (cat) {
    case RASID_CAT_MONTH: return w->month != 0;
    case RASID_CAT_TIMEWORD: return w->tw != 0;
    case RASID_CAT_NUMWORD: return w->nw != 0;
    case RASID_CAT_NOUN: return w->nnlen != 0;
    }
    return 1;
}

/* Single-token lookups the lexicon's matcher does not make: after the article, the bare
 * stem of a number word or a noun (الآلاف -> آلاف, الأشخاص -> أشخاص), and without a final
 * tanween alef for nouns and time units (شخصا -> شخص, عاما -> عام). */
static void lookup_extra(classifier *c, const rasid_lexicon *lex, const rasid_token *t,
                         rasid__word *w, int cat)
{
    char key[RASID_MAX_TOKEN_BYTES * 2 + 8];
    const rasid__entry *e;
    if (cat == RASID_CAT_NUMWORD || cat == RASID_CAT_NOUN) {
        for (unsigned r = 1; r < t->nreadings; r++) {
            const rasid_reading *rd = &t->readings[r];
            if (!rd->article || !rd->stem || !rd->stem[0] || (rd->enc && rd->enc[0])) continue;
            if ((e = rasid__lex_lookup(lex, cat, rd->stem))) {
                apply(c, w, e, 1, rd, rd->stem);
                if (cat == RASID_CAT_NUMWORD) w->nwart = 1;
                return;
            }
        }
        if (cat == RASID_CAT_NUMWORD) return;
    }
    if (t->nlen > 4 && t->nlen < sizeof key && rasid__streq(t->norm + t->nlen - 2, "\xd8\xa7")) {
        memcpy(key, t->norm, t->nlen - 2); /* drop the final ا */
        key[t->nlen - 2] = 0;
        if ((e = rasid__lex_lookup(lex, cat, key))) apply(c, w, e, 1, NULL, key);
    }
}

static void classify_one(classifier *c, const rasid_lexicon *lex, rasid_doc *doc, const rasid_token *t,
                         rasid__word *w, size_t i, unsigned mask, const int *cats);

rasid__word *rasid__words_classify(rasid_doc *doc, const rasid_lexicon *lex)
{
    if (doc->words) return doc->words; /* done once, shared by the date and number passes */
    size_t n = doc->tokens.len;
    const rasid_token *t = doc->tokens.data;
    /* not zeroed as a whole: nearly every element is copied from an earlier token or the
     * analyser's memo; the others are zeroed before they are classified */
    rasid__word *w = rasid__arena_alloc_raw(&doc->arena, (n + 1) * sizeof *w);
    if (!w) return NULL;
    doc->words = w;
    memset(&w[n], 0, sizeof *w);
    if (!lex) {
        memset(w, 0, n * sizeof *w);
        return w;
    }
    classifier c;
    memset(&c, 0, sizeof c);
    static const int cats[4] = {RASID_CAT_MONTH, RASID_CAT_TIMEWORD, RASID_CAT_NUMWORD,
                                RASID_CAT_NOUN};
    const unsigned mask = RASID_CATBIT(RASID_CAT_MONTH) | RASID_CATBIT(RASID_CAT_TIMEWORD) |
                          RASID_CATBIT(RASID_CAT_NUMWORD) | RASID_CATBIT(RASID_CAT_NOUN);
    void **slots = rasid__lex_memo_slots(lex, doc); /* (the word memo's, without a call per token) */
    for (size_t i = 0; i < n; i++) {
        /* a word met before with the same matches is classified the same (w[i] depends
         * on the token's word, its matches and lookups of its own readings) */
        size_t rep = rasid__lex_word_rep(lex, doc, i);
        if (rep != i) {
            w[i] = w[rep];
            continue;
        }
        /* ... or in an earlier document (with an analyser) */
        void **memo = slots ? rasid__lex_memo_slot(slots, doc, i, RASID__MEMO_WORDS) : NULL;
        if (memo && *memo) {
            w[i] = *(const rasid__word *)*memo;
            continue;
        }
        memset(&w[i], 0, sizeof *w);
        classify_one(&c, lex, doc, t, w, i, mask, cats);
        rasid__word *keep = memo ? rasid__lex_memo_alloc(doc, sizeof *keep) : NULL;
        if (keep) {
            *keep = w[i];
            *memo = keep;
        }
    }
    return w;
}

/* Classify token i (w[i], zeroed) from its matches and lookups of its own readings. */
static void classify_one(classifier *c, const rasid_lexicon *lex, rasid_doc *doc, const rasid_token *t,
                         rasid__word *w, size_t i, unsigned mask, const int *cats)
{
    rasid__match ms[32];
    if (t[i].kind == RASID_TOK_NUMBER || !t[i].norm) return;
    int arabic = t[i].kind == RASID_TOK_ARABIC;
    if (!arabic && t[i].kind != RASID_TOK_PUNCT && t[i].kind != RASID_TOK_SYMBOL) return;
    /* phrases and words, longest first, with the clitic readings (% is a noun too) */
    size_t nm = rasid__lex_match_at(lex, doc, i, arabic ? mask : RASID_CATBIT(RASID_CAT_NOUN), 0,
                                    ms, 32);
    for (size_t k = 0; k < nm; k++) {
        if (ms[k].fuzzy) continue;
        const rasid_reading *rd =
            ms[k].reading && ms[k].reading < t[i].nreadings ? &t[i].readings[ms[k].reading] : NULL;
        apply(c, &w[i], ms[k].e, ms[k].ntok, rd, ms[k].e->key);
    }
    if (!arabic) return;
    for (int k = 2; k < 4; k++) /* numbers and nouns */
        if (!has_cat(&w[i], cats[k])) lookup_extra(c, lex, &t[i], &w[i], cats[k]);
    if (!w[i].tw) lookup_extra(c, lex, &t[i], &w[i], RASID_CAT_TIMEWORD);
}

/* ---------------------------------------------------------------- composition */

void rasid__numacc_init(rasid__numacc *a)
{
    memset(a, 0, sizeof *a);
}

static double multiplier(int type)
{
    return type == NW_THOUSAND ? 1e3 : type == NW_MILLION ? 1e6 : type == NW_BILLION ? 1e9 : 0;
}

int rasid__numacc_feed(rasid__numacc *a, int type, double v, int wa, int qual)
{
    double mult = multiplier(type);
    if (a->nparts == 0) {
        switch (type) {
        case NW_DIGITS: case NW_UNIT: case NW_TEEN: case NW_TEN: case NW_HUNDRED:
        case NW_QUANTITY:
            a->cur = v;
            a->last = v;
            if (type == NW_HUNDRED || type == NW_QUANTITY) a->qual = qual;
            break;
        case NW_THOUSAND: case NW_MILLION: case NW_BILLION:
            a->total = v; /* ألف = 1000, ألفين = 2000, آلاف alone = thousands */
            a->last = mult;
            a->qual = qual;
            break;
        default: return 0;
        }
        a->lasttype = type;
        a->nparts = 1;
        return 1;
    }
    if (!wa) {
        if (mult > 0) {
            /* ثلاثة آلاف, 15 ألف, خمسة وعشرون ألفا, مئات الآلاف: multiply the current group */
            if (a->cur <= 0 || a->cur >= mult) return 0;
            if (a->lasttype >= NW_THOUSAND && a->lasttype <= NW_BILLION) return 0;
            if (a->total > 0 && a->total < mult * a->cur) return 0; /* ألف ... مليون: no */
            a->total += a->cur * mult;
            a->cur = 0;
            a->last = mult;
            a->lasttype = type;
            a->nparts++;
            return 1;
        }
        if (type == NW_HUNDRED && v == 100 && a->lasttype == NW_UNIT && a->cur >= 1 &&
            a->cur <= 9 && a->nparts == 1) { /* ثلاث مئة */
            a->cur *= 100;
            a->last = a->cur;
            a->lasttype = NW_HUNDRED;
            a->nparts++;
            return 1;
        }
        return 0;
    }
    /* joined with و: a smaller part, or tens after units (خمسة وعشرون) */
    if (type != NW_UNIT && type != NW_TEEN && type != NW_TEN && type != NW_HUNDRED) return 0;
    if (a->lasttype == NW_DIGITS || a->lasttype == NW_QUANTITY) return 0;
    int ok = (type == NW_TEN && a->lasttype == NW_UNIT && a->last < 10 && a->last >= 1) ||
             v < a->last;
    if (!ok) return 0;
    if (type == NW_HUNDRED && a->cur >= 100) return 0;
    a->cur += v;
    a->last = v;
    a->lasttype = type;
    a->nparts++;
    return 1;
}

double rasid__numacc_value(const rasid__numacc *a)
{
    return a->total + a->cur;
}

uint32_t rasid__start_after_pro(const rasid_doc *doc, size_t i, size_t pro)
{
    const rasid_token *t = (const rasid_token *)doc->tokens.data + i;
    if (!pro || !doc->norm) return t->start;
    uint32_t ni = t->nstart + (uint32_t)pro;
    if (ni >= t->nend || ni >= doc->nlen) return t->start;
    uint32_t s = rasid__orig_at(doc, i, ni);
    return s >= t->start && s < t->end ? s : t->start;
}


static int is_digits_token(const rasid_token *t)
{
    return t->kind == RASID_TOK_NUMBER;
}

size_t rasid__parse_number(const rasid_doc *doc, const rasid__word *w, size_t i, double *value,
                           int *qual)
{
    size_t n = doc->tokens.len;
    const rasid_token *t = doc->tokens.data;
    /* most tokens start no number: the loop below would stop at once */
    if (i >= n || (!is_digits_token(&t[i]) &&
                   !(w[i].nw >= NW_UNIT && w[i].nw <= NW_QUANTITY && w[i].tw != TW_WEEKDAY)))
        return 0;
    rasid__numacc a;
    rasid__numacc_init(&a);
    size_t j = i;
    while (j < n) {
        if (j > i && t[j].sent != t[i].sent) break;
        int ok;
        size_t len = 1;
        if (is_digits_token(&t[j])) {
            if (j > i) break; /* two digit groups are two numbers */
            ok = rasid__numacc_feed(&a, NW_DIGITS, t[j].num, 0, 0);
        } else if (w[j].nw >= NW_UNIT && w[j].nw <= NW_QUANTITY && w[j].tw != TW_WEEKDAY) {
            ok = rasid__numacc_feed(&a, w[j].nw, w[j].nwval, j > i && w[j].nwwa, w[j].nwqual);
            len = w[j].nwlen ? w[j].nwlen : 1;
        } else {
            break;
        }
        if (!ok) break;
        j += len;
    }
    if (a.nparts == 0) return 0;
    *value = rasid__numacc_value(&a);
    *qual = a.qual;
    return j - i;
}
