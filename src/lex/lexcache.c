/*
 * lexcache.c — hashing, locating, mapping and writing the dictionaries' binary form.
 * See lexcache.h; the format itself is in lexicon.c (section "binary form").
 */
#include "lex/lexcache.h"

#include "internal.h"

#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ------------------------------------------------------------------ hash */
#define P1 0x9E3779B185EBCA87ULL
#define P2 0xC2B2AE3D27D4EB4FULL
#define P3 0x165667B19E3779F9ULL
#define P4 0x85EBCA77C2B2AE63ULL
#define P5 0x27D4EB2F165667C5ULL

static inline uint64_t rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }
static inline uint64_t rd64(const unsigned char *p)
{
    uint64_t v;
    memcpy(&v, p, 8); /* native order: the hash only compares files of one machine */
    return v;
}
static inline uint64_t round64(uint64_t acc, uint64_t in) { return rotl(acc + in * P2, 31) * P1; }
static inline uint64_t merge64(uint64_t acc, uint64_t v) { return (acc ^ round64(0, v)) * P1 + P4; }

uint64_t rasid__hash64(const void *data, size_t n, uint64_t seed)
{
    const unsigned char *p = data, *end = p + n;
    uint64_t h;
    if (n >= 32) {
        uint64_t a = seed + P1 + P2, b = seed + P2, c = seed, d = seed - P1;
        for (; end - p >= 32; p += 32) {
            a = round64(a, rd64(p));
            b = round64(b, rd64(p + 8));
            c = round64(c, rd64(p + 16));
            d = round64(d, rd64(p + 24));
        }
        h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18);
        h = merge64(merge64(merge64(merge64(h, a), b), c), d);
    } else {
        h = seed + P5;
    }
    h += (uint64_t)n;
    for (; end - p >= 8; p += 8) h = rotl(h ^ round64(0, rd64(p)), 27) * P1 + P4;
    for (; p < end; p++) h = rotl(h ^ (*p * P5), 11) * P1;
    h ^= h >> 33;
    h *= P2;
    h ^= h >> 29;
    h *= P3;
    return h ^ (h >> 32);
}

/* ------------------------------------------------------------------ source files */
int rasid__read_file(const char *path, rasid__srcfile *f)
{
    memset(f, 0, sizeof *f);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return RASID_IO;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uintmax_t)st.st_size >= SIZE_MAX / 2) {
        if (!errno) errno = EINVAL;
        close(fd);
        return RASID_IO;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = malloc(cap + 1);
    if (!buf) { close(fd); return RASID_NOMEM; }
    /* read to the end even if the file grew since fstat */
    for (;;) {
        if (len == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) { free(buf); close(fd); return RASID_NOMEM; }
            buf = nb;
            cap *= 2;
        }
        ssize_t got = read(fd, buf + len, cap - len);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) { int e = errno; free(buf); close(fd); errno = e; return RASID_IO; }
        if (got == 0) break;
        len += (size_t)got;
    }
    close(fd);
    buf[len] = 0;
    f->path = strdup(path);
    if (!f->path) { free(buf); return RASID_NOMEM; }
    f->data = buf;
    f->len = len;
    return RASID_OK;
}

/* ------------------------------------------------------------------ where */
int rasid__cache_off(void)
{
    const char *v = getenv("RASID_CACHE");
    return v && (!strcasecmp(v, "off") || !strcmp(v, "0") || !strcasecmp(v, "no") || !strcasecmp(v, "false"));
}

int rasid__cache_key(const char *datadir, char *out, size_t n)
{
    char real[PATH_MAX];
    const char *key = realpath(datadir, real) ? real : datadir;
    int w = snprintf(out, n, "%s", key);
    return w >= 0 && (size_t)w < n;
}

int rasid__cache_path(const char *datadir, char *out, size_t n)
{
    char dir[PATH_MAX];
    const char *env = getenv("RASID_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    int w;
    if (env && *env) w = snprintf(dir, sizeof dir, "%s", env);
    else if (xdg && xdg[0] == '/') w = snprintf(dir, sizeof dir, "%s/rasid", xdg);
    else if (home && home[0] == '/') w = snprintf(dir, sizeof dir, "%s/.cache/rasid", home);
    else return 0;
    if (w < 0 || (size_t)w >= sizeof dir) return 0;
    /* one file per data directory (by its real path), overwritten when its files change */
    char key[PATH_MAX];
    if (!rasid__cache_key(datadir, key, sizeof key)) return 0;
    w = snprintf(out, n, "%s/lexicon-%016llx.bin", dir,
                 (unsigned long long)rasid__hash64(key, strlen(key), 0x6c6578));
    return w > 0 && (size_t)w < n;
}

/* ------------------------------------------------------------------ build identity */
struct build_probe {
    uintptr_t addr;
    uint64_t id;
    int found;
};

static int probe_object(struct dl_phdr_info *info, size_t size, void *data)
{
    struct build_probe *b = data;
    (void)size;
    int mine = 0;
    for (int i = 0; i < info->dlpi_phnum && !mine; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
        mine = ph->p_type == PT_LOAD && b->addr >= lo && b->addr - lo < ph->p_memsz;
    }
    if (!mine) return 0;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE) continue;
        const unsigned char *p = (const unsigned char *)(info->dlpi_addr + ph->p_vaddr), *end = p + ph->p_memsz;
        while ((size_t)(end - p) >= sizeof(ElfW(Nhdr))) {
            const ElfW(Nhdr) *nh = (const void *)p;
            size_t nsz = (nh->n_namesz + 3u) & ~3u, dsz = (nh->n_descsz + 3u) & ~3u;
            const unsigned char *name = p + sizeof *nh, *desc = name + nsz;
            if ((size_t)(end - name) < nsz || (size_t)(end - desc) < dsz) break;
            if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 && !memcmp(name, "GNU", 4)) {
                b->id = rasid__hash64(desc, nh->n_descsz, 0x6275696c64);
                b->found = 1;
                return 1;
            }
            p = desc + dsz;
        }
    }
    return 1; /* our object, without a build-id */
}

uint64_t rasid__build_id(void)
{
    struct build_probe b = {(uintptr_t)&rasid__build_id, 0, 0};
    dl_iterate_phdr(probe_object, &b);
    if (b.found) return b.id;
    struct stat st;
    if (stat("/proc/self/exe", &st) == 0) {
        uint64_t v[3] = {(uint64_t)st.st_size, (uint64_t)st.st_mtim.tv_sec, (uint64_t)st.st_mtim.tv_nsec};
        return rasid__hash64(v, sizeof v, 0x657865);
    }
    /* nothing better: the time this file was compiled */
    return rasid__hash64(__DATE__ __TIME__, sizeof(__DATE__ __TIME__), 0);
}

/* ------------------------------------------------------------------ map, write */
int rasid__open_cache(const char *path, void *hdr, size_t hlen, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || (uintmax_t)st.st_size < hlen ||
        (uintmax_t)st.st_size >= SIZE_MAX / 2 || pread(fd, hdr, hlen, 0) != (ssize_t)hlen) {
        close(fd);
        return -1;
    }
    *len = (size_t)st.st_size;
    return fd;
}

void *rasid__map_fd(int fd, size_t len, uintptr_t want, int *moved)
{
    void *p;
#if defined(MAP_FIXED_NOREPLACE) && !defined(__SANITIZE_THREAD__)
    /* never replaces a mapping; a kernel without the flag takes it as a hint. (Not under
     * ThreadSanitizer, which reserves much of the address space and aborts a fixed
     * mapping there: the file is then rebased like any moved mapping.) */
    p = mmap((void *)want, len, PROT_READ, MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);
    if (p != MAP_FAILED && (uintptr_t)p == want) {
        *moved = 0;
        return p;
    }
    if (p != MAP_FAILED) munmap(p, len);
#else
    (void)want;
#endif
    /* no MAP_POPULATE: on a writable private mapping it would copy every page; only the
     * pages the loader rebases are copied, the others stay the page cache's */
    p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return NULL;
    *moved = 1;
    return p;
}

/* ------------------------------------------------------------------ pruning */
/* Is the file at dir/name stale (see rasid__cache_prune)? st: its lstat. */
static int stale(int dfd, const char *name, const struct stat *st, const rasid__cache_stamp *stamp, time_t now)
{
    size_t nl = strlen(name);
    int bin = nl > 12 && !strcmp(name + nl - 4, ".bin");
    /* a writer's temporary (lexicon-*.bin.XXXXXX) a day old: that writer died */
    if (!bin) return now - st->st_mtime > 24 * 3600;
    int fd = openat(dfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return 0;
    char head[8 + 4];
    char dir[PATH_MAX];
    int known = 0;
    if (pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head && !memcmp(head, stamp->magic, 8) &&
        !memcmp(head + 8, &stamp->version, 4) && stamp->dir_len < sizeof dir &&
        pread(fd, dir, stamp->dir_len, (off_t)stamp->dir_off) == (ssize_t)stamp->dir_len) {
        dir[stamp->dir_len] = 0;
        known = dir[0] == '/' && memchr(dir, 0, stamp->dir_len) != NULL;
    }
    close(fd);
    if (known) {
        /* the compilation of a directory that is gone (a temporary copy, a test's) */
        struct stat ds;
        return stat(dir, &ds) != 0 && (errno == ENOENT || errno == ENOTDIR);
    }
    /* whose directory cannot be told (another format version, damage): by age */
    return now - st->st_mtime > (time_t)RASID__CACHE_MAX_DAYS * 24 * 3600;
}

void rasid__cache_prune(const char *written, const rasid__cache_stamp *stamp)
{
    char dir[PATH_MAX];
    size_t n = strlen(written);
    const char *slash = strrchr(written, '/');
    if (!slash || n >= sizeof dir) return;
    memcpy(dir, written, (size_t)(slash - written));
    dir[slash - written] = 0;
    DIR *d = opendir(slash == written ? "/" : dir);
    if (!d) return;
    int dfd = dirfd(d);
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *name = e->d_name;
        if (strncmp(name, "lexicon-", 8) || !strstr(name, ".bin") || !strcmp(name, slash + 1)) continue;
        struct stat st;
        if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) continue;
        if (st.st_uid != geteuid()) continue; /* a shared cache directory: only our own */
        /* unlinking a file another process has mapped leaves its mapping as it is; one
         * about to be opened is compiled again */
        if (stale(dfd, name, &st, stamp, now)) unlinkat(dfd, name, 0);
    }
    closedir(d);
}

/* mkdir -p of path's directory part (mode 0700: the cache is the user's) */
static int make_parents(const char *path)
{
    char d[PATH_MAX];
    size_t n = strlen(path);
    if (n >= sizeof d) return -1;
    memcpy(d, path, n + 1);
    char *slash = strrchr(d, '/');
    if (!slash || slash == d) return 0;
    *slash = 0;
    for (char *p = d + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(d, 0700) != 0 && errno != EEXIST) return -1;
        *p = '/';
    }
    return mkdir(d, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

int rasid__write_atomic(const char *path, const void *data, size_t len)
{
    char tmp[PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp) return -1;
    if (make_parents(path) != 0) return -1;
    int fd = mkstemp(tmp);
    if (fd < 0) return -1;
    const char *p = data;
    size_t left = len;
    while (left) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        p += w;
        left -= (size_t)w;
    }
    /* no fsync: after a crash the loader finds a short or damaged file and rebuilds */
    if (close(fd) != 0 || left || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}
