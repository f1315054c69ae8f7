/* guest_syscall(): a handler at a syscall-entry stop runs another host syscall
 * inside the guest (to map memory in it, to let the kernel fill a Linux struct in
 * scratch space...).  The current call is turned into the wanted one, run to its
 * exit stop, then the syscall instruction is rewound (rip -= 2) with the original
 * number and arguments, and run up to its entry stop again: the handler carries on
 * as if nothing had happened.  Wait statuses of other tracees that arrive meanwhile
 * are kept for the main loop. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tracer/supervisor.h"

struct deferred { pid_t pid; int status; };
static struct deferred *dq;
static size_t dq_len, dq_cap, dq_head;

void deferred_push(pid_t pid, int status)
{
    if (dq_len == dq_cap) {
        size_t cap = dq_cap ? dq_cap * 2 : 16;
        struct deferred *n = realloc(dq, cap * sizeof *n);
        if (!n)
            abort();
        dq = n;
        dq_cap = cap;
    }
    dq[dq_len++] = (struct deferred){ pid, status };
}

bool deferred_pop(pid_t *pid, int *status)
{
    if (dq_head == dq_len) {
        dq_head = dq_len = 0;
        return false;
    }
    *pid = dq[dq_head].pid;
    *status = dq[dq_head].status;
    dq_head++;
    return true;
}

static void set_args(struct user_regs_struct *r, const uint64_t a[6])
{
    r->rdi = a[0]; r->rsi = a[1]; r->rdx = a[2]; r->r10 = a[3]; r->r8 = a[4]; r->r9 = a[5];
}

/* Restarts t with PTRACE_SYSCALL and waits for its next syscall stop.  Other
 * stops of t on the way: seccomp stops are passed, group-stops are not honoured
 * (resumed), signals are held back and their numbers added to *held.  Returns 0,
 * or -ESRCH when t died (its wait status is deferred for the main loop). */
static int next_syscall_stop(struct tracee *t, uint64_t *held)
{
    for (;;) {
        if (ptrace(PTRACE_SYSCALL, t->tid, 0, 0) < 0)
            return -ESRCH;
        int st;
        pid_t p = waitpid(t->tid, &st, __WALL);
        if (p < 0)
            return -ESRCH;
        if (!WIFSTOPPED(st)) {
            deferred_push(p, st);
            return -ESRCH;
        }
        int s = WSTOPSIG(st), ev = (unsigned)st >> 16;
        if (s == (SIGTRAP | 0x80) && ev == 0)
            return 0;
        if (ev == 0)
            *held |= 1ull << (s - 1);   /* a signal: delivered after the handler's work */
    }
}

long guest_syscall(struct tracee *t, long host_nr, const uint64_t args[6])
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return -ESRCH;
    struct user_regs_struct saved = *r;
    uint64_t held = 0;

    r->orig_rax = (uint64_t)host_nr;
    set_args(r, args);
    t->regs_dirty = true;
    if (tracee_regs_flush(t) < 0)
        return -ESRCH;
    int e = next_syscall_stop(t, &held);   /* the injected call's exit stop */
    regs_invalidate(t);
    long ret = -ESRCH;
    if (e == 0) {
        r = tracee_regs(t);
        if (!r)
            return -ESRCH;
        ret = (long)r->rax;
        /* Back to the syscall instruction, with the original call in place. */
        *r = saved;
        r->rip = saved.rip - 2;
        r->rax = saved.orig_rax;
        t->regs_dirty = true;
        if (tracee_regs_flush(t) < 0)
            return -ESRCH;
        e = next_syscall_stop(t, &held);   /* the original call's entry stop again */
        regs_invalidate(t);
    }
    if (e < 0) {
        t->in_syscall = false;
        return -ESRCH;
    }
    /* Back at an entry stop like before, but not a seccomp one: resuming with
     * PTRACE_SYSCALL (in_syscall) brings its exit stop as usual. */
    r = tracee_regs(t);
    if (r && (r->orig_rax != saved.orig_rax)) {   /* should not happen; keep the handler's view */
        r->orig_rax = saved.orig_rax;
        t->regs_dirty = true;
    }
    t->seccomp_stop = false;
    for (int s = 1; s <= 64; s++)
        if (held & (1ull << (s - 1)))
            syscall(SYS_tgkill, t->tgid, t->tid, s);
    return ret;
}
