/* FreeBSD guest: the mmap family (mmap flags and checks, MAP_ALIGNED, MAP_GUARD,
 * unaligned file offsets, mprotect with PROT_MAX, madvise, minherit, msync,
 * mincore, mlockall) and its error paths.  Prints "check NAME ok|FAIL(...)"
 * lines and "fails N". */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check_fmt.h"

#define PG 4096

/* Runs fn in a child; returns its wait status. */
static int in_child(void (*fn)(void *), void *arg)
{
    pid_t p = fork();
    if (p == 0) { fn(arg); _exit(0); }
    int st = 0;
    if (p < 0 || waitpid(p, &st, 0) != p)
        return -1;
    return st;
}
static void touch(void *p) { *(volatile char *)p = 1; }

int main(void)
{
    char *p = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE, -1, 0);
    check("anon mapping", p != MAP_FAILED, "%ld %ld", (long)p, 0);
    memset(p, 'a', 3 * PG);
    check("anon mapping is writable", p[3 * PG - 1] == 'a', "%ld %ld", p[3 * PG - 1], 0);

    ERRNO_IS("MAP_ANON with a descriptor: EINVAL", mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_PRIVATE, 0, 0), EINVAL);
    ERRNO_IS("MAP_ANON with an offset: EINVAL", mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, PG), EINVAL);
    ERRNO_IS("MAP_EXCL without MAP_FIXED: EINVAL", mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_EXCL, -1, 0), EINVAL);
    ERRNO_IS("MAP_FIXED|MAP_EXCL on used space: ENOMEM",
             mmap(p, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_FIXED | MAP_EXCL, -1, 0), ENOMEM);
    char *q = mmap(p + PG, PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE | MAP_FIXED, -1, 0);
    check("MAP_FIXED replaces", q == p + PG && q[0] == 0 && p[0] == 'a', "%ld %ld", (long)q, (long)p);
    ERRNO_IS("length 0: EINVAL", mmap(NULL, 0, PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0), EINVAL);
    ERRNO_IS("unknown prot bit: EINVAL", mmap(NULL, PG, 0x8 | PROT_READ, MAP_ANON | MAP_PRIVATE, -1, 0), EINVAL);

    /* neither MAP_SHARED nor MAP_PRIVATE: private */
    char *n = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_ANON, -1, 0);
    check("MAP_ANON alone", n != MAP_FAILED, "%ld %ld", (long)n, 0);

    char *al = mmap(NULL, 5 * PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED(21), -1, 0);
    check("MAP_ALIGNED(21) is 2 MiB aligned", al != MAP_FAILED && ((uintptr_t)al & ((1 << 21) - 1)) == 0,
          "%ld %ld", (long)al, 0);
    if (al != MAP_FAILED) {
        al[5 * PG - 1] = 1;
        check("MAP_ALIGNED: the whole length is usable", al[5 * PG - 1] == 1, "%ld %ld", 0, 0);
        /* the trimmed tail is not mapped: mincore says ENOMEM there */
        char v;
        ERRNO_IS("MAP_ALIGNED: the tail past the length is unmapped", mincore(al + 5 * PG, PG, &v), ENOMEM);
    }
    char *sup = mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED_SUPER, -1, 0);
    check("MAP_ALIGNED_SUPER", sup != MAP_FAILED && ((uintptr_t)sup & ((1 << 21) - 1)) == 0, "%ld %ld", (long)sup, 0);
    ERRNO_IS("MAP_ALIGNED(5): EINVAL", mmap(NULL, PG, PROT_READ, MAP_ANON | MAP_PRIVATE | MAP_ALIGNED(5), -1, 0), EINVAL);

    char *g = mmap(NULL, 4 * PG, PROT_NONE, MAP_GUARD, -1, 0);
    check("MAP_GUARD reservation", g != MAP_FAILED, "%ld %ld", (long)g, 0);
    ERRNO_IS("MAP_GUARD with a prot: EINVAL", mmap(NULL, PG, PROT_READ, MAP_GUARD, -1, 0), EINVAL);
    ERRNO_IS("MAP_GUARD with MAP_PRIVATE: EINVAL", mmap(NULL, PG, PROT_NONE, MAP_GUARD | MAP_PRIVATE, -1, 0), EINVAL);
    if (g != MAP_FAILED) {
        int st = in_child(touch, g);
        check("touching a guard faults (SIGSEGV)", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "status %ld %ld", st, 0);
    }

    ERRNO_IS("MAP_STACK without PROT_WRITE: EINVAL", mmap(NULL, PG, PROT_READ, MAP_STACK, -1, 0), EINVAL);
    char *stk = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE, MAP_STACK, -1, 0);
    check("MAP_STACK", stk != MAP_FAILED, "%ld %ld", (long)stk, 0);
    char *nc = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE | MAP_NOCORE, -1, 0);
    check("MAP_NOCORE", nc != MAP_FAILED, "%ld %ld", (long)nc, 0);
    char *lo = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_ANON | MAP_PRIVATE | MAP_32BIT, -1, 0);
    check("MAP_32BIT is below 4 GiB", lo != MAP_FAILED && (uintptr_t)lo < 0x100000000ull, "%ld %ld", (long)lo, 0);

    /* a file with byte i = i % 251 */
    const char *path = "/tmp/mem_mmap.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    static unsigned char buf[3 * PG];
    for (int i = 0; i < 3 * PG; i++)
        buf[i] = (unsigned char)(i % 251);
    check("test file written", fd >= 0 && write(fd, buf, sizeof buf) == (ssize_t)sizeof buf, "%ld %ld", fd, 0);
    unsigned char *f = mmap(NULL, 100, PROT_READ, MAP_PRIVATE, fd, PG + 7);
    check("file mapping at an unaligned offset", f != MAP_FAILED && f[0] == (PG + 7) % 251 && f[99] == (PG + 106) % 251,
          "%ld %ld", f == MAP_FAILED ? -1 : f[0], (PG + 7) % 251);
    ERRNO_IS("MAP_FIXED with a misaligned offset: EINVAL",
             mmap(p, PG, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 7), EINVAL);
    unsigned char *fs = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    check("shared file mapping", fs != MAP_FAILED, "%ld %ld", (long)fs, 0);
    if (fs != MAP_FAILED) {
        fs[0] = 'Z';
        check("msync(MS_SYNC)", msync(fs, PG, MS_SYNC) == 0, "errno %ld %ld", errno, 0);
        unsigned char c = 0;
        pread(fd, &c, 1, 0);
        check("msync: the file has the byte", c == 'Z', "%ld %ld", c, 0);
        ERRNO_IS("msync(MS_ASYNC|MS_INVALIDATE): EINVAL", msync(fs, PG, MS_ASYNC | MS_INVALIDATE), EINVAL);
        check("madvise(MADV_FREE) on a file mapping", madvise(fs, PG, MADV_FREE) == 0, "errno %ld %ld", errno, 0);
    }
    close(fd);
    unlink(path);

    char *m = mmap(NULL, 2 * PG, PROT_READ | PROT_MAX(PROT_READ | PROT_WRITE), MAP_ANON | MAP_PRIVATE, -1, 0);
    check("mmap with PROT_MAX", m != MAP_FAILED, "%ld %ld", (long)m, 0);
    check("mprotect with PROT_MAX bits", mprotect(m, 2 * PG, PROT_READ | PROT_WRITE | PROT_MAX(PROT_READ | PROT_WRITE)) == 0,
          "errno %ld %ld", errno, 0);
    m[0] = 5;
    check("mprotect: now writable", m[0] == 5, "%ld %ld", m[0], 0);
    ERRNO_IS("mprotect with an unknown bit: EINVAL", mprotect(m, PG, 0x8), EINVAL);

    check("madvise(MADV_NOSYNC) succeeds", madvise(p, PG, MADV_NOSYNC) == 0, "errno %ld %ld", errno, 0);
    check("madvise(MADV_FREE)", madvise(p, PG, MADV_FREE) == 0, "errno %ld %ld", errno, 0);
    check("madvise(MADV_NOCORE)", madvise(p, PG, MADV_NOCORE) == 0, "errno %ld %ld", errno, 0);
    ERRNO_IS("madvise(99): EINVAL", madvise(p, PG, 99), EINVAL);

    check("minherit(INHERIT_NONE)", minherit(m + PG, PG, INHERIT_NONE) == 0, "errno %ld %ld", errno, 0);
    int st = in_child(touch, m + PG);
    check("INHERIT_NONE: the child has no mapping there", WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "status %ld %ld", st, 0);
    check("minherit(INHERIT_COPY)", minherit(m + PG, PG, INHERIT_COPY) == 0, "errno %ld %ld", errno, 0);
    st = in_child(touch, m + PG);
    check("INHERIT_COPY: the child has it again", WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %ld %ld", st, 0);
    ERRNO_IS("minherit(INHERIT_SHARE): EINVAL (unsupported)", minherit(m, PG, INHERIT_SHARE), EINVAL);

    char vec[2] = { 0, 0 };
    p[0] = 1;
    check("mincore at an unaligned address", mincore(p + 100, PG, vec) == 0 && (vec[0] & MINCORE_INCORE),
          "vec %ld errno %ld", vec[0], errno);
    ERRNO_IS("mincore with a bad vector: EFAULT", mincore(p, PG, (char *)8), EFAULT);
    ERRNO_IS("mlockall(4): EINVAL", mlockall(4), EINVAL);

    check("munmap", munmap(p, 3 * PG) == 0, "errno %ld %ld", errno, 0);
    ERRNO_IS("mincore after munmap: ENOMEM", mincore(p, PG, vec), ENOMEM);
    printf("fails %d\n", fails);
    return fails != 0;
}
