/* FreeBSD handlers of the "process" domain, for the table in syscalls.c:
 *   mman.c      mmap (#477), mprotect, madvise, minherit, msync, mlockall, mincore
 *   ids.c       getgroups, setgroups, seteuid/setegid, issetugid, getlogin/setlogin
 *   pstate.c    (no syscall) per-process state: recorded signal handlers
 *   proc.c      fork/vfork/rfork, fexecve, wait4, wait6
 *   resource.c  getrlimit/setrlimit, getrusage, getpriority
 *   time.c      clock_gettime/clock_getres/clock_nanosleep
 *   signal.c    sigprocmask, sigaction (set/query only), kill/killpg
 *   misc.c      thr_self, Capsicum calls
 * Entry handlers return SYS_PASS after rewriting the call or SYS_DONE with
 * sc->ret set (-host errno on error); exit handlers adjust sc->ret. */
#ifndef LSL2_PERSONALITIES_FREEBSD_PROC_H
#define LSL2_PERSONALITIES_FREEBSD_PROC_H

#include <stdint.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* mman.c */
enum sys_action fbsd_sys_mmap(struct tracee *t, struct sysc *sc);
void fbsd_sys_mmap_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_mprotect(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_madvise(struct tracee *t, struct sysc *sc);
void fbsd_sys_madvise_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_minherit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_msync(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_mlockall(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_mincore(struct tracee *t, struct sysc *sc);

/* ids.c */
enum sys_action fbsd_sys_getgroups(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_setgroups(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_seteuid(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_setegid(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_issetugid(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_getlogin(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_setlogin(struct tracee *t, struct sysc *sc);

/* proc.c */
/* rfork flags as clone flags (with the exit signal), or -EINVAL. */
long fbsd_rfork_to_clone(uint32_t flags);
enum sys_action fbsd_sys_fork(struct tracee *t, struct sysc *sc);   /* fork and vfork */
void fbsd_sys_fork_exit(struct tracee *t, struct sysc *sc);         /* fork, vfork, rfork */
enum sys_action fbsd_sys_rfork(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_fexecve(struct tracee *t, struct sysc *sc);
/* At an exit stop with a restart code: orig_rax back to the guest's number. */
void fbsd_restart_as_guest(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_wait4(struct tracee *t, struct sysc *sc);
void fbsd_sys_wait4_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_wait6(struct tracee *t, struct sysc *sc);
void fbsd_sys_wait6_exit(struct tracee *t, struct sysc *sc);

/* resource.c */
enum sys_action fbsd_sys_getrlimit(struct tracee *t, struct sysc *sc);
void fbsd_sys_getrlimit_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_setrlimit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_getpriority(struct tracee *t, struct sysc *sc);
void fbsd_sys_getpriority_exit(struct tracee *t, struct sysc *sc);

/* time.c */
/* A FreeBSD clock id (including clock_getcpuclockid2's) as Linux's, or -1. */
long fbsd_clock_to_linux(uint32_t clk);
enum sys_action fbsd_sys_clock_gettime(struct tracee *t, struct sysc *sc);
void fbsd_sys_clock_gettime_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_clock_getres(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_clock_nanosleep(struct tracee *t, struct sysc *sc);
void fbsd_sys_clock_nanosleep_exit(struct tracee *t, struct sysc *sc);

/* signal.c */
enum sys_action fbsd_sys_sigprocmask(struct tracee *t, struct sysc *sc);
void fbsd_sys_sigprocmask_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sigaction(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_kill(struct tracee *t, struct sysc *sc);

/* misc.c */
/* FreeBSD thread id = Linux tid + FBSD_TID_BASE (above FreeBSD's PID_MAX). */
#define FBSD_TID_BASE 100000
enum sys_action fbsd_sys_thr_self(struct tracee *t, struct sysc *sc);
void fbsd_sys_thr_self_exit(struct tracee *t, struct sysc *sc);
/* Every Capsicum call: ENOSYS, as a kernel without capability mode. */
enum sys_action fbsd_sys_capsicum(struct tracee *t, struct sysc *sc);

#endif
