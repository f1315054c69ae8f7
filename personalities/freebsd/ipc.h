/* FreeBSD shared memory, System V IPC, eventfd, posix_fadvise/posix_fallocate
 * and aio: the handlers the table (syscalls.c) wires in, one file per job:
 *   shm.c       shm_open2, freebsd12_shm_open, shm_unlink, shm_rename (and so
 *               memfd_create, which FreeBSD's libc builds on shm_open2)
 *   sysv_shm.c  shmctl          sysv_sem.c  __semctl       sysv_msg.c  msgctl
 *   eventfd.c   __specialfd (eventfd)
 *   fadvise.c   posix_fadvise, posix_fallocate (error number as the result)
 *   aio.c       aio_read/aio_write (done at submission), aio_return, aio_error,
 *               aio_suspend, aio_cancel */
#ifndef LSL2_PERSONALITIES_FREEBSD_IPC_H
#define LSL2_PERSONALITIES_FREEBSD_IPC_H

#include <stdbool.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* shm.c.  Named objects live in a table of the supervisor (one Linux memfd per
 * name), so every guest process of one lsl2 run shares them by name; they last
 * until shm_unlink or the end of the run. */
enum sys_action fbsd_sys_shm_open2(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd12_shm_open(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_shm_unlink(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_shm_rename(struct tracee *t, struct sysc *sc);
/* Installs a descriptor sharing the supervisor's open file description hostfd
 * as the guest's lowest free descriptor (SCM_RIGHTS through a socket pair made
 * in the guest; at a syscall-entry stop): the guest's number, or -errno. */
long fbsd_give_fd(struct tracee *t, int hostfd, bool cloexec);

/* sysv_shm.c, sysv_sem.c, sysv_msg.c */
enum sys_action fbsd_sys_shmctl(struct tracee *t, struct sysc *sc);
void fbsd_sys_shmctl_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys___semctl(struct tracee *t, struct sysc *sc);
void fbsd_sys___semctl_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_msgctl(struct tracee *t, struct sysc *sc);
void fbsd_sys_msgctl_exit(struct tracee *t, struct sysc *sc);

/* eventfd.c */
enum sys_action fbsd_sys___specialfd(struct tracee *t, struct sysc *sc);

/* fadvise.c: FreeBSD returns the error number as the call's value (carry clear). */
enum sys_action fbsd_sys_posix_fadvise(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_posix_fallocate(struct tracee *t, struct sysc *sc);
void fbsd_sys_posix_error_exit(struct tracee *t, struct sysc *sc);

/* aio.c: requests done at submission (see there). */
enum sys_action fbsd_sys_aio_read(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_aio_write(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_aio_error(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_aio_return(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_aio_suspend(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_aio_cancel(struct tracee *t, struct sysc *sc);

#endif
