/* EVFILT_VNODE on an inotify descriptor the supervisor owns, watching the
 * guest's open file through /proc/self/fd/N of a borrowed copy.  inotify events
 * become notes: IN_MODIFY → NOTE_WRITE (and NOTE_EXTEND when the size grew),
 * IN_ATTRIB → NOTE_DELETE / NOTE_LINK when the link count fell / rose, else
 * NOTE_ATTRIB, IN_MOVE_SELF → NOTE_RENAME, IN_DELETE_SELF → NOTE_DELETE, entry
 * changes in a directory → NOTE_WRITE (NOTE_LINK for subdirectories),
 * IN_OPEN, IN_CLOSE_(NO)WRITE, IN_ACCESS → NOTE_OPEN/CLOSE/CLOSE_WRITE/READ.  Notes
 * accumulate until reported (fflags), as FreeBSD's filt_vfsvnode. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include "personalities/freebsd/kqueue.h"
#include "tracer/tracee.h"

static const struct { uint32_t note, in; } note_in[] = {
    { FBSD_NOTE_WRITE,       IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO },
    { FBSD_NOTE_EXTEND,      IN_MODIFY | IN_CREATE | IN_MOVED_TO },
    { FBSD_NOTE_ATTRIB,      IN_ATTRIB },
    { FBSD_NOTE_DELETE,      IN_ATTRIB | IN_DELETE_SELF },
    { FBSD_NOTE_LINK,        IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO },
    { FBSD_NOTE_RENAME,      IN_MOVE_SELF },
    { FBSD_NOTE_OPEN,        IN_OPEN },
    { FBSD_NOTE_CLOSE,       IN_CLOSE_NOWRITE },
    { FBSD_NOTE_CLOSE_WRITE, IN_CLOSE_WRITE },
    { FBSD_NOTE_READ,        IN_ACCESS },
};

static uint32_t in_mask(uint32_t notes)
{
    uint32_t m = 0;
    for (size_t i = 0; i < sizeof note_in / sizeof note_in[0]; i++)
        if (notes & note_in[i].note)
            m |= note_in[i].in;
    return m;
}

static int vnode_attach(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    if (kn->kev.ident > INT32_MAX)
        return -EBADF;
    int b = fbsd_kq_borrow(t, (int)kn->kev.ident);
    if (b < 0)
        return b;
    struct stat st;
    if (fstat(b, &st) < 0) {
        close(b);
        return -EBADF;
    }
    if (S_ISSOCK(st.st_mode) || S_ISFIFO(st.st_mode)) {
        close(b);
        return -EINVAL;         /* not a vnode (FreeBSD: EINVAL from the file's kqfilter) */
    }
    kn->size = st.st_size;
    kn->nlink = st.st_nlink;
    char path[48];
    snprintf(path, sizeof path, "/proc/self/fd/%d", b);
    kn->helper = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    int w = kn->helper >= 0 ? inotify_add_watch(kn->helper, path, in_mask(kn->kev.fflags) | IN_DELETE_SELF) : -1;
    int e = errno;
    close(b);
    if (w < 0)
        return -e;
    return fbsd_kq_helper_add(kq, kn, EPOLLIN);
}

static int vnode_touch(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                       const struct fbsd_kevent *chg)
{
    if (chg->fflags == kn->kev.fflags)
        return fbsd_kq_helper_arm(kq, kn);     /* EV_ENABLE/EV_DISABLE */
    kn->kev.fflags = chg->fflags;
    fbsd_kq_helper_close(kq, kn);
    return vnode_attach(t, kq, kn);
}

static bool vnode_report(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                         uint32_t epev, struct fbsd_kevent *out)
{
    (void)kq; (void)epev;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    uint32_t seen = 0;
    ssize_t n;
    while ((n = read(kn->helper, buf, sizeof buf)) > 0)
        for (char *p = buf; p < buf + n; ) {
            struct inotify_event *ev = (struct inotify_event *)p;
            uint32_t m = ev->mask;
            if (m & IN_MODIFY)
                seen |= FBSD_NOTE_WRITE;
            if (m & (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO))
                seen |= (m & IN_ISDIR) ? FBSD_NOTE_WRITE | FBSD_NOTE_LINK : FBSD_NOTE_WRITE;
            if (m & (IN_CREATE | IN_MOVED_TO))
                seen |= FBSD_NOTE_EXTEND;
            if (m & IN_ATTRIB)
                seen |= FBSD_NOTE_ATTRIB;   /* refined below by the link count */
            if (m & IN_MOVE_SELF)
                seen |= FBSD_NOTE_RENAME;
            if (m & IN_DELETE_SELF)
                seen |= FBSD_NOTE_DELETE;
            if (m & IN_OPEN)
                seen |= FBSD_NOTE_OPEN;
            if (m & IN_CLOSE_NOWRITE)
                seen |= FBSD_NOTE_CLOSE;
            if (m & IN_CLOSE_WRITE)
                seen |= FBSD_NOTE_CLOSE_WRITE;
            if (m & IN_ACCESS)
                seen |= FBSD_NOTE_READ;
            p += sizeof *ev + ev->len;
        }
    int b = fbsd_kq_borrow(t, (int)kn->kev.ident);
    struct stat st;
    if (b >= 0 && fstat(b, &st) == 0) {
        if (S_ISREG(st.st_mode) && st.st_size > kn->size && (seen & FBSD_NOTE_WRITE))
            seen |= FBSD_NOTE_EXTEND;
        if (st.st_nlink < kn->nlink)
            seen = (seen & ~FBSD_NOTE_ATTRIB) | FBSD_NOTE_DELETE;
        else if (st.st_nlink > kn->nlink)
            seen = (seen & ~FBSD_NOTE_ATTRIB) | FBSD_NOTE_LINK;
        kn->size = st.st_size;
        kn->nlink = st.st_nlink;
    }
    if (b >= 0)
        close(b);
    kn->fired |= seen & kn->kev.fflags;
    if (!kn->fired)
        return false;
    out->fflags = kn->fired;
    out->data = 0;
    kn->fired = 0;
    return true;
}

const struct fbsd_kq_filter fbsd_kq_filter_vnode = {
    .filter = FBSD_EVFILT_VNODE, .isfd = true, .attach = vnode_attach, .touch = vnode_touch,
    .report = vnode_report,
};
