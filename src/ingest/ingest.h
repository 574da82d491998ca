/*
 * ingest.h — internals shared by the web readers (src/ingest/): small string helpers
 * and the document iterator the input reader (src/io/input.c) dispatches to.
 */
#ifndef RASID_INGEST_INTERNAL_H
#define RASID_INGEST_INTERNAL_H

#include "internal.h"
#include "rasid_ingest.h"

/* malloc'd copy of s[0..n) with ASCII whitespace trimmed at both ends; NULL on OOM. */
char *rasid__ing_strtrim(const char *s, size_t n);
/* s (malloc'd, NUL-terminated, *n bytes) with every invalid UTF-8 sequence and NUL byte
 * replaced by U+FFFD, as the text layer reads them: s itself when it is valid, else a
 * new string (s freed; *n updated); NULL when out of memory (s freed). */
char *rasid__ing_utf8_clean(char *s, size_t *n);
/* Case-insensitive ASCII prefix test. */
int rasid__ing_prefix(const char *s, const char *prefix);
/* 1 when url starts with http:// or https:// (case-insensitive). */
int rasid__ing_is_http(const char *url);
/* The host of an http(s) URL into out (lower-cased); "" when none. */
void rasid__ing_host(const char *url, char *out, size_t outlen);
/* Resolve `ref` against `base` (either may be NULL); malloc'd. */
char *rasid__ing_resolve(const char *base, const char *ref);
/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
void rasid__ing_now(char out[21]);

/* printf into err (NULL-safe). */
void rasid__ing_msg(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- document iterator over one web input (HTML file, feed, WARC, URL) ---- */
typedef struct rasid__ingest rasid__ingest;

/* Open an iterator for one input already sniffed as `kind`:
 *   path    a file to (re)open and read from its start, or NULL;
 *   head/headlen, f   when path is NULL: bytes already read, then the rest of f (may be
 *           NULL; not closed);
 *   name    for messages; stem for document ids.
 * Returns NULL on out-of-memory. */
rasid__ingest *rasid__ingest_open(rasid_sniff kind, const char *path, const char *name,
                                  const char *stem, const char *head, size_t headlen, FILE *f,
                                  const char *published_default, const rasid_ingest_opts *opts);
/* An iterator over an http(s) URL (fetched, then sniffed). */
rasid__ingest *rasid__ingest_open_url(const char *url, const char *published_default,
                                      const rasid_ingest_opts *opts);
/* Same contract as rasid_input_next(): 1 doc, 0 end, <0 error for one item (go on). */
int rasid__ingest_next(rasid__ingest *it, rasid_doc **doc, char *err, size_t errlen);
/* Where the last document/error came from (file or URL) and an item number (0 = whole). */
const char *rasid__ingest_where(const rasid__ingest *it, long *item);
void rasid__ingest_close(rasid__ingest *it);

/* Copy of ingest options with their strings (owned by the input reader). */
typedef struct rasid__ingest_cfg {
    rasid_ingest_opts o;
    rasid_fetch_opts f;
    int have_fetch;
    char *ua, *state;
} rasid__ingest_cfg;
int rasid__ingest_cfg_set(rasid__ingest_cfg *c, const rasid_ingest_opts *o);
void rasid__ingest_cfg_clear(rasid__ingest_cfg *c);

#endif /* RASID_INGEST_INTERNAL_H */
