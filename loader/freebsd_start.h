/* The start of a FreeBSD program at PTRACE_EVENT_EXEC: the Linux kernel has
 * built Linux's initial stack; this builds FreeBSD's below it (loader/auxv.c)
 * and sets the registers FreeBSD's amd64 exec_setregs sets (%rsp, %rdi).
 *
 * Thread-local storage needs nothing here: FreeBSD's kernel starts a process
 * with %fs base 0 (as Linux does) and both rtld and static libc's _init_tls set
 * it themselves (sysarch(AMD64_SET_FSBASE) or wrfsbase). */
#ifndef LSL2_FREEBSD_START_H
#define LSL2_FREEBSD_START_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct tracee;

/* The personality's on_exec hook.  Returns 0 or -errno. */
int freebsd_on_exec(struct tracee *t);

/* Facts about a process that its auxv and sysctl both report. */
/* The executable's path as the guest sees it (its root stripped).  0 or -errno. */
int fbsd_proc_exe_path(pid_t pid, char *buf, size_t cap);
/* kern.usrstack (the top of the stack mapping) and kern.ps_strings (the block
 * freebsd_on_exec placed at a fixed distance below the Linux start stack). */
int fbsd_proc_stack(pid_t pid, uint64_t *usrstack, uint64_t *ps_strings);
/* Online CPUs, for AT_NCPUS and hw.ncpu. */
uint32_t fbsd_host_ncpus(void);

#endif
