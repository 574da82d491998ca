/*
 * recognise.c — places, actors, nationality adjectives and titled people.
 *
 * One left-to-right pass over the tokens. At each token the matcher proposes every
 * dictionary entry that starts there (through the token's clitic readings, exact first,
 * then within one edit for long names); stop rules veto readings that the context
 * contradicts (مالي "financial", القاعدة "the base"); the longest surviving match wins.
 * Generic institutions (الجيش, قوات الأمن) take their country from a following
 * nationality adjective or country name ("الجيش النيجيري", "جيش بوركينا فاسو"). A
 * title (الرئيس، وزير الدفاع، الجنرال ...) optionally followed by a nationality or an
 * organisation introduces a person: a known one from actors.tsv, or an unknown name
 * that gets a Latin transliteration.
 */
#include "lex/lex.h"
#include "num/words.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAXM 64

typedef struct ctx {
    rasid_doc *doc;
    const rasid_lexicon *lex;
    const rasid_token *t;
    size_t n;
    uint8_t *covered; /* tokens already inside a mention */
    struct stopsense *senses;
} ctx;

/* One-word actor forms a stop rule read as common words in this document ("القاعدة
 * العسكرية": the base): later bare uses of the word keep that sense ("حاولوا اقتحام
 * القاعدة"); a longer name ("تنظيم القاعدة") is another form and still an actor. */
struct stopsense {
    const rasid__entry *e[8];
    uint32_t tok[8];
    size_t n;
};

/* Is s three bytes long (an ISO3 code, not "?" nor a longer code)? Without a strlen call:
 * asked of every country an actor or nationality mention gives. */
static inline int len3(const char *s) { return s[0] && s[1] && s[2] && !s[3]; }

/* inline: col is a literal, so rasid__entry_field finds its column at compile time */
static inline __attribute__((always_inline)) const char *field(const rasid__entry *e, const char *col)
{
    const char *v = rasid__entry_field(e, col);
    return v && *v ? v : NULL;
}

static const char *cat_name(int cat)
{
    switch (cat) {
    case RASID_CAT_PLACE: return "place";
    case RASID_CAT_ACTOR: return "actor";
    case RASID_CAT_NISBA: return "nisba";
    case RASID_CAT_TITLE: return "title";
    default: return "other";
    }
}

/* Original byte where the match begins: after the proclitics of the reading used. */
static uint32_t match_start(const ctx *c, const rasid__match *m)
{
    const rasid_token *t = &c->t[m->tok];
    if (m->reading == 0 || m->reading >= t->nreadings) return t->start;
    const rasid_reading *rd = &t->readings[m->reading];
    size_t skip = strlen(rd->pro);
    if (!skip) return t->start;
    /* لل: the article's alef is not written; keep the whole token */
    if (rd->article && skip >= 2 && !memcmp(rd->pro + skip - 2, "\xD9\x84", 2)) {
        size_t nl = t->nend - t->nstart;
        if (nl >= skip + 2 && !memcmp(c->doc->norm + t->nstart + skip, "\xD9\x84", 2) &&
            memcmp(c->doc->norm + t->nstart + skip, "\xD8\xA7", 2))
            return t->start;
    }
    uint32_t ni = t->nstart + (uint32_t)skip;
    if (ni >= t->nend) return t->start;
    uint32_t s = rasid__orig_at(c->doc, m->tok, ni);
    return s >= t->start && s < t->end ? s : t->start;
}

/* Do the dates and numbers that overlap tokens [b, e) all lie inside it? */
static int numbers_inside(const ctx *c, uint32_t b, uint32_t e)
{
    const rasid_mention *ms = c->doc->mentions.data;
    for (size_t i = 0; i < c->doc->mentions.len; i++) {
        const rasid_mention *x = &ms[i];
        if ((x->kind != RASID_M_NUMBER && x->kind != RASID_M_DATE) || x->tok_end <= b || x->tok_begin >= e) continue;
        if (x->tok_begin < b || x->tok_end > e) return 0;
    }
    return 1;
}

/* A name written with digits was matched over tokens [b, e): the dates and numbers read
 * inside it are its words, not counts or days ("اشتباكات بين اللواء 444 وقوة الردع" has no
 * toll of 444). */
static void absorb_numbers(ctx *c, uint32_t b, uint32_t e)
{
    int any = 0;
    for (uint32_t q = b; q < e && q < c->n; q++) any |= c->covered[q] == 1;
    if (!any) return;
    rasid_mention *ms = c->doc->mentions.data;
    size_t k = 0;
    for (size_t i = 0; i < c->doc->mentions.len; i++) {
        const rasid_mention *x = &ms[i];
        if ((x->kind == RASID_M_NUMBER || x->kind == RASID_M_DATE) && x->tok_begin >= b && x->tok_end <= e) continue;
        ms[k++] = *x;
    }
    c->doc->mentions.len = k;
}

/* Of the matches all[0..n) that start at one token (rasid__lex_match_at's), the ones
 * best_matches keeps, in out (which may be all: they are copied forward). Stop rules of
 * one-word actors note their common sense in c->senses as they are read. */
static size_t keep_matches(const ctx *c, const rasid__match *all, size_t n, rasid__match *out)
{
    size_t k = 0;
    for (size_t j = 0; j < n; j++) {
        const rasid__match *m = &all[j];
        /* no match may run over a token claimed by a date or number, but a name written
         * with digits ("اللواء 444", "كتيبة 166") holds its number: the dates and numbers
         * wholly inside it are its own words (absorb_numbers drops them) */
        int clash = 0;
        for (uint32_t q = m->tok; q < m->tok + m->ntok; q++) clash |= c->covered[q];
        if (clash) { /* (the tokens' kinds read only then: most matches clash with nothing) */
            int digits = 0;
            for (uint32_t q = m->tok; q < m->tok + m->ntok; q++) digits |= c->t[q].kind == RASID_TOK_NUMBER;
            if (clash != 1 || !digits || !numbers_inside(c, m->tok, m->tok + m->ntok)) continue;
        }
        int one_actor = m->ntok == 1 && m->e->cat == RASID_CAT_ACTOR && c->senses;
        if (rasid__lex_stopped(c->lex, c->doc, m, cat_name(m->e->cat))) {
            if (one_actor && c->senses->n < 8) {
                c->senses->e[c->senses->n] = m->e;
                c->senses->tok[c->senses->n++] = m->tok;
            }
            continue;
        }
        int common = 0;
        for (size_t s = 0; one_actor && s < c->senses->n && !common; s++)
            common = c->senses->e[s] == m->e && c->senses->tok[s] < m->tok;
        if (common) continue;
        out[k++] = *m;
    }
    return k;
}

static size_t best_matches(const ctx *c, size_t i, unsigned mask, rasid__match *out)
{
    rasid__match all[MAXM];
    return keep_matches(c, all, rasid__lex_match_at(c->lex, c->doc, i, mask, 1, all, MAXM), out);
}

/* Does a name of best's category that is longer than best start at token q (inside
 * best) and run past its end, as best_matches(q) would keep it? Only such matches, and
 * one-word actors (whose stop rules note a sense in c->senses, as best_matches would),
 * are put to the tests: the others' stop rules would be read for nothing. */
static int longer_inside(const ctx *c, size_t q, unsigned mask, const rasid__match *best)
{
    rasid__match all[MAXM], kept;
    size_t n = rasid__lex_match_at(c->lex, c->doc, q, mask, 1, all, MAXM);
    int found = 0;
    for (size_t z = 0; z < n; z++) {
        const rasid__match *x = &all[z];
        int longer = !x->fuzzy && x->e->cat == best->e->cat && x->ntok > best->ntok &&
                     x->tok + x->ntok > best->tok + best->ntok;
        if ((longer || (x->ntok == 1 && x->e->cat == RASID_CAT_ACTOR)) && keep_matches(c, x, 1, &kept))
            found |= longer;
    }
    return found;
}

/* "عاملا إنسانيا ألمانيا", "وفدا روسيا", "مواطنا ليبيا": a country named ...يا right after
 * an indefinite accusative noun (ending in the tanween alef, without the article) is the
 * accusative of its nationality adjective (ألماني + ا), not the country. Returns the
 * nationality's entry, or NULL. */
static const rasid__entry *country_as_adjective(const ctx *c, const rasid__match *m)
{
    if (m->ntok != 1 || m->tok == 0 || m->reading != 0 || m->fuzzy) return NULL;
    const char *kind = field(m->e, "kind");
    if (!kind || !rasid__streq(kind, "country")) return NULL;
    const rasid_token *t = &c->t[m->tok], *p = &c->t[m->tok - 1];
    if (t->nlen < 8 || memcmp(t->norm + t->nlen - 4, "\xD9\x8A\xD8\xA7", 4)) return NULL; /* ...يا */
    if (p->sent != t->sent || p->kind != RASID_TOK_ARABIC || p->nlen < 6 || c->covered[m->tok - 1] ||
        memcmp(p->norm + p->nlen - 2, "\xD8\xA7", 2) || !memcmp(p->norm, "\xD8\xA7\xD9\x84", 4)) /* ...ا, no ال */
        return NULL;
    char key[RASID_MAX_TOKEN_BYTES + 1];
    if (t->nlen - 2 > RASID_MAX_TOKEN_BYTES) return NULL;
    memcpy(key, t->norm, t->nlen - 2);
    key[t->nlen - 2] = 0;
    const rasid__entry *n = rasid__lex_lookup(c->lex, RASID_CAT_NISBA, key);
    const char *nc = n ? field(n, "country") : NULL, *pc = field(m->e, "country");
    return nc && pc && !strcmp(nc, pc) ? n : NULL;
}

/* The normalised form of the capital of country iso3 (places.tsv, column capital of the
 * country's row) in key[0..n): its length, or 0 when there is none. */
static size_t capital_key(const rasid_lexicon *lex, const char *iso3, char *key, size_t n)
{
    const rasid__entry *ce = rasid__lex_country(lex, iso3);
    const char *cap = ce ? field(ce, "capital") : NULL;
    if (!cap || !*cap) return 0;
    size_t kl = rasid__normalize_str(cap, strlen(cap), RASID_NORM_DEFAULT, key, n);
    if (kl == 0 || kl >= n) return 0;
    key[kl] = 0;
    return kl;
}

/* Is place entry e (a town) the capital of its country (places.tsv, column capital of
 * the country's row, compared normalised with e's form)? */
static int is_capital(const rasid_lexicon *lex, const rasid__entry *e)
{
    const char *kind = field(e, "kind");
    if (!kind || rasid__streq(kind, "country")) return 0;
    char key[256];
    return capital_key(lex, field(e, "country"), key, sizeof key) && !strcmp(key, e->key);
}

static const rasid__match *pick(const rasid__match *m, size_t n, int cat)
{
    for (size_t i = 0; i < n; i++)
        if (m[i].e->cat == cat) return &m[i];
    return NULL;
}

static const char *country_name(const ctx *c, const char *iso3)
{
    const rasid__entry *e = rasid__lex_country(c->lex, iso3);
    return e ? field(e, "name") : NULL;
}

/* strtol(s, NULL, 10), without its call for the plain digits of a GeoNames id. */
static long geoname_id(const char *s)
{
    long v = 0;
    int n = 0;
    while (s[n] >= '0' && s[n] <= '9' && n < 18) v = v * 10 + (s[n++] - '0');
    return n && !s[n] ? v : strtol(s, NULL, 10);
}

static void fill_place(ctx *c, rasid_mention *mm, const rasid__entry *e)
{
    mm->kind = RASID_M_PLACE;
    mm->id = field(e, "id");
    mm->name = field(e, "name");
    mm->ekind = field(e, "kind");
    mm->country = field(e, "country");
    mm->admin1 = field(e, "admin1");
    const char *g = field(e, "geonameid");
    rasid__lex_place_ll(c->lex, e, &mm->lat, &mm->lon);
    mm->geonameid = g ? geoname_id(g) : 0;
    const char *k = mm->ekind ? mm->ekind : "";
    mm->precision = rasid__streq(k, "country") ? RASID_P_COUNTRY
                    : rasid__streq(k, "admin1") ? RASID_P_ADMIN1
                    : rasid__streq(k, "admin2") ? RASID_P_ADMIN2
                    : rasid__streq(k, "region") ? RASID_P_REGION
                    : rasid__streq(k, "site")   ? RASID_P_SITE
                                           : RASID_P_CITY;
}

static void fill_actor(ctx *c, rasid_mention *mm, const rasid__entry *e)
{
    const char *k = field(e, "kind");
    mm->kind = k && rasid__streq(k, "person") ? RASID_M_PERSON : RASID_M_ACTOR;
    mm->id = field(e, "id");
    mm->name = field(e, "name");
    mm->ekind = k;
    mm->sector = field(e, "sector");
    mm->country = field(e, "country");
    mm->role = field(e, "role");
    mm->lat = mm->lon = NAN;
}

static void set_span(ctx *c, rasid_mention *mm, const rasid__match *m)
{
    mm->tok_begin = m->tok;
    mm->tok_end = m->tok + m->ntok;
    mm->start = match_start(c, m);
    mm->end = c->t[m->tok + m->ntok - 1].end;
    mm->sent = c->t[m->tok].sent;
    mm->fuzzy = m->fuzzy;
    mm->entry = m->e;
}

/* "معاقل لتنظيم "داعش"", "عناصر من جماعة "أنصار الدين"": a group's name in quotes after
 * a word for a group (تنظيم، جماعة، حركة، مجموعة، جبهة، ميليشيا) is named with that word, as
 * it would be without the quotes: the mention starts at the word (after its proclitics),
 * whose ل or من the roles read. */
static void quoted_after_head(ctx *c, rasid_mention *mm)
{
    size_t q = mm->tok_begin;
    if (q < 2) return;
    const rasid_token *qt = &c->t[q - 1], *h = &c->t[q - 2];
    if (qt->kind != RASID_TOK_PUNCT || qt->nlen != 1 || qt->norm[0] != '"' || qt->sent != c->t[q].sent ||
        h->sent != qt->sent || h->kind != RASID_TOK_ARABIC || c->covered[q - 2])
        return;
    static const char *const heads[] = {
        "\xD8\xAA\xD9\x86\xD8\xB8\xD9\x8A\xD9\x85",             /* تنظيم */
        "\xD8\xAC\xD9\x85\xD8\xA7\xD8\xB9\xD9\x87",             /* جماعه */
        "\xD8\xAD\xD8\xB1\xD9\x83\xD9\x87",                       /* حركه */
        "\xD9\x85\xD8\xAC\xD9\x85\xD9\x88\xD8\xB9\xD9\x87",   /* مجموعه */
        "\xD8\xAC\xD8\xA8\xD9\x87\xD9\x87",                       /* جبهه */
        "\xD9\x85\xD9\x8A\xD9\x84\xD9\x8A\xD8\xB4\xD9\x8A\xD8\xA7", /* ميليشيا */
    };
    for (uint16_t r = 0; r < h->nreadings; r++) {
        const char *st = r ? h->readings[r].stem : h->norm;
        if (!st || (r && (h->readings[r].article || h->readings[r].enc[0]))) continue;
        for (size_t k = 0; k < sizeof heads / sizeof *heads; k++)
            if (rasid__streq(st, heads[k])) {
                mm->tok_begin = (uint32_t)(q - 2);
                mm->start = r ? rasid__start_after_pro(c->doc, q - 2, strlen(h->readings[r].pro)) : h->start;
                /* (and its closing quote) */
                size_t e = mm->tok_end;
                if (e < c->n && c->t[e].kind == RASID_TOK_PUNCT && c->t[e].nlen == 1 && c->t[e].norm[0] == '"' &&
                    c->t[e].sent == c->t[q].sent) {
                    mm->tok_end = (uint32_t)(e + 1);
                    mm->end = c->t[e].end;
                }
                return;
            }
    }
}

/* ---------------------------------------------------------- transliteration */
static const char *translit_cp(uint32_t cp)
{
    switch (cp) {
    case 0x0627: case 0x0623: case 0x0625: case 0x0622: case 0x0671: return "a";
    case 0x0628: return "b";
    case 0x062A: return "t";
    case 0x0629: case 0x0647: return "h";
    case 0x062B: return "th";
    case 0x062C: return "j";
    case 0x062D: return "h";
    case 0x062E: return "kh";
    case 0x062F: return "d";
    case 0x0630: return "dh";
    case 0x0631: return "r";
    case 0x0632: return "z";
    case 0x0633: return "s";
    case 0x0634: return "sh";
    case 0x0635: return "s";
    case 0x0636: return "d";
    case 0x0637: return "t";
    case 0x0638: return "z";
    case 0x0639: return "'";
    case 0x063A: return "gh";
    case 0x0641: return "f";
    case 0x0642: return "q";
    case 0x0643: return "k";
    case 0x0644: return "l";
    case 0x0645: return "m";
    case 0x0646: return "n";
    case 0x0648: case 0x0624: return "u";
    case 0x064A: case 0x0649: case 0x0626: return "i";
    case 0x0621: return "'";
    case 0x06A4: return "v";
    case 0x06AF: return "g";
    case 0x067E: return "p";
    default: return NULL;
    }
}

/* A readable Latin transliteration of an Arabic name: consonants as above, long vowels
 * as vowels, word-initial و/ي as w/y, doubled vowel letters collapsed, each word
 * capitalised. Not a scholarly transcription: a stable, readable key for summaries. */
static char *transliterate(rasid__arena *a, const char *s, size_t n)
{
    char out[512];
    size_t o = 0;
    int word_start = 1;
    size_t i = 0;
    while (i < n && o + 8 < sizeof out) {
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
        i += l;
        if (cp == ' ') {
            if (o && out[o - 1] != ' ') out[o++] = ' ';
            word_start = 1;
            continue;
        }
        const char *r = translit_cp(cp);
        if (!r) {
            if (cp < 0x80 && cp > 0x20) out[o++] = (char)cp;
            continue;
        }
        uint32_t nx = 0;
        if (i < n) {
            int b2 = 0;
            rasid__utf8_decode((const unsigned char *)s + i, n - i, &nx, &b2);
        }
        int word_end = i >= n || nx == ' ';
        if (word_start && cp == 0x0648) r = "w";
        else if (word_start && cp == 0x064A) r = "y";
        else if (word_start && cp == 0x0639) r = "a";
        /* a word-initial alef before و or ي is the vowel itself: "أوسمان" Ousman, "إيغور" Igor */
        else if (word_start && cp == 0x0627 && (nx == 0x0648 || nx == 0x064A)) {
            r = nx == 0x0648 ? "ou" : "i";
            i += 2; /* (both letters are two bytes) */
        }
        /* a final ة (normalised ه) after a consonant is the vowel a: "حمزة" Hamza */
        else if (!word_start && word_end && cp == 0x0647 && o && !strchr("aiu", out[o - 1])) r = "a";
        /* consonantal و/ي before a long vowel */
        if (!word_start && (cp == 0x0648 || cp == 0x064A) && nx == 0x0627) r = cp == 0x0648 ? "w" : "y";
        size_t rl = strlen(r);
        if (o && rl == 1 && out[o - 1] == r[0] && strchr("aiu", r[0])) continue;
        for (size_t k = 0; k < rl; k++) {
            char ch = r[k];
            if (word_start && ch >= 'a' && ch <= 'z') ch = (char)(ch - 32);
            if (word_start && ch == '\'') { continue; }
            out[o++] = ch;
            word_start = 0;
        }
    }
    while (o && out[o - 1] == ' ') o--;
    return rasid__arena_strndup(a, out, o);
}

/* The Latin name of tokens [j, e): each word as names.tsv spells it (the longest listed
 * form, read whole), else transliterated letter by letter. */
static const char *spell_name(ctx *c, size_t j, size_t e)
{
    char out[512];
    size_t o = 0;
    for (size_t q = j; q < e;) {
        rasid__match m[MAXM];
        size_t k = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_NAME), 0, m, MAXM);
        const rasid__match *best = NULL;
        for (size_t i = 0; i < k; i++)
            if (m[i].reading == 0 && m[i].tok + m[i].ntok <= e && (!best || m[i].ntok > best->ntok)) best = &m[i];
        const char *w = best ? field(best->e, "latin") : NULL;
        size_t used = best && w ? best->ntok : 1;
        if (!w || !*w) w = transliterate(&c->doc->arena, c->t[q].norm, c->t[q].nlen);
        size_t wl = w ? strlen(w) : 0;
        if (wl && o + wl + 2 < sizeof out) {
            if (o) out[o++] = ' ';
            memcpy(out + o, w, wl);
            o += wl;
        }
        q += used;
    }
    return rasid__arena_strndup(&c->doc->arena, out, o);
}

/* ---------------------------------------------------------- people */
/* Inline: asked of nearly every token by several passes, nearly always in vain. */
static inline __attribute__((always_inline)) int is_cue(const ctx *c, size_t i, enum rasid__cue cls)
{
    return i < c->n && rasid__lex_is_cue(c->lex, c->doc, i, cls);
}

static int starts_with_al(const rasid_token *t)
{
    return t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4);
}

/* Could token i be part of an unknown personal name? */
/* Is the normalised word the verbal noun of a form II verb, تفعيل (ت C C ي C:
 * تعزيز، تطوير، تنفيذ)? After "نظيره الروسي" such a word begins the talks' subject, not a
 * name. A و second letter is left out: توفيق is a name (the و-masdars توقيع، توحيد ...
 * are notname cues). */
static int form2_masdar(const rasid_token *t)
{
    const unsigned char *s = (const unsigned char *)t->norm;
    if (t->nlen != 10) return 0;
    for (size_t i = 0; i < 10; i += 2)
        if (s[i] != 0xD8 && s[i] != 0xD9) return 0;
    return s[0] == 0xD8 && s[1] == 0xAA && s[6] == 0xD9 && s[7] == 0x8A && !(s[2] == 0xD9 && s[3] == 0x88);
}

/* Is the normalised word an inflected verb by its shape alone, a form no personal name
 * takes? Only derived patterns with an inflection are read, so that names such as أحمد
 * or يزيد (also verbs) and masdars used as names (انتصار، ابتسام) stay names:
 * - past 3fs/3mp of forms VII, VIII, X: انسحبت، انتهزت، اختارت، استهدفت، اعتقلوا, and
 *   their bare 3ms where the letters a name would have as vowels are consonants: استعرض،
 *   اعتقل، انسحب (not استيفن، اندرو);
 * - imperfect of forms VIII and X, with or without a plural or dual ending: ينتهز، تعتزم،
 *   يستهدف، يعتقلون.
 * A listed name (names.tsv) is checked by the caller before. */
static int verb_shape(const rasid_token *t)
{
    uint32_t w[16];
    size_t n = 0;
    for (size_t i = 0; i < t->nlen;) {
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode((const unsigned char *)t->norm + i, t->nlen - i, &cp, &bad);
        if (!l || bad || cp < 0x0621 || cp > 0x064A || n == sizeof w / sizeof *w) return 0;
        w[n++] = cp;
        i += l;
    }
    enum { ALEF = 0x0627, TEH = 0x062A, SEEN = 0x0633, NOON = 0x0646, WAW = 0x0648, YEH = 0x064A };
    /* the inflection: -ت (3fs past), -وا (3mp past), -ون / -ان (imperfect plural, dual) */
    size_t stem = n;
    int past = 0, impf_end = 0;
    if (n > 2 && w[n - 1] == TEH) { stem = n - 1; past = 1; }
    else if (n > 3 && w[n - 2] == WAW && w[n - 1] == ALEF) { stem = n - 2; past = 1; }
    else if (n > 3 && (w[n - 2] == WAW || w[n - 2] == ALEF) && w[n - 1] == NOON) { stem = n - 2; impf_end = 1; }
#define VOWEL(x) ((x) == ALEF || (x) == WAW || (x) == YEH)
    int consonant2 = n > 1 && !VOWEL(w[1]);
    if (!past && !impf_end && w[0] == ALEF) {
        /* the bare past 3ms of the same forms, with consonants where a name has vowels:
         * استهدف، استعاد (not استيفن), اعتقل، انسحب (not اندرو، أنطون) */
        if (n >= 6 && n <= 7 && w[1] == SEEN && w[2] == TEH && !VOWEL(w[3])) return 1;
        if (n == 5 && consonant2 && w[2] == TEH && !VOWEL(w[3]) && !VOWEL(w[4])) return 1;
        if (n == 5 && w[1] == NOON && !VOWEL(w[2]) && !VOWEL(w[3]) && !VOWEL(w[4])) return 1;
        return 0;
    }
    if (past && w[0] == ALEF) {
        /* X: است + three (استهدف، استعاد) */
        if (stem >= 6 && stem <= 7 && w[1] == SEEN && w[2] == TEH) return 1;
        /* VIII: ا C ت C C (اعتقل، اختار): five letters */
        if (stem == 5 && consonant2 && w[2] == TEH) return 1;
        /* VII: ان C C C (انسحب، انطلق) */
        if (stem == 5 && w[1] == NOON && w[2] != ALEF && w[2] != WAW && w[2] != YEH) return 1;
        return 0;
    }
    if (!past && (w[0] == YEH || w[0] == TEH)) {
        /* imperfect X: يست + three; VIII: ي C ت C C */
        if (stem >= 6 && stem <= 7 && w[1] == SEEN && w[2] == TEH) return 1;
        if (stem == 5 && consonant2 && w[1] != TEH && w[2] == TEH && w[3] != ALEF && w[3] != WAW && w[3] != YEH)
            return 1;
        (void)impf_end;
    }
#undef VOWEL
    return 0;
}

/* Words that tell what a titled person did, never part of the name: a verb by its shape
 * (verb_shape) or a cue word of a verbal class (said, claimed, will, did not ...). */
static int verb_word(const ctx *c, size_t i)
{
    static const enum rasid__cue verbal[] = {CUE_REPORT, CUE_NEGATION, CUE_FUTURE, CUE_HYPOTHETICAL, CUE_CLAIM,
                                             CUE_RESULT, CUE_PLAN,   CUE_RESPONSE, CUE_FOIL};
    for (size_t k = 0; k < sizeof verbal / sizeof *verbal; k++)
        if (is_cue(c, i, verbal[k])) return 1;
    if (!verb_shape(&c->t[i])) return 0;
    rasid__match nm[MAXM];
    return !rasid__lex_match_at(c->lex, c->doc, i, RASID_CATBIT(RASID_CAT_NAME), 0, nm, MAXM);
}

/* Does token i read as the preposition ب or ل on a bare noun of three letters or more
 * (بجهود، لقرار), with no article and no pronoun? */
static int preposition_reading(const rasid_token *t)
{
    for (uint16_t r = 1; r < t->nreadings; r++) {
        const rasid_reading *rd = &t->readings[r];
        if (rd->article || (rd->enc && *rd->enc) || !rd->pro || !rd->stem || strlen(rd->stem) < 6) continue;
        if (rasid__streq(rd->pro, "\xD8\xA8") || rasid__streq(rd->pro, "\xD9\x84")) return 1; /* ب، ل */
    }
    return 0;
}

/* Is token j a noun in the genitive after a construct: a definite word that is no listed
 * name element (الأمين), adjective of nationality, title, day, month or number word, nor
 * ends in ي as family names do (الأنصاري), or a country or actor named without the
 * article (بجهود مالي)? */
static int genitive_noun(const ctx *c, size_t j, uint32_t sent)
{
    if (j >= c->n || c->t[j].sent != sent || c->t[j].kind != RASID_TOK_ARABIC || c->covered[j]) return 0;
    rasid__match m[MAXM];
    size_t k = rasid__lex_match_at(c->lex, c->doc, j,
                                   RASID_CATBIT(RASID_CAT_NAME) | RASID_CATBIT(RASID_CAT_NISBA) |
                                       RASID_CATBIT(RASID_CAT_TITLE) | RASID_CATBIT(RASID_CAT_MONTH) |
                                       RASID_CATBIT(RASID_CAT_TIMEWORD) | RASID_CATBIT(RASID_CAT_NUMWORD),
                                   0, m, MAXM);
    if (k) return 0;
    /* (a definite word ending in ي may be a family name: "بلعيد الأنصاري") */
    const rasid_token *t = &c->t[j];
    if (starts_with_al(t)) return !(t->nlen >= 2 && !memcmp(t->norm + t->nlen - 2, "\xD9\x8A", 2));
    k = rasid__lex_match_at(c->lex, c->doc, j, RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_ACTOR), 0, m, MAXM);
    for (size_t q = 0; q < k; q++) {
        const char *kd = field(m[q].e, "kind");
        if (m[q].reading == 0 && kd && !rasid__streq(kd, "person")) return 1;
    }
    return 0;
}

static int name_token(const ctx *c, size_t i, size_t first)
{
    const rasid_token *t = &c->t[i];
    if (t->kind != RASID_TOK_ARABIC && t->kind != RASID_TOK_LATIN) return 0;
    if (i == first && form2_masdar(t)) return 0;
    /* "أشاد رئيس الوزراء بجهود الجيش", "ندد الرئيس السابق بقرار الحكومة": right after the
     * title, a word read as the preposition ب or ل on a noun in construct with a genitive
     * after it is the verb's object, not a name. Names that begin with these letters (بلال،
     * بخاري) are not followed by a bare genitive but by another name, a day or a
     * preposition ("أشاد الرئيس بلال بالجيش"); a listed person is found before. */
    /* "انتقد مسؤول سياسة الحكومة": likewise a noun in ة (normalised ه) in construct with a
     * genitive; names in ة (حمزة، أسامة) are listed */
    int feminine = t->nlen >= 6 && !memcmp(t->norm + t->nlen - 2, "\xD9\x87", 2); /* ه */
    if (i == first && (preposition_reading(t) || feminine) && genitive_noun(c, i + 1, t->sent)) {
        /* (a listed given name stays one: "ندد القائد لطفي الحكومة") */
        rasid__match nm[MAXM];
        size_t k = rasid__lex_match_at(c->lex, c->doc, i, RASID_CATBIT(RASID_CAT_NAME), 0, nm, MAXM);
        int listed = 0;
        for (size_t q = 0; q < k; q++) listed |= nm[q].reading == 0;
        if (!listed) return 0;
    }
    if (c->covered[i]) return 0;
    if (i != first && t->sent != c->t[first].sent) return 0;
    /* "طرد السفير الفرنسي ومنحه 72 ساعة", "السفير وزوجته": a word read only as و on a
     * stem with a pronoun after it goes on with the sentence; a name spelt so (وجيه) is
     * listed */
    if (t->nreadings > 1) {
        int wa_pro = 0, bare = 0;
        for (uint16_t r = 1; r < t->nreadings; r++) {
            const rasid_reading *rd = &t->readings[r];
            int wa = rd->pro && !strncmp(rd->pro, "\xD9\x88", 2); /* و */
            if (wa && rd->enc && rd->enc[0] && rd->stem && strlen(rd->stem) >= 6) wa_pro = 1;
            if (!wa && !(rd->enc && rd->enc[0])) bare = 1;
        }
        rasid__match nm[MAXM];
        if (wa_pro && !bare && !rasid__lex_match_at(c->lex, c->doc, i, RASID_CATBIT(RASID_CAT_NAME), 0, nm, MAXM)) return 0;
    }
    if (is_cue(c, i, CUE_FUNCTION) || is_cue(c, i, CUE_NOTNAME)) return 0;
    if (verb_word(c, i)) return 0;
    /* "زار السفير فلان مدينة بنغازي": a word for a town, a base or a region is no name */
    if (is_cue(c, i, CUE_PLACENOUN)) {
        rasid__match nm[MAXM];
        if (!rasid__lex_match_at(c->lex, c->doc, i, RASID_CATBIT(RASID_CAT_NAME), 0, nm, MAXM)) return 0;
    }
    /* the article: names take it only after عبد / أبو (عبد العزيز) or as "ال" clans */
    if (starts_with_al(t) && i > first) {
        /* ... or as a listed name element: "محمد الأمين", "ولد الشيخ" */
        rasid__match nm[MAXM];
        if (!is_cue(c, i - 1, CUE_NAMEPREFIX) &&
            !rasid__lex_match_at(c->lex, c->doc, i, RASID_CATBIT(RASID_CAT_NAME), 0, nm, MAXM))
            return 0;
    }
    if (starts_with_al(t) && i == first) return 0;
    rasid__match m[MAXM];
    size_t k = rasid__lex_match_at(c->lex, c->doc, i,
                                   RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_ACTOR) |
                                       RASID_CATBIT(RASID_CAT_NISBA) | RASID_CATBIT(RASID_CAT_TITLE) |
                                       RASID_CATBIT(RASID_CAT_TRIGGER) | RASID_CATBIT(RASID_CAT_MONTH) |
                                       RASID_CATBIT(RASID_CAT_TIMEWORD) | RASID_CATBIT(RASID_CAT_NUMWORD),
                                   0, m, MAXM);
    for (size_t j = 0; j < k; j++) {
        if (m[j].e->cat == RASID_CAT_PLACE || m[j].e->cat == RASID_CAT_NISBA) return 0;
        if (m[j].e->cat == RASID_CAT_ACTOR) {
            const char *kd = field(m[j].e, "kind");
            if (kd && rasid__streq(kd, "person")) continue;
        }
        if (m[j].e->cat == RASID_CAT_PLACE && i > first) continue; /* "ولد الداه" etc. */
        return 0;
    }
    return 1;
}

static void emit(ctx *c, rasid_mention *mm)
{
    if (!rasid__doc_add_mention(c->doc, mm)) return;
    for (uint32_t q = mm->tok_begin; q < mm->tok_end && q < c->n; q++) c->covered[q] = 2;
}

/* Mention src again, as the words of tokens [i, i + n): a word that stands for a party
 * named before ("الجبهة", "عناصرها", "جنودنا"). */
static void emit_as(ctx *c, rasid_mention rm, size_t i, size_t n)
{
    rm.tok_begin = (uint32_t)i;
    rm.tok_end = (uint32_t)(i + n);
    rm.start = c->t[i].start;
    rm.end = c->t[i + n - 1].end;
    rm.sent = c->t[i].sent;
    rm.fuzzy = 0;
    emit(c, &rm);
}


/* A generic actor (country "?") followed by a nationality or a country takes it. */
/* "الحاكم في" / "الحاكمة في" at token j. */
static int ruling_in(const ctx *c, size_t j)
{
    static const char *const ruling[] = {"\xD8\xA7\xD9\x84\xD8\xAD\xD8\xA7\xD9\x83\xD9\x85",            /* الحاكم */
                                         "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xA7\xD9\x83\xD9\x85\xD9\x87"}; /* الحاكمه */
    const rasid_token *a = &c->t[j], *b = &c->t[j + 1];
    if (!(b->nlen == 4 && !memcmp(b->norm, "\xD9\x81\xD9\x8A", 4))) return 0; /* في */
    for (size_t i = 0; i < sizeof ruling / sizeof *ruling; i++)
        if (a->nlen == strlen(ruling[i]) && !memcmp(a->norm, ruling[i], a->nlen)) return 1;
    return 0;
}

static void complete_generic(ctx *c, rasid_mention *mm, const rasid__entry *e, size_t next)
{
    const char *co = field(e, "country");
    if (!co || !rasid__streq(co, "?")) return;
    mm->country = NULL;
    rasid__match m[MAXM];
    size_t j = next;
    /* "المجلس العسكري الحاكم في النيجر": the ruling body of that country */
    if (j + 2 < c->n && c->t[j + 2].sent == c->t[mm->tok_begin].sent && ruling_in(c, j)) j += 2;
    /* "قوات خاصة فرنسية", "قوات أمنية نيجيرية", "الوفد العسكري الروسي", "وفدا عسكريا روسيا":
     * one adjective of the force (ending in ة، ي or the accusative يا, no mention of its
     * own) may stand before the nationality */
    else if (j + 1 < c->n && c->t[j + 1].sent == c->t[mm->tok_begin].sent && c->t[j].kind == RASID_TOK_ARABIC &&
             !c->covered[j] && c->t[j].nlen >= 6 && !is_cue(c, j, CUE_FUNCTION)) {
        const char *end = c->doc->text + c->t[j].end;
        const rasid_token *g = &c->t[next - 1], *a = &c->t[j]; /* the force's last word, the adjective */
        /* a masculine adjective agrees with its noun: both with the article or neither, the
         * accusative's alef on both ("الوفد العسكري", "وفدا عسكريا", not "الشرطة صحفيا") */
        int gdef = g->nlen > 4 && !memcmp(g->norm, "\xD8\xA7\xD9\x84", 4), adef = a->nlen > 4 && !memcmp(a->norm, "\xD8\xA7\xD9\x84", 4);
        int gacc = g->nlen > 2 && !memcmp(g->norm + g->nlen - 2, "\xD8\xA7", 2);
        int fem = !memcmp(end - 2, "\xD8\xA9", 2), /* ة */
            masc = gdef == adef && !gacc && !memcmp(end - 2, "\xD9\x8A", 2), /* ي */
            acc = !gdef && !adef && gacc && a->nlen >= 8 && !memcmp(a->norm + a->nlen - 4, "\xD9\x8A\xD8\xA7", 4); /* يا */
        rasid__match am[MAXM];
        size_t ka = fem || masc || acc ? best_matches(c, j + 1, RASID_CATBIT(RASID_CAT_NISBA) | RASID_CATBIT(RASID_CAT_PLACE), am) : 0;
        const rasid__match *an = pick(am, ka, RASID_CAT_NISBA), *ap = pick(am, ka, RASID_CAT_PLACE);
        if (an && an->reading == 0) j++;
        else if (acc && ap && ap->reading == 0 && ap->ntok == 1 && country_as_adjective(c, ap)) j++;
    }
    /* "وفدا من روسيا": a delegation from a country is that country's (spelt right) */
    int from = 0;
    if (j == next && j + 1 < c->n && c->t[j + 1].sent == c->t[mm->tok_begin].sent && c->t[j].nlen == 4 &&
        !memcmp(c->t[j].norm, "\xD9\x85\xD9\x86", 4)) { /* من */
        const char *id = field(e, "id");
        if (id && rasid__streq(id, "rasid:generic-delegation")) j++, from = 1;
    }
    /* "الجيش في مالي" is not composed; "جيش مالي", "الجيش المالي", "قوات الأمن التشادية" are */
    size_t k = j < c->n && c->t[j].sent == c->t[mm->tok_begin].sent
                   ? best_matches(c, j, RASID_CATBIT(RASID_CAT_NISBA) | RASID_CATBIT(RASID_CAT_PLACE), m)
                   : 0;
    const rasid__match *nb = pick(m, k, RASID_CAT_NISBA);
    const rasid__match *pl = pick(m, k, RASID_CAT_PLACE);
    const char *iso = NULL;
    const rasid__match *use = NULL;
    if (nb && nb->reading == 0) { iso = field(nb->e, "country"); use = nb; }
    else if (pl && pl->reading == 0) {
        const char *kd = field(pl->e, "kind");
        if (kd && rasid__streq(kd, "country")) { iso = field(pl->e, "country"); use = pl; }
    }
    if (!iso || !use || (from && use->fuzzy)) return;
    const char *cn = country_name(c, iso);
    mm->country = iso;
    mm->tok_end = use->tok + use->ntok;
    mm->end = c->t[mm->tok_end - 1].end;
    /* (civilians as ACLED names them: "Civilians (Mali)"; a force "of" its country) */
    if (cn && mm->name && mm->sector && rasid__streq(mm->sector, "CVL"))
        mm->name = rasid__arena_cat(&c->doc->arena, mm->name, " (", cn, ")");
    else if (cn && mm->name)
        mm->name = rasid__arena_cat(&c->doc->arena, mm->name, " of ", cn);
}

/* A title with a nationality but no name ("وزير الخارجية الجزائري", "نظيره المالي") is
 * still an actor: the office of that country. */
/* "التقى وزير الخارجية المالي عبد الله ديوب نظيره الروسي ... ووصل الوزير إلى موسكو أمس":
 * a bare definite title, with no nationality, name or organisation after it, is the
 * person or office of that role named before it, in its sentence or the three before:
 * of the nearest sentence that names one, the first named (the subject, not the
 * counterpart after it); emitted with the title's span. 1 if one was found. */
static int title_antecedent(ctx *c, const rasid__match *tm, size_t end, const char *role)
{
    if (end != tm->tok + tm->ntok || !starts_with_al(&c->t[tm->tok]) || !role || !*role) return 0;
    uint32_t sent = c->t[tm->tok].sent;
    const rasid_mention *ms = c->doc->mentions.data, *found = NULL;
    for (size_t i = c->doc->mentions.len; i-- > 0;) {
        const rasid_mention *x = &ms[i];
        if (x->tok_end > tm->tok) continue;
        if (x->sent + 3 < sent || (found && x->sent != found->sent)) break;
        if (!x->role || !x->country || !x->sector) continue;
        if (x->kind != RASID_M_PERSON && !(x->kind == RASID_M_ACTOR && x->id && !strncmp(x->id, "rasid:office:", 13))) continue;
        /* (the role as a whole word: "Foreign Minister of Mali" for الوزير, not "Ministry") */
        const char *r = strstr(x->role, role);
        size_t rl = strlen(role);
        if (!r || (r[rl] && r[rl] != ' ') || (r > x->role && r[-1] != ' ')) continue;
        found = x;
    }
    if (!found) return 0;
    rasid_mention am = *found;
    am.tok_begin = tm->tok;
    am.tok_end = (uint32_t)end;
    am.start = match_start(c, tm);
    am.end = c->t[end - 1].end;
    am.sent = sent;
    emit(c, &am);
    return 1;
}

static size_t title_actor(ctx *c, const rasid__match *tm, size_t end, const char *role, const char *sector,
                          const char *iso, const char *org)
{
    if (!iso && !org && title_antecedent(c, tm, end, role)) return end;
    if (!iso || org || !role) return tm->tok + tm->ntok;
    /* a title with no sector of its own (قائد، مسؤول) names a person, no state's office */
    const char *own = field(tm->e, "sector");
    if (!own || !*own) return tm->tok + tm->ntok;
    rasid_mention am = {0};
    am.kind = RASID_M_ACTOR;
    am.tok_begin = tm->tok;
    am.tok_end = (uint32_t)end;
    am.start = match_start(c, tm);
    am.end = c->t[end - 1].end;
    am.sent = c->t[tm->tok].sent;
    am.ekind = "state";
    am.sector = sector ? sector : "GOV";
    am.country = iso;
    am.role = role;
    am.lat = am.lon = NAN;
    const char *cn = country_name(c, iso);
    am.name = rasid__arena_cat(&c->doc->arena, role, " of ", cn ? cn : iso);
    am.id = rasid__arena_cat(&c->doc->arena, "rasid:office:", iso, ":", role);
    am.entry = tm->e;
    emit(c, &am);
    return end;
}

/* Title at match m: returns the token index after the person (or m's end when no
 * person follows). */
static size_t person_after_title(ctx *c, const rasid__match *tm)
{
    const rasid__entry *te = tm->e;
    const char *role = field(te, "role");
    const char *sector = field(te, "sector");
    /* "استقبل الرئيس الجزائري نظيره الموريتاني": a counterpart holds the office of the
     * title named before it in the sentence (the President of Mauritania), up to twelve
     * words back (past the name of the first: "وزير الخارجية المالي عبد الله ديوب نظيره") */
    if (role && rasid__streq(role, "Counterpart")) {
        rasid__match pm[MAXM];
        size_t rank_tok = SIZE_MAX; /* where a rank was found */
        for (size_t q = tm->tok, back = 0; q > 0 && back < 12 && c->t[q - 1].sent == c->t[tm->tok].sent; q--, back++) {
            /* (not a word of a name after a particle: "محمد ولد الشيخ الغزواني") */
            if (q >= 2 && is_cue(c, q - 2, CUE_NAMEPREFIX)) continue;
            size_t k = rasid__lex_match_at(c->lex, c->doc, q - 1, RASID_CATBIT(RASID_CAT_TITLE), 0, pm, MAXM);
            const char *r = k ? field(pm[0].e, "role") : NULL;
            if (!r || rasid__streq(r, "Counterpart") || pm[0].tok + pm[0].ntok > tm->tok) continue;
            if (rank_tok != SIZE_MAX) {
                /* (only nationalities between the office and the rank) */
                int apposed = 1;
                rasid__match nm[MAXM];
                for (size_t z = pm[0].tok + pm[0].ntok; z < rank_tok && apposed; z++)
                    apposed = rasid__lex_match_at(c->lex, c->doc, z, RASID_CATBIT(RASID_CAT_NISBA), 0, nm, MAXM) > 0;
                if (!apposed) break;
            }
            role = r;
            const char *sc = field(pm[0].e, "sector");
            if (sc && *sc) sector = sc;
            /* (a rank before the name, "رئيس أركان الجيوش الموريتانية الفريق فلان نظيره",
             * stands in apposition to the office before it, which the counterpart holds) */
            if (rank_tok == SIZE_MAX && (rasid__streq(r, "General") || rasid__streq(r, "Officer"))) {
                rank_tok = pm[0].tok;
                continue;
            }
            break;
        }
    }
    const char *iso = NULL;
    const char *org = NULL;
    int nisba_seen = 0, has_coord = 0;
    rasid__match coord = {0};
    size_t j = tm->tok + tm->ntok;
    uint32_t sent = c->t[tm->tok].sent;
    rasid__match m[MAXM];
    /* qualifiers of the title: a nationality, an organisation or a country, a comma */
    for (int step = 0; step < 4 && j < c->n && c->t[j].sent == sent; step++) {
        size_t k = best_matches(c, j, RASID_CATBIT(RASID_CAT_NISBA) | RASID_CATBIT(RASID_CAT_ACTOR) |
                                          RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_TITLE),
                                m);
        const rasid__match *best = k ? &m[0] : NULL;
        /* "القائد المحلي أحمد ولد سيدي", "المسؤول الأمني محمد": an adjective of the title */
        int adj = best ? 0 : is_cue(c, j, CUE_TITLEADJ);
        if (adj) {
            j += (size_t)adj;
            continue;
        }
        if (best && best->e->cat == RASID_CAT_ACTOR) {
            const char *kd = field(best->e, "kind");
            if (kd && rasid__streq(kd, "person")) break; /* the name itself */
        }
        if (best && best->e->cat == RASID_CAT_NISBA) {
            /* "نظيريه النيجري والبوركيني", "الرئيسان المالي والنيجري": a second nationality
             * joined by و names a second office */
            const rasid_token *bt = &c->t[best->tok];
            if (nisba_seen && best->reading > 0 && best->reading < bt->nreadings &&
                rasid__streq(bt->readings[best->reading].pro, "\xD9\x88") && iso) { /* و */
                coord = *best;
                has_coord = 1;
                break;
            }
            iso = field(best->e, "country");
            nisba_seen = 1;
            j = best->tok + best->ntok;
            continue;
        }
        if (best && best->e->cat == RASID_CAT_TITLE && nisba_seen) break; /* "الرئيس الموريتاني نظيره ..." */
        /* "استقبل الرئيس التشادي وفدا روسيا": after the nationality, a party is the next
         * one of the sentence, not the title's organisation */
        if (best && best->e->cat == RASID_CAT_ACTOR && nisba_seen) break;
        if (best && best->e->cat == RASID_CAT_TITLE) {
            /* "قائد الأركان، الجنرال عمر ديارا": a second title; keep the first role */
            j = best->tok + best->ntok;
            if (!sector) sector = field(best->e, "sector");
            continue;
        }
        /* a country qualifies a title only in a construct ("رئيس نيجيريا", "وزير خارجية مالي"):
         * after "الرئيس النيجيري" a country is what comes next in the sentence */
        int construct = !iso && !starts_with_al(&c->t[tm->tok]);
        if (best && best->e->cat == RASID_CAT_PLACE && !construct) break;
        if (best && (best->e->cat == RASID_CAT_ACTOR || best->e->cat == RASID_CAT_PLACE) &&
            (best->reading == 0 || best->article || (best->e->cat == RASID_CAT_PLACE))) {
            /* an organisation or country qualifying the title: emit it as its own mention */
            rasid_mention om = {0};
            if (best->e->cat == RASID_CAT_ACTOR) fill_actor(c, &om, best->e);
            else fill_place(c, &om, best->e);
            set_span(c, &om, best);
            if (best->e->cat == RASID_CAT_ACTOR) complete_generic(c, &om, best->e, best->tok + best->ntok);
            if (!iso) iso = om.country && !rasid__streq(om.country, "?") ? om.country : iso;
            if (best->e->cat == RASID_CAT_ACTOR) org = om.name; /* a country only gives the office its country */
            emit(c, &om);
            j = om.tok_end;
            continue;
        }
        if (c->t[j].kind == RASID_TOK_PUNCT && c->t[j].nlen == 1 && c->t[j].norm[0] == ',') { j++; continue; }
        if (c->t[j].kind == RASID_TOK_PUNCT && c->t[j].nlen == 2 && !memcmp(c->t[j].norm, "\xD8\x8C", 2)) { j++; continue; }
        break;
    }
    if (has_coord) {
        /* the first office, then the second on its nationality alone */
        title_actor(c, tm, j, role, sector, iso, org);
        rasid__match second = *tm;
        second.tok = coord.tok;
        second.ntok = coord.ntok;
        second.reading = coord.reading; /* (the mention starts after و, joining the list) */
        return title_actor(c, &second, coord.tok + coord.ntok, role, sector, field(coord.e, "country"), org);
    }
    /* "الرئيس الانتقالي في مالي", "رئيس المجلس العسكري في النيجر": an office with no
     * nationality of its own, then في and a country, is that country's office (the country
     * stays a place mention of its own), and so is the person named after it */
    if (!iso && !org && j + 1 < c->n && c->t[j + 1].sent == sent && c->t[j].nlen == 4 &&
        !memcmp(c->t[j].norm, "\xD9\x81\xD9\x8A", 4) /* في */) {
        size_t k = best_matches(c, j + 1, RASID_CATBIT(RASID_CAT_PLACE), m);
        const rasid__match *pl = k && m[0].reading == 0 ? &m[0] : NULL;
        const char *kd = pl ? field(pl->e, "kind") : NULL;
        size_t pe = pl ? pl->tok + pl->ntok : 0;
        const char *own = field(te, "sector");
        /* (heads, ministers and officers; an envoy or an official "in" a country is
         * posted there: "السفير في مالي" is another country's) */
        const char *tk = field(te, "kind");
        int of_state = tk && (rasid__streq(tk, "head") || rasid__streq(tk, "minister") || rasid__streq(tk, "military"));
        if (kd && rasid__streq(kd, "country") && own && *own && of_state) {
            iso = field(pl->e, "country");
            /* "وزير الدفاع في مالي ساديو كامارا": the name after the country */
            if (pe < c->n && c->t[pe].sent == sent && name_token(c, pe, pe)) j = pe;
            else {
                title_actor(c, tm, j, role, sector, iso, org);
                return j;
            }
        }
    }
    if (j >= c->n || c->t[j].sent != sent) return title_actor(c, tm, j, role, sector, iso, org);
    /* a known person? */
    size_t k = best_matches(c, j, RASID_CATBIT(RASID_CAT_ACTOR), m);
    for (size_t q = 0; q < k; q++) {
        const char *kd = field(m[q].e, "kind");
        if (!kd || !rasid__streq(kd, "person")) continue;
        rasid_mention pm = {0};
        fill_actor(c, &pm, m[q].e);
        set_span(c, &pm, &m[q]);
        if (!pm.role && role) pm.role = role;
        if (!pm.sector) pm.sector = sector;
        if (!pm.country) pm.country = iso;
        emit(c, &pm);
        return pm.tok_end;
    }
    /* an unknown name: up to four name-like tokens */
    size_t e = j;
    size_t maxlen = 3;
    while (e < c->n && e - j < maxlen && name_token(c, e, j)) {
        if (is_cue(c, e, CUE_NAMEPREFIX)) maxlen = 5; /* "محمد أحمد ولد محمد الأمين" */
        e++;
    }
    if (e == j) return title_actor(c, tm, j, role, sector, iso, org);
    rasid_mention pm = {0};
    pm.kind = RASID_M_PERSON;
    pm.tok_begin = (uint32_t)j;
    pm.tok_end = (uint32_t)e;
    pm.start = c->t[j].start;
    pm.end = c->t[e - 1].end;
    pm.sent = sent;
    pm.ekind = "person";
    pm.role = role;
    if (role && org && (!iso || rasid__streq(role, "Spokesperson")))
        pm.role = rasid__arena_cat(&c->doc->arena, role, " of ", org);
    pm.sector = sector;
    pm.country = iso;
    pm.lat = pm.lon = NAN;
    pm.name = spell_name(c, j, e);
    pm.id = rasid__arena_cat(&c->doc->arena, "rasid:person:", pm.name ? pm.name : "");
    emit(c, &pm);
    return e;
}

/* The latest named armed group (sector REB) mentioned before byte `before`, within
 * `max_sent` sentences of sentence `sent`; NULL if none. */
static int is_group(const rasid_mention *m)
{
    return m->kind == RASID_M_ACTOR && m->sector && rasid__streq(m->sector, "REB");
}

/* The armed groups named so far, by start offset then index: latest_group looks up the
 * last one before an offset by bisection instead of scanning every mention. NULL when
 * they could not be indexed (no memory, or sentences not in offset order); then the
 * mentions are scanned. */
typedef struct groups_t {
    size_t *ix; /* mention indexes */
    size_t len, cap;
    int ok;
    rasid__arena *arena; /* the doc's: ix is scratch (rasid__scratch) */
} groups_t;

static int group_before(const rasid_mention *ms, size_t a, size_t b)
{
    return ms[a].start != ms[b].start ? ms[a].start < ms[b].start : a < b;
}

static void groups_add(groups_t *g, const rasid_doc *doc, size_t m)
{
    const rasid_mention *ms = doc->mentions.data;
    if (!g->ok) return;
    if (g->len == g->cap) {
        size_t cap = g->cap ? 2 * g->cap : 16;
        size_t *ix = rasid__scratch(g->arena, cap * sizeof *ix);
        if (!ix) { g->ok = 0; return; }
        if (g->len) memcpy(ix, g->ix, g->len * sizeof *ix);
        rasid__scratch_free(g->ix);
        g->ix = ix;
        g->cap = cap;
    }
    size_t p = g->len;
    while (p > 0 && group_before(ms, m, g->ix[p - 1])) p--;
    memmove(g->ix + p + 1, g->ix + p, (g->len - p) * sizeof *g->ix);
    g->ix[p] = m;
    g->len++;
    /* the sentence test in latest_group needs sentences in offset order */
    if ((p > 0 && ms[g->ix[p - 1]].sent > ms[m].sent) || (p + 1 < g->len && ms[g->ix[p + 1]].sent < ms[m].sent))
        g->ok = 0;
}

static const rasid_mention *latest_group(const rasid_doc *doc, const groups_t *g, uint32_t before, uint32_t sent,
                                         uint32_t max_sent)
{
    const rasid_mention *ms = doc->mentions.data, *best = NULL;
    if (g->ok) {
        /* the last group starting before `before`, the first of those at that offset; an
         * earlier one is in an earlier or the same sentence, so it is the one or none is */
        size_t lo = 0, hi = g->len;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (ms[g->ix[mid]].start < before) lo = mid + 1;
            else hi = mid;
        }
        if (!lo) return NULL;
        while (lo > 1 && ms[g->ix[lo - 2]].start == ms[g->ix[lo - 1]].start) lo--;
        best = &ms[g->ix[lo - 1]];
        return best->sent + max_sent < sent ? NULL : best;
    }
    for (size_t i = 0; i < doc->mentions.len; i++) {
        const rasid_mention *m = &ms[i];
        if (!is_group(m) || m->start >= before) continue;
        if (m->sent + max_sent < sent) continue;
        if (!best || m->start > best->start) best = m;
    }
    return best;
}

static int definite_form(const ctx *c, const rasid_mention *m)
{
    const rasid_token *t = &c->t[m->tok_begin];
    if (starts_with_al(t)) return 1;
    for (uint16_t r = 1; r < t->nreadings; r++)
        if (t->readings[r].article) return 1;
    return 0;
}

/* Coreference of definite references to an armed group: "المسلحون", "الإرهابيون",
 * "الجماعة المتطرفة", "الحركة" after "بوكو حرام" are that group's fighters. Indefinite
 * ones ("مسلحون", "مسلحون مجهولون") stay unknown. */
static void resolve_group_references(ctx *c)
{
    size_t n = c->doc->mentions.len;
    groups_t groups = {NULL, 0, 0, 1, &c->doc->arena};
    int any = 0;
    for (size_t i = 0; i < n; i++)
        if (is_group(&((rasid_mention *)c->doc->mentions.data)[i])) groups_add(&groups, c->doc, i), any = 1;
    /* (no group named: no word below can refer to one, and most articles name none; the
     * passes over every token are spared) */
    if (!any) return;
    for (size_t i = 0; i < n; i++) {
        rasid_mention *m = &((rasid_mention *)c->doc->mentions.data)[i];
        if (m->kind != RASID_M_ACTOR || !m->sector || !rasid__streq(m->sector, "UAF") || !definite_form(c, m)) continue;
        if (m->name && strstr(m->name, "Suicide")) continue;
        const rasid_mention *g = latest_group(c->doc, &groups, m->start, m->sent, 8);
        if (!g) continue;
        m->name = g->name;
        m->id = g->id;
        m->country = g->country;
        m->sector = g->sector;
        m->ekind = g->ekind;
        if (is_group(m)) groups_add(&groups, c->doc, i);
    }
    size_t nt = rasid__lex_cue_in_doc(c->doc, CUE_GROUPREF) ? c->n : 0; /* (no such cue: nothing to do) */
    for (size_t i = 0; i < nt; i++) {
        if (c->covered[i]) continue;
        int len = rasid__lex_is_cue(c->lex, c->doc, i, CUE_GROUPREF); /* (its length in tokens: i < n) */
        if (!len) continue;
        const rasid_mention *g = latest_group(c->doc, &groups, c->t[i].start, c->t[i].sent, 8);
        if (!g) continue;
        rasid_mention rm = *g;
        rm.tok_begin = (uint32_t)i;
        rm.tok_end = (uint32_t)(i + (size_t)len);
        rm.start = c->t[i].start;
        rm.end = c->t[i + (size_t)len - 1].end;
        rm.sent = c->t[i].sent;
        rm.fuzzy = 0;
        size_t before = c->doc->mentions.len;
        emit(c, &rm);
        if (c->doc->mentions.len > before && is_group(&rm)) groups_add(&groups, c->doc, before);
        i += (size_t)len - 1;
    }
    /* "وكانت الجبهة قد شنت هجوما": the definite head noun of the last group's name (جبهة
     * التناوب والوفاق) names that group; a noun of no group's name (the front line) none */
    static const char jabha[] = "\xD8\xAC\xD8\xA8\xD9\x87\xD9\x87"; /* جبهه */
    for (size_t i = 0; i < c->n; i++) {
        const rasid_token *t = &c->t[i];
        /* (the word's end first: a stem is the end of its word when no enclitic follows,
         * and almost no word ends so; covered and kind vary from word to word, and were
         * tested first at the cost of a mispredicted branch every few words) */
        if (t->nlen < sizeof jabha - 1 || memcmp(t->norm + t->nlen - (sizeof jabha - 1), jabha, sizeof jabha - 1) ||
            c->covered[i] || t->kind != RASID_TOK_ARABIC)
            continue;
        int def = 0;
        for (uint16_t r = 1; r < t->nreadings && !def; r++)
            def = t->readings[r].article && !t->readings[r].enc[0] && rasid__streq(t->readings[r].stem, jabha);
        if (!def) continue;
        const rasid_mention *g = latest_group(c->doc, &groups, t->start, t->sent, 8);
        if (!g || g->tok_begin >= c->n) continue;
        const rasid_token *h = &c->t[g->tok_begin];
        int head = rasid__streq(h->norm, jabha);
        for (uint16_t r = 1; r < h->nreadings && !head; r++) head = !h->readings[r].article && rasid__streq(h->readings[r].stem, jabha);
        if (!head) continue;
        emit_as(c, *g, i, 1);
    }
    rasid__scratch_free(groups.ix);
}

/* "العاصمة" alone ("انفجار في العاصمة") names the capital of the country the text is
 * about there: the country of the latest place, nationality or state institution named
 * before it (else after it in its sentence). The capital is the country row's column
 * capital (places.tsv). Not when a name or an adjective follows it ("العاصمة باماكو",
 * "العاصمة الاقتصادية"): the name says it, the adjective may name another city. */
static int context_iso_ok(const rasid_mention *x)
{
    if (!x->country || !len3(x->country) || rasid__streq(x->country, "IMG") || rasid__streq(x->country, "IGO")) return 0;
    if (x->kind == RASID_M_PLACE || x->kind == RASID_M_NISBA) return 1;
    return x->kind == RASID_M_ACTOR && x->sector &&
           (rasid__streq(x->sector, "MIL") || rasid__streq(x->sector, "COP") || rasid__streq(x->sector, "GOV"));
}

/* Emit token i alone as a mention of place entry e (a word standing for a place). */
static void emit_place_at(ctx *c, size_t i, const rasid__entry *e)
{
    rasid_mention mm = {0};
    fill_place(c, &mm, e);
    mm.tok_begin = (uint32_t)i;
    mm.tok_end = (uint32_t)(i + 1);
    mm.start = c->t[i].start;
    mm.end = c->t[i].end;
    mm.sent = c->t[i].sent;
    mm.entry = e;
    emit(c, &mm);
}

static void resolve_capitals(ctx *c)
{
    size_t n = rasid__lex_cue_in_doc(c->doc, CUE_CAPITAL) ? c->n : 0; /* (no such cue: nothing to do) */
    for (size_t i = 0; i < n; i++) {
        /* (the rare test first; i < n, so without is_cue's bound) */
        if (!rasid__lex_is_cue(c->lex, c->doc, i, CUE_CAPITAL) || c->covered[i] || c->t[i].kind != RASID_TOK_ARABIC) continue;
        size_t nx = i + 1;
        if (nx < c->n && c->t[nx].sent == c->t[i].sent &&
            (c->covered[nx] == 2 || (!c->covered[nx] && c->t[nx].kind == RASID_TOK_ARABIC && starts_with_al(&c->t[nx]))))
            continue;
        const rasid_mention *ms = c->doc->mentions.data;
        size_t nm = c->doc->mentions.len;
        const rasid_mention *best = NULL;
        for (size_t m = 0; m < nm; m++) { /* (not yet sorted: the latest start before it) */
            const rasid_mention *x = &ms[m];
            if (!context_iso_ok(x)) continue;
            if (x->tok_end <= i && (!best || best->tok_end > i || x->start > best->start)) best = x;
            else if (x->tok_begin > i && x->sent == c->t[i].sent && (!best || (best->tok_begin > i && x->start < best->start)))
                best = x;
        }
        if (!best) continue;
        char key[256];
        if (!capital_key(c->lex, best->country, key, sizeof key)) continue;
        const rasid__entry *pe = rasid__lex_lookup(c->lex, RASID_CAT_PLACE, key);
        if (!pe) continue;
        emit_place_at(c, i, pe);
    }
}

/* "أكد الوزير الموريتاني أن بلاده ستنشر": بلاده is the country of the party with a country
 * named last before it in its sentence (a person or force of a state, a nationality). */
static void resolve_own_country(ctx *c)
{
    size_t n = rasid__lex_cue_in_doc(c->doc, CUE_OWNCOUNTRY) ? c->n : 0; /* (no such cue: nothing to do) */
    for (size_t i = 0; i < n; i++) {
        if (c->covered[i] || c->t[i].kind != RASID_TOK_ARABIC || !is_cue(c, i, CUE_OWNCOUNTRY)) continue;
        const rasid_mention *ms = c->doc->mentions.data, *best = NULL;
        for (size_t m = 0; m < c->doc->mentions.len; m++) { /* (not yet sorted) */
            const rasid_mention *x = &ms[m];
            int own = context_iso_ok(x) ||
                      (x->kind == RASID_M_PERSON && x->country && len3(x->country) &&
                       !rasid__streq(x->country, "IMG") && !rasid__streq(x->country, "IGO"));
            if (own && x->sent == c->t[i].sent && x->tok_end <= i && (!best || x->start > best->start)) best = x;
        }
        const rasid__entry *ce = best ? rasid__lex_country(c->lex, best->country) : NULL;
        if (!ce) continue;
        emit_place_at(c, i, ce);
    }
}

/* Does the word end as it would with the enclitic نا، ه، ها or هم (whose readings
 * resolve_our_forces looks at)? Readings never change the word's letters, so an enclitic
 * is its last letters. */
static int possessive_end(const rasid_token *t)
{
    const char *e = t->norm + t->nlen;
    if (t->nlen < 4) return 0;
    if (!memcmp(e - 2, "\xD9\x87", 2)) return 1;                                                      /* ه */
    if (!memcmp(e - 2, "\xD8\xA7", 2)) return !memcmp(e - 4, "\xD9\x86", 2) || !memcmp(e - 4, "\xD9\x87", 2); /* نا ها */
    return !memcmp(e - 2, "\xD9\x85", 2) && !memcmp(e - 4, "\xD9\x87", 2);                          /* هم */
}

/* "قال الجيش المالي في بيان إن جنودنا صدوا هجوما", "أكد وزير الدفاع النيجري أن قواتنا
 * ...": a noun of forces with the pronoun of the first person plural (جنودنا، قواتنا،
 * جيشنا، وحداتنا، عناصرنا) is the forces of the one speaking, the party named last before
 * it (in its sentence or the two before): a state force (army, police) or an armed group
 * is itself; a government, an office or a titled person of a state speaks for that
 * state's army (جيش + its name); any other party names no forces. */
static void resolve_our_forces(ctx *c)
{
    static const char *const forces[] = {
        "\xD8\xAC\xD9\x86\xD9\x88\xD8\xAF",                 /* جنود */
        "\xD9\x82\xD9\x88\xD8\xA7\xD8\xAA",                 /* قوات */
        "\xD8\xAC\xD9\x8A\xD8\xB4",                           /* جيش */
        "\xD9\x88\xD8\xAD\xD8\xAF\xD8\xA7\xD8\xAA",       /* وحدات */
        "\xD8\xB9\xD9\x86\xD8\xA7\xD8\xB5\xD8\xB1"};      /* عناصر */
    /* "أعلنت القوة المشتركة مقتل عشرة من عناصرها", "بعد مقتل اثنين من موظفيها": after من
     * or أحد (one of),
     * a noun of members with the pronoun of the third person (ه، ها، هم) is the members of
     * the party named last before it in its sentence, a singular one for ه and ها (a
     * sound plural, مسلحون، مسلحين, is هم) */
    static const char *const members[] = {
        "\xD8\xA7\xD9\x81\xD8\xB1\xD8\xA7\xD8\xAF",                 /* افراد */
        "\xD9\x85\xD9\x88\xD8\xB8\xD9\x81\xD9\x8A",                 /* موظفي */
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD9\x8A"};      /* مقاتلي */
    for (size_t i = 0; i < c->n; i++) {
        const rasid_token *t = &c->t[i];
        /* (the enclitics below are the end of the word: tested first, as above) */
        if (!possessive_end(t) || c->covered[i] || t->kind != RASID_TOK_ARABIC) continue;
        int ours = 0, third = 0; /* third: 1 singular (ه، ها), 2 plural (هم) */
        for (uint16_t r = 1; r < t->nreadings && !ours && !third; r++) {
            const rasid_reading *rd = &t->readings[r];
            if (rd->article || !rd->enc[0]) continue;
            int we = rasid__streq(rd->enc, "\xD9\x86\xD8\xA7"); /* نا */
            int he = rasid__streq(rd->enc, "\xD9\x87") || rasid__streq(rd->enc, "\xD9\x87\xD8\xA7") ? 1
                     : rasid__streq(rd->enc, "\xD9\x87\xD9\x85")                                        ? 2
                                                                                                             : 0;
            const rasid_token *pt = i > 0 ? &c->t[i - 1] : NULL;
            int of = pt && pt->sent == t->sent &&
                     ((pt->nlen == 4 && !memcmp(pt->norm, "\xD9\x85\xD9\x86", 4)) ||         /* من */
                      (pt->nlen == 6 && !memcmp(pt->norm, "\xD8\xA7\xD8\xAD\xD8\xAF", 6)) || /* احد */
                      (pt->nlen == 8 && !memcmp(pt->norm, "\xD8\xA7\xD8\xAD\xD8\xAF\xD9\x8A", 8))); /* احدي */
            if (!we && !(he && !rd->pro[0] && of)) continue;
            int hit = 0;
            for (size_t f = 0; f < sizeof forces / sizeof *forces && !hit; f++) hit = rasid__streq(rd->stem, forces[f]);
            for (size_t f = 0; he && f < sizeof members / sizeof *members && !hit; f++) hit = rasid__streq(rd->stem, members[f]);
            if (hit && we) ours = 1;
            else if (hit) third = he;
        }
        if (!ours && !third) continue;
        const rasid_mention *ms = c->doc->mentions.data, *best = NULL;
        for (size_t m = 0; m < c->doc->mentions.len; m++) { /* (not yet sorted) */
            const rasid_mention *x = &ms[m];
            if (x->tok_end > i || x->sent + 2 < t->sent || (x->kind != RASID_M_ACTOR && x->kind != RASID_M_PERSON)) continue;
            if (third && (x->sent != t->sent || x->kind != RASID_M_ACTOR)) continue;
            if (third) {
                /* (a name's first word: "جماعة نصرة الإسلام والمسلمين" is one group) */
                const rasid_token *lt = &c->t[x->tok_begin];
                int plural = lt->nlen > 4 && (!memcmp(lt->norm + lt->nlen - 4, "\xD9\x88\xD9\x86", 4) ||
                                              !memcmp(lt->norm + lt->nlen - 4, "\xD9\x8A\xD9\x86", 4)); /* ون ين */
                if (plural != (third == 2)) continue;
            }
            if (!best || x->start > best->start) best = x;
        }
        if (third && best) {
            /* (an organisation's staff are its own) */
            if (best->sector && (rasid__streq(best->sector, "NGO") || rasid__streq(best->sector, "IGO"))) {
                emit_as(c, *best, i, 1);
                continue;
            }
        }
        /* (the party named last speaks: an armed group's men are its own, "قال متحدث باسم
         * الجماعة إن عناصرنا"; a state's only with a country of its own) */
        if (!best || !best->sector) continue;
        int group = rasid__streq(best->sector, "REB") && best->kind == RASID_M_ACTOR;
        if (!group && (!best->country || !len3(best->country) || rasid__streq(best->country, "IMG") ||
                       rasid__streq(best->country, "IGO")))
            continue;
        if (!group && !rasid__streq(best->sector, "MIL") && !rasid__streq(best->sector, "COP") && !rasid__streq(best->sector, "GOV"))
            continue;
        rasid_mention rm = *best;
        if (!group && !rasid__streq(best->sector, "MIL") && !rasid__streq(best->sector, "COP")) {
            /* the army of the state whose government or official speaks */
            const rasid__entry *ce = rasid__lex_country(c->lex, best->country);
            char key[300];
            if (!ce || strlen(ce->key) + 10 >= sizeof key) continue;
            memcpy(key, "\xD8\xAC\xD9\x8A\xD8\xB4 ", 7); /* "جيش " */
            strcpy(key + 7, ce->key);
            const rasid__entry *ae = rasid__lex_lookup(c->lex, RASID_CAT_ACTOR, key);
            if (!ae) continue;
            memset(&rm, 0, sizeof rm);
            fill_actor(c, &rm, ae);
            rm.entry = ae;
            if (rm.kind != RASID_M_ACTOR || !rm.country || !rasid__streq(rm.country, best->country)) continue;
        }
        emit_as(c, rm, i, 1);
    }
}

/* Is token t a word of territory: أراضي، الأراضي، تراب، التراب (with the clitics و ف ب ل
 * before it: "بالأراضي")? */
static int territory_word(const rasid_token *t)
{
    static const char *const forms[] = {
        "\xD8\xA7\xD8\xB1\xD8\xA7\xD8\xB6\xD9\x8A", /* اراضي */
        "\xD8\xAA\xD8\xB1\xD8\xA7\xD8\xA8",           /* تراب */
    };
    for (uint16_t r = 0; r < t->nreadings; r++) {
        const rasid_reading *rd = &t->readings[r];
        const char *st = r ? rd->stem : t->norm;
        if (r && rd->enc[0]) continue;
        if (!r && t->nlen > 4 && !memcmp(st, "\xD8\xA7\xD9\x84", 4)) st += 4; /* ال */
        for (size_t f = 0; f < sizeof forms / sizeof *forms; f++)
            if (rasid__streq(st, forms[f])) return 1;
    }
    return 0;
}

/* "داخل الأراضي المالية", "في الأراضي الجزائرية", "التراب النيجري": the territory a
 * nationality adjective names is that country, a place of precision country; "التراب
 * الوطني", "الأراضي الوطنية" (national territory) is the country of the state force,
 * government or place named last before it (two sentences back at most). */
static void resolve_territory(ctx *c)
{
    /* "الوطني", "الوطنية" */
    static const char *const national[] = {"\xD8\xA7\xD9\x84\xD9\x88\xD8\xB7\xD9\x86\xD9\x8A",
                                           "\xD8\xA7\xD9\x84\xD9\x88\xD8\xB7\xD9\x86\xD9\x8A\xD9\x87"};
    for (size_t m = 0; m < c->doc->mentions.len; m++) {
        rasid_mention *x = &((rasid_mention *)c->doc->mentions.data)[m];
        if (x->kind != RASID_M_NISBA || x->tok_begin == 0 || !x->country || !len3(x->country)) continue;
        size_t w = x->tok_begin - 1;
        if (c->covered[w] || c->t[w].sent != x->sent || !territory_word(&c->t[w])) continue;
        const rasid__entry *ce = rasid__lex_country(c->lex, x->country);
        if (!ce) continue;
        rasid_mention pm = *x;
        fill_place(c, &pm, ce);
        pm.entry = ce;
        pm.tok_begin = (uint32_t)w;
        pm.start = c->t[w].start;
        pm.fuzzy = 0;
        *x = pm;
        c->covered[w] = 2;
    }
    for (size_t i = 0; i + 1 < c->n; i++) {
        const rasid_token *t = &c->t[i], *nx = &c->t[i + 1];
        /* (the next word first, and its length before its letters: it is rarely one of
         * these, so the branches go the same way nearly always; covered and kind vary from
         * word to word, and tested first cost a mispredicted branch every few words) */
        if (!(nx->nlen == strlen(national[0]) && !memcmp(nx->norm, national[0], nx->nlen)) &&
            !(nx->nlen == strlen(national[1]) && !memcmp(nx->norm, national[1], nx->nlen)))
            continue;
        if (c->covered[i] || c->covered[i + 1] || t->kind != RASID_TOK_ARABIC || nx->sent != t->sent) continue;
        if (!territory_word(t)) continue;
        const rasid_mention *ms = c->doc->mentions.data, *best = NULL;
        for (size_t m = 0; m < c->doc->mentions.len; m++) { /* (not yet sorted) */
            const rasid_mention *x = &ms[m];
            if (x->tok_end > i || x->sent + 2 < t->sent || !context_iso_ok(x)) continue;
            if (!best || x->start > best->start) best = x;
        }
        const rasid__entry *ce = best ? rasid__lex_country(c->lex, best->country) : NULL;
        if (!ce) continue;
        rasid_mention pm = {0};
        fill_place(c, &pm, ce);
        pm.entry = ce;
        pm.tok_begin = (uint32_t)i;
        pm.tok_end = (uint32_t)(i + 2);
        pm.start = t->start;
        pm.end = nx->end;
        pm.sent = t->sent;
        emit(c, &pm);
    }
}

/* Country mentions counted per ISO3 code (a handful per article: a small array). */
typedef struct votes_t {
    const char *iso[32];
    int n[32];
    int len;
} votes_t;

/* (codes of three letters, compared inline: a call to strcmp costs more than they do) */
static void vote(votes_t *v, const char *iso)
{
    if (!iso || !*iso) return;
    for (int i = 0; i < v->len; i++)
        if (rasid__streq(v->iso[i], iso)) { v->n[i]++; return; }
    if (v->len < 32) {
        v->iso[v->len] = iso;
        v->n[v->len++] = 1;
    }
}

static int country_votes(const votes_t *v, const char *iso)
{
    for (int i = 0; iso && i < v->len; i++)
        if (rasid__streq(v->iso[i], iso)) return v->n[i];
    return 0;
}

/* Which countries the article names (countries and nationalities): the votes that settle
 * place names shared by several countries. Read on the tokens outside dates and numbers
 * (covered as it was before any name was found: rasid__lex_recognise counts them only
 * when a name needs them, after names have been found, which most articles never do). */
static void count_votes(const ctx *c, const uint8_t *covered, votes_t *votes)
{
    rasid__match m[MAXM];
    for (size_t q = 0; q < c->n; q++) {
        if (covered[q] || c->t[q].kind != RASID_TOK_ARABIC) continue;
        size_t k = rasid__lex_match_at(c->lex, c->doc, q,
                                       RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_NISBA) |
                                           RASID_CATBIT(RASID_CAT_ACTOR), 0, m, MAXM);
        for (size_t z = 0; z < k; z++) {
            const char *kd = field(m[z].e, "kind");
            if (m[z].e->cat == RASID_CAT_NISBA || (m[z].e->cat == RASID_CAT_PLACE && kd && rasid__streq(kd, "country"))) {
                vote(votes, field(m[z].e, "country"));
                break;
            }
            /* (an actor of one country, "حكومة الوحدة الوطنية", names it too) */
            const char *ac = m[z].e->cat == RASID_CAT_ACTOR ? field(m[z].e, "country") : NULL;
            if (ac && len3(ac) && !rasid__streq(ac, "IMG") && !rasid__streq(ac, "IGO") && m[z].ntok > 1) {
                vote(votes, ac);
                break;
            }
        }
    }
}

/* "القوات الموريتانية والمغربية", "الجيش المالي والنيجري": a nationality joined by و right
 * after an institution named with another nationality shares its head noun: the same
 * institution of that country. `prev` is the entry of the actor that ends right before
 * the nisba match `nm`; returns the actor entry of the institution for the nisba's
 * country, or NULL. */
static const rasid__entry *coordinated_institution(const ctx *c, const rasid__entry *prev, const rasid__match *nm)
{
    if (!prev || nm->e->cat != RASID_CAT_NISBA || nm->ntok != 1 || !nm->reading) return NULL;
    const rasid_token *t = &c->t[nm->tok];
    if (nm->reading >= t->nreadings || strncmp(t->readings[nm->reading].pro, "\xD9\x88", 2)) return NULL; /* و */
    const char *sp = strrchr(prev->key, ' ');
    if (!sp || !rasid__lex_lookup(c->lex, RASID_CAT_NISBA, sp + 1)) return NULL;
    const char *pc = field(prev, "country"), *nc = field(nm->e, "country");
    if (!pc || !nc || rasid__streq(pc, nc)) return NULL;
    char key[256];
    size_t hl = (size_t)(sp - prev->key) + 1, nl = strlen(nm->e->key);
    if (hl + nl + 1 > sizeof key) return NULL;
    memcpy(key, prev->key, hl);
    memcpy(key + hl, nm->e->key, nl + 1);
    const rasid__entry *e = rasid__lex_lookup(c->lex, RASID_CAT_ACTOR, key);
    const char *ec = e ? field(e, "country") : NULL;
    return ec && rasid__streq(ec, nc) ? e : NULL;
}

int rasid__lex_recognise(rasid_doc *doc, const rasid_lexicon *lex)
{
    struct stopsense senses = {.n = 0};
    ctx c = {doc, lex, doc->tokens.data, doc->tokens.len, NULL, &senses};
    if (!c.n) return RASID_OK;
    c.covered = rasid__scratch_zero(&doc->arena, c.n);
    if (!c.covered) return RASID_NOMEM;
    /* tokens inside dates and numbers are not names */
    const rasid_mention *ms = doc->mentions.data;
    for (size_t i = 0; i < doc->mentions.len; i++)
        for (uint32_t q = ms[i].tok_begin; q < ms[i].tok_end && q < c.n; q++) c.covered[q] = 1;
    unsigned mask = RASID_CATBIT(RASID_CAT_PLACE) | RASID_CATBIT(RASID_CAT_ACTOR) |
                    RASID_CATBIT(RASID_CAT_NISBA) | RASID_CATBIT(RASID_CAT_TITLE);
    rasid__match m[MAXM];
    /* the country votes (count_votes), counted when first needed: on the tokens covered
     * now, kept aside (or at once, without memory for that) */
    votes_t votes = {0};
    uint8_t *covered0 = rasid__scratch(&doc->arena, c.n);
    int voted = !covered0;
    if (covered0) memcpy(covered0, c.covered, c.n);
    else count_votes(&c, c.covered, &votes);
    size_t i = 0;
    const rasid__entry *prev_actor = NULL; /* the actor entry that ends at token prev_end */
    size_t prev_end = SIZE_MAX;
    while (i < c.n) {
        if (c.covered[i] || (c.t[i].kind != RASID_TOK_ARABIC && c.t[i].kind != RASID_TOK_LATIN)) { i++; continue; }
        /* (most tokens match nothing: known without a call) */
        size_t k = rasid__lex_match_at(lex, doc, i, mask, 1, m, MAXM);
        if (k) k = keep_matches(&c, m, k, m);
        if (!k) { i++; continue; }
        /* longest first; among equals: exact, actor > place > title > nisba */
        const rasid__match *best = &m[0];
        for (size_t q = 1; q < k; q++) {
            const rasid__match *x = &m[q];
            if (x->fuzzy != best->fuzzy) { if (x->fuzzy < best->fuzzy) best = x; continue; }
            if (x->ntok != best->ntok) { if (x->ntok > best->ntok) best = x; continue; }
            static const int rank[RASID_CAT_COUNT] = {[RASID_CAT_ACTOR] = 4, [RASID_CAT_PLACE] = 3,
                                                      [RASID_CAT_TITLE] = 2, [RASID_CAT_NISBA] = 1};
            if (rank[x->e->cat] > rank[best->e->cat]) best = x;
            else if (x->e->cat == RASID_CAT_PLACE && best->e->cat == RASID_CAT_PLACE) {
                /* طرابلس: the Tripoli of the country the article is about; with no country
                 * named for either, the one that is a capital */
                if (!voted) count_votes(&c, covered0, &votes), voted = 1;
                int vx = country_votes(&votes, field(x->e, "country")), vb = country_votes(&votes, field(best->e, "country"));
                if (vx > vb || (vx == vb && is_capital(c.lex, x->e) && !is_capital(c.lex, best->e))) best = x;
            }
        }
        /* "تنظيم القاعدة في بلاد المغرب": a longer name starting inside this match wins
         * ("تنظيم القاعدة" is only its first half) */
        if (best->e->cat != RASID_CAT_TITLE && best->ntok > 1) {
            int moved = 0;
            for (uint32_t q = best->tok + 1; q < best->tok + best->ntok && !moved; q++)
                if (longer_inside(&c, q, mask, best)) {
                    i = q;
                    moved = 1;
                }
            if (moved) continue;
        }
        if (best->e->cat == RASID_CAT_TITLE) {
            size_t after = person_after_title(&c, best);
            i = after > i ? after : i + 1;
            continue;
        }
        rasid_mention mm = {0};
        rasid__match adjm;
        const rasid__entry *adj = best->e->cat == RASID_CAT_PLACE ? country_as_adjective(&c, best) : NULL;
        if (adj) {
            adjm = *best;
            adjm.e = adj;
            adjm.cat = (uint8_t)adj->cat;
            best = &adjm;
        }
        const rasid__entry *coord = prev_end == i ? coordinated_institution(&c, prev_actor, best) : NULL;
        if (best->e->cat == RASID_CAT_PLACE) fill_place(&c, &mm, best->e);
        else if (best->e->cat == RASID_CAT_ACTOR) fill_actor(&c, &mm, best->e);
        else if (coord) fill_actor(&c, &mm, coord);
        else {
            mm.kind = RASID_M_NISBA;
            mm.country = field(best->e, "country");
            mm.name = field(best->e, "name");
            mm.id = mm.country;
            mm.lat = mm.lon = NAN;
        }
        set_span(&c, &mm, best);
        if (best->e->cat == RASID_CAT_ACTOR && (prev_end == SIZE_MAX || prev_end + 2 <= best->tok))
            quoted_after_head(&c, &mm);
        absorb_numbers(&c, best->tok, best->tok + best->ntok);
        if (best->e->cat == RASID_CAT_ACTOR) complete_generic(&c, &mm, best->e, best->tok + best->ntok);
        emit(&c, &mm);
        prev_actor = best->e->cat == RASID_CAT_ACTOR ? best->e : coord;
        prev_end = mm.tok_end;
        i = mm.tok_end > i ? mm.tok_end : i + 1;
    }
    resolve_group_references(&c);
    resolve_capitals(&c);
    resolve_own_country(&c);
    resolve_our_forces(&c);
    resolve_territory(&c);
    rasid__scratch_free(covered0);
    rasid__scratch_free(c.covered);
    return RASID_OK;
}
