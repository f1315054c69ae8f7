/* Linux process, signal, time and resource constants (<linux/sched.h>, <linux/wait.h>,
 * <linux/time.h>, <asm-generic/resource.h>, <linux/futex.h>, <linux/prctl.h>,
 * <asm/prctl.h>). */
#include <stddef.h>
#include "abi/linux/xlat.h"

static const struct xlat sighow[] = {
    { 0, "SIG_BLOCK" }, { 1, "SIG_UNBLOCK" }, { 2, "SIG_SETMASK" }, { 0, NULL }
};
const struct xlat_set linux_xs_sighow = { XS_ENUM, sighow, 0, NULL };

/* The low byte (CSIGNAL) is the exit signal: the personality's format_arg appends
 * its name, since strace shows it after the flags. */
static const struct xlat clone_flags[] = {
    { 0x00000100, "CLONE_VM" }, { 0x00000200, "CLONE_FS" }, { 0x00000400, "CLONE_FILES" },
    { 0x00000800, "CLONE_SIGHAND" }, { 0x00001000, "CLONE_PIDFD" },
    { 0x00002000, "CLONE_PTRACE" }, { 0x00004000, "CLONE_VFORK" },
    { 0x00008000, "CLONE_PARENT" }, { 0x00010000, "CLONE_THREAD" },
    { 0x00020000, "CLONE_NEWNS" }, { 0x00040000, "CLONE_SYSVSEM" },
    { 0x00080000, "CLONE_SETTLS" }, { 0x00100000, "CLONE_PARENT_SETTID" },
    { 0x00200000, "CLONE_CHILD_CLEARTID" }, { 0x00400000, "CLONE_DETACHED" },
    { 0x00800000, "CLONE_UNTRACED" }, { 0x01000000, "CLONE_CHILD_SETTID" },
    { 0x02000000, "CLONE_NEWCGROUP" }, { 0x04000000, "CLONE_NEWUTS" },
    { 0x08000000, "CLONE_NEWIPC" }, { 0x10000000, "CLONE_NEWUSER" },
    { 0x20000000, "CLONE_NEWPID" }, { 0x40000000, "CLONE_NEWNET" },
    { 0x80000000, "CLONE_IO" },
    { 0, NULL }
};
const struct xlat_set linux_xs_clone_flags = { XS_FLAGS, clone_flags, 0, NULL };

static const struct xlat wait_opts[] = {
    { 1, "WNOHANG" }, { 2, "WUNTRACED" }, { 4, "WEXITED" }, { 8, "WCONTINUED" },
    { 0x01000000, "WNOWAIT" }, { 0x20000000, "__WNOTHREAD" }, { 0x40000000, "__WALL" },
    { 0x80000000, "__WCLONE" },
    { 0, NULL }
};
const struct xlat_set linux_xs_wait_opts = { XS_FLAGS, wait_opts, 0, NULL };

static const struct xlat clockid[] = {
    { 0, "CLOCK_REALTIME" }, { 1, "CLOCK_MONOTONIC" }, { 2, "CLOCK_PROCESS_CPUTIME_ID" },
    { 3, "CLOCK_THREAD_CPUTIME_ID" }, { 4, "CLOCK_MONOTONIC_RAW" },
    { 5, "CLOCK_REALTIME_COARSE" }, { 6, "CLOCK_MONOTONIC_COARSE" },
    { 7, "CLOCK_BOOTTIME" }, { 8, "CLOCK_REALTIME_ALARM" }, { 9, "CLOCK_BOOTTIME_ALARM" },
    { 11, "CLOCK_TAI" },
    { 0, NULL }
};
const struct xlat_set linux_xs_clockid = { XS_ENUM, clockid, 0, NULL };

static const struct xlat rlimit[] = {
    { 0, "RLIMIT_CPU" }, { 1, "RLIMIT_FSIZE" }, { 2, "RLIMIT_DATA" }, { 3, "RLIMIT_STACK" },
    { 4, "RLIMIT_CORE" }, { 5, "RLIMIT_RSS" }, { 6, "RLIMIT_NPROC" }, { 7, "RLIMIT_NOFILE" },
    { 8, "RLIMIT_MEMLOCK" }, { 9, "RLIMIT_AS" }, { 10, "RLIMIT_LOCKS" },
    { 11, "RLIMIT_SIGPENDING" }, { 12, "RLIMIT_MSGQUEUE" }, { 13, "RLIMIT_NICE" },
    { 14, "RLIMIT_RTPRIO" }, { 15, "RLIMIT_RTTIME" },
    { 0, NULL }
};
const struct xlat_set linux_xs_rlimit = { XS_ENUM, rlimit, 0, NULL };

/* The command is the low 7 bits; FUTEX_PRIVATE_FLAG and FUTEX_CLOCK_REALTIME ride above. */
static const struct xlat futex_cmd[] = {
    { 0, "FUTEX_WAIT" }, { 1, "FUTEX_WAKE" }, { 2, "FUTEX_FD" }, { 3, "FUTEX_REQUEUE" },
    { 4, "FUTEX_CMP_REQUEUE" }, { 5, "FUTEX_WAKE_OP" }, { 6, "FUTEX_LOCK_PI" },
    { 7, "FUTEX_UNLOCK_PI" }, { 8, "FUTEX_TRYLOCK_PI" }, { 9, "FUTEX_WAIT_BITSET" },
    { 10, "FUTEX_WAKE_BITSET" }, { 11, "FUTEX_WAIT_REQUEUE_PI" },
    { 12, "FUTEX_CMP_REQUEUE_PI" }, { 13, "FUTEX_LOCK_PI2" },
    { 0, NULL }
};
static const struct xlat futex_flags[] = {
    { 128, "FUTEX_PRIVATE_FLAG" }, { 256, "FUTEX_CLOCK_REALTIME" }, { 0, NULL }
};
const struct xlat_set linux_xs_futex_op = { XS_FLAGS, futex_flags, 0x7f, futex_cmd };

static const struct xlat prctl[] = {
    { 1, "PR_SET_PDEATHSIG" }, { 2, "PR_GET_PDEATHSIG" }, { 3, "PR_GET_DUMPABLE" },
    { 4, "PR_SET_DUMPABLE" }, { 5, "PR_GET_UNALIGN" }, { 6, "PR_SET_UNALIGN" },
    { 7, "PR_GET_KEEPCAPS" }, { 8, "PR_SET_KEEPCAPS" }, { 9, "PR_GET_FPEMU" },
    { 10, "PR_SET_FPEMU" }, { 11, "PR_GET_FPEXC" }, { 12, "PR_SET_FPEXC" },
    { 13, "PR_GET_TIMING" }, { 14, "PR_SET_TIMING" }, { 15, "PR_SET_NAME" },
    { 16, "PR_GET_NAME" }, { 19, "PR_GET_ENDIAN" }, { 20, "PR_SET_ENDIAN" },
    { 21, "PR_GET_SECCOMP" }, { 22, "PR_SET_SECCOMP" }, { 23, "PR_CAPBSET_READ" },
    { 24, "PR_CAPBSET_DROP" }, { 25, "PR_GET_TSC" }, { 26, "PR_SET_TSC" },
    { 27, "PR_GET_SECUREBITS" }, { 28, "PR_SET_SECUREBITS" }, { 29, "PR_SET_TIMERSLACK" },
    { 30, "PR_GET_TIMERSLACK" }, { 31, "PR_TASK_PERF_EVENTS_DISABLE" },
    { 32, "PR_TASK_PERF_EVENTS_ENABLE" }, { 33, "PR_MCE_KILL" }, { 34, "PR_MCE_KILL_GET" },
    { 35, "PR_SET_MM" }, { 36, "PR_SET_CHILD_SUBREAPER" }, { 37, "PR_GET_CHILD_SUBREAPER" },
    { 38, "PR_SET_NO_NEW_PRIVS" }, { 39, "PR_GET_NO_NEW_PRIVS" }, { 40, "PR_GET_TID_ADDRESS" },
    { 41, "PR_SET_THP_DISABLE" }, { 42, "PR_GET_THP_DISABLE" }, { 45, "PR_SET_FP_MODE" },
    { 46, "PR_GET_FP_MODE" }, { 47, "PR_CAP_AMBIENT" }, { 50, "PR_SVE_SET_VL" },
    { 51, "PR_SVE_GET_VL" }, { 52, "PR_GET_SPECULATION_CTRL" },
    { 53, "PR_SET_SPECULATION_CTRL" }, { 57, "PR_SET_IO_FLUSHER" },
    { 58, "PR_GET_IO_FLUSHER" }, { 59, "PR_SET_SYSCALL_USER_DISPATCH" },
    { 62, "PR_SCHED_CORE" }, { 65, "PR_SET_MDWE" }, { 66, "PR_GET_MDWE" },
    { 0x53564d41, "PR_SET_VMA" }, { 0x59616d61, "PR_SET_PTRACER" },
    { 0, NULL }
};
const struct xlat_set linux_xs_prctl = { XS_ENUM, prctl, 0, NULL };

static const struct xlat arch_prctl[] = {
    { 0x1001, "ARCH_SET_GS" }, { 0x1002, "ARCH_SET_FS" }, { 0x1003, "ARCH_GET_FS" },
    { 0x1004, "ARCH_GET_GS" }, { 0x1011, "ARCH_GET_CPUID" }, { 0x1012, "ARCH_SET_CPUID" },
    { 0x1021, "ARCH_GET_XCOMP_SUPP" }, { 0x1022, "ARCH_GET_XCOMP_PERM" },
    { 0x1023, "ARCH_REQ_XCOMP_PERM" }, { 0x1024, "ARCH_GET_XCOMP_GUEST_PERM" },
    { 0x1025, "ARCH_REQ_XCOMP_GUEST_PERM" }, { 0x1031, "ARCH_XCOMP_TILECFG" },
    { 0x1032, "ARCH_XCOMP_TILEDATA" }, { 0x4001, "ARCH_GET_UNTAG_MASK" },
    { 0x4002, "ARCH_ENABLE_TAGGED_ADDR" }, { 0x4003, "ARCH_GET_MAX_TAG_BITS" },
    { 0x4004, "ARCH_FORCE_TAGGED_SVA" }, { 0x5001, "ARCH_SHSTK_ENABLE" },
    { 0x5002, "ARCH_SHSTK_DISABLE" }, { 0x5003, "ARCH_SHSTK_LOCK" },
    { 0x5004, "ARCH_SHSTK_UNLOCK" }, { 0x5005, "ARCH_SHSTK_STATUS" },
    { 0, NULL }
};
const struct xlat_set linux_xs_arch_prctl = { XS_ENUM, arch_prctl, 0, NULL };
