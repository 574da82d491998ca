/* TEMPORARY scaffold: replaced by the lexicon loader and matcher. */
#include "lex/lex.h"
#include <stdlib.h>
struct rasid_lexicon { int dummy; };
rasid_lexicon *rasid_lexicon_load(const char *datadir, char *errbuf, size_t errlen) { (void)datadir; (void)errbuf; (void)errlen; return calloc(1, sizeof(rasid_lexicon)); }
void rasid_lexicon_free(rasid_lexicon *lex) { free(lex); }
size_t rasid_lexicon_size(const rasid_lexicon *lex) { (void)lex; return 0; }
const char *rasid_lexicon_dir(const rasid_lexicon *lex) { (void)lex; return "data"; }
int rasid__lex_recognise(rasid_doc *doc, const rasid_lexicon *lex) { (void)doc; (void)lex; return RASID_OK; }
const char *rasid__entry_field(const rasid__entry *e, const char *col) { (void)e; (void)col; return NULL; }
const char *rasid__entry_fieldi(const rasid__entry *e, int col) { (void)e; (void)col; return NULL; }
int rasid__table_col(const rasid__table *t, const char *col) { (void)t; (void)col; return -1; }
const rasid__table *rasid__lex_table(const rasid_lexicon *lex, int cat) { (void)lex; (void)cat; return NULL; }
size_t rasid__lex_match_at(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, unsigned catmask, int allow_fuzzy, rasid__match *out, size_t max) { (void)lex; (void)doc; (void)tok; (void)catmask; (void)allow_fuzzy; (void)out; (void)max; return 0; }
const rasid__entry *rasid__lex_lookup(const rasid_lexicon *lex, int cat, const char *key) { (void)lex; (void)cat; (void)key; return NULL; }
int rasid__lex_is_cue(const rasid_lexicon *lex, const rasid_doc *doc, size_t tok, const char *cls) { (void)lex; (void)doc; (void)tok; (void)cls; return 0; }
