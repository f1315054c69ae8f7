/* Importing a subsystem.  Every entry goes through the same pipeline, whether it comes
 * from a tarball (archive_read) or a directory (archive_read_disk): our own path
 * checks, then archive_write_disk with libarchive's secure flags as a second guard.
 * The tree is built in a locked temporary directory of the store and renamed into
 * place at the end, so an interrupted import leaves nothing (or, after SIGKILL, a
 * temporary directory that the next store command removes). */
#define _GNU_SOURCE
#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <linux/fs.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "cli/command.h"
#include "cli/import.h"
#include "cli/progress.h"
#include "cli/report.h"

const struct fflag_name import_fflags[] = {
    { "schg", FS_IMMUTABLE_FL }, { "simmutable", FS_IMMUTABLE_FL },
    { "uchg", FS_IMMUTABLE_FL }, { "uimmutable", FS_IMMUTABLE_FL },
    { "sappnd", FS_APPEND_FL },  { "sappend", FS_APPEND_FL },
    { "uappnd", FS_APPEND_FL },  { "uappend", FS_APPEND_FL },
    { "nodump", FS_NODUMP_FL },
    { "sunlnk", 0 }, { "uunlnk", 0 }, { "arch", 0 }, { "opaque", 0 }, { "hidden", 0 },
    { NULL, 0 },
};

unsigned int import_fflags_parse(const char *text)
{
    unsigned int fl = 0;
    while (text && *text) {
        size_t n = strcspn(text, ", \t");
        for (const struct fflag_name *f = import_fflags; f->name; f++)
            if (strlen(f->name) == n && strncmp(f->name, text, n) == 0)
                fl |= f->linux_flag;
        text += n;
        text += strspn(text, ", \t");
    }
    return fl;
}

const char *import_check_path(int dirfd, const char *path, char *out, size_t len,
                              char *why, size_t whylen)
{
    if (path[0] == '/')
        return "absolute path";
    /* Normalise: drop "." components and repeated slashes; refuse "..". */
    size_t o = 0;
    const char *p = path;
    while (*p) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.')
            return "'..' in path";
        if (n > 0 && !(n == 1 && p[0] == '.')) {
            if (o + n + 2 > len)
                return "path too long";
            if (o)
                out[o++] = '/';
            memcpy(out + o, p, n);
            o += n;
        }
        p += n;
        p += strspn(p, "/");
    }
    out[o] = '\0';
    /* Every existing parent must be a real directory: writing through a symbolic
     * link could leave the tree (and through one that stays inside, the entry would
     * not be where the archive says). */
    char *slash = out;
    while ((slash = strchr(slash, '/')) != NULL) {
        *slash = '\0';
        struct stat st;
        int r = fstatat(dirfd, out, &st, AT_SYMLINK_NOFOLLOW);
        if (r == 0 && S_ISLNK(st.st_mode)) {
            char target[PATH_MAX];
            ssize_t k = readlinkat(dirfd, out, target, sizeof target - 1);
            target[k > 0 ? k : 0] = '\0';
            bool outside = target[0] == '/' || strstr(target, "..") != NULL;
            snprintf(why, whylen, "would write through symlink %s -> %s%s", out, target,
                     outside ? " (outside the subsystem)" : "");
            *slash = '/';
            return why;
        }
        *slash = '/';
        if (r < 0)
            break;              /* missing: created as a plain directory */
        slash++;
    }
    return NULL;
}

/* ---- the import itself ---- */

static volatile sig_atomic_t stop_sig;

static void on_signal(int sig)
{
    stop_sig = sig;
}

struct flagfix {
    char        *path;
    unsigned int flags;
};

struct job {
    struct progress prog;
    struct archive *w;
    int             destfd;       /* the new rootfs */
    bool            root;         /* can set owners */
    FILE           *owners;       /* non-root: recorded owners */
    unsigned long   refused, devices, others, failed, flags_lost;
    struct flagfix *fix; size_t nfix;
    const char     *prefix;       /* directory source: strip this from names */
};

static void refuse(struct job *j, const char *path, const char *why)
{
    j->refused++;
    progress_clear(&j->prog);
    if (j->refused <= 200)
        report_error("import: refused %s: %s", path, why);
    else if (j->refused == 201)
        report_error("import: more entries refused (not listed)");
}

/* Writes one line "uid gid path" (path with \ and newline escaped). */
static void record_owner(struct job *j, struct archive_entry *e, const char *path)
{
    if (!j->owners || (archive_entry_uid(e) == 0 && archive_entry_gid(e) == 0))
        return;
    fprintf(j->owners, "%lld %lld ", (long long)archive_entry_uid(e), (long long)archive_entry_gid(e));
    for (const char *c = path; *c; c++) {
        if (*c == '\\' || *c == '\n')
            fputc('\\', j->owners);
        fputc(*c == '\n' ? 'n' : *c, j->owners);
    }
    fputc('\n', j->owners);
}

static int copy_data(struct job *j, struct archive *r, bool from_tar)
{
    const void *buf;
    size_t size;
    la_int64_t off;
    for (;;) {
        if (stop_sig)
            return ARCHIVE_FATAL;
        int st = archive_read_data_block(r, &buf, &size, &off);
        if (st == ARCHIVE_EOF)
            return ARCHIVE_OK;
        if (st < ARCHIVE_WARN) {
            report_error("import: %s", archive_error_string(r));
            return st;
        }
        la_ssize_t w = archive_write_data_block(j->w, buf, size, off);
        if (w < ARCHIVE_WARN) {
            report_error("import: %s", archive_error_string(j->w));
            return (int)w;
        }
        j->prog.bytes += size;
        if (from_tar)
            j->prog.done = (uint64_t)archive_filter_bytes(r, -1);
        else
            j->prog.done += size;
        progress_update(&j->prog);
    }
}

/* One entry: checks, then the write.  Returns ARCHIVE_FATAL to stop the import. */
static int one_entry(struct job *j, struct archive *r, struct archive_entry *e, bool from_tar)
{
    char path[PATH_MAX], link[PATH_MAX], why[PATH_MAX + 64];
    const char *name = archive_entry_pathname(e);
    if (!name)
        return ARCHIVE_OK;
    if (j->prefix) {
        size_t n = strlen(j->prefix);
        if (strncmp(name, j->prefix, n) == 0)
            name += n;
        while (*name == '/')
            name++;
    }
    j->prog.entries++;
    const char *bad = import_check_path(j->destfd, name, path, sizeof path, why, sizeof why);
    if (bad) {
        refuse(j, name, bad);
        return ARCHIVE_OK;
    }
    if (!path[0])
        return ARCHIVE_OK;          /* the archive's "." : the new root itself */
    mode_t type = archive_entry_filetype(e);
    if (type == AE_IFCHR || type == AE_IFBLK) {
        j->devices++;
        return ARCHIVE_OK;
    }
    if (type == AE_IFSOCK) {
        j->others++;
        return ARCHIVE_OK;
    }
    const char *hl = archive_entry_hardlink(e);
    if (hl) {
        if (j->prefix) {
            size_t n = strlen(j->prefix);
            if (strncmp(hl, j->prefix, n) == 0)
                hl += n;
            while (*hl == '/')
                hl++;
        }
        char why2[PATH_MAX + 64];
        const char *hbad = import_check_path(j->destfd, hl, link, sizeof link, why2, sizeof why2);
        if (hbad) {
            snprintf(why, sizeof why, "hard link to %s: %s", hl, hbad);
            refuse(j, name, why);
            return ARCHIVE_OK;
        }
        archive_entry_copy_hardlink(e, link);
    }
    archive_entry_copy_pathname(e, path);
    /* File flags are set after everything is written: an immutable file could not
     * get its hard links or be written into. */
    const char *ftext = archive_entry_fflags_text(e);
    unsigned int ff = ftext ? import_fflags_parse(ftext) : 0;
    archive_entry_set_fflags(e, 0, 0);
    if (!j->root)
        record_owner(j, e, path);

    int st = archive_write_header(j->w, e);
    if (st < ARCHIVE_WARN) {
        progress_clear(&j->prog);
        report_error("import: %s: %s", path, archive_error_string(j->w));
        if (st == ARCHIVE_FATAL)
            return st;
        j->failed++;
        return ARCHIVE_OK;
    }
    if (archive_entry_size(e) > 0 && (st = copy_data(j, r, from_tar)) < ARCHIVE_WARN) {
        if (st == ARCHIVE_FATAL || stop_sig)
            return ARCHIVE_FATAL;
        j->failed++;
    }
    if (archive_write_finish_entry(j->w) < ARCHIVE_WARN) {
        progress_clear(&j->prog);
        report_error("import: %s: %s", path, archive_error_string(j->w));
        j->failed++;
    }
    if (ff) {
        struct flagfix *nf = realloc(j->fix, (j->nfix + 1) * sizeof *nf);
        if (nf && (nf[j->nfix].path = strdup(path)) != NULL) {
            nf[j->nfix++].flags = ff;
        }
        if (nf)
            j->fix = nf;
    }
    if (from_tar)
        j->prog.done = (uint64_t)archive_filter_bytes(r, -1);
    progress_update(&j->prog);
    return ARCHIVE_OK;
}

static void apply_flags(struct job *j)
{
    for (size_t i = 0; i < j->nfix; i++) {
        int fd = openat(j->destfd, j->fix[i].path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        int fl = 0;
        if (fd < 0 || ioctl(fd, FS_IOC_GETFLAGS, &fl) < 0 ||
            (fl |= (int)j->fix[i].flags, ioctl(fd, FS_IOC_SETFLAGS, &fl) < 0))
            j->flags_lost++;
        if (fd >= 0)
            close(fd);
        free(j->fix[i].path);
    }
    free(j->fix);
    j->fix = NULL;
    j->nfix = 0;
}

static int from_tarball(struct job *j, const char *source)
{
    struct archive *r = archive_read_new();
    archive_read_support_format_tar(r);
    archive_read_support_format_gnutar(r);
    archive_read_support_filter_gzip(r);
    archive_read_support_filter_xz(r);
    archive_read_support_filter_lzma(r);
    archive_read_support_filter_bzip2(r);
    archive_read_support_filter_zstd(r);
    int st = archive_read_open_filename(r, source, 1 << 16);
    if (st != ARCHIVE_OK) {
        report_error("import: %s: %s", source, archive_error_string(r));
        archive_read_free(r);
        return -1;
    }
    struct archive_entry *e;
    int rc = 0;
    while (!stop_sig && (st = archive_read_next_header(r, &e)) != ARCHIVE_EOF) {
        if (st < ARCHIVE_WARN) {
            progress_clear(&j->prog);
            report_error("import: %s: %s", source, archive_error_string(r));
            rc = -1;
            break;
        }
        if (one_entry(j, r, e, true) == ARCHIVE_FATAL) {
            rc = -1;
            break;
        }
    }
    if (j->prog.entries == 0 && rc == 0) {
        report_error("import: %s: no entries", source);
        rc = -1;
    }
    archive_read_free(r);
    return stop_sig ? -1 : rc;
}

static uint64_t tree_bytes;
static int add_size(const char *p, const struct stat *st, int flag, struct FTW *f)
{
    (void)p; (void)flag; (void)f;
    if (S_ISREG(st->st_mode))
        tree_bytes += (uint64_t)st->st_size;
    return stop_sig != 0;
}

static int from_directory(struct job *j, const char *source)
{
    tree_bytes = 0;
    nftw(source, add_size, 64, FTW_PHYS | FTW_MOUNT);
    j->prog.total = tree_bytes;
    struct archive *r = archive_read_disk_new();
    archive_read_disk_set_symlink_physical(r);
    archive_read_disk_set_behavior(r, ARCHIVE_READDISK_NO_TRAVERSE_MOUNTS);
    struct archive_entry_linkresolver *lr = archive_entry_linkresolver_new();
    archive_entry_linkresolver_set_strategy(lr, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED);
    int rc = 0;
    if (archive_read_disk_open(r, source) != ARCHIVE_OK) {
        report_error("import: %s: %s", source, archive_error_string(r));
        rc = -1;
    }
    j->prefix = source;
    struct archive_entry *e = archive_entry_new();
    while (rc == 0 && !stop_sig) {
        archive_entry_clear(e);
        int st = archive_read_next_header2(r, e);
        if (st == ARCHIVE_EOF)
            break;
        if (st < ARCHIVE_WARN) {
            progress_clear(&j->prog);
            report_error("import: %s", archive_error_string(r));
            if (st == ARCHIVE_FATAL)
                rc = -1;
            continue;
        }
        archive_read_disk_descend(r);
        struct archive_entry *le = e, *spare = NULL;
        archive_entry_linkify(lr, &le, &spare);
        if (le && one_entry(j, r, le, false) == ARCHIVE_FATAL)
            rc = -1;
    }
    archive_entry_free(e);
    archive_entry_linkresolver_free(lr);
    archive_read_free(r);
    return stop_sig ? -1 : rc;
}

/* The personality of a new subsystem, from the brand of its /bin/sh. */
static const char *guess_personality(const char *rootfs)
{
    static struct command c;
    char err[256];
    if (command_find(rootfs, "/", "/bin:/usr/bin", "/bin/sh", &c, err, sizeof err) == 0)
        return c.brand == BRAND_FREEBSD ? "freebsd" : "linux";
    return "auto";
}

static int write_config(const char *dir, const char *name, const char *path,
                        const char *pers, bool root)
{
    char p[PATH_MAX + 16];
    struct ini ini = { 0 };
    snprintf(p, sizeof p, "%s/config.ini", dir);
    char head[128];
    snprintf(head, sizeof head, "# lsl2 subsystem %s (edit by hand or with lsl2 config)", name);
    int r = ini_parse(&ini, head);
    if (r == 0) r = ini_add(&ini, "path", path);
    if (r == 0) r = ini_add(&ini, "personality", pers);
    /* Not root: files are the caller's; the guest sees them as root's through
     * the user namespace (-r); the archive's owners are in the file "owners". */
    if (r == 0) r = ini_add(&ini, "user", root ? "" : "root");
    if (r == 0) r = ini_add(&ini, "env.PATH", "");
    if (r == 0) r = ini_add(&ini, "network", "on");
    if (r == 0) r = ini_save(&ini, p);
    ini_free(&ini);
    return r;
}

/* rename(2) that never replaces an existing (empty) directory. */
static int rename_noreplace(const char *from, const char *to)
{
    if (syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, 1 /* RENAME_NOREPLACE */) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS)
        return -errno;
    struct stat st;
    if (lstat(to, &st) == 0)
        return -EEXIST;
    return rename(from, to) < 0 ? -errno : 0;
}

int import_run(const struct store *s, const char *name, const char *source, bool in_place,
               const char *personality)
{
    char src[PATH_MAX], final[PATH_MAX], rootfs[PATH_MAX + 16], what[128];
    struct stat st;
    if (!store_check_name(name))
        return 125;
    if (store_exists(s, name) || (store_dir(s, name, final, sizeof final) == 0 && lstat(final, &st) == 0)) {
        report_error("import: subsystem '%s' already exists (lsl2 remove %s first)", name, name);
        return 125;
    }
    if (stat(source, &st) < 0 || !realpath(source, src)) {
        report_error("import: %s: %s", source, strerror(errno));
        return 125;
    }
    bool is_dir = S_ISDIR(st.st_mode);
    if (in_place && !is_dir) {
        report_error("import: --in-place needs a directory, and %s is not one", source);
        return 125;
    }
    if (!is_dir && !S_ISREG(st.st_mode)) {
        report_error("import: %s: not a tarball or a directory", source);
        return 125;
    }
    size_t hl = strlen(s->home);
    if (is_dir && strncmp(src, s->home, hl) == 0 && (src[hl] == '/' || src[hl] == '\0')) {
        report_error("import: %s is inside the store %s", src, s->home);
        return 125;
    }

    struct store_tmp t;
    int r = store_tmp_create(s, "import", name, &t);
    if (r < 0) {
        report_error("import: temporary directory in %s: %s", s->home, strerror(-r));
        return 125;
    }
    struct sigaction sa, old[3];
    static const int sigs[3] = { SIGINT, SIGTERM, SIGHUP };
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    stop_sig = 0;
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &sa, &old[i]);

    int status = 125;
    struct job j;
    memset(&j, 0, sizeof j);
    j.destfd = -1;
    int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    snprintf(rootfs, sizeof rootfs, "%s/rootfs", t.dir);
    const char *pers = personality;
    if (in_place) {
        if (!pers)
            pers = guess_personality(src);
        if ((r = write_config(t.dir, name, src, pers, geteuid() == 0)) < 0) {
            report_error("import: writing the config: %s", strerror(-r));
            goto out;
        }
        goto commit;
    }
    if (mkdir(rootfs, 0755) < 0 || (j.destfd = open(rootfs, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
        fchdir(j.destfd) < 0) {
        report_error("import: %s: %s", rootfs, strerror(errno));
        goto out;
    }
    j.root = geteuid() == 0;
    if (!j.root) {
        char op[PATH_MAX + 16];
        snprintf(op, sizeof op, "%s/owners", t.dir);
        j.owners = fopen(op, "we");
        if (j.owners)
            fputs("# uid gid path: owners in the source, presented as the caller's (root with -r)\n", j.owners);
    }
    snprintf(what, sizeof what, "import %s", name);
    progress_start(&j.prog, what, is_dir ? 0 : (uint64_t)st.st_size);
    j.w = archive_write_disk_new();
    int flags = ARCHIVE_EXTRACT_PERM | ARCHIVE_EXTRACT_TIME | ARCHIVE_EXTRACT_ACL |
                ARCHIVE_EXTRACT_XATTR | ARCHIVE_EXTRACT_SECURE_NODOTDOT |
                ARCHIVE_EXTRACT_SECURE_SYMLINKS | ARCHIVE_EXTRACT_SECURE_NOABSOLUTEPATHS;
    if (j.root)
        flags |= ARCHIVE_EXTRACT_OWNER;
    archive_write_disk_set_options(j.w, flags);
    r = is_dir ? from_directory(&j, src) : from_tarball(&j, src);
    if (r == 0 && archive_write_close(j.w) != ARCHIVE_OK) {
        report_error("import: %s", archive_error_string(j.w));
        r = -1;
    }
    if (j.owners && fclose(j.owners) != 0)
        r = -1;
    j.owners = NULL;
    if (r < 0 || stop_sig)
        goto out;
    apply_flags(&j);
    if (fchmod(j.destfd, 0755) < 0) { /* the archive's "." may have been odd */ }
    if (cwd >= 0 && fchdir(cwd) < 0) { /* cwd gone: nothing below depends on it */ }
    if (!pers)
        pers = guess_personality(rootfs);
    if ((r = write_config(t.dir, name, "rootfs", pers, j.root)) < 0) {
        report_error("import: writing the config: %s", strerror(-r));
        goto out;
    }
commit:
    if (stop_sig)
        goto out;
    if ((r = rename_noreplace(t.dir, final)) < 0) {
        report_error("import: %s: %s", final, r == -EEXIST || r == -ENOTEMPTY ?
                     "a subsystem of that name appeared meanwhile" : strerror(-r));
        goto out;
    }
    store_tmp_release(&t);
    status = 0;
    if (in_place) {
        fprintf(stderr, "lsl2: import %s: registered %s in place (personality %s)\n", name, src, pers);
    } else {
        char sum[256];
        int n = snprintf(sum, sizeof sum, "personality %s", pers);
        if (j.refused) n += snprintf(sum + n, sizeof sum - (size_t)n, ", %lu refused", j.refused);
        if (j.devices) n += snprintf(sum + n, sizeof sum - (size_t)n, ", %lu device nodes skipped", j.devices);
        if (j.others) n += snprintf(sum + n, sizeof sum - (size_t)n, ", %lu sockets skipped", j.others);
        if (j.failed) n += snprintf(sum + n, sizeof sum - (size_t)n, ", %lu failed", j.failed);
        if (j.flags_lost) snprintf(sum + n, sizeof sum - (size_t)n, ", %lu file flags not kept", j.flags_lost);
        progress_finish(&j.prog, sum);
    }
out:
    if (j.owners)
        fclose(j.owners);
    if (j.w)
        archive_write_free(j.w);
    for (size_t i = 0; i < j.nfix; i++)
        free(j.fix[i].path);
    free(j.fix);
    if (cwd >= 0) {
        if (fchdir(cwd) < 0) { /* see above */ }
        close(cwd);
    }
    if (j.destfd >= 0)
        close(j.destfd);
    if (status != 0) {
        progress_clear(&j.prog);
        store_tmp_discard(&t);
        if (stop_sig)
            report_error("import %s: interrupted by signal %d; nothing was kept", name, (int)stop_sig);
        else
            report_error("import %s failed; nothing was kept", name);
    }
    for (int i = 0; i < 3; i++)
        sigaction(sigs[i], &old[i], NULL);
    if (stop_sig) {
        int sig = stop_sig;
        stop_sig = 0;
        return 128 + sig;
    }
    return status;
}
