/* bindat(fd, s, addr, len) and connectat(fd, s, addr, len): a local socket's
 * relative path resolved from directory descriptor fd (AT_FDCWD: plain bind and
 * connect).  Linux has neither.
 *
 * The call stays in the guest thread (a connect may block; the socket file gets
 * the guest's umask and credentials) and the path is resolved there without
 * touching the shared working directory: a relative path P becomes
 * "/proc/self/fd/FD/P", which the kernel walks from the directory open as FD at
 * the time of the call — race-free, as FreeBSD's namei at a descriptor.  Neither
 * fchdir-and-back (other threads share the working directory meanwhile, and the
 * way back would need a call at the exit stop) nor the supervisor doing the call
 * (blocking connect, its own umask) would be.  Limits: the guest needs Linux's
 * /proc at /proc (lsl2 mounts it when the rootfs has a /proc directory, as
 * FreeBSD's has: otherwise ENOENT), the rewritten path must fit Linux's 108-byte
 * sun_path (else ENAMETOOLONG), and getsockname on the bound socket reports the
 * rewritten path, where FreeBSD reports the one given.  As FreeBSD's pr_bindat /
 * pr_connectat, other domains refuse a descriptor other than AT_FDCWD
 * (EOPNOTSUPP); an absolute path ignores fd. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include "personalities/freebsd/sock.h"
#include "personalities/freebsd/sysnum.h"
#include "tracer/tracee.h"

#define FBSD_AT_FDCWD (-100)

/* The domain of socket s (Linux AF_*), or -errno (EBADF, ENOTSOCK) as the
 * guest's own call would fail. */
static long sock_domain(struct tracee *t, int s)
{
    uint64_t scr = guest_scratch(t, 8);
    uint32_t len = sizeof(int32_t);
    if (!scr || guest_write(t, scr + 4, &len, sizeof len) < 0)
        return -EFAULT;
    const uint64_t a[6] = { (uint64_t)(int64_t)s, SOL_SOCKET, SO_DOMAIN, scr, scr + 4 };
    long r = guest_syscall(t, __NR_getsockopt, a);
    if (r < 0)
        return r;
    int32_t d;
    if (guest_read(t, scr, &d, sizeof d) < 0)
        return -EFAULT;
    return d;
}

/* "/proc/self/fd/FD/" + rel into sun, or -ENAMETOOLONG; returns the address length. */
int fbsd_sockat_path(struct sockaddr_un *sun, int dirfd, const char *rel)
{
    char p[sizeof sun->sun_path + 1];
    int n = snprintf(p, sizeof p, "/proc/self/fd/%d/%s", dirfd, rel);
    if (n < 0 || (size_t)n > sizeof sun->sun_path)
        return -ENAMETOOLONG;
    memset(sun, 0, sizeof *sun);
    sun->sun_family = AF_UNIX;
    memcpy(sun->sun_path, p, (size_t)n);    /* a full sun_path needs no NUL */
    return (int)(offsetof(struct sockaddr_un, sun_path) + (size_t)n +
                 ((size_t)n < sizeof sun->sun_path ? 1 : 0));
}

enum sys_action fbsd_sys_bindat(struct tracee *t, struct sysc *sc)
{
    int dirfd = (int)sc->args[0], s = (int)sc->args[1];
    bool bind = sc->nr == FBSD_SYS_bindat;
    uint64_t h;
    long n = fbsd_sockaddr_in(t, sc->args[2], (uint32_t)sc->args[3], &h);
    if (n < 0)
        return sysc_done(sc, n);
    if (dirfd != FBSD_AT_FDCWD) {
        long dom = sock_domain(t, s);
        if (dom < 0)
            return sysc_done(sc, dom);
        if (dom != AF_UNIX)
            return sysc_done(sc, -EOPNOTSUPP);
        struct sockaddr_un un;
        memset(&un, 0, sizeof un);
        if (guest_read(t, h, &un, (size_t)n < sizeof un ? (size_t)n : sizeof un) < 0)
            return sysc_done(sc, -EFAULT);
        char rel[sizeof un.sun_path + 1];
        memcpy(rel, un.sun_path, sizeof un.sun_path);
        rel[sizeof un.sun_path] = 0;
        if (un.sun_family == AF_UNIX && rel[0] && rel[0] != '/') {
            /* namei at fd: EBADF for a closed descriptor (the /proc walk would say ENOENT) */
            const uint64_t a[6] = { (uint64_t)(int64_t)dirfd, F_GETFD };
            long r = guest_syscall(t, __NR_fcntl, a);
            if (r < 0)
                return sysc_done(sc, r);
            int len = fbsd_sockat_path(&un, dirfd, rel);
            if (len < 0)
                return sysc_done(sc, len);
            if (guest_write(t, h, &un, sizeof un) < 0)
                return sysc_done(sc, -EFAULT);
            n = len;
        }
    }
    sysc_set_host_nr(t, bind ? __NR_bind : __NR_connect);
    sysc_set_arg(t, 0, (uint64_t)(int64_t)s);
    sysc_set_arg(t, 1, h);
    sysc_set_arg(t, 2, (uint64_t)n);
    return SYS_PASS;
}
