/* Unit tests: FreeBSD errno, open/fcntl/flock/AT_*, mmap translation (abi/freebsd). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <cmocka.h>

#include "abi/freebsd/errno.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/mman.h"

static void errno_covers_every_linux_errno(void **state)
{
    (void)state;
    for (int e = 1; e <= EHWPOISON; e++) {
        int f = fbsd_errno_from_linux(e);
        assert_true(f >= 1 && f <= FBSD_ELAST);
    }
    for (int f = 1; f <= FBSD_ELAST; f++)
        assert_true(fbsd_errno_to_linux(f) > 0);
}

static void errno_common_values(void **state)
{
    (void)state;
    assert_int_equal(fbsd_errno_from_linux(ENOENT), 2);
    assert_int_equal(fbsd_errno_from_linux(EAGAIN), 35);
    assert_int_equal(fbsd_errno_from_linux(EDEADLK), 11);
    assert_int_equal(fbsd_errno_from_linux(ENOSYS), 78);
    assert_int_equal(fbsd_errno_from_linux(ENOTEMPTY), 66);
    assert_int_equal(fbsd_errno_from_linux(ELOOP), 62);
    assert_int_equal(fbsd_errno_from_linux(ENAMETOOLONG), 63);
    assert_int_equal(fbsd_errno_from_linux(EINPROGRESS), 36);
    assert_int_equal(fbsd_errno_from_linux(ECANCELED), 85);
    assert_int_equal(fbsd_errno_from_linux(ENODATA), FBSD_ENOATTR);
    assert_int_equal(fbsd_errno_from_linux(EOWNERDEAD), 96);
    assert_int_equal(fbsd_errno_from_linux(1000), FBSD_EINVAL);
    assert_int_equal(fbsd_errno_from_linux(-3), FBSD_EINVAL);
    /* Every name both systems share survives the round trip. */
    for (int f = 1; f <= FBSD_ELAST; f++) {
        int l = fbsd_errno_to_linux(f);
        const char *n = fbsd_errno_name(f);
        assert_non_null(n);
        if (strcmp(n, strerrorname_np(l) ? strerrorname_np(l) : "") == 0)
            assert_int_equal(fbsd_errno_from_linux(l), f);
    }
    assert_string_equal(fbsd_errno_name(35), "EAGAIN");
    assert_string_equal(fbsd_errno_name(97), "EINTEGRITY");
    assert_null(fbsd_errno_name(0));
    assert_null(fbsd_errno_name(98));
}

static void open_flags_both_ways(void **state)
{
    (void)state;
    uint32_t unk = 99;
    int h = fbsd_open_flags_to_linux(FBSD_O_WRONLY | FBSD_O_CREAT | FBSD_O_TRUNC | FBSD_O_CLOEXEC, &unk);
    assert_int_equal(h, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC);
    assert_int_equal(unk, 0);
    h = fbsd_open_flags_to_linux(FBSD_O_RDWR | FBSD_O_EXCL | FBSD_O_NONBLOCK | FBSD_O_APPEND |
                                 FBSD_O_NOCTTY | FBSD_O_DIRECTORY | FBSD_O_NOFOLLOW, &unk);
    assert_int_equal(h, O_RDWR | O_EXCL | O_NONBLOCK | O_APPEND | O_NOCTTY | O_DIRECTORY | O_NOFOLLOW);
    assert_int_equal(unk, 0);
    assert_int_equal(fbsd_open_flags_to_linux(FBSD_O_FSYNC, &unk), O_SYNC);
    assert_int_equal(fbsd_open_flags_to_linux(FBSD_O_DSYNC, &unk), O_DSYNC);
    assert_int_equal(fbsd_open_flags_to_linux(FBSD_O_EXEC, &unk), O_PATH);
    /* No Linux counterpart: reported. */
    h = fbsd_open_flags_to_linux(FBSD_O_RDONLY | FBSD_O_EXLOCK | FBSD_O_SHLOCK | FBSD_O_EMPTY_PATH, &unk);
    assert_int_equal(h, 0);
    assert_int_equal(unk, FBSD_O_EXLOCK | FBSD_O_SHLOCK | FBSD_O_EMPTY_PATH);
    /* Host to guest: O_LARGEFILE vanishes, O_SYNC is not also O_DSYNC. */
    assert_int_equal(fbsd_open_flags_from_linux(O_RDWR | O_APPEND | 0100000), FBSD_O_RDWR | FBSD_O_APPEND);
    assert_int_equal(fbsd_open_flags_from_linux(O_SYNC), FBSD_O_FSYNC);
    assert_int_equal(fbsd_open_flags_from_linux(O_DSYNC), FBSD_O_DSYNC);
    assert_int_equal(fbsd_open_flags_from_linux(O_PATH | O_CLOEXEC), FBSD_O_PATH | FBSD_O_CLOEXEC);
}

static void at_flags_and_fcntl(void **state)
{
    (void)state;
    uint64_t unk;
    assert_int_equal(fbsd_bits_to_host(&fbsd_at_flags_map, FBSD_AT_SYMLINK_NOFOLLOW, &unk), AT_SYMLINK_NOFOLLOW);
    assert_int_equal(fbsd_bits_to_host(&fbsd_at_flags_map, FBSD_AT_REMOVEDIR, &unk), AT_REMOVEDIR);
    assert_int_equal(fbsd_bits_to_host(&fbsd_at_flags_map, FBSD_AT_EMPTY_PATH | FBSD_AT_RESOLVE_BENEATH, &unk),
                     AT_EMPTY_PATH);
    assert_int_equal(unk, FBSD_AT_RESOLVE_BENEATH);
    assert_int_equal(fbsd_fcntl_cmd_to_linux(FBSD_F_GETLK), F_GETLK);
    assert_int_equal(fbsd_fcntl_cmd_to_linux(FBSD_F_SETLKW), F_SETLKW);
    assert_int_equal(fbsd_fcntl_cmd_to_linux(FBSD_F_DUPFD_CLOEXEC), F_DUPFD_CLOEXEC);
    assert_int_equal(fbsd_fcntl_cmd_to_linux(FBSD_F_GETOWN), F_GETOWN);
    assert_int_equal(fbsd_fcntl_cmd_to_linux(FBSD_F_DUP2FD), -1);
    assert_int_equal(fbsd_fcntl_cmd_to_linux(FBSD_F_ISUNIONSTACK), -1);
    assert_int_equal(fbsd_fcntl_cmd_to_linux(-1), -1);
}

static void flock_both_ways(void **state)
{
    (void)state;
    struct fbsd_flock g = { .l_start = 10, .l_len = -1, .l_pid = 7, .l_type = FBSD_F_WRLCK,
                            .l_whence = FBSD_SEEK_END, .l_sysid = 3 };
    struct flock h;
    assert_int_equal(fbsd_flock_to_linux(&h, &g), 0);
    assert_int_equal(h.l_type, F_WRLCK);
    assert_int_equal(h.l_whence, SEEK_END);
    assert_int_equal(h.l_start, 10);
    assert_int_equal(h.l_len, -1);
    assert_int_equal(h.l_pid, 7);
    h.l_type = F_UNLCK;
    memset(&g, 0xff, sizeof(g));
    assert_int_equal(fbsd_flock_from_linux(&g, &h), 0);
    assert_int_equal(g.l_type, FBSD_F_UNLCK);
    assert_int_equal(g.l_sysid, 0);
    assert_int_equal(g._pad, 0);
    g.l_type = 0;   /* Linux's F_RDLCK, meaningless on FreeBSD */
    assert_int_equal(fbsd_flock_to_linux(&h, &g), -EINVAL);
}

static void mmap_flags(void **state)
{
    (void)state;
    struct fbsd_mmap_host m;
    assert_int_equal(fbsd_mmap_to_linux(FBSD_PROT_READ | FBSD_PROT_WRITE,
                                        FBSD_MAP_PRIVATE | FBSD_MAP_ANON | FBSD_MAP_NOSYNC, &m), 0);
    assert_int_equal(m.prot, PROT_READ | PROT_WRITE);
    assert_int_equal(m.flags, MAP_PRIVATE | MAP_ANONYMOUS);
    assert_int_equal(m.align_shift, 0);
    assert_false(m.guard);
    assert_int_equal(fbsd_mmap_to_linux(FBSD_PROT_READ | FBSD_PROT_MAX(7),
                                        FBSD_MAP_SHARED | FBSD_MAP_FIXED | FBSD_MAP_EXCL | FBSD_MAP_ALIGNED(16), &m), 0);
    assert_int_equal(m.prot, PROT_READ);
    assert_int_equal(m.flags, MAP_SHARED | MAP_FIXED_NOREPLACE);
    assert_int_equal(m.align_shift, 16);
    assert_int_equal(fbsd_mmap_to_linux(0, FBSD_MAP_GUARD | FBSD_MAP_ALIGNED_SUPER, &m), 0);
    assert_true(m.guard);
    assert_int_equal(m.prot, PROT_NONE);
    assert_int_equal(m.flags, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE);
    assert_int_equal(m.align_shift, 21);
    assert_int_equal(fbsd_mmap_to_linux(FBSD_PROT_READ, FBSD_MAP_GUARD, &m), -EINVAL);
    assert_int_equal(fbsd_mmap_to_linux(0, FBSD_MAP_GUARD | FBSD_MAP_ANON, &m), -EINVAL);
    assert_int_equal(fbsd_mmap_to_linux(0, FBSD_MAP_PRIVATE | FBSD_MAP_EXCL, &m), -EINVAL);
    assert_int_equal(fbsd_mmap_to_linux(0, FBSD_MAP_PRIVATE | FBSD_MAP_ALIGNED(5), &m), -EINVAL);
    assert_int_equal(fbsd_mmap_to_linux(0, FBSD_MAP_PRIVATE | 0x20, &m), -EINVAL);
    assert_int_equal(fbsd_mmap_to_linux(8, FBSD_MAP_PRIVATE, &m), -EINVAL);
    assert_int_equal(fbsd_mmap_to_linux(FBSD_PROT_EXEC, FBSD_MAP_PRIVATE | FBSD_MAP_ANON | FBSD_MAP_32BIT |
                                        FBSD_MAP_STACK | FBSD_MAP_NOCORE, &m), 0);
    assert_int_equal(m.flags, MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT | MAP_STACK);
    assert_true(m.nocore);
    assert_int_equal(fbsd_madvise_to_linux(FBSD_MADV_FREE), MADV_FREE);
    assert_int_equal(fbsd_madvise_to_linux(FBSD_MADV_NOCORE), MADV_DONTDUMP);
    assert_int_equal(fbsd_madvise_to_linux(FBSD_MADV_PROTECT), -1);
    assert_true(fbsd_madvise_is_noop(FBSD_MADV_PROTECT));
    assert_false(fbsd_madvise_is_noop(FBSD_MADV_FREE));
    uint32_t unk;
    assert_int_equal(fbsd_msync_flags_to_linux(FBSD_MS_SYNC, &unk), MS_SYNC);
    assert_int_equal(fbsd_msync_flags_to_linux(FBSD_MS_ASYNC | FBSD_MS_INVALIDATE, &unk), MS_ASYNC | MS_INVALIDATE);
    assert_int_equal(unk, 0);
    fbsd_msync_flags_to_linux(8, &unk);
    assert_int_equal(unk, 8);
}

/* Every xlat table ends with a NULL name and has no duplicate value/name pair
 * of an enum kind (a copy-paste slip shows as a repeated value). */
static void xlat_tables_terminated(void **state)
{
    (void)state;
    const struct xlat *tabs[] = {
        fbsd_xlat_errno, fbsd_xlat_open_flags, fbsd_xlat_open_accmode, fbsd_xlat_at_flags,
        fbsd_xlat_fcntl_cmds, fbsd_xlat_access_modes, fbsd_xlat_whence, fbsd_xlat_mmap_prot,
        fbsd_xlat_mmap_flags, fbsd_xlat_madvise,
    };
    for (size_t i = 0; i < sizeof(tabs) / sizeof(tabs[0]); i++) {
        size_t n = 0;
        while (tabs[i][n].name)
            n++;
        assert_true(n > 0 && n < 200);
        for (size_t a = 0; a < n; a++)
            for (size_t b = a + 1; b < n; b++)
                assert_true(tabs[i][a].val != tabs[i][b].val);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(errno_covers_every_linux_errno),
        cmocka_unit_test(errno_common_values),
        cmocka_unit_test(open_flags_both_ways),
        cmocka_unit_test(at_flags_and_fcntl),
        cmocka_unit_test(flock_both_ways),
        cmocka_unit_test(mmap_flags),
        cmocka_unit_test(xlat_tables_terminated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
