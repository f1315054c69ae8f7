/* Pseudo-terminals as FreeBSD's libc sees them (pty.c): a master opened by
 * posix_openpt is named after its slave, "pts/N", which ptsname(3) builds from
 * FIODGNAME (10.x) or TIOCGPTN (13.x) and prefixes with "/dev/". */
#ifndef LSL2_PERSONALITIES_FREEBSD_PTY_H
#define LSL2_PERSONALITIES_FREEBSD_PTY_H

#include <stddef.h>

struct tracee;

/* When guest descriptor fd is a pseudo-terminal master: writes "pts/N" (its
 * slave's name under /dev) into buf and returns its length.  -ENOTTY when fd is
 * not a master, another -errno when the question could not be asked.  Runs a
 * TIOCGPTN inside the guest (entry stop only). */
long fbsd_pty_master_name(struct tracee *t, int fd, char *buf, size_t cap);

/* The pure part: "pts/N" for slave number n; length, or -ERANGE when cap is too small. */
long fbsd_pty_slave_name(unsigned n, char *buf, size_t cap);

#endif
