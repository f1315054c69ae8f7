/* FreeBSD kqueue ABI (sys/event.h, FreeBSD 13.2; kqueuex from 14): the two
 * struct kevent layouts, filters, action flags and filter flags, and the pure
 * conversions between the guest layouts and one neutral form. */
#ifndef LSL2_ABI_FREEBSD_KEVENT_H
#define LSL2_ABI_FREEBSD_KEVENT_H

#include <stddef.h>
#include <stdint.h>
#include "personalities/personality.h"

/* struct kevent (FreeBSD 12+, kevent #560): 64 bytes. */
struct fbsd_kevent {
    uint64_t ident;
    int16_t  filter;
    uint16_t flags;
    uint32_t fflags;
    int64_t  data;
    uint64_t udata;
    uint64_t ext[4];
};
_Static_assert(sizeof(struct fbsd_kevent) == 64, "fbsd_kevent size");
_Static_assert(offsetof(struct fbsd_kevent, data) == 16, "fbsd_kevent data");
_Static_assert(offsetof(struct fbsd_kevent, ext) == 32, "fbsd_kevent ext");

/* struct kevent_freebsd11 (freebsd11_kevent #363): 32 bytes, data an intptr_t. */
struct fbsd_kevent11 {
    uint64_t ident;
    int16_t  filter;
    uint16_t flags;
    uint32_t fflags;
    int64_t  data;
    uint64_t udata;
};
_Static_assert(sizeof(struct fbsd_kevent11) == 32, "fbsd_kevent11 size");

/* Filters. */
#define FBSD_EVFILT_READ      (-1)
#define FBSD_EVFILT_WRITE     (-2)
#define FBSD_EVFILT_AIO       (-3)
#define FBSD_EVFILT_VNODE     (-4)
#define FBSD_EVFILT_PROC      (-5)
#define FBSD_EVFILT_SIGNAL    (-6)
#define FBSD_EVFILT_TIMER     (-7)
#define FBSD_EVFILT_PROCDESC  (-8)
#define FBSD_EVFILT_FS        (-9)
#define FBSD_EVFILT_LIO       (-10)
#define FBSD_EVFILT_USER      (-11)
#define FBSD_EVFILT_SENDFILE  (-12)
#define FBSD_EVFILT_EMPTY     (-13)
#define FBSD_EVFILT_SYSCOUNT  13

/* Action flags. */
#define FBSD_EV_ADD           0x0001
#define FBSD_EV_DELETE        0x0002
#define FBSD_EV_ENABLE        0x0004
#define FBSD_EV_DISABLE       0x0008
#define FBSD_EV_ONESHOT       0x0010
#define FBSD_EV_CLEAR         0x0020
#define FBSD_EV_RECEIPT       0x0040
#define FBSD_EV_DISPATCH      0x0080
#define FBSD_EV_FORCEONESHOT  0x0100
#define FBSD_EV_SYSFLAGS      0xF000
#define FBSD_EV_DROP          0x1000
#define FBSD_EV_FLAG1         0x2000
#define FBSD_EV_FLAG2         0x4000
#define FBSD_EV_EOF           0x8000
#define FBSD_EV_ERROR         0x4000

/* EVFILT_USER */
#define FBSD_NOTE_FFNOP       0x00000000u
#define FBSD_NOTE_FFAND       0x40000000u
#define FBSD_NOTE_FFOR        0x80000000u
#define FBSD_NOTE_FFCOPY      0xc0000000u
#define FBSD_NOTE_FFCTRLMASK  0xc0000000u
#define FBSD_NOTE_FFLAGSMASK  0x00ffffffu
#define FBSD_NOTE_TRIGGER     0x01000000u
/* EVFILT_READ / EVFILT_WRITE */
#define FBSD_NOTE_LOWAT       0x0001u
#define FBSD_NOTE_FILE_POLL   0x0002u
/* EVFILT_VNODE */
#define FBSD_NOTE_DELETE      0x0001u
#define FBSD_NOTE_WRITE       0x0002u
#define FBSD_NOTE_EXTEND      0x0004u
#define FBSD_NOTE_ATTRIB      0x0008u
#define FBSD_NOTE_LINK        0x0010u
#define FBSD_NOTE_RENAME      0x0020u
#define FBSD_NOTE_REVOKE      0x0040u
#define FBSD_NOTE_OPEN        0x0080u
#define FBSD_NOTE_CLOSE       0x0100u
#define FBSD_NOTE_CLOSE_WRITE 0x0200u
#define FBSD_NOTE_READ        0x0400u
/* EVFILT_PROC */
#define FBSD_NOTE_EXIT        0x80000000u
#define FBSD_NOTE_FORK        0x40000000u
#define FBSD_NOTE_EXEC        0x20000000u
#define FBSD_NOTE_PCTRLMASK   0xf0000000u
#define FBSD_NOTE_PDATAMASK   0x000fffffu
#define FBSD_NOTE_TRACK       0x00000001u
#define FBSD_NOTE_TRACKERR    0x00000002u
#define FBSD_NOTE_CHILD       0x00000004u
/* EVFILT_TIMER */
#define FBSD_NOTE_SECONDS     0x00000001u
#define FBSD_NOTE_MSECONDS    0x00000002u
#define FBSD_NOTE_USECONDS    0x00000004u
#define FBSD_NOTE_NSECONDS    0x00000008u
#define FBSD_NOTE_ABSTIME     0x00000010u
#define FBSD_NOTE_TIMER_UNITS (FBSD_NOTE_SECONDS | FBSD_NOTE_MSECONDS | FBSD_NOTE_USECONDS | FBSD_NOTE_NSECONDS)

/* kqueuex(2) flags (FreeBSD 14). */
#define FBSD_KQUEUE_CLOEXEC   0x00000001u

/* Guest record <-> neutral form (the new layout is the neutral one; the old
 * one has no ext[] and comes back with ext zeroed). */
void fbsd_kevent_from_guest(struct fbsd_kevent *out, const void *guest, int old_layout);
void fbsd_kevent_to_guest(void *guest, const struct fbsd_kevent *in, int old_layout);
static inline size_t fbsd_kevent_size(int old_layout)
{
    return old_layout ? sizeof(struct fbsd_kevent11) : sizeof(struct fbsd_kevent);
}

/* EVFILT_TIMER: a period `data` in the units of fflags (milliseconds when no unit
 * bit is set), as nanoseconds.  -1 when data is negative or fflags names several
 * units (FreeBSD's EINVAL); saturates at INT64_MAX. */
int64_t fbsd_timer_to_ns(int64_t data, uint32_t fflags);

/* EVFILT_USER: sfflags after a change's fflags (NOTE_FF* control in the high
 * bits, NOTE_FFLAGSMASK data in the low ones), as FreeBSD's filt_usertouch. */
uint32_t fbsd_user_fflags_apply(uint32_t sfflags, uint32_t change);

/* --trace names. */
extern const struct xlat fbsd_xlat_evfilt[];
extern const struct xlat fbsd_xlat_ev_flags[];
/* "EVFILT_READ" or NULL */
const char *fbsd_evfilt_name(int filter);
/* One kevent as "{ident=5, EVFILT_READ, EV_ADD|EV_CLEAR, fflags=0x0, data=0, udata=0x0}". */
int fbsd_kevent_format(char *buf, size_t len, const struct fbsd_kevent *kev);

#endif
