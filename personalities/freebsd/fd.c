/* Descriptor-table calls: pipe2 (O_CLOEXEC/O_NONBLOCK values differ),
 * freebsd10_pipe (both descriptors come back in %rax and %rdx), close_range
 * (FreeBSD knows only CLOSE_RANGE_CLOEXEC, same bit as Linux's), closefrom,
 * and the FreeBSD 6 forms of pread/pwrite/lseek/truncate/ftruncate, whose
 * padding argument before the 64-bit offset is dropped. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include "personalities/freebsd/file.h"
#include "personalities/freebsd/kqueue.h"
#include "personalities/freebsd/sysnum.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

#define FBSD_CLOSE_RANGE_CLOEXEC (1u << 2)

enum sys_action fbsd_sys_pipe2(struct tracee *t, struct sysc *sc)
{
    uint32_t g = (uint32_t)sc->args[1];
    if (g & ~(uint32_t)(FBSD_O_CLOEXEC | FBSD_O_NONBLOCK))
        return sysc_done(sc, -EINVAL);
    sysc_set_host_nr(t, __NR_pipe2);
    sysc_set_arg(t, 1, (uint64_t)(unsigned)fbsd_open_flags_to_linux(g, NULL));
    return SYS_PASS;
}

enum sys_action fbsd_sys_freebsd10_pipe(struct tracee *t, struct sysc *sc)
{
    uint64_t s = guest_scratch(t, 2 * sizeof(int));
    if (!s)
        return sysc_done(sc, -EFAULT);
    sc->save[0] = s;
    sysc_set_host_nr(t, __NR_pipe2);
    sysc_set_arg(t, 0, s);
    sysc_set_arg(t, 1, 0);
    return SYS_PASS;
}

void fbsd_sys_freebsd10_pipe_exit(struct tracee *t, struct sysc *sc)
{
    int fds[2];
    if (sc->ret < 0)
        return;
    if (guest_read(t, sc->save[0], fds, sizeof fds) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    sc->ret = fds[0];
    sc->ret2 = fds[1];
    sc->has_ret2 = true;
}

enum sys_action fbsd_sys_close_range(struct tracee *t, struct sysc *sc)
{
    if ((uint32_t)sc->args[2] & ~FBSD_CLOSE_RANGE_CLOEXEC)
        return sysc_done(sc, -EINVAL);
    if (!((uint32_t)sc->args[2] & FBSD_CLOSE_RANGE_CLOEXEC) && sc->args[0] <= sc->args[1])
        fbsd_kq_fd_closed(t, (int)(uint32_t)sc->args[0],
                          sc->args[1] > INT32_MAX ? INT32_MAX : (int)sc->args[1]);   /* kqueue.c */
    sysc_set_host_nr(t, __NR_close_range);
    return SYS_PASS;
}

/* freebsd12_closefrom(lowfd): every descriptor from lowfd up (0 when negative). */
enum sys_action fbsd_sys_closefrom(struct tracee *t, struct sysc *sc)
{
    int low = (int)sc->args[0];
    fbsd_kq_fd_closed(t, low < 0 ? 0 : low, INT32_MAX);   /* their kqueue events go (kqueue.c) */
    sysc_set_host_nr(t, __NR_close_range);
    sysc_set_arg(t, 0, (uint64_t)(low < 0 ? 0 : low));
    sysc_set_arg(t, 1, 0xffffffffu);
    sysc_set_arg(t, 2, 0);
    return SYS_PASS;
}

/* freebsd6_pread/pwrite(fd, buf, nbyte, pad, offset) */
enum sys_action fbsd_sys_freebsd6_pread(struct tracee *t, struct sysc *sc)
{
    sysc_set_host_nr(t, sc->nr == FBSD_SYS_freebsd6_pwrite ? __NR_pwrite64 : __NR_pread64);
    sysc_set_arg(t, 3, sc->args[4]);
    return SYS_PASS;
}

/* freebsd6_lseek(fd, pad, offset, whence) */
enum sys_action fbsd_sys_freebsd6_lseek(struct tracee *t, struct sysc *sc)
{
    sysc_set_host_nr(t, __NR_lseek);
    sysc_set_arg(t, 1, sc->args[2]);
    sysc_set_arg(t, 2, sc->args[3]);
    return SYS_PASS;
}

/* freebsd6_truncate(path, pad, length), freebsd6_ftruncate(fd, pad, length) */
enum sys_action fbsd_sys_freebsd6_truncate(struct tracee *t, struct sysc *sc)
{
    sysc_set_host_nr(t, sc->nr == FBSD_SYS_freebsd6_ftruncate ? __NR_ftruncate : __NR_truncate);
    sysc_set_arg(t, 1, sc->args[2]);
    return SYS_PASS;
}
