/* Sending and receiving: sendto/recvfrom (flags, sockaddrs) and sendmsg/recvmsg,
 * whose struct msghdr differs (FreeBSD's msg_iovlen and msg_controllen are 32-bit,
 * Linux's size_t): a Linux msghdr is built in scratch around the guest's own iovec
 * array (same layout), with the name and control messages converted.  On
 * recvmsg from a local socket with a control buffer, SO_PASSCRED is turned on
 * first, so that Linux hands over the sender's credentials for SCM_CREDS. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include "personalities/freebsd/sock.h"
#include "abi/freebsd/cmsg.h"
#include "abi/freebsd/flagmap.h"
#include "abi/freebsd/socket.h"
#include "tracer/tracee.h"

#define FBSD_UIO_MAXIOV  1024
#define FBSD_MCLBYTES    2048       /* sendmsg's control data limit (sockargs) */
#define RECV_CTL_MAX     65536
#define HOST_SA_SPACE    sizeof(struct sockaddr_storage)
#define CRED_SPACE       CMSG_SPACE(sizeof(struct fbsd_linux_cred))

uint32_t fbsd_msg_flags_in(struct tracee *t, int fd, uint64_t flags, bool send)
{
    uint64_t unk;
    uint32_t f = (uint32_t)fbsd_bits_to_host(&fbsd_msg_flags_map, (uint32_t)flags, &unk);
    if (send && !(f & MSG_NOSIGNAL) && fbsd_sock_nosigpipe(t, fd))
        f |= MSG_NOSIGNAL;
    return f;
}

/* sendto(s, buf, len, flags, to, tolen) */
enum sys_action fbsd_sys_sendto(struct tracee *t, struct sysc *sc)
{
    int fd = (int)sc->args[0];
    if (sc->args[4]) {
        uint64_t h;
        long n = fbsd_sockaddr_in(t, sc->args[4], (uint32_t)sc->args[5], &h);
        if (n < 0)
            return sysc_done(sc, n);
        sysc_set_arg(t, 4, h);
        sysc_set_arg(t, 5, (uint64_t)n);
    }
    sysc_set_host_nr(t, __NR_sendto);
    sysc_set_arg(t, 3, fbsd_msg_flags_in(t, fd, sc->args[3], true));
    return SYS_PASS;
}

/* recvfrom(s, buf, len, flags, from, fromlenaddr): exit is fbsd_sys_sockaddr_out_exit */
enum sys_action fbsd_sys_recvfrom(struct tracee *t, struct sysc *sc)
{
    uint64_t ha, hl;
    int r = fbsd_sockaddr_out_prepare(t, sc, 0, sc->args[4], sc->args[5], &ha, &hl);
    if (r < 0)
        return sysc_done(sc, r);
    sysc_set_host_nr(t, __NR_recvfrom);
    sysc_set_arg(t, 3, fbsd_msg_flags_in(t, (int)sc->args[0], sc->args[3], false));
    sysc_set_arg(t, 4, ha);
    sysc_set_arg(t, 5, hl);
    return SYS_PASS;
}

static int read_msghdr(struct tracee *t, uint64_t addr, struct fbsd_msghdr *m)
{
    if (guest_read(t, addr, m, sizeof *m) < 0)
        return -EFAULT;
    if (m->msg_iovlen < 0 || m->msg_iovlen > FBSD_UIO_MAXIOV)
        return -EMSGSIZE;
    return 0;
}

/* sendmsg(s, msg, flags) */
enum sys_action fbsd_sys_sendmsg(struct tracee *t, struct sysc *sc)
{
    struct fbsd_msghdr g;
    struct msghdr h;
    int r = read_msghdr(t, sc->args[1], &g);
    if (r < 0)
        return sysc_done(sc, r);
    memset(&h, 0, sizeof h);
    h.msg_iov = (void *)(uintptr_t)g.msg_iov;
    h.msg_iovlen = (size_t)g.msg_iovlen;
    if (g.msg_name) {
        uint64_t s;
        long n = fbsd_sockaddr_in(t, g.msg_name, g.msg_namelen, &s);
        if (n < 0)
            return sysc_done(sc, n);
        h.msg_name = (void *)(uintptr_t)s;
        h.msg_namelen = (socklen_t)n;
    }
    if (g.msg_control && g.msg_controllen) {
        uint8_t in[FBSD_MCLBYTES], out[FBSD_MCLBYTES + 16];
        if (g.msg_controllen < FBSD_CMSG_HDRLEN || g.msg_controllen > FBSD_MCLBYTES)
            return sysc_done(sc, -EINVAL);
        if (guest_read(t, g.msg_control, in, g.msg_controllen) < 0)
            return sysc_done(sc, -EFAULT);
        long n = fbsd_cmsgs_to_linux(in, g.msg_controllen, out, sizeof out);
        if (n < 0)
            return sysc_done(sc, n);
        if (n > 0) {
            uint64_t s = guest_scratch(t, (size_t)n);
            if (!s || guest_write(t, s, out, (size_t)n) < 0)
                return sysc_done(sc, -EFAULT);
            h.msg_control = (void *)(uintptr_t)s;
            h.msg_controllen = (size_t)n;
        }
    }
    uint64_t hs = guest_scratch(t, sizeof h);
    if (!hs || guest_write(t, hs, &h, sizeof h) < 0)
        return sysc_done(sc, -EFAULT);
    sysc_set_host_nr(t, __NR_sendmsg);
    sysc_set_arg(t, 1, hs);
    sysc_set_arg(t, 2, fbsd_msg_flags_in(t, (int)sc->args[0], sc->args[2], true));
    return SYS_PASS;
}

/* recvmsg(s, msg, flags): save[0] the Linux msghdr in scratch */
enum sys_action fbsd_sys_recvmsg(struct tracee *t, struct sysc *sc)
{
    struct fbsd_msghdr g;
    struct msghdr h;
    int r = read_msghdr(t, sc->args[1], &g);
    if (r < 0)
        return sysc_done(sc, r);
    memset(&h, 0, sizeof h);
    h.msg_iov = (void *)(uintptr_t)g.msg_iov;
    h.msg_iovlen = (size_t)g.msg_iovlen;
    if (g.msg_name) {
        uint64_t s = guest_scratch(t, HOST_SA_SPACE);
        if (!s)
            return sysc_done(sc, -EFAULT);
        h.msg_name = (void *)(uintptr_t)s;
        h.msg_namelen = HOST_SA_SPACE;
    }
    if (g.msg_control && g.msg_controllen) {
        size_t cap = g.msg_controllen < RECV_CTL_MAX ? g.msg_controllen : RECV_CTL_MAX;
        /* Linux puts the credentials first: room for them on top of the guest's */
        uint64_t s = guest_scratch(t, cap + CRED_SPACE);
        if (!s)
            return sysc_done(sc, -EFAULT);
        const uint64_t a[6] = { sc->args[0], SOL_SOCKET, SO_PASSCRED, s, sizeof(int) };
        const int one = 1;
        if (guest_write(t, s, &one, sizeof one) < 0)
            return sysc_done(sc, -EFAULT);
        long pr = guest_syscall(t, __NR_setsockopt, a);
        h.msg_control = (void *)(uintptr_t)s;
        h.msg_controllen = cap + (pr == 0 ? CRED_SPACE : 0);
    }
    uint64_t hs = guest_scratch(t, sizeof h);
    if (!hs || guest_write(t, hs, &h, sizeof h) < 0)
        return sysc_done(sc, -EFAULT);
    sc->save[0] = hs;
    sysc_set_host_nr(t, __NR_recvmsg);
    sysc_set_arg(t, 1, hs);
    sysc_set_arg(t, 2, fbsd_msg_flags_in(t, (int)sc->args[0], sc->args[2], false));
    return SYS_PASS;
}

void fbsd_sys_recvmsg_exit(struct tracee *t, struct sysc *sc)
{
    struct fbsd_msghdr g;
    struct msghdr h;
    if (sc->ret < 0)
        return;
    if (guest_read(t, sc->args[1], &g, sizeof g) < 0 ||
        guest_read(t, sc->save[0], &h, sizeof h) < 0)
        goto fault;
    if (g.msg_name) {
        struct sockaddr_storage hn;
        uint8_t gn[256];
        int full = 0;
        size_t hl = h.msg_namelen < HOST_SA_SPACE ? h.msg_namelen : HOST_SA_SPACE;
        if (hl >= sizeof(sa_family_t)) {
            if (guest_read(t, (uint64_t)(uintptr_t)h.msg_name, &hn, hl) < 0)
                goto fault;
            full = fbsd_sockaddr_from_linux(gn, sizeof gn, &hn, hl);
            if (full < 0)
                full = 0;
        }
        uint32_t n = (uint32_t)full < g.msg_namelen ? (uint32_t)full : g.msg_namelen;
        if (n && guest_write(t, g.msg_name, gn, n) < 0)
            goto fault;
        g.msg_namelen = n;
    } else {
        g.msg_namelen = 0;
    }
    int ctrunc = 0;
    if (h.msg_control && h.msg_controllen) {
        static uint8_t in[RECV_CTL_MAX + CRED_SPACE], out[RECV_CTL_MAX];
        size_t cap = g.msg_controllen < RECV_CTL_MAX ? g.msg_controllen : RECV_CTL_MAX;
        if (guest_read(t, (uint64_t)(uintptr_t)h.msg_control, in, h.msg_controllen) < 0)
            goto fault;
        size_t n = fbsd_cmsgs_from_linux(in, h.msg_controllen, out, cap, &ctrunc);
        if (n && guest_write(t, g.msg_control, out, n) < 0)
            goto fault;
        g.msg_controllen = (uint32_t)n;
    } else {
        g.msg_controllen = 0;
    }
    g.msg_flags = (int32_t)fbsd_bits_to_guest(&fbsd_msg_flags_map, (uint32_t)h.msg_flags, NULL);
    if (ctrunc)
        g.msg_flags |= FBSD_MSG_CTRUNC;
    if (guest_write(t, sc->args[1] + offsetof(struct fbsd_msghdr, msg_namelen),
                    &g.msg_namelen, sizeof g.msg_namelen) < 0 ||
        guest_write(t, sc->args[1] + offsetof(struct fbsd_msghdr, msg_controllen),
                    &g.msg_controllen, 2 * sizeof(uint32_t)) < 0)
        goto fault;
    return;
fault:
    sc->ret = -EFAULT;
}
