/* __specialfd(2) (#577): FreeBSD 13's libc makes eventfd(initval, flags) with
 * __specialfd(SPECIALFD_EVENTFD, &struct specialfd_eventfd, sizeof).  Served by
 * Linux's eventfd2 with the flag bits translated; counter and semaphore
 * semantics (8-byte reads and writes, EAGAIN, EFD_SEMAPHORE) are the same. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include "personalities/freebsd/ipc.h"
#include "abi/freebsd/ipc.h"
#include "tracer/tracee.h"

enum sys_action fbsd_sys___specialfd(struct tracee *t, struct sysc *sc)
{
    struct fbsd_specialfd_eventfd a;
    if ((int)sc->args[0] != FBSD_SPECIALFD_EVENTFD || sc->args[2] != sizeof a) {
        sc->ret = -EINVAL;
        return SYS_DONE;
    }
    if (guest_read(t, sc->args[1], &a, sizeof a) < 0) {
        sc->ret = -EFAULT;
        return SYS_DONE;
    }
    int fl = fbsd_eventfd_flags_to_linux(a.flags);
    if (fl < 0) {
        sc->ret = fl;
        return SYS_DONE;
    }
    sysc_set_host_nr(t, __NR_eventfd2);
    sysc_set_arg(t, 0, a.initval);
    sysc_set_arg(t, 1, (uint64_t)fl);
    return SYS_PASS;
}
