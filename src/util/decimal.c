/*
 * decimal.c — reading the decimal numbers of dictionary fields (coordinates, weights,
 * values: "12.6392", "-3.98", "1000") without strtod's general machinery.
 *
 * A decimal of at most 15 significant digits and at most 22 digits after the point is
 * an integer below 2^53 divided by an exact power of ten: one IEEE division of two exact
 * values, which rounds correctly, hence to the double strtod returns (strtod rounds
 * correctly too). Anything else (exponents, more digits, hex, inf, spaces) goes to strtod.
 */
#include "internal.h"

#include <stdlib.h>

static const double POW10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

double rasid__decimal(const char *s)
{
    const char *p = s;
    int neg = 0;
    if (*p == '-' || *p == '+') neg = *p++ == '-';
    const char *start = p;
    uint64_t m = 0;
    int digits = 0, frac = 0, point = 0;
    for (;; p++) {
        if (*p >= '0' && *p <= '9') {
            if (m || *p != '0') digits++; /* leading zeros are not significant */
            m = m * 10 + (uint64_t)(*p - '0');
            frac += point;
            if (digits > 15) return strtod(s, NULL);
        } else if (*p == '.' && !point) {
            point = 1;
        } else {
            break;
        }
    }
    /* at least one digit, nothing after the number, few enough decimals */
    if (*p || p == start || (p == start + 1 && point) || frac > 22) return strtod(s, NULL);
    double v = (double)m / POW10[frac];
    return neg ? -v : v;
}
