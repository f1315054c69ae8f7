/* Where the supervisor runs.  A ptrace stop costs a round trip between tracee and
 * tracer; measured on the project's VMs it is ~15 us when both run on one CPU and
 * ~105 us when they do not (the cross-CPU wakeups dominate).  So by default
 * (LSL2_PLACEMENT=same) the tracer pins itself to the CPU where the guest runs
 * while the guest is a single thread — nothing is serialised then, the tracee and
 * the tracer never run at the same time — and returns to its original CPU set as
 * soon as there are several guest threads, so that they can stop and be served in
 * parallel.  The guest's own affinity is never changed (a guest must see its real
 * CPU set: nproc, GOMAXPROCS).  LSL2_PLACEMENT=any leaves placement to the scheduler. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tracer/supervisor.h"

static bool same_cpu;
static bool pinned;
static cpu_set_t original;

void placement_init(void)
{
    const char *m = getenv("LSL2_PLACEMENT");
    same_cpu = !(m && strcmp(m, "any") == 0);
    pinned = false;
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

void placement_update(pid_t some_tid)
{
    if (!same_cpu)
        return;
    if (sv.ntracees == 1) {
        if (pinned)
            return;
        pid_t tid = some_tid;
        if (!tid || !procs_find(tid))
            tid = procs_first() ? procs_first()->t.tid : 0;
        int cpu = tid ? last_cpu(tid) : -1;
        if (cpu < 0)
            cpu = sched_getcpu();
        if (cpu < 0 || !CPU_ISSET(cpu, &original))
            return;
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        if (sched_setaffinity(0, sizeof one, &one) == 0)
            pinned = true;
    } else if (pinned) {
        sched_setaffinity(0, sizeof original, &original);
        pinned = false;
    }
}
