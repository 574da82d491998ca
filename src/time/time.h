/*
 * time.h — calendar arithmetic and relative-date resolution used by the date recogniser
 * (internal to src/time/, exposed for the unit tests). All functions are pure.
 *
 * Day numbers count days since 1970-01-01 (negative before), proleptic Gregorian.
 * The Islamic (Hijri) calendar is the arithmetical "tabular" calendar: 30-year cycle with
 * leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 (the common "Kuwaiti" variant), civil
 * epoch 1 Muharram 1 AH = Friday 16 July 622 Julian. It may differ from the observed
 * (moon-sighting) or Umm al-Qura calendar by a day or two; news dates are usually within ±1.
 */
#ifndef RASID_TIME_H
#define RASID_TIME_H

#include "../internal.h"

int rasid__days_in_month(int y, int m);
/* "YYYY-MM-DD" -> 1 and the fields, or 0 when malformed. */
int rasid__parse_ymd(const char *s, int *y, int *m, int *d);

long rasid__days_from_hijri(int y, int m, int d);
void rasid__hijri_from_days(long z, int *y, int *m, int *d);

/* Resolution modes for a weekday, a day of a month or a month relative to a reference day. */
enum rasid__when {
    RASID_WHEN_BEFORE = -2,       /* strictly before the reference (الجمعة الماضي) */
    RASID_WHEN_ON_OR_BEFORE = -1, /* the reference or before it (a bare weekday in news) */
    RASID_WHEN_ON_OR_AFTER = 1,
    RASID_WHEN_AFTER = 2          /* strictly after (الجمعة المقبلة) */
};
/* The day number of weekday `wd` (0 = Sunday) nearest to `ref` in direction `when`. */
long rasid__resolve_weekday(long ref, int wd, int when);
/* The year that puts month `m` (1..12) nearest to (ry, rm) in direction `when`
 * (compared by month: BEFORE = strictly earlier month, ON_OR_BEFORE = same month allowed). */
int rasid__resolve_month_year(int ry, int rm, int m, int when);
/* The year that puts day `d` of month `m` nearest to day `ref` in direction `when`. */
int rasid__resolve_daymonth_year(long ref, int m, int d, int when);
/* Add `delta` months to (y, m). */
void rasid__add_months(int *y, int *m, int delta);
/* Monday of the ISO week that contains day z. */
long rasid__week_start(long z);

/* The date grammar over a classified token array (see num/words.h); `lex` may be NULL
 * (then no future-tense cues are consulted). Sets doc->published from a dateline when it
 * is empty, then adds the doc's RASID_M_DATE mentions. */
struct rasid__word;
int rasid__time_run(rasid_doc *doc, const struct rasid__word *w, const rasid_lexicon *lex);

#endif /* RASID_TIME_H */
