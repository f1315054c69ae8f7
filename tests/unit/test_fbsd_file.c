/* Unit tests: the pure parts of the FreeBSD file handlers — UTIME_NOW/OMIT and
 * timeval conversion (abi/freebsd/utime.c), AT_* flag checks (path.c). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/utime.h"
#include "personalities/freebsd/file.h"

static void utime_markers(void **state)
{
    (void)state;
    struct fbsd_timespec in[2] = { { 5, FBSD_UTIME_NOW }, { 7, FBSD_UTIME_OMIT } };
    struct fbsd_host_timespec out[2];
    fbsd_utimens_to_linux(out, in);
    assert_int_equal(out[0].tv_nsec, UTIME_NOW);
    assert_int_equal(out[1].tv_nsec, UTIME_OMIT);
    assert_int_equal(out[0].tv_sec, 5);
    assert_int_equal(out[1].tv_sec, 7);
}

static void utime_plain_and_invalid(void **state)
{
    (void)state;
    /* Linux's own markers are invalid nanoseconds for FreeBSD: must not become "now". */
    struct fbsd_timespec in[2] = { { 1, 999999999 }, { 2, UTIME_NOW } };
    struct fbsd_host_timespec out[2];
    fbsd_utimens_to_linux(out, in);
    assert_int_equal(out[0].tv_nsec, 999999999);
    assert_int_equal(out[1].tv_nsec, -1);
    in[1].tv_nsec = 1000000000;
    fbsd_utimens_to_linux(out, in);
    assert_int_equal(out[1].tv_nsec, -1);
}

static void timevals(void **state)
{
    (void)state;
    struct fbsd_timeval in[2] = { { 10, 500000 }, { 20, 1000000 } };
    struct fbsd_host_timespec out[2];
    fbsd_timevals_to_linux(out, in);
    assert_int_equal(out[0].tv_sec, 10);
    assert_int_equal(out[0].tv_nsec, 500000000);
    assert_int_equal(out[1].tv_nsec, -1);
}

static void at_flags(void **state)
{
    (void)state;
    assert_int_equal(fbsd_at_flags_host(FBSD_AT_REMOVEDIR, FBSD_AT_REMOVEDIR), AT_REMOVEDIR);
    assert_int_equal(fbsd_at_flags_host(FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_EMPTY_PATH,
                                        FBSD_AT_SYMLINK_NOFOLLOW | FBSD_AT_EMPTY_PATH),
                     AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH);
    assert_int_equal(fbsd_at_flags_host(FBSD_AT_EACCESS, FBSD_AT_EACCESS), AT_EACCESS);
    assert_int_equal(fbsd_at_flags_host(0, 0), 0);
    /* a flag the call does not take, an unknown bit, AT_RESOLVE_BENEATH */
    assert_int_equal(fbsd_at_flags_host(FBSD_AT_REMOVEDIR, FBSD_AT_SYMLINK_NOFOLLOW), -EINVAL);
    assert_int_equal(fbsd_at_flags_host(0x1, 0xffffffff), -EINVAL);
    assert_int_equal(fbsd_at_flags_host(FBSD_AT_RESOLVE_BENEATH, FBSD_AT_RESOLVE_BENEATH), -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utime_markers),
        cmocka_unit_test(utime_plain_and_invalid),
        cmocka_unit_test(timevals),
        cmocka_unit_test(at_flags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
