/* FreeBSD's struct sigevent (sys/signal.h of 13.2) and its translation to
 * Linux's (ktimer_create, kmq_notify). */
#ifndef LSL2_ABI_FREEBSD_SIGEVENT_H
#define LSL2_ABI_FREEBSD_SIGEVENT_H

#include <stddef.h>
#include <stdint.h>

#define FBSD_SIGEV_NONE      0
#define FBSD_SIGEV_SIGNAL    1
#define FBSD_SIGEV_THREAD    2   /* libc's: the kernel never sees it */
#define FBSD_SIGEV_KEVENT    3
#define FBSD_SIGEV_THREAD_ID 4

struct fbsd_sigevent {
    int32_t  sigev_notify;
    int32_t  sigev_signo;         /* also sigev_notify_kqueue */
    uint64_t sigev_value;         /* union sigval */
    union {
        int32_t  threadid;        /* sigev_notify_thread_id (lwpid_t) */
        uint16_t kevent_flags;
        struct { uint64_t function, attribute; } thread;
        int64_t  spare[8];
    } un;
};
_Static_assert(sizeof(struct fbsd_sigevent) == 80, "FreeBSD struct sigevent is 80 bytes");
_Static_assert(offsetof(struct fbsd_sigevent, un) == 16, "sigevent _sigev_un");

/* Linux's (asm-generic/siginfo.h), with its own numbers. */
#define LINUX_SIGEV_SIGNAL    0
#define LINUX_SIGEV_NONE      1
#define LINUX_SIGEV_THREAD    2
#define LINUX_SIGEV_THREAD_ID 4
struct linux_sigevent {
    uint64_t sigev_value;
    int32_t  sigev_signo;
    int32_t  sigev_notify;
    int32_t  tid;                 /* _sigev_un._tid */
    int32_t  pad[11];
};
_Static_assert(sizeof(struct linux_sigevent) == 64, "Linux struct sigevent is 64 bytes");

/* in -> out as a kernel takes it: SIGEV_NONE, SIGEV_SIGNAL and SIGEV_THREAD_ID
 * with the signal translated (fbsd_signal_to_linux) and the value kept; the
 * thread id is copied as it is (the caller turns FreeBSD's id into a Linux tid).
 * Returns 0, or -EINVAL for what FreeBSD's kernel refuses too (SIGEV_THREAD, a
 * signal number out of range or without a Linux counterpart, an unknown notify)
 * and for SIGEV_KEVENT, which these calls do not support (kernel-side kqueue
 * delivery: only aio and mq offer it on FreeBSD; lsl2 has no kqueue hook for it). */
int fbsd_sigevent_to_linux(const struct fbsd_sigevent *in, struct linux_sigevent *out);

#endif
