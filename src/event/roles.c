/*
 * roles.c — who, where, when, how many, and how sure, for one trigger.
 *
 * Arabic news prose is mostly verb–subject–object ("استهدف مسلحون فندقا"), with nominal
 * forms ("هجوم جماعة X على Y", "هجوم لـX"), victim forms ("مقتل 27 شخصا"), two-party
 * forms ("اشتباكات بين X و Y", "لقاء X مع Y") and agent phrases ("على أيدي X"). The
 * clause around a trigger is bounded by punctuation and by clause-opening words
 * (فيما، بينما، حيث ...); participants are looked for in that order of preference,
 * first inside the clause, then (for the subject) to the left within the sentence.
 */
#include "event/event.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A nationality, a country, or a state force or government: it sets the country the text
 * is about (context_country). */
static int sets_context(const rasid_mention *x)
{
    if (!x->country || rasid__streq(x->country, "?") || rasid__streq(x->country, "IMG") || rasid__streq(x->country, "IGO")) return 0;
    if (x->kind == RASID_M_NISBA || (x->kind == RASID_M_PLACE && x->precision == RASID_P_COUNTRY)) return 1;
    return x->kind == RASID_M_ACTOR && x->sector &&
           (rasid__streq(x->sector, "MIL") || rasid__streq(x->sector, "COP") || rasid__streq(x->sector, "GOV"));
}

/* The first mention (sorted) starting at or after byte `start`. */
size_t ev_mention_at_byte(const ev_ctx *c, uint32_t start)
{
    size_t lo = 0, hi = c->nms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->ms[mid].start < start) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* How many mentions (sorted) begin before token tok. */
static size_t mentions_before(const ev_ctx *c, uint32_t tok)
{
    size_t lo = 0, hi = c->nms;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->ms[mid].tok_begin < tok) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

static int list_glue(const ev_ctx *c, size_t i);

/* How far after an event noun its doer is looked for: three tokens, or up to the party
 * after an owner cue that only adjectives separate from the noun ("طائرات مسيرة تركية
 * الصنع تابعة للجيش المالي"). */
static size_t noun_reach(const ev_ctx *c, size_t after, size_t e)
{
    for (size_t q = after; q < after + 5 && q + 1 < e; q++) {
        int own = ev_cue(c, q, CUE_OWNER);
        if (own) return q + (size_t)own + 1 - after;
        int mq = c->mention_at[q]; /* (a nationality adjective: "تركية الصنع") */
        if ((mq >= 0 && c->ms[mq].kind != RASID_M_NISBA) || c->t[q].kind != RASID_TOK_ARABIC ||
            ev_cue(c, q, CUE_FUNCTION) || ev_cue(c, q, CUE_PREPOSITION))
            break;
    }
    return 3;
}

static int is_partyish(const rasid_mention *m);
static size_t next_trigger(const ev_ctx *c, const ev_cand *k, size_t e);

/* Where the party after k's trigger (read as pos) may start, up to: a noun's genitive
 * (noun_reach), five words for a verb's subject; for a two-sided word of talks, agreement
 * or cooperation, not past the word of another event under a preposition ("وقعت مالي
 * وروسيا اتفاقا للتعاون خلال زيارة وزير الدفاع": the minister is the visit's; "بحث الوزيران الشراكة التي ستربط الجزائر والنيجر": the
 * partnership's parties are the talks') */
static size_t subject_reach(const ev_ctx *c, const ev_cand *k, char pos, size_t after, size_t e)
{
    size_t lim = after + (pos == 'N' ? noun_reach(c, after, e) : 5);
    if (lim > e) lim = e;
    if (pos == 'B' && (k->ty == EV_T_AGREE || k->ty == EV_T_CONSULT || k->ty == EV_T_COOPERATE)) {
        size_t nt = next_trigger(c, k, e);
        if (nt > after && nt < lim && ev_cue(c, nt - 1, CUE_PREPOSITION)) lim = nt - 1;
    }
    return lim;
}

/* Is token t one of the words forms[0..n) (none empty), alone or after a proclitic (و، ف),
 * without the article or a pronoun? */
static int word_is(const rasid_token *t, const char *const *forms, size_t n)
{
    for (uint16_t r = 0; r < t->nreadings; r++) {
        const char *st = r ? t->readings[r].stem : t->norm;
        if (r && (t->readings[r].article || t->readings[r].enc[0])) continue;
        if (!st[0]) continue; /* (no form is empty) */
        /* (the first two bytes, an Arabic letter, compared in one load: most forms differ
         * there, and are passed over without a compare of the strings; a nonempty string
         * has two bytes, its NUL counted) */
        uint16_t s01, w01;
        memcpy(&s01, st, 2);
        for (size_t f = 0; f < n; f++) {
            memcpy(&w01, forms[f], 2);
            if (w01 == s01 && (!st[1] || rasid__streq(st + 2, forms[f] + 2))) return 1;
        }
    }
    return 0;
}

/* Does the word of t (its normalised form, without the article) begin with one of the
 * stems, at most `extra` bytes longer than it (0: the stem itself, SIZE_MAX: any ending)? */
int ev_word_begins(const rasid_token *t, const char *const *stems, size_t n, size_t extra)
{
    const char *w = t->norm;
    size_t l = t->nlen;
    if (!w) return 0;
    if (l > 4 && !memcmp(w, "\xD8\xA7\xD9\x84", 4)) w += 4, l -= 4; /* ال */
    for (size_t i = 0; i < n; i++) { /* (one pass: the stem's length is where it ends matching) */
        const char *s = stems[i];
        size_t sl = 0;
        while (s[sl] && sl < l && w[sl] == s[sl]) sl++;
        if (!s[sl] && l - sl <= extra) return 1;
    }
    return 0;
}

/* نجا، نجت، نجوا، ينجو، تنجو، نجاة ("survived"), with و or ف before it or not */
static int survive_verb(const rasid_token *t)
{
    static const char *const forms[] = {"\xD9\x86\xD8\xAC\xD8\xA7",                 /* نجا */
                                        "\xD9\x86\xD8\xAC\xD8\xAA",                 /* نجت */
                                        "\xD9\x86\xD8\xAC\xD9\x88\xD8\xA7",       /* نجوا */
                                        "\xD9\x8A\xD9\x86\xD8\xAC\xD9\x88",       /* ينجو */
                                        "\xD8\xAA\xD9\x86\xD8\xAC\xD9\x88",       /* تنجو */
                                        "\xD9\x86\xD8\xAC\xD8\xA7\xD9\x87"};      /* نجاه (نجاة) */
    return word_is(t, forms, sizeof forms / sizeof *forms);
}

/* لقي، لقيت، لقوا، لقيا، لقيتا ("met" their death), with و or ف before it or not */
static int met_verb(const rasid_token *t)
{
    static const char *const forms[] = {"\xD9\x84\xD9\x82\xD9\x8A", "\xD9\x84\xD9\x82\xD9\x8A\xD8\xAA",
                                        "\xD9\x84\xD9\x82\xD9\x88\xD8\xA7", "\xD9\x84\xD9\x82\xD9\x8A\xD8\xA7",
                                        "\xD9\x84\xD9\x82\xD9\x8A\xD8\xAA\xD8\xA7"};
    return word_is(t, forms, sizeof forms / sizeof *forms);
}

/* A verb of managing or succeeding, whose subject does the verbal noun after من or في:
 * تمكن، استطاع (من), نجح (في) in the past and the imperfect. */
static int manage_verb(const rasid_token *t)
{
    static const char *const forms[] = {
        "\xD8\xAA\xD9\x85\xD9\x83\xD9\x86",                                 /* تمكن */
        "\xD8\xAA\xD9\x85\xD9\x83\xD9\x86\xD8\xAA",                       /* تمكنت */
        "\xD8\xAA\xD9\x85\xD9\x83\xD9\x86\xD9\x88\xD8\xA7",             /* تمكنوا */
        "\xD8\xAA\xD9\x85\xD9\x83\xD9\x86\xD8\xA7",                       /* تمكنا */
        "\xD9\x8A\xD8\xAA\xD9\x85\xD9\x83\xD9\x86",                       /* يتمكن */
        "\xD8\xAA\xD8\xAA\xD9\x85\xD9\x83\xD9\x86",                       /* تتمكن */
        "\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xB7\xD8\xA7\xD8\xB9",             /* استطاع */
        "\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xB7\xD8\xA7\xD8\xB9\xD8\xAA",   /* استطاعت */
        "\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xB7\xD8\xA7\xD8\xB9\xD9\x88\xD8\xA7", /* استطاعوا */
        "\xD9\x86\xD8\xAC\xD8\xAD",                                           /* نجح */
        "\xD9\x86\xD8\xAC\xD8\xAD\xD8\xAA",                                 /* نجحت */
        "\xD9\x86\xD8\xAC\xD8\xAD\xD9\x88\xD8\xA7",                       /* نجحوا */
    };
    return word_is(t, forms, sizeof forms / sizeof *forms);
}

/* A verb or noun of cancelling: ألغى، ألغت، ألغوا، يلغي، تلغي، إلغاء، فسخ، فسخت، أنهى،
 * أنهت، إنهاء (normalised). */
static int cancel_word(const rasid_token *t)
{
    static const char *const forms[] = {
        "\xD8\xA7\xD9\x84\xD8\xBA\xD9\x8A",             /* الغي (ألغى) */
        "\xD8\xA7\xD9\x84\xD8\xBA\xD8\xAA",             /* الغت */
        "\xD8\xA7\xD9\x84\xD8\xBA\xD9\x88\xD8\xA7",   /* الغوا */
        "\xD9\x8A\xD9\x84\xD8\xBA\xD9\x8A",             /* يلغي */
        "\xD8\xAA\xD9\x84\xD8\xBA\xD9\x8A",             /* تلغي */
        "\xD8\xA7\xD9\x84\xD8\xBA\xD8\xA7\xD8\xA1",   /* الغاء (إلغاء) */
        "\xD9\x81\xD8\xB3\xD8\xAE",                       /* فسخ */
        "\xD9\x81\xD8\xB3\xD8\xAE\xD8\xAA",             /* فسخت */
        "\xD8\xA7\xD9\x86\xD9\x87\xD9\x8A",             /* انهي (أنهى) */
        "\xD8\xA7\xD9\x86\xD9\x87\xD8\xAA",             /* انهت */
        "\xD8\xA7\xD9\x86\xD9\x87\xD8\xA7\xD8\xA1",   /* انهاء (إنهاء) */
    };
    return word_is(t, forms, sizeof forms / sizeof *forms);
}

/* A verb or noun of suspending: علق، علقت، علقوا، يعلق، تعلق، تعليق، جمد، جمدت، يجمد، تجمد،
 * تجميد، أوقف، أوقفت، أوقفوا، يوقف (normalised; not وقف or توقف, which also open a ceasefire
 * told before its agreement). */
static int suspend_word(const rasid_token *t)
{
    static const char *const forms[] = {
        "\xD8\xB9\xD9\x84\xD9\x82",                         /* علق */
        "\xD8\xB9\xD9\x84\xD9\x82\xD8\xAA",               /* علقت */
        "\xD8\xB9\xD9\x84\xD9\x82\xD9\x88\xD8\xA7",     /* علقوا */
        "\xD9\x8A\xD8\xB9\xD9\x84\xD9\x82",               /* يعلق */
        "\xD8\xAA\xD8\xB9\xD9\x84\xD9\x82",               /* تعلق */
        "\xD8\xAA\xD8\xB9\xD9\x84\xD9\x8A\xD9\x82",     /* تعليق */
        "\xD8\xAC\xD9\x85\xD8\xAF",                         /* جمد */
        "\xD8\xAC\xD9\x85\xD8\xAF\xD8\xAA",               /* جمدت */
        "\xD9\x8A\xD8\xAC\xD9\x85\xD8\xAF",               /* يجمد */
        "\xD8\xAA\xD8\xAC\xD9\x85\xD8\xAF",               /* تجمد */
        "\xD8\xAA\xD8\xAC\xD9\x85\xD9\x8A\xD8\xAF",     /* تجميد */
        "\xD8\xA7\xD9\x88\xD9\x82\xD9\x81",               /* اوقف (أوقف) */
        "\xD8\xA7\xD9\x88\xD9\x82\xD9\x81\xD8\xAA",     /* اوقفت */
        "\xD8\xA7\xD9\x88\xD9\x82\xD9\x81\xD9\x88\xD8\xA7", /* اوقفوا */
        "\xD9\x8A\xD9\x88\xD9\x82\xD9\x81",               /* يوقف */
    };
    return word_is(t, forms, sizeof forms / sizeof *forms);
}

int ev_ends_pact_word(const rasid_token *t) { return cancel_word(t) || suspend_word(t); }

/* شنها، شنه، شنته، شنتها، شنوها، نفذها، نفذه، نفذته، نفذتها، نفذوها: "launched it",
 * "carried it out", a relative clause on an event noun before it, its subject left unsaid. */
static int launched_it(const rasid_token *t)
{
    static const char *const forms[] = {
        "\xD8\xB4\xD9\x86\xD9\x87\xD8\xA7", "\xD8\xB4\xD9\x86\xD9\x87",
        "\xD8\xB4\xD9\x86\xD8\xAA\xD9\x87", "\xD8\xB4\xD9\x86\xD8\xAA\xD9\x87\xD8\xA7",
        "\xD8\xB4\xD9\x86\xD9\x88\xD9\x87\xD8\xA7", "\xD9\x86\xD9\x81\xD8\xB0\xD9\x87\xD8\xA7",
        "\xD9\x86\xD9\x81\xD8\xB0\xD9\x87", "\xD9\x86\xD9\x81\xD8\xB0\xD8\xAA\xD9\x87",
        "\xD9\x86\xD9\x81\xD8\xB0\xD8\xAA\xD9\x87\xD8\xA7", "\xD9\x86\xD9\x81\xD8\xB0\xD9\x88\xD9\x87\xD8\xA7"};
    return word_is(t, forms, sizeof forms / sizeof *forms);
}

/* "بين X و Y", "وقعت X و Y اتفاقا": of the parties of a two-sided event (an agreement, a
 * meeting) listed together, the first is its actor and the others are its other side. */
static int already(const rasid_entity *list, size_t n, const rasid_entity *e);

/* An event with two sides of one standing: an agreement, a meeting, cooperation. */
static int two_sided(const ev_cand *k)
{
    return k->type && (k->ty == EV_T_AGREE || k->ty == EV_T_CONSULT || k->ty == EV_T_COOPERATE);
}

static void two_sides(ev_cand *k)
{
    if (k->nactor < 2) return;
    rasid_entity side[EV_MAX_PARTY];
    size_t n = 0;
    for (size_t i = 1; i < k->nactor && n < EV_MAX_PARTY; i++)
        if (!already(side, n, &k->actor[i])) side[n++] = k->actor[i];
    for (size_t i = 0; i < k->nrecipient && n < EV_MAX_PARTY; i++)
        if (!already(side, n, &k->recipient[i]) && !already(k->actor, 1, &k->recipient[i])) side[n++] = k->recipient[i];
    memcpy(k->recipient, side, n * sizeof *side);
    k->nrecipient = n;
    k->nactor = 1;
}

/* "في كل من العراق وسوريا", "في كل من": a list whose first token h follows a locative
 * preposition and كل من */
static int list_after_locative(const ev_ctx *c, size_t h)
{
    if (h < 3 || c->t[h - 3].sent != c->t[h].sent) return 0;
    const rasid_token *fi = &c->t[h - 3], *kl = &c->t[h - 2], *mn = &c->t[h - 1];
    return fi->nlen == 4 && !memcmp(fi->norm, "\xD9\x81\xD9\x8A", 4) && /* في */
           kl->nlen == 4 && !memcmp(kl->norm, "\xD9\x83\xD9\x84", 4) && /* كل */
           ev_is_min(mn);   /* من */
}

/* The first token of the list of countries that country mention m ends ("مالي والنيجر"
 * for النيجر: the token of مالي), or m's own first token. */
static size_t country_list_head(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    size_t b = x->tok_begin, q = b;
    for (;;) {
        if (q > 0 && c->t[q - 1].sent == x->sent && list_glue(c, q - 1)) { q--; continue; }
        int p = q > 0 ? c->mention_at[q - 1] : -1;
        if (p < 0 || c->ms[p].kind != RASID_M_PLACE || c->ms[p].precision != RASID_P_COUNTRY || c->ms[p].sent != x->sent)
            break;
        /* joined by a written و, or by و on the name itself ("والنيجر") */
        if (q < b || (c->ms[p].tok_end == b && c->t[b].nreadings > 1 && x->start > c->t[b].start)) {
            q = c->ms[p].tok_begin;
            continue;
        }
        break;
    }
    return q;
}

/* "الحدود مع مالي", "حدود النيجر", "الحدود مع ليبيا والجزائر": a country named as the other
 * side of a border. */
static int border_landmark(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->kind != RASID_M_PLACE || x->precision != RASID_P_COUNTRY || !rasid__lex_cue_in_doc(c->doc, CUE_BORDER)) return 0;
    size_t b = country_list_head(c, m);
    if (b > 1 && c->t[b - 2].sent == x->sent && ev_cue(c, b - 2, CUE_BORDER) == 2) return 1;
    return b > 0 && c->t[b - 1].sent == x->sent && ev_cue(c, b - 1, CUE_BORDER) == 1;
}

/* Remove entry i of a party list. */
static void drop_party(rasid_entity *list, size_t *n, size_t i)
{
    memmove(&list[i], &list[i + 1], (*n - i - 1) * sizeof *list);
    (*n)--;
}

/* "أرسلت روسيا مئات الجنود إلى بوركينا فاسو": the troops a deployment sends are the
 * doer's, not its other side */
static void drop_sent_troops(const ev_ctx *c, ev_cand *k)
{
    for (size_t i = 0; i < k->nrecipient; i++) {
        size_t bm = ev_mention_at_byte(c, k->recipient[i].start);
        if (bm >= c->nms || c->ms[bm].start != k->recipient[i].start || c->ms[bm].tok_begin <= k->ttok) continue;
        const rasid_mention *x = &c->ms[bm]; /* the troops, or their number ("مئات الجنود") */
        size_t q = x->kind == RASID_M_NUMBER ? x->tok_end : x->tok_begin;
        int unnamed = x->kind == RASID_M_ACTOR && x->id && ev_starts(x->id, "rasid:generic-");
        if (unnamed || (q < c->n && c->t[q].sent == x->sent && ev_cue(c, q, CUE_TROOPS))) {
            drop_party(k->recipient, &k->nrecipient, i);
            i--;
        }
    }
}

/* "تعرضت دورية للجيش لإطلاق نار من مهربين", "تعرض الجيش لكمين": an event noun with ل
 * after تعرض (was subjected to) within its clause: the subject of تعرض suffered it.
 * Returns the token after تعرض, or 0. */
static int is_comma(const rasid_token *t);
static size_t subjected_to(const ev_ctx *c, const ev_cand *k, size_t b)
{
    const rasid_token *tt = &c->t[k->ttok];
    if (!(k->tread > 0 && k->tread < tt->nreadings && ev_has2(tt->readings[k->tread].pro, "\xD9\x84"))) return 0; /* ل */
    /* (a date set off by commas does not count: "تعرضت وحدة، صباح يوم الأحد 16 يونيو، لهجوم") */
    size_t words = 0;
    for (size_t q = k->ttok; q-- > b && words <= 8;) {
        const rasid_token *v = &c->t[q];
        int dm = c->mention_at[q];
        if (!is_comma(v) && !(dm >= 0 && c->ms[dm].kind == RASID_M_DATE)) words++;
        for (uint16_t r = 0; r < v->nreadings; r++) {
            const char *st = r ? v->readings[r].stem : v->norm;
            if (ev_starts(st, "\xD8\xAA\xD8\xB9\xD8\xB1\xD8\xB6") ||                /* تعرض */
                ev_starts(st, "\xD9\x8A\xD8\xAA\xD8\xB9\xD8\xB1\xD8\xB6") ||        /* يتعرض */
                ev_starts(st, "\xD8\xAA\xD8\xAA\xD8\xB9\xD8\xB1\xD8\xB6"))          /* تتعرض */
                return q + 1; /* after the verb */
        }
    }
    return 0;
}

/* The doer named after an event noun suffered by another (من X، على يد X), or -1. */
static int doer_after(const ev_ctx *c, const ev_cand *k, size_t e)
{
    for (size_t q = k->ttok + k->tntok; q < e && q < k->ttok + k->tntok + 6; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q || !is_partyish(&c->ms[m])) continue;
        const rasid_token *t = &c->t[q];
        int min = q > 0 && ev_is_min(&c->t[q - 1]); /* من */
        int by = q > 0 && ev_cue(c, q - 1, CUE_BY);
        int min_pro = c->ms[m].start > t->start && t->nreadings > 1 && ev_starts(t->readings[1].pro, "\xD9\x85\xD9\x86");
        return min || by || min_pro ? m : -1;
    }
    return -1;
}

/* Drop from a party list the countries named as the other side of a border. */
static void drop_border_landmarks(const ev_ctx *c, rasid_entity *list, size_t *n)
{
    if (!rasid__lex_cue_in_doc(c->doc, CUE_BORDER)) return; /* (no border word: no landmark, no mention to look up) */
    for (size_t i = 0; i < *n; i++) {
        size_t bm = ev_mention_at_byte(c, list[i].start);
        if (bm < c->nms && c->ms[bm].start == list[i].start && border_landmark(c, (int)bm)) {
            drop_party(list, n, i);
            i--;
        }
    }
}

/* "جنديان فرنسيان", "خمسة جنود فرنسيين", "رهينة ألمانية": an indefinite nationality on a
 * counted or common noun of people says who they are, not which country the text is
 * about (the generic forces named after them are not French). */
static int qualifying_nisba(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->kind != RASID_M_NISBA && x->kind != RASID_M_ACTOR) return 0;
    size_t b = x->tok_begin;
    if (b == 0 || c->t[b - 1].sent != x->sent) return 0;
    const rasid_token *t = &c->t[b];
    if (t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4)) return 0; /* ال: "الفرنسيين" may name the state's men */
    for (uint16_t r = 1; r < t->nreadings; r++)
        if (t->readings[r].article) return 0;
    /* "جنود فرنسيين", "قوات فرنسية": indefinite troops of a nationality (not "جيش مالي") */
    if (x->kind == RASID_M_ACTOR) return x->tok_end > b + 1 && ev_cue(c, b, CUE_TROOPS) == 1;
    int p = c->mention_at[b - 1];
    if (p >= 0 && c->ms[p].kind == RASID_M_NUMBER && c->ms[p].tok_end == b) return 1;
    if (p >= 0) return 0;
    if (ev_cue(c, b - 1, CUE_TROOPS)) return 1;
    rasid__match mm[4];
    if (rasid__lex_match_at(c->lex, c->doc, b - 1, RASID_CATBIT(RASID_CAT_NOUN), 0, mm, 4) > 0) return 1;
    /* "رفعوا أعلاما روسية", "طائرات تركية": an indefinite adjective of an indefinite common
     * noun says what kind of thing, not which country the text is about */
    const rasid_token *pt = &c->t[b - 1];
    if (pt->kind != RASID_TOK_ARABIC || pt->nlen < 6 || !memcmp(pt->norm, "\xD8\xA7\xD9\x84", 4) || ev_cue(c, b - 1, CUE_FUNCTION))
        return 0;
    for (uint16_t r = 1; r < pt->nreadings; r++)
        if (pt->readings[r].article) return 0;
    return 1;
}

/* The tokens i (ascending) where a date (date_tok) or a place (place_tok) begins that is
 * mention_at[i]: the only tokens a scan "m = mention_at[i], of that kind, beginning at i"
 * stops at. With the mentions sorted only (the lists are in their order); both lists NULL
 * when there is no memory. One pass over the mentions for both. */
static void kind_starts(ev_ctx *c)
{
    size_t sz = (c->nms ? c->nms : 1) * sizeof *c->date_tok;
    c->date_tok = rasid__scratch(&c->doc->arena, sz);
    c->place_tok = rasid__scratch(&c->doc->arena, sz);
    if (!c->date_tok || !c->place_tok) {
        rasid__scratch_free(c->date_tok);
        rasid__scratch_free(c->place_tok);
        c->date_tok = c->place_tok = NULL;
        return;
    }
    for (size_t m = 0; m < c->nms; m++) {
        const rasid_mention *x = &c->ms[m];
        if ((x->kind != RASID_M_DATE && x->kind != RASID_M_PLACE) || x->tok_begin >= c->n ||
            c->mention_at[x->tok_begin] != (int)m)
            continue;
        if (x->kind == RASID_M_DATE) c->date_tok[c->ndate_tok++] = x->tok_begin;
        else c->place_tok[c->nplace_tok++] = x->tok_begin;
    }
}

/* The first index of list[0..n) (ascending) whose token is >= tok. */
static size_t first_start(const uint32_t *list, size_t n, size_t tok)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (list[mid] < tok) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

int ev_ctx_init(ev_ctx *c, rasid_doc *doc, const rasid_lexicon *lex)
{
    memset(c, 0, sizeof *c);
    c->doc = doc;
    c->lex = lex;
    c->t = doc->tokens.data;
    c->n = doc->tokens.len;
    c->ms = doc->mentions.data;
    c->nms = doc->mentions.len;
    c->min_score = 0.78;
    rasid__vec_init_arena(&c->cands, sizeof(ev_cand), &doc->arena);
    /* the context's arrays live as long as the coder runs: the doc's scratch */
    c->mention_at = rasid__scratch(&doc->arena, (c->n ? c->n : 1) * sizeof(int));
    if (!c->mention_at) return RASID_NOMEM;
    for (size_t i = 0; i < c->n; i++) c->mention_at[i] = -1;
    for (size_t m = 0; m < c->nms; m++)
        for (uint32_t q = c->ms[m].tok_begin; q < c->ms[m].tok_end && q < c->n; q++)
            if (c->mention_at[q] < 0) c->mention_at[q] = (int)m;
    c->ms_sorted = 1;
    for (size_t m = 1; m < c->nms && c->ms_sorted; m++)
        c->ms_sorted = c->ms[m - 1].tok_begin <= c->ms[m].tok_begin && c->ms[m - 1].sent <= c->ms[m].sent &&
                       c->ms[m - 1].start <= c->ms[m].start;
    if (c->ms_sorted) {
        c->context_upto = rasid__scratch(&doc->arena, (c->nms ? c->nms : 1) * sizeof(int));
        c->ms_sorted = c->context_upto != NULL; /* else the linear scans */
        /* (a country across a border, "قرب الحدود مع مالي", is a landmark: the text is not
         * about it) */
        for (size_t m = 0; m < c->nms && c->ms_sorted; m++)
            c->context_upto[m] = sets_context(&c->ms[m]) && !border_landmark(c, (int)m) && !qualifying_nisba(c, (int)m) ? (int)m
                                 : m                                                     ? c->context_upto[m - 1]
                                                                                         : -1;
    }
    /* the tokens a date or a place begins at (find_date's and find_place_pass's
     * candidates), when the mentions are sorted */
    if (c->ms_sorted) {
        kind_starts(c);
    }
    /* party_ok and person_noun of each mention, when first asked (EV_MM_*; 0: neither yet) */
    c->mmemo = rasid__scratch_zero(&doc->arena, c->nms ? c->nms : 1);
    c->rel_open = rasid__scratch(&doc->arena, (c->n ? c->n : 1) * sizeof *c->rel_open);
    if (c->rel_open) memset(c->rel_open, 0xFF, c->n * sizeof *c->rel_open);
    c->sinfo = rasid__scratch_zero(&doc->arena, (doc->sentences.len ? doc->sentences.len : 1) * sizeof *c->sinfo);
    c->clause_lo = rasid__scratch(&doc->arena, (c->n + 1) * sizeof *c->clause_lo);
    c->clause_hi = rasid__scratch(&doc->arena, (c->n + 1) * sizeof *c->clause_hi);
    if (c->clause_lo && c->clause_hi) {
        memset(c->clause_lo, 0xFF, (c->n + 1) * sizeof *c->clause_lo);
    } else {
        rasid__scratch_free(c->clause_lo);
        rasid__scratch_free(c->clause_hi);
        c->clause_lo = c->clause_hi = NULL;
    }
    c->pub_days = LONG_MIN;
    const char *p = rasid_doc_published(doc);
    if (p) c->pub_days = rasid__days_from_civil(rasid__atoi(p), rasid__atoi(p + 5), rasid__atoi(p + 8));
    c->debug = getenv("RASID_DEBUG_EVENTS") != NULL;
    return RASID_OK;
}

void ev_ctx_free(ev_ctx *c)
{
    rasid__scratch_free(c->mention_at);
    rasid__scratch_free(c->context_upto);
    rasid__scratch_free(c->date_tok);
    rasid__scratch_free(c->place_tok);
    rasid__scratch_free(c->mmemo);
    rasid__scratch_free(c->rel_open);
    rasid__scratch_free(c->sinfo);
    rasid__scratch_free(c->clause_lo);
    rasid__scratch_free(c->clause_hi);
    rasid__vec_free(&c->cands);
}

void ev_sentence_cands(const ev_ctx *c, const ev_cand *k, const ev_cand **begin, const ev_cand **end)
{
    const ev_cand *all = c->cands.data, *b = k, *e = k + 1;
    if (k < all || k >= all + c->cands.len) { /* not one of ours: all of them */
        *begin = all;
        *end = all + c->cands.len;
        return;
    }
    while (b > all && b[-1].sent == k->sent) b--;
    while (e < all + c->cands.len && e->sent == k->sent) e++;
    *begin = b;
    *end = e;
}


static int punct_mark(const rasid_token *t)
{
    return t->nlen == 1 ? strchr(",;:()", t->norm[0]) != NULL
                        : (!memcmp(t->norm, "\xD8\x8C", 2) || !memcmp(t->norm, "\xD8\x9B", 2)); /* ، ؛ */
}

/* Inline: asked of about a million tokens per thousand articles, nearly all no
 * punctuation at all. */
static inline __attribute__((always_inline)) int is_punct(const rasid_token *t)
{
    return t->kind == RASID_TOK_PUNCT && punct_mark(t);
}

/* Clause around token i: [*b, *e). */
/* Is [from, to) a date and nothing else ("الأربعاء", "مساء الأحد", "أمس الاثنين")? */
static int only_date(const ev_ctx *c, size_t from, size_t to)
{
    if (from >= to) return 0;
    for (size_t q = from; q < to; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].kind != RASID_M_DATE) return 0;
    }
    return 1;
}

static int is_comma(const rasid_token *t)
{
    return t->kind == RASID_TOK_PUNCT &&
           (t->nlen == 1 ? t->norm[0] == ',' : !memcmp(t->norm, "\xD8\x8C", 2)); /* ، */
}

/* Clause around token i: [*b, *e). A date set off by commas ("اختطف مسلحون، الأربعاء،
 * 30 مزارعا") is a parenthesis inside the clause, not its end. */
static void clause_of(const ev_ctx *c, size_t i, size_t *b, size_t *e)
{
    /* asked many times for the tokens of each candidate: worked out once per token */
    if (c->clause_lo && c->clause_lo[i] != UINT32_MAX) {
        *b = c->clause_lo[i];
        *e = c->clause_hi[i];
        return;
    }
    const rasid_sentence *s = &((const rasid_sentence *)c->doc->sentences.data)[c->t[i].sent];
    size_t lo = i, hi = i + 1, lo0 = SIZE_MAX, hi0 = SIZE_MAX; /* lo0, hi0: the first scan's ends */
    for (;;) {
        while (lo > s->tok_begin && !is_punct(&c->t[lo - 1]) && !ev_cue(c, lo, CUE_CLAUSEBREAK)) lo--;
        if (lo0 == SIZE_MAX) lo0 = lo;
        if (lo <= s->tok_begin + 1 || !is_comma(&c->t[lo - 1]) || ev_cue(c, lo, CUE_CLAUSEBREAK)) break;
        size_t p = lo - 1, q = p; /* the comma before the clause; the one before the date */
        /* (only_date below needs the word before the comma to be a date: else no scan) */
        if (c->mention_at[p - 1] < 0 || c->ms[c->mention_at[p - 1]].kind != RASID_M_DATE) break;
        while (q > s->tok_begin && !is_punct(&c->t[q - 1]) && q + 8 > p) q--; /* ("صباح يوم الأحد 16 يونيو 2024") */
        if (q <= s->tok_begin || !is_comma(&c->t[q - 1]) || !only_date(c, q, p)) break;
        lo = q - 1;
    }
    for (;;) {
        while (hi < s->tok_end && !is_punct(&c->t[hi]) && !ev_cue(c, hi, CUE_CLAUSEBREAK)) hi++;
        if (hi0 == SIZE_MAX) hi0 = hi;
        if (hi >= s->tok_end || !is_comma(&c->t[hi])) break;
        size_t q = hi + 1; /* the date after the comma, and the comma after it */
        /* (only_date below needs the word after the comma to be a date: else no scan) */
        if (q >= s->tok_end || c->mention_at[q] < 0 || c->ms[c->mention_at[q]].kind != RASID_M_DATE) break;
        while (q < s->tok_end && !is_punct(&c->t[q]) && q < hi + 9) q++;
        if (q >= s->tok_end || !is_comma(&c->t[q]) || !only_date(c, hi + 1, q)) break;
        hi = q + 1;
    }
    *b = lo;
    *e = hi;
    if (c->clause_lo) {
        /* Each token j of [lo0, hi0) scans to the same lo0 and hi0 (the scans test the
         * same tokens, i's own punctuation aside) and the widening by dates goes from
         * those ends alone: j's clause is this one. */
        size_t from = i, to = i + 1;
        if (!is_punct(&c->t[i])) {
            from = lo0;
            to = hi0;
        }
        for (size_t j = from; j < to; j++) {
            c->clause_lo[j] = (uint32_t)lo;
            c->clause_hi[j] = (uint32_t)hi;
        }
    }
}

static const rasid_sentence *sent_of(const ev_ctx *c, size_t i)
{
    return &((const rasid_sentence *)c->doc->sentences.data)[c->t[i].sent];
}

/* ------------------------------------------------------------------ entities */
static int is_partyish(const rasid_mention *m)
{
    if (m->kind == RASID_M_ACTOR || m->kind == RASID_M_PERSON) return 1;
    if (m->kind == RASID_M_PLACE && m->precision == RASID_P_COUNTRY) return 1;
    return 0;
}

static const char *country_name(const ev_ctx *c, const char *iso)
{
    const rasid__entry *e = rasid__lex_country(c->lex, iso);
    return e ? ev_field(e, "name") : NULL;
}

static void entity_from(const ev_ctx *c, const rasid_mention *m, rasid_entity *e)
{
    memset(e, 0, sizeof *e);
    e->start = m->start;
    e->end = m->end;
    e->text = rasid__arena_strndup(&c->doc->arena, c->doc->text + m->start, m->end - m->start);
    e->name = m->name;
    e->id = m->id;
    e->country = m->country && !rasid__streq(m->country, "?") ? m->country : NULL;
    e->sector = m->sector;
    e->kind = m->ekind;
    if (m->kind == RASID_M_PLACE) {
        e->kind = "state";
        e->sector = "GOV";
        e->id = m->country;
    } else if (m->kind == RASID_M_NISBA) {
        e->kind = "state";
        e->sector = "GOV";
        e->name = country_name(c, m->country);
        if (!e->name) e->name = m->name;
    } else if (m->kind == RASID_M_PERSON) {
        e->kind = "person";
    }
}

static int already(const rasid_entity *list, size_t n, const rasid_entity *e)
{
    for (size_t i = 0; i < n; i++)
        if (list[i].start == e->start || (list[i].name && e->name && !strcmp(list[i].name, e->name))) return 1;
    return 0;
}

/* "مسلحو بوكو حرام", "مقاتلين ينتمون إلى جماعة X", "عناصر من X": the group itself. */
static const rasid_mention *group_of(const ev_ctx *c, const rasid_mention *m)
{
    /* (so do unnamed rebels: "متمردي جبهة التناوب والوفاق") */
    if (!m->sector || !(rasid__streq(m->sector, "UAF") || (m->id && rasid__streq(m->id, "rasid:rebels")))) return m;
    size_t j = m->tok_end;
    for (size_t q = j; q < j + 8 && q < c->n && c->t[q].sent == m->sent; q++) {
        int g = c->mention_at[q];
        if (g >= 0 && c->ms[g].kind == RASID_M_ACTOR && c->ms[g].sector && rasid__streq(c->ms[g].sector, "REB")) {
            if (q == j || ev_cue(c, j, CUE_MEMBER) || ev_cue(c, m->tok_end - 1, CUE_MEMBER)) return &c->ms[g];
            return m;
        }
        if (g >= 0) break;
    }
    return m;
}

static void add_party(const ev_ctx *c, rasid_entity *list, size_t *n, const rasid_mention *m)
{
    if (*n >= EV_MAX_PARTY) return;
    m = group_of(c, m);
    rasid_entity e;
    entity_from(c, m, &e);
    if (!e.name) return;
    /* "ستة مسلحين سودانيين": armed men of no country of their own keep the nationality
     * said right after them (the name stays: ACLED's unidentified armed group, of Sudan) */
    if (!e.country && m->kind == RASID_M_ACTOR && e.sector && rasid__streq(e.sector, "UAF") && m->tok_end < c->n &&
        c->t[m->tok_end].sent == m->sent) {
        int nm = c->mention_at[m->tok_end];
        if (nm >= 0 && c->ms[nm].kind == RASID_M_NISBA && c->ms[nm].tok_begin == m->tok_end && c->ms[nm].country &&
            !rasid__streq(c->ms[nm].country, "?"))
            e.country = c->ms[nm].country;
    }
    if (!already(list, *n, &e)) list[(*n)++] = e;
}

/* Is the token a lone conjunction or a separator inside a list of parties? */
static int list_glue(const ev_ctx *c, size_t i)
{
    const rasid_token *t = &c->t[i];
    if (t->kind == RASID_TOK_PUNCT) return t->nlen == 1 ? (t->norm[0] == ',' || t->norm[0] == '-')
                                                        : !memcmp(t->norm, "\xD8\x8C", 2);
    return t->nlen == 2 && !memcmp(t->norm, "\xD9\x88", 2); /* و */
}

static int has_prep(const ev_ctx *c, int m);

/* Can mention x head a construct (إضافة): its last word without the article ("قوات",
 * not "القوات")? */
static int construct_head(const ev_ctx *c, const rasid_mention *x)
{
    const rasid_token *t = &c->t[x->tok_end - 1];
    for (uint16_t r = 0; r < t->nreadings; r++)
        if (t->readings[r].article) return 0;
    return !(t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4));
}

/* The first party of the list "X وY" that party m ends, joined by و (a proclitic on m's
 * name or a token of its own): "جنودا ماليين ومقاتلين أجانب قتلوا" for مقاتلين. */
static int party_list_head(const ev_ctx *c, int m)
{
    for (int guard = 0; guard < 8; guard++) {
        const rasid_mention *x = &c->ms[m];
        size_t b = x->tok_begin, pb = b;
        const rasid_token *t = &c->t[b];
        int wa = t->nreadings > 1 && x->start > t->start && !memcmp(c->doc->text + t->start, "\xD9\x88", 2);
        if (!wa && b > 0 && c->t[b - 1].kind != RASID_TOK_PUNCT && list_glue(c, b - 1)) {
            wa = 1;
            pb = b - 1;
        }
        /* "المدنيين وعناصر من متطوعي الدفاع": و + members + من before the party */
        if (!wa && b >= 3 && ev_is_min(&c->t[b - 1]) &&
            c->mention_at[b - 2] < 0 && c->t[b - 2].nreadings > 1 && ev_starts(c->t[b - 2].readings[1].pro, "\xD9\x88") &&
            (ev_cue(c, b - 2, CUE_MEMBER) || ev_cue(c, b - 2, CUE_UNIT))) {
            wa = 1;
            pb = b - 2;
        }
        if (!wa || pb == 0) break;
        int p = c->mention_at[pb - 1];
        if (p < 0 || c->ms[p].tok_end != pb || c->ms[p].sent != x->sent || !is_partyish(&c->ms[p]) ||
            (c->ms[p].kind == RASID_M_PLACE) != (x->kind == RASID_M_PLACE))
            break;
        m = p;
    }
    return m;
}

/* Add the party at mention m and the parties listed after it ("X وY وZ"). Returns the
 * token after the list. */
/* "قوات تابعة لحكومة الوحدة الوطنية", "قوات بعثة الأمم المتحدة": unnamed forces at mention
 * m are their owner's, named after تابعة ل or in construct right after them. Returns the
 * owner's mention, or m. */
static int generic_owner(const ev_ctx *c, int m, size_t limit)
{
    size_t j = c->ms[m].tok_end;
    /* (an unnamed armed unit too, when its owner is told: "كتيبة مسلحة تابعة لوزارة الدفاع") */
    int unnamed = c->ms[m].sector && rasid__streq(c->ms[m].sector, "UAF") && j < limit && ev_cue(c, j, CUE_OWNER);
    if (!c->ms[m].id || (!ev_starts(c->ms[m].id, "rasid:generic-") && !unnamed) || j >= limit) return m;
    /* (and "وفدا من إيكواس", "جنود من الجيش المالي": من and the organisation or force they
     * come from) */
    int min = !unnamed && ev_is_min(&c->t[j]); /* من */
    size_t oq = ev_cue(c, j, CUE_OWNER) || min ? j + 1 : j;
    int o = oq < limit ? c->mention_at[oq] : -1;
    if (o >= 0 && c->ms[o].tok_begin == oq && is_partyish(&c->ms[o]) && c->ms[o].kind == RASID_M_ACTOR &&
        (!min || (c->ms[o].id && !ev_starts(c->ms[o].id, "rasid:generic-") &&
                  !(c->ms[o].ekind && rasid__streq(c->ms[o].ekind, "person")))) &&
        (oq > j || (construct_head(c, &c->ms[m]) && c->ms[o].start == c->t[oq].start && c->ms[o].id &&
                    !ev_starts(c->ms[o].id, "rasid:generic-") &&
                    !(c->ms[o].ekind && rasid__streq(c->ms[o].ekind, "person")))))
        return o;
    /* "الدفاعات الجوية للجيش السوداني", "الشرطة القضائية للدرك الوطني": a generic force
     * and, with ل right after it, a named force of the same sector that owns it */
    if (!unnamed && o >= 0 && oq == j && c->ms[o].tok_begin == oq && c->ms[o].kind == RASID_M_ACTOR && c->ms[o].id &&
        !ev_starts(c->ms[o].id, "rasid:generic-") && c->ms[m].sector && c->ms[o].sector &&
        rasid__streq(c->ms[m].sector, c->ms[o].sector)) {
        const rasid_token *t = &c->t[oq];
        for (uint16_t r = 1; r < t->nreadings; r++)
            if (rasid__streq(t->readings[r].pro, "\xD9\x84")) return o; /* ل */
    }
    return m;
}

static size_t add_party_list(const ev_ctx *c, rasid_entity *list, size_t *n, int m, size_t limit)
{
    m = generic_owner(c, m, limit);
    size_t j = c->ms[m].tok_end;
    add_party(c, list, n, &c->ms[m]);
    /* "مسلحون ينتمون إلى جماعة X": the list goes on after the group that stood for them */
    const rasid_mention *g = group_of(c, &c->ms[m]);
    if (g != &c->ms[m] && g->tok_end > j) return g->tok_end;
    for (;;) {
        size_t q = j;
        while (q < limit && list_glue(c, q)) q++;
        /* "عناصر من الجيش المالي ومقاتلين من فاغنر": و + fighters or members + من + a party */
        int members = 0;
        int mq = q < limit ? c->mention_at[q] : -1; /* (مقاتلون alone names unnamed militants) */
        int bare = mq < 0 || (c->ms[mq].tok_end == q + 1 && c->ms[mq].sector && rasid__streq(c->ms[mq].sector, "UAF"));
        if (q + 2 < limit && q == j && bare && c->t[q].nreadings > 1 &&
            ev_starts(c->t[q].readings[1].pro, "\xD9\x88") && (ev_cue(c, q, CUE_MEMBER) || ev_cue(c, q, CUE_UNIT)) &&
            ev_is_min(&c->t[q + 1])) { /* من */
            q += 2;
            members = 1;
        }
        if (q >= limit || c->mention_at[q] < 0) break;
        const rasid_mention *nm = &c->ms[c->mention_at[q]];
        if (!is_partyish(nm) || nm->tok_begin != q) break;
        if (nm->kind != c->ms[m].kind && (nm->kind == RASID_M_PLACE || c->ms[m].kind == RASID_M_PLACE)) break;
        /* joined by و: as a proclitic on the name or a separate token */
        const rasid_token *t = &c->t[q];
        int joined = members || q > j ||
                     (t->nreadings > 1 && nm->start > t->start && t->nlen >= 2 && t->norm[0] == '\xD9' && t->norm[1] == '\x88');
        if (!joined) break;
        /* "بين اللواء 444 وقوات جهاز الردع": the second party's forces are its owner's too */
        nm = &c->ms[generic_owner(c, c->mention_at[q], limit)];
        add_party(c, list, n, nm);
        j = nm->tok_end;
    }
    return j;
}


/* A country is a party (a state) unless it is where something happens: "في مالي",
 * "بنيجيريا", "إلى تشاد", "شمال مالي". */
static int locative(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->kind != RASID_M_PLACE) return 0;
    if (has_prep(c, m)) return 1;
    size_t b = x->tok_begin;
    if (b > 0 && c->t[b - 1].sent == x->sent && (ev_cue(c, b - 1, CUE_LOCATIVE) || (b > 1 && ev_cue(c, b - 2, CUE_LOCATIVE) == 2)))
        return 1;
    /* "صهاريج متجهة من السنغال": where something comes from is no party either */
    return b > 1 && c->t[b - 2].sent == x->sent && ev_cue(c, b - 2, CUE_ORIGIN) == 2;
}

/* "تشاد: الجيش يعلن ...": a name opening its sentence before a colon labels the topic;
 * it is no party to the events told. */
static int topic_label(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    const rasid_sentence *s = sent_of(c, x->tok_begin);
    if (x->tok_begin != s->tok_begin || x->tok_end >= s->tok_end) return 0;
    const rasid_token *t = &c->t[x->tok_end];
    return t->kind == RASID_TOK_PUNCT && t->nlen == 1 && t->norm[0] == ':';
}

/* "رئيس المرحلة الانتقالية في بوركينا فاسو": a country after في right after an office of
 * that country says whose office it is. Returns the office's mention, or -1. */
static int office_country(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    size_t b = x->tok_begin;
    if (x->kind != RASID_M_PLACE || x->precision != RASID_P_COUNTRY || !x->country || b < 2) return -1;
    const rasid_token *fi = &c->t[b - 1];
    if (fi->sent != x->sent || !(fi->nlen == 4 && !memcmp(fi->norm, "\xD9\x81\xD9\x8A", 4))) return -1; /* في */
    int o = c->mention_at[b - 2];
    if (o < 0) return -1;
    const rasid_mention *y = &c->ms[o];
    if (y->tok_end != b - 1 || !y->id || !ev_starts(y->id, "rasid:office:") || !y->country ||
        strcmp(y->country, x->country))
        return -1;
    return o;
}

/* "قوات الدعم السريع بقيادة حميدتي", "المشير خليفة حفتر قائد قوات شرق ليبيا": a leader
 * named after the party he leads, or a title's force after a person, describes that
 * party; it is no party of its own. */
static int apposition(const ev_ctx *c, int m)
{
    size_t b = c->ms[m].tok_begin;
    if (b == 0 || c->t[b - 1].sent != c->ms[m].sent) return 0;
    if (ev_cue(c, b - 1, CUE_LEDBY) || (b > 1 && ev_cue(c, b - 2, CUE_LEDBY) == 2)) return 1;
    /* "محمد حمدان دقلو (حميدتي)": a name in brackets right after another names it again */
    if (b >= 2 && c->t[b - 1].kind == RASID_TOK_PUNCT && c->t[b - 1].nlen == 1 && c->t[b - 1].norm[0] == '(') {
        int p = c->mention_at[b - 2];
        if (p >= 0 && c->ms[p].tok_end == b - 1) return 1;
    }
    /* "وزير الدفاع البوركيني العقيد قاسم كوليبالي": a person named, after a rank or two,
     * right after an office of his own country holds that office */
    if (c->ms[m].kind == RASID_M_PERSON) {
        for (size_t q = b; q > 0 && q + 3 > b; q--) {
            const rasid_token *t = &c->t[q - 1];
            if (t->sent != c->ms[m].sent || t->kind != RASID_TOK_ARABIC) break;
            int o = c->mention_at[q - 1];
            /* "وزير الدفاع المالي نظيره محمد ...": the counterpart is another person */
            if (o < 0 && ev_cue(c, q - 1, CUE_NOTNAME)) break;
            if (o < 0) continue; /* a rank: العقيد، الجنرال */
            /* (past the country of the office: "رئيس المرحلة الانتقالية في بوركينا فاسو
             * النقيب إبراهيم تراوري") */
            if (c->ms[o].tok_end == q && office_country(c, o) >= 0) o = office_country(c, o);
            const rasid_mention *x = &c->ms[o];
            if ((x->tok_end == q || c->ms[c->mention_at[q - 1]].tok_end == q) && x->id && ev_starts(x->id, "rasid:office:") &&
                (!c->ms[m].country || (x->country && !strcmp(x->country, c->ms[m].country))))
                return 1;
            break;
        }
    }
    /* PERSON + قائد/رئيس/زعيم + this */
    if (b < 2 || !ev_cue(c, b - 1, CUE_NOTNAME)) return 0;
    int p = c->mention_at[b - 2];
    return p >= 0 && c->ms[p].kind == RASID_M_PERSON && c->ms[p].tok_end == b - 1;
}

/* "ولاية غرب إفريقيا التابع لداعش", "جماعة نصرة الإسلام والمسلمين المرتبطة بتنظيم القاعدة":
 * an armed group named after another one and a word of allegiance is the first one's
 * parent, which describes it; it is no party of its own. */
static int allegiance(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->kind != RASID_M_ACTOR || !x->sector || !rasid__streq(x->sector, "REB")) return 0;
    size_t b = x->tok_begin;
    if (b < 2 || c->t[b - 2].sent != x->sent || !ev_cue(c, b - 1, CUE_AFFILIATION)) return 0;
    size_t p = b - 1; /* past the quotation marks around the first name */
    while (p > 0 && c->t[p - 1].kind == RASID_TOK_PUNCT && c->t[p - 1].sent == x->sent && !is_punct(&c->t[p - 1])) p--;
    int g = p > 0 ? c->mention_at[p - 1] : -1;
    return g >= 0 && c->ms[g].kind == RASID_M_ACTOR && c->ms[g].tok_end == p && c->ms[g].sector &&
           rasid__streq(c->ms[g].sector, "REB");
}

/* "مئات من أنصار السلطة الانتقالية", "مؤيدو الرئيس": the party whose supporters act is no
 * party to what they do. */
static int supported(const ev_ctx *c, int m)
{
    size_t b = c->ms[m].tok_begin;
    return b > 0 && c->t[b - 1].sent == c->ms[m].sent && ev_cue(c, b - 1, CUE_SUPPORTERS);
}

/* "رئيس حكومة الوحدة الوطنية عبد الحميد الدبيبة", "قائد قوات الدعم السريع محمد حمدان
 * دقلو": an organisation between a title and the person who holds it qualifies the
 * title; the person is the party, the organisation no party of its own. */
static int title_org(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->kind != RASID_M_ACTOR || x->tok_begin == 0 || x->tok_end >= c->n || c->t[x->tok_end].sent != x->sent) return 0;
    int p = c->mention_at[x->tok_end];
    if (p < 0 || c->ms[p].kind != RASID_M_PERSON || c->ms[p].tok_begin != x->tok_end) return 0;
    /* (a head noun in construct with the organisation: رئيس، قائد، زعيم، وزير، مدير) */
    static const char *const heads[] = {"\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3", "\xD8\xB1\xD8\xA6\xD9\x8A\xD8\xB3\xD9\x87",
                                        "\xD9\x82\xD8\xA7\xD8\xA6\xD8\xAF", "\xD8\xB2\xD8\xB9\xD9\x8A\xD9\x85",
                                        "\xD9\x88\xD8\xB2\xD9\x8A\xD8\xB1", "\xD9\x85\xD8\xAF\xD9\x8A\xD8\xB1"};
    if (c->t[x->tok_begin - 1].sent == x->sent && word_is(&c->t[x->tok_begin - 1], heads, sizeof heads / sizeof *heads)) return 1;
    for (size_t back = 1; back <= 2 && x->tok_begin >= back; back++) {
        size_t q = x->tok_begin - back;
        if (c->t[q].sent != x->sent || c->mention_at[q] >= 0) break;
        rasid__match tm[8];
        size_t k = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_TITLE), 0, tm, 8);
        for (size_t i = 0; i < k; i++)
            if (tm[i].tok + tm[i].ntok == x->tok_begin) return 1;
    }
    return 0;
}

/* "قصفت قوات الدعم السريع بالمدفعية أحياء سكنية", "استهدف الجيش المواقع بالطيران
 * الحربي": artillery or aircraft after ب are what the doer struck with, no party. */
static int instrument(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->kind != RASID_M_ACTOR || !x->id ||
        !(rasid__streq(x->id, "rasid:generic-mil") || rasid__streq(x->id, "rasid:generic-af")))
        return 0;
    const rasid_token *t = &c->t[x->tok_begin];
    static const char *const arms[] = {
        "\xD9\x85\xD8\xAF\xD9\x81\xD8\xB9\xD9\x8A\xD9\x87",       /* مدفعيه */
        "\xD8\xB7\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86",                 /* طيران */
        "\xD8\xB7\xD8\xA7\xD8\xA6\xD8\xB1\xD8\xA7\xD8\xAA",       /* طائرات */
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD8\xA7\xD8\xAA", /* مقاتلات */
        "\xD8\xB3\xD9\x84\xD8\xA7\xD8\xAD",                           /* سلاح */
    };
    for (uint16_t r = 1; r < t->nreadings; r++) {
        const rasid_reading *rd = &t->readings[r];
        if (!ev_has2(rd->pro, "\xD8\xA8")) continue; /* ب (بال، وبال) */
        for (size_t i = 0; i < sizeof arms / sizeof *arms; i++)
            if (rasid__streq(rd->stem, arms[i])) return 1;
    }
    return 0;
}

static __attribute__((noinline)) int party_ok_of(const ev_ctx *c, int m)
{
    int ok = is_partyish(&c->ms[m]) && !locative(c, m) && !topic_label(c, m) && !apposition(c, m) && !allegiance(c, m) &&
             !supported(c, m) && !title_org(c, m) && !instrument(c, m);
    if (c->mmemo) c->mmemo[m] |= EV_MM_PARTY_KNOWN | (ok ? EV_MM_PARTY : 0);
    return ok;
}
/* Inline, the answer known: party_before asks it of the same mentions, token by token,
 * for each trigger of a sentence (about 150 times per article); it depends on the mention
 * alone and is worked out once (party_ok_of). */
static inline int party_ok(const ev_ctx *c, int m)
{
    if (m < 0) return 0;
    if (c->mmemo && c->mmemo[m] & EV_MM_PARTY_KNOWN) return (c->mmemo[m] & EV_MM_PARTY) != 0;
    return party_ok_of(c, m);
}

/* "سفير الولايات المتحدة ريتشارد نورلاند": a country inside a title, right before the
 * titled person it qualifies. Returns that person's mention, or -1. */
static int title_qualifier(const ev_ctx *c, int m)
{
    if (m < 0 || c->ms[m].kind != RASID_M_PLACE || !c->ms_sorted) return -1;
    /* (a place after a preposition says where: "التقى الرئيس فلان في لومي الوزير فلان") */
    size_t b = c->ms[m].tok_begin;
    if (b > 0 && c->t[b - 1].sent == c->ms[m].sent && ev_cue(c, b - 1, CUE_PREPOSITION)) return -1;
    size_t nx = (size_t)m + 1;
    while (nx < c->nms && c->ms[nx].tok_begin < c->ms[m].tok_end) nx++;
    if (nx >= c->nms) return -1;
    const rasid_mention *p = &c->ms[nx];
    if (p->kind != RASID_M_PERSON || !p->role || p->sent != c->ms[m].sent) return -1;
    return p->tok_begin <= c->ms[m].tok_end + 1 ? (int)nx : -1;
}

/* First party-ish mention starting in [from, to), or -1 (the titled person for a
 * country that only qualifies a title). */
static int party_in(const ev_ctx *c, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < c->n; i++) {
        int m = c->mention_at[i];
        if (m >= 0 && c->ms[m].tok_begin == i && party_ok(c, m)) {
            int p = title_qualifier(c, m);
            return p >= 0 ? p : m;
        }
    }
    return -1;
}

/* "للمسلحين" is ل + المسلحين with the article's alef elided: the mention spans the
 * whole token, so its ل is not before the mention's first byte. */
static int lil_token(const ev_ctx *c, const rasid_mention *x)
{
    const rasid_token *t = &c->t[x->tok_begin];
    return x->start == t->start && t->nlen > 6 && !memcmp(t->norm, "\xD9\x84\xD9\x84", 4);
}

/* Does the mention carry a prepositional proclitic (ب ل ك: "للجيش", "بمالي")? Such a
 * noun is not the subject of a verb. */

/* "بالرئيس النيجري محمد بازوم": the title before a person's name (past a nationality or
 * a rank) carries the preposition of the whole. */
static int title_prep(const ev_ctx *c, const rasid_mention *x)
{
    for (size_t back = 1; back <= 4 && back <= x->tok_begin; back++) {
        size_t q = x->tok_begin - back;
        const rasid_token *t = &c->t[q];
        if (t->sent != x->sent || t->kind != RASID_TOK_ARABIC) return 0;
        int mq = c->mention_at[q];
        if (mq >= 0 && c->ms[mq].kind != RASID_M_NISBA && c->ms[mq].kind != RASID_M_PLACE) return 0;
        rasid__match mt[8];
        size_t n = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_TITLE), 0, mt, 8);
        for (size_t i = 0; i < n; i++) {
            if (mt[i].tok != q || !mt[i].reading || mt[i].reading >= t->nreadings) continue;
            const char *pro = t->readings[mt[i].reading].pro;
            if (pro && (ev_has2(pro, "\xD8\xA8") || ev_has2(pro, "\xD9\x84"))) return 1; /* ب ل */
        }
        if (n) return 0;
    }
    return 0;
}

static int has_prep(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    const rasid_token *t = &c->t[x->tok_begin];
    if (lil_token(c, x)) return 1;
    if (x->kind == RASID_M_PERSON && title_prep(c, x)) return 1;
    if (x->start <= t->start) return 0;
    for (uint32_t p = t->start; p + 1 < x->start; p++) {
        unsigned char a = (unsigned char)c->doc->text[p], b = (unsigned char)c->doc->text[p + 1];
        if (a == 0xD8 && b == 0xA8) return 1; /* ب */
        if (a == 0xD9 && (b == 0x84 || b == 0x83)) return 1; /* ل ك */
    }
    return 0;
}

/* The prepositional proclitic on a mention: 'b' (ب), 'l' (ل), 'k' (ك) or 0. */
static int prep_letter(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    const rasid_token *t = &c->t[x->tok_begin];
    if (lil_token(c, x)) return 'l';
    int r = 0;
    for (uint32_t p = t->start; p + 1 < x->start; p++) {
        unsigned char a = (unsigned char)c->doc->text[p], b = (unsigned char)c->doc->text[p + 1];
        if (a == 0xD8 && b == 0xA8) r = 'b';
        if (a == 0xD9 && b == 0x84) r = 'l';
        if (a == 0xD9 && b == 0x83) r = 'k';
    }
    return r;
}

/* "قتل ستة مدنيين في هجوم لبوكو حرام": an event noun after a preposition (في، خلال، إثر)
 * is no object of the verb before it, so an armed group after its ل is its doer, whatever
 * party stands before (a verb's object takes ل: "نصب مسلحون كمينا لقافلة") */
static int adjunct_by_group(const ev_ctx *c, const ev_cand *k, int m)
{
    static const char *const forms[] = {"\xD8\xA5\xD8\xAB\xD8\xB1", "\xD8\xA7\xD8\xAB\xD8\xB1", /* إثر اثر */
                                        "\xD8\xAC\xD8\xB1\xD8\xA7\xD8\xA1",                 /* جراء */
                                        "\xD8\xB9\xD9\x82\xD8\xA8"};                          /* عقب */
    const rasid_mention *x = &c->ms[m];
    if (!x->sector || !(rasid__streq(x->sector, "REB") || rasid__streq(x->sector, "UAF"))) return 0;
    if (k->ttok == 0 || c->t[k->ttok - 1].sent != k->sent) return 0;
    const rasid_token *t = &c->t[k->ttok - 1];
    return (ev_cue(c, k->ttok - 1, CUE_PREPOSITION) && !ev_cue(c, k->ttok - 1, CUE_AGAINST)) ||
           word_is(t, forms, sizeof forms / sizeof *forms);
}

/* Does token q carry the proclitic ب ("بمسيرات", "بالطائرات")? */
static int prep_b(const ev_ctx *c, size_t q)
{
    const rasid_token *t = &c->t[q];
    for (uint16_t r = 1; r < t->nreadings; r++) {
        const char *pro = t->readings[r].pro;
        if (rasid__streq(pro, "\xD8\xA8") || rasid__streq(pro, "\xD9\x88\xD8\xA8") || rasid__streq(pro, "\xD9\x81\xD8\xA8"))
            return 1; /* ب وب فب */
    }
    return 0;
}

/* An event of aid given, or of aid stopped (the rows aid and *_aid). */
static int aid_row(const ev_cand *k)
{
    const char *id = k->trig ? ev_field(k->trig, "id") : NULL;
    size_t l = id ? strlen(id) : 0;
    /* (a membership suspended, sanction_member_aid, is no aid: its object is the member) */
    if (l > 11 && rasid__streq(id + l - 11, "_member_aid")) return 0;
    return (k->ty == EV_T_AID) || (l > 4 && rasid__streq(id + l - 4, "_aid"));
}

/* Is there a title with no mention of its own (no nationality, no name: "الرئيس السابق")
 * in [from, to), with nothing named between its end and token `to`? */
static int bare_title_in(const ev_ctx *c, size_t from, size_t to)
{
    rasid__match tm[8];
    for (size_t q = from; q < to && q < c->n; q++) {
        if (c->mention_at[q] >= 0 || c->t[q].kind != RASID_TOK_ARABIC) continue;
        size_t k = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_TITLE), 0, tm, 8);
        for (size_t j = 0; j < k; j++) {
            size_t z = tm[j].tok + tm[j].ntok;
            if (z > to) continue;
            /* (no nationality nor anything named between: that would be the title's own) */
            while (z < to && c->mention_at[z] < 0) z++;
            if (z == to) return 1;
        }
    }
    return 0;
}

/* Is token q a noun of three letters or more under the preposition ب or ل, with no
 * article nor pronoun and no mention of its own (بقرار، بجهود، لسياسة), the head of a
 * construct whose genitive follows? Function words (بسبب، لدى، بين) are not. */
static int construct_prep(const ev_ctx *c, size_t q, int bare_ok)
{
    const rasid_token *t = &c->t[q];
    if (t->kind != RASID_TOK_ARABIC || c->mention_at[q] >= 0) return 0;
    if (ev_cue(c, q, CUE_FUNCTION) || ev_cue(c, q, CUE_PREPOSITION) || ev_cue(c, q, CUE_LOCATIVE) || ev_cue(c, q, CUE_TARGET) ||
        ev_cue(c, q, CUE_TO) || ev_cue(c, q, CUE_AGAINST) || ev_cue(c, q, CUE_BY) || ev_cue(c, q, CUE_BETWEEN) ||
        ev_cue(c, q, CUE_WITH))
        return 0;
    /* (bare_ok: or the bare noun itself, no article: "أداء الحكومة") */
    if (bare_ok && t->nlen >= 6 && !(t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4))) return 1;
    for (uint16_t r = 1; r < t->nreadings; r++) {
        const rasid_reading *rd = &t->readings[r];
        if (rd->article || (rd->enc && *rd->enc) || !rd->stem || strlen(rd->stem) < 6) continue;
        if (rasid__streq(rd->pro, "\xD8\xA8") || rasid__streq(rd->pro, "\xD9\x84") || rasid__streq(rd->pro, "\xD9\x88\xD8\xA8") ||
            rasid__streq(rd->pro, "\xD9\x88\xD9\x84"))
            return 1; /* ب ل وب ول */
    }
    return 0;
}

/* "وحدة من الجيش الموريتاني", "مفرزة للجيش الوطني الشعبي", "دورية تابعة للدرك": a unit
 * of a force, the force being named after من or the genitive ل, acts for the force. */
static int unit_of_force(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->kind != RASID_M_ACTOR) return 0;
    size_t b = x->tok_begin;
    if (b == 0 || c->t[b - 1].sent != x->sent) return 0;
    if (prep_letter(c, m) == 'l' && ev_cue(c, b - 1, CUE_UNIT)) return 1;
    /* "دفعة جديدة من الجنود الروس", "وحدة خاصة من الجيش": one adjective of the unit (a word
     * in ة, no mention, no function word) may stand before من */
    size_t u = b >= 2 ? b - 2 : 0;
    if (b >= 3 && !ev_cue(c, u, CUE_UNIT) && ev_cue(c, b - 3, CUE_UNIT) && c->t[u].kind == RASID_TOK_ARABIC &&
        c->mention_at[u] < 0 && !ev_cue(c, u, CUE_FUNCTION) && c->t[u].nlen >= 6 &&
        !memcmp(c->t[u].norm + c->t[u].nlen - 2, "\xD9\x87", 2) && c->t[b - 3].sent == x->sent)
        u = b - 3;
    if (b < 2 || !ev_cue(c, u, CUE_UNIT)) return 0;
    const rasid_token *t = &c->t[b - 1];
    /* "مفارز مشتركة للجيش", "وحدة خاصة للجيش": one adjective of the unit before ل */
    if (prep_letter(c, m) == 'l' && t->kind == RASID_TOK_ARABIC && c->mention_at[b - 1] < 0 && t->sent == x->sent &&
        !ev_cue(c, b - 1, CUE_FUNCTION) && !ev_cue(c, b - 1, CUE_PREPOSITION) && t->nlen > 4 &&
        !memcmp(t->norm + t->nlen - 2, "\xD9\x87", 2)) /* ة (normalised ه): the feminine adjective of a unit */
        return 1;
    return (ev_is_min(t)) || ev_cue(c, b - 1, CUE_OWNER); /* من */
}

/* The subject after a verb: the first party in [from, to) without a preposition. */
/* "استقبل رئيس المرحلة الانتقالية في بوركينا فاسو إبراهيم تراوري": a long title opening
 * at `from` (its country taken into it), then the person it names, within ten words and no
 * punctuation; the person's mention, or -1. */
static int titled_person_after(const ev_ctx *c, size_t from)
{
    rasid__match mt[4];
    if (from >= c->n || !rasid__lex_match_at(c->lex, c->doc, from, RASID_CATBIT(RASID_CAT_TITLE), 0, mt, 4)) return -1;
    for (size_t q = from; q < from + 10 && q < c->n && c->t[q].sent == c->t[from].sent; q++) {
        if (c->t[q].kind == RASID_TOK_PUNCT) return -1;
        int m = c->mention_at[q];
        if (m < 0) continue;
        return c->ms[m].kind == RASID_M_PERSON && c->ms[m].tok_begin == q && party_ok(c, m) ? m : -1;
    }
    return -1;
}

static int subject_in(const ev_ctx *c, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < c->n; i++) {
        int m = c->mention_at[i];
        if (m < 0 || c->ms[m].tok_begin != i || !is_partyish(&c->ms[m]) || title_org(c, m)) continue;
        /* "طائرة مسيرة تابعة للجيش": the owner of the instrument is the doer */
        if (i > from && ev_cue(c, i - 1, CUE_OWNER)) return m;
        if (unit_of_force(c, m)) return m;
        if (has_prep(c, m)) return -1;
        if (locative(c, m)) continue;
        /* "وقتل عشرات المهاجمين", "قتل 10 مسلحين": counted people right after the verb are
         * its object (or a passive's subject), not its doer */
        if (i == from + 1 && c->mention_at[from] >= 0 && c->ms[c->mention_at[from]].kind == RASID_M_NUMBER &&
            c->ms[c->mention_at[from]].tok_end == i)
            return -1;
        /* "قبض على قيادي في الحركة": a noun after a preposition is no subject */
        if (i > 0 && ev_cue(c, i - 1, CUE_PREPOSITION)) continue;
        /* "ندد مسؤول بقرار الحكومة", "أشاد بجهود الجيش": the genitive of a noun that carries
         * the preposition ب or ل is in the verb's object, and the subject came before it */
        if (i > from && construct_prep(c, i - 1, 0)) return -1;
        /* "انتقد الرئيس السابق أداء الحكومة": a title naming no one (no nationality, no
         * name) is the subject; a party in construct with a noun after it is the object.
         * (Right before the party, or joined to it by باسم, the title is the party's
         * officer: "ندد قائد الجيش", "الناطق باسم الجيش": the army speaks.) */
        if (c->ms[m].kind != RASID_M_PERSON && i > from && construct_prep(c, i - 1, 1) && bare_title_in(c, from, i - 1))
            return -1;
        /* "أمام مقر الشرطة", "ضد الجيش": a target, not the doer; "إلى الجيش": a beneficiary */
        if (i > from && (ev_cue(c, i - 1, CUE_TARGET) || ev_cue(c, i - 1, CUE_TO) ||
                         (i > from + 1 && ev_cue(c, i - 2, CUE_TARGET) == 2)))
            return -1;
        return m;
    }
    return -1;
}


/* Does a word of support ("المدعومة ب", "بدعم من") stand within the three words before
 * token q (past quotation marks), in its sentence? Returns its token + 1, or 0. */
static size_t backed_by(const ev_ctx *c, size_t q, size_t from)
{
    static const char *const backed[] = {
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD8\xB9\xD9\x88\xD9\x85\xD9\x87",             /* المدعومه */
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD8\xB9\xD9\x88\xD9\x85",                       /* المدعوم */
        "\xD9\x85\xD8\xAF\xD8\xB9\xD9\x88\xD9\x85\xD9\x87",                                 /* مدعومه */
        "\xD9\x85\xD8\xAF\xD8\xB9\xD9\x88\xD9\x85",                                           /* مدعوم */
        "\xD9\x85\xD8\xAF\xD8\xB9\xD9\x88\xD9\x85\xD8\xA7",                                 /* مدعوما */
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAF\xD8\xB9\xD9\x88\xD9\x85\xD9\x8A\xD9\x86", /* المدعومين */
        "\xD8\xA8\xD8\xAF\xD8\xB9\xD9\x85"};                                                   /* بدعم */
    for (size_t back = 1, words = 0; words < 3 && q >= from + back; back++) {
        const rasid_token *t = &c->t[q - back];
        if (t->sent != c->t[q].sent) break;
        if (t->kind == RASID_TOK_PUNCT) {
            if (t->nlen == 1 && t->norm[0] == '"') continue; /* (a name in quotes) */
            break;
        }
        words++;
        for (size_t f = 0; f < sizeof backed / sizeof *backed; f++)
            if (rasid__streq(t->norm, backed[f])) return q - back + 1;
    }
    return 0;
}

/* Last party-ish mention ending in [from, to) that could be a doer (no preposition on
 * it), or -1. */
static int party_before(const ev_ctx *c, size_t from, size_t to)
{
    for (size_t i = to; i > from; i--) {
        int m = c->mention_at[i - 1], ok = party_ok(c, m); /* (asked once) */
        /* "أن قواته المدعومة بعناصر من الفيلق الأفريقي استعادت": who backs the doer is not
         * the doer; look before the word of support */
        size_t bk = ok ? backed_by(c, c->ms[m].tok_begin, from) : 0;
        if (bk) {
            i = bk;
            continue;
        }
        if (ok && unit_of_force(c, m)) return m;
        if (ok && !has_prep(c, m)) {
            size_t mb = c->ms[m].tok_begin;
            /* "من أيدي حركة بوكو حرام", "في الحركة": not a doer */
            if (!(mb > 0 && (ev_cue(c, mb - 1, CUE_PREPOSITION) || ev_cue(c, mb - 1, CUE_BY)))) return m;
        }
        if (m >= 0) i = c->ms[m].tok_begin + 1;
    }
    return -1;
}

/* The end of the previous trigger in the same sentence (or the sentence start). */
static size_t prev_trigger_end(const ev_ctx *c, const ev_cand *k, size_t b)
{
    const ev_cand *p, *end;
    ev_sentence_cands(c, k, &p, &end);
    size_t best = b;
    for (; p < end; p++)
        if (p != k && p->sent == k->sent && p->ttok < k->ttok && p->ttok + p->tntok > best) best = p->ttok + p->tntok;
    return best;
}

/* A generic force ("قوات") followed by من + countries: the countries' forces. */
static size_t forces_from_countries(const ev_ctx *c, ev_cand *k, int m, size_t limit)
{
    const rasid_mention *g = &c->ms[m];
    size_t j = g->tok_end;
    if (g->country && !rasid__streq(g->country, "?")) return 0;
    /* "قوات مشتركة من نيجيريا والنيجر وتشاد": one adjective may stand between */
    if (j + 2 < limit && c->mention_at[j] < 0 && c->t[j].kind == RASID_TOK_ARABIC && !ev_cue(c, j, CUE_FUNCTION) &&
        ev_is_min(&c->t[j + 1]))
        j++;
    if (j + 1 >= limit || !(ev_is_min(&c->t[j]))) return 0; /* من */
    int pm = c->mention_at[j + 1];
    if (pm < 0 || c->ms[pm].kind != RASID_M_PLACE || c->ms[pm].precision != RASID_P_COUNTRY) return 0;
    size_t before = k->nactor;
    size_t end = add_party_list(c, k->actor, &k->nactor, pm, limit);
    for (size_t i = before; i < k->nactor; i++) {
        const char *cn = k->actor[i].name;
        k->actor[i].name = rasid__arena_cat(&c->doc->arena, "Military Forces of ", cn ? cn : "?");
        k->actor[i].kind = "force";
        k->actor[i].sector = "MIL";
    }
    return end;
}

/* ------------------------------------------------------------------ counts */
static int person_noun(const char *noun)
{
    if (!noun) return 1;
    static const char *const bad[] = {"distance", "percent", "year", "time", "money", "weight", "area",
                                      "duration", "age", "vehicle", "weapon", "house", "village", "town", "site", "building", "day",
                                      "month", "hour", "currency", "unit"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        if (noun[0] == bad[i][0] && rasid__streq(noun, bad[i])) return 0; /* (inline: short codes) */
    return 1;
}
/* person_noun of mention m's noun, found once per mention: counts_in asks it of the same
 * numbers for each trigger of their sentence. */
static int person_noun_of(const ev_ctx *c, const rasid_mention *m)
{
    uint8_t *mm = c->mmemo ? &c->mmemo[m - c->ms] : NULL;
    if (mm && *mm & EV_MM_PERSON_KNOWN) return (*mm & EV_MM_PERSON) != 0;
    int ok = person_noun(m->noun);
    if (mm) *mm |= EV_MM_PERSON_KNOWN | (ok ? EV_MM_PERSON : 0);
    return ok;
}

enum { R_NONE, R_DEAD, R_INJ, R_HOST, R_ARR };

/* Does token t read as و and a word ("وأصيب", "وجرحوا")? */
static int wa_word(const rasid_token *t)
{
    for (uint16_t r = 1; r < t->nreadings; r++)
        if (t->readings[r].pro && rasid__streq(t->readings[r].pro, "\xD9\x88") && t->readings[r].stem && t->readings[r].stem[0])
            return 1;
    return 0;
}

static int cue_role(const ev_ctx *c, size_t i)
{
    /* (most words are none of the four: one test of the token's mask says so) */
    if (!ev_cue_maybe(c, i, EV_CUEBIT(DEAD) | EV_CUEBIT(INJURED) | EV_CUEBIT(HOSTAGE) | EV_CUEBIT(ARRESTED))) return R_NONE;
    if (ev_cue(c, i, CUE_DEAD)) return R_DEAD;
    if (ev_cue(c, i, CUE_INJURED)) return R_INJ;
    if (ev_cue(c, i, CUE_HOSTAGE)) return R_HOST;
    if (ev_cue(c, i, CUE_ARRESTED)) return R_ARR;
    return R_NONE;
}

static int noun_role(const rasid_mention *m)
{
    if (!m->noun) return R_NONE;
    if (rasid__streq(m->noun, "dead")) return R_DEAD;
    if (rasid__streq(m->noun, "injured")) return R_INJ;
    if (rasid__streq(m->noun, "hostage")) return R_HOST;
    if (rasid__streq(m->noun, "arrested")) return R_ARR;
    return R_NONE;
}

static void set_count(ev_cand *k, int role, long v, uint8_t q)
{
    switch (role) {
    case R_DEAD: if (k->dead < 0) { k->dead = v; k->q_dead = q; } break;
    case R_INJ: if (k->injured < 0) { k->injured = v; k->q_injured = q; } break;
    case R_HOST: if (k->hostages < 0) { k->hostages = v; k->q_hostages = q; } break;
    case R_ARR: if (k->arrested < 0) { k->arrested = v; k->q_arrested = q; } break;
    }
}

static int is_kill_trigger(const ev_cand *k)
{
    const char *id = ev_field(k->trig, "id");
    return id && (ev_starts(id, "kill") || rasid__streq(id, "assassinate"));
}

/* "مقر اللواء 444", "الكتيبة 33", "الطريق الوطني 15": a bare number right after a definite
 * noun is that unit's or road's name, not a count of people. */
static int label_number(const ev_ctx *c, const rasid_mention *m)
{
    if (m->noun || m->tok_begin == 0) return 0;
    size_t p = m->tok_begin - 1;
    const rasid_token *t = &c->t[p];
    if (t->kind != RASID_TOK_ARABIC || t->sent != m->sent || c->mention_at[p] >= 0) return 0;
    if (cue_role(c, p) != R_NONE || ev_cue(c, p, CUE_FUNCTION) || ev_cue(c, p, CUE_TALLY)) return 0;
    int definite = t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4); /* ال */
    for (uint16_t r = 1; r < t->nreadings && !definite; r++) definite = t->readings[r].article;
    return definite;
}

/* "أفرجت الجماعة عن رهينتين كانتا محتجزتين منذ أكثر من عام", "في الأسر منذ 2019": منذ
 * after a word of captivity tells how long the captives were held, no tally since then. */
static int captivity_since(const ev_ctx *c, size_t q, size_t b)
{
    if (!(c->t[q].nlen == 6 && !memcmp(c->t[q].norm, "\xD9\x85\xD9\x86\xD8\xB0", 6))) return 0; /* منذ */
    static const char *const held[] = {
        "\xD9\x85\xD8\xAD\xD8\xAA\xD8\xAC\xD8\xB2", /* محتجز... */
        "\xD9\x85\xD8\xAE\xD8\xAA\xD8\xB7\xD9\x81", /* مختطف... */
        "\xD9\x85\xD8\xAE\xD8\xB7\xD9\x88\xD9\x81", /* مخطوف... */
        "\xD9\x85\xD8\xB9\xD8\xAA\xD9\x82\xD9\x84", /* معتقل... */
        "\xD9\x85\xD8\xB3\xD8\xAC\xD9\x88\xD9\x86", /* مسجون... */
        "\xD8\xA7\xD8\xB3\xD9\x8A\xD8\xB1",           /* أسير... */
    };
    static const char *const whole[] = {
        "\xD8\xA7\xD8\xB3\xD8\xB1", /* أسر */
        "\xD8\xB3\xD8\xAC\xD9\x86", /* سجن */
    };
    for (size_t back = 1; back <= 3 && q >= back && q - back >= b; back++) {
        size_t p = q - back;
        const rasid_token *x = &c->t[p];
        if (x->sent != c->t[q].sent || (is_punct(x) && !is_comma(x))) break;
        if (ev_cue(c, p, CUE_HOSTAGE) || ev_word_begins(x, held, sizeof held / sizeof *held, SIZE_MAX) ||
            ev_word_begins(x, whole, sizeof whole / sizeof *whole, 0))
            return 1;
    }
    return 0;
}

/* "قتلوا في الهجوم", "قتل خلال الكمين": a killing verb whose people died in an event named
 * by a definite noun after في or خلال (with no relative clause bringing it in) tells the
 * toll of an event already told. */
static int toll_of_told(const ev_ctx *c, const ev_cand *k, size_t after, size_t e)
{
    if (k->pos != 'V' || !is_kill_trigger(k) || after + 1 >= e) return 0;
    const rasid_token *p = &c->t[after], *n = &c->t[after + 1];
    int prep = (p->nlen == 4 && !memcmp(p->norm, "\xD9\x81\xD9\x8A", 4)) || /* في */
               (p->nlen == 6 && !memcmp(p->norm, "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84", 6)); /* خلال */
    if (!prep || !ev_cue(c, after + 1, CUE_EVENTNOUN) || n->nlen < 6 || memcmp(n->norm, "\xD8\xA7\xD9\x84", 4)) return 0;
    return !(after + 2 < e && ev_cue(c, after + 2, CUE_RELATIVE));
}

/* "دانت الجزائر استخدام الطائرات المسيرة ضد المدنيين": the party after ضد or على past what
 * a condemnation condemns is the victim of the act condemned, not the one condemned. */
static void drop_victims_of_condemned(const ev_ctx *c, ev_cand *k, size_t after, size_t e)
{
    const char *id = ev_field(k->trig, "id");
    if (!id || !ev_starts(id, "condemn")) return;
    for (size_t q = after + 1; q + 1 < e; q++) {
        if (!ev_cue(c, q, CUE_AGAINST)) continue;
        int m = c->mention_at[q + 1];
        if (m < 0 || c->ms[m].tok_begin != q + 1) continue;
        for (size_t i = 0; i < k->nrecipient; i++)
            if (k->recipient[i].start == c->ms[m].start) {
                drop_party(k->recipient, &k->nrecipient, i);
                break;
            }
    }
}

/* "هددت إيكواس بالتدخل العسكري لإعادة الرئيس بازوم إلى السلطة": a purpose clause, ل and
 * a verbal noun (لإعادة، لحماية، للضغط على), tells what the act is for; the party it
 * governs (right after it, or after one preposition or word) is the aim, not the one
 * threatened. Drops such recipients of a threat named after its trigger. */
static void drop_aims_of_threat(const ev_ctx *c, ev_cand *k, size_t after)
{
    if (!rasid__streq(k->type, "THREATEN")) return;
    for (size_t i = 0; i < k->nrecipient; i++) {
        size_t bm = ev_mention_at_byte(c, k->recipient[i].start);
        if (bm >= c->nms || c->ms[bm].start != k->recipient[i].start) continue;
        size_t q = c->ms[bm].tok_begin;
        int aim = 0;
        for (size_t p = q; p > after && p + 3 > q && !aim; p--) {
            const rasid_token *t = &c->t[p - 1];
            if (c->mention_at[p - 1] >= 0 || t->kind != RASID_TOK_ARABIC || is_punct(t)) break;
            for (uint16_t r = 1; r < t->nreadings && !aim; r++)
                aim = (rasid__streq(t->readings[r].pro, "\xD9\x84") || rasid__streq(t->readings[r].pro, "\xD9\x88\xD9\x84")) && /* ل ول */
                      t->readings[r].stem[0] && !t->readings[r].enc[0];
        }
        if (!aim) continue;
        drop_party(k->recipient, &k->nrecipient, i);
        i--;
    }
}

/* "إن المنمين كانوا يرعون ماشيتهم حين أوقفتهم دورية مسلحة": a verb of the feminine
 * singular (its ت) with an object pronoun is not done by civilians named before it, a
 * plural of men: they are the ones the pronoun stands for. */
static void pronoun_object_not_doer(const ev_ctx *c, ev_cand *k)
{
    const rasid_token *tt = &c->t[k->ttok];
    if (k->tread == 0 || k->tread >= tt->nreadings || !tt->readings[k->tread].enc[0]) return;
    const rasid_entity *a = &k->actor[0];
    if (!a->sector || !rasid__streq(a->sector, "CVL") || a->start >= tt->start) return;
    const char *st = tt->readings[k->tread].stem;
    size_t sl = strlen(st);
    int fem = sl >= 6 && !memcmp(st + sl - 2, "\xD8\xAA", 2) && memcmp(st + sl - 4, "\xD9\x88", 2); /* ...ت, not ...وت */
    if (!fem) return;
    /* (a plural of men: ...ين، ...ون) */
    const char *tx = c->doc->text + a->end;
    if (a->end - a->start < 6 || (memcmp(tx - 4, "\xD9\x8A\xD9\x86", 4) && memcmp(tx - 4, "\xD9\x88\xD9\x86", 4))) return;
    if (!already(k->recipient, k->nrecipient, a) && k->nrecipient < EV_MAX_PARTY) k->recipient[k->nrecipient++] = *a;
    k->nactor = 0;
}

/* "قتلوا في الهجوم", "قتلوا خلال المعارك", "قتلوا جراء القصف", "قتلوا برصاص الجيش": a killing
 * verb followed by a preposition of circumstance or agent, with no object, is a passive. */
static int passive_after(const ev_ctx *c, const ev_cand *k)
{
    static const char *const preps[] = {"\xD9\x81\xD9\x8A", "\xD9\x81\xD9\x89", "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84",
                                        "\xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD8\xA1", "\xD8\xAC\xD8\xB1\xD8\xA7\xD8\xA1",
                                        "\xD8\xA7\xD8\xAB\xD8\xB1"}; /* في فى خلال اثناء جراء اثر */
    size_t q = k->ttok + 1;
    if (q >= c->n || c->t[q].sent != c->t[k->ttok].sent) return 0;
    const rasid_token *t = &c->t[q];
    if (t->nlen >= 2 && t->nlen <= 8)
        for (size_t f = 0; f < sizeof preps / sizeof *preps; f++)
            if (rasid__streq(t->norm, preps[f])) return 1;
    return ev_cue(c, q, CUE_BY) && c->mention_at[q] < 0 && t->nreadings > 1 && t->readings[1].pro[0] &&
           !memcmp(t->readings[1].pro, "\xD8\xA8", 2); /* برصاص، بنيران */
}

/* "6 جنود": a party mention counted by the number right before it. */
/* The token after a parenthesis opened at `at` by a comma and وهم، وهو، وهي or وهما
 * ("، وهم رعاة،"), or `at` when none opens there. */
static size_t past_aside(const ev_ctx *c, size_t at, size_t e)
{
    static const char *const pron[] = {"\xD9\x88\xD9\x87\xD9\x85", "\xD9\x88\xD9\x87\xD9\x88",
                                       "\xD9\x88\xD9\x87\xD9\x8A", "\xD9\x88\xD9\x87\xD9\x85\xD8\xA7"};
    if (at + 2 >= e || !is_comma(&c->t[at])) return at;
    int open = 0;
    for (size_t i = 0; i < 4; i++) open |= rasid__streq(c->t[at + 1].norm, pron[i]);
    if (!open) return at;
    for (size_t q = at + 2; q < e && q < at + 9; q++)
        if (is_comma(&c->t[q])) return q + 1;
    return at;
}

/* Where the words before token `to` end, past an aside that closes right before it
 * ("السبعة، وهم رعاة، قتلوا": the comma before وهم); `to` when there is none. */
static size_t aside_before(const ev_ctx *c, size_t from, size_t to)
{
    if (to < from + 3 || !is_comma(&c->t[to - 1])) return to;
    for (size_t q = to - 2; q > from && q + 9 > to; q--)
        if (is_comma(&c->t[q - 1])) return past_aside(c, q - 1, to) == to ? q - 1 : to;
    return to;
}

/* "المواطنين السبعة قتلوا": a party of people followed by its number (a definite number
 * word, no noun of its own) ending right at token `to`; returns the party's mention or -1. */
static int numbered_before(const ev_ctx *c, size_t from, size_t to)
{
    if (to < from + 2) return -1;
    int n = c->mention_at[to - 1];

    if (n < 0 || c->ms[n].kind != RASID_M_NUMBER || c->ms[n].tok_end != to || c->ms[n].noun || c->ms[n].tok_begin == 0)
        return -1;
    int m = c->mention_at[c->ms[n].tok_begin - 1];
    if (m < 0 || c->ms[m].kind != RASID_M_ACTOR || c->ms[m].tok_end != c->ms[n].tok_begin || c->ms[m].tok_begin < from)
        return -1;
    return is_partyish(&c->ms[m]) ? m : -1;
}

static int counted_noun(const ev_ctx *c, int m)
{
    size_t b = c->ms[m].tok_begin;
    if (b == 0) return 0;
    int n = c->mention_at[b - 1];
    return n >= 0 && c->ms[n].kind == RASID_M_NUMBER && c->ms[n].tok_end == b;
}

static int is_arrest_trigger(const ev_cand *k)
{
    return k->mode && rasid__streq(k->mode, "arrest");
}

/* A verb k opening a relative clause, right after its pronoun or past كان، قد ("الذي
 * اختطف", "الذين كانوا قد اعتقلوا"), with no object pronoun on it: the pronoun's token + 1,
 * or 0. (With a pronoun, "الرهينة الذي اختطفته الجماعة", the noun before is its object.) */
static size_t relative_opener(const ev_ctx *c, const ev_cand *k, size_t b)
{
    if (k->pos != 'V') return 0;
    const rasid_token *tt = &c->t[k->ttok];
    if (k->tread > 0 && k->tread < tt->nreadings && tt->readings[k->tread].enc[0]) return 0;
    size_t r = k->ttok;
    while (r > b && r + 3 > k->ttok && !ev_cue(c, r - 1, CUE_RELATIVE) && c->mention_at[r - 1] < 0) r--;
    return r > b && ev_cue(c, r - 1, CUE_RELATIVE) ? r : 0;
}

/* "أطلق التنظيم سراح الجنود الذين اختطفوا في ميناكا", "الرهينة الذي اختطف عام 2016":
 * a verb of killing, abduction or arrest opening a relative clause with no object after
 * it is a passive (اُختطفوا): the noun the clause tells of is the one it befell, not its
 * doer, and the clause names no doer before it (only an agent after it: على يد، من
 * قبل). The relative pronoun's token, or 0 when k is no such verb. An active verb has its
 * object ("المسلحون الذين اختطفوا الرهائن"). */
static size_t passive_relative(const ev_ctx *c, const ev_cand *k, size_t b, size_t e)
{
    if (!(is_kill_trigger(k) || is_arrest_trigger(k) || (k->mode && rasid__streq(k->mode, "abduct")))) return 0;
    size_t r = relative_opener(c, k, b);
    if (!r) return 0;
    size_t q = k->ttok + k->tntok;
    while (q < e && c->mention_at[q] >= 0 && c->ms[c->mention_at[q]].kind == RASID_M_DATE) q = c->ms[c->mention_at[q]].tok_end;
    if (q >= e || is_punct(&c->t[q])) return r - 1;
    int m = c->mention_at[q];
    if (m >= 0 && c->ms[m].tok_begin == q && c->ms[m].kind != RASID_M_NUMBER) return has_prep(c, m) ? r - 1 : 0;
    return m < 0 && (ev_cue(c, q, CUE_PREPOSITION) || ev_cue(c, q, CUE_BY)) ? r - 1 : 0;
}

/* "ألقت الشرطة القبض على المسلحين الذين قتلوا خمسة مدنيين", "القوات التي انسحبت من
 * المدينة": the party a relative clause of an active verb tells of (right before the
 * pronoun) is that verb's doer, under whatever preposition the clause around it puts
 * it. The party's mention, or -1. */
static int relative_doer(const ev_ctx *c, const ev_cand *k, size_t b, size_t e)
{
    size_t r = relative_opener(c, k, b);
    if (!r || passive_relative(c, k, b, e)) return -1;
    r--; /* the pronoun */
    int v = r > b ? c->mention_at[r - 1] : -1;
    if (v < 0 || c->ms[v].tok_end != r || c->ms[v].kind != RASID_M_ACTOR || !party_ok(c, v)) return -1;
    return v;
}

/* عندما، حين، حينما: "when", opening a clause that tells the event of the one before. */
static int when_word(const rasid_token *t)
{
    static const char *const w[] = {"\xD8\xB9\xD9\x86\xD8\xAF\xD9\x85\xD8\xA7", /* عندما */
                                    "\xD8\xAD\xD9\x8A\xD9\x86",                     /* حين */
                                    "\xD8\xAD\xD9\x8A\xD9\x86\xD9\x85\xD8\xA7"}; /* حينما */
    if (!t->norm) return 0;
    int wa = t->nlen > 2 && !memcmp(t->norm, "\xD9\x88", 2); /* و */
    for (size_t i = 0; i < sizeof w / sizeof *w; i++) /* (inline compares: no strlen of the words) */
        if (rasid__streq(t->norm, w[i]) || (wa && rasid__streq(t->norm + 2, w[i]))) return 1;
    return 0;
}

/* A number counting people (a noun of people after it) in tokens [from, to). */
static int people_between(const ev_ctx *c, size_t from, size_t to)
{
    for (size_t q = from; q < to && q < c->n; q++) {
        int m = c->mention_at[q];
        if (m >= 0 && c->ms[m].kind == RASID_M_NUMBER && c->ms[m].noun && person_noun(c->ms[m].noun)) return 1;
    }
    return 0;
}

/* Is there an object right after verb k: a number of people or a party with no
 * preposition ("قتلا خمسة قرويين", "قتلوا الجنود")? */
static int object_after_verb(const ev_ctx *c, const ev_cand *k)
{
    size_t a = k->ttok + k->tntok;
    if (a >= c->n || c->t[a].sent != k->sent) return 0;
    int m = c->mention_at[a];
    if (m < 0 || c->ms[m].tok_begin != a) return 0;
    if (c->ms[m].kind == RASID_M_NUMBER) return person_noun(c->ms[m].noun);
    return c->ms[m].kind == RASID_M_ACTOR && !has_prep(c, m);
}

/* "فيما قتل جنديان ماليان", "وأصيب مدنيون": people counted right after a verb in the
 * nominative (a dual in ان, a sound plural in ون) are its subject, so the verb is passive
 * (قُتل) and shares no doer with the verbs before it. An accusative (جنديين، 12 جنديا) or a
 * broken plural (ثلاثة جنود) says nothing. */
static int nominative_people_after(const ev_ctx *c, const ev_cand *k)
{
    size_t a = k->ttok + k->tntok;
    if (a >= c->n || c->t[a].sent != k->sent) return 0;
    /* "معارك ... قتل فيها العشرات من الجنود": after a pronoun standing for the event before
     * (فيها، فيه، خلالها، خلاله), people counted are the passive's subject in any form */
    static const char *const in_it[] = {"\xD9\x81\xD9\x8A\xD9\x87\xD8\xA7",                         /* فيها */
                                        "\xD9\x81\xD9\x8A\xD9\x87",                                   /* فيه */
                                        "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84\xD9\x87\xD8\xA7",     /* خلالها */
                                        "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84\xD9\x87"};              /* خلاله */
    int resumptive = 0;
    for (size_t i = 0; i < sizeof in_it / sizeof *in_it && !resumptive; i++) resumptive = rasid__streq(c->t[a].norm, in_it[i]);
    if (resumptive && ++a >= c->n) return 0;
    int m = c->mention_at[a];
    if (m < 0 || c->ms[m].tok_begin != a || c->ms[m].kind != RASID_M_NUMBER || !person_noun_of(c, &c->ms[m])) return 0;
    if (resumptive) return 1;
    const rasid_token *t = &c->t[c->ms[m].tok_end - 1];
    if (t->kind != RASID_TOK_ARABIC || t->nlen < 6) return 0;
    const char *end = t->norm + t->nlen - 4;
    return !memcmp(end, "\xD8\xA7\xD9\x86", 4) || !memcmp(end, "\xD9\x88\xD9\x86", 4); /* ان ون */
}

/* The number that counts the people right before token `at` (not before b), past a
 * nationality: "13 جنديا" (the noun no mention of its own), "الجنديان", "جنديين ماليين";
 * -1 if none. */
static int counted_before(const ev_ctx *c, size_t at, size_t b)
{
    size_t q = at;
    /* (past "على الأقل": "40 مدنيا على الأقل قتلوا") */
    if (q >= b + 3 && c->t[q - 1].nlen == 10 && !memcmp(c->t[q - 1].norm, "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x82\xD9\x84", 10) && /* الاقل */
        c->t[q - 2].nlen == 6 && !memcmp(c->t[q - 2].norm, "\xD8\xB9\xD9\x84\xD9\x8A", 6))                                      /* علي */
        q -= 2;
    int vm = q > b ? c->mention_at[q - 1] : -1;
    if (vm >= 0 && c->ms[vm].kind == RASID_M_NISBA) {
        q = c->ms[vm].tok_begin;
        vm = q > b ? c->mention_at[q - 1] : -1;
    }
    if (vm < 0 && q > b + 1 && c->t[q - 1].kind == RASID_TOK_ARABIC) {
        vm = c->mention_at[q - 2];
        if (vm >= 0 && c->ms[vm].tok_end != q - 1) vm = -1;
    }
    if (vm < 0 || c->ms[vm].kind != RASID_M_NUMBER || !c->ms[vm].noun || !person_noun(c->ms[vm].noun)) return -1;
    return vm;
}

/* Can token q be an adjective of a counted noun before it ("مدنيا آخرين", "رعاة مسنين"):
 * a word of no mention, no function word, preposition or verb of the plural (...وا:
 * "500 شخص شيعوا القتلى"), no noun of a casualty (nouns.tsv role: "جثامين القتلى" is
 * another phrase)? */
static int adjective_at(const ev_ctx *c, size_t q)
{
    const rasid_token *t = &c->t[q];
    if (t->kind != RASID_TOK_ARABIC || c->mention_at[q] >= 0 || wa_word(t) || t->nlen < 6) return 0;
    if (!memcmp(t->norm + t->nlen - 4, "\xD9\x88\xD8\xA7", 4)) return 0; /* وا */
    if (ev_cue(c, q, CUE_FUNCTION) || ev_cue(c, q, CUE_PREPOSITION) || ev_cue(c, q, CUE_CLAUSEBREAK) ||
        ev_cue(c, q, CUE_REPORT) || ev_cue(c, q, CUE_NEGATION))
        return 0;
    rasid__match mt[8];
    size_t n = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_NOUN), 0, mt, 8);
    for (size_t j = 0; j < n; j++) {
        const char *role = ev_field(mt[j].e, "role");
        if (role && role[0]) return 0;
    }
    return 1;
}

/* A nouns.tsv entry of people with no role of its own (not القتلى, الجرحى)? */
static int plain_person_noun(const rasid__entry *e)
{
    const char *role = e ? ev_field(e, "role") : NULL, *cls = e ? ev_field(e, "class") : NULL;
    return e && (!role || !role[0]) && cls && person_noun(cls);
}

/* Is token q (و + a word) a noun of people from nouns.tsv with no role of its own (not
 * القتلى, الجرحى), and no mention? */
static int coordinated_person(const ev_ctx *c, size_t q)
{
    const rasid_token *t = &c->t[q];
    if (c->mention_at[q] >= 0 || t->nlen < 8 || t->nlen > RASID_MAX_TOKEN_BYTES || t->norm[0] != '\xD9' || t->norm[1] != '\x88')
        return 0;
    /* the word after و, and without the alef of its accusative ("ومتطوعا") */
    char key[RASID_MAX_TOKEN_BYTES + 1];
    size_t kl = t->nlen - 2;
    memcpy(key, t->norm + 2, kl);
    key[kl] = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (plain_person_noun(rasid__lex_lookup(c->lex, RASID_CAT_NOUN, key))) return 1;
        if (kl <= 4 || memcmp(key + kl - 2, "\xD8\xA7", 2)) break;
        key[kl -= 2] = 0;
    }
    return 0;
}

/* Does one person stand at token q: a person's mention, an office (وزير الدفاع المالي),
 * or a definite singular noun of a person (nouns.tsv, "sg": القيادي، الجندي، الضابط)? */
static int one_person_at(const ev_ctx *c, size_t q)
{
    int m = c->mention_at[q];
    if (m >= 0) {
        const rasid_mention *x = &c->ms[m];
        return x->tok_begin == q && (x->kind == RASID_M_PERSON || (x->ekind && rasid__streq(x->ekind, "person")) ||
                                     (x->id && ev_starts(x->id, "rasid:office:")));
    }
    const rasid_token *t = &c->t[q];
    for (uint16_t r = 1; r < t->nreadings; r++) {
        if (!t->readings[r].article || t->readings[r].pro[0] || t->readings[r].enc[0]) continue;
        const rasid__entry *e = rasid__lex_lookup(c->lex, RASID_CAT_NOUN, t->readings[r].stem);
        const char *dual = e ? ev_field(e, "dual") : NULL;
        if (dual && rasid__streq(dual, "sg") && plain_person_noun(e)) return 1;
    }
    return 0;
}

/* The counts of the clause [b, e); an enumeration of victims after one cue may run on past
 * the clause's commas up to list_end ("بمقتل خمسة من X، وخمسة من Y، وأحد Z"). */
static void counts_in(ev_ctx *c, ev_cand *k, size_t b, size_t e, size_t list_end)
{
    for (size_t i = b; i < e; i++) {
        int mi = c->mention_at[i];
        if (mi < 0) continue;
        const rasid_mention *m = &c->ms[mi];
        if (m->kind != RASID_M_NUMBER || m->tok_begin != i) continue;
        if (!person_noun_of(c, m) || m->num < 1 || m->num > 1e6 || label_number(c, m)) { i = m->tok_end - 1; continue; }
        int role = noun_role(m);
        /* "مقتل خمسة مشتبه بهم", "إصابة 3 معتقلين": suspects or detainees killed or hurt are
         * dead or injured; their noun says what they were, the word before what befell them */
        if (role == R_ARR && i > b) {
            int before = cue_role(c, i - 1);
            if (before == R_DEAD || before == R_INJ) role = before;
        }
        size_t after = m->tok_end;
        /* "قتل شرطي وأصيب اثنان": a count that is its noun alone (جنديان، جندي), or its noun
         * and then the number ("قتلوا مزارعين اثنين وأصابوا ثلاثة"), follows what befell it */
        size_t ntl = m->noun_text ? strlen(m->noun_text) : 0;
        int noun_first = ntl && ntl <= (size_t)(m->end - m->start) && !memcmp(m->noun_text, c->doc->text + m->start, ntl);
        if (role == R_NONE && i > b && noun_first) role = cue_role(c, i - 1);
        int noun_then_number = noun_first && ntl < (size_t)(m->end - m->start);
        if (role == R_NONE && after < c->n && !noun_then_number && !wa_word(&c->t[after]))
            role = cue_role(c, after); /* 14 قتيلا (not "قتل 12 وأصيب 20": a verb after و is another clause's) */
        /* (but "المسلحان قتلا خمسة قرويين": the people before a killing verb with an object
         * are its doers) */
        if (role == R_DEAD && after == k->ttok && noun_role(m) == R_NONE && object_after_verb(c, k)) {
            i = m->tok_end - 1;
            continue;
        }
        for (size_t back = 1; role == R_NONE && back <= 3 && i >= back + b; back++) {
            role = cue_role(c, i - back);                                    /* مقتل 14 */
            if (role == R_NONE && c->mention_at[i - back] >= 0 && c->ms[c->mention_at[i - back]].kind == RASID_M_NUMBER)
                break;
        }
        /* 13 شخصا قتلوا; "40 مقاتلا من تنظيم الدولة قتلوا" (a party counts as one word);
         * "المواطنين السبعة، وهم رعاة، قتلوا" (past an aside) */
        size_t aside = past_aside(c, after, e);
        if (role == R_NONE && aside != after && aside < e) role = cue_role(c, aside);
        /* (only past words that belong to the count's own phrase: من, a party, a
         * nationality, an adjective of its noun, a relative pronoun, على الأقل; "شيع
         * الآلاف جثامين الضحايا": a noun between is another phrase, the casualty word
         * after it is said of that one, not of the mourners counted) */
        size_t past_noun = after; /* past the counted noun ("14 قرويا", "العشرات من الجنود") */
        for (size_t q = after; ntl && q < e && q < after + 4; q++)
            if (c->t[q].end >= m->start + ntl && !memcmp(c->doc->text + c->t[q].end - ntl, m->noun_text, ntl)) {
                past_noun = q + 1;
                break;
            }
        if (role == R_NONE && past_noun > after && past_noun < e && !wa_word(&c->t[past_noun]))
            role = cue_role(c, past_noun); /* "14 قرويا قتلوا" */
        int adjective = past_noun > after; /* (one adjective of the count's own noun: "ستة رعاة مسنين قتلوا") */
        for (size_t fwd = 1, q = past_noun; role == R_NONE && fwd <= 3 && q < e; fwd++) {
            int qm = c->mention_at[q];
            if (qm >= 0 && c->ms[qm].tok_begin == q &&
                (c->ms[qm].kind == RASID_M_ACTOR || c->ms[qm].kind == RASID_M_NISBA))
                q = c->ms[qm].tok_end;
            else if (adjective && adjective_at(c, q))
                q++, adjective = 0;
            else if (ev_is_min(&c->t[q]) || ev_cue(c, q, CUE_RELATIVE) ||
                     (c->t[q].nlen == 12 && !memcmp(c->t[q].norm, "\xD8\xAA\xD9\x82\xD8\xB1\xD9\x8A\xD8\xA8\xD8\xA7", 12))) /* تقريبا */
                q++;
            /* (and a second counted noun joined by و, with an adjective of its own: "30 جنديا
             * ومتطوعا مدنيا قتلوا") */
            else if (wa_word(&c->t[q]) && coordinated_person(c, q))
                q++, adjective = 1;
            else if (q + 1 < e && c->t[q].nlen == 6 && !memcmp(c->t[q].norm, "\xD8\xB9\xD9\x84\xD9\x8A", 6) && /* علي (على) */
                     c->t[q + 1].nlen == 10 && !memcmp(c->t[q + 1].norm, "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x82\xD9\x84", 10)) /* الاقل */
                q += 2;
            else
                break;
            if (q >= e || wa_word(&c->t[q])) break;
            role = cue_role(c, q);
        }
        if (role == R_NONE && is_kill_trigger(k) && i > k->ttok) role = R_DEAD;
        /* "أوقفت الوحدات 9 عناصر": the people counted after an arrest were arrested */
        if (role == R_NONE && is_arrest_trigger(k) && i > k->ttok) role = R_ARR;
        /* "اختطف مسلحون عشرين تلميذا": the people abducted are hostages */
        if (role == R_NONE && k->mode && rasid__streq(k->mode, "abduct") && i > k->ttok) role = R_HOST;
        /* "أطلق مسلحون سراح ثلاثين طالبة": the people counted after a release were held */
        if ((role == R_NONE || (role == R_ARR && noun_role(m) != R_ARR)) && i > k->ttok && i <= k->ttok + k->tntok + 5) {
            /* (released by a word also said of detainees, أفرج عن, but no detainees by their noun) */
            const char *tid = ev_field(k->trig, "id");
            if (tid && ev_starts(tid, "rescue")) role = R_HOST;
        }
        if (role == R_NONE) { i = m->tok_end - 1; continue; }
        /* (prisoners freed or a prison stormed: those counted as detainees were not
         * arrested by this event) */
        if (role == R_ARR && k->ty != EV_T_COERCE) { i = m->tok_end - 1; continue; }
        long v = (long)m->num;
        /* an enumeration of victims after the same cue: "مقتل خمسة من X، وخمسة من Y، وأحد Z" */
        size_t j = m->tok_end;
        /* (and of the people arrested or taken: "توقيف 11 عسكريا ومدنيين اثنين") */
        if ((role == R_DEAD && k->dead < 0) || (role == R_ARR && k->arrested < 0) || (role == R_HOST && k->hostages < 0)) {
            size_t q = j;
            if (list_end < e) list_end = e;
            while (q < list_end) {
                /* past the counted noun and what qualifies it ("10 جنود", "خمسة من X"), which
                 * may be mentions of their own, to the next number */
                while (q < list_end && !is_punct(&c->t[q]) && !list_glue(c, q) && q - j < 6 &&
                       (c->mention_at[q] < 0 || c->ms[c->mention_at[q]].kind != RASID_M_NUMBER))
                    q++;
                while (q < list_end && (list_glue(c, q) || is_punct(&c->t[q]))) q++;
                if (q >= list_end) break;
                int nm = c->mention_at[q];
                if (nm < 0 || c->ms[nm].kind != RASID_M_NUMBER || c->ms[nm].tok_begin != q) break;
                if (!person_noun_of(c, &c->ms[nm]) || noun_role(&c->ms[nm]) != R_NONE) break;
                if (!(c->t[q].nreadings > 1 && c->t[q].readings[1].pro[0]) && !list_glue(c, q - 1)) break;
                v += (long)c->ms[nm].num;
                j = c->ms[nm].tok_end;
                q = j;
            }
        }
        set_count(k, role, v, m->qualifier);
        i = m->tok_end - 1;
    }
}

/* "عدد الموقوفين بلغ حتى مساء الأحد 45 شخصا", "وارتفعت حصيلة القتلى إلى 14": a tally word
 * (cue class tally) and a casualty word name the role of the next number, up to ten words
 * on, whatever clause it stands in. Read in [from, to) for the roles k still lacks. */
static void tally_counts(ev_ctx *c, ev_cand *k, size_t from, size_t to)
{
    if (!rasid__lex_cue_in_doc(c->doc, CUE_TALLY)) return; /* (no tally word in the document: no scan for one) */
    for (size_t q = from; q + 1 < to; q++) {
        int tl = ev_cue(c, q, CUE_TALLY);
        if (!tl) continue;
        int role = cue_role(c, q + (size_t)tl);
        if (role == R_NONE) continue;
        int fits = (role == R_ARR && is_arrest_trigger(k)) ||
                   ((role == R_DEAD || role == R_INJ) && k->ty == EV_T_ASSAULT) ||
                   (role == R_HOST && k->mode && rasid__streq(k->mode, "abduct"));
        if (!fits) continue;
        for (size_t n = q + (size_t)tl + 1; n < to && n < q + 12; n++) {
            const rasid_token *t = &c->t[n];
            if (t->kind == RASID_TOK_PUNCT && t->nlen == 1 && strchr(".;:", t->norm[0])) break;
            int mi = c->mention_at[n];
            if (mi < 0 || c->ms[mi].tok_begin != n) continue;
            const rasid_mention *m = &c->ms[mi];
            if (m->kind == RASID_M_DATE) { n = m->tok_end - 1; continue; }
            if (m->kind != RASID_M_NUMBER) continue;
            if (person_noun(m->noun) && m->num >= 1 && m->num <= 1e6) {
                /* the tally's figure is more exact than "dozens" said before it */
                long *cur = role == R_ARR ? &k->arrested : role == R_DEAD ? &k->dead : role == R_INJ ? &k->injured : &k->hostages;
                uint8_t *cq = role == R_ARR ? &k->q_arrested : role == R_DEAD ? &k->q_dead : role == R_INJ ? &k->q_injured : &k->q_hostages;
                if (*cur >= 0 && *cq >= RASID_Q_DOZENS && m->qualifier < RASID_Q_DOZENS) *cur = -1;
                set_count(k, role, (long)m->num, m->qualifier);
            }
            break;
        }
    }
}

/* An entity rasid names itself (no dictionary row): its name, kind, sector, country and
 * id, and the document bytes [start, end) it stands for. */
static rasid_entity named_span(const ev_ctx *c, const char *name, const char *kind, const char *sector,
                               const char *country, const char *id, uint32_t start, uint32_t end)
{
    rasid_entity en = {0};
    en.name = name;
    en.kind = kind;
    en.sector = sector;
    en.country = country;
    en.id = id;
    en.start = start;
    en.end = end;
    en.text = rasid__arena_strndup(&c->doc->arena, c->doc->text + start, end - start);
    return en;
}

/* The state of the country (its name cn) of place x, its span x's. */
static rasid_entity country_state(const ev_ctx *c, const char *cn, const rasid_mention *x)
{
    return named_span(c, cn, "state", "GOV", x->country, x->country, x->start, x->end);
}

/* "وصل 200 جندي روسي إلى نيامي": troops arriving, counted and then given a nationality,
 * are that country's forces, the doer of their own arrival (a verb of arrival: the rows
 * whose id holds "_arrive_"); so is a force named after the place, when no subject was
 * found before it. */
static void arriving_troops(const ev_ctx *c, ev_cand *k)
{
    const char *id = k->trig ? ev_field(k->trig, "id") : NULL;
    if (!id || !strstr(id, "_arrive_")) return;
    size_t from = k->ttok + k->tntok;
    /* "وصلت إلى العاصمة باماكو دفعة من المدربين الروس": the force named after the place */
    for (size_t q = from; q < from + 8 && q < c->n && c->t[q].sent == k->sent; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind == RASID_M_ACTOR && x->sector && rasid__streq(x->sector, "MIL") &&
            !(x->id && ev_starts(x->id, "rasid:office:")) && !(x->ekind && rasid__streq(x->ekind, "person"))) {
            add_party(c, k->actor, &k->nactor, x);
            return;
        }
    }
    /* "غادر آخر جندي فرنسي النيجر": a soldier word and its nationality, no number */
    for (size_t q = from; q + 1 < from + 4 && q + 1 < c->n && c->t[q + 1].sent == k->sent && !k->nactor; q++) {
        if (c->mention_at[q] >= 0 || !ev_cue(c, q, CUE_TROOPS)) continue;
        int nm = c->mention_at[q + 1];
        if (nm < 0 || c->ms[nm].kind != RASID_M_NISBA || c->ms[nm].tok_begin != q + 1 || !c->ms[nm].country) break;
        const char *iso = c->ms[nm].country;
        const char *cn = country_name(c, iso);
        k->actor[k->nactor++] = named_span(c, rasid__arena_cat(&c->doc->arena, "Military Forces of ", cn ? cn : iso, ""), "force",
                                           "MIL", iso, rasid__arena_cat(&c->doc->arena, "rasid:mil-", iso, ""), c->t[q].start,
                                           c->ms[nm].end);
        return;
    }
    for (size_t q = from; q < from + 4 && q < c->n && c->t[q].sent == k->sent; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind != RASID_M_NUMBER || !x->noun || !rasid__streq(x->noun, "soldier")) return;
        /* the counted noun (جندي، عسكري), then the nationality */
        size_t z = x->tok_end;
        if (z < c->n && c->mention_at[z] < 0) z++;
        int nm = z < c->n && c->t[z].sent == k->sent ? c->mention_at[z] : -1;
        if (nm < 0 || c->ms[nm].kind != RASID_M_NISBA || c->ms[nm].tok_begin != z || !c->ms[nm].country) return;
        const char *iso = c->ms[nm].country;
        const char *cn = country_name(c, iso);
        k->actor[k->nactor++] = named_span(c, rasid__arena_cat(&c->doc->arena, "Military Forces of ", cn ? cn : iso, ""), "force",
                                           "MIL", iso, rasid__arena_cat(&c->doc->arena, "rasid:mil-", iso, ""), x->start,
                                           c->ms[nm].end);
        return;
    }
}

/* Victims described by a counted noun and a nationality: "14 جنديا جزائريا". */
static const char *context_country(const ev_ctx *c, uint32_t before_tok);
static const char *sentence_country(const ev_ctx *c, uint32_t at);

static int reference_point(const ev_ctx *c, int m);
static int dateline_place(const ev_ctx *c, const rasid_mention *x);

/* The country of the town or province nearest to token `at` in its sentence that is a
 * place of events: neither a landmark ("قرب الحدود مع مالي", "على بعد 50 كلم من غاو") nor
 * a dateline. NULL when there is none. */
static const char *town_country(const ev_ctx *c, uint32_t at)
{
    const char *best = NULL;
    size_t bestd = SIZE_MAX;
    const rasid_sentence *s = sent_of(c, at);
    for (size_t q = s->tok_begin; q < s->tok_end; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind != RASID_M_PLACE || !x->country || x->precision >= RASID_P_COUNTRY) continue;
        if (reference_point(c, m) || dateline_place(c, x)) continue;
        size_t d = q > at ? q - at : at - q;
        if (d < bestd) { bestd = d; best = x->country; }
    }
    return best;
}

/* "اختطف مسلحون مواطنة سويسرية": one person, named by a noun of civilians and a
 * nationality, is civilians of that country. */
static const char *const civ[] = {"civilian", "woman", "man",     "child",    "girl",      "student",
                                  "worker",   "journalist", "tourist", "migrant", "fisherman", NULL};

/* Is a counted noun's class one of civilians ("مدنيين", "مدرسين", "صيادين")? */
static int civilian_noun(const char *noun)
{
    for (const char *const *p = civ; noun && *p; p++)
        if (!strcmp(noun, *p)) return 1;
    return 0;
}

/* "فر آلاف السكان من قراهم", "فر أكثر من ألفي شخص": civilians or people counted right
 * after a verb of fleeing are displaced, no party withdrawing. */
int ev_civilians_fled(const ev_ctx *c, const ev_cand *k)
{
    const char *id = ev_field(k->trig, "id");
    if (!id || !rasid__streq(id, "withdraw")) return 0;
    /* (and civilians who withdraw, their subject before the verb: "إن السكان فروا من
     * القرية", "المدنيين الذين فروا": they fled) */
    int civ_only = k->nactor > 0;
    for (size_t a = 0; a < k->nactor && civ_only; a++) civ_only = k->actor[a].sector && rasid__streq(k->actor[a].sector, "CVL");
    if (civ_only) return 1;
    for (size_t q = k->ttok + k->tntok; q < k->ttok + k->tntok + 3 && q < c->n && c->t[q].sent == k->sent; q++) {
        int m = c->mention_at[q];
        if (m < 0) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind == RASID_M_NUMBER) return x->noun && (rasid__streq(x->noun, "person") || civilian_noun(x->noun));
        return x->kind == RASID_M_ACTOR && x->sector && rasid__streq(x->sector, "CVL");
    }
    return 0;
}

/* Civilians of a country, as ACLED names them ("Civilians (Mali)"), for the words [start, end). */
static rasid_entity civilians_of(const ev_ctx *c, const char *iso, uint32_t start, uint32_t end)
{
    const char *cn = country_name(c, iso);
    return named_span(c, rasid__arena_cat(&c->doc->arena, "Civilians (", cn ? cn : iso, ")"), "civilians", "CVL", iso,
                      "rasid:civilians", start, end);
}

/* The nouns.tsv entries of the noun at token q, also in its accusative (عاملا، مسجدا: the
 * tanween alef off): up to max of them in out, how many; *ntok the tokens it covers. */
static size_t noun_entries_at(const ev_ctx *c, size_t q, const rasid__entry **out, size_t max, size_t *ntok)
{
    rasid__match mt[8];
    size_t n = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_NOUN), 0, mt, 8);
    *ntok = n ? mt[0].ntok : 1;
    if (n) {
        if (n > max) n = max;
        for (size_t j = 0; j < n; j++) out[j] = mt[j].e;
        return n;
    }
    const rasid_token *tq = &c->t[q];
    if (!max || tq->nlen <= 6 || tq->nlen > RASID_MAX_TOKEN_BYTES || memcmp(tq->norm + tq->nlen - 2, "\xD8\xA7", 2))
        return 0;
    char key[RASID_MAX_TOKEN_BYTES + 1];
    memcpy(key, tq->norm, tq->nlen - 2);
    key[tq->nlen - 2] = 0;
    out[0] = rasid__lex_lookup(c->lex, RASID_CAT_NOUN, key);
    return out[0] != NULL;
}

/* A noun of civilians (nouns.tsv, its class one of civ: "عامل إغاثة", "موظفا", "صحفي")
 * starting at token q, no mention of its own: its length in tokens, or 0. */
static size_t civilian_noun_at(const ev_ctx *c, size_t q)
{
    if (q >= c->n || c->t[q].kind != RASID_TOK_ARABIC || c->mention_at[q] >= 0) return 0;
    const rasid__entry *ents[8];
    size_t ntok, n = noun_entries_at(c, q, ents, 8, &ntok);
    for (size_t j = 0; j < n; j++) {
        const char *x = ev_field(ents[j], "class");
        for (const char *const *p = civ; x && *p; p++)
            if (rasid__streq(x, *p)) return ntok; /* (inline: short class codes) */
    }
    return 0;
}

static int civilian_with_nisba(ev_ctx *c, ev_cand *k, size_t b, size_t e)
{
    for (size_t q = b; q < e && q < b + 10; q++) {
        size_t len = civilian_noun_at(c, q);
        if (!len) continue;
        size_t nx = q + len;
        /* one adjective may stand between ("عاملا إنسانيا ألمانيا") */
        if (nx + 1 < e && c->mention_at[nx] < 0 && c->t[nx].kind == RASID_TOK_ARABIC && !ev_cue(c, nx, CUE_FUNCTION) &&
            c->mention_at[nx + 1] >= 0 && c->ms[c->mention_at[nx + 1]].kind == RASID_M_NISBA)
            nx++;
        int nm = nx < e ? c->mention_at[nx] : -1;
        if (nm < 0 || c->ms[nm].kind != RASID_M_NISBA || c->ms[nm].tok_begin != nx) return 0;
        k->recipient[k->nrecipient++] = civilians_of(c, c->ms[nm].country, c->t[q].start, c->ms[nm].end);
        return 1;
    }
    return 0;
}

/* The class (nouns.tsv) of the noun at token q, also in its accusative (قرية، مسجدا), or
 * NULL. */
static const char *noun_class_at(const ev_ctx *c, size_t q)
{
    const rasid__entry *e;
    size_t ntok;
    return noun_entries_at(c, q, &e, 1, &ntok) ? ev_field(e, "class") : NULL;
}

/* Is a party that bears arms (a force, a group, gunmen) other than k's doers named in k's
 * sentence? ("شن ضربات جوية على قرية بيتا حيث كانت بوكو حرام تستعد لشن هجوم": the
 * strikes on the village were on the group) */
static int other_armed_party(const ev_ctx *c, const ev_cand *k)
{
    const rasid_sentence *s = sent_of(c, k->ttok);
    for (size_t q = s->tok_begin; q < s->tok_end; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q || c->ms[m].kind != RASID_M_ACTOR || !c->ms[m].sector) continue;
        const char *sec = c->ms[m].sector;
        if (!rasid__streq(sec, "REB") && !rasid__streq(sec, "UAF") && !rasid__streq(sec, "MIL") && !rasid__streq(sec, "COP"))
            continue;
        int doer = 0;
        for (size_t a = 0; a < k->nactor && !doer; a++)
            doer = k->actor[a].start == c->ms[m].start ||
                   (k->actor[a].name && c->ms[m].name && !strcmp(k->actor[a].name, c->ms[m].name));
        if (!doer) return 1;
    }
    return 0;
}

/* Does a title or a party follow at token q, the owner of the place before it ("منزل
 * الحاكم", "مقر الحزب")? */
static int owned_by_party(const ev_ctx *c, size_t q)
{
    if (q >= c->n) return 0;
    int m = c->mention_at[q];
    if (m >= 0) return c->ms[m].kind == RASID_M_ACTOR || c->ms[m].kind == RASID_M_PERSON;
    rasid__match mt[4];
    return rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_TITLE), 0, mt, 4) > 0;
}

static void civilian_site(ev_ctx *c, ev_cand *k, size_t after, size_t lim)
{
    int doers = 1; /* the doers may still come (right after the trigger, or after مسلح) */
    for (size_t q = after; q < lim && q < after + 6; q++) {
        const rasid_token *t = &c->t[q];
        int m = c->mention_at[q];
        if (m >= 0) {
            if (!doers || c->ms[m].kind != RASID_M_ACTOR) return;
            q = c->ms[m].tok_end - 1;
            doers = 0;
            continue;
        }
        if (t->kind != RASID_TOK_ARABIC) return;
        if (ev_cue(c, q, CUE_AGAINST)) { /* "هجوم على قرية" */
            doers = 0;
            continue;
        }
        const char *cls = noun_class_at(c, q);
        if (cls && doers && q == after && rasid__streq(cls, "militant")) continue; /* "هجوم مسلح على" */
        if (cls && (rasid__streq(cls, "village") || rasid__streq(cls, "building") || rasid__streq(cls, "site")) &&
            !other_armed_party(c, k) && !owned_by_party(c, q + 1))
            k->recipient[k->nrecipient++] =
                named_span(c, "Civilians", "civilians", "CVL", NULL, "rasid:civilians", t->start, t->end);
        return;
    }
}

/* The one state force of sector `sector` (MIL, COP) named in tokens [b, e), with a
 * country and not among k's actors; NULL when there is none or there are forces of
 * several countries. */
static const rasid_mention *clause_force(const ev_ctx *c, const ev_cand *k, size_t b, size_t e, const char *sector)
{
    const rasid_mention *found = NULL;
    for (size_t i = b; i < e; i++) {
        int mi = c->mention_at[i];
        if (mi < 0 || c->ms[mi].tok_begin != i) continue;
        const rasid_mention *x = &c->ms[mi];
        if (x->kind != RASID_M_ACTOR || !x->sector || !rasid__streq(x->sector, sector) || !x->country ||
            rasid__streq(x->country, "?"))
            continue;
        int doer = 0;
        for (size_t a = 0; a < k->nactor; a++)
            if (k->actor[a].country && !strcmp(k->actor[a].country, x->country)) doer = 1;
        if (doer) continue;
        if (found && strcmp(found->country, x->country)) return NULL;
        if (!found) found = x;
    }
    return found;
}

/* "مقتل ستة موريتانيين": people counted by a plural nationality alone, with no noun of
 * their own, are civilians of that country. */
static int counted_nationals(ev_ctx *c, ev_cand *k, size_t b, size_t e)
{
    for (size_t q = b; q < e; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q || c->ms[m].kind != RASID_M_NUMBER) continue;
        const rasid_mention *x = &c->ms[m];
        size_t z = x->tok_end;
        q = z - 1;
        if (x->noun || x->num < 1 || z >= e) continue;
        int nm = c->mention_at[z];
        if (nm < 0 || c->ms[nm].kind != RASID_M_NISBA || c->ms[nm].tok_begin != z || !c->ms[nm].country) continue;
        const rasid_token *t = &c->t[c->ms[nm].tok_end - 1];
        int plural = t->nlen >= 8 && (!memcmp(t->norm + t->nlen - 4, "\xD9\x8A\xD9\x86", 4) ||
                                      !memcmp(t->norm + t->nlen - 4, "\xD9\x88\xD9\x86", 4)); /* ...ين، ...ون */
        int tamyiz = x->num >= 11 && t->nlen >= 8 && !memcmp(t->norm + t->nlen - 4, "\xD9\x8A\xD8\xA7", 4); /* 12 مغربيا */
        if (!plural && !tamyiz) continue;
        k->recipient[k->nrecipient++] = civilians_of(c, c->ms[nm].country, x->start, c->ms[nm].end);
        return 1;
    }
    return 0;
}

/* The first token of the next trigger after k's in its sentence, or e: any (NT_ANY), of
 * another PLOVER type than k's (NT_OTHER_TYPE), or a verb joined by و or ف, which opens a
 * clause of its own ("وأحرق المهاجمون"; NT_JOINED_VERB). */
enum { NT_ANY, NT_OTHER_TYPE, NT_JOINED_VERB };
static size_t next_trigger_of(const ev_ctx *c, const ev_cand *k, size_t e, int which)
{
    const ev_cand *p, *end;
    ev_sentence_cands(c, k, &p, &end);
    size_t best = e;
    for (; p < end; p++) {
        if (p == k || p->sent != k->sent || p->ttok <= k->ttok || p->ttok >= best) continue;
        if (which == NT_OTHER_TYPE && !(p->type && k->type && !ev_same_type(p, k))) continue;
        if (which == NT_JOINED_VERB) {
            const rasid_token *t = &c->t[p->ttok];
            const char *pro = p->tread < t->nreadings ? t->readings[p->tread].pro : "";
            if (p->pos != 'V' || (!ev_starts(pro, "\xD9\x88") && !ev_starts(pro, "\xD9\x81"))) continue; /* و ف */
        }
        best = p->ttok;
    }
    return best;
}

static size_t next_trigger(const ev_ctx *c, const ev_cand *k, size_t e) { return next_trigger_of(c, k, e, NT_ANY); }

/* The next trigger of another PLOVER type than k's in its sentence, or e. */
static size_t next_trigger_other(const ev_ctx *c, const ev_cand *k, size_t e) { return next_trigger_of(c, k, e, NT_OTHER_TYPE); }

static void victims_in(ev_ctx *c, ev_cand *k, size_t b, size_t e)
{
    if (k->nrecipient) return;
    if (civilian_with_nisba(c, k, b, e) || counted_nationals(c, k, b, e)) return;
    /* (the party after the counted noun is its own up to the next verb of an event joined
     * to it: "وقتل 12 مدنيا وأحرق المهاجمون المنازل") */
    size_t lim = next_trigger_of(c, k, e, NT_JOINED_VERB);
    for (size_t i = b; i < e; i++) {
        int mi = c->mention_at[i];
        if (mi < 0 || c->ms[mi].kind != RASID_M_NUMBER) continue;
        const rasid_mention *m = &c->ms[mi];
        size_t j = m->tok_end;
        if (!m->noun || !person_noun(m->noun)) continue;
        /* the noun, then a nationality */
        for (size_t q = j; q < j + 3 && q < e && (q < lim || lim <= j); q++) {
            int nm = c->mention_at[q];
            if (nm < 0 && ev_cue(c, q, CUE_BY)) break; /* "متظاهران برصاص الشرطة": the agent */
            if (nm < 0) continue;
            const rasid_mention *x = &c->ms[nm];
            if (x->kind == RASID_M_NISBA) {
                rasid_entity en;
                entity_from(c, x, &en);
                const char *noun = m->noun ? m->noun : "";
                const char *cn = country_name(c, x->country);
                if (rasid__streq(noun, "soldier") || rasid__streq(noun, "military")) {
                    en.name = rasid__arena_cat(&c->doc->arena, "Military Forces of ", cn ? cn : x->country);
                    en.kind = "force";
                    en.sector = "MIL";
                } else if (rasid__streq(noun, "police")) {
                    en.name = rasid__arena_cat(&c->doc->arena, "Police Forces of ", cn ? cn : x->country);
                    en.kind = "force";
                    en.sector = "COP";
                } else if (rasid__streq(noun, "diplomat")) {
                    /* "طردت ... ثلاثة دبلوماسيين فرنسيين": their state */
                } else {
                    en.name = rasid__arena_cat(&c->doc->arena, "Civilians (", cn ? cn : x->country, ")");
                    en.kind = "civilians";
                    en.sector = "CVL";
                }
                k->recipient[k->nrecipient++] = en;
                return;
            }
            if (is_partyish(x) && x->kind == RASID_M_ACTOR) {
                add_party(c, k->recipient, &k->nrecipient, x);
                return;
            }
            break;
        }
        /* "قتل متظاهران برصاص الشرطة": protesters */
        if (rasid__streq(m->noun, "protester")) {
            k->recipient[k->nrecipient++] =
                named_span(c, "Protesters", "civilians", "CVL", NULL, "rasid:protesters", m->start, m->end);
            return;
        }
        /* "قتل 15 مدنيا", "اختطف مسلحون أربعة مدرسين": civilians, whatever their country */
        if (civilian_noun(m->noun)) {
            k->recipient[k->nrecipient++] =
                named_span(c, "Civilians", "civilians", "CVL", NULL, "rasid:civilians", m->start, m->end);
            return;
        }
        /* "القضاء على إرهابيين اثنين": fighters counted by a noun of their own */
        if (rasid__streq(m->noun, "militant")) {
            k->recipient[k->nrecipient++] =
                named_span(c, "Militants", "unknown", "UAF", NULL, "rasid:militants", m->start, m->end);
            return;
        }
        /* "قتل 12 جنديا" with no nationality: the soldiers of the country the text is about */
        int soldier = rasid__streq(m->noun, "soldier") || rasid__streq(m->noun, "military");
        if (soldier || rasid__streq(m->noun, "police")) {
            /* a force of their kind named in the clause ("هجوم على معسكر للجيش المالي") and
             * not the event's doer: theirs */
            const rasid_mention *own = clause_force(c, k, b, e, soldier ? "MIL" : "COP");
            if (own) {
                add_party(c, k->recipient, &k->nrecipient, own);
                if (k->nrecipient) return;
            }
            /* the country of the town where they fell, else of the text at that point */
            const char *iso = town_country(c, m->tok_begin);
            if (!iso) iso = context_country(c, m->tok_begin);
            if (!iso) iso = sentence_country(c, m->tok_begin);
            const char *cn = iso ? country_name(c, iso) : NULL;
            if (!cn) continue;
            k->recipient[k->nrecipient++] = named_span(
                c, rasid__arena_cat(&c->doc->arena, soldier ? "Military" : "Police", " Forces of ", cn), "force",
                soldier ? "MIL" : "COP", iso, rasid__arena_cat(&c->doc->arena, "rasid:", soldier ? "mil" : "pol", "-", iso),
                m->start, m->end);
            return;
        }
    }
}

/* "قتل مسلحون موظفا في منظمة أطباء بلا حدود", "لقي موظف في برنامج الأغذية العالمي
 * حتفه", "أطلق مسلحون النار على عامل إغاثة": one a noun of civilians names (a worker, an
 * employee, a journalist) is a civilian, whoever he works for; an organisation he is said
 * to work for (في، لدى، مع، لصالح) stands after him among those the attack befell, no
 * victim in his stead. Of an attack: puts Civilians first among its recipients, for such
 * a noun before an organisation recipient, or for such a noun as the attack's object
 * (right after the trigger, past its subject, a date or على) when it has none. */
static void civilian_staff(ev_ctx *c, ev_cand *k, size_t after, size_t e)
{
    if (!rasid__streq(k->type, "ASSAULT") || k->nrecipient >= EV_MAX_PARTY) return;
    for (size_t i = 0; i < k->nrecipient; i++)
        if (k->recipient[i].sector && rasid__streq(k->recipient[i].sector, "CVL")) return;
    static const char *const preps[] = {"\xD9\x81\xD9\x8A", "\xD9\x84\xD8\xAF\xD9\x8A", "\xD9\x85\xD8\xB9", /* في لدي (لدى) مع */
                                        "\xD9\x84\xD8\xB5\xD8\xA7\xD9\x84\xD8\xAD"};                                   /* لصالح */
    uint32_t from = 0, to = 0;
    for (size_t i = 0; i < k->nrecipient && !to; i++) {
        const rasid_entity *r = &k->recipient[i];
        if (!r->kind || !rasid__streq(r->kind, "org") || (r->sector && rasid__streq(r->sector, "SPY"))) continue;
        size_t bm = ev_mention_at_byte(c, r->start);
        if (bm >= c->nms || c->ms[bm].start != r->start) continue;
        size_t q = c->ms[bm].tok_begin;
        if (q < 2 || !word_is(&c->t[q - 1], preps, sizeof preps / sizeof *preps)) continue;
        /* (the noun right before the preposition: "موظفا في", "عامل إغاثة لدى", or the
         * count it makes alone: "لقي موظف في") */
        for (size_t len = 1; len <= 2 && len + 1 <= q && !to; len++)
            if (civilian_noun_at(c, q - 1 - len) == len) {
                from = c->t[q - 1 - len].start;
                to = r->end;
            }
        int nm = c->mention_at[q - 2];
        if (!to && nm >= 0 && c->ms[nm].kind == RASID_M_NUMBER && c->ms[nm].tok_end == q - 1 && civilian_noun(c->ms[nm].noun)) {
            from = c->ms[nm].start;
            to = r->end;
        }
    }
    if (!to && !k->nrecipient) {
        size_t q = after;
        while (q < e && q < after + 6) {
            int m = c->mention_at[q];
            if (m >= 0 && c->ms[m].tok_begin == q && c->ms[m].kind == RASID_M_DATE) q = c->ms[m].tok_end;
            else if (m >= 0 && c->ms[m].tok_begin == q && k->nactor && k->actor[0].start == c->ms[m].start) q = c->ms[m].tok_end;
            else if (ev_cue(c, q, CUE_AGAINST) && m < 0) q++;
            else break;
        }
        size_t len = q < e ? civilian_noun_at(c, q) : 0;
        if (len) {
            from = c->t[q].start;
            to = c->t[q + len - 1].end;
        }
    }
    if (!to) return;
    memmove(k->recipient + 1, k->recipient, k->nrecipient * sizeof *k->recipient);
    k->recipient[0] = named_span(c, "Civilians", "civilians", "CVL", NULL, "rasid:civilians", from, to);
    k->nrecipient++;
}

/* ------------------------------------------------------------------ place and date */
static int find_place_pass(const ev_ctx *c, const ev_cand *k, size_t b, size_t e, int strict);

/* The relative clause token i stands in: from its relative pronoun (الذي، التي، الذين ...)
 * to the end of i's clause, [*r, *re); 0 when a relative pronoun opens none before i. */
static int relative_clause_of(const ev_ctx *c, size_t i, size_t *r, size_t *re)
{
    if (!rasid__lex_cue_in_doc(c->doc, CUE_RELATIVE)) return 0; /* (no relative pronoun in the document) */
    size_t b, e;
    clause_of(c, i, &b, &e);
    /* (asked of the same tokens, a trigger's and its dates' and places', again and again:
     * the pronoun found is kept per token, rel_open) */
    uint32_t known = c->rel_open ? c->rel_open[i] : UINT32_MAX;
    if (known == EV_REL_NONE) return 0;
    if (known != UINT32_MAX) {
        *r = known;
        *re = e;
        return 1;
    }
    for (size_t q = i + 1; q-- > b;)
        if (ev_cue(c, q, CUE_RELATIVE)) {
            if (c->rel_open) c->rel_open[i] = (uint32_t)q;
            *r = q;
            *re = e;
            return 1;
        }
    if (c->rel_open) c->rel_open[i] = EV_REL_NONE;
    return 0;
}

/* Does the relative clause opened at r tell of k itself: it follows k's trigger, right
 * after it or past one adjective ("الهجوم الذي وقع أمس في غاو", "الهجوم الإرهابي الذي")? */
static int relative_of_trigger(const ev_ctx *c, const ev_cand *k, size_t r)
{
    size_t after = k->ttok + k->tntok;
    return r == after || (r == after + 1 && c->mention_at[after] < 0);
}

/* Does the relative clause [r, re) tell an event of its own: the trigger of a candidate
 * (or a verb of planning or saying) opening it, past no more than two words ("الذي
 * اختطف", "الذي كان قد اختطف", "التي تم اختطافها"; not "البرلمان الذي مقره العاصمة قاطعوا", a clause of no verb before the
 * main one), the clause following no event noun ("أدان الهجوم الذي استهدف قرية في X":
 * the clause tells of the attack named before it, as "الهجوم على قرية في X" would)? */
static int relative_event(const ev_ctx *c, const ev_cand *k, size_t r, size_t re)
{
    const ev_cand *p, *pe;
    ev_sentence_cands(c, k, &p, &pe);
    int opens = 0;
    for (; p < pe; p++) {
        if (p->sent != k->sent) continue;
        if (relative_of_trigger(c, p, r)) return 0;
        if (p->ttok > r && p->ttok <= r + 3 && p->ttok < re && party_in(c, r + 1, p->ttok) < 0) opens = 1;
    }
    /* (or a verb of planning or saying, an act with a time of its own: "القيادي الذي خطط
     * للهجوم العام الماضي", "المسؤول الذي أعلن أمس") */
    for (size_t q = r + 1; q <= r + 2 && q < re && !opens; q++)
        opens = ev_cue(c, q, CUE_PLAN) || ev_cue(c, q, CUE_REPORT);
    return opens;
}

/* "أطلق التنظيم سراح الجنود الذين اختطفوا في ميناكا عام 2022": a relative clause that
 * tells an event of its own about the noun before it (the soldiers' abduction) gives that
 * event's date and place, not the ones of the event of the clause around it (the
 * release); and the other way round, the event it tells takes no date from outside it
 * ("أفرجت أمس عن الرهينة الذي اختطف": yesterday is the release's). (A place outside it
 * may well be the noun it tells of, "بلدة جوزا ... التي شنت القوات هجوما عليها", and is
 * left to it.) Is token i (where a date or a place begins) on the other side of such a
 * clause from k's trigger? */
static int across_relative(const ev_ctx *c, const ev_cand *k, size_t i, int place)
{
    size_t r, re;
    if (relative_clause_of(c, i, &r, &re)) {
        if (k->ttok >= r && k->ttok < re) return 0;
        return relative_event(c, k, r, re);
    }
    return !place && relative_clause_of(c, k->ttok, &r, &re) && (i < r || i >= re) && relative_event(c, k, r, re);
}

/* "نجامينا - أعلن الجيش", "واغادوغو، 12 ربيع الأول - قتل", "نيامي (رويترز) -": the
 * dateline's place is where the report was filed, not where the event happened. A place
 * opening its sentence, followed (after a comma, a date, a time or a parenthesised
 * agency) by a dash. */
static int dateline_place(const ev_ctx *c, const rasid_mention *x)
{
    const rasid_sentence *s = sent_of(c, x->tok_begin);
    if (x->tok_begin != s->tok_begin) return 0;
    int paren = 0, slash = 0; /* slash: the words of an agency after "/" ("أنجامينا/ الأناضول -") */
    for (size_t q = x->tok_end; q < s->tok_end && q < x->tok_end + 12; q++) {
        const rasid_token *t = &c->t[q];
        if (t->kind == RASID_TOK_PUNCT) {
            if (t->nlen == 1 && t->norm[0] == '(') paren = 1;
            else if (t->nlen == 1 && t->norm[0] == ')') paren = 0;
            else if (t->nlen == 1 && t->norm[0] == '/' && q == x->tok_end) slash = 3;
            else if ((t->nlen == 1 && t->norm[0] == '-') || rasid__streq(t->norm, "\xE2\x80\x93") ||
                     rasid__streq(t->norm, "\xE2\x80\x94"))
                return 1;
            continue;
        }
        if (paren || t->kind == RASID_TOK_NUMBER) continue;
        if (slash && t->kind == RASID_TOK_ARABIC) { slash--; continue; }
        int m = c->mention_at[q];
        if (m >= 0 && c->ms[m].kind == RASID_M_DATE) continue;
        return 0;
    }
    return 0;
}

/* "بحث خلاله الوضع الأمني في منطقة الساحل", "ناقشا الأزمة في مالي": a place after في and
 * a word for a state of affairs (الوضع، الأوضاع، الأزمة، التطورات، المستجدات، السلام، الأمن،
 * الاستقرار، الحرب، النزاع، الصراع، الملف) is what talks, agreements or statements are
 * about, not where they happen. */
static int topic_place(const ev_ctx *c, const ev_cand *k, const rasid_mention *m)
{
    if (k->ty != EV_T_CONSULT && k->ty != EV_T_AGREE && k->ty != EV_T_COOPERATE && k->ty != EV_T_SUPPORT &&
        k->ty != EV_T_REQUEST && k->ty != EV_T_ACCUSE && k->ty != EV_T_REJECT)
        return 0;
    size_t b = m->tok_begin;
    if (b < 2 || c->t[b - 1].sent != m->sent) return 0;
    const rasid_token *fi = &c->t[b - 1];
    if (!(fi->nlen == 4 && !memcmp(fi->norm, "\xD9\x81\xD9\x8A", 4))) return 0; /* في */
    static const char *const topics[] = {
        "\xD9\x88\xD8\xB6\xD8\xB9",                                 /* وضع */
        "\xD8\xA7\xD9\x88\xD8\xB6\xD8\xA7\xD8\xB9",             /* اوضاع */
        "\xD8\xA7\xD8\xB2\xD9\x85\xD9\x87",                       /* ازمه */
        "\xD8\xAA\xD8\xB7\xD9\x88\xD8\xB1\xD8\xA7\xD8\xAA",   /* تطورات */
        "\xD9\x85\xD8\xB3\xD8\xAA\xD8\xAC\xD8\xAF\xD8\xA7\xD8\xAA", /* مستجدات */
        "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85",                       /* سلام */
        "\xD8\xA7\xD9\x85\xD9\x86",                                 /* امن */
        "\xD8\xA7\xD8\xB3\xD8\xAA\xD9\x82\xD8\xB1\xD8\xA7\xD8\xB1", /* استقرار */
        "\xD8\xAD\xD8\xB1\xD8\xA8",                                 /* حرب */
        "\xD9\x86\xD8\xB2\xD8\xA7\xD8\xB9",                       /* نزاع */
        "\xD8\xB5\xD8\xB1\xD8\xA7\xD8\xB9",                       /* صراع */
        "\xD9\x85\xD9\x84\xD9\x81",                                 /* ملف */
    };
    /* the word right before في, or before an adjective of it ("الوضع الأمني في") */
    for (size_t back = 2; back <= 3 && b >= back; back++) {
        const rasid_token *t = &c->t[b - back];
        if (t->sent != m->sent || t->kind != RASID_TOK_ARABIC) return 0;
        for (uint16_t r = 0; r < t->nreadings; r++) {
            const char *st = r ? t->readings[r].stem : t->norm;
            if (!st) continue;
            for (size_t i = 0; i < sizeof topics / sizeof *topics; i++)
                if (rasid__streq(st, topics[i])) return 1;
        }
    }
    return 0;
}

static int place_ok(const ev_ctx *c, const ev_cand *k, const rasid_mention *m)
{
    if (m->kind != RASID_M_PLACE) return 0;
    if (dateline_place(c, m)) return 0;
    if (topic_place(c, k, m)) return 0;
    /* "قوات شرق ليبيا": a place right after a force names whose force it is */
    if (m->tok_begin > 0) {
        int a = c->mention_at[m->tok_begin - 1];
        /* (but "إرهابيين بولاية تيبازة": ب says where, no genitive; and "سكان مدينة النعمة":
         * civilians of a town live there, where what befalls them or what they do happens;
         * and a name ending in the article heads no construct: "هاجمت حركة العدل والمساواة
         * مدينة الفاشر", the town is the object) */
        if (a >= 0 && c->ms[a].kind == RASID_M_ACTOR && c->ms[a].tok_end == m->tok_begin && c->ms[a].sent == m->sent &&
            construct_head(c, &c->ms[a]) &&
            prep_letter(c, (int)(m - c->ms)) != 'b' && !(c->ms[a].sector && rasid__streq(c->ms[a].sector, "CVL")))
            return 0;
    }
    /* the country of a title ("سفير الولايات المتحدة فلان", "رئيس المرحلة الانتقالية في
     * بوركينا فاسو") is not where it happens */
    if (title_qualifier(c, (int)(m - c->ms)) >= 0 || office_country(c, (int)(m - c->ms)) >= 0) return 0;
    /* "وهو ائتلاف ... ويتمركز في شمالي مالي": where a group is based is not where it struck
     * (a cell that is active in a town is dismantled there) */
    for (size_t back = 1; back <= 3 && m->tok_begin >= back && k->ty != EV_T_COERCE && rasid__lex_cue_in_doc(c->doc, CUE_BASE);
         back++) {
        size_t q = m->tok_begin - back;
        if (c->t[q].sent != m->sent) break;
        if (ev_cue(c, q, CUE_BASE)) return 0;
    }
    /* "شحنة أسلحة كانت متجهة إلى مالي": where something was heading is not where it happened
     * (a deployment's destination is its place: the rule leaves MOBILIZE alone) */
    if (k->ty != EV_T_MOBILIZE && m->tok_begin >= 2 && c->t[m->tok_begin - 2].sent == m->sent &&
        ev_cue(c, m->tok_begin - 1, CUE_TO)) {
        const rasid_token *h = &c->t[m->tok_begin - 2];
        if (h->nlen >= 8 && (!memcmp(h->norm, "\xD9\x85\xD8\xAA\xD8\xAC\xD9\x87", 8) ||                    /* متجه */
                             (h->nlen >= 10 && !memcmp(h->norm, "\xD9\x85\xD8\xAA\xD9\x88\xD8\xAC\xD9\x87", 10)))) /* متوجه */
            return 0;
    }
    /* "في مدينة جدة السعودية": a country right after one of its towns qualifies the town */
    if (m->precision == RASID_P_COUNTRY && m->tok_begin > 0 && m->country) {
        int a = c->mention_at[m->tok_begin - 1];
        if (a >= 0 && c->ms[a].kind == RASID_M_PLACE && c->ms[a].tok_end == m->tok_begin && c->ms[a].sent == m->sent &&
            c->ms[a].precision < RASID_P_COUNTRY && c->ms[a].country && !strcmp(c->ms[a].country, m->country))
            return 0;
    }
    /* "قرب الحدود مع مالي": the country across the border is never where it happened */
    size_t b = m->tok_begin;
    if (m->precision == RASID_P_COUNTRY && b > 1 && ev_cue(c, b - 2, CUE_BORDER) == 2) return 0;
    /* "انسحب من إيكواس مع مالي والنيجر": a country one acts with is a partner, not a place */
    if (m->precision == RASID_P_COUNTRY) {
        size_t q = country_list_head(c, (int)(m - c->ms)); /* back over the list "مع مالي والنيجر" */
        if (q > 0 && c->t[q - 1].sent == m->sent && ev_cue(c, q - 1, CUE_WITH)) return 0;
    }
    /* a country that is a party of the event is not its place unless nothing else is */
    for (size_t i = 0; i < k->nactor; i++)
        if (k->actor[i].start == m->start) return 0;
    for (size_t i = 0; i < k->nrecipient; i++)
        if (k->recipient[i].start == m->start && !(k->mode && rasid__streq(k->mode, "visit"))) return 0;
    return 1;
}

/* A place named as an origin ("من قاعدة طبرق") or as a reference point for a distance
 * ("على بعد 150 كلم جنوب غرب العاصمة", "القريبة من حدود الكاميرون") is not where the
 * event happened. */
static int reference_point(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    size_t b = x->tok_begin;
    if (b > 0 && c->t[b - 1].sent == x->sent && ev_cue(c, b - 1, CUE_ORIGIN)) return 1;
    if (b > 1 && c->t[b - 2].sent == x->sent && ev_cue(c, b - 2, CUE_ORIGIN) == 2) return 1;
    /* "متجهة من السنغال إلى العاصمة": the end of a journey from an origin is no place of
     * the event either */
    if (b > 1 && c->t[b - 1].nlen == 6 && !memcmp(c->t[b - 1].norm, "\xD8\xA7\xD9\x84\xD9\x8A", 6) && /* الي (إلى) */
        c->mention_at[b - 2] >= 0 && c->ms[c->mention_at[b - 2]].kind == RASID_M_PLACE &&
        c->ms[c->mention_at[b - 2]].tok_end == b - 1 && c->mention_at[b - 2] != m && reference_point(c, c->mention_at[b - 2]))
        return 1;
    /* "قرب الحدود مع مالي": the country across the border is a landmark */
    if (b > 1 && c->t[b - 2].sent == x->sent && ev_cue(c, b - 2, CUE_BORDER) == 2) return 1;
    if (b > 0 && ev_cue(c, b - 1, CUE_BORDER) == 1 && x->precision == RASID_P_COUNTRY) return 1;
    /* "من قاعدة طبرق": the origin cue before a generic place noun */
    /* (not the من of nearness: "قرية قريبة من مدينة فادا نغورما") */
    if (b > 1 && c->t[b - 2].sent == x->sent && ev_cue(c, b - 1, CUE_PLACENOUN) &&
        (ev_cue(c, b - 2, CUE_ORIGIN) || ev_cue(c, b - 2, CUE_FROM)) && !(b > 2 && ev_cue(c, b - 3, CUE_LOCATIVE) == 2))
        return 1;
    /* "منطقة عين زارة جنوب العاصمة طرابلس": a place after a direction from another place
     * locates that one */
    {
        static const char *const dirs[] = {"\xD8\xAC\xD9\x86\xD9\x88\xD8\xA8", "\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84", /* جنوب شمال */
                                           "\xD8\xB4\xD8\xB1\xD9\x82", "\xD8\xBA\xD8\xB1\xD8\xA8",                         /* شرق غرب */
                                           "\xD8\xAC\xD9\x86\xD9\x88\xD8\xA8\xD9\x8A", "\xD8\xB4\xD9\x85\xD8\xA7\xD9\x84\xD9\x8A", /* جنوبي شمالي */
                                           "\xD8\xB4\xD8\xB1\xD9\x82\xD9\x8A", "\xD8\xBA\xD8\xB1\xD8\xA8\xD9\x8A"};                  /* شرقي غربي */
        size_t q = b;
        if (q > 0 && c->t[q - 1].sent == x->sent && c->mention_at[q - 1] < 0 &&
            (ev_cue(c, q - 1, CUE_PLACENOUN) || ev_cue(c, q - 1, CUE_CAPITAL)))
            q--;
        /* (not one a relative clause goes on to tell of: "غربي بلدة جوزا التي كانت معقلا
         * للجماعة إلى أن شنت القوات هجوما") */
        int told = x->tok_end < c->n && c->t[x->tok_end].sent == x->sent && ev_cue(c, x->tok_end, CUE_RELATIVE);
        if (!told && q > 1 && c->t[q - 1].sent == x->sent && word_is(&c->t[q - 1], dirs, sizeof dirs / sizeof *dirs)) {
            int p = c->mention_at[q - 2];
            if (p >= 0 && p != m && c->ms[p].kind == RASID_M_PLACE && c->ms[p].sent == x->sent && c->ms[p].tok_end == q - 1)
                return 1;
        }
    }
    const rasid_token *t = &c->t[b];
    if (x->start > t->start) { /* من as a proclitic is not one; a written token is */ }
    for (size_t back = 1; back <= 5 && b >= back; back++) {
        int q = c->mention_at[b - back];
        if (c->t[b - back].sent != x->sent) break;
        if (q >= 0 && c->ms[q].kind == RASID_M_NUMBER && c->ms[q].noun && rasid__streq(c->ms[q].noun, "distance")) return 1;
        if (q >= 0 && c->ms[q].kind != RASID_M_NUMBER) break;
    }
    return 0;
}


/* "قضت المحكمة على المتهم بالسجن، وقضى الرئيس ليلته في نيامي": a place in the clause of
 * another event of another kind in the sentence is that event's place, not k's (found
 * when k's own clause names none). */
static int other_event_place(const ev_ctx *c, const ev_cand *k, int m)
{
    size_t kb, ke, q = c->ms[m].tok_begin;
    clause_of(c, k->ttok, &kb, &ke);
    if (q >= kb && q < ke) return 0;
    const ev_cand *p, *pe;
    ev_sentence_cands(c, k, &p, &pe);
    for (; p < pe; p++) {
        if (p == k || p->sent != k->sent || ev_same_type(p, k)) continue;
        size_t pb, pq;
        clause_of(c, p->ttok, &pb, &pq);
        if (pb == kb) continue; /* one clause */
        if (q < pb || q >= pq) continue;
        /* (a subject shared by coordinated verbs, "المجلس العسكري في النيجر طرد ... وانسحب",
         * brings its place to both) */
        int shared = 0;
        for (size_t i = 0; i < k->nactor; i++)
            if (k->actor[i].start >= c->t[pb].start && k->actor[i].start < c->t[pq - 1].end) shared = 1;
        if (!shared) return 1;
    }
    return 0;
}

/* "استدعت سفير مالي في نواكشوط للاحتجاج على مقتل سبعة مواطنين": a place before k's
 * trigger and after the trigger of an event of another kind is that event's. */
static int place_of_trigger_before(const ev_ctx *c, const ev_cand *k, int m)
{
    /* (a verbal noun inside the other event's clause; verbs of their own, "وهاجموا ...
     * واعتقلوا", share the place told before them) */
    if (k->pos != 'N' && k->pos != 'K') return 0;
    const rasid_token *tt = &c->t[k->ttok];
    if (k->tread > 0 && k->tread < tt->nreadings && (ev_starts(tt->readings[k->tread].pro, "\xD9\x88") ||
                                                     ev_starts(tt->readings[k->tread].pro, "\xD9\x81")))
        return 0;
    size_t q = c->ms[m].tok_begin;
    const ev_cand *p, *pe;
    ev_sentence_cands(c, k, &p, &pe);
    for (; p < pe; p++)
        if (p != k && p->sent == k->sent && p->pos == 'V' && p->ttok + p->tntok <= q && q < k->ttok && p->type &&
            k->type && !ev_same_type(p, k))
            return 1;
    return 0;
}

static int find_place_pass(const ev_ctx *c, const ev_cand *k, size_t b, size_t e, int strict)
{
    int best = -1;
    /* after the trigger in the clause, the first; then before it, the nearest */
    /* (forwards, only the tokens a place begins at: place_tok, as in find_date) */
    size_t j = c->place_tok ? first_start(c->place_tok, c->nplace_tok, k->ttok + k->tntok) : 0;
    for (size_t i = k->ttok + k->tntok; i < e; i++) {
        if (c->place_tok) {
            if (j >= c->nplace_tok || c->place_tok[j] >= e) break;
            i = c->place_tok[j++];
        }
        int m = c->mention_at[i];
        if (m >= 0 && c->ms[m].tok_begin == i && place_ok(c, k, &c->ms[m]) && !(strict && reference_point(c, m)) &&
            !other_event_place(c, k, m) && !across_relative(c, k, i, 1)) {
            if (best < 0 || (c->ms[best].precision == RASID_P_COUNTRY && c->ms[m].precision < RASID_P_COUNTRY &&
                             c->ms[m].precision >= RASID_P_SITE))
                best = m;
            if (c->ms[best].precision != RASID_P_COUNTRY && c->ms[best].precision != RASID_P_REGION) break;
        }
    }
    if (best >= 0) return best;
    for (size_t i = k->ttok; i > b; i--) {
        int m = c->mention_at[i - 1];
        if (m >= 0 && place_ok(c, k, &c->ms[m]) && !(strict && reference_point(c, m)) && !other_event_place(c, k, m) &&
            !place_of_trigger_before(c, k, m) && !across_relative(c, k, c->ms[m].tok_begin, 1))
            return m;
    }
    return -1;
}

/* "وصلت التعزيزات إلى بلدة بوني ... وقتل مسلحون ثلاثة مدنيين في البلدة": a definite town
 * noun (cue class townref) with no name of its own in the clause [b, e) refers back to the
 * town, city or village named last before it, in its sentence or the one before. */
static int town_reference(const ev_ctx *c, const ev_cand *k, size_t b, size_t e)
{
    if (!c->ms_sorted) return -1;
    for (size_t q = b; q < e; q++) {
        if (!ev_cue(c, q, CUE_TOWNREF)) continue;
        const rasid_token *t = &c->t[q];
        int def = t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4);
        for (uint16_t r = 1; r < t->nreadings && !def; r++) def = t->readings[r].article;
        if (!def || c->mention_at[q] >= 0) continue;
        /* (a name or a nationality after it is its own: "المدينة المالية", "القرية X") */
        int nx = q + 1 < c->n && c->t[q + 1].sent == t->sent ? c->mention_at[q + 1] : -1;
        if (nx >= 0 && (c->ms[nx].kind == RASID_M_PLACE || c->ms[nx].kind == RASID_M_NISBA)) continue;
        /* the noun without its article: "قرية" for "القرية" */
        const char *noun = NULL;
        for (uint16_t r = 1; r < t->nreadings && !noun; r++)
            if (t->readings[r].article && !t->readings[r].pro[0]) noun = t->readings[r].stem;
        if (!noun && t->nlen > 4) noun = t->norm + 4;
        /* the last town named before it, and better the last one the same noun introduced
         * ("في قرية مالاري القريبة من كوندوغا ... هاجموا القرية": Malari) */
        int last = -1;
        size_t mi = ev_mention_at_byte(c, t->start);
        for (size_t seen = 0; mi > 0 && seen < 48; seen++) {
            const rasid_mention *x = &c->ms[--mi];
            if (x->sent + 1 < t->sent) break;
            if (x->kind != RASID_M_PLACE) continue;
            if (x->precision != RASID_P_CITY && x->precision != RASID_P_SITE && x->precision != RASID_P_ADMIN2) continue;
            /* (a landmark, "القريبة من مدينة X", is the antecedent only when its noun is the same) */
            if (last < 0 && !reference_point(c, (int)mi)) last = (int)mi;
            const rasid_token *pt = x->tok_begin > 0 ? &c->t[x->tok_begin - 1] : NULL;
            for (uint16_t r = 0; pt && noun && pt->sent == x->sent && r < pt->nreadings; r++)
                if (!pt->readings[r].article && !strcmp(pt->readings[r].stem, noun)) return (int)mi;
        }
        return last;
    }
    return -1;
}

/* "باماكو، الأحد 14 مايو 2023 - قتل ...": the dateline dates the report, not the event. */
static int is_dateline(const ev_ctx *c, int m)
{
    const rasid_mention *x = &c->ms[m];
    if (x->start > 400) return 0;
    const char *pub = rasid_doc_published(c->doc);
    if (c->doc->published_from_dateline && pub && !strcmp(x->value, pub)) return 1;
    size_t q = x->tok_end;
    while (q < c->n && c->t[q].kind == RASID_TOK_NUMBER) q++; /* a time: "12:28" */
    if (q < c->n && c->t[q].kind == RASID_TOK_PUNCT && c->t[q].sent == x->sent) {
        const char *p = c->t[q].norm;
        if (rasid__streq(p, "-") || rasid__streq(p, "\xE2\x80\x93") || rasid__streq(p, "\xE2\x80\x94")) return 1;
    }
    return 0;
}

/* The end of a result clause ("، ما أسفر عن ...", "، مما أدى إلى ...") right after
 * clause end e of sentence s, or e when none follows. */
static size_t result_clause_end(const ev_ctx *c, size_t e, const rasid_sentence *s)
{
    size_t q = e;
    if (q < s->tok_end && is_comma(&c->t[q])) q++;
    if (q < s->tok_end) {
        const rasid_token *t = &c->t[q];
        int ma = t->nlen == 4 && !memcmp(t->norm, "\xD9\x85\xD8\xA7", 4);                  /* ما */
        int mimma = t->nlen == 6 && !memcmp(t->norm, "\xD9\x85\xD9\x85\xD8\xA7", 6);     /* مما */
        if (ma || mimma) q++;
    }
    if (q >= s->tok_end || !ev_cue(c, q, CUE_RESULT)) return e;
    while (q < s->tok_end && !is_punct(&c->t[q])) q++;
    return q;
}

/* Is token i (a date after k's trigger) right after the verb of another event between? */
static int date_of_later_verb(const ev_ctx *c, const ev_cand *k, size_t i)
{
    const ev_cand *p, *pe;
    ev_sentence_cands(c, k, &p, &pe);
    for (; p < pe; p++)
        if (p != k && p->sent == k->sent && p->pos == 'V' && p->ttok > k->ttok + k->tntok - 1 && p->ttok + p->tntok <= i &&
            p->ttok + p->tntok + 1 >= i)
            return 1;
    return 0;
}

static int find_date(const ev_ctx *c, const ev_cand *k, size_t b, size_t e)
{
    int best = -1;
    size_t bestd = SIZE_MAX;
    /* Asked about 30 times per article of a clause of some 20 tokens, a date beginning at
     * few of them: with the document's list of those tokens (date_tok), only they are
     * visited, in token order as the scan of every token would meet them. */
    size_t j = c->date_tok ? first_start(c->date_tok, c->ndate_tok, b) : 0;
    for (size_t i = b; i < e; i++) {
        if (c->date_tok) {
            if (j >= c->ndate_tok || c->date_tok[j] >= e) break;
            i = c->date_tok[j++];
        }
        int m = c->mention_at[i];
        if (m < 0 || c->ms[m].kind != RASID_M_DATE || c->ms[m].tok_begin != i || !c->ms[m].value[0]) continue;
        if (is_dateline(c, m)) continue;
        if (across_relative(c, k, i, 0)) continue;
        /* "أطلق سراح صحفي كان مختطفا منذ عامين": when the captivity began, not the release */
        if (captivity_since(c, i, b)) continue;
        /* "قالت البعثة الخميس إن ...": the date of the statement, not of the event */
        int of_report = 0;
        for (size_t back = 1; back <= 5 && i >= back && i - back >= b; back++)
            if (ev_cue(c, i - back, CUE_REPORT) && (k->ttok < i - back || k->ttok >= i + 3)) of_report = 1;
        if (of_report && !(k->ttok > i - 3 && k->ttok < i + 3)) continue;
        /* "خططت لمهاجمة القصر يوم 28 سبتمبر": the day of a plan told in another clause is
         * not the day of this event */
        {
            size_t db, de;
            clause_of(c, i, &db, &de);
            int planned = 0;
            for (size_t q = db; q < i && !planned; q++) planned = ev_cue(c, q, CUE_PLAN) != 0;
            if (planned && (k->ttok < db || k->ttok >= de)) continue;
        }
        /* "أطلقت سراح 27 تلميذا اختطفتهم الشهر الماضي": a date right after a later verb of
         * the sentence is that verb's; not "then" (آنذاك), the time of the whole account
         * ("وقتل مئات الأشخاص ودمر آنذاك قسم كبير من المدينة") */
        if (i > k->ttok && !ev_then_date(&c->ms[m]) && date_of_later_verb(c, k, i)) continue;
        size_t d = i > k->ttok ? i - k->ttok : k->ttok - i;
        if (d < bestd) { bestd = d; best = m; }
    }
    return best;
}

/* ------------------------------------------------------------------ modality */
/* The first and the last day of date value v (a day, a month or a year), in days since
 * the epoch. Both at once: modality_of asks for both of the same date, and a full day's
 * value (nearly all of them) has them equal. */
static void value_days(const char *v, long *first, long *last)
{
    size_t l = strlen(v);
    int y = rasid__atoi(v);
    if (l >= 10) {
        *first = *last = rasid__days_from_civil(y, rasid__atoi(v + 5), rasid__atoi(v + 8));
        return;
    }
    int m0 = l >= 7 ? rasid__atoi(v + 5) : 1, m1 = l >= 7 ? m0 : 12;
    *first = rasid__days_from_civil(y, m0, 1);
    *last = rasid__days_from_civil(y, m1, 28);
}

/* "بعد أسبوع من كمين", "بعد يومين على هجوم": an event noun after بعد, a span and من or
 * على, an earlier event the sentence dates another by. */
static int dated_by(const ev_ctx *c, const ev_cand *k, size_t b)
{
    if (k->ttok < b + 2) return 0;
    const rasid_token *p = &c->t[k->ttok - 1];
    int min = ev_is_min(p);         /* من */
    int ala = p->nlen == 6 && !memcmp(p->norm, "\xD8\xB9\xD9\x84\xD9\x8A", 6); /* علي (على) */
    if (!min && !ala) return 0;
    for (size_t q = k->ttok - 1; q-- > b && q + 5 >= k->ttok;) {
        const rasid_token *t = &c->t[q];
        if (t->nlen == 6 && !memcmp(t->norm, "\xD8\xA8\xD8\xB9\xD8\xAF", 6)) return 1; /* بعد */
    }
    return 0;
}

/* A verb of denial: نفى، نفت، ينفي، تنفي، نفوا، أنكر، أنكرت (with و or ف before it or not);
 * not the other negation words ("طلب عدم الكشف عن هويته إن ..." denies nothing). */
static int denial_verb(const rasid_token *t)
{
    static const char *const forms[] = {"\xD9\x86\xD9\x81\xD9\x8A",                 /* نفي (نفى) */
                                        "\xD9\x86\xD9\x81\xD8\xAA",                 /* نفت */
                                        "\xD9\x8A\xD9\x86\xD9\x81\xD9\x8A",       /* ينفي */
                                        "\xD8\xAA\xD9\x86\xD9\x81\xD9\x8A",       /* تنفي */
                                        "\xD9\x86\xD9\x81\xD9\x88\xD8\xA7",       /* نفوا */
                                        "\xD8\xA7\xD9\x86\xD9\x83\xD8\xB1",       /* انكر */
                                        "\xD8\xA7\xD9\x86\xD9\x83\xD8\xB1\xD8\xAA"}; /* انكرت */
    return word_is(t, forms, sizeof forms / sizeof *forms);
}

/* Is token i part of a place, an actor or a person named? */
static int named_token(const ev_ctx *c, size_t i)
{
    int m = c->mention_at[i];
    if (m < 0) return 0;
    int kd = c->ms[m].kind;
    return kd == RASID_M_PLACE || kd == RASID_M_ACTOR || kd == RASID_M_PERSON;
}

/* Does a stem open like an imperfect verb (ي ت ن)? */
static int imperfect_stem(const char *st)
{
    return ev_starts(st, "\xD9\x8A") || ev_starts(st, "\xD8\xAA") || ev_starts(st, "\xD9\x86");
}

/* "ويأتي الحادث بعد أسابيع من مقتل ستة موريتانيين": an event that dates the news by
 * weeks, months or years before it is background. */
static int weeks_before(const ev_ctx *c, const ev_cand *k, size_t b)
{
    static const char *const spans[] = {
        "\xD8\xA7\xD8\xB3\xD8\xA8\xD9\x88\xD8\xB9",                 /* اسبوع */
        "\xD8\xA7\xD8\xB3\xD8\xA8\xD9\x88\xD8\xB9\xD9\x8A\xD9\x86", /* اسبوعين */
        "\xD8\xA7\xD8\xB3\xD8\xA7\xD8\xA8\xD9\x8A\xD8\xB9",         /* اسابيع */
        "\xD8\xB4\xD9\x87\xD8\xB1",                                   /* شهر */
        "\xD8\xB4\xD9\x87\xD8\xB1\xD9\x8A\xD9\x86",                 /* شهرين */
        "\xD8\xA7\xD8\xB4\xD9\x87\xD8\xB1",                         /* اشهر */
        "\xD8\xB4\xD9\x87\xD9\x88\xD8\xB1",                         /* شهور */
        "\xD8\xB9\xD8\xA7\xD9\x85",                                   /* عام */
        "\xD8\xB9\xD8\xA7\xD9\x85\xD9\x8A\xD9\x86",                 /* عامين */
        "\xD8\xA7\xD8\xB9\xD9\x88\xD8\xA7\xD9\x85",                 /* اعوام */
        "\xD8\xB3\xD9\x86\xD9\x87",                                   /* سنه */
        "\xD8\xB3\xD9\x86\xD8\xAA\xD9\x8A\xD9\x86",                 /* سنتين */
        "\xD8\xB3\xD9\x86\xD9\x88\xD8\xA7\xD8\xAA"};                /* سنوات */
    if (!dated_by(c, k, b)) return 0;
    for (size_t q = k->ttok - 1; q-- > b && q + 5 >= k->ttok;) {
        const rasid_token *t = &c->t[q];
        if (t->nlen == 6 && !memcmp(t->norm, "\xD8\xA8\xD8\xB9\xD8\xAF", 6)) return 0; /* بعد, with no span after it */
        if (word_is(t, spans, sizeof spans / sizeof *spans)) return 1;
    }
    return 0;
}

/* Is the trigger at t the object of a verb of foiling (أحبط، أفشل) with its subject, one or
 * more names, between them ("أحبطت قوات الأمن النيجرية هجوما")? */
static int foiled_past_subject(const ev_ctx *c, size_t t, size_t b)
{
    if (!rasid__lex_cue_in_doc(c->doc, CUE_FOIL)) return 0; /* (no word of foiling in the document) */
    for (size_t back = 2; back <= 8 && t >= back && t - back >= b; back++) {
        int foil = ev_cue(c, t - back, CUE_FOIL);
        if (!foil || c->mention_at[t - back] >= 0) continue;
        size_t q = t - back + (size_t)foil;
        while (q < t) {
            int m = c->mention_at[q];
            if (m < 0 || c->ms[m].tok_begin != q ||
                (c->ms[m].kind != RASID_M_ACTOR && c->ms[m].kind != RASID_M_NISBA && c->ms[m].kind != RASID_M_PERSON))
                break;
            q = c->ms[m].tok_end;
        }
        return q == t;
    }
    return 0;
}

static const char *modality_of(ev_ctx *c, ev_cand *k, size_t b)
{
    size_t t = k->ttok;
    /* (a trigger joined by و to what comes before it is outside a negation of that:
     * "إحباط محاولة انقلابية واعتقال ضباط" foiled the coup, the arrests happened) */
    int joined = 0;
    if (k->tread > 0 && k->tread < c->t[t].nreadings) {
        const char *pro = c->t[t].readings[k->tread].pro;
        joined = ev_starts(pro, "\xD9\x88") || ev_starts(pro, "\xD9\x81"); /* و ف */
    }
    /* (a negation ending at most two words before the trigger: "لم", "دون أن تظهر بوادر
     * قصف"; not a word of a name: "منظمة أطباء بلا حدود في هجوم" negates no attack) */
    int negs = rasid__lex_cue_in_doc(c->doc, CUE_NEGATION); /* (no negation in the document: no scan for one) */
    for (size_t back = 1; negs && !joined && back <= 5 && t >= back && t - back >= b; back++) {
        int neg = ev_cue(c, t - back, CUE_NEGATION);
        if (neg && back <= (size_t)neg + 2 && c->mention_at[t - back] < 0) return "negated";
    }
    /* "أحبطت قوات الأمن النيجرية هجوما انتحاريا": a verb of foiling, its subject between it
     * and the attack foiled */
    if (!joined && foiled_past_subject(c, t, b)) return "negated";
    /* "أحبطت الشرطة هجوما كان يستهدف مسجدا": what the foiled attack was to strike (كان and
     * an imperfect right after it) did not happen either */
    if (t >= 2 && c->t[t - 1].sent == k->sent && c->t[t].nlen >= 6 &&
        (c->t[t].norm[0] == '\xD9' && c->t[t].norm[1] == '\x8A') && /* ي */
        (rasid__streq(c->t[t - 1].norm, "\xD9\x83\xD8\xA7\xD9\x86") ||              /* كان */
         rasid__streq(c->t[t - 1].norm, "\xD9\x83\xD8\xA7\xD9\x86\xD8\xAA"))) {   /* كانت */
        const ev_cand *p, *pe;
        ev_sentence_cands(c, k, &p, &pe);
        for (; p < pe; p++)
            if (p != k && p->sent == k->sent && p->ttok + p->tntok + 3 >= t - 1 && p->ttok < t && p->modality &&
                rasid__streq(p->modality, "negated"))
                return "negated";
    }
    /* "نفى الجيش مقتل مدنيين في غارة جوية": the event after في, a few words past a denied
     * one, is the circumstance denied with it */
    if (t > b && c->t[t - 1].nlen == 4 && !memcmp(c->t[t - 1].norm, "\xD9\x81\xD9\x8A", 4)) { /* في */
        const ev_cand *p, *pe;
        ev_sentence_cands(c, k, &p, &pe);
        for (; p < pe; p++)
            if (p != k && p->sent == k->sent && p->ttok < t && p->ttok >= b && p->ttok + p->tntok + 4 >= t && p->modality &&
                rasid__streq(p->modality, "negated"))
                return "negated";
    }
    /* "نفى الجيش أن يكون قد قصف سوقا", "نفت الجماعة أن تكون عناصرها هاجمت": a verb of denial
     * (a negation word of three letters or more), its subject, then أن and the event denied */
    /* "يخشى السكان أن تشن قوات الدعم السريع هجوما": what is feared or deemed possible, told
     * by أن and an imperfect verb, has not happened */
    /* (both rules read the words back from the trigger to the clause's end, the denial up
     * to ten, the fear up to twelve: in one pass, the denial answering first) */
    /* (both need an أن of the sentence: none in it, nothing to read) */
    const ev_sentinfo *si = c->sinfo && c->sinfo[k->sent].known ? &c->sinfo[k->sent] : NULL;
    if (!si || si->an) {
        int an = 0, feared = 0, fear_done = 0;
        for (size_t back = 1; back <= 12 && t >= back; back++) {
            size_t q = t - back;
            const rasid_token *x = &c->t[q];
            if (x->sent != k->sent || (is_punct(x) && !is_comma(x))) break;
            int is_an = x->nlen == 4 && !memcmp(x->norm, "\xD8\xA7\xD9\x86", 4); /* ان (أن) */
            if (back <= 10) {
                if (is_an) an = 1;
                else if (an && ev_cue(c, q, CUE_NEGATION) == 1 && denial_verb(x)) return "negated";
            }
            if (!fear_done && is_an && t >= back + 1) {
                const rasid_token *v = &c->t[q + 1];
                if ((v->nlen >= 6 && v->norm[0] == '\xD9' && v->norm[1] == '\x8A') ||
                    (v->nlen >= 6 && v->norm[0] == '\xD8' && v->norm[1] == '\xAA') || q + 1 == t) { /* ي ت */
                    fear_done = 1;
                    for (size_t bk = 1; bk <= 4 && q >= bk; bk++) {
                        if (c->t[q - bk].sent != k->sent) break;
                        if (ev_cue(c, q - bk, CUE_HYPOTHETICAL)) { feared = 1; break; }
                    }
                }
            }
            if (fear_done && back >= 10) break;
        }
        if (feared) return "hypothetical";
    }
    /* "سيتدهور الوضع إذا انسحبت القوات": a condition right before the trigger makes it
     * hypothetical, whatever future the clause tells */
    for (size_t back = 1; back <= 2 && t >= back && t - back >= b; back++)
        if (ev_cue(c, t - back, CUE_HYPOTHETICAL)) return "hypothetical";
    /* future: a س proclitic on the trigger verb, or a future cue before it in the clause */
    const rasid_token *tt = &c->t[t];
    if (k->tread < tt->nreadings && k->tread > 0) {
        const char *pro = tt->readings[k->tread].pro;
        if (ev_has2(pro, "\xD8\xB3")) return "future";
    }
    /* (a name is no future cue: the town سيغو is not س + يغو) */
    int fut = rasid__lex_cue_in_doc(c->doc, CUE_FUTURE); /* (no future cue: no scan for one) */
    for (size_t i = b; i < t && fut; i++)
        if (ev_cue(c, i, CUE_FUTURE) && !named_token(c, i)) return "future";
    /* "ستعقد جولة محادثات": a future verb right before the event noun */
    /* (the future س comes on an imperfect, its stem opening with ي ت ن: "ستعقد", not
     * "سابق", "previous", read as س + ابق) */
    for (size_t back = 1; back <= 2 && t >= back + b; back++) {
        const rasid_token *v = &c->t[t - back];
        if (named_token(c, t - back)) continue;
        for (uint16_t r = 1; r < v->nreadings; r++)
            if (ev_has2(v->readings[r].pro, "\xD8\xB3") && strlen(v->readings[r].stem) >= 6 && imperfect_stem(v->readings[r].stem))
                return "future";
    }
    for (size_t i = t + k->tntok; fut && i < t + k->tntok + 6 && i < c->n && c->t[i].sent == k->sent; i++)
        if (ev_cue(c, i, CUE_FUTURE) && !ev_cue(c, i, CUE_FUNCTION) && !named_token(c, i)) return "future";
    /* "الشراكة التي ستربط البلدين": a noun whose relative clause is in the future */
    {
        size_t r = t + k->tntok;
        if (k->pos != 'V' && r + 1 < c->n && c->t[r + 1].sent == k->sent && ev_cue(c, r, CUE_RELATIVE)) {
            const rasid_token *v = &c->t[r + 1];
            for (uint16_t q = 1; q < v->nreadings; q++)
                if (rasid__streq(v->readings[q].pro, "\xD8\xB3") && strlen(v->readings[q].stem) >= 6 && imperfect_stem(v->readings[q].stem))
                    return "future";
        }
    }
    for (size_t back = 1; back <= 4 && t >= back && t - back >= b; back++) {
        if (ev_cue(c, t - back, CUE_HYPOTHETICAL)) return "hypothetical";
        /* قد + imperfect ("قد يشن") is "may"; قد + past ("قد أعلنت") is "has" */
        const rasid_token *q = &c->t[t - back];
        if (q->nlen == 4 && !memcmp(q->norm, "\xD9\x82\xD8\xAF", 4) && t - back + 1 < c->n) {
            const rasid_token *v = &c->t[t - back + 1];
            if (v->nlen >= 6 && v->norm[0] == '\xD9' &&
                (v->norm[1] == '\x8A' || v->norm[1] == '\x86') ) return "hypothetical"; /* ي ن */
            if (v->nlen >= 6 && v->norm[0] == '\xD8' && v->norm[1] == '\xAA') return "hypothetical"; /* ت */
        }
    }
    long date_first = 0, date_last = 0;
    int dated = k->date >= 0 && c->pub_days != LONG_MIN;
    if (dated) value_days(c->ms[k->date].value, &date_first, &date_last);
    if (dated && date_first > c->pub_days) return "future";
    {
        const rasid_sentence *s = sent_of(c, t);
        for (size_t i = t + k->tntok; fut && i < s->tok_end; i++) {
            if (is_punct(&c->t[i]) && c->t[i].nlen == 1 && c->t[i].norm[0] != ',') break;
            if (ev_cue(c, i, CUE_FUTURE) && !ev_cue(c, i, CUE_FUNCTION) && c->mention_at[i] >= 0 &&
                c->ms[c->mention_at[i]].kind == RASID_M_DATE)
                return "future";
        }
    }
    if (dated && c->pub_days - date_last > 45) return "historical";
    if (weeks_before(c, k, b)) return "historical";
    return "asserted";
}

/* ------------------------------------------------------------------ context */
/* A force or government named without its country ("الجيش", "الشرطة", "السلطات")
 * belongs to the country the text is about at that point: the country of the nearest
 * state actor, nationality or country mentioned before it in the document. */
static const char *context_country(const ev_ctx *c, uint32_t before_tok)
{
    if (c->ms_sorted) {
        size_t m = mentions_before(c, before_tok);
        int q = m ? c->context_upto[m - 1] : -1;
        return q >= 0 ? c->ms[q].country : NULL;
    }
    for (size_t m = c->nms; m > 0; m--) {
        const rasid_mention *x = &c->ms[m - 1];
        if (x->tok_begin < before_tok && sets_context(x) && !qualifying_nisba(c, (int)(m - 1))) return x->country;
    }
    return NULL;
}

/* The country of the place nearest to token `at` in its sentence (not a country named
 * as the other side of a border). */
static const char *sentence_country(const ev_ctx *c, uint32_t at)
{
    const char *best = NULL;
    size_t bestd = SIZE_MAX;
    uint32_t sent = c->t[at].sent;
    size_t m = 0;
    if (c->ms_sorted) { /* the first mention of the sentence */
        size_t hi = c->nms;
        while (m < hi) {
            size_t mid = m + (hi - m) / 2;
            if (c->ms[mid].sent < sent) m = mid + 1;
            else hi = mid;
        }
    }
    for (; m < c->nms; m++) {
        const rasid_mention *x = &c->ms[m];
        if (c->ms_sorted && x->sent > sent) break;
        if (x->kind != RASID_M_PLACE || x->sent != sent || !x->country || border_landmark(c, (int)m)) continue;
        /* ("اتفاق التعاون مع الولايات المتحدة": a partner after مع, no place) */
        if (x->precision == RASID_P_COUNTRY && x->tok_begin > 0 && ev_cue(c, x->tok_begin - 1, CUE_WITH)) continue;
        size_t d = x->tok_begin > at ? x->tok_begin - at : at - x->tok_begin;
        if (d < bestd) { bestd = d; best = x->country; }
    }
    return best;
}

/* The country of the latest place named before token `at` that is not a country across
 * a border: with no state or nationality named, the text is about where things happen. */
static const char *last_place_country(const ev_ctx *c, uint32_t at)
{
    for (size_t m = c->ms_sorted ? mentions_before(c, at) : 0; m > 0; m--) {
        const rasid_mention *x = &c->ms[m - 1];
        if (x->kind != RASID_M_PLACE || !x->country || border_landmark(c, (int)(m - 1))) continue;
        if (x->precision == RASID_P_REGION) continue;
        return x->country;
    }
    return NULL;
}

/* The one country of the places named in the sentence of token `at` (landmarks across a
 * border, datelines and places of origin left out); NULL when none or several. */
static const char *own_sentence_country(const ev_ctx *c, uint32_t at)
{
    const char *one = NULL;
    const rasid_sentence *s = sent_of(c, at);
    for (size_t q = s->tok_begin; q < s->tok_end; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind != RASID_M_PLACE || !x->country || border_landmark(c, m) || reference_point(c, m) || dateline_place(c, x))
            continue;
        if (x->precision == RASID_P_COUNTRY && !locative(c, m)) continue; /* a state named as a party */
        /* ("اتفاق التعاون مع الولايات المتحدة": a partner after مع, no place) */
        if (x->precision == RASID_P_COUNTRY && x->tok_begin > 0 && ev_cue(c, x->tok_begin - 1, CUE_WITH)) continue;
        if (one && strcmp(one, x->country)) return NULL;
        one = x->country;
    }
    return one;
}

/* "قتل 20 جنديا في كمين قرب تيلابيري، وفق بيان للجيش. وأضاف البيان أن الجيش رد
 * بغارات": the country of a town where something happened in the sentence before, when
 * it is named after the last state or nationality ("ألغى اتفاقا مع الولايات المتحدة"),
 * is the country the text is about; NULL otherwise. */
static const char *recent_town_country(const ev_ctx *c, uint32_t at, int past_context)
{
    if (!c->ms_sorted) return NULL;
    size_t m = mentions_before(c, at);
    int ctx = m ? c->context_upto[m - 1] : -1;
    uint32_t sent = c->t[at].sent;
    for (; m > 0; m--) {
        const rasid_mention *x = &c->ms[m - 1];
        if (x->sent + 1 < sent || (!past_context && ctx >= 0 && m - 1 <= (size_t)ctx)) break;
        if (x->kind != RASID_M_PLACE || !x->country || x->precision >= RASID_P_COUNTRY || x->precision == RASID_P_REGION) continue;
        if (border_landmark(c, (int)(m - 1)) || reference_point(c, (int)(m - 1)) || dateline_place(c, x)) continue;
        return x->country;
    }
    return NULL;
}

/* "اشتباكات بين مزارعين ورعاة": a fight between farmers and herders is communal violence
 * between two groups of one country, not civilians on one side: each side is named for
 * its group, of the country the fight is placed in ("Farmers (Mali)", "Herders (Mali)").
 * 0 when the mention is neither (1 farmers, 2 herders). */
static int farmer_or_herder(const ev_ctx *c, int m)
{
    static const char *const farmers[] = {
        "\xD9\x85\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xB9\xD9\x8A\xD9\x86",                         /* مزارعين */
        "\xD9\x85\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xB9\xD9\x88\xD9\x86",                         /* مزارعون */
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xB9\xD9\x8A\xD9\x86",             /* المزارعين */
        "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB2\xD8\xA7\xD8\xB1\xD8\xB9\xD9\x88\xD9\x86"};            /* المزارعون */
    static const char *const herders[] = {
        "\xD8\xB1\xD8\xB9\xD8\xA7\xD9\x87",                                 /* رعاه */
        "\xD8\xA7\xD9\x84\xD8\xB1\xD8\xB9\xD8\xA7\xD9\x87"};                    /* الرعاه */
    if (m < 0 || !c->ms[m].id || !rasid__streq(c->ms[m].id, "rasid:civilians")) return 0;
    const rasid_token *t = &c->t[c->ms[m].tok_begin];
    if (word_is(t, farmers, sizeof farmers / sizeof *farmers)) return 1;
    if (word_is(t, herders, sizeof herders / sizeof *herders)) return 2;
    return 0;
}

static const char *own_sentence_country(const ev_ctx *c, uint32_t at);
static const char *recent_town_country(const ev_ctx *c, uint32_t at, int past_context);
static const char *last_place_country(const ev_ctx *c, uint32_t at);

/* Names the two sides of "بين مزارعين ورعاة" (m1, then m2) on k; 0 when they are not farmers
 * and herders. */
static int communal_sides(ev_ctx *c, ev_cand *k, int m1, int m2)
{
    int a = farmer_or_herder(c, m1), b = farmer_or_herder(c, m2);
    if (!a || !b || a == b) return 0;
    const char *iso = own_sentence_country(c, k->ttok);
    if (!iso) iso = recent_town_country(c, k->ttok, 0);
    if (!iso) iso = context_country(c, k->ttok);
    if (!iso) iso = sentence_country(c, k->ttok);
    if (!iso) iso = last_place_country(c, k->ttok);
    const char *cn = iso ? country_name(c, iso) : NULL;
    int ms[2] = {m1, m2};
    for (int i = 0; i < 2; i++) {
        const rasid_mention *x = &c->ms[ms[i]];
        int farm = farmer_or_herder(c, ms[i]) == 1;
        const char *base = farm ? "Farmers" : "Herders";
        const char *name = cn ? rasid__arena_cat(&c->doc->arena, base, " (", rasid__arena_cat(&c->doc->arena, cn, ")", "")) : base;
        rasid_entity en = named_span(c, name, "group", "UAF", iso, farm ? "rasid:farmers" : "rasid:herders", x->start, x->end);
        if (i == 0) k->actor[k->nactor++] = en;
        else k->recipient[k->nrecipient++] = en;
    }
    return 1;
}

/* "أعلنت وزارة الدفاع الجزائرية أن وحدات الدفاع الجوي أسقطت": the country of the state
 * organ that speaks first in the sentence of token `at`, before it (an office, a force or
 * a ministry of one country right after a verb of words); NULL when none. */
static const char *speaker_country(const ev_ctx *c, uint32_t at)
{
    const rasid_sentence *s = sent_of(c, at);
    for (size_t q = s->tok_begin + 1; q < at && q < s->tok_begin + 6; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind != RASID_M_ACTOR || !x->country || strlen(x->country) != 3 || rasid__streq(x->country, "IMG") ||
            rasid__streq(x->country, "IGO") || !x->sector || has_prep(c, m) || !ev_cue(c, q - 1, CUE_REPORT))
            return NULL;
        if (!rasid__streq(x->sector, "MIL") && !rasid__streq(x->sector, "GOV") && !rasid__streq(x->sector, "COP")) return NULL;
        return x->country;
    }
    return NULL;
}

/* Talks, agreements and truces are often held abroad, at a venue that says nothing of the
 * parties' country. */
static int at_venue(const ev_cand *k)
{
    return k->type && (k->ty == EV_T_CONSULT || k->ty == EV_T_AGREE ||
                       (k->ty == EV_T_COOPERATE) || k->ty == EV_T_CONCEDE ||
                       (k->ty == EV_T_REJECT));
}

/* The countries of the state parties of list[0..n) that have none, from the text; of a
 * meeting or an agreement (`other`: the other side), from the rebels they face. */
static void complete_countries(ev_ctx *c, rasid_entity *list, size_t n, const rasid_entity *other, size_t nother,
                               uint32_t at)
{
    /* "محادثات في جدة بين الجيش وقوات الدعم السريع": a state's force meeting a rebel group of
     * one country is that country's (a rebellion faces its own state), wherever they meet */
    const char *rebels = NULL;
    for (size_t i = 0; i < nother && !rebels; i++)
        if (other[i].sector && rasid__streq(other[i].sector, "REB") && other[i].country && strlen(other[i].country) == 3 &&
            !rasid__streq(other[i].country, "IMG") && !rasid__streq(other[i].country, "IGO"))
            rebels = other[i].country;
    for (size_t i = 0; i < n; i++) {
        rasid_entity *e = &list[i];
        if (e->country || !e->sector) continue;
        if (!rasid__streq(e->sector, "MIL") && !rasid__streq(e->sector, "COP") && !rasid__streq(e->sector, "GOV")) continue;
        /* the country of the rebels a state's force meets; else of the state organ speaking
         * in its sentence; else of the places of its own sentence (not across a border),
         * else of the text at that point */
        const char *iso = rebels && !rasid__streq(e->sector, "GOV") ? rebels : NULL;
        if (!iso && e->start < c->t[at].start) iso = speaker_country(c, at);
        if (!iso) iso = own_sentence_country(c, at);
        if (!iso) iso = recent_town_country(c, at, 0);
        /* (police and security forces act at home: the town told just before places them
         * even past a foreign force named since, "برحيل القوات الفرنسية") */
        if (!iso && rasid__streq(e->sector, "COP")) iso = recent_town_country(c, at, 1);
        if (!iso) iso = context_country(c, at);
        if (!iso) iso = sentence_country(c, at);
        if (!iso) iso = last_place_country(c, at);
        if (!iso) continue;
        const char *cn = country_name(c, iso);
        e->country = iso;
        /* a person keeps the name: "Moussa Ag Mohamed", not "Moussa Ag Mohamed of Mali" */
        if (e->kind && rasid__streq(e->kind, "person")) continue;
        if (cn && e->name) e->name = rasid__arena_cat(&c->doc->arena, e->name, " of ", cn);
    }
}

/* "زار الرئيس X تشاد والنيجر": the visited countries are recipients and places. */

static void visit_roles(ev_ctx *c, ev_cand *k, size_t after, size_t e)
{
    e = next_trigger(c, k, e);
    for (size_t q = after; q < e; q++) {
        /* a quotation opened after the visit is someone's words, not the visit's parties
         * (quotation marks around a name, جمهورية "بنين", are not a quotation) */
        if (c->t[q].kind == RASID_TOK_PUNCT && c->t[q].nlen == 1 && c->t[q].norm[0] == '"' &&
            !(q + 1 < c->n && c->mention_at[q + 1] >= 0))
            break;
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind == RASID_M_PLACE && (title_qualifier(c, m) >= 0 || office_country(c, m) >= 0)) {
            q = x->tok_end - 1; /* the country of the visitor's title */
            continue;
        }
        if (x->kind == RASID_M_PLACE) {
            if (!k->nrecipient && x->precision == RASID_P_COUNTRY) add_party_list(c, k->recipient, &k->nrecipient, m, e);
            else if (!k->nrecipient && x->country && x->precision < RASID_P_COUNTRY) {
                /* a visit to a capital or town is a visit to that country */
                const char *cn = country_name(c, x->country);
                if (cn)
                    k->recipient[k->nrecipient++] = country_state(c, cn, x);
            }
            if (k->location < 0) k->location = m;
        } else if (is_partyish(x) && !k->nactor && !has_prep(c, m) && !(q > 0 && ev_cue(c, q - 1, CUE_PREPOSITION))) {
            add_party(c, k->actor, &k->nactor, x);
        }
        q = x->tok_end - 1;
    }
}

/* Arms or military aid arriving (the row aid_arrive_arms: "وصلت إلى مطار نيامي شحنة من
 * المساعدات العسكرية الروسية"): the nationality of the cargo, or the country it comes
 * from (من روسيا), gave it; the country of the place it reaches received it. */
static int arrival_aid(const ev_cand *k)
{
    const char *id = k->trig ? ev_field(k->trig, "id") : NULL;
    return id && rasid__streq(id, "aid_arrive_arms");
}

static void arrival_aid_roles(ev_ctx *c, ev_cand *k, size_t after, size_t e)
{
    /* (the cargo's words may be a trigger of aid: no stop at the next trigger, at most
     * twelve words) */
    if (e > after + 12) e = after + 12;
    int cargo = 0;
    for (size_t q = after; q < e; q++) {
        if (c->t[q].kind == RASID_TOK_PUNCT && !is_comma(&c->t[q])) break;
        if (ev_cue(c, q, CUE_WEAPONS) || ev_cue(c, q, CUE_AIRCRAFT) || ev_cue(c, q, CUE_DRONE)) cargo = 1;
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        const rasid_mention *x = &c->ms[m];
        int from = q > 0 && ev_is_min(&c->t[q - 1]);
        if (x->kind == RASID_M_NISBA && cargo && !k->nactor) {
            rasid_entity en;
            entity_from(c, x, &en);
            k->actor[k->nactor++] = en;
        } else if (x->kind == RASID_M_PLACE && x->precision == RASID_P_COUNTRY && from && !k->nactor) {
            add_party(c, k->actor, &k->nactor, x);
        } else if (x->kind == RASID_M_PLACE && !cargo && x->country && !k->nrecipient) {
            const char *cn = country_name(c, x->country);
            if (cn) k->recipient[k->nrecipient++] = country_state(c, cn, x);
            if (k->location < 0) k->location = m;
        }
        q = x->tok_end - 1;
    }
}

/* "تحالف أمريكي- جزائري", "المحادثات الأمريكية- الجزائرية": nationality adjectives
 * right after a two-party noun name its parties. */
static void nisba_parties(ev_ctx *c, ev_cand *k, size_t after, size_t e)
{
    size_t q = after, got = 0;
    while (q < e && q < after + 6 && got < 3) {
        int m = c->mention_at[q];
        if (m >= 0 && c->ms[m].kind == RASID_M_NISBA && c->ms[m].tok_begin == q) {
            rasid_entity en;
            entity_from(c, &c->ms[m], &en);
            if (!got) k->actor[k->nactor++] = en;
            else if (!already(k->actor, k->nactor, &en) && !already(k->recipient, k->nrecipient, &en))
                k->recipient[k->nrecipient++] = en;
            got++;
            q = c->ms[m].tok_end;
            continue;
        }
        if (list_glue(c, q)) { q++; continue; }
        break;
    }
    if (got == 1 && k->pos == 'N') { k->nactor = 0; } /* one adjective qualifies, it names no party */
}

/* "رفضت مالي الوساطة الجزائرية", "أشادت نواكشوط بالموقف السنغالي": the nationality of
 * the thing judged (a noun, then its nationality adjective) is the judgement's other side. */
static void judged_nationality(ev_ctx *c, ev_cand *k, size_t after, size_t e)
{
    if (k->nrecipient || !k->nactor || !k->type) return;
    if (k->ty != EV_T_REJECT && k->ty != EV_T_ACCUSE && k->ty != EV_T_SUPPORT) return;
    for (size_t q = after; q < e && q < after + 8; q++) {
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) {
            if (c->t[q].kind == RASID_TOK_PUNCT) return;
            continue;
        }
        const rasid_mention *x = &c->ms[m];
        if (x->kind != RASID_M_NISBA) { /* the subject, after the verb: passed over */
            q = x->tok_end - 1;
            continue;
        }
        if (q == after || c->mention_at[q - 1] >= 0 || c->t[q - 1].kind != RASID_TOK_ARABIC) return;
        rasid_entity en;
        entity_from(c, x, &en);
        if (!en.name || !x->country) return;
        for (size_t a = 0; a < k->nactor; a++)
            if (k->actor[a].country && !strcmp(k->actor[a].country, x->country)) return;
        k->recipient[k->nrecipient++] = en;
        return;
    }
}

/* "استسلم عشرات المقاتلين من بوكو حرام للجيش النيجيري": those who surrender are the
 * party after the verb (also as "من X" after the counted fighters), the side they give
 * themselves up to carries ل. */
static void surrender_parties(ev_ctx *c, ev_cand *k, size_t after, size_t e)
{
    if (!k->mode || !rasid__streq(k->mode, "disarm") || (k->nactor && k->nrecipient)) return;
    for (size_t q = after; q < e && q < after + 10; q++) {
        if (is_punct(&c->t[q])) break;
        int m = c->mention_at[q];
        if (m < 0 || c->ms[m].tok_begin != q) continue;
        if (party_ok(c, m) && c->ms[m].kind != RASID_M_PLACE) {
            if (prep_letter(c, m) == 'l') {
                if (!k->nrecipient) add_party(c, k->recipient, &k->nrecipient, &c->ms[m]);
            } else if (!k->nactor && !k->nrecipient) {
                add_party(c, k->actor, &k->nactor, &c->ms[m]);
            }
        }
        q = c->ms[m].tok_end - 1;
    }
}

/* "البلدين", "الطرفين": the two parties of the last two-party event told. */
static void both_parties(ev_ctx *c, ev_cand *k, size_t b, size_t e)
{
    /* "أن الجانبين وقعا اتفاقية", "ووقع الطرفان": the two sides are the subject, whoever
     * else the clause names (the government announcing it) */
    size_t after = k->ttok + k->tntok;
    /* (or before the verb carrying the noun: "الجانبين وقعا اتفاقية") */
    int subject = (k->ttok > b && ev_cue(c, k->ttok - 1, CUE_BOTHPARTIES)) ||
                  (k->ttok > b + 1 && ev_cue(c, k->ttok - 2, CUE_BOTHPARTIES) && c->mention_at[k->ttok - 1] < 0 &&
                   c->t[k->ttok - 1].kind == RASID_TOK_ARABIC && !ev_cue(c, k->ttok - 1, CUE_FUNCTION)) ||
                  (after < e && ev_cue(c, after, CUE_BOTHPARTIES));
    if (k->nactor && k->nrecipient && !subject) return;
    int found = subject;
    for (size_t q = b; q < e && !found && rasid__lex_cue_in_doc(c->doc, CUE_BOTHPARTIES); q++)
        found = ev_cue(c, q, CUE_BOTHPARTIES) != 0;
    if (!found) return;
    /* the latest meeting, agreement or cooperation told; else the latest event with two sides */
    const ev_cand *all = c->cands.data, *pick = NULL;
    for (const ev_cand *p = k; p > all && !pick; p--) {
        const ev_cand *x = p - 1;
        if (x->nactor && x->nrecipient &&
            (x->ty == EV_T_CONSULT || x->ty == EV_T_AGREE || x->ty == EV_T_COOPERATE))
            pick = x;
    }
    for (const ev_cand *p = k; p > all; p--) {
        const ev_cand *x = pick ? pick : p - 1;
        if (x->nactor && x->nrecipient) {
            memcpy(k->actor, x->actor, x->nactor * sizeof *x->actor);
            k->nactor = x->nactor;
            memcpy(k->recipient, x->recipient, x->nrecipient * sizeof *x->recipient);
            k->nrecipient = x->nrecipient;
            return;
        }
    }
}

static rasid_entity group_of_entity(const ev_ctx *c, const rasid_mention *m, rasid_entity en)
{
    (void)c; (void)m;
    return en;
}

/* Types of events told by words and diplomacy, where a capital stands for its state. By
 * the type's number (ev_cand.ty, set with the string): asked several times per candidate. */
static int speech_type(const ev_cand *k)
{
    switch (k->ty) {
    case EV_T_ACCUSE: case EV_T_REJECT: case EV_T_REQUEST: case EV_T_THREATEN: case EV_T_SANCTION:
    case EV_T_SUPPORT: case EV_T_CONSULT: case EV_T_AGREE: case EV_T_COOPERATE: case EV_T_AID: return 1;
    default: return 0;
    }
}

/* Is there an event noun among the three tokens before this verb? */
/* Does the trigger's token carry the conjunction و or ف ("واعتقلت")? */
/* The subject of a sentence opening with a verb (a word that is no mention, function or
 * reporting word, then a party with no preposition), if it ends before token `before`. */
static int vso_subject(const ev_ctx *c, const rasid_sentence *s, size_t before)
{
    size_t v = s->tok_begin;
    /* past a dateline: "واغادوغو - استقبل رئيس ..." */
    int d = v < c->n ? c->mention_at[v] : -1;
    if (d >= 0 && c->ms[d].kind == RASID_M_PLACE && dateline_place(c, &c->ms[d])) {
        size_t q = c->ms[d].tok_end;
        while (q < before && q < c->ms[d].tok_end + 12) {
            const rasid_token *t = &c->t[q++];
            if (t->kind == RASID_TOK_PUNCT && ((t->nlen == 1 && t->norm[0] == '-') || rasid__streq(t->norm, "\xE2\x80\x93") ||
                                               rasid__streq(t->norm, "\xE2\x80\x94")))
                break;
        }
        v = q;
    }
    /* "وفي الجنوب، أعلنت القيادة ...", "ومن جهة أخرى، أوقفت ...": a phrase opening with a
     * preposition and set off by a comma comes before the first verb */
    if (v < before && (ev_cue(c, v, CUE_PREPOSITION) || ev_cue(c, v, CUE_LOCATIVE)))
        for (size_t q = v + 1; q < before && q < v + 6; q++)
            if (is_comma(&c->t[q])) {
                v = q + 1;
                break;
            }
    if (v + 1 >= before || c->mention_at[v] >= 0 || c->t[v].kind != RASID_TOK_ARABIC || ev_cue(c, v, CUE_FUNCTION) ||
        ev_cue(c, v, CUE_REPORT) || ev_cue(c, v, CUE_EVENTNOUN))
        return -1;
    int m = c->mention_at[v + 1];
    if (m < 0 || c->ms[m].tok_begin != v + 1 || c->ms[m].tok_end > before || !party_ok(c, m) || has_prep(c, m)) return -1;
    return m;
}

/* "أنها استدعت", "إنه قتل": أن or إن with a pronoun right before the verb */
static int pronoun_subject(const ev_ctx *c, const ev_cand *k, size_t b)
{
    static const char *const anna[] = {"\xD8\xA7\xD9\x86\xD9\x87",                 /* انه */
                                       "\xD8\xA7\xD9\x86\xD9\x87\xD8\xA7",         /* انها */
                                       "\xD8\xA7\xD9\x86\xD9\x87\xD9\x85",         /* انهم */
                                       "\xD8\xA7\xD9\x86\xD9\x87\xD9\x85\xD8\xA7"}; /* انهما */
    /* "إن وحداتها أسقطت", "أن عناصره اعتقلوا": a force noun with a possessive pronoun is the
     * force of the party that spoke */
    static const char *const forces[] = {
        "\xD9\x88\xD8\xAD\xD8\xAF\xD8\xA7\xD8\xAA", "\xD9\x82\xD9\x88\xD8\xA7\xD8\xAA",             /* وحدات قوات */
        "\xD8\xB9\xD9\x86\xD8\xA7\xD8\xB5\xD8\xB1", "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD9\x8A", /* عناصر مقاتلي */
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD9\x88", "\xD8\xAC\xD9\x86\xD9\x88\xD8\xAF",     /* مقاتلو جنود */
        "\xD8\xB7\xD8\xA7\xD8\xA6\xD8\xB1\xD8\xA7\xD8\xAA", "\xD9\x85\xD8\xB3\xD9\x8A\xD8\xB1\xD8\xA7\xD8\xAA", /* طائرات مسيرات */
        "\xD8\xAF\xD9\x88\xD8\xB1\xD9\x8A\xD8\xA7\xD8\xAA", "\xD8\xB1\xD8\xAC\xD8\xA7\xD9\x84"};      /* دوريات رجال */
    if (k->ttok <= b) return 0;
    const rasid_token *t = &c->t[k->ttok - 1];
    for (size_t i = 0; i < sizeof anna / sizeof *anna; i++)
        if (rasid__streq(t->norm, anna[i])) return 1;
    if (c->mention_at[k->ttok - 1] >= 0) return 0;
    for (uint16_t r = 1; r < t->nreadings; r++) {
        const rasid_reading *rd = &t->readings[r];
        if (!rd->enc[0] || rd->article || rd->enc[0] != '\xD9' || (rd->enc[1] != '\x87' && rd->enc[1] != '\x85')) continue; /* ه هم ها */
        for (size_t i = 0; i < sizeof forces / sizeof *forces; i++)
            if (rasid__streq(rd->stem, forces[i])) return 1;
    }
    return 0;
}

/* "قالت موسكو إنها سلمت": a capital that spoke (a city of a state, no preposition on it),
 * right before the أن or إن whose pronoun is the verb's subject; its mention, or -1 */
static int capital_speaker(const ev_ctx *c, size_t from, size_t anna)
{
    if (anna <= from) return -1;
    int cm = c->mention_at[anna - 1];
    if (cm < 0) return -1;
    const rasid_mention *x = &c->ms[cm];
    if (x->kind != RASID_M_PLACE || x->precision != RASID_P_CITY || !x->country || !country_name(c, x->country) ||
        has_prep(c, cm) || locative(c, cm) || dateline_place(c, x) || x->tok_begin <= from ||
        !ev_cue(c, x->tok_begin - 1, CUE_REPORT))
        return -1;
    return cm;
}

/* "فككت الأجهزة الأمنية خلية إرهابية واعتقلت": the sentence opens with a verb whose
 * subject is another party than m, so m, right before the verb joined by و, is that first
 * verb's object. */
static int other_vso_subject(const ev_ctx *c, const rasid_sentence *s, const ev_cand *k, int m)
{
    int v = vso_subject(c, s, k->ttok);
    return v >= 0 && v != m && c->ms[v].tok_end <= c->ms[m].tok_begin;
}

static int joined_by_wa(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *tt = &c->t[k->ttok];
    if (k->tread == 0 || k->tread >= tt->nreadings) return 0;
    const char *pro = tt->readings[k->tread].pro;
    return ev_starts(pro, "\xD9\x88") || ev_starts(pro, "\xD9\x81"); /* و ف */
}

static int noun_before(const ev_ctx *c, const ev_cand *k, size_t b)
{
    /* "أحبطت محاولة انقلابية واعتقلت": a verb joined by و follows an earlier verb, whose
     * object the noun is */
    const rasid_token *tt = &c->t[k->ttok];
    if (k->tread > 0 && k->tread < tt->nreadings) {
        const char *pro = tt->readings[k->tread].pro;
        if (ev_starts(pro, "\xD9\x88") || ev_starts(pro, "\xD9\x81")) return 0; /* و ف */
    }
    const ev_cand *p, *end;
    ev_sentence_cands(c, k, &p, &end);
    for (; p < end; p++) {
        if (p == k || p->sent != k->sent || p->pos == 'V') continue;
        if (p->ttok + p->tntok <= k->ttok && p->ttok + p->tntok + 3 >= k->ttok && p->ttok >= b) return 1;
    }
    /* "هجومين دمويين، أحدهما بسيارة مفخخة استهدف السفارة": one of the events named is the
     * subject */
    for (size_t back = 1; back <= 4 && k->ttok >= back && k->ttok - back >= b; back++)
        if (ev_cue(c, k->ttok - back, CUE_ONEOFTHEM)) return 1;
    return 0;
}

static int coordinated_of(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *tt0 = &c->t[k->ttok];
    if (k->tread > 0 && k->tread < tt0->nreadings) {
        const char *pro = tt0->readings[k->tread].pro;
        if (ev_starts(pro, "\xD9\x88") || ev_starts(pro, "\xD9\x81")) return 1; /* و ف */
    }
    if (k->ttok > 0 && ev_cue(c, k->ttok - 1, CUE_COORDINATION)) return 1;
    /* "... ثم أعلن تحرير 59 رهينة": an event noun right after a reporting verb that is
     * itself coordinated and has no subject of its own */
    if (k->ttok >= 2 && ev_cue(c, k->ttok - 1, CUE_REPORT) && c->mention_at[k->ttok - 1] < 0) {
        const rasid_token *v = &c->t[k->ttok - 1];
        if (ev_cue(c, k->ttok - 2, CUE_COORDINATION)) return 1;
        for (uint16_t r = 1; r < v->nreadings; r++) {
            const char *pro = v->readings[r].pro;
            if (rasid__streq(pro, "\xD9\x88") || rasid__streq(pro, "\xD9\x81")) return 1; /* و ف alone */
        }
    }
    return 0;
}

/* Is the count right after k's trigger one of others (عشرة آخرين)? */
static int others_after(const ev_ctx *c, const ev_cand *k)
{
    static const char *const forms[] = {"\xD8\xA7\xD8\xAE\xD8\xB1\xD9\x8A\xD9\x86",  /* اخرين */
                                        "\xD8\xA7\xD8\xAE\xD8\xB1\xD9\x88\xD9\x86"}; /* اخرون */
    size_t a = k->ttok + k->tntok;
    int m = a < c->n ? c->mention_at[a] : -1;
    if (m < 0 || c->ms[m].kind != RASID_M_NUMBER) return 0;
    size_t q = c->ms[m].tok_end;
    return q < c->n && c->t[q].sent == k->sent && word_is(&c->t[q], forms, 2);
}

/* An indefinite count of armed men (نحو مئة مسلح، عشرات المسلحين) that is the subject of
 * k, a verb of attacking: right after it, or before it (past a clause of a few words
 * describing them, "يستقلون دراجات نارية") with no party between; or -1. */
static int armed_count_subject(const ev_ctx *c, const ev_cand *k, size_t b, size_t after)
{
    const char *id = ev_field(k->trig, "id");
    if (!id || !rasid__streq(id, "attack_v")) return -1;
    int m = after < c->n && c->t[after].sent == k->sent ? c->mention_at[after] : -1;
    if (m >= 0 && c->ms[m].tok_begin == after && c->ms[m].kind == RASID_M_NUMBER && c->ms[m].noun &&
        rasid__streq(c->ms[m].noun, "militant"))
        return m;
    for (size_t back = 1; back <= 6 && k->ttok >= back + b; back++) {
        size_t q = k->ttok - back;
        int x = c->mention_at[q];
        if (c->t[q].kind == RASID_TOK_PUNCT) return -1;
        if (x < 0) continue;
        if (c->ms[x].kind != RASID_M_NUMBER) {
            /* (the counted noun itself may be a party mention: "عشرات المسلحين") */
            if (q > b && c->mention_at[q - 1] >= 0 && c->ms[c->mention_at[q - 1]].kind == RASID_M_NUMBER) continue;
            return -1;
        }
        const rasid_mention *nm = &c->ms[x];
        if (nm->noun && rasid__streq(nm->noun, "militant") && nm->tok_begin == q) return x;
        if (nm->tok_begin == q) return -1;
    }
    return -1;
}

/* Is token t aircraft with a pronoun of their owner (طائراته، طائرتها، مقاتلاته، مروحياتها)? */
/* Is an aircraft word (الطائرات، الطيران، المقاتلات) the subject of k: ending right before
 * its verb within the clause, or right after it? */
static int aircraft_subject(const ev_ctx *c, const ev_cand *k, size_t b)
{
    for (size_t back = 1; back <= 3 && k->ttok >= b + back; back++) {
        size_t q = k->ttok - back;
        if (c->mention_at[q] >= 0) break;
        if ((size_t)ev_cue(c, q, CUE_AIRCRAFT) == back) return 1;
    }
    size_t a = k->ttok + k->tntok;
    return k->pos == 'V' && a < c->n && c->t[a].sent == k->sent && c->mention_at[a] < 0 && ev_cue(c, a, CUE_AIRCRAFT);
}

/* The army (a military force of a named country) named last before k, in its sentence or
 * the two before, or -1. */
static int army_named_before(const ev_ctx *c, const ev_cand *k)
{
    for (size_t q = k->ttok; q > 0; q--) {
        if (c->t[q - 1].sent + 2 < k->sent) break;
        int m = c->mention_at[q - 1];
        if (m < 0) continue;
        const rasid_mention *x = &c->ms[m];
        if (x->kind == RASID_M_ACTOR && x->sector && rasid__streq(x->sector, "MIL") && x->country && !rasid__streq(x->country, "?"))
            return m;
        q = x->tok_begin + 1;
    }
    return -1;
}

static int own_aircraft(const rasid_token *t)
{
    static const char *const forms[] = {
        "\xD8\xB7\xD8\xA7\xD8\xA6\xD8\xB1\xD8\xA7\xD8\xAA",       /* طائرات */
        "\xD8\xB7\xD8\xA7\xD8\xA6\xD8\xB1\xD8\xAA",                 /* طائرت */
        "\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD8\xA7\xD8\xAA", /* مقاتلات */
        "\xD9\x85\xD8\xB1\xD9\x88\xD8\xAD\xD9\x8A\xD8\xA7\xD8\xAA"}; /* مروحيات */
    for (uint16_t r = 1; r < t->nreadings; r++) {
        const rasid_reading *rd = &t->readings[r];
        if (rd->article || !rd->enc[0] || !rd->stem) continue;
        if (!rasid__streq(rd->enc, "\xD9\x87") && !rasid__streq(rd->enc, "\xD9\x87\xD8\xA7")) continue; /* ه ها */
        for (size_t f = 0; f < sizeof forms / sizeof *forms; f++)
            if (rasid__streq(rd->stem, forms[f])) return 1;
    }
    return 0;
}

/* The subject of the nearest earlier verb of the sentence. */
static void inherit_subject(ev_ctx *c, ev_cand *k)
{
    const ev_cand *all = c->cands.data;
    for (const ev_cand *p = k; p > all; p--) {
        const ev_cand *x = p - 1;
        if (x->sent != k->sent) break;
        if (x->descriptive) continue; /* "التي تقاتل": its subject is the relative's antecedent */
        /* ("أعلن الجيش مقتل 15 إرهابيا واعتقال عشرة آخرين": a verbal noun joined by و a
         * few words after another one, its object between, has that one's doer; the others
         * (آخرين) it counts are of that one's object) */
        int nominal = (x->pos == 'K' || x->pos == 'N') && joined_by_wa(c, k) && x->ttok < k->ttok &&
                      x->ttok + x->tntok + 4 >= k->ttok;
        if (x->nactor && (x->pos == 'V' || x->pos == 'B' || (x->mode && rasid__streq(x->mode, "visit")) || nominal)) {
            memcpy(k->actor, x->actor, x->nactor * sizeof *x->actor);
            k->nactor = x->nactor;
            if (nominal && !k->nrecipient && x->nrecipient && others_after(c, k)) {
                memcpy(k->recipient, x->recipient, x->nrecipient * sizeof *x->recipient);
                k->nrecipient = x->nrecipient;
            }
            return;
        }
    }
}

/* "حاصرت الشرطة التشادية أربعة مسلحين في السوق ثم اعتقلتهم", "داهمت قوات الأمن منزلا
 * يتحصن فيه ثلاثة مسلحين واعتقلتهم": an arrest verb whose object is a pronoun (هم، هما،
 * ه) and that names nobody after it arrests the people named before it in its sentence:
 * the last armed men, rebels or civilians named there, with the number counting them.
 * Joined to the clause before (و، ف، ثم) with no doer of its own, it is done by the
 * state force that is the subject of the sentence's first verb. */
static void pronoun_arrested(ev_ctx *c, ev_cand *k, const rasid_sentence *s)
{
    const rasid_token *tt = &c->t[k->ttok];
    const rasid_reading *rd = &tt->readings[k->tread];
    if (!rasid__streq(rd->enc, "\xD9\x87\xD9\x85") && !rasid__streq(rd->enc, "\xD9\x87\xD9\x85\xD8\xA7") &&
        !rasid__streq(rd->enc, "\xD9\x87")) /* هم هما ه */
        return;
    int joined = rd->pro[0] == '\xD9' && (rd->pro[1] == '\x88' || rd->pro[1] == '\x81'); /* و ف */
    if (!joined && k->ttok > s->tok_begin) {
        const rasid_token *p = &c->t[k->ttok - 1];
        joined = p->nlen == 4 && !memcmp(p->norm, "\xD8\xAB\xD9\x85", 4); /* ثم */
    }
    if (!joined) return;
    /* (a unit of the force may stand first: "طاردت وحدة من الدرك المالي سبعة مسلحين") */
    size_t q = s->tok_begin + 1;
    if (q < k->ttok && ev_cue(c, q, CUE_UNIT) && c->mention_at[q] < 0) {
        q++;
        if (q < k->ttok && ev_is_min(&c->t[q])) q++; /* من */
    }
    int subj = -1;
    if (q < k->ttok && c->mention_at[s->tok_begin] < 0 && c->t[s->tok_begin].kind == RASID_TOK_ARABIC &&
        !ev_cue(c, s->tok_begin, CUE_FUNCTION) && !ev_cue(c, s->tok_begin, CUE_REPORT)) {
        int pm = c->mention_at[q];
        if (pm >= 0 && c->ms[pm].tok_begin == q && c->ms[pm].kind == RASID_M_ACTOR && party_ok(c, pm) &&
            (q > s->tok_begin + 1 || !has_prep(c, pm)) && c->ms[pm].sector &&
            (rasid__streq(c->ms[pm].sector, "MIL") || rasid__streq(c->ms[pm].sector, "COP") || rasid__streq(c->ms[pm].sector, "SPY")))
            subj = pm;
    }
    /* the armed men named before the verb are its object (the pronoun), not its subject:
     * "... سبعة مسلحين ... وأوقفتهم" */
    if (subj >= 0 && k->nactor == 1 && !k->nrecipient && k->actor[0].start < tt->start && k->actor[0].sector &&
        (rasid__streq(k->actor[0].sector, "UAF") || rasid__streq(k->actor[0].sector, "REB") || rasid__streq(k->actor[0].sector, "CVL")))
        k->nactor = 0;
    if (!k->nactor && subj >= 0) add_party(c, k->actor, &k->nactor, &c->ms[subj]);
    if (k->nrecipient) return;
    for (size_t m = mentions_before(c, k->ttok); m > 0; m--) {
        const rasid_mention *y = &c->ms[m - 1];
        if (y->sent != k->sent) break;
        if (y->kind != RASID_M_ACTOR || !y->sector || !party_ok(c, (int)(m - 1))) continue;
        if (!rasid__streq(y->sector, "REB") && !rasid__streq(y->sector, "UAF") && !rasid__streq(y->sector, "CVL")) continue;
        rasid_entity en;
        entity_from(c, y, &en);
        if (already(k->actor, k->nactor, &en)) continue;
        add_party(c, k->recipient, &k->nrecipient, y);
        complete_countries(c, k->recipient, k->nrecipient, k->actor, at_venue(k) ? k->nactor : 0, k->ttok);
        const rasid_mention *nm = m >= 2 ? &c->ms[m - 2] : NULL;
        if (k->arrested < 0 && nm && nm->kind == RASID_M_NUMBER && nm->tok_end == y->tok_begin && nm->num >= 1) {
            k->arrested = (long)nm->num;
            k->q_arrested = nm->qualifier;
        }
        break;
    }
}

static int instrumental_of(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *tt = &c->t[k->ttok];
    if (k->tread == 0 || k->tread >= tt->nreadings) return 0;
    const char *pro = tt->readings[k->tread].pro;
    return ev_has2(pro, "\xD8\xA8") || ev_has2(pro, "\xD9\x84");
}

/* Two candidates of one PLOVER type. */
static int family_kin(const ev_cand *a, const ev_cand *b) { return ev_same_type(a, b); }

/* ------------------------------------------------------------------ descriptions */
/* Is the trigger verb an imperfect (present) form? Its stem begins with the prefix of
 * the third person (ي, or ت without the ت ending of the feminine past: تقاتل, not
 * تبنت). Form V/VI past verbs also begin with ت; callers ask only where the clause
 * makes a past masculine verb unlikely. */
static int imperfect_verb(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *tt = &c->t[k->ttok];
    const char *stem = k->tread > 0 && k->tread < tt->nreadings ? tt->readings[k->tread].stem : tt->norm;
    size_t l = strlen(stem);
    if (l < 6) return 0;
    if (!memcmp(stem, "\xD9\x8A", 2)) return 1; /* ي */
    if (!memcmp(stem, "\xD8\xAA", 2)) {         /* ت */
        /* (not the verbal noun of form II, تفعيل: توقيف، تدمير، تفجير) */
        if (l == 10 && !memcmp(stem + 6, "\xD9\x8A", 2)) return 0;
        return memcmp(stem + l - 2, "\xD8\xAA", 2) != 0;
    }
    return 0;
}

/* The particle قد / لقد ("وكانت مالي قد طردت": كان + subject + قد + verb). */
static int qad(const ev_ctx *c, size_t i)
{
    const rasid_token *t = &c->t[i];
    return (t->nlen == 4 && !memcmp(t->norm, "\xD9\x82\xD8\xAF", 4)) ||
           (t->nlen == 6 && !memcmp(t->norm, "\xD9\x84\xD9\x82\xD8\xAF", 6));
}

/* "المجلس العسكري في بوركينا فاسو طرد": [from, to) is a place the subject is in, في + a
 * place or a place with ب, and nothing else. */
static int place_gap(const ev_ctx *c, size_t from, size_t to)
{
    if (from >= to || to - from > 5) return 0;
    size_t q = from;
    const rasid_token *t = &c->t[q];
    if (t->nlen == 4 && !memcmp(t->norm, "\xD9\x81\xD9\x8A", 4)) q++; /* في */
    int m = q < to ? c->mention_at[q] : -1;
    if (m < 0 || c->ms[m].kind != RASID_M_PLACE || c->ms[m].tok_begin != q || c->ms[m].tok_end != to) return 0;
    return q > from || has_prep(c, m);
}

/* A row of verbs and nouns (pos B) matched by a form with the imperfect's ي: a verb
 * ("يقاتل"), never one of the row's nouns (تفجير, تقاتل can be nouns too). */
static int imperfect_3m(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *tt = &c->t[k->ttok];
    const char *stem = k->tread > 0 && k->tread < tt->nreadings ? tt->readings[k->tread].stem : tt->norm;
    return strlen(stem) >= 6 && !memcmp(stem, "\xD9\x8A", 2);
}

/* A present-tense verb that describes a party rather than tells an event: right after
 * a relative pronoun ("الدول التي تقاتل داعش", "الذين يقاتلون") or right after an
 * indefinite common noun as its adjectival clause ("ميليشيا تقاتل بوكو حرام"). A
 * headline's present tense tells news ("الجيش يحرر ..."), so headlines are not read so. */
static int descriptive_verb(const ev_ctx *c, const ev_cand *k, size_t b)
{
    if ((k->pos != 'V' && k->pos != 'B') || k->headline || k->ttok == 0 || k->ttok - 1 < b) return 0;
    /* "شيع الآلاف جثامين الجنود الذين قتلوا في الهجوم": a killing told in a relative
     * clause, in an event named before (a definite event noun after في or خلال), describes
     * the people it names; it tells no news */
    if (ev_cue(c, k->ttok - 1, CUE_RELATIVE) && toll_of_told(c, k, k->ttok + k->tntok, sent_of(c, k->ttok)->tok_end)) return 1;
    if (!imperfect_verb(c, k)) return 0;
    size_t p = k->ttok - 1;
    if (ev_cue(c, p, CUE_RELATIVE)) return 1;
    int m = c->mention_at[p];
    if (m < 0) {
        /* "رفعوا لافتات تندد بالتدخل", "منظمة تدعم اللاجئين": an indefinite noun, known
         * by its plural or feminine ending, and its adjectival clause */
        const rasid_token *n = &c->t[p];
        if (n->kind != RASID_TOK_ARABIC || n->nlen < 8) return 0;
        if (!memcmp(n->norm, "\xD8\xA7\xD9\x84", 4)) return 0; /* ال */
        if (ev_cue(c, p, CUE_FUNCTION) || ev_cue(c, p, CUE_REPORT) || ev_cue(c, p, CUE_NOTNAME) ||
            ev_cue(c, p, CUE_CLAUSEBREAK) || ev_cue(c, p, CUE_COORDINATION))
            return 0;
        const char *end = c->doc->text + n->end;
        size_t sl = n->end - n->start;
        return sl >= 4 && (!memcmp(end - 4, "\xD8\xA7\xD8\xAA", 4) /* ات */ || !memcmp(end - 2, "\xD8\xA9", 2) /* ة */);
    }
    if (m < 0 || c->ms[m].kind != RASID_M_ACTOR || c->ms[m].tok_end != k->ttok) return 0;
    const rasid_mention *x = &c->ms[m];
    const char *sector = x->sector;
    if (!sector || (!rasid__streq(sector, "UAF") && !rasid__streq(sector, "CVL"))) return 0;
    const rasid_token *first = &c->t[x->tok_begin];
    return !(first->nlen > 4 && !memcmp(first->norm, "\xD8\xA7\xD9\x84", 4)); /* no ال */
}

/* "أطلقت قوات الأمن الغاز لتفريق مجموعة من المحتجين حاولوا اقتحام القاعدة": an act after
 * حاول that a party right before it attempted, that party being the object of an earlier
 * act of the sentence, describes those people (an adjectival clause), not an event. */
static int attempt_of_object(const ev_ctx *c, const ev_cand *k)
{
    static const char *const tried[] = {"\xD8\xAD\xD8\xA7\xD9\x88\xD9\x84",                     /* حاول */
                                        "\xD8\xAD\xD8\xA7\xD9\x88\xD9\x84\xD9\x88\xD8\xA7",       /* حاولوا */
                                        "\xD8\xAD\xD8\xA7\xD9\x88\xD9\x84\xD8\xAA",               /* حاولت */
                                        "\xD9\x8A\xD8\xAD\xD8\xA7\xD9\x88\xD9\x84\xD9\x88\xD9\x86"}; /* يحاولون */
    if (k->ttok < 2) return 0;
    const rasid_token *v = &c->t[k->ttok - 1];
    /* (an escape tried, "حاول المهربون الفرار", past the subject, is no withdrawal: they
     * were stopped) */
    if (k->ty == EV_T_RETREAT) {
        int sm = c->mention_at[k->ttok - 1];
        size_t vq = sm >= 0 && c->ms[sm].tok_end == k->ttok && c->ms[sm].tok_begin > 0 ? c->ms[sm].tok_begin - 1 : k->ttok - 1;
        if (c->t[vq].sent != c->t[k->ttok].sent) return 0;
        if (word_is(&c->t[vq], tried, 4)) return 1;
        /* (or a subject of one word that names no party: "وحاول المهربون الفرار") */
        return sm < 0 && vq > 0 && c->t[vq - 1].sent == c->t[k->ttok].sent && word_is(&c->t[vq - 1], tried, 4);
    }
    if (v->sent != c->t[k->ttok].sent || !word_is(v, tried, 4)) return 0;
    int m = c->mention_at[k->ttok - 2];
    if (m < 0 || c->ms[m].tok_end != k->ttok - 1 || c->ms[m].kind != RASID_M_ACTOR) return 0;
    const ev_cand *p, *end;
    ev_sentence_cands(c, k, &p, &end);
    for (; p < end; p++)
        if (p != k && p->sent == k->sent && p->ttok < c->ms[m].tok_begin) return 1;
    return 0;
}

/* "بطلب من الجيش", "بطلب منه": a request told with ب and من is the reason for what its
 * clause tells ("at the army's request"), not a demand of its own. */
static int at_request_of(const ev_ctx *c, const ev_cand *k)
{
    if (k->ty != EV_T_REQUEST || k->tntok != 1 || k->ttok + 1 >= c->n) return 0;
    const rasid_token *t = &c->t[k->ttok], *n = &c->t[k->ttok + 1];
    if (k->tread == 0 || k->tread >= t->nreadings || !rasid__streq(t->readings[k->tread].pro, "\xD8\xA8")) return 0; /* ب */
    return n->nlen >= 4 && !memcmp(n->norm, "\xD9\x85\xD9\x86", 4) && n->sent == t->sent; /* من، منه، منها */
}

/* "تمكن الجنود من تحييد عشرات الإرهابيين خلال انسحاب المهاجمين": a withdrawal told
 * after خلال، أثناء or إبان ("during") is the time of an earlier act of its sentence, not
 * an event of its own */
static int during_earlier(const ev_ctx *c, const ev_cand *k)
{
    static const char *const during[] = {"\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84",          /* خلال */
                                         "\xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD8\xA1", /* اثناء */
                                         "\xD8\xA7\xD8\xA8\xD8\xA7\xD9\x86"};         /* ابان */
    /* (and قبل or بعد before a withdrawal of theirs: "استولوا على الأسلحة قبل انسحابهم") */
    static const char *const around[] = {"\xD9\x82\xD8\xA8\xD9\x84", "\xD8\xA8\xD8\xB9\xD8\xAF"}; /* قبل بعد */
    if (k->ty != EV_T_RETREAT || k->ttok == 0) return 0;
    const rasid_token *tt = &c->t[k->ttok];
    int theirs = k->tntok == 1 && k->tread < tt->nreadings && tt->readings[k->tread].enc[0];
    if (!word_is(&c->t[k->ttok - 1], during, 3) && !(theirs && word_is(&c->t[k->ttok - 1], around, 2))) return 0;
    const ev_cand *p, *end;
    ev_sentence_cands(c, k, &p, &end);
    for (; p < end; p++)
        if (p != k && p->sent == k->sent && p->ttok < k->ttok && p->ty != EV_T_RETREAT) return 1;
    return 0;
}

/* "وقع الجانبان اتفاقية لتدريب ضباط الجيش وتزويده بمعدات": what an agreement is for (ل
 * and a verbal noun right after it, and the verbal nouns joined to that one by و) has not
 * happened; it is the agreement's content. */
static int agreement_content(const ev_ctx *c, const ev_cand *k)
{
    if (k->ty == EV_T_AGREE) return 0;
    const ev_cand *p, *end;
    ev_sentence_cands(c, k, &p, &end);
    for (; p < end; p++) {
        if (p == k || p->sent != k->sent || p->ty != EV_T_AGREE || p->ttok >= k->ttok) continue;
        size_t a = p->ttok + p->tntok;
        if (a >= k->ttok || k->ttok > a + 8) continue;
        const rasid_token *t = &c->t[a];
        int purpose = 0;
        for (uint16_t r = 1; r < t->nreadings && !purpose; r++)
            purpose = rasid__streq(t->readings[r].pro, "\xD9\x84") && !t->readings[r].article; /* ل */
        if (!purpose) continue;
        /* no full stop, comma or other clause between */
        int open = 1;
        for (size_t q = a; q < k->ttok && open; q++)
            if (is_punct(&c->t[q])) open = 0;
        if (open) return 1;
    }
    return 0;
}

/* "تظاهر آلاف ... للمطالبة برحيل القوات", "أرسلت قوات لمحاربة طالبان": a verbal noun
 * with the ل of purpose after an earlier event of its sentence is that event's aim, not
 * an event of its own. */
static int purpose_of_earlier(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *tt = &c->t[k->ttok];
    if (k->tread >= tt->nreadings) return 0;
    /* "استدعت السفير احتجاجا على تصريحاته": a protest told as the motive (the accusative
     * احتجاجا) of an earlier act of another kind in its sentence is no protest of its own */
    if (k->ty == EV_T_PROTEST && tt->nlen >= 10 && !memcmp(tt->norm + tt->nlen - 2, "\xD8\xA7", 2)) { /* ...ا */
        const ev_cand *p, *end;
        ev_sentence_cands(c, k, &p, &end);
        for (; p < end; p++)
            if (p != k && p->sent == k->sent && p->ttok < k->ttok && p->ty != EV_T_PROTEST && p->pos != 'R') return 1;
    }
    /* "طالبت المنظمة بإطلاق سراح الصحفيين", "دعا المجلس إلى وقف إطلاق النار": what a demand
     * asks for (after ب or إلى, a few words on) has not happened */
    if (k->ty != EV_T_REQUEST) {
        int gov = 0;
        if (k->tread > 0 && k->tread < tt->nreadings) gov = strchr(tt->readings[k->tread].pro, '\xA8') != NULL; /* ب (D8 A8) */
        if (!gov && k->ttok > 0) {
            const rasid_token *pt = &c->t[k->ttok - 1];
            gov = pt->nlen == 6 && !memcmp(pt->norm, "\xD8\xA7\xD9\x84\xD9\x8A", 6); /* الي (إلى) */
        }
        const ev_cand *p, *end;
        ev_sentence_cands(c, k, &p, &end);
        for (; gov && p < end; p++)
            if (p != k && p->sent == k->sent && p->ty == EV_T_REQUEST && p->ttok < k->ttok &&
                p->ttok + p->tntok + 8 >= k->ttok)
                return 1;
    }
    if (k->tread == 0) { /* a form listed whole: "للمطالبة" */
        if (tt->nlen < 10 || memcmp(tt->norm, "\xD9\x84\xD9\x84", 4)) return 0;
    } else {
        const char *pro = tt->readings[k->tread].pro;
        if (!rasid__streq(pro, "\xD9\x84") && !rasid__streq(pro, "\xD9\x88\xD9\x84")) return 0; /* ل ول */
    }
    /* "مبادرة الوساطة ... لوقف إطلاق النار", "جهود لوقف إطلاق النار": a truce or an agreement
     * after ل is what an initiative, talks or efforts aim at, not one reached (that is
     * told by a verb of reaching: "توصل الطرفان لوقف إطلاق النار") */
    if (k->ty == EV_T_AGREE && k->ttok > 0 && c->t[k->ttok - 1].sent == k->sent) {
        int reach = 0;
        for (size_t q = k->ttok; q > 0 && c->t[q - 1].sent == k->sent && !reach; q--) {
            const rasid_token *pt = &c->t[q - 1];
            for (uint16_t r = 0; r < pt->nreadings && !reach; r++) {
                const char *st = pt->readings[r].stem;
                reach = ev_starts(st, "\xD8\xAA\xD9\x88\xD8\xB5\xD9\x84") ||         /* توصل... */
                        ev_starts(st, "\xD8\xA7\xD9\x84\xD8\xAA\xD9\x88\xD8\xB5\xD9\x84"); /* التوصل */
            }
        }
        if (!reach) return 1;
    }
    const ev_cand *p, *end;
    ev_sentence_cands(c, k, &p, &end);
    for (; p < end; p++)
        if (p != k && p->sent == k->sent && p->ttok < k->ttok) return 1;
    return 0;
}

/* "قتل فيه الجيش عشرة مسلحين": the party after the verb (within [from, e)) has counted
 * people after it, its object: the verb is active. */
static int object_counted_after(const ev_ctx *c, size_t from, size_t e)
{
    int m = party_in(c, from, e);
    if (m < 0) return 0;
    size_t q = c->ms[m].tok_end;
    return q < e && c->mention_at[q] >= 0 && c->ms[c->mention_at[q]].kind == RASID_M_NUMBER;
}

/* "أصدرت المحكمة مذكرة توقيف بحق", "أمرا بالقبض على": an arrest a warrant or an order
 * asks for has not happened. */
static int warrant_for(const ev_ctx *c, const ev_cand *k)
{
    static const char *const warrant[] = {
        "\xD9\x85\xD8\xB0\xD9\x83\xD8\xB1\xD9\x87", "\xD9\x85\xD8\xB0\xD9\x83\xD8\xB1\xD8\xA7\xD8\xAA", /* مذكره مذكرات */
        "\xD8\xA7\xD9\x85\xD8\xB1", "\xD8\xA7\xD9\x85\xD8\xB1\xD8\xA7",                                     /* امر امرا */
        "\xD8\xA7\xD9\x88\xD8\xA7\xD9\x85\xD8\xB1"};                                                           /* اوامر */
    if (!k->mode || !rasid__streq(k->mode, "arrest") || k->ttok == 0) return 0;
    const rasid_token *p = &c->t[k->ttok - 1];
    return p->sent == k->sent && word_is(p, warrant, sizeof warrant / sizeof *warrant);
}

/* "مسيرة حقوقية اصطدمت بقوات الأمن": a protest that clashes with the police is one
 * event, a protest with intervention (ACLED), not a protest and a battle. */
static void protest_clash(ev_ctx *c, ev_cand *k)
{
    const char *id = ev_field(k->trig, "id");
    if (!id || !rasid__streq(id, "clash") || k->ttok == 0) return;
    ev_cand *all = c->cands.data;
    for (ev_cand *p = k; p > all; p--) {
        ev_cand *x = p - 1;
        if (x->sent != k->sent) break;
        if (x->ty != EV_T_PROTEST || x->ttok + x->tntok + 2 < k->ttok) continue;
        x->acled_event = "Protests";
        x->acled_sub = "Protest with intervention";
        k->descriptive = 1; /* told by the protest */
        return;
    }
}

/* The verb of a result phrase whose outcome k (a victim form, مقتل) is: "أسفر عن مقتل",
 * "أدت إلى مقتل", or with the event it tells of between the verb and its preposition:
 * "أسفرت عملية للشرطة في نجامينا عن مقتل", "أسفر الهجوم الذي نفذه مسلحون على السوق عن
 * سقوط" (the verb alone is a result cue of one token). SIZE_MAX if none. */
static size_t result_verb(const ev_ctx *c, const ev_cand *k)
{
    if (k->ttok >= 2 && ev_cue(c, k->ttok - 2, CUE_RESULT) == 2) return k->ttok - 2;
    if (k->ttok >= 1 && ev_cue(c, k->ttok - 1, CUE_RESULT) == 1) return k->ttok - 1;
    if (k->ttok < 3) return SIZE_MAX;
    const rasid_token *pr = &c->t[k->ttok - 1];
    int an = pr->nlen == 4 && !memcmp(pr->norm, "\xD8\xB9\xD9\x86", 4);                              /* عن */
    int ila = pr->nlen == 6 && !memcmp(pr->norm, "\xD8\xA7\xD9\x84\xD9\x8A", 6);                    /* الي */
    if (!an && !ila) return SIZE_MAX;
    for (size_t back = 2; back <= 16 && k->ttok >= back; back++) {
        size_t q = k->ttok - back;
        const rasid_token *t = &c->t[q];
        if (t->sent != k->sent) break;
        if (t->kind == RASID_TOK_PUNCT && t->nlen == 1 && strchr(".;:!?", t->norm[0])) break;
        if (ev_cue(c, q, CUE_RESULT) == 1) return q;
    }
    return SIZE_MAX;
}

/* ------------------------------------------------------------------ roles */
static void sentence_info(const ev_ctx *c, const rasid_sentence *s, ev_sentinfo *si)
{
    /* One pass over the sentence for all its questions: a token's cue mask is tested
     * against all the classes they ask about at once, and most tokens, no such cue, are
     * passed over there (the classes' own tests follow only for the others). */
    const rasid_doc *d = c->doc;
    const uint64_t want = 1ull << CUE_SPORT | 1ull << CUE_REPORT | 1ull << CUE_MISHAP | 1ull << CUE_ANAPHOR |
                          1ull << CUE_EVENTNOUN;
    si->sport = 0;
    si->first_report = UINT32_MAX;
    si->mishap = 0;
    si->ref = 0;
    si->quotes = 0;
    si->an = 0;
    for (size_t q = s->tok_begin; q < s->tok_end; q++) {
        const rasid_token *t = &c->t[q];
        if (t->kind == RASID_TOK_PUNCT && t->nlen == 1 && t->norm[0] == '"') si->quotes = 1;
        if (t->nlen == 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x86", 4)) si->an = 1; /* ان (أن، إن) */
        if (d->cue_mask && !(d->cue_mask[q] & want)) continue;
        /* (a military trainer, "مدرب عسكري", is no coach) */
        if (!si->sport && ev_cue(c, q, CUE_SPORT) && !(q + 1 < s->tok_end && ev_cue(c, q + 1, CUE_TROOPS))) si->sport = 1;
        if (si->first_report == UINT32_MAX && ev_cue(c, q, CUE_REPORT)) si->first_report = (uint32_t)q;
        if (ev_cue(c, q, CUE_MISHAP)) si->mishap = 1;
        if (!si->ref && q + 1 < s->tok_end &&
            ((ev_cue(c, q, CUE_ANAPHOR) && ev_cue(c, q + 1, CUE_EVENTNOUN)) ||
             (ev_cue(c, q, CUE_EVENTNOUN) && ev_cue(c, q + 1, CUE_ANAPHOR))))
            si->ref = 1;
    }
    si->known = 1;
}

/* "مقر قيادة أركان جيش بوركينا فاسو": a place hit (a target noun: مقر، ثكنة، مواقع) and a
 * chain of indefinite nouns in construct after it, up to token q (the party's start). */
static int construct_target(const ev_ctx *c, size_t from, size_t q)
{
    for (size_t t0 = from; t0 + 1 < q; t0++) {
        if (!ev_cue(c, t0, CUE_TARGET) || ev_cue(c, t0, CUE_PREPOSITION)) continue;
        size_t i = t0 + 1;
        for (; i < q; i++) {
            const rasid_token *t = &c->t[i];
            if (t->kind != RASID_TOK_ARABIC || c->mention_at[i] >= 0 || ev_cue(c, i, CUE_PREPOSITION) ||
                ev_cue(c, i, CUE_FUNCTION))
                break;
            if (t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4)) break; /* ال: no construct */
        }
        if (i == q) return 1;
    }
    return 0;
}

/* "قتل الجيش عشرة مسلحين واعتقل ثلاثة منهم": the party right before a verb joined by و
 * stands a few words after an earlier verb of the sentence, as its object; the later verb
 * shares the earlier one's subject. */
static int object_of_earlier_verb(const ev_ctx *c, const ev_cand *k, int m)
{
    const ev_cand *p, *pe;
    ev_sentence_cands(c, k, &p, &pe);
    size_t mb = c->ms[m].tok_begin;
    for (; p < pe; p++)
        if (p != k && p->sent == k->sent && (p->pos == 'V' || p->pos == 'K' || p->pos == 'N') && p->ttok + p->tntok <= mb &&
            p->ttok + p->tntok + 6 >= mb && p->nactor)
            return 1;
    return 0;
}

/* A verb trigger of k's sentence in [from, to): "بسيارة مفخخة استهدف السفارة": the party
 * after that verb is the verb's, not the doer of the noun before it. */
static int verb_between(const ev_ctx *c, const ev_cand *k, size_t from, size_t to)
{
    const ev_cand *p, *pe;
    ev_sentence_cands(c, k, &p, &pe);
    for (; p < pe; p++) {
        if (p == k || p->sent != k->sent || p->pos != 'V' || p->ttok < from || p->ttok >= to) continue;
        /* (not a noun joined by و right after it, read as a verb too: "لتهنئة وشكر") */
        const rasid_token *t = &c->t[p->ttok];
        if (p->ttok == k->ttok + k->tntok && p->tread > 0 && p->tread < t->nreadings &&
            ev_starts(t->readings[p->tread].pro, "\xD9\x88"))
            continue;
        return 1;
    }
    return 0;
}

/* "نددت الجزائر بالهجوم", "رحبت مالي بالاتفاق": an event noun that is the object of an
 * earlier trigger of its sentence judging it (condemning, rejecting, praising, asking) */
static int judged_by_earlier(const ev_ctx *c, const ev_cand *k)
{
    const ev_cand *p, *pe;
    ev_sentence_cands(c, k, &p, &pe);
    const ev_cand *last = NULL;
    for (; p < pe; p++)
        if (p != k && p->sent == k->sent && p->ttok < k->ttok && (!last || p->ttok > last->ttok)) last = p;
    if (!last || !last->type) return 0;
    return (last->ty == EV_T_ACCUSE) || last->ty == EV_T_REJECT ||
           (last->ty == EV_T_SUPPORT) || (last->ty == EV_T_REQUEST);
}

/* "سقطت قذائف على منازل المواطنين": a party after على or ضد and the noun it governs is
 * the target's owner, not the verb's subject (which follows the verb, before its
 * target). Is there a target preposition in [from, to)? */
static int against_before(const ev_ctx *c, size_t from, size_t to)
{
    for (size_t q = from; q < to; q++)
        if (ev_cue(c, q, CUE_AGAINST)) return 1;
    return 0;
}

void ev_fill_roles(ev_ctx *c, ev_cand *k)
{
    size_t b, e;
    clause_of(c, k->ttok, &b, &e);
    const rasid_sentence *s = sent_of(c, k->ttok);
    k->headline = s->headline;
    ev_sentinfo si_local, *si = c->sinfo ? &c->sinfo[c->t[k->ttok].sent] : &si_local;
    if (!c->sinfo) si->known = 0;
    if (!si->known) sentence_info(c, s, si);
    k->sport = si->sport;
    k->mishap = 0; /* an accident or disaster cue in the trigger's clause */
    for (size_t q = b; si->mishap && q < e && !k->mishap; q++)
        if (ev_cue(c, q, CUE_MISHAP)) k->mishap = 1;
    {
        /* a source's words: a reporting verb before the trigger, or inside quotation marks */
        int quotes = 0;
        for (size_t q = s->tok_begin; si->quotes && q < k->ttok; q++) /* (none in most sentences) */
            if (c->t[q].kind == RASID_TOK_PUNCT && c->t[q].nlen == 1 && c->t[q].norm[0] == '"') quotes++;
        if (si->first_report < k->ttok) k->reported = 1;
        if (quotes % 2) k->reported = 1;
    }
    k->mentions = 1;
    const rasid_token *tt = &c->t[k->ttok];
    k->definite = k->tread < tt->nreadings && tt->readings[k->tread].article;
    /* (a listed form that begins with ال: "القبض على"; not a form VIII verb of a root in ل,
     * التقى، التقت، التقوا, whose ال is no article) */
    if (k->tread == 0 && tt->nlen > 4 && !memcmp(tt->norm, "\xD8\xA7\xD9\x84", 4) &&
        !(tt->nlen >= 10 && tt->nlen <= 12 && !memcmp(tt->norm + 4, "\xD8\xAA", 2)))
        k->definite = 1;
    size_t after = k->ttok + k->tntok;
    {
        const char *id = ev_field(k->trig, "id");
        int generic = id && strstr(id, "generic") != NULL;
        int anaphor = (k->ttok > b && ev_cue(c, k->ttok - 1, CUE_ANAPHOR)) ||
                      (after < e && ev_cue(c, after, CUE_ANAPHOR)) || (after + 1 < e && ev_cue(c, after + 1, CUE_ANAPHOR)) ||
                      toll_of_told(c, k, after, e);
        /* "خلال هذه العملية", "في الهجوم نفسه": the sentence tells again an event already told
         * (but not the event it dates that one by: "ويأتي هذا الهجوم بعد أسبوع من كمين") */
        int sentence_ref = si->ref && !dated_by(c, k, b);
        if (sentence_ref) { /* (nor what its clause tells of that earlier event: "كمين أودى بحياة") */
            const ev_cand *p, *pe;
            ev_sentence_cands(c, k, &p, &pe);
            for (; p < pe && sentence_ref; p++)
                if (p != k && p->sent == k->sent && p->ttok < k->ttok && p->ttok >= b && dated_by(c, p, b)) sentence_ref = 0;
        }
        /* "الهجوم الذي وقع صباح السبت في مايدوغوري": a relative clause introduces an event */
        int relative = after < e && (ev_cue(c, after, CUE_RELATIVE) || (after + 1 < e && ev_cue(c, after + 1, CUE_RELATIVE)));
        k->reference = generic || anaphor || sentence_ref;
        k->definite_ref = k->definite && k->pos != 'V' && !relative;
        /* "وردت القوات على الهجوم بقصف مواقع الجماعة مرات عدة": a response word a few words
         * before the trigger makes it the answer to one attack; done again and again, it is
         * still that answer, no tally */
        int answer = 0;
        /* (each of these scans only in a document with a cue of its class) */
        int respond = rasid__lex_cue_in_doc(c->doc, CUE_RESPONSE), aggr = rasid__lex_cue_in_doc(c->doc, CUE_AGGREGATE);
        for (size_t back = 1; respond && back <= 6 && k->ttok >= back && !answer; back++) {
            size_t q = k->ttok - back;
            if (c->t[q].sent != k->sent) break;
            answer = ev_cue(c, q, CUE_RESPONSE) != 0;
        }
        for (size_t q = b; aggr && q < e; q++) {
            int al = ev_cue(c, q, CUE_AGGREGATE);
            if (!al) continue;
            if (answer && ev_cue(c, q, CUE_REPEATED)) continue;
            if (captivity_since(c, q, b)) continue;
            /* "خلال الأشهر المقبلة": a period ahead frames a plan, it sums up nothing */
            size_t nx = q + (size_t)al;
            if ((nx < e && ev_cue(c, nx, CUE_FUTURE)) || (nx + 1 < e && ev_cue(c, nx + 1, CUE_FUTURE))) continue;
            k->aggregate = 1;
            break;
        }
        if (generic) k->aggregate = 1;
        /* "مقتل 16 شخصا في هجومين": a toll of several attacks (a generic or dual event noun
         * of its clause) is a tally, not one event */
        if (!k->aggregate && !generic) {
            const ev_cand *p, *pe;
            ev_sentence_cands(c, k, &p, &pe);
            for (; p < pe && !k->aggregate; p++) {
                if (p == k || p->sent != k->sent || p->ttok < b || p->ttok >= e) continue;
                const char *pid = ev_field(p->trig, "id");
                /* (after the toll, introduced by في: "أحد الهجومين بسيارة مفخخة" is one of them) */
                const rasid_token *fi = p->ttok > 0 ? &c->t[p->ttok - 1] : NULL;
                int in = fi && fi->nlen == 4 && !memcmp(fi->norm, "\xD9\x81\xD9\x8A", 4);
                if (in && p->ttok > k->ttok && pid && strstr(pid, "generic") && family_kin(p, k)) k->aggregate = 1; /* (cheap tests first) */
            }
        }
        /* "سلسلة هجمات ... وأدت إلى مقتل عدد كبير": the outcome of a series is a series */
        if (!k->aggregate && result_verb(c, k) != SIZE_MAX) {
            const ev_cand *p, *pe;
            ev_sentence_cands(c, k, &p, &pe);
            for (; p < pe; p++)
                if (p != k && p->sent == k->sent && p->ttok < k->ttok && p->aggregate) k->aggregate = 1;
        }
        k->descriptive = descriptive_verb(c, k, b) || purpose_of_earlier(c, k) || during_earlier(c, k) ||
                           agreement_content(c, k) || at_request_of(c, k) || attempt_of_object(c, k) || warrant_for(c, k);
        protest_clash(c, k);
    }
    /* victims and counts come first: a number right after a verb means a passive */
    int m;
    int starts_with_number = 0;
    int armed_count = -1; /* a count of armed men that is the subject of an attack verb */
    if (after < e && c->mention_at[after] >= 0 && c->ms[c->mention_at[after]].kind == RASID_M_NUMBER) {
        const rasid_mention *nm = &c->ms[c->mention_at[after]];
        /* "قتل 16 شخصا" (victims) but not "قصفت إحدى طائرات سلاح الجو" (one of the planes) */
        starts_with_number = (nm->noun && person_noun_of(c, nm)) || noun_role(nm) != R_NONE ||
                             (nm->tok_end < c->n && cue_role(c, nm->tok_end) != R_NONE);
    }
    if (arrival_aid(k)) arrival_aid_roles(c, k, after, s->tok_end);
    int is_visit = k->mode && rasid__streq(k->mode, "visit");
    if (is_visit) {
        /* "يقوم الرئيس بخاري بزيارة إلى": a visit noun's visitor stands before it */
        /* the noun زيارة (ة: no verb ends so) after "وصل X إلى موسكو في": the visitor and
         * the place visited stand before it */
        const rasid_token *vt = &c->t[k->ttok];
        const char *vend = c->doc->text + vt->end; /* the surface: ة, not a root ه (توجه) */
        int noun_form = vt->end - vt->start > 2 && !memcmp(vend - 2, "\xD8\xA9", 2);
        /* "زيارة يقوم بها نائب وزير الدفاع الروسي إلى واغادوغو": the visitor after the noun */
        int dl = after < e ? ev_cue(c, after, CUE_DONEBY) : 0;
        int vp = dl ? party_in(c, after + (size_t)dl, after + (size_t)dl + 8 < e ? after + (size_t)dl + 8 : e) : -1;
        if (vp >= 0) {
            add_party(c, k->actor, &k->nactor, &c->ms[vp]);
            visit_roles(c, k, c->ms[vp].tok_end, s->tok_end);
        }
        if (!k->nactor && (k->pos == 'N' || instrumental_of(c, k) || noun_form)) {
            int p = party_before(c, s->tok_begin, k->ttok);
            if (p >= 0) {
                add_party(c, k->actor, &k->nactor, &c->ms[p]);
                if (noun_form) visit_roles(c, k, c->ms[p].tok_end, k->ttok);
            }
        }
        /* the visitor may stand after a comma: "زار الجزائر الشهر الماضي كل من X، نائب وزير ..." */
        visit_roles(c, k, after, s->tok_end);
        const ev_cand *all = c->cands.data;
        for (const ev_cand *p = k; p > all && !k->nactor; p--) {
            const ev_cand *x = p - 1;
            if (x->sent != k->sent) break;
            if (x->nactor && x->mode && rasid__streq(x->mode, "visit")) {
                memcpy(k->actor, x->actor, x->nactor * sizeof *x->actor);
                k->nactor = x->nactor;
            }
        }
        if (!k->nactor) {
            int p = party_before(c, s->tok_begin, k->ttok);
            if (p >= 0) add_party(c, k->actor, &k->nactor, &c->ms[p]);
        }
    }
    /* a verbal noun after ب or ل ("وردت على الهجوم بقصف مواقع") is governed by the verb
     * before it: its doer is that verb's subject */
    int instrumental = 0;
    if (k->tread > 0 && k->tread < tt->nreadings) {
        const char *pro = tt->readings[k->tread].pro;
        instrumental = ev_has2(pro, "\xD8\xA8") || ev_has2(pro, "\xD9\x84");
    }
    /* "أعربت الجزائر عن إدانتها للهجوم": a noun owned by a pronoun after عن says what the
     * subject of the verb before expressed; that subject is its doer, nobody after it */
    int possessed = 0;
    if (k->ttok > s->tok_begin && k->tntok == 1) {
        const rasid_token *pt = &c->t[k->ttok - 1];
        possessed = pt->nlen == 4 && !memcmp(pt->norm, "\xD8\xB9\xD9\x86", 4) && /* عن */
                    tt->nlen > 6 && (!memcmp(tt->norm + tt->nlen - 4, "\xD9\x87\xD8\xA7", 4) || /* ها */
                                     !memcmp(tt->norm + tt->nlen - 4, "\xD9\x87\xD9\x85", 4) || /* هم */
                                     !memcmp(tt->norm + tt->nlen - 2, "\xD9\x87", 2));            /* ه */
        if (possessed) instrumental = 1;
    }
    char pos = k->pos;
    if (instrumental && pos == 'V') pos = 'N';
    /* "قتلوا في قصف مدفعي لقوات الدعم السريع": no verb follows a preposition; a verb's
     * row read there is its verbal noun */
    /* (with its doer after ل right after it, or past one adjective) */
    if (pos == 'V' && k->ttok > s->tok_begin && c->t[k->ttok - 1].kind == RASID_TOK_ARABIC &&
        c->t[k->ttok - 1].nlen <= 6 && ev_cue(c, k->ttok - 1, CUE_PREPOSITION) && c->mention_at[k->ttok - 1] < 0) {
        size_t gq = after;
        int g = after < e ? c->mention_at[after] : -1;
        if (g < 0 && after + 1 < e && c->t[after].kind == RASID_TOK_ARABIC && !ev_cue(c, after, CUE_FUNCTION) &&
            !ev_cue(c, after, CUE_PREPOSITION) && !ev_cue(c, after, CUE_AFFILIATION)) /* (not موالية ل) */
            g = c->mention_at[gq = after + 1];
        if (g >= 0 && c->ms[g].tok_begin == gq && c->ms[g].kind == RASID_M_ACTOR && party_ok(c, g) && prep_letter(c, g) == 'l') pos = 'N';
    }
    /* "أن قصفا مدفعيا لقوات الدعم السريع على السوق": a verb's row read on an accusative
     * verbal noun, its tanween alef agreeing with an adjective after it, is a noun (not a
     * dual verb, قتلا، nor a plural, ...وا) */
    if (pos == 'V' && k->tntok == 1 && after < e) {
        const rasid_token *nx = &c->t[after];
        size_t sl = tt->nlen, nl = nx->nlen;
        if (sl >= 8 && !memcmp(tt->norm + sl - 2, "\xD8\xA7", 2) && memcmp(tt->norm + sl - 4, "\xD9\x88", 2) &&
            nx->kind == RASID_TOK_ARABIC && c->mention_at[after] < 0 && nl >= 8 &&
            !memcmp(nx->norm + nl - 2, "\xD8\xA7", 2) && memcmp(nx->norm + nl - 4, "\xD9\x88", 2) &&
            !ev_cue(c, after, CUE_FUNCTION))
            pos = 'N';
    }
    /* "أعلنت السلطات أن هجوما استهدف ثكنة": an event noun right after أن / إن is the
     * subject of the words reported; the speaker before is not its doer */
    int reported_subject = 0;
    if (pos == 'N' && !instrumental && k->ttok > s->tok_begin) {
        const rasid_token *pt = &c->t[k->ttok - 1];
        reported_subject = (pt->nlen == 4 && !memcmp(pt->norm, "\xD8\xA7\xD9\x86", 4)) || /* ان (أن إن) */
                           (pt->nlen == 6 && !memcmp(pt->norm, "\xD8\xA8\xD8\xA7\xD9\x86", 6));  /* بان (بأن) */
    }
    int numbered_victims = 0; /* "المواطنين السبعة، وهم رعاة، قتلوا": the victims stand before the verb */
    static const char *const in_it[] = {
        "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84\xD9\x87", "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84\xD9\x87\xD8\xA7", /* خلاله خلالها */
        "\xD9\x81\xD9\x8A\xD9\x87", "\xD9\x81\xD9\x8A\xD9\x87\xD8\xA7", "\xD9\x81\xD9\x8A\xD9\x87\xD9\x85\xD8\xA7"}; /* فيه فيها فيهما */
    switch (is_visit ? 'X' : pos) {
    case 'B': {
        size_t q;
        int between = -1, with = -1;
        for (q = after; q < e; q++) {
            if (!ev_cue_maybe(c, q, EV_CUEBIT(BETWEEN) | EV_CUEBIT(WITH))) continue; /* (most words: neither) */
            if (between < 0 && ev_cue(c, q, CUE_BETWEEN)) between = (int)q;
            if (with < 0 && ev_cue(c, q, CUE_WITH)) with = (int)q;
        }
        if (between >= 0 && (m = party_in(c, (size_t)between + 1, e)) >= 0) {
            if (!k->nactor && !k->nrecipient && communal_sides(c, k, m, party_in(c, c->ms[m].tok_end, e))) break;
            size_t end = add_party_list(c, k->actor, &k->nactor, m, e);
            if (k->nactor > 1) { /* "بين X و Y": X actor, the rest recipients */
                two_sides(k);
            } else if ((m = party_in(c, end, e)) >= 0) {
                add_party_list(c, k->recipient, &k->nrecipient, m, e);
            }
            break;
        }
        if (with >= 0) {
            if ((m = party_in(c, (size_t)with + 1, e)) >= 0) add_party_list(c, k->recipient, &k->nrecipient, m, e);
            if ((m = party_in(c, after, (size_t)with)) >= 0) add_party_list(c, k->actor, &k->nactor, m, (size_t)with);
            else if ((m = party_before(c, s->tok_begin, k->ttok)) >= 0) add_party(c, k->actor, &k->nactor, &c->ms[m]);
            break;
        }
    }
        /* like a verb */
        __attribute__((fallthrough));
    case 'V':
    case 'N':
        if (pos == 'V' && (armed_count = armed_count_subject(c, k, b, after)) >= 0) {
            /* "هاجم نحو مئة مسلح موقعا للجيش", "إن نحو مئة مسلح يستقلون دراجات نارية هاجموا
             * موقعا": armed men counted right after or before an attack verb attack */
            const rasid_mention *am = &c->ms[armed_count];
            const char *nt = am->noun_text ? am->noun_text : "";
            if (ev_starts(nt, "\xD8\xA7\xD9\x84")) nt += 4; /* ال */
            int gunmen = ev_starts(nt, "\xD9\x85\xD8\xB3\xD9\x84\xD8\xAD"); /* مسلح */
            k->actor[k->nactor++] = gunmen ? named_span(c, "Unidentified Armed Group", "unknown", "UAF", NULL, "rasid:gunmen", am->start, am->end)
                                           : named_span(c, "Militants", "unknown", "UAF", NULL, "rasid:militants", am->start, am->end);
            size_t from = am->tok_begin >= after ? am->tok_end + 1 : after;
            int r = from < e ? party_in(c, from, next_trigger(c, k, e)) : -1;
            if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
        } else if ((m = relative_doer(c, k, b, e)) >= 0) {
            /* "المسلحين الذين قتلوا خمسة مدنيين": the gunmen killed (a count after the
             * verb is its object, no passive's subject); what follows the verb is its
             * object */
            add_party(c, k->actor, &k->nactor, &c->ms[m]);
            int r = party_in(c, after, next_trigger(c, k, e));
            if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
        } else if (pos != 'N' && starts_with_number) {
            /* "قتل 16 شخصا": a passive with its victims */
        } else if ((m = (int)passive_relative(c, k, b, e)) > 0) {
            /* "الجنود الذين اختطفوا في ميناكا": the soldiers were abducted, by nobody named
             * before */
            int v = (size_t)m > b ? c->mention_at[m - 1] : -1; /* (under whatever preposition: "الإفراج عن الجنود الذين") */
            if (v >= 0 && c->ms[v].tok_end == (size_t)m && c->ms[v].kind == RASID_M_ACTOR && party_ok(c, v)) {
                int hd = party_list_head(c, v);
                add_party_list(c, k->recipient, &k->nrecipient, party_ok(c, hd) ? hd : v, (size_t)m);
            }
            numbered_victims = 1;
        } else if (pos == 'V' && is_kill_trigger(k) && (m = party_before(c, b, k->ttok)) >= 0 &&
                   c->ms[m].tok_end == k->ttok && counted_noun(c, m)) {
            /* "6 جنود قتلوا": counted people before a killing verb are its victims (a passive) */
            add_party(c, k->recipient, &k->nrecipient, &c->ms[m]);
        } else if (pos == 'V' && is_kill_trigger(k) && k->ttok > b && (m = c->mention_at[k->ttok - 1]) >= 0 &&
                   party_ok(c, m) && c->ms[m].tok_end == k->ttok && c->ms[m].kind == RASID_M_ACTOR && passive_after(c, k)) {
            /* "إن عشرات المدنيين وعناصر من المتطوعين قتلوا في الهجوم": people right before a
             * killing verb that a preposition follows, not an object, were killed (a passive) */
            int hd = party_list_head(c, m);
            if (!party_ok(c, hd)) hd = m;
            add_party_list(c, k->recipient, &k->nrecipient, hd, k->ttok);
            numbered_victims = 1;
            /* "ستة مزارعين وعناصر من الشرطة قتلوا": the first party's count, at least */
            const rasid_mention *nm = counted_noun(c, hd) ? &c->ms[c->mention_at[c->ms[hd].tok_begin - 1]] : NULL;
            if (nm && k->dead < 0 && nm->num >= 1 && nm->num <= 1e6) {
                k->dead = (long)nm->num;
                k->q_dead = hd != m && nm->qualifier == RASID_Q_EXACT ? RASID_Q_AT_LEAST : nm->qualifier;
            }
        } else if (pos == 'V' && is_kill_trigger(k) &&
                   (m = numbered_before(c, s->tok_begin, aside_before(c, s->tok_begin, k->ttok))) >= 0) {
            /* "إن المواطنين السبعة، وهم رعاة، قتلوا": a definite noun of people and its number
             * before a killing verb (past an aside) are its victims */
            add_party(c, k->recipient, &k->nrecipient, &c->ms[m]);
            numbered_victims = 1;
            const rasid_mention *nm = &c->ms[c->mention_at[c->ms[m].tok_end]];
            if (k->dead < 0 && nm->num >= 1 && nm->num <= 1e6) {
                k->dead = (long)nm->num;
                k->q_dead = nm->qualifier;
            }
        } else if (pos == 'V' && is_kill_trigger(k) && after < e && word_is(&c->t[after], in_it, sizeof in_it / sizeof *in_it) &&
                   !object_counted_after(c, after + 1, e)) {
            /* "هجوما قتل خلاله الرئيس": a killing "in it" (the event just named) is a passive,
             * the party after it its victim */
            if ((m = party_in(c, after + 1, e)) >= 0) add_party_list(c, k->recipient, &k->nrecipient, m, e);
            numbered_victims = 1;
        } else if ((pos == 'V' || (pos == 'B' && imperfect_3m(c, k))) && (m = party_before(c, b, k->ttok)) >= 0 &&
                   (c->ms[m].tok_end == k->ttok || (c->ms[m].tok_end + 1 == k->ttok && qad(c, k->ttok - 1)) ||
                    place_gap(c, c->ms[m].tok_end, k->ttok)) &&
                   !(joined_by_wa(c, k) && (object_of_earlier_verb(c, k, m) || other_vso_subject(c, s, k, m)))) {
            /* "الجيش المالي قصف مواقع للمتمردين": a subject right before the verb (SVO);
             * what follows the verb is its object. "قررت النيجر وتشاد وبوركينا فاسو سحب
             * سفرائها": a list of countries before it, all of them */
            size_t h = c->ms[m].kind == RASID_M_PLACE ? country_list_head(c, m) : c->ms[m].tok_begin;
            if (h < c->ms[m].tok_begin && c->mention_at[h] >= 0 && party_ok(c, c->mention_at[h]) && !list_after_locative(c, h))
                add_party_list(c, k->actor, &k->nactor, c->mention_at[h], c->ms[m].tok_end);
            else
                add_party(c, k->actor, &k->nactor, &c->ms[m]);
            int r = party_in(c, after, next_trigger(c, k, e));
            if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
        } else if (pos == 'V' && pronoun_subject(c, k, b) && (m = party_before(c, s->tok_begin, k->ttok - 1)) >= 0) {
            /* "أعلنت الحكومة أنها استدعت سفير مالي": the pronoun on أن is the subject, the
             * party it stands for is the one that spoke; what follows the verb is its object */
            add_party(c, k->actor, &k->nactor, &c->ms[m]);
            int r = party_in(c, after, next_trigger(c, k, e));
            if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
        } else if (pos == 'V' && pronoun_subject(c, k, b) && (m = capital_speaker(c, s->tok_begin, k->ttok - 1)) >= 0) {
            /* "قالت موسكو إنها سلمت مالي مروحيات": the capital that spoke is the state the
             * pronoun stands for; the party after the verb is its object */
            const rasid_mention *x = &c->ms[m];
            k->actor[k->nactor++] = named_span(c, country_name(c, x->country), "state", "GOV", x->country, x->country, x->start, x->end);
            int r = party_in(c, after, next_trigger(c, k, e));
            if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
        } else if (pos == 'V' && noun_before(c, k, b)) {
            /* "هجوم مسلح استهدف مقر الجيش": the noun is the subject, the party is the object */
            int r = party_in(c, after, e);
            if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
        } else if (!possessed &&
                   ((m = (pos == 'N' ? party_in : subject_in)(c, after, subject_reach(c, k, pos, after, e))) >= 0 ||
                    (pos != 'N' && (m = titled_person_after(c, after)) >= 0 && c->ms[m].tok_end <= e)) &&
                   !ev_cue(c, c->ms[m].tok_begin - 1 >= after ? c->ms[m].tok_begin - 1 : after, CUE_AGAINST) &&
                   !(pos == 'V' && against_before(c, after, c->ms[m].tok_begin)) &&
                   !(pos == 'N' && verb_between(c, k, after, c->ms[m].tok_begin))) {
            size_t end = forces_from_countries(c, k, m, e);
            size_t mb = c->ms[m].tok_begin;
            /* "هجوم لجماعة بوكو حرام": ل right after the noun marks its doer */
            /* (past one adjective of the noun: "قصفا مدفعيا لقوات الدعم السريع") */
            int adj = mb == after + 1 && c->mention_at[after] < 0 && c->t[after].kind == RASID_TOK_ARABIC &&
                      !ev_cue(c, after, CUE_FUNCTION) && !ev_cue(c, after, CUE_PREPOSITION) && !ev_cue(c, after, CUE_AGAINST);
            int genitive_l = (mb == after || adj) && prep_letter(c, m) == 'l' &&
                             (reported_subject || party_before(c, b, k->ttok) < 0 || adjunct_by_group(c, k, m));

            /* "طائرة مسيرة تابعة للجيش": the owner of the instrument is its doer */
            /* (not the accusative "تابعا", which agrees with an object: "استهدفت طائرة مسيرة
             * رتلا عسكريا تابعا للجيش", the convoy's owner is the target) */
            const rasid_token *ot = mb > after ? &c->t[mb - 1] : NULL;
            int owner = ot && ev_cue(c, mb - 1, CUE_OWNER) &&
                        !(ot->nlen > 2 && !memcmp(ot->norm + ot->nlen - 2, "\xD8\xA7", 2));
            if (!end && pos == 'N' && !genitive_l && !owner &&
                (has_prep(c, m) ||
                 (mb > 0 && (ev_cue(c, mb - 1, CUE_TO) || ev_cue(c, mb - 1, CUE_TARGET) || ev_cue(c, mb - 1, CUE_LOCATIVE))))) {
                /* "الإطاحة بمعمر القذافي", "أمام مقر الشرطة": the object of the noun; "انفجرت
                 * عبوة ناسفة قرب دورية للجيش": the party where it struck */
                add_party_list(c, k->recipient, &k->nrecipient, m, e);
            } else {
                if (!end) end = add_party_list(c, k->actor, &k->nactor, m, e);
                int r = party_in(c, end, next_trigger(c, k, e));
                /* "أعدمت جماعة مسلحة رميا بالرصاص رجلين اتهمتهما بالتعاون مع الجيش": people
                 * counted before the next party are the object; the party is told of them */
                if (r >= 0 && !people_between(c, end, c->ms[r].tok_begin)) add_party_list(c, k->recipient, &k->nrecipient, r, e);
            }
        }
        /* "13 شخصا قتلوا": victims before the verb, no subject there */
        int victims_before = 0;
        for (size_t back = 1; back <= 3 && k->ttok >= back + b; back++) {
            int vm = c->mention_at[k->ttok - back];
            if (vm >= 0 && c->ms[vm].kind == RASID_M_NUMBER) victims_before = 1;
            if (vm >= 0 && c->ms[vm].kind != RASID_M_NUMBER && !counted_noun(c, vm)) break;
        }
        if (!k->nactor && coordinated_of(c, k) && !nominative_people_after(c, k)) inherit_subject(c, k);
        /* (a passive verb, its nominative victims after it, has no subject before it either:
         * "أوقف الجيش 12 مهربا، فيما قتل جنديان") */
        int passive = pos == 'V' && nominative_people_after(c, k);
        if (!k->nactor && !reported_subject && !(victims_before && pos == 'V') && !passive && !numbered_victims &&
            !(pos == 'V' && noun_before(c, k, b))) {
            /* subject before the verb, within the sentence (SVO; "أعلن الجيش أنه حرر") */
            size_t from = pos == 'N' ? prev_trigger_end(c, k, b) : s->tok_begin;
            /* "أدانت الأمم المتحدة الهجوم": the party right after another verb is that verb's subject */
            if (pos == 'N' && from > b && from < k->ttok) from = k->ttok;
            /* "قام مسلحون بهجوم": the subject of the verb carrying the noun is its doer;
             * not of a verb that judges it ("نددت الجزائر بالهجوم") */
            if (instrumental && !judged_by_earlier(c, k)) from = s->tok_begin;
            int p = party_before(c, from, k->ttok);
            /* "فككت الأجهزة الأمنية خلية إرهابية واعتقلت خمسة": a verb joined by و shares the
             * subject of the sentence's first verb (VSO), not the object before it */
            int shared = pos == 'V' && joined_by_wa(c, k) ? vso_subject(c, s, k->ttok) : -1;
            if (shared >= 0) p = shared;
            /* (the subject a verb joined by و shares may stand further back, past the objects
             * of the verbs before it) */
            if (p >= 0 && c->ms[p].tok_end + (p == shared ? 24 : 12) >= k->ttok) {
                /* "شنت قوات مشتركة من نيجيريا والنيجر وتشاد هجوما": the countries of a
                 * force before the noun are its doers, all of them */
                size_t h = c->ms[p].kind == RASID_M_PLACE ? country_list_head(c, p) : 0;
                int f = -1;
                for (size_t back = 2; back <= 3 && h >= back && f < 0; back++) {
                    int g = c->mention_at[h - back];
                    if (g >= 0 && c->ms[g].kind == RASID_M_ACTOR && c->ms[g].sent == c->ms[p].sent) f = g;
                }
                if (f >= 0 && forces_from_countries(c, k, f, k->ttok)) {
                } else if (c->ms[p].kind == RASID_M_PLACE && h < c->ms[p].tok_begin && c->mention_at[h] >= 0) {
                    /* "وقعت النيجر ومالي وبوركينا فاسو ميثاقا": a list of countries, all doers;
                     * "في كل من العراق وسوريا": a list of places, none */
                    if (party_ok(c, c->mention_at[h]) && !list_after_locative(c, h)) {
                        add_party_list(c, k->actor, &k->nactor, c->mention_at[h], c->ms[p].tok_end);
                        if (k->pos == 'B' || two_sided(k)) two_sides(k);
                    }
                } else {
                    /* (and the parties joined to it by و: "جنودا ماليين ومقاتلين أجانب قتلوا",
                     * "أعلن الجيش السوداني وقوات الدعم السريع هدنة"; of a meeting, an agreement
                     * or cooperation, the first acts and the others are its other side) */
                    int hd = c->ms[p].kind == RASID_M_PLACE ? p : party_list_head(c, p);
                    if (hd != p && party_ok(c, hd)) {
                        add_party_list(c, k->actor, &k->nactor, hd, c->ms[p].tok_end);
                        if (k->pos == 'B' || two_sided(k)) two_sides(k);
                    } else {
                        add_party(c, k->actor, &k->nactor, &c->ms[p]);
                    }
                }
            }
        }
        if (!k->nrecipient) {
            /* (not past the word of an event of another type: "سحب سفرائها احتجاجا على
             * تصريحات الوزير"; "قتل ستة جنود في هجوم على ثكنة" tells one event) */
            size_t ne = next_trigger_other(c, k, e);
            for (size_t q = after; q < ne; q++)
                if (ev_cue(c, q, CUE_AGAINST) && (m = party_in(c, q + 1, q + 4 < ne ? q + 4 : ne)) >= 0) {
                    add_party_list(c, k->recipient, &k->nrecipient, m, e);
                    break;
                }
        }
        if (!k->nrecipient && pos == 'V' && k->nactor) {
            /* the object comes before the next verb of the clause */
            int r = party_in(c, after, next_trigger(c, k, e));
            if (r >= 0 && c->ms[r].start > k->actor[k->nactor - 1].start && !people_between(c, after, c->ms[r].tok_begin))
                add_party_list(c, k->recipient, &k->nrecipient, r, e);
        }
        if (!k->nrecipient && pos == 'V' && k->nactor && aid_row(k)) {
            /* "علقت الولايات المتحدة مساعداتها العسكرية للنيجر", "قدمت فرنسا مساعدات لمالي":
             * the country or party under ل after the aid is the one it goes to (or no
             * longer goes to), not the event's place */
            for (size_t q = after; q < e && q < after + 8; q++) {
                int r = c->mention_at[q];
                if (r < 0 || c->ms[r].tok_begin != q || !is_partyish(&c->ms[r]) ||
                    c->ms[r].start <= k->actor[k->nactor - 1].start)
                    continue;
                if (prep_letter(c, r) == 'l') add_party_list(c, k->recipient, &k->nrecipient, r, e);
                break;
            }
        }
        if (!k->nrecipient && pos == 'V' && !k->nactor) {
            /* "مستهدفا مركزا للشرطة": with the doer named elsewhere, a party joined by the
             * genitive ل to the verb's object noun is what the verb hit */
            size_t lim = next_trigger(c, k, e);
            if (lim == after) {
                /* "استهدف هجوم مسلح مقر ...": the event noun right after the verb is its
                 * subject; the object comes before the trigger after that one */
                const ev_cand *p, *pe;
                ev_sentence_cands(c, k, &p, &pe);
                lim = e;
                for (; p < pe; p++)
                    if (p->sent == k->sent && p->ttok > after && p->ttok < lim) lim = p->ttok;
            }
            for (size_t q = after; q < lim && q < after + 8; q++) {
                int r = c->mention_at[q];
                if (r < 0 || c->ms[r].tok_begin != q || !party_ok(c, r)) {
                    if (q >= after + 5 && !construct_target(c, after, q + 1)) break;
                    continue;
                }
                if (q > after && prep_letter(c, r) == 'l' && !ev_cue(c, q - 1, CUE_OWNER)) add_party_list(c, k->recipient, &k->nrecipient, r, e);
                /* "ندد مسؤول بقرار الحكومة", "انتقد الرئيس السابق أداء الحكومة": of a verb of
                 * words, the genitive of its object (a noun, or a noun under ب or ل) is the
                 * party it speaks of */
                else if (q > after && speech_type(k) && !has_prep(c, r) && construct_prep(c, q - 1, 1))
                    add_party_list(c, k->recipient, &k->nrecipient, r, e);
                /* "هاجموا مواقع المتمردين": the party owning the place hit is the target */
                else if (q > after && !has_prep(c, r) && (ev_cue(c, q - 1, CUE_TARGET) || construct_target(c, after, q)))
                    add_party_list(c, k->recipient, &k->nrecipient, r, e);
                break;
            }
        }
        break;
    case 'O': {
        /* a verbal noun and its object: "تفريق مظاهرة", the doer before it */
        int r = party_in(c, after, after + 5 < e ? after + 5 : e);
        /* "اتهام الجزائر لمالي", "تفريق الشرطة للمتظاهرين": a genitive right after the noun
         * with a party under ل after it is the doer, that party the object */
        int lo = r >= 0 && c->ms[r].tok_begin == after && !has_prep(c, r) && c->ms[r].tok_end < e ? c->mention_at[c->ms[r].tok_end] : -1;
        if (lo >= 0 && c->ms[lo].tok_begin == c->ms[r].tok_end && is_partyish(&c->ms[lo]) && prep_letter(c, lo) == 'l') {
            add_party(c, k->actor, &k->nactor, &c->ms[r]);
            add_party_list(c, k->recipient, &k->nrecipient, lo, e);
            break;
        }
        if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
        if (instrumental && !k->nrecipient) {
            /* "رشقت قوات الأمن المحتجين بالغاز المسيل للدموع": the instrument's verb stands
             * before it, with its subject and then its object */
            int p1 = party_in(c, b, k->ttok);
            int p2 = p1 >= 0 ? party_in(c, c->ms[p1].tok_end, k->ttok) : -1;
            if (p1 >= 0 && p2 >= 0) {
                add_party(c, k->actor, &k->nactor, &c->ms[p1]);
                add_party(c, k->recipient, &k->nrecipient, &c->ms[p2]);
                break;
            }
        }
        int p = party_before(c, s->tok_begin, k->ttok);
        if (p >= 0) add_party(c, k->actor, &k->nactor, &c->ms[p]);
        break;
    }
    case 'K': {
        /* "لقي تسعة جنود حتفهم", "لقي 12 مدنيا مصرعهم": the dead stand between لقي and
         * their death */
        for (size_t q = k->ttok; q-- > s->tok_begin && q + 6 >= k->ttok;)
            if (met_verb(&c->t[q])) {
                victims_in(c, k, q + 1, k->ttok);
                break;
            }
        /* "مقتل خمسة من عناصر X", "مقتل عناصر الحركة": the dead belong to X (not the party
         * of another event noun after them: "مقتل عشرة من عناصرها في هجوم لتنظيم داعش") */
        size_t lim = after + 6 < e ? after + 6 : e;
        size_t nt = next_trigger(c, k, e);
        if (nt < lim) lim = nt;
        for (size_t q = after; q < lim; q++) {
            if (ev_cue(c, q, CUE_BY)) break; /* "على أيدي X" is the agent */
            int m2 = c->mention_at[q];
            if (m2 >= 0 && c->ms[m2].tok_begin == q && is_partyish(&c->ms[m2]) && c->ms[m2].kind == RASID_M_ACTOR) {
                add_party(c, k->recipient, &k->nrecipient, &c->ms[m2]);
                break;
            }
        }
        break;
    }
    default:
        break;
    }
    if (k->pos == 'B' && k->nactor + k->nrecipient < 2) {
        /* a meeting names both sides: take the other from before the noun ("أكد الرئيس X
         * للممثل Y خلال استقباله") */
        int p = party_before(c, s->tok_begin, k->ttok);
        size_t h = p < 0                            ? SIZE_MAX
                   : c->ms[p].kind == RASID_M_PLACE ? country_list_head(c, p)
                                                    : c->ms[party_list_head(c, p)].tok_begin;
        if (p >= 0 && h < c->ms[p].tok_begin && c->mention_at[h] >= 0 && party_ok(c, c->mention_at[h]) &&
            !list_after_locative(c, h)) {
            /* "وقعت النيجر ومالي وبوركينا فاسو ميثاقا لتأسيس ...": the countries of a list
             * before the noun are its parties, as with بين X و Y (two_sides); what was found
             * after, on the other side too */
            for (size_t i = 0; i < k->nactor && k->nrecipient < EV_MAX_PARTY; i++)
                if (!already(k->recipient, k->nrecipient, &k->actor[i])) k->recipient[k->nrecipient++] = k->actor[i];
            k->nactor = 0;
            add_party_list(c, k->actor, &k->nactor, c->mention_at[h], c->ms[p].tok_end);
            two_sides(k);
            p = -1;
        }
        while (p >= 0 && k->nactor + k->nrecipient < 2) {
            rasid_entity en;
            entity_from(c, &c->ms[p], &en);
            if (!en.name || already(k->actor, k->nactor, &en) || already(k->recipient, k->nrecipient, &en)) {
                p = party_before(c, s->tok_begin, c->ms[p].tok_begin);
                continue;
            }
            if (k->nactor) {
                /* the earlier one acts */
                memmove(&k->recipient[1], &k->recipient[0], k->nrecipient * sizeof *k->recipient);
                k->recipient[0] = k->actor[0];
                k->nrecipient++;
                k->actor[0] = en;
                k->actor[0] = group_of_entity(c, &c->ms[p], en);
            } else {
                k->actor[k->nactor++] = en;
            }
            p = party_before(c, s->tok_begin, c->ms[p].tok_begin);
        }
    }
    /* "حرر الجيش ... وقبض على", "زار بخاري الكاميرون ثم توجه إلى بنين": a later verb or
     * noun of the same sentence without its own subject shares the earlier one */
    if (!k->nactor && k->pos != 'K' && coordinated_of(c, k) && !nominative_people_after(c, k)) inherit_subject(c, k);
    /* "حظرت السلطات ... وردت على الهجوم بقصف مواقع": a verbal noun governed by a verb
     * that has no subject of its own shares the sentence's earlier subject */
    if (!k->nactor && instrumental && !judged_by_earlier(c, k)) inherit_subject(c, k);
    /* "أعلن سلاح الجو أن غارات جوية شنها على مخابئ للمسلحين أسفرت عن ...": an event noun
     * reported after أن, with a relative verb on it whose subject is left unsaid (شنها،
     * نفذها) and no party after that verb, was done by the one who reports it */
    /* (a party found after that verb, "على مخابئ للمسلحين", is what it hit) */
    if (reported_subject && k->ttok >= s->tok_begin + 2) {
        size_t v = after < e && launched_it(&c->t[after]) ? after : after + 1 < e && launched_it(&c->t[after + 1]) ? after + 1 : 0;
        int nx = v && v + 1 < c->n && c->t[v + 1].sent == k->sent ? c->mention_at[v + 1] : -1;
        int sp = v ? party_before(c, s->tok_begin, k->ttok - 1) : -1;
        if (v && !(nx >= 0 && party_ok(c, nx) && !has_prep(c, nx)) && sp >= 0 && c->ms[sp].tok_end + 1 == k->ttok) {
            for (size_t i = 0; i < k->nactor; i++)
                if (k->actor[i].start > c->t[v].start && k->nrecipient < EV_MAX_PARTY && !already(k->recipient, k->nrecipient, &k->actor[i]))
                    k->recipient[k->nrecipient++] = k->actor[i];
            k->nactor = 0;
            add_party(c, k->actor, &k->nactor, &c->ms[sp]);
        }
    }
    /* "تمكنت مفرزة للجيش، يوم 18 جوان، من تحييد إرهابيين", "نجحت القوات في تحرير
     * الرهائن": a verbal noun after من or في, governed by a verb of managing, is done by that
     * verb's subject (the first party after it, a unit of a force included) */
    if (!k->nactor && k->pos != 'V' && k->ttok >= s->tok_begin + 2) {
        const rasid_token *pr = &c->t[k->ttok - 1];
        int min_fi = (pr->nlen == 4 && (!memcmp(pr->norm, "\xD9\x85\xD9\x86", 4) ||  /* من */
                                        !memcmp(pr->norm, "\xD9\x81\xD9\x8A", 4))); /* في */
        for (size_t v = k->ttok - 1; min_fi && v > s->tok_begin && v + 16 > k->ttok; v--) {
            if (!manage_verb(&c->t[v - 1])) continue;
            int m2 = subject_in(c, v, k->ttok - 1);
            if (m2 >= 0 && party_ok(c, m2)) add_party(c, k->actor, &k->nactor, &c->ms[m2]);
            break;
        }
    }
    /* "أطلقت الجماعة سراح 27 تلميذا اختطفتهم الشهر الماضي": a verb with an object pronoun
     * (a relative clause on what came before) and no subject of its own shares the
     * sentence's earlier subject */
    if (!k->nactor && k->pos == 'V' && k->tread > 0 && k->tread < tt->nreadings && tt->readings[k->tread].enc[0])
        inherit_subject(c, k);
    if (c->ms_sorted && k->pos == 'V' && k->mode && rasid__streq(k->mode, "arrest") && k->tread > 0 && k->tread < tt->nreadings)
        pronoun_arrested(c, k, s);
    if ((k->pos == 'B' || k->pos == 'N') && !k->nactor && !k->nrecipient) nisba_parties(c, k, after, e);
    both_parties(c, k, b, e);
    surrender_parties(c, k, after, e);
    judged_nationality(c, k, after, e);
    /* "التقى حفتر، في بنغازي، وفدا عسكريا روسيا": the other side of a meeting may stand
     * past the commas of a parenthetical place, up to the sentence's next event */
    if (!k->nrecipient && k->nactor && (k->ty == EV_T_CONSULT || k->ty == EV_T_AGREE)) {
        size_t from = after;
        for (size_t a = 0; a < k->nactor; a++)
            for (size_t q = after; q < s->tok_end; q++)
                if (c->t[q].start == k->actor[a].start) {
                    int am = c->mention_at[q];
                    if (am >= 0 && c->ms[am].tok_end > from) from = c->ms[am].tok_end;
                }
        int r = party_in(c, from, next_trigger(c, k, s->tok_end));
        if (r >= 0 && !already(k->actor, k->nactor, &(rasid_entity){.start = c->ms[r].start, .name = c->ms[r].name}))
            add_party_list(c, k->recipient, &k->nrecipient, r, s->tok_end);
    }
    /* agent phrases: على أيدي X، من قبل X، قاده X. An agent named after the trigger
     * outranks a party found before it, which is then the one the event befell ("كان
     * الرئيس قد أطيح به في انقلاب قاده الجنرال X") */
    if (!k->nactor || (k->pos != 'V' && k->actor[0].start < c->t[k->ttok].start)) {
        for (size_t q = after; q + 1 < e && rasid__lex_cue_in_doc(c->doc, CUE_BY); q++)
            /* (not a party with a preposition: "شنها على مخابئ للمسلحين" names what was hit) */
            if (ev_cue(c, q, CUE_BY) && (m = party_in(c, q + 1, q + 4 < e ? q + 4 : e)) >= 0 && !has_prep(c, m)) {
                if (k->nactor && !k->nrecipient) {
                    memcpy(k->recipient, k->actor, k->nactor * sizeof *k->actor);
                    k->nrecipient = k->nactor;
                }
                k->nactor = 0;
                add_party(c, k->actor, &k->nactor, &c->ms[m]);
                break;
            }
    }
    /* "اتهمت واغادوغو جهات في ساحل العاج", "باماكو ترفض": a city right after (or right
     * before) a verb of words or diplomacy, with no preposition, speaks for its state */
    /* "وردت باماكو باتهام الجزائر بدعم الإرهاب": the noun of accusation under ب, its
     * genitive followed by ب and what it is accused of: the genitive is the accused, and
     * the state or party right before the noun (the subject of the verb it answers with)
     * accuses */
    const char *aid_ = ev_field(k->trig, "id");
    if (aid_ && rasid__streq(aid_, "accuse") && prep_b(c, k->ttok) && k->nactor == 1 && after < e &&
        k->actor[0].start == c->t[after].start && c->mention_at[after] >= 0 &&
        (!k->nrecipient || k->recipient[0].start >= c->ms[c->mention_at[after]].end)) {
        /* (a party in what it is accused of is no recipient: "بتسليح الإرهابيين") */
        size_t ae = c->ms[c->mention_at[after]].tok_end;
        int before = k->ttok > b ? c->mention_at[k->ttok - 1] : -1;
        const rasid_mention *x = before >= 0 ? &c->ms[before] : NULL;
        const char *cn = x && x->kind == RASID_M_PLACE && x->country && (x->precision == RASID_P_CITY || x->precision == RASID_P_COUNTRY)
                             ? country_name(c, x->country) : NULL;
        if (ae < e && prep_b(c, ae) && x && x->tok_end == k->ttok && !has_prep(c, before) && (cn || (x->kind == RASID_M_ACTOR && is_partyish(x) && x->country && strlen(x->country) == 3))) {
            k->recipient[0] = k->actor[0];
            k->nrecipient = 1;
            k->nactor = 0;
            if (cn) k->actor[k->nactor++] = country_state(c, cn, x);
            else add_party(c, k->actor, &k->nactor, x);
            if (k->location == before) k->location = -1;
        }
    }
    if (k->pos == 'V' && speech_type(k) && k->ttok > b && c->mention_at[k->ttok - 1] >= 0) {
        /* SVO, "باماكو تتهم الجزائر": what was read as the subject after the verb is its object */
        const rasid_mention *x = &c->ms[c->mention_at[k->ttok - 1]];
        if (x->kind == RASID_M_PLACE && x->precision == RASID_P_CITY && x->tok_end == k->ttok && x->tok_begin == b &&
            k->nactor && !k->nrecipient && k->actor[0].start > c->t[k->ttok].start) {
            memcpy(k->recipient, k->actor, k->nactor * sizeof *k->actor);
            k->nrecipient = k->nactor;
            k->nactor = 0;
        }
    }
    /* "أعلن الجيش أن وحداته نفذت عملية تمشيط أسفرت عن تحييد خمسين إرهابيا": neutralising
     * is done by the forces of a state; with no doer of its own, the force or government
     * speaking in the sentence */
    if (!k->nactor && rasid__streq(ev_field(k->trig, "id") ? ev_field(k->trig, "id") : "", "kill_neutral")) {
        int p = party_before(c, s->tok_begin, k->ttok);
        if (p >= 0 && c->ms[p].sector &&
            (rasid__streq(c->ms[p].sector, "MIL") || rasid__streq(c->ms[p].sector, "COP") || rasid__streq(c->ms[p].sector, "GOV")))
            add_party(c, k->actor, &k->nactor, &c->ms[p]);
    }
    /* "وطالبت نواكشوط السلطات المالية": a capital right after a verb of words, before the
     * party read as its subject, is the subject; that party is the object */
    /* (what was read as that party's object is what is asked or said: "بسحب قواتها") */
    if (k->nactor == 1 && k->pos == 'V' && speech_type(k) && after < e && c->mention_at[after] >= 0) {
        int cm = c->mention_at[after];
        const rasid_mention *x = &c->ms[cm];
        if (x->kind == RASID_M_PLACE && x->precision == RASID_P_CITY && x->tok_begin == after && x->country &&
            country_name(c, x->country) && !has_prep(c, cm) && !locative(c, cm) && !dateline_place(c, x) &&
            k->actor[0].start >= x->end && (!k->actor[0].country || strcmp(k->actor[0].country, x->country))) {
            k->recipient[0] = k->actor[0];
            k->nrecipient = 1;
            k->nactor = 0;
            if (k->location < 0) k->location = cm; /* (where its government speaks from) */
        }
    }
    /* (and before a verbal noun with its object: "وردت باماكو باتهام الجزائر") */
    if (!k->nactor && (k->pos == 'V' || k->pos == 'O') && speech_type(k)) {
        int cands[2] = {after < e && k->pos == 'V' ? c->mention_at[after] : -1, k->ttok > b ? c->mention_at[k->ttok - 1] : -1};
        for (int ci = 0; ci < 2 && !k->nactor; ci++) {
            int cm = cands[ci];
            if (cm < 0) continue;
            const rasid_mention *x = &c->ms[cm];
            const char *cn = x->country ? country_name(c, x->country) : NULL;
            if (x->kind == RASID_M_PLACE && x->precision == RASID_P_CITY && cn && !has_prep(c, cm) && !locative(c, cm) &&
                !dateline_place(c, x) && (x->tok_begin == after || x->tok_end == k->ttok)) {
                k->actor[k->nactor++] = country_state(c, cn, x);
                /* its object is then the party after it */
                if (!k->nrecipient && x->tok_begin == after) {
                    int r = party_in(c, x->tok_end, e);
                    if (r >= 0) add_party_list(c, k->recipient, &k->nrecipient, r, e);
                }
            }
        }
    }
    /* "أعلن رئيس أركان الجيش النيجري أن وحداته قتلت 20 إرهابيا": an office of a state does
     * not fight; the violence it announces or orders is its country's armed forces' */
    if (k->ty == EV_T_ASSAULT)
        for (size_t a = 0; a < k->nactor; a++) {
            const rasid_entity *x = &k->actor[a];
            if (!x->id || !ev_starts(x->id, "rasid:office:") || !x->country || strlen(x->country) != 3) continue;
            const char *cn = country_name(c, x->country);
            if (!cn) continue;
            k->actor[a] = named_span(c, rasid__arena_cat(&c->doc->arena, "Military Forces of ", cn), "force", "MIL",
                                     x->country, rasid__arena_cat(&c->doc->arena, "rasid:mil-", x->country), x->start, x->end);
        }
    /* civilians do not attack: named as the "actor" of an attack they are its victims */
    if (k->ty == EV_T_ASSAULT && k->nactor == 1 && k->actor[0].sector && rasid__streq(k->actor[0].sector, "CVL") &&
        !k->nrecipient) {
        k->recipient[k->nrecipient++] = k->actor[0];
        k->nactor = 0;
    }
    /* the people counted after the next verb of another kind joined by و are that
     * event's ("أحبطت محاولة انقلابية واعتقلت تسعة ضباط": the officers were arrested) */
    size_t ce = e;
    {
        const ev_cand *p, *pe;
        ev_sentence_cands(c, k, &p, &pe);
        for (; p < pe; p++)
            if (p != k && p->sent == k->sent && p->ttok > k->ttok && p->ttok < ce && !family_kin(p, k) && p->pos == 'V' &&
                joined_by_wa(c, p))
                ce = p->ttok;
    }
    /* and the people counted after an earlier verb of another kind are that verb's, not
     * those of a verb joined to it by و ("قتل الجيش عشرة مسلحين واعتقل ثلاثة") */
    size_t cb = b;
    if (k->pos == 'V' && joined_by_wa(c, k)) {
        const ev_cand *p, *pe;
        ev_sentence_cands(c, k, &p, &pe);
        for (; p < pe; p++)
            if (p != k && p->sent == k->sent && p->ttok >= b && p->ttok < k->ttok && !family_kin(p, k)) cb = k->ttok;
    }
    /* "قتل عشرة من المسلحين الذين هاجموا موقعا عسكريا": the people counted before the
     * pronoun of a relative clause whose active verb k is are its doers, the noun the
     * clause tells of, no toll of k (of a passive they are its victims: "الجنود العشرة
     * الذين قتلوا") */
    {
        size_t ro = relative_opener(c, k, b);
        if (ro && ro - 1 > cb && !passive_relative(c, k, b, e)) cb = ro - 1;
    }
    /* "فجر مسلحون عبوة استهدفت دورية، ما أسفر عن إصابة ثلاثة عناصر": the toll told in a
     * result clause right after the event's clause is the event's */
    if (ce == e) ce = result_clause_end(c, e, s);
    counts_in(c, k, cb, ce, ce == e ? s->tok_end : ce);
    tally_counts(c, k, s->tok_begin, s->tok_end);
    /* "محاولة اغتيال", "محاولة الاغتيال": an attempt, its aim not reached */
    k->attempted = k->ttok > b && rasid__streq(c->t[k->ttok - 1].norm, "\xD9\x85\xD8\xAD\xD8\xA7\xD9\x88\xD9\x84\xD9\x87"); /* محاوله */
    /* "مقتل القيادي البارز في تنظيم القاعدة عبد المالك دروكدال", "اغتيال وزير الدفاع": one
     * person, named or told by a definite singular noun right after the noun of a killing,
     * is one dead */
    const char *kid = ev_field(k->trig, "id");
    int assassination = kid && rasid__streq(kid, "assassinate");
    if (k->dead < 0 && !k->attempted && is_kill_trigger(k) && (k->pos == 'K' || assassination) &&
        k->ttok + k->tntok < ce && one_person_at(c, k->ttok + k->tntok)) {
        k->dead = 1;
        k->q_dead = RASID_Q_EXACT;
    }
    /* (and the one person assassinated, named as the verb's object: "اغتال مسلحون وزير الدفاع") */
    if (k->dead < 0 && !k->attempted && assassination && k->nrecipient == 1 && k->recipient[0].kind &&
        rasid__streq(k->recipient[0].kind, "person")) {
        k->dead = 1;
        k->q_dead = RASID_Q_EXACT;
    }
    /* "أصيب ثلاثة جنود تشاديين عندما انفجر لغم بمركبتهم": the toll of the clause before
     * عندما / حين is the toll of the event told after it */
    if (k->ty == EV_T_ASSAULT && k->dead < 0 && k->injured < 0 && b > s->tok_begin) {
        size_t w = SIZE_MAX;
        for (size_t q = b; q <= b + 1 && q < k->ttok; q++)
            if (when_word(&c->t[q])) w = q;
        if (w == SIZE_MAX && when_word(&c->t[b - 1])) w = b - 1;
        size_t q = w;
        while (q != SIZE_MAX && q > s->tok_begin && is_punct(&c->t[q - 1])) q--;
        if (q != SIZE_MAX && q > s->tok_begin) {
            size_t pb, pe;
            clause_of(c, q - 1, &pb, &pe);
            if (pe > w) pe = w;
            counts_in(c, k, pb, pe, pe);
            if (!k->nrecipient) victims_in(c, k, pb, pe);
        }
    }
    /* the people freed in a rescue ("تحرير رهينتين فرنسيتين") are not its target */
    const char *tid = ev_field(k->trig, "id");
    int freeing = tid && (rasid__streq(tid, "retake") || ev_starts(tid, "rescue"));
    /* "13 جنديا قتلوا", "الجنديان قتلا في هجوم": people counted right before a killing verb
     * (past a nationality) with no object after it are its victims, the verb a passive or
     * agreeing with them ("المسلحان قتلا خمسة قرويين": the doers) */
    if (!k->nrecipient && k->pos == 'V' && (is_kill_trigger(k) || (k->mode && rasid__streq(k->mode, "abduct"))) && !freeing &&
        !object_after_verb(c, k)) {
        int nm = counted_before(c, k->ttok, b);
        if (nm >= 0) victims_in(c, k, c->ms[nm].tok_begin, k->ttok);
    }
    /* "وأصيب ستة جنود نيجريين بجروح في انفجار عبوة ناسفة": the people a casualty word
     * counts before the event noun of their clause were its victims */
    if (!k->nrecipient && k->ty == EV_T_ASSAULT && k->pos != 'V' && !freeing)
        for (size_t q = b + 1; q < k->ttok; q++) {
            int vm = c->mention_at[q];
            if (vm < 0 || c->ms[vm].kind != RASID_M_NUMBER || c->ms[vm].tok_begin != q) continue;
            int cr = cue_role(c, q - 1);
            if (cr == R_DEAD || cr == R_INJ) {
                victims_in(c, k, q, k->ttok);
                break;
            }
        }
    if ((k->ty == EV_T_ASSAULT || k->ty == EV_T_COERCE) && !freeing && armed_count < 0)
        victims_in(c, k, after, ce > after ? ce : after);
    /* "هاجم مسلحون قرية", "استهدفت الغارة سوقا شعبيا", "هجوم على مسجد": an attack on a place
     * where civilians live, pray, learn, trade or shelter, with no party hit named, hits
     * civilians */
    /* (not a town retaken or seized: "استعاد الجيش السيطرة على قرية") */
    if (k->ty == EV_T_ASSAULT && !k->nrecipient && !freeing && tid && !ev_starts(tid, "retake") && !ev_starts(tid, "seize"))
        civilian_site(c, k, after, next_trigger(c, k, e));
    /* "أسقط الجيش الجزائري طائرة مسيرة تابعة للجيش المالي": the owner of the aircraft shot
     * down is the target */
    /* (read as the doer when no other party stood after the verb: "أسقطت وحدات الدفاع الجوي
     * طائرة تابعة للجيش المالي"; the force that speaks shot it down) */
    const char *sid = ev_field(k->trig, "id");
    if (sid && rasid__streq(sid, "shootdown") && !k->nrecipient)
        for (size_t q = after; q + 1 < e && q < after + 10; q++) {
            if (c->t[q].kind == RASID_TOK_PUNCT) break;
            int own = ev_cue(c, q, CUE_OWNER), o = own ? c->mention_at[q + (size_t)own] : -1;
            if (o < 0 || c->ms[o].tok_begin != q + (size_t)own || !is_partyish(&c->ms[o])) continue;
            if (k->nactor == 1 && k->actor[0].start == c->ms[o].start) {
                k->nactor = 0;
                int p = party_before(c, s->tok_begin, k->ttok);
                if (p >= 0 && c->ms[p].sector && (rasid__streq(c->ms[p].sector, "MIL") || rasid__streq(c->ms[p].sector, "GOV")))
                    add_party(c, k->actor, &k->nactor, &c->ms[p]);
            }
            if (!already(k->actor, k->nactor, &(rasid_entity){.start = c->ms[o].start, .end = c->ms[o].end, .name = c->ms[o].name}))
                add_party_list(c, k->recipient, &k->nrecipient, o, e);
            break;
        }
    /* "استدعت الجزائر سفيرها في باماكو", "سحب سفرائها لدى الجزائر": the envoy's post
     * (في، لدى or من and a capital or a country) names the state the envoy was recalled from,
     * the recipient, not where the recall happened */
    /* "انسحبت مالي من اتفاق الجزائر": the pact's name (الجزائر) is no party; only an
     * organisation left (من الإيكواس) is the other side. So of a withdrawal: only who or
     * what is left (من) ("انسحبوا من البلدة لتجنيب المدنيين ويلات القصف") */
    if (sid && (rasid__streq(sid, "boycott_pact") || rasid__streq(sid, "withdraw")))
        for (size_t i = 0; i < k->nrecipient; i++) {
            size_t bm = ev_mention_at_byte(c, k->recipient[i].start);
            size_t q = bm < c->nms ? c->ms[bm].tok_begin : 0;
            if (q > 0 && ev_is_min(&c->t[q - 1])) continue; /* من */
            drop_party(k->recipient, &k->nrecipient, i);
            i--;
        }
    int posted = 0; /* (the recall's place was the envoy's post: it happened at no other) */
    if (sid && ev_starts(sid, "sanction") && strstr(sid, "_envoy") && !k->nrecipient)
        for (size_t q = after; q + 2 < e && q < after + 8; q++) {
            if (!ev_cue(c, q, CUE_ENVOY)) continue;
            size_t p = q + (size_t)ev_cue(c, q, CUE_ENVOY);
            int pm = c->mention_at[p + 1];
            const rasid_token *pt = &c->t[p];
            /* (or من: "سحب سفرائها من باريس", recalled from their post) */
            int at = (pt->nlen == 4 && (!memcmp(pt->norm, "\xD9\x81\xD9\x8A", 4) ||                   /* في */
                                        !memcmp(pt->norm, "\xD9\x85\xD9\x86", 4))) ||                 /* من */
                     (pt->nlen == 6 && !memcmp(pt->norm, "\xD9\x84\xD8\xAF\xD9\x8A", 6));             /* لدي (لدى) */
            if (!at || pm < 0 || c->ms[pm].tok_begin != p + 1 || c->ms[pm].kind != RASID_M_PLACE || !c->ms[pm].country ||
                (c->ms[pm].precision != RASID_P_CITY && c->ms[pm].precision != RASID_P_COUNTRY))
                break;
            const rasid_mention *x = &c->ms[pm];
            const char *cn = country_name(c, x->country);
            if (!cn || (k->nactor && k->actor[0].country && rasid__streq(k->actor[0].country, x->country))) break;
            k->recipient[k->nrecipient++] = country_state(c, cn, x);
            if (k->location == pm) k->location = -1;
            posted = k->location < 0;
            break;
        }
    complete_countries(c, k->actor, k->nactor, k->recipient, at_venue(k) ? k->nrecipient : 0, k->ttok);
    complete_countries(c, k->recipient, k->nrecipient, k->actor, at_venue(k) ? k->nactor : 0, k->ttok);
    /* (a tally, "في عمليات متفرقة عبر التراب الوطني", takes no place from another clause) */
    if (k->location < 0 && !posted) k->location = find_place_pass(c, k, b, e, 1);
    if (k->location < 0 && !posted && !k->aggregate) k->location = town_reference(c, k, b, e);
    if (k->location < 0 && !posted && !k->aggregate) k->location = find_place_pass(c, k, s->tok_begin, s->tok_end, 1);
    if (k->location < 0 && !posted) k->location = find_place_pass(c, k, b, e, 0);
    if (k->location < 0 && !posted && !k->aggregate) k->location = find_place_pass(c, k, s->tok_begin, s->tok_end, 0);
    k->date = find_date(c, k, b, e);
    if (k->date < 0) k->date = find_date(c, k, s->tok_begin, s->tok_end);
    {
        /* what was seized or who shelled says more than the verb: "استولت ... على مخبأ
         * للأسلحة" is a seizure of weapons, "قصفت طائرات الجيش" an air strike */
        const char *id = ev_field(k->trig, "id");
        size_t lim = k->ttok + k->tntok + 6 < e ? k->ttok + k->tntok + 6 : e;
        /* "استولت على شاحنتين", "استولوا على المواشي": goods taken are looting, no territory */
        static const char *const goods[] = {
            "\xD8\xB4\xD8\xA7\xD8\xAD\xD9\x86\xD9\x87", "\xD8\xB4\xD8\xA7\xD8\xAD\xD9\x86\xD8\xAA\xD9\x8A\xD9\x86", /* شاحنه شاحنتين */
            "\xD8\xB4\xD8\xA7\xD8\xAD\xD9\x86\xD8\xA7\xD8\xAA", "\xD8\xB3\xD9\x8A\xD8\xA7\xD8\xB1\xD9\x87",             /* شاحنات سياره */
            "\xD8\xB3\xD9\x8A\xD8\xA7\xD8\xB1\xD8\xAA\xD9\x8A\xD9\x86", "\xD8\xB3\xD9\x8A\xD8\xA7\xD8\xB1\xD8\xA7\xD8\xAA", /* سيارتين سيارات */
            "\xD9\x85\xD8\xB1\xD9\x83\xD8\xA8\xD8\xA7\xD8\xAA", "\xD8\xA7\xD9\x85\xD9\x88\xD8\xA7\xD9\x84",             /* مركبات اموال */
            "\xD9\x85\xD9\x85\xD8\xAA\xD9\x84\xD9\x83\xD8\xA7\xD8\xAA", "\xD9\x85\xD9\x88\xD8\xA7\xD8\xB4\xD9\x8A",     /* ممتلكات مواشي */
            "\xD9\x85\xD8\xA7\xD8\xB4\xD9\x8A\xD9\x87", "\xD8\xA7\xD8\xA8\xD9\x84"};                                        /* ماشيه ابل */
        int looted = 0;
        for (size_t q = after; id && rasid__streq(id, "seize_town") && q < e && q < after + 6 && !looted; q++) {
            int nm = c->mention_at[q];
            /* (with the article too: "على عدد من الشاحنات", "على المواشي") */
            const rasid_token *gt = &c->t[q];
            for (uint16_t r = 1; r < gt->nreadings && !looted; r++)
                if (gt->readings[r].article && !gt->readings[r].enc[0])
                    for (size_t g = 0; g < sizeof goods / sizeof *goods && !looted; g++)
                        looted = rasid__streq(gt->readings[r].stem, goods[g]);
            looted = looted || word_is(&c->t[q], goods, sizeof goods / sizeof *goods) ||
                     (nm >= 0 && c->ms[nm].kind == RASID_M_NUMBER && word_is(&c->t[c->ms[nm].tok_end - 1], goods, sizeof goods / sizeof *goods));
            if (nm >= 0 && c->ms[nm].kind == RASID_M_PLACE) break;
        }
        {
            if (looted) {
                k->acled_event = "Strategic developments";
                k->acled_sub = "Looting/property destruction";
            }
        }
        if (id && rasid__streq(id, "seize_town"))
            for (size_t q = after; q < e; q++)
                if (ev_cue(c, q, CUE_WEAPONS)) {
                    ev_set_type(k, "COERCE");
                    k->mode = "seize";
                    k->acled_event = "Strategic developments";
                    k->acled_sub = "Disrupted weapons use";
                    k->cameo = "1711";
                    break;
                }
        if (id && rasid__streq(id, "shell"))
            for (size_t q = b; q < lim; q++) {
                int own = own_aircraft(&c->t[q]);
                if (own || ev_cue(c, q, CUE_AIRCRAFT)) {
                    k->mode = "aerial";
                    k->acled_sub = "Air/drone strike";
                    k->cameo = "195";
                    /* "نفى الجيش أن تكون طائراته قد قصفت مدنيين": its aircraft are the doer's,
                     * the party named before them */
                    int p = own && q < k->ttok && !k->nactor ? party_before(c, s->tok_begin, q) : -1;
                    if (p >= 0) add_party(c, k->actor, &k->nactor, &c->ms[p]);
                    break;
                }
            }
        /* "وأوضح البيان أن الطائرات استهدفت قواعد للإرهابيين": aircraft with no owner as the
         * subject of an attack (right before the verb, or right after it) strike from the air,
         * for the army named last, in this sentence or the two before */
        if (k->ty == EV_T_ASSAULT && (!k->mode || rasid__streq(k->mode, "firearms")) &&
            !(id && ev_starts(id, "shootdown")) && aircraft_subject(c, k, b)) { /* (a downed aircraft is the object) */
            k->mode = "aerial";
            k->acled_event = "Explosions/Remote violence";
            k->acled_sub = "Air/drone strike";
            k->cameo = "195";
            int f = k->nactor ? -1 : army_named_before(c, k);
            if (f >= 0) add_party(c, k->actor, &k->nactor, &c->ms[f]);
        }
        /* "قتلى بمسيرات للدعم السريع", "قصف بالمسيرات": drones as the instrument (ب) of a
         * killing, an attack or shelling make it a drone strike */
        if (k->ty == EV_T_ASSAULT && (!k->mode || rasid__streq(k->mode, "firearms") || rasid__streq(k->mode, "heavy-weapons") ||
                                            rasid__streq(k->mode, "aerial")))
            for (size_t q = after; q < lim; q++)
                if (ev_cue(c, q, CUE_DRONE) && prep_b(c, q)) {
                    k->mode = "drone";
                    k->acled_event = "Explosions/Remote violence";
                    k->acled_sub = "Air/drone strike";
                    k->cameo = "1952";
                    /* "بمسيرات تابعة لقوات الدعم السريع": the drones' owner struck */
                    size_t o = q + (size_t)ev_cue(c, q, CUE_DRONE);
                    int w;
                    if (!k->nactor && o + 1 < e && ev_cue(c, o, CUE_OWNER) && (w = party_in(c, o + 1, o + 3 < e ? o + 3 : e)) >= 0)
                        add_party(c, k->actor, &k->nactor, &c->ms[w]);
                    break;
                }
    }
    k->modality = modality_of(c, k, b);
    if (rasid__streq(k->modality, "asserted")) {
        /* "بعد أسبوع من كمين أودى بحياة سبعة جنود": what a background event of its clause
         * did is background too */
        const ev_cand *p, *pe;
        ev_sentence_cands(c, k, &p, &pe);
        for (; p < pe; p++)
            if (p != k && p->sent == k->sent && p->ttok < k->ttok && p->ttok >= b && p->modality &&
                rasid__streq(p->modality, "historical"))
                k->modality = "historical";
    }
    /* "نجا حاكم ولاية بورنو من محاولة اغتيال", "نجا الوزير من هجوم": who survived the attack
     * (named between a verb of surviving and من right before the trigger, or before محاولة)
     * was its target, not its doer */
    if (k->ty == EV_T_ASSAULT && k->ttok >= b + 3) {
        size_t q = k->ttok - 1;
        if (q > b && rasid__streq(c->t[q].norm, "\xD9\x85\xD8\xAD\xD8\xA7\xD9\x88\xD9\x84\xD9\x87")) q--; /* محاوله */
        if (ev_is_min(&c->t[q])) { /* من */
            size_t v = SIZE_MAX;
            for (size_t back = 1; back <= 8 && q >= back + b; back++)
                if (survive_verb(&c->t[q - back])) { v = q - back; break; }
            int sm = v != SIZE_MAX ? party_in(c, v + 1, q) : -1;
            if (sm >= 0) {
                rasid_entity en;
                entity_from(c, &c->ms[sm], &en);
                size_t w = 0;
                for (size_t i = 0; i < k->nactor; i++) /* (not the survivor as its own attacker) */
                    if (!(k->actor[i].name && en.name && !strcmp(k->actor[i].name, en.name)) &&
                        !(k->actor[i].start >= c->ms[sm].start && k->actor[i].end <= c->ms[sm].end))
                        k->actor[w++] = k->actor[i];
                k->nactor = w;
                if (!already(k->recipient, k->nrecipient, &en) && k->nrecipient < EV_MAX_PARTY)
                    k->recipient[k->nrecipient++] = en;
            }
        }
    }
    if (rasid__streq(k->modality, "negated") && k->nactor && k->ty == EV_T_ASSAULT) {
        /* "أحبطت السلطات محاولة انقلابية": the state that foiled the attack was its target;
         * "أحبط الجيش هجوما لبوكو حرام": the armed group the attack was of, its doer */
        int foiled = 0;
        for (size_t back = 1; back <= 3 && k->ttok >= back + b && !foiled; back++) foiled = ev_cue(c, k->ttok - back, CUE_FOIL) != 0;
        if (!foiled) foiled = foiled_past_subject(c, k->ttok, b);
        const char *sec = k->actor[0].sector;
        int armed = k->nrecipient > 0;
        for (size_t i = 0; i < k->nrecipient && armed; i++) {
            const char *rs = k->recipient[i].sector;
            armed = rs && (rasid__streq(rs, "REB") || rasid__streq(rs, "UAF"));
        }
        if (foiled && sec && (rasid__streq(sec, "GOV") || rasid__streq(sec, "MIL") || rasid__streq(sec, "COP")) &&
            (!k->nrecipient || armed)) {
            rasid_entity doers[EV_MAX_PARTY];
            size_t nd = k->nrecipient;
            memcpy(doers, k->recipient, nd * sizeof *doers);
            memcpy(k->recipient, k->actor, k->nactor * sizeof *k->actor);
            k->nrecipient = k->nactor;
            memcpy(k->actor, doers, nd * sizeof *doers);
            k->nactor = nd;
        }
    }
    {
        /* evidence: the clause of the trigger, widened to every participant, place, date
         * and count found for it in the same sentence */
        uint32_t lo = c->t[b].start, hi = c->t[e - 1].end;
        uint32_t slo = s->start, shi = s->end;
#define WIDEN(a, z)                                                             \
        do {                                                                   \
            if ((a) >= slo && (z) <= shi) {                                    \
                if ((a) < lo) lo = (a);                                        \
                if ((z) > hi) hi = (z);                                        \
            }                                                                  \
        } while (0)
        for (size_t i = 0; i < k->nactor; i++) WIDEN(k->actor[i].start, k->actor[i].end);
        for (size_t i = 0; i < k->nrecipient; i++) WIDEN(k->recipient[i].start, k->recipient[i].end);
#undef WIDEN
        k->ev_start = lo;
        k->ev_end = hi;
    }
    /* a definite event noun with nothing of its own ("قتلوا في الهجوم") tells again an
     * event already told; with its own place, day or toll it is a new one */
    if (k->definite_ref) k->reference = 1;
    /* "فتح تحقيق في مقتل المتظاهرين", "ملابسات الهجوم": what is investigated was told
     * before; it adds to its sentence's events and stands for none of its own */
    /* "اندلعت الحرب في أبريل 2023، وأسفرت عن مقتل عشرات الآلاف": the toll of a war, a
     * conflict or an insurgency is a tally of many events */
    if (k->pos == 'K' && k->ttok >= 2) {
        size_t r = result_verb(c, k);
        if (r != SIZE_MAX) {
            size_t w = SIZE_MAX;
            for (size_t q = s->tok_begin; q < r; q++)
                if (ev_cue(c, q, CUE_WAR)) w = q;
            int between = 0;
            const ev_cand *p, *pe;
            ev_sentence_cands(c, k, &p, &pe);
            for (; p < pe && w != SIZE_MAX; p++)
                if (p != k && p->sent == k->sent && p->ttok > w && p->ttok < r) between = 1;
            if (w != SIZE_MAX && !between) k->aggregate = 1;
        }
    }
    /* "نفذت الشرطة عملية في نجامينا أسفرت عن مقتل أربعة", "عملية للجيش أسفرت عن مقتل": the
     * dead of the outcome (أسفرت عن) of an operation fell to the force that carried it out,
     * the subject right after the sentence's first verb or the force an operation noun
     * names with ل */
    if (k->pos == 'K' && !k->nactor && k->ttok >= 3) {
        size_t r = result_verb(c, k);
        int found = -1;
        /* (before the verb, or between it and its preposition: "أسفرت عملية للشرطة ... عن") */
        for (size_t q = s->tok_begin; r != SIZE_MAX && q + 1 < k->ttok && found < 0; q++) {
            if (q == r) continue;
            int pm = c->mention_at[q];
            if (pm < 0 || c->ms[pm].tok_begin != q || c->ms[pm].kind != RASID_M_ACTOR || !party_ok(c, pm)) continue;
            const char *sec = c->ms[pm].sector;
            if (!sec || (!rasid__streq(sec, "MIL") && !rasid__streq(sec, "COP") && !rasid__streq(sec, "SPY"))) continue;
            int subject = q == s->tok_begin + 1 && !has_prep(c, pm) && c->mention_at[s->tok_begin] < 0 &&
                          !ev_cue(c, s->tok_begin, CUE_FUNCTION) && !ev_cue(c, s->tok_begin, CUE_REPORT);
            int genitive = q > s->tok_begin && prep_letter(c, pm) == 'l' && ev_cue(c, q - 1, CUE_EVENTNOUN);
            if (subject || genitive) found = pm;
        }
        if (found >= 0) {
            rasid_entity en;
            entity_from(c, &c->ms[found], &en);
            if (!already(k->recipient, k->nrecipient, &en)) {
                add_party(c, k->actor, &k->nactor, &c->ms[found]);
                complete_countries(c, k->actor, k->nactor, k->recipient, at_venue(k) ? k->nrecipient : 0, k->ttok);
            }
        }
    }
    /* "أعلن الجيش التشادي مقتل 17 من عناصر بوكو حرام": armed men dead, told by a state
     * force right before (the subject of the reporting verb) with no doer named: the
     * force that reports its enemies' dead killed them */
    /* (also further on, when no other party is named between: "وأكد الجيش في بيان أن
     * عمليات ملاحقة جارية، مشيرا إلى مقتل عدد من الإرهابيين") */
    if (k->pos == 'K' && !k->nactor && k->nrecipient && k->recipient[0].sector &&
        (rasid__streq(k->recipient[0].sector, "REB") || rasid__streq(k->recipient[0].sector, "UAF")) &&
        si->first_report < k->ttok && si->first_report + 1 < k->ttok && si->first_report + 30 >= k->ttok) {
        int pm = c->mention_at[si->first_report + 1];
        int alone = pm >= 0;
        for (size_t q = pm >= 0 ? c->ms[pm].tok_end : k->ttok; q < k->ttok && alone; q++) {
            int x = c->mention_at[q];
            if (x >= 0 && c->ms[x].tok_begin == q && party_ok(c, x)) alone = 0;
        }
        if (pm >= 0 && c->ms[pm].tok_begin == si->first_report + 1 && c->ms[pm].kind == RASID_M_ACTOR && c->ms[pm].sector &&
            (rasid__streq(c->ms[pm].sector, "MIL") || rasid__streq(c->ms[pm].sector, "COP")) &&
            (c->ms[pm].tok_end == k->ttok || alone))
            add_party(c, k->actor, &k->nactor, &c->ms[pm]);
    }
    /* "الاشتباكات أسفرت عن مقتل ستة أشخاص": the toll of an event named again is that
     * event's toll */
    if (k->pos == 'K' && k->ttok >= 3) {
        size_t r = result_verb(c, k);
        if (r != SIZE_MAX && r >= 1 && c->t[r - 1].sent == k->sent && ev_cue(c, r - 1, CUE_EVENTNOUN)) {
            const rasid_token *nt = &c->t[r - 1];
            int def = nt->nlen > 4 && !memcmp(nt->norm, "\xD8\xA7\xD9\x84", 4);
            for (uint16_t q = 1; q < nt->nreadings && !def; q++) def = nt->readings[q].article;
            if (def) k->reference = 1;
        }
    }
    {
        int inquiry = k->ttok >= 1 && ev_cue(c, k->ttok - 1, CUE_INQUIRY);
        /* (an adjective may stand between: "تحقيق مستقل في مقتل") */
        if (!inquiry && k->ttok >= 2 && c->t[k->ttok - 1].nlen == 4 && !memcmp(c->t[k->ttok - 1].norm, "\xD9\x81\xD9\x8A", 4)) /* في */
            for (size_t back = 2; back <= 4 && k->ttok >= back && c->t[k->ttok - back].sent == k->sent && !inquiry; back++)
                inquiry = ev_cue(c, k->ttok - back, CUE_INQUIRY) != 0;
        if (inquiry) k->pos = 'R';
    }
    /* "أعلن تحالف للمتمردين الطوارق أن ...": an alliance noun with its members after the
     * genitive ل, and no partner after مع or بين in its clause, names a coalition, not an
     * alliance being made ("تحالف الجيش مع فاغنر" is one) */
    if (k->pos == 'B' && k->tntok == 1 && k->ty == EV_T_COOPERATE && after < e) {
        int m2 = c->mention_at[after];
        int partner = 0;
        for (size_t q = after; m2 >= 0 && q < e && q <= c->ms[m2].tok_end + 2 && !partner; q++)
            partner = ev_cue(c, q, CUE_WITH) || ev_cue(c, q, CUE_BETWEEN);
        const char *id = ev_field(k->trig, "id");
        if (m2 >= 0 && c->ms[m2].tok_begin == after && prep_letter(c, m2) == 'l' && !partner && id && ev_starts(id, "ally"))
            k->pos = 'R';
    }
    /* "أبلغته احتجاج الحكومة الشديد", "قدمت الخارجية احتجاجا": a protest noun made by a
     * government or a ministry only is a diplomatic protest, no demonstration */
    if (k->ty == EV_T_PROTEST && k->pos == 'N' && k->nactor) {
        size_t st = 0;
        for (size_t i = 0; i < k->nactor; i++) st += k->actor[i].sector && rasid__streq(k->actor[i].sector, "GOV");
        if (st == k->nactor) k->pos = 'R';
    }
    /* "ألغى المجلس العسكري في مارس اتفاق التعاون العسكري مع الولايات المتحدة": an
     * agreement cancelled a few words after a verb or noun of cancelling is relations
     * reduced (PLOVER SANCTION, CAMEO 160), no agreement reached; so is an agreement or a
     * cooperation suspended ("أعلن المجلس تعليق العمل باتفاقية التعاون العسكري", "علقت
     * النيجر التعاون العسكري مع فرنسا") */
    if ((k->ty == EV_T_AGREE || k->ty == EV_T_COOPERATE) && k->pos != 'R') {
        for (size_t q = k->ttok; q-- > b && q + 7 >= k->ttok;)
            if ((k->ty == EV_T_AGREE && cancel_word(&c->t[q])) || suspend_word(&c->t[q])) {
                ev_set_type(k, "SANCTION");
                k->mode = NULL;
                k->context = "diplomatic";
                k->acled_event = k->acled_sub = NULL;
                k->cameo = "160";
                break;
            }
    }
    /* "بعد إلغاء زيارة الوفد": a visit or a meeting cancelled did not take place */
    if (k->ty == EV_T_CONSULT && k->ttok > b && cancel_word(&c->t[k->ttok - 1])) k->pos = 'R';
    /* "احتج مئات اللاجئين السودانيين في أدري": civilians who protest are ACLED's
     * "Protesters (country)", the country where they protest */
    if (k->ty == EV_T_PROTEST && k->nactor) {
        size_t cv = 0;
        for (size_t i = 0; i < k->nactor; i++) cv += k->actor[i].id && rasid__streq(k->actor[i].id, "rasid:civilians");
        if (cv == k->nactor) k->nactor = 0;
    }
    if (k->ty == EV_T_PROTEST && !k->nactor) {
        /* "تظاهر مئات الأشخاص": ACLED's "Protesters (country)" */
        const char *iso = k->location >= 0 ? c->ms[k->location].country : NULL;
        const char *cn = iso ? country_name(c, iso) : NULL;
        k->actor[k->nactor++] =
            named_span(c, cn ? rasid__arena_cat(&c->doc->arena, "Protesters (", cn, ")") : "Protesters", "civilians", "CVL",
                       iso, "rasid:protesters", c->t[k->ttok].start, c->t[k->ttok + k->tntok - 1].end);
    }
    /* "نشر وحدات على الطرق المؤدية إلى الحدود مع ليبيا": a country across a border is a
     * landmark, no party, unless the border itself is acted on (closed, sanctioned); and
     * it never does what happened near it ("هجوم على قافلة قرب الحدود مع مالي") */
    size_t subj = subjected_to(c, k, b);
    if (subj) {
        /* the parties before the noun suffered it; its doer is named after it, or none */
        size_t kept = 0;
        for (size_t i = 0; i < k->nactor; i++) {
            if (k->actor[i].start > c->t[k->ttok].start) k->actor[kept++] = k->actor[i];
            else if (k->nrecipient < EV_MAX_PARTY && !already(k->recipient, k->nrecipient, &k->actor[i]))
                k->recipient[k->nrecipient++] = k->actor[i];
        }
        k->nactor = kept;
        if (!k->nrecipient) { /* "تعرضت قافلة تابعة لبعثة الأمم المتحدة": the owner of what was hit */
            for (size_t q = subj; q + 1 < k->ttok && !k->nrecipient; q++) {
                int own = ev_cue(c, q, CUE_OWNER), o = own ? c->mention_at[q + (size_t)own] : -1;
                if (o >= 0 && c->ms[o].tok_begin == q + (size_t)own && is_partyish(&c->ms[o]))
                    add_party(c, k->recipient, &k->nrecipient, &c->ms[o]);
            }
        }
        for (size_t q = subj; q < k->ttok && !k->nrecipient; q++) { /* "تعرض موقع للجيش لهجوم" */
            int r = c->mention_at[q];
            if (r >= 0 && c->ms[r].tok_begin == q && is_partyish(&c->ms[r])) add_party(c, k->recipient, &k->nrecipient, &c->ms[r]);
        }
        complete_countries(c, k->recipient, k->nrecipient, k->actor, at_venue(k) ? k->nactor : 0, k->ttok);
        int d = k->nactor ? -1 : doer_after(c, k, e);
        if (d >= 0) add_party(c, k->actor, &k->nactor, &c->ms[d]);
        for (size_t i = 0; i < k->nrecipient; i++) /* (no party on both sides) */
            if (already(k->actor, k->nactor, &k->recipient[i])) {
                drop_party(k->recipient, &k->nrecipient, i);
                i--;
            }
    }
    /* "أسر الجيش خمسة إرهابيين": fighters a state force captures are its prisoners, an
     * arrest; captives of an armed group stay hostages */
    if (ev_capture_row(k) && k->nactor && k->actor[0].sector &&
        (rasid__streq(k->actor[0].sector, "MIL") || rasid__streq(k->actor[0].sector, "COP"))) {
        ev_set_type(k, "COERCE");
        k->mode = "arrest";
        k->context = "military";
        k->acled_event = "Strategic developments";
        k->acled_sub = "Arrests";
        k->cameo = "173";
        if (k->hostages >= 0 && k->arrested < 0) { k->arrested = k->hostages; k->q_arrested = k->q_hostages; }
        k->hostages = -1;
    }
    /* "فجرت انتحارية من جماعة بوكو حرام نفسها": a suicide bomber of a group named after
     * it acts for the group, and the attack is still a suicide attack */
    if (k->ty == EV_T_ASSAULT && k->nactor && k->actor[0].sector &&
        (rasid__streq(k->actor[0].sector, "REB") || rasid__streq(k->actor[0].sector, "UAF")) &&
        !(k->mode && rasid__streq(k->mode, "suicide-attack")))
        for (size_t q = b; q < e; q++) {
            int sm = c->mention_at[q];
            if (sm < 0 || c->ms[sm].tok_begin != q || c->ms[sm].kind != RASID_M_ACTOR || !c->ms[sm].id ||
                !strstr(c->ms[sm].id, "suicide") || group_of(c, &c->ms[sm]) == &c->ms[sm])
                continue;
            k->mode = "suicide-attack";
            k->acled_event = "Explosions/Remote violence";
            k->acled_sub = "Suicide bomb";
            k->cameo = "1831";
            break;
        }
    if (c->ms_sorted) {
        int acted_on = (k->ty == EV_T_COERCE) || (k->ty == EV_T_SANCTION);
        drop_border_landmarks(c, k->actor, &k->nactor);
        if (!acted_on) drop_border_landmarks(c, k->recipient, &k->nrecipient);
        if (k->ty == EV_T_MOBILIZE) drop_sent_troops(c, k);
    }
    if (k->ty == EV_T_MOBILIZE && !k->nactor) arriving_troops(c, k);
    if (k->nrecipient) drop_victims_of_condemned(c, k, after, e);
    if (k->nrecipient) drop_aims_of_threat(c, k, after);
    civilian_staff(c, k, after, e);
    /* "وردت باماكو باستدعاء سفير الجزائر": the envoy summoned or recalled is its object,
     * never its doer */
    {
        const char *eid = ev_field(k->trig, "id");
        if (eid && ev_starts(eid, "sanction") && strstr(eid, "_envoy") && k->nactor == 1 && k->actor[0].id &&
            ev_starts(k->actor[0].id, "rasid:office:") && strstr(k->actor[0].id, ":Ambassador")) {
            if (!already(k->recipient, k->nrecipient, &k->actor[0]) && k->nrecipient < EV_MAX_PARTY)
                k->recipient[k->nrecipient++] = k->actor[0];
            k->nactor = 0;
            /* (its doer the city right before it, subject of the verb that governs it:
             * "ردت باماكو باستدعاء": the state of that city) */
            int cm = k->ttok > b ? c->mention_at[k->ttok - 1] : -1;
            const rasid_mention *x = cm >= 0 ? &c->ms[cm] : NULL;
            const char *cn = x && x->country ? country_name(c, x->country) : NULL;
            if (x && x->kind == RASID_M_PLACE && x->precision == RASID_P_CITY && x->tok_end == k->ttok && cn &&
                !has_prep(c, cm) && !dateline_place(c, x) && x->tok_begin > b)
                k->actor[k->nactor++] = country_state(c, cn, x);
        }
    }
    if (k->nactor == 1 && k->pos == 'V') pronoun_object_not_doer(c, k);
    /* "غادر آخر جندي فرنسي النيجر": troops leaving are the doer of their departure; the
     * state read as the subject after them is the one they left */
    const char *wid = ev_field(k->trig, "id");
    if (k->ty == EV_T_RETREAT && wid && strstr(wid, "_arrive_") && k->nactor <= 1) {
        rasid_entity a0 = k->nactor ? k->actor[0] : (rasid_entity){0};
        size_t na = k->nactor;
        k->nactor = 0;
        arriving_troops(c, k);
        if (!k->nactor || (na && a0.start < k->actor[0].end)) {
            k->nactor = na;
            if (na) k->actor[0] = a0;
        } else if (na && !k->nrecipient && a0.sector && rasid__streq(a0.sector, "GOV")) {
            k->recipient[k->nrecipient++] = a0;
        }
    }
    /* the recipient is not the actor */
    for (size_t i = 0; i < k->nrecipient; i++)
        for (size_t j = 0; j < k->nactor; j++)
            if (k->recipient[i].name && k->actor[j].name && !strcmp(k->recipient[i].name, k->actor[j].name)) {
                drop_party(k->recipient, &k->nrecipient, i);
                i--;
                break;
            }
}

/* Before a claimant replaces the actor: a state force or government found as the
 * "actor" of a claimed attack was its target ("استهدف ثكنة للجيش"). */
static void displace_actor(ev_ctx *c, ev_cand *k, int claimant)
{
    (void)claimant;
    if (k->nrecipient || !k->nactor) return;
    const char *sec = k->actor[0].sector;
    if (!sec || rasid__streq(sec, "UAF") || rasid__streq(sec, "REB")) return;
    (void)c;
    k->recipient[0] = k->actor[0];
    k->nrecipient = 1;
}

/* The claimant m becomes k's actor. A suicide bomber it replaces still says how the
 * attack was made: "فجر انتحاري نفسه ... وتبنت بوكو حرام الهجوم" is Boko Haram's suicide
 * attack. */
static void claimed_by(ev_ctx *c, ev_cand *k, int m)
{
    displace_actor(c, k, m);
    for (size_t a = 0; a < k->nactor; a++)
        if (k->actor[a].id && strstr(k->actor[a].id, "suicide")) {
            k->mode = "suicide-attack";
            k->acled_event = "Explosions/Remote violence";
            k->acled_sub = "Suicide bomb";
            k->cameo = "1831";
        }
    k->nactor = 0;
    add_party(c, k->actor, &k->nactor, &c->ms[m]);
    k->claimed = 1;
}

/* The first candidate whose sentence (by_tok 0) or trigger token (by_tok 1) is at least
 * v: candidates are in token order until the merging passes. */
static size_t first_cand(const ev_cand *k, size_t nk, int by_tok, uint32_t v)
{
    size_t lo = 0, hi = nk;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((by_tok ? k[mid].ttok : k[mid].sent) < v) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* "قتل مسلحون 12 شخصا في هجوم على قرية", "ذبحوا عشرة أشخاص": the dead counted by the
 * generic noun شخص in an attack whose doers are all non-state armed groups (REB, UAF, a
 * transnational group), told as no clash and with no side of their own, are civilians, as
 * ACLED codes violence against civilians when nothing says the dead fought. Not an attack
 * by a state force (its dead may be fighters), nor "اشتباكات" (both sides' dead). */
void ev_people_as_civilians(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        ev_cand *x = &k[i];
        /* (and the people abducted: "خطف مسلحون أكثر من 200 شخص") */
        int taken = x->dead <= 0 && x->hostages > 0 && x->mode && rasid__streq(x->mode, "abduct");
        if (!x->alive || x->ty != EV_T_ASSAULT || (x->dead <= 0 && !taken) || x->nrecipient || !x->nactor ||
            ev_told_as_clash(x) || x->dead_foe > 0)
            continue;
        int armed = 1;
        for (size_t a = 0; a < x->nactor && armed; a++) {
            const rasid_entity *e = &x->actor[a];
            armed = (e->sector && (rasid__streq(e->sector, "REB") || rasid__streq(e->sector, "UAF"))) ||
                    (e->country && rasid__streq(e->country, "IMG"));
        }
        if (!armed) continue;
        for (size_t m = 0; m < c->nms; m++) {
            const rasid_mention *n = &c->ms[m];
            if (n->kind != RASID_M_NUMBER || !n->noun || !rasid__streq(n->noun, "person") || n->start < x->ev_start ||
                n->end > x->ev_end || (long)n->num != (taken ? x->hostages : x->dead))
                continue;
            x->recipient[x->nrecipient++] =
                named_span(c, "Civilians", "civilians", "CVL", NULL, "rasid:civilians", n->start, n->end);
            break;
        }
    }
}

/* Does token t, with or without the article and with no pronoun on it, read `form`, or
 * `form` with the accusative's tanween alef (انقلابا عسكريا)? */
static int bare_or_definite(const rasid_token *t, const char *form)
{
    size_t fl = strlen(form);
    for (uint16_t r = 0; r < t->nreadings; r++) {
        const char *st = r ? t->readings[r].stem : t->norm;
        if (r && t->readings[r].enc[0]) continue;
        if (!st) continue;
        if (rasid__streq(st, form)) return 1;
        if (!strncmp(st, form, fl) && rasid__streq(st + fl, "\xD8\xA7")) return 1;
    }
    return 0;
}

/* "الانقلاب العسكري الذي أطاح بالرئيس محمد بازوم", "انقلاب عسكري ضد الرئيس": a coup called
 * military (انقلاب then عسكري) whose doer is not named was staged by the army of the
 * ousted leader's country (the recipient's, a state party of that one country). */
void ev_military_coup(ev_ctx *c)
{
    static const char coup[] = "\xD8\xA7\xD9\x86\xD9\x82\xD9\x84\xD8\xA7\xD8\xA8"; /* انقلاب */
    static const char mil[] = "\xD8\xB9\xD8\xB3\xD9\x83\xD8\xB1\xD9\x8A";          /* عسكري */
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        ev_cand *x = &k[i];
        const char *id = x->trig ? ev_field(x->trig, "id") : NULL;
        if (!x->alive || x->nactor > 1 || !x->nrecipient || !id || !ev_starts(id, "coup") || (id[4] && id[4] != '_')) continue;
        /* the ousted: parties of one country, none of them an armed group or an IGO */
        const char *iso = NULL;
        int ok = 1;
        for (size_t r = 0; r < x->nrecipient && ok; r++) {
            const rasid_entity *e = &x->recipient[r];
            ok = e->country && strlen(e->country) == 3 && !rasid__streq(e->country, "IMG") && !rasid__streq(e->country, "IGO") &&
                 e->sector && (rasid__streq(e->sector, "GOV") || rasid__streq(e->sector, "LEG")) && (!iso || !strcmp(iso, e->country));
            if (ok) iso = e->country;
        }
        if (!ok || !iso) continue;
        /* "شهدت بوركينا فاسو انقلابا عسكريا أطاح بالرئيس": the state of the ousted leader
         * saw the coup, it staged none */
        if (x->nactor && !(x->actor[0].kind && rasid__streq(x->actor[0].kind, "state") && x->actor[0].country &&
                           !strcmp(x->actor[0].country, iso)))
            continue;
        x->nactor = 0;
        /* "انقلاب عسكري" within its evidence */
        size_t at = SIZE_MAX;
        for (size_t q = 0; q + 1 < c->n && at == SIZE_MAX; q++) {
            if (c->t[q].start < x->ev_start || c->t[q + 1].end > x->ev_end) continue;
            if (c->t[q].sent != c->t[q + 1].sent) continue;
            if (bare_or_definite(&c->t[q], coup) && bare_or_definite(&c->t[q + 1], mil)) at = q + 1;
        }
        if (at == SIZE_MAX) continue;
        const char *cn = country_name(c, iso);
        x->actor[x->nactor++] = named_span(c, rasid__arena_cat(&c->doc->arena, "Military Forces of ", cn ? cn : iso, ""), "force",
                                           "MIL", iso, rasid__arena_cat(&c->doc->arena, "rasid:mil-", iso, ""), c->t[at].start,
                                           c->t[at].end);
    }
}

void ev_distinct_sides(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        ev_cand *x = &k[i];
        /* one mention read as both sides ("بسيارة مفخخة استهدف السفارة الفرنسية": the
         * embassy is the target, and nothing in the clause did it): the target stays */
        for (size_t a = 0; a < x->nactor;) {
            if (already(x->recipient, x->nrecipient, &x->actor[a])) {
                memmove(&x->actor[a], &x->actor[a + 1], (x->nactor - a - 1) * sizeof *x->actor);
                x->nactor--;
            } else {
                a++;
            }
        }
    }
}

/* The opponent left unsaid. "حرر الجيش 30 رهينة قرب ديكوا" in an article about one
 * armed group: a state force's attack, rescue or recapture that names no target is
 * directed at the armed group the text has just been talking about. Taken only when an
 * armed group (sector REB) was named in the same sentence before the trigger or in the
 * three sentences before it: the nearest such mention. The entity is that mention, so
 * its text and offsets are real. */
#define OPPONENT_SENTENCES 3
static int named_in(const rasid_entity *list, size_t n, const char *name)
{
    for (size_t i = 0; name && i < n; i++)
        if (list[i].name && !strcmp(list[i].name, name)) return 1;
    return 0;
}

/* A plural pronoun (هم، هما) on the trigger or on a word after it in its clause: "قصفت
 * مواقعهم", "أطلقوا النار عليهم". */
static int plural_pronoun_after(const ev_ctx *c, const ev_cand *x)
{
    size_t b, e;
    clause_of(c, x->ttok, &b, &e);
    for (size_t q = x->ttok; q < e && q < x->ttok + x->tntok + 6; q++) {
        const rasid_token *t = &c->t[q];
        /* (منهم: من with its pronoun is read whole) */
        if ((t->nlen == 8 && !memcmp(t->norm, "\xD9\x85\xD9\x86\xD9\x87\xD9\x85", 8)) ||
            (t->nlen == 10 && !memcmp(t->norm, "\xD9\x88\xD9\x85\xD9\x86\xD9\x87\xD9\x85", 10)))
            return 1;
        for (size_t r = 1; r < t->nreadings; r++) {
            const char *enc = t->readings[r].enc;
            if (enc && (rasid__streq(enc, "\xD9\x87\xD9\x85") || rasid__streq(enc, "\xD9\x87\xD9\x85\xD8\xA7"))) return 1;
        }
    }
    return 0;
}

/* Are all the parties of the list state forces or governments of a country? */
static int state_party(const rasid_entity *list, size_t n)
{
    int state = n > 0;
    for (size_t a = 0; a < n; a++) {
        const char *sec = list[a].sector;
        state &= sec && (rasid__streq(sec, "MIL") || rasid__streq(sec, "COP") || rasid__streq(sec, "GOV")) && list[a].country &&
                 !rasid__streq(list[a].country, "IMG");
    }
    return state;
}

static int nonstate_party(const rasid_entity *list, size_t n)
{
    int ok = n > 0;
    for (size_t a = 0; a < n; a++) {
        const char *sec = list[a].sector;
        ok &= sec && (rasid__streq(sec, "REB") || rasid__streq(sec, "UAF") || rasid__streq(sec, "CVL"));
    }
    return ok;
}

/* The people a state's plural pronoun (هم) stands for: of the event told just before x (in
 * its sentence or the one before), its doers when they are armed men or a group, else the
 * other side when x's doer did it too. Sets x's recipients; 0 when there is none. */
static int pronoun_referent(ev_ctx *c, ev_cand *x)
{
    const ev_cand *k = c->cands.data, *y = NULL;
    for (size_t j = 0; j < c->cands.len; j++) {
        const ev_cand *z = &k[j];
        if (z == x || (z->ty != EV_T_ASSAULT && z->ty != EV_T_COERCE && z->ty != EV_T_PROTEST)) continue;
        if (!z->nactor) continue;
        if (z->sent > x->sent || (z->sent == x->sent && z->ttok >= x->ttok) || z->sent + 1 < x->sent) continue;
        if (!y || z->sent > y->sent || (z->sent == y->sent && z->ttok > y->ttok)) y = z;
    }
    if (!y) return 0;
    const rasid_entity *from = NULL;
    size_t n = 0;
    if (y->ty == EV_T_ASSAULT && nonstate_party(y->actor, y->nactor) && !rasid__streq(y->actor[0].sector, "CVL")) {
        from = y->actor;
        n = y->nactor;
    } else if (y->nrecipient && nonstate_party(y->recipient, y->nrecipient) && x->nactor &&
               named_in(y->actor, y->nactor, x->actor[0].name)) {
        from = y->recipient;
        n = y->nrecipient;
    }
    if (!from) return 0;
    memcpy(x->recipient, from, n * sizeof *from);
    x->nrecipient = n;
    return 1;
}

void ev_implicit_opponents(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    /* "دانت الأمم المتحدة الهجوم": the condemned attack's doer is the one condemned */
    for (size_t i = 0; i < c->cands.len; i++) {
        ev_cand *x = &k[i];
        if (!x->alive || x->nrecipient || x->ty != EV_T_ACCUSE) continue;
        size_t after = x->ttok + x->tntok, ref = 0;
        for (size_t q = after; q < after + 6 && q < c->n && c->t[q].sent == x->sent && !ref; q++)
            if (ev_cue(c, q, CUE_EVENTNOUN)) ref = 1;
        if (!ref) continue;
        for (size_t j = i; j > 0; j--) {
            const ev_cand *y = &k[j - 1];
            if (!y->alive || y->ty != EV_T_ASSAULT || y->descriptive) continue;
            if (y->modality && !rasid__streq(y->modality, "asserted") && !rasid__streq(y->modality, "historical")) continue;
            if (y->nactor && (!x->nactor || !already(y->actor, y->nactor, &x->actor[0]))) {
                memcpy(x->recipient, y->actor, y->nactor * sizeof *y->actor);
                x->nrecipient = y->nactor;
            }
            break; /* the latest attack told, named or not */
        }
    }
    if (!c->ms_sorted) return;
    /* "أطلقت الشرطة النار على المحتجين، ثم اعتقلت عشرات منهم": a state's arrest with a plural
     * pronoun after it names the other side of the event before it */
    for (size_t i = 0; i < c->cands.len; i++) {
        ev_cand *x = &k[i];
        if (!x->alive || x->nrecipient || !x->nactor || x->ty != EV_T_COERCE) continue;
        if (state_party(x->actor, x->nactor) && plural_pronoun_after(c, x)) pronoun_referent(c, x);
    }
    for (size_t i = 0; i < c->cands.len; i++) {
        ev_cand *x = &k[i];
        if (!x->alive || x->nrecipient || !x->nactor || x->ty != EV_T_ASSAULT) continue;
        int state = 1;
        for (size_t a = 0; a < x->nactor; a++) {
            const char *sec = x->actor[a].sector;
            state &= sec && (rasid__streq(sec, "MIL") || rasid__streq(sec, "COP") || rasid__streq(sec, "GOV")) && x->actor[a].country &&
                     !rasid__streq(x->actor[a].country, "IMG");
        }
        if (!state) continue;
        /* "طائرة مسيرة تابعة للجيش قصفت تجمعا للمدنيين": another trigger of the same attack
         * close by (no doer of its own) names the target; the reports merge, no opponent is
         * guessed */
        int told = 0;
        for (size_t j = 0; j < c->cands.len && !told; j++) {
            const ev_cand *z = &k[j];
            /* (its doer none, or the same) */
            int same_doer = !z->nactor || (z->actor[0].name && x->actor[0].name && !strcmp(z->actor[0].name, x->actor[0].name));
            told = z != x && z->alive && z->sent == x->sent && z->nrecipient && same_doer && z->ty == EV_T_ASSAULT &&
                   z->ttok > x->ttok && z->ttok <= x->ttok + 8;
        }
        if (told) continue;
        int found = -1;
        /* "هاجم مسلحون جنودا ... ثم قصف الجيش مواقعهم": a plural pronoun after the trigger of
         * a state's attack (مواقعهم، عليهم، ضدهم) names the doers of the attack told before it */
        if (plural_pronoun_after(c, x) && pronoun_referent(c, x)) continue;
        /* "حررت قواته 12 رهينة ... وقتلت عددا من عناصر بوكو حرام": the group its own sentence
         * names after the trigger first */
        for (size_t m = mentions_before(c, x->ttok); m < c->nms && c->ms[m].sent == x->sent; m++) {
            const rasid_mention *y = &c->ms[m];
            if (y->kind != RASID_M_ACTOR || !y->sector || !rasid__streq(y->sector, "REB") || allegiance(c, (int)m)) continue;
            found = (int)m;
            break;
        }
        for (size_t m = mentions_before(c, x->ttok); found < 0 && m > 0; m--) {
            const rasid_mention *y = &c->ms[m - 1];
            if (y->sent + OPPONENT_SENTENCES < x->sent) break;
            if (y->kind != RASID_M_ACTOR || !y->sector || !rasid__streq(y->sector, "REB")) continue;
            if (allegiance(c, (int)(m - 1))) continue; /* the group named before it is the one */
            found = (int)(m - 1);
            break;
        }
        if (found >= 0) add_party(c, x->recipient, &x->nrecipient, &c->ms[found]);
    }
}

/* The trigger row id of the event noun a claim names ("تبنى ... الكمين": ambush), within
 * ten tokens of the claim cue in its sentence, or NULL. */
static const char *claimed_kind(const ev_ctx *c, size_t from)
{
    if (from >= c->n) return NULL;
    uint32_t sent = c->t[from].sent;
    for (size_t q = from; q < from + 10 && q < c->n && c->t[q].sent == sent; q++) {
        if (!ev_cue(c, q, CUE_EVENTNOUN)) continue;
        rasid__match m[8];
        size_t n = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_TRIGGER), 0, m, 8);
        for (size_t j = 0; j < n; j++) {
            const char *id = ev_field(m[j].e, "id");
            if (id) return id;
        }
        return NULL;
    }
    return NULL;
}

/* Does the claim at token i (cue of len tokens) claim two attacks: a dual pronoun
 * (تبناهما) or a dual event noun after it (تبنى ... الهجومين، مسؤوليته عن الهجومين)? */
static int dual_claim(const ev_ctx *c, size_t i, size_t len)
{
    const rasid_token *ct = &c->t[i + len - 1];
    for (uint16_t r = 0; r < ct->nreadings; r++)
        if (rasid__streq(ct->readings[r].enc, "\xD9\x87\xD9\x85\xD8\xA7")) return 1;
    if (ct->nlen >= 6 && !memcmp(ct->norm + ct->nlen - 6, "\xD9\x87\xD9\x85\xD8\xA7", 6)) return 1;
    for (size_t q = i + len; q < i + len + 10 && q < c->n && c->t[q].sent == c->t[i].sent; q++) {
        if (!ev_cue(c, q, CUE_EVENTNOUN)) continue;
        int m = c->mention_at[q];
        return m >= 0 && c->ms[m].kind == RASID_M_NUMBER && c->ms[m].num == 2;
    }
    return 0;
}

/* The number of places told by the attacks (not references) of sentence ss: two attacks
 * in one sentence are told at two places. */
static int attack_places(const ev_ctx *c, const ev_cand *k, size_t nk, uint32_t ss)
{
    const char *first = NULL;
    for (size_t r = first_cand(k, nk, 0, ss); r < nk && k[r].sent == ss; r++) {
        if (!rasid__streq(k[r].type, "ASSAULT") || k[r].reference || k[r].location < 0) continue;
        const char *nm = c->ms[k[r].location].name;
        if (!nm) continue;
        if (!first) first = nm;
        else if (strcmp(first, nm)) return 2;
    }
    return first ? 1 : 0;
}

/* Does an attack of sentence ss have as a side an armed group (REB) other than g? */
static int other_group_side(const ev_ctx *c, const ev_cand *k, size_t nk, uint32_t ss, const rasid_mention *g)
{
    (void)c;
    for (size_t r = first_cand(k, nk, 0, ss); r < nk && k[r].sent == ss; r++) {
        if (!rasid__streq(k[r].type, "ASSAULT")) continue;
        for (size_t a = 0; a < k[r].nactor + k[r].nrecipient; a++) {
            const rasid_entity *en = a < k[r].nactor ? &k[r].actor[a] : &k[r].recipient[a - k[r].nactor];
            if (en->sector && rasid__streq(en->sector, "REB") && en->name && g->name && strcmp(en->name, g->name)) return 1;
        }
    }
    return 0;
}

/* Is k told after the claim ending at token from as the claimant's own account of the
 * attack it claims: an event noun claimed right there, then a word of saying before k? */
static int claim_content(const ev_ctx *c, size_t from, const ev_cand *k)
{
    if (k->ttok <= from + 1 || k->ttok > from + 30) return 0;
    int noun = 0, said = 0;
    for (size_t q = from; q < k->ttok && q < from + 12; q++) noun |= ev_cue(c, q, CUE_EVENTNOUN) != 0;
    for (size_t q = from + 1; q < k->ttok; q++) said |= ev_cue(c, q, CUE_REPORT) != 0;
    return noun && said;
}

/* Claims of responsibility make the claimant the actor of the attack claimed, in the
 * same sentence or in the nearest sentence before it. */
void ev_apply_claims(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    size_t nk = c->cands.len;
    size_t n = rasid__lex_cue_in_doc(c->doc, CUE_CLAIM) ? c->n : 0; /* (no claim cue: nothing to do) */
    for (size_t i = 0; i < n; i++) {
        int len = ev_cue(c, i, CUE_CLAIM);
        if (!len) continue;
        /* a claim names what it claims: a pronoun (تبناه، تبناهما) or an event noun after it;
         * "تتبنى فكر القاعدة" (adopt an ideology) is no claim */
        {
            const rasid_token *ct = &c->t[i + (size_t)len - 1];
            int ok = len > 1;
            for (uint16_t r = 0; r < ct->nreadings && !ok; r++) ok = ct->readings[r].enc[0] != 0;
            /* (the claimant's name and its description may stand between: "تبنت جماعة
             * نصرة الإسلام والمسلمين الموالية لتنظيم القاعدة الهجوم") */
            /* (and a parenthesis between commas: "تبنت الجماعة، في بيان نشرته مؤسسة الزلاقة
             * التابعة لها، هجوما على ...") */
            size_t lim = i + (size_t)len + 10, reach = i + (size_t)len + 5;
            for (size_t q = i + (size_t)len; q < lim && q < c->n && c->t[q].sent == c->t[i].sent && !ok; q++) {
                if (is_comma(&c->t[q]))
                    for (size_t z = q + 1; z < q + 12 && z < c->n && c->t[z].sent == c->t[i].sent; z++)
                        if (is_comma(&c->t[z])) {
                            if (z + 4 > lim) lim = z + 4;
                            if (z + 5 > reach) reach = z + 5;
                            q = z;
                            break;
                        }
                ok = ev_cue(c, q, CUE_EVENTNOUN) || ev_cue(c, q, CUE_DEAD);
            }
            if (!ok) { /* a trigger right after it (or after the parenthesis): the first one after token i */
                size_t q = first_cand(k, nk, 1, (uint32_t)i + 1);
                ok = q < nk && k[q].ttok <= reach;
            }
            if (!ok) continue;
        }
        size_t b, e;
        clause_of(c, i, &b, &e);
        int neg = 0;
        for (size_t q = b; q < i; q++) neg |= ev_cue(c, q, CUE_NEGATION) != 0;
        if (neg) continue;
        const rasid_sentence *s = sent_of(c, i);
        size_t wend = s->tok_end < i + (size_t)len + 6 ? s->tok_end : i + (size_t)len + 6;
        int m = party_in(c, i + (size_t)len, wend);
        /* "ونسبت السلطات الهجوم إلى تنظيم ولاية غرب إفريقيا": the state that attributes an
         * attack is no claimant; the armed group after it is */
        while (m >= 0 && c->ms[m].kind == RASID_M_ACTOR && c->ms[m].sector &&
               (rasid__streq(c->ms[m].sector, "GOV") || rasid__streq(c->ms[m].sector, "MIL") || rasid__streq(c->ms[m].sector, "COP")))
            m = party_in(c, c->ms[m].tok_end, s->tok_end < c->ms[m].tok_end + 6 ? s->tok_end : c->ms[m].tok_end + 6);
        if (m < 0) m = party_before(c, s->tok_begin, i);
        if (m < 0 || c->ms[m].kind == RASID_M_PLACE) continue;
        const char *sec = c->ms[m].sector;
        if (sec && !rasid__streq(sec, "REB") && !rasid__streq(sec, "UAF")) continue;
        uint32_t sent = c->t[i].sent;
        /* the attacks in this sentence; else the latest attack in the three before */
        int applied = 0;
        size_t here = first_cand(k, nk, 0, sent); /* this sentence's candidates start here */
        for (size_t q = here; q < nk && k[q].sent == sent; q++) {
            /* (weapons the claimant says it took in the attack, "مؤكدة أنها استولت على
             * أسلحة", were taken in that attack: no event of their own) */
            if (rasid__streq(k[q].type, "COERCE") && k[q].mode && rasid__streq(k[q].mode, "seize") &&
                claim_content(c, i + (size_t)len, &k[q])) {
                k[q].alive = 0;
                continue;
            }
            if (!rasid__streq(k[q].type, "ASSAULT")) continue;
            claimed_by(c, &k[q], m);
            /* "وتبنت الجماعة الهجوم، مدعية أنها سيطرت على المعسكر": what the claimant says it
             * did in the attack it claims tells that attack again */
            if (claim_content(c, i + (size_t)len, &k[q])) {
                k[q].reference = 1;
                continue;
            }
            /* "وتبنت الجماعة الهجومين": the event noun claimed refers to attacks told before,
             * which the claim still reaches */
            /* (one with a place or a day of its own is an attack of its own, or the merge
             * joins it to the report it tells again: "وتبنت الجماعة الهجوم على قاعدة أخرى
             * في تمبكتو الأسبوع الماضي" claims no attack told before) */
            if (!k[q].reference || k[q].location >= 0 || k[q].date >= 0) applied = 1;
        }
        /* "وتبنى التنظيم الكمين": the claim names the kind of attack it claims; the latest
         * attack of that kind told in the three sentences before, if there is one */
        size_t kind_q = SIZE_MAX;
        {
            const char *kind = claimed_kind(c, i + (size_t)len);
            for (size_t q = here; kind && q > 0; q--) {
                const ev_cand *x = &k[q - 1];
                if (x->sent + 3 < sent) break;
                const char *xid = ev_field(x->trig, "id");
                if (x->ty == EV_T_ASSAULT && xid && strcspn(xid, "_") == strcspn(kind, "_") &&
                    !strncmp(xid, kind, strcspn(kind, "_"))) {
                    kind_q = q;
                    break;
                }
            }
        }
        /* a claim of two attacks told in two sentences reaches the attacks of both (with
         * one of them told in the claim's own sentence: "... فيما استهدف هجوم مسلح مقر
         * الأركان، وتبناهما التنظيم" reaches the attack of the sentence before too) */
        int dual = dual_claim(c, i, (size_t)len);
        int sentences = !applied && dual ? 2 : 1;
        uint32_t done_sent = UINT32_MAX;
        if (applied && dual && attack_places(c, k, nk, sent) < 2) {
            applied = 0;
            done_sent = sent;
            kind_q = SIZE_MAX;
        }
        for (size_t q = kind_q != SIZE_MAX ? kind_q : here; !applied && q > 0; q--) {
            ev_cand *x = &k[q - 1];
            if (x->sent + 3 < sent) break; /* and so are all before it */
            if (x->ty != EV_T_ASSAULT || x->sent == done_sent) continue;
            /* every attack of that sentence (two attacks claimed together) */
            uint32_t ss = x->sent;
            /* (not a sentence whose attacks already name another armed group as a side:
             * "اشتباكات بين الجيش ومسلحين من بوكو حرام" is no attack of the claimant) */
            if (other_group_side(c, k, nk, ss, &c->ms[m])) break;
            for (size_t r = first_cand(k, nk, 0, ss); r < nk && k[r].sent == ss; r++) {
                if (!rasid__streq(k[r].type, "ASSAULT")) continue;
                if (k[r].nactor && k[r].actor[0].sector && !rasid__streq(k[r].actor[0].sector, "UAF") &&
                    !rasid__streq(k[r].actor[0].sector, "REB"))
                    continue;
                claimed_by(c, &k[r], m);
            }
            done_sent = ss;
            if (--sentences <= 0 || attack_places(c, k, nk, ss) >= 2) applied = 1;
        }
    }
}

/* The parent an armed group's dictionary row names in its role ("branch of Islamic State
 * (West Africa Province)": "Islamic State"), as a length into role, or 0. */
static size_t branch_parent(const char *role, const char **parent)
{
    static const char pre[] = "branch of ";
    if (!role || !ev_starts(role, pre)) return 0;
    *parent = role + sizeof pre - 1;
    size_t l = strcspn(*parent, "(;");
    while (l && (*parent)[l - 1] == ' ') l--;
    return l;
}

/* "داعش يقتل 20 جنديا" over an article that names "تنظيم الدولة الإسلامية في الساحل": the
 * press names a branch by its parent (the Islamic State, al-Qaeda) in headlines and in
 * passing; ACLED codes the branch. A party named as the parent becomes the branch the
 * document names nearest to the event (in sentences, at most BRANCH_SENTENCES away; the
 * headline's event looks at the whole article). Its text and offsets stay those of the
 * words that named the party in this event. */
#define BRANCH_SENTENCES 8
static void refine_list(ev_ctx *c, const ev_cand *k, rasid_entity *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!list[i].name || !list[i].sector || !rasid__streq(list[i].sector, "REB")) continue;
        const rasid_mention *best = NULL;
        long bestd = LONG_MAX;
        for (size_t m = 0; m < c->nms; m++) {
            const rasid_mention *x = &c->ms[m];
            const char *parent;
            size_t pl;
            if (x->kind != RASID_M_ACTOR || !(pl = branch_parent(x->role, &parent))) continue;
            if (strlen(list[i].name) != pl || strncmp(list[i].name, parent, pl)) continue;
            long d = (long)x->sent - (long)k->sent;
            if (d < 0) d = -d;
            if (d > BRANCH_SENTENCES && !k->headline) continue;
            if (d < bestd) { bestd = d; best = x; }
        }
        if (!best) continue;
        list[i].name = best->name;
        list[i].id = best->id;
        list[i].kind = best->ekind;
        list[i].sector = best->sector;
        list[i].country = best->country && !rasid__streq(best->country, "?") ? best->country : NULL;
    }
}

void ev_refine_branches(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        if (!k[i].alive) continue;
        refine_list(c, &k[i], k[i].actor, k[i].nactor);
        refine_list(c, &k[i], k[i].recipient, k[i].nrecipient);
    }
}
