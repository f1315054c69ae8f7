/* Where the supervisor runs.  A ptrace stop is a round trip between tracee and
 * tracer; measured on the project's 2-CPU VMs it costs ~7 us when both run on one
 * CPU and ~100 us or more when they do not (cross-CPU wakeups of idle vCPUs
 * dominate).  Pinning only the tracer is not enough: the scheduler still wakes the
 * tracee on the idle CPU.  So by default (LSL2_PLACEMENT=same), while the guest is
 * a single thread whose every syscall stops (FreeBSD, --trace), the tracer and that
 * thread are pinned to the CPU the thread last ran on.  Nothing is serialised by
 * this: the two never run at the same time.  As soon as there is a second guest
 * thread or process, every tracee and the tracer get their original CPU set back, so
 * that several guest threads run and stop in parallel.  Guests under the seccomp
 * filter are not pinned: they rarely stop.  The pin is hidden from the guest:
 * sched_getaffinity reports the original set, and a guest's own sched_setaffinity
 * ends placement for the run (its choice wins).  /proc/self/status still shows the
 * pin.  LSL2_PLACEMENT=any leaves placement to the scheduler. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tracer/supervisor.h"

static bool same_cpu, disabled;
static bool pinned;        /* the tracer is pinned */
static pid_t pinned_tid;   /* and so is this tracee */
static cpu_set_t original;

void placement_init(void)
{
    const char *m = getenv("LSL2_PLACEMENT");
    same_cpu = !(m && strcmp(m, "any") == 0);
    disabled = pinned = false;
    pinned_tid = 0;
    if (sched_getaffinity(0, sizeof original, &original) < 0)
        same_cpu = false;
}

/* The CPU a thread last ran on: field 39 of /proc/TID/stat. */
static int last_cpu(pid_t tid)
{
    char buf[1024];
    if (procfs_read(tid, "stat", buf, sizeof buf) <= 0)
        return -1;
    char *p = strrchr(buf, ')');   /* the command name may hold spaces */
    if (!p)
        return -1;
    int field = 2;
    for (; *p && field < 39; p++)
        if (*p == ' ')
            field++;
    return *p ? atoi(p) : -1;
}

static void unpin(void)
{
    if (!pinned)
        return;
    /* Every tracee: a child created while its parent was pinned inherited the pin
     * (new tracees cannot run before they are adopted, so all are listed). */
    for (struct tnode *n = procs_first(); n; n = n->all_next)
        sched_setaffinity(n->t.tid, sizeof original, &original);
    sched_setaffinity(0, sizeof original, &original);
    pinned = false;
    pinned_tid = 0;
}

void placement_update(pid_t some_tid)
{
    (void)some_tid;
    if (!same_cpu || disabled)
        return;
    struct tnode *only = sv.ntracees == 1 ? procs_first() : NULL;
    if (!only || !dispatch_needs_all_stops(only->t.pers)) {
        unpin();
        return;
    }
    if (pinned && pinned_tid == only->t.tid)
        return;
    unpin();
    int cpu = last_cpu(only->t.tid);
    if (cpu < 0 || !CPU_ISSET(cpu, &original))
        cpu = sched_getcpu();
    if (cpu < 0 || !CPU_ISSET(cpu, &original))
        return;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    if (sched_setaffinity(0, sizeof one, &one) < 0)
        return;
    pinned = true;
    if (sched_setaffinity(only->t.tid, sizeof one, &one) == 0)
        pinned_tid = only->t.tid;
}

void placement_syscall_entry(struct tracee *t, long host_nr)
{
    (void)t;
    if (pinned && host_nr == SYS_sched_setaffinity) {
        unpin();
        disabled = true;
    }
}

void placement_syscall_exit(struct tracee *t, long host_nr)
{
    if (!pinned || t->tid != pinned_tid || host_nr != SYS_sched_getaffinity)
        return;
    struct user_regs_struct *r = tracee_regs(t);
    if (!r || (long)r->rax <= 0)
        return;
    size_t n = (size_t)r->rax < sizeof original ? (size_t)r->rax : sizeof original;
    guest_write(t, r->rdx, &original, n);
}
