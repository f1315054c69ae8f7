/* FreeBSD guest: process calls — fork/vfork/rfork/posix_spawn with wait4/wait6
 * statuses (FreeBSD signal numbers), ids and groups, rlimits, priorities,
 * sigprocmask/sigaction set and query (handlers recorded across fork, reset by
 * exec), kill, thr_self, Capsicum, issetugid, login names, sessions.
 * "proc_calls exec-check" is the program re-executed by the exec test.
 * Prints "check NAME ok|FAIL(...)" lines and "fails N". */
#include <sys/types.h>
#include <sys/capsicum.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/thr.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_fmt.h"

extern char **environ;

static void handler(int sig) { (void)sig; }

/* After exec: a caught signal is back to SIG_DFL, an ignored one stays ignored. */
static int exec_check(void)
{
    struct sigaction o;
    sigaction(SIGUSR2, NULL, &o);
    int ok1 = o.sa_handler == SIG_DFL;
    sigaction(SIGHUP, NULL, &o);
    int ok2 = o.sa_handler == SIG_IGN;
    return ok1 && ok2 ? 42 : (ok1 ? 43 : 44);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exec-check") == 0)
        return exec_check();
    if (argc > 1 && strcmp(argv[1], "exit9") == 0)
        return 9;

    pid_t me = getpid();
    check("getpid", me > 1, "%ld %ld", me, 0);
    check("getppid", getppid() > 0 && getppid() != me, "%ld %ld", getppid(), 0);

    int st = 0;
    pid_t w, c = fork();
    if (c == 0) _exit(7);
    check("fork + wait4: exit status 7", wait4(c, &st, 0, NULL) == c && WIFEXITED(st) && WEXITSTATUS(st) == 7,
          "status %ld %ld", st, 0);
    c = fork();
    if (c == 0) { kill(getpid(), SIGUSR1); _exit(1); }
    check("wait4: killed by SIGUSR1 (30)", waitpid(c, &st, 0) == c && WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1,
          "status %ld %ld", st, 0);
    /* the continued child waits for the pipe to close, so that "continued" is reported
     * before its exit (otherwise waitpid(WCONTINUED) may see the exit first) */
    int hold[2];
    if (pipe(hold) != 0)
        return 1;
    c = fork();
    if (c == 0) { char x; close(hold[1]); kill(getpid(), SIGSTOP); read(hold[0], &x, 1); _exit(3); }
    close(hold[0]);
    check("wait4(WUNTRACED): stopped by SIGSTOP (17)",
          waitpid(c, &st, WUNTRACED) == c && WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "status %ld %ld", st, 0);
    kill(c, SIGCONT);
    check("wait4(WCONTINUED): continued", waitpid(c, &st, WCONTINUED) == c && WIFCONTINUED(st), "status %ld %ld", st, 0);
    close(hold[1]);
    w = waitpid(c, &st, 0);
    check("and then exit status 3", w == c && WIFEXITED(st) && WEXITSTATUS(st) == 3, "ret %ld errno %ld", w, errno);

    c = fork();
    if (c == 0) { usleep(200000); _exit(5); }
    check("wait4(WNOHANG): nothing yet", waitpid(c, &st, WNOHANG) == 0, "%ld %ld", 0, 0);
    struct __wrusage wru;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    w = wait6(P_PID, c, &st, WEXITED, &wru, &si);
    check("wait6(P_PID): pid and status 5", w == c && WIFEXITED(st) && WEXITSTATUS(st) == 5, "ret %ld status %ld", w, st);
    check("wait6: siginfo SIGCHLD/CLD_EXITED/5",
          si.si_signo == SIGCHLD && si.si_code == CLD_EXITED && si.si_status == 5 && si.si_pid == c,
          "signo %ld code %ld", si.si_signo, si.si_code);
    ERRNO_IS("wait4 without children: ECHILD", wait4(-1, &st, 0, NULL), ECHILD);
    ERRNO_IS("wait6(P_UID): EINVAL (unsupported)", wait6(P_UID, 0, &st, WEXITED, NULL, NULL), EINVAL);

    c = vfork();
    if (c == 0) _exit(4);
    check("vfork", waitpid(c, &st, 0) == c && WIFEXITED(st) && WEXITSTATUS(st) == 4, "status %ld %ld", st, 0);
    c = rfork(RFPROC | RFFDG);
    if (c == 0) _exit(6);
    check("rfork(RFPROC|RFFDG)", c > 0 && waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 6, "ret %ld status %ld", c, st);
    ERRNO_IS("rfork(RFCFDG|RFPROC): EINVAL (unsupported)", rfork(RFCFDG | RFPROC), EINVAL);
    char *sargv[] = { argv[0], "exit9", NULL };
    pid_t sp = 0;
    int e = posix_spawn(&sp, argv[0], NULL, NULL, sargv, environ);
    check("posix_spawn", e == 0 && waitpid(sp, &st, 0) == sp && WIFEXITED(st) && WEXITSTATUS(st) == 9,
          "error %ld status %ld", e, st);

    /* ids */
    gid_t groups[1100];
    int n = getgroups(0, NULL);
    int n2 = getgroups(1100, groups);
    check("getgroups: the effective gid comes first", n >= 1 && n2 == n && groups[0] == getegid(), "n %ld first %ld", n, groups[0]);
    if (n > 1)
        ERRNO_IS("getgroups with too small a list: EINVAL", getgroups(n - 1, groups), EINVAL);
    check("setgroups: egid then the list", setgroups(2, (gid_t[]){ 0, 5 }) == 0 && getegid() == 0 &&
          getgroups(1100, groups) == 2 && groups[1] == 5, "errno %ld %ld", errno, groups[1]);
    check("seteuid(0)", seteuid(0) == 0 && geteuid() == 0, "errno %ld %ld", errno, 0);
    check("setegid(0)", setegid(0) == 0 && getegid() == 0, "errno %ld %ld", errno, 0);
    check("issetugid", issetugid() == 0, "%ld %ld", issetugid(), 0);
    check("setlogin", setlogin("fbproc") == 0, "errno %ld %ld", errno, 0);
    char *ln = getlogin();
    check("getlogin gives it back", ln && strcmp(ln, "fbproc") == 0, "%ld %ld", (long)ln, 0);
    char small[3];
    errno = 0;
    long r = syscall(SYS_getlogin, small, sizeof small);
    check("getlogin into 3 bytes: ERANGE", r == -1 && errno == ERANGE, "ret %ld errno %ld", r, errno);
    ERRNO_IS("setlogin of a long name: EINVAL", setlogin("0123456789012345678901234567890123456789"), EINVAL);

    c = fork();
    if (c == 0) _exit(setsid() == getpid() && getsid(0) == getpid() && getpgrp() == getpid() ? 0 : 1);
    check("setsid/getsid/getpgrp in a child", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 0, "status %ld %ld", st, 0);

    /* limits, priority */
    struct rlimit rl, rl2;
    check("getrlimit(RLIMIT_NOFILE)", getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur <= rl.rlim_max && rl.rlim_cur > 0,
          "cur %ld max %ld", (long)rl.rlim_cur, (long)rl.rlim_max);
    rl2 = rl;
    rl2.rlim_cur = 50;
    check("setrlimit(RLIMIT_NOFILE) then getrlimit", setrlimit(RLIMIT_NOFILE, &rl2) == 0 &&
          getrlimit(RLIMIT_NOFILE, &rl2) == 0 && rl2.rlim_cur == 50, "cur %ld errno %ld", (long)rl2.rlim_cur, errno);
    setrlimit(RLIMIT_NOFILE, &rl);
    check("getrlimit(RLIMIT_SWAP): infinity", getrlimit(RLIMIT_SWAP, &rl) == 0 && rl.rlim_cur == RLIM_INFINITY &&
          rl.rlim_max == RLIM_INFINITY, "cur %ld %ld", (long)rl.rlim_cur, 0);
    rl.rlim_cur = rl.rlim_max = 1000;
    check("setrlimit(RLIMIT_KQUEUES) accepted", setrlimit(RLIMIT_KQUEUES, &rl) == 0, "errno %ld %ld", errno, 0);
    rl.rlim_cur = rl.rlim_max = RLIM_INFINITY;
    check("setrlimit(RLIMIT_CORE, infinity)", setrlimit(RLIMIT_CORE, &rl) == 0 && getrlimit(RLIMIT_CORE, &rl2) == 0 &&
          rl2.rlim_cur == RLIM_INFINITY, "cur %ld errno %ld", (long)rl2.rlim_cur, errno);
    ERRNO_IS("getrlimit(99): EINVAL", getrlimit(99, &rl), EINVAL);
    ERRNO_IS("getrlimit with a bad pointer: EFAULT", getrlimit(RLIMIT_NOFILE, (struct rlimit *)8), EFAULT);
    errno = 0;
    int pr = getpriority(PRIO_PROCESS, 0);
    check("getpriority is the nice value", pr == 0 && errno == 0, "prio %ld errno %ld", pr, errno);
    c = fork();
    if (c == 0) _exit(setpriority(PRIO_PROCESS, 0, 5) == 0 && getpriority(PRIO_PROCESS, 0) == 5 ? 0 : 1);
    check("setpriority(5) then getpriority", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 0, "status %ld %ld", st, 0);
    struct rusage ru;
    check("getrusage(RUSAGE_CHILDREN)", getrusage(RUSAGE_CHILDREN, &ru) == 0, "errno %ld %ld", errno, 0);

    /* masks */
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGINFO);
    check("sigprocmask(SIG_BLOCK)", sigprocmask(SIG_BLOCK, &set, NULL) == 0, "errno %ld %ld", errno, 0);
    check("sigprocmask query", sigprocmask(SIG_BLOCK, NULL, &old) == 0 && sigismember(&old, SIGUSR1) == 1 &&
          sigismember(&old, SIGINFO) == 1 && sigismember(&old, SIGUSR2) == 0, "usr1 %ld usr2 %ld",
          sigismember(&old, SIGUSR1), sigismember(&old, SIGUSR2));
    kill(getpid(), SIGUSR1);    /* blocked: stays pending, the process lives on */
    sigset_t none;
    sigemptyset(&none);
    ERRNO_IS("sigprocmask(99): EINVAL", sigprocmask(99, &none, NULL), EINVAL);
    ERRNO_IS("sigprocmask with a bad set: EFAULT", sigprocmask(SIG_BLOCK, (sigset_t *)8, NULL), EFAULT);

    struct sigaction sa, o;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    check("sigaction(SIGUSR2, SIG_IGN)", sigaction(SIGUSR2, &sa, NULL) == 0, "errno %ld %ld", errno, 0);
    kill(getpid(), SIGUSR2);
    check("an ignored SIGUSR2 does nothing", 1, "%ld %ld", 0, 0);
    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigaddset(&sa.sa_mask, SIGTERM);
    check("sigaction(SIGUSR2, handler): old is SIG_IGN", sigaction(SIGUSR2, &sa, &o) == 0 && o.sa_handler == SIG_IGN,
          "old %ld %ld", (long)o.sa_handler, 0);
    check("sigaction query gives the handler back", sigaction(SIGUSR2, NULL, &o) == 0 && o.sa_handler == handler &&
          (o.sa_flags & SA_RESTART) && sigismember(&o.sa_mask, SIGTERM) == 1, "flags %ld %ld", o.sa_flags, 0);
    c = fork();
    if (c == 0) {
        sigaction(SIGUSR2, NULL, &o);
        _exit(o.sa_handler == handler ? 0 : 1);
    }
    check("a forked child has the handler", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 0, "status %ld %ld", st, 0);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGHUP, &sa, NULL);
    c = fork();
    if (c == 0) { execl(argv[0], argv[0], "exec-check", (char *)NULL); _exit(99); }
    check("exec resets handlers, keeps SIG_IGN", waitpid(c, &st, 0) == c && WEXITSTATUS(st) == 42, "status %ld %ld", st, 0);
    ERRNO_IS("sigaction(SIGKILL, ...): EINVAL", sigaction(SIGKILL, &sa, NULL), EINVAL);
    ERRNO_IS("sigaction(0): EINVAL", sigaction(0, NULL, &o), EINVAL);
    ERRNO_IS("sigaction with a bad pointer: EFAULT", sigaction(SIGUSR2, (struct sigaction *)8, NULL), EFAULT);
    check("kill(me, 0)", kill(me, 0) == 0, "errno %ld %ld", errno, 0);
    ERRNO_IS("kill(me, 200): EINVAL", kill(me, 200), EINVAL);

    long tid = 0;
    check("thr_self: pid + 100000 for the main thread", thr_self(&tid) == 0 && tid == me + 100000, "tid %ld pid %ld", tid, me);
    ERRNO_IS("thr_self with a bad pointer: EFAULT", thr_self((long *)8), EFAULT);
    u_int mode = 7;
    ERRNO_IS("cap_getmode: ENOSYS (no capability mode)", cap_getmode(&mode), ENOSYS);
    ERRNO_IS("cap_enter: ENOSYS", cap_enter(), ENOSYS);
    printf("fails %d\n", fails);
    return fails != 0;
}
