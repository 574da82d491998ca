/*
 * lexcache.h — the file side of the dictionaries' binary form (internal).
 *
 * rasid_lexicon_load() compiles the TSV dictionaries into hash indexes; the result is
 * saved as one binary file in a cache directory and later loads map that file instead
 * of parsing the TSV files again (lexicon.c, section "binary form", writes and reads
 * the lexicon's structures). This file holds what does not depend on those structures:
 * the fast hash, reading the source files, where the cache lives, the build's identity,
 * mapping a cache file and writing one atomically.
 *
 * Environment:
 *   RASID_CACHE=off       never read or write a cache file (also 0, no, false)
 *   RASID_CACHE_DIR=DIR   the cache directory (default ${XDG_CACHE_HOME:-$HOME/.cache}/rasid)
 */
#ifndef RASID_LEXCACHE_H
#define RASID_LEXCACHE_H

#include <stddef.h>
#include <stdint.h>

/* A fast 64-bit hash of n bytes (four independent multiply-rotate lanes of 8 bytes, as
 * in xxHash64: several GB/s). Not cryptographic: it tells an edited or damaged file from
 * the original, not a forged one (the loader checks the structure of what it maps). */
uint64_t rasid__hash64(const void *p, size_t n, uint64_t seed);

/* One dictionary file read whole: data[len] is a NUL written after the contents. */
typedef struct rasid__srcfile {
    char *path; /* malloc'd */
    char *data; /* malloc'd, len + 1 bytes */
    size_t len;
    int cat;
} rasid__srcfile;

/* Read a whole file into f (path copied). RASID_OK, or RASID_IO with errno set. */
int rasid__read_file(const char *path, rasid__srcfile *f);

/* Is the cache turned off ($RASID_CACHE=off|0|no|false)? */
int rasid__cache_off(void);

/* The cache file for data directory `datadir`: DIR/lexicon-<hash of its real path>.bin,
 * DIR from $RASID_CACHE_DIR, else $XDG_CACHE_HOME/rasid, else $HOME/.cache/rasid. The
 * directory is not created here. Returns 0 when no cache path can be made. */
int rasid__cache_path(const char *datadir, char *out, size_t n);

/* The data directory as the cache knows it: its real path (else as given). 0 when it
 * does not fit n bytes. */
int rasid__cache_key(const char *datadir, char *out, size_t n);

/* Stale cache files are removed when a cache file is written (rasid__cache_prune):
 * those of data directories that no longer exist, read from their header, and those
 * whose header cannot tell (another format version) unmodified for this many days. */
#define RASID__CACHE_MAX_DAYS 30

/* Where a cache file of the current format records its data directory: the file starts
 * with magic[8] and a 32-bit version; dir_len bytes at dir_off hold the directory's
 * absolute real path, NUL-terminated ("" when unknown). */
typedef struct rasid__cache_stamp {
    char magic[8];
    uint32_t version;
    size_t dir_off, dir_len;
} rasid__cache_stamp;

/* After `written` (a cache file just written) replaced its predecessor: remove from its
 * directory the other lexicon-*.bin files, of this user, whose data directory is gone
 * (or, when their header cannot tell, older than RASID__CACHE_MAX_DAYS), and writers'
 * temporaries (lexicon-*.bin.XXXXXX) a day old. Errors are ignored: pruning is tidying. */
void rasid__cache_prune(const char *written, const rasid__cache_stamp *stamp);

/* A 64-bit identity of the code that compiled the dictionaries: the GNU build-id of the
 * object holding librasid (else the executable's size and time of modification): a
 * rebuilt rasid (say, a changed normaliser) never uses a cache written by another. */
uint64_t rasid__build_id(void);

/* Open a cache file and read its first hlen bytes into hdr; its size into *len. The
 * descriptor, or -1 if absent, shorter than hlen or unreadable. */
int rasid__open_cache(const char *path, void *hdr, size_t hlen, size_t *len);

/* Map len bytes of fd privately: read-only at address `want` when that range is free
 * (*moved = 0), else anywhere, readable and writable copy-on-write (*moved = 1: the
 * caller rebases pointers in place, then makes it read-only). NULL on failure. */
void *rasid__map_fd(int fd, size_t len, uintptr_t want, int *moved);

/* Write len bytes to path atomically: a temporary file in the same directory (created
 * with its parents if needed, mode 0700), then rename(). Any failure leaves no file
 * behind and returns -1: an unwritable cache is no error. */
int rasid__write_atomic(const char *path, const void *data, size_t len);

/* For tests and fuzzing (fuzz/fuzz_lexcache.c), defined in lexicon.c: the binary form
 * in buf[0..len), any bytes at all, checked and adopted as a cache file is, without
 * comparing its identity (build and source hash: a test's file may come from another
 * build) and, when check_sum is 0, without its body checksum, which would otherwise
 * reject nearly every mutated file before the structure checks see it. buf must be
 * writable (its pointers are rebased in place) unless it is at the file's own base
 * address, and stay until the lexicon is freed (rasid_lexicon_free() leaves it to the
 * caller). NULL when the loader would not use the file. */
typedef struct rasid_lexicon rasid_lexicon;
rasid_lexicon *rasid__lexbin_adopt_buffer(void *buf, size_t len, int check_sum);

/* The body checksum a binary form's header must hold (tests that forge files). */
uint64_t rasid__lexbin_body_sum(const void *buf, size_t len);
/* The size of the binary form's header: its body checksum covers the bytes after it. */
size_t rasid__lexbin_header_size(void);

#endif
