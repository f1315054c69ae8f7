/* FreeBSD process creation, exec and wait on Linux.
 *   fork/vfork: the Linux calls, with FreeBSD's second result register (%rdx:
 *     0 in the parent, 1 in the child) and the carry flag clear in the child.
 *   rfork(flags): RFPROC with RFFDG is fork; RFPROC without RFFDG shares the
 *     descriptor table (CLONE_FILES); RFMEM shares memory (CLONE_VM), RFSIGSHARE
 *     the handlers (CLONE_SIGHAND), RFTSIGZMB picks the exit signal; RFSPAWN (posix_spawn) is a vfork with
 *     shared memory.  RFTHREAD only changes FreeBSD's signal bookkeeping and is
 *     accepted.  With RFMEM or RFSPAWN the child starts on the stack in %rsi, as
 *     libc's rfork_thread passes it (a bare rfork(RFMEM) has no stack there).
 *     Without RFPROC (changing the caller's own process), RFCFDG,
 *     RFNOWAIT, the kernel-only flags and RFSPAWN with others: EINVAL.
 *   fexecve(fd, argv, envp) is execveat(fd, "", argv, envp, AT_EMPTY_PATH).
 *   wait4: options and the status word translated (abi/freebsd/wait.h);
 *     struct rusage is the same.
 *   wait6: Linux's waitid, its siginfo and rusage converted; the status word is
 *     rebuilt from the siginfo.  wru_children is zero (Linux reports only the
 *     child's own usage); idtypes other than P_PID, P_PGID and P_ALL: EINVAL. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/wait.h"
#include "tracer/tracee.h"

/* sys/unistd.h */
#define FBSD_RFFDG       (1u << 2)
#define FBSD_RFPROC      (1u << 4)
#define FBSD_RFMEM       (1u << 5)
#define FBSD_RFNOWAIT    (1u << 6)
#define FBSD_RFCFDG      (1u << 12)
#define FBSD_RFTHREAD    (1u << 13)
#define FBSD_RFSIGSHARE  (1u << 14)
#define FBSD_RFTSIGZMB   (1u << 19)
#define FBSD_RFTSIGSHIFT 20
#define FBSD_RFTSIGMASK  0xffu
#define FBSD_RFSPAWN     (1u << 31)
#define FBSD_RF_HANDLED  (FBSD_RFFDG | FBSD_RFPROC | FBSD_RFMEM | FBSD_RFTHREAD | \
                          FBSD_RFSIGSHARE | FBSD_RFTSIGZMB | \
                          (FBSD_RFTSIGMASK << FBSD_RFTSIGSHIFT))

/* The clone flags for rfork flags, or -EINVAL. */
long fbsd_rfork_to_clone(uint32_t f)
{
    if (f == FBSD_RFSPAWN)
        return CLONE_VM | CLONE_VFORK | SIGCHLD;
    if ((f & ~FBSD_RF_HANDLED) || !(f & FBSD_RFPROC))
        return -EINVAL;
    long c = 0;
    if (!(f & FBSD_RFFDG))
        c |= CLONE_FILES;
    if (f & FBSD_RFMEM)
        c |= CLONE_VM;
    if (f & FBSD_RFSIGSHARE) {
        if (!(f & FBSD_RFMEM))
            return -EINVAL;     /* Linux shares handlers only with memory */
        c |= CLONE_SIGHAND;
    }
    int sig = SIGCHLD;
    if (f & FBSD_RFTSIGZMB) {
        int fs = (int)((f >> FBSD_RFTSIGSHIFT) & FBSD_RFTSIGMASK);
        sig = fs ? fbsd_signal_to_linux(fs) : 0;
        if (fs && sig <= 0)
            return -EINVAL;
    } else if (f & ((uint32_t)FBSD_RFTSIGMASK << FBSD_RFTSIGSHIFT)) {
        return -EINVAL;
    }
    return c | sig;
}

/* FreeBSD's fork return (cpu_fork, cpu_set_syscall_retval): the parent gets
 * the child's pid in %rax and 0 in %rdx, the child 0 and 1, carry clear in
 * both.  libc's rfork_thread (posix_spawn's RFSPAWN) tells the child by %rdx.
 * The child starts with the registers the parent had at the call, so they are
 * set up before it: %rdx = 1 (clone's parent_tid argument, unused without
 * CLONE_PARENT_SETTID) and the carry flag cleared; the parent's exit stop then
 * puts 0 in its %rdx. */
static void child_regs(struct tracee *t)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return;
    r->eflags &= ~FBSD_EFLAGS_CF;
    tracee_regs_changed(t);
    sysc_set_arg(t, 2, 1);
}

/* fork, vfork: the Linux calls, with FreeBSD's %rdx and carry flag. */
enum sys_action fbsd_sys_fork(struct tracee *t, struct sysc *sc)
{
    child_regs(t);
    sysc_set_host_nr(t, sc->nr == FBSD_SYS_vfork ? __NR_vfork : __NR_fork);
    return SYS_PASS;
}

void fbsd_sys_fork_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret > 0) {
        sc->ret2 = 0;
        sc->has_ret2 = true;
    }
}

/* rfork(int flags) */
enum sys_action fbsd_sys_rfork(struct tracee *t, struct sysc *sc)
{
    long c = fbsd_rfork_to_clone((uint32_t)sc->args[0]);
    if (c < 0)
        return sysc_done(sc, c);
    /* clone(flags, newsp, parent_tid, child_tid, tls).  newsp is also the
     * child's %rsi.  A child sharing memory needs a stack of its own, which
     * libc's rfork_thread(flags, stack, func, arg) passes in %rsi and moves to
     * %rsp in the child: then newsp is that %rsi, kept.  Otherwise newsp is 0:
     * the child goes on with (its copy of) the caller's stack. */
    sysc_set_arg(t, 0, (uint64_t)c);
    if (!(c & CLONE_VM))
        sysc_set_arg(t, 1, 0);
    for (int i = 2; i < 5; i++)
        sysc_set_arg(t, i, 0);
    child_regs(t);
    sysc_set_host_nr(t, __NR_clone);
    return SYS_PASS;
}


/* fexecve(int fd, char **argv, char **envv) */
enum sys_action fbsd_sys_fexecve(struct tracee *t, struct sysc *sc)
{
    uint64_t empty = guest_scratch(t, 1);
    char nul = 0;
    if (!empty || guest_write(t, empty, &nul, 1) < 0)
        return sysc_done(sc, -ENOMEM);
    sysc_set_arg(t, 0, sc->args[0]);
    sysc_set_arg(t, 1, empty);
    sysc_set_arg(t, 2, sc->args[1]);
    sysc_set_arg(t, 3, sc->args[2]);
    sysc_set_arg(t, 4, AT_EMPTY_PATH);
    sysc_set_host_nr(t, __NR_execveat);
    return SYS_PASS;
}

/* A blocking call that a signal interrupted ends with one of Linux's restart
 * codes, and the kernel then runs the syscall instruction again with
 * %rax = orig_rax: the host number the entry handler put there, which means
 * another call to a FreeBSD process.  Until the tracer puts the guest's number
 * back for every call, the exit handlers of the calls here do it themselves.
 * (ERESTART_RESTARTBLOCK is not covered: the kernel then runs restart_syscall.) */
void fbsd_restart_as_guest(struct tracee *t, struct sysc *sc)
{
    if (sc->ret > -512 || sc->ret < -514)
        return;
    struct user_regs_struct *r = tracee_regs(t);
    if (!r || (long)r->orig_rax == sc->nr)
        return;
    r->orig_rax = (uint64_t)sc->nr;
    tracee_regs_changed(t);
}

/* Options of the wait family; -EINVAL for bits FreeBSD does not know.
 * WTRAPPED (ptrace traps) is dropped: guests do not trace. */
static long wait_opts(uint64_t o, bool for_wait4)
{
    uint64_t unknown;
    uint64_t h = fbsd_bits_to_host(&fbsd_wait_opts_map, o & ~(uint64_t)FBSD_WTRAPPED, &unknown);
    if (unknown)
        return -EINVAL;
    if (for_wait4)
        h &= ~(uint64_t)WEXITED;    /* implied by wait4, refused by Linux's */
    return (long)h;
}

/* wait4(int pid, int *status, int options, struct rusage *rusage) */
enum sys_action fbsd_sys_wait4(struct tracee *t, struct sysc *sc)
{
    long o = wait_opts(sc->args[2], true);
    if (o < 0)
        return sysc_done(sc, o);
    sysc_set_arg(t, 2, (uint64_t)o);
    sysc_set_host_nr(t, __NR_wait4);
    return SYS_PASS;
}

void fbsd_sys_wait4_exit(struct tracee *t, struct sysc *sc)
{
    fbsd_restart_as_guest(t, sc);
    if (sc->ret <= 0 || !sc->args[1])
        return;
    int st;
    if (guest_read(t, sc->args[1], &st, sizeof st) < 0)
        return;
    st = fbsd_wait_status_from_linux(st);
    guest_write(t, sc->args[1], &st, sizeof st);
}

/* A wait status rebuilt from waitid's siginfo (host signal numbers). */
static int status_from_siginfo(const siginfo_t *si)
{
    switch (si->si_code) {
    case CLD_EXITED:    return (si->si_status & 0xff) << 8;
    case CLD_KILLED:    return si->si_status & 0x7f;
    case CLD_DUMPED:    return (si->si_status & 0x7f) | 0x80;
    case CLD_STOPPED:
    case CLD_TRAPPED:   return ((si->si_status & 0xff) << 8) | 0x7f;
    case CLD_CONTINUED: return 0xffff;
    default:            return 0;
    }
}

/* Scratch layout for wait6: Linux siginfo, then rusage. */
struct wait6_scratch {
    siginfo_t si;
    struct fbsd_rusage ru;
};

/* wait6(idtype_t idtype, id_t id, int *status, int options,
 *       struct __wrusage *wrusage, siginfo_t *info) */
enum sys_action fbsd_sys_wait6(struct tracee *t, struct sysc *sc)
{
    int idtype = fbsd_idtype_to_linux((int)sc->args[0]);
    if (idtype < 0)
        return sysc_done(sc, -EINVAL);
    long o = wait_opts(sc->args[3], false);
    if (o < 0)
        return sysc_done(sc, o);
    uint64_t scr = guest_scratch(t, sizeof(struct wait6_scratch));
    if (!scr)
        return sysc_done(sc, -ENOMEM);
    /* si_pid stays 0 when WNOHANG finds nothing */
    siginfo_t zero;
    memset(&zero, 0, sizeof zero);
    if (guest_write(t, scr, &zero, sizeof zero) < 0)
        return sysc_done(sc, -ENOMEM);
    sc->save[0] = scr;
    /* waitid(idtype, id, infop, options, rusage) */
    sysc_set_arg(t, 0, (uint64_t)idtype);
    sysc_set_arg(t, 1, sc->args[1]);
    sysc_set_arg(t, 2, scr);
    sysc_set_arg(t, 3, (uint64_t)o);
    sysc_set_arg(t, 4, scr + offsetof(struct wait6_scratch, ru));
    sysc_set_host_nr(t, __NR_waitid);
    return SYS_PASS;
}

void fbsd_sys_wait6_exit(struct tracee *t, struct sysc *sc)
{
    fbsd_restart_as_guest(t, sc);
    if (sc->ret < 0)
        return;
    struct wait6_scratch w;
    if (guest_read(t, sc->save[0], &w, sizeof w) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    sc->ret = w.si.si_pid;          /* 0: WNOHANG and nothing to report */
    if (w.si.si_pid == 0)
        return;
    if (sc->args[2]) {
        int st = fbsd_wait_status_from_linux(status_from_siginfo(&w.si));
        if (guest_write(t, sc->args[2], &st, sizeof st) < 0)
            sc->ret = -EFAULT;
    }
    if (sc->args[4]) {
        struct fbsd_wrusage wr;
        memset(&wr, 0, sizeof wr);
        wr.wru_self = w.ru;
        if (guest_write(t, sc->args[4], &wr, sizeof wr) < 0)
            sc->ret = -EFAULT;
    }
    if (sc->args[5]) {
        struct fbsd_siginfo fsi;
        fbsd_siginfo_from_linux(&fsi, &w.si);
        if (guest_write(t, sc->args[5], &fsi, sizeof fsi) < 0)
            sc->ret = -EFAULT;
    }
}
