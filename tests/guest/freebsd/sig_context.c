/* getcontext/setcontext/swapcontext/makecontext round trips with FreeBSD's
 * ucontext_t. */
#include <sys/types.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include "sig_common.h"

static ucontext_t main_uc, co_uc;
static volatile int steps;

static void coroutine(int a, int b)
{
    steps += a;
    swapcontext(&co_uc, &main_uc);
    steps += b;
    swapcontext(&co_uc, &main_uc);
    steps += 1000;
    /* returning follows uc_link back to main_uc */
}

int main(void)
{
    /* getcontext returns twice: once directly, then through setcontext */
    volatile int n = 0;
    ucontext_t uc;
    check("getcontext", getcontext(&uc) == 0, "errno %ld%ld", errno, 0);
    n++;
    if (n < 3)
        setcontext(&uc);
    check("setcontext resumes after getcontext", n == 3, "n %ld%ld", n, 0);
    check("mc_len", uc.uc_mcontext.mc_len == sizeof(mcontext_t), "%ld%ld", uc.uc_mcontext.mc_len, 0);

    /* the signal mask travels with the context */
    sigset_t blk, cur;
    sigemptyset(&blk);
    sigaddset(&blk, SIGUSR2);
    volatile int m = 0;
    getcontext(&uc);
    if (m++ == 0) {
        sigprocmask(SIG_BLOCK, &blk, NULL);
        setcontext(&uc);
    }
    sigprocmask(SIG_BLOCK, NULL, &cur);
    check("setcontext restores the mask", !sigismember(&cur, SIGUSR2) && m == 2, "m %ld%ld", m, 0);

    /* makecontext + swapcontext coroutine */
    size_t sz = 64 * 1024;
    getcontext(&co_uc);
    co_uc.uc_stack.ss_sp = malloc(sz);
    co_uc.uc_stack.ss_size = sz;
    co_uc.uc_link = &main_uc;
    makecontext(&co_uc, (void (*)(void))coroutine, 2, 1, 10);
    check("swapcontext into the coroutine", swapcontext(&main_uc, &co_uc) == 0 && steps == 1, "steps %ld%ld", steps, 0);
    swapcontext(&main_uc, &co_uc);
    check("and back again", steps == 11, "steps %ld%ld", steps, 0);
    swapcontext(&main_uc, &co_uc);
    check("coroutine end follows uc_link", steps == 1011, "steps %ld%ld", steps, 0);

    check("setcontext(NULL) is EINVAL", setcontext(NULL) == -1 && errno == EINVAL, "errno %ld%ld", errno, 0);
    ucontext_t bad;
    memset(&bad, 0, sizeof bad);
    check("setcontext with a bad mc_len is EINVAL", setcontext(&bad) == -1 && errno == EINVAL, "errno %ld%ld", errno, 0);
    check("getcontext EFAULT", getcontext((ucontext_t *)8) == -1 && errno == EFAULT, "errno %ld%ld", errno, 0);
    printf("fails %d\n", fails);
    return fails != 0;
}
