/* kevent(kq, changelist, nchanges, eventlist, nevents, timeout) and
 * freebsd11_kevent (the 32-byte struct kevent): the changes are applied to the
 * table at the entry stop (EV_ERROR records for failures and EV_RECEIPT, as
 * FreeBSD's kern_kevent), then the call becomes epoll_pwait2 on the kqueue's epoll
 * descriptor with a scratch buffer and the guest's timeout, so the guest thread
 * waits in the kernel; at the exit stop each epoll event becomes the kevents of
 * its knotes (design: kqueue.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include "personalities/freebsd/kqueue.h"
#include "personalities/freebsd/sysnum.h"
#include "abi/freebsd/errno.h"
#include "tracer/tracee.h"

#define HOST_NR_EPOLL_PWAIT2 441
#define WAIT_MAX 64             /* epoll events fetched per call (scratch space on the guest stack) */
#define ERESTARTNOHAND 514

/* sc->save[] from entry to exit */
enum { SV_BUF, SV_MAX, SV_FLAGS, SV_DEADLINE };
#define SVF_OLD     1u          /* freebsd11_kevent layout */
#define SVF_FOREVER 2u          /* NULL timeout */
#define SVF_FORCED  4u          /* zero timeout because a knote was already due */

/* EBADF for a descriptor the guest does not have, EINVAL for one that is not a kqueue. */
static long not_kqueue(struct tracee *t, int gfd)
{
    int b = fbsd_kq_borrow(t, gfd);
    if (b < 0)
        return -EBADF;
    close(b);
    return -EINVAL;
}

/* One change (FreeBSD's kqueue_register).  Returns 0 or -errno. */
static int apply_change(struct tracee *t, struct fbsd_kq *kq, const struct fbsd_kevent *chg)
{
    const struct fbsd_kq_filter *f = fbsd_kq_filter_of(chg->filter);
    if (!f)
        return -EINVAL;
    if (f->isfd) {
        int b = chg->ident <= INT32_MAX ? fbsd_kq_borrow(t, (int)chg->ident) : -EBADF;
        if (b < 0)
            return -EBADF;
        close(b);
    }
    struct fbsd_knote *kn = fbsd_kq_knote(kq, chg->ident, chg->filter);
    uint16_t fl = chg->flags;
    if (!kn) {
        if (!(fl & FBSD_EV_ADD))
            return -ENOENT;
        kn = fbsd_kq_knote_new(kq, chg);
        if (!kn)
            return -ENOMEM;
        kn->kev.flags &= (uint16_t)~(FBSD_EV_ADD | FBSD_EV_DELETE | FBSD_EV_ENABLE |
                                     FBSD_EV_DISABLE | FBSD_EV_FORCEONESHOT);
        kn->enabled = !(fl & FBSD_EV_DISABLE);
        int r = f->attach(t, kq, kn);
        if (r < 0) {
            uint64_t id = kn->id;
            fbsd_kq_knote_drop(t, kq, kn);
            if (f->isfd) {
                struct fbsd_kq_io *io = fbsd_kq_io_get(kq, (int)chg->ident, false);
                if (io)
                    fbsd_kq_io_sync(t, kq, io);
            }
            (void)id;
            return r;
        }
        return 0;
    }
    if (fl & FBSD_EV_DELETE) {
        fbsd_kq_knote_drop(t, kq, kn);
        if (f->isfd) {
            struct fbsd_kq_io *io = fbsd_kq_io_get(kq, (int)chg->ident, false);
            if (io)
                fbsd_kq_io_sync_dirty(t, kq);
        }
        return 0;
    }
    /* Any change to an existing knote sets its udata and filter values (FreeBSD's
     * kqueue_register: f_touch, or sfflags/sdata), with or without EV_ADD. */
    if (fl & FBSD_EV_ENABLE)
        kn->enabled = true;
    else if (fl & FBSD_EV_DISABLE)
        kn->enabled = false;
    kn->kev.udata = chg->udata;
    int r = 0;
    if (f->touch && !f->isfd)
        r = f->touch(t, kq, kn, chg);
    else if (f->isfd && f->touch && (fl & (FBSD_EV_ENABLE | FBSD_EV_DISABLE | FBSD_EV_ADD)))
        r = f->touch(t, kq, kn, chg);   /* makes the epoll registration follow */
    else {
        kn->kev.fflags = chg->fflags;
        kn->kev.data = chg->data;
    }
    if (!f->isfd)
        fbsd_kq_helper_arm(kq, kn);
    return r;
}

/* Applies the changelist; writes EV_ERROR records at the start of the eventlist.
 * Returns the number of records, or -errno when a change failed with no room
 * left for its record (FreeBSD then stops there and fails the call). */
static long apply_changes(struct tracee *t, struct fbsd_kq *kq, uint64_t list, int n,
                          uint64_t out, int nout, bool old)
{
    size_t sz = fbsd_kevent_size(old);
    long nerr = 0;
    for (int i = 0; i < n; i++) {
        unsigned char raw[sizeof(struct fbsd_kevent)];
        struct fbsd_kevent chg;
        if (guest_read(t, list + (uint64_t)i * sz, raw, sz) < 0)
            return -EFAULT;
        fbsd_kevent_from_guest(&chg, raw, old);
        int r = apply_change(t, kq, &chg);
        if (!r && !(chg.flags & FBSD_EV_RECEIPT))
            continue;
        if (nerr >= nout) {
            if (r)
                return r;
            continue;
        }
        chg.flags = FBSD_EV_ERROR;
        chg.data = r ? fbsd_errno_from_linux(-r) : 0;
        fbsd_kevent_to_guest(raw, &chg, old);
        if (guest_write(t, out + (uint64_t)nerr * sz, raw, sz) < 0)
            return -EFAULT;
        nerr++;
    }
    return nerr;
}

/* Copies up to nout pending events out; returns how many. */
static long take_pending(struct tracee *t, struct fbsd_kq *kq, uint64_t out, int nout, bool old)
{
    size_t sz = fbsd_kevent_size(old);
    long k = 0;
    unsigned char raw[sizeof(struct fbsd_kevent)];
    while (k < nout && (size_t)k < kq->npend) {
        fbsd_kevent_to_guest(raw, &kq->pend[k], old);
        if (guest_write(t, out + (uint64_t)k * sz, raw, sz) < 0)
            return -EFAULT;
        k++;
    }
    memmove(kq->pend, kq->pend + k, (kq->npend - (size_t)k) * sizeof *kq->pend);
    kq->npend -= (size_t)k;
    return k;
}

/* A finite wait that saw only events the table drops is run again (the exit
 * stop rewinds the guest over its syscall instruction) with the time it had
 * left: the deadline is kept here, per thread, from that exit stop to the entry
 * stop of the same instruction. */
struct rearm {
    pid_t    tid;
    uint64_t rip;               /* the guest's %rip at the entry of the call run again */
    int64_t  deadline;          /* CLOCK_MONOTONIC ns */
};
static struct rearm *rearms;
static size_t nrearms, caprearms;

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Takes t's deadline if its current entry is the rewound call: true and *deadline. */
static bool rearm_take(struct tracee *t, int64_t *deadline)
{
    struct user_regs_struct *r = tracee_regs(t);
    for (size_t i = 0; i < nrearms; i++) {
        if (rearms[i].tid != t->tid)
            continue;
        bool same = r && r->rip == rearms[i].rip;
        *deadline = rearms[i].deadline;
        rearms[i] = rearms[--nrearms];
        return same;
    }
    return false;
}

static void rearm_put(struct tracee *t, uint64_t rip, int64_t deadline)
{
    if (nrearms == caprearms) {
        size_t cap = caprearms ? caprearms * 2 : 8;
        struct rearm *n = realloc(rearms, cap * sizeof *n);
        if (!n)
            return;
        rearms = n;
        caprearms = cap;
    }
    rearms[nrearms++] = (struct rearm){ t->tid, rip, deadline };
}

static bool any_due(struct tracee *t, struct fbsd_kq *kq)
{
    for (size_t i = 0; i < kq->nkn; i++) {
        const struct fbsd_kq_filter *f = fbsd_kq_filter_of(kq->kn[i].kev.filter);
        if (f && f->due && kq->kn[i].enabled && f->due(t, kq, &kq->kn[i]))
            return true;
    }
    return false;
}

enum sys_action fbsd_sys_kevent(struct tracee *t, struct sysc *sc)
{
    bool old = sc->nr == FBSD_SYS_freebsd11_kevent;
    int gfd = (int)sc->args[0];
    uint64_t changes = sc->args[1], events = sc->args[3], tsp = sc->args[5];
    int nchanges = (int)sc->args[2], nevents = (int)sc->args[4];

    struct fbsd_kqset *set = fbsd_kqset(t);
    if (!set)
        return sysc_done(sc, -ENOMEM);
    if (set->nstale)
        fbsd_kq_close_stale(t, set);
    struct fbsd_kq *kq = fbsd_kq_find(t, gfd);
    if (!kq)
        return sysc_done(sc, not_kqueue(t, gfd));
    if (nchanges < 0 || nevents < 0)
        return sysc_done(sc, -EINVAL);
    struct timespec ts = { 0, 0 };
    int64_t deadline = 0;
    bool again = rearm_take(t, &deadline);
    if (tsp) {
        if (guest_read(t, tsp, &ts, sizeof ts) < 0)
            return sysc_done(sc, -EFAULT);
        if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
            return sysc_done(sc, -EINVAL);
        if (again) {            /* the rest of the first attempt's timeout */
            int64_t left = deadline - mono_ns();
            if (left < 0)
                left = 0;
            ts.tv_sec = left / 1000000000;
            ts.tv_nsec = left % 1000000000;
        } else {
            deadline = mono_ns() + (ts.tv_sec > INT32_MAX ? (int64_t)INT32_MAX : ts.tv_sec) * 1000000000 +
                       ts.tv_nsec;
        }
    }
    fbsd_kq_io_sync_dirty(t, kq);
    long nerr = apply_changes(t, kq, changes, nchanges, events, nevents, old);
    if (nerr != 0 || nevents == 0)
        return sysc_done(sc, nerr);
    if (kq->npend)
        return sysc_done(sc, take_pending(t, kq, events, nevents, old));

    uint32_t svf = (old ? SVF_OLD : 0) | (tsp ? 0 : SVF_FOREVER);
    if (any_due(t, kq)) {
        svf |= SVF_FORCED;
        ts = (struct timespec){ 0, 0 };
    }
    int max = nevents < WAIT_MAX ? nevents : WAIT_MAX;
    uint64_t buf = guest_scratch(t, (size_t)max * sizeof(struct epoll_event));
    uint64_t hts = (tsp || (svf & SVF_FORCED)) ? guest_scratch(t, sizeof ts) : 0;
    if (!buf || ((tsp || (svf & SVF_FORCED)) && (!hts || guest_write(t, hts, &ts, sizeof ts) < 0)))
        return sysc_done(sc, -EFAULT);
    sc->save[SV_BUF] = buf;
    sc->save[SV_MAX] = (uint64_t)max;
    sc->save[SV_FLAGS] = svf;
    sc->save[SV_DEADLINE] = (uint64_t)deadline;
    sysc_set_host_nr(t, HOST_NR_EPOLL_PWAIT2);
    sysc_set_arg(t, 0, (uint64_t)gfd);
    sysc_set_arg(t, 1, buf);
    sysc_set_arg(t, 2, (uint64_t)max);
    sysc_set_arg(t, 3, hts);
    sysc_set_arg(t, 4, 0);      /* no signal mask */
    sysc_set_arg(t, 5, 0);
    return SYS_PASS;
}

/* What kn reports for epoll events epev (0: found by due()); *out on true. */
static bool knote_event(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                        uint32_t epev, struct fbsd_kevent *out)
{
    const struct fbsd_kq_filter *f = fbsd_kq_filter_of(kn->kev.filter);
    if (!f || !kn->enabled)
        return false;
    *out = kn->kev;
    out->fflags = 0;
    out->data = 0;
    return f->report(t, kq, kn, epev, out);
}

struct results {
    struct fbsd_kevent *v;
    size_t n, cap;
    uint64_t *ids;              /* knotes reported in this call */
};

static void emit(struct fbsd_kq *kq, struct results *res, size_t room,
                 struct fbsd_knote *kn, const struct fbsd_kevent *ev)
{
    if (res->n < room && res->n < res->cap) {
        res->v[res->n] = *ev;
        res->ids[res->n++] = kn->id;
    } else
        fbsd_kq_pend(kq, ev);
}

/* ONESHOT knotes go, DISPATCH ones are disabled, once reported. */
static void after_report(struct tracee *t, struct fbsd_kq *kq, uint64_t id)
{
    struct fbsd_knote *kn = fbsd_kq_knote_by_id(kq, id);
    if (!kn)
        return;
    const struct fbsd_kq_filter *f = fbsd_kq_filter_of(kn->kev.filter);
    if (kn->kev.flags & FBSD_EV_ONESHOT) {
        fbsd_kq_knote_drop(t, kq, kn);      /* descriptor registrations: dirty, synced at the next entry */
        return;
    }
    if (kn->kev.flags & FBSD_EV_DISPATCH) {
        kn->enabled = false;
        fbsd_kq_helper_arm(kq, kn);
        if (f && f->isfd) {
            struct fbsd_kq_io *io = fbsd_kq_io_get(kq, (int)kn->kev.ident, false);
            if (io)
                io->dirty = true;
        }
    }
}

static bool reported(const struct results *res, uint64_t id)
{
    for (size_t i = 0; i < res->n; i++)
        if (res->ids[i] == id)
            return true;
    return false;
}

void fbsd_sys_kevent_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret == -EINTR) {
        /* Restarted by the kernel when no handler runs (an ignored signal: FreeBSD's
         * kevent would not have noticed it), EINTR when one does. */
        sc->ret = -ERESTARTNOHAND;
        return;
    }
    if (sc->ret < 0)
        return;
    bool old = sc->save[SV_FLAGS] & SVF_OLD;
    int nevents = (int)sc->args[4];
    uint64_t out = sc->args[3];
    struct fbsd_kq *kq = fbsd_kq_find(t, (int)sc->args[0]);
    if (!kq) {                 /* closed by another thread meanwhile */
        sc->ret = 0;
        return;
    }
    int got = (int)sc->ret;
    struct epoll_event ep[WAIT_MAX];
    if (got > (int)sc->save[SV_MAX] || (got && guest_read(t, sc->save[SV_BUF], ep, (size_t)got * sizeof ep[0]) < 0)) {
        sc->ret = -EFAULT;
        return;
    }
    struct results res = { .cap = (size_t)nevents < 2 * WAIT_MAX ? (size_t)nevents : 2 * WAIT_MAX };
    res.v = calloc(res.cap ? res.cap : 1, sizeof *res.v);
    res.ids = calloc(res.cap ? res.cap : 1, sizeof *res.ids);
    if (!res.v || !res.ids) {
        free(res.v);
        free(res.ids);
        sc->ret = -ENOMEM;
        return;
    }
    size_t room = res.cap;
    struct fbsd_kevent ev;
    for (int i = 0; i < got; i++) {
        uint64_t d = ep[i].data.u64;
        if (d & KQ_TAG_IO) {
            int fd = (int)(uint32_t)d;
            static const int filters[] = { FBSD_EVFILT_READ, FBSD_EVFILT_WRITE };
            for (size_t k = 0; k < 2; k++) {
                struct fbsd_knote *kn = fbsd_kq_knote(kq, (uint64_t)fd, filters[k]);
                if (kn && !reported(&res, kn->id) && knote_event(t, kq, kn, ep[i].events, &ev))
                    emit(kq, &res, room, kn, &ev);
            }
        } else if (d & KQ_TAG_KN) {
            struct fbsd_knote *kn = fbsd_kq_knote_by_id(kq, d & ~KQ_TAG_KN);
            if (kn && !reported(&res, kn->id) && knote_event(t, kq, kn, ep[i].events, &ev))
                emit(kq, &res, room, kn, &ev);
        }
    }
    for (size_t i = 0; i < kq->nkn; i++) {
        struct fbsd_knote *kn = &kq->kn[i];
        const struct fbsd_kq_filter *f = fbsd_kq_filter_of(kn->kev.filter);
        if (f && f->due && kn->enabled && !reported(&res, kn->id) && f->due(t, kq, kn) &&
            knote_event(t, kq, kn, 0, &ev))
            emit(kq, &res, room, kn, &ev);
    }
    size_t sz = fbsd_kevent_size(old);
    unsigned char raw[sizeof(struct fbsd_kevent)];
    long n = 0;
    for (size_t i = 0; i < res.n; i++) {
        fbsd_kevent_to_guest(raw, &res.v[i], old);
        if (guest_write(t, out + i * sz, raw, sz) < 0) {
            n = -EFAULT;
            break;
        }
        n++;
    }
    for (size_t i = 0; i < res.n; i++)
        after_report(t, kq, res.ids[i]);
    free(res.v);
    free(res.ids);
    sc->ret = n;
    bool forever = sc->save[SV_FLAGS] & SVF_FOREVER;
    int64_t deadline = (int64_t)sc->save[SV_DEADLINE];
    if (n == 0 && (got > 0 || (sc->save[SV_FLAGS] & SVF_FORCED)) &&
        (forever || deadline - mono_ns() > 0)) {
        /* Only events the table drops (a disarmed knote, a drained timer, data
         * under a low-water mark): FreeBSD would still be waiting, so the guest
         * makes the same call again — a finite one with the time it has left. */
        struct user_regs_struct *r = tracee_regs(t);
        if (r) {
            if (!forever)
                rearm_put(t, r->rip, deadline);
            r->rip -= 2;
            tracee_regs_changed(t);
            sc->ret = sc->nr;   /* %rax: the guest's kevent number, run again */
        }
    }
}
