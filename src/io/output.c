/*
 * output.c — writers for tokens, mentions and events.
 *
 * Each writer renders one document into a capped buffer that is flushed to the FILE
 * every 64 KB, so memory stays flat whatever the document's size. Strings go through
 * rasid__buf_json_str / rasid__buf_csv_field (invalid UTF-8 becomes U+FFFD in JSON).
 * Every `text` of a span is the original bytes text[start:end] of the document.
 *
 * Formats (see docs/formats.md for the full description):
 *   tokens    TABLE: a readable listing (sentence lines, then one line per token)
 *             JSONL: one object per token
 *   mentions  TABLE: one line per mention; JSONL: one object per mention
 *   events    JSONL (SCHEMA.md), CSV (ACLED columns), TSV (GDELT columns), PLOVER JSON
 *             (one object per line), TABLE (fixed-width, for people)
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FLUSH_AT ((size_t)64 << 10)

typedef struct writer {
    FILE *out;
    rasid__buf b;
    int err;
    const rasid_doc *doc;
    const char *text;
    size_t len;
} writer;

static void w_init(writer *w, FILE *out, const rasid_doc *doc)
{
    w->out = out;
    rasid__buf_init(&w->b, FLUSH_AT * 64);
    w->err = 0;
    w->doc = doc;
    w->text = rasid_doc_text(doc, &w->len);
}

static void w_flush(writer *w)
{
    if (w->b.err && !w->err) w->err = w->b.err == RASID_NOMEM ? RASID_NOMEM : RASID_IO;
    if (w->b.len && !w->err) {
        if (fwrite(w->b.data, 1, w->b.len, w->out) != w->b.len) w->err = RASID_IO;
    }
    w->b.len = 0;
}

static void w_maybe_flush(writer *w)
{
    if (w->b.len >= FLUSH_AT) w_flush(w);
}

static int w_done(writer *w)
{
    w_flush(w);
    rasid__buf_free(&w->b);
    if (!w->err && ferror(w->out)) w->err = RASID_IO;
    return w->err;
}

static void puts_(writer *w, const char *s) { rasid__buf_puts(&w->b, s); }
static void putc_(writer *w, char c) { rasid__buf_putc(&w->b, c); }
static void jstr(writer *w, const char *s) { rasid__buf_json_cstr(&w->b, s); }
static void jstrn(writer *w, const char *s, size_t n) { rasid__buf_json_str(&w->b, s, n); }

/* The original bytes of a span, clamped to the document. */
static const char *span_text(writer *w, uint32_t start, uint32_t end, size_t *n)
{
    if (start > w->len) start = (uint32_t)w->len;
    if (end > w->len) end = (uint32_t)w->len;
    if (end < start) end = start;
    *n = end - start;
    return w->text + start;
}

static void jspan(writer *w, uint32_t start, uint32_t end)
{
    size_t n;
    const char *p = span_text(w, start, end, &n);
    jstrn(w, p, n);
}

/* A signed integer in decimal (what "%ld" writes, without printf's cost). */
static void put_long(writer *w, long v)
{
    if (v < 0) {
        putc_(w, '-');
        rasid__buf_putu(&w->b, 0UL - (unsigned long)v);
    } else {
        rasid__buf_putu(&w->b, (unsigned long)v);
    }
}

/* ,"start":S,"end":E */
static void put_span_keys(writer *w, uint32_t start, uint32_t end)
{
    puts_(w, ",\"start\":");
    rasid__buf_putu(&w->b, start);
    puts_(w, ",\"end\":");
    rasid__buf_putu(&w->b, end);
}

/* A number as text (out: 64 bytes): an integer without a fraction, others with up to 6
 * decimals and no trailing zeros, as printf's "%.0f" / "%.6f" write them; "" for NaN/inf. */
static size_t num_text(char out[64], double v)
{
    out[0] = 0;
    if (isnan(v) || isinf(v)) return 0;
    int integral = v == floor(v) && fabs(v) < 1e15;
    size_t n = rasid__fmt_fixed(v, integral ? 0 : 6, 1, out);
    if (n) return n;
    snprintf(out, 64, integral ? "%.0f" : "%.6f", v); /* what rasid__fmt_fixed leaves to printf */
    n = strlen(out);
    if (!integral) {
        while (n > 0 && out[n - 1] == '0') out[--n] = 0;
        if (n > 0 && out[n - 1] == '.') out[--n] = 0;
    }
    return n;
}

/* Numbers in JSON: num_text, NaN/inf as null. */
static void jnum(writer *w, double v)
{
    char tmp[64];
    if (num_text(tmp, v)) puts_(w, tmp);
    else puts_(w, "null");
}

static const char *kind_name(unsigned k)
{
    switch (k) {
    case RASID_TOK_ARABIC: return "ar";
    case RASID_TOK_LATIN: return "lat";
    case RASID_TOK_NUMBER: return "num";
    case RASID_TOK_PUNCT: return "punct";
    case RASID_TOK_SYMBOL: return "sym";
    default: return "other";
    }
}

static const char *mention_kind_name(unsigned k)
{
    switch (k) {
    case RASID_M_PLACE: return "place";
    case RASID_M_ACTOR: return "actor";
    case RASID_M_PERSON: return "person";
    case RASID_M_DATE: return "date";
    case RASID_M_NUMBER: return "number";
    case RASID_M_NISBA: return "nisba";
    default: return "unknown";
    }
}

static const char *precision_name(unsigned p)
{
    switch (p) {
    case RASID_P_DAY: return "day";
    case RASID_P_WEEK: return "week";
    case RASID_P_MONTH: return "month";
    case RASID_P_YEAR: return "year";
    case RASID_P_SITE: return "site";
    case RASID_P_CITY: return "city";
    case RASID_P_ADMIN2: return "admin2";
    case RASID_P_ADMIN1: return "admin1";
    case RASID_P_COUNTRY: return "country";
    case RASID_P_REGION: return "region";
    default: return NULL;
    }
}

static const char *qualifier_name(unsigned q)
{
    switch (q) {
    case RASID_Q_EXACT: return "exact";
    case RASID_Q_MORE_THAN: return "more_than";
    case RASID_Q_LESS_THAN: return "less_than";
    case RASID_Q_ABOUT: return "about";
    case RASID_Q_AT_LEAST: return "at_least";
    case RASID_Q_AT_MOST: return "at_most";
    case RASID_Q_DOZENS: return "dozens";
    case RASID_Q_HUNDREDS: return "hundreds";
    case RASID_Q_THOUSANDS: return "thousands";
    case RASID_Q_SEVERAL: return "several";
    default: return "exact";
    }
}

static const char *nz(const char *s) { return s ? s : ""; }

/* ================================================================ tokens */
static void reading_text(writer *w, const rasid_reading *r)
{
    int any = 0;
    if (r->pro && *r->pro) {
        puts_(w, r->pro);
        any = 1;
    }
    if (r->article) {
        if (any) putc_(w, '+');
        puts_(w, "\xD8\xA7\xD9\x84"); /* ال */
        any = 1;
    }
    if (r->stem && *r->stem) {
        if (any) putc_(w, '+');
        puts_(w, r->stem);
        any = 1;
    }
    if (r->enc && *r->enc) {
        if (any) putc_(w, '+');
        puts_(w, r->enc);
    }
}

/* Surface text for the listing: tabs and newlines shown as spaces. */
static void plain_span(writer *w, uint32_t start, uint32_t end)
{
    size_t n;
    const char *p = span_text(w, start, end, &n);
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        putc_(w, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
    }
}

int rasid_write_tokens(FILE *out, const rasid_doc *doc, rasid_format fmt)
{
    writer w;
    w_init(&w, out, doc);
    const rasid_token *t = rasid_doc_tokens(doc);
    size_t nt = rasid_doc_ntokens(doc);
    const rasid_sentence *s = rasid_doc_sentences(doc);
    size_t ns = rasid_doc_nsentences(doc);
    if (fmt == RASID_FMT_JSONL) {
        for (size_t i = 0; i < nt; i++) {
            puts_(&w, "{\"doc\":");
            jstr(&w, rasid_doc_id(doc));
            puts_(&w, ",\"sentence\":");
            rasid__buf_putu(&w.b, t[i].sent);
            puts_(&w, ",\"text\":");
            jspan(&w, t[i].start, t[i].end);
            puts_(&w, ",\"start\":");
            rasid__buf_putu(&w.b, t[i].start);
            puts_(&w, ",\"end\":");
            rasid__buf_putu(&w.b, t[i].end);
            puts_(&w, ",\"norm\":");
            jstr(&w, t[i].norm ? t[i].norm : "");
            puts_(&w, ",\"kind\":\"");
            puts_(&w, kind_name(t[i].kind));
            puts_(&w, "\",\"readings\":[");
            for (size_t r = 0; r < t[i].nreadings; r++) {
                const rasid_reading *rd = &t[i].readings[r];
                if (r) putc_(&w, ',');
                puts_(&w, "{\"pro\":");
                jstr(&w, nz(rd->pro));
                puts_(&w, ",\"article\":");
                puts_(&w, rd->article ? "true" : "false");
                puts_(&w, ",\"stem\":");
                jstr(&w, nz(rd->stem));
                puts_(&w, ",\"enc\":");
                jstr(&w, nz(rd->enc));
                putc_(&w, '}');
            }
            puts_(&w, "],\"stem\":");
            jstr(&w, t[i].stem);
            puts_(&w, "}\n");
            w_maybe_flush(&w);
        }
        return w_done(&w);
    }
    for (size_t si = 0; si < ns; si++) {
        rasid__buf_printf(&w.b, "S%zu [%u,%u)%s\n", si, (unsigned)s[si].start, (unsigned)s[si].end,
                          s[si].headline ? " headline" : "");
        for (size_t i = s[si].tok_begin; i < s[si].tok_end && i < nt; i++) {
            rasid__buf_printf(&w.b, "  %u-%u\t%s\t", (unsigned)t[i].start, (unsigned)t[i].end,
                              kind_name(t[i].kind));
            plain_span(&w, t[i].start, t[i].end);
            putc_(&w, '\t');
            puts_(&w, t[i].norm ? t[i].norm : "");
            putc_(&w, '\t');
            for (size_t r = 0; r < t[i].nreadings; r++) {
                if (r) puts_(&w, " | ");
                reading_text(&w, &t[i].readings[r]);
            }
            putc_(&w, '\n');
            w_maybe_flush(&w);
        }
    }
    return w_done(&w);
}

/* ================================================================ mentions */
static void kv(writer *w, int *first, const char *k, const char *v)
{
    if (!v || !*v) return;
    if (!*first) putc_(w, ' ');
    *first = 0;
    puts_(w, k);
    putc_(w, '=');
    puts_(w, v);
}

int rasid_write_mentions(FILE *out, const rasid_doc *doc, rasid_format fmt)
{
    writer w;
    w_init(&w, out, doc);
    const rasid_mention *m = rasid_doc_mentions(doc);
    size_t nm = rasid_doc_nmentions(doc);
    char tmp[64];
    for (size_t i = 0; i < nm; i++) {
        const rasid_mention *x = &m[i];
        if (fmt == RASID_FMT_JSONL) {
            puts_(&w, "{\"doc\":");
            jstr(&w, rasid_doc_id(doc));
            puts_(&w, ",\"kind\":\"");
            puts_(&w, mention_kind_name(x->kind));
            puts_(&w, "\",\"text\":");
            jspan(&w, x->start, x->end);
            put_span_keys(&w, x->start, x->end);
            puts_(&w, ",\"name\":");
            jstr(&w, x->name);
            puts_(&w, ",\"id\":");
            jstr(&w, x->id);
            puts_(&w, ",\"country\":");
            jstr(&w, x->country);
            switch (x->kind) {
            case RASID_M_DATE:
                puts_(&w, ",\"value\":");
                jstr(&w, x->value[0] ? x->value : NULL);
                puts_(&w, ",\"precision\":");
                jstr(&w, precision_name(x->precision));
                break;
            case RASID_M_NUMBER:
                puts_(&w, ",\"value\":");
                jnum(&w, x->num);
                puts_(&w, ",\"qualifier\":");
                jstr(&w, qualifier_name(x->qualifier));
                puts_(&w, ",\"noun\":");
                jstr(&w, x->noun);
                break;
            case RASID_M_PLACE:
                puts_(&w, ",\"type\":");
                jstr(&w, x->ekind);
                puts_(&w, ",\"admin1\":");
                jstr(&w, x->admin1);
                puts_(&w, ",\"lat\":");
                jnum(&w, x->lat);
                puts_(&w, ",\"lon\":");
                jnum(&w, x->lon);
                puts_(&w, ",\"geonameid\":");
                if (x->geonameid) put_long(&w, x->geonameid);
                else puts_(&w, "null");
                puts_(&w, ",\"precision\":");
                jstr(&w, precision_name(x->precision));
                break;
            case RASID_M_ACTOR:
            case RASID_M_PERSON:
                puts_(&w, ",\"type\":");
                jstr(&w, x->ekind);
                puts_(&w, ",\"sector\":");
                jstr(&w, x->sector);
                puts_(&w, ",\"role\":");
                jstr(&w, x->role);
                break;
            default:
                break;
            }
            puts_(&w, ",\"fuzzy\":");
            puts_(&w, x->fuzzy ? "true" : "false");
            puts_(&w, "}\n");
        } else {
            rasid__buf_printf(&w.b, "%u-%u\t%s\t", (unsigned)x->start, (unsigned)x->end,
                              mention_kind_name(x->kind));
            plain_span(&w, x->start, x->end);
            putc_(&w, '\t');
            int first = 1;
            switch (x->kind) {
            case RASID_M_DATE:
                kv(&w, &first, "value", x->value);
                kv(&w, &first, "precision", precision_name(x->precision));
                break;
            case RASID_M_NUMBER:
                num_text(tmp, x->num);
                kv(&w, &first, "value", tmp);
                if (x->qualifier != RASID_Q_EXACT)
                    kv(&w, &first, "qualifier", qualifier_name(x->qualifier));
                kv(&w, &first, "noun", x->noun);
                break;
            case RASID_M_PLACE:
                kv(&w, &first, "name", x->name);
                kv(&w, &first, "id", x->id);
                kv(&w, &first, "country", x->country);
                break;
            case RASID_M_ACTOR:
            case RASID_M_PERSON:
                kv(&w, &first, "name", x->name);
                kv(&w, &first, "id", x->id);
                kv(&w, &first, "country", x->country);
                kv(&w, &first, "sector", x->sector);
                kv(&w, &first, "role", x->role);
                break;
            default:
                kv(&w, &first, "name", x->name);
                kv(&w, &first, "id", x->id);
                kv(&w, &first, "country", x->country);
                break;
            }
            if (x->fuzzy) kv(&w, &first, "fuzzy", "1");
            putc_(&w, '\n');
        }
        w_maybe_flush(&w);
    }
    return w_done(&w);
}

/* ================================================================ events */
/* Countries rasid's outputs name: ISO3, ISO numeric, FIPS 10-4 (GDELT), name, ACLED region. */
typedef struct country {
    const char *iso3;
    int num;
    const char *fips;
    const char *name;
    const char *region;
} country;

static const country COUNTRIES[] = {
    {"AGO", 24, "AO", "Angola", "Middle Africa"},
    {"ARE", 784, "AE", "United Arab Emirates", "Middle East"},
    {"BDI", 108, "BY", "Burundi", "Eastern Africa"},
    {"BEL", 56, "BE", "Belgium", "Europe"},
    {"BEN", 204, "BN", "Benin", "Western Africa"},
    {"BFA", 854, "UV", "Burkina Faso", "Western Africa"},
    {"CAF", 140, "CT", "Central African Republic", "Middle Africa"},
    {"CAN", 124, "CA", "Canada", "North America"},
    {"CHN", 156, "CH", "China", "East Asia"},
    {"CIV", 384, "IV", "Ivory Coast", "Western Africa"},
    {"CMR", 120, "CM", "Cameroon", "Middle Africa"},
    {"COD", 180, "CG", "Democratic Republic of Congo", "Middle Africa"},
    {"COG", 178, "CF", "Republic of Congo", "Middle Africa"},
    {"CPV", 132, "CV", "Cape Verde", "Western Africa"},
    {"DEU", 276, "GM", "Germany", "Europe"},
    {"DJI", 262, "DJ", "Djibouti", "Eastern Africa"},
    {"DZA", 12, "AG", "Algeria", "Northern Africa"},
    {"EGY", 818, "EG", "Egypt", "Northern Africa"},
    {"ERI", 232, "ER", "Eritrea", "Eastern Africa"},
    {"ESH", 732, "WI", "Western Sahara", "Northern Africa"},
    {"ESP", 724, "SP", "Spain", "Europe"},
    {"ETH", 231, "ET", "Ethiopia", "Eastern Africa"},
    {"FRA", 250, "FR", "France", "Europe"},
    {"GAB", 266, "GB", "Gabon", "Middle Africa"},
    {"GBR", 826, "UK", "United Kingdom", "Europe"},
    {"GHA", 288, "GH", "Ghana", "Western Africa"},
    {"GIN", 324, "GV", "Guinea", "Western Africa"},
    {"GMB", 270, "GA", "Gambia", "Western Africa"},
    {"GNB", 624, "PU", "Guinea-Bissau", "Western Africa"},
    {"GNQ", 226, "EK", "Equatorial Guinea", "Middle Africa"},
    {"IRN", 364, "IR", "Iran", "Middle East"},
    {"IRQ", 368, "IZ", "Iraq", "Middle East"},
    {"ISR", 376, "IS", "Israel", "Middle East"},
    {"ITA", 380, "IT", "Italy", "Europe"},
    {"JOR", 400, "JO", "Jordan", "Middle East"},
    {"KEN", 404, "KE", "Kenya", "Eastern Africa"},
    {"LBN", 422, "LE", "Lebanon", "Middle East"},
    {"LBR", 430, "LI", "Liberia", "Western Africa"},
    {"LBY", 434, "LY", "Libya", "Northern Africa"},
    {"MAR", 504, "MO", "Morocco", "Northern Africa"},
    {"MLI", 466, "ML", "Mali", "Western Africa"},
    {"MRT", 478, "MR", "Mauritania", "Western Africa"},
    {"NER", 562, "NG", "Niger", "Western Africa"},
    {"NGA", 566, "NI", "Nigeria", "Western Africa"},
    {"NLD", 528, "NL", "Netherlands", "Europe"},
    {"QAT", 634, "QA", "Qatar", "Middle East"},
    {"RUS", 643, "RS", "Russia", "Europe"},
    {"RWA", 646, "RW", "Rwanda", "Eastern Africa"},
    {"SAU", 682, "SA", "Saudi Arabia", "Middle East"},
    {"SDN", 729, "SU", "Sudan", "Northern Africa"},
    {"SEN", 686, "SG", "Senegal", "Western Africa"},
    {"SLE", 694, "SL", "Sierra Leone", "Western Africa"},
    {"SOM", 706, "SO", "Somalia", "Eastern Africa"},
    {"SSD", 728, "OD", "South Sudan", "Eastern Africa"},
    {"SYR", 760, "SY", "Syria", "Middle East"},
    {"TCD", 148, "CD", "Chad", "Middle Africa"},
    {"TGO", 768, "TO", "Togo", "Western Africa"},
    {"TUN", 788, "TS", "Tunisia", "Northern Africa"},
    {"TUR", 792, "TU", "Turkey", "Middle East"},
    {"TZA", 834, "TZ", "Tanzania", "Eastern Africa"},
    {"UGA", 800, "UG", "Uganda", "Eastern Africa"},
    {"UKR", 804, "UP", "Ukraine", "Europe"},
    {"USA", 840, "US", "United States", "North America"},
    {"YEM", 887, "YM", "Yemen", "Middle East"},
};

static const country *country_of(const char *iso3)
{
    if (!iso3) return NULL;
    size_t lo = 0, hi = sizeof COUNTRIES / sizeof COUNTRIES[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(iso3, COUNTRIES[mid].iso3);
        if (c == 0) return &COUNTRIES[mid];
        if (c < 0) hi = mid;
        else lo = mid + 1;
    }
    return NULL;
}

static void entity_json(writer *w, const rasid_entity *e)
{
    puts_(w, "{\"name\":");
    jstr(w, e->name);
    puts_(w, ",\"text\":");
    if (e->end > e->start) jspan(w, e->start, e->end);
    else jstr(w, e->text);
    put_span_keys(w, e->start, e->end);
    puts_(w, ",\"id\":");
    jstr(w, e->id);
    puts_(w, ",\"kind\":");
    jstr(w, e->kind);
    puts_(w, ",\"sector\":");
    jstr(w, e->sector);
    puts_(w, ",\"country\":");
    jstr(w, e->country);
    putc_(w, '}');
}

static void count_json(writer *w, long v)
{
    if (v < 0) puts_(w, "null");
    else put_long(w, v);
}

/* The fields every place object shares, from the country to the closing brace (the
 * caller has written the opening keys and ,"country":). */
static void place_tail_json(writer *w, const rasid_mention *m)
{
    jstr(w, m->country);
    puts_(w, ",\"admin1\":");
    jstr(w, m->admin1);
    puts_(w, ",\"lat\":");
    jnum(w, m->lat);
    puts_(w, ",\"lon\":");
    jnum(w, m->lon);
    puts_(w, ",\"geonameid\":");
    if (m->geonameid) put_long(w, m->geonameid);
    else puts_(w, "null");
    puts_(w, ",\"precision\":");
    jstr(w, precision_name(m->precision));
    putc_(w, '}');
}

static void location_json(writer *w, const rasid_mention *m)
{
    if (!m) {
        puts_(w, "null");
        return;
    }
    puts_(w, "{\"name\":");
    jstr(w, m->name);
    puts_(w, ",\"text\":");
    jspan(w, m->start, m->end);
    put_span_keys(w, m->start, m->end);
    puts_(w, ",\"country\":");
    place_tail_json(w, m);
}

static void date_json(writer *w, const rasid_mention *m)
{
    if (!m) {
        puts_(w, "null");
        return;
    }
    puts_(w, "{\"value\":");
    jstr(w, m->value[0] ? m->value : NULL);
    puts_(w, ",\"precision\":");
    jstr(w, precision_name(m->precision));
    puts_(w, ",\"text\":");
    jspan(w, m->start, m->end);
    put_span_keys(w, m->start, m->end);
    putc_(w, '}');
}

static void event_jsonl(writer *w, const rasid_event *e)
{
    puts_(w, "{\"id\":");
    jstr(w, e->id);
    puts_(w, ",\"doc\":");
    jstr(w, rasid_doc_id(w->doc));
    puts_(w, ",\"type\":");
    jstr(w, e->type);
    puts_(w, ",\"mode\":");
    jstr(w, e->mode);
    puts_(w, ",\"context\":[");
    for (int i = 0; i < 4 && e->context[i]; i++) {
        if (i) putc_(w, ',');
        jstr(w, e->context[i]);
    }
    puts_(w, "],\"modality\":");
    jstr(w, e->modality ? e->modality : "asserted");
    puts_(w, ",\"acled\":");
    if (e->acled_event) {
        puts_(w, "{\"event_type\":");
        jstr(w, e->acled_event);
        puts_(w, ",\"sub_event_type\":");
        jstr(w, e->acled_sub);
        putc_(w, '}');
    } else {
        puts_(w, "null");
    }
    puts_(w, ",\"cameo\":");
    jstr(w, e->cameo);
    puts_(w, ",\"actor\":[");
    for (size_t i = 0; i < e->nactor; i++) {
        if (i) putc_(w, ',');
        entity_json(w, &e->actor[i]);
    }
    puts_(w, "],\"recipient\":[");
    for (size_t i = 0; i < e->nrecipient; i++) {
        if (i) putc_(w, ',');
        entity_json(w, &e->recipient[i]);
    }
    puts_(w, "],\"location\":");
    location_json(w, e->location);
    puts_(w, ",\"date\":");
    date_json(w, e->date);
    puts_(w, ",\"size\":{\"dead\":");
    count_json(w, e->dead);
    puts_(w, ",\"injured\":");
    count_json(w, e->injured);
    puts_(w, ",\"arrested\":");
    count_json(w, e->arrested);
    puts_(w, ",\"hostages\":");
    count_json(w, e->hostages);
    puts_(w, ",\"qualifiers\":{");
    struct { const char *k; long v; uint8_t q; } qs[] = {
        {"dead", e->dead, e->q_dead},
        {"injured", e->injured, e->q_injured},
        {"arrested", e->arrested, e->q_arrested},
        {"hostages", e->hostages, e->q_hostages},
    };
    int any = 0;
    for (int i = 0; i < 4; i++) {
        if (qs[i].v < 0 || qs[i].q == RASID_Q_EXACT) continue;
        if (any) putc_(w, ',');
        any = 1;
        rasid__buf_printf(&w->b, "\"%s\":\"%s\"", qs[i].k, qualifier_name(qs[i].q));
    }
    puts_(w, "}},\"fatalities\":");
    count_json(w, e->dead);
puts_(w, ",\"evidence\":{\"start\":");
    rasid__buf_putu(&w->b, e->ev_start);
    puts_(w, ",\"end\":");
    rasid__buf_putu(&w->b, e->ev_end);
    puts_(w, ",\"text\":");
    jspan(w, e->ev_start, e->ev_end);
    puts_(w, "},\"confidence\":");
    char c[32];
    if (!rasid__fmt_fixed(e->confidence, 2, 0, c)) snprintf(c, sizeof c, "%.2f", e->confidence);
    puts_(w, c);
    puts_(w, ",\"summary\":");
    jstr(w, e->summary);
    puts_(w, "}\n");
}

/* ---- ACLED-style CSV ---- */
static const char *ACLED_COLS[] = {
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp", NULL};

/* ACLED actor type ("inter") codes: 1 state forces, 2 rebel groups, 3 political militias,
 * 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces. */
static int inter_code(const rasid_entity *e)
{
    const char *s = e->sector ? e->sector : "";
    const char *k = e->kind ? e->kind : "";
    if (strcmp(k, "civilians") == 0 || strcmp(s, "CVL") == 0 || strcmp(s, "REF") == 0) return 7;
    if (!strcmp(s, "MIL") || !strcmp(s, "GOV") || !strcmp(s, "COP") || !strcmp(s, "SPY") ||
        !strcmp(s, "JUD") || !strcmp(k, "state") || !strcmp(k, "force"))
        return 1;
    if (!strcmp(s, "REB") || !strcmp(s, "INS") || !strcmp(s, "SEP") || !strcmp(k, "group")) return 2;
    if (!strcmp(s, "UAF")) return 3;
    if (!strcmp(s, "IGO") || !strcmp(s, "NGO") || !strcmp(s, "PKO") || !strcmp(k, "org")) return 8;
    return 0;
}

static void csv_cell(writer *w, const char *s, int first)
{
    if (!first) putc_(w, ',');
    rasid__buf_csv_field(&w->b, s ? s : "");
}

static void names_join(writer *w, char *out, size_t outlen, const rasid_entity *e, size_t from, size_t n,
                       const char *sep)
{
    (void)w;
    size_t used = 0;
    out[0] = 0;
    for (size_t i = from; i < n; i++) {
        const char *name = e[i].name && *e[i].name ? e[i].name : e[i].text;
        if (!name) continue;
        int k = snprintf(out + used, outlen - used, "%s%s", used ? sep : "", name);
        if (k < 0 || (size_t)k >= outlen - used) break;
        used += (size_t)k;
    }
}

static const char *disorder_type(const char *acled_event)
{
    if (!acled_event) return "";
    if (!strcmp(acled_event, "Protests") || !strcmp(acled_event, "Riots")) return "Demonstrations";
    if (!strcmp(acled_event, "Strategic developments")) return "Strategic developments";
    return "Political violence";
}

static void event_csv(writer *w, const rasid_event *e)
{
    char buf[1024], tmp[64];
    const rasid_mention *loc = e->location;
    const char *iso3 = loc && loc->country ? loc->country : NULL;
    const country *c = country_of(iso3);
    const char *date = e->date && e->date->value[0] ? e->date->value : "";
    csv_cell(w, e->id, 1);
    csv_cell(w, date, 0);
    snprintf(tmp, sizeof tmp, "%.4s", date);
    csv_cell(w, tmp, 0);
    /* ACLED time_precision: 1 day, 2 week (or a few days), 3 month or coarser */
    const char *tp = "";
    if (e->date) tp = e->date->precision == RASID_P_DAY ? "1" : e->date->precision == RASID_P_WEEK ? "2" : "3";
    csv_cell(w, tp, 0);
    csv_cell(w, disorder_type(e->acled_event), 0);
    csv_cell(w, e->acled_event, 0);
    csv_cell(w, e->acled_sub, 0);
    int i1 = 0, i2 = 0;
    names_join(w, buf, sizeof buf, e->actor, 0, e->nactor ? 1 : 0, "; ");
    csv_cell(w, buf, 0);
    names_join(w, buf, sizeof buf, e->actor, 1, e->nactor, "; ");
    csv_cell(w, buf, 0);
    if (e->nactor) i1 = inter_code(&e->actor[0]);
    snprintf(tmp, sizeof tmp, "%d", i1);
    csv_cell(w, i1 ? tmp : "", 0);
    names_join(w, buf, sizeof buf, e->recipient, 0, e->nrecipient ? 1 : 0, "; ");
    csv_cell(w, buf, 0);
    names_join(w, buf, sizeof buf, e->recipient, 1, e->nrecipient, "; ");
    csv_cell(w, buf, 0);
    if (e->nrecipient) i2 = inter_code(&e->recipient[0]);
    snprintf(tmp, sizeof tmp, "%d", i2);
    csv_cell(w, i2 ? tmp : "", 0);
    if (i1 || i2) {
        int a = i1 < i2 ? i1 : i2, b = i1 < i2 ? i2 : i1;
        if (a == 0) snprintf(tmp, sizeof tmp, "%d0", b);
        else snprintf(tmp, sizeof tmp, "%d%d", a, b);
    } else {
        tmp[0] = 0;
    }
    csv_cell(w, tmp, 0);
    int civ = 0;
    for (size_t i = 0; i < e->nrecipient; i++)
        if (inter_code(&e->recipient[i]) == 7) civ = 1;
    csv_cell(w, civ && e->acled_event && strcmp(disorder_type(e->acled_event), "Political violence") == 0
                    ? "Civilian targeting" : "", 0);
    snprintf(tmp, sizeof tmp, "%d", c ? c->num : 0);
    csv_cell(w, c ? tmp : "", 0);
    csv_cell(w, c ? c->region : "", 0);
    csv_cell(w, c ? c->name : iso3, 0);
    csv_cell(w, loc ? loc->admin1 : "", 0);
    csv_cell(w, "", 0);
    csv_cell(w, "", 0);
    csv_cell(w, loc ? loc->name : "", 0);
    num_text(tmp, loc ? loc->lat : NAN);
    csv_cell(w, tmp, 0);
    num_text(tmp, loc ? loc->lon : NAN);
    csv_cell(w, tmp, 0);
    /* ACLED geo_precision: 1 the town itself, 2 near a town / district, 3 region or province */
    const char *gp = "";
    if (loc) {
        switch (loc->precision) {
        case RASID_P_SITE: case RASID_P_CITY: gp = "1"; break;
        case RASID_P_ADMIN2: gp = "2"; break;
        default: gp = "3"; break;
        }
    }
    csv_cell(w, gp, 0);
    csv_cell(w, rasid_doc_id(w->doc), 0);
    csv_cell(w, "", 0);
    csv_cell(w, e->summary, 0);
    snprintf(tmp, sizeof tmp, "%ld", e->dead > 0 ? e->dead : 0);
    csv_cell(w, tmp, 0);
    snprintf(buf, sizeof buf, "plover=%s%s%s; modality=%s; cameo=%s; confidence=%.2f", nz(e->type),
             e->mode ? "; mode=" : "", e->mode ? e->mode : "", e->modality ? e->modality : "asserted",
             nz(e->cameo), e->confidence);
    csv_cell(w, buf, 0);
    csv_cell(w, "", 0);
    puts_(w, "\r\n");
}

/* ---- GDELT-style TSV ---- */
static const char *GDELT_COLS[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1Type1Code", "Actor2Code", "Actor2Name",
    "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources",
    "NumArticles", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "SOURCEURL",
    NULL};

/* Goldstein scale at the level of the CAMEO root code (an approximation of the per-code table). */
static const double GOLDSTEIN_ROOT[21] = {0,   0.0,  3.0,  4.0,  1.0,  3.5,  6.0, 7.0,  5.0,  -2.0, -5.0,
                                          -2.0, -4.0, -6.0, -6.5, -7.2, -4.0, -7.0, -9.0, -10.0, -10.0};

static void tsv_cell(writer *w, const char *s, int first)
{
    if (!first) putc_(w, '\t');
    if (!s) return;
    for (const char *p = s; *p; p++) putc_(w, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void actor_code(char *out, size_t n, const rasid_entity *e)
{
    snprintf(out, n, "%s%s", e->country ? e->country : "", e->sector ? e->sector : "");
}

static void event_tsv(writer *w, const rasid_event *e)
{
    char tmp[128];
    const char *date = e->date && e->date->value[0] ? e->date->value : "";
    int y = 0, m = 0, d = 0;
    if (strlen(date) >= 4) y = atoi(date);
    if (strlen(date) >= 7) m = atoi(date + 5);
    if (strlen(date) >= 10) d = atoi(date + 8);
    tsv_cell(w, e->id, 1);
    if (y) {
        snprintf(tmp, sizeof tmp, "%04d%02d%02d", y, m, d);
        tsv_cell(w, tmp, 0);
        snprintf(tmp, sizeof tmp, "%04d%02d", y, m);
        tsv_cell(w, tmp, 0);
        snprintf(tmp, sizeof tmp, "%04d", y);
        tsv_cell(w, tmp, 0);
        double frac = y + ((m ? m - 1 : 0) * 30.4375 + (d ? d : 1)) / 365.25;
        snprintf(tmp, sizeof tmp, "%.4f", frac);
        tsv_cell(w, tmp, 0);
    } else {
        for (int i = 0; i < 4; i++) tsv_cell(w, "", 0);
    }
    for (int side = 0; side < 2; side++) {
        const rasid_entity *a = side == 0 ? (e->nactor ? &e->actor[0] : NULL)
                                          : (e->nrecipient ? &e->recipient[0] : NULL);
        if (a) {
            actor_code(tmp, sizeof tmp, a);
            tsv_cell(w, tmp, 0);
            tsv_cell(w, a->name && *a->name ? a->name : a->text, 0);
            tsv_cell(w, a->country && strcmp(a->country, "IMG") ? a->country : "", 0);
            tsv_cell(w, a->kind && !strcmp(a->kind, "group") ? a->id : "", 0);
            tsv_cell(w, a->sector, 0);
        } else {
            for (int i = 0; i < 5; i++) tsv_cell(w, "", 0);
        }
    }
    tsv_cell(w, "1", 0);
    const char *cameo = e->cameo ? e->cameo : "";
    tsv_cell(w, cameo, 0);
    snprintf(tmp, sizeof tmp, "%.3s", cameo);
    tsv_cell(w, tmp, 0);
    snprintf(tmp, sizeof tmp, "%.2s", cameo);
    tsv_cell(w, tmp, 0);
    int root = atoi(tmp);
    if (root >= 1 && root <= 20) {
        int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
        snprintf(tmp, sizeof tmp, "%d", quad);
        tsv_cell(w, tmp, 0);
        snprintf(tmp, sizeof tmp, "%.1f", GOLDSTEIN_ROOT[root]);
        tsv_cell(w, tmp, 0);
    } else {
        tsv_cell(w, "", 0);
        tsv_cell(w, "", 0);
    }
    tsv_cell(w, "1", 0);
    tsv_cell(w, "1", 0);
    tsv_cell(w, "1", 0);
    const rasid_mention *loc = e->location;
    if (loc) {
        /* GDELT geo types: 1 country, 4 world city, 5 world state (ADM1) */
        const char *gt = "4";
        if (loc->precision == RASID_P_COUNTRY || loc->precision == RASID_P_REGION) gt = "1";
        else if (loc->precision == RASID_P_ADMIN1) gt = "5";
        tsv_cell(w, gt, 0);
        const country *c = country_of(loc->country);
        if (loc->admin1 && *loc->admin1 && c && loc->precision != RASID_P_ADMIN1)
            snprintf(tmp, sizeof tmp, "%s, %s, %s", nz(loc->name), loc->admin1, c->name);
        else if (c && loc->precision != RASID_P_COUNTRY)
            snprintf(tmp, sizeof tmp, "%s, %s", nz(loc->name), c->name);
        else
            snprintf(tmp, sizeof tmp, "%s", nz(loc->name));
        tsv_cell(w, tmp, 0);
        tsv_cell(w, c ? c->fips : "", 0);
        tsv_cell(w, c ? c->fips : "", 0);
        num_text(tmp, loc->lat);
        tsv_cell(w, tmp, 0);
        num_text(tmp, loc->lon);
        tsv_cell(w, tmp, 0);
        snprintf(tmp, sizeof tmp, "%ld", loc->geonameid);
        tsv_cell(w, loc->geonameid ? tmp : "", 0);
    } else {
        for (int i = 0; i < 7; i++) tsv_cell(w, "", 0);
    }
    const char *url = rasid_doc_meta(w->doc, "url");
    tsv_cell(w, url ? url : rasid_doc_id(w->doc), 0);
    putc_(w, '\n');
}

/* ---- PLOVER JSON ---- */
static void plover_actor(writer *w, const rasid_entity *e, size_t n)
{
    putc_(w, '[');
    for (size_t i = 0; i < n; i++) {
        if (i) putc_(w, ',');
        puts_(w, "{\"actorText\":");
        if (e[i].end > e[i].start) jspan(w, e[i].start, e[i].end);
        else jstr(w, e[i].text);
        puts_(w, ",\"name\":");
        jstr(w, e[i].name);
        puts_(w, ",\"code\":");
        jstr(w, e[i].country);
        puts_(w, ",\"sector\":");
        jstr(w, e[i].sector);
        puts_(w, ",\"wikidata\":");
        jstr(w, e[i].id && e[i].id[0] == 'Q' ? e[i].id : NULL);
        put_span_keys(w, e[i].start, e[i].end);
        putc_(w, '}');
    }
    putc_(w, ']');
}

static void event_plover(writer *w, const rasid_event *e)
{
    puts_(w, "{\"event_id\":");
    jstr(w, e->id);
    puts_(w, ",\"event_date\":");
    jstr(w, e->date && e->date->value[0] ? e->date->value : NULL);
    puts_(w, ",\"event_type\":");
    jstr(w, e->type);
    puts_(w, ",\"event_mode\":");
    jstr(w, e->mode);
    puts_(w, ",\"event_context\":[");
    for (int i = 0; i < 4 && e->context[i]; i++) {
        if (i) putc_(w, ',');
        jstr(w, e->context[i]);
    }
    puts_(w, "],\"event_text\":");
    jspan(w, e->ev_start, e->ev_end);
    puts_(w, ",\"event_trigger\":");
    if (e->trig_end > e->trig_start) jspan(w, e->trig_start, e->trig_end);
    else jstr(w, e->trigger_text);
    puts_(w, ",\"actor\":");
    plover_actor(w, e->actor, e->nactor);
    puts_(w, ",\"actor_country\":");
    jstr(w, e->nactor ? e->actor[0].country : NULL);
    puts_(w, ",\"recipient\":");
    plover_actor(w, e->recipient, e->nrecipient);
    puts_(w, ",\"recipient_country\":");
    jstr(w, e->nrecipient ? e->recipient[0].country : NULL);
    puts_(w, ",\"dead\":");
    count_json(w, e->dead);
    puts_(w, ",\"injured\":");
    count_json(w, e->injured);
    puts_(w, ",\"arrested\":");
    count_json(w, e->arrested);
    puts_(w, ",\"location\":");
    if (e->location) {
        const rasid_mention *m = e->location;
        puts_(w, "{\"placename\":");
        jstr(w, m->name);
        puts_(w, ",\"placetext\":");
        jspan(w, m->start, m->end);
        puts_(w, ",\"country\":");
        place_tail_json(w, m);
    } else {
        puts_(w, "null");
    }
    puts_(w, ",\"modality\":");
    jstr(w, e->modality ? e->modality : "asserted");
    puts_(w, ",\"cameo\":");
    jstr(w, e->cameo);
    puts_(w, ",\"source\":");
    jstr(w, rasid_doc_id(w->doc));
    puts_(w, ",\"url\":");
    jstr(w, rasid_doc_meta(w->doc, "url"));
    puts_(w, ",\"language\":\"ar\",\"coder\":\"rasid " RASID_VERSION "\",\"confidence\":");
    char c[32];
    if (!rasid__fmt_fixed(e->confidence, 2, 0, c)) snprintf(c, sizeof c, "%.2f", e->confidence);
    puts_(w, c);
    puts_(w, "}\n");
}

/* ---- fixed-width table ---- */
/* Pad or cut `s` to `width` code points (cut with "…"). */
static void cell(writer *w, const char *s, size_t width)
{
    if (!s) s = "";
    size_t cps = 0, i = 0, n = strlen(s);
    size_t cut = n;
    for (i = 0; i < n;) {
        uint32_t cp;
        int bad = 0;
        size_t l = rasid__utf8_decode((const unsigned char *)s + i, n - i, &cp, &bad);
        cps++;
        if (cps == width && cut == n) cut = i; /* room for the ellipsis */
        i += l;
    }
    if (cps > width) {
        for (size_t k = 0; k < cut; k++) putc_(w, (s[k] == '\t' || s[k] == '\n') ? ' ' : s[k]);
        puts_(w, "\xE2\x80\xA6");
        cps = width;
    } else {
        for (size_t k = 0; k < n; k++) putc_(w, (s[k] == '\t' || s[k] == '\n') ? ' ' : s[k]);
    }
    for (; cps < width; cps++) putc_(w, ' ');
}

static void entities_names(char *out, size_t outlen, const rasid_entity *e, size_t n)
{
    size_t used = 0;
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const char *name = e[i].name && *e[i].name ? e[i].name : e[i].text;
        int k = snprintf(out + used, outlen - used, "%s%s", used ? " + " : "", name ? name : "?");
        if (k < 0 || (size_t)k >= outlen - used) break;
        used += (size_t)k;
    }
    if (!used) snprintf(out, outlen, "-");
}

static void event_table(writer *w, const rasid_event *e)
{
    char buf[512], tmp[64];
    cell(w, rasid_doc_id(w->doc), 18);
    putc_(w, ' ');
    cell(w, e->date && e->date->value[0] ? e->date->value : "-", 10);
    putc_(w, ' ');
    snprintf(buf, sizeof buf, "%s%s%s", nz(e->type), e->mode ? "/" : "", e->mode ? e->mode : "");
    cell(w, buf, 22);
    putc_(w, ' ');
    entities_names(buf, sizeof buf, e->actor, e->nactor);
    cell(w, buf, 24);
    putc_(w, ' ');
    entities_names(buf, sizeof buf, e->recipient, e->nrecipient);
    cell(w, buf, 24);
    putc_(w, ' ');
    cell(w, e->location ? e->location->name : "-", 16);
    putc_(w, ' ');
    if (e->dead >= 0) snprintf(tmp, sizeof tmp, "%5ld", e->dead);
    else snprintf(tmp, sizeof tmp, "%5s", "-");
    puts_(w, tmp);
    if (e->modality && strcmp(e->modality, "asserted") != 0) {
        putc_(w, ' ');
        puts_(w, e->modality);
    }
    putc_(w, '\n');
    if (e->summary && *e->summary) {
        puts_(w, "                   ");
        puts_(w, e->summary);
        putc_(w, '\n');
    }
}

int rasid_write_events(FILE *out, const rasid_doc *doc, rasid_format fmt, int header)
{
    writer w;
    w_init(&w, out, doc);
    const rasid_event *ev = rasid_doc_events(doc);
    size_t ne = rasid_doc_nevents(doc);
    if (header) {
        if (fmt == RASID_FMT_CSV) {
            for (int i = 0; ACLED_COLS[i]; i++) csv_cell(&w, ACLED_COLS[i], i == 0);
            puts_(&w, "\r\n");
        } else if (fmt == RASID_FMT_TSV) {
            for (int i = 0; GDELT_COLS[i]; i++) tsv_cell(&w, GDELT_COLS[i], i == 0);
            putc_(&w, '\n');
        } else if (fmt == RASID_FMT_TABLE) {
            cell(&w, "DOC", 18);
            putc_(&w, ' ');
            cell(&w, "DATE", 10);
            putc_(&w, ' ');
            cell(&w, "TYPE/MODE", 22);
            putc_(&w, ' ');
            cell(&w, "ACTOR", 24);
            putc_(&w, ' ');
            cell(&w, "RECIPIENT", 24);
            putc_(&w, ' ');
            cell(&w, "LOCATION", 16);
            puts_(&w, "  DEAD MODALITY\n");
        }
    }
    for (size_t i = 0; i < ne; i++) {
        switch (fmt) {
        case RASID_FMT_CSV: event_csv(&w, &ev[i]); break;
        case RASID_FMT_TSV: event_tsv(&w, &ev[i]); break;
        case RASID_FMT_PLOVER: event_plover(&w, &ev[i]); break;
        case RASID_FMT_TABLE: event_table(&w, &ev[i]); break;
        case RASID_FMT_JSONL:
        default: event_jsonl(&w, &ev[i]); break;
        }
        w_maybe_flush(&w);
    }
    return w_done(&w);
}
