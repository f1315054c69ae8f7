/* A thread's machine context as FreeBSD's (sigctx.c), for signal delivery,
 * sigreturn and the *context calls. */
#ifndef LSL2_PERSONALITIES_FREEBSD_SIGCTX_H
#define LSL2_PERSONALITIES_FREEBSD_SIGCTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/user.h>
#include "abi/freebsd/ucontext.h"

struct tracee;

/* Fills mc from the registers r (the context to save: the caller may have
 * adjusted them, e.g. for a syscall restart) and t's FPU state.  with_x: also the
 * XSAVE state beyond the FXSAVE area, returned in *xext (malloc'd, *xext_len
 * bytes; NULL/0 when the CPU has none) for the caller to store and free. */
int fbsd_ctx_save(struct tracee *t, const struct user_regs_struct *r, struct fbsd_mcontext *mc,
                  bool with_x, uint8_t **xext, size_t *xext_len);

/* Loads uc into t (checked as FreeBSD's sigreturn or set_mcontext does): FPU
 * (and XSAVE state from uc_mcontext.mc_xfpustate), registers, signal mask.
 * 0 or -errno (-EINVAL for a context FreeBSD refuses; nothing changed then,
 * except when reading the XSAVE area faults: -EFAULT). */
int fbsd_ctx_load(struct tracee *t, const struct fbsd_ucontext *uc, enum fbsd_mc_use use);

#endif
