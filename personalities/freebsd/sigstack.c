/* sigaltstack (#53) with FreeBSD's stack_t (ss_sp, ss_size, ss_flags: the order
 * differs from Linux's), kept per thread (fbsd_tstate): only sigdeliver.c uses it,
 * Linux never runs a FreeBSD handler.  As kern_sigaltstack: the old stack is
 * reported with SS_ONSTACK when the thread runs on it, SS_DISABLE when there is
 * none; changing it while on it is EPERM; flags other than SS_DISABLE are
 * EINVAL; a stack smaller than MINSIGSTKSZ is ENOMEM. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "tracer/tracee.h"

/* sigaltstack(const stack_t *ss, stack_t *oss) */
enum sys_action fbsd_sys_sigaltstack(struct tracee *t, struct sysc *sc)
{
    uint64_t ssp = sc->args[0], ossp = sc->args[1];
    struct fbsd_tstate *ts = fbsd_tstate(t);
    struct user_regs_struct *r = tracee_regs(t);
    if (!ts || !r)
        return sysc_done(sc, -ENOMEM);
    struct fbsd_sigthread *st = &ts->sigt;
    struct fbsd_stack ss, oss;
    if (ssp && guest_read(t, ssp, &ss, sizeof ss) < 0)
        return sysc_done(sc, -EFAULT);
    bool onstack = fbsd_on_altstack(t, r->rsp);
    memset(&oss, 0, sizeof oss);
    oss.ss_sp = st->alt_sp;
    oss.ss_size = st->alt_size;
    oss.ss_flags = st->alt_enabled ? (onstack ? FBSD_SS_ONSTACK : 0) : FBSD_SS_DISABLE;
    if (ssp) {
        if (onstack)
            return sysc_done(sc, -EPERM);
        if (ss.ss_flags & ~FBSD_SS_DISABLE)
            return sysc_done(sc, -EINVAL);
        if (!(ss.ss_flags & FBSD_SS_DISABLE)) {
            if (ss.ss_size < FBSD_MINSIGSTKSZ)
                return sysc_done(sc, -ENOMEM);
            st->alt_sp = ss.ss_sp;
            st->alt_size = ss.ss_size;
            st->alt_enabled = true;
        } else {
            st->alt_enabled = false;
        }
    }
    if (ossp && guest_write(t, ossp, &oss, sizeof oss) < 0)
        return sysc_done(sc, -EFAULT);
    return sysc_done(sc, 0);
}
