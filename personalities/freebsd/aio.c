/* POSIX asynchronous I/O, done synchronously: aio_read/aio_write (#255/#256)
 * perform the pread/pwrite inside the guest at submission and record the
 * outcome, so every request is already complete when the program looks:
 * aio_error answers 0 or the error, aio_return hands the count back once and
 * forgets the request, aio_suspend returns at once when one of the listed
 * requests is known, aio_cancel answers AIO_ALLDONE.  Completion notification:
 * SIGEV_NONE, or SIGEV_SIGNAL (the signal is sent to the process right after the
 * I/O); SIGEV_THREAD/SIGEV_KEVENT answer EINVAL here.  lio_listio,
 * aio_waitcomplete, aio_fsync, aio_mlock and the vectored forms stay ENOSYS (no
 * program of the fixtures uses aio).  Requests are kept in a small table of the
 * supervisor keyed by process and aiocb address; a full table answers EAGAIN,
 * as FreeBSD does at its queue limit. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/ipc.h"
#include "abi/freebsd/errno.h"
#include "abi/freebsd/ipc.h"
#include "abi/freebsd/signal.h"
#include "tracer/tracee.h"

#define AIO_MAX 256

struct aio_done {
    pid_t    tgid;              /* 0: free slot */
    uint64_t iocb;
    long     ret;               /* host convention: count or -errno */
};
static struct aio_done done_tab[AIO_MAX];

static struct aio_done *find(pid_t tgid, uint64_t iocb)
{
    for (size_t i = 0; i < AIO_MAX; i++)
        if (done_tab[i].tgid == tgid && done_tab[i].iocb == iocb)
            return &done_tab[i];
    return NULL;
}

static enum sys_action answer(struct sysc *sc, long ret)
{
    sc->ret = ret;
    return SYS_DONE;
}

static enum sys_action submit(struct tracee *t, struct sysc *sc, bool write)
{
    struct fbsd_aiocb cb;
    if (guest_read(t, sc->args[0], &cb, sizeof cb) < 0)
        return answer(sc, -EFAULT);
    if (cb.aio_offset < 0)
        return answer(sc, -EINVAL);
    int sig = 0;
    if (cb.sigev_notify == FBSD_SIGEV_SIGNAL) {
        if ((sig = fbsd_signal_to_linux(cb.sigev_signo)) <= 0)
            return answer(sc, -EINVAL);
    } else if (cb.sigev_notify != FBSD_SIGEV_NONE) {
        return answer(sc, -EINVAL);
    }
    struct aio_done *d = find(t->tgid, sc->args[0]);
    if (!d)
        d = find(0, 0);
    if (!d)
        return answer(sc, -EAGAIN);
    uint64_t a[6] = { (uint64_t)(int64_t)cb.aio_fildes, cb.aio_buf, cb.aio_nbytes, (uint64_t)cb.aio_offset };
    long r = guest_syscall(t, write ? __NR_pwrite64 : __NR_pread64, a);
    if (r == -ESPIPE)
        r = -EINVAL;                /* FreeBSD refuses a non-seekable file at submission */
    if (r == -EBADF || r == -EINVAL)
        return answer(sc, r);       /* rejected at submission, as FreeBSD's aio_aqueue */
    *d = (struct aio_done){ t->tgid, sc->args[0], r };
    if (sig) {
        uint64_t k[6] = { (uint64_t)t->tgid, (uint64_t)sig };
        guest_syscall(t, __NR_kill, k);
    }
    return answer(sc, 0);
}

enum sys_action fbsd_sys_aio_read(struct tracee *t, struct sysc *sc)  { return submit(t, sc, false); }
enum sys_action fbsd_sys_aio_write(struct tracee *t, struct sysc *sc) { return submit(t, sc, true); }

/* aio_error(iocb): 0 or the error number as the value; EINVAL when unknown. */
enum sys_action fbsd_sys_aio_error(struct tracee *t, struct sysc *sc)
{
    struct aio_done *d = find(t->tgid, sc->args[0]);
    if (!d)
        return answer(sc, -EINVAL);
    return answer(sc, d->ret < 0 ? fbsd_errno_from_linux((int)-d->ret) : 0);
}

/* aio_return(iocb): the count (or the error) once; the request is then gone. */
enum sys_action fbsd_sys_aio_return(struct tracee *t, struct sysc *sc)
{
    struct aio_done *d = find(t->tgid, sc->args[0]);
    if (!d)
        return answer(sc, -EINVAL);
    long r = d->ret;
    memset(d, 0, sizeof *d);
    return answer(sc, r);
}

/* aio_suspend(list, n, timeout): every known request is complete already. */
enum sys_action fbsd_sys_aio_suspend(struct tracee *t, struct sysc *sc)
{
    int n = (int)sc->args[1];
    if (n < 0 || n > 16 * 1024)
        return answer(sc, -EINVAL);
    for (int i = 0; i < n; i++) {
        uint64_t p;
        if (guest_read(t, sc->args[0] + 8 * (uint64_t)i, &p, sizeof p) < 0)
            return answer(sc, -EFAULT);
        if (p && find(t->tgid, p))
            return answer(sc, 0);
    }
    return answer(sc, -EINVAL);
}

/* aio_cancel(fd, iocb): nothing is ever in progress. */
enum sys_action fbsd_sys_aio_cancel(struct tracee *t, struct sysc *sc)
{
    uint64_t a[6] = { sc->args[0], 1 /* F_GETFD */ };
    long r = guest_syscall(t, __NR_fcntl, a);
    return answer(sc, r < 0 ? r : FBSD_AIO_ALLDONE);
}
