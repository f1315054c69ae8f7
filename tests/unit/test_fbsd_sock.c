/* Unit tests: FreeBSD control messages, credentials and poll bits (abi/freebsd/cmsg,
 * abi/freebsd/poll) and the SO_NOSIGPIPE record (personalities/freebsd/sockopt). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <poll.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "abi/freebsd/cmsg.h"
#include "abi/freebsd/poll.h"
#include "abi/freebsd/socket.h"
#include "personalities/freebsd/sock.h"

/* a guest cmsg: 32-bit length, level, type, payload at 16 */
static size_t gmsg(uint8_t *b, int level, int type, const void *data, size_t dlen)
{
    uint32_t len = (uint32_t)FBSD_CMSG_LEN(dlen);
    memset(b, 0, FBSD_CMSG_SPACE(dlen));
    memcpy(b, &len, 4);
    memcpy(b + 4, &level, 4);
    memcpy(b + 8, &type, 4);
    memcpy(b + 16, data, dlen);
    return FBSD_CMSG_SPACE(dlen);
}

static void cmsgs_to_linux(void **state)
{
    (void)state;
    uint8_t in[256], out[256];
    int fds[3] = { 3, 7, 9 };
    struct fbsd_cmsgcred cred;
    memset(&cred, 0, sizeof cred);
    size_t n = gmsg(in, FBSD_SOL_SOCKET, FBSD_SCM_RIGHTS, fds, sizeof fds);
    n += gmsg(in + n, FBSD_SOL_SOCKET, FBSD_SCM_CREDS, &cred, sizeof cred);
    assert_int_equal(n, 32 + 104);
    long r = fbsd_cmsgs_to_linux(in, n, out, sizeof out);
    /* the descriptors go on, the credentials are left to Linux */
    assert_int_equal(r, CMSG_SPACE(sizeof fds));
    struct cmsghdr h;
    memcpy(&h, out, sizeof h);
    assert_int_equal(h.cmsg_len, CMSG_LEN(sizeof fds));
    assert_int_equal(h.cmsg_level, SOL_SOCKET);
    assert_int_equal(h.cmsg_type, SCM_RIGHTS);
    assert_memory_equal(out + CMSG_LEN(0), fds, sizeof fds);
    assert_true((size_t)r <= fbsd_cmsgs_linux_space(n));

    /* malformed or unsupported */
    n = gmsg(in, FBSD_IPPROTO_IP, 7, fds, 4);
    assert_int_equal(fbsd_cmsgs_to_linux(in, n, out, sizeof out), -EINVAL);
    n = gmsg(in, FBSD_SOL_SOCKET, FBSD_SCM_TIMESTAMP, fds, 4);
    assert_int_equal(fbsd_cmsgs_to_linux(in, n, out, sizeof out), -EINVAL);
    n = gmsg(in, FBSD_SOL_SOCKET, FBSD_SCM_RIGHTS, fds, 4);
    uint32_t bad = 300;
    memcpy(in, &bad, 4);
    assert_int_equal(fbsd_cmsgs_to_linux(in, n, out, sizeof out), -EINVAL);
    bad = 8;
    memcpy(in, &bad, 4);
    assert_int_equal(fbsd_cmsgs_to_linux(in, n, out, sizeof out), -EINVAL);
    n = gmsg(in, FBSD_SOL_SOCKET, FBSD_SCM_RIGHTS, fds, 3);
    assert_int_equal(fbsd_cmsgs_to_linux(in, n, out, sizeof out), -EINVAL);
    n = gmsg(in, FBSD_SOL_SOCKET, FBSD_SCM_RIGHTS, fds, sizeof fds);
    assert_int_equal(fbsd_cmsgs_to_linux(in, n, out, 8), -ENOBUFS);
    assert_int_equal(fbsd_cmsgs_to_linux(in, 0, out, sizeof out), 0);
}

/* a Linux cmsg */
static size_t hmsg(uint8_t *b, int level, int type, const void *data, size_t dlen)
{
    struct cmsghdr h = { .cmsg_len = CMSG_LEN(dlen), .cmsg_level = level, .cmsg_type = type };
    memset(b, 0, CMSG_SPACE(dlen));
    memcpy(b, &h, sizeof h);
    memcpy(b + CMSG_LEN(0), data, dlen);
    return CMSG_SPACE(dlen);
}

static void cmsgs_from_linux(void **state)
{
    (void)state;
    uint8_t in[256], out[256];
    struct fbsd_linux_cred lc = { 1234, 1000, 100 };
    int fds[2] = { 5, 6 };
    struct { int64_t sec, usec; } tv = { 1700000000, 250000 };
    /* Linux puts the credentials first; the guest gets them last */
    size_t n = hmsg(in, SOL_SOCKET, SCM_CREDENTIALS, &lc, sizeof lc);
    n += hmsg(in + n, SOL_SOCKET, SCM_RIGHTS, fds, sizeof fds);
    n += hmsg(in + n, SOL_SOCKET, SCM_TIMESTAMP, &tv, sizeof tv);
    int ctrunc = -1;
    size_t r = fbsd_cmsgs_from_linux(in, n, out, sizeof out, &ctrunc);
    assert_int_equal(ctrunc, 0);
    assert_int_equal(r, FBSD_CMSG_SPACE(sizeof fds) + FBSD_CMSG_SPACE(sizeof tv) +
                        FBSD_CMSG_SPACE(sizeof(struct fbsd_cmsgcred)));
    uint32_t len;
    int32_t level, type;
    memcpy(&len, out, 4);
    memcpy(&level, out + 4, 4);
    memcpy(&type, out + 8, 4);
    assert_int_equal(len, 16 + sizeof fds);
    assert_int_equal(level, FBSD_SOL_SOCKET);
    assert_int_equal(type, FBSD_SCM_RIGHTS);
    assert_memory_equal(out + 16, fds, sizeof fds);
    size_t o = FBSD_CMSG_SPACE(sizeof fds);
    memcpy(&type, out + o + 8, 4);
    assert_int_equal(type, FBSD_SCM_TIMESTAMP);
    assert_memory_equal(out + o + 16, &tv, sizeof tv);
    o += FBSD_CMSG_SPACE(sizeof tv);
    memcpy(&len, out + o, 4);
    memcpy(&type, out + o + 8, 4);
    assert_int_equal(type, FBSD_SCM_CREDS);
    assert_int_equal(len, FBSD_CMSG_LEN(sizeof(struct fbsd_cmsgcred)));
    struct fbsd_cmsgcred c;
    memcpy(&c, out + o + 16, sizeof c);
    assert_int_equal(c.cmcred_pid, 1234);
    assert_int_equal(c.cmcred_uid, 1000);
    assert_int_equal(c.cmcred_euid, 1000);
    assert_int_equal(c.cmcred_gid, 100);
    assert_int_equal(c.cmcred_ngroups, 1);
    assert_int_equal(c.cmcred_groups[0], 100);

    /* a buffer sized for the descriptors alone: no credentials, no MSG_CTRUNC */
    r = fbsd_cmsgs_from_linux(in, CMSG_SPACE(sizeof lc) + CMSG_SPACE(sizeof fds), out,
                              FBSD_CMSG_SPACE(sizeof fds), &ctrunc);
    assert_int_equal(r, FBSD_CMSG_SPACE(sizeof fds));
    assert_int_equal(ctrunc, 0);
    /* too small for the descriptors: truncated */
    r = fbsd_cmsgs_from_linux(in, n, out, 12, &ctrunc);
    assert_int_equal(r, 0);
    assert_int_equal(ctrunc, 1);
}

static void creds(void **state)
{
    (void)state;
    struct fbsd_linux_cred lc = { 42, 7, 8 };
    struct fbsd_xucred x;
    fbsd_xucred_from_linux(&x, &lc);
    assert_int_equal(x.cr_version, FBSD_XUCRED_VERSION);
    assert_int_equal(x.cr_uid, 7);
    assert_int_equal(x.cr_ngroups, 1);
    assert_int_equal(x.cr_groups[0], 8);
    assert_int_equal(x.cr_pid, 42);
}

static void poll_bits(void **state)
{
    (void)state;
    assert_int_equal(fbsd_poll_events_to_linux(FBSD_POLLIN | FBSD_POLLOUT), POLLIN | POLLOUT);
    assert_int_equal(fbsd_poll_events_to_linux(FBSD_POLLRDNORM | FBSD_POLLRDBAND), POLLRDNORM | POLLRDBAND);
    assert_int_equal(fbsd_poll_events_to_linux(FBSD_POLLWRBAND), POLLWRBAND);
    assert_int_equal(fbsd_poll_events_to_linux(FBSD_POLLRDHUP), POLLRDHUP);
    assert_int_equal(fbsd_poll_events_to_linux(FBSD_POLLINIGNEOF), POLLIN);
    assert_int_equal(fbsd_poll_events_to_linux(FBSD_POLLPRI), POLLPRI);
    assert_int_equal(fbsd_poll_events_from_linux(POLLOUT | POLLWRNORM), FBSD_POLLOUT);
    assert_int_equal(fbsd_poll_events_from_linux(POLLWRNORM), FBSD_POLLWRNORM);
    assert_int_equal(fbsd_poll_events_from_linux(POLLWRBAND), FBSD_POLLWRBAND);
    assert_int_equal(fbsd_poll_events_from_linux(POLLRDHUP | POLLIN), FBSD_POLLRDHUP | FBSD_POLLIN);
    assert_int_equal(fbsd_poll_events_from_linux(POLLERR | POLLHUP | POLLNVAL),
                     FBSD_POLLERR | FBSD_POLLHUP | FBSD_POLLNVAL);
}

static void nosigpipe_record(void **state)
{
    (void)state;
    fbsd_sock_nosigpipe_reset();
    assert_false(fbsd_nosigpipe_has(100));
    for (uint64_t i = 1; i <= 40; i++)
        fbsd_nosigpipe_set(i * 10, true);
    fbsd_nosigpipe_set(100, true);          /* twice: still one record */
    assert_true(fbsd_nosigpipe_has(100));
    assert_true(fbsd_nosigpipe_has(400));
    fbsd_nosigpipe_set(100, false);
    assert_false(fbsd_nosigpipe_has(100));
    assert_true(fbsd_nosigpipe_has(400));
    assert_false(fbsd_nosigpipe_has(401));
    fbsd_sock_nosigpipe_reset();
    assert_false(fbsd_nosigpipe_has(400));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cmsgs_to_linux),
        cmocka_unit_test(cmsgs_from_linux),
        cmocka_unit_test(creds),
        cmocka_unit_test(poll_bits),
        cmocka_unit_test(nosigpipe_record),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
