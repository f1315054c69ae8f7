/* lsl2 entry point: parse, check everything, then enter and run.  Every check
 * happens before the first namespace or mount, so a bad input changes nothing. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/command.h"
#include "cli/enter.h"
#include "cli/env.h"
#include "cli/options.h"
#include "cli/report.h"
#include "cli/rootfs.h"
#include "cli/subsys.h"
#include "cli/usage.h"
#include "personalities/personality.h"

extern char **environ;

/* ROOTFS must be an existing, non-empty directory; root gets its canonical path. */
static int check_rootfs(const char *arg, char *root)
{
    struct stat st;
    if (stat(arg, &st) < 0) {
        report_error("rootfs %s: %s", arg, strerror(errno));
        return EXIT_LSL2;
    }
    if (!S_ISDIR(st.st_mode)) {
        report_error("rootfs %s: not a directory", arg);
        return EXIT_LSL2;
    }
    if (!realpath(arg, root)) {
        report_error("rootfs %s: %s", arg, strerror(errno));
        return EXIT_LSL2;
    }
    DIR *d = opendir(root);
    if (!d) {
        report_error("rootfs %s: %s", arg, strerror(errno));
        return EXIT_LSL2;
    }
    bool empty = true;
    for (struct dirent *e; empty && (e = readdir(d)) != NULL;)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
            empty = false;
    closedir(d);
    if (empty) {
        report_error("rootfs %s: empty directory (no guest userland in it)", arg);
        return EXIT_LSL2;
    }
    report_step("rootfs %s: directory ok", root);
    return 0;
}

/* -w DIR, or the host's cwd when the guest has that directory, else "/". */
static int choose_workdir(const char *root, const char *want, char *out, size_t len)
{
    char host[PATH_MAX];
    struct stat st;
    if (want) {
        int r = rootfs_resolve(root, "/", want, out, len);
        if (r == 0 && (rootfs_host_path(root, out, host, sizeof host) < 0 || stat(host, &st) < 0))
            r = -errno;
        if (r == 0 && !S_ISDIR(st.st_mode))
            r = -ENOTDIR;
        if (r < 0) {
            report_error("workdir %s: %s in rootfs %s", want, strerror(-r), root);
            return EXIT_LSL2;
        }
        report_step("workdir %s", out);
        return 0;
    }
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) && rootfs_resolve(root, "/", cwd, out, len) == 0 &&
        rootfs_host_path(root, out, host, sizeof host) == 0 && stat(host, &st) == 0 &&
        S_ISDIR(st.st_mode)) {
        report_step("workdir %s (the host's current directory)", out);
        return 0;
    }
    snprintf(out, len, "/");
    report_step("workdir / (the host's current directory is not in the guest)");
    return 0;
}

/* A FreeBSD locale is a directory of /usr/share/locale in the guest. */
static bool freebsd_locale_exists(const char *locale, void *root)
{
    char guest[PATH_MAX], resolved[PATH_MAX], host[PATH_MAX];
    struct stat st;
    if (strchr(locale, '/') || snprintf(guest, sizeof guest, "/usr/share/locale/%s", locale) >= (int)sizeof guest)
        return false;
    return rootfs_resolve(root, NULL, guest, resolved, sizeof resolved) == 0 &&
           rootfs_host_path(root, resolved, host, sizeof host) == 0 &&
           stat(host, &st) == 0 && S_ISDIR(st.st_mode);
}

static void locale_dropped(const char *var)
{
    report_step("%s not passed to the guest: it has no such locale", var);
}

static int run(const struct options *o)
{
    static char root[PATH_MAX], workdir[PATH_MAX];
    static struct command cmd;
    char err[1200];
    int st;

    if ((st = check_rootfs(o->rootfs, root)) != 0)
        return st;
    char **envp = env_build(environ, o);
    if (!envp) {
        report_error("out of memory");
        return EXIT_LSL2;
    }
    struct enter_plan plan = { .root = root, .chroot = strcmp(root, "/") != 0, .envp = envp,
                               .map_root = o->root, .no_network = o->no_network };
    FILE *trace = NULL;
    if ((st = choose_workdir(root, o->workdir, workdir, sizeof workdir)) != 0)
        goto out;
    plan.workdir = workdir;

    /* The command, found through the guest's PATH (after -e, which may set it). */
    const char *name = o->argc > 0 ? o->argv[0] : "/bin/sh";
    static char *const default_argv[] = { "/bin/sh", NULL };
    st = command_find(root, workdir, env_get(envp, "PATH"), name, &cmd, err, sizeof err);
    if (st != 0) {
        if (o->argc == 0 && st == EXIT_NOT_FOUND) {
            report_error("rootfs %s has no /bin/sh (give a COMMAND to run)", root);
            st = EXIT_LSL2;
        } else {
            report_error("%s", err);
        }
        goto out;
    }
    report_step("command %s → %s: %s", name, cmd.resolved, cmd.what);
    plan.exec_path = cmd.path;
    plan.argv = o->argc > 0 ? o->argv : default_argv;

    const struct personality *pers;
    if (strcmp(o->personality, "auto") == 0) {
        pers = personality_by_name(cmd.brand == BRAND_FREEBSD ? "freebsd" : "linux");
        report_step("personality %s (from the ELF brand)", pers ? pers->name : "?");
    } else {
        pers = personality_by_name(o->personality);
        report_step("personality %s (asked with -p)", pers ? pers->name : "?");
    }
    if (!pers) {
        report_error("personality %s is not built into this lsl2", o->personality);
        st = EXIT_LSL2;
        goto out;
    }

    if (strcmp(pers->name, "freebsd") == 0)
        env_drop_missing_locales(envp, freebsd_locale_exists, root, locale_dropped);

    if ((st = enter_plan_mounts(&plan, o, err, sizeof err)) != 0) {
        report_error("%s", err);
        goto out;
    }
    if (o->trace && o->trace_file) {
        /* Opened now, from the host's view of paths; O_CLOEXEC keeps it from the guest. */
        trace = fopen(o->trace_file, "we");
        if (!trace) {
            report_error("--trace=%s: %s", o->trace_file, strerror(errno));
            st = EXIT_LSL2;
            goto out;
        }
        setvbuf(trace, NULL, _IOLBF, 0);
    }
    plan.tcfg = (struct tracer_config){
        .pers = pers,
        .trace = o->trace ? (trace ? trace : stderr) : NULL,
        .debug = o->debug,
        .use_seccomp = strcmp(pers->name, "linux") == 0 && !o->trace,
    };
    /* -d wants crash reports (registers, code at RIP), which only the supervisor can
     * take: a Linux guest then runs supervised, its filter stopping next to nothing. */
    plan.traced = o->supervise || o->debug || tracer_needed(pers, &plan.tcfg);
    report_step("%s", !plan.traced ? "the guest runs natively (nothing to translate)"
                      : o->debug && !o->supervise && !tracer_needed(pers, &plan.tcfg)
                      ? "the guest runs under the tracer (-d: for crash reports)"
                      : "the guest runs under the tracer");
    st = enter_run(&plan);
out:
    if (trace)
        fclose(trace);
    free(plan.mounts);
    env_free(envp);
    return st;
}

int main(int argc, char **argv)
{
    struct options o;
    char err[512];
    /* "lsl2 import|list|run|...": the subsystem commands; run gives a command line. */
    char **nargv = NULL;
    int nargc = 0;
    int sc = subsys_command(argc, argv, &nargv, &nargc);
    if (sc >= 0)
        return sc;
    if (nargv) {
        argc = nargc;
        argv = nargv;
    }
    if (options_parse(argc, argv, &o, err, sizeof err) < 0) {
        report_error("%s", err);
        subsys_argv_free(nargv);
        return EXIT_LSL2;
    }
    /* "lsl2 [OPTIONS] NAME": a subsystem, when no directory NAME exists. */
    if (!nargv && subsys_fallback(argc, argv, &o, &nargv, &nargc)) {
        options_free(&o);
        argc = nargc;
        argv = nargv;
        if (options_parse(argc, argv, &o, err, sizeof err) < 0) {
            report_error("%s", err);
            subsys_argv_free(nargv);
            return EXIT_LSL2;
        }
    }
    int st = 0;
    switch (o.action) {
    case ACT_HELP:     usage_print(stdout); break;
    case ACT_VERSION:  version_print(stdout); break;
    case ACT_SYSCALLS: st = syscalls_print(stdout, o.personality); break;
    case ACT_RUN:
        report_debug_on = o.debug;
        st = run(&o);
        subsys_here_cleanup();
        break;
    }
    options_free(&o);
    subsys_argv_free(nargv);
    if (fflush(stdout) != 0 && st == 0)
        st = EXIT_LSL2;
    return st;
}
