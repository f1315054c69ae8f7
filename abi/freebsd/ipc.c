/* FreeBSD System V IPC structures <-> Linux's (see ipc.h), and the semctl and
 * eventfd constant translations. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include "abi/freebsd/ipc.h"

#define PERM_BITS 0777

void fbsd_ipc_perm_from_linux(struct fbsd_ipc_perm *o, const struct fbsd_host_ipc64_perm *in)
{
    memset(o, 0, sizeof *o);
    o->cuid = in->cuid;
    o->cgid = in->cgid;
    o->uid = in->uid;
    o->gid = in->gid;
    o->mode = (uint16_t)(in->mode & PERM_BITS);
    o->seq = in->seq;
    o->key = in->key;
}

void fbsd_ipc_perm_to_linux(struct fbsd_host_ipc64_perm *o, const struct fbsd_ipc_perm *in)
{
    memset(o, 0, sizeof *o);
    o->key = (int32_t)in->key;
    o->uid = in->uid;
    o->gid = in->gid;
    o->cuid = in->cuid;
    o->cgid = in->cgid;
    o->mode = in->mode & PERM_BITS;
    o->seq = in->seq;
}

/* The fields each pair of structures shares, listed once so both directions
 * copy the same ones (plain assignments: the widths differ, e.g. shm_nattch is
 * 32 bits on FreeBSD and 64 on Linux). */
#define SHMID_FIELDS(F) F(shm_segsz) F(shm_lpid) F(shm_cpid) F(shm_nattch) \
    F(shm_atime) F(shm_dtime) F(shm_ctime)
#define SEMID_FIELDS(F) F(sem_nsems) F(sem_otime) F(sem_ctime)
#define MSQID_FIELDS(F) F(msg_cbytes) F(msg_qnum) F(msg_qbytes) F(msg_lspid) \
    F(msg_lrpid) F(msg_stime) F(msg_rtime) F(msg_ctime)
#define COPY_FIELD(f) o->f = in->f;

void fbsd_shmid_from_linux(struct fbsd_shmid_ds *o, const struct fbsd_host_shmid64_ds *in)
{
    memset(o, 0, sizeof *o);
    fbsd_ipc_perm_from_linux(&o->shm_perm, &in->shm_perm);
    SHMID_FIELDS(COPY_FIELD)
}

void fbsd_shmid_to_linux(struct fbsd_host_shmid64_ds *o, const struct fbsd_shmid_ds *in)
{
    memset(o, 0, sizeof *o);
    fbsd_ipc_perm_to_linux(&o->shm_perm, &in->shm_perm);
    SHMID_FIELDS(COPY_FIELD)
}

void fbsd_semid_from_linux(struct fbsd_semid_ds *o, const struct fbsd_host_semid64_ds *in)
{
    memset(o, 0, sizeof *o);
    fbsd_ipc_perm_from_linux(&o->sem_perm, &in->sem_perm);
    SEMID_FIELDS(COPY_FIELD)
}

void fbsd_semid_to_linux(struct fbsd_host_semid64_ds *o, const struct fbsd_semid_ds *in)
{
    memset(o, 0, sizeof *o);
    fbsd_ipc_perm_to_linux(&o->sem_perm, &in->sem_perm);
    SEMID_FIELDS(COPY_FIELD)
}

void fbsd_msqid_from_linux(struct fbsd_msqid_ds *o, const struct fbsd_host_msqid64_ds *in)
{
    memset(o, 0, sizeof *o);
    fbsd_ipc_perm_from_linux(&o->msg_perm, &in->msg_perm);
    MSQID_FIELDS(COPY_FIELD)
}

void fbsd_msqid_to_linux(struct fbsd_host_msqid64_ds *o, const struct fbsd_msqid_ds *in)
{
    memset(o, 0, sizeof *o);
    fbsd_ipc_perm_to_linux(&o->msg_perm, &in->msg_perm);
    MSQID_FIELDS(COPY_FIELD)
}

/* Linux's SEM_STAT (linux/sem.h), not always in the C library's headers. */
#define HOST_SEM_STAT 18

/* FreeBSD's kern_semctl knows no IPC_INFO/SEM_INFO (EINVAL): not listed. */
static const struct {
    int fbsd, host;
    enum fbsd_semun_use use;
} semctl_cmds[] = {
    { FBSD_IPC_RMID, IPC_RMID, FBSD_SEMUN_NONE },
    { FBSD_IPC_SET,  IPC_SET,  FBSD_SEMUN_DS_IN },
    { FBSD_IPC_STAT, IPC_STAT, FBSD_SEMUN_DS_OUT },
    { FBSD_GETNCNT,  GETNCNT,  FBSD_SEMUN_NONE },
    { FBSD_GETPID,   GETPID,   FBSD_SEMUN_NONE },
    { FBSD_GETVAL,   GETVAL,   FBSD_SEMUN_NONE },
    { FBSD_GETALL,   GETALL,   FBSD_SEMUN_ARRAY },
    { FBSD_GETZCNT,  GETZCNT,  FBSD_SEMUN_NONE },
    { FBSD_SETVAL,   SETVAL,   FBSD_SEMUN_VAL },
    { FBSD_SETALL,   SETALL,   FBSD_SEMUN_ARRAY },
    { FBSD_SEM_STAT, HOST_SEM_STAT, FBSD_SEMUN_DS_OUT },
};

bool fbsd_semctl_cmd(int fbsd_cmd, int *linux_cmd, enum fbsd_semun_use *use)
{
    for (size_t i = 0; i < sizeof semctl_cmds / sizeof semctl_cmds[0]; i++)
        if (semctl_cmds[i].fbsd == fbsd_cmd) {
            *linux_cmd = semctl_cmds[i].host;
            *use = semctl_cmds[i].use;
            return true;
        }
    return false;
}

int fbsd_eventfd_flags_to_linux(int32_t flags)
{
    if (flags & ~(FBSD_EFD_SEMAPHORE | FBSD_EFD_NONBLOCK | FBSD_EFD_CLOEXEC))
        return -EINVAL;
    return ((flags & FBSD_EFD_SEMAPHORE) ? 1 : 0) |      /* Linux EFD_SEMAPHORE */
           ((flags & FBSD_EFD_NONBLOCK) ? O_NONBLOCK : 0) |
           ((flags & FBSD_EFD_CLOEXEC) ? O_CLOEXEC : 0);
}
