/* Signal state across fork and exec: a handler set before fork is reported and
 * run in the child; the mask is inherited by the child and kept by exec; exec
 * resets handlers to SIG_DFL and keeps SIG_IGN. */
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <string.h>
#include "sig_common.h"

static volatile int handled;
static void on_usr1(int sig)
{
    (void)sig;
    handled++;
}

static int after_exec(void)
{
    struct sigaction old;
    sigset_t cur;
    sigaction(SIGUSR1, NULL, &old);
    check("exec: caught signal reset to SIG_DFL", old.sa_handler == SIG_DFL, "%ld%ld", (long)old.sa_handler, 0);
    sigaction(SIGHUP, NULL, &old);
    check("exec: ignored signal stays SIG_IGN", old.sa_handler == SIG_IGN, "%ld%ld", (long)old.sa_handler, 0);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    check("exec: mask kept", sigismember(&cur, SIGUSR2) && !sigismember(&cur, SIGUSR1), "%ld%ld", 0, 0);
    stack_t ss;
    sigaltstack(NULL, &ss);
    check("exec: no alternate stack", (ss.ss_flags & SS_DISABLE) != 0, "flags %ld%ld", ss.ss_flags, 0);
    printf("fails %d\n", fails);
    return fails != 0;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exec") == 0)
        return after_exec();
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);
    signal(SIGHUP, SIG_IGN);
    sigset_t blk;
    sigemptyset(&blk);
    sigaddset(&blk, SIGUSR2);
    sigprocmask(SIG_BLOCK, &blk, NULL);
    static char alt[SIGSTKSZ];
    stack_t ss = { .ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0 };
    sigaltstack(&ss, NULL);

    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        sigaction(SIGUSR1, NULL, &old);
        check("child: handler reported", old.sa_handler == on_usr1 && (old.sa_flags & SA_RESTART), "%ld%ld", 0, 0);
        sendme(SIGUSR1);
        check("child: handler runs", handled == 1, "handled %ld%ld", handled, 0);
        sigset_t cur;
        sigprocmask(SIG_BLOCK, NULL, &cur);
        check("child: mask inherited", sigismember(&cur, SIGUSR2), "%ld%ld", 0, 0);
        stack_t cs;
        sigaltstack(NULL, &cs);
        check("child: alternate stack inherited", cs.ss_sp == alt && cs.ss_flags == 0, "flags %ld%ld", cs.ss_flags, 0);
        fflush(stdout);
        execl(argv[0], argv[0], "exec", (char *)NULL);
        _exit(99);
    }
    int st;
    waitpid(c, &st, 0);
    check("exec'd child passed", WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#lx%ld", st, 0);
    sendme(SIGUSR1);
    check("parent: handler still runs", handled == 1, "handled %ld%ld", handled, 0);
    /* a child killed by a signal: FreeBSD numbers in the wait status */
    c = fork();
    if (c == 0) {
        sigprocmask(SIG_UNBLOCK, &blk, NULL);
        signal(SIGUSR2, SIG_DFL);
        sendme(SIGUSR2);
        _exit(0);
    }
    waitpid(c, &st, 0);
    check("wait status: killed by SIGUSR2 (31)", WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR2, "status %#lx%ld", st, 0);
    printf("fails %d\n", fails);
    return fails != 0;
}
