/*
 * rasid_store_docs.h — store accessors the web page needs beyond rasid_store.h:
 * one stored article with its entity and event spans, and the list of places.
 * (Implemented in src/store/docs_api.c over the store's schema; candidates to move into
 * rasid_store.h.) Same rules as rasid_store.h: one handle per thread at a time, errors
 * are RASID_* codes with a message in rasid_store_errmsg().
 */
#ifndef RASID_STORE_DOCS_H
#define RASID_STORE_DOCS_H

#include "rasid_store.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Write one document as one JSON object; `ref` is its row id (digits: the "doc_id" of
 * search results) or else its key (the "doc" of event records; the newest such document):
 *   {"id", "key", "url", "title", "source", "author", "published", "fetched",
 *    "text",                      the stored text exactly
 *    "mentions": [{"kind", "start", "end", "text", "name", "entity", "value", ...}],
 *    "reports":  [{"report", "event", "type", "modality", "summary", "trigger",
 *                  "evidence": [s, e], "trigger_span": [s, e], "location": [s, e],
 *                  "date": [s, e], "actors": [{"role", "name", "text", "start", "end"}]}]}
 * Spans are UTF-8 byte offsets into "text" (null when unknown). Ends with a newline.
 * RASID_NOTFOUND when there is no such document. */
RASID_API int rasid_store_doc(rasid_store *st, const char *ref, FILE *out);

/* The places events happened at, with their number of events, most events first; one
 * JSON object per line: {"id", "name", "text", "country", "admin1", "lat", "lon",
 * "geonameid", "precision", "events"}. limit 0 = all. */
RASID_API int rasid_store_places(rasid_store *st, long limit, FILE *out);

/* The nodes of rasid_store_graph(): actors of at least one event, one JSON object per
 * line: {"id" (the graph's source/target), "name", "kind", "sector", "country",
 * "events", "text" (one Arabic form as written)}. */
RASID_API int rasid_store_graph_nodes(rasid_store *st, FILE *out);

#ifdef __cplusplus
}
#endif
#endif
