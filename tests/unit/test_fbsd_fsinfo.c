/* Unit tests: the pure parts of the FreeBSD stat/statfs/mknod handlers —
 * mountinfo parsing (escapes, optional fields, lookups by id and of "/") and
 * FreeBSD's rules on which nodes mknod makes. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>

#include "personalities/freebsd/fsinfo.h"
#include "abi/freebsd/stat.h"

static const char sample[] =
    "63 43 0:21 / /proc rw,relatime - proc proc rw\n"
    "64 43 0:6 / /dev rw,nosuid shared:2 master:1 - devtmpfs devtmpfs rw,size=123k\n"
    "65 64 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw\n"
    "66 65 0:27 / /dev/shm rw,relatime - tmpfs tmpfs2 rw\n"
    "81 43 254:0 /data /mnt/with\\040space ro,relatime - ext4 /dev/vda\\0401 rw\n"
    "garbage line\n"
    "90 43 0:5 / /short";

static void parse_mountinfo(void **state)
{
    (void)state;
    struct fbsd_mounts m;
    assert_int_equal(fbsd_mounts_parse(&m, strdup(sample)), 0);
    assert_int_equal(m.n, 5);   /* the garbage and the cut-off lines are skipped */
    assert_int_equal(m.v[0].id, 63);
    assert_int_equal(m.v[0].parent, 43);
    assert_string_equal(m.v[0].mnton, "/proc");
    assert_string_equal(m.v[0].fstype, "proc");
    /* optional fields before the separator are skipped */
    assert_string_equal(m.v[1].fstype, "devtmpfs");
    assert_string_equal(m.v[1].mntfrom, "devtmpfs");
    /* octal escapes undone */
    assert_string_equal(m.v[4].mnton, "/mnt/with space");
    assert_string_equal(m.v[4].mntfrom, "/dev/vda 1");

    const struct fbsd_mount *f = fbsd_mounts_find(&m, 66);
    assert_non_null(f);
    assert_string_equal(f->mntfrom, "tmpfs2");
    assert_null(fbsd_mounts_find(&m, 43));   /* the root's mount is not listed here */
    assert_null(fbsd_mounts_root(&m));
    fbsd_mounts_free(&m);

    assert_int_equal(fbsd_mounts_parse(&m, strdup("1 0 8:1 / / rw - ext4 /dev/sda1 rw\n"
                                                 "2 1 0:3 / /tmp rw - tmpfs tmpfs rw\n")), 0);
    const struct fbsd_mount *r = fbsd_mounts_root(&m);
    assert_non_null(r);
    assert_int_equal(r->id, 1);
    assert_string_equal(r->mntfrom, "/dev/sda1");
    fbsd_mounts_free(&m);

    assert_int_equal(fbsd_mounts_parse(&m, strdup("")), 0);
    assert_int_equal(m.n, 0);
    fbsd_mounts_free(&m);
}

static void mknod_rules(void **state)
{
    (void)state;
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFCHR | 0600, fbsd_makedev(1, 3)), 0);
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFBLK | 0600, fbsd_makedev(8, 0)), 0);
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFIFO | 0644, 0), 0);
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFIFO | 0644, 5), -EINVAL);
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFREG | 0644, 0), -EINVAL);
    assert_int_equal(fbsd_mknod_check(0644, 0), -EINVAL);
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFSOCK | 0644, 0), -EINVAL);
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFDIR | 0755, 0), -EINVAL);
    assert_int_equal(fbsd_mknod_check(FBSD_S_IFWHT, 0), -EOPNOTSUPP);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_mountinfo),
        cmocka_unit_test(mknod_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
