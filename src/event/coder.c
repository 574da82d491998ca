/* TEMPORARY scaffold: replaced by the event coder. */
#include "internal.h"
int rasid__event_code(rasid_doc *doc, const rasid_lexicon *lex) { (void)doc; (void)lex; return RASID_OK; }
