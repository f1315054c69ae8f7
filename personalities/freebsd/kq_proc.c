/* EVFILT_PROC on a pidfd the supervisor owns (readable once the process has
 * exited).  NOTE_EXIT reports the wait status, FreeBSD-encoded, read from the
 * zombie's /proc/PID/stat (exit_code, field 52) — the guest reaps its child
 * after the event, so the zombie is still there — with EV_EOF|EV_ONESHOT as
 * FreeBSD's filt_proc.  NOTE_FORK, NOTE_EXEC and NOTE_TRACK have no Linux
 * counterpart the supervisor could watch without tracing every child's fork
 * and exec for it: EINVAL.  Guest pids are the supervisor's (same PID
 * namespace: the supervisor is its pid 1 when it made one). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include "personalities/freebsd/kqueue.h"
#include "abi/freebsd/wait.h"
#include "tracer/tracee.h"

static int proc_attach(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    (void)t;
    if (kn->kev.fflags & (FBSD_NOTE_FORK | FBSD_NOTE_EXEC | FBSD_NOTE_TRACK))
        return -EINVAL;
    if (kn->kev.ident == 0 || kn->kev.ident > INT32_MAX)
        return -ESRCH;
    kn->helper = (int)syscall(SYS_pidfd_open, (pid_t)kn->kev.ident, 0);
    if (kn->helper < 0)
        return errno == EINVAL ? -ESRCH : -errno;
    fcntl(kn->helper, F_SETFD, FD_CLOEXEC);
    return fbsd_kq_helper_add(kq, kn, EPOLLIN);
}

static int proc_touch(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                      const struct fbsd_kevent *chg)
{
    (void)t; (void)kq;
    if (chg->fflags & (FBSD_NOTE_FORK | FBSD_NOTE_EXEC | FBSD_NOTE_TRACK))
        return -EINVAL;
    kn->kev.fflags = chg->fflags;
    return 0;
}

/* The Linux wait status of zombie pid, or -1. */
static int exit_code(pid_t pid)
{
    char buf[2048];
    if (procfs_read(pid, "stat", buf, sizeof buf) <= 0)
        return -1;
    char *p = strrchr(buf, ')');     /* the command name may hold spaces */
    if (!p)
        return -1;
    int field = 2;                    /* p ends field 2 */
    for (p++; *p && field < 52; p++)
        if (*p == ' ')
            field++;
    return field == 52 ? atoi(p) : -1;
}

static bool proc_report(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn,
                        uint32_t epev, struct fbsd_kevent *out)
{
    (void)t; (void)kq; (void)epev;
    int st = exit_code((pid_t)kn->kev.ident);
    out->fflags = FBSD_NOTE_EXIT & kn->kev.fflags;
    out->data = st < 0 ? 0 : fbsd_wait_status_from_linux(st);
    out->flags |= FBSD_EV_EOF | FBSD_EV_ONESHOT;
    kn->kev.flags |= FBSD_EV_ONESHOT;     /* the process is gone: the knote goes too */
    return true;
}

const struct fbsd_kq_filter fbsd_kq_filter_proc = {
    .filter = FBSD_EVFILT_PROC, .attach = proc_attach, .touch = proc_touch,
    .report = proc_report,
};
