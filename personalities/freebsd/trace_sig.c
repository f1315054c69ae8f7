/* --trace display of FreeBSD sigsets (128 signals) and struct sigaction. */
#include <string.h>
#include "personalities/freebsd/trace_decode.h"

static bool has(const fbsd_sigset_t *s, unsigned sig)
{
    return s->bits[(sig - 1) / 32] & (1u << ((sig - 1) % 32));
}

void fbsd_fmt_sigset(struct fbuf *b, const fbsd_sigset_t *set)
{
    unsigned count = 0;
    for (unsigned sig = 1; sig <= 128; sig++)
        count += has(set, sig);
    /* a mostly full set reads better as what it leaves out, as strace prints it */
    bool invert = count > 64;
    fb_puts(b, invert ? "~[" : "[");
    bool sep = false;
    for (unsigned sig = 1; sig <= 128; sig++) {
        if (has(set, sig) == invert)
            continue;
        const char *n = xlat_name(fbsd_xlat_signals, sig);
        if (n && !strncmp(n, "SIG", 3))
            fb_printf(b, "%s%s", sep ? " " : "", n + 3);
        else if (sig >= FBSD_SIGRTMIN && sig <= FBSD_SIGRTMAX)
            fb_printf(b, "%sRT_%u", sep ? " " : "", sig - FBSD_SIGRTMIN);
        else if (!invert)
            fb_printf(b, "%s%u", sep ? " " : "", sig);
        else
            continue;
        sep = true;
    }
    fb_putn(b, "]", 1);
}

void fbsd_fmt_sigaction(struct fbuf *b, const struct fbsd_sigaction *sa)
{
    fb_puts(b, "{sa_handler=");
    if (sa->fsa_handler == FBSD_SIG_DFL)
        fb_puts(b, "SIG_DFL");
    else if (sa->fsa_handler == FBSD_SIG_IGN)
        fb_puts(b, "SIG_IGN");
    else
        fb_printf(b, "%#llx", (unsigned long long)sa->fsa_handler);
    fb_puts(b, ", sa_mask=");
    fbsd_fmt_sigset(b, &sa->fsa_mask);
    fb_puts(b, ", sa_flags=");
    fmt_xlat(b, &fbsd_xset_sa_flags, (uint32_t)sa->fsa_flags);
    fb_putn(b, "}", 1);
}
