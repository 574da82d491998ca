/*
 * cmd_watch.c — `rasid watch FEEDS.txt`: poll news feeds and ingest what is new.
 *
 *   rasid watch FEEDS.txt [--every DURATION] [--once] [--db PATH | --jsonl]
 *                         [--state PATH] [--data DIR] [--no-pages] [--delay MS]
 *                         [--timeout SECONDS] [--retries N]
 *
 * Each round reads FEEDS.txt (one feed URL a line; blank lines and # comments skipped),
 * fetches every feed with a conditional request (ETag / Last-Modified), and for each
 * item not seen before fetches its page and extracts the main text (falling back to
 * the item's description when the page is gone, 4xx), then stores the document in the
 * archive (rasid_store_add: coded, de-duplicated) or, with --jsonl, writes it as one
 * JSON Lines record on standard output — the input format of `rasid extract`.
 * Network errors, timeouts, HTTP errors and malformed XML are logged on standard error
 * and retried at the next round; an item is marked seen only once it was stored or
 * printed. The state file (validators and seen items) is saved after every feed.
 *
 * Signals: SIGINT and SIGTERM are blocked and polled (sigpending between requests,
 * sigtimedwait while sleeping), so the loop's own `stop` flag ends it cleanly after the
 * request in progress — no handler and no global state.
 */
#include "rasid.h"
#include "rasid_ingest.h"
#include "rasid_store.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int rasid_cmd_watch(int argc, char **argv);

typedef struct wopts {
    const char *feeds, *db, *state, *data;
    long every_s;
    int once, jsonl, no_pages, retries;
    long delay_ms, timeout_s;
} wopts;

typedef struct wctx {
    wopts o;
    rasid_fetcher *f;
    rasid_store *st;
    rasid_lexicon *lex;
    rasid_analyser *an; /* caches across the articles of every round */
    volatile sig_atomic_t stop; /* set when SIGINT/SIGTERM is pending */
    sigset_t sigs;
    long added, seen_before, errors;
} wctx;

static void usage_watch(FILE *out)
{
    fputs("Usage: rasid watch FEEDS.txt [--every DURATION] [--once] [--db PATH | --jsonl]\n"
          "                   [--state PATH] [--data DIR] [--no-pages] [--delay MS]\n"
          "                   [--timeout SECONDS] [--retries N]\n"
          "\n"
          "Poll the RSS/Atom feeds listed in FEEDS.txt (one URL a line, # comments) and ingest\n"
          "the items not seen before: each item's page is fetched and its main text extracted\n"
          "(the item's description when the page is gone). Errors are logged and retried at\n"
          "the next round; SIGINT or SIGTERM stops after the request in progress.\n"
          "\n"
          "Options:\n"
          "  --every DURATION  time between rounds: 90s, 10m (default), 1h\n"
          "  --once            one round, then exit\n"
          "  --db PATH         the archive to ingest into (default: $RASID_DB, else ./rasid.db)\n"
          "  --jsonl           write new documents as JSON Lines on standard output instead\n"
          "                    (id, url, title, source, author, published, fetched, feed, text)\n"
          "  --state PATH      remember ETag/Last-Modified and seen items in this JSON file\n"
          "                    (default: FEEDS.txt.state.json)\n"
          "  --data DIR        dictionary directory for coding events (store mode)\n"
          "  --no-pages        do not fetch item pages; use the feed's descriptions\n"
          "  --delay MS        minimum time between two requests to one host (default 1000)\n"
          "  --timeout SECONDS whole-request timeout (default 30)\n"
          "  --retries N       retries with back-off on 5xx and timeouts (default 3)\n"
          "  -h, --help        show this help\n"
          "\n"
          "Exit status: 0 stopped normally, 1 FEEDS.txt unreadable or the archive failed,\n"
          "2 usage error, 3 dictionary error, 4 out of memory.\n",
          out);
}

static int usage_err(const char *m, const char *a)
{
    fprintf(stderr, "rasid: watch: ");
    fprintf(stderr, m, a);
    fputs("\nTry 'rasid watch --help' for more information.\n", stderr);
    return 2;
}

/* "90", "90s", "10m", "1h", "1d" -> seconds; -1 when invalid. */
static long parse_duration(const char *s)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || errno || v < 0) return -1;
    long mul = 1;
    if (*end == 's') mul = 1, end++;
    else if (*end == 'm') mul = 60, end++;
    else if (*end == 'h') mul = 3600, end++;
    else if (*end == 'd') mul = 86400, end++;
    if (*end || v > LONG_MAX / mul / 1000) return -1;
    return v * mul;
}

static long parse_long(const char *s, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || *end || errno || v < lo || v > hi) return LONG_MIN;
    return v;
}

/* ------------------------------------------------------------ output */
static void json_str(FILE *out, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    if (!s) {
        fputs("null", out);
        return;
    }
    putc('"', out);
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        if (c < 0x80) {
            if (c == '"' || c == '\\') putc('\\', out), putc(c, out);
            else if (c == '\n') fputs("\\n", out);
            else if (c == '\r') fputs("\\r", out);
            else if (c == '\t') fputs("\\t", out);
            else if (c < 0x20 || c == 0x7f) fprintf(out, "\\u00%c%c", hex[c >> 4], hex[c & 15]);
            else putc(c, out);
            p++;
            continue;
        }
        /* copy a well-formed UTF-8 sequence, else U+FFFD */
        int n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
        int ok = n > 0;
        for (int i = 1; ok && i < n; i++) ok = (p[i] & 0xC0) == 0x80;
        if (ok && n == 3 && ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0))) ok = 0;
        if (ok && n == 4 && ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90))) ok = 0;
        if (!ok) {
            fputs("\xEF\xBF\xBD", out);
            p++;
            continue;
        }
        if (n == 3 && c == 0xE2 && p[1] == 0x80 && (p[2] == 0xA8 || p[2] == 0xA9))
            fprintf(out, "\\u%04x", p[2] == 0xA8 ? 0x2028 : 0x2029);
        else fwrite(p, 1, (size_t)n, out);
        p += n;
    }
    putc('"', out);
}

/* ------------------------------------------------------------ signals */
static void poll_signals(wctx *w)
{
    sigset_t pend;
    if (sigpending(&pend) == 0 && (sigismember(&pend, SIGINT) || sigismember(&pend, SIGTERM))) {
        int sig;
        sigwait(&w->sigs, &sig); /* consume it */
        w->stop = 1;
    }
}

/* Sleep up to `seconds`, ending early on SIGINT/SIGTERM. */
static void rest(wctx *w, long seconds)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += seconds;
    while (!w->stop) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long left = (long)(until.tv_sec - now.tv_sec);
        if (left <= 0) break;
        struct timespec ts = {left > 1 ? 1 : left, 0};
        int sig = sigtimedwait(&w->sigs, NULL, &ts);
        if (sig == SIGINT || sig == SIGTERM) w->stop = 1;
    }
}

/* ------------------------------------------------------------ one item */
static void logmsg(wctx *w, const char *m)
{
    fprintf(stderr, "rasid: watch: %s\n", m);
    w->errors++;
}

/* Emit (print or store) one document. Returns 0 when done, -1 to retry later. */
static int emit(wctx *w, const char *id, const char *text, size_t len, const char *url,
                const char *title, const char *source, const char *author, const char *published,
                const char *fetched, const char *feed)
{
    if (w->o.jsonl) {
        fputs("{\"id\":", stdout);
        json_str(stdout, id);
        fputs(",\"url\":", stdout);
        json_str(stdout, url);
        fputs(",\"title\":", stdout);
        json_str(stdout, title);
        fputs(",\"source\":", stdout);
        json_str(stdout, source);
        fputs(",\"author\":", stdout);
        json_str(stdout, author);
        fputs(",\"published\":", stdout);
        json_str(stdout, published);
        fputs(",\"fetched\":", stdout);
        json_str(stdout, fetched);
        fputs(",\"feed\":", stdout);
        json_str(stdout, feed);
        fputs(",\"text\":", stdout);
        json_str(stdout, text);
        fputs("}\n", stdout);
        fflush(stdout);
        if (ferror(stdout)) {
            fprintf(stderr, "rasid: watch: write error: %s\n", strerror(errno));
            w->stop = 1;
            return -1;
        }
        w->added++;
        return 0;
    }
    rasid_doc *d = rasid_doc_new(id, text, len, published);
    if (!d) {
        logmsg(w, "out of memory");
        return -1;
    }
    const char *keys[] = {"url", "title", "source", "author", "fetched"};
    const char *vals[] = {url, title, source, author, fetched};
    for (size_t i = 0; i < 5; i++)
        if (vals[i] && *vals[i]) rasid_doc_set_meta(d, keys[i], vals[i]);
    rasid_store_added res;
    if (!w->an) w->an = rasid_analyser_new(w->lex);
    rasid_doc_use(d, w->an);
    int rc = rasid_store_add(w->st, d, w->lex, &res);
    rasid_doc_free(d);
    if (rc != RASID_OK) {
        fprintf(stderr, "rasid: watch: %s: %s\n", url ? url : id, rasid_store_errmsg(w->st));
        w->errors++;
        return -1;
    }
    if (res.added) w->added++;
    else w->seen_before++;
    return 0;
}

static void host_of(const char *url, char *out, size_t n)
{
    out[0] = 0;
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p) return;
    p += 3;
    size_t k = 0;
    while (p[k] && p[k] != '/' && p[k] != ':' && p[k] != '?' && k + 1 < n) {
        out[k] = p[k];
        k++;
    }
    out[k] = 0;
}

static void now_iso(char out[21])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void do_item(wctx *w, const char *feed_url, const rasid_feed *fd, const rasid_feed_item *it)
{
    const char *key = it->guid ? it->guid : it->link ? it->link : it->title;
    if (!key) return;
    if (rasid_fetcher_seen(w->f, key)) return;
    char err[1024], fetched[21];
    now_iso(fetched);
    char host[256];
    host_of(it->link ? it->link : feed_url, host, sizeof host);
    const char *id = it->link ? it->link : key;
    if (!w->o.no_pages && it->link && (strncmp(it->link, "http://", 7) == 0 || strncmp(it->link, "https://", 8) == 0)) {
        rasid_fetch_result r;
        int rc = rasid_fetch(w->f, it->link, 0, &r, err, sizeof err);
        if (rc == RASID_OK && r.body) {
            char cs[64] = "";
            const char *c = r.content_type ? strstr(r.content_type, "charset=") : NULL;
            if (c) sscanf(c + 8, "%63[^; \"]", cs);
            rasid_html_page *pg = NULL;
            rc = rasid_html_extract(r.body, r.len, r.final_url ? r.final_url : it->link, cs[0] ? cs : NULL,
                                    &pg, err, sizeof err);
            rasid_fetch_result_clear(&r);
            if (rc == RASID_OK && pg->text_len > 0) {
                const char *src = pg->site_name ? pg->site_name : fd->title ? fd->title : host;
                if (emit(w, id, pg->text, pg->text_len, pg->url ? pg->url : it->link,
                         pg->title ? pg->title : it->title, src, pg->author ? pg->author : it->author,
                         pg->published ? pg->published : it->published, fetched, feed_url) == 0)
                    rasid_fetcher_mark_seen(w->f, key);
                rasid_html_page_free(pg);
                return;
            }
            rasid_html_page_free(pg);
            if (rc == RASID_OK) snprintf(err, sizeof err, "%s: no text found in the page", it->link);
            logmsg(w, err); /* a page without text: the description will do */
        } else {
            long status = r.status;
            rasid_fetch_result_clear(&r);
            int gone = status >= 400 && status < 500 && status != 408 && status != 429;
            if (!gone && rc != RASID_TOOBIG && rc != RASID_ARG) {
                char m[1200];
                snprintf(m, sizeof m, "%s (retried next round)", err);
                logmsg(w, m);
                return;
            }
            logmsg(w, err);
        }
    }
    /* the item's own title and description */
    size_t tl = it->title ? strlen(it->title) : 0, xl = it->text ? strlen(it->text) : 0;
    char *text = malloc(tl + xl + 4);
    if (!text) {
        logmsg(w, "out of memory");
        return;
    }
    size_t k = 0;
    if (tl) {
        memcpy(text + k, it->title, tl);
        k += tl;
        text[k++] = '\n';
    }
    if (xl) {
        if (k) text[k++] = '\n';
        memcpy(text + k, it->text, xl);
        k += xl;
        text[k++] = '\n';
    }
    text[k] = 0;
    if (k > 0 && emit(w, id, text, k, it->link, it->title, fd->title ? fd->title : host, it->author,
                      it->published, fetched, feed_url) == 0)
        rasid_fetcher_mark_seen(w->f, key);
    free(text);
}

static void do_feed(wctx *w, const char *url)
{
    char err[1024];
    rasid_fetch_result r;
    int rc = rasid_fetch(w->f, url, 1, &r, err, sizeof err);
    if (rc != RASID_OK) {
        char m[1200];
        snprintf(m, sizeof m, "%s (retried next round)", err);
        logmsg(w, m);
        return;
    }
    if (r.not_modified) {
        rasid_fetch_result_clear(&r);
        return;
    }
    rasid_feed *fd = NULL;
    rc = rasid_feed_parse(r.body, r.len, url, &fd, err, sizeof err);
    rasid_fetch_result_clear(&r);
    if (rc != RASID_OK) {
        logmsg(w, err);
        return;
    }
    if (fd->warning) logmsg(w, fd->warning);
    for (size_t i = 0; i < fd->nitems && !w->stop; i++) {
        do_item(w, url, fd, &fd->items[i]);
        poll_signals(w);
    }
    rasid_feed_free(fd);
}

/* One round over the feeds file. Returns 0, or 1 when the file cannot be read. */
static int round_once(wctx *w)
{
    FILE *f = fopen(w->o.feeds, "r");
    if (!f) {
        fprintf(stderr, "rasid: watch: %s: %s\n", w->o.feeds, strerror(errno));
        return 1;
    }
    char line[4096];
    while (!w->stop && fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t') p++;
        size_t n = strcspn(p, "\r\n");
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
        p[n] = 0;
        if (!*p || *p == '#') continue;
        do_feed(w, p);
        char err[512];
        if (rasid_fetcher_save(w->f, err, sizeof err) != RASID_OK) logmsg(w, err);
        poll_signals(w);
    }
    fclose(f);
    return 0;
}


int rasid_cmd_watch(int argc, char **argv)
{
    wctx w;
    memset(&w, 0, sizeof w);
    w.o.every_s = 600;
    w.o.retries = 3;
    w.o.delay_ms = 1000;
    w.o.timeout_s = 30;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage_watch(stdout);
            return 0;
        } else if (!strcmp(a, "--once")) {
            w.o.once = 1;
        } else if (!strcmp(a, "--jsonl")) {
            w.o.jsonl = 1;
        } else if (!strcmp(a, "--no-pages")) {
            w.o.no_pages = 1;
        } else if (!strcmp(a, "--every") || !strcmp(a, "--db") || !strcmp(a, "--state") ||
                   !strcmp(a, "--data") || !strcmp(a, "--delay") || !strcmp(a, "--timeout") ||
                   !strcmp(a, "--retries")) {
            if (!v) return usage_err("option '%s' needs a value", a);
            i++;
            if (!strcmp(a, "--every")) {
                w.o.every_s = parse_duration(v);
                if (w.o.every_s <= 0) return usage_err("invalid --every value '%s' (e.g. 90s, 10m, 1h)", v);
            } else if (!strcmp(a, "--db")) w.o.db = v;
            else if (!strcmp(a, "--state")) w.o.state = v;
            else if (!strcmp(a, "--data")) w.o.data = v;
            else if (!strcmp(a, "--delay")) {
                if ((w.o.delay_ms = parse_long(v, 0, 3600000)) == LONG_MIN)
                    return usage_err("invalid --delay value '%s'", v);
            } else if (!strcmp(a, "--timeout")) {
                if ((w.o.timeout_s = parse_long(v, 1, 3600)) == LONG_MIN)
                    return usage_err("invalid --timeout value '%s'", v);
            } else {
                long r = parse_long(v, 0, 10);
                if (r == LONG_MIN) return usage_err("invalid --retries value '%s' (0 to 10)", v);
                w.o.retries = (int)r;
            }
        } else if (a[0] == '-' && a[1]) {
            return usage_err("unknown option '%s'", a);
        } else if (!w.o.feeds) {
            w.o.feeds = a;
        } else {
            return usage_err("unexpected argument '%s' (one feeds file)", a);
        }
    }
    if (!w.o.feeds) return usage_err("%s", "missing FEEDS.txt (a file of feed URLs)");
    if (w.o.jsonl && w.o.db) return usage_err("%s", "--jsonl and --db exclude each other");
    if (access(w.o.feeds, R_OK) != 0) {
        fprintf(stderr, "rasid: watch: %s: %s\n", w.o.feeds, strerror(errno));
        return 1;
    }

    char statebuf[PATH_MAX];
    if (!w.o.state) {
        snprintf(statebuf, sizeof statebuf, "%s.state.json", w.o.feeds);
        w.o.state = statebuf;
    }
    rasid_fetch_opts fo;
    rasid_fetch_opts_default(&fo);
    fo.retries = w.o.retries;
    fo.host_delay_ms = w.o.delay_ms;
    fo.timeout_ms = w.o.timeout_s * 1000;
    fo.state_path = w.o.state;
    char err[1024];
    w.f = rasid_fetcher_new(&fo, err, sizeof err);
    if (!w.f) {
        fprintf(stderr, "rasid: watch: %s\n", err);
        return 1;
    }
    if (!w.o.jsonl) {
        char buf[PATH_MAX + 64];
        const char *dir = rasid_data_dir(w.o.data, buf, sizeof buf);
        w.lex = rasid_lexicon_load(dir, err, sizeof err);
        if (!w.lex) {
            fprintf(stderr, "rasid: watch: %s\n", err[0] ? err : "cannot load the dictionaries");
            rasid_fetcher_free(w.f);
            return 3;
        }
        if (rasid_store_open(w.o.db, RASID_STORE_CREATE, &w.st, err, sizeof err) != RASID_OK) {
            fprintf(stderr, "rasid: watch: %s\n", err);
            rasid_lexicon_free(w.lex);
            rasid_fetcher_free(w.f);
            return 1;
        }
    }

    sigemptyset(&w.sigs);
    sigaddset(&w.sigs, SIGINT);
    sigaddset(&w.sigs, SIGTERM);
    sigset_t old;
    sigprocmask(SIG_BLOCK, &w.sigs, &old);

    int status = 0;
    while (!w.stop) {
        if (round_once(&w)) {
            status = 1;
            if (w.o.once) break;
        }
        if (w.o.once || w.stop) break;
        rest(&w, w.o.every_s);
    }
    if (rasid_fetcher_save(w.f, err, sizeof err) != RASID_OK) fprintf(stderr, "rasid: watch: %s\n", err);
    if (!w.o.jsonl && isatty(2))
        fprintf(stderr, "rasid: watch: %ld new articles, %ld already stored, %ld errors\n", w.added,
                w.seen_before, w.errors);
    rasid_store_close(w.st);
    rasid_analyser_free(w.an);
    rasid_lexicon_free(w.lex);
    rasid_fetcher_free(w.f);
    sigprocmask(SIG_SETMASK, &old, NULL);
    return status;
}
