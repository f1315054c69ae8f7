/* The FreeBSD personality: FreeBSD amd64 programs on the Linux kernel.  Every
 * call stops (native_ok is false): even the calls Linux serves unchanged need
 * their result put into FreeBSD's convention (carry flag, FreeBSD errno). */
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/pstate.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/signal.h"
#include "loader/freebsd_start.h"

/* Host signal -> FreeBSD name, through abi's signal map (Linux-only signals,
 * SIGSTKFLT and SIGPWR, have none). */
static const char *fbsd_signal_name(int host_sig)
{
    int sig = fbsd_signal_from_linux(host_sig);
    if (sig <= 0)
        return NULL;
    for (const struct xlat *x = fbsd_xlat_signals; x->name; x++)
        if (x->val == (uint64_t)sig)
            return x->name;
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
        [A_SIGNUM] = &fbsd_xset_signals,
        [A_WAIT_OPTS] = &fbsd_xset_wait_opts,
        [A_IOCTL_CMD] = &fbsd_xset_ioctl_cmds,
        [A_DIRFD] = &fbsd_xset_dirfd,
        [A_SOCK_DOMAIN] = &fbsd_xset_socket_domains,
        [A_SOCK_TYPE] = &fbsd_xset_socket_types,
        [A_FBSD_MSG_FLAGS] = &fbsd_xset_msg_flags,
    },
    .errno_to_guest = fbsd_errno_from_linux,
    .errno_name = fbsd_errno_name,
    .signal_name = fbsd_signal_name,
    .set_result = fbsd_set_result,
    .get_result = fbsd_get_result,
    .on_exec = freebsd_on_exec,     /* auxv, registers: loader/freebsd_start.c */
    .task_new = fbsd_task_new,      /* per-process state: pstate.c */
    .task_exec = fbsd_task_exec,
    .task_gone = fbsd_task_gone,
    .signal_deliver = fbsd_signal_deliver,   /* FreeBSD handlers: sigdeliver.c */
    .format_arg = fbsd_format_arg,  /* structs: trace_format.c */
    .exit_kinds = FBSD_TRACE_EXIT_KINDS,
    .native_ok = false,
};
