/* FreeBSD clocks on Linux (clock ids through abi/freebsd/time.h).
 *   CLOCK_SECOND: CLOCK_REALTIME_COARSE with the nanoseconds cleared, and a
 *     resolution of one second, as FreeBSD gives it.
 *   CLOCK_VIRTUAL (user time of the process) has no Linux clock: answered from
 *     getrusage's ru_utime, with a resolution of a microsecond.
 *   CPU-time clocks of a process or thread (clock_getcpuclockid2's ids:
 *     CPUCLOCK_BIT | [CPUCLOCK_PROCESS_BIT] | id) become Linux's
 *     MAKE_PROCESS_CPUCLOCK / MAKE_THREAD_CPUCLOCK ids; a FreeBSD thread id is
 *     the Linux tid + FBSD_TID_BASE (see misc.c).
 *   clock_nanosleep returns its error number as the result, not through errno
 *     (FreeBSD's kern_posix_error), like the POSIX function. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/time.h"
#include "tracer/tracee.h"

#define FBSD_CPUCLOCK_BIT         0x80000000u
#define FBSD_CPUCLOCK_PROCESS_BIT 0x40000000u
#define FBSD_CPUCLOCK_ID_MASK     (~(FBSD_CPUCLOCK_BIT | FBSD_CPUCLOCK_PROCESS_BIT))
/* Linux's posix-timers.h: CPUCLOCK_SCHED, and bit 2 for a thread clock. */
#define LINUX_CPUCLOCK_SCHED      2
#define LINUX_CPUCLOCK_PERTHREAD  4

/* A FreeBSD clock id as Linux's; -1 when there is none.  Process and thread
 * CPU-time clock ids are translated, and their pid 0 means the caller. */
long fbsd_clock_to_linux(uint32_t clk)
{
    if (clk & FBSD_CPUCLOCK_BIT) {
        uint32_t id = clk & FBSD_CPUCLOCK_ID_MASK;
        if (clk & FBSD_CPUCLOCK_PROCESS_BIT)
            return (long)(int32_t)((~id) << 3) | LINUX_CPUCLOCK_SCHED;
        if (id < FBSD_TID_BASE)
            return -1;
        id -= FBSD_TID_BASE;
        return (long)(int32_t)((~id) << 3) | LINUX_CPUCLOCK_SCHED | LINUX_CPUCLOCK_PERTHREAD;
    }
    if (clk > 0x7fffffffu)
        return -1;
    return fbsd_clockid_to_linux((int)clk);
}

/* CLOCK_VIRTUAL: user time, from getrusage run in the guest. */
static long virtual_time(struct tracee *t, struct fbsd_timespec *ts)
{
    uint64_t scr = guest_scratch(t, sizeof(struct rusage));
    if (!scr)
        return -ENOMEM;
    uint64_t args[6] = { RUSAGE_SELF, scr, 0, 0, 0, 0 };
    long r = guest_syscall(t, __NR_getrusage, args);
    if (r < 0)
        return r;
    struct fbsd_rusage ru;
    if (guest_read(t, scr, &ru, sizeof ru) < 0)
        return -EFAULT;
    ts->tv_sec = ru.ru_utime.tv_sec;
    ts->tv_nsec = ru.ru_utime.tv_usec * 1000;
    return 0;
}

static enum sys_action put_ts(struct tracee *t, struct sysc *sc, uint64_t addr,
                              const struct fbsd_timespec *ts)
{
    if (addr && guest_write(t, addr, ts, sizeof *ts) < 0)
        return sysc_done(sc, -EFAULT);
    return sysc_done(sc, 0);
}

/* clock_gettime(clockid_t clock_id, struct timespec *tp) */
enum sys_action fbsd_sys_clock_gettime(struct tracee *t, struct sysc *sc)
{
    uint32_t clk = (uint32_t)sc->args[0];
    if (clk == FBSD_CLOCK_VIRTUAL) {
        struct fbsd_timespec ts;
        long r = virtual_time(t, &ts);
        return r < 0 ? sysc_done(sc, r) : put_ts(t, sc, sc->args[1], &ts);
    }
    long host = fbsd_clock_to_linux(clk);
    if (host == -1)
        return sysc_done(sc, -EINVAL);
    sysc_set_arg(t, 0, (uint64_t)host);
    sysc_set_host_nr(t, __NR_clock_gettime);
    return SYS_PASS;
}

/* CLOCK_SECOND counts whole seconds. */
void fbsd_sys_clock_gettime_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret != 0 || !fbsd_clock_whole_seconds((int)(uint32_t)sc->args[0]))
        return;
    int64_t zero = 0;
    if (guest_write(t, sc->args[1] + 8, &zero, sizeof zero) < 0)
        sc->ret = -EFAULT;
}

/* clock_getres(clockid_t clock_id, struct timespec *tp) */
enum sys_action fbsd_sys_clock_getres(struct tracee *t, struct sysc *sc)
{
    uint32_t clk = (uint32_t)sc->args[0];
    if (clk == FBSD_CLOCK_SECOND) {
        struct fbsd_timespec ts = { 1, 0 };
        return put_ts(t, sc, sc->args[1], &ts);
    }
    if (clk == FBSD_CLOCK_VIRTUAL) {
        struct fbsd_timespec ts = { 0, 1000 };
        return put_ts(t, sc, sc->args[1], &ts);
    }
    long host = fbsd_clock_to_linux(clk);
    if (host == -1)
        return sysc_done(sc, -EINVAL);
    sysc_set_arg(t, 0, (uint64_t)host);
    sysc_set_host_nr(t, __NR_clock_getres);
    return SYS_PASS;
}

/* The error number as the result (positive, carry clear).  Linux's restart
 * codes stay: the kernel restarts the sleep itself. */
static long posix_error(long ret)
{
    if (ret < 0 && !(ret <= -512 && ret >= -516))
        return fbsd_errno_from_linux((int)-ret);
    return ret;
}

/* clock_nanosleep(clockid_t clock_id, int flags, const struct timespec *rqtp,
 *                 struct timespec *rmtp) */
enum sys_action fbsd_sys_clock_nanosleep(struct tracee *t, struct sysc *sc)
{
    uint32_t clk = (uint32_t)sc->args[0];
    long host = fbsd_clock_to_linux(clk);
    if ((sc->args[1] & ~(uint64_t)FBSD_TIMER_ABSTIME) != 0 || host == -1 ||
        clk == FBSD_CLOCK_VIRTUAL)
        return sysc_done(sc, posix_error(-EINVAL));
    sysc_set_arg(t, 0, (uint64_t)host);
    sysc_set_host_nr(t, __NR_clock_nanosleep);
    return SYS_PASS;
}

void fbsd_sys_clock_nanosleep_exit(struct tracee *t, struct sysc *sc)
{
    fbsd_restart_as_guest(t, sc);
    sc->ret = posix_error(sc->ret);
}
