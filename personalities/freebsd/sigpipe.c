/* SO_NOSIGPIPE for the calls that carry no flags: write, writev and sendfile's
 * file part.  Linux raises SIGPIPE for an EPIPE on a socket unless the send has
 * MSG_NOSIGNAL, which write(2) cannot say; turning every write into a send would
 * cost an inode lookup per write.  Instead the signal is dropped where the
 * supervisor sees it, at its signal-delivery-stop: the kernel's SIGPIPE
 * (send_sig from the writer itself: si_code SI_USER) arrives right after the
 * call's exit stop, while t->sc still holds the call — so a SIGPIPE that follows
 * a write, writev or sendfile that failed with EPIPE on a socket the guest marked
 * SO_NOSIGPIPE is the one FreeBSD would not have sent.  The call's EPIPE stays. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include "personalities/freebsd/sock.h"
#include "personalities/freebsd/sysnum.h"
#include "tracer/tracee.h"

bool fbsd_sigpipe_suppressed(struct tracee *t, int host_sig, const siginfo_t *si)
{
    const struct sysc *sc = &t->sc;
    if (host_sig != SIGPIPE || !si || si->si_code != SI_USER || t->in_syscall ||
        sc->ret != -EPIPE)
        return false;
    int fd;
    switch (sc->nr) {
    case FBSD_SYS_write:
    case FBSD_SYS_writev:
        fd = (int)sc->args[0];
        break;
    case FBSD_SYS_sendfile:
        fd = (int)sc->args[1];
        break;
    default:
        return false;
    }
    return fbsd_sock_nosigpipe(t, fd);
}
