/* Pseudo-terminal naming for FreeBSD guests.  Linux's /dev/ptmx master has a
 * /proc link to "/dev/ptmx" (or "/dev/pts/ptmx"), not to its slave, so the
 * device name FreeBSD reports for a master (FIODGNAME: "pts/N") comes from
 * TIOCGPTN instead: the slave's number, which the guest then opens as
 * /dev/pts/N (the host's devpts, bound under the guest's /dev). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include "personalities/freebsd/pty.h"
#include "tracer/tracee.h"

long fbsd_pty_slave_name(unsigned n, char *buf, size_t cap)
{
    int len = snprintf(buf, cap, "pts/%u", n);
    return len < 0 || (size_t)len >= cap ? -ERANGE : len;
}

long fbsd_pty_master_name(struct tracee *t, int fd, char *buf, size_t cap)
{
    unsigned n;
    uint64_t s = guest_scratch(t, sizeof n);
    if (!s)
        return -EFAULT;
    uint64_t a[6] = { (uint64_t)(int64_t)fd, TIOCGPTN, s };
    long r = guest_syscall(t, __NR_ioctl, a);
    if (r < 0)
        return r == -EINVAL ? -ENOTTY : r;   /* a non-tty answers ENOTTY, a slave EINVAL/ENOTTY */
    if (guest_read(t, s, &n, sizeof n) < 0)
        return -EFAULT;
    return fbsd_pty_slave_name(n, buf, cap);
}
