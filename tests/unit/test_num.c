/*
 * test_num.c — number-word composition (the accumulator of num/words.h), qualifier names,
 * and end-to-end number recognition through the public API (with data/).
 */
#include "unit.h"
#include <stdlib.h>
#include "internal.h"
#include "num/words.h"

#include <math.h>

typedef struct part { int type; double v; int wa, qual; } part;

/* Feed parts; returns the value, or -1 if a part was refused; *q gets the qualifier. */
static double compose(const part *p, int n, int *q)
{
    rasid__numacc a;
    rasid__numacc_init(&a);
    for (int i = 0; i < n; i++)
        if (!rasid__numacc_feed(&a, p[i].type, p[i].v, p[i].wa, p[i].qual)) return -1 - i;
    if (q) *q = a.qual;
    return rasid__numacc_value(&a);
}

#define COMPOSE(q, ...) compose((const part[]){__VA_ARGS__}, \
                                (int)(sizeof((const part[]){__VA_ARGS__}) / sizeof(part)), q)

static void test_compose(void)
{
    int q = -1;
    /* خمسة وعشرون */
    CHECK(COMPOSE(&q, {NW_UNIT, 5, 0, 0}, {NW_TEN, 20, 1, 0}) == 25);
    /* مائة وخمسون */
    CHECK(COMPOSE(&q, {NW_HUNDRED, 100, 0, 0}, {NW_TEN, 50, 1, 0}) == 150);
    /* ثلاثة آلاف: the plural multiplier after a number is exact */
    CHECK(COMPOSE(&q, {NW_UNIT, 3, 0, 0}, {NW_THOUSAND, 1000, 0, RASID_Q_THOUSANDS}) == 3000);
    CHECK_INT(q, RASID_Q_EXACT);
    /* آلاف alone: thousands */
    CHECK(COMPOSE(&q, {NW_THOUSAND, 1000, 0, RASID_Q_THOUSANDS}) == 1000);
    CHECK_INT(q, RASID_Q_THOUSANDS);
    /* ألفين alone */
    CHECK(COMPOSE(&q, {NW_THOUSAND, 2000, 0, 0}) == 2000);
    /* 15 ألف, 1.5 مليون */
    CHECK(COMPOSE(&q, {NW_DIGITS, 15, 0, 0}, {NW_THOUSAND, 1000, 0, 0}) == 15000);
    CHECK(COMPOSE(&q, {NW_DIGITS, 1.5, 0, 0}, {NW_MILLION, 1e6, 0, 0}) == 1.5e6);
    /* مائة وخمسون ألفا */
    CHECK(COMPOSE(&q, {NW_HUNDRED, 100, 0, 0}, {NW_TEN, 50, 1, 0}, {NW_THOUSAND, 1000, 0, 0}) == 150000);
    /* ثلاثة ملايين وخمسمائة ألف */
    CHECK(COMPOSE(&q, {NW_UNIT, 3, 0, 0}, {NW_MILLION, 1e6, 0, RASID_Q_THOUSANDS},
                  {NW_HUNDRED, 500, 1, 0}, {NW_THOUSAND, 1000, 0, 0}) == 3.5e6);
    /* ألف وخمسمئة وخمسة وعشرون */
    CHECK(COMPOSE(&q, {NW_THOUSAND, 1000, 0, 0}, {NW_HUNDRED, 500, 1, 0}, {NW_UNIT, 5, 1, 0},
                  {NW_TEN, 20, 1, 0}) == 1525);
    /* ثلاث مئة */
    CHECK(COMPOSE(&q, {NW_UNIT, 3, 0, 0}, {NW_HUNDRED, 100, 0, 0}) == 300);
    /* مئة وعشرة */
    CHECK(COMPOSE(&q, {NW_HUNDRED, 100, 0, 0}, {NW_UNIT, 10, 1, 0}) == 110);
    /* عشرات الآلاف, مئات الآلاف: the vague qualifier stays */
    CHECK(COMPOSE(&q, {NW_QUANTITY, 12, 0, RASID_Q_DOZENS}, {NW_THOUSAND, 1000, 0, RASID_Q_THOUSANDS}) == 12000);
    CHECK_INT(q, RASID_Q_DOZENS);
    CHECK(COMPOSE(&q, {NW_HUNDRED, 100, 0, RASID_Q_HUNDREDS}, {NW_THOUSAND, 1000, 0, RASID_Q_THOUSANDS}) == 100000);
    CHECK_INT(q, RASID_Q_HUNDREDS);
    /* refused continuations: two separate numbers */
    CHECK(COMPOSE(&q, {NW_UNIT, 5, 0, 0}, {NW_UNIT, 10, 1, 0}) == -2);     /* خمسة وعشرة */
    CHECK(COMPOSE(&q, {NW_UNIT, 10, 0, 0}, {NW_TEN, 20, 1, 0}) == -2);     /* عشرة وعشرون */
    CHECK(COMPOSE(&q, {NW_DIGITS, 14, 0, 0}, {NW_UNIT, 4, 1, 0}) == -2);   /* 14 وأربعة */
    CHECK(COMPOSE(&q, {NW_UNIT, 5, 0, 0}, {NW_UNIT, 3, 0, 0}) == -2);      /* خمسة ثلاثة */
    CHECK(COMPOSE(&q, {NW_THOUSAND, 1000, 0, 0}, {NW_THOUSAND, 1000, 0, 0}) == -2);
    CHECK(COMPOSE(&q, {NW_BEFORE, 0, 0, RASID_Q_ABOUT}) == -1);
}

static void test_qualifiers(void)
{
    CHECK_INT(rasid__qualifier_of("more_than"), RASID_Q_MORE_THAN);
    CHECK_INT(rasid__qualifier_of("at_least"), RASID_Q_AT_LEAST);
    CHECK_INT(rasid__qualifier_of("several"), RASID_Q_SEVERAL);
    CHECK_INT(rasid__qualifier_of("nonsense"), RASID_Q_EXACT);
    CHECK_INT(rasid__qualifier_of(""), RASID_Q_EXACT);
    for (int q = RASID_Q_EXACT; q <= RASID_Q_SEVERAL; q++)
        CHECK_INT(rasid__qualifier_of(rasid__qualifier_name(q)), q);
}

/* ---- end to end ---- */

static rasid_lexicon *lex;

/* The first number mention of text; checks value, qualifier and noun (NULL = none). */
static void check_num(const char *text, double value, int qual, const char *noun)
{
    rasid_doc *doc = rasid_doc_new("t", text, strlen(text), "2015-07-21");
    CHECK(doc && rasid_doc_recognise(doc, lex) == RASID_OK);
    const rasid_mention *m = rasid_doc_mentions(doc), *x = NULL;
    for (size_t i = 0; doc && i < rasid_doc_nmentions(doc); i++)
        if (m[i].kind == RASID_M_NUMBER) {
            x = &m[i];
            break;
        }
    if (!x) printf("no number in: %s\n", text);
    CHECK(x != NULL);
    if (x) {
        if (fabs(x->num - value) > 1e-9 || x->qualifier != qual) printf("in: %s\n", text);
        CHECK(fabs(x->num - value) < 1e-9);
        CHECK_INT(x->qualifier, qual);
        CHECK_STR(x->noun, noun);
    }
    rasid_doc_free(doc);
}

static void check_none(const char *text)
{
    rasid_doc *doc = rasid_doc_new("t", text, strlen(text), "2015-07-21");
    CHECK(doc && rasid_doc_recognise(doc, lex) == RASID_OK);
    const rasid_mention *m = rasid_doc_mentions(doc);
    int n = 0;
    for (size_t i = 0; doc && i < rasid_doc_nmentions(doc); i++) n += m[i].kind == RASID_M_NUMBER;
    if (n) printf("unexpected number in: %s\n", text);
    CHECK_INT(n, 0);
    rasid_doc_free(doc);
}

static void test_recognise(void)
{
    check_num("قتل 27 شخصًا في القرية", 27, RASID_Q_EXACT, "person");
    check_num("قتل ٢٧ جنديا", 27, RASID_Q_EXACT, "soldier");
    check_num("أصيب 1,250 مدنيا", 1250, RASID_Q_EXACT, "civilian");
    check_num("قتل ثلاث نساء", 3, RASID_Q_EXACT, "woman");
    check_num("خطف اثنا عشر طفلا", 12, RASID_Q_EXACT, "child");
    check_num("سقط خمسة وثلاثون قتيلا", 35, RASID_Q_EXACT, "dead");
    check_num("سقط أكثر من 40 جريحا", 40, RASID_Q_MORE_THAN, "injured");
    check_num("احتجز المسلحون نحو مئتي رهينة", 200, RASID_Q_ABOUT, "hostage");
    check_num("قتل 9 أشخاص على الأقل", 9, RASID_Q_AT_LEAST, "person");
    check_num("فر عشرات الآلاف من السكان", 12000, RASID_Q_DOZENS, "civilian");
    check_num("اعتقلت الشرطة عشرة من المهربين المسلحين", 10, RASID_Q_EXACT, NULL);
    check_num("اعتقلت الشرطة سبعة من المسلحين", 7, RASID_Q_EXACT, "militant");
    check_num("قتل جنديان في الانفجار", 2, RASID_Q_EXACT, "soldier");
    check_num("تبعد القرية 80 كلم عن الحدود", 80, RASID_Q_EXACT, "distance");
    check_num("ارتفعت النسبة إلى 12 بالمئة", 12, RASID_Q_EXACT, "percent");
    check_none("وقع الهجوم الثاني في المدينة");
    check_none("وقع الانفجار في 12 مارس 2014");
}

/* rasid__decimal gives strtod's double, bit for bit, for every string */
static int same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (a != a && b != b);
}

static void test_decimal(void)
{
    static const char *fixed[] = {"0", "-0", "+0", "12.6392", "-3.98", "1000", "0.1", ".5", "5.", "-.25",
                                  "", "-", "+", ".", "1e3", "12.5 ", " 12.5", "0x1A", "inf", "nan",
                                  "123456789012345", "1234567890123456", "0.0000000000000000000001",
                                  "0.00000000000000000000001", "00000000000000000012.5",
                                  "9007199254740993", "17.000000000000000001", "1.2.3", "--1"};
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        CHECK(same_double(rasid__decimal(fixed[i]), strtod(fixed[i], NULL)));
    /* random decimals as the dictionaries write them, and longer ones */
    unsigned long long x = 88172645463325252ull;
    int bad = 0;
    for (int i = 0; i < 200000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char buf[64];
        int ip = (int)(x % 100000), fd = (int)((x >> 20) % 25);
        unsigned long long fr = (x >> 30) % 1000000000000ull;
        snprintf(buf, sizeof buf, "%s%d.%0*llu", (x >> 60) & 1 ? "-" : "", ip % (i % 7 == 0 ? 181 : 100000),
                 fd ? fd : 1, fd ? fr % 1000000000000ull : fr % 10);
        if (!same_double(rasid__decimal(buf), strtod(buf, NULL))) bad++;
    }
    CHECK_INT(bad, 0);
}

int main(void)
{
    UNIT_RUN(test_decimal);
    UNIT_RUN(test_compose);
    UNIT_RUN(test_qualifiers);
    char err[256] = "";
    lex = rasid_lexicon_load("data", err, sizeof err);
    if (!lex) printf("cannot load data/: %s\n", err);
    CHECK(lex != NULL);
    if (lex) UNIT_RUN(test_recognise);
    rasid_lexicon_free(lex);
    return unit_done();
}
