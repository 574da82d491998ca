/*
 * number.c — the number recogniser: counts written in digits or words, their qualifier
 * and the noun they count.
 *
 *   digits         14, ١٤, 8,700, 1.5 (the text layer gives each number token its value)
 *   words          واحد .. عشرة in both genders and all cases, أحد عشر .. تسعة عشر,
 *                  عشرون/عشرين .. تسعون, مئة/مائة, مئتان, ثلاثمئة, ألف, آلاف, مليون, مليار
 *   compounds      خمسة وعشرون, مائة وخمسون, ثلاثة آلاف, ثلاث مئة, 15 ألف, 1.5 مليون
 *   vague          عشرات (dozens), مئات (hundreds), آلاف alone (thousands), عدة/العديد/بضعة
 *                  (several): the value is the figure numbers.tsv gives (ACLED's convention)
 *   qualifiers     before: أكثر من, أقل من, نحو, حوالي, قرابة, زهاء, ما يقارب, ما يناهز,
 *                  ما لا يقل عن ...; after the noun: على الأقل, تقريبا
 *   counted noun   the noun right after the number, optionally after من (عشرة من الصيادين),
 *                  looked up in nouns.tsv (with the accusative alef: شخصا, جنديا); a dual noun
 *                  alone (جنديان, امرأتين) is a count of 2
 *   not counts     ordinals (الثاني) are consumed silently; times (12:28) get noun "time" and
 *                  the value HHMM; a bare year-like number (1900..2100) with no noun gets noun
 *                  "year"; distances, percentages, money, durations get their noun class
 *
 * The mention span is the qualifier before the number plus the number; noun_text holds
 * the counted noun as written; `noun` is the noun's casualty role when it has one (dead,
 * injured, hostage, arrested), else its class; `ekind` is always the class.
 * Tokens covered by a date mention (dates run first) are never numbers.
 */
#include "num/words.h"
#include "lex/lex.h"

#include <math.h>
#include <string.h>

typedef struct nctx {
    rasid_doc *doc;
    const rasid_lexicon *lex;
    const rasid_token *t;
    size_t n;
    const rasid__word *w;
    uint8_t *claimed;
} nctx;

static int same(const nctx *c, size_t i, size_t s)
{
    return i < c->n && c->t[i].sent == c->t[s].sent && !c->claimed[i];
}

/* أحد after a negation that ends at most one word before it ("لم يقتل أحد", "دون أن يصاب
 * أحد", "لا أحد"): no one, no count of one. */
static int no_one(const nctx *c, size_t i)
{
    if (!c->lex || !(c->t[i].nlen == 6 && !memcmp(c->t[i].norm, "\xD8\xA7\xD8\xAD\xD8\xAF", 6))) return 0; /* احد */
    for (size_t back = 1; back <= 3 && back <= i; back++) {
        if (!same(c, i - back, i)) return 0;
        int n = rasid__lex_is_cue_at(c->lex, c->doc, i - back, CUE_NEGATION);
        if (n && back <= (size_t)n + 1) return 1;
    }
    return 0;
}

/* مجهولون، مجهولين، مجهولان (unknown), the adjective of unnamed doers */
static int unknown_adjective(const rasid_token *t)
{
    static const char *const forms[] = {"\xD9\x85\xD8\xAC\xD9\x87\xD9\x88\xD9\x84\xD9\x88\xD9\x86",  /* مجهولون */
                                        "\xD9\x85\xD8\xAC\xD9\x87\xD9\x88\xD9\x84\xD9\x8A\xD9\x86",  /* مجهولين */
                                        "\xD9\x85\xD8\xAC\xD9\x87\xD9\x88\xD9\x84\xD8\xA7\xD9\x86"}; /* مجهولان */
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++)
        if (rasid__streq(t->norm, forms[f])) return 1;
    return 0;
}

/* "مقتل جندي", "قتل شرطي", "اختطف مسلحون صحفيا", "إصابة طفل": an indefinite singular
 * person noun (nouns.tsv dual column "sg") right after a word of killing, injury, capture or
 * arrest (cue classes dead, injured, hostage, arrested), or after one plural party word
 * that follows it (and its مجهولون), counts one person. Elsewhere the singular is no count ("قال جندي"). */
static int singular_victim(const nctx *c, size_t i)
{
    static const enum rasid__cue cues[] = {CUE_DEAD, CUE_INJURED, CUE_HOSTAGE, CUE_ARRESTED};
    if (!c->lex || c->w[i].nnart || c->w[i].nnpro) return 0;
    /* "وأضاف أن شرطيا قتل": the subject of أن or إن, or of the sentence, right before a
     * passive word of killing, injury, capture or arrest */
    if (same(c, i + 1, i) && c->t[i + 1].kind == RASID_TOK_ARABIC &&
        (i == 0 || c->t[i - 1].sent != c->t[i].sent ||
         (c->t[i - 1].nlen == 4 && !memcmp(c->t[i - 1].norm, "\xD8\xA7\xD9\x86", 4)))) /* ان (أن، إن) */
        for (size_t q = 0; q < sizeof cues / sizeof *cues; q++)
            if (rasid__lex_is_cue_at(c->lex, c->doc, i + 1, cues[q])) return 1;
    if (i == 0) return 0;
    for (size_t back = 1; back <= 3 && back <= i; back++) {
        size_t p = i - back;
        if (!same(c, p, i) || c->t[p].kind != RASID_TOK_ARABIC) return 0;
        for (size_t q = 0; q < sizeof cues / sizeof *cues; q++)
            if (rasid__lex_is_cue_at(c->lex, c->doc, p, cues[q])) return 1;
        /* (between: the doers, "اختطف مسلحون صحفيا", "اختطف مسلحون مجهولون قسا") */
        if (back < 3 && unknown_adjective(&c->t[p]) && p > 0 && c->w[p - 1].nnlen && c->w[p - 1].nclass &&
            rasid__streq(c->w[p - 1].nclass, "militant"))
            continue;
        if (back == 3 || !c->w[p].nnlen || c->w[p].nnsing || !c->w[p].nclass || !rasid__streq(c->w[p].nclass, "militant"))
            return 0;
    }
    return 0;
}

static const char *dup(nctx *c, const char *s)
{
    return s ? rasid__arena_strdup(&c->doc->arena, s) : NULL;
}

static int emit(nctx *c, size_t b, size_t e, double v, int qual, size_t nb, size_t ne,
                const char *cls, const char *role, size_t pro)
{
    rasid_mention m;
    memset(&m, 0, sizeof m);
    m.kind = RASID_M_NUMBER;
    m.qualifier = (uint8_t)qual;
    m.start = rasid__start_after_pro(c->doc, b, pro);
    m.end = c->t[e - 1].end;
    m.tok_begin = (uint32_t)b;
    m.tok_end = (uint32_t)e;
    m.sent = c->t[b].sent;
    m.lat = m.lon = NAN;
    m.num = v;
    if (cls) {
        m.ekind = dup(c, cls);
        m.noun = role ? dup(c, role) : m.ekind;
        if (!m.ekind || (role && !m.noun)) return RASID_NOMEM;
    }
    if (ne > nb) {
        uint32_t s = nb == b ? m.start : c->t[nb].start;
        m.noun_text = rasid__arena_strndup(&c->doc->arena, c->doc->text + s, c->t[ne - 1].end - s);
        if (!m.noun_text) return RASID_NOMEM;
    }
    return rasid__doc_add_mention(c->doc, &m) ? RASID_OK : RASID_NOMEM;
}

static int is_time(const nctx *c, size_t i)
{
    return c->t[i].kind == RASID_TOK_NUMBER && rasid__tok_is(c->doc, i + 1, ":") &&
           same(c, i + 2, i) && c->t[i + 2].kind == RASID_TOK_NUMBER && c->t[i].num < 24 &&
           c->t[i + 2].num < 60;
}

static int year_like(const rasid_token *t)
{
    return t->kind == RASID_TOK_NUMBER && t->nlen == 4 && t->num >= 1900 && t->num <= 2100;
}

int rasid__num_run(rasid_doc *doc, const rasid__word *w)
{
    nctx c;
    c.doc = doc;
    c.lex = doc->lexm_for; /* the lexicon the cues were found with (NULL in unit tests) */
    c.t = doc->tokens.data;
    c.n = doc->tokens.len;
    c.w = w;
    if (!c.n) return RASID_OK;
    c.claimed = rasid__arena_alloc(&doc->arena, c.n + 1);
    if (!c.claimed) return RASID_NOMEM;
    const rasid_mention *ms = doc->mentions.data;
    for (size_t k = 0; k < doc->mentions.len; k++)
        if (ms[k].kind == RASID_M_DATE)
            for (uint32_t x = ms[k].tok_begin; x < ms[k].tok_end && x < c.n; x++) c.claimed[x] = 1;

    for (size_t i = 0; i < c.n; i++) {
        /* a count starts with digits, a number word or a dual noun: most tokens are none */
        if (c.claimed[i] || (c.t[i].kind != RASID_TOK_NUMBER && w[i].nw == NW_NONE && !w[i].nnlen)) continue;
        if (w[i].nw == NW_ORDINAL) { /* الثاني, الحادي عشر: never a count */
            i += (w[i].nwlen ? w[i].nwlen : 1) - 1;
            continue;
        }
        int rc;
        if (is_time(&c, i)) {
            rc = emit(&c, i, i + 3, c.t[i].num * 100 + c.t[i + 2].num, RASID_Q_EXACT, 0, 0,
                      "time", NULL, 0);
            if (rc) return rc;
            i += 2;
            continue;
        }
        size_t b = i, j = i;
        int qual = RASID_Q_EXACT;
        if ((w[i].nw == NW_BEFORE || w[i].nw == NW_AFTER) && same(&c, i + w[i].nwlen, i)) {
            qual = w[i].nwqual;
            j = i + w[i].nwlen;
        }
        double v = 0;
        int q2 = 0;
        size_t nl = rasid__parse_number(doc, w, j, &v, &q2);
        for (size_t x = j; x < j + nl; x++)
            if (c.claimed[x]) {
                nl = x - j;
                break;
            }
        if (!nl) {
            size_t e2 = i + w[i].nnlen;
            double two = 0;
            int q3 = 0;
            if (w[i].nnlen && !w[i].nnsing && !w[i].nnpro && !w[i].nnart && same(&c, e2, i) &&
                c.t[e2].kind == RASID_TOK_ARABIC && w[e2].nw != NW_NONE && !w[e2].nwpro &&
                rasid__parse_number(doc, w, e2, &two, &q3) == 1 && two == 2) {
                /* "سائقين اثنين", "طفلتين اثنتين": a noun and the word two after it (the way
                 * the dual is stressed) count 2 */
                rc = emit(&c, i, e2 + 1, 2, RASID_Q_EXACT, i, e2, w[i].nclass, w[i].nrole, 0);
                if (rc) return rc;
                i = e2;
                continue;
            }
            if (w[i].nnlen && w[i].nndual) { /* جنديان: a dual noun alone counts 2 */
                size_t e = i + w[i].nnlen;
                rc = emit(&c, i, e, 2, RASID_Q_EXACT, i, e, w[i].nclass, w[i].nrole, w[i].nnpro);
                if (rc) return rc;
                i = e - 1;
            } else if (w[i].nnlen && w[i].nnsing && singular_victim(&c, i)) { /* مقتل جندي */
                size_t e = i + w[i].nnlen;
                rc = emit(&c, i, e, 1, RASID_Q_EXACT, i, e, w[i].nclass, w[i].nrole, w[i].nnpro);
                if (rc) return rc;
                i = e - 1;
            }
            continue;
        }
        if (nl == 1 && is_time(&c, j)) continue; /* handled at j */
        if (nl == 1 && v == 1 && no_one(&c, j)) continue; /* "لم يقتل أحد": nobody */
        if (qual == RASID_Q_EXACT) qual = q2;
        size_t k = j + nl;
        /* the counted noun */
        size_t nb = k, ne = k;
        const char *cls = NULL, *role = NULL;
        size_t m = k;
        if (same(&c, m, j) && w[m].nw == NW_LINK && same(&c, m + 1, j) && w[m + 1].nnlen &&
            !w[m + 1].nnpro)
            m++;
        /* "شيع الآلاف جثامين الضحايا": a number word with the article is a noun of its
         * own (the thousands); what it counts follows only after من ("العشرات من
         * المدنيين"), an indefinite noun right after it is another phrase, the object of the
         * verb it is the subject of */
        int own_noun = m > k || !w[j].nwart;
        if (own_noun && same(&c, m, j) && w[m].nnlen && !w[m].nnpro) { /* وجنود: not this number's noun */
            nb = m;
            ne = m + w[m].nnlen;
            cls = w[m].nclass;
            role = w[m].nrole;
        } else if (nl == 1 && year_like(&c.t[j])) {
            cls = "year";
        }
        /* a qualifier after the noun (or the number): على الأقل, تقريبا */
        size_t end = ne;
        if (same(&c, ne, j) && w[ne].nw == NW_AFTER) {
            if (qual == RASID_Q_EXACT) qual = w[ne].nwqual;
            end = ne + w[ne].nwlen;
        }
        rc = emit(&c, b, k, v, qual, nb, ne, cls, role, w[b].nwpro);
        if (rc) return rc;
        i = end - 1;
    }
    return RASID_OK;
}

int rasid__num_recognise(rasid_doc *doc, const rasid_lexicon *lex)
{
    if (!doc->tokens.len) return RASID_OK;
    rasid__word *w = rasid__words_classify(doc, lex);
    if (!w) return RASID_NOMEM;
    return rasid__num_run(doc, w);
}
