/* _umtx_op on struct umutex (libthr's pthread mutexes).  libthr locks and unlocks
 * an uncontested mutex in userland (compare-and-swap of m_owner between 0 and its
 * thread id) and calls the kernel only to sleep (MUTEX_WAIT) and to wake a sleeper
 * after an unlock that found the UMUTEX_CONTESTED bit (MUTEX_WAKE2).
 *
 * The contested bit is FreeBSD's promise that the owner's unlock will wake
 * someone.  FreeBSD's kernel counts its sleepers and keeps the bit set while more
 * than one is left; futexes cannot count, so the bit is set again by the waker
 * whenever its wake found a sleeper (there may be more) — and when the mutex is
 * free at that moment, one more sleeper is woken so that none is left behind
 * (the woken one may have come and gone already).  When a wake finds nobody, the
 * bit stays clear: the uncontested fast path comes back. */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

#define C FBSD_UMUTEX_CONTESTED

static bool is_private(uint32_t flags)
{
    return !(flags & FBSD_USYNC_PROCESS_SHARED);
}

/* m_owner |= CONTESTED; wake one more sleeper if the mutex was free. */
static const struct umtx_aop set_contested_wake_if_free = {
    .op = FUTEX_OP_OR, .arg = 31, .shift = true, .cmp = FUTEX_OP_CMP_EQ, .cmparg = 0,
    .wake1 = 0, .wake2 = 1,
};

/* MUTEX_WAIT(m, 0, size, timeout): sleep until the mutex may be free (FreeBSD's
 * do_lock_normal in _UMUTEX_WAIT mode), without taking it. */
enum sys_action umtx_op_mutex_wait(struct tracee *t, struct sysc *sc)
{
    struct fbsd_futex_wait w;
    int e = umtx_timeout(t, sc, &w);
    if (e < 0)
        return umtx_done(sc, e);
    uint32_t m[2];   /* m_owner, m_flags */
    if (guest_read(t, sc->args[0], m, sizeof m) < 0)
        return umtx_done(sc, -EFAULT);
    uint32_t owner = m[0];
    if ((owner & ~C) == 0 || owner == FBSD_UMUTEX_RB_OWNERDEAD ||
        owner == FBSD_UMUTEX_RB_NOTRECOV)
        return umtx_done(sc, 0);
    bool priv = is_private(m[1]);
    if (!(owner & C)) {
        /* the owner's unlock must come to the kernel: set the bit atomically */
        static const struct umtx_aop set_c = { .op = FUTEX_OP_OR, .arg = 31, .shift = true };
        long r = umtx_atomic(t, sc->args[0], &set_c, priv);
        if (r < 0)
            return umtx_done(sc, r);
        owner |= C;
    }
    /* the owner changed meanwhile: the wait returns at once, the caller retries */
    return umtx_sleep(t, sc, sc->args[0], owner, &w, priv, UX_WAIT);
}

/* MUTEX_WAKE2(m, flags) and the older MUTEX_WAKE(m): after a userland unlock of a
 * contested mutex (m_owner is 0 now), wake a sleeper. */
enum sys_action umtx_op_mutex_wake(struct tracee *t, struct sysc *sc)
{
    uint32_t flags;
    if ((uint32_t)sc->args[1] == FBSD_UMTX_OP_MUTEX_WAKE2) {
        flags = (uint32_t)sc->args[2];
    } else if (umtx_read32(t, sc->args[0] + 4, &flags) < 0) {
        return umtx_done(sc, -EFAULT);
    }
    bool priv = is_private(flags);
    long n = umtx_wake(t, sc->args[0], 1, priv);
    if (n <= 0)
        return umtx_done(sc, n == -EFAULT ? -EFAULT : 0);
    return umtx_atomic_pass(t, sc, sc->args[0], &set_contested_wake_if_free, priv);
}

long umtx_mutex_release(struct tracee *t, struct sysc *sc, uint64_t addr, bool pass)
{
    uint32_t m[2];
    if (guest_read(t, addr, m, sizeof m) < 0)
        return -EFAULT;
    long id = umtx_self_id(t);
    if (id < 0)
        return id;
    if ((m[0] & ~C) != (uint32_t)id)
        return -EPERM;
    bool priv = is_private(m[1]);
    /* m_owner = 0; wake one sleeper if it was contested (negative as an int) */
    static const struct umtx_aop release = {
        .op = FUTEX_OP_SET, .arg = 0, .cmp = FUTEX_OP_CMP_LT, .cmparg = 0,
        .wake1 = 0, .wake2 = 1,
    };
    /* a PRIO_PROTECT mutex is left CONTESTED, as FreeBSD's do_unlock_pp does: its
     * userland fast path stays off, every lock comes to the kernel (umtx_pi.c) */
    static const struct umtx_aop release_pp = {
        .op = FUTEX_OP_SET, .arg = 31, .shift = true, .cmp = FUTEX_OP_CMP_LT, .cmparg = 0,
        .wake1 = 0, .wake2 = 1,
    };
    long n = umtx_atomic(t, addr, (m[1] & FBSD_UMUTEX_PRIO_PROTECT) ? &release_pp : &release, priv);
    if (n <= 0)
        return n;
    if (pass) {
        umtx_atomic_pass(t, sc, addr, &set_contested_wake_if_free, priv);
        return 1;
    }
    n = umtx_atomic(t, addr, &set_contested_wake_if_free, priv);
    return n < 0 ? n : 0;
}

/* MUTEX_UNLOCK(m): libthr's unlock of priority-inheriting/protecting mutexes. */
enum sys_action umtx_op_mutex_unlock(struct tracee *t, struct sysc *sc)
{
    long r = umtx_mutex_release(t, sc, sc->args[0], true);
    return r == 1 ? SYS_PASS : umtx_done(sc, r);
}
