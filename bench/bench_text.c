/*
 * bench_text.c — times the text layer in-process on one core: reads JSON Lines articles
 * with the input reader, then times rasid_doc_segment() (decode, normalise, sentences,
 * tokens, clitic readings; RASID_SEG_NO_STEMS, as recognition uses it) on each,
 * excluding input parsing and any output.
 * With a data directory as second argument it also times recognition (rasid_doc_recognise)
 * and full extraction (rasid_doc_code) in-process.
 *
 *   bench_text ARTICLES.jsonl [DATADIR [REPS [BASELINE.txt]]]
 * With REPS, each stage runs REPS times over all the articles and the fastest run counts
 * (the machine may be shared: the least disturbed run is the closest to its speed).
 * With BASELINE.txt (the same articles as plain text), `LC_ALL=C wc -w` runs over it just
 * before each run of a stage, and the line ends with the median of the REPS ratios of the
 * stage's speed to wc's in the same pair of runs: a machine whose speed drifts between
 * runs moves both sides of a pair alike.
 * Each stage runs with a new analyser (rasid_analyser: caches across documents, empty at
 * the start), and the segmenter also without one ("segment, per document").
 * Prints "segment: BYTES bytes, DOCS docs, TOKENS tokens, SECONDS s, MB/s" lines and the
 * peak RSS from getrusage.
 */
#include "rasid.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct item {
    char *id, *text;
    size_t len;
} item;

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_text ARTICLES.jsonl [DATADIR [REPS]]\n");
        return 2;
    }
    int reps = argc > 3 ? atoi(argv[3]) : 1;
    if (reps < 1) reps = 1;
    /* the baseline, paired: LC_ALL=C wc -w over the same articles as plain text, run
     * just before each run of a stage, so that both see the machine in the same state */
    const char *base = argc > 4 ? argv[4] : NULL;
    char basecmd[4200] = "";
    double basebytes = 0;
    if (base) {
        FILE *bf = fopen(base, "rb");
        if (!bf || fseek(bf, 0, SEEK_END) != 0) {
            fprintf(stderr, "bench_text: %s: cannot read\n", base);
            return 2;
        }
        basebytes = (double)ftell(bf);
        fclose(bf);
        snprintf(basecmd, sizeof basecmd, "LC_ALL=C wc -w < '%s' > /dev/null", base);
    }
    double *ratios = calloc((size_t)reps, sizeof *ratios);
    if (!ratios) return 4;
    const char *paths[] = {argv[1]};
    rasid_input *in = rasid_input_open(paths, 1, "2024-01-01");
    if (!in) return 4;
    item *items = NULL;
    size_t n = 0, cap = 0, bytes = 0;
    rasid_doc *doc;
    char err[512];
    int r;
    while ((r = rasid_input_next(in, &doc, err, sizeof err)) != 0) {
        if (r < 0) {
            fprintf(stderr, "bench_text: %s\n", err);
            continue;
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 1024;
            items = realloc(items, cap * sizeof *items);
            if (!items) return 4;
        }
        size_t len;
        const char *t = rasid_doc_text(doc, &len);
        items[n].text = malloc(len + 1);
        if (!items[n].text) return 4;
        for (size_t i = 0; i < len; i++) items[n].text[i] = t[i];
        items[n].len = len;
        bytes += len;
        n++;
        rasid_doc_free(doc);
    }
    rasid_input_close(in);

    rasid_lexicon *lex = NULL;
    if (argc > 2) {
        double t0 = now();
        lex = rasid_lexicon_load(argv[2], err, sizeof err);
        if (!lex) {
            fprintf(stderr, "bench_text: %s\n", err);
            return 3;
        }
        printf("lexicon: %zu entries loaded in %.1f ms\n", rasid_lexicon_size(lex), (now() - t0) * 1e3);
    }
    /* each stage starts with a new analyser (empty caches), as one thread of
     * `rasid extract` does; "segment, per document" runs without one */
    const char *stage[] = {"segment, per document", "segment", "recognise", "extract"};
    int nstages = lex ? 4 : 2;
    for (int s = 0; s < nstages; s++) {
      double best = 0;
      size_t tokens = 0, out = 0;
      for (int rep = 0; rep < reps; rep++) {
        tokens = out = 0;
        double total = 0, wc = 0;
        if (base) {
            double w0 = now();
            if (system(basecmd) != 0) fprintf(stderr, "bench_text: %s failed\n", basecmd);
            wc = now() - w0;
        }
        rasid_analyser *an = s ? rasid_analyser_new(lex) : NULL;
        if (s && !an) return 4;
        for (size_t i = 0; i < n; i++) {
            doc = rasid_doc_new("bench", items[i].text, items[i].len, "2024-01-01");
            if (!doc) return 4;
            double t0 = now();
            if (an) rasid_doc_use(doc, an);
            int rc = s < 2    ? rasid_doc_segment(doc, RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS)
                   : s == 2 ? rasid_doc_recognise(doc, lex)
                            : rasid_doc_code(doc, lex);
            total += now() - t0;
            if (rc) fprintf(stderr, "bench_text: %s\n", rasid_strerror(rc));
            tokens += rasid_doc_ntokens(doc);
            out += s == 2 ? rasid_doc_nmentions(doc) : s == 3 ? rasid_doc_nevents(doc) : 0;
            rasid_doc_free(doc);
        }
        rasid_analyser_free(an);
        if (rep == 0 || total < best) best = total;
        if (base && total > 0 && wc > 0) ratios[rep] = ((double)bytes / total) / (basebytes / wc);
      }
        printf("%s: %zu bytes, %zu docs, %zu tokens", stage[s], bytes, n, tokens);
        if (s == 2) printf(", %zu mentions", out);
        if (s == 3) printf(", %zu events", out);
        printf(", %.3f s, %.1f MB/s", best, (double)bytes / 1e6 / (best > 0 ? best : 1e-9));
        if (base) { /* the median of the paired ratios */
            for (int i = 1; i < reps; i++)
                for (int j = i; j > 0 && ratios[j - 1] > ratios[j]; j--) {
                    double x = ratios[j];
                    ratios[j] = ratios[j - 1];
                    ratios[j - 1] = x;
                }
            double med = reps % 2 ? ratios[reps / 2] : (ratios[reps / 2 - 1] + ratios[reps / 2]) / 2;
            printf(" = %.2fx LC_ALL=C wc -w (median of %d paired runs)", med, reps);
        }
        printf("\n");
    }
    free(ratios);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS: %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    for (size_t i = 0; i < n; i++) free(items[i].text);
    free(items);
    rasid_lexicon_free(lex);
    return 0;
}
