/* Path calls whose flags or results differ: link follows a symbolic link
 * source on FreeBSD (Linux's link does not), the AT_* values of linkat,
 * unlinkat (AT_REMOVEDIR is 0x800 there, 0x200 here) and funlinkat, the
 * errno of unlinking a directory (FreeBSD EPERM, Linux EISDIR), and __getcwd
 * returning 0 where Linux's getcwd returns the length. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "personalities/freebsd/file.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

#define FBSD_FD_NONE (-200)     /* funlinkat: no descriptor to check against */

int fbsd_at_flags_host(uint64_t guest, uint32_t allowed)
{
    uint64_t unknown;
    if ((guest & ~(uint64_t)allowed) || (guest & FBSD_AT_RESOLVE_BENEATH))
        return -EINVAL;
    uint64_t h = fbsd_bits_to_host(&fbsd_at_flags_map, guest, &unknown);
    return unknown ? -EINVAL : (int)h;
}

static enum sys_action to_linkat(struct tracee *t, int64_t ofd, uint64_t op,
                                 int64_t nfd, uint64_t np, int flags)
{
    sysc_set_host_nr(t, __NR_linkat);
    sysc_set_arg(t, 0, (uint64_t)ofd);
    sysc_set_arg(t, 1, op);
    sysc_set_arg(t, 2, (uint64_t)nfd);
    sysc_set_arg(t, 3, np);
    sysc_set_arg(t, 4, (uint64_t)flags);
    return SYS_PASS;
}

enum sys_action fbsd_sys_link(struct tracee *t, struct sysc *sc)
{
    return to_linkat(t, AT_FDCWD, sc->args[0], AT_FDCWD, sc->args[1], AT_SYMLINK_FOLLOW);
}

enum sys_action fbsd_sys_linkat(struct tracee *t, struct sysc *sc)
{
    int f = fbsd_at_flags_host(sc->args[4], FBSD_AT_SYMLINK_FOLLOW | FBSD_AT_RESOLVE_BENEATH |
                                            FBSD_AT_EMPTY_PATH);
    if (f < 0)
        return sysc_done(sc, f);
    return to_linkat(t, (int)sc->args[0], sc->args[1], (int)sc->args[2], sc->args[3], f);
}

enum sys_action fbsd_sys_unlinkat(struct tracee *t, struct sysc *sc)
{
    int f = fbsd_at_flags_host(sc->args[2], FBSD_AT_REMOVEDIR | FBSD_AT_RESOLVE_BENEATH);
    if (f < 0)
        return sysc_done(sc, f);
    sysc_set_host_nr(t, __NR_unlinkat);
    sysc_set_arg(t, 2, (uint64_t)f);
    return SYS_PASS;
}

/* funlinkat(dfd, path, fd, flag): unlinks path only if it still names the
 * file open as fd (else EDEADLK); fd == FD_NONE skips the check.  The check
 * and the unlink are two steps here, not one as in FreeBSD's kernel. */
enum sys_action fbsd_sys_funlinkat(struct tracee *t, struct sysc *sc)
{
    int f = fbsd_at_flags_host(sc->args[3], FBSD_AT_REMOVEDIR | FBSD_AT_RESOLVE_BENEATH);
    if (f < 0)
        return sysc_done(sc, f);
    int fd = (int)sc->args[2];
    if (fd != FBSD_FD_NONE) {
        struct stat a, b;
        uint64_t s = guest_scratch(t, 2 * sizeof(struct stat));
        if (!s)
            return sysc_done(sc, -EFAULT);
        uint64_t fa[6] = { (uint64_t)(int64_t)fd, s };
        uint64_t pa[6] = { (uint64_t)(int64_t)(int)sc->args[0], sc->args[1],
                           s + sizeof(struct stat), AT_SYMLINK_NOFOLLOW };
        long r = guest_syscall(t, __NR_fstat, fa);
        if (r == 0)
            r = guest_syscall(t, __NR_newfstatat, pa);
        if (r < 0)
            return sysc_done(sc, r);
        if (guest_read(t, s, &a, sizeof a) < 0 || guest_read(t, s + sizeof a, &b, sizeof b) < 0)
            return sysc_done(sc, -EFAULT);
        if (a.st_dev != b.st_dev || a.st_ino != b.st_ino)
            return sysc_done(sc, -EDEADLK);
    }
    sysc_set_host_nr(t, __NR_unlinkat);
    sysc_set_arg(t, 0, (uint64_t)(int64_t)(int)sc->args[0]);
    sysc_set_arg(t, 1, sc->args[1]);
    sysc_set_arg(t, 2, (uint64_t)f);
    return SYS_PASS;
}

void fbsd_sys_unlink_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret == -EISDIR)
        sc->ret = -EPERM;
}

void fbsd_sys_getcwd_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret > 0)
        sc->ret = 0;
}
