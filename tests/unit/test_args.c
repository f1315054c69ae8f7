/* cli/options.c: every option, the errors, and where the guest's arguments start. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "cli/options.h"

static struct options o;
static char err[256];

/* Parses a NULL-terminated list of words given after "lsl2". */
#define PARSE(...) parse((char *[]){ "lsl2", __VA_ARGS__, NULL })
static int parse(char **argv)
{
    int argc = 0;
    while (argv[argc])
        argc++;
    options_free(&o);
    return options_parse(argc, argv, &o, err, sizeof err);
}

static void expect_error(int r, const char *want)
{
    assert_int_equal(r, -1);
    if (!strstr(err, want))
        fail_msg("error '%s' does not contain '%s'", err, want);
}

static void test_defaults(void **state)
{
    (void)state;
    assert_int_equal(PARSE("/r"), 0);
    assert_int_equal(o.action, ACT_RUN);
    assert_string_equal(o.personality, "auto");
    assert_string_equal(o.rootfs, "/r");
    assert_int_equal(o.argc, 0);
    assert_false(o.debug || o.clearenv || o.root || o.no_network || o.trace);
    assert_null(o.workdir);
    assert_int_equal(o.nbinds, 0);
    assert_int_equal(o.nenvset, 0);
}

static void test_command_and_args(void **state)
{
    (void)state;
    assert_int_equal(PARSE("/r", "/bin/sh", "-c", "echo hi"), 0);
    assert_int_equal(o.argc, 3);
    assert_string_equal(o.argv[0], "/bin/sh");
    assert_string_equal(o.argv[1], "-c");
    assert_string_equal(o.argv[2], "echo hi");
    assert_null(o.argv[3]);
}

/* Options after ROOTFS belong to the guest, even lsl2's own. */
static void test_options_after_rootfs_are_the_guests(void **state)
{
    (void)state;
    assert_int_equal(PARSE("-d", "/r", "ls", "-d", "-p", "freebsd", "--help"), 0);
    assert_true(o.debug);
    assert_string_equal(o.personality, "auto");
    assert_int_equal(o.action, ACT_RUN);
    assert_int_equal(o.argc, 5);
    assert_string_equal(o.argv[1], "-d");
    assert_string_equal(o.argv[4], "--help");
}

static void test_double_dash(void **state)
{
    (void)state;
    /* after ROOTFS: one "--" is dropped, a second one is the guest's */
    assert_int_equal(PARSE("/r", "--", "--", "x"), 0);
    assert_int_equal(o.argc, 2);
    assert_string_equal(o.argv[0], "--");
    /* before ROOTFS: ends the options, so ROOTFS may start with '-' */
    assert_int_equal(PARSE("-d", "--", "-weird", "cmd"), 0);
    assert_string_equal(o.rootfs, "-weird");
    assert_int_equal(o.argc, 1);
    assert_string_equal(o.argv[0], "cmd");
}

static void test_personality(void **state)
{
    (void)state;
    assert_int_equal(PARSE("-p", "freebsd", "/r"), 0);
    assert_string_equal(o.personality, "freebsd");
    assert_int_equal(PARSE("--personality", "linux", "/r"), 0);
    assert_string_equal(o.personality, "linux");
    assert_int_equal(PARSE("--personality=auto", "/r"), 0);
    assert_string_equal(o.personality, "auto");
    assert_int_equal(PARSE("-pfreebsd", "/r"), 0);
    assert_string_equal(o.personality, "freebsd");
    expect_error(PARSE("-p", "netbsd", "/r"), "unknown personality 'netbsd'");
    expect_error(PARSE("-p"), "needs a value");
}

static void test_flags(void **state)
{
    (void)state;
    assert_int_equal(PARSE("-d", "-r", "-n", "--clearenv", "/r"), 0);
    assert_true(o.debug && o.root && o.no_network && o.clearenv);
    assert_int_equal(PARSE("--debug", "--root", "--no-network", "/r"), 0);
    assert_true(o.debug && o.root && o.no_network);
    /* short flags cluster, and a value may follow in the same word */
    assert_int_equal(PARSE("-drnw/tmp", "/r"), 0);
    assert_true(o.debug && o.root && o.no_network);
    assert_string_equal(o.workdir, "/tmp");
}

static void test_workdir(void **state)
{
    (void)state;
    assert_int_equal(PARSE("-w", "/home", "/r"), 0);
    assert_string_equal(o.workdir, "/home");
    assert_int_equal(PARSE("--workdir=/x", "/r"), 0);
    assert_string_equal(o.workdir, "/x");
    assert_int_equal(PARSE("--workdir", "/y", "/r"), 0);
    assert_string_equal(o.workdir, "/y");
    expect_error(PARSE("-w", "", "/r"), "empty --workdir");
}

static void test_bind(void **state)
{
    (void)state;
    assert_int_equal(PARSE("-b", "/a", "-b", "/b:/c", "--bind", "/d:/e:ro", "--bind=/f:ro",
                           "-b", "/g:/h:rw", "/r"), 0);
    assert_int_equal(o.nbinds, 5);
    assert_string_equal(o.binds[0].host, "/a");
    assert_string_equal(o.binds[0].guest, "/a");
    assert_false(o.binds[0].ro);
    assert_string_equal(o.binds[1].host, "/b");
    assert_string_equal(o.binds[1].guest, "/c");
    assert_string_equal(o.binds[2].guest, "/e");
    assert_true(o.binds[2].ro);
    assert_string_equal(o.binds[3].host, "/f");
    assert_string_equal(o.binds[3].guest, "/f");
    assert_true(o.binds[3].ro);
    assert_false(o.binds[4].ro);
    assert_string_equal(o.binds[4].guest, "/h");
}

static void test_bad_bind(void **state)
{
    (void)state;
    expect_error(PARSE("-b", ":/x", "/r"), "bad --bind");
    expect_error(PARSE("-b", "/a:", "/r"), "bad --bind");
    expect_error(PARSE("-b", "/a:/b:/c", "/r"), "bad --bind");
    expect_error(PARSE("-b", "/a:/b:xx", "/r"), "bad --bind");
}

static void test_env(void **state)
{
    (void)state;
    assert_int_equal(PARSE("-e", "A=1", "--env", "B=", "--env=A=2", "-eC=x=y", "/r"), 0);
    assert_int_equal(o.nenvset, 4);
    assert_string_equal(o.envset[0], "A=1");
    assert_string_equal(o.envset[1], "B=");
    assert_string_equal(o.envset[2], "A=2");
    assert_string_equal(o.envset[3], "C=x=y");
    expect_error(PARSE("-e", "NOVALUE", "/r"), "bad --env 'NOVALUE'");
    expect_error(PARSE("-e", "=1", "/r"), "bad --env");
}

static void test_trace(void **state)
{
    (void)state;
    assert_int_equal(PARSE("--trace", "/r"), 0);
    assert_true(o.trace);
    assert_null(o.trace_file);
    /* a separate word after --trace is ROOTFS, not the file */
    assert_string_equal(o.rootfs, "/r");
    assert_int_equal(PARSE("--trace=/tmp/t.log", "/r", "x"), 0);
    assert_true(o.trace);
    assert_string_equal(o.trace_file, "/tmp/t.log");
    expect_error(PARSE("--trace=", "/r"), "empty --trace");
}

static void test_supervise(void **state)
{
    (void)state;
    assert_int_equal(PARSE("/r"), 0);
    assert_false(o.supervise);
    assert_int_equal(PARSE("--supervise", "/r", "x"), 0);
    assert_true(o.supervise);
    assert_false(o.trace);
    expect_error(PARSE("--supervise=1", "/r"), "supervise");
}

static void test_actions(void **state)
{
    (void)state;
    assert_int_equal(PARSE("--help"), 0);
    assert_int_equal(o.action, ACT_HELP);
    assert_int_equal(PARSE("-h"), 0);
    assert_int_equal(o.action, ACT_HELP);
    assert_int_equal(PARSE("--version"), 0);
    assert_int_equal(o.action, ACT_VERSION);
    assert_int_equal(PARSE("--syscalls"), 0);
    assert_int_equal(o.action, ACT_SYSCALLS);
    assert_string_equal(o.personality, "auto");
    assert_int_equal(PARSE("--syscalls=freebsd"), 0);
    assert_int_equal(o.action, ACT_SYSCALLS);
    assert_string_equal(o.personality, "freebsd");
    expect_error(PARSE("--syscalls=hurd"), "unknown personality");
}

static void test_errors(void **state)
{
    (void)state;
    expect_error(PARSE("--bogus", "/r"), "unknown option '--bogus'");
    expect_error(PARSE("-x", "/r"), "unknown option '-x'");
    expect_error(PARSE("-dx", "/r"), "unknown option '-x'");
    expect_error(parse((char *[]){ "lsl2", NULL }), "missing ROOTFS");
    expect_error(PARSE("-d"), "missing ROOTFS");
    expect_error(PARSE(""), "empty ROOTFS");
    expect_error(PARSE("--debug=yes", "/r"), "takes no value");
    expect_error(PARSE("--bind"), "needs a value");
    expect_error(PARSE("-w"), "needs a value");
}

/* "-" alone is an operand (a ROOTFS named "-"), as getopt treats it. */
static void test_dash_operand(void **state)
{
    (void)state;
    assert_int_equal(PARSE("-", "x"), 0);
    assert_string_equal(o.rootfs, "-");
    assert_int_equal(o.argc, 1);
}

static int teardown(void **state)
{
    (void)state;
    options_free(&o);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_command_and_args),
        cmocka_unit_test(test_options_after_rootfs_are_the_guests),
        cmocka_unit_test(test_double_dash),
        cmocka_unit_test(test_personality),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_workdir),
        cmocka_unit_test(test_bind),
        cmocka_unit_test(test_bad_bind),
        cmocka_unit_test(test_env),
        cmocka_unit_test(test_trace),
        cmocka_unit_test(test_supervise),
        cmocka_unit_test(test_actions),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_dash_operand),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
