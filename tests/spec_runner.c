/*
 * spec_runner.c — runs the examples of rasid's spec files (tests/spec/NAME.md).
 *
 * A spec file is Markdown. An example starts at a heading "## example: NAME" and ends at
 * the next heading; its fenced blocks say what to run and what to expect:
 *
 *   ```cmd        shell command(s), run by /bin/sh -c; `rasid` is the binary under test
 *   ```input      bytes for standard input (or for {file}, see below); default: empty
 *   ```output     exact expected standard output; without it stdout is not compared
 *   ```exit       expected exit status (default 0)
 *   ```stderr     each non-empty line must occur somewhere in standard error
 *   ```args-file [NAME]   a file body written to {tmpdir}/NAME (default input.txt); {file}
 *                 in the cmd names it
 *
 * In cmd, {tmpdir} is a fresh per-example directory and {file} a file in it: the
 * args-file block if there is one, else the input block (stdin is then empty).
 * A block's content is its lines, each with its newline; the attribute `noeol` on an
 * input, output or args-file block (```output noeol) drops the final newline.
 * Fences of more than three backticks allow ``` inside a block.
 *
 * Usage: spec_runner [--valgrind] [--valgrind-every N] [--verbose] [--filter TEXT]
 *                    [--timeout SECONDS] [--data DIR] RASID SPEC.md...
 * Each command runs with RASID on PATH as `rasid` (under valgrind with --valgrind; with
 * --valgrind-every N only every Nth example runs under valgrind, the others natively),
 * RASID_DATA set to --data (default: the data/ directory beside the spec files' tests/),
 * in the current directory. The last line printed is "N passed, N failed"; the exit
 * status is 1 when anything failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_CAPTURE ((size_t)64 << 20)

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void sb_put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 256;
        while (nc < b->len + n + 1) nc *= 2;
        char *q = realloc(b->p, nc);
        if (!q) {
            fputs("spec_runner: out of memory\n", stderr);
            exit(2);
        }
        b->p = q;
        b->cap = nc;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}
static void sb_puts(sbuf *b, const char *s) { sb_put(b, s, strlen(s)); }
static const char *sb_str(sbuf *b) { return b->p ? b->p : ""; }

typedef struct block {
    int present;
    int noeol;
    char attr[256];
    sbuf body;
} block;

typedef struct example {
    char name[512];
    const char *file;
    int line;
    block cmd, input, output, exitb, err, args;
} example;

static struct {
    int valgrind, verbose, vg_every, nexamples;
    const char *filter;
    int timeout;
    char root[PATH_MAX];
    char bindir[PATH_MAX + 16];
    char vgbindir[PATH_MAX + 16];
    char path_plain[8192], path_vg[8192];
    char data[PATH_MAX];
    int passed, failed, seq;
} G;

/* ------------------------------------------------------------ helpers */
static int write_file(const char *path, const char *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    size_t w = fwrite(s, 1, n, f);
    int rc = fclose(f);
    return (w == n && rc == 0) ? 0 : -1;
}

static int rm_cb(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st;
    (void)flag;
    (void)ftw;
    remove(p);
    return 0;
}

static void rm_rf(const char *p) { nftw(p, rm_cb, 16, FTW_DEPTH | FTW_PHYS); }

static void replace_all(sbuf *out, const char *s, const char *from, const char *to)
{
    size_t fl = strlen(from);
    const char *p;
    while ((p = strstr(s, from)) != NULL) {
        sb_put(out, s, (size_t)(p - s));
        sb_puts(out, to);
        s = p + fl;
    }
    sb_puts(out, s);
}

/* Content of a block as the test means it (noeol drops the final newline). */
static const char *content(block *b, size_t *n)
{
    *n = b->body.len;
    if (b->noeol && *n > 0 && b->body.p[*n - 1] == '\n') (*n)--;
    return sb_str(&b->body);
}

/* ------------------------------------------------------------ diff */
typedef struct lines {
    const char **s;
    size_t *n;
    size_t count;
} lines;

static lines split_lines(const char *p, size_t len)
{
    lines l = {0};
    size_t cap = 16;
    l.s = malloc(cap * sizeof *l.s);
    l.n = malloc(cap * sizeof *l.n);
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(p + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - p) + 1 : len;
        if (l.count == cap) {
            cap *= 2;
            l.s = realloc(l.s, cap * sizeof *l.s);
            l.n = realloc(l.n, cap * sizeof *l.n);
        }
        l.s[l.count] = p + i;
        l.n[l.count] = e - i;
        l.count++;
        i = e;
    }
    return l;
}

static void print_line(char mark, const char *s, size_t n)
{
    fputc(mark, stdout);
    fputc(' ', stdout);
    int nl = n > 0 && s[n - 1] == '\n';
    fwrite(s, 1, nl ? n - 1 : n, stdout);
    if (!nl) fputs("\\ (no newline at end)", stdout);
    fputc('\n', stdout);
}

static int same(const lines *a, size_t i, const lines *b, size_t j)
{
    return a->n[i] == b->n[j] && memcmp(a->s[i], b->s[j], a->n[i]) == 0;
}

/* An LCS diff of expected (-) against actual (+), with two lines of context. */
static void diff(const char *exp, size_t elen, const char *act, size_t alen)
{
    lines a = split_lines(exp, elen), b = split_lines(act, alen);
    size_t n = a.count, m = b.count;
    printf("  --- expected\n  +++ actual\n");
    if (n > 2000 || m > 2000) {
        size_t i = 0;
        while (i < n && i < m && same(&a, i, &b, i)) i++;
        printf("  (large outputs: first difference at line %zu)\n", i + 1);
        for (size_t k = i; k < n && k < i + 10; k++) print_line('-', a.s[k], a.n[k]);
        for (size_t k = i; k < m && k < i + 10; k++) print_line('+', b.s[k], b.n[k]);
        goto done;
    }
    {
        unsigned *t = calloc((n + 1) * (m + 1), sizeof *t);
#define T(i, j) t[(size_t)(i) * (m + 1) + (j)]
        for (size_t i = n; i-- > 0;)
            for (size_t j = m; j-- > 0;)
                T(i, j) = same(&a, i, &b, j) ? T(i + 1, j + 1) + 1
                                             : (T(i + 1, j) > T(i, j + 1) ? T(i + 1, j) : T(i, j + 1));
        /* walk, printing changed lines with context */
        char *mark = malloc(n + m + 2);
        const char **ls = malloc((n + m + 2) * sizeof *ls);
        size_t *ln = malloc((n + m + 2) * sizeof *ln);
        size_t k = 0, i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(&a, i, &b, j)) {
                mark[k] = ' '; ls[k] = a.s[i]; ln[k] = a.n[i]; k++; i++; j++;
            } else if (j < m && (i == n || T(i, j + 1) >= T(i + 1, j))) {
                mark[k] = '+'; ls[k] = b.s[j]; ln[k] = b.n[j]; k++; j++;
            } else {
                mark[k] = '-'; ls[k] = a.s[i]; ln[k] = a.n[i]; k++; i++;
            }
        }
        int printed = 0;
        size_t last = (size_t)-1;
        for (size_t x = 0; x < k && printed < 80; x++) {
            int near = 0;
            for (size_t d = (x >= 2 ? x - 2 : 0); d <= x + 2 && d < k; d++)
                if (mark[d] != ' ') near = 1;
            if (!near) continue;
            if (last != (size_t)-1 && x > last + 1) printf("  ...\n");
            print_line(mark[x], ls[x], ln[x]);
            printed++;
            last = x;
        }
        if (printed >= 80) printf("  ... (more differences)\n");
        free(mark);
        free(ls);
        free(ln);
        free(t);
#undef T
    }
done:
    free(a.s);
    free(a.n);
    free(b.s);
    free(b.n);
}

/* ------------------------------------------------------------ running */
typedef struct result {
    sbuf out, err;
    int status; /* exit code, or 128 + signal */
    int timed_out;
} result;

static void run_cmd(const char *cmd, const char *stdin_path, int timeout, result *r)
{
    int po[2], pe[2];
    memset(r, 0, sizeof *r);
    if (pipe(po) || pipe(pe)) {
        perror("spec_runner: pipe");
        exit(2);
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("spec_runner: fork");
        exit(2);
    }
    if (pid == 0) {
        setpgid(0, 0);
        int fd = open(stdin_path, O_RDONLY);
        if (fd >= 0) {
            dup2(fd, 0);
            close(fd);
        }
        dup2(po[1], 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(po[1]);
        close(pe[0]);
        close(pe[1]);
        execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
        _exit(127);
    }
    setpgid(pid, pid);
    close(po[1]);
    close(pe[1]);
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    int open_fds = 2;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    char buf[65536];
    while (open_fds > 0) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long ms = (long)(now.tv_sec - t0.tv_sec) * 1000 + (now.tv_nsec - t0.tv_nsec) / 1000000;
        long left = (long)timeout * 1000 - ms;
        if (left <= 0) {
            r->timed_out = 1;
            kill(-pid, SIGKILL);
            kill(pid, SIGKILL);
            break;
        }
        int pr = poll(fds, 2, (int)(left > 1000 ? 1000 : left));
        if (pr < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
                continue;
            }
            sbuf *dst = i == 0 ? &r->out : &r->err;
            if (dst->len < MAX_CAPTURE) sb_put(dst, buf, (size_t)n);
        }
    }
    for (int i = 0; i < 2; i++)
        if (fds[i].fd >= 0) close(fds[i].fd);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    kill(-pid, SIGKILL); /* leftovers of the command's process group */
    if (WIFEXITED(st)) r->status = WEXITSTATUS(st);
    else if (WIFSIGNALED(st)) r->status = 128 + WTERMSIG(st);
    sb_put(&r->out, "", 0);
    sb_put(&r->err, "", 0);
}

static void show_stderr(const char *s)
{
    if (!*s) return;
    printf("  stderr:\n");
    int lines_ = 0;
    const char *p = s;
    while (*p && lines_ < 30) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        printf("    %.*s\n", (int)n, p);
        lines_++;
        p = nl ? nl + 1 : p + n;
    }
    if (*p) printf("    ...\n");
}

static void fail_head(example *ex, int *printed)
{
    if (*printed) return;
    *printed = 1;
    printf("FAIL %s:%d: %s\n", ex->file, ex->line, ex->name);
}

static void run_example(example *ex)
{
    if (G.filter && !strstr(ex->name, G.filter)) return;
    int printed = 0;
    if (!ex->cmd.present) {
        fail_head(ex, &printed);
        printf("  no ```cmd block\n");
        G.failed++;
        return;
    }
    char tmpdir[PATH_MAX + 32];
    snprintf(tmpdir, sizeof tmpdir, "%s/ex%d", G.root, ++G.seq);
    if (mkdir(tmpdir, 0700) != 0) {
        perror("spec_runner: mkdir");
        exit(2);
    }
    size_t n;
    const char *body;
    char file[PATH_MAX + 600] = "";
    char stdin_path[PATH_MAX + 64] = "/dev/null";
    const char *cmd0 = sb_str(&ex->cmd.body);
    if (ex->args.present) {
        snprintf(file, sizeof file, "%s/%s", tmpdir, ex->args.attr[0] ? ex->args.attr : "input.txt");
        body = content(&ex->args, &n);
        write_file(file, body, n);
    }
    if (ex->input.present) {
        body = content(&ex->input, &n);
        if (!ex->args.present && strstr(cmd0, "{file}")) {
            snprintf(file, sizeof file, "%s/%s", tmpdir, ex->input.attr[0] ? ex->input.attr : "input.txt");
            write_file(file, body, n);
        } else {
            snprintf(stdin_path, sizeof stdin_path, "%s/.stdin", tmpdir);
            write_file(stdin_path, body, n);
        }
    }
    int under_vg = G.valgrind && (G.nexamples++ % G.vg_every) == 0;
    setenv("PATH", under_vg ? G.path_vg : G.path_plain, 1);
    sbuf c1 = {0}, c2 = {0};
    replace_all(&c1, cmd0, "{tmpdir}", tmpdir);
    replace_all(&c2, sb_str(&c1), "{file}", file[0] ? file : "/dev/null");
    result r;
    run_cmd(sb_str(&c2), stdin_path, G.timeout, &r);

    int ok = 1;
    if (r.timed_out) {
        fail_head(ex, &printed);
        printf("  timed out after %d s (killed)\n", G.timeout);
        ok = 0;
    }
    int want = 0;
    if (ex->exitb.present) want = atoi(sb_str(&ex->exitb.body));
    if (ok && under_vg && r.status == 99 && want != 99) {
        fail_head(ex, &printed);
        printf("  valgrind reported errors\n");
        show_stderr(sb_str(&r.err));
        ok = 0;
    }
    if (ok && r.status != want) {
        fail_head(ex, &printed);
        printf("  exit status %d, expected %d\n", r.status, want);
        show_stderr(sb_str(&r.err));
        ok = 0;
    }
    if (ex->output.present) {
        const char *exp = content(&ex->output, &n);
        if (n != r.out.len || memcmp(exp, sb_str(&r.out), n) != 0) {
            fail_head(ex, &printed);
            printf("  stdout differs:\n");
            diff(exp, n, sb_str(&r.out), r.out.len);
            if (ok) show_stderr(sb_str(&r.err));
            ok = 0;
        }
    }
    if (ex->err.present) {
        const char *p = sb_str(&ex->err.body);
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t len = nl ? (size_t)(nl - p) : strlen(p);
            if (len > 0) {
                char *want_s = strndup(p, len);
                if (!strstr(sb_str(&r.err), want_s)) {
                    fail_head(ex, &printed);
                    printf("  stderr lacks: %s\n", want_s);
                    show_stderr(sb_str(&r.err));
                    ok = 0;
                }
                free(want_s);
            }
            p = nl ? nl + 1 : p + len;
        }
    }
    if (ok) {
        G.passed++;
        if (G.verbose) printf("ok   %s:%d: %s\n", ex->file, ex->line, ex->name);
    } else {
        G.failed++;
        printf("  cmd: %s\n", sb_str(&c2));
    }
    free(c1.p);
    free(c2.p);
    free(r.out.p);
    free(r.err.p);
    rm_rf(tmpdir);
}

/* ------------------------------------------------------------ parsing */
static void example_free(example *ex)
{
    block *bs[] = {&ex->cmd, &ex->input, &ex->output, &ex->exitb, &ex->err, &ex->args};
    for (size_t i = 0; i < sizeof bs / sizeof bs[0]; i++) free(bs[i]->body.p);
    memset(ex, 0, sizeof *ex);
}

static void run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("FAIL %s: %s\n", path, strerror(errno));
        G.failed++;
        return;
    }
    example ex;
    memset(&ex, 0, sizeof ex);
    int have = 0;
    block *cur = NULL; /* open fence's block (NULL: ignored block) */
    int in_fence = 0;
    size_t fence_len = 0;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int lineno = 0;
    block dummy;
    memset(&dummy, 0, sizeof dummy);
    while ((got = getline(&line, &cap, f)) >= 0) {
        lineno++;
        size_t len = (size_t)got;
        if (in_fence) {
            size_t bt = 0;
            while (bt < len && line[bt] == '`') bt++;
            int closing = bt >= fence_len;
            for (size_t k = bt; k < len && closing; k++)
                if (line[k] != ' ' && line[k] != '\t' && line[k] != '\n' && line[k] != '\r') closing = 0;
            if (closing) {
                in_fence = 0;
                cur = NULL;
                continue;
            }
            if (cur) sb_put(&cur->body, line, len);
            continue;
        }
        if (len >= 3 && strncmp(line, "```", 3) == 0) {
            fence_len = 0;
            while (fence_len < len && line[fence_len] == '`') fence_len++;
            char info[512];
            snprintf(info, sizeof info, "%s", line + fence_len);
            info[strcspn(info, "\r\n")] = 0;
            char *kind = strtok(info, " \t");
            char *attr = kind ? strtok(NULL, " \t") : NULL;
            char *attr2 = attr ? strtok(NULL, " \t") : NULL;
            in_fence = 1;
            cur = NULL;
            if (!have || !kind) {
                cur = NULL;
            } else if (!strcmp(kind, "cmd")) cur = &ex.cmd;
            else if (!strcmp(kind, "input")) cur = &ex.input;
            else if (!strcmp(kind, "output")) cur = &ex.output;
            else if (!strcmp(kind, "exit")) cur = &ex.exitb;
            else if (!strcmp(kind, "stderr")) cur = &ex.err;
            else if (!strcmp(kind, "args-file")) cur = &ex.args;
            if (cur) {
                if (cur->present) { /* a repeated block replaces the first */
                    free(cur->body.p);
                    memset(&cur->body, 0, sizeof cur->body);
                }
                cur->present = 1;
                const char *as[2] = {attr, attr2};
                for (int k = 0; k < 2; k++) {
                    if (!as[k]) continue;
                    if (!strcmp(as[k], "noeol")) cur->noeol = 1;
                    else snprintf(cur->attr, sizeof cur->attr, "%s", as[k]);
                }
            }
            continue;
        }
        if (line[0] == '#') {
            if (have) {
                run_example(&ex);
                example_free(&ex);
                have = 0;
            }
            const char *tag = "## example:";
            if (strncmp(line, tag, strlen(tag)) == 0) {
                const char *nm = line + strlen(tag);
                while (*nm == ' ' || *nm == '\t') nm++;
                snprintf(ex.name, sizeof ex.name, "%s", nm);
                ex.name[strcspn(ex.name, "\r\n")] = 0;
                ex.file = path;
                ex.line = lineno;
                have = 1;
            }
        }
    }
    if (in_fence && have) {
        printf("FAIL %s:%d: unclosed code fence in example '%s'\n", path, lineno, ex.name);
        G.failed++;
        example_free(&ex);
        have = 0;
    }
    if (have) run_example(&ex);
    example_free(&ex);
    free(line);
    fclose(f);
}

/* ------------------------------------------------------------ main */
static void cleanup(void)
{
    if (G.root[0]) rm_rf(G.root);
}

int main(int argc, char **argv)
{
    G.timeout = 20;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        if (!strcmp(argv[i], "--valgrind")) G.valgrind = 1;
        else if (!strcmp(argv[i], "--valgrind-every") && i + 1 < argc) G.vg_every = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--verbose")) G.verbose = 1;
        else if (!strcmp(argv[i], "--filter") && i + 1 < argc) G.filter = argv[++i];
        else if (!strcmp(argv[i], "--timeout") && i + 1 < argc) G.timeout = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--data") && i + 1 < argc) snprintf(G.data, sizeof G.data, "%s", argv[++i]);
        else {
            fprintf(stderr, "spec_runner: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (argc - i < 1) {
        fprintf(stderr, "usage: spec_runner [--valgrind] [--valgrind-every N] [--verbose] [--filter TEXT] [--timeout S] "
                        "[--data DIR] RASID SPEC.md...\n");
        return 2;
    }
    if (G.valgrind && G.timeout == 20) G.timeout = 120;
    char rasid[PATH_MAX];
    if (!realpath(argv[i], rasid)) {
        fprintf(stderr, "spec_runner: %s: %s\n", argv[i], strerror(errno));
        return 2;
    }
    i++;
    const char *tmp = getenv("TMPDIR");
    snprintf(G.root, sizeof G.root, "%s/rasid-spec.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(G.root)) {
        perror("spec_runner: mkdtemp");
        return 2;
    }
    atexit(cleanup);
    if (G.vg_every < 1) G.vg_every = 1;
    snprintf(G.bindir, sizeof G.bindir, "%s/bin", G.root);
    snprintf(G.vgbindir, sizeof G.vgbindir, "%s/bin-vg", G.root);
    for (int vg = 0; vg < 2; vg++) {
        const char *dir = vg ? G.vgbindir : G.bindir;
        mkdir(dir, 0700);
        char wrapper[PATH_MAX + 32];
        snprintf(wrapper, sizeof wrapper, "%s/rasid", dir);
        sbuf w = {0};
        sb_puts(&w, "#!/bin/sh\nexec ");
        if (vg)
            sb_puts(&w, "valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect "
                        "--error-exitcode=99 -q ");
        sb_puts(&w, "'");
        sb_puts(&w, rasid);
        sb_puts(&w, "' \"$@\"\n");
        if (write_file(wrapper, w.p, w.len) != 0 || chmod(wrapper, 0755) != 0) {
            perror("spec_runner: wrapper");
            return 2;
        }
        free(w.p);
    }
    const char *path = getenv("PATH");
    snprintf(G.path_plain, sizeof G.path_plain, "%s:%s", G.bindir, path ? path : "/usr/bin:/bin");
    snprintf(G.path_vg, sizeof G.path_vg, "%s:%s", G.vgbindir, path ? path : "/usr/bin:/bin");
    setenv("PATH", G.path_plain, 1);
    if (!G.data[0] && i < argc) {
        /* tests/spec/x.md -> data/ beside tests/ */
        char real[PATH_MAX];
        if (realpath(argv[i], real)) {
            for (int up = 0; up < 3; up++) {
                char *s = strrchr(real, '/');
                if (s) *s = 0;
            }
            snprintf(G.data, sizeof G.data, "%.*s/data", (int)(sizeof G.data - 6), real);
        }
    }
    if (G.data[0]) setenv("RASID_DATA", G.data, 1);
    signal(SIGPIPE, SIG_IGN);
    for (; i < argc; i++) run_file(argv[i]);
    printf("%d passed, %d failed\n", G.passed, G.failed);
    return G.failed ? 1 : 0;
}
