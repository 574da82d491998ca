/*
 * date.c — the date recogniser: absolute, Hijri, weekday and relative dates, and the
 * dateline that gives a document its publication date.
 *
 * Works on the per-token classification of num/words.h (months.tsv, timewords.tsv,
 * numbers.tsv). Each position is tried against the patterns below, longest first; a
 * match becomes one RASID_M_DATE mention whose `value` is YYYY-MM-DD, YYYY-MM or YYYY
 * (week precision: the Monday of the week) and whose span is the whole expression.
 *
 *   numeric        26/11/2015  2015-07-21  (day/month/year, or ISO year-month-day)
 *   day month      20 نوفمبر 2015, 26/نوفمبر/2015, 21 أبريل من عام 2014, الخامس من مايو,
 *                  15 رمضان 1436 هـ (Hijri), 7 أغسطس الماضي, 29 مايو (أيار)
 *   month          مارس 2012, سبتمبر (أيلول) 2017, شباط/فبراير, يونيو الماضي, في يونيو المقبل,
 *                  شهر نوفمبر من العام الماضي, منتصف يونيو, نهاية ايار/ مايو
 *   year           عام 2013, العام 2015, في 2012, منذ 2009, 2015م, عام 1436 هـ, نهاية عام 2017
 *   weekday        الجمعة الماضي, يوم الخميس, مساء الجمعة, ليل الجمعة - السبت, الأحد 5 يناير 2020
 *   relative day   أمس, أمس السبت, أمس (الخميس), اليوم, غدا, أول أمس, صباح اليوم
 *   relative unit  الأسبوع الماضي, الشهر الماضي (فبراير), العام الماضي, مطلع الأسبوع,
 *                  العام الحالي, هذا العام
 *   ago            قبل يومين, قبل ثلاثة أيام, منذ 15 عاما; بعد أسبوعين only after a future
 *                  cue; never with من after it (قبل يومين من الانتخابات is relative to an event)
 *   then           آنذاك, حينئذ, يومئذ: the time just told, the last date before it in its
 *                  sentence or the two before (a copy of its value and precision)
 *
 * Resolution rules (the reference is doc->published):
 *   - a weekday with الماضي is the last such weekday strictly before publication; with
 *     المقبل/القادم the next one strictly after; alone (news reports the past) the most
 *     recent one on or before publication, unless a future-tense cue (cues.tsv class
 *     "future") precedes it in the sentence, then the next one on or after;
 *   - a month without a year is the last such month on or before the publication month
 *     (strictly before with الماضي; strictly after with المقبل); a day and month without a
 *     year likewise by day;
 *   - a bare month name (no day, year, marker or alternate name) is only taken after a
 *     preposition, a part word or شهر (مارس is also a verb); a Hijri month needs a day, a
 *     year or شهر before it (صفر, رجب, رمضان are also words and names);
 *   - Hijri dates use the tabular Islamic calendar (time.h); a Hijri month or year without
 *     a day takes the Gregorian month/year of its 15th day / of its 15 Jumada II;
 *   - without a publication date relative expressions are not emitted at all; absolute
 *     ones are.
 * Dateline: an absolute day-date with a year in the first 400 bytes, on a line of its own
 * (possibly with a weekday, a time and a place), sets doc->published when it is empty.
 */
#include "time/time.h"
#include "num/words.h"
#include "lex/lex.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct dres {
    size_t b, e;   /* token range [b, e) */
    int y, m, d;   /* resolved date (fields beyond the precision unused) */
    int prec;      /* RASID_P_DAY ... ; RASID_P_NONE: recognised but not resolvable */
    int abs;       /* absolute: had an explicit year */
} dres;

typedef struct dctx {
    rasid_doc *doc;
    const rasid_token *t;
    size_t n;
    const rasid__word *w;
    const rasid_lexicon *lex;
    int have_pub;
    long pub;
    int py, pm, pd;
    int absolute_only;
} dctx;

/* ---------------------------------------------------------------- token tests */

static int same(const dctx *c, size_t i, size_t s)
{
    return i < c->n && c->t[i].sent == c->t[s].sent;
}

static int punct(const dctx *c, size_t i, const char *s)
{
    return rasid__tok_is(c->doc, i, s);
}

static int is_sep(const dctx *c, size_t i)
{
    return punct(c, i, "/") || punct(c, i, "-") || punct(c, i, "\xe2\x80\x93") /* – */ ||
           punct(c, i, "\\");
}

static int is_comma(const dctx *c, size_t i)
{
    return punct(c, i, ",") || punct(c, i, "\xd8\x8c"); /* ، */
}

/* A number token written with 1..maxdigits ASCII digits (after normalisation). */
static int int_tok(const dctx *c, size_t i, int maxdigits, int *v)
{
    if (i >= c->n || c->t[i].kind != RASID_TOK_NUMBER || !c->t[i].norm) return 0;
    const char *s = c->t[i].norm;
    int k = 0, x = 0;
    for (; s[k]; k++) {
        if (s[k] < '0' || s[k] > '9' || k >= maxdigits) return 0;
        x = x * 10 + (s[k] - '0');
    }
    if (k == 0) return 0;
    *v = x;
    return 1;
}

static int year_tok(const dctx *c, size_t i, int *y)
{
    int v;
    if (!int_tok(c, i, 4, &v) || c->t[i].nlen != 4) return 0; /* (nlen is strlen(norm)) */
    *y = v;
    return 1;
}

static int has_article_word(const dctx *c, size_t i)
{
    return i < c->n && c->t[i].kind == RASID_TOK_ARABIC && c->t[i].norm &&
           strncmp(c->t[i].norm, "\xd8\xa7\xd9\x84", 4) == 0;
}

static int marker(const dctx *c, size_t i, size_t s, int *when)
{
    if (!same(c, i, s)) return 0;
    if (c->w[i].tw == TW_PAST) *when = RASID_WHEN_BEFORE;
    else if (c->w[i].tw == TW_FUTURE) *when = RASID_WHEN_AFTER;
    else return 0;
    return c->w[i].twlen;
}

static int context_before(const dctx *c, size_t i)
{
    if (i == 0 || !same(c, i - 1, i)) return 0;
    int tw = c->w[i - 1].tw;
    return tw == TW_PREP || tw == TW_AGO || tw == TW_PART;
}

static int future_context(const dctx *c, size_t i)
{
    if (!c->lex) return 0;
    for (size_t k = i, steps = 0; k > 0 && steps < 8; k--, steps++) {
        if (!same(c, k - 1, i)) break;
        if (rasid__lex_is_cue(c->lex, c->doc, k - 1, CUE_FUTURE)) return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- resolution helpers */

static void set_day(dres *r, long z)
{
    rasid__civil_from_days(z, &r->y, &r->m, &r->d);
    r->prec = RASID_P_DAY;
}

static int valid_ymd(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= rasid__days_in_month(y, m);
}

/* Gregorian month of the 15th of a Hijri month. */
static void hijri_month_to_civil(int hy, int hm, int *y, int *m)
{
    int d;
    rasid__civil_from_days(rasid__days_from_hijri(hy, hm, 15), y, m, &d);
}

/* Hijri year that puts (hm, hd) nearest the publication day in direction `when`. */
static int resolve_hijri_year(const dctx *c, int hm, int hd, int when)
{
    int hy, x, y2;
    rasid__hijri_from_days(c->pub, &hy, &x, &y2);
    for (int k = 0; k < 3; k++) {
        int y = when < 0 ? hy + 1 - k : hy - 1 + k;
        long z = rasid__days_from_hijri(y, hm, hd);
        int ok = when == RASID_WHEN_BEFORE       ? z < c->pub
                 : when == RASID_WHEN_ON_OR_BEFORE ? z <= c->pub
                 : when == RASID_WHEN_ON_OR_AFTER  ? z >= c->pub
                                                   : z > c->pub;
        if (ok) return y;
    }
    return hy;
}

/* ---------------------------------------------------------------- pieces */

/* A month name at k with an optional alternate name of the same month: "سبتمبر (أيلول)",
 * "شباط/فبراير", "أيار/ مايو". Returns the end index or 0. */
static size_t month_name(const dctx *c, size_t k, size_t s, int *mon, int *hijri)
{
    if (!same(c, k, s) || !c->w[k].month) return 0;
    *mon = c->w[k].month;
    *hijri = c->w[k].hijri;
    size_t e = k + c->w[k].mlen;
    if (punct(c, e, "(") && same(c, e + 1, s) && c->w[e + 1].month == *mon &&
        c->w[e + 1].hijri == *hijri && punct(c, e + 1 + c->w[e + 1].mlen, ")"))
        e = e + 2 + c->w[e + 1].mlen;
    else if (is_sep(c, e) && same(c, e + 1, s) && c->w[e + 1].month == *mon &&
             c->w[e + 1].hijri == *hijri)
        e = e + 1 + c->w[e + 1].mlen;
    return e;
}

/* An explicit year after a month: [/ - ،] [من] [عام|سنة] YYYY [م|هـ]. Returns end or 0. */
static size_t year_tail(const dctx *c, size_t e, size_t s, int hijri, int *y)
{
    size_t k = e;
    if (is_sep(c, k) || is_comma(c, k)) k++;
    if (same(c, k, s) && c->w[k].nw == NW_LINK) k += c->w[k].nwlen ? c->w[k].nwlen : 1;
    if (same(c, k, s) && c->w[k].tw == TW_UNIT && c->w[k].twval == U_YEAR && c->w[k].twcount == 1)
        k += c->w[k].twlen;
    int v;
    if (!same(c, k, s) || !year_tok(c, k, &v)) return 0;
    if (hijri ? (v < 1300 || v > 1600) : (v < 1000 || v > 2999)) return 0;
    k++;
    if (same(c, k, s) && c->w[k].tw == TW_ERA) k += c->w[k].twlen;
    *y = v;
    return k;
}

/* A relative year after a month: [من] العام الماضي|الحالي|المقبل. Returns end or 0. */
static size_t relyear_tail(const dctx *c, size_t e, size_t s, int *delta)
{
    size_t k = e;
    if (same(c, k, s) && c->w[k].nw == NW_LINK) k += c->w[k].nwlen ? c->w[k].nwlen : 1;
    if (!same(c, k, s) || c->w[k].tw != TW_UNIT || c->w[k].twval != U_YEAR ||
        c->w[k].twcount != 1 || !c->w[k].twart)
        return 0;
    k += c->w[k].twlen;
    if (!same(c, k, s)) return 0;
    int tw = c->w[k].tw;
    if (tw == TW_PAST) *delta = -1;
    else if (tw == TW_FUTURE) *delta = 1;
    else if (tw == TW_CURRENT) *delta = 0;
    else return 0;
    return k + c->w[k].twlen;
}

/* ---------------------------------------------------------------- patterns */

/* 26/11/2015, 2015-07-21 */
static int p_numeric(const dctx *c, size_t i, dres *r)
{
    int a, b, x;
    if (!int_tok(c, i, 4, &a) || !is_sep(c, i + 1) || !same(c, i + 4, i)) return 0;
    const char *sep = c->t[i + 1].norm;
    if (!int_tok(c, i + 2, 2, &b) || !punct(c, i + 3, sep) || !int_tok(c, i + 4, 4, &x)) return 0;
    int y, m, d;
    if (c->t[i].nlen == 4) y = a, m = b, d = x;
    else if (c->t[i + 4].nlen == 4 && c->t[i].nlen <= 2) d = a, m = b, y = x;
    else return 0;
    if (y < 1000 || !valid_ymd(y, m, d)) return 0;
    r->b = i;
    r->e = i + 5;
    r->y = y, r->m = m, r->d = d;
    r->prec = RASID_P_DAY;
    r->abs = 1;
    return 1;
}

static int p_unitrel(const dctx *c, size_t i, dres *r, int after_part);

/* day + month [+ year | relative year | marker]; day + من + a relative month */
static int p_daymonth(const dctx *c, size_t i, dres *r)
{
    int d = 0, ord = 0;
    size_t k;
    const rasid__word *w = c->w;
    if (int_tok(c, i, 2, &d)) {
        k = i + 1;
        if (is_sep(c, k)) k++;
    } else if (w[i].nw == NW_ORDINAL && !c->absolute_only) {
        d = (int)w[i].nwval;
        k = i + w[i].nwlen;
        if (same(c, k, i) && w[k].nw == NW_TEN && w[k].nwwa && d < 10) {
            d += (int)w[k].nwval;
            k += w[k].nwlen;
        }
        ord = 1;
    } else if (w[i].nw == NW_TEN && w[i].nwart && w[i].nwval <= 30 && !c->absolute_only) {
        d = (int)w[i].nwval;
        k = i + w[i].nwlen;
        ord = 1;
    } else {
        return 0;
    }
    if (d < 1 || d > 31) return 0;
    int link = 0;
    if (same(c, k, i) && w[k].nw == NW_LINK) k += w[k].nwlen ? w[k].nwlen : 1, link = 1;
    else if (ord) return 0; /* الخامس من مايو: the من is required after an ordinal */
    int mon, hijri, y, delta, when;
    size_t e = month_name(c, k, i, &mon, &hijri);
    if (!e && link && !c->absolute_only && same(c, k, i)) {
        /* "العاشر من الشهر الماضي", "يوم 5 من الشهر الجاري": a day of a relative month */
        dres m = *r;
        if (!p_unitrel(c, k, &m, 0) || (c->have_pub && m.prec != RASID_P_MONTH)) return 0;
        if (w[k].tw != TW_UNIT || w[k].twval != U_MONTH) return 0;
        r->b = i;
        r->e = m.e;
        if (!c->have_pub) return 1;
        if (!valid_ymd(m.y, m.m, d)) return 0;
        r->y = m.y, r->m = m.m, r->d = d, r->prec = RASID_P_DAY;
        return 1;
    }
    if (!e) return 0;
    size_t e2;
    r->b = i;
    if ((e2 = year_tail(c, e, i, hijri, &y))) {
        if (hijri) {
            if (d > 30) return 0;
            set_day(r, rasid__days_from_hijri(y, mon, d));
        } else {
            if (!valid_ymd(y, mon, d)) return 0;
            r->y = y, r->m = mon, r->d = d, r->prec = RASID_P_DAY;
        }
        r->e = e2;
        r->abs = 1;
        return 1;
    }
    if (c->absolute_only) return 0;
    if ((e2 = relyear_tail(c, e, i, &delta))) {
        r->e = e2;
        if (!c->have_pub || hijri) return 1;
        y = c->py + delta;
        if (!valid_ymd(y, mon, d)) return 0;
        r->y = y, r->m = mon, r->d = d, r->prec = RASID_P_DAY;
        return 1;
    }
    int ml = marker(c, e, i, &when);
    if (ml) e += (size_t)ml;
    else when = RASID_WHEN_ON_OR_BEFORE;
    r->e = e;
    if (!c->have_pub) return 1;
    if (hijri) {
        if (d > 30) return 0;
        set_day(r, rasid__days_from_hijri(resolve_hijri_year(c, mon, d, when), mon, d));
        return 1;
    }
    y = rasid__resolve_daymonth_year(c->pub, mon, d, when);
    if (!y || !valid_ymd(y, mon, d)) return 0;
    r->y = y, r->m = mon, r->d = d, r->prec = RASID_P_DAY;
    return 1;
}

/* [شهر] month [+ year | relative year | marker] */
static int p_month(const dctx *c, size_t i, dres *r)
{
    const rasid__word *w = c->w;
    size_t k = i;
    int prefix = 0;
    if (w[i].tw == TW_UNIT && w[i].twval == U_MONTH && w[i].twcount == 1 && !w[i].twart &&
        same(c, i + w[i].twlen, i) && w[i + w[i].twlen].month) {
        k = i + w[i].twlen;
        prefix = 1;
    }
    if (!w[k].month) return 0; /* (no month name: asked of every token that may start a date) */
    int ctx = prefix || context_before(c, i);
    int mon, hijri, y, delta, when;
    size_t e = month_name(c, k, i, &mon, &hijri);
    if (!e) return 0;
    if (e > k + w[k].mlen) ctx = 1; /* an alternate name confirms a month */
    r->b = i;
    size_t e2;
    if ((e2 = year_tail(c, e, i, hijri, &y))) {
        r->e = e2;
        r->abs = 1;
        if (hijri) hijri_month_to_civil(y, mon, &r->y, &r->m);
        else r->y = y, r->m = mon;
        r->prec = RASID_P_MONTH;
        return 1;
    }
    if (c->absolute_only) return 0;
    if (hijri && !prefix) return 0;
    if ((e2 = relyear_tail(c, e, i, &delta))) {
        r->e = e2;
        if (!c->have_pub || hijri) return 1;
        r->y = c->py + delta, r->m = mon, r->prec = RASID_P_MONTH;
        return 1;
    }
    int ml = marker(c, e, i, &when);
    if (ml) {
        e += (size_t)ml;
    } else {
        if (!ctx) return 0;
        when = RASID_WHEN_ON_OR_BEFORE;
    }
    r->e = e;
    if (!c->have_pub) return 1;
    if (hijri) {
        int hy = resolve_hijri_year(c, mon, 1, when);
        hijri_month_to_civil(hy, mon, &r->y, &r->m);
    } else {
        r->y = rasid__resolve_month_year(c->py, c->pm, mon, when);
        r->m = mon;
    }
    r->prec = RASID_P_MONTH;
    return 1;
}

/* عام 2013, العام 2015, في 2012, 2015م, عام 1436 هـ, العام الماضي, هذا العام */
static int p_year(const dctx *c, size_t i, dres *r)
{
    const rasid__word *w = c->w;
    int y;
    size_t k;
    if (w[i].tw == TW_UNIT && w[i].twval == U_YEAR && w[i].twcount == 1) {
        k = i + w[i].twlen;
        if (same(c, k, i) && year_tok(c, k, &y) && y >= 1000 && y <= 2999) {
            k++;
            int ah = 0;
            if (same(c, k, i) && w[k].tw == TW_ERA) {
                ah = w[k].twval == ERA_AH;
                k += w[k].twlen;
            }
            r->b = i;
            r->e = k;
            r->abs = 1;
            r->prec = RASID_P_YEAR;
            if (ah) {
                int m;
                hijri_month_to_civil(y, 6, &r->y, &m);
            } else {
                r->y = y;
            }
            return 1;
        }
        return 0;
    }
    if (!year_tok(c, i, &y)) return 0;
    k = i + 1;
    if (same(c, k, i) && w[k].tw == TW_ERA) {
        r->b = i;
        r->e = k + w[k].twlen;
        r->abs = 1;
        r->prec = RASID_P_YEAR;
        if (w[k].twval == ERA_AH) {
            int m;
            hijri_month_to_civil(y, 6, &r->y, &m);
        } else {
            r->y = y;
        }
        return 1;
    }
    /* في 2012, منذ 2009: a plausible year after a preposition, not counting anything */
    if (y < 1900 || y > 2100 || !context_before(c, i)) return 0;
    if (same(c, k, i) && ((w[k].nnlen && !w[k].nnpro) || w[k].nw == NW_THOUSAND || w[k].nw == NW_MILLION ||
                          punct(c, k, ":") || is_sep(c, k)))
        return 0;
    r->b = i;
    r->e = k;
    r->abs = 1;
    r->prec = RASID_P_YEAR;
    r->y = y;
    return 1;
}

/* الأسبوع|الشهر|العام + الماضي|الحالي|المقبل ; هذا العام ; الشهر الماضي (فبراير) ;
 * after a part word also the bare unit: مطلع الأسبوع, بداية العام. */
static int p_unitrel(const dctx *c, size_t i, dres *r, int after_part)
{
    const rasid__word *w = c->w;
    size_t k = i;
    int delta = 0, have = 0;
    if (w[i].tw == TW_CURRENT && same(c, i + w[i].twlen, i)) { /* هذا العام */
        k = i + w[i].twlen;
        have = 1;
    }
    if (w[k].tw != TW_UNIT || w[k].twcount != 1 || !w[k].twart || w[k].twval == U_DAY) return 0;
    int unit = w[k].twval;
    size_t e = k + w[k].twlen;
    if (!have && same(c, e, i)) {
        int tw = w[e].tw;
        if (tw == TW_PAST) delta = -1, have = 1;
        else if (tw == TW_FUTURE) delta = 1, have = 1;
        else if (tw == TW_CURRENT) delta = 0, have = 1;
        if (have) e += w[e].twlen;
    }
    if (!have && !after_part) return 0;
    /* الشهر الماضي (فبراير): an explicit month in parentheses */
    int mon = 0, hijri = 0;
    if (unit == U_MONTH && punct(c, e, "(") && same(c, e + 1, i) && w[e + 1].month &&
        !w[e + 1].hijri && punct(c, e + 1 + w[e + 1].mlen, ")")) {
        mon = w[e + 1].month;
        e = e + 2 + w[e + 1].mlen;
    }
    (void)hijri;
    r->b = i;
    r->e = e;
    if (!c->have_pub) return 1;
    switch (unit) {
    case U_WEEK: {
        long z = rasid__week_start(c->pub) + 7L * delta;
        rasid__civil_from_days(z, &r->y, &r->m, &r->d);
        r->prec = RASID_P_WEEK;
        break;
    }
    case U_MONTH:
        r->y = c->py, r->m = c->pm;
        if (mon) {
            int when = delta < 0 ? RASID_WHEN_BEFORE : delta > 0 ? RASID_WHEN_AFTER
                                                                : RASID_WHEN_ON_OR_BEFORE;
            r->y = rasid__resolve_month_year(c->py, c->pm, mon, when);
            r->m = mon;
        } else {
            rasid__add_months(&r->y, &r->m, delta);
        }
        r->prec = RASID_P_MONTH;
        break;
    default:
        r->y = c->py + delta;
        r->prec = RASID_P_YEAR;
    }
    return 1;
}

/* حاليا، في الوقت الحاضر: now, an ongoing state of things (a visit under way, a siege):
 * the month of publication, no finer */
static int p_now(const dctx *c, size_t i, dres *r)
{
    if (c->w[i].tw != TW_NOW) return 0;
    r->b = i;
    r->e = i + c->w[i].twlen;
    if (!c->have_pub) return 1;
    r->y = c->py, r->m = c->pm;
    r->prec = RASID_P_MONTH;
    return 1;
}

/* أمس, اليوم, غدا, أول أمس [+ weekday | (weekday)] */
static int p_relday(const dctx *c, size_t i, dres *r)
{
    const rasid__word *w = c->w;
    if (w[i].tw != TW_RELDAY) return 0;
    size_t e = i + w[i].twlen;
    if (w[i].twval == 0 && w[i].twart && has_article_word(c, e) && same(c, e, i) &&
        w[e].tw != TW_WEEKDAY)
        return 0; /* اليوم العالمي, اليوم التالي: not "today" */
    if (punct(c, e, "(") && same(c, e + 1, i) && w[e + 1].tw == TW_WEEKDAY &&
        punct(c, e + 1 + w[e + 1].twlen, ")"))
        e = e + 2 + w[e + 1].twlen;
    else if (same(c, e, i) && w[e].tw == TW_WEEKDAY && !w[e].twwa)
        e += w[e].twlen;
    r->b = i;
    r->e = e;
    if (c->have_pub) set_day(r, c->pub + w[i].twval);
    return 1;
}

static int p_absolute_day(const dctx *c, size_t i, dres *r)
{
    return p_numeric(c, i, r) || p_daymonth(c, i, r);
}

/* Is token k the word إلى ("to")? */
static int is_ila(const dctx *c, size_t k)
{
    return k < c->n && c->t[k].nlen == 6 && !memcmp(c->t[k].norm, "\xD8\xA7\xD9\x84\xD9\x8A", 6);
}

/* [يوم] weekday [absolute date | - weekday] [marker] */
static int p_weekday(const dctx *c, size_t i, dres *r)
{
    const rasid__word *w = c->w;
    size_t k = i;
    if (w[i].tw == TW_UNIT && w[i].twval == U_DAY && w[i].twcount == 1 && !w[i].twart &&
        same(c, i + w[i].twlen, i) && w[i + w[i].twlen].tw == TW_WEEKDAY)
        k = i + w[i].twlen;
    if (w[k].tw != TW_WEEKDAY) return 0;
    /* "سوق الجمعة", "سوق الأحد": a market named for its day is a place */
    if (k == i && i > 0 && same(c, i - 1, i) && c->t[i - 1].nlen == 6 &&
        !memcmp(c->t[i - 1].norm + c->t[i - 1].nlen - 6, "\xD8\xB3\xD9\x88\xD9\x82", 6)) /* سوق */
        return 0;
    int wd = w[k].twval;
    size_t e = k + w[k].twlen;
    /* الخميس 26/نوفمبر/2015, الأحد، 5 يناير 2020 */
    size_t a = e;
    if (is_comma(c, a) || punct(c, a, "-")) a++;
    if (same(c, a, i)) {
        dres sub;
        memset(&sub, 0, sizeof sub);
        if (p_absolute_day(c, a, &sub) && (sub.abs || sub.prec == RASID_P_DAY)) {
            *r = sub;
            r->b = i;
            return 1;
        }
        if (!sub.abs && sub.e > a && !c->have_pub && !c->absolute_only) {
            r->b = i; /* a day-month without year and no reference: recognised, no value */
            r->e = sub.e;
            r->prec = RASID_P_NONE;
            return 1;
        }
    }
    if (c->absolute_only) return 0;
    /* ليل الجمعة - السبت, ليل السبت الأحد, ليلة الخميس إلى الجمعة: a night from one day
     * to the next; it has ended by the time it is told (unless the story looks ahead), so
     * the second day is resolved and the night is dated by its first */
    int wd2 = -1;
    if ((punct(c, e, "-") || punct(c, e, "/") || is_ila(c, e)) && same(c, e + 1, i) && w[e + 1].tw == TW_WEEKDAY) {
        wd2 = w[e + 1].twval;
        e = e + 1 + w[e + 1].twlen;
    } else if (same(c, e, i) && w[e].tw == TW_WEEKDAY && !w[e].twwa) {
        wd2 = w[e].twval;
        e += w[e].twlen;
    }
    int when;
    int ml = marker(c, e, i, &when);
    if (ml) e += (size_t)ml;
    else when = future_context(c, i) ? RASID_WHEN_ON_OR_AFTER : RASID_WHEN_ON_OR_BEFORE;
    r->b = i;
    r->e = e;
    if (c->have_pub) {
        if (wd2 >= 0 && (wd2 - wd + 7) % 7 == 1 && when == RASID_WHEN_ON_OR_BEFORE)
            set_day(r, rasid__resolve_weekday(c->pub, wd2, when) - 1);
        else
            set_day(r, rasid__resolve_weekday(c->pub, wd, when));
    }
    return 1;
}

/* قبل يومين, قبل ثلاثة أيام, منذ 15 عاما, بعد أسبوعين, قبل أسبوع */
static int p_ago(const dctx *c, size_t i, dres *r)
{
    const rasid__word *w = c->w;
    if (w[i].tw != TW_AGO) return 0;
    int sign = w[i].twval < 0 ? -1 : 1;
    size_t k = i + w[i].twlen;
    if (!same(c, k, i)) return 0;
    long count;
    int unit;
    size_t e;
    if (w[k].tw == TW_UNIT && w[k].twcount == 2) {
        count = 2, unit = w[k].twval, e = k + w[k].twlen;
    } else if (w[k].tw == TW_UNIT && w[k].twcount == 1 && !w[k].twart) {
        int y;
        if (year_tok(c, k + w[k].twlen, &y)) return 0; /* منذ عام 2009 */
        count = 1, unit = w[k].twval, e = k + w[k].twlen;
    } else {
        double v;
        int q;
        size_t nl = rasid__parse_number(c->doc, w, k, &v, &q);
        if (!nl || v < 1 || v > 5000 || v != (double)(long)v || q) return 0;
        size_t u = k + nl;
        if (!same(c, u, i) || w[u].tw != TW_UNIT || w[u].twart) return 0;
        count = (long)v, unit = w[u].twval, e = u + w[u].twlen;
    }
    if (same(c, e, i) && c->w[e].nw == NW_LINK) return 0; /* قبل يومين من الانتخابات */
    if (sign > 0 && !future_context(c, i)) return 0;       /* بعد يومين: relative to the story */
    r->b = i;
    r->e = e;
    if (!c->have_pub) return 1;
    long n = sign * count;
    switch (unit) {
    case U_DAY: set_day(r, c->pub + n); break;
    case U_WEEK:
        rasid__civil_from_days(rasid__week_start(c->pub + 7 * n), &r->y, &r->m, &r->d);
        r->prec = RASID_P_WEEK;
        break;
    case U_MONTH:
        r->y = c->py, r->m = c->pm;
        rasid__add_months(&r->y, &r->m, (int)n);
        r->prec = RASID_P_MONTH;
        break;
    default:
        r->y = c->py + (int)n;
        r->prec = RASID_P_YEAR;
    }
    return 1;
}

static int p_any(const dctx *c, size_t i, dres *r);

/* مساء الجمعة, صباح اليوم, ليل الجمعة - السبت; الليلة الماضية (last night: the eve of
 * publication) */
static int p_daypart(const dctx *c, size_t i, dres *r)
{
    if (c->w[i].tw != TW_DAYPART) return 0;
    size_t k = i + c->w[i].twlen;
    if (!same(c, k, i)) return 0;
    if (c->w[i].twval == 2 && c->w[i].twart && c->w[k].tw == TW_PAST) {
        r->b = i;
        r->e = k + c->w[k].twlen;
        if (c->have_pub) set_day(r, c->pub - 1);
        return 1;
    }
    if (p_relday(c, k, r) || p_weekday(c, k, r)) {
        r->b = i;
        return 1;
    }
    return 0;
}

/* مطلع الأسبوع, منتصف يونيو, أواخر مايو (أيار) الماضي, نهاية عام 2017, بداية العام */
static int p_part(const dctx *c, size_t i, dres *r)
{
    if (c->w[i].tw != TW_PART) return 0;
    size_t k = i + c->w[i].twlen;
    if (!same(c, k, i)) return 0;
    if (p_month(c, k, r) || p_year(c, k, r) || p_unitrel(c, k, r, 1)) {
        r->b = i;
        return 1;
    }
    return 0;
}

/* Every pattern starts with a number, a time word, a month name, or an ordinal or tens
 * word (a day): most tokens are none of these. Of the time words, a preposition (في is
 * one), a past or future marker and an era only follow what starts a date. */
static inline int word_may_start(const rasid_token *t, const rasid__word *w)
{
    enum { OPENERS = 1u << TW_WEEKDAY | 1u << TW_RELDAY | 1u << TW_CURRENT | 1u << TW_UNIT | 1u << TW_PART |
                     1u << TW_DAYPART | 1u << TW_AGO | 1u << TW_NOW };
    return t->kind == RASID_TOK_NUMBER || (OPENERS >> w->tw & 1) || w->month || w->nw == NW_ORDINAL ||
           w->nw == NW_TEN;
}

static inline int may_start(const dctx *c, size_t i)
{
    return word_may_start(&c->t[i], &c->w[i]);
}

/* "من 10 إلى 16 يوليو": a run of days of one month, a date of the precision of a week
 * (its first day) when it spans seven days at most, else of its month. */
static int p_dayrange(const dctx *c, size_t i, dres *r)
{
    int d1;
    if (!int_tok(c, i, 2, &d1) || d1 < 1 || d1 > 31 || !is_ila(c, i + 1) || !same(c, i + 1, i)) return 0;
    dres r2;
    memset(&r2, 0, sizeof r2);
    if (!same(c, i + 2, i) || !p_daymonth(c, i + 2, &r2)) return 0;
    r->b = i;
    r->e = r2.e;
    if (!c->have_pub || r2.prec != RASID_P_DAY) return r2.prec == RASID_P_NONE;
    if (r2.d <= d1) return 0;
    r->y = r2.y, r->m = r2.m;
    if (r2.d - d1 <= 6) {
        r->d = d1;
        r->prec = RASID_P_WEEK;
    } else {
        r->prec = RASID_P_MONTH;
    }
    r->abs = r2.abs;
    return 1;
}

/* r cleared for the pattern about to be tried, which expects it so: 1. */
static inline int cleared(dres *r)
{
    memset(r, 0, sizeof *r);
    return 1;
}

/* The patterns in order, each tried only at a token of the kind it opens with (a number;
 * an ordinal or tens word; a month name; a time word of the kind it asks for): the others
 * answer no at once. */
static int p_any(const dctx *c, size_t i, dres *r)
{
    if (!may_start(c, i)) return 0;
    const rasid__word *w = &c->w[i];
    int num = c->t[i].kind == RASID_TOK_NUMBER, tw = w->tw;
    /* (r is cleared before each pattern tried, not before each one skipped; the callers
     * read it only after a 1) */
    if (num && cleared(r) && p_numeric(c, i, r)) return 1;
    if ((num || w->nw == NW_ORDINAL || w->nw == NW_TEN) && cleared(r) && p_daymonth(c, i, r)) return 1;
    if (num && cleared(r) && p_dayrange(c, i, r)) return 1;
    if ((tw == TW_UNIT || tw == TW_WEEKDAY) && cleared(r) && p_weekday(c, i, r)) return 1;
    if ((w->month || tw == TW_UNIT) && cleared(r) && p_month(c, i, r)) return 1;
    if ((num || tw == TW_UNIT) && cleared(r) && p_year(c, i, r)) return 1;
    if (c->absolute_only) return 0;
    if (tw == TW_RELDAY && cleared(r) && p_relday(c, i, r)) return 1;
    if (tw == TW_DAYPART && cleared(r) && p_daypart(c, i, r)) return 1;
    if (tw == TW_PART && cleared(r) && p_part(c, i, r)) return 1;
    if (tw == TW_AGO && cleared(r) && p_ago(c, i, r)) return 1;
    if ((tw == TW_CURRENT || tw == TW_UNIT) && cleared(r) && p_unitrel(c, i, r, 0)) return 1;
    if (tw == TW_NOW && cleared(r) && p_now(c, i, r)) return 1;
    return 0;
}

/* ---------------------------------------------------------------- driver */

static int emit(dctx *c, const dres *r)
{
    if (r->prec == RASID_P_NONE || r->e <= r->b) return RASID_OK;
    if (r->y < 1 || r->y > 9999) return RASID_OK;
    rasid_mention m;
    memset(&m, 0, sizeof m);
    m.kind = RASID_M_DATE;
    m.precision = (uint8_t)r->prec;
    const rasid__word *w0 = &c->w[r->b];
    size_t pro = w0->month ? w0->mpro : w0->tw ? w0->twpro : w0->nw ? w0->nwpro : 0;
    m.start = rasid__start_after_pro(c->doc, r->b, pro);
    m.end = c->t[r->e - 1].end;
    m.tok_begin = (uint32_t)r->b;
    m.tok_end = (uint32_t)r->e;
    m.sent = c->t[r->b].sent;
    m.lat = m.lon = NAN;
    switch (r->prec) {
    case RASID_P_DAY:
    case RASID_P_WEEK:
        rasid__fmt_ymd(m.value, r->y, r->m, r->d);
        break;
    case RASID_P_MONTH: rasid__fmt_ymd(m.value, r->y, r->m, -1); break;
    default: rasid__fmt_ymd(m.value, r->y, -1, -1);
    }
    return rasid__doc_add_mention(c->doc, &m) ? RASID_OK : RASID_NOMEM;
}

static void set_pub(dctx *c)
{
    c->have_pub = rasid__parse_ymd(c->doc->published, &c->py, &c->pm, &c->pd);
    if (c->have_pub) c->pub = rasid__days_from_civil(c->py, c->pm, c->pd);
}

/* A dateline: an absolute day-date in the first 400 bytes whose line holds little else
 * (a weekday, a time, a place, a separator). */
static void find_dateline(dctx *c)
{
    const char *text = c->doc->text;
    c->absolute_only = 1;
    for (size_t i = 0; i < c->n && c->t[i].start < 400; i++) {
        dres r;
        if (!p_any(c, i, &r) || !r.abs || r.prec != RASID_P_DAY) continue;
        uint32_t ls = c->t[r.b].start, le = c->t[r.e - 1].end;
        while (ls > 0 && text[ls - 1] != '\n') ls--;
        while (le < c->doc->len && text[le] != '\n') le++;
        size_t ntok = 0;
        for (size_t k = 0; k < c->n && c->t[k].start < le; k++)
            if (c->t[k].start >= ls) ntok++;
        /* or the news-agency style inline: "باماكو، الأحد 14 مايو 2023 - قتل ..." (the date
         * near the start of its line, a dash after it, possibly a time between) */
        size_t q = r.e, before = 0;
        for (size_t k = 0; k < r.b; k++)
            if (c->t[k].start >= ls) before++;
        while (q < c->n && (c->t[q].kind == RASID_TOK_NUMBER || (c->t[q].nlen == 1 && c->t[q].norm[0] == ':'))) q++;
        int dash = q < c->n && c->t[q].kind == RASID_TOK_PUNCT &&
                   (rasid__streq(c->t[q].norm, "-") || rasid__streq(c->t[q].norm, "\xE2\x80\x93") ||
                    rasid__streq(c->t[q].norm, "\xE2\x80\x94"));
        if (ntok <= (r.e - r.b) + 10 || (dash && before <= 4)) {
            rasid__fmt_ymd(c->doc->published, r.y, r.m, r.d);
            c->doc->published_from_dateline = 1;
            break;
        }
        i = r.e - 1;
    }
    c->absolute_only = 0;
}

/* آنذاك، حينئذ ("then", "at that time") at token i: the time told last, the date mention
 * before it in its sentence or the two before, copied to its own span. The dates of this
 * document are found in order, so the last one before i is the last date mention found. */
static int emit_then(dctx *c, size_t i)
{
    const rasid_mention *ms = c->doc->mentions.data;
    for (size_t k = c->doc->mentions.len; k > 0; k--) {
        const rasid_mention *x = &ms[k - 1];
        if (x->kind != RASID_M_DATE || x->tok_end > i) continue;
        if (x->sent + 2 < c->t[i].sent) return RASID_OK;
        rasid_mention m = *x;
        m.start = rasid__start_after_pro(c->doc, i, c->w[i].twpro);
        m.end = c->t[i + c->w[i].twlen - 1].end;
        m.tok_begin = (uint32_t)i;
        m.tok_end = (uint32_t)(i + c->w[i].twlen);
        m.sent = c->t[i].sent;
        m.ekind = "then";
        return rasid__doc_add_mention(c->doc, &m) ? RASID_OK : RASID_NOMEM;
    }
    return RASID_OK;
}

int rasid__time_run(rasid_doc *doc, const rasid__word *w, const rasid_lexicon *lex)
{
    dctx c;
    memset(&c, 0, sizeof c);
    c.doc = doc;
    c.t = doc->tokens.data;
    c.n = doc->tokens.len;
    c.w = w;
    c.lex = lex;
    if (!c.n) return RASID_OK;
    set_pub(&c);
    if (!c.have_pub) {
        find_dateline(&c);
        set_pub(&c);
    }
    /* (the tokens and words (w, c.w) at hand in locals: c's address is taken, so its
     * fields would be read again from memory at every token) */
    const rasid_token *t = c.t;
    for (size_t i = 0, n = c.n; i < n; i++) {
        dres r;
        if (w[i].tw == TW_THEN && w[i].twlen) {
            int rc = emit_then(&c, i);
            if (rc) return rc;
            i += w[i].twlen - 1;
            continue;
        }
        if (!word_may_start(&t[i], &w[i]) || !p_any(&c, i, &r)) continue;
        int rc = emit(&c, &r);
        if (rc) return rc;
        i = r.e - 1;
    }
    return RASID_OK;
}

int rasid__time_recognise(rasid_doc *doc, const rasid_lexicon *lex)
{
    if (!doc->tokens.len) return RASID_OK;
    rasid__word *w = rasid__words_classify(doc, lex);
    if (!w) return RASID_NOMEM;
    return rasid__time_run(doc, w, lex);
}
