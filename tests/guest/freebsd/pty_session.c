/* FreeBSD guest: a pseudo-terminal session as script(1) and login(1) build one.
 * posix_openpt/grantpt/unlockpt/ptsname (libc: TIOCPTMASTER, FIODGNAME or
 * TIOCGPTN), both directions of the line with the slave's termios (canonical
 * input with echo, output post-processing), ptsname's errors, then in children:
 * setsid + TIOCSCTTY (the terminal's session and foreground group), TIOCNOTTY,
 * login_tty (setsid, TIOCSCTTY, dup2 onto 0-2), and EOF on the master (EIO on
 * Linux, 0 on FreeBSD: either ends a reader) once the session's slave closes.
 * Prints "ok - X" / "not ok - X (...)"; exit status = failures. */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <libutil.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "check.h"

/* Reads from fd until `want` was seen or a second passes without data. */
static int read_until(int fd, char *buf, size_t cap, const char *want)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int tries = 0; tries < 100 && !strstr(buf, want); tries++) {
        fd_set rs;
        FD_ZERO(&rs);
        FD_SET(fd, &rs);
        struct timeval tv = { 0, 50000 };
        if (select(fd + 1, &rs, NULL, NULL, &tv) <= 0)
            continue;
        ssize_t r = read(fd, buf + n, cap - 1 - n);
        if (r <= 0)
            break;
        n += (size_t)r;
        buf[n] = '\0';
    }
    return strstr(buf, want) != NULL;
}

int main(void)
{
    char buf[256];
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    check("posix_openpt(O_RDWR|O_NOCTTY)", m >= 0);
    errno = 0;
    check("posix_openpt(O_WRONLY): EINVAL", posix_openpt(O_WRONLY) == -1 && errno == EINVAL);
    check("grantpt", grantpt(m) == 0);
    check("unlockpt", unlockpt(m) == 0);
    const char *pn = ptsname(m);
    check("ptsname is /dev/pts/N", pn && strncmp(pn, "/dev/pts/", 9) == 0);
    char name[64];
    snprintf(name, sizeof name, "%s", pn ? pn : "?");
    errno = 0;
    check("ptsname of a non-pty: NULL", ptsname(0) == NULL || isatty(0));
    int nfd = open("/dev/null", O_RDWR);
    errno = 0;
    check("unlockpt on /dev/null fails", unlockpt(nfd) == -1);
    close(nfd);
    int s = open(name, O_RDWR | O_NOCTTY);
    check("slave opens by ptsname", s >= 0);
    const char *tn = ttyname(s);
    check("ttyname(slave) == ptsname", tn && strcmp(tn, name) == 0);

    /* canonical input with echo: the line reaches the slave at the newline */
    check("master writes a line", write(m, "hello\n", 6) == 6);
    ssize_t r = read(s, buf, sizeof buf);
    check("slave reads the line", r == 6 && memcmp(buf, "hello\n", 6) == 0);
    check("master sees the echo (ONLCR: CR LF)", read_until(m, buf, sizeof buf, "hello\r\n"));
    check("slave writes", write(s, "out\n", 4) == 4);
    check("master reads it with ONLCR", read_until(m, buf, sizeof buf, "out\r\n"));
    struct termios t;
    check("tcgetattr(slave)", tcgetattr(s, &t) == 0);
    t.c_oflag &= ~OPOST;
    t.c_lflag &= ~ECHO;
    check("tcsetattr: no OPOST, no ECHO", tcsetattr(s, TCSANOW, &t) == 0);
    check("slave writes raw", write(s, "raw\n", 4) == 4);
    check("master reads it unprocessed", read_until(m, buf, sizeof buf, "raw\n") && !strstr(buf, "\r"));
    check("master writes without echo", write(m, "quiet\n", 6) == 6 && read(s, buf, sizeof buf) == 6);
    {
        fd_set rs;
        FD_ZERO(&rs);
        FD_SET(m, &rs);
        struct timeval tv = { 0, 100000 };
        check("no echo on the master", select(m + 1, &rs, NULL, NULL, &tv) == 0);
    }

    /* a child makes the terminal its controlling terminal */
    int p[2];
    check("pipe", pipe(p) == 0);
    pid_t c = fork();
    if (c == 0) {
        char res[128];
        signal(SIGHUP, SIG_IGN);    /* Linux hangs the session leader's group up at TIOCNOTTY */
        int ok1 = setsid() == getpid();
        int ok2 = ioctl(s, TIOCSCTTY, 0) == 0;
        int ok3 = tcgetpgrp(s) == getpgrp();
        int ok4 = tcgetsid(s) == getsid(0);
        int fd = open("/dev/tty", O_RDWR);
        int ok5 = fd >= 0;
        int ok6 = ioctl(fd, TIOCNOTTY) == 0;
        int ok7 = open("/dev/tty", O_RDWR) < 0 && errno == ENXIO;
        snprintf(res, sizeof res, "%d%d%d%d%d%d%d", ok1, ok2, ok3, ok4, ok5, ok6, ok7);
        write(p[1], res, strlen(res));
        _exit(0);
    }
    close(p[1]);
    memset(buf, 0, sizeof buf);
    r = read(p[0], buf, sizeof buf - 1);
    int st;
    waitpid(c, &st, 0);
    close(p[0]);
    check("child: setsid", r == 7 && buf[0] == '1');
    check("child: TIOCSCTTY", buf[1] == '1');
    check("child: tcgetpgrp is its group", buf[2] == '1');
    check("child: tcgetsid is its session", buf[3] == '1');
    check("child: /dev/tty opens", buf[4] == '1');
    check("child: TIOCNOTTY", buf[5] == '1');
    check("child: /dev/tty after TIOCNOTTY: ENXIO", buf[6] == '1');
    check("child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);

    /* login_tty in a child, which then runs as the session's shell would */
    c = fork();
    if (c == 0) {
        if (login_tty(s) < 0)
            _exit(2);
        printf("tty=%d sid=%d pgrp=%d\n", isatty(0) && isatty(1) && isatty(2),
               getsid(0) == getpid(), tcgetpgrp(0) == getpgrp());
        fflush(stdout);
        char line[64];
        if (!fgets(line, sizeof line, stdin))
            _exit(3);
        printf("got %s", line);
        fflush(stdout);
        _exit(0);
    }
    close(s);
    check("login_tty child: a terminal on 0-2, its own session, foreground",
          read_until(m, buf, sizeof buf, "tty=1 sid=1 pgrp=1"));
    check("master feeds the child a line", write(m, "typed\n", 6) == 6);
    check("child read it on its stdin", read_until(m, buf, sizeof buf, "got typed"));
    waitpid(c, &st, 0);
    check("login_tty child exited 0", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    errno = 0;
    r = read(m, buf, sizeof buf);
    check("master after the last slave closed: EOF (0 or EIO)", r == 0 || (r == -1 && errno == EIO));
    close(m);
    printf("fails %d\n", fails);
    return fails;
}
