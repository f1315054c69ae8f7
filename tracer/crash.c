/* Crash reports under -d: when a fault signal is about to kill a guest, print the
 * signal, the faulting address, the registers and the instructions at RIP
 * (disassembled with capstone), so that a failing translation can be located. */
#define _GNU_SOURCE
#include <capstone/capstone.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "tracer/supervisor.h"

/* A hexadecimal mask line of /proc/TID/status ("SigCgt:\t0000000000004002"). */
static uint64_t status_mask(const char *buf, const char *key)
{
    const char *p = strstr(buf, key);
    return p ? strtoull(p + strlen(key), NULL, 16) : 0;
}

bool signal_is_fatal_default(pid_t tid, int sig)
{
    char buf[4096];
    if (procfs_read(tid, "status", buf, sizeof buf) <= 0)
        return false;
    /* A fault that is ignored or blocked is forced to its default action by the
     * kernel; only a handler saves the thread. */
    return !(status_mask(buf, "\nSigCgt:") & (1ull << (sig - 1)));
}

static void print_regs(FILE *f, const struct user_regs_struct *r)
{
    fprintf(f, "lsl2:   rax %016llx rbx %016llx rcx %016llx rdx %016llx\n", r->rax, r->rbx, r->rcx, r->rdx);
    fprintf(f, "lsl2:   rsi %016llx rdi %016llx rbp %016llx rsp %016llx\n", r->rsi, r->rdi, r->rbp, r->rsp);
    fprintf(f, "lsl2:   r8  %016llx r9  %016llx r10 %016llx r11 %016llx\n", r->r8, r->r9, r->r10, r->r11);
    fprintf(f, "lsl2:   r12 %016llx r13 %016llx r14 %016llx r15 %016llx\n", r->r12, r->r13, r->r14, r->r15);
    fprintf(f, "lsl2:   rip %016llx eflags %08llx fs_base %016llx gs_base %016llx\n",
            r->rip, r->eflags, r->fs_base, r->gs_base);
}

static void print_code(FILE *f, struct tracee *t, uint64_t rip)
{
    uint8_t code[8 * 15];
    size_t len = sizeof code;
    /* The code may end at an unmapped page: take as much as can be read. */
    while (len > 0 && guest_read(t, rip, code, len) < 0)
        len = len > 16 ? len - 16 : 0;
    if (len == 0) {
        fprintf(f, "lsl2:   (no code readable at %#" PRIx64 ")\n", rip);
        return;
    }
    csh h;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &h) != CS_ERR_OK)
        return;
    cs_insn *insn;
    size_t count = cs_disasm(h, code, len, rip, 8, &insn);
    for (size_t i = 0; i < count; i++)
        fprintf(f, "lsl2:   %s%" PRIx64 ":  %-7s %s\n", i == 0 ? "=> " : "   ",
                insn[i].address, insn[i].mnemonic, insn[i].op_str);
    if (count == 0)
        fprintf(f, "lsl2:   => %" PRIx64 ":  (not a valid instruction)\n", rip);
    else
        cs_free(insn, count);
    cs_close(&h);
}

void crash_report(struct tracee *t, int sig, const siginfo_t *si)
{
    FILE *f = stderr;
    struct user_regs_struct *r = tracee_regs(t);
    fprintf(f, "lsl2: pid %d (%s): killed by SIG%s (%s)", t->tid, t->pers->name, sigabbrev_np(sig), strsignal(sig));
    if (si)
        fprintf(f, " at address %p (si_code %d)", si->si_addr, si->si_code);
    fputc('\n', f);
    if (!r)
        return;
    print_regs(f, r);
    print_code(f, t, r->rip);
}
