/* FreeBSD's system call result convention on amd64 (sys/amd64/amd64/vm_machdep.c,
 * cpu_set_syscall_retval): success puts the value in %rax (and the second value
 * in %rdx for the calls that have one: fork, pipe, ...) and clears the carry
 * flag; an error puts the positive FreeBSD errno in %rax and sets the carry flag.
 * libc tests the carry flag, not the sign of %rax. */
#include <errno.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/errno.h"
#include "tracer/tracee.h"

/* Linux's in-kernel restart codes (ERESTARTSYS 512 ... ERESTART_RESTARTBLOCK
 * 516): at a syscall-exit stop the kernel has yet to restart the call, and it
 * looks for these values in %rax to do so, so they go to %rax unconverted — also
 * when an exit handler turned the kernel's EINTR into one (kevent's epoll wait). */
static bool is_restart(long ret)
{
    return ret <= -512 && ret >= -516;
}

void fbsd_result_to_regs(struct user_regs_struct *r, long ret, long ret2, bool has_ret2)
{
    if (ret == FBSD_RET_JUSTRETURN)
        return;     /* a context loaded by the handler (signal.h) */
    if (is_restart(ret)) {
        r->rax = (unsigned long)ret;
        return;
    }
    if (ret < 0 && ret >= -4095) {
        r->rax = (unsigned long)fbsd_errno_from_linux((int)-ret);
        r->eflags |= FBSD_EFLAGS_CF;
    } else {
        r->rax = (unsigned long)ret;
        if (has_ret2)
            r->rdx = (unsigned long)ret2;
        r->eflags &= ~FBSD_EFLAGS_CF;
    }
}

void fbsd_set_result(struct tracee *t, long ret, long ret2)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return;     /* the thread is gone */
    fbsd_result_to_regs(r, ret, ret2, t->sc.has_ret2);
    if (ret == FBSD_RET_JUSTRETURN)
        t->sc.ret = (long)r->rax;   /* --trace shows the loaded context's %rax */
    /* A call a signal interrupted (ERESTARTSYS/NOINTR/NOHAND) is run again by
     * the kernel with %rax = orig_rax: put the guest's number back there, or the
     * guest would make the host number's FreeBSD call (Linux fork 57 is FreeBSD
     * symlink).  The tracer restores the argument registers at this stop. */
    if (ret <= -512 && ret >= -514 && r->orig_rax != (uint64_t)t->sc.nr)
        r->orig_rax = (uint64_t)t->sc.nr;
    /* ERESTART_RESTARTBLOCK: the kernel comes back as restart_syscall (#219,
     * sigdeliver.c) unless a handler runs first. */
    if (ret == -516)
        fbsd_note_restart_block(t);
    tracee_regs_changed(t);
}

/* The kernel ran a Linux call: its result is in %rax, Linux's way. */
long fbsd_get_result(struct tracee *t)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return -ESRCH;
    return (long)r->rax;
}
