/*
 * rasid_ingest.h — readers that turn web material into documents: HTML pages (main text
 * with boilerplate removed, plus metadata), RSS 2.0 and Atom feeds, WARC files (plain or
 * gzip members, as Common Crawl's CC-NEWS), and an HTTP fetcher (libcurl) with
 * conditional requests, timeouts, retries, a per-host delay and a size cap.
 *
 * The input reader of rasid.h (rasid_input_*) uses these readers by itself: it sniffs
 * each input and dispatches HTML, feeds, WARC files and http(s) URLs here. Use this
 * header directly for finer control (or for `rasid watch`).
 *
 * Memory: every object returned here is freed by its own _free/_close function; strings
 * inside a returned struct belong to that struct (malloc'd, NUL-terminated) and live
 * until it is freed. Every _free(NULL) is a no-op. Nothing here keeps global state;
 * separate objects may be used from separate threads.
 *
 * Errors: functions return RASID_OK or a negative rasid error code; when `err` is not
 * NULL a message (naming the URL or file where there is one, no final newline) is
 * written into it. Malformed input is never fatal.
 */
#ifndef RASID_INGEST_H
#define RASID_INGEST_H

#include "rasid.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ dates */
/* Normalise a date as written in feeds and pages — RFC 822/1123 ("Tue, 05 Mar 2024
 * 08:30:00 +0300"), RFC 3339 / ISO 8601 ("2024-03-05T08:30:00+03:00", "2024-03-05") —
 * to "YYYY-MM-DD" in `out` (11 bytes). The date is the one written (the publisher's local
 * date), not converted to UTC. Returns RASID_OK or RASID_PARSE. */
RASID_API int rasid_ingest_date(const char *s, char out[11]);

/* ------------------------------------------------------------------ HTML */
typedef struct rasid_html_page {
    char *text;        /* main text: the title line, then paragraphs, separated by blank
                          lines, ending with "\n"; "" when nothing was found */
    size_t text_len;
    char *title;       /* og:title, else <h1>, else <title> (site name suffix removed) */
    char *published;   /* "YYYY-MM-DD" or NULL: article:published_time, JSON-LD
                          datePublished, <time datetime>, <meta name=date> */
    char *published_raw; /* the value it came from, or NULL */
    char *modified;    /* "YYYY-MM-DD" or NULL (article:modified_time, dateModified) */
    char *author;      /* meta author / article:author / JSON-LD author, or NULL */
    char *url;         /* canonical URL: <link rel=canonical>, og:url, JSON-LD url; made
                          absolute against the page URL when one was given; or NULL */
    char *site_name;   /* og:site_name / JSON-LD publisher name, or NULL */
    char *lang;        /* <html lang>, or NULL */
    size_t nparagraphs; /* paragraphs in text (the title not counted) */
} rasid_html_page;

/* Extract the main text and metadata of an HTML page. `url` (may be NULL) is where the
 * page came from (for relative links); `charset` (may be NULL) is the HTTP charset when
 * known — else the page's <meta charset> is used, else UTF-8. On success *page is set
 * (free with rasid_html_page_free()). Returns RASID_OK, RASID_EMPTY (nothing parsable),
 * RASID_TOOBIG (len > RASID_MAX_DOC_BYTES) or RASID_NOMEM. */
RASID_API int rasid_html_extract(const char *html, size_t len, const char *url,
                                 const char *charset, rasid_html_page **page, char *err,
                                 size_t errlen);
RASID_API void rasid_html_page_free(rasid_html_page *page);

/* An HTML fragment (a feed item's description) as text: scripts, styles, forms and the
 * like dropped, block elements as paragraphs separated by blank lines, no final newline.
 * Plain text goes through unchanged apart from whitespace. *text is malloc'd (the caller
 * frees it). Returns RASID_OK or RASID_NOMEM/RASID_TOOBIG. */
RASID_API int rasid_html_to_text(const char *html, size_t len, char **text, size_t *text_len);

/* ------------------------------------------------------------------ feeds */
typedef enum rasid_feed_kind { RASID_FEED_RSS = 1, RASID_FEED_ATOM, RASID_FEED_RDF } rasid_feed_kind;

typedef struct rasid_feed_item {
    char *title;         /* as text, or NULL */
    char *link;          /* absolute when the feed URL is known, or NULL */
    char *guid;          /* <guid> / Atom <id>, or NULL */
    char *published;     /* "YYYY-MM-DD" from pubDate / published / updated / dc:date, or NULL */
    char *published_raw; /* as written, or NULL */
    char *author;        /* or NULL */
    char *text;          /* content:encoded / Atom content, else description / summary,
                            converted from HTML to text; never NULL ("" when absent) */
} rasid_feed_item;

typedef struct rasid_feed {
    rasid_feed_kind kind;
    char *title, *link;     /* the channel's, or NULL */
    rasid_feed_item *items; /* in document order */
    size_t nitems;
    char *warning;          /* set when the XML was malformed and parsed in recovery
                               mode (the items found are kept), else NULL */
} rasid_feed;

/* Parse an RSS 2.0 (or 0.9x/RDF 1.0) or Atom feed. No network, no external entities,
 * no DTD loading. `url` (may be NULL) resolves relative links. Returns RASID_OK with
 * *feed set (free with rasid_feed_free()), RASID_PARSE when the bytes are not a feed
 * (message in err), RASID_TOOBIG or RASID_NOMEM. At most RASID_FEED_MAX_ITEMS items. */
#define RASID_FEED_MAX_ITEMS 10000
RASID_API int rasid_feed_parse(const char *data, size_t len, const char *url,
                               rasid_feed **feed, char *err, size_t errlen);
RASID_API void rasid_feed_free(rasid_feed *feed);

/* What the bytes look like (on their first few kilobytes and the name's extension). */
typedef enum rasid_sniff {
    RASID_SNIFF_TEXT = 0, /* not one of the formats below */
    RASID_SNIFF_HTML,
    RASID_SNIFF_FEED,
    RASID_SNIFF_WARC      /* WARC/1.x, or gzip data in a file named .warc.gz */
} rasid_sniff;
RASID_API rasid_sniff rasid_ingest_sniff(const char *name, const char *head, size_t len);

/* ------------------------------------------------------------------ WARC */
typedef struct rasid_warc rasid_warc;

/* One record. Pointers live until the next rasid_warc_next() or rasid_warc_close(). */
typedef struct rasid_warc_record {
    const char *type;         /* WARC-Type ("response", "request", "warcinfo", ...) */
    const char *target_uri;   /* WARC-Target-URI or NULL */
    const char *date;         /* WARC-Date as written, or NULL */
    const char *record_id;    /* WARC-Record-ID or NULL */
    uint64_t content_length;  /* the block's declared length */
    int truncated;            /* the block was cut (cap or end of file) */
    /* response records with an HTTP message (Content-Type application/http): */
    int http_status;          /* 0 when not parsed */
    const char *http_content_type; /* the payload's Content-Type, or NULL */
    const char *payload;      /* the HTTP body, de-chunked and decompressed (gzip,
                                 deflate); for other records the block itself */
    size_t payload_len;
} rasid_warc_record;

/* Open a WARC file: plain, or gzip (any number of members; detected by the magic bytes).
 * Records whose block exceeds RASID_WARC_MAX_RECORD are skipped (reported as truncated
 * with no payload). */
#define RASID_WARC_MAX_RECORD ((size_t)32 << 20)
RASID_API rasid_warc *rasid_warc_open(const char *path, char *err, size_t errlen);
/* The same over a caller's buffer (not copied: it must outlive the reader). */
RASID_API rasid_warc *rasid_warc_open_mem(const char *data, size_t len);
/* The same over a stream: `head` (copied) holds bytes already read from `f`; `f` is read
 * to its end but not closed. */
RASID_API rasid_warc *rasid_warc_open_stream(const char *head, size_t headlen, FILE *f);
/* Returns 1 with *rec filled, 0 at the end, <0 on an error (message in err; RASID_PARSE
 * for a malformed record, after which the reader resynchronises on the next "WARC/"
 * header; RASID_IO for a read or decompression error, after which it stops). */
RASID_API int rasid_warc_next(rasid_warc *w, rasid_warc_record *rec, char *err, size_t errlen);
RASID_API void rasid_warc_close(rasid_warc *w);

/* ------------------------------------------------------------------ fetching */
typedef struct rasid_fetch_opts {
    long connect_timeout_ms; /* default 10000 */
    long timeout_ms;         /* whole transfer, default 30000 */
    int retries;             /* extra attempts on 5xx, 429, timeouts and broken transfers; default 3 */
    long backoff_ms;         /* first retry delay, doubled each time; default 1000 */
    long host_delay_ms;      /* minimum time between two requests to one host; default 1000 */
    size_t max_bytes;        /* body cap (transfer aborted beyond); default 8 MB */
    int max_redirects;       /* default 5 */
    const char *user_agent;  /* default "rasid/VERSION (+https://github.com/rasid; news event coder)" */
    const char *state_path;  /* JSON file remembering ETag/Last-Modified per URL and the
                                items already seen; NULL = in memory only */
} rasid_fetch_opts;

RASID_API void rasid_fetch_opts_default(rasid_fetch_opts *o);

typedef struct rasid_fetch_result {
    long status;          /* final HTTP status (200, 304, 404, ...), 0 if none */
    int not_modified;     /* 1 for a 304 answer to a conditional request */
    char *body;           /* malloc'd, NUL-terminated (NULL on 304 or error) */
    size_t len;
    char *content_type;   /* or NULL */
    char *final_url;      /* after redirects, or NULL */
    int attempts;         /* requests made */
} rasid_fetch_result;

typedef struct rasid_fetcher rasid_fetcher;

/* Create a fetcher (opts NULL = defaults; the strings are copied). Loads the state file
 * when it exists. Returns NULL on out-of-memory or an unreadable state file (message). */
RASID_API rasid_fetcher *rasid_fetcher_new(const rasid_fetch_opts *opts, char *err, size_t errlen);
/* GET `url` (http or https only). With `conditional`, send If-None-Match / If-Modified-Since
 * from the state and remember the answer's validators. Returns RASID_OK for a 2xx or a
 * 304 answer (res filled; clear it with rasid_fetch_result_clear()), or an error with a
 * message naming the URL: RASID_ARG (not http/https), RASID_TOOBIG (body over the cap),
 * RASID_IO (DNS, connection, timeout, too many redirects, HTTP 4xx/5xx after retries;
 * res->status holds the last HTTP status). */
RASID_API int rasid_fetch(rasid_fetcher *f, const char *url, int conditional,
                          rasid_fetch_result *res, char *err, size_t errlen);
RASID_API void rasid_fetch_result_clear(rasid_fetch_result *res);
/* Items already seen (by `rasid watch`): a set of keys kept in the state file. */
RASID_API int rasid_fetcher_seen(const rasid_fetcher *f, const char *key);
RASID_API int rasid_fetcher_mark_seen(rasid_fetcher *f, const char *key);
/* Write the state file (atomically: temporary file + rename). RASID_OK when no path. */
RASID_API int rasid_fetcher_save(rasid_fetcher *f, char *err, size_t errlen);
RASID_API void rasid_fetcher_free(rasid_fetcher *f);

/* ------------------------------------------------------------------ documents */
/* Options for the input reader's web formats (rasid_input_set_ingest()). */
typedef struct rasid_ingest_opts {
    int fetch_pages;   /* feed items: fetch each item's page and use its main text.
                          -1 (default) = only for feeds that were themselves fetched from
                          a URL; 0 = never (the item's description is the text); 1 = always */
    const rasid_fetch_opts *fetch; /* NULL = defaults */
} rasid_ingest_opts;

/* Set how `in` reads feeds and URLs (before the first rasid_input_next()). The options
 * are copied. Returns RASID_OK or RASID_NOMEM. */
RASID_API int rasid_input_set_ingest(rasid_input *in, const rasid_ingest_opts *opts);

/* Documents made by these readers carry metadata (rasid_doc_meta() of rasid.h):
 *   "url"      canonical URL (<link rel=canonical>/og:url), else the item link, the
 *              WARC-Target-URI or the fetched URL
 *   "title"    the page's title, else the feed item's
 *   "source"   the site name (og:site_name, JSON-LD publisher), else the feed's title,
 *              else the URL's host
 *   "author"   when known
 *   "fetched"  WARC-Date, or the time of the fetch (ISO 8601, UTC)
 *   "format"   "html", "rss", "atom" or "warc"
 * and their publication date (rasid_doc_published()) from the page or the item. */

#ifdef __cplusplus
}
#endif
#endif /* RASID_INGEST_H */
