/* Per-process state of the FreeBSD personality (t->pstate): what a FreeBSD
 * process has that the Linux kernel does not keep for it.
 *
 * The tracer shares t->pstate between the threads of a process, but gives a new
 * process (fork) a NULL one and has no hook to free it.  Until it has (a
 * personality "fork: copy" and "gone: free" pair), this file keeps every state in
 * a registry keyed by (tgid, start time): a process with none copies its parent's
 * (found through /proc's PPid) when it first needs one, and the entries of
 * processes that are gone are swept whenever a state is created.  The copy is
 * taken at that first use, not at the fork itself: a parent that changes its
 * state in between gives the child the newer state. */
#ifndef LSL2_PERSONALITIES_FREEBSD_PSTATE_H
#define LSL2_PERSONALITIES_FREEBSD_PSTATE_H

#include <stdbool.h>
#include <stdint.h>
#include "abi/freebsd/signal.h"

struct tracee;

/* A handler recorded by sigaction: installed on Linux only when delivery is
 * written (issue 5). */
struct fbsd_sigrec {
    bool     set;               /* a handler function (not SIG_DFL/SIG_IGN) */
    struct fbsd_sigaction act;  /* as the guest gave it */
};

struct fbsd_pstate {
    int32_t  tgid;
    uint64_t start;             /* /proc/PID/stat starttime: tells a reused pid */
    bool     exec_pending;      /* an execve entry was seen; cleared when it fails */
    struct fbsd_sigrec sig[FBSD_NSIG + 1];
};

/* The state of t's process (created, or copied from its parent's, on first use);
 * NULL only when out of memory. */
struct fbsd_pstate *fbsd_pstate(struct tracee *t);

/* What an exec changes: recorded handlers are dropped (FreeBSD resets caught
 * signals to SIG_DFL at exec). */
void fbsd_pstate_exec(struct fbsd_pstate *s);

#endif
