/* FreeBSD CPU sets (sys/cpuset.h) on Linux affinity masks.
 *   cpuset_getaffinity / cpuset_setaffinity(level, which, id, size, mask):
 *     CPU_LEVEL_WHICH with CPU_WHICH_TID / PID / TIDPID: the thread's or process's
 *     mask, as sched_getaffinity / sched_setaffinity run in the guest (id -1: the
 *     caller).  Setting a process's mask sets its main thread's (FreeBSD sets every
 *     thread's).  CPU_LEVEL_ROOT and CPU_LEVEL_CPUSET, and CPU_WHICH_CPUSET /
 *     CPU_WHICH_JAIL: lsl2 has one set, every online CPU — read-only.
 *     FreeBSD's cpuset_t is 256 bits (CPU_SETSIZE); Linux's call gets a 1024-bit
 *     mask in scratch memory; a guest buffer too small for a set bit is ERANGE.
 *   cpuset / cpuset_getid / cpuset_setid: one set, id 1 (cpuset() "creates" it). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/thr.h"
#include "tracer/tracee.h"

#define LINUX_MASK_BYTES 128
#define MAX_GUEST_BYTES 128      /* FreeBSD bounds the size by its CPU_MAXSIZE */
#define THE_SET 1

/* What a (level, which, id) names: a Linux thread/process id for the affinity
 * calls (0: the caller), ALL_CPUS for the one set, or -errno. */
#define ALL_CPUS (-1000)
static long target(int level, int which, int64_t id)
{
    if (level == FBSD_CPU_LEVEL_ROOT || level == FBSD_CPU_LEVEL_CPUSET)
        return ALL_CPUS;
    if (level != FBSD_CPU_LEVEL_WHICH)
        return -EINVAL;
    switch (which) {
    case FBSD_CPU_WHICH_TID:
        if (id == -1)
            return 0;
        return id > FBSD_TID_BASE && id - FBSD_TID_BASE <= 0x7fffffff ? id - FBSD_TID_BASE : -ESRCH;
    case FBSD_CPU_WHICH_PID:
        if (id == -1)
            return 0;
        return id > 0 && id < FBSD_TID_BASE ? id : -ESRCH;
    case FBSD_CPU_WHICH_TIDPID:
        if (id == -1)
            return 0;
        if (id > FBSD_TID_BASE)
            return target(level, FBSD_CPU_WHICH_TID, id);
        return target(level, FBSD_CPU_WHICH_PID, id);
    case FBSD_CPU_WHICH_CPUSET:
        return id == THE_SET || id == -1 ? ALL_CPUS : -ESRCH;
    case FBSD_CPU_WHICH_JAIL:
        return id == 0 || id == -1 ? ALL_CPUS : -ESRCH;
    default:
        return -EINVAL;   /* IRQs, NUMA domains: not a guest's business */
    }
}

static void all_cpus(uint8_t *mask)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    memset(mask, 0, LINUX_MASK_BYTES);
    for (long i = 0; i < n && i < LINUX_MASK_BYTES * 8; i++)
        mask[i / 8] |= (uint8_t)(1u << (i % 8));
}

/* Copies a Linux mask out as a FreeBSD one of len bytes: 0, -ERANGE, -EFAULT. */
static long copy_out(struct tracee *t, uint64_t addr, uint64_t len, const uint8_t *mask)
{
    uint8_t out[MAX_GUEST_BYTES];
    memset(out, 0, sizeof out);
    for (uint64_t i = 0; i < LINUX_MASK_BYTES; i++) {
        if (i < len)
            out[i] = mask[i];
        else if (mask[i])
            return -ERANGE;
    }
    return guest_write(t, addr, out, len) < 0 ? -EFAULT : 0;
}

/* cpuset_getaffinity(level, which, id, size, mask) */
enum sys_action fbsd_sys_cpuset_getaffinity(struct tracee *t, struct sysc *sc)
{
    uint64_t len = sc->args[3];
    if (len == 0 || len > MAX_GUEST_BYTES)
        return sysc_done(sc, -ERANGE);
    long who = target((int)sc->args[0], (int)sc->args[1], (int64_t)sc->args[2]);
    if (who == ALL_CPUS) {
        uint8_t mask[LINUX_MASK_BYTES];
        all_cpus(mask);
        return sysc_done(sc, copy_out(t, sc->args[4], len, mask));
    }
    if (who < 0)
        return sysc_done(sc, who);
    uint64_t scr = guest_scratch(t, LINUX_MASK_BYTES);
    if (!scr)
        return sysc_done(sc, -ENOMEM);
    sc->save[0] = scr;
    sysc_set_host_nr(t, __NR_sched_getaffinity);
    sysc_set_arg(t, 0, (uint64_t)who);
    sysc_set_arg(t, 1, LINUX_MASK_BYTES);
    sysc_set_arg(t, 2, scr);
    return SYS_PASS;
}

void fbsd_sys_cpuset_getaffinity_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0)
        return;
    uint8_t mask[LINUX_MASK_BYTES];
    memset(mask, 0, sizeof mask);
    if (guest_read(t, sc->save[0], mask, (size_t)sc->ret < sizeof mask ? (size_t)sc->ret : sizeof mask) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    sc->ret = copy_out(t, sc->args[4], sc->args[3], mask);
}

/* cpuset_setaffinity(level, which, id, size, mask) */
enum sys_action fbsd_sys_cpuset_setaffinity(struct tracee *t, struct sysc *sc)
{
    uint64_t len = sc->args[3];
    if (len == 0 || len > MAX_GUEST_BYTES)
        return sysc_done(sc, -ERANGE);
    uint8_t mask[LINUX_MASK_BYTES];
    memset(mask, 0, sizeof mask);
    if (guest_read(t, sc->args[4], mask, len) < 0)
        return sysc_done(sc, -EFAULT);
    bool empty = true;
    for (size_t i = 0; i < sizeof mask; i++)
        if (mask[i])
            empty = false;
    if (empty)
        return sysc_done(sc, -EDEADLK);   /* FreeBSD's answer to an empty set */
    long who = target((int)sc->args[0], (int)sc->args[1], (int64_t)sc->args[2]);
    if (who == ALL_CPUS) {
        /* the one set cannot shrink; asking for all of it again is fine */
        uint8_t all[LINUX_MASK_BYTES];
        all_cpus(all);
        return sysc_done(sc, memcmp(all, mask, sizeof all) == 0 ? 0 : -EPERM);
    }
    if (who < 0)
        return sysc_done(sc, who);
    uint64_t scr = guest_scratch(t, LINUX_MASK_BYTES);
    if (!scr || guest_write(t, scr, mask, sizeof mask) < 0)
        return sysc_done(sc, -ENOMEM);
    sysc_set_host_nr(t, __NR_sched_setaffinity);
    sysc_set_arg(t, 0, (uint64_t)who);
    sysc_set_arg(t, 1, LINUX_MASK_BYTES);
    sysc_set_arg(t, 2, scr);
    return SYS_PASS;
}

/* cpuset(cpusetid_t *setid): a new set — here the one set. */
enum sys_action fbsd_sys_cpuset(struct tracee *t, struct sysc *sc)
{
    int32_t id = THE_SET;
    return sysc_done(sc, guest_write(t, sc->args[0], &id, sizeof id) < 0 ? -EFAULT : 0);
}

/* cpuset_setid(which, id, setid): only processes join sets, as on FreeBSD. */
enum sys_action fbsd_sys_cpuset_setid(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if ((int)sc->args[0] != FBSD_CPU_WHICH_PID)
        return sysc_done(sc, -EINVAL);
    return sysc_done(sc, (int32_t)sc->args[2] == THE_SET ? 0 : -ESRCH);
}

/* cpuset_getid(level, which, id, cpusetid_t *setid) */
enum sys_action fbsd_sys_cpuset_getid(struct tracee *t, struct sysc *sc)
{
    long who = target((int)sc->args[0], (int)sc->args[1], (int64_t)sc->args[2]);
    if (who < 0 && who != ALL_CPUS)
        return sysc_done(sc, who);
    int32_t id = THE_SET;
    return sysc_done(sc, guest_write(t, sc->args[3], &id, sizeof id) < 0 ? -EFAULT : 0);
}
