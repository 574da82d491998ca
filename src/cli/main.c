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
#include <signal.h>
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
        fputs("Usage: rasid tokens [FILE...|DIR|-] [--format text|jsonl]\n"
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
              "  -h, --help      show this help\n\n",
              stdout);
        break;
    case CMD_NORMALIZE:
        fputs("Usage: rasid normalize [FILE...|DIR|-]\n"
              "\n"
              "Write the normalised text used for matching: tashkeel and tatweel removed, alef\n"
              "forms unified, alef maqsura as yeh, teh marbuta as heh, Arabic-Indic digits as\n"
              "ASCII, presentation forms as base letters, spaces and quote marks unified.\n"
              "\n"
              "Options:\n"
              "  -h, --help      show this help\n\n",
              stdout);
        break;
    case CMD_ENTITIES:
        fputs("Usage: rasid entities [FILE...|DIR|-] [--published YYYY-MM-DD] [--format text|jsonl]\n"
              "                      [--data DIR]\n"
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
              "  -h, --help          show this help\n\n",
              stdout);
        break;
    case CMD_EXTRACT:
        fputs("Usage: rasid extract [FILE...|DIR|-] [--published YYYY-MM-DD]\n"
              "                     [--format jsonl|csv|tsv|plover|table] [--data DIR]\n"
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
        const char *opt = a;
        size_t optlen = strlen(a);
        const char *eq = strchr(a, '=');
        if (eq && strncmp(a, "--", 2) == 0) optlen = (size_t)(eq - a);
        if (optlen == 8 && strncmp(opt, "--format", 8) == 0 && o->cmd != CMD_NORMALIZE) slot = &o->format;
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

    int status = EXIT_OK;
    int last_nl = 1;
    char err[1024];
    for (;;) {
        rasid_doc *doc = NULL;
        int r = rasid_input_next(in, &doc, err, sizeof err);
        if (r == 0) break;
        if (r < 0) {
            if (r == RASID_EMPTY) {
                fprintf(stderr, "rasid: warning: %s\n", err);
                continue;
            }
            fprintf(stderr, "rasid: %s\n", err[0] ? err : rasid_strerror(r));
            if (r == RASID_NOMEM) {
                status = EXIT_INTERNAL;
                break;
            }
            status = EXIT_INPUT;
            continue;
        }
        if (err[0]) {
            fprintf(stderr, "rasid: %s\n", err);
            status = EXIT_INPUT;
        }
        long line = 0;
        rasid_input_where(in, &line);
        int rc = rasid_doc_use(doc, an);
        if (rc == RASID_OK) switch (o->cmd) {
        case CMD_TOKENS: rc = rasid_doc_segment(doc, RASID_NORM_DEFAULT); break;
        /* the normalised text only: the light stems would be computed for nothing */
        case CMD_NORMALIZE: rc = rasid_doc_segment(doc, RASID_NORM_DEFAULT | RASID_SEG_NO_STEMS); break;
        case CMD_ENTITIES: rc = rasid_doc_recognise(doc, lex); break;
        default: rc = rasid_doc_code(doc, lex); break;
        }
        if (rc != RASID_OK) {
            const char *m = rasid_doc_errmsg(doc);
            if (m && *m) fprintf(stderr, "rasid: %s\n", m);
            else fprintf(stderr, "rasid: %s: %s\n", rasid_doc_id(doc), rasid_strerror(rc));
            rasid_doc_free(doc);
            if (rc == RASID_NOMEM) {
                status = EXIT_INTERNAL;
                break;
            }
            status = EXIT_INPUT;
            continue;
        }
        if ((multi || line > 0) && fmt == RASID_FMT_TABLE &&
            (o->cmd == CMD_TOKENS || o->cmd == CMD_ENTITIES))
            printf("# %s\n", rasid_doc_id(doc));
        switch (o->cmd) {
        case CMD_TOKENS: rc = rasid_write_tokens(stdout, doc, fmt); break;
        case CMD_ENTITIES: rc = rasid_write_mentions(stdout, doc, fmt); break;
        case CMD_EXTRACT: rc = rasid_write_events(stdout, doc, fmt, 0); break;
        case CMD_NORMALIZE: rc = write_normalized(doc, &last_nl) ? RASID_IO : RASID_OK; break;
        }
        rasid_doc_free(doc);
        check_write(rc);
    }
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
