/* EVFILT_READ on a listening socket reports in data the number of connections
 * waiting to be accepted (FreeBSD's sol_qlen).  Linux keeps that count as the
 * socket's accept backlog and shows it through sock_diag netlink: for a local
 * socket, UNIX_DIAG_RQLEN's rqueue asked by inode; for TCP, inet_diag's
 * idiag_rqueue of the listening socket with that inode (a dump restricted to
 * listening sockets of the family).  The query runs in the supervisor, which
 * shares the guest's network namespace (cli/enter.c unshares before forking). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include "personalities/freebsd/kqueue.h"

#define TCP_LISTEN_STATE 10     /* include/net/tcp_states.h */

static int nl_send(int nl, const void *req, size_t len)
{
    struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
    return sendto(nl, req, len, 0, (struct sockaddr *)&sa, sizeof sa) == (ssize_t)len ? 0 : -1;
}

/* Reads replies until the answer for ino is found or the dump ends. */
static int64_t nl_collect(int nl, int family, uint64_t ino)
{
    static __thread char buf[16384] __attribute__((aligned(8)));
    for (;;) {
        ssize_t n = recv(nl, buf, sizeof buf, 0);
        if (n <= 0)
            return -1;
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
             h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
                return -1;
            if (family == AF_UNIX) {
                struct unix_diag_msg *m = NLMSG_DATA(h);
                if (m->udiag_ino != ino)
                    continue;
                int alen = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *m));
                for (struct rtattr *a = (struct rtattr *)(m + 1); RTA_OK(a, alen); a = RTA_NEXT(a, alen))
                    if (a->rta_type == UNIX_DIAG_RQLEN && RTA_PAYLOAD(a) >= sizeof(struct unix_diag_rqlen))
                        return ((struct unix_diag_rqlen *)RTA_DATA(a))->udiag_rqueue;
                return -1;
            }
            struct inet_diag_msg *m = NLMSG_DATA(h);
            if (m->idiag_inode == ino)
                return m->idiag_rqueue;
        }
    }
}

int64_t fbsd_sock_backlog(int sock)
{
    struct stat st;
    int family = 0;
    socklen_t l = sizeof family;
    if (fstat(sock, &st) < 0 || getsockopt(sock, SOL_SOCKET, SO_DOMAIN, &family, &l) < 0)
        return -1;
    int nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (nl < 0)
        return -1;
    struct timeval tv = { 1, 0 };       /* the kernel answers at once; never hang the supervisor */
    setsockopt(nl, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    int64_t r = -1;
    if (family == AF_UNIX) {
        struct { struct nlmsghdr h; struct unix_diag_req r; } q;
        memset(&q, 0, sizeof q);
        q.h.nlmsg_len = sizeof q;
        q.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
        q.h.nlmsg_flags = NLM_F_REQUEST;
        q.r.sdiag_family = AF_UNIX;
        q.r.udiag_states = 1u << TCP_LISTEN_STATE;
        q.r.udiag_ino = (uint32_t)st.st_ino;
        q.r.udiag_show = UDIAG_SHOW_RQLEN;
        q.r.udiag_cookie[0] = q.r.udiag_cookie[1] = INET_DIAG_NOCOOKIE;
        if (nl_send(nl, &q, sizeof q) == 0)
            r = nl_collect(nl, AF_UNIX, st.st_ino);
    } else if (family == AF_INET || family == AF_INET6) {
        struct { struct nlmsghdr h; struct inet_diag_req_v2 r; } q;
        memset(&q, 0, sizeof q);
        q.h.nlmsg_len = sizeof q;
        q.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
        q.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
        q.r.sdiag_family = (uint8_t)family;
        q.r.sdiag_protocol = IPPROTO_TCP;
        q.r.idiag_states = 1u << TCP_LISTEN_STATE;
        if (nl_send(nl, &q, sizeof q) == 0)
            r = nl_collect(nl, family, st.st_ino);
    }
    close(nl);
    return r;
}
