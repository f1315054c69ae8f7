/* Unit tests: the pure formatting of --trace (tracer/trace_fmt.c, trace_sigfmt.c) with the
 * Linux personality's tables: quoting, flags and constants, modes, numbers, results,
 * siginfo and exit statuses. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "tracer/trace_fmt.h"
#include "personalities/linux/linux.h"
#include "abi/linux/xlat.h"

static char out[1024];
static struct fbuf b;
static struct fbuf *fresh(void) { fb_init(&b, out, sizeof out); return &b; }

static const char *quote(const void *data, size_t n, size_t limit, bool more)
{
    fmt_quote(fresh(), data, n, limit, more);
    return out;
}

static void quoting(void **state)
{
    (void)state;
    assert_string_equal(quote("hi\n", 3, 32, false), "\"hi\\n\"");
    assert_string_equal(quote("a\tb\"c\\d\r", 8, 32, false), "\"a\\tb\\\"c\\\\d\\r\"");
    assert_string_equal(quote("", 0, 32, false), "\"\"");
    /* shortest octal, but three digits when a digit follows */
    assert_string_equal(quote("\0x", 2, 32, false), "\"\\0x\"");
    assert_string_equal(quote("\0" "1", 2, 32, false), "\"\\0001\"");
    assert_string_equal(quote("\033[0m", 4, 32, false), "\"\\33[0m\"");
    assert_string_equal(quote("\377", 1, 32, false), "\"\\377\"");
    /* cut like strace -s 32 */
    const char *forty = "0123456789012345678901234567890123456789";
    assert_string_equal(quote(forty, 40, 32, false), "\"01234567890123456789012345678901\"...");
    assert_string_equal(quote(forty, 32, 32, false), "\"01234567890123456789012345678901\"");
    assert_string_equal(quote("ab", 2, 32, true), "\"ab\"...");
}

static const char *xl(const struct xlat_set *set, uint64_t v)
{
    fmt_xlat(fresh(), set, v);
    return out;
}

static void flags_and_constants(void **state)
{
    (void)state;
    assert_string_equal(xl(&linux_xs_oflags, 01 | 0100 | 01000), "O_WRONLY|O_CREAT|O_TRUNC");
    assert_string_equal(xl(&linux_xs_oflags, 0), "O_RDONLY");
    assert_string_equal(xl(&linux_xs_oflags, 02000000 | 0200000), "O_RDONLY|O_DIRECTORY|O_CLOEXEC");
    assert_string_equal(xl(&linux_xs_oflags, 2 | 0x40000000), "O_RDWR|0x40000000");
    assert_string_equal(xl(&linux_xs_oflags, 04010000), "O_RDONLY|O_SYNC");
    assert_string_equal(xl(&linux_xs_oflags, 010000), "O_RDONLY|O_DSYNC");
    assert_string_equal(xl(&linux_xs_oflags, 3), "0x3");
    assert_string_equal(xl(&linux_xs_mmap_prot, 0), "PROT_NONE");
    assert_string_equal(xl(&linux_xs_mmap_prot, 3), "PROT_READ|PROT_WRITE");
    assert_string_equal(xl(&linux_xs_mmap_flags, 0x22), "MAP_PRIVATE|MAP_ANONYMOUS");
    assert_string_equal(xl(&linux_xs_mmap_flags, 0x812), "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE");
    assert_string_equal(xl(&linux_xs_access_mode, 0), "F_OK");
    assert_string_equal(xl(&linux_xs_access_mode, 5), "R_OK|X_OK");
    assert_string_equal(xl(&linux_xs_atflags, 0), "0");
    assert_string_equal(xl(&linux_xs_atflags, 0x100), "AT_SYMLINK_NOFOLLOW");
    assert_string_equal(xl(&linux_xs_atflags, 0x1100), "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH");
    assert_string_equal(xl(&linux_xs_wait_opts, 0), "0");
    assert_string_equal(xl(&linux_xs_wait_opts, 0x40000001), "WNOHANG|__WALL");
    assert_string_equal(xl(&linux_xs_whence, 2), "SEEK_END");
    assert_string_equal(xl(&linux_xs_whence, 99), "99");
    assert_string_equal(xl(&linux_xs_fcntl_cmd, 1030), "F_DUPFD_CLOEXEC");
    assert_string_equal(xl(&linux_xs_ioctl_cmd, 0x5401), "TCGETS");
    assert_string_equal(xl(&linux_xs_ioctl_cmd, 0x12345678), "0x12345678");
    /* a command with bit 31 set, as the decoder hands it over sign-extended */
    assert_string_equal(xl(&linux_xs_ioctl_cmd, 0xffffffff802c542aull), "TCGETS2");
    assert_string_equal(xl(&linux_xs_sock_type, 0x80001), "SOCK_STREAM|SOCK_CLOEXEC");
    assert_string_equal(xl(&linux_xs_sock_domain, 10), "AF_INET6");
    assert_string_equal(xl(&linux_xs_futex_op, 0x80), "FUTEX_WAIT|FUTEX_PRIVATE_FLAG");
    assert_string_equal(xl(&linux_xs_signum, 17), "SIGCHLD");
    assert_string_equal(xl(&linux_xs_clockid, 1), "CLOCK_MONOTONIC");
    assert_string_equal(xl(&linux_xs_clockid, (uint64_t)-6), "-6");
    assert_string_equal(xl(&linux_xs_rlimit, 7), "RLIMIT_NOFILE");
    assert_string_equal(xl(&linux_xs_dirfd, (uint64_t)-100), "AT_FDCWD");
    assert_string_equal(xl(NULL, 255), "0xff");
}

static const char *mode(uint64_t v)
{
    fmt_mode(fresh(), &linux_xs_mode, v);
    return out;
}

static void modes(void **state)
{
    (void)state;
    assert_string_equal(mode(0100644), "S_IFREG|0644");
    assert_string_equal(mode(040755), "S_IFDIR|0755");
    assert_string_equal(mode(020666), "S_IFCHR|0666");
    assert_string_equal(mode(0666), "0666");
    assert_string_equal(mode(0), "000");
    assert_string_equal(mode(04755), "S_ISUID|0755");
    assert_string_equal(mode(0101777), "S_IFREG|S_ISVTX|0777");
}

static const char *num(int kind, uint64_t v)
{
    assert_true(fmt_number(fresh(), kind, v));
    return out;
}

static void numbers(void **state)
{
    (void)state;
    assert_string_equal(num(A_PTR, 0), "NULL");
    assert_string_equal(num(A_PTR, 0x7ffd1000), "0x7ffd1000");
    assert_string_equal(num(A_INT, 0xffffffff), "-1");
    assert_string_equal(num(A_FD, 3), "3");
    assert_string_equal(num(A_UINT, 0xffffffff), "4294967295");
    assert_string_equal(num(A_SIZE, 4096), "4096");
    assert_string_equal(num(A_OFF, (uint64_t)-1), "-1");
    assert_string_equal(num(A_OCT, 022), "022");
    assert_string_equal(num(A_HEX, 0), "0");
    assert_string_equal(num(A_HEX, 0x1000), "0x1000");
    assert_false(fmt_number(fresh(), A_PATH, 1));
}

static const char *result(int kind, long ret)
{
    fmt_result(fresh(), &linux_personality, kind, ret);
    return out;
}

static void results(void **state)
{
    (void)state;
    assert_string_equal(result(A_NONE, 3), " = 3");
    assert_string_equal(result(A_NONE, 0), " = 0");
    assert_string_equal(result(A_NONE, -ENOENT), " = -1 ENOENT (No such file or directory)");
    assert_string_equal(result(A_NONE, -ENOSYS), " = -1 ENOSYS (Function not implemented)");
    assert_string_equal(result(A_PTR, 0x7f0000001000), " = 0x7f0000001000");
    assert_string_equal(result(A_PTR, -ENOMEM), " = -1 ENOMEM (Cannot allocate memory)");
    assert_string_equal(result(A_OCT, 022), " = 022");
    assert_string_equal(result(A_NONE, -512), " = ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
    assert_string_equal(result(A_NONE, -300), " = -1 ERRNO_300 (Unknown error 300)");
    /* a large positive result is not an error */
    assert_string_equal(result(A_NONE, 1L << 40), " = 1099511627776");
}

static void siginfo(void **state)
{
    (void)state;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = SIGCHLD; si.si_code = CLD_EXITED; si.si_pid = 123; si.si_status = 0;
    fmt_siginfo(fresh(), &linux_personality, SIGCHLD, &si);
    assert_string_equal(out, "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=123, "
                             "si_uid=0, si_status=0, si_utime=0, si_stime=0}");
    si.si_code = CLD_KILLED; si.si_status = SIGKILL;
    fmt_siginfo(fresh(), &linux_personality, SIGCHLD, &si);
    assert_non_null(strstr(out, "si_code=CLD_KILLED, si_pid=123, si_uid=0, si_status=SIGKILL"));

    memset(&si, 0, sizeof si);
    si.si_signo = SIGSEGV; si.si_code = SEGV_MAPERR; si.si_addr = (void *)0x10;
    fmt_siginfo(fresh(), &linux_personality, SIGSEGV, &si);
    assert_string_equal(out, "SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10}");

    memset(&si, 0, sizeof si);
    si.si_signo = SIGUSR1; si.si_code = SI_TKILL; si.si_pid = 7; si.si_uid = 1000;
    fmt_siginfo(fresh(), &linux_personality, SIGUSR1, &si);
    assert_string_equal(out, "SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=7, si_uid=1000}");

    fmt_siginfo(fresh(), &linux_personality, SIGTERM, NULL);
    assert_string_equal(out, "SIGTERM");
    fmt_siginfo(fresh(), &linux_personality, 99, NULL);
    assert_string_equal(out, "SIG99");
}

static void wait_statuses(void **state)
{
    (void)state;
    fmt_wait_status(fresh(), &linux_personality, 0);
    assert_string_equal(out, "exited with 0");
    fmt_wait_status(fresh(), &linux_personality, 7 << 8);
    assert_string_equal(out, "exited with 7");
    fmt_wait_status(fresh(), &linux_personality, SIGKILL);
    assert_string_equal(out, "killed by SIGKILL");
    fmt_wait_status(fresh(), &linux_personality, SIGSEGV | 0x80);
    assert_string_equal(out, "killed by SIGSEGV (core dumped)");
}

static void bounded_buffer(void **state)
{
    (void)state;
    char small[8];
    struct fbuf s;
    fb_init(&s, small, sizeof small);
    fb_puts(&s, "abc");
    assert_false(s.full);
    fb_printf(&s, "%d", 123456);
    assert_true(s.full);
    assert_string_equal(small, "abc1234");
    fb_puts(&s, "more");
    assert_string_equal(small, "abc1234");
}

static void clone_flags(void **state)
{
    (void)state;
    assert_true(linux_format_arg(NULL, A_CLONE_FLAGS, 0x100 | 0x200 | SIGCHLD, false, 0, out, sizeof out));
    assert_string_equal(out, "CLONE_VM|CLONE_FS|SIGCHLD");
    assert_true(linux_format_arg(NULL, A_CLONE_FLAGS, SIGCHLD, false, 0, out, sizeof out));
    assert_string_equal(out, "SIGCHLD");
    assert_true(linux_format_arg(NULL, A_CLONE_FLAGS, 0, false, 0, out, sizeof out));
    assert_string_equal(out, "0");
    /* struct stat is shown only after a successful call */
    assert_false(linux_format_arg(NULL, A_STAT_OUT, 0x1000, false, 0, out, sizeof out));
    assert_false(linux_format_arg(NULL, A_STAT_OUT, 0x1000, true, -ENOENT, out, sizeof out));
    assert_false(linux_format_arg(NULL, A_INT, 1, false, 0, out, sizeof out));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quoting),
        cmocka_unit_test(flags_and_constants),
        cmocka_unit_test(modes),
        cmocka_unit_test(numbers),
        cmocka_unit_test(results),
        cmocka_unit_test(siginfo),
        cmocka_unit_test(wait_statuses),
        cmocka_unit_test(bounded_buffer),
        cmocka_unit_test(clone_flags),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
