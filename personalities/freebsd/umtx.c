/* _umtx_op(void *obj, int op, u_long val, void *uaddr1, void *uaddr2): the op
 * table and the futex helpers every op uses (the rules: umtx.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

/* Linux's in-kernel restart codes, as a futex wait's result at its exit stop. */
#define L_ERESTARTSYS           512
#define L_ERESTARTNOHAND        514
#define L_ERESTART_RESTARTBLOCK 516

enum sys_action umtx_done(struct sysc *sc, long ret)
{
    sc->ret = ret;
    return SYS_DONE;
}

static enum sys_action op_robust_lists(struct tracee *t, struct sysc *sc);

/* The ops by number.  Missing: LOCK/UNLOCK (FreeBSD 10 compatibility, not in a
 * 13.2 libc) and the deprecated SEM_WAIT/SEM_WAKE — EINVAL, as a kernel without
 * COMPAT_FREEBSD10 answers. */
static const umtx_op_fn umtx_ops[FBSD_UMTX_OP_MAX] = {
    [FBSD_UMTX_OP_WAIT]              = umtx_op_wait,
    [FBSD_UMTX_OP_WAKE]              = umtx_op_wake,
    [FBSD_UMTX_OP_MUTEX_TRYLOCK]     = umtx_op_mutex_trylock,
    [FBSD_UMTX_OP_MUTEX_LOCK]        = umtx_op_mutex_lock,
    [FBSD_UMTX_OP_MUTEX_UNLOCK]      = umtx_op_mutex_unlock,
    [FBSD_UMTX_OP_SET_CEILING]       = umtx_op_set_ceiling,
    [FBSD_UMTX_OP_CV_WAIT]           = umtx_op_cv_wait,
    [FBSD_UMTX_OP_CV_SIGNAL]         = umtx_op_cv_signal,
    [FBSD_UMTX_OP_CV_BROADCAST]      = umtx_op_cv_broadcast,
    [FBSD_UMTX_OP_WAIT_UINT]         = umtx_op_wait_uint,
    [FBSD_UMTX_OP_RW_RDLOCK]         = umtx_op_rw_rdlock,
    [FBSD_UMTX_OP_RW_WRLOCK]         = umtx_op_rw_wrlock,
    [FBSD_UMTX_OP_RW_UNLOCK]         = umtx_op_rw_unlock,
    [FBSD_UMTX_OP_WAIT_UINT_PRIVATE] = umtx_op_wait_uint_private,
    [FBSD_UMTX_OP_WAKE_PRIVATE]      = umtx_op_wake_private,
    [FBSD_UMTX_OP_MUTEX_WAIT]        = umtx_op_mutex_wait,
    [FBSD_UMTX_OP_MUTEX_WAKE]        = umtx_op_mutex_wake,
    [FBSD_UMTX_OP_NWAKE_PRIVATE]     = umtx_op_nwake_private,
    [FBSD_UMTX_OP_MUTEX_WAKE2]       = umtx_op_mutex_wake,
    [FBSD_UMTX_OP_SEM2_WAIT]         = umtx_op_sem2_wait,
    [FBSD_UMTX_OP_SEM2_WAKE]         = umtx_op_sem2_wake,
    [FBSD_UMTX_OP_SHM]               = umtx_op_shm,
    [FBSD_UMTX_OP_ROBUST_LISTS]      = op_robust_lists,
};

enum sys_action fbsd_sys_umtx_op(struct tracee *t, struct sysc *sc)
{
    sc->save[UMTX_SV_KIND] = UX_NONE;
    uint32_t op = (uint32_t)sc->args[1];
    /* the __32BIT/__I386 variants take 32-bit layouts: not for amd64 programs */
    if (op >= FBSD_UMTX_OP_MAX || !umtx_ops[op])
        return umtx_done(sc, -EINVAL);
    return umtx_ops[op](t, sc);
}

void fbsd_sys_umtx_op_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    long r = sc->ret;
    bool restart = r <= -L_ERESTARTSYS && r >= -L_ERESTARTNOHAND;
    switch ((enum umtx_exit_kind)sc->save[UMTX_SV_KIND]) {
    case UX_NONE:
        break;
    case UX_WAIT:
        if (r >= 0 || r == -EAGAIN)
            sc->ret = 0;
        else if (r == -L_ERESTART_RESTARTBLOCK)
            sc->ret = -EINTR;   /* a timed wait: FreeBSD turns ERESTART into EINTR */
        break;                  /* an untimed one restarts (the kernel reruns the guest's call) */
    case UX_WAIT_INTR:
        if (r >= 0 || r == -EAGAIN)
            sc->ret = 0;
        else if (restart || r == -L_ERESTART_RESTARTBLOCK)
            sc->ret = -EINTR;
        break;
    case UX_RETRY:
        if (r != -ETIMEDOUT && r != -EFAULT)
            sc->ret = -EINTR;
        break;
    case UX_ZERO:
        if (r > 0)
            sc->ret = 0;
        break;
    }
}

int umtx_read32(struct tracee *t, uint64_t addr, uint32_t *v)
{
    return guest_read(t, addr, v, sizeof *v) < 0 ? -EFAULT : 0;
}

int umtx_timeout(struct tracee *t, struct sysc *sc, struct fbsd_futex_wait *w)
{
    if (!sc->args[4])
        return fbsd_umtx_wait_plan(NULL, w);
    struct fbsd_umtx_time ut;
    memset(&ut, 0, sizeof ut);
    size_t len = fbsd_umtx_time_len(sc->args[3]);
    if (guest_read(t, sc->args[4], &ut, len) < 0)
        return -EFAULT;
    if (len < sizeof ut)
        ut._clockid = 0;   /* a bare timespec: relative, CLOCK_REALTIME */
    return fbsd_umtx_wait_plan(&ut, w);
}

enum sys_action umtx_sleep(struct tracee *t, struct sysc *sc, uint64_t addr, uint32_t expect,
                           const struct fbsd_futex_wait *w, bool private_,
                           enum umtx_exit_kind kind)
{
    uint64_t ts = 0;
    if (w->has_ts) {
        ts = guest_scratch(t, sizeof w->ts);
        if (!ts || guest_write(t, ts, &w->ts, sizeof w->ts) < 0)
            return umtx_done(sc, -ENOMEM);
    }
    sysc_set_host_nr(t, __NR_futex);
    sysc_set_arg(t, 0, addr);
    sysc_set_arg(t, 1, (uint64_t)(w->op | (private_ ? FUTEX_PRIVATE_FLAG : 0)));
    sysc_set_arg(t, 2, expect);
    sysc_set_arg(t, 3, ts);
    sysc_set_arg(t, 4, 0);
    sysc_set_arg(t, 5, FUTEX_BITSET_MATCH_ANY);   /* FUTEX_WAIT_BITSET's; FUTEX_WAIT ignores it */
    sc->save[UMTX_SV_KIND] = kind;
    return SYS_PASS;
}

long umtx_wake(struct tracee *t, uint64_t addr, int n, bool private_)
{
    uint64_t a[6] = { addr, (uint64_t)(FUTEX_WAKE | (private_ ? FUTEX_PRIVATE_FLAG : 0)),
                      (uint64_t)n, 0, 0, 0 };
    return guest_syscall(t, __NR_futex, a);
}

enum sys_action umtx_wake_pass(struct tracee *t, struct sysc *sc, uint64_t addr, int n,
                               bool private_)
{
    sysc_set_host_nr(t, __NR_futex);
    sysc_set_arg(t, 0, addr);
    sysc_set_arg(t, 1, (uint64_t)(FUTEX_WAKE | (private_ ? FUTEX_PRIVATE_FLAG : 0)));
    sysc_set_arg(t, 2, (uint64_t)n);
    sc->save[UMTX_SV_KIND] = UX_ZERO;
    return SYS_PASS;
}

static void aop_args(uint64_t a[6], uint64_t addr, const struct umtx_aop *o, bool private_)
{
    int op = o->op | (o->shift ? FUTEX_OP_OPARG_SHIFT : 0);
    uint32_t enc = ((uint32_t)(op & 0xf) << 28) | ((uint32_t)(o->cmp & 0xf) << 24) |
                   ((uint32_t)(o->arg & 0xfff) << 12) | (uint32_t)(o->cmparg & 0xfff);
    a[0] = addr;
    a[1] = (uint64_t)(FUTEX_WAKE_OP | (private_ ? FUTEX_PRIVATE_FLAG : 0));
    a[2] = (uint64_t)o->wake1;
    a[3] = (uint64_t)o->wake2;   /* val2, in the timeout slot */
    a[4] = addr;
    a[5] = enc;
}

long umtx_atomic(struct tracee *t, uint64_t addr, const struct umtx_aop *o, bool private_)
{
    uint64_t a[6];
    aop_args(a, addr, o, private_);
    return guest_syscall(t, __NR_futex, a);
}

enum sys_action umtx_atomic_pass(struct tracee *t, struct sysc *sc, uint64_t addr,
                                 const struct umtx_aop *o, bool private_)
{
    uint64_t a[6];
    aop_args(a, addr, o, private_);
    sysc_set_host_nr(t, __NR_futex);
    for (int i = 0; i < 6; i++)
        sysc_set_arg(t, i, a[i]);
    sc->save[UMTX_SV_KIND] = UX_ZERO;
    return SYS_PASS;
}

long umtx_self_id(struct tracee *t)
{
    struct fbsd_tstate *ts = fbsd_tstate(t);
    if (ts && ts->thr_id)
        return ts->thr_id;
    pid_t g = fbsd_guest_tid(t->tid);
    if (g <= 0)
        return -ESRCH;
    long id = (long)g + FBSD_TID_BASE;
    if (ts)
        ts->thr_id = (int32_t)id;
    return id;
}

/* ROBUST_LISTS: val = size of struct umtx_robust_lists_params, uaddr1 = it.
 * Recorded per thread as FreeBSD does; walked when the thread ends
 * (umtx_robust.c). */
static enum sys_action op_robust_lists(struct tracee *t, struct sysc *sc)
{
    struct fbsd_umtx_robust_lists_params rb;
    memset(&rb, 0, sizeof rb);
    if (sc->args[2] > sizeof rb)
        return umtx_done(sc, -EINVAL);
    if (guest_read(t, sc->args[3], &rb, sc->args[2]) < 0)
        return umtx_done(sc, -EFAULT);
    struct fbsd_tstate *ts = fbsd_tstate(t);
    if (!ts)
        return umtx_done(sc, -ENOMEM);
    ts->umtx_robust[0] = rb.robust_list_offset;
    ts->umtx_robust[1] = rb.robust_priv_list_offset;
    ts->umtx_robust[2] = rb.robust_inact_offset;
    return umtx_done(sc, 0);
}
