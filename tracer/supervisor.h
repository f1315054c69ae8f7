/* Private interfaces between the supervisor's files (not for handlers: they use
 * tracer/tracee.h).  One global supervisor: lsl2 traces one guest tree at a time. */
#ifndef LSL2_SUPERVISOR_H
#define LSL2_SUPERVISOR_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "tracer/tracee.h"
#include "tracer/tracer.h"

/* State shared by the threads of one process (thread group). */
struct tgroup {
    pid_t     tgid;
    int       refs;          /* tnodes pointing here */
    int       nthreads;      /* live threads */
    uint64_t *unimpl_seen;   /* bitmap of syscall numbers reported unimplemented (-d) */
    size_t    unimpl_words;
};

/* A traced thread: the handler-visible tracee plus the tracer's own bookkeeping. */
struct tnode {
    struct tracee  t;        /* first member: a struct tracee * converts back */
    struct tgroup *g;
    bool     startup;        /* before the first execve: swallow our own SIGCONT */
    bool     want_exit;      /* the current syscall's exit stop must be seen */
    bool     args_changed;   /* an argument register was rewritten at entry */
    bool     nr_changed;     /* the syscall number was rewritten at entry */
    bool     group_stopped;  /* in a group-stop, listening */
    bool     unfinished;     /* trace line of a syscall that never saw its exit */
    bool     traced;         /* the current syscall is shown by --trace */
    bool     exec_done;      /* the current execve succeeded (PTRACE_EVENT_EXEC seen) */
    /* A new task and its creator's fork/clone event arrive in either order; the
     * personality's task_new runs once both are stopped (loop.c), the first one
     * seen is held meanwhile. */
    bool     new_held;       /* first stop seen, creator's event not yet: not resumed */
    bool     new_pending;    /* adopted at the creator's event, first stop not yet seen */
    pid_t    new_creator;    /* new_pending: the creator, held at its event (0: gone) */
    pid_t    new_child;      /* this creator is held until new_child's first stop */
    pid_t    new_ppid;       /* parent at adoption (finds the creator group of a held task) */
    struct tnode *all_next, *all_prev;  /* list of every tnode */
};

static inline struct tnode *tnode_of(struct tracee *t) { return (struct tnode *)t; }

struct supervisor {
    const struct tracer_config *cfg;
    bool     filtered;               /* the seccomp filter is installed in the guest tree */
    const struct personality *filter_pers;  /* personality the filter was built for */
    pid_t    first;                  /* the initial guest process */
    int      first_status;           /* its wait status, once gone */
    bool     first_gone;
    int      ntracees;               /* live traced threads */
};
extern struct supervisor sv;

/* procfs.c: procfs_open, procfs_read and procfs_open_at are declared in tracee.h. */

/* procs.c: the table of tracees, hashed by tid. */
struct tnode *procs_find(pid_t tid);
/* Adds tid, in thread group tgid (created when new). */
struct tnode *procs_add(pid_t tid, pid_t tgid);
void procs_remove(struct tnode *n);
/* Moves n to another tid (the thread-group-leader change at exec). */
void procs_retid(struct tnode *n, pid_t tid);
struct tnode *procs_first(void);
/* Frees everything (end of tracer_run). */
void procs_clear(void);
/* Whether number nr was already reported unimplemented for this process; marks it. */
bool procs_unimpl_seen(struct tgroup *g, long nr);

/* regs.c: drops the cached registers (a new stop began). */
void regs_invalidate(struct tracee *t);

/* scratch.c */
void scratch_reset(struct tracee *t);

/* dispatch.c: syscall stops. */
void dispatch_entry(struct tracee *t);
void dispatch_exit(struct tracee *t);
/* The table entry of guest syscall nr, NULL when the personality has none. */
const struct syscall_ent *dispatch_lookup(const struct personality *p, long nr);
/* Whether this personality's processes need every syscall stop (no filter for them). */
bool dispatch_needs_all_stops(const struct personality *p);

/* exec.c: PTRACE_EVENT_EXEC for n; returns the node now holding the exec'd thread. */
struct tnode *exec_event(struct tnode *n);
/* The personality of the program running in tid (its ELF brand); fallback when unknown. */
const struct personality *exec_choose_personality(pid_t tid, const struct personality *fallback);

/* signals.c: a signal-delivery-stop of t for host signal sig. */
void signal_delivery(struct tracee *t, int sig);

/* resume.c */
/* Restarts t after a stop, injecting sig (0: none); flushes registers first. */
void resume(struct tracee *t, int sig);

/* crash.c: at the delivery of a fatal fault signal under -d. */
void crash_report(struct tracee *t, int sig, const siginfo_t *si);
/* Whether sig, delivered now to t, will kill it (default action, not caught or ignored). */
bool signal_is_fatal_default(pid_t tid, int sig);

/* placement.c: where the supervisor runs relative to its tracees. */
void placement_init(void);
void placement_update(pid_t some_tid);
/* Around each syscall of a tracee (host number): keeps the pin invisible. */
void placement_syscall_entry(struct tracee *t, long host_nr);
void placement_syscall_exit(struct tracee *t, long host_nr);

/* spawn.c: whether the guest tree runs under the seccomp filter. */
bool tracer_filter_wanted(const struct tracer_config *cfg);

/* seccomp.c: the filter for personality p; 0 or -errno. */
int seccomp_install(const struct personality *p);
/* Whether the filter for p would stop at guest syscall nr. */
bool seccomp_traces(const struct personality *p, long nr);

/* inject.c: deferred wait statuses (collected while waiting on one tid). */
bool deferred_pop(pid_t *pid, int *status);
void deferred_push(pid_t pid, int status);

#endif
