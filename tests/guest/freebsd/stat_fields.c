/* FreeBSD guest: stat/lstat/fstat/fstatat (13.2 struct stat) and the
 * freebsd11_* calls that FreeBSD 10/11 programs make (old struct stat), on the
 * paths given, printed one line per path for comparison with the host's view;
 * then the error paths.  Output lines:
 *   PATH type=T mode=OOOO nlink=N uid=U gid=G size=S mtime=SEC.NSEC atime=... rdev=MAJ,MIN blksize=B blocks=K birth=yes|no
 *   old PATH ...same fields from freebsd11_stat / freebsd11_lstat...
 *   check NAME ok|FAIL(detail) */
#define _WANT_FREEBSD11_STAT
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char type_of(mode_t m)
{
    switch (m & S_IFMT) {
    case S_IFREG: return 'f';
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    }
    return '?';
}

static void show(const char *tag, const char *path, const struct stat *st)
{
    printf("%s%s type=%c mode=%04o nlink=%ju uid=%u gid=%u size=%jd mtime=%jd.%09ld atime=%jd.%09ld "
           "rdev=%u,%u blksize=%d blocks=%jd birth=%s\n",
           tag, path, type_of(st->st_mode), (unsigned)(st->st_mode & 07777), (uintmax_t)st->st_nlink,
           st->st_uid, st->st_gid, (intmax_t)st->st_size, (intmax_t)st->st_mtim.tv_sec,
           st->st_mtim.tv_nsec, (intmax_t)st->st_atim.tv_sec, st->st_atim.tv_nsec,
           major(st->st_rdev), minor(st->st_rdev), st->st_blksize, (intmax_t)st->st_blocks,
           st->st_birthtim.tv_sec > 0 ? "yes" : "no");
}

static void show_old(const char *path, const struct freebsd11_stat *o)
{
    /* the old dev_t is 32 bits: major in bits 8..15, minor in the rest */
    printf("old %s type=%c mode=%04o nlink=%u uid=%u gid=%u size=%jd mtime=%jd.%09ld atime=%jd.%09ld "
           "rdev=%u,%u blksize=%d blocks=%jd\n",
           path, type_of(o->st_mode), (unsigned)(o->st_mode & 07777), o->st_nlink, o->st_uid,
           o->st_gid, (intmax_t)o->st_size, (intmax_t)o->st_mtim.tv_sec, o->st_mtim.tv_nsec,
           (intmax_t)o->st_atim.tv_sec, o->st_atim.tv_nsec, (o->st_rdev >> 8) & 0xff,
           o->st_rdev & 0xffff00ff, o->st_blksize, (intmax_t)o->st_blocks);
}

static int fails = 0;
static void check(const char *name, int cond, const char *detail)
{
    printf("check %s %s%s%s\n", name, cond ? "ok" : "FAIL(", cond ? "" : detail, cond ? "" : ")");
    fails += !cond;
}

/* a call that must fail with errno want */
static void expect_err(const char *name, int r, int want)
{
    char d[64];
    snprintf(d, sizeof d, "r=%d errno=%d want %d", r, r < 0 ? errno : 0, want);
    check(name, r < 0 && errno == want, d);
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        struct stat st;
        struct freebsd11_stat o;
        if (lstat(argv[i], &st) < 0) {
            printf("%s error %d\n", argv[i], errno);
            continue;
        }
        show("", argv[i], &st);
        if (syscall(SYS_freebsd11_lstat, argv[i], &o) < 0)
            printf("old %s error %d\n", argv[i], errno);
        else
            show_old(argv[i], &o);
    }

    /* stat follows a symlink, lstat and fstatat(AT_SYMLINK_NOFOLLOW) do not */
    struct stat a, b, c;
    if (symlink("/etc", "/tmp/fbstat-link") < 0 && errno != EEXIST)
        printf("symlink: %d\n", errno);
    check("stat follows", stat("/tmp/fbstat-link", &a) == 0 && S_ISDIR(a.st_mode), "");
    check("lstat link", lstat("/tmp/fbstat-link", &b) == 0 && S_ISLNK(b.st_mode) && b.st_size == 4, "");
    check("fstatat nofollow",
          fstatat(AT_FDCWD, "/tmp/fbstat-link", &c, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(c.st_mode), "");
    check("fstatat follow", fstatat(AT_FDCWD, "/tmp/fbstat-link", &c, 0) == 0 &&
          c.st_ino == a.st_ino && c.st_dev == a.st_dev, "");
    unlink("/tmp/fbstat-link");

    /* fstat agrees with stat; fstatat relative to a directory descriptor */
    int fd = open("/etc", O_RDONLY | O_DIRECTORY);
    check("fstat dir", fd >= 0 && fstat(fd, &b) == 0 && b.st_ino == a.st_ino && S_ISDIR(b.st_mode), "");
    check("fstatat dirfd", fstatat(fd, ".", &c, 0) == 0 && c.st_ino == a.st_ino, "");
    check("fstatat AT_EMPTY_PATH", fstatat(fd, "", &c, AT_EMPTY_PATH) == 0 && c.st_ino == a.st_ino, "");
    struct freebsd11_stat o;
    check("freebsd11_fstat", syscall(SYS_freebsd11_fstat, fd, &o) == 0 &&
          o.st_ino == (uint32_t)a.st_ino && S_ISDIR(o.st_mode), "");
    check("freebsd11_fstatat", syscall(SYS_freebsd11_fstatat, fd, ".", &o, 0) == 0 &&
          o.st_ino == (uint32_t)a.st_ino, "");
    check("freebsd11_stat", syscall(SYS_freebsd11_stat, "/etc", &o) == 0 &&
          o.st_ino == (uint32_t)a.st_ino, "");
    close(fd);

    /* a pipe is a FIFO */
    int p[2];
    check("fstat pipe", pipe(p) == 0 && fstat(p[0], &b) == 0 && S_ISFIFO(b.st_mode), "");

    /* errors */
    expect_err("stat ENOENT", stat("/nonexistent/fbstat", &a), ENOENT);
    expect_err("lstat ENOENT", lstat("/tmp/fbstat-none", &a), ENOENT);
    expect_err("stat ENOTDIR", stat("/etc/passwd/x", &a), ENOTDIR);
    expect_err("fstat EBADF", fstat(999, &a), EBADF);
    expect_err("stat EFAULT buf", stat("/etc", (struct stat *)8), EFAULT);
    expect_err("stat EFAULT path", stat((const char *)8, &a), EFAULT);
    expect_err("fstat EFAULT", fstat(0, (struct stat *)8), EFAULT);
    expect_err("fstatat EINVAL flag", fstatat(AT_FDCWD, "/etc", &a, 0x1), EINVAL);
    expect_err("freebsd11_stat EFAULT", (int)syscall(SYS_freebsd11_stat, "/etc", (void *)8), EFAULT);
    expect_err("freebsd11_stat ENOENT", (int)syscall(SYS_freebsd11_stat, "/nonexistent", &o), ENOENT);
    printf("fails %d\n", fails);
    return fails != 0;
}
