/* FreeBSD System V IPC (sys/ipc.h, sys/shm.h, sys/sem.h, sys/msg.h, FreeBSD
 * 13.2 amd64), POSIX shm_open2 flags (sys/mman.h) and eventfd (sys/eventfd.h,
 * sys/specialfd.h), with the Linux x86-64 kernel structures they are converted
 * to and from (the *64_ds forms, which is all x86-64 has).
 *
 * What differs: FreeBSD's ipc_perm puts the creator ids first and has a 64-bit
 * key_t at the end; its shmid_ds/semid_ds/msqid_ds order the fields otherwise
 * and carry kernel pointers (zero here).  The flags (IPC_CREAT, IPC_EXCL,
 * IPC_NOWAIT, SHM_RDONLY, SHM_RND, SEM_UNDO, MSG_NOERROR) and struct sembuf are
 * the same on both, so semget/semop/shmget/shmat/shmdt/msgget/msgsnd/msgrcv pass
 * straight through; only the *ctl calls convert. */
#ifndef LSL2_ABI_FREEBSD_IPC_H
#define LSL2_ABI_FREEBSD_IPC_H

#include <stdint.h>
#include <stddef.h>
#include <stdbool.h>

/* sys/ipc.h */
#define FBSD_IPC_CREAT   001000
#define FBSD_IPC_EXCL    002000
#define FBSD_IPC_NOWAIT  004000
#define FBSD_IPC_RMID    0
#define FBSD_IPC_SET     1
#define FBSD_IPC_STAT    2
#define FBSD_IPC_INFO    3
/* sys/shm.h */
#define FBSD_SHM_RDONLY  010000
#define FBSD_SHM_RND     020000
#define FBSD_SHM_LOCK    11
#define FBSD_SHM_UNLOCK  12
#define FBSD_SHM_STAT    13
#define FBSD_SHM_INFO    14
/* sys/sem.h: semctl commands (Linux numbers them GETPID 11 ... SETALL 17) */
#define FBSD_SEM_UNDO    010000
#define FBSD_GETNCNT     3
#define FBSD_GETPID      4
#define FBSD_GETVAL      5
#define FBSD_GETALL      6
#define FBSD_GETZCNT     7
#define FBSD_SETVAL      8
#define FBSD_SETALL      9
#define FBSD_SEM_STAT    10
#define FBSD_SEM_INFO    11
/* sys/msg.h */
#define FBSD_MSG_NOERROR 010000

struct fbsd_ipc_perm {
    uint32_t cuid, cgid, uid, gid;
    uint16_t mode, seq;
    uint32_t pad_;
    int64_t  key;                 /* key_t is a long on FreeBSD */
};

struct fbsd_shmid_ds {
    struct fbsd_ipc_perm shm_perm;
    uint64_t shm_segsz;
    int32_t  shm_lpid, shm_cpid;
    uint32_t shm_nattch;          /* shmatt_t: unsigned int */
    uint32_t pad_;
    int64_t  shm_atime, shm_dtime, shm_ctime;
};

struct fbsd_semid_ds {
    struct fbsd_ipc_perm sem_perm;
    uint64_t sem_base_;           /* kernel pointer: 0 */
    uint16_t sem_nsems;
    uint16_t pad_[3];
    int64_t  sem_otime, sem_ctime;
};

struct fbsd_msqid_ds {
    struct fbsd_ipc_perm msg_perm;
    uint64_t msg_first_, msg_last_; /* kernel pointers: 0 */
    uint64_t msg_cbytes, msg_qnum, msg_qbytes;
    int32_t  msg_lspid, msg_lrpid;
    int64_t  msg_stime, msg_rtime, msg_ctime;
};

/* FreeBSD struct shminfo (IPC_INFO on shmctl): five u_longs, the first five of
 * Linux's shminfo64. */
#define FBSD_SHMINFO_SIZE 40

_Static_assert(sizeof(struct fbsd_ipc_perm) == 32, "FreeBSD ipc_perm is 32 bytes");
_Static_assert(sizeof(struct fbsd_shmid_ds) == 80, "FreeBSD shmid_ds is 80 bytes");
_Static_assert(sizeof(struct fbsd_semid_ds) == 64, "FreeBSD semid_ds is 64 bytes");
_Static_assert(sizeof(struct fbsd_msqid_ds) == 104, "FreeBSD msqid_ds is 104 bytes");

/* Linux x86-64 kernel structures (uapi asm-generic ipcbuf.h, shmbuf.h, msgbuf.h,
 * x86 sembuf.h). */
struct fbsd_host_ipc64_perm {
    int32_t  key;
    uint32_t uid, gid, cuid, cgid;
    uint32_t mode;                /* __kernel_mode_t: unsigned int on x86-64 */
    uint16_t seq, pad2_;
    uint64_t unused1_, unused2_;
};
struct fbsd_host_shmid64_ds {
    struct fbsd_host_ipc64_perm shm_perm;
    uint64_t shm_segsz;
    int64_t  shm_atime, shm_dtime, shm_ctime;
    int32_t  shm_cpid, shm_lpid;
    uint64_t shm_nattch;
    uint64_t unused4_, unused5_;
};
struct fbsd_host_semid64_ds {
    struct fbsd_host_ipc64_perm sem_perm;
    int64_t  sem_otime;
    uint64_t unused1_;
    int64_t  sem_ctime;
    uint64_t unused2_;
    uint64_t sem_nsems;
    uint64_t unused3_, unused4_;
};
struct fbsd_host_msqid64_ds {
    struct fbsd_host_ipc64_perm msg_perm;
    int64_t  msg_stime, msg_rtime, msg_ctime;
    uint64_t msg_cbytes, msg_qnum, msg_qbytes;
    int32_t  msg_lspid, msg_lrpid;
    uint64_t unused4_, unused5_;
};
_Static_assert(sizeof(struct fbsd_host_ipc64_perm) == 48, "Linux ipc64_perm is 48 bytes");
_Static_assert(sizeof(struct fbsd_host_shmid64_ds) == 112, "Linux shmid64_ds is 112 bytes");
_Static_assert(sizeof(struct fbsd_host_semid64_ds) == 104, "Linux semid64_ds is 104 bytes");
_Static_assert(sizeof(struct fbsd_host_msqid64_ds) == 120, "Linux msqid64_ds is 120 bytes");

/* Conversions.  Toward FreeBSD: permission bits only in mode (Linux's SHM_DEST
 * and SHM_LOCKED state bits have no FreeBSD field here); pointers zero.  Toward
 * Linux (IPC_SET): uid, gid, the low nine mode bits, and msg_qbytes — the only
 * fields IPC_SET reads on either system. */
void fbsd_ipc_perm_from_linux(struct fbsd_ipc_perm *o, const struct fbsd_host_ipc64_perm *in);
void fbsd_ipc_perm_to_linux(struct fbsd_host_ipc64_perm *o, const struct fbsd_ipc_perm *in);
void fbsd_shmid_from_linux(struct fbsd_shmid_ds *o, const struct fbsd_host_shmid64_ds *in);
void fbsd_shmid_to_linux(struct fbsd_host_shmid64_ds *o, const struct fbsd_shmid_ds *in);
void fbsd_semid_from_linux(struct fbsd_semid_ds *o, const struct fbsd_host_semid64_ds *in);
void fbsd_semid_to_linux(struct fbsd_host_semid64_ds *o, const struct fbsd_semid_ds *in);
void fbsd_msqid_from_linux(struct fbsd_msqid_ds *o, const struct fbsd_host_msqid64_ds *in);
void fbsd_msqid_to_linux(struct fbsd_host_msqid64_ds *o, const struct fbsd_msqid_ds *in);

/* What a FreeBSD semctl command is on Linux and what its union semun argument
 * holds.  Returns false for an unknown command. */
enum fbsd_semun_use {
    FBSD_SEMUN_NONE,     /* no argument */
    FBSD_SEMUN_VAL,      /* arg.val: SETVAL */
    FBSD_SEMUN_ARRAY,    /* arg.array: GETALL, SETALL (same unsigned short array) */
    FBSD_SEMUN_DS_OUT,   /* arg.buf filled: IPC_STAT, SEM_STAT */
    FBSD_SEMUN_DS_IN,    /* arg.buf read: IPC_SET */
};
bool fbsd_semctl_cmd(int fbsd_cmd, int *linux_cmd, enum fbsd_semun_use *use);

/* sys/mman.h: shm_open2(2) */
#define FBSD_SHM_ANON            1   /* (char *)1 */
#define FBSD_SHM_ALLOW_SEALING   0x00000001
#define FBSD_SHM_GROW_ON_WRITE   0x00000002
#define FBSD_SHM_LARGEPAGE       0x00000004
#define FBSD_SHM_RENAME_NOREPLACE (1 << 0)
#define FBSD_SHM_RENAME_EXCHANGE  (1 << 1)
#define FBSD_MFD_CLOEXEC         0x00000001
#define FBSD_MFD_ALLOW_SEALING   0x00000002
/* sys/eventfd.h, sys/specialfd.h */
#define FBSD_EFD_SEMAPHORE       0x00000001
#define FBSD_EFD_NONBLOCK        0x00000004
#define FBSD_EFD_CLOEXEC         0x00100000
#define FBSD_SPECIALFD_EVENTFD   1
struct fbsd_specialfd_eventfd {
    uint32_t initval;
    int32_t  flags;
};
/* FreeBSD eventfd flags to Linux's (EFD_SEMAPHORE 1, EFD_NONBLOCK O_NONBLOCK,
 * EFD_CLOEXEC O_CLOEXEC); -EINVAL for unknown bits, as FreeBSD's eventfd. */
int fbsd_eventfd_flags_to_linux(int32_t flags);


/* sys/aio.h: struct aiocb (amd64), the part aio.c reads and writes. */
#define FBSD_LIO_NOP      0
#define FBSD_LIO_WRITE    1
#define FBSD_LIO_READ     2
#define FBSD_AIO_CANCELED    1
#define FBSD_AIO_NOTCANCELED 2
#define FBSD_AIO_ALLDONE     3
#define FBSD_SIGEV_NONE   0
#define FBSD_SIGEV_SIGNAL 1
struct fbsd_aiocb {
    int32_t  aio_fildes;
    int32_t  pad0_;
    int64_t  aio_offset;
    uint64_t aio_buf;
    uint64_t aio_nbytes;
    int32_t  spare_[2];
    uint64_t spare2_;
    int32_t  aio_lio_opcode;
    int32_t  aio_reqprio;
    int64_t  priv_status, priv_error;
    uint64_t priv_kernelinfo;
    int32_t  sigev_notify;       /* struct sigevent aio_sigevent (80 bytes) */
    int32_t  sigev_signo;
    uint8_t  sigev_rest_[72];
};
_Static_assert(sizeof(struct fbsd_aiocb) == 160, "FreeBSD struct aiocb is 160 bytes");

#endif
