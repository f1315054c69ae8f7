/* EVFILT_USER on an eventfd the supervisor owns: readable while the knote is
 * triggered (NOTE_TRIGGER).  fflags follow NOTE_FFNOP/FFAND/FFOR/FFCOPY; a
 * report gives the saved fflags and data, and EV_CLEAR un-triggers (as FreeBSD's
 * filt_usertouch). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include "personalities/freebsd/kqueue.h"

static void set_triggered(struct fbsd_knote *kn, bool on)
{
    uint64_t v = 1;
    if (on && !kn->active) {
        if (write(kn->helper, &v, sizeof v) < 0)
            return;
    } else if (!on && kn->active) {
        if (read(kn->helper, &v, sizeof v) < 0)
            return;
    }
    kn->active = on;
}

/* What a change does to a knote: on an existing one (touch) EV_CLEAR in the
 * change un-triggers it even with NOTE_TRIGGER, as filt_usertouch does; a new
 * one is triggered by NOTE_TRIGGER alone (filt_userattach). */
static void apply(struct fbsd_knote *kn, const struct fbsd_kevent *chg, uint32_t old_sfflags,
                  bool touch)
{
    kn->kev.fflags = fbsd_user_fflags_apply(old_sfflags, chg->fflags);
    kn->kev.data = chg->data;
    if (chg->fflags & FBSD_NOTE_TRIGGER)
        set_triggered(kn, true);
    if (touch && (chg->flags & FBSD_EV_CLEAR))
        set_triggered(kn, false);
}

static int user_attach(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    (void)t;
    kn->helper = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (kn->helper < 0)
        return -errno;
    struct fbsd_kevent chg = kn->kev;
    apply(kn, &chg, 0, false);
    return fbsd_kq_helper_add(kq, kn, EPOLLIN);
}

static int user_touch(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                      const struct fbsd_kevent *chg)
{
    (void)t; (void)kq;
    apply(kn, chg, kn->kev.fflags, true);
    return 0;
}

static bool user_report(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                        uint32_t epev, struct fbsd_kevent *out)
{
    (void)t; (void)kq; (void)epev;
    if (!kn->active)
        return false;
    out->fflags = kn->kev.fflags & FBSD_NOTE_FFLAGSMASK;
    out->data = kn->kev.data;
    if (kn->kev.flags & FBSD_EV_CLEAR)
        set_triggered(kn, false);     /* the saved fflags and data stay (kn_sfflags) */
    return true;
}

const struct fbsd_kq_filter fbsd_kq_filter_user = {
    .filter = FBSD_EVFILT_USER, .attach = user_attach, .touch = user_touch,
    .report = user_report,
};
