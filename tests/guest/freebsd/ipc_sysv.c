/* FreeBSD guest: System V IPC with FreeBSD's structures.  Shared memory
 * (shmget/shmat/shmdt, shmctl IPC_STAT fields — size, pids, attach count, mode,
 * owner, times — IPC_SET of the mode, IPC_RMID, a segment shared with a forked
 * child), semaphores (semget, semop, semctl SETVAL/GETVAL/SETALL/GETALL/GETPID/
 * GETNCNT/IPC_STAT/IPC_SET/IPC_RMID, IPC_NOWAIT EAGAIN) and message queues
 * (msgsnd/msgrcv by type, MSG_NOERROR, E2BIG, ENOMSG, msgctl IPC_STAT counts
 * and pids, IPC_SET of msg_qbytes, IPC_RMID).  Prints "ok - X" / "not ok - X
 * (...)"; exit status = failures. */
#include <sys/types.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void shm(void)
{
    time_t now = time(NULL);
    int id = shmget(IPC_PRIVATE, 10000, IPC_CREAT | 0640);
    check("shmget IPC_PRIVATE 10000", id >= 0);
    struct shmid_ds ds;
    memset(&ds, 0xff, sizeof ds);
    check("IPC_STAT", shmctl(id, IPC_STAT, &ds) == 0);
    check("shm_segsz 10000", ds.shm_segsz == 10000);
    check("shm_perm.mode 0640", (ds.shm_perm.mode & 0777) == 0640);
    check("shm_perm uid/cuid are ours", ds.shm_perm.uid == geteuid() && ds.shm_perm.cuid == geteuid() &&
          ds.shm_perm.gid == getegid());
    check("shm_perm.key IPC_PRIVATE", ds.shm_perm.key == IPC_PRIVATE);
    check("shm_cpid is us, nattch 0", ds.shm_cpid == getpid() && ds.shm_nattch == 0);
    check("shm_ctime is now", ds.shm_ctime >= now - 5 && ds.shm_ctime <= now + 5);
    char *p = shmat(id, NULL, 0);
    check("shmat", p != (char *)-1);
    strcpy(p, "sysv shared");
    check("IPC_STAT after shmat: nattch 1, lpid us, atime set",
          shmctl(id, IPC_STAT, &ds) == 0 && ds.shm_nattch == 1 && ds.shm_lpid == getpid() &&
          ds.shm_atime >= now - 5);
    pid_t c = fork();
    if (c == 0) {
        int ok = strcmp(p, "sysv shared") == 0;
        strcpy(p, "child wrote");
        _exit(ok ? 0 : 1);
    }
    int st;
    waitpid(c, &st, 0);
    check("forked child shares the attachment", WIFEXITED(st) && WEXITSTATUS(st) == 0 &&
          strcmp(p, "child wrote") == 0);
    ds.shm_perm.mode = 0600;
    check("IPC_SET mode 0600", shmctl(id, IPC_SET, &ds) == 0 && shmctl(id, IPC_STAT, &ds) == 0 &&
          (ds.shm_perm.mode & 0777) == 0600);
    char *ro = shmat(id, NULL, SHM_RDONLY);
    check("SHM_RDONLY attach reads", ro != (char *)-1 && strcmp(ro, "child wrote") == 0);
    check("shmdt", shmdt(ro) == 0 && shmdt(p) == 0);
    CHECK_ERR("shmdt again: EINVAL", shmdt(p), EINVAL);
    CHECK_ERR("IPC_STAT bad pointer: EFAULT", shmctl(id, IPC_STAT, (struct shmid_ds *)8), EFAULT);
    CHECK_ERR("unknown command: EINVAL", shmctl(id, 99, &ds), EINVAL);
    check("IPC_RMID", shmctl(id, IPC_RMID, NULL) == 0);
    CHECK_ERR("IPC_STAT after IPC_RMID: EINVAL", shmctl(id, IPC_STAT, &ds), EINVAL);
    key_t key = 0x4c534c00 + (getpid() & 0xff);
    int k = shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600);
    check("shmget by key", k >= 0);
    CHECK_ERR("IPC_CREAT|IPC_EXCL again: EEXIST", shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
    check("shmget finds the key", shmget(key, 0, 0) == k);
    check("IPC_STAT key", shmctl(k, IPC_STAT, &ds) == 0 && ds.shm_perm.key == key);
    shmctl(k, IPC_RMID, NULL);
}

static void sem(void)
{
    int id = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    check("semget 3", id >= 0);
    check("SETVAL 0 := 5", semctl(id, 0, SETVAL, 5) == 0);
    check("GETVAL 0 = 5", semctl(id, 0, GETVAL) == 5);
    unsigned short all[3] = { 1, 2, 3 }, back[3] = { 0 };
    check("SETALL 1 2 3", semctl(id, 0, SETALL, all) == 0);
    check("GETALL", semctl(id, 0, GETALL, back) == 0 && back[0] == 1 && back[1] == 2 && back[2] == 3);
    struct sembuf op = { .sem_num = 1, .sem_op = -2, .sem_flg = IPC_NOWAIT };
    check("semop -2 on sem 1", semop(id, &op, 1) == 0 && semctl(id, 1, GETVAL) == 0);
    CHECK_ERR("semop -1 at zero with IPC_NOWAIT: EAGAIN", semop(id, &op, 1), EAGAIN);
    check("GETPID is us", semctl(id, 1, GETPID) == getpid());
    check("GETNCNT 0, GETZCNT 0", semctl(id, 1, GETNCNT) == 0 && semctl(id, 1, GETZCNT) == 0);
    struct semid_ds ds;
    memset(&ds, 0xff, sizeof ds);
    check("IPC_STAT: nsems 3, mode 0600, owner us, otime set",
          semctl(id, 0, IPC_STAT, &ds) == 0 && ds.sem_nsems == 3 && (ds.sem_perm.mode & 0777) == 0600 &&
          ds.sem_perm.uid == geteuid() && ds.sem_otime > 0);
    ds.sem_perm.mode = 0640;
    check("IPC_SET mode 0640", semctl(id, 0, IPC_SET, &ds) == 0 && semctl(id, 0, IPC_STAT, &ds) == 0 &&
          (ds.sem_perm.mode & 0777) == 0640);
    /* a child blocks on the semaphore until the parent posts */
    pid_t c = fork();
    if (c == 0) {
        struct sembuf w = { .sem_num = 2, .sem_op = -4, .sem_flg = 0 };
        _exit(semop(id, &w, 1) == 0 ? 0 : 1);
    }
    int n = 0;
    for (int i = 0; i < 200 && (n = semctl(id, 2, GETNCNT)) == 0; i++)
        usleep(10000);
    check("GETNCNT sees the waiting child", n == 1);
    struct sembuf post = { .sem_num = 2, .sem_op = 1, .sem_flg = 0 };
    check("post wakes it", semop(id, &post, 1) == 0);
    int st;
    waitpid(c, &st, 0);
    check("child's semop completed", WIFEXITED(st) && WEXITSTATUS(st) == 0 && semctl(id, 2, GETVAL) == 0);
    CHECK_ERR("unknown command: EINVAL", semctl(id, 0, 99), EINVAL);
    check("IPC_RMID", semctl(id, 0, IPC_RMID) == 0);
    CHECK_ERR("GETVAL after IPC_RMID: EINVAL", semctl(id, 0, GETVAL), EINVAL);
}

struct msg { long type; char text[32]; };

static void msg(void)
{
    int id = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    check("msgget", id >= 0);
    struct msg a = { 1, "first" }, b = { 2, "second" }, r;
    check("msgsnd type 1 and 2", msgsnd(id, &a, 6, 0) == 0 && msgsnd(id, &b, 7, 0) == 0);
    struct msqid_ds ds;
    memset(&ds, 0xff, sizeof ds);
    check("IPC_STAT: 2 messages, 13 bytes, lspid us",
          msgctl(id, IPC_STAT, &ds) == 0 && ds.msg_qnum == 2 && ds.msg_cbytes == 13 &&
          ds.msg_lspid == getpid() && ds.msg_stime > 0 && (ds.msg_perm.mode & 0777) == 0600);
    check("msgrcv type 2 first", msgrcv(id, &r, sizeof r.text, 2, 0) == 7 && strcmp(r.text, "second") == 0);
    CHECK_ERR("msgrcv too small: E2BIG", msgrcv(id, &r, 2, 0, 0), E2BIG);
    check("MSG_NOERROR truncates", msgrcv(id, &r, 2, 0, MSG_NOERROR) == 2 && memcmp(r.text, "fi", 2) == 0);
    CHECK_ERR("empty queue with IPC_NOWAIT: ENOMSG", msgrcv(id, &r, sizeof r.text, 0, IPC_NOWAIT), ENOMSG);
    pid_t c = fork();
    if (c == 0) {
        struct msg m = { 7, "from child" };
        _exit(msgsnd(id, &m, 11, 0) == 0 ? 0 : 1);
    }
    check("message from a child", msgrcv(id, &r, sizeof r.text, 7, 0) == 11 &&
          strcmp(r.text, "from child") == 0);
    int st;
    waitpid(c, &st, 0);
    check("IPC_STAT: lrpid us, lspid the child", msgctl(id, IPC_STAT, &ds) == 0 && ds.msg_lrpid == getpid() &&
          ds.msg_lspid == c && ds.msg_qnum == 0);
    ds.msg_qbytes = 1024;
    check("IPC_SET msg_qbytes 1024", msgctl(id, IPC_SET, &ds) == 0 && msgctl(id, IPC_STAT, &ds) == 0 &&
          ds.msg_qbytes == 1024);
    CHECK_ERR("IPC_STAT bad pointer: EFAULT", msgctl(id, IPC_STAT, (struct msqid_ds *)8), EFAULT);
    check("IPC_RMID", msgctl(id, IPC_RMID, NULL) == 0);
    CHECK_ERR("msgsnd after IPC_RMID: EINVAL", msgsnd(id, &a, 6, 0), EINVAL);
}

int main(void)
{
    shm();
    sem();
    msg();
    printf("fails %d\n", fails);
    return fails;
}
