/* EVFILT_READ and EVFILT_WRITE: guest descriptors in the kqueue's epoll, one
 * registration per descriptor made by the guest (see kqueue.h); regular files and
 * directories (which epoll refuses with EPERM) as FreeBSD's vnode filters: READ
 * due while size - offset != 0 (inotify IN_MODIFY wakes the wait), WRITE always. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/sockios.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include "personalities/freebsd/kqueue.h"
#include "abi/freebsd/errno.h"
#include "tracer/tracee.h"

struct fbsd_kq_io *fbsd_kq_io_get(struct fbsd_kq *kq, int fd, bool create)
{
    for (size_t i = 0; i < kq->nio; i++)
        if (kq->io[i].fd == fd)
            return &kq->io[i];
    if (!create)
        return NULL;
    if (kq->nio == kq->capio) {
        size_t cap = kq->capio ? kq->capio * 2 : 8;
        struct fbsd_kq_io *n = realloc(kq->io, cap * sizeof *n);
        if (!n)
            return NULL;
        kq->io = n;
        kq->capio = cap;
    }
    struct fbsd_kq_io *io = &kq->io[kq->nio++];
    *io = (struct fbsd_kq_io){ .fd = fd };
    return io;
}

/* Whether a knote needs an edge-triggered registration: EV_CLEAR reports changes
 * only; a low-water mark must not wake every wait while too little data is there. */
static bool wants_edge(const struct fbsd_knote *kn)
{
    return (kn->kev.flags & FBSD_EV_CLEAR) || (kn->kev.fflags & FBSD_NOTE_LOWAT);
}

/* The epoll events fd's enabled knotes want; marks the level-triggered knotes
 * that an edge-triggered registration leaves to polling. */
static uint32_t wanted(struct fbsd_kq *kq, int fd)
{
    struct fbsd_knote *k[2] = { fbsd_kq_knote(kq, (uint64_t)fd, FBSD_EVFILT_READ),
                                fbsd_kq_knote(kq, (uint64_t)fd, FBSD_EVFILT_WRITE) };
    static const uint32_t bits[2] = { EPOLLIN | EPOLLRDHUP, EPOLLOUT };
    uint32_t ev = 0;
    bool edge = false;
    for (int i = 0; i < 2; i++)
        if (k[i] && k[i]->enabled) {
            ev |= bits[i];
            edge |= wants_edge(k[i]);
        }
    if (ev && edge)
        ev |= EPOLLET;
    for (int i = 0; i < 2; i++)
        if (k[i])
            k[i]->polled = edge && !(k[i]->kev.flags & FBSD_EV_CLEAR);
    return ev;
}

static long ctl(struct tracee *t, struct fbsd_kq *kq, int op, int fd, uint32_t events)
{
    uint64_t a[6] = { (uint64_t)kq->gfd, (uint64_t)op, (uint64_t)fd, 0 };
    if (op != EPOLL_CTL_DEL) {
        uint64_t s = guest_scratch(t, sizeof(struct epoll_event));
        struct epoll_event ev = { .events = events, .data.u64 = KQ_TAG_IO | (uint32_t)fd };
        if (!s || guest_write(t, s, &ev, sizeof ev) < 0)
            return -EFAULT;
        a[3] = s;
    }
    return guest_syscall(t, __NR_epoll_ctl, a);
}

int fbsd_kq_io_sync(struct tracee *t, struct fbsd_kq *kq, struct fbsd_kq_io *io)
{
    uint32_t want = wanted(kq, io->fd);
    io->dirty = false;
    if (io->vnode || want == io->cur)
        return 0;
    long r;
    if (!want)
        r = ctl(t, kq, EPOLL_CTL_DEL, io->fd, 0);
    else if (!io->cur)
        r = ctl(t, kq, EPOLL_CTL_ADD, io->fd, want);
    else {
        r = ctl(t, kq, EPOLL_CTL_MOD, io->fd, want);
        if (r == -ENOENT)   /* the file was closed and the number reused unseen */
            r = ctl(t, kq, EPOLL_CTL_ADD, io->fd, want);
    }
    if (r == -EEXIST)
        r = ctl(t, kq, EPOLL_CTL_MOD, io->fd, want);
    if (r == -EPERM) {      /* regular file or directory */
        io->vnode = true;
        io->cur = 0;
        return 0;
    }
    if (r < 0 && r != -ENOENT) {
        io->dirty = true;
        return (int)r;
    }
    io->cur = want;
    return 0;
}

int fbsd_kq_io_sync_dirty(struct tracee *t, struct fbsd_kq *kq)
{
    for (size_t i = 0; i < kq->nio; i++)
        if (kq->io[i].dirty) {
            fbsd_kq_io_sync(t, kq, &kq->io[i]);
            /* a registration no knote wants any more goes */
            if (!kq->io[i].cur && !fbsd_kq_knote(kq, (uint64_t)kq->io[i].fd, FBSD_EVFILT_READ) &&
                !fbsd_kq_knote(kq, (uint64_t)kq->io[i].fd, FBSD_EVFILT_WRITE)) {
                kq->io[i] = kq->io[--kq->nio];
                i--;
            }
        }
    return 0;
}

void fbsd_kq_io_forget(struct tracee *t, struct fbsd_kq *kq, int fd, bool do_ctl)
{
    struct fbsd_kq_io *io = fbsd_kq_io_get(kq, fd, false);
    if (!io)
        return;
    if (do_ctl && io->cur)
        ctl(t, kq, EPOLL_CTL_DEL, fd, 0);
    *io = kq->io[--kq->nio];
}

static int io_attach(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    if (kn->kev.ident > INT32_MAX)
        return -EBADF;
    int fd = (int)kn->kev.ident;
    struct fbsd_kq_io *io = fbsd_kq_io_get(kq, fd, true);
    if (!io)
        return -ENOMEM;
    int r = fbsd_kq_io_sync(t, kq, io);
    if (r < 0) {
        if (!io->cur)
            fbsd_kq_io_forget(t, kq, fd, false);
        return r;
    }
    kn->vnode = io->vnode;
    if (io->vnode && kn->kev.filter == FBSD_EVFILT_READ) {
        /* a regular file: inotify wakes the wait when it is written */
        int b = fbsd_kq_borrow(t, fd);
        if (b < 0)
            return b;
        char path[48];
        snprintf(path, sizeof path, "/proc/self/fd/%d", b);
        kn->helper = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
        int w = kn->helper >= 0 ? inotify_add_watch(kn->helper, path, IN_MODIFY | IN_ATTRIB) : -1;
        int e = errno;
        close(b);
        if (w < 0)
            return -e;
        kn->active = true;      /* FreeBSD checks the knote at attach */
        r = fbsd_kq_helper_add(kq, kn, EPOLLIN);
        if (r < 0)
            return r;
    }
    return 0;
}

static int io_touch(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                    const struct fbsd_kevent *chg)
{
    kn->kev.fflags = chg->fflags;
    kn->kev.data = chg->data;
    struct fbsd_kq_io *io = fbsd_kq_io_get(kq, (int)kn->kev.ident, true);
    if (!io)
        return -ENOMEM;
    fbsd_kq_helper_arm(kq, kn);
    return fbsd_kq_io_sync(t, kq, io);
}

static void io_detach(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    (void)t;
    struct fbsd_kq_io *io = fbsd_kq_io_get(kq, (int)kn->kev.ident, false);
    if (io)
        io->dirty = true;       /* made right at the next entry stop */
}

static bool is_vnode(struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    (void)kq;
    return kn->vnode;       /* set at attach: checked at every kevent, so no lookup */
}

/* Regular file READ: size - offset; directory: 0 (FreeBSD reports the size too,
 * but nothing reads a directory through kevent data). */
static int64_t vnode_unread(struct tracee *t, int fd)
{
    int b = fbsd_kq_borrow(t, fd);
    if (b < 0)
        return 0;
    struct stat st;
    int64_t left = 0;
    off_t off = lseek(b, 0, SEEK_CUR);
    if (fstat(b, &st) == 0 && S_ISREG(st.st_mode) && off >= 0)
        left = st.st_size - off;
    close(b);
    return left;
}

static bool read_eval(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                      uint32_t epev, struct fbsd_kevent *out);
static bool write_eval(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                       uint32_t epev, struct fbsd_kevent *out);

/* A polled knote (level-triggered on an edge-triggered registration): whether it
 * would report now, evaluated as its report is. */
static bool polled_due(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn, bool rd)
{
    struct fbsd_kevent ev = kn->kev;
    return rd ? read_eval(t, kq, kn, 0, &ev) : write_eval(t, kq, kn, 0, &ev);
}

static bool read_due(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    if (kn->enabled && kn->polled && !kn->vnode)
        return polled_due(t, kq, kn, true);
    if (!kn->enabled || !is_vnode(kq, kn))
        return false;
    if ((kn->kev.flags & FBSD_EV_CLEAR) && !kn->active)
        return false;
    return (kn->kev.fflags & FBSD_NOTE_FILE_POLL) || vnode_unread(t, (int)kn->kev.ident) != 0;
}

static bool write_due(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    if (kn->enabled && kn->polled && !kn->vnode)
        return polled_due(t, kq, kn, false);
    if (!kn->enabled || !is_vnode(kq, kn))
        return false;
    return !(kn->kev.flags & FBSD_EV_CLEAR) || !kn->active;
}

static int socket_error(int b)
{
    int err = 0;
    socklen_t l = sizeof err;
    if (getsockopt(b, SOL_SOCKET, SO_ERROR, &err, &l) < 0)
        return 0;
    return err ? fbsd_errno_from_linux(err) : 0;
}

static bool is_socket(int b)
{
    int type;
    socklen_t l = sizeof type;
    return getsockopt(b, SOL_SOCKET, SO_TYPE, &type, &l) == 0;
}

/* The readiness of supervisor descriptor b now, as epoll bits (a polled knote's
 * report has no epoll event to go by). */
static uint32_t poll_now(int b)
{
    struct pollfd p = { .fd = b, .events = POLLIN | POLLOUT | POLLRDHUP };
    if (poll(&p, 1, 0) <= 0)
        return 0;
    return (p.revents & POLLIN ? EPOLLIN : 0) | (p.revents & POLLOUT ? EPOLLOUT : 0) |
           (p.revents & POLLRDHUP ? EPOLLRDHUP : 0) | (p.revents & POLLHUP ? EPOLLHUP : 0) |
           (p.revents & POLLERR ? EPOLLERR : 0);
}

/* NOTE_LOWAT: the knote's data is the low-water mark (FreeBSD's kn_sdata). */
static bool below_lowat(const struct fbsd_knote *kn, int64_t have)
{
    return (kn->kev.fflags & FBSD_NOTE_LOWAT) && have < kn->kev.data;
}

static bool read_report(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                        uint32_t epev, struct fbsd_kevent *out)
{
    return read_eval(t, kq, kn, epev, out);
}

static bool read_eval(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                      uint32_t epev, struct fbsd_kevent *out)
{
    int fd = (int)kn->kev.ident;
    if (is_vnode(kq, kn)) {
        if (kn->helper >= 0) {          /* drain inotify */
            char buf[512];
            while (read(kn->helper, buf, sizeof buf) > 0)
                ;
        }
        if (epev)
            kn->active = true;
        if ((kn->kev.flags & FBSD_EV_CLEAR) && !kn->active)
            return false;
        int64_t left = vnode_unread(t, fd);
        if (!left && !(kn->kev.fflags & FBSD_NOTE_FILE_POLL))
            return false;
        kn->active = false;
        out->data = left;
        return true;
    }
    if (epev && !(epev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)))
        return false;
    int b = fbsd_kq_borrow(t, fd);
    if (b < 0)
        return false;       /* closed meanwhile */
    if (!epev && !((epev = poll_now(b)) & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
        close(b);
        return false;
    }
    int n = 0, acc = 0;
    int64_t data;
    socklen_t l = sizeof acc;
    bool sock = is_socket(b), listening = false;
    if (sock && getsockopt(b, SOL_SOCKET, SO_ACCEPTCONN, &acc, &l) == 0 && acc) {
        listening = true;
        data = fbsd_sock_backlog(b);
        if (data <= 0)
            data = 1;       /* epoll says one waits; sock_diag could not count them */
    } else {
        if (ioctl(b, FIONREAD, &n) < 0)
            n = 0;
        data = n;
    }
    bool eof = epev & (EPOLLRDHUP | EPOLLHUP);
    if (!listening && !eof && below_lowat(kn, data)) {
        close(b);
        return false;
    }
    out->data = data;
    if (eof) {
        out->flags |= FBSD_EV_EOF;
        out->fflags = sock ? (uint32_t)socket_error(b) : 0;
    }
    close(b);
    return true;
}

static bool write_report(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                         uint32_t epev, struct fbsd_kevent *out)
{
    if (is_vnode(kq, kn)) {
        kn->active = true;      /* EV_CLEAR: reported once */
        out->data = 0;
        return true;
    }
    return write_eval(t, kq, kn, epev, out);
}

static bool write_eval(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                       uint32_t epev, struct fbsd_kevent *out)
{
    (void)kq;
    if (epev && !(epev & (EPOLLOUT | EPOLLHUP | EPOLLERR)))
        return false;
    int b = fbsd_kq_borrow(t, (int)kn->kev.ident);
    if (b < 0)
        return false;
    if (!epev && !((epev = poll_now(b)) & (EPOLLOUT | EPOLLHUP | EPOLLERR))) {
        close(b);
        return false;
    }
    int64_t space = 0;
    int queued = 0;
    if (is_socket(b)) {
        int sndbuf = 0;
        socklen_t l = sizeof sndbuf;
        if (getsockopt(b, SOL_SOCKET, SO_SNDBUF, &sndbuf, &l) == 0 &&
            ioctl(b, SIOCOUTQ, &queued) == 0)
            space = sndbuf - queued;
        if (epev & (EPOLLHUP | EPOLLERR)) {
            out->flags |= FBSD_EV_EOF;
            out->fflags = (uint32_t)socket_error(b);
        }
    } else {
        int cap = fcntl(b, F_GETPIPE_SZ);
        if (cap > 0 && ioctl(b, FIONREAD, &queued) == 0)
            space = cap - queued;
        if (epev & (EPOLLHUP | EPOLLERR))
            out->flags |= FBSD_EV_EOF;
    }
    close(b);
    out->data = space < 0 ? 0 : space;
    if (!(out->flags & FBSD_EV_EOF) && below_lowat(kn, out->data))
        return false;
    return true;
}

const struct fbsd_kq_filter fbsd_kq_filter_read = {
    .filter = FBSD_EVFILT_READ, .isfd = true, .attach = io_attach, .touch = io_touch,
    .detach = io_detach, .due = read_due, .report = read_report,
};

const struct fbsd_kq_filter fbsd_kq_filter_write = {
    .filter = FBSD_EVFILT_WRITE, .isfd = true, .attach = io_attach, .touch = io_touch,
    .detach = io_detach, .due = write_due, .report = write_report,
};
