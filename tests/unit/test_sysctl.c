/* Unit tests for abi/freebsd/sysctl.c: names, OIDs, meta-OIDs and value encoding. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "abi/freebsd/sysctl.h"
#include "abi/freebsd/errno.h"

static struct fbsd_sysctl_facts facts = {
    .hostname = "box", .domainname = "", .model = "Test CPU", .ncpu = 6,
    .physmem = 8ull << 30, .boottime = { 1700000000, 5 }, .usrstack = 0x7ffffffff000,
    .ps_strings = 0x7fffffffefe0, .pathname = "/bin/echo",
};

static long ask(const int *name, unsigned len, const void *newp, size_t newlen,
                void *buf, size_t cap)
{
    struct fbsd_sysctl_req r = { .name = name, .namelen = len, .newp = newp,
                                 .newlen = newlen, .oldwant = cap };
    return fbsd_sysctl_answer(&r, &facts, buf, cap);
}

static void test_strings(void **state)
{
    (void)state;
    char buf[4096];
    int ostype[] = { 1, 1 };
    assert_int_equal(ask(ostype, 2, NULL, 0, buf, sizeof(buf)), 8);
    assert_string_equal(buf, "FreeBSD");
    int rel[] = { 1, 2 };
    assert_int_equal(ask(rel, 2, NULL, 0, buf, sizeof(buf)), 13);
    assert_string_equal(buf, "13.2-RELEASE");
    int host[] = { 1, 10 };
    ask(host, 2, NULL, 0, buf, sizeof(buf));
    assert_string_equal(buf, "box");
    int mach[] = { 6, 1 }, arch[] = { 6, 11 }, model[] = { 6, 2 }, lb[] = { 8, 21 };
    ask(mach, 2, NULL, 0, buf, sizeof(buf)); assert_string_equal(buf, "amd64");
    ask(arch, 2, NULL, 0, buf, sizeof(buf)); assert_string_equal(buf, "amd64");
    ask(model, 2, NULL, 0, buf, sizeof(buf)); assert_string_equal(buf, "Test CPU");
    ask(lb, 2, NULL, 0, buf, sizeof(buf)); assert_string_equal(buf, "/usr/local");
    /* A short buffer gets what fits, and the full length is reported. */
    assert_int_equal(ask(ostype, 2, NULL, 0, buf, 3), 8);
    assert_memory_equal(buf, "Fre", 3);
}

static void test_numbers(void **state)
{
    (void)state;
    uint8_t buf[64];
    int32_t i;
    uint64_t u;
    int osreldate[] = { 1, 24 }, ncpu[] = { 6, 3 }, pagesize[] = { 6, 7 }, ngroups[] = { 1, 18 };
    assert_int_equal(ask(osreldate, 2, NULL, 0, buf, sizeof(buf)), 4);
    memcpy(&i, buf, 4); assert_int_equal(i, 1302001);
    ask(ncpu, 2, NULL, 0, buf, sizeof(buf)); memcpy(&i, buf, 4); assert_int_equal(i, 6);
    ask(pagesize, 2, NULL, 0, buf, sizeof(buf)); memcpy(&i, buf, 4); assert_int_equal(i, 4096);
    ask(ngroups, 2, NULL, 0, buf, sizeof(buf)); memcpy(&i, buf, 4); assert_int_equal(i, 1023);
    int physmem[] = { 6, 5 }, ps[] = { 1, 32 }, stack[] = { 1, 33 };
    assert_int_equal(ask(physmem, 2, NULL, 0, buf, sizeof(buf)), 8);
    memcpy(&u, buf, 8); assert_int_equal(u, 8ull << 30);
    ask(ps, 2, NULL, 0, buf, sizeof(buf)); memcpy(&u, buf, 8); assert_int_equal(u, 0x7fffffffefe0);
    ask(stack, 2, NULL, 0, buf, sizeof(buf)); memcpy(&u, buf, 8); assert_int_equal(u, 0x7ffffffff000);
    int boot[] = { 1, 21 }, clk[] = { 1, 12 }, psz[] = { 6, FBSD_HW_PAGESIZES };
    struct fbsd_timeval tv;
    assert_int_equal(ask(boot, 2, NULL, 0, &tv, sizeof(tv)), 16);
    assert_int_equal(tv.tv_sec, 1700000000);
    struct fbsd_clockinfo ci;
    assert_int_equal(ask(clk, 2, NULL, 0, &ci, sizeof(ci)), 20);
    assert_int_equal(ci.hz, 1000);
    uint64_t sizes[3];
    assert_int_equal(ask(psz, 2, NULL, 0, sizes, sizeof(sizes)), 24);
    assert_int_equal(sizes[1], 2 << 20);
}

static void test_arandom(void **state)
{
    (void)state;
    uint8_t a[300], b[300];
    int arnd[] = { 1, 37 };
    assert_int_equal(ask(arnd, 2, NULL, 0, a, 16), 16);
    assert_int_equal(ask(arnd, 2, NULL, 0, b, 16), 16);
    assert_memory_not_equal(a, b, 16);
    assert_int_equal(ask(arnd, 2, NULL, 0, a, sizeof(a)), 256);   /* capped as FreeBSD */
}

static void test_pathname(void **state)
{
    (void)state;
    char buf[1024];
    int pn[] = { 1, 14, 12, -1 };
    long arg;
    struct fbsd_sysctl_req r = { .name = pn, .namelen = 4 };
    assert_int_equal(fbsd_sysctl_needs(&r, &arg), FBSD_SYSF_PATH);
    assert_int_equal(arg, -1);
    assert_int_equal(ask(pn, 4, NULL, 0, buf, sizeof(buf)), 10);
    assert_string_equal(buf, "/bin/echo");
    /* Without the pid: EINVAL, as the handler's namelen check. */
    assert_int_equal(ask(pn, 3, NULL, 0, buf, sizeof(buf)), -FBSD_EINVAL);
    facts.pathname_err = FBSD_ESRCH;
    assert_int_equal(ask(pn, 4, NULL, 0, buf, sizeof(buf)), -FBSD_ESRCH);
    facts.pathname_err = 0;
}

static void test_errors(void **state)
{
    (void)state;
    char buf[64];
    int unknown[] = { 1, 9999 }, node[] = { 1 }, kern2[] = { 1, 14 }, below[] = { 1, 1, 5 };
    int toplevel[] = { 77, 1 };
    assert_int_equal(ask(unknown, 2, NULL, 0, buf, sizeof(buf)), -FBSD_ENOENT);
    assert_int_equal(ask(toplevel, 2, NULL, 0, buf, sizeof(buf)), -FBSD_ENOENT);
    assert_int_equal(ask(node, 1, NULL, 0, buf, sizeof(buf)), -FBSD_EINVAL); /* namelen < 2 */
    assert_int_equal(ask(kern2, 2, NULL, 0, buf, sizeof(buf)), -FBSD_EISDIR);
    assert_int_equal(ask(below, 3, NULL, 0, buf, sizeof(buf)), -FBSD_ENOTDIR);
    int host[] = { 1, 10 };
    assert_int_equal(ask(host, 2, "x", 1, buf, sizeof(buf)), -FBSD_EPERM);
    int deep[25] = { 1, 1 };
    assert_int_equal(ask(deep, 25, NULL, 0, buf, sizeof(buf)), -FBSD_EINVAL);
}

static void test_name2oid(void **state)
{
    (void)state;
    int oid[24];
    assert_int_equal(fbsd_sysctl_name2oid("kern.ostype", oid, 24), 2);
    assert_int_equal(oid[0], 1); assert_int_equal(oid[1], 1);
    assert_int_equal(fbsd_sysctl_name2oid("kern.proc.pathname", oid, 24), 3);
    assert_int_equal(oid[2], 12);
    assert_int_equal(fbsd_sysctl_name2oid("vm.overcommit", oid, 24), 2);
    assert_int_equal(oid[0], 2); assert_int_equal(oid[1], 12);
    assert_int_equal(fbsd_sysctl_name2oid("hw.pagesizes", oid, 24), 2);
    assert_true(oid[1] >= 0x100);
    assert_int_equal(fbsd_sysctl_name2oid("kern.nosuch", oid, 24), -FBSD_ENOENT);
    /* libthr asks sizeof(cpuset_t) by name before it creates a thread */
    assert_int_equal(fbsd_sysctl_name2oid("kern.sched.cpusetsize", oid, 24), 3);
    int32_t v = 0;
    assert_int_equal(ask(oid, 3, NULL, 0, &v, sizeof v), 4);
    assert_int_equal(v, 32);
    assert_int_equal(fbsd_sysctl_name2oid("kern.pid_max", oid, 24), 2);
    assert_int_equal(ask(oid, 2, NULL, 0, &v, sizeof v), 4);
    assert_int_equal(v, 99999);
    /* Through the meta-OID {0,3}, the name given as new data without a NUL. */
    int m[] = { 0, 3 };
    int res[24];
    assert_int_equal(ask(m, 2, "hw.ncpu", 7, res, sizeof(res)), 8);
    assert_int_equal(res[0], 6); assert_int_equal(res[1], 3);
    assert_int_equal(ask(m, 2, "hw.nope", 7, res, sizeof(res)), -FBSD_ENOENT);
    /* Every table name maps to an OID that maps back to it. */
    for (size_t i = 0; fbsd_sysctl_entry_name(i); i++) {
        const char *n = fbsd_sysctl_entry_name(i);
        int len = fbsd_sysctl_name2oid(n, oid, 24);
        assert_true(len > 0);
        char back[256];
        assert_true(fbsd_sysctl_oid2name(oid, (unsigned)len, back, sizeof(back)) > 0);
        assert_string_equal(back, n);
    }
}

static void test_meta(void **state)
{
    (void)state;
    char buf[256];
    int name[] = { 0, 1, 1, 1 };
    assert_int_equal(ask(name, 4, NULL, 0, buf, sizeof(buf)), 12);
    assert_string_equal(buf, "kern.ostype");
    int name2[] = { 0, 1, 1, 14, 12, 42 };
    ask(name2, 6, NULL, 0, buf, sizeof(buf));
    assert_string_equal(buf, "kern.proc.pathname.42");
    /* oidfmt: u_int kind, then the format string. */
    int fmt[] = { 0, 4, 1, 1 };
    assert_int_equal(ask(fmt, 4, NULL, 0, buf, sizeof(buf)), 6);
    uint32_t kind;
    memcpy(&kind, buf, 4);
    assert_int_equal(kind & FBSD_CTLTYPE, FBSD_CTLTYPE_STRING);
    assert_true(kind & FBSD_CTLFLAG_RD);
    assert_string_equal(buf + 4, "A");
    int fmt2[] = { 0, 4, 6, 5 };
    ask(fmt2, 4, NULL, 0, buf, sizeof(buf));
    memcpy(&kind, buf, 4);
    assert_int_equal(kind & FBSD_CTLTYPE, FBSD_CTLTYPE_ULONG);
    assert_string_equal(buf + 4, "LU");
    int fmtbad[] = { 0, 4, 1, 9999 };
    assert_int_equal(ask(fmtbad, 4, NULL, 0, buf, sizeof(buf)), -FBSD_ENOENT);
    /* next: from the start, walks leaves in order to the end. */
    int cur[26] = { 0, 2 };
    unsigned curlen = 2, n = 0;
    int prev[24] = { 0 };
    unsigned prevlen = 0;
    for (;;) {
        int nx[24];
        long r = ask(cur, curlen, NULL, 0, nx, sizeof(nx));
        if (r == -FBSD_ENOENT)
            break;
        assert_true(r > 0);
        unsigned l = (unsigned)r / sizeof(int);
        if (prevlen) {   /* strictly increasing in OID order */
            unsigned k = 0;
            while (k < l && k < prevlen && prev[k] == nx[k])
                k++;
            assert_true(k < l && (k == prevlen || prev[k] < nx[k]));
        }
        memcpy(prev, nx, sizeof(nx)); prevlen = l;
        memcpy(cur + 2, nx, r); curlen = 2 + l;
        assert_true(++n < 200);
    }
    assert_true(n >= 35);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_strings),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_arandom),
        cmocka_unit_test(test_pathname),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_name2oid),
        cmocka_unit_test(test_meta),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
