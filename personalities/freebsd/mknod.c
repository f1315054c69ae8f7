/* mknod/mknodat: rewritten to Linux mknodat with the device number re-encoded
 * (FreeBSD 12+ dev_t is 64-bit with its own major/minor split; FreeBSD 11's is
 * the low 32 bits of the same encoding) and FreeBSD's rules on node types:
 * only devices, FIFOs (with dev 0) and whiteouts; Linux would also make
 * regular files and sockets. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include "abi/freebsd/stat.h"
#include "personalities/freebsd/freebsd.h"
#include "tracer/tracee.h"

int fbsd_mknod_check(uint32_t mode, uint64_t dev)
{
    switch (mode & FBSD_S_IFMT) {
    case FBSD_S_IFCHR:
    case FBSD_S_IFBLK:
        return 0;
    case FBSD_S_IFIFO:
        return dev == 0 ? 0 : -EINVAL;
    case FBSD_S_IFWHT:
        /* whiteouts belong to union mounts, which Linux does not make this way */
        return -EOPNOTSUPP;
    default:
        return -EINVAL;
    }
}

static enum sys_action to_mknodat(struct tracee *t, struct sysc *sc, uint64_t dirfd,
                                  uint64_t path, uint64_t mode, uint64_t dev)
{
    uint32_t m = (uint16_t)mode;   /* FreeBSD mode_t is 16 bits */
    int r = fbsd_mknod_check(m, dev);
    if (r < 0) {
        sc->ret = r;
        return SYS_DONE;
    }
    sysc_set_host_nr(t, __NR_mknodat);
    sysc_set_arg(t, 0, (uint64_t)(int64_t)(int32_t)dirfd);
    sysc_set_arg(t, 1, path);
    sysc_set_arg(t, 2, m);
    sysc_set_arg(t, 3, fbsd_dev_to_linux(dev));
    return SYS_PASS;
}

enum sys_action fbsd_sys_mknodat(struct tracee *t, struct sysc *sc)
{
    return to_mknodat(t, sc, sc->args[0], sc->args[1], sc->args[2], sc->args[3]);
}

enum sys_action fbsd_sys_freebsd11_mknod(struct tracee *t, struct sysc *sc)
{
    return to_mknodat(t, sc, (uint64_t)(int64_t)AT_FDCWD, sc->args[0], sc->args[1],
                      (uint32_t)sc->args[2]);
}

enum sys_action fbsd_sys_freebsd11_mknodat(struct tracee *t, struct sysc *sc)
{
    return to_mknodat(t, sc, sc->args[0], sc->args[1], sc->args[2], (uint32_t)sc->args[3]);
}
