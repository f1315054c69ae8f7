/* Permission calls with AT_* flags: eaccess and faccessat (Linux's faccessat
 * has no flags argument: faccessat2), lchmod and fchmodat (fchmodat2, which
 * like FreeBSD takes AT_SYMLINK_NOFOLLOW; Linux cannot change a symbolic
 * link's own mode and says EOPNOTSUPP), fchownat.  Access modes (F_OK, R_OK,
 * W_OK, X_OK) and mode bits have the same values on both systems. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include "personalities/freebsd/file.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

static enum sys_action call4(struct tracee *t, long nr, int64_t dirfd, uint64_t path,
                             uint64_t a2, int flags)
{
    sysc_set_host_nr(t, nr);
    sysc_set_arg(t, 0, (uint64_t)dirfd);
    sysc_set_arg(t, 1, path);
    sysc_set_arg(t, 2, a2);
    sysc_set_arg(t, 3, (uint64_t)flags);
    return SYS_PASS;
}

static enum sys_action einval(struct sysc *sc, int err)
{
    sc->ret = err;
    return SYS_DONE;
}

enum sys_action fbsd_sys_eaccess(struct tracee *t, struct sysc *sc)
{
    return call4(t, FBSD_HOST_NR_FACCESSAT2, AT_FDCWD, sc->args[0], sc->args[1], AT_EACCESS);
}

enum sys_action fbsd_sys_faccessat(struct tracee *t, struct sysc *sc)
{
    int f = fbsd_at_flags_host(sc->args[3], FBSD_AT_EACCESS | FBSD_AT_SYMLINK_NOFOLLOW |
                                            FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH);
    if (f < 0)
        return einval(sc, f);
    return call4(t, FBSD_HOST_NR_FACCESSAT2, (int)sc->args[0], sc->args[1], sc->args[2], f);
}

enum sys_action fbsd_sys_lchmod(struct tracee *t, struct sysc *sc)
{
    return call4(t, FBSD_HOST_NR_FCHMODAT2, AT_FDCWD, sc->args[0], sc->args[1], AT_SYMLINK_NOFOLLOW);
}

enum sys_action fbsd_sys_fchmodat(struct tracee *t, struct sysc *sc)
{
    int f = fbsd_at_flags_host(sc->args[3], FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                                            FBSD_AT_EMPTY_PATH);
    if (f < 0)
        return einval(sc, f);
    /* Plain fchmodat when there are no flags: kernels before 6.6 lack fchmodat2. */
    return call4(t, f ? FBSD_HOST_NR_FCHMODAT2 : __NR_fchmodat, (int)sc->args[0], sc->args[1],
                 sc->args[2], f);
}

enum sys_action fbsd_sys_fchownat(struct tracee *t, struct sysc *sc)
{
    int f = fbsd_at_flags_host(sc->args[4], FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH |
                                            FBSD_AT_EMPTY_PATH);
    if (f < 0)
        return einval(sc, f);
    sysc_set_host_nr(t, __NR_fchownat);
    sysc_set_arg(t, 4, (uint64_t)f);
    return SYS_PASS;
}
