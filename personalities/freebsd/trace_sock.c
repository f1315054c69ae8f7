/* --trace display of FreeBSD socket arguments: sockaddrs (with their sa_len
 * byte), setsockopt/getsockopt levels and option names, and the pollfd arrays
 * and fd_sets of poll and select.  Option numbers not in abi/freebsd/socket.h
 * are FreeBSD 13.2's (netinet/in.h, netinet/tcp.h, netinet6/in6.h, sys/un.h). */
#include <arpa/inet.h>
#include <string.h>
#include "personalities/freebsd/trace_decode.h"
#include "abi/freebsd/socket.h"

#define N(name, val) { val, #name }

static const struct xlat ip_opts[] = {
    N(IP_OPTIONS, 1), N(IP_HDRINCL, 2), N(IP_TOS, 3), N(IP_TTL, 4), N(IP_RECVOPTS, 5),
    N(IP_RECVRETOPTS, 6), N(IP_RECVDSTADDR, 7), N(IP_RETOPTS, 8), N(IP_MULTICAST_IF, 9),
    N(IP_MULTICAST_TTL, 10), N(IP_MULTICAST_LOOP, 11), N(IP_ADD_MEMBERSHIP, 12),
    N(IP_DROP_MEMBERSHIP, 13), N(IP_PORTRANGE, 19), N(IP_RECVIF, 20), N(IP_ONESBCAST, 23),
    N(IP_BINDANY, 24), N(IP_BINDMULTI, 25), N(IP_ORIGDSTADDR, 27), N(IP_RECVTTL, 65),
    N(IP_MINTTL, 66), N(IP_DONTFRAG, 67), N(IP_RECVTOS, 68),
    { 0, NULL }
};

static const struct xlat tcp_opts[] = {
    N(TCP_NODELAY, 1), N(TCP_MAXSEG, 2), N(TCP_NOPUSH, 4), N(TCP_NOOPT, 8), N(TCP_MD5SIG, 16),
    N(TCP_INFO, 32), N(TCP_CONGESTION, 64), N(TCP_KEEPINIT, 128), N(TCP_KEEPIDLE, 256),
    N(TCP_KEEPINTVL, 512), N(TCP_KEEPCNT, 1024), N(TCP_FASTOPEN, 1025),
    { 0, NULL }
};

static const struct xlat ipv6_opts[] = {
    N(IPV6_UNICAST_HOPS, 4), N(IPV6_MULTICAST_IF, 9), N(IPV6_MULTICAST_HOPS, 10),
    N(IPV6_MULTICAST_LOOP, 11), N(IPV6_JOIN_GROUP, 12), N(IPV6_LEAVE_GROUP, 13),
    N(IPV6_PORTRANGE, 14), N(IPV6_CHECKSUM, 26), N(IPV6_V6ONLY, 27), N(IPV6_RECVPKTINFO, 36),
    N(IPV6_RECVHOPLIMIT, 37), N(IPV6_USE_MIN_MTU, 42), N(IPV6_PKTINFO, 46),
    N(IPV6_HOPLIMIT, 47), N(IPV6_RECVTCLASS, 57), N(IPV6_TCLASS, 61), N(IPV6_DONTFRAG, 62),
    N(IPV6_BINDANY, 64),
    { 0, NULL }
};

static const struct xlat udp_opts[] = { N(UDP_ENCAP, 1), { 0, NULL } };

static const struct xlat local_opts[] = {
    N(LOCAL_PEERCRED, 1), N(LOCAL_CREDS, 2), N(LOCAL_CREDS_PERSISTENT, 3), N(LOCAL_CONNWAIT, 4),
    { 0, NULL }
};

/* Option names by level: data, so a new level is one line. */
static const struct {
    int level;
    const struct xlat *opts;
} levels[] = {
    { FBSD_SOL_SOCKET, fbsd_xlat_sockopts },
    { FBSD_IPPROTO_IP, ip_opts },
    { FBSD_IPPROTO_TCP, tcp_opts },
    { FBSD_IPPROTO_UDP, udp_opts },
    { FBSD_IPPROTO_IPV6, ipv6_opts },
};

const char *fbsd_sockopt_level_name(int level, bool local)
{
    if (level == 0 && local)
        return "SOL_LOCAL";     /* sys/un.h: 0, as IPPROTO_IP */
    return xlat_name(fbsd_xlat_sockopt_levels, (uint64_t)(uint32_t)level);
}

const char *fbsd_sockopt_name(int level, int optname, bool local)
{
    if (level == 0 && local)
        return xlat_name(local_opts, (uint64_t)(uint32_t)optname);
    for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
        if (levels[i].level == level)
            return xlat_name(levels[i].opts, (uint64_t)(uint32_t)optname);
    return NULL;
}

static void put_family(struct fbuf *b, unsigned family)
{
    const char *f = xlat_name(fbsd_xlat_socket_domains, family);
    if (f)
        fb_puts(b, f);
    else
        fb_printf(b, "%u", family);
}

void fbsd_fmt_sockaddr(struct fbuf *b, const void *sa, size_t len)
{
    const uint8_t *p = sa;
    if (len < 2) {
        fb_puts(b, "{}");
        return;
    }
    fb_printf(b, "{sa_len=%u, sa_family=", p[0]);
    put_family(b, p[1]);
    if (p[1] == FBSD_AF_INET && len >= sizeof(struct fbsd_sockaddr_in)) {
        struct fbsd_sockaddr_in in;
        memcpy(&in, sa, sizeof in);
        char a[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &in.sin_addr, a, sizeof a);
        fb_printf(b, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}", ntohs(in.sin_port), a);
    } else if (p[1] == FBSD_AF_INET6 && len >= sizeof(struct fbsd_sockaddr_in6)) {
        struct fbsd_sockaddr_in6 in6;
        memcpy(&in6, sa, sizeof in6);
        char a[INET6_ADDRSTRLEN];
        inet_ntop(AF_INET6, in6.sin6_addr, a, sizeof a);
        fb_printf(b, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
                  "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u}",
                  ntohs(in6.sin6_port), ntohl(in6.sin6_flowinfo), a, in6.sin6_scope_id);
    } else if (p[1] == FBSD_AF_UNIX) {
        /* the path ends at its NUL or at the end of the given length */
        const char *path = (const char *)p + 2;
        size_t n = len - 2;
        if (n > FBSD_SUN_PATH_LEN)
            n = FBSD_SUN_PATH_LEN;
        n = strnlen(path, n);
        fb_puts(b, ", sun_path=");
        fmt_quote(b, path, n, FBSD_SUN_PATH_LEN, false);
        fb_putn(b, "}", 1);
    } else {
        size_t n = len - 2 > 14 ? 14 : len - 2;
        fb_puts(b, ", sa_data=");
        fmt_quote(b, p + 2, n, 14, len - 2 > n);
        fb_putn(b, "}", 1);
    }
}

void fbsd_fmt_pollfds(struct fbuf *b, const struct fbsd_pollfd *p, size_t n, size_t total,
                      bool revents)
{
    fb_putn(b, "[", 1);
    for (size_t i = 0; i < n; i++) {
        fb_printf(b, "%s{fd=%d, events=", i ? ", " : "", p[i].fd);
        fmt_xlat(b, &fbsd_xset_poll_events, (uint16_t)p[i].events);
        if (revents && p[i].revents) {
            fb_puts(b, ", revents=");
            fmt_xlat(b, &fbsd_xset_poll_events, (uint16_t)p[i].revents);
        }
        fb_putn(b, "}", 1);
    }
    if (total > n)
        fb_puts(b, n ? ", ..." : "...");
    fb_putn(b, "]", 1);
}

void fbsd_fmt_fdset(struct fbuf *b, const uint64_t *words, int nfds)
{
    fb_putn(b, "[", 1);
    bool sep = false;
    for (int fd = 0; fd < nfds; fd++)
        if (words[fd / 64] & (1ull << (fd % 64))) {
            fb_printf(b, sep ? " %d" : "%d", fd);
            sep = true;
        }
    fb_putn(b, "]", 1);
}
