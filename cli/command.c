/* The guest command: where it is in the rootfs and whether the kernel (and lsl2)
 * can run it, decided before any namespace or mount exists. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/command.h"
#include "cli/rootfs.h"

enum { ST_CANNOT_EXEC = 126, ST_NOT_FOUND = 127 };

static int fail(char *err, size_t errlen, int status, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static int fail(char *err, size_t errlen, int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return status;
}

static const char *brand_name(enum elf_brand b)
{
    return b == BRAND_FREEBSD ? "freebsd" : "linux";
}

/* Opens the regular executable file at guest path `resolved`; returns an fd or a
 * negative status after filling err. */
static int open_program(const char *root, const char *shown, const char *resolved,
                        char *err, size_t errlen)
{
    char host[PATH_MAX];
    struct stat st;
    if (rootfs_host_path(root, resolved, host, sizeof host) < 0)
        return -fail(err, errlen, ST_CANNOT_EXEC, "%s: %s", shown, strerror(ENAMETOOLONG));
    int fd = open(host, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
    if (fd < 0 || fstat(fd, &st) < 0) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        return -fail(err, errlen, ST_CANNOT_EXEC, "%s: %s", shown, strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return -fail(err, errlen, ST_CANNOT_EXEC, "%s: %s", shown,
                     S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
    }
    if (!(st.st_mode & 0111)) {
        close(fd);
        return -fail(err, errlen, ST_CANNOT_EXEC, "%s: not executable (mode %04o)", shown,
                     (unsigned)(st.st_mode & 07777));
    }
    return fd;
}

/* The interpreter named on a "#!" line (the first word), read from fd. */
static int shebang(int fd, char *interp, size_t len)
{
    char buf[256];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n < 2 || buf[0] != '#' || buf[1] != '!')
        return 0;
    buf[n] = '\0';
    char *p = buf + 2;
    p += strspn(p, " \t");
    size_t w = strcspn(p, " \t\n");
    if (w == 0 || w >= len)
        return -1;
    memcpy(interp, p, w);
    interp[w] = '\0';
    return 1;
}

/* Checks the ELF loader named by PT_INTERP. */
static int check_interp(const char *root, const char *cwd, const char *shown, struct command *c,
                        char *err, size_t errlen)
{
    char where[PATH_MAX], why[200];
    int r = rootfs_resolve(root, cwd, c->elf.interp, where, sizeof where);
    if (r < 0)
        return fail(err, errlen, ST_CANNOT_EXEC, "%s: interpreter %s: %s in rootfs %s", shown,
                    c->elf.interp, r == -ENOENT ? "not found" : strerror(-r), root);
    int fd = open_program(root, c->elf.interp, where, why, sizeof why);
    if (fd < 0)
        return fail(err, errlen, ST_CANNOT_EXEC, "%s: interpreter %s", shown, why);
    struct elf_info ie;
    int ok = elf_inspect_fd(fd, &ie, why, sizeof why);
    close(fd);
    if (ok < 0)
        return fail(err, errlen, ST_CANNOT_EXEC, "%s: interpreter %s: %s", shown, c->elf.interp, why);
    return 0;
}

/* Checks the program at guest path `path`; depth counts #! levels. */
static int check_program(const char *root, const char *cwd, const char *path, int depth,
                         struct command *c, char *err, size_t errlen)
{
    char resolved[PATH_MAX], why[200], interp[PATH_MAX];
    int r = rootfs_resolve(root, cwd, path, resolved, sizeof resolved);
    if (r < 0) {
        if (depth > 0)   /* a script's interpreter: the script exists, so it's 126 */
            return fail(err, errlen, ST_CANNOT_EXEC, "#! interpreter %s: %s in rootfs %s", path,
                        r == -ENOENT ? "not found" : strerror(-r), root);
        if (r == -ENOENT)
            return fail(err, errlen, ST_NOT_FOUND, "%s: not found in rootfs %s", path, root);
        return fail(err, errlen, ST_CANNOT_EXEC, "%s: %s", path, strerror(-r));
    }
    if (depth == 0)
        snprintf(c->resolved, sizeof c->resolved, "%s", resolved);
    int fd = open_program(root, path, resolved, err, errlen);
    if (fd < 0)
        return -fd;

    int sb = shebang(fd, interp, sizeof interp);
    if (sb != 0) {
        close(fd);
        if (sb < 0)
            return fail(err, errlen, ST_CANNOT_EXEC, "%s: bad #! line", path);
        if (depth >= COMMAND_MAX_SCRIPT_DEPTH)
            return fail(err, errlen, ST_CANNOT_EXEC, "%s: too many levels of #! interpreters", path);
        c->script = true;
        size_t l = strlen(c->what);
        snprintf(c->what + l, sizeof c->what - l, "script for %s → ", interp);
        return check_program(root, cwd, interp, depth + 1, c, err, errlen);
    }
    r = elf_inspect_fd(fd, &c->elf, why, sizeof why);
    close(fd);
    if (r < 0)
        return fail(err, errlen, ST_CANNOT_EXEC, "%s: %s%s", path, why,
                    strcmp(why, "not an ELF file") == 0 || strcmp(why, "empty file") == 0
                        ? " and not a #! script" : "");
    if (c->elf.has_interp && (r = check_interp(root, cwd, path, c, err, errlen)) != 0)
        return r;
    c->brand = c->elf.brand;
    size_t l = strlen(c->what);
    snprintf(c->what + l, sizeof c->what - l, "%s%sELF x86-64 %s %s, interpreter %s",
             depth ? resolved : "", depth ? ": " : "",
             c->elf.type == 3 /* ET_DYN */ ? "PIE/shared" : "executable",
             brand_name(c->brand), c->elf.has_interp ? c->elf.interp : "none");
    return 0;
}

int command_find(const char *root, const char *cwd, const char *path, const char *name,
                 struct command *c, char *err, size_t errlen)
{
    memset(c, 0, sizeof *c);
    if (name[0] == '\0')
        return fail(err, errlen, ST_NOT_FOUND, "empty command name");
    if (strchr(name, '/')) {
        if (snprintf(c->path, sizeof c->path, "%s", name) >= (int)sizeof c->path)
            return fail(err, errlen, ST_CANNOT_EXEC, "%s: %s", name, strerror(ENAMETOOLONG));
        return check_program(root, cwd, name, 0, c, err, errlen);
    }

    /* execvp's search: the first candidate that exists and can be run wins; one that
     * exists but cannot be run is reported (126) only if nothing later fits. */
    char first_err[1024] = "";
    const char *p = path ? path : "";
    for (;;) {
        size_t dl = strcspn(p, ":");
        char cand[PATH_MAX];
        int n = dl ? snprintf(cand, sizeof cand, "%.*s/%s", (int)dl, p, name)
                   : snprintf(cand, sizeof cand, "%s", name);   /* empty entry: cwd */
        if (n > 0 && (size_t)n < sizeof cand) {
            struct command tryc;
            char e[1024];
            memset(&tryc, 0, sizeof tryc);
            int r = check_program(root, cwd, cand, 0, &tryc, e, sizeof e);
            if (r == 0) {
                *c = tryc;
                snprintf(c->path, sizeof c->path, "%s", cand);
                return 0;
            }
            if (r != ST_NOT_FOUND && first_err[0] == '\0')
                snprintf(first_err, sizeof first_err, "%s", e);
        }
        if (p[dl] == '\0')
            break;
        p += dl + 1;
    }
    if (first_err[0])
        return fail(err, errlen, ST_CANNOT_EXEC, "%s", first_err);
    return fail(err, errlen, ST_NOT_FOUND, "%s: command not found in rootfs %s (guest PATH %s)",
                name, root, path ? path : "");
}
