/* FreeBSD threads on Linux tasks.
 *
 * thr_new(param, size) becomes a Linux clone of a thread (shared memory, files,
 * signal handlers; TLS as the new fs base).  The clone's child starts where its
 * creator's syscall returns, so its registers are set at its first stop, before it
 * runs a single instruction, by fbsd_thr_child_start (the supervisor calls the
 * personality's task_new hook once both the creator, at its clone event, and the
 * child are stopped): %rip = start_func, %rdi = arg, %rsp as FreeBSD's
 * cpu_set_upcall sets it, %rbp = 0, fs base = tls_base.  The new thread's id is
 * written to *child_tid and *parent_tid then too, as FreeBSD's thr_new does before
 * the thread runs (libthr's new thread locks with its own id at once).  The
 * creator's result is 0, not the tid.
 *
 * Thread ids are the guest's Linux tid + FBSD_TID_BASE (thr_self, proc.h);
 * thr_kill/thr_kill2 subtract it and send with tgkill in the guest. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/futex.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/thr.h"
#include "abi/freebsd/signal.h"
#include "tracer/tracee.h"

/* ---- thread ids between the supervisor's pid namespace and the guest's ---- */

pid_t fbsd_guest_tid(pid_t host_tid)
{
    char buf[2048];
    if (procfs_read(host_tid, "status", buf, sizeof buf) <= 0)
        return -1;
    /* NSpid: the ids from the supervisor's namespace down to the task's own */
    char *p = strstr(buf, "\nNSpid:");
    if (!p)
        return host_tid;
    p += 7;
    char *end = strchr(p, '\n');
    if (end)
        *end = 0;
    char *last = strrchr(p, '\t');
    return (pid_t)atoi(last ? last + 1 : p);
}

pid_t fbsd_host_tid(struct tracee *t, pid_t guest_tid)
{
    int fd = procfs_open(t->tgid, "task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -1;
    }
    pid_t found = -1;
    for (struct dirent *e; found < 0 && (e = readdir(d));) {
        pid_t h = (pid_t)atoi(e->d_name);
        if (h > 0 && fbsd_guest_tid(h) == guest_tid)
            found = h;
    }
    closedir(d);
    return found;
}

/* A FreeBSD thread id as the guest's Linux tid: -1 when it cannot be one. */
static pid_t linux_tid_of(int64_t id)
{
    if (id <= FBSD_TID_BASE || id - FBSD_TID_BASE > INT_MAX)
        return -1;
    return (pid_t)(id - FBSD_TID_BASE);
}

/* ---- thr_new ---- */

/* sc->save[] from thr_new's entry to the child's first stop and the exit. */
enum { SV_START, SV_ARG, SV_RSP, SV_TLS, SV_CHILD_TID, SV_PARENT_TID };

/* thr_new(struct thr_param *param, int param_size) */
enum sys_action fbsd_sys_thr_new(struct tracee *t, struct sysc *sc)
{
    int size = (int)sc->args[1];
    struct fbsd_thr_param p;
    memset(&p, 0, sizeof p);
    /* as FreeBSD: a shorter struct is read as far as it goes, the rest is zero */
    if (size < 0 || (size_t)size > sizeof p)
        return sysc_done(sc, -EINVAL);
    if (guest_read(t, sc->args[0], &p, (size_t)size) < 0)
        return sysc_done(sc, -EFAULT);
    if (p.flags & FBSD_THR_SUSPENDED)
        return sysc_done(sc, -EINVAL);   /* not supported: libthr suspends in userland */
    if (p.rtp) {
        struct fbsd_rtprio rtp;
        if (guest_read(t, p.rtp, &rtp, sizeof rtp) < 0)
            return sysc_done(sc, -EFAULT);
        /* the class is checked as FreeBSD does; the thread runs as a normal one */
        switch (rtp.type) {
        case FBSD_RTP_PRIO_REALTIME:
        case FBSD_RTP_PRIO_FIFO:
            if (geteuid() != 0)
                return sysc_done(sc, -EPERM);
            break;
        case FBSD_RTP_PRIO_NORMAL:
        case FBSD_RTP_PRIO_IDLE:
            break;
        default:
            return sysc_done(sc, -EINVAL);
        }
        if (rtp.prio > FBSD_RTP_PRIO_MAX)
            return sysc_done(sc, -EINVAL);
    }
    if (!p.start_func)
        return sysc_done(sc, -EINVAL);   /* lsl2 marks a failed start with 0 (below) */

    sc->save[SV_START] = p.start_func;
    sc->save[SV_ARG] = p.arg;
    sc->save[SV_RSP] = fbsd_thr_start_rsp(p.stack_base, p.stack_size);
    sc->save[SV_TLS] = p.tls_base;
    sc->save[SV_CHILD_TID] = p.child_tid;
    sc->save[SV_PARENT_TID] = p.parent_tid;

    uint64_t flags = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                     CLONE_SYSVSEM;
    if (p.tls_base)
        flags |= CLONE_SETTLS;
    /* No CLONE_*SETTID: FreeBSD stores a long holding its own id, written at the
     * child's first stop. */
    sysc_set_host_nr(t, __NR_clone);
    sysc_set_arg(t, 0, flags);
    sysc_set_arg(t, 1, sc->save[SV_RSP]);
    sysc_set_arg(t, 2, 0);
    sysc_set_arg(t, 3, 0);
    sysc_set_arg(t, 4, p.tls_base);
    return SYS_PASS;
}

void fbsd_thr_child_start(struct tracee *creator, struct tracee *child)
{
    if (!creator || !creator->in_syscall || creator->sc.action != SYS_PASS ||
        creator->sc.ent != &fbsd_syscalls[FBSD_SYS_thr_new])
        return;
    struct sysc *sc = &creator->sc;
    struct user_regs_struct *r = tracee_regs(child);
    if (!r)
        return;
    pid_t gtid = fbsd_guest_tid(child->tid);
    int64_t id = (int64_t)gtid + FBSD_TID_BASE;
    bool ok = gtid > 0;
    if (ok && sc->save[SV_CHILD_TID])
        ok = guest_write(child, sc->save[SV_CHILD_TID], &id, sizeof id) == 0;
    if (ok && sc->save[SV_PARENT_TID])
        ok = guest_write(child, sc->save[SV_PARENT_TID], &id, sizeof id) == 0;
    if (!ok) {
        /* FreeBSD fails thr_new with EFAULT before the thread exists; here it
         * exists already: it ends at once (thr_exit through its syscall
         * instruction) and the creator gets EFAULT (exit handler). */
        r->rip -= 2;
        r->rax = FBSD_SYS_thr_exit;
        r->rdi = 0;
        sc->save[SV_START] = 0;
        tracee_regs_changed(child);
        return;
    }
    fbsd_thr_wake_clear(child, gtid);   /* no thr_wake pending for a new thread (thr_suspend.c) */
    r->rip = sc->save[SV_START];
    r->rdi = sc->save[SV_ARG];
    r->rsp = sc->save[SV_RSP];
    r->rbp = 0;
    r->rax = 0;
    if (sc->save[SV_TLS])
        r->fs_base = sc->save[SV_TLS];
    tracee_regs_changed(child);
}

void fbsd_sys_thr_new_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret > 0)
        sc->ret = sc->save[SV_START] ? 0 : -EFAULT;
}

/* ---- thr_exit ---- */

/* thr_exit(long *state): FreeBSD stores 1 in *state and wakes its waiters
 * (libthr's join waits for TID_TERMINATED = 1 there), then ends the thread only —
 * the process when it is the last one, with status 0: Linux exit does both. */
enum sys_action fbsd_sys_thr_exit(struct tracee *t, struct sysc *sc)
{
    fbsd_umtx_robust_exit(t);   /* before the join word: a joiner finds them marked */
    if (sc->args[0]) {
        int64_t one = 1;
        if (guest_write(t, sc->args[0], &one, sizeof one) == 0) {
            uint64_t a[6] = { sc->args[0], FUTEX_WAKE, INT_MAX, 0, 0, 0 };
            guest_syscall(t, __NR_futex, a);
        }
    }
    sysc_set_host_nr(t, __NR_exit);
    sysc_set_arg(t, 0, 0);
    return SYS_PASS;
}

/* exit(status): exit_group; first the calling thread's robust mutexes, as
 * FreeBSD's exit1 does (umtx_robust.c: what matters is the process-shared ones). */
enum sys_action fbsd_sys_exit(struct tracee *t, struct sysc *sc)
{
    (void)sc;
    fbsd_umtx_robust_exit(t);
    sysc_set_host_nr(t, __NR_exit_group);
    return SYS_PASS;
}

/* ---- thr_kill, thr_kill2 ---- */

/* A FreeBSD signal number as Linux's: 0 stays 0 (the existence probe); -1 when
 * FreeBSD would refuse it or Linux has no counterpart. */
static int linux_sig(uint64_t s)
{
    if (s == 0)
        return 0;
    if (s > 128)
        return -1;
    int l = fbsd_signal_to_linux((int)s);
    return l > 0 ? l : -1;
}

/* Every other thread of t's process (FreeBSD's id -1), sent by the supervisor. */
static long kill_others(struct tracee *t, int sig)
{
    int fd = procfs_open(t->tgid, "task", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -ESRCH;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return -ESRCH;
    }
    for (struct dirent *e; (e = readdir(d));) {
        pid_t h = (pid_t)atoi(e->d_name);
        if (h > 0 && h != t->tid && sig)
            syscall(SYS_tgkill, t->tgid, h, sig);
    }
    closedir(d);
    return 0;
}

/* The current process's pid as the guest sees it. */
static long guest_pid(struct tracee *t)
{
    uint64_t a[6] = { 0 };
    return guest_syscall(t, __NR_getpid, a);
}

/* tgkill(pid, tid, sig) run in the guest (its pid namespace's numbers). */
static enum sys_action tgkill_in_guest(struct tracee *t, long pid, pid_t tid, int sig)
{
    sysc_set_host_nr(t, __NR_tgkill);
    sysc_set_arg(t, 0, (uint64_t)pid);
    sysc_set_arg(t, 1, (uint64_t)tid);
    sysc_set_arg(t, 2, (uint64_t)sig);
    return SYS_PASS;
}

/* thr_kill(long id, int sig): a thread of the calling process; -1: all but self. */
enum sys_action fbsd_sys_thr_kill(struct tracee *t, struct sysc *sc)
{
    int sig = linux_sig(sc->args[1]);
    if (sig < 0)
        return sysc_done(sc, -EINVAL);
    if ((int64_t)sc->args[0] == -1)
        return sysc_done(sc, kill_others(t, sig));
    pid_t tid = linux_tid_of((int64_t)sc->args[0]);
    if (tid < 0)
        return sysc_done(sc, -ESRCH);
    long pid = guest_pid(t);
    if (pid < 0)
        return sysc_done(sc, pid);
    return tgkill_in_guest(t, pid, tid, sig);
}

/* thr_kill2(pid_t pid, long id, int sig): a thread of any process. */
enum sys_action fbsd_sys_thr_kill2(struct tracee *t, struct sysc *sc)
{
    int sig = linux_sig(sc->args[2]);
    if (sig < 0)
        return sysc_done(sc, -EINVAL);
    long self = guest_pid(t);
    if (self < 0)
        return sysc_done(sc, self);
    long pid = (long)(int32_t)sc->args[0];
    if ((int64_t)sc->args[1] == -1) {
        if (pid == self || pid == 0)
            return sysc_done(sc, kill_others(t, sig));
        if (pid < 0)
            return sysc_done(sc, -ESRCH);
        sysc_set_host_nr(t, __NR_kill);   /* every thread of another process */
        sysc_set_arg(t, 0, (uint64_t)pid);
        sysc_set_arg(t, 1, (uint64_t)sig);
        return SYS_PASS;
    }
    pid_t tid = linux_tid_of((int64_t)sc->args[1]);
    if (tid < 0 || pid <= 0)
        return sysc_done(sc, -ESRCH);
    return tgkill_in_guest(t, pid, tid, sig);
}

/* ---- thr_set_name ---- */

/* thr_set_name(long id, const char *name): FreeBSD keeps MAXCOMLEN (19)
 * characters and cuts a longer name; Linux keeps 15.  NULL: the empty name.  The
 * calling thread names itself with prctl(PR_SET_NAME) in the guest.  Linux lets
 * only a thread's own process write another thread's name (/proc/TID/comm), so
 * that is done by the guest through its /proc/self/task/TID/comm when its root
 * has a Linux /proc mounted; else EOPNOTSUPP (libthr ignores the answer). */
static long name_other(struct tracee *t, pid_t tid, const char *name)
{
    char path[64];
    int plen = snprintf(path, sizeof path, "/proc/self/task/%d/comm", (int)tid);
    size_t nlen = strlen(name);
    uint64_t scr = guest_scratch(t, (size_t)plen + 1 + nlen + 1);
    if (!scr || guest_write(t, scr, path, (size_t)plen + 1) < 0 ||
        guest_write(t, scr + (uint64_t)plen + 1, name, nlen + 1) < 0)
        return -ENOMEM;
    uint64_t o[6] = { (uint64_t)AT_FDCWD, scr, O_WRONLY | O_CLOEXEC, 0, 0, 0 };
    long fd = guest_syscall(t, __NR_openat, o);
    if (fd < 0)
        return fd == -ENOENT ? -EOPNOTSUPP : fd;
    uint64_t w[6] = { (uint64_t)fd, scr + (uint64_t)plen + 1, nlen, 0, 0, 0 };
    long r = guest_syscall(t, __NR_write, w);
    uint64_t c[6] = { (uint64_t)fd, 0, 0, 0, 0, 0 };
    guest_syscall(t, __NR_close, c);
    return r < 0 ? r : 0;
}

enum sys_action fbsd_sys_thr_set_name(struct tracee *t, struct sysc *sc)
{
    char name[20];
    memset(name, 0, sizeof name);
    if (sc->args[1]) {
        long n = guest_read_str(t, sc->args[1], name, sizeof name);
        if (n == -ENAMETOOLONG) {
            if (guest_read(t, sc->args[1], name, sizeof name - 1) < 0)
                return sysc_done(sc, -EFAULT);
            name[sizeof name - 1] = 0;
        } else if (n < 0) {
            return sysc_done(sc, -EFAULT);
        }
    }
    name[15] = 0;   /* what Linux keeps of it */
    pid_t tid = linux_tid_of((int64_t)sc->args[0]);
    if (tid < 0)
        return sysc_done(sc, -ESRCH);
    pid_t host = fbsd_host_tid(t, tid);
    if (host < 0)
        return sysc_done(sc, -ESRCH);
    if (host != t->tid)
        return sysc_done(sc, name_other(t, tid, name));
    uint64_t scr = guest_scratch(t, sizeof name);
    if (!scr || guest_write(t, scr, name, sizeof name) < 0)
        return sysc_done(sc, -ENOMEM);
    sysc_set_host_nr(t, __NR_prctl);
    sysc_set_arg(t, 0, PR_SET_NAME);
    sysc_set_arg(t, 1, scr);
    return SYS_PASS;
}
