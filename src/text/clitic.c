/*
 * clitic.c — candidate clitic segmentations of a normalised Arabic word.
 *
 * A word is read as  [conjunction] [preposition | future-s] [article] STEM [enclitic]:
 *   conjunction  و ف
 *   preposition  ب ك ل       (ل before the article: لل = ل + ال, the article's alef dropped)
 *   future       س           (only before an imperfect prefix ي ت ن ا/أ, stem >= 3 letters)
 *   article      ال
 *   enclitic     ه ها هم هما هن ك كم كن ي نا   (never together with the article)
 * Constraints: the stem keeps at least 2 letters, at least 3 when an enclitic is split
 * off; at most 2 proclitic letters plus the article. The split is never destructive:
 * readings[0] is always the whole form (pro = enc = "", article 0, stem = the word), so a
 * name that merely begins with clitic-like letters (باماكو, فرنسا, ليبيا, كيدال) keeps its
 * whole form as the first candidate. Further readings are ordered by the number of
 * clitics split off (fewer first); for the same number a reading without an enclitic comes
 * first (proclitics are the surer split); otherwise in the order above.
 *
 * A hint says when the final ه was a ة (or the final ي an ى) before normalisation: those
 * cannot be the enclitic ه (or ي), which removes the commonest spurious split.
 */
#include "text.h"

#include <string.h>

#define L_WAW "\xD9\x88"
#define L_FEH "\xD9\x81"
#define L_BEH "\xD8\xA8"
#define L_KAF "\xD9\x83"
#define L_LAM "\xD9\x84"
#define L_ALEF "\xD8\xA7"
#define L_SEEN "\xD8\xB3"
#define L_HEH "\xD9\x87"
#define L_MEEM "\xD9\x85"
#define L_NOON "\xD9\x86"
#define L_YEH "\xD9\x8A"

typedef struct pro_ent {
    const char *s;
    uint8_t len;     /* bytes */
    uint8_t letters;
    uint8_t lam;     /* ends with the preposition ل (لل = ل + ال) */
    uint8_t future;  /* ends with future س */
} pro_ent;

static const pro_ent PRO[] = {
    {"", 0, 0, 0, 0},
    {L_WAW, 2, 1, 0, 0},          {L_FEH, 2, 1, 0, 0},
    {L_BEH, 2, 1, 0, 0},          {L_KAF, 2, 1, 0, 0},          {L_LAM, 2, 1, 1, 0},
    {L_WAW L_BEH, 4, 2, 0, 0},    {L_WAW L_KAF, 4, 2, 0, 0},    {L_WAW L_LAM, 4, 2, 1, 0},
    {L_FEH L_BEH, 4, 2, 0, 0},    {L_FEH L_KAF, 4, 2, 0, 0},    {L_FEH L_LAM, 4, 2, 1, 0},
    {L_SEEN, 2, 1, 0, 1},         {L_WAW L_SEEN, 4, 2, 0, 1},   {L_FEH L_SEEN, 4, 2, 0, 1},
};

typedef struct enc_ent {
    const char *s;
    uint8_t len, letters;
} enc_ent;

/* longer first, so that هما is tried before ما is not an enclitic anyway */
static const enc_ent ENC[] = {
    {L_HEH L_MEEM L_ALEF, 6, 3}, {L_HEH L_MEEM, 4, 2}, {L_HEH L_ALEF, 4, 2}, {L_HEH L_NOON, 4, 2},
    {L_KAF L_MEEM, 4, 2},        {L_KAF L_NOON, 4, 2}, {L_NOON L_ALEF, 4, 2}, {L_HEH, 2, 1},
    {L_KAF, 2, 1},               {L_YEH, 2, 1},
};

/* Which PRO entries (besides the empty one) and which ENC entries a word can take, by its
 * first / last letter (the second byte of a 2-byte letter), in table order; 0-terminated. */
static const uint8_t PRO_BY_FIRST_D8[][6] = {
    [0xA8 - 0xA0] = {3, 0},   /* ب */
    [0xB3 - 0xA0] = {12, 0},  /* س */
};
static const uint8_t PRO_BY_FIRST_D9[][6] = {
    [0x88 - 0x80] = {1, 6, 7, 8, 13, 0}, /* و */
    [0x81 - 0x80] = {2, 9, 10, 11, 14, 0}, /* ف */
    [0x83 - 0x80] = {4, 0},   /* ك */
    [0x84 - 0x80] = {5, 0},   /* ل */
};
/* ENC indices + 1, 0-terminated */
static const uint8_t ENC_BY_LAST_D9[][4] = {
    [0x85 - 0x80] = {2, 5, 0},  /* م: هم كم */
    [0x86 - 0x80] = {4, 6, 0},  /* ن: هن كن */
    [0x87 - 0x80] = {8, 0},     /* ه */
    [0x83 - 0x80] = {9, 0},     /* ك */
    [0x8A - 0x80] = {10, 0},    /* ي */
};
static const uint8_t ENC_BY_LAST_ALEF[4] = {1, 3, 7, 0}; /* ا: هما ها نا */

typedef struct cand {
    uint8_t pro;  /* PRO index */
    uint8_t enc;  /* ENC index + 1; 0: none */
    uint8_t art, cost;
    uint32_t soff, slen;
} cand;

static size_t letters(const char *s, size_t n)
{
    /* code points = bytes that are not continuation bytes (10xxxxxx), 8 at a time */
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        cont += (size_t)((((x & ~(x << 1)) >> 7 & 0x0101010101010101ull) * 0x0101010101010101ull) >> 56);
    }
    if (i + 4 <= n) {
        uint32_t x;
        memcpy(&x, s + i, 4);
        cont += (size_t)((((x & ~(x << 1)) >> 7 & 0x01010101u) * 0x01010101u) >> 24);
        i += 4;
    }
    for (; i < n; i++) cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return n - cont;
}

/* the clitics are made of 2-byte letters: compare a letter at a time without memcmp */
static inline int starts(const char *s, size_t n, const char *p, size_t pl)
{
    if (n < pl) return 0;
    for (size_t i = 0; i < pl; i += 2) {
        uint16_t a, b;
        memcpy(&a, s + i, 2);
        memcpy(&b, p + i, 2);
        if (a != b) return 0;
    }
    return 1;
}

static inline int ends(const char *s, size_t n, const char *p, size_t pl)
{
    return n >= pl && starts(s + n - pl, pl, p, pl);
}

static int imperfect_prefix(const char *s, size_t n)
{
    if (n < 2 || (unsigned char)s[0] < 0xD8) return 0;
    return starts(s, n, L_YEH, 2) || starts(s, n, "\xD8\xAA", 2) /* ت */ ||
           starts(s, n, L_NOON, 2) || starts(s, n, L_ALEF, 2) || starts(s, n, "\xD8\xA3", 2);
}

#define MAX_CANDS 48 /* 6 proclitics (with the empty one) x 2 (article) x (1 + 3 enclitics) */

typedef struct cands {
    cand c[MAX_CANDS];
    size_t n;
} cands;

/* What add() needs about the whole word, computed once per word: its letter count and
 * the enclitics it ends with (in ENC order, the hint already applied). */
typedef struct wordinfo {
    size_t letters;
    uint8_t enc[sizeof ENC / sizeof ENC[0]];
    size_t nenc;
} wordinfo;

static inline void add(cands *cs, const wordinfo *wi, const char *w, size_t n, unsigned pi, int art,
                       size_t soff, size_t min_stem)
{
    const pro_ent *p = &PRO[pi];
    size_t slen = n - soff;
    size_t sl = wi->letters - soff / 2; /* w[0..soff) is clitic letters, 2 bytes each */
    if (sl < min_stem) return;
    if (p->len || art) {
        if (cs->n < MAX_CANDS)
            cs->c[cs->n++] = (cand){(uint8_t)pi, 0, (uint8_t)art, (uint8_t)(2 * (p->letters + art)),
                                    (uint32_t)soff, (uint32_t)slen};
    }
    if (art || !wi->nenc || starts(w + soff, slen, L_ALEF L_LAM, 4)) return; /* no enclitic after ال */
    for (size_t k = 0; k < wi->nenc; k++) {
        const enc_ent *x = &ENC[wi->enc[k]];
        if (slen <= x->len) continue;
        if (sl < (size_t)x->letters + 3) continue;
        if (cs->n < MAX_CANDS)
            cs->c[cs->n++] = (cand){(uint8_t)pi, (uint8_t)(wi->enc[k] + 1), 0,
                                    (uint8_t)(2 * (p->letters + 1) + 1), (uint32_t)soff,
                                    (uint32_t)(slen - x->len)};
    }
}

/* the readings with proclitic PRO[pi] (and the article after it) */
static inline void try_pro(cands *cs, const wordinfo *wi, const char *w, size_t n, unsigned pi)
{
    const pro_ent *p = &PRO[pi];
    if (!starts(w, n, p->s, p->len) || n <= p->len) return;
    const char *rest = w + p->len;
    size_t rn = n - p->len;
    if (p->future) {
        if (imperfect_prefix(rest, rn)) add(cs, wi, w, n, pi, 0, p->len, 3);
        return;
    }
    add(cs, wi, w, n, pi, 0, p->len, 2);
    if (p->lam) {
        if (starts(rest, rn, L_LAM, 2)) add(cs, wi, w, n, pi, 1, p->len + 2, 2);
    } else if (starts(rest, rn, L_ALEF L_LAM, 4)) {
        add(cs, wi, w, n, pi, 1, p->len + 4, 2);
    }
}

/* The clitic splits of the word w[0..n) besides the whole form, in reading order (fewer
 * clitics first, see the top): returns their number, 0 when there is nothing to split. */
static size_t clitic_cands(const char *w, size_t n, unsigned hint, cands *cs)
{
    cs->n = 0;
    if (n < 4 || (unsigned char)w[0] < 0xD8 || (unsigned char)w[0] > 0xDB) return 0;

    /* the candidate enclitics, by the last letter: they end in ا (D8 A7) or م ن ه ك ي (D9 xx) */
    unsigned z1 = (unsigned char)w[n - 2], z2 = (unsigned char)w[n - 1];
    const uint8_t *el = ENC_BY_LAST_D9[0]; /* {0}: none */
    if (z1 == 0xD8 && z2 == 0xA7)
        el = ENC_BY_LAST_ALEF;
    else if (z1 == 0xD9 && z2 >= 0x80 && z2 < 0x80 + sizeof ENC_BY_LAST_D9 / sizeof ENC_BY_LAST_D9[0])
        el = ENC_BY_LAST_D9[z2 - 0x80];
    unsigned b0 = (unsigned char)w[0], b1 = (unsigned char)w[1];
    /* proclitics begin with و ف ب ك ل س: the empty one, then those of the first letter */
    const uint8_t *pl = PRO_BY_FIRST_D8[0]; /* {0}: none */
    if (b0 == 0xD8 && b1 >= 0xA0 && b1 < 0xA0 + sizeof PRO_BY_FIRST_D8 / sizeof PRO_BY_FIRST_D8[0])
        pl = PRO_BY_FIRST_D8[b1 - 0xA0];
    else if (b0 == 0xD9 && b1 >= 0x80 && b1 < 0x80 + sizeof PRO_BY_FIRST_D9 / sizeof PRO_BY_FIRST_D9[0])
        pl = PRO_BY_FIRST_D9[b1 - 0x80];
    /* nothing to split off (no enclitic ending, no proclitic letter, no article) */
    if (!*el && !*pl && !starts(w, n, L_ALEF L_LAM, 4)) return 0;

    wordinfo wi;
    wi.letters = letters(w, n);
    wi.nenc = 0;
    if (wi.letters >= 4) {
        for (; *el; el++) {
            size_t e = *el - 1u;
            const enc_ent *x = &ENC[e];
            if (!ends(w, n, x->s, x->len)) continue;
            if ((hint & RASID__HINT_TEH_MARBUTA) && x->len == 2 && starts(x->s, 2, L_HEH, 2)) continue;
            if ((hint & RASID__HINT_ALEF_MAKSURA) && x->len == 2 && starts(x->s, 2, L_YEH, 2)) continue;
            wi.enc[wi.nenc++] = (uint8_t)e;
        }
    }
    try_pro(cs, &wi, w, n, 0);
    for (; *pl; pl++) try_pro(cs, &wi, w, n, *pl);
    /* stable insertion sort by cost */
    for (size_t i = 1; i < cs->n; i++) {
        cand t = cs->c[i];
        size_t j = i;
        while (j > 0 && cs->c[j - 1].cost > t.cost) {
            cs->c[j] = cs->c[j - 1];
            j--;
        }
        cs->c[j] = t;
    }
    return cs->n;
}

static inline rasid_reading reading_of(const cand *c, const char *stem)
{
    return (rasid_reading){PRO[c->pro].s, stem, c->enc ? ENC[c->enc - 1].s : "", c->art};
}

const rasid_reading *rasid__clitic_block(rasid__arena *a, const char *w, size_t n, unsigned hint,
                                         size_t max, size_t *nr, const char **key)
{
    cands cs;
    size_t nc = clitic_cands(w, n, hint, &cs);
    size_t k = 1 + (nc < max - 1 ? nc : max - 1);
    size_t roff = (k * sizeof(rasid_reading) + 15) & ~(size_t)15;
    char *blk = rasid__arena_alloc_raw(a, roff + n + 1);
    if (!blk) return NULL;
    rasid_reading *r = (rasid_reading *)(void *)blk;
    char *norm = blk + roff;
    memcpy(norm, w, n);
    norm[n] = 0;
    r[0] = (rasid_reading){"", norm, "", 0};
    for (size_t i = 1; i < k; i++) {
        const cand *c = &cs.c[i - 1];
        const char *stem = c->soff + c->slen == n ? norm + c->soff
                                                  : rasid__arena_strndup(a, w + c->soff, c->slen);
        if (!stem) return NULL;
        r[i] = reading_of(c, stem);
    }
    *nr = k;
    *key = norm;
    return r;
}

size_t rasid__clitic_readings(rasid__arena *a, const char *norm, size_t n, rasid_reading *out,
                              size_t max)
{
    if (max == 0) return 0;
    const char *whole = rasid__arena_strndup(a, norm, n);
    if (!whole) return 0;
    out[0] = (rasid_reading){"", whole, "", 0};
    cands cs;
    size_t nc = clitic_cands(norm, n, 0, &cs);
    size_t k = 1;
    for (size_t i = 0; i < nc && k < max; i++) {
        const char *stem = rasid__arena_strndup(a, norm + cs.c[i].soff, cs.c[i].slen);
        if (!stem) break;
        out[k++] = reading_of(&cs.c[i], stem);
    }
    return k;
}
