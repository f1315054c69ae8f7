/* Shared by the sig_*.c guest programs: "check NAME ok|FAIL" lines, "fails N". */
#include <stdio.h>
#include <signal.h>
#include <unistd.h>

static int fails;
static void check(const char *name, int ok, const char *fmt, long a, long b)
{
    if (ok) {
        printf("check %s ok\n", name);
    } else {
        printf("check %s FAIL ", name);
        printf(fmt, a, b);
        printf("\n");
        fails++;
    }
    fflush(stdout);
}

/* kill() to ourselves (raise() is thr_kill, the threads domain's) */
static __attribute__((unused)) void sendme(int sig)
{
    kill(getpid(), sig);
}
