/* Subsystem commands: the dispatch table, and the small commands (run, config,
 * remove, rename) that need no file of their own. */
#define _GNU_SOURCE
#define _GNU_SOURCE         /* O_PATH */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/import.h"
#include "cli/report.h"
#include "cli/rootfs.h"
#include "cli/subsys.h"

/* ---- building the lsl2 command line of a subsystem ---- */

struct argv_b { char **v; int n; bool oom; };

static void push(struct argv_b *b, const char *s)
{
    char **nv = b->oom ? NULL : realloc(b->v, (size_t)(b->n + 2) * sizeof *nv);
    if (!nv || !(nv[b->n] = strdup(s))) {
        b->oom = true;
        if (nv)
            b->v = nv;
        return;
    }
    b->v = nv;
    b->v[++b->n] = NULL;
}

static void push2(struct argv_b *b, const char *opt, const char *val)
{
    push(b, opt);
    push(b, val);
}

void subsys_argv_free(char **argv)
{
    for (char **p = argv; p && *p; p++)
        free(*p);
    free(argv);
}

static int push_bind(const char *v, void *arg)
{
    if (v[0])
        push2(arg, "-b", v);
    return 0;
}

/* env.NAME = VALUE: -e NAME=VALUE (an empty value leaves lsl2's default). */
static int push_env(const char *key, const char *value, void *arg)
{
    char *e;
    if (!value[0] || !key[4])
        return 0;
    if (asprintf(&e, "%s=%s", key + 4, value) < 0)
        return -1;
    push2(arg, "-e", e);
    free(e);
    return 0;
}

/* The mount points --here had to create in the rootfs, removed again when the run
 * is over (subsys_here_cleanup), so that lsl2 leaves nothing in the guest. */
static char here_root[PATH_MAX];
static char *here_made[64];
static int here_nmade;

static void here_note(const char *root, const char *guest)
{
    if (here_nmade < (int)(sizeof here_made / sizeof here_made[0])) {
        snprintf(here_root, sizeof here_root, "%s", root);
        here_made[here_nmade] = strdup(guest);
        if (here_made[here_nmade])
            here_nmade++;
    }
}

/* Opens guest path `guest` of the rootfs at rootfd, resolved by the kernel with the
 * rootfs as "/" (the guest may have changed the tree meanwhile). */
static int open_in_root(int rootfd, const char *guest, int flags)
{
    struct open_how how = { .flags = (uint64_t)(flags | O_CLOEXEC),
                            .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS };
    return (int)syscall(SYS_openat2, rootfd, guest, &how, sizeof how);
}

void subsys_here_cleanup(void)
{
    int rootfd = here_nmade ? open(here_root, O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
    for (int i = here_nmade - 1; i >= 0; i--) {
        char *g = here_made[i], *slash = strrchr(g, '/');
        if (rootfd >= 0 && slash) {
            /* the bind lives in lsl2's private mount namespace: drop it, then the dir */
            int fd = open_in_root(rootfd, g, O_PATH | O_DIRECTORY);
            if (fd >= 0) {
                char p[64];
                snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
                umount2(p, MNT_DETACH);
                close(fd);
            }
            *slash = '\0';
            int pfd = open_in_root(rootfd, slash == g ? "/" : g, O_PATH | O_DIRECTORY);
            if (pfd >= 0) {
                unlinkat(pfd, slash + 1, AT_REMOVEDIR);   /* only if still empty */
                close(pfd);
            }
        }
        free(g);
    }
    if (rootfd >= 0)
        close(rootfd);
    here_nmade = 0;
}

/* Creates the directory `guest` (and its missing parents) inside the rootfs, each
 * component resolved with the rootfs as "/", so that a mount point for --here can
 * never be made outside it.  What it creates is noted for subsys_here_cleanup. */
static int make_guest_dir(const char *root, const char *guest)
{
    char have[PATH_MAX] = "/", cand[PATH_MAX * 2], res[PATH_MAX], host[PATH_MAX];
    const char *p = guest;
    while (*p) {
        p += strspn(p, "/");
        size_t n = strcspn(p, "/");
        if (!n)
            break;
        snprintf(cand, sizeof cand, "%s%s%.*s", have, strcmp(have, "/") ? "/" : "", (int)n, p);
        int r = rootfs_resolve(root, "/", cand, res, sizeof res);
        if (r == -ENOENT) {
            /* `have` is a resolved directory and the name has no '/': mkdir stays there. */
            if (strlen(cand) >= sizeof res)
                return -ENAMETOOLONG;
            memcpy(res, cand, strlen(cand) + 1);
            if (rootfs_host_path(root, res, host, sizeof host) < 0)
                return -ENAMETOOLONG;
            if (mkdir(host, 0755) == 0)
                here_note(root, res);
            else if (errno != EEXIST)
                return -errno;
        } else if (r < 0) {
            return r;
        }
        snprintf(have, sizeof have, "%s", res);
        p += n;
    }
    return 0;
}

/* Binds the caller's home and cwd into the guest at the same paths (a host command
 * must see the caller's files), and makes the cwd the guest's working directory. */
static void add_here(struct argv_b *b, const char *root)
{
    char cwd[PATH_MAX], home[PATH_MAX];
    const char *h = getenv("HOME");
    bool have_home = h && h[0] == '/' && realpath(h, home) && strcmp(home, "/") != 0;
    if (!getcwd(cwd, sizeof cwd)) {
        report_step("--here: no current directory; the guest starts in /");
        return;
    }
    size_t rl = strlen(root), hl = have_home ? strlen(home) : 0;
    if (strncmp(cwd, root, rl) == 0 && (cwd[rl] == '/' || cwd[rl] == '\0')) {
        push2(b, "-w", cwd[rl] ? cwd + rl : "/");     /* already inside the guest */
        return;
    }
    if (have_home && !strchr(home, ':') && make_guest_dir(root, home) == 0)
        push2(b, "-b", home);
    bool under_home = have_home && strncmp(cwd, home, hl) == 0 && (cwd[hl] == '/' || cwd[hl] == '\0');
    if (!under_home && strcmp(cwd, "/") != 0 && !strchr(cwd, ':')) {
        int r = make_guest_dir(root, cwd);
        if (r < 0) {
            report_error("run: cannot make %s in the guest for the current directory: %s", cwd, strerror(-r));
            return;
        }
        push2(b, "-b", cwd);
    }
    push2(b, "-w", cwd);
}

int subsys_argv(const struct store *s, const char *name, char *const *extra, int nextra,
                char *const *cmd, int ncmd, bool here, char ***nargv, int *nargc)
{
    struct ini ini;
    char root[PATH_MAX], v[4096];
    int st = store_load(s, name, &ini);
    if (st)
        return st;
    if (store_rootfs(s, name, &ini, root, sizeof root) < 0) {
        report_error("subsystem %s: no path in its config", name);
        ini_free(&ini);
        return 125;
    }
    struct argv_b b = { NULL, 0, false };
    push(&b, "lsl2");
    if (ini_get(&ini, "personality", v, sizeof v) && v[0] && strcmp(v, "auto") != 0)
        push2(&b, "-p", v);
    if (ini_get(&ini, "user", v, sizeof v) && v[0]) {
        if (strcmp(v, "root") == 0 || strcmp(v, "0") == 0) {
            push(&b, "-r");
        } else if (strcmp(v, "self") != 0) {
            report_error("subsystem %s: user = %s: only 'root' or 'self' (the caller) are "
                         "supported", name, v);
            ini_free(&ini);
            subsys_argv_free(b.v);
            return 125;
        }
    }
    ini_each_prefix(&ini, "env.", push_env, &b);
    if (ini_get(&ini, "network", v, sizeof v) &&
        (strcmp(v, "off") == 0 || strcmp(v, "no") == 0 || strcmp(v, "false") == 0 || strcmp(v, "0") == 0))
        push(&b, "-n");
    ini_each(&ini, "bind", push_bind, &b);
    ini_free(&ini);
    if (here)
        add_here(&b, root);
    for (int i = 0; i < nextra; i++)
        push(&b, extra[i]);
    push(&b, root);
    push(&b, "--");
    for (int i = 0; i < ncmd; i++)
        push(&b, cmd[i]);
    if (b.oom) {
        report_error("out of memory");
        subsys_argv_free(b.v);
        return 125;
    }
    *nargv = b.v;
    *nargc = b.n;
    return 0;
}

bool subsys_fallback(int argc, char **argv, const struct options *o, char ***nargv, int *nargc)
{
    struct stat st;
    struct store s;
    if (o->action != ACT_RUN || !o->rootfs || strchr(o->rootfs, '/') ||
        !store_name_valid(o->rootfs) || lstat(o->rootfs, &st) == 0 || errno != ENOENT)
        return false;
    char home[PATH_MAX];
    if (store_home_path(home, sizeof home) < 0 || !realpath(home, s.home) ||
        !store_exists(&s, o->rootfs))
        return false;
    int k = 1;
    while (k < argc && argv[k] != o->rootfs)
        k++;
    if (k >= argc)
        return false;
    return subsys_argv(&s, o->rootfs, argv + 1, k - 1, o->argv, o->argc, false, nargv, nargc) == 0;
}

/* ---- commands ---- */

static const char *self_path(void)
{
    static char self[PATH_MAX];
    if (!realpath("/proc/self/exe", self))
        snprintf(self, sizeof self, "lsl2");
    return self;
}

static int usage_error(const char *usage)
{
    report_error("usage: lsl2 %s", usage);
    return 125;
}

struct cmdline { int argc; char **argv; };

static int c_import(struct store *s, struct cmdline *c)
{
    bool in_place = false;
    const char *pers = NULL, *pos[2];
    int np = 0;
    for (int i = 2; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--in-place") == 0)
            in_place = true;
        else if ((strcmp(c->argv[i], "-p") == 0 || strcmp(c->argv[i], "--personality") == 0) && i + 1 < c->argc)
            pers = c->argv[++i];
        else if (c->argv[i][0] == '-' && c->argv[i][1])
            return usage_error("import [--in-place] [-p PERSONALITY] NAME SOURCE");
        else if (np < 2)
            pos[np++] = c->argv[i];
        else
            return usage_error("import [--in-place] [-p PERSONALITY] NAME SOURCE");
    }
    if (np != 2)
        return usage_error("import [--in-place] [-p PERSONALITY] NAME SOURCE");
    if (pers && strcmp(pers, "auto") && strcmp(pers, "linux") && strcmp(pers, "freebsd")) {
        report_error("import: unknown personality '%s' (auto, linux, freebsd)", pers);
        return 125;
    }
    return import_run(s, pos[0], pos[1], in_place, pers);
}

static int c_list(struct store *s, struct cmdline *c)
{
    bool json = false;
    for (int i = 2; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--json") == 0)
            json = true;
        else
            return usage_error("list [--json]");
    }
    return list_main(s, json);
}

/* lsl2 run [--here] [-d] [--trace[=F]] NAME [--] [CMD...] */
static int c_run(struct store *s, struct cmdline *c, char ***nargv, int *nargc)
{
    bool here = false;
    int i = 2, first = -1, nextra = 0;
    char *extra[8];
    for (; i < c->argc && c->argv[i][0] == '-'; i++) {
        const char *a = c->argv[i];
        if (strcmp(a, "--here") == 0)
            here = true;
        else if ((strcmp(a, "-d") == 0 || strcmp(a, "--debug") == 0 ||
                  strncmp(a, "--trace", 7) == 0 || strcmp(a, "--supervise") == 0) && nextra < 8)
            extra[nextra++] = c->argv[i];
        else
            return usage_error("run [--here] [-d] [--trace[=FILE]] NAME [--] [COMMAND [ARG...]]");
    }
    if (i >= c->argc)
        return usage_error("run [--here] [-d] [--trace[=FILE]] NAME [--] [COMMAND [ARG...]]");
    first = i + 1;
    if (first < c->argc && strcmp(c->argv[first], "--") == 0)
        first++;
    int st = subsys_argv(s, c->argv[i], extra, nextra, c->argv + first, c->argc - first, here,
                         nargv, nargc);
    return st ? st : SUBSYS_ENTER;
}

static bool known_key(const char *k)
{
    static const char *const keys[] = { "path", "personality", "user", "bind", "network", "link.dir" };
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(k, keys[i]) == 0)
            return true;
    return strncmp(k, "env.", 4) == 0 && k[4];
}

static const char *bad_value(const char *key, const char *v)
{
    if (strcmp(key, "personality") == 0 && strcmp(v, "auto") && strcmp(v, "linux") && strcmp(v, "freebsd"))
        return "auto, linux or freebsd";
    if (strcmp(key, "network") == 0 && strcmp(v, "on") && strcmp(v, "off"))
        return "on or off";
    if (strcmp(key, "user") == 0 && v[0] && strcmp(v, "root") && strcmp(v, "self"))
        return "root, self, or empty";
    if (strcmp(key, "path") == 0 && !v[0])
        return "a directory";
    if (strchr(v, '\n'))
        return "one line";
    return NULL;
}

static int print_line(const char *v, void *arg)
{
    (void)arg;
    puts(v);
    return 0;
}

/* lsl2 config NAME [KEY [VALUE]] | --add KEY VALUE | --unset KEY */
static int c_config(struct store *s, struct cmdline *c)
{
    static const char use[] = "config NAME [KEY [VALUE]] | config NAME --add KEY VALUE | "
                              "config NAME --unset KEY";
    if (c->argc < 3)
        return usage_error(use);
    const char *name = c->argv[2];
    bool add = false, unset = false;
    int i = 3;
    if (i < c->argc && strcmp(c->argv[i], "--add") == 0) { add = true; i++; }
    else if (i < c->argc && strcmp(c->argv[i], "--unset") == 0) { unset = true; i++; }
    int left = c->argc - i;
    if (left > 2 || (add && left != 2) || (unset && left != 1))
        return usage_error(use);
    struct ini ini;
    char cfg[PATH_MAX];
    int st = store_load(s, name, &ini);
    if (st)
        return st;
    store_config_path(s, name, cfg, sizeof cfg);
    if (left == 0) {
        for (size_t k = 0; k < ini.nlines; k++)
            puts(ini.lines[k]);
        ini_free(&ini);
        return 0;
    }
    const char *key = c->argv[i];
    if (!known_key(key)) {
        report_error("config: unknown key '%s' (path, personality, user, env.NAME, bind, network)", key);
        ini_free(&ini);
        return 125;
    }
    if (left == 1 && !unset) {
        int r = ini_each(&ini, key, print_line, NULL);
        ini_free(&ini);
        return r;
    }
    const char *val = unset ? NULL : c->argv[i + 1];
    const char *why = val ? bad_value(key, val) : NULL;
    if (why) {
        report_error("config: %s must be %s", key, why);
        ini_free(&ini);
        return 125;
    }
    int r = add ? ini_add(&ini, key, val) : ini_set(&ini, key, val);
    if (r == 0)
        r = ini_save(&ini, cfg);
    ini_free(&ini);
    if (r < 0) {
        report_error("config: %s: %s", cfg, strerror(-r));
        return 125;
    }
    return 0;
}

static int c_remove(struct store *s, struct cmdline *c)
{
    bool yes = false;
    const char *name = NULL;
    for (int i = 2; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--yes") == 0 || strcmp(c->argv[i], "-y") == 0)
            yes = true;
        else if (!name && c->argv[i][0] != '-')
            name = c->argv[i];
        else
            return usage_error("remove [--yes] NAME");
    }
    if (!name)
        return usage_error("remove [--yes] NAME");
    struct ini ini;
    char dir[PATH_MAX], root[PATH_MAX], real[PATH_MAX], pathv[PATH_MAX];
    int st = store_load(s, name, &ini);
    if (st)
        return st;
    bool in_place = ini_get(&ini, "path", pathv, sizeof pathv) && pathv[0] == '/';
    bool have_root = store_rootfs(s, name, &ini, root, sizeof root) == 0 && realpath(root, real);
    ini_free(&ini);
    store_dir(s, name, dir, sizeof dir);
    int pid = have_root ? store_busy_pid(real) : 0;
    if (!pid)
        pid = store_busy_pid(dir);
    if (pid) {
        report_error("remove: subsystem %s is in use (process %d runs in it)", name, pid);
        return 125;
    }
    if (!yes) {
        fprintf(stderr, "Remove subsystem %s (%s%s)? [y/N] ", name, in_place ? "registration only; keeps " : "",
                in_place ? real : dir);
        char line[16];
        if (!fgets(line, sizeof line, stdin) || (line[0] != 'y' && line[0] != 'Y')) {
            fprintf(stderr, "lsl2: remove %s: not removed\n", name);
            return 1;
        }
    }
    /* Renamed away first, so the name disappears at once even if deleting the tree is
     * interrupted (the next store command finishes it). */
    struct store_tmp t;
    int r = store_tmp_create(s, "remove", name, &t);
    if (r == 0) {
        rmdir(t.dir);
        r = rename(dir, t.dir) < 0 ? -errno : 0;
        if (r == 0)
            r = store_rm_path(t.dir);
        store_tmp_release(&t);
    }
    if (r < 0) {
        report_error("remove %s: %s", name, strerror(-r));
        return 125;
    }
    fprintf(stderr, "lsl2: removed %s\n", name);
    return 0;
}

static int c_rename(struct store *s, struct cmdline *c)
{
    if (c->argc != 4)
        return usage_error("rename OLD NEW");
    const char *from = c->argv[2], *to = c->argv[3];
    char a[PATH_MAX], b[PATH_MAX];
    struct stat st;
    if (!store_check_name(from) || !store_check_name(to))
        return 125;
    if (!store_exists(s, from)) {
        report_error("rename: no subsystem '%s'", from);
        return 125;
    }
    store_dir(s, from, a, sizeof a);
    store_dir(s, to, b, sizeof b);
    if (lstat(b, &st) == 0) {
        report_error("rename: subsystem '%s' already exists", to);
        return 125;
    }
    if (rename(a, b) < 0) {
        report_error("rename %s %s: %s", from, to, strerror(errno));
        return 125;
    }
    return 0;
}

static int c_export(struct store *s, struct cmdline *c)
{
    if (c->argc != 4)
        return usage_error("export NAME FILE");
    return export_run(s, c->argv[2], c->argv[3]);
}

static int c_link(struct store *s, struct cmdline *c)
{
    static const char use[] = "link NAME [--dir DIR] [--all] [CMD...]";
    const char *name = NULL, *dir = NULL;
    bool all = false;
    char **cmds = calloc((size_t)c->argc, sizeof *cmds);
    int n = 0;
    if (!cmds)
        return 125;
    for (int i = 2; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--dir") == 0 && i + 1 < c->argc)
            dir = c->argv[++i];
        else if (strcmp(c->argv[i], "--all") == 0)
            all = true;
        else if (c->argv[i][0] == '-') {
            free(cmds);
            return usage_error(use);
        } else if (!name)
            name = c->argv[i];
        else
            cmds[n++] = c->argv[i];
    }
    int st = !name || (!all && n == 0) ? usage_error(use)
                                        : link_main(s, name, dir, all, cmds, n, self_path());
    free(cmds);
    return st;
}

static int c_unlink(struct store *s, struct cmdline *c)
{
    const char *name = NULL, *dir = NULL;
    for (int i = 2; i < c->argc; i++) {
        if (strcmp(c->argv[i], "--dir") == 0 && i + 1 < c->argc)
            dir = c->argv[++i];
        else if (!name && c->argv[i][0] != '-')
            name = c->argv[i];
        else
            return usage_error("unlink NAME [--dir DIR]");
    }
    if (!name)
        return usage_error("unlink NAME [--dir DIR]");
    return unlink_main(s, name, dir);
}

static const struct {
    const char *name;
    int (*fn)(struct store *, struct cmdline *);
} commands[] = {
    { "import", c_import }, { "list", c_list },     { "config", c_config },
    { "remove", c_remove }, { "rename", c_rename }, { "export", c_export },
    { "link", c_link },     { "unlink", c_unlink },
};

int subsys_command(int argc, char **argv, char ***nargv, int *nargc)
{
    if (argc < 2)
        return -1;
    bool run = strcmp(argv[1], "run") == 0;
    int (*fn)(struct store *, struct cmdline *) = NULL;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            fn = commands[i].fn;
    if (!fn && !run)
        return -1;
    struct store s;
    int st = store_open(&s);
    if (st)
        return st;
    struct cmdline c = { argc, argv };
    return run ? c_run(&s, &c, nargv, nargc) : fn(&s, &c);
}
