/*
 * fuzz_feed.c — libFuzzer target for the RSS/Atom reader (src/ingest/feed.c) and the
 * input reader's feed documents (src/ingest/source.c; no fetching: the feed does not
 * come from a URL). Invariants: no crash, no hang, no network, item texts are valid
 * UTF-8, dates are YYYY-MM-DD, at most RASID_FEED_MAX_ITEMS items.
 */
#include "rasid.h"
#include "rasid_ingest.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    rasid_feed *f = NULL;
    char err[512];
    int rc = rasid_feed_parse((const char *)data, size, "http://example.com/feed.xml", &f, err, sizeof err);
    if (rc == RASID_OK) {
        if (!f || f->nitems > RASID_FEED_MAX_ITEMS) abort();
        for (size_t i = 0; i < f->nitems; i++) {
            const rasid_feed_item *it = &f->items[i];
            size_t off;
            if (!it->text) abort();
            if (rasid_check_text(it->text, strlen(it->text), &off) == RASID_BINARY) abort();
            if (it->published && strlen(it->published) != 10) abort();
        }
        rasid_feed_free(f);
    } else if (f) {
        abort();
    }
    rasid_input *in = rasid_input_open_mem("feed.rss", (const char *)data, size, "2024-01-01");
    if (!in) return 0;
    rasid_ingest_opts o = {.fetch_pages = 0, .fetch = NULL};
    rasid_input_set_ingest(in, &o);
    for (int i = 0; i < 64; i++) {
        rasid_doc *d = NULL;
        int r = rasid_input_next(in, &d, err, sizeof err);
        if (r == 0) break;
        rasid_doc_free(d);
    }
    rasid_input_close(in);
    return 0;
}
