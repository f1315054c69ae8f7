/* A tracer-side descriptor sharing a guest descriptor's open file description
 * (see fsinfo.h): the tracer then works on the guest's directory or file with
 * its own buffers and no injected calls, and the file position it moves is the
 * guest's. */
#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "personalities/freebsd/fsinfo.h"
#include "tracer/tracee.h"

int fbsd_borrow_fd(struct tracee *t, int fd)
{
    if (fd < 0)
        return -EBADF;
    int pidfd = (int)syscall(SYS_pidfd_open, t->tgid, 0);
    if (pidfd < 0)
        return -errno;
    int r = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
    int e = errno;
    close(pidfd);
    return r < 0 ? -e : r;
}
