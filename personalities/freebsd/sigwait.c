/* Waiting for signals and queueing them, with FreeBSD's signal sets, numbers and
 * siginfo:
 *   sigsuspend   rt_sigsuspend; the mask it replaces is kept for sigdeliver.c (a
 *                handler's frame saves that one, as FreeBSD and Linux do)
 *   sigpending   rt_sigpending
 *   sigtimedwait, sigwaitinfo, sigwait   rt_sigtimedwait; the signal number and
 *                siginfo converted back; sigwait returns its error as the value
 *   sigqueue     rt_sigqueueinfo with SI_QUEUE, the caller's pid and uid */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "abi/freebsd/errno.h"
#include "tracer/tracee.h"

/* Reads a FreeBSD sigset_t at addr and puts the Linux one into scratch space;
 * returns the scratch address, or 0 with *err set. */
static uint64_t linux_set(struct tracee *t, uint64_t addr, size_t extra, int *err)
{
    fbsd_sigset_t fs;
    if (guest_read(t, addr, &fs, sizeof fs) < 0) {
        *err = -EFAULT;
        return 0;
    }
    uint64_t scr = guest_scratch(t, 8 + extra);
    uint64_t ls = fbsd_sigset_to_linux(&fs);
    if (!scr || guest_write(t, scr, &ls, sizeof ls) < 0) {
        *err = -ENOMEM;
        return 0;
    }
    return scr;
}

/* sigsuspend(const sigset_t *sigmask) */
enum sys_action fbsd_sys_sigsuspend(struct tracee *t, struct sysc *sc)
{
    int err = 0;
    uint64_t scr = linux_set(t, sc->args[0], 0, &err);
    struct fbsd_tstate *ts = fbsd_tstate(t);
    if (!scr)
        return sysc_done(sc, err);
    if (!ts || tracee_sigmask(t, &ts->sigt.suspend_mask, false) < 0)
        return sysc_done(sc, -ENOMEM);
    ts->sigt.suspend_valid = true;
    sysc_set_arg(t, 0, scr);
    sysc_set_arg(t, 1, 8);
    sysc_set_host_nr(t, __NR_rt_sigsuspend);
    return SYS_PASS;
}

void fbsd_sys_sigsuspend_exit(struct tracee *t, struct sysc *sc)
{
    struct fbsd_tstate *ts = t->tstate;
    if (ts && sc->ret != -514)          /* ERESTARTNOHAND: a signal follows */
        ts->sigt.suspend_valid = false;
}

/* sigpending(sigset_t *set) */
enum sys_action fbsd_sys_sigpending(struct tracee *t, struct sysc *sc)
{
    uint64_t scr = guest_scratch(t, 8);
    if (!scr)
        return sysc_done(sc, -ENOMEM);
    sc->save[0] = scr;
    sysc_set_arg(t, 0, scr);
    sysc_set_arg(t, 1, 8);
    sysc_set_host_nr(t, __NR_rt_sigpending);
    return SYS_PASS;
}

void fbsd_sys_sigpending_exit(struct tracee *t, struct sysc *sc)
{
    uint64_t ls;
    fbsd_sigset_t fs;
    if (sc->ret != 0)
        return;
    if (guest_read(t, sc->save[0], &ls, sizeof ls) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    fbsd_sigset_from_linux(&fs, ls);
    if (guest_write(t, sc->args[0], &fs, sizeof fs) < 0)
        sc->ret = -EFAULT;
}

/* sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout),
 * sigwaitinfo(const sigset_t *set, siginfo_t *info), sigwait(const sigset_t *set,
 * int *sig): all rt_sigtimedwait(set, info, timeout, 8) (struct timespec is the
 * same on both).  save[0]: the Linux siginfo in scratch. */
enum sys_action fbsd_sys_sigtimedwait(struct tracee *t, struct sysc *sc)
{
    int err = 0;
    uint64_t scr = linux_set(t, sc->args[0], sizeof(siginfo_t), &err);
    if (!scr)
        return sysc_done(sc, sc->nr == FBSD_SYS_sigwait ? fbsd_errno_from_linux(-err) : err);
    uint64_t info = scr + 8;
    sc->save[0] = info;
    sysc_set_arg(t, 0, scr);
    sysc_set_arg(t, 1, info);
    sysc_set_arg(t, 2, sc->nr == FBSD_SYS_sigtimedwait ? sc->args[2] : 0);
    sysc_set_arg(t, 3, 8);
    sysc_set_host_nr(t, __NR_rt_sigtimedwait);
    return SYS_PASS;
}

void fbsd_sys_sigtimedwait_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret <= 0)
        return;
    if (sc->args[1]) {
        siginfo_t si;
        struct fbsd_siginfo fsi;
        if (guest_read(t, sc->save[0], &si, sizeof si) < 0) {
            sc->ret = -EFAULT;
            return;
        }
        fbsd_siginfo_from_linux(&fsi, &si);
        if (guest_write(t, sc->args[1], &fsi, sizeof fsi) < 0) {
            sc->ret = -EFAULT;
            return;
        }
    }
    sc->ret = fbsd_signal_from_linux((int)sc->ret);
}

/* sigwait's result is 0 or the error number itself (carry clear). */
void fbsd_sys_sigwait_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret <= -512 && sc->ret >= -516)
        return;                         /* the kernel restarts it */
    if (sc->ret < 0) {
        sc->ret = fbsd_errno_from_linux((int)-sc->ret);
        return;
    }
    int32_t sig = fbsd_signal_from_linux((int)sc->ret);
    sc->ret = guest_write(t, sc->args[1], &sig, sizeof sig) < 0 ? fbsd_errno_from_linux(EFAULT) : 0;
}

/* sigqueue(pid_t pid, int signum, void *value) */
enum sys_action fbsd_sys_sigqueue(struct tracee *t, struct sysc *sc)
{
    int lsig = fbsd_signal_check((int)sc->args[1]);
    if (lsig < 0)
        return sysc_done(sc, lsig);
    uint64_t none[6] = { 0 };
    long pid = guest_syscall(t, __NR_getpid, none);
    long uid = guest_syscall(t, __NR_getuid, none);
    if (pid < 0 || uid < 0)
        return sysc_done(sc, pid < 0 ? pid : uid);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = lsig;
    si.si_code = SI_QUEUE;
    si.si_pid = (pid_t)pid;
    si.si_uid = (uid_t)uid;
    si.si_value.sival_ptr = (void *)(uintptr_t)sc->args[2];
    uint64_t scr = guest_scratch(t, sizeof si);
    if (!scr || guest_write(t, scr, &si, sizeof si) < 0)
        return sysc_done(sc, -ENOMEM);
    sysc_set_arg(t, 1, (uint64_t)lsig);
    sysc_set_arg(t, 2, scr);
    sysc_set_host_nr(t, __NR_rt_sigqueueinfo);
    return SYS_PASS;
}
