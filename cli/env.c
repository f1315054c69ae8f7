/* The guest environment: the caller's, without what points into the host. */
#include <stdlib.h>
#include <string.h>
#include "cli/env.h"

/* Variables that name host resources the guest cannot reach (sockets, displays,
 * session ids) or that would steer the guest's dynamic loader to host libraries.
 * An entry ending in '*' is a prefix. */
static const char *const host_only[] = {
    "LD_*",                      /* LD_PRELOAD, LD_LIBRARY_PATH, LD_AUDIT... host libraries */
    "DBUS_SESSION_BUS_ADDRESS",
    "XDG_RUNTIME_DIR", "XDG_SESSION_*", "XDG_SEAT", "XDG_VTNR",
    "SSH_AUTH_SOCK", "SSH_AGENT_PID", "GPG_AGENT_INFO",
    "DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY",
    "LSL2_*",                    /* lsl2's own settings */
};

static size_t name_len(const char *var)
{
    const char *eq = strchr(var, '=');
    return eq ? (size_t)(eq - var) : strlen(var);
}

bool env_host_only(const char *var)
{
    size_t n = name_len(var);
    for (size_t i = 0; i < sizeof host_only / sizeof host_only[0]; i++) {
        const char *h = host_only[i];
        size_t hl = strlen(h);
        if (h[hl - 1] == '*') {
            if (n >= hl - 1 && strncmp(var, h, hl - 1) == 0)
                return true;
        } else if (n == hl && strncmp(var, h, hl) == 0) {
            return true;
        }
    }
    return false;
}

struct envbuf { char **v; size_t n, cap; };

/* Sets NAME=VALUE, replacing an earlier NAME in place. */
static int put(struct envbuf *e, const char *var)
{
    size_t n = name_len(var);
    char *copy = strdup(var);
    if (!copy)
        return -1;
    for (size_t i = 0; i < e->n; i++)
        if (name_len(e->v[i]) == n && strncmp(e->v[i], var, n) == 0) {
            free(e->v[i]);
            e->v[i] = copy;
            return 0;
        }
    if (e->n + 2 > e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 32;
        char **nv = realloc(e->v, cap * sizeof *nv);
        if (!nv) {
            free(copy);
            return -1;
        }
        e->v = nv;
        e->cap = cap;
    }
    e->v[e->n++] = copy;
    e->v[e->n] = NULL;
    return 0;
}

char **env_build(char *const *host_env, const struct options *o)
{
    struct envbuf e = { 0 };
    if (!o->clearenv && host_env)
        for (char *const *p = host_env; *p; p++)
            if (strchr(*p, '=') && !env_host_only(*p) && strncmp(*p, "PATH=", 5) != 0 && put(&e, *p) < 0)
                goto oom;
    if (put(&e, "PATH=" GUEST_DEFAULT_PATH) < 0)
        goto oom;
    for (size_t i = 0; i < o->nenvset; i++)
        if (put(&e, o->envset[i]) < 0)
            goto oom;
    return e.v;
oom:
    if (e.v) {
        e.v[e.n] = NULL;
        env_free(e.v);
    }
    return NULL;
}

void env_free(char **env)
{
    if (!env)
        return;
    for (char **p = env; *p; p++)
        free(*p);
    free(env);
}

static bool is_locale_var(const char *var)
{
    return strncmp(var, "LANG=", 5) == 0 || strncmp(var, "LC_", 3) == 0;
}

void env_drop_missing_locales(char **env, bool (*exists)(const char *locale, void *arg),
                              void *arg, void (*dropped)(const char *var))
{
    char **w = env;
    for (char **r = env; r && *r; r++) {
        const char *val = strchr(*r, '=');
        val = val ? val + 1 : "";
        if (is_locale_var(*r) && val[0] && strcmp(val, "C") != 0 && strcmp(val, "POSIX") != 0 &&
            !exists(val, arg)) {
            if (dropped)
                dropped(*r);
            free(*r);
            continue;
        }
        *w++ = *r;
    }
    if (w)
        *w = NULL;
}

const char *env_get(char *const *env, const char *name)
{
    size_t n = strlen(name);
    for (char *const *p = env; p && *p; p++)
        if (strncmp(*p, name, n) == 0 && (*p)[n] == '=')
            return *p + n + 1;
    return NULL;
}
