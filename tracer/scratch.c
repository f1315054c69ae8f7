/* Guest scratch memory for one syscall: below the stack pointer, past the x86-64
 * red zone (128 bytes the guest's leaf functions may be using), handed out downwards
 * and 16-byte aligned.  The guest is stopped in a syscall, so nothing of its own lives
 * there; the space is free again once the syscall returns. */
#include "tracer/supervisor.h"

#define RED_ZONE 128

uint64_t guest_scratch(struct tracee *t, size_t len)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r || len > (1u << 20))
        return 0;
    uint64_t top = t->sc.scratch ? t->sc.scratch : r->rsp - RED_ZONE;
    if (top < len + 4096)
        return 0;
    uint64_t a = (top - len) & ~(uint64_t)15;
    t->sc.scratch = a;
    return a;
}

void scratch_reset(struct tracee *t) { t->sc.scratch = 0; }
