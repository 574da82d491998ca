/*
 * fetch.c — HTTP(S) GET with libcurl for feeds and article pages.
 *
 * One easy handle per fetcher (connections are reused). Each request: http/https only
 * (also after redirects), at most max_redirects redirects, connect and total timeouts,
 * a body cap (MAXFILESIZE when the length is announced, and the write callback aborts
 * beyond it otherwise), compressed transfer accepted, a User-Agent naming rasid, no
 * signals. Conditional requests send the ETag / Last-Modified remembered for the URL.
 * Retries with exponential back-off on 5xx, 429, timeouts and broken transfers (not on
 * refused connections or DNS errors, which the next round of `rasid watch` retries); a
 * per-host delay spaces requests to one host. Every failure is an error code and a
 * message naming the URL, never an exit.
 *
 * State (JSON, written atomically by rasid_fetcher_save()):
 *   {"version": 1,
 *    "http": {URL: {"etag": "...", "last_modified": "..."}},
 *    "seen": {KEY: "YYYY-MM-DDTHH:MM:SSZ"}}
 */
#include "ingest/ingest.h"

#include <curl/curl.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_HOSTS 64

typedef struct hostslot {
    char host[256];
    struct timespec last;
} hostslot;

struct rasid_fetcher {
    rasid_fetch_opts o;
    char *ua, *state_path;
    CURL *curl;
    json_t *state, *http, *seen;
    hostslot hosts[MAX_HOSTS];
    size_t nhosts, nexthost;
    int global_init;
};

void rasid_fetch_opts_default(rasid_fetch_opts *o)
{
    memset(o, 0, sizeof *o);
    o->connect_timeout_ms = 10000;
    o->timeout_ms = 30000;
    o->retries = 3;
    o->backoff_ms = 1000;
    o->host_delay_ms = 1000;
    o->max_bytes = (size_t)8 << 20;
    o->max_redirects = 5;
}

static const char *DEFAULT_UA = "rasid/" RASID_VERSION " (Arabic news event coder; +https://github.com/rasid/rasid)";

rasid_fetcher *rasid_fetcher_new(const rasid_fetch_opts *opts, char *err, size_t errlen)
{
    rasid_fetcher *f = calloc(1, sizeof *f);
    if (!f) goto nomem;
    if (opts) f->o = *opts;
    else rasid_fetch_opts_default(&f->o);
    f->ua = strdup(f->o.user_agent ? f->o.user_agent : DEFAULT_UA);
    if (!f->ua) goto nomem;
    if (f->o.state_path && !(f->state_path = strdup(f->o.state_path))) goto nomem;
    f->o.user_agent = f->ua;
    f->o.state_path = f->state_path;
    /* reference-counted and thread-safe in libcurl >= 7.84 */
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        rasid__ing_msg(err, errlen, "libcurl initialisation failed");
        rasid_fetcher_free(f);
        return NULL;
    }
    f->global_init = 1;
    f->curl = curl_easy_init();
    if (!f->curl) goto nomem;
    if (f->state_path && access(f->state_path, F_OK) == 0) {
        json_error_t je;
        f->state = json_load_file(f->state_path, 0, &je);
        if (!f->state || !json_is_object(f->state)) {
            rasid__ing_msg(err, errlen, "%s:%d:%d: bad state file: %s", f->state_path, je.line,
                           je.column, f->state ? "not a JSON object" : je.text);
            rasid_fetcher_free(f);
            return NULL;
        }
    }
    if (!f->state) f->state = json_object();
    if (!f->state) goto nomem;
    json_object_set_new(f->state, "version", json_integer(1));
    f->http = json_object_get(f->state, "http");
    if (!json_is_object(f->http)) {
        f->http = json_object();
        if (!f->http || json_object_set_new(f->state, "http", f->http)) goto nomem;
    }
    f->seen = json_object_get(f->state, "seen");
    if (!json_is_object(f->seen)) {
        f->seen = json_object();
        if (!f->seen || json_object_set_new(f->state, "seen", f->seen)) goto nomem;
    }
    return f;
nomem:
    rasid__ing_msg(err, errlen, "out of memory");
    rasid_fetcher_free(f);
    return NULL;
}

void rasid_fetcher_free(rasid_fetcher *f)
{
    if (!f) return;
    if (f->curl) curl_easy_cleanup(f->curl);
    if (f->global_init) curl_global_cleanup();
    json_decref(f->state);
    free(f->ua);
    free(f->state_path);
    free(f);
}

void rasid_fetch_result_clear(rasid_fetch_result *r)
{
    if (!r) return;
    free(r->body);
    free(r->content_type);
    free(r->final_url);
    memset(r, 0, sizeof *r);
}

int rasid_fetcher_seen(const rasid_fetcher *f, const char *key)
{
    return key && json_object_get(f->seen, key) != NULL;
}

int rasid_fetcher_mark_seen(rasid_fetcher *f, const char *key)
{
    if (!key) return RASID_ARG;
    char now[21];
    rasid__ing_now(now);
    return json_object_set_new(f->seen, key, json_string(now)) ? RASID_NOMEM : RASID_OK;
}

int rasid_fetcher_save(rasid_fetcher *f, char *err, size_t errlen)
{
    if (!f->state_path) return RASID_OK;
    size_t n = strlen(f->state_path) + 16;
    char *tmp = malloc(n);
    if (!tmp) return RASID_NOMEM;
    snprintf(tmp, n, "%s.tmp", f->state_path);
    int rc = RASID_OK;
    if (json_dump_file(f->state, tmp, JSON_INDENT(1) | JSON_SORT_KEYS) != 0 ||
        rename(tmp, f->state_path) != 0) {
        rasid__ing_msg(err, errlen, "%s: cannot write the state file: %s", f->state_path, strerror(errno));
        unlink(tmp);
        rc = RASID_IO;
    }
    free(tmp);
    return rc;
}

/* ------------------------------------------------------------ transfer */
typedef struct xfer {
    rasid__buf body;
    size_t max;
    int toobig;
    char *etag, *lastmod, *ctype;
    int nomem;
} xfer;

static size_t on_body(char *p, size_t sz, size_t nm, void *ud)
{
    xfer *x = ud;
    size_t n = sz * nm;
    if (x->body.len + n > x->max) {
        x->toobig = 1;
        return 0;
    }
    if (rasid__buf_put(&x->body, p, n)) {
        x->nomem = 1;
        return 0;
    }
    return n;
}

static void keep_header(char **slot, const char *v, size_t n, xfer *x)
{
    free(*slot);
    *slot = rasid__ing_strtrim(v, n);
    if (!*slot) x->nomem = 1;
}

static size_t on_header(char *p, size_t sz, size_t nm, void *ud)
{
    xfer *x = ud;
    size_t n = sz * nm;
    if (n >= 5 && strncmp(p, "HTTP/", 5) == 0) {
        /* a new response (after a redirect or a 100): forget the previous headers */
        free(x->etag);
        free(x->lastmod);
        free(x->ctype);
        x->etag = x->lastmod = x->ctype = NULL;
        return n;
    }
    const char *c = memchr(p, ':', n);
    if (!c) return n;
    size_t k = (size_t)(c - p);
    const char *v = c + 1;
    size_t vl = n - k - 1;
    if (k == 4 && strncasecmp(p, "ETag", 4) == 0) keep_header(&x->etag, v, vl, x);
    else if (k == 13 && strncasecmp(p, "Last-Modified", 13) == 0) keep_header(&x->lastmod, v, vl, x);
    else if (k == 12 && strncasecmp(p, "Content-Type", 12) == 0) keep_header(&x->ctype, v, vl, x);
    return n;
}

static void sleep_ms(long ms)
{
    if (ms <= 0) return;
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static long elapsed_ms(const struct timespec *a, const struct timespec *b)
{
    return (long)((b->tv_sec - a->tv_sec) * 1000 + (b->tv_nsec - a->tv_nsec) / 1000000);
}

/* Wait for the host's turn, then note the request time. */
static void host_wait(rasid_fetcher *f, const char *url)
{
    char host[256];
    rasid__ing_host(url, host, sizeof host);
    hostslot *slot = NULL;
    for (size_t i = 0; i < f->nhosts; i++)
        if (strcmp(f->hosts[i].host, host) == 0) slot = &f->hosts[i];
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (slot) {
        long gap = elapsed_ms(&slot->last, &now);
        if (gap < f->o.host_delay_ms) sleep_ms(f->o.host_delay_ms - gap);
    } else {
        if (f->nhosts < MAX_HOSTS) slot = &f->hosts[f->nhosts++];
        else slot = &f->hosts[f->nexthost++ % MAX_HOSTS];
        snprintf(slot->host, sizeof slot->host, "%s", host);
    }
    clock_gettime(CLOCK_MONOTONIC, &slot->last);
}

static int retryable_curl(CURLcode c)
{
    return c == CURLE_OPERATION_TIMEDOUT || c == CURLE_RECV_ERROR ||
           c == CURLE_SEND_ERROR || c == CURLE_GOT_NOTHING || c == CURLE_PARTIAL_FILE;
}

int rasid_fetch(rasid_fetcher *f, const char *url, int conditional, rasid_fetch_result *res,
                char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    if (!url || !rasid__ing_is_http(url)) {
        rasid__ing_msg(err, errlen, "%s: only http and https URLs are fetched", url ? url : "(null)");
        return RASID_ARG;
    }
    json_t *val = json_object_get(f->http, url);
    const char *etag = json_string_value(json_object_get(val, "etag"));
    const char *lastmod = json_string_value(json_object_get(val, "last_modified"));
    int rc = RASID_IO;
    for (int attempt = 0; attempt <= f->o.retries; attempt++) {
        if (attempt > 0) {
            long d = f->o.backoff_ms;
            for (int k = 1; k < attempt && d < 600000; k++) d *= 2;
            sleep_ms(d);
        }
        host_wait(f, url);
        xfer x;
        memset(&x, 0, sizeof x);
        x.max = f->o.max_bytes ? f->o.max_bytes : (size_t)8 << 20;
        rasid__buf_init(&x.body, x.max + 1);
        char cerr[CURL_ERROR_SIZE] = "";
        struct curl_slist *hdrs = NULL;
        char line[1024];
        if (conditional && etag) {
            snprintf(line, sizeof line, "If-None-Match: %s", etag);
            hdrs = curl_slist_append(hdrs, line);
        }
        if (conditional && lastmod) {
            snprintf(line, sizeof line, "If-Modified-Since: %s", lastmod);
            hdrs = curl_slist_append(hdrs, line);
        }
        CURL *c = f->curl;
        curl_easy_reset(c);
        curl_easy_setopt(c, CURLOPT_URL, url);
        curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
        curl_easy_setopt(c, CURLOPT_MAXREDIRS, (long)f->o.max_redirects);
        curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, f->o.connect_timeout_ms);
        curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, f->o.timeout_ms);
        curl_easy_setopt(c, CURLOPT_USERAGENT, f->ua);
        curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)x.max);
        curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(c, CURLOPT_WRITEDATA, &x);
        curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(c, CURLOPT_HEADERDATA, &x);
        curl_easy_setopt(c, CURLOPT_ERRORBUFFER, cerr);
        if (hdrs) curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
        CURLcode cc = curl_easy_perform(c);
        curl_slist_free_all(hdrs);
        long status = 0;
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
        res->status = status;
        res->attempts = attempt + 1;
        int retry = 0;
        if (x.nomem) {
            rasid__ing_msg(err, errlen, "%s: out of memory", url);
            rc = RASID_NOMEM;
        } else if (x.toobig || cc == CURLE_FILESIZE_EXCEEDED) {
            rasid__ing_msg(err, errlen, "%s: body exceeds the limit of %zu bytes", url, x.max);
            rc = RASID_TOOBIG;
        } else if (cc != CURLE_OK) {
            rasid__ing_msg(err, errlen, "%s: %s", url, cerr[0] ? cerr : curl_easy_strerror(cc));
            rc = RASID_IO;
            retry = retryable_curl(cc);
        } else if (status == 304) {
            res->not_modified = 1;
            rc = RASID_OK;
        } else if (status >= 200 && status < 300) {
            rc = RASID_OK;
        } else {
            rasid__ing_msg(err, errlen, "%s: HTTP status %ld", url, status);
            rc = RASID_IO;
            retry = status >= 500 || status == 429 || status == 408;
        }
        if (rc == RASID_OK) {
            char *eff = NULL;
            curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
            if (!res->not_modified) {
                res->body = x.body.data ? x.body.data : strdup("");
                x.body.data = NULL;
                res->len = x.body.len;
                if (!res->body) rc = RASID_NOMEM;
            }
            res->content_type = x.ctype;
            x.ctype = NULL;
            if (eff && !(res->final_url = strdup(eff))) rc = RASID_NOMEM;
            if (conditional && !res->not_modified && (x.etag || x.lastmod)) {
                json_t *o = json_object();
                if (o) {
                    if (x.etag) json_object_set_new(o, "etag", json_string(x.etag));
                    if (x.lastmod) json_object_set_new(o, "last_modified", json_string(x.lastmod));
                    json_object_set_new(f->http, url, o);
                }
                /* etag/lastmod pointed into the old value: no longer used below */
            }
        }
        rasid__buf_free(&x.body);
        free(x.etag);
        free(x.lastmod);
        free(x.ctype);
        if (rc == RASID_OK) {
            if (err && errlen) err[0] = 0;
            return RASID_OK;
        }
        if (!retry) break;
    }
    long status = res->status;
    int attempts = res->attempts;
    rasid_fetch_result_clear(res);
    res->status = status;
    res->attempts = attempts;
    return rc;
}
