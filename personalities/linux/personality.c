/* The Linux personality: Linux guests (musl, busybox, other libcs) on the Linux host.
 * Numbers, errno values and signals are the host's, so every syscall passes through;
 * the personality exists to name things for --trace and to be traced when asked. */
#include <errno.h>
#include <sys/user.h>
#include "personalities/linux/linux.h"
#include "abi/linux/xlat.h"
#include "tracer/tracee.h"

static int linux_errno_to_guest(int host_errno) { return host_errno; }

/* The result goes to %rax as is: the host's -errno convention is Linux's own. */
static void linux_set_result(struct tracee *t, long ret, long ret2)
{
    (void)ret2;
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return;
    r->rax = (unsigned long long)ret;
    tracee_regs_changed(t);
}

static long linux_get_result(struct tracee *t)
{
    struct user_regs_struct *r = tracee_regs(t);
    return r ? (long)r->rax : -ESRCH;
}

const struct personality linux_personality = {
    .name = "linux",
    .table = linux_syscalls,
    .nsyscalls = LINUX_NSYSCALLS,
    .xlat = {
        [A_DIRFD]       = &linux_xs_dirfd,
        [A_MODE]        = &linux_xs_mode,
        [A_OFLAGS]      = &linux_xs_oflags,
        [A_ATFLAGS]     = &linux_xs_atflags,
        [A_FCNTL_CMD]   = &linux_xs_fcntl_cmd,
        [A_MMAP_PROT]   = &linux_xs_mmap_prot,
        [A_MMAP_FLAGS]  = &linux_xs_mmap_flags,
        [A_SIGNUM]      = &linux_xs_signum,
        [A_SIGHOW]      = &linux_xs_sighow,
        [A_CLONE_FLAGS] = &linux_xs_clone_flags,
        [A_WAIT_OPTS]   = &linux_xs_wait_opts,
        [A_CLOCKID]     = &linux_xs_clockid,
        [A_IOCTL_CMD]   = &linux_xs_ioctl_cmd,
        [A_WHENCE]      = &linux_xs_whence,
        [A_ACCESS_MODE] = &linux_xs_access_mode,
        [A_SOCK_DOMAIN] = &linux_xs_sock_domain,
        [A_SOCK_TYPE]   = &linux_xs_sock_type,
        [A_RLIMIT]      = &linux_xs_rlimit,
        [A_LINUX_FDFLAGS]    = &linux_xs_fdflags,
        [A_LINUX_FUTEX_OP]   = &linux_xs_futex_op,
        [A_LINUX_ARCH_PRCTL] = &linux_xs_arch_prctl,
        [A_LINUX_PRCTL]      = &linux_xs_prctl,
    },
    .errno_to_guest = linux_errno_to_guest,
    .errno_name = linux_errno_name,
    .signal_name = linux_signal_name,
    .set_result = linux_set_result,
    .get_result = linux_get_result,
    .on_exec = NULL, /* nothing to rewrite: the kernel set the process up as Linux */
    .format_arg = linux_format_arg,
    .native_ok = true,
};
