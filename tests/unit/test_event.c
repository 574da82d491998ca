/*
 * test_event.c — invariants of the event coder's records.
 *
 * For a set of sentences written for this test (every trigger family, roles, modality,
 * merging) and for random and mutated inputs: every record has a PLOVER type and a valid
 * modality, its confidence is in [0,1], every span lies inside the text and its `text`
 * is exactly the bytes it points at, counts are consistent (fatalities == dead), the
 * JSON Lines record parses and has the contract's keys in order, and the same input
 * gives the same ids. Run from the repository root (the dictionaries in data/).
 */
#include "rasid.h"
#include "unit.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *const sentences[] = {
    "هاجم مسلحون فجر الثلاثاء موقعا للجيش البوركيني قرب مدينة جيبو، وأعلنت جماعة نصرة الإسلام والمسلمين مسؤوليتها عن الهجوم.",
    "قتل سبعة مدنيين في قرية قرب موبتي وسط مالي مساء الأحد.",
    "انفجرت سيارة مفخخة أمام مقر الشرطة في مدينة غاو، ما أسفر عن مقتل ثلاثة أشخاص وإصابة عشرة آخرين.",
    "فجرت انتحارية نفسها في سوق مزدحم بمدينة مايدوغوري صباح الجمعة.",
    "شن سلاح الجو النيجيري غارات جوية على مواقع لجماعة بوكو حرام في غابة سامبيسا.",
    "اندلعت اشتباكات عنيفة بين الجيش المالي وجماعة نصرة الإسلام والمسلمين في منطقة تمبكتو.",
    "اختطف مسلحون عشرين تلميذا من مدرسة في ولاية زمفارا.",
    "اعتقلت الشرطة الموريتانية عشرة متظاهرين في نواكشوط يوم الاثنين.",
    "وقعت الجزائر ومالي اتفاقا للتعاون الأمني في الجزائر العاصمة.",
    "زار وزير الخارجية الروسي سيرغي لافروف باماكو يوم الثلاثاء.",
    "تظاهر مئات الأشخاص في نيامي للمطالبة برحيل القوات الفرنسية.",
    "لم يهاجم المسلحون المدينة رغم التهديدات.",
    "سيزور الرئيس التشادي نيامي الأسبوع المقبل.",
    "وكان مسلحون قد هاجموا فندقا في باماكو في نوفمبر 2015.",
    "مقتل ستة جنود في هجوم قرب ميناكا\n\nقتل ستة جنود ماليين أمس في هجوم شنه مسلحون على موقع عسكري قرب مدينة ميناكا. وقال مصدر أمني إن الهجوم وقع فجرا.",
};

static const char *const types[] = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                                    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                                    "MOBILIZE", "COERCE", "ASSAULT", NULL};
static const char *const modalities[] = {"asserted", "negated", "future", "hypothetical", "historical", NULL};

static int in_list(const char *s, const char *const *list)
{
    for (; s && *list; list++)
        if (!strcmp(s, *list)) return 1;
    return 0;
}

static int span_ok(const char *text, size_t len, uint32_t start, uint32_t end, const char *want)
{
    if (start > end || end > len) return 0;
    if (!want) return 1;
    return strlen(want) == end - start && !memcmp(text + start, want, end - start);
}

/* Structural checks on the records of one coded document. */
static void check_events(const rasid_doc *doc)
{
    size_t len;
    const char *text = rasid_doc_text(doc, &len);
    const rasid_event *ev = rasid_doc_events(doc);
    for (size_t i = 0; i < rasid_doc_nevents(doc); i++) {
        const rasid_event *e = &ev[i];
        CHECK(in_list(e->type, types));
        CHECK(in_list(e->modality, modalities));
        CHECK(e->confidence >= 0 && e->confidence <= 1);
        CHECK(e->cameo && *e->cameo);
        CHECK(e->summary && *e->summary);
        CHECK(span_ok(text, len, e->ev_start, e->ev_end, NULL) && e->ev_end > e->ev_start);
        for (size_t a = 0; a < e->nactor; a++) CHECK(span_ok(text, len, e->actor[a].start, e->actor[a].end, e->actor[a].text));
        for (size_t a = 0; a < e->nrecipient; a++)
            CHECK(span_ok(text, len, e->recipient[a].start, e->recipient[a].end, e->recipient[a].text));
        if (e->location) CHECK(span_ok(text, len, e->location->start, e->location->end, NULL));
        if (e->date) {
            CHECK(span_ok(text, len, e->date->start, e->date->end, NULL));
            size_t vl = strlen(e->date->value);
            CHECK(vl == 4 || vl == 7 || vl == 10);
        }
        CHECK(e->dead >= -1 && e->injured >= -1 && e->hostages >= -1 && e->arrested >= -1);
    }
}

/* The JSON Lines writer's records: keys in the contract's order, spans reproduce text. */
static void check_jsonl(rasid_doc *doc)
{
    static const char *const keys[] = {"id", "doc", "type", "mode", "context", "modality", "acled", "cameo",
                                       "actor", "recipient", "location", "date", "size", "fatalities",
                                       "evidence", "confidence", "summary"};
    char *buf = NULL;
    size_t blen = 0;
    FILE *f = open_memstream(&buf, &blen);
    CHECK(f != NULL);
    if (!f) return;
    CHECK(rasid_write_events(f, doc, RASID_FMT_JSONL, 0) == RASID_OK);
    fclose(f);
    size_t len;
    const char *text = rasid_doc_text(doc, &len);
    char *line = buf;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = 0;
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        CHECK(o != NULL);
        if (o) {
            size_t k = 0;
            const char *key;
            json_t *v;
            json_object_foreach(o, key, v) {
                CHECK(k < 17 && !strcmp(key, keys[k]));
                k++;
            }
            CHECK(k == 17);
            json_t *evd = json_object_get(o, "evidence");
            long s = (long)json_integer_value(json_object_get(evd, "start"));
            long e = (long)json_integer_value(json_object_get(evd, "end"));
            const char *t = json_string_value(json_object_get(evd, "text"));
            CHECK(t && span_ok(text, len, (uint32_t)s, (uint32_t)e, t));
            json_t *fat = json_object_get(o, "fatalities");
            json_t *dead = json_object_get(json_object_get(o, "size"), "dead");
            CHECK(json_equal(fat, dead));
            json_decref(o);
        }
        line = nl ? nl + 1 : NULL;
    }
    free(buf);
}

static rasid_doc *code(const rasid_lexicon *lex, const char *id, const char *text, size_t len)
{
    rasid_doc *d = rasid_doc_new(id, text, len, "2023-03-14");
    CHECK(d != NULL);
    if (d) CHECK(rasid_doc_code(d, lex) == RASID_OK);
    return d;
}

static const rasid_lexicon *g_lex;

static void test_sentences(void)
{
    size_t total = 0;
    for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
        rasid_doc *d = code(g_lex, "s", sentences[i], strlen(sentences[i]));
        if (!d) continue;
        CHECK(rasid_doc_nevents(d) >= 1); /* each sentence states an event */
        total += rasid_doc_nevents(d);
        check_events(d);
        check_jsonl(d);
        rasid_doc_free(d);
    }
    CHECK(total >= sizeof sentences / sizeof *sentences);
}

static void test_determinism(void)
{
    const char *s = sentences[0];
    rasid_doc *a = code(g_lex, "x", s, strlen(s)), *b = code(g_lex, "x", s, strlen(s));
    if (!a || !b) { rasid_doc_free(a); rasid_doc_free(b); return; }
    CHECK_INT(rasid_doc_nevents(a), rasid_doc_nevents(b));
    for (size_t i = 0; i < rasid_doc_nevents(a) && i < rasid_doc_nevents(b); i++) {
        CHECK_STR(rasid_doc_events(a)[i].id, rasid_doc_events(b)[i].id);
        CHECK_STR(rasid_doc_events(a)[i].summary, rasid_doc_events(b)[i].summary);
    }
    rasid_doc_free(a);
    rasid_doc_free(b);
}

static void test_no_events(void)
{
    static const char *const none[] = {
        "ارتفع الدعم المالي للمزارعين هذا العام.",
        "فاز المنتخب المالي على نظيره النيجري في مباراة ودية ضمن تصفيات كأس العالم.",
        "يرى محللون أن الوضع الأمني في منطقة الساحل معقد.",
        "",
        "   \n\n  ",
    };
    for (size_t i = 0; i < sizeof none / sizeof *none; i++) {
        rasid_doc *d = code(g_lex, "n", none[i], strlen(none[i]));
        if (d) CHECK_INT(rasid_doc_nevents(d), 0);
        rasid_doc_free(d);
    }
}

/* Random mixes of Arabic words, digits, punctuation and broken bytes: never a crash,
 * always well-formed records. Fixed seed. */
static void test_random(void)
{
    static const char *const words[] = {"هاجم", "مسلحون", "قرية", "في", "مالي", "قتل", "10", "جنود", "،", ".",
                                        "الجيش", "النيجيري", "بوكو", "حرام", "أمس", "السبت", "مقتل", "و",
                                        "انتحاري", "\xff", "\xd8", "باماكو", "لقاء", "بين", "مع", "\n\n",
                                        "اتفاق", "على", "«", "»", "عشرة", "أكثر من", "2015", "نوفمبر"};
    unsigned seed = 12345;
    char buf[4096];
    for (int round = 0; round < 300; round++) {
        size_t n = 0;
        int nw = 5 + (int)(seed % 60);
        for (int w = 0; w < nw; w++) {
            seed = seed * 1103515245u + 12345u;
            const char *x = words[(seed >> 16) % (sizeof words / sizeof *words)];
            size_t l = strlen(x);
            if (n + l + 2 >= sizeof buf) break;
            memcpy(buf + n, x, l);
            n += l;
            buf[n++] = ' ';
        }
        rasid_doc *d = rasid_doc_new("r", buf, n, (round % 2) ? "2020-01-01" : NULL);
        if (!d) continue;
        CHECK(rasid_doc_code(d, g_lex) == RASID_OK);
        check_events(d);
        rasid_doc_free(d);
    }
}

int main(void)
{
    char err[512];
    rasid_lexicon *lex = rasid_lexicon_load("data", err, sizeof err);
    CHECK(lex != NULL);
    if (!lex) {
        printf("cannot load dictionaries: %s\n", err);
        return unit_done();
    }
    g_lex = lex;
    UNIT_RUN(test_sentences);
    UNIT_RUN(test_determinism);
    UNIT_RUN(test_no_events);
    UNIT_RUN(test_random);
    rasid_lexicon_free(lex);
    return unit_done();
}
