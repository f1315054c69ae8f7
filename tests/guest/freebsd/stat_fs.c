/* FreeBSD guest: statfs/fstatfs/getfsstat (13.2 struct statfs) and the
 * freebsd11 forms.  Prints "statfs PATH type=T on=MNTON flags=..." lines and
 * "check NAME ok|FAIL" lines. */
#define _WANT_FREEBSD11_STATFS
#include <sys/param.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int fails;
static void check(const char *name, int cond)
{
    printf("check %s %s\n", name, cond ? "ok" : "FAIL");
    fails += !cond;
}

static void show(const char *path, const struct statfs *s)
{
    printf("statfs %s type=%s on=%s rootfs=%d local=%d rdonly=%d version_ok=%d blocks_ok=%d\n",
           path, s->f_fstypename, s->f_mntonname, !!(s->f_flags & MNT_ROOTFS),
           !!(s->f_flags & MNT_LOCAL), !!(s->f_flags & MNT_RDONLY),
           s->f_version == STATFS_VERSION, s->f_bsize > 0 && s->f_blocks >= s->f_bfree);
}

int main(int argc, char **argv)
{
    struct statfs s;
    for (int i = 1; i < argc; i++) {
        if (statfs(argv[i], &s) < 0)
            printf("statfs %s error %d\n", argv[i], errno);
        else
            show(argv[i], &s);
    }
    int fd = open("/", O_RDONLY | O_DIRECTORY);
    struct statfs r;
    check("fstatfs /", fd >= 0 && fstatfs(fd, &s) == 0 && statfs("/", &r) == 0 &&
          strcmp(s.f_mntonname, r.f_mntonname) == 0 && s.f_fsid.val[0] == r.f_fsid.val[0]);
    close(fd);

    int n = getfsstat(NULL, 0, MNT_NOWAIT);
    check("getfsstat count", n >= 1);
    struct statfs *v = calloc(n + 4, sizeof *v);
    int m = getfsstat(v, (long)((n + 4) * sizeof *v), MNT_WAIT);
    check("getfsstat list", m == n && strcmp(v[0].f_mntonname, "/") == 0 &&
          (v[0].f_flags & MNT_ROOTFS));
    int dev = 0;
    for (int i = 0; i < m; i++) {
        printf("mount %s %s\n", v[i].f_mntonname, v[i].f_fstypename);
        dev += strcmp(v[i].f_mntonname, "/dev") == 0;
    }
    check("getfsstat has /dev", dev >= 1);
    check("getfsstat short buffer", n < 2 || getfsstat(v, (long)sizeof *v, MNT_NOWAIT) == 1);
    check("getfsstat EINVAL mode", getfsstat(NULL, 0, 7) < 0 && errno == EINVAL);
    check("getfsstat EFAULT", getfsstat((struct statfs *)8, (long)sizeof *v, MNT_NOWAIT) < 0 && errno == EFAULT);
    check("statfs ENOENT", statfs("/nonexistent/x", &s) < 0 && errno == ENOENT);
    check("statfs EFAULT", statfs("/", (struct statfs *)8) < 0 && errno == EFAULT);
    check("fstatfs EBADF", fstatfs(999, &s) < 0 && errno == EBADF);
    int p[2];
    check("fstatfs of a pipe EINVAL", pipe(p) == 0 && fstatfs(p[0], &s) < 0 && errno == EINVAL);

    struct freebsd11_statfs o;
    check("freebsd11_statfs /", syscall(SYS_freebsd11_statfs, "/", &o) == 0 &&
          strcmp(o.f_mntonname, "/") == 0 && o.f_version == 0x20030518 &&
          strcmp(o.f_fstypename, r.f_fstypename) == 0);
    fd = open("/dev", O_RDONLY | O_DIRECTORY);
    check("freebsd11_fstatfs /dev", syscall(SYS_freebsd11_fstatfs, fd, &o) == 0 &&
          strcmp(o.f_mntonname, "/dev") == 0);
    int on = (int)syscall(SYS_freebsd11_getfsstat, NULL, 0L, MNT_NOWAIT);
    struct freebsd11_statfs *ov = calloc(on + 1, sizeof *ov);
    check("freebsd11_getfsstat", on == n &&
          syscall(SYS_freebsd11_getfsstat, ov, (long)((on + 1) * sizeof *ov), MNT_NOWAIT) == on &&
          strcmp(ov[0].f_mntonname, "/") == 0);
    printf("fails %d\n", fails);
    return fails != 0;
}
