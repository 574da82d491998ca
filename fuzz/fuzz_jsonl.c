/*
 * fuzz_jsonl.c — libFuzzer target for the input reader: the bytes are read as a JSON
 * Lines file (and, on odd first bytes, as plain text), every document is segmented,
 * and the tokens are checked against the document's bounds.
 */
#include "rasid.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *name = (size > 0 && (data[0] & 1)) ? "fuzz.txt" : "fuzz.jsonl";
    rasid_input *in = rasid_input_open_mem(name, (const char *)data, size, "2020-01-01");
    if (!in) return 0;
    rasid_doc *doc;
    char err[512];
    int r;
    int guard = 0;
    while ((r = rasid_input_next(in, &doc, err, sizeof err)) != 0 && guard++ < 100000) {
        if (r < 0) continue;
        if (rasid_doc_segment(doc, RASID_NORM_DEFAULT) == RASID_OK) {
            size_t len;
            rasid_doc_text(doc, &len);
            const rasid_token *t = rasid_doc_tokens(doc);
            size_t n = rasid_doc_ntokens(doc);
            for (size_t i = 0; i < n; i++)
                if (t[i].start > t[i].end || t[i].end > len) abort();
        }
        rasid_doc_free(doc);
    }
    rasid_input_close(in);
    return 0;
}
