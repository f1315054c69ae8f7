/* lsl2 export NAME FILE: the subsystem's rootfs as a tarball, compressed as FILE's
 * name says; written to a temporary name beside FILE and renamed when complete. */
#define _GNU_SOURCE
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/import.h"
#include "cli/progress.h"
#include "cli/report.h"
#include "cli/subsys.h"

/* File name endings and the compression each asks for. */
static const struct {
    const char *suffix;
    int (*add)(struct archive *);
} filters[] = {
    { ".tar.gz", archive_write_add_filter_gzip },  { ".tgz", archive_write_add_filter_gzip },
    { ".tar.xz", archive_write_add_filter_xz },    { ".txz", archive_write_add_filter_xz },
    { ".tar.bz2", archive_write_add_filter_bzip2 }, { ".tbz2", archive_write_add_filter_bzip2 },
    { ".tbz", archive_write_add_filter_bzip2 },
    { ".tar.zst", archive_write_add_filter_zstd }, { ".tzst", archive_write_add_filter_zstd },
    { ".tar", archive_write_add_filter_none },
};

static bool ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Owners recorded by a non-root import ("uid gid path", escaped). */
struct owner { char *path; long long uid, gid; };
struct owners { struct owner *v; size_t n; };

static int cmp_owner(const void *a, const void *b)
{
    return strcmp(((const struct owner *)a)->path, ((const struct owner *)b)->path);
}

static void owners_load(struct owners *o, const char *file)
{
    FILE *f = fopen(file, "re");
    char *line = NULL;
    size_t cap = 0;
    o->v = NULL;
    o->n = 0;
    while (f && getline(&line, &cap, f) > 0) {
        long long u, g;
        int off = 0;
        if (line[0] == '#' || sscanf(line, "%lld %lld %n", &u, &g, &off) < 2 || off == 0)
            continue;
        char *p = line + off, *q = p;
        for (char *c = p; *c && *c != '\n'; c++)
            *q++ = (*c == '\\' && c[1]) ? (++c, *c == 'n' ? '\n' : *c) : *c;
        *q = '\0';
        struct owner *nv = realloc(o->v, (o->n + 1) * sizeof *nv);
        if (!nv)
            break;
        o->v = nv;
        if (!(nv[o->n].path = strdup(p)))
            break;
        nv[o->n].uid = u;
        nv[o->n].gid = g;
        o->n++;
    }
    free(line);
    if (f)
        fclose(f);
    qsort(o->v, o->n, sizeof *o->v, cmp_owner);
}

static void owners_free(struct owners *o)
{
    for (size_t i = 0; i < o->n; i++)
        free(o->v[i].path);
    free(o->v);
}

static volatile sig_atomic_t stop_sig;
static void on_signal(int sig) { stop_sig = sig; }

/* Linux inode flags back into FreeBSD-style names (the ones import reads). */
static void set_fflags(struct archive_entry *e, const char *path, mode_t type)
{
    if (!S_ISREG(type) && !S_ISDIR(type))
        return;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    int fl = 0;
    archive_entry_set_fflags(e, 0, 0);
    if (fd >= 0 && ioctl(fd, FS_IOC_GETFLAGS, &fl) == 0) {
        char text[64] = "";
        if (fl & FS_IMMUTABLE_FL) strcat(text, ",schg");
        if (fl & FS_APPEND_FL)    strcat(text, ",sappnd");
        if (fl & FS_NODUMP_FL)    strcat(text, ",nodump");
        if (text[0])
            archive_entry_copy_fflags_text(e, text + 1);
    }
    if (fd >= 0)
        close(fd);
}

static int write_tree(struct archive *w, const char *rootfs, struct owners *own,
                      struct progress *prog)
{
    struct archive *r = archive_read_disk_new();
    archive_read_disk_set_symlink_physical(r);
    archive_read_disk_set_behavior(r, ARCHIVE_READDISK_NO_TRAVERSE_MOUNTS |
                                      ARCHIVE_READDISK_NO_FFLAGS);
    struct archive_entry_linkresolver *lr = archive_entry_linkresolver_new();
    archive_entry_linkresolver_set_strategy(lr, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED);
    int rc = 0;
    if (archive_read_disk_open(r, rootfs) != ARCHIVE_OK) {
        report_error("export: %s: %s", rootfs, archive_error_string(r));
        rc = -1;
    }
    size_t plen = strlen(rootfs);
    struct archive_entry *e = archive_entry_new();
    while (rc == 0 && !stop_sig) {
        archive_entry_clear(e);
        int st = archive_read_next_header2(r, e);
        if (st == ARCHIVE_EOF)
            break;
        if (st < ARCHIVE_WARN) {
            report_error("export: %s", archive_error_string(r));
            if (st == ARCHIVE_FATAL)
                rc = -1;
            continue;
        }
        archive_read_disk_descend(r);
        char host[PATH_MAX], rel[PATH_MAX + 2];
        snprintf(host, sizeof host, "%s", archive_entry_pathname(e));
        const char *sub = host + (strncmp(host, rootfs, plen) == 0 ? plen : 0);
        while (*sub == '/')
            sub++;
        snprintf(rel, sizeof rel, "./%s", sub);
        if (!*sub)
            snprintf(rel, sizeof rel, ".");
        set_fflags(e, host, archive_entry_filetype(e));
        archive_entry_copy_pathname(e, rel);
        archive_entry_set_uname(e, NULL);
        archive_entry_set_gname(e, NULL);
        if (own) {
            struct owner key = { .path = (char *)sub }, *o;
            o = own->n ? bsearch(&key, own->v, own->n, sizeof key, cmp_owner) : NULL;
            archive_entry_set_uid(e, o ? o->uid : 0);
            archive_entry_set_gid(e, o ? o->gid : 0);
        }
        struct archive_entry *le = e, *spare = NULL;
        archive_entry_linkify(lr, &le, &spare);
        if (!le)
            continue;
        if (archive_entry_hardlink(le)) {
            /* linkify gives the first name as read from disk: make it relative too. */
            const char *h = archive_entry_hardlink(le);
            char hrel[PATH_MAX + 2];
            if (strncmp(h, rootfs, plen) == 0) {
                h += plen;
                while (*h == '/')
                    h++;
                snprintf(hrel, sizeof hrel, "./%s", h);
                archive_entry_copy_hardlink(le, hrel);
            }
        }
        if (archive_write_header(w, le) < ARCHIVE_WARN) {
            report_error("export: %s: %s", rel, archive_error_string(w));
            rc = -1;
            break;
        }
        prog->entries++;
        if (archive_entry_size(le) > 0) {
            const void *buf;
            size_t size;
            la_int64_t off;
            while ((st = archive_read_data_block(r, &buf, &size, &off)) == ARCHIVE_OK) {
                if (archive_write_data(w, buf, size) < 0) {
                    report_error("export: %s", archive_error_string(w));
                    rc = -1;
                    break;
                }
                prog->bytes += size;
                prog->done += size;
                progress_update(prog);
                if (stop_sig)
                    break;
            }
            if (st < ARCHIVE_WARN) {
                report_error("export: %s: %s", rel, archive_error_string(r));
                rc = -1;
            }
        }
        progress_update(prog);
    }
    archive_entry_free(e);
    archive_entry_linkresolver_free(lr);
    archive_read_free(r);
    return stop_sig ? -1 : rc;
}

int export_run(const struct store *s, const char *name, const char *file)
{
    struct ini ini;
    char rootfs[PATH_MAX], real[PATH_MAX], tmp[PATH_MAX + 32], dir[PATH_MAX], what[128];
    int st = store_load(s, name, &ini);
    if (st)
        return st;
    int r = store_rootfs(s, name, &ini, rootfs, sizeof rootfs);
    ini_free(&ini);
    if (r < 0 || !realpath(rootfs, real)) {
        report_error("export: subsystem %s has no usable path (%s)", name, rootfs);
        return 125;
    }
    int (*add)(struct archive *) = NULL;
    for (size_t i = 0; i < sizeof filters / sizeof filters[0] && !add; i++)
        if (ends_with(file, filters[i].suffix))
            add = filters[i].add;
    if (!add) {
        report_error("export: %s: name the file .tar, .tar.gz/.tgz, .tar.xz/.txz, "
                     ".tar.bz2 or .tar.zst", file);
        return 125;
    }
    snprintf(tmp, sizeof tmp, "%s.partial-%d", file, (int)getpid());
    struct archive *w = archive_write_new();
    archive_write_set_format_pax_restricted(w);
    if (add(w) != ARCHIVE_OK || archive_write_open_filename(w, tmp) != ARCHIVE_OK) {
        report_error("export: %s: %s", file, archive_error_string(w));
        archive_write_free(w);
        unlink(tmp);
        return 125;
    }
    struct owners own = { 0 };
    bool have_owners = false;
    if (store_dir(s, name, dir, sizeof dir) == 0) {
        char op[PATH_MAX + 16];
        struct stat sb;
        snprintf(op, sizeof op, "%s/owners", dir);
        if (stat(op, &sb) == 0) {
            owners_load(&own, op);
            have_owners = true;
        }
    }
    struct sigaction sa, old[3];
    static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    stop_sig = 0;
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &sa, &old[i]);
    struct progress prog;
    snprintf(what, sizeof what, "export %s", name);
    progress_start(&prog, what, 0);
    r = write_tree(w, real, have_owners ? &own : NULL, &prog);
    if (archive_write_close(w) != ARCHIVE_OK && r == 0) {
        report_error("export: %s: %s", file, archive_error_string(w));
        r = -1;
    }
    archive_write_free(w);
    owners_free(&own);
    if (r == 0 && rename(tmp, file) < 0) {
        report_error("export: %s: %s", file, strerror(errno));
        r = -1;
    }
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &old[i], NULL);
    if (r < 0) {
        progress_clear(&prog);
        unlink(tmp);
        return stop_sig ? 128 + stop_sig : 125;
    }
    progress_finish(&prog, file);
    return 0;
}
