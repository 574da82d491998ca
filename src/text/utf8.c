/*
 * utf8.c — strict UTF-8 decoding and encoding.
 *
 * The decoder follows the Unicode "maximal subpart" practice: an invalid, overlong,
 * surrogate or truncated sequence consumes one byte and reads as U+FFFD, so the caller's
 * offsets keep pointing at the original bytes and decoding always makes progress.
 */
#include "internal.h"

size_t rasid__utf8_decode(const unsigned char *s, size_t n, uint32_t *cp, int *bad)
{
    unsigned char c = s[0];
    if (c < 0x80) { *cp = c; return 1; }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07; min = 0x10000; }
    else goto invalid;
    if (n < len) goto invalid;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) goto invalid;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) goto invalid;
    *cp = v;
    return len;
invalid:
    *cp = 0xFFFD;
    *bad = 1;
    return 1;
}

size_t rasid__utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int rasid_check_text(const char *data, size_t len, size_t *offset)
{
    const unsigned char *s = (const unsigned char *)data;
    size_t i = 0;
    int rc = RASID_OK;
    size_t first = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            if (s[i] == 0) { *offset = i; return RASID_BINARY; }
            i++;
            continue;
        }
        /* two-byte sequences (Arabic, Latin-1) are valid whenever a continuation follows */
        if (s[i] >= 0xC2 && s[i] <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode(s + i, len - i, &cp, &bad);
        if (bad && rc == RASID_OK) { rc = RASID_UTF8; first = i; }
        i += l;
    }
    *offset = rc ? first : 0;
    return rc;
}
