/* The FreeBSD personality's per-process state registry (see pstate.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "personalities/freebsd/pstate.h"
#include "tracer/tracee.h"
/* procfs_read: /proc as the tracer numbers pids (the tracer's pid namespace),
 * the only view in which t->tgid means something. */
#include "tracer/supervisor.h"

static struct fbsd_pstate **reg;
static size_t nreg, capreg;

/* Start time (field 22 of /proc/PID/stat) and parent pid (field 4); false when
 * the process is gone. */
static bool proc_ids(pid_t pid, uint64_t *start, pid_t *ppid)
{
    char buf[1024];
    if (procfs_read(pid, "stat", buf, sizeof buf) <= 0)
        return false;
    char *p = strrchr(buf, ')');    /* the command name may hold spaces */
    if (!p)
        return false;
    char state;
    int pp;
    unsigned long long st = 0;
    /* ") S ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime
     *  stime cutime cstime priority nice threads itrealvalue starttime" */
    if (sscanf(p + 1, " %c %d %*d %*d %*d %*d %*u %*u %*u %*u %*u %*u %*u %*d %*d %*d %*d %*d %*d %llu",
               &state, &pp, &st) != 3)
        return false;
    *start = st;
    if (ppid)
        *ppid = pp;
    return true;
}

static struct fbsd_pstate *lookup(pid_t tgid, uint64_t start)
{
    for (size_t i = 0; i < nreg; i++)
        if (reg[i]->tgid == tgid && reg[i]->start == start)
            return reg[i];
    return NULL;
}

/* Drops the entries of processes that are gone (or whose pid was reused). */
static void sweep(void)
{
    size_t j = 0;
    for (size_t i = 0; i < nreg; i++) {
        uint64_t st;
        if (proc_ids(reg[i]->tgid, &st, NULL) && st == reg[i]->start)
            reg[j++] = reg[i];
        else
            free(reg[i]);
    }
    nreg = j;
}

static struct fbsd_pstate *add(pid_t tgid, uint64_t start, const struct fbsd_pstate *from)
{
    sweep();
    if (nreg == capreg) {
        size_t cap = capreg ? capreg * 2 : 16;
        struct fbsd_pstate **n = realloc(reg, cap * sizeof *n);
        if (!n)
            return NULL;
        reg = n;
        capreg = cap;
    }
    struct fbsd_pstate *s = from ? malloc(sizeof *s) : calloc(1, sizeof *s);
    if (!s)
        return NULL;
    if (from)
        *s = *from;
    s->tgid = tgid;
    s->start = start;
    s->exec_pending = false;
    reg[nreg++] = s;
    return s;
}

void fbsd_pstate_exec(struct fbsd_pstate *s)
{
    for (int i = 0; i <= FBSD_NSIG; i++)
        s->sig[i].set = false;
    s->exec_pending = false;
}

struct fbsd_pstate *fbsd_pstate(struct tracee *t)
{
    struct fbsd_pstate *s = t->pstate;
    if (!s) {
        uint64_t start = 0, pstart;
        pid_t ppid = 0;
        proc_ids(t->tgid, &start, &ppid);
        s = lookup(t->tgid, start);
        if (!s) {
            struct fbsd_pstate *parent = NULL;
            if (ppid > 0 && proc_ids(ppid, &pstart, NULL))
                parent = lookup(ppid, pstart);
            s = add(t->tgid, start, parent);
            if (!s)
                return NULL;
        }
        t->pstate = s;
    }
    /* The execve seen last succeeded (its exit stop, which clears the flag on
     * failure, never came): the process runs a new program. */
    if (s->exec_pending && !t->exec_pending)
        fbsd_pstate_exec(s);
    return s;
}
