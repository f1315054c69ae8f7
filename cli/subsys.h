/* The subsystem commands (import, list, run, remove, export, rename, config, link,
 * unlink) and running a subsystem by name. */
#ifndef LSL2_CLI_SUBSYS_H
#define LSL2_CLI_SUBSYS_H

#include <stdbool.h>
#include "cli/options.h"
#include "cli/store.h"

/* main() goes on with a new command line. */
#define SUBSYS_ENTER (-2)

/* argv[1] is a subsystem command: runs it and returns its exit status, or returns
 * SUBSYS_ENTER with *nargv (free with subsys_argv_free) holding the lsl2 command line
 * that runs the subsystem.  Returns -1 when argv[1] is no subsystem command. */
int  subsys_command(int argc, char **argv, char ***nargv, int *nargc);
/* After parsing "lsl2 [OPTIONS] ROOTFS ...": ROOTFS is a subsystem name and no such
 * directory exists: *nargv is the command line with the subsystem's root and config. */
bool subsys_fallback(int argc, char **argv, const struct options *o, char ***nargv, int *nargc);
void subsys_argv_free(char **argv);
/* After a `run --here`: removes the mount points it created in the rootfs. */
void subsys_here_cleanup(void);

/* Builds "lsl2 <config options> <extra...> ROOTFS -- <cmd...>" for subsystem name;
 * here: the caller's home and cwd are bound into the guest at the same paths and the
 * cwd is the guest's working directory.  Returns 0 or 125 after reporting. */
int  subsys_argv(const struct store *s, const char *name, char *const *extra, int nextra,
                 char *const *cmd, int ncmd, bool here, char ***nargv, int *nargc);

/* The individual commands (each returns lsl2's exit status). */
int  list_main(const struct store *s, bool json);
int  export_run(const struct store *s, const char *name, const char *file);
int  link_main(const struct store *s, const char *name, const char *dir, bool all,
               char *const *cmds, int ncmds, const char *self);
int  unlink_main(const struct store *s, const char *name, const char *dir);

#endif
