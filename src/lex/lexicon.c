/*
 * lexicon.c — loading and compiling the dictionaries, and the phrase matcher.
 *
 * Each category's TSV files (see lex.h) are parsed into tables of string cells (cut in
 * place in one arena copy of each line). Every Arabic form of every row becomes an entry
 * whose key is the form normalised and tokenised exactly as document tokens are (plain
 * Arabic forms take a one-pass path, rasid__plain_arabic_str). Entries come in category
 * order and are indexed in two open-addressing hash tables whose slots point at runs of
 * a postings array, each run in entry order: exact1 holds single-token keys, exact2 the
 * first two tokens of longer keys, so a lookup costs one probe per clitic reading plus
 * one per reading of the next token, and a first token shared by thousands of keys
 * (القوات) costs nothing more. A third index holds, for single-token keys of six letters
 * or more (and multi-token keys written together), every one-letter deletion of the key
 * as (key, position, length), never materialised: looking up a token and its own
 * deletions finds keys within one edit (insertion, deletion or substitution), the
 * SymSpell idea.
 *
 * Per document (rasid__lex_prepare_cues), every exact match of every category at every
 * token is found once into a table in the doc; rasid__lex_match_at filters it by
 * category, and memoises fuzzy candidates per distinct word (struct rasid__fzmemo).
 *
 * The compiled lexicon is immutable after rasid_lexicon_load() returns and may be
 * shared by any number of threads.
 */
#include "lex/lex.h"
#include "lex/lexcache.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const cat_file[RASID_CAT_COUNT] = {
    [RASID_CAT_PLACE] = "places",       [RASID_CAT_NISBA] = "nationalities",
    [RASID_CAT_ACTOR] = "actors",       [RASID_CAT_TITLE] = "titles",
    [RASID_CAT_TRIGGER] = "triggers",   [RASID_CAT_MONTH] = "months",
    [RASID_CAT_TIMEWORD] = "timewords", [RASID_CAT_NUMWORD] = "numbers",
    [RASID_CAT_NOUN] = "nouns",         [RASID_CAT_CUE] = "cues",
    [RASID_CAT_STOP] = "stop",          [RASID_CAT_NAME] = "names",
};

#define MAX_TABLES_PER_CAT 8
#define FUZZY_MIN_LETTERS 6
#define FUZZY_SUBST_MIN_LETTERS 8
#define MAX_LINE_BYTES (1u << 20)
#define RASID__MAX_READINGS_LEX 16 /* readings of a token looked at by lookup_first (the text layer makes <= 8) */

typedef struct posting {
    /* the indexed string: k[0..klen), or in the fuzzy index, when del_len > 0, k without
     * the del_len bytes at del_pos (a deletion variant, never materialised; klen is the
     * variant's length) */
    const char *k;
    uint32_t klen;
    uint32_t e;    /* entry index */
    /* exact indexes only: the entry's category and tokens, so that the matcher filters
     * without reading the entry */
    uint8_t cat;
    uint8_t del_len;
    uint16_t ntok;
    uint16_t del_pos;
} posting;

typedef struct slot {
    uint64_t h;
    uint32_t first, count; /* run in postings; count 0 = empty slot */
} slot;

/* A Bloom filter over 64-bit hashes, two bits in one word per hash: "no" is certain,
 * "yes" is wrong for a few percent of strings, so it only saves probes. */
typedef struct bloom {
    uint64_t *w;
    size_t mask; /* words - 1 */
} bloom_t;

static inline uint64_t bloom_mix(uint64_t h)
{
    h ^= h >> 29;
    return h * 0xBF58476D1CE4E5B9ull;
}

static inline int bloom_has(const bloom_t *b, uint64_t h)
{
    uint64_t x = bloom_mix(h), m = (1ull << (x >> 58)) | (1ull << ((x >> 52) & 63));
    return (b->w[x & b->mask] & m) == m;
}

static inline void bloom_add(bloom_t *b, uint64_t h)
{
    uint64_t x = bloom_mix(h);
    b->w[x & b->mask] |= (1ull << (x >> 58)) | (1ull << ((x >> 52) & 63));
}

/* room for n hashes (about 16 bits each: a few percent of false positives) */
static int bloom_init(bloom_t *b, size_t n)
{
    size_t words = 1;
    while (words * 4 < n) words <<= 1;
    b->w = calloc(words, sizeof *b->w);
    b->mask = words - 1;
    return b->w ? RASID_OK : RASID_NOMEM;
}

typedef struct index {
    posting *post;
    size_t npost;
    slot *slots;
    size_t mask;
} index_t;

struct rasid_lexicon {
    char *dir;
    /* loaded from the binary form: every array below points into this read-only
     * mapping (see "binary form"); NULL when compiled from the TSV files */
    void *map;
    size_t map_len;
    int map_borrowed; /* the mapping is the caller's (rasid__lexbin_adopt_buffer): not unmapped */
    int fuzzy_probe_mapped; /* fuzzy_probe.w points into the mapping: not freed, not rebuilt */
    /* compiled from the TSV files: the files read whole; the tables' cells point into
     * them */
    rasid__srcfile *src;
    size_t nsrc;
    rasid__arena arena;
    rasid__table *tables[RASID_CAT_COUNT][MAX_TABLES_PER_CAT];
    int ntables[RASID_CAT_COUNT];
    rasid__entry *entries;
    size_t nentries, centries;
    /* exact keys of every category, each slot's postings in entry (= category) order:
     * exact1: single-token keys; exact2: the first two tokens of longer keys */
    index_t exact1, exact2;
    /* aids of the matcher, built from the above at the end of loading (build_match_aids;
     * a lexicon restored from a cache must build or restore them too):
     * pairs: the two-token keys under their two tokens (exact2 without the longer keys);
     * exact3: keys of three tokens or more under their first three, so that a pair
     *   shared by hundreds of keys (وزارة الدفاع + each country) costs one probe;
     * first2: the first tokens of multi-token keys (unfinalised FNV hash), so that most
     *   tokens probe neither pairs nor exact3;
     * prefix3: the first two tokens ("a b", unfinalised hash) of the keys in exact3;
     * fuzzy_probe: the strings fuzzy_lookup probes for that can find anything (keys of
     *   the fuzzy index, fuzzy-eligible keys of exact1: slot hashes);
     * cue_id: each entry's cue class, read once instead of by column name per match;
     * stop_slot: which entries a stop rule may veto (most have none: no lookup), and where
     *   their rules are */
    index_t pairs, exact3;
    bloom_t first2, prefix3, fuzzy_probe;
    int16_t *cue_id; /* per entry: its cue class (enum rasid__cue), -1 for none or one the code never asks for */
    uint32_t *stop_slot; /* per entry: 1 + the index of its key's slot in stop (its rules), 0: none */
    double *ll;        /* per entry: a place's lat and lon (NAN: none), parsed once */
    index_t fuzzy;
    /* country ISO3 -> English name, from places.tsv rows of kind country */
    const rasid__entry **country_entries; /* one per country, sorted by iso3 */
    size_t ncountries;
    /* per three-letter code AAA..ZZZ: 1 + its index in country_entries, 0 for none,
     * -1 when several rows have it (then the binary search decides, as before) */
    int16_t *country_by_code;
    /* stop rules: compiled per form key; stop_rules[k] is posting k's rule */
    index_t stop;
    struct stop_rule *stop_rules;
};

/* A stop.tsv row with its context word lists split and normalised at load time. */
typedef struct stop_words {
    const char **w;
    uint32_t *len;
    size_t n;
    uint64_t lens; /* bit (len & 63) of every word's length: most tokens are ruled out at once */
} stop_words;

typedef struct stop_rule {
    const char *cat;    /* category name, NULL for any */
    stop_words side[2]; /* before, after */
    int any;            /* neither list: the form never matches */
} stop_rule;

/* ------------------------------------------------------------------ hashing */
#define FNV_BASIS 1469598103934665603ULL
static inline uint64_t fnv_step(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = fnv_step(FNV_BASIS, s, n);
    return h ? h : 1;
}

typedef struct sort_item {
    posting p;
    uint16_t ntok;
    uint64_t h; /* the posting's hash when known (deletions), else 0 (index_build sets it) */
} sort_item;

static uint64_t posting_hash(const posting *p)
{
    if (!p->del_len) return fnv1a(p->k, p->klen);
    uint64_t h = fnv_step(FNV_BASIS, p->k, p->del_pos);
    h = fnv_step(h, p->k + p->del_pos + p->del_len, p->klen - p->del_pos);
    return h ? h : 1;
}

/* Is the posting's string k[0..n)? */
static inline int posting_eq(const posting *p, const char *k, size_t n)
{
    if (p->klen != n) return 0;
    if (!p->del_len) return !memcmp(p->k, k, n);
    return !memcmp(p->k, k, p->del_pos) &&
           !memcmp(p->k + p->del_pos + p->del_len, k + p->del_pos, n - p->del_pos);
}

/* Do a's bytes [off, off + len) equal s[0..len)? */
static int posting_part_eq(const posting *a, size_t off, const char *s, size_t len)
{
    size_t ap = a->del_len ? a->del_pos : a->klen; /* a's bytes before the deletion */
    if (off < ap) {
        size_t m = ap - off < len ? ap - off : len;
        if (memcmp(a->k + off, s, m)) return 0;
        off += m;
        s += m;
        len -= m;
    }
    return !len || !memcmp(a->k + off + a->del_len, s, len);
}

static int posting_same(const posting *a, const posting *b)
{
    if (a->klen != b->klen) return 0;
    size_t bp = b->del_len ? b->del_pos : b->klen;
    return posting_part_eq(a, 0, b->k, bp) && posting_part_eq(a, bp, b->k + bp + b->del_len, b->klen - bp);
}

/* Ask for transparent huge pages over the whole pages of p[0..n) (a hint, ignored where
 * unsupported): the fuzzy index of a large dictionary fills tens of megabytes at random,
 * and faulting them in 4 KiB at a time costs as much as filling them. */
static void huge_pages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
    const uintptr_t huge = (uintptr_t)2 << 20;
    if (n < 2 * huge) return;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1), hi = ((uintptr_t)p + n) & ~(huge - 1);
    if (hi > lo) madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}

/* Build an index in linear time: a first pass finds or creates the slot of each key
 * (hashing, comparing only on equal hashes) and counts its postings, a prefix sum gives
 * each slot its run, a second pass places the postings. No sorting: the matcher orders
 * what it finds.
 *
 * The fuzzy index of a large dictionary has millions of postings in a table of tens of
 * megabytes, where every slot visited is a cache miss: the first pass keeps a slot's
 * representative item (whose key it compares with) in the slot's `first`, unused until
 * the prefix sum, and the second pass uses `first` as the slot's fill cursor, so no
 * per-slot side array is touched; and both passes prefetch a few items ahead. */
#define BUILD_AHEAD 8
static int index_build(index_t *ix, sort_item *items, size_t n)
{
    memset(ix, 0, sizeof *ix);
    size_t size = 16;
    while (size < n * 2) size <<= 1;
    ix->slots = calloc(size, sizeof *ix->slots);
    uint32_t *slot_of = malloc((n ? n : 1) * sizeof *slot_of);
    ix->post = malloc((n ? n : 1) * sizeof *ix->post);
    if (!ix->slots || !slot_of || !ix->post) {
        free(slot_of);
        return RASID_NOMEM;
    }
    huge_pages(ix->slots, size * sizeof *ix->slots);
    huge_pages(ix->post, n * sizeof *ix->post);
    ix->mask = size - 1;
    /* every item's hash first (the deletions come with theirs), so that the slot of a
     * later item can be prefetched */
    for (size_t i = 0; i < n; i++)
        if (!items[i].h) items[i].h = posting_hash(&items[i].p);
    for (size_t i = 0; i < n; i++) {
        if (i + BUILD_AHEAD < n) __builtin_prefetch(&ix->slots[items[i + BUILD_AHEAD].h & ix->mask]);
        const posting *p = &items[i].p;
        uint64_t h = items[i].h;
        size_t sl = h & ix->mask;
        for (;;) {
            slot *x = &ix->slots[sl];
            if (!x->count) {
                x->h = h;
                x->first = (uint32_t)i; /* the representative, until the prefix sum */
                break;
            }
            if (x->h == h && posting_same(&items[x->first].p, p)) break;
            sl = (sl + 1) & ix->mask;
        }
        ix->slots[sl].count++;
        slot_of[i] = (uint32_t)sl;
    }
    /* each slot's `first` at the end of its run, then the items placed from the last
     * one down, each at --first: the runs in input order, `first` at their starts */
    uint32_t acc = 0;
    for (size_t sl = 0; sl < size; sl++) {
        acc += ix->slots[sl].count;
        ix->slots[sl].first = acc;
    }
    for (size_t i = n; i-- > 0;) {
        if (i >= 2 * BUILD_AHEAD) __builtin_prefetch(&ix->slots[slot_of[i - 2 * BUILD_AHEAD]], 1);
        if (i >= BUILD_AHEAD) __builtin_prefetch(&ix->post[ix->slots[slot_of[i - BUILD_AHEAD]].first - 1], 1);
        ix->post[--ix->slots[slot_of[i]].first] = items[i].p;
    }
    ix->npost = n;
    free(slot_of);
    return RASID_OK;
}

/* index_find with the key's hash (fnv1a) already known */
static const slot *index_find_h(const index_t *ix, uint64_t h, const char *k, size_t n)
{
    if (!ix->slots) return NULL;
    size_t s = h & ix->mask;
    while (ix->slots[s].count) {
        const slot *sl = &ix->slots[s];
        if (sl->h == h && posting_eq(&ix->post[sl->first], k, n)) return sl;
        s = (s + 1) & ix->mask;
    }
    return NULL;
}

static const slot *index_find(const index_t *ix, const char *k, size_t n)
{
    if (!ix->slots) return NULL;
    uint64_t h = fnv1a(k, n);
    size_t s = h & ix->mask;
    while (ix->slots[s].count) {
        const slot *sl = &ix->slots[s];
        if (sl->h == h && posting_eq(&ix->post[sl->first], k, n)) return sl;
        s = (s + 1) & ix->mask;
    }
    return NULL;
}

/* index_find of the key "a b" (two tokens and a space) without building it; hsp is
 * the unfinalised hash of "a " */
static const slot *index_find2(const index_t *ix, uint64_t hsp, const char *a, size_t al, const char *b,
                               size_t bl)
{
    if (!ix->slots) return NULL;
    uint64_t h = fnv_step(hsp, b, bl);
    if (!h) h = 1;
    size_t n = al + 1 + bl;
    size_t s = h & ix->mask;
    while (ix->slots[s].count) {
        const slot *sl = &ix->slots[s];
        if (sl->h == h) {
            const posting *p = &ix->post[sl->first];
            if (p->klen == n && !memcmp(p->k, a, al) && p->k[al] == ' ' && !memcmp(p->k + al + 1, b, bl))
                return sl;
        }
        s = (s + 1) & ix->mask;
    }
    return NULL;
}

/* index_find of the key "a b c" without building it; hab is the unfinalised hash of
 * "a b " */
static const slot *index_find3(const index_t *ix, uint64_t hab, const char *a, size_t al, const char *b,
                               size_t bl, const char *c, size_t cl)
{
    if (!ix->slots) return NULL;
    uint64_t h = fnv_step(hab, c, cl);
    if (!h) h = 1;
    size_t n = al + 1 + bl + 1 + cl;
    size_t s = h & ix->mask;
    while (ix->slots[s].count) {
        const slot *sl = &ix->slots[s];
        if (sl->h == h) {
            const posting *p = &ix->post[sl->first];
            if (p->klen == n && !memcmp(p->k, a, al) && p->k[al] == ' ' && !memcmp(p->k + al + 1, b, bl) &&
                p->k[al + 1 + bl] == ' ' && !memcmp(p->k + al + 2 + bl, c, cl))
                return sl;
        }
        s = (s + 1) & ix->mask;
    }
    return NULL;
}

static void index_free(index_t *ix)
{
    free(ix->post);
    free(ix->slots);
    memset(ix, 0, sizeof *ix);
}

/* ------------------------------------------------------------------ TSV loading */
static char *trim(char *s)
{
    while (*s == ' ' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = 0;
    return s;
}

static int split_tabs(char *line, char **cells, int max)
{
    int n = 0;
    char *p = line;
    for (;;) {
        char *t = strchr(p, '\t');
        if (n < max) cells[n] = p;
        n++;
        if (!t) break;
        *t = 0;
        p = t + 1;
    }
    return n;
}

/* Parse one dictionary file, read whole into f->data (which this cuts in place: the
 * cells point into it). */
static int load_table(rasid_lexicon *lex, int cat, rasid__srcfile *f, char *err, size_t errlen)
{
    const char *path = f->path;
    if (lex->ntables[cat] >= MAX_TABLES_PER_CAT) {
        snprintf(err, errlen, "%s: too many files for category %s", path, cat_file[cat]);
        return RASID_DATA;
    }
    rasid__table *t = rasid__arena_alloc(&lex->arena, sizeof *t);
    if (!t) return RASID_NOMEM;
    t->path = path;
    t->cat = cat;
    t->col_ar = -1;
    t->col_kind = t->col_sector = t->col_country = t->col_id = t->col_name = -1;
    for (int k = 0; k < RASID__COL_COUNT; k++) t->tcol[k] = -1;
    size_t caprows = 0;
    long lineno = 0;
    int rc = RASID_OK;
    char *cells[64];
    /* one check of the whole file; per line only to report where it fails */
    size_t bad_at;
    int check_lines = rasid_check_text(f->data, f->len, &bad_at) != RASID_OK;
    char *next = f->data, *end = f->data + f->len;
    while (next < end) {
        char *line = next;
        char *nl = memchr(line, '\n', (size_t)(end - line));
        size_t got = nl ? (size_t)(nl - line) + 1 : (size_t)(end - line);
        next = line + got;
        lineno++;
        if (got > MAX_LINE_BYTES) {
            snprintf(err, errlen, "%s:%ld: line too long", path, lineno);
            rc = RASID_DATA;
            break;
        }
        if (check_lines && rasid_check_text(line, got, &bad_at) != RASID_OK) {
            snprintf(err, errlen, "%s:%ld: invalid UTF-8 or NUL at byte %zu of the line", path, lineno, bad_at);
            rc = RASID_DATA;
            break;
        }
        char *l = line;
        size_t ll = got;
        if (lineno == 1 && ll >= 3 && (unsigned char)l[0] == 0xEF && (unsigned char)l[1] == 0xBB &&
            (unsigned char)l[2] == 0xBF) {
            l += 3;
            ll -= 3;
        }
        while (ll && (l[ll - 1] == '\n' || l[ll - 1] == '\r')) ll--;
        l[ll] = 0; /* the newline (or the NUL after the file's last byte) */
        if (!ll || l[0] == '#') continue;
        /* the cells are the line itself, cut and trimmed in place */
        char *empty = l + ll;
        int n = split_tabs(l, cells, 64);
        if (n > 64) {
            snprintf(err, errlen, "%s:%ld: more than 64 columns", path, lineno);
            rc = RASID_DATA;
            break;
        }
        if (!t->cols) { /* header */
            t->ncols = n;
            t->cols = rasid__arena_alloc(&lex->arena, (size_t)n * sizeof(char *));
            if (!t->cols) { rc = RASID_NOMEM; break; }
            for (int c = 0; c < n; c++) {
                t->cols[c] = rasid__arena_strdup(&lex->arena, trim(cells[c]));
                if (!strcmp(t->cols[c], "ar")) t->col_ar = c;
            }
            t->col_kind = rasid__table_col(t, "kind");
            t->col_sector = rasid__table_col(t, "sector");
            t->col_country = rasid__table_col(t, "country");
            t->col_id = rasid__table_col(t, "id");
            t->col_name = rasid__table_col(t, "name");
            static const char *const tcols[RASID__COL_COUNT] = {
#define RASID__COL_NAME(up, name) name,
                RASID__TABLE_COLS(RASID__COL_NAME)
#undef RASID__COL_NAME
            };
            for (int k = 0; k < RASID__COL_COUNT; k++) t->tcol[k] = (int16_t)rasid__table_col(t, tcols[k]);
            if (t->col_ar < 0) {
                snprintf(err, errlen, "%s:%ld: header has no `ar` column", path, lineno);
                rc = RASID_DATA;
                break;
            }
            continue;
        }
        if (n > t->ncols) {
            snprintf(err, errlen, "%s:%ld: %d columns, the header has %d", path, lineno, n, t->ncols);
            rc = RASID_DATA;
            break;
        }
        if (t->nrows == caprows) {
            size_t nc = caprows ? caprows * 2 : 256;
            char ***nr = realloc(t->rows, nc * sizeof *nr);
            if (!nr) { rc = RASID_NOMEM; break; }
            t->rows = nr;
            caprows = nc;
        }
        char **row = rasid__arena_alloc(&lex->arena, (size_t)t->ncols * sizeof(char *));
        if (!row) { rc = RASID_NOMEM; break; }
        for (int c = 0; c < t->ncols; c++) row[c] = c < n ? trim(cells[c]) : empty;
        t->rows[t->nrows++] = row;
    }
    if (rc == RASID_OK && !t->cols) {
        snprintf(err, errlen, "%s: empty dictionary file (no header)", path);
        rc = RASID_DATA;
    }
    if (rc != RASID_OK) {
        free(t->rows);
        return rc;
    }
    /* keep rows in the arena: copy the pointer array */
    char ***rows = rasid__arena_alloc(&lex->arena, (t->nrows ? t->nrows : 1) * sizeof *rows);
    if (!rows) { free(t->rows); return RASID_NOMEM; }
    if (t->nrows) memcpy(rows, t->rows, t->nrows * sizeof *rows);
    free(t->rows);
    t->rows = rows;
    lex->tables[cat][lex->ntables[cat]++] = t;
    return RASID_OK;
}

static int add_entry(rasid_lexicon *lex, rasid__table *t, uint32_t row, const char *form)
{
    char norm[1024], key[1024];
    size_t fl = strlen(form);
    /* most forms are plain Arabic words: normalised text and key in one pass */
    size_t kl = rasid__plain_arabic_str(form, fl, RASID_NORM_DEFAULT, key, sizeof key);
    if (kl == SIZE_MAX) {
        size_t nl = rasid__normalize_str(form, fl, RASID_NORM_DEFAULT, norm, sizeof norm);
        if (nl >= sizeof norm) return RASID_OK; /* absurdly long form: skipped */
        kl = rasid__key_str(norm, nl, key, sizeof key);
    }
    if (kl == 0 || kl >= sizeof key) return RASID_OK;
    if (lex->nentries == lex->centries) {
        size_t nc = lex->centries ? lex->centries * 2 : 4096;
        rasid__entry *ne = realloc(lex->entries, nc * sizeof *ne);
        if (!ne) return RASID_NOMEM;
        lex->entries = ne;
        lex->centries = nc;
    }
    rasid__entry *e = &lex->entries[lex->nentries++];
    e->table = t;
    e->row = row;
    e->cat = (uint16_t)t->cat;
    e->key = rasid__arena_strndup(&lex->arena, key, kl);
    e->form = form;
    uint16_t nt = 1; /* most keys are one word: memchr finds no space at once */
    for (const char *sp = memchr(key, ' ', kl); sp; sp = memchr(sp + 1, ' ', kl - (size_t)(sp + 1 - key))) nt++;
    e->ntok = nt;
    return e->key ? RASID_OK : RASID_NOMEM;
}

static int compile_table(rasid_lexicon *lex, rasid__table *t)
{
    for (size_t r = 0; r < t->nrows; r++) {
        char *ar = t->rows[r][t->col_ar];
        char *p = ar;
        while (p && *p) {
            char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            while (n && p[0] == ' ') { p++; n--; }
            while (n && p[n - 1] == ' ') n--;
            if (n) {
                char *form = rasid__arena_strndup(&lex->arena, p, n);
                if (!form) return RASID_NOMEM;
                int rc = add_entry(lex, t, (uint32_t)r, form);
                if (rc) return rc;
            }
            p = bar ? bar + 1 : NULL;
        }
    }
    return RASID_OK;
}


/* Append every one-character deletion of k[0..kl) to items (as k and the position and
 * length of the deleted character: no string is built), with its hash: fnv1a of the
 * deletion, as the matcher computes it for a token's deletions.
 *
 * Hashing each deletion's suffix in turn is a chain of dependent multiplications per
 * byte, over O(L^2) bytes per key: the bulk of compiling the fuzzy index. The hashes
 * are computed instead character by character across all deletions at once: the
 * states of the deletions before a character are independent of each other, so the
 * processor overlaps their multiplications. Same values, a fraction of the time. */
#define DEL_MAX_CHARS 1024 /* keys and joined keys are shorter than 1024 bytes (add_entry) */
static int add_deletions(sort_item **items, size_t *n, size_t *cap, const char *k, size_t kl, uint32_t e,
                         uint16_t ntok)
{
    if (kl > UINT16_MAX) return RASID_OK;
    uint16_t at[DEL_MAX_CHARS + 1]; /* character starts, then kl */
    uint64_t st[DEL_MAX_CHARS];     /* st[j]: the hash of deletion j so far */
    size_t m = 0;
    for (size_t i = 0; i < kl && m < DEL_MAX_CHARS; m++) {
        at[m] = (uint16_t)i;
        size_t cl = 1;
        while (i + cl < kl && ((unsigned char)k[i + cl] & 0xC0) == 0x80) cl++;
        i += cl;
    }
    if (m == DEL_MAX_CHARS) return RASID_OK; /* cannot be (see DEL_MAX_CHARS) */
    at[m] = (uint16_t)kl;
    if (*n + m > *cap) {
        size_t nc = *cap ? *cap : 4096;
        while (nc < *n + m) nc *= 2;
        sort_item *ni = realloc(*items, nc * sizeof **items);
        if (!ni) return RASID_NOMEM;
        *items = ni;
        *cap = nc;
    }
    /* deletion j: the hash of k[0..at[j]), then of every character after j */
    uint64_t hpre = FNV_BASIS;
    for (size_t t = 0; t < m; t++) {
        st[t] = hpre;
        const unsigned char *c = (const unsigned char *)k + at[t];
        size_t cl = at[t + 1] - at[t];
        /* character t extends every deletion before it, and the prefix */
        if (cl == 2) {
            for (size_t j = 0; j < t; j++) st[j] = ((st[j] ^ c[0]) * 1099511628211ULL ^ c[1]) * 1099511628211ULL;
        } else {
            for (size_t j = 0; j < t; j++) st[j] = fnv_step(st[j], (const char *)c, cl);
        }
        hpre = fnv_step(hpre, (const char *)c, cl);
    }
    for (size_t j = 0; j < m; j++) {
        size_t cl = at[j + 1] - at[j];
        (*items)[(*n)++] = (sort_item){
            {.k = k, .klen = (uint32_t)(kl - cl), .e = e, .del_len = (uint8_t)cl, .del_pos = at[j]}, ntok,
            st[j] ? st[j] : 1};
    }
    return RASID_OK;
}

static int is_fuzzy_cat(int cat)
{
    return cat == RASID_CAT_PLACE || cat == RASID_CAT_ACTOR || cat == RASID_CAT_NISBA;
}

/* Which entries may be found within one edit: long names of countries, regions,
 * first-level divisions, armed groups, forces and organisations, and nationalities.
 * Town names and people are too many and too short: one edit from a common word. */
static int fuzzy_entry(const rasid__entry *e)
{
    if (!is_fuzzy_cat(e->cat)) return 0;
    const char *k = rasid__entry_fieldi(e, e->table->col_kind);
    if (e->cat == RASID_CAT_PLACE)
        return k && (!strcmp(k, "country") || !strcmp(k, "region") || !strcmp(k, "admin1"));
    if (e->cat == RASID_CAT_ACTOR) {
        /* named forces, groups and organisations; never generic words (مسلحون ~ المسلمون) */
        const char *sec = rasid__entry_fieldi(e, e->table->col_sector);
        const char *co = rasid__entry_fieldi(e, e->table->col_country);
        if (!k || !strcmp(k, "person") || !strcmp(k, "unknown")) return 0;
        if (sec && (!strcmp(sec, "UAF") || !strcmp(sec, "CVL"))) return 0;
        if (co && !strcmp(co, "?")) return 0;
        return 1;
    }
    return 1;
}

/* letters of a key, not counting a leading article (nor spaces). The matcher asks this
 * of every long-enough word: the UTF-8 lead bytes are counted eight bytes at a time (a
 * continuation byte is the one with bit 7 set and bit 6 clear). */
static size_t key_letters(const char *k, size_t n)
{
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, k + i, 8);
        cont += (size_t)__builtin_popcountll(x & ~(x << 1) & 0x8080808080808080ull);
    }
    for (; i < n; i++) cont += ((unsigned char)k[i] & 0xC0) == 0x80;
    size_t l = n - cont;
    for (const char *sp = memchr(k, ' ', n); sp; sp = memchr(sp + 1, ' ', n - (size_t)(sp + 1 - k))) l--;
    if (n > 4 && !memcmp(k, "\xD8\xA7\xD9\x84", 4)) l -= 2;
    return l;
}

/* One context list of a stop row ("a|b|c"): each word normalised as the document's
 * tokens are; words that do not fit 255 bytes never match and are left out. */
static int compile_stop_words(rasid_lexicon *lex, const char *list, stop_words *out)
{
    memset(out, 0, sizeof *out);
    if (!list || !*list) return RASID_OK;
    size_t n = 1;
    for (const char *q = list; *q; q++) n += *q == '|';
    out->w = rasid__arena_alloc(&lex->arena, n * sizeof *out->w);
    out->len = rasid__arena_alloc(&lex->arena, n * sizeof *out->len);
    if (!out->w || !out->len) return RASID_NOMEM;
    for (const char *p = list; *p;) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        char nb[256];
        size_t nl = rasid__normalize_str(p, l, RASID_NORM_DEFAULT, nb, sizeof nb);
        if (nl < sizeof nb) {
            char *w = rasid__arena_strndup(&lex->arena, nb, nl);
            if (!w) return RASID_NOMEM;
            out->w[out->n] = w;
            out->len[out->n++] = (uint32_t)nl;
            out->lens |= (uint64_t)1 << (nl & 63);
        }
        p = bar ? bar + 1 : p + l;
    }
    return RASID_OK;
}

static int compile_stop_rules(rasid_lexicon *lex)
{
    lex->stop_rules = calloc(lex->stop.npost ? lex->stop.npost : 1, sizeof *lex->stop_rules);
    if (!lex->stop_rules) return RASID_NOMEM;
    for (size_t k = 0; k < lex->stop.npost; k++) {
        const rasid__entry *s = &lex->entries[lex->stop.post[k].e];
        stop_rule *r = &lex->stop_rules[k];
        const char *c = rasid__entry_field(s, "cat");
        r->cat = c && *c ? c : NULL;
        const char *before = rasid__entry_field(s, "before"), *after = rasid__entry_field(s, "after");
        r->any = !(before && *before) && !(after && *after);
        int rc = compile_stop_words(lex, before, &r->side[0]);
        if (rc == RASID_OK) rc = compile_stop_words(lex, after, &r->side[1]);
        if (rc) return rc;
    }
    return RASID_OK;
}

static int build_indexes(rasid_lexicon *lex)
{
    size_t cap = lex->nentries + 1;
    sort_item *items = malloc(cap * sizeof *items);
    size_t fn = 0, fcap = 0;
    sort_item *fitems = NULL;
    size_t sn = 0;
    sort_item *sitems = malloc(cap * sizeof *sitems);
    if (!items || !sitems) { free(items); free(sitems); return RASID_NOMEM; }
    int rc = RASID_OK;
    for (size_t i = 0; i < lex->nentries && rc == RASID_OK; i++) {
        rasid__entry *e = &lex->entries[i];
        if (e->cat == RASID_CAT_STOP) {
            sitems[sn++] = (sort_item){{.k = e->key, .klen = (uint32_t)strlen(e->key), .e = (uint32_t)i}, e->ntok, 0};
            continue;
        }
        /* fuzzy: single-token keys, and keys of two or three tokens written as one word
         * (joined only for those: a key of more tokens is never one) */
        if (e->ntok > 3 || !fuzzy_entry(e)) continue;
        const char *jk = e->key;
        size_t jl = strlen(e->key);
        if (e->ntok == 1) {
            if (key_letters(jk, jl) < FUZZY_MIN_LETTERS) continue;
        } else {
            char joined[1024];
            size_t kl = jl;
            jl = 0;
            for (size_t j = 0; j < kl && jl < sizeof joined - 1; j++)
                if (e->key[j] != ' ') joined[jl++] = e->key[j];
            if (key_letters(joined, jl) < FUZZY_MIN_LETTERS) continue;
            char *v = rasid__arena_strndup(&lex->arena, joined, jl);
            if (!v) { rc = RASID_NOMEM; break; }
            jk = v;
            /* the joined form itself is an exact fuzzy key */
            if (fn == fcap) {
                fcap = fcap ? fcap * 2 : 4096;
                sort_item *ni = realloc(fitems, fcap * sizeof *fitems);
                if (!ni) { rc = RASID_NOMEM; break; }
                fitems = ni;
            }
            fitems[fn++] = (sort_item){{.k = jk, .klen = (uint32_t)jl, .e = (uint32_t)i}, e->ntok, 0};
        }
        rc = add_deletions(&fitems, &fn, &fcap, jk, jl, (uint32_t)i, e->ntok);
    }
    if (rc == RASID_OK) {
        /* entries come in category order (files are loaded category by category), and
         * index_build keeps the input order within a slot: each slot's run is grouped by
         * category, as separate per-category indexes would list them */
        size_t n1 = 0, n2 = 0;
        sort_item *items2 = malloc(cap * sizeof *items2);
        if (!items2) rc = RASID_NOMEM;
        for (size_t i = 0; i < lex->nentries && rc == RASID_OK; i++) {
            const rasid__entry *e = &lex->entries[i];
            posting p = {.k = e->key, .e = (uint32_t)i, .cat = (uint8_t)e->cat, .ntok = e->ntok};
            const char *sp = strchr(e->key, ' ');
            if (!sp) {
                p.klen = (uint32_t)strlen(e->key);
                items[n1++] = (sort_item){p, e->ntok, 0};
            } else {
                const char *sp2 = strchr(sp + 1, ' ');
                p.klen = (uint32_t)(sp2 ? (size_t)(sp2 - e->key) : strlen(e->key));
                items2[n2++] = (sort_item){p, e->ntok, 0};
            }
        }
        if (rc == RASID_OK) rc = index_build(&lex->exact1, items, n1);
        if (rc == RASID_OK) rc = index_build(&lex->exact2, items2, n2);
        free(items2);
    }
    if (rc == RASID_OK) rc = index_build(&lex->stop, sitems, sn);
    if (rc == RASID_OK) rc = compile_stop_rules(lex);
    if (rc == RASID_OK && fn) rc = index_build(&lex->fuzzy, fitems, fn);
    /* the fuzzy index also needs single-token keys themselves (a token with one extra
     * letter has the key among its deletions) */
    free(items);
    free(sitems);
    free(fitems);
    return rc;
}


/* From exact2 (keys of two tokens or more under their first two): pairs, its keys of
 * two tokens, and exact3, its longer keys under their first three tokens. Each exact2
 * slot's run is in entry order and all of a new slot's postings come from one exact2
 * slot (same first two tokens), so walking exact2 slot by slot keeps entry order
 * within the new slots (index_build keeps the input order). A pair's hash is its
 * exact2 slot's. */
static int build_pairs_exact3(rasid_lexicon *lex)
{
    const index_t *x2 = &lex->exact2;
    sort_item *items = malloc((x2->npost ? x2->npost : 1) * sizeof *items);
    if (!items) return RASID_NOMEM;
    size_t n2 = 0, n3 = x2->npost; /* pairs fill items from the front, exact3 from the back */
    for (size_t s = 0; x2->slots && s <= x2->mask; s++) {
        const slot *x = &x2->slots[s];
        for (uint32_t j = 0; j < x->count; j++) {
            posting p = x2->post[x->first + j];
            if (p.ntok == 2) {
                items[n2++] = (sort_item){p, p.ntok, x->h};
                continue;
            }
            const char *end = p.k + p.klen + 1, *sp = strchr(end, ' ');
            p.klen = (uint32_t)(sp ? (size_t)(sp - p.k) : p.klen + 1 + strlen(end));
            items[--n3] = (sort_item){p, p.ntok, 0};
        }
    }
    /* the exact3 items were placed back to front: put them in order */
    for (size_t i = n3, j = x2->npost - 1; i < j; i++, j--) {
        sort_item t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
    int rc = index_build(&lex->pairs, items, n2);
    if (rc == RASID_OK) rc = index_build(&lex->exact3, items + n3, x2->npost - n3);
    free(items);
    return rc;
}

/* The matcher's aids (see struct rasid_lexicon), from the entries and indexes. */
/* A three-letter upper-case code AAA..ZZZ as 0..17575, or -1. */
static int code3(const char *s)
{
    if (!(s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z' && !s[3]))
        return -1;
    return ((s[0] - 'A') * 26 + (s[1] - 'A')) * 26 + (s[2] - 'A');
}

/* An entry's columns lat and lon as numbers (NAN where empty or absent). */
static void entry_ll(const rasid__entry *e, double *lat, double *lon)
{
    const char *la = rasid__entry_field(e, "lat"), *lo = rasid__entry_field(e, "lon");
    *lat = la && *la ? rasid__decimal(la) : NAN;
    *lon = lo && *lo ? rasid__decimal(lo) : NAN;
}

static int build_match_aids(rasid_lexicon *lex)
{
    int rc = build_pairs_exact3(lex);
    if (rc == RASID_OK) rc = bloom_init(&lex->first2, lex->exact2.npost);
    for (size_t i = 0; rc == RASID_OK && i < lex->exact2.npost; i++) {
        const posting *p = &lex->exact2.post[i];
        const char *sp = memchr(p->k, ' ', p->klen);
        bloom_add(&lex->first2, fnv_step(FNV_BASIS, p->k, sp ? (size_t)(sp - p->k) : p->klen));
    }
    if (rc == RASID_OK) rc = bloom_init(&lex->prefix3, lex->exact3.npost);
    for (size_t i = 0; rc == RASID_OK && i < lex->exact3.npost; i++) {
        const posting *p = &lex->exact3.post[i];
        const char *sp = memchr(p->k, ' ', p->klen);
        sp = memchr(sp + 1, ' ', p->klen - (size_t)(sp + 1 - p->k));
        bloom_add(&lex->prefix3, fnv_step(FNV_BASIS, p->k, (size_t)(sp - p->k)));
    }
    /* sized from the postings (at least 8 bits per distinct key), not by counting the
     * slots: that would cost a second pass over a megabyte-sized table */
    /* (mapped from the binary form when it holds one: see lexbin_adopt) */
    int probe = !lex->fuzzy_probe_mapped;
    if (rc == RASID_OK && probe) rc = bloom_init(&lex->fuzzy_probe, lex->fuzzy.npost / 2 + lex->exact1.npost / 4);
    for (size_t s = 0; rc == RASID_OK && probe && lex->fuzzy.slots && s <= lex->fuzzy.mask; s++)
        if (lex->fuzzy.slots[s].count) bloom_add(&lex->fuzzy_probe, lex->fuzzy.slots[s].h);
    /* the single-token keys fuzzy_lookup accepts from exact1 (fuzzy_entry, six letters)
     * are those whose deletions build_indexes put in the fuzzy index: each has one at
     * position 0 */
    for (size_t i = 0; rc == RASID_OK && probe && i < lex->fuzzy.npost; i++) {
        const posting *p = &lex->fuzzy.post[i];
        if (p->del_len && p->del_pos == 0 && lex->entries[p->e].ntok == 1)
            bloom_add(&lex->fuzzy_probe, fnv1a(p->k, p->klen + p->del_len));
    }
    if (rc == RASID_OK && !(lex->country_by_code = calloc(26 * 26 * 26, sizeof *lex->country_by_code)))
        rc = RASID_NOMEM;
    for (size_t k = 0; rc == RASID_OK && k < lex->ncountries && k < INT16_MAX; k++) {
        const char *code = rasid__entry_field(lex->country_entries[k], "country");
        int c = code ? code3(code) : -1;
        if (c >= 0) lex->country_by_code[c] = lex->country_by_code[c] ? -1 : (int16_t)(k + 1);
    }
    if (rc == RASID_OK && !(lex->cue_id = malloc((lex->nentries + 1) * sizeof *lex->cue_id))) rc = RASID_NOMEM;
    for (size_t i = 0; rc == RASID_OK && i < lex->nentries; i++) {
        const char *cls = lex->entries[i].cat == RASID_CAT_CUE ? rasid__entry_field(&lex->entries[i], "class") : NULL;
        lex->cue_id[i] = (int16_t)(cls ? rasid__cue_by_name(cls) : -1);
    }
    if (rc == RASID_OK && !(lex->ll = malloc((lex->nentries + 1) * 2 * sizeof *lex->ll))) rc = RASID_NOMEM;
    for (size_t i = 0; rc == RASID_OK && i < lex->nentries; i++) {
        if (lex->entries[i].cat == RASID_CAT_PLACE) entry_ll(&lex->entries[i], &lex->ll[2 * i], &lex->ll[2 * i + 1]);
        else lex->ll[2 * i] = lex->ll[2 * i + 1] = NAN;
    }
    /* stop_slot: the entries with the key of a stop row, found from the few rows */
    if (rc == RASID_OK && !(lex->stop_slot = calloc(lex->nentries + 1, sizeof *lex->stop_slot))) rc = RASID_NOMEM;
    for (size_t i = 0; rc == RASID_OK && i < lex->stop.npost; i++) {
        const char *k = lex->stop.post[i].k;
        size_t kl = lex->stop.post[i].klen;
        const char *sp = memchr(k, ' ', kl);
        const index_t *ix = sp ? &lex->exact2 : &lex->exact1;
        const slot *sl;
        if (sp) {
            const char *sp2 = memchr(sp + 1, ' ', kl - (size_t)(sp + 1 - k));
            size_t al = (size_t)(sp - k), bl = (sp2 ? (size_t)(sp2 - k) : kl) - al - 1;
            sl = index_find2(ix, fnv_step(fnv_step(FNV_BASIS, k, al), " ", 1), k, al, sp + 1, bl);
        } else {
            sl = index_find(ix, k, kl);
        }
        for (uint32_t j = 0; sl && j < sl->count; j++) {
            uint32_t e = ix->post[sl->first + j].e;
            if (strlen(lex->entries[e].key) == kl && !memcmp(lex->entries[e].key, k, kl)) {
                const slot *ss = index_find(&lex->stop, k, kl);
                if (ss) lex->stop_slot[e] = (uint32_t)(ss - lex->stop.slots) + 1;
            }
        }
    }
    return rc;
}

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int dir_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int cmp_country(const void *a, const void *b);

/* ------------------------------------------------------------------ compiling */
static const char *const src_fmts[3] = {"%s/%s.tsv", "%s/%s.local.tsv", "%s/local/%s.tsv"};

/* Read every dictionary file of datadir whole, category by category, in load order. */
static int read_sources(rasid_lexicon *lex, const char *datadir, char *err, size_t errlen)
{
    char path[PATH_MAX];
    lex->src = calloc(RASID_CAT_COUNT * 3, sizeof *lex->src);
    if (!lex->src) return RASID_NOMEM;
    for (int c = 0; c < RASID_CAT_COUNT; c++) {
        for (int k = 0; k < 3; k++) {
            snprintf(path, sizeof path, src_fmts[k], datadir, cat_file[c]);
            if (!file_exists(path)) continue;
            rasid__srcfile *f = &lex->src[lex->nsrc];
            int rc = rasid__read_file(path, f);
            if (rc == RASID_IO) snprintf(err, errlen, "%s: %s", path, strerror(errno));
            if (rc) return rc;
            f->cat = c;
            lex->nsrc++;
        }
    }
    return RASID_OK;
}

static void free_sources(rasid_lexicon *lex)
{
    for (size_t i = 0; i < lex->nsrc; i++) {
        free(lex->src[i].path);
        free(lex->src[i].data);
    }
    free(lex->src);
    lex->src = NULL;
    lex->nsrc = 0;
}

/* What the binary form is a compilation of: the name (relative to the data directory)
 * and contents of every file read, in order. */
static uint64_t source_hash(const rasid_lexicon *lex, const char *datadir)
{
    uint64_t h = 0x7261736964;
    size_t dl = strlen(datadir);
    for (size_t i = 0; i < lex->nsrc; i++) {
        const rasid__srcfile *f = &lex->src[i];
        const char *rel = strlen(f->path) > dl ? f->path + dl + 1 : f->path;
        h = rasid__hash64(rel, strlen(rel) + 1, h);
        h = rasid__hash64(f->data, f->len, h);
    }
    return h;
}

/* The TSV files (lex->src) to tables, entries and indexes. */
static int compile_sources(rasid_lexicon *lex, char *err, size_t errlen)
{
    int rc = RASID_OK;
    for (size_t i = 0; i < lex->nsrc && rc == RASID_OK; i++) rc = load_table(lex, lex->src[i].cat, &lex->src[i], err, errlen);
    for (int c = 0; c < RASID_CAT_COUNT && rc == RASID_OK; c++)
        for (int k = 0; k < lex->ntables[c] && rc == RASID_OK; k++) rc = compile_table(lex, lex->tables[c][k]);
    if (rc == RASID_OK) rc = build_indexes(lex);
    if (rc == RASID_OK) {
        /* countries: first entry of each places row of kind country */
        size_t cap = 512;
        lex->country_entries = malloc(cap * sizeof *lex->country_entries);
        if (!lex->country_entries) rc = RASID_NOMEM;
        uint32_t last_row = UINT32_MAX;
        const rasid__table *last_t = NULL;
        for (size_t i = 0; i < lex->nentries && rc == RASID_OK; i++) {
            const rasid__entry *e = &lex->entries[i];
            if (e->cat != RASID_CAT_PLACE) continue;
            if (e->table == last_t && e->row == last_row) continue;
            last_t = e->table;
            last_row = e->row;
            const char *k = rasid__entry_field(e, "kind");
            const char *cc = rasid__entry_field(e, "country");
            if (!k || strcmp(k, "country") || !cc || !*cc) continue;
            if (lex->ncountries == cap) {
                cap *= 2;
                const rasid__entry **nce = realloc(lex->country_entries, cap * sizeof *nce);
                if (!nce) { rc = RASID_NOMEM; break; }
                lex->country_entries = nce;
            }
            lex->country_entries[lex->ncountries++] = e;
        }
        if (rc == RASID_OK && lex->ncountries)
            qsort(lex->country_entries, lex->ncountries, sizeof *lex->country_entries, cmp_country);
    }
    return rc;
}

/* ------------------------------------------------------------------ binary form
 * The compiled lexicon saved as one file (lexcache.h says where and when), so that a
 * later load maps it instead of parsing and indexing the TSV files again.
 *
 * The file is a header (struct lexbin_header) and sections, each an array of one of the
 * lexicon's own in-memory structs (enum lb_sec), 64-byte aligned, in enum order, the
 * string pool last. Pointer fields hold the address their target has when the file is
 * mapped at its preferred address (header.base, chosen when it is written, far from
 * where the system puts things); NULL is 0. Loading (lexbin_map) maps the file there,
 * read-only, when that range is free: every pointer is then right as it is, and the
 * pages stay the page cache's, shared by every process that maps the file. Elsewhere
 * (the range taken) it maps a copy-on-write view and rebases every pointer by the
 * difference, then makes it read-only. Either way each count and pointer is first
 * checked against its section's bounds and element size, and the arrays, slots and
 * postings are then used in place, exactly as compiled (same order, same slots), so
 * the matcher sees the same lexicon as after compiling. A file whose magic, version,
 * layout, build, source hash, size, body hash or structure is not as expected is
 * ignored (and replaced by a fresh compilation): a corrupt or hostile cache costs
 * time, never a crash.
 *
 * To add a load-time structure (say a new index) to struct rasid_lexicon:
 *   1. add its section(s) to enum lb_sec and lb_elsize (before LB_POOL; scalars go in
 *      struct lexbin_header) and bump LEXBIN_VERSION;
 *   2. lexbin_save: count its elements in lexbin_counts(), emit them with put(), each
 *      pointer field made by ref_str() or ref_elem();
 *   3. lexbin_map: check it and rebase its pointers with rebase() (r.p[], r.count[]),
 *      and set the lexicon's field;
 *   4. add the sizes and offsets of a new struct type to lexbin_layout().
 */
#define LEXBIN_VERSION 6 /* 3: the body checksum leaves out the fuzzy index; 4: the fuzzy probe filter;
                          * 5: no cue class table (the classes are enum rasid__cue);
                          * 6: stop word lists carry the set of their lengths */
#define LEXBIN_ALIGN 64

enum lb_sec {
    LB_TABLES,      /* rasid__table: path -> POOL, cols -> COLS, rows -> ROWS */
    LB_COLS,        /* char *: column names -> POOL */
    LB_ROWS,        /* char **: a row's first cell -> CELLS */
    LB_CELLS,       /* char *: cells -> POOL */
    LB_ENTRIES,     /* rasid__entry: table -> TABLES, key, form -> POOL */
    LB_X1_POST,     /* posting: k -> POOL; each followed by its slots (no pointers) */
    LB_X1_SLOT,
    LB_X2_POST,
    LB_X2_SLOT,
    LB_FZ_POST,
    LB_FZ_SLOT,
    LB_ST_POST,
    LB_ST_SLOT,
    LB_STOP_RULES,  /* stop_rule: cat -> POOL, side[].w -> STOP_WORDS, side[].len -> STOP_LENS */
    LB_STOP_WORDS,  /* const char *: -> POOL */
    LB_STOP_LENS,   /* uint32_t */
    LB_COUNTRIES,   /* const rasid__entry *: -> ENTRIES */
    LB_FZ_PROBE,    /* uint64_t: the words of the fuzzy_probe Bloom filter (a power of two, or none) */
    LB_POOL,        /* char: every string, NUL-terminated; byte 0 is ""; last: its size is
                       known only once everything else is written */
    LB_NSEC
};

static const size_t lb_elsize[LB_NSEC] = {
    [LB_TABLES] = sizeof(rasid__table),
    [LB_COLS] = sizeof(char *),
    [LB_ROWS] = sizeof(char **),
    [LB_CELLS] = sizeof(char *),
    [LB_ENTRIES] = sizeof(rasid__entry),
    [LB_X1_POST] = sizeof(posting), [LB_X1_SLOT] = sizeof(slot),
    [LB_X2_POST] = sizeof(posting), [LB_X2_SLOT] = sizeof(slot),
    [LB_FZ_POST] = sizeof(posting), [LB_FZ_SLOT] = sizeof(slot),
    [LB_ST_POST] = sizeof(posting), [LB_ST_SLOT] = sizeof(slot),
    [LB_STOP_RULES] = sizeof(stop_rule),
    [LB_STOP_WORDS] = sizeof(const char *),
    [LB_STOP_LENS] = sizeof(uint32_t),
    [LB_COUNTRIES] = sizeof(const rasid__entry *),
    [LB_FZ_PROBE] = sizeof(uint64_t),
    [LB_POOL] = 1,
};

typedef struct lexbin_header {
    char magic[8];    /* "RASIDLEX" */
    uint32_t version; /* LEXBIN_VERSION */
    uint32_t endian;  /* 0x01020304 as this machine writes it */
    uint64_t layout;  /* lexbin_layout() */
    uint64_t build;   /* rasid__build_id() */
    uint64_t source;  /* source_hash() of the files it was compiled from */
    uint64_t size;    /* of the whole file */
    uint64_t base;    /* the address the pointers are right for */
    uint64_t body;    /* rasid__hash64 of every byte after the header */
    struct { uint64_t off, count; } sec[LB_NSEC];
    int32_t ntables[RASID_CAT_COUNT];
    int32_t table_of[RASID_CAT_COUNT][MAX_TABLES_PER_CAT]; /* lex->tables[c][k]: index in TABLES */
    /* the data directory's real path, NUL-terminated, "" when unknown or too long: not
     * read by the loader; pruning drops the files of directories gone (lexcache.h) */
    char datadir[1024];
} lexbin_header;

/* The sizes and field offsets of the structs stored as they are, and the constants the
 * compiled form depends on: a build with another layout never maps the file. */
static uint64_t lexbin_layout(void)
{
    const uint64_t v[] = {
        sizeof(void *), sizeof(size_t), sizeof(lexbin_header), RASID_CAT_COUNT, MAX_TABLES_PER_CAT,
        FUZZY_MIN_LETTERS, LB_NSEC,
        sizeof(rasid__table), offsetof(rasid__table, path), offsetof(rasid__table, cat),
        offsetof(rasid__table, ncols), offsetof(rasid__table, cols), offsetof(rasid__table, nrows),
        offsetof(rasid__table, rows), offsetof(rasid__table, col_ar), offsetof(rasid__table, col_kind),
        offsetof(rasid__table, col_sector), offsetof(rasid__table, col_country),
        offsetof(rasid__table, col_id), offsetof(rasid__table, col_name), offsetof(rasid__table, tcol),
        RASID__COL_COUNT,
        sizeof(rasid__entry), offsetof(rasid__entry, table), offsetof(rasid__entry, row),
        offsetof(rasid__entry, cat), offsetof(rasid__entry, ntok), offsetof(rasid__entry, key),
        offsetof(rasid__entry, form),
        sizeof(posting), offsetof(posting, k), offsetof(posting, klen), offsetof(posting, e),
        offsetof(posting, cat), offsetof(posting, del_len), offsetof(posting, ntok), offsetof(posting, del_pos),
        sizeof(slot), offsetof(slot, h), offsetof(slot, first), offsetof(slot, count),
        sizeof(stop_rule), offsetof(stop_rule, cat), offsetof(stop_rule, side), offsetof(stop_rule, any),
        sizeof(stop_words), offsetof(stop_words, w), offsetof(stop_words, len), offsetof(stop_words, n),
        offsetof(stop_words, lens),
    };
    return rasid__hash64(v, sizeof v, LEXBIN_VERSION);
}

/* The preferred address: 2^45 (32 TiB) + a multiple of 4 GiB below 2^46 picked by the
 * source hash, far above the heap and AddressSanitizer's shadow and below the stack and
 * libraries of a 47-bit x86-64 address space. On other systems the range may well be
 * refused, and the file is rebased. */
static uint64_t lexbin_base(uint64_t source) { return ((uint64_t)1 << 45) + (source % 0x2000) * ((uint64_t)1 << 32); }

/* ---- writing */
typedef struct lbw {
    char *fixed;             /* every section but the pool, laid out */
    size_t off[LB_NSEC];     /* file offsets of the sections */
    size_t count[LB_NSEC];   /* elements of each (the pool: bytes so far) */
    size_t pos[LB_NSEC];     /* elements written */
    char *pool;
    size_t pool_cap;
    uint64_t base;
    int nomem;
} lbw;

/* the next element of section s */
static void put(lbw *w, int s, const void *x)
{
    memcpy(w->fixed + w->off[s] + w->pos[s]++ * lb_elsize[s], x, lb_elsize[s]);
}

/* the pointer to element i of section s, as the mapped file holds it */
static void *ref_elem(const lbw *w, int s, size_t i) { return (void *)(uintptr_t)(w->base + w->off[s] + i * lb_elsize[s]); }

/* a string copied into the pool; every "" shares the pool's byte 0 */
static void *ref_str(lbw *w, const char *s)
{
    if (!s) return NULL;
    size_t n = *s ? strlen(s) + 1 : 0, at = w->count[LB_POOL];
    if (!n) return (void *)(uintptr_t)(w->base + w->off[LB_POOL]);
    if (at + n > w->pool_cap) {
        size_t nc = w->pool_cap ? w->pool_cap * 2 : 1 << 16;
        while (nc < at + n) nc *= 2;
        char *np = w->nomem ? NULL : realloc(w->pool, nc);
        if (!np) { w->nomem = 1; return NULL; }
        w->pool = np;
        w->pool_cap = nc;
    }
    memcpy(w->pool + at, s, n);
    w->count[LB_POOL] = at + n;
    return (void *)(uintptr_t)(w->base + w->off[LB_POOL] + at);
}

static size_t slots_of(const index_t *ix) { return ix->slots ? ix->mask + 1 : 0; }

/* The elements of every section but the pool. */
static void lexbin_counts(const rasid_lexicon *lex, size_t *count)
{
    for (int c = 0; c < RASID_CAT_COUNT; c++)
        for (int k = 0; k < lex->ntables[c]; k++) {
            const rasid__table *t = lex->tables[c][k];
            count[LB_TABLES]++;
            count[LB_COLS] += (size_t)t->ncols;
            count[LB_ROWS] += t->nrows;
            count[LB_CELLS] += t->nrows * (size_t)t->ncols;
        }
    count[LB_ENTRIES] = lex->nentries;
    const index_t *ix[4] = {&lex->exact1, &lex->exact2, &lex->fuzzy, &lex->stop};
    for (int i = 0; i < 4; i++) {
        count[LB_X1_POST + 2 * i] = ix[i]->npost;
        count[LB_X1_SLOT + 2 * i] = slots_of(ix[i]);
    }
    count[LB_STOP_RULES] = lex->stop.npost;
    for (size_t k = 0; k < lex->stop.npost; k++)
        count[LB_STOP_WORDS] += lex->stop_rules[k].side[0].n + lex->stop_rules[k].side[1].n;
    count[LB_STOP_LENS] = count[LB_STOP_WORDS];
    count[LB_COUNTRIES] = lex->ncountries;
    count[LB_FZ_PROBE] = lex->fuzzy_probe.w ? lex->fuzzy_probe.mask + 1 : 0;
}

/* An index's postings (k: the entry's key when it is, else the string, once per entry)
 * and its slots as they are. */
static void save_index(lbw *w, const rasid_lexicon *lex, const index_t *ix, int spost, void *const *key_ref,
                       const char **other_k, void **other_ref)
{
    for (size_t i = 0; i < ix->npost; i++) {
        /* field by field into a zeroed posting: the struct's padding (and the deletion
         * fields an exact posting leaves unset) are never written uninitialised, so the
         * file's bytes are all defined and the same from run to run */
        posting p;
        memset(&p, 0, sizeof p);
        const posting *src = &ix->post[i];
        p.k = src->k;
        p.klen = src->klen;
        p.e = src->e;
        p.cat = src->cat;
        p.ntok = src->ntok;
        p.del_len = src->del_len;
        p.del_pos = src->del_pos;
        if (spost == LB_X1_POST || spost == LB_X2_POST) p.del_len = 0, p.del_pos = 0; /* unset there */
        if (p.k == lex->entries[p.e].key) {
            p.k = key_ref[p.e];
        } else {
            if (other_k[p.e] != ix->post[i].k) {
                other_k[p.e] = ix->post[i].k;
                other_ref[p.e] = ref_str(w, ix->post[i].k);
            }
            p.k = other_ref[p.e];
        }
        put(w, spost, &p);
    }
    if (ix->slots) memcpy(w->fixed + w->off[spost + 1], ix->slots, slots_of(ix) * sizeof *ix->slots);
}

/* The body checksum: every byte after the header but the fuzzy index's postings and
 * slots. Those are most of a large file (105 of 145 MB with 100,000 added names) and
 * map_index checks their structure (every key inside the pool, the runs partitioning
 * the postings), so a damaged one can only cost a fuzzy match; summing them cost a
 * third of a warm load. The sections must lie inside [0, len) in order (lexbin_adopt
 * checks that first; the bounds are clamped anyway). */
static uint64_t body_sum(const unsigned char *map, size_t len, const lexbin_header *h)
{
    size_t hdr = sizeof *h, lo = h->sec[LB_FZ_POST].off, hi = h->sec[LB_ST_POST].off;
    if (len < hdr) return 0;
    if (hi > len) hi = len;
    if (lo < hdr) lo = hdr;
    if (lo > hi) lo = hi;
    uint64_t x = rasid__hash64(map + hdr, lo - hdr, h->source);
    return rasid__hash64(map + hi, len - hi, x);
}

uint64_t rasid__lexbin_body_sum(const void *buf, size_t len)
{
    lexbin_header h;
    if (len < sizeof h) return 0;
    memcpy(&h, buf, sizeof h);
    return body_sum(buf, len, &h);
}

/* The binary form of a lexicon compiled from source files hashing to `source`, found
 * in data directory `datadir`, in one malloc'd buffer (*out, *outlen). */
static int lexbin_save(const rasid_lexicon *lex, uint64_t source, const char *datadir, char **out, size_t *outlen)
{
    lbw w;
    memset(&w, 0, sizeof w);
    lexbin_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, "RASIDLEX", 8);
    h.version = LEXBIN_VERSION;
    h.endian = 0x01020304;
    h.layout = lexbin_layout();
    h.build = rasid__build_id();
    h.source = source;
    if (rasid__cache_key(datadir, h.datadir, sizeof h.datadir) && h.datadir[0] != '/') h.datadir[0] = 0;
    h.base = w.base = lexbin_base(source);
    /* lay the sections out: all sizes but the pool's are known now */
    lexbin_counts(lex, w.count);
    size_t at = (sizeof h + LEXBIN_ALIGN - 1) / LEXBIN_ALIGN * LEXBIN_ALIGN;
    for (int s = 0; s < LB_POOL; s++) {
        w.off[s] = at;
        at += (w.count[s] * lb_elsize[s] + LEXBIN_ALIGN - 1) / LEXBIN_ALIGN * LEXBIN_ALIGN;
    }
    w.off[LB_POOL] = at;
    w.fixed = calloc(1, at);
    void **key_ref = malloc((lex->nentries + 1) * sizeof *key_ref);
    const char **other_k = calloc(lex->nentries + 1, sizeof *other_k);
    void **other_ref = calloc(lex->nentries + 1, sizeof *other_ref);
    const rasid__table *tabs[RASID_CAT_COUNT * MAX_TABLES_PER_CAT];
    size_t ntabs = 0;
    if (!w.fixed || !key_ref || !other_k || !other_ref) w.nomem = 1;
    /* the pool's byte 0 is the "" of every empty string */
    w.pool_cap = 1 << 16;
    w.pool = malloc(w.pool_cap);
    if (!w.pool) w.nomem = 1;
    else w.pool[0] = 0;
    w.count[LB_POOL] = 1;
    /* tables, their column names, rows and cells */
    for (int c = 0; c < RASID_CAT_COUNT && !w.nomem; c++) {
        h.ntables[c] = lex->ntables[c];
        for (int k = 0; k < lex->ntables[c]; k++) {
            const rasid__table *t = lex->tables[c][k];
            rasid__table x = *t;
            h.table_of[c][k] = (int32_t)ntabs;
            tabs[ntabs++] = t;
            x.path = ref_str(&w, t->path);
            x.cols = ref_elem(&w, LB_COLS, w.pos[LB_COLS]);
            for (int col = 0; col < t->ncols; col++) {
                void *r = ref_str(&w, t->cols[col]);
                put(&w, LB_COLS, &r);
            }
            x.rows = t->nrows ? ref_elem(&w, LB_ROWS, w.pos[LB_ROWS]) : NULL;
            for (size_t r = 0; r < t->nrows; r++) {
                void *row = ref_elem(&w, LB_CELLS, w.pos[LB_CELLS]);
                for (int col = 0; col < t->ncols; col++) {
                    void *cell = ref_str(&w, t->rows[r][col]);
                    put(&w, LB_CELLS, &cell);
                }
                put(&w, LB_ROWS, &row);
            }
            put(&w, LB_TABLES, &x);
        }
    }
    /* entries (grouped by table: the last table found is the next one's first guess) */
    size_t ti = 0;
    for (size_t i = 0; i < lex->nentries && !w.nomem; i++) {
        rasid__entry x = lex->entries[i];
        if (tabs[ti] != x.table)
            for (ti = 0; ti < ntabs && tabs[ti] != x.table; ti++) {}
        if (ti == ntabs) { w.nomem = 1; break; } /* cannot be */
        x.table = ref_elem(&w, LB_TABLES, ti);
        x.key = key_ref[i] = ref_str(&w, x.key);
        x.form = ref_str(&w, x.form);
        put(&w, LB_ENTRIES, &x);
    }
    if (!w.nomem) {
        save_index(&w, lex, &lex->exact1, LB_X1_POST, key_ref, other_k, other_ref);
        save_index(&w, lex, &lex->exact2, LB_X2_POST, key_ref, other_k, other_ref);
        save_index(&w, lex, &lex->fuzzy, LB_FZ_POST, key_ref, other_k, other_ref);
        save_index(&w, lex, &lex->stop, LB_ST_POST, key_ref, other_k, other_ref);
    }
    free(key_ref);
    free(other_k);
    free(other_ref);
    for (size_t k = 0; k < lex->stop.npost && !w.nomem; k++) {
        stop_rule x;
        memset(&x, 0, sizeof x); /* its padding too: see save_index */
        x.cat = ref_str(&w, lex->stop_rules[k].cat);
        x.any = lex->stop_rules[k].any;
        for (int side = 0; side < 2; side++) {
            const stop_words *sw = &lex->stop_rules[k].side[side];
            x.side[side].w = sw->n ? ref_elem(&w, LB_STOP_WORDS, w.pos[LB_STOP_WORDS]) : NULL;
            x.side[side].len = sw->n ? ref_elem(&w, LB_STOP_LENS, w.pos[LB_STOP_LENS]) : NULL;
            x.side[side].n = sw->n;
            x.side[side].lens = sw->lens;
            for (size_t j = 0; j < sw->n; j++) {
                void *r = ref_str(&w, sw->w[j]);
                put(&w, LB_STOP_WORDS, &r);
                put(&w, LB_STOP_LENS, &sw->len[j]);
            }
        }
        put(&w, LB_STOP_RULES, &x);
    }
    for (size_t k = 0; k < lex->ncountries && !w.nomem; k++) {
        void *r = ref_elem(&w, LB_ENTRIES, (size_t)(lex->country_entries[k] - lex->entries));
        put(&w, LB_COUNTRIES, &r);
    }
    /* the fuzzy probe filter as it is: building it walks every slot of the fuzzy index,
     * the largest part of what a load rebuilds */
    if (!w.nomem && w.count[LB_FZ_PROBE])
        memcpy(w.fixed + w.off[LB_FZ_PROBE], lex->fuzzy_probe.w, w.count[LB_FZ_PROBE] * sizeof(uint64_t));
    size_t size = w.off[LB_POOL] + w.count[LB_POOL];
    char *buf = w.nomem ? NULL : realloc(w.fixed, size);
    if (buf) {
        memcpy(buf + w.off[LB_POOL], w.pool, w.count[LB_POOL]);
        for (int s = 0; s < LB_NSEC; s++) {
            h.sec[s].off = w.off[s];
            h.sec[s].count = w.count[s];
        }
        h.size = size;
        memcpy(buf, &h, sizeof h);
        h.body = body_sum((const unsigned char *)buf, size, &h);
        memcpy(buf, &h, sizeof h);
    } else {
        free(w.fixed);
    }
    free(w.pool);
    if (!buf) return RASID_NOMEM;
    *out = buf;
    *outlen = size;
    return RASID_OK;
}

/* ---- mapping */
typedef struct lbr {
    unsigned char *p[LB_NSEC];
    size_t bytes[LB_NSEC], count[LB_NSEC];
    uint64_t base;      /* as written */
    uint64_t sec_lo[LB_NSEC]; /* each section's pointers as written: [lo, lo + bytes) */
    uintptr_t delta;    /* where it is mapped - base: 0 when at its preferred address */
} lbr;

/* Check the pointer field at `field`, as written, to point at an element of section s
 * (or be NULL, when nullable), and rebase it to where the file is mapped. */
static int rebase(const lbr *r, void *field, int s, int nullable)
{
    uint64_t v;
    uintptr_t a;
    memcpy(&a, field, sizeof a);
    if (!a) return nullable;
    v = (uint64_t)a - r->sec_lo[s];
    if ((uint64_t)a < r->sec_lo[s] || v >= r->bytes[s] || v % lb_elsize[s]) return 0;
    if (r->delta) {
        a += r->delta;
        memcpy(field, &a, sizeof a);
    }
    return 1;
}

/* Are there n elements of section s from address a (a rebased pointer into s)? */
static int fits(const lbr *r, int s, const void *a, size_t n)
{
    return a && (size_t)(r->p[s] + r->bytes[s] - (const unsigned char *)a) / lb_elsize[s] >= n;
}

/* Every pointer of an array of pointers rebased into section `to`. */
static int rebase_all(const lbr *r, int s, int to)
{
    char **a = (char **)r->p[s];
    for (size_t i = 0; i < r->count[s]; i++)
        if (!rebase(r, &a[i], to, 0)) return 0;
    return 1;
}

/* an index's postings and slots; kind 1: exact1, 2: exact2, 3: fuzzy, 4: stop. The
 * loops are the bulk of a load (a million fuzzy postings, four million slots): they
 * gather failures without branching. */
static int map_index(const lbr *r, index_t *ix, int spost, int kind, const rasid_lexicon *lex, const uint32_t *keylen)
{
    posting *post = (posting *)r->p[spost];
    size_t np = r->count[spost];
    uint64_t lo = r->sec_lo[LB_POOL], pool = r->bytes[LB_POOL], ne = lex->nentries;
    unsigned bad = 0;
    for (size_t i = 0; i < np; i++) {
        posting *p = &post[i];
        /* k (as written) in the pool with its klen + del_len bytes; the deletion inside */
        uint64_t off = (uint64_t)(uintptr_t)p->k - lo;
        bad |= (off >= pool) | (off + p->klen + p->del_len > pool) | (p->e >= ne) | (p->del_pos > p->klen);
        /* in integers: k may be anything until the check above has passed */
        if (r->delta) p->k = (const char *)((uintptr_t)p->k + r->delta);
    }
    if (bad) return 0;
    for (size_t i = 0; kind != 3 && i < np; i++) {
        /* the exact indexes point at the entry's key: the matcher reads on from there */
        const posting *p = &post[i];
        const rasid__entry *e = &lex->entries[p->e];
        bad |= (p->k != e->key) | (p->klen > keylen[p->e]) | (p->del_len != 0);
        if (kind != 4)
            bad |= (p->cat != e->cat) | (p->ntok != e->ntok) | (kind == 1 ? p->ntok != 1 : p->ntok < 2);
        /* exact2 holds a key's first two tokens, exactly one space between them, and
         * after them the key's end or the space before its third: the matcher's aids
         * split it there (build_match_aids) and read on to the third token */
        if (kind == 2 && !bad) {
            const char *sp = memchr(p->k, ' ', p->klen);
            bad |= !sp || memchr(sp + 1, ' ', p->klen - (size_t)(sp + 1 - p->k)) ||
                   p->k[p->klen] != (p->ntok == 2 ? '\0' : ' ');
        }
    }
    slot *sl = (slot *)r->p[spost + 1];
    size_t nsl = r->count[spost + 1], used = 0;
    if (bad || (nsl & (nsl - 1))) return 0;
    /* the runs partition the postings, in slot order, as index_build lays them out: the
     * matcher's aids walk the slots and place each run's postings in arrays sized by
     * the postings (build_pairs_exact3) */
    uint64_t at = 0;
    for (size_t i = 0; i < nsl; i++) {
        used += sl[i].count != 0;
        bad |= sl[i].count && sl[i].first != at;
        at += sl[i].count;
    }
    bad |= at != np;
    if (bad || (nsl && used == nsl)) return 0; /* a full table: a probe would never end */
    ix->post = post;
    ix->npost = np;
    ix->slots = nsl ? sl : NULL;
    ix->mask = nsl ? nsl - 1 : 0;
    return 1;
}

/* Check (and rebase, when not at h->base) the binary form mapped at map[0..len) and
 * adopt it. 1 when lex now uses it; 0 if it is not usable (lex is then as before, and
 * the caller unmaps it). check_sum 0 skips the body checksum (fuzzing: see
 * rasid__lexbin_adopt_buffer). */
static int lexbin_adopt(rasid_lexicon *lex, const lexbin_header *hp, unsigned char *map, size_t len, int check_sum)
{
    lexbin_header h = *hp;
    lbr r;
    r.base = h.base;
    r.delta = (uintptr_t)map - (uintptr_t)h.base;
    uint64_t prev_end = sizeof h;
    for (int s = 0; s < LB_NSEC; s++) {
        /* in order, aligned, inside the file, not overlapping */
        uint64_t off = h.sec[s].off, n = h.sec[s].count;
        if (off < prev_end || off % LEXBIN_ALIGN || off > len || n > (len - off) / lb_elsize[s]) return 0;
        r.p[s] = map + off;
        r.count[s] = (size_t)n;
        r.bytes[s] = (size_t)n * lb_elsize[s];
        r.sec_lo[s] = h.base + off;
        prev_end = off + r.bytes[s];
    }
    /* damage that the structure checks below cannot see (a bit flipped in a hash) */
    if (check_sum && body_sum(map, len, &h) != h.body) return 0;
    /* strings: every pointer is to a byte of the pool, which ends with a NUL, so any
     * string read from there ends inside it */
    if (!r.bytes[LB_POOL] || r.p[LB_POOL][0] || r.p[LB_POOL][r.bytes[LB_POOL] - 1]) return 0;
    if (!rebase_all(&r, LB_COLS, LB_POOL) || !rebase_all(&r, LB_CELLS, LB_POOL) ||
        !rebase_all(&r, LB_ROWS, LB_CELLS) || !rebase_all(&r, LB_STOP_WORDS, LB_POOL) ||
        !rebase_all(&r, LB_COUNTRIES, LB_ENTRIES))
        return 0;
    rasid__table *tabs = (rasid__table *)r.p[LB_TABLES];
    for (size_t i = 0; i < r.count[LB_TABLES]; i++) {
        rasid__table *t = &tabs[i];
        if (!rebase(&r, &t->path, LB_POOL, 0) || t->cat < 0 || t->cat >= RASID_CAT_COUNT || t->ncols < 1 ||
            t->ncols > 64 || !rebase(&r, &t->cols, LB_COLS, 0) || !fits(&r, LB_COLS, t->cols, (size_t)t->ncols) ||
            !rebase(&r, &t->rows, LB_ROWS, t->nrows == 0) || (t->nrows && !fits(&r, LB_ROWS, t->rows, t->nrows)))
            return 0;
        if (t->col_ar < 0 || t->col_ar >= t->ncols || t->col_kind < -1 || t->col_kind >= t->ncols ||
            t->col_sector < -1 || t->col_sector >= t->ncols || t->col_country < -1 || t->col_country >= t->ncols ||
            t->col_id < -1 || t->col_id >= t->ncols || t->col_name < -1 || t->col_name >= t->ncols)
            return 0;
        for (int k = 0; k < RASID__COL_COUNT; k++)
            if (t->tcol[k] < -1 || t->tcol[k] >= t->ncols) return 0;
        for (size_t row = 0; row < t->nrows; row++)
            if (!fits(&r, LB_CELLS, t->rows[row], (size_t)t->ncols)) return 0;
    }
    for (int c = 0; c < RASID_CAT_COUNT; c++) {
        if (h.ntables[c] < 0 || h.ntables[c] > MAX_TABLES_PER_CAT) return 0;
        for (int k = 0; k < h.ntables[c]; k++) {
            if (h.table_of[c][k] < 0 || (size_t)h.table_of[c][k] >= r.count[LB_TABLES]) return 0;
            if (tabs[h.table_of[c][k]].cat != c) return 0;
        }
    }
    /* entries; their key lengths for the postings' checks */
    rasid__entry *ent = (rasid__entry *)r.p[LB_ENTRIES];
    size_t ne = r.count[LB_ENTRIES];
    if (ne >= UINT32_MAX) return 0;
    uint32_t *keylen = malloc((ne + 1) * sizeof *keylen);
    if (!keylen) return 0;
    int ok = 1;
    for (size_t i = 0; i < ne && ok; i++) {
        rasid__entry *e = &ent[i];
        ok = rebase(&r, &e->table, LB_TABLES, 0) && rebase(&r, &e->key, LB_POOL, 0) &&
             rebase(&r, &e->form, LB_POOL, 0) && e->row < e->table->nrows && e->cat == e->table->cat;
        if (!ok) break;
        /* ntok is the key's tokens: the matcher counts on it */
        size_t kl = strlen(e->key), nt = 1;
        for (const char *q = memchr(e->key, ' ', kl); q; q = memchr(q + 1, ' ', kl - (size_t)(q + 1 - e->key))) nt++;
        ok = kl && kl < UINT32_MAX && nt == e->ntok;
        keylen[i] = (uint32_t)kl;
    }
    lex->entries = ent;
    lex->nentries = ok ? ne : 0;
    ok = ok && map_index(&r, &lex->exact1, LB_X1_POST, 1, lex, keylen) &&
         map_index(&r, &lex->exact2, LB_X2_POST, 2, lex, keylen) &&
         map_index(&r, &lex->fuzzy, LB_FZ_POST, 3, lex, keylen) &&
         map_index(&r, &lex->stop, LB_ST_POST, 4, lex, keylen);
    free(keylen);
    /* stop rules: one per stop posting */
    stop_rule *rules = (stop_rule *)r.p[LB_STOP_RULES];
    ok = ok && r.count[LB_STOP_RULES] == lex->stop.npost;
    const unsigned char *pool_end = r.p[LB_POOL] + r.bytes[LB_POOL];
    for (size_t k = 0; ok && k < r.count[LB_STOP_RULES]; k++) {
        stop_rule *x = &rules[k];
        ok = rebase(&r, &x->cat, LB_POOL, 1);
        for (int side = 0; side < 2 && ok; side++) {
            stop_words *sw = &x->side[side];
            ok = rebase(&r, &sw->w, LB_STOP_WORDS, sw->n == 0) && rebase(&r, &sw->len, LB_STOP_LENS, sw->n == 0) &&
                 (!sw->n || (fits(&r, LB_STOP_WORDS, sw->w, sw->n) && fits(&r, LB_STOP_LENS, sw->len, sw->n)));
            for (size_t j = 0; ok && j < sw->n; j++)
                ok = (size_t)(pool_end - (const unsigned char *)sw->w[j]) > sw->len[j];
        }
    }
    /* countries: looked up by their `country` cell */
    const rasid__entry **countries = (const rasid__entry **)r.p[LB_COUNTRIES];
    for (size_t k = 0; ok && k < r.count[LB_COUNTRIES]; k++) ok = rasid__entry_field(countries[k], "country") != NULL;
    if (!ok) {
        memset(&lex->exact1, 0, sizeof lex->exact1);
        memset(&lex->exact2, 0, sizeof lex->exact2);
        memset(&lex->fuzzy, 0, sizeof lex->fuzzy);
        memset(&lex->stop, 0, sizeof lex->stop);
        lex->entries = NULL;
        lex->nentries = 0;
        return 0;
    }
    for (int c = 0; c < RASID_CAT_COUNT; c++) {
        lex->ntables[c] = h.ntables[c];
        for (int k = 0; k < h.ntables[c]; k++) lex->tables[c][k] = &tabs[h.table_of[c][k]];
    }
    lex->stop_rules = rules;
    lex->country_entries = countries;
    lex->ncountries = r.count[LB_COUNTRIES];
    /* the fuzzy probe filter: any bits will do for safety (a wrong bit only costs or
     * wastes a probe); a size that is no power of two is not used and the filter is
     * rebuilt by build_match_aids */
    size_t nw = r.count[LB_FZ_PROBE];
    if (nw && !(nw & (nw - 1))) {
        lex->fuzzy_probe.w = (uint64_t *)r.p[LB_FZ_PROBE];
        lex->fuzzy_probe.mask = nw - 1;
        lex->fuzzy_probe_mapped = 1;
    }
    return 1;
}

/* The header fields that say whether this build can read the file at all (the file's
 * identity, build and source, is compared by the caller). */
static int lexbin_header_ok(const lexbin_header *h, size_t len)
{
    return !memcmp(h->magic, "RASIDLEX", 8) && h->version == LEXBIN_VERSION && h->endian == 0x01020304 &&
           h->layout == lexbin_layout() && h->size == len && h->base % 4096 == 0;
}

/* Map the binary form in `path` if it is a compilation of the files hashing to `source`
 * by this build; 1 when lex now uses it. */
static int lexbin_map(rasid_lexicon *lex, const char *path, uint64_t source)
{
    lexbin_header h;
    size_t len;
    int fd = rasid__open_cache(path, &h, sizeof h, &len);
    if (fd < 0) return 0;
    if (!lexbin_header_ok(&h, len) || h.source != source || h.build != rasid__build_id()) {
        close(fd);
        return 0;
    }
    int moved = 0;
    unsigned char *map = rasid__map_fd(fd, len, (uintptr_t)h.base, &moved);
    close(fd);
    if (!map) return 0;
    if (!lexbin_adopt(lex, &h, map, len, 1)) {
        munmap(map, len);
        return 0;
    }
    /* immutable from now on, as a compiled lexicon is (already so at the base) */
    if (moved) mprotect(map, len, PROT_READ);
    lex->map = map;
    lex->map_len = len;
    return 1;
}

size_t rasid__lexbin_header_size(void) { return sizeof(lexbin_header); }

rasid_lexicon *rasid__lexbin_adopt_buffer(void *buf, size_t len, int check_sum)
{
    lexbin_header h;
    if (!buf || len < sizeof h) return NULL;
    memcpy(&h, buf, sizeof h);
    if (!lexbin_header_ok(&h, len)) return NULL;
    rasid_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex) return NULL;
    rasid__arena_init(&lex->arena);
    lex->dir = strdup("(buffer)");
    if (!lex->dir || !lexbin_adopt(lex, &h, buf, len, check_sum)) {
        free(lex->dir);
        free(lex);
        return NULL;
    }
    lex->map = buf;
    lex->map_len = len;
    lex->map_borrowed = 1;
    /* as lexicon_open does after mapping a file */
    if (build_match_aids(lex) != RASID_OK) {
        rasid_lexicon_free(lex);
        return NULL;
    }
    return lex;
}

/* ------------------------------------------------------------------ loading */
enum { LOAD_CACHED, LOAD_COMPILE };

/* Load the dictionaries of datadir: from the cache file when it is a compilation of the
 * same files by the same build, else compiling the TSV files (and then saving the
 * binary form, to the cache file or to out_path). */
static rasid_lexicon *lexicon_open(const char *datadir, int mode, const char *out_path, char *err, size_t errlen,
                                   int *saved)
{
    char dummy[8];
    if (!err) { err = dummy; errlen = sizeof dummy; }
    err[0] = 0;
    if (!datadir) datadir = getenv("RASID_DATA");
    if (!datadir || !*datadir) datadir = "data";
    if (!dir_exists(datadir)) {
        snprintf(err, errlen, "%s: dictionary directory not found", datadir);
        return NULL;
    }
    rasid_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex) { snprintf(err, errlen, "out of memory"); return NULL; }
    rasid__arena_init(&lex->arena);
    lex->dir = strdup(datadir);
    int rc = lex->dir ? RASID_OK : RASID_NOMEM;
    if (rc == RASID_OK) rc = read_sources(lex, datadir, err, errlen);
    uint64_t source = rc == RASID_OK ? source_hash(lex, datadir) : 0;
    char cpath[PATH_MAX];
    const char *cache = out_path;
    if (!cache && !rasid__cache_off() && rasid__cache_path(datadir, cpath, sizeof cpath)) cache = cpath;
    if (rc == RASID_OK && cache && mode == LOAD_CACHED && lexbin_map(lex, cache, source)) {
        free_sources(lex);
        rc = build_match_aids(lex);
        if (rc == RASID_OK) return lex;
        snprintf(err, errlen, "%s: %s", datadir, rasid_strerror(rc));
        rasid_lexicon_free(lex);
        return NULL;
    }
    if (rc == RASID_OK) rc = compile_sources(lex, err, errlen);
    if (rc == RASID_OK) rc = build_match_aids(lex);
    if (rc == RASID_OK && cache) {
        char *bin;
        size_t binlen;
        int src = lexbin_save(lex, source, datadir, &bin, &binlen);
        if (src == RASID_OK) {
            int w = rasid__write_atomic(cache, bin, binlen);
            if (w == 0 && cache == cpath) {
                /* a write is rare (a first load, changed files): the moment to drop the
                 * cache files of data directories that are gone */
                rasid__cache_stamp st = {.version = LEXBIN_VERSION, .dir_off = offsetof(lexbin_header, datadir),
                                         .dir_len = sizeof(((lexbin_header *)0)->datadir)};
                memcpy(st.magic, "RASIDLEX", 8);
                rasid__cache_prune(cache, &st);
            }
            if (saved) *saved = w == 0;
            if (w != 0 && out_path) snprintf(err, errlen, "%s: %s", out_path, strerror(errno));
            free(bin);
        }
    }
    if (rc != RASID_OK) {
        if (!err[0]) snprintf(err, errlen, "%s: %s", datadir, rasid_strerror(rc));
        rasid_lexicon_free(lex);
        return NULL;
    }
    return lex;
}

rasid_lexicon *rasid_lexicon_load(const char *datadir, char *err, size_t errlen)
{
    return lexicon_open(datadir, LOAD_CACHED, NULL, err, errlen, NULL);
}

int rasid_lexicon_compile(const char *datadir, const char *out_path, char *err, size_t errlen, size_t *nentries)
{
    char dummy[8];
    if (!err) { err = dummy; errlen = sizeof dummy; }
    int saved = 0;
    if (!out_path && rasid__cache_off()) {
        snprintf(err, errlen, "the dictionary cache is off (RASID_CACHE): give an output file");
        return RASID_ARG;
    }
    rasid_lexicon *lex = lexicon_open(datadir, LOAD_COMPILE, out_path, err, errlen, &saved);
    if (!lex) return RASID_DATA;
    if (nentries) *nentries = lex->nentries;
    rasid_lexicon_free(lex);
    if (!saved) {
        if (!err[0]) snprintf(err, errlen, "cannot write the compiled dictionaries");
        return RASID_IO;
    }
    return RASID_OK;
}

static int cmp_country(const void *a, const void *b)
{
    const rasid__entry *x = *(const rasid__entry *const *)a, *y = *(const rasid__entry *const *)b;
    return strcmp(rasid__entry_field(x, "country"), rasid__entry_field(y, "country"));
}

void rasid_lexicon_free(rasid_lexicon *lex)
{
    if (!lex) return;
    if (lex->map) {
        /* the arrays are in the mapping */
        if (!lex->map_borrowed) munmap(lex->map, lex->map_len);
    } else {
        index_free(&lex->exact1);
        index_free(&lex->exact2);
        index_free(&lex->fuzzy);
        index_free(&lex->stop);
        free(lex->stop_rules);
        free(lex->entries);
        free(lex->country_entries);
    }
    /* the matcher's aids are built at every load, mapped or compiled */
    index_free(&lex->pairs);
    index_free(&lex->exact3);
    free(lex->first2.w);
    free(lex->prefix3.w);
    if (!lex->fuzzy_probe_mapped) free(lex->fuzzy_probe.w);
    free(lex->cue_id);
    free(lex->ll);
    free(lex->country_by_code);
    free(lex->stop_slot);
    free_sources(lex);
    free(lex->dir);
    rasid__arena_release(&lex->arena);
    free(lex);
}

size_t rasid_lexicon_size(const rasid_lexicon *lex) { return lex ? lex->nentries : 0; }
int rasid_lexicon_mapped(const rasid_lexicon *lex) { return lex && lex->map; }
const char *rasid_lexicon_dir(const rasid_lexicon *lex) { return lex ? lex->dir : NULL; }

/* ------------------------------------------------------------------ entry fields */
int rasid__table_col(const rasid__table *t, const char *col)
{
    if (!t) return -1;
    for (int c = 0; c < t->ncols; c++) /* names differ at their first letter, mostly */
        if (t->cols[c][0] == col[0] && !strcmp(t->cols[c], col)) return c;
    return -1;
}

const rasid__table *rasid__lex_table(const rasid_lexicon *lex, int cat)
{
    return cat >= 0 && cat < RASID_CAT_COUNT && lex->ntables[cat] ? lex->tables[cat][0] : NULL;
}

/* The country entry (places.tsv, kind country) for an ISO3 code, or NULL. */
const rasid__entry *rasid__lex_country(const rasid_lexicon *lex, const char *iso3)
{
    if (!iso3 || !*iso3) return NULL;
    int k = lex->country_by_code ? code3(iso3) : -1;
    if (k >= 0 && lex->country_by_code[k] >= 0)
        return lex->country_by_code[k] ? lex->country_entries[lex->country_by_code[k] - 1] : NULL;
    size_t lo = 0, hi = lex->ncountries;
    const rasid__table *t = NULL; /* the column found once per table, not at every step */
    int col = -1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const rasid__entry *e = lex->country_entries[mid];
        if (e->table != t) {
            t = e->table;
            col = rasid__table_col(t, "country");
        }
        const char *v = rasid__entry_fieldi(e, col); /* (NULL in a table with no such column) */
        int c = strcmp(v ? v : "", iso3);
        if (c == 0) return lex->country_entries[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ------------------------------------------------------------------ matching */
static int tok_eq(const rasid_token *t, const char *k, size_t kl)
{
    return t->nlen == kl && !memcmp(t->norm, k, kl);
}

/* Do the key's remaining tokens p (" c d ...", each after a space; "" for none) match
 * doc tokens j, j+1, ... of sentence `sent`? The last key token may carry an enclitic
 * (or, rarely, a following clitic form). used: the tokens matched before j. Returns
 * the number of doc tokens the key covers, or 0. */
static uint32_t match_rest(const rasid_doc *doc, size_t j, uint32_t sent, uint32_t used, const char *p)
{
    const rasid_token *toks = doc->tokens.data;
    size_t nt = doc->tokens.len;
    while (*p) {
        p++; /* the space before the key token */
        if (j >= nt || toks[j].sent != sent) return 0;
        const rasid_token *t = &toks[j];
        /* the whole form, compared byte by byte: most keys differ at the first byte, and
         * the key token's end (space or NUL) stops a longer token */
        size_t i = 0;
        while (i < t->nlen && p[i] == t->norm[i]) i++;
        if (i == t->nlen && (p[i] == ' ' || !p[i])) {
            p += i;
        } else {
            if (strchr(p + i, ' ')) return 0; /* not the last key token */
            size_t l = i + strlen(p + i);
            int ok = 0;
            for (uint16_t r = 1; r < t->nreadings && !ok; r++) {
                const rasid_reading *rd = &t->readings[r];
                if (rd->pro[0] || rd->article) continue;
                ok = strlen(rd->stem) == l && !memcmp(rd->stem, p, l);
            }
            if (!ok) return 0;
            p += l;
        }
        used++;
        j++;
    }
    return used;
}

static size_t push_match(rasid__match *out, size_t n, size_t max, const rasid__match *m)
{
    for (size_t i = 0; i < n; i++)
        if (out[i].e == m->e && out[i].ntok == m->ntok) return n;
    if (n < max) out[n++] = *m;
    return n;
}

/* Entries whose key starts at token `tok` with first token k[0..kl): single-token keys
 * from exact1, longer keys from exact2 under "k next-token" (and, for two-token keys,
 * "k stem" for the next token's enclitic readings). The runs of postings found are each
 * in entry order and are merged by entry index, so matches come in entry order. */
/* A run of postings of one index slot, in entry order, and which of them count: those
 * of categories in the mask and, when ntok_only is set, of keys of exactly that many
 * tokens. run_skip() moves p to the next posting that counts. */
typedef struct run {
    const posting *p, *end;
    uint16_t ntok_only;
} run;

static inline int run_skip(run *r, unsigned catmask)
{
    while (r->p < r->end && (!(catmask & RASID_CATBIT(r->p->cat)) || (r->ntok_only && r->p->ntok != r->ntok_only)))
        r->p++;
    return r->p < r->end;
}

/* Entries whose key starts at token `tok` with first token k[0..kl): single-token keys
 * from exact1, two-token keys from pairs under "k next-token" (and "k stem" for the
 * next token's enclitic readings), longer keys from exact3 under "k next next2" (and,
 * for three-token keys, "k next stem" for the enclitic readings of the one after).
 * Keys of more tokens are then compared token by token (match_rest). The runs of
 * postings found are each in entry order and are merged by entry index, so matches
 * come in entry order. */
#define CTX_LONG 2
static size_t lookup_first(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, const char *k,
                           size_t kl, unsigned catmask, uint16_t reading, uint8_t article,
                           rasid__match *out, size_t n, size_t max, int *ctx)
{
    run runs[4 + 2 * RASID__MAX_READINGS_LEX];
    int nr = 0, maxr = (int)(sizeof runs / sizeof *runs);
#define ADD_RUN(ix, sl, only)                                                                  \
    do {                                                                                       \
        runs[nr] = (run){(ix)->post + (sl)->first, (ix)->post + (sl)->first + (sl)->count, (only)}; \
        nr += run_skip(&runs[nr], catmask);                                                    \
    } while (0)
    /* k's hash serves exact1, the first-token filter and, extended, exact2's and exact3's keys */
    uint64_t hk = fnv_step(FNV_BASIS, k, kl);
    const slot *sl = index_find_h(&lex->exact1, hk ? hk : 1, k, kl);
    if (sl) ADD_RUN(&lex->exact1, sl, 0);
    const rasid_token *toks = doc->tokens.data;
    size_t nt = doc->tokens.len;
    uint32_t sent = toks[tok].sent;
    int multi = bloom_has(&lex->first2, hk); /* k may start a multi-token key */
    *ctx |= multi;
    if (multi && tok + 1 < nt && toks[tok + 1].sent == sent) {
        const index_t *x2 = &lex->pairs;
        const rasid_token *nx = &toks[tok + 1];
        uint64_t hsp = fnv_step(hk, " ", 1);
        sl = index_find2(x2, hsp, k, kl, nx->norm, nx->nlen);
        if (sl) ADD_RUN(x2, sl, 0);
        /* the last key token may carry an enclitic */
        for (uint16_t r = 1; r < nx->nreadings && nr < maxr; r++) {
            const rasid_reading *rd = &nx->readings[r];
            if (rd->pro[0] || rd->article) continue;
            sl = index_find2(x2, hsp, k, kl, rd->stem, strlen(rd->stem));
            if (sl) ADD_RUN(x2, sl, 0);
        }
        /* longer keys: these two tokens and the third */
        uint64_t hab = fnv_step(hsp, nx->norm, nx->nlen);
        if (tok + 2 < nt && toks[tok + 2].sent == sent && bloom_has(&lex->prefix3, hab)) {
            const index_t *x3 = &lex->exact3;
            const rasid_token *n2 = &toks[tok + 2];
            uint64_t h2 = fnv_step(hab, " ", 1);
            const slot *s3 = index_find3(x3, h2, k, kl, nx->norm, nx->nlen, n2->norm, n2->nlen);
            if (s3) ADD_RUN(x3, s3, 0);
            for (uint16_t r = 1; r < n2->nreadings && nr < maxr; r++) {
                const rasid_reading *rd = &n2->readings[r];
                if (rd->pro[0] || rd->article) continue;
                s3 = index_find3(x3, h2, k, kl, nx->norm, nx->nlen, rd->stem, strlen(rd->stem));
                if (s3) ADD_RUN(x3, s3, 3);
            }
        }
    }
#undef ADD_RUN
    while (nr) {
        int b = 0;
        for (int q = 1; q < nr; q++)
            if (runs[q].p->e < runs[b].p->e) b = q;
        const posting *p = runs[b].p++;
        if (!run_skip(&runs[b], catmask)) runs[b] = runs[--nr];
        const rasid__entry *e = &lex->entries[p->e];
        if (p->ntok > 3) *ctx |= CTX_LONG;
        uint32_t used = p->ntok > 3 ? match_rest(doc, tok + 3, sent, 3, e->key + p->klen) : p->ntok;
        if (!used) continue;
        rasid__match m = {e, (uint32_t)tok, used, reading, 0, article, (uint8_t)e->cat};
        n = push_match(out, n, max, &m);
    }
    return n;
}

static size_t fuzzy_lookup(const rasid_lexicon *lex, const char *k, size_t kl, unsigned catmask,
                           size_t tok, rasid__match *out, size_t n, size_t max)
{
    /* k itself against the deletion index (token lacks one letter, or substitution
     * via both sides' deletions below), and k's deletions against the exact keys and
     * the deletion index. */
    char v[512];
    if (kl >= sizeof v) return n;
    uint64_t hk = fnv1a(k, kl);
    const slot *sl = bloom_has(&lex->fuzzy_probe, hk) ? index_find_h(&lex->fuzzy, hk, k, kl) : NULL;
    for (uint32_t i = 0; sl && i < sl->count; i++) {
        const rasid__entry *e = &lex->entries[lex->fuzzy.post[sl->first + i].e];
        if (!(catmask & RASID_CATBIT(e->cat))) continue;
        rasid__match m = {e, (uint32_t)tok, 1, 0, 1, 0, (uint8_t)e->cat};
        n = push_match(out, n, max, &m);
    }
    size_t i = 0;
    uint64_t hpre = FNV_BASIS; /* hash of k[0..i): each deletion hashes only its suffix */
    int subst_ok = -1;          /* long enough for a substitution (computed when needed) */
    while (i < kl) {
        size_t cl = 1;
        while (i + cl < kl && ((unsigned char)k[i + cl] & 0xC0) == 0x80) cl++;
        uint64_t hv = fnv_step(hpre, k + i + cl, kl - i - cl);
        if (!hv) hv = 1;
        hpre = fnv_step(hpre, k + i, cl);
        /* most deletions are no key of either index: the filter says so without a probe */
        if (!bloom_has(&lex->fuzzy_probe, hv)) {
            i += cl;
            continue;
        }
        memcpy(v, k, i);
        memcpy(v + i, k + i + cl, kl - i - cl);
        size_t vl = kl - cl;
        /* token has one extra letter: its deletion is an exact single-token key */
        const index_t *ex = &lex->exact1;
        const slot *s2 = index_find_h(ex, hv, v, vl);
        for (uint32_t j = 0; s2 && j < s2->count; j++) {
            const rasid__entry *e = &lex->entries[ex->post[s2->first + j].e];
            if (!(catmask & RASID_CATBIT(e->cat)) || e->ntok != 1 || !fuzzy_entry(e)) continue;
            if (key_letters(e->key, strlen(e->key)) < FUZZY_MIN_LETTERS) continue;
            rasid__match m = {e, (uint32_t)tok, 1, 0, 1, 0, (uint8_t)e->cat};
            n = push_match(out, n, max, &m);
        }
        /* substitution: both lose the same position (not for adjectives: الغالبية is no
         * misspelt الغامبية) */
        const slot *s3 = index_find_h(&lex->fuzzy, hv, v, vl);
        for (uint32_t j = 0; s3 && j < s3->count; j++) {
            const rasid__entry *e = &lex->entries[lex->fuzzy.post[s3->first + j].e];
            if (!(catmask & RASID_CATBIT(e->cat)) || e->cat == RASID_CAT_NISBA) continue;
            /* a substituted letter turns short words into other words: only long names */
            if (subst_ok < 0) subst_ok = key_letters(k, kl) >= FUZZY_SUBST_MIN_LETTERS;
            if (!subst_ok) continue;
            rasid__match m = {e, (uint32_t)tok, 1, 0, 1, 0, (uint8_t)e->cat};
            n = push_match(out, n, max, &m);
        }
        i += cl;
    }
    return n;
}

static int cmp_match(const void *a, const void *b)
{
    const rasid__match *x = a, *y = b;
    if (x->fuzzy != y->fuzzy) return x->fuzzy - y->fuzzy;
    if (x->ntok != y->ntok) return x->ntok > y->ntok ? -1 : 1;
    if (x->reading != y->reading) return x->reading - y->reading;
    return x->e < y->e ? -1 : (x->e > y->e);
}

/* The exact matches at token `tok`, in the order they are found (deduplicated, at most
 * max, unsorted). *ctx is set when they may depend on the tokens after it (a reading
 * could start a multi-token key); otherwise they depend on the token's word alone. It has
 * CTX_LONG when a key of more than three tokens was tried: they may then depend on more
 * than the next two tokens. */
static size_t exact_matches(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, unsigned catmask,
                            rasid__match *out, size_t max, int *ctx)
{
    const rasid_token *t = &((const rasid_token *)doc->tokens.data)[tok];
    size_t n = 0;
    n = lookup_first(lex, doc, tok, t->norm, t->nlen, catmask, 0, 0, out, n, max, ctx);
    char buf[600];
    for (uint16_t r = 1; r < t->nreadings; r++) {
        const rasid_reading *rd = &t->readings[r];
        size_t sl = strlen(rd->stem);
        /* the first-person ي ("my") is not worth a match: "وزارتي" is not "و+زارت+ي" */
        if (rd->enc[0] == '\xD9' && rd->enc[1] == '\x8A' && !rd->enc[2]) continue;
        if (rd->article) {
            if (sl + 4 >= sizeof buf) continue;
            memcpy(buf, "\xD8\xA7\xD9\x84", 4); /* ال */
            memcpy(buf + 4, rd->stem, sl);
            n = lookup_first(lex, doc, tok, buf, sl + 4, catmask, r, 1, out, n, max, ctx);
            /* event nouns take the article freely: الهجوم is هجوم (the match keeps
             * article = 1 so that the coder can tell a reference from a new event) */
            if (catmask & RASID_CATBIT(RASID_CAT_TRIGGER))
                n = lookup_first(lex, doc, tok, rd->stem, sl, RASID_CATBIT(RASID_CAT_TRIGGER), r, 2, out, n, max, ctx);
        } else if (rd->enc[0] && !rd->pro[0]) {
            /* enclitic only: names rarely take pronouns; a verb of violence or coercion
             * takes its object ("اختطفتهم", "اعتقلته", "قتلوهم": the plural's alef is not
             * written before it) */
            if ((catmask & RASID_CATBIT(RASID_CAT_ACTOR)) && sl >= 6) {
                /* but people named by where they live or whose they are take one: "سبعة من
                 * سكانها", "أهاليهم" (generic civilians: sector CVL, country "?") */
                size_t b0 = n;
                n = lookup_first(lex, doc, tok, rd->stem, sl, RASID_CATBIT(RASID_CAT_ACTOR), r, 0, out, n, max, ctx);
                size_t kept = b0;
                for (size_t z = b0; z < n; z++) {
                    const char *sec = rasid__entry_field(out[z].e, "sector"), *co = rasid__entry_field(out[z].e, "country");
                    if (out[z].ntok == 1 && sec && rasid__streq(sec, "CVL") && co && rasid__streq(co, "?"))
                        out[kept++] = out[z];
                }
                n = kept;
            }
            if (!(catmask & RASID_CATBIT(RASID_CAT_TRIGGER)) || sl < 4) continue;
            size_t before = n;
            n = lookup_first(lex, doc, tok, rd->stem, sl, RASID_CATBIT(RASID_CAT_TRIGGER), r, 0, out, n, max, ctx);
            if (n == before && sl + 2 < sizeof buf && !memcmp(rd->stem + sl - 2, "\xD9\x88", 2)) { /* ...و */
                memcpy(buf, rd->stem, sl);
                memcpy(buf + sl, "\xD8\xA7", 2); /* + ا */
                n = lookup_first(lex, doc, tok, buf, sl + 2, RASID_CATBIT(RASID_CAT_TRIGGER), r, 0, out, n, max, ctx);
            }
            size_t kept = before;
            for (size_t z = before; z < n; z++) {
                const char *pos = rasid__entry_field(out[z].e, "pos"), *type = rasid__entry_field(out[z].e, "type");
                if (pos && rasid__streq(pos, "V") && type && (rasid__streq(type, "ASSAULT") || rasid__streq(type, "COERCE")))
                    out[kept++] = out[z];
                /* a withdrawal's verbal noun of a derived form (انفعال: it begins with
                 * alef) takes its doer as a possessive: "بدأت القوات الفرنسية انسحابها"
                 * (the verb forms never take one: انسحب is intransitive) */
                else if (type && rasid__streq(type, "RETREAT") && sl >= 10 && !memcmp(rd->stem, "\xD8\xA7", 2))
                    out[kept++] = out[z];
            }
            n = kept;
            continue;
        } else {
            n = lookup_first(lex, doc, tok, rd->stem, sl, catmask, r, 0, out, n, max, ctx);
        }
    }
    /* the indefinite accusative of a nisba ends in a written alef (جزائريًا -> جزائريا):
     * read it as the base adjective */
    if ((catmask & RASID_CATBIT(RASID_CAT_NISBA)) && t->nlen > 6 &&
        !memcmp(t->norm + t->nlen - 4, "\xD9\x8A\xD8\xA7", 4)) {
        n = lookup_first(lex, doc, tok, t->norm, t->nlen - 2, RASID_CATBIT(RASID_CAT_NISBA), 0, 0, out, n, max, ctx);
        for (uint16_t r = 1; r < t->nreadings; r++) {
            const rasid_reading *rd = &t->readings[r];
            size_t sl = strlen(rd->stem);
            if (rd->article || rd->enc[0] || sl <= 6) continue;
            n = lookup_first(lex, doc, tok, rd->stem, sl - 2, RASID_CATBIT(RASID_CAT_NISBA), r, 0, out, n, max, ctx);
        }
    }
    return n;
}

/* Matches within one edit of token t (categories fmask), appended to out[0..n). */
static size_t fuzzy_step(const rasid_lexicon *lex, const rasid_token *t, size_t tok, unsigned fmask,
                         rasid__match *out, size_t n, size_t max)
{
    char buf[600];
    if (key_letters(t->norm, t->nlen) < FUZZY_MIN_LETTERS) return n;
    size_t before = n;
    n = fuzzy_lookup(lex, t->norm, t->nlen, fmask, tok, out, n, max);
    /* also the token with its proclitics removed (و + typo) */
    for (uint16_t r = 1; r < t->nreadings && n == before; r++) {
        const rasid_reading *rd = &t->readings[r];
        if (rd->enc[0]) continue;
        size_t sl = strlen(rd->stem);
        const char *k = rd->stem;
        if (rd->article) {
            if (sl + 4 >= sizeof buf) continue;
            memcpy(buf, "\xD8\xA7\xD9\x84", 4);
            memcpy(buf + 4, rd->stem, sl);
            k = buf;
            sl += 4;
        }
        if (key_letters(k, sl) >= FUZZY_MIN_LETTERS) n = fuzzy_lookup(lex, k, sl, fmask, tok, out, n, max);
    }
    return n;
}

/* Per-document memo of fuzzy_step: a token's fuzzy candidates depend only on its word
 * (the segmenter gives every token of one normalised form, kind and hint the same
 * readings array, which identifies it) and on fmask, so each distinct word is searched
 * once per mask. Candidates are entry pointers in the order fuzzy_step finds them
 * starting from an empty list (they are all distinct and of categories in fmask). */
#define FZ_MAX 256
typedef struct fz_slot {
    const rasid_reading *word;
    uint32_t first, count;
    uint8_t fmask, used;
} fz_slot;

struct rasid__fzmemo {
    rasid__arena *arena; /* the doc's */
    fz_slot *slots;
    size_t cap, used;
    const rasid__entry **items;
    size_t nitems, citems;
};

static __attribute__((noinline)) int fuzzy_memo_fill(struct rasid__fzmemo *fz, const rasid_lexicon *lex,
                                                      const rasid_token *t, unsigned fmask,
                                                      const rasid__entry *const **list, size_t *count)
{
    if (!fz || !t->readings) return 0;
    uint64_t h = ((uint64_t)(uintptr_t)t->readings >> 4) * 0x9E3779B97F4A7C15ull ^ fmask;
    h ^= h >> 31;
    if (fz->used * 2 >= fz->cap) { /* grow (arena: the old table is left behind) */
        size_t nc = fz->cap ? fz->cap * 2 : 256;
        fz_slot *ns = rasid__arena_alloc(fz->arena, nc * sizeof *ns);
        if (!ns) return 0;
        for (size_t i = 0; i < fz->cap; i++) {
            if (!fz->slots[i].used) continue;
            const fz_slot *o = &fz->slots[i];
            uint64_t oh = ((uint64_t)(uintptr_t)o->word >> 4) * 0x9E3779B97F4A7C15ull ^ o->fmask;
            oh ^= oh >> 31;
            size_t j = oh & (nc - 1);
            while (ns[j].used) j = (j + 1) & (nc - 1);
            ns[j] = *o;
        }
        fz->slots = ns;
        fz->cap = nc;
    }
    size_t j = h & (fz->cap - 1);
    while (fz->slots[j].used) {
        const fz_slot *x = &fz->slots[j];
        if (x->word == t->readings && x->fmask == fmask) {
            *list = fz->items + x->first;
            *count = x->count;
            return 1;
        }
        j = (j + 1) & (fz->cap - 1);
    }
    rasid__match tmp[FZ_MAX];
    size_t k = fuzzy_step(lex, t, 0, fmask, tmp, 0, FZ_MAX);
    if (k == FZ_MAX) return 0; /* maybe more: not memoised */
    /* also when nothing was found yet: *list must point into an array, never be NULL + 0 */
    if (fz->nitems + k > fz->citems || !fz->items) {
        size_t nc = (fz->nitems + k) * 2 + 64;
        const rasid__entry **ni = rasid__arena_alloc(fz->arena, nc * sizeof *ni);
        if (!ni) return 0;
        if (fz->nitems) memcpy(ni, fz->items, fz->nitems * sizeof *ni);
        fz->items = ni;
        fz->citems = nc;
    }
    for (size_t i = 0; i < k; i++) fz->items[fz->nitems + i] = tmp[i].e;
    fz->slots[j] = (fz_slot){t->readings, (uint32_t)fz->nitems, (uint32_t)k, (uint8_t)fmask, 1};
    fz->used++;
    fz->nitems += k;
    *list = fz->items + fz->slots[j].first;
    *count = k;
    return 1;
}

/* The memo's answer, looked up inline (asked for nearly every token by the recogniser's
 * passes); fuzzy_memo_fill grows the table or finds and keeps what is not in it yet. */
static inline __attribute__((always_inline)) int fuzzy_memo(struct rasid__fzmemo *fz, const rasid_lexicon *lex,
                                                            const rasid_token *t, unsigned fmask,
                                                            const rasid__entry *const **list, size_t *count)
{
    if (fz && t->readings && fz->used * 2 < fz->cap) {
        uint64_t h = ((uint64_t)(uintptr_t)t->readings >> 4) * 0x9E3779B97F4A7C15ull ^ fmask;
        h ^= h >> 31;
        for (size_t j = h & (fz->cap - 1); fz->slots[j].used; j = (j + 1) & (fz->cap - 1)) {
            const fz_slot *x = &fz->slots[j];
            if (x->word == t->readings && x->fmask == fmask) {
                *list = fz->items + x->first;
                *count = x->count;
                return 1;
            }
        }
    }
    return fuzzy_memo_fill(fz, lex, t, fmask, list, count);
}

#define ALL_CATS (RASID_CATBIT(RASID_CAT_COUNT) - 1u)
#define TABLE_MAX_PER_TOKEN 256
/* rasid_doc.lexm_off: a token's matches are at this index of the analyser cache's items
 * (else of the document's own table) */
#define LEXM_CACHED 0x80000000u

/* The analyser's cache for one lexicon (rasid_analyser): each word's exact matches (when
 * they depend on the word alone) and the fuzzy memo, across documents. Words are
 * identified by their readings pointer, which the analyser's word cache gives every
 * token of a word in every document. */
/* A slot is a word (next == after == NULL, kind LW_WORD or LW_CTX) or, for a word whose
 * matches depend on the words after it (LW_CTX), the word with the next two words of its
 * sentence (LW_TRI; NULL where the sentence ends). A word itself is found by its record
 * (struct lw_wrec, by rasid_token.word), which copies what its slot says. */
enum { LW_WORD = 1, LW_CTX, LW_TRI };
typedef struct lw_slot {
    const rasid_reading *word, *next, *after;
    uint32_t first, count; /* its matches: items[first .. first + count) (their tok not set) */
    uint32_t id;           /* its index in memo (stable while the table grows) */
    uint16_t kind;         /* LW_*; 0: empty */
    uint16_t cats;         /* the categories of its matches (bits) */
} lw_slot;

struct rasid__lcache {
    lw_slot *tab;
    size_t cap, used;
    rasid__match *items;
    size_t nitems, citems;
    struct rasid__fzmemo fz;
    /* what other stages work out from a word and its matches alone (rasid__lex_word_memo):
     * RASID__MEMO_COUNT pointers per word, by id */
    void **memo;
    size_t cmemo;
    /* per word (rasid_token.word - 1): what prepare_matches knows of it, read in one load
     * instead of a probe of tab per token and one of a table of the document's words */
    struct lw_wrec *wrec;
    size_t nwrec;
    uint32_t wr_gen; /* the current document's generation (lw_wrec.gen) */
};

/* A word's record: its matches when they depend on the word alone (kind LW_WORD: where
 * they are in items, their categories, its memo id), or that they depend on the next
 * words (LW_CTX: looked up in tab with them); and the first token of the word in the
 * current document (first_tok, when gen is the document's: a later token of the word
 * repeats its matches). Zeroed: nothing known. */
struct lw_wrec {
    uint32_t gen, first_tok;
    uint32_t id, first;
    uint16_t count, cats;
    uint16_t kind;
};

/* The record of word w (rasid_token.word, >= 1), the records grown to hold it; NULL
 * without memory. */
static struct lw_wrec *wrec_of(struct rasid__lcache *lc, uint32_t w)
{
    if (w > lc->nwrec) {
        size_t nc = lc->nwrec ? lc->nwrec * 2 : 4096;
        if (nc < w) nc = w;
        struct lw_wrec *nr = realloc(lc->wrec, nc * sizeof *nr);
        if (!nr) return NULL;
        memset(nr + lc->nwrec, 0, (nc - lc->nwrec) * sizeof *nr);
        lc->wrec = nr;
        lc->nwrec = nc;
    }
    return &lc->wrec[w - 1];
}

void rasid__lcache_free(struct rasid__lcache *lc)
{
    if (!lc) return;
    free(lc->wrec);
    free(lc->tab);
    free(lc->items);
    free(lc->memo);
    free(lc);
}

size_t rasid__lcache_bytes(const struct rasid__lcache *lc)
{
    return lc ? lc->cap * sizeof *lc->tab + lc->citems * sizeof *lc->items + lc->cmemo * sizeof *lc->memo +
                    lc->nwrec * sizeof *lc->wrec
              : 0;
}

/* The doc's analyser cache for `lex`, made on first use; NULL without one. */
static struct rasid__lcache *lcache_for(rasid_doc *doc, const rasid_lexicon *lex)
{
    rasid_analyser *an = doc->an;
    if (!an || an->lex != lex || !doc->shared_words) return NULL;
    if (!an->lexc && (an->lexc = calloc(1, sizeof *an->lexc))) an->lexc->fz.arena = &an->arena;
    return an->lexc;
}

static inline size_t lw_hash(const rasid_reading *w, const rasid_reading *next, const rasid_reading *after,
                             unsigned tri)
{
    uint64_t x = (uint64_t)(uintptr_t)w * 0x9E3779B97F4A7C15ull;
    if (tri) {
        x ^= (uint64_t)(uintptr_t)next * 0xC2B2AE3D27D4EB4Full + 1;
        x *= 0x9E3779B97F4A7C15ull;
        x ^= (uint64_t)(uintptr_t)after * 0x165667B19E3779F9ull;
        x *= 0x9E3779B97F4A7C15ull;
    }
    return (size_t)(x >> 29);
}

/* The word's slot (tri 0: LW_WORD or LW_CTX) or the word's in this context (tri 1). */
/* (inline: looked up for nearly every token of every document) */
static inline __attribute__((always_inline)) lw_slot *lcache_find(const struct rasid__lcache *lc, const rasid_reading *w,
                                                                  const rasid_reading *next, const rasid_reading *after,
                                                                  unsigned tri)
{
    if (!lc->cap) return NULL;
    for (size_t j = lw_hash(w, next, after, tri) & (lc->cap - 1); lc->tab[j].kind; j = (j + 1) & (lc->cap - 1)) {
        const lw_slot *x = &lc->tab[j];
        if (x->word == w && (x->kind == LW_TRI) == (tri != 0) && x->next == next && x->after == after)
            return &lc->tab[j];
    }
    return NULL;
}

/* Remember the matches m[0..k) of word w (kind LW_WORD), or that w depends on its
 * context (LW_CTX, no matches), or w's matches in the context next, after (LW_TRI).
 * Fails quietly (the cache is an aid): returns the slot or NULL. */
static const lw_slot *lcache_put(struct rasid__lcache *lc, unsigned kind, const rasid_reading *w,
                                 const rasid_reading *next, const rasid_reading *after, const rasid__match *m,
                                 size_t k)
{
    if (lc->used * 2 >= lc->cap) {
        size_t nc = lc->cap ? lc->cap * 2 : 65536;
        lw_slot *t = calloc(nc, sizeof *t);
        if (!t) return NULL;
        for (size_t i = 0; i < lc->cap; i++) {
            const lw_slot *o = &lc->tab[i];
            if (!o->kind) continue;
            size_t j = lw_hash(o->word, o->next, o->after, o->kind == LW_TRI) & (nc - 1);
            while (t[j].kind) j = (j + 1) & (nc - 1);
            t[j] = *o;
        }
        free(lc->tab);
        lc->tab = t;
        lc->cap = nc;
    }
    if (lc->nitems + k > lc->citems) {
        size_t nc = (lc->nitems + k) * 2 + 1024;
        rasid__match *ni = realloc(lc->items, nc * sizeof *ni);
        if (!ni) return NULL;
        lc->items = ni;
        lc->citems = nc;
    }
    if ((lc->used + 1) * RASID__MEMO_COUNT > lc->cmemo) {
        size_t nc = lc->cmemo ? lc->cmemo * 2 : 65536 * RASID__MEMO_COUNT;
        void **nm = realloc(lc->memo, nc * sizeof *nm);
        if (!nm) return NULL;
        memset(nm + lc->cmemo, 0, (nc - lc->cmemo) * sizeof *nm);
        lc->memo = nm;
        lc->cmemo = nc;
    }
    size_t j = lw_hash(w, next, after, kind == LW_TRI) & (lc->cap - 1);
    while (lc->tab[j].kind) j = (j + 1) & (lc->cap - 1);
    if (k) memcpy(lc->items + lc->nitems, m, k * sizeof *m);
    unsigned cats = 0;
    for (size_t z = 0; z < k; z++) cats |= RASID_CATBIT(m[z].cat);
    lc->tab[j] = (lw_slot){w, next, after, (uint32_t)lc->nitems, (uint32_t)k, (uint32_t)lc->used, (uint16_t)kind,
                           (uint16_t)cats};
    lc->nitems += k;
    lc->used++;
    return &lc->tab[j];
}

void **rasid__lex_word_memo(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, int which)
{
    if (doc->lexm_for != lex || !doc->lexm_wid || tok >= doc->tokens.len || which < 0 ||
        which >= RASID__MEMO_COUNT)
        return NULL;
    uint32_t id = doc->lexm_wid[tok];
    const struct rasid__lcache *lc = doc->an ? doc->an->lexc : NULL;
    if (!id || !lc) return NULL;
    return &lc->memo[(size_t)(id - 1) * RASID__MEMO_COUNT + (size_t)which];
}

void **rasid__lex_memo_slots(const rasid_lexicon *lex, const rasid_doc *doc)
{
    const struct rasid__lcache *lc = doc->an ? doc->an->lexc : NULL;
    return doc->lexm_for == lex && doc->lexm_wid && lc ? lc->memo : NULL;
}

void *rasid__lex_memo_alloc(const rasid_doc *doc, size_t n)
{
    return doc->an ? rasid__arena_alloc_raw(&doc->an->arena, n) : NULL;
}

/* Every exact match of every category at every token, once per document: the date,
 * number, cue, recogniser and trigger passes all ask for the matches at each token,
 * each for some categories. Matches with catmask M are, in order, the matches with all
 * categories filtered by M (lookup_first walks a slot's postings in category order and
 * push_match only drops a repeat of the same entry), so the table keeps the order in
 * which exact_matches finds them with all categories, and rasid__lex_match_at filters.
 * A token with more than TABLE_MAX_PER_TOKEN matches is flagged and computed directly. */
/* prepare_matches' table grown to hold need matches, in the document's arena. */
static rasid__match *grow_items(rasid_doc *doc, rasid__match *items, size_t len, size_t *cap, size_t need)
{
    size_t nc = need * 2;
    rasid__match *ni = rasid__arena_alloc_raw(&doc->arena, nc * sizeof *ni);
    if (!ni) return NULL;
    if (len) memcpy(ni, items, len * sizeof *ni);
    *cap = nc;
    return ni;
}

/* prepare_matches' table of the words of a document without an analyser (wcap slots,
 * a power of two, zeroed): a word's first token (the readings pointer identifies it). */
struct wm_slot {
    uint32_t gen;   /* 1: taken (0: empty) */
    uint32_t first; /* the first token of the word */
};

static int prepare_matches(rasid_doc *doc, const rasid_lexicon *lex)
{
    size_t n = doc->tokens.len;
    doc->lexm_for = NULL;
    uint32_t *off = rasid__arena_alloc(&doc->arena, (n + 1) * sizeof *off);
    uint8_t *cnt = rasid__arena_alloc(&doc->arena, n + 1);
    uint8_t *over = rasid__arena_alloc(&doc->arena, n + 1);
    uint16_t *cats = rasid__arena_alloc(&doc->arena, (n + 1) * sizeof *cats);
    uint32_t *rep = rasid__arena_alloc(&doc->arena, (n + 1) * sizeof *rep);
    uint32_t *wid = rasid__arena_alloc(&doc->arena, (n + 1) * sizeof *wid);
    if (!off || !cnt || !over || !cats || !rep || !wid) return RASID_NOMEM;
    size_t cap = n + 64, len = 0; /* (most tokens' matches are the cache's) */
    /* in the document's arena from the start: the table is kept there (no copy at the end;
     * a table outgrown is left behind, as rarely as a token has more than two matches) */
    rasid__match *items = rasid__arena_alloc_raw(&doc->arena, cap * sizeof *items);
    if (!items) return RASID_NOMEM;
    rasid__match buf[TABLE_MAX_PER_TOKEN];
    /* A word's matches depend on the word alone unless one of its readings may start a
     * multi-token key (exact_matches says which): those are matched once per document,
     * later tokens of the word take the first's. With an analyser a word's record (by
     * rasid_token.word) says where its first token is and what the cache knows of it;
     * without one, wm maps the word (its readings array, the same for every token of
     * the word) to its first token. */
    const rasid_token *toks = doc->tokens.data;
    struct rasid__lcache *lc = lcache_for(doc, lex);
    struct wm_slot *wm = NULL;
    size_t wcap = 16;
    uint32_t gen = 1;
    if (lc) {
        if (++lc->wr_gen == 0) { /* (a new round of generations: none is current) */
            for (size_t z = 0; z < lc->nwrec; z++) lc->wrec[z].gen = 0;
            lc->wr_gen = 1;
        }
        gen = lc->wr_gen;
    } else {
        while (wcap < 2 * n) wcap <<= 1;
        if (!(wm = calloc(wcap, sizeof *wm))) return RASID_NOMEM;
    }
    int rc = RASID_OK;
    for (size_t i = 0; i < n; i++) {
        off[i] = (uint32_t)len;
        rep[i] = (uint32_t)i;
        const rasid_reading *word = toks[i].readings;
        struct lw_wrec *wr = NULL;
        size_t h = 0;
        uint32_t first = UINT32_MAX; /* the word's first token in this document, if before */
        if (word && lc) {
            if (!toks[i].word || !(wr = wrec_of(lc, toks[i].word))) {
                rc = RASID_NOMEM;
                break;
            }
            /* the record of the word eight tokens on, fetched while this one is done */
            if (i + 8 < n && toks[i + 8].word && toks[i + 8].word <= lc->nwrec)
                __builtin_prefetch(&lc->wrec[toks[i + 8].word - 1]);
            if (wr->gen == gen) first = wr->first_tok;
        } else if (word) {
            uint64_t x = (uint64_t)(uintptr_t)word * 0x9E3779B97F4A7C15ull;
            h = (size_t)(x >> 32) & (wcap - 1);
            while (wm[h].gen && toks[wm[h].first].readings != word) h = (h + 1) & (wcap - 1);
            if (wm[h].gen) first = wm[h].first;
        }
#define SEEN_FIRST(tok)                                               \
    do {                                                              \
        if (wr) wr->gen = gen, wr->first_tok = (uint32_t)(tok);       \
        else wm[h] = (struct wm_slot){1, (uint32_t)(tok)};            \
    } while (0)
        if (first != UINT32_MAX) { /* a word seen before: its matches, where they are */
            rep[i] = first;
            wid[i] = wid[first];
            cats[i] = cats[first];
            off[i] = off[first];
            cnt[i] = cnt[first];
            continue;
        }
        /* seen in an earlier document (its matches, or in this context) */
        const lw_slot *known = NULL;
        const rasid_reading *next = NULL, *after = NULL;
        if (wr && wr->kind == LW_WORD) {
            cats[i] = wr->cats; /* without reading the entries */
            SEEN_FIRST(i);
            wid[i] = wr->id + 1;
            off[i] = LEXM_CACHED | wr->first;
            cnt[i] = (uint8_t)wr->count;
            continue;
        }
        if (wr && wr->kind == LW_CTX) { /* matches that depend on the next words: of its sentence */
            if (i + 1 < n && toks[i + 1].sent == toks[i].sent) next = toks[i + 1].readings;
            if (next && i + 2 < n && toks[i + 2].sent == toks[i].sent) after = toks[i + 2].readings;
            known = lcache_find(lc, word, next, after, 1);
        }
        if (known) { /* read where the cache keeps them */
            cats[i] = known->cats;
            wid[i] = known->id + 1;
            off[i] = LEXM_CACHED | known->first;
            cnt[i] = (uint8_t)known->count;
            continue;
        }
        int ctx = 0;
        size_t k = exact_matches(lex, doc, i, ALL_CATS, buf, TABLE_MAX_PER_TOKEN, &ctx);
        if (k == TABLE_MAX_PER_TOKEN) { over[i] = 1; continue; }
        unsigned c = 0;
        for (size_t z = 0; z < k; z++) c |= RASID_CATBIT(buf[z].cat);
        cats[i] = (uint16_t)c;
        cnt[i] = (uint8_t)k;
        const lw_slot *put = NULL;
        if (word && !ctx) {
            SEEN_FIRST(i);
            put = lc ? lcache_put(lc, LW_WORD, word, NULL, NULL, buf, k) : NULL;
            if (put)
                *wr = (struct lw_wrec){gen, (uint32_t)i, put->id, put->first, (uint16_t)put->count, put->cats, LW_WORD};
        } else if (word && lc && !(ctx & CTX_LONG)) {
            /* matches of at most three words: they depend on the next two alone */
            if (wr->kind != LW_CTX && lcache_put(lc, LW_CTX, word, NULL, NULL, NULL, 0)) wr->kind = LW_CTX;
            next = after = NULL;
            if (i + 1 < n && toks[i + 1].sent == toks[i].sent) next = toks[i + 1].readings;
            if (next && i + 2 < n && toks[i + 2].sent == toks[i].sent) after = toks[i + 2].readings;
            put = lcache_put(lc, LW_TRI, word, next, after, buf, k);
        }
#undef SEEN_FIRST
        if (put) {
            wid[i] = put->id + 1;
            off[i] = LEXM_CACHED | put->first;
            continue;
        }
        /* (the matches of a word the cache does not keep: in the document's table) */
        off[i] = (uint32_t)len;
        if (len + k > cap && !(items = grow_items(doc, items, len, &cap, len + k))) {
            rc = RASID_NOMEM;
            break;
        }
        for (size_t z = 0; z < k; z++) items[len + z] = buf[z];
        len += k;
    }
    free(wm);
    if (rc) return rc;
    off[n] = 0;
    cnt[n] = 0;
    rasid__match *kept = items;
    struct rasid__fzmemo *fz = lc ? &lc->fz : rasid__arena_alloc(&doc->arena, sizeof *fz);
    if (!fz) return RASID_NOMEM;
    if (!lc) fz->arena = &doc->arena;
    doc->lexm_fz = fz;
    doc->lexm_off = off;
    doc->lexm_cnt = cnt;
    doc->lexm_citems = lc ? (const rasid__match *const *)&lc->items : NULL;
    doc->lexm_over = over;
    doc->lexm_cats = cats;
    doc->lexm_rep = rep;
    doc->lexm_wid = wid;
    doc->lexm_memo = lc ? (void **const *)&lc->memo : NULL;
    doc->lexm = kept;
    doc->lexm_for = lex;
    return RASID_OK;
}

size_t rasid__lex_match_at_full(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, unsigned catmask,
                                int allow_fuzzy, rasid__match *out, size_t max)
{
    if (tok >= doc->tokens.len || !max) return 0;
    const rasid_token *t = &((const rasid_token *)doc->tokens.data)[tok];
    size_t n = 0;
    if (doc->lexm_for == lex && !doc->lexm_over[tok]) {
        if (catmask & doc->lexm_cats[tok]) {
            /* in the analyser's cache (read through it: a later word of this document may
             * have moved its items) or in the document's table; the token set here, as the
             * same matches serve every token of the word */
            uint32_t o = doc->lexm_off[tok];
            const rasid__match *m = o & LEXM_CACHED ? *doc->lexm_citems + (o & ~LEXM_CACHED)
                                                    : (const rasid__match *)doc->lexm + o;
            for (uint32_t z = 0, end = doc->lexm_cnt[tok]; z < end && n < max; z++)
                if (catmask & RASID_CATBIT(m[z].cat)) {
                    out[n] = m[z];
                    out[n++].tok = (uint32_t)tok;
                }
        }
    } else {
        int ctx = 0;
        n = exact_matches(lex, doc, tok, catmask, out, max, &ctx);
    }
    if (allow_fuzzy && t->kind == RASID_TOK_ARABIC) {
        unsigned found = 0;
        for (size_t i = 0; i < n; i++) found |= RASID_CATBIT(out[i].cat);
        unsigned fmask = catmask & ~found &
                         (RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_ACTOR) | RASID_CATBIT(RASID_CAT_NISBA));
        if (fmask) {
            const rasid__entry *const *fl;
            size_t fc;
            /* a fuzzy lookup that found nothing for this word is noted beside the word's
             * other memos (one bit per fmask: its three categories), which the cue pass
             * has just read: the memo's table, much bigger, is not read again */
            void **none = NULL;
            uintptr_t bit = rasid__lex_fz_bit(fmask);
            if (doc->lexm_for == lex && doc->lexm_memo && doc->lexm_wid[tok])
                none = rasid__lex_memo_slot(*doc->lexm_memo, doc, tok, RASID__MEMO_FZ);
            if (none && ((uintptr_t)*none & bit)) {
                /* nothing */
            } else if (doc->lexm_for == lex && fuzzy_memo(doc->lexm_fz, lex, t, fmask, &fl, &fc)) {
                /* the memo holds what fuzzy_step finds from an empty list with room: the
                 * same candidates, in order, as after the exact matches (whose categories
                 * fmask excludes), truncated at max */
                for (size_t i = 0; i < fc && n < max; i++) {
                    rasid__match m = {fl[i], (uint32_t)tok, 1, 0, 1, 0, (uint8_t)fl[i]->cat};
                    out[n++] = m;
                }
                if (!fc && none) *none = (void *)((uintptr_t)*none | bit);
            } else {
                n = fuzzy_step(lex, t, tok, fmask, out, n, max);
            }
        }
    }
    /* a handful of matches: insertion sort (cmp_match orders distinct matches totally,
     * so any sort gives the same order) */
    for (size_t i = 1; i < n; i++) {
        rasid__match x = out[i];
        size_t j = i;
        while (j > 0 && cmp_match(&out[j - 1], &x) > 0) {
            out[j] = out[j - 1];
            j--;
        }
        out[j] = x;
    }
    return n;
}


const rasid__entry *rasid__lex_lookup(const rasid_lexicon *lex, int cat, const char *key)
{
    size_t kl = strlen(key);
    const char *sp = strchr(key, ' ');
    size_t first = sp ? (size_t)(sp - key) : kl;
    if (cat < 0 || cat >= RASID_CAT_COUNT) return NULL;
    const index_t *ix = sp ? &lex->exact2 : &lex->exact1;
    const slot *sl;
    if (sp) {
        const char *sp2 = strchr(sp + 1, ' ');
        size_t second = sp2 ? (size_t)(sp2 - sp - 1) : strlen(sp + 1);
        sl = index_find2(ix, fnv_step(fnv_step(FNV_BASIS, key, first), " ", 1), key, first, sp + 1, second);
    } else {
        sl = index_find(ix, key, first);
    }
    for (uint32_t i = 0; sl && i < sl->count; i++) {
        const rasid__entry *e = &lex->entries[ix->post[sl->first + i].e];
        if (e->cat == cat && !strcmp(e->key, key)) return e;
    }
    return NULL;
}

/* Stop rules for a matched form: the stop.tsv rows whose form equals `key` and whose
 * category names the match's category. */
int rasid__lex_stopped(const rasid_lexicon *lex, const rasid_doc *doc, const rasid__match *m, const char *cat)
{
    const rasid_token *toks = doc->tokens.data;
    uint32_t si = lex->stop_slot[m->e - lex->entries];
    if (!si) return 0;
    /* the rules of the matched key (the dictionary key), found when the lexicon was read */
    const slot *sl = &lex->stop.slots[si - 1];
    for (uint32_t i = 0; i < sl->count; i++) {
        const stop_rule *r = &lex->stop_rules[sl->first + i];
        if (r->cat && strcmp(r->cat, cat)) continue;
        if (r->any) return 1;
        for (int side = 0; side < 2; side++) {
            const stop_words *list = &r->side[side];
            if (!list->n) continue;
            size_t j;
            if (side == 0) {
                if (m->tok == 0) continue;
                j = m->tok - 1;
            } else {
                j = m->tok + m->ntok;
                if (j >= doc->tokens.len) continue;
            }
            if (toks[j].sent != toks[m->tok].sent) continue;
            /* the context token, or one of its clitic readings (article + stem) */
            const rasid_token *t = &toks[j];
            /* (the first byte compared inline: a memcmp call per word of the length was
             * the bulk of this) */
            if (list->lens >> (t->nlen & 63) & 1)
                for (size_t w = 0; w < list->n; w++)
                    if (list->len[w] == t->nlen && (!t->nlen || list->w[w][0] == t->norm[0]) &&
                        tok_eq(t, list->w[w], list->len[w]))
                        return 1;
            for (uint16_t q = 1; q < t->nreadings; q++) {
                const rasid_reading *rd = &t->readings[q];
                size_t sl2 = strlen(rd->stem), al = rd->article ? 4 : 0;
                if (sl2 + 4 >= 300 || !(list->lens >> ((al + sl2) & 63) & 1)) continue;
                for (size_t w = 0; w < list->n; w++)
                    if (list->len[w] == al + sl2 && (!sl2 || list->w[w][al] == rd->stem[0]) &&
                        (!al || !memcmp(list->w[w], "\xD8\xA7\xD9\x84", 4)) && !memcmp(list->w[w] + al, rd->stem, sl2))
                        return 1;
            }
        }
    }
    return 0;
}

static const char *const cue_names[CUE__COUNT] = {
#define RASID__CUE_NAME(up, name) #name,
    RASID__CUE_CLASSES(RASID__CUE_NAME)
#undef RASID__CUE_NAME
};

int rasid__cue_by_name(const char *name)
{
    for (int k = 0; k < CUE__COUNT; k++)
        if (!strcmp(cue_names[k], name)) return k;
    return -1;
}

/* Find every cue word of every token once per document: the coder and the recognisers
 * ask "is this token a X cue?" thousands of times per article. A token's cues (struct
 * rasid__cues: their classes as a mask and the items) are shared by every token of its
 * word: the analyser's memo of the word (found in an earlier document) or made here; a
 * later token of a word whose matches an earlier token's repeat takes its cues without
 * reading the memo. */
static const struct rasid__cues no_cues = {0, 0, {0}};
int rasid__lex_prepare_cues(rasid_doc *doc, const rasid_lexicon *lex)
{
    size_t n = doc->tokens.len;
    int rc = prepare_matches(doc, lex);
    doc->cue_any = 0;
    doc->cue_list = NULL;
    doc->cue_mask = NULL;
    if (rc) return rc;
    const struct rasid__cues **list = rasid__arena_alloc_raw(&doc->arena, (n + 1) * sizeof *list);
    uint64_t *mask = rasid__arena_alloc_raw(&doc->arena, (n + 1) * sizeof *mask);
    if (!list || !mask) return RASID_NOMEM;
    uint64_t any = 0;
    rasid__match m[32];
    const struct rasid__lcache *lc = doc->an && doc->lexm_for == lex ? doc->an->lexc : NULL;
    void **slots = rasid__lex_memo_slots(lex, doc); /* (the word memo's, without a call per token) */
    const uint32_t *rep = doc->lexm_rep;
    for (size_t i = 0; i < n; i++) {
        if (rep[i] != i) { /* the word's, at an earlier token */
            list[i] = list[rep[i]];
            mask[i] = mask[rep[i]];
            continue;
        }
        /* fetched ahead: the memo slot of the word sixteen tokens on, the cues of the
         * word eight tokens on (its slot fetched by now) */
        if (lc && lc->memo) {
            if (i + 16 < n && doc->lexm_wid[i + 16])
                __builtin_prefetch(&lc->memo[(size_t)(doc->lexm_wid[i + 16] - 1) * RASID__MEMO_COUNT + RASID__MEMO_CUES]);
            if (i + 8 < n && doc->lexm_wid[i + 8]) {
                const void *cues = lc->memo[(size_t)(doc->lexm_wid[i + 8] - 1) * RASID__MEMO_COUNT + RASID__MEMO_CUES];
                if (cues) __builtin_prefetch(cues);
            }
        }
        /* a word's cues, found in an earlier document */
        void **memo = slots ? rasid__lex_memo_slot(slots, doc, i, RASID__MEMO_CUES) : NULL;
        const struct rasid__cues *c = memo ? *memo : NULL;
        if (!c) {
            size_t k = rasid__lex_match_at(lex, doc, i, RASID_CATBIT(RASID_CAT_CUE), 0, m, 32), got = 0;
            uint16_t items[32];
            uint64_t x = 0;
            for (size_t q = 0; q < k; q++) {
                int id = lex->cue_id[m[q].e - lex->entries];
                /* (keep the longest of a class: matches come longest first) */
                if (id < 0 || (x >> id & 1)) continue;
                items[got++] = (uint16_t)(id << 8 | (m[q].ntok > 255 ? 255 : m[q].ntok));
                x |= (uint64_t)1 << id;
            }
            c = &no_cues;
            if (got) {
                size_t sz = sizeof *c + got * sizeof *items;
                struct rasid__cues *keep = memo ? rasid__lex_memo_alloc(doc, sz) : rasid__arena_alloc_raw(&doc->arena, sz);
                if (!keep) return RASID_NOMEM;
                keep->mask = x;
                keep->n = (uint16_t)got;
                memcpy(keep->item, items, got * sizeof *items);
                c = keep;
            }
            if (memo) *memo = (void *)c; /* (read only: no_cues is shared too) */
        }
        list[i] = c;
        mask[i] = c->mask;
        any |= c->mask;
    }
    list[n] = &no_cues;
    mask[n] = 0;
    doc->cue_list = list;
    doc->cue_mask = mask;
    doc->cue_any = any;
    return RASID_OK;
}

void rasid__lex_place_ll(const rasid_lexicon *lex, const rasid__entry *e, double *lat, double *lon)
{
    if (e >= lex->entries && e < lex->entries + lex->nentries && e->cat == RASID_CAT_PLACE) {
        size_t i = (size_t)(e - lex->entries);
        *lat = lex->ll[2 * i];
        *lon = lex->ll[2 * i + 1];
        return;
    }
    entry_ll(e, lat, lon);
}

int rasid__lex_is_cue_at(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, enum rasid__cue cue)
{
    if (tok >= doc->tokens.len) return 0;
    if (doc->cue_list) {
        /* most tokens are no cue of that class */
        if (!(doc->cue_mask[tok] >> cue & 1)) return 0;
        const struct rasid__cues *c = doc->cue_list[tok];
        for (uint16_t z = 0; z < c->n; z++)
            if (c->item[z] >> 8 == (uint16_t)cue) return c->item[z] & 0xFF;
        return 0;
    }
    rasid__match m[16];
    size_t n = rasid__lex_match_at(lex, doc, tok, RASID_CATBIT(RASID_CAT_CUE), 0, m, 16);
    for (size_t i = 0; i < n; i++)
        if (lex->cue_id[m[i].e - lex->entries] == (int16_t)cue) return (int)m[i].ntok;
    return 0;
}
