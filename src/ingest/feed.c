/*
 * feed.c — RSS 2.0 (and 0.9x, RDF 1.0) and Atom feeds with libxml2's XML parser.
 *
 * Safety: XML_PARSE_NONET, no XML_PARSE_NOENT (entities are not substituted, so no
 * external entity is ever loaded), no DTD loading or validation, libxml2's default
 * limits (no XML_PARSE_HUGE). Feeds are parsed strictly first; a malformed feed is
 * parsed again in recovery mode and the items found are kept, with a warning.
 *
 * Items: title, link (RSS <link>, Atom <link rel=alternate href>, or a permalink guid),
 * guid/id, date (pubDate, dc:date, published, updated) normalised to YYYY-MM-DD, author,
 * and the text: content:encoded / Atom content, else description / summary, through
 * the HTML-to-text converter (descriptions are HTML, escaped or in CDATA).
 */
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

static int is(xmlNodePtr n, const char *name, const char *ns)
{
    if (n->type != XML_ELEMENT_NODE || !n->name || strcmp((const char *)n->name, name) != 0) return 0;
    if (!ns) return n->ns == NULL || n->ns->href == NULL ||
                    strcmp((const char *)n->ns->href, NS_ATOM) == 0 ||
                    strncmp((const char *)n->ns->href, "http://purl.org/rss/", 20) == 0 ||
                    strncmp((const char *)n->ns->href, "http://my.netscape.com/rdf/", 27) == 0 ||
                    strncmp((const char *)n->ns->href, "http://backend.userland.com/rss", 31) == 0;
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

static const char *prop(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next)
        if (a->name && strcmp((const char *)a->name, name) == 0 && a->children &&
            a->children->content)
            return (const char *)a->children->content;
    return NULL;
}

/* The element's text (trimmed, malloc'd); NULL for none or on OOM (*nomem set). */
static char *text_of(xmlNodePtr n, int *nomem)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c) return NULL;
    char *t = rasid__ing_strtrim((const char *)c, strlen((const char *)c));
    xmlFree(c);
    if (!t) *nomem = 1;
    else if (!*t) {
        free(t);
        t = NULL;
    }
    return t;
}

/* Atom text constructs: type="html" holds escaped HTML, "xhtml" a div of markup. */
static char *atom_text(xmlNodePtr n, int *nomem)
{
    const char *type = prop(n, "type");
    if (type && strcmp(type, "xhtml") == 0) {
        xmlBufferPtr b = xmlBufferCreate();
        if (!b) {
            *nomem = 1;
            return NULL;
        }
        for (xmlNodePtr c = n->children; c; c = c->next) xmlNodeDump(b, n->doc, c, 0, 0);
        char *r = NULL;
        size_t len = 0;
        if (rasid_html_to_text((const char *)xmlBufferContent(b), (size_t)xmlBufferLength(b), &r, &len))
            *nomem = 1;
        xmlBufferFree(b);
        return r;
    }
    char *raw = text_of(n, nomem);
    if (!raw) return NULL;
    char *r = NULL;
    size_t len = 0;
    if (rasid_html_to_text(raw, strlen(raw), &r, &len)) *nomem = 1;
    free(raw);
    return r;
}

static void set(char **slot, char *v)
{
    if (*slot || !v) {
        free(v);
        return;
    }
    *slot = v;
}

static void item_free(rasid_feed_item *it)
{
    free(it->title);
    free(it->link);
    free(it->guid);
    free(it->published);
    free(it->published_raw);
    free(it->author);
    free(it->text);
}

void rasid_feed_free(rasid_feed *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->nitems; i++) item_free(&f->items[i]);
    free(f->items);
    free(f->title);
    free(f->link);
    free(f->warning);
    free(f);
}

static int parse_item(xmlNodePtr item, int atom, const char *base, rasid_feed_item *it)
{
    int nomem = 0;
    char *date_pub = NULL, *date_upd = NULL, *desc = NULL, *content = NULL;
    for (xmlNodePtr c = item->children; c && !nomem; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is(c, "title", NULL)) {
            set(&it->title, atom ? atom_text(c, &nomem) : NULL);
            if (!atom) {
                char *raw = text_of(c, &nomem), *t = NULL;
                size_t l;
                if (raw && rasid_html_to_text(raw, strlen(raw), &t, &l)) nomem = 1;
                free(raw);
                set(&it->title, t);
            }
        } else if (is(c, "link", NULL)) {
            if (atom) {
                const char *rel = prop(c, "rel"), *href = prop(c, "href");
                if (href && (!rel || strcmp(rel, "alternate") == 0)) {
                    char *u = rasid__ing_resolve(base, href);
                    if (!u) nomem = 1;
                    set(&it->link, u);
                }
            } else {
                char *t = text_of(c, &nomem);
                if (!t && prop(c, "href")) t = strdup(prop(c, "href"));
                if (t) {
                    char *u = rasid__ing_resolve(base, t);
                    free(t);
                    if (!u) nomem = 1;
                    set(&it->link, u);
                }
            }
        } else if (is(c, "guid", NULL) || (atom && is(c, "id", NULL))) {
            char *g = text_of(c, &nomem);
            const char *perma = prop(c, "isPermaLink");
            if (g && !atom && !it->link && rasid__ing_is_http(g) && !(perma && strcmp(perma, "false") == 0)) {
                it->link = strdup(g);
                if (!it->link) nomem = 1;
            }
            set(&it->guid, g);
        } else if (is(c, "pubDate", NULL) || is(c, "published", NULL) || is(c, "date", NS_DC) ||
                   is(c, "issued", NULL)) {
            set(&date_pub, text_of(c, &nomem));
        } else if (is(c, "updated", NULL) || is(c, "modified", NULL)) {
            set(&date_upd, text_of(c, &nomem));
        } else if (is(c, "encoded", NS_CONTENT) || (atom && is(c, "content", NULL))) {
            set(&content, atom ? atom_text(c, &nomem) : text_of(c, &nomem));
        } else if (is(c, "description", NULL) || (atom && is(c, "summary", NULL))) {
            set(&desc, atom ? atom_text(c, &nomem) : text_of(c, &nomem));
        } else if (is(c, "author", NULL) || is(c, "creator", NS_DC)) {
            if (atom) {
                for (xmlNodePtr a = c->children; a; a = a->next)
                    if (is(a, "name", NULL)) set(&it->author, text_of(a, &nomem));
            } else {
                set(&it->author, text_of(c, &nomem));
            }
        }
    }
    if (!it->link && !atom) {
        const char *about = prop(item, "about"); /* RDF */
        if (about) {
            it->link = rasid__ing_resolve(base, about);
            if (!it->link) nomem = 1;
        }
    }
    const char *d = date_pub ? date_pub : date_upd;
    char ymd[11];
    if (d && rasid_ingest_date(d, ymd) == RASID_OK) {
        it->published = strdup(ymd);
        it->published_raw = strdup(d);
        if (!it->published || !it->published_raw) nomem = 1;
    }
    /* the text: content if any, else the description (both HTML) */
    const char *body = content ? content : desc;
    if (body && !atom) {
        size_t l;
        char *t = NULL;
        if (rasid_html_to_text(body, strlen(body), &t, &l)) nomem = 1;
        it->text = t;
    } else if (body) {
        it->text = strdup(body);
        if (!it->text) nomem = 1;
    }
    if (!it->text && !nomem) {
        it->text = strdup("");
        if (!it->text) nomem = 1;
    }
    free(date_pub);
    free(date_upd);
    free(desc);
    free(content);
    return nomem ? RASID_NOMEM : RASID_OK;
}

static int add_item(rasid_feed *f, size_t *cap, xmlNodePtr n, int atom, const char *base)
{
    if (f->nitems >= RASID_FEED_MAX_ITEMS) return RASID_OK;
    if (f->nitems == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        rasid_feed_item *p = realloc(f->items, nc * sizeof *p);
        if (!p) return RASID_NOMEM;
        f->items = p;
        *cap = nc;
    }
    rasid_feed_item *it = &f->items[f->nitems];
    memset(it, 0, sizeof *it);
    f->nitems++;
    return parse_item(n, atom, base, it);
}

int rasid_feed_parse(const char *data, size_t len, const char *url, rasid_feed **out, char *err,
                     size_t errlen)
{
    *out = NULL;
    const char *name = url ? url : "feed";
    if (len > RASID_MAX_DOC_BYTES) {
        rasid__ing_msg(err, errlen, "%s: feed of %zu bytes exceeds the limit", name, len);
        return RASID_TOOBIG;
    }
    if (len == 0) {
        rasid__ing_msg(err, errlen, "%s: empty feed", name);
        return RASID_PARSE;
    }
    const int base_opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        rasid__ing_msg(err, errlen, "%s: out of memory", name);
        return RASID_NOMEM;
    }
    char warning[512] = "";
    xmlDocPtr d = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL, base_opts);
    if (!d) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        snprintf(warning, sizeof warning, "%s: malformed XML at line %d: %s", name, e ? e->line : 0,
                 e && e->message ? e->message : "parse error");
        /* strip the message's final newline */
        size_t wl = strlen(warning);
        while (wl && (warning[wl - 1] == '\n' || warning[wl - 1] == ' ')) warning[--wl] = 0;
        xmlCtxtReset(ctxt);
        d = xmlCtxtReadMemory(ctxt, data, (int)len, url, NULL, base_opts | XML_PARSE_RECOVER);
    }
    xmlFreeParserCtxt(ctxt);
    xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;
    int kind = 0;
    if (root && root->name) {
        if (strcmp((const char *)root->name, "rss") == 0) kind = RASID_FEED_RSS;
        else if (strcmp((const char *)root->name, "feed") == 0) kind = RASID_FEED_ATOM;
        else if (strcmp((const char *)root->name, "RDF") == 0) kind = RASID_FEED_RDF;
    }
    if (!kind) {
        if (warning[0]) rasid__ing_msg(err, errlen, "%s", warning);
        else rasid__ing_msg(err, errlen, "%s: not an RSS or Atom feed", name);
        if (d) xmlFreeDoc(d);
        return RASID_PARSE;
    }
    rasid_feed *f = calloc(1, sizeof *f);
    int rc = f ? RASID_OK : RASID_NOMEM;
    size_t cap = 0;
    if (f) {
        f->kind = (rasid_feed_kind)kind;
        int atom = kind == RASID_FEED_ATOM;
        int nomem = 0;
        xmlNodePtr chan = root;
        if (kind == RASID_FEED_RSS) {
            for (chan = root->children; chan && !is(chan, "channel", NULL); chan = chan->next) {}
            if (!chan) chan = root;
        }
        /* RDF: items are siblings of the channel under the root */
        for (xmlNodePtr c = (kind == RASID_FEED_RDF ? root : chan)->children; c && rc == RASID_OK; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, atom ? "entry" : "item", NULL)) {
                rc = add_item(f, &cap, c, atom, url);
            } else if (is(c, "channel", NULL)) {
                for (xmlNodePtr k = c->children; k; k = k->next) {
                    if (is(k, "title", NULL)) set(&f->title, text_of(k, &nomem));
                    else if (is(k, "link", NULL)) set(&f->link, text_of(k, &nomem));
                }
            } else if (is(c, "title", NULL)) {
                set(&f->title, text_of(c, &nomem));
            } else if (is(c, "link", NULL)) {
                if (atom) {
                    const char *rel = prop(c, "rel"), *href = prop(c, "href");
                    if (href && (!rel || strcmp(rel, "alternate") == 0)) {
                        char *u = strdup(href);
                        if (!u) nomem = 1;
                        set(&f->link, u);
                    }
                } else {
                    set(&f->link, text_of(c, &nomem));
                }
            }
        }
        if (nomem) rc = RASID_NOMEM;
        if (rc == RASID_OK && warning[0]) {
            f->warning = strdup(warning);
            if (!f->warning) rc = RASID_NOMEM;
        }
    }
    xmlFreeDoc(d);
    if (rc != RASID_OK) {
        rasid_feed_free(f);
        rasid__ing_msg(err, errlen, "%s: out of memory", name);
        return rc;
    }
    *out = f;
    return RASID_OK;
}
