/* The Linux personality's data, shared by its files and its tests. */
#ifndef LSL2_PERSONALITIES_LINUX_H
#define LSL2_PERSONALITIES_LINUX_H

#include "personalities/personality.h"

/* The x86-64 syscall table, indexed by syscall number (syscalls.c): one past the
 * highest number the kernel assigns (file_setattr, 469). */
#define LINUX_NSYSCALLS 470
extern const struct syscall_ent linux_syscalls[LINUX_NSYSCALLS];

/* Shows the Linux-specific argument kinds (struct stat, clone flags) for --trace. */
bool linux_format_arg(struct tracee *t, int kind, uint64_t val, bool on_exit,
                      long ret, char *buf, size_t len);

/* The personality's own constant families (A_PERS_*). */
enum {
    A_LINUX_FDFLAGS   = A_PERS_1, /* O_CLOEXEC|O_NONBLOCK of pipe2, dup3, eventfd2, ... */
    A_LINUX_FUTEX_OP  = A_PERS_2,
    A_LINUX_ARCH_PRCTL= A_PERS_3,
    A_LINUX_PRCTL     = A_PERS_4,
};

#endif
