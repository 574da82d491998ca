/*
 * test_time.c — calendar arithmetic, tabular Hijri conversion, relative-date resolution,
 * and a few end-to-end date recognitions through the public API (with data/).
 */
#include "unit.h"
#include "internal.h"
#include "time/time.h"

#include <stdlib.h>

static long D(int y, int m, int d) { return rasid__days_from_civil(y, m, d); }

static char *ymd(long z)
{
    static char buf[4][16];
    static int k;
    int y, m, d;
    rasid__civil_from_days(z, &y, &m, &d);
    char *b = buf[k++ % 4];
    snprintf(b, 16, "%04d-%02d-%02d", y, m, d);
    return b;
}

static void test_civil(void)
{
    CHECK_INT(D(1970, 1, 1), 0);
    CHECK_INT(D(2000, 3, 1), 11017);
    CHECK_INT(D(1969, 12, 31), -1);
    CHECK_STR(ymd(16637), "2015-07-21");
    /* every day 1900-01-01 .. 2100-12-31: round trip and consecutive numbering */
    long z = D(1900, 1, 1), bad = 0;
    for (int y = 1900; y <= 2100; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= rasid__days_in_month(y, m); d++, z++) {
                int yy, mm, dd;
                if (D(y, m, d) != z) bad++;
                rasid__civil_from_days(z, &yy, &mm, &dd);
                if (yy != y || mm != m || dd != d) bad++;
            }
    CHECK_INT(bad, 0);
    CHECK_INT(rasid__days_in_month(2000, 2), 29);
    CHECK_INT(rasid__days_in_month(1900, 2), 28);
    CHECK_INT(rasid__days_in_month(2016, 2), 29);
}

static void test_weekday(void)
{
    CHECK_INT(rasid__weekday(1970, 1, 1), 4); /* Thursday */
    CHECK_INT(rasid__weekday(1900, 1, 1), 1); /* Monday */
    CHECK_INT(rasid__weekday(2000, 1, 1), 6); /* Saturday */
    CHECK_INT(rasid__weekday(2015, 7, 21), 2); /* Tuesday */
    CHECK_INT(rasid__weekday(2015, 11, 26), 4); /* Thursday */
    CHECK_INT(rasid__weekday(1969, 12, 28), 0); /* Sunday, before the epoch */
}

static void test_parse_ymd(void)
{
    int y, m, d;
    CHECK(rasid__parse_ymd("2015-07-21", &y, &m, &d) && y == 2015 && m == 7 && d == 21);
    CHECK(!rasid__parse_ymd("2015-02-30", &y, &m, &d));
    CHECK(!rasid__parse_ymd("2015-7-21", &y, &m, &d));
    CHECK(!rasid__parse_ymd("", &y, &m, &d));
    CHECK(!rasid__parse_ymd(NULL, &y, &m, &d));
}

/* Tabular dates against observed/Umm al-Qura dates: tolerance ±1 day. */
static void check_hijri(int hy, int hm, int hd, int y, int m, int d)
{
    long z = rasid__days_from_hijri(hy, hm, hd);
    long diff = labs(z - D(y, m, d));
    if (diff > 1) printf("hijri %d-%d-%d -> %s, expected %04d-%02d-%02d\n", hy, hm, hd, ymd(z), y, m, d);
    CHECK(diff <= 1);
}

static void test_hijri(void)
{
    /* the epoch: 1 Muharram 1 AH = 16 July 622 Julian = 19 July 622 proleptic Gregorian */
    CHECK_STR(ymd(rasid__days_from_hijri(1, 1, 1)), "0622-07-19");
    /* the tabular calendar's own values, exactly */
    CHECK_STR(ymd(rasid__days_from_hijri(1436, 9, 1)), "2015-06-18");
    CHECK_STR(ymd(rasid__days_from_hijri(1436, 10, 1)), "2015-07-18"); /* observed: the 17th */
    check_hijri(1436, 9, 1, 2015, 6, 18);   /* 1 Ramadan 1436 */
    check_hijri(1436, 10, 1, 2015, 7, 17);  /* 1 Shawwal 1436 (Eid al-Fitr) */
    check_hijri(1437, 1, 1, 2015, 10, 14);  /* 1 Muharram 1437 */
    check_hijri(1400, 1, 1, 1979, 11, 21);  /* 1 Muharram 1400 */
    check_hijri(1445, 9, 1, 2024, 3, 11);   /* 1 Ramadan 1445 */
    check_hijri(1441, 12, 10, 2020, 7, 31); /* 10 Dhu al-Hijja 1441 (Eid al-Adha) */
    /* round trip over 1300..1500 AH, and month lengths 29/30 */
    long bad = 0;
    for (int y = 1300; y <= 1500; y++)
        for (int m = 1; m <= 12; m++) {
            long a = rasid__days_from_hijri(y, m, 1);
            long b = m < 12 ? rasid__days_from_hijri(y, m + 1, 1) : rasid__days_from_hijri(y + 1, 1, 1);
            if (b - a != 29 && b - a != 30) bad++;
            for (int d = 1; d <= b - a; d++) {
                int hy, hm, hd;
                rasid__hijri_from_days(a + d - 1, &hy, &hm, &hd);
                if (hy != y || hm != m || hd != d) bad++;
            }
        }
    CHECK_INT(bad, 0);
}

static void test_resolve(void)
{
    long pub = D(2015, 7, 21); /* a Tuesday */
    CHECK_STR(ymd(rasid__resolve_weekday(pub, 5, RASID_WHEN_BEFORE)), "2015-07-17");
    CHECK_STR(ymd(rasid__resolve_weekday(pub, 2, RASID_WHEN_BEFORE)), "2015-07-14");
    CHECK_STR(ymd(rasid__resolve_weekday(pub, 2, RASID_WHEN_ON_OR_BEFORE)), "2015-07-21");
    CHECK_STR(ymd(rasid__resolve_weekday(pub, 2, RASID_WHEN_AFTER)), "2015-07-28");
    CHECK_STR(ymd(rasid__resolve_weekday(pub, 2, RASID_WHEN_ON_OR_AFTER)), "2015-07-21");
    CHECK_STR(ymd(rasid__resolve_weekday(pub, 4, RASID_WHEN_ON_OR_AFTER)), "2015-07-23");
    /* across a month boundary: published Saturday 1 August 2015 */
    long aug1 = D(2015, 8, 1);
    CHECK_STR(ymd(rasid__resolve_weekday(aug1, 5, RASID_WHEN_BEFORE)), "2015-07-31");
    CHECK_STR(ymd(rasid__resolve_weekday(aug1, 3, RASID_WHEN_ON_OR_BEFORE)), "2015-07-29");
    CHECK_STR(ymd(aug1 - 1), "2015-07-31"); /* أمس */
    /* across a year boundary: published Saturday 2 January 2016 */
    long jan2 = D(2016, 1, 2);
    CHECK_STR(ymd(rasid__resolve_weekday(jan2, 3, RASID_WHEN_BEFORE)), "2015-12-30");
    CHECK_STR(ymd(jan2 - 2), "2015-12-31"); /* أول أمس */
    CHECK_STR(ymd(rasid__resolve_weekday(jan2, 1, RASID_WHEN_AFTER)), "2016-01-04");
    /* months */
    CHECK_INT(rasid__resolve_month_year(2016, 1, 12, RASID_WHEN_BEFORE), 2015);
    CHECK_INT(rasid__resolve_month_year(2016, 1, 1, RASID_WHEN_BEFORE), 2015);
    CHECK_INT(rasid__resolve_month_year(2016, 1, 1, RASID_WHEN_ON_OR_BEFORE), 2016);
    CHECK_INT(rasid__resolve_month_year(2015, 7, 6, RASID_WHEN_ON_OR_BEFORE), 2015);
    CHECK_INT(rasid__resolve_month_year(2015, 7, 9, RASID_WHEN_ON_OR_BEFORE), 2014);
    CHECK_INT(rasid__resolve_month_year(2015, 7, 6, RASID_WHEN_AFTER), 2016);
    CHECK_INT(rasid__resolve_month_year(2015, 7, 10, RASID_WHEN_AFTER), 2015);
    /* day and month */
    CHECK_INT(rasid__resolve_daymonth_year(D(2016, 1, 5), 12, 31, RASID_WHEN_ON_OR_BEFORE), 2015);
    CHECK_INT(rasid__resolve_daymonth_year(D(2016, 1, 5), 1, 5, RASID_WHEN_ON_OR_BEFORE), 2016);
    CHECK_INT(rasid__resolve_daymonth_year(D(2016, 1, 5), 1, 5, RASID_WHEN_BEFORE), 2015);
    CHECK_INT(rasid__resolve_daymonth_year(D(2016, 1, 5), 1, 6, RASID_WHEN_ON_OR_BEFORE), 2015);
    CHECK_INT(rasid__resolve_daymonth_year(D(2015, 12, 28), 1, 5, RASID_WHEN_AFTER), 2016);
    CHECK_INT(rasid__resolve_daymonth_year(D(2017, 3, 1), 2, 29, RASID_WHEN_ON_OR_BEFORE), 2016);
    /* month arithmetic and weeks */
    int y = 2015, m = 1;
    rasid__add_months(&y, &m, -1);
    CHECK(y == 2014 && m == 12);
    y = 2015, m = 12;
    rasid__add_months(&y, &m, 1);
    CHECK(y == 2016 && m == 1);
    y = 2015, m = 3;
    rasid__add_months(&y, &m, -15);
    CHECK(y == 2013 && m == 12);
    CHECK_STR(ymd(rasid__week_start(D(2015, 7, 21))), "2015-07-20");
    CHECK_STR(ymd(rasid__week_start(D(2015, 7, 26))), "2015-07-20");
    CHECK_STR(ymd(rasid__week_start(D(2015, 7, 20))), "2015-07-20");
    CHECK_STR(ymd(rasid__week_start(D(2016, 1, 2)) - 7), "2015-12-21");
}

/* ---- end to end, through the public API with the data directory ---- */

static rasid_lexicon *lex;

static const rasid_mention *first_date(rasid_doc *doc)
{
    const rasid_mention *m = rasid_doc_mentions(doc);
    for (size_t i = 0; i < rasid_doc_nmentions(doc); i++)
        if (m[i].kind == RASID_M_DATE) return &m[i];
    return NULL;
}

static void check_date(const char *text, const char *pub, const char *value, int prec)
{
    rasid_doc *doc = rasid_doc_new("t", text, strlen(text), pub);
    CHECK(doc && rasid_doc_recognise(doc, lex) == RASID_OK);
    const rasid_mention *m = doc ? first_date(doc) : NULL;
    if (!value) {
        if (m) printf("unexpected date %s in: %s\n", m->value, text);
        CHECK(m == NULL);
    } else {
        CHECK(m != NULL);
        if (m) {
            if (strcmp(m->value, value) != 0 || m->precision != prec)
                printf("in: %s\n", text);
            CHECK_STR(m->value, value);
            CHECK_INT(m->precision, prec);
        }
    }
    rasid_doc_free(doc);
}

static void test_recognise(void)
{
    check_date("وقع الانفجار الجمعة الماضي", "2016-01-02", "2016-01-01", RASID_P_DAY);
    check_date("وقع الانفجار يوم الأربعاء الماضي", "2016-01-02", "2015-12-30", RASID_P_DAY);
    check_date("أعلنت الشرطة أمس الخميس", "2015-08-01", "2015-07-31", RASID_P_DAY);
    check_date("عاد الهدوء في ديسمبر الماضي", "2016-01-10", "2015-12", RASID_P_MONTH);
    check_date("عاد الهدوء الشهر الماضي", "2016-01-10", "2015-12", RASID_P_MONTH);
    check_date("عاد الهدوء العام الماضي", "2016-01-10", "2015", RASID_P_YEAR);
    check_date("عاد الهدوء قبل يومين", "2016-01-01", "2015-12-30", RASID_P_DAY);
    check_date("عاد الهدوء في 3 مارس 2014", NULL, "2014-03-03", RASID_P_DAY);
    check_date("عاد الهدوء أمس", NULL, NULL, 0);
    check_date("في 1 رمضان 1436 هـ", NULL, "2015-06-18", RASID_P_DAY);
    /* a dateline gives the publication date */
    const char *t = "الثلاثاء 5 يناير 2016 - 10:15 ص\nوقع الهجوم أمس.";
    rasid_doc *doc = rasid_doc_new("t", t, strlen(t), NULL);
    CHECK(doc && rasid_doc_recognise(doc, lex) == RASID_OK);
    CHECK_STR(rasid_doc_published(doc), "2016-01-05");
    CHECK_INT(doc->published_from_dateline, 1);
    const rasid_mention *m = rasid_doc_mentions(doc);
    int found = 0;
    for (size_t i = 0; i < rasid_doc_nmentions(doc); i++)
        if (m[i].kind == RASID_M_DATE && strcmp(m[i].value, "2016-01-04") == 0) found = 1;
    CHECK(found);
    rasid_doc_free(doc);
    /* a given publication date wins over the dateline */
    doc = rasid_doc_new("t", t, strlen(t), "2016-01-06");
    CHECK(doc && rasid_doc_recognise(doc, lex) == RASID_OK);
    CHECK_STR(rasid_doc_published(doc), "2016-01-06");
    CHECK_INT(doc->published_from_dateline, 0);
    rasid_doc_free(doc);
}

int main(void)
{
    UNIT_RUN(test_civil);
    UNIT_RUN(test_weekday);
    UNIT_RUN(test_parse_ymd);
    UNIT_RUN(test_hijri);
    UNIT_RUN(test_resolve);
    char err[256] = "";
    lex = rasid_lexicon_load("data", err, sizeof err);
    if (!lex) printf("cannot load data/: %s\n", err);
    CHECK(lex != NULL);
    if (lex) UNIT_RUN(test_recognise);
    rasid_lexicon_free(lex);
    return unit_done();
}
