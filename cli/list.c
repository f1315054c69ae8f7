/* lsl2 list [--json]: every subsystem with its personality, the OS and release its
 * userland says it is (/etc/os-release, or FreeBSD's freebsd-version script, read and
 * not run), its size on disk and its path. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <search.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/report.h"
#include "cli/rootfs.h"
#include "cli/subsys.h"

struct osinfo { char os[128], release[128]; };

/* Opens a guest path with the rootfs as "/" (symbolic links cannot leave it). */
static FILE *guest_open(const char *root, const char *path)
{
    char g[PATH_MAX], h[PATH_MAX];
    if (rootfs_resolve(root, "/", path, g, sizeof g) < 0 || rootfs_host_path(root, g, h, sizeof h) < 0)
        return NULL;
    struct stat st;
    if (stat(h, &st) < 0 || !S_ISREG(st.st_mode))
        return NULL;
    return fopen(h, "re");
}

/* KEY=value or KEY="value" lines: copies the value of key into out. */
static bool shell_var(FILE *f, const char *key, char *out, size_t len)
{
    char line[512];
    size_t k = strlen(key);
    bool found = false;
    rewind(f);
    while (fgets(line, sizeof line, f)) {
        char *p = line + strspn(line, " \t");
        if (strncmp(p, key, k) != 0 || p[k] != '=')
            continue;
        p += k + 1;
        p[strcspn(p, "\n")] = '\0';
        size_t n = strlen(p);
        if (n >= 2 && (p[0] == '"' || p[0] == '\'') && p[n - 1] == p[0]) {
            p[n - 1] = '\0';
            p++;
        }
        snprintf(out, len, "%s", p);
        found = true;
    }
    return found;
}

static void read_osinfo(const char *root, struct osinfo *oi)
{
    snprintf(oi->os, sizeof oi->os, "unknown");
    oi->release[0] = '\0';
    FILE *f = guest_open(root, "/etc/os-release");
    if (!f)
        f = guest_open(root, "/usr/lib/os-release");
    if (f) {
        shell_var(f, "NAME", oi->os, sizeof oi->os);
        if (!shell_var(f, "VERSION_ID", oi->release, sizeof oi->release))
            shell_var(f, "VERSION", oi->release, sizeof oi->release);
        fclose(f);
        return;
    }
    /* FreeBSD: /bin/freebsd-version is a sh script holding USERLAND_VERSION="10.2-RELEASE". */
    if ((f = guest_open(root, "/bin/freebsd-version")) != NULL) {
        if (shell_var(f, "USERLAND_VERSION", oi->release, sizeof oi->release))
            snprintf(oi->os, sizeof oi->os, "FreeBSD");
        fclose(f);
    }
}

/* Size on disk: allocated blocks, each inode once. */
static uint64_t du_bytes;
static void *du_seen;
struct inode_key { dev_t dev; ino_t ino; };

static int cmp_inode(const void *a, const void *b)
{
    const struct inode_key *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

static int du_one(const char *p, const struct stat *st, int flag, struct FTW *f)
{
    (void)p; (void)flag; (void)f;
    if (st->st_nlink > 1 && !S_ISDIR(st->st_mode)) {
        struct inode_key *k = malloc(sizeof *k);
        if (!k)
            return 0;
        k->dev = st->st_dev;
        k->ino = st->st_ino;
        void *got = tsearch(k, &du_seen, cmp_inode);
        if (!got || *(struct inode_key **)got != k) {
            free(k);
            return 0;
        }
    }
    du_bytes += (uint64_t)st->st_blocks * 512;
    return 0;
}

static uint64_t disk_usage(const char *root)
{
    du_bytes = 0;
    du_seen = NULL;
    nftw(root, du_one, 64, FTW_PHYS | FTW_MOUNT);
    tdestroy(du_seen, free);
    du_seen = NULL;
    return du_bytes;
}

static void json_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

struct list_ctx { const struct store *s; bool json; int n; };

static int list_one(const char *name, void *arg)
{
    struct list_ctx *c = arg;
    struct ini ini;
    char pers[64], root[PATH_MAX];
    if (store_load(c->s, name, &ini) != 0)
        return 0;
    if (!ini_get(&ini, "personality", pers, sizeof pers) || !pers[0])
        snprintf(pers, sizeof pers, "auto");
    bool have_root = store_rootfs(c->s, name, &ini, root, sizeof root) == 0;
    ini_free(&ini);
    struct osinfo oi = { "unknown", "" };
    uint64_t size = 0;
    struct stat st;
    bool present = have_root && stat(root, &st) == 0 && S_ISDIR(st.st_mode);
    if (present) {
        read_osinfo(root, &oi);
        size = disk_usage(root);
    }
    if (c->json) {
        fprintf(stdout, "%s\n  {\"name\": ", c->n ? "," : "");
        json_str(stdout, name);
        fputs(", \"personality\": ", stdout);
        json_str(stdout, pers);
        fputs(", \"os\": ", stdout);
        json_str(stdout, oi.os);
        fputs(", \"release\": ", stdout);
        json_str(stdout, oi.release);
        fprintf(stdout, ", \"size\": %llu, \"path\": ", (unsigned long long)size);
        json_str(stdout, have_root ? root : "");
        fprintf(stdout, ", \"present\": %s}", present ? "true" : "false");
    } else {
        char os[300], sz[32];
        snprintf(os, sizeof os, "%s %s", oi.os, oi.release);
        double v = (double)size;
        const char *u = "B";
        if (v >= 1024) { v /= 1024; u = "K"; }
        if (v >= 1024) { v /= 1024; u = "M"; }
        if (v >= 1024) { v /= 1024; u = "G"; }
        snprintf(sz, sizeof sz, *u == 'B' ? "%.0f%s" : "%.1f%s", v, u);
        printf("%-16s %-12s %-28s %8s  %s%s\n", name, pers, os, present ? sz : "-",
               have_root ? root : "", present ? "" : " (missing)");
    }
    c->n++;
    return 0;
}

int list_main(const struct store *s, bool json)
{
    struct list_ctx c = { s, json, 0 };
    if (json)
        fputs("[", stdout);
    else
        printf("%-16s %-12s %-28s %8s  %s\n", "NAME", "PERSONALITY", "OS", "SIZE", "PATH");
    int r = store_each(s, list_one, &c);
    if (json)
        fputs(c.n ? "\n]\n" : "]\n", stdout);
    if (r < 0) {
        report_error("list: %s: %s", s->home, strerror(-r));
        return 125;
    }
    return 0;
}
