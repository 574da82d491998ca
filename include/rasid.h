/*
 * rasid.h — public interface of librasid, the library behind the `rasid` command.
 *
 * rasid reads Arabic news text and produces event records (who did what to whom,
 * where, when, how many) whose every span is a pair of UTF-8 byte offsets into the
 * document's original text.
 *
 * Objects
 *   rasid_lexicon   the dictionaries (places, actors, titles, triggers, ...) compiled
 *                   from a data directory. Immutable once loaded; one lexicon may be
 *                   shared by any number of threads.
 *   rasid_doc       one document under analysis. It owns every allocation made while
 *                   analysing it (in one arena) and frees them in rasid_doc_free().
 *                   A doc is used by one thread at a time; different docs may be
 *                   analysed concurrently.
 *
 * Memory rule for the whole API: pointers returned by rasid_doc_* accessors point into
 * the doc and live until rasid_doc_free(); the caller frees nothing else. Every
 * `_free(NULL)` is a no-op.
 *
 * Errors: functions return RASID_OK (0) or a negative code from the list below;
 * rasid_strerror() names a code; a doc keeps a detailed message (rasid_doc_errmsg()).
 * The library never exits or aborts on bad input or on out-of-memory.
 */
#ifndef RASID_H
#define RASID_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define RASID_API __attribute__((visibility("default")))
#else
#define RASID_API
#endif

#define RASID_VERSION "0.1.0"

/* ---- errors: one list, X-macro, generates codes and rasid_strerror() ---- */
#define RASID_ERRORS(X)                                              \
    X(OK, 0, "success")                                              \
    X(NOMEM, -1, "out of memory")                                    \
    X(IO, -2, "input/output error")                                  \
    X(UTF8, -3, "invalid UTF-8")                                     \
    X(BINARY, -4, "binary data (NUL bytes) in text input")           \
    X(TOOBIG, -5, "input exceeds the size limit")                    \
    X(EMPTY, -6, "empty input")                                      \
    X(PARSE, -7, "malformed input")                                  \
    X(DATA, -8, "bad dictionary data")                               \
    X(ARG, -9, "invalid argument")                                   \
    X(NOTFOUND, -10, "not found")                                    \
    X(STORE, -11, "database error")                                  \
    X(CORRUPT, -12, "database file is corrupt or not a rasid store")

enum rasid_error {
#define RASID__E(name, code, msg) RASID_##name = code,
    RASID_ERRORS(RASID__E)
#undef RASID__E
};

RASID_API const char *rasid_strerror(int code);

/* ---- limits (named caps on growth driven by untrusted input) ---- */
#define RASID_MAX_DOC_BYTES ((size_t)64 << 20) /* one document's text */
#define RASID_MAX_TOKEN_BYTES 256               /* longer runs are split */

/* ---- spans ---- */
typedef struct rasid_span {
    uint32_t start; /* UTF-8 byte offset into the original text, inclusive */
    uint32_t end;   /* exclusive */
} rasid_span;

/* ---- normalisation options (bit flags); RASID_NORM_DEFAULT is what matching uses ---- */
enum rasid_norm_flags {
    RASID_NORM_TASHKEEL = 1u << 0,     /* drop harakat U+064B-U+0652, U+0670, Quranic marks */
    RASID_NORM_TATWEEL = 1u << 1,      /* drop U+0640 */
    RASID_NORM_ALEF = 1u << 2,         /* أ إ آ ٱ -> ا */
    RASID_NORM_YEH = 1u << 3,          /* ى -> ي */
    RASID_NORM_TEH_MARBUTA = 1u << 4,  /* ة -> ه (a matching key, never for display) */
    RASID_NORM_HAMZA_WAW = 1u << 5,    /* ؤ -> و */
    RASID_NORM_HAMZA_YEH = 1u << 6,    /* ئ -> ي */
    RASID_NORM_DIGITS = 1u << 7,       /* Arabic-Indic and Persian digits -> ASCII; ٫ -> . ٬ -> , */
    RASID_NORM_PRESENTATION = 1u << 8, /* presentation forms U+FB50-U+FDFF, U+FE70-U+FEFF -> base */
    RASID_NORM_SPACES = 1u << 9,       /* NBSP and other spaces -> ' '; ZWJ/ZWNJ/bidi controls dropped */
    RASID_NORM_QUOTES = 1u << 10,      /* « » “ ” „ ‹ › " ' ‘ ’ -> '"' */
    RASID_NORM_LATIN_LOWER = 1u << 11, /* ASCII letters lower-cased */
    RASID_NORM_DEFAULT = 0x0FFF & ~(RASID_NORM_HAMZA_WAW | RASID_NORM_HAMZA_YEH),
    RASID_NORM_ALL = 0x0FFF
};

/* Segmentation option, passed to rasid_doc_segment() together with the RASID_NORM_* flags:
 * skip the Snowball light stems (every token->stem stays NULL). Stemming is the costliest
 * part of segmentation; callers that do not show stems (benchmarks of normalise + tokenise
 * + clitics, recognition) may pass it. */
#define RASID_SEG_NO_STEMS (1u << 16)

/* ---- lexicon ---- */
typedef struct rasid_lexicon rasid_lexicon;

/* Load and compile the dictionaries in directory `datadir` (NULL: $RASID_DATA, else the
 * installed or source-tree data directory). On failure returns NULL and, if errbuf is
 * not NULL, writes a message naming the file and line into errbuf (errlen bytes).
 * The compiled form is cached: a load maps the cache file written by an earlier load of
 * the same files by the same build, and otherwise compiles the TSV files and (re)writes
 * the cache file ($RASID_CACHE_DIR, else ${XDG_CACHE_HOME:-$HOME/.cache}/rasid;
 * RASID_CACHE=off turns it off; docs/dictionaries.md). The lexicon is read-only and may
 * be shared by threads. */
RASID_API rasid_lexicon *rasid_lexicon_load(const char *datadir, char *errbuf, size_t errlen);
/* Compile the dictionaries of `datadir` from their TSV files (never from the cache) and
 * write their binary form to `out_path`, or when it is NULL to the cache file that
 * rasid_lexicon_load() maps. *nentries (if not NULL) gets the number of entries.
 * Returns RASID_OK; RASID_DATA when the dictionaries cannot be loaded, RASID_IO when the
 * file cannot be written, RASID_ARG when out_path is NULL and the cache is off (errbuf
 * says which). */
RASID_API int rasid_lexicon_compile(const char *datadir, const char *out_path, char *errbuf, size_t errlen,
                                    size_t *nentries);
/* Was `lex` mapped from a compiled (cached) file rather than compiled from TSV files? */
RASID_API int rasid_lexicon_mapped(const rasid_lexicon *lex);
RASID_API void rasid_lexicon_free(rasid_lexicon *lex);
/* The dictionary directory to use: `explicit_dir` if given, else $RASID_DATA, else the
 * data/ directory of the executable's source tree or installation (build/rasid -> data/,
 * bin/rasid -> share/rasid/data), else "data". May write into buf (n bytes) and return it. */
RASID_API const char *rasid_data_dir(const char *explicit_dir, char *buf, size_t n);

/* Number of compiled entries of all kinds (for diagnostics and benchmarks). */
RASID_API size_t rasid_lexicon_size(const rasid_lexicon *lex);
/* The directory the lexicon was loaded from. */
RASID_API const char *rasid_lexicon_dir(const rasid_lexicon *lex);

/* ---- analyser: caches shared by the documents one thread analyses ----
 * News vocabulary is small and skewed: most words of an article were seen in earlier
 * ones. An analyser keeps, across documents, each distinct word's normalised form,
 * clitic readings, light stem and value, and for the lexicon it is made with, each
 * word's dictionary matches and fuzzy candidates; a document attached to it
 * (rasid_doc_use) analyses each known word once for all documents instead of once per
 * document. Results are the same with or without an analyser.
 * An analyser is used by one thread at a time (it has no lock: make one per thread).
 * `lex` (or NULL, for the text layer alone) must outlive it. An attached document's
 * tokens point into the analyser's memory: free the document before the analyser. The
 * caches are bounded: past their budget they are emptied when a document is attached
 * while no other attached document is alive. */
typedef struct rasid_analyser rasid_analyser;
RASID_API rasid_analyser *rasid_analyser_new(const rasid_lexicon *lex);
RASID_API void rasid_analyser_free(rasid_analyser *a);

/* ---- documents ---- */
typedef struct rasid_doc rasid_doc;

/* Create a document over `len` bytes of `text` (copied). `id` names it in outputs and
 * error messages; `published` is "YYYY-MM-DD" or NULL. Never returns NULL except on
 * out-of-memory. Invalid UTF-8 is accepted (read as U+FFFD) and counted. */
RASID_API rasid_doc *rasid_doc_new(const char *id, const char *text, size_t len, const char *published);
RASID_API void rasid_doc_free(rasid_doc *doc);
RASID_API const char *rasid_doc_id(const rasid_doc *doc);
RASID_API const char *rasid_doc_text(const rasid_doc *doc, size_t *len);
RASID_API const char *rasid_doc_errmsg(const rasid_doc *doc);
/* Attach the document to an analyser (before its first stage runs; NULL detaches).
 * Returns RASID_OK, or RASID_ARG when the document was already segmented. */
RASID_API int rasid_doc_use(rasid_doc *doc, rasid_analyser *a);
/* Publication date actually used ("YYYY-MM-DD"), from the caller or the dateline; or NULL. */
RASID_API const char *rasid_doc_published(const rasid_doc *doc);

/* Document metadata: short key/value strings carried with the document, e.g. "url"
 * (canonical URL), "title", "source" (site or feed), "author", "fetched" (ISO time).
 * rasid_doc_set_meta copies both strings into the doc (a later value for the same key
 * wins; value NULL removes it) and returns RASID_OK, RASID_ARG or RASID_NOMEM.
 * rasid_doc_meta returns the value (owned by the doc) or NULL when absent. */
RASID_API int rasid_doc_set_meta(rasid_doc *doc, const char *key, const char *value);
RASID_API const char *rasid_doc_meta(const rasid_doc *doc, const char *key);

/* UTF-8 problems found while decoding: count and byte offset of the first one (-1 if none). */
RASID_API size_t rasid_doc_utf8_errors(const rasid_doc *doc, long *first_offset);

/* Stage 1: decode, normalise (flags: RASID_NORM_*), split sentences and tokens, clitic readings. */
RASID_API int rasid_doc_segment(rasid_doc *doc, unsigned norm_flags);
/* Stage 2: recognise actors, people, places, dates and numbers (runs stage 1 if needed). */
RASID_API int rasid_doc_recognise(rasid_doc *doc, const rasid_lexicon *lex);
/* Stage 3: code events (runs stages 1-2 if needed). */
RASID_API int rasid_doc_code(rasid_doc *doc, const rasid_lexicon *lex);

/* The normalised text (for `rasid normalize`) and, for each of its bytes, the original
 * byte span it came from (arrays of *len elements; may be NULL if not wanted). The map is
 * made on the first call that asks for it (a second scan of the text; tokens carry their
 * own spans without it); NULL arrays then mean out of memory. */
RASID_API const char *rasid_doc_normalized(const rasid_doc *doc, size_t *len,
                                          const uint32_t **src_start, const uint32_t **src_end);

/* ---- tokens ---- */
typedef enum rasid_token_kind {
    RASID_TOK_ARABIC = 1,
    RASID_TOK_LATIN,
    RASID_TOK_NUMBER,
    RASID_TOK_PUNCT,
    RASID_TOK_SYMBOL,
    RASID_TOK_OTHER
} rasid_token_kind;

/* One clitic reading of an Arabic token: proclitics + stem + enclitic.
 * All strings are normalised keys; `pro`/`enc` are "" when absent. `article` is 1 when
 * the stem carried (or, for لل, implied) the definite article; `stem` excludes it. */
typedef struct rasid_reading {
    const char *pro;
    const char *stem;
    const char *enc;
    uint8_t article;
} rasid_reading;

typedef struct rasid_token {
    uint32_t start, end;   /* original byte span: text[start:end] is the surface form */
    uint32_t nstart, nend; /* span in the normalised text */
    const char *norm;      /* normalised matching key, NUL-terminated */
    uint32_t nlen;         /* strlen(norm) */
    uint32_t sent;         /* sentence index */
    uint8_t kind;          /* rasid_token_kind */
    uint8_t flags;         /* RASID_TF_* */
    uint16_t nreadings;    /* clitic readings; readings[0] is always the whole form */
    uint32_t word;         /* the same number for every token of one word (form, kind and
                              readings) within a document, or across the documents of one
                              rasid_analyser until its caches are emptied; 0: none */
    const rasid_reading *readings;
    const char *stem;      /* light stem (Snowball Arabic), normalised; or NULL */
    double num;            /* value, for RASID_TOK_NUMBER */
} rasid_token;

enum rasid_token_flags {
    RASID_TF_SPACE_BEFORE = 1u << 0, /* whitespace (or start of text) before the token */
    RASID_TF_PARA_START = 1u << 1,   /* first token after a paragraph break */
    RASID_TF_LINE_START = 1u << 2,   /* first token of a line */
    RASID_TF_REPLACED = 1u << 3      /* contains U+FFFD from invalid input */
};

typedef struct rasid_sentence {
    uint32_t start, end;           /* original byte span, trimmed */
    uint32_t tok_begin, tok_end;   /* token index range [begin, end) */
    uint8_t headline;              /* 1 for a headline/dateline line at the top */
} rasid_sentence;

RASID_API size_t rasid_doc_ntokens(const rasid_doc *doc);
RASID_API const rasid_token *rasid_doc_tokens(const rasid_doc *doc);
RASID_API size_t rasid_doc_nsentences(const rasid_doc *doc);
RASID_API const rasid_sentence *rasid_doc_sentences(const rasid_doc *doc);

/* ---- mentions (recognised entities) ---- */
typedef enum rasid_mention_kind {
    RASID_M_PLACE = 1,
    RASID_M_ACTOR,
    RASID_M_PERSON,
    RASID_M_DATE,
    RASID_M_NUMBER,
    RASID_M_NISBA /* a nationality adjective on its own (الفرنسي) */
} rasid_mention_kind;

typedef enum rasid_precision {
    RASID_P_NONE = 0,
    RASID_P_DAY,
    RASID_P_WEEK,
    RASID_P_MONTH,
    RASID_P_YEAR,
    /* place precisions */
    RASID_P_SITE,
    RASID_P_CITY,
    RASID_P_ADMIN2,
    RASID_P_ADMIN1,
    RASID_P_COUNTRY,
    RASID_P_REGION
} rasid_precision;

typedef enum rasid_qualifier {
    RASID_Q_EXACT = 0,
    RASID_Q_MORE_THAN,
    RASID_Q_LESS_THAN,
    RASID_Q_ABOUT,
    RASID_Q_AT_LEAST,
    RASID_Q_AT_MOST,
    RASID_Q_DOZENS,
    RASID_Q_HUNDREDS,
    RASID_Q_THOUSANDS,
    RASID_Q_SEVERAL
} rasid_qualifier;

typedef struct rasid_mention {
    uint8_t kind;               /* rasid_mention_kind */
    uint8_t precision;          /* rasid_precision (dates, places) */
    uint8_t qualifier;          /* rasid_qualifier (numbers) */
    uint8_t fuzzy;              /* 1 when found by approximate matching */
    uint32_t start, end;        /* original byte span */
    uint32_t tok_begin, tok_end;/* token range */
    uint32_t sent;              /* sentence index */
    const char *id;             /* Wikidata QID, GeoNames id or dictionary id */
    const char *name;           /* English canonical name (or transliteration) */
    const char *ekind;          /* entity kind: state force group org person civilians unknown;
                                   place: country admin1 city town region site;
                                   date: "then" when it repeats the time told last (آنذاك) */
    const char *sector;         /* GOV MIL COP REB UAF CVL ... or NULL */
    const char *country;        /* ISO3, IMG, or NULL */
    const char *role;           /* person: role from the title (e.g. "Minister of Defence") */
    const char *admin1;         /* place */
    double lat, lon;            /* place; NAN when unknown */
    long geonameid;             /* place; 0 when unknown */
    char value[11];             /* date: YYYY-MM-DD, YYYY-MM or YYYY */
    double num;                 /* number: value */
    const char *noun;           /* number: counted noun class (person soldier civilian
                                   dead injured hostage arrested ...) or NULL */
    const char *noun_text;      /* number: the counted noun as written */
    const void *entry;          /* internal: the lexicon entry */
} rasid_mention;

RASID_API size_t rasid_doc_nmentions(const rasid_doc *doc);
RASID_API const rasid_mention *rasid_doc_mentions(const rasid_doc *doc);

/* ---- events ---- */
typedef struct rasid_entity {
    const char *name, *text, *id, *kind, *sector, *country;
    uint32_t start, end;
} rasid_entity;

typedef struct rasid_event {
    char id[96];
    const char *type;       /* PLOVER type */
    const char *mode;       /* or NULL */
    const char *context[4]; /* NULL-terminated */
    const char *modality;   /* asserted negated future hypothetical historical */
    const char *acled_event, *acled_sub; /* or NULL */
    const char *cameo;
    rasid_entity *actor; size_t nactor;
    rasid_entity *recipient; size_t nrecipient;
    const rasid_mention *location;  /* or NULL */
    const rasid_mention *date;      /* or NULL */
    long dead, injured, arrested, hostages; /* -1 when unknown */
    uint8_t q_dead, q_injured, q_arrested, q_hostages; /* rasid_qualifier */
    uint32_t ev_start, ev_end; /* evidence span */
    double confidence;
    const char *summary;
    const char *trigger_text; uint32_t trig_start, trig_end;
} rasid_event;

RASID_API size_t rasid_doc_nevents(const rasid_doc *doc);
RASID_API const rasid_event *rasid_doc_events(const rasid_doc *doc);

/* ---- output ---- */
typedef enum rasid_format {
    RASID_FMT_JSONL = 1, /* SCHEMA.md records */
    RASID_FMT_CSV,       /* ACLED-style columns */
    RASID_FMT_TSV,       /* GDELT-style */
    RASID_FMT_PLOVER,    /* PLOVER JSON */
    RASID_FMT_TABLE      /* human-readable */
} rasid_format;

/* Write the doc's events in `fmt` to `out`. For CSV/TSV, `header` non-zero writes the
 * header line first. Returns RASID_OK or RASID_IO. */
RASID_API int rasid_write_events(FILE *out, const rasid_doc *doc, rasid_format fmt, int header);
/* Write the doc's mentions as JSON Lines (fmt JSONL) or readable text (fmt TABLE). */
RASID_API int rasid_write_mentions(FILE *out, const rasid_doc *doc, rasid_format fmt);
/* Write the doc's tokens as JSON Lines or a readable listing. */
RASID_API int rasid_write_tokens(FILE *out, const rasid_doc *doc, rasid_format fmt);

/* ---- input helpers ---- */
/* Read a whole file (path "-" = stdin) into a malloc'd buffer; caps at `limit` bytes
 * (RASID_TOOBIG beyond). On error writes a message naming the file into errbuf. */
RASID_API int rasid_read_file(const char *path, size_t limit, char **data, size_t *len,
                              char *errbuf, size_t errlen);

/* Check bytes for text-input problems: NUL bytes (binary) and invalid UTF-8.
 * Returns RASID_OK, RASID_BINARY or RASID_UTF8 with *offset set to the first bad byte. */
RASID_API int rasid_check_text(const char *data, size_t len, size_t *offset);

/* ---- input reader: turns command-line arguments into documents ----
 *
 * Paths are files, directories (their non-hidden files, recursively, in byte order of
 * their names) or "-" for standard input (also used when n == 0). Each file is read as:
 *   JSON Lines  when its name ends in .jsonl or .ndjson, or its first non-space byte is
 *               '{': one document per line, a record {"id", "published", "url", "title",
 *               "text"}; blank lines are skipped. `published` (string "YYYY-MM-DD..." or
 *               null) wins over published_default. A record without "id" is named
 *               "<file stem>:<line>".
 *   web input   an HTML page, an RSS/Atom feed, a WARC file (.warc, .warc.gz), found by
 *               their bytes and name, and any http:// or https:// path (fetched): the
 *               page's main text, one document per feed item or HTML response record,
 *               with metadata (rasid_doc_meta) — see rasid_ingest.h and docs/ingest.md.
 *               A date found in the page or item wins over published_default.
 *   plain text  otherwise: one document, id = the file name without directory and
 *               extension ("stdin" for standard input), published = published_default.
 * A plain-text file larger than RASID_MAX_DOC_BYTES is refused without reading it all
 * (regular files are checked with stat; standard input stops at the cap); a JSON Lines
 * line larger than 2 * RASID_MAX_DOC_BYTES is skipped with an error.
 *
 * rasid_input_next() returns
 *    1  a document in *doc (the caller frees it with rasid_doc_free()). If err[0] is
 *       non-zero the document came with a problem the caller should report as an input
 *       error: invalid UTF-8 in a plain-text file ("FILE: invalid UTF-8 at byte offset N";
 *       bad bytes read as U+FFFD), a feed item whose page could not be fetched (its
 *       description is the text), a truncated WARC record; the document is still usable.
 *    0  no more input.
 *   <0  an error for one input (message in err, naming the file, and the line:column for
 *       JSON Lines); call again to continue with the next line or file. RASID_EMPTY
 *       ("FILE: empty file") is a warning, not a failure, for callers that wish so;
 *       RASID_NOMEM means out of memory.
 * Messages never end with a newline. err may be NULL (messages dropped). */
typedef struct rasid_input rasid_input;

RASID_API rasid_input *rasid_input_open(const char *const *paths, size_t n,
                                        const char *published_default);
/* The same over a caller's buffer (copied), read as if it were a file called `name`
 * (its extension selects JSON Lines as above). Used by tests and fuzzers. */
RASID_API rasid_input *rasid_input_open_mem(const char *name, const char *data, size_t len,
                                            const char *published_default);
RASID_API int rasid_input_next(rasid_input *in, rasid_doc **doc, char *err, size_t errlen);
/* The file the last document or error came from, and its line (0 for a whole-file
 * document). Valid until the next call. */
RASID_API const char *rasid_input_where(const rasid_input *in, long *line);
RASID_API void rasid_input_close(rasid_input *in);

#ifdef __cplusplus
}
#endif
#endif /* RASID_H */
