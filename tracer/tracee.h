/* A traced guest thread, and the accessors that syscall handlers use on it.
 * Every accessor returns 0 or a negative host errno; a bad guest pointer gives
 * -EFAULT, never a crash of lsl2. */
#ifndef LSL2_TRACEE_H
#define LSL2_TRACEE_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>
#include <sys/types.h>
#include <sys/user.h>
#include "personalities/personality.h"

/* The syscall a tracee is in, from its entry stop to its exit stop. */
struct sysc {
    long     nr;            /* number as the guest issued it (guest ABI) */
    uint64_t args[6];       /* arguments as the guest passed them */
    const struct syscall_ent *ent; /* NULL when the number is unknown */
    enum sys_action action;
    long     ret;           /* result, host convention: < 0 is -errno */
    long     ret2;          /* second result register (FreeBSD %rdx) */
    bool     has_ret2;
    uint64_t scratch;       /* low end of guest scratch space handed out so far (0: none) */
    uint64_t save[6];       /* free for the handler, kept from entry to exit */
    char     trace[512];    /* --trace: the line as decoded at entry */
    size_t   trace_len;
};

struct tracee {
    pid_t    tid;
    pid_t    tgid;
    const struct personality *pers;
    void    *pstate;        /* personality state for this thread group (owned by the personality) */
    void    *tstate;        /* personality state of this thread alone (owned by the personality) */
    bool     in_syscall;    /* between entry and exit stop */
    bool     regs_valid;    /* regs holds the current registers */
    bool     regs_dirty;    /* regs must be written back before resuming */
    struct user_regs_struct regs;
    struct sysc sc;
    /* tracer bookkeeping */
    bool     attached;      /* options set, first stop seen */
    bool     exec_pending;  /* between execve entry and PTRACE_EVENT_EXEC */
    bool     seccomp_stop;  /* the current entry stop came from seccomp */
    int      pending_sig;   /* signal to inject when resuming */
    struct tracee *next;    /* hash chain */
};

/* Ends an emulated call (an entry handler's SYS_DONE) with result ret, in the host
 * convention (< 0: -errno). */
static inline enum sys_action sysc_done(struct sysc *sc, long ret)
{
    sc->ret = ret;
    return SYS_DONE;
}

/* Registers: loaded on first use at each stop, written back once when resuming. */
struct user_regs_struct *tracee_regs(struct tracee *t);   /* NULL if the thread is gone */
void tracee_regs_changed(struct tracee *t);
int  tracee_regs_flush(struct tracee *t);

/* Beyond the general registers (tracer/xregs.c), read or written at once, at any
 * ptrace stop (signal delivery needs them): the 512-byte FXSAVE area
 * (user_fpregs_struct); the whole XSAVE area in Linux's standard format (returns
 * its length, or -errno; len 0 with buf NULL asks for the length only — writes
 * must give exactly that length); the thread's blocked-signal mask (Linux bits). */
int  tracee_fpregs(struct tracee *t, struct user_fpregs_struct *fx, bool set);
long tracee_xstate(struct tracee *t, void *buf, size_t len, bool set);
int  tracee_sigmask(struct tracee *t, uint64_t *mask, bool set);

/* Guest memory. */
int  guest_read(struct tracee *t, uint64_t addr, void *buf, size_t len);
int  guest_write(struct tracee *t, uint64_t addr, const void *buf, size_t len);
/* Reads a NUL-terminated string of at most cap-1 bytes; returns its length,
 * -EFAULT, or -ENAMETOOLONG when no NUL was found within cap bytes. */
long guest_read_str(struct tracee *t, uint64_t addr, char *buf, size_t cap);

/* Guest scratch memory for the duration of the current syscall: space below the
 * stack pointer's red zone.  Returns its address, or 0 when it cannot be had. */
uint64_t guest_scratch(struct tracee *t, size_t len);

/* At a syscall stop: change the host syscall number / an argument the kernel will see. */
void sysc_set_host_nr(struct tracee *t, long host_nr);
void sysc_set_arg(struct tracee *t, int i, uint64_t val);

/* At a syscall-entry stop: run another host syscall inside the guest first,
 * synchronously, and return its result (-errno on error).  The current call's
 * entry state is restored afterwards. */
long guest_syscall(struct tracee *t, long host_nr, const uint64_t args[6]);

/* /proc/TID/WHAT of a guest thread (its mountinfo, root...), as the
 * supervisor's pid namespace numbers it (tracer/procfs.c): a descriptor opened
 * with open(2) flags, or -1 with errno set. */
int  procfs_open(pid_t tid, const char *what, int flags);
/* Reads /proc/TID/WHAT whole into buf (NUL-terminated, at most len-1 bytes);
 * returns its length, or -1. */
ssize_t procfs_read(pid_t tid, const char *what, char *buf, size_t len);
/* Any file of that proc mount, by its relative path ("self/mountinfo", "cpuinfo"). */
int  procfs_open_at(const char *rel, int flags);

#endif
