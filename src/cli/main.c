/*
 * main.c — the `rasid` command: a thin client of the public API (rasid.h only).
 *
 *   rasid tokens    [FILE...|-] [--format text|jsonl]
 *   rasid normalize [FILE...|-]
 *   rasid entities  [FILE...|-] [--published DATE] [--format text|jsonl] [--data DIR]
 *   rasid extract   [FILE...|DIR|-] [--published DATE] [--format jsonl|csv|tsv|plover|table]
 *                   [--data DIR]
 *   rasid dict compile [--data DIR] [-o FILE]
 *
 * Each command reads documents with rasid_input_*, runs the stages it needs and writes
 * with rasid_write_*. Problems with one input are reported on stderr as
 * "rasid: FILE: message" and the command goes on with the next; the exit status says
 * what went wrong (see usage()). Output is block-buffered; a closed pipe ends quietly.
 */
#include "rasid.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    EXIT_OK = 0,
    EXIT_INPUT = 1, /* some input could not be read, or was binary / invalid UTF-8 */
    EXIT_USAGE = 2, /* unknown command or option, bad option value */
    EXIT_DATA = 3,  /* the dictionaries could not be loaded */
    EXIT_INTERNAL = 4 /* out of memory or an internal error */
};

int rasid_cli_store(int argc, char **argv); /* cmd_store.c; -1 when argv[1] is not its command */
int rasid_cmd_watch(int argc, char **argv); /* cmd_watch.c: rasid watch FEEDS.txt */

int rasid_cmd_serve(int argc, char **argv); /* cmd_serve.c */

typedef enum { CMD_TOKENS, CMD_NORMALIZE, CMD_ENTITIES, CMD_EXTRACT } command;

typedef struct options {
    command cmd;
    const char *name;
    const char *format;
    const char *published;
    const char *data;
    const char **paths;
    size_t npaths;
    long jobs; /* --jobs: worker threads (1: analyse on the main thread) */
} options;

static const char *EXIT_HELP =
    "Exit status:\n"
    "  0  success\n"
    "  1  input errors: a file could not be read, was binary or had invalid UTF-8, or a\n"
    "     JSON Lines record was malformed (the other inputs are still processed),\n"
    "     or the output could not be written\n"
    "  2  usage error: unknown command or option, bad --format or --published value\n"
    "  3  dictionary (data directory) error\n"
    "  4  out of memory or internal error\n";

static void usage(FILE *f)
{
    fputs("Usage: rasid COMMAND [OPTIONS] [FILE...|DIR|-]\n"
          "\n"
          "rasid reads Arabic news and writes structured, geolocated, dated event records.\n"
          "\n"
          "Commands:\n"
          "  tokens      sentences and tokens with byte offsets, normalised forms, clitic readings\n"
          "  normalize   the normalised text (the matching form: no tashkeel, unified letters)\n"
          "  entities    places, actors, people, dates and numbers found in the text\n"
          "  extract     event records (JSON Lines per SCHEMA, ACLED CSV, GDELT TSV, PLOVER, table)\n"
          "  watch       poll RSS/Atom feeds and ingest the new articles (rasid watch --help)\n"
          "  dict        compile the dictionaries to their cached binary form (rasid dict --help)\n"
          "\n"
          "Inputs: files, directories (read recursively), or - for standard input (the default).\n"
          "A file ending in .jsonl/.ndjson or starting with '{' is JSON Lines: one record per\n"
          "line with \"id\", \"published\", \"url\", \"title\", \"text\".\n"
          "HTML pages are read as their main text (menus, comments, footers... removed), RSS/Atom\n"
          "feeds as one document per item, WARC files (.warc, .warc.gz) as one document per HTML\n"
          "response, and http:// or https:// arguments are fetched (docs/ingest.md).\n"
          "\n"
          "Options:\n"
          "  -h, --help      show this help (rasid COMMAND --help for a command's options)\n"
          "  -V, --version   show the version\n"
          "\n",
          f);
    fputs(EXIT_HELP, f);
}

static void command_help(command c)
{
    switch (c) {
    case CMD_TOKENS:
        fputs("Usage: rasid tokens [FILE...|DIR|-] [--format text|jsonl] [--jobs N]\n"
              "\n"
              "Split each document into sentences and tokens. Every token carries its byte span\n"
              "in the original text, its kind (ar lat num punct sym other), its normalised form\n"
              "and its clitic readings (proclitics + article + stem + enclitic).\n"
              "\n"
              "Options:\n"
              "  --format text   a readable listing (default): one line per sentence, then\n"
              "                  START-END TAB kind TAB surface TAB norm TAB readings\n"
              "  --format jsonl  one JSON object per token: doc, sentence, text, start, end,\n"
              "                  norm, kind, readings, stem\n"
              "  -j, --jobs N    analyse on N threads (0: one per processor; default 1); the\n"
              "                  output is the same, in the same order\n"
              "  -h, --help      show this help\n\n",
              stdout);
        break;
    case CMD_NORMALIZE:
        fputs("Usage: rasid normalize [FILE...|DIR|-] [--jobs N]\n"
              "\n"
              "Write the normalised text used for matching: tashkeel and tatweel removed, alef\n"
              "forms unified, alef maqsura as yeh, teh marbuta as heh, Arabic-Indic digits as\n"
              "ASCII, presentation forms as base letters, spaces and quote marks unified.\n"
              "\n"
              "Options:\n"
              "  -j, --jobs N    analyse on N threads (0: one per processor; default 1); the\n"
              "                  output is the same, in the same order\n"
              "  -h, --help      show this help\n\n",
              stdout);
        break;
    case CMD_ENTITIES:
        fputs("Usage: rasid entities [FILE...|DIR|-] [--published YYYY-MM-DD] [--format text|jsonl]\n"
              "                      [--data DIR] [--jobs N]\n"
              "\n"
              "Recognise places, actors, people (after titles), nationality adjectives, dates and\n"
              "numbers. Relative dates are resolved against the publication date.\n"
              "\n"
              "Options:\n"
              "  --format text       one line per mention (default):\n"
              "                      START-END TAB kind TAB surface TAB key=value ...\n"
              "  --format jsonl      one JSON object per mention\n"
              "  --published DATE    publication date for plain-text inputs and records without one\n"
              "  --data DIR          dictionary directory (default: $RASID_DATA, else the data/\n"
              "                      directory of the source tree or installation)\n"
              "  -j, --jobs N        analyse on N threads (0: one per processor; default 1); the\n"
              "                      output is the same, in the same order\n"
              "  -h, --help          show this help\n\n",
              stdout);
        break;
    case CMD_EXTRACT:
        fputs("Usage: rasid extract [FILE...|DIR|-] [--published YYYY-MM-DD]\n"
              "                     [--format jsonl|csv|tsv|plover|table] [--data DIR] [--jobs N]\n"
              "\n"
              "Code the events each document reports: who did what to whom, where, when, how\n"
              "many. With no file (or -) it is a filter from standard input to standard output,\n"
              "JSON Lines in, JSON Lines out, usable under GNU parallel or Hadoop streaming.\n"
              "\n"
              "Options:\n"
              "  --format jsonl      one event record per line, as in docs/schema.md (default)\n"
              "  --format csv        ACLED-style columns (header line first), RFC 4180 quoting\n"
              "  --format tsv        GDELT-style event table columns (header line first)\n"
              "  --format plover     PLOVER JSON, one event per line\n"
              "  --format table      a fixed-width table for reading\n"
              "  --published DATE    publication date for plain-text inputs and records without one\n"
              "  --data DIR          dictionary directory (default: $RASID_DATA, else the data/\n"
              "                      directory of the source tree or installation)\n"
              "  -j, --jobs N        analyse on N threads (0: one per processor; default 1); the\n"
              "                      output is the same, in the same order\n"
              "  -h, --help          show this help\n\n",
              stdout);
        break;
    }
    fputs(EXIT_HELP, stdout);
}

static int usage_error(const char *fmt, const char *arg)
{
    fputs("rasid: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'rasid --help' for more information.\n", stderr);
    return EXIT_USAGE;
}


static int valid_date(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}


/* ------------------------------------------------------------ output errors */
static int out_status(void)
{
    if (!ferror(stdout)) return EXIT_OK;
    if (errno == EPIPE) exit(EXIT_OK); /* the reader went away (| head): stop quietly */
    fprintf(stderr, "rasid: write error: %s\n", strerror(errno));
    return EXIT_INPUT;
}

static int check_write(int rc)
{
    if (rc == RASID_OK) return 0;
    if (rc == RASID_NOMEM) {
        fputs("rasid: out of memory\n", stderr);
        exit(EXIT_INTERNAL);
    }
    if (errno == EPIPE) exit(EXIT_OK);
    fprintf(stderr, "rasid: write error: %s\n", strerror(errno));
    exit(EXIT_INPUT);
}

/* ------------------------------------------------------------ commands */
static int parse_args(int argc, char **argv, options *o)
{
    o->paths = calloc((size_t)argc + 1, sizeof *o->paths);
    if (!o->paths) {
        fputs("rasid: out of memory\n", stderr);
        exit(EXIT_INTERNAL);
    }
    int only_files = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) {
            o->paths[o->npaths++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_files = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            command_help(o->cmd);
            exit(out_status());
        }
        const char **slot = NULL;
        const char *jobs = NULL;
        const char *opt = a;
        size_t optlen = strlen(a);
        const char *eq = strchr(a, '=');
        if (eq && strncmp(a, "--", 2) == 0) optlen = (size_t)(eq - a);
        if ((optlen == 6 && strncmp(opt, "--jobs", 6) == 0) || strcmp(opt, "-j") == 0) slot = &jobs;
        else if (optlen == 8 && strncmp(opt, "--format", 8) == 0 && o->cmd != CMD_NORMALIZE) slot = &o->format;
        else if (optlen == 11 && strncmp(opt, "--published", 11) == 0 &&
                 (o->cmd == CMD_ENTITIES || o->cmd == CMD_EXTRACT))
            slot = &o->published;
        else if (optlen == 6 && strncmp(opt, "--data", 6) == 0 &&
                 (o->cmd == CMD_ENTITIES || o->cmd == CMD_EXTRACT))
            slot = &o->data;
        if (!slot) return usage_error("unknown option '%s'", a);
        if (eq && optlen == (size_t)(eq - a)) {
            *slot = eq + 1;
        } else {
            if (i + 1 >= argc) return usage_error("option '%s' needs a value", a);
            *slot = argv[++i];
        }
        if (slot == &jobs) {
            char *end;
            errno = 0;
            long v = strtol(jobs, &end, 10);
            if (!*jobs || *end || errno || v < 0 || v > 256)
                return usage_error("invalid --jobs value '%s' (expected 0 to 256)", jobs);
            if (v == 0) {
                long cpus = sysconf(_SC_NPROCESSORS_ONLN);
                v = cpus < 1 ? 1 : cpus > 256 ? 256 : cpus;
            }
            o->jobs = v;
        }
    }
    if (o->published && !valid_date(o->published))
        return usage_error("invalid --published value '%s' (expected a date YYYY-MM-DD)", o->published);
    return EXIT_OK;
}

static int format_of(const options *o, rasid_format *fmt)
{
    const char *f = o->format;
    switch (o->cmd) {
    case CMD_NORMALIZE: *fmt = RASID_FMT_TABLE; return EXIT_OK;
    case CMD_TOKENS:
    case CMD_ENTITIES:
        if (!f || strcmp(f, "text") == 0) *fmt = RASID_FMT_TABLE;
        else if (strcmp(f, "jsonl") == 0) *fmt = RASID_FMT_JSONL;
        else return usage_error("invalid --format value '%s' (expected text or jsonl)", f);
        return EXIT_OK;
    case CMD_EXTRACT:
        if (!f || strcmp(f, "jsonl") == 0) *fmt = RASID_FMT_JSONL;
        else if (strcmp(f, "csv") == 0) *fmt = RASID_FMT_CSV;
        else if (strcmp(f, "tsv") == 0) *fmt = RASID_FMT_TSV;
        else if (strcmp(f, "plover") == 0) *fmt = RASID_FMT_PLOVER;
        else if (strcmp(f, "table") == 0) *fmt = RASID_FMT_TABLE;
        else return usage_error("invalid --format value '%s' (expected jsonl, csv, tsv, plover or table)", f);
        return EXIT_OK;
    }
    return EXIT_USAGE;
}

static int write_normalized(const rasid_doc *doc, int *last_nl)
{
    size_t n;
    const char *p = rasid_doc_normalized(doc, &n, NULL, NULL);
    if (n == 0) return 0;
    if (*last_nl == 0) fputc('\n', stdout); /* keep documents apart */
    if (fwrite(p, 1, n, stdout) != n) return -1;
    *last_nl = p[n - 1] == '\n';
    return 0;
}

/* ------------------------------------------------------------ the document loop
 *
 * Each input becomes a job: read (a document, or only a message about an input that
 * could not be read), then analysed and rendered, then written. With --jobs 1 all of it
 * happens here, one document at a time. With N > 1 a reader thread reads, N workers (each
 * with its own analyser; the lexicon is shared, read-only) analyse and render into
 * memory, and this thread writes the jobs in input order: the output and the messages are
 * the same as with one job. Jobs travel in batches; at most 2N + 2 batches are in flight. */
typedef struct job {
    rasid_doc *doc; /* NULL: a message about the input only */
    long line;      /* JSON Lines record number, or 0 */
    char *msg;      /* lines for stderr (malloc'd), or NULL */
    int status;     /* the exit status it sets (0: none) */
    int fatal;      /* out of memory: stop after it */
} job;

typedef struct loop {
    const options *o;
    rasid_format fmt;
    int multi;
    const rasid_lexicon *lex;
    rasid_input *in;
} loop;

static void job_msg(job *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void job_msg(job *j, const char *fmt, ...)
{
    char line[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t old = j->msg ? strlen(j->msg) : 0, add = strlen(line);
    char *m = realloc(j->msg, old + add + 1);
    if (!m) return;
    memcpy(m + old, line, add + 1);
    j->msg = m;
}

/* Read the next input into *j: 0 at the end. */
static int read_job(const loop *L, job *j)
{
    memset(j, 0, sizeof *j);
    char err[1024];
    rasid_doc *doc = NULL;
    int r = rasid_input_next(L->in, &doc, err, sizeof err);
    if (r == 0) return 0;
    if (r < 0) {
        if (r == RASID_EMPTY) {
            job_msg(j, "rasid: warning: %s\n", err);
            return 1;
        }
        job_msg(j, "rasid: %s\n", err[0] ? err : rasid_strerror(r));
        j->status = r == RASID_NOMEM ? EXIT_INTERNAL : EXIT_INPUT;
        j->fatal = r == RASID_NOMEM;
        return 1;
    }
    if (err[0]) {
        job_msg(j, "rasid: %s\n", err);
        j->status = EXIT_INPUT;
    }
    rasid_input_where(L->in, &j->line);
    j->doc = doc;
    return 1;
}

/* Analyse j's document (through analyser an) and render it into f; the document is freed.
 * With last_nl, normalised text is written with write_normalized (f is stdout);
 * without, as it is (the writer separates documents). Returns the rendering's status. */
static int work_job(const loop *L, rasid_analyser *an, job *j, FILE *f, int *last_nl)
{
    rasid_doc *doc = j->doc;
    if (!doc) return RASID_OK;
    j->doc = NULL;
    int rc = rasid_doc_use(doc, an);
    if (rc == RASID_OK) switch (L->o->cmd) {
        case CMD_TOKENS: rc = rasid_doc_segment(doc, RASID_NORM_DEFAULT); break;
        /* the normalised text only: the light stems would be computed for nothing */
        case CMD_NORMALIZE: rc = rasid_doc_segment(doc, RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS); break;
        case CMD_ENTITIES: rc = rasid_doc_recognise(doc, L->lex); break;
        default: rc = rasid_doc_code(doc, L->lex); break;
        }
    if (rc != RASID_OK) {
        const char *m = rasid_doc_errmsg(doc);
        if (m && *m) job_msg(j, "rasid: %s\n", m);
        else job_msg(j, "rasid: %s: %s\n", rasid_doc_id(doc), rasid_strerror(rc));
        j->status = rc == RASID_NOMEM ? EXIT_INTERNAL : EXIT_INPUT;
        j->fatal = rc == RASID_NOMEM;
        rasid_doc_free(doc);
        return RASID_OK;
    }
    if ((L->multi || j->line > 0) && L->fmt == RASID_FMT_TABLE &&
        (L->o->cmd == CMD_TOKENS || L->o->cmd == CMD_ENTITIES))
        fprintf(f, "# %s\n", rasid_doc_id(doc));
    switch (L->o->cmd) {
    case CMD_TOKENS: rc = rasid_write_tokens(f, doc, L->fmt); break;
    case CMD_ENTITIES: rc = rasid_write_mentions(f, doc, L->fmt); break;
    case CMD_EXTRACT: rc = rasid_write_events(f, doc, L->fmt, 0); break;
    case CMD_NORMALIZE:
        if (last_nl) {
            rc = write_normalized(doc, last_nl) ? RASID_IO : RASID_OK;
        } else {
            size_t n;
            const char *p = rasid_doc_normalized(doc, &n, NULL, NULL);
            rc = fwrite(p, 1, n, f) == n ? RASID_OK : RASID_IO;
        }
        break;
    }
    rasid_doc_free(doc);
    return rc;
}

static void put_msg(job *j)
{
    if (j->msg) fputs(j->msg, stderr);
    free(j->msg);
    j->msg = NULL;
}

/* --jobs 1: everything on this thread */
static int run_here(const loop *L, rasid_analyser *an)
{
    int status = EXIT_OK, last_nl = 1;
    job j;
    while (read_job(L, &j)) {
        put_msg(&j);
        if (j.status) status = j.status;
        if (j.fatal) break;
        int rc = work_job(L, an, &j, stdout, &last_nl);
        put_msg(&j);
        if (j.status) status = j.status;
        if (j.fatal) break;
        check_write(rc);
    }
    return status;
}

enum { J_FREE, J_READ, J_TAKEN, J_DONE };

/* With N > 1 jobs travel in batches: a hand-over between threads costs a few futex calls
 * and context switches, as much as analysing a short article. A batch closes when it has
 * BATCH_DOCS documents or BATCH_BYTES of text, or at once when a worker is waiting for
 * work (a slow input, such as a pipe fed by hand, is not held back). */
enum { BATCH_DOCS = 32, BATCH_BYTES = 256 * 1024 };

typedef struct batch {
    job items[BATCH_DOCS];
    size_t n;
    size_t ends[BATCH_DOCS]; /* end of each item's output in out */
    char *out;               /* the batch's rendered output (malloc'd) */
    size_t outlen;
} batch;

typedef struct pool {
    const loop *L;
    pthread_mutex_t mu;
    pthread_cond_t more; /* a batch to take, or the end */
    pthread_cond_t done; /* a batch is done */
    pthread_cond_t room; /* a slot is free */
    batch *ring;
    unsigned char *state;
    size_t cap;
    size_t read, taken, written; /* counts of batches read, taken by workers, written */
    size_t idle;                 /* workers waiting for a batch */
    int eof, stop;
} pool;

static void batch_clear(batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        rasid_doc_free(b->items[i].doc);
        free(b->items[i].msg);
    }
    free(b->out);
    memset(b, 0, sizeof *b);
}

/* Read one batch into *b: 0 when there was nothing left to read. */
static int read_batch(pool *P, batch *b)
{
    size_t bytes = 0;
    b->n = 0;
    while (b->n < BATCH_DOCS && bytes < BATCH_BYTES) {
        job *j = &b->items[b->n];
        if (!read_job(P->L, j)) break;
        b->n++;
        if (j->fatal) break; /* out of memory: read no more */
        if (j->doc) {
            size_t len;
            rasid_doc_text(j->doc, &len);
            bytes += len;
        }
        pthread_mutex_lock(&P->mu);
        int hungry = P->idle > 0 && P->taken == P->read;
        pthread_mutex_unlock(&P->mu);
        if (hungry) break;
    }
    return b->n > 0;
}

static void *reader_main(void *arg)
{
    pool *P = arg;
    for (;;) {
        pthread_mutex_lock(&P->mu);
        while (!P->stop && P->read - P->written >= P->cap) pthread_cond_wait(&P->room, &P->mu);
        int stop = P->stop;
        size_t k = P->read % P->cap; /* free: read - written < cap */
        pthread_mutex_unlock(&P->mu);
        batch *b = &P->ring[k];
        int more = !stop && read_batch(P, b);
        int fatal = more && b->items[b->n - 1].fatal;
        pthread_mutex_lock(&P->mu);
        if (!more || P->stop) {
            if (more) batch_clear(b); /* stopped while reading: drop it */
            P->eof = 1;
            pthread_cond_broadcast(&P->more);
            pthread_cond_broadcast(&P->done);
            pthread_mutex_unlock(&P->mu);
            return NULL;
        }
        P->state[k] = J_READ;
        P->read++;
        if (fatal) P->eof = 1; /* out of memory: read no more */
        pthread_cond_signal(&P->more);
        if (fatal) pthread_cond_broadcast(&P->more);
        pthread_mutex_unlock(&P->mu);
        if (fatal) return NULL;
    }
}

/* Analyse and render a batch's documents in order; after an out-of-memory item the
 * rest are not analysed (the writer stops there). */
static void work_batch(pool *P, rasid_analyser *an, batch *b)
{
    FILE *f = open_memstream(&b->out, &b->outlen);
    for (size_t i = 0; i < b->n; i++) {
        job *j = &b->items[i];
        if (j->fatal) break;
        int rc = f ? work_job(P->L, an, j, f, NULL) : RASID_NOMEM;
        if (f && fflush(f) != 0) rc = RASID_NOMEM;
        if (!f) { /* not analysed: freed here */
            rasid_doc_free(j->doc);
            j->doc = NULL;
        }
        b->ends[i] = f ? b->outlen : 0;
        if (rc != RASID_OK) { /* rendering into memory fails only for want of it */
            job_msg(j, "rasid: out of memory\n");
            j->status = EXIT_INTERNAL;
            j->fatal = 1;
        }
        if (j->fatal) break;
    }
    if (f && fclose(f) != 0 && b->n) { /* the last bytes could not be kept */
        job *j = &b->items[b->n - 1];
        if (!j->fatal) {
            job_msg(j, "rasid: out of memory\n");
            j->status = EXIT_INTERNAL;
            j->fatal = 1;
        }
    }
    if (!f) b->out = NULL, b->outlen = 0;
}

static void *worker_main(void *arg)
{
    pool *P = arg;
    rasid_analyser *an = rasid_analyser_new(P->L->lex); /* NULL: works without caches */
    for (;;) {
        pthread_mutex_lock(&P->mu);
        P->idle++;
        while (!P->stop && P->taken == P->read && !P->eof) pthread_cond_wait(&P->more, &P->mu);
        P->idle--;
        if (P->stop || P->taken == P->read) {
            pthread_mutex_unlock(&P->mu);
            break;
        }
        size_t k = P->taken++ % P->cap;
        P->state[k] = J_TAKEN;
        batch *b = &P->ring[k];
        pthread_mutex_unlock(&P->mu);
        work_batch(P, an, b);
        pthread_mutex_lock(&P->mu);
        P->state[k] = J_DONE;
        pthread_cond_broadcast(&P->done);
        pthread_mutex_unlock(&P->mu);
    }
    rasid_analyser_free(an);
    return NULL;
}

/* --jobs N > 1: a reader, N workers, and this thread writing in input order */
static int run_threads(const loop *L)
{
    pool P;
    memset(&P, 0, sizeof P);
    P.L = L;
    size_t nw = (size_t)L->o->jobs;
    P.cap = 2 * nw + 2;
    P.ring = calloc(P.cap, sizeof *P.ring);
    P.state = calloc(P.cap, 1);
    pthread_t *tw = calloc(nw, sizeof *tw);
    pthread_t tr;
    if (!P.ring || !P.state || !tw) {
        fputs("rasid: out of memory\n", stderr);
        exit(EXIT_INTERNAL);
    }
    pthread_mutex_init(&P.mu, NULL);
    pthread_cond_init(&P.more, NULL);
    pthread_cond_init(&P.done, NULL);
    pthread_cond_init(&P.room, NULL);
    size_t started = 0;
    int have_reader = pthread_create(&tr, NULL, reader_main, &P) == 0;
    while (have_reader && started < nw && pthread_create(&tw[started], NULL, worker_main, &P) == 0) started++;
    if (!have_reader || !started) {
        fputs("rasid: cannot start threads\n", stderr);
        exit(EXIT_INTERNAL);
    }
    int status = EXIT_OK, last_nl = 1, fatal = 0;
    while (!fatal) {
        pthread_mutex_lock(&P.mu);
        while (!(P.written < P.read && P.state[P.written % P.cap] == J_DONE) && !(P.eof && P.written == P.read))
            pthread_cond_wait(&P.done, &P.mu);
        if (P.written == P.read) { /* the end */
            pthread_mutex_unlock(&P.mu);
            break;
        }
        batch *b = &P.ring[P.written % P.cap];
        pthread_mutex_unlock(&P.mu);
        size_t from = 0;
        for (size_t i = 0; i < b->n && !fatal; i++) {
            job *j = &b->items[i];
            put_msg(j);
            if (j->status) status = j->status;
            fatal = j->fatal;
            size_t to = b->ends[i] > from ? b->ends[i] : from;
            if (to > from) {
                if (L->o->cmd == CMD_NORMALIZE) { /* keep documents apart, as write_normalized */
                    if (!last_nl) fputc('\n', stdout);
                    last_nl = b->out[to - 1] == '\n';
                }
                check_write(fwrite(b->out + from, 1, to - from, stdout) == to - from ? RASID_OK : RASID_IO);
            }
            from = to;
        }
        batch_clear(b);
        pthread_mutex_lock(&P.mu);
        P.state[P.written % P.cap] = J_FREE;
        P.written++;
        if (fatal) P.stop = 1;
        pthread_cond_broadcast(&P.room);
        if (fatal) pthread_cond_broadcast(&P.more);
        pthread_mutex_unlock(&P.mu);
    }
    pthread_join(tr, NULL);
    for (size_t i = 0; i < started; i++) pthread_join(tw[i], NULL);
    for (size_t k = 0; k < P.cap; k++) batch_clear(&P.ring[k]); /* what a stop left behind */
    pthread_mutex_destroy(&P.mu);
    pthread_cond_destroy(&P.more);
    pthread_cond_destroy(&P.done);
    pthread_cond_destroy(&P.room);
    free(P.ring);
    free(P.state);
    free(tw);
    return status;
}

static int run(options *o)
{
    rasid_format fmt = RASID_FMT_JSONL;
    int st = format_of(o, &fmt);
    if (st) return st;

    rasid_lexicon *lex = NULL;
    if (o->cmd == CMD_ENTITIES || o->cmd == CMD_EXTRACT) {
        char buf[PATH_MAX + 64];
        const char *dir = rasid_data_dir(o->data, buf, sizeof buf);
        if (!is_dir(dir)) {
            fprintf(stderr, "rasid: data directory %s: %s\n", dir,
                    access(dir, F_OK) == 0 ? "Not a directory" : "No such file or directory");
            return EXIT_DATA;
        }
        char err[1024] = "";
        lex = rasid_lexicon_load(dir, err, sizeof err);
        if (!lex) {
            fprintf(stderr, "rasid: %s\n", err[0] ? err : "cannot load the dictionaries");
            return EXIT_DATA;
        }
    }

    /* Is more than one document possible? Then text listings get "# id" headers. */
    int multi = o->npaths > 1;
    for (size_t i = 0; i < o->npaths && !multi; i++)
        if (strcmp(o->paths[i], "-") != 0 && is_dir(o->paths[i])) multi = 1;

    rasid_input *in = rasid_input_open(o->paths, o->npaths, o->published);
    /* one analyser for the run: what depends on a word alone is worked out once */
    rasid_analyser *an = in ? rasid_analyser_new(lex) : NULL;
    if (!in || !an) {
        rasid_input_close(in);
        rasid_lexicon_free(lex);
        fputs("rasid: out of memory\n", stderr);
        return EXIT_INTERNAL;
    }

    if (o->cmd == CMD_EXTRACT && (fmt == RASID_FMT_CSV || fmt == RASID_FMT_TSV || fmt == RASID_FMT_TABLE)) {
        rasid_doc *empty = rasid_doc_new("", "", 0, NULL);
        if (!empty) {
            fputs("rasid: out of memory\n", stderr);
            exit(EXIT_INTERNAL);
        }
        check_write(rasid_write_events(stdout, empty, fmt, 1));
        rasid_doc_free(empty);
    }

    loop L = {o, fmt, multi, lex, in};
    int status = o->jobs > 1 ? run_threads(&L) : run_here(&L, an);
    rasid_input_close(in);
    rasid_analyser_free(an);
    rasid_lexicon_free(lex);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        int s = out_status();
        if (s) status = status ? status : s;
    }
    return status;
}

static const char *DICT_HELP =
    "Usage: rasid dict compile [--data DIR] [-o FILE]\n"
    "\n"
    "Compile the dictionaries (the TSV files of the data directory) and write their binary\n"
    "form. Every command that loads the dictionaries maps that file when it is up to date\n"
    "and otherwise compiles the TSV files and rewrites it, so this is never required: it\n"
    "does ahead of time what the first run after an edit would do.\n"
    "\n"
    "Options:\n"
    "  --data DIR   dictionary directory (default: $RASID_DATA, else the data/ directory of\n"
    "               the source tree or installation)\n"
    "  -o FILE      write the binary form to FILE instead of the cache file\n"
    "  -h, --help   show this help\n"
    "\n"
    "Environment:\n"
    "  RASID_CACHE_DIR  the cache directory (default: ${XDG_CACHE_HOME:-$HOME/.cache}/rasid)\n"
    "  RASID_CACHE=off  never read or write the cache: every load compiles the TSV files\n"
    "\n";

/* rasid dict compile [--data DIR] [-o FILE] */
static int cmd_dict(int argc, char **argv)
{
    if (argc < 3 || !strcmp(argv[2], "-h") || !strcmp(argv[2], "--help")) {
        fputs(DICT_HELP, argc < 3 ? stderr : stdout);
        return argc < 3 ? EXIT_USAGE : out_status();
    }
    if (strcmp(argv[2], "compile") != 0) return usage_error("dict: unknown subcommand '%s'", argv[2]);
    const char *data = NULL, *out = NULL;
    for (int i = 3; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        size_t optlen = 0;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(DICT_HELP, stdout);
            return out_status();
        }
        if (!strncmp(a, "--data", 6) && (a[6] == 0 || a[6] == '=')) { slot = &data; optlen = 6; }
        else if (!strcmp(a, "-o") || !strncmp(a, "--output", 8)) { slot = &out; optlen = a[1] == 'o' ? 2 : 8; }
        else return usage_error("dict compile: unknown argument '%s'", a);
        if (a[optlen] == '=') *slot = a + optlen + 1;
        else if (a[optlen] == 0 && i + 1 < argc) *slot = argv[++i];
        else return usage_error("dict compile: option '%s' needs a value", a);
    }
    char buf[PATH_MAX + 64];
    const char *dir = rasid_data_dir(data, buf, sizeof buf);
    if (!is_dir(dir)) {
        fprintf(stderr, "rasid: data directory %s: %s\n", dir,
                access(dir, F_OK) == 0 ? "Not a directory" : "No such file or directory");
        return EXIT_DATA;
    }
    char err[1024] = "";
    size_t n = 0;
    int rc = rasid_lexicon_compile(dir, out, err, sizeof err, &n);
    if (rc != RASID_OK) {
        fprintf(stderr, "rasid: dict compile: %s\n", err[0] ? err : rasid_strerror(rc));
        return rc == RASID_DATA ? EXIT_DATA : rc == RASID_ARG ? EXIT_USAGE : EXIT_INPUT;
    }
    fprintf(stderr, "rasid: dict compile: %zu entries from %s\n", n, dir);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    static char outbuf[1 << 16];
    setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);

    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *c = argv[1];
    if (strcmp(c, "-h") == 0 || strcmp(c, "--help") == 0 || strcmp(c, "help") == 0) {
        usage(stdout);
        return out_status();
    }
    if (strcmp(c, "-V") == 0 || strcmp(c, "--version") == 0) {
        printf("rasid %s\n", RASID_VERSION);
        return out_status();
    }
    int store_st = rasid_cli_store(argc, argv); /* cmd_store.c: ingest, events, search, ... */
    if (store_st >= 0) return store_st;
    if (strcmp(c, "watch") == 0) return rasid_cmd_watch(argc, argv); /* cmd_watch.c */
    if (strcmp(c, "serve") == 0) return rasid_cmd_serve(argc, argv); /* cmd_serve.c */
    if (strcmp(c, "dict") == 0) return cmd_dict(argc, argv);
    options o = {0};
    o.name = c;
    o.jobs = 1;
    if (strcmp(c, "tokens") == 0) o.cmd = CMD_TOKENS;
    else if (strcmp(c, "normalize") == 0 || strcmp(c, "normalise") == 0) o.cmd = CMD_NORMALIZE;
    else if (strcmp(c, "entities") == 0) o.cmd = CMD_ENTITIES;
    else if (strcmp(c, "extract") == 0) o.cmd = CMD_EXTRACT;
    else if (c[0] == '-') return usage_error("unknown option '%s'", c);
    else return usage_error("unknown command '%s'", c);

    int st = parse_args(argc, argv, &o);
    if (st == EXIT_OK) st = run(&o);
    free(o.paths);
    return st;
}
