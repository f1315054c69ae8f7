/* Small FreeBSD calls of the process domain.
 *   thr_self(long *id): FreeBSD thread ids start above PID_MAX (99999); lsl2's are
 *     the Linux tid (as the guest's pid namespace numbers it) + FBSD_TID_BASE, so
 *     they never collide with a pid.  thr_kill and friends subtract it again.
 *   Capsicum: answered as a FreeBSD kernel built without CAPABILITY_MODE and
 *     CAPABILITIES does (sys_capability.c's stubs): ENOSYS for every call, which
 *     libc's and the base tools' capsicum helpers take as "no sandbox here". */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "tracer/tracee.h"

enum sys_action fbsd_sys_thr_self(struct tracee *t, struct sysc *sc)
{
    (void)sc;
    sysc_set_host_nr(t, __NR_gettid);
    return SYS_PASS;
}

void fbsd_sys_thr_self_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret <= 0)
        return;
    int64_t id = sc->ret + FBSD_TID_BASE;
    sc->ret = guest_write(t, sc->args[0], &id, sizeof id) < 0 ? -EFAULT : 0;
}

enum sys_action fbsd_sys_capsicum(struct tracee *t, struct sysc *sc)
{
    (void)t;
    sc->ret = -ENOSYS;
    return SYS_DONE;
}
