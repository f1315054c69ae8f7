/* The FreeBSD personality: FreeBSD amd64 programs on the Linux kernel.  Every
 * call stops (native_ok is false): even the calls Linux serves unchanged need
 * their result put into FreeBSD's convention (carry flag, FreeBSD errno). */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/errno.h"

/* Host signal -> FreeBSD name.  Signals that both systems have keep their name
 * (only the numbers differ); Linux-only ones (SIGSTKFLT, SIGPWR) have no
 * FreeBSD name. */
static const char *fbsd_signal_name(int host_sig)
{
    static const char *const names[] = {
        [SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
        [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
        [SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
        [SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGCHLD] = "SIGCHLD",
        [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP", [SIGTTIN] = "SIGTTIN",
        [SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ",
        [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF", [SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO",
        [SIGSYS] = "SIGSYS",
    };
    if (host_sig > 0 && (size_t)host_sig < sizeof names / sizeof names[0])
        return names[host_sig];
    return NULL;
}

const struct personality freebsd_personality = {
    .name = "freebsd",
    .table = fbsd_syscalls,
    .nsyscalls = FBSD_SYS_MAXSYSCALL,
    .xlat = {
        [A_OFLAGS] = &fbsd_xset_open_flags,
        [A_ATFLAGS] = &fbsd_xset_at_flags,
        [A_FCNTL_CMD] = &fbsd_xset_fcntl_cmds,
        [A_MMAP_PROT] = &fbsd_xset_mmap_prot,
        [A_MMAP_FLAGS] = &fbsd_xset_mmap_flags,
        [A_ACCESS_MODE] = &fbsd_xset_access_modes,
        [A_WHENCE] = &fbsd_xset_whence,
        [A_SIGHOW] = &fbsd_xset_sighow,
        [A_RLIMIT] = &fbsd_xset_rlimits,
        [A_CLOCKID] = &fbsd_xset_clockids,
    },
    .errno_to_guest = fbsd_errno_from_linux,
    .errno_name = fbsd_errno_name,
    .signal_name = fbsd_signal_name,
    .set_result = fbsd_set_result,
    .get_result = fbsd_get_result,
    /* The process start (auxv, registers, TLS) comes from the "fbstart" work as
     * freebsd_on_exec() in loader/freebsd_start.h; until it lands, nothing is
     * rewritten at exec and FreeBSD programs cannot start. */
    .on_exec = NULL,
    .format_arg = fbsd_format_arg,
    .native_ok = false,
};
