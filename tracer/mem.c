/* Guest memory: process_vm_readv/writev first (one syscall for any length), then
 * PTRACE_PEEKDATA/POKEDATA word by word, which also reaches pages the guest cannot
 * write itself (read-only mappings) and works where process_vm_* is refused.
 * Every failure becomes -EFAULT for the caller; lsl2 never touches guest pointers
 * directly, so a bad one cannot crash it. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>
#include "tracer/supervisor.h"

#define WORD sizeof(long)

static int peek(pid_t tid, uint64_t addr, long *word)
{
    errno = 0;
    long v = ptrace(PTRACE_PEEKDATA, tid, (void *)addr, 0);
    if (v == -1 && errno)
        return -EFAULT;
    *word = v;
    return 0;
}

static int ptrace_read(pid_t tid, uint64_t addr, char *buf, size_t len)
{
    while (len) {
        uint64_t base = addr & ~(uint64_t)(WORD - 1);
        size_t off = addr - base, n = WORD - off;
        long w;
        if (n > len)
            n = len;
        if (peek(tid, base, &w) < 0)
            return -EFAULT;
        memcpy(buf, (char *)&w + off, n);
        buf += n; addr += n; len -= n;
    }
    return 0;
}

static int ptrace_write(pid_t tid, uint64_t addr, const char *buf, size_t len)
{
    while (len) {
        uint64_t base = addr & ~(uint64_t)(WORD - 1);
        size_t off = addr - base, n = WORD - off;
        long w = 0;
        if (n > len)
            n = len;
        if (n != WORD && peek(tid, base, &w) < 0)   /* keep the bytes around a partial word */
            return -EFAULT;
        memcpy((char *)&w + off, buf, n);
        if (ptrace(PTRACE_POKEDATA, tid, (void *)base, (void *)w) < 0)
            return -EFAULT;
        buf += n; addr += n; len -= n;
    }
    return 0;
}

/* Whole transfer through process_vm_*: true when done; false (partial, EFAULT on
 * a read-only page, ENOSYS, EPERM) sends the caller to ptrace, which decides. */
static bool vm_xfer(pid_t tid, uint64_t addr, void *buf, size_t len, bool write)
{
    struct iovec local = { buf, len }, remote = { (void *)addr, len };
    ssize_t r = write ? process_vm_writev(tid, &local, 1, &remote, 1, 0)
                      : process_vm_readv(tid, &local, 1, &remote, 1, 0);
    return r == (ssize_t)len;
}

int guest_read(struct tracee *t, uint64_t addr, void *buf, size_t len)
{
    if (len == 0)
        return 0;
    if (addr + len < addr)
        return -EFAULT;
    if (vm_xfer(t->tid, addr, buf, len, false))
        return 0;
    return ptrace_read(t->tid, addr, buf, len);
}

int guest_write(struct tracee *t, uint64_t addr, const void *buf, size_t len)
{
    if (len == 0)
        return 0;
    if (addr + len < addr)
        return -EFAULT;
    if (vm_xfer(t->tid, addr, (void *)buf, len, true))
        return 0;
    return ptrace_write(t->tid, addr, buf, len);
}

long guest_read_str(struct tracee *t, uint64_t addr, char *buf, size_t cap)
{
    if (cap == 0)
        return -ENAMETOOLONG;
    size_t got = 0;
    long page = sysconf(_SC_PAGESIZE);
    while (got < cap) {
        /* Never read across a page boundary in one go: the next page may be unmapped
         * although the string ends before it. */
        uint64_t a = addr + got;
        size_t n = (size_t)page - (a & (uint64_t)(page - 1));
        if (n > cap - got)
            n = cap - got;
        if (guest_read(t, a, buf + got, n) < 0)
            return -EFAULT;
        char *nul = memchr(buf + got, 0, n);
        if (nul)
            return nul - buf;
        got += n;
    }
    buf[cap - 1] = 0;
    return -ENAMETOOLONG;
}
