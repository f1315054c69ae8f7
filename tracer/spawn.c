/* The guest's side of starting supervision, run in the child just before execve:
 * the seccomp filter when the guest is a Linux one and not everything must be seen,
 * then PTRACE_TRACEME and a SIGSTOP, so that the supervisor takes it over (see
 * loop.c) before the guest program's first instruction. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include "tracer/supervisor.h"

/* The filter can stand in for syscall stops only when guest numbers are host numbers
 * (a native personality) and --trace does not need to see every call. */
bool tracer_filter_wanted(const struct tracer_config *cfg)
{
    return cfg->use_seccomp && !cfg->trace && cfg->pers && cfg->pers->native_ok;
}

/* Whether the table has any handler a Linux guest would need stops for (execve
 * alone does not count: only the personality switch needs it, and untraced programs
 * cannot exec FreeBSD ones anyway unless the rootfs holds them). */
static bool has_handlers(const struct personality *p)
{
    for (size_t i = 0; p->table && i < p->nsyscalls; i++) {
        const struct syscall_ent *e = &p->table[i];
        if (e->name && (e->enter || e->exit || (e->flags & SF_EXIT) ||
                        (e->host_nr >= 0 && e->host_nr != (long)i)))
            return true;
    }
    return false;
}

/* LSL2_SUPERVISE=1 in lsl2's environment forces supervision of a Linux guest that
 * would run natively (with the seccomp filter unless --trace): for tests and
 * measurements of the supervisor itself. */
bool tracer_needed(const struct personality *p, const struct tracer_config *cfg)
{
    const char *force = getenv("LSL2_SUPERVISE");
    if (force && strcmp(force, "1") == 0)
        return true;
    return cfg->trace != NULL || !p->native_ok || has_handlers(p);
}

int tracer_child_prepare(const struct tracer_config *cfg)
{
    if (tracer_filter_wanted(cfg)) {
        int r = seccomp_install(cfg->pers);
        if (r < 0)
            return r;
    }
    if (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0)
        return -errno;
    if (raise(SIGSTOP) != 0)
        return -errno;
    return 0;
}
