/* Pure parts of FreeBSD signal delivery: mcontext from/to Linux registers, the
 * checks of sigreturn/setcontext, the frame placement, the sigcode bytes, trap
 * numbers, the signal-number check given to thr_kill. */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <sys/user.h>
#include <cmocka.h>
#include "abi/freebsd/ucontext.h"
#include "personalities/freebsd/freebsd.h"

static struct user_regs_struct sample_regs(void)
{
    struct user_regs_struct r;
    memset(&r, 0, sizeof r);
    r.rdi = 1; r.rsi = 2; r.rdx = 3; r.rcx = 4; r.r8 = 5; r.r9 = 6; r.rax = 7; r.rbx = 8;
    r.rbp = 9; r.r10 = 10; r.r11 = 11; r.r12 = 12; r.r13 = 13; r.r14 = 14; r.r15 = 15;
    r.rip = 0x401000; r.rsp = 0x7ffff000; r.eflags = 0x246; r.cs = 0x33; r.ss = 0x2b;
    r.fs_base = 0x800000; r.gs_base = 0x900000;
    return r;
}

static void from_regs(void **state)
{
    (void)state;
    struct user_regs_struct r = sample_regs();
    unsigned char fx[512];
    for (int i = 0; i < 512; i++)
        fx[i] = (unsigned char)i;
    struct fbsd_mcontext mc;
    fbsd_mcontext_from_regs(&mc, &r, fx);
    assert_int_equal(mc.mc_rdi, 1);
    assert_int_equal(mc.mc_r9, 6);
    assert_int_equal(mc.mc_rax, 7);
    assert_int_equal(mc.mc_r15, 15);
    assert_int_equal(mc.mc_rip, 0x401000);
    assert_int_equal(mc.mc_rsp, 0x7ffff000);
    assert_int_equal(mc.mc_rflags, 0x246);
    assert_int_equal(mc.mc_cs, 0x33);
    assert_int_equal(mc.mc_len, 800);
    assert_int_equal(mc.mc_fpformat, FBSD_MC_FPFMT_XMM);
    assert_int_equal(mc.mc_ownedfp, FBSD_MC_FPOWNED_FPU);
    assert_int_equal(mc.mc_flags, FBSD_MC_HASSEGS);
    assert_int_equal(mc.mc_fsbase, 0x800000);
    assert_int_equal(mc.mc_gsbase, 0x900000);
    assert_memory_equal(mc.mc_fpstate, fx, 512);
}

static void round_trip_and_checks(void **state)
{
    (void)state;
    struct user_regs_struct r = sample_regs(), out;
    struct fbsd_mcontext mc;
    fbsd_mcontext_from_regs(&mc, &r, NULL);
    assert_int_equal(fbsd_mcontext_check(&mc, r.eflags, FBSD_MC_SIGRETURN), FBSD_FP_SET);
    mc.mc_rip = 0x402000;           /* what a handler may do (Go's preemption) */
    mc.mc_rsp = 0x7fffe000;
    mc.mc_rflags |= 0x1;            /* carry: a user flag */
    memset(&out, 0, sizeof out);
    out.eflags = 0x202;
    out.cs = 0x33;
    fbsd_mcontext_to_regs(&mc, &out, FBSD_MC_SIGRETURN);
    assert_int_equal(out.rip, 0x402000);
    assert_int_equal(out.rsp, 0x7fffe000);
    assert_int_equal(out.r12, 12);
    assert_int_equal(out.eflags, 0x247);
    assert_int_equal(out.fs_base, 0x800000);
    assert_int_equal(out.cs, 0x33);  /* selectors stay Linux's */

    /* privileged flag changes and kernel %cs are refused by sigreturn */
    struct fbsd_mcontext bad = mc;
    bad.mc_rflags ^= 0x3000;        /* IOPL */
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SIGRETURN), -EINVAL);
    bad = mc;
    bad.mc_cs = 0x8;
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SIGRETURN), -EINVAL);
    bad = mc;
    bad.mc_flags |= 0x100;
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SIGRETURN), -EINVAL);
    bad = mc;
    bad.mc_fpformat = 0x10001;      /* 387 format: not on amd64 */
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SIGRETURN), -EINVAL);
    bad = mc;
    bad.mc_ownedfp = FBSD_MC_FPOWNED_NONE;
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SIGRETURN), FBSD_FP_KEEP);
    bad = mc;
    bad.mc_flags |= FBSD_MC_HASFPXSTATE;
    bad.mc_xfpustate_len = 256;
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SIGRETURN), FBSD_FP_SET_X);

    /* setcontext: mc_len must be right; rflags merged; bases only with HASBASES */
    bad = mc;
    bad.mc_len = 0;
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SETCONTEXT), -EINVAL);
    bad = mc;
    bad.mc_rflags = 0x3247;         /* IOPL is not taken */
    assert_int_equal(fbsd_mcontext_check(&bad, r.eflags, FBSD_MC_SETCONTEXT), FBSD_FP_SET);
    memset(&out, 0, sizeof out);
    out.eflags = 0x202;
    out.fs_base = 0x1111;
    fbsd_mcontext_to_regs(&bad, &out, FBSD_MC_SETCONTEXT);
    assert_int_equal(out.eflags, 0x247);
    assert_int_equal(out.fs_base, 0x1111);
    bad.mc_flags |= FBSD_MC_HASBASES;
    fbsd_mcontext_to_regs(&bad, &out, FBSD_MC_SETCONTEXT);
    assert_int_equal(out.fs_base, 0x800000);
}

static void frame_place(void **state)
{
    (void)state;
    uint64_t x;
    /* no XSAVE area: the frame right below, 16-aligned */
    uint64_t f = fbsd_sigframe_place(0x7fff1000 - 128, 0, &x);
    assert_int_equal(x, 0);
    assert_int_equal(f, (0x7fff1000 - 128 - 976) & ~0xfUL);
    assert_int_equal(f % 16, 0);
    /* XSAVE area 64-aligned above the frame */
    f = fbsd_sigframe_place(0x7fff1008, 2184, &x);
    assert_int_equal(x % 64, 0);
    assert_true(x + 2184 <= 0x7fff1008);
    assert_true(f + 976 <= x);
    assert_int_equal(f % 16, 0);
}

static void sigcode_bytes(void **state)
{
    (void)state;
    /* call *(%rsp); lea 16(%rsp),%rdi; push $0; mov $417,%rax; syscall */
    static const uint8_t want[] = { 0xff, 0x14, 0x24, 0x48, 0x8d, 0x7c, 0x24, 0x10, 0x6a, 0x00,
                                    0x48, 0xc7, 0xc0, 0xa1, 0x01, 0x00, 0x00, 0x0f, 0x05 };
    assert_true(fbsd_sigcode_len > sizeof want);
    assert_memory_equal(fbsd_sigcode, want, sizeof want);
    assert_int_equal(FBSD_SYS_sigreturn, 0x1a1);
}

static void trapnos(void **state)
{
    (void)state;
    assert_int_equal(fbsd_trapno_for(FBSD_SIGSEGV, SEGV_MAPERR), FBSD_T_PAGEFLT);
    assert_int_equal(fbsd_trapno_for(FBSD_SIGSEGV, SI_KERNEL), FBSD_T_PROTFLT);
    assert_int_equal(fbsd_trapno_for(FBSD_SIGFPE, FPE_INTDIV), FBSD_T_DIVIDE);
    assert_int_equal(fbsd_trapno_for(FBSD_SIGTRAP, TRAP_BRKPT), FBSD_T_BPTFLT);
    assert_int_equal(fbsd_trapno_for(FBSD_SIGSEGV, SI_USER), 0);   /* kill(), not a fault */
    assert_int_equal(fbsd_trapno_for(FBSD_SIGUSR1, 1), 0);
}

static void signal_check(void **state)
{
    (void)state;
    assert_int_equal(fbsd_signal_check(0), 0);
    assert_int_equal(fbsd_signal_check(FBSD_SIGUSR1), SIGUSR1);
    assert_int_equal(fbsd_signal_check(FBSD_SIGCHLD), SIGCHLD);
    assert_int_equal(fbsd_signal_check(FBSD_SIGTHR), 32);
    assert_int_equal(fbsd_signal_check(-1), -EINVAL);
    assert_int_equal(fbsd_signal_check(FBSD_NSIG + 1), -EINVAL);
    assert_int_equal(fbsd_signal_check(FBSD_SIGRTMAX), -EINVAL);   /* no Linux number */
}

/* result.c leaves every register alone for a loaded context and for restarts */
static void justreturn(void **state)
{
    (void)state;
    struct user_regs_struct r = sample_regs(), before = r;
    fbsd_result_to_regs(&r, FBSD_RET_JUSTRETURN, 0, false);
    assert_memory_equal(&r, &before, sizeof r);
    fbsd_result_to_regs(&r, -EINTR, 0, false);
    assert_int_equal(r.rax, 4);
    assert_true(r.eflags & FBSD_EFLAGS_CF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(from_regs),
        cmocka_unit_test(round_trip_and_checks),
        cmocka_unit_test(frame_place),
        cmocka_unit_test(sigcode_bytes),
        cmocka_unit_test(trapnos),
        cmocka_unit_test(signal_check),
        cmocka_unit_test(justreturn),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
