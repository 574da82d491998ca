/*
 * fuzz_lexcache.c — libFuzzer target for the loader of the dictionaries' binary form
 * (src/lex/lexicon.c, section "binary form"): whatever the bytes of a cache file, the
 * loader must reject it or adopt it without crashing, hanging or reading outside the
 * file, and matching a text with a lexicon it adopted must not either.
 *
 * The input is a whole cache file. It is given to rasid__lexbin_adopt_buffer() with the
 * body checksum off: the checksum would reject nearly every mutation before the
 * structure checks, which are what this target is for (the identity fields, build and
 * source hash, are not compared either, so that a seed written by another build works).
 * Each input is loaded twice, as the loader can meet it:
 *   - copied into a heap buffer of exactly its size: pointers are rebased in place, and
 *     AddressSanitizer reports any read past the file's end;
 *   - at the address its header prefers (page aligned and free), read-only, as a cache
 *     file mapped there is: used in place, any write faults.
 * An adopted lexicon then recognises entities and codes events in a short text.
 *
 * Seeds: LLVMFuzzerInitialize compiles the tiny dictionary below with this very build
 * (so the seed always has the current format) and checks that the loader adopts it and
 * matches as the compiled lexicon does. With $RASID_FUZZ_SEED_DIR set (fuzz/run.sh sets
 * it to the scratch corpus) the compiled file is written there as the seed corpus.
 */
#include "rasid.h"
#include "lex/lexcache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* a little of every structure the file holds: several tables per category (a local
 * file), multi-token and fuzzy keys, stop rules with both context lists, countries, cue
 * classes, titles and triggers */
static const char *const files[][2] = {
    {"places.tsv", "id\tname\tkind\tcountry\tadmin1\tlat\tlon\tgeonameid\tar\n"
                   "iso:MLI\tMali\tcountry\tMLI\t\t17\t-4\t\tمالي|جمهورية مالي\n"
                   "iso:NER\tNiger\tcountry\tNER\t\t17\t8\t\tالنيجر|جمهورية النيجر\n"
                   "gn:1\tGao\ttown\tMLI\tGao\t16.3\t-0.04\t1\tغاو\n"
                   "rasid:x\tMenaka Region\tadmin1\tMLI\t\t15.9\t2.4\t\tمنطقة ميناكا|ميناكا\n"},
    {"places.local.tsv", "id\tname\tkind\tcountry\tadmin1\tlat\tlon\tgeonameid\tar\n"
                         "rasid:y\tTimbuktu Region\tadmin1\tMLI\t\t16.7\t-3\t\tتمبكتو|منطقة تمبكتو\n"},
    {"nationalities.tsv", "country\tname\tar\nMLI\tMalian\tمالي|الماليه|الماليين\nNER\tNigerien\tنيجيري|النيجيري\n"},
    {"actors.tsv", "id\tname\tkind\tsector\tcountry\tfrom\tto\trole\tar\n"
                   "rasid:a\tMilitary Forces of Mali\tforce\tMIL\tMLI\t\t\t\tالجيش المالي|القوات المسلحه الماليه\n"
                   "rasid:b\tJNIM\tgroup\tREB\tIMG\t\t\t\tجماعه نصره الاسلام والمسلمين|نصره الاسلام|جماعةنصرةالإسلام\n"
                   "rasid:c\tIslamic State Sahel\tgroup\tREB\tIMG\t\t\t\tتنظيم الدولة الإسلامية في الساحل\n"},
    {"titles.tsv", "ar\trole\tsector\tkind\nوزير|وزيرة\tMinister\tGOV\tminister\n"},
    {"stop.tsv", "ar\tcat\tbefore\tafter\tnote\nمالي\tplace\t\tدعم|وضع\tfinancial\nالماليه\tany\tوزاره\t\t\n"
                 "غاو\t\t\t\talways\n"},
    {"cues.tsv", "class\tnote\tar\nnegation\t\tلم|لا|لن\nclaim\t\tاعلن|اعلنت|تبنى\n"},
    {"numbers.tsv", "value\ttype\tqualifier\tar\n3\tcardinal\t\tثلاثة|ثلاث\n"},
    {"nouns.tsv", "class\trole\tdual\tar\nsoldier\tmilitary\t\tجندي|جنود\n"},
    {"triggers.tsv", "id\ttype\tmode\tcontext\tacled_event\tacled_sub\tcameo\tpos\tweight\tar\n"
                     "attack_v\tASSAULT\t\t\tBattles\tArmed clash\t190\tV\t1\tهاجم|هاجمت\n"
                     "kill_v\tASSAULT\t\t\tViolence against civilians\tAttack\t180\tV\t1\tقتل|قتلت\n"},
};

static const char TEXT[] =
    "هاجمت جماعة نصرة الإسلام والمسلمين الجيش المالي قرب غاو في منطقة ميناكا شمال مالي، "
    "وقتلت ثلاثة جنود. ولم تعلن وزارة المالية شيئا. وقال الجيش الماليي إن القوات المسلحة المالية ردت، "
    "وتبنى تنظيم الدولة الإسلامية في الساحل هجوما في تمبكتو والنيجير.";

#define REQUIRE(c)                                                                         \
    do {                                                                                   \
        if (!(c)) {                                                                        \
            fprintf(stderr, "fuzz_lexcache: %s failed (line %d)\n", #c, __LINE__);         \
            abort();                                                                       \
        }                                                                                  \
    } while (0)

/* Recognise and code TEXT with lex; the mentions and events written as JSON Lines (a
 * malloc'd string; every string the lexicon gives out is read). */
static char *use(const rasid_lexicon *lex)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    rasid_doc *d = rasid_doc_new("fuzz", TEXT, sizeof TEXT - 1, "2024-05-01");
    if (d && f && rasid_doc_recognise(d, lex) == RASID_OK && rasid_doc_code(d, lex) == RASID_OK) {
        rasid_write_mentions(f, d, RASID_FMT_JSONL);
        rasid_write_events(f, d, RASID_FMT_JSONL, 0);
    }
    rasid_doc_free(d);
    if (f) fclose(f);
    return buf;
}

static int write_file(const char *path, const void *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t w = fwrite(p, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

/* The tiny dictionary compiled by this build (malloc'd, *len bytes); also checks that
 * the loader adopts it and matches as the compiled lexicon does. */
static unsigned char *compile_seed(size_t *len)
{
    char dir[256], path[512];
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/rasid-fuzz-lexcache-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    REQUIRE(mkdtemp(dir) != NULL);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        REQUIRE(write_file(path, files[i][1], strlen(files[i][1])) == 0);
    }
    /* never the user's cache: the file is written where we say */
    setenv("RASID_CACHE", "off", 1);
    char err[512] = "", bin[600];
    snprintf(bin, sizeof bin, "%s/seed.bin", dir);
    if (rasid_lexicon_compile(dir, bin, err, sizeof err, NULL) != RASID_OK) {
        fprintf(stderr, "fuzz_lexcache: %s\n", err);
        abort();
    }
    rasid_lexicon *ref = rasid_lexicon_load(dir, err, sizeof err);
    REQUIRE(ref != NULL);
    char *want = use(ref);
    rasid_lexicon_free(ref);

    FILE *f = fopen(bin, "rb");
    REQUIRE(f != NULL);
    struct stat st;
    REQUIRE(fstat(fileno(f), &st) == 0 && st.st_size > 0);
    *len = (size_t)st.st_size;
    unsigned char *seed = malloc(*len), *copy = malloc(*len);
    REQUIRE(seed && copy && fread(seed, 1, *len, f) == *len);
    fclose(f);
    memcpy(copy, seed, *len);
    rasid_lexicon *lex = rasid__lexbin_adopt_buffer(copy, *len, 1);
    REQUIRE(lex != NULL);
    char *got = use(lex);
    REQUIRE(want && got && !strcmp(want, got) && strstr(got, "Military Forces of Mali"));
    rasid_lexicon_free(lex);
    free(copy);
    free(want);
    free(got);
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        unlink(path);
    }
    unlink(bin);
    rmdir(dir);
    return seed;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    size_t len;
    unsigned char *seed = compile_seed(&len);
    const char *out = getenv("RASID_FUZZ_SEED_DIR");
    if (out && *out) {
        char path[4096];
        snprintf(path, sizeof path, "%s/tiny-dictionary.bin", out);
        if (write_file(path, seed, len) != 0) fprintf(stderr, "fuzz_lexcache: %s: %s\n", path, strerror(errno));
    }
    free(seed);
    return 0;
}

/* the header's preferred address (struct lexbin_header: magic, version, endian, layout,
 * build, source, size, then base) */
#define HDR_BASE 48

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 24)) return 0;
    /* rebased: a heap copy of exactly the file's size */
    unsigned char *copy = malloc(size ? size : 1);
    if (!copy) return 0;
    if (size) memcpy(copy, data, size);
    rasid_lexicon *lex = rasid__lexbin_adopt_buffer(copy, size, 0);
    if (lex) {
        free(use(lex));
        rasid_lexicon_free(lex);
    }
    free(copy);

    /* in place: at the header's base address when that range is free, read-only */
    uint64_t base;
    long page = sysconf(_SC_PAGESIZE);
    if (size < HDR_BASE + 8 || page <= 0) return 0;
    memcpy(&base, data + HDR_BASE, 8);
    if (!base || base % (uint64_t)page || base >= ((uint64_t)1 << 47)) return 0;
    void *want = (void *)(uintptr_t)base;
#ifdef MAP_FIXED_NOREPLACE
    void *m = mmap(want, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
#else
    void *m = mmap(want, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
#endif
    if (m == MAP_FAILED) return 0;
    if (m == want) {
        memcpy(m, data, size);
        mprotect(m, size, PROT_READ);
        lex = rasid__lexbin_adopt_buffer(m, size, 0);
        if (lex) {
            free(use(lex));
            rasid_lexicon_free(lex);
        }
    }
    munmap(m, size);
    return 0;
}
