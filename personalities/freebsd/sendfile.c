/* sendfile(fd, s, offset, nbytes, hdtr, sbytes, flags): FreeBSD's seven-argument
 * call (flags is the seventh, on the guest stack at rsp+8, above the return
 * address of the libc stub) on Linux's sendfile with an explicit offset (the file
 * position is left alone, as on FreeBSD).  nbytes 0 means "to the end of the
 * file".  Headers and trailers (struct sf_hdtr) are sent with sendmsg around the
 * file part; the total goes to *sbytes.  FreeBSD returns 0 when everything was
 * sent and EAGAIN (or the error) with *sbytes set when not.
 * Limit: the headers, and the file part when there are trailers, are sent with
 * guest_syscall, which holds the supervisor until they are written — fine for a
 * socket with room in its buffer (the usual case of a small header), but a peer
 * that is itself traced and not yet reading would stall them.  The SF_* flags
 * (SF_NODISKIO, SF_NOCACHE, SF_SYNC...) are advisory and ignored. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "personalities/freebsd/sock.h"
#include "tracer/tracee.h"

struct fbsd_sf_hdtr {
    uint64_t headers;
    int32_t  hdr_cnt;
    uint32_t pad0_;
    uint64_t trailers;
    int32_t  trl_cnt;
    uint32_t pad1_;
};
_Static_assert(sizeof(struct fbsd_sf_hdtr) == 32, "sf_hdtr size");

#define SF_FILE_MAX 0x7ffff000L      /* Linux's largest single transfer */

enum { S_HDR, S_EXPECT, S_SBYTES, S_PHASE, S_FILE, S_TRL };
enum { PH_FILE = 1, PH_TRAILER = 2 };

static void put_sbytes(struct tracee *t, struct sysc *sc, int64_t n)
{
    if (sc->save[S_SBYTES] && guest_write(t, sc->save[S_SBYTES], &n, sizeof n) < 0)
        sc->ret = -EFAULT;
}

/* The total length of a guest iovec array, or -errno. */
static long iov_total(struct tracee *t, uint64_t iov, int cnt)
{
    struct { uint64_t base, len; } v;
    long total = 0;
    if (cnt < 0 || cnt > 1024)
        return -EINVAL;
    for (int i = 0; i < cnt; i++) {
        if (guest_read(t, iov + (uint64_t)i * sizeof v, &v, sizeof v) < 0)
            return -EFAULT;
        total += (long)v.len;
    }
    return total;
}

/* A struct msghdr around the guest's iovec array, in scratch. */
static uint64_t iov_msghdr(struct tracee *t, uint64_t iov, int cnt)
{
    struct msghdr h;
    memset(&h, 0, sizeof h);
    h.msg_iov = (void *)(uintptr_t)iov;
    h.msg_iovlen = (size_t)cnt;
    uint64_t s = guest_scratch(t, sizeof h);
    if (!s || guest_write(t, s, &h, sizeof h) < 0)
        return 0;
    return s;
}

enum sys_action fbsd_sys_sendfile(struct tracee *t, struct sysc *sc)
{
    int fd = (int)sc->args[0], s = (int)sc->args[1];
    int64_t off = (int64_t)sc->args[2];
    uint64_t nbytes = sc->args[3];
    struct fbsd_sf_hdtr hd;
    memset(sc->save, 0, sizeof sc->save);
    sc->save[S_SBYTES] = sc->args[5];
    if (off < 0)
        return sysc_done(sc, -EINVAL);
    memset(&hd, 0, sizeof hd);
    if (sc->args[4] && guest_read(t, sc->args[4], &hd, sizeof hd) < 0)
        return sysc_done(sc, -EFAULT);
    uint32_t mflags = fbsd_sock_nosigpipe(t, s) ? MSG_NOSIGNAL : 0;

    /* how much of the file is to go: up to nbytes, and not past its end */
    uint64_t st = guest_scratch(t, sizeof(struct stat));
    if (!st)
        return sysc_done(sc, -EFAULT);
    const uint64_t fa[6] = { (uint64_t)fd, st };
    long r = guest_syscall(t, __NR_fstat, fa);
    if (r < 0)
        return sysc_done(sc, r);
    int64_t size;
    if (guest_read(t, st + offsetof(struct stat, st_size), &size, sizeof size) < 0)
        return sysc_done(sc, -EFAULT);
    int64_t left = size > off ? size - off : 0;
    int64_t want = nbytes && (int64_t)nbytes < left ? (int64_t)nbytes : left;
    if (want > SF_FILE_MAX)
        want = SF_FILE_MAX;
    sc->save[S_EXPECT] = (uint64_t)want;

    if (hd.headers && hd.hdr_cnt > 0) {
        long total = iov_total(t, hd.headers, hd.hdr_cnt);
        if (total < 0)
            return sysc_done(sc, total);
        uint64_t mh = iov_msghdr(t, hd.headers, hd.hdr_cnt);
        if (!mh)
            return sysc_done(sc, -EFAULT);
        const uint64_t a[6] = { (uint64_t)s, mh, mflags };
        r = guest_syscall(t, __NR_sendmsg, a);
        if (r < 0)
            return sysc_done(sc, r);
        sc->save[S_HDR] = (uint64_t)r;
        if (r < total) {
            sc->ret = -EAGAIN;
            put_sbytes(t, sc, r);
            return SYS_DONE;
        }
    }
    uint64_t op = guest_scratch(t, sizeof off);
    if (!op || guest_write(t, op, &off, sizeof off) < 0)
        return sysc_done(sc, -EFAULT);
    if (hd.trailers && hd.trl_cnt > 0) {
        long total = iov_total(t, hd.trailers, hd.trl_cnt);
        if (total < 0)
            return sysc_done(sc, total);
        long sent = 0;
        if (want > 0) {
            const uint64_t a[6] = { (uint64_t)s, (uint64_t)fd, op, (uint64_t)want };
            sent = guest_syscall(t, __NR_sendfile, a);
            if (sent < 0 || sent < want) {
                sc->ret = sent < 0 ? sent : -EAGAIN;
                put_sbytes(t, sc, (int64_t)sc->save[S_HDR] + (sent > 0 ? sent : 0));
                return SYS_DONE;
            }
        }
        uint64_t mh = iov_msghdr(t, hd.trailers, hd.trl_cnt);
        if (!mh)
            return sysc_done(sc, -EFAULT);
        sc->save[S_PHASE] = PH_TRAILER;
        sc->save[S_FILE] = (uint64_t)sent;
        sc->save[S_TRL] = (uint64_t)total;
        sysc_set_host_nr(t, __NR_sendmsg);
        sysc_set_arg(t, 0, (uint64_t)s);
        sysc_set_arg(t, 1, mh);
        sysc_set_arg(t, 2, mflags);
        return SYS_PASS;
    }
    if (want == 0) {            /* nothing of the file: only the headers went */
        sc->ret = 0;
        put_sbytes(t, sc, (int64_t)sc->save[S_HDR]);
        return SYS_DONE;
    }
    sc->save[S_PHASE] = PH_FILE;
    sysc_set_host_nr(t, __NR_sendfile);
    sysc_set_arg(t, 0, (uint64_t)s);
    sysc_set_arg(t, 1, (uint64_t)fd);
    sysc_set_arg(t, 2, op);
    sysc_set_arg(t, 3, (uint64_t)want);
    return SYS_PASS;
}

void fbsd_sys_sendfile_exit(struct tracee *t, struct sysc *sc)
{
    int64_t total = (int64_t)sc->save[S_HDR];
    long r = sc->ret;
    if (sc->save[S_PHASE] == PH_FILE) {
        if (r >= 0)
            total += r;
        sc->ret = r < 0 ? r : (r < (long)sc->save[S_EXPECT] ? -EAGAIN : 0);
    } else {
        total += (int64_t)sc->save[S_FILE];
        if (r >= 0)
            total += r;
        sc->ret = r < 0 ? r : (r < (long)sc->save[S_TRL] ? -EAGAIN : 0);
    }
    put_sbytes(t, sc, total);
}
