/* setsockopt/getsockopt: FreeBSD's levels and option numbers to Linux's, and the
 * values that read back differently: FreeBSD answers a boolean SOL_SOCKET option
 * with the option's bit (SO_REUSEADDR reads 4, SO_LINGER's l_onoff 0x80), SO_ERROR
 * with a FreeBSD errno, SO_RCVBUF/SO_SNDBUF with the size that was set (Linux
 * reports it doubled).  Level 0 is IPPROTO_IP on an Internet socket but SOL_LOCAL
 * on a local one (LOCAL_PEERCRED: struct xucred from Linux's SO_PEERCRED).
 * SO_NOSIGPIPE has no Linux option: it is recorded per socket (by inode, so it
 * follows the socket through dup, fork, exec and SCM_RIGHTS as FreeBSD's does)
 * and turns into MSG_NOSIGNAL on the socket's sends; the SIGPIPE of a write, writev
 * or sendfile on it is dropped at delivery (sigpipe.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include "personalities/freebsd/sock.h"
#include "abi/freebsd/cmsg.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/flagmap.h"
#include "abi/freebsd/socket.h"
#include "tracer/tracee.h"

/* IPPROTO_IP options (netinet/in.h). */
static const struct fbsd_pair ip_pairs[] = {
    { 1, IP_OPTIONS },          { 2, IP_HDRINCL },           { 3, IP_TOS },
    { 4, IP_TTL },              { 5, IP_RECVOPTS },          { 9, IP_MULTICAST_IF },
    { 10, IP_MULTICAST_TTL },   { 11, IP_MULTICAST_LOOP },   { 12, IP_ADD_MEMBERSHIP },
    { 13, IP_DROP_MEMBERSHIP }, { 24, IP_FREEBIND },         { 65, IP_RECVTTL },
    { 66, IP_MINTTL },          { 68, IP_RECVTOS },
};
static const struct fbsd_map ip_map = FBSD_MAP(ip_pairs);

/* IPPROTO_TCP options (netinet/tcp.h): TCP_NOPUSH is Linux's TCP_CORK. */
static const struct fbsd_pair tcp_pairs[] = {
    { 1, TCP_NODELAY },    { 2, TCP_MAXSEG },       { 4, TCP_CORK },
    { 64, TCP_CONGESTION },{ 256, TCP_KEEPIDLE },   { 512, TCP_KEEPINTVL },
    { 1024, TCP_KEEPCNT },
};
static const struct fbsd_map tcp_map = FBSD_MAP(tcp_pairs);

/* IPPROTO_IPV6 options (netinet6/in6.h). */
static const struct fbsd_pair ipv6_pairs[] = {
    { 4, IPV6_UNICAST_HOPS },   { 9, IPV6_MULTICAST_IF },   { 10, IPV6_MULTICAST_HOPS },
    { 11, IPV6_MULTICAST_LOOP },{ 12, IPV6_ADD_MEMBERSHIP },{ 13, IPV6_DROP_MEMBERSHIP },
    { 27, IPV6_V6ONLY },        { 36, IPV6_RECVPKTINFO },   { 37, IPV6_RECVHOPLIMIT },
    { 46, IPV6_PKTINFO },       { 47, IPV6_HOPLIMIT },      { 57, IPV6_RECVTCLASS },
    { 61, IPV6_TCLASS },        { 62, IPV6_DONTFRAG },
};
static const struct fbsd_map ipv6_map = FBSD_MAP(ipv6_pairs);

/* SOL_SOCKET options FreeBSD reads back as their own bit. */
static bool bool_sockopt(int o)
{
    static const int b[] = { FBSD_SO_DEBUG, FBSD_SO_ACCEPTCONN, FBSD_SO_REUSEADDR,
        FBSD_SO_KEEPALIVE, FBSD_SO_DONTROUTE, FBSD_SO_BROADCAST, FBSD_SO_OOBINLINE,
        FBSD_SO_REUSEPORT, FBSD_SO_TIMESTAMP, FBSD_SO_REUSEPORT_LB };
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++)
        if (b[i] == o)
            return true;
    return false;
}

/* ---- SO_NOSIGPIPE record: socket inode numbers (supervisor-wide, as sockets are) */
static uint64_t *nsp;
static size_t nsp_len, nsp_cap;

void fbsd_nosigpipe_set(uint64_t ino, bool on)
{
    for (size_t i = 0; i < nsp_len; i++) {
        if (nsp[i] == ino) {
            if (!on)
                nsp[i] = nsp[--nsp_len];
            return;
        }
    }
    if (!on)
        return;
    if (nsp_len == nsp_cap) {
        size_t cap = nsp_cap ? nsp_cap * 2 : 16;
        uint64_t *n = realloc(nsp, cap * sizeof *n);
        if (!n)
            return;
        nsp = n;
        nsp_cap = cap;
    }
    nsp[nsp_len++] = ino;
}

bool fbsd_nosigpipe_has(uint64_t ino)
{
    for (size_t i = 0; i < nsp_len; i++)
        if (nsp[i] == ino)
            return true;
    return false;
}

void fbsd_sock_nosigpipe_reset(void)
{
    free(nsp);
    nsp = NULL;
    nsp_len = nsp_cap = 0;
}

/* The socket inode behind descriptor fd of t: > 0, or -EBADF / -ENOTSOCK. */
static long sock_ino(struct tracee *t, int fd)
{
    char what[32], link[64];
    if (fd < 0)
        return -EBADF;
    snprintf(what, sizeof what, "fd/%d", fd);
    int d = procfs_open(t->tid, what, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (d < 0)
        return -EBADF;
    ssize_t n = readlinkat(d, "", link, sizeof link - 1);
    close(d);
    if (n <= 0)
        return -EBADF;
    link[n] = 0;
    unsigned long long ino;
    if (sscanf(link, "socket:[%llu]", &ino) != 1)
        return -ENOTSOCK;
    return (long)ino;
}

bool fbsd_sock_nosigpipe(struct tracee *t, int fd)
{
    if (!nsp_len)
        return false;
    long ino = sock_ino(t, fd);
    return ino > 0 && fbsd_nosigpipe_has((uint64_t)ino);
}

/* ---- levels and names */

/* The socket's Linux domain (asked of the kernel in the guest), or -errno. */
static long sock_domain(struct tracee *t, int fd)
{
    uint64_t s = guest_scratch(t, 8);
    if (!s)
        return -EFAULT;
    uint32_t len = 4;
    if (guest_write(t, s + 4, &len, sizeof len) < 0)
        return -EFAULT;
    const uint64_t a[6] = { (uint64_t)fd, SOL_SOCKET, SO_DOMAIN, s, s + 4 };
    long r = guest_syscall(t, __NR_getsockopt, a);
    if (r < 0)
        return r;
    int32_t d;
    if (guest_read(t, s, &d, sizeof d) < 0)
        return -EFAULT;
    return d;
}

enum fix { FIX_NONE, FIX_BOOL, FIX_ERROR, FIX_DOMAIN, FIX_BUFSIZE, FIX_LINGER, FIX_PEERCRED };

/* Linux level and name for a guest (level, name); *fix says what getsockopt must
 * redo on the value.  -ENOPROTOOPT when Linux has no such option. */
static long resolve(struct tracee *t, int fd, int level, int name, int *hlevel, int *hname,
                    enum fix *fix)
{
    *fix = FIX_NONE;
    switch (level) {
    case FBSD_SOL_SOCKET: {
        int o = fbsd_sockopt_to_linux(name);
        if (o < 0)
            return -ENOPROTOOPT;
        *hlevel = SOL_SOCKET;
        *hname = o;
        if (bool_sockopt(name))
            *fix = FIX_BOOL;
        else if (name == FBSD_SO_ERROR)
            *fix = FIX_ERROR;
        else if (name == FBSD_SO_DOMAIN)
            *fix = FIX_DOMAIN;
        else if (name == FBSD_SO_RCVBUF || name == FBSD_SO_SNDBUF)
            *fix = FIX_BUFSIZE;
        else if (name == FBSD_SO_LINGER)
            *fix = FIX_LINGER;
        return 0;
    }
    case FBSD_IPPROTO_IP: {
        long d = sock_domain(t, fd);
        if (d < 0)
            return d;
        if (d == AF_UNIX) {
            if (name != FBSD_LOCAL_PEERCRED)
                return -ENOPROTOOPT;    /* LOCAL_CREDS, LOCAL_CONNWAIT: not emulated */
            *hlevel = SOL_SOCKET;
            *hname = SO_PEERCRED;
            *fix = FIX_PEERCRED;
            return 0;
        }
        *hlevel = IPPROTO_IP;
        *hname = fbsd_int_to_host(&ip_map, name);
        return *hname < 0 ? -ENOPROTOOPT : 0;
    }
    case FBSD_IPPROTO_TCP:
        *hlevel = IPPROTO_TCP;
        *hname = fbsd_int_to_host(&tcp_map, name);
        return *hname < 0 ? -ENOPROTOOPT : 0;
    case FBSD_IPPROTO_IPV6:
        *hlevel = IPPROTO_IPV6;
        *hname = fbsd_int_to_host(&ipv6_map, name);
        return *hname < 0 ? -ENOPROTOOPT : 0;
    case FBSD_IPPROTO_UDP:
        return -ENOPROTOOPT;            /* FreeBSD's UDP_ENCAP has no Linux twin */
    default:
        return -ENOPROTOOPT;
    }
}

/* setsockopt(s, level, name, val, valsize) */
enum sys_action fbsd_sys_setsockopt(struct tracee *t, struct sysc *sc)
{
    int fd = (int)sc->args[0], level = (int)sc->args[1], name = (int)sc->args[2];
    if (level == FBSD_SOL_SOCKET && name == FBSD_SO_NOSIGPIPE) {
        int32_t v;
        if ((uint32_t)sc->args[4] < sizeof v)
            return sysc_done(sc, -EINVAL);
        if (guest_read(t, sc->args[3], &v, sizeof v) < 0)
            return sysc_done(sc, -EFAULT);
        long ino = sock_ino(t, fd);
        if (ino < 0)
            return sysc_done(sc, ino);
        fbsd_nosigpipe_set((uint64_t)ino, v != 0);
        return sysc_done(sc, 0);
    }
    int hl, hn;
    enum fix fix;
    long r = resolve(t, fd, level, name, &hl, &hn, &fix);
    if (r < 0)
        return sysc_done(sc, r);
    if (fix == FIX_PEERCRED)
        return sysc_done(sc, -EINVAL);       /* LOCAL_PEERCRED is read-only */
    sysc_set_host_nr(t, __NR_setsockopt);
    sysc_set_arg(t, 1, (uint64_t)hl);
    sysc_set_arg(t, 2, (uint64_t)hn);
    return SYS_PASS;
}

/* getsockopt(s, level, name, val, avalsize) */
enum sys_action fbsd_sys_getsockopt(struct tracee *t, struct sysc *sc)
{
    int fd = (int)sc->args[0], level = (int)sc->args[1], name = (int)sc->args[2];
    sc->save[0] = FIX_NONE;
    if (level == FBSD_SOL_SOCKET && name == FBSD_SO_NOSIGPIPE) {
        uint32_t len;
        if (guest_read(t, sc->args[4], &len, sizeof len) < 0)
            return sysc_done(sc, -EFAULT);
        long ino = sock_ino(t, fd);
        if (ino < 0)
            return sysc_done(sc, ino);
        int32_t v = fbsd_nosigpipe_has((uint64_t)ino) ? FBSD_SO_NOSIGPIPE : 0;
        uint32_t n = len < sizeof v ? len : sizeof v;
        if (guest_write(t, sc->args[3], &v, n) < 0 || guest_write(t, sc->args[4], &n, sizeof n) < 0)
            return sysc_done(sc, -EFAULT);
        return sysc_done(sc, 0);
    }
    int hl, hn;
    enum fix fix;
    long r = resolve(t, fd, level, name, &hl, &hn, &fix);
    if (r < 0)
        return sysc_done(sc, r);
    sysc_set_host_nr(t, __NR_getsockopt);
    sysc_set_arg(t, 1, (uint64_t)hl);
    sysc_set_arg(t, 2, (uint64_t)hn);
    sc->save[0] = fix;
    if (fix == FIX_PEERCRED) {
        /* Linux's struct ucred in scratch; struct xucred written at exit */
        uint64_t s = guest_scratch(t, 16);
        uint32_t len = sizeof(struct fbsd_linux_cred);
        if (!s || guest_write(t, s + 12, &len, sizeof len) < 0)
            return sysc_done(sc, -EFAULT);
        sc->save[1] = s;
        sysc_set_arg(t, 3, s);
        sysc_set_arg(t, 4, s + 12);
    }
    return SYS_PASS;
}

void fbsd_sys_getsockopt_exit(struct tracee *t, struct sysc *sc)
{
    enum fix fix = (enum fix)sc->save[0];
    uint64_t val = sc->args[3], lenp = sc->args[4];
    if (sc->ret < 0 || fix == FIX_NONE)
        return;
    uint32_t len;
    if (guest_read(t, lenp, &len, sizeof len) < 0)
        goto fault;
    if (fix == FIX_PEERCRED) {
        struct fbsd_linux_cred lc;
        struct fbsd_xucred x;
        if (guest_read(t, sc->save[1], &lc, sizeof lc) < 0)
            goto fault;
        fbsd_xucred_from_linux(&x, &lc);
        uint32_t n = len < sizeof x ? len : sizeof x;
        if (guest_write(t, val, &x, n) < 0 || guest_write(t, lenp, &n, sizeof n) < 0)
            goto fault;
        return;
    }
    if (len < sizeof(int32_t))
        return;
    int32_t v;
    if (guest_read(t, val, &v, sizeof v) < 0)
        goto fault;
    switch (fix) {
    case FIX_BOOL:    v = v ? (int32_t)sc->args[2] : 0; break;
    case FIX_ERROR:   v = v ? fbsd_errno_from_linux(v) : 0; break;
    case FIX_DOMAIN:  { int d = fbsd_domain_from_linux(v); v = d < 0 ? v : d; } break;
    case FIX_BUFSIZE: v /= 2; break;        /* Linux doubles the size set (socket(7)) */
    case FIX_LINGER:  v = v ? FBSD_SO_LINGER : 0; break;   /* l_onoff, the first field */
    default: return;
    }
    if (guest_write(t, val, &v, sizeof v) < 0)
        goto fault;
    return;
fault:
    sc->ret = -EFAULT;
}
