/* /proc/PID/... as the supervisor's pid namespace numbers them.  waitpid gives pids
 * of the tracer's own PID namespace, but its /proc may be the host's (the
 * unprivileged front end runs the tracer as pid 1 of a new PID namespace and mounts
 * the fresh proc inside the guest's root only).  So the first use finds a proc
 * mount whose "self" is us: /proc itself, else one listed in mountinfo, else a
 * detached one of our own. */
#define _GNU_SOURCE         /* O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/mount.h>
#include <sys/syscall.h>
#include "tracer/supervisor.h"

static int procfd = -1;      /* the proc mount in use, as a directory descriptor */
static bool found;

static bool is_ours(int dirfd)
{
    char link[64], want[32];
    ssize_t n = readlinkat(dirfd, "self", link, sizeof link - 1);
    if (n <= 0)
        return false;
    link[n] = 0;
    snprintf(want, sizeof want, "%d", (int)getpid());
    return strcmp(link, want) == 0;
}

static bool try_dir(const char *dir)
{
    int fd = open(dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    if (is_ours(fd)) {
        procfd = fd;
        return true;
    }
    close(fd);
    return false;
}

/* No proc file system of our pid namespace is mounted (lsl2 in a bare chroot whose
 * root is the guest, as `chroot R /lsl2 -p freebsd / ...`): a proc mount of our own
 * that is never attached anywhere — nothing appears in any mount table, so nothing
 * can leak to the host.  Needs CAP_SYS_ADMIN, as mounting proc does. */
static bool try_detached(void)
{
    int fs = (int)syscall(SYS_fsopen, "proc", FSOPEN_CLOEXEC);
    if (fs < 0)
        return false;
    int mnt = -1;
    if (syscall(SYS_fsconfig, fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0) == 0)
        mnt = (int)syscall(SYS_fsmount, fs, FSMOUNT_CLOEXEC,
                           MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC);
    close(fs);
    if (mnt < 0)
        return false;
    if (is_ours(mnt)) {
        procfd = mnt;
        return true;
    }
    close(mnt);
    return false;
}

static void find_root(void)
{
    found = true;
    if (try_dir("/proc"))
        return;
    FILE *f = fopen("/proc/self/mountinfo", "re");
    if (f) {
        char line[8192];
        while (fgets(line, sizeof line, f)) {
            /* id parent maj:min root mountpoint options ... - fstype source superopts */
            char mp[4096];
            const char *dash = strstr(line, " - ");
            if (!dash || strncmp(dash + 3, "proc ", 5) != 0)
                continue;
            if (sscanf(line, "%*s %*s %*s %*s %4095s", mp) != 1 || strchr(mp, '\\'))
                continue;   /* escaped (unusual) mount points are skipped */
            if (try_dir(mp))
                break;
        }
        fclose(f);
    }
    if (procfd < 0 && !try_detached()) {
        fprintf(stderr, "lsl2: no proc file system of lsl2's pid namespace is mounted, and "
                        "one cannot be made (%s): mount proc on /proc\n", strerror(errno));
    }
}

int procfs_open_at(const char *rel, int flags)
{
    if (!found)
        find_root();
    if (procfd < 0) {
        errno = ENOENT;
        return -1;
    }
    return openat(procfd, rel, flags | O_CLOEXEC);
}

int procfs_open(pid_t tid, const char *what, int flags)
{
    char rel[4200];
    snprintf(rel, sizeof rel, "%d/%s", (int)tid, what);
    return procfs_open_at(rel, flags);
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
