/* FreeBSD signal masks and dispositions (see signal.h for the whole domain):
 * signal numbers and 128-bit sets through abi/freebsd/signal.h.
 *   sigprocmask: the set converted to Linux's 64-bit one and back (members
 *     without a Linux number are dropped).
 *   sigaction: SIG_DFL and SIG_IGN are set on Linux (rt_sigaction with the
 *     translated signal, flags and mask).  A handler function is recorded in the
 *     process's state (pstate.h) and run by sigdeliver.c at the signal's
 *     delivery stop; Linux keeps SIG_DFL for that signal (with SA_NOCLDSTOP /
 *     SA_NOCLDWAIT, which change how SIGCHLD is generated), so that every such
 *     signal stops in the tracer and nothing of the guest's runs as a Linux
 *     handler.  The first handler maps the sigreturn trampoline (signal.h).
 *     Signals without a Linux number (FreeBSD real-time signals above
 *     SIGRTMIN+28) are recorded only.
 *   kill: the signal number translated. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "personalities/freebsd/signal.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/ucontext.h"
#include "tracer/tracee.h"

/* sigprocmask(int how, const sigset_t *set, sigset_t *oset) */
enum sys_action fbsd_sys_sigprocmask(struct tracee *t, struct sysc *sc)
{
    uint64_t set = sc->args[1], oset = sc->args[2];
    int how = fbsd_sighow_to_linux((int)sc->args[0]);
    if (set && how < 0)
        return sysc_done(sc, -EINVAL);
    uint64_t scr = guest_scratch(t, 16);
    if (!scr)
        return sysc_done(sc, -ENOMEM);
    if (set) {
        fbsd_sigset_t fs;
        if (guest_read(t, set, &fs, sizeof fs) < 0)
            return sysc_done(sc, -EFAULT);
        uint64_t ls = fbsd_sigset_to_linux(&fs);
        if (guest_write(t, scr, &ls, sizeof ls) < 0)
            return sysc_done(sc, -ENOMEM);
    }
    sc->save[0] = scr + 8;
    sysc_set_arg(t, 0, (uint64_t)(how < 0 ? SIG_BLOCK : how));
    sysc_set_arg(t, 1, set ? scr : 0);
    sysc_set_arg(t, 2, oset ? scr + 8 : 0);
    sysc_set_arg(t, 3, 8);
    sysc_set_host_nr(t, __NR_rt_sigprocmask);
    return SYS_PASS;
}

void fbsd_sys_sigprocmask_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret != 0 || !sc->args[2])
        return;
    uint64_t ls;
    fbsd_sigset_t fs;
    if (guest_read(t, sc->save[0], &ls, sizeof ls) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    fbsd_sigset_from_linux(&fs, ls);
    if (guest_write(t, sc->args[2], &fs, sizeof fs) < 0)
        sc->ret = -EFAULT;
}

/* The kernel's struct sigaction on x86-64. */
struct linux_ksigaction {
    uint64_t handler;
    uint64_t flags;
    uint64_t restorer;
    uint64_t mask;
};

#define LINUX_SA_RESTORER 0x04000000   /* asm/signal.h */

static void to_linux(const struct fbsd_sigaction *f, struct linux_ksigaction *l)
{
    l->handler = f->fsa_handler;
    l->flags = fbsd_bits_to_host(&fbsd_sa_flags_map, (uint32_t)f->fsa_flags, NULL);
    l->restorer = 0;
    l->mask = fbsd_sigset_to_linux(&f->fsa_mask);
}

static void from_linux(const struct linux_ksigaction *l, struct fbsd_sigaction *f)
{
    memset(f, 0, sizeof *f);
    f->fsa_handler = l->handler;
    f->fsa_flags = (int32_t)fbsd_bits_to_guest(&fbsd_sa_flags_map,
                                               l->flags & ~(uint64_t)LINUX_SA_RESTORER, NULL);
    fbsd_sigset_from_linux(&f->fsa_mask, l->mask);
}

int fbsd_signal_check(int sig)
{
    if (sig == 0)
        return 0;
    if (sig < 0 || sig > FBSD_NSIG)
        return -EINVAL;
    int l = fbsd_signal_to_linux(sig);
    return l > 0 ? l : -EINVAL;
}

/* Maps FreeBSD's sigcode into the guest: a private anonymous page, written, then
 * made read+execute.  At a syscall-entry stop only (guest_syscall).  Returns its
 * address, or 0. */
static uint64_t map_sigcode(struct tracee *t)
{
    uint64_t a[6] = { 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0 };
    long addr = guest_syscall(t, __NR_mmap, a);
    if (addr < 0 && addr > -4096)
        return 0;
    uint64_t p[6] = { (uint64_t)addr, 4096, PROT_READ | PROT_EXEC, 0, 0, 0 };
    if (guest_write(t, (uint64_t)addr, fbsd_sigcode, fbsd_sigcode_len) < 0 ||
        guest_syscall(t, __NR_mprotect, p) < 0) {
        uint64_t u[6] = { (uint64_t)addr, 4096, 0, 0, 0, 0 };
        guest_syscall(t, __NR_munmap, u);
        return 0;
    }
    return (uint64_t)addr;
}

/* sigaction(int sig, const struct sigaction *act, struct sigaction *oact) */
enum sys_action fbsd_sys_sigaction(struct tracee *t, struct sysc *sc)
{
    int sig = (int)sc->args[0];
    uint64_t act = sc->args[1], oact = sc->args[2];
    if (sig <= 0 || sig > FBSD_NSIG)
        return sysc_done(sc, -EINVAL);
    struct fbsd_sigaction nf, of;
    if (act && guest_read(t, act, &nf, sizeof nf) < 0)
        return sysc_done(sc, -EFAULT);
    if (act && (sig == FBSD_SIGKILL || sig == FBSD_SIGSTOP))
        return sysc_done(sc, -EINVAL);
    struct fbsd_pstate *s = fbsd_pstate(t);
    if (!s)
        return sysc_done(sc, -ENOMEM);
    struct fbsd_sigrec *rec = &s->sig[sig];
    int lsig = fbsd_signal_to_linux(sig);

    /* The old action: the recorded handler, else Linux's (or SIG_DFL when
     * Linux has no such signal). */
    memset(&of, 0, sizeof of);
    bool handler = act && nf.fsa_handler != FBSD_SIG_DFL && nf.fsa_handler != FBSD_SIG_IGN;
    if (lsig > 0) {
        if (handler && !s->sigcode && !(s->sigcode = map_sigcode(t)))
            return sysc_done(sc, -ENOMEM);
        uint64_t scr = guest_scratch(t, 2 * sizeof(struct linux_ksigaction));
        if (!scr)
            return sysc_done(sc, -ENOMEM);
        struct linux_ksigaction ln, lo;
        if (act) {
            to_linux(&nf, &ln);
            if (handler) {
                ln.handler = (uint64_t)(uintptr_t)SIG_DFL;
                ln.flags &= SA_NOCLDSTOP | SA_NOCLDWAIT;
            }
            if (guest_write(t, scr, &ln, sizeof ln) < 0)
                return sysc_done(sc, -ENOMEM);
        }
        uint64_t args[6] = { (uint64_t)lsig, act ? scr : 0, scr + sizeof ln, 8, 0, 0 };
        long r = guest_syscall(t, __NR_rt_sigaction, args);
        if (r < 0)
            return sysc_done(sc, r);
        if (guest_read(t, scr + sizeof ln, &lo, sizeof lo) < 0)
            return sysc_done(sc, -EFAULT);
        from_linux(&lo, &of);
    }
    if (rec->set)
        of = rec->act;
    if (act) {
        rec->set = handler;
        if (handler)
            rec->act = nf;
    }
    if (oact && guest_write(t, oact, &of, sizeof of) < 0)
        return sysc_done(sc, -EFAULT);
    return sysc_done(sc, 0);
}

/* kill(pid_t pid, int signum); killpg is libc's kill(-pgrp, sig). */
enum sys_action fbsd_sys_kill(struct tracee *t, struct sysc *sc)
{
    int sig = (int)sc->args[1];
    int lsig = 0;
    if ((lsig = fbsd_signal_check(sig)) < 0)
        return sysc_done(sc, lsig);
    sysc_set_arg(t, 1, (uint64_t)lsig);
    sysc_set_host_nr(t, __NR_kill);
    return SYS_PASS;
}
