/* Signal delivery to FreeBSD handlers, at the supervisor's signal-delivery-stop
 * (personality hook signal_deliver), as FreeBSD's amd64 sendsig does it:
 *   - the frame (struct sigframe: handler, ucontext with the interrupted
 *     registers, FPU and mask, siginfo) goes below the interrupted %rsp less its
 *     128-byte red zone, or at the top of the alternate stack (SA_ONSTACK, not on
 *     it already); the XSAVE state beyond FXSAVE goes above the frame;
 *   - %rdi = signal, %rsi = &sf_si (SA_SIGINFO) or the code, %rdx = &sf_uc,
 *     %rcx = fault address, %rsp = frame, %rip = the sigcode trampoline, which
 *     calls the handler and then sigreturn(&sf_uc);
 *   - the handler runs with its signal (unless SA_NODEFER) and sa_mask blocked:
 *     set with PTRACE_SETSIGMASK, the mask before it is saved in uc_sigmask;
 *   - SA_RESETHAND puts the disposition back to SIG_DFL.
 * A signal that interrupted a syscall: at this stop %rax holds Linux's restart
 * code and the kernel would rewind the call when the stop ends.  We take that
 * decision ourselves (orig_rax = -1: no kernel restart) and put it into the
 * saved context, FreeBSD's way: restart (ERESTARTNOINTR, or ERESTARTSYS with
 * SA_RESTART: %rip back over the syscall instruction, %rax = the guest's number)
 * or EINTR (%rax = 4, carry set).
 * Without a handler the host signal is handed on (the kernel applies SIG_DFL or
 * SIG_IGN), except the FreeBSD signals whose default is to be ignored while
 * Linux's counterpart would kill: SIGIO, SIGINFO, SIGTHR, SIGLIBRT. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "personalities/freebsd/sigctx.h"
#include "personalities/freebsd/sock.h"
#include "abi/freebsd/errno.h"
#include "tracer/tracee.h"

#define LX_ERESTARTSYS           512
#define LX_ERESTARTNOINTR        513
#define LX_ERESTARTNOHAND        514
#define LX_ERESTART_RESTARTBLOCK 516

/* Default action "ignore" on FreeBSD where the Linux signal it travels as would
 * terminate the process. */
static bool default_ignored(int sig)
{
    return sig == FBSD_SIGIO || sig == FBSD_SIGINFO || sig == FBSD_SIGTHR || sig == FBSD_SIGLIBRT;
}

bool fbsd_on_altstack(struct tracee *t, uint64_t sp)
{
    struct fbsd_tstate *ts = t->tstate;
    return ts && ts->sigt.alt_enabled && sp - ts->sigt.alt_sp < ts->sigt.alt_size;
}

/* The context to save when the stop follows an interrupted syscall; returns
 * whether the handler interrupted one. */
static bool syscall_outcome(struct user_regs_struct *ctx, const struct fbsd_sigaction *act)
{
    long rax = (long)ctx->rax;
    if ((long)ctx->orig_rax < 0 ||
        !(rax == -LX_ERESTARTSYS || rax == -LX_ERESTARTNOINTR || rax == -LX_ERESTARTNOHAND ||
          rax == -LX_ERESTART_RESTARTBLOCK))
        return false;
    if (rax == -LX_ERESTARTNOINTR || (rax == -LX_ERESTARTSYS && (act->fsa_flags & FBSD_SA_RESTART))) {
        ctx->rip -= 2;                  /* the syscall instruction again */
        ctx->rax = ctx->orig_rax;       /* the guest's number (result.c put it back) */
    } else {
        ctx->rax = (uint64_t)fbsd_errno_from_linux(EINTR);
        ctx->eflags |= FBSD_EFLAGS_CF;
    }
    return true;
}

/* The frame could not be written (no stack left): FreeBSD kills the process
 * (sigexit).  The handler is dropped and the signal unblocked, so that the host
 * signal, handed on, takes its default action. */
static int cannot_deliver(struct tracee *t, struct fbsd_sigrec *rec, int host_sig, uint64_t mask)
{
    rec->set = false;
    mask &= ~(1ull << (host_sig - 1));
    tracee_sigmask(t, &mask, true);
    return host_sig;
}

int fbsd_signal_deliver(struct tracee *t, int host_sig, const siginfo_t *si)
{
    int sig = fbsd_signal_from_linux(host_sig);
    struct fbsd_pstate *ps = t->pstate;
    if (sig <= 0)
        return host_sig;
    /* SO_NOSIGPIPE on a write(2)-family call: FreeBSD sends no signal at all */
    if (fbsd_sigpipe_suppressed(t, host_sig, si))
        return 0;
    /* EVFILT_SIGNAL records every delivery attempt, handled, ignored or default */
    fbsd_kq_signal_seen(t, sig);
    struct fbsd_sigrec *rec = ps ? &ps->sig[sig] : NULL;
    if (!rec || !rec->set || !ps->sigcode)
        return default_ignored(sig) ? 0 : host_sig;

    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return host_sig;
    const struct fbsd_sigaction act = rec->act;
    struct fbsd_tstate *ts = fbsd_tstate(t);
    uint64_t old;
    if (!ts || tracee_sigmask(t, &old, false) < 0)
        return host_sig;

    struct user_regs_struct ctx = *r;
    bool in_call = syscall_outcome(&ctx, &act);
    if (in_call && (long)r->rax == -LX_ERESTARTNOHAND && ts->sigt.suspend_valid &&
        r->orig_rax == FBSD_SYS_sigsuspend)
        old = ts->sigt.suspend_mask;    /* the mask sigsuspend replaced is the one to restore */
    ts->sigt.suspend_valid = false;
    ts->sigt.restart_rip = 0;

    /* where the frame goes */
    bool onstack = fbsd_on_altstack(t, r->rsp);
    uint64_t top = r->rsp - 128;
    if ((act.fsa_flags & FBSD_SA_ONSTACK) && ts->sigt.alt_enabled && !onstack)
        top = ts->sigt.alt_sp + ts->sigt.alt_size;

    struct fbsd_sigframe *sf = calloc(1, sizeof *sf);
    uint8_t *xext = NULL;
    size_t xlen = 0;
    if (!sf || fbsd_ctx_save(t, &ctx, &sf->sf_uc.uc_mcontext, true, &xext, &xlen) < 0) {
        free(sf);
        return host_sig;
    }
    struct fbsd_mcontext *mc = &sf->sf_uc.uc_mcontext;
    uint64_t xaddr;
    uint64_t sfp = fbsd_sigframe_place(top, xlen, &xaddr);
    mc->mc_onstack = onstack;
    if (xlen) {
        mc->mc_flags |= FBSD_MC_HASFPXSTATE;
        mc->mc_xfpustate = xaddr;
        mc->mc_xfpustate_len = xlen;
    }
    fbsd_sigset_from_linux(&sf->sf_uc.uc_sigmask, old);
    sf->sf_uc.uc_stack.ss_sp = ts->sigt.alt_sp;
    sf->sf_uc.uc_stack.ss_size = ts->sigt.alt_size;
    sf->sf_uc.uc_stack.ss_flags = ts->sigt.alt_enabled ? (onstack ? FBSD_SS_ONSTACK : 0) : FBSD_SS_DISABLE;

    struct fbsd_siginfo fsi;
    fbsd_siginfo_from_linux(&fsi, si);
    fsi.fsi_signo = sig;
    int trapno = fbsd_trapno_for(sig, si->si_code);
    if (trapno) {
        fsi.fsi_reason.trapno = trapno;
        mc->mc_trapno = (uint32_t)trapno;
        mc->mc_addr = fsi.fsi_addr;
    }
    sf->sf_ahu = act.fsa_handler;
    bool siginfo = act.fsa_flags & FBSD_SA_SIGINFO;
    if (siginfo)
        sf->sf_si = fsi;

    int e = 0;
    if (xlen)
        e = guest_write(t, xaddr, xext, xlen);
    if (e == 0)
        e = guest_write(t, sfp, sf, sizeof *sf);
    free(xext);
    free(sf);
    if (e < 0)
        return cannot_deliver(t, rec, host_sig, old);

    r->rdi = (uint64_t)sig;
    r->rsi = siginfo ? sfp + offsetof(struct fbsd_sigframe, sf_si) : (uint64_t)(int64_t)fsi.fsi_code;
    r->rdx = sfp + offsetof(struct fbsd_sigframe, sf_uc);
    r->rcx = fsi.fsi_addr;
    r->rsp = sfp;
    r->rip = ps->sigcode;
    r->eflags &= ~(FBSD_PSL_T | FBSD_PSL_D);
    r->orig_rax = (uint64_t)-1;         /* the kernel must not restart anything now */
    tracee_regs_changed(t);

    uint64_t mask = old | fbsd_sigset_to_linux(&act.fsa_mask);
    if (!(act.fsa_flags & FBSD_SA_NODEFER))
        mask |= 1ull << (host_sig - 1);
    tracee_sigmask(t, &mask, true);
    if (act.fsa_flags & FBSD_SA_RESETHAND)
        rec->set = false;               /* Linux has SIG_DFL for it already */
    return 0;
}

void fbsd_note_restart_block(struct tracee *t)
{
    struct fbsd_tstate *ts = fbsd_tstate(t);
    struct user_regs_struct *r = tracee_regs(t);
    if (ts && r)
        ts->sigt.restart_rip = r->rip;
}

/* #219: the kernel rewound an interrupted nanosleep/poll/... to Linux's
 * restart_syscall, which has this number; any other #219 is FreeBSD's
 * unassigned slot. */
enum sys_action fbsd_sys_restart_slot(struct tracee *t, struct sysc *sc)
{
    struct fbsd_tstate *ts = t->tstate;
    struct user_regs_struct *r = tracee_regs(t);
    if (ts && r && ts->sigt.restart_rip && ts->sigt.restart_rip == r->rip) {
        ts->sigt.restart_rip = 0;
        sysc_set_host_nr(t, __NR_restart_syscall);
        return SYS_PASS;
    }
    sc->ret = -ENOSYS;
    return SYS_DONE;
}
