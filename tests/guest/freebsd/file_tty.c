/* FreeBSD guest: terminal and file ioctls on a pseudo-terminal (posix_openpt,
 * TIOCPTMASTER, TIOCGPTN), termios through tcgetattr/tcsetattr (flags, c_cc,
 * integer speeds), window size, FIONREAD, FIONBIO, FIOCLEX/FIONCLEX, FIODTYPE,
 * ttyname (FIODGNAME), process group, unknown ioctls; and pathconf.  Run as
 * `file_tty DIR`.  Prints "ok - X" / "not ok - X (...)"; exit status = failures. */
#include <sys/types.h>
#include <sys/filio.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/ttycom.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "check.h"

#define BAD ((void *)8)

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) < 0) {
        printf("not ok - usage: file_tty DIR\n");
        return 1;
    }
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    check("posix_openpt", m >= 0);
    check("grantpt/unlockpt (TIOCPTMASTER)", grantpt(m) == 0 && unlockpt(m) == 0);
    int n = -1;
    check("TIOCGPTN", ioctl(m, TIOCGPTN, &n) == 0 && n >= 0);
    char name[64];
    snprintf(name, sizeof name, "/dev/pts/%d", n);
    int s = open(name, O_RDWR | O_NOCTTY);
    check("slave opens", s >= 0);
    check("isatty(slave)", isatty(s) == 1);
    const char *tn = ttyname(s);
    check("ttyname (FIODGNAME) names /dev/pts/N", tn && strcmp(tn, name) == 0);

    struct termios t;
    check("tcgetattr", tcgetattr(s, &t) == 0);
    check("default flags: ICANON|ECHO, OPOST|ONLCR, CREAD",
          (t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO) && (t.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR) &&
          (t.c_cflag & CREAD));
    check("c_cc: VINTR ^C, VEOF ^D, VERASE2/VSTATUS FreeBSD's",
          t.c_cc[VINTR] == 3 && t.c_cc[VEOF] == 4 && t.c_cc[VERASE2] == 8 && t.c_cc[VSTATUS] == 20);
    t.c_lflag &= ~(ECHO | ICANON);
    t.c_cc[VMIN] = 1; t.c_cc[VTIME] = 0;
    t.c_cc[VINTR] = _POSIX_VDISABLE;
    cfsetispeed(&t, 9600); cfsetospeed(&t, 9600);
    check("tcsetattr TCSANOW", tcsetattr(s, TCSANOW, &t) == 0);
    struct termios u;
    check("read back: flags, c_cc, speed 9600", tcgetattr(s, &u) == 0 && !(u.c_lflag & (ECHO | ICANON)) &&
          u.c_cc[VMIN] == 1 && u.c_cc[VINTR] == _POSIX_VDISABLE &&
          cfgetospeed(&u) == 9600 && cfgetispeed(&u) == 9600);
    cfsetospeed(&t, 115200); cfsetispeed(&t, 115200);
    check("tcsetattr TCSAFLUSH, 115200", tcsetattr(s, TCSAFLUSH, &t) == 0 && tcgetattr(s, &u) == 0 &&
          cfgetospeed(&u) == 115200);
    check("tcsetattr TCSADRAIN", tcsetattr(s, TCSADRAIN, &t) == 0);
    check("tcdrain (TIOCDRAIN)", tcdrain(s) == 0);
    check("tcflush (TIOCFLUSH)", tcflush(s, TCIOFLUSH) == 0);
    CHECK_ERR("tcgetattr bad pointer: EFAULT", tcgetattr(s, BAD), EFAULT);

    struct winsize w = { .ws_row = 33, .ws_col = 101 }, w2;
    check("TIOCSWINSZ/TIOCGWINSZ", ioctl(s, TIOCSWINSZ, &w) == 0 && ioctl(m, TIOCGWINSZ, &w2) == 0 &&
          w2.ws_row == 33 && w2.ws_col == 101);

    int k = -1;
    check("master writes 3 bytes", write(m, "abc", 3) == 3);
    usleep(20000);
    check("FIONREAD on the slave: 3", ioctl(s, FIONREAD, &k) == 0 && k == 3);
    char b[8];
    check("slave reads them (raw mode)", read(s, b, 3) == 3 && memcmp(b, "abc", 3) == 0);
    int on = 1;
    check("FIONBIO on", ioctl(s, FIONBIO, &on) == 0 && (fcntl(s, F_GETFL) & O_NONBLOCK));
    CHECK_ERR("empty non-blocking tty: EAGAIN", read(s, b, 1), EAGAIN);
    on = 0;
    check("FIONBIO off", ioctl(s, FIONBIO, &on) == 0 && !(fcntl(s, F_GETFL) & O_NONBLOCK));
    check("FIOCLEX", ioctl(s, FIOCLEX) == 0 && fcntl(s, F_GETFD) == FD_CLOEXEC);
    check("FIONCLEX", ioctl(s, FIONCLEX) == 0 && fcntl(s, F_GETFD) == 0);
    int dt = -1;
    check("FIODTYPE: D_TTY", ioctl(s, FIODTYPE, &dt) == 0 && dt == 4);
    check("TIOCGETD: TTYDISC", ioctl(s, TIOCGETD, &dt) == 0 && dt == 0);
    int o = -1;
    check("FIOSETOWN/FIOGETOWN", ioctl(m, FIOSETOWN, &(int){ getpid() }) == 0 &&
          ioctl(m, FIOGETOWN, &o) == 0 && o == getpid());
    CHECK_ERR("TIOCGPGRP without a controlling tty: ENOTTY", ioctl(s, TIOCGPGRP, &o), ENOTTY);
    CHECK_ERR("unknown ioctl: ENOTTY", ioctl(s, _IOR('z', 99, int), &o), ENOTTY);

    int f = open("reg", O_RDWR | O_CREAT, 0644);
    check("write 5 to a file", write(f, "12345", 5) == 5 && lseek(f, 1, SEEK_SET) == 1);
    check("FIONREAD on a file: bytes left", ioctl(f, FIONREAD, &k) == 0 && k == 4);
    CHECK_ERR("tcgetattr on a file: ENOTTY", tcgetattr(f, &u), ENOTTY);
    CHECK_ERR("FIODTYPE on a file: ENOTTY", ioctl(f, FIODTYPE, &dt), ENOTTY);
    check("isatty(file) = 0", isatty(f) == 0);
    int d = open("/dev/null", O_RDWR);
    check("/dev/null: not a tty, reads EOF", d >= 0 && isatty(d) == 0 && read(d, b, 1) == 0);
    close(d);

    /* pathconf family */
    check("pathconf _PC_NAME_MAX 255", pathconf("reg", _PC_NAME_MAX) == 255);
    check("fpathconf _PC_PIPE_BUF 512", fpathconf(f, _PC_PIPE_BUF) == 512);
    check("lpathconf _PC_ACL_NFS4 0", lpathconf("reg", _PC_ACL_NFS4) == 0);
    CHECK_ERR("pathconf on a missing file: ENOENT", pathconf("nope", _PC_NAME_MAX), ENOENT);
    CHECK_ERR("pathconf unknown name: EINVAL", pathconf("reg", 9999), EINVAL);
    CHECK_ERR("fpathconf on a closed fd: EBADF", fpathconf(99, _PC_NAME_MAX), EBADF);
    close(f);
    unlink("reg");
    close(s);
    close(m);
    printf("fails %d\n", fails);
    return fails;
}
