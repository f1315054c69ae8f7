/* fcntl(2).  Commands with a Linux twin of the same meaning pass with the
 * number changed (abi's fbsd_fcntl_cmd_map); the others have a small function
 * each in the table below:
 *   F_GETFL/F_SETFL          flag bits translated both ways;
 *   F_GETLK/F_SETLK[W]       FreeBSD's struct flock <-> Linux's, in scratch;
 *   F_OGETLK/F_OSETLK[W]     the same with the old 24-byte struct (no l_sysid);
 *   F_DUP2FD[_CLOEXEC]       dup2 / dup3(O_CLOEXEC) (same descriptor: FD_CLOEXEC);
 *   F_ISUNIONSTACK           0: no union mounts here (after checking the fd);
 *   F_READAHEAD/F_RDAHEAD    accepted and ignored (Linux tunes read-ahead itself).
 * F_SETLK_REMOTE (NFS lock daemon only) and F_KINFO (struct kinfo_file is not
 * built here) answer EINVAL, as do unknown commands. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/file.h"
#include "personalities/freebsd/kqueue.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

/* What the exit handler does (sc->save[0]). */
enum { FX_NONE, FX_GETFL, FX_GETLK, FX_ZERO };

/* F_SETFL changes only these on FreeBSD (FCNTLFLAGS in sys/fcntl.h, less
 * FPOSIXSHM, which only FreeBSD's shm_open descriptors carry). */
#define SETFL_BITS (FBSD_O_APPEND | FBSD_O_ASYNC | FBSD_O_FSYNC | FBSD_O_NONBLOCK | FBSD_O_DIRECT)
/* The old struct flock (F_OGETLK...) is the new one without l_sysid. */
#define OFLOCK_SIZE 24

static enum sys_action rewrite(struct tracee *t, int cmd, uint64_t arg)
{
    sysc_set_host_nr(t, __NR_fcntl);
    sysc_set_arg(t, 1, (uint64_t)cmd);
    sysc_set_arg(t, 2, arg);
    return SYS_PASS;
}

static enum sys_action getfl(struct tracee *t, struct sysc *sc)
{
    sc->save[0] = FX_GETFL;
    return rewrite(t, F_GETFL, 0);
}

static enum sys_action setfl(struct tracee *t, struct sysc *sc)
{
    uint32_t g = (uint32_t)sc->args[2] & SETFL_BITS;
    return rewrite(t, F_SETFL, (uint64_t)(unsigned)fbsd_open_flags_to_linux(g, NULL));
}

static enum sys_action lock(struct tracee *t, struct sysc *sc, int host_cmd, size_t size)
{
    struct fbsd_flock g;
    struct flock h;
    memset(&g, 0, sizeof g);
    if (guest_read(t, sc->args[2], &g, size) < 0)
        return sysc_done(sc, -EFAULT);
    if (fbsd_flock_to_linux(&h, &g) < 0)
        return sysc_done(sc, -EINVAL);
    uint64_t s = guest_scratch(t, sizeof h);
    if (!s || guest_write(t, s, &h, sizeof h) < 0)
        return sysc_done(sc, -EFAULT);
    if (host_cmd == F_GETLK) {
        sc->save[0] = FX_GETLK;
        sc->save[1] = s;
        sc->save[2] = size;
    }
    return rewrite(t, host_cmd, s);
}

static enum sys_action getlk(struct tracee *t, struct sysc *sc)   { return lock(t, sc, F_GETLK, sizeof(struct fbsd_flock)); }
static enum sys_action setlk(struct tracee *t, struct sysc *sc)   { return lock(t, sc, F_SETLK, sizeof(struct fbsd_flock)); }
static enum sys_action setlkw(struct tracee *t, struct sysc *sc)  { return lock(t, sc, F_SETLKW, sizeof(struct fbsd_flock)); }
static enum sys_action ogetlk(struct tracee *t, struct sysc *sc)  { return lock(t, sc, F_GETLK, OFLOCK_SIZE); }
static enum sys_action osetlk(struct tracee *t, struct sysc *sc)  { return lock(t, sc, F_SETLK, OFLOCK_SIZE); }
static enum sys_action osetlkw(struct tracee *t, struct sysc *sc) { return lock(t, sc, F_SETLKW, OFLOCK_SIZE); }

static enum sys_action dup2fd(struct tracee *t, struct sysc *sc, bool cloexec)
{
    int fd = (int)sc->args[0], to = (int)sc->args[2];
    if (fd != to && to >= 0)
        fbsd_kq_fd_closed(t, to, to);   /* to's kqueue events go with it (kqueue.c) */
    if (!cloexec) {
        sysc_set_host_nr(t, __NR_dup2);
        sysc_set_arg(t, 1, (uint64_t)(int64_t)to);
        return SYS_PASS;
    }
    if (fd == to) {
        /* dup3 refuses equal descriptors; FreeBSD just sets close-on-exec. */
        uint64_t a[6] = { (uint64_t)(int64_t)fd, F_SETFD, FD_CLOEXEC };
        long r = guest_syscall(t, __NR_fcntl, a);
        return sysc_done(sc, r < 0 ? r : fd);
    }
    sysc_set_host_nr(t, __NR_dup3);
    sysc_set_arg(t, 1, (uint64_t)(int64_t)to);
    sysc_set_arg(t, 2, O_CLOEXEC);
    return SYS_PASS;
}

static enum sys_action dup2_plain(struct tracee *t, struct sysc *sc)   { return dup2fd(t, sc, false); }
static enum sys_action dup2_cloexec(struct tracee *t, struct sysc *sc) { return dup2fd(t, sc, true); }

/* Checks the descriptor (F_GETFD) and answers 0. */
static enum sys_action probe_zero(struct tracee *t, struct sysc *sc)
{
    sc->save[0] = FX_ZERO;
    return rewrite(t, F_GETFD, 0);
}

static enum sys_action einval(struct tracee *t, struct sysc *sc)
{
    (void)t;
    return sysc_done(sc, -EINVAL);
}

static const struct {
    int cmd;
    enum sys_action (*fn)(struct tracee *, struct sysc *);
} special[] = {
    { FBSD_F_GETFL, getfl },          { FBSD_F_SETFL, setfl },
    { FBSD_F_GETLK, getlk },          { FBSD_F_SETLK, setlk },      { FBSD_F_SETLKW, setlkw },
    { FBSD_F_OGETLK, ogetlk },        { FBSD_F_OSETLK, osetlk },    { FBSD_F_OSETLKW, osetlkw },
    { FBSD_F_DUP2FD, dup2_plain },    { FBSD_F_DUP2FD_CLOEXEC, dup2_cloexec },
    { FBSD_F_ISUNIONSTACK, probe_zero },
    { FBSD_F_READAHEAD, probe_zero }, { FBSD_F_RDAHEAD, probe_zero },
    { FBSD_F_SETLK_REMOTE, einval },  { FBSD_F_KINFO, einval },
};

enum sys_action fbsd_sys_fcntl(struct tracee *t, struct sysc *sc)
{
    int cmd = (int)sc->args[1];
    sc->save[0] = FX_NONE;
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        if (special[i].cmd == cmd)
            return special[i].fn(t, sc);
    int host = fbsd_fcntl_cmd_to_linux(cmd);
    if (host < 0)
        return sysc_done(sc, -EINVAL);
    return rewrite(t, host, sc->args[2]);
}

void fbsd_sys_fcntl_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0)
        return;
    switch (sc->save[0]) {
    case FX_GETFL:
        sc->ret = (long)fbsd_open_flags_from_linux((int)sc->ret);
        break;
    case FX_ZERO:
        sc->ret = 0;
        break;
    case FX_GETLK: {
        struct flock h;
        struct fbsd_flock g;
        if (guest_read(t, sc->save[1], &h, sizeof h) < 0 || fbsd_flock_from_linux(&g, &h) < 0) {
            sc->ret = -EFAULT;
            break;
        }
        if (guest_write(t, sc->args[2], &g, (size_t)sc->save[2]) < 0)
            sc->ret = -EFAULT;
        break;
    }
    default:
        break;
    }
}
