/* The supervisor's wait loop: every stop of every traced thread comes through
 * waitpid(-1, __WALL) and is sent to the handler for its kind.
 *
 * Tracees are held under PTRACE_SEIZE semantics, so that a group-stop (SIGSTOP,
 * SIGTSTP, ...) is told apart from a signal-delivery-stop and can be kept with
 * PTRACE_LISTEN: a stopped guest really stays stopped until SIGCONT.  The child
 * stops itself with PTRACE_TRACEME + SIGSTOP (which also works when it is the init
 * of a PID namespace, where a plain SIGSTOP to itself would be dropped); we then
 * detach it into a job-control stop, re-attach with PTRACE_SEIZE and continue it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tracer/supervisor.h"
#include "tracer/trace.h"

struct supervisor sv;

static int exit_code(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return EXIT_FAILURE;
}

static bool is_stop_signal(int sig)
{
    return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* Tgid and PPid of a thread, from /proc (the tracer's own view of pids). */
static void read_ids(pid_t tid, pid_t *tgid, pid_t *ppid)
{
    char buf[1024];
    *tgid = tid;
    *ppid = 0;
    if (procfs_read(tid, "status", buf, sizeof buf) <= 0)
        return;
    char *p = strstr(buf, "\nTgid:");
    if (p)
        *tgid = (pid_t)atoi(p + 6);
    p = strstr(buf, "\nPPid:");
    if (p)
        *ppid = (pid_t)atoi(p + 6);
}

/* A thread seen for the first time: at its parent's fork/clone event, or at its own
 * first stop when that comes first.  A new thread shares its group's personality
 * state; a new process gets its parent's personality and fresh state.  The
 * personality's task_new hook is not called here but by adopt_finish, once both the
 * creator (at its event) and the child (at its first stop) are stopped: a FreeBSD
 * thr_new reads the creator's syscall to set the child's start registers. */
static struct tnode *adopt_begin(pid_t tid, struct tnode *parent)
{
    pid_t tgid, ppid;
    read_ids(tid, &tgid, &ppid);
    struct tnode *same = tgid != tid ? procs_find(tgid) : NULL;
    if (!same && tgid != tid)    /* the leader may be gone already: any thread of the group */
        for (struct tnode *x = procs_first(); x; x = x->all_next)
            if (x->t.tgid == tgid) { same = x; break; }
    if (!parent)
        parent = procs_find(ppid);
    struct tnode *n = procs_add(tid, tgid);
    n->new_ppid = ppid;
    if (same) {
        n->t.pers = same->t.pers;
        n->t.pstate = same->t.pstate;
        n->startup = same->startup;
    } else if (parent) {
        n->t.pers = parent->t.pers;
        n->startup = parent->startup;
    } else {
        n->t.pers = sv.cfg->pers;
    }
    n->t.attached = true;
    placement_update(tid);
    return n;
}

/* The personality's state for n: shared by a thread, copied for a process — the
 * hook finds the creating process's state in the child's pstate and decides.
 * creator: the task whose fork/clone event made n, stopped there (NULL: unknown). */
static void adopt_finish(struct tnode *n, struct tnode *creator)
{
    struct tnode *from = creator;
    if (!from) {
        for (struct tnode *x = procs_first(); x && !from; x = x->all_next)
            if (x != n && x->t.tgid == n->t.tgid)
                from = x;
        if (!from)
            from = procs_find(n->new_ppid);
    }
    if (from && n->t.pers == from->t.pers && n->t.pers->task_new) {
        bool thread = from->t.tgid == n->t.tgid;
        n->t.pstate = from->t.pstate;
        n->t.pstate = n->t.pers->task_new(creator ? &creator->t : NULL, &n->t, thread);
    }
}

/* The first stop of n, adopted at its creator's event: the hook runs now that both
 * are stopped, and the creator goes on. */
static void first_stop(struct tnode *n)
{
    struct tnode *c = n->new_creator ? procs_find(n->new_creator) : NULL;
    if (c && c->new_child != n->t.tid)
        c = NULL;
    n->new_pending = false;
    n->new_creator = 0;
    adopt_finish(n, c);
    if (c) {
        c->new_child = 0;
        resume(&c->t, 0);
    }
}

/* n is going: whatever waits on it is let go.  A child that never stopped frees its
 * held creator; a creator that dies before its event leaves its child to be adopted
 * without it.  When the last thread of a process goes, its fork event can no longer
 * come (killed inside fork): held children of that process go on without it. */
static void release_waiters(struct tnode *n)
{
    if (n->new_pending && n->new_creator) {
        struct tnode *c = procs_find(n->new_creator);
        if (c && c->new_child == n->t.tid) {
            c->new_child = 0;
            resume(&c->t, 0);
        }
    }
    if (n->new_child) {
        struct tnode *c = procs_find(n->new_child);
        if (c && c->new_pending)
            c->new_creator = 0;
    }
    if (n->g->nthreads > 1)
        return;
    for (struct tnode *h = procs_first(); h; h = h->all_next)
        if (h != n && h->new_held &&
            (h->t.tgid == n->t.tgid || (h->t.tid == h->t.tgid && h->new_ppid == n->t.tgid))) {
            h->new_held = false;
            adopt_finish(h, NULL);
            resume(&h->t, 0);
        }
}

static void gone(pid_t pid, int status)
{
    struct tnode *n = procs_find(pid);
    if (n) {
        release_waiters(n);
        FILE *tr = sv.cfg->trace;
        if (tr && !n->startup) {
            if (n->unfinished)
                trace_syscall_noreturn(tr, &n->t);
            trace_exit(tr, pid, n->t.pers, status);
        }
        if (n->t.pers->task_gone)
            n->t.pers->task_gone(&n->t);
        procs_remove(n);
        placement_update(0);
    }
    if (pid == sv.first) {
        sv.first_gone = true;
        sv.first_status = status;
    }
}

static void event(struct tnode *n, int ev)
{
    unsigned long msg = 0;
    switch (ev) {
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE:
        if (ptrace(PTRACE_GETEVENTMSG, n->t.tid, 0, &msg) == 0) {
            struct tnode *c = procs_find((pid_t)msg);
            if (!c) {
                /* the child has not stopped yet: n waits for it, stopped (first_stop) */
                c = adopt_begin((pid_t)msg, n);
                c->new_pending = true;
                c->new_creator = n->t.tid;
                n->new_child = c->t.tid;
                return;
            }
            if (c->new_held) {   /* it stopped first and waited for this event */
                c->new_held = false;
                adopt_finish(c, n);
                resume(&c->t, 0);
            }
        }
        break;
    case PTRACE_EVENT_EXEC:
        n = exec_event(n);
        break;
    case PTRACE_EVENT_SECCOMP:
        if (!n->t.in_syscall) {   /* else: a seccomp stop after our own syscall-entry-stop */
            n->t.seccomp_stop = true;
            dispatch_entry(&n->t);
        }
        break;
    default:   /* VFORK_DONE, EXIT: nothing to do */
        break;
    }
    resume(&n->t, 0);
}

static void stopped(pid_t pid, int status)
{
    int sig = WSTOPSIG(status), ev = (unsigned)status >> 16;
    struct tnode *n = procs_find(pid);
    if (!n) {
        /* reported before its parent's fork/clone event */
        n = adopt_begin(pid, NULL);
        if (ev == PTRACE_EVENT_STOP && !is_stop_signal(sig)) {
            n->new_held = true;   /* the event comes next: adopt_finish then resumes it */
            return;
        }
        adopt_finish(n, NULL);
    }
    struct tracee *t = &n->t;
    regs_invalidate(t);
    t->seccomp_stop = false;

    if (ev == PTRACE_EVENT_STOP && n->new_pending)
        first_stop(n);
    if (ev == PTRACE_EVENT_STOP) {
        if (is_stop_signal(sig)) {
            /* group-stop: stay stopped, but let the kernel tell us about SIGCONT */
            n->group_stopped = true;
            ptrace(PTRACE_LISTEN, pid, 0, 0);
        } else {
            n->group_stopped = false;   /* first stop of a new tracee, or woken from a group-stop */
            resume(t, 0);
        }
        return;
    }
    if (ev) {
        event(n, ev);
        return;
    }
    if (sig == (SIGTRAP | 0x80)) {
        if (t->in_syscall)
            dispatch_exit(t);
        else
            dispatch_entry(t);
        resume(t, 0);
        return;
    }
    signal_delivery(t, sig);
}

static void handle(pid_t pid, int status)
{
    if (WIFEXITED(status) || WIFSIGNALED(status))
        gone(pid, status);
    else if (WIFSTOPPED(status))
        stopped(pid, status);
}

/* The child stopped itself in tracer_child_prepare (PTRACE_TRACEME + SIGSTOP).
 * Re-attach it with PTRACE_SEIZE; returns 0, or the exit status to report. */
static int seize_child(pid_t child, int opts)
{
    int st;
    if (waitpid(child, &st, __WALL) < 0)
        return 125;
    if (!WIFSTOPPED(st))
        return exit_code(st);   /* it failed before stopping */
    if (ptrace(PTRACE_DETACH, child, 0, SIGSTOP) < 0)
        goto fail;
    do {
        if (waitpid(child, &st, WUNTRACED | __WALL) < 0)
            goto fail;
        if (!WIFSTOPPED(st))
            return exit_code(st);
    } while (WSTOPSIG(st) != SIGSTOP);
    if (ptrace(PTRACE_SEIZE, child, 0, opts) < 0)
        goto fail;
    kill(child, SIGCONT);   /* the SIGCONT delivery is swallowed (startup) */
    return 0;
fail:
    fprintf(stderr, "lsl2: cannot trace the guest: %s\n", strerror(errno));
    kill(child, SIGKILL);
    waitpid(child, &st, __WALL);
    return 125;
}

int tracer_run(pid_t child, const struct tracer_config *cfg)
{
    memset(&sv, 0, sizeof sv);
    sv.cfg = cfg;
    sv.first = child;
    sv.filtered = tracer_filter_wanted(cfg);
    sv.filter_pers = sv.filtered ? cfg->pers : NULL;
    int opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
               PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
    if (sv.filtered)
        opts |= PTRACE_O_TRACESECCOMP;
    int r = seize_child(child, opts);
    if (r)
        return r;
    placement_init();
    struct tnode *n = procs_add(child, child);
    n->startup = true;               /* lsl2's own code runs until the first execve */
    n->t.pers = &linux_personality;
    n->t.attached = true;
    placement_update(child);

    for (;;) {
        pid_t pid;
        int status;
        if (!deferred_pop(&pid, &status)) {
            pid = waitpid(-1, &status, __WALL);
            if (pid < 0) {
                if (errno == EINTR)
                    continue;
                break;   /* ECHILD: nothing left */
            }
        }
        handle(pid, status);
        if (sv.first_gone && sv.ntracees == 0)
            break;
    }
    procs_clear();
    if (cfg->trace)
        fflush(cfg->trace);
    return sv.first_gone ? exit_code(sv.first_status) : 125;
}
