/* Timestamp calls that Linux serves through utimensat(2): futimes and futimens
 * (utimensat on the descriptor, path NULL), lutimes (AT_SYMLINK_NOFOLLOW) and
 * utimensat itself, whose UTIME_NOW/UTIME_OMIT markers and AT_* flags differ.
 * The times are converted (abi/freebsd/utime.h) into scratch memory.  utimes
 * and futimesat pass unchanged (struct timeval is the same). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include "personalities/freebsd/file.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/utime.h"
#include "tracer/tracee.h"

/* Reads the guest's two times (timevals or timespecs) at addr, converts them
 * into scratch and returns its address; 0 for a NULL addr; -EFAULT. */
static int64_t times_to_scratch(struct tracee *t, uint64_t addr, bool timeval)
{
    struct fbsd_host_timespec h[2];
    if (!addr)
        return 0;
    if (timeval) {
        struct fbsd_timeval g[2];
        if (guest_read(t, addr, g, sizeof g) < 0)
            return -EFAULT;
        fbsd_timevals_to_linux(h, g);
    } else {
        struct fbsd_timespec g[2];
        if (guest_read(t, addr, g, sizeof g) < 0)
            return -EFAULT;
        fbsd_utimens_to_linux(h, g);
    }
    uint64_t s = guest_scratch(t, sizeof h);
    if (!s || guest_write(t, s, h, sizeof h) < 0)
        return -EFAULT;
    return (int64_t)s;
}

static enum sys_action to_utimensat(struct tracee *t, struct sysc *sc, int64_t dirfd,
                                    uint64_t path, uint64_t times, bool timeval, int flags)
{
    int64_t s = times_to_scratch(t, times, timeval);
    if (s < 0) {
        sc->ret = s;
        return SYS_DONE;
    }
    sysc_set_host_nr(t, __NR_utimensat);
    sysc_set_arg(t, 0, (uint64_t)dirfd);
    sysc_set_arg(t, 1, path);
    sysc_set_arg(t, 2, (uint64_t)s);
    sysc_set_arg(t, 3, (uint64_t)flags);
    return SYS_PASS;
}

enum sys_action fbsd_sys_futimes(struct tracee *t, struct sysc *sc)
{
    return to_utimensat(t, sc, (int)sc->args[0], 0, sc->args[1], true, 0);
}

enum sys_action fbsd_sys_lutimes(struct tracee *t, struct sysc *sc)
{
    return to_utimensat(t, sc, AT_FDCWD, sc->args[0], sc->args[1], true, AT_SYMLINK_NOFOLLOW);
}

enum sys_action fbsd_sys_futimens(struct tracee *t, struct sysc *sc)
{
    return to_utimensat(t, sc, (int)sc->args[0], 0, sc->args[1], false, 0);
}

enum sys_action fbsd_sys_utimensat(struct tracee *t, struct sysc *sc)
{
    int f = fbsd_at_flags_host(sc->args[3], FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                                            FBSD_AT_EMPTY_PATH);
    if (f < 0) {
        sc->ret = f;
        return SYS_DONE;
    }
    return to_utimensat(t, sc, (int)sc->args[0], sc->args[1], sc->args[2], false, f);
}
