/* Pure translations of FreeBSD _umtx_op timeouts (see umtx.h). */
#include <errno.h>
#include <linux/futex.h>
#include "abi/freebsd/umtx.h"
#include "abi/freebsd/time.h"

size_t fbsd_umtx_time_len(uint64_t size)
{
    return size <= sizeof(struct fbsd_timespec) ? sizeof(struct fbsd_timespec)
                                                : sizeof(struct fbsd_umtx_time);
}

int fbsd_umtx_wait_plan(const struct fbsd_umtx_time *ut, struct fbsd_futex_wait *out)
{
    out->op = FUTEX_WAIT;
    out->has_ts = false;
    if (!ut)
        return 0;
    if (ut->_timeout.tv_sec < 0 || ut->_timeout.tv_nsec < 0 ||
        ut->_timeout.tv_nsec >= 1000000000)
        return -EINVAL;
    out->has_ts = true;
    out->ts.tv_sec = ut->_timeout.tv_sec;
    out->ts.tv_nsec = ut->_timeout.tv_nsec;
    if (!(ut->_flags & FBSD_UMTX_ABSTIME))
        return 0;   /* relative: FUTEX_WAIT measures it on the monotonic clock */
    switch (fbsd_clockid_to_linux((int)ut->_clockid)) {
    case CLOCK_REALTIME:
    case CLOCK_REALTIME_COARSE:
        out->op = FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME;
        return 0;
    case CLOCK_MONOTONIC:
    case CLOCK_MONOTONIC_COARSE:
    case CLOCK_MONOTONIC_RAW:
    case CLOCK_BOOTTIME:
        out->op = FUTEX_WAIT_BITSET;
        return 0;
    default:
        return -EINVAL;
    }
}
