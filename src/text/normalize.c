/*
 * normalize.c — the scanner: UTF-8 decoding, normalisation with an offset map, tokens.
 *
 * One pass over the original bytes. Each code point gets a class (space, newline, Arabic
 * letter, combining mark, ignorable, Latin letter, other letter, digit, punctuation,
 * symbol, control, bad) and a normalised output (0..n bytes), written to sc->out with,
 * for every output byte, the original byte span of the code point it came from. A small
 * state machine cuts tokens from the classes:
 *   - Arabic word: Arabic letters; marks, tatweel and ignorables (ZWJ, ZWNJ, bidi marks,
 *     soft hyphen ...) continue it. A hyphen, a digit or a Latin letter ends it.
 *   - Latin word: Latin letters, then also digits ("G5"); an apostrophe or hyphen between
 *     two Latin letters stays inside ("N'Djamena", "Al-Qaeda").
 *   - Number: digits (ASCII, Arabic-Indic, Persian) with internal separators:
 *       '.' / ٫  when a digit follows (a second '.' only for 3-digit groups: "1.000.000");
 *       ',' / ٬  when exactly 3 digits follow ("8,700"), or for ',' once as a decimal comma
 *                ("3,5") when no further ",<digit>" follows ("1,2,3" is three numbers).
 *     '/' and ':' are never inside a number: "26/11/2015" is 26 / 11 / 2015.
 *   - Other-script word: letters of other scripts.
 *   - One token per punctuation mark, symbol or control character; a run of U+FFFD (bad
 *     bytes) is one token flagged RASID_TF_REPLACED.
 * A token never exceeds RASID_MAX_TOKEN_BYTES original or normalised bytes (longer runs
 * are cut). Token spans exclude leading and trailing ignorables, so text[start:end] is
 * exactly the surface form.
 *
 * No global mutable state: the tables are const, utf8proc calls are pure.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <utf8proc.h>

enum {
    C_SPACE = 1, C_NL, C_AR, C_MARK, C_IGN, C_LAT, C_OLET, C_DIGIT, C_PUNCT, C_SYM, C_CTRL, C_BAD
};

/* ---------------------------------------------------------------- tables */

static const uint8_t ascii_class[128] = {
    [0x00] = C_BAD,
    [0x01 ... 0x08] = C_CTRL,
    ['\t'] = C_SPACE, ['\n'] = C_NL, [0x0B] = C_SPACE, [0x0C] = C_SPACE, ['\r'] = C_SPACE,
    [0x0E ... 0x1F] = C_CTRL,
    [' '] = C_SPACE,
    ['!'] = C_PUNCT, ['"'] = C_PUNCT, ['#'] = C_SYM, ['$'] = C_SYM, ['%'] = C_SYM, ['&'] = C_SYM,
    ['\''] = C_PUNCT, ['('] = C_PUNCT, [')'] = C_PUNCT, ['*'] = C_SYM, ['+'] = C_SYM,
    [','] = C_PUNCT, ['-'] = C_PUNCT, ['.'] = C_PUNCT, ['/'] = C_PUNCT,
    ['0' ... '9'] = C_DIGIT,
    [':'] = C_PUNCT, [';'] = C_PUNCT, ['<'] = C_SYM, ['='] = C_SYM, ['>'] = C_SYM, ['?'] = C_PUNCT,
    ['@'] = C_SYM,
    ['A' ... 'Z'] = C_LAT,
    ['['] = C_PUNCT, ['\\'] = C_PUNCT, [']'] = C_PUNCT, ['^'] = C_SYM, ['_'] = C_SYM, ['`'] = C_SYM,
    ['a' ... 'z'] = C_LAT,
    ['{'] = C_PUNCT, ['|'] = C_SYM, ['}'] = C_PUNCT, ['~'] = C_SYM,
    [0x7F] = C_CTRL,
};

/* The Arabic block U+0600-U+06FF: class, the flag that rewrites it, the replacement
 * (0 with a flag = dropped). */
typedef struct ar_ent {
    uint8_t cls;
    uint16_t flag;
    uint16_t rep;
    uint16_t repw; /* a letter's replacement as its two UTF-8 bytes, first byte low */
} ar_ent;

#define AR_ {C_AR, 0, 0, 0}
#define AR_TO(f, r) {C_AR, f, r, (0xC0 | (r) >> 6) | (0x80 | ((r) & 0x3F)) << 8}
#define MK_DROP {C_MARK, RASID_NORM_TASHKEEL, 0}
#define PU_ {C_PUNCT, 0, 0}
#define SY_ {C_SYM, 0, 0}
#define DG_(d) {C_DIGIT, RASID_NORM_DIGITS, '0' + (d)}

static const ar_ent arabic[256] = {
    [0x00 ... 0x0B] = SY_,
    [0x0C] = PU_, /* ، */
    [0x0D] = PU_,
    [0x0E ... 0x0F] = SY_,
    [0x10 ... 0x1A] = MK_DROP,
    [0x1B] = PU_, /* ؛ */
    [0x1C] = {C_IGN, RASID_NORM_SPACES, 0}, /* ALM */
    [0x1D ... 0x1F] = PU_, /* ؟ */
    [0x20 ... 0x21] = AR_,
    [0x22] = AR_TO(RASID_NORM_ALEF, 0x627),        /* آ */
    [0x23] = AR_TO(RASID_NORM_ALEF, 0x627),        /* أ */
    [0x24] = AR_TO(RASID_NORM_HAMZA_WAW, 0x648),   /* ؤ */
    [0x25] = AR_TO(RASID_NORM_ALEF, 0x627),        /* إ */
    [0x26] = AR_TO(RASID_NORM_HAMZA_YEH, 0x64A),   /* ئ */
    [0x27 ... 0x28] = AR_,
    [0x29] = AR_TO(RASID_NORM_TEH_MARBUTA, 0x647), /* ة */
    [0x2A ... 0x3F] = AR_,
    [0x40] = {C_MARK, RASID_NORM_TATWEEL, 0},
    [0x41 ... 0x48] = AR_,
    [0x49] = AR_TO(RASID_NORM_YEH, 0x64A), /* ى */
    [0x4A] = AR_,
    [0x4B ... 0x5F] = MK_DROP,
    [0x60] = DG_(0), [0x61] = DG_(1), [0x62] = DG_(2), [0x63] = DG_(3), [0x64] = DG_(4),
    [0x65] = DG_(5), [0x66] = DG_(6), [0x67] = DG_(7), [0x68] = DG_(8), [0x69] = DG_(9),
    [0x6A] = SY_, /* ٪ */
    [0x6B ... 0x6C] = PU_, /* ٫ ٬ : inside numbers handled by the scanner */
    [0x6D] = SY_,
    [0x6E ... 0x6F] = AR_,
    [0x70] = MK_DROP,
    [0x71] = AR_TO(RASID_NORM_ALEF, 0x627), /* ٱ */
    [0x72] = AR_TO(RASID_NORM_ALEF, 0x627), /* ٲ */
    [0x73] = AR_TO(RASID_NORM_ALEF, 0x627), /* ٳ */
    [0x74 ... 0xCB] = AR_,
    [0xCC] = AR_TO(RASID_NORM_YEH, 0x64A),  /* Farsi yeh ی */
    [0xCD ... 0xD3] = AR_,
    [0xD4] = PU_, /* ۔ */
    [0xD5] = AR_,
    [0xD6 ... 0xED] = MK_DROP,
    [0xEE ... 0xEF] = AR_,
    [0xF0] = DG_(0), [0xF1] = DG_(1), [0xF2] = DG_(2), [0xF3] = DG_(3), [0xF4] = DG_(4),
    [0xF5] = DG_(5), [0xF6] = DG_(6), [0xF7] = DG_(7), [0xF8] = DG_(8), [0xF9] = DG_(9),
    [0xFA ... 0xFC] = AR_,
    [0xFD ... 0xFE] = SY_,
    [0xFF] = AR_,
};

/* Output of one code point of the Arabic block under `flags`. */
static inline size_t arabic_out(const ar_ent *e, uint32_t cp, unsigned flags, unsigned char *ob)
{
    if (e->flag & flags) {
        if (!e->rep) return 0;
        return rasid__utf8_encode(e->rep, (char *)ob);
    }
    return rasid__utf8_encode(cp, (char *)ob);
}

static int is_latin_letter_cp(uint32_t cp)
{
    if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
    return cp >= 0x1E00 && cp <= 0x1EFF;
}

/* Classify a code point outside ASCII and the Arabic block; write its output. */
static int classify_slow(uint32_t cp, unsigned flags, unsigned char *ob, size_t *ol)
{
    size_t n = 0;
    int cls;
    switch (cp) {
    case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        cls = C_SPACE;
        goto space;
    case 0x85: case 0x2028: case 0x2029:
        cls = C_NL;
        if (flags & RASID_NORM_SPACES) { ob[0] = '\n'; *ol = 1; return cls; }
        goto orig;
    case 0xAD: case 0xFEFF: case 0x180E:
        cls = C_IGN;
        goto ign;
    case 0xAB: case 0xBB: case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2039: case 0x203A: case 0x2033:
        cls = C_PUNCT;
        if (flags & RASID_NORM_QUOTES) { ob[0] = '"'; *ol = 1; return cls; }
        goto orig;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
        cls = C_PUNCT;
        if (flags & RASID_NORM_QUOTES) { ob[0] = '\''; *ol = 1; return cls; }
        goto orig;
    case 0xFFFD:
        cls = C_BAD;
        goto orig;
    }
    if (cp >= 0x2000 && cp <= 0x200A) { cls = C_SPACE; goto space; }
    if ((cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
        (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x206F) ||
        (cp >= 0xFE00 && cp <= 0xFE0F)) {
        cls = C_IGN;
        goto ign;
    }
    if ((cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE)) {
        if (flags & RASID_NORM_PRESENTATION) {
            utf8proc_int32_t dec[24];
            int last = 0;
            utf8proc_ssize_t nd = utf8proc_decompose_char((utf8proc_int32_t)cp, dec, 24,
                                                          UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
            if (nd > 0 && nd <= 24) {
                utf8proc_ssize_t k = 0;
                while (k < nd && dec[k] == ' ') k++; /* isolated harakat: " ً" */
                int letters = 0, ok = k < nd;
                size_t m = 0;
                /* compose what the canonical decomposition split: ا+ٓ ا+ٔ ا+ٕ و+ٔ ي+ٔ */
                utf8proc_ssize_t w = k;
                for (utf8proc_ssize_t j = k; j < nd; j++) {
                    uint32_t d = (uint32_t)dec[j];
                    if (w > k && d >= 0x653 && d <= 0x655) {
                        uint32_t p = (uint32_t)dec[w - 1], r = 0;
                        if (p == 0x627) r = d == 0x653 ? 0x622 : d == 0x654 ? 0x623 : 0x625;
                        else if (p == 0x648 && d == 0x654) r = 0x624;
                        else if (p == 0x64A && d == 0x654) r = 0x626;
                        if (r) { dec[w - 1] = (utf8proc_int32_t)r; continue; }
                    }
                    dec[w++] = (utf8proc_int32_t)d;
                }
                nd = w;
                for (utf8proc_ssize_t j = k; j < nd && ok; j++) {
                    uint32_t d = (uint32_t)dec[j];
                    if (d < 0x600 || d > 0x6FF) { ok = 0; break; }
                    const ar_ent *e = &arabic[d - 0x600];
                    if (e->cls == C_AR) letters = 1;
                    else if (e->cls != C_MARK) { ok = 0; break; }
                    m += arabic_out(e, d, flags, ob + m);
                }
                if (ok) {
                    *ol = m;
                    return letters ? C_AR : C_MARK;
                }
            }
            cls = C_SYM; /* e.g. U+FDFA, a phrase with spaces: kept whole */
            goto orig;
        }
    }
    if (is_latin_letter_cp(cp)) {
        cls = C_LAT;
        if (flags & RASID_NORM_LATIN_LOWER) {
            n = rasid__utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), (char *)ob);
            *ol = n;
            return cls;
        }
        goto orig;
    }
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        if ((cp >= 0x750 && cp <= 0x77F) || (cp >= 0x870 && cp <= 0x8FF) ||
            (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFE))
            cls = C_AR;
        else if ((cp >= 0x250 && cp <= 0x2AF) || (cp >= 0x2C60 && cp <= 0x2C7F) ||
                 (cp >= 0xA720 && cp <= 0xA7FF))
            cls = C_LAT;
        else
            cls = C_OLET;
        break;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        cls = C_MARK;
        break;
    case UTF8PROC_CATEGORY_ND:
        cls = C_OLET;
        break;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        cls = C_PUNCT;
        break;
    case UTF8PROC_CATEGORY_ZS:
        cls = C_SPACE;
        goto space;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
        cls = C_NL;
        break;
    case UTF8PROC_CATEGORY_CC:
        cls = C_CTRL;
        break;
    case UTF8PROC_CATEGORY_CF:
        cls = C_IGN;
        goto ign;
    default:
        cls = C_SYM;
        break;
    }
orig:
    *ol = rasid__utf8_encode(cp, (char *)ob);
    return cls;
space:
    if (flags & RASID_NORM_SPACES) { ob[0] = ' '; *ol = 1; return cls; }
    goto orig;
ign:
    if (flags & RASID_NORM_SPACES) { *ol = 0; return cls; }
    goto orig;
}

/* ---------------------------------------------------------------- scanner */

enum { ST_NONE = 0, ST_AR, ST_LAT, ST_NUM, ST_OW, ST_BAD };

static const uint8_t state_kind[] = {
    [ST_NONE] = 0, [ST_AR] = RASID_TOK_ARABIC, [ST_LAT] = RASID_TOK_LATIN,
    [ST_NUM] = RASID_TOK_NUMBER, [ST_OW] = RASID_TOK_OTHER, [ST_BAD] = RASID_TOK_OTHER,
};

typedef struct cur {
    int st;
    uint32_t start, end;
    size_t nstart, nend;
    uint8_t flags;
    uint8_t hint;
    /* numbers */
    uint8_t ndots, ncommas, group; /* group: digits since the last separator (capped) */
} cur;

/* output room the main loop keeps free: a whole token plus one code point's output */
#define ROOM (RASID_MAX_TOKEN_BYTES + 64)

static int grow(rasid__scan *sc, size_t extra)
{
    if (sc->olen + extra <= sc->ocap) return 0;
    size_t nc = sc->ocap ? sc->ocap : 64;
    while (nc < sc->olen + extra) nc *= 2;
    if (!sc->out && sc->arena && !sc->want_map) {
        sc->out = rasid__arena_alloc_raw(sc->arena, nc + 1);
        if (!sc->out) return sc->err = RASID_NOMEM;
        sc->borrowed = 1;
        sc->ocap = nc;
        return 0;
    }
    if (sc->borrowed) { /* copied out of the caller's memory, all or nothing */
        char *o = malloc(nc + 1);
        uint32_t *a = sc->want_map ? malloc((nc + 1) * sizeof *a) : NULL;
        uint32_t *b = sc->want_map ? malloc((nc + 1) * sizeof *b) : NULL;
        if (!o || (sc->want_map && (!a || !b))) {
            free(o);
            free(a);
            free(b);
            return sc->err = RASID_NOMEM;
        }
        memcpy(o, sc->out, sc->ocap + 1);
        if (sc->want_map) {
            memcpy(a, sc->ss, (sc->ocap + 1) * sizeof *a);
            memcpy(b, sc->se, (sc->ocap + 1) * sizeof *b);
        }
        sc->out = o;
        sc->ss = a;
        sc->se = b;
        sc->borrowed = 0;
        sc->ocap = nc;
        return 0;
    }
    char *o = realloc(sc->out, nc + 1);
    if (!o) return sc->err = RASID_NOMEM;
    sc->out = o;
    if (sc->want_map) {
        uint32_t *a = realloc(sc->ss, (nc + 1) * sizeof *a);
        if (!a) return sc->err = RASID_NOMEM;
        sc->ss = a;
        uint32_t *b = realloc(sc->se, (nc + 1) * sizeof *b);
        if (!b) return sc->err = RASID_NOMEM;
        sc->se = b;
    }
    sc->ocap = nc;
    return 0;
}

static inline void put(rasid__scan *sc, const unsigned char *ob, size_t k, size_t i, size_t len)
{
    char *o = sc->out + sc->olen;
    for (size_t j = 0; j < k; j++) o[j] = (char)ob[j];
    if (sc->want_map) {
        uint32_t *a = sc->ss + sc->olen, *z = sc->se + sc->olen;
        for (size_t j = 0; j < k; j++) {
            a[j] = (uint32_t)i;
            z[j] = (uint32_t)(i + len);
        }
    }
    sc->olen += k;
}

/* Two bytes as a little-endian 16-bit value (first byte low), and back: one load or store
 * where the byte order allows */
static inline unsigned load_le16(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
#else
    return p[0] | (unsigned)p[1] << 8;
#endif
}

static inline void store_le16(unsigned char *p, unsigned v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint16_t x = (uint16_t)v;
    memcpy(p, &x, 2);
#else
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
#endif
}

/* Is s[i..] a plain Arabic letter (lead byte D8-DB, class C_AR), the start of a run? */
static inline int plain_letter_at(const unsigned char *s, size_t n, size_t i)
{
    if (i + 1 >= n) return 0;
    unsigned w = load_le16(s + i);
    return (w & 0xC0FCu) == 0x80D8u && arabic[((w << 6) & 0xC0u) | ((w >> 8) & 0x3Fu)].cls == C_AR;
}

#ifdef __SSE2__
/* Eight 2-byte letters at a time (sixteen bytes at r): the letters of the block
 * U+0620-064A that normalisation keeps as they are or rewrites letter for letter under
 * `flags` (alef forms, ى, ة; ؤ and ئ only when their options are off), written at o in
 * their normalised form. Returns a mask with both bits of each such letter set; the
 * caller keeps the written letters up to the first one outside it. */
static inline unsigned letters16(const unsigned char *r, unsigned char *o, unsigned flags)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)r);
    const __m128i lead_ok = _mm_cmpeq_epi16(_mm_and_si128(v, _mm_set1_epi16((short)0xC0FE)),
                                            _mm_set1_epi16((short)0x80D8)); /* D8/D9 + 10xxxxxx */
    /* the index in the block U+0600-067F: (lead & 1) << 6 | (cont & 0x3F) */
    __m128i c = _mm_or_si128(_mm_slli_epi16(_mm_and_si128(v, _mm_set1_epi16(1)), 6),
                             _mm_and_si128(_mm_srli_epi16(v, 8), _mm_set1_epi16(0x3F)));
#define IN(lo, hi) _mm_and_si128(_mm_cmpgt_epi16(c, _mm_set1_epi16((lo) - 1)), _mm_cmplt_epi16(c, _mm_set1_epi16((hi) + 1)))
#define EQ(x) _mm_cmpeq_epi16(c, _mm_set1_epi16(x))
#define PUT(m, w) v = _mm_or_si128(_mm_andnot_si128((m), v), _mm_and_si128((m), _mm_set1_epi16((short)(w))))
    __m128i ok = _mm_or_si128(IN(0x20, 0x3F), IN(0x41, 0x4A)); /* all C_AR */
    if (flags & RASID_NORM_HAMZA_WAW) ok = _mm_andnot_si128(EQ(0x24), ok);
    if (flags & RASID_NORM_HAMZA_YEH) ok = _mm_andnot_si128(EQ(0x26), ok);
    if (flags & RASID_NORM_ALEF) PUT(_mm_or_si128(_mm_or_si128(EQ(0x22), EQ(0x23)), EQ(0x25)), 0xA7D8); /* ا */
    if (flags & RASID_NORM_TEH_MARBUTA) PUT(EQ(0x29), 0x87D9);                                       /* ه */
    if (flags & RASID_NORM_YEH) PUT(EQ(0x49), 0x8AD9);                                               /* ي */
#undef IN
#undef EQ
#undef PUT
    _mm_storeu_si128((__m128i *)(void *)o, v);
    return (unsigned)_mm_movemask_epi8(_mm_and_si128(lead_ok, ok));
}
#endif

/* Fast path: a run of plain Arabic letters continuing the current Arabic word. Each letter
 * is 2 bytes in and 2 bytes out. Stops at anything else (marks, punctuation, the cap). */
static size_t arabic_run(rasid__scan *sc, size_t i, size_t tok_start, size_t tok_nstart,
                         uint8_t *hint)
{
    const unsigned char *s = sc->s;
    unsigned flags = sc->flags;
    size_t n = sc->n;
    /* the caller leaves room for a whole token (ROOM) and output never outgrows input here;
     * the token's caps may already be passed (ignorables inside a word are not counted
     * against them): then no run, and the general path cuts the token */
    size_t cap_in = tok_start + RASID_MAX_TOKEN_BYTES;
    size_t cap_out = tok_nstart + RASID_MAX_TOKEN_BYTES;
    size_t lim = n < cap_in ? n : cap_in;
    if (lim <= i) return i;
    size_t out_room = cap_out > sc->olen ? cap_out - sc->olen : 0;
    if (lim - i > out_room) lim = i + out_room;
    /* k counts the bytes of the run: input s[i + k], output o[k] */
    const unsigned char *r = s + i;
    unsigned char *o = (unsigned char *)sc->out + sc->olen;
    size_t k = 0, m = lim - i;
    /* a letter is a lead byte D8-DB and a continuation byte: one 16-bit test, then its
     * entry; a rewritten letter takes its precomputed 2 bytes */
#define AR_LETTER(brk)                                                                         \
    unsigned w = load_le16(r + k);                                                             \
    if ((w & 0xC0FCu) != 0x80D8u) brk;                                                         \
    const ar_ent *e = &arabic[((w << 6) & 0xC0u) | ((w >> 8) & 0x3Fu)];                        \
    if (e->cls != C_AR) brk;                                                                   \
    if (e->flag & flags) w = e->repw;                                                          \
    store_le16(o + k, w);
    if (sc->want_map) {
        /* both bytes of a letter map to its 2 input bytes: one 8-byte store each, and the
         * end pair of one letter is the start pair of the next */
        uint32_t *a = sc->ss + sc->olen, *z = sc->se + sc->olen;
        uint64_t v = (uint64_t)(uint32_t)i * 0x100000001ull;
        while (k + 1 < m) {
            AR_LETTER(break)
            memcpy(a + k, &v, 8);
            v += 0x200000002ull;
            memcpy(z + k, &v, 8);
            k += 2;
        }
    } else {
        for (;;) {
#ifdef __SSE2__
            /* eight letters at a time while they are plain letters or letters rewritten
             * one for one (letters16); the scalar step below takes the next letter */
            while (k + 16 <= m) {
                unsigned ok = letters16(r + k, o + k, flags); /* room: ROOM past the token */
                if (ok == 0xFFFFu) {
                    k += 16;
                    continue;
                }
                k += (unsigned)__builtin_ctz(~ok) & ~1u;
                break;
            }
#endif
            if (k + 1 >= m) break;
            AR_LETTER(break)
            k += 2;
        }
    }
    size_t j = i + k;
#undef AR_LETTER
    if (j != i) { /* what the word's final letter was before normalisation */
        unsigned last = ((s[j - 2] & 3u) << 6) | (s[j - 1] & 0x3Fu);
        *hint = !(arabic[last].flag & flags) ? 0
                : last == 0x29                ? RASID__HINT_TEH_MARBUTA
                : last == 0x49                ? RASID__HINT_ALEF_MAKSURA
                                              : 0;
    }
    sc->olen += j - i;
    return j;
}

/* Count the digits (ASCII, U+0660-0669, U+06F0-06F9) at s[i..]; *next = byte after. */
static size_t digits_at(const unsigned char *s, size_t n, size_t i, size_t *next)
{
    size_t c = 0;
    while (i < n) {
        if (s[i] >= '0' && s[i] <= '9') { i++; c++; continue; }
        if (i + 1 < n && ((s[i] == 0xD9 && s[i + 1] >= 0xA0 && s[i + 1] <= 0xA9) ||
                          (s[i] == 0xDB && s[i + 1] >= 0xB0 && s[i + 1] <= 0xB9))) {
            i += 2;
            c++;
            continue;
        }
        break;
    }
    if (next) *next = i;
    return c;
}

static int is_comma_at(const unsigned char *s, size_t n, size_t i)
{
    return i < n && (s[i] == ',' || (i + 1 < n && s[i] == 0xD9 && s[i + 1] == 0xAC));
}

/* Does a number separator at s[i] (len bytes; dot = decimal kind) stay in the number? */
static int number_sep_joins(const cur *c, const unsigned char *s, size_t n, size_t i, size_t len,
                            int dot, int arabic_sep)
{
    size_t after;
    size_t d = digits_at(s, n, i + len, &after);
    if (d == 0) return 0;
    if (dot) {
        if (c->ndots == 0) return 1;                       /* 3.5, 1,234.5 */
        return c->group == 3 && d == 3 && c->ncommas == 0; /* 1.000.000 */
    }
    if (d == 3) return c->ndots == 0; /* 8,700  ١٢٬٠٠٠ */
    if (arabic_sep) return 0;         /* ٬ is a thousands separator only */
    /* a decimal comma: once, nothing before, and no list "1,2,3" */
    if (c->ncommas || c->ndots) return 0;
    if (c->start > 0 && is_comma_at(s, n, c->start - 1)) return 0; /* the "2" of "1,2,3" */
    if (c->start > 1 && s[c->start - 2] == 0xD9 && s[c->start - 1] == 0xAC) return 0;
    if (is_comma_at(s, n, after) && digits_at(s, n, after + (s[after] == ',' ? 1 : 2), NULL))
        return 0;
    return 1;
}

/* Is the code point at s[i] a Latin letter? */
static int latin_letter_at(const unsigned char *s, size_t n, size_t i)
{
    if (i >= n) return 0;
    if (s[i] < 0x80) return ascii_class[s[i]] == C_LAT;
    uint32_t cp;
    int bad = 0;
    rasid__utf8_decode(s + i, n - i, &cp, &bad);
    return !bad && is_latin_letter_cp(cp);
}

/* A token into sc->sink (grown by doubling); RASID_NOMEM when it cannot grow. */
static int sink_grow(rasid__scan *sc)
{
    size_t nc = sc->sink_cap ? sc->sink_cap * 2 : 256;
    rasid_token *p;
    if (sc->sink_borrowed) {
        p = malloc(nc * sizeof *p);
        if (!p) return sc->err = RASID_NOMEM;
        memcpy(p, sc->sink, sc->nsink * sizeof *p);
        sc->sink_borrowed = 0;
    } else {
        p = realloc(sc->sink, nc * sizeof *p);
        if (!p) return sc->err = RASID_NOMEM;
    }
    sc->sink = p;
    sc->sink_cap = nc;
    return 0;
}

static inline int sink_put(rasid__scan *sc, uint32_t start, uint32_t end, size_t nstart, size_t nend,
                           unsigned kind, unsigned flags, unsigned hint)
{
    if (sc->nsink == sc->sink_cap && sink_grow(sc)) return sc->err;
    rasid_token *k = &sc->sink[sc->nsink++];
    k->start = start;
    k->end = end;
    k->nstart = (uint32_t)nstart;
    k->nend = (uint32_t)nend;
    k->kind = (uint8_t)kind;
    k->flags = (uint8_t)flags;
    k->nreadings = (uint16_t)(kind == RASID_TOK_ARABIC ? hint : 0);
    return 0;
}

static inline int close_tok(rasid__scan *sc, cur *c)
{
    if (c->st == ST_NONE) return 0;
    if (sc->sink) {
        int st = c->st;
        c->st = ST_NONE;
        return sink_put(sc, c->start, c->end, c->nstart, c->nend, state_kind[st], c->flags, c->hint);
    }
    if (sc->emit) {
        rasid__rawtok t;
        t.start = c->start;
        t.end = c->end;
        t.nstart = (uint32_t)c->nstart;
        t.nend = (uint32_t)c->nend;
        t.kind = state_kind[c->st];
        t.flags = c->flags;
        t.hint = c->hint;
        int rc = sc->emit(sc, &t);
        if (rc) { c->st = ST_NONE; return sc->err = rc; }
    }
    c->st = ST_NONE;
    return 0;
}

int rasid__scan_run(rasid__scan *sc)
{
    const unsigned char *s = sc->s;
    size_t n = sc->n;
    unsigned flags = sc->flags;
    sc->err = 0;
    sc->utf8_errors = 0;
    sc->utf8_first_error = -1;
    if (grow(sc, n + n / 8 + ROOM)) return sc->err;

    cur c;
    memset(&c, 0, sizeof c);
    unsigned pending = RASID_TF_SPACE_BEFORE | RASID_TF_LINE_START | RASID_TF_PARA_START;
    int nl = 0;
    size_t i = 0;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) i = 3; /* BOM */

    unsigned char ob[64];
    while (i < n) {
        if (sc->olen + ROOM > sc->ocap && grow(sc, ROOM)) return sc->err;
        /* fast lane: an Arabic word of plain letters opens here (as `open` below would)
         * and its letters are written by arabic_run */
        if (c.st == ST_NONE && plain_letter_at(s, n, i)) {
            c.st = ST_AR;
            c.start = (uint32_t)i;
            c.nstart = sc->olen;
            c.flags = (uint8_t)pending;
            c.ndots = c.ncommas = c.group = 0;
            pending = 0;
            nl = 0;
        }
        if (c.st == ST_AR) {
            size_t j = arabic_run(sc, i, c.start, c.nstart, &c.hint);
            if (j != i) {
                i = j;
                c.end = (uint32_t)i;
                c.nend = sc->olen;
                if (i >= n) break;
                if (sc->olen + ROOM > sc->ocap && grow(sc, ROOM)) return sc->err;
            }
        }
        unsigned char b = s[i];
        if (b == ' ') { /* the commonest separator, as the general path below treats it */
            if (close_tok(sc, &c)) return sc->err;
            pending |= RASID_TF_SPACE_BEFORE;
            sc->out[sc->olen] = ' ';
            if (sc->want_map) {
                sc->ss[sc->olen] = (uint32_t)i;
                sc->se[sc->olen] = (uint32_t)(i + 1);
            }
            sc->olen++;
            i++;
            continue;
        }
        size_t len, k;
        uint32_t cp;
        int cls;
        const ar_ent *ae = NULL;
        if (b < 0x80) {
            cp = b;
            len = 1;
            cls = ascii_class[b];
            ob[0] = b;
            k = 1;
            if (cls == C_LAT) {
                if ((flags & RASID_NORM_LATIN_LOWER) && b <= 'Z') ob[0] = b | 0x20;
            } else if (cls == C_BAD) { /* NUL: read as U+FFFD, counted */
                sc->utf8_errors++;
                if (sc->utf8_first_error < 0) sc->utf8_first_error = (long)i;
                memcpy(ob, "\xEF\xBF\xBD", 3);
                k = 3;
            } else if (b == '\r' && (i + 1 >= n || s[i + 1] != '\n')) {
                cls = C_NL; /* a lone CR ends a line */
                if (flags & RASID_NORM_SPACES) ob[0] = '\n';
            }
        } else if (b >= 0xD8 && b <= 0xDB && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
            cp = ((uint32_t)(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
            len = 2;
            ae = &arabic[cp - 0x600];
            cls = ae->cls;
            if (ae->flag & flags) {
                k = ae->rep ? rasid__utf8_encode(ae->rep, (char *)ob) : 0;
            } else {
                ob[0] = b;
                ob[1] = s[i + 1];
                k = 2;
            }
        } else {
            int bad = 0;
            len = rasid__utf8_decode(s + i, n - i, &cp, &bad);
            if (bad) {
                sc->utf8_errors++;
                if (sc->utf8_first_error < 0) sc->utf8_first_error = (long)i;
                cls = C_BAD;
                memcpy(ob, "\xEF\xBF\xBD", 3);
                k = 3;
            } else {
                cls = classify_slow(cp, flags, ob, &k);
            }
        }

        /* ---- state machine ---- */
        int st = 0; /* state a word character wants */
        int sep = 0; /* a number separator kept inside the number */
        switch (cls) {
        case C_AR: st = ST_AR; break;
        case C_LAT: st = ST_LAT; break;
        case C_OLET: st = ST_OW; break;
        case C_DIGIT: st = c.st == ST_LAT ? ST_LAT : ST_NUM; break;
        case C_BAD: st = ST_BAD; break;
        case C_MARK:
            if (c.st == ST_AR || c.st == ST_LAT || c.st == ST_OW) st = c.st;
            break;
        case C_PUNCT:
            if (c.st == ST_NUM) {
                int dot = b == '.' || cp == 0x66B;
                int comma = b == ',' || cp == 0x66C;
                if ((dot || comma) && number_sep_joins(&c, s, n, i, len, dot, cp >= 0x600)) {
                    st = ST_NUM;
                    sep = dot ? '.' : ',';
                    if (cp >= 0x600 && (flags & RASID_NORM_DIGITS)) {
                        ob[0] = (unsigned char)sep;
                        k = 1;
                    }
                }
            } else if (c.st == ST_LAT && (b == '\'' || b == '-' || cp == 0x2019) &&
                       latin_letter_at(s, n, i + len)) {
                st = ST_LAT;
            }
            break;
        default:
            break;
        }

        if (st) {
            if (c.st == st) {
                if (i + len - c.start > RASID_MAX_TOKEN_BYTES ||
                    sc->olen + k - c.nstart > RASID_MAX_TOKEN_BYTES) {
                    if (close_tok(sc, &c)) return sc->err;
                    goto open;
                }
                goto extend;
            }
            if (close_tok(sc, &c)) return sc->err;
            goto open;
        }

        /* not a word character */
        switch (cls) {
        case C_IGN:
            put(sc, ob, k, i, len); /* transparent: does not end a word */
            break;
        case C_MARK: /* a mark with nothing to attach to */
            if (close_tok(sc, &c)) return sc->err;
            put(sc, ob, k, i, len);
            break;
        case C_SPACE:
            if (close_tok(sc, &c)) return sc->err;
            pending |= RASID_TF_SPACE_BEFORE;
            put(sc, ob, k, i, len);
            break;
        case C_NL:
            if (close_tok(sc, &c)) return sc->err;
            pending |= RASID_TF_SPACE_BEFORE | RASID_TF_LINE_START;
            if (++nl >= 2) pending |= RASID_TF_PARA_START;
            put(sc, ob, k, i, len);
            break;
        default: /* punctuation, symbol, control: one token each */
            if (close_tok(sc, &c)) return sc->err;
            {
                rasid__rawtok t;
                t.start = (uint32_t)i;
                t.end = (uint32_t)(i + len);
                t.nstart = (uint32_t)sc->olen;
                put(sc, ob, k, i, len);
                t.nend = (uint32_t)sc->olen;
                t.kind = cls == C_PUNCT ? RASID_TOK_PUNCT
                         : cls == C_SYM ? RASID_TOK_SYMBOL
                                        : RASID_TOK_OTHER;
                t.flags = (uint8_t)pending;
                t.hint = 0;
                pending = 0;
                nl = 0;
                if (sc->sink) {
                    if (sink_put(sc, t.start, t.end, t.nstart, t.nend, t.kind, t.flags, 0)) return sc->err;
                } else if (sc->emit) {
                    int rc = sc->emit(sc, &t);
                    if (rc) return sc->err = rc;
                }
            }
            break;
        }
        i += len;
        continue;

    open:
        c.st = st;
        c.start = (uint32_t)i;
        c.nstart = sc->olen;
        c.flags = (uint8_t)pending;
        if (st == ST_BAD) c.flags |= RASID_TF_REPLACED;
        c.ndots = c.ncommas = c.group = 0;
        pending = 0;
        nl = 0;
    extend:
        put(sc, ob, k, i, len);
        c.end = (uint32_t)(i + len);
        c.nend = sc->olen;
        if (cls == C_DIGIT && c.group < 255) c.group++;
        if (sep) {
            if (sep == '.') c.ndots++; else c.ncommas++;
            c.group = 0;
        }
        if (cls == C_AR) {
            c.hint = 0;
            if (ae && ae->flag & flags) {
                if (cp == 0x629) c.hint = RASID__HINT_TEH_MARBUTA;
                else if (cp == 0x649) c.hint = RASID__HINT_ALEF_MAKSURA;
            }
        }
        i += len;
    }
    if (close_tok(sc, &c)) return sc->err;
    sc->out[sc->olen] = 0;
    if (sc->want_map) {
        sc->ss[sc->olen] = (uint32_t)n;
        sc->se[sc->olen] = (uint32_t)n;
    }
    return RASID_OK;
}

/* ---------------------------------------------------------------- standalone */

/* The common case of dictionary forms, without the scanner: s[0..n) is words of plain
 * Arabic letters (class C_AR, two bytes each, rewritten to letters) separated by single
 * ASCII spaces, no word reaching RASID_MAX_TOKEN_BYTES. The scanner would write each
 * letter through arabic_run and each space as itself, and cut one Arabic token per
 * word: the normalised text is then also the key. Writes it like rasid__normalize_str
 * and returns its length, or SIZE_MAX when s is not of that form. */
size_t rasid__plain_arabic_str(const char *str, size_t n, unsigned flags, char *out, size_t outlen)
{
    const unsigned char *s = (const unsigned char *)str;
    if (!n || s[0] == ' ' || s[n - 1] == ' ') return SIZE_MAX;
    /* one pass into out (when it is large enough), else a check only */
    unsigned char *o = out && outlen > n ? (unsigned char *)out : NULL;
    size_t word = 0;
    for (size_t i = 0; i < n;) {
        unsigned b = s[i];
        if (b == ' ') {
            if (s[i + 1] == ' ') return SIZE_MAX; /* i + 1 < n: s does not end with a space */
            if (o) o[i] = ' ';
            word = 0;
            i++;
            continue;
        }
        if (b < 0xD8 || b > 0xDB || i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return SIZE_MAX;
        const ar_ent *e = &arabic[((b & 3) << 6) | (s[i + 1] & 0x3F)];
        if (e->cls != C_AR) return SIZE_MAX;
        if (e->flag & flags) {
            if (e->rep < 0x600 || e->rep > 0x6FF) return SIZE_MAX;
            if (o) {
                o[i] = (unsigned char)(0xC0 | (e->rep >> 6));
                o[i + 1] = (unsigned char)(0x80 | (e->rep & 0x3F));
            }
        } else if (o) {
            o[i] = (unsigned char)b;
            o[i + 1] = s[i + 1];
        }
        word += 2;
        if (word >= RASID_MAX_TOKEN_BYTES) return SIZE_MAX;
        i += 2;
    }
    if (o) {
        o[n] = 0;
    } else if (out && outlen) { /* too small: the first outlen - 1 bytes */
        size_t m = outlen - 1;
        for (size_t i = 0; i < m;) {
            if (s[i] == ' ') { out[i++] = ' '; continue; }
            const ar_ent *e = &arabic[((s[i] & 3) << 6) | (s[i + 1] & 0x3F)];
            unsigned r = e->flag & flags ? e->rep : ((s[i] & 0x1Fu) << 6 | (s[i + 1] & 0x3Fu));
            out[i] = (char)(0xC0 | (r >> 6));
            if (i + 1 < m) out[i + 1] = (char)(0x80 | (r & 0x3F));
            i += 2;
        }
        out[m] = 0;
    }
    return n;
}

/* ---------------------------------------------------------------- offset map */

/* The segmenter scans without the map (most documents never need it): it is made here,
 * by scanning the document again with it, when rasid_doc_normalized() asks for it. */
int rasid__text_map(rasid_doc *doc)
{
    if (doc->src_start || !doc->norm) return RASID_OK;
    rasid__scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = (const unsigned char *)doc->text;
    sc.n = doc->len;
    sc.flags = doc->norm_flags;
    sc.want_map = 1;
    int rc = rasid__scan_run(&sc);
    if (rc == RASID_OK && (sc.olen != doc->nlen || memcmp(sc.out, doc->norm, sc.olen) != 0))
        rc = RASID_ARG; /* cannot happen: the scanner is deterministic */
    free(sc.out);
    if (rc != RASID_OK) {
        free(sc.ss);
        free(sc.se);
        return rc;
    }
    doc->src_start = sc.ss;
    doc->src_end = sc.se;
    return RASID_OK;
}

/* The original offset of normalised byte ni inside token tok: the map's when made, else
 * from the token's bytes scanned alone (a word's normalisation depends on its own
 * characters only). UINT32_MAX when it cannot be told. */
uint32_t rasid__orig_at(const rasid_doc *doc, size_t tok, uint32_t ni)
{
    if (tok >= doc->tokens.len) return UINT32_MAX;
    const rasid_token *t = (const rasid_token *)doc->tokens.data + tok;
    if (ni < t->nstart || ni >= t->nend) return UINT32_MAX;
    if (doc->src_start) return doc->src_start[ni];
    rasid__scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = (const unsigned char *)doc->text + t->start;
    sc.n = t->end - t->start;
    sc.flags = doc->norm_flags;
    sc.want_map = 1;
    /* a token's scan fits on the stack (its first growth asks for its bytes and an
     * eighth, and ROOM): no malloc, realloc and free of the three arrays per call */
    char out[1024];
    uint32_t ss[sizeof out], se[sizeof out];
    sc.out = out;
    sc.ss = ss;
    sc.se = se;
    sc.ocap = sizeof out - 1;
    sc.borrowed = 1;
    uint32_t r = UINT32_MAX;
    if (rasid__scan_run(&sc) == RASID_OK && sc.olen == t->nend - t->nstart &&
        memcmp(sc.out, doc->norm + t->nstart, sc.olen) == 0)
        r = t->start + sc.ss[ni - t->nstart];
    if (!sc.borrowed) {
        free(sc.out);
        free(sc.ss);
        free(sc.se);
    }
    return r;
}

size_t rasid__normalize_str(const char *s, size_t n, unsigned flags, char *out, size_t outlen)
{
    size_t fast = rasid__plain_arabic_str(s, n, flags, out, outlen);
    if (fast != SIZE_MAX) return fast;
    rasid__scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = (const unsigned char *)s;
    sc.n = n;
    sc.flags = flags;
    size_t r;
    if (rasid__scan_run(&sc) == RASID_OK) {
        r = sc.olen;
        if (out && outlen) {
            size_t m = r < outlen - 1 ? r : outlen - 1;
            memcpy(out, sc.out, m);
            out[m] = 0;
        }
    } else {
        r = 0;
        if (out && outlen) out[0] = 0;
    }
    free(sc.out);
    return r;
}

/* Number value of a number token's bytes. Separators: ٫ is decimal, ٬ thousands; with both
 * ',' and '.' the last kind is the decimal point; '.' alone once is decimal; ',' alone once
 * is thousands when 3 digits follow, else decimal; a repeated separator is thousands. */
double rasid__number_value(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n <= 15) { /* ASCII digits only, the commonest number: exact as an integer */
        uint64_t v = 0;
        size_t k = 0;
        while (k < n && s[k] >= '0' && s[k] <= '9') v = v * 10 + (s[k++] - '0');
        if (k == n) return (double)v;
    }
    char buf[RASID_MAX_TOKEN_BYTES + 8];
    int ndot = 0, ncomma = 0, last = 0; /* last: '.' or ',' */
    size_t i;
    for (i = 0; i < n;) {
        if (s[i] == '.') { ndot++; last = '.'; i++; }
        else if (s[i] == ',') { ncomma++; last = ','; i++; }
        else if (i + 1 < n && s[i] == 0xD9 && s[i + 1] == 0xAB) { ndot += 100; last = '.'; i += 2; }
        else if (i + 1 < n && s[i] == 0xD9 && s[i + 1] == 0xAC) { ncomma += 100; last = ','; i += 2; }
        else i++;
    }
    char dec = 0; /* the decimal separator kind */
    if (ndot >= 100) dec = '.';
    else if (ncomma >= 100) dec = ndot ? '.' : 0;
    else if (ndot && ncomma) dec = (char)last;
    else if (ndot == 1) dec = '.';
    else if (ncomma == 1) {
        /* digits after the comma */
        size_t j = 0;
        while (j < n && s[j] != ',') j++;
        size_t d = digits_at(s, n, j + 1, NULL);
        dec = d == 3 ? 0 : ',';
    }
    size_t m = 0;
    int seen_dec = 0;
    for (i = 0; i < n && m < sizeof buf - 2;) {
        unsigned c = s[i];
        if (c >= '0' && c <= '9') { buf[m++] = (char)c; i++; continue; }
        if (i + 1 < n && c == 0xD9 && s[i + 1] >= 0xA0 && s[i + 1] <= 0xA9) {
            buf[m++] = (char)('0' + s[i + 1] - 0xA0); i += 2; continue;
        }
        if (i + 1 < n && c == 0xDB && s[i + 1] >= 0xB0 && s[i + 1] <= 0xB9) {
            buf[m++] = (char)('0' + s[i + 1] - 0xB0); i += 2; continue;
        }
        char kind = 0;
        size_t l = 1;
        if (c == '.') kind = '.';
        else if (c == ',') kind = ',';
        else if (i + 1 < n && c == 0xD9 && s[i + 1] == 0xAB) { kind = '.'; l = 2; }
        else if (i + 1 < n && c == 0xD9 && s[i + 1] == 0xAC) { kind = ','; l = 2; }
        if (kind && kind == dec && !seen_dec) {
            buf[m++] = '.';
            seen_dec = 1;
        } else if (kind && kind == dec) {
            break; /* a second decimal point: stop */
        }
        i += l;
    }
    buf[m] = 0;
    return m ? rasid__decimal(buf) : 0.0;
}
