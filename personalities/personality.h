/* A personality: one guest ABI, described by data — its syscall table, its
 * constant-name tables for decoding, and a few hooks.  The tracer knows nothing of
 * any particular ABI; it only consults the personality of each traced process. */
#ifndef LSL2_PERSONALITY_H
#define LSL2_PERSONALITY_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <signal.h>

struct tracee;
struct sysc;

/* How an argument (or result) is shown by --trace.  Kinds that name a family of
 * constants (A_OFLAGS, A_SIGNUM, ...) are decoded with the personality's own
 * xlat table for that kind, so the same table entry shape serves every ABI. */
enum argkind {
    A_NONE = 0,
    A_INT,        /* signed decimal */
    A_UINT,       /* unsigned decimal */
    A_HEX,        /* hexadecimal */
    A_PTR,        /* pointer: hex, NULL for 0 */
    A_OCT,        /* octal (modes given as numbers) */
    A_FD,         /* descriptor */
    A_DIRFD,      /* descriptor or AT_FDCWD */
    A_PATH,       /* NUL-terminated string, read on entry */
    A_STR,        /* NUL-terminated string that is not a path (same display) */
    A_BUF_IN,     /* buffer whose length is the next argument, shown on entry */
    A_BUF_OUT,    /* buffer whose length is the result, shown on exit */
    A_STRV,       /* NULL-terminated array of strings (argv, envp) */
    A_STAT_OUT,   /* struct stat written by the call: summary on exit */
    A_SIZE,       /* size_t */
    A_OFF,        /* off_t */
    A_TIMESPEC,   /* const struct timespec * */
    /* constant families: decoded through pers->xlat[kind] */
    A_OFLAGS,     /* open(2) flags (access mode + flag bits) */
    A_MODE,       /* file mode bits (S_IF* and permissions) */
    A_ATFLAGS,    /* AT_* flags */
    A_FCNTL_CMD,
    A_MMAP_PROT,
    A_MMAP_FLAGS,
    A_SIGNUM,
    A_SIGHOW,     /* SIG_BLOCK ... */
    A_CLONE_FLAGS,
    A_WAIT_OPTS,
    A_CLOCKID,
    A_IOCTL_CMD,
    A_WHENCE,
    A_ACCESS_MODE,/* F_OK, R_OK ... */
    A_SOCK_DOMAIN,
    A_SOCK_TYPE,
    A_RLIMIT,
    A_PERS_1,     /* free for a personality's own families */
    A_PERS_2,
    A_PERS_3,
    A_PERS_4,
    A_PERS_5,
    A_PERS_6,
    A_PERS_7,
    A_PERS_8,
    A_PERS_9,
    A_PERS_10,
    A_PERS_11,
    A_PERS_12,
    A_PERS_13,
    A_PERS_14,
    A_PERS_15,
    A_NKINDS
};
_Static_assert(A_NKINDS <= 64, "exit_kinds holds one bit per kind");

/* A constant or flag name. Tables end with { 0, NULL }. */
struct xlat {
    uint64_t    val;
    const char *name;
};
/* How an xlat table is applied. */
enum xlat_style { XS_ENUM, XS_FLAGS };
struct xlat_set {
    enum xlat_style  style;
    const struct xlat *tab;
    uint64_t         enum_mask; /* XS_FLAGS: the low bits that hold an enum (e.g. O_ACCMODE), else 0 */
    const struct xlat *enum_tab;/* names for that enum part */
};

/* What an entry handler decided. */
enum sys_action {
    SYS_PASS = 0,   /* let the kernel run the (possibly rewritten) call; exit handler sees its result */
    SYS_DONE,       /* emulated: the kernel call is skipped, sc->ret is the result */
};

typedef enum sys_action (*sys_enter_fn)(struct tracee *t, struct sysc *sc);
typedef void (*sys_exit_fn)(struct tracee *t, struct sysc *sc);

/* Table entry flags. */
enum {
    SF_EXIT      = 1u << 0, /* needs the exit stop even without --trace */
    SF_NORETURN  = 1u << 1, /* exit, execve on success: no exit stop expected */
    SF_EXEC      = 1u << 2, /* execve family: personality is chosen again */
    SF_PARTIAL   = 1u << 3, /* support level: works, with the limits in .note */
};

struct syscall_ent {
    const char   *name;      /* NULL: no such syscall (ENOSYS) */
    uint8_t       nargs;
    uint8_t       arg[6];    /* enum argkind */
    uint8_t       ret;       /* enum argkind of the result (A_NONE: decimal) */
    uint16_t      flags;     /* SF_* */
    int16_t       host_nr;   /* host (Linux) syscall that serves it unchanged: -1 if none */
    sys_enter_fn  enter;     /* NULL: pass through (as host_nr when >= 0) */
    sys_exit_fn   exit;      /* NULL: nothing to do on exit */
    const char   *note;      /* what "partial" means, for lsl2 --syscalls */
};

struct personality {
    const char *name;                    /* "linux", "freebsd" */
    const struct syscall_ent *table;
    size_t nsyscalls;                    /* entries in table */
    const struct xlat_set *xlat[A_NKINDS];

    /* Guest errno value and name for a host errno (positive). */
    int         (*errno_to_guest)(int host_errno);
    const char *(*errno_name)(int guest_errno);
    /* Guest signal name for a host signal number (NULL: unknown). */
    const char *(*signal_name)(int host_sig);

    /* Puts the result of a syscall into the guest's registers, in the guest's
     * convention.  ret < 0 is a host -errno. */
    void (*set_result)(struct tracee *t, long ret, long ret2);
    /* Reads the result of a syscall the kernel ran, as a host value (-errno on error). */
    long (*get_result)(struct tracee *t);

    /* Called at PTRACE_EVENT_EXEC when this personality takes a process over
     * (auxv rewriting, initial registers). Returns 0 or -errno. */
    int  (*on_exec)(struct tracee *t);
    /* Shows an argument of a personality-specific kind (A_STAT_OUT...) into buf;
     * returns false to let the generic decoder handle it. */
    bool (*format_arg)(struct tracee *t, int kind, uint64_t val, bool on_exit,
                       long ret, char *buf, size_t len);
    /* Per-task state (t->pstate, owned by the personality).  All hooks optional.
     * task_new: `child` appeared, created by the syscall `creator` is in (NULL when the
     * creating thread is unknown); `thread`: same process.  Returns the child's pstate —
     * shared for a thread, copied for a process; child->pstate holds the creating
     * process's when it is called — and may set the child's registers
     * (its first stop: e.g. the start function of a FreeBSD thr_new). */
    void *(*task_new)(struct tracee *creator, struct tracee *child, bool thread);
    /* After execve: reset what does not survive exec (handlers, alternate stack). */
    void  (*task_exec)(struct tracee *t);
    /* The task is gone (its pstate reference is dropped). */
    void  (*task_gone)(struct tracee *t);
    /* A signal-delivery-stop for host signal `sig`: the personality may deliver it in
     * its own way (build its signal frame, set the registers) and return 0, or return
     * the host signal to hand to the kernel unchanged. */
    int   (*signal_deliver)(struct tracee *t, int sig, const siginfo_t *si);

    /* Personality-specific kinds (bit = 1 << kind) that, like A_BUF_OUT and
     * A_STAT_OUT, describe memory the call writes: --trace shows them at exit. */
    uint64_t exit_kinds;

    /* Whether a process of this personality can run without any syscall stop. */
    bool native_ok;
};

extern const struct personality linux_personality;
extern const struct personality freebsd_personality;

/* Looks a personality up by name; NULL when unknown. */
const struct personality *personality_by_name(const char *name);

#endif
