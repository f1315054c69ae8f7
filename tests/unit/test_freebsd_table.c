/* Unit tests: the FreeBSD personality's syscall table (invariants, known
 * numbers, which calls may pass through to Linux unchanged), its result
 * convention, the indirect syscall's argument shift and the stat display.
 * The table is compared with the 13.2 sysroot's sys/syscall.h as a whole by
 * tests/integration/freebsd_table.sh. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <cmocka.h>

#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/stat.h"
#include "tracer/tracee.h"
#include "loader/freebsd_start.h"

static const struct syscall_ent *by_nr(long nr)
{
    const struct syscall_ent *e = fbsd_syscall_ent(nr);
    assert_non_null(e);
    return e;
}

static const struct syscall_ent *by_name(const char *name)
{
    for (size_t i = 0; i < fbsd_nsyscalls; i++)
        if (fbsd_syscalls[i].name && strcmp(fbsd_syscalls[i].name, name) == 0)
            return &fbsd_syscalls[i];
    fail_msg("no entry named %s", name);
    return NULL;
}

/* Facts from FreeBSD 13.2's sys/syscall.h and later syscalls.master. */
static void known_numbers(void **state)
{
    (void)state;
    static const struct { long nr; const char *name; } facts[] = {
        { 0, "syscall" }, { 1, "exit" }, { 2, "fork" }, { 3, "read" }, { 4, "write" },
        { 5, "open" }, { 6, "close" }, { 7, "wait4" }, { 14, "freebsd11_mknod" },
        { 20, "getpid" }, { 42, "freebsd10_pipe" }, { 54, "ioctl" }, { 59, "execve" },
        { 188, "freebsd11_stat" }, { 189, "freebsd11_fstat" }, { 190, "freebsd11_lstat" },
        { 196, "freebsd11_getdirentries" }, { 198, "__syscall" }, { 202, "__sysctl" },
        { 363, "freebsd11_kevent" }, { 395, "freebsd11_getfsstat" }, { 396, "freebsd11_statfs" },
        { 397, "freebsd11_fstatfs" }, { 398, "freebsd11_fhstatfs" }, { 416, "sigaction" },
        { 417, "sigreturn" }, { 454, "_umtx_op" }, { 455, "thr_new" }, { 477, "mmap" },
        { 478, "lseek" }, { 493, "freebsd11_fstatat" }, { 498, "freebsd11_mknodat" },
        { 499, "openat" }, { 504, "posix_openpt" }, { 542, "pipe2" }, { 551, "fstat" },
        { 552, "fstatat" }, { 554, "getdirentries" }, { 559, "mknodat" }, { 560, "kevent" },
        { 570, "__sysctlbyname" }, { 580, "fspacectl" }, { 582, "swapoff" }, { 583, "kqueuex" },
        { 584, "membarrier" }, { 585, "timerfd_create" }, { 588, "kcmp" }, { 589, "getrlimitusage" },
        { 590, "fchroot" }, { 591, "setcred" }, { 592, "exterrctl" },
        { 593, "inotify_add_watch_at" }, { 594, "inotify_rm_watch" },
        { 595, "getgroups" }, { 596, "setgroups" },
        /* compat numbers the 13.2 header names only in comments */
        { 8, "ocreat" }, { 18, "freebsd4_getfsstat" }, { 173, "freebsd6_pread" },
        { 197, "freebsd6_mmap" }, { 11, "execv" },
    };
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++)
        assert_string_equal(by_nr(facts[i].nr)->name, facts[i].name);
    assert_int_equal(FBSD_SYS_fstatat, 552);
    assert_int_equal(FBSD_SYS_freebsd11_fstat, 189);
    assert_int_equal(FBSD_SYS_MAXSYSCALL, 597);
    assert_int_equal(fbsd_nsyscalls, 597);
    /* numbers FreeBSD never assigned stay empty: ENOSYS */
    assert_null(fbsd_syscall_ent(91));
    assert_null(fbsd_syscall_ent(94));
    assert_null(fbsd_syscall_ent(-1));
    assert_null(fbsd_syscall_ent(597));
}

static bool is_ident(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
            return false;
    return true;
}

static void table_invariants(void **state)
{
    (void)state;
    const uint16_t known_flags = SF_EXIT | SF_NORETURN | SF_EXEC | SF_PARTIAL;
    size_t named = 0;
    for (size_t i = 0; i < fbsd_nsyscalls; i++) {
        const struct syscall_ent *e = &fbsd_syscalls[i];
        if (!e->name) {
            assert_null(e->enter);
            continue;
        }
        named++;
        if (!is_ident(e->name))
            fail_msg("#%zu: bad name '%s'", i, e->name);
        if (e->nargs > 6)
            fail_msg("%s: %u arguments", e->name, e->nargs);
        for (int a = 0; a < 6; a++) {
            assert_true(e->arg[a] < A_NKINDS);
            if (a < e->nargs && e->arg[a] == A_NONE)
                fail_msg("%s: argument %d has no kind", e->name, a);
            if (a >= e->nargs && e->arg[a] != A_NONE)
                fail_msg("%s: kind beyond nargs", e->name);
            /* the decoder takes a BUF_IN's length from the next argument */
            if (e->arg[a] == A_BUF_IN && a + 1 >= e->nargs)
                fail_msg("%s: input buffer without a length", e->name);
        }
        assert_true(e->ret < A_NKINDS);
        if (e->flags & ~known_flags)
            fail_msg("%s: unknown flags %#x", e->name, e->flags);
        /* Linux x86-64 numbers end below 470 */
        if (e->host_nr < -1 || e->host_nr > 470)
            fail_msg("%s: host_nr %d", e->name, e->host_nr);
        if ((e->flags & SF_PARTIAL) && !e->note)
            fail_msg("%s: partial without a note", e->name);
        /* a name appears once, except getgroups/setgroups renumbered in FreeBSD 15 */
        for (size_t j = i + 1; j < fbsd_nsyscalls; j++)
            if (fbsd_syscalls[j].name && strcmp(fbsd_syscalls[j].name, e->name) == 0 &&
                strcmp(e->name, "getgroups") != 0 && strcmp(e->name, "setgroups") != 0)
                fail_msg("%s twice (#%zu, #%zu)", e->name, i, j);
    }
    /* 13.2 defines 423 numbers plus 17 named in comments... the table has them all */
    assert_true(named >= 520);
}

static void flags_where_expected(void **state)
{
    (void)state;
    assert_true(by_name("execve")->flags & SF_EXEC);
    assert_true(by_name("fexecve")->flags & SF_EXEC);
    assert_true(by_name("exit")->flags & SF_NORETURN);
    assert_true(by_name("thr_exit")->flags & SF_NORETURN);
    assert_false(by_name("read")->flags & (SF_EXEC | SF_NORETURN));
    for (size_t i = 0; i < fbsd_nsyscalls; i++) {
        const struct syscall_ent *e = &fbsd_syscalls[i];
        if (e->name && (e->flags & SF_EXEC))
            assert_true(strstr(e->name, "exec") != NULL);
    }
    assert_int_equal(by_name("openat")->arg[0], A_DIRFD);
    assert_int_equal(by_name("openat")->arg[2], A_OFLAGS);
    assert_int_equal(by_name("fstat")->arg[1], A_STAT_OUT);
    assert_int_equal(by_name("freebsd11_stat")->arg[1], A_FBSD_STAT11);
    assert_int_equal(by_name("kill")->arg[1], A_SIGNUM);
    assert_int_equal(by_name("mmap")->ret, A_PTR);
    /* handlers wired by name */
    assert_ptr_equal(by_name("__sysctl")->enter, fbsd_sys___sysctl);
    assert_ptr_equal(by_name("__sysctlbyname")->enter, fbsd_sys___sysctlbyname);
    assert_ptr_equal(by_name("sysarch")->enter, fbsd_sys_sysarch);
}

/* Calls whose arguments, flags or results differ from Linux's must not be
 * passed through unchanged: no host number, or a handler that translates. */
static void no_passthrough_where_translation_is_needed(void **state)
{
    (void)state;
    static const char *const need[] = {
        "open", "openat", "fcntl", "mmap", "freebsd6_mmap", "mprotect", "madvise", "msync",
        "freebsd11_stat", "freebsd11_fstat", "freebsd11_lstat", "freebsd11_fstatat",
        "fstat", "fstatat", "fhstat", "getdirentries", "freebsd11_getdirentries",
        "statfs", "fstatfs", "getfsstat", "freebsd11_statfs", "ioctl", "sigaction",
        "sigprocmask", "sigsuspend", "sigpending", "sigaltstack", "sigreturn", "kill",
        "thr_kill", "wait4", "wait6", "socket", "socketpair", "bind", "connect", "accept",
        "accept4", "recvfrom", "sendto", "recvmsg", "sendmsg", "getsockopt", "setsockopt",
        "pipe2", "freebsd10_pipe", "getrlimit", "setrlimit", "clock_gettime",
        "clock_getres", "clock_nanosleep", "poll", "ppoll", "select", "pselect", "kevent",
        "freebsd11_kevent", "__sysctl", "__getcwd", "getpriority", "sched_setscheduler",
        "unlinkat", "fchmodat", "fchownat", "faccessat", "linkat", "link", "futimens",
        "utimensat", "mknodat", "freebsd11_mknod", "posix_fallocate", "posix_fadvise",
        "fexecve", "break", "_umtx_op", "thr_new", "sysarch", "timerfd_create",
    };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        const struct syscall_ent *e = by_name(need[i]);
        /* a host call with an entry or exit handler around it is translated */
        if (e->host_nr != -1 && !e->enter && !e->exit)
            fail_msg("%s passes through to Linux unchanged", need[i]);
    }
    /* getgroups before FreeBSD 15 holds the egid first: only #595 passes through */
    assert_int_equal(by_nr(79)->host_nr, -1);
    assert_int_equal(by_nr(595)->host_nr, __NR_getgroups);
}

static void passthrough_numbers(void **state)
{
    (void)state;
    static const struct { const char *name; int host; } same[] = {
        { "read", __NR_read }, { "write", __NR_write }, { "close", __NR_close },
        { "exit", __NR_exit_group }, { "pread", __NR_pread64 }, { "pwrite", __NR_pwrite64 },
        { "lseek", __NR_lseek }, { "readv", __NR_readv }, { "writev", __NR_writev },
        { "getpid", __NR_getpid }, { "dup", __NR_dup }, { "dup2", __NR_dup2 },
        { "chdir", __NR_chdir }, { "mkdir", __NR_mkdir }, { "munmap", __NR_munmap },
        { "nanosleep", __NR_nanosleep }, { "gettimeofday", __NR_gettimeofday },
        { "sched_yield", __NR_sched_yield }, { "fdatasync", __NR_fdatasync },
        { "execve", __NR_execve }, { "readlinkat", __NR_readlinkat },
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
        if (by_name(same[i].name)->host_nr != same[i].host)
            fail_msg("%s: host_nr %d, wanted %d", same[i].name,
                     by_name(same[i].name)->host_nr, same[i].host);
}

static void result_convention(void **state)
{
    (void)state;
    struct user_regs_struct r;
    memset(&r, 0, sizeof r);

    r.eflags = 0x247;           /* carry set beforehand: success must clear it */
    r.rdx = 0x1234;
    fbsd_result_to_regs(&r, 5, 99, false);
    assert_int_equal(r.rax, 5);
    assert_int_equal(r.eflags & FBSD_EFLAGS_CF, 0);
    assert_int_equal(r.eflags, 0x246);
    assert_int_equal(r.rdx, 0x1234);  /* untouched without a second value */

    fbsd_result_to_regs(&r, 7, 8, true);
    assert_int_equal(r.rax, 7);
    assert_int_equal(r.rdx, 8);

    fbsd_result_to_regs(&r, -EAGAIN, 0, false);
    assert_int_equal(r.rax, 35);
    assert_int_equal(r.eflags & FBSD_EFLAGS_CF, 1);
    fbsd_result_to_regs(&r, -ENOENT, 0, false);
    assert_int_equal(r.rax, 2);
    assert_int_equal(r.eflags & FBSD_EFLAGS_CF, 1);
    fbsd_result_to_regs(&r, -ENOSYS, 0, false);
    assert_int_equal(r.rax, 78);

    /* an address in the upper half (mmap) is a success, not an errno */
    fbsd_result_to_regs(&r, (long)0xffffffffff600000UL, 0, false);
    assert_int_equal(r.rax, 0xffffffffff600000UL);
    assert_int_equal(r.eflags & FBSD_EFLAGS_CF, 0);

    /* the kernel's restart codes stay for the kernel to act on */
    r.rax = (unsigned long)-512L;
    r.eflags = 0x246;
    fbsd_result_to_regs(&r, -512, 0, false);
    assert_int_equal(r.rax, (unsigned long)-512L);
    assert_int_equal(r.eflags, 0x246);
}

static void personality_definition(void **state)
{
    (void)state;
    const struct personality *p = personality_by_name("freebsd");
    assert_ptr_equal(p, &freebsd_personality);
    assert_string_equal(p->name, "freebsd");
    assert_ptr_equal(p->table, fbsd_syscalls);
    assert_int_equal(p->nsyscalls, fbsd_nsyscalls);
    assert_false(p->native_ok);
    assert_int_equal(p->errno_to_guest(EAGAIN), 35);
    assert_int_equal(p->errno_to_guest(ENOENT), 2);
    assert_int_equal(p->errno_to_guest(EWOULDBLOCK), 35);
    assert_string_equal(p->errno_name(35), "EAGAIN");
    assert_string_equal(p->errno_name(78), "ENOSYS");
    assert_string_equal(p->signal_name(SIGUSR1), "SIGUSR1");
    assert_string_equal(p->signal_name(SIGCHLD), "SIGCHLD");
    assert_string_equal(p->signal_name(SIGSYS), "SIGSYS");
    assert_null(p->signal_name(SIGSTKFLT));
    assert_null(p->signal_name(SIGPWR));
    assert_ptr_equal(p->on_exec, freebsd_on_exec);
    assert_null(p->signal_name(0));
    assert_ptr_equal(p->set_result, fbsd_set_result);
    assert_ptr_equal(p->get_result, fbsd_get_result);
    assert_non_null(p->format_arg);
    assert_ptr_equal(p->xlat[A_OFLAGS], &fbsd_xset_open_flags);
    for (int k = 0; k < A_NKINDS; k++)
        if (p->xlat[k])
            assert_non_null(p->xlat[k]->tab);
}

static const char *xname(const struct xlat *tab, uint64_t v)
{
    for (; tab->name; tab++)
        if (tab->val == v)
            return tab->name;
    return NULL;
}

static void xlat_sets(void **state)
{
    (void)state;
    /* O_ACCMODE part by enum, FreeBSD numbers */
    assert_int_equal(fbsd_xset_open_flags.style, XS_FLAGS);
    assert_int_equal(fbsd_xset_open_flags.enum_mask, 3);
    assert_string_equal(xname(fbsd_xset_open_flags.enum_tab, 2), "O_RDWR");
    assert_string_equal(xname(fbsd_xset_open_flags.tab, 0x200), "O_CREAT");   /* Linux: 0x40 */
    assert_string_equal(xname(fbsd_xset_mmap_flags.tab, 0x1000), "MAP_ANON");  /* Linux: 0x20 */
    assert_string_equal(xname(fbsd_xset_at_flags.tab, 0x200), "AT_SYMLINK_NOFOLLOW");
    assert_string_equal(xname(fbsd_xset_sighow.tab, 3), "SIG_SETMASK");         /* Linux: 2 */
    assert_string_equal(xname(fbsd_xset_signals.tab, 30), "SIGUSR1");          /* Linux: 10 */
    assert_string_equal(xname(fbsd_xset_signals.tab, 20), "SIGCHLD");          /* Linux: 17 */
    assert_string_equal(xname(fbsd_xset_wait_opts.tab, 1), "WNOHANG");
    assert_int_equal(fbsd_xset_whence.style, XS_ENUM);
}

static void indirect_shift(void **state)
{
    (void)state;
    uint64_t in[6] = { FBSD_SYS_mmap, 0x1000, 4096, 3, 0x1002, 7 }, out[6];
    long nr = fbsd_indirect_shift(in, 0x8000, out);
    assert_int_equal(nr, 477);
    uint64_t want[6] = { 0x1000, 4096, 3, 0x1002, 7, 0x8000 };
    assert_memory_equal(out, want, sizeof want);

    /* FreeBSD keeps the code in a u_int: the upper half is ignored */
    in[0] = 0xffffffff00000003ULL;
    assert_int_equal(fbsd_indirect_shift(in, 0, out), FBSD_SYS_read);
    in[0] = 0xffffffffULL;       /* out of range: the handler gives ENOSYS */
    nr = fbsd_indirect_shift(in, 0, out);
    assert_null(fbsd_syscall_ent(nr));
    assert_ptr_equal(by_nr(FBSD_SYS_syscall)->enter, fbsd_sys_indirect);
    assert_ptr_equal(by_nr(FBSD_SYS___syscall)->enter, fbsd_sys_indirect);
}

/* The stat summary reads the struct through guest_read: with our own pid as
 * the "guest", our memory stands in for the guest's. */
static void stat_display(void **state)
{
    (void)state;
    struct tracee t;
    memset(&t, 0, sizeof t);
    t.tid = getpid();
    t.pers = &freebsd_personality;
    char buf[128];

    struct fbsd_stat st;
    memset(&st, 0, sizeof st);
    st.st_mode = FBSD_S_IFREG | 0644;
    st.st_size = 1234;
    assert_true(fbsd_format_arg(&t, A_STAT_OUT, (uint64_t)(uintptr_t)&st, true, 0, buf, sizeof buf));
    assert_string_equal(buf, "{st_mode=S_IFREG|0644, st_size=1234, ...}");

    struct fbsd_freebsd11_stat old;
    memset(&old, 0, sizeof old);
    old.st_mode = FBSD_S_IFCHR | 0666;
    old.st_rdev = 0x1e;
    assert_true(fbsd_format_arg(&t, A_FBSD_STAT11, (uint64_t)(uintptr_t)&old, true, 0, buf, sizeof buf));
    assert_string_equal(buf, "{st_mode=S_IFCHR|0666, st_rdev=0x1e, ...}");

    /* failed call or entry: the pointer only */
    assert_true(fbsd_format_arg(&t, A_STAT_OUT, 0x1000, true, -ENOENT, buf, sizeof buf));
    assert_string_equal(buf, "0x1000");
    assert_false(fbsd_format_arg(&t, A_FD, 3, true, 0, buf, sizeof buf));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_numbers),
        cmocka_unit_test(table_invariants),
        cmocka_unit_test(flags_where_expected),
        cmocka_unit_test(no_passthrough_where_translation_is_needed),
        cmocka_unit_test(passthrough_numbers),
        cmocka_unit_test(result_convention),
        cmocka_unit_test(personality_definition),
        cmocka_unit_test(xlat_sets),
        cmocka_unit_test(indirect_shift),
        cmocka_unit_test(stat_display),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
