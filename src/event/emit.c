/*
 * emit.c — turning merged candidates into event records: codes adjusted to the
 * participants, evidence, confidence, a stable id and a one-line English summary.
 */
#include "event/event.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int sector_is(const rasid_entity *e, size_t n, const char *const *secs)
{
    for (size_t i = 0; i < n; i++)
        for (const char *const *s = secs; *s; s++)
            if (e[i].sector && !strcmp(e[i].sector, *s)) return 1;
    return 0;
}

static void adjust_acled(const ev_cand *k, rasid_event *ev)
{
    if (k->ty != EV_T_ASSAULT || !ev->acled_event) return;
    static const char *const armed[] = {"MIL", "COP", "REB", "INS", "UAF", NULL};
    static const char *const civ[] = {"CVL", NULL};
    static const char *const state[] = {"MIL", "COP", "GOV", NULL};
    static const char *const nonstate[] = {"REB", "INS", "UAF", NULL};
    /* who changes the map decides the sub-event: the state regains, others overtake */
    const char *sub = ev->acled_sub ? ev->acled_sub : "";
    if ((rasid__streq(sub, "Non-state actor overtakes territory") || rasid__streq(sub, "Government regains territory")) &&
        k->hostages > 0) {
        /* "حررت قواته 12 رهينة": freeing people (تحرير) is no change of territory; against
         * an armed group it is a battle */
        if (sector_is(k->recipient, k->nrecipient, armed)) {
            ev->acled_event = "Battles";
            ev->acled_sub = "Armed clash";
        } else {
            ev->acled_event = "Strategic developments";
            ev->acled_sub = "Other";
        }
        return;
    }
    if (rasid__streq(sub, "Non-state actor overtakes territory") || rasid__streq(sub, "Government regains territory")) {
        if (sector_is(k->actor, k->nactor, state)) ev->acled_sub = "Government regains territory";
        else if (sector_is(k->actor, k->nactor, nonstate)) ev->acled_sub = "Non-state actor overtakes territory";
        return;
    }
    if (rasid__streq(sub, "Looting/property destruction")) return; /* goods taken: no fight */
    /* state forces firing on protesters: ACLED's excessive force against protesters */
    for (size_t i = 0; i < k->nrecipient; i++)
        if (k->recipient[i].id && rasid__streq(k->recipient[i].id, "rasid:protesters") && sector_is(k->actor, k->nactor, state)) {
            ev->acled_event = "Protests";
            ev->acled_sub = "Excessive force against protesters";
            return;
        }
    int remote = rasid__streq(ev->acled_event, "Explosions/Remote violence");
    if (remote) return;
    if (!strcmp(ev->acled_sub ? ev->acled_sub : "", "Abduction/forced disappearance")) return;
    if (rasid__streq(ev->acled_event, "Battles") && strcmp(ev->acled_sub ? ev->acled_sub : "", "Armed clash")) return;
    if (sector_is(k->recipient, k->nrecipient, armed)) {
        ev->acled_event = "Battles";
        ev->acled_sub = "Armed clash";
    } else if (sector_is(k->recipient, k->nrecipient, civ) || (k->dead > 0 && !k->nrecipient && !ev_told_as_clash(k))) {
        ev->acled_event = "Violence against civilians";
        ev->acled_sub = "Attack";
    }
}

/* The English verb phrase of an event, and the word that introduces its recipient
 * ("attacked X", "carried out an air strike on X", "reached an agreement with X"). */
static const char *verb_of(ev_ctx *c, const ev_cand *k, const char *mode, const char **conn)
{
    const char *t = k->type, *m = mode ? mode : "";
    const char *id = ev_field(k->trig, "id");
    *conn = "";
    /* (the column found once per table, not by its name for every record) */
    const char *rowtype = k->trig ? ev_trig_field(k->trig, TC_TYPE) : NULL;
    /* (t is mostly rowtype itself, the string the candidate's type was set from) */
    if (id && rowtype && (rowtype == t || !strcmp(rowtype, t))) { /* triggers whose own verb says more than their type */
        if (rasid__streq(id, "coup")) { *conn = "against"; return "staged a coup"; }
        if (rasid__streq(id, "seize_town") && k->acled_sub && rasid__streq(k->acled_sub, "Looting/property destruction")) {
            *conn = "from";
            return "looted property";
        }
        if (rasid__streq(id, "seize_town")) { *conn = "from"; return "took control of the area"; }
        if (rasid__streq(id, "retake")) { *conn = "from"; return "retook the area or freed people"; }
        if (rasid__streq(id, "withdraw") || rasid__streq(id, "withdraw_arrive_troops") || rasid__streq(id, "withdraw_forces_aid")) { *conn = "from"; return "withdrew"; }
        /* "أفرجت الجماعة عن الصحفي": its other side is who was released; "أنقذت القوات
         * 12 مختطفا من أيدي قطاع الطرق": who held them */
        if (rasid__streq(id, "rescue")) return k->nrecipient ? "freed" : "freed people";
        if (ev_starts(id, "rescue")) { *conn = "held by"; return "freed people"; }
        if (rasid__streq(id, "boycott_pact")) { *conn = "from"; return "withdrew"; }
        if (rasid__streq(id, "ceasefire")) { *conn = "with"; return "declared a ceasefire"; }
        if (rasid__streq(id, "ban")) { *conn = "on"; return "imposed a ban or closure"; }
        if (rasid__streq(id, "sentence")) return "sentenced";
        if (rasid__streq(id, "boycott")) return "boycotted";
        if (rasid__streq(id, "disperse") || rasid__streq(id, "disperse_v")) return "dispersed";
        if (rasid__streq(id, "clash")) { *conn = "with"; return "clashed"; }
        if (rasid__streq(id, "ambush")) { *conn = "on"; return "carried out an ambush"; }
        if (rasid__streq(id, "shootdown")) { *conn = "of"; return "shot down an aircraft or drone"; }
        if (rasid__streq(id, "exercise")) return "held military exercises";
        if (rasid__streq(id, "sanction_aid")) { *conn = "to"; return "suspended or cut aid"; }
        if (rasid__streq(id, "ban_media_aid")) { *conn = "of"; return "suspended the broadcasts"; }
        /* "علقت مجموعة إيكواس عضوية مالي" */
        if (rasid__streq(id, "sanction_member_aid")) { *conn = "of"; return "suspended the membership"; }
    }
    if (k->ty == EV_T_ASSAULT) {
        /* "قتل 12 شخصا في اشتباكات": a clash told with its dead */
        static const char *const cvl[] = {"CVL", NULL};
        if (ev_told_as_clash(k) && (!m[0] || rasid__streq(m, "firearms")) && !sector_is(k->recipient, k->nrecipient, cvl)) {
            *conn = "with";
            return "clashed";
        }
        if (rasid__streq(m, "suicide-attack")) { *conn = "on"; return "carried out a suicide attack"; }
        if (rasid__streq(m, "explosives")) { *conn = "on"; return "carried out a bombing"; }
        if (rasid__streq(m, "aerial") || rasid__streq(m, "drone")) { *conn = "on"; return "carried out an air strike"; }
        if (rasid__streq(m, "heavy-weapons")) return "shelled";
        if (rasid__streq(m, "abduct")) return k->nrecipient ? "abducted" : "abducted people";
        if (rasid__streq(m, "targeted")) return k->attempted ? "attempted to assassinate" : "assassinated";
        return "attacked";
    }
    if (k->ty == EV_T_COERCE) {
        if (rasid__streq(m, "arrest")) return "arrested";
        if (rasid__streq(m, "seize")) { *conn = "from"; return "seized weapons"; }
        if (rasid__streq(m, "deport")) return "expelled";
        if (rasid__streq(m, "repression")) return "repressed";
        *conn = "on";
        return "imposed restrictions";
    }
    if (k->ty == EV_T_CONSULT) {
        if (rasid__streq(m, "visit")) return "visited";
        if (rasid__streq(m, "phone")) { *conn = "with"; return "held talks by phone or letter"; }
        return "met";
    }
    if (k->ty == EV_T_AGREE) { *conn = "with"; return "reached an agreement"; }
    if (k->ty == EV_T_COOPERATE) { *conn = "with"; return "cooperated"; }
    if (k->ty == EV_T_AID) { *conn = "to"; return "gave aid"; }
    if (k->ty == EV_T_SUPPORT) { *conn = "for"; return "expressed support"; }
    if (k->ty == EV_T_ACCUSE) return "accused or condemned";
    if (k->ty == EV_T_THREATEN) return "threatened";
    if (k->ty == EV_T_REQUEST) { *conn = "of"; return "made a demand"; }
    if (k->ty == EV_T_PROTEST) { *conn = "against"; return "protested"; }
    if (k->ty == EV_T_REJECT) return "rejected or boycotted";
    if (k->ty == EV_T_SANCTION) {
        /* an agreement cancelled (the coder retypes it, CAMEO 160) */
        if (rowtype && rasid__streq(rowtype, "AGREE")) { *conn = "with"; return "cancelled or suspended an agreement"; }
        if (rowtype && rasid__streq(rowtype, "COOPERATE")) { *conn = "with"; return "suspended cooperation"; }
        /* "قطعت مالي علاقاتها الدبلوماسية مع أوكرانيا" (CAMEO 161); "أوقفت الدعم" (162) */
        if (rasid__streq(m, "withdraw")) { *conn = "with"; return "reduced or broke relations"; }
        if (rasid__streq(m, "discontinue")) { *conn = "to"; return "suspended or cut aid"; }
        return "sanctioned";
    }
    if (k->ty == EV_T_MOBILIZE) { *conn = "against"; return "mobilised forces"; }
    if (k->ty == EV_T_RETREAT) {
        if (rasid__streq(m, "disarm")) { *conn = "to"; return "surrendered"; }
        if (rasid__streq(m, "ease")) { *conn = "on"; return "lifted or eased sanctions or restrictions"; }
        *conn = "from";
        return "released people or withdrew";
    }
    if (k->ty == EV_T_CONCEDE) { *conn = "to"; return "conceded"; }
    return "acted";
}

static void names(rasid__buf *b, const rasid_entity *e, size_t n, const char *none)
{
    if (!n) { rasid__buf_puts(b, none); return; }
    for (size_t i = 0; i < n; i++) {
        if (i) rasid__buf_puts(b, i + 1 == n ? " and " : ", ");
        rasid__buf_puts(b, e[i].name ? e[i].name : "?");
    }
}

static const char *qual_word(uint8_t q)
{
    switch (q) {
    case RASID_Q_MORE_THAN: return "more than ";
    case RASID_Q_LESS_THAN: return "fewer than ";
    case RASID_Q_ABOUT: return "about ";
    case RASID_Q_AT_LEAST: return "at least ";
    case RASID_Q_AT_MOST: return "at most ";
    default: return "";
    }
}

/* "; at least 12 killed": a count of the summary (no printf: one per event and count) */
static void put_count(rasid__buf *b, const char *sep, int q, long v, const char *what)
{
    rasid__buf_puts(b, sep);
    /* a vague count says so in words ("; dozens killed"), not by the figure standing for it */
    const char *vague = q == RASID_Q_DOZENS ? "dozens" : q == RASID_Q_HUNDREDS ? "hundreds" :
                        q == RASID_Q_THOUSANDS ? "thousands" : q == RASID_Q_SEVERAL ? "several" : NULL;
    if (vague) rasid__buf_puts(b, vague);
    else {
        rasid__buf_puts(b, qual_word(q));
        rasid__buf_putu(b, (unsigned long)v);
    }
    rasid__buf_putc(b, ' ');
    rasid__buf_puts(b, what);
}

static const char *summary_of(ev_ctx *c, const ev_cand *k, const rasid_event *ev)
{
    /* (on the stack: with the cap it had, 4096, a summary never needed more) */
    char mem[4096];
    rasid__buf b;
    rasid__buf_init_in(&b, mem, sizeof mem);
    if (ev->date) {
        rasid__buf_puts(&b, ev->date->value);
        rasid__buf_puts(&b, ", ");
    }
    if (ev->location) {
        const rasid_mention *l = ev->location;
        rasid__buf_puts(&b, l->name ? l->name : "?");
        if (l->precision != RASID_P_COUNTRY && l->country) {
            const rasid__entry *ce = rasid__lex_country(c->lex, l->country);
            const char *cn = ce ? ev_field(ce, "name") : l->country;
            rasid__buf_puts(&b, " (");
            rasid__buf_puts(&b, cn ? cn : "(null)"); /* as printf wrote it */
            rasid__buf_putc(&b, ')');
        }
        rasid__buf_puts(&b, ": ");
    }
    if (rasid__streq(k->modality, "negated")) rasid__buf_puts(&b, "[denied] ");
    else if (rasid__streq(k->modality, "future")) rasid__buf_puts(&b, "[planned] ");
    else if (rasid__streq(k->modality, "hypothetical")) rasid__buf_puts(&b, "[possible] ");
    names(&b, k->actor, k->nactor, k->ty == EV_T_ASSAULT ? "unidentified attackers" : "unnamed parties");
    rasid__buf_putc(&b, ' ');
    const char *conn;
    rasid__buf_puts(&b, verb_of(c, k, ev->mode, &conn)); /* (the record's mode: the candidate's may differ) */
    if (k->nrecipient) {
        rasid__buf_putc(&b, ' ');
        if (*conn) {
            rasid__buf_puts(&b, conn);
            rasid__buf_putc(&b, ' ');
        }
        names(&b, k->recipient, k->nrecipient, "");
    }
    const char *sep = "; ";
    if (k->dead >= 0) { put_count(&b, sep, k->q_dead, k->dead, "killed"); sep = ", "; }
    if (k->injured >= 0) { put_count(&b, sep, k->q_injured, k->injured, "injured"); sep = ", "; }
    if (k->hostages >= 0) { put_count(&b, sep, k->q_hostages, k->hostages, k->hostages == 1 && k->q_hostages == RASID_Q_EXACT ? "hostage" : "hostages"); sep = ", "; }
    if (k->arrested >= 0) put_count(&b, sep, k->q_arrested, k->arrested, "arrested");
    rasid__buf_putc(&b, '.');
    const char *s = b.err ? "" : rasid__arena_strndup(&c->doc->arena, b.data, b.len);
    return s;
}

static double confidence_of(const ev_cand *k)
{
    double x = 0.35 + 0.3 * k->weight;
    x += k->nactor ? 0.08 : 0;
    x += k->nrecipient ? 0.04 : 0;
    x += k->location >= 0 ? 0.07 : 0;
    x += k->date >= 0 ? 0.05 : 0;
    x += (k->dead >= 0 || k->hostages >= 0) ? 0.04 : 0;
    x += k->mentions > 1 ? 0.04 : 0;
    if (!rasid__streq(k->modality, "asserted") && !rasid__streq(k->modality, "historical")) x -= 0.1;
    if (x > 0.99) x = 0.99;
    if (x < 0.05) x = 0.05;
    return floor(x * 100 + 0.5) / 100;
}

static rasid_entity *copy_entities(ev_ctx *c, const rasid_entity *e, size_t n)
{
    if (!n) return NULL;
    rasid_entity *p = rasid__arena_alloc(&c->doc->arena, n * sizeof *p);
    if (p) memcpy(p, e, n * sizeof *p);
    return p;
}

/* A visit to several countries ("زار تشاد والنيجر") is one visit to each. */
static int split_visit(ev_ctx *c, const ev_cand *x, ev_cand *parts, size_t max)
{
    if (!x->mode || !rasid__streq(x->mode, "visit") || x->nrecipient < 2) return 0;
    size_t n = 0;
    for (size_t r = 0; r < x->nrecipient && n < max; r++) {
        if (!x->recipient[r].kind || !rasid__streq(x->recipient[r].kind, "state")) return 0;
        parts[n] = *x;
        parts[n].recipient[0] = x->recipient[r];
        parts[n].nrecipient = 1;
        parts[n].location = -1;
        /* the last place mention at the recipient's offset */
        size_t m = c->ms_sorted ? ev_mention_at_byte(c, x->recipient[r].start) : 0;
        for (; m < c->nms && !(c->ms_sorted && c->ms[m].start > x->recipient[r].start); m++)
            if (c->ms[m].start == x->recipient[r].start && c->ms[m].kind == RASID_M_PLACE) parts[n].location = (int)m;
        n++;
    }
    return (int)n;
}

/* "%.80s#%zu" of the document's id and the event's number */
static void ev_event_id(char out[96], const char *doc_id, size_t seq)
{
    size_t n = strnlen(doc_id, 80);
    memcpy(out, doc_id, n);
    out[n++] = '#';
    char tmp[24];
    size_t k = 0;
    do tmp[k++] = (char)('0' + seq % 10); while (seq /= 10);
    while (k) out[n++] = tmp[--k];
    out[n] = 0;
}

int ev_emit(ev_ctx *c)
{
    const ev_cand *cands = c->cands.data;
    const rasid_sentence *ss = c->doc->sentences.data;
    size_t seq = 0;
    ev_cand parts[EV_MAX_PARTY];
    for (size_t i = 0; i < c->cands.len; i++) {
        if (!cands[i].alive) continue;
        int np = split_visit(c, &cands[i], parts, EV_MAX_PARTY);
        const ev_cand *list = np ? parts : &cands[i];
        if (!np) np = 1;
        for (int pi = 0; pi < np; pi++) {
        rasid_event *ev = rasid__vec_push(&c->doc->events);
        if (!ev) return RASID_NOMEM;
        const ev_cand *x = &list[pi];
        ev_event_id(ev->id, c->doc->id, ++seq);
        ev->type = x->type;
        ev->mode = x->mode;
        /* "التقى الرئيس المالي نظيره النيجري", "بحث الجزائر والنيجر ...": a meeting of exactly
         * two parties is bilateral (CAMEO 040, no mode); PLOVER's multilateral mode is for a
         * meeting of three or more ("قمة دول الساحل الثلاث") or of parties not all named */
        if (ev->mode && rasid__streq(ev->mode, "multilateral") && x->nactor + x->nrecipient == 2) ev->mode = NULL;
        ev->acled_event = x->acled_event;
        ev->acled_sub = x->acled_sub;
        ev->cameo = x->cameo;
        for (size_t a = 0; a < x->nactor && (x->ty == EV_T_ASSAULT); a++)
            if (x->actor[a].id && strstr(x->actor[a].id, "suicide")) {
                /* a suicide bomber's attack is a suicide attack whatever verb told it */
                ev->mode = "suicide-attack";
                ev->acled_event = "Explosions/Remote violence";
                ev->acled_sub = "Suicide bomb";
                ev->cameo = "1831";
            }
        size_t nc = 0;
        if (x->context) {
            char *ctxs = rasid__arena_strdup(&c->doc->arena, x->context);
            for (char *p = ctxs; p && *p && nc < 3;) {
                char *comma = strchr(p, ',');
                if (comma) *comma = 0;
                ev->context[nc++] = p;
                p = comma ? comma + 1 : NULL;
            }
        }
        ev->context[nc] = NULL;
        ev->modality = x->modality;
        ev->actor = copy_entities(c, x->actor, x->nactor);
        ev->nactor = x->nactor;
        ev->recipient = copy_entities(c, x->recipient, x->nrecipient);
        ev->nrecipient = x->nrecipient;
        ev->location = x->location >= 0 ? &c->ms[x->location] : NULL;
        ev->date = x->date >= 0 ? &c->ms[x->date] : NULL;
        ev->dead = x->dead;
        ev->injured = x->injured;
        ev->arrested = x->arrested;
        ev->hostages = x->hostages;
        ev->q_dead = x->q_dead;
        ev->q_injured = x->q_injured;
        ev->q_arrested = x->q_arrested;
        ev->q_hostages = x->q_hostages;
        ev->ev_start = x->ev_end > x->ev_start ? x->ev_start : ss[x->sent].start;
        ev->ev_end = x->ev_end > x->ev_start ? x->ev_end : ss[x->sent].end;
        ev->trig_start = c->t[x->ttok].start;
        ev->trig_end = c->t[x->ttok + x->tntok - 1].end;
        ev->trigger_text = rasid__arena_strndup(&c->doc->arena, c->doc->text + ev->trig_start, ev->trig_end - ev->trig_start);
        adjust_acled(x, ev);
        if (c->debug)
            fprintf(stderr, "debug: %s %s trig=%s(%s) w=%.2f ref=%d agg=%d mentions=%d\n", ev->id, ev->type,
                    ev->trigger_text, ev_field(x->trig, "id"), x->weight, x->reference, x->aggregate, x->mentions);
        ev->confidence = confidence_of(x);
        ev->summary = summary_of(c, x, ev);
        }
    }
    return RASID_OK;
}
