/* struct sigevent, FreeBSD to Linux (abi/freebsd/sigevent.c): notify numbers,
 * signal translation, value and thread id kept, and what is refused. */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>
#include "abi/freebsd/sigevent.h"
#include "abi/freebsd/signal.h"

static struct fbsd_sigevent ev(int notify, int signo)
{
    struct fbsd_sigevent e;
    memset(&e, 0, sizeof e);
    e.sigev_notify = notify;
    e.sigev_signo = signo;
    e.sigev_value = 0x1122334455667788ull;
    return e;
}

static void signal_translated(void **state)
{
    (void)state;
    struct fbsd_sigevent e = ev(FBSD_SIGEV_SIGNAL, 30);   /* FreeBSD SIGUSR1 */
    struct linux_sigevent l;
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), 0);
    assert_int_equal(l.sigev_notify, LINUX_SIGEV_SIGNAL);
    assert_int_equal(l.sigev_signo, SIGUSR1);
    assert_true(l.sigev_value == 0x1122334455667788ull);
    e = ev(FBSD_SIGEV_SIGNAL, 14);                        /* SIGALRM: the same */
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), 0);
    assert_int_equal(l.sigev_signo, SIGALRM);
}

static void none_and_thread_id(void **state)
{
    (void)state;
    struct fbsd_sigevent e = ev(FBSD_SIGEV_NONE, 0);
    struct linux_sigevent l;
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), 0);
    assert_int_equal(l.sigev_notify, LINUX_SIGEV_NONE);
    e = ev(FBSD_SIGEV_THREAD_ID, FBSD_SIGLIBRT);
    e.un.threadid = 100123;
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), 0);
    assert_int_equal(l.sigev_notify, LINUX_SIGEV_THREAD_ID);
    assert_int_equal(l.tid, 100123);   /* the caller makes it a Linux tid */
    assert_int_equal(l.sigev_signo, fbsd_signal_to_linux(FBSD_SIGLIBRT));
}

static void refused(void **state)
{
    (void)state;
    struct linux_sigevent l;
    struct fbsd_sigevent e = ev(FBSD_SIGEV_THREAD, 30);
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), -EINVAL);
    e = ev(FBSD_SIGEV_KEVENT, 3);
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), -EINVAL);
    e = ev(99, 30);
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), -EINVAL);
    e = ev(FBSD_SIGEV_SIGNAL, 0);
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), -EINVAL);
    e = ev(FBSD_SIGEV_SIGNAL, 129);
    assert_int_equal(fbsd_sigevent_to_linux(&e, &l), -EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signal_translated),
        cmocka_unit_test(none_and_thread_id),
        cmocka_unit_test(refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
