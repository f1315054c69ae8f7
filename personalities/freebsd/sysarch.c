/* sysarch(2) on amd64: the %fs and %gs bases, which FreeBSD's libc and rtld set
 * for thread-local storage.  They are registers of the traced thread, so they
 * are read and written through its register set (PTRACE_SETREGS writes fs_base
 * and gs_base as arch_prctl would); the call never reaches the host kernel.
 * parms points to the base (FreeBSD copyin/copyout of a 64-bit value). */
#include <errno.h>
#include <stdbool.h>
#include "personalities/freebsd/sysctl.h"
#include "tracer/tracee.h"

/* x86/sysarch.h (FreeBSD 13.2) */
enum { AMD64_GET_FSBASE = 128, AMD64_SET_FSBASE = 129,
       AMD64_GET_GSBASE = 130, AMD64_SET_GSBASE = 131 };
/* VM_MAXUSER_ADDRESS with 4-level paging: bases at or above it are EINVAL. */
#define FBSD_VM_MAXUSER_ADDRESS 0x800000000000ull

struct base_op { int op; bool set; bool gs; };
static const struct base_op ops[] = {
    { AMD64_GET_FSBASE, false, false }, { AMD64_SET_FSBASE, true, false },
    { AMD64_GET_GSBASE, false, true },  { AMD64_SET_GSBASE, true, true },
};

static long base_op(struct tracee *t, const struct base_op *o, uint64_t parms)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return -ESRCH;
    unsigned long long *reg = o->gs ? &r->gs_base : &r->fs_base;
    uint64_t v;
    if (!o->set) {
        v = *reg;
        return guest_write(t, parms, &v, sizeof v) < 0 ? -EFAULT : 0;
    }
    if (guest_read(t, parms, &v, sizeof v) < 0)
        return -EFAULT;
    if (v >= FBSD_VM_MAXUSER_ADDRESS)
        return -EINVAL;
    *reg = v;
    tracee_regs_changed(t);
    return 0;
}

enum sys_action fbsd_sys_sysarch(struct tracee *t, struct sysc *sc)
{
    int op = (int)sc->args[0];
    /* Other operations (I386_* ioperm, AMD64_GET_XFPUSTATE, PKRU) are not
     * emulated: EINVAL, FreeBSD's answer to an operation it does not know. */
    sc->ret = -EINVAL;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (ops[i].op == op)
            sc->ret = base_op(t, &ops[i], sc->args[1]);
    return SYS_DONE;
}
