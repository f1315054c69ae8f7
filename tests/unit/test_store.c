/* Store names, hostile archive paths, fflag names, stale temporary directories and
 * tree removal that never leaves the tree. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/import.h"
#include "cli/store.h"

static void test_names(void **state)
{
    (void)state;
    static const char *const good[] = { "fbsd", "freebsd-13.2", "a", "0x", "deb_12", "a.b-c_d" };
    static const char *const bad[] = { "", "Fbsd", "-x", ".x", "_x", "a/b", "a b", "..", "é",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" /* 65 */ };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        assert_true(store_name_valid(good[i]));
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(store_name_valid(bad[i]));
}

static void test_home(void **state)
{
    (void)state;
    char out[256];
    setenv("LSL2_HOME", "/x/store", 1);
    assert_int_equal(store_home_path(out, sizeof out), 0);
    assert_string_equal(out, "/x/store");
    unsetenv("LSL2_HOME");
    assert_int_equal(store_home_path(out, sizeof out), 0);
    if (geteuid() == 0)
        assert_string_equal(out, "/var/lib/lsl2");
}

static char tmpdir[64];

static int mk(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/lsl2-store-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int rm(void **state)
{
    (void)state;
    return store_rm_path(tmpdir);
}

static void test_check_path(void **state)
{
    (void)state;
    char out[256], why[512], p[128];
    int d = open(tmpdir, O_RDONLY | O_DIRECTORY);
    assert_true(d >= 0);
    snprintf(p, sizeof p, "%s/dir", tmpdir);
    assert_int_equal(mkdir(p, 0755), 0);
    snprintf(p, sizeof p, "%s/esc", tmpdir);
    assert_int_equal(symlink("/tmp", p), 0);
    snprintf(p, sizeof p, "%s/in", tmpdir);
    assert_int_equal(symlink("dir", p), 0);

    assert_null(import_check_path(d, "./a//b/./c", out, sizeof out, why, sizeof why));
    assert_string_equal(out, "a/b/c");
    assert_null(import_check_path(d, "./", out, sizeof out, why, sizeof why));
    assert_string_equal(out, "");
    assert_null(import_check_path(d, "dir/x", out, sizeof out, why, sizeof why));
    assert_null(import_check_path(d, "esc", out, sizeof out, why, sizeof why));   /* replaces it */
    assert_string_equal(import_check_path(d, "/etc/passwd", out, sizeof out, why, sizeof why),
                        "absolute path");
    assert_string_equal(import_check_path(d, "../../x", out, sizeof out, why, sizeof why),
                        "'..' in path");
    assert_string_equal(import_check_path(d, "a/../../x", out, sizeof out, why, sizeof why),
                        "'..' in path");
    assert_null(import_check_path(d, "a..b/..c", out, sizeof out, why, sizeof why));
    const char *r = import_check_path(d, "esc/x", out, sizeof out, why, sizeof why);
    assert_non_null(r);
    assert_non_null(strstr(r, "through symlink esc -> /tmp (outside"));
    r = import_check_path(d, "./in/x/y", out, sizeof out, why, sizeof why);
    assert_non_null(r);
    assert_non_null(strstr(r, "through symlink in -> dir"));
    close(d);
}

static void test_fflags(void **state)
{
    (void)state;
    assert_int_equal(import_fflags_parse("schg"), FS_IMMUTABLE_FL);
    assert_int_equal(import_fflags_parse("uchg,nodump"), FS_IMMUTABLE_FL | FS_NODUMP_FL);
    assert_int_equal(import_fflags_parse("sappnd, uarch"), FS_APPEND_FL);
    assert_int_equal(import_fflags_parse("sunlnk"), 0);
    assert_int_equal(import_fflags_parse(""), 0);
}

static void test_tmp_and_stale(void **state)
{
    (void)state;
    struct store s;
    struct store_tmp live, dead;
    char p[PATH_MAX + 32];
    snprintf(s.home, sizeof s.home, "%s", tmpdir);
    assert_int_equal(store_tmp_create(&s, "import", "a", &live), 0);
    assert_int_equal(store_tmp_create(&s, "import", "b", &dead), 0);
    snprintf(p, sizeof p, "%s/f", dead.dir);
    assert_int_equal(mkdir(p, 0755), 0);
    /* A killed owner: its lock is no longer held. */
    close(dead.lockfd);
    store_clean_stale(&s);
    struct stat st;
    assert_int_equal(stat(live.dir, &st), 0);        /* still locked: kept */
    assert_int_equal(stat(dead.dir, &st), -1);
    assert_int_equal(stat(dead.lock, &st), -1);
    /* A directory without its lock file is a leftover too. */
    snprintf(p, sizeof p, "%s/.tmp-remove-c-zzzzzz", tmpdir);
    assert_int_equal(mkdir(p, 0755), 0);
    store_clean_stale(&s);
    assert_int_equal(stat(p, &st), -1);
    store_tmp_discard(&live);
    assert_int_equal(stat(live.dir, &st), -1);
    assert_int_equal(stat(live.lock, &st), -1);
}

static void test_rm_tree_stays_inside(void **state)
{
    (void)state;
    char outside[64], tree[128], p[256];
    snprintf(outside, sizeof outside, "/tmp/lsl2-keep-XXXXXX");
    assert_non_null(mkdtemp(outside));
    snprintf(p, sizeof p, "%s/file", outside);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fclose(f);
    snprintf(tree, sizeof tree, "%s/tree", tmpdir);
    assert_int_equal(mkdir(tree, 0755), 0);
    snprintf(p, sizeof p, "%s/link", tree);
    assert_int_equal(symlink(outside, p), 0);
    snprintf(p, sizeof p, "%s/sub", tree);
    assert_int_equal(mkdir(p, 0500), 0);
    /* An immutable file (imported "schg"), where the file system and privileges allow. */
    snprintf(p, sizeof p, "%s/locked", tree);
    int fd = open(p, O_CREAT | O_WRONLY, 0644), fl = FS_IMMUTABLE_FL;
    assert_true(fd >= 0);
    bool immutable = ioctl(fd, FS_IOC_SETFLAGS, &fl) == 0;
    close(fd);
    if (immutable)
        assert_int_equal(unlink(p), -1);
    assert_int_equal(store_rm_path(tree), 0);
    struct stat st;
    assert_int_equal(stat(tree, &st), -1);
    snprintf(p, sizeof p, "%s/file", outside);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(store_rm_path(outside), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_home),
        cmocka_unit_test(test_fflags),
        cmocka_unit_test_setup_teardown(test_check_path, mk, rm),
        cmocka_unit_test_setup_teardown(test_tmp_and_stale, mk, rm),
        cmocka_unit_test_setup_teardown(test_rm_tree_stays_inside, mk, rm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
