/* sockaddrs crossing the boundary: a guest's (sa_len byte, 8-bit family, FreeBSD
 * family numbers and sun_path size) copied into scratch as Linux's for bind,
 * connect, sendto, sendmsg; a Linux result converted back for accept,
 * getsockname, getpeername, recvfrom, recvmsg. */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "personalities/freebsd/sock.h"
#include "abi/freebsd/socket.h"
#include "tracer/tracee.h"

#define FBSD_SOCK_MAXADDRLEN 255
#define HOST_SA_SPACE        sizeof(struct sockaddr_storage)

long fbsd_sockaddr_in(struct tracee *t, uint64_t addr, uint64_t len, uint64_t *out)
{
    uint8_t g[FBSD_SOCK_MAXADDRLEN];
    struct sockaddr_storage h;
    if (len > FBSD_SOCK_MAXADDRLEN)
        return -ENAMETOOLONG;
    if (len < 2)
        return -EINVAL;
    if (guest_read(t, addr, g, len) < 0)
        return -EFAULT;
    int n = fbsd_sockaddr_to_linux(&h, g, len);
    if (n < 0)
        return n;
    uint64_t s = guest_scratch(t, HOST_SA_SPACE);
    if (!s || guest_write(t, s, &h, (size_t)n) < 0)
        return -EFAULT;
    *out = s;
    return n;
}

int fbsd_sockaddr_out_prepare(struct tracee *t, struct sysc *sc, int base,
                              uint64_t gaddr, uint64_t glenp, uint64_t *haddr, uint64_t *hlenp)
{
    sc->save[base] = gaddr;
    sc->save[base + 1] = glenp;
    sc->save[base + 2] = 0;
    *haddr = *hlenp = 0;
    if (!gaddr)
        return 0;
    int32_t cap;
    if (!glenp || guest_read(t, glenp, &cap, sizeof cap) < 0)
        return -EFAULT;
    if (cap < 0)
        return -EINVAL;
    uint64_t s = guest_scratch(t, HOST_SA_SPACE + 8);
    uint32_t hl = HOST_SA_SPACE;
    if (!s || guest_write(t, s + HOST_SA_SPACE, &hl, sizeof hl) < 0)
        return -EFAULT;
    sc->save[base + 2] = s;
    *haddr = s;
    *hlenp = s + HOST_SA_SPACE;
    return 0;
}

int fbsd_sockaddr_out_finish(struct tracee *t, struct sysc *sc, int base)
{
    uint64_t gaddr = sc->save[base], glenp = sc->save[base + 1], s = sc->save[base + 2];
    if (!s)
        return 0;
    struct sockaddr_storage h;
    uint8_t g[256];
    uint32_t hl;
    int32_t cap;
    if (guest_read(t, s + HOST_SA_SPACE, &hl, sizeof hl) < 0 ||
        guest_read(t, glenp, &cap, sizeof cap) < 0)
        return -EFAULT;
    if (hl > HOST_SA_SPACE)
        hl = HOST_SA_SPACE;
    memset(&h, 0, sizeof h);
    if (hl && guest_read(t, s, &h, hl) < 0)
        return -EFAULT;
    int full;
    if (hl < sizeof(sa_family_t)) {
        full = 0;           /* nothing known (an unconnected datagram peer): length 0 */
    } else {
        full = fbsd_sockaddr_from_linux(g, sizeof g, &h, hl);
        if (full < 0)
            full = 0;       /* a family FreeBSD has no name for: reported empty */
    }
    int32_t n = full < cap ? full : cap;
    if (n > 0 && guest_write(t, gaddr, g, (size_t)n) < 0)
        return -EFAULT;
    if (guest_write(t, glenp, &n, sizeof n) < 0)
        return -EFAULT;
    return 0;
}
