/* Restarting a stopped tracee: registers written back once, then PTRACE_SYSCALL
 * when its syscall stops are wanted (inside a syscall whose exit we want, or a
 * personality that the seccomp filter does not cover), PTRACE_CONT otherwise so
 * that only the filter's SCMP_ACT_TRACE calls stop. */
#include <sys/ptrace.h>
#include "tracer/supervisor.h"

void resume(struct tracee *t, int sig)
{
    tracee_regs_flush(t);   /* fails only when the thread is gone; its exit comes next */
    int op = (t->in_syscall || dispatch_needs_all_stops(t->pers)) ? PTRACE_SYSCALL : PTRACE_CONT;
    ptrace(op, t->tid, 0, sig);
    regs_invalidate(t);
}
