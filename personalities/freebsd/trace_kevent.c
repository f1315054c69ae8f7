/* --trace display of struct kevent lists (both layouts are fetched into the
 * neutral struct fbsd_kevent first), as strace shows Linux's epoll events. */
#include "personalities/freebsd/trace_decode.h"
#include "abi/freebsd/signal.h"

static const struct xlat_set evfilt_set = { .style = XS_ENUM, .tab = fbsd_xlat_evfilt };
static const struct xlat_set ev_flags_set = { .style = XS_FLAGS, .tab = fbsd_xlat_ev_flags };

void fbsd_fmt_kevent(struct fbuf *b, const struct fbsd_kevent *kev)
{
    /* EVFILT_SIGNAL's ident is a signal number: named, as strace names them */
    const char *sig = kev->filter == FBSD_EVFILT_SIGNAL ? xlat_name(fbsd_xlat_signals, kev->ident)
                                                        : NULL;
    if (sig)
        fb_printf(b, "{ident=%s, filter=", sig);
    else
        fb_printf(b, "{ident=%llu, filter=", (unsigned long long)kev->ident);
    fmt_xlat(b, &evfilt_set, (uint64_t)(int64_t)kev->filter);
    fb_puts(b, ", flags=");
    fmt_xlat(b, &ev_flags_set, kev->flags);
    fb_printf(b, ", fflags=%#x, data=%lld, udata=", kev->fflags, (long long)kev->data);
    if (kev->udata)
        fb_printf(b, "%#llx}", (unsigned long long)kev->udata);
    else
        fb_puts(b, "NULL}");
}

void fbsd_fmt_kevents(struct fbuf *b, const struct fbsd_kevent *kev, size_t n, size_t total)
{
    fb_putn(b, "[", 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            fb_puts(b, ", ");
        fbsd_fmt_kevent(b, &kev[i]);
    }
    if (total > n)
        fb_puts(b, n ? ", ..." : "...");
    fb_putn(b, "]", 1);
}
