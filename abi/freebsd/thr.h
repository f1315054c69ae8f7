/* FreeBSD thread creation and scheduling-class types (sys/thr.h, sys/rtprio.h,
 * sys/priority.h, sys/cpuset.h of FreeBSD 13.2), and the pure parts of thr_new:
 * where a new thread starts, as FreeBSD's kernel sets it up. */
#ifndef LSL2_ABI_FREEBSD_THR_H
#define LSL2_ABI_FREEBSD_THR_H

#include <stddef.h>
#include <stdint.h>

struct fbsd_thr_param {
    uint64_t start_func;   /* void (*)(void *) */
    uint64_t arg;
    uint64_t stack_base;
    uint64_t stack_size;
    uint64_t tls_base;
    uint64_t tls_size;
    uint64_t child_tid;    /* long *: the new thread id, written before it runs */
    uint64_t parent_tid;   /* long *: the same, for the creator */
    int32_t  flags;        /* THR_* */
    int32_t  pad_;
    uint64_t rtp;          /* struct rtprio * */
    uint64_t spare[3];
};
_Static_assert(sizeof(struct fbsd_thr_param) == 104, "struct thr_param size");
_Static_assert(offsetof(struct fbsd_thr_param, flags) == 64, "thr_param.flags");
_Static_assert(offsetof(struct fbsd_thr_param, rtp) == 72, "thr_param.rtp");

#define FBSD_THR_SUSPENDED     0x0001
#define FBSD_THR_SYSTEM_SCOPE  0x0002

/* FreeBSD's amd64 cpu_set_upcall: the stack top rounded down to 16 bytes, less
 * one word for a return address, so the entry function sees the ABI's alignment. */
static inline uint64_t fbsd_thr_start_rsp(uint64_t stack_base, uint64_t stack_size)
{
    return ((stack_base + stack_size) & ~(uint64_t)0xf) - 8;
}

/* struct rtprio and its classes (RTP_PRIO_* = PRI_*). */
struct fbsd_rtprio {
    uint16_t type;
    uint16_t prio;
};
#define FBSD_RTP_LOOKUP         0
#define FBSD_RTP_SET            1
#define FBSD_RTP_PRIO_ITHD      1
#define FBSD_RTP_PRIO_REALTIME  2
#define FBSD_RTP_PRIO_NORMAL    3
#define FBSD_RTP_PRIO_IDLE      4
#define FBSD_RTP_PRIO_FIFO_BIT  8
#define FBSD_RTP_PRIO_FIFO      (FBSD_RTP_PRIO_FIFO_BIT | FBSD_RTP_PRIO_REALTIME)
#define FBSD_RTP_PRIO_MIN       0
#define FBSD_RTP_PRIO_MAX       31

/* cpuset(2) family: levels and "which" kinds; cpuset_t is 256 bits (CPU_SETSIZE
 * = CPU_MAXSIZE in userland). */
#define FBSD_CPU_LEVEL_ROOT     1
#define FBSD_CPU_LEVEL_CPUSET   2
#define FBSD_CPU_LEVEL_WHICH    3
#define FBSD_CPU_WHICH_TID      1
#define FBSD_CPU_WHICH_PID      2
#define FBSD_CPU_WHICH_CPUSET   3
#define FBSD_CPU_WHICH_IRQ      4
#define FBSD_CPU_WHICH_JAIL     5
#define FBSD_CPU_WHICH_DOMAIN   6
#define FBSD_CPU_WHICH_INTRHANDLER 7
#define FBSD_CPU_WHICH_ITHREAD  8
#define FBSD_CPU_WHICH_TIDPID   9
#define FBSD_CPU_SETSIZE        256
#define FBSD_CPUSET_BYTES       (FBSD_CPU_SETSIZE / 8)

#endif
