/* cli/rootfs.c: resolving guest paths inside a temporary rootfs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/rootfs.h"

static char root[] = "/tmp/lsl2-test-rootfs.XXXXXX";
static char out[PATH_MAX];

static void mk(const char *rel, const char *link_target)
{
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    if (link_target) {
        assert_int_equal(symlink(link_target, p), 0);
    } else if (rel[strlen(rel) - 1] == '/') {
        assert_int_equal(mkdir(p, 0755), 0);
    } else {
        int fd = open(p, O_CREAT | O_WRONLY | O_CLOEXEC, 0755);
        assert_true(fd >= 0);
        close(fd);
    }
}

static int resolve(const char *cwd, const char *path)
{
    return rootfs_resolve(root, cwd, path, out, sizeof out);
}

#define EXPECT(path, want) do { \
        int r_ = resolve(NULL, path); \
        if (r_ != 0) fail_msg("%s: %s", path, strerror(-r_)); \
        assert_string_equal(out, want); } while (0)

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(root))
        return -1;
    mk("bin/", NULL);
    mk("bin/busybox", NULL);
    mk("bin/sh", "busybox");                 /* relative */
    mk("usr/", NULL);
    mk("usr/bin/", NULL);
    mk("usr/bin/env", "/bin/busybox");       /* absolute: from the rootfs */
    mk("usr/lib/", NULL);
    mk("usr/lib/ld.so", NULL);
    mk("lib", "usr/lib");                    /* a directory link */
    mk("etc/", NULL);
    mk("etc/passwd", NULL);
    mk("etc/up", "../../../../../../etc/passwd");   /* would escape on the host */
    mk("etc/abs", "/etc/passwd");
    mk("etc/root", "/");
    mk("etc/updir", "../../..");
    mk("loop1", "loop2");
    mk("loop2", "loop1");
    mk("self", "self");
    mk("dangling", "/nowhere");
    /* a chain of exactly ROOTFS_MAXLINKS links, and one of one more */
    char name[32], target[32];
    for (int i = 0; i < ROOTFS_MAXLINKS; i++) {
        snprintf(name, sizeof name, "c%d", i);
        snprintf(target, sizeof target, i + 1 < ROOTFS_MAXLINKS ? "c%d" : "bin/busybox", i + 1);
        mk(name, target);
    }
    mk("over", "c0");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd);
}

static void test_plain(void **state)
{
    (void)state;
    EXPECT("/", "/");
    EXPECT("/bin/busybox", "/bin/busybox");
    EXPECT("//bin///busybox", "/bin/busybox");
    EXPECT("/bin/./busybox", "/bin/busybox");
    EXPECT("/usr/bin/", "/usr/bin");
}

static void test_relative_symlink(void **state)
{
    (void)state;
    EXPECT("/bin/sh", "/bin/busybox");
    EXPECT("/lib/ld.so", "/usr/lib/ld.so");
}

static void test_absolute_symlink(void **state)
{
    (void)state;
    EXPECT("/usr/bin/env", "/bin/busybox");
    EXPECT("/etc/abs", "/etc/passwd");
    EXPECT("/etc/root/bin/sh", "/bin/busybox");
}

/* ".." at the guest root stays there, in paths and in link targets. */
static void test_dotdot_at_root(void **state)
{
    (void)state;
    EXPECT("/..", "/");
    EXPECT("/../../../bin/sh", "/bin/busybox");
    EXPECT("/usr/../bin/sh", "/bin/busybox");
    EXPECT("/etc/up", "/etc/passwd");
    EXPECT("/etc/updir/usr/bin/env", "/bin/busybox");
    EXPECT("/lib/../bin/env", "/bin/busybox");   /* lib → usr/lib, so .. is /usr */
}

static void test_relative_to_cwd(void **state)
{
    (void)state;
    assert_int_equal(resolve("/usr", "bin/env"), 0);
    assert_string_equal(out, "/bin/busybox");
    assert_int_equal(resolve("/usr/lib", "../../bin/sh"), 0);
    assert_string_equal(out, "/bin/busybox");
    assert_int_equal(resolve(NULL, "bin/sh"), 0);
    assert_string_equal(out, "/bin/busybox");
}

static void test_loops(void **state)
{
    (void)state;
    assert_int_equal(resolve(NULL, "/loop1"), -ELOOP);
    assert_int_equal(resolve(NULL, "/self"), -ELOOP);
    assert_int_equal(resolve(NULL, "/loop2/x"), -ELOOP);
    /* 40 links are followed, the 41st is a loop (as Linux counts) */
    EXPECT("/c0", "/bin/busybox");
    assert_int_equal(resolve(NULL, "/over"), -ELOOP);
}

static void test_missing(void **state)
{
    (void)state;
    assert_int_equal(resolve(NULL, "/bin/nope"), -ENOENT);
    assert_int_equal(resolve(NULL, "/nodir/x"), -ENOENT);
    assert_int_equal(resolve(NULL, "/dangling"), -ENOENT);
    assert_int_equal(resolve(NULL, ""), -ENOENT);
    assert_int_equal(resolve(NULL, "/bin/busybox/x"), -ENOTDIR);
    assert_int_equal(resolve(NULL, "/bin/busybox/"), -ENOTDIR);
}

static void test_long_paths(void **state)
{
    (void)state;
    char p[PATH_MAX + 64];
    /* a component longer than NAME_MAX */
    memset(p, 'a', NAME_MAX + 2);
    p[0] = '/';
    p[NAME_MAX + 2] = '\0';
    assert_int_equal(resolve(NULL, p), -ENAMETOOLONG);
    /* a whole path longer than PATH_MAX */
    for (size_t i = 0; i + 2 < sizeof p; i += 2)
        memcpy(p + i, "/.", 2);
    p[sizeof p - 1] = '\0';
    assert_int_equal(resolve(NULL, p), -ENAMETOOLONG);
    /* a long but legal path resolves: 40 nested directories of 60 characters */
    char rel[PATH_MAX] = "", host[PATH_MAX * 2];
    for (int i = 0; i < 40; i++) {
        size_t l = strlen(rel);
        snprintf(rel + l, sizeof rel - l, "/%060d", i);
        snprintf(host, sizeof host, "%s%s", root, rel);
        assert_int_equal(mkdir(host, 0755), 0);
    }
    assert_int_equal(resolve(NULL, rel), 0);
    assert_string_equal(out, rel);
    /* and a link whose expansion makes the path too long */
    snprintf(host, sizeof host, "%s/toolong", root);
    assert_int_equal(symlink(rel, host), 0);
    char q[PATH_MAX * 2];
    snprintf(q, sizeof q, "/toolong%s", rel);
    assert_int_equal(resolve(NULL, q), -ENAMETOOLONG);
}

static void test_output_buffer(void **state)
{
    (void)state;
    char small[4];
    assert_int_equal(rootfs_resolve(root, NULL, "/bin/busybox", small, sizeof small), -ENAMETOOLONG);
}

static void test_host_path(void **state)
{
    (void)state;
    char h[PATH_MAX];
    assert_int_equal(rootfs_host_path("/srv/r", "/bin/sh", h, sizeof h), 0);
    assert_string_equal(h, "/srv/r/bin/sh");
    assert_int_equal(rootfs_host_path("/srv/r//", "/bin/sh", h, sizeof h), 0);
    assert_string_equal(h, "/srv/r/bin/sh");
    assert_int_equal(rootfs_host_path("/", "/bin/sh", h, sizeof h), 0);
    assert_string_equal(h, "/bin/sh");
    assert_int_equal(rootfs_host_path("/srv/r", "/bin/sh", h, 8), -ENAMETOOLONG);
}

/* ROOTFS "/": resolution is the host's own. */
static void test_host_root(void **state)
{
    (void)state;
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/bin/sh", root);
    assert_int_equal(rootfs_resolve("/", NULL, p, out, sizeof out), 0);
    snprintf(p, sizeof p, "%s/bin/busybox", root);
    assert_string_equal(out, p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_relative_symlink),
        cmocka_unit_test(test_absolute_symlink),
        cmocka_unit_test(test_dotdot_at_root),
        cmocka_unit_test(test_relative_to_cwd),
        cmocka_unit_test(test_loops),
        cmocka_unit_test(test_missing),
        cmocka_unit_test(test_long_paths),
        cmocka_unit_test(test_output_buffer),
        cmocka_unit_test(test_host_path),
        cmocka_unit_test(test_host_root),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
