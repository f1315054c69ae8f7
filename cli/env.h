/* The guest's environment. */
#ifndef LSL2_CLI_ENV_H
#define LSL2_CLI_ENV_H

#include <stdbool.h>
#include "cli/options.h"

#define GUEST_DEFAULT_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/* Whether a variable (NAME=VALUE or NAME) only makes sense on the host. */
bool env_host_only(const char *var);

/* host_env minus the host-only variables (nothing with --clearenv), PATH set to
 * GUEST_DEFAULT_PATH, then every -e in order.  A NULL-terminated array of
 * allocated strings, or NULL when out of memory; free with env_free(). */
char **env_build(char *const *host_env, const struct options *o);
void   env_free(char **env);

/* Removes the locale variables (LANG, LC_ALL, LC_*) whose value names a locale that
 * `exists` says the guest lacks (C and POSIX are always there), calling `dropped` for
 * each.  For guests whose setlocale() fails on a missing locale (FreeBSD), so that a
 * host LANG=C.UTF-8 does not make every localised tool complain. */
void env_drop_missing_locales(char **env, bool (*exists)(const char *locale, void *arg),
                              void *arg, void (*dropped)(const char *var));

/* The value of NAME in env, or NULL. */
const char *env_get(char *const *env, const char *name);

#endif
