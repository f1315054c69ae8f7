/* _umtx_op on struct ucond: kernel condition variables (libthr uses them for
 * process-shared and priority mutexes' condvars; its own are in userland).
 *
 * CV_WAIT sets c_has_waiters before it releases the mutex, as FreeBSD does, but
 * to the caller's own thread id rather than 1 (libthr only tests it for non-zero),
 * and sleeps while the word still holds that id: a signal or broadcast sent after
 * the release either wakes the sleeper or changes the word before it sleeps — and
 * no later waiter can put the same value back meanwhile (with a plain 1, a waiter
 * of the next round would, and the sleeper would miss the broadcast: FreeBSD's
 * kernel queues the sleeper before the release, futexes cannot).  CV_SIGNAL wakes one;
 * when it finds nobody asleep it clears c_has_waiters and wakes everyone, in one
 * atomic step (so that a sleeper that arrives between the two steps cannot be
 * left behind: it wakes, spuriously, and libthr retries) — and so it does when
 * the one it woke was the last sleeper (sleepers_left). */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/umtx.h"
#include "abi/freebsd/time.h"
#include "tracer/tracee.h"

static bool is_private(uint32_t c_flags)
{
    return !(c_flags & FBSD_USYNC_PROCESS_SHARED);
}

/* c_has_waiters = 0 and wake every sleeper */
static const struct umtx_aop clear_wake_all = {
    .op = FUTEX_OP_SET, .arg = 0, .wake1 = INT_MAX, .wake2 = 0,
};

/* CV_WAIT(cv, wflags, struct umutex *m, const struct timespec *timeout) */
enum sys_action umtx_op_cv_wait(struct tracee *t, struct sysc *sc)
{
    struct fbsd_ucond cv;
    if (guest_read(t, sc->args[0], &cv, offsetof(struct fbsd_ucond, c_spare)) < 0)
        return umtx_done(sc, -EFAULT);
    uint64_t wflags = sc->args[2];
    struct fbsd_futex_wait w;
    struct fbsd_umtx_time ut;
    memset(&ut, 0, sizeof ut);
    if (wflags & FBSD_CVWAIT_CLOCKID) {
        /* FreeBSD accepts the clocks below CLOCK_THREAD_CPUTIME_ID */
        if (cv.c_clockid >= FBSD_CLOCK_THREAD_CPUTIME_ID)
            return umtx_done(sc, -EINVAL);
        ut._clockid = cv.c_clockid;
    }
    if (wflags & FBSD_CVWAIT_ABSTIME)
        ut._flags = FBSD_UMTX_ABSTIME;
    if (sc->args[4] && guest_read(t, sc->args[4], &ut._timeout, sizeof ut._timeout) < 0)
        return umtx_done(sc, -EFAULT);
    int e = fbsd_umtx_wait_plan(sc->args[4] ? &ut : NULL, &w);
    if (e < 0)
        return umtx_done(sc, e);

    long id = umtx_self_id(t);
    if (id < 0)
        return umtx_done(sc, id);
    uint32_t token = (uint32_t)id;
    if (guest_write(t, sc->args[0], &token, sizeof token) < 0)
        return umtx_done(sc, -EFAULT);
    long r = umtx_mutex_release(t, sc, sc->args[3], false);
    if (r < 0)
        return umtx_done(sc, r);
    return umtx_sleep(t, sc, sc->args[0], token, &w, is_private(cv.c_flags), UX_WAIT_INTR);
}

/* How many threads still sleep on the word at addr: FUTEX_CMP_REQUEUE of them
 * all onto the word itself (a no-op move) returns their number; -EAGAIN when the
 * word changed meanwhile (a new waiter came).  FreeBSD's CV_SIGNAL clears
 * c_has_waiters when it woke the last sleeper, and pthread_cond_destroy of a
 * process-shared condvar answers EBUSY while it is set. */
static long sleepers_left(struct tracee *t, uint64_t addr, bool priv)
{
    uint32_t v;
    if (umtx_read32(t, addr, &v) < 0)
        return -EFAULT;
    uint64_t a[6] = { addr, (uint64_t)(FUTEX_CMP_REQUEUE | (priv ? FUTEX_PRIVATE_FLAG : 0)),
                      0, INT_MAX, addr, v };
    return guest_syscall(t, __NR_futex, a);
}

/* CV_SIGNAL(cv) */
enum sys_action umtx_op_cv_signal(struct tracee *t, struct sysc *sc)
{
    uint32_t c_flags;
    if (umtx_read32(t, sc->args[0] + 4, &c_flags) < 0)
        return umtx_done(sc, -EFAULT);
    bool priv = is_private(c_flags);
    long n = umtx_wake(t, sc->args[0], 1, priv);
    if (n < 0)
        return umtx_done(sc, n);
    if (n > 0 && sleepers_left(t, sc->args[0], priv) != 0)
        return umtx_done(sc, 0);   /* c_has_waiters stays: there are (or may be) more */
    return umtx_atomic_pass(t, sc, sc->args[0], &clear_wake_all, priv);
}

/* CV_BROADCAST(cv) */
enum sys_action umtx_op_cv_broadcast(struct tracee *t, struct sysc *sc)
{
    uint32_t c_flags;
    if (umtx_read32(t, sc->args[0] + 4, &c_flags) < 0)
        return umtx_done(sc, -EFAULT);
    return umtx_atomic_pass(t, sc, sc->args[0], &clear_wake_all, is_private(c_flags));
}
