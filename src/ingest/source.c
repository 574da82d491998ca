/*
 * source.c — the documents of one web input, for the input reader (src/io/input.c):
 * an HTML page (one document: its main text), a feed (one document per item: the
 * item's page when it is fetched, else its description), a WARC file (one document per
 * response record with an HTML payload) or an http(s) URL (fetched, then one of those).
 *
 * Document ids: the file stem for a page, "<stem>:<n>" for the n-th item of a feed or
 * record of a WARC file (n from 1), the URL for a fetched page. Metadata as documented
 * in rasid_ingest.h. Problems with one item are returned as errors for that item (the
 * next call goes on with the next one); a page that cannot be fetched falls back to the
 * item's description, with a message.
 */
#include "ingest/ingest.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct rasid__ingest {
    rasid_sniff kind;
    char *name, *stem, *path;
    char published[11];
    int fetch_pages;
    rasid_fetch_opts fo;
    int have_fo;
    /* the whole input (HTML, feed) */
    char *head;
    size_t headlen;
    FILE *f;
    char *data;
    size_t len;
    int loaded, done;
    char *url;      /* URL inputs */
    char *ctype;    /* HTTP Content-Type of a fetched input */
    char fetched[21];
    rasid_feed *feed;
    size_t item;
    rasid_warc *warc;
    long recno;
    rasid_fetcher *fetcher;
    long where_item;
};

int rasid__ingest_cfg_set(rasid__ingest_cfg *c, const rasid_ingest_opts *o)
{
    rasid__ingest_cfg_clear(c);
    if (!o) return RASID_OK;
    c->o = *o;
    if (o->fetch) {
        c->f = *o->fetch;
        c->have_fetch = 1;
        if (o->fetch->user_agent && !(c->ua = strdup(o->fetch->user_agent))) return RASID_NOMEM;
        if (o->fetch->state_path && !(c->state = strdup(o->fetch->state_path))) return RASID_NOMEM;
        c->f.user_agent = c->ua;
        c->f.state_path = c->state;
        c->o.fetch = &c->f;
    }
    return RASID_OK;
}

void rasid__ingest_cfg_clear(rasid__ingest_cfg *c)
{
    free(c->ua);
    free(c->state);
    memset(c, 0, sizeof *c);
    c->o.fetch_pages = -1;
}

static rasid__ingest *it_new(const char *published_default, const rasid_ingest_opts *opts)
{
    rasid__ingest *it = calloc(1, sizeof *it);
    if (!it) return NULL;
    if (published_default && strlen(published_default) >= 10)
        snprintf(it->published, sizeof it->published, "%.10s", published_default);
    it->fetch_pages = opts ? opts->fetch_pages : -1;
    if (opts && opts->fetch) {
        it->fo = *opts->fetch; /* strings owned by the caller's cfg, which outlives us */
        it->have_fo = 1;
    }
    return it;
}

rasid__ingest *rasid__ingest_open(rasid_sniff kind, const char *path, const char *name,
                                  const char *stem, const char *head, size_t headlen, FILE *f,
                                  const char *published_default, const rasid_ingest_opts *opts)
{
    rasid__ingest *it = it_new(published_default, opts);
    if (!it) return NULL;
    it->kind = kind;
    it->name = strdup(name ? name : "input");
    it->stem = strdup(stem ? stem : "input");
    if (it->stem && kind == RASID_SNIFF_WARC) { /* "x.warc.gz" has the stem "x.warc": drop ".warc" */
        size_t sl = strlen(it->stem);
        if (sl > 5 && strcmp(it->stem + sl - 5, ".warc") == 0) it->stem[sl - 5] = 0;
    }
    if (path) it->path = strdup(path);
    if (!path && headlen) {
        it->head = malloc(headlen);
        if (it->head) memcpy(it->head, head, headlen);
        it->headlen = headlen;
    }
    it->f = path ? NULL : f;
    if (!it->name || !it->stem || (path && !it->path) || (!path && headlen && !it->head)) {
        rasid__ingest_close(it);
        return NULL;
    }
    return it;
}

rasid__ingest *rasid__ingest_open_url(const char *url, const char *published_default,
                                      const rasid_ingest_opts *opts)
{
    rasid__ingest *it = it_new(published_default, opts);
    if (!it) return NULL;
    it->url = strdup(url);
    it->name = strdup(url);
    char host[256];
    rasid__ing_host(url, host, sizeof host);
    it->stem = strdup(host[0] ? host : "url");
    if (!it->url || !it->name || !it->stem) {
        rasid__ingest_close(it);
        return NULL;
    }
    return it;
}

void rasid__ingest_close(rasid__ingest *it)
{
    if (!it) return;
    free(it->name);
    free(it->stem);
    free(it->path);
    free(it->head);
    free(it->data);
    free(it->url);
    free(it->ctype);
    rasid_feed_free(it->feed);
    rasid_warc_close(it->warc);
    rasid_fetcher_free(it->fetcher);
    free(it);
}

const char *rasid__ingest_where(const rasid__ingest *it, long *item)
{
    if (item) *item = it->where_item;
    return it->name;
}

/* ------------------------------------------------------------ helpers */
static int get_fetcher(rasid__ingest *it, char *err, size_t errlen)
{
    if (it->fetcher) return RASID_OK;
    it->fetcher = rasid_fetcher_new(it->have_fo ? &it->fo : NULL, err, errlen);
    return it->fetcher ? RASID_OK : RASID_IO;
}

/* The charset parameter of a Content-Type into out ("" when none). */
static void charset_of(const char *ctype, char *out, size_t n)
{
    out[0] = 0;
    if (!ctype) return;
    const char *p = strcasestr(ctype, "charset=");
    if (!p) return;
    p += 8;
    if (*p == '"') p++;
    size_t k = 0;
    while (*p && *p != ';' && *p != '"' && *p != ' ' && k + 1 < n) out[k++] = *p++;
    out[k] = 0;
}

/* Read the whole input (file or head + stream) into it->data, capped. */
static int load(rasid__ingest *it, char *err, size_t errlen)
{
    const size_t cap = RASID_MAX_DOC_BYTES;
    rasid__buf b;
    rasid__buf_init(&b, cap + 1);
    FILE *f = it->f;
    int own = 0;
    if (it->path) {
        f = fopen(it->path, "rb");
        if (!f) {
            rasid__ing_msg(err, errlen, "%s: %s", it->name, strerror(errno));
            return RASID_IO;
        }
        own = 1;
        struct stat st;
        if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > cap) {
            fclose(f);
            rasid__ing_msg(err, errlen, "%s: file of %lld bytes exceeds the limit of %zu bytes",
                           it->name, (long long)st.st_size, cap);
            return RASID_TOOBIG;
        }
    } else if (it->headlen) {
        rasid__buf_put(&b, it->head, it->headlen);
    }
    char chunk[65536];
    while (f && !b.err) {
        size_t n = fread(chunk, 1, sizeof chunk, f);
        if (n == 0) break;
        rasid__buf_put(&b, chunk, n);
    }
    int ioerr = f && ferror(f);
    if (own) fclose(f);
    if (b.err) {
        int e = b.err;
        rasid__buf_free(&b);
        if (e == RASID_TOOBIG)
            rasid__ing_msg(err, errlen, "%s: input exceeds the limit of %zu bytes", it->name, cap);
        else
            rasid__ing_msg(err, errlen, "%s: out of memory", it->name);
        return e;
    }
    if (ioerr) {
        rasid__buf_free(&b);
        rasid__ing_msg(err, errlen, "%s: read error", it->name);
        return RASID_IO;
    }
    it->data = b.data ? b.data : strdup("");
    it->len = b.len;
    return it->data ? RASID_OK : RASID_NOMEM;
}

static int set_meta(rasid_doc *d, const char *k, const char *v)
{
    if (!v || !*v) return RASID_OK;
    return rasid_doc_set_meta(d, k, v);
}

/* Make a document of a page; *doc NULL and an error when the page has no text. */
static int page_doc(rasid__ingest *it, const rasid_html_page *pg, const char *id, const char *url,
                    const char *fallback_title, const char *fallback_source, const char *fetched,
                    const char *format, const char *published, rasid_doc **doc, char *err,
                    size_t errlen)
{
    const char *pub = pg && pg->published ? pg->published : published;
    if (!pub && it->published[0]) pub = it->published;
    const char *text = pg ? pg->text : "";
    size_t len = pg ? pg->text_len : 0;
    *doc = rasid_doc_new(id, text, len, pub);
    if (!*doc) {
        rasid__ing_msg(err, errlen, "%s: out of memory", it->name);
        return RASID_NOMEM;
    }
    char host[256];
    rasid__ing_host(url, host, sizeof host);
    const char *src = pg && pg->site_name ? pg->site_name : fallback_source ? fallback_source : host;
    int rc = 0;
    rc |= set_meta(*doc, "url", pg && pg->url ? pg->url : url);
    rc |= set_meta(*doc, "title", pg && pg->title ? pg->title : fallback_title);
    rc |= set_meta(*doc, "source", src);
    rc |= set_meta(*doc, "author", pg ? pg->author : NULL);
    rc |= set_meta(*doc, "fetched", fetched);
    rc |= set_meta(*doc, "format", format);
    if (rc) {
        rasid_doc_free(*doc);
        *doc = NULL;
        rasid__ing_msg(err, errlen, "%s: out of memory", it->name);
        return RASID_NOMEM;
    }
    return 1;
}

/* ------------------------------------------------------------ kinds */
static int next_html(rasid__ingest *it, rasid_doc **doc, char *err, size_t errlen)
{
    it->done = 1;
    char cs[64];
    charset_of(it->ctype, cs, sizeof cs);
    rasid_html_page *pg = NULL;
    int rc = rasid_html_extract(it->data, it->len, it->url, cs[0] ? cs : NULL, &pg, err, errlen);
    if (rc) return rc;
    if (pg->text_len == 0) {
        rasid__ing_msg(err, errlen, "%s: no text found in the page", it->name);
        rasid_html_page_free(pg);
        return RASID_EMPTY;
    }
    rc = page_doc(it, pg, it->url ? it->url : it->stem, it->url, NULL, NULL,
                  it->fetched[0] ? it->fetched : NULL, "html", NULL, doc, err, errlen);
    rasid_html_page_free(pg);
    return rc;
}

static int next_item(rasid__ingest *it, rasid_doc **doc, char *err, size_t errlen)
{
    if (!it->feed) {
        rasid_feed *fd = NULL;
        int rc = rasid_feed_parse(it->data, it->len, it->url ? it->url : it->name, &fd, err, errlen);
        if (rc) {
            it->done = 1;
            return rc;
        }
        it->feed = fd;
        free(it->data); /* the items hold what is needed */
        it->data = NULL;
        if (fd->warning) {
            rasid__ing_msg(err, errlen, "%s", fd->warning);
            return RASID_PARSE;
        }
    }
    rasid_feed *fd = it->feed;
    if (it->item >= fd->nitems) {
        it->done = 1;
        return 0;
    }
    const rasid_feed_item *x = &fd->items[it->item++];
    it->where_item = (long)it->item;
    const char *format = fd->kind == RASID_FEED_ATOM ? "atom" : "rss";
    char id[512];
    snprintf(id, sizeof id, "%s:%zu", it->stem, it->item);
    int fetch = it->fetch_pages == 1 || (it->fetch_pages < 0 && it->url != NULL);
    char ferr[512] = "";
    if (fetch && x->link && rasid__ing_is_http(x->link)) {
        int rc = get_fetcher(it, ferr, sizeof ferr);
        rasid_fetch_result r;
        memset(&r, 0, sizeof r);
        if (rc == RASID_OK) rc = rasid_fetch(it->fetcher, x->link, 0, &r, ferr, sizeof ferr);
        if (rc == RASID_NOMEM) {
            rasid__ing_msg(err, errlen, "%s", ferr);
            return rc;
        }
        if (rc == RASID_OK && r.body) {
            char cs[64], now[21];
            charset_of(r.content_type, cs, sizeof cs);
            rasid__ing_now(now);
            rasid_html_page *pg = NULL;
            rc = rasid_html_extract(r.body, r.len, r.final_url ? r.final_url : x->link,
                                    cs[0] ? cs : NULL, &pg, ferr, sizeof ferr);
            rasid_fetch_result_clear(&r);
            if (rc == RASID_NOMEM) {
                rasid__ing_msg(err, errlen, "%s", ferr);
                return rc;
            }
            if (rc == RASID_OK && pg->text_len > 0) {
                if (!pg->url) pg->url = strdup(x->link);
                rc = page_doc(it, pg, id, x->link, x->title, fd->title, now, format, x->published,
                              doc, err, errlen);
                rasid_html_page_free(pg);
                return rc;
            }
            if (rc == RASID_OK) snprintf(ferr, sizeof ferr, "%s: no text found in the page", x->link);
            rasid_html_page_free(pg);
        }
        rasid_fetch_result_clear(&r);
    }
    /* the item itself: title and description */
    rasid__buf b;
    rasid__buf_init(&b, RASID_MAX_DOC_BYTES + 1);
    if (x->title) {
        rasid__buf_puts(&b, x->title);
        rasid__buf_puts(&b, "\n");
    }
    if (x->text && *x->text) {
        if (b.len) rasid__buf_puts(&b, "\n");
        rasid__buf_puts(&b, x->text);
        rasid__buf_puts(&b, "\n");
    }
    if (b.err) {
        int e = b.err;
        rasid__buf_free(&b);
        rasid__ing_msg(err, errlen, "%s: item %zu: text too large", it->name, it->item);
        return e;
    }
    if (b.len == 0) {
        rasid__buf_free(&b);
        rasid__ing_msg(err, errlen, "%s: item %zu: no text%s%s", it->name, it->item,
                       ferr[0] ? "; " : "", ferr);
        return RASID_EMPTY;
    }
    rasid_html_page pg;
    memset(&pg, 0, sizeof pg);
    pg.text = b.data;
    pg.text_len = b.len;
    pg.author = x->author;
    pg.published = x->published;
    int rc = page_doc(it, &pg, id, x->link, x->title, fd->title, NULL, format, NULL, doc, err, errlen);
    rasid__buf_free(&b);
    if (rc == 1 && ferr[0]) rasid__ing_msg(err, errlen, "%s (the item's description is used)", ferr);
    return rc;
}

static int is_html_type(const char *ct)
{
    return ct && (rasid__ing_prefix(ct, "text/html") || rasid__ing_prefix(ct, "application/xhtml"));
}

static int next_record(rasid__ingest *it, rasid_doc **doc, char *err, size_t errlen)
{
    if (!it->warc) {
        if (it->path) {
            it->warc = rasid_warc_open(it->path, err, errlen);
            if (!it->warc) {
                it->done = 1;
                return RASID_IO;
            }
        } else {
            it->warc = it->data ? rasid_warc_open_mem(it->data, it->len)
                                : rasid_warc_open_stream(it->head, it->headlen, it->f);
            if (!it->warc) {
                it->done = 1;
                rasid__ing_msg(err, errlen, "%s: out of memory", it->name);
                return RASID_NOMEM;
            }
        }
    }
    for (;;) {
        rasid_warc_record rec;
        char werr[256] = "";
        int r = rasid_warc_next(it->warc, &rec, werr, sizeof werr);
        if (r == 0) {
            it->done = 1;
            return 0;
        }
        if (r < 0) {
            rasid__ing_msg(err, errlen, "%s: %s", it->name, werr);
            if (r == RASID_IO || r == RASID_NOMEM) it->done = 1;
            return r;
        }
        it->recno++;
        it->where_item = it->recno;
        if (strcmp(rec.type, "response") != 0) continue;
        if (rec.http_status && (rec.http_status < 200 || rec.http_status >= 300)) continue;
        if (rec.truncated && !rec.payload) {
            rasid__ing_msg(err, errlen, "%s: record %ld (%s): block of %llu bytes exceeds the limit, skipped",
                           it->name, it->recno, rec.target_uri ? rec.target_uri : "?",
                           (unsigned long long)rec.content_length);
            return RASID_TOOBIG;
        }
        if (!rec.http_status) continue; /* not an HTTP response */
        if (rec.http_content_type ? !is_html_type(rec.http_content_type)
                                  : rasid_ingest_sniff("", rec.payload, rec.payload_len) != RASID_SNIFF_HTML)
            continue;
        char cs[64];
        charset_of(rec.http_content_type, cs, sizeof cs);
        rasid_html_page *pg = NULL;
        char id[512];
        snprintf(id, sizeof id, "%s:%ld", it->stem, it->recno);
        int rc = rasid_html_extract(rec.payload, rec.payload_len, rec.target_uri, cs[0] ? cs : NULL, &pg,
                                    err, errlen);
        if (rc) return rc;
        if (pg->text_len == 0) {
            rasid__ing_msg(err, errlen, "%s: record %ld (%s): no text found in the page", it->name,
                           it->recno, rec.target_uri ? rec.target_uri : "?");
            rasid_html_page_free(pg);
            return RASID_EMPTY;
        }
        /* the URL is the one crawled; the canonical one goes second */
        free(pg->url);
        pg->url = NULL;
        rc = page_doc(it, pg, id, rec.target_uri, NULL, NULL, rec.date, "warc", NULL, doc, err, errlen);
        if (rc == 1 && rec.truncated)
            rasid__ing_msg(err, errlen, "%s: record %ld (%s): truncated record", it->name, it->recno,
                           rec.target_uri ? rec.target_uri : "?");
        rasid_html_page_free(pg);
        return rc;
    }
}

int rasid__ingest_next(rasid__ingest *it, rasid_doc **doc, char *err, size_t errlen)
{
    *doc = NULL;
    if (err && errlen) err[0] = 0;
    if (it->done) return 0;
    if (it->url && !it->loaded) {
        it->loaded = 1;
        char ferr[512] = "";
        int rc = get_fetcher(it, ferr, sizeof ferr);
        rasid_fetch_result r;
        memset(&r, 0, sizeof r);
        if (rc == RASID_OK) rc = rasid_fetch(it->fetcher, it->url, 0, &r, ferr, sizeof ferr);
        if (rc) {
            rasid__ing_msg(err, errlen, "%s", ferr);
            it->done = 1;
            return rc;
        }
        rasid__ing_now(it->fetched);
        it->data = r.body;
        it->len = r.len;
        it->ctype = r.content_type;
        r.body = r.content_type = NULL;
        rasid_fetch_result_clear(&r);
        if (!it->data) it->data = strdup("");
        if (!it->data) return RASID_NOMEM;
        it->kind = rasid_ingest_sniff(it->url, it->data, it->len);
        if (it->kind == RASID_SNIFF_TEXT && is_html_type(it->ctype)) it->kind = RASID_SNIFF_HTML;
        if (it->kind == RASID_SNIFF_TEXT) {
            it->done = 1;
            if (it->len == 0) {
                rasid__ing_msg(err, errlen, "%s: empty answer", it->name);
                return RASID_EMPTY;
            }
            *doc = rasid_doc_new(it->url, it->data, it->len, it->published[0] ? it->published : NULL);
            if (!*doc) return RASID_NOMEM;
            if (set_meta(*doc, "url", it->url) || set_meta(*doc, "fetched", it->fetched)) {
                rasid_doc_free(*doc);
                *doc = NULL;
                return RASID_NOMEM;
            }
            size_t off;
            if (rasid_check_text(it->data, it->len, &off) == RASID_UTF8)
                rasid__ing_msg(err, errlen, "%s: invalid UTF-8 at byte offset %zu", it->name, off);
            return 1;
        }
    } else if (!it->loaded) {
        it->loaded = 1;
        if (it->kind != RASID_SNIFF_WARC) {
            int rc = load(it, err, errlen);
            if (rc) {
                it->done = 1;
                return rc;
            }
        }
    }
    switch (it->kind) {
    case RASID_SNIFF_HTML: return next_html(it, doc, err, errlen);
    case RASID_SNIFF_FEED: return next_item(it, doc, err, errlen);
    case RASID_SNIFF_WARC: return next_record(it, doc, err, errlen);
    default: it->done = 1; return 0;
    }
}
