/* Finding and checking the guest command before anything is set up. */
#ifndef LSL2_CLI_COMMAND_H
#define LSL2_CLI_COMMAND_H

#include <limits.h>
#include <stdbool.h>
#include "loader/elf.h"

/* Most nested #! scripts before an ELF: Linux runs 5 (exec_binprm gives up at depth 6). */
#define COMMAND_MAX_SCRIPT_DEPTH 5

struct command {
    char            path[PATH_MAX];     /* guest path given to execve ("/bin/sh") */
    char            resolved[PATH_MAX]; /* after symbolic links ("/bin/busybox") */
    bool            script;             /* a #! script */
    struct elf_info elf;                /* the ELF the kernel runs: the program, or a script's
                                           (last) interpreter */
    enum elf_brand  brand;              /* of that ELF: decides the personality in auto mode */
    char            what[1024];         /* for -d: "ELF x86-64 linux, interpreter none" */
};

/* Looks `name` up in the rootfs at host directory `root`: a name with a '/' is taken
 * as a path (relative ones from the guest directory `cwd`), any other through the
 * guest's `path` list, as execvp does.  Checks that it is a regular executable file
 * that is an x86-64 ELF (with its PT_INTERP present in the rootfs and sound), or a
 * #! script whose interpreter passes the same checks.
 * Returns 0, or 126 (found, cannot be executed) / 127 (not found) with one message
 * in err ("/bin/nope: not found in rootfs /x"). */
int command_find(const char *root, const char *cwd, const char *path, const char *name,
                 struct command *c, char *err, size_t errlen);

#endif
