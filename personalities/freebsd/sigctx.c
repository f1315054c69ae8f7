/* A thread's machine context as FreeBSD's mcontext_t, and back: the general
 * registers (tracee_regs), the FXSAVE area (mc_fpstate) and the rest of the XSAVE
 * area (mc_xfpustate, as FreeBSD's sendsig stores it beside the frame). */
#define _GNU_SOURCE
#include <cpuid.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "personalities/freebsd/sigctx.h"
#include "tracer/tracee.h"

/* How much of the XSAVE area a FreeBSD context carries: the user components up to
 * PKRU (x87, SSE, AVX, MPX, AVX-512, PKRU: what FreeBSD 13 enables), at their
 * standard-format offsets (CPUID leaf 0xd).  Larger components that Linux may
 * offer (AMX tile data, 8 KB) are left out: a FreeBSD program cannot use them. */
static size_t xsave_keep(size_t full)
{
    static size_t keep;
    if (!keep) {
        unsigned a, b, c, d, end = 576;     /* legacy area + XSAVE header */
        if (__get_cpuid_count(0xd, 0, &a, &b, &c, &d))
            for (unsigned i = 2; i <= 9; i++)
                if (a & (1u << i)) {
                    unsigned sa, sb, sc, sd;
                    if (__get_cpuid_count(0xd, i, &sa, &sb, &sc, &sd) && sb + sa > end)
                        end = sb + sa;
                }
        keep = end;
    }
    return keep < full ? keep : full;
}

int fbsd_ctx_save(struct tracee *t, const struct user_regs_struct *r, struct fbsd_mcontext *mc,
                  bool with_x, uint8_t **xext, size_t *xext_len)
{
    struct user_fpregs_struct fx;
    if (xext) {
        *xext = NULL;
        *xext_len = 0;
    }
    long full = with_x ? tracee_xstate(t, NULL, 0, false) : 0;
    if (full > 576 && xext) {
        uint8_t *buf = malloc((size_t)full);
        if (!buf)
            return -ENOMEM;
        long n = tracee_xstate(t, buf, (size_t)full, false);
        if (n < 0) {
            free(buf);
            return (int)n;
        }
        fbsd_mcontext_from_regs(mc, r, buf);
        size_t keep = xsave_keep((size_t)n);
        memmove(buf, buf + 512, keep - 512);
        *xext = buf;
        *xext_len = keep - 512;
        return 0;
    }
    int e = tracee_fpregs(t, &fx, false);
    if (e < 0)
        return e;
    fbsd_mcontext_from_regs(mc, r, &fx);
    return 0;
}

/* The FPU part of a checked context. */
static int load_fp(struct tracee *t, const struct fbsd_mcontext *mc, int how)
{
    if (how == FBSD_FP_KEEP)
        return 0;
    if (how == FBSD_FP_SET) {
        struct user_fpregs_struct fx;
        memcpy(&fx, mc->mc_fpstate, sizeof fx);
        return tracee_fpregs(t, &fx, true);
    }
    long full = tracee_xstate(t, NULL, 0, false);
    if (full <= 576)
        return -EINVAL;
    if (mc->mc_xfpustate_len > (uint64_t)full - 512)
        return -EINVAL;
    uint8_t *buf = calloc(1, (size_t)full);
    if (!buf)
        return -ENOMEM;
    /* the current state first: components the context does not carry keep theirs */
    long e = tracee_xstate(t, buf, (size_t)full, false);
    if (e >= 0) {
        memcpy(buf, mc->mc_fpstate, 512);
        e = guest_read(t, mc->mc_xfpustate, buf + 512, mc->mc_xfpustate_len);
    }
    if (e >= 0)
        e = tracee_xstate(t, buf, (size_t)full, true);
    free(buf);
    return e < 0 ? (int)e : 0;
}

int fbsd_ctx_load(struct tracee *t, const struct fbsd_ucontext *uc, enum fbsd_mc_use use)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return -ESRCH;
    int how = fbsd_mcontext_check(&uc->uc_mcontext, r->eflags, use);
    if (how < 0)
        return how;
    int e = load_fp(t, &uc->uc_mcontext, how);
    if (e < 0)
        return e;
    fbsd_mcontext_to_regs(&uc->uc_mcontext, r, use);
    tracee_regs_changed(t);
    uint64_t mask = fbsd_sigset_to_linux(&uc->uc_sigmask);
    return tracee_sigmask(t, &mask, true);
}
