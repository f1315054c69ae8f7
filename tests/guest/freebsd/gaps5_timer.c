/* POSIX timers and interval timers under lsl2: one subtest per argument, each
 * printing "NAME ok" or "NAME FAIL: why".
 *   signal   timer_create(CLOCK_MONOTONIC, SIGEV_SIGNAL SIGUSR1, value 77): a
 *            periodic 10 ms timer ticks a SA_SIGINFO handler that sees si_code
 *            SI_TIMER and si_value 77; timer_gettime, timer_getoverrun,
 *            timer_delete (twice: EINVAL); bad clock / notify: EINVAL
 *   none     SIGEV_NONE: armed for 1 s, timer_gettime counts down, no signal
 *   thread   SIGEV_THREAD: libc's helper thread (SIGEV_THREAD_ID underneath) calls
 *            the function with the value, three times
 *   itimer   setitimer(ITIMER_REAL, 20 ms period): SIGALRM three times;
 *            getitimer gives the period back; disarmed by a zero value */
#include <sys/types.h>
#include <sys/time.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHECK(name, cond, ...) do { if (!(cond)) { printf("%s FAIL: ", name); printf(__VA_ARGS__); printf("\n"); return; } } while (0)

static volatile sig_atomic_t ticks, bad_code, bad_value;
static void on_tick(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    if (sig != SIGUSR1 || si->si_signo != SIGUSR1 || si->si_code != SI_TIMER)
        bad_code = si->si_code ? si->si_code : -1;
    if (si->si_value.sival_int != 77)
        bad_value = si->si_value.sival_int ? si->si_value.sival_int : -1;
    ticks++;
}

/* waits (up to 5 s) until *counter reaches n, with the signal unblocked only in
 * sigsuspend */
static int wait_for(volatile sig_atomic_t *counter, int n, int sig)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, sig);
    sigprocmask(SIG_BLOCK, &block, &old);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    while (*counter < n) {
        sigset_t wait = old;
        sigdelset(&wait, sig);
        sigsuspend(&wait);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        if (t1.tv_sec - t0.tv_sec > 5)
            break;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    return *counter >= n;
}

static void t_signal(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_tick;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = SIGUSR1;
    ev.sigev_value.sival_int = 77;
    timer_t tm;
    CHECK("signal", timer_create(CLOCK_MONOTONIC, &ev, &tm) == 0, "timer_create: %s", strerror(errno));
    struct itimerspec its = { { 0, 10000000 }, { 0, 10000000 } }, got;
    CHECK("signal", timer_settime(tm, 0, &its, NULL) == 0, "timer_settime: %s", strerror(errno));
    CHECK("signal", timer_gettime(tm, &got) == 0, "timer_gettime: %s", strerror(errno));
    CHECK("signal", got.it_interval.tv_sec == 0 && got.it_interval.tv_nsec == 10000000 &&
          got.it_value.tv_sec == 0 && got.it_value.tv_nsec <= 10000000,
          "timer_gettime: interval %ld.%09ld value %ld.%09ld", (long)got.it_interval.tv_sec,
          got.it_interval.tv_nsec, (long)got.it_value.tv_sec, got.it_value.tv_nsec);
    int ok = wait_for(&ticks, 5, SIGUSR1);
    CHECK("signal", ok, "%d ticks in 5 s", (int)ticks);
    CHECK("signal", !bad_code && !bad_value, "si_code %d (want SI_TIMER %d), si_value %d",
          (int)bad_code, SI_TIMER, (int)bad_value);
    CHECK("signal", timer_getoverrun(tm) >= 0, "timer_getoverrun: %s", strerror(errno));
    /* an absolute time in the past fires at once */
    struct itimerspec abs = { { 0, 0 }, { 1, 0 } };
    int before = ticks;
    CHECK("signal", timer_settime(tm, TIMER_ABSTIME, &abs, &got) == 0, "TIMER_ABSTIME: %s", strerror(errno));
    CHECK("signal", got.it_interval.tv_nsec == 10000000, "old value's interval %ld", got.it_interval.tv_nsec);
    CHECK("signal", wait_for(&ticks, before + 1, SIGUSR1), "an absolute time in the past did not fire");
    CHECK("signal", timer_delete(tm) == 0, "timer_delete: %s", strerror(errno));
    /* librt's timer_t is its own struct: the kernel's answers show on a raw id */
    extern int ktimer_delete(int);
    CHECK("signal", ktimer_delete(12345) == -1 && errno == EINVAL, "ktimer_delete(12345): %s", strerror(errno));
    CHECK("signal", timer_create((clockid_t)1000, &ev, &tm) == -1 && errno == EINVAL, "clock 1000: %s", strerror(errno));
    ev.sigev_notify = 99;
    CHECK("signal", timer_create(CLOCK_REALTIME, &ev, &tm) == -1 && errno == EINVAL, "notify 99: %s", strerror(errno));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = 0;
    CHECK("signal", timer_create(CLOCK_REALTIME, &ev, &tm) == -1 && errno == EINVAL, "signal 0: %s", strerror(errno));
    printf("signal ok\n");
}

static void t_none(void)
{
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_NONE;
    timer_t tm;
    CHECK("none", timer_create(CLOCK_REALTIME, &ev, &tm) == 0, "timer_create: %s", strerror(errno));
    struct itimerspec its = { { 0, 0 }, { 1, 0 } }, got;
    CHECK("none", timer_settime(tm, 0, &its, NULL) == 0, "timer_settime: %s", strerror(errno));
    usleep(20000);
    CHECK("none", timer_gettime(tm, &got) == 0, "timer_gettime: %s", strerror(errno));
    CHECK("none", got.it_value.tv_sec == 0 && got.it_value.tv_nsec > 0 && got.it_value.tv_nsec < 990000000,
          "counts down: %ld.%09ld", (long)got.it_value.tv_sec, got.it_value.tv_nsec);
    CHECK("none", timer_delete(tm) == 0, "timer_delete: %s", strerror(errno));
    printf("none ok\n");
}

static atomic_int calls, wrong;
static void on_thread(union sigval v)
{
    if (v.sival_int != 5150)
        wrong++;
    calls++;
}
static void t_thread(void)
{
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD;
    ev.sigev_notify_function = on_thread;
    ev.sigev_value.sival_int = 5150;
    timer_t tm;
    CHECK("thread", timer_create(CLOCK_MONOTONIC, &ev, &tm) == 0, "timer_create: %s", strerror(errno));
    struct itimerspec its = { { 0, 10000000 }, { 0, 10000000 } };
    CHECK("thread", timer_settime(tm, 0, &its, NULL) == 0, "timer_settime: %s", strerror(errno));
    for (int i = 0; i < 500 && calls < 3; i++)
        usleep(10000);
    timer_delete(tm);
    CHECK("thread", calls >= 3 && !wrong, "%d calls (%d with a wrong value)", (int)calls, (int)wrong);
    printf("thread ok\n");
}

static volatile sig_atomic_t alarms;
static void on_alarm(int s) { (void)s; alarms++; }
static void t_itimer(void)
{
    signal(SIGALRM, on_alarm);
    struct itimerval it = { { 0, 20000 }, { 0, 20000 } }, got;
    CHECK("itimer", setitimer(ITIMER_REAL, &it, NULL) == 0, "setitimer: %s", strerror(errno));
    CHECK("itimer", getitimer(ITIMER_REAL, &got) == 0 && got.it_interval.tv_usec == 20000 &&
          got.it_value.tv_usec <= 20000, "getitimer: interval %ld value %ld", (long)got.it_interval.tv_usec,
          (long)got.it_value.tv_usec);
    CHECK("itimer", wait_for(&alarms, 3, SIGALRM), "%d alarms in 5 s", (int)alarms);
    struct itimerval zero = { { 0, 0 }, { 0, 0 } };
    CHECK("itimer", setitimer(ITIMER_REAL, &zero, &got) == 0 && got.it_interval.tv_usec == 20000,
          "disarm: %s, old interval %ld", strerror(errno), (long)got.it_interval.tv_usec);
    CHECK("itimer", getitimer(ITIMER_REAL, &got) == 0 && got.it_value.tv_sec == 0 && got.it_value.tv_usec == 0,
          "still armed");
    CHECK("itimer", setitimer(7, &it, NULL) == -1 && errno == EINVAL, "which 7: %s", strerror(errno));
    printf("itimer ok\n");
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "signal"))
            t_signal();
        else if (!strcmp(argv[i], "none"))
            t_none();
        else if (!strcmp(argv[i], "thread"))
            t_thread();
        else if (!strcmp(argv[i], "itimer"))
            t_itimer();
        else
            printf("%s FAIL: no such subtest\n", argv[i]);
    }
    return 0;
}
