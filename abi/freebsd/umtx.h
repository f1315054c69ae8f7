/* FreeBSD's _umtx_op(2) ABI (sys/umtx.h, sys/_umtx.h of FreeBSD 13.2): the
 * operations, the word layouts of its primitives, and the pure translation of a
 * `struct _umtx_time` timeout into a Linux futex wait. */
#ifndef LSL2_ABI_FREEBSD_UMTX_H
#define LSL2_ABI_FREEBSD_UMTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "abi/freebsd/stat.h"      /* struct fbsd_timespec */

#define FBSD_UMTX_OP_LOCK               0   /* COMPAT10 */
#define FBSD_UMTX_OP_UNLOCK             1   /* COMPAT10 */
#define FBSD_UMTX_OP_WAIT               2
#define FBSD_UMTX_OP_WAKE               3
#define FBSD_UMTX_OP_MUTEX_TRYLOCK      4
#define FBSD_UMTX_OP_MUTEX_LOCK         5
#define FBSD_UMTX_OP_MUTEX_UNLOCK       6
#define FBSD_UMTX_OP_SET_CEILING        7
#define FBSD_UMTX_OP_CV_WAIT            8
#define FBSD_UMTX_OP_CV_SIGNAL          9
#define FBSD_UMTX_OP_CV_BROADCAST       10
#define FBSD_UMTX_OP_WAIT_UINT          11
#define FBSD_UMTX_OP_RW_RDLOCK          12
#define FBSD_UMTX_OP_RW_WRLOCK          13
#define FBSD_UMTX_OP_RW_UNLOCK          14
#define FBSD_UMTX_OP_WAIT_UINT_PRIVATE  15
#define FBSD_UMTX_OP_WAKE_PRIVATE       16
#define FBSD_UMTX_OP_MUTEX_WAIT         17
#define FBSD_UMTX_OP_MUTEX_WAKE         18  /* deprecated */
#define FBSD_UMTX_OP_SEM_WAIT           19  /* deprecated */
#define FBSD_UMTX_OP_SEM_WAKE           20  /* deprecated */
#define FBSD_UMTX_OP_NWAKE_PRIVATE      21
#define FBSD_UMTX_OP_MUTEX_WAKE2        22
#define FBSD_UMTX_OP_SEM2_WAIT          23
#define FBSD_UMTX_OP_SEM2_WAKE          24
#define FBSD_UMTX_OP_SHM                25
#define FBSD_UMTX_OP_ROBUST_LISTS       26
#define FBSD_UMTX_OP_MAX                27
#define FBSD_UMTX_OP__I386              0x40000000u
#define FBSD_UMTX_OP__32BIT             0x80000000u

#define FBSD_USYNC_PROCESS_SHARED   0x0001
#define FBSD_UMUTEX_PRIO_INHERIT    0x0004
#define FBSD_UMUTEX_PRIO_PROTECT    0x0008
#define FBSD_UMUTEX_ROBUST          0x0010
#define FBSD_UMUTEX_NONCONSISTENT   0x0020
#define FBSD_UMUTEX_UNOWNED         0x0u
#define FBSD_UMUTEX_CONTESTED       0x80000000u
#define FBSD_UMUTEX_RB_OWNERDEAD    (FBSD_UMUTEX_CONTESTED | 0x10)
#define FBSD_UMUTEX_RB_NOTRECOV     (FBSD_UMUTEX_CONTESTED | 0x11)

#define FBSD_URWLOCK_PREFER_READER  0x0002
#define FBSD_URWLOCK_WRITE_OWNER    0x80000000u
#define FBSD_URWLOCK_WRITE_WAITERS  0x40000000u
#define FBSD_URWLOCK_READ_WAITERS   0x20000000u
#define FBSD_URWLOCK_MAX_READERS    0x1fffffffu

#define FBSD_USEM_HAS_WAITERS       0x80000000u
#define FBSD_USEM_MAX_COUNT         0x7fffffffu

#define FBSD_CVWAIT_CHECK_UNPARKING 0x01
#define FBSD_CVWAIT_ABSTIME         0x02
#define FBSD_CVWAIT_CLOCKID         0x04
#define FBSD_UMTX_ABSTIME           0x01

#define FBSD_UMTX_SHM_CREAT         0x0001
#define FBSD_UMTX_SHM_LOOKUP        0x0002
#define FBSD_UMTX_SHM_DESTROY       0x0004
#define FBSD_UMTX_SHM_ALIVE         0x0008

struct fbsd_umutex {
    uint32_t m_owner;        /* lwpid_t of the owner, UMUTEX_CONTESTED bit */
    uint32_t m_flags;
    uint32_t m_ceilings[2];
    uint64_t m_rb_lnk;
    uint32_t m_spare[2];
};
_Static_assert(sizeof(struct fbsd_umutex) == 32, "struct umutex size");

struct fbsd_ucond {
    uint32_t c_has_waiters;
    uint32_t c_flags;
    uint32_t c_clockid;
    uint32_t c_spare[1];     /* beyond libthr's pthread_cond: never touched */
};

struct fbsd_urwlock {
    int32_t  rw_state;
    uint32_t rw_flags;
    uint32_t rw_blocked_readers;
    uint32_t rw_blocked_writers;
    uint32_t rw_spare[4];
};
_Static_assert(sizeof(struct fbsd_urwlock) == 32, "struct urwlock size");

struct fbsd_usem2 {
    uint32_t _count;         /* USEM_HAS_WAITERS in the high bit */
    uint32_t _flags;
};

struct fbsd_umtx_time {
    struct fbsd_timespec _timeout;
    uint32_t _flags;         /* UMTX_ABSTIME */
    uint32_t _clockid;
};
_Static_assert(sizeof(struct fbsd_umtx_time) == 24, "struct _umtx_time size");

struct fbsd_umtx_robust_lists_params {
    uint64_t robust_list_offset;
    uint64_t robust_priv_list_offset;
    uint64_t robust_inact_offset;
};

/* A FreeBSD timeout as a Linux futex wait: op is FUTEX_WAIT (relative ts, or no
 * timeout when has_ts is false) or FUTEX_WAIT_BITSET (absolute ts on the monotonic
 * clock, | FUTEX_CLOCK_REALTIME on the real-time clock). */
struct fbsd_futex_wait {
    int  op;
    bool has_ts;
    struct timespec ts;
};

/* ut == NULL: no timeout.  Validates as FreeBSD's umtx_copyin_timeout does
 * (negative seconds or nanoseconds out of range: -EINVAL); an absolute timeout on
 * a clock Linux futexes cannot sleep on (CPU-time clocks) is -EINVAL too.
 * Returns 0 or -EINVAL. */
int fbsd_umtx_wait_plan(const struct fbsd_umtx_time *ut, struct fbsd_futex_wait *out);

/* The struct _umtx_time a call passes as (size, pointer): a size up to that of a
 * timespec means a bare relative timespec on CLOCK_REALTIME (kern_umtx.c). */
size_t fbsd_umtx_time_len(uint64_t size);

#endif
