/* poll event bits (see poll.h). */
#define _GNU_SOURCE
#include <poll.h>
#include "abi/freebsd/poll.h"
#include "abi/freebsd/flagmap.h"

static const struct fbsd_pair poll_pairs[] = {
    { FBSD_POLLIN, POLLIN },         { FBSD_POLLPRI, POLLPRI },
    { FBSD_POLLOUT, POLLOUT },       { FBSD_POLLERR, POLLERR },
    { FBSD_POLLHUP, POLLHUP },       { FBSD_POLLNVAL, POLLNVAL },
    { FBSD_POLLRDNORM, POLLRDNORM }, { FBSD_POLLRDBAND, POLLRDBAND },
    { FBSD_POLLWRBAND, POLLWRBAND }, { FBSD_POLLRDHUP, POLLRDHUP },
    { FBSD_POLLINIGNEOF, POLLIN },
    { FBSD_POLLOUT, POLLWRNORM },    /* host-to-guest only: the guest's POLLOUT is consumed above */
};
static const struct fbsd_map poll_map = FBSD_MAP(poll_pairs);

uint16_t fbsd_poll_events_to_linux(uint16_t ev)
{
    return (uint16_t)fbsd_bits_to_host(&poll_map, ev, NULL);
}

uint16_t fbsd_poll_events_from_linux(uint16_t ev)
{
    return (uint16_t)fbsd_bits_to_guest(&poll_map, ev, NULL);
}
