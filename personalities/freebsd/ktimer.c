/* ktimer_create(clockid_t clock_id, struct sigevent *evp, int *timerid) on Linux
 * timer_create (#235).  The other ktimer_* calls take the same arguments and
 * struct itimerspec as Linux's timer_* and pass straight through.
 *
 * FreeBSD's kernel (kern_time.c) offers timers on CLOCK_REALTIME, CLOCK_MONOTONIC
 * and the CPU-time clocks; other clock ids are EINVAL.  Notifications:
 * SIGEV_NONE, SIGEV_SIGNAL and SIGEV_THREAD_ID (the thread's FreeBSD id becomes
 * its Linux tid); SIGEV_THREAD is libc's, built on SIGEV_THREAD_ID, and the
 * kernel refuses it, as it refuses SIGEV_KEVENT for timers.  The signal arrives
 * with si_code SI_TIMER, si_value, si_timerid and si_overrun converted by the
 * delivery (abi/freebsd/signal.c). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include <time.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/sigevent.h"
#include "abi/freebsd/time.h"
#include "tracer/tracee.h"

int fbsd_sigevent_fetch(struct tracee *t, uint64_t addr, uint64_t *out)
{
    *out = 0;
    if (!addr)
        return 0;
    struct fbsd_sigevent fe;
    if (guest_read(t, addr, &fe, sizeof fe) < 0)
        return -EFAULT;
    struct linux_sigevent le;
    int e = fbsd_sigevent_to_linux(&fe, &le);
    if (e < 0)
        return e;
    if (fe.sigev_notify == FBSD_SIGEV_THREAD_ID) {
        if (fe.un.threadid <= FBSD_TID_BASE)
            return -EINVAL;
        le.tid = fe.un.threadid - FBSD_TID_BASE;
    }
    uint64_t scr = guest_scratch(t, sizeof le);
    if (!scr || guest_write(t, scr, &le, sizeof le) < 0)
        return -ENOMEM;
    *out = scr;
    return 0;
}

static int timer_clock(uint32_t c)
{
    switch (c) {
    case FBSD_CLOCK_REALTIME:           return CLOCK_REALTIME;
    case FBSD_CLOCK_MONOTONIC:          return CLOCK_MONOTONIC;
    case FBSD_CLOCK_PROCESS_CPUTIME_ID: return CLOCK_PROCESS_CPUTIME_ID;
    case FBSD_CLOCK_THREAD_CPUTIME_ID:  return CLOCK_THREAD_CPUTIME_ID;
    default:                            return -1;
    }
}

enum sys_action fbsd_sys_ktimer_create(struct tracee *t, struct sysc *sc)
{
    int clk = timer_clock((uint32_t)sc->args[0]);
    if (clk < 0)
        return sysc_done(sc, -EINVAL);
    uint64_t ev;
    int e = fbsd_sigevent_fetch(t, sc->args[1], &ev);
    if (e < 0)
        return sysc_done(sc, e);
    sysc_set_host_nr(t, __NR_timer_create);
    sysc_set_arg(t, 0, (uint64_t)clk);
    sysc_set_arg(t, 1, ev);
    return SYS_PASS;   /* Linux writes the id, an int, to *timerid as FreeBSD does */
}
