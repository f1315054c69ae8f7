/* lsl2 link / unlink: host commands NAME:CMD.  Each is a small shell script that
 * execs "lsl2 run --here NAME -- CMD ARGS...", so it keeps the caller's streams,
 * arguments and exit status, and runs in the caller's directory (bound into the
 * guest with the caller's home).  The second line marks the script as lsl2's, so
 * that link refreshes and unlink removes only lsl2's own files. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/command.h"
#include "cli/report.h"
#include "cli/rootfs.h"
#include "cli/subsys.h"

#define MARK "# lsl2-link "

/* Where --all looks, in the order a default PATH would. */
static const char *const bin_dirs[] = {
    "/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin",
};
static const char default_path[] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

static void default_dir(char *out, size_t len)
{
    const char *h = getenv("HOME");
    if (geteuid() == 0 || !h || h[0] != '/')
        snprintf(out, len, "/usr/local/bin");
    else
        snprintf(out, len, "%s/.local/bin", h);
}

/* A command name usable in a file name and a shell word. */
static bool cmd_name_ok(const char *c)
{
    if (!c[0] || strcmp(c, ".") == 0 || strcmp(c, "..") == 0)
        return false;
    for (; *c; c++)
        if (*c == '/' || *c == '\n' || *c == '\'' || (unsigned char)*c < 0x20)
            return false;
    return true;
}

/* The NAME and the guest command of an lsl2 link script, from its marker line
 * "# lsl2-link NAME CMD" (CMD: as given to link, or the guest path for --all). */
static bool read_mark(int dirfd, const char *file, char *name, char *cmd, size_t len)
{
    int fd = openat(dirfd, file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return false;
    char buf[1024];
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return false;
    buf[n] = '\0';
    char *m = strstr(buf, "\n" MARK);
    if (!m)
        return false;
    m += 1 + strlen(MARK);
    m[strcspn(m, "\n")] = '\0';
    char *sp = strchr(m, ' ');
    if (!sp)
        return false;
    *sp = '\0';
    snprintf(name, len, "%s", m);
    snprintf(cmd, len, "%s", sp + 1);
    return true;
}

/* Writes DIR/NAME:LINK running the guest command target (LINK, or a guest path). */
static int write_link(int dirfd, const char *dir, const char *name, const char *link,
                      const char *target, const char *self, const char *home)
{
    char file[NAME_MAX + 1], tmp[NAME_MAX + 32];
    if (snprintf(file, sizeof file, "%s:%s", name, link) >= (int)sizeof file)
        return -ENAMETOOLONG;
    struct stat st;
    char n2[256], c2[PATH_MAX];
    if (fstatat(dirfd, file, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        !read_mark(dirfd, file, n2, c2, sizeof n2)) {
        report_error("link: %s/%s exists and was not made by lsl2; left alone", dir, file);
        return -EEXIST;
    }
    snprintf(tmp, sizeof tmp, ".%s.%d", file, (int)getpid());
    int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
    if (fd < 0)
        return -errno;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        unlinkat(dirfd, tmp, 0);
        return -ENOMEM;
    }
    /* self, home, name and target hold no single quote (checked by the callers).  The
     * store goes with the link: it must find the subsystem whatever the caller's
     * LSL2_HOME is then. */
    fprintf(f, "#!/bin/sh\n" MARK "%s %s\n"
               "# runs %s in the lsl2 subsystem %s, in the current directory\n"
               "LSL2_HOME='%s' exec '%s' run --here '%s' -- '%s' \"$@\"\n",
            name, target, target, name, home, self, name, target);
    int r = fclose(f) == 0 ? 0 : -errno;
    if (r == 0 && renameat(dirfd, tmp, dirfd, file) < 0)
        r = -errno;
    if (r < 0)
        unlinkat(dirfd, tmp, 0);
    return r;
}

/* The guest's PATH for this subsystem (config env.PATH, else lsl2's default). */
static void guest_path(const struct ini *ini, char *out, size_t len)
{
    if (!ini_get(ini, "env.PATH", out, len) || !out[0])
        snprintf(out, len, "%s", default_path);
}

static bool guest_has_cmd(const char *root, const char *path, const char *cmd)
{
    static struct command c;
    char err[PATH_MAX + 128];
    return command_find(root, "/", path, cmd, &c, err, sizeof err) == 0;
}

struct seen_ctx { const char *want; bool found; };

static int seen_dir(const char *v, void *arg)
{
    struct seen_ctx *c = arg;
    if (strcmp(v, c->want) == 0)
        c->found = true;
    return 0;
}

static int add_dir_entry(struct ini *ini, const char *dir)
{
    struct seen_ctx c = { dir, false };
    ini_each(ini, "link.dir", seen_dir, &c);
    return c.found ? 0 : ini_add(ini, "link.dir", dir);
}

int link_main(const struct store *s, const char *name, const char *dir_arg, bool all,
              char *const *cmds, int ncmds, const char *self)
{
    struct ini ini;
    char root[PATH_MAX], dir[PATH_MAX], want[PATH_MAX], path[4096], cfg[PATH_MAX];
    int st = store_load(s, name, &ini);
    if (st)
        return st;
    if (store_rootfs(s, name, &ini, root, sizeof root) < 0) {
        report_error("link: subsystem %s has no path", name);
        ini_free(&ini);
        return 125;
    }
    if (strchr(self, '\'') || strchr(s->home, '\'')) {
        report_error("link: the path of lsl2 (%s) or of the store (%s) holds a quote", self, s->home);
        ini_free(&ini);
        return 125;
    }
    guest_path(&ini, path, sizeof path);
    if (dir_arg)
        snprintf(want, sizeof want, "%s", dir_arg);
    else
        default_dir(want, sizeof want);
    mkdir(want, 0755);
    if (!realpath(want, dir)) {
        report_error("link: %s: %s", want, strerror(errno));
        ini_free(&ini);
        return 125;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0) {
        report_error("link: %s: %s", dir, strerror(errno));
        ini_free(&ini);
        return 125;
    }
    int status = 0, made = 0, removed = 0;
    void *done = NULL;          /* command names linked in this run */
    for (int i = 0; i < ncmds; i++) {
        if (!cmd_name_ok(cmds[i])) {
            report_error("link: bad command name '%s' (a name, no '/')", cmds[i]);
            status = 125;
        } else if (!guest_has_cmd(root, path, cmds[i])) {
            report_error("link: %s: no executable command %s in the guest's PATH", name, cmds[i]);
            status = 127;
        } else if (write_link(dfd, dir, name, cmds[i], cmds[i], self, s->home) == 0) {
            char *key = strdup(cmds[i]);
            void *got = key ? tsearch(key, &done, (int (*)(const void *, const void *))strcmp) : NULL;
            if (!got || *(char **)got != key)
                free(key);
            made++;
        } else {
            status = 125;
        }
    }
    for (size_t d = 0; all && d < sizeof bin_dirs / sizeof bin_dirs[0]; d++) {
        char g[PATH_MAX], h[PATH_MAX];
        if (rootfs_resolve(root, "/", bin_dirs[d], g, sizeof g) < 0 ||
            rootfs_host_path(root, g, h, sizeof h) < 0)
            continue;
        DIR *dd = opendir(h);
        for (struct dirent *e; dd && (e = readdir(dd)) != NULL;) {
            char full[PATH_MAX + NAME_MAX + 2], res[PATH_MAX], hp[PATH_MAX];
            struct stat sb;
            if (e->d_name[0] == '.' || !cmd_name_ok(e->d_name))
                continue;
            snprintf(full, sizeof full, "%s/%s", g, e->d_name);
            if (rootfs_resolve(root, "/", full, res, sizeof res) < 0 ||
                rootfs_host_path(root, res, hp, sizeof hp) < 0 || stat(hp, &sb) < 0 ||
                !S_ISREG(sb.st_mode) || !(sb.st_mode & 0111))
                continue;
            /* The first directory of the list wins, as in a PATH search. */
            char *key = strdup(e->d_name);
            void *got = key ? tsearch(key, &done, (int (*)(const void *, const void *))strcmp) : NULL;
            if (!got || *(char **)got != key) {
                free(key);
                continue;
            }
            if (strchr(full, '\''))
                continue;
            if (write_link(dfd, dir, name, e->d_name, full, self, s->home) == 0)
                made++;
        }
        if (dd)
            closedir(dd);
    }
    /* Refresh the links made before this run: rewrite them (lsl2 may have moved), drop
     * those whose command is gone from the guest. */
    DIR *dd = fdopendir(dup(dfd));
    for (struct dirent *e; dd && (e = readdir(dd)) != NULL;) {
        char n2[PATH_MAX], c2[PATH_MAX];
        if (!read_mark(dfd, e->d_name, n2, c2, sizeof n2) || strcmp(n2, name) != 0 ||
            strncmp(e->d_name, name, strlen(name)) != 0 || e->d_name[strlen(name)] != ':')
            continue;
        const char *linkname = e->d_name + strlen(name) + 1;
        if (tfind(linkname, &done, (int (*)(const void *, const void *))strcmp))
            continue;   /* just written */
        if (!guest_has_cmd(root, path, c2)) {
            if (unlinkat(dfd, e->d_name, 0) == 0)
                removed++;
        } else {
            write_link(dfd, dir, name, linkname, c2, self, s->home);
        }
    }
    if (dd)
        closedir(dd);
    tdestroy(done, free);
    close(dfd);
    if (add_dir_entry(&ini, dir) == 0 && store_config_path(s, name, cfg, sizeof cfg) == 0)
        ini_save(&ini, cfg);
    ini_free(&ini);
    fprintf(stderr, "lsl2: link %s: %d host command%s in %s%s", name, made, made == 1 ? "" : "s", dir,
            removed ? "" : "\n");
    if (removed)
        fprintf(stderr, ", %d removed (gone from the guest)\n", removed);
    return status;
}

static int unlink_dir(const char *dir, const char *name, int *count)
{
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd < 0)
        return -errno;
    DIR *dd = fdopendir(dup(dfd));
    for (struct dirent *e; dd && (e = readdir(dd)) != NULL;) {
        char n2[PATH_MAX], c2[PATH_MAX];
        if (read_mark(dfd, e->d_name, n2, c2, sizeof n2) && strcmp(n2, name) == 0 &&
            unlinkat(dfd, e->d_name, 0) == 0)
            (*count)++;
    }
    if (dd)
        closedir(dd);
    close(dfd);
    return 0;
}

struct unlink_ctx { const char *name; int count; };

static int unlink_each(const char *dir, void *arg)
{
    struct unlink_ctx *c = arg;
    unlink_dir(dir, c->name, &c->count);
    return 0;
}

int unlink_main(const struct store *s, const char *name, const char *dir)
{
    struct ini ini;
    char cfg[PATH_MAX];
    int st = store_load(s, name, &ini);
    if (st)
        return st;
    struct unlink_ctx c = { name, 0 };
    if (dir) {
        char real[PATH_MAX];
        int r = realpath(dir, real) ? unlink_dir(real, name, &c.count) : -errno;
        if (r < 0) {
            report_error("unlink: %s: %s", dir, strerror(-r));
            ini_free(&ini);
            return 125;
        }
    } else {
        ini_each(&ini, "link.dir", unlink_each, &c);
        ini_set(&ini, "link.dir", NULL);
        if (store_config_path(s, name, cfg, sizeof cfg) == 0)
            ini_save(&ini, cfg);
    }
    ini_free(&ini);
    fprintf(stderr, "lsl2: unlink %s: %d host command%s removed\n", name, c.count,
            c.count == 1 ? "" : "s");
    return 0;
}
