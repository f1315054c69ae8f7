/* sigreturn (#417), getcontext (#421), setcontext (#422), swapcontext (#423):
 * FreeBSD's ucontext_t loaded into / filled from the thread (sigctx.c), as
 * sys/amd64/amd64/exec_machdep.c (sys_sigreturn, get_mcontext, set_mcontext) and
 * sys/kern/kern_context.c do.  The calls that load a context end with every
 * register set and nothing written over %rax (EJUSTRETURN: FBSD_RET_JUSTRETURN). */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/sigctx.h"
#include "tracer/tracee.h"

/* sigreturn(const ucontext_t *ucp) */
enum sys_action fbsd_sys_sigreturn(struct tracee *t, struct sysc *sc)
{
    struct fbsd_ucontext uc;
    if (guest_read(t, sc->args[0], &uc, sizeof uc) < 0)
        return sysc_done(sc, -EFAULT);
    int e = fbsd_ctx_load(t, &uc, FBSD_MC_SIGRETURN);
    return sysc_done(sc, e < 0 ? e : FBSD_RET_JUSTRETURN);
}

/* get_mcontext(GET_MC_CLEAR_RET) plus the mask: the context resumes after the
 * syscall as a successful return of 0. */
static int get_context(struct tracee *t, struct fbsd_ucontext *uc)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return -ESRCH;
    memset(uc, 0, sizeof *uc);
    struct user_regs_struct ctx = *r;
    ctx.rax = 0;
    ctx.rdx = 0;
    ctx.eflags &= ~FBSD_EFLAGS_CF;
    int e = fbsd_ctx_save(t, &ctx, &uc->uc_mcontext, false, NULL, NULL);
    if (e < 0)
        return e;
    uc->uc_mcontext.mc_onstack = fbsd_on_altstack(t, r->rsp);
    uint64_t mask;
    if ((e = tracee_sigmask(t, &mask, false)) < 0)
        return e;
    fbsd_sigset_from_linux(&uc->uc_sigmask, mask);
    return 0;
}

/* getcontext(ucontext_t *ucp): only the mask and the machine context are copied
 * out (UC_COPY_SIZE); uc_link and uc_stack stay the caller's. */
enum sys_action fbsd_sys_getcontext(struct tracee *t, struct sysc *sc)
{
    struct fbsd_ucontext uc;
    int e = get_context(t, &uc);
    if (e == 0 && guest_write(t, sc->args[0], &uc, FBSD_UC_COPY_SIZE) < 0)
        e = -EFAULT;
    return sysc_done(sc, e);
}

static long set_context(struct tracee *t, uint64_t ucp)
{
    struct fbsd_ucontext uc;
    memset(&uc, 0, sizeof uc);
    if (guest_read(t, ucp, &uc, FBSD_UC_COPY_SIZE) < 0)
        return -EFAULT;
    int e = fbsd_ctx_load(t, &uc, FBSD_MC_SETCONTEXT);
    return e < 0 ? e : FBSD_RET_JUSTRETURN;
}

/* setcontext(const ucontext_t *ucp) */
enum sys_action fbsd_sys_setcontext(struct tracee *t, struct sysc *sc)
{
    if (!sc->args[0])
        return sysc_done(sc, -EINVAL);
    return sysc_done(sc, set_context(t, sc->args[0]));
}

/* swapcontext(ucontext_t *oucp, const ucontext_t *ucp) */
enum sys_action fbsd_sys_swapcontext(struct tracee *t, struct sysc *sc)
{
    if (!sc->args[0] || !sc->args[1])
        return sysc_done(sc, -EINVAL);
    struct fbsd_ucontext uc;
    int e = get_context(t, &uc);
    if (e < 0)
        return sysc_done(sc, e);
    if (guest_write(t, sc->args[0], &uc, FBSD_UC_COPY_SIZE) < 0)
        return sysc_done(sc, -EFAULT);
    return sysc_done(sc, set_context(t, sc->args[1]));
}
