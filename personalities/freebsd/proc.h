/* FreeBSD handlers of the "process" domain, for the table in syscalls.c:
 *   mman.c      mmap (#477), mprotect, madvise, minherit, msync, mlockall, mincore
 *   ids.c       getgroups, setgroups, seteuid/setegid, issetugid, getlogin/setlogin
 *   proc.c      fork/vfork/rfork, fexecve, wait4, wait6
 *   resource.c  getrlimit/setrlimit, getrusage, getpriority
 *   time.c      clock_gettime/clock_getres/clock_nanosleep
 *   signal.c    sigprocmask, sigaction (set/query only), kill/killpg
 *   misc.c      thr_self, Capsicum calls
 * Entry handlers return SYS_PASS after rewriting the call or SYS_DONE with
 * sc->ret set (-host errno on error); exit handlers adjust sc->ret. */
#ifndef LSL2_PERSONALITIES_FREEBSD_PROC_H
#define LSL2_PERSONALITIES_FREEBSD_PROC_H

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

#endif
