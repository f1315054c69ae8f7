/* Socket creation and addressing: socket/socketpair (FreeBSD domain numbers,
 * SOCK_CLOEXEC/SOCK_NONBLOCK bits), bind/connect (guest sockaddr converted into
 * scratch), accept/accept4 and getsockname/getpeername (the Linux sockaddr
 * converted back at exit).  FreeBSD's accept() gives the new socket the
 * listening socket's O_NONBLOCK; Linux's does not, so it is asked for. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include "personalities/freebsd/sock.h"
#include "personalities/freebsd/sysnum.h"
#include "abi/freebsd/socket.h"
#include "tracer/tracee.h"

/* domain and type of socket(2) and socketpair(2), translated in place */
static long domain_type(struct tracee *t, struct sysc *sc)
{
    int d = fbsd_domain_to_linux((int)sc->args[0]);
    if (d < 0)
        return -EAFNOSUPPORT;
    int ty = fbsd_socktype_to_linux((int)sc->args[1]);
    if (ty < 0)
        return -EPROTOTYPE;
    sysc_set_arg(t, 0, (uint64_t)d);
    sysc_set_arg(t, 1, (uint64_t)(unsigned)ty);
    return 0;
}

enum sys_action fbsd_sys_socket(struct tracee *t, struct sysc *sc)
{
    long r = domain_type(t, sc);
    if (r < 0)
        return sysc_done(sc, r);
    sysc_set_host_nr(t, __NR_socket);
    return SYS_PASS;
}

enum sys_action fbsd_sys_socketpair(struct tracee *t, struct sysc *sc)
{
    long r = domain_type(t, sc);
    if (r < 0)
        return sysc_done(sc, r);
    sysc_set_host_nr(t, __NR_socketpair);
    return SYS_PASS;
}

/* bind(s, addr, len) and connect(s, addr, len) */
enum sys_action fbsd_sys_bind(struct tracee *t, struct sysc *sc)
{
    uint64_t h;
    long n = fbsd_sockaddr_in(t, sc->args[1], sc->args[2], &h);
    if (n < 0)
        return sysc_done(sc, n);
    sysc_set_host_nr(t, sc->nr == FBSD_SYS_bind ? __NR_bind : __NR_connect);
    sysc_set_arg(t, 1, h);
    sysc_set_arg(t, 2, (uint64_t)n);
    return SYS_PASS;
}

/* accept(s, addr, addrlen) and accept4(s, addr, addrlen, flags) */
enum sys_action fbsd_sys_accept(struct tracee *t, struct sysc *sc)
{
    int flags = 0;
    if (sc->nr == FBSD_SYS_accept4) {
        uint64_t g = (uint32_t)sc->args[3];
        if (g & ~(uint64_t)(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK))
            return sysc_done(sc, -EINVAL);
        flags = (g & FBSD_SOCK_CLOEXEC ? SOCK_CLOEXEC : 0) |
                (g & FBSD_SOCK_NONBLOCK ? SOCK_NONBLOCK : 0);
    } else {
        const uint64_t a[6] = { sc->args[0], F_GETFL };
        long fl = guest_syscall(t, __NR_fcntl, a);
        if (fl < 0)
            return sysc_done(sc, fl);
        if (fl & O_NONBLOCK)
            flags |= SOCK_NONBLOCK;
    }
    uint64_t ha, hl;
    int r = fbsd_sockaddr_out_prepare(t, sc, 0, sc->args[1], sc->args[2], &ha, &hl);
    if (r < 0)
        return sysc_done(sc, r);
    sysc_set_host_nr(t, __NR_accept4);
    sysc_set_arg(t, 1, ha);
    sysc_set_arg(t, 2, hl);
    sysc_set_arg(t, 3, (uint64_t)flags);
    return SYS_PASS;
}

/* getsockname(s, addr, addrlen) and getpeername(s, addr, addrlen) */
enum sys_action fbsd_sys_getsockname(struct tracee *t, struct sysc *sc)
{
    uint64_t ha, hl;
    int r = fbsd_sockaddr_out_prepare(t, sc, 0, sc->args[1], sc->args[2], &ha, &hl);
    if (r < 0)
        return sysc_done(sc, r);
    if (!ha)
        return sysc_done(sc, -EFAULT);
    sysc_set_host_nr(t, sc->nr == FBSD_SYS_getsockname ? __NR_getsockname : __NR_getpeername);
    sysc_set_arg(t, 1, ha);
    sysc_set_arg(t, 2, hl);
    return SYS_PASS;
}

void fbsd_sys_sockaddr_out_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0)
        return;
    int r = fbsd_sockaddr_out_finish(t, sc, 0);
    if (r < 0)
        sc->ret = r;
}
