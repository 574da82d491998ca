/*
 * segment.c — stage 1 for a document: normalised text + offset map, tokens with clitic
 * readings, stems and number values, and sentences.
 *
 * Tokens come from the scanner (normalize.c). Each distinct (normalised form, kind, hint)
 * is analysed once: an open-addressing table (struct rasid__wcache) maps it to its
 * interned key, readings, stem and value, shared by every token with that form. Without
 * an analyser the table lives during rasid__text_segment() and the entries in the doc's
 * arena; with one (rasid_doc_use) both are the analyser's and serve every document.
 *
 * Sentences (see tests/spec/text.md for the examples):
 *   - every line break ends a sentence (each line of a news page is a paragraph);
 *   - headlines: the short lines (<= 30 tokens, <= 400 bytes) at the top of the page
 *     that do not end with . ! ? ؟ … ؛ ; and contain no sentence end inside are their own
 *     sentences with headline = 1; at most 6, and the first other line ends the top;
 *   - inside a line a sentence ends after ! ? ؟ ۔ ؛ ; and after '.' unless the '.' is part
 *     of an ellipsis (".." "..." and "…" never end a sentence inside a line), follows a
 *     standalone single letter or a known abbreviation ("د." "م." "J." "Dr."), or is glued
 *     to a following non-Arabic token ("example.com"); after ':' when a quotation mark
 *     follows (قال: «...»). Numbers never contain a sentence end: "3.5" is one token and
 *     the ':' of "12:28" is followed by a digit, not a quote;
 *   - closing quotes, brackets and further end marks glued to the end mark stay in the
 *     sentence ("...حرام»." / ".»" / "؟!").
 * Sentence spans run from the first token's start to the last token's end (trimmed).
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- word cache */

typedef struct centry {
    const char *norm;
    const rasid_reading *readings;
    const char *stem;
    double num;
    uint32_t nlen;
    uint16_t nreadings;
    uint8_t kind, hint;
    uint8_t stemmed; /* stem computed (an entry made without stems gets it when asked) */
    /* the key itself when it fits (most words do): a lookup compares it in the entry's
     * cache line instead of following norm into the arena */
    char head[23];
} centry;
_Static_assert(sizeof(centry) == 64, "a word cache entry is one cache line");
_Static_assert(sizeof(rasid_token) == 64, "a token is one cache line (word sits in what was padding)");
#define HEAD_MAX sizeof(((centry *)0)->head)

/* a slot of the open-addressing table: 32 bits of the hash and 1 + the entry's index
 * (0: empty), so probing and growing touch 8 bytes per slot and never the entries */
typedef struct cslot {
    uint32_t h, idx;
} cslot;

struct rasid__wcache {
    cslot *tab;
    size_t cap, count;
    centry *ent; /* the distinct words, in order of first occurrence */
    size_t ecap;
    rasid__arena *arena; /* keys, readings, stems */
    void *stemmer;
    int stemmer_tried;
    unsigned flags; /* the RASID_NORM_* flags of its keys (stems depend on them) */
};

void rasid__wcache_free(struct rasid__wcache *wc)
{
    if (!wc) return;
    free(wc->tab);
    free(wc->ent);
    rasid__stemmer_free(wc->stemmer);
    free(wc);
}

size_t rasid__wcache_bytes(const struct rasid__wcache *wc)
{
    return wc ? wc->cap * sizeof *wc->tab + wc->ecap * sizeof *wc->ent : 0;
}

typedef struct seg {
    rasid_doc *doc;
    struct rasid__wcache *wc;
    int want_stem;
    rasid_token *toks;
    uint32_t *hash; /* per token: its key's hash (the tokens are looked up after the scan) */
    size_t ntoks, tcap;
} seg;

/* 8 bytes at a time; the tail is read as the last 8 bytes (overlapping), or for short
 * keys as two overlapping 4-byte words or three bytes; the length is mixed in */
static inline uint64_t load64(const char *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
}

static inline uint32_t load32(const char *p)
{
    uint32_t x;
    memcpy(&x, p, 4);
    return x;
}

static uint64_t hash_bytes(const char *s, size_t n, unsigned extra)
{
    uint64_t h = 0x9e3779b97f4a7c15ull * (extra + 1) ^ n;
    if (n >= 8) {
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            h = (h ^ load64(s + i)) * 0xff51afd7ed558ccdull;
            h ^= h >> 32;
        }
        if (i < n) h = (h ^ load64(s + n - 8)) * 0xff51afd7ed558ccdull;
    } else if (n >= 4) {
        h = (h ^ (load32(s) | (uint64_t)load32(s + n - 4) << 32)) * 0xff51afd7ed558ccdull;
    } else if (n) {
        uint64_t x = (unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
                     (uint64_t)(unsigned char)s[n - 1] << 16;
        h = (h ^ x) * 0xff51afd7ed558ccdull;
    }
    h ^= h >> 29;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 32);
}

/* a == b over n bytes, with the same overlapping loads as hash_bytes (no memcmp call) */
static inline int key_eq(const char *a, const char *b, size_t n)
{
    if (n >= 8) {
        size_t i = 0;
        for (; i + 8 <= n; i += 8)
            if (load64(a + i) != load64(b + i)) return 0;
        return i == n || load64(a + n - 8) == load64(b + n - 8);
    }
    if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i]) return 0;
    return 1;
}

static int cache_grow(seg *g)
{
    struct rasid__wcache *wc = g->wc;
    size_t nc = wc->cap ? wc->cap * 2 : 64;
    /* news text has about one distinct word per 18 bytes: sized at once for twice that;
     * an analyser's table starts at 4096 slots (its hot words then stay near the core)
     * and doubles as it fills */
    size_t want = wc->arena == &g->doc->arena ? g->doc->len / 8 : 4096;
    while (!wc->cap && nc < 65536 && nc < want) nc *= 2;
    cslot *t = calloc(nc, sizeof *t);
    if (!t) return RASID_NOMEM;
    for (size_t i = 0; i < wc->cap; i++) {
        if (!wc->tab[i].idx) continue;
        size_t j = wc->tab[i].h & (nc - 1);
        while (t[j].idx) j = (j + 1) & (nc - 1);
        t[j] = wc->tab[i];
    }
    free(wc->tab);
    wc->tab = t;
    wc->cap = nc;
    return 0;
}

static int fill_stem(seg *g, centry *e);

/* The key and its readings share one arena block (readings first, then the key; for an
 * Arabic word rasid__clitic_block lays it out, its stems pointing into the key). */
static int fill_entry(seg *g, centry *e, const char *nb, size_t nl)
{
    rasid__arena *a = g->wc->arena;
    if (e->kind != RASID_TOK_ARABIC) {
        size_t roff = (sizeof(rasid_reading) + 15) & ~(size_t)15;
        char *blk = rasid__arena_alloc_raw(a, roff + nl + 1);
        if (!blk) return RASID_NOMEM;
        rasid_reading *r = (rasid_reading *)(void *)blk;
        char *norm = blk + roff;
        memcpy(norm, nb, nl);
        norm[nl] = 0;
        r[0] = (rasid_reading){"", norm, "", 0};
        e->norm = norm;
        e->readings = r;
        e->nreadings = 1;
        if (e->kind == RASID_TOK_NUMBER) e->num = rasid__number_value(norm, nl);
        return 0;
    }
    size_t nr;
    const char *norm;
    const rasid_reading *r = rasid__clitic_block(a, nb, nl, e->hint, RASID__MAX_READINGS, &nr, &norm);
    if (!r) return RASID_NOMEM;
    e->norm = norm;
    e->readings = r;
    e->nreadings = (uint16_t)nr;
    return g->want_stem ? fill_stem(g, e) : 0;
}

/* the light stem of an Arabic word's entry */
static int fill_stem(seg *g, centry *e)
{
    struct rasid__wcache *wc = g->wc;
    if (!wc->stemmer_tried) {
        wc->stemmer = rasid__stemmer_new();
        wc->stemmer_tried = 1;
    }
    /* Snowball knows ة, not the matching key's ه: give the final ة back */
    char tmp[RASID_MAX_TOKEN_BYTES + 4];
    const char *in = e->norm;
    size_t nl = e->nlen;
    if ((e->hint & RASID__HINT_TEH_MARBUTA) && nl >= 2 && nl <= RASID_MAX_TOKEN_BYTES) {
        memcpy(tmp, e->norm, nl);
        tmp[nl - 2] = (char)0xD8;
        tmp[nl - 1] = (char)0xA9;
        in = tmp;
    }
    char *st = (char *)rasid__light_stem_with(wc->stemmer, wc->arena, in, nl);
    if (!st) return RASID_NOMEM;
    for (char *p = st; p[0] && p[1]; p++) /* keep the stem a normalised key */
        if ((unsigned char)p[0] == 0xD8 && (unsigned char)p[1] == 0xA9 &&
            (wc->flags & RASID_NORM_TEH_MARBUTA)) {
            p[0] = (char)0xD9;
            p[1] = (char)0x87;
        }
    e->stem = st;
    e->stemmed = 1;
    return 0;
}

static const centry *cache_get(seg *g, const char *nb, size_t nl, unsigned kind, unsigned hint, uint32_t h,
                               int *rc)
{
    struct rasid__wcache *wc = g->wc;
    if (wc->count * 2 >= wc->cap && (*rc = cache_grow(g))) return NULL;
    size_t j = h & (wc->cap - 1);
    for (;;) {
        cslot *sl = &wc->tab[j];
        if (!sl->idx) break;
        if (sl->h == h) {
            centry *e = &wc->ent[sl->idx - 1];
            if (e->nlen == nl && e->kind == kind && e->hint == hint &&
                key_eq(nl <= HEAD_MAX ? e->head : e->norm, nb, nl)) {
                if (g->want_stem && !e->stemmed && kind == RASID_TOK_ARABIC && (*rc = fill_stem(g, e)))
                    return NULL;
                return e;
            }
        }
        j = (j + 1) & (wc->cap - 1);
    }
    if (wc->count == wc->ecap) { /* entries aligned on cache lines */
        size_t nc = wc->ecap ? wc->ecap * 2 : wc->cap / 2;
        centry *p = aligned_alloc(64, nc * sizeof *p);
        if (!p) { *rc = RASID_NOMEM; return NULL; }
        if (wc->count) memcpy(p, wc->ent, wc->count * sizeof *p);
        free(wc->ent);
        wc->ent = p;
        wc->ecap = nc;
    }
    centry *e = &wc->ent[wc->count];
    e->stem = NULL;
    e->num = 0;
    e->nlen = (uint32_t)nl;
    e->kind = (uint8_t)kind;
    e->hint = (uint8_t)hint;
    e->stemmed = 0;
    if (nl <= HEAD_MAX) memcpy(e->head, nb, nl);
    if ((*rc = fill_entry(g, e, nb, nl))) return NULL;
    wc->count++;
    wc->tab[j].h = h;
    wc->tab[j].idx = (uint32_t)wc->count;
    return e;
}

/* The scanner writes the tokens out as they come (rasid__scan.sink: the hint of an
 * Arabic word's final letter waits in nreadings); seg_hash then hashes their keys and
 * seg_resolve looks them all up. Looking up after the scan lets each lookup's memory be
 * fetched ahead of it: the word cache of an analyser is too big to stay near the core,
 * and the hash spreads its words. */
static int seg_hash(seg *g, const char *out)
{
    g->hash = rasid__scratch(&g->doc->arena, (g->ntoks + 1) * sizeof *g->hash);
    if (!g->hash) return RASID_NOMEM;
    for (size_t i = 0; i < g->ntoks; i++) {
        const rasid_token *k = &g->toks[i];
        g->hash[i] = (uint32_t)hash_bytes(out + k->nstart, k->nend - k->nstart, k->kind | (unsigned)k->nreadings << 8);
    }
    return 0;
}

#define AHEAD 16 /* tokens between a slot's prefetch and its lookup */

static int seg_resolve(seg *g, const char *out)
{
    struct rasid__wcache *wc = g->wc;
    for (size_t i = 0; i < g->ntoks; i++) {
        if (wc->cap) {
            size_t mask = wc->cap - 1;
            if (i + AHEAD < g->ntoks) __builtin_prefetch(&wc->tab[g->hash[i + AHEAD] & mask]);
            if (i + AHEAD / 2 < g->ntoks) { /* its slot fetched by now: the entry it names */
                uint32_t idx = wc->tab[g->hash[i + AHEAD / 2] & mask].idx;
                if (idx) __builtin_prefetch(&wc->ent[idx - 1]);
            }
        }
        rasid_token *k = &g->toks[i];
        int rc = 0;
        const centry *e = cache_get(g, out + k->nstart, k->nend - k->nstart, k->kind, k->nreadings, g->hash[i], &rc);
        if (!e) return rc ? rc : RASID_NOMEM;
        k->norm = e->norm;
        k->nlen = e->nlen;
        k->sent = 0;
        k->nreadings = e->nreadings;
        k->readings = e->readings;
        k->word = (uint32_t)(e - wc->ent) + 1;
        k->stem = g->want_stem ? e->stem : NULL; /* cached with a stem for a document that wanted one */
        k->num = e->num;
    }
    return 0;
}

/* ---------------------------------------------------------------- sentences */

static inline int is1(const rasid_token *t, const char *s)
{
    return t->nlen == strlen(s) && memcmp(t->norm, s, t->nlen) == 0;
}

/* the original bytes of a token equal one of a NUL-separated list */
static int orig_in(const rasid_doc *d, const rasid_token *t, const char *list)
{
    size_t n = t->end - t->start;
    const char *s = d->text + t->start;
    for (const char *p = list; *p;) {
        size_t l = 1;
        while (p[l]) l++; /* entries are 1-3 bytes: no strlen call */
        if (l == n && p[0] == s[0] && memcmp(s, p, n) == 0) return 1;
        p += l + 1;
    }
    return 0;
}

/* sentence terminators: ! ? ؟ ۔ ؛ ;   final marks: the terminators, . and … */
#define CLOSERS "\"\0'\0)\0]\0}\0\xC2\xBB\0\xE2\x80\x9D\0\xE2\x80\x99\0\xE2\x80\xBA\0"
#define OPEN_QUOTES "\"\0\xC2\xAB\0\xE2\x80\x9C\0\xE2\x80\x9E\0\xE2\x80\xB9\0'\0\xE2\x80\x98\0"

/* a terminator, by the length and the bytes */
static int terminator_bytes(const unsigned char *s, size_t n)
{
    if (n == 1) return s[0] == '!' || s[0] == '?' || s[0] == ';';
    if (n == 2) return (s[0] == 0xD8 && (s[1] == 0x9F || s[1] == 0x9B)) || (s[0] == 0xDB && s[1] == 0x94);
    return 0;
}

static int is_terminator(const rasid_doc *d, const rasid_token *t)
{
    return t->kind == RASID_TOK_PUNCT &&
           terminator_bytes((const unsigned char *)d->text + t->start, t->end - t->start);
}

/* a final mark: a terminator, '.' or '…' */
static int is_final_mark(const rasid_doc *d, const rasid_token *t)
{
    if (t->kind != RASID_TOK_PUNCT) return 0;
    const unsigned char *s = (const unsigned char *)d->text + t->start;
    size_t n = t->end - t->start;
    return terminator_bytes(s, n) || (n == 1 && s[0] == '.') ||
           (n == 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0xA6);
}

static size_t nletters(const rasid_token *t)
{
    size_t c = 0;
    for (uint32_t i = 0; i < t->nlen; i++) c += ((unsigned char)t->norm[i] & 0xC0) != 0x80;
    return c;
}

static int is_abbrev(const rasid_token *t)
{
    static const char *const ab[] = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen",
                                     "col", "lt", "sgt", "capt", "vs", "etc", "no", "inc", "co"};
    if (t->kind == RASID_TOK_LATIN)
        for (size_t i = 0; i < sizeof ab / sizeof ab[0]; i++) {
            size_t l = strlen(ab[i]);
            if (t->nlen != l) continue;
            size_t k = 0;
            while (k < l && (t->norm[k] | 0x20) == ab[i][k]) k++;
            if (k == l) return 1;
        }
    return 0;
}

/* Does a sentence end after token i of the line [b, e)? */
static int ends_after(const rasid_doc *d, const rasid_token *T, size_t b, size_t e, size_t i)
{
    const rasid_token *t = &T[i];
    if (t->kind != RASID_TOK_PUNCT) return 0;
    if (is_terminator(d, t)) return 1;
    int glued_next = i + 1 < e && !(T[i + 1].flags & RASID_TF_SPACE_BEFORE);
    if (is1(t, ".")) {
        if (glued_next && is1(&T[i + 1], ".")) return 0;                              /* .. */
        if (i > b && !(t->flags & RASID_TF_SPACE_BEFORE) && is1(&T[i - 1], ".")) return 0; /* ..| */
        if (i > b && !(t->flags & RASID_TF_SPACE_BEFORE)) {
            const rasid_token *p = &T[i - 1];
            int alone = (p->flags & RASID_TF_SPACE_BEFORE) || i - 1 == b ||
                        T[i - 2].kind == RASID_TOK_PUNCT; /* not "2015م." */
            if ((p->kind == RASID_TOK_ARABIC || p->kind == RASID_TOK_LATIN) && alone &&
                nletters(p) == 1)
                return 0; /* initial: "د." "J." */
            if (is_abbrev(p)) return 0;
        }
        if (glued_next && T[i + 1].kind != RASID_TOK_ARABIC && T[i + 1].kind != RASID_TOK_PUNCT)
            return 0; /* example.com */
        return 1;
    }
    if (is1(t, ":")) return i + 1 < e && orig_in(d, &T[i + 1], OPEN_QUOTES);
    return 0;
}

/* May token j (glued to what precedes) stay with the sentence that just ended? */
static int absorbable(const rasid_doc *d, const rasid_token *T, size_t e, size_t j)
{
    const rasid_token *t = &T[j];
    if (t->flags & RASID_TF_SPACE_BEFORE) return 0;
    if (t->kind != RASID_TOK_PUNCT) return 0;
    if (is_final_mark(d, t)) return 1;
    if (orig_in(d, t, CLOSERS)) /* a quote closes only when a space or the line end follows */
        return j + 1 >= e || (T[j + 1].flags & RASID_TF_SPACE_BEFORE) ||
               T[j + 1].kind == RASID_TOK_PUNCT;
    return 0;
}

static int add_sentence(rasid_doc *d, rasid_token *T, size_t b, size_t e, int headline)
{
    rasid_sentence *s = rasid__vec_push(&d->sentences);
    if (!s) return RASID_NOMEM;
    uint32_t idx = (uint32_t)(d->sentences.len - 1);
    s->start = T[b].start;
    s->end = T[e - 1].end;
    s->tok_begin = (uint32_t)b;
    s->tok_end = (uint32_t)e;
    s->headline = (uint8_t)headline;
    for (size_t i = b; i < e; i++) T[i].sent = idx;
    return 0;
}

static int ends_after(const rasid_doc *d, const rasid_token *T, size_t b, size_t e, size_t i);

static int is_headline(const rasid_doc *d, const rasid_token *T, size_t b, size_t e)
{
    if (e - b > 30 || T[e - 1].end - T[b].start > 400) return 0;
    for (size_t i = b; i + 1 < e; i++) /* a line with a sentence end inside is a paragraph */
        if (T[i].kind == RASID_TOK_PUNCT && ends_after(d, T, b, e, i)) return 0;
    size_t last = e - 1;
    while (last > b && T[last].kind == RASID_TOK_PUNCT && orig_in(d, &T[last], CLOSERS)) last--;
    if (is_final_mark(d, &T[last])) return 0;
    for (size_t i = b; i < e; i++)
        if (T[i].kind == RASID_TOK_ARABIC || T[i].kind == RASID_TOK_LATIN ||
            T[i].kind == RASID_TOK_NUMBER)
            return 1;
    return 0;
}

static int build_sentences(rasid_doc *d)
{
    rasid_token *T = d->tokens.data;
    size_t nt = d->tokens.len;
    int top = 1, nhead = 0;
    for (size_t b = 0; b < nt;) {
        size_t e = b + 1;
        while (e < nt && !(T[e].flags & RASID_TF_LINE_START)) e++;
        if (top && nhead < 6 && is_headline(d, T, b, e)) {
            if (add_sentence(d, T, b, e, 1)) return RASID_NOMEM;
            nhead++;
            b = e;
            continue;
        }
        top = 0;
        size_t s = b;
        for (size_t i = b; i < e; i++) {
            if (T[i].kind != RASID_TOK_PUNCT || !ends_after(d, T, b, e, i)) continue;
            size_t j = i + 1;
            while (j < e && absorbable(d, T, e, j)) j++;
            if (add_sentence(d, T, s, j, 0)) return RASID_NOMEM;
            s = j;
            i = j - 1;
        }
        if (s < e && add_sentence(d, T, s, e, 0)) return RASID_NOMEM;
        b = e;
    }
    return 0;
}

/* ---------------------------------------------------------------- entry points */

int rasid__text_segment(rasid_doc *doc, unsigned flags)
{
    /* a second call starts over */
    if (!doc->norm_in_arena) free(doc->norm);
    doc->norm_in_arena = 0;
    free(doc->src_start);
    free(doc->src_end);
    doc->norm = NULL;
    doc->src_start = doc->src_end = NULL;
    doc->nlen = 0;
    doc->tokens.len = 0;
    doc->sentences.len = 0;

    seg g;
    memset(&g, 0, sizeof g);
    g.doc = doc;
    g.want_stem = !(flags & RASID_SEG_NO_STEMS);
    /* the analyser's word cache when its keys were made with these flags (the first
     * document decides), else one for this document */
    struct rasid__wcache local;
    memset(&local, 0, sizeof local);
    local.arena = &doc->arena;
    local.flags = flags & ~RASID_SEG_NO_STEMS;
    g.wc = &local;
    rasid_analyser *an = doc->an;
    if (an && !an->words && (an->words = calloc(1, sizeof *an->words))) {
        an->words->arena = &an->arena;
        an->words->flags = local.flags;
    }
    if (an && an->words && an->words->flags == local.flags) g.wc = an->words;
    doc->shared_words = g.wc != &local;
    rasid__scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = (const unsigned char *)doc->text;
    sc.n = doc->len;
    sc.flags = flags;
    sc.want_map = 0; /* made when asked for (rasid__text_map) */
    sc.sink_cap = doc->len / 8 + 64;
#ifndef RASID__ASAN
    /* the tokens and the normalised text in the doc's arena (they live as long as it),
     * not malloc'd: unless they outgrow the room given here, which the scanner then
     * copies into malloc'd memory (under AddressSanitizer malloc'd, so that an overflow
     * is still caught) */
    sc.sink = rasid__arena_alloc_raw(&doc->arena, sc.sink_cap * sizeof *sc.sink);
    sc.sink_borrowed = 1;
    sc.arena = &doc->arena;
#else
    sc.sink = malloc(sc.sink_cap * sizeof *sc.sink);
#endif
    int rc = sc.sink ? rasid__scan_run(&sc) : RASID_NOMEM;
    g.toks = sc.sink;
    g.ntoks = sc.nsink;
    g.tcap = sc.sink ? sc.sink_cap : 0;
    if (rc == RASID_OK) rc = seg_hash(&g, sc.out);
    if (rc == RASID_OK) rc = seg_resolve(&g, sc.out);
    else g.ntoks = 0; /* tokens not looked up: none */
    rasid__scratch_free(g.hash);
    free(local.tab);
    free(local.ent);
    rasid__stemmer_free(local.stemmer);
    doc->utf8_errors = sc.utf8_errors;
    doc->utf8_first_error = sc.utf8_first_error;
    doc->norm = sc.out;
    doc->norm_in_arena = sc.borrowed;
    doc->nlen = sc.out ? sc.olen : 0;
    doc->src_start = sc.ss;
    doc->src_end = sc.se;
    rasid__vec_free(&doc->tokens);
    doc->tokens.data = g.toks;
    doc->tokens.len = g.ntoks;
    doc->tokens.cap = g.tcap;
    doc->tokens.elsize = sizeof(rasid_token);
    doc->tokens.arena = g.toks && sc.sink_borrowed ? &doc->arena : NULL;
    if (rc) {
        rasid__doc_error(doc, "%s: %s while segmenting", doc->id, rasid_strerror(rc));
        return rc;
    }
    doc->norm_flags = flags;
    if ((rc = build_sentences(doc))) {
        rasid__doc_error(doc, "%s: out of memory while splitting sentences", doc->id);
        return rc;
    }
    return RASID_OK;
}

typedef struct keyout {
    rasid__buf b;
} keyout;

static int key_emit(rasid__scan *sc, const rasid__rawtok *t)
{
    keyout *k = sc->ud;
    if (k->b.len) rasid__buf_putc(&k->b, ' ');
    rasid__buf_put(&k->b, sc->out + t->nstart, t->nend - t->nstart);
    return k->b.err;
}

size_t rasid__key_str(const char *s, size_t n, char *out, size_t outlen)
{
    size_t fast = rasid__plain_arabic_str(s, n, RASID_NORM_DEFAULT, out, outlen);
    if (fast != SIZE_MAX) return fast;
    keyout k;
    rasid__buf_init(&k.b, 0);
    rasid__scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = (const unsigned char *)s;
    sc.n = n;
    sc.flags = RASID_NORM_DEFAULT;
    sc.emit = key_emit;
    sc.ud = &k;
    size_t r = 0;
    if (rasid__scan_run(&sc) == RASID_OK) r = k.b.len;
    if (out && outlen) {
        size_t m = r < outlen - 1 ? r : outlen - 1;
        if (m) memcpy(out, k.b.data, m);
        out[m] = 0;
    }
    free(sc.out);
    rasid__buf_free(&k.b);
    return r;
}
