/*
 * bench_store.c — search latency over a rasid store, beside a baseline in the same run.
 *
 *   bench_store STORE.db BASELINE.db QUERIES.txt [REPEAT]
 *
 * For each query (one per line, UTF-8) it times rasid_store_search() (the rasid_ar FTS5
 * tokenizer, bm25, snippet, top 20, written to /dev/null) on STORE.db, and the same query
 * as a plain FTS5 MATCH with bm25 ordering and snippet(), top 20, on BASELINE.db (an FTS5
 * table of the same texts with the unicode61 tokenizer), and prints p50/p99/mean of both
 * and their ratio. One thread; the first pass over the queries warms the caches and is not
 * counted.
 */
#include "rasid_store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench_store STORE.db BASELINE.db QUERIES.txt [REPEAT]\n");
        return 2;
    }
    int repeat = argc > 4 ? atoi(argv[4]) : 3;
    if (repeat < 1) repeat = 1;
    FILE *qf = fopen(argv[3], "r");
    if (!qf) {
        perror(argv[3]);
        return 2;
    }
    char *qs[4096];
    size_t nq = 0;
    char line[1024];
    while (nq < 4096 && fgets(line, sizeof line, qf)) {
        line[strcspn(line, "\n")] = 0;
        if (*line) qs[nq++] = strdup(line);
    }
    fclose(qf);
    char err[1024];
    rasid_store *st;
    if (rasid_store_open(argv[1], RASID_STORE_READONLY, &st, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return 1;
    }
    sqlite3 *base;
    sqlite3_stmt *bq;
    if (sqlite3_open_v2(argv[2], &base, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(base,
                           "SELECT rowid, rank, snippet(t, 1, '<b>', '</b>', '...', 24) FROM t WHERE t MATCH ?1"
                           " ORDER BY rank LIMIT 20",
                           -1, &bq, NULL) != SQLITE_OK) {
        fprintf(stderr, "%s: %s\n", argv[2], sqlite3_errmsg(base));
        return 1;
    }
    FILE *devnull = fopen("/dev/null", "w");
    size_t n = nq * (size_t)repeat;
    double *tr = calloc(n, sizeof *tr), *tb = calloc(n, sizeof *tb);
    long hits_r = 0, hits_b = 0;
    for (int pass = -1; pass < repeat; pass++) {
        for (size_t i = 0; i < nq; i++) {
            double t0 = now_ms();
            if (rasid_store_search(st, qs[i], 20, RASID_SFMT_JSONL, devnull) != RASID_OK)
                fprintf(stderr, "rasid: %s\n", rasid_store_errmsg(st));
            double t1 = now_ms();
            /* baseline: the query as plain words (quoted, so that FTS5 syntax does not differ) */
            char q[2048];
            size_t k = 0;
            q[k++] = '"';
            for (const char *p = qs[i]; *p && k < sizeof q - 3; p++) {
                if (*p == '"') q[k++] = '"';
                q[k++] = *p;
            }
            q[k++] = '"';
            q[k] = 0;
            sqlite3_reset(bq);
            sqlite3_bind_text(bq, 1, q, -1, SQLITE_STATIC);
            long h = 0;
            while (sqlite3_step(bq) == SQLITE_ROW) {
                fputs((const char *)sqlite3_column_text(bq, 2), devnull);
                h++;
            }
            double t2 = now_ms();
            if (pass >= 0) {
                tr[(size_t)pass * nq + i] = t1 - t0;
                tb[(size_t)pass * nq + i] = t2 - t1;
                hits_b += h;
            }
        }
    }
    /* hits of rasid (top 20 each), counted once, outside the timing */
    FILE *mf;
    char *buf = NULL;
    size_t len = 0;
    for (size_t i = 0; i < nq; i++) {
        mf = open_memstream(&buf, &len);
        rasid_store_search(st, qs[i], 20, RASID_SFMT_JSONL, mf);
        fclose(mf);
        for (size_t j = 0; j < len; j++) hits_r += buf[j] == '\n';
        free(buf);
        buf = NULL;
    }
    double mr = 0, mb = 0;
    for (size_t i = 0; i < n; i++) {
        mr += tr[i];
        mb += tb[i];
    }
    qsort(tr, n, sizeof *tr, cmp_d);
    qsort(tb, n, sizeof *tb, cmp_d);
    printf("queries %zu x %d; results per query (top 20): rasid %.1f, baseline %.1f\n", nq, repeat,
           (double)hits_r / nq, (double)hits_b / n);
    printf("rasid search (rasid_ar, bm25, snippet)   p50 %7.3f ms  p99 %7.3f ms  mean %7.3f ms\n", pct(tr, n, 0.5),
           pct(tr, n, 0.99), mr / n);
    printf("baseline FTS5 unicode61 (bm25, snippet)  p50 %7.3f ms  p99 %7.3f ms  mean %7.3f ms\n", pct(tb, n, 0.5),
           pct(tb, n, 0.99), mb / n);
    printf("ratio rasid/baseline                     p50 %7.2fx    p99 %7.2fx\n", pct(tr, n, 0.5) / pct(tb, n, 0.5),
           pct(tr, n, 0.99) / pct(tb, n, 0.99));
    fclose(devnull);
    sqlite3_finalize(bq);
    sqlite3_close(base);
    rasid_store_close(st);
    for (size_t i = 0; i < nq; i++) free(qs[i]);
    free(tr);
    free(tb);
    return 0;
}
