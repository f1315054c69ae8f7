/* select(nd, in, ou, ex, tv) and pselect(nd, in, ou, ex, ts, set): fd_set has
 * the same layout on both systems (1024 bits in 64-bit words), so the guest's
 * sets are used as they are.  The timeout is copied into scratch: FreeBSD leaves
 * the caller's timeval/timespec alone, Linux writes the time left into it.
 * pselect's FreeBSD sigset becomes the {sigset_t *, size} pair of Linux's
 * pselect6. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include "personalities/freebsd/sock.h"
#include "abi/freebsd/signal.h"
#include "tracer/tracee.h"

/* A copy of the 16-byte timeval/timespec at guest address a in scratch (0 for 0). */
static long copy_timeout(struct tracee *t, uint64_t a, uint64_t *out)
{
    struct { int64_t sec, frac; } v;
    *out = 0;
    if (!a)
        return 0;
    if (guest_read(t, a, &v, sizeof v) < 0)
        return -EFAULT;
    uint64_t s = guest_scratch(t, sizeof v);
    if (!s || guest_write(t, s, &v, sizeof v) < 0)
        return -EFAULT;
    *out = s;
    return 0;
}

enum sys_action fbsd_sys_select(struct tracee *t, struct sysc *sc)
{
    uint64_t tv;
    long r = copy_timeout(t, sc->args[4], &tv);
    if (r < 0)
        return sysc_done(sc, r);
    if ((int)sc->args[0] < 0)
        return sysc_done(sc, -EINVAL);
    sysc_set_host_nr(t, __NR_select);
    sysc_set_arg(t, 4, tv);
    return SYS_PASS;
}

enum sys_action fbsd_sys_pselect(struct tracee *t, struct sysc *sc)
{
    uint64_t ts, arg = 0;
    long r = copy_timeout(t, sc->args[4], &ts);
    if (r < 0)
        return sysc_done(sc, r);
    if ((int)sc->args[0] < 0)
        return sysc_done(sc, -EINVAL);
    if (sc->args[5]) {
        fbsd_sigset_t g;
        if (guest_read(t, sc->args[5], &g, sizeof g) < 0)
            return sysc_done(sc, -EFAULT);
        uint64_t h[3] = { 0, 8, fbsd_sigset_to_linux(&g) };   /* {&set, size}, set */
        arg = guest_scratch(t, sizeof h);
        if (!arg)
            return sysc_done(sc, -EFAULT);
        h[0] = arg + 16;
        if (guest_write(t, arg, h, sizeof h) < 0)
            return sysc_done(sc, -EFAULT);
    }
    sysc_set_host_nr(t, __NR_pselect6);
    sysc_set_arg(t, 4, ts);
    sysc_set_arg(t, 5, arg);
    return SYS_PASS;
}
