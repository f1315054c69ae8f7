/* FreeBSD clock ids, timer constants and time structures (sys/_clock_id.h,
 * sys/time.h, FreeBSD 13.2). struct timespec and struct timeval have the same
 * layout as Linux's on amd64 (two 64-bit fields), so they cross unchanged. */
#ifndef LSL2_ABI_FREEBSD_TIME_H
#define LSL2_ABI_FREEBSD_TIME_H

#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "abi/freebsd/stat.h"      /* struct fbsd_timespec */
#include "personalities/personality.h"

struct fbsd_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};
_Static_assert(sizeof(struct fbsd_timeval) == 16, "fbsd_timeval size");
_Static_assert(sizeof(struct fbsd_timespec) == 16, "fbsd_timespec size");

struct fbsd_itimerval {
    struct fbsd_timeval it_interval;
    struct fbsd_timeval it_value;
};

#define FBSD_CLOCK_REALTIME          0
#define FBSD_CLOCK_VIRTUAL           1
#define FBSD_CLOCK_PROF              2
#define FBSD_CLOCK_MONOTONIC         4
#define FBSD_CLOCK_UPTIME            5
#define FBSD_CLOCK_UPTIME_PRECISE    7
#define FBSD_CLOCK_UPTIME_FAST       8
#define FBSD_CLOCK_REALTIME_PRECISE  9
#define FBSD_CLOCK_REALTIME_FAST     10
#define FBSD_CLOCK_MONOTONIC_PRECISE 11
#define FBSD_CLOCK_MONOTONIC_FAST    12
#define FBSD_CLOCK_SECOND            13
#define FBSD_CLOCK_THREAD_CPUTIME_ID 14
#define FBSD_CLOCK_PROCESS_CPUTIME_ID 15

#define FBSD_TIMER_ABSTIME           0x1

/* setitimer/getitimer: the same numbers as Linux's. */
#define FBSD_ITIMER_REAL             0
#define FBSD_ITIMER_VIRTUAL          1
#define FBSD_ITIMER_PROF             2

/* clock ids.  FreeBSD's UPTIME clocks count from boot, like its MONOTONIC ones
 * (both read the kernel's uptime), so they all become CLOCK_MONOTONIC; the
 * _FAST variants become Linux's _COARSE ones; CLOCK_SECOND becomes
 * CLOCK_REALTIME_COARSE and the handler zeroes tv_nsec (fbsd_clock_whole_seconds);
 * CLOCK_PROF (user+system time of the process) is CLOCK_PROCESS_CPUTIME_ID.
 * CLOCK_VIRTUAL (user time only) has no Linux clock: the handler answers it from
 * getrusage's ru_utime.  CPU-time clocks of other processes and threads
 * (clock_getcpuclockid2) are the handler's too. */
extern const struct fbsd_map fbsd_clockid_map;
/* Returns the Linux clock id, or -1 when there is none. */
int fbsd_clockid_to_linux(int fbsd_clock);
/* Whether the clock reports whole seconds (CLOCK_SECOND). */
int fbsd_clock_whole_seconds(int fbsd_clock);

extern const struct xlat fbsd_xlat_clockids[];
extern const struct xlat fbsd_xlat_timer_flags[];
extern const struct xlat fbsd_xlat_itimers[];

#endif
