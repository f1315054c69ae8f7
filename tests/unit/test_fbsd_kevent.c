/* Unit tests for abi/freebsd/kevent.c: both struct kevent layouts, timer units,
 * EVFILT_USER fflags control, and the --trace rendering of a kevent. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "abi/freebsd/kevent.h"

static void test_layout_new(void **state)
{
    (void)state;
    /* bytes as FreeBSD lays them out: ident, filter, flags, fflags, data, udata, ext[4] */
    unsigned char raw[64];
    memset(raw, 0, sizeof raw);
    uint64_t ident = 7, udata = 0x1234;
    int16_t filter = FBSD_EVFILT_WRITE;
    uint16_t flags = FBSD_EV_ADD | FBSD_EV_CLEAR;
    uint32_t fflags = 0x55;
    int64_t data = -3;
    uint64_t ext3 = 0xfeed;
    memcpy(raw, &ident, 8); memcpy(raw + 8, &filter, 2); memcpy(raw + 10, &flags, 2);
    memcpy(raw + 12, &fflags, 4); memcpy(raw + 16, &data, 8); memcpy(raw + 24, &udata, 8);
    memcpy(raw + 56, &ext3, 8);
    struct fbsd_kevent k;
    fbsd_kevent_from_guest(&k, raw, 0);
    assert_int_equal(k.ident, 7);
    assert_int_equal(k.filter, FBSD_EVFILT_WRITE);
    assert_int_equal(k.flags, FBSD_EV_ADD | FBSD_EV_CLEAR);
    assert_int_equal(k.fflags, 0x55);
    assert_int_equal(k.data, -3);
    assert_int_equal(k.udata, 0x1234);
    assert_int_equal(k.ext[3], 0xfeed);
    unsigned char back[64];
    fbsd_kevent_to_guest(back, &k, 0);
    assert_memory_equal(back, raw, 64);
    assert_int_equal(fbsd_kevent_size(0), 64);
}

static void test_layout_old(void **state)
{
    (void)state;
    unsigned char raw[32], guard[8];
    memset(raw, 0, sizeof raw);
    uint64_t ident = 3, udata = 0xabc;
    int16_t filter = FBSD_EVFILT_READ;
    int64_t data = 42;
    memcpy(raw, &ident, 8); memcpy(raw + 8, &filter, 2); memcpy(raw + 16, &data, 8);
    memcpy(raw + 24, &udata, 8);
    struct fbsd_kevent k;
    memset(&k, 0x77, sizeof k);
    fbsd_kevent_from_guest(&k, raw, 1);
    assert_int_equal(k.ident, 3);
    assert_int_equal(k.filter, FBSD_EVFILT_READ);
    assert_int_equal(k.data, 42);
    assert_int_equal(k.udata, 0xabc);
    assert_int_equal(k.ext[0], 0);      /* no ext[] in the old layout */
    unsigned char back[40];
    memset(back, 0xee, sizeof back);
    memset(guard, 0xee, sizeof guard);
    k.ext[0] = 99;
    fbsd_kevent_to_guest(back, &k, 1);
    assert_memory_equal(back, raw, 32);
    assert_memory_equal(back + 32, guard, 8);   /* 32 bytes written, not 64 */
    assert_int_equal(fbsd_kevent_size(1), 32);
}

static void test_timer_units(void **state)
{
    (void)state;
    assert_int_equal(fbsd_timer_to_ns(5, 0), 5000000);                       /* milliseconds by default */
    assert_int_equal(fbsd_timer_to_ns(5, FBSD_NOTE_MSECONDS), 5000000);
    assert_int_equal(fbsd_timer_to_ns(2, FBSD_NOTE_SECONDS), 2000000000);
    assert_int_equal(fbsd_timer_to_ns(7, FBSD_NOTE_USECONDS), 7000);
    assert_int_equal(fbsd_timer_to_ns(9, FBSD_NOTE_NSECONDS), 9);
    assert_int_equal(fbsd_timer_to_ns(9, FBSD_NOTE_NSECONDS | FBSD_NOTE_ABSTIME), 9);
    assert_int_equal(fbsd_timer_to_ns(1, FBSD_NOTE_SECONDS | FBSD_NOTE_USECONDS), -1);
    assert_int_equal(fbsd_timer_to_ns(-1, 0), -1);
    assert_int_equal(fbsd_timer_to_ns(INT64_MAX / 2, FBSD_NOTE_SECONDS), INT64_MAX);
}

static void test_user_fflags(void **state)
{
    (void)state;
    assert_int_equal(fbsd_user_fflags_apply(0x0f, FBSD_NOTE_FFNOP | 0xf0), 0x0f);
    assert_int_equal(fbsd_user_fflags_apply(0x0f, FBSD_NOTE_FFAND | 0x03), 0x03);
    assert_int_equal(fbsd_user_fflags_apply(0x0f, FBSD_NOTE_FFOR | 0x30), 0x3f);
    assert_int_equal(fbsd_user_fflags_apply(0x0f, FBSD_NOTE_FFCOPY | 0x30), 0x30);
    /* NOTE_TRIGGER is not a saved flag */
    assert_int_equal(fbsd_user_fflags_apply(0, FBSD_NOTE_FFCOPY | FBSD_NOTE_TRIGGER | 0x1), 0x1);
}

static void test_format(void **state)
{
    (void)state;
    struct fbsd_kevent k = { .ident = 5, .filter = FBSD_EVFILT_READ,
                             .flags = FBSD_EV_ADD | FBSD_EV_CLEAR | FBSD_EV_EOF, .data = 12, .udata = 0x10 };
    char buf[200];
    fbsd_kevent_format(buf, sizeof buf, &k);
    assert_string_equal(buf, "{ident=5, EVFILT_READ, EV_ADD|EV_CLEAR|EV_EOF, fflags=0, data=12, udata=0x10}");
    k.filter = -99;
    k.flags = 0;
    fbsd_kevent_format(buf, sizeof buf, &k);
    assert_string_equal(buf, "{ident=5, -99, 0, fflags=0, data=12, udata=0x10}");
    assert_string_equal(fbsd_evfilt_name(FBSD_EVFILT_USER), "EVFILT_USER");
    assert_null(fbsd_evfilt_name(1));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_new),
        cmocka_unit_test(test_layout_old),
        cmocka_unit_test(test_timer_units),
        cmocka_unit_test(test_user_fflags),
        cmocka_unit_test(test_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
