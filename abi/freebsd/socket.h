/* FreeBSD sockets (sys/socket.h, sys/un.h, netinet/in.h, FreeBSD 13.2): domains,
 * types, SOL_SOCKET options, MSG_* flags, sockaddrs with their sa_len byte, and
 * their translation to and from Linux's. */
#ifndef LSL2_ABI_FREEBSD_SOCKET_H
#define LSL2_ABI_FREEBSD_SOCKET_H

#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

#define FBSD_AF_UNSPEC   0
#define FBSD_AF_UNIX     1
#define FBSD_AF_LOCAL    FBSD_AF_UNIX
#define FBSD_AF_INET     2
#define FBSD_AF_ROUTE    17
#define FBSD_AF_INET6    28

#define FBSD_SOCK_STREAM    1
#define FBSD_SOCK_DGRAM     2
#define FBSD_SOCK_RAW       3
#define FBSD_SOCK_RDM       4
#define FBSD_SOCK_SEQPACKET 5
#define FBSD_SOCK_CLOEXEC   0x10000000
#define FBSD_SOCK_NONBLOCK  0x20000000

#define FBSD_SOL_SOCKET     0xffff
#define FBSD_SO_DEBUG       0x0001
#define FBSD_SO_ACCEPTCONN  0x0002
#define FBSD_SO_REUSEADDR   0x0004
#define FBSD_SO_KEEPALIVE   0x0008
#define FBSD_SO_DONTROUTE   0x0010
#define FBSD_SO_BROADCAST   0x0020
#define FBSD_SO_USELOOPBACK 0x0040
#define FBSD_SO_LINGER      0x0080
#define FBSD_SO_OOBINLINE   0x0100
#define FBSD_SO_REUSEPORT   0x0200
#define FBSD_SO_TIMESTAMP   0x0400
#define FBSD_SO_NOSIGPIPE   0x0800
#define FBSD_SO_ACCEPTFILTER 0x1000
#define FBSD_SO_BINTIME     0x2000
#define FBSD_SO_REUSEPORT_LB 0x10000
#define FBSD_SO_SNDBUF      0x1001
#define FBSD_SO_RCVBUF      0x1002
#define FBSD_SO_SNDLOWAT    0x1003
#define FBSD_SO_RCVLOWAT    0x1004
#define FBSD_SO_SNDTIMEO    0x1005
#define FBSD_SO_RCVTIMEO    0x1006
#define FBSD_SO_ERROR       0x1007
#define FBSD_SO_TYPE        0x1008
#define FBSD_SO_LISTENQLIMIT 0x1011
#define FBSD_SO_LISTENQLEN  0x1012
#define FBSD_SO_SETFIB      0x1014
#define FBSD_SO_PROTOCOL    0x1016
#define FBSD_SO_DOMAIN      0x1019

#define FBSD_IPPROTO_IP     0
#define FBSD_IPPROTO_TCP    6
#define FBSD_IPPROTO_UDP    17
#define FBSD_IPPROTO_IPV6   41
#define FBSD_TCP_NODELAY    1
#define FBSD_IPV6_V6ONLY    27

#define FBSD_MSG_OOB          0x00000001
#define FBSD_MSG_PEEK         0x00000002
#define FBSD_MSG_DONTROUTE    0x00000004
#define FBSD_MSG_EOR          0x00000008
#define FBSD_MSG_TRUNC        0x00000010
#define FBSD_MSG_CTRUNC       0x00000020
#define FBSD_MSG_WAITALL      0x00000040
#define FBSD_MSG_DONTWAIT     0x00000080
#define FBSD_MSG_EOF          0x00000100
#define FBSD_MSG_NOTIFICATION 0x00002000
#define FBSD_MSG_NBIO         0x00004000
#define FBSD_MSG_COMPAT       0x00008000
#define FBSD_MSG_NOSIGNAL     0x00020000
#define FBSD_MSG_CMSG_CLOEXEC 0x00040000
#define FBSD_MSG_WAITFORONE   0x00080000

#define FBSD_SCM_RIGHTS     0x01
#define FBSD_SCM_TIMESTAMP  0x02
#define FBSD_SCM_CREDS      0x03
#define FBSD_SCM_BINTIME    0x04

#define FBSD_SHUT_RD        0
#define FBSD_SHUT_WR        1
#define FBSD_SHUT_RDWR      2

#define FBSD_SUN_PATH_LEN   104

struct fbsd_sockaddr {
    uint8_t sa_len;
    uint8_t sa_family;
    char    sa_data[14];
};

struct fbsd_sockaddr_in {
    uint8_t  sin_len;
    uint8_t  sin_family;
    uint16_t sin_port;
    uint32_t sin_addr;
    char     sin_zero[8];
};
_Static_assert(sizeof(struct fbsd_sockaddr_in) == 16, "fbsd_sockaddr_in size");

struct fbsd_sockaddr_in6 {
    uint8_t  sin6_len;
    uint8_t  sin6_family;
    uint16_t sin6_port;
    uint32_t sin6_flowinfo;
    uint8_t  sin6_addr[16];
    uint32_t sin6_scope_id;
};
_Static_assert(sizeof(struct fbsd_sockaddr_in6) == 28, "fbsd_sockaddr_in6 size");

struct fbsd_sockaddr_un {
    uint8_t sun_len;
    uint8_t sun_family;
    char    sun_path[FBSD_SUN_PATH_LEN];
};
_Static_assert(sizeof(struct fbsd_sockaddr_un) == 106, "fbsd_sockaddr_un size");

/* struct linger / struct cmsghdr (same shapes as Linux's except cmsg_len,
 * which is a 32-bit socklen_t on FreeBSD and a size_t on Linux). */
struct fbsd_linger {
    int32_t l_onoff;
    int32_t l_linger;
};
struct fbsd_cmsghdr {
    uint32_t cmsg_len;
    int32_t  cmsg_level;
    int32_t  cmsg_type;
};

/* Domains (AF_ROUTE: Linux's routing sockets are netlink, not translated). */
int fbsd_domain_to_linux(int domain);      /* -1: unsupported */
int fbsd_domain_from_linux(int domain);    /* -1: unknown */
/* socket type with its SOCK_CLOEXEC/SOCK_NONBLOCK bits; -1 for an unknown type
 * or unknown flag bits. */
int fbsd_socktype_to_linux(int type);
int fbsd_socktype_from_linux(int type);

/* SOL_SOCKET option numbers: SO_NOSIGPIPE (the handler remembers it and adds
 * MSG_NOSIGNAL to sends), SO_USELOOPBACK, SO_ACCEPTFILTER, SO_BINTIME,
 * SO_LISTENQLIMIT/QLEN, SO_SETFIB have no Linux option: -1.  The level itself
 * is FBSD_SOL_SOCKET (0xffff) vs Linux's 1; IPPROTO_* levels are the same. */
int fbsd_sockopt_to_linux(int optname);
int fbsd_sockopt_level_to_linux(int level);
/* Options at IPPROTO_IPV6 differ too (IPV6_V6ONLY 27 vs 26). */
int fbsd_ipv6opt_to_linux(int optname);

/* MSG_* flags: MSG_NOSIGNAL, MSG_CMSG_CLOEXEC, MSG_WAITFORONE move; MSG_EOF
 * (send with shutdown), MSG_NBIO, MSG_COMPAT, MSG_NOTIFICATION are unknown bits. */
extern const struct fbsd_map fbsd_msg_flags_map;

/* sockaddr: guest (sa_len, sa_family byte) to Linux (16-bit family).  Returns the
 * Linux length written to out (out must hold sizeof(struct sockaddr_storage)),
 * or -EAFNOSUPPORT / -EINVAL.  AF_UNIX paths are copied up to the first NUL or
 * the given length. */
int fbsd_sockaddr_to_linux(void *out, const void *in, size_t inlen);
/* Linux to guest: writes at most outcap bytes; returns the full FreeBSD length
 * (which may exceed outcap: the caller reports it, as FreeBSD does), or
 * -EAFNOSUPPORT.  An AF_UNIX path longer than FreeBSD's 104 bytes is cut. */
int fbsd_sockaddr_from_linux(void *out, size_t outcap, const void *in, size_t inlen);

extern const struct xlat fbsd_xlat_socket_domains[];
extern const struct xlat fbsd_xlat_socket_types[];
extern const struct xlat fbsd_xlat_socket_type_flags[];
extern const struct xlat fbsd_xlat_sockopt_levels[];
extern const struct xlat fbsd_xlat_sockopts[];
extern const struct xlat fbsd_xlat_msg_flags[];
extern const struct xlat fbsd_xlat_scm_types[];
extern const struct xlat fbsd_xlat_shutdown_how[];

#endif
