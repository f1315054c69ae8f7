/* The subsystem store: where it is, names, configs, temporary directories and safe
 * removal of trees. */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/report.h"
#include "cli/store.h"

#define TMP_PREFIX ".tmp-"

int store_home_path(char *out, size_t len)
{
    const char *h = getenv("LSL2_HOME");
    int n;
    if (h && h[0])
        n = snprintf(out, len, "%s", h);
    else if (geteuid() == 0)
        n = snprintf(out, len, "/var/lib/lsl2");
    else if ((h = getenv("XDG_DATA_HOME")) && h[0] == '/')
        n = snprintf(out, len, "%s/lsl2", h);
    else if ((h = getenv("HOME")) && h[0] == '/')
        n = snprintf(out, len, "%s/.local/share/lsl2", h);
    else
        return -ENOENT;
    return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* mkdir -p, with mode for every directory it creates. */
static int mkdirs(const char *path, mode_t mode)
{
    char buf[PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return -ENAMETOOLONG;
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(buf, mode) < 0 && errno != EEXIST)
                return -errno;
            *p = c;
            if (!c)
                break;
        }
    }
    struct stat st;
    if (stat(path, &st) < 0)
        return -errno;
    return S_ISDIR(st.st_mode) ? 0 : -ENOTDIR;
}

int store_open(struct store *s)
{
    char want[PATH_MAX];
    int r = store_home_path(want, sizeof want);
    if (r < 0) {
        report_error("cannot find the subsystem store: set LSL2_HOME or HOME");
        return 125;
    }
    if ((r = mkdirs(want, geteuid() == 0 ? 0755 : 0700)) < 0) {
        report_error("subsystem store %s: %s", want, strerror(-r));
        return 125;
    }
    if (!realpath(want, s->home)) {
        report_error("subsystem store %s: %s", want, strerror(errno));
        return 125;
    }
    store_clean_stale(s);
    return 0;
}

bool store_name_valid(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > STORE_NAME_MAX)
        return false;
    if (!islower((unsigned char)name[0]) && !isdigit((unsigned char)name[0]))
        return false;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (!(islower(c) || isdigit(c) || c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

bool store_check_name(const char *name)
{
    if (store_name_valid(name))
        return true;
    report_error("bad subsystem name '%s' (lower-case letters, digits, '.', '_', '-'; "
                 "starting with a letter or digit; at most %d characters)", name, STORE_NAME_MAX);
    return false;
}

/* Joins path pieces into out; -ENAMETOOLONG when they do not fit. */
static int join(char *out, size_t len, const char *const *parts)
{
    size_t o = 0;
    for (; *parts; parts++) {
        size_t n = strlen(*parts);
        if (o + n + 1 > len)
            return -ENAMETOOLONG;
        memcpy(out + o, *parts, n);
        o += n;
    }
    out[o] = '\0';
    return 0;
}

int store_dir(const struct store *s, const char *name, char *out, size_t len)
{
    return join(out, len, (const char *const[]){ s->home, "/", name, NULL });
}

int store_config_path(const struct store *s, const char *name, char *out, size_t len)
{
    return join(out, len, (const char *const[]){ s->home, "/", name, "/config.ini", NULL });
}

bool store_exists(const struct store *s, const char *name)
{
    char p[PATH_MAX];
    struct stat st;
    return store_name_valid(name) && store_config_path(s, name, p, sizeof p) == 0 &&
           lstat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int store_load(const struct store *s, const char *name, struct ini *ini)
{
    char p[PATH_MAX];
    if (!store_check_name(name))
        return 125;
    if (!store_exists(s, name)) {
        report_error("no subsystem '%s' in %s (see lsl2 list)", name, s->home);
        return 125;
    }
    store_config_path(s, name, p, sizeof p);
    int r = ini_load(ini, p);
    if (r < 0) {
        report_error("%s: %s", p, strerror(-r));
        return 125;
    }
    return 0;
}

int store_rootfs(const struct store *s, const char *name, const struct ini *ini,
                 char *out, size_t len)
{
    char v[PATH_MAX];
    if (!ini_get(ini, "path", v, sizeof v) || !v[0])
        return -ENOENT;
    int n = v[0] == '/' ? snprintf(out, len, "%s", v)
                        : snprintf(out, len, "%s/%s/%s", s->home, name, v);
    return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int store_each(const struct store *s, int (*fn)(const char *, void *), void *arg)
{
    DIR *d = opendir(s->home);
    if (!d)
        return -errno;
    char **names = NULL;
    size_t n = 0;
    int r = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (!store_exists(s, e->d_name))
            continue;
        char **nn = realloc(names, (n + 1) * sizeof *nn);
        if (!nn || !(nn[n] = strdup(e->d_name))) {
            names = nn ? nn : names;
            r = -ENOMEM;
            break;
        }
        names = nn;
        n++;
    }
    closedir(d);
    if (r == 0)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        if (r == 0)
            r = fn(names[i], arg);
        free(names[i]);
    }
    free(names);
    return r;
}

/* ---- temporary directories ---- */

/* A lock file that is locked from the moment it has a name: made unnamed with
 * O_TMPFILE, locked, then linked in, so a cleaner never sees it unlocked while its
 * owner is alive.  Falls back to open+flock where O_TMPFILE is not supported. */
static int locked_file(const char *dir, const char *path)
{
    int fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0) {
        char proc[64];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", fd);
        if (flock(fd, LOCK_EX) == 0 && linkat(AT_FDCWD, proc, AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0)
            return fd;
        int e = errno;
        close(fd);
        if (e == EEXIST)
            return -e;
    }
    fd = open(path, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0600);
    if (fd < 0)
        return -errno;
    flock(fd, LOCK_EX);
    return fd;
}

int store_tmp_create(const struct store *s, const char *what, const char *name,
                     struct store_tmp *t)
{
    static const char set[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    t->lockfd = -1;
    for (int tries = 0; tries < 100; tries++) {
        char suffix[7];
        unsigned v = (unsigned)getpid() * 2654435761u ^ (unsigned)rand() ^ (unsigned)tries * 40503u;
        for (int i = 0; i < 6; i++, v /= 36)
            suffix[i] = set[v % 36];
        suffix[6] = '\0';
        int n = snprintf(t->dir, sizeof t->dir, "%s/" TMP_PREFIX "%s-%s-%s", s->home, what, name, suffix);
        if (n < 0 || (size_t)n + 5 >= sizeof t->dir)
            return -ENAMETOOLONG;
        if (snprintf(t->lock, sizeof t->lock, "%s.lock", t->dir) >= (int)sizeof t->lock)
            return -ENAMETOOLONG;
        int fd = locked_file(s->home, t->lock);
        if (fd == -EEXIST)
            continue;
        if (fd < 0)
            return fd;
        if (mkdir(t->dir, 0755) < 0) {
            int e = errno;
            unlink(t->lock);
            close(fd);
            if (e == EEXIST)
                continue;
            return -e;
        }
        t->lockfd = fd;
        return 0;
    }
    return -EEXIST;
}

void store_tmp_discard(struct store_tmp *t)
{
    if (t->lockfd < 0)
        return;
    store_rm_path(t->dir);
    unlink(t->lock);
    close(t->lockfd);
    t->lockfd = -1;
}

void store_tmp_release(struct store_tmp *t)
{
    if (t->lockfd < 0)
        return;
    unlink(t->lock);
    close(t->lockfd);
    t->lockfd = -1;
}

void store_clean_stale(const struct store *s)
{
    DIR *d = opendir(s->home);
    if (!d)
        return;
    int dfd = dirfd(d);
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t n = strlen(e->d_name);
        if (strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
            continue;
        char lock[NAME_MAX + 8];
        bool is_lock = n > 5 && strcmp(e->d_name + n - 5, ".lock") == 0;
        if (is_lock) {
            /* A lock whose directory is gone: drop it if nobody holds it. */
            snprintf(lock, sizeof lock, "%.*s", (int)(n - 5), e->d_name);
            struct stat st;
            if (fstatat(dfd, lock, &st, AT_SYMLINK_NOFOLLOW) == 0)
                continue;               /* handled with its directory */
            int fd = openat(dfd, e->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
            if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
                unlinkat(dfd, e->d_name, 0);
            if (fd >= 0)
                close(fd);
            continue;
        }
        snprintf(lock, sizeof lock, "%s.lock", e->d_name);
        int fd = openat(dfd, lock, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) < 0) {
            close(fd);                  /* in use by a running lsl2 */
            continue;
        }
        report_step("store: removing %s/%s, left by an interrupted lsl2", s->home, e->d_name);
        store_rm_tree(dfd, e->d_name);
        if (fd >= 0) {
            unlinkat(dfd, lock, 0);
            close(fd);
        }
    }
    closedir(d);
}

/* ---- removing trees ---- */

/* Clears the flags that forbid unlinking (immutable, append-only) on an inode. */
static void clear_flags(int dirfd, const char *name)
{
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return;
    int fl;
    if (ioctl(fd, FS_IOC_GETFLAGS, &fl) == 0 && (fl & (FS_IMMUTABLE_FL | FS_APPEND_FL))) {
        fl &= ~(FS_IMMUTABLE_FL | FS_APPEND_FL);
        ioctl(fd, FS_IOC_SETFLAGS, &fl);
    }
    close(fd);
}

static int rm_tree(int dirfd, const char *name, dev_t dev, int depth)
{
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return errno == ENOENT ? 0 : -errno;
    if (st.st_dev != dev)
        return -EXDEV;                  /* a mount point: never delete into it */
    if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
        clear_flags(dirfd, name);
    if (!S_ISDIR(st.st_mode))
        return unlinkat(dirfd, name, 0) < 0 && errno != ENOENT ? -errno : 0;
    if (depth > 4096)
        return -ELOOP;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -errno;
    }
    int r = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        int q = rm_tree(fd, e->d_name, dev, depth + 1);
        if (q < 0 && r == 0)
            r = q;
    }
    closedir(d);
    if (r == 0 && unlinkat(dirfd, name, AT_REMOVEDIR) < 0 && errno != ENOENT)
        r = -errno;
    return r;
}

int store_rm_tree(int dirfd, const char *name)
{
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
        return errno == ENOENT ? 0 : -errno;
    return rm_tree(dirfd, name, st.st_dev, 0);
}

int store_rm_path(const char *path)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s", path) >= (int)sizeof dir)
        return -ENAMETOOLONG;
    char *slash = strrchr(dir, '/');
    const char *base = path;
    int dfd = AT_FDCWD;
    if (slash) {
        *slash = '\0';
        base = path + (slash - dir) + 1;
        dfd = open(slash == dir ? "/" : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dfd < 0)
            return -errno;
    }
    int r = store_rm_tree(dfd, base);
    if (dfd != AT_FDCWD)
        close(dfd);
    return r;
}

/* ---- processes ---- */

int store_busy_pid(const char *root)
{
    DIR *d = opendir("/proc");
    if (!d)
        return 0;
    size_t n = strlen(root);
    int pid = 0;
    for (struct dirent *e; pid == 0 && (e = readdir(d)) != NULL;) {
        if (!isdigit((unsigned char)e->d_name[0]))
            continue;
        char link[300], target[PATH_MAX];
        snprintf(link, sizeof link, "/proc/%.20s/root", e->d_name);
        ssize_t k = readlink(link, target, sizeof target - 1);
        if (k <= 0)
            continue;
        target[k] = '\0';
        if (strncmp(target, root, n) == 0 && (target[n] == '\0' || target[n] == '/'))
            pid = atoi(e->d_name);
    }
    closedir(d);
    return pid;
}
