/* FreeBSD guest: POSIX shared memory and its relatives.  shm_open by name shared
 * across fork (the parent writes through one mapping, the child reads it through
 * its own shm_open of the name), O_EXCL/ENOENT/EINVAL/EACCES paths, read-only
 * opens, O_TRUNC, shm_rename, shm_unlink; SHM_ANON; memfd_create with seals
 * (F_ADD_SEALS/F_GET_SEALS with FreeBSD's constants); eventfd counter and
 * semaphore semantics; posix_fallocate/posix_fadvise returning the error number.
 * Run as `shm_posix DIR` (a scratch directory).  Prints "ok - X" / "not ok - X
 * (...)"; exit status = failures. */
#include <sys/types.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static void named(void)
{
    char name[64];
    snprintf(name, sizeof name, "/lsl2-shm-%d", (int)getpid());
    shm_unlink(name);
    CHECK_ERR("shm_open missing without O_CREAT: ENOENT", shm_open(name, O_RDWR, 0), ENOENT);
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
    check("shm_open O_CREAT|O_EXCL", fd >= 0);
    check("close-on-exec is set", fcntl(fd, F_GETFD) == FD_CLOEXEC);
    CHECK_ERR("second O_CREAT|O_EXCL: EEXIST", shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600), EEXIST);
    CHECK_ERR("O_WRONLY: EINVAL", shm_open(name, O_WRONLY, 0), EINVAL);
    struct stat st;
    check("fstat: regular, mode 0600, size 0", fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
          (st.st_mode & 0777) == 0600 && st.st_size == 0);
    check("ftruncate 8192", ftruncate(fd, 8192) == 0 && fstat(fd, &st) == 0 && st.st_size == 8192);
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check("mmap MAP_SHARED", p != MAP_FAILED);
    strcpy(p, "from the parent");
    strcpy(p + 4096, "second page");

    int pp[2];
    check("pipe", pipe(pp) == 0);
    pid_t c = fork();
    if (c == 0) {
        close(pp[1]);
        char go;
        read(pp[0], &go, 1);    /* wait for the parent's last write */
        int f2 = shm_open(name, O_RDWR, 0);
        char *q = f2 < 0 ? MAP_FAILED : mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, f2, 0);
        if (q == MAP_FAILED)
            _exit(2);
        int ok = strcmp(q, "updated by the parent") == 0 && strcmp(q + 4096, "second page") == 0;
        strcpy(q, "child was here");
        _exit(ok ? 0 : 3);
    }
    close(pp[0]);
    strcpy(p, "updated by the parent");
    write(pp[1], "g", 1);
    close(pp[1]);
    int st2;
    waitpid(c, &st2, 0);
    check("child opened the name and read the parent's data", WIFEXITED(st2) && WEXITSTATUS(st2) == 0);
    check("parent sees the child's write", strcmp(p, "child was here") == 0);

    int ro = shm_open(name, O_RDONLY, 0);
    check("O_RDONLY open", ro >= 0 && (fcntl(ro, F_GETFL) & O_ACCMODE) == O_RDONLY);
    check("read-only descriptor: a new file offset", lseek(ro, 10, SEEK_SET) == 10 &&
          lseek(fd, 0, SEEK_CUR) == 0);
    errno = 0;
    check("read-only descriptor: MAP_SHARED PROT_WRITE refused",
          mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0) == MAP_FAILED && errno == EACCES);
    char b[32] = "";
    check("pread from the read-only descriptor", pread(ro, b, 5, 0) == 5 && memcmp(b, "child", 5) == 0);
    close(ro);

    check("fchmod 0400", fchmod(fd, 0400) == 0);
    if (geteuid() == 0) {
        check("root opens a 0400 object read-write", (ro = shm_open(name, O_RDWR, 0)) >= 0);
        close(ro);
    } else {
        CHECK_ERR("O_RDWR on a 0400 object: EACCES", shm_open(name, O_RDWR, 0), EACCES);
    }
    check("fchmod 0600", fchmod(fd, 0600) == 0);

    int tr = shm_open(name, O_RDWR | O_TRUNC, 0);
    check("O_TRUNC empties the object", tr >= 0 && fstat(fd, &st) == 0 && st.st_size == 0);
    close(tr);

    char name2[80];
    snprintf(name2, sizeof name2, "%s-renamed", name);
    check("shm_rename", shm_rename(name, name2, 0) == 0);
    CHECK_ERR("old name gone: ENOENT", shm_open(name, O_RDWR, 0), ENOENT);
    int f3 = shm_open(name2, O_RDWR, 0);
    check("new name opens the same object", f3 >= 0 && ftruncate(f3, 100) == 0 &&
          fstat(fd, &st) == 0 && st.st_size == 100);
    close(f3);
    CHECK_ERR("shm_rename of a missing name: ENOENT", shm_rename(name, name2, 0), ENOENT);
    check("shm_unlink", shm_unlink(name2) == 0);
    CHECK_ERR("shm_unlink again: ENOENT", shm_unlink(name2), ENOENT);
    check("the mapping outlives the name", strcpy(p, "still here") && strcmp(p, "still here") == 0);
    CHECK_ERR("shm_unlink bad pointer: EFAULT", shm_unlink((const char *)8), EFAULT);
    munmap(p, 8192);
    close(fd);
}

static void anon(void)
{
    int fd = shm_open(SHM_ANON, O_RDWR, 0600);
    check("SHM_ANON", fd >= 0 && ftruncate(fd, 4096) == 0);
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check("SHM_ANON mapping", p != MAP_FAILED);
    pid_t c = fork();
    if (c == 0) {
        strcpy(p, "anon shared");
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    check("SHM_ANON shared with a forked child", strcmp(p, "anon shared") == 0);
    munmap(p, 4096);
    close(fd);
    CHECK_ERR("SHM_ANON read-only: EINVAL", shm_open(SHM_ANON, O_RDONLY, 0600), EINVAL);

    int m = memfd_create("lsl2test", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    check("memfd_create", m >= 0 && fcntl(m, F_GETFD) == FD_CLOEXEC);
    check("write 5 bytes", write(m, "hello", 5) == 5);
    check("F_GET_SEALS: none", fcntl(m, F_GET_SEALS) == 0);
    check("F_ADD_SEALS SHRINK|GROW", fcntl(m, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW) == 0);
    check("F_GET_SEALS: SHRINK|GROW", fcntl(m, F_GET_SEALS) == (F_SEAL_SHRINK | F_SEAL_GROW));
    CHECK_ERR("ftruncate smaller after F_SEAL_SHRINK: EPERM", ftruncate(m, 1), EPERM);
    CHECK_ERR("write past the end after F_SEAL_GROW: EPERM", pwrite(m, "x", 1, 100), EPERM);
    check("F_ADD_SEALS SEAL", fcntl(m, F_ADD_SEALS, F_SEAL_SEAL) == 0);
    CHECK_ERR("F_ADD_SEALS after F_SEAL_SEAL: EPERM", fcntl(m, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
    close(m);
    int n = memfd_create("noseal", 0);
    check("memfd_create without sealing: not close-on-exec", n >= 0 && fcntl(n, F_GETFD) == 0);
    check("F_GET_SEALS: F_SEAL_SEAL", fcntl(n, F_GET_SEALS) == F_SEAL_SEAL);
    CHECK_ERR("F_ADD_SEALS: EPERM", fcntl(n, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
    close(n);
}

static void efd(void)
{
    int e = eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC);
    check("eventfd(3, NONBLOCK|CLOEXEC)", e >= 0 && fcntl(e, F_GETFD) == FD_CLOEXEC &&
          (fcntl(e, F_GETFL) & O_NONBLOCK));
    eventfd_t v = 0;
    check("read: the counter, 3", eventfd_read(e, &v) == 0 && v == 3);
    CHECK_ERR("read at zero: EAGAIN", eventfd_read(e, &v), EAGAIN);
    check("write 2 and 5", eventfd_write(e, 2) == 0 && eventfd_write(e, 5) == 0);
    check("read: 7", eventfd_read(e, &v) == 0 && v == 7);
    char small[4];
    CHECK_ERR("4-byte read: EINVAL", read(e, small, sizeof small), EINVAL);
    close(e);
    int s = eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK);
    check("EFD_SEMAPHORE: reads 1, 1, then EAGAIN", s >= 0 && eventfd_read(s, &v) == 0 && v == 1 &&
          eventfd_read(s, &v) == 0 && v == 1 && eventfd_read(s, &v) == -1 && errno == EAGAIN);
    close(s);
    CHECK_ERR("eventfd unknown flag: EINVAL", eventfd(0, 0x40), EINVAL);
}

static void advise(const char *dir)
{
    char path[256];
    snprintf(path, sizeof path, "%s/falloc", dir);
    int f = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct stat st;
    check("posix_fallocate: 0, file grows", f >= 0 && posix_fallocate(f, 0, 10000) == 0 &&
          fstat(f, &st) == 0 && st.st_size == 10000);
    check("posix_fallocate len 0: returns EINVAL", posix_fallocate(f, 0, 0) == EINVAL);
    check("posix_fallocate on a bad fd: returns EBADF", posix_fallocate(99, 0, 10) == EBADF);
    int p[2];
    pipe(p);
    check("posix_fallocate on a pipe: returns ESPIPE", posix_fallocate(p[0], 0, 10) == ESPIPE);
    errno = 0;
    check("posix_fadvise SEQUENTIAL: 0", posix_fadvise(f, 0, 0, POSIX_FADV_SEQUENTIAL) == 0);
    check("posix_fadvise NOREUSE: 0", posix_fadvise(f, 0, 100, POSIX_FADV_NOREUSE) == 0);
    check("posix_fadvise bad advice: returns EINVAL", posix_fadvise(f, 0, 0, 99) == EINVAL);
    check("posix_fadvise on a pipe: returns ESPIPE", posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL) == ESPIPE);
    check("posix_fadvise on a bad fd: returns EBADF, errno untouched",
          posix_fadvise(99, 0, 0, POSIX_FADV_NORMAL) == EBADF && errno == 0);
    close(p[0]);
    close(p[1]);
    close(f);
    unlink(path);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        printf("not ok - usage: shm_posix DIR\n");
        return 1;
    }
    named();
    anon();
    efd();
    advise(argv[1]);
    printf("fails %d\n", fails);
    return fails;
}
