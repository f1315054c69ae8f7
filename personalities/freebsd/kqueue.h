/* FreeBSD kqueue on Linux: kqueue, kqueuex, kevent, freebsd11_kevent.
 *
 * Design.  The guest's kqueue descriptor is a real Linux epoll descriptor in the
 * guest (kqueue is rewritten into epoll_create1), so dup/close/poll/select on it
 * work and kevent blocks in the guest thread, in the kernel (kevent is rewritten
 * into epoll_pwait2 on it with a scratch buffer and the guest's timeout), never
 * in the supervisor.  The supervisor keeps, per process (fbsd_pstate.kq), the
 * knote table of each kqueue — (ident, filter) → flags, fflags, data, udata,
 * and the helper it made — and a copy of the epoll descriptor (pidfd_getfd).
 *
 * Two kinds of epoll registration:
 *  - guest descriptors (EVFILT_READ/WRITE): one registration per descriptor,
 *    made by the guest itself (guest_syscall epoll_ctl at kevent's entry stop),
 *    so epoll keys it by the guest's number as FreeBSD keys knotes by ident;
 *    READ and WRITE on one descriptor share it (events = the union) and one
 *    epoll event may give two kevents.  Regular files cannot be epolled: their
 *    READ is "size - offset != 0" checked at each kevent (woken by inotify), their
 *    WRITE always ready, as FreeBSD's vnode filters.
 *  - helpers the supervisor owns and registers through its copy of the epoll
 *    descriptor (the guest never sees them, so closefrom() cannot break them):
 *    a timerfd per EVFILT_TIMER, an eventfd per EVFILT_USER and EVFILT_SIGNAL, a
 *    pidfd per EVFILT_PROC, an inotify descriptor per EVFILT_VNODE (watching
 *    /proc/self/fd/N of a borrowed copy of the guest's descriptor).
 * epoll_event.data says which: KQ_TAG_IO|fd or KQ_TAG_KN|knote id.
 *
 * EVFILT_SIGNAL: a signalfd would consume the signal (FreeBSD's EVFILT_SIGNAL
 * only records delivery attempts and coexists with handlers and SIG_IGN), and a
 * signalfd polled through epoll registers on the sighand of whoever called
 * epoll_ctl.  So the count is taken where the supervisor sees every signal of a
 * traced process — its signal-delivery-stop, which Linux reports even for
 * ignored signals of a traced process — through fbsd_kq_signal_seen(), called
 * by the personality's signal delivery (fbsignal), which then carries on with
 * normal delivery unchanged.  A signal the guest holds blocked is counted when
 * the kernel reports it (at unblock), not when it is sent.
 *
 * Changes the supervisor must make in the guest (epoll_ctl for ONESHOT or
 * DISPATCH descriptor knotes after they fired) are marked dirty at the exit
 * stop and made at the next kevent entry, before it waits; the table is the
 * authority at every conversion, so a stale epoll event is dropped.
 *
 * Closing a descriptor drops its knotes (fbsd_kq_fd_closed(), from close, dup2,
 * F_DUP2FD, closefrom, close_range); closing the kqueue's own descriptor drops the
 * kqueue.  Fork: kqueues are not inherited (the child's table is empty); its
 * copies of the epoll descriptors stay open under their numbers until the child's
 * first kqueue/kevent call closes them (the supervisor cannot run a call in the
 * child before), and kevent on them fails with EBADF as on FreeBSD.  Exec keeps
 * a kqueue whose descriptor survived (kcmp checks it: KQUEUE_CLOEXEC ones go).
 *
 * Edge and level on one descriptor: the registration is edge-triggered (EPOLLET)
 * as soon as one of its knotes is EV_CLEAR or NOTE_LOWAT (a low-water mark must
 * not wake the wait again and again while too little data is there); its other
 * knotes keep level semantics by being "polled" — checked with poll(2) on a
 * borrowed copy at every kevent, like the vnode ones.  NOTE_LOWAT compares the
 * bytes available (READ) or the free send space (WRITE) with the knote's data,
 * except at EOF.  A listening socket's READ data is the number of connections
 * waiting (sock_diag's accept-queue length, kq_backlog.c).  A finite wait whose
 * epoll events the table all drops waits on for the rest of its timeout (the
 * call is run again with the time left, kevent.c).
 *
 * Limits (in .note): EVFILT_PROC knows NOTE_EXIT only (NOTE_FORK,
 * NOTE_EXEC, NOTE_TRACK: EINVAL); EVFILT_AIO, LIO, FS, PROCDESC, SENDFILE, EMPTY:
 * EINVAL. */
#ifndef LSL2_PERSONALITIES_FREEBSD_KQUEUE_H
#define LSL2_PERSONALITIES_FREEBSD_KQUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/kevent.h"
#include "personalities/personality.h"

struct tracee;
struct sysc;

#define KQ_TAG_IO  (1ull << 62)   /* epoll data: guest descriptor registration */
#define KQ_TAG_KN  (1ull << 61)   /* epoll data: a helper, low bits the knote id */

/* One knote: a (ident, filter) pair of one kqueue. */
struct fbsd_knote {
    uint64_t id;                /* unique in its kqueue */
    struct fbsd_kevent kev;     /* ident, filter, flags (EV_*), sfflags, sdata, udata, ext */
    bool     enabled;
    bool     active;            /* EV_CLEAR-style pending state (user trigger, vnode read) */
    bool     vnode;             /* READ/WRITE on a regular file or directory (no epoll) */
    bool     polled;            /* level-triggered on an edge-triggered registration: poll(2) at each kevent */
    int      helper;            /* supervisor's descriptor (timerfd, eventfd, pidfd, inotify) or -1 */
    uint32_t fired;             /* EVFILT_VNODE: notes seen since the last report */
    int64_t  size;              /* EVFILT_VNODE: last size seen */
    uint64_t nlink;             /* EVFILT_VNODE: last link count seen */
};

/* The epoll registration of one guest descriptor (EVFILT_READ/WRITE). */
struct fbsd_kq_io {
    int      fd;
    uint32_t cur;               /* epoll events registered now (0: none) */
    bool     vnode;             /* a regular file or directory: not epolled */
    bool     dirty;             /* cur differs from what the knotes want */
};

struct fbsd_kq {
    int      gfd;               /* the guest's descriptor */
    int      sfd;               /* the supervisor's copy of the same epoll */
    bool     cloexec;
    uint64_t next_id;
    struct fbsd_knote *kn;
    size_t   nkn, capkn;
    struct fbsd_kq_io *io;
    size_t   nio, capio;
    struct fbsd_kevent *pend;   /* events found but not returned yet (no room) */
    size_t   npend, cappend;
    struct fbsd_kq *next;
};

/* Per process (fbsd_pstate.kq). */
struct fbsd_kqset {
    struct fbsd_kq *head;
    int      pidfd;             /* supervisor's pidfd of the process (-1: none yet) */
    int     *stale;             /* descriptors inherited from the parent's kqueues */
    size_t   nstale;
};

/* A filter's operations (kq_*.c), found by filter number in kevent.c. */
struct fbsd_kq_filter {
    int  filter;
    bool isfd;                  /* ident is a descriptor (dropped when it is closed) */
    /* A new knote from change chg: check it, make its helper.  -errno on failure. */
    int  (*attach)(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn);
    /* EV_ADD on an existing knote (kn->kev already holds chg's udata/flags). */
    int  (*touch)(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                  const struct fbsd_kevent *chg);
    void (*detach)(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn);
    /* Whether the knote is due with no epoll event (checked before waiting and
     * after): vnode-read and the like.  NULL: never. */
    bool (*due)(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn);
    /* Fills out (ident, filter, flags, udata preset) for a ready knote; epev: the
     * epoll events seen (0 when found by due()).  Returns true to report it. */
    bool (*report)(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                   uint32_t epev, struct fbsd_kevent *out);
};

extern const struct fbsd_kq_filter fbsd_kq_filter_read, fbsd_kq_filter_write,
       fbsd_kq_filter_timer, fbsd_kq_filter_proc, fbsd_kq_filter_signal,
       fbsd_kq_filter_user, fbsd_kq_filter_vnode;

/* kqueue.c: the table. */
struct fbsd_kqset *fbsd_kqset(struct tracee *t);          /* created on first use */
struct fbsd_kq *fbsd_kq_find(struct tracee *t, int gfd);  /* NULL: not a kqueue of t's */
struct fbsd_knote *fbsd_kq_knote(struct fbsd_kq *kq, uint64_t ident, int filter);
struct fbsd_knote *fbsd_kq_knote_by_id(struct fbsd_kq *kq, uint64_t id);
struct fbsd_knote *fbsd_kq_knote_new(struct fbsd_kq *kq, const struct fbsd_kevent *chg);
void fbsd_kq_knote_drop(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn);
void fbsd_kq_drop(struct fbsd_kqset *set, struct fbsd_kq *kq);
const struct fbsd_kq_filter *fbsd_kq_filter_of(int filter);   /* NULL: not supported */
/* Closes (in the guest, entry stops only) the descriptors a forked child
 * inherited from its parent's kqueues. */
void fbsd_kq_close_stale(struct tracee *t, struct fbsd_kqset *set);
/* A supervisor descriptor sharing the guest's descriptor's open file (close it
 * after use), or -errno (-EBADF: no such descriptor). */
int  fbsd_kq_borrow(struct tracee *t, int gfd);
/* Helper registration in kq's epoll through the supervisor's copy. */
int  fbsd_kq_helper_add(struct fbsd_kq *kq, struct fbsd_knote *kn, uint32_t events);
int  fbsd_kq_helper_arm(struct fbsd_kq *kq, struct fbsd_knote *kn);   /* follows kn->enabled */
void fbsd_kq_helper_close(struct fbsd_kq *kq, struct fbsd_knote *kn);
void fbsd_kq_pend(struct fbsd_kq *kq, const struct fbsd_kevent *ev);

/* kq_io.c: the guest-descriptor registration of fd. */
struct fbsd_kq_io *fbsd_kq_io_get(struct fbsd_kq *kq, int fd, bool create);
/* Makes the epoll registration of fd match its knotes (guest_syscall: entry stops
 * only).  Returns 0 or -errno; -EPERM is turned into vnode mode. */
int  fbsd_kq_io_sync(struct tracee *t, struct fbsd_kq *kq, struct fbsd_kq_io *io);
int  fbsd_kq_io_sync_dirty(struct tracee *t, struct fbsd_kq *kq);
/* Drops the registration of fd (EPOLL_CTL_DEL while the descriptor is still open). */
void fbsd_kq_io_forget(struct tracee *t, struct fbsd_kq *kq, int fd, bool ctl);

/* kq_backlog.c: connections waiting on listening socket sock (a supervisor
 * descriptor), or -1 when sock_diag cannot tell. */
int64_t fbsd_sock_backlog(int sock);

/* kq_signal.c */
/* A signal-delivery-stop of the process of t for FreeBSD signal fbsd_sig (also
 * when the guest ignores it): counts it in every EVFILT_SIGNAL knote watching it.
 * The caller goes on delivering the signal as usual. */
void fbsd_kq_signal_seen(struct tracee *t, int fbsd_sig);

/* Handlers (syscalls.c). */
enum sys_action fbsd_sys_kqueue(struct tracee *t, struct sysc *sc);     /* and kqueuex */
void fbsd_sys_kqueue_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_kevent(struct tracee *t, struct sysc *sc);     /* and freebsd11_kevent */
void fbsd_sys_kevent_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_close(struct tracee *t, struct sysc *sc);      /* close with the kqueue hook */
enum sys_action fbsd_sys_dup2(struct tracee *t, struct sysc *sc);       /* dup2 with the kqueue hook */

/* Close hooks: descriptors [lo, hi] of t's process are about to be closed (at the
 * entry stop of the closing call). */
void fbsd_kq_fd_closed(struct tracee *t, int lo, int hi);

/* pstate.c lines: fork (the child's table: empty, with the parent's kqueue
 * descriptors to close), exec, free. */
struct fbsd_kqset *fbsd_kq_fork(const struct fbsd_kqset *parent);
void fbsd_kq_exec(struct tracee *t, struct fbsd_kqset *set);
void fbsd_kq_free(struct fbsd_kqset *set);

#endif
