/*
 * test_text.c — unit and property tests of the text layer (src/text/).
 *
 * Offset map, every normalisation flag, UTF-8 problems, tokenisation, numbers, sentences,
 * clitic readings, the standalone key helpers, and a deterministic property test over
 * 2,000 random and mutated inputs (never crash; tokens monotone, in bounds and round
 * tripping; sentences partition the tokens and cover them).
 */
#include "internal.h"
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- helpers */

static rasid_doc *seg(const char *s, size_t n, unsigned flags)
{
    rasid_doc *d = rasid_doc_new("t", s, n, NULL);
    if (!d) return NULL;
    if (rasid_doc_segment(d, flags) != RASID_OK) {
        rasid_doc_free(d);
        return NULL;
    }
    return d;
}

static char normbuf[4096];
static const char *norm(const char *s, unsigned flags)
{
    rasid__normalize_str(s, strlen(s), flags, normbuf, sizeof normbuf);
    return normbuf;
}

static char keybuf[4096];
static const char *key(const char *s)
{
    rasid__key_str(s, strlen(s), keybuf, sizeof keybuf);
    return keybuf;
}

/* tokens' norms joined by '|' */
static char toksbuf[8192];
static const char *toks(const char *s)
{
    rasid_doc *d = seg(s, strlen(s), RASID_NORM_DEFAULT);
    toksbuf[0] = 0;
    if (!d) return "(error)";
    size_t m = 0;
    for (size_t i = 0; i < rasid_doc_ntokens(d); i++) {
        const rasid_token *t = &rasid_doc_tokens(d)[i];
        m += (size_t)snprintf(toksbuf + m, sizeof toksbuf - m, "%s%s", i ? "|" : "", t->norm);
        if (m >= sizeof toksbuf) break;
    }
    rasid_doc_free(d);
    return toksbuf;
}

/* readings of one word as "pro+ال+stem+enc" joined by " | " (whole form as its stem) */
static char rdbuf[4096];
static const char *readings(const char *word)
{
    rasid__arena a;
    rasid__arena_init(&a);
    char k[512];
    size_t n = rasid__normalize_str(word, strlen(word), RASID_NORM_DEFAULT, k, sizeof k);
    rasid_reading r[8];
    size_t nr = rasid__clitic_readings(&a, k, n, r, 8);
    size_t m = 0;
    rdbuf[0] = 0;
    for (size_t i = 0; i < nr; i++) {
        m += (size_t)snprintf(rdbuf + m, sizeof rdbuf - m, "%s%s%s%s%s%s%s%s", i ? " | " : "",
                              r[i].pro, *r[i].pro ? "+" : "", r[i].article ? "ال+" : "",
                              r[i].stem, *r[i].enc ? "+" : "", r[i].enc, "");
    }
    rasid__arena_release(&a);
    return rdbuf;
}

static int has_reading(const char *word, const char *want)
{
    const char *all = readings(word);
    size_t wl = strlen(want);
    for (const char *p = all; (p = strstr(p, want)); p += wl) {
        int left = p == all || (p >= all + 3 && memcmp(p - 3, " | ", 3) == 0);
        int right = p[wl] == 0 || memcmp(p + wl, " | ", 3) == 0;
        if (left && right) return 1;
    }
    return 0;
}

static int first_reading_is_whole(const char *word)
{
    rasid__arena a;
    rasid__arena_init(&a);
    char k[512];
    size_t n = rasid__normalize_str(word, strlen(word), RASID_NORM_DEFAULT, k, sizeof k);
    rasid_reading r[8];
    size_t nr = rasid__clitic_readings(&a, k, n, r, 8);
    int ok = nr >= 1 && strcmp(r[0].stem, k) == 0 && !*r[0].pro && !*r[0].enc && !r[0].article;
    rasid__arena_release(&a);
    return ok;
}

/* ---------------------------------------------------------------- invariants */

/* Checks every structural invariant of a segmented doc; returns the number of violations
 * (and reports the first). Used by the property test and the fixed cases. */
static int invariants(const rasid_doc *d, const char *what)
{
    size_t len;
    const char *text = rasid_doc_text(d, &len);
    size_t nlen;
    const uint32_t *ss, *se;
    const char *nt = rasid_doc_normalized(d, &nlen, &ss, &se);
    int bad = 0;
#define INV(c)                                                                      \
    do {                                                                            \
        if (!(c)) {                                                                 \
            if (!bad) printf("invariant failed (%s): %s\n", what, #c);              \
            bad++;                                                                  \
        }                                                                           \
    } while (0)
    INV(strlen(nt) <= nlen);
    for (size_t i = 0; i < nlen && !bad; i++) {
        INV(ss[i] < se[i]);
        INV(se[i] <= len);
        if (i) INV(ss[i - 1] <= ss[i]);
    }
    if (nlen) INV(ss[nlen] == len && se[nlen] == len);
    const rasid_token *T = rasid_doc_tokens(d);
    size_t n = rasid_doc_ntokens(d);
    for (size_t i = 0; i < n && !bad; i++) {
        const rasid_token *t = &T[i];
        INV(t->start < t->end && t->end <= len);
        INV(t->end - t->start <= RASID_MAX_TOKEN_BYTES);
        INV(t->nlen <= RASID_MAX_TOKEN_BYTES);
        if (i) INV(T[i - 1].end <= t->start && T[i - 1].nend <= t->nstart);
        INV(t->nstart < t->nend && t->nend <= nlen);
        INV(t->nlen == t->nend - t->nstart && memcmp(t->norm, nt + t->nstart, t->nlen) == 0);
        INV(strlen(t->norm) == t->nlen || memchr(t->norm, 0, t->nlen));
        INV(ss[t->nstart] == t->start);
        INV(se[t->nend - 1] <= t->end);
        INV(t->nreadings >= 1 && strcmp(t->readings[0].stem, t->norm) == 0);
        INV(t->kind >= RASID_TOK_ARABIC && t->kind <= RASID_TOK_OTHER);
        /* round trip: the surface bytes normalise alone to the token's key */
        if (!memchr(t->norm, 0, t->nlen)) {
            char k[4 * RASID_MAX_TOKEN_BYTES + 16];
            size_t kl = rasid__normalize_str(text + t->start, t->end - t->start,
                                             d->norm_flags,
                                             k, sizeof k);
            INV(kl == t->nlen && memcmp(k, t->norm, kl) == 0);
        }
    }
    const rasid_sentence *S = rasid_doc_sentences(d);
    size_t ns = rasid_doc_nsentences(d);
    uint32_t next = 0;
    for (size_t s = 0; s < ns && !bad; s++) {
        INV(S[s].tok_begin == next && S[s].tok_begin < S[s].tok_end && S[s].tok_end <= n);
        next = S[s].tok_end;
        INV(S[s].start == T[S[s].tok_begin].start && S[s].end == T[S[s].tok_end - 1].end);
        for (uint32_t i = S[s].tok_begin; i < S[s].tok_end; i++) INV(T[i].sent == s);
    }
    INV(next == n);
#undef INV
    return bad;
}

/* ---------------------------------------------------------------- normalisation */

static void test_norm_flags(void)
{
    const unsigned D = RASID_NORM_DEFAULT;
    /* tashkeel, dagger alef, Quranic marks */
    CHECK_STR(norm("كَتَبَ الوَلَدُ", D), "كتب الولد");
    CHECK_STR(norm("هٰذا", D), "هذا");
    CHECK_STR(norm("قُلْۖ", D), "قل");
    CHECK_STR(norm("كَتَبَ", D & ~RASID_NORM_TASHKEEL), "كَتَبَ");
    /* tatweel */
    CHECK_STR(norm("جـــميل", D), "جميل");
    CHECK_STR(norm("جـميل", D & ~RASID_NORM_TATWEEL), "جـميل");
    /* alef forms */
    CHECK_STR(norm("أحمد إلى آمن ٱلكتاب", D), "احمد الي امن الكتاب");
    CHECK_STR(norm("أحمد", D & ~RASID_NORM_ALEF), "أحمد");
    /* alef maqsura */
    CHECK_STR(norm("مستشفى", D), "مستشفي");
    CHECK_STR(norm("مستشفى", D & ~RASID_NORM_YEH), "مستشفى");
    /* teh marbuta */
    CHECK_STR(norm("مدينة", D), "مدينه");
    CHECK_STR(norm("مدينة", D & ~RASID_NORM_TEH_MARBUTA), "مدينة");
    /* hamza on waw / yeh: off by default */
    CHECK_STR(norm("مؤتمر رئيس", D), "مؤتمر رئيس");
    CHECK_STR(norm("مؤتمر", D | RASID_NORM_HAMZA_WAW), "موتمر");
    CHECK_STR(norm("رئيس", D | RASID_NORM_HAMZA_YEH), "رييس");
    /* digits */
    CHECK_STR(norm("٢٠١٥ و۱۲۳", D), "2015 و123");
    CHECK_STR(norm("٣٫٥ و١٢٬٠٠٠", D), "3.5 و12,000");
    CHECK_STR(norm("٢٠١٥", D & ~RASID_NORM_DIGITS), "٢٠١٥");
    CHECK_STR(norm("قال٫ ثم", D), "قال٫ ثم"); /* not inside a number: kept */
    /* presentation forms */
    CHECK_STR(norm("\xEF\xBB\xBB", D), "لا");                 /* U+FEFB lam-alef */
    CHECK_STR(norm("\xEF\xB7\xB2", D), "الله");               /* U+FDF2 */
    CHECK_STR(norm("\xEF\xBA\x8D\xEF\xBB\x9F", D), "ال");     /* U+FE8D U+FEDF */
    CHECK_STR(norm("\xEF\xBB\xBB", D & ~RASID_NORM_PRESENTATION), "\xEF\xBB\xBB");
    /* spaces and invisible characters */
    CHECK_STR(norm("في\xC2\xA0مالي", D), "في مالي");
    CHECK_STR(norm("في\xE2\x80\xAFمالي\xE2\x80\x83الآن", D), "في مالي الان");
    CHECK_STR(norm("مي\xE2\x80\x8Cخواهم", D), "ميخواهم");
    CHECK_STR(norm("\xE2\x80\x8Fباماكو\xE2\x80\x8E", D), "باماكو");
    CHECK_STR(norm("\xE2\x81\xA7نص\xE2\x81\xA9 \xC2\xADن\xD8\x9C", D), "نص ن");
    CHECK_STR(norm("في\xC2\xA0مالي", D & ~RASID_NORM_SPACES), "في\xC2\xA0مالي");
    /* quotes */
    CHECK_STR(norm("«نعم» “لا” „هنا‟ ‹ذا› ″س″", D), "\"نعم\" \"لا\" \"هنا\" \"ذا\" \"س\"");
    CHECK_STR(norm("‘آ’ ‚ب‛", D), "'ا' 'ب'");
    CHECK_STR(norm("«نعم»", D & ~RASID_NORM_QUOTES), "«نعم»");
    /* Arabic punctuation stays */
    CHECK_STR(norm("نعم، لا؛ متى؟", D), "نعم، لا؛ متي؟");
    /* Latin lower-casing */
    CHECK_STR(norm("AQMI Ménaka", D), "aqmi ménaka");
    CHECK_STR(norm("ÉTAT", D), "état");
    CHECK_STR(norm("AQMI", D & ~RASID_NORM_LATIN_LOWER), "AQMI");
    /* BOM at the start is skipped; CRLF kept */
    CHECK_STR(norm("\xEF\xBB\xBFسلام\r\nعليكم", D), "سلام\r\nعليكم");
}

static void test_offset_map(void)
{
    const char *s = "\xEF\xBB\xBF" "أَعلنتْ «القوات»\xC2\xA0في ١٢:٢٨\n";
    rasid_doc *d = seg(s, strlen(s), RASID_NORM_DEFAULT);
    CHECK(d != NULL);
    if (!d) return;
    size_t nlen;
    const uint32_t *ss, *se;
    const char *nt = rasid_doc_normalized(d, &nlen, &ss, &se);
    CHECK_STR(nt, "اعلنت \"القوات\" في 12:28\n");
    CHECK_INT(nlen, strlen(nt));
    /* 'ا' from أ (bytes 3-4) with its fatha dropped */
    CHECK_INT(ss[0], 3);
    CHECK_INT(se[0], 5);
    CHECK_INT(ss[1], 3);
    /* the quote « at its original offset */
    const char *q = strchr(nt, '"');
    CHECK(q && memcmp(s + ss[q - nt], "«", 2) == 0 && se[q - nt] - ss[q - nt] == 2);
    /* the NBSP became one space mapped to its two bytes */
    const char *sp = strstr(nt, "\" ");
    CHECK(sp && se[sp + 1 - nt] - ss[sp + 1 - nt] == 2);
    /* digits: each ASCII digit maps to its Arabic-Indic digit */
    const char *dg = strstr(nt, "12");
    CHECK(dg && memcmp(s + ss[dg - nt], "١", 2) == 0);
    CHECK_INT(ss[nlen], strlen(s));
    CHECK_INT(invariants(d, "offset map"), 0);
    /* tokens: surface round trip includes the dropped sukun */
    const rasid_token *T = rasid_doc_tokens(d);
    CHECK_MEM(s + T[0].start, T[0].end - T[0].start, "أَعلنتْ", strlen("أَعلنتْ"));
    CHECK_STR(T[0].norm, "اعلنت");
    rasid_doc_free(d);
}

static void test_utf8(void)
{
    /* invalid byte, overlong, surrogate, truncated, NUL */
    const char s[] = "في \xFF مالي \xC0\x80 و\xED\xA0\x80 \xE2\x82 \x00 ن";
    size_t n = sizeof s - 1;
    rasid_doc *d = seg(s, n, RASID_NORM_DEFAULT);
    CHECK(d != NULL);
    if (!d) return;
    long first;
    size_t ne = rasid_doc_utf8_errors(d, &first);
    CHECK_INT(ne, 1 + 2 + 3 + 2 + 1);
    CHECK_INT(first, 5);
    const rasid_token *T = rasid_doc_tokens(d);
    CHECK_INT(T[1].kind, RASID_TOK_OTHER);
    CHECK(T[1].flags & RASID_TF_REPLACED);
    CHECK_STR(T[1].norm, "\xEF\xBF\xBD");
    CHECK_INT(invariants(d, "utf8"), 0);
    rasid_doc_free(d);
    /* a clean text: no errors, first = -1 */
    d = seg("سلام", 8, RASID_NORM_DEFAULT);
    CHECK_INT(rasid_doc_utf8_errors(d, &first), 0);
    CHECK_INT(first, -1);
    rasid_doc_free(d);
    /* empty text */
    d = seg("", 0, RASID_NORM_DEFAULT);
    CHECK(d && rasid_doc_ntokens(d) == 0 && rasid_doc_nsentences(d) == 0);
    rasid_doc_free(d);
    /* BOM only */
    d = seg("\xEF\xBB\xBF", 3, RASID_NORM_DEFAULT);
    CHECK(d && rasid_doc_ntokens(d) == 0);
    rasid_doc_free(d);
}

/* ---------------------------------------------------------------- tokens */

static void test_tokens(void)
{
    CHECK_STR(toks("وفي11 شهرا"), "وفي|11|شهرا");
    CHECK_STR(toks("عام 2015م."), "عام|2015|م|.");
    CHECK_STR(toks("منطقة ليبتاكو-غورما"), "منطقه|ليبتاكو|-|غورما");
    CHECK_STR(toks("N'Djamena وAl-Qaeda"), "n'djamena|و|al-qaeda");
    CHECK_STR(toks("قوة G5 الساحل"), "قوه|g5|الساحل");
    CHECK_STR(toks("قتل 8,700 و3.5 و٣٫٥ و١٢٬٠٠٠"), "قتل|8,700|و|3.5|و|3.5|و|12,000");
    CHECK_STR(toks("في 26/11/2015 الساعة 12:28"), "في|26|/|11|/|2015|الساعه|12|:|28");
    CHECK_STR(toks("الأعداد 1,2,3"), "الاعداد|1|,|2|,|3");
    CHECK_STR(toks("«مرحبا»، قال."), "\"|مرحبا|\"|،|قال|.");
    CHECK_STR(toks("50% و$3"), "50|%|و|$|3");
    CHECK_STR(toks("الـ26 دولة"), "ال|26|دوله");
    CHECK_STR(toks("مرحبا\xE2\x80\x8Cبكم"), "مرحبابكم");
    CHECK_STR(toks("Привет мир"), "Привет|мир"); /* only Latin is lower-cased */

    /* values */
    const char *s = "8700 8,700 3.5 ٣٫٥ ١٢٬٠٠٠ 1,234.5 3,5 1.000.000 ۲۵";
    rasid_doc *d = seg(s, strlen(s), RASID_NORM_DEFAULT);
    CHECK(d && rasid_doc_ntokens(d) == 9);
    if (d && rasid_doc_ntokens(d) == 9) {
        const rasid_token *T = rasid_doc_tokens(d);
        double want[] = {8700, 8700, 3.5, 3.5, 12000, 1234.5, 3.5, 1000000, 25};
        for (int i = 0; i < 9; i++) {
            CHECK_INT(T[i].kind, RASID_TOK_NUMBER);
            CHECK(T[i].num == want[i]);
        }
    }
    rasid_doc_free(d);

    /* flags */
    s = "أول سطر\nثاني \xC2\xA0سطر\n\n  فقرة،جديدة";
    d = seg(s, strlen(s), RASID_NORM_DEFAULT);
    const rasid_token *T = rasid_doc_tokens(d);
    CHECK_INT(rasid_doc_ntokens(d), 7);
    CHECK_INT(T[0].flags, RASID_TF_SPACE_BEFORE | RASID_TF_LINE_START | RASID_TF_PARA_START);
    CHECK_INT(T[1].flags, RASID_TF_SPACE_BEFORE);
    CHECK_INT(T[2].flags, RASID_TF_SPACE_BEFORE | RASID_TF_LINE_START);
    CHECK_INT(T[3].flags, RASID_TF_SPACE_BEFORE);
    CHECK_INT(T[4].flags, RASID_TF_SPACE_BEFORE | RASID_TF_LINE_START | RASID_TF_PARA_START);
    CHECK_INT(T[5].flags, 0);
    CHECK_INT(T[6].flags, 0);
    rasid_doc_free(d);

    /* a 600-byte run is cut into tokens of at most RASID_MAX_TOKEN_BYTES */
    char longw[700];
    memset(longw, 'a', 600);
    longw[600] = 0;
    d = seg(longw, 600, RASID_NORM_DEFAULT);
    CHECK_INT(rasid_doc_ntokens(d), 3);
    CHECK_INT(invariants(d, "long latin"), 0);
    rasid_doc_free(d);
    for (int i = 0; i < 300; i++) memcpy(longw + 2 * i, "ب", 2);
    d = seg(longw, 600, RASID_NORM_DEFAULT);
    CHECK_INT(rasid_doc_ntokens(d), 3);
    CHECK_INT(invariants(d, "long arabic"), 0);
    rasid_doc_free(d);
    /* long number */
    memset(longw, '7', 600);
    d = seg(longw, 600, RASID_NORM_DEFAULT);
    CHECK_INT(rasid_doc_ntokens(d), 3);
    CHECK_INT(invariants(d, "long number"), 0);
    rasid_doc_free(d);
    /* ignorables inside a word (ZWJ, kept or dropped) take it past the cap: letters after
     * them start a new token, also when the text ends there */
    size_t zl = 0;
    for (int i = 0; i < 10; i++) { memcpy(longw + zl, "ب", 2); zl += 2; }
    for (int i = 0; i < 200; i++) { memcpy(longw + zl, "\xE2\x80\x8D", 3); zl += 3; }
    for (int i = 0; i < 10; i++) { memcpy(longw + zl, "ب", 2); zl += 2; }
    unsigned zf[] = {RASID_NORM_DEFAULT, RASID_NORM_DEFAULT & ~RASID_NORM_SPACES};
    for (size_t f = 0; f < 2; f++) {
        d = seg(longw, zl, zf[f]);
        CHECK_INT(rasid_doc_ntokens(d), 2);
        CHECK_INT(rasid_doc_tokens(d)[1].start, 620);
        CHECK_INT(rasid_doc_tokens(d)[1].end, 640);
        CHECK_INT(invariants(d, "ignorables past the cap"), 0);
        rasid_doc_free(d);
    }
}

/* ---------------------------------------------------------------- sentences */

static size_t nsent(const char *s, int *headlines)
{
    rasid_doc *d = seg(s, strlen(s), RASID_NORM_DEFAULT);
    if (!d) return 0;
    size_t n = rasid_doc_nsentences(d);
    if (headlines) {
        *headlines = 0;
        for (size_t i = 0; i < n; i++) *headlines += rasid_doc_sentences(d)[i].headline;
    }
    CHECK_INT(invariants(d, s), 0);
    rasid_doc_free(d);
    return n;
}

static void test_sentences(void)
{
    int h;
    CHECK_INT(nsent("ذهب الولد. وعاد البنت! هل عاد؟ نعم؛ عاد", NULL), 5);
    CHECK_INT(nsent("الرقم 3.5 والوقت 12:28 والتاريخ 26/11/2015 والعدد 8,700 كبير.", NULL), 1);
    CHECK_INT(nsent("قال د. أحمد إن م. علي وصل. ثم غادر.", NULL), 2);
    CHECK_INT(nsent("وقال J. Smith إن Dr. Brown وصل.", NULL), 1);
    CHECK_INT(nsent("وصل الوفد... ثم غادر المدينة.", NULL), 1);
    CHECK_INT(nsent("وصل الوفد.. ثم غادر المدينة.", NULL), 1);
    CHECK_INT(nsent("وصل الوفد… ثم غادر المدينة.", NULL), 1);
    CHECK_INT(nsent("قال الوزير: «الوضع هادئ». وأضاف: إن الوضع تحسن.", NULL), 3);
    CHECK_INT(nsent("قال: «انتهى الأمر.» ثم خرج.", NULL), 3);
    CHECK_INT(nsent("زوروا example.com الآن.", NULL), 1);
    CHECK_INT(nsent("عام 2015م. وبعده عام آخر.", NULL), 2);
    CHECK_INT(nsent("سطر أول بلا نقطة\nسطر ثان بلا نقطة", NULL), 2);
    /* headlines */
    CHECK_INT(nsent("مقتل جنديين في هجوم.. وفرار المهاجمين\n\nقتل جنديان أمس في هجوم. وفر المهاجمون.", &h), 3);
    CHECK_INT(h, 1);
    CHECK_INT(nsent("الأخبار\nهجوم على قرية\nقتل ثلاثة أشخاص. وأصيب آخرون.\nسطر قصير", &h), 5);
    CHECK_INT(h, 2);
    CHECK_INT(nsent("قتل ثلاثة أشخاص في الهجوم.\nسطر قصير", &h), 2);
    CHECK_INT(h, 0);
    /* sentence spans are trimmed */
    const char *s = "  ذهب الولد .  \n";
    rasid_doc *d = seg(s, strlen(s), RASID_NORM_DEFAULT);
    CHECK_INT(rasid_doc_nsentences(d), 1);
    CHECK_INT(rasid_doc_sentences(d)[0].start, 2);
    CHECK_INT(rasid_doc_sentences(d)[0].end, strlen(s) - 3);
    rasid_doc_free(d);
}

/* ---------------------------------------------------------------- clitics */

static void test_clitics(void)
{
    CHECK(has_reading("والجزائر", "و+ال+جزائر"));
    CHECK(has_reading("والجزائر", "و+الجزائر"));
    CHECK(has_reading("بالعاصمة", "ب+ال+عاصمه"));
    CHECK(has_reading("للقاعدة", "ل+ال+قاعده"));
    CHECK(has_reading("لمكافحة", "ل+مكافحه"));
    CHECK(has_reading("بمالي", "ب+مالي"));
    CHECK(has_reading("وأعلنت", "و+اعلنت"));
    CHECK(has_reading("الجيش", "ال+جيش"));
    CHECK(has_reading("وللجيش", "ول+ال+جيش"));
    CHECK(has_reading("وسيعلن", "وس+يعلن"));
    CHECK(!has_reading("سلام", "س+لام"));  /* future س only before ي ت ن ا */
    CHECK(has_reading("كتابهم", "كتاب+هم"));
    CHECK(has_reading("وبكتابها", "وب+كتاب+ها"));
    CHECK(!has_reading("الكتابها", "ال+كتاب+ها")); /* no enclitic with the article */
    CHECK(!has_reading("بك", "ب+ك"));       /* stem keeps >= 2 letters */
    CHECK(has_reading("بكم", "ب+كم"));
    CHECK(!has_reading("امه", "ام+ه"));     /* >= 3 letters before an enclitic */
    /* whole form always first */
    const char *names[] = {"باماكو", "فرنسا", "ليبيا", "كيدال", "بوركينا", "بنين", "واشنطن",
                           "واغادوغو", "فيما", "والجزائر", "للقاعدة", "سيعلن"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) CHECK(first_reading_is_whole(names[i]));
    CHECK_STR(readings("فيما"), "فيما | ف+يما");
    CHECK_STR(readings("والجزائر"), "والجزائر | و+الجزائر | و+ال+جزائر");
    CHECK_STR(readings("بمالي"), "بمالي | ب+مالي | بمال+ي | ب+مال+ي");
    /* fewer clitics first */
    rasid__arena a;
    rasid__arena_init(&a);
    rasid_reading r[8];
    size_t nr = rasid__clitic_readings(&a, "وبالكتاب", strlen("وبالكتاب"), r, 8);
    CHECK(nr >= 3);
    for (size_t i = 2; i < nr; i++) {
        size_t ci = strlen(r[i].pro) / 2 + r[i].article + (*r[i].enc != 0);
        size_t cp = strlen(r[i - 1].pro) / 2 + r[i - 1].article + (*r[i - 1].enc != 0);
        CHECK(cp <= ci);
    }
    CHECK_INT(rasid__clitic_readings(&a, "بالكتاب", strlen("بالكتاب"), r, 1), 1);
    /* non-Arabic: just the whole form */
    CHECK_INT(rasid__clitic_readings(&a, "paris", 5, r, 8), 1);
    rasid__arena_release(&a);

    /* in a document: the final ة is not the enclitic ه */
    const char *s = "مدينته المدينة";
    rasid_doc *d = seg(s, strlen(s), RASID_NORM_DEFAULT);
    const rasid_token *T = rasid_doc_tokens(d);
    int enc_h = 0;
    for (unsigned i = 0; i < T[0].nreadings; i++) enc_h += strcmp(T[0].readings[i].enc, "ه") == 0;
    CHECK_INT(enc_h, 1);
    CHECK_INT(T[1].nreadings, 2); /* المدينه | ال+مدينه */
    CHECK(T[0].stem != NULL);
    rasid_doc_free(d);
}

static void test_keys(void)
{
    CHECK_STR(key("  بالعاصمة   الجزائرية "), "بالعاصمه الجزائريه");
    CHECK_STR(key("وفي11"), "وفي 11");
    CHECK_STR(key("«بوكو حرام»"), "\" بوكو حرام \"");
    CHECK_STR(key("Boko Haram"), "boko haram");
    CHECK_STR(key(norm("جَماعةُ بوكو حرام", RASID_NORM_DEFAULT)), "جماعه بوكو حرام");
    char small[6];
    size_t need = rasid__key_str("abc def", 7, small, sizeof small);
    CHECK_INT(need, 7);
    CHECK_STR(small, "abc d");
    CHECK_INT(rasid__normalize_str("أبد", strlen("أبد"), RASID_NORM_DEFAULT, small, sizeof small), 6);
    /* the light stem helper */
    rasid__arena a;
    rasid__arena_init(&a);
    const char *st = rasid__light_stem(&a, "المدينه", strlen("المدينه"));
    CHECK(st && strlen(st) > 0 && strlen(st) <= strlen("المدينه"));
    rasid__arena_release(&a);
}

/* ---------------------------------------------------------------- property test */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static const char *const pieces[] = {
    "ب", "ا", "ل", "و", "ف", "ة", "ى", "أ", "إ", "آ", "ؤ", "ئ", "ء", "ك", "س", "ي", "ه", "ن",
    "َ", "ً", "ّ", "ْ", "ٰ", "ـ", "ۖ", "٠", "٣", "٫", "٬", "۵", "0", "7", "9", ",", ".", ":",
    "/", "-", "'", "’", "«", "»", "“", "”", "\"", "،", "؛", "؟", "!", "?", "…", "..", " ", " ",
    "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\xC2\xA0", "\xE2\x80\x8B", "\xE2\x80\x8C",
    "\xE2\x80\x8D", "\xE2\x80\x8F", "\xE2\x80\xAB", "\xE2\x81\xA6", "\xC2\xAD", "\xEF\xBB\xBF",
    "\xEF\xBB\xBB", "\xEF\xB7\xB2", "\xEF\xB7\xBA", "\xEF\xB9\xB0", "\xEF\xBA\x8D", "A", "z",
    "N", "é", "É", "ß", "Ж", "中", "😀", "%", "$", "\x01", "\x7F", "\xC2\x85", "\xE2\x80\xA8",
    "\xFF", "\xC0\x80", "\xED\xA0\x80", "\xE2\x82", "\xF0\x9F", "\x80", "\xEF\xBF\xBD",
    "الجزائر", "بالعاصمة", "للقاعدة", "وفي11", "2015م", "8,700", "١٢٬٠٠٠", "3.5", "12:28",
    "N'Djamena", "د.", " د. ", "...", "؟!",
};

static const char seed_text[] =
    "هجوم على قافلة.. وفرار المسلحين\n\n"
    "أعلنت السلطاتُ في العاصمة، يوم الثلاثاء 12/3/2019، أن «مسلحين» هاجموا قافلةً قرب "
    "الحدود، ما أسفر عن مقتل ١٢ جنديا وإصابة 3,500 آخرين… وقال د. سالم: \"الوضع تحت "
    "السيطرة\". وتابع: الساعة 12:28 شهدت اشتباكات؛ ثم هدأت! هل انتهى الأمر؟\n"
    "وفي11 حادثة أخرى عام 2015م تدخلت قوات من N'Djamena و\xEF\xBB\xBB ليبتاكو-غورما.\n";

/* is normalised byte i inside a token? */
static int byte_in_token(const rasid_doc *d, size_t i)
{
    const rasid_token *T = rasid_doc_tokens(d);
    for (size_t k = 0; k < rasid_doc_ntokens(d); k++)
        if (i >= T[k].nstart && i < T[k].nend) return 1;
    return 0;
}

static void check_one(const char *buf, size_t n, int *failures)
{
    rasid_doc *d = rasid_doc_new("p", buf, n, NULL);
    if (!d) { (*failures)++; return; }
    unsigned flags = (rnd() % 4 == 0) ? (rnd() & RASID_NORM_ALL) : RASID_NORM_DEFAULT;
    /* each token's bytes, mapped alone (rasid__orig_at before the map exists), map as
     * the whole document's map does */
    uint32_t *alone = NULL;
    size_t nalone = 0;
    if (rasid_doc_segment(d, flags) == RASID_OK && (alone = malloc((d->nlen + 1) * sizeof *alone))) {
        const rasid_token *T = rasid_doc_tokens(d);
        nalone = d->nlen;
        for (size_t i = 0; i < nalone; i++) alone[i] = UINT32_MAX;
        for (size_t i = 0; i < rasid_doc_ntokens(d); i++)
            for (uint32_t b = T[i].nstart; b < T[i].nend; b++) alone[b] = rasid__orig_at(d, i, b);
        const uint32_t *ss;
        rasid_doc_normalized(d, NULL, &ss, NULL);
        int bad = !ss;
        for (size_t i = 0; ss && i < nalone; i++)
            if (alone[i] != ss[i] && (alone[i] != UINT32_MAX || byte_in_token(d, i))) bad++;
        if (bad) {
            printf("property: %d bytes mapped differently alone, flags %#x\n", bad, flags);
            (*failures)++;
        }
        free(alone);
    }
    if (rasid_doc_segment(d, flags) != RASID_OK) {
        (*failures)++;
    } else if (flags == RASID_NORM_DEFAULT) {
        if (invariants(d, "property")) (*failures)++;
    } else {
        /* other flags: the structural invariants without the renormalisation check */
        const rasid_token *T = rasid_doc_tokens(d);
        size_t nt = rasid_doc_ntokens(d), nlen;
        const uint32_t *ss, *se;
        const char *nt_text = rasid_doc_normalized(d, &nlen, &ss, &se);
        int bad = 0;
        for (size_t i = 0; i < nt; i++) {
            if (!(T[i].start < T[i].end && T[i].end <= n)) bad++;
            if (i && T[i - 1].end > T[i].start) bad++;
            if (T[i].nend > nlen || memcmp(T[i].norm, nt_text + T[i].nstart, T[i].nlen)) bad++;
            if (ss[T[i].nstart] != T[i].start) bad++;
        }
        for (size_t i = 0; i < nlen; i++)
            if (ss[i] >= se[i] || se[i] > n || (i && ss[i - 1] > ss[i])) { bad++; break; }
        uint32_t next = 0;
        for (size_t s = 0; s < rasid_doc_nsentences(d); s++) {
            const rasid_sentence *S = &rasid_doc_sentences(d)[s];
            if (S->tok_begin != next || S->tok_end <= S->tok_begin) bad++;
            next = S->tok_end;
        }
        if (next != nt) bad++;
        if (bad) {
            printf("property: %d violations with flags %#x\n", bad, flags);
            (*failures)++;
        }
    }
    rasid_doc_free(d);
}

static void test_property(void)
{
    int failures = 0;
    char *buf = malloc(8192);
    for (int iter = 0; iter < 2000; iter++) {
        size_t n = 0;
        int mode = iter % 3;
        if (mode == 0) { /* random bytes, biased to Arabic lead bytes */
            size_t len = rnd() % 400;
            for (size_t i = 0; i < len; i++) {
                uint32_t r = rnd();
                buf[n++] = (char)(r % 3 == 0 ? (0xD8 + (r >> 8) % 4) : r % 3 == 1 ? (0x80 + (r >> 8) % 64) : (r >> 8));
            }
        } else if (mode == 1) { /* random mixes of pieces */
            size_t k = rnd() % 120;
            for (size_t i = 0; i < k; i++) {
                const char *p = pieces[rnd() % (sizeof pieces / sizeof pieces[0])];
                size_t l = strlen(p);
                if (n + l + 1 >= 8192) break;
                memcpy(buf + n, p, l);
                n += l;
            }
            if (rnd() % 10 == 0 && n < 8000) buf[n++] = 0; /* a NUL */
        } else { /* mutations of the seed text */
            n = sizeof seed_text - 1;
            memcpy(buf, seed_text, n);
            int muts = 1 + rnd() % 8;
            for (int m = 0; m < muts && n > 0; m++) {
                size_t at = rnd() % n;
                switch (rnd() % 5) {
                case 0: buf[at] ^= (char)(1u << (rnd() % 8)); break; /* flip a bit */
                case 1: n = at; break;                                /* truncate */
                case 2: buf[at] = 0; break;                           /* NUL */
                case 3: {                                             /* insert BOM / bidi */
                    const char *ins[] = {"\xEF\xBB\xBF", "\xE2\x80\x8F", "\xE2\x81\xA6", "\xE2\x80\x8C"};
                    const char *p = ins[rnd() % 4];
                    size_t l = strlen(p);
                    if (n + l < 8192) {
                        memmove(buf + at + l, buf + at, n - at);
                        memcpy(buf + at, p, l);
                        n += l;
                    }
                    break;
                }
                default: /* delete one byte (cuts multibyte sequences) */
                    memmove(buf + at, buf + at + 1, n - at - 1);
                    n--;
                    break;
                }
            }
        }
        check_one(buf, n, &failures);
    }
    free(buf);
    CHECK_INT(failures, 0);
}

/* the doc API: a second segment call is a no-op; flags beyond NORM are accepted */
static void test_doc_api(void)
{
    const char *s = "في مالي.";
    rasid_doc *d = rasid_doc_new("x", s, strlen(s), NULL);
    CHECK_INT(rasid_doc_segment(d, RASID_NORM_DEFAULT), RASID_OK);
    CHECK_INT(rasid_doc_segment(d, RASID_NORM_DEFAULT), RASID_OK);
    CHECK_INT(rasid_doc_ntokens(d), 3);
    CHECK_INT(rasid_doc_nsentences(d), 1);
    CHECK(rasid_doc_tokens(d)[1].stem != NULL);
    rasid_doc_free(d);
    /* RASID_SEG_NO_STEMS: same tokens, no stems */
    d = rasid_doc_new("x", s, strlen(s), NULL);
    CHECK_INT(rasid_doc_segment(d, RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS), RASID_OK);
    CHECK_INT(rasid_doc_ntokens(d), 3);
    CHECK(rasid_doc_tokens(d)[1].stem == NULL);
    CHECK_INT(rasid_doc_tokens(d)[1].nreadings, 2);
    rasid_doc_free(d);
}

int main(void)
{
    UNIT_RUN(test_norm_flags);
    UNIT_RUN(test_offset_map);
    UNIT_RUN(test_utf8);
    UNIT_RUN(test_tokens);
    UNIT_RUN(test_sentences);
    UNIT_RUN(test_clitics);
    UNIT_RUN(test_keys);
    UNIT_RUN(test_doc_api);
    UNIT_RUN(test_property);
    return unit_done();
}
