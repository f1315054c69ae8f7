/* The INI file of a subsystem: lookups, repeated keys, edits that keep the rest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/ini.h"

static const char sample[] =
    "# hand-written comment\n"
    "[subsystem]\n"
    "path = rootfs\n"
    "  personality=freebsd   \n"
    "bind = /a:/b\n"
    "; another comment\n"
    "bind = /c\n"
    "pathology = not path\n";

static void test_get(void **state)
{
    (void)state;
    struct ini ini;
    char buf[64];
    assert_int_equal(ini_parse(&ini, sample), 0);
    assert_string_equal(ini_get(&ini, "path", buf, sizeof buf), "rootfs");
    assert_string_equal(ini_get(&ini, "personality", buf, sizeof buf), "freebsd");
    assert_string_equal(ini_get(&ini, "bind", buf, sizeof buf), "/c");       /* the last one */
    assert_string_equal(ini_get(&ini, "pathology", buf, sizeof buf), "not path");
    assert_null(ini_get(&ini, "network", buf, sizeof buf));
    assert_null(ini_get(&ini, "# hand-written comment", buf, sizeof buf));
    ini_free(&ini);
}

static int collect(const char *v, void *arg)
{
    char *out = arg;
    strcat(out, v);
    strcat(out, "|");
    return 0;
}

static void test_each(void **state)
{
    (void)state;
    struct ini ini;
    char all[128] = "";
    assert_int_equal(ini_parse(&ini, sample), 0);
    assert_int_equal(ini_each(&ini, "bind", collect, all), 0);
    assert_string_equal(all, "/a:/b|/c|");
    ini_free(&ini);
}

static int keyvals(const char *k, const char *v, void *arg)
{
    char *out = arg;
    strcat(out, k);
    strcat(out, "=");
    strcat(out, v);
    strcat(out, "|");
    return 0;
}

static void test_each_prefix(void **state)
{
    (void)state;
    struct ini ini;
    char all[128] = "";
    assert_int_equal(ini_parse(&ini, "env.PATH = /bin\nenvy = no\n env.TERM=vt100\nenv.X\n"), 0);
    assert_int_equal(ini_each_prefix(&ini, "env.", keyvals, all), 0);
    assert_string_equal(all, "env.PATH=/bin|env.TERM=vt100|");
    ini_free(&ini);
}

static void test_set_keeps_the_rest(void **state)
{
    (void)state;
    struct ini ini;
    char buf[64];
    assert_int_equal(ini_parse(&ini, sample), 0);
    assert_int_equal(ini_set(&ini, "personality", "linux"), 0);
    assert_int_equal(ini_set(&ini, "bind", "/only"), 0);           /* one line left */
    assert_int_equal(ini_set(&ini, "network", "off"), 0);          /* appended */
    assert_string_equal(ini_get(&ini, "personality", buf, sizeof buf), "linux");
    assert_string_equal(ini_get(&ini, "network", buf, sizeof buf), "off");
    assert_int_equal(ini.nlines, 8);
    assert_string_equal(ini.lines[0], "# hand-written comment");
    assert_string_equal(ini.lines[3], "personality = linux");
    assert_string_equal(ini.lines[4], "bind = /only");
    assert_string_equal(ini.lines[5], "; another comment");
    assert_string_equal(ini.lines[7], "network = off");
    assert_int_equal(ini_set(&ini, "bind", NULL), 0);              /* removed */
    assert_null(ini_get(&ini, "bind", buf, sizeof buf));
    assert_string_equal(ini_get(&ini, "pathology", buf, sizeof buf), "not path");
    ini_free(&ini);
}

static void test_save_load(void **state)
{
    (void)state;
    char dir[] = "/tmp/lsl2-ini-XXXXXX", path[64], buf[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/c.ini", dir);
    struct ini ini, back;
    assert_int_equal(ini_parse(&ini, sample), 0);
    assert_int_equal(ini_add(&ini, "env.PATH", "/bin:/usr/bin"), 0);
    assert_int_equal(ini_save(&ini, path), 0);
    assert_int_equal(ini_load(&back, path), 0);
    assert_int_equal(back.nlines, ini.nlines);
    for (size_t i = 0; i < ini.nlines; i++)
        assert_string_equal(back.lines[i], ini.lines[i]);
    assert_string_equal(ini_get(&back, "env.PATH", buf, sizeof buf), "/bin:/usr/bin");
    ini_free(&ini);
    ini_free(&back);
    unlink(path);
    assert_int_equal(ini_load(&back, path), 0);                      /* missing: empty */
    assert_int_equal(back.nlines, 0);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_get),
        cmocka_unit_test(test_each),
        cmocka_unit_test(test_each_prefix),
        cmocka_unit_test(test_set_keeps_the_rest),
        cmocka_unit_test(test_save_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
