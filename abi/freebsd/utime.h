/* utimensat(2)/futimens(2) times (sys/stat.h, FreeBSD 13.2): FreeBSD marks
 * "now" and "leave alone" with tv_nsec -1 and -2, Linux with (1<<30)-1 and
 * (1<<30)-2; and the timeval forms (futimes, lutimes) as timespecs. */
#ifndef LSL2_ABI_FREEBSD_UTIME_H
#define LSL2_ABI_FREEBSD_UTIME_H

#include <stdint.h>
#include "abi/freebsd/stat.h"     /* struct fbsd_timespec */
#include "abi/freebsd/time.h"     /* struct fbsd_timeval */

#define FBSD_UTIME_NOW   (-1)
#define FBSD_UTIME_OMIT  (-2)
#define FBSD_HOST_UTIME_NOW   ((1L << 30) - 1)
#define FBSD_HOST_UTIME_OMIT  ((1L << 30) - 2)

/* Linux's struct timespec on x86-64, spelled out. */
struct fbsd_host_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

/* FreeBSD's pair to Linux's.  A tv_nsec outside 0..999999999 that is not one
 * of FreeBSD's two markers becomes -1 toward Linux, so that the kernel answers
 * EINVAL as FreeBSD would (rather than reading Linux's markers into it). */
void fbsd_utimens_to_linux(struct fbsd_host_timespec out[2], const struct fbsd_timespec in[2]);
/* utimes-style timevals to timespecs; a tv_usec outside 0..999999 becomes an
 * invalid tv_nsec (-1): EINVAL, as FreeBSD's vfs_timestamp checks give. */
void fbsd_timevals_to_linux(struct fbsd_host_timespec out[2], const struct fbsd_timeval in[2]);

#endif
