/* struct sigevent, FreeBSD to Linux (sigevent.h). */
#include <errno.h>
#include <string.h>
#include "abi/freebsd/sigevent.h"
#include "abi/freebsd/signal.h"

int fbsd_sigevent_to_linux(const struct fbsd_sigevent *in, struct linux_sigevent *out)
{
    memset(out, 0, sizeof *out);
    out->sigev_value = in->sigev_value;
    switch (in->sigev_notify) {
    case FBSD_SIGEV_NONE:
        out->sigev_notify = LINUX_SIGEV_NONE;
        return 0;
    case FBSD_SIGEV_SIGNAL:
        out->sigev_notify = LINUX_SIGEV_SIGNAL;
        break;
    case FBSD_SIGEV_THREAD_ID:
        out->sigev_notify = LINUX_SIGEV_THREAD_ID;
        out->tid = in->un.threadid;
        break;
    default:
        return -EINVAL;
    }
    if (in->sigev_signo <= 0 || in->sigev_signo > FBSD_NSIG)
        return -EINVAL;
    int l = fbsd_signal_to_linux(in->sigev_signo);
    if (l <= 0)
        return -EINVAL;
    out->sigev_signo = l;
    return 0;
}
