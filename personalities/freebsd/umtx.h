/* _umtx_op (#454) on Linux futexes: the internals shared by its files.
 *   umtx.c        the op table, timeouts, the futex helpers, the exit handler,
 *                 ROBUST_LISTS
 *   umtx_wait.c   WAIT, WAIT_UINT, WAIT_UINT_PRIVATE, WAKE, WAKE_PRIVATE, NWAKE_PRIVATE
 *   umtx_mutex.c  MUTEX_WAIT, MUTEX_WAKE, MUTEX_WAKE2, MUTEX_UNLOCK (struct umutex)
 *   umtx_pi.c     MUTEX_LOCK, MUTEX_TRYLOCK, SET_CEILING (PI/PP mutexes: a
 *                 compare-and-swap routine in a code page run by the guest thread)
 *   umtx_cv.c     CV_WAIT, CV_SIGNAL, CV_BROADCAST (struct ucond)
 *   umtx_rw.c     RW_RDLOCK, RW_WRLOCK, RW_UNLOCK (struct urwlock)
 *   umtx_sem.c    SEM2_WAIT, SEM2_WAKE (struct _usem2)
 *   umtx_shm.c    SHM
 *   umtx_robust.c a thread's robust mutexes at its end (OWNERDEAD; thread.h)
 *
 * The rules every op keeps:
 * - Nothing blocks the supervisor: a wait is the guest's own syscall rewritten into
 *   a Linux futex wait, which the kernel runs in the guest thread.  The non-blocking
 *   steps before it run in the guest too (guest_syscall).
 * - Guest words other threads change concurrently are only changed atomically, by
 *   the kernel: FUTEX_WAKE_OP applies SET/ADD/OR/ANDN to a word and wakes waiters
 *   depending on its old value, all under the futex's lock (FreeBSD's kernel uses
 *   casueword for these steps).  The supervisor only reads them, to decide.
 * - A sleeper sleeps on the word it checked, with the value it saw: any change
 *   made meanwhile makes the wait return at once (futex semantics), so a wake-up is
 *   never lost; returning early is a spurious wake-up, which every FreeBSD caller
 *   (libthr, libc, Go) retries.
 * - Process-private objects use private futexes, USYNC_PROCESS_SHARED ones and the
 *   calls FreeBSD keys as shared (WAIT, WAIT_UINT, WAKE) shared futexes: waiters
 *   and wakers of one object always agree, as they do on FreeBSD. */
#ifndef LSL2_PERSONALITIES_FREEBSD_UMTX_H
#define LSL2_PERSONALITIES_FREEBSD_UMTX_H

#include <stdbool.h>
#include <stdint.h>
#include "personalities/personality.h"
#include "abi/freebsd/umtx.h"

struct tracee;
struct sysc;

/* What the exit handler does with the futex call's result (sc->save[UMTX_SV_KIND]). */
enum umtx_exit_kind {
    UX_NONE = 0,    /* nothing (the result is FreeBSD's as it is) */
    UX_WAIT,        /* a wait: woken or value changed -> 0; timed out -> ETIMEDOUT;
                     * interrupted: restarted, or EINTR when it had a timeout */
    UX_WAIT_INTR,   /* a wait that FreeBSD never restarts (CV_WAIT): interrupted -> EINTR */
    UX_RETRY,       /* rwlock waits: anything but a timeout -> EINTR, which libthr
                     * answers by trying the lock in userland again */
    UX_ZERO,        /* a wake or atomic step: a count -> 0 */
};
enum { UMTX_SV_KIND = 0 };

/* op(t, sc): sc->args are FreeBSD's (obj, op, val, uaddr1, uaddr2). */
typedef enum sys_action (*umtx_op_fn)(struct tracee *t, struct sysc *sc);

/* umtx.c: helpers */
enum sys_action umtx_done(struct sysc *sc, long ret);
/* The timeout given as (size, pointer) in uaddr1/uaddr2, as a futex wait plan:
 * 0, -EFAULT or -EINVAL. */
int umtx_timeout(struct tracee *t, struct sysc *sc, struct fbsd_futex_wait *w);
/* Turns the current call into a futex wait on the 32-bit word at addr while it
 * holds expect (private: FUTEX_PRIVATE_FLAG); kind: how the exit handler reads it. */
enum sys_action umtx_sleep(struct tracee *t, struct sysc *sc, uint64_t addr, uint32_t expect,
                           const struct fbsd_futex_wait *w, bool private_,
                           enum umtx_exit_kind kind);
/* FUTEX_WAKE of n waiters on addr, run in the guest: the number woken or -errno. */
long umtx_wake(struct tracee *t, uint64_t addr, int n, bool private_);
/* FUTEX_WAKE_OP on addr alone: atomically word = word OP arg (FUTEX_OP_SET/ADD/OR/
 * ANDN/XOR; arg a 12-bit signed value, or bit number when shift), then wakes
 * wake1 waiters, and wake2 more when (int)old CMP cmparg.  As a description for
 * umtx_atomic (run in the guest now) or umtx_atomic_pass (the current call
 * becomes it; UX_ZERO). */
struct umtx_aop {
    int  op;
    int  arg;
    bool shift;
    int  cmp;
    int  cmparg;
    int  wake1, wake2;
};
long umtx_atomic(struct tracee *t, uint64_t addr, const struct umtx_aop *a, bool private_);
enum sys_action umtx_atomic_pass(struct tracee *t, struct sysc *sc, uint64_t addr,
                                 const struct umtx_aop *a, bool private_);
/* Turns the current call into FUTEX_WAKE of n (UX_ZERO). */
enum sys_action umtx_wake_pass(struct tracee *t, struct sysc *sc, uint64_t addr, int n,
                               bool private_);
/* Reads the 32-bit word at addr: 0 or -EFAULT. */
int umtx_read32(struct tracee *t, uint64_t addr, uint32_t *v);
/* The calling thread's FreeBSD id (cached per thread); -ESRCH when unknown. */
long umtx_self_id(struct tracee *t);

/* umtx_wait.c */
enum sys_action umtx_op_wait(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_wait_uint(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_wait_uint_private(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_wake(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_wake_private(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_nwake_private(struct tracee *t, struct sysc *sc);

/* umtx_mutex.c */
enum sys_action umtx_op_mutex_wait(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_mutex_wake(struct tracee *t, struct sysc *sc);   /* WAKE and WAKE2 */
enum sys_action umtx_op_mutex_unlock(struct tracee *t, struct sysc *sc);
/* umtx_pi.c */
enum sys_action umtx_op_mutex_trylock(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_mutex_lock(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_set_ceiling(struct tracee *t, struct sysc *sc);
/* Releases the umutex at m owned by the caller, waking a waiter when it was
 * contested (for MUTEX_UNLOCK and CV_WAIT): 0, -EPERM (not the owner), -EFAULT.
 * The last step is run in the guest when pass is false, else the current call
 * becomes it (and 1 is returned: SYS_PASS). */
long umtx_mutex_release(struct tracee *t, struct sysc *sc, uint64_t m, bool pass);

/* umtx_cv.c */
enum sys_action umtx_op_cv_wait(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_cv_signal(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_cv_broadcast(struct tracee *t, struct sysc *sc);

/* umtx_rw.c */
enum sys_action umtx_op_rw_rdlock(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_rw_wrlock(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_rw_unlock(struct tracee *t, struct sysc *sc);

/* umtx_sem.c */
enum sys_action umtx_op_sem2_wait(struct tracee *t, struct sysc *sc);
enum sys_action umtx_op_sem2_wake(struct tracee *t, struct sysc *sc);

/* umtx_shm.c */
enum sys_action umtx_op_shm(struct tracee *t, struct sysc *sc);

#endif
