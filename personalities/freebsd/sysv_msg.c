/* msgctl (#511) with FreeBSD's struct msqid_ds: IPC_STAT through a Linux
 * msqid64_ds in scratch, IPC_SET converted the other way, IPC_RMID as is.
 * FreeBSD's msgctl knows no other command (EINVAL).  msgget, msgsnd and msgrcv
 * pass through (same struct msgbuf, IPC_NOWAIT and MSG_NOERROR). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include "personalities/freebsd/ipc.h"
#include "abi/freebsd/ipc.h"
#include "tracer/tracee.h"

static enum sys_action host(struct tracee *t, uint64_t arg)
{
    sysc_set_host_nr(t, __NR_msgctl);
    sysc_set_arg(t, 2, arg);
    return SYS_PASS;
}

enum sys_action fbsd_sys_msgctl(struct tracee *t, struct sysc *sc)
{
    sc->save[0] = 0;
    switch ((int)sc->args[1]) {
    case FBSD_IPC_RMID:
        return host(t, 0);
    case FBSD_IPC_STAT: {
        uint64_t s = guest_scratch(t, sizeof(struct fbsd_host_msqid64_ds));
        if (!s)
            return sysc_done(sc, -EFAULT);
        sc->save[0] = 1;
        sc->save[1] = s;
        return host(t, s);
    }
    case FBSD_IPC_SET: {
        struct fbsd_msqid_ds g;
        struct fbsd_host_msqid64_ds h;
        if (guest_read(t, sc->args[2], &g, sizeof g) < 0)
            return sysc_done(sc, -EFAULT);
        fbsd_msqid_to_linux(&h, &g);
        uint64_t s = guest_scratch(t, sizeof h);
        if (!s || guest_write(t, s, &h, sizeof h) < 0)
            return sysc_done(sc, -EFAULT);
        return host(t, s);
    }
    default:
        return sysc_done(sc, -EINVAL);
    }
}

void fbsd_sys_msgctl_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0 || !sc->save[0])
        return;
    struct fbsd_host_msqid64_ds h;
    struct fbsd_msqid_ds g;
    if (guest_read(t, sc->save[1], &h, sizeof h) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    fbsd_msqid_from_linux(&g, &h);
    if (guest_write(t, sc->args[2], &g, sizeof g) < 0)
        sc->ret = -EFAULT;
}
