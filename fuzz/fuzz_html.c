/*
 * fuzz_html.c — libFuzzer target for the HTML reader (src/ingest/html.c): main-text
 * extraction and the fragment-to-text converter, plus the input reader's dispatch of a
 * page. Invariants: no crash, no hang, text is valid UTF-8 without NUL bytes, paragraphs
 * are separated by exactly one blank line, metadata dates are YYYY-MM-DD.
 */
#include "rasid.h"
#include "rasid_ingest.h"

#include <stdlib.h>
#include <string.h>

static void check_text(const char *t, size_t n)
{
    size_t off;
    if (strlen(t) != n) abort();
    if (n && rasid_check_text(t, n, &off) != RASID_OK) abort();
    if (strstr(t, "\n\n\n")) abort();
}

static void check_date(const char *d)
{
    if (!d) return;
    if (strlen(d) != 10 || d[4] != '-' || d[7] != '-') abort();
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    rasid_html_page *p = NULL;
    int rc = rasid_html_extract((const char *)data, size, "http://example.com/a/b.html", NULL, &p, NULL, 0);
    if (rc == RASID_OK) {
        if (!p || !p->text) abort();
        check_text(p->text, p->text_len);
        if (p->text_len && p->text[p->text_len - 1] != '\n') abort();
        check_date(p->published);
        check_date(p->modified);
        rasid_html_page_free(p);
    } else if (p) {
        abort();
    }
    char *t = NULL;
    size_t n = 0;
    if (rasid_html_to_text((const char *)data, size, &t, &n) == RASID_OK) {
        check_text(t, n);
        free(t);
    }
    /* through the input reader, as a file named page.html */
    rasid_input *in = rasid_input_open_mem("page.html", (const char *)data, size, NULL);
    if (!in) return 0;
    char err[512];
    for (int i = 0; i < 4; i++) {
        rasid_doc *d = NULL;
        int r = rasid_input_next(in, &d, err, sizeof err);
        if (r == 0) break;
        if (r == 1) {
            size_t len;
            const char *x = rasid_doc_text(d, &len);
            check_text(x, len);
            rasid_doc_free(d);
        }
    }
    rasid_input_close(in);
    return 0;
}
