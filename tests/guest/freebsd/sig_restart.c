/* SA_RESTART vs EINTR on a blocking pipe read, handshaked: a child sends SIGUSR1
 * and waits for the handler's acknowledgement (a byte on a pipe) before the next
 * one, so no sleep decides anything.
 *   SA_RESTART: the read survives 5 signals and returns the byte written after them.
 *   no SA_RESTART: signals are sent until the read fails with EINTR.
 * Also: nanosleep interrupted by a handler is EINTR with the time left; a
 * stop/continue (SIGSTOP, SIGCONT: no handler) does not interrupt it. */
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include "sig_common.h"

static int ack[2];
static volatile int handled;

static void on_usr1(int sig)
{
    (void)sig;
    handled++;
    char c = 'a';
    write(ack[1], &c, 1);
}

/* child: nsig signals, each after the previous acknowledgement; then the byte.
 * nsig < 0: until the parent reports EINTR on `done`. */
static void sender(pid_t parent, int data_w, int done_r, int nsig)
{
    char c;
    for (int i = 0; nsig < 0 || i < nsig; i++) {
        kill(parent, SIGUSR1);
        if (read(ack[0], &c, 1) != 1)
            _exit(2);
        if (nsig < 0) {
            /* stop when the parent saw EINTR */
            fd_set fds;
            struct timeval tv = { 0, 0 };
            FD_ZERO(&fds);
            FD_SET(done_r, &fds);
            if (select(done_r + 1, &fds, NULL, NULL, &tv) > 0)
                _exit(0);
            if (i > 100000)
                _exit(3);
        }
    }
    write(data_w, "x", 1);
    _exit(0);
}

static void one_round(int restart)
{
    int data[2], done[2];
    pipe(data);
    pipe(done);
    pipe(ack);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = restart ? SA_RESTART : 0;
    sigaction(SIGUSR1, &sa, NULL);
    handled = 0;
    pid_t parent = getpid();
    pid_t c = fork();
    if (c == 0) {
        close(data[0]);
        sender(parent, data[1], done[0], restart ? 5 : -1);
    }
    close(data[1]);
    char buf[4];
    ssize_t n;
    if (restart) {
        n = read(data[0], buf, sizeof buf);
        check("SA_RESTART: read returns the data after the signals", n == 1 && buf[0] == 'x',
              "n %ld errno %ld", n, errno);
        check("SA_RESTART: the handler ran 5 times", handled == 5, "handled %ld%ld", handled, 0);
    } else {
        int eintr = 0;
        for (;;) {
            n = read(data[0], buf, sizeof buf);
            if (n == -1 && errno == EINTR) {
                eintr = 1;
                write(done[1], "d", 1);
                break;
            }
            if (n <= 0)
                break;
        }
        check("no SA_RESTART: read fails with EINTR", eintr, "n %ld errno %ld", n, errno);
    }
    int st;
    waitpid(c, &st, 0);
    check(restart ? "SA_RESTART: sender done" : "EINTR: sender done", WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "status %#lx%ld", st, 0);
    close(data[0]);
    close(done[0]);
    close(done[1]);
    close(ack[0]);
    close(ack[1]);
}

int main(void)
{
    one_round(1);
    one_round(0);

    /* nanosleep: a handler interrupts it (EINTR, time left); the sleeper tells
     * the parent it is about to sleep, the parent then signals until EINTR */
    int go[2], fin[2];
    pipe(go);
    pipe(fin);
    pipe(ack);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    pid_t c = fork();
    if (c == 0) {
        struct timespec req = { 30, 0 }, rem = { 0, 0 };
        write(go[1], "g", 1);
        int r;
        while ((r = nanosleep(&req, &rem)) == 0)
            ;
        int ok = r == -1 && errno == EINTR && rem.tv_sec > 0 && rem.tv_sec <= 30;
        write(fin[1], "f", 1);
        _exit(ok ? 0 : 1);
    }
    char ch;
    read(go[0], &ch, 1);
    int st, tries = 0;
    /* a signal may land just before the sleep: send the next one after the
     * handler's acknowledgement, until the sleeper has returned */
    for (;;) {
        fd_set fds;
        struct timeval tv = { 0, 0 };
        FD_ZERO(&fds);
        FD_SET(fin[0], &fds);
        if (select(fin[0] + 1, &fds, NULL, NULL, &tv) > 0 || tries++ > 100000)
            break;
        kill(c, SIGUSR1);
        /* the handler's acknowledgement, or the sleeper's end */
        FD_ZERO(&fds);
        FD_SET(fin[0], &fds);
        FD_SET(ack[0], &fds);
        if (select((fin[0] > ack[0] ? fin[0] : ack[0]) + 1, &fds, NULL, NULL, NULL) > 0 &&
            FD_ISSET(ack[0], &fds))
            read(ack[0], &ch, 1);
    }
    waitpid(c, &st, 0);
    check("nanosleep: EINTR with the time left", WIFEXITED(st) && WEXITSTATUS(st) == 0, "status %#lx%ld", st, 0);

    /* stop and continue a sleeper: no handler, the sleep goes on and completes */
    c = fork();
    if (c == 0) {
        struct timespec req = { 0, 300000000 };
        write(go[1], "g", 1);
        _exit(nanosleep(&req, NULL) == 0 ? 0 : 1);
    }
    read(go[0], &ch, 1);
    kill(c, SIGSTOP);
    waitpid(c, &st, WUNTRACED);
    check("sleeper stopped", WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "status %#lx%ld", st, 0);
    kill(c, SIGCONT);
    while (waitpid(c, &st, 0) == c && WIFSTOPPED(st))
        ;
    check("sleep restarted after SIGCONT and completed", WIFEXITED(st) && WEXITSTATUS(st) == 0,
          "status %#lx%ld", st, 0);
    printf("fails %d\n", fails);
    return fails != 0;
}
