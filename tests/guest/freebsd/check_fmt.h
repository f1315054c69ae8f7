/* Shared by the guest programs whose checks print "check NAME ok" or
 * "check NAME FAIL(detail)" lines, the detail a printf format with two long
 * arguments, and count failures in `fails` (the programs end with "fails N"). */
#include <errno.h>
#include <stdio.h>

static int fails;
static void check(const char *name, int cond, const char *fmt, long a, long b)
{
    if (cond) { printf("check %s ok\n", name); return; }
    fails++;
    printf("check %s FAIL(", name);
    printf(fmt, a, b);
    printf(")\n");
}
/* call fails (returns -1) with errno want */
#define ERRNO_IS(name, call, want) do { errno = 0; long r_ = (long)(call); \
    check(name, r_ == -1 && errno == (want), "ret %ld errno %ld", r_, (long)errno); } while (0)
