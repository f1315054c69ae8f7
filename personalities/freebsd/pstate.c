/* The FreeBSD personality's per-process and per-thread state (see pstate.h). */
#include <stdlib.h>
#include <string.h>
#include "personalities/freebsd/pstate.h"
#include "tracer/tracee.h"
#include "personalities/freebsd/thread.h"
#include "personalities/freebsd/kqueue.h"

struct fbsd_pstate *fbsd_pstate(struct tracee *t)
{
    if (!t->pstate) {
        struct fbsd_pstate *s = calloc(1, sizeof *s);
        if (!s)
            return NULL;
        s->refs = 1;
        t->pstate = s;
    }
    return t->pstate;
}

struct fbsd_tstate *fbsd_tstate(struct tracee *t)
{
    if (!t->tstate)
        t->tstate = calloc(1, sizeof(struct fbsd_tstate));
    return t->tstate;
}

void *fbsd_task_new(struct tracee *creator, struct tracee *child, bool thread)
{
    (void)creator;
    child->tstate = NULL;
    if (thread)
        fbsd_thr_child_start(creator, child);   /* thr_new's start registers (thread.c) */
    if (!thread && creator && creator->tstate && fbsd_tstate(child)) {
        /* fork keeps the calling thread's alternate signal stack (signal*.c) */
        const struct fbsd_sigthread *ft = &((struct fbsd_tstate *)creator->tstate)->sigt;
        struct fbsd_sigthread *ct = &((struct fbsd_tstate *)child->tstate)->sigt;
        ct->alt_enabled = ft->alt_enabled;
        ct->alt_sp = ft->alt_sp;
        ct->alt_size = ft->alt_size;
    }
    if (creator && creator->tstate && fbsd_tstate(child)) {
        /* the robust mutex lists are copied by fork and thread creation alike
         * (FreeBSD's td_rb_* are in struct thread's copied part) */
        const struct fbsd_tstate *fs = creator->tstate;
        struct fbsd_tstate *cs = child->tstate;
        memcpy(cs->umtx_robust, fs->umtx_robust, sizeof cs->umtx_robust);
    }
    struct fbsd_pstate *from = child->pstate;   /* the supervisor copied the pointer */
    if (!from)
        return NULL;                            /* made on first use */
    if (thread) {
        from->refs++;
        return from;
    }
    /* fork: the child starts with a copy of its parent's dispositions */
    struct fbsd_pstate *s = malloc(sizeof *s);
    if (!s)
        return NULL;
    *s = *from;
    s->refs = 1;
    s->kq = fbsd_kq_fork(from->kq);             /* kqueues are not inherited */
    if (s->thr_wake_words)                      /* the child's thread starts with no wake-up pending */
        fbsd_thr_wake_clear(child, fbsd_guest_tid(child->tid));
    return s;
}

void fbsd_task_exec(struct tracee *t)
{
    /* FreeBSD's exec resets caught signals to SIG_DFL (ignored ones stay ignored) */
    struct fbsd_pstate *s = t->pstate;
    if (s)
        for (int i = 0; i <= FBSD_NSIG; i++)
            s->sig[i].set = false;
    if (s)
        fbsd_kq_exec(t, s->kq);                 /* drops kqueues whose descriptor exec closed */
    if (s)
        s->sigcode = 0;     /* a new address space: the trampoline is mapped again when needed */
    if (s)
        s->thr_wake_words = 0;  /* likewise thr_suspend's wake-up words */
    if (s)
        s->umtx_code = 0;       /* and the mutex-lock routine (umtx_pi.c) */
    free(t->tstate);
    t->tstate = NULL;
}

void fbsd_task_gone(struct tracee *t)
{
    struct fbsd_pstate *s = t->pstate;
    if (s && --s->refs == 0) {
        fbsd_kq_free(s->kq);
        free(s);
    }
    t->pstate = NULL;
    free(t->tstate);
    t->tstate = NULL;
}
