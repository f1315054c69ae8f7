/* clock id translation (see time.h). */
#define _GNU_SOURCE
#include <time.h>
#include "abi/freebsd/time.h"

static const struct fbsd_pair clock_pairs[] = {
    { FBSD_CLOCK_REALTIME,           CLOCK_REALTIME },
    { FBSD_CLOCK_PROF,               CLOCK_PROCESS_CPUTIME_ID },
    { FBSD_CLOCK_MONOTONIC,          CLOCK_MONOTONIC },
    { FBSD_CLOCK_UPTIME,             CLOCK_MONOTONIC },
    { FBSD_CLOCK_UPTIME_PRECISE,     CLOCK_MONOTONIC },
    { FBSD_CLOCK_UPTIME_FAST,        CLOCK_MONOTONIC_COARSE },
    { FBSD_CLOCK_REALTIME_PRECISE,   CLOCK_REALTIME },
    { FBSD_CLOCK_REALTIME_FAST,      CLOCK_REALTIME_COARSE },
    { FBSD_CLOCK_MONOTONIC_PRECISE,  CLOCK_MONOTONIC },
    { FBSD_CLOCK_MONOTONIC_FAST,     CLOCK_MONOTONIC_COARSE },
    { FBSD_CLOCK_SECOND,             CLOCK_REALTIME_COARSE },
    { FBSD_CLOCK_THREAD_CPUTIME_ID,  CLOCK_THREAD_CPUTIME_ID },
    { FBSD_CLOCK_PROCESS_CPUTIME_ID, CLOCK_PROCESS_CPUTIME_ID },
};
const struct fbsd_map fbsd_clockid_map = FBSD_MAP(clock_pairs);

int fbsd_clockid_to_linux(int c)
{
    return fbsd_int_to_host(&fbsd_clockid_map, c);
}

int fbsd_clock_whole_seconds(int c)
{
    return c == FBSD_CLOCK_SECOND;
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_clockids[] = {
    X(CLOCK_REALTIME), X(CLOCK_VIRTUAL), X(CLOCK_PROF), X(CLOCK_MONOTONIC), X(CLOCK_UPTIME),
    X(CLOCK_UPTIME_PRECISE), X(CLOCK_UPTIME_FAST), X(CLOCK_REALTIME_PRECISE),
    X(CLOCK_REALTIME_FAST), X(CLOCK_MONOTONIC_PRECISE), X(CLOCK_MONOTONIC_FAST),
    X(CLOCK_SECOND), X(CLOCK_THREAD_CPUTIME_ID), X(CLOCK_PROCESS_CPUTIME_ID),
    { 0, NULL }
};

const struct xlat fbsd_xlat_timer_flags[] = {
    X(TIMER_ABSTIME),
    { 0, NULL }
};

const struct xlat fbsd_xlat_itimers[] = {
    X(ITIMER_REAL), X(ITIMER_VIRTUAL), X(ITIMER_PROF),
    { 0, NULL }
};
