/*
 * unit.h — a tiny unit-test harness shared by the unit tests (tests/unit/NAME.c).
 *
 * Each CHECK counts as one test. A failing check prints FILE:LINE and what failed on
 * stdout and the program goes on. End main() with `return unit_done();`, which prints
 * "N passed, N failed" (the line tests/run.sh sums) and returns non-zero on failure.
 *
 *   CHECK(cond)              a condition
 *   CHECK_INT(a, b)          two integers (long long) are equal
 *   CHECK_STR(a, b)          two NUL-terminated strings are equal (NULL-safe)
 *   CHECK_MEM(a, alen, b, blen)  two byte ranges are equal
 *   UNIT_RUN(fn)             call a test function `static void fn(void)` and name it on failure
 */
#ifndef RASID_UNIT_H
#define RASID_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;
static const char *unit_current = "";

static inline void unit_fail_head(const char *file, int line)
{
    printf("FAIL %s:%d%s%s: ", file, line, unit_current[0] ? " in " : "", unit_current);
}

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (cond) {                                                                 \
            unit_passed++;                                                          \
        } else {                                                                    \
            unit_failed++;                                                          \
            unit_fail_head(__FILE__, __LINE__);                                     \
            printf("%s\n", #cond);                                                  \
        }                                                                           \
    } while (0)

#define CHECK_INT(a, b)                                                             \
    do {                                                                            \
        long long unit_a_ = (long long)(a), unit_b_ = (long long)(b);               \
        if (unit_a_ == unit_b_) {                                                   \
            unit_passed++;                                                          \
        } else {                                                                    \
            unit_failed++;                                                          \
            unit_fail_head(__FILE__, __LINE__);                                     \
            printf("%s == %s: %lld != %lld\n", #a, #b, unit_a_, unit_b_);           \
        }                                                                           \
    } while (0)

#define CHECK_STR(a, b)                                                             \
    do {                                                                            \
        const char *unit_a_ = (a), *unit_b_ = (b);                                  \
        if ((unit_a_ == NULL && unit_b_ == NULL) ||                                 \
            (unit_a_ && unit_b_ && strcmp(unit_a_, unit_b_) == 0)) {                \
            unit_passed++;                                                          \
        } else {                                                                    \
            unit_failed++;                                                          \
            unit_fail_head(__FILE__, __LINE__);                                     \
            printf("%s == %s: \"%s\" != \"%s\"\n", #a, #b, unit_a_ ? unit_a_ : "(null)", \
                   unit_b_ ? unit_b_ : "(null)");                                   \
        }                                                                           \
    } while (0)

#define CHECK_MEM(a, alen, b, blen)                                                 \
    do {                                                                            \
        size_t unit_al_ = (size_t)(alen), unit_bl_ = (size_t)(blen);                \
        if (unit_al_ == unit_bl_ && memcmp((a), (b), unit_al_) == 0) {              \
            unit_passed++;                                                          \
        } else {                                                                    \
            unit_failed++;                                                          \
            unit_fail_head(__FILE__, __LINE__);                                     \
            printf("%s == %s: \"%.*s\" != \"%.*s\"\n", #a, #b, (int)unit_al_,       \
                   (const char *)(a), (int)unit_bl_, (const char *)(b));            \
        }                                                                           \
    } while (0)

#define UNIT_RUN(fn)                                                                \
    do {                                                                            \
        unit_current = #fn;                                                         \
        fn();                                                                       \
        unit_current = "";                                                          \
    } while (0)

static inline int unit_done(void)
{
    printf("%d passed, %d failed\n", unit_passed, unit_failed);
    fflush(stdout);
    return unit_failed ? 1 : 0;
}

#endif /* RASID_UNIT_H */
