/*
 * util.c — helpers of the web readers: dates as written in feeds and pages, URLs,
 * trimming, and sniffing what a byte stream is (HTML, feed, WARC, or plain text).
 */
#include "ingest/ingest.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/uri.h>

void rasid__ing_msg(char *err, size_t errlen, const char *fmt, ...)
{
    if (!err || !errlen) return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static int is_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

char *rasid__ing_utf8_clean(char *s, size_t *n)
{
    size_t off;
    if (!s || rasid_check_text(s, *n, &off) == RASID_OK) return s;
    rasid__buf b;
    rasid__buf_init(&b, 0);
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < *n;) {
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode(p + i, *n - i, &cp, &bad);
        if (bad || cp == 0) rasid__buf_put(&b, "\xEF\xBF\xBD", 3);
        else rasid__buf_put(&b, p + i, l);
        i += l ? l : 1;
    }
    free(s);
    if (b.err || !b.data) {
        rasid__buf_free(&b);
        return NULL;
    }
    *n = b.len;
    return b.data;
}

char *rasid__ing_strtrim(const char *s, size_t n)
{
    while (n && is_ws((unsigned char)*s)) s++, n--;
    while (n && is_ws((unsigned char)s[n - 1])) n--;
    char *r = malloc(n + 1);
    if (!r) return NULL;
    if (n) memcpy(r, s, n);
    r[n] = 0;
    return r;
}

int rasid__ing_prefix(const char *s, const char *prefix)
{
    return s && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

int rasid__ing_is_http(const char *url)
{
    return rasid__ing_prefix(url, "http://") || rasid__ing_prefix(url, "https://");
}

void rasid__ing_host(const char *url, char *out, size_t outlen)
{
    if (!outlen) return;
    out[0] = 0;
    if (!url) return;
    const char *p = strstr(url, "://");
    if (!p) return;
    p += 3;
    const char *at = NULL, *q = p;
    for (; *q && *q != '/' && *q != '?' && *q != '#'; q++)
        if (*q == '@') at = q;
    if (at) p = at + 1;
    size_t n = 0;
    for (const char *r = p; r < q && *r != ':' && n + 1 < outlen; r++)
        out[n++] = (char)tolower((unsigned char)*r);
    out[n] = 0;
}

char *rasid__ing_resolve(const char *base, const char *ref)
{
    if (!ref) return NULL;
    if (base && *base) {
        xmlChar *u = xmlBuildURI((const xmlChar *)ref, (const xmlChar *)base);
        if (u) {
            char *r = strdup((const char *)u);
            xmlFree(u);
            return r;
        }
    }
    return strdup(ref);
}

void rasid__ing_now(char out[21])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ------------------------------------------------------------ dates */
static int valid_ymd(int y, int m, int d)
{
    static const int md[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1) return 0;
    if (d > md[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    return 1;
}

static int put_ymd(int y, int m, int d, char out[11])
{
    if (!valid_ymd(y, m, d)) return RASID_PARSE;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u);
    return RASID_OK;
}

static int month_of(const char *p)
{
    static const char *names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
    for (int i = 0; i < 12; i++)
        if (strncasecmp(p, names[i], 3) == 0) return i + 1;
    return 0;
}

/* Read up to `max` digits; returns the count read. */
static int digits(const char **pp, int max, int *val)
{
    const char *p = *pp;
    int n = 0, v = 0;
    while (n < max && *p >= '0' && *p <= '9') v = v * 10 + (*p++ - '0'), n++;
    *pp = p;
    *val = v;
    return n;
}

int rasid_ingest_date(const char *s, char out[11])
{
    out[0] = 0;
    if (!s) return RASID_PARSE;
    while (is_ws((unsigned char)*s)) s++;
    const char *p = s;
    int y, m, d;
    /* ISO 8601 / RFC 3339: YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD... */
    if (digits(&p, 4, &y) == 4) {
        if (*p == '-' || *p == '/' || *p == '.') {
            char sep = *p++;
            if (digits(&p, 2, &m) < 1 || *p++ != sep || digits(&p, 2, &d) < 1) return RASID_PARSE;
            return put_ymd(y, m, d, out);
        }
        if (digits(&p, 2, &m) == 2 && digits(&p, 2, &d) == 2 && (*p == 0 || *p == 'T' || is_ws((unsigned char)*p)))
            return put_ymd(y, m, d, out);
        return RASID_PARSE;
    }
    /* RFC 822 / 1123 / 850: [Day,] DD Mon YYYY ... ; also "Mon DD, YYYY" */
    p = s;
    if (isalpha((unsigned char)*p)) {
        const char *q = p;
        while (isalpha((unsigned char)*q)) q++;
        if (*q == ',') p = q + 1; /* weekday */
        else if (q - p >= 3 && month_of(p)) {
            /* "March 5, 2024" / "Mar 05 2024" */
            m = month_of(p);
            p = q;
            while (*p == ' ' || *p == '.') p++;
            if (digits(&p, 2, &d) < 1) return RASID_PARSE;
            while (*p == ',' || *p == ' ') p++;
            if (digits(&p, 4, &y) != 4) return RASID_PARSE;
            return put_ymd(y, m, d, out);
        } else
            p = q;
    }
    while (is_ws((unsigned char)*p)) p++;
    if (digits(&p, 2, &d) < 1) return RASID_PARSE;
    while (*p == ' ' || *p == '-') p++;
    if (!isalpha((unsigned char)*p) || !(m = month_of(p))) return RASID_PARSE;
    while (isalpha((unsigned char)*p)) p++;
    while (*p == ' ' || *p == '-' || *p == '.') p++;
    int yn = digits(&p, 4, &y);
    if (yn == 2) y += y < 50 ? 2000 : 1900;
    else if (yn != 4) return RASID_PARSE;
    return put_ymd(y, m, d, out);
}

/* ------------------------------------------------------------ sniffing */
static int ends_ci(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* Case-insensitive search of needle in h[0..n). */
static const char *find_ci(const char *h, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m > n) return NULL;
    for (size_t i = 0; i + m <= n; i++)
        if (strncasecmp(h + i, needle, m) == 0) return h + i;
    return NULL;
}

rasid_sniff rasid_ingest_sniff(const char *name, const char *head, size_t len)
{
    if (!name) name = "";
    const unsigned char *u = (const unsigned char *)head;
    if (len >= 2 && u[0] == 0x1f && u[1] == 0x8b)
        return (ends_ci(name, ".warc.gz") || ends_ci(name, ".warc") || ends_ci(name, ".arc.gz"))
                   ? RASID_SNIFF_WARC
                   : RASID_SNIFF_TEXT;
    if (len >= 6 && memcmp(head, "WARC/", 5) == 0) return RASID_SNIFF_WARC;
    if (ends_ci(name, ".warc") || ends_ci(name, ".warc.gz")) return RASID_SNIFF_WARC;
    size_t i = 0;
    if (len >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && is_ws(u[i])) i++;
    size_t scan = len - i < 4096 ? len - i : 4096;
    const char *p = head + i;
    if (scan > 0 && *p == '<') {
        /* skip an XML declaration, comments, processing instructions and a doctype */
        if (find_ci(p, scan < 16 ? scan : 16, "<!doctype html")) return RASID_SNIFF_HTML;
        if (rasid__ing_prefix(p, "<html")) return RASID_SNIFF_HTML;
        const char *rss = find_ci(p, scan, "<rss");
        const char *feed = find_ci(p, scan, "<feed");
        const char *rdf = find_ci(p, scan, "<rdf:rdf");
        const char *html = find_ci(p, scan, "<html");
        const char *first = NULL;
        const char *cand[] = {rss, feed, rdf};
        for (int k = 0; k < 3; k++)
            if (cand[k] && (!first || cand[k] < first)) first = cand[k];
        if (first && (!html || first < html)) {
            if (first == feed && !find_ci(p, scan, "http://www.w3.org/2005/Atom")) {
                /* <feed> without the Atom namespace: not a feed */
            } else {
                return RASID_SNIFF_FEED;
            }
        }
        if (html || find_ci(p, scan < 64 ? scan : 64, "<!doctype")) return RASID_SNIFF_HTML;
        if (ends_ci(name, ".html") || ends_ci(name, ".htm") || ends_ci(name, ".xhtml"))
            return RASID_SNIFF_HTML;
        if (ends_ci(name, ".rss") || ends_ci(name, ".atom")) return RASID_SNIFF_FEED;
        if (find_ci(p, scan, "<body") || find_ci(p, scan, "<p>") || find_ci(p, scan, "<div"))
            return RASID_SNIFF_HTML;
        return RASID_SNIFF_TEXT;
    }
    if (ends_ci(name, ".html") || ends_ci(name, ".htm") || ends_ci(name, ".xhtml")) return RASID_SNIFF_HTML;
    return RASID_SNIFF_TEXT;
}
