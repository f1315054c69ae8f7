/* /proc/PID/... as the supervisor's pid namespace numbers them.  waitpid gives pids
 * of the tracer's own PID namespace, but its /proc may be the host's (the
 * unprivileged front end runs the tracer as pid 1 of a new PID namespace and mounts
 * the fresh proc inside the guest's root only).  So the first use finds a proc
 * mount whose "self" is us: /proc itself, or else one listed in mountinfo. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tracer/supervisor.h"

static char root[4096];
static bool found;

static bool is_ours(const char *dir)
{
    char path[4200], link[64], want[32];
    snprintf(path, sizeof path, "%s/self", dir);
    ssize_t n = readlink(path, link, sizeof link - 1);
    if (n <= 0)
        return false;
    link[n] = 0;
    snprintf(want, sizeof want, "%d", (int)getpid());
    return strcmp(link, want) == 0;
}

static void find_root(void)
{
    found = true;
    snprintf(root, sizeof root, "/proc");
    if (is_ours("/proc"))
        return;
    FILE *f = fopen("/proc/self/mountinfo", "re");
    if (!f)
        return;
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        /* id parent maj:min root mountpoint options ... - fstype source superopts */
        char mp[4096];
        const char *dash = strstr(line, " - ");
        if (!dash || strncmp(dash + 3, "proc ", 5) != 0)
            continue;
        if (sscanf(line, "%*s %*s %*s %*s %4095s", mp) != 1 || strchr(mp, '\\'))
            continue;   /* escaped (unusual) mount points are skipped */
        if (is_ours(mp)) {
            snprintf(root, sizeof root, "%s", mp);
            break;
        }
    }
    fclose(f);
}

int procfs_open(pid_t tid, const char *what, int flags)
{
    if (!found)
        find_root();
    char path[4200];
    snprintf(path, sizeof path, "%s/%d/%s", root, (int)tid, what);
    return open(path, flags | O_CLOEXEC);
}

ssize_t procfs_read(pid_t tid, const char *what, char *buf, size_t len)
{
    int fd = procfs_open(tid, what, O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, buf, len - 1);
    close(fd);
    if (n < 0)
        return -1;
    buf[n] = 0;
    return n;
}
