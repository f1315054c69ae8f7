/* --trace output: one strace-like line per syscall, in the guest's own ABI. */
#ifndef LSL2_TRACE_H
#define LSL2_TRACE_H

#include <stdio.h>
#include "tracer/tracee.h"

/* At the entry stop, after the personality's handler ran: decodes the name and
 * the arguments known on entry into t->sc.trace. */
void trace_syscall_enter(FILE *out, struct tracee *t);
/* At the exit stop (or right after entry for an emulated call): completes the
 * line with exit-time arguments and the result in the guest convention, and prints it. */
void trace_syscall_exit(FILE *out, struct tracee *t);
/* A syscall that does not return (exit, successful execve): prints "= ?". */
void trace_syscall_noreturn(FILE *out, struct tracee *t);
/* "--- SIGCHLD {si_signo=...} ---" for a signal-delivery-stop (host signal number). */
void trace_signal(FILE *out, struct tracee *t, int host_sig, const void *siginfo);
/* "+++ exited with N +++" / "+++ killed by SIGKILL +++" from a wait status. */
void trace_exit(FILE *out, pid_t pid, const struct personality *p, int wstatus);
/* Formats one argument of the given kind (shared by trace and -d reports). */
size_t trace_format_arg(struct tracee *t, int kind, uint64_t val, bool on_exit,
                        long ret, char *buf, size_t len);

#endif
