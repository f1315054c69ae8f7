/* posix_fadvise (#531) and posix_fallocate (#530).  FreeBSD returns their error
 * as the call's value with the carry flag clear (kern_posix_error), which its
 * libc hands back unchanged: so a failed host call becomes a successful result
 * holding the FreeBSD errno.  The advice values are Linux's on x86-64
 * (NOREUSE 5 included); posix_fallocate is fallocate with mode 0. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "personalities/freebsd/ipc.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

/* posix_fadvise(fd, offset, len, advice) */
enum sys_action fbsd_sys_posix_fadvise(struct tracee *t, struct sysc *sc)
{
    int64_t advice = (int32_t)sc->args[3];
    if (advice < FBSD_POSIX_FADV_NORMAL || advice > FBSD_POSIX_FADV_NOREUSE) {
        sc->ret = EINVAL;   /* the errno itself is the value (22 on both) */
        return SYS_DONE;
    }
    sysc_set_host_nr(t, __NR_fadvise64);
    return SYS_PASS;
}

/* posix_fallocate(fd, offset, len) */
enum sys_action fbsd_sys_posix_fallocate(struct tracee *t, struct sysc *sc)
{
    int64_t off = (int64_t)sc->args[1], len = (int64_t)sc->args[2];
    if (off < 0 || len <= 0) {
        sc->ret = EINVAL;
        return SYS_DONE;
    }
    if (off > INT64_MAX - len) {
        sc->ret = EFBIG;
        return SYS_DONE;
    }
    /* FreeBSD refuses what cannot seek (ESPIPE) before it checks the access
     * mode (EBADF); Linux asks in the other order. */
    uint64_t a[6] = { sc->args[0], 0, SEEK_CUR };
    long r = guest_syscall(t, __NR_lseek, a);
    if (r == -ESPIPE || r == -EBADF) {
        sc->ret = fbsd_errno_from_linux((int)-r);
        return SYS_DONE;
    }
    sysc_set_host_nr(t, __NR_fallocate);
    sysc_set_arg(t, 0, sc->args[0]);
    sysc_set_arg(t, 1, 0);              /* mode 0: allocate, extend the size */
    sysc_set_arg(t, 2, sc->args[1]);
    sysc_set_arg(t, 3, sc->args[2]);
    return SYS_PASS;
}

void fbsd_sys_posix_error_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret < 0)
        sc->ret = fbsd_errno_from_linux((int)-sc->ret);
}
