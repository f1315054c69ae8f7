/* Pure conversions of FreeBSD's struct kevent (see kevent.h). */
#include <stdio.h>
#include <string.h>
#include "abi/freebsd/kevent.h"

void fbsd_kevent_from_guest(struct fbsd_kevent *out, const void *guest, int old_layout)
{
    if (!old_layout) {
        memcpy(out, guest, sizeof *out);
        return;
    }
    struct fbsd_kevent11 o;
    memcpy(&o, guest, sizeof o);
    *out = (struct fbsd_kevent){ .ident = o.ident, .filter = o.filter, .flags = o.flags,
                                 .fflags = o.fflags, .data = o.data, .udata = o.udata };
}

void fbsd_kevent_to_guest(void *guest, const struct fbsd_kevent *in, int old_layout)
{
    if (!old_layout) {
        memcpy(guest, in, sizeof *in);
        return;
    }
    struct fbsd_kevent11 o = { .ident = in->ident, .filter = in->filter, .flags = in->flags,
                               .fflags = in->fflags, .data = in->data, .udata = in->udata };
    memcpy(guest, &o, sizeof o);
}

int64_t fbsd_timer_to_ns(int64_t data, uint32_t fflags)
{
    uint32_t u = fflags & FBSD_NOTE_TIMER_UNITS;
    int64_t mul;
    switch (u) {
    case 0:
    case FBSD_NOTE_MSECONDS: mul = 1000000; break;
    case FBSD_NOTE_SECONDS:  mul = 1000000000; break;
    case FBSD_NOTE_USECONDS: mul = 1000; break;
    case FBSD_NOTE_NSECONDS: mul = 1; break;
    default: return -1;      /* several units */
    }
    if (data < 0)
        return -1;
    if (data > INT64_MAX / mul)
        return INT64_MAX;
    return data * mul;
}

uint32_t fbsd_user_fflags_apply(uint32_t sfflags, uint32_t change)
{
    uint32_t v = change & FBSD_NOTE_FFLAGSMASK;
    switch (change & FBSD_NOTE_FFCTRLMASK) {
    case FBSD_NOTE_FFAND:  return sfflags & v;
    case FBSD_NOTE_FFOR:   return sfflags | v;
    case FBSD_NOTE_FFCOPY: return v;
    default:               return sfflags;     /* NOTE_FFNOP */
    }
}

const struct xlat fbsd_xlat_evfilt[] = {
    { (uint64_t)(int64_t)FBSD_EVFILT_READ, "EVFILT_READ" },
    { (uint64_t)(int64_t)FBSD_EVFILT_WRITE, "EVFILT_WRITE" },
    { (uint64_t)(int64_t)FBSD_EVFILT_AIO, "EVFILT_AIO" },
    { (uint64_t)(int64_t)FBSD_EVFILT_VNODE, "EVFILT_VNODE" },
    { (uint64_t)(int64_t)FBSD_EVFILT_PROC, "EVFILT_PROC" },
    { (uint64_t)(int64_t)FBSD_EVFILT_SIGNAL, "EVFILT_SIGNAL" },
    { (uint64_t)(int64_t)FBSD_EVFILT_TIMER, "EVFILT_TIMER" },
    { (uint64_t)(int64_t)FBSD_EVFILT_PROCDESC, "EVFILT_PROCDESC" },
    { (uint64_t)(int64_t)FBSD_EVFILT_FS, "EVFILT_FS" },
    { (uint64_t)(int64_t)FBSD_EVFILT_LIO, "EVFILT_LIO" },
    { (uint64_t)(int64_t)FBSD_EVFILT_USER, "EVFILT_USER" },
    { (uint64_t)(int64_t)FBSD_EVFILT_SENDFILE, "EVFILT_SENDFILE" },
    { (uint64_t)(int64_t)FBSD_EVFILT_EMPTY, "EVFILT_EMPTY" },
    { 0, NULL }
};

/* EV_ERROR and EV_FLAG2 share 0x4000: the name kevent results mean is used. */
const struct xlat fbsd_xlat_ev_flags[] = {
    { FBSD_EV_ADD, "EV_ADD" },
    { FBSD_EV_DELETE, "EV_DELETE" },
    { FBSD_EV_ENABLE, "EV_ENABLE" },
    { FBSD_EV_DISABLE, "EV_DISABLE" },
    { FBSD_EV_ONESHOT, "EV_ONESHOT" },
    { FBSD_EV_CLEAR, "EV_CLEAR" },
    { FBSD_EV_RECEIPT, "EV_RECEIPT" },
    { FBSD_EV_DISPATCH, "EV_DISPATCH" },
    { FBSD_EV_FORCEONESHOT, "EV_FORCEONESHOT" },
    { FBSD_EV_DROP, "EV_DROP" },
    { FBSD_EV_FLAG1, "EV_FLAG1" },
    { FBSD_EV_ERROR, "EV_ERROR" },
    { FBSD_EV_EOF, "EV_EOF" },
    { 0, NULL }
};

const char *fbsd_evfilt_name(int filter)
{
    for (const struct xlat *x = fbsd_xlat_evfilt; x->name; x++)
        if ((int64_t)x->val == filter)
            return x->name;
    return NULL;
}

int fbsd_kevent_format(char *buf, size_t len, const struct fbsd_kevent *kev)
{
    char fl[160];
    size_t n = 0;
    fl[0] = 0;
    unsigned rest = kev->flags;
    for (const struct xlat *x = fbsd_xlat_ev_flags; x->name; x++)
        if ((rest & x->val) == x->val && x->val) {
            n += (size_t)snprintf(fl + n, sizeof fl - n, "%s%s", n ? "|" : "", x->name);
            rest &= ~(unsigned)x->val;
            if (n >= sizeof fl)
                break;
        }
    if (rest && n < sizeof fl)
        snprintf(fl + n, sizeof fl - n, "%s0x%x", n ? "|" : "", rest);
    if (!fl[0])
        snprintf(fl, sizeof fl, "0");
    const char *f = fbsd_evfilt_name(kev->filter);
    char fbuf[16];
    if (!f) {
        snprintf(fbuf, sizeof fbuf, "%d", kev->filter);
        f = fbuf;
    }
    return snprintf(buf, len, "{ident=%llu, %s, %s, fflags=%#x, data=%lld, udata=%#llx}",
                    (unsigned long long)kev->ident, f, fl, kev->fflags,
                    (long long)kev->data, (unsigned long long)kev->udata);
}
