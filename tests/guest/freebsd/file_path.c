/* FreeBSD guest: path calls — access/eaccess/faccessat, chdir/fchdir/getcwd,
 * mkdir/rmdir/unlink/rename/link/symlink and their *at forms, funlinkat,
 * chmod family, chown family, utimes family, truncate, readlink.  Run as
 * `file_path DIR` (an empty writable directory).  Prints "ok - X" /
 * "not ok - X (...)"; the exit status is the number of failures. */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

#define BAD ((void *)8)

static int mode_of(const char *p, int follow)
{
    struct stat st;
    if ((follow ? stat(p, &st) : lstat(p, &st)) < 0)
        return -1;
    return st.st_mode & 07777;
}

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) < 0) {
        printf("not ok - usage: file_path DIR\n");
        return 1;
    }
    char cwd[1024], buf[256];
    struct stat st;

    /* getcwd: FreeBSD's __getcwd returns 0; libc then gives the buffer */
    check("getcwd gives DIR", getcwd(cwd, sizeof cwd) == cwd && strcmp(cwd, argv[1]) == 0);
    check("__getcwd syscall returns 0", syscall(SYS___getcwd, buf, sizeof buf) == 0 && strcmp(buf, argv[1]) == 0);
    CHECK_ERR("getcwd into 2 bytes: ERANGE", (long)getcwd(buf, 2) ? 0 : -1, ERANGE);

    /* mkdir / rmdir / chdir / fchdir */
    check("mkdir", mkdir("a", 0750) == 0 && mode_of("a", 1) == 0750);
    CHECK_ERR("mkdir existing: EEXIST", mkdir("a", 0700), EEXIST);
    CHECK_ERR("mkdir under a missing dir: ENOENT", mkdir("x/y", 0700), ENOENT);
    check("mkdirat", mkdirat(AT_FDCWD, "a/b", 0700) == 0);
    check("chdir a", chdir("a") == 0 && getcwd(buf, sizeof buf) && strcmp(buf + strlen(buf) - 2, "/a") == 0);
    int dfd = open("..", O_RDONLY | O_DIRECTORY);
    check("fchdir back", fchdir(dfd) == 0 && getcwd(buf, sizeof buf) && strcmp(buf, cwd) == 0);
    CHECK_ERR("chdir to a missing dir: ENOENT", chdir("nope"), ENOENT);
    CHECK_ERR("chdir bad pointer: EFAULT", chdir(BAD), EFAULT);
    CHECK_ERR("rmdir non-empty: ENOTEMPTY", rmdir("a"), ENOTEMPTY);

    /* files, unlink, rename, link, symlink, readlink */
    int fd = open("a/f", O_WRONLY | O_CREAT, 0644);
    check("write 10 bytes", write(fd, "0123456789", 10) == 10);
    close(fd);
    CHECK_ERR("unlink a directory: EPERM (FreeBSD)", unlink("a/b"), EPERM);
    CHECK_ERR("unlinkat without AT_REMOVEDIR on a dir: EPERM", unlinkat(AT_FDCWD, "a/b", 0), EPERM);
    CHECK_ERR("unlinkat unknown flag: EINVAL", unlinkat(AT_FDCWD, "a/b", 0x1), EINVAL);
    check("unlinkat AT_REMOVEDIR", unlinkat(AT_FDCWD, "a/b", AT_REMOVEDIR) == 0);
    CHECK_ERR("unlinkat AT_REMOVEDIR on a file: ENOTDIR", unlinkat(AT_FDCWD, "a/f", AT_REMOVEDIR), ENOTDIR);
    check("rename", rename("a/f", "a/g") == 0 && access("a/f", F_OK) == -1 && access("a/g", F_OK) == 0);
    check("renameat", renameat(AT_FDCWD, "a/g", dfd, "a/f") == 0);
    check("symlink", symlink("f", "a/s") == 0);
    ssize_t n = readlink("a/s", buf, sizeof buf);
    check("readlink", n == 1 && buf[0] == 'f');
    CHECK_ERR("readlink on a file: EINVAL", readlink("a/f", buf, sizeof buf), EINVAL);
    n = readlinkat(dfd, "a/s", buf, sizeof buf);
    check("readlinkat", n == 1 && buf[0] == 'f');
    check("symlinkat", symlinkat("nowhere", AT_FDCWD, "a/dangling") == 0);
    check("link follows a symlink source (FreeBSD)", link("a/s", "a/h") == 0 &&
          lstat("a/h", &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 2);
    check("linkat without AT_SYMLINK_FOLLOW links the symlink", linkat(AT_FDCWD, "a/s", AT_FDCWD, "a/hs", 0) == 0 &&
          lstat("a/hs", &st) == 0 && S_ISLNK(st.st_mode));
    check("linkat AT_SYMLINK_FOLLOW", linkat(AT_FDCWD, "a/s", AT_FDCWD, "a/hf", AT_SYMLINK_FOLLOW) == 0 &&
          lstat("a/hf", &st) == 0 && S_ISREG(st.st_mode));
    CHECK_ERR("link onto an existing name: EEXIST", link("a/f", "a/h"), EEXIST);
    CHECK_ERR("linkat unknown flag: EINVAL", linkat(AT_FDCWD, "a/f", AT_FDCWD, "a/z", 0x1), EINVAL);

    /* funlinkat */
    fd = open("a/h", O_RDONLY);
    int other = open("a/hf", O_RDONLY);
    check("funlinkat with the file's fd", funlinkat(AT_FDCWD, "a/h", fd, 0) == 0 && access("a/h", F_OK) == -1);
    CHECK_ERR("funlinkat with another file's fd: EDEADLK", funlinkat(AT_FDCWD, "a/dangling", other, 0), EDEADLK);
    check("funlinkat FD_NONE", funlinkat(AT_FDCWD, "a/dangling", FD_NONE, 0) == 0);
    close(fd); close(other);

    /* access family */
    check("access F_OK", access("a/f", F_OK) == 0);
    check("access R_OK|W_OK", access("a/f", R_OK | W_OK) == 0);
    CHECK_ERR("access X_OK on 0644 file: EACCES", access("a/f", X_OK), EACCES);
    CHECK_ERR("access missing: ENOENT", access("a/nope", F_OK), ENOENT);
    CHECK_ERR("access bad mode: EINVAL", access("a/f", 0x100), EINVAL);
    check("eaccess R_OK", eaccess("a/f", R_OK) == 0);
    check("faccessat AT_EACCESS", faccessat(dfd, "a/f", R_OK, AT_EACCESS) == 0);
    check("faccessat AT_SYMLINK_NOFOLLOW on a dangling link", symlink("nowhere", "a/d2") == 0 &&
          faccessat(AT_FDCWD, "a/d2", F_OK, AT_SYMLINK_NOFOLLOW) == 0);
    CHECK_ERR("faccessat following the dangling link: ENOENT", faccessat(AT_FDCWD, "a/d2", F_OK, 0), ENOENT);
    CHECK_ERR("faccessat unknown flag: EINVAL", faccessat(AT_FDCWD, "a/f", F_OK, 0x1), EINVAL);

    /* modes */
    check("chmod 0600", chmod("a/f", 0600) == 0 && mode_of("a/f", 1) == 0600);
    fd = open("a/f", O_RDONLY);
    check("fchmod 0640", fchmod(fd, 0640) == 0 && mode_of("a/f", 1) == 0640);
    check("fchmodat 0604", fchmodat(dfd, "a/f", 0604, 0) == 0 && mode_of("a/f", 1) == 0604);
    check("fchmodat AT_SYMLINK_NOFOLLOW on a file", fchmodat(AT_FDCWD, "a/f", 0644, AT_SYMLINK_NOFOLLOW) == 0 &&
          mode_of("a/f", 1) == 0644);
    check("lchmod on a file", lchmod("a/f", 0600) == 0 && mode_of("a/f", 1) == 0600);
    CHECK_ERR("chmod missing: ENOENT", chmod("a/nope", 0600), ENOENT);
    CHECK_ERR("fchmodat unknown flag: EINVAL", fchmodat(AT_FDCWD, "a/f", 0600, 0x1), EINVAL);

    /* owners (we are root in the guest) */
    check("chown", chown("a/f", 1, 2) == 0 && stat("a/f", &st) == 0 && st.st_uid == 1 && st.st_gid == 2);
    check("fchown", fchown(fd, 3, 4) == 0 && stat("a/f", &st) == 0 && st.st_uid == 3 && st.st_gid == 4);
    check("lchown on the symlink", lchown("a/s", 5, 6) == 0 && lstat("a/s", &st) == 0 && st.st_uid == 5 &&
          stat("a/s", &st) == 0 && st.st_uid == 3);
    check("fchownat AT_SYMLINK_NOFOLLOW", fchownat(AT_FDCWD, "a/s", 7, 8, AT_SYMLINK_NOFOLLOW) == 0 &&
          lstat("a/s", &st) == 0 && st.st_uid == 7);
    check("fchownat -1 keeps", fchownat(dfd, "a/f", -1, 9, 0) == 0 && stat("a/f", &st) == 0 &&
          st.st_uid == 3 && st.st_gid == 9);

    /* times */
    struct timeval tv[2] = { { 1000000, 0 }, { 2000000, 500000 } };
    check("utimes", utimes("a/f", tv) == 0 && stat("a/f", &st) == 0 && st.st_atime == 1000000 &&
          st.st_mtim.tv_sec == 2000000 && st.st_mtim.tv_nsec == 500000000);
    tv[1].tv_sec = 3000000;
    check("futimes", futimes(fd, tv) == 0 && fstat(fd, &st) == 0 && st.st_mtime == 3000000);
    tv[1].tv_sec = 4000000;
    check("lutimes on the symlink leaves the file", lutimes("a/s", tv) == 0 && lstat("a/s", &st) == 0 &&
          st.st_mtime == 4000000 && stat("a/f", &st) == 0 && st.st_mtime == 3000000);
    struct timespec ts[2] = { { 5000000, 0 }, { 0, UTIME_OMIT } };
    check("utimensat UTIME_OMIT keeps mtime", utimensat(AT_FDCWD, "a/f", ts, 0) == 0 && stat("a/f", &st) == 0 &&
          st.st_atime == 5000000 && st.st_mtime == 3000000);
    time_t now = time(NULL);
    ts[0].tv_nsec = UTIME_OMIT; ts[1].tv_nsec = UTIME_NOW;
    check("futimens UTIME_NOW", futimens(fd, ts) == 0 && fstat(fd, &st) == 0 && st.st_mtime >= now - 2 &&
          st.st_atime == 5000000);
    ts[0].tv_sec = 6000000; ts[0].tv_nsec = 0; ts[1].tv_nsec = UTIME_OMIT;
    check("utimensat AT_SYMLINK_NOFOLLOW", utimensat(AT_FDCWD, "a/s", ts, AT_SYMLINK_NOFOLLOW) == 0 &&
          lstat("a/s", &st) == 0 && st.st_atime == 6000000 && stat("a/f", &st) == 0 && st.st_atime == 5000000);
    ts[0].tv_nsec = 1000000000;
    CHECK_ERR("utimensat bad tv_nsec: EINVAL", utimensat(AT_FDCWD, "a/f", ts, 0), EINVAL);
    CHECK_ERR("utimensat bad pointer: EFAULT", utimensat(AT_FDCWD, "a/f", BAD, 0), EFAULT);
    CHECK_ERR("utimensat unknown flag: EINVAL", utimensat(AT_FDCWD, "a/f", NULL, 0x1), EINVAL);

    /* truncate */
    check("truncate to 4", truncate("a/f", 4) == 0 && stat("a/f", &st) == 0 && st.st_size == 4);
    CHECK_ERR("truncate a directory: EISDIR", truncate("a", 0), EISDIR);
    close(fd);

    /* clean up */
    unlink("a/f"); unlink("a/s"); unlink("a/hs"); unlink("a/hf"); unlink("a/d2");
    check("rmdir", rmdir("a") == 0);
    close(dfd);
    printf("fails %d\n", fails);
    return fails;
}
