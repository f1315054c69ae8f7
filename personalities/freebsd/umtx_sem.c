/* _umtx_op on struct _usem2 (libc's sem_t: sem_wait, sem_post, and named
 * semaphores).  libc decrements and increments _count in userland; it calls
 * SEM2_WAIT when the count is 0 and SEM2_WAKE after a post that found the
 * USEM_HAS_WAITERS bit.  A wake that finds nobody asleep clears the bit and wakes
 * everyone in one atomic step (a sleeper arriving meanwhile returns and retries). */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

static bool is_private(uint32_t flags)
{
    return !(flags & FBSD_USYNC_PROCESS_SHARED);
}

/* SEM2_WAIT(sem, 0, size, timeout): sleep while the count is 0.  A relative
 * timeout interrupted by a signal is not updated with the time left (FreeBSD
 * does it for sem_clockwait_np). */
enum sys_action umtx_op_sem2_wait(struct tracee *t, struct sysc *sc)
{
    struct fbsd_futex_wait w;
    int e = umtx_timeout(t, sc, &w);
    if (e < 0)
        return umtx_done(sc, e);
    uint32_t s[2];   /* _count, _flags */
    if (guest_read(t, sc->args[0], s, sizeof s) < 0)
        return umtx_done(sc, -EFAULT);
    if (s[0] & FBSD_USEM_MAX_COUNT)
        return umtx_done(sc, 0);
    bool priv = is_private(s[1]);
    if (!(s[0] & FBSD_USEM_HAS_WAITERS)) {
        static const struct umtx_aop set_w = { .op = FUTEX_OP_OR, .arg = 31, .shift = true };
        long r = umtx_atomic(t, sc->args[0], &set_w, priv);
        if (r < 0)
            return umtx_done(sc, r);
    }
    return umtx_sleep(t, sc, sc->args[0], FBSD_USEM_HAS_WAITERS, &w, priv, UX_WAIT);
}

/* SEM2_WAKE(sem) */
enum sys_action umtx_op_sem2_wake(struct tracee *t, struct sysc *sc)
{
    uint32_t flags;
    if (umtx_read32(t, sc->args[0] + 4, &flags) < 0)
        return umtx_done(sc, -EFAULT);
    bool priv = is_private(flags);
    long n = umtx_wake(t, sc->args[0], 1, priv);
    if (n < 0)
        return umtx_done(sc, n);
    if (n > 0)
        return umtx_done(sc, 0);
    static const struct umtx_aop clear_wake_all = {
        .op = FUTEX_OP_ANDN, .arg = 31, .shift = true, .wake1 = INT_MAX,
    };
    return umtx_atomic_pass(t, sc, sc->args[0], &clear_wake_all, priv);
}
