/* EVFILT_TIMER on a timerfd the supervisor owns: data is a period in the unit of
 * fflags (NOTE_SECONDS, NOTE_MSECONDS (default), NOTE_USECONDS, NOTE_NSECONDS),
 * or with NOTE_ABSTIME an absolute CLOCK_REALTIME time; EV_ONESHOT and
 * NOTE_ABSTIME timers fire once, the others periodically.  The reported data is
 * the number of expirations since the last report (the timerfd's count). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include "personalities/freebsd/kqueue.h"

static int arm(struct fbsd_knote *kn)
{
    int64_t ns = fbsd_timer_to_ns(kn->kev.data, kn->kev.fflags);
    if (ns < 0)
        return -EINVAL;
    bool abs = kn->kev.fflags & FBSD_NOTE_ABSTIME;
    bool once = abs || (kn->kev.flags & FBSD_EV_ONESHOT);
    if (ns == 0)
        ns = 1;                 /* 0 disarms a timerfd; FreeBSD fires at once */
    struct itimerspec its = {
        .it_value = { ns / 1000000000, ns % 1000000000 },
        .it_interval = once ? (struct timespec){ 0, 0 } : (struct timespec){ ns / 1000000000, ns % 1000000000 },
    };
    return timerfd_settime(kn->helper, abs ? TFD_TIMER_ABSTIME : 0, &its, NULL) < 0 ? -errno : 0;
}

static int timer_attach(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    (void)t;
    if (fbsd_timer_to_ns(kn->kev.data, kn->kev.fflags) < 0)
        return -EINVAL;
    bool abs = kn->kev.fflags & FBSD_NOTE_ABSTIME;
    kn->helper = timerfd_create(abs ? CLOCK_REALTIME : CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (kn->helper < 0)
        return -errno;
    int r = arm(kn);
    return r < 0 ? r : fbsd_kq_helper_add(kq, kn, EPOLLIN);
}

/* EV_ADD on an existing timer restarts it with the new period (filt_timertouch). */
static int timer_touch(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                       const struct fbsd_kevent *chg)
{
    (void)t;
    if (fbsd_timer_to_ns(chg->data, chg->fflags) < 0)
        return -EINVAL;
    if ((chg->fflags ^ kn->kev.fflags) & FBSD_NOTE_ABSTIME) {
        fbsd_kq_helper_close(kq, kn);   /* the clock changes: a new timerfd */
        kn->kev.data = chg->data;
        kn->kev.fflags = chg->fflags;
        return timer_attach(t, kq, kn);
    }
    kn->kev.data = chg->data;
    kn->kev.fflags = chg->fflags;
    uint64_t junk;
    while (read(kn->helper, &junk, sizeof junk) > 0)
        ;                               /* expirations of the old period are gone */
    int r = arm(kn);
    return r < 0 ? r : fbsd_kq_helper_arm(kq, kn);
}

static bool timer_report(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                         uint32_t epev, struct fbsd_kevent *out)
{
    (void)t; (void)kq; (void)epev;
    uint64_t n = 0;
    if (read(kn->helper, &n, sizeof n) != (ssize_t)sizeof n || !n)
        return false;
    out->data = (int64_t)n;
    return true;
}

const struct fbsd_kq_filter fbsd_kq_filter_timer = {
    .filter = FBSD_EVFILT_TIMER, .attach = timer_attach, .touch = timer_touch,
    .report = timer_report,
};
