/* FreeBSD poll(2) event bits (sys/poll.h, FreeBSD 13.2) and their translation.
 * struct pollfd has the same layout on both systems; the bits above POLLNVAL
 * differ: FreeBSD's POLLWRNORM is POLLOUT, POLLWRBAND is 0x100 (Linux 0x200),
 * POLLRDHUP 0x4000 (Linux 0x2000), and POLLINIGNEOF (0x2000, FIFOs only) has no
 * Linux bit. */
#ifndef LSL2_ABI_FREEBSD_POLL_H
#define LSL2_ABI_FREEBSD_POLL_H

#include <stdint.h>

#define FBSD_POLLIN       0x0001
#define FBSD_POLLPRI      0x0002
#define FBSD_POLLOUT      0x0004
#define FBSD_POLLERR      0x0008
#define FBSD_POLLHUP      0x0010
#define FBSD_POLLNVAL     0x0020
#define FBSD_POLLRDNORM   0x0040
#define FBSD_POLLWRNORM   FBSD_POLLOUT
#define FBSD_POLLRDBAND   0x0080
#define FBSD_POLLWRBAND   0x0100
#define FBSD_POLLINIGNEOF 0x2000
#define FBSD_POLLRDHUP    0x4000

struct fbsd_pollfd {
    int32_t fd;
    int16_t events;
    int16_t revents;
};

/* Requested events to Linux's (POLLINIGNEOF asks for POLLIN without the FIFO's
 * end-of-file: it is requested as POLLIN). */
uint16_t fbsd_poll_events_to_linux(uint16_t ev);
/* Returned events to FreeBSD's (Linux's POLLWRNORM folds into POLLOUT). */
uint16_t fbsd_poll_events_from_linux(uint16_t ev);

#endif
