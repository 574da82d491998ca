/*
 * test_lexcache.c — the dictionaries' binary form (src/lex/lexcache.c, lexicon.c
 * "binary form"): a second load maps the file and behaves as the first, and damaged or
 * hostile files — with their checksum made right again, so that the structure checks
 * alone must catch them — never crash a load or the matching after it.
 * Uses a small data directory and a cache directory of its own (temporary).
 */
#include "rasid.h"
#include "lex/lexcache.h"
#include "unit.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256], data[300], cache[300];

static const char *const files[][2] = {
    {"places.tsv", "id\tname\tkind\tcountry\tadmin1\tlat\tlon\tgeonameid\tar\n"
                   "iso:MLI\tMali\tcountry\tMLI\t\t17\t-4\t\tمالي|جمهورية مالي\n"
                   "iso:NER\tNiger\tcountry\tNER\t\t17\t8\t\tالنيجر\n"
                   "gn:1\tGao\ttown\tMLI\tGao\t16.3\t-0.04\t1\tغاو\n"
                   "rasid:x\tMenaka Region\tadmin1\tMLI\t\t15.9\t2.4\t\tمنطقة ميناكا|ميناكا\n"},
    {"nationalities.tsv", "country\tname\tar\nMLI\tMalian\tمالي|الماليه|الماليين\n"},
    {"actors.tsv", "id\tname\tkind\tsector\tcountry\tfrom\tto\trole\tar\n"
                   "rasid:a\tMilitary Forces of Mali\tforce\tMIL\tMLI\t\t\t\tالجيش المالي|القوات المسلحه الماليه\n"
                   "rasid:b\tJNIM\tgroup\tREB\tIMG\t\t\t\tجماعه نصره الاسلام والمسلمين|نصره الاسلام\n"},
    {"stop.tsv", "ar\tcat\tbefore\tafter\tnote\nمالي\tplace\t\tدعم|وضع\tfinancial\nالماليه\tany\tوزاره\t\t\n"},
    {"cues.tsv", "class\tnote\tar\nnegation\t\tلم|لا|لن\nclaim\t\tاعلن|اعلنت\n"},
    {"triggers.tsv", "id\ttype\tmode\tcontext\tacled_event\tacled_sub\tcameo\tpos\tweight\tar\n"
                     "attack_v\tASSAULT\t\t\tBattles\tArmed clash\t190\tV\t1\tهاجم|هاجمت\n"},
};

static const char *TEXT = "هاجمت جماعة نصرة الإسلام والمسلمين الجيش المالي قرب غاو في منطقة ميناكا شمال مالي، "
                          "ولم تعلن وزارة المالية شيئا. وقال الجيش الماليي إن القوات المسلحة المالية ردت.";

static void write_file(const char *path, const char *s)
{
    FILE *f = fopen(path, "wb");
    if (!f) return;
    fputs(s, f);
    fclose(f);
}

/* the mentions found in TEXT, as the CLI writes them */
static char *mentions(const rasid_lexicon *lex)
{
    rasid_doc *d = rasid_doc_new("t", TEXT, strlen(TEXT), "2024-05-01");
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    if (d && f && rasid_doc_recognise(d, lex) == RASID_OK) rasid_write_mentions(f, d, RASID_FMT_JSONL);
    if (f) fclose(f);
    rasid_doc_free(d);
    return buf;
}

static int cache_file(char *out, size_t n)
{
    DIR *d = opendir(cache);
    struct dirent *e;
    int found = 0;
    while (d && (e = readdir(d)))
        if (!strncmp(e->d_name, "lexicon-", 8) && strlen(e->d_name) > 12 &&
            !strcmp(e->d_name + strlen(e->d_name) - 4, ".bin")) {
            snprintf(out, n, "%s/%s", cache, e->d_name);
            found = 1;
        }
    if (d) closedir(d);
    return found;
}

static char *ref_out;
static size_t ref_entries;

static void test_cold_warm(void)
{
    char err[256] = "";
    rasid_lexicon *a = rasid_lexicon_load(data, err, sizeof err);
    CHECK(a != NULL);
    if (!a) { printf("%s\n", err); return; }
    CHECK(!rasid_lexicon_mapped(a));
    ref_out = mentions(a);
    ref_entries = rasid_lexicon_size(a);
    CHECK(ref_out && strstr(ref_out, "Military Forces of Mali"));
    rasid_lexicon *b = rasid_lexicon_load(data, err, sizeof err);
    CHECK(b && rasid_lexicon_mapped(b));
    if (b) {
        char *o = mentions(b);
        CHECK_STR(o, ref_out);
        CHECK_INT(rasid_lexicon_size(b), ref_entries);
        CHECK_STR(rasid_lexicon_dir(b), data);
        free(o);
    }
    /* two lexicons mapped at once: the second cannot have the preferred address */
    rasid_lexicon *c = rasid_lexicon_load(data, err, sizeof err);
    CHECK(c && rasid_lexicon_mapped(c));
    if (c) {
        char *o = mentions(c);
        CHECK_STR(o, ref_out);
        free(o);
    }
    rasid_lexicon_free(c);
    rasid_lexicon_free(b);
    rasid_lexicon_free(a);
}

static uint64_t rnd_state = 88172645463325252ull;
static uint64_t rnd(void)
{
    rnd_state ^= rnd_state << 13;
    rnd_state ^= rnd_state >> 7;
    rnd_state ^= rnd_state << 17;
    return rnd_state;
}

/* header fields read and patched here (see struct lexbin_header in lexicon.c) */
#define H_SOURCE 32
#define H_BASE 48
#define H_BODY 56
#define H_HDR rasid__lexbin_header_size() /* the body checksum covers what follows */

static void test_hostile(void)
{
    char path[600];
    char err[256];
    rasid_lexicon *l = rasid_lexicon_load(data, err, sizeof err); /* makes sure the file exists */
    rasid_lexicon_free(l);
    CHECK(cache_file(path, sizeof path));
    FILE *f = fopen(path, "rb");
    if (!f) return;
    static unsigned char orig[1 << 20], buf[1 << 20];
    size_t len = fread(orig, 1, sizeof orig, f);
    fclose(f);
    CHECK(len > H_HDR && len < sizeof orig);
    uint64_t source, base;
    memcpy(&source, orig + H_SOURCE, 8);
    memcpy(&base, orig + H_BASE, 8);
    int mapped = 0, rebuilt = 0, same = 0;
    for (int it = 0; it < 400; it++) {
        memcpy(buf, orig, len);
        size_t n = len;
        int edits = 1 + (int)(rnd() % 4);
        for (int k = 0; k < edits; k++) {
            size_t at = H_HDR + rnd() % (len - H_HDR);
            switch (rnd() % 6) {
            case 0: buf[at] ^= (unsigned char)(1u << (rnd() % 8)); break; /* a bit */
            case 1: buf[at] = (unsigned char)rnd(); break;                 /* a byte */
            case 2: { /* an aligned word: a pointer near the base, or anything */
                at &= ~(size_t)7;
                uint64_t v = rnd() % 2 ? base + rnd() % (len + 64) : rnd();
                if (at + 8 <= len) memcpy(buf + at, &v, 8);
                break;
            }
            case 3: { /* a small count or index */
                at &= ~(size_t)3;
                uint32_t v = (uint32_t)(rnd() % 70000);
                if (at + 4 <= len) memcpy(buf + at, &v, 4);
                break;
            }
            case 4: { /* the section table */
                size_t s = 64 + rnd() % (19 * 16);
                buf[s] = (unsigned char)rnd();
                break;
            }
            default: n = at; break; /* cut */
            }
        }
        /* the checksum made right: only the structure checks stand in the way */
        if (n > H_HDR) {
            uint64_t body = rasid__lexbin_body_sum(buf, n);
            memcpy(buf + H_BODY, &body, 8);
        }
        f = fopen(path, "wb");
        if (!f) break;
        fwrite(buf, 1, n, f);
        fclose(f);
        rasid_lexicon *x = rasid_lexicon_load(data, err, sizeof err);
        CHECK(x != NULL);
        if (!x) continue;
        if (rasid_lexicon_mapped(x)) mapped++;
        else rebuilt++;
        char *o = mentions(x); /* matching over whatever was accepted must not crash */
        same += o && !strcmp(o, ref_out);
        free(o);
        rasid_lexicon_free(x);
    }
    printf("hostile files: %d mapped, %d rebuilt, %d with the reference output\n", mapped, rebuilt, same);
    CHECK(rebuilt > 0);
}

int main(void)
{
    snprintf(dir, sizeof dir, "%s/rasid-lexcache-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(cache, sizeof cache, "%s/cache", dir);
    mkdir(data, 0700);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        char p[400];
        snprintf(p, sizeof p, "%s/%s", data, files[i][0]);
        write_file(p, files[i][1]);
    }
    setenv("RASID_CACHE_DIR", cache, 1);
    unsetenv("RASID_CACHE");
    UNIT_RUN(test_cold_warm);
    if (ref_out) UNIT_RUN(test_hostile);
    free(ref_out);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) printf("could not remove %s\n", dir);
    return unit_done();
}
