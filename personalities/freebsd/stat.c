/* stat, fstat, lstat, fstatat in both FreeBSD layouts.  Every form becomes one
 * Linux statx (which also gives the birth time FreeBSD reports in st_birthtim
 * and the attribute bits behind st_flags) writing into guest scratch memory;
 * the exit handler converts it and copies the FreeBSD struct out.
 * st_gen is 0 (Linux does not show generation numbers without an ioctl). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/stat.h"
#include "personalities/freebsd/freebsd.h"
#include "tracer/tracee.h"

#define STAT_MASK (STATX_BASIC_STATS | STATX_BTIME)

/* sc->save slots kept from entry to exit */
enum { SAVE_OUT, SAVE_STATX, SAVE_OLD };

/* Rewrites the current call into statx(dirfd, path, flags, STAT_MASK, scratch).
 * path 0: the empty string (fstat), placed in scratch as well. */
static enum sys_action to_statx(struct tracee *t, struct sysc *sc, uint64_t dirfd,
                                uint64_t path, int lflags, uint64_t out, bool old)
{
    uint64_t buf = guest_scratch(t, sizeof(struct statx));
    if (!buf) {
        sc->ret = -ENOMEM;
        return SYS_DONE;
    }
    if (!path) {
        path = guest_scratch(t, 16);
        static const char empty[16];
        if (!path || guest_write(t, path, empty, sizeof empty) < 0) {
            sc->ret = -ENOMEM;
            return SYS_DONE;
        }
        lflags |= AT_EMPTY_PATH;
    }
    sc->save[SAVE_OUT] = out;
    sc->save[SAVE_STATX] = buf;
    sc->save[SAVE_OLD] = old;
    sysc_set_host_nr(t, __NR_statx);
    sysc_set_arg(t, 0, (uint64_t)(int64_t)(int32_t)dirfd);
    sysc_set_arg(t, 1, path);
    sysc_set_arg(t, 2, (uint64_t)lflags);
    sysc_set_arg(t, 3, STAT_MASK);
    sysc_set_arg(t, 4, buf);
    return SYS_PASS;
}

/* FreeBSD accepts only these in fstatat's flag (kern_statat). */
static int at_flags(struct sysc *sc, uint64_t flag, int *lflags)
{
    uint64_t unknown = 0;
    if (flag & ~(uint64_t)(FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_RESOLVE_BENEATH | FBSD_AT_EMPTY_PATH))
        return sc->ret = -EINVAL;
    /* AT_RESOLVE_BENEATH has no statx flag: refused rather than ignored, since
     * ignoring it would let a lookup leave the directory it was confined to. */
    *lflags = (int)fbsd_bits_to_host(&fbsd_at_flags_map, flag, &unknown);
    if (unknown)
        return sc->ret = -EOPNOTSUPP;
    return 0;
}

enum sys_action fbsd_sys_fstat(struct tracee *t, struct sysc *sc)
{
    return to_statx(t, sc, sc->args[0], 0, 0, sc->args[1], false);
}

enum sys_action fbsd_sys_fstatat(struct tracee *t, struct sysc *sc)
{
    int lf;
    if (at_flags(sc, (uint32_t)sc->args[3], &lf) < 0)
        return SYS_DONE;
    return to_statx(t, sc, sc->args[0], sc->args[1], lf, sc->args[2], false);
}

enum sys_action fbsd_sys_freebsd11_stat(struct tracee *t, struct sysc *sc)
{
    return to_statx(t, sc, (uint64_t)AT_FDCWD, sc->args[0], 0, sc->args[1], true);
}

enum sys_action fbsd_sys_freebsd11_lstat(struct tracee *t, struct sysc *sc)
{
    return to_statx(t, sc, (uint64_t)AT_FDCWD, sc->args[0], AT_SYMLINK_NOFOLLOW, sc->args[1], true);
}

enum sys_action fbsd_sys_freebsd11_fstat(struct tracee *t, struct sysc *sc)
{
    return to_statx(t, sc, sc->args[0], 0, 0, sc->args[1], true);
}

enum sys_action fbsd_sys_freebsd11_fstatat(struct tracee *t, struct sysc *sc)
{
    int lf;
    if (at_flags(sc, (uint32_t)sc->args[3], &lf) < 0)
        return SYS_DONE;
    return to_statx(t, sc, sc->args[0], sc->args[1], lf, sc->args[2], true);
}

void fbsd_stat_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0)
        return;
    struct statx x;
    struct fbsd_stat st;
    if (guest_read(t, sc->save[SAVE_STATX], &x, sizeof x) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    fbsd_stat_from_statx(&st, &x);
    int r;
    if (sc->save[SAVE_OLD]) {
        struct fbsd_freebsd11_stat o;
        fbsd_freebsd11_stat_from_new(&o, &st);
        r = guest_write(t, sc->save[SAVE_OUT], &o, sizeof o);
    } else {
        r = guest_write(t, sc->save[SAVE_OUT], &st, sizeof st);
    }
    if (r < 0)
        sc->ret = -EFAULT;
}
