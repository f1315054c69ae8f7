/* FreeBSD machine contexts <-> Linux ptrace registers (see ucontext.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/user.h>
#include "abi/freebsd/ucontext.h"

void fbsd_mcontext_from_regs(struct fbsd_mcontext *mc, const void *regs, const void *fx)
{
    const struct user_regs_struct *r = regs;
    memset(mc, 0, sizeof *mc);
    mc->mc_rdi = r->rdi; mc->mc_rsi = r->rsi; mc->mc_rdx = r->rdx; mc->mc_rcx = r->rcx;
    mc->mc_r8 = r->r8;   mc->mc_r9 = r->r9;   mc->mc_rax = r->rax; mc->mc_rbx = r->rbx;
    mc->mc_rbp = r->rbp; mc->mc_r10 = r->r10; mc->mc_r11 = r->r11; mc->mc_r12 = r->r12;
    mc->mc_r13 = r->r13; mc->mc_r14 = r->r14; mc->mc_r15 = r->r15;
    mc->mc_fs = (uint16_t)r->fs; mc->mc_gs = (uint16_t)r->gs;
    mc->mc_es = (uint16_t)r->es; mc->mc_ds = (uint16_t)r->ds;
    mc->mc_flags = FBSD_MC_HASSEGS;
    mc->mc_rip = r->rip;
    mc->mc_cs = r->cs;
    mc->mc_rflags = r->eflags;
    mc->mc_rsp = r->rsp;
    mc->mc_ss = r->ss;
    mc->mc_len = sizeof *mc;
    mc->mc_fpformat = FBSD_MC_FPFMT_XMM;
    mc->mc_ownedfp = FBSD_MC_FPOWNED_FPU;
    if (fx)
        memcpy(mc->mc_fpstate, fx, sizeof mc->mc_fpstate);
    mc->mc_fsbase = r->fs_base;
    mc->mc_gsbase = r->gs_base;
}

int fbsd_mcontext_check(const struct fbsd_mcontext *mc, uint64_t cur_rflags, enum fbsd_mc_use use)
{
    if (mc->mc_flags & ~(uint32_t)FBSD_MC_FLAG_MASK)
        return -EINVAL;
    if (use == FBSD_MC_SETCONTEXT && mc->mc_len != (int64_t)sizeof *mc)
        return -EINVAL;
    if (use == FBSD_MC_SIGRETURN) {
        /* EFL_SECURE and CS_SECURE of FreeBSD's sys_sigreturn */
        if (((mc->mc_rflags ^ cur_rflags) & ~FBSD_PSL_USERCHANGE) != 0)
            return -EINVAL;
        if ((mc->mc_cs & 3) != 3)
            return -EINVAL;
    }
    /* set_fpcontext */
    if (mc->mc_fpformat == FBSD_MC_FPFMT_NODEV)
        return FBSD_FP_KEEP;
    if (mc->mc_fpformat != FBSD_MC_FPFMT_XMM)
        return -EINVAL;
    if (mc->mc_ownedfp == FBSD_MC_FPOWNED_NONE)
        return FBSD_FP_KEEP;
    if (mc->mc_ownedfp != FBSD_MC_FPOWNED_FPU && mc->mc_ownedfp != FBSD_MC_FPOWNED_PCB)
        return -EINVAL;
    return (mc->mc_flags & FBSD_MC_HASFPXSTATE) && mc->mc_xfpustate_len ? FBSD_FP_SET_X : FBSD_FP_SET;
}

void fbsd_mcontext_to_regs(const struct fbsd_mcontext *mc, void *regs, enum fbsd_mc_use use)
{
    struct user_regs_struct *r = regs;
    r->rdi = mc->mc_rdi; r->rsi = mc->mc_rsi; r->rdx = mc->mc_rdx; r->rcx = mc->mc_rcx;
    r->r8 = mc->mc_r8;   r->r9 = mc->mc_r9;   r->rax = mc->mc_rax; r->rbx = mc->mc_rbx;
    r->rbp = mc->mc_rbp; r->r10 = mc->mc_r10; r->r11 = mc->mc_r11; r->r12 = mc->mc_r12;
    r->r13 = mc->mc_r13; r->r14 = mc->mc_r14; r->r15 = mc->mc_r15;
    r->rip = mc->mc_rip;
    r->rsp = mc->mc_rsp;
    r->eflags = (mc->mc_rflags & FBSD_PSL_USERCHANGE) | (r->eflags & ~FBSD_PSL_USERCHANGE);
    if (use == FBSD_MC_SIGRETURN || (mc->mc_flags & FBSD_MC_HASBASES)) {
        r->fs_base = mc->mc_fsbase;
        r->gs_base = mc->mc_gsbase;
    }
}

uint64_t fbsd_sigframe_place(uint64_t sp, size_t xlen, uint64_t *xaddr)
{
    *xaddr = 0;
    if (xlen) {
        sp -= xlen;
        sp &= ~(uint64_t)0x3f;
        *xaddr = sp;
    }
    sp -= sizeof(struct fbsd_sigframe);
    return sp & ~(uint64_t)0xf;
}

const uint8_t fbsd_sigcode[] = {
    0xff, 0x14, 0x24,                   /* call *(%rsp)          sf_ahu */
    0x48, 0x8d, 0x7c, 0x24, 0x10,       /* lea 16(%rsp),%rdi     &sf_uc */
    0x6a, 0x00,                         /* pushq $0              fake return address */
    0x48, 0xc7, 0xc0, 0xa1, 0x01, 0x00, 0x00, /* mov $417,%rax   SYS_sigreturn */
    0x0f, 0x05,                         /* syscall */
    0xf4,                               /* 0: hlt */
    0xeb, 0xfd,                         /* jmp 0b */
};
const size_t fbsd_sigcode_len = sizeof fbsd_sigcode;
_Static_assert(offsetof(struct fbsd_sigframe, sf_uc) == 0x10, "the lea above uses SIGF_UC");

int fbsd_trapno_for(int sig, int code)
{
    switch (sig) {
    case FBSD_SIGSEGV:
    case FBSD_SIGBUS:
        return code == SI_KERNEL ? FBSD_T_PROTFLT : code > 0 ? FBSD_T_PAGEFLT : 0;
    case FBSD_SIGILL:
        return code > 0 ? FBSD_T_PRIVINFLT : 0;
    case FBSD_SIGFPE:
        return code == FPE_INTDIV ? FBSD_T_DIVIDE : code > 0 ? FBSD_T_ARITHTRAP : 0;
    case FBSD_SIGTRAP:
        return code == TRAP_BRKPT ? FBSD_T_BPTFLT : code > 0 ? FBSD_T_TRCTRAP : 0;
    default:
        return 0;
    }
}
