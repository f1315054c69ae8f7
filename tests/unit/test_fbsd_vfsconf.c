/* Unit tests for vfs.conflist (abi/freebsd/vfsconf.c) and the other sysctl
 * names the FreeBSD 10.2 base tools ask (hw.availpages, p1003_1b.pagesize). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "abi/freebsd/errno.h"
#include "abi/freebsd/statfs.h"
#include "abi/freebsd/sysctl.h"
#include "abi/freebsd/vfsconf.h"

static long ask_name(const char *name, struct fbsd_sysctl_facts *f, void *buf, size_t cap)
{
    int oid[FBSD_CTL_MAXNAME];
    int n = fbsd_sysctl_name2oid(name, oid, FBSD_CTL_MAXNAME);
    if (n < 0)
        return n;
    struct fbsd_sysctl_req r = { .name = oid, .namelen = (unsigned)n, .oldwant = cap };
    return fbsd_sysctl_answer(&r, f, buf, cap);
}

/* getvfsbyname(3) must find every name statfs can report. */
static void test_every_statfs_name_listed(void **state)
{
    (void)state;
    size_t n = 0;
    for (size_t i = 0; fbsd_fstypename_at(i); i++, n++)
        assert_true(fbsd_vfs_find(fbsd_fstypename_at(i)) >= 0);
    assert_true(n >= 10);
    assert_true(fbsd_vfs_find(fbsd_fstypename_from_magic(0x12345678, NULL)) >= 0);  /* "unknown" */
    assert_true(fbsd_vfs_find("devfs") >= 0);   /* devtmpfs shows as devfs */
    assert_int_equal(fbsd_vfs_find("nosuchfs"), -1);
    assert_true(fbsd_vfs_count() <= FBSD_VFS_MAX);
    assert_null(fbsd_vfs_name(fbsd_vfs_count()));
}

static void test_linux_types(void **state)
{
    (void)state;
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("ext4")), "ext2fs");
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("ext3")), "ext2fs");
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("proc")), "procfs");
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("devtmpfs")), "devfs");
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("sysfs")), "linsysfs");
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("fuse.sshfs")), "fusefs");
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("tmpfs")), "tmpfs");
    assert_string_equal(fbsd_vfs_name((size_t)fbsd_vfs_from_linux("weirdfs")), "unknown");
}

static void test_conflist_records(void **state)
{
    (void)state;
    struct fbsd_sysctl_facts f;
    memset(&f, 0, sizeof f);
    int ext = fbsd_vfs_find("ext2fs"), proc = fbsd_vfs_find("procfs");
    f.vfs_refcount[ext] = 2;
    f.vfs_refcount[proc] = 1;
    static struct fbsd_xvfsconf v[FBSD_VFS_MAX];
    long len = ask_name("vfs.conflist", &f, v, sizeof v);
    assert_int_equal(len, (long)(fbsd_vfs_count() * sizeof(struct fbsd_xvfsconf)));
    assert_string_equal(v[ext].vfc_name, "ext2fs");
    assert_int_equal(v[ext].vfc_refcount, 2);
    assert_int_equal(v[proc].vfc_refcount, 1);
    assert_true(v[proc].vfc_flags & FBSD_VFCF_SYNTHETIC);
    assert_false(v[ext].vfc_flags & FBSD_VFCF_SYNTHETIC);
    int nfs = fbsd_vfs_find("nfs");
    assert_true(v[nfs].vfc_flags & FBSD_VFCF_NETWORK);
    /* type numbers are distinct and non-zero; pointers are 0 */
    for (size_t i = 0; i < fbsd_vfs_count(); i++) {
        assert_true(v[i].vfc_typenum > 0);
        assert_int_equal(v[i].vfc_vfsops, 0);
        for (size_t j = 0; j < i; j++)
            assert_int_not_equal(v[i].vfc_typenum, v[j].vfc_typenum);
    }
    /* a short buffer gets what fits; the full length is still reported */
    struct fbsd_xvfsconf one[2];
    memset(one, 0x55, sizeof one);
    assert_int_equal(fbsd_vfs_conflist(NULL, one, sizeof one[0] + 8), (size_t)len);
    assert_string_equal(one[0].vfc_name, fbsd_vfs_name(0));
    assert_int_equal(((unsigned char *)&one[1])[8], 0x55);
    /* the node and its OID round trip; writing is refused */
    int oid[4];
    assert_int_equal(fbsd_sysctl_name2oid("vfs.conflist", oid, 4), 2);
    assert_int_equal(oid[0], FBSD_CTL_VFS);
    char name[64];
    assert_true(fbsd_sysctl_oid2name(oid, 2, name, sizeof name) > 0);
    assert_string_equal(name, "vfs.conflist");
    struct fbsd_sysctl_req w = { .name = oid, .namelen = 2, .newp = "x", .newlen = 1 };
    assert_int_equal(fbsd_sysctl_answer(&w, &f, v, sizeof v), -FBSD_EPERM);
}

static void test_sysconf_names(void **state)
{
    (void)state;
    struct fbsd_sysctl_facts f;
    memset(&f, 0, sizeof f);
    f.physmem = 8ull << 30;
    int64_t pages = 0;
    assert_int_equal(ask_name("hw.availpages", &f, &pages, sizeof pages), 8);
    assert_int_equal(pages, (8ll << 30) / 4096);
    /* FreeBSD 10's sysconf(_SC_PAGESIZE) asks {CTL_P1003_1B, CTL_P1003_1B_PAGESIZE} */
    int mib[2] = { 9, 20 };
    int32_t ps = 0;
    struct fbsd_sysctl_req r = { .name = mib, .namelen = 2, .oldwant = sizeof ps };
    assert_int_equal(fbsd_sysctl_answer(&r, &f, &ps, sizeof ps), 4);
    assert_int_equal(ps, 4096);
    int bad[2] = { 9, 99 };
    r.name = bad;
    assert_int_equal(fbsd_sysctl_answer(&r, &f, &ps, sizeof ps), -FBSD_ENOENT);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_statfs_name_listed),
        cmocka_unit_test(test_linux_types),
        cmocka_unit_test(test_conflist_records),
        cmocka_unit_test(test_sysconf_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
