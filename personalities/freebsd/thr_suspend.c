/* thr_suspend (#442) and thr_wake (#443).
 *
 * FreeBSD gives every thread a wake-up flag: thr_wake(id) sets it (and wakes the
 * thread if it sleeps in thr_suspend); thr_suspend(timeout) returns 0 at once when
 * the flag is set — clearing it — and otherwise sleeps until a thr_wake, the
 * timeout (ETIMEDOUT; a zero timeout only polls) or a signal (EINTR, never
 * restarted) (kern_thr.c: kern_thr_suspend, sys_thr_wake).
 *
 * Here the flag is a 32-bit word in guest memory, so that the sleep is a Linux
 * futex wait run by the guest thread itself (the supervisor never blocks): one word
 * per guest thread id, in a reserved, never-committed-until-touched region mapped
 * into the process at the first use (4 bytes x PID_MAX_LIMIT = 16 MiB of address
 * space, MAP_NORESERVE).  0 = no wake-up pending, 1 = pending.  Only the thread
 * itself clears its word (at its thr_suspend's exit); other threads only set it,
 * so a plain store is enough for the clear: a thr_wake landing between the read
 * and the clear collapses with the one being consumed, as two wake-ups before a
 * suspend do on FreeBSD.  A new thread's word is cleared when it starts (thread.c),
 * since guest tids are reused. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "personalities/freebsd/umtx.h"
#include "abi/freebsd/stat.h"
#include "tracer/tracee.h"

#define WORDS_MAX 4194304u   /* Linux's PID_MAX_LIMIT on 64-bit: the largest tid */

/* The word region of t's process, mapped at the first call (syscall-entry stop
 * only): its address, or 0. */
static uint64_t words(struct tracee *t)
{
    struct fbsd_pstate *ps = fbsd_pstate(t);
    if (!ps)
        return 0;
    if (!ps->thr_wake_words) {
        uint64_t a[6] = { 0, (uint64_t)WORDS_MAX * 4, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, (uint64_t)-1, 0 };
        long addr = guest_syscall(t, __NR_mmap, a);
        if (addr < 0 && addr > -4096)
            return 0;
        ps->thr_wake_words = (uint64_t)addr;
    }
    return ps->thr_wake_words;
}

/* The word of guest thread gtid, or 0. */
static uint64_t word_of(struct tracee *t, long gtid)
{
    if (gtid <= 0 || (unsigned long)gtid >= WORDS_MAX)
        return 0;
    uint64_t base = words(t);
    return base ? base + 4 * (uint64_t)gtid : 0;
}

void fbsd_thr_wake_clear(struct tracee *t, long gtid)
{
    struct fbsd_pstate *ps = t->pstate;
    if (!ps || !ps->thr_wake_words || gtid <= 0 || (unsigned long)gtid >= WORDS_MAX)
        return;
    uint32_t zero = 0;
    guest_write(t, ps->thr_wake_words + 4 * (uint64_t)gtid, &zero, sizeof zero);
}

enum { SV_WORD = 0 };

/* thr_suspend(const struct timespec *timeout) */
enum sys_action fbsd_sys_thr_suspend(struct tracee *t, struct sysc *sc)
{
    sc->save[SV_WORD] = 0;
    struct fbsd_timespec fts;
    if (sc->args[0]) {
        if (guest_read(t, sc->args[0], &fts, sizeof fts) < 0)
            return sysc_done(sc, -EFAULT);
        if (fts.tv_sec < 0 || fts.tv_nsec < 0 || fts.tv_nsec >= 1000000000)
            return sysc_done(sc, -EINVAL);
    }
    long id = umtx_self_id(t);
    if (id < 0)
        return sysc_done(sc, id);
    uint64_t w = word_of(t, id - FBSD_TID_BASE);
    if (!w)
        return sysc_done(sc, -ENOMEM);
    uint64_t ts = 0;
    if (sc->args[0]) {
        struct timespec lts = { .tv_sec = (time_t)fts.tv_sec, .tv_nsec = (long)fts.tv_nsec };
        ts = guest_scratch(t, sizeof lts);
        if (!ts || guest_write(t, ts, &lts, sizeof lts) < 0)
            return sysc_done(sc, -ENOMEM);
    }
    sc->save[SV_WORD] = w;
    /* sleeps while no wake-up is pending (EAGAIN at once when one is) */
    sysc_set_host_nr(t, __NR_futex);
    sysc_set_arg(t, 0, w);
    sysc_set_arg(t, 1, FUTEX_WAIT | FUTEX_PRIVATE_FLAG);
    sysc_set_arg(t, 2, 0);
    sysc_set_arg(t, 3, ts);
    return SYS_PASS;
}

void fbsd_sys_thr_suspend_exit(struct tracee *t, struct sysc *sc)
{
    if (!sc->save[SV_WORD])
        return;
    uint32_t v = 0;
    if (guest_read(t, sc->save[SV_WORD], &v, sizeof v) == 0 && v) {
        /* a wake-up was (or became) pending: consumed, whatever ended the sleep */
        uint32_t zero = 0;
        guest_write(t, sc->save[SV_WORD], &zero, sizeof zero);
        sc->ret = 0;
        return;
    }
    long r = sc->ret;
    if (r >= 0 || r == -EAGAIN)
        sc->ret = 0;
    else if (r == -ETIMEDOUT)
        sc->ret = -ETIMEDOUT;
    else if ((r <= -512 && r >= -516) || r == -EINTR)
        sc->ret = -EINTR;   /* FreeBSD turns ERESTART into EINTR here: no restart */
}

/* thr_wake(long id) */
enum sys_action fbsd_sys_thr_wake(struct tracee *t, struct sysc *sc)
{
    int64_t id = (int64_t)sc->args[0];
    long self = umtx_self_id(t);
    if (self < 0)
        return sysc_done(sc, self);
    if (id <= FBSD_TID_BASE || id - FBSD_TID_BASE >= (int64_t)WORDS_MAX)
        return sysc_done(sc, -ESRCH);
    long gtid = (long)(id - FBSD_TID_BASE);
    if (id != self) {
        /* a thread of this process?  tgkill(getpid(), tid, 0) in the guest */
        uint64_t g[6] = { 0 };
        long pid = guest_syscall(t, __NR_getpid, g);
        uint64_t k[6] = { (uint64_t)pid, (uint64_t)gtid, 0, 0, 0, 0 };
        if (pid < 0 || guest_syscall(t, __NR_tgkill, k) < 0)
            return sysc_done(sc, -ESRCH);
    }
    uint64_t w = word_of(t, gtid);
    if (!w)
        return sysc_done(sc, -ENOMEM);
    uint32_t one = 1;
    if (guest_write(t, w, &one, sizeof one) < 0)
        return sysc_done(sc, -EFAULT);
    if (id == self)
        return sysc_done(sc, 0);
    /* set first, then wake: the sleeper's wait sees 1 (EAGAIN) or is woken */
    sysc_set_host_nr(t, __NR_futex);
    sysc_set_arg(t, 0, w);
    sysc_set_arg(t, 1, FUTEX_WAKE | FUTEX_PRIVATE_FLAG);
    sysc_set_arg(t, 2, 1);
    return SYS_PASS;
}

void fbsd_sys_thr_wake_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret > 0)
        sc->ret = 0;
}
