/* FreeBSD resource limits and priorities on Linux.
 *   getrlimit/setrlimit: resource numbers through abi/freebsd/resource.h; the
 *     structure is the same (two 64-bit values) but infinity differs (FreeBSD
 *     INT64_MAX, Linux ~0).  RLIMIT_SBSIZE, NPTS, SWAP, KQUEUES and UMTXP have no
 *     Linux limit: getrlimit answers RLIM_INFINITY for both values and setrlimit
 *     accepts any value (which then limits nothing).
 *   getpriority: the Linux call returns 20 - nice (never negative); FreeBSD's
 *     returns the nice value itself. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/resource.h"
#include "tracer/tracee.h"

/* getrlimit(u_int which, struct rlimit *rlp) */
enum sys_action fbsd_sys_getrlimit(struct tracee *t, struct sysc *sc)
{
    uint32_t which = (uint32_t)sc->args[0];
    if (which >= FBSD_RLIM_NLIMITS)
        return sysc_done(sc, -EINVAL);
    int host = fbsd_rlimit_to_linux((int)which);
    if (host < 0) {
        struct fbsd_rlimit rl = { FBSD_RLIM_INFINITY, FBSD_RLIM_INFINITY };
        return sysc_done(sc, guest_write(t, sc->args[1], &rl, sizeof rl) < 0 ? -EFAULT : 0);
    }
    sysc_set_arg(t, 0, (uint64_t)host);
    sysc_set_host_nr(t, __NR_getrlimit);
    return SYS_PASS;
}

void fbsd_sys_getrlimit_exit(struct tracee *t, struct sysc *sc)
{
    struct fbsd_rlimit rl;
    if (sc->ret != 0)
        return;
    if (guest_read(t, sc->args[1], &rl, sizeof rl) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    rl.rlim_cur = fbsd_rlim_from_linux(rl.rlim_cur);
    rl.rlim_max = fbsd_rlim_from_linux(rl.rlim_max);
    if (guest_write(t, sc->args[1], &rl, sizeof rl) < 0)
        sc->ret = -EFAULT;
}

/* setrlimit(u_int which, struct rlimit *rlp) */
enum sys_action fbsd_sys_setrlimit(struct tracee *t, struct sysc *sc)
{
    uint32_t which = (uint32_t)sc->args[0];
    if (which >= FBSD_RLIM_NLIMITS)
        return sysc_done(sc, -EINVAL);
    struct fbsd_rlimit rl;
    if (guest_read(t, sc->args[1], &rl, sizeof rl) < 0)
        return sysc_done(sc, -EFAULT);
    int host = fbsd_rlimit_to_linux((int)which);
    if (host < 0)
        return sysc_done(sc, 0);
    /* FreeBSD lowers a soft limit above the hard one instead of failing. */
    if (fbsd_rlim_to_linux(rl.rlim_cur) > fbsd_rlim_to_linux(rl.rlim_max))
        rl.rlim_cur = rl.rlim_max;
    rl.rlim_cur = fbsd_rlim_to_linux(rl.rlim_cur);
    rl.rlim_max = fbsd_rlim_to_linux(rl.rlim_max);
    uint64_t scr = guest_scratch(t, sizeof rl);
    if (!scr || guest_write(t, scr, &rl, sizeof rl) < 0)
        return sysc_done(sc, -ENOMEM);
    sysc_set_arg(t, 0, (uint64_t)host);
    sysc_set_arg(t, 1, scr);
    sysc_set_host_nr(t, __NR_setrlimit);
    return SYS_PASS;
}

/* getpriority(int which, int who) */
enum sys_action fbsd_sys_getpriority(struct tracee *t, struct sysc *sc)
{
    (void)sc;
    sysc_set_host_nr(t, __NR_getpriority);
    return SYS_PASS;
}

void fbsd_sys_getpriority_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret >= 0)
        sc->ret = 20 - sc->ret;
}
