/* Socket calls for tests/integration/freebsd_trace.sh to read back in --trace:
 * a UDP exchange on 127.0.0.1 (sendto with MSG_DONTWAIT, recvfrom's source
 * address), select on two descriptors, ppoll, a local socket's LOCAL_PEERCRED
 * (level 0 = SOL_LOCAL), TCP_NODELAY, accept4 with SOCK_CLOEXEC, sigprocmask,
 * a kevent changelist longer than the trace shows.
 * Prints "done" at the end; each call's result is checked so that a failing
 * call is seen as such rather than as a missing trace line. */
#include <sys/types.h>
#include <sys/event.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/ucred.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL %s\n", #c); fails++; } } while (0)

int main(void)
{
    /* UDP to self */
    int u = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = { .sin_len = sizeof a, .sin_family = AF_INET,
                             .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    CHECK(bind(u, (struct sockaddr *)&a, sizeof a) == 0);
    socklen_t al = sizeof a;
    CHECK(getsockname(u, (struct sockaddr *)&a, &al) == 0);
    CHECK(sendto(u, "ping", 4, MSG_DONTWAIT, (struct sockaddr *)&a, sizeof a) == 4);

    fd_set r;
    FD_ZERO(&r);
    FD_SET(0, &r);
    FD_SET(u, &r);
    struct timeval tv = { 1, 0 };
    CHECK(select(u + 1, &r, NULL, NULL, &tv) >= 1);

    struct pollfd p = { .fd = u, .events = POLLIN | POLLRDNORM };
    struct timespec ts = { 1, 0 };
    CHECK(ppoll(&p, 1, &ts, NULL) == 1);

    char buf[16];
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    CHECK(recvfrom(u, buf, sizeof buf, MSG_PEEK, (struct sockaddr *)&from, &fl) == 4);
    CHECK(recvfrom(u, buf, sizeof buf, 0, (struct sockaddr *)&from, &fl) == 4);

    /* a local socket pair: the peer's credentials at level 0 */
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0);
    struct xucred cr;
    socklen_t cl = sizeof cr;
    CHECK(getsockopt(sv[0], SOL_LOCAL, LOCAL_PEERCRED, &cr, &cl) == 0);

    /* TCP: a listener, a connection, accept4 */
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in la = { .sin_len = sizeof la, .sin_family = AF_INET,
                              .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    CHECK(bind(l, (struct sockaddr *)&la, sizeof la) == 0);
    socklen_t ll = sizeof la;
    CHECK(getsockname(l, (struct sockaddr *)&la, &ll) == 0);
    CHECK(listen(l, 1) == 0);
    int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    CHECK(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == 0);
    connect(c, (struct sockaddr *)&la, sizeof la);     /* EINPROGRESS or 0 */
    struct sockaddr_in pa;
    socklen_t pl = sizeof pa;
    int s = accept4(l, (struct sockaddr *)&pa, &pl, SOCK_CLOEXEC);
    CHECK(s >= 0);

    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGHUP);
    CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0);
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);

    struct kevent ch[6];
    for (int i = 0; i < 6; i++)
        EV_SET(&ch[i], i + 1, EVFILT_USER, EV_ADD, 0, 0, NULL);
    int kq = kqueue();
    CHECK(kq >= 0 && kevent(kq, ch, 6, NULL, 0, NULL) == 0);

    printf("done %d\n", fails);
    return fails != 0;
}
