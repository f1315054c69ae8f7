/* Unit tests: invariants of the Linux syscall table and the Linux personality's names. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <cmocka.h>

#include "personalities/linux/linux.h"
#include "abi/linux/xlat.h"

/* x86-64 assigns nothing in 335..423 (see syscalls.c). */
static bool unassigned(int nr) { return nr >= 335 && nr <= 423; }

static void every_number_has_a_name(void **state)
{
    (void)state;
    assert_int_equal(linux_personality.nsyscalls, LINUX_NSYSCALLS);
    assert_ptr_equal(linux_personality.table, linux_syscalls);
    for (int nr = 0; nr < LINUX_NSYSCALLS; nr++) {
        const struct syscall_ent *e = &linux_syscalls[nr];
        if (unassigned(nr)) {
            if (e->name) fail_msg("number %d is unassigned on x86-64 but named %s", nr, e->name);
        } else if (!e->name) {
            fail_msg("number %d has no name", nr);
        }
    }
}

static void entries_are_well_formed(void **state)
{
    (void)state;
    for (int nr = 0; nr < LINUX_NSYSCALLS; nr++) {
        const struct syscall_ent *e = &linux_syscalls[nr];
        if (!e->name)
            continue;
        if (e->nargs > 6) fail_msg("%s: %d args", e->name, e->nargs);
        for (int i = 0; i < 6; i++) {
            if (e->arg[i] >= A_NKINDS) fail_msg("%s: arg %d kind %d", e->name, i, e->arg[i]);
            if (i < e->nargs && e->arg[i] == A_NONE) fail_msg("%s: arg %d has no kind", e->name, i);
            if (i >= e->nargs && e->arg[i] != A_NONE) fail_msg("%s: kind beyond nargs", e->name);
            /* a buffer shown on entry takes its length from the next argument */
            if (i < e->nargs && e->arg[i] == A_BUF_IN &&
                (i + 1 >= e->nargs || e->arg[i + 1] != A_SIZE))
                fail_msg("%s: A_BUF_IN without a following size", e->name);
        }
        if (e->host_nr != nr) fail_msg("%s: host_nr %d at index %d", e->name, e->host_nr, nr);
        if (e->enter || e->exit) fail_msg("%s: Linux guests pass through, no handlers", e->name);
        if (e->ret >= A_NKINDS) fail_msg("%s: bad result kind", e->name);
    }
}

static void names_are_unique(void **state)
{
    (void)state;
    for (int a = 0; a < LINUX_NSYSCALLS; a++) {
        if (!linux_syscalls[a].name)
            continue;
        for (int b = a + 1; b < LINUX_NSYSCALLS; b++)
            if (linux_syscalls[b].name && !strcmp(linux_syscalls[a].name, linux_syscalls[b].name))
                fail_msg("%s at %d and %d", linux_syscalls[a].name, a, b);
    }
}

/* Numbers as the kernel's arch/x86/entry/syscalls/syscall_64.tbl assigns them. */
static void known_numbers(void **state)
{
    (void)state;
    static const struct { int nr; const char *name; int nargs; } known[] = {
        { 0, "read", 3 }, { 1, "write", 3 }, { 2, "open", 3 }, { 3, "close", 1 },
        { 9, "mmap", 6 }, { 12, "brk", 1 }, { 56, "clone", 5 }, { 59, "execve", 3 },
        { 60, "exit", 1 }, { 61, "wait4", 4 }, { 158, "arch_prctl", 2 }, { 202, "futex", 6 },
        { 231, "exit_group", 1 }, { 257, "openat", 4 }, { 262, "newfstatat", 4 },
        { 322, "execveat", 5 }, { 332, "statx", 5 }, { 334, "rseq", 4 },
        { 424, "pidfd_send_signal", 4 }, { 435, "clone3", 2 }, { 439, "faccessat2", 4 },
        { 450, "set_mempolicy_home_node", 4 }, { 452, "fchmodat2", 4 }, { 462, "mseal", 3 },
        { 469, "file_setattr", 5 },
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        const struct syscall_ent *e = &linux_syscalls[known[i].nr];
        assert_non_null(e->name);
        assert_string_equal(e->name, known[i].name);
        assert_int_equal(e->nargs, known[i].nargs);
    }
}

static void kinds_and_flags(void **state)
{
    (void)state;
    assert_int_equal(linux_syscalls[0].arg[1], A_BUF_OUT);
    assert_int_equal(linux_syscalls[1].arg[1], A_BUF_IN);
    assert_int_equal(linux_syscalls[257].arg[0], A_DIRFD);
    assert_int_equal(linux_syscalls[257].arg[1], A_PATH);
    assert_int_equal(linux_syscalls[257].arg[2], A_OFLAGS);
    assert_int_equal(linux_syscalls[262].arg[2], A_STAT_OUT);
    assert_int_equal(linux_syscalls[9].ret, A_PTR);
    assert_int_equal(linux_syscalls[12].ret, A_PTR);
    assert_true(linux_syscalls[59].flags & SF_EXEC);
    assert_true(linux_syscalls[322].flags & SF_EXEC);
    assert_true(linux_syscalls[60].flags & SF_NORETURN);
    assert_true(linux_syscalls[231].flags & SF_NORETURN);
    /* nothing else claims to exec or not to return */
    for (int nr = 0; nr < LINUX_NSYSCALLS; nr++)
        if (linux_syscalls[nr].flags & (SF_EXEC | SF_NORETURN))
            assert_true(nr == 59 || nr == 322 || nr == 60 || nr == 231);
}

static void errno_names_match_glibc(void **state)
{
    (void)state;
    for (int e = 1; e <= LINUX_ERRNO_MAX; e++) {
        const char *want = strerrorname_np(e);
        const char *got = linux_personality.errno_name(e);
        if (!want) { assert_null(got); continue; }
        if (!got || strcmp(got, want)) fail_msg("errno %d: %s, glibc says %s", e, got, want);
    }
    assert_string_equal(linux_errno_name(ENOENT), "ENOENT");
    assert_string_equal(linux_errno_name(512), "ERESTARTSYS");
    assert_null(linux_errno_name(0));
    assert_null(linux_errno_name(300));
    assert_int_equal(linux_personality.errno_to_guest(EAGAIN), EAGAIN);
}

static void signal_names_match_glibc(void **state)
{
    (void)state;
    char want[32];
    for (int s = 1; s < 32; s++) {
        snprintf(want, sizeof want, "SIG%s", sigabbrev_np(s));
        const char *got = linux_personality.signal_name(s);
        assert_non_null(got);
        /* glibc calls 29 SIGPOLL and SIGIO alike; strace says SIGIO */
        if (s != SIGIO) assert_string_equal(got, want);
    }
    assert_string_equal(linux_signal_name(SIGIO), "SIGIO");
    assert_string_equal(linux_signal_name(32), "SIGRTMIN");
    assert_string_equal(linux_signal_name(33), "SIGRT_1");
    assert_string_equal(linux_signal_name(64), "SIGRT_32");
    assert_null(linux_signal_name(0));
    assert_null(linux_signal_name(65));
}

static void every_family_has_a_table(void **state)
{
    (void)state;
    for (int k = A_OFLAGS; k <= A_RLIMIT; k++)
        if (!linux_personality.xlat[k]) fail_msg("kind %d has no xlat set", k);
    assert_non_null(linux_personality.xlat[A_DIRFD]);
    assert_non_null(linux_personality.xlat[A_LINUX_FDFLAGS]);
    assert_true(linux_personality.native_ok);
    assert_string_equal(linux_personality.name, "linux");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_number_has_a_name),
        cmocka_unit_test(entries_are_well_formed),
        cmocka_unit_test(names_are_unique),
        cmocka_unit_test(known_numbers),
        cmocka_unit_test(kinds_and_flags),
        cmocka_unit_test(errno_names_match_glibc),
        cmocka_unit_test(signal_names_match_glibc),
        cmocka_unit_test(every_family_has_a_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
