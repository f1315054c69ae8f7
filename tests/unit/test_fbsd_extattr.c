/* Unit tests for abi/freebsd/extattr.c: namespace prefixes and the Linux ->
 * FreeBSD attribute list conversion. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "abi/freebsd/extattr.h"

static void test_prefix(void **state)
{
    (void)state;
    assert_string_equal(fbsd_extattr_prefix(FBSD_EXTATTR_NAMESPACE_USER), "user.");
    assert_string_equal(fbsd_extattr_prefix(FBSD_EXTATTR_NAMESPACE_SYSTEM), "trusted.");
    assert_null(fbsd_extattr_prefix(FBSD_EXTATTR_NAMESPACE_EMPTY));
    assert_null(fbsd_extattr_prefix(3));
    assert_null(fbsd_extattr_prefix(-1));
}

static void test_list(void **state)
{
    (void)state;
    static const char lin[] = "user.a\0security.selinux\0user.color\0trusted.t\0user.\0";
    unsigned char out[64];
    memset(out, 0xee, sizeof out);
    size_t n = fbsd_extattr_list_from_linux(FBSD_EXTATTR_NAMESPACE_USER, lin, sizeof lin - 1, out, sizeof out);
    assert_int_equal(n, 2 + 6);
    assert_memory_equal(out, "\001a\005color", 8);
    assert_int_equal(out[8], 0xee);
    n = fbsd_extattr_list_from_linux(FBSD_EXTATTR_NAMESPACE_SYSTEM, lin, sizeof lin - 1, out, sizeof out);
    assert_int_equal(n, 2);
    assert_memory_equal(out, "\001t", 2);
    /* size query and a short buffer: the full length, only cap bytes written */
    assert_int_equal(fbsd_extattr_list_from_linux(FBSD_EXTATTR_NAMESPACE_USER, lin, sizeof lin - 1, NULL, 0), 8);
    memset(out, 0xee, sizeof out);
    assert_int_equal(fbsd_extattr_list_from_linux(FBSD_EXTATTR_NAMESPACE_USER, lin, sizeof lin - 1, out, 3), 8);
    assert_memory_equal(out, "\001a\005", 3);
    assert_int_equal(out[3], 0xee);
    /* a list without a final NUL, an unknown namespace, an empty list */
    assert_int_equal(fbsd_extattr_list_from_linux(FBSD_EXTATTR_NAMESPACE_USER, "user.xy", 7, out, sizeof out), 3);
    assert_int_equal(fbsd_extattr_list_from_linux(9, lin, sizeof lin - 1, out, sizeof out), 0);
    assert_int_equal(fbsd_extattr_list_from_linux(FBSD_EXTATTR_NAMESPACE_USER, "", 0, out, sizeof out), 0);
}

static void test_long_name_left_out(void **state)
{
    (void)state;
    char lin[300 + 16];
    memset(lin, 0, sizeof lin);
    memcpy(lin, "user.", 5);
    memset(lin + 5, 'n', 256);          /* 256 > the length byte's FreeBSD limit 255 */
    size_t len = 5 + 256 + 1;
    memcpy(lin + len, "user.ok", 8);
    len += 8;
    unsigned char out[16];
    assert_int_equal(fbsd_extattr_list_from_linux(FBSD_EXTATTR_NAMESPACE_USER, lin, len, out, sizeof out), 3);
    assert_memory_equal(out, "\002ok", 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_list),
        cmocka_unit_test(test_long_name_left_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
