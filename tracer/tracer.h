/* The ptrace supervisor: entry points used by the front end. */
#ifndef LSL2_TRACER_H
#define LSL2_TRACER_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include "personalities/personality.h"

struct tracer_config {
    const struct personality *pers;  /* personality of the first program */
    FILE *trace;                      /* --trace output, NULL: no trace */
    bool  debug;                      /* -d: report unknown syscalls, crash reports */
    bool  use_seccomp;                /* stop only at syscalls a handler needs */
};

/* In the child, just before execve: installs the seccomp filter when asked,
 * then PTRACE_TRACEME and stops itself, so that the parent can set options.
 * Returns 0 or -errno (the child should then report and _exit). */
int tracer_child_prepare(const struct tracer_config *cfg);

/* In the parent: supervises `child` (stopped in tracer_child_prepare) and every
 * process and thread it creates, until it is gone.  Returns lsl2's exit status:
 * the child's exit code, or 128+N when it was killed by signal N. */
int tracer_run(pid_t child, const struct tracer_config *cfg);

/* Whether a program of personality p must run traced under this configuration. */
bool tracer_needed(const struct personality *p, const struct tracer_config *cfg);

#endif
