/*
 * lex.h — the compiled dictionaries and the phrase matcher (internal).
 *
 * Every dictionary is a TSV file in the data directory with a header line; `#` starts a
 * comment line. One column, `ar`, holds the Arabic forms of the entry separated by `|`.
 * Each form is normalised (RASID_NORM_DEFAULT) and tokenised into a key of tokens
 * separated by single spaces; the matcher finds keys in a document's token stream.
 * The other columns are kept as strings and read by name with rasid__entry_field().
 *
 * Which file is which category (see data/README.md for the columns of each):
 *   places.tsv        RASID_CAT_PLACE      countries, regions, admin1, towns, with coordinates
 *   nationalities.tsv RASID_CAT_NISBA      nationality adjectives in all forms -> ISO3
 *   actors.tsv        RASID_CAT_ACTOR      forces, institutions, armed groups, orgs, people
 *   titles.tsv        RASID_CAT_TITLE      titles that introduce a person's name
 *   triggers.tsv      RASID_CAT_TRIGGER    event trigger words and phrases
 *   months.tsv        RASID_CAT_MONTH      month names (Gregorian, Levantine, Maghrebi, Hijri)
 *   timewords.tsv     RASID_CAT_TIMEWORD   weekdays and relative time words
 *   numbers.tsv       RASID_CAT_NUMWORD    number words and quantity words
 *   nouns.tsv         RASID_CAT_NOUN       counted nouns (people, soldiers, dead, injured, ...)
 *   cues.tsv          RASID_CAT_CUE        function words and cues (negation, future, claims, ...)
 *   stop.tsv          RASID_CAT_STOP       forms/contexts that must not match (مالي = financial)
 *   names.tsv         RASID_CAT_NAME       given names and name particles with their Latin spelling
 * Files named *.local.tsv or in data/local/ extend a category without editing the originals.
 */
#ifndef RASID_LEX_H
#define RASID_LEX_H

#include "../internal.h"

enum rasid__cat {
    RASID_CAT_PLACE = 0,
    RASID_CAT_NISBA,
    RASID_CAT_ACTOR,
    RASID_CAT_TITLE,
    RASID_CAT_TRIGGER,
    RASID_CAT_MONTH,
    RASID_CAT_TIMEWORD,
    RASID_CAT_NUMWORD,
    RASID_CAT_NOUN,
    RASID_CAT_CUE,
    RASID_CAT_STOP,
    RASID_CAT_NAME,
    RASID_CAT_COUNT
};
#define RASID_CATBIT(c) (1u << (c))

typedef struct rasid__table rasid__table;

/* Columns the code reads by name besides id, name, country, kind and sector, found once
 * per table when it is read (rasid__table.tcol, -1 when absent): asked by a literal name,
 * rasid__entry_field finds one at compile time. */
#define RASID__TABLE_COLS(X) \
    X(ROLE, "role") X(ADMIN1, "admin1") X(LAT, "lat") X(LON, "lon") X(GEONAMEID, "geonameid") \
    X(TYPE, "type") X(MODE, "mode") X(CONTEXT, "context") X(ACLED_EVENT, "acled_event") \
    X(ACLED_SUB, "acled_sub") X(CAMEO, "cameo") X(POS, "pos") X(WEIGHT, "weight")
enum {
#define RASID__COL_ENUM(up, name) RASID__COL_##up,
    RASID__TABLE_COLS(RASID__COL_ENUM)
#undef RASID__COL_ENUM
    RASID__COL_COUNT
};

typedef struct rasid__entry {
    const rasid__table *table;
    uint32_t row;       /* row index in its table (several entries share a row: one per form) */
    uint16_t cat;       /* enum rasid__cat */
    uint16_t ntok;      /* tokens in key */
    const char *key;    /* normalised tokens separated by ' ' */
    const char *form;   /* the form as written in the data file */
} rasid__entry;

/* A dictionary file as read: its column names and rows. */
struct rasid__table {
    const char *path;
    int cat;
    int ncols;
    char **cols;   /* column names */
    size_t nrows;
    char ***rows;  /* rows[r][c] */
    int col_ar;
    int col_kind, col_sector, col_country; /* -1 when absent: read while compiling */
    int col_id, col_name;                  /* the columns asked for most, by name */
    int16_t tcol[RASID__COL_COUNT];        /* the other columns asked by name (RASID__TABLE_COLS) */
};

int rasid__table_col(const rasid__table *t, const char *col); /* -1 if absent */

/* Column value by index (cheaper in loops); see rasid__table_col(). */
static inline const char *rasid__entry_fieldi(const rasid__entry *e, int col)
{
    if (!e || col < 0 || col >= e->table->ncols) return NULL;
    return e->table->rows[e->row][col];
}

/* A column value of the entry's row by column name; "" when empty, NULL when the table
 * has no such column. Inline: the name is a literal at nearly every call, so the
 * comparisons with the columns found when the table was read fold away. */
static inline __attribute__((always_inline)) const char *rasid__entry_field(const rasid__entry *e, const char *col)
{
    if (!e) return NULL;
    const rasid__table *t = e->table;
    int c = !strcmp(col, "id")        ? t->col_id
            : !strcmp(col, "name")    ? t->col_name
            : !strcmp(col, "country") ? t->col_country
            : !strcmp(col, "kind")    ? t->col_kind
            : !strcmp(col, "sector")  ? t->col_sector
#define RASID__COL_PICK(up, name) : !strcmp(col, name) ? t->tcol[RASID__COL_##up]
            RASID__TABLE_COLS(RASID__COL_PICK)
#undef RASID__COL_PICK
                                      : rasid__table_col(t, col);
    return rasid__entry_fieldi(e, c);
}
const rasid__table *rasid__lex_table(const rasid_lexicon *lex, int cat);

/* One match of a dictionary key at a token position. */
typedef struct rasid__match {
    const rasid__entry *e;
    uint32_t tok;      /* first token */
    uint32_t ntok;     /* tokens covered */
    uint16_t reading;  /* clitic reading used on the first token (0 = whole form) */
    uint8_t fuzzy;     /* matched with one edit */
    uint8_t article;   /* 1: the first token's reading had the article; 2: a trigger matched
                          through its bare stem, the article dropped (الهجوم as هجوم) */
    uint8_t cat;       /* e->cat, kept here: the filters by category need not read the entry */
} rasid__match;

/* All matches (of categories in catmask) that start at token `tok`, longest first.
 * Uses the first token's clitic readings (و ب ل ك ف س ال لل ...) and, on the last
 * token, the readings with enclitics. Keys with several tokens match consecutive
 * tokens in one sentence. Fuzzy matches (one edit, keys of >= 6 letters) are added
 * after exact ones only when allow_fuzzy is set and no exact match of that category
 * exists. Returns the number written to out (at most max). */
size_t rasid__lex_match_at_full(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok,
                                unsigned catmask, int allow_fuzzy, rasid__match *out, size_t max);
/* The first token of the document with the same word as token `tok` (same normalised
 * form, kind and readings) and the same exact matches (the word's matches do not depend
 * on the tokens after it), or tok itself. Per-token results that depend only on the
 * word and these matches can be copied from it. */
static inline size_t rasid__lex_word_rep(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok)
{
    return doc->lexm_for == (const void *)lex && tok < doc->tokens.len ? doc->lexm_rep[tok] : tok;
}

/* Across documents (with an analyser made for this lexicon): a pointer per word and
 * purpose, for results that depend only on the word and its exact matches (as
 * rasid__lex_word_rep's), kept by the analyser for every later document; NULL when token
 * tok's word has none (no analyser, or matches that depend on the tokens after it).
 * *slot starts NULL; a stage stores there memory from rasid__lex_memo_alloc (the
 * analyser's, NULL without one), which lives as long as the slot. The returned pointer
 * is valid until matches are next prepared (rasid__lex_prepare_cues, which may grow the
 * slots): use it at once. */
/* (RASID__MEMO_FZ holds no pointer but bits, as a uintptr_t: the lexicon's note of the
 * fuzzy lookups known to find nothing for the word, rasid__lex_match_at_full) */
enum { RASID__MEMO_WORDS = 0, RASID__MEMO_CUES, RASID__MEMO_FZ, RASID__MEMO_COUNT };
void **rasid__lex_word_memo(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, int which);
/* The same for a loop over the tokens: the slots of the document's words, NULL when
 * rasid__lex_word_memo would answer NULL for every token (valid as long as its answers),
 * and token tok's slot in them (tok < the number of tokens). */
void **rasid__lex_memo_slots(const rasid_lexicon *lex, const rasid_doc *doc);
static inline void **rasid__lex_memo_slot(void **slots, const rasid_doc *doc, size_t tok, int which)
{
    uint32_t id = doc->lexm_wid[tok];
    return id ? &slots[(size_t)(id - 1) * RASID__MEMO_COUNT + (size_t)which] : NULL;
}
void *rasid__lex_memo_alloc(const rasid_doc *doc, size_t n);

/* The bit of RASID__MEMO_FZ for a fuzzy lookup in the categories fmask (of place, actor
 * and nisba). */
static inline uintptr_t rasid__lex_fz_bit(unsigned fmask)
{
    return (uintptr_t)1 << ((fmask >> RASID_CAT_PLACE & 1) | (fmask >> RASID_CAT_ACTOR & 1) << 1 |
                            (fmask >> RASID_CAT_NISBA & 1) << 2);
}
/* rasid__lex_match_at_full, but most tokens have no exact match of the categories asked,
 * nor a fuzzy one: answered here, without a call, once the document's table of matches
 * exists. */
static inline size_t rasid__lex_match_at(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok,
                                         unsigned catmask, int allow_fuzzy, rasid__match *out, size_t max)
{
    if ((const void *)lex == doc->lexm_for && tok < doc->tokens.len && !doc->lexm_over[tok] &&
        !(catmask & doc->lexm_cats[tok])) {
        if (!allow_fuzzy) return 0;
        /* no exact match: the fuzzy ones, unless known to be none (most words) */
        const rasid_token *t = &((const rasid_token *)doc->tokens.data)[tok];
        unsigned fmask = catmask & (RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_ACTOR) |
                                    RASID_CATBIT(RASID_CAT_NISBA));
        if (t->kind != RASID_TOK_ARABIC || !fmask) return 0;
        if (doc->lexm_memo && doc->lexm_wid[tok] &&
            ((uintptr_t)*rasid__lex_memo_slot(*doc->lexm_memo, doc, tok, RASID__MEMO_FZ) & rasid__lex_fz_bit(fmask)))
            return 0;
    }
    return rasid__lex_match_at_full(lex, doc, tok, catmask, allow_fuzzy, out, max);
}

/* Exact lookup of one normalised word (no clitics) in a category: the first entry or NULL. */
const rasid__entry *rasid__lex_lookup(const rasid_lexicon *lex, int cat, const char *key);

/* The cue classes the code asks about (column `class` of cues.tsv): CUE_NEGATION is
 * "negation". cues.tsv may hold other classes (for a local rule file); the code cannot
 * ask for them, and a class of this list that the data lacks matches no token. */
#define RASID__CUE_CLASSES(X) \
    X(FUNCTION, function) \
    X(NOTNAME, notname) \
    X(NAMEPREFIX, nameprefix) \
    X(NEGATION, negation) \
    X(FUTURE, future) \
    X(HYPOTHETICAL, hypothetical) \
    X(CLAIM, claim) \
    X(DEAD, dead) \
    X(INJURED, injured) \
    X(HOSTAGE, hostage) \
    X(ARRESTED, arrested) \
    X(BETWEEN, between) \
    X(WITH, with) \
    X(AGAINST, against) \
    X(BY, by) \
    X(CLAUSEBREAK, clausebreak) \
    X(REPORT, report) \
    X(ANAPHOR, anaphor) \
    X(LOCATIVE, locative) \
    X(BOTHPARTIES, bothparties) \
    X(MEMBER, member) \
    X(AGGREGATE, aggregate) \
    X(ORIGIN, origin) \
    X(EVENTNOUN, eventnoun) \
    X(SPORT, sport) \
    X(RELATIVE, relative) \
    X(PLACENOUN, placenoun) \
    X(GROUPREF, groupref) \
    X(TARGET, target) \
    X(TO, to) \
    X(COORDINATION, coordination) \
    X(PREPOSITION, preposition) \
    X(OWNER, owner) \
    X(LEDBY, ledby) \
    X(RESULT, result) \
    X(FROM, from) \
    X(BORDER, border) \
    X(AIRCRAFT, aircraft) \
    X(WEAPONS, weapons) \
    X(TROOPS, troops) \
    X(AFFILIATION, affiliation) \
    X(TALLY, tally) \
    X(DRONE, drone) \
    X(UNIT, unit) \
    X(FOIL, foil) \
    X(INQUIRY, inquiry) \
    X(DONEBY, doneby) \
    X(ENVOY, envoy) \
    X(WAR, war) \
    X(SUPPORTERS, supporters) \
    X(VAGUEAREA, vaguearea) \
    X(PLAN, plan) \
    X(RESPONSE, response) \
    X(EARLIER, earlier) \
    X(CAPITAL, capital) \
    X(REPEATED, repeated) \
    X(TITLEADJ, titleadj) \
    X(ONEOFTHEM, oneofthem) \
    X(BASE, base) \
    X(MISHAP, mishap) \
    X(NOCOMMENT, nocomment) \
    X(OWNCOUNTRY, owncountry) \
    X(ACQUIRE, acquire) \
    X(TOWNREF, townref)
enum rasid__cue {
#define RASID__CUE_ENUM(up, name) CUE_##up,
    RASID__CUE_CLASSES(RASID__CUE_ENUM)
#undef RASID__CUE_ENUM
    CUE__COUNT
};
_Static_assert(CUE__COUNT <= 64, "a token's cue classes are a 64-bit mask (rasid_doc.cue_mask)");
/* The class of that name, or -1. */
int rasid__cue_by_name(const char *name);

/* Does token `tok` (any reading) equal one of the cue words of the given cue class?
 * Returns the length in tokens of the longest such cue starting there, or 0. */
int rasid__lex_is_cue_at(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok,
                         enum rasid__cue cue);
/* Most tokens are no cue at all: answered here, without a call, once the cues are known. */
static inline int rasid__lex_is_cue(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok,
                                    enum rasid__cue cue)
{
    if (tok >= doc->tokens.len) return 0;
    if (doc->cue_mask && !(doc->cue_mask[tok] >> cue & 1)) return 0;
    return rasid__lex_is_cue_at(lex, doc, tok, cue);
}

/* May some token of the document be a cue of class cue? (No: a pass looking for one
 * has nothing to do.) */
static inline int rasid__lex_cue_in_doc(const rasid_doc *doc, enum rasid__cue cue)
{
    return !doc->cue_mask || (doc->cue_any >> cue & 1);
}

/* A place entry's coordinates (columns lat and lon; NAN where empty), parsed when the
 * lexicon is loaded. */
void rasid__lex_place_ll(const rasid_lexicon *lex, const rasid__entry *e, double *lat, double *lon);

/* The places.tsv entry of kind country for an ISO3 code, or NULL. */
const rasid__entry *rasid__lex_country(const rasid_lexicon *lex, const char *iso3);

/* Is match m rejected by a stop.tsv rule for category name `cat` ("place", "actor",
 * "nisba") given its neighbouring tokens? */
int rasid__lex_stopped(const rasid_lexicon *lex, const rasid_doc *doc, const rasid__match *m,
                       const char *cat);

#endif /* RASID_LEX_H */
