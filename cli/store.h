/* The subsystem store: one directory per subsystem under the store home, holding
 * config.ini and (unless registered in place) the root filesystem in rootfs/.
 * Work in progress lives in ".tmp-*" directories, each guarded by a locked
 * ".tmp-*.lock" file, so that the leftovers of a killed lsl2 are recognised and
 * removed by the next store command. */
#ifndef LSL2_CLI_STORE_H
#define LSL2_CLI_STORE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include "cli/ini.h"

#define STORE_NAME_MAX 64

struct store {
    char home[PATH_MAX];
};

/* A temporary directory in the store and the lock that marks it as in use. */
struct store_tmp {
    char dir[PATH_MAX];
    char lock[PATH_MAX];
    int  lockfd;
};

/* $LSL2_HOME, else /var/lib/lsl2 for root, else ${XDG_DATA_HOME:-~/.local/share}/lsl2. */
int  store_home_path(char *out, size_t len);
/* Finds (creating it if needed) the store and removes stale temporary directories.
 * Returns 0, or 125 after reporting. */
int  store_open(struct store *s);
/* [a-z0-9][a-z0-9._-]*, at most STORE_NAME_MAX characters. */
bool store_name_valid(const char *name);
/* Reports and returns false for an invalid name. */
bool store_check_name(const char *name);

/* home/name, home/name/config.ini */
int  store_dir(const struct store *s, const char *name, char *out, size_t len);
int  store_config_path(const struct store *s, const char *name, char *out, size_t len);
bool store_exists(const struct store *s, const char *name);
/* Loads the config of name; reports "no subsystem NAME" and returns 125 if missing. */
int  store_load(const struct store *s, const char *name, struct ini *ini);
/* The rootfs directory (host path) of a loaded config: `path`, relative to the
 * subsystem directory unless absolute. Returns 0 or -ENOENT (no path key). */
int  store_rootfs(const struct store *s, const char *name, const struct ini *ini,
                  char *out, size_t len);
/* Calls fn for every subsystem name, sorted. */
int  store_each(const struct store *s, int (*fn)(const char *name, void *arg), void *arg);

/* Creates home/.tmp-WHAT-NAME-XXXXXX, locked. Returns 0 or -errno. */
int  store_tmp_create(const struct store *s, const char *what, const char *name,
                      struct store_tmp *t);
/* Removes the directory (if still there) and the lock. */
void store_tmp_discard(struct store_tmp *t);
/* Drops the lock after the directory was renamed into place. */
void store_tmp_release(struct store_tmp *t);
/* Removes every .tmp-* directory whose lock no process holds. */
void store_clean_stale(const struct store *s);

/* Deletes the tree `name` in directory dirfd without following symbolic links and
 * without crossing into another file system; clears immutable/append-only flags on
 * the way. Returns 0 or -errno. */
int  store_rm_tree(int dirfd, const char *name);
/* store_rm_tree on a path. */
int  store_rm_path(const char *path);

/* The pid of a process whose root directory is `root` or below it, or 0. */
int  store_busy_pid(const char *root);

#endif
