/* The command line: lsl2 [OPTIONS] ROOTFS [--] [COMMAND [ARG...]].
 * Options are read getopt_long-style up to ROOTFS (the first non-option); everything
 * after ROOTFS belongs to the guest command, so `lsl2 R ls -l` passes -l to ls. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/options.h"
#include "personalities/personality.h"

enum opt_id { O_PERS, O_DEBUG, O_WORKDIR, O_BIND, O_ENV, O_CLEARENV, O_ROOT, O_NONET,
              O_TRACE, O_SUPERVISE, O_SYSCALLS, O_VERSION, O_HELP };
enum opt_arg { NOARG, REQARG, OPTARG };   /* OPTARG: only as --name=VALUE */

/* The option table: short letter (0: none), long name, argument. */
static const struct optdef {
    enum opt_id  id;
    char         shortname;
    const char  *longname;
    enum opt_arg arg;
} optdefs[] = {
    { O_PERS,     'p', "personality", REQARG },
    { O_DEBUG,    'd', "debug",       NOARG  },
    { O_WORKDIR,  'w', "workdir",     REQARG },
    { O_BIND,     'b', "bind",        REQARG },
    { O_ENV,      'e', "env",         REQARG },
    { O_CLEARENV,  0,  "clearenv",    NOARG  },
    { O_ROOT,     'r', "root",        NOARG  },
    { O_NONET,    'n', "no-network",  NOARG  },
    { O_TRACE,     0,  "trace",       OPTARG },
    { O_SUPERVISE, 0,  "supervise",   NOARG  },
    { O_SYSCALLS,  0,  "syscalls",    OPTARG },
    { O_VERSION,   0,  "version",     NOARG  },
    { O_HELP,     'h', "help",        NOARG  },
};
#define NOPTS (sizeof optdefs / sizeof optdefs[0])

static int fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static bool known_personality(const char *name)
{
    return strcmp(name, "auto") == 0 || personality_by_name(name) != NULL;
}

/* HOST[:GUEST][:ro|:rw] */
static int parse_bind(const char *spec, struct bind *b, char *err, size_t errlen)
{
    char *copy = strdup(spec);
    if (!copy)
        return fail(err, errlen, "out of memory");
    b->ro = false;
    char *last = strrchr(copy, ':');
    if (last && (strcmp(last, ":ro") == 0 || strcmp(last, ":rw") == 0)) {
        b->ro = last[1] == 'r' && last[2] == 'o';
        *last = '\0';
    }
    char *colon = strchr(copy, ':');
    char *guest = NULL;
    if (colon) {
        *colon = '\0';
        guest = colon + 1;
    }
    if (copy[0] == '\0' || (guest && (guest[0] == '\0' || strchr(guest, ':')))) {
        free(copy);
        return fail(err, errlen, "bad --bind '%s' (HOST[:GUEST][:ro])", spec);
    }
    b->host = copy;           /* owns the allocation; guest points into it */
    b->guest = guest ? guest : copy;
    return 0;
}

static int apply(struct options *o, enum opt_id id, const char *name, const char *val,
                 char *err, size_t errlen)
{
    switch (id) {
    case O_PERS:
        if (!known_personality(val))
            return fail(err, errlen, "unknown personality '%s' (auto, linux, freebsd)", val);
        o->personality = val;
        return 0;
    case O_DEBUG:    o->debug = true; return 0;
    case O_WORKDIR:
        if (val[0] == '\0')
            return fail(err, errlen, "empty --workdir");
        o->workdir = val;
        return 0;
    case O_BIND: {
        struct bind *nb = realloc(o->binds, (o->nbinds + 1) * sizeof *nb);
        if (!nb)
            return fail(err, errlen, "out of memory");
        o->binds = nb;
        if (parse_bind(val, &o->binds[o->nbinds], err, errlen) < 0)
            return -1;
        o->nbinds++;
        return 0;
    }
    case O_ENV: {
        const char *eq = strchr(val, '=');
        if (!eq || eq == val)
            return fail(err, errlen, "bad --env '%s' (NAME=VALUE)", val);
        const char **ne = realloc(o->envset, (o->nenvset + 1) * sizeof *ne);
        if (!ne)
            return fail(err, errlen, "out of memory");
        o->envset = ne;
        o->envset[o->nenvset++] = val;
        return 0;
    }
    case O_CLEARENV: o->clearenv = true; return 0;
    case O_ROOT:     o->root = true; return 0;
    case O_NONET:    o->no_network = true; return 0;
    case O_TRACE:
        o->trace = true;
        if (val && val[0] == '\0')
            return fail(err, errlen, "empty --trace file name");
        o->trace_file = val;
        return 0;
    case O_SUPERVISE: o->supervise = true; return 0;
    case O_SYSCALLS:
        if (val && !known_personality(val))
            return fail(err, errlen, "unknown personality '%s' (auto, linux, freebsd)", val);
        if (val)
            o->personality = val;
        o->action = ACT_SYSCALLS;
        return 0;
    case O_VERSION:  o->action = ACT_VERSION; return 0;
    case O_HELP:     o->action = ACT_HELP; return 0;
    }
    return fail(err, errlen, "internal error: option %s", name);
}

static const struct optdef *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < NOPTS; i++)
        if (strlen(optdefs[i].longname) == len && strncmp(optdefs[i].longname, name, len) == 0)
            return &optdefs[i];
    return NULL;
}

static const struct optdef *find_short(char c)
{
    for (size_t i = 0; i < NOPTS; i++)
        if (optdefs[i].shortname == c)
            return &optdefs[i];
    return NULL;
}

/* Reads one "--name[=value]" at argv[*i]; advances *i past a separate value. */
static int parse_long(struct options *o, int argc, char **argv, int *i, char *err, size_t errlen)
{
    const char *arg = argv[*i] + 2;
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const struct optdef *d = find_long(arg, len);
    if (!d)
        return fail(err, errlen, "unknown option '--%.*s' (see lsl2 --help)", (int)len, arg);
    const char *val = eq ? eq + 1 : NULL;
    if (d->arg == NOARG && val)
        return fail(err, errlen, "option '--%s' takes no value", d->longname);
    if (d->arg == REQARG && !val) {
        if (*i + 1 >= argc)
            return fail(err, errlen, "option '--%s' needs a value", d->longname);
        val = argv[++*i];
    }
    return apply(o, d->id, d->longname, val, err, errlen);
}

/* Reads a cluster of short options "-dr", "-pfreebsd", "-p freebsd" at argv[*i]. */
static int parse_short(struct options *o, int argc, char **argv, int *i, char *err, size_t errlen)
{
    const char *p = argv[*i] + 1;
    while (*p) {
        const struct optdef *d = find_short(*p);
        if (!d)
            return fail(err, errlen, "unknown option '-%c' (see lsl2 --help)", *p);
        char name[3] = { '-', *p, 0 };
        if (d->arg == REQARG) {
            const char *val = p[1] ? p + 1 : NULL;
            if (!val) {
                if (*i + 1 >= argc)
                    return fail(err, errlen, "option '-%c' needs a value", *p);
                val = argv[++*i];
            }
            return apply(o, d->id, name, val, err, errlen);
        }
        if (apply(o, d->id, name, NULL, err, errlen) < 0)
            return -1;
        p++;
    }
    return 0;
}

int options_parse(int argc, char **argv, struct options *o, char *err, size_t errlen)
{
    memset(o, 0, sizeof *o);
    o->personality = "auto";
    o->action = ACT_RUN;
    if (errlen)
        err[0] = '\0';

    int i = 1;
    bool dashdash = false;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            dashdash = true;
            i++;
            break;
        }
        if (a[0] != '-' || a[1] == '\0')   /* "-" alone is an operand */
            break;
        int r = a[1] == '-' ? parse_long(o, argc, argv, &i, err, errlen)
                            : parse_short(o, argc, argv, &i, err, errlen);
        if (r < 0) {
            options_free(o);
            return -1;
        }
    }
    (void)dashdash;
    if (o->action != ACT_RUN)
        return 0;     /* --help, --version, --syscalls need no ROOTFS */
    if (i >= argc) {
        options_free(o);
        return fail(err, errlen, "missing ROOTFS (usage: lsl2 [OPTIONS] ROOTFS [--] [COMMAND [ARG...]])");
    }
    if (argv[i][0] == '\0') {
        options_free(o);
        return fail(err, errlen, "empty ROOTFS");
    }
    o->rootfs = argv[i++];
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    o->argv = argv + i;
    o->argc = argc - i;
    return 0;
}

void options_free(struct options *o)
{
    for (size_t i = 0; i < o->nbinds; i++)
        free((char *)o->binds[i].host);
    free(o->binds);
    free(o->envset);
    o->binds = NULL;
    o->envset = NULL;
    o->nbinds = o->nenvset = 0;
}
