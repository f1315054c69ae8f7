/* Readiness polling on the FreeBSD personality: poll's FreeBSD-only bits
 * (POLLRDNORM, POLLWRNORM = POLLOUT, POLLRDHUP, POLLINIGNEOF), POLLHUP/POLLNVAL,
 * ppoll and pselect with a signal mask and a timeout FreeBSD leaves unchanged,
 * select over 200 pipes, a non-blocking connect completed through poll.  One
 * line per check; the test compares the whole output. */
#include <sys/types.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NPIPES 200

static void pollbits(void)
{
    int p[2];
    pipe(p);
    struct pollfd f[3] = { { p[0], POLLIN | POLLRDNORM, 0 }, { p[1], POLLOUT | POLLWRBAND, 0 },
                           { 1000, POLLIN, 0 } };
    int n = poll(f, 3, 0);
    printf("poll empty pipe: n %d r %#x w %#x nval %#x\n", n, f[0].revents, f[1].revents, f[2].revents);
    write(p[1], "x", 1);
    n = poll(f, 2, 0);
    printf("poll data: n %d r %#x events kept %#x\n", n, f[0].revents, f[0].events);
    close(p[1]);
    char c;
    read(p[0], &c, 1);
    f[0].events = POLLIN;
    n = poll(f, 1, 0);
    printf("poll writer closed: n %d r %#x\n", n, f[0].revents);
    f[0].events = POLLINIGNEOF;
    n = poll(f, 1, 0);
    printf("poll POLLINIGNEOF accepted: n>=0 %d\n", n >= 0);
    close(p[0]);

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    shutdown(sv[1], SHUT_WR);
    struct pollfd s = { sv[0], POLLIN | POLLRDHUP, 0 };
    n = poll(&s, 1, 1000);
    printf("poll rdhup: n %d rdhup %d in %d\n", n, (s.revents & POLLRDHUP) != 0, (s.revents & POLLIN) != 0);
    close(sv[0]);
    close(sv[1]);

    /* a pure sleep, and a bad pointer */
    n = poll(NULL, 0, 10);
    printf("poll sleep %d\n", n);
    n = poll((void *)8, 1, 0);
    printf("poll bad pointer %d errno %d\n", n, errno);
}

static void masks(void)
{
    /* the timeout is not written back, and the mask is in force while waiting */
    int p[2];
    pipe(p);
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    struct pollfd f = { p[0], POLLIN, 0 };
    sigset_t m;
    sigemptyset(&m);
    sigaddset(&m, SIGUSR1);
    int n = ppoll(&f, 1, &ts, &m);
    printf("ppoll timeout: n %d ts %ld.%09ld\n", n, (long)ts.tv_sec, ts.tv_nsec);
    fd_set r;
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    n = pselect(p[0] + 1, &r, NULL, NULL, &ts, &m);
    printf("pselect timeout: n %d ts %ld.%09ld\n", n, (long)ts.tv_sec, ts.tv_nsec);
    struct timeval tv = { 0, 20000 };
    FD_SET(p[0], &r);
    n = select(p[0] + 1, &r, NULL, NULL, &tv);
    printf("select timeout: n %d tv %ld.%06ld isset %d\n", n, (long)tv.tv_sec, (long)tv.tv_usec,
           FD_ISSET(p[0], &r));
    tv.tv_usec = -1;
    n = select(p[0] + 1, &r, NULL, NULL, &tv);
    printf("select bad timeout %d errno %d\n", n, errno);
    /* ppoll's and pselect's masks are in force while they wait: with SIGUSR1
     * pending and blocked, a mask that keeps it blocked times out, an empty one
     * lets it through (default action: the child ends by SIGUSR1) */
    for (int which = 0; which < 2; which++) {
        fflush(stdout);
        pid_t c = fork();
        if (c == 0) {
            sigset_t block, empty;
            sigemptyset(&block);
            sigaddset(&block, SIGUSR1);
            sigemptyset(&empty);
            sigprocmask(SIG_BLOCK, &block, NULL);
            kill(getpid(), SIGUSR1);
            FD_ZERO(&r);
            FD_SET(p[0], &r);
            n = which ? pselect(p[0] + 1, &r, NULL, NULL, &ts, &m) : ppoll(&f, 1, &ts, &m);
            printf("%s with USR1 masked: n %d\n", which ? "pselect" : "ppoll", n);
            fflush(stdout);
            FD_SET(p[0], &r);
            n = which ? pselect(p[0] + 1, &r, NULL, NULL, &ts, &empty) : ppoll(&f, 1, &ts, &empty);
            printf("still alive after unmasked wait: n %d errno %d\n", n, errno);
            _exit(0);
        }
        int st;
        waitpid(c, &st, 0);
        printf("%s unmasked: child killed by %d\n", which ? "pselect" : "ppoll",
               WIFSIGNALED(st) ? WTERMSIG(st) : -1);
    }
    close(p[0]);
    close(p[1]);
}

static void many(void)
{
    static int p[NPIPES][2];
    int maxfd = 0;
    for (int i = 0; i < NPIPES; i++) {
        if (pipe(p[i]) < 0) {
            printf("FAIL pipe %d errno %d\n", i, errno);
            exit(1);
        }
        if (p[i][0] > maxfd)
            maxfd = p[i][0];
    }
    for (int i = 0; i < NPIPES; i += 3)
        write(p[i][1], "z", 1);
    fd_set r;
    FD_ZERO(&r);
    for (int i = 0; i < NPIPES; i++)
        FD_SET(p[i][0], &r);
    struct timeval tv = { 1, 0 };
    int n = select(maxfd + 1, &r, NULL, NULL, &tv);
    int ok = 1;
    for (int i = 0; i < NPIPES; i++)
        if (!!FD_ISSET(p[i][0], &r) != (i % 3 == 0))
            ok = 0;
    printf("select %d pipes: n %d right set %d maxfd>200 %d tv %ld.%06ld\n", NPIPES, n, ok,
           maxfd > 200, (long)tv.tv_sec, (long)tv.tv_usec);
    static struct pollfd f[NPIPES];
    for (int i = 0; i < NPIPES; i++)
        f[i] = (struct pollfd){ p[i][0], POLLIN, 0 };
    n = poll(f, NPIPES, 1000);
    ok = 1;
    for (int i = 0; i < NPIPES; i++)
        if (!!(f[i].revents & POLLIN) != (i % 3 == 0))
            ok = 0;
    printf("poll %d pipes: n %d right set %d\n", NPIPES, n, ok);
    for (int i = 0; i < NPIPES; i++) {
        close(p[i][0]);
        close(p[i][1]);
    }
}

static void nbconnect(void)
{
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_len = sizeof a, .sin_family = AF_INET };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (void *)&a, sizeof a);
    listen(l, 4);
    socklen_t al = sizeof a;
    getsockname(l, (void *)&a, &al);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    fcntl(c, F_SETFL, O_NONBLOCK);
    int r = connect(c, (void *)&a, sizeof a);
    int e = errno;
    struct pollfd f = { c, POLLOUT, 0 };
    int n = poll(&f, 1, 5000);
    int err = -1;
    socklen_t el = sizeof err;
    getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &el);
    printf("nonblocking connect: %s poll %d out %d SO_ERROR %d\n",
           r == 0 ? "at once" : e == EINPROGRESS ? "EINPROGRESS" : "error", n,
           (f.revents & POLLOUT) != 0, err);
    /* the accepted socket inherits O_NONBLOCK from the listener on FreeBSD */
    fcntl(l, F_SETFL, O_NONBLOCK);
    int s = accept(l, NULL, NULL);
    printf("accepted nonblocking %d\n", s >= 0 && (fcntl(s, F_GETFL) & O_NONBLOCK) != 0);
    int s2 = accept(l, NULL, NULL);
    printf("accept on empty nonblocking listener %d errno %d\n", s2, errno);
    close(s);
    close(c);
    close(l);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    pollbits();
    masks();
    many();
    nbconnect();
    printf("done\n");
    return 0;
}
