/* sigaltstack with FreeBSD's stack_t: errors, and a SIGSEGV handler on the
 * alternate stack after a stack overflow (deep recursion), left with siglongjmp. */
#include <sys/types.h>
#include <errno.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sig_common.h"

static char *alt;
static size_t altsz = SIGSTKSZ;
static sigjmp_buf env;
static volatile int on_alt, flags_onstack, eperm;
static volatile void *fault_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
    (void)sig;
    (void)uc;
    char here;
    on_alt = &here >= alt && &here < alt + altsz;
    stack_t cur, try;
    sigaltstack(NULL, &cur);
    flags_onstack = (cur.ss_flags & SS_ONSTACK) != 0;
    memset(&try, 0, sizeof try);
    try.ss_sp = alt;
    try.ss_size = altsz;
    eperm = sigaltstack(&try, NULL) == -1 && errno == EPERM;
    fault_addr = si->si_addr;
    siglongjmp(env, 1);
}

static volatile long sink;
static long recurse(long n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    pad[1023] = (char)n;
    sink = pad[0] + pad[1023];
    if (n < 0)
        return 0;   /* never: keeps the compiler from seeing an endless recursion */
    return recurse(n + 1) + pad[512];
}

int main(void)
{
    stack_t ss, old;
    memset(&ss, 0, sizeof ss);
    check("no alternate stack at start", sigaltstack(NULL, &old) == 0 && (old.ss_flags & SS_DISABLE),
          "flags %ld%ld", old.ss_flags, 0);
    alt = malloc(altsz);
    ss.ss_sp = alt;
    ss.ss_size = MINSIGSTKSZ - 1;
    check("too small: ENOMEM", sigaltstack(&ss, NULL) == -1 && errno == ENOMEM, "errno %ld%ld", errno, 0);
    ss.ss_size = altsz;
    ss.ss_flags = SS_ONSTACK;
    check("bad flags: EINVAL", sigaltstack(&ss, NULL) == -1 && errno == EINVAL, "errno %ld%ld", errno, 0);
    ss.ss_flags = 0;
    check("set", sigaltstack(&ss, NULL) == 0, "errno %ld%ld", errno, 0);
    check("read back", sigaltstack(NULL, &old) == 0 && old.ss_sp == alt && old.ss_size == altsz &&
          old.ss_flags == 0, "flags %ld size %ld", old.ss_flags, (long)old.ss_size);
    check("EFAULT", sigaltstack((stack_t *)8, NULL) == -1 && errno == EFAULT, "errno %ld%ld", errno, 0);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    if (sigsetjmp(env, 1) == 0) {
        recurse(0);
        check("stack overflow faults", 0, "%ld%ld", 0, 0);
    } else {
        check("stack overflow: handler ran", 1, "%ld%ld", 0, 0);
        check("handler ran on the alternate stack", on_alt, "%ld%ld", 0, 0);
        check("SS_ONSTACK inside the handler", flags_onstack, "%ld%ld", 0, 0);
        check("EPERM when changing it while on it", eperm, "%ld%ld", 0, 0);
        check("si_addr set", fault_addr != NULL, "%ld%ld", 0, 0);
    }
    sigaltstack(NULL, &old);
    check("off the alternate stack again", old.ss_flags == 0, "flags %ld%ld", old.ss_flags, 0);
    ss.ss_flags = SS_DISABLE;
    check("disable", sigaltstack(&ss, NULL) == 0 && sigaltstack(NULL, &old) == 0 &&
          (old.ss_flags & SS_DISABLE), "flags %ld%ld", old.ss_flags, 0);
    printf("fails %d\n", fails);
    return fails != 0;
}
