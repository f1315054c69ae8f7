/* socket constant and sockaddr translation (see socket.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include "abi/freebsd/socket.h"

static const struct fbsd_pair domain_pairs[] = {
    { FBSD_AF_UNSPEC, AF_UNSPEC }, { FBSD_AF_UNIX, AF_UNIX },
    { FBSD_AF_INET, AF_INET },     { FBSD_AF_INET6, AF_INET6 },
};
static const struct fbsd_map domain_map = FBSD_MAP(domain_pairs);

static const struct fbsd_pair type_pairs[] = {
    { FBSD_SOCK_STREAM, SOCK_STREAM }, { FBSD_SOCK_DGRAM, SOCK_DGRAM },
    { FBSD_SOCK_RAW, SOCK_RAW },       { FBSD_SOCK_RDM, SOCK_RDM },
    { FBSD_SOCK_SEQPACKET, SOCK_SEQPACKET },
};
static const struct fbsd_map type_map = FBSD_MAP(type_pairs);

static const struct fbsd_pair type_flag_pairs[] = {
    { FBSD_SOCK_CLOEXEC, SOCK_CLOEXEC }, { FBSD_SOCK_NONBLOCK, SOCK_NONBLOCK },
};
static const struct fbsd_map type_flag_map = FBSD_MAP(type_flag_pairs);

static const struct fbsd_pair sockopt_pairs[] = {
    { FBSD_SO_DEBUG, SO_DEBUG },         { FBSD_SO_ACCEPTCONN, SO_ACCEPTCONN },
    { FBSD_SO_REUSEADDR, SO_REUSEADDR }, { FBSD_SO_KEEPALIVE, SO_KEEPALIVE },
    { FBSD_SO_DONTROUTE, SO_DONTROUTE }, { FBSD_SO_BROADCAST, SO_BROADCAST },
    { FBSD_SO_LINGER, SO_LINGER },       { FBSD_SO_OOBINLINE, SO_OOBINLINE },
    { FBSD_SO_REUSEPORT, SO_REUSEPORT }, { FBSD_SO_REUSEPORT_LB, SO_REUSEPORT },
    { FBSD_SO_TIMESTAMP, SO_TIMESTAMP }, { FBSD_SO_SNDBUF, SO_SNDBUF },
    { FBSD_SO_RCVBUF, SO_RCVBUF },       { FBSD_SO_SNDLOWAT, SO_SNDLOWAT },
    { FBSD_SO_RCVLOWAT, SO_RCVLOWAT },   { FBSD_SO_SNDTIMEO, SO_SNDTIMEO },
    { FBSD_SO_RCVTIMEO, SO_RCVTIMEO },   { FBSD_SO_ERROR, SO_ERROR },
    { FBSD_SO_TYPE, SO_TYPE },           { FBSD_SO_PROTOCOL, SO_PROTOCOL },
    { FBSD_SO_DOMAIN, SO_DOMAIN },
};
static const struct fbsd_map sockopt_map = FBSD_MAP(sockopt_pairs);

static const struct fbsd_pair msg_pairs[] = {
    { FBSD_MSG_OOB, MSG_OOB },             { FBSD_MSG_PEEK, MSG_PEEK },
    { FBSD_MSG_DONTROUTE, MSG_DONTROUTE }, { FBSD_MSG_EOR, MSG_EOR },
    { FBSD_MSG_TRUNC, MSG_TRUNC },         { FBSD_MSG_CTRUNC, MSG_CTRUNC },
    { FBSD_MSG_WAITALL, MSG_WAITALL },     { FBSD_MSG_DONTWAIT, MSG_DONTWAIT },
    { FBSD_MSG_NOSIGNAL, MSG_NOSIGNAL },   { FBSD_MSG_CMSG_CLOEXEC, MSG_CMSG_CLOEXEC },
    { FBSD_MSG_WAITFORONE, MSG_WAITFORONE },
};
const struct fbsd_map fbsd_msg_flags_map = FBSD_MAP(msg_pairs);

int fbsd_domain_to_linux(int d)   { return fbsd_int_to_host(&domain_map, d); }
int fbsd_domain_from_linux(int d) { return fbsd_int_to_guest(&domain_map, d); }
int fbsd_sockopt_to_linux(int o)  { return fbsd_int_to_host(&sockopt_map, o); }

int fbsd_sockopt_level_to_linux(int level)
{
    return level == FBSD_SOL_SOCKET ? SOL_SOCKET : level;
}

int fbsd_ipv6opt_to_linux(int o)
{
    /* Only IPV6_V6ONLY is renumbered among the options programs commonly set. */
    return o == FBSD_IPV6_V6ONLY ? IPV6_V6ONLY : -1;
}

static int socktype_convert(int type, int to_host)
{
    const int fmask = to_host ? (FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK) : (SOCK_CLOEXEC | SOCK_NONBLOCK);
    uint64_t unk;
    int base = to_host ? fbsd_int_to_host(&type_map, type & ~fmask)
                       : fbsd_int_to_guest(&type_map, type & ~fmask);
    if (base < 0)
        return -1;
    uint64_t fl = to_host ? fbsd_bits_to_host(&type_flag_map, (uint32_t)(type & fmask), &unk)
                          : fbsd_bits_to_guest(&type_flag_map, (uint32_t)(type & fmask), &unk);
    return base | (int)fl;
}

int fbsd_socktype_to_linux(int t)   { return socktype_convert(t, 1); }
int fbsd_socktype_from_linux(int t) { return socktype_convert(t, 0); }

int fbsd_sockaddr_to_linux(void *out, const void *in, size_t inlen)
{
    const uint8_t *g = in;
    if (inlen < 2)
        return -EINVAL;
    switch (g[1]) {
    case FBSD_AF_INET: {
        struct sockaddr_in s;
        if (inlen < sizeof(struct fbsd_sockaddr_in))
            return -EINVAL;
        memset(&s, 0, sizeof(s));
        s.sin_family = AF_INET;
        memcpy(&s.sin_port, g + 2, 2);
        memcpy(&s.sin_addr, g + 4, 4);
        memcpy(out, &s, sizeof(s));
        return sizeof(s);
    }
    case FBSD_AF_INET6: {
        struct sockaddr_in6 s;
        if (inlen < sizeof(struct fbsd_sockaddr_in6))
            return -EINVAL;
        memset(&s, 0, sizeof(s));
        s.sin6_family = AF_INET6;
        memcpy(&s.sin6_port, g + 2, 26);     /* port, flowinfo, addr, scope: same order */
        memcpy(out, &s, sizeof(s));
        return sizeof(s);
    }
    case FBSD_AF_UNIX: {
        struct sockaddr_un s;
        size_t n = inlen - 2;
        if (n > FBSD_SUN_PATH_LEN)
            n = FBSD_SUN_PATH_LEN;
        memset(&s, 0, sizeof(s));
        s.sun_family = AF_UNIX;
        /* FreeBSD has no abstract sockets: the path ends at its first NUL. */
        n = strnlen((const char *)g + 2, n);
        memcpy(s.sun_path, g + 2, n);
        memcpy(out, &s, sizeof(s));
        return (int)(offsetof(struct sockaddr_un, sun_path) + n + 1);
    }
    case FBSD_AF_UNSPEC: {
        struct sockaddr s;
        memset(&s, 0, sizeof(s));
        s.sa_family = AF_UNSPEC;
        memcpy(out, &s, sizeof(s));
        return sizeof(s);
    }
    default:
        return -EAFNOSUPPORT;
    }
}

int fbsd_sockaddr_from_linux(void *out, size_t outcap, const void *in, size_t inlen)
{
    uint8_t buf[sizeof(struct fbsd_sockaddr_un)];
    sa_family_t fam;
    size_t len;
    if (inlen < sizeof(fam))
        return -EINVAL;
    memcpy(&fam, in, sizeof(fam));
    memset(buf, 0, sizeof(buf));
    switch (fam) {
    case AF_INET:
        if (inlen < sizeof(struct sockaddr_in))
            return -EINVAL;
        len = sizeof(struct fbsd_sockaddr_in);
        buf[1] = FBSD_AF_INET;
        memcpy(buf + 2, (const uint8_t *)in + 2, 6);
        break;
    case AF_INET6:
        if (inlen < sizeof(struct sockaddr_in6))
            return -EINVAL;
        len = sizeof(struct fbsd_sockaddr_in6);
        buf[1] = FBSD_AF_INET6;
        memcpy(buf + 2, (const uint8_t *)in + 2, 26);
        break;
    case AF_UNIX: {
        size_t n = inlen - offsetof(struct sockaddr_un, sun_path);
        const char *p = (const char *)in + offsetof(struct sockaddr_un, sun_path);
        if (n > sizeof(((struct sockaddr_un *)0)->sun_path))
            n = sizeof(((struct sockaddr_un *)0)->sun_path);
        n = strnlen(p, n);
        if (n > FBSD_SUN_PATH_LEN - 1)
            n = FBSD_SUN_PATH_LEN - 1;
        buf[1] = FBSD_AF_UNIX;
        memcpy(buf + 2, p, n);
        /* FreeBSD reports an unnamed socket with sun_len 16 (sizeof(struct sockaddr)). */
        len = n ? 2 + n + 1 : 16;
        break;
    }
    case AF_UNSPEC:
        len = 16;
        break;
    default:
        return -EAFNOSUPPORT;
    }
    buf[0] = (uint8_t)len;
    memcpy(out, buf, len < outcap ? len : outcap);
    return (int)len;
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_socket_domains[] = {
    X(AF_UNSPEC), X(AF_UNIX), X(AF_INET), X(AF_ROUTE), X(AF_INET6),
    { 0, NULL }
};

const struct xlat fbsd_xlat_socket_types[] = {
    X(SOCK_STREAM), X(SOCK_DGRAM), X(SOCK_RAW), X(SOCK_RDM), X(SOCK_SEQPACKET),
    { 0, NULL }
};

const struct xlat fbsd_xlat_socket_type_flags[] = {
    X(SOCK_CLOEXEC), X(SOCK_NONBLOCK),
    { 0, NULL }
};

const struct xlat fbsd_xlat_sockopt_levels[] = {
    X(SOL_SOCKET), X(IPPROTO_IP), X(IPPROTO_TCP), X(IPPROTO_UDP), X(IPPROTO_IPV6),
    { 0, NULL }
};

const struct xlat fbsd_xlat_sockopts[] = {
    X(SO_DEBUG), X(SO_ACCEPTCONN), X(SO_REUSEADDR), X(SO_KEEPALIVE), X(SO_DONTROUTE),
    X(SO_BROADCAST), X(SO_USELOOPBACK), X(SO_LINGER), X(SO_OOBINLINE), X(SO_REUSEPORT),
    X(SO_TIMESTAMP), X(SO_NOSIGPIPE), X(SO_ACCEPTFILTER), X(SO_BINTIME), X(SO_REUSEPORT_LB),
    X(SO_SNDBUF), X(SO_RCVBUF), X(SO_SNDLOWAT), X(SO_RCVLOWAT), X(SO_SNDTIMEO),
    X(SO_RCVTIMEO), X(SO_ERROR), X(SO_TYPE), X(SO_LISTENQLIMIT), X(SO_LISTENQLEN),
    X(SO_SETFIB), X(SO_PROTOCOL), X(SO_DOMAIN),
    { 0, NULL }
};

const struct xlat fbsd_xlat_msg_flags[] = {
    X(MSG_OOB), X(MSG_PEEK), X(MSG_DONTROUTE), X(MSG_EOR), X(MSG_TRUNC), X(MSG_CTRUNC),
    X(MSG_WAITALL), X(MSG_DONTWAIT), X(MSG_EOF), X(MSG_NOTIFICATION), X(MSG_NBIO),
    X(MSG_COMPAT), X(MSG_NOSIGNAL), X(MSG_CMSG_CLOEXEC), X(MSG_WAITFORONE),
    { 0, NULL }
};

const struct xlat fbsd_xlat_scm_types[] = {
    X(SCM_RIGHTS), X(SCM_TIMESTAMP), X(SCM_CREDS), X(SCM_BINTIME),
    { 0, NULL }
};

const struct xlat fbsd_xlat_shutdown_how[] = {
    X(SHUT_RD), X(SHUT_WR), X(SHUT_RDWR),
    { 0, NULL }
};
