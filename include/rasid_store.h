/*
 * rasid_store.h — the news archive: an embedded SQLite database of articles, the entities
 * and events coded from them, de-duplicated across articles, with Arabic full-text search.
 *
 * Objects
 *   rasid_store   an open database file (default "rasid.db"). One handle is used by one
 *                 thread at a time; several processes may open the same file (WAL mode:
 *                 readers never block the writer; writers wait up to the busy timeout).
 *
 * Memory: the caller owns what it passes in and frees nothing the store returns except
 * the handle itself (rasid_store_close). Strings returned by rasid_store_* live until the
 * next call on the same handle. `_close(NULL)` is a no-op.
 *
 * Errors: functions return RASID_OK (0) or a negative code of rasid.h:
 *   RASID_IO       the file could not be opened or created (permissions, missing directory)
 *   RASID_CORRUPT  the file is not a SQLite database, is damaged, or was written by a newer
 *                  rasid (schema version too high)
 *   RASID_STORE    any other database error (disk full, locked past the busy timeout, ...)
 *   RASID_ARG      a bad argument (unknown format, bad date, unknown place for --near)
 *   RASID_NOTFOUND no such event (rasid_store_show)
 *   RASID_NOMEM    out of memory
 * and keep a message naming the file in rasid_store_errmsg().
 *
 * Durability: the database is in WAL mode with synchronous=NORMAL. A transaction that
 * committed survives the death of the process (kill -9) at any later moment; a power
 * failure may lose the last committed transactions but never corrupts the file. Ingest
 * is idempotent, so re-running it after either completes the archive.
 */
#ifndef RASID_STORE_H
#define RASID_STORE_H

#include "rasid.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct rasid_store rasid_store;

/* The schema version this library writes (PRAGMA user_version). Older files are
 * migrated in place when opened for writing. */
#define RASID_STORE_SCHEMA 2

enum rasid_store_flags {
    RASID_STORE_READONLY = 1u << 0, /* open an existing file for queries only */
    RASID_STORE_CREATE = 1u << 1    /* create the file (and its schema) if missing */
};

/* ---------------------------------------------------------------- open / close
 * Open the database at `path` (NULL: $RASID_DB, else "rasid.db").
 *   flags   RASID_STORE_* bits.
 *   *out    receives the handle (NULL on failure).
 *   errbuf  on failure, a message naming the file (errlen bytes; may be NULL).
 * Without RASID_STORE_CREATE a missing file is an error (RASID_IO). A file that is not a
 * rasid store is RASID_CORRUPT. */
RASID_API int rasid_store_open(const char *path, unsigned flags, rasid_store **out, char *errbuf,
                               size_t errlen);
/* Commit nothing pending (an open batch is rolled back), finalise, close. */
RASID_API void rasid_store_close(rasid_store *st);
/* The last error's message ("" if none), naming the file. */
RASID_API const char *rasid_store_errmsg(const rasid_store *st);
/* The file's path as opened. */
RASID_API const char *rasid_store_path(const rasid_store *st);

/* ---------------------------------------------------------------- ingest
 * Writes are grouped in batches: rasid_store_begin() opens a transaction,
 * rasid_store_commit() makes everything since durable. rasid_store_add() outside a
 * batch runs in a transaction of its own. */
RASID_API int rasid_store_begin(rasid_store *st);
RASID_API int rasid_store_commit(rasid_store *st);
RASID_API int rasid_store_rollback(rasid_store *st);

/* What rasid_store_add() did. */
typedef struct rasid_store_added {
    int added;              /* 1 stored, 0 already in the store (same URL or same text) */
    long long doc;          /* the document's row id (the existing one when added == 0) */
    size_t events;          /* event reports coded from the document */
    size_t new_events;      /* of those, how many became new events */
    size_t merged;          /* ... and how many joined an event already stored */
} rasid_store_added;

/* Store one document: its text and metadata (rasid_doc_meta "url", "title", "source",
 * "fetched"), its entity mentions and its events, each event either merged into a
 * stored report of the same real-world event or stored as a new one. The document is
 * coded with `lex` if it was not already (rasid_doc_code); `lex` may be NULL for a
 * document already coded, or to store the text only.
 * An article is already stored when its URL matches a stored one's, or — whatever the
 * URL — its text's SHA-256 does; then nothing is written and res->added is 0.
 *   res  may be NULL.
 * Returns RASID_OK, or an error:
 *   - a coding error (RASID_TOOBIG, RASID_NOMEM while coding, ...) happens before anything
 *     is written: the batch is intact and may go on;
 *   - a database error (RASID_STORE, RASID_IO, RASID_CORRUPT) may leave the document half
 *     written in the open batch: call rasid_store_rollback() (re-running the ingest then
 *     restores the batch's other documents). Outside a batch this is done for you. */
RASID_API int rasid_store_add(rasid_store *st, rasid_doc *doc, const rasid_lexicon *lex,
                              rasid_store_added *res);

/* Re-code every stored document with `lex` (after a dictionary change) and rebuild
 * mentions, events, reports, actors and places, in one transaction: either the old
 * coding or the new one is visible, never a mix. Documents are re-coded in the order
 * they were stored, so the result — event ids included — is the same as a fresh ingest
 * of the same articles in the same order. `progress` (may be NULL) is called now and
 * then with the number of documents done and the total. */
RASID_API int rasid_store_reprocess(rasid_store *st, const rasid_lexicon *lex,
                                    void (*progress)(void *ctx, size_t done, size_t total),
                                    void *ctx);

/* ---------------------------------------------------------------- statistics */
typedef struct rasid_store_stats {
    long long documents, mentions, events, reports, actors, places;
    long long merged_events;   /* events with reports from more than one document */
    long long text_bytes;      /* sum of stored text sizes */
    long long file_bytes;      /* page_count * page_size */
    int schema;                /* PRAGMA user_version */
    char first_date[11], last_date[11]; /* range of event dates ("" when none) */
} rasid_store_stats;

RASID_API int rasid_store_stats_get(rasid_store *st, rasid_store_stats *out);

/* Verify the file: PRAGMA integrity_check plus FTS5's own integrity check of the search
 * index. Returns RASID_OK when both pass, RASID_CORRUPT otherwise (the first problem in
 * rasid_store_errmsg). */
RASID_API int rasid_store_check(rasid_store *st);

/* ---------------------------------------------------------------- queries and export */
typedef enum rasid_store_format {
    RASID_SFMT_TABLE = 1, /* readable fixed-width table */
    RASID_SFMT_JSONL,     /* SCHEMA.md records (events) or one object per line, plus store fields */
    RASID_SFMT_CSV,       /* ACLED columns (rasid_write_events' CSV) */
    RASID_SFMT_TSV,       /* GDELT columns (rasid_write_events' TSV) */
    RASID_SFMT_PLOVER,    /* PLOVER JSON, one event per line */
    RASID_SFMT_GEOJSON,   /* one FeatureCollection (RFC 7946): events with coordinates */
    RASID_SFMT_GRAPHML,   /* actor network (rasid_store_graph) */
    RASID_SFMT_DOT        /* actor network for Graphviz */
} rasid_store_format;

/* Filters for rasid_store_events(); zero/NULL fields do not filter. */
typedef struct rasid_event_query {
    const char *type;    /* PLOVER type, e.g. "ASSAULT" (case-insensitive) */
    const char *actor;   /* actor: English name (substring, case-insensitive), id (QID) or Arabic text */
    const char *country; /* ISO 3166 alpha-3 of the event's place */
    const char *near;    /* a stored place name (English, or Arabic as written) or "LAT,LON" */
    double near_km;      /* radius for `near` (km) */
    const char *since;   /* YYYY[-MM[-DD]]: events whose date may fall on or after it */
    const char *until;   /* YYYY[-MM[-DD]]: ... on or before it */
    long limit;          /* at most this many (0: no limit) */
} rasid_event_query;

/* Write the events matching q (NULL: all), ordered by date then id, in fmt (TABLE, JSONL,
 * CSV, TSV, PLOVER or GEOJSON) to out. Each event is written from its primary report (the
 * one with the most precise date and place); counts are the summary over all reports
 * (fatalities = the largest reported). JSONL adds a "store" object: event id, number of
 * reports and documents, fatalities min/max, the documents' ids and URLs. */
RASID_API int rasid_store_events(rasid_store *st, const rasid_event_query *q, rasid_store_format fmt,
                                 FILE *out);

/* Full-text search of the stored articles (FTS5 with the rasid_ar tokenizer: normalised
 * Arabic with clitic readings, so الجزائر finds والجزائر and بالجزائر), ranked by bm25,
 * with highlighted snippets. `query` is FTS5 syntax (words, "phrases", OR, NOT, prefix*),
 * falling back to plain words when it does not parse; English names of stored actors and
 * places (e.g. "Aleppo", "Islamic State") also find the articles that mention them.
 * fmt: TABLE or JSONL. limit 0 means 20. */
RASID_API int rasid_store_search(rasid_store *st, const char *query, long limit, rasid_store_format fmt,
                                 FILE *out);

/* One event with every report: document, URL, date, counts, actors, evidence sentence.
 * event_id is the numeric id shown by the listings. fmt: TABLE or JSONL.
 * RASID_NOTFOUND when there is no such event. */
RASID_API int rasid_store_show(rasid_store *st, const char *event_id, rasid_store_format fmt, FILE *out);

/* Actors with their numbers of events (as actor and as recipient), most active first.
 * fmt: TABLE or JSONL; limit 0 = all. */
RASID_API int rasid_store_actors(rasid_store *st, long limit, rasid_store_format fmt, FILE *out);

/* The actor network: nodes are actors, edges go from each actor to each recipient of an
 * event, grouped by PLOVER quad class (verbal/material cooperation/conflict) with the
 * number of events as weight. fmt: GRAPHML or DOT (or JSONL: one edge per line). */
RASID_API int rasid_store_graph(rasid_store *st, rasid_store_format fmt, FILE *out);

#ifdef __cplusplus
}
#endif
#endif /* RASID_STORE_H */
