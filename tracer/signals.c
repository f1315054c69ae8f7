/* Signal-delivery-stops: a signal is about to reach a guest thread.  It is shown
 * under --trace, reported under -d when it is a fault that will kill the guest, and
 * handed on unchanged — so that signals reach the guest as they would without lsl2.
 * signal_inject() is the one place where a personality will translate them. */
#include <signal.h>
#include <string.h>
#include <sys/ptrace.h>
#include "tracer/supervisor.h"
#include "tracer/trace.h"

static bool is_fault(int sig)
{
    return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;
}

/* The signal to let through to the guest (host numbers, host delivery): the
 * personality may deliver it in its own way (its signal frame, its handler) and
 * answer 0. */
static int signal_inject(struct tracee *t, int sig, const siginfo_t *si)
{
    if (t->pers->signal_deliver && si)
        sig = t->pers->signal_deliver(t, sig, si);
    return sig;
}

void signal_delivery(struct tracee *t, int sig)
{
    struct tnode *n = tnode_of(t);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    bool have = ptrace(PTRACE_GETSIGINFO, t->tid, 0, &si) == 0;
    if (n->startup && sig == SIGCONT) {
        resume(t, 0);   /* ours, sent when the first process was attached */
        return;
    }
    if (sv.cfg->trace && !n->startup)
        trace_signal(sv.cfg->trace, t, sig, have ? &si : NULL);
    /* a fault the personality hands to a guest handler is no crash */
    int out = signal_inject(t, sig, have ? &si : NULL);
    if (sv.cfg->debug && out == sig && is_fault(sig) && signal_is_fatal_default(t->tid, sig))
        crash_report(t, sig, have ? &si : NULL);
    resume(t, out);
}
