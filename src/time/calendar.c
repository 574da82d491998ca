/*
 * calendar.c — Gregorian and tabular-Islamic day arithmetic and the resolution of relative
 * dates (a weekday, a month, a day of a month) against a reference day.
 *
 * The Gregorian conversions follow the era-based method described by Howard Hinnant
 * ("chrono-compatible low-level date algorithms", public domain), re-derived here: shift the
 * year to start in March so the leap day is last, then count 400-year eras of 146097 days.
 */
#include "time/time.h"

long rasid__days_from_civil(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;                          /* [0, 399] */
    long mp = (m + 9) % 12;                             /* March = 0 */
    long doy = (153 * mp + 2) / 5 + d - 1;              /* [0, 365] */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;   /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

void rasid__civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int rasid__weekday(int y, int m, int d)
{
    long z = rasid__days_from_civil(y, m, d);
    return (int)((z % 7 + 7 + 4) % 7); /* 1970-01-01 was a Thursday (4) */
}

int rasid__days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

int rasid__parse_ymd(const char *s, int *y, int *m, int *d)
{
    if (!s) return 0;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-') return 0;
        } else if (s[i] < '0' || s[i] > '9') {
            return 0;
        }
    }
    if (s[10]) return 0;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= rasid__days_in_month(*y, *m);
}

/* ---- tabular Islamic calendar ---- */

/* Day number of 1 Muharram 1 AH (Julian day 1948439.5 = 16 July 622 Julian). */
#define HIJRI_EPOCH (-492148L)

static long floordiv(long a, long b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

long rasid__days_from_hijri(int y, int m, int d)
{
    return (long)d - 1 + (59L * (m - 1) + 1) / 2 /* ceil(29.5 * (m - 1)) */
           + ((long)y - 1) * 354 + floordiv(3 + 11L * y, 30) + HIJRI_EPOCH;
}

void rasid__hijri_from_days(long z, int *y, int *m, int *d)
{
    /* estimate the year from the mean year (10631/30 days), then correct */
    long yy = floordiv(30 * (z - HIJRI_EPOCH) + 10646, 10631);
    while (rasid__days_from_hijri((int)yy, 1, 1) > z) yy--;
    while (rasid__days_from_hijri((int)yy + 1, 1, 1) <= z) yy++;
    int mm = 12;
    while (mm > 1 && rasid__days_from_hijri((int)yy, mm, 1) > z) mm--;
    *y = (int)yy;
    *m = mm;
    *d = (int)(z - rasid__days_from_hijri((int)yy, mm, 1) + 1);
}

/* ---- relative resolution ---- */

long rasid__resolve_weekday(long ref, int wd, int when)
{
    int rw = (int)((ref % 7 + 7 + 4) % 7); /* weekday of ref, Sunday = 0 */
    int back = ((rw - wd) % 7 + 7) % 7;    /* days back to the last such weekday (0..6) */
    int fwd = ((wd - rw) % 7 + 7) % 7;
    switch (when) {
    case RASID_WHEN_BEFORE: return ref - (back ? back : 7);
    case RASID_WHEN_ON_OR_BEFORE: return ref - back;
    case RASID_WHEN_ON_OR_AFTER: return ref + fwd;
    default: return ref + (fwd ? fwd : 7);
    }
}

int rasid__resolve_month_year(int ry, int rm, int m, int when)
{
    switch (when) {
    case RASID_WHEN_BEFORE: return m < rm ? ry : ry - 1;
    case RASID_WHEN_ON_OR_BEFORE: return m <= rm ? ry : ry - 1;
    case RASID_WHEN_ON_OR_AFTER: return m >= rm ? ry : ry + 1;
    default: return m > rm ? ry : ry + 1;
    }
}

int rasid__resolve_daymonth_year(long ref, int m, int d, int when)
{
    int ry, rm, rd;
    rasid__civil_from_days(ref, &ry, &rm, &rd);
    /* candidates ry-1, ry, ry+1 (29 February only exists in leap years: skip others) */
    int best = 0;
    for (int k = 0; k < 9; k++) {
        int y = when < 0 ? ry + 1 - k : ry - 1 + k;
        if (d > rasid__days_in_month(y, m)) continue;
        long z = rasid__days_from_civil(y, m, d);
        int ok = when == RASID_WHEN_BEFORE       ? z < ref
                 : when == RASID_WHEN_ON_OR_BEFORE ? z <= ref
                 : when == RASID_WHEN_ON_OR_AFTER  ? z >= ref
                                                   : z > ref;
        if (ok) {
            best = y;
            break;
        }
    }
    return best;
}

void rasid__add_months(int *y, int *m, int delta)
{
    long t = (long)*y * 12 + (*m - 1) + delta;
    *y = (int)floordiv(t, 12);
    *m = (int)(t - (long)*y * 12) + 1;
}

long rasid__week_start(long z)
{
    int wd = (int)((z % 7 + 7 + 4) % 7);     /* Sunday = 0 */
    return z - ((wd + 6) % 7);              /* back to Monday */
}
