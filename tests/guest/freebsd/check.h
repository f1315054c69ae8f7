/* Shared by the guest programs whose checks print "ok - X" / "not ok - X
 * (errno N text)" lines (the integration scripts turn them into TAP) and count
 * failures in `fails`.  Output is flushed after each line so that lines from
 * forked children and their parent come out in the order they were made. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

static int fails;
static void check(const char *what, int cond)
{
    if (cond) {
        printf("ok - %s\n", what);
    } else {
        printf("not ok - %s (errno %d %s)\n", what, errno, strerror(errno));
        fails++;
    }
    fflush(stdout);
}
/* expr fails (returns -1) with errno err */
#define CHECK_ERR(what, expr, err) do { errno = 0; long r_ = (long)(expr); \
    check(what, r_ == -1 && errno == (err)); } while (0)
