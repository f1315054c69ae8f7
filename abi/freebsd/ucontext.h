/* FreeBSD amd64 machine context, ucontext_t and the signal frame (x86/ucontext.h,
 * sys/_ucontext.h, x86/sigframe.h of FreeBSD 13.2), and their conversion to and
 * from Linux's ptrace register sets (user_regs_struct, the 512-byte FXSAVE area).
 * Pure: no guest access here (personalities/freebsd/sigctx.c does that). */
#ifndef LSL2_ABI_FREEBSD_UCONTEXT_H
#define LSL2_ABI_FREEBSD_UCONTEXT_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "abi/freebsd/signal.h"

/* mc_flags */
#define FBSD_MC_HASSEGS      0x1
#define FBSD_MC_HASBASES     0x2
#define FBSD_MC_HASFPXSTATE  0x4
#define FBSD_MC_FLAG_MASK    (FBSD_MC_HASSEGS | FBSD_MC_HASBASES | FBSD_MC_HASFPXSTATE)
/* mc_fpformat, mc_ownedfp */
#define FBSD_MC_FPFMT_NODEV  0x10000
#define FBSD_MC_FPFMT_XMM    0x10002
#define FBSD_MC_FPOWNED_NONE 0x20000
#define FBSD_MC_FPOWNED_FPU  0x20001
#define FBSD_MC_FPOWNED_PCB  0x20002

/* x86 flags a user context may change (machine/psl.h PSL_USERCHANGE): C PF AF Z N
 * T D V NT RF AC ID. */
#define FBSD_PSL_USERCHANGE  0x254dd5UL
#define FBSD_PSL_T           0x100UL
#define FBSD_PSL_D           0x400UL

/* Trap numbers FreeBSD puts in mc_trapno / si_trapno (machine/trap.h). */
#define FBSD_T_PRIVINFLT 1
#define FBSD_T_BPTFLT    3
#define FBSD_T_ARITHTRAP 6
#define FBSD_T_PROTFLT   9
#define FBSD_T_TRCTRAP   10
#define FBSD_T_PAGEFLT   12
#define FBSD_T_DIVIDE    18

struct fbsd_mcontext {
    int64_t  mc_onstack;
    uint64_t mc_rdi, mc_rsi, mc_rdx, mc_rcx, mc_r8, mc_r9, mc_rax, mc_rbx, mc_rbp;
    uint64_t mc_r10, mc_r11, mc_r12, mc_r13, mc_r14, mc_r15;
    uint32_t mc_trapno;
    uint16_t mc_fs, mc_gs;
    uint64_t mc_addr;
    uint32_t mc_flags;
    uint16_t mc_es, mc_ds;
    uint64_t mc_err, mc_rip, mc_cs, mc_rflags, mc_rsp, mc_ss;
    int64_t  mc_len;                 /* sizeof(mcontext_t): 800 */
    int64_t  mc_fpformat;
    int64_t  mc_ownedfp;
    uint8_t  mc_fpstate[512] __attribute__((aligned(16)));  /* FXSAVE64 image */
    uint64_t mc_fsbase, mc_gsbase;
    uint64_t mc_xfpustate;           /* address of the XSAVE area beyond the first 512 bytes */
    uint64_t mc_xfpustate_len;
    int64_t  mc_spare[4];
};
_Static_assert(sizeof(struct fbsd_mcontext) == 800, "mcontext_t size");
_Static_assert(offsetof(struct fbsd_mcontext, mc_trapno) == 128, "mc_trapno");
_Static_assert(offsetof(struct fbsd_mcontext, mc_rip) == 160, "mc_rip");
_Static_assert(offsetof(struct fbsd_mcontext, mc_len) == 200, "mc_len");
_Static_assert(offsetof(struct fbsd_mcontext, mc_fpstate) == 224, "mc_fpstate");
_Static_assert(offsetof(struct fbsd_mcontext, mc_fsbase) == 736, "mc_fsbase");

struct fbsd_ucontext {
    fbsd_sigset_t uc_sigmask;
    struct fbsd_mcontext uc_mcontext;
    uint64_t uc_link;
    struct fbsd_stack uc_stack;
    int32_t  uc_flags;
    int32_t  uc_spare[4];
};
_Static_assert(sizeof(struct fbsd_ucontext) == 880, "ucontext_t size");
_Static_assert(offsetof(struct fbsd_ucontext, uc_mcontext) == 16, "uc_mcontext");
_Static_assert(offsetof(struct fbsd_ucontext, uc_link) == 816, "uc_link");
/* getcontext/setcontext copy only this much (kern_context.c UC_COPY_SIZE). */
#define FBSD_UC_COPY_SIZE offsetof(struct fbsd_ucontext, uc_link)

struct fbsd_sigframe {
    uint64_t sf_ahu;                 /* the handler: sigcode calls *0(%rsp) */
    struct fbsd_ucontext sf_uc __attribute__((aligned(16)));
    struct fbsd_siginfo sf_si;
};
_Static_assert(sizeof(struct fbsd_sigframe) == 976, "struct sigframe size");
_Static_assert(offsetof(struct fbsd_sigframe, sf_uc) == 16, "sf_uc (SIGF_UC)");
_Static_assert(offsetof(struct fbsd_sigframe, sf_si) == 896, "sf_si");

/* Linux's ptrace view of the registers (sys/user.h), passed as opaque pointers so
 * that this header stays free of host headers:
 *   regs: struct user_regs_struct, fx: the 512-byte FXSAVE area (user_fpregs_struct). */

/* A machine context of the registers, as sendsig / get_mcontext fill it: the
 * general registers, rip/rsp/rflags, segment selectors, fs/gs bases, the FXSAVE
 * image, mc_len, mc_fpformat = XMM, mc_ownedfp = FPU, mc_flags = HASSEGS. */
void fbsd_mcontext_from_regs(struct fbsd_mcontext *mc, const void *regs, const void *fx);

/* How a context is being restored: sigreturn (rflags must differ from the
 * current ones only in user-changeable bits, %cs must be a user selector, bases
 * always restored) or setcontext/swapcontext (mc_len must be 800, rflags merged,
 * bases only with _MC_HASBASES). */
enum fbsd_mc_use { FBSD_MC_SIGRETURN, FBSD_MC_SETCONTEXT };

/* What the FPU part asks for. */
enum fbsd_mc_fp { FBSD_FP_KEEP, FBSD_FP_SET, FBSD_FP_SET_X };

/* Checks mc as FreeBSD's kernel does (cur_rflags: the thread's rflags now).
 * Returns the FPU action, or -EINVAL. */
int fbsd_mcontext_check(const struct fbsd_mcontext *mc, uint64_t cur_rflags, enum fbsd_mc_use use);

/* Puts a checked context into regs (user_regs_struct): general registers, rip,
 * rsp, rflags (user bits only), fs/gs bases; %cs/%ss and the selectors stay
 * Linux's (a FreeBSD program cannot have others). */
void fbsd_mcontext_to_regs(const struct fbsd_mcontext *mc, void *regs, enum fbsd_mc_use use);

/* Where sendsig puts a frame.  sp: the stack top to use (the interrupted %rsp less
 * its 128-byte red zone, or the alternate stack's top); xlen: bytes of XSAVE state
 * beyond the FXSAVE area (0: none).  Returns the frame address (16-aligned) and
 * the XSAVE area's address in *xaddr (64-aligned, above the frame). */
uint64_t fbsd_sigframe_place(uint64_t sp, size_t xlen, uint64_t *xaddr);

/* FreeBSD's sigcode (amd64 sigtramp.S), the code a handler returns into:
 *   call *SIGF_HANDLER(%rsp); lea SIGF_UC(%rsp),%rdi; pushq $0;
 *   movq $SYS_sigreturn,%rax; syscall; 0: hlt; jmp 0b */
extern const uint8_t fbsd_sigcode[];
extern const size_t fbsd_sigcode_len;

/* The FreeBSD trap number for a fault signal's Linux si_code (0: not a fault). */
int fbsd_trapno_for(int fbsd_sig, int linux_code);

#endif
