/*
 * words.h — what the dictionaries of the number and date recognisers say about each token
 * (internal to src/num/ and src/time/).
 *
 * rasid__words_classify() looks every token up once in months.tsv, timewords.tsv,
 * numbers.tsv and nouns.tsv (through the lexicon's matcher, with clitic readings, so
 * "وعشرون" is و + عشرون) and records, per token, the longest entry of each category that
 * starts there. The recognisers' grammars then work on this array only, which keeps them
 * independent of the lexicon and testable with hand-built arrays.
 *
 * The number-word composition (خمسة وعشرون, ثلاثة آلاف, 1.5 مليون) is a small accumulator
 * (rasid__numacc) shared by both recognisers.
 */
#ifndef RASID_NUM_WORDS_H
#define RASID_NUM_WORDS_H

#include "../internal.h"

/* timewords.tsv `type` */
enum { TW_NONE = 0, TW_WEEKDAY, TW_RELDAY, TW_PAST, TW_FUTURE, TW_CURRENT, TW_UNIT, TW_PART,
       TW_DAYPART, TW_AGO, TW_PREP, TW_ERA, TW_NOW, TW_THEN };
enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR };      /* TW_UNIT value */
enum { PART_BEGIN = 1, PART_MID, PART_END };       /* TW_PART value */
enum { ERA_CE = 1, ERA_AH };                       /* TW_ERA value */

/* numbers.tsv `type` */
enum { NW_NONE = 0, NW_DIGITS, NW_UNIT, NW_TEEN, NW_TEN, NW_HUNDRED, NW_THOUSAND, NW_MILLION,
       NW_BILLION, NW_QUANTITY, NW_BEFORE, NW_AFTER, NW_LINK, NW_ORDINAL };

typedef struct rasid__word {
    /* months.tsv: month 1..12 (0 = none), hijri flag, tokens covered */
    uint8_t month, hijri, mlen;
    /* per category, bytes of proclitics (و, ب, وب ...) before the matched form on the first
     * token (normalised text), and whether that reading had the article */
    uint8_t mpro, twpro, nwpro, nnpro;
    /* timewords.tsv */
    uint8_t tw, twlen, twart, twwa; /* twart: the form had the article (ال); twwa: و */
    int8_t twval, twcount;
    /* numbers.tsv */
    uint8_t nw, nwlen, nwqual, nwwa, nwart; /* nwwa: the word carried the conjunction و */
    double nwval;
    /* nouns.tsv */
    uint8_t nnlen, nndual;
    uint8_t nnsing, nnart; /* a singular form (dual column "sg"), and matched with the article */
    const char *nclass, *nrole; /* into the lexicon; NULL when none */
} rasid__word;

/* Classify every token of the doc. Returns an array of ntokens + 1 elements (the last
 * one empty, so w[i + len] is always readable) allocated in the doc's arena, or NULL on
 * out-of-memory. */
rasid__word *rasid__words_classify(rasid_doc *doc, const rasid_lexicon *lex);

/* Parse the qualifier name of numbers.tsv ("more_than" ...) into rasid_qualifier. */
int rasid__qualifier_of(const char *s);
const char *rasid__qualifier_name(int q);

/* ---- number composition ---- */
typedef struct rasid__numacc {
    double total, cur; /* value = total + cur */
    double last;       /* value of the last part (its multiplier for thousands ...) */
    int lasttype;      /* NW_* of the last part */
    int nparts;
    int qual;          /* rasid_qualifier from quantity words (عشرات, آلاف alone) */
} rasid__numacc;

void rasid__numacc_init(rasid__numacc *a);
/* Offer the next word (type NW_*, its value, whether it carried و, its qualifier for a
 * plural multiplier or quantity word). Returns 1 when it continues the number, else 0
 * (and the accumulator is unchanged). */
int rasid__numacc_feed(rasid__numacc *a, int type, double value, int wa, int qual);
double rasid__numacc_value(const rasid__numacc *a);

/* Parse a number starting at token i (digits or number words and their compounds).
 * Returns the number of tokens used (0 if none) and sets *value and *qual. */
size_t rasid__parse_number(const rasid_doc *doc, const rasid__word *w, size_t i, double *value,
                           int *qual);

/* Original byte offset where token i's form begins after `pro` bytes of normalised
 * proclitics (the token start when pro is 0 or the offset cannot be mapped). */
uint32_t rasid__start_after_pro(const rasid_doc *doc, size_t i, size_t pro);

/* 1 if token i is a PUNCT/SYMBOL token whose key is exactly s. (Inline: the grammars ask
 * it of many tokens, nearly all words.) */
static inline int rasid__tok_is(const rasid_doc *doc, size_t i, const char *s)
{
    if (i >= doc->tokens.len) return 0;
    const rasid_token *t = (const rasid_token *)doc->tokens.data + i;
    if (t->kind != RASID_TOK_PUNCT && t->kind != RASID_TOK_SYMBOL) return 0;
    return t->norm && strcmp(t->norm, s) == 0;
}

/* The number grammar over a classified token array; adds the doc's RASID_M_NUMBER mentions,
 * skipping tokens already covered by a RASID_M_DATE mention. */
int rasid__num_run(rasid_doc *doc, const rasid__word *w);

#endif /* RASID_NUM_WORDS_H */
