/* Signal translation (see signal.h). */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include "abi/freebsd/signal.h"

/* Linux real-time numbers given to FreeBSD-only signals (the kernel's range,
 * not glibc's SIGRTMIN, which reserves 32 and 33 for itself). */
#define LX_SIGRT0 32

/* Indexed by FreeBSD signal 1..33. */
static const uint8_t to_linux[] = {
    [0] = 0,
    [FBSD_SIGHUP] = SIGHUP,   [FBSD_SIGINT] = SIGINT,     [FBSD_SIGQUIT] = SIGQUIT,
    [FBSD_SIGILL] = SIGILL,   [FBSD_SIGTRAP] = SIGTRAP,   [FBSD_SIGABRT] = SIGABRT,
    [FBSD_SIGEMT] = LX_SIGRT0 + 2,
    [FBSD_SIGFPE] = SIGFPE,   [FBSD_SIGKILL] = SIGKILL,   [FBSD_SIGBUS] = SIGBUS,
    [FBSD_SIGSEGV] = SIGSEGV, [FBSD_SIGSYS] = SIGSYS,     [FBSD_SIGPIPE] = SIGPIPE,
    [FBSD_SIGALRM] = SIGALRM, [FBSD_SIGTERM] = SIGTERM,   [FBSD_SIGURG] = SIGURG,
    [FBSD_SIGSTOP] = SIGSTOP, [FBSD_SIGTSTP] = SIGTSTP,   [FBSD_SIGCONT] = SIGCONT,
    [FBSD_SIGCHLD] = SIGCHLD, [FBSD_SIGTTIN] = SIGTTIN,   [FBSD_SIGTTOU] = SIGTTOU,
    [FBSD_SIGIO] = SIGIO,     [FBSD_SIGXCPU] = SIGXCPU,   [FBSD_SIGXFSZ] = SIGXFSZ,
    [FBSD_SIGVTALRM] = SIGVTALRM, [FBSD_SIGPROF] = SIGPROF, [FBSD_SIGWINCH] = SIGWINCH,
    [FBSD_SIGINFO] = LX_SIGRT0 + 3,
    [FBSD_SIGUSR1] = SIGUSR1, [FBSD_SIGUSR2] = SIGUSR2,
    [FBSD_SIGTHR] = LX_SIGRT0 + 0,
    [FBSD_SIGLIBRT] = LX_SIGRT0 + 1,
};
_Static_assert(sizeof(to_linux) == FBSD_SIGLIBRT + 1, "to_linux covers 1..SIGLIBRT");

/* Indexed by Linux signal 1..35 (36..64 are FreeBSD real-time signals). */
static const uint8_t from_linux[] = {
    [0] = 0,
    [SIGHUP] = FBSD_SIGHUP,   [SIGINT] = FBSD_SIGINT,     [SIGQUIT] = FBSD_SIGQUIT,
    [SIGILL] = FBSD_SIGILL,   [SIGTRAP] = FBSD_SIGTRAP,   [SIGABRT] = FBSD_SIGABRT,
    [SIGBUS] = FBSD_SIGBUS,   [SIGFPE] = FBSD_SIGFPE,     [SIGKILL] = FBSD_SIGKILL,
    [SIGUSR1] = FBSD_SIGUSR1, [SIGSEGV] = FBSD_SIGSEGV,   [SIGUSR2] = FBSD_SIGUSR2,
    [SIGPIPE] = FBSD_SIGPIPE, [SIGALRM] = FBSD_SIGALRM,   [SIGTERM] = FBSD_SIGTERM,
    [SIGSTKFLT] = 0,
    [SIGCHLD] = FBSD_SIGCHLD, [SIGCONT] = FBSD_SIGCONT,   [SIGSTOP] = FBSD_SIGSTOP,
    [SIGTSTP] = FBSD_SIGTSTP, [SIGTTIN] = FBSD_SIGTTIN,   [SIGTTOU] = FBSD_SIGTTOU,
    [SIGURG] = FBSD_SIGURG,   [SIGXCPU] = FBSD_SIGXCPU,   [SIGXFSZ] = FBSD_SIGXFSZ,
    [SIGVTALRM] = FBSD_SIGVTALRM, [SIGPROF] = FBSD_SIGPROF, [SIGWINCH] = FBSD_SIGWINCH,
    [SIGIO] = FBSD_SIGIO,     [SIGPWR] = 0,               [SIGSYS] = FBSD_SIGSYS,
    [LX_SIGRT0 + 0] = FBSD_SIGTHR,
    [LX_SIGRT0 + 1] = FBSD_SIGLIBRT,
    [LX_SIGRT0 + 2] = FBSD_SIGEMT,
    [LX_SIGRT0 + 3] = FBSD_SIGINFO,
};
_Static_assert(sizeof(from_linux) == LX_SIGRT0 + 4, "from_linux covers 1..35");
#define LX_RT_FIRST (LX_SIGRT0 + 4)     /* 36: FreeBSD SIGRTMIN */
_Static_assert(LX_RT_FIRST + (FBSD_SIGRT_MAPPED_MAX - FBSD_SIGRTMIN) == 64, "RT range ends at 64");

int fbsd_signal_to_linux(int s)
{
    if (s > 0 && (size_t)s < sizeof(to_linux))
        return to_linux[s];
    if (s >= FBSD_SIGRTMIN && s <= FBSD_SIGRT_MAPPED_MAX)
        return LX_RT_FIRST + (s - FBSD_SIGRTMIN);
    return 0;
}

int fbsd_signal_from_linux(int s)
{
    if (s > 0 && (size_t)s < sizeof(from_linux))
        return from_linux[s];
    if (s >= LX_RT_FIRST && s <= 64)
        return FBSD_SIGRTMIN + (s - LX_RT_FIRST);
    return 0;
}

uint64_t fbsd_sigset_to_linux(const fbsd_sigset_t *set)
{
    uint64_t out = 0;
    for (int s = 1; s <= FBSD_NSIG; s++) {
        if (set->bits[(s - 1) / 32] & (1u << ((s - 1) % 32))) {
            int l = fbsd_signal_to_linux(s);
            if (l)
                out |= 1ull << (l - 1);
        }
    }
    return out;
}

void fbsd_sigset_from_linux(fbsd_sigset_t *out, uint64_t set)
{
    memset(out, 0, sizeof(*out));
    for (int l = 1; l <= 64; l++) {
        if (set & (1ull << (l - 1))) {
            int s = fbsd_signal_from_linux(l);
            if (s)
                out->bits[(s - 1) / 32] |= 1u << ((s - 1) % 32);
        }
    }
}

static const struct fbsd_pair sa_pairs[] = {
    { FBSD_SA_ONSTACK,   SA_ONSTACK },
    { FBSD_SA_RESTART,   SA_RESTART },
    { FBSD_SA_RESETHAND, SA_RESETHAND },
    { FBSD_SA_NOCLDSTOP, SA_NOCLDSTOP },
    { FBSD_SA_NODEFER,   SA_NODEFER },
    { FBSD_SA_NOCLDWAIT, SA_NOCLDWAIT },
    { FBSD_SA_SIGINFO,   SA_SIGINFO },
};
const struct fbsd_map fbsd_sa_flags_map = FBSD_MAP(sa_pairs);

static const struct fbsd_pair how_pairs[] = {
    { FBSD_SIG_BLOCK,   SIG_BLOCK },
    { FBSD_SIG_UNBLOCK, SIG_UNBLOCK },
    { FBSD_SIG_SETMASK, SIG_SETMASK },
};
static const struct fbsd_map how_map = FBSD_MAP(how_pairs);

int fbsd_sighow_to_linux(int how)
{
    return fbsd_int_to_host(&how_map, how);
}

static const struct fbsd_pair ss_pairs[] = {
    { FBSD_SS_ONSTACK, SS_ONSTACK },
    { FBSD_SS_DISABLE, SS_DISABLE },
};
const struct fbsd_map fbsd_ss_flags_map = FBSD_MAP(ss_pairs);

static const struct fbsd_pair si_code_pairs[] = {
    { FBSD_SI_USER,    SI_USER },
    { FBSD_SI_QUEUE,   SI_QUEUE },
    { FBSD_SI_TIMER,   SI_TIMER },
    { FBSD_SI_MESGQ,   SI_MESGQ },
    { FBSD_SI_ASYNCIO, SI_ASYNCIO },
    { FBSD_SI_LWP,     SI_TKILL },     /* tgkill: FreeBSD's thr_kill gives SI_LWP */
    { FBSD_SI_KERNEL,  SI_KERNEL },
};
static const struct fbsd_map si_code_map = FBSD_MAP(si_code_pairs);

int fbsd_si_code_from_linux(int code)
{
    uint64_t g;
    if (fbsd_val_to_guest(&si_code_map, (uint64_t)(int64_t)code, &g) == 0)
        return (int)g;
    return code;    /* SEGV_*, BUS_*, ILL_*, FPE_*, TRAP_*, CLD_*, POLL_*: same values */
}

void fbsd_siginfo_from_linux(struct fbsd_siginfo *o, const void *p)
{
    siginfo_t in;
    memcpy(&in, p, sizeof(in));
    memset(o, 0, sizeof(*o));
    o->fsi_signo = fbsd_signal_from_linux(in.si_signo);
    o->fsi_errno = in.si_errno;
    o->fsi_code = fbsd_si_code_from_linux(in.si_code);
    switch (in.si_signo) {
    case SIGSEGV: case SIGBUS: case SIGILL: case SIGFPE: case SIGTRAP:
        o->fsi_addr = (uint64_t)(uintptr_t)in.si_addr;
        break;
    case SIGCHLD:
        o->fsi_pid = in.si_pid;
        o->fsi_uid = in.si_uid;
        /* CLD_KILLED/DUMPED/STOPPED/CONTINUED carry a signal number. */
        o->fsi_status = in.si_code == CLD_EXITED ? in.si_status : fbsd_signal_from_linux(in.si_status);
        break;
    case SIGIO:
        o->fsi_reason.band = in.si_band;
        break;
    default:
        if (in.si_code == SI_TIMER) {
            /* Linux's timer fields lie where si_pid/si_uid are; FreeBSD's timer
             * signals carry no sender */
            o->fsi_reason.timer.timerid = in.si_timerid;
            o->fsi_reason.timer.overrun = in.si_overrun;
        } else {
            o->fsi_pid = in.si_pid;
            o->fsi_uid = in.si_uid;
        }
        o->fsi_value = (uint64_t)(uintptr_t)in.si_value.sival_ptr;
        break;
    }
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_signals[] = {
    X(SIGHUP),
    X(SIGINT),
    X(SIGQUIT),
    X(SIGILL),
    X(SIGTRAP),
    X(SIGABRT),
    X(SIGEMT),
    X(SIGFPE),
    X(SIGKILL),
    X(SIGBUS),
    X(SIGSEGV),
    X(SIGSYS),
    X(SIGPIPE),
    X(SIGALRM),
    X(SIGTERM),
    X(SIGURG),
    X(SIGSTOP),
    X(SIGTSTP),
    X(SIGCONT),
    X(SIGCHLD),
    X(SIGTTIN),
    X(SIGTTOU),
    X(SIGIO),
    X(SIGXCPU),
    X(SIGXFSZ),
    X(SIGVTALRM),
    X(SIGPROF),
    X(SIGWINCH),
    X(SIGINFO),
    X(SIGUSR1),
    X(SIGUSR2),
    X(SIGTHR),
    X(SIGLIBRT),
    X(SIGRTMIN),
    X(SIGRTMAX),
    { 0, NULL }
};

const struct xlat fbsd_xlat_sighow[] = {
    X(SIG_BLOCK), X(SIG_UNBLOCK), X(SIG_SETMASK),
    { 0, NULL }
};

const struct xlat fbsd_xlat_sa_flags[] = {
    X(SA_ONSTACK), X(SA_RESTART), X(SA_RESETHAND), X(SA_NOCLDSTOP), X(SA_NODEFER),
    X(SA_NOCLDWAIT), X(SA_SIGINFO),
    { 0, NULL }
};

const struct xlat fbsd_xlat_si_codes[] = {
    X(SI_NOINFO), X(SI_USER), X(SI_QUEUE), X(SI_TIMER), X(SI_ASYNCIO), X(SI_MESGQ),
    X(SI_KERNEL), X(SI_LWP),
    { 0, NULL }
};

const struct xlat fbsd_xlat_sigev[] = {
    X(SIGEV_NONE), X(SIGEV_SIGNAL), X(SIGEV_THREAD), X(SIGEV_KEVENT), X(SIGEV_THREAD_ID),
    { 0, NULL }
};
