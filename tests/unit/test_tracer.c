/* The supervisor driven directly: this program re-executes itself as a guest
 * ("--probe") under a test personality — the Linux table with a few handlers that
 * emulate calls, rewrite arguments, run a syscall inside the guest, write through
 * read-only pages and change results — once with the seccomp filter and once with
 * every syscall stopping.  Plus the accessors on bad pointers and the tid table. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "tracer/supervisor.h"
#include "tracer/tracer.h"

/* ---- the guest side ---- */

static long raw_write_keep_rdi(long *fd, const char *buf, long len)
{
    long ret;
    __asm__ volatile("syscall" : "=a"(ret), "+D"(*fd) : "a"(SYS_write), "S"(buf), "d"(len)
                     : "rcx", "r11", "memory");
    return ret;
}

/* Handlers only act on calls carrying this in an otherwise unused argument: the
 * probe is this very program, whose C runtime (or sanitizer runtime) makes the same
 * calls for its own purposes. */
#define MAGIC 0x15152002ul

static int probe(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("emulated getppid: %ld\n", syscall(SYS_getppid, MAGIC));
    long u = syscall(SYS_getuid, MAGIC);
    printf("getuid ran getpid inside: %s\n", u == syscall(SYS_getpid) ? "yes" : "no");
    long fd = 99;
    long w = raw_write_keep_rdi(&fd, "rewritten fd\n", 13);
    printf("write returned %ld, rdi after: %ld\n", w, fd);
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long r = syscall(SYS_uname, ro, MAGIC);
    printf("uname into a read-only page: %ld \"%s\"\n", r, ro);
    r = syscall(SYS_chdir, "pmt/", MAGIC);
    char cwd[256] = "";
    printf("chdir(reversed \"pmt/\"): %ld, cwd %s\n", r, getcwd(cwd, sizeof cwd) ? cwd : "?");
    r = syscall(SYS_chdir, (char *)1, MAGIC);
    printf("chdir((char *)1): %ld %s\n", r, r < 0 ? strerror(errno) : "");
    printf("umask exit handler: %lo\n", (long)syscall(SYS_umask, 022, MAGIC));
    return 0;
}

/* ---- the test personality ---- */

static enum sys_action h_getppid(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->args[0] != MAGIC)
        return SYS_PASS;
    sc->ret = 4242;
    return SYS_DONE;
}

static enum sys_action h_getuid(struct tracee *t, struct sysc *sc)
{
    uint64_t none[6] = { 0 };
    if (sc->args[0] != MAGIC)
        return SYS_PASS;
    sc->ret = guest_syscall(t, SYS_getpid, none);
    return SYS_DONE;
}

static enum sys_action h_write(struct tracee *t, struct sysc *sc)
{
    if (sc->args[0] == 99)
        sysc_set_arg(t, 0, 1);
    return SYS_PASS;
}

static enum sys_action h_uname(struct tracee *t, struct sysc *sc)
{
    static const char s[] = "ROPAGE";
    if (sc->args[1] != MAGIC)
        return SYS_PASS;
    int r = guest_write(t, sc->args[0], s, sizeof s);   /* read-only: the ptrace fallback */
    sc->ret = r < 0 ? r : 0;
    return SYS_DONE;
}

static enum sys_action h_chdir(struct tracee *t, struct sysc *sc)
{
    char path[64], rev[64];
    if (sc->args[1] != MAGIC)
        return SYS_PASS;
    long n = guest_read_str(t, sc->args[0], path, sizeof path);
    if (n < 0) {
        sc->ret = n;
        return SYS_DONE;
    }
    for (long i = 0; i < n; i++)
        rev[i] = path[n - 1 - i];
    rev[n] = 0;
    uint64_t a = guest_scratch(t, (size_t)n + 1);
    if (!a || guest_write(t, a, rev, (size_t)n + 1) < 0) {
        sc->ret = -EFAULT;
        return SYS_DONE;
    }
    sysc_set_arg(t, 0, a);
    return SYS_PASS;
}

static void x_umask(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->args[1] == MAGIC)
        sc->ret = 0777;
}

static struct personality test_pers;
static struct syscall_ent *test_table;

static void make_personality(void)
{
    if (test_table)
        return;
    test_pers = linux_personality;
    test_table = calloc(test_pers.nsyscalls, sizeof *test_table);
    memcpy(test_table, linux_personality.table, test_pers.nsyscalls * sizeof *test_table);
    test_table[SYS_getppid].enter = h_getppid;
    test_table[SYS_getuid].enter = h_getuid;
    test_table[SYS_write].enter = h_write;
    test_table[SYS_uname].enter = h_uname;
    test_table[SYS_chdir].enter = h_chdir;
    test_table[SYS_umask].exit = x_umask;
    test_pers.table = test_table;
    test_pers.name = "test";
}

static const char expected[] =
    "emulated getppid: 4242\n"
    "getuid ran getpid inside: yes\n"
    "rewritten fd\n"
    "write returned 13, rdi after: 99\n"
    "uname into a read-only page: 0 \"ROPAGE\"\n"
    "chdir(reversed \"pmt/\"): 0, cwd /tmp\n"
    "chdir((char *)1): -1 Bad address\n"
    "umask exit handler: 777\n";

/* Runs the probe under the supervisor; returns its output, sets *status. */
static char *run_probe(struct tracer_config *cfg, int *status)
{
    make_personality();
    int p[2];
    assert_int_equal(pipe(p), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        if (tracer_child_prepare(cfg) < 0)
            _exit(125);
        /* LeakSanitizer's exit check (SANITIZE=1) attaches to the process with ptrace
         * from a CLONE_UNTRACED thread, which cannot work under a tracer. */
        setenv("ASAN_OPTIONS", "detect_leaks=0", 1);
        execl("/proc/self/exe", "test_tracer", "--probe", (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    *status = tracer_run(pid, cfg);
    static char out[4096];
    size_t len = 0;
    ssize_t n;
    while (len < sizeof out - 1 && (n = read(p[0], out + len, sizeof out - 1 - len)) > 0)
        len += (size_t)n;
    out[len] = 0;
    close(p[0]);
    return out;
}

static void test_handlers_with_seccomp_filter(void **state)
{
    (void)state;
    struct tracer_config cfg = { .pers = &test_pers, .use_seccomp = true };
    make_personality();
    int st;
    char *out = run_probe(&cfg, &st);
    assert_int_equal(st, 0);
    assert_string_equal(out, expected);
}

static void test_handlers_with_every_stop(void **state)
{
    (void)state;
    FILE *devnull = fopen("/dev/null", "w");
    assert_non_null(devnull);
    struct tracer_config cfg = { .pers = &test_pers, .trace = devnull };
    make_personality();
    int st;
    char *out = run_probe(&cfg, &st);
    fclose(devnull);
    assert_int_equal(st, 0);
    assert_string_equal(out, expected);
}

static void test_seccomp_traces_only_handled_calls(void **state)
{
    (void)state;
    make_personality();
    assert_true(seccomp_traces(&test_pers, SYS_getuid));     /* handler */
    assert_true(seccomp_traces(&test_pers, SYS_umask));      /* exit handler */
    assert_true(seccomp_traces(&test_pers, SYS_execve));     /* SF_EXEC */
    assert_false(seccomp_traces(&test_pers, SYS_read));      /* plain passthrough */
    assert_true(seccomp_traces(&test_pers, 1000));           /* no such call */
    assert_true(seccomp_traces(&test_pers, -1));
}

/* ---- accessors without a tracee: our own process, which nobody traces ---- */

static void test_memory_bad_pointers(void **state)
{
    (void)state;
    struct tracee self = { .tid = getpid(), .tgid = getpid() };
    char buf[64];
    assert_int_equal(guest_read(&self, 1, buf, 8), -EFAULT);
    assert_int_equal(guest_read(&self, UINT64_MAX - 2, buf, 8), -EFAULT);
    assert_int_equal(guest_read_str(&self, 1, buf, sizeof buf), -EFAULT);
    assert_int_equal(guest_write(&self, 1, "x", 1), -EFAULT);

    /* a string that ends right before an unmapped page is read; one running into it is not */
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    assert_true(m != MAP_FAILED);
    munmap(m + 4096, 4096);
    memcpy(m + 4096 - 4, "abc", 4);
    assert_int_equal(guest_read_str(&self, (uint64_t)(m + 4096 - 4), buf, sizeof buf), 3);
    assert_string_equal(buf, "abc");
    memcpy(m + 4096 - 4, "abcd", 4);
    assert_int_equal(guest_read_str(&self, (uint64_t)(m + 4096 - 4), buf, sizeof buf), -EFAULT);
    /* no NUL within the bound */
    memset(m, 'x', 100);
    assert_int_equal(guest_read_str(&self, (uint64_t)m, buf, 10), -ENAMETOOLONG);
    munmap(m, 4096);
}

static void test_tid_table(void **state)
{
    (void)state;
    memset(&sv, 0, sizeof sv);
    struct tnode *a = procs_add(100, 100), *b = procs_add(101, 100), *c = procs_add(100 + 1024, 100 + 1024);
    assert_int_equal(sv.ntracees, 3);
    assert_ptr_equal(procs_find(100), a);
    assert_ptr_equal(procs_find(101), b);
    assert_ptr_equal(procs_find(1124), c);          /* same bucket as 100 */
    assert_ptr_equal(a->g, b->g);                   /* one thread group */
    assert_int_equal(a->g->nthreads, 2);
    assert_false(procs_unimpl_seen(a->g, 1000));
    assert_true(procs_unimpl_seen(b->g, 1000));     /* once per process */
    assert_false(procs_unimpl_seen(c->g, 1000));
    procs_remove(a);                                /* exec by a non-leader: b takes tid 100 */
    procs_retid(b, 100);
    assert_ptr_equal(procs_find(100), b);
    assert_null(procs_find(101));
    assert_int_equal(b->g->nthreads, 1);
    procs_clear();
    assert_int_equal(sv.ntracees, 0);
    assert_null(procs_find(1124));
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--probe") == 0)
        return probe();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tid_table),
        cmocka_unit_test(test_memory_bad_pointers),
        cmocka_unit_test(test_seccomp_traces_only_handled_calls),
        cmocka_unit_test(test_handlers_with_seccomp_filter),
        cmocka_unit_test(test_handlers_with_every_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
