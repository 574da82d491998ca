/* TEMPORARY scaffold: replaced by the text layer (normalize.c, segment.c, clitic.c). */
#include "internal.h"
#include <string.h>
int rasid__text_segment(rasid_doc *doc, unsigned norm_flags) { (void)doc; (void)norm_flags; return RASID_OK; }
size_t rasid__normalize_str(const char *s, size_t n, unsigned flags, char *out, size_t outlen)
{ (void)flags; if (n < outlen) { memcpy(out, s, n); out[n] = 0; } return n; }
size_t rasid__key_str(const char *s, size_t n, char *out, size_t outlen)
{ if (n < outlen) { memcpy(out, s, n); out[n] = 0; } return n; }
size_t rasid__clitic_readings(rasid__arena *a, const char *norm, size_t n, rasid_reading *out, size_t max)
{ (void)a; (void)norm; (void)n; (void)out; (void)max; return 0; }
const char *rasid__light_stem(rasid__arena *a, const char *norm, size_t n) { return rasid__arena_strndup(a, norm, n); }
