/* --trace formatting of signals and exits from host values (siginfo_t, wait status),
 * with signal names in the guest personality's naming. si_code names are the host
 * kernel's (<asm-generic/siginfo.h>): they describe what the kernel reported. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include "tracer/trace_fmt.h"

static const struct xlat si_codes[] = {
    { 0, "SI_USER" }, { 0x80, "SI_KERNEL" }, { (uint64_t)-1, "SI_QUEUE" },
    { (uint64_t)-2, "SI_TIMER" }, { (uint64_t)-3, "SI_MESGQ" }, { (uint64_t)-4, "SI_ASYNCIO" },
    { (uint64_t)-5, "SI_SIGIO" }, { (uint64_t)-6, "SI_TKILL" }, { (uint64_t)-60, "SI_ASYNCNL" },
    { 0, NULL }
};
static const struct xlat cld_codes[] = {
    { 1, "CLD_EXITED" }, { 2, "CLD_KILLED" }, { 3, "CLD_DUMPED" }, { 4, "CLD_TRAPPED" },
    { 5, "CLD_STOPPED" }, { 6, "CLD_CONTINUED" }, { 0, NULL }
};
static const struct xlat segv_codes[] = {
    { 1, "SEGV_MAPERR" }, { 2, "SEGV_ACCERR" }, { 3, "SEGV_BNDERR" }, { 4, "SEGV_PKUERR" },
    { 0, NULL }
};
static const struct xlat bus_codes[] = {
    { 1, "BUS_ADRALN" }, { 2, "BUS_ADRERR" }, { 3, "BUS_OBJERR" }, { 4, "BUS_MCEERR_AR" },
    { 5, "BUS_MCEERR_AO" }, { 0, NULL }
};
static const struct xlat ill_codes[] = {
    { 1, "ILL_ILLOPC" }, { 2, "ILL_ILLOPN" }, { 3, "ILL_ILLADR" }, { 4, "ILL_ILLTRP" },
    { 5, "ILL_PRVOPC" }, { 6, "ILL_PRVREG" }, { 7, "ILL_COPROC" }, { 8, "ILL_BADSTK" },
    { 0, NULL }
};
static const struct xlat fpe_codes[] = {
    { 1, "FPE_INTDIV" }, { 2, "FPE_INTOVF" }, { 3, "FPE_FLTDIV" }, { 4, "FPE_FLTOVF" },
    { 5, "FPE_FLTUND" }, { 6, "FPE_FLTRES" }, { 7, "FPE_FLTINV" }, { 8, "FPE_FLTSUB" },
    { 0, NULL }
};
static const struct xlat trap_codes[] = {
    { 1, "TRAP_BRKPT" }, { 2, "TRAP_TRACE" }, { 0, NULL }
};
static const struct xlat poll_codes[] = {
    { 1, "POLL_IN" }, { 2, "POLL_OUT" }, { 3, "POLL_MSG" }, { 4, "POLL_ERR" },
    { 5, "POLL_PRI" }, { 6, "POLL_HUP" }, { 0, NULL }
};
static const struct xlat sys_codes[] = { { 1, "SYS_SECCOMP" }, { 0, NULL } };

/* Signal-specific si_code tables, by host signal number. */
static const struct xlat *code_table(int sig)
{
    switch (sig) {
    case SIGCHLD: return cld_codes;
    case SIGSEGV: return segv_codes;
    case SIGBUS:  return bus_codes;
    case SIGILL:  return ill_codes;
    case SIGFPE:  return fpe_codes;
    case SIGTRAP: return trap_codes;
    case SIGIO:   return poll_codes;
    case SIGSYS:  return sys_codes;
    }
    return NULL;
}

void fmt_siginfo(struct fbuf *b, const struct personality *p, int host_sig, const void *info)
{
    char tmp[16];
    const char *name = fmt_signame(p, host_sig, tmp, sizeof tmp);
    fb_puts(b, name);
    const siginfo_t *si = info;
    if (!si)
        return;
    fb_printf(b, " {si_signo=%s, si_code=", name);
    int code = si->si_code;
    const char *cn = code > 0 ? xlat_name(code_table(host_sig), (uint64_t)code)
                              : xlat_name(si_codes, (uint64_t)(int64_t)code);
    if (cn) fb_puts(b, cn); else fb_printf(b, "%d", code);
    if (code <= 0) {
        /* sent by a process: kill, tkill, sigqueue */
        fb_printf(b, ", si_pid=%d, si_uid=%u", si->si_pid, si->si_uid);
        if (code == SI_QUEUE)
            fb_printf(b, ", si_int=%d", si->si_int);
    } else if (host_sig == SIGCHLD) {
        fb_printf(b, ", si_pid=%d, si_uid=%u, si_status=", si->si_pid, si->si_uid);
        if (code == CLD_EXITED)
            fb_printf(b, "%d", si->si_status);
        else
            fb_puts(b, fmt_signame(p, si->si_status, tmp, sizeof tmp));
        fb_printf(b, ", si_utime=%ld, si_stime=%ld", (long)si->si_utime, (long)si->si_stime);
    } else if (host_sig == SIGSEGV || host_sig == SIGBUS || host_sig == SIGILL ||
               host_sig == SIGFPE || host_sig == SIGTRAP) {
        fb_puts(b, ", si_addr=");
        fmt_number(b, A_PTR, (uint64_t)(uintptr_t)si->si_addr);
    }
    fb_putn(b, "}", 1);
}

void fmt_wait_status(struct fbuf *b, const struct personality *p, int wstatus)
{
    char tmp[16];
    if (WIFEXITED(wstatus))
        fb_printf(b, "exited with %d", WEXITSTATUS(wstatus));
    else if (WIFSIGNALED(wstatus))
        fb_printf(b, "killed by %s%s", fmt_signame(p, WTERMSIG(wstatus), tmp, sizeof tmp),
                  WCOREDUMP(wstatus) ? " (core dumped)" : "");
    else
        fb_printf(b, "status %#x", (unsigned)wstatus);
}
