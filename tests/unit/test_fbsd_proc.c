/* Pure translations of the FreeBSD process domain: rfork flags as clone flags,
 * clock ids (including clock_getcpuclockid2's CPU-time ids) as Linux's. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <time.h>
#include <cmocka.h>
#include "personalities/freebsd/freebsd.h"

enum { RFFDG = 1 << 2, RFPROC = 1 << 4, RFMEM = 1 << 5, RFNOWAIT = 1 << 6, RFCFDG = 1 << 12,
       RFTHREAD = 1 << 13, RFSIGSHARE = 1 << 14, RFTSIGZMB = 1 << 19 };
#define RFSPAWN (1u << 31)
#define RFTSIG(n) ((uint32_t)(n) << 20)

static void rfork_flags(void **state)
{
    (void)state;
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFFDG), SIGCHLD);
    assert_int_equal(fbsd_rfork_to_clone(RFPROC), CLONE_FILES | SIGCHLD);
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFFDG | RFMEM), CLONE_VM | SIGCHLD);
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFMEM | RFSIGSHARE | RFTHREAD),
                     CLONE_VM | CLONE_FILES | CLONE_SIGHAND | SIGCHLD);
    assert_int_equal(fbsd_rfork_to_clone(RFSPAWN), CLONE_VM | CLONE_VFORK | SIGCHLD);
    /* FreeBSD's SIGUSR1 (30) is Linux's 10; signal 0: no exit signal */
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFFDG | RFTSIGZMB | RFTSIG(30)), SIGUSR1);
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFFDG | RFTSIGZMB), 0);
    assert_int_equal(fbsd_rfork_to_clone(RFFDG), -EINVAL);                 /* no RFPROC */
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFCFDG), -EINVAL);
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFNOWAIT), -EINVAL);
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFSIGSHARE), -EINVAL);    /* no shared memory */
    assert_int_equal(fbsd_rfork_to_clone(RFSPAWN | RFPROC), -EINVAL);
    assert_int_equal(fbsd_rfork_to_clone(RFPROC | RFTSIG(30)), -EINVAL);    /* signal without RFTSIGZMB */
}

static void clock_ids(void **state)
{
    (void)state;
    assert_int_equal(fbsd_clock_to_linux(0), CLOCK_REALTIME);
    assert_int_equal(fbsd_clock_to_linux(4), CLOCK_MONOTONIC);
    assert_int_equal(fbsd_clock_to_linux(5), CLOCK_MONOTONIC);          /* CLOCK_UPTIME */
    assert_int_equal(fbsd_clock_to_linux(12), CLOCK_MONOTONIC_COARSE);  /* CLOCK_MONOTONIC_FAST */
    assert_int_equal(fbsd_clock_to_linux(13), CLOCK_REALTIME_COARSE);   /* CLOCK_SECOND */
    assert_int_equal(fbsd_clock_to_linux(15), CLOCK_PROCESS_CPUTIME_ID);
    assert_int_equal(fbsd_clock_to_linux(3), -1);
    assert_int_equal(fbsd_clock_to_linux(99), -1);
    /* process 1234: Linux MAKE_PROCESS_CPUCLOCK(1234, CPUCLOCK_SCHED) */
    assert_int_equal(fbsd_clock_to_linux(0x80000000u | 0x40000000u | 1234), (long)((~1234) * 8 + 2));
    /* thread 100000 + 77: MAKE_THREAD_CPUCLOCK(77, CPUCLOCK_SCHED) */
    assert_int_equal(fbsd_clock_to_linux(0x80000000u | (FBSD_TID_BASE + 77)), (long)((~77) * 8 + 6));
    assert_int_equal(fbsd_clock_to_linux(0x80000000u | 5), -1);         /* not a thread id */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rfork_flags),
        cmocka_unit_test(clock_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
