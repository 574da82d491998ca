/*
 * html.c — main text and metadata of news pages (libxml2's HTML parser).
 *
 * 1. Parse leniently (recover, no network, no error output). Pages that declare no
 *    charset are read as UTF-8 (libxml2 would otherwise assume Latin-1).
 * 2. Metadata pass over the whole tree: <meta> (Open Graph, article:*, name=author/date),
 *    <link rel=canonical>, <title>, the first <h1>, the first <time datetime> outside
 *    boilerplate, and JSON-LD blocks (Jansson: @graph, arrays, NewsArticle & co.).
 * 3. Linearisation: a walk that drops boilerplate — tags (script, style, nav, header,
 *    footer, aside, form, iframe, svg, ...) and elements whose class/id/role name menus,
 *    sharing, comments, related articles, footers, sidebars, breadcrumbs, cookie banners,
 *    newsletters, ads or widgets, and figures with their captions — and cuts the rest into paragraphs at block elements
 *    and <br>, collapsing ASCII whitespace (NBSP and other Unicode spaces are kept).
 *    Each paragraph remembers its block element, its length, its link text and its share
 *    of Arabic letters.
 * 4. Choice of the content block: every element gets S = good - junk (+ a quarter of good
 *    for <article>, itemprop=articleBody, <main> and content-like classes), where a
 *    paragraph of >= 25 characters with little link text is good (weighted towards
 *    Arabic text) and link text and short fragments are junk; the highest S wins (the
 *    first one met on a tie). Its paragraphs, minus link lists, letterless fragments
 *    and a repeat of the title, are the text, after the title line.
 * Nothing here keeps state between calls; node->_private holds a per-call index.
 */
#include "ingest/ingest.h"

#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#define MAX_DEPTH 400

/* ------------------------------------------------------------ tag classes */
static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0) return 1;
    return 0;
}

static const char *const DROP_TAGS[] = {
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe",
    "svg", "button", "select", "textarea", "input", "label", "option", "template", "object",
    "embed", "video", "audio", "canvas", "map", "dialog", "menu", "head", "math", "frameset",
    "frame", "applet", "link", "meta", "figure", NULL};

static const char *const BLOCK_TAGS[] = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "blockquote", "pre", "section", "article", "main", "table", "tr", "td", "th", "tbody",
    "thead", "tfoot", "caption", "figure", "figcaption", "address", "hr", "center", "body",
    "html", "details", "summary", "fieldset", "hgroup", NULL};

static const char *const ROLE_DROP[] = {
    "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search",
    "dialog", "alertdialog", "toolbar", "tablist", NULL};

/* Class/id words that mark boilerplate: a token equal to one of SHORT, or containing one
 * of LONG. Tokens are the runs of [a-z0-9] of the lower-cased attribute. */
static const char *const BP_SHORT[] = {"nav", "ad", "ads", "adv", "advert", "tag", "tags",
                                       "share", "social", "menu", "related", "comment",
                                       "comments", "footer", "sidebar", "cookie", "cookies",
                                       "widget", "promo", "sponsor", "sponsored", "popup",
                                       "modal", "banner", "masthead", "topbar", "toolbar",
                                       "pagination", "pager", "print", "subscribe", "login",
                                       "signup", "newsletter", "breadcrumb", "breadcrumbs",
                                       "most", "trending", "outbrain", "taboola", "disqus",
                                       "consent", "gdpr", "sharing", "shares", "hidden", NULL};
static const char *const BP_LONG[] = {"navbar", "navigation", "menu", "share", "social",
                                      "comment", "related", "footer", "sidebar",
                                      "breadcrumb", "cookie", "newsletter", "widget",
                                      "advert", "adsbygoogle", "adslot", "sponsor",
                                      "subscribe", "popular", "readmore", "read-more",
                                      "recommend", "outbrain", "taboola", "disqus", NULL};

static int class_is_boilerplate(const char *v)
{
    char tok[64];
    size_t n = 0;
    for (const char *p = v;; p++) {
        int c = (unsigned char)*p;
        if (c && (isalnum(c) || c == '-') && c < 128) {
            if (n + 1 < sizeof tok) tok[n++] = (char)tolower(c);
            continue;
        }
        if (n) {
            tok[n] = 0;
            /* split "share-buttons" into words too, and test the whole token */
            if (in_list(tok, BP_SHORT)) return 1;
            for (const char *const *l = BP_LONG; *l; l++)
                if (strstr(tok, *l)) return 1;
            char *save = NULL;
            for (char *w = strtok_r(tok, "-", &save); w; w = strtok_r(NULL, "-", &save))
                if (in_list(w, BP_SHORT)) return 1;
            n = 0;
        }
        if (!c) break;
    }
    return 0;
}

static const char *attr(xmlNodePtr n, const char *name)
{
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

static int protected_elem(xmlNodePtr n)
{
    const char *name = (const char *)n->name;
    if (strcmp(name, "html") == 0 || strcmp(name, "body") == 0 || strcmp(name, "main") == 0 ||
        strcmp(name, "article") == 0)
        return 1;
    const char *ip = attr(n, "itemprop");
    return ip && strstr(ip, "articleBody");
}

/* Is this element (not its ancestors) boilerplate by its class, id, role or hiding? */
static int attr_boilerplate(xmlNodePtr n)
{
    if (protected_elem(n)) return 0;
    const char *v;
    if ((v = attr(n, "role")) && in_list(v, ROLE_DROP)) return 1;
    if (attr(n, "hidden")) return 1;
    if ((v = attr(n, "aria-hidden")) && strcmp(v, "true") == 0) return 1;
    if ((v = attr(n, "style"))) {
        char buf[256];
        size_t k = 0;
        for (const char *p = v; *p && k + 1 < sizeof buf; p++)
            if (!isspace((unsigned char)*p)) buf[k++] = (char)tolower((unsigned char)*p);
        buf[k] = 0;
        if (strstr(buf, "display:none") || strstr(buf, "visibility:hidden")) return 1;
    }
    if ((v = attr(n, "class")) && class_is_boilerplate(v)) return 1;
    if ((v = attr(n, "id")) && class_is_boilerplate(v)) return 1;
    return 0;
}

static int drop_elem(xmlNodePtr n)
{
    return in_list((const char *)n->name, DROP_TAGS) || attr_boilerplate(n);
}

/* ------------------------------------------------------------ paragraphs */
typedef struct para {
    size_t off, len;        /* in ctx.text */
    size_t chars, letters, arabic, linkchars;
    xmlNodePtr block;
    int heading;
} para;

typedef struct ctx {
    rasid__buf text;   /* paragraphs, NUL-separated */
    rasid__vec paras;
    /* current paragraph */
    int open;
    size_t start;
    size_t chars, letters, arabic, linkchars;
    int pending_space;
    int in_link;
    xmlNodePtr block;
    int nomem;
} ctx;

static int is_heading(const char *name)
{
    return name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && name[2] == 0;
}

static void para_end(ctx *c)
{
    if (!c->open) return;
    c->open = 0;
    c->pending_space = 0;
    size_t len = c->text.len - c->start;
    if (len == 0 || c->chars == 0) {
        c->text.len = c->start;
        if (c->text.data) c->text.data[c->text.len] = 0;
        return;
    }
    para *p = rasid__vec_push(&c->paras);
    if (!p) {
        c->nomem = 1;
        return;
    }
    p->off = c->start;
    p->len = len;
    p->chars = c->chars;
    p->letters = c->letters;
    p->arabic = c->arabic;
    p->linkchars = c->linkchars;
    p->block = c->block;
    p->heading = c->block && c->block->name && is_heading((const char *)c->block->name);
    if (rasid__buf_putc(&c->text, 0)) c->nomem = 1;
}

static int is_arabic_letter(uint32_t cp)
{
    return (cp >= 0x0621 && cp <= 0x064A) || (cp >= 0x0671 && cp <= 0x06D3) ||
           (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFC);
}

static int is_letter(uint32_t cp)
{
    if (cp < 128) return isalpha((int)cp);
    if (is_arabic_letter(cp)) return 1;
    return (cp >= 0x00C0 && cp <= 0x024F) || (cp >= 0x0370 && cp <= 0x052F) ||
           (cp >= 0x0750 && cp <= 0x077F);
}

static void add_text(ctx *c, const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s);
    size_t i = 0;
    while (i < n) {
        unsigned char b = u[i];
        if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f') {
            if (c->open) c->pending_space = 1;
            i++;
            continue;
        }
        if (!c->open) {
            c->open = 1;
            c->start = c->text.len;
            c->chars = c->letters = c->arabic = c->linkchars = 0;
            c->pending_space = 0;
        }
        if (c->pending_space) {
            rasid__buf_putc(&c->text, ' ');
            c->pending_space = 0;
        }
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode(u + i, n - i, &cp, &bad);
        if (bad) rasid__buf_put(&c->text, "\xEF\xBF\xBD", 3);
        else rasid__buf_put(&c->text, s + i, l);
        c->chars++;
        if (c->in_link) c->linkchars++;
        if (is_letter(cp)) {
            c->letters++;
            if (is_arabic_letter(cp)) c->arabic++;
        }
        i += l;
    }
    if (c->text.err == RASID_NOMEM) c->nomem = 1;
}

static void walk(ctx *c, xmlNodePtr n, int depth, int filter)
{
    for (; n; n = n->next) {
        if (c->nomem || c->text.err) return;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) add_text(c, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || !n->name) continue;
        const char *name = (const char *)n->name;
        if (strcmp(name, "br") == 0) {
            para_end(c);
            continue;
        }
        if (filter ? drop_elem(n) : in_list(name, DROP_TAGS)) continue;
        if (depth >= MAX_DEPTH) continue;
        int block = in_list(name, BLOCK_TAGS);
        int link = strcmp(name, "a") == 0;
        xmlNodePtr saved = c->block;
        if (block) {
            para_end(c);
            c->block = n;
        }
        if (link) c->in_link++;
        walk(c, n->children, depth + 1, filter);
        if (link) c->in_link--;
        if (block) {
            para_end(c);
            c->block = saved;
        } else if (strcmp(name, "img") == 0 || strcmp(name, "td") == 0) {
            if (c->open) c->pending_space = 1;
        }
    }
}

/* ------------------------------------------------------------ metadata */
typedef struct meta {
    char *og_title, *h1, *title, *site, *author, *canonical, *og_url, *ld_url, *lang;
    char *pub_meta, *pub_ld, *pub_time, *pub_other, *mod_meta, *mod_ld;
    char *ld_headline, *ld_author, *ld_site;
    int nomem;
} meta;

static void set_once(meta *m, char **slot, const char *v)
{
    if (*slot || !v) return;
    char *t = rasid__ing_strtrim(v, strlen(v));
    /* libxml2 passes on some bytes of a page whose encoding breaks half-way: metadata
     * (the title among them) is UTF-8 all the same, as the text's paragraphs are */
    size_t tl = t ? strlen(t) : 0;
    if (t) t = rasid__ing_utf8_clean(t, &tl);
    if (!t) {
        m->nomem = 1;
        return;
    }
    if (!*t) {
        free(t);
        return;
    }
    *slot = t;
}

/* Text content of an element with whitespace collapsed (malloc'd). */
static char *node_text(xmlNodePtr n)
{
    ctx c;
    memset(&c, 0, sizeof c);
    rasid__buf_init(&c.text, (size_t)1 << 20);
    rasid__vec_init(&c.paras, sizeof(para));
    walk(&c, n->children, 0, 0);
    para_end(&c);
    rasid__buf r;
    rasid__buf_init(&r, (size_t)1 << 20);
    const para *ps = c.paras.data;
    for (size_t i = 0; i < c.paras.len; i++) {
        if (r.len) rasid__buf_putc(&r, ' ');
        rasid__buf_put(&r, c.text.data + ps[i].off, ps[i].len);
    }
    rasid__buf_free(&c.text);
    rasid__vec_free(&c.paras);
    if (r.err) {
        rasid__buf_free(&r);
        return NULL;
    }
    if (!r.data) return strdup("");
    return r.data;
}

static void ld_visit(meta *m, json_t *j, int depth);

static const char *ld_name(json_t *v)
{
    if (json_is_string(v)) return json_string_value(v);
    if (json_is_object(v)) {
        json_t *nm = json_object_get(v, "name");
        if (json_is_string(nm)) return json_string_value(nm);
    }
    if (json_is_array(v) && json_array_size(v) > 0) return ld_name(json_array_get(v, 0));
    return NULL;
}

static int ld_is_article(json_t *type)
{
    static const char *const kinds[] = {"NewsArticle", "Article", "ReportageNewsArticle",
                                        "AnalysisNewsArticle", "BlogPosting", "WebPage",
                                        "LiveBlogPosting", "OpinionNewsArticle", NULL};
    if (json_is_string(type)) return in_list(json_string_value(type), kinds);
    if (json_is_array(type)) {
        size_t i;
        json_t *t;
        json_array_foreach(type, i, t) if (json_is_string(t) && in_list(json_string_value(t), kinds)) return 1;
    }
    return 0;
}

static void ld_visit(meta *m, json_t *j, int depth)
{
    if (depth > 8) return;
    if (json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) ld_visit(m, v, depth + 1);
        return;
    }
    if (!json_is_object(j)) return;
    json_t *graph = json_object_get(j, "@graph");
    if (graph) ld_visit(m, graph, depth + 1);
    if (!ld_is_article(json_object_get(j, "@type"))) return;
    json_t *v;
    if (json_is_string(v = json_object_get(j, "datePublished"))) set_once(m, &m->pub_ld, json_string_value(v));
    if (json_is_string(v = json_object_get(j, "dateModified"))) set_once(m, &m->mod_ld, json_string_value(v));
    if (json_is_string(v = json_object_get(j, "headline"))) set_once(m, &m->ld_headline, json_string_value(v));
    set_once(m, &m->ld_author, ld_name(json_object_get(j, "author")));
    set_once(m, &m->ld_site, ld_name(json_object_get(j, "publisher")));
    if (json_is_string(v = json_object_get(j, "url"))) set_once(m, &m->ld_url, json_string_value(v));
    v = json_object_get(j, "mainEntityOfPage");
    if (json_is_string(v)) set_once(m, &m->ld_url, json_string_value(v));
    else if (json_is_object(v) && json_is_string(json_object_get(v, "@id")))
        set_once(m, &m->ld_url, json_string_value(json_object_get(v, "@id")));
}

static void meta_walk(meta *m, xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !n->name) continue;
        const char *name = (const char *)n->name;
        if (strcmp(name, "meta") == 0) {
            const char *key = attr(n, "property");
            if (!key) key = attr(n, "name");
            if (!key) key = attr(n, "itemprop");
            const char *val = attr(n, "content");
            if (!key || !val) continue;
            if (!strcasecmp(key, "og:title")) set_once(m, &m->og_title, val);
            else if (!strcasecmp(key, "og:site_name")) set_once(m, &m->site, val);
            else if (!strcasecmp(key, "og:url")) set_once(m, &m->og_url, val);
            else if (!strcasecmp(key, "article:published_time") || !strcasecmp(key, "datePublished"))
                set_once(m, &m->pub_meta, val);
            else if (!strcasecmp(key, "article:modified_time") || !strcasecmp(key, "dateModified"))
                set_once(m, &m->mod_meta, val);
            else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
                     !strcasecmp(key, "dc.creator")) {
                if (!rasid__ing_is_http(val)) set_once(m, &m->author, val);
            } else if (!strcasecmp(key, "date") || !strcasecmp(key, "pubdate") ||
                       !strcasecmp(key, "publishdate") || !strcasecmp(key, "dc.date") ||
                       !strcasecmp(key, "dc.date.issued") || !strcasecmp(key, "sailthru.date") ||
                       !strcasecmp(key, "parsely-pub-date"))
                set_once(m, &m->pub_other, val);
            continue;
        }
        if (strcmp(name, "link") == 0) {
            const char *rel = attr(n, "rel"), *href = attr(n, "href");
            if (rel && href && strcasecmp(rel, "canonical") == 0) set_once(m, &m->canonical, href);
            continue;
        }
        if (strcmp(name, "html") == 0) set_once(m, &m->lang, attr(n, "lang"));
        if (strcmp(name, "script") == 0) {
            const char *t = attr(n, "type");
            if (t && strcasecmp(t, "application/ld+json") == 0 && n->children) {
                xmlChar *s = xmlNodeGetContent(n);
                if (s) {
                    json_t *j = json_loads((const char *)s, JSON_DECODE_ANY, NULL);
                    if (j) ld_visit(m, j, 0);
                    json_decref(j);
                    xmlFree(s);
                }
            }
            continue;
        }
        if (strcmp(name, "style") == 0 || strcmp(name, "noscript") == 0) continue;
        if (strcmp(name, "title") == 0 && !m->title) {
            char *t = node_text(n);
            if (!t) m->nomem = 1;
            set_once(m, &m->title, t);
            free(t);
            continue;
        }
        if (attr_boilerplate(n) || strcmp(name, "nav") == 0 || strcmp(name, "aside") == 0 ||
            strcmp(name, "footer") == 0)
            continue;
        if (strcmp(name, "h1") == 0 && !m->h1) {
            char *t = node_text(n);
            if (!t) m->nomem = 1;
            set_once(m, &m->h1, t);
            free(t);
        }
        if (strcmp(name, "time") == 0 && !m->pub_time) {
            const char *dt = attr(n, "datetime");
            if (dt) set_once(m, &m->pub_time, dt);
        }
        if (!m->author) {
            const char *ip = attr(n, "itemprop"), *rel = attr(n, "rel");
            if ((ip && strcmp(ip, "author") == 0) || (rel && strcmp(rel, "author") == 0)) {
                char *t = node_text(n);
                if (t && strlen(t) < 200) set_once(m, &m->author, t);
                free(t);
            }
        }
        if (depth < MAX_DEPTH) meta_walk(m, n->children, depth + 1);
    }
}

static void meta_free(meta *m)
{
    char **all[] = {&m->og_title, &m->h1, &m->title, &m->site, &m->author, &m->canonical,
                    &m->og_url, &m->ld_url, &m->lang, &m->pub_meta, &m->pub_ld, &m->pub_time,
                    &m->pub_other, &m->mod_meta, &m->mod_ld, &m->ld_headline, &m->ld_author,
                    &m->ld_site};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        free(*all[i]);
        *all[i] = NULL;
    }
}

/* "Headline - Site" / "Headline | Site" -> "Headline" when Site is the site name, or
 * for <title> (strip_any) the last " | " / " - " / " – " part when the rest is longer. */
static void strip_site(char *t, const char *site, int strip_any)
{
    static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " « ", " » ", NULL};
    for (const char *const *s = seps; *s; s++) {
        char *last = NULL;
        for (char *p = strstr(t, *s); p; p = strstr(p + 1, *s)) last = p;
        if (!last) continue;
        const char *tail = last + strlen(*s);
        if ((site && strcmp(tail, site) == 0) || (strip_any && strlen(tail) * 2 < (size_t)(last - t))) {
            *last = 0;
            return;
        }
    }
}

/* ------------------------------------------------------------ scoring */
typedef struct nscore {
    double good, junk;
} nscore;

static int content_class(xmlNodePtr n)
{
    const char *name = (const char *)n->name;
    if (strcmp(name, "article") == 0 || strcmp(name, "main") == 0) return 1;
    const char *ip = attr(n, "itemprop");
    if (ip && strstr(ip, "articleBody")) return 1;
    static const char *const pos[] = {"article-body", "articlebody", "article-content",
                                      "entry-content", "post-content", "story-body",
                                      "story", "news-body", "article-text", "content-body",
                                      "post-body", "text-body", "details-body", NULL};
    const char *cls[2] = {attr(n, "class"), attr(n, "id")};
    for (int k = 0; k < 2; k++) {
        if (!cls[k]) continue;
        char low[256];
        size_t i = 0;
        for (; cls[k][i] && i + 1 < sizeof low; i++) low[i] = (char)tolower((unsigned char)cls[k][i]);
        low[i] = 0;
        for (const char *const *p = pos; *p; p++)
            if (strstr(low, *p)) return 1;
    }
    return 0;
}

static double para_good(const para *p)
{
    double ld = p->chars ? (double)p->linkchars / (double)p->chars : 0;
    if (p->chars < 25 || ld >= 0.35 || p->letters * 2 < p->chars) return 0;
    double ar = p->letters ? (double)p->arabic / (double)p->letters : 0;
    return (double)p->chars * (1 - ld) * (0.6 + 0.4 * ar);
}

static double para_junk(const para *p)
{
    if (para_good(p) > 0) return (double)p->linkchars;
    if (p->heading) return (double)p->linkchars;
    return (double)p->chars;
}

static int keep_para(const para *p)
{
    if (p->letters == 0) return 0;
    double ld = p->chars ? (double)p->linkchars / (double)p->chars : 0;
    if (ld > 0.5) return 0;
    return 1;
}

/* ------------------------------------------------------------ entry points */
static const char *declared_charset(const char *html, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 7 <= n; i++)
        if (strncasecmp(html + i, "charset", 7) == 0) return html + i;
    return NULL;
}

static htmlDocPtr parse(const char *html, size_t len, const char *url, const char *charset)
{
    if (len > INT32_MAX) return NULL;
    const char *enc = charset;
    if (!enc && !declared_charset(html, len)) enc = "UTF-8";
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
               HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT;
    htmlDocPtr d = htmlReadMemory(html, (int)len, url, enc, opts);
    if (!d && enc && charset) d = htmlReadMemory(html, (int)len, url, "UTF-8", opts);
    return d;
}

static int dup_to(char **dst, const char *src)
{
    if (!src) return 0;
    *dst = strdup(src);
    return *dst ? 0 : -1;
}

static void clear_private(xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        n->_private = NULL;
        if (depth < MAX_DEPTH + 2) clear_private(n->children, depth + 1);
    }
}

int rasid_html_extract(const char *html, size_t len, const char *url, const char *charset,
                       rasid_html_page **page, char *err, size_t errlen)
{
    *page = NULL;
    const char *name = url ? url : "HTML";
    if (len > RASID_MAX_DOC_BYTES) {
        rasid__ing_msg(err, errlen, "%s: page of %zu bytes exceeds the limit", name, len);
        return RASID_TOOBIG;
    }
    rasid_html_page *pg = calloc(1, sizeof *pg);
    if (!pg) goto nomem0;
    htmlDocPtr d = len ? parse(html, len, url, charset) : NULL;
    xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;

    meta m;
    memset(&m, 0, sizeof m);
    ctx c;
    memset(&c, 0, sizeof c);
    rasid__buf_init(&c.text, RASID_MAX_DOC_BYTES + 1);
    rasid__vec_init(&c.paras, sizeof(para));
    rasid__buf out;
    rasid__buf_init(&out, RASID_MAX_DOC_BYTES + 1);
    nscore *scores = NULL;
    int rc = RASID_OK;

    if (root) {
        clear_private(root, 0);
        meta_walk(&m, root, 0);
        walk(&c, root, 0, 1);
        para_end(&c);
    }
    if (m.nomem || c.nomem || c.text.err == RASID_NOMEM) goto nomem;

    /* title */
    const char *site = m.site ? m.site : m.ld_site;
    char *title = NULL;
    if (m.og_title) {
        title = strdup(m.og_title);
        if (title) strip_site(title, site, 0);
    } else if (m.ld_headline) {
        title = strdup(m.ld_headline);
    } else if (m.h1) {
        title = strdup(m.h1);
    } else if (m.title) {
        title = strdup(m.title);
        if (title) strip_site(title, site, 1);
    }
    if ((m.og_title || m.ld_headline || m.h1 || m.title) && !title) goto nomem;
    pg->title = title;

    /* choose the content block */
    para *ps = c.paras.data;
    size_t np = c.paras.len;
    xmlNodePtr best = NULL;
    if (np) {
        /* number the blocks via _private: index + 1 */
        rasid__vec nodes;
        rasid__vec_init(&nodes, sizeof(xmlNodePtr));
        for (size_t i = 0; i < np; i++) {
            double g = para_good(&ps[i]), j = para_junk(&ps[i]);
            int depth = 0;
            for (xmlNodePtr a = ps[i].block; a && a->type == XML_ELEMENT_NODE && depth < MAX_DEPTH + 2;
                 a = a->parent, depth++) {
                if (!a->_private) {
                    xmlNodePtr *slot = rasid__vec_push(&nodes);
                    if (!slot) break;
                    *slot = a;
                    a->_private = (void *)(uintptr_t)nodes.len;
                    nscore *ns = realloc(scores, nodes.cap * sizeof *ns);
                    if (!ns) break;
                    scores = ns;
                    scores[nodes.len - 1].good = scores[nodes.len - 1].junk = 0;
                }
                nscore *s = &scores[(uintptr_t)a->_private - 1];
                s->good += g;
                s->junk += j;
            }
        }
        double bestS = 0;
        xmlNodePtr *nv = nodes.data;
        for (size_t k = 0; k < nodes.len && scores; k++) {
            double S = scores[k].good - scores[k].junk;
            if (content_class(nv[k])) S += 0.25 * scores[k].good;
            if (scores[k].good > 0 && (!best || S > bestS)) {
                best = nv[k];
                bestS = S;
            }
        }
        rasid__vec_free(&nodes);
    }

    /* output: title, then the chosen block's paragraphs */
    if (pg->title && *pg->title) {
        rasid__buf_puts(&out, pg->title);
        rasid__buf_puts(&out, "\n");
    }
    for (size_t i = 0; i < np; i++) {
        const para *p = &ps[i];
        int inside = !best;
        for (xmlNodePtr a = p->block; a && !inside; a = a->parent) inside = a == best;
        if (!inside || !keep_para(p)) continue;
        const char *t = c.text.data + p->off;
        if (pg->title && strcmp(t, pg->title) == 0) continue;
        if (m.h1 && strcmp(t, m.h1) == 0 && p->heading) continue;
        if (out.len) rasid__buf_puts(&out, "\n");
        rasid__buf_put(&out, t, p->len);
        rasid__buf_puts(&out, "\n");
        pg->nparagraphs++;
    }
    if (out.err == RASID_NOMEM) goto nomem;
    if (out.err == RASID_TOOBIG) {
        rc = RASID_TOOBIG;
        rasid__ing_msg(err, errlen, "%s: extracted text exceeds the limit", name);
        goto fail;
    }
    pg->text = out.data ? out.data : strdup("");
    out.data = NULL;
    if (!pg->text) goto nomem;
    pg->text_len = strlen(pg->text);

    /* dates */
    const char *pubs[] = {m.pub_meta, m.pub_ld, m.pub_time, m.pub_other};
    for (size_t i = 0; i < 4 && !pg->published; i++) {
        char ymd[11];
        if (pubs[i] && rasid_ingest_date(pubs[i], ymd) == RASID_OK) {
            if (dup_to(&pg->published, ymd) || dup_to(&pg->published_raw, pubs[i])) goto nomem;
        }
    }
    const char *mods[] = {m.mod_meta, m.mod_ld};
    for (size_t i = 0; i < 2 && !pg->modified; i++) {
        char ymd[11];
        if (mods[i] && rasid_ingest_date(mods[i], ymd) == RASID_OK && dup_to(&pg->modified, ymd))
            goto nomem;
    }
    if (dup_to(&pg->author, m.author ? m.author : m.ld_author) || dup_to(&pg->site_name, site) ||
        dup_to(&pg->lang, m.lang))
        goto nomem;
    /* the first candidate that is (or resolves to) an absolute URL, else the first */
    const char *cands[] = {m.canonical, m.og_url, m.ld_url};
    for (size_t i = 0; i < 3; i++) {
        if (!cands[i]) continue;
        char *u = rasid__ing_resolve(url, cands[i]);
        if (!u) goto nomem;
        if (rasid__ing_is_http(u) || !pg->url) {
            free(pg->url);
            pg->url = u;
        } else {
            free(u);
        }
        if (rasid__ing_is_http(pg->url)) break;
    }
    goto done;

nomem:
    rc = RASID_NOMEM;
    rasid__ing_msg(err, errlen, "%s: out of memory", name);
fail:
    rasid_html_page_free(pg);
    pg = NULL;
done:
    free(scores);
    meta_free(&m);
    rasid__buf_free(&c.text);
    rasid__vec_free(&c.paras);
    rasid__buf_free(&out);
    if (d) xmlFreeDoc(d);
    *page = pg;
    return rc;
nomem0:
    rasid__ing_msg(err, errlen, "%s: out of memory", name);
    return RASID_NOMEM;
}

void rasid_html_page_free(rasid_html_page *p)
{
    if (!p) return;
    free(p->text);
    free(p->title);
    free(p->published);
    free(p->published_raw);
    free(p->modified);
    free(p->author);
    free(p->url);
    free(p->site_name);
    free(p->lang);
    free(p);
}

int rasid_html_to_text(const char *html, size_t len, char **text, size_t *text_len)
{
    *text = NULL;
    if (text_len) *text_len = 0;
    if (len > RASID_MAX_DOC_BYTES) return RASID_TOOBIG;
    rasid__buf out;
    rasid__buf_init(&out, RASID_MAX_DOC_BYTES + 1);
    /* A fragment without markup is text: parse only when it looks like HTML. */
    int markup = memchr(html, '<', len) != NULL || memchr(html, '&', len) != NULL;
    if (markup) {
        /* wrap so that a bare fragment parses as a body */
        rasid__buf w;
        rasid__buf_init(&w, RASID_MAX_DOC_BYTES + 64);
        rasid__buf_puts(&w, "<html><head><meta charset=\"utf-8\"></head><body>");
        rasid__buf_put(&w, html, len);
        rasid__buf_puts(&w, "</body></html>");
        if (w.err) {
            int e = w.err;
            rasid__buf_free(&w);
            return e;
        }
        htmlDocPtr d = parse(w.data, w.len, NULL, "UTF-8");
        rasid__buf_free(&w);
        xmlNodePtr root = d ? xmlDocGetRootElement(d) : NULL;
        if (root) {
            ctx c;
            memset(&c, 0, sizeof c);
            rasid__buf_init(&c.text, RASID_MAX_DOC_BYTES + 1);
            rasid__vec_init(&c.paras, sizeof(para));
            walk(&c, root, 0, 1);
            para_end(&c);
            const para *ps = c.paras.data;
            for (size_t i = 0; i < c.paras.len; i++) {
                if (out.len) rasid__buf_puts(&out, "\n\n");
                rasid__buf_put(&out, c.text.data + ps[i].off, ps[i].len);
            }
            int bad = c.nomem || c.text.err;
            rasid__buf_free(&c.text);
            rasid__vec_free(&c.paras);
            if (bad && !out.err) out.err = RASID_NOMEM;
        }
        if (d) xmlFreeDoc(d);
    } else {
        ctx c;
        memset(&c, 0, sizeof c);
        rasid__buf_init(&c.text, RASID_MAX_DOC_BYTES + 1);
        rasid__vec_init(&c.paras, sizeof(para));
        char *tmp = malloc(len + 1);
        if (!tmp) return RASID_NOMEM;
        memcpy(tmp, html, len);
        tmp[len] = 0;
        /* blank lines separate paragraphs; other whitespace collapses */
        char *p = tmp;
        while (p && *p) {
            char *q = strstr(p, "\n\n");
            if (q) *q = 0;
            add_text(&c, p);
            para_end(&c);
            p = q ? q + 2 : NULL;
        }
        free(tmp);
        const para *ps = c.paras.data;
        for (size_t i = 0; i < c.paras.len; i++) {
            if (out.len) rasid__buf_puts(&out, "\n\n");
            rasid__buf_put(&out, c.text.data + ps[i].off, ps[i].len);
        }
        rasid__buf_free(&c.text);
        rasid__vec_free(&c.paras);
    }
    if (out.err) {
        int e = out.err;
        rasid__buf_free(&out);
        return e;
    }
    *text = out.data ? out.data : strdup("");
    if (!*text) return RASID_NOMEM;
    if (text_len) *text_len = strlen(*text);
    return RASID_OK;
}
