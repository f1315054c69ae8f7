/* Per-process and per-thread state of the FreeBSD personality: what a FreeBSD
 * process has that the Linux kernel does not keep for it.  Its lifetime follows the
 * personality hooks the supervisor calls (personality.h): a new thread shares its
 * process's state, a new process gets a copy, execve resets what FreeBSD's exec
 * resets, and the last task of a process frees it. */
#ifndef LSL2_PERSONALITIES_FREEBSD_PSTATE_H
#define LSL2_PERSONALITIES_FREEBSD_PSTATE_H

#include <stdbool.h>
#include <stdint.h>
#include "abi/freebsd/signal.h"

struct tracee;
struct fbsd_kqset;

/* Per-thread signal state (signal*.c). */
struct fbsd_sigthread {
    bool     alt_enabled;       /* sigaltstack set and not SS_DISABLE */
    uint64_t alt_sp, alt_size;
    bool     suspend_valid;     /* in sigsuspend: the mask it replaced */
    uint64_t suspend_mask;      /* (Linux bits) */
    uint64_t restart_rip;       /* a call ended in ERESTART_RESTARTBLOCK here: #219 restarts it */
};

/* A handler recorded by sigaction. */
struct fbsd_sigrec {
    bool     set;               /* a handler function (not SIG_DFL/SIG_IGN) */
    struct fbsd_sigaction act;  /* as the guest gave it */
};

/* Shared by the threads of one process. */
struct fbsd_pstate {
    int      refs;              /* tasks pointing here */
    struct fbsd_sigrec sig[FBSD_NSIG + 1];
    struct fbsd_kqset *kq;      /* kqueues (kqueue.h); not inherited by fork */
    uint64_t sigcode;           /* signal.c: guest address of the sigreturn trampoline (0: not mapped yet) */
    uint64_t thr_wake_words;    /* thr_suspend.c: guest address of the wake-up words (0: not mapped yet) */
    uint64_t umtx_code;         /* umtx_pi.c: guest address of the mutex-lock routine (0: not mapped yet) */
};

/* One thread's own. */
struct fbsd_tstate {
    int      unused_;           /* domains add their per-thread fields here */
    int32_t  thr_id;            /* thread.c, umtx*.c: the FreeBSD thread id (0: not known yet) */
    uint64_t umtx_robust[3];    /* umtx.c: ROBUST_LISTS offsets, as the thread gave them */
    struct fbsd_sigthread sigt; /* signal*.c: alternate stack, sigsuspend mask, restart */
};

/* The state of t's process / thread, created on first use; NULL only when out of
 * memory. */
struct fbsd_pstate *fbsd_pstate(struct tracee *t);
struct fbsd_tstate *fbsd_tstate(struct tracee *t);

/* The personality hooks (personality.h). */
void *fbsd_task_new(struct tracee *creator, struct tracee *child, bool thread);
void  fbsd_task_exec(struct tracee *t);
void  fbsd_task_gone(struct tracee *t);

#endif
