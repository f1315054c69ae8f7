/* FreeBSD guest: open/openat flags, fcntl, pipes, dup, close_range, read/write
 * family, as FreeBSD 13 documents them.  Run as `file_open DIR` with DIR an
 * empty writable directory.  Prints "ok - X" / "not ok - X (...)"; the exit
 * status is the number of failures. */
#include <sys/types.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

#define BAD ((void *)8)     /* never mapped */

/* freebsd10_pipe (#42): the descriptors come back in %rax and %rdx. */
static int old_pipe(int fds[2])
{
    long a, d = 0;
    char cf;
    __asm__ volatile("syscall; setc %2" : "=a"(a), "+d"(d), "=r"(cf) : "0"(42L)
                     : "rcx", "r11", "memory", "rdi", "rsi", "r8", "r9", "r10");
    if (cf) {
        errno = (int)a;
        return -1;
    }
    fds[0] = (int)a;
    fds[1] = (int)d;
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) < 0) {
        printf("not ok - usage: file_open DIR\n");
        return 1;
    }
    char buf[64];
    int fd, fd2, p[2];

    /* open/openat basics and errors */
    fd = open("f", O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0640);
    check("open O_CREAT|O_EXCL creates", fd >= 0);
    check("write 5 bytes", write(fd, "hello", 5) == 5);
    struct stat st;
    check("created with mode 0640", fstat(fd, &st) == 0 && (st.st_mode & 0777) == 0640);
    close(fd);
    CHECK_ERR("O_EXCL on an existing file: EEXIST", open("f", O_WRONLY | O_CREAT | O_EXCL, 0600), EEXIST);
    CHECK_ERR("missing file: ENOENT", open("nope", O_RDONLY), ENOENT);
    CHECK_ERR("file used as a directory: ENOTDIR", open("f/x", O_RDONLY), ENOTDIR);
    CHECK_ERR("O_DIRECTORY on a file: ENOTDIR", open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
    CHECK_ERR("bad path pointer: EFAULT", open(BAD, O_RDONLY), EFAULT);
    CHECK_ERR("O_ACCMODE itself: EINVAL", open("f", O_ACCMODE), EINVAL);
    CHECK_ERR("O_EXEC with O_RDWR: EINVAL", open("f", O_EXEC | O_RDWR), EINVAL);
    check("symlink made", symlink("f", "l") == 0);
    CHECK_ERR("O_NOFOLLOW on a symlink: EMLINK", open("l", O_RDONLY | O_NOFOLLOW), EMLINK);

    fd = open("f", O_RDWR | O_APPEND | O_NONBLOCK);
    int fl = fcntl(fd, F_GETFL);
    check("F_GETFL gives back O_RDWR|O_APPEND|O_NONBLOCK",
          fl == (O_RDWR | O_APPEND | O_NONBLOCK));
    check("F_SETFL clears O_NONBLOCK", fcntl(fd, F_SETFL, O_APPEND) == 0 &&
          fcntl(fd, F_GETFL) == (O_RDWR | O_APPEND));
    check("O_APPEND writes at the end", write(fd, "!", 1) == 1 && fstat(fd, &st) == 0 && st.st_size == 6);
    check("F_SETFL 0 clears O_APPEND", fcntl(fd, F_SETFL, 0) == 0 && fcntl(fd, F_GETFL) == O_RDWR);
    check("pread at 1", pread(fd, buf, 4, 1) == 4 && memcmp(buf, "ello", 4) == 0);
    check("lseek SEEK_END", lseek(fd, 0, SEEK_END) == 6);
    CHECK_ERR("lseek bad whence: EINVAL", lseek(fd, 0, 7), EINVAL);
    check("pwrite at 0", pwrite(fd, "J", 1, 0) == 1 && pread(fd, buf, 6, 0) == 6 && memcmp(buf, "Jello!", 6) == 0);
    struct iovec iov[2] = { { buf, 2 }, { buf + 10, 3 } };
    check("preadv", preadv(fd, iov, 2, 0) == 5 && memcmp(buf, "Je", 2) == 0 && memcmp(buf + 10, "llo", 3) == 0);
    CHECK_ERR("read into a bad buffer: EFAULT", pread(fd, BAD, 4, 0), EFAULT);
    check("ftruncate to 3", ftruncate(fd, 3) == 0 && fstat(fd, &st) == 0 && st.st_size == 3);

    /* descriptor flags and duplication */
    check("F_GETFD 0 without O_CLOEXEC", fcntl(fd, F_GETFD) == 0);
    check("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
    fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 20);
    check("F_DUPFD_CLOEXEC >= 20 with FD_CLOEXEC", fd2 >= 20 && fcntl(fd2, F_GETFD) == FD_CLOEXEC);
    check("F_DUP2FD to 30", fcntl(fd, F_DUP2FD, 30) == 30 && fcntl(30, F_GETFD) == 0);
    check("F_DUP2FD_CLOEXEC to 31", fcntl(fd, F_DUP2FD_CLOEXEC, 31) == 31 && fcntl(31, F_GETFD) == FD_CLOEXEC);
    check("F_DUP2FD_CLOEXEC onto itself", fcntl(30, F_DUP2FD_CLOEXEC, 30) == 30 && fcntl(30, F_GETFD) == FD_CLOEXEC);
    check("dup2", dup2(fd, 32) == 32);
    CHECK_ERR("fcntl on a closed fd: EBADF", fcntl(99, F_GETFD), EBADF);
    CHECK_ERR("unknown fcntl command: EINVAL", fcntl(fd, 999), EINVAL);
    check("F_ISUNIONSTACK: 0", fcntl(fd, F_ISUNIONSTACK) == 0);
    check("F_READAHEAD accepted", fcntl(fd, F_READAHEAD, 65536) == 0);
    check("close_range(30, 32, CLOSE_RANGE_CLOEXEC) marks",
          close_range(30, 32, CLOSE_RANGE_CLOEXEC) == 0 && fcntl(32, F_GETFD) == FD_CLOEXEC);
    CHECK_ERR("close_range unknown flag: EINVAL", close_range(30, 32, 2), EINVAL);
    check("close_range(30, 32, 0) closes", close_range(30, 32, 0) == 0 && fcntl(31, F_GETFD) == -1);
    closefrom(fd2);
    check("closefrom closes", fcntl(fd2, F_GETFD) == -1 && errno == EBADF);

    /* record locks (struct flock) */
    struct flock lk = { .l_start = 0, .l_len = 2, .l_type = F_WRLCK, .l_whence = SEEK_SET };
    check("F_SETLK write lock", fcntl(fd, F_SETLK, &lk) == 0);
    pid_t child = fork();
    if (child == 0) {
        int c = open("f", O_RDWR);
        struct flock q = { .l_start = 0, .l_len = 10, .l_type = F_WRLCK, .l_whence = SEEK_SET };
        int r1 = fcntl(c, F_GETLK, &q) == 0 && q.l_type == F_WRLCK && q.l_pid == getppid() &&
                 q.l_start == 0 && q.l_len == 2;
        struct flock w = { .l_start = 1, .l_len = 1, .l_type = F_WRLCK, .l_whence = SEEK_SET };
        int r2 = fcntl(c, F_SETLK, &w) == -1 && errno == EAGAIN;
        struct flock f = { .l_start = 5, .l_len = 1, .l_type = F_WRLCK, .l_whence = SEEK_SET };
        int r3 = fcntl(c, F_GETLK, &f) == 0 && f.l_type == F_UNLCK;
        int r4 = flock(c, LOCK_EX | LOCK_NB) == 0;   /* flock locks are separate */
        _exit((r1 ? 0 : 1) | (r2 ? 0 : 2) | (r3 ? 0 : 4) | (r4 ? 0 : 8));
    }
    int ws = -1;
    waitpid(child, &ws, 0);
    check("child sees the lock (F_GETLK with owner pid)", WIFEXITED(ws) && !(WEXITSTATUS(ws) & 1));
    check("child's F_SETLK: EAGAIN", WIFEXITED(ws) && !(WEXITSTATUS(ws) & 2));
    check("F_GETLK on a free range: F_UNLCK", WIFEXITED(ws) && !(WEXITSTATUS(ws) & 4));
    check("flock(2) in the child", WIFEXITED(ws) && !(WEXITSTATUS(ws) & 8));
    lk.l_type = 7;
    CHECK_ERR("bad l_type: EINVAL", fcntl(fd, F_SETLK, &lk), EINVAL);
    CHECK_ERR("F_SETLK with a bad pointer: EFAULT", fcntl(fd, F_SETLK, BAD), EFAULT);
    close(fd);

    /* O_EXLOCK / O_SHLOCK */
    fd = open("f", O_RDONLY | O_EXLOCK);
    check("O_EXLOCK opens", fd >= 0);
    fd2 = open("f", O_RDONLY | O_SHLOCK | O_NONBLOCK);
    check("O_SHLOCK|O_NONBLOCK against it: EAGAIN", fd2 == -1 && errno == EAGAIN);
    close(fd);
    fd2 = open("f", O_RDONLY | O_SHLOCK | O_NONBLOCK);
    check("O_SHLOCK once released", fd2 >= 0);
    close(fd2);

    /* O_EXEC/O_SEARCH, O_PATH, O_EMPTY_PATH, O_RESOLVE_BENEATH, O_CLOEXEC, ignored flags */
    mkdir("d", 0755);
    close(open("d/in", O_WRONLY | O_CREAT, 0644));
    int dfd = open("d", O_SEARCH | O_DIRECTORY);
    check("O_SEARCH directory", dfd >= 0);
    fd = openat(dfd, "in", O_RDONLY | O_CLOEXEC);
    check("openat through it, O_CLOEXEC", fd >= 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC);
    close(fd);
    fd = openat(dfd, "in", O_RDONLY | O_RESOLVE_BENEATH);
    check("O_RESOLVE_BENEATH inside", fd >= 0);
    close(fd);
    fd = openat(dfd, "../f", O_RDONLY | O_RESOLVE_BENEATH);
    check("O_RESOLVE_BENEATH escaping fails", fd == -1);
    fd = openat(dfd, "in", O_RDONLY | O_PATH);
    check("O_PATH descriptor, F_GETFL says O_PATH", fd >= 0 && (fcntl(fd, F_GETFL) & O_PATH));
    fd2 = openat(fd, "", O_RDONLY | O_EMPTY_PATH);
    check("O_EMPTY_PATH reopens it readable", fd2 >= 0 && read(fd2, buf, 1) == 0);
    close(fd2);
    close(fd);
    CHECK_ERR("empty path without O_EMPTY_PATH: ENOENT", openat(dfd, "", O_RDONLY), ENOENT);
    fd = open("f", O_RDONLY | O_TTY_INIT | O_VERIFY);
    check("O_TTY_INIT|O_VERIFY ignored", fd >= 0);
    close(fd);
    close(dfd);

    /* pipes */
    check("pipe", pipe(p) == 0 && p[0] >= 0 && p[1] > p[0]);
    check("pipe carries data", write(p[1], "ab", 2) == 2 && read(p[0], buf, 2) == 2 && memcmp(buf, "ab", 2) == 0);
    CHECK_ERR("lseek on a pipe: ESPIPE", lseek(p[0], 0, SEEK_SET), ESPIPE);
    close(p[0]); close(p[1]);
    check("freebsd10_pipe: two descriptors in rax/rdx", old_pipe(p) == 0 && p[0] >= 0 && p[1] >= 0 &&
          p[0] != p[1] && write(p[1], "z", 1) == 1 && read(p[0], buf, 1) == 1 && buf[0] == 'z');
    close(p[0]); close(p[1]);
    check("pipe2(O_NONBLOCK|O_CLOEXEC)", pipe2(p, O_NONBLOCK | O_CLOEXEC) == 0 &&
          fcntl(p[0], F_GETFD) == FD_CLOEXEC && (fcntl(p[0], F_GETFL) & O_NONBLOCK));
    CHECK_ERR("empty non-blocking pipe: EAGAIN", read(p[0], buf, 1), EAGAIN);
    close(p[0]); close(p[1]);
    CHECK_ERR("pipe2 unknown flag: EINVAL", pipe2(p, O_APPEND), EINVAL);
    CHECK_ERR("pipe2 bad pointer: EFAULT", pipe2(BAD, 0), EFAULT);

    unlink("l"); unlink("f"); unlink("d/in"); rmdir("d");
    printf("fails %d\n", fails);
    return fails;
}
