/* pathconf/lpathconf/fpathconf: Linux has no such call (glibc answers from
 * constants and statfs), so the answer comes from a table of FreeBSD's values
 * (those of its VFS defaults, vop_stdpathconf, and UFS), after checking that
 * the path or descriptor exists, which is where the real call's errors come
 * from.  Names the table does not hold answer EINVAL, as FreeBSD's default
 * does.  Also posix_openpt: /dev/ptmx, whose slave is unlocked at once since
 * FreeBSD's pseudo-terminals have no lock (unlockpt is a check there). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "personalities/freebsd/file.h"
#include "personalities/freebsd/sysnum.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

/* sys/unistd.h (FreeBSD 13.2) names and the answers. */
static const struct { int name; long value; } pc_values[] = {
    { 1, 32767 },       /* _PC_LINK_MAX (UFS; at most what Linux filesystems allow) */
    { 2, 255 },         /* _PC_MAX_CANON */
    { 3, 255 },         /* _PC_MAX_INPUT */
    { 4, 255 },         /* _PC_NAME_MAX */
    { 5, 1024 },        /* _PC_PATH_MAX */
    { 6, 512 },         /* _PC_PIPE_BUF */
    { 7, 1 },           /* _PC_CHOWN_RESTRICTED */
    { 8, 1 },           /* _PC_NO_TRUNC */
    { 9, 0xff },        /* _PC_VDISABLE */
    { 10, 4096 },       /* _PC_ALLOC_SIZE_MIN */
    { 12, 64 },         /* _PC_FILESIZEBITS */
    { 18, 1024 },       /* _PC_SYMLINK_MAX */
    { 53, 200112 },     /* _PC_ASYNC_IO: _POSIX_ASYNCHRONOUS_IO */
    { 59, 0 },          /* _PC_ACL_EXTENDED: no ACLs */
    { 61, 0 },          /* _PC_CAP_PRESENT */
    { 62, 0 },          /* _PC_INF_PRESENT */
    { 63, 0 },          /* _PC_MAC_PRESENT */
    { 64, 0 },          /* _PC_ACL_NFS4 */
};

static enum sys_action answer(struct tracee *t, struct sysc *sc, long nr, const uint64_t a[6], int name)
{
    long r = guest_syscall(t, nr, a);
    if (r >= 0) {
        r = -EINVAL;
        for (size_t i = 0; i < sizeof pc_values / sizeof pc_values[0]; i++)
            if (pc_values[i].name == name)
                r = pc_values[i].value;
    }
    sc->ret = r;
    return SYS_DONE;
}

/* pathconf(path, name), lpathconf(path, name) */
enum sys_action fbsd_sys_pathconf(struct tracee *t, struct sysc *sc)
{
    bool l = sc->nr == FBSD_SYS_lpathconf;
    uint64_t a[6] = { (uint64_t)(int64_t)AT_FDCWD, sc->args[0], F_OK, l ? AT_SYMLINK_NOFOLLOW : 0 };
    return answer(t, sc, FBSD_HOST_NR_FACCESSAT2, a, (int)sc->args[1]);
}

/* fpathconf(fd, name) */
enum sys_action fbsd_sys_fpathconf(struct tracee *t, struct sysc *sc)
{
    uint64_t a[6] = { (uint64_t)(int64_t)(int)sc->args[0], F_GETFD };
    return answer(t, sc, __NR_fcntl, a, (int)sc->args[1]);
}

/* posix_openpt(flags): O_RDWR, O_NOCTTY, O_CLOEXEC only (O_WRONLY: EINVAL, as FreeBSD). */
enum sys_action fbsd_sys_posix_openpt(struct tracee *t, struct sysc *sc)
{
    static const char ptmx[] = "/dev/ptmx";
    uint32_t g = (uint32_t)sc->args[0];
    if (g & ~(uint32_t)(FBSD_O_RDWR | FBSD_O_NOCTTY | FBSD_O_CLOEXEC)) {   /* FreeBSD's mask */
        sc->ret = -EINVAL;
        return SYS_DONE;
    }
    int zero = 0;
    uint64_t sp = guest_scratch(t, sizeof ptmx), sz = guest_scratch(t, sizeof zero);
    if (!sp || !sz || guest_write(t, sp, ptmx, sizeof ptmx) < 0 ||
        guest_write(t, sz, &zero, sizeof zero) < 0) {
        sc->ret = -EFAULT;
        return SYS_DONE;
    }
    uint64_t oa[6] = { (uint64_t)(int64_t)AT_FDCWD, sp,
                       (uint64_t)(unsigned)fbsd_open_flags_to_linux(g, NULL) };
    long fd = guest_syscall(t, __NR_openat, oa);
    if (fd >= 0) {
        uint64_t ua[6] = { (uint64_t)fd, TIOCSPTLCK, sz };
        long r = guest_syscall(t, __NR_ioctl, ua);
        if (r < 0) {
            uint64_t ca[6] = { (uint64_t)fd };
            guest_syscall(t, __NR_close, ca);
            fd = r;
        }
    }
    sc->ret = fd;
    return SYS_DONE;
}
