/* Robust mutexes at a thread's end: FreeBSD's umtx_thread_cleanup.  libthr keeps
 * the robust umutexes a thread holds on two lists in its own memory (process-
 * shared ones and private ones: list heads are words holding the address of the
 * first struct umutex, linked through m_rb_lnk), plus a word naming the mutex it
 * is locking or unlocking at the moment ("inactive"); UMTX_OP_ROBUST_LISTS gave
 * their addresses (umtx.c keeps them per thread).  When the thread ends, each
 * robust mutex on them still owned by it gets m_owner = UMUTEX_RB_OWNERDEAD (which
 * includes the contested bit) and one sleeper is woken: the next locker takes it
 * with EOWNERDEAD (libthr's lock, or the PI/PP routine of umtx_pi.c).
 *
 * When: a FreeBSD thread ends through thr_exit (libthr's pthread_exit) and a
 * process through exit.  At those calls' entry stops the thread is alive and
 * stopped, so its memory is there and the wake-up is a futex call run in it
 * (guest_syscall) — the only place a FUTEX_WAKE on the process's own words can
 * come from.  A thread or process that dies from a signal gives no such stop and
 * is not cleaned up (that would need PTRACE_O_TRACEEXIT, and then a live thread
 * to wake from); at exit, only the calling thread's lists are walked: the other
 * threads are still running, and one could unlock (and another process take) a
 * mutex between the supervisor's read and write of it.
 *
 * The store is the supervisor's plain write, not a compare-and-swap: while the
 * dying thread owns the mutex (and is stopped), nothing else changes the word —
 * lockers only swap it from its free states, and the one change made to an owned
 * word, setting the contested bit (MUTEX_WAIT), is a futex call the supervisor runs
 * itself, one at a time. */
#define _GNU_SOURCE
#include <errno.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "personalities/freebsd/thread.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

/* FreeBSD's kern.umtx_max_robust default: a list longer than that (or a loop) is
 * cut there. */
#define RB_MAX 1000

/* One mutex m on a list of thread id: marked dead when it still owns it.  *next
 * (if given) gets the list link.  0, or -errno, which ends the walk: FreeBSD stops
 * at a mutex that is not robust or that the thread does not own (except the
 * inactive one, which may have been released just before). */
static int handle_rb(struct tracee *t, uint32_t id, uint64_t m, uint64_t *next, bool inact)
{
    struct fbsd_umutex u;
    if (guest_read(t, m, &u, sizeof u) < 0)
        return -EFAULT;
    if (next)
        *next = u.m_rb_lnk;
    if (!(u.m_flags & FBSD_UMUTEX_ROBUST))
        return -EINVAL;
    if ((u.m_owner & ~FBSD_UMUTEX_CONTESTED) != id)
        return inact ? 0 : -EINVAL;
    uint32_t dead = FBSD_UMUTEX_RB_OWNERDEAD;
    if (guest_write(t, m, &dead, sizeof dead) < 0)
        return -EFAULT;
    /* a sleeper sleeps only on a contested word (MUTEX_WAIT sets the bit first) */
    if (u.m_owner & FBSD_UMUTEX_CONTESTED)
        umtx_wake(t, m, 1, !(u.m_flags & FBSD_USYNC_PROCESS_SHARED));
    return 0;
}

/* The list whose head word is at head; *inact is cleared when the inactive mutex
 * is met on it (it is handled there). */
static void walk(struct tracee *t, uint32_t id, uint64_t head, uint64_t *inact)
{
    uint64_t m;
    if (!head || guest_read(t, head, &m, sizeof m) < 0)
        return;
    for (int i = 0; m && i < RB_MAX; i++) {
        bool in = m == *inact;
        if (in)
            *inact = 0;
        if (handle_rb(t, id, m, &m, in) < 0)
            break;
    }
}

void fbsd_umtx_robust_exit(struct tracee *t)
{
    struct fbsd_tstate *ts = t->tstate;
    if (!ts || !(ts->umtx_robust[0] | ts->umtx_robust[1] | ts->umtx_robust[2]))
        return;
    long id = umtx_self_id(t);
    if (id < 0)
        return;
    uint64_t inact = 0;
    if (ts->umtx_robust[2] && guest_read(t, ts->umtx_robust[2], &inact, sizeof inact) < 0)
        inact = 0;
    walk(t, (uint32_t)id, ts->umtx_robust[0], &inact);
    walk(t, (uint32_t)id, ts->umtx_robust[1], &inact);
    if (inact)
        handle_rb(t, (uint32_t)id, inact, NULL, true);
    /* done once: the thread is ending */
    ts->umtx_robust[0] = ts->umtx_robust[1] = ts->umtx_robust[2] = 0;
}
