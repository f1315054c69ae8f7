/* 1000 loopback TCP connections between a FreeBSD client and a FreeBSD server
 * (a forked child running a poll loop): the client opens them in batches of 50,
 * sends each a payload of its own length and content, half-closes, and checks
 * the echo byte for byte.  Both sides count every byte. */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NCONN 1000
#define BATCH 50
#define MAXLEN 1500

static void payload(int i, char *b, int *len)
{
    *len = 1 + (i * 37) % MAXLEN;
    for (int k = 0; k < *len; k++)
        b[k] = (char)('a' + (i + k) % 26);
}

static int server(int l)
{
    struct pollfd f[BATCH * 2 + 1];
    int n = 1, closed = 0;
    long bytes = 0;
    f[0] = (struct pollfd){ l, POLLIN, 0 };
    while (closed < NCONN) {
        if (poll(f, (nfds_t)n, 10000) <= 0)
            return printf("server: poll timed out after %d connections\n", closed), 1;
        if (f[0].revents & POLLIN) {
            int c = accept(l, NULL, NULL);
            if (c >= 0)
                f[n++] = (struct pollfd){ c, POLLIN, 0 };
        }
        for (int i = 1; i < n; i++) {
            if (!(f[i].revents & (POLLIN | POLLHUP)))
                continue;
            char buf[4096];
            ssize_t r = read(f[i].fd, buf, sizeof buf);
            if (r > 0) {
                bytes += r;
                for (ssize_t o = 0; o < r;) {
                    ssize_t w = write(f[i].fd, buf + o, (size_t)(r - o));
                    if (w <= 0)
                        return printf("server: write errno %d\n", errno), 1;
                    o += w;
                }
            } else {
                close(f[i].fd);
                closed++;
                f[i] = f[--n];
                i--;
            }
        }
    }
    printf("server: %d connections, %ld bytes echoed\n", closed, bytes);
    return 0;
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    int l = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_len = sizeof a, .sin_family = AF_INET };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(l, (void *)&a, sizeof a) < 0 || listen(l, 128) < 0)
        return printf("bind/listen errno %d\n", errno), 1;
    socklen_t al = sizeof a;
    getsockname(l, (void *)&a, &al);
    pid_t pid = fork();
    if (pid == 0)
        _exit(server(l));
    close(l);

    long sent = 0, received = 0;
    int good = 0;
    for (int base = 0; base < NCONN; base += BATCH) {
        int s[BATCH];
        for (int i = 0; i < BATCH; i++) {
            char b[MAXLEN];
            int len;
            s[i] = socket(AF_INET, SOCK_STREAM, 0);
            if (connect(s[i], (void *)&a, sizeof a) < 0)
                return printf("connect %d errno %d\n", base + i, errno), 1;
            payload(base + i, b, &len);
            if (write(s[i], b, (size_t)len) != len)
                return printf("write %d errno %d\n", base + i, errno), 1;
            sent += len;
            shutdown(s[i], SHUT_WR);
        }
        for (int i = 0; i < BATCH; i++) {
            char want[MAXLEN], got[MAXLEN + 1];
            int len, have = 0;
            ssize_t r;
            payload(base + i, want, &len);
            while ((r = read(s[i], got + have, sizeof got - (size_t)have)) > 0)
                have += (int)r;
            received += have;
            if (have == len && memcmp(want, got, (size_t)len) == 0)
                good++;
            close(s[i]);
        }
    }
    int st;
    waitpid(pid, &st, 0);
    printf("client: %d/%d echoes intact, %ld bytes sent, %ld received\n", good, NCONN, sent, received);
    printf("server exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return good == NCONN && sent == received ? 0 : 1;
}
