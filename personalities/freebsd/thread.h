/* FreeBSD handlers of the "threads" domain, for the table in syscalls.c:
 *   thread.c     thr_new (#455) as a traced clone, thr_exit, exit, thr_kill, thr_kill2,
 *                thr_set_name; the new thread's start registers (from the
 *                pstate.c task_new hook)
 *   thr_suspend.c thr_suspend, thr_wake (a wake-up word per thread in the guest)
 *   umtx*.c      _umtx_op (#454) on Linux futexes (umtx.h lists the files)
 *   cpuset.c     cpuset, cpuset_getid/setid, cpuset_getaffinity/setaffinity
 *   rtprio.c     rtprio, rtprio_thread, sched_getscheduler/setscheduler and the
 *                priority ranges (FreeBSD's policy numbers)
 * Thread ids are FreeBSD's: the guest's Linux tid + FBSD_TID_BASE (proc.h). */
#ifndef LSL2_PERSONALITIES_FREEBSD_THREAD_H
#define LSL2_PERSONALITIES_FREEBSD_THREAD_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* thread.c */
enum sys_action fbsd_sys_thr_new(struct tracee *t, struct sysc *sc);
void fbsd_sys_thr_new_exit(struct tracee *t, struct sysc *sc);
/* From task_new: child is a thread that creator's thr_new made (anything else is
 * left alone): its start registers and its id in *child_tid / *parent_tid. */
void fbsd_thr_child_start(struct tracee *creator, struct tracee *child);
enum sys_action fbsd_sys_thr_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_thr_kill(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_thr_kill2(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_thr_set_name(struct tracee *t, struct sysc *sc);
/* The guest's own number (its pid namespace's) for the supervisor's tid, and back
 * for a thread of t's process: -1 when there is none. */
pid_t fbsd_guest_tid(pid_t host_tid);
pid_t fbsd_host_tid(struct tracee *t, pid_t guest_tid);

/* thr_suspend.c: the wake-up flag of each thread as a futex word in the guest */
enum sys_action fbsd_sys_thr_suspend(struct tracee *t, struct sysc *sc);
void fbsd_sys_thr_suspend_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_thr_wake(struct tracee *t, struct sysc *sc);
void fbsd_sys_thr_wake_exit(struct tracee *t, struct sysc *sc);
/* No wake-up pending for the (new) thread gtid of t's process. */
void fbsd_thr_wake_clear(struct tracee *t, long gtid);

/* umtx.c */
enum sys_action fbsd_sys_umtx_op(struct tracee *t, struct sysc *sc);
void fbsd_sys_umtx_op_exit(struct tracee *t, struct sysc *sc);

/* umtx_robust.c: at t's end (thr_exit, exit; t stopped at the call's entry), the
 * robust mutexes it still holds become OWNERDEAD and a sleeper on each is woken. */
void fbsd_umtx_robust_exit(struct tracee *t);

/* cpuset.c */
enum sys_action fbsd_sys_cpuset(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_cpuset_setid(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_cpuset_getid(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_cpuset_getaffinity(struct tracee *t, struct sysc *sc);
void fbsd_sys_cpuset_getaffinity_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_cpuset_setaffinity(struct tracee *t, struct sysc *sc);



/* rtprio.c */
enum sys_action fbsd_sys_rtprio_thread(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_rtprio(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sched_getscheduler(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sched_setscheduler(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sched_priority_range(struct tracee *t, struct sysc *sc);

#endif
