/* _umtx_op on struct urwlock (pthread rwlocks, libthr's internal locks).  libthr
 * takes and releases the lock in userland; it calls RW_RDLOCK / RW_WRLOCK when the
 * lock is busy and RW_UNLOCK when its release finds waiter bits.
 *
 * FreeBSD's kernel takes the lock for the caller after sleeping.  Here the sleeper
 * comes back with EINTR instead, which every libthr caller answers by trying the
 * lock in userland again (and calling the kernel again if it is still busy): the
 * lock word is then only ever taken by the guest's own compare-and-swap.  The
 * waiter bits are set atomically before sleeping; a release by the kernel
 * (RW_UNLOCK) clears them and wakes every sleeper, who set them again if they must
 * sleep once more. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

#define WOWNER   FBSD_URWLOCK_WRITE_OWNER
#define WWAITERS FBSD_URWLOCK_WRITE_WAITERS
#define RWAITERS FBSD_URWLOCK_READ_WAITERS
#define READERS(s) ((s) & FBSD_URWLOCK_MAX_READERS)

static bool is_private(uint32_t rw_flags)
{
    return !(rw_flags & FBSD_USYNC_PROCESS_SHARED);
}

/* bit is 29 (READ_WAITERS) or 30 (WRITE_WAITERS) */
static long set_bit(struct tracee *t, uint64_t addr, int bit, bool priv)
{
    struct umtx_aop o = { .op = FUTEX_OP_OR, .arg = bit, .shift = true };
    return umtx_atomic(t, addr, &o, priv);
}

/* Sets the waiter bit (unless set) and sleeps while the word is unchanged. */
static enum sys_action wait_with(struct tracee *t, struct sysc *sc, uint32_t state,
                                 uint32_t bit, bool priv)
{
    struct fbsd_futex_wait w;
    int e = umtx_timeout(t, sc, &w);
    if (e < 0)
        return umtx_done(sc, e);
    if (!(state & bit)) {
        long r = set_bit(t, sc->args[0], bit == RWAITERS ? 29 : 30, priv);
        if (r < 0)
            return umtx_done(sc, r);
    }
    return umtx_sleep(t, sc, sc->args[0], state | bit, &w, priv, UX_RETRY);
}

/* RW_RDLOCK(rw, fflag, size, timeout) */
enum sys_action umtx_op_rw_rdlock(struct tracee *t, struct sysc *sc)
{
    uint32_t rw[2];   /* rw_state, rw_flags */
    if (guest_read(t, sc->args[0], rw, sizeof rw) < 0)
        return umtx_done(sc, -EFAULT);
    uint32_t state = rw[0];
    bool priv = is_private(rw[1]);
    bool prefer_reader = ((uint32_t)sc->args[2] | rw[1]) & FBSD_URWLOCK_PREFER_READER;
    if ((state & WOWNER) || READERS(state) == FBSD_URWLOCK_MAX_READERS)
        return wait_with(t, sc, state, RWAITERS, priv);
    if ((state & WWAITERS) && !prefer_reader) {
        if (READERS(state) > 0)
            return wait_with(t, sc, state, RWAITERS, priv);   /* a writer waits for readers */
        /* nobody holds it: a stale writer bit (its writer left) would keep readers
         * out for ever — clear it, wake whoever sleeps, retry */
        struct umtx_aop o = { .op = FUTEX_OP_ANDN, .arg = 30, .shift = true, .wake1 = INT_MAX };
        long r = umtx_atomic(t, sc->args[0], &o, priv);
        return umtx_done(sc, r < 0 ? r : -EINTR);
    }
    return umtx_done(sc, -EINTR);   /* free for a reader now: retry in userland */
}

/* RW_WRLOCK(rw, 0, size, timeout) */
enum sys_action umtx_op_rw_wrlock(struct tracee *t, struct sysc *sc)
{
    uint32_t rw[2];
    if (guest_read(t, sc->args[0], rw, sizeof rw) < 0)
        return umtx_done(sc, -EFAULT);
    uint32_t state = rw[0];
    if ((state & WOWNER) || READERS(state) > 0)
        return wait_with(t, sc, state, WWAITERS, is_private(rw[1]));
    return umtx_done(sc, -EINTR);   /* free: retry in userland */
}

/* RW_UNLOCK(rw): the writer, or a reader (the last one, as libthr saw it). */
enum sys_action umtx_op_rw_unlock(struct tracee *t, struct sysc *sc)
{
    uint32_t rw[2];
    if (guest_read(t, sc->args[0], rw, sizeof rw) < 0)
        return umtx_done(sc, -EFAULT);
    uint32_t state = rw[0];
    bool priv = is_private(rw[1]);
    if (state & WOWNER) {
        /* only the writer changes the word now, but for waiter bits, which go too */
        static const struct umtx_aop release_all = {
            .op = FUTEX_OP_SET, .arg = 0, .wake1 = INT_MAX,
        };
        return umtx_atomic_pass(t, sc, sc->args[0], &release_all, priv);
    }
    if (READERS(state) == 0)
        return umtx_done(sc, -EPERM);
    static const struct umtx_aop one_reader_less = { .op = FUTEX_OP_ADD, .arg = -1 };
    long r = umtx_atomic(t, sc->args[0], &one_reader_less, priv);
    if (r < 0)
        return umtx_done(sc, r);
    if (umtx_read32(t, sc->args[0], &state) < 0)
        return umtx_done(sc, -EFAULT);
    if (READERS(state) > 0 || !(state & (WWAITERS | RWAITERS)))
        return umtx_done(sc, 0);   /* other readers hold it: the last one wakes */
    /* free now: clear the waiter bits and wake every sleeper */
    static const struct umtx_aop clear_w = { .op = FUTEX_OP_ANDN, .arg = 30, .shift = true };
    static const struct umtx_aop clear_r_wake = {
        .op = FUTEX_OP_ANDN, .arg = 29, .shift = true, .wake1 = INT_MAX,
    };
    r = umtx_atomic(t, sc->args[0], &clear_w, priv);
    if (r < 0)
        return umtx_done(sc, r);
    return umtx_atomic_pass(t, sc, sc->args[0], &clear_r_wake, priv);
}
