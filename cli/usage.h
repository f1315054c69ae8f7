/* --help, --version and --syscalls output. */
#ifndef LSL2_CLI_USAGE_H
#define LSL2_CLI_USAGE_H

#include <stdio.h>

void usage_print(FILE *out);
void version_print(FILE *out);
/* The support table of one personality ("auto": every personality); returns an exit status. */
int  syscalls_print(FILE *out, const char *personality);

#endif
