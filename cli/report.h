/* What lsl2 tells the user: one-line errors and the -d step log, both on stderr. */
#ifndef LSL2_CLI_REPORT_H
#define LSL2_CLI_REPORT_H

#include <stdbool.h>

/* Whether -d step lines are printed. */
extern bool report_debug_on;

/* "lsl2: <message>\n" on stderr, written with one write(2) so that lines of the
 * supervisor and of the guest child never interleave mid-line. */
void report_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same, only under -d. */
void report_step(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
