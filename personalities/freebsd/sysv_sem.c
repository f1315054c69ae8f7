/* __semctl (#510): FreeBSD passes a pointer to the union semun, Linux's semctl
 * takes the union's value; and the commands are numbered otherwise (GETPID 4
 * ... SETALL 9 against Linux's 11 ... 17: abi's fbsd_semctl_cmd).  IPC_STAT and
 * SEM_STAT fill a Linux semid64_ds in scratch, converted on exit into arg.buf;
 * IPC_SET converts arg.buf the other way.  semget and semop pass through. */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/syscall.h>
#include "personalities/freebsd/ipc.h"
#include "abi/freebsd/ipc.h"
#include "tracer/tracee.h"

/* __semctl(semid, semnum, cmd, union semun *arg) */
enum sys_action fbsd_sys___semctl(struct tracee *t, struct sysc *sc)
{
    int cmd;
    enum fbsd_semun_use use;
    uint64_t arg = 0;
    if (!fbsd_semctl_cmd((int)sc->args[2], &cmd, &use))
        return sysc_done(sc, -EINVAL);
    sc->save[0] = use;
    if (use != FBSD_SEMUN_NONE && guest_read(t, sc->args[3], &arg, sizeof arg) < 0)
        return sysc_done(sc, -EFAULT);
    sc->save[2] = arg;
    switch (use) {
    case FBSD_SEMUN_VAL:
        arg = (uint64_t)(int64_t)(int32_t)arg;
        break;
    case FBSD_SEMUN_DS_OUT: {
        uint64_t s = guest_scratch(t, sizeof(struct fbsd_host_semid64_ds));
        if (!s)
            return sysc_done(sc, -EFAULT);
        sc->save[1] = s;
        arg = s;
        break;
    }
    case FBSD_SEMUN_DS_IN: {
        struct fbsd_semid_ds g;
        struct fbsd_host_semid64_ds h;
        if (guest_read(t, arg, &g, sizeof g) < 0)
            return sysc_done(sc, -EFAULT);
        fbsd_semid_to_linux(&h, &g);
        uint64_t s = guest_scratch(t, sizeof h);
        if (!s || guest_write(t, s, &h, sizeof h) < 0)
            return sysc_done(sc, -EFAULT);
        arg = s;
        break;
    }
    default:
        break;
    }
    sysc_set_host_nr(t, __NR_semctl);
    sysc_set_arg(t, 2, (uint64_t)cmd);
    sysc_set_arg(t, 3, arg);
    return SYS_PASS;
}

void fbsd_sys___semctl_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0 || sc->save[0] != FBSD_SEMUN_DS_OUT)
        return;
    struct fbsd_host_semid64_ds h;
    struct fbsd_semid_ds g;
    if (guest_read(t, sc->save[1], &h, sizeof h) < 0) {
        sc->ret = -EFAULT;
        return;
    }
    fbsd_semid_from_linux(&g, &h);
    if (guest_write(t, sc->save[2], &g, sizeof g) < 0)
        sc->ret = -EFAULT;
}
