/* Pure parts of FreeBSD threads: _umtx_time timeouts as futex waits, the new
 * thread's stack pointer, struct layouts (FreeBSD 13.2 numbers). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "abi/freebsd/umtx.h"
#include "abi/freebsd/thr.h"
#include "abi/freebsd/time.h"

static struct fbsd_umtx_time ut(int64_t s, int64_t ns, uint32_t flags, uint32_t clk)
{
    struct fbsd_umtx_time u;
    memset(&u, 0, sizeof u);
    u._timeout.tv_sec = s;
    u._timeout.tv_nsec = ns;
    u._flags = flags;
    u._clockid = clk;
    return u;
}

static void no_timeout(void **state)
{
    (void)state;
    struct fbsd_futex_wait w;
    assert_int_equal(fbsd_umtx_wait_plan(NULL, &w), 0);
    assert_int_equal(w.op, FUTEX_WAIT);
    assert_false(w.has_ts);
}

static void relative(void **state)
{
    (void)state;
    struct fbsd_futex_wait w;
    struct fbsd_umtx_time u = ut(2, 500, 0, FBSD_CLOCK_MONOTONIC);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), 0);
    assert_int_equal(w.op, FUTEX_WAIT);
    assert_true(w.has_ts);
    assert_int_equal(w.ts.tv_sec, 2);
    assert_int_equal(w.ts.tv_nsec, 500);
}

static void absolute_clocks(void **state)
{
    (void)state;
    struct fbsd_futex_wait w;
    struct fbsd_umtx_time u = ut(100, 0, FBSD_UMTX_ABSTIME, FBSD_CLOCK_REALTIME);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), 0);
    assert_int_equal(w.op, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME);
    u = ut(100, 0, FBSD_UMTX_ABSTIME, FBSD_CLOCK_REALTIME_FAST);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), 0);
    assert_int_equal(w.op, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME);
    u = ut(100, 0, FBSD_UMTX_ABSTIME, FBSD_CLOCK_MONOTONIC);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), 0);
    assert_int_equal(w.op, FUTEX_WAIT_BITSET);
    u = ut(100, 0, FBSD_UMTX_ABSTIME, FBSD_CLOCK_UPTIME);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), 0);
    assert_int_equal(w.op, FUTEX_WAIT_BITSET);
    /* CPU-time clocks: no futex can sleep on them */
    u = ut(100, 0, FBSD_UMTX_ABSTIME, FBSD_CLOCK_THREAD_CPUTIME_ID);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), -EINVAL);
    u = ut(100, 0, FBSD_UMTX_ABSTIME, 9999);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), -EINVAL);
}

static void invalid(void **state)
{
    (void)state;
    struct fbsd_futex_wait w;
    struct fbsd_umtx_time u = ut(-1, 0, 0, 0);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), -EINVAL);
    u = ut(0, 1000000000, 0, 0);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), -EINVAL);
    u = ut(0, -1, FBSD_UMTX_ABSTIME, 0);
    assert_int_equal(fbsd_umtx_wait_plan(&u, &w), -EINVAL);
}

static void time_len(void **state)
{
    (void)state;
    /* kern_umtx.c: a size up to a timespec's is a bare timespec */
    assert_int_equal(fbsd_umtx_time_len(0), 16);
    assert_int_equal(fbsd_umtx_time_len(16), 16);
    assert_int_equal(fbsd_umtx_time_len(24), 24);
    assert_int_equal(fbsd_umtx_time_len(1000), 24);
}

static void start_rsp(void **state)
{
    (void)state;
    /* cpu_set_upcall: ((base + size) & ~15) - 8 */
    assert_int_equal(fbsd_thr_start_rsp(0x10000, 0x8000), 0x17ff8);
    assert_int_equal(fbsd_thr_start_rsp(0x10003, 0x8000), 0x17ff8);
    assert_int_equal(fbsd_thr_start_rsp(0x1000f, 0x8001), 0x18008);
}

static void layouts(void **state)
{
    (void)state;
    /* sys/thr.h, sys/_umtx.h on amd64 */
    assert_int_equal(offsetof(struct fbsd_thr_param, stack_base), 16);
    assert_int_equal(offsetof(struct fbsd_thr_param, tls_base), 32);
    assert_int_equal(offsetof(struct fbsd_thr_param, child_tid), 48);
    assert_int_equal(offsetof(struct fbsd_thr_param, parent_tid), 56);
    assert_int_equal(offsetof(struct fbsd_umutex, m_flags), 4);
    assert_int_equal(offsetof(struct fbsd_ucond, c_flags), 4);
    assert_int_equal(offsetof(struct fbsd_urwlock, rw_flags), 4);
    assert_int_equal(offsetof(struct fbsd_usem2, _flags), 4);
    assert_int_equal(offsetof(struct fbsd_umtx_time, _clockid), 20);
    /* the bits the futex helpers touch: CONTESTED is bit 31, the rwlock waiter bits 30 and 29 */
    assert_int_equal(FBSD_UMUTEX_CONTESTED, 1u << 31);
    assert_int_equal(FBSD_USEM_HAS_WAITERS, 1u << 31);
    assert_int_equal(FBSD_URWLOCK_WRITE_WAITERS, 1u << 30);
    assert_int_equal(FBSD_URWLOCK_READ_WAITERS, 1u << 29);
    assert_int_equal(FBSD_UMTX_OP_SEM2_WAKE, 24);
    assert_int_equal(FBSD_UMTX_OP_ROBUST_LISTS, 26);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_timeout),
        cmocka_unit_test(relative),
        cmocka_unit_test(absolute_clocks),
        cmocka_unit_test(invalid),
        cmocka_unit_test(time_len),
        cmocka_unit_test(start_rsp),
        cmocka_unit_test(layouts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
