/* Path resolution inside a rootfs, one component at a time with lstat/readlink on
 * the host path root+prefix, so that symbolic links are interpreted as the guest
 * would: relative to their directory, absolute ones from the rootfs. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/rootfs.h"

/* Length of root without trailing slashes ("/" → 0). */
static size_t root_len(const char *root)
{
    size_t n = strlen(root);
    while (n > 0 && root[n - 1] == '/')
        n--;
    return n;
}

int rootfs_host_path(const char *root, const char *guest, char *out, size_t len)
{
    size_t rl = root_len(root);
    int n = snprintf(out, len, "%.*s%s%s", (int)rl, root, guest[0] == '/' ? "" : "/", guest);
    if (n < 0 || (size_t)n >= len)
        return -ENAMETOOLONG;
    return 0;
}

int rootfs_resolve(const char *root, const char *cwd, const char *path, char *out, size_t len)
{
    char rest[PATH_MAX * 2], res[PATH_MAX], host[PATH_MAX], link[PATH_MAX], tmp[PATH_MAX * 2];
    size_t rl = root_len(root), reslen = 0;
    int links = 0;

    if (path[0] == '\0')
        return -ENOENT;
    int n = path[0] == '/' ? snprintf(rest, sizeof rest, "%s", path)
                           : snprintf(rest, sizeof rest, "%s/%s", cwd ? cwd : "/", path);
    if (n < 0 || (size_t)n >= PATH_MAX)
        return -ENAMETOOLONG;
    res[0] = '\0';
    if (rl >= PATH_MAX)
        return -ENAMETOOLONG;
    memcpy(host, root, rl);

    char *p = rest;
    for (;;) {
        while (*p == '/')
            p++;
        if (*p == '\0')
            break;
        char *end = strchrnul(p, '/');
        size_t clen = (size_t)(end - p);
        if (clen == 1 && p[0] == '.') {
            p = end;
            continue;
        }
        if (clen == 2 && p[0] == '.' && p[1] == '.') {
            /* ".." at the guest root stays at the root. */
            while (reslen > 0 && res[reslen - 1] != '/')
                reslen--;
            if (reslen > 0)
                reslen--;
            res[reslen] = '\0';
            p = end;
            continue;
        }
        if (clen > NAME_MAX || reslen + 1 + clen >= PATH_MAX || rl + reslen + 1 + clen >= PATH_MAX)
            return -ENAMETOOLONG;
        size_t prev = reslen;
        res[reslen++] = '/';
        memcpy(res + reslen, p, clen);
        reslen += clen;
        res[reslen] = '\0';
        p = end;

        memcpy(host + rl, res, reslen + 1);
        struct stat st;
        if (lstat(host, &st) < 0)
            return -errno;
        bool more = *p != '\0';   /* even "file/" must be a directory */
        if (S_ISLNK(st.st_mode)) {
            if (++links > ROOTFS_MAXLINKS)
                return -ELOOP;
            ssize_t ll = readlink(host, link, sizeof link);
            if (ll < 0)
                return -errno;
            if ((size_t)ll >= sizeof link)
                return -ENAMETOOLONG;
            if (ll == 0)
                return -ENOENT;
            link[ll] = '\0';
            /* The target replaces the link: absolute from the root, relative from its dir. */
            n = snprintf(tmp, sizeof tmp, "%s%s", link, p);
            if (n < 0 || (size_t)n >= PATH_MAX)
                return -ENAMETOOLONG;
            memcpy(rest, tmp, (size_t)n + 1);
            p = rest;
            reslen = link[0] == '/' ? 0 : prev;
            res[reslen] = '\0';
            continue;
        }
        if (more && !S_ISDIR(st.st_mode))
            return -ENOTDIR;
    }
    n = snprintf(out, len, "%s", reslen ? res : "/");
    if (n < 0 || (size_t)n >= len)
        return -ENAMETOOLONG;
    return 0;
}
