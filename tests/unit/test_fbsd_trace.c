/* Unit tests for the FreeBSD --trace formatters (personalities/freebsd/trace_*.c,
 * xlat.c): kevent lists, sockaddrs, option names, pollfds, fd_sets, sigsets and
 * sigaction, socket flag words, and the personality's wiring of the kinds. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/trace_decode.h"
#include "abi/freebsd/socket.h"

static char out[1024];
static struct fbuf b;

static struct fbuf *fresh(void)
{
    fb_init(&b, out, sizeof out);
    return &b;
}

static void test_kevent(void **state)
{
    (void)state;
    struct fbsd_kevent k[6];
    memset(k, 0, sizeof k);
    k[0].ident = 3; k[0].filter = FBSD_EVFILT_READ; k[0].flags = FBSD_EV_ADD | FBSD_EV_CLEAR;
    k[1].ident = 2; k[1].filter = FBSD_EVFILT_SIGNAL; k[1].flags = FBSD_EV_ADD;   /* SIGINT */
    k[1].udata = 0x1234; k[1].data = -1; k[1].fflags = 0x10;
    fbsd_fmt_kevent(fresh(), &k[0]);
    assert_string_equal(out, "{ident=3, filter=EVFILT_READ, flags=EV_ADD|EV_CLEAR, fflags=0, "
                             "data=0, udata=NULL}");
    fbsd_fmt_kevent(fresh(), &k[1]);
    assert_string_equal(out, "{ident=SIGINT, filter=EVFILT_SIGNAL, flags=EV_ADD, fflags=0x10, "
                             "data=-1, udata=0x1234}");
    /* an unknown filter and flag bits stay numbers */
    k[2].ident = 9; k[2].filter = 77; k[2].flags = FBSD_EV_EOF | 0x0800;
    fbsd_fmt_kevent(fresh(), &k[2]);
    assert_string_equal(out, "{ident=9, filter=77, flags=EV_EOF|0x800, fflags=0, data=0, udata=NULL}");
    fbsd_fmt_kevents(fresh(), k, 0, 0);
    assert_string_equal(out, "[]");
    fbsd_fmt_kevents(fresh(), k, 1, 5);
    assert_string_equal(out, "[{ident=3, filter=EVFILT_READ, flags=EV_ADD|EV_CLEAR, fflags=0, "
                             "data=0, udata=NULL}, ...]");
}

static void test_sockaddr(void **state)
{
    (void)state;
    struct fbsd_sockaddr_in in = { .sin_len = 16, .sin_family = FBSD_AF_INET,
                                   .sin_port = htons(7777), .sin_addr = htonl(0x7f000001) };
    fbsd_fmt_sockaddr(fresh(), &in, sizeof in);
    assert_string_equal(out, "{sa_len=16, sa_family=AF_INET, sin_port=htons(7777), "
                             "sin_addr=inet_addr(\"127.0.0.1\")}");
    struct fbsd_sockaddr_in6 in6 = { .sin6_len = 28, .sin6_family = FBSD_AF_INET6,
                                     .sin6_port = htons(80), .sin6_scope_id = 2 };
    in6.sin6_addr[15] = 1;
    fbsd_fmt_sockaddr(fresh(), &in6, sizeof in6);
    assert_string_equal(out, "{sa_len=28, sa_family=AF_INET6, sin6_port=htons(80), "
                             "sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), "
                             "sin6_scope_id=2}");
    struct fbsd_sockaddr_un un = { .sun_len = 0, .sun_family = FBSD_AF_UNIX };
    strcpy(un.sun_path, "/tmp/s\"ock");
    /* the path ends at the given length when it has no NUL before */
    fbsd_fmt_sockaddr(fresh(), &un, 2 + strlen(un.sun_path));
    assert_string_equal(out, "{sa_len=0, sa_family=AF_UNIX, sun_path=\"/tmp/s\\\"ock\"}");
    fbsd_fmt_sockaddr(fresh(), &un, sizeof un);
    assert_string_equal(out, "{sa_len=0, sa_family=AF_UNIX, sun_path=\"/tmp/s\\\"ock\"}");
    /* an AF_INET sockaddr cut short is not read past its length */
    fbsd_fmt_sockaddr(fresh(), &in, 8);
    assert_string_equal(out, "{sa_len=16, sa_family=AF_INET, sa_data=\"\\36a\\177\\0\\0\\1\"}");
    fbsd_fmt_sockaddr(fresh(), &in, 1);
    assert_string_equal(out, "{}");
    unsigned char odd[4] = { 4, 99, 'a', 'b' };
    fbsd_fmt_sockaddr(fresh(), odd, sizeof odd);
    assert_string_equal(out, "{sa_len=4, sa_family=99, sa_data=\"ab\"}");
}

static void test_sockopt_names(void **state)
{
    (void)state;
    assert_string_equal(fbsd_sockopt_level_name(FBSD_SOL_SOCKET, false), "SOL_SOCKET");
    assert_string_equal(fbsd_sockopt_level_name(FBSD_IPPROTO_TCP, false), "IPPROTO_TCP");
    assert_string_equal(fbsd_sockopt_level_name(0, false), "IPPROTO_IP");
    assert_string_equal(fbsd_sockopt_level_name(0, true), "SOL_LOCAL");
    assert_string_equal(fbsd_sockopt_level_name(FBSD_IPPROTO_IPV6, true), "IPPROTO_IPV6");
    assert_null(fbsd_sockopt_level_name(12345, false));
    assert_string_equal(fbsd_sockopt_name(FBSD_SOL_SOCKET, FBSD_SO_REUSEADDR, false), "SO_REUSEADDR");
    assert_string_equal(fbsd_sockopt_name(FBSD_SOL_SOCKET, FBSD_SO_NOSIGPIPE, true), "SO_NOSIGPIPE");
    assert_string_equal(fbsd_sockopt_name(FBSD_IPPROTO_TCP, FBSD_TCP_NODELAY, false), "TCP_NODELAY");
    assert_string_equal(fbsd_sockopt_name(FBSD_IPPROTO_TCP, 1024, false), "TCP_KEEPCNT");
    assert_string_equal(fbsd_sockopt_name(FBSD_IPPROTO_IPV6, FBSD_IPV6_V6ONLY, false), "IPV6_V6ONLY");
    assert_string_equal(fbsd_sockopt_name(0, 1, false), "IP_OPTIONS");
    assert_string_equal(fbsd_sockopt_name(0, 1, true), "LOCAL_PEERCRED");
    assert_string_equal(fbsd_sockopt_name(0, 4, true), "LOCAL_CONNWAIT");
    assert_null(fbsd_sockopt_name(FBSD_IPPROTO_TCP, 3, false));
    assert_null(fbsd_sockopt_name(999, 1, false));
}

static void test_flag_words(void **state)
{
    (void)state;
    fmt_xlat(fresh(), &fbsd_xset_msg_flags, FBSD_MSG_DONTWAIT | FBSD_MSG_NOSIGNAL);
    assert_string_equal(out, "MSG_DONTWAIT|MSG_NOSIGNAL");
    fmt_xlat(fresh(), &fbsd_xset_msg_flags, 0);
    assert_string_equal(out, "0");
    fmt_xlat(fresh(), &fbsd_xset_socket_types, FBSD_SOCK_STREAM | FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK);
    assert_string_equal(out, "SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK");
    fmt_xlat(fresh(), &fbsd_xset_socket_types, FBSD_SOCK_CLOEXEC);   /* accept4's flags */
    assert_string_equal(out, "SOCK_CLOEXEC");
    fmt_xlat(fresh(), &fbsd_xset_socket_domains, FBSD_AF_INET6);
    assert_string_equal(out, "AF_INET6");
    fmt_xlat(fresh(), &fbsd_xset_poll_events, FBSD_POLLIN | FBSD_POLLRDNORM | FBSD_POLLRDHUP);
    assert_string_equal(out, "POLLIN|POLLRDNORM|POLLRDHUP");
}

static void test_pollfds_fdset(void **state)
{
    (void)state;
    struct fbsd_pollfd p[2] = { { 3, FBSD_POLLIN | FBSD_POLLRDNORM, FBSD_POLLIN },
                                { 4, FBSD_POLLOUT, 0 } };
    fbsd_fmt_pollfds(fresh(), p, 2, 2, false);
    assert_string_equal(out, "[{fd=3, events=POLLIN|POLLRDNORM}, {fd=4, events=POLLOUT}]");
    fbsd_fmt_pollfds(fresh(), p, 2, 3, true);
    assert_string_equal(out, "[{fd=3, events=POLLIN|POLLRDNORM, revents=POLLIN}, "
                             "{fd=4, events=POLLOUT}, ...]");
    uint64_t w[2] = { (1ull << 3) | (1ull << 4), 1ull << 1 };   /* 3 4 65 */
    fbsd_fmt_fdset(fresh(), w, 128);
    assert_string_equal(out, "[3 4 65]");
    fbsd_fmt_fdset(fresh(), w, 4);     /* only the first nfds bits count */
    assert_string_equal(out, "[3]");
    fbsd_fmt_fdset(fresh(), w, 0);
    assert_string_equal(out, "[]");
}

static void sigadd(fbsd_sigset_t *s, int sig)
{
    s->bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
}

static void test_signals(void **state)
{
    (void)state;
    fbsd_sigset_t s;
    memset(&s, 0, sizeof s);
    fbsd_fmt_sigset(fresh(), &s);
    assert_string_equal(out, "[]");
    sigadd(&s, FBSD_SIGINT); sigadd(&s, FBSD_SIGTERM); sigadd(&s, FBSD_SIGTHR);
    sigadd(&s, FBSD_SIGRTMIN + 1);
    fbsd_fmt_sigset(fresh(), &s);
    assert_string_equal(out, "[INT TERM THR RT_1]");
    memset(&s, 0xff, sizeof s);
    fbsd_fmt_sigset(fresh(), &s);
    assert_string_equal(out, "~[]");
    s.bits[0] &= ~(1u << (FBSD_SIGSEGV - 1));
    fbsd_fmt_sigset(fresh(), &s);
    assert_string_equal(out, "~[SEGV]");

    struct fbsd_sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.fsa_handler = FBSD_SIG_IGN;
    sa.fsa_flags = FBSD_SA_RESTART | FBSD_SA_SIGINFO;
    sigadd(&sa.fsa_mask, FBSD_SIGUSR1);
    fbsd_fmt_sigaction(fresh(), &sa);
    assert_string_equal(out, "{sa_handler=SIG_IGN, sa_mask=[USR1], sa_flags=SA_RESTART|SA_SIGINFO}");
    sa.fsa_handler = 0x401000;
    sa.fsa_flags = 0;
    memset(&sa.fsa_mask, 0, sizeof sa.fsa_mask);
    fbsd_fmt_sigaction(fresh(), &sa);
    assert_string_equal(out, "{sa_handler=0x401000, sa_mask=[], sa_flags=0}");
}

/* The table and the personality agree: kinds written by a call are decoded at exit,
 * and the syscalls the brief names use the struct kinds. */
static void test_wiring(void **state)
{
    (void)state;
    const struct personality *p = &freebsd_personality;
    assert_true(p->exit_kinds & (1ull << A_FBSD_KEVENTS_OUT));
    assert_true(p->exit_kinds & (1ull << A_FBSD_SOCKADDR_OUT));
    assert_false(p->exit_kinds & (1ull << A_FBSD_KEVENTS_IN));
    assert_false(p->exit_kinds & (1ull << A_FBSD_SOCKADDR_IN));
    assert_ptr_equal(p->xlat[A_FBSD_MSG_FLAGS], &fbsd_xset_msg_flags);
    assert_ptr_equal(p->xlat[A_SOCK_TYPE], &fbsd_xset_socket_types);
    const struct syscall_ent *kev = fbsd_syscall_ent(FBSD_SYS_kevent);
    assert_int_equal(kev->arg[1], A_FBSD_KEVENTS_IN);
    assert_int_equal(kev->arg[3], A_FBSD_KEVENTS_OUT);
    assert_int_equal(fbsd_syscall_ent(FBSD_SYS_freebsd11_kevent)->arg[3], A_FBSD_KEVENTS_OUT);
    assert_int_equal(fbsd_syscall_ent(FBSD_SYS_bind)->arg[1], A_FBSD_SOCKADDR_IN);
    assert_int_equal(fbsd_syscall_ent(FBSD_SYS_accept)->arg[1], A_FBSD_SOCKADDR_OUT);
    assert_int_equal(fbsd_syscall_ent(FBSD_SYS_setsockopt)->arg[2], A_FBSD_SOCKOPT);
    assert_int_equal(fbsd_syscall_ent(FBSD_SYS_poll)->arg[0], A_FBSD_POLLFDS);
    assert_int_equal(fbsd_syscall_ent(FBSD_SYS_sigaction)->arg[2], A_FBSD_SIGACTION_OUT);
    /* an argument whose length or level is a neighbour has that neighbour */
    for (size_t nr = 0; nr < FBSD_SYS_MAXSYSCALL; nr++) {
        const struct syscall_ent *e = &fbsd_syscalls[nr];
        for (int i = 0; e->name && i < e->nargs; i++) {
            int k = e->arg[i];
            if (k == A_FBSD_KEVENTS_IN || k == A_FBSD_SOCKADDR_IN || k == A_FBSD_POLLFDS)
                assert_true(i + 1 < e->nargs);
            if (k == A_FBSD_SOCKADDR_OUT) {
                assert_true(i + 1 < e->nargs);
                assert_int_equal(e->arg[i + 1], A_FBSD_SOCKLEN_OUT);
            }
            if (k == A_FBSD_SOCKOPT) {
                assert_true(i > 0);
                assert_int_equal(e->arg[i - 1], A_FBSD_SOCKLEVEL);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kevent),
        cmocka_unit_test(test_sockaddr),
        cmocka_unit_test(test_sockopt_names),
        cmocka_unit_test(test_flag_words),
        cmocka_unit_test(test_pollfds_fdset),
        cmocka_unit_test(test_signals),
        cmocka_unit_test(test_wiring),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
