/* FreeBSD signals: the handlers of the signal domain, and signal delivery.
 *
 * For thr_kill / thr_kill2 (and any other call taking a FreeBSD signal number):
 *     int fbsd_signal_check(int fbsd_sig);
 * returns the Linux signal to send (0 for signal 0, the existence probe), or
 * -EINVAL when the number is not a valid FreeBSD signal or has no Linux
 * counterpart (FreeBSD real-time signals above SIGRTMIN+28).
 *
 * Files:
 *   signal.c     sigprocmask, sigaction (handlers recorded, trampoline mapped), kill
 *   sigwait.c    sigsuspend, sigpending, sigwait, sigtimedwait, sigwaitinfo, sigqueue
 *   sigstack.c   sigaltstack (per thread, in fbsd_tstate)
 *   sigdeliver.c signal delivery: FreeBSD's signal frame on the guest stack, the
 *                handler entered as FreeBSD's sendsig does; syscall restart rules;
 *                the #219 slot (Linux's restart_syscall coming back)
 *   sigctx.c     the machine context of a thread (registers, FPU/XSAVE) as a FreeBSD
 *                mcontext and back
 *   context.c    sigreturn, getcontext, setcontext, swapcontext
 *
 * The trampoline (FreeBSD's sigcode, which lives in its shared page) is one page
 * mapped into the guest lazily, at the first sigaction that installs a handler
 * (a syscall-entry stop, where guest_syscall can run mmap).  Its address is kept in
 * the process's state: a forked child has the same mapping; exec resets it. */
#ifndef LSL2_PERSONALITIES_FREEBSD_SIGNAL_H
#define LSL2_PERSONALITIES_FREEBSD_SIGNAL_H

#include <signal.h>
#include <stdint.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* FreeBSD #219 (a reserved lkmnosys slot) is Linux's __NR_restart_syscall: the
 * kernel makes an interrupted nanosleep/poll come back as this number. */
#define FBSD_SYS_restart_slot 219

/* A handler's "the registers are the result" answer (FreeBSD's EJUSTRETURN):
 * sc->ret with SYS_DONE; result.c leaves every register as the handler set it. */
#define FBSD_RET_JUSTRETURN (-100000L)

int fbsd_signal_check(int fbsd_sig);

/* signal.c */
enum sys_action fbsd_sys_sigprocmask(struct tracee *t, struct sysc *sc);
void fbsd_sys_sigprocmask_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sigaction(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_kill(struct tracee *t, struct sysc *sc);

/* sigwait.c */
enum sys_action fbsd_sys_sigsuspend(struct tracee *t, struct sysc *sc);
void fbsd_sys_sigsuspend_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sigpending(struct tracee *t, struct sysc *sc);
void fbsd_sys_sigpending_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sigtimedwait(struct tracee *t, struct sysc *sc);   /* also sigwaitinfo, sigwait */
void fbsd_sys_sigtimedwait_exit(struct tracee *t, struct sysc *sc);
void fbsd_sys_sigwait_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sigqueue(struct tracee *t, struct sysc *sc);

/* sigstack.c */
enum sys_action fbsd_sys_sigaltstack(struct tracee *t, struct sysc *sc);
/* Whether sp lies on t's alternate stack (FreeBSD's sigonstack). */
bool fbsd_on_altstack(struct tracee *t, uint64_t sp);

/* sigdeliver.c */
int  fbsd_signal_deliver(struct tracee *t, int host_sig, const siginfo_t *si);
enum sys_action fbsd_sys_restart_slot(struct tracee *t, struct sysc *sc);
/* result.c, at an exit stop whose result is ERESTART_RESTARTBLOCK. */
void fbsd_note_restart_block(struct tracee *t);

/* context.c */
enum sys_action fbsd_sys_sigreturn(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_getcontext(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_setcontext(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_swapcontext(struct tracee *t, struct sysc *sc);

#endif
