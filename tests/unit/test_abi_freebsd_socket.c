/* Unit tests: FreeBSD socket constants and sockaddr conversion (abi/freebsd/socket). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "abi/freebsd/socket.h"

static void constants(void **state)
{
    (void)state;
    assert_int_equal(fbsd_domain_to_linux(FBSD_AF_INET6), AF_INET6);
    assert_int_equal(fbsd_domain_to_linux(FBSD_AF_ROUTE), -1);
    assert_int_equal(fbsd_domain_from_linux(AF_INET6), FBSD_AF_INET6);
    assert_int_equal(fbsd_socktype_to_linux(FBSD_SOCK_STREAM | FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK),
                     SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK);
    assert_int_equal(fbsd_socktype_to_linux(9), -1);
    assert_int_equal(fbsd_socktype_from_linux(SOCK_DGRAM | SOCK_CLOEXEC), FBSD_SOCK_DGRAM | FBSD_SOCK_CLOEXEC);
    assert_int_equal(fbsd_sockopt_level_to_linux(FBSD_SOL_SOCKET), SOL_SOCKET);
    assert_int_equal(fbsd_sockopt_level_to_linux(FBSD_IPPROTO_TCP), IPPROTO_TCP);
    assert_int_equal(fbsd_sockopt_to_linux(FBSD_SO_REUSEADDR), SO_REUSEADDR);
    assert_int_equal(fbsd_sockopt_to_linux(FBSD_SO_RCVBUF), SO_RCVBUF);
    assert_int_equal(fbsd_sockopt_to_linux(FBSD_SO_ERROR), SO_ERROR);
    assert_int_equal(fbsd_sockopt_to_linux(FBSD_SO_NOSIGPIPE), -1);
    assert_int_equal(fbsd_ipv6opt_to_linux(FBSD_IPV6_V6ONLY), IPV6_V6ONLY);
    uint64_t unk;
    assert_int_equal(fbsd_bits_to_host(&fbsd_msg_flags_map, FBSD_MSG_NOSIGNAL | FBSD_MSG_DONTWAIT | FBSD_MSG_EOF, &unk),
                     MSG_NOSIGNAL | MSG_DONTWAIT);
    assert_int_equal(unk, FBSD_MSG_EOF);
    assert_int_equal(fbsd_bits_to_guest(&fbsd_msg_flags_map, MSG_TRUNC | MSG_CTRUNC, &unk),
                     FBSD_MSG_TRUNC | FBSD_MSG_CTRUNC);
}

static void sockaddrs(void **state)
{
    (void)state;
    struct sockaddr_storage ss;
    uint8_t g[128];

    struct fbsd_sockaddr_in in4 = { 16, FBSD_AF_INET, htons(7777), htonl(0x7f000001), { 0 } };
    assert_int_equal(fbsd_sockaddr_to_linux(&ss, &in4, sizeof(in4)), sizeof(struct sockaddr_in));
    struct sockaddr_in *l4 = (struct sockaddr_in *)&ss;
    assert_int_equal(l4->sin_family, AF_INET);
    assert_int_equal(ntohs(l4->sin_port), 7777);
    assert_int_equal(ntohl(l4->sin_addr.s_addr), 0x7f000001);
    assert_int_equal(fbsd_sockaddr_from_linux(g, sizeof(g), l4, sizeof(*l4)), 16);
    assert_memory_equal(g, &in4, 16);
    assert_int_equal(fbsd_sockaddr_to_linux(&ss, &in4, 8), -EINVAL);

    struct fbsd_sockaddr_in6 in6 = { 28, FBSD_AF_INET6, htons(80), 0, { 0 }, 3 };
    in6.sin6_addr[15] = 1;
    assert_int_equal(fbsd_sockaddr_to_linux(&ss, &in6, sizeof(in6)), sizeof(struct sockaddr_in6));
    struct sockaddr_in6 *l6 = (struct sockaddr_in6 *)&ss;
    assert_int_equal(l6->sin6_family, AF_INET6);
    assert_true(IN6_IS_ADDR_LOOPBACK(&l6->sin6_addr));
    assert_int_equal(l6->sin6_scope_id, 3);
    assert_int_equal(fbsd_sockaddr_from_linux(g, sizeof(g), l6, sizeof(*l6)), 28);
    assert_memory_equal(g, &in6, 28);

    struct fbsd_sockaddr_un un;
    memset(&un, 0, sizeof(un));
    un.sun_family = FBSD_AF_UNIX;
    strcpy(un.sun_path, "/tmp/sock");
    un.sun_len = (uint8_t)(2 + strlen(un.sun_path) + 1);
    int n = fbsd_sockaddr_to_linux(&ss, &un, un.sun_len);
    assert_int_equal(n, offsetof(struct sockaddr_un, sun_path) + 10);
    assert_string_equal(((struct sockaddr_un *)&ss)->sun_path, "/tmp/sock");
    assert_int_equal(fbsd_sockaddr_from_linux(g, sizeof(g), &ss, (size_t)n), un.sun_len);
    assert_int_equal(g[1], FBSD_AF_UNIX);
    assert_string_equal((char *)g + 2, "/tmp/sock");
    /* A Linux path longer than FreeBSD's 104 bytes is cut and terminated. */
    struct sockaddr_un lun;
    memset(&lun, 0, sizeof(lun));
    lun.sun_family = AF_UNIX;
    memset(lun.sun_path, 'p', 107);
    assert_int_equal(fbsd_sockaddr_from_linux(g, sizeof(g), &lun, sizeof(lun)), 2 + 103 + 1);
    assert_int_equal(strlen((char *)g + 2), 103);
    /* Truncated output keeps the full length as the result. */
    struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons(1) };
    memset(g, 0xcc, sizeof(g));
    assert_int_equal(fbsd_sockaddr_from_linux(g, 4, &sin, sizeof(sin)), 16);
    assert_int_equal(g[4], 0xcc);
    uint8_t bad[4] = { 4, 99, 0, 0 };
    assert_int_equal(fbsd_sockaddr_to_linux(&ss, bad, sizeof(bad)), -EAFNOSUPPORT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(constants),
        cmocka_unit_test(sockaddrs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
