/* FreeBSD signals (sys/signal.h, FreeBSD 13.2): numbers, 128-bit sigset_t,
 * struct sigaction, stack_t, siginfo_t, and their translation to and from
 * Linux's. */
#ifndef LSL2_ABI_FREEBSD_SIGNAL_H
#define LSL2_ABI_FREEBSD_SIGNAL_H

#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

#define FBSD_SIGHUP     1
#define FBSD_SIGINT     2
#define FBSD_SIGQUIT    3
#define FBSD_SIGILL     4
#define FBSD_SIGTRAP    5
#define FBSD_SIGABRT    6
#define FBSD_SIGEMT     7
#define FBSD_SIGFPE     8
#define FBSD_SIGKILL    9
#define FBSD_SIGBUS     10
#define FBSD_SIGSEGV    11
#define FBSD_SIGSYS     12
#define FBSD_SIGPIPE    13
#define FBSD_SIGALRM    14
#define FBSD_SIGTERM    15
#define FBSD_SIGURG     16
#define FBSD_SIGSTOP    17
#define FBSD_SIGTSTP    18
#define FBSD_SIGCONT    19
#define FBSD_SIGCHLD    20
#define FBSD_SIGTTIN    21
#define FBSD_SIGTTOU    22
#define FBSD_SIGIO      23
#define FBSD_SIGXCPU    24
#define FBSD_SIGXFSZ    25
#define FBSD_SIGVTALRM  26
#define FBSD_SIGPROF    27
#define FBSD_SIGWINCH   28
#define FBSD_SIGINFO    29
#define FBSD_SIGUSR1    30
#define FBSD_SIGUSR2    31
#define FBSD_SIGTHR     32
#define FBSD_SIGLIBRT   33
#define FBSD_SIGRTMIN   65
#define FBSD_SIGRTMAX   126
#define FBSD_NSIG        128   /* _SIG_MAXSIG: sigset_t holds signals 1..128 */

#define FBSD_SIG_BLOCK   1
#define FBSD_SIG_UNBLOCK 2
#define FBSD_SIG_SETMASK 3

#define FBSD_SA_ONSTACK   0x0001
#define FBSD_SA_RESTART   0x0002
#define FBSD_SA_RESETHAND 0x0004
#define FBSD_SA_NOCLDSTOP 0x0008
#define FBSD_SA_NODEFER   0x0010
#define FBSD_SA_NOCLDWAIT 0x0020
#define FBSD_SA_SIGINFO   0x0040

#define FBSD_SS_ONSTACK   0x0001
#define FBSD_SS_DISABLE   0x0004
#define FBSD_MINSIGSTKSZ  2048
#define FBSD_SIGSTKSZ     (FBSD_MINSIGSTKSZ + 32768)

#define FBSD_SIG_DFL      0
#define FBSD_SIG_IGN      1

/* si_code values that are not signal-specific */
#define FBSD_SI_NOINFO    0
#define FBSD_SI_USER      0x10001
#define FBSD_SI_QUEUE     0x10002
#define FBSD_SI_TIMER     0x10003
#define FBSD_SI_ASYNCIO   0x10004
#define FBSD_SI_MESGQ     0x10005
#define FBSD_SI_KERNEL    0x10006
#define FBSD_SI_LWP       0x10007

#define FBSD_SIGEV_NONE      0
#define FBSD_SIGEV_SIGNAL    1
#define FBSD_SIGEV_THREAD    2
#define FBSD_SIGEV_KEVENT    3
#define FBSD_SIGEV_THREAD_ID 4

typedef struct {
    uint32_t bits[4];   /* signal n is bit (n-1) % 32 of bits[(n-1) / 32] */
} fbsd_sigset_t;

/* Field names carry an f prefix: the C libraries define sa_handler, si_pid,
 * si_addr... as macros. */
struct fbsd_sigaction {
    uint64_t      fsa_handler;  /* or sa_sigaction; FBSD_SIG_DFL / FBSD_SIG_IGN */
    int32_t       fsa_flags;
    fbsd_sigset_t fsa_mask;
};
_Static_assert(sizeof(struct fbsd_sigaction) == 32, "fbsd_sigaction size");
_Static_assert(offsetof(struct fbsd_sigaction, fsa_flags) == 8, "fbsd_sigaction sa_flags");
_Static_assert(offsetof(struct fbsd_sigaction, fsa_mask) == 12, "fbsd_sigaction sa_mask");

/* stack_t: note the order differs from Linux's (ss_flags last). */
struct fbsd_stack {
    uint64_t ss_sp;
    uint64_t ss_size;
    int32_t  ss_flags;
};
_Static_assert(sizeof(struct fbsd_stack) == 24, "fbsd_stack size");

struct fbsd_siginfo {
    int32_t  fsi_signo;
    int32_t  fsi_errno;
    int32_t  fsi_code;
    int32_t  fsi_pid;
    uint32_t fsi_uid;
    int32_t  fsi_status;
    uint64_t fsi_addr;
    uint64_t fsi_value;      /* union sigval */
    union {
        int32_t trapno;
        struct { int32_t timerid, overrun; } timer;
        int32_t mqd;
        int64_t band;
        int32_t spare[10];
    } fsi_reason;
};
_Static_assert(sizeof(struct fbsd_siginfo) == 80, "fbsd_siginfo size");
_Static_assert(offsetof(struct fbsd_siginfo, fsi_addr) == 24, "fbsd_siginfo si_addr");
_Static_assert(offsetof(struct fbsd_siginfo, fsi_reason) == 40, "fbsd_siginfo _reason");

/* Signal numbers.  1-6, 8, 9, 11, 13-15 and 21-22 are the same; the others are
 * moved.  FreeBSD-only signals take Linux real-time numbers that no Linux guest
 * code shares the process with: SIGTHR -> 32, SIGLIBRT -> 33, SIGEMT -> 34,
 * SIGINFO -> 35, and FreeBSD's SIGRTMIN..SIGRTMIN+28 (65..93) -> 36..64.
 * Linux's SIGSTKFLT and SIGPWR and FreeBSD's real-time signals above 93 have
 * no counterpart: the functions return 0 for them. */
int fbsd_signal_to_linux(int fbsd_sig);
int fbsd_signal_from_linux(int linux_sig);
#define FBSD_SIGRT_MAPPED_MAX (FBSD_SIGRTMIN + 28)

/* Signal sets: untranslatable members are dropped (they cannot be pending or
 * delivered through Linux anyway). */
uint64_t fbsd_sigset_to_linux(const fbsd_sigset_t *set);
void fbsd_sigset_from_linux(fbsd_sigset_t *out, uint64_t linux_set);

/* sigaction flags (SA_RESTORER is the handler's business). */
extern const struct fbsd_map fbsd_sa_flags_map;
/* sigprocmask how: Linux value, or -1 when invalid. */
int fbsd_sighow_to_linux(int how);
/* stack_t flags */
extern const struct fbsd_map fbsd_ss_flags_map;

/* si_code: the generic SI_* codes are renumbered; signal-specific codes
 * (SEGV_MAPERR, CLD_EXITED, ...) have the same values on both. */
int fbsd_si_code_from_linux(int linux_code);

/* Fills a FreeBSD siginfo from a Linux siginfo_t (const void * to keep this
 * header free of host headers): signal and si_status (for SIGCHLD) translated. */
void fbsd_siginfo_from_linux(struct fbsd_siginfo *out, const void *linux_siginfo);

extern const struct xlat fbsd_xlat_signals[];
extern const struct xlat fbsd_xlat_sighow[];
extern const struct xlat fbsd_xlat_sa_flags[];
extern const struct xlat fbsd_xlat_si_codes[];
extern const struct xlat fbsd_xlat_sigev[];

#endif
