/* The FreeBSD personality's internals: its table, result convention, xlat sets,
 * and the prototypes of the handlers that the table wires in by name.  Handlers
 * live in one file per domain (personalities/freebsd/<domain>.c); declare each
 * one here when it lands and set it as .enter/.exit of its entry in syscalls.c. */
#ifndef LSL2_PERSONALITIES_FREEBSD_H
#define LSL2_PERSONALITIES_FREEBSD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/user.h>
#include "personalities/personality.h"
#include "personalities/freebsd/sysnum.h"
/* Handlers, by domain (each header lists the entries it serves). */
#include "personalities/freebsd/sysctl.h"   /* __sysctl, __sysctlbyname, sysarch */
#include "personalities/freebsd/fsinfo.h"   /* stat, statfs, getfsstat, getdirentries, mknod */
#include "personalities/freebsd/file.h"     /* open, fcntl, *at paths, utimes, pipes, ioctl */
#include "personalities/freebsd/proc.h"     /* mmap family, ids, fork/wait, limits, clocks, masks */
#include "personalities/freebsd/extattr.h"  /* extattr_*, __acl_* */
#include "personalities/freebsd/thread.h"   /* thr_*, _umtx_op, cpuset, rtprio, sched policies */
#include "personalities/freebsd/kqueue.h"   /* kqueue, kqueuex, kevent, freebsd11_kevent, close/dup2 hooks */
#include "personalities/freebsd/signal.h"   /* signals: sigaction, delivery, sigreturn, *context */
#include "personalities/freebsd/ipc.h"      /* shm_open2, SysV *ctl, eventfd, fadvise/fallocate */
#include "personalities/freebsd/sock.h"     /* sockets, poll, select, sendfile */
#include "personalities/freebsd/ktimer.h"   /* ktimer_*, kmq_* */

struct tracee;
struct sysc;

/* Personality-own argument kinds (A_FBSD_*) and their --trace formatters. */
#include "personalities/freebsd/trace_decode.h"

/* syscalls.c: the table, indexed by FreeBSD syscall number. */
extern const struct syscall_ent fbsd_syscalls[FBSD_SYS_MAXSYSCALL];
extern const size_t fbsd_nsyscalls;
/* The entry for a number, or NULL when the number has no (named) entry. */
const struct syscall_ent *fbsd_syscall_ent(long nr);

/* result.c: FreeBSD's amd64 convention.  Success: rax = value (rdx = second
 * value when the call has one), carry flag clear.  Error: rax = FreeBSD errno
 * (positive), carry flag set. */
#define FBSD_EFLAGS_CF 0x1UL
/* The pure part: applies host result ret (-errno on error) to the registers. */
void fbsd_result_to_regs(struct user_regs_struct *r, long ret, long ret2, bool has_ret2);
void fbsd_set_result(struct tracee *t, long ret, long ret2);
long fbsd_get_result(struct tracee *t);

/* indirect.c: syscall(2) (#0) and __syscall(2) (#198). */
/* The pure part: the guest's number is the low 32 bits of in[0] (FreeBSD keeps
 * the code in a u_int); the arguments move down one register and the sixth comes
 * from the guest stack (stack6, the word at rsp+8).  Returns the target number. */
long fbsd_indirect_shift(const uint64_t in[6], uint64_t stack6, uint64_t out[6]);
enum sys_action fbsd_sys_indirect(struct tracee *t, struct sysc *sc);

/* xlat.c: constant-name sets for --trace, built from abi/freebsd's tables. */
extern const struct xlat_set fbsd_xset_open_flags, fbsd_xset_at_flags, fbsd_xset_fcntl_cmds,
       fbsd_xset_mmap_prot, fbsd_xset_mmap_flags, fbsd_xset_access_modes, fbsd_xset_whence,
       fbsd_xset_rlimits, fbsd_xset_clockids, fbsd_xset_signals, fbsd_xset_sighow,
       fbsd_xset_wait_opts, fbsd_xset_ioctl_cmds, fbsd_xset_dirfd;

/* trace_format.c: --trace display of FreeBSD structs (A_STAT_OUT, A_FBSD_*). */
bool fbsd_format_arg(struct tracee *t, int kind, uint64_t val, bool on_exit,
                     long ret, char *buf, size_t len);

#endif
