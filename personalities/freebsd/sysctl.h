/* FreeBSD handlers of personalities/freebsd/sysctl.c and sysarch.c, for the
 * table in syscalls.c:
 *   __sysctl (#202)        .enter = fbsd_sys___sysctl
 *   __sysctlbyname (#570)  .enter = fbsd_sys___sysctlbyname
 *   sysarch (#165)         .enter = fbsd_sys_sysarch
 * Each emulates the call completely (SYS_DONE, result in sc->ret as -host errno). */
#ifndef LSL2_PERSONALITIES_FREEBSD_SYSCTL_H
#define LSL2_PERSONALITIES_FREEBSD_SYSCTL_H

#include "personalities/personality.h"

struct tracee;
struct sysc;

/* __sysctl(const int *name, u_int namelen, void *old, size_t *oldlenp,
 *          const void *new, size_t newlen) */
enum sys_action fbsd_sys___sysctl(struct tracee *t, struct sysc *sc);
/* __sysctlbyname(const char *name, size_t namelen, void *old, size_t *oldlenp,
 *                void *new, size_t newlen) */
enum sys_action fbsd_sys___sysctlbyname(struct tracee *t, struct sysc *sc);
/* sysarch(int op, char *parms): AMD64_GET/SET_FSBASE/GSBASE (128..131). */
enum sys_action fbsd_sys_sysarch(struct tracee *t, struct sysc *sc);

#endif
