/* POSIX message queues: kmq_open (#457), kmq_setattr (#458), kmq_timedreceive
 * (#459), kmq_timedsend (#460), kmq_notify (#461), kmq_unlink (#462) on Linux's
 * mq_* calls.  (librt's mq_close is close(2); mq_getattr is kmq_setattr with no
 * new attributes.)
 *
 * Translated: the queue name (FreeBSD's starts with '/' and holds no other '/',
 * else EINVAL; Linux's system call takes it without the leading '/'), the open
 * flags (O_CREAT, O_EXCL, O_NONBLOCK differ; FreeBSD makes every queue
 * descriptor close-on-exec), the O_NONBLOCK bit of struct mq_attr's mq_flags
 * (otherwise the struct has the same layout), FreeBSD's default attributes for a
 * queue created without any (10 messages of 1024 bytes, where Linux gives 8192),
 * and struct sigevent for kmq_notify (SIGEV_KEVENT unsupported: EINVAL).
 * kmq_timedreceive/kmq_timedsend take the same arguments as Linux's and pass
 * straight through. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

#define FBSD_MQ_NAME_MAX 1024   /* MAXPATHLEN: FreeBSD's mqfs takes names up to it */

struct mq_attr_any {            /* FreeBSD's struct mq_attr and Linux's: the same */
    int64_t mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs;
    int64_t reserved[4];
};

/* The queue name at addr, written without its '/' to guest scratch memory at
 * *out: 0, -EFAULT, -EINVAL, -ENAMETOOLONG or -ENOMEM. */
static int mq_name(struct tracee *t, uint64_t addr, size_t extra, uint64_t *out)
{
    char name[FBSD_MQ_NAME_MAX];
    long n = guest_read_str(t, addr, name, sizeof name);
    if (n < 0)
        return n == -ENAMETOOLONG ? -ENAMETOOLONG : -EFAULT;
    if (name[0] != '/' || strchr(name + 1, '/') || !name[1])
        return -EINVAL;
    size_t len = strlen(name + 1) + 1;
    uint64_t scr = guest_scratch(t, len + extra);
    if (!scr || guest_write(t, scr + extra, name + 1, len) < 0)
        return -ENOMEM;
    *out = scr;
    return 0;
}

static int64_t mq_flags_to_linux(int64_t f)
{
    return (f & FBSD_O_NONBLOCK) ? O_NONBLOCK : 0;
}

static int64_t mq_flags_from_linux(int64_t f)
{
    return (f & O_NONBLOCK) ? FBSD_O_NONBLOCK : 0;
}

/* kmq_open(const char *path, int flags, mode_t mode, const struct mq_attr *attr) */
enum sys_action fbsd_sys_kmq_open(struct tracee *t, struct sysc *sc)
{
    uint32_t ff = (uint32_t)sc->args[1];
    const uint32_t known = FBSD_O_ACCMODE | FBSD_O_CREAT | FBSD_O_EXCL | FBSD_O_NONBLOCK;
    if (ff & ~known)
        return sysc_done(sc, -EINVAL);
    struct mq_attr_any a = { .mq_maxmsg = 10, .mq_msgsize = 1024 };   /* FreeBSD's defaults */
    if ((ff & FBSD_O_CREAT) && sc->args[3] && guest_read(t, sc->args[3], &a, sizeof a) < 0)
        return sysc_done(sc, -EFAULT);
    uint64_t scr;
    int e = mq_name(t, sc->args[0], sizeof a, &scr);   /* the attributes first, then the name */
    if (e < 0)
        return sysc_done(sc, e);
    int lf = (int)(ff & FBSD_O_ACCMODE) | O_CLOEXEC;
    if (ff & FBSD_O_CREAT)
        lf |= O_CREAT;
    if (ff & FBSD_O_EXCL)
        lf |= O_EXCL;
    if (ff & FBSD_O_NONBLOCK)
        lf |= O_NONBLOCK;
    a.mq_flags = 0;
    if ((ff & FBSD_O_CREAT) && guest_write(t, scr, &a, sizeof a) < 0)
        return sysc_done(sc, -ENOMEM);
    sysc_set_host_nr(t, __NR_mq_open);
    sysc_set_arg(t, 0, scr + sizeof a);
    sysc_set_arg(t, 1, (uint64_t)lf);
    sysc_set_arg(t, 2, sc->args[2] & 07777);
    sysc_set_arg(t, 3, (ff & FBSD_O_CREAT) ? scr : 0);
    return SYS_PASS;
}

/* kmq_unlink(const char *path) */
enum sys_action fbsd_sys_kmq_unlink(struct tracee *t, struct sysc *sc)
{
    uint64_t scr;
    int e = mq_name(t, sc->args[0], 0, &scr);
    if (e < 0)
        return sysc_done(sc, e);
    sysc_set_host_nr(t, __NR_mq_unlink);
    sysc_set_arg(t, 0, scr);
    return SYS_PASS;
}

/* kmq_setattr(int fd, const struct mq_attr *attr, struct mq_attr *oattr): only
 * mq_flags' O_NONBLOCK can change. */
enum { SV_OATTR = 0, SV_SCR };
enum sys_action fbsd_sys_kmq_setattr(struct tracee *t, struct sysc *sc)
{
    sc->save[SV_OATTR] = 0;
    struct mq_attr_any a[2];    /* new, old */
    memset(a, 0, sizeof a);
    if (sc->args[1]) {
        if (guest_read(t, sc->args[1], &a[0], sizeof a[0]) < 0)
            return sysc_done(sc, -EFAULT);
        a[0].mq_flags = mq_flags_to_linux(a[0].mq_flags);
    }
    uint64_t scr = guest_scratch(t, sizeof a);
    if (!scr || guest_write(t, scr, a, sizeof a) < 0)
        return sysc_done(sc, -ENOMEM);
    sc->save[SV_OATTR] = sc->args[2];
    sc->save[SV_SCR] = scr;
    sysc_set_host_nr(t, __NR_mq_getsetattr);
    sysc_set_arg(t, 1, sc->args[1] ? scr : 0);
    sysc_set_arg(t, 2, sc->args[2] ? scr + sizeof a[0] : 0);
    return SYS_PASS;
}

void fbsd_sys_kmq_setattr_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0 || !sc->save[SV_OATTR])
        return;
    struct mq_attr_any o;
    if (guest_read(t, sc->save[SV_SCR] + sizeof o, &o, sizeof o) < 0)
        return;
    o.mq_flags = mq_flags_from_linux(o.mq_flags);
    memset(o.reserved, 0, sizeof o.reserved);
    if (guest_write(t, sc->save[SV_OATTR], &o, sizeof o) < 0)
        sc->ret = -EFAULT;
}

/* kmq_notify(int fd, const struct sigevent *ev) */
enum sys_action fbsd_sys_kmq_notify(struct tracee *t, struct sysc *sc)
{
    uint64_t ev;
    int e = fbsd_sigevent_fetch(t, sc->args[1], &ev);
    if (e < 0)
        return sysc_done(sc, e);
    sysc_set_host_nr(t, __NR_mq_notify);
    sysc_set_arg(t, 1, ev);
    return SYS_PASS;
}
