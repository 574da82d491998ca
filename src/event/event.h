/*
 * event.h — internals shared by the event coder's files (coder.c, roles.c, emit.c).
 */
#ifndef RASID_EVENT_H
#define RASID_EVENT_H

#include "lex/lex.h"

#define EV_MAX_PARTY 6

enum { EV_FIGHT_CLASH = 1, EV_FIGHT_GROUND = 2 }; /* ev_cand.fights */

/* The PLOVER types, as numbers: the coder asks a candidate's type about fifty times, and
 * a string compare each time was a tenth of its mispredicted branches. EV_T_OTHER is a
 * type a user's dictionary brings that the rules do not name (written out all the same:
 * ev_cand.type keeps the string). */
#define EV_TYPES(X)                                                                                  \
    X(AGREE) X(CONSULT) X(SUPPORT) X(CONCEDE) X(COOPERATE) X(AID) X(RETREAT) X(REQUEST) X(ACCUSE)    \
    X(REJECT) X(THREATEN) X(PROTEST) X(SANCTION) X(MOBILIZE) X(COERCE) X(ASSAULT)
enum ev_type {
    EV_T_OTHER,
#define EV__TYPE_ENUM(name) EV_T_##name,
    EV_TYPES(EV__TYPE_ENUM)
#undef EV__TYPE_ENUM
};

typedef struct ev_cand {
    const rasid__entry *trig;
    uint32_t ttok, tntok, sent;
    uint32_t last_sent;  /* the last sentence of the reports merged into it (sent at first) */
    uint32_t ev_start, ev_end; /* evidence: the clause, widened to the participants it names */
    uint16_t tread;      /* clitic reading of the trigger's first token */
    const char *type, *mode, *context, *acled_event, *acled_sub, *cameo;
    uint8_t ty;          /* enum ev_type of `type` (set with it, by ev_set_type) */
    char pos;            /* V N K B R */
    double weight;
    rasid_entity actor[EV_MAX_PARTY];
    size_t nactor;
    rasid_entity recipient[EV_MAX_PARTY];
    size_t nrecipient;
    int location, date;  /* mention indexes or -1 */
    long dead, injured, arrested, hostages;
    uint8_t q_dead, q_injured, q_arrested, q_hostages;
    long dead_foe;       /* the attackers' dead told with an attack on forces (added to dead when emitted) */
    uint8_t q_dead_foe;
    const char *dead_of; /* the name of the side whose dead `dead` counts (a killing's victims), or NULL */
    const char *modality;
    int definite;        /* the trigger noun carries the article (a reference?) */
    int definite_ref;    /* definite noun without a relative clause */
    int reference;       /* refers back to an event already told (الهجوم، هذا الهجوم، نفسه) */
    int reported;        /* told through a source: قال ... إن, a quotation */
    int sport;           /* the sentence is about sport (مواجهات = fixtures) */
    int mishap;          /* its clause tells of an accident or a disaster (حادث سير، فيضانات) */
    int aggregate;       /* a series, a period or a habit, not one event */
    int descriptive;     /* an imperfect verb describing a party ("التي تقاتل"), not an event */
    int attempted;       /* told as an attempt ("محاولة اغتيال"): its aim was not reached */
    int headline;        /* found in a headline sentence */
    int claimed;         /* actor from a claim of responsibility */
    int mentions;        /* how many reports merged into it */
    uint32_t groups;     /* trigger kinds told in it (bits of the id's prefix, kill_v → kill) */
    uint8_t fights;      /* EV_FIGHT_*: a clash or a fight on the ground told in it (exact, unlike groups) */
    int alive;
} ev_cand;

#define EV_REL_NONE (UINT32_MAX - 1)

/* ev_ctx.mmemo's bits: party_ok's and person_noun's answers for a mention, and whether known */
enum { EV_MM_PARTY_KNOWN = 1, EV_MM_PARTY = 2, EV_MM_PERSON_KNOWN = 4, EV_MM_PERSON = 8 };

/* What ev_fill_roles asks of a whole sentence, found once for all its triggers. */
typedef struct ev_sentinfo {
    int8_t known;          /* the fields below are set */
    int8_t sport;          /* a sport cue: the sentence is about sport */
    int8_t ref;            /* "هذه العملية", "الهجوم نفسه": an anaphor next to an event noun */
    int8_t mishap;         /* an accident or disaster cue (حادث سير، فيضانات، غرق) */
    int8_t quotes;         /* a quotation mark (") is among its tokens */
    int8_t an;             /* the word أن (ان normalised) is among its tokens */
    uint32_t first_report; /* the first reporting cue, or UINT32_MAX */
} ev_sentinfo;

/* Trigger columns read for every candidate, by index: each table's, found when it was read
 * (a category may have several tables when *.local.tsv files extend it). */
enum {
    TC_TYPE = RASID__COL_TYPE,
    TC_MODE = RASID__COL_MODE,
    TC_CONTEXT = RASID__COL_CONTEXT,
    TC_ACLED_EVENT = RASID__COL_ACLED_EVENT,
    TC_ACLED_SUB = RASID__COL_ACLED_SUB,
    TC_CAMEO = RASID__COL_CAMEO,
    TC_POS = RASID__COL_POS,
    TC_WEIGHT = RASID__COL_WEIGHT
};

typedef struct ev_ctx {
    rasid_doc *doc;
    const rasid_lexicon *lex;
    const rasid_token *t;
    size_t n;
    const rasid_mention *ms;
    size_t nms;
    int *mention_at;  /* per token: index of the mention covering it, or -1 */
    int ms_sorted;    /* mentions in token, sentence and byte order (the recogniser sorts them) */
    int *context_upto; /* per mention m: the last mention <= m that sets the context country, or -1 */
    uint32_t *date_tok; /* with ms_sorted: the tokens a date mention begins at (mention_at's), ascending; or NULL */
    size_t ndate_tok;
    uint32_t *place_tok; /* the same of place mentions */
    size_t nplace_tok;
    uint32_t *rel_open; /* per token: the relative pronoun opening its relative clause (relative_clause_of),
                           EV_REL_NONE: none, UINT32_MAX: not asked yet; NULL: no memory */
    uint8_t *mmemo;   /* per mention: answers of roles.c found once (EV_MM_*); NULL: no memory */
    struct ev_sentinfo *sinfo; /* per sentence, filled when first needed (NULL: no memory) */
    uint32_t *clause_lo, *clause_hi; /* per token: its clause, when first asked (UINT32_MAX: not yet; NULL: no memory) */
    rasid__vec cands; /* ev_cand */
    double min_score;
    long pub_days;    /* publication date in days since epoch, or LONG_MIN */
    int debug;        /* RASID_DEBUG_EVENTS is set: trace candidates and merges on stderr */
} ev_ctx;

int ev_ctx_init(ev_ctx *c, rasid_doc *doc, const rasid_lexicon *lex);
int ev_told_as_clash(const ev_cand *k); /* a clash (اشتباكات) is among its reports */
/* a verb or noun that cancels or suspends (ألغى، إلغاء، علق، تعليق، جمد، أوقف ...) */
int ev_ends_pact_word(const rasid_token *t);
/* the word of t, without its article, begins with one of the stems and is at most extra bytes longer */
int ev_word_begins(const rasid_token *t, const char *const *stems, size_t n, size_t extra);
void ev_ctx_free(ev_ctx *c);
static inline __attribute__((always_inline)) const char *ev_field(const rasid__entry *e, const char *col)
{
    const char *v = rasid__entry_field(e, col); /* inline: col is a literal, its column found at compile time */
    return v && *v && !rasid__streq(v, "-") ? v : NULL;
}
/* Does s begin with the literal p (!strncmp(s, p, strlen(p)))? Inline, byte by byte: the
 * rules ask it of ids and prefixes tens of thousands of times per thousand articles, and it
 * mostly fails at the first byte, where a call to strncmp costs several times more. */
static inline int ev_starts(const char *s, const char *p)
{
    while (*p && *s == *p) {
        s++;
        p++;
    }
    return !*p;
}
/* Does s hold the two bytes of one Arabic letter (strstr(s, two) != NULL)? Inline: asked of
 * proclitics (و ب ل س ...), a few bytes long, where a strstr call costs more than the scan. */
static inline int ev_has2(const char *s, const char *two)
{
    for (; s[0] && s[1]; s++)
        if (s[0] == two[0] && s[1] == two[1]) return 1;
    return 0;
}

/* Do candidates a and b have the same type (both set)? By the type's number first: types
 * the rules name are equal when their numbers are; only two EV_T_OTHER need the strings. */
static inline int ev_same_type(const ev_cand *a, const ev_cand *b)
{
    return a->type && b->type && a->ty == b->ty && (a->ty != EV_T_OTHER || !strcmp(a->type, b->type));
}

/* Do candidates a and b have the same modality? The modalities are the coder's literals,
 * so equal ones are nearly always one pointer: compared first, the strings only after. */
static inline int ev_same_modality(const ev_cand *a, const ev_cand *b)
{
    return a->modality == b->modality || !strcmp(a->modality, b->modality);
}

/* ev_field(e, column TC_*) of a trigger entry. Inline: read eight times for every candidate. */
static inline const char *ev_trig_field(const rasid__entry *e, int tc)
{
    const char *v = e ? rasid__entry_fieldi(e, e->table->tcol[tc]) : NULL;
    return v && *v && !rasid__streq(v, "-") ? v : NULL;
}

/* With c->ms_sorted: the first mention starting at or after byte `start`. */
size_t ev_mention_at_byte(const ev_ctx *c, uint32_t start);

/* A date mention that repeats the time told before it (آنذاك، حينئذ: time/date.c marks
 * it ekind "then"), the time of its whole account rather than of one verb. */
static inline int ev_then_date(const rasid_mention *m)
{
    return m->kind == RASID_M_DATE && m->ekind && rasid__streq(m->ekind, "then");
}

void ev_fill_roles(ev_ctx *c, ev_cand *k);
/* Set k's PLOVER type (a dictionary's string or a literal) and its number. */
void ev_set_type(ev_cand *k, const char *type);
/* Is k opened by a row whose id ends in "_capture" (أسر: captured, also "families")? */
int ev_capture_row(const ev_cand *k);
int ev_civilians_fled(const ev_ctx *c, const ev_cand *k); /* displaced people, no retreat */
void ev_apply_claims(ev_ctx *c);
/* Recipients left unsaid: a state force's attack on the armed group just talked about. */
void ev_implicit_opponents(ev_ctx *c);
/* A party named as a parent armed group (the Islamic State) becomes the branch the article
 * names (ISWAP, Islamic State Sahel). */
void ev_refine_branches(ev_ctx *c);
/* A party read on both sides of a record stays only its recipient (after merging). */
void ev_distinct_sides(ev_ctx *c);
/* People counted by the generic noun (شخص، أشخاص) killed by an armed group alone, in no
 * clash: civilians (after merging). */
void ev_people_as_civilians(ev_ctx *c);
/* A coup called military with no doer named: the army of the ousted leader's country. */
void ev_military_coup(ev_ctx *c);
int ev_emit(ev_ctx *c);

/* The candidates of k's sentence, [*begin, *end). Candidates are in sentence order from
 * find_triggers until merge_in_document's last pass moves evidence between sentences, so
 * one sentence's candidates are contiguous; callers before that pass only. */
void ev_sentence_cands(const ev_ctx *c, const ev_cand *k, const ev_cand **begin, const ev_cand **end);

/* Is token i a cue of class cls (rasid__lex_is_cue)? Inline: the coder asks about a
 * million times per thousand articles, nearly always of a token that is no such cue. */
/* Is the token the preposition من (normalised, alone)? */
static inline int ev_is_min(const rasid_token *t)
{
    return t->nlen == 4 && !memcmp(t->norm, "\xD9\x85\xD9\x86", 4);
}

static inline int ev_cue(const ev_ctx *c, size_t i, enum rasid__cue cls)
{
    return rasid__lex_is_cue(c->lex, c->doc, i, cls);
}

/* The bit of cue class CUE_name in a token's cue mask (rasid_doc.cue_mask). */
#define EV_CUEBIT(name) (1ull << CUE_##name)

/* May token i be a cue of one of the classes whose EV_CUEBITs are or'ed in `classes`? No
 * (0) means ev_cue is 0 for each of them: a rule testing a token for several classes in a
 * row asks this first, in one test of the token's mask, as most tokens are none of them. */
static inline int ev_cue_maybe(const ev_ctx *c, size_t i, uint64_t classes)
{
    return i < c->doc->tokens.len && (!c->doc->cue_mask || (c->doc->cue_mask[i] & classes));
}

#endif
