/* EVFILT_SIGNAL: an eventfd per knote, counted up by fbsd_kq_signal_seen() at
 * the signal-delivery-stops of the process (kqueue.h says why not signalfd);
 * the report reads the count since the last one as data. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include "personalities/freebsd/kqueue.h"
#include "personalities/freebsd/pstate.h"
#include "abi/freebsd/signal.h"
#include "tracer/tracee.h"

static int signal_attach(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    (void)t;
    if (kn->kev.ident < 1 || kn->kev.ident > FBSD_NSIG)
        return -EINVAL;
    kn->helper = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (kn->helper < 0)
        return -errno;
    return fbsd_kq_helper_add(kq, kn, EPOLLIN);
}

static int signal_touch(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                        const struct fbsd_kevent *chg)
{
    (void)t; (void)kq; (void)kn; (void)chg;
    return 0;
}

static bool signal_report(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                          uint32_t epev, struct fbsd_kevent *out)
{
    (void)t; (void)kq; (void)epev;
    uint64_t n = 0;
    if (read(kn->helper, &n, sizeof n) != (ssize_t)sizeof n || !n)
        return false;
    out->data = (int64_t)n;
    return true;
}

void fbsd_kq_signal_seen(struct tracee *t, int fbsd_sig)
{
    struct fbsd_pstate *ps = t->pstate;
    if (!ps || !ps->kq || fbsd_sig <= 0)
        return;
    uint64_t one = 1;
    for (struct fbsd_kq *kq = ps->kq->head; kq; kq = kq->next) {
        struct fbsd_knote *kn = fbsd_kq_knote(kq, (uint64_t)fbsd_sig, FBSD_EVFILT_SIGNAL);
        if (kn && kn->helper >= 0 && write(kn->helper, &one, sizeof one) < 0)
            continue;   /* the counter is full: the count saturates */
    }
}

const struct fbsd_kq_filter fbsd_kq_filter_signal = {
    .filter = FBSD_EVFILT_SIGNAL, .attach = signal_attach, .touch = signal_touch,
    .report = signal_report,
};
