/* FPU/XSAVE state and the signal mask of a stopped tracee (tracee.h).  Not cached
 * like the general registers: only signal delivery and context switches use them. */
#include <errno.h>
#include <elf.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include "tracer/supervisor.h"

int tracee_fpregs(struct tracee *t, struct user_fpregs_struct *fx, bool set)
{
    if (ptrace(set ? PTRACE_SETFPREGS : PTRACE_GETFPREGS, t->tid, 0, fx) < 0)
        return -errno;
    return 0;
}

/* The XSAVE area's size is the kernel's (fixed while it runs): asked once. */
static long xstate_size(pid_t tid)
{
    static long size;
    if (size)
        return size;
    size_t cap = 1 << 16;
    void *buf = malloc(cap);
    if (!buf)
        return -ENOMEM;
    struct iovec iov = { buf, cap };
    long r = ptrace(PTRACE_GETREGSET, tid, (void *)NT_X86_XSTATE, &iov) < 0 ? -errno : (long)iov.iov_len;
    free(buf);
    if (r > 0)
        size = r;
    return r;
}

long tracee_xstate(struct tracee *t, void *buf, size_t len, bool set)
{
    long size = xstate_size(t->tid);
    if (size < 0 || !buf)
        return size;
    if (len < (size_t)size)
        return -EINVAL;
    struct iovec iov = { buf, (size_t)size };
    if (ptrace(set ? PTRACE_SETREGSET : PTRACE_GETREGSET, t->tid, (void *)NT_X86_XSTATE, &iov) < 0)
        return -errno;
    return (long)iov.iov_len;
}

int tracee_sigmask(struct tracee *t, uint64_t *mask, bool set)
{
    if (ptrace(set ? PTRACE_SETSIGMASK : PTRACE_GETSIGMASK, t->tid, (void *)sizeof *mask, mask) < 0)
        return -errno;
    return 0;
}
