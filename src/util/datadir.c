/*
 * datadir.c — where the dictionaries are: one rule for every program built on librasid.
 *
 * An explicit directory wins; else $RASID_DATA; else the data/ directory next to the
 * executable's source tree or installation (build/rasid -> ../data, bin/rasid ->
 * ../share/rasid/data, or ./data beside it); else "data" in the working directory.
 */
#include "internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *rasid_data_dir(const char *explicit_dir, char *buf, size_t n)
{
    if (explicit_dir && *explicit_dir) return explicit_dir;
    const char *env = getenv("RASID_DATA");
    if (env && *env) return env;
    char exe[PATH_MAX];
    ssize_t l = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (l > 0 && buf && n) {
        exe[l] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            static const char *const rel[] = {"/../data", "/../share/rasid/data", "/data"};
            for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
                snprintf(buf, n, "%s%s", exe, rel[i]);
                if (is_dir(buf)) {
                    char real[PATH_MAX];
                    if (realpath(buf, real) && strlen(real) < n) memcpy(buf, real, strlen(real) + 1);
                    return buf;
                }
            }
        }
    }
    return "data";
}
