/*
 * analyser.c — the caches one thread keeps across the documents it analyses.
 *
 * The stages cache what depends on a word alone (text/segment.c: the normalised key,
 * clitic readings, stem and value; lex/lexicon.c: the dictionary matches and fuzzy
 * candidates). Per document these are computed once per distinct word; an analyser
 * keeps them for every later document, which in news text means for most words. This
 * file owns only the lifetime: creation, attachment, the budget and emptying.
 */
#include "internal.h"

#include <stdlib.h>

/* Past this many bytes of cached keys, readings, match lists and their tables the caches
 * are emptied (at the next attachment made while no attached doc is alive): some 150,000
 * words with their contexts. */
#define ANALYSER_BUDGET ((size_t)64 << 20)

rasid_analyser *rasid_analyser_new(const rasid_lexicon *lex)
{
    rasid_analyser *a = calloc(1, sizeof *a);
    if (!a) return NULL;
    a->lex = lex;
    a->budget = ANALYSER_BUDGET;
    rasid__arena_init(&a->arena);
    return a;
}

static void empty(rasid_analyser *a)
{
    rasid__wcache_free(a->words);
    rasid__lcache_free(a->lexc);
    a->words = NULL;
    a->lexc = NULL;
    rasid__arena_release(&a->arena);
}

void rasid_analyser_free(rasid_analyser *a)
{
    if (!a) return;
    empty(a);
    rasid__arena_block_free(a->spare);
    free(a);
}

int rasid_doc_use(rasid_doc *d, rasid_analyser *a)
{
    if (!d) return RASID_ARG;
    if (d->an == a) return RASID_OK;
    if (d->segmented) return RASID_ARG;
    if (d->an) rasid__analyser_release(d->an);
    d->an = a;
    d->arena.spare = a ? &a->spare : NULL;
    if (!a) return RASID_OK;
    if (!a->live &&
        a->arena.used_total + rasid__wcache_bytes(a->words) + rasid__lcache_bytes(a->lexc) > a->budget)
        empty(a);
    a->live++;
    return RASID_OK;
}

void rasid__analyser_release(rasid_analyser *a)
{
    if (a && a->live) a->live--;
}
