/* Unit tests: whole --trace lines from tracer/trace.c.  The "guest" is this test process
 * itself (a tracee whose tid is our pid: guest_read works on our own memory), so the real
 * decoding path runs without a supervisor. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "tracer/trace.h"
#include "personalities/linux/linux.h"

static FILE *out;
static char *outbuf;
static size_t outlen;
static char want[1024];

static int setup(void **state)
{
    (void)state;
    out = open_memstream(&outbuf, &outlen);
    return out ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    fclose(out);
    free(outbuf);
    return 0;
}

/* Everything printed since the last call. */
static const char *printed(void)
{
    static char copy[8192];
    static size_t seen;
    fflush(out);
    snprintf(copy, sizeof copy, "%s", outbuf + seen);
    seen = outlen;
    return copy;
}

static struct tracee self(void)
{
    struct tracee t;
    memset(&t, 0, sizeof t);
    t.tid = t.tgid = getpid();
    t.pers = &linux_personality;
    return t;
}

static void call(struct tracee *t, long nr, uint64_t a0, uint64_t a1, uint64_t a2,
                 uint64_t a3, uint64_t a4, uint64_t a5)
{
    t->sc.nr = nr;
    const uint64_t a[6] = { a0, a1, a2, a3, a4, a5 };
    memcpy(t->sc.args, a, sizeof a);
    t->sc.ent = nr >= 0 && nr < LINUX_NSYSCALLS && linux_syscalls[nr].name
                ? &linux_syscalls[nr] : NULL;
    t->sc.ret = 0;
}

#define P(x) ((uint64_t)(uintptr_t)(x))

static void whole_calls(void **state)
{
    (void)state;
    struct tracee t = self();
    int me = getpid();

    call(&t, 257, (uint64_t)-100, P("/dev/null"), O_WRONLY | O_CREAT | O_TRUNC, 0666, 0, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = 3;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want,
             "%d openat(AT_FDCWD, \"/dev/null\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3\n", me);
    assert_string_equal(printed(), want);

    call(&t, 1, 1, P("hi\n"), 3, 0, 0, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = 3;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d write(1, \"hi\\n\", 3) = 3\n", me);
    assert_string_equal(printed(), want);

    /* read: the buffer is shown at exit, as long as the result says */
    char buf[100] = "";
    call(&t, 0, 0, P(buf), sizeof buf, 0, 0, 0);
    trace_syscall_enter(out, &t);
    memcpy(buf, "hello world", 11);
    t.sc.ret = 5;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d read(0, \"hello\", 100) = 5\n", me);
    assert_string_equal(printed(), want);

    call(&t, 0, 0, P(buf), sizeof buf, 0, 0, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = -EAGAIN;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d read(0, %p, 100) = -1 EAGAIN (Resource temporarily unavailable)\n",
             me, (void *)buf);
    assert_string_equal(printed(), want);

    /* a long buffer is cut after 32 bytes */
    const char *long_text = "0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
    call(&t, 1, 2, P(long_text), strlen(long_text), 0, 0, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = (long)strlen(long_text);
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d write(2, \"0123456789abcdefghijklmnopqrstuv\"..., 42) = 42\n", me);
    assert_string_equal(printed(), want);
}

static void stat_and_mmap(void **state)
{
    (void)state;
    struct tracee t = self();
    int me = getpid();
    struct stat st;
    memset(&st, 0, sizeof st);
    st.st_mode = S_IFREG | 0644;
    st.st_size = 123;
    call(&t, 262, (uint64_t)-100, P("/etc/passwd"), P(&st), 0, 0, 0);
    trace_syscall_enter(out, &t);
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d newfstatat(AT_FDCWD, \"/etc/passwd\", "
             "{st_mode=S_IFREG|0644, st_size=123, ...}, 0) = 0\n", me);
    assert_string_equal(printed(), want);

    call(&t, 262, (uint64_t)-100, P("/nope"), P(&st), 0x100, 0, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = -ENOENT;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d newfstatat(AT_FDCWD, \"/nope\", %p, AT_SYMLINK_NOFOLLOW)"
             " = -1 ENOENT (No such file or directory)\n", me, (void *)&st);
    assert_string_equal(printed(), want);

    call(&t, 9, 0, 4096, 3, 0x22, (uint64_t)-1, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = 0x7f1234560000;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d mmap(NULL, 4096, PROT_READ|PROT_WRITE, "
             "MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f1234560000\n", me);
    assert_string_equal(printed(), want);
}

static void execve_and_exits(void **state)
{
    (void)state;
    struct tracee t = self();
    int me = getpid();
    const char *argv[] = { "sh", "-c", "echo hi > /dev/null", NULL };
    const char *envp[] = { "A=1", "B=2", NULL };
    call(&t, 59, P("/bin/sh"), P(argv), P(envp), 0, 0, 0);
    trace_syscall_enter(out, &t);
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d execve(\"/bin/sh\", [\"sh\", \"-c\", \"echo hi > /dev/null\"], "
             "%p /* 2 vars */) = 0\n", me, (void *)envp);
    assert_string_equal(printed(), want);

    call(&t, 231, 0, 0, 0, 0, 0, 0);
    trace_syscall_enter(out, &t);
    trace_syscall_noreturn(out, &t);
    trace_exit(out, me, &linux_personality, 0);
    snprintf(want, sizeof want, "%d exit_group(0) = ?\n%d +++ exited with 0 +++\n", me, me);
    assert_string_equal(printed(), want);

    trace_exit(out, 4242, &linux_personality, SIGKILL);
    assert_string_equal(printed(), "4242 +++ killed by SIGKILL +++\n");
}

static void bad_pointers_and_unknown_calls(void **state)
{
    (void)state;
    struct tracee t = self();
    int me = getpid();
    call(&t, 257, (uint64_t)-100, 1, 0, 0, 0, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = -EFAULT;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d openat(AT_FDCWD, 0x1, O_RDONLY) = -1 EFAULT (Bad address)\n", me);
    assert_string_equal(printed(), want);

    call(&t, 2, 0, 0, 0, 0, 0, 0);
    trace_syscall_enter(out, &t);
    t.sc.ret = -EFAULT;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d open(NULL, O_RDONLY) = -1 EFAULT (Bad address)\n", me);
    assert_string_equal(printed(), want);

    call(&t, 1000, 1, 2, 3, 4, 5, 6);
    trace_syscall_enter(out, &t);
    t.sc.ret = -ENOSYS;
    trace_syscall_exit(out, &t);
    snprintf(want, sizeof want, "%d syscall_1000(0x1, 0x2, 0x3, 0x4, 0x5, 0x6)"
             " = -1 ENOSYS (Function not implemented)\n", me);
    assert_string_equal(printed(), want);
}

static void interleaved_processes(void **state)
{
    (void)state;
    struct tracee a = self(), b = self();
    b.tid = b.tgid = 999999;   /* its calls read no memory */
    int me = getpid();
    char buf[16] = "";

    call(&a, 0, 0, P(buf), sizeof buf, 0, 0, 0);
    trace_syscall_enter(out, &a);
    call(&b, 39, 0, 0, 0, 0, 0, 0);
    trace_syscall_enter(out, &b);
    b.sc.ret = 999999;
    trace_syscall_exit(out, &b);
    memcpy(buf, "x\n", 2);
    a.sc.ret = 2;
    trace_syscall_exit(out, &a);
    snprintf(want, sizeof want,
             "%d read(0,  <unfinished ...>\n"
             "999999 getpid() = 999999\n"
             "%d <... read resumed>\"x\\n\", 16) = 2\n", me, me);
    assert_string_equal(printed(), want);

    /* a signal line for another process also closes the open entry */
    call(&a, 61, (uint64_t)-1, 0, 0, 0, 0, 0);
    trace_syscall_enter(out, &a);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = SIGCHLD; si.si_code = CLD_EXITED; si.si_pid = 999999;
    trace_signal(out, &b, SIGCHLD, &si);
    a.sc.ret = 999999;
    trace_syscall_exit(out, &a);
    snprintf(want, sizeof want,
             "%d wait4(-1, NULL, 0, NULL <unfinished ...>\n"
             "999999 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=999999, si_uid=0, "
             "si_status=0, si_utime=0, si_stime=0} ---\n"
             "%d <... wait4 resumed>) = 999999\n", me, me);
    assert_string_equal(printed(), want);

    /* a process killed inside a call */
    call(&b, 0, 0, 0, 10, 0, 0, 0);
    trace_syscall_enter(out, &b);
    trace_exit(out, 999999, &linux_personality, SIGKILL);
    assert_string_equal(printed(), "999999 read(0,  <unfinished ...>) = ?\n"
                                   "999999 +++ killed by SIGKILL +++\n");
}

static void format_arg_entry_point(void **state)
{
    (void)state;
    struct tracee t = self();
    char buf[64];
    assert_int_equal(trace_format_arg(&t, A_OFLAGS, O_RDWR | O_CLOEXEC, false, 0, buf, sizeof buf),
                     strlen("O_RDWR|O_CLOEXEC"));
    assert_string_equal(buf, "O_RDWR|O_CLOEXEC");
    trace_format_arg(&t, A_PATH, P("/tmp"), false, 0, buf, sizeof buf);
    assert_string_equal(buf, "\"/tmp\"");
    trace_format_arg(&t, A_SIGNUM, SIGTERM, false, 0, buf, sizeof buf);
    assert_string_equal(buf, "SIGTERM");
    struct timespec ts = { 1, 500 };
    trace_format_arg(&t, A_TIMESPEC, P(&ts), false, 0, buf, sizeof buf);
    assert_string_equal(buf, "{tv_sec=1, tv_nsec=500}");
    trace_format_arg(&t, A_CLONE_FLAGS, 0x1200011, false, 0, buf, sizeof buf);
    assert_string_equal(buf, "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(whole_calls),
        cmocka_unit_test(stat_and_mmap),
        cmocka_unit_test(execve_and_exits),
        cmocka_unit_test(bad_pointers_and_unknown_calls),
        cmocka_unit_test(interleaved_processes),
        cmocka_unit_test(format_arg_entry_point),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
