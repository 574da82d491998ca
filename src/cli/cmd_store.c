/*
 * cmd_store.c — the archive commands of `rasid`, a thin client of rasid_store.h:
 *
 *   rasid ingest    [FILE...|DIR|-] [--db PATH] [--published DATE] [--data DIR] [--batch N]
 *   rasid reprocess [--db PATH] [--data DIR]
 *   rasid events    [--type T] [--actor NAME] [--country ISO3] [--near PLACE:KM]
 *                   [--since D] [--until D] [--limit N] [--format table|jsonl|csv|geojson]
 *   rasid search    "QUERY" [--limit N] [--format table|jsonl]
 *   rasid show      EVENT_ID [--format table|jsonl]
 *   rasid actors    [--limit N] [--format table|jsonl]
 *   rasid stats     [--check] [--format table|jsonl]
 *   rasid graph     [--format graphml|dot|jsonl]
 *   rasid export    --format acled-csv|gdelt-tsv|plover|geojson|jsonl [filters as events]
 *
 * Every command takes --db PATH (default $RASID_DB, else ./rasid.db). Listings are a
 * readable table on a terminal and JSON Lines when piped, unless --format says otherwise.
 * main.c hands over any of these command names to rasid_cli_store().
 */
#include "rasid.h"
#include "rasid_store.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { XS_OK = 0, XS_INPUT = 1, XS_USAGE = 2, XS_DATA = 3, XS_INTERNAL = 4 };

typedef enum {
    C_INGEST, C_REPROCESS, C_EVENTS, C_SEARCH, C_SHOW, C_ACTORS, C_STATS, C_GRAPH, C_EXPORT
} cmd;

/* Options and the commands that take them (bit per cmd). */
#define B(c) (1u << (c))
#define ALL 0x1FFu
#define LISTING (B(C_EVENTS) | B(C_EXPORT))

typedef struct opt_def {
    const char *name;
    unsigned cmds;
    int flag; /* takes no value */
} opt_def;

static const opt_def OPTS[] = {
    {"--db", ALL, 0},
    {"--format", ALL & ~(B(C_INGEST) | B(C_REPROCESS)), 0},
    {"--data", B(C_INGEST) | B(C_REPROCESS), 0},
    {"--published", B(C_INGEST), 0},
    {"--batch", B(C_INGEST), 0},
    {"--limit", LISTING | B(C_SEARCH) | B(C_ACTORS), 0},
    {"--type", LISTING, 0},
    {"--actor", LISTING, 0},
    {"--country", LISTING, 0},
    {"--near", LISTING, 0},
    {"--since", LISTING, 0},
    {"--until", LISTING, 0},
    {"--check", B(C_STATS), 1},
    {"--quiet", B(C_INGEST) | B(C_REPROCESS), 1},
};
#define NOPTS (sizeof OPTS / sizeof OPTS[0])

typedef struct sopts {
    cmd c;
    const char *name;
    const char *val[NOPTS];
    const char **args;
    size_t nargs;
} sopts;

static const char *opt(const sopts *o, const char *name)
{
    for (size_t i = 0; i < NOPTS; i++)
        if (strcmp(OPTS[i].name, name) == 0) return o->val[i];
    return NULL;
}

static const char *HELP_TAIL =
    "Common options:\n"
    "  --db PATH        the archive (default: $RASID_DB, else ./rasid.db)\n"
    "  --format F       output format; a readable table on a terminal, jsonl when piped\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  input errors (an input could not be read or stored; no such event), or the\n"
    "     output could not be written\n"
    "  2  usage error: unknown option, bad option value\n"
    "  3  the store cannot be opened, is corrupt or is not a rasid store; or the\n"
    "     dictionaries could not be loaded\n"
    "  4  out of memory or internal (database) error\n";

static void help(cmd c)
{
    static const char *const text[] = {
        /* ingest */
        "Usage: rasid ingest [FILE...|DIR|-] [--db PATH] [--published DATE] [--data DIR]\n"
        "                    [--batch N] [--quiet]\n\n"
        "Code each document's events and store the document, its entity mentions and its\n"
        "events in the archive; reports of one real-world event from several articles become\n"
        "one event. Inputs are whatever the input reader takes (text, JSON Lines with id,\n"
        "url, title, published, text; directories; - for standard input). An article already\n"
        "stored (same URL, or same text) is skipped, so re-running an ingest adds nothing.\n"
        "Documents are committed in batches of N (default 500, and at least every 2 s).\n"
        "On a terminal a progress line shows articles/s and events found.\n\n",
        /* reprocess */
        "Usage: rasid reprocess [--db PATH] [--data DIR] [--quiet]\n\n"
        "Re-code every stored article with the current dictionaries and rebuild mentions,\n"
        "events, actors and places in one transaction. Deterministic: the same articles and\n"
        "dictionaries give the same events and ids.\n\n",
        /* events */
        "Usage: rasid events [--type T] [--actor NAME] [--country ISO3] [--near PLACE:KM]\n"
        "                    [--since D] [--until D] [--limit N] [--format table|jsonl|csv|geojson]\n\n"
        "List the stored events, by date. Filters:\n"
        "  --type T         a PLOVER type (ASSAULT, PROTEST, ...)\n"
        "  --actor NAME     an actor or recipient: English name (substring), QID, or Arabic\n"
        "  --country ISO3   the country of the event's place (e.g. SYR)\n"
        "  --near PLACE:KM  within KM km of a place named in the archive, or LAT,LON:KM\n"
        "  --since D, --until D   YYYY, YYYY-MM or YYYY-MM-DD\n"
        "Formats: table, jsonl (SCHEMA records plus a \"store\" object), csv (ACLED), geojson.\n\n",
        /* search */
        "Usage: rasid search \"QUERY\" [--limit N] [--format table|jsonl]\n\n"
        "Full-text search of the stored articles, ranked by bm25, with the matching words\n"
        "marked in a snippet. Arabic words match their forms with clitics (الجزائر finds\n"
        "والجزائر, بالجزائر); FTS5 syntax works (\"a phrase\", OR, NOT, prefix*). English\n"
        "names of stored actors and places (Aleppo, Islamic State) find the articles that\n"
        "mention them. --limit defaults to 20.\n\n",
        /* show */
        "Usage: rasid show EVENT_ID [--format table|jsonl]\n\n"
        "One event with every report of it: document, URL, date, place, actors, counts as\n"
        "that source gave them, and the evidence sentence.\n\n",
        /* actors */
        "Usage: rasid actors [--limit N] [--format table|jsonl]\n\n"
        "The actors of the stored events, most active first.\n\n",
        /* stats */
        "Usage: rasid stats [--check] [--format table|jsonl]\n\n"
        "Counts of documents, mentions, events, reports, actors and places. --check also\n"
        "verifies the file (PRAGMA integrity_check and the search index) and exits 3 if\n"
        "it is damaged.\n\n",
        /* graph */
        "Usage: rasid graph [--format graphml|dot|jsonl]\n\n"
        "The actor network: nodes are actors, edges go from actor to recipient, one per\n"
        "PLOVER quad class (verbal/material cooperation/conflict), weighted by the number of\n"
        "events. Default graphml.\n\n",
        /* export */
        "Usage: rasid export --format acled-csv|gdelt-tsv|plover|geojson|jsonl [filters]\n\n"
        "Write the stored events for other tools: ACLED CSV, GDELT event TSV, PLOVER JSON,\n"
        "a GeoJSON FeatureCollection (events with coordinates), or SCHEMA JSON Lines. Takes\n"
        "the filters of 'rasid events'.\n\n",
    };
    fputs(text[c], stdout);
    fputs(HELP_TAIL, stdout);
}

static int usage_err(const char *fmt, const char *a)
{
    fputs("rasid: ", stderr);
    fprintf(stderr, fmt, a);
    fputs("\nTry 'rasid --help' for more information.\n", stderr);
    return XS_USAGE;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}


static int load_lexicon(const sopts *o, rasid_lexicon **lex)
{
    char buf[PATH_MAX + 64], err[1024] = "";
    const char *dir = rasid_data_dir(opt(o, "--data"), buf, sizeof buf);
    if (!is_dir(dir)) {
        fprintf(stderr, "rasid: data directory %s: %s\n", dir,
                access(dir, F_OK) == 0 ? "Not a directory" : "No such file or directory");
        return XS_DATA;
    }
    *lex = rasid_lexicon_load(dir, err, sizeof err);
    if (!*lex) {
        fprintf(stderr, "rasid: %s\n", err[0] ? err : "cannot load the dictionaries");
        return XS_DATA;
    }
    return XS_OK;
}

static int exit_of(int rc)
{
    switch (rc) {
    case RASID_OK: return XS_OK;
    case RASID_NOMEM: return XS_INTERNAL;
    case RASID_IO:
    case RASID_CORRUPT: return XS_DATA;
    case RASID_ARG: return XS_USAGE;
    case RASID_NOTFOUND: return XS_INPUT;
    default: return XS_INTERNAL;
    }
}

static int store_fail(rasid_store *st, int rc)
{
    if (rc == RASID_IO && errno == EPIPE) return XS_OK;
    if (rc == RASID_IO && ferror(stdout)) {
        if (errno == EPIPE) return XS_OK;
        fprintf(stderr, "rasid: write error: %s\n", strerror(errno));
        return XS_INPUT;
    }
    const char *m = st ? rasid_store_errmsg(st) : "";
    fprintf(stderr, "rasid: %s\n", m && *m ? m : rasid_strerror(rc));
    return exit_of(rc);
}

static int open_store(const sopts *o, unsigned flags, rasid_store **st)
{
    char err[1024];
    int rc = rasid_store_open(opt(o, "--db"), flags, st, err, sizeof err);
    if (rc) {
        fprintf(stderr, "rasid: %s\n", err[0] ? err : rasid_strerror(rc));
        return rc == RASID_NOMEM ? XS_INTERNAL : XS_DATA;
    }
    return XS_OK;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int parse_long(const char *s, long *v)
{
    char *end;
    errno = 0;
    long x = strtol(s, &end, 10);
    if (end == s || *end || errno || x < 0) return -1;
    *v = x;
    return 0;
}

static int valid_day(const char *s)
{
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int m = atoi(s + 5), d = atoi(s + 8);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* ------------------------------------------------------------ ingest */
static int cmd_ingest(const sopts *o)
{
    long batch = 500;
    const char *b = opt(o, "--batch");
    if (b && (parse_long(b, &batch) || batch < 1)) return usage_err("invalid --batch value '%s'", b);
    const char *pub = opt(o, "--published");
    if (pub && !valid_day(pub)) return usage_err("invalid --published value '%s' (expected a date YYYY-MM-DD)", pub);
    rasid_lexicon *lex = NULL;
    int x = load_lexicon(o, &lex);
    if (x) return x;
    rasid_store *st = NULL;
    if ((x = open_store(o, RASID_STORE_CREATE, &st))) {
        rasid_lexicon_free(lex);
        return x;
    }
    rasid_input *in = rasid_input_open(o->args, o->nargs, pub);
    rasid_analyser *an = in ? rasid_analyser_new(lex) : NULL; /* caches across documents */
    if (!in || !an) {
        rasid_input_close(in);
        rasid_store_close(st);
        rasid_lexicon_free(lex);
        fputs("rasid: out of memory\n", stderr);
        return XS_INTERNAL;
    }
    int progress = isatty(STDERR_FILENO) && !opt(o, "--quiet");
    size_t seen = 0, added = 0, events = 0, merged = 0, in_batch = 0;
    unsigned long long bytes = 0;
    double t0 = now_s(), last_commit = t0, last_show = 0;
    int status = XS_OK, rc = rasid_store_begin(st);
    char err[1024];
    while (rc == RASID_OK) {
        rasid_doc *doc = NULL;
        int r = rasid_input_next(in, &doc, err, sizeof err);
        if (r == 0) break;
        if (r < 0) {
            if (r == RASID_EMPTY) {
                fprintf(stderr, "%srasid: warning: %s\n", progress ? "\r\033[K" : "", err);
                continue;
            }
            fprintf(stderr, "%srasid: %s\n", progress ? "\r\033[K" : "", err[0] ? err : rasid_strerror(r));
            if (r == RASID_NOMEM) {
                status = XS_INTERNAL;
                break;
            }
            status = XS_INPUT;
            continue;
        }
        if (err[0]) {
            fprintf(stderr, "%srasid: %s\n", progress ? "\r\033[K" : "", err);
            status = XS_INPUT;
        }
        rasid_store_added res;
        size_t len;
        rasid_doc_text(doc, &len);
        rasid_doc_use(doc, an);
        int a = rasid_store_add(st, doc, lex, &res);
        rasid_doc_free(doc);
        seen++;
        bytes += len;
        if (a != RASID_OK) {
            fprintf(stderr, "%srasid: %s\n", progress ? "\r\033[K" : "", rasid_store_errmsg(st));
            if (a == RASID_NOMEM || a == RASID_STORE || a == RASID_CORRUPT || a == RASID_IO) {
                rc = a;
                break;
            }
            status = XS_INPUT;
            continue;
        }
        added += (size_t)res.added;
        events += res.events;
        merged += res.merged;
        in_batch++;
        double t = now_s();
        if (in_batch >= (size_t)batch || t - last_commit >= 2.0) {
            if ((rc = rasid_store_commit(st)) || (rc = rasid_store_begin(st))) break;
            in_batch = 0;
            last_commit = t;
        }
        if (progress && t - last_show >= 0.25) {
            double el = t - t0 > 1e-9 ? t - t0 : 1e-9;
            fprintf(stderr, "\r\033[Krasid: %zu articles (%zu new), %.0f articles/s, %.2f MB/s, %zu events (%zu merged)",
                    seen, added, seen / el, bytes / el / 1e6, events, merged);
            last_show = t;
        }
    }
    if (rc == RASID_OK) rc = rasid_store_commit(st);
    else rasid_store_rollback(st); /* a database error: keep what earlier batches committed */
    if (progress) {
        double el = now_s() - t0;
        if (el < 1e-9) el = 1e-9;
        fprintf(stderr, "\r\033[Krasid: %zu articles (%zu new, %zu already stored), %.0f articles/s, %zu events (%zu merged)\n",
                seen, added, seen - added, seen / el, events, merged);
    }
    if (rc != RASID_OK) status = store_fail(st, rc);
    rasid_input_close(in);
    rasid_analyser_free(an);
    rasid_store_close(st);
    rasid_lexicon_free(lex);
    return status;
}

static void reprocess_progress(void *ctx, size_t done, size_t total)
{
    (void)ctx;
    fprintf(stderr, "\r\033[Krasid: re-coded %zu of %zu articles", done, total);
}

static int cmd_reprocess(const sopts *o)
{
    rasid_lexicon *lex = NULL;
    int x = load_lexicon(o, &lex);
    if (x) return x;
    rasid_store *st = NULL;
    if ((x = open_store(o, 0, &st))) {
        rasid_lexicon_free(lex);
        return x;
    }
    int progress = isatty(STDERR_FILENO) && !opt(o, "--quiet");
    int rc = rasid_store_reprocess(st, lex, progress ? reprocess_progress : NULL, NULL);
    if (progress) fputc('\n', stderr);
    x = rc ? store_fail(st, rc) : XS_OK;
    rasid_store_close(st);
    rasid_lexicon_free(lex);
    return x;
}

/* ------------------------------------------------------------ listings */
static int format_of(const sopts *o, rasid_store_format *f)
{
    const char *v = opt(o, "--format");
    int tty = isatty(STDOUT_FILENO);
    static const struct {
        const char *name;
        rasid_store_format f;
        unsigned cmds;
    } F[] = {
        {"table", RASID_SFMT_TABLE, B(C_EVENTS) | B(C_SEARCH) | B(C_SHOW) | B(C_ACTORS) | B(C_STATS)},
        {"jsonl", RASID_SFMT_JSONL, ALL},
        {"csv", RASID_SFMT_CSV, B(C_EVENTS) | B(C_EXPORT)},
        {"acled-csv", RASID_SFMT_CSV, B(C_EVENTS) | B(C_EXPORT)},
        {"tsv", RASID_SFMT_TSV, B(C_EVENTS) | B(C_EXPORT)},
        {"gdelt-tsv", RASID_SFMT_TSV, B(C_EVENTS) | B(C_EXPORT)},
        {"plover", RASID_SFMT_PLOVER, B(C_EVENTS) | B(C_EXPORT)},
        {"geojson", RASID_SFMT_GEOJSON, B(C_EVENTS) | B(C_EXPORT)},
        {"graphml", RASID_SFMT_GRAPHML, B(C_GRAPH)},
        {"dot", RASID_SFMT_DOT, B(C_GRAPH)},
    };
    if (!v) {
        *f = o->c == C_GRAPH ? RASID_SFMT_GRAPHML : o->c == C_EXPORT ? RASID_SFMT_JSONL
             : tty ? RASID_SFMT_TABLE : RASID_SFMT_JSONL;
        return XS_OK;
    }
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++)
        if (strcmp(F[i].name, v) == 0 && (F[i].cmds & B(o->c))) {
            *f = F[i].f;
            return XS_OK;
        }
    static const char *const expected[] = {
        "", "", "table, jsonl, csv, tsv, plover or geojson", "table or jsonl", "table or jsonl",
        "table or jsonl", "table or jsonl", "graphml, dot or jsonl",
        "acled-csv, gdelt-tsv, plover, geojson or jsonl"};
    char m[256];
    snprintf(m, sizeof m, "invalid --format value '%%s' (expected %s)", expected[o->c]);
    return usage_err(m, v);
}

static int finish_output(int x)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        if (errno == EPIPE) return x;
        fprintf(stderr, "rasid: write error: %s\n", strerror(errno));
        return x ? x : XS_INPUT;
    }
    return x;
}

static int cmd_query(const sopts *o)
{
    rasid_store_format f;
    int x = format_of(o, &f);
    if (x) return x;
    rasid_event_query q;
    memset(&q, 0, sizeof q);
    long limit = 0;
    const char *l = opt(o, "--limit");
    if (l && parse_long(l, &limit)) return usage_err("invalid --limit value '%s'", l);
    q.limit = limit;
    q.type = opt(o, "--type");
    q.actor = opt(o, "--actor");
    q.country = opt(o, "--country");
    q.since = opt(o, "--since");
    q.until = opt(o, "--until");
    char near[512];
    const char *nv = opt(o, "--near");
    if (nv) {
        const char *colon = strrchr(nv, ':');
        char *end = NULL;
        if (!colon || colon == nv || strlen(nv) >= sizeof near || (q.near_km = strtod(colon + 1, &end)) <= 0 ||
            !end || *end)
            return usage_err("invalid --near value '%s' (expected PLACE:KM or LAT,LON:KM)", nv);
        memcpy(near, nv, (size_t)(colon - nv));
        near[colon - nv] = 0;
        q.near = near;
    }
    if ((o->c == C_SEARCH || o->c == C_SHOW) && o->nargs != 1)
        return usage_err(o->c == C_SEARCH ? "%s needs one QUERY argument (quote it)" : "%s needs one EVENT_ID argument",
                         o->name);
    if (o->c != C_SEARCH && o->c != C_SHOW && o->nargs)
        return usage_err("unexpected argument '%s'", o->args[0]);
    rasid_store *st = NULL;
    if ((x = open_store(o, RASID_STORE_READONLY, &st))) return x;
    int rc = RASID_OK;
    switch (o->c) {
    case C_EVENTS:
    case C_EXPORT: rc = rasid_store_events(st, &q, f, stdout); break;
    case C_SEARCH: rc = rasid_store_search(st, o->args[0], limit, f, stdout); break;
    case C_SHOW: rc = rasid_store_show(st, o->args[0], f, stdout); break;
    case C_ACTORS: rc = rasid_store_actors(st, limit, f, stdout); break;
    case C_GRAPH: rc = rasid_store_graph(st, f, stdout); break;
    default: break;
    }
    x = rc ? store_fail(st, rc) : XS_OK;
    rasid_store_close(st);
    return finish_output(x);
}

static int cmd_stats(const sopts *o)
{
    rasid_store_format f;
    int x = format_of(o, &f);
    if (x) return x;
    if (o->nargs) return usage_err("unexpected argument '%s'", o->args[0]);
    rasid_store *st = NULL;
    int check = opt(o, "--check") != NULL;
    /* --check opens for writing: FTS5's index check needs a writable handle */
    if ((x = open_store(o, check ? 0 : RASID_STORE_READONLY, &st))) return x;
    rasid_store_stats s;
    int rc = rasid_store_stats_get(st, &s);
    int crc = RASID_OK;
    if (rc == RASID_OK && check) crc = rasid_store_check(st);
    if (rc) {
        x = store_fail(st, rc);
        rasid_store_close(st);
        return x;
    }
    if (f == RASID_SFMT_JSONL) {
        printf("{\"db\":\"");
        for (const char *p = rasid_store_path(st); *p; p++) {
            if (*p == '"' || *p == '\\') putchar('\\');
            if ((unsigned char)*p >= 0x20) putchar(*p);
        }
        printf("\",\"schema\":%d,\"documents\":%lld,\"mentions\":%lld,\"events\":%lld,\"reports\":%lld,"
               "\"merged_events\":%lld,\"actors\":%lld,\"places\":%lld,\"text_bytes\":%lld,\"file_bytes\":%lld",
               s.schema, s.documents, s.mentions, s.events, s.reports, s.merged_events, s.actors, s.places,
               s.text_bytes, s.file_bytes);
        if (s.first_date[0]) printf(",\"first_date\":\"%s\",\"last_date\":\"%s\"", s.first_date, s.last_date);
        if (check) printf(",\"integrity\":\"%s\"", crc == RASID_OK ? "ok" : "failed");
        printf("}\n");
    } else {
        printf("database    %s (schema %d, %.1f MB)\n", rasid_store_path(st), s.schema, s.file_bytes / 1e6);
        printf("documents   %lld (%.1f MB of text)\n", s.documents, s.text_bytes / 1e6);
        printf("mentions    %lld\n", s.mentions);
        printf("events      %lld (%lld reported by more than one document)\n", s.events, s.merged_events);
        printf("reports     %lld\n", s.reports);
        printf("actors      %lld\n", s.actors);
        printf("places      %lld\n", s.places);
        if (s.first_date[0]) printf("dates       %s .. %s\n", s.first_date, s.last_date);
        if (check) printf("integrity   %s\n", crc == RASID_OK ? "ok" : "FAILED");
    }
    if (crc) {
        fprintf(stderr, "rasid: %s\n", rasid_store_errmsg(st));
        x = exit_of(crc);
    }
    rasid_store_close(st);
    return finish_output(x);
}

/* ------------------------------------------------------------ dispatch */
int rasid_cli_store(int argc, char **argv)
{
    static const char *const names[] = {"ingest", "reprocess", "events", "search", "show",
                                        "actors", "stats",     "graph",  "export"};
    if (argc < 2) return -1;
    sopts o;
    memset(&o, 0, sizeof o);
    size_t k = 0;
    for (; k < sizeof names / sizeof names[0]; k++)
        if (strcmp(argv[1], names[k]) == 0) break;
    if (k == sizeof names / sizeof names[0]) return -1;
    o.c = (cmd)k;
    o.name = names[k];
    o.args = calloc((size_t)argc, sizeof *o.args);
    if (!o.args) {
        fputs("rasid: out of memory\n", stderr);
        return XS_INTERNAL;
    }
    int only_args = 0, x = XS_OK;
    for (int i = 2; i < argc && x == XS_OK; i++) {
        const char *a = argv[i];
        if (only_args || a[0] != '-' || strcmp(a, "-") == 0) {
            o.args[o.nargs++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            help(o.c);
            free(o.args);
            return finish_output(XS_OK);
        }
        const char *eq = strchr(a, '=');
        size_t nlen = eq ? (size_t)(eq - a) : strlen(a);
        size_t j = 0;
        for (; j < NOPTS; j++)
            if (strlen(OPTS[j].name) == nlen && strncmp(OPTS[j].name, a, nlen) == 0 && (OPTS[j].cmds & B(o.c))) break;
        if (j == NOPTS) {
            x = usage_err("unknown option '%s'", a);
            break;
        }
        if (OPTS[j].flag) {
            if (eq) x = usage_err("option '%s' takes no value", a);
            o.val[j] = "1";
        } else if (eq) {
            o.val[j] = eq + 1;
        } else if (i + 1 < argc) {
            o.val[j] = argv[++i];
        } else {
            x = usage_err("option '%s' needs a value", a);
        }
    }
    if (x == XS_OK) {
        switch (o.c) {
        case C_INGEST: x = cmd_ingest(&o); break;
        case C_REPROCESS:
            x = o.nargs ? usage_err("unexpected argument '%s'", o.args[0]) : cmd_reprocess(&o);
            break;
        case C_STATS: x = cmd_stats(&o); break;
        default: x = cmd_query(&o); break;
        }
    }
    free(o.args);
    return x;
}
