/* Registers of a stopped tracee: fetched once per stop on first use, written back
 * once before it resumes, and only when a handler changed them. */
#include <errno.h>
#include <sys/ptrace.h>
#include "tracer/supervisor.h"

struct user_regs_struct *tracee_regs(struct tracee *t)
{
    if (!t->regs_valid) {
        if (ptrace(PTRACE_GETREGS, t->tid, 0, &t->regs) < 0)
            return NULL;
        t->regs_valid = true;
        t->regs_dirty = false;
    }
    return &t->regs;
}

void tracee_regs_changed(struct tracee *t)
{
    if (t->regs_valid)
        t->regs_dirty = true;
}

int tracee_regs_flush(struct tracee *t)
{
    if (!t->regs_valid || !t->regs_dirty)
        return 0;
    if (ptrace(PTRACE_SETREGS, t->tid, 0, &t->regs) < 0)
        return -errno;
    t->regs_dirty = false;
    return 0;
}

void regs_invalidate(struct tracee *t)
{
    t->regs_valid = false;
    t->regs_dirty = false;
}
