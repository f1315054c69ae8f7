/* UTIME_NOW/UTIME_OMIT and timeval conversions (see utime.h). */
#include "abi/freebsd/utime.h"

static int64_t nsec_to_linux(int64_t ns)
{
    if (ns == FBSD_UTIME_NOW)
        return FBSD_HOST_UTIME_NOW;
    if (ns == FBSD_UTIME_OMIT)
        return FBSD_HOST_UTIME_OMIT;
    return ns >= 0 && ns < 1000000000 ? ns : -1;
}

void fbsd_utimens_to_linux(struct fbsd_host_timespec out[2], const struct fbsd_timespec in[2])
{
    for (int i = 0; i < 2; i++) {
        out[i].tv_sec = in[i].tv_sec;
        out[i].tv_nsec = nsec_to_linux(in[i].tv_nsec);
    }
}

void fbsd_timevals_to_linux(struct fbsd_host_timespec out[2], const struct fbsd_timeval in[2])
{
    for (int i = 0; i < 2; i++) {
        out[i].tv_sec = in[i].tv_sec;
        out[i].tv_nsec = in[i].tv_usec >= 0 && in[i].tv_usec < 1000000 ? in[i].tv_usec * 1000 : -1;
    }
}
