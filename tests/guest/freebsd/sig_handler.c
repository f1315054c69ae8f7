/* FreeBSD signal delivery under lsl2: SA_SIGINFO handlers and their siginfo, a
 * SIGSEGV handler that skips the faulting instruction through uc_mcontext.mc_rip,
 * nested signals, masks during and after a handler, SA_RESETHAND, SA_NODEFER,
 * registers and FPU state preserved across a handler, sigsuspend, sigpending,
 * sigaction queries.  Prints "check NAME ok|FAIL ..." lines and "fails N". */
#include <sys/types.h>
#include <sys/ucontext.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "sig_common.h"

static volatile sig_atomic_t got_signo, got_code, got_pid, got_count;
static volatile void *got_addr;
static volatile int blocked_in_handler, usr2_in_usr1, depth, max_depth, usr2_calls;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    got_signo = si->si_signo;
    got_code = si->si_code;
    got_pid = si->si_pid;
    got_count++;
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    blocked_in_handler = sigismember(&cur, SIGUSR1) && sigismember(&cur, SIGHUP) && sig == SIGUSR1;
}

/* faults on a load from address 16, an instruction of known length */
static long fault_load(void)
{
    long v;
    __asm__ volatile("movq 16, %0\n" : "=a"(v) : : "memory");  /* 8-byte mov: 48 8b 04 25 10 00 00 00 */
    return v;
}

static void on_segv(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    got_signo = sig;
    got_code = si->si_code;
    got_addr = si->si_addr;
    uc->uc_mcontext.mc_rip += 8;    /* skip the faulting mov */
    uc->uc_mcontext.mc_rax = 42;    /* and make it "load" 42 */
}

static void on_usr2(int sig)
{
    (void)sig;
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (++usr2_calls == 1)
        sendme(SIGUSR2);     /* deferred: SIGUSR2 is blocked in its own handler */
    depth--;
}

static void on_nested_usr1(int sig)
{
    (void)sig;
    sendme(SIGUSR2);         /* runs now, inside this handler */
    usr2_in_usr1 = max_depth;
}

static volatile int nodefer_depth, nodefer_max;
static void on_nodefer(int sig)
{
    nodefer_depth++;
    if (nodefer_depth > nodefer_max)
        nodefer_max = nodefer_depth;
    if (nodefer_depth < 3)
        sendme(sig);
    nodefer_depth--;
}

static void on_count(int sig)
{
    (void)sig;
    got_count++;
}

/* clobbers every general register it may and the SSE registers */
static void on_clobber(int sig)
{
    (void)sig;
    __asm__ volatile("pxor %%xmm0, %%xmm0\n pxor %%xmm7, %%xmm7\n pxor %%xmm15, %%xmm15\n"
                     "movq $-1, %%rbx\n movq $-1, %%r12\n movq $-1, %%r15\n"
                     : : : "xmm0", "xmm7", "xmm15", "rbx", "r12", "r15");
}

int main(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);

    /* SA_SIGINFO from kill(): si_signo, si_code SI_USER, si_pid, mask in handler */
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGHUP);
    check("sigaction SIGUSR1", sigaction(SIGUSR1, &sa, NULL) == 0, "errno %ld%ld", errno, 0);
    kill(getpid(), SIGUSR1);
    check("handler ran once", got_count == 1, "count %ld%ld", got_count, 0);
    check("si_signo", got_signo == SIGUSR1, "%ld want %ld", got_signo, SIGUSR1);
    check("si_code SI_USER", got_code == SI_USER, "%ld want %ld", got_code, SI_USER);
    check("si_pid", got_pid == getpid(), "%ld want %ld", got_pid, getpid());
    check("signal and sa_mask blocked in the handler", blocked_in_handler, "%ld%ld", 0, 0);
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    check("mask restored after the handler", !sigismember(&cur, SIGUSR1) && !sigismember(&cur, SIGHUP),
          "%ld %ld", sigismember(&cur, SIGUSR1), sigismember(&cur, SIGHUP));

    /* the handler is reported back by sigaction */
    check("sigaction query", sigaction(SIGUSR1, NULL, &old) == 0 && old.sa_sigaction == on_usr1 &&
          (old.sa_flags & SA_SIGINFO) && sigismember(&old.sa_mask, SIGHUP), "%ld%ld", 0, 0);

    /* sigqueue: SI_QUEUE and the value */
    got_count = 0;
    union sigval v = { .sival_int = 7 };
    check("sigqueue", sigqueue(getpid(), SIGUSR1, v) == 0 && got_count == 1 && got_code == SI_QUEUE,
          "count %ld code %ld", got_count, got_code);

    /* SIGSEGV: si_addr, SEGV_MAPERR, the handler skips the instruction */
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, NULL);
    long val = fault_load();
    check("SIGSEGV handler resumed after the fault", val == 42, "value %ld%ld", val, 0);
    check("SIGSEGV si_signo", got_signo == SIGSEGV, "%ld%ld", got_signo, 0);
    check("SIGSEGV si_code SEGV_MAPERR", got_code == SEGV_MAPERR, "%ld%ld", got_code, 0);
    check("SIGSEGV si_addr", got_addr == (void *)16, "%#lx%ld", (long)got_addr, 0);

    /* nesting: SIGUSR2 raised in a SIGUSR1 handler runs inside it; SIGUSR2 raised
     * in its own handler waits until that handler returns */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr2;
    sigaction(SIGUSR2, &sa, NULL);
    sa.sa_handler = on_nested_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    sendme(SIGUSR1);
    check("nested: SIGUSR2 ran inside the SIGUSR1 handler", usr2_in_usr1 == 1, "depth %ld%ld", usr2_in_usr1, 0);
    check("nested: a signal is deferred in its own handler", max_depth == 1 && depth == 0 && usr2_calls == 2,
          "max %ld calls %ld", max_depth, usr2_calls);

    /* SA_NODEFER: the handler is re-entered */
    sa.sa_handler = on_nodefer;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGHUP, &sa, NULL);
    sendme(SIGHUP);
    check("SA_NODEFER nests", nodefer_max == 3, "max %ld%ld", nodefer_max, 0);

    /* SA_RESETHAND: the first delivery resets to SIG_DFL */
    sa.sa_handler = on_count;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGURG, &sa, NULL);
    got_count = 0;
    sendme(SIGURG);
    sigaction(SIGURG, NULL, &old);
    check("SA_RESETHAND", got_count == 1 && old.sa_handler == SIG_DFL, "count %ld%ld", got_count, 0);
    sendme(SIGURG);      /* default: ignored, we live on */
    sendme(SIGTHR);     /* FreeBSD-only signals whose default is ignore */
    sendme(SIGLIBRT);
    sendme(SIGINFO);
    sendme(SIGIO);
    check("SIGURG, SIGTHR, SIGLIBRT, SIGINFO, SIGIO default is ignore", 1, "%ld%ld", 0, 0);

    /* registers and SSE state survive a handler that clobbers them */
    sa.sa_handler = on_clobber;
    sa.sa_flags = 0;
    sigaction(SIGUSR2, &sa, NULL);
    {
        register long keep_rbx __asm__("rbx") = 0x1234;
        register long keep_r12 __asm__("r12") = 0x5678;
        double d = 3.25, e;
        __asm__ volatile("movsd %3, %%xmm7\n"
                         "movl $37, %%eax\n"     /* SYS_kill */
                         "syscall\n"
                         "movsd %%xmm7, %0\n"
                         : "=x"(e), "+r"(keep_rbx), "+r"(keep_r12)
                         : "x"(d), "D"((long)getpid()), "S"((long)SIGUSR2)
                         : "rax", "rcx", "rdx", "r11", "xmm7", "memory", "cc");
        check("rbx/r12 survive a handler", keep_rbx == 0x1234 && keep_r12 == 0x5678, "%#lx %#lx", keep_rbx, keep_r12);
        check("xmm7 survives a handler", e == 3.25, "%ld%ld", (long)(e * 100), 0);
    }

    /* sigpending and sigsuspend */
    sa.sa_handler = on_count;
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    sigset_t blk, pend, waitmask;
    sigemptyset(&blk);
    sigaddset(&blk, SIGUSR1);
    sigprocmask(SIG_BLOCK, &blk, NULL);
    got_count = 0;
    sendme(SIGUSR1);
    sigpending(&pend);
    check("sigpending", sigismember(&pend, SIGUSR1) && got_count == 0, "%ld %ld", sigismember(&pend, SIGUSR1), got_count);
    sigemptyset(&waitmask);
    int r = sigsuspend(&waitmask);
    check("sigsuspend returns EINTR after the handler", r == -1 && errno == EINTR && got_count == 1,
          "errno %ld count %ld", errno, got_count);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    check("sigsuspend restores the mask", sigismember(&cur, SIGUSR1), "%ld%ld", 0, 0);
    sigprocmask(SIG_UNBLOCK, &blk, NULL);

    /* sigwait */
    sigprocmask(SIG_BLOCK, &blk, NULL);
    sendme(SIGUSR1);
    int sig = 0;
    r = sigwait(&blk, &sig);
    check("sigwait", r == 0 && sig == SIGUSR1, "r %ld sig %ld", r, sig);
    sendme(SIGUSR1);
    siginfo_t si;
    struct timespec ts = { 0, 0 };
    r = sigtimedwait(&blk, &si, &ts);
    check("sigtimedwait", r == SIGUSR1 && si.si_signo == SIGUSR1 && si.si_code == SI_USER,
          "r %ld code %ld", r, si.si_code);
    r = sigtimedwait(&blk, &si, &ts);
    check("sigtimedwait times out with EAGAIN", r == -1 && errno == EAGAIN, "r %ld errno %ld", r, errno);
    check("sigwait EFAULT as a value", sigwait((sigset_t *)8, &sig) == EFAULT, "%ld%ld", 0, 0);
    sigprocmask(SIG_UNBLOCK, &blk, NULL);

    printf("fails %d\n", fails);
    return fails != 0;
}
