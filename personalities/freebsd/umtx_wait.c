/* _umtx_op's plain waits and wakes (kern_umtx.c do_wait / kern_umtx_wake):
 *   WAIT (long word), WAIT_UINT, WAIT_UINT_PRIVATE: sleep while *obj == val;
 *   WAKE, WAKE_PRIVATE: wake val waiters; NWAKE_PRIVATE: wake every waiter of each
 *   of the val addresses in the array obj.  Results are 0, as FreeBSD's. */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

/* WAIT compares a long; Linux futexes are 32-bit.  The whole long is compared
 * here and the sleep is on its low half (little-endian: the same address): a
 * change of the high half alone while asleep is not seen until the changer's
 * WAKE, which FreeBSD code always issues after changing the word. */
enum sys_action umtx_op_wait(struct tracee *t, struct sysc *sc)
{
    struct fbsd_futex_wait w;
    int e = umtx_timeout(t, sc, &w);
    if (e < 0)
        return umtx_done(sc, e);
    uint64_t cur;
    if (guest_read(t, sc->args[0], &cur, sizeof cur) < 0)
        return umtx_done(sc, -EFAULT);
    if (cur != sc->args[2])
        return umtx_done(sc, 0);
    return umtx_sleep(t, sc, sc->args[0], (uint32_t)cur, &w, false, UX_WAIT);
}

static enum sys_action wait_uint(struct tracee *t, struct sysc *sc, bool private_)
{
    struct fbsd_futex_wait w;
    int e = umtx_timeout(t, sc, &w);
    if (e < 0)
        return umtx_done(sc, e);
    if (sc->args[2] > UINT32_MAX) {   /* never equal to a 32-bit word */
        uint32_t v;
        return umtx_done(sc, umtx_read32(t, sc->args[0], &v));
    }
    return umtx_sleep(t, sc, sc->args[0], (uint32_t)sc->args[2], &w, private_, UX_WAIT);
}

enum sys_action umtx_op_wait_uint(struct tracee *t, struct sysc *sc)
{
    return wait_uint(t, sc, false);
}

enum sys_action umtx_op_wait_uint_private(struct tracee *t, struct sysc *sc)
{
    return wait_uint(t, sc, true);
}

/* FreeBSD takes the count as an int: anything beyond wakes all. */
static int wake_count(uint64_t val)
{
    return (int64_t)val < 0 || val > INT_MAX ? INT_MAX : (int)val;
}

enum sys_action umtx_op_wake(struct tracee *t, struct sysc *sc)
{
    return umtx_wake_pass(t, sc, sc->args[0], wake_count(sc->args[2]), false);
}

enum sys_action umtx_op_wake_private(struct tracee *t, struct sysc *sc)
{
    return umtx_wake_pass(t, sc, sc->args[0], wake_count(sc->args[2]), true);
}

/* NWAKE_PRIVATE(void **obj, int count): libthr's broadcast to several sleepers. */
enum sys_action umtx_op_nwake_private(struct tracee *t, struct sysc *sc)
{
    int64_t n = (int64_t)(int32_t)sc->args[2];
    uint64_t batch[64];
    for (int64_t i = 0; i < n;) {
        int64_t k = n - i < 64 ? n - i : 64;
        if (guest_read(t, sc->args[0] + (uint64_t)i * 8, batch, (size_t)k * 8) < 0)
            return umtx_done(sc, -EFAULT);
        for (int64_t j = 0; j < k; j++) {
            long r = umtx_wake(t, batch[j], INT_MAX, true);
            if (r < 0 && r != -EFAULT)
                return umtx_done(sc, r);
        }
        i += k;
    }
    return umtx_done(sc, 0);
}
