/* shmctl (#512) with FreeBSD's struct shmid_ds.  shmget, shmat and shmdt pass
 * straight through (same flags and arguments).  IPC_STAT/SHM_STAT fill a Linux
 * shmid64_ds in scratch, converted on exit; IPC_SET converts the other way;
 * IPC_INFO copies the five u_longs FreeBSD's struct shminfo has; SHM_INFO's
 * struct shm_info is the same on both.  FreeBSD answers 0 where Linux returns
 * the highest index (IPC_INFO, SHM_INFO). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include "personalities/freebsd/ipc.h"
#include "abi/freebsd/ipc.h"
#include "tracer/tracee.h"

enum { SX_NONE, SX_STAT, SX_INFO, SX_ZERO };

static enum sys_action host(struct tracee *t, uint64_t arg)
{
    sysc_set_host_nr(t, __NR_shmctl);
    sysc_set_arg(t, 2, arg);
    return SYS_PASS;
}

enum sys_action fbsd_sys_shmctl(struct tracee *t, struct sysc *sc)
{
    int cmd = (int)sc->args[1];
    sc->save[0] = SX_NONE;
    switch (cmd) {
    case FBSD_IPC_RMID: case FBSD_SHM_LOCK: case FBSD_SHM_UNLOCK:
        return host(t, 0);
    case FBSD_IPC_STAT: case FBSD_SHM_STAT: case FBSD_IPC_INFO: case FBSD_SHM_INFO: {
        uint64_t s = guest_scratch(t, sizeof(struct fbsd_host_shmid64_ds) + 64);
        if (!s)
            return sysc_done(sc, -EFAULT);
        sc->save[0] = cmd == FBSD_IPC_INFO ? SX_INFO : cmd == FBSD_SHM_INFO ? SX_ZERO : SX_STAT;
        sc->save[1] = s;
        return host(t, cmd == FBSD_SHM_INFO ? sc->args[2] : s);
    }
    case FBSD_IPC_SET: {
        struct fbsd_shmid_ds g;
        struct fbsd_host_shmid64_ds h;
        if (guest_read(t, sc->args[2], &g, sizeof g) < 0)
            return sysc_done(sc, -EFAULT);
        fbsd_shmid_to_linux(&h, &g);
        uint64_t s = guest_scratch(t, sizeof h);
        if (!s || guest_write(t, s, &h, sizeof h) < 0)
            return sysc_done(sc, -EFAULT);
        return host(t, s);
    }
    default:
        return sysc_done(sc, -EINVAL);
    }
}

void fbsd_sys_shmctl_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0 || sc->save[0] == SX_NONE)
        return;
    if (sc->save[0] == SX_ZERO) {
        sc->ret = 0;
    } else if (sc->save[0] == SX_INFO) {
        unsigned char b[FBSD_SHMINFO_SIZE];
        sc->ret = guest_read(t, sc->save[1], b, sizeof b) < 0 ||
                  guest_write(t, sc->args[2], b, sizeof b) < 0 ? -EFAULT : 0;
    } else {
        struct fbsd_host_shmid64_ds h;
        struct fbsd_shmid_ds g;
        if (guest_read(t, sc->save[1], &h, sizeof h) < 0) {
            sc->ret = -EFAULT;
            return;
        }
        fbsd_shmid_from_linux(&g, &h);
        if (guest_write(t, sc->args[2], &g, sizeof g) < 0)
            sc->ret = -EFAULT;
    }
}
