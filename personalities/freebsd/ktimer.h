/* FreeBSD handlers of POSIX timers and message queues, for the table in syscalls.c:
 *   ktimer.c   ktimer_create (#235): clock id and struct sigevent translated for
 *              Linux timer_create (ktimer_delete/settime/gettime/getoverrun pass
 *              straight through: same arguments and struct itimerspec)
 *   kmq.c      kmq_open, kmq_setattr, kmq_timedreceive, kmq_timedsend, kmq_notify,
 *              kmq_unlink on Linux's message queues */
#ifndef LSL2_PERSONALITIES_FREEBSD_KTIMER_H
#define LSL2_PERSONALITIES_FREEBSD_KTIMER_H

#include <stdint.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* ktimer.c */
enum sys_action fbsd_sys_ktimer_create(struct tracee *t, struct sysc *sc);
/* A FreeBSD struct sigevent at addr as a Linux one in the guest's scratch memory:
 * its address in *out (0 when addr is 0); 0, -EFAULT, -EINVAL or -ENOMEM. */
int fbsd_sigevent_fetch(struct tracee *t, uint64_t addr, uint64_t *out);

/* kmq.c */
enum sys_action fbsd_sys_kmq_open(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_kmq_unlink(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_kmq_setattr(struct tracee *t, struct sysc *sc);
void fbsd_sys_kmq_setattr_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_kmq_notify(struct tracee *t, struct sysc *sc);

#endif
