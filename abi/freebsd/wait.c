/* wait status and option translation (see wait.h). */
#define _GNU_SOURCE
#include <sys/wait.h>
#include "abi/freebsd/signal.h"
#include "abi/freebsd/wait.h"

static const struct fbsd_pair opt_pairs[] = {
    { FBSD_WNOHANG,    WNOHANG },
    { FBSD_WUNTRACED,  WUNTRACED },
    { FBSD_WCONTINUED, WCONTINUED },
    { FBSD_WNOWAIT,    WNOWAIT },
    { FBSD_WEXITED,    WEXITED },
};
const struct fbsd_map fbsd_wait_opts_map = FBSD_MAP(opt_pairs);

static const struct fbsd_pair idtype_pairs[] = {
    { FBSD_P_PID,  P_PID },
    { FBSD_P_PGID, P_PGID },
    { FBSD_P_ALL,  P_ALL },
};
static const struct fbsd_map idtype_map = FBSD_MAP(idtype_pairs);

int fbsd_idtype_to_linux(int idtype)
{
    return fbsd_int_to_host(&idtype_map, idtype);
}

int fbsd_wait_status_from_linux(int st)
{
    if (WIFEXITED(st))
        return st & 0xff00;
    if (WIFSIGNALED(st))
        return fbsd_signal_from_linux(WTERMSIG(st)) | (st & FBSD_WCOREFLAG);
    if (WIFSTOPPED(st))
        /* ptrace event stops (sig | event << 16) are not seen by a guest. */
        return (fbsd_signal_from_linux(WSTOPSIG(st)) << 8) | FBSD_WSTOPPED_CODE;
    if (WIFCONTINUED(st))
        return FBSD_WCONTINUED_STATUS;
    return st;
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_wait_opts[] = {
    X(WNOHANG), X(WUNTRACED), X(WCONTINUED), X(WNOWAIT), X(WEXITED), X(WTRAPPED),
    { 0, NULL }
};

const struct xlat fbsd_xlat_idtypes[] = {
    X(P_PID), X(P_PPID), X(P_PGID), X(P_SID), X(P_CID), X(P_UID), X(P_GID), X(P_ALL),
    X(P_LWPID), X(P_TASKID), X(P_PROJID), X(P_POOLID), X(P_JAILID), X(P_CTID),
    X(P_CPUID), X(P_PSETID),
    { 0, NULL }
};
