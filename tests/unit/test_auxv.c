/* Unit tests for loader/auxv.c: parsing Linux's initial stack and building FreeBSD's. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>
#include <errno.h>
#include <cmocka.h>
#include "loader/auxv.h"

#define SP 0x7ffc00001000ull

/* A Linux stack: argc=2, argv, NULL, 1 env, NULL, auxv. */
static size_t linux_stack(uint64_t *w, uint64_t base)
{
    size_t n = 0;
    w[n++] = 2;
    w[n++] = 0x7ffc00002000; w[n++] = 0x7ffc00002010; w[n++] = 0;
    w[n++] = 0x7ffc00002020; w[n++] = 0;
    uint64_t aux[][2] = {
        { LX_AT_SYSINFO_EHDR, 0x7fff1000 }, { LX_AT_HWCAP, 0xbfebfbff },
        { LX_AT_PAGESZ, 4096 }, { LX_AT_CLKTCK, 100 }, { LX_AT_PHDR, 0x200040 },
        { LX_AT_PHENT, 56 }, { LX_AT_PHNUM, 11 }, { LX_AT_BASE, base },
        { LX_AT_FLAGS, 0 }, { LX_AT_ENTRY, 0x201000 }, { LX_AT_UID, 0 },
        { LX_AT_EUID, 0 }, { LX_AT_GID, 0 }, { LX_AT_EGID, 0 }, { LX_AT_SECURE, 0 },
        { LX_AT_RANDOM, 0x7ffc00002100 }, { LX_AT_EXECFN, 0x7ffc00002ff0 },
        { LX_AT_PLATFORM, 0x7ffc00002110 }, { LX_AT_NULL, 0 },
    };
    for (size_t i = 0; i < sizeof(aux) / sizeof(aux[0]); i++) {
        w[n++] = aux[i][0];
        w[n++] = aux[i][1];
    }
    return n;
}

static void test_parse(void **state)
{
    (void)state;
    uint64_t w[128];
    size_t n = linux_stack(w, 0x800000000);
    struct lx_stack s;
    assert_int_equal(lx_stack_parse(w, n, SP, &s), 0);
    assert_int_equal(s.argc, 2);
    assert_int_equal(s.envc, 1);
    assert_int_equal(s.argv_addr, SP + 8);
    assert_int_equal(s.envp_addr, SP + 8 * 4);
    assert_int_equal(s.auxv_addr, SP + 8 * 6);
    assert_int_equal(s.words_used, n);
    assert_int_equal(s.aux.nentries, 18);
    uint64_t v;
    assert_true(lx_auxv_get(&s.aux, LX_AT_BASE, &v));
    assert_int_equal(v, 0x800000000);
    assert_true(lx_auxv_get(&s.aux, LX_AT_EXECFN, &v));
    assert_int_equal(v, 0x7ffc00002ff0);
    assert_false(lx_auxv_get(&s.aux, LX_AT_HWCAP2, &v));
}

static void test_parse_short_and_bad(void **state)
{
    (void)state;
    uint64_t w[128];
    size_t n = linux_stack(w, 0);
    struct lx_stack s;
    /* Every truncation asks for more words. */
    for (size_t k = 0; k < n; k++)
        assert_int_equal(lx_stack_parse(w, k, SP, &s), -ENOSPC);
    /* argv not NULL-terminated where argc says. */
    w[3] = 0x1234;
    assert_int_equal(lx_stack_parse(w, n, SP, &s), -EINVAL);
    /* Absurd argc. */
    w[0] = 1ull << 40;
    assert_int_equal(lx_stack_parse(w, n, SP, &s), -EINVAL);
}

static const uint8_t canary[FB_CANARY_LEN] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

static void build(uint64_t lxbase, bool et_dyn, struct fb_start_out *o)
{
    uint64_t w[128];
    size_t n = linux_stack(w, lxbase);
    struct lx_stack s;
    assert_int_equal(lx_stack_parse(w, n, SP, &s), 0);
    struct fb_start_in in = {
        .top = SP, .argc = s.argc, .envc = s.envc, .argv = &w[1], .envv = &w[4],
        .lx = &s.aux, .et_dyn = et_dyn, .phoff = 0x40, .execpath = "/bin/echo",
        .canary = canary, .osreldate = 1302001, .ncpus = 2,
    };
    assert_int_equal(fb_start_build(&in, o), 0);
}

static uint64_t at(const struct fb_start_out *o, uint64_t addr)
{
    assert_true(addr >= o->addr && addr + 8 <= o->addr + o->len);
    uint64_t v;
    memcpy(&v, o->image + (addr - o->addr), 8);
    return v;
}

static uint64_t aux(const struct fb_start_out *o, uint64_t type)
{
    uint64_t v = 0;
    assert_int_equal(fb_auxv_find(o, type, &v), 1);
    return v;
}

static void test_build_layout(void **state)
{
    (void)state;
    struct fb_start_out o;
    build(0x800000000, false, &o);
    /* Below the Linux stack pointer, 16-aligned argc; %rsp as exec_setregs. */
    assert_int_equal(o.addr + o.len, SP);
    assert_int_equal(o.argc_addr % 16, 0);
    assert_int_equal(o.rsp, ((o.argc_addr - 8) & ~15ull) + 8);
    assert_int_equal(o.rsp % 16, 8);
    /* argc, argv[], NULL, envp[], NULL, auxv. */
    assert_int_equal(at(&o, o.argc_addr), 2);
    assert_int_equal(at(&o, o.argc_addr + 8), 0x7ffc00002000);
    assert_int_equal(at(&o, o.argc_addr + 16), 0x7ffc00002010);
    assert_int_equal(at(&o, o.argc_addr + 24), 0);
    assert_int_equal(at(&o, o.argc_addr + 32), 0x7ffc00002020);
    assert_int_equal(at(&o, o.argc_addr + 40), 0);
    assert_int_equal(o.auxv_addr, o.argc_addr + 48);
    /* FreeBSD's order starts like its kernel's: PHDR PHENT PHNUM PAGESZ FLAGS ENTRY BASE. */
    static const uint64_t first[] = { 3, 4, 5, 6, 8, 9, 7 };
    for (size_t i = 0; i < 7; i++)
        assert_int_equal(at(&o, o.auxv_addr + 16 * i), first[i]);
    free(o.image);
}

static void test_build_values(void **state)
{
    (void)state;
    struct fb_start_out o;
    build(0x800000000, false, &o);
    assert_int_equal(aux(&o, FB_AT_PHDR), 0x200040);
    assert_int_equal(aux(&o, FB_AT_PHENT), 56);
    assert_int_equal(aux(&o, FB_AT_PHNUM), 11);
    assert_int_equal(aux(&o, FB_AT_PAGESZ), 4096);
    assert_int_equal(aux(&o, FB_AT_ENTRY), 0x201000);
    assert_int_equal(aux(&o, FB_AT_BASE), 0x800000000);
    assert_int_equal(aux(&o, FB_AT_OSRELDATE), 1302001);
    assert_int_equal(aux(&o, FB_AT_NCPUS), 2);
    assert_int_equal(aux(&o, FB_AT_STACKPROT), FB_PROT_READ | FB_PROT_WRITE);
    assert_int_equal(aux(&o, FB_AT_BSDFLAGS), 0);
    /* Pointed-to data lies inside the image. */
    uint64_t p = aux(&o, FB_AT_EXECPATH);
    assert_string_equal((const char *)o.image + (p - o.addr), "/bin/echo");
    p = aux(&o, FB_AT_CANARY);
    assert_int_equal(aux(&o, FB_AT_CANARYLEN), 64);
    assert_memory_equal(o.image + (p - o.addr), canary, 64);
    p = aux(&o, FB_AT_PAGESIZES);
    assert_int_equal(aux(&o, FB_AT_PAGESIZESLEN), 24);
    assert_int_equal(at(&o, p), 4096);
    assert_int_equal(at(&o, p + 8), 2 << 20);
    assert_int_equal(at(&o, p + 16), 1 << 30);
    /* argc/argv/envc/envv and ps_strings agree with the vectors. */
    assert_int_equal(aux(&o, FB_AT_ARGC), 2);
    assert_int_equal(aux(&o, FB_AT_ARGV), o.argc_addr + 8);
    assert_int_equal(aux(&o, FB_AT_ENVC), 1);
    assert_int_equal(aux(&o, FB_AT_ENVV), o.argc_addr + 32);
    p = aux(&o, FB_AT_PS_STRINGS);
    assert_int_equal(p, SP - FB_PS_STRINGS_BELOW_SP);
    assert_int_equal(at(&o, p), o.argc_addr + 8);
    assert_int_equal((uint32_t)at(&o, p + 8), 2);
    assert_int_equal(at(&o, p + 16), o.argc_addr + 32);
    assert_int_equal((uint32_t)at(&o, p + 24), 1);
    free(o.image);
}

static void test_no_linux_only_entries(void **state)
{
    (void)state;
    struct fb_start_out o;
    build(0x800000000, false, &o);
    /* Every type is a known FreeBSD one, none repeated, AT_NULL last. */
    int seen[FB_AT_COUNT] = { 0 };
    uint64_t a = o.auxv_addr, t;
    size_t n = 0;
    while ((t = at(&o, a)) != FB_AT_NULL) {
        assert_true(t < FB_AT_COUNT);
        assert_int_equal(seen[t]++, 0);
        a += 16;
        n++;
    }
    assert_int_equal(at(&o, a + 8), 0);
    assert_true(n >= 20);
    /* Linux-only values must not leak under FreeBSD numbers: AT_UID..AT_EGID
     * are not emitted by FreeBSD's kernel, nor AT_HWCAP on amd64, nor
     * AT_TIMEKEEP without a shared page. */
    assert_int_equal(fb_auxv_find(&o, FB_AT_UID, NULL), 0);
    assert_int_equal(fb_auxv_find(&o, FB_AT_HWCAP, NULL), 0);
    assert_int_equal(fb_auxv_find(&o, FB_AT_TIMEKEEP, NULL), 0);
    assert_int_equal(fb_auxv_find(&o, FB_AT_EXECFD, NULL), 0);
    free(o.image);
}

static void test_base_fallback(void **state)
{
    (void)state;
    struct fb_start_out o;
    /* ld-elf.so.1 run directly: Linux AT_BASE 0, ET_DYN: base = AT_PHDR - phoff. */
    build(0, true, &o);
    assert_int_equal(aux(&o, FB_AT_BASE), 0x200000);
    assert_int_equal(o.base, 0x200000);
    free(o.image);
    /* A static ET_EXEC program: 0, as FreeBSD gives. */
    build(0, false, &o);
    assert_int_equal(aux(&o, FB_AT_BASE), 0);
    free(o.image);
}

static void test_alignment_any_sizes(void **state)
{
    (void)state;
    /* argc and path length parities must not break the alignment. */
    uint64_t ptrs[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    struct lx_auxv lx = { 0 };
    lx.val[LX_AT_PHDR] = 0x1040; lx.val[LX_AT_ENTRY] = 0x2000;
    lx.present = (1ull << LX_AT_PHDR) | (1ull << LX_AT_ENTRY);
    const char *paths[] = { "", "/a", "/bin/sh", "/0123456789abcdef", "/0123456789abcde" };
    for (uint64_t argc = 0; argc < 4; argc++)
        for (uint64_t envc = 0; envc < 4; envc++)
            for (size_t p = 0; p < 5; p++) {
                struct fb_start_in in = {
                    .top = SP, .argc = argc, .envc = envc, .argv = ptrs, .envv = ptrs,
                    .lx = &lx, .execpath = paths[p], .canary = canary,
                };
                struct fb_start_out o;
                assert_int_equal(fb_start_build(&in, &o), 0);
                assert_int_equal(o.argc_addr % 16, 0);
                assert_int_equal(o.rsp % 16, 8);
                assert_true(o.auxv_addr + 16 <= o.pagesizes);
                assert_true(o.pagesizes + 24 <= o.canary);
                assert_true(o.canary + 64 <= o.execpath);
                assert_true(o.execpath + strlen(paths[p]) + 1 <= o.ps_strings);
                assert_int_equal(o.ps_strings + FB_PS_STRINGS_SIZE, SP);
                assert_int_equal(at(&o, o.argc_addr), argc);
                free(o.image);
            }
    /* Without AT_PHDR there is nothing to start. */
    lx.present = 1ull << LX_AT_ENTRY;
    struct fb_start_in in = { .top = SP, .lx = &lx, .canary = canary };
    struct fb_start_out o;
    assert_int_equal(fb_start_build(&in, &o), -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse),
        cmocka_unit_test(test_parse_short_and_bad),
        cmocka_unit_test(test_build_layout),
        cmocka_unit_test(test_build_values),
        cmocka_unit_test(test_no_linux_only_entries),
        cmocka_unit_test(test_base_fallback),
        cmocka_unit_test(test_alignment_any_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
