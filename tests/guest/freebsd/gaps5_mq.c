/* POSIX message queues under lsl2 (kmq_*): prints "mq ok" or "mq FAIL: why".
 * Default and given attributes, EEXIST/ENOENT/EINVAL names, priority order,
 * EMSGSIZE, O_NONBLOCK through mq_setattr (EAGAIN), a timed receive
 * (ETIMEDOUT), mq_notify with SIGEV_SIGNAL (si_code SI_MESGQ, si_value), a
 * message from a forked child that opened the queue by name, unlink. */
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHECK(cond, ...) do { if (!(cond)) { printf("mq FAIL: "); printf(__VA_ARGS__); printf("\n"); return 1; } } while (0)

static volatile sig_atomic_t got_sig, got_code, got_value;
static void on_usr1(int s, siginfo_t *si, void *uc)
{
    (void)s; (void)uc;
    got_code = si->si_code;
    got_value = si->si_value.sival_int;
    got_sig++;
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    const char *q = "/gaps5q", *q2 = "/gaps5q2";
    mq_unlink(q);
    mq_unlink(q2);
    mqd_t m = mq_open(q, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
    CHECK(m != (mqd_t)-1, "mq_open: %s", strerror(errno));
    struct mq_attr a;
    CHECK(mq_getattr(m, &a) == 0, "mq_getattr: %s", strerror(errno));
    CHECK(a.mq_maxmsg == 10 && a.mq_msgsize == 1024 && a.mq_curmsgs == 0 && a.mq_flags == 0,
          "default attributes: %ld %ld %ld %ld", a.mq_maxmsg, a.mq_msgsize, a.mq_curmsgs, a.mq_flags);
    CHECK(mq_open(q, O_CREAT | O_EXCL | O_RDWR, 0600, NULL) == (mqd_t)-1 && errno == EEXIST, "EEXIST: %s", strerror(errno));
    CHECK(mq_open("/gaps5-none", O_RDWR) == (mqd_t)-1 && errno == ENOENT, "ENOENT: %s", strerror(errno));
    CHECK(mq_open("noslash", O_RDWR | O_CREAT, 0600, NULL) == (mqd_t)-1 && errno == EINVAL, "no slash: %s", strerror(errno));
    CHECK(mq_open("/a/b", O_RDWR | O_CREAT, 0600, NULL) == (mqd_t)-1 && errno == EINVAL, "two slashes: %s", strerror(errno));

    struct mq_attr want = { .mq_maxmsg = 4, .mq_msgsize = 64 };
    mqd_t m2 = mq_open(q2, O_CREAT | O_RDWR, 0600, &want);
    CHECK(m2 != (mqd_t)-1 && mq_getattr(m2, &a) == 0 && a.mq_maxmsg == 4 && a.mq_msgsize == 64,
          "given attributes: %s %ld %ld", strerror(errno), a.mq_maxmsg, a.mq_msgsize);
    mq_close(m2);
    CHECK(mq_unlink(q2) == 0, "mq_unlink: %s", strerror(errno));
    CHECK(mq_unlink(q2) == -1 && errno == ENOENT, "mq_unlink twice: %s", strerror(errno));

    /* priority order */
    CHECK(mq_send(m, "one", 4, 1) == 0 && mq_send(m, "five", 5, 5) == 0 && mq_send(m, "three", 6, 3) == 0,
          "mq_send: %s", strerror(errno));
    CHECK(mq_getattr(m, &a) == 0 && a.mq_curmsgs == 3, "curmsgs %ld", a.mq_curmsgs);
    char buf[1024];
    unsigned prio;
    CHECK(mq_receive(m, buf, 10, &prio) == -1 && errno == EMSGSIZE, "small buffer: %s", strerror(errno));
    const char *order[] = { "five", "three", "one" };
    unsigned prios[] = { 5, 3, 1 };
    for (int i = 0; i < 3; i++) {
        ssize_t n = mq_receive(m, buf, sizeof buf, &prio);
        CHECK(n == (ssize_t)strlen(order[i]) + 1 && !strcmp(buf, order[i]) && prio == prios[i],
              "message %d: %zd '%s' prio %u", i, n, n > 0 ? buf : "", prio);
    }
    /* O_NONBLOCK through mq_setattr */
    struct mq_attr nb = { .mq_flags = O_NONBLOCK }, old;
    CHECK(mq_setattr(m, &nb, &old) == 0 && old.mq_flags == 0, "mq_setattr: %s, old flags %ld", strerror(errno), old.mq_flags);
    CHECK(mq_getattr(m, &a) == 0 && a.mq_flags == O_NONBLOCK, "flags after setattr: %ld", a.mq_flags);
    CHECK(mq_receive(m, buf, sizeof buf, NULL) == -1 && errno == EAGAIN, "empty non-blocking: %s", strerror(errno));
    nb.mq_flags = 0;
    CHECK(mq_setattr(m, &nb, &old) == 0 && old.mq_flags == O_NONBLOCK, "back to blocking: old %ld", old.mq_flags);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 50000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    CHECK(mq_timedreceive(m, buf, sizeof buf, NULL, &ts) == -1 && errno == ETIMEDOUT, "timed receive: %s", strerror(errno));

    /* notification by signal when a message arrives in the empty queue */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = 99;
    CHECK(mq_notify(m, &ev) == 0, "mq_notify: %s", strerror(errno));
    CHECK(mq_notify(m, &ev) == -1 && errno == EBUSY, "second mq_notify: %s", strerror(errno));
    /* a forked child opens the queue by name and sends */
    pid_t pid = fork();
    if (pid == 0) {
        mqd_t c = mq_open(q, O_WRONLY);
        _exit(c != (mqd_t)-1 && mq_send(c, "from child", 11, 2) == 0 ? 0 : 1);
    }
    int st = 0;
    while (waitpid(pid, &st, 0) == -1 && errno == EINTR)
        ;   /* the notification may interrupt it */
    CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "child: status %#x", st);
    for (int i = 0; i < 500 && !got_sig; i++)
        usleep(10000);
    CHECK(got_sig == 1 && got_code == SI_MESGQ && got_value == 99, "notification: %d signals, si_code %d, value %d",
          (int)got_sig, (int)got_code, (int)got_value);
    ssize_t n = mq_receive(m, buf, sizeof buf, &prio);
    CHECK(n == 11 && !strcmp(buf, "from child") && prio == 2, "child's message: %zd", n);
    mq_close(m);
    CHECK(mq_unlink(q) == 0, "mq_unlink: %s", strerror(errno));
    printf("mq ok\n");
    return 0;
}
