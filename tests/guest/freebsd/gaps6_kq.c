/* kqueue leftovers (13.2 sysroot; tests/integration/freebsd_gaps6.sh): NOTE_LOWAT
 * on READ and WRITE, a listening socket's READ data = pending connections,
 * EV_CLEAR on READ beside a level-triggered WRITE on the same descriptor, a finite
 * wait that only sees dropped events keeps waiting, and 5000 registered
 * socketpairs with a few of them triggered ("big" argument: prints the time). */
#include <sys/types.h>
#include <sys/event.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int kq;

/* one kevent call with a timeout in ms: the number of events, the first in *ev */
static int wait1(struct kevent *ev, int n, int ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    return kevent(kq, NULL, 0, ev, n, &ts);
}

static void add(int fd, int filter, int flags, int fflags, intptr_t data)
{
    struct kevent ch;
    EV_SET(&ch, fd, filter, EV_ADD | flags, fflags, data, NULL);
    if (kevent(kq, &ch, 1, NULL, 0, NULL) < 0)
        printf("EV_ADD %d failed errno %d\n", filter, errno);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void lowat(void)
{
    int sv[2];
    struct kevent ev;
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    add(sv[0], EVFILT_READ, 0, NOTE_LOWAT, 10);
    write(sv[1], "abcd", 4);
    printf("NOTE_LOWAT 10, 4 bytes: %d\n", wait1(&ev, 1, 50));
    write(sv[1], "efghijkl", 8);
    int n = wait1(&ev, 1, 50);
    printf("NOTE_LOWAT 10, 12 bytes: %d data %ld\n", n, n > 0 ? (long)ev.data : -1L);
    char buf[16];
    read(sv[0], buf, 12);
    /* EOF beats the low-water mark */
    write(sv[1], "z", 1);
    close(sv[1]);
    n = wait1(&ev, 1, 50);
    printf("NOTE_LOWAT 10, 1 byte + EOF: %d eof %d\n", n, n > 0 && (ev.flags & EV_EOF) != 0);
    close(sv[0]);

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    int sndbuf = 0;
    socklen_t l = sizeof sndbuf;
    getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &sndbuf, &l);
    add(sv[0], EVFILT_WRITE, 0, NOTE_LOWAT, 1 << 30);
    printf("WRITE NOTE_LOWAT 1G: %d\n", wait1(&ev, 1, 50));
    add(sv[0], EVFILT_WRITE, 0, NOTE_LOWAT, 1);
    printf("WRITE NOTE_LOWAT 1: %d\n", wait1(&ev, 1, 50));
    close(sv[0]);
    close(sv[1]);
}

static void backlog(void)
{
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_len = sizeof a, .sin_family = AF_INET };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(l, (struct sockaddr *)&a, sizeof a);
    socklen_t al = sizeof a;
    getsockname(l, (struct sockaddr *)&a, &al);
    listen(l, 8);
    add(l, EVFILT_READ, 0, 0, 0);
    struct kevent ev;
    printf("listen, none pending: %d\n", wait1(&ev, 1, 30));
    int c[3];
    for (int i = 0; i < 3; i++) {
        c[i] = socket(AF_INET, SOCK_STREAM, 0);
        connect(c[i], (struct sockaddr *)&a, sizeof a);
    }
    int n = wait1(&ev, 1, 1000);
    printf("listen, 3 pending: %d data %ld\n", n, n > 0 ? (long)ev.data : -1L);
    close(accept(l, NULL, NULL));
    n = wait1(&ev, 1, 1000);
    printf("listen, 2 pending: %d data %ld\n", n, n > 0 ? (long)ev.data : -1L);
    for (int i = 0; i < 3; i++)
        close(c[i]);
    close(l);

    /* a local listening socket too */
    int u = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un { unsigned char len, fam; char path[104]; } ua = { 106, AF_UNIX, "/tmp/g6kq.sock" };
    unlink(ua.path);
    bind(u, (struct sockaddr *)&ua, sizeof ua);
    listen(u, 8);
    add(u, EVFILT_READ, 0, 0, 0);
    for (int i = 0; i < 2; i++) {
        c[i] = socket(AF_UNIX, SOCK_STREAM, 0);
        connect(c[i], (struct sockaddr *)&ua, sizeof ua);
    }
    n = wait1(&ev, 1, 1000);
    printf("local listen, 2 pending: %d data %ld\n", n, n > 0 ? (long)ev.data : -1L);
    close(c[0]);
    close(c[1]);
    close(u);
    unlink(ua.path);
}

static void clear_mixed(void)
{
    int sv[2];
    struct kevent ev[4];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    add(sv[0], EVFILT_READ, EV_CLEAR, 0, 0);
    add(sv[0], EVFILT_WRITE, 0, 0, 0);      /* level-triggered, always ready */
    write(sv[1], "xy", 2);
    int reads = 0, writes = 0;
    for (int k = 0; k < 3; k++) {
        int n = wait1(ev, 4, 50);
        for (int i = 0; i < n; i++) {
            reads += ev[i].filter == EVFILT_READ;
            writes += ev[i].filter == EVFILT_WRITE;
        }
    }
    printf("EV_CLEAR READ + level WRITE, 3 waits: reads %d writes %d\n", reads, writes);
    struct kevent del[2];
    EV_SET(&del[0], sv[0], EVFILT_WRITE, EV_DELETE, 0, 0, NULL);
    kevent(kq, del, 1, NULL, 0, NULL);
    write(sv[1], "z", 1);
    int n = wait1(ev, 4, 50), r = 0;
    for (int i = 0; i < n; i++)
        if (ev[i].filter == EVFILT_READ) {
            r++;
            printf("new data: READ data %ld\n", (long)ev[i].data);
        }
    if (!r)
        printf("new data: no READ\n");
    /* the other way round: level READ beside EV_CLEAR WRITE */
    int sw[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sw);
    add(sw[0], EVFILT_READ, 0, 0, 0);
    add(sw[0], EVFILT_WRITE, EV_CLEAR, 0, 0);
    write(sw[1], "q", 1);
    reads = writes = 0;
    for (int k = 0; k < 3; k++) {
        n = wait1(ev, 4, 50);
        for (int i = 0; i < n; i++) {
            reads += ev[i].filter == EVFILT_READ;
            writes += ev[i].filter == EVFILT_WRITE;
        }
    }
    printf("level READ + EV_CLEAR WRITE, 3 waits: reads %d writes %d\n", reads, writes);
    char b[4];
    read(sw[0], b, 1);
    n = wait1(ev, 4, 50);
    printf("level READ drained: %d\n", n);
    close(sv[0]); close(sv[1]); close(sw[0]); close(sw[1]);
}

static void dropped_wait(void)
{
    /* Data under a READ knote's low-water mark arrives during a finite wait: the
     * epoll event is dropped by the table, and the wait must go on for the rest
     * of its 300 ms (not return 0 at once). */
    int sv[2], go[2];
    struct kevent ev;
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    pipe(go);
    add(sv[0], EVFILT_READ, 0, NOTE_LOWAT, 100);
    pid_t c = fork();
    if (c == 0) {
        char b;
        read(go[0], &b, 1);             /* the parent is about to wait */
        usleep(50000);
        write(sv[1], "abc", 3);
        read(go[0], &b, 1);             /* exit only after the wait: no SIGCHLD during it */
        _exit(0);
    }
    write(go[1], "g", 1);
    double t0 = now();
    int n = wait1(&ev, 1, 300);
    double dt = now() - t0;
    printf("finite wait, only data under NOTE_LOWAT: %d lasted>=0.25s %d\n", n, dt >= 0.25);
    write(go[1], "x", 1);
    waitpid(c, NULL, 0);
    close(sv[0]);
    close(sv[1]);
}

static void big(int npairs)
{
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;          /* as many descriptors as allowed */
    setrlimit(RLIMIT_NOFILE, &rl);
    int (*sv)[2] = calloc(npairs, sizeof *sv);
    struct kevent *ch = calloc(npairs, sizeof *ch);
    for (int i = 0; i < npairs; i++) {
        if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv[i]) < 0) {
            printf("socketpair %d errno %d\n", i, errno);
            return;
        }
        EV_SET(&ch[i], sv[i][0], EVFILT_READ, EV_ADD, 0, 0, (void *)(intptr_t)i);
    }
    double t0 = now();
    if (kevent(kq, ch, npairs, NULL, 0, NULL) < 0)
        printf("register errno %d\n", errno);
    double t1 = now();
    int seen = 0, ok = 1;
    struct kevent ev[64];
    double tw = 0;
    for (int round = 0; round < 20; round++) {
        for (int k = 0; k < 10; k++)
            write(sv[(round * 97 + k * 491) % npairs][1], "x", 1);
        double a = now();
        int n = kevent(kq, NULL, 0, ev, 64, NULL);
        tw += now() - a;
        for (int i = 0; i < n; i++) {
            int idx = (int)(intptr_t)ev[i].udata;
            char c;
            ok &= ev[i].filter == EVFILT_READ && (int)ev[i].ident == sv[idx][0];
            read(sv[idx][0], &c, 1);
            seen++;
        }
    }
    printf("%d knotes: events %d right %d\n", npairs, seen, ok);
    fprintf(stderr, "register %.3f s, 20 waits %.3f s\n", t1 - t0, tw);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    kq = kqueue();
    if (argc > 1) {
        big(atoi(argv[1]));
        return 0;
    }
    lowat();
    backlog();
    clear_mixed();
    dropped_wait();
    return 0;
}
