/* Unit tests of abi/freebsd/ipc.c: the Linux x86-64 SysV structures agree with
 * the C library's (which x86-64 shares with the kernel), FreeBSD <-> Linux
 * conversions keep every field, semctl command numbers, eventfd flags, and the
 * pty slave name. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/sem.h>
#include <sys/msg.h>
#include <sys/eventfd.h>
#include <cmocka.h>
#include "abi/freebsd/ipc.h"
#include "personalities/freebsd/pty.h"

static void test_host_layouts(void **state)
{
    (void)state;
    assert_int_equal(sizeof(struct fbsd_host_shmid64_ds), sizeof(struct shmid_ds));
    assert_int_equal(sizeof(struct fbsd_host_semid64_ds), sizeof(struct semid_ds));
    assert_int_equal(sizeof(struct fbsd_host_msqid64_ds), sizeof(struct msqid_ds));
    assert_int_equal(offsetof(struct fbsd_host_shmid64_ds, shm_segsz), offsetof(struct shmid_ds, shm_segsz));
    assert_int_equal(offsetof(struct fbsd_host_shmid64_ds, shm_cpid), offsetof(struct shmid_ds, shm_cpid));
    assert_int_equal(offsetof(struct fbsd_host_shmid64_ds, shm_nattch), offsetof(struct shmid_ds, shm_nattch));
    assert_int_equal(offsetof(struct fbsd_host_semid64_ds, sem_nsems), offsetof(struct semid_ds, sem_nsems));
    assert_int_equal(offsetof(struct fbsd_host_msqid64_ds, msg_qbytes), offsetof(struct msqid_ds, msg_qbytes));
    assert_int_equal(offsetof(struct fbsd_host_msqid64_ds, msg_lrpid), offsetof(struct msqid_ds, msg_lrpid));
    assert_int_equal(offsetof(struct fbsd_host_ipc64_perm, cgid), offsetof(struct ipc_perm, cgid));
    assert_int_equal(offsetof(struct fbsd_host_ipc64_perm, mode), offsetof(struct ipc_perm, mode));
}

static void test_shmid_both_ways(void **state)
{
    (void)state;
    struct fbsd_host_shmid64_ds h, h2;
    memset(&h, 0, sizeof h);
    h.shm_perm = (struct fbsd_host_ipc64_perm){ .key = 0x1234, .uid = 1, .gid = 2, .cuid = 3, .cgid = 4,
                                                .mode = 01000 | 0640, .seq = 7 };
    h.shm_segsz = 10000; h.shm_atime = 11; h.shm_dtime = 12; h.shm_ctime = 13;
    h.shm_cpid = 100; h.shm_lpid = 101; h.shm_nattch = 2;
    struct fbsd_shmid_ds g;
    fbsd_shmid_from_linux(&g, &h);
    assert_int_equal(g.shm_perm.key, 0x1234);
    assert_int_equal(g.shm_perm.uid, 1);
    assert_int_equal(g.shm_perm.gid, 2);
    assert_int_equal(g.shm_perm.cuid, 3);
    assert_int_equal(g.shm_perm.cgid, 4);
    assert_int_equal(g.shm_perm.mode, 0640);     /* SHM_DEST dropped */
    assert_int_equal(g.shm_perm.seq, 7);
    assert_int_equal(g.shm_segsz, 10000);
    assert_int_equal(g.shm_cpid, 100);
    assert_int_equal(g.shm_lpid, 101);
    assert_int_equal(g.shm_nattch, 2);
    assert_int_equal(g.shm_atime, 11);
    assert_int_equal(g.shm_dtime, 12);
    assert_int_equal(g.shm_ctime, 13);
    fbsd_shmid_to_linux(&h2, &g);
    assert_int_equal(h2.shm_perm.uid, 1);
    assert_int_equal(h2.shm_perm.mode, 0640);
    assert_int_equal(h2.shm_segsz, 10000);
}

static void test_sem_msg(void **state)
{
    (void)state;
    struct fbsd_host_semid64_ds hs = { .sem_otime = 5, .sem_ctime = 6, .sem_nsems = 3 };
    hs.sem_perm.mode = 0600;
    struct fbsd_semid_ds gs;
    fbsd_semid_from_linux(&gs, &hs);
    assert_int_equal(gs.sem_nsems, 3);
    assert_int_equal(gs.sem_otime, 5);
    assert_int_equal(gs.sem_ctime, 6);
    assert_int_equal(gs.sem_perm.mode, 0600);
    assert_int_equal(gs.sem_base_, 0);
    struct fbsd_host_msqid64_ds hm = { .msg_stime = 1, .msg_rtime = 2, .msg_ctime = 3, .msg_cbytes = 13,
                                       .msg_qnum = 2, .msg_qbytes = 16384, .msg_lspid = 9, .msg_lrpid = 10 };
    struct fbsd_msqid_ds gm;
    fbsd_msqid_from_linux(&gm, &hm);
    assert_int_equal(gm.msg_cbytes, 13);
    assert_int_equal(gm.msg_qnum, 2);
    assert_int_equal(gm.msg_qbytes, 16384);
    assert_int_equal(gm.msg_lspid, 9);
    assert_int_equal(gm.msg_lrpid, 10);
    assert_int_equal(gm.msg_stime, 1);
    assert_int_equal(gm.msg_rtime, 2);
    assert_int_equal(gm.msg_ctime, 3);
    gm.msg_qbytes = 1024;
    fbsd_msqid_to_linux(&hm, &gm);
    assert_int_equal(hm.msg_qbytes, 1024);
}

static void test_semctl_cmds(void **state)
{
    (void)state;
    int cmd;
    enum fbsd_semun_use use;
    assert_true(fbsd_semctl_cmd(FBSD_GETVAL, &cmd, &use));
    assert_int_equal(cmd, GETVAL);
    assert_int_equal(use, FBSD_SEMUN_NONE);
    assert_true(fbsd_semctl_cmd(FBSD_SETVAL, &cmd, &use));
    assert_int_equal(cmd, SETVAL);
    assert_int_equal(use, FBSD_SEMUN_VAL);
    assert_true(fbsd_semctl_cmd(FBSD_GETALL, &cmd, &use));
    assert_int_equal(cmd, GETALL);
    assert_int_equal(use, FBSD_SEMUN_ARRAY);
    assert_true(fbsd_semctl_cmd(FBSD_IPC_STAT, &cmd, &use));
    assert_int_equal(cmd, IPC_STAT);
    assert_int_equal(use, FBSD_SEMUN_DS_OUT);
    assert_true(fbsd_semctl_cmd(FBSD_SEM_STAT, &cmd, &use));
    assert_int_equal(cmd, SEM_STAT);
    assert_true(fbsd_semctl_cmd(FBSD_GETPID, &cmd, &use));
    assert_int_equal(cmd, GETPID);
    assert_false(fbsd_semctl_cmd(FBSD_SEM_INFO, &cmd, &use));  /* FreeBSD has none */
    assert_false(fbsd_semctl_cmd(99, &cmd, &use));
}

static void test_eventfd_flags(void **state)
{
    (void)state;
    assert_int_equal(fbsd_eventfd_flags_to_linux(0), 0);
    assert_int_equal(fbsd_eventfd_flags_to_linux(FBSD_EFD_SEMAPHORE | FBSD_EFD_NONBLOCK | FBSD_EFD_CLOEXEC),
                     EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC);
    assert_int_equal(fbsd_eventfd_flags_to_linux(0x40), -EINVAL);
}

static void test_pty_name(void **state)
{
    (void)state;
    char b[16];
    assert_int_equal(fbsd_pty_slave_name(7, b, sizeof b), 5);
    assert_string_equal(b, "pts/7");
    assert_int_equal(fbsd_pty_slave_name(123456, b, 8), -ERANGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_layouts),
        cmocka_unit_test(test_shmid_both_ways),
        cmocka_unit_test(test_sem_msg),
        cmocka_unit_test(test_semctl_cmds),
        cmocka_unit_test(test_eventfd_flags),
        cmocka_unit_test(test_pty_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
