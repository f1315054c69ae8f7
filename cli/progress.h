/* Progress of a long store operation: a redrawn bar on a terminal (bytes, entries,
 * rate, ETA), nothing while running otherwise; one plain final line either way. */
#ifndef LSL2_CLI_PROGRESS_H
#define LSL2_CLI_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct progress {
    const char *what;       /* "import fbsd" */
    uint64_t    total;      /* bytes of input expected, 0: unknown */
    uint64_t    done;       /* bytes of input consumed */
    uint64_t    bytes;      /* bytes written */
    uint64_t    entries;
    double      t0, last;
    bool        tty;
    bool        drawn;
    FILE       *out;
};

void progress_start(struct progress *p, const char *what, uint64_t total);
/* Redraws at most ten times a second. */
void progress_update(struct progress *p);
/* Clears the bar (before printing another line), so the next update redraws it. */
void progress_clear(struct progress *p);
/* Clears the bar and prints "lsl2: WHAT: <summary>, N entries, X MiB in S s". */
void progress_finish(struct progress *p, const char *summary);
double progress_now(void);

#endif
