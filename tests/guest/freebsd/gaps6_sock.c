/* bindat/connectat at a directory descriptor and SO_NOSIGPIPE on write(2),
 * writev(2) and sendfile(2) (13.2 sysroot; tests/integration/freebsd_gaps6.sh). */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static struct sockaddr_un un(const char *path)
{
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    a.sun_len = sizeof a;
    strncpy(a.sun_path, path, sizeof a.sun_path - 1);
    return a;
}

static const char *err(int r)
{
    static char b[32];
    if (r == 0)
        return "0";
    snprintf(b, sizeof b, "-1 %s", errno == EBADF ? "EBADF" : errno == ENOTDIR ? "ENOTDIR" :
             errno == ENOENT ? "ENOENT" : errno == EOPNOTSUPP ? "EOPNOTSUPP" :
             errno == EADDRINUSE ? "EADDRINUSE" : errno == EPIPE ? "EPIPE" : "other");
    if (!strcmp(b + 3, "other"))
        snprintf(b, sizeof b, "-1 errno=%d", errno);
    return b;
}

static int bat(int dfd, int s, const char *p)
{
    struct sockaddr_un a = un(p);
    return bindat(dfd, s, (struct sockaddr *)&a, sizeof a);
}

static int cat(int dfd, int s, const char *p)
{
    struct sockaddr_un a = un(p);
    return connectat(dfd, s, (struct sockaddr *)&a, sizeof a);
}

static const char *kind(const char *p)
{
    struct stat st;
    if (stat(p, &st) < 0)
        return "missing";
    return S_ISSOCK(st.st_mode) ? "socket" : "other";
}

static void at_calls(void)
{
    const char *old[] = { "/tmp/g6d/srv", "/tmp/g6d/sub/deep", "/tmp/g6d/sub/cwd",
                          "/tmp/g6d/abs", "/tmp/g6d/file", "/tmp/g6d/data" };
    for (size_t i = 0; i < sizeof old / sizeof old[0]; i++)
        unlink(old[i]);
    mkdir("/tmp/g6d", 0755);
    mkdir("/tmp/g6d/sub", 0755);
    int dfd = open("/tmp/g6d", O_RDONLY | O_DIRECTORY);
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bindat dirfd srv: %s %s\n", err(bat(dfd, srv, "srv")), kind("/tmp/g6d/srv"));
    listen(srv, 4);
    int c = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("connectat dirfd srv: %s\n", err(cat(dfd, c, "srv")));
    int a = accept(srv, NULL, NULL);
    char buf[8] = "";
    write(c, "ping", 4);
    printf("round trip: %zd %.4s\n", read(a, buf, sizeof buf), buf);
    int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bindat dirfd sub/deep: %s %s\n", err(bat(dfd, s2, "sub/deep")), kind("/tmp/g6d/sub/deep"));
    int s3 = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bindat dirfd srv again: %s\n", err(bat(dfd, s3, "srv")));
    chdir("/tmp/g6d/sub");
    int s4 = socket(AF_UNIX, SOCK_DGRAM, 0);
    printf("bindat AT_FDCWD cwd: %s %s\n", err(bat(AT_FDCWD, s4, "cwd")), kind("/tmp/g6d/sub/cwd"));
    int c4 = socket(AF_UNIX, SOCK_DGRAM, 0);
    printf("connectat AT_FDCWD cwd: %s\n", err(cat(AT_FDCWD, c4, "cwd")));
    /* the directory descriptor wins over the working directory */
    int c5 = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("connectat dirfd srv from elsewhere: %s\n", err(cat(dfd, c5, "srv")));
    int s5 = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bindat bad dirfd absolute: %s %s\n", err(bat(777, s5, "/tmp/g6d/abs")), kind("/tmp/g6d/abs"));
    int s6 = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("bindat bad dirfd: %s\n", err(bat(777, s6, "x")));
    int f = open("/tmp/g6d/file", O_CREAT | O_RDWR, 0644);
    printf("bindat file dirfd: %s\n", err(bat(f, s6, "x")));
    int c6 = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("connectat dirfd missing: %s\n", err(cat(dfd, c6, "nosuch")));
    printf("bindat bad socket: %s\n", err(bat(dfd, 778, "y")));
    int in = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sin = { .sin_len = sizeof sin, .sin_family = AF_INET };
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    printf("bindat dirfd inet: %s\n", err(bindat(dfd, in, (struct sockaddr *)&sin, sizeof sin)));
    printf("bindat AT_FDCWD inet: %s\n", err(bindat(AT_FDCWD, in, (struct sockaddr *)&sin, sizeof sin)));
    errno = 0;
    int r = bindat(dfd, s6, (void *)8, 16);
    printf("bindat bad address: %s\n", r < 0 && errno == EFAULT ? "EFAULT" : "wrong");
}

static volatile sig_atomic_t npipe;
static void on_pipe(int s) { (void)s; npipe++; }

/* a connected pair whose peer is gone; nosig: SO_NOSIGPIPE on the writer */
static int broken(int nosig)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    if (nosig) {
        int one = 1;
        setsockopt(sv[0], SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
    }
    close(sv[1]);
    return sv[0];
}

static void nosigpipe(void)
{
    signal(SIGPIPE, on_pipe);
    struct iovec iov = { "ab", 2 };
    int f = open("/tmp/g6d/data", O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(f, "0123456789", 10);
    off_t sb = -1;

    int s = broken(1);
    printf("nosigpipe write: %s signals %d\n", err(write(s, "x", 1) < 0 ? -1 : 0), (int)npipe);
    printf("nosigpipe writev: %s signals %d\n", err(writev(s, &iov, 1) < 0 ? -1 : 0), (int)npipe);
    int d = dup(s);
    printf("nosigpipe dup write: %s signals %d\n", err(write(d, "x", 1) < 0 ? -1 : 0), (int)npipe);
    printf("nosigpipe sendfile: %s signals %d\n", err(sendfile(f, s, 0, 5, NULL, &sb, 0)), (int)npipe);
    int p = broken(0);
    printf("plain write: %s signals %d\n", err(write(p, "x", 1) < 0 ? -1 : 0), (int)npipe);
    printf("plain sendfile: %s signals %d\n", err(sendfile(f, p, 0, 5, NULL, &sb, 0)), (int)npipe);
    int pp[2];
    pipe(pp);
    close(pp[0]);
    printf("pipe write: %s signals %d\n", err(write(pp[1], "x", 1) < 0 ? -1 : 0), (int)npipe);
    printf("nosigpipe write again: %s signals %d\n", err(write(s, "x", 1) < 0 ? -1 : 0), (int)npipe);

    /* default action: a NOSIGPIPE write does not kill, a plain one does */
    for (int nosig = 1; nosig >= 0; nosig--) {
        pid_t c = fork();
        if (c == 0) {
            signal(SIGPIPE, SIG_DFL);
            int w = broken(nosig);
            _exit(write(w, "x", 1) < 0 && errno == EPIPE ? 7 : 1);
        }
        int st;
        waitpid(c, &st, 0);
        printf("SIG_DFL %s write: %s %d\n", nosig ? "nosigpipe" : "plain",
               WIFSIGNALED(st) ? "killed by" : "exit", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    }
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    at_calls();
    nosigpipe();
    return 0;
}
