/* syscall(2) (#0) and __syscall(2) (#198): the number of the real call is in the
 * first argument register.  FreeBSD's amd64 kernel (cpu_fetch_syscall_args)
 * takes the code from %rdi as a u_int, moves the arguments down one register,
 * and fetches what no longer fits in registers from the user stack above the
 * return address (rsp + 8).  Nested indirection reaches the kernel's nosys
 * entries, so it gives ENOSYS. */
#include <errno.h>
#include <string.h>
#include "personalities/freebsd/freebsd.h"
#include "tracer/tracee.h"

long fbsd_indirect_shift(const uint64_t in[6], uint64_t stack6, uint64_t out[6])
{
    long nr = (long)(uint32_t)in[0];
    for (int i = 0; i < 5; i++)
        out[i] = in[i + 1];
    out[5] = stack6;
    return nr;
}

enum sys_action fbsd_sys_indirect(struct tracee *t, struct sysc *sc)
{
    long nr = (long)(uint32_t)sc->args[0];
    const struct syscall_ent *ent = fbsd_syscall_ent(nr);
    if (nr == FBSD_SYS_syscall || nr == FBSD_SYS___syscall)
        ent = NULL;

    /* The sixth argument is only read when the target takes six: an unused
     * stack word must not turn into EFAULT. */
    uint64_t stack6 = 0;
    if (ent && ent->nargs >= 6) {
        struct user_regs_struct *r = tracee_regs(t);
        if (!r) {
            sc->ret = -ESRCH;
            return SYS_DONE;
        }
        if (guest_read(t, r->rsp + 8, &stack6, sizeof stack6) < 0) {
            sc->ret = -EFAULT;
            return SYS_DONE;
        }
    }
    uint64_t args[6];
    fbsd_indirect_shift(sc->args, stack6, args);
    for (int i = 0; i < 6; i++)
        if (args[i] != sc->args[i])
            sysc_set_arg(t, i, args[i]);
    sc->nr = nr;
    memcpy(sc->args, args, sizeof args);
    sc->ent = ent;

    if (ent && ent->enter)
        return ent->enter(t, sc);
    if (ent && ent->host_nr >= 0) {
        sysc_set_host_nr(t, ent->host_nr);
        return SYS_PASS;
    }
    sc->ret = -ENOSYS;
    return SYS_DONE;
}
