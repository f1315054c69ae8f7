/* poll(fds, nfds, timeout) and ppoll(fds, nfds, ts, set): struct pollfd has the
 * same layout, the event bits above POLLNVAL do not (abi/freebsd/poll.h): the
 * array is translated into scratch, the kernel polls that copy, and the revents
 * are translated back into the guest's array.  ppoll's timespec is copied too
 * (FreeBSD's is const, Linux writes the time left into it) and its 128-bit
 * FreeBSD sigset becomes Linux's 64-bit one. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "personalities/freebsd/sock.h"
#include "personalities/freebsd/sysnum.h"
#include "abi/freebsd/poll.h"
#include "abi/freebsd/signal.h"
#include "tracer/tracee.h"

#define POLL_MAX (1u << 17)         /* 1 MiB of pollfds: what scratch can hold */

enum sys_action fbsd_sys_poll(struct tracee *t, struct sysc *sc)
{
    uint32_t n = (uint32_t)sc->args[1];
    sc->save[0] = 0;
    if (n > POLL_MAX)
        return sysc_done(sc, -EINVAL);
    if (sc->nr == FBSD_SYS_ppoll) {
        uint64_t ts = 0, ss = 0;
        if (sc->args[2]) {
            struct { int64_t sec, nsec; } v;
            if (guest_read(t, sc->args[2], &v, sizeof v) < 0)
                return sysc_done(sc, -EFAULT);
            ts = guest_scratch(t, sizeof v);
            if (!ts || guest_write(t, ts, &v, sizeof v) < 0)
                return sysc_done(sc, -EFAULT);
        }
        if (sc->args[3]) {
            fbsd_sigset_t g;
            if (guest_read(t, sc->args[3], &g, sizeof g) < 0)
                return sysc_done(sc, -EFAULT);
            uint64_t h = fbsd_sigset_to_linux(&g);
            ss = guest_scratch(t, sizeof h);
            if (!ss || guest_write(t, ss, &h, sizeof h) < 0)
                return sysc_done(sc, -EFAULT);
        }
        sysc_set_host_nr(t, __NR_ppoll);
        sysc_set_arg(t, 2, ts);
        sysc_set_arg(t, 3, ss);
        sysc_set_arg(t, 4, 8);
    } else {
        sysc_set_host_nr(t, __NR_poll);
    }
    if (n == 0 || !sc->args[0])
        return SYS_PASS;            /* a pure sleep (or the kernel's EFAULT) */
    struct fbsd_pollfd *p = malloc((size_t)n * sizeof *p);
    if (!p)
        return sysc_done(sc, -ENOMEM);
    uint64_t s = guest_scratch(t, (size_t)n * sizeof *p);
    if (!s || guest_read(t, sc->args[0], p, (size_t)n * sizeof *p) < 0) {
        free(p);
        return sysc_done(sc, s ? -EFAULT : -EINVAL);
    }
    for (uint32_t i = 0; i < n; i++) {
        p[i].events = (int16_t)fbsd_poll_events_to_linux((uint16_t)p[i].events);
        p[i].revents = 0;
    }
    int w = guest_write(t, s, p, (size_t)n * sizeof *p);
    free(p);
    if (w < 0)
        return sysc_done(sc, -EFAULT);
    sc->save[0] = s;
    sysc_set_arg(t, 0, s);
    return SYS_PASS;
}

void fbsd_sys_poll_exit(struct tracee *t, struct sysc *sc)
{
    uint32_t n = (uint32_t)sc->args[1];
    if (sc->ret < 0 || !sc->save[0] || n == 0)
        return;
    struct fbsd_pollfd *h = malloc((size_t)n * sizeof *h * 2);
    if (!h) {
        sc->ret = -ENOMEM;
        return;
    }
    struct fbsd_pollfd *g = h + n;
    if (guest_read(t, sc->save[0], h, (size_t)n * sizeof *h) < 0 ||
        guest_read(t, sc->args[0], g, (size_t)n * sizeof *g) < 0) {
        sc->ret = -EFAULT;
    } else {
        for (uint32_t i = 0; i < n; i++)
            g[i].revents = (int16_t)fbsd_poll_events_from_linux((uint16_t)h[i].revents);
        if (guest_write(t, sc->args[0], g, (size_t)n * sizeof *g) < 0)
            sc->ret = -EFAULT;
    }
    free(h);
}
