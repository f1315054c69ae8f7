/* The guest's mount table, from /proc/TID/mountinfo: the kernel writes mount
 * points relative to the root of process TID and lists only the mounts
 * reachable from that root.  That is the view a FreeBSD jail gives its
 * processes, so statfs/getfsstat show it as is. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "personalities/freebsd/fsinfo.h"
#include "tracer/tracee.h"

/* mountinfo escapes space, tab, newline and backslash as \ooo: undone in place. */
static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
            s[3] >= '0' && s[3] <= '7') {
            *o++ = (char)(((s[1] - '0') << 6) | ((s[2] - '0') << 3) | (s[3] - '0'));
            s += 3;
        } else {
            *o++ = *s;
        }
    }
    *o = 0;
}

/* Splits off the next space-separated field of *p (NULL at the end of line). */
static char *field(char **p)
{
    char *s = *p;
    while (*s == ' ')
        s++;
    if (!*s)
        return NULL;
    char *e = strchr(s, ' ');
    if (e) {
        *e = 0;
        *p = e + 1;
    } else {
        *p = s + strlen(s);
    }
    return s;
}

int fbsd_mounts_parse(struct fbsd_mounts *m, char *text)
{
    memset(m, 0, sizeof *m);
    m->text = text;
    size_t cap = 0;
    char *line = text;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = 0;
        char *p = line;
        line = nl ? nl + 1 : NULL;
        /* id parent maj:min root mountpoint options [optional...] - fstype source superopts */
        char *id = field(&p), *parent = field(&p), *dev = field(&p), *root = field(&p);
        char *mp = field(&p), *f;
        (void)dev; (void)root;
        if (!id || !parent || !mp)
            continue;
        while ((f = field(&p)) && strcmp(f, "-") != 0)
            ;
        char *fstype = f ? field(&p) : NULL, *src = fstype ? field(&p) : NULL;
        if (!src)
            continue;
        if (m->n == cap) {
            cap = cap ? cap * 2 : 32;
            struct fbsd_mount *v = realloc(m->v, cap * sizeof *v);
            if (!v)
                return -ENOMEM;
            m->v = v;
        }
        unescape(mp);
        unescape(src);
        unescape(fstype);
        m->v[m->n++] = (struct fbsd_mount){
            .id = atoi(id), .parent = atoi(parent), .mnton = mp, .mntfrom = src, .fstype = fstype,
        };
    }
    return 0;
}

void fbsd_mounts_free(struct fbsd_mounts *m)
{
    free(m->v);
    free(m->text);
    memset(m, 0, sizeof *m);
}

/* A whole /proc file into a malloc'd string. */
static int slurp(int fd, char **out)
{
    size_t cap = 16384, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return -ENOMEM;
    for (;;) {
        if (cap - len < 4096) {
            char *nb = cap < (16u << 20) ? realloc(buf, cap *= 2) : NULL;
            if (!nb) {
                free(buf);
                return -ENOMEM;
            }
            buf = nb;
        }
        ssize_t n = read(fd, buf + len, cap - len - 1);
        if (n < 0) {
            int e = errno;
            free(buf);
            return -e;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    buf[len] = 0;
    *out = buf;
    return 0;
}

int fbsd_mounts_read(struct tracee *t, struct fbsd_mounts *m)
{
    memset(m, 0, sizeof *m);
    int fd = procfs_open(t->tid, "mountinfo", O_RDONLY);
    if (fd < 0)
        return -errno;
    char *text;
    int r = slurp(fd, &text);
    close(fd);
    if (r < 0)
        return r;
    r = fbsd_mounts_parse(m, text);
    if (r < 0)
        fbsd_mounts_free(m);
    return r;
}

const struct fbsd_mount *fbsd_mounts_find(const struct fbsd_mounts *m, int id)
{
    for (size_t i = m->n; i-- > 0;)
        if (m->v[i].id == id)
            return &m->v[i];
    return NULL;
}

const struct fbsd_mount *fbsd_mounts_root(const struct fbsd_mounts *m)
{
    for (size_t i = m->n; i-- > 0;)
        if (strcmp(m->v[i].mnton, "/") == 0)
            return &m->v[i];
    return NULL;
}

/* Whether mount point mp holds path (mp is a prefix ending at a component). */
static size_t holds(const char *mp, const char *path)
{
    size_t n = strlen(mp);
    if (strcmp(mp, "/") == 0)
        return 1;
    if (strncmp(mp, path, n) == 0 && (path[n] == '/' || path[n] == 0))
        return n;
    return 0;
}

int fbsd_root_source(struct tracee *t, char *buf, size_t len)
{
    char root[PATH_MAX];
    int fd = procfs_open(t->tid, "root", O_PATH);
    if (fd < 0)
        return -errno;
    /* The root's path as the tracer sees it, through the descriptor's link. */
    char fdlink[64];
    snprintf(fdlink, sizeof fdlink, "self/fd/%d", fd);
    int pfd = procfs_open_at("self/fd", O_PATH | O_DIRECTORY);
    ssize_t n = pfd < 0 ? -1 : readlinkat(pfd, fdlink + 8, root, sizeof root - 1);
    if (pfd >= 0)
        close(pfd);
    close(fd);
    if (n <= 0)
        return -ENOENT;
    root[n] = 0;

    int sf = procfs_open_at("self/mountinfo", O_RDONLY);
    if (sf < 0)
        return -errno;
    char *text;
    int r = slurp(sf, &text);
    close(sf);
    if (r < 0)
        return r;
    struct fbsd_mounts self;
    if ((r = fbsd_mounts_parse(&self, text)) < 0) {
        fbsd_mounts_free(&self);
        return r;
    }
    const struct fbsd_mount *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < self.n; i++) {
        size_t l = holds(self.v[i].mnton, root);
        if (l && l >= best_len) {
            best = &self.v[i];
            best_len = l;
        }
    }
    r = -ENOENT;
    if (best) {
        snprintf(buf, len, "%s", best->mntfrom);
        r = 0;
    }
    fbsd_mounts_free(&self);
    return r;
}
