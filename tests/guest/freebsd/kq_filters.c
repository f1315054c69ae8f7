/* kqueue/kevent under lsl2: every filter the FreeBSD personality implements,
 * the action flags, timeouts, errors.  Prints "ok NAME" or "FAIL NAME: why" per
 * check and "done" at the end (tests/integration/freebsd_kqueue.sh). */
#include <sys/types.h>
#include <sys/event.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int failures;

#define CHECK(name, cond, ...) do { \
    if (cond) printf("ok %s\n", name); \
    else { failures++; printf("FAIL %s: ", name); printf(__VA_ARGS__); printf("\n"); } \
    fflush(stdout); \
} while (0)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const struct timespec zero = { 0, 0 };

static void test_timeouts(void)
{
    int kq = kqueue();
    CHECK("kqueue", kq >= 0, "errno %d", errno);
    struct kevent ev;
    double t0 = now();
    int n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("timeout zero", n == 0 && now() - t0 < 0.04, "n=%d errno=%d", n, errno);
    struct timespec ms50 = { 0, 50000000 };
    t0 = now();
    n = kevent(kq, NULL, 0, &ev, 1, &ms50);
    double dt = now() - t0;
    CHECK("timeout 50ms expires", n == 0 && dt >= 0.045 && dt < 1.0, "n=%d dt=%f", n, dt);
    struct timespec bad = { 0, 1000000000 };
    n = kevent(kq, NULL, 0, &ev, 1, &bad);
    CHECK("bad timeout EINVAL", n == -1 && errno == EINVAL, "n=%d errno=%d", n, errno);
    n = kevent(kq, NULL, 0, &ev, 1, (struct timespec *)8);
    CHECK("timeout EFAULT", n == -1 && errno == EFAULT, "n=%d errno=%d", n, errno);
    n = kevent(12345, NULL, 0, &ev, 1, &zero);
    CHECK("kevent bad fd EBADF", n == -1 && errno == EBADF, "n=%d errno=%d", n, errno);
    n = kevent(0, NULL, 0, &ev, 1, &zero);
    CHECK("kevent non-kqueue EINVAL", n == -1 && errno == EINVAL, "n=%d errno=%d", n, errno);
    close(kq);
}

static void test_pipe_io(void)
{
    int kq = kqueue(), p[2];
    pipe(p);
    struct kevent ch[2], ev[4];
    EV_SET(&ch[0], p[0], EVFILT_READ, EV_ADD, 0, 0, (void *)0x1234);
    EV_SET(&ch[1], p[1], EVFILT_WRITE, EV_ADD, 0, 0, (void *)0x5678);
    int n = kevent(kq, ch, 2, NULL, 0, NULL);
    CHECK("add read+write", n == 0, "n=%d errno=%d", n, errno);
    n = kevent(kq, NULL, 0, ev, 4, &zero);
    CHECK("empty pipe: only writable", n == 1 && ev[0].filter == EVFILT_WRITE && ev[0].ident == (uintptr_t)p[1] &&
          ev[0].udata == (void *)0x5678 && ev[0].data > 0, "n=%d filter=%d data=%jd", n, ev[0].filter, (intmax_t)ev[0].data);
    write(p[1], "hello", 5);
    n = kevent(kq, NULL, 0, ev, 4, &zero);
    int rd = -1;
    for (int i = 0; i < n; i++)
        if (ev[i].filter == EVFILT_READ)
            rd = i;
    CHECK("read data = bytes available", rd >= 0 && ev[rd].data == 5 && ev[rd].udata == (void *)0x1234 &&
          !(ev[rd].flags & EV_EOF), "n=%d rd=%d data=%jd", n, rd, rd >= 0 ? (intmax_t)ev[rd].data : -1);
    /* READ and WRITE on the same descriptor (a socket pair): two kevents */
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    EV_SET(&ch[0], sv[0], EVFILT_READ, EV_ADD, 0, 0, 0);
    EV_SET(&ch[1], sv[0], EVFILT_WRITE, EV_ADD, 0, 0, 0);
    kevent(kq, ch, 2, NULL, 0, NULL);
    write(sv[1], "abc", 3);
    n = kevent(kq, NULL, 0, ev, 4, &zero);
    int r = 0, w = 0;
    for (int i = 0; i < n; i++) {
        if (ev[i].ident == (uintptr_t)sv[0] && ev[i].filter == EVFILT_READ && ev[i].data == 3) r++;
        if (ev[i].ident == (uintptr_t)sv[0] && ev[i].filter == EVFILT_WRITE && ev[i].data > 0) w++;
    }
    CHECK("read+write same socket", r == 1 && w == 1, "n=%d r=%d w=%d", n, r, w);
    /* room for one event only: the other comes next time */
    n = kevent(kq, NULL, 0, ev, 1, &zero);
    int n2 = kevent(kq, NULL, 0, ev + 1, 1, &zero);
    CHECK("one slot at a time", n == 1 && n2 == 1, "n=%d n2=%d", n, n2);
    /* EV_DISABLE / EV_ENABLE */
    EV_SET(&ch[0], p[1], EVFILT_WRITE, EV_DISABLE, 0, 0, 0);
    EV_SET(&ch[1], sv[0], EVFILT_WRITE, EV_DELETE, 0, 0, 0);
    kevent(kq, ch, 2, NULL, 0, NULL);
    EV_SET(&ch[0], sv[0], EVFILT_READ, EV_DELETE, 0, 0, 0);
    kevent(kq, ch, 1, NULL, 0, NULL);
    n = kevent(kq, NULL, 0, ev, 4, &zero);
    CHECK("disabled write not reported", n == 1 && ev[0].filter == EVFILT_READ, "n=%d f=%d", n, ev[0].filter);
    EV_SET(&ch[0], p[1], EVFILT_WRITE, EV_ENABLE, 0, 0, 0);
    kevent(kq, ch, 1, NULL, 0, NULL);
    n = kevent(kq, NULL, 0, ev, 4, &zero);
    CHECK("enabled again", n == 2, "n=%d", n);
    /* EV_DELETE of a missing knote: ENOENT */
    EV_SET(&ch[0], p[0], EVFILT_WRITE, EV_DELETE, 0, 0, 0);
    n = kevent(kq, ch, 1, NULL, 0, NULL);
    CHECK("delete missing ENOENT", n == -1 && errno == ENOENT, "n=%d errno=%d", n, errno);
    /* EV_EOF when the writer goes */
    EV_SET(&ch[0], p[1], EVFILT_WRITE, EV_DELETE, 0, 0, 0);
    kevent(kq, ch, 1, NULL, 0, NULL);
    close(p[1]);
    n = kevent(kq, NULL, 0, ev, 4, &zero);
    CHECK("EV_EOF on closed pipe", n == 1 && (ev[0].flags & EV_EOF) && ev[0].data == 5, "n=%d flags=%#x data=%jd",
          n, ev[0].flags, (intmax_t)ev[0].data);
    /* closing a descriptor drops its events */
    close(p[0]);
    int q[2];
    pipe(q);                /* likely the same numbers again */
    write(q[1], "x", 1);
    n = kevent(kq, NULL, 0, ev, 4, &zero);
    CHECK("close drops events", n == 0, "n=%d ident=%d", n, n > 0 ? (int)ev[0].ident : -1);
    EV_SET(&ch[0], q[0], EVFILT_READ, EV_DELETE, 0, 0, 0);
    n = kevent(kq, ch, 1, NULL, 0, NULL);
    CHECK("closed descriptor's knote is gone", n == -1 && errno == ENOENT, "n=%d errno=%d", n, errno);
    close(q[0]); close(q[1]); close(sv[0]); close(sv[1]);
    close(kq);
}

static void test_receipt(void)
{
    int kq = kqueue(), p[2];
    pipe(p);
    struct kevent ch[3], ev[3];
    EV_SET(&ch[0], p[0], EVFILT_READ, EV_ADD | EV_RECEIPT, 0, 0, 0);
    EV_SET(&ch[1], 9999, EVFILT_READ, EV_ADD, 0, 0, 0);
    EV_SET(&ch[2], 1, 77, EV_ADD, 0, 0, 0);
    int n = kevent(kq, ch, 3, ev, 3, &zero);
    CHECK("receipt and errors", n == 3 && ev[0].flags == EV_ERROR && ev[0].data == 0 &&
          ev[1].flags == EV_ERROR && ev[1].data == EBADF && ev[1].ident == 9999 &&
          ev[2].data == EINVAL, "n=%d d0=%jd d1=%jd d2=%jd", n, (intmax_t)ev[0].data,
          (intmax_t)ev[1].data, (intmax_t)ev[2].data);
    n = kevent(kq, &ch[1], 1, NULL, 0, &zero);
    CHECK("error without room fails the call", n == -1 && errno == EBADF, "n=%d errno=%d", n, errno);
    close(p[0]); close(p[1]); close(kq);
}

static void test_flags(void)
{
    int kq = kqueue(), p[2];
    pipe(p);
    write(p[1], "ab", 2);
    struct kevent ch, ev[2];
    EV_SET(&ch, p[0], EVFILT_READ, EV_ADD | EV_ONESHOT, 0, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    int n1 = kevent(kq, NULL, 0, ev, 2, &zero);
    int n2 = kevent(kq, NULL, 0, ev, 2, &zero);
    CHECK("EV_ONESHOT", n1 == 1 && n2 == 0 && (ev[0].flags & EV_ONESHOT), "n1=%d n2=%d", n1, n2);
    EV_SET(&ch, p[0], EVFILT_READ, EV_ADD | EV_DISPATCH, 0, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    n1 = kevent(kq, NULL, 0, ev, 2, &zero);
    n2 = kevent(kq, NULL, 0, ev, 2, &zero);
    EV_SET(&ch, p[0], EVFILT_READ, EV_ENABLE, 0, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    int n3 = kevent(kq, NULL, 0, ev, 2, &zero);
    CHECK("EV_DISPATCH", n1 == 1 && n2 == 0 && n3 == 1, "n1=%d n2=%d n3=%d", n1, n2, n3);
    EV_SET(&ch, p[0], EVFILT_READ, EV_DELETE, 0, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    EV_SET(&ch, p[0], EVFILT_READ, EV_ADD | EV_CLEAR, 0, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    n1 = kevent(kq, NULL, 0, ev, 2, &zero);
    n2 = kevent(kq, NULL, 0, ev, 2, &zero);
    write(p[1], "c", 1);
    n3 = kevent(kq, NULL, 0, ev, 2, &zero);
    CHECK("EV_CLEAR", n1 == 1 && n2 == 0 && n3 == 1 && ev[0].data == 3, "n1=%d n2=%d n3=%d data=%jd",
          n1, n2, n3, (intmax_t)ev[0].data);
    close(p[0]); close(p[1]); close(kq);
}

static void test_timer(void)
{
    int kq = kqueue();
    struct kevent ch, ev;
    /* periodic, 20 ms: after ~110 ms about 5 expirations in one report */
    EV_SET(&ch, 1, EVFILT_TIMER, EV_ADD, 0, 20, (void *)7);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    usleep(110000);
    int n = kevent(kq, NULL, 0, &ev, 1, NULL);
    CHECK("timer periodic counts expirations", n == 1 && ev.filter == EVFILT_TIMER && ev.ident == 1 &&
          ev.data >= 4 && ev.data <= 9 && ev.udata == (void *)7, "n=%d data=%jd", n, (intmax_t)ev.data);
    double t0 = now();
    n = kevent(kq, NULL, 0, &ev, 1, NULL);
    double dt = now() - t0;
    CHECK("timer periodic next", n == 1 && ev.data == 1 && dt < 0.1, "n=%d data=%jd dt=%f", n, (intmax_t)ev.data, dt);
    EV_SET(&ch, 1, EVFILT_TIMER, EV_DELETE, 0, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    static const struct { unsigned unit; int64_t data; const char *name; } units[] = {
        { NOTE_SECONDS, 1, "timer NOTE_SECONDS" }, { 0, 30, "timer default msec" },
        { NOTE_MSECONDS, 30, "timer NOTE_MSECONDS" }, { NOTE_USECONDS, 30000, "timer NOTE_USECONDS" },
        { NOTE_NSECONDS, 30000000, "timer NOTE_NSECONDS" },
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        EV_SET(&ch, 2, EVFILT_TIMER, EV_ADD | EV_ONESHOT, units[i].unit, units[i].data, 0);
        t0 = now();
        n = kevent(kq, &ch, 1, &ev, 1, NULL);
        dt = now() - t0;
        double want = units[i].unit == NOTE_SECONDS ? 1.0 : 0.03;
        int again = kevent(kq, NULL, 0, &ev, 1, &zero);
        CHECK(units[i].name, n == 1 && ev.data == 1 && dt >= want * 0.9 && dt < want + 0.5 && again == 0,
              "n=%d dt=%f again=%d", n, dt, again);
    }
    struct timespec rt;
    clock_gettime(CLOCK_REALTIME, &rt);
    EV_SET(&ch, 3, EVFILT_TIMER, EV_ADD, NOTE_ABSTIME | NOTE_MSECONDS,
           (int64_t)rt.tv_sec * 1000 + rt.tv_nsec / 1000000 + 40, 0);
    t0 = now();
    n = kevent(kq, &ch, 1, &ev, 1, NULL);
    dt = now() - t0;
    CHECK("timer NOTE_ABSTIME", n == 1 && ev.ident == 3 && dt >= 0.02 && dt < 0.5, "n=%d dt=%f", n, dt);
    EV_SET(&ch, 4, EVFILT_TIMER, EV_ADD, NOTE_SECONDS | NOTE_USECONDS, 1, 0);
    n = kevent(kq, &ch, 1, NULL, 0, NULL);
    CHECK("timer two units EINVAL", n == -1 && errno == EINVAL, "n=%d errno=%d", n, errno);
    EV_SET(&ch, 4, EVFILT_TIMER, EV_ADD, 0, -1, 0);
    n = kevent(kq, &ch, 1, NULL, 0, NULL);
    CHECK("timer negative EINVAL", n == -1 && errno == EINVAL, "n=%d errno=%d", n, errno);
    close(kq);
}

static void test_user(void)
{
    int kq = kqueue();
    struct kevent ch, ev;
    EV_SET(&ch, 42, EVFILT_USER, EV_ADD | EV_CLEAR, NOTE_FFCOPY | 0x11, 0, (void *)9);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    int n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("user not triggered", n == 0, "n=%d", n);
    EV_SET(&ch, 42, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFOR | 0x100, 0, (void *)9);   /* every change sets udata */
    kevent(kq, &ch, 1, NULL, 0, NULL);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("user NOTE_TRIGGER, NOTE_FFOR", n == 1 && ev.ident == 42 && ev.filter == EVFILT_USER &&
          ev.fflags == 0x111 && ev.udata == (void *)9, "n=%d fflags=%#x", n, ev.fflags);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("user EV_CLEAR resets", n == 0, "n=%d", n);
    EV_SET(&ch, 42, EVFILT_USER, 0, NOTE_TRIGGER | NOTE_FFAND | 0x1, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("user NOTE_FFAND", n == 1 && ev.fflags == 0x1, "n=%d fflags=%#x", n, ev.fflags);
    /* triggered from another process: a child writes, the parent's kevent waits
     * (the child cannot use the kqueue: the trigger comes through a pipe) */
    int p[2];
    pipe(p);
    struct kevent two[2];
    EV_SET(&two[0], p[0], EVFILT_READ, EV_ADD, 0, 0, 0);
    kevent(kq, two, 1, NULL, 0, NULL);
    pid_t c = fork();
    if (c == 0) {
        usleep(30000);
        write(p[1], "t", 1);
        _exit(0);
    }
    n = kevent(kq, NULL, 0, &ev, 1, NULL);     /* NULL timeout woken by an event */
    char b;
    read(p[0], &b, 1);
    EV_SET(&ch, 42, EVFILT_USER, 0, NOTE_TRIGGER, 0, 0);
    int n2 = kevent(kq, &ch, 1, &ev, 1, NULL);
    CHECK("NULL timeout woken, then user trigger", n == 1 && n2 == 1 && ev.filter == EVFILT_USER, "n=%d n2=%d", n, n2);
    waitpid(c, NULL, 0);
    close(p[0]); close(p[1]); close(kq);
}

static void test_proc(void)
{
    int kq = kqueue(), p[2];
    pipe(p);
    pid_t c = fork();
    if (c == 0) {
        char b;
        read(p[0], &b, 1);
        _exit(7);
    }
    struct kevent ch, ev;
    EV_SET(&ch, c, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 0);
    int r = kevent(kq, &ch, 1, NULL, 0, NULL);
    write(p[1], "go", 1);
    int n = kevent(kq, NULL, 0, &ev, 1, NULL);
    CHECK("proc NOTE_EXIT status", r == 0 && n == 1 && ev.ident == (uintptr_t)c && (ev.fflags & NOTE_EXIT) &&
          WIFEXITED((int)ev.data) && WEXITSTATUS((int)ev.data) == 7 && (ev.flags & EV_EOF),
          "r=%d n=%d data=%#jx fflags=%#x", r, n, (intmax_t)ev.data, ev.fflags);
    int st;
    CHECK("child still reapable", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 7, "st=%#x", st);
    c = fork();
    if (c == 0) {
        char b;
        read(p[0], &b, 1);
        kill(getpid(), SIGTERM);
        _exit(1);
    }
    EV_SET(&ch, c, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    write(p[1], "g", 1);
    n = kevent(kq, NULL, 0, &ev, 1, NULL);
    CHECK("proc NOTE_EXIT signal", n == 1 && WIFSIGNALED((int)ev.data) && WTERMSIG((int)ev.data) == SIGTERM,
          "n=%d data=%#jx", n, (intmax_t)ev.data);
    waitpid(c, NULL, 0);
    EV_SET(&ch, 999999, EVFILT_PROC, EV_ADD, NOTE_EXIT, 0, 0);
    n = kevent(kq, &ch, 1, NULL, 0, NULL);
    CHECK("proc no such process ESRCH", n == -1 && errno == ESRCH, "n=%d errno=%d", n, errno);
    close(p[0]); close(p[1]); close(kq);
}

static void test_vnode(void)
{
    int kq = kqueue();
    const char *path = "/tmp/kq_vnode_file", *path2 = "/tmp/kq_vnode_renamed";
    unlink(path); unlink(path2);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct kevent ch, ev;
    EV_SET(&ch, fd, EVFILT_VNODE, EV_ADD | EV_CLEAR,
           NOTE_WRITE | NOTE_EXTEND | NOTE_ATTRIB | NOTE_DELETE | NOTE_RENAME | NOTE_LINK, 0, 0);
    int r = kevent(kq, &ch, 1, NULL, 0, NULL);
    int n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("vnode quiet", r == 0 && n == 0, "r=%d n=%d errno=%d", r, n, errno);
    write(fd, "data", 4);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("vnode NOTE_WRITE|NOTE_EXTEND", n == 1 && (ev.fflags & NOTE_WRITE) && (ev.fflags & NOTE_EXTEND),
          "n=%d fflags=%#x", n, ev.fflags);
    fchmod(fd, 0600);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("vnode NOTE_ATTRIB", n == 1 && ev.fflags == NOTE_ATTRIB, "n=%d fflags=%#x", n, ev.fflags);
    link(path, "/tmp/kq_vnode_link");
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("vnode NOTE_LINK", n == 1 && (ev.fflags & NOTE_LINK), "n=%d fflags=%#x", n, ev.fflags);
    unlink("/tmp/kq_vnode_link");
    kevent(kq, NULL, 0, &ev, 1, &zero);
    rename(path, path2);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("vnode NOTE_RENAME", n == 1 && (ev.fflags & NOTE_RENAME), "n=%d fflags=%#x", n, ev.fflags);
    unlink(path2);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("vnode NOTE_DELETE", n == 1 && (ev.fflags & NOTE_DELETE), "n=%d fflags=%#x", n, ev.fflags);
    /* EVFILT_READ on a regular file: size - offset */
    int f2 = open("/tmp/kq_vnode_read", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(f2, "0123456789", 10);
    lseek(f2, 4, SEEK_SET);
    EV_SET(&ch, f2, EVFILT_READ, EV_ADD, 0, 0, 0);
    n = kevent(kq, &ch, 1, &ev, 1, &zero);
    CHECK("read on a file: data = size - offset", n == 1 && ev.data == 6, "n=%d data=%jd", n, (intmax_t)ev.data);
    unlink("/tmp/kq_vnode_read");
    close(f2); close(fd); close(kq);
}

static void test_signal(void)
{
    int kq = kqueue();
    signal(SIGUSR1, SIG_IGN);
    struct kevent ch, ev;
    EV_SET(&ch, SIGUSR1, EVFILT_SIGNAL, EV_ADD, 0, 0, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    kill(getpid(), SIGUSR1);
    struct timespec ms500 = { 0, 500000000 };
    int n = kevent(kq, NULL, 0, &ev, 1, &ms500);
    CHECK("signal count with SIG_IGN", n == 1 && ev.ident == SIGUSR1 && ev.filter == EVFILT_SIGNAL && ev.data == 3,
          "n=%d data=%jd", n, n > 0 ? (intmax_t)ev.data : -1);
    n = kevent(kq, NULL, 0, &ev, 1, &zero);
    CHECK("signal count reset", n == 0, "n=%d", n);
    signal(SIGUSR1, SIG_DFL);
    close(kq);
}

static void test_fork(void)
{
    int kq = kqueue();
    struct kevent ch, ev;
    EV_SET(&ch, 5, EVFILT_TIMER, EV_ADD, 0, 10, 0);
    kevent(kq, &ch, 1, NULL, 0, NULL);
    int p[2];
    pipe(p);
    pid_t c = fork();
    if (c == 0) {
        int n = kevent(kq, NULL, 0, &ev, 1, &zero);
        char r = (n == -1 && errno == EBADF) ? 'y' : 'n';
        write(p[1], &r, 1);
        _exit(0);
    }
    char r = 0;
    read(p[0], &r, 1);
    waitpid(c, NULL, 0);
    CHECK("kqueue not inherited across fork", r == 'y', "child says %c", r);
    int n = kevent(kq, NULL, 0, &ev, 1, NULL);
    CHECK("parent's kqueue still works", n == 1 && ev.ident == 5, "n=%d", n);
    /* poll on a kqueue descriptor */
    struct pollfd pf = { kq, POLLIN, 0 };
    usleep(20000);
    CHECK("poll on a kqueue", poll(&pf, 1, 1000) == 1 && (pf.revents & POLLIN), "revents=%#x", pf.revents);
    int d = dup(kq);
    close(kq);
    n = kevent(d, NULL, 0, &ev, 1, NULL);
    CHECK("kqueue through dup after close", n == 1 && ev.ident == 5, "n=%d errno=%d", n, errno);
    close(d);
    close(p[0]); close(p[1]);
}

static void test_old_layout(void);

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    test_timeouts();
    test_pipe_io();
    test_receipt();
    test_flags();
    test_timer();
    test_user();
    test_proc();
    test_vnode();
    test_signal();
    test_fork();
    test_old_layout();
    printf("done %d failures\n", failures);
    return failures != 0;
}

/* freebsd11_kevent: the 32-byte struct kevent of FreeBSD 11 programs. */
struct kevent11 {
    uintptr_t ident;
    short filter;
    unsigned short flags;
    unsigned int fflags;
    intptr_t data;
    void *udata;
};

static void test_old_layout(void)
{
    int kq = kqueue(), p[2];
    pipe(p);
    write(p[1], "xyz", 3);
    struct kevent11 ch = { (uintptr_t)p[0], EVFILT_READ, EV_ADD, 0, 0, (void *)0xabc }, ev[2];
    memset(ev, 0x55, sizeof ev);
    long n = syscall(363, kq, &ch, 1, ev, 2, &zero);
    CHECK("freebsd11_kevent", n == 1 && ev[0].ident == (uintptr_t)p[0] && ev[0].data == 3 &&
          ev[0].udata == (void *)0xabc && ev[1].data == 0x5555555555555555, "n=%ld data=%jd", n, (intmax_t)ev[0].data);
    close(p[0]); close(p[1]); close(kq);
}
