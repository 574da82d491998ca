/* TEMPORARY scaffold: replaced by the output writers. */
#include "internal.h"
int rasid_write_events(FILE *out, const rasid_doc *doc, rasid_format fmt, int header) { (void)out; (void)doc; (void)fmt; (void)header; return RASID_OK; }
int rasid_write_mentions(FILE *out, const rasid_doc *doc, rasid_format fmt) { (void)out; (void)doc; (void)fmt; return RASID_OK; }
int rasid_write_tokens(FILE *out, const rasid_doc *doc, rasid_format fmt) { (void)out; (void)doc; (void)fmt; return RASID_OK; }
