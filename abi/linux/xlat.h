/* Linux constant names for --trace: errno and signal names, and one xlat table
 * per constant family (values as the x86-64 Linux ABI defines them). */
#ifndef LSL2_ABI_LINUX_XLAT_H
#define LSL2_ABI_LINUX_XLAT_H

#include "personalities/personality.h"

/* "ENOENT" for 2; NULL when the value has no name. */
const char *linux_errno_name(int err);
/* "SIGCHLD" for 17, "SIGRTMIN", "SIGRT_1".. for the real-time signals; NULL when unknown. */
const char *linux_signal_name(int sig);
/* The highest errno value that has a name (tests check the table against it). */
#define LINUX_ERRNO_MAX 133

extern const struct xlat linux_signal_xlat[];

extern const struct xlat_set linux_xs_oflags, linux_xs_mode, linux_xs_atflags, linux_xs_dirfd,
    linux_xs_fcntl_cmd, linux_xs_whence, linux_xs_access_mode;
extern const struct xlat_set linux_xs_mmap_prot, linux_xs_mmap_flags;
extern const struct xlat_set linux_xs_signum, linux_xs_sighow, linux_xs_clone_flags,
    linux_xs_wait_opts, linux_xs_clockid, linux_xs_rlimit, linux_xs_futex_op,
    linux_xs_prctl, linux_xs_arch_prctl;
extern const struct xlat_set linux_xs_ioctl_cmd, linux_xs_sock_domain, linux_xs_sock_type,
    linux_xs_fdflags;

#endif
