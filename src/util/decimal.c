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

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* ------------------------------------------------------------------ writing
 * printf's "%.Nf" rounds the exact binary value of a double to N decimals, ties to even.
 * A finite double is m * 2^e with m < 2^53; m * 10^N * 2^e is then an exact 128-bit
 * product shifted right by -e, and the bits shifted out say which way to round. */
size_t rasid__fmt_fixed(double v, int prec, int trim, char *out)
{
    static const uint32_t P10[7] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    if (prec < 0 || prec > 6 || !isfinite(v)) return 0;
    int neg = signbit(v) != 0, ex;
    double fr = frexp(fabs(v), &ex); /* |v| = fr * 2^ex, fr in [0.5, 1) or 0 */
    uint64_t m = (uint64_t)ldexp(fr, 53);
    int e = ex - 53;
    uint64_t q; /* |v| * 10^prec, rounded */
    if (m == 0) {
        q = 0;
    } else if (e >= 0) {
        if (e > 10) return 0; /* beyond 2^63 */
        q = m << e;
        if (q > UINT64_MAX / P10[prec]) return 0;
        q *= P10[prec];
    } else {
        if (e < -120) return 0; /* below 2^-67: printf's zeros, but keep to the general path */
        unsigned sh = (unsigned)-e;
        unsigned __int128 p = (unsigned __int128)m * P10[prec];
        unsigned __int128 whole = p >> sh, rem = p & (((unsigned __int128)1 << sh) - 1);
        unsigned __int128 half = (unsigned __int128)1 << (sh - 1);
        if (whole > UINT64_MAX - 1) return 0;
        q = (uint64_t)whole;
        if (rem > half || (rem == half && (q & 1))) q++;
    }
    uint64_t ip = q / P10[prec], fp = q % P10[prec];
    char tmp[32];
    size_t n = 0, k = 0;
    if (neg) out[n++] = '-';
    do tmp[k++] = (char)('0' + ip % 10); while (ip /= 10);
    while (k) out[n++] = tmp[--k];
    int digits = prec;
    if (trim)
        while (digits > 0 && fp % 10 == 0) {
            fp /= 10;
            digits--;
        }
    if (digits > 0) {
        out[n++] = '.';
        for (int d = digits - 1; d >= 0; d--) {
            out[n + (size_t)d] = (char)('0' + fp % 10);
            fp /= 10;
        }
        n += (size_t)digits;
    }
    out[n] = 0;
    return n;
}

/* "%04d-%02d-%02d" (fields < 0 left out: "%04d-%02d", "%04d") into out (11 bytes), as
 * snprintf would for a year 0..9999 and month and day 0..99; snprintf for anything else. */
void rasid__fmt_ymd(char out[11], int y, int m, int d)
{
    if (y < 0 || y > 9999 || m > 99 || d > 99 || (m < 0 && d >= 0)) {
        char tmp[48]; /* then cut to 10 bytes, as snprintf into 11 does */
        if (m < 0) snprintf(tmp, sizeof tmp, "%04d", y);
        else if (d < 0) snprintf(tmp, sizeof tmp, "%04d-%02d", y, m);
        else snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
        size_t n = strnlen(tmp, 10);
        memcpy(out, tmp, n);
        out[n] = 0;
        return;
    }
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    size_t n = 4;
    if (m >= 0) {
        out[n++] = '-';
        out[n++] = (char)('0' + m / 10);
        out[n++] = (char)('0' + m % 10);
        if (d >= 0) {
            out[n++] = '-';
            out[n++] = (char)('0' + d / 10);
            out[n++] = (char)('0' + d % 10);
        }
    }
    out[n] = 0;
}

int rasid__atoi(const char *s)
{
    const char *p = s + (*s == '-' || *s == '+');
    if (*p < '0' || *p > '9') return atoi(s); /* spaces, nothing: atoi decides */
    int v = 0, n = 0;
    while (*p >= '0' && *p <= '9' && n < 9) v = v * 10 + (*p++ - '0'), n++;
    if (*p >= '0' && *p <= '9') return atoi(s); /* past int's nine safe digits */
    return *s == '-' ? -v : v;
}
