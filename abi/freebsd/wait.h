/* FreeBSD wait(2) family: options, idtype_t for wait6, and the status word
 * (sys/wait.h, FreeBSD 13.2). */
#ifndef LSL2_ABI_FREEBSD_WAIT_H
#define LSL2_ABI_FREEBSD_WAIT_H

#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

#define FBSD_WNOHANG     1
#define FBSD_WUNTRACED   2
#define FBSD_WSTOPPED    FBSD_WUNTRACED
#define FBSD_WCONTINUED  4
#define FBSD_WNOWAIT     8
#define FBSD_WEXITED     16
#define FBSD_WTRAPPED    32

/* idtype_t */
#define FBSD_P_PID       0
#define FBSD_P_PPID      1
#define FBSD_P_PGID      2
#define FBSD_P_SID       3
#define FBSD_P_CID       4
#define FBSD_P_UID       5
#define FBSD_P_GID       6
#define FBSD_P_ALL       7
#define FBSD_P_LWPID     8
#define FBSD_P_TASKID    9
#define FBSD_P_PROJID    10
#define FBSD_P_POOLID    11
#define FBSD_P_JAILID    12
#define FBSD_P_CTID      13
#define FBSD_P_CPUID     14
#define FBSD_P_PSETID    15

#define FBSD_WCOREFLAG   0200
#define FBSD_WSTOPPED_CODE 0177   /* _WSTOPPED: low 7 bits of a stopped status */
#define FBSD_WCONTINUED_STATUS 0x13  /* WIFCONTINUED: the whole status is SIGCONT (19) */

/* Options: WTRAPPED (report ptrace traps) has no Linux option and comes back as
 * an unknown bit. */
extern const struct fbsd_map fbsd_wait_opts_map;
/* idtype: P_PID, P_PGID and P_ALL exist on Linux; the others return -1 (the
 * handler answers EINVAL, or emulates P_UID/P_SID by scanning). */
int fbsd_idtype_to_linux(int idtype);

/* A Linux wait status as FreeBSD encodes it: same layout (exit code << 8;
 * signal | core flag; signal << 8 | 0177 when stopped) with the signal numbers
 * translated, and continued reported as 0x13 where Linux says 0xffff. */
int fbsd_wait_status_from_linux(int linux_status);

extern const struct xlat fbsd_xlat_wait_opts[];
extern const struct xlat fbsd_xlat_idtypes[];

#endif
