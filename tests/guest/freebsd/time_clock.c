/* FreeBSD guest: clock ids (MONOTONIC is 4, UPTIME, _FAST/_PRECISE, SECOND,
 * VIRTUAL, PROF, CPU-time clocks), clock_getres, gettimeofday, nanosleep and
 * clock_nanosleep (which returns its error number), and error paths.
 * Prints "check NAME ok|FAIL(...)" lines and "fails N". */
#include <sys/types.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include "check_fmt.h"

static long ns(const struct timespec *t) { return t->tv_sec * 1000000000L + t->tv_nsec; }

int main(void)
{
    struct timespec a, b, r;
    struct { const char *name; clockid_t id; } clocks[] = {
        { "CLOCK_REALTIME", CLOCK_REALTIME }, { "CLOCK_MONOTONIC", CLOCK_MONOTONIC },
        { "CLOCK_UPTIME", CLOCK_UPTIME }, { "CLOCK_UPTIME_PRECISE", CLOCK_UPTIME_PRECISE },
        { "CLOCK_UPTIME_FAST", CLOCK_UPTIME_FAST }, { "CLOCK_REALTIME_PRECISE", CLOCK_REALTIME_PRECISE },
        { "CLOCK_REALTIME_FAST", CLOCK_REALTIME_FAST }, { "CLOCK_MONOTONIC_PRECISE", CLOCK_MONOTONIC_PRECISE },
        { "CLOCK_MONOTONIC_FAST", CLOCK_MONOTONIC_FAST }, { "CLOCK_SECOND", CLOCK_SECOND },
        { "CLOCK_VIRTUAL", CLOCK_VIRTUAL }, { "CLOCK_PROF", CLOCK_PROF },
        { "CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID },
        { "CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID },
    };
    char name[96];
    for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++) {
        snprintf(name, sizeof name, "clock_gettime(%s)", clocks[i].name);
        check(name, clock_gettime(clocks[i].id, &a) == 0 && a.tv_nsec >= 0 && a.tv_nsec < 1000000000L,
              "errno %ld nsec %ld", errno, a.tv_nsec);
        snprintf(name, sizeof name, "clock_getres(%s)", clocks[i].name);
        check(name, clock_getres(clocks[i].id, &r) == 0 && ns(&r) > 0, "errno %ld res %ld", errno, ns(&r));
    }
    /* the monotonic clocks count the same time */
    clock_gettime(CLOCK_MONOTONIC, &a);
    clock_gettime(CLOCK_UPTIME, &b);
    long d = ns(&b) - ns(&a);
    check("CLOCK_UPTIME follows CLOCK_MONOTONIC", d >= 0 && d < 100000000L, "diff %ld %ld", d, 0);
    struct timeval tv;
    clock_gettime(CLOCK_REALTIME, &a);
    check("gettimeofday", gettimeofday(&tv, NULL) == 0 && tv.tv_sec - a.tv_sec <= 1 && tv.tv_sec >= a.tv_sec,
          "%ld %ld", (long)tv.tv_sec, (long)a.tv_sec);
    check("CLOCK_SECOND has no nanoseconds", clock_gettime(CLOCK_SECOND, &a) == 0 && a.tv_nsec == 0 &&
          a.tv_sec >= tv.tv_sec - 1, "nsec %ld sec %ld", a.tv_nsec, (long)a.tv_sec);
    check("clock_getres(CLOCK_SECOND) is one second", clock_getres(CLOCK_SECOND, &r) == 0 && r.tv_sec == 1 &&
          r.tv_nsec == 0, "%ld %ld", (long)r.tv_sec, r.tv_nsec);
    /* burn some user time: CLOCK_VIRTUAL grows */
    clock_gettime(CLOCK_VIRTUAL, &a);
    volatile unsigned long x = 0;
    for (unsigned long i = 0; i < 200000000UL; i++) x += i;
    (void)x;
    clock_gettime(CLOCK_VIRTUAL, &b);
    check("CLOCK_VIRTUAL counts user time", ns(&b) > ns(&a), "%ld %ld", ns(&a), ns(&b));
    ERRNO_IS("clock_gettime(99): EINVAL", clock_gettime(99, &a), EINVAL);
    ERRNO_IS("clock_gettime with a bad pointer: EFAULT", clock_gettime(CLOCK_MONOTONIC, (struct timespec *)8), EFAULT);
    ERRNO_IS("clock_getres(99): EINVAL", clock_getres(99, &r), EINVAL);

    struct timespec req = { 0, 20000000 };
    clock_gettime(CLOCK_MONOTONIC, &a);
    check("nanosleep 20 ms", nanosleep(&req, NULL) == 0, "errno %ld %ld", errno, 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    check("nanosleep slept", ns(&b) - ns(&a) >= 20000000L, "%ld %ld", ns(&b) - ns(&a), 0);
    clock_gettime(CLOCK_MONOTONIC, &a);
    check("clock_nanosleep(CLOCK_MONOTONIC) 20 ms", clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL) == 0, "%ld %ld", 0, 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    check("clock_nanosleep slept", ns(&b) - ns(&a) >= 20000000L, "%ld %ld", ns(&b) - ns(&a), 0);
    clock_gettime(CLOCK_UPTIME, &a);
    struct timespec until = a;
    until.tv_nsec += 30000000;
    if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }
    check("clock_nanosleep(CLOCK_UPTIME, TIMER_ABSTIME)", clock_nanosleep(CLOCK_UPTIME, TIMER_ABSTIME, &until, NULL) == 0,
          "%ld %ld", 0, 0);
    clock_gettime(CLOCK_UPTIME, &b);
    check("... until the deadline", ns(&b) >= ns(&until), "%ld %ld", ns(&b), ns(&until));
    /* the system call itself returns the error number, carry clear */
    errno = 0;
    long rc = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0x10, &req, NULL);
    check("clock_nanosleep with bad flags returns EINVAL, errno untouched", rc == EINVAL && errno == 0,
          "ret %ld errno %ld", rc, errno);
    rc = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, (struct timespec *)8, NULL);
    check("clock_nanosleep with a bad pointer returns EFAULT", rc == EFAULT, "ret %ld errno %ld", rc, errno);
    struct timespec bad = { 0, 2000000000L };
    ERRNO_IS("nanosleep with 2e9 ns: EINVAL", nanosleep(&bad, NULL), EINVAL);
    printf("fails %d\n", fails);
    return fails != 0;
}
