/* FreeBSD scheduling classes and POSIX policies on Linux's.
 *   rtprio(function, pid, rtp), rtprio_thread(function, lwpid, rtp): RTP_LOOKUP
 *     answers the Linux policy as a FreeBSD class (SCHED_FIFO/RR: RTP_PRIO_FIFO/
 *     REALTIME, SCHED_IDLE: IDLE, else NORMAL with priority 0); RTP_SET of NORMAL
 *     or IDLE sets SCHED_OTHER / SCHED_IDLE, REALTIME and FIFO set SCHED_RR /
 *     SCHED_FIFO (Linux priority 32 - rtprio: FreeBSD's 0 is the highest).
 *   sched_getscheduler, sched_setscheduler, sched_get_priority_max/min: FreeBSD's
 *     policy numbers (SCHED_FIFO 1, SCHED_OTHER 2, SCHED_RR 3) and ranges (0..31 for
 *     FIFO/RR, Linux 1..32; 0..0 for SCHED_OTHER, as Linux answers). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/thr.h"
#include "tracer/tracee.h"

#define FBSD_SCHED_FIFO  1
#define FBSD_SCHED_OTHER 2
#define FBSD_SCHED_RR    3

static long run(struct tracee *t, long nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
    uint64_t a[6] = { a0, a1, a2, 0, 0, 0 };
    return guest_syscall(t, nr, a);
}

/* rtprio's work for the Linux thread or process `who` (0: the caller). */
static long rtprio_do(struct tracee *t, int function, long who, uint64_t rtp_addr)
{
    struct fbsd_rtprio rtp;
    if (function == FBSD_RTP_LOOKUP) {
        long pol = run(t, __NR_sched_getscheduler, (uint64_t)who, 0, 0);
        if (pol < 0)
            return pol;
        memset(&rtp, 0, sizeof rtp);
        rtp.type = FBSD_RTP_PRIO_NORMAL;
        if (pol == SCHED_FIFO || pol == SCHED_RR) {
            uint64_t scr = guest_scratch(t, sizeof(struct sched_param));
            struct sched_param sp = { 0 };
            if (scr && run(t, __NR_sched_getparam, (uint64_t)who, scr, 0) == 0)
                guest_read(t, scr, &sp, sizeof sp);
            rtp.type = pol == SCHED_FIFO ? FBSD_RTP_PRIO_FIFO : FBSD_RTP_PRIO_REALTIME;
            int p = 32 - sp.sched_priority;
            rtp.prio = (uint16_t)(p < 0 ? 0 : p > FBSD_RTP_PRIO_MAX ? FBSD_RTP_PRIO_MAX : p);
        } else if (pol == SCHED_IDLE) {
            rtp.type = FBSD_RTP_PRIO_IDLE;
        }
        return guest_write(t, rtp_addr, &rtp, sizeof rtp) < 0 ? -EFAULT : 0;
    }
    if (function != FBSD_RTP_SET)
        return -EINVAL;
    if (guest_read(t, rtp_addr, &rtp, sizeof rtp) < 0)
        return -EFAULT;
    if (rtp.prio > FBSD_RTP_PRIO_MAX)
        return -EINVAL;
    int pol, prio = 0;
    switch (rtp.type) {
    case FBSD_RTP_PRIO_NORMAL:   pol = SCHED_OTHER; break;
    case FBSD_RTP_PRIO_IDLE:     pol = SCHED_IDLE; break;
    case FBSD_RTP_PRIO_REALTIME: pol = SCHED_RR; prio = 32 - rtp.prio; break;
    case FBSD_RTP_PRIO_FIFO:     pol = SCHED_FIFO; prio = 32 - rtp.prio; break;
    default:                     return -EINVAL;
    }
    uint64_t scr = guest_scratch(t, sizeof(struct sched_param));
    struct sched_param sp = { .sched_priority = prio };
    if (!scr || guest_write(t, scr, &sp, sizeof sp) < 0)
        return -ENOMEM;
    return run(t, __NR_sched_setscheduler, (uint64_t)who, (uint64_t)pol, scr);
}

/* rtprio_thread(int function, lwpid_t lwpid, struct rtprio *rtp): lwpid 0 is
 * the caller. */
enum sys_action fbsd_sys_rtprio_thread(struct tracee *t, struct sysc *sc)
{
    int32_t id = (int32_t)sc->args[1];
    long who = 0;
    if (id != 0) {
        if (id <= FBSD_TID_BASE)
            return sysc_done(sc, -ESRCH);
        who = id - FBSD_TID_BASE;
    }
    return sysc_done(sc, rtprio_do(t, (int)sc->args[0], who, sc->args[2]));
}

/* rtprio(int function, pid_t pid, struct rtprio *rtp): pid 0 is the caller. */
enum sys_action fbsd_sys_rtprio(struct tracee *t, struct sysc *sc)
{
    int32_t pid = (int32_t)sc->args[1];
    if (pid < 0)
        return sysc_done(sc, -ESRCH);
    return sysc_done(sc, rtprio_do(t, (int)sc->args[0], pid, sc->args[2]));
}

static int policy_to_linux(uint64_t p)
{
    switch (p) {
    case FBSD_SCHED_FIFO:  return SCHED_FIFO;
    case FBSD_SCHED_OTHER: return SCHED_OTHER;
    case FBSD_SCHED_RR:    return SCHED_RR;
    default:               return -1;
    }
}

/* sched_getscheduler(pid) */
enum sys_action fbsd_sys_sched_getscheduler(struct tracee *t, struct sysc *sc)
{
    long pol = run(t, __NR_sched_getscheduler, sc->args[0], 0, 0);
    if (pol < 0)
        return sysc_done(sc, pol);
    return sysc_done(sc, pol == SCHED_FIFO ? FBSD_SCHED_FIFO : pol == SCHED_RR ? FBSD_SCHED_RR
                                                                           : FBSD_SCHED_OTHER);
}

/* sched_setscheduler(pid, policy, const struct sched_param *) */
enum sys_action fbsd_sys_sched_setscheduler(struct tracee *t, struct sysc *sc)
{
    int pol = policy_to_linux(sc->args[1]);
    struct sched_param sp;
    if (pol < 0)
        return sysc_done(sc, -EINVAL);
    if (guest_read(t, sc->args[2], &sp, sizeof sp) < 0)
        return sysc_done(sc, -EFAULT);
    if (pol == SCHED_OTHER) {
        sp.sched_priority = 0;
    } else {
        if (sp.sched_priority < 0 || sp.sched_priority > FBSD_RTP_PRIO_MAX)
            return sysc_done(sc, -EINVAL);
        sp.sched_priority += 1;
    }
    uint64_t scr = guest_scratch(t, sizeof sp);
    if (!scr || guest_write(t, scr, &sp, sizeof sp) < 0)
        return sysc_done(sc, -ENOMEM);
    return sysc_done(sc, run(t, __NR_sched_setscheduler, sc->args[0], (uint64_t)pol, scr));
}

/* sched_get_priority_max / _min(policy): FreeBSD's ranges. */
enum sys_action fbsd_sys_sched_priority_range(struct tracee *t, struct sysc *sc)
{
    (void)t;
    int pol = policy_to_linux(sc->args[0]);
    if (pol < 0)
        return sysc_done(sc, -EINVAL);
    bool max = sc->nr == FBSD_SYS_sched_get_priority_max;
    if (pol == SCHED_OTHER)
        return sysc_done(sc, 0);
    return sysc_done(sc, max ? FBSD_RTP_PRIO_MAX : FBSD_RTP_PRIO_MIN);
}
