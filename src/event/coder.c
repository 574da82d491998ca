/*
 * coder.c — the event coder: from recognised mentions to event records.
 *
 * 1. Triggers: every sentence is scanned for trigger phrases (data/triggers.tsv), each
 *    with its PLOVER type and mode, ACLED types, CAMEO code, a part of speech that
 *    tells how its participants are found, and a weight.
 * 2. Candidates: each trigger opens a candidate event; triggers of the same type in the
 *    same sentence that do not conflict (different places, dates or tolls) join it.
 * 3. Roles (roles.c): actor and recipient from the clause around the trigger (verb–
 *    subject–object, noun–genitive, على/ضد targets, بين X و Y, X مع Y, على أيدي X,
 *    claims of responsibility), the place and the date nearest in the clause, casualty
 *    counts from the numbers and the cue words around them, and the modality.
 * 4. Merging: candidates of one document that report the same event (same type, no
 *    conflicting field) become one record with the richest fields.
 * 5. Output fields: codes adjusted to the participants (ACLED Battles vs Violence
 *    against civilians), confidence, the evidence span and an English summary.
 */
#include "event/event.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int trigger_covered(const ev_ctx *c, size_t tok)
{
    int m = c->mention_at[tok];
    if (m < 0) return 0;
    const rasid_mention *mm = &c->ms[m];
    return mm->kind == RASID_M_ACTOR || mm->kind == RASID_M_PERSON || mm->kind == RASID_M_PLACE ||
           mm->kind == RASID_M_DATE;
}

/* A bit for the kind of a trigger row: the part of its id before '_'. */
static uint32_t group_bit(const char *id)
{
    if (!id) return 0;
    uint32_t h = 2166136261u;
    for (const char *p = id; *p && *p != '_'; p++) h = (h ^ (unsigned char)*p) * 16777619u;
    return 1u << (h % 32);
}

void ev_set_type(ev_cand *k, const char *type)
{
    static const char *const names[] = {
#define EV__TYPE_NAME(name) #name,
        EV_TYPES(EV__TYPE_NAME)
#undef EV__TYPE_NAME
    };
    k->type = type;
    k->ty = EV_T_OTHER;
    for (size_t i = 0; type && i < sizeof names / sizeof *names; i++)
        if (names[i][0] == type[0] && rasid__streq(type, names[i])) { /* (inline: names are short) */
            k->ty = (uint8_t)(EV_T_OTHER + 1 + i);
            break;
        }
}

static void cand_from_trigger(ev_ctx *c, ev_cand *k, const rasid__match *m)
{
    const rasid__entry *e = m->e;
    memset(k, 0, sizeof *k);
    k->trig = e;
    k->ttok = m->tok;
    k->tntok = m->ntok;
    k->tread = m->reading;
    k->sent = k->last_sent = c->t[m->tok].sent;
    ev_set_type(k, ev_trig_field(e, TC_TYPE));
    k->mode = ev_trig_field(e, TC_MODE);
    k->context = ev_trig_field(e, TC_CONTEXT);
    k->acled_event = ev_trig_field(e, TC_ACLED_EVENT);
    k->acled_sub = ev_trig_field(e, TC_ACLED_SUB);
    k->cameo = ev_trig_field(e, TC_CAMEO);
    const char *pos = ev_trig_field(e, TC_POS);
    k->pos = pos ? pos[0] : 'V';
    const char *w = ev_trig_field(e, TC_WEIGHT);
    k->weight = w ? rasid__decimal(w) : 0.7;
    k->dead = k->injured = k->arrested = k->hostages = k->dead_foe = -1;
    k->location = k->date = -1;
    k->alive = 1;
    k->groups = group_bit(ev_field(e, "id"));
    const char *id = ev_field(e, "id");
    if (id && ev_starts(id, "clash")) k->fights |= EV_FIGHT_CLASH;
    if (id && (ev_starts(id, "clash") || ev_starts(id, "ambush") || ev_starts(id, "shoot"))) k->fights |= EV_FIGHT_GROUND;
}

/* A trigger row's id (NULL when it has none) and its length: find_triggers asks each row
 * it matches about a dozen suffixes of its id, its length is found once for them all. */
typedef struct row_id {
    const char *s;
    size_t n;
} row_id;

static row_id row_id_of(const rasid__entry *e)
{
    const char *id = ev_field(e, "id");
    return (row_id){id, id ? strlen(id) : 0};
}

/* Rows whose id ends in "_troops" are verbs that say other things too (نشر "published",
 * أرسل "sent a letter"): they state a deployment only when troops are their object,
 * within the next few words of the clause ("ستنشر ألف جندي", "أرسلت كتيبة من 500 جندي"):
 * a word of the cue class troops, or a number counting soldiers or fighters. */
/* Likewise rows whose id ends in "_envoy" (استدعى "summoned", سحب "withdrew") state a
 * diplomatic sanction only with an envoy as their object ("استدعت الخارجية، الأربعاء،
 * السفير الجزائري"): the cue class envoy, past a date between commas. Returns the cue
 * class the row needs, or -1. */
static int needs_troops(row_id rid)
{
    const char *id = rid.s;
    size_t l = rid.n;
    if (l > 7 && rasid__streq(id + l - 7, "_troops")) return CUE_TROOPS;
    if (l > 6 && rasid__streq(id + l - 6, "_envoy")) return CUE_ENVOY;
    if (l > 5 && rasid__streq(id + l - 5, "_unit")) return CUE_UNIT;
    /* "_arms" (سلم "handed over", زود "supplied"): weapons, aircraft or drones follow */
    if (l > 5 && rasid__streq(id + l - 5, "_arms")) return CUE_WEAPONS;
    return -1;
}

/* Rows whose id ends in "_unit" are verbs that state an event only with a force between
 * them and their preposition: "قضت وحدة من الجيش على عشرة إرهابيين" (a unit eliminated),
 * not "قضت المحكمة على" (a court ruled) nor "قضى ليلته" (spent). Within the clause: a unit
 * word (وحدة، مفرزة) or an armed party, then على. */
static int unit_then_against(const ev_ctx *c, size_t from)
{
    int force = 0;
    for (size_t q = from; q < from + 10 && q < c->n && c->t[q].sent == c->t[from - 1].sent; q++) {
        const rasid_token *t = &c->t[q];
        if (t->kind == RASID_TOK_PUNCT) return 0;
        int m = c->mention_at[q];
        if (force && m < 0 && ev_cue(c, q, CUE_AGAINST)) return 1;
        if (q == from && ev_cue(c, q, CUE_UNIT)) force = 1;
        if (m >= 0 && c->ms[m].kind == RASID_M_ACTOR && c->ms[m].sector &&
            (rasid__streq(c->ms[m].sector, "MIL") || rasid__streq(c->ms[m].sector, "COP") || rasid__streq(c->ms[m].sector, "REB") ||
             rasid__streq(c->ms[m].sector, "SPY")))
            force = 1;
    }
    return 0;
}

/* Verbs of arrival (rows whose id holds "_arrive_": وصلت "arrived") have the troops for
 * their subject, and a force named there is troops too: "وصلت دفعة من المدربين الروس إلى
 * باماكو" (Wagner), "وصل الجنود الفرنسيون", but not "وصل وزير الدفاع" (an office). */
static int arrival_row(row_id id)
{
    return id.s && strstr(id.s, "_arrive_") != NULL;
}

static int force_at(const ev_ctx *c, size_t q)
{
    int m = c->mention_at[q];
    if (m < 0 || c->ms[m].tok_begin != q || c->ms[m].kind != RASID_M_ACTOR || !c->ms[m].sector) return 0;
    const rasid_mention *x = &c->ms[m];
    return rasid__streq(x->sector, "MIL") && !(x->id && ev_starts(x->id, "rasid:office:")) &&
           !(x->ekind && rasid__streq(x->ekind, "person"));
}

static int troops_after(const ev_ctx *c, size_t from, enum rasid__cue cls, int arrival)
{
    int envoy = cls == CUE_ENVOY;
    /* (the wounded or the dead brought somewhere: "وصل الجنود المصابون إلى المستشفى") */
    for (size_t q = from; arrival && q < from + 6 && q < c->n && c->t[q].sent == c->t[from - 1].sent; q++)
        if (ev_cue(c, q, CUE_INJURED) || ev_cue(c, q, CUE_DEAD)) return 0;
    /* (nor one who came to power: "وصل إلى السلطة عبر انقلاب عسكري") */
    if (arrival && from + 1 < c->n && c->t[from].nlen == 6 && !memcmp(c->t[from].norm, "\xD8\xA7\xD9\x84\xD9\x8A", 6) && /* الي (إلى) */
        (rasid__streq(c->t[from + 1].norm, "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xB7\xD9\x87") ||  /* السلطه */
         rasid__streq(c->t[from + 1].norm, "\xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x85")))           /* الحكم */
        return 0;
    /* (an arrival may name its place first: "وصلت إلى العاصمة باماكو دفعة من الجنود") */
    size_t reach = envoy ? 10 : arrival || cls == CUE_WEAPONS ? 8 : 6;
    for (size_t q = from; q < from + reach && q < c->n && c->t[q].sent == c->t[from - 1].sent; q++) {
        const rasid_token *t = &c->t[q];
        if (t->kind == RASID_TOK_PUNCT && !(envoy && (t->nlen == 1 ? t->norm[0] == ',' : !memcmp(t->norm, "\xD8\x8C", 2))))
            return 0;
        if (ev_cue(c, q, cls)) return 1;
        if (cls == CUE_WEAPONS && (ev_cue(c, q, CUE_AIRCRAFT) || ev_cue(c, q, CUE_DRONE))) return 1;
        if (envoy || cls == CUE_WEAPONS) continue;
        /* "وصلوا على دراجات نارية وتبادلوا إطلاق النار مع عناصر الأمن": a force after مع
         * is met or joined, it does not arrive */
        if (arrival && c->t[q].nlen == 4 && !memcmp(c->t[q].norm, "\xD9\x85\xD8\xB9", 4)) return 0; /* مع */
        if (arrival && force_at(c, q)) return 1;
        int m = c->mention_at[q];
        if (m >= 0 && c->ms[m].kind == RASID_M_NUMBER && c->ms[m].noun &&
            (rasid__streq(c->ms[m].noun, "soldier") || rasid__streq(c->ms[m].noun, "police") || rasid__streq(c->ms[m].noun, "militant")))
            return 1;
    }
    return 0;
}

/* Does the row's id end in suffix (a row kind named by its id: "_aid", "_self")? */
static inline __attribute__((always_inline)) int id_ends(row_id id, const char *suffix)
{ /* (inline: the suffix's length is then known at compile time) */
    size_t sl = strlen(suffix);
    return id.n > sl && !memcmp(id.s + id.n - sl, suffix, sl);
}

/* Rows whose id ends in "_aid" (علق "suspended", قطع "cut off") state that aid was stopped
 * only with the aid as their object, within the next few words of the clause, past the
 * subject standing between ("علقت الولايات المتحدة مساعداتها العسكرية للنيجر"): a word
 * of the aid rows (مساعدات، دعم عسكري). Not "علق الوزير على الهجوم" (commented), "قطع
 * مسلحون الطريق" (cut the road). */
static int needs_aid(row_id id)
{
    return id_ends(id, "_aid");
}

static int is_comma_tok(const rasid_token *t);

/* Rows whose id ends in "_member_aid" (علق، جمد "suspended, froze") state that an
 * organisation suspended a member: their object is عضوية "membership", past the subject
 * standing between ("علقت مجموعة إيكواس عضوية مالي", "جمد الاتحاد الأفريقي عضوية
 * النيجر"), in place of aid. Rows whose id ends in "_ties_aid" (قطع، خفض "cut, reduced")
 * likewise state that relations were cut or reduced: their object is علاقات "relations"
 * or تمثيل "representation" ("قطعت مالي علاقاتها الدبلوماسية مع أوكرانيا", "خفضت الجزائر
 * تمثيلها الدبلوماسي"). Rows whose id ends in "_lift_aid" (رفع "lifted") ease sanctions:
 * their object is عقوبات "sanctions" or حظر "ban" ("رفعت مجموعة إيكواس العقوبات المفروضة
 * على النيجر"). Rows whose id ends in "_media_aid" (علق، أوقف "suspended") ban a medium:
 * their object is بث "broadcast" ("علقت السلطات المالية بث قناة فرانس 24"). Returns 1 for
 * membership, 2 for relations, 3 for sanctions, 4 for broadcasts, else 0. Rows whose id
 * ends in "_forces_aid" (سحب "withdrew") withdraw forces: their object is قوات or جنود
 * ("سحبت فرنسا قواتها من مالي"); 5. */
static int member_row(row_id id)
{
    if (id_ends(id, "_member_aid")) return 1;
    if (id_ends(id, "_ties_aid")) return 2;
    if (id_ends(id, "_lift_aid")) return 3;
    if (id_ends(id, "_media_aid")) return 4;
    if (id_ends(id, "_forces_aid")) return 5;
    return 0;
}

/* عضوية، عضويتها (ة normalised to ه; a pronoun on it or none, no article); for
 * relations علاقات، العلاقات، علاقاتها، علاقة، تمثيل، التمثيل، تمثيلها, and cooperation
 * (تعاون، التعاون، تعاونها) */
static int membership_word(const rasid_token *t, int kind)
{
    static const char mem[] = "\xD8\xB9\xD8\xB6\xD9\x88\xD9\x8A\xD9\x87"; /* عضويه */
    static const char *const ties[] = {"\xD8\xB9\xD9\x84\xD8\xA7\xD9\x82\xD8\xA7\xD8\xAA", /* علاقات */
                                       "\xD8\xB9\xD9\x84\xD8\xA7\xD9\x82\xD9\x87",         /* علاقه */
                                       "\xD8\xAA\xD9\x85\xD8\xAB\xD9\x8A\xD9\x84",        /* تمثيل */
                                       "\xD8\xAA\xD8\xB9\xD8\xA7\xD9\x88\xD9\x86"};       /* تعاون */
    for (uint16_t r = 0; r < t->nreadings; r++) {
        const char *st = r ? t->readings[r].stem : t->norm;
        if (!st) continue;
        if (kind == 1) {
            if (!(r && t->readings[r].article) && rasid__streq(st, mem)) return 1;
            continue;
        }
        if (kind == 5) {
            if (rasid__streq(st, "\xD9\x82\xD9\x88\xD8\xA7\xD8\xAA") || rasid__streq(st, "\xD8\xAC\xD9\x86\xD9\x88\xD8\xAF"))
                return 1; /* قوات، جنود */
            continue;
        }
        if (kind == 4) {
            if (rasid__streq(st, "\xD8\xA8\xD8\xAB")) return 1; /* بث */
            continue;
        }
        if (kind == 3) {
            if (rasid__streq(st, "\xD8\xB9\xD9\x82\xD9\x88\xD8\xA8\xD8\xA7\xD8\xAA") || /* عقوبات */
                rasid__streq(st, "\xD8\xAD\xD8\xB8\xD8\xB1"))                              /* حظر */
                return 1;
            continue;
        }
        for (size_t i = 0; i < sizeof ties / sizeof *ties; i++)
            if (rasid__streq(st, ties[i])) return 1;
    }
    return 0;
}

/* The token of the aid word after a *_aid verb (of the membership or relations word
 * after a *_member_aid or *_ties_aid verb), or SIZE_MAX. */
static size_t aid_after(const ev_ctx *c, size_t from, int member)
{
    rasid__match m[16];
    size_t reach = member >= 2 ? 8 : 6;
    for (size_t q = from; q < from + reach && q < c->n && c->t[q].sent == c->t[from - 1].sent; q++) {
        if (member >= 2 && is_comma_tok(&c->t[q])) continue; /* ("قطعت الحكومة، الخميس، علاقاتها") */
        if (c->t[q].kind == RASID_TOK_PUNCT) return SIZE_MAX;
        if (member) {
            if (membership_word(&c->t[q], member)) return q;
            /* (relations or sanctions are the verb's object: only its subject may stand
             * between, not "قطعت الحكومة الكهرباء ... بسبب العلاقات") */
            if (member >= 2 && c->mention_at[q] < 0) return SIZE_MAX;
            continue;
        }
        size_t k = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_TRIGGER), 0, m, 16);
        for (size_t j = 0; j < k; j++) {
            const char *id = ev_field(m[j].e, "id");
            if (id && (rasid__streq(id, "aid") || ev_starts(id, "aid_"))) return q;
        }
    }
    return SIZE_MAX;
}

/* Rows whose id ends in "_official" (وصل "arrived") state a visit only with an official
 * for their subject, right after the verb (a titled person, an office, a delegation), and
 * then إلى and a place: "وصل الرئيس المالي عاصيمي غويتا إلى نيامي". Not "وصل عدد القتلى
 * إلى 50" (a toll reached 50), "وصلت الأمطار إلى". */
static int needs_official(row_id id)
{
    return id_ends(id, "_official");
}

static int official_to_place(const ev_ctx *c, size_t from)
{
    int seen = 0;
    uint32_t sent = c->t[from - 1].sent;
    rasid__match tm[8];
    for (size_t z = from; z < from + 10 && z + 1 < c->n && c->t[z].sent == sent; z++) {
        int m = c->mention_at[z];
        if (m < 0 && ev_cue(c, z, CUE_TO)) {
            int p = c->mention_at[z + 1];
            return seen && p >= 0 && c->ms[p].kind == RASID_M_PLACE && c->ms[p].tok_begin == z + 1;
        }
        if (m >= 0) {
            /* the official: an office, a titled or known person, a delegation; a day or a
             * comma may stand before إلى ("وصل الرئيس، مساء الأحد، إلى نيامي") */
            const rasid_mention *x = &c->ms[m];
            int office = x->id && (ev_starts(x->id, "rasid:office:") || ev_starts(x->id, "rasid:generic-delegation"));
            int person = x->kind == RASID_M_PERSON || (x->ekind && rasid__streq(x->ekind, "person"));
            if (office || person) seen = 1;
            else if (x->kind != RASID_M_DATE) return 0;
            z = x->tok_end - 1;
            continue;
        }
        /* (the words of a title before the person it names: "وزير الدفاع المالي ساديو كامارا") */
        if (is_comma_tok(&c->t[z])) continue;
        size_t k = rasid__lex_match_at(c->lex, c->doc, z, RASID_CATBIT(RASID_CAT_TITLE) | RASID_CATBIT(RASID_CAT_NISBA), 0, tm, 8);
        if (k) {
            /* (a bare title with the article right after the verb is the official told of
             * before: "وصل الوزير إلى باماكو") */
            if (z == from && tm[0].e->cat == RASID_CAT_TITLE && c->t[z].nlen > 4 && !memcmp(c->t[z].norm, "\xD8\xA7\xD9\x84", 4))
                seen = 1; /* ال */
            z = tm[0].tok + tm[0].ntok - 1; /* (longest first) */
        } else if (!ev_cue(c, z, CUE_TITLEADJ)) return 0;
    }
    return 0;
}

static int is_comma_tok(const rasid_token *t)
{
    return t->kind == RASID_TOK_PUNCT && (t->nlen == 1 ? t->norm[0] == ',' : !memcmp(t->norm, "\xD8\x8C", 2));
}

/* Rows whose id ends in "_capture" (أسر "captured") are spelt, in their bare forms أسر
 * and أسرا, like a noun too: أسر "families" ("أسر الضحايا", "لأسر الجنود", "أسرهم"). The verb is read only on its bare
 * form (no preposition, article or pronoun on it) with what a verb of capture takes right
 * after it: a number of captives ("أسر 12 جنديا"), or a party acting or taken ("أسر مسلحون
 * جنديين", "أسر الجيش خمسة إرهابيين"); not a definite noun of people, whose families they
 * are ("أسر الجنود", "أسر القتلى"). */
static int needs_captive(row_id id)
{
    return id_ends(id, "_capture");
}

/* Rows whose id ends in "_self" (سلم "handed over") state a surrender only with a
 * reflexive نفسه after them, past the subject: "سلم إرهابي نفسه للسلطات العسكرية". */
static int needs_self(row_id id)
{
    return id_ends(id, "_self");
}

static int self_after(const ev_ctx *c, size_t from)
{
    static const char *const self[] = {"\xD9\x86\xD9\x81\xD8\xB3\xD9\x87",                 /* نفسه */
                                       "\xD9\x86\xD9\x81\xD8\xB3\xD9\x87\xD8\xA7",         /* نفسها */
                                       "\xD8\xA7\xD9\x86\xD9\x81\xD8\xB3\xD9\x87\xD9\x85", /* انفسهم */
                                       "\xD8\xA7\xD9\x86\xD9\x81\xD8\xB3\xD9\x87\xD9\x85\xD8\xA7"}; /* انفسهما */
    for (size_t q = from; q < from + 5 && q < c->n && c->t[q].sent == c->t[from - 1].sent; q++) {
        if (c->t[q].kind == RASID_TOK_PUNCT) return 0;
        for (size_t i = 0; i < sizeof self / sizeof *self; i++)
            if (rasid__streq(c->t[q].norm, self[i])) return 1;
    }
    return 0;
}

/* Rows whose id ends in "_crowd" (خرج "went out", نزل، احتشد "gathered") state a protest
 * only with the protesters as their subject, a few words on in the clause: "خرج آلاف
 * المتظاهرين في شوارع نيامي", "احتشد المحتجون أمام السفارة"; not "خرج الجيش من المدينة",
 * "نزل الوزير في فندق". (The protesters' noun is an actor, so it is no trigger itself.) */
static int needs_crowd(row_id id)
{
    return id_ends(id, "_crowd");
}

static int crowd_after(const ev_ctx *c, size_t from)
{
    for (size_t q = from; q < from + 5 && q < c->n && c->t[q].sent == c->t[from - 1].sent; q++) {
        if (c->t[q].kind == RASID_TOK_PUNCT) return 0;
        int m = c->mention_at[q];
        if (m >= 0 && c->ms[m].kind == RASID_M_ACTOR) return c->ms[m].id && rasid__streq(c->ms[m].id, "rasid:protesters");
    }
    return 0;
}

/* Rows whose id ends in "_held" (أنقذ "rescued") free captives only when another word
 * of the sentence tells of captivity (a hostage cue: رهائن، مختطفين، محتجزين): "أنقذ الجيش
 * 12 مختطفا", not "أنقذ حرس السواحل 120 مهاجرا كانوا على متن قوارب". */
static int needs_held(row_id id)
{
    return id_ends(id, "_held");
}

static int held_in_sentence(const ev_ctx *c, const rasid__match *m)
{
    const rasid_sentence *s = &((const rasid_sentence *)c->doc->sentences.data)[c->t[m->tok].sent];
    for (size_t q = s->tok_begin; q < s->tok_end; q++) {
        if ((q < m->tok || q >= m->tok + m->ntok) && ev_cue(c, q, CUE_HOSTAGE)) return 1;
        /* (a count of captives: "12 مختطفا") */
        int n = c->mention_at[q];
        if (n >= 0 && c->ms[n].kind == RASID_M_NUMBER && c->ms[n].noun && rasid__streq(c->ms[n].noun, "hostage")) return 1;
    }
    return 0;
}

/* Rows whose id ends in "_pact" (انسحب "withdrew") reject only a pact, talks or an
 * organisation named after من a few words on: "انسحبت مالي من اتفاق الجزائر", "انسحبت النيجر من
 * المجموعة الاقتصادية"; "انسحب المقاتلون من البلدة" is a withdrawal (another row). */
static int needs_pact(row_id id)
{
    return id_ends(id, "_pact");
}

/* Returns the token of the pact (whose word, the pact rejected, opens no event of its
 * own), or SIZE_MAX. */
static int pact_at(ev_ctx *c, size_t q);
static size_t pact_after(ev_ctx *c, size_t from)
{
    /* past the subject: "انسحبت النيجر من المجموعة الاقتصادية" */
    for (size_t q = from; q + 1 < c->n && q < from + 6 && c->t[q].sent == c->t[from - 1].sent; q++) {
        if (c->t[q].kind == RASID_TOK_PUNCT) return SIZE_MAX;
        if (ev_is_min(&c->t[q])) /* من */
            return c->t[q + 1].sent == c->t[q].sent && pact_at(c, q + 1) ? q + 1 : SIZE_MAX;
    }
    return SIZE_MAX;
}

static int pact_at(ev_ctx *c, size_t q)
{
    int mm = c->mention_at[q];
    if (mm >= 0) return c->ms[mm].kind == RASID_M_ACTOR && c->ms[mm].sector && rasid__streq(c->ms[mm].sector, "IGO");
    rasid__match m[8];
    size_t k = rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_TRIGGER), 0, m, 8);
    for (size_t i = 0; i < k; i++) {
        const char *t = ev_trig_field(m[i].e, TC_TYPE);
        if (t && (rasid__streq(t, "AGREE") || rasid__streq(t, "CONSULT") || rasid__streq(t, "COOPERATE"))) return 1;
    }
    return 0;
}

/* Rows whose id ends in "_initial" (دان, also part of Hausa names: "بخاري دان مالام") open
 * an event only at the head of a clause: first in the sentence, after punctuation, or with
 * the conjunction و or ف on them ("ودان الرئيس"). */
static int needs_initial(row_id id)
{
    return id_ends(id, "_initial");
}

static int clause_initial(const ev_ctx *c, const rasid__match *m)
{
    const rasid_token *t = &c->t[m->tok];
    if (m->reading > 0 && m->reading < t->nreadings) {
        const char *pro = t->readings[m->reading].pro;
        if (pro && (ev_starts(pro, "\xD9\x88") || ev_starts(pro, "\xD9\x81"))) return 1; /* و ف */
    }
    if (m->tok == 0 || c->t[m->tok - 1].sent != t->sent) return 1;
    return c->t[m->tok - 1].kind == RASID_TOK_PUNCT;
}

int ev_capture_row(const ev_cand *k) { return k->trig && needs_captive(row_id_of(k->trig)); }

static int definite_token(const rasid_token *t)
{
    if (t->nlen > 4 && !memcmp(t->norm, "\xD8\xA7\xD9\x84", 4)) return 1; /* ال */
    for (uint16_t r = 1; r < t->nreadings; r++)
        if (t->readings[r].article) return 1;
    return 0;
}

static int capture_object(const ev_ctx *c, const rasid__match *m)
{
    const rasid_token *t = &c->t[m->tok];
    /* (the other forms, أسرت، أسروا، يأسر, are verbs only) */
    if (!rasid__streq(m->e->key, "\xD8\xA7\xD8\xB3\xD8\xB1") && !rasid__streq(m->e->key, "\xD8\xA7\xD8\xB3\xD8\xB1\xD8\xA7"))
        return 1; /* اسر، اسرا */
    if (m->article || m->ntok != 1) return 0;
    if (m->reading) {
        const rasid_reading *rd = &t->readings[m->reading];
        if (rd->enc && rd->enc[0]) return 0;
        for (const char *p = rd->pro; p && *p; p++)
            if (*p != '\xD9' && *p != '\x88') return 0; /* only و (U+0648: D9 88) */
    }
    size_t q = m->tok + 1;
    if (q >= c->n || c->t[q].sent != t->sent) return 0;
    int mi = c->mention_at[q];
    if (c->t[q].kind == RASID_TOK_NUMBER || (mi >= 0 && c->ms[mi].kind == RASID_M_NUMBER)) return 1;
    if (mi < 0 || c->ms[mi].kind != RASID_M_ACTOR) return 0;
    if (!definite_token(&c->t[q])) return 1;
    /* "أسر الجنود", "أسر الضحايا": people named by a counted or casualty noun */
    rasid__match nm[8];
    if (rasid__lex_match_at(c->lex, c->doc, q, RASID_CATBIT(RASID_CAT_NOUN), 0, nm, 8)) return 0;
    if (ev_cue(c, q, CUE_DEAD) || ev_cue(c, q, CUE_INJURED) || ev_cue(c, q, CUE_HOSTAGE) || ev_cue(c, q, CUE_ARRESTED))
        return 0;
    return 1;
}

/* "تبنى تنظيم داعش الهجوم على قاعدة للجيش في ميناكا": an attack claimed (a claim word
 * right before the event noun, past the claimant) and told with its target (على، ضد) is
 * news of its own in its sentence, told before or not: the merge joins it to an earlier
 * report of the same attack. */
static int claimed_with_target(const ev_ctx *c, const rasid__match *m)
{
    size_t after = m->tok + m->ntok;
    if (after >= c->n || c->t[after].sent != c->t[m->tok].sent || !ev_cue(c, after, CUE_AGAINST)) return 0;
    for (size_t back = 1; back <= 6 && m->tok >= back; back++) {
        const rasid_token *t = &c->t[m->tok - back];
        if (t->sent != c->t[m->tok].sent || (t->kind == RASID_TOK_PUNCT && t->nlen == 1 && t->norm[0] != '"')) return 0;
        if (ev_cue(c, m->tok - back, CUE_CLAIM)) return 1;
    }
    return 0;
}

/* "علقت النيجر التعاون العسكري مع فرنسا", "ألغى المجلس الاتفاق": an agreement or a
 * cooperation named with the article right after a verb or noun that cancels or suspends
 * it is news (the coder makes it relations reduced), not an event told before. */
static int pact_ended(ev_ctx *c, const rasid__match *m)
{
    const char *ty = ev_trig_field(m->e, TC_TYPE);
    if (!ty || !(rasid__streq(ty, "AGREE") || rasid__streq(ty, "COOPERATE"))) return 0;
    for (size_t back = 1; back <= 3 && m->tok >= back; back++) {
        const rasid_token *t = &c->t[m->tok - back];
        if (t->sent != c->t[m->tok].sent || t->kind == RASID_TOK_PUNCT) return 0;
        if (ev_ends_pact_word(t)) return 1;
    }
    return 0;
}

/* Scan every sentence for triggers; fill c->cands. */
static int find_triggers(ev_ctx *c)
{
    rasid__match m[32];
    size_t told = SIZE_MAX; /* the aid word of a suspension found before: no event of its own */
    for (size_t i = 0; i < c->n; i++) {
        /* (the trigger lookup first: for most words, no trigger, the document's table of
         * matches answers it inline, without reading the token or its mention) */
        size_t k = rasid__lex_match_at(c->lex, c->doc, i, RASID_CATBIT(RASID_CAT_TRIGGER), 0, m, 32);
        if (!k) continue;
        const rasid_token *t = &c->t[i];
        if (t->kind != RASID_TOK_ARABIC || trigger_covered(c, i) || i == told) continue;
        const rasid__match *best = NULL; /* longest first */
        for (size_t q = 0; q < k && !best; q++) {
            /* a definite event noun ("الهجوم") names an event already told, unless a
             * relative clause introduces it ("الهجوم الذي وقع صباح السبت في ...") */
            if (m[q].article == 2 && !(m[q].tok + m[q].ntok < c->n && ev_cue(c, m[q].tok + m[q].ntok, CUE_RELATIVE)) &&
                !pact_ended(c, &m[q]) && !claimed_with_target(c, &m[q]))
                continue;
            /* stop.tsv rows of category trigger: "وصلت إلى الحكم" is no visit */
            if (rasid__lex_stopped(c->lex, c->doc, &m[q], "trigger")) continue;
            /* a row without a type (a local file's slip) codes no event: the coder's
             * rules compare the type everywhere */
            if (!ev_trig_field(m[q].e, TC_TYPE)) continue;
            const row_id rid = row_id_of(m[q].e);
            int need = needs_troops(rid);
            if (need >= 0 && !(need != CUE_UNIT ? troops_after(c, m[q].tok + m[q].ntok, (enum rasid__cue)need, arrival_row(rid))
                                                 : unit_then_against(c, m[q].tok + m[q].ntok)))
                continue;
            if (needs_captive(rid) && !capture_object(c, &m[q])) continue;
            if (needs_initial(rid) && !clause_initial(c, &m[q])) continue;
            if (needs_self(rid) && !self_after(c, m[q].tok + m[q].ntok)) continue;
            if (needs_crowd(rid) && !crowd_after(c, m[q].tok + m[q].ntok)) continue;
            if (needs_held(rid) && !held_in_sentence(c, &m[q])) continue;
            if (needs_pact(rid)) {
                size_t pt = pact_after(c, m[q].tok + m[q].ntok);
                if (pt == SIZE_MAX) continue;
                told = pt;
            }
            if (needs_official(rid) && !official_to_place(c, m[q].tok + m[q].ntok)) continue;
            if (needs_aid(rid)) {
                size_t a = aid_after(c, m[q].tok + m[q].ntok, member_row(rid));
                if (a == SIZE_MAX) continue;
                told = a;
            }
            best = &m[q];
        }
        if (!best) continue;
        /* "أوقفت الولايات المتحدة مساعداتها لمالي": a verb that also means "arrested" or
         * the like, with aid for its object, stops aid: a *_aid row of the same length wins */
        int best_aid = needs_aid(row_id_of(best->e));
        for (size_t q = 0; q < k && !best_aid; q++) {
            if (&m[q] == best || m[q].ntok != best->ntok || m[q].tok != best->tok) continue;
            const row_id rid = row_id_of(m[q].e);
            if (!needs_aid(rid)) continue;
            if (rasid__lex_stopped(c->lex, c->doc, &m[q], "trigger") || !ev_trig_field(m[q].e, TC_TYPE)) continue;
            size_t a = aid_after(c, m[q].tok + m[q].ntok, member_row(rid));
            if (a == SIZE_MAX) continue;
            told = a;
            best = &m[q];
            best_aid = 1;
        }
        /* "وصلت إلى العاصمة باماكو دفعة من المدربين الروس": troops arriving, told after the
         * place, are a deployment, not a visit: an arrival row of the same verb wins */
        const char *bid = ev_field(best->e, "id");
        for (size_t q = 0; q < k && bid && rasid__streq(bid, "visit"); q++) {
            /* (and arms or military aid arriving are a delivery: "وصلت إلى مطار نيامي شحنة من
             * المساعدات العسكرية الروسية") */
            if (m[q].tok != best->tok) continue;
            const row_id rid = row_id_of(m[q].e);
            int need = needs_troops(rid);
            if (!arrival_row(rid) || (need != CUE_TROOPS && need != CUE_WEAPONS)) continue;
            if (!troops_after(c, m[q].tok + m[q].ntok, (enum rasid__cue)need, 1)) continue;
            best = &m[q];
            break;
        }
        ev_cand *nc = rasid__vec_push_raw(&c->cands); /* (cand_from_trigger zeroes it) */
        if (!nc) return RASID_NOMEM;
        cand_from_trigger(c, nc, best);
        i += best->ntok - 1;
    }
    return RASID_OK;
}

static int same_place(const ev_ctx *c, int a, int b)
{
    if (a < 0 || b < 0) return 1;
    const rasid_mention *x = &c->ms[a], *y = &c->ms[b];
    /* (two mentions of one place mostly share its dictionary name: the pointers first) */
    if (x->name && y->name && (x->name == y->name || !strcmp(x->name, y->name))) return 1;
    if ((x->precision == RASID_P_REGION && !x->country) || (y->precision == RASID_P_REGION && !y->country)) return 1;
    if (!isnan(x->lat) && !isnan(y->lat)) {
        double dx = (x->lat - y->lat), dy = (x->lon - y->lon);
        if (dx * dx + dy * dy < 0.3 * 0.3) return 1;
    }
    /* a country, region or province and a place inside it are compatible */
    if (x->precision >= RASID_P_ADMIN1 || y->precision >= RASID_P_ADMIN1)
        return x->country && y->country && !strcmp(x->country, y->country);
    return 0;
}

static long day_number(const char *v)
{
    return rasid__days_from_civil(rasid__atoi(v), rasid__atoi(v + 5), rasid__atoi(v + 8));
}

static int same_date(const ev_ctx *c, int a, int b)
{
    if (a < 0 || b < 0) return 1;
    const char *x = c->ms[a].value, *y = c->ms[b].value;
    /* "ليل الجمعة - السبت": a night spans two days */
    if (strlen(x) == 10 && strlen(y) == 10) {
        long d = day_number(x) - day_number(y);
        if (d >= -1 && d <= 1) return 1;
    }
    size_t n = strlen(x) < strlen(y) ? strlen(x) : strlen(y);
    return !strncmp(x, y, n);
}

static int same_count(long a, long b) { return a < 0 || b < 0 || a == b; }

/* Two tolls of one event as two reports may give them: the same figure, or a vague one
 * ("عشرات القتلى" in the headline) and a figure in its range ("أكثر من 30" in the text):
 * several 3-10, dozens 11-99, hundreds 100-999, thousands 1000 and more. */
static int in_vague_range(uint8_t q, long v)
{
    switch (q) {
    case RASID_Q_SEVERAL: return v >= 3 && v <= 10;
    case RASID_Q_DOZENS: return v >= 11 && v <= 99;
    case RASID_Q_HUNDREDS: return v >= 100 && v <= 999;
    case RASID_Q_THOUSANDS: return v >= 1000;
    default: return 0;
    }
}
static int tolls_agree(const ev_cand *a, const ev_cand *b)
{
    if (same_count(a->dead, b->dead)) return 1;
    int va = rasid__q_vague(a->q_dead), vb = rasid__q_vague(b->q_dead);
    if (va && !vb) return in_vague_range(a->q_dead, b->dead);
    if (vb && !va) return in_vague_range(b->q_dead, a->dead);
    return 0;
}

/* Two tolls that are the same figure: the same number, neither of them a vague one
 * ("العشرات" stands for 12 and says dozens; it agrees with no count). */
static int vague_q(uint8_t q) { return rasid__q_vague(q); }
static int same_toll(const ev_cand *a, const ev_cand *b)
{
    return a->dead > 0 && a->dead == b->dead && !vague_q(a->q_dead) && !vague_q(b->q_dead);
}

static int actors_compatible_1(const ev_cand *a, const ev_cand *b);

/* Meetings, agreements and cooperation have two sides told in either order ("استقبل X
 * Y وبحث معه"): one report's actor may be the other's recipient. */
static int symmetric(const ev_cand *k)
{
    return k->ty == EV_T_CONSULT || k->ty == EV_T_AGREE || k->ty == EV_T_COOPERATE;
}

/* A named party (not unnamed gunmen or civilians) on both lists. */
static int named_party_in(const rasid_entity *a, size_t na, const rasid_entity *b, size_t nb)
{
    for (size_t i = 0; i < na; i++) {
        const char *sa = a[i].sector;
        if (!a[i].name || (sa && (rasid__streq(sa, "UAF") || rasid__streq(sa, "CVL")))) continue;
        for (size_t j = 0; j < nb; j++)
            if (b[j].name && !strcmp(a[i].name, b[j].name)) return 1;
    }
    return 0;
}

/* Does candidate b answer an attack told before it: a response word (ردت، ردا على،
 * انتقاما) a few words before its trigger, after a's? */
static int responds(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    for (size_t back = 1; back <= 6 && b->ttok >= back; back++) {
        size_t q = b->ttok - back;
        if (c->t[q].sent != b->sent || (a->sent == b->sent && q < a->ttok + a->tntok)) break;
        if (ev_cue(c, q, CUE_RESPONSE)) return 1;
    }
    return 0;
}

/* "نصب مسلحون كمينا لدورية للجيش، وردت القوات المالية بقصف مواقعهم": an answer to an
 * attack, told with a response word and a doer of its own, is another event than the
 * attack (the soldiers who fight back during an ambush are not answering it; a clash
 * told with بين has no sides to tell apart). */
static int answers(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    if (a->pos == 'B' || b->pos == 'B' || symmetric(a)) return 0;
    if (b->sent < a->sent || (b->sent == a->sent && b->ttok < a->ttok)) {
        const ev_cand *t = a;
        a = b;
        b = t;
    }
    if (!b->nactor || !responds(c, a, b)) return 0;
    for (size_t i = 0; i < b->nactor; i++) {
        const char *sb = b->actor[i].sector;
        if (sb && (rasid__streq(sb, "UAF") || rasid__streq(sb, "CVL"))) continue;
        if (!named_party_in(&b->actor[i], 1, a->actor, a->nactor)) return 1;
    }
    return 0;
}

static int actors_compatible(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    if (answers(c, a, b)) return 0;
    if (actors_compatible_1(a, b)) return 1;
    if (!symmetric(a) || !b->nrecipient) return 0;
    ev_cand swapped = *b;
    memcpy(swapped.actor, b->recipient, b->nrecipient * sizeof *b->recipient);
    swapped.nactor = b->nrecipient;
    return actors_compatible_1(a, &swapped);
}

static int actors_compatible_1(const ev_cand *a, const ev_cand *b)
{
    if (!a->nactor || !b->nactor) return 1;
    for (size_t i = 0; i < a->nactor; i++)
        for (size_t j = 0; j < b->nactor; j++) {
            const char *x = a->actor[i].name, *y = b->actor[j].name;
            if (x && y && !strcmp(x, y)) return 1;
            if (a->actor[i].country && b->actor[j].country && !strcmp(a->actor[i].country, b->actor[j].country))
                return 1;
            /* unnamed gunmen, protesters, civilians fit any named party; civilians never
             * stand for a state or its government ("طالب المتظاهرون" and "طالبت الجزائر"
             * are two demands) */
            const char *sa = a->actor[i].sector, *sb = b->actor[j].sector;
            if ((sa && rasid__streq(sa, "UAF")) || (sb && rasid__streq(sb, "UAF"))) return 1;
            if ((sa && rasid__streq(sa, "CVL")) || (sb && rasid__streq(sb, "CVL"))) {
                const rasid_entity *other = sa && rasid__streq(sa, "CVL") ? &b->actor[j] : &a->actor[i];
                if (!(other->kind && rasid__streq(other->kind, "state"))) return 1;
            }
            if (a->actor[i].id && b->actor[j].id && !strcmp(a->actor[i].id, b->actor[j].id)) return 1;
        }
    return 0;
}

/* Reports of one event share their PLOVER type (types the rules do not name, EV_T_OTHER,
 * count as one family). */
static int same_family(const ev_cand *a, const ev_cand *b)
{
    return a->ty == b->ty;
}

static int told_as_earlier(const ev_ctx *c, const ev_cand *k);

static int compatible(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    if (!same_family(a, b)) return 0;
    if (a->sent != b->sent && told_as_earlier(c, a) != told_as_earlier(c, b)) return 0;
    if (!same_place(c, a->location, b->location)) return 0;
    if (!same_date(c, a->date, b->date)) return 0;
    if (!tolls_agree(a, b)) return 0;
    if (!actors_compatible(c, a, b)) return 0;
    if (!ev_same_modality(a, b)) return 0;
    return 1;
}

static int richness(const ev_cand *k)
{
    return (k->nactor > 0) * 3 + (k->nrecipient > 0) * 2 + (k->location >= 0) * 3 + (k->date >= 0) * 2 +
           (k->dead >= 0) * 2 + (k->hostages >= 0) + (k->injured >= 0) + (int)(k->weight * 2);
}

static void absorb_ex(ev_ctx *c, ev_cand *into, ev_cand *from, int keep_evidence);

static int territory_change(const char *acled_sub)
{
    return acled_sub && (rasid__streq(acled_sub, "Non-state actor overtakes territory") ||
                         rasid__streq(acled_sub, "Government regains territory"));
}

/* How specific a mode is: a suicide bombing said once makes the whole report one. */
static int mode_rank(const char *m)
{
    if (!m) return 0;
    if (rasid__streq(m, "suicide-attack")) return 5;
    if (rasid__streq(m, "drone")) return 4;
    if (rasid__streq(m, "aerial") || rasid__streq(m, "explosives") || rasid__streq(m, "heavy-weapons")) return 3;
    if (rasid__streq(m, "abduct") || rasid__streq(m, "targeted")) return 2;
    return 1;
}

static void absorb(ev_ctx *c, ev_cand *into, ev_cand *from) { absorb_ex(c, into, from, 0); }

int ev_told_as_clash(const ev_cand *k) { return (k->fights & EV_FIGHT_CLASH) != 0; }

static int civilian_side(const ev_cand *k)
{
    for (size_t i = 0; i < k->nrecipient; i++)
        if (k->recipient[i].sector && rasid__streq(k->recipient[i].sector, "CVL")) return 1;
    return 0;
}

/* Is the party named `name` among k's actors (1) or recipients (2)? 0: neither. (By
 * name: "الجنود" and "الجيش التشادي" are both Military Forces of Chad.) */
static int side_of(const ev_cand *k, const char *name)
{
    for (size_t i = 0; i < k->nactor; i++)
        if (k->actor[i].name && !strcmp(k->actor[i].name, name)) return 1;
    for (size_t i = 0; i < k->nrecipient; i++)
        if (k->recipient[i].name && !strcmp(k->recipient[i].name, name)) return 2;
    return 0;
}

/* Is g an unnamed force (Military Forces, of no country or of n's country) of which n is
 * a named one of the same sector? */
static int generic_of(const rasid_entity *g, const rasid_entity *n)
{
    if (!g->id || !ev_starts(g->id, "rasid:generic-") || !n->id || ev_starts(n->id, "rasid:generic-")) return 0;
    if (!g->sector || !n->sector || strcmp(g->sector, n->sector)) return 0;
    return !g->country || (n->country && !strcmp(g->country, n->country));
}

static void absorb_ex(ev_ctx *c, ev_cand *into, ev_cand *from, int keep_evidence)
{
    if (c->debug)
        fprintf(stderr, "merge: #%ld sent %u tok %u <- #%ld sent %u tok %u (%s)\n", (long)(into - (ev_cand *)c->cands.data),
                into->sent, into->ttok, (long)(from - (ev_cand *)c->cands.data), from->sent, from->ttok,
                keep_evidence ? "reference" : "report");
    (void)c;
    if (from->last_sent > into->last_sent) into->last_sent = from->last_sent;
    /* keep the better evidence: the richer candidate's sentence */
    int ri = richness(into), rf = richness(from);
    if (from->claimed && !into->claimed && from->nactor) {
        memcpy(into->actor, from->actor, from->nactor * sizeof *from->actor);
        into->nactor = from->nactor;
        into->claimed = 1;
    }
    if (from->headline) { /* the headline's toll is the article's own figure (but not a vague
                           * one, "عشرات القتلى", over the text's figure) */
        if (from->dead >= 0 && !(rasid__q_vague(from->q_dead) && into->dead >= 0 && !rasid__q_vague(into->q_dead))) {
            into->dead = from->dead;
            into->q_dead = from->q_dead;
        }
        if (from->hostages >= 0) { into->hostages = from->hostages; into->q_hostages = from->q_hostages; }
    }
    if (from->nactor && from->nrecipient && (!into->nactor || !into->nrecipient) && !from->aggregate) {
        /* a report naming both sides says more about who than one naming one */
        memcpy(into->actor, from->actor, from->nactor * sizeof *from->actor);
        into->nactor = from->nactor;
        /* (civilians of a country say more than civilians: "سبعة مواطنين موريتانيين", then
         * "المواطنين السبعة") */
        int finer = into->nrecipient == 1 && from->nrecipient == 1 && into->recipient[0].id && from->recipient[0].id &&
                    !strcmp(into->recipient[0].id, from->recipient[0].id) && into->recipient[0].country && !from->recipient[0].country;
        if (!finer) {
            memcpy(into->recipient, from->recipient, from->nrecipient * sizeof *from->recipient);
            into->nrecipient = from->nrecipient;
        }
    }
    if (!into->nactor && from->nactor) {
        memcpy(into->actor, from->actor, from->nactor * sizeof *from->actor);
        into->nactor = from->nactor;
    }
    /* a named armed group says more than "Militants" on the same side: "مقتل 40 متمردا"
     * in the headline, "أربعين متمردا من جبهة التناوب" in the body */
    if (into->nrecipient == 1 && from->nrecipient && into->recipient[0].sector && from->recipient[0].sector &&
        rasid__streq(into->recipient[0].sector, "UAF") && rasid__streq(from->recipient[0].sector, "REB")) {
        memcpy(into->recipient, from->recipient, from->nrecipient * sizeof *from->recipient);
        into->nrecipient = from->nrecipient;
    }
    /* a named force says more than unnamed soldiers: "مقتل أربعة عسكريين" and "رتلا عسكريا
     * تابعا للجيش الوطني الليبي" */
    if (into->nrecipient == 1 && from->nrecipient && generic_of(&into->recipient[0], &from->recipient[0])) {
        memcpy(into->recipient, from->recipient, from->nrecipient * sizeof *from->recipient);
        into->nrecipient = from->nrecipient;
    }
    if (!into->nrecipient && from->nrecipient) {
        memcpy(into->recipient, from->recipient, from->nrecipient * sizeof *from->recipient);
        into->nrecipient = from->nrecipient;
    }
    if (into->location < 0 ||
        (from->location >= 0 && c->ms[from->location].precision < c->ms[into->location].precision &&
         c->ms[from->location].precision >= RASID_P_SITE))
        into->location = from->location;
    if (into->date < 0 || (from->date >= 0 && c->ms[from->date].precision < c->ms[into->date].precision))
        into->date = from->date;
    /* "قتل الجيش 40 متمردا" then "وقال إن ثلاثة جنود قتلوا": two reports of one fight
     * counting the dead of each side, the one's victims the other's doers: the fight's
     * toll adds them */
    if (into->dead > 0 && from->dead > 0 && into->dead_foe < 0 && from->dead_foe < 0 && into->dead_of &&
        from->dead_of && strcmp(into->dead_of, from->dead_of) && side_of(into, into->dead_of) &&
        side_of(into, from->dead_of) && side_of(into, into->dead_of) != side_of(into, from->dead_of)) {
        into->dead_foe = from->dead;
        into->q_dead_foe = from->q_dead;
    }
    if (into->dead < 0) { into->dead = from->dead; into->q_dead = from->q_dead; into->dead_of = from->dead_of; }
    if (into->dead_foe < 0) { into->dead_foe = from->dead_foe; into->q_dead_foe = from->q_dead_foe; }
    if (into->injured < 0) { into->injured = from->injured; into->q_injured = from->q_injured; }
    if (into->arrested < 0) { into->arrested = from->arrested; into->q_arrested = from->q_arrested; }
    if (into->hostages < 0) { into->hostages = from->hostages; into->q_hostages = from->q_hostages; }
    /* a change of territory told with its fighting is coded as the change (ACLED codes
     * the seizure, not the clash that led to it) */
    int into_territory = territory_change(into->acled_sub), from_territory = territory_change(from->acled_sub);
    /* soldiers captured in an attack are told with it: the attack's mode stays */
    int rank_from = ev_capture_row(from) ? 0 : mode_rank(from->mode);
    int rank_into = ev_capture_row(into) ? 0 : mode_rank(into->mode);
    /* "حاصرت الشرطة أربعة مسلحين في السوق ثم اعتقلتهم": a siege or a restriction that ends
     * in arrests is coded as the arrests (its outcome, what ACLED records) */
    int arrests_end_it = from->mode && into->mode && rasid__streq(from->mode, "arrest") && rasid__streq(into->mode, "restrict");
    if (from->mode && (!into->mode || rank_from > rank_into || arrests_end_it ||
                       (rank_from == rank_into && from->weight > into->weight + 0.05))) {
        into->mode = from->mode;
        if (!into_territory) {
            into->acled_event = from->acled_event;
            into->acled_sub = from->acled_sub;
            into->cameo = from->cameo;
        }
    }
    /* "قتل 12 شخصا في اشتباكات بين مجموعتين مسلحتين": people killed in a clash were
     * killed in a battle, not in an attack on civilians, unless civilians are its side */
    if (into->acled_event && from->acled_event && rasid__streq(into->acled_event, "Violence against civilians") &&
        rasid__streq(from->acled_event, "Battles") && (from->fights & EV_FIGHT_CLASH) &&
        !civilian_side(into) && !civilian_side(from)) {
        into->acled_event = from->acled_event;
        into->acled_sub = from->acled_sub;
        into->cameo = from->cameo;
    }
    if (from_territory && !into_territory && into->ty == EV_T_ASSAULT) {
        into->acled_event = from->acled_event;
        into->acled_sub = from->acled_sub;
        into->cameo = from->cameo;
        into->trig = from->trig;
    }
    if (from->sent == into->sent) {
        /* two triggers of one sentence: the evidence covers both */
        if (from->ev_start < into->ev_start) into->ev_start = from->ev_start;
        if (from->ev_end > into->ev_end) into->ev_end = from->ev_end;
    } else if (((rf > ri && !from->headline) || (into->headline && !from->headline)) && !keep_evidence &&
               !from->aggregate) {
        into->sent = from->sent;
        into->ttok = from->ttok;
        into->tntok = from->tntok;
        into->ev_start = from->ev_start;
        into->ev_end = from->ev_end;
    }
    if (from->weight > into->weight) into->weight = from->weight;
    /* a headline that took in a body report is a body report now */
    if (!from->headline) into->headline = 0;
    if (from->sent == into->sent && !from->aggregate) into->reference |= from->reference;
    into->mentions += from->mentions;
    into->groups |= from->groups;
    into->fights |= from->fights;
    from->alive = 0;
}

/* "على الطريق بين غاو وأنسونغو": two towns joined by و right after بين are the ends of one
 * road, one place for the events told on it */
static int road_ends(const ev_ctx *c, const rasid_mention *x, const rasid_mention *y)
{
    if (y->tok_begin < x->tok_begin) {
        const rasid_mention *t = x;
        x = y;
        y = t;
    }
    if (x->kind != RASID_M_PLACE || y->kind != RASID_M_PLACE || x->tok_begin == 0) return 0;
    /* "على طريق سبها أوباري", "طريق سبها - أوباري": a road named by its two ends */
    int dash = y->tok_begin == x->tok_end + 1 && c->t[x->tok_end].kind == RASID_TOK_PUNCT && c->t[x->tok_end].nlen == 1 &&
               c->t[x->tok_end].norm[0] == '-';
    if (x->tok_end != y->tok_begin && !dash) return 0;
    const rasid_token *r = &c->t[x->tok_begin - 1];
    int road = r->sent == x->sent && (rasid__streq(r->norm, "\xD8\xB7\xD8\xB1\xD9\x8A\xD9\x82") ||          /* طريق */
                                      rasid__streq(r->norm, "\xD8\xA7\xD9\x84\xD8\xB7\xD8\xB1\xD9\x8A\xD9\x82")); /* الطريق */
    for (uint16_t q = 1; q < r->nreadings && !road; q++)
        road = !r->readings[q].enc[0] && rasid__streq(r->readings[q].stem, "\xD8\xB7\xD8\xB1\xD9\x8A\xD9\x82");
    if (road) return 1;
    if (dash) return 0;
    const rasid_token *t = &c->t[y->tok_begin];
    int wa = y->start > t->start && !memcmp(c->doc->text + t->start, "\xD9\x88", 2);
    return wa && ev_cue(c, x->tok_begin - 1, CUE_BETWEEN);
}

/* Two places that name different towns (not a town and its country or region). */
static int distinct_sites(const ev_ctx *c, int a, int b)
{
    if (a < 0 || b < 0) return 0;
    const rasid_mention *x = &c->ms[a], *y = &c->ms[b];
    if (road_ends(c, x, y)) return 0;
    /* two countries, or two provinces, that differ are two places; a country and a town
     * in it are one */
    if ((x->precision == RASID_P_COUNTRY && y->precision == RASID_P_COUNTRY) ||
        (x->precision == RASID_P_ADMIN1 && y->precision == RASID_P_ADMIN1))
        return x->name && y->name && strcmp(x->name, y->name);
    /* (a region and a town of two countries are two places: "في شمال مالي ... قرب دوري") */
    if (x->country && y->country && strcmp(x->country, y->country) && !rasid__streq(x->country, "?") &&
        !rasid__streq(y->country, "?"))
        return 1;
    if (x->precision >= RASID_P_ADMIN1 || y->precision >= RASID_P_ADMIN1) return 0;
    return !same_place(c, a, b);
}

/* Does the candidate count anybody (dead, injured, arrested, hostages)? */
static int counted(const ev_cand *k)
{
    return k->dead >= 0 || k->injured >= 0 || k->arrested >= 0 || k->hostages >= 0;
}

/* Within each sentence, triggers of one type tell one event unless the sentence names
 * two towns, two days or two tolls for them ("هجومين منفصلين" in two places). */
static int sector_in(const rasid_entity *e, size_t n, const char *a, const char *b)
{
    for (size_t i = 0; i < n; i++)
        if (e[i].sector && (rasid__streq(e[i].sector, a) || (b && rasid__streq(e[i].sector, b)))) return 1;
    return 0;
}

/* "تعرضت وحدة من الجيش لكمين ... وتمكن الجنود من تحييد أكثر من مئة إرهابي": in the
 * sentence of an attack on soldiers or police, the killing of militants by no one else
 * than those forces is the same fight, and its dead are the attackers' (the toll of the
 * fight adds them; the soldiers' own toll is what other reports of it give). */
static int foe_killed_in(const ev_cand *attack, const ev_cand *kill)
{
    if (attack->ty != EV_T_ASSAULT || kill->ty != EV_T_ASSAULT) return 0;
    const char *id = ev_field(kill->trig, "id");
    if (!id || !ev_starts(id, "kill") || kill->dead <= 0 || !kill->nrecipient) return 0;
    if (!attack->nrecipient) {
        /* ("نحو مئة مسلح هاجموا الموقع، وتمكن الجنود من تحييد عشرات المهاجمين": armed men
         * attacking a site that names no party, the forces that killed them were its target) */
        if (!attack->nactor) return 0;
        for (size_t i = 0; i < attack->nactor; i++)
            if (!attack->actor[i].sector ||
                (!rasid__streq(attack->actor[i].sector, "REB") && !rasid__streq(attack->actor[i].sector, "UAF")))
                return 0;
        if (!kill->nactor) return 0;
    } else if (!sector_in(attack->recipient, attack->nrecipient, "MIL", "POL") ||
               sector_in(attack->recipient, attack->nrecipient, "REB", "UAF"))
        return 0;
    for (size_t i = 0; i < kill->nrecipient; i++)
        if (!kill->recipient[i].sector || (!rasid__streq(kill->recipient[i].sector, "REB") &&
                                           !rasid__streq(kill->recipient[i].sector, "UAF")))
            return 0;
    for (size_t i = 0; i < kill->nactor; i++) {
        const char *s = kill->actor[i].sector;
        if (!s || !(rasid__streq(s, "MIL") || rasid__streq(s, "POL"))) return 0;
    }
    return 1;
}

/* "أوقفتهم دورية مسلحة، قبل أن تطلق النار عليهم": people stopped or arrested and then,
 * in the same sentence after قبل أن, attacked: the attack is the event, the stop its
 * beginning; its sides fill the attack's missing ones. */
static void stopped_then_attacked(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        if (!k[i].alive || !k[i].mode || !rasid__streq(k[i].mode, "arrest")) continue;
        for (size_t j = i + 1; j < c->cands.len && k[j].sent == k[i].sent; j++) {
            if (!k[j].alive || !rasid__streq(k[j].type, "ASSAULT") || !ev_same_modality(&k[i], &k[j])) continue;
            int before = 0;
            for (size_t q = k[i].ttok + k[i].tntok; q + 1 < k[j].ttok && !before; q++)
                before = c->t[q].nlen == 6 && !memcmp(c->t[q].norm, "\xD9\x82\xD8\xA8\xD9\x84", 6) && /* قبل */
                         c->t[q + 1].nlen == 4 && !memcmp(c->t[q + 1].norm, "\xD8\xA7\xD9\x86", 4);    /* ان */
            if (!before) break;
            if (!k[j].nactor && k[i].nactor) {
                memcpy(k[j].actor, k[i].actor, k[i].nactor * sizeof *k[i].actor);
                k[j].nactor = k[i].nactor;
            }
            if (!k[j].nrecipient && k[i].nrecipient) {
                memcpy(k[j].recipient, k[i].recipient, k[i].nrecipient * sizeof *k[i].recipient);
                k[j].nrecipient = k[i].nrecipient;
            }
            if (k[i].ev_start < k[j].ev_start) k[j].ev_start = k[i].ev_start;
            k[i].alive = 0;
            break;
        }
    }
}

/* "أعلنت الحكومة فرض حظر للتجول، فيما اعتقلت الشرطة 60 شخصا": acts of two different
 * doers told on either side of فيما or بينما (meanwhile, whereas) are two acts. */
static int meanwhile_other(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    if (!a->nactor || !b->nactor || !a->actor[0].name || !b->actor[0].name || !strcmp(a->actor[0].name, b->actor[0].name))
        return 0;
    size_t lo = a->ttok < b->ttok ? a->ttok : b->ttok, hi = a->ttok < b->ttok ? b->ttok : a->ttok;
    for (size_t q = lo + 1; q < hi; q++) {
        const rasid_token *t = &c->t[q];
        if ((t->nlen == 8 && !memcmp(t->norm, "\xD9\x81\xD9\x8A\xD9\x85\xD8\xA7", 8)) ||           /* فيما */
            (t->nlen == 10 && !memcmp(t->norm, "\xD8\xA8\xD9\x8A\xD9\x86\xD9\x85\xD8\xA7", 10))) /* بينما */
            return 1;
    }
    return 0;
}

static void merge_in_sentences(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    stopped_then_attacked(c);
    for (size_t i = 0; i < c->cands.len; i++) {
        if (!k[i].alive) continue;
        for (size_t j = i + 1; j < c->cands.len && k[j].sent == k[i].sent; j++) {
            if (!k[j].alive || !same_family(&k[i], &k[j])) continue;
            if (!ev_same_modality(&k[i], &k[j])) continue;
            if (distinct_sites(c, k[i].location, k[j].location)) continue;
            if (k[i].date >= 0 && k[j].date >= 0 && !same_date(c, k[i].date, k[j].date)) continue;
            int foe = foe_killed_in(&k[i], &k[j]) ? 1 : foe_killed_in(&k[j], &k[i]) ? 2 : 0;
            if (foe && k[i].dead_foe < 0 && k[j].dead_foe < 0) {
                if (foe == 2) {
                    ev_cand tmp = k[i];
                    k[i] = k[j];
                    k[j] = tmp;
                }
                k[i].dead_foe = k[j].dead;
                k[i].q_dead_foe = k[j].q_dead;
                if (!k[i].nrecipient) { /* the forces that fought back were the target */
                    memcpy(k[i].recipient, k[j].actor, k[j].nactor * sizeof *k[j].actor);
                    k[i].nrecipient = k[j].nactor;
                }
                k[j].dead = -1;
                k[j].nactor = k[j].nrecipient = 0; /* (the sides are the attack's, reversed) */
                absorb(c, &k[i], &k[j]);
                continue;
            }
            if (!tolls_agree(&k[i], &k[j])) continue;
            if (!actors_compatible(c, &k[i], &k[j])) continue;
            if (meanwhile_other(c, &k[i], &k[j])) continue;
            /* a counted tally in one clause and a single event in another ("أوقفت 9 عناصر في
             * عمليات متفرقة، فيما كشفت مخبأ للأسلحة بتمنراست") are two things */
            if (k[i].aggregate != k[j].aggregate && counted(k[i].aggregate ? &k[i] : &k[j]) &&
                (c->t[k[j].ttok].start >= k[i].ev_end || c->t[k[i].ttok].start >= k[j].ev_end))
                continue;
            /* the finer place wins */
            if (k[i].location >= 0 && k[j].location >= 0 &&
                c->ms[k[j].location].precision < c->ms[k[i].location].precision)
                k[i].location = k[j].location;
            if (k[i].aggregate && !k[j].aggregate) {
                /* "هجومين، أحدهما بسيارة مفخخة": the specific report carries the event */
                ev_cand tmp = k[i];
                k[i] = k[j];
                k[j] = tmp;
            }
            absorb(c, &k[i], &k[j]);
        }
    }
}

/* Across the document: a later report of the same event merges into the earlier one
 * when it names at least one thing they share (place, date, toll, actor) or when it is
 * a bare reference (R, or a definite noun with no fields of its own). */
static int shares_something(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    if (a->location >= 0 && b->location >= 0 && same_place(c, a->location, b->location) &&
        c->ms[a->location].precision != RASID_P_COUNTRY)
        return 1;
    if (a->dead >= 0 && a->dead == b->dead && !vague_q(a->q_dead) && !vague_q(b->q_dead)) return 1;
    if (a->hostages >= 0 && a->hostages == b->hostages) return 1;
    if (a->date >= 0 && b->date >= 0 && !strcmp(c->ms[a->date].value, c->ms[b->date].value) &&
        c->ms[a->date].precision == RASID_P_DAY)
        return 1;
    return 0;
}

static int same_entity(const rasid_entity *a, size_t na, const rasid_entity *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (a[i].name && b[j].name && !strcmp(a[i].name, b[j].name) && a[i].sector &&
                !rasid__streq(a[i].sector, "UAF") && !rasid__streq(a[i].sector, "CVL"))
                return 1;
    return 0;
}

/* How much two reports of one family agree (places, days, tolls, parties, trigger,
 * mode); -1 when they conflict on a town or a day. */

/* Trigger rows of one kind share the prefix of their id: kill_v, kill_k. */
static int same_trigger_group(const ev_cand *a, const ev_cand *b)
{
    const char *x = ev_field(a->trig, "id"), *y = ev_field(b->trig, "id");
    if (!x || !y) return 0;
    size_t lx = strcspn(x, "_"), ly = strcspn(y, "_");
    return lx == ly && !strncmp(x, y, lx);
}

/* "إلى أن شنت قوات مشتركة هجوما كبيرا في وقت سابق من العام": an event told as an earlier
 * one (cue class earlier) in its clause. */
static int told_as_earlier(const ev_ctx *c, const ev_cand *k)
{
    for (size_t q = k->ttok; q > 0 && c->t[q - 1].sent == k->sent && c->t[q - 1].start >= k->ev_start; q--)
        if (ev_cue(c, q - 1, CUE_EARLIER)) return 1;
    for (size_t q = k->ttok; q < c->n && c->t[q].sent == k->sent && c->t[q].end <= k->ev_end; q++)
        if (ev_cue(c, q, CUE_EARLIER)) return 1;
    return 0;
}

/* "هاجم مسلحون قرية في شمال بوركينا فاسو": a village (or town) not named, only its region;
 * the village a next sentence names in that region is the one ("قرية سيتنغا"). Is there a
 * place noun in k's evidence with no place named right after it? */
static int unnamed_site(const ev_ctx *c, const ev_cand *k)
{
    for (size_t q = k->ttok; q < c->n && c->t[q].sent == k->sent && c->t[q].end <= k->ev_end; q++) {
        if (!ev_cue(c, q, CUE_PLACENOUN)) continue;
        int m = q + 1 < c->n ? c->mention_at[q + 1] : -1;
        if (m < 0 || c->ms[m].kind != RASID_M_PLACE) return 1;
    }
    return 0;
}

/* How much two reports of one family agree; -1 when they conflict on a town or a day.
 * Places, days and tolls are hard evidence, parties, trigger and mode soft evidence. */
static int agreement(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    if (distinct_sites(c, a->location, b->location)) return -1;
    if (a->date >= 0 && b->date >= 0 && !same_date(c, a->date, b->date)) return -1;
    if (answers(c, a, b)) return -1;
    /* two named doers that cannot be one ("طالب المحتجون" one day, "طالبت الجزائر" the
     * next) did two things */
    if (a->nactor && b->nactor && !actors_compatible(c, a, b)) return -1;
    /* an event told as earlier than the news is another one than a report of the news
     * in another sentence, unless they share their day */
    if (a->sent != b->sent && told_as_earlier(c, a) != told_as_earlier(c, b) &&
        !(a->date >= 0 && b->date >= 0 && c->ms[a->date].precision == RASID_P_DAY &&
          c->ms[b->date].precision == RASID_P_DAY && same_date(c, a->date, b->date)))
        return 0;
    int hard = 0, soft = 0;
    if (a->location >= 0 && b->location >= 0 && same_place(c, a->location, b->location)) {
        int pa = c->ms[a->location].precision, pb = c->ms[b->location].precision;
        if (pa < RASID_P_ADMIN1 && pb < RASID_P_ADMIN1) hard += 2;
        else if (pa <= RASID_P_ADMIN1 && pb <= RASID_P_ADMIN1) hard += 1;
    }
    if (a->date >= 0 && b->date >= 0 && c->ms[a->date].precision == RASID_P_DAY &&
        c->ms[b->date].precision == RASID_P_DAY)
        hard += 2;
    if (same_toll(a, b)) hard += 2;
    /* two tolls that differ are two events unless more than the place says otherwise
     * (an attack with 38 dead in mid-June, a police raid with 5 dead at the end of June,
     * both in the capital); a source quoted with its own toll ("وأعلنت صحيفة الخبر مقتل
     * 11 عسكريا") tells the same event */
    if (a->dead > 0 && b->dead > 0 && a->dead != b->dead && !b->reported) hard -= 1;
    if (a->hostages > 0 && a->hostages == b->hostages) hard += 2;
    if (same_entity(a->actor, a->nactor, b->actor, b->nactor)) soft += 1;
    if (same_entity(a->recipient, a->nrecipient, b->recipient, b->nrecipient)) soft += 1;
    if (same_trigger_group(a, b)) soft += 1;
    if (a->mode && b->mode && !strcmp(a->mode, b->mode) && !rasid__streq(a->mode, "firearms")) soft += 1;
    int total = hard + soft;
    int adjacent = b->sent <= a->sent + 1 && a->sent <= b->sent + 1;
    if (total >= 4 && hard >= 1) return total;
    if (total >= 3 && (adjacent || hard >= 2)) return total;
    return 0;
}

static int bare(const ev_cand *k)
{
    return k->location < 0 && k->date < 0 && k->dead < 0 && k->hostages < 0 && k->injured < 0 && k->arrested < 0 &&
           !k->nactor;
}

/* Insert i into the sorted set extra[0 .. *n). */
static void add_extra(size_t *extra, size_t *n, size_t i)
{
    size_t p = *n;
    while (p > 0 && extra[p - 1] > i) p--;
    if (p > 0 && extra[p - 1] == i) return;
    memmove(extra + p + 1, extra + p, (*n - p) * sizeof *extra);
    extra[p] = i;
    (*n)++;
}

static int air_mode(const char *m) { return m && (rasid__streq(m, "aerial") || rasid__streq(m, "drone")); }

/* Is a doer of one the target, and no doer, of the other (neither a clash, whose sides
 * are told in either order)? */
static int reversed_1(const ev_cand *a, const ev_cand *b)
{
    for (size_t i = 0; i < a->nactor; i++) {
        const char *n = a->actor[i].name;
        if (!n || (a->actor[i].sector && (rasid__streq(a->actor[i].sector, "UAF") || rasid__streq(a->actor[i].sector, "CVL"))))
            continue;
        int target = 0, doer = 0;
        for (size_t j = 0; j < b->nrecipient; j++) target |= b->recipient[j].name && !strcmp(b->recipient[j].name, n);
        for (size_t j = 0; j < b->nactor; j++) doer |= b->actor[j].name && !strcmp(b->actor[j].name, n);
        if (target && !doer) return 1;
    }
    return 0;
}

static int reversed_roles(const ev_cand *a, const ev_cand *b)
{
    if ((a->fights & EV_FIGHT_CLASH) || (b->fights & EV_FIGHT_CLASH)) return 0;
    return reversed_1(a, b) || reversed_1(b, a);
}

/* an ambush, a clash or a shooting told in it: a fight on the ground */
static int ground_fight(const ev_cand *k)
{
    return (k->fights & EV_FIGHT_GROUND) != 0;
}

/* "وقالت مصادر إن المهاجمين استولوا على كميات من الأسلحة": the attackers (named by a
 * definite noun, no place or day of their own) seizing weapons in the sentences after an
 * attack did it in that attack: no event of its own. So did the attack's doer withdrawing
 * from it ("وانسحبوا سالمين"). */
static void attackers_loot(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t j = 0; j < c->cands.len; j++) {
        /* (and withdrawing: "أن المهاجمين غنموا أسلحة وانسحبوا سالمين") */
        const char *tid = ev_field(k[j].trig, "id");
        int away = rasid__streq(k[j].type, "RETREAT") && tid && rasid__streq(tid, "withdraw");
        if (!k[j].alive || (!away && (!rasid__streq(k[j].type, "COERCE") || !k[j].mode || !rasid__streq(k[j].mode, "seize"))))
            continue;
        if (k[j].nactor > 1) continue;
        int own = k[j].location < 0 && k[j].date < 0; /* (no place or day of its own) */
        int definite_uaf = k[j].nactor == 1 && k[j].actor[0].sector && rasid__streq(k[j].actor[0].sector, "UAF") &&
                           k[j].actor[0].text && ev_starts(k[j].actor[0].text, "\xD8\xA7\xD9\x84");
        for (size_t i = j; i > 0; i--) {
            ev_cand *x = &k[i - 1];
            if (x->sent + 2 < k[j].sent) break;
            if (!x->alive || x->ty != EV_T_ASSAULT || !ev_same_modality(x, &k[j])) continue;
            /* the attack's doer (or the attackers) then, in the sentences after it with no
             * place or day of their own, or in its very sentence ("هاجم مسلحون موقعا للجيش
             * وقتلوا أربعة جنود واستولوا على أسلحة ثم انسحبوا"); a party withdrawing after
             * another's attack did a thing of its own */
            int same = x->sent == k[j].sent;
            int doer = k[j].nactor == 1 && x->nactor && x->actor[0].name && k[j].actor[0].name &&
                       !strcmp(x->actor[0].name, k[j].actor[0].name);
            if (!(own || same) || !(definite_uaf || doer || (same && !k[j].nactor)) || (away && k[j].nrecipient)) break;
            if (!x->nactor) {
                x->actor[0] = k[j].actor[0];
                x->nactor = 1;
            }
            k[j].alive = 0;
            break;
        }
    }
}

/* Are k's doers unnamed gunmen alone (مسلحون، المهاجمون, sector UAF), who may be any
 * attackers told before? */
static int unnamed_doers(const ev_cand *k)
{
    for (size_t i = 0; i < k->nactor; i++)
        if (!k->actor[i].sector || !rasid__streq(k->actor[i].sector, "UAF")) return 0;
    return k->nactor > 0;
}

/* Has k a date of its own, not "then" (آنذاك: the time told before, time/date.c)? */
static int own_date(const ev_ctx *c, const ev_cand *k)
{
    return k->date >= 0 && !ev_then_date(&c->ms[k->date]);
}

/* Does k's sentence open, before its trigger, as another incident: منفصل (a separate
 * one), آخر / أخرى (another: "في هجوم آخر", "من جهة أخرى")? */
static int another_incident(const ev_ctx *c, const ev_cand *k)
{
    static const char *const forms[] = {"\xD9\x85\xD9\x86\xD9\x81\xD8\xB5\xD9\x84",             /* منفصل */
                                        "\xD9\x85\xD9\x86\xD9\x81\xD8\xB5\xD9\x84\xD9\x87",     /* منفصله */
                                        "\xD8\xA7\xD8\xAE\xD8\xB1",                               /* اخر */
                                        "\xD8\xA7\xD8\xAE\xD8\xB1\xD9\x8A"};                      /* اخري */
    const rasid_sentence *s = &((const rasid_sentence *)c->doc->sentences.data)[k->sent];
    for (size_t q = s->tok_begin; q < k->ttok; q++)
        for (size_t f = 0; f < sizeof forms / sizeof *forms; f++)
            if (rasid__streq(c->t[q].norm, forms[f])) return 1;
    return 0;
}

static void merge_in_document(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    attackers_loot(c);
    /* references to an event already told join the nearest earlier report of its kind */
    for (size_t j = 0; j < c->cands.len; j++) {
        if (!k[j].alive || !k[j].reference || k[j].headline) continue;
        /* "الكمين" names the ambush told before, past the attacks told in between */
        size_t start = j;
        for (size_t i = j; i > 0; i--) {
            const ev_cand *x = &k[i - 1];
            if (x->sent + 8 < k[j].sent) break;
            if (!x->alive || !same_family(x, &k[j])) continue;
            if (!ev_same_modality(x, &k[j]) || distinct_sites(c, x->location, k[j].location)) break;
            if ((x->groups & k[j].groups) && ev_field(k[j].trig, "id") && !strstr(ev_field(k[j].trig, "id"), "generic")) {
                start = i;
                break;
            }
        }
        for (size_t i = start; i > 0; i--) {
            ev_cand *x = &k[i - 1];
            if (x->sent + 8 < k[j].sent) break; /* so are all before it */
            if (!x->alive || !same_family(x, &k[j])) continue;
            if (!ev_same_modality(x, &k[j]) || distinct_sites(c, x->location, k[j].location)) break;
            if (x->date >= 0 && k[j].date >= 0 && !same_date(c, x->date, k[j].date)) break;
            if (x->sent + 8 < k[j].sent) break;
            int dead = k[j].dead;
            if (!same_count(x->dead, k[j].dead)) k[j].dead = -1; /* a partial toll of the same event */
            absorb_ex(c, x, &k[j], 1);
            (void)dead;
            break;
        }
    }
    /* a report with nothing of its own (no party, place, day or toll) right after an event
     * of its kind elaborates that event */
    for (size_t j = 0; j < c->cands.len; j++) {
        if (!k[j].alive || k[j].headline || !bare(&k[j]) || k[j].nrecipient) continue;
        for (size_t i = j; i > 0; i--) {
            ev_cand *x = &k[i - 1];
            if (x->sent + 3 < k[j].sent) break;
            if (!x->alive || x->headline) continue;
            if (!same_family(x, &k[j]) || !ev_same_modality(x, &k[j])) continue;
            absorb_ex(c, x, &k[j], 1);
            break;
        }
    }
    /* a source retelling the event just reported ("وقال أحد السكان إن 13 شخصا قتلوا") */
    for (size_t j = 0; j < c->cands.len; j++) {
        if (!k[j].alive || !k[j].reported || k[j].headline) continue;
        for (size_t i = j; i > 0; i--) {
            ev_cand *x = &k[i - 1];
            if (x->sent + 3 < k[j].sent) break;
            if (!x->alive || x->headline || x->sent == k[j].sent) continue;
            if (!same_family(x, &k[j]) || !ev_same_modality(x, &k[j])) continue;
            /* (a tally of a week's operations is retold by no single act: "أوقفت مفارز 12
             * عنصر دعم في عمليات متفرقة" then "وأضاف البيان أن مفرزة كشفت مخبأ بولاية تمنراست") */
            if (x->aggregate != k[j].aggregate) continue;
            /* "وقال البيان إن الجنود تمكنوا من تحييد عدد من المهاجمين": the attackers (named
             * by a definite noun) the attacked forces killed, told by a source in the next
             * sentence with no place or day of its own, add to the fight's toll */
            if (k[j].sent == x->sent + 1 && x->dead_foe < 0 && k[j].location < 0 && k[j].date < 0 && foe_killed_in(x, &k[j]) &&
                k[j].recipient[0].text && ev_starts(k[j].recipient[0].text, "\xD8\xA7\xD9\x84")) {
                x->dead_foe = k[j].dead;
                x->q_dead_foe = k[j].q_dead;
                k[j].alive = 0;
                break;
            }
            if (distinct_sites(c, x->location, k[j].location) || !same_count(x->dead, k[j].dead)) break;
            /* strikes from the air after a fight on the ground, or the reverse, are another
             * act ("وأضاف البيان أن الطيران نفذ غارات على مواقع المسلحين" after an ambush) */
            if ((air_mode(x->mode) && ground_fight(&k[j])) || (ground_fight(x) && air_mode(k[j].mode))) break;
            /* an answer to the event, with a doer of its own ("وأضافت أن الجيش رد بقصف جوي") */
            if (answers(c, x, &k[j])) break;
            /* the doer of the event told struck in turn ("قصف مدفعي شنته قوات الدعم السريع"
             * then "قال الجيش إن طائراته قصفت تجمعات لقوات الدعم السريع"): another event */
            if (reversed_roles(x, &k[j])) break;
            /* a source announcing something new ("أعلن الجيش شن ضربات جوية على قرية بيتا") is
             * a new event: it must share a place, a day or a toll, or bring nothing new */
            /* (a place agrees only at the level of a town: "شمال بوركينا فاسو" holds Dori and
             * every other town of the north) */
            int hard = (x->location >= 0 && k[j].location >= 0 && same_place(c, x->location, k[j].location) &&
                        c->ms[x->location].precision < RASID_P_ADMIN1 && c->ms[k[j].location].precision < RASID_P_ADMIN1) ||
                       same_toll(x, &k[j]) || (x->hostages > 0 && x->hostages == k[j].hostages) ||
                       (x->date >= 0 && k[j].date >= 0 && c->ms[x->date].precision == RASID_P_DAY &&
                        c->ms[k[j].date].precision == RASID_P_DAY && same_date(c, x->date, k[j].date));
            /* a village told unnamed in a region, and a source of the next sentence naming a
             * village of that region ("وقال سكان من قرية سيتنغا إن ...") */
            if (!hard && x->location >= 0 && k[j].location >= 0 && k[j].sent == x->sent + 1 &&
                c->ms[x->location].precision >= RASID_P_ADMIN1 && c->ms[k[j].location].precision < RASID_P_ADMIN1 &&
                same_place(c, x->location, k[j].location) && unnamed_site(c, x))
                hard = 1;
            /* a lead that names no place, and a source of the next sentence placing an act
             * on the same named side and bringing no day or toll of its own ("قتل 17 جنديا
             * ... في هجوم" then "وأوضحت الوزارة أن وحدة من الجيش تعرضت لكمين قرب تيلابيري") */
            if (!hard && k[j].sent == x->sent + 1 && x->location < 0 && k[j].location >= 0 && k[j].date < 0 &&
                k[j].dead < 0 && same_entity(x->recipient, x->nrecipient, k[j].recipient, k[j].nrecipient))
                hard = 1;
            /* and the reverse: a lead that names a place but no day, and a source of the next
             * sentence telling an act on the same named side with a day but no place nor toll
             * of its own ("مقتل 21 جنديا في هجوم ... في منطقة تاهوا" then "وأوضحت الوزارة أن
             * نحو مئة مسلح هاجموا الموقع فجر الخميس") */
            if (!hard && k[j].sent == x->sent + 1 && x->location >= 0 && x->date < 0 && k[j].location < 0 &&
                k[j].dead < 0 && k[j].hostages < 0 &&
                same_entity(x->recipient, x->nrecipient, k[j].recipient, k[j].nrecipient))
                hard = 1;
            /* a toll told by a source in the next sentence, of an event told with none, and
             * with no place, day or doer of its own ("اندلعت اشتباكات ... وأعلن مركز الطوارئ
             * مقتل 9 أشخاص") */
            /* (or the sentence after the last report merged into it: "تبادلوا إطلاق النار مع
             * عناصر الأمن" then "وأضاف أن شرطيا قتل خلال تبادل إطلاق النار") */
            if (!hard && (k[j].sent == x->sent + 1 || k[j].sent == x->last_sent + 1) && x->dead < 0 && k[j].dead >= 0 &&
                k[j].location < 0 && k[j].date < 0 && !k[j].nactor)
                hard = 1;
            /* nothing new: no day, no toll, and no place finer than a region */
            int vague_place = k[j].location < 0 || c->ms[k[j].location].precision >= RASID_P_ADMIN1;
            if (!hard && !(vague_place && k[j].date < 0 && k[j].dead < 0 && k[j].hostages < 0)) break;
            absorb_ex(c, x, &k[j], 1);
            break;
        }
    }
    /* "هاجم مسلحون قرية في منطقة تيلابيري أمس. وقتل 12 مدنيا": a toll told in the sentence
     * after an event told with none (or after the last report merged into it), with no
     * place or day (آنذاك repeats the event's) of its own, and no doer named other than
     * the event's (unnamed attackers may be anyone's), is that event's toll; not when it opens as another
     * incident ("وفي حادث منفصل", "في هجوم آخر", "من جهة أخرى") or names other victims
     * than the event's */
    for (size_t j = 0; j < c->cands.len; j++) {
        if (!k[j].alive || k[j].headline || k[j].reported || k[j].reference || k[j].dead < 0 || k[j].location >= 0 ||
            own_date(c, &k[j]) || another_incident(c, &k[j]))
            continue;
        for (size_t i = j; i > 0; i--) {
            ev_cand *x = &k[i - 1];
            if (x->last_sent + 1 < k[j].sent) break;
            if (!x->alive || x->headline || x->sent == k[j].sent || x->aggregate != k[j].aggregate) continue;
            if (!same_family(x, &k[j]) || !ev_same_modality(x, &k[j])) continue;
            /* "هاجمت الجماعة موقعا للجيش. وقتلت القوات 12 من المهاجمين": the attackers the
             * forces attacked killed, the fight's toll of the attackers */
            if (k[j].sent == x->sent + 1 && x->dead_foe < 0 && k[j].date < 0 && foe_killed_in(x, &k[j])) {
                x->dead_foe = k[j].dead;
                x->q_dead_foe = k[j].q_dead;
                k[j].alive = 0;
                break;
            }
            if (x->dead >= 0 || (k[j].date >= 0 && (x->date < 0 || !same_date(c, x->date, k[j].date))) ||
                (k[j].nactor && !same_entity(x->actor, x->nactor, k[j].actor, k[j].nactor) &&
                 !unnamed_doers(x) && !unnamed_doers(&k[j])) ||
                (x->nrecipient && k[j].nrecipient &&
                 !same_entity(x->recipient, x->nrecipient, k[j].recipient, k[j].nrecipient) &&
                 !(civilian_side(x) && civilian_side(&k[j]))))
                break;
            if (k[j].sent == x->sent + 1 || k[j].sent == x->last_sent + 1) absorb_ex(c, x, &k[j], 1);
            break;
        }
    }
    /* Each report joins the first earlier one it agrees with, six sentences back at most,
     * or a headline. Earlier candidates only ever take a later one's sentence, so apart
     * from headlines and the candidates that absorbed a report (`extra`, in index order)
     * only those from `lo` on, in the window by their first sentence, can qualify. */
    size_t len = c->cands.len, lo = 0, nextra = 0;
    uint32_t *first = rasid__scratch(&c->doc->arena, (len ? len : 1) * sizeof *first);
    size_t *extra = rasid__scratch(&c->doc->arena, (len ? len : 1) * sizeof *extra);
    if (first && extra) {
        for (size_t i = 0; i < len; i++) {
            first[i] = k[i].sent;
            if (k[i].headline) extra[nextra++] = i;
        }
    }
    for (size_t j = 0; j < len; j++) {
        if (!k[j].alive) continue;
        size_t ne = 0;
        if (first && extra) {
            while (lo < j && first[lo] + 6 < k[j].sent) lo++;
            for (size_t q = 0; q < nextra; q++) /* drop those that can no longer qualify */
                if (k[extra[q]].alive && (k[extra[q]].headline || k[extra[q]].sent + 6 >= k[j].sent))
                    extra[ne++] = extra[q];
            nextra = ne;
        }
        size_t q = 0;
        for (size_t i = 0; i < j; i++) {
            if (first && extra) { /* next in index order: extras below lo, then lo .. j-1 */
                while (q < nextra && extra[q] < i) q++;
                if (i < lo) {
                    if (q >= nextra || extra[q] >= lo) i = lo;
                    else i = extra[q];
                    if (i >= j) break;
                }
            }
            if (!k[i].headline && k[j].sent > k[i].sent + 6) continue;
            if (!k[i].alive || k[i].aggregate != k[j].aggregate) continue;
            int fam = same_family(&k[i], &k[j]);
            /* an operation that freed hostages is one event whether told as an attack or a rescue */
            int hostage_twin = !fam && k[i].hostages > 0 && k[i].hostages == k[j].hostages;
            if (!fam && !hostage_twin) continue;
            if (!ev_same_modality(&k[i], &k[j])) continue;
            if (k[i].sent == k[j].sent && meanwhile_other(c, &k[i], &k[j])) continue;
            int ag = agreement(c, &k[i], &k[j]);
            if (ag > 0 && k[j].sent <= k[i].sent + 6) {
                absorb(c, &k[i], &k[j]);
                if (first && extra) add_extra(extra, &nextra, i);
                break;
            }
            if (hostage_twin) continue;
            if (!compatible(c, &k[i], &k[j])) continue;
            /* the headline announces the article's main event: the first body report
             * that fits it */
            if (k[i].headline && !k[j].headline &&
                (bare(&k[i]) || shares_something(c, &k[i], &k[j]) || k[i].dead < 0 || k[j].dead < 0 ||
                 (rasid__q_vague(k[i].q_dead) != rasid__q_vague(k[j].q_dead) && tolls_agree(&k[i], &k[j])))) {
                /* the body's report is the evidence; the headline adds its fields */
                ev_cand tmp = k[i];
                k[i] = k[j];
                k[j] = tmp;
                absorb(c, &k[i], &k[j]);
                k[i].headline = 0;
                if (first && extra) add_extra(extra, &nextra, i);
                break;
            }
        }
    }
    rasid__scratch_free(first);
    rasid__scratch_free(extra);
}

/* "مقتل 16 شخصا في هجومين" when the article then tells each attack: a tally of several
 * events, placed no finer than a country, gives way to the events it sums up once two of
 * its kind are told on their own. */
static void drop_told_tallies(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        if (!k[i].alive || !k[i].aggregate) continue;
        if (k[i].location >= 0 && c->ms[k[i].location].precision < RASID_P_COUNTRY) continue;
        int told = 0;
        for (size_t j = 0; j < c->cands.len && told < 2; j++)
            if (j != i && k[j].alive && !k[j].aggregate && same_family(&k[j], &k[i]) &&
                ev_same_modality(&k[j], &k[i]) && (k[j].location >= 0 || k[j].date >= 0 || k[j].dead >= 0))
                told++; /* (told on its own: with a place, a day or a toll; not "أوقفت مفارز 45 مهربا") */
        if (told >= 2) k[i].alive = 0;
    }
}

/* "لقي خمسة أشخاص حتفهم في حادث سير", "مصرع عشرة في فيضانات", "انقلاب حافلة": deaths in
 * an accident or a disaster, and a trigger word that is part of the accident's name, tell
 * no political violence, unless the clause also tells of an attack (a verb or an attack
 * noun of the sentence whose clause has the cue too: "مقتل جنديين في انفجار لغم"). */
static int mishap_only(const ev_ctx *c, const ev_cand *k)
{
    if (!k->mishap) return 0;
    if (ev_cue(c, k->ttok, CUE_MISHAP) > 1) return 1; /* انقلاب حافلة */
    if (k->pos != 'K') return 0;
    const ev_cand *x, *xend;
    for (ev_sentence_cands(c, k, &x, &xend); x < xend; x++)
        if (x != k && x->sent == k->sent && x->mishap && x->pos != 'K' && x->ty == EV_T_ASSAULT &&
            ev_cue(c, x->ttok, CUE_MISHAP) <= 1)
            return 0;
    return 1;
}

/* Is candidate k a noun introduced as the content of a demand or threat: with the
 * proclitic ب ("بطرد", "بشن") or right after إلى ("إلى وقف")? */
static int marks_content(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *t = &c->t[k->ttok];
    if (k->tread > 0 && k->tread < t->nreadings && ev_has2(t->readings[k->tread].pro, "\xD8\xA8")) return 1; /* ب */
    if (k->ttok == 0 || c->t[k->ttok - 1].sent != t->sent) return 0;
    const rasid_token *p = &c->t[k->ttok - 1];
    if (p->nlen == 6 && !memcmp(p->norm, "\xD8\xA7\xD9\x84\xD9\x8A", 6)) return 1; /* الي (إلى) */
    /* "هددت الجماعة بفرض حصار", "هدد بشن هجمات": a verbal noun with ب governs it */
    if (c->mention_at[k->ttok - 1] >= 0 || p->kind != RASID_TOK_ARABIC) return 0;
    for (uint16_t r = 1; r < p->nreadings; r++)
        if (!p->readings[r].article && !p->readings[r].enc[0] && rasid__streq(p->readings[r].pro, "\xD8\xA8")) return 1;
    return 0;
}

/* Is candidate k an event noun with ب (its own proclitic, "بانسحاب") right after a word
 * of welcome that is no trigger, the adverbial masdar ترحيبا or the noun ترحيب (with و,
 * ف or the article: "أصدرت الحكومة بيانا ترحيبا بانسحاب القوات")? */
static int welcomed_noun(const ev_ctx *c, const ev_cand *k)
{
    const rasid_token *t = &c->t[k->ttok];
    if (k->ttok < 2 || c->t[k->ttok - 1].sent != t->sent) return 0;
    /* "احتجاجا على العقوبات", "رفضا للعقوبات": what a protest is against */
    static const char *const against[] = {"\xD8\xA7\xD8\xAD\xD8\xAA\xD8\xAC\xD8\xA7\xD8\xAC\xD8\xA7", /* احتجاجا */
                                          "\xD8\xB1\xD9\x81\xD8\xB6\xD8\xA7"};                             /* رفضا */
    const rasid_token *q = &c->t[k->ttok - 1], *q2 = &c->t[k->ttok - 2];
    int ala = q->nlen == 6 && !memcmp(q->norm, "\xD8\xB9\xD9\x84\xD9\x8A", 6); /* علي (على) */
    if (ala && q2->sent == t->sent)
        for (size_t f = 0; f < sizeof against / sizeof *against; f++)
            if (rasid__streq(q2->norm, against[f])) return 1;
    int li = k->tread > 0 && k->tread < t->nreadings && ev_has2(t->readings[k->tread].pro, "\xD9\x84"); /* ل */
    if (li)
        for (size_t f = 0; f < sizeof against / sizeof *against; f++)
            if (rasid__streq(q->norm, against[f])) return 1;
    if (!(k->tread > 0 && k->tread < t->nreadings && ev_has2(t->readings[k->tread].pro, "\xD8\xA8"))) return 0; /* ب */
    const rasid_token *p = &c->t[k->ttok - 1];
    /* (ترحيبا ب: welcomed; تنديدا ب: condemned, as a protest's purpose) */
    static const char *const forms[] = {"\xD8\xAA\xD8\xB1\xD8\xAD\xD9\x8A\xD8\xA8\xD8\xA7", /* ترحيبا */
                                        "\xD8\xAA\xD8\xB1\xD8\xAD\xD9\x8A\xD8\xA8",            /* ترحيب */
                                        "\xD8\xAA\xD9\x86\xD8\xAF\xD9\x8A\xD8\xAF\xD8\xA7"}; /* تنديدا */
    for (uint16_t r = 0; r < p->nreadings; r++) {
        const char *st = r ? p->readings[r].stem : p->norm;
        if (r && p->readings[r].enc[0]) continue;
        for (size_t f = 0; f < sizeof forms / sizeof *forms; f++)
            if (rasid__streq(st, forms[f])) return 1;
    }
    return 0;
}

/* Another candidate's trigger between the triggers of a and b (same sentence)? */
static int trigger_between(const ev_ctx *c, const ev_cand *a, const ev_cand *b)
{
    const ev_cand *x, *xend;
    for (ev_sentence_cands(c, a, &x, &xend); x < xend; x++)
        if (x != a && x != b && x->sent == a->sent && x->ttok > a->ttok && x->ttok < b->ttok) return 1;
    return 0;
}

/* "رفض المتحدث باسم الجيش التعليق", "رفض مصدر أمني الكشف عن هويته": a refusal to comment
 * or to disclose (its object within the clause's next words) rejects nothing */
static int declined_comment(const ev_ctx *c, const ev_cand *k)
{
    if (k->ty != EV_T_REJECT) return 0;
    for (size_t q = k->ttok + k->tntok; q < k->ttok + k->tntok + 8 && q < c->n && c->t[q].sent == k->sent; q++) {
        if (ev_cue(c, q, CUE_NOCOMMENT)) return 1;
        if (c->t[q].kind == RASID_TOK_PUNCT) break;
    }
    return 0;
}

/* "يرى محللون أن انسحاب القوات الفرنسية قد يؤدي إلى ...", "يعتقد خبراء أن التحالف ...":
 * what analysts, experts or observers think or say (after أن or إن) is analysis; an event
 * it names with no day, no toll and no place of its own is no report of one. */
static int analysts_view(const ev_ctx *c, const ev_cand *k)
{
    if (k->date >= 0 || k->dead >= 0 || k->injured >= 0 || k->arrested >= 0 || k->hostages >= 0) return 0;
    if (k->location >= 0 && c->ms[k->location].precision < RASID_P_COUNTRY) return 0;
    static const char *const who[] = {
        "\xD9\x85\xD8\xAD\xD9\x84\xD9\x84",             /* محلل... */
        "\xD9\x85\xD8\xB1\xD8\xA7\xD9\x82\xD8\xA8",   /* مراقب... */
        "\xD8\xAE\xD8\xA8\xD8\xB1\xD8\xA7\xD8\xA1",   /* خبراء */
        "\xD8\xAE\xD8\xA8\xD9\x8A\xD8\xB1",             /* خبير... */
        "\xD8\xA8\xD8\xA7\xD8\xAD\xD8\xAB",             /* باحث... */
        "\xD9\x85\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9",   /* متابع... */
    };
    int that = 0; /* أن or إن seen between the analysts and the trigger */
    for (size_t q = k->ttok; q-- > 0 && q + 12 >= k->ttok && c->t[q].sent == k->sent;) {
        const rasid_token *x = &c->t[q];
        if (x->nlen == 4 && !memcmp(x->norm, "\xD8\xA7\xD9\x86", 4)) { /* ان (أن، إن) */
            that = 1;
            continue;
        }
        if (that && ev_word_begins(x, who, sizeof who / sizeof *who, 6)) return 1; /* (its plural endings) */
    }
    return 0;
}

/* "اشترت بلاده طائرات مسيرة من تركيا", "تسلم الجيش طائرات بدون طيار": drones bought,
 * received or built, named as the thing acquired earlier in the clause, are an arms deal,
 * not a strike */
static int acquired_drone(const ev_ctx *c, const ev_cand *k)
{
    /* (and so are war planes or helicopters named as the thing delivered: "سلمت روسيا
     * مالي مروحيات قتالية وطائرات حربية" is no air strike) */
    int plane = k->mode && rasid__streq(k->mode, "aerial") && ev_cue(c, k->ttok, CUE_AIRCRAFT);
    if (!k->mode || !(plane || rasid__streq(k->mode, "drone"))) return 0;
    /* "أسقطت الدفاعات الجوية طائرة مسيرة تابعة للدعم السريع": the drone shot down is the
     * object of the shooting, not a strike of its own */
    const ev_cand *x, *xend;
    for (ev_sentence_cands(c, k, &x, &xend); x < xend; x++) {
        const char *xid = x != k && x->sent == k->sent ? ev_field(x->trig, "id") : NULL;
        if (xid && rasid__streq(xid, "shootdown") && x->ttok < k->ttok && x->ttok + x->tntok + 4 >= k->ttok) return 1;
    }
    for (size_t q = k->ttok; q-- > 0 && q + 8 >= k->ttok && c->t[q].sent == k->sent;) {
        if (c->t[q].kind == RASID_TOK_PUNCT) return 0;
        if (ev_cue(c, q, CUE_ACQUIRE)) return 1;
    }
    return 0;
}

/* قافلة، قوافل، شاحنة، شاحنات، مستودع، مستودعات، مخزن، مخازن (ة normalised to ه; no
 * article: the head of a construct) */
static int cargo_word(const rasid_token *t)
{
    static const char *const forms[] = {
        "\xD9\x82\xD8\xA7\xD9\x81\xD9\x84\xD9\x87",                 /* قافله */
        "\xD9\x82\xD9\x88\xD8\xA7\xD9\x81\xD9\x84",                 /* قوافل */
        "\xD8\xB4\xD8\xA7\xD8\xAD\xD9\x86\xD9\x87",                 /* شاحنه */
        "\xD8\xB4\xD8\xA7\xD8\xAD\xD9\x86\xD8\xA7\xD8\xAA",       /* شاحنات */
        "\xD9\x85\xD8\xB3\xD8\xAA\xD9\x88\xD8\xAF\xD8\xB9",       /* مستودع */
        "\xD9\x85\xD8\xB3\xD8\xAA\xD9\x88\xD8\xAF\xD8\xB9\xD8\xA7\xD8\xAA", /* مستودعات */
        "\xD9\x85\xD8\xAE\xD8\xB2\xD9\x86",                           /* مخزن */
        "\xD9\x85\xD8\xAE\xD8\xA7\xD8\xB2\xD9\x86"};                /* مخازن */
    for (uint16_t r = 0; r < t->nreadings; r++) {
        const char *st = r ? t->readings[r].stem : t->norm;
        if (r && (t->readings[r].article || t->readings[r].enc[0])) continue;
        for (size_t f = 0; st && f < sizeof forms / sizeof *forms; f++)
            if (rasid__streq(st, forms[f])) return 1;
    }
    return 0;
}

/* "حجزت السلطات شحنة أسلحة": an arms shipment seized is the object of the seizure, no
 * transfer of its own; nor is the load of a convoy or a store attacked or looted ("هاجم
 * مسلحون قافلة مساعدات إنسانية") */
static int seized_shipment(const ev_ctx *c, const ev_cand *k)
{
    if (!k->type || k->ty != EV_T_AID) return 0;
    int cargo = k->ttok > 0 && c->t[k->ttok - 1].sent == k->sent && cargo_word(&c->t[k->ttok - 1]);
    const ev_cand *x, *xend;
    for (ev_sentence_cands(c, k, &x, &xend); x < xend; x++) {
        if (x == k || x->sent != k->sent || x->ttok >= k->ttok) continue;
        if (x->mode && rasid__streq(x->mode, "seize") && x->ttok + x->tntok + 5 >= k->ttok) return 1;
        if (cargo && x->type && (x->ty == EV_T_ASSAULT || x->ty == EV_T_COERCE) &&
            x->ttok + x->tntok + 6 >= k->ttok)
            return 1;
    }
    return 0;
}

/* "أسقطت الدفاعات الجوية طائرة مسيرة": shooting down or intercepting is an event only
 * with an aircraft or a drone as its object (not "أسقطت الحكومة الضرائب") */
static int shootdown_without_aircraft(const ev_ctx *c, const ev_cand *k)
{
    const char *id = ev_field(k->trig, "id");
    if (!id || !rasid__streq(id, "shootdown")) return 0;
    for (size_t q = k->ttok + k->tntok; q < k->ttok + k->tntok + 5 && q < c->n && c->t[q].sent == k->sent; q++)
        if (ev_cue(c, q, CUE_AIRCRAFT) || ev_cue(c, q, CUE_DRONE)) return 0;
    return 1;
}

static void drop_weak(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        if (!k[i].alive) continue;
        /* arms handed over to nobody named ("سلمت الشرطة الأسلحة المضبوطة إلى النيابة")
         * are no military aid: a delivery has a party that receives it */
        const char *kid = ev_field(k[i].trig, "id");
        int undelivered = kid && rasid__streq(kid, "aid_arms") && !k[i].nrecipient;
        if (k[i].pos == 'R' || k[i].sport || undelivered || mishap_only(c, &k[i]) || declined_comment(c, &k[i]) ||
            analysts_view(c, &k[i])) {
            k[i].alive = 0;
            continue;
        }
        /* "للمطالبة بالإفراج عن", "هدد بشن هجمات", "دعا إلى وقف": what is demanded or
         * threatened is the content of that act, not an event of its own; so is what one
         * is accused of ("اتهمت مالي الجزائر بدعم المتمردين") */
        int content = 0;
        const ev_cand *x, *xend;
        for (ev_sentence_cands(c, &k[i], &x, &xend); x < xend && !content; x++) {
            if (x == &k[i] || x->sent != k[i].sent) continue;
            const char *xid = ev_field(x->trig, "id");
            if (x->ty != EV_T_REQUEST && x->ty != EV_T_THREATEN && !(xid && rasid__streq(xid, "accuse"))) continue;
            if (x->ttok + x->tntok <= k[i].ttok && x->ttok + x->tntok + 2 >= k[i].ttok) content = 1;
            /* "هدد قائد المجلس العسكري بطرد السفير", "دعا الاتحاد الأفريقي المجلس إلى وقف":
             * with the subject between, the content is the noun with ب or after إلى */
            else if (x->ttok + x->tntok <= k[i].ttok && x->ttok + x->tntok + 10 >= k[i].ttok && marks_content(c, &k[i]) &&
                     !trigger_between(c, x, &k[i]))
                content = 1;
        }
        /* "رحب الاتحاد الأفريقي بانسحاب القوات الروسية", "أشاد الوزير بانتشار الجيش",
         * "ترحيبا بانسحاب القوات": what is welcomed or praised (an event noun with ب after
         * the verb, past its subject) is the content of that act, not news of its own,
         * unless it brings a toll of its own (praise of an operation that killed 20) */
        int toll = k[i].dead >= 0 || k[i].injured >= 0 || k[i].arrested >= 0 || k[i].hostages >= 0;
        if (!content && !toll && welcomed_noun(c, &k[i])) content = 1;
        for (ev_sentence_cands(c, &k[i], &x, &xend); x < xend && !content && !toll; x++) {
            if (x == &k[i] || x->sent != k[i].sent || x->ty != EV_T_SUPPORT) continue;
            const rasid_token *t = &c->t[k[i].ttok];
            int with_b = k[i].tread > 0 && k[i].tread < t->nreadings && ev_has2(t->readings[k[i].tread].pro, "\xD8\xA8");
            if (with_b && x->ttok + x->tntok <= k[i].ttok && x->ttok + x->tntok + 10 >= k[i].ttok && !trigger_between(c, x, &k[i]))
                content = 1;
        }
        if (content) { k[i].alive = 0; continue; }
        int fields = (k[i].nactor > 0) + (k[i].nrecipient > 0) + (k[i].location >= 0) + (k[i].date >= 0) +
                     (k[i].dead >= 0 || k[i].hostages >= 0 || k[i].injured >= 0 || k[i].arrested >= 0);
        double score = k[i].weight + 0.1 * fields;
        if (k[i].definite && fields == 0) score -= 0.3;
        /* a word alone, with nobody, nowhere, no day and no toll ("شهدت الأسعار انفجارا"),
         * is too little to stand as an event */
        else if (fields == 0 && !k[i].headline) score -= 0.15;
        if (k[i].aggregate) score -= 0.35;
        /* a tally over a period ("خلال النصف الأول من العام") has no one place */
        if (k[i].aggregate && (k[i].location < 0 || c->ms[k[i].location].precision >= RASID_P_COUNTRY)) score -= 0.2;
        /* what may have happened, with nobody named and nothing counted, is no record */
        if (rasid__streq(k[i].modality, "hypothetical") && !k[i].nactor && k[i].dead < 0) score -= 0.3;
        if (rasid__streq(k[i].type, "CONSULT") || rasid__streq(k[i].type, "AGREE") || rasid__streq(k[i].type, "COOPERATE")) {
            /* diplomacy is done by states, officials, organisations or armed groups */
            int official = 0;
            for (size_t a = 0; a < k[i].nactor; a++)
                official |= k[i].actor[a].sector && !rasid__streq(k[i].actor[a].sector, "CVL") && !rasid__streq(k[i].actor[a].sector, "UAF");
            for (size_t a = 0; a < k[i].nrecipient; a++)
                official |= k[i].recipient[a].sector && !rasid__streq(k[i].recipient[a].sector, "CVL") && !rasid__streq(k[i].recipient[a].sector, "UAF");
            if (!official) score -= 0.2;
        }
        if (k[i].reference && !k[i].headline) score -= 0.15;
        /* "طالبت منظمة العفو الدولية السلطات البوركينية بالتحقيق": a demand addressed by a
         * named party to another is an act between them; one made to nobody in particular
         * ("طالبت المنظمة بإطلاق سراح الصحفيين") stays a statement */
        if (k[i].ty == EV_T_REQUEST && k[i].nactor && k[i].nrecipient && k[i].actor[0].sector && k[i].recipient[0].sector &&
            !rasid__streq(k[i].actor[0].sector, "CVL") && !rasid__streq(k[i].recipient[0].sector, "CVL") &&
            !rasid__streq(k[i].actor[0].sector, "UAF") && !rasid__streq(k[i].recipient[0].sector, "UAF"))
            score += 0.1;
        /* a change of territory with no place and a vague object ("استعادة السيطرة على مناطق
         * واسعة") names no territory: an assessment, not an event */
        if (territory_change(k[i].acled_sub) && k[i].location < 0 && !k[i].headline && k[i].hostages < 0) {
            int vague = 0;
            for (size_t q = k[i].ttok + k[i].tntok; q < k[i].ttok + k[i].tntok + 4 && q < c->n && !vague; q++)
                vague = ev_cue(c, q, CUE_VAGUEAREA) != 0;
            if (vague) score -= 0.2;
        }
        if (score < c->min_score) k[i].alive = 0;
    }
}

/* "استدعت سفير مالي للاحتجاج على مقتل سبعة مواطنين": the dead and injured counted after
 * an act of violence told inside the clause of a summons, a protest or a demand are that
 * act's, not the summons'. */
static void tolls_to_violence(ev_ctx *c)
{
    ev_cand *k = c->cands.data;
    for (size_t i = 0; i < c->cands.len; i++) {
        if (rasid__streq(k[i].type, "ASSAULT") || (k[i].dead < 0 && k[i].injured < 0)) continue;
        for (size_t j = i + 1; j < c->cands.len && k[j].sent == k[i].sent; j++) {
            if (!rasid__streq(k[j].type, "ASSAULT") || k[j].ttok <= k[i].ttok) continue;
            if (k[i].dead >= 0 && k[j].dead == k[i].dead) k[i].dead = -1;
            if (k[i].injured >= 0 && k[j].injured == k[i].injured) k[i].injured = -1;
        }
    }
}

int rasid__event_code(rasid_doc *doc, const rasid_lexicon *lex)
{
    ev_ctx c;
    int rc = ev_ctx_init(&c, doc, lex);
    if (rc) return rc;
    if ((rc = find_triggers(&c)) == RASID_OK) {
        ev_cand *k = c.cands.data;
        for (size_t i = 0; i < c.cands.len; i++) ev_fill_roles(&c, &k[i]);
        tolls_to_violence(&c);
        ev_apply_claims(&c);
        ev_implicit_opponents(&c);
        for (size_t i = 0; i < c.cands.len; i++) { /* a killing's dead are its victims */
            const char *id = ev_field(k[i].trig, "id");
            if (k[i].dead > 0 && id && ev_starts(id, "kill") && k[i].nrecipient == 1 && k[i].recipient[0].name)
                k[i].dead_of = k[i].recipient[0].name;
        }
        if (c.debug)
            for (size_t i = 0; i < c.cands.len; i++)
                fprintf(stderr, "cand: sent %u tok %u %s(%s) ref=%d def=%d agg=%d rep=%d loc=%s date=%s dead=%ld host=%ld act=%s rec=%s ev=[%u,%u)\n",
                        k[i].sent, k[i].ttok, k[i].type, ev_field(k[i].trig, "id"), k[i].reference, k[i].definite,
                        k[i].aggregate, k[i].reported, k[i].location >= 0 ? c.ms[k[i].location].name : "-",
                        k[i].date >= 0 ? c.ms[k[i].date].value : "-", k[i].dead, k[i].hostages,
                        k[i].nactor ? k[i].actor[0].name : "-", k[i].nrecipient ? k[i].recipient[0].name : "-",
                        k[i].ev_start, k[i].ev_end);
        /* a verb describing a party ("التي تقاتل") is no event, and must not absorb the
         * events of its sentence when they merge; nor must a drone or an arms shipment that
         * is the object of another act (bought, shot down, seized), or a shooting down of no
         * aircraft */
        for (size_t i = 0; i < c.cands.len; i++)
            if (k[i].descriptive || acquired_drone(&c, &k[i]) || shootdown_without_aircraft(&c, &k[i]) ||
                seized_shipment(&c, &k[i]) || ev_civilians_fled(&c, &k[i]))
                k[i].alive = 0;
        merge_in_sentences(&c);
        drop_weak(&c);
        if (c.debug)
            for (size_t i = 0; i < c.cands.len; i++)
                fprintf(stderr, "kept: sent %u tok %u %s(%s) w=%.2f mod=%s alive=%d descriptive=%d\n", k[i].sent, k[i].ttok, k[i].type,
                        ev_field(k[i].trig, "id"), k[i].weight, k[i].modality, k[i].alive, k[i].descriptive);
        merge_in_document(&c);
        drop_told_tallies(&c);
        ev_refine_branches(&c);
        ev_distinct_sides(&c);
        ev_people_as_civilians(&c);
        ev_military_coup(&c);
        for (size_t i = 0; i < c.cands.len; i++) /* the fight's toll: both sides' dead */
            if (k[i].alive && k[i].dead_foe > 0) {
                if (k[i].dead <= 0 || k[i].q_dead == RASID_Q_EXACT) {
                    int q = k[i].q_dead_foe;
                    /* (11 soldiers and "dozens" of attackers: at least 23) */
                    if (k[i].dead > 0 && vague_q((uint8_t)q))
                        q = RASID_Q_AT_LEAST;
                    k[i].q_dead = (uint8_t)q;
                }
                k[i].dead = (k[i].dead > 0 ? k[i].dead : 0) + k[i].dead_foe;
            }
        rc = ev_emit(&c);
    }
    ev_ctx_free(&c);
    return rc;
}
