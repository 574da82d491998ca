/*
 * test_serve.c — API tests of `rasid serve` against the real command: a store built by
 * `rasid ingest` from samples/articles.jsonl and tests/web/hostile.jsonl in a temporary
 * directory, the server started as a child process on 127.0.0.1 with an ephemeral port
 * (--port 0) and a small web root of our own (with a symlink out of it and a hidden
 * file), and requests written byte by byte on raw sockets: every endpoint's status and
 * JSON shape, filters, paging, 404s, ETag/304, gzip, traversal attempts, oversized
 * URLs and headers, other methods, bodies; the server still answers afterwards, serves
 * concurrent clients, and stops cleanly on SIGTERM.
 *
 * The rasid binary is the one next to this test's directory (BUILD/tests/.. -> BUILD/rasid),
 * so `make test SANITIZE=1` runs the server under ASan/UBSan too.
 */
#include "serve/serve.h"
#include "unit.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

static char tmpdir[256];
static char rasid[PATH_MAX + 16];
static unsigned short port;
static pid_t server = -1;

/* ------------------------------------------------------------ raw HTTP client */
typedef struct resp {
    int status;
    char *head; /* status line + headers */
    char *body;
    size_t blen;
} resp;

static void resp_free(resp *r)
{
    free(r->head);
    free(r->body);
    memset(r, 0, sizeof *r);
}

static int connect_server(void)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -1;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    struct timeval tv = {10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
}

/* Send raw bytes, read until the server closes (requests say Connection: close) or the
 * response's Content-Length is complete. Returns 0 with r filled, -1 when no response. */
static int raw(const char *req, size_t n, resp *r)
{
    memset(r, 0, sizeof r[0]);
    int fd = connect_server();
    if (fd < 0) return -1;
    size_t off = 0;
    while (off < n) {
        ssize_t k = send(fd, req + off, n - off, MSG_NOSIGNAL);
        if (k <= 0) break; /* the server may refuse early: read what it said */
        off += (size_t)k;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (len + 4096 > cap) buf = realloc(buf, cap *= 2);
        ssize_t k = recv(fd, buf + len, cap - len - 1, 0);
        if (k <= 0) break;
        len += (size_t)k;
        buf[len] = 0;
        char *e = strstr(buf, "\r\n\r\n");
        if (e) {
            const char *cl = strcasestr(buf, "\r\nContent-Length:");
            if (cl && cl < e && len >= (size_t)(e + 4 - buf) + strtoul(cl + 17, NULL, 10)) break;
        }
    }
    close(fd);
    buf[len] = 0;
    char *e = strstr(buf, "\r\n\r\n");
    if (len == 0 || !e || sscanf(buf, "HTTP/1.%*d %d", &r->status) != 1) {
        free(buf);
        return -1;
    }
    r->head = strndup(buf, (size_t)(e + 2 - buf));
    r->blen = len - (size_t)(e + 4 - buf);
    r->body = malloc(r->blen + 1);
    memcpy(r->body, e + 4, r->blen);
    r->body[r->blen] = 0;
    free(buf);
    return 0;
}

/* GET path with extra header lines (each ending in \r\n, or NULL). */
static int get(const char *path, const char *extra, resp *r)
{
    size_t n = strlen(path) + (extra ? strlen(extra) : 0) + 128;
    char *req = malloc(n);
    snprintf(req, n, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%sConnection: close\r\n\r\n", path, extra ? extra : "");
    int rc = raw(req, strlen(req), r);
    free(req);
    return rc;
}

/* Value of a response header (static buffer), or NULL. */
static const char *header(const resp *r, const char *name)
{
    static char val[512];
    char pat[128];
    snprintf(pat, sizeof pat, "\r\n%s:", name);
    const char *p = r->head ? strcasestr(r->head, pat) : NULL;
    if (!p) return NULL;
    p += strlen(pat);
    while (*p == ' ') p++;
    size_t n = strcspn(p, "\r\n");
    if (n >= sizeof val) n = sizeof val - 1;
    memcpy(val, p, n);
    val[n] = 0;
    return val;
}

static json_t *get_json(const char *path, int want_status)
{
    resp r;
    if (get(path, NULL, &r) != 0) {
        printf("no response to %s\n", path);
        CHECK(0);
        return NULL;
    }
    if (r.status != want_status) printf("GET %s: status %d, body %.300s\n", path, r.status, r.body);
    CHECK_INT(r.status, want_status);
    const char *ct = header(&r, "Content-Type");
    CHECK(ct && strncmp(ct, "application/json", 16) == 0);
    json_error_t err;
    json_t *j = json_loadb(r.body, r.blen, 0, &err);
    if (!j) printf("GET %s: bad JSON (%s): %.300s\n", path, err.text, r.body);
    CHECK(j != NULL);
    resp_free(&r);
    return j;
}

static void check_error(const char *path, int status)
{
    json_t *j = get_json(path, status);
    if (!j) return;
    CHECK(json_is_string(json_object_get(j, "error")));
    CHECK_INT(json_integer_value(json_object_get(j, "status")), status);
    json_decref(j);
}

static const char *jstr(json_t *o, const char *path)
{
    /* "a.b.c" */
    char buf[128];
    snprintf(buf, sizeof buf, "%s", path);
    json_t *cur = o;
    for (char *tok = strtok(buf, "."); tok && cur; tok = strtok(NULL, ".")) cur = json_object_get(cur, tok);
    return json_string_value(cur);
}

/* ------------------------------------------------------------ setup */
static int run_cmd(char *const argv[])
{
    pid_t p = fork();
    if (p == 0) {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    waitpid(p, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void write_file(const char *rel, const char *data)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", tmpdir, rel);
    FILE *f = fopen(p, "wb");
    if (!f) return;
    fputs(data, f);
    fclose(f);
}

static int start_server(const char *db, const char *web)
{
    int pipefd[2];
    if (pipe(pipefd) != 0) return -1;
    server = fork();
    if (server == 0) {
        dup2(pipefd[1], 1);
        close(pipefd[0]);
        close(pipefd[1]);
        char *argv[] = {rasid, "serve", "--db", (char *)db, "--port", "0", "--web", (char *)web, NULL};
        execv(rasid, argv);
        _exit(127);
    }
    close(pipefd[1]);
    char line[512] = "";
    size_t len = 0;
    struct pollfd pfd = {pipefd[0], POLLIN, 0};
    while (len < sizeof line - 1 && poll(&pfd, 1, 10000) > 0) {
        ssize_t k = read(pipefd[0], line + len, sizeof line - 1 - len);
        if (k <= 0) break;
        len += (size_t)k;
        line[len] = 0;
        if (strchr(line, '\n')) break;
    }
    close(pipefd[0]);
    const char *u = strstr(line, "http://127.0.0.1:");
    if (!u) {
        printf("rasid serve printed no URL: %s\n", line);
        return -1;
    }
    port = (unsigned short)atoi(u + 17);
    return port ? 0 : -1;
}

/* ------------------------------------------------------------ tests */
static long long nevents;

static void test_index_and_stats(void)
{
    json_t *j = get_json("/api/", 200);
    CHECK(j && json_array_size(json_object_get(j, "endpoints")) >= 10);
    json_decref(j);
    j = get_json("/api/stats", 200);
    if (!j) return;
    CHECK_INT(json_integer_value(json_object_get(j, "documents")), 5);
    nevents = json_integer_value(json_object_get(j, "events"));
    CHECK(nevents >= 4); /* the bundled samples and the hostile article code at least four events */
    CHECK(json_is_integer(json_object_get(j, "actors")));
    CHECK(json_is_string(json_object_get(j, "first_date")));
    json_decref(j);
}

/* ids of the events of a listing, as "id,id,..." */
static void event_ids(json_t *j, char *out, size_t n)
{
    out[0] = 0;
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(j, "events"), i, e)
    {
        size_t l = strlen(out);
        snprintf(out + l, n - l, "%s%lld", l ? "," : "",
                 json_integer_value(json_object_get(json_object_get(e, "store"), "event")));
    }
}

static void test_events(void)
{
    json_t *j = get_json("/api/events", 200);
    if (!j) return;
    json_t *evs = json_object_get(j, "events");
    CHECK_INT(json_array_size(evs), nevents);
    CHECK_INT(json_integer_value(json_object_get(j, "count")), nevents);
    CHECK_INT(json_integer_value(json_object_get(j, "offset")), 0);
    CHECK(json_is_null(json_object_get(j, "next")));
    json_t *e = json_array_get(evs, 0);
    CHECK(jstr(e, "type") != NULL);
    CHECK(jstr(e, "summary") != NULL);
    CHECK(json_is_integer(json_object_get(json_object_get(e, "store"), "event")));
    char all[512];
    event_ids(j, all, sizeof all);
    json_decref(j);

    /* paging: pages of 2 concatenate to the whole list */
    char paged[512] = "";
    for (long off = 0;; off += 2) {
        char path[128];
        snprintf(path, sizeof path, "/api/events?limit=2&offset=%ld", off);
        j = get_json(path, 200);
        if (!j) return;
        char ids[256];
        event_ids(j, ids, sizeof ids);
        CHECK(json_array_size(json_object_get(j, "events")) <= 2);
        if (ids[0]) snprintf(paged + strlen(paged), sizeof paged - strlen(paged), "%s%s", paged[0] ? "," : "", ids);
        json_t *next = json_object_get(j, "next");
        int last = json_is_null(next);
        if (!last) CHECK_INT(json_integer_value(next), off + 2);
        json_decref(j);
        if (last || off > 100) break;
    }
    CHECK_STR(paged, all);
    j = get_json("/api/events?offset=1000", 200);
    CHECK(j && json_array_size(json_object_get(j, "events")) == 0);
    json_decref(j);

    /* filters: expectations derived from the full listing (the coder may change) */
    size_t i;
    j = get_json("/api/events", 200);
    json_t *full = j ? json_object_get(j, "events") : NULL;
    const char *type = NULL, *country = NULL, *actor = NULL, *place = NULL;
    double plat = 0, plon = 0;
    long ntype = 0, ncountry = 0;
    json_array_foreach(full, i, e)
    {
        if (!type) type = jstr(e, "type");
        if (!country) country = jstr(e, "location.country");
        if (!place && jstr(e, "location.name") && json_is_number(json_object_get(json_object_get(e, "location"), "lat"))) {
            place = jstr(e, "location.name");
            plat = json_number_value(json_object_get(json_object_get(e, "location"), "lat"));
            plon = json_number_value(json_object_get(json_object_get(e, "location"), "lon"));
        }
        if (!actor) actor = jstr(json_array_get(json_object_get(e, "actor"), 0), "name");
    }
    json_array_foreach(full, i, e)
    {
        if (type && jstr(e, "type") && strcmp(jstr(e, "type"), type) == 0) ntype++;
        if (country && jstr(e, "location.country") && strcmp(jstr(e, "location.country"), country) == 0) ncountry++;
    }
    CHECK(type && country && actor && place);
    char path[512];
    if (type) {
        char lower[64];
        snprintf(lower, sizeof lower, "%s", type);
        for (char *q = lower; *q; q++) *q = (char)(*q | 0x20); /* case-insensitive */
        snprintf(path, sizeof path, "/api/events?type=%s", lower);
        json_t *k = get_json(path, 200);
        CHECK_INT(k ? (long long)json_array_size(json_object_get(k, "events")) : -1, ntype);
        json_array_foreach(json_object_get(k, "events"), i, e) CHECK_STR(jstr(e, "type"), type);
        json_decref(k);
    }
    if (country) {
        snprintf(path, sizeof path, "/api/events?country=%s", country);
        json_t *k = get_json(path, 200);
        CHECK_INT(k ? (long long)json_array_size(json_object_get(k, "events")) : -1, ncountry);
        json_array_foreach(json_object_get(k, "events"), i, e) CHECK_STR(jstr(e, "location.country"), country);
        json_decref(k);
    }
    if (actor) {
        char enc[256] = "";
        for (const char *q = actor; *q && strlen(enc) < sizeof enc - 4; q++)
            snprintf(enc + strlen(enc), sizeof enc - strlen(enc), "%%%02X", (unsigned char)*q);
        snprintf(path, sizeof path, "/api/events?actor=%s", enc);
        json_t *k = get_json(path, 200);
        CHECK(k && json_array_size(json_object_get(k, "events")) >= 1);
        json_array_foreach(json_object_get(k, "events"), i, e)
        {
            int found = 0;
            const char *roles[] = {"actor", "recipient"};
            for (int r = 0; r < 2; r++) {
                size_t x;
                json_t *a;
                json_array_foreach(json_object_get(e, roles[r]), x, a) if (jstr(a, "name") &&
                                                                            strcasestr(jstr(a, "name"), actor)) found = 1;
            }
            CHECK(found);
        }
        json_decref(k);
    }
    if (place) {
        char enc[256] = "";
        for (const char *q = place; *q && strlen(enc) < sizeof enc - 4; q++)
            snprintf(enc + strlen(enc), sizeof enc - strlen(enc), "%%%02X", (unsigned char)*q);
        snprintf(path, sizeof path, "/api/events?near=%s:50", enc);
        json_t *k = get_json(path, 200);
        CHECK(k && json_array_size(json_object_get(k, "events")) >= 1);
        json_array_foreach(json_object_get(k, "events"), i, e)
        {
            double la = json_number_value(json_object_get(json_object_get(e, "location"), "lat"));
            double lo = json_number_value(json_object_get(json_object_get(e, "location"), "lon"));
            CHECK((la - plat) * (la - plat) + (lo - plon) * (lo - plon) < 0.6 * 0.6); /* ~50 km */
        }
        long nnear = k ? (long)json_array_size(json_object_get(k, "events")) : -1;
        json_decref(k);
        snprintf(path, sizeof path, "/api/events?near=%.4f,%.4f:50", plat, plon); /* LAT,LON form */
        k = get_json(path, 200);
        CHECK_INT(k ? (long long)json_array_size(json_object_get(k, "events")) : -1, nnear);
        json_decref(k);
    }
    json_decref(j);
    /* a period: every dated event inside it (undated events may fall in any period) */
    j = get_json("/api/events?since=2023-05-14&until=2023-05-19", 200);
    if (j) {
        CHECK(json_array_size(json_object_get(j, "events")) >= 1);
        json_array_foreach(json_object_get(j, "events"), i, e)
        {
            const char *d = jstr(e, "date.value");
            if (d) CHECK(strncmp(d, "2023-05-14", strlen(d)) >= 0 && strncmp(d, "2023-05-19", strlen(d)) <= 0);
        }
        json_decref(j);
    }
    j = get_json("/api/events?since=2030-01-01", 200);
    if (j) {
        json_array_foreach(json_object_get(j, "events"), i, e) CHECK(jstr(e, "date.value") == NULL);
        json_decref(j);
    }
    /* bad parameters */
    check_error("/api/events?limit=0", 400);
    check_error("/api/events?limit=abc", 400);
    check_error("/api/events?limit=100000", 400);
    check_error("/api/events?offset=-1", 400);
    check_error("/api/events?since=2023-13", 400);
    check_error("/api/events?until=yesterday", 400);
    check_error("/api/events?country=ML", 400);
    check_error("/api/events?type=%3Cscript%3E", 400);
    check_error("/api/events?near=Menaka", 400);
    check_error("/api/events?near=Nowhere:10", 400);
    check_error("/api/events?near=Gao:-5", 400);
}

static void test_event_and_doc(void)
{
    json_t *j = get_json("/api/events?type=ASSAULT&limit=1", 200);
    long long id = j ? json_integer_value(json_object_get(json_object_get(json_array_get(json_object_get(j, "events"), 0), "store"), "event")) : 0;
    json_decref(j);
    char path[128];
    snprintf(path, sizeof path, "/api/events/%lld", id);
    j = get_json(path, 200);
    if (j) {
        json_t *reps = json_object_get(j, "reports");
        CHECK(json_array_size(reps) >= 1);
        json_t *r0 = json_array_get(reps, 0);
        CHECK(jstr(r0, "evidence.text") != NULL);
        CHECK(jstr(r0, "doc") != NULL);
        CHECK(jstr(r0, "url") != NULL);
        json_decref(j);
    }
    check_error("/api/events/999999", 404);
    check_error("/api/events/abc", 404);
    check_error("/api/events/", 404);

    j = get_json("/api/docs/mali-attack", 200);
    if (j) {
        const char *text = jstr(j, "text");
        CHECK(text && strstr(text, "ميناكا"));
        json_t *ms = json_object_get(j, "mentions");
        CHECK(json_array_size(ms) >= 5);
        size_t i;
        json_t *m;
        int good = 1, kinds = 0;
        json_array_foreach(ms, i, m)
        {
            long long s = json_integer_value(json_object_get(m, "start"));
            long long e = json_integer_value(json_object_get(m, "end"));
            const char *t = jstr(m, "text");
            if (!text || !t || s < 0 || e > (long long)strlen(text) || e - s != (long long)strlen(t) ||
                memcmp(text + s, t, strlen(t)) != 0)
                good = 0;
            const char *k = jstr(m, "kind");
            if (k && strcmp(k, "place") == 0) kinds |= 1;
            if (k && strcmp(k, "actor") == 0) kinds |= 2;
            if (k && strcmp(k, "date") == 0) kinds |= 4;
            if (k && strcmp(k, "number") == 0) kinds |= 8;
        }
        CHECK(good); /* mention spans are byte offsets into text */
        CHECK_INT(kinds, 15);
        json_t *reps = json_object_get(j, "reports");
        CHECK(json_array_size(reps) >= 1);
        json_t *r0 = json_array_get(reps, 0);
        json_t *ts = json_object_get(r0, "trigger_span");
        const char *trig = jstr(r0, "trigger");
        CHECK(json_array_size(ts) == 2 && trig &&
              memcmp(text + json_integer_value(json_array_get(ts, 0)), trig, strlen(trig)) == 0);
        CHECK(json_array_size(json_object_get(r0, "evidence")) == 2);
        long long docid = json_integer_value(json_object_get(j, "id"));
        json_decref(j);
        snprintf(path, sizeof path, "/api/docs/%lld", docid);
        j = get_json(path, 200);
        CHECK_STR(j ? jstr(j, "key") : NULL, "mali-attack");
        json_decref(j);
    }
    check_error("/api/docs/999999", 404);
    check_error("/api/docs/no-such-article", 404);
    /* the hostile article comes back byte for byte (escaping is the page's job) */
    j = get_json("/api/docs/hostile-xss", 200);
    CHECK(j && strstr(jstr(j, "text"), "<script>alert(1)</script>") && strstr(jstr(j, "title"), "onerror=alert(1)"));
    json_decref(j);
}

static void test_lists(void)
{
    json_t *j = get_json("/api/search?q=%D9%85%D9%8A%D9%86%D8%A7%D9%83%D8%A7", 200); /* ميناكا */
    if (j) {
        CHECK(json_array_size(json_object_get(j, "results")) >= 1);
        CHECK_STR(jstr(json_array_get(json_object_get(j, "results"), 0), "doc"), "mali-attack");
        CHECK_STR(jstr(j, "query"), "ميناكا");
        json_decref(j);
    }
    j = get_json("/api/search?q=Niamey", 200); /* English names find Arabic articles */
    CHECK(j && json_array_size(json_object_get(j, "results")) >= 1);
    json_decref(j);
    j = get_json("/api/search?q=%22unclosed%20OR%20(", 200); /* bad FTS syntax falls back */
    CHECK(j != NULL);
    json_decref(j);
    check_error("/api/search", 400);
    check_error("/api/search?q=", 400);

    j = get_json("/api/actors", 200);
    CHECK(j && json_array_size(json_object_get(j, "actors")) >= 4 &&
          jstr(json_array_get(json_object_get(j, "actors"), 0), "name"));
    json_decref(j);
    j = get_json("/api/actors?limit=1", 200);
    CHECK(j && json_array_size(json_object_get(j, "actors")) == 1);
    json_decref(j);
    j = get_json("/api/places", 200);
    if (j) {
        json_t *p0 = json_array_get(json_object_get(j, "places"), 0);
        CHECK(json_is_number(json_object_get(p0, "lat")) && json_is_integer(json_object_get(p0, "events")));
        json_decref(j);
    }
    j = get_json("/api/graph", 200);
    if (j) {
        json_t *nodes = json_object_get(j, "nodes"), *edges = json_object_get(j, "edges");
        CHECK(json_array_size(nodes) >= 4 && json_array_size(edges) >= 2);
        size_t i, k;
        json_t *e, *n;
        int ok = 1;
        json_array_foreach(edges, i, e)
        {
            int found = 0;
            json_array_foreach(nodes, k, n) if (json_equal(json_object_get(n, "id"), json_object_get(e, "source")))
                found = 1;
            ok &= found && json_is_integer(json_object_get(e, "quad"));
        }
        CHECK(ok);
        json_decref(j);
    }
    check_error("/api/nope", 404);
    check_error("/api/events/1/extra", 404);
}

static void test_exports(void)
{
    resp r;
    CHECK(get("/api/export.csv?type=ASSAULT", NULL, &r) == 0);
    CHECK_INT(r.status, 200);
    CHECK(header(&r, "Content-Type") && strncmp(header(&r, "Content-Type"), "text/csv", 8) == 0);
    CHECK(header(&r, "Content-Disposition") && strstr(header(&r, "Content-Disposition"), "attachment"));
    CHECK(r.body && strncmp(r.body, "event_id_cnty,", 14) == 0);
    resp_free(&r);
    json_t *j = NULL;
    CHECK(get("/api/export.geojson", NULL, &r) == 0);
    CHECK_INT(r.status, 200);
    CHECK(header(&r, "Content-Type") && strstr(header(&r, "Content-Type"), "geo+json"));
    if (r.body) j = json_loadb(r.body, r.blen, 0, NULL);
    CHECK(j && strcmp(jstr(j, "type"), "FeatureCollection") == 0 && json_array_size(json_object_get(j, "features")) >= 4);
    json_decref(j);
    resp_free(&r);
    check_error("/api/export.csv?offset=5", 400);
    check_error("/api/export.geojson?since=bad", 400);
}

static void test_caching(void)
{
    resp r, r2;
    CHECK(get("/api/events", NULL, &r) == 0);
    const char *et = header(&r, "ETag");
    char etag[128] = "";
    if (et) snprintf(etag, sizeof etag, "%s", et);
    CHECK(etag[0] == '"');
    CHECK(header(&r, "Cache-Control") != NULL);
    char extra[256];
    snprintf(extra, sizeof extra, "If-None-Match: %s\r\n", etag);
    CHECK(get("/api/events", extra, &r2) == 0);
    CHECK_INT(r2.status, 304);
    CHECK_INT(r2.blen, 0);
    CHECK_STR(header(&r2, "ETag"), etag);
    resp_free(&r2);
    snprintf(extra, sizeof extra, "If-None-Match: \"other\", W/%s\r\n", etag);
    CHECK(get("/api/events", extra, &r2) == 0);
    CHECK_INT(r2.status, 304);
    resp_free(&r2);
    CHECK(get("/api/events", "If-None-Match: \"0123456789abcdef\"\r\n", &r2) == 0);
    CHECK_INT(r2.status, 200);
    resp_free(&r2);
    CHECK(get("/api/events?limit=1", extra, &r2) == 0); /* another body, another tag */
    CHECK_INT(r2.status, 200);
    resp_free(&r2);

    /* gzip: the same bytes, compressed */
    CHECK(get("/api/events", "Accept-Encoding: deflate, gzip\r\n", &r2) == 0);
    CHECK_INT(r2.status, 200);
    CHECK_STR(header(&r2, "Content-Encoding"), "gzip");
    CHECK(header(&r2, "Vary") && strstr(header(&r2, "Vary"), "Accept-Encoding"));
    CHECK(r2.blen < r.blen);
    uLongf outlen = (uLongf)r.blen + 16;
    char *out = malloc(outlen);
    z_stream z;
    memset(&z, 0, sizeof z);
    int zrc = inflateInit2(&z, 31);
    z.next_in = (Bytef *)r2.body;
    z.avail_in = (uInt)r2.blen;
    z.next_out = (Bytef *)out;
    z.avail_out = (uInt)outlen;
    if (zrc == Z_OK) zrc = inflate(&z, Z_FINISH);
    CHECK_INT(zrc, Z_STREAM_END);
    CHECK_MEM(out, z.total_out, r.body, r.blen);
    inflateEnd(&z);
    free(out);
    /* a 304 for the gzip variant too */
    char gzetag[128];
    snprintf(gzetag, sizeof gzetag, "%s", header(&r2, "ETag") ? header(&r2, "ETag") : "");
    resp_free(&r2);
    snprintf(extra, sizeof extra, "Accept-Encoding: gzip\r\nIf-None-Match: %s\r\n", gzetag);
    CHECK(get("/api/events", extra, &r2) == 0);
    CHECK_INT(r2.status, 304);
    resp_free(&r2);
    CHECK(get("/api/events", "Accept-Encoding: gzip;q=0, identity\r\n", &r2) == 0);
    CHECK(header(&r2, "Content-Encoding") == NULL);
    CHECK_INT(r2.blen, r.blen);
    resp_free(&r2);
    resp_free(&r);
}

static void expect_status(const char *what, const char *req, size_t n, int lo, int hi)
{
    resp r;
    int rc = raw(req, n, &r);
    if (rc != 0 || r.status < lo || r.status > hi)
        printf("%.80s: status %d (want %d-%d)%s\n", what, rc ? -1 : r.status, lo, hi, rc ? " no response" : "");
    CHECK(rc == 0 && r.status >= lo && r.status <= hi);
    CHECK(rc != 0 || !r.body || !strstr(r.body, "root:")); /* never /etc/passwd */
    resp_free(&r);
}

static void expect_get(const char *path, int lo, int hi)
{
    size_t n = strlen(path) + 64;
    char *req = malloc(n);
    snprintf(req, n, "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", path);
    expect_status(path, req, strlen(req), lo, hi);
    free(req);
}

static void test_static(void)
{
    resp r;
    CHECK(get("/", NULL, &r) == 0);
    CHECK_INT(r.status, 200);
    CHECK(header(&r, "Content-Type") && strncmp(header(&r, "Content-Type"), "text/html", 9) == 0);
    CHECK(header(&r, "Content-Security-Policy") && strstr(header(&r, "Content-Security-Policy"), "script-src 'self'"));
    CHECK(r.body && strstr(r.body, "<title>test page</title>"));
    resp_free(&r);
    CHECK(get("/assets/app-1234.js", NULL, &r) == 0);
    CHECK_INT(r.status, 200);
    CHECK(header(&r, "Content-Type") && strncmp(header(&r, "Content-Type"), "text/javascript", 15) == 0);
    CHECK(header(&r, "Cache-Control") && strstr(header(&r, "Cache-Control"), "immutable"));
    resp_free(&r);
    CHECK(get("/assets/style.css", NULL, &r) == 0);
    CHECK(r.status == 200 && strncmp(header(&r, "Content-Type"), "text/css", 8) == 0);
    resp_free(&r);
    CHECK(get("/assets/world.json", NULL, &r) == 0);
    CHECK(r.status == 200 && strncmp(header(&r, "Content-Type"), "application/json", 16) == 0);
    resp_free(&r);
    CHECK(get("/assets/", NULL, &r) == 0); /* a directory is not a file */
    CHECK(r.status >= 400 && r.status < 500);
    resp_free(&r);

    /* traversal and friends: always 4xx, never a file from outside */
    expect_get("/../../../../etc/passwd", 400, 404);
    expect_get("/assets/../../../etc/passwd", 400, 404);
    expect_get("/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 400, 404);
    expect_get("/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", 400, 404);
    expect_get("/assets/..%2f..%2f..%2fetc%2fpasswd", 400, 404);
    expect_get("/..%5c..%5cetc%5cpasswd", 400, 404);
    expect_get("//etc/passwd", 400, 404);
    expect_get("/etc/passwd", 400, 404);
    expect_get("/outside", 400, 404);        /* a symlink out of the web root */
    expect_get("/assets/outside", 400, 404); /* ... in a subdirectory */
    expect_get("/.secret", 400, 404);
    expect_get("/index.html%00.js", 400, 404);
    expect_get("/index.html/", 400, 404);
    expect_get("/%", 400, 404);
    expect_get("/%zz", 400, 404);
    expect_get("http://evil.example/etc/passwd", 400, 404); /* absolute-form */
    expect_get("*", 400, 404);
}

static void test_hostile_requests(void)
{
    /* URL and query size */
    char *big = malloc(30000);
    strcpy(big, "/api/events?actor=");
    memset(big + strlen(big), 'A', 5000);
    big[18 + 5000] = 0;
    expect_get(big, 414, 414);
    strcpy(big, "/");
    memset(big + 1, 'a', 20000);
    big[20001] = 0;
    expect_get(big, 400, 431); /* over MHD's request buffer: 414 from MHD */
    /* too many header fields; one huge header */
    char *req = malloc(40000);
    strcpy(req, "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (int i = 0; i < 100; i++) sprintf(req + strlen(req), "X-H%d: v\r\n", i);
    strcat(req, "Connection: close\r\n\r\n");
    expect_status("100 header fields", req, strlen(req), 431, 431);
    strcpy(req, "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ");
    memset(req + strlen(req), 'b', 30000);
    strcpy(req + strlen("GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ") + 30000, "\r\nConnection: close\r\n\r\n");
    expect_status("a 30 KB header", req, strlen(req), 431, 431);
    free(req);
    free(big);
    /* methods and bodies */
    const char *post = "POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello";
    expect_status("POST", post, strlen(post), 405, 405);
    const char *del = "DELETE /api/events/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    expect_status("DELETE", del, strlen(del), 405, 405);
    const char *body = "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 10\r\nConnection: close\r\n\r\n0123456789";
    expect_status("GET with a body", body, strlen(body), 413, 413);
    const char *chunked =
        "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    expect_status("GET chunked", chunked, strlen(chunked), 413, 413);
    const char *head = "HEAD /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    resp r;
    CHECK(raw(head, strlen(head), &r) == 0 && r.status == 200 && r.blen == 0);
    resp_free(&r);
    /* DNS rebinding: a foreign Host is refused on a loopback server; local names are fine */
    const char *rebind = "GET /api/stats HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n";
    expect_status("foreign Host", rebind, strlen(rebind), 403, 403);
    const char *rebind2 = "GET / HTTP/1.1\r\nHost: 127.0.0.1.evil.example:80\r\nConnection: close\r\n\r\n";
    expect_status("foreign Host with a local prefix", rebind2, strlen(rebind2), 403, 403);
    const char *local[] = {"localhost:8080", "LOCALHOST", "127.0.0.1", "[::1]:9", "127.0.0.2:1"};
    for (size_t i = 0; i < sizeof local / sizeof local[0]; i++) {
        char lreq[256];
        snprintf(lreq, sizeof lreq, "GET /api/stats HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", local[i]);
        expect_status(local[i], lreq, strlen(lreq), 200, 200);
    }
    const char *http10 = "GET /api/stats HTTP/1.0\r\n\r\n";
    expect_status("HTTP/1.0 without Host", http10, strlen(http10), 200, 200);
    /* malformed requests */
    const char *junk[] = {
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET /api/stats HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
        "GET /api/stats HTTP/1.1\r\nNo colon here\r\n\r\n",
        "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n",
        "\x16\x03\x01\x02\x01\x01\x01\x01\xfc\x03\x03 TLS hello\r\n\r\n",
    };
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        int rc = raw(junk[i], strlen(junk[i]), &r);
        CHECK(rc != 0 || (r.status >= 400 && r.status < 600)); /* refused or closed */
        resp_free(&r);
    }
    /* a request with a NUL byte and control bytes in the path */
    static const char nul[] = "GET /api/st\0ats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    expect_status("NUL in path", nul, sizeof nul - 1, 400, 404);
    expect_get("/api/events?actor=%01%02", 200, 200); /* controls in a value are data */
    /* a client that connects and says nothing, one that stops mid-request */
    int idle = connect_server();
    int half = connect_server();
    if (half >= 0) send(half, "GET /api/sta", 12, MSG_NOSIGNAL);
    /* the server still answers */
    json_t *j = get_json("/api/stats", 200);
    CHECK(j != NULL);
    json_decref(j);
    if (idle >= 0) close(idle);
    if (half >= 0) close(half);
}

static void *hammer(void *arg)
{
    int *ok = arg;
    static const char *const paths[] = {"/api/events?limit=3", "/api/stats", "/api/graph", "/api/docs/mali-attack",
                                        "/api/search?q=Niamey", "/api/events/3", "/api/places", "/"};
    for (int i = 0; i < 25; i++) {
        resp r;
        if (get(paths[i % 8], i % 2 ? "Accept-Encoding: gzip\r\n" : NULL, &r) == 0 && r.status == 200) (*ok)++;
        resp_free(&r);
    }
    return NULL;
}

static void test_concurrency(void)
{
    pthread_t t[8];
    int ok[8] = {0};
    for (int i = 0; i < 8; i++) pthread_create(&t[i], NULL, hammer, &ok[i]);
    int total = 0;
    for (int i = 0; i < 8; i++) {
        pthread_join(t[i], NULL);
        total += ok[i];
    }
    CHECK_INT(total, 8 * 25);
    /* keep-alive: two requests on one connection */
    int fd = connect_server();
    const char *two = "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    send(fd, two, strlen(two), MSG_NOSIGNAL);
    char buf[8192];
    size_t len = 0;
    ssize_t k;
    while (len < sizeof buf - 1 && (k = recv(fd, buf + len, sizeof buf - 1 - len, 0)) > 0) len += (size_t)k;
    buf[len] = 0;
    close(fd);
    int n = 0;
    for (char *p = buf; (p = strstr(p, "HTTP/1.1 200")); p++) n++;
    CHECK_INT(n, 2);
}

/* answers are cached, but a commit by another process shows at once */
static void test_cache_invalidation(void)
{
    resp a, b;
    CHECK(get("/api/stats", NULL, &a) == 0);
    CHECK(get("/api/stats", NULL, &b) == 0);
    CHECK(a.status == 200 && b.status == 200 && a.blen == b.blen && memcmp(a.body, b.body, a.blen) == 0);
    resp_free(&b);
    char db[512];
    snprintf(db, sizeof db, "%s/t.db", tmpdir);
    write_file("more.jsonl", "{\"id\":\"later\",\"published\":\"2023-06-01\",\"url\":\"https://example.org/later\","
                             "\"title\":\"later\",\"text\":\"قتل ثلاثة جنود في هجوم قرب غاو أمس.\"}\n");
    char more[512];
    snprintf(more, sizeof more, "%s/more.jsonl", tmpdir);
    char *argv[] = {rasid, "ingest", "--db", db, more, NULL};
    CHECK_INT(run_cmd(argv), 0);
    json_t *j = get_json("/api/stats", 200);
    CHECK_INT(j ? json_integer_value(json_object_get(j, "documents")) : -1, 6);
    json_decref(j);
    j = get_json("/api/docs/later", 200);
    CHECK(j != NULL);
    json_decref(j);
    resp_free(&a);
}

static void test_cli(void)
{
    /* usage errors and a missing store are reported, not served */
    char *a1[] = {rasid, "serve", "--port", "99999", NULL};
    CHECK_INT(run_cmd(a1), 2);
    char *a2[] = {rasid, "serve", "--bogus", NULL};
    CHECK_INT(run_cmd(a2), 2);
    char *a3[] = {rasid, "serve", "--db", "/nonexistent/dir/x.db", "--port", "0", NULL};
    CHECK_INT(run_cmd(a3), 1);
    char *a4[] = {rasid, "serve", "--bind", "not-an-address", "--port", "0", NULL};
    CHECK_INT(run_cmd(a4), 2);
}

/* the request helpers on their own (src/serve/reply.c) */
static void test_helpers(void)
{
    static const char *const safe[] = {"/index.html", "/assets/app-1.js", "/a/b/c.json", "/x"};
    static const char *const unsafe[] = {"", "index.html", "/", "//etc/passwd", "/../x", "/a/../b", "/a/./b",
                                         "/.hidden", "/a/", "/a\\b", "/a\x01b", "/..", "/.", "/a//b"};
    for (size_t i = 0; i < sizeof safe / sizeof safe[0]; i++) CHECK(srv_safe_path(safe[i]));
    for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++) {
        if (srv_safe_path(unsafe[i])) printf("unsafe path accepted: %s\n", unsafe[i]);
        CHECK(!srv_safe_path(unsafe[i]));
    }
    CHECK(srv_accepts_gzip("gzip"));
    CHECK(srv_accepts_gzip("deflate, GZIP;q=0.5"));
    CHECK(srv_accepts_gzip("*"));
    CHECK(!srv_accepts_gzip("gzip;q=0"));
    CHECK(!srv_accepts_gzip("gzip ; q=0.0, identity"));
    CHECK(!srv_accepts_gzip("x-gzip2, br"));
    CHECK(!srv_accepts_gzip(""));
    CHECK(!srv_accepts_gzip(NULL));
    CHECK(!srv_accepts_gzip(",,, ;;"));
    CHECK(srv_etag_match("\"abc\"", "\"abc\""));
    CHECK(srv_etag_match("W/\"abc\"", "\"abc-gz\""));
    CHECK(srv_etag_match("\"x\", \"abc-gz\"", "\"abc\""));
    CHECK(srv_etag_match("*", "\"abc\""));
    CHECK(!srv_etag_match("\"abcd\"", "\"abc\""));
    CHECK(!srv_etag_match("", "\"abc\""));
    CHECK(!srv_etag_match("\"", "\"abc\""));
    CHECK_STR(srv_mime("/a/index.html"), "text/html; charset=utf-8");
    CHECK_STR(srv_mime("/assets/x.JS"), "text/javascript; charset=utf-8");
    CHECK_STR(srv_mime("/assets/countries-50m.json"), "application/json; charset=utf-8");
    CHECK_STR(srv_mime("/a.b/noext"), "application/octet-stream");
    CHECK_STR(srv_mime("/x.woff2"), "font/woff2");
    /* gzip round trip, including empty input */
    const char *in[] = {"", "a", "رصد الأحداث رصد الأحداث رصد الأحداث"};
    for (size_t i = 0; i < 3; i++) {
        char *gz = NULL;
        size_t gzlen = 0;
        CHECK_INT(srv_gzip(in[i], strlen(in[i]), &gz, &gzlen), 0);
        char out[256];
        uLongf n = sizeof out;
        z_stream z;
        memset(&z, 0, sizeof z);
        inflateInit2(&z, 31);
        z.next_in = (Bytef *)gz;
        z.avail_in = (uInt)gzlen;
        z.next_out = (Bytef *)out;
        z.avail_out = (uInt)n;
        CHECK_INT(inflate(&z, Z_FINISH), Z_STREAM_END);
        CHECK_MEM(out, z.total_out, in[i], strlen(in[i]));
        inflateEnd(&z);
        free(gz);
    }
    /* JSON errors escape what they quote */
    srv_reply r;
    memset(&r, 0, sizeof r);
    srv_error(&r, 400, "bad \"x\"\n\\");
    json_t *j = r.body ? json_loadb(r.body, r.len, 0, NULL) : NULL;
    CHECK_STR(j ? jstr(j, "error") : NULL, "bad \"x\"\n\\");
    json_decref(j);
    srv_reply_free(&r);
}

int main(void)
{
    signal(SIGPIPE, SIG_IGN);
    char exe[PATH_MAX];
    ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (l <= 0) return 1;
    exe[l] = 0;
    *strrchr(exe, '/') = 0;
    snprintf(rasid, sizeof rasid, "%s/../rasid", exe);
    if (access(rasid, X_OK) != 0) {
        printf("FAIL: %s not built\n", rasid);
        unit_failed++;
        return unit_done();
    }
    if (!getenv("RASID_DATA")) setenv("RASID_DATA", "data", 1);
    snprintf(tmpdir, sizeof tmpdir, "%s/rasid-serve-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmpdir)) return 1;
    char db[512], web[512], p[600];
    snprintf(db, sizeof db, "%s/t.db", tmpdir);
    char *ingest[] = {rasid, "ingest", "--db", db, "samples/articles.jsonl", "tests/web/hostile.jsonl", NULL};
    int rc = run_cmd(ingest);
    CHECK_INT(rc, 0);
    /* a web root of our own: a page, assets, a symlink out, a hidden file */
    snprintf(web, sizeof web, "%s/web", tmpdir);
    mkdir(web, 0755);
    snprintf(p, sizeof p, "%s/assets", web);
    mkdir(p, 0755);
    write_file("web/index.html", "<!doctype html><html><head><title>test page</title></head><body>hi</body></html>\n");
    write_file("web/assets/app-1234.js", "console.log('rasid');\n");
    write_file("web/assets/style.css", "body{color:red}\n");
    write_file("web/assets/world.json", "{\"type\":\"Topology\"}\n");
    write_file("web/.secret", "secret\n");
    snprintf(p, sizeof p, "%s/outside", web);
    CHECK_INT(symlink("/etc/passwd", p), 0);
    snprintf(p, sizeof p, "%s/assets/outside", web);
    CHECK_INT(symlink("../../../../../../etc/passwd", p), 0);

    if (rc == 0 && start_server(db, web) == 0) {
        UNIT_RUN(test_index_and_stats);
        UNIT_RUN(test_events);
        UNIT_RUN(test_event_and_doc);
        UNIT_RUN(test_lists);
        UNIT_RUN(test_exports);
        UNIT_RUN(test_caching);
        UNIT_RUN(test_static);
        UNIT_RUN(test_hostile_requests);
        UNIT_RUN(test_concurrency);
        UNIT_RUN(test_cache_invalidation);
        /* after everything: still alive, then a clean stop on SIGTERM */
        json_t *j = get_json("/api/stats", 200);
        CHECK(j != NULL);
        json_decref(j);
        CHECK_INT(kill(server, SIGTERM), 0);
        int st = 0;
        for (int i = 0; i < 100 && waitpid(server, &st, WNOHANG) == 0; i++) usleep(50000);
        CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
        if (!WIFEXITED(st)) {
            kill(server, SIGKILL);
            waitpid(server, &st, 0);
        }
    } else {
        printf("FAIL: the server did not start\n");
        unit_failed++;
        if (server > 0) {
            kill(server, SIGKILL);
            waitpid(server, NULL, 0);
        }
    }
    UNIT_RUN(test_cli);
    UNIT_RUN(test_helpers);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0) printf("warning: could not remove %s\n", tmpdir);
    return unit_done();
}
