/* _umtx_op MUTEX_LOCK, MUTEX_TRYLOCK and SET_CEILING: the kernel side of libthr's
 * PTHREAD_PRIO_INHERIT / PTHREAD_PRIO_PROTECT mutexes.
 *
 * For these mutexes FreeBSD's kernel takes the lock itself: a compare-and-swap
 * of m_owner from UMUTEX_UNOWNED (PI) or UMUTEX_CONTESTED (PP, and a contested PI
 * mutex just released) to the caller's thread id, sleeping while another thread
 * holds it.  Linux has no call that swaps a word to a FreeBSD thread id
 * (FUTEX_LOCK_PI stores Linux tids), and the supervisor cannot swap a word other
 * threads change concurrently.  So the swap runs in the guest thread: the call
 * is answered by redirecting the thread to a small routine in a code page mapped
 * into the process at the first use (as the signal trampoline is), which
 *   - does the `lock cmpxchg` loop on the word;
 *   - sleeps with FreeBSD's own _umtx_op(m, MUTEX_WAIT, 0, uaddr1, uaddr2) while
 *     the mutex is held (sets the contested bit, so the owner's unlock comes to the
 *     kernel and wakes it — umtx_mutex.c) — the timeout the caller gave is passed
 *     on; libthr's are absolute (UMTX_ABSTIME), so retries keep the deadline;
 *   - returns to the instruction after the caller's syscall with FreeBSD's
 *     result convention (%rax = 0, or the errno with the carry flag set:
 *     EBUSY for a trylock, EDEADLK when the caller owns it, EOWNERDEAD /
 *     ENOTRECOVERABLE for robust mutexes, MUTEX_WAIT's ETIMEDOUT/EINTR/EFAULT).
 * The redirect keeps every register a FreeBSD syscall keeps: %rcx and %r11 (which
 * syscall clobbers anyway) carry the return address and the thread id in, and the
 * routine saves what it uses below the caller's red zone.  The unlock of such
 * mutexes is MUTEX_UNLOCK (umtx_mutex.c).
 *
 * Priorities are not applied: neither inheritance nor the ceiling changes the
 * Linux scheduling of the threads (FreeBSD's real-time scheduler has no
 * counterpart here); the mutual exclusion is exact. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

/* In: %rdi = the umutex, %esi = op (4 TRYLOCK, 5 LOCK), %r10/%r8 = the timeout
 * (size, pointer), %rcx = return address, %r11d = thread id. */
static const uint8_t lock_code[] = {
    0x48, 0x8d, 0x64, 0x24, 0x80,         /* 00 lea -128(%rsp),%rsp  skip the red zone */
    0x51, 0x52, 0x56, 0x41, 0x53,         /* 05 push %rcx,%rdx,%rsi,%r11 */
    0x8b, 0x14, 0x24,                     /* 0a retry: mov (%rsp),%edx     id */
    0x31, 0xc0,                           /* 0d xor %eax,%eax */
    0xf0, 0x0f, 0xb1, 0x17,               /* 0f lock cmpxchg %edx,(%rdi) UNOWNED -> id */
    0x74, 0x6f,                           /* 13 je ok */
    0x89, 0xc1,                           /* 15 mov %eax,%ecx */
    0x81, 0xe1, 0xff, 0xff, 0xff, 0x7f,   /* 17 and $0x7fffffff,%ecx  the owner */
    0x75, 0x0e,                           /* 1d jne owned */
    0x81, 0xca, 0x00, 0x00, 0x00, 0x80,   /* 1f or $CONTESTED,%edx */
    0xf0, 0x0f, 0xb1, 0x17,               /* 25 lock cmpxchg %edx,(%rdi) CONTESTED -> id|C */
    0x74, 0x59,                           /* 29 je ok */
    0xeb, 0xdd,                           /* 2b jmp retry */
    0x39, 0xd1,                           /* 2d owned: cmp %edx,%ecx */
    0x74, 0x43,                           /* 2f je edeadlk */
    0x83, 0xf9, 0x10,                     /* 31 cmp $0x10,%ecx          RB_OWNERDEAD */
    0x74, 0x22,                           /* 34 je ownerdead */
    0x83, 0xf9, 0x11,                     /* 36 cmp $0x11,%ecx          RB_NOTRECOV */
    0x74, 0x31,                           /* 39 je notrecov */
    0x83, 0x7c, 0x24, 0x08, 0x04,         /* 3b cmpl $4,8(%rsp)         MUTEX_TRYLOCK? */
    0x74, 0x3a,                           /* 40 je ebusy */
    0xbe, 0x11, 0x00, 0x00, 0x00,         /* 42 mov $17,%esi            MUTEX_WAIT */
    0x31, 0xd2,                           /* 47 xor %edx,%edx */
    0xb8, 0xc6, 0x01, 0x00, 0x00,         /* 49 mov $454,%eax           _umtx_op */
    0x0f, 0x05,                           /* 4e syscall */
    0x72, 0x34,                           /* 50 jc out                  its error */
    0x8b, 0x74, 0x24, 0x08,               /* 52 mov 8(%rsp),%esi */
    0xeb, 0xb2,                           /* 56 jmp retry */
    0x81, 0xca, 0x00, 0x00, 0x00, 0x80,   /* 58 ownerdead: or $CONTESTED,%edx */
    0xf0, 0x0f, 0xb1, 0x17,               /* 5e lock cmpxchg %edx,(%rdi) */
    0x75, 0xa6,                           /* 62 jne retry */
    0xb8, 0x60, 0x00, 0x00, 0x00,         /* 64 mov $EOWNERDEAD,%eax */
    0xf9, 0xeb, 0x1a,                     /* 69 stc; jmp out */
    0xb8, 0x5f, 0x00, 0x00, 0x00,         /* 6c notrecov: mov $ENOTRECOVERABLE,%eax */
    0xf9, 0xeb, 0x12,                     /* 71 stc; jmp out */
    0xb8, 0x0b, 0x00, 0x00, 0x00,         /* 74 edeadlk: mov $EDEADLK,%eax */
    0xf9, 0xeb, 0x0a,                     /* 79 stc; jmp out */
    0xb8, 0x10, 0x00, 0x00, 0x00,         /* 7c ebusy: mov $EBUSY,%eax */
    0xf9, 0xeb, 0x02,                     /* 81 stc; jmp out */
    0x31, 0xc0,                           /* 84 ok: xor %eax,%eax (clears CF) */
    0x41, 0x5b, 0x5e, 0x5a, 0x59,         /* 86 out: pop %r11,%rsi,%rdx,%rcx */
    0x48, 0x8d, 0xa4, 0x24, 0x80, 0x00, 0x00, 0x00,   /* 8b lea 128(%rsp),%rsp */
    0xff, 0xe1,                           /* 93 jmp *%rcx */
};

/* The code page of t's process, mapped at the first use like the signal
 * trampoline (signal.c): its address, or 0. */
static uint64_t lock_page(struct tracee *t)
{
    struct fbsd_pstate *ps = fbsd_pstate(t);
    if (!ps)
        return 0;
    if (ps->umtx_code)
        return ps->umtx_code;
    uint64_t a[6] = { 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, (uint64_t)-1, 0 };
    long addr = guest_syscall(t, __NR_mmap, a);
    if (addr < 0 && addr > -4096)
        return 0;
    uint64_t p[6] = { (uint64_t)addr, 4096, PROT_READ | PROT_EXEC, 0, 0, 0 };
    if (guest_write(t, (uint64_t)addr, lock_code, sizeof lock_code) < 0 ||
        guest_syscall(t, __NR_mprotect, p) < 0) {
        uint64_t u[6] = { (uint64_t)addr, 4096, 0, 0, 0, 0 };
        guest_syscall(t, __NR_munmap, u);
        return 0;
    }
    ps->umtx_code = (uint64_t)addr;
    return ps->umtx_code;
}

/* MUTEX_LOCK(m, 0, size, timeout) and MUTEX_TRYLOCK(m): the thread goes to the
 * routine; the call itself is skipped (its registers are the result). */
static enum sys_action lock(struct tracee *t, struct sysc *sc, bool try_)
{
    uint32_t m[2];   /* m_owner, m_flags: the word must be there (EFAULT now, not a fault later) */
    if (guest_read(t, sc->args[0], m, sizeof m) < 0)
        return umtx_done(sc, -EFAULT);
    if (!try_) {
        struct fbsd_futex_wait w;
        int e = umtx_timeout(t, sc, &w);
        if (e < 0)
            return umtx_done(sc, e);
    }
    long id = umtx_self_id(t);
    if (id < 0)
        return umtx_done(sc, id);
    uint64_t code = lock_page(t);
    struct user_regs_struct *r = tracee_regs(t);
    if (!code || !r)
        return umtx_done(sc, -ENOMEM);
    r->rcx = r->rip;            /* after the syscall instruction */
    r->r11 = (uint64_t)id;
    r->rsi = try_ ? FBSD_UMTX_OP_MUTEX_TRYLOCK : FBSD_UMTX_OP_MUTEX_LOCK;
    r->rip = code;
    tracee_regs_changed(t);
    return umtx_done(sc, FBSD_RET_JUSTRETURN);
}

enum sys_action umtx_op_mutex_lock(struct tracee *t, struct sysc *sc)
{
    return lock(t, sc, false);
}

enum sys_action umtx_op_mutex_trylock(struct tracee *t, struct sysc *sc)
{
    return lock(t, sc, true);
}

/* SET_CEILING(m, ceiling, uint32_t *old_ceiling): for a PRIO_PROTECT mutex,
 * m_ceilings[0] = ceiling, the old one to *old_ceiling.  FreeBSD takes the mutex
 * around the store (waiting for its owner); the ceiling means nothing to the
 * lock itself here (priorities are not applied), so it is stored at once. */
#define FBSD_RTP_PRIO_MAX_ 31
enum sys_action umtx_op_set_ceiling(struct tracee *t, struct sysc *sc)
{
    struct fbsd_umutex m;
    if (guest_read(t, sc->args[0], &m, sizeof m) < 0)
        return umtx_done(sc, -EFAULT);
    if (!(m.m_flags & FBSD_UMUTEX_PRIO_PROTECT) || sc->args[2] > FBSD_RTP_PRIO_MAX_)
        return umtx_done(sc, -EINVAL);
    uint32_t old = m.m_ceilings[0], ceiling = (uint32_t)sc->args[2];
    if (guest_write(t, sc->args[0] + offsetof(struct fbsd_umutex, m_ceilings), &ceiling,
                    sizeof ceiling) < 0)
        return umtx_done(sc, -EFAULT);
    if (sc->args[3] && guest_write(t, sc->args[3], &old, sizeof old) < 0)
        return umtx_done(sc, -EFAULT);
    return umtx_done(sc, 0);
}
