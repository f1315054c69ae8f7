/* Sockets on the FreeBSD personality: TCP echo over 127.0.0.1 and ::1 (one
 * process and across fork), sockaddr lengths, socket options as FreeBSD reads
 * them back, SO_ERROR after a refused connect, UDP flags, SCM_RIGHTS, SCM_CREDS,
 * SO_NOSIGPIPE, sendfile with headers and trailers, error paths.  Prints one line
 * per check; the test compares the whole output. */
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/ucred.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void die(const char *what)
{
    printf("FAIL %s: errno %d\n", what, errno);
    exit(1);
}

/* a listening TCP socket on the loopback address of family fam, port chosen */
static int listener(int fam, struct sockaddr_storage *ss, socklen_t *sl)
{
    int s = socket(fam, SOCK_STREAM, 0);
    if (s < 0)
        die("socket");
    int one = 1;
    if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0)
        die("SO_REUSEADDR");
    memset(ss, 0, sizeof *ss);
    if (fam == AF_INET) {
        struct sockaddr_in *a = (void *)ss;
        a->sin_len = sizeof *a;
        a->sin_family = AF_INET;
        a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        *sl = sizeof *a;
    } else {
        struct sockaddr_in6 *a = (void *)ss;
        a->sin6_len = sizeof *a;
        a->sin6_family = AF_INET6;
        a->sin6_addr = in6addr_loopback;
        *sl = sizeof *a;
    }
    if (bind(s, (void *)ss, *sl) < 0)
        die("bind");
    if (listen(s, 16) < 0)
        die("listen");
    socklen_t l = sizeof *ss;
    memset(ss, 0xee, sizeof *ss);
    if (getsockname(s, (void *)ss, &l) < 0)
        die("getsockname");
    *sl = l;
    return s;
}

static int port_of(struct sockaddr_storage *ss)
{
    return ss->ss_family == AF_INET ? ntohs(((struct sockaddr_in *)ss)->sin_port)
                                    : ntohs(((struct sockaddr_in6 *)ss)->sin6_port);
}

static void echo_once(int c)
{
    char buf[64];
    ssize_t n = recv(c, buf, sizeof buf, 0);
    if (n > 0)
        send(c, buf, (size_t)n, 0);
}

static void tcp(int fam, const char *name, int use_fork)
{
    struct sockaddr_storage ss, peer;
    socklen_t sl;
    int l = listener(fam, &ss, &sl);
    printf("%s getsockname len=%u sa_len=%u family=%d port>0=%d\n", name, (unsigned)sl,
           ss.ss_len, ss.ss_family, port_of(&ss) > 0);
    pid_t pid = -1;
    if (use_fork) {
        pid = fork();
        if (pid == 0) {
            int a = accept(l, NULL, NULL);
            echo_once(a);
            _exit(0);
        }
    }
    int c = socket(fam, SOCK_STREAM, 0);
    if (connect(c, (void *)&ss, sl) < 0)
        die("connect");
    int a = -1;
    if (!use_fork) {
        socklen_t pl = sizeof peer;
        a = accept(l, (void *)&peer, &pl);
        if (a < 0)
            die("accept");
        printf("%s accept peer len=%u sa_len=%u family=%d\n", name, (unsigned)pl, peer.ss_len,
               peer.ss_family);
    }
    socklen_t pl = sizeof peer;
    if (getpeername(c, (void *)&peer, &pl) < 0)
        die("getpeername");
    printf("%s getpeername len=%u same port=%d\n", name, (unsigned)pl, port_of(&peer) == port_of(&ss));
    send(c, "hello", 5, 0);
    if (!use_fork)
        echo_once(a);
    char buf[16] = { 0 };
    ssize_t n = recv(c, buf, 5, MSG_WAITALL);
    printf("%s echo %zd %s\n", name, n, buf);
    if (use_fork) {
        int st;
        waitpid(pid, &st, 0);
        printf("%s child status %d\n", name, st);
    }
    close(c);
    if (a >= 0)
        close(a);
    close(l);
}

static void options(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0), v;
    socklen_t l = sizeof v;
    v = 65536;
    if (setsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, sizeof v) < 0)
        die("SO_RCVBUF set");
    v = 0;
    getsockopt(s, SOL_SOCKET, SO_RCVBUF, &v, &l);
    printf("SO_RCVBUF %d\n", v);
    l = sizeof v;
    getsockopt(s, SOL_SOCKET, SO_TYPE, &v, &l);
    printf("SO_TYPE %d len %u\n", v, (unsigned)l);
    v = 1;
    setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, sizeof v);
    l = sizeof v;
    getsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &v, &l);
    printf("SO_KEEPALIVE reads %#x\n", v);
    struct linger lg = { 1, 5 };
    setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    memset(&lg, 0, sizeof lg);
    l = sizeof lg;
    getsockopt(s, SOL_SOCKET, SO_LINGER, &lg, &l);
    printf("SO_LINGER onoff %#x linger %d\n", lg.l_onoff, lg.l_linger);
    v = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, sizeof v);
    v = 0;
    l = sizeof v;
    getsockopt(s, IPPROTO_TCP, TCP_NODELAY, &v, &l);
    printf("TCP_NODELAY %d\n", v != 0);
    v = 77;
    setsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v);
    v = 0;
    l = sizeof v;
    getsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &v, &l);
    printf("TCP_KEEPIDLE %d\n", v);
    v = 33;
    setsockopt(s, IPPROTO_IP, IP_TTL, &v, sizeof v);
    v = 0;
    l = sizeof v;
    getsockopt(s, IPPROTO_IP, IP_TTL, &v, &l);
    printf("IP_TTL %d\n", v);
    struct timeval tv = { 2, 500000 };
    setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    memset(&tv, 0, sizeof tv);
    l = sizeof tv;
    getsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, &l);
    printf("SO_RCVTIMEO %ld.%06ld\n", (long)tv.tv_sec, (long)tv.tv_usec);
    int r = setsockopt(s, SOL_SOCKET, SO_ACCEPTFILTER, "x", 1);
    printf("SO_ACCEPTFILTER %d errno %d\n", r, errno);
    close(s);

    int s6 = socket(AF_INET6, SOCK_STREAM, 0);
    v = 1;
    setsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &v, sizeof v);
    v = 0;
    l = sizeof v;
    getsockopt(s6, IPPROTO_IPV6, IPV6_V6ONLY, &v, &l);
    printf("IPV6_V6ONLY %d\n", v);
    close(s6);

    /* a refused connect: errno and SO_ERROR are FreeBSD's ECONNREFUSED (61) */
    struct sockaddr_storage ss;
    socklen_t sl;
    int lsn = listener(AF_INET, &ss, &sl);
    close(lsn);                         /* nothing listens on that port now */
    int c = socket(AF_INET, SOCK_STREAM, 0);
    r = connect(c, (void *)&ss, sl);
    printf("connect refused %d errno %d\n", r, errno);
    close(c);
    c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    r = connect(c, (void *)&ss, sl);
    int e = errno;
    struct pollfd p = { c, POLLOUT, 0 };
    poll(&p, 1, 5000);
    v = -1;
    l = sizeof v;
    getsockopt(c, SOL_SOCKET, SO_ERROR, &v, &l);
    printf("nonblocking refused: connect %d errno %s SO_ERROR %d\n", r,
           r == 0 ? "-" : e == EINPROGRESS ? "EINPROGRESS" : "other", r == 0 ? ECONNREFUSED : v);
    close(c);

    /* bad pointers and descriptors */
    struct sockaddr_in a;
    r = getsockname(0x7fff, (void *)&a, &sl);
    printf("getsockname bad fd %d errno %d\n", r, errno);
    s = socket(AF_INET, SOCK_DGRAM, 0);
    r = getsockname(s, (void *)&a, (socklen_t *)8);
    printf("getsockname bad len ptr %d errno %d\n", r, errno);
    r = bind(s, (void *)8, sizeof a);
    printf("bind bad addr %d errno %d\n", r, errno);
    r = socket(99, SOCK_STREAM, 0);
    printf("socket bad domain %d errno %d\n", r, errno);
    /* a short address length: only sa_len bytes back, and the length says so */
    bind(s, NULL, 0);
    memset(&a, 0, sizeof a);
    a.sin_len = sizeof a;
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(s, (void *)&a, sizeof a);
    unsigned char small[4] = { 0xee, 0xee, 0xee, 0xee };
    socklen_t sml = 3;
    getsockname(s, (void *)small, &sml);
    printf("getsockname short: len %u bytes %02x %02x rest untouched %d\n", (unsigned)sml,
           small[0], small[1], small[3] == 0xee);
    close(s);
}

static void udp(void)
{
    int r = socket(AF_INET, SOCK_DGRAM, 0), w = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = { .sin_len = sizeof a, .sin_family = AF_INET };
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(r, (void *)&a, sizeof a);
    socklen_t l = sizeof a;
    getsockname(r, (void *)&a, &l);
    sendto(w, "datagram-1", 10, 0, (void *)&a, sizeof a);
    char buf[32] = { 0 };
    ssize_t n = recv(r, buf, sizeof buf, MSG_PEEK);
    printf("udp peek %zd %s\n", n, buf);
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    memset(buf, 0, sizeof buf);
    struct sockaddr_in wa;
    socklen_t wl = sizeof wa;
    getsockname(w, (void *)&wa, &wl);
    n = recvfrom(r, buf, 4, 0, (void *)&from, &fl);
    printf("udp recvfrom %zd %s fromlen %u sa_len %u family %d port match %d\n", n, buf,
           (unsigned)fl, from.sin_len, from.sin_family, from.sin_port == wa.sin_port);
    sendto(w, "datagram-2", 10, 0, (void *)&a, sizeof a);
    struct iovec iov = { buf, 4 };
    struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov, .msg_iovlen = 1 };
    memset(buf, 0, sizeof buf);
    n = recvmsg(r, &m, 0);
    printf("udp recvmsg %zd %s flags MSG_TRUNC=%d namelen %u\n", n, buf,
           (m.msg_flags & MSG_TRUNC) != 0, (unsigned)m.msg_namelen);
    /* SO_TIMESTAMP: a struct timeval as SCM_TIMESTAMP */
    int on = 1;
    setsockopt(r, SOL_SOCKET, SO_TIMESTAMP, &on, sizeof on);
    sendto(w, "stamped", 7, 0, (void *)&a, sizeof a);
    union { struct cmsghdr h; char b[CMSG_SPACE(sizeof(struct timeval))]; } tu;
    memset(&tu, 0, sizeof tu);
    iov.iov_len = sizeof buf;
    m.msg_control = tu.b;
    m.msg_controllen = sizeof tu.b;
    struct timeval now;
    gettimeofday(&now, NULL);
    n = recvmsg(r, &m, 0);
    struct cmsghdr *tc = CMSG_FIRSTHDR(&m);
    struct timeval stamp = { 0, 0 };
    if (tc)
        memcpy(&stamp, CMSG_DATA(tc), sizeof stamp);
    printf("udp timestamp: n %zd level %#x type %d len %u near now %d\n", n, tc ? tc->cmsg_level : 0,
           tc ? tc->cmsg_type : 0, tc ? tc->cmsg_len : 0,
           stamp.tv_sec >= now.tv_sec - 5 && stamp.tv_sec <= now.tv_sec + 5);
    m.msg_control = NULL;
    m.msg_controllen = 0;
    fcntl(r, F_SETFL, O_NONBLOCK);
    n = recv(r, buf, sizeof buf, 0);
    printf("udp empty %zd errno %d\n", n, errno);
    n = recv(r, buf, sizeof buf, MSG_DONTWAIT);
    printf("udp dontwait %zd errno %d\n", n, errno);
    close(r);
    close(w);
}

static void waitall(void)
{
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    if (fork() == 0) {
        write(sv[1], "abc", 3);
        usleep(20000);
        write(sv[1], "defg", 4);
        _exit(0);
    }
    char buf[8] = { 0 };
    ssize_t n = recv(sv[0], buf, 7, MSG_WAITALL);
    printf("waitall %zd %s\n", n, buf);
    wait(NULL);
    close(sv[0]);
    close(sv[1]);
}

static void rights_and_creds(void)
{
    int sv[2], p[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0 || pipe(p) < 0)
        die("socketpair");
    union { struct cmsghdr h; char b[CMSG_SPACE(sizeof(int))]; } u;
    memset(&u, 0, sizeof u);
    struct iovec iov = { "F", 1 };
    struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b,
                        .msg_controllen = sizeof u.b };
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_len = CMSG_LEN(sizeof(int));
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    memcpy(CMSG_DATA(c), &p[1], sizeof(int));
    if (sendmsg(sv[0], &m, 0) != 1)
        die("sendmsg rights");
    char ch = 0;
    memset(&u, 0, sizeof u);
    iov.iov_base = &ch;
    m.msg_controllen = sizeof u.b;
    m.msg_flags = -1;
    ssize_t n = recvmsg(sv[1], &m, 0);
    c = CMSG_FIRSTHDR(&m);
    int fd = -1;
    if (c)
        memcpy(&fd, CMSG_DATA(c), sizeof fd);
    printf("rights: n %zd data %c controllen %u cmsg_len %u level %#x type %d flags %d newfd!=old %d\n",
           n, ch, (unsigned)m.msg_controllen, c ? c->cmsg_len : 0, c ? c->cmsg_level : 0,
           c ? c->cmsg_type : 0, m.msg_flags, fd != p[1]);
    write(fd, "via-passed-fd", 13);
    close(fd);
    close(p[1]);
    char buf[32] = { 0 };
    read(p[0], buf, sizeof buf);
    printf("rights: pipe got %s\n", buf);
    close(p[0]);

    /* SCM_CREDS: the kernel fills the sender's credentials in */
    union { struct cmsghdr h; char b[CMSG_SPACE(sizeof(struct cmsgcred))]; } cu;
    memset(&cu, 0, sizeof cu);
    iov.iov_base = "C";
    m.msg_control = cu.b;
    m.msg_controllen = sizeof cu.b;
    c = CMSG_FIRSTHDR(&m);
    c->cmsg_len = CMSG_LEN(sizeof(struct cmsgcred));
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_CREDS;
    pid_t child = fork();
    if (child == 0) {
        _exit(sendmsg(sv[0], &m, 0) == 1 ? 0 : 1);
    }
    memset(&cu, 0, sizeof cu);
    iov.iov_base = &ch;
    m.msg_controllen = sizeof cu.b;
    n = recvmsg(sv[1], &m, 0);
    c = CMSG_FIRSTHDR(&m);
    struct cmsgcred cr;
    memset(&cr, 0, sizeof cr);
    if (c && c->cmsg_type == SCM_CREDS)
        memcpy(&cr, CMSG_DATA(c), sizeof cr);
    int st;
    waitpid(child, &st, 0);
    printf("creds: n %zd data %c type %d len %u pid ok %d uid ok %d gid ok %d ngroups>0 %d sender %d\n",
           n, ch, c ? c->cmsg_type : 0, c ? c->cmsg_len : 0, cr.cmcred_pid == child,
           cr.cmcred_uid == getuid(), cr.cmcred_gid == getgid(), cr.cmcred_ngroups > 0, st);

    /* LOCAL_PEERCRED */
    struct xucred xu;
    socklen_t xl = sizeof xu;
    memset(&xu, 0, sizeof xu);
    int r = getsockopt(sv[0], SOL_LOCAL, LOCAL_PEERCRED, &xu, &xl);
    printf("LOCAL_PEERCRED %d version %u uid ok %d len %u pid ok %d\n", r, xu.cr_version,
           xu.cr_uid == geteuid(), (unsigned)xl, xu.cr_pid == getpid());
    close(sv[0]);
    close(sv[1]);

    /* a bound local socket's name */
    int u1 = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un un = { .sun_family = AF_UNIX };
    snprintf(un.sun_path, sizeof un.sun_path, "/tmp/fbsock.%d", (int)getpid());
    unlink(un.sun_path);
    un.sun_len = SUN_LEN(&un);
    if (bind(u1, (void *)&un, SUN_LEN(&un)) < 0)
        die("bind unix");
    struct sockaddr_un got;
    socklen_t gl = sizeof got;
    memset(&got, 0, sizeof got);
    getsockname(u1, (void *)&got, &gl);
    printf("unix getsockname family %d path ok %d sun_len>=len %d\n", got.sun_family,
           strcmp(got.sun_path, un.sun_path) == 0, got.sun_len >= SUN_LEN(&un));
    unlink(un.sun_path);
    close(u1);
}

static void nosigpipe(void)
{
    int sv[2], v = 1, r;
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);
    r = setsockopt(sv[0], SOL_SOCKET, SO_NOSIGPIPE, &v, sizeof v);
    v = 0;
    socklen_t l = sizeof v;
    getsockopt(sv[0], SOL_SOCKET, SO_NOSIGPIPE, &v, &l);
    printf("SO_NOSIGPIPE set %d reads %#x\n", r, v);
    ssize_t n = send(sv[0], "x", 1, 0);
    printf("send on closed peer %zd errno %d (no SIGPIPE)\n", n, errno);
    close(sv[0]);
    v = 1;
    r = setsockopt(1, SOL_SOCKET, SO_NOSIGPIPE, &v, sizeof v);
    printf("SO_NOSIGPIPE on non-socket %d errno %d\n", r, errno);
    /* MSG_NOSIGNAL alone */
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);
    n = send(sv[0], "x", 1, MSG_NOSIGNAL);
    printf("MSG_NOSIGNAL %zd errno %d\n", n, errno);
    close(sv[0]);
}

static void do_sendfile(void)
{
    char path[64];
    snprintf(path, sizeof path, "/tmp/fbsock-sf.%d", (int)getpid());
    int f = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(f, "0123456789", 10);
    lseek(f, 1, SEEK_SET);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    struct iovec h = { "HDR:", 4 }, t = { ":TRL", 4 };
    struct sf_hdtr hd = { &h, 1, &t, 1 };
    off_t sb = -1;
    int r = sendfile(f, sv[0], 2, 5, &hd, &sb, 0);
    char buf[64] = { 0 };
    ssize_t n = recv(sv[1], buf, sizeof buf - 1, 0);
    printf("sendfile %d sbytes %lld got %zd %s pos %lld\n", r, (long long)sb, n, buf,
           (long long)lseek(f, 0, SEEK_CUR));
    sb = -1;
    r = sendfile(f, sv[0], 7, 0, NULL, &sb, 0);
    memset(buf, 0, sizeof buf);
    n = recv(sv[1], buf, sizeof buf - 1, 0);
    printf("sendfile to eof %d sbytes %lld got %s\n", r, (long long)sb, buf);
    r = sendfile(f, sv[0], -1, 1, NULL, NULL, 0);
    printf("sendfile bad offset %d errno %d\n", r, errno);
    close(sv[0]);
    close(sv[1]);
    close(f);
    unlink(path);
}

int main(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    tcp(AF_INET, "tcp4", 0);
    tcp(AF_INET6, "tcp6", 0);
    tcp(AF_INET, "tcp4-fork", 1);
    tcp(AF_INET6, "tcp6-fork", 1);
    options();
    udp();
    waitall();
    rights_and_creds();
    nosigpipe();
    do_sendfile();
    printf("done\n");
    return 0;
}
