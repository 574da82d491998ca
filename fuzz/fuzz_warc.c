/*
 * fuzz_warc.c — libFuzzer target for the WARC reader (src/ingest/warc.c: plain and gzip
 * records, HTTP payloads, chunked and compressed bodies) and the input reader's WARC
 * documents. Invariants: no crash, no hang (a bounded number of calls reaches the end),
 * payload lengths within the cap.
 */
#include "rasid.h"
#include "rasid_ingest.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    rasid_warc *w = rasid_warc_open_mem((const char *)data, size);
    if (!w) return 0;
    rasid_warc_record r;
    char err[512];
    int rc, calls = 0;
    while ((rc = rasid_warc_next(w, &r, err, sizeof err)) != 0) {
        if (++calls > 100000) abort(); /* every call consumes input: it must end */
        if (rc == 1 && r.payload_len > RASID_WARC_MAX_RECORD) abort();
        if (rc == 1 && r.payload_len && !r.payload) abort();
    }
    rasid_warc_close(w);
    rasid_input *in = rasid_input_open_mem("crawl.warc.gz", (const char *)data, size, NULL);
    if (!in) return 0;
    calls = 0;
    for (;;) {
        rasid_doc *d = NULL;
        int x = rasid_input_next(in, &d, err, sizeof err);
        if (x == 0) break;
        if (++calls > 100000) abort();
        rasid_doc_free(d);
    }
    rasid_input_close(in);
    return 0;
}
