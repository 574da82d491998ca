/*
 * cmd_serve.c — `rasid serve`: the HTTP API and the analysts' web page over a store.
 *
 *   rasid serve [--db PATH] [--bind ADDR] [--port N] [--web DIR] [--threads N] [--log]
 *               [--no-cache]
 *
 * A thin client of rasid_serve.h: parse the options, block SIGINT/SIGTERM (the server's
 * threads inherit the mask), start, print the URL, wait for a signal, stop.
 */
#include "rasid_serve.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int rasid_cmd_serve(int argc, char **argv);

static void serve_help(FILE *f)
{
    fputs("Usage: rasid serve [--db PATH] [--bind ADDR] [--port N] [--web DIR] [--threads N] [--log]\n"
          "                   [--no-cache]\n"
          "\n"
          "Serve the store over HTTP: a JSON API (/api/events, /api/events/ID, /api/docs/ID,\n"
          "/api/search?q=, /api/actors, /api/places, /api/graph, /api/stats, /api/export.csv,\n"
          "/api/export.geojson) and the web page (map, timeline, actor network, articles).\n"
          "The store is opened read-only. Stops on Ctrl-C (SIGINT) or SIGTERM.\n"
          "\n"
          "Options:\n"
          "  --db PATH       the store (default: $RASID_DB, else rasid.db)\n"
          "  --bind ADDR     address to listen on (default 127.0.0.1: this machine only)\n"
          "  --port N        TCP port (default 8080; 0 picks a free one)\n"
          "  --web DIR       built web page (default: $RASID_WEB, else web/dist of the source\n"
          "                  tree or share/rasid/web of the installation; `make web` builds it)\n"
          "  --threads N     worker threads (default: the number of CPUs, at most 8)\n"
          "  --log           an access log line per request on standard error\n"
          "  --no-cache      compute every API answer afresh (by default answers are kept in\n"
          "                  memory until the store file changes)\n"
          "  -h, --help      show this help\n"
          "\n"
          "Exit status: 0 stopped by a signal, 1 the store or the port could not be opened,\n"
          "2 usage error.\n",
          f);
}

static int usage_err(const char *msg, const char *arg)
{
    fprintf(stderr, "rasid: serve: %s '%s'\nTry 'rasid serve --help' for more information.\n", msg, arg);
    return 2;
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* $RASID_WEB, else next to the executable (build/rasid -> ../web/dist, bin/rasid ->
 * ../share/rasid/web), else NULL. */
static const char *find_web(char *buf, size_t n)
{
    const char *env = getenv("RASID_WEB");
    if (env && *env) return env;
    char exe[PATH_MAX];
    ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (l <= 0) return NULL;
    exe[l] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = 0;
    static const char *rel[] = {"/../web/dist", "/../../web/dist", "/../share/rasid/web"};
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
        snprintf(buf, n, "%s%s", exe, rel[i]);
        char idx[PATH_MAX * 2 + 96];
        snprintf(idx, sizeof idx, "%s/index.html", buf);
        if (is_dir(buf) && access(idx, R_OK) == 0) return buf;
    }
    return NULL;
}

int rasid_cmd_serve(int argc, char **argv)
{
    rasid_serve_opts o;
    memset(&o, 0, sizeof o);
    int log = 0, web_given = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            serve_help(stdout);
            return fflush(stdout) == 0 ? 0 : 1;
        }
        if (strcmp(a, "--log") == 0) {
            log = 1;
            continue;
        }
        if (strcmp(a, "--no-cache") == 0) {
            o.no_cache = 1;
            continue;
        }
        const char *val = NULL;
        const char *eq = strncmp(a, "--", 2) == 0 ? strchr(a, '=') : NULL;
        size_t optlen = eq ? (size_t)(eq - a) : strlen(a);
        static const char *const takes[] = {"--db", "--bind", "--port", "--web", "--threads"};
        int k = -1;
        for (int j = 0; j < 5; j++)
            if (strlen(takes[j]) == optlen && strncmp(a, takes[j], optlen) == 0) k = j;
        if (k < 0) return usage_err(a[0] == '-' ? "unknown option" : "unexpected argument", a);
        if (eq) val = eq + 1;
        else if (i + 1 < argc) val = argv[++i];
        else return usage_err("option needs a value:", a);
        char *end;
        long n;
        switch (k) {
        case 0: o.db = val; break;
        case 1: o.bind = val; break;
        case 2:
            errno = 0;
            n = strtol(val, &end, 10);
            if (errno || *end || end == val || n < 0 || n > 65535) return usage_err("invalid --port value", val);
            o.port = n == 0 ? RASID_SERVE_ANY_PORT : (unsigned)n;
            break;
        case 3:
            o.web = val;
            web_given = 1;
            break;
        case 4:
            errno = 0;
            n = strtol(val, &end, 10);
            if (errno || *end || end == val || n < 1 || n > 64) return usage_err("invalid --threads value", val);
            o.threads = (unsigned)n;
            break;
        }
    }
    char webbuf[PATH_MAX + 64];
    if (!web_given) o.web = find_web(webbuf, sizeof webbuf);
    if (log) o.log = stderr;

    /* the server's threads inherit this mask: only sigwait() below sees the signals */
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    char err[1024] = "";
    rasid_server *s = NULL;
    int rc = rasid_serve_start(&o, &s, err, sizeof err);
    if (rc != RASID_OK) {
        fprintf(stderr, "rasid: serve: %s\n", err[0] ? err : rasid_strerror(rc));
        return rc == RASID_ARG ? 2 : 1;
    }
    if (!o.web)
        fprintf(stderr, "rasid: serve: no built web page found (run `make web`, or pass --web DIR); "
                        "serving the API only\n");
    printf("rasid serve: %s  (store %s; Ctrl-C stops)\n", rasid_serve_url(s),
           o.db ? o.db : getenv("RASID_DB") && *getenv("RASID_DB") ? getenv("RASID_DB") : "rasid.db");
    fflush(stdout);
    int sig = 0;
    while (sigwait(&set, &sig) != 0) {
    }
    fprintf(stderr, "rasid: serve: %s, stopping\n", strsignal(sig));
    rasid_serve_stop(s);
    return 0;
}
