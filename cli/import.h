/* lsl2 import NAME SOURCE: a rootfs tarball or directory into the store. */
#ifndef LSL2_CLI_IMPORT_H
#define LSL2_CLI_IMPORT_H

#include <stdbool.h>
#include "cli/store.h"

/* File flags as FreeBSD's tar writes them (fflagstostr names) and the Linux inode
 * flag that keeps each one's meaning; 0: no Linux equivalent. */
struct fflag_name {
    const char   *name;
    unsigned int  linux_flag;
};
extern const struct fflag_name import_fflags[];
/* Linux inode flags for a comma-separated flag list; unknown names are skipped. */
unsigned int import_fflags_parse(const char *text);

/* A hostile entry check: `path` normalised into out (leading "./" and "//" dropped);
 * returns NULL when it may be written under the directory dirfd, else why not
 * ("absolute path", "'..' in path", "through symlink bin -> /tmp"). */
const char *import_check_path(int dirfd, const char *path, char *out, size_t len,
                              char *why, size_t whylen);

/* Imports into the store; returns lsl2's exit status after reporting. */
int import_run(const struct store *s, const char *name, const char *source, bool in_place,
               const char *personality);

#endif
