/* statfs, fstatfs, getfsstat in both FreeBSD layouts, emulated whole.  The
 * numbers come from Linux statfs (f_flags already holds the mount's ST_*
 * flags, which abi maps to MNT_*); the names from the guest's mountinfo, found
 * by the mount id that statx reports (STATX_MNT_ID): mount points are shown
 * relative to the guest's root, and only mounts inside it exist, as in a jail.
 * The mount that holds the guest's root is "/" with MNT_ROOTFS. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include "abi/freebsd/statfs.h"
#include "personalities/freebsd/freebsd.h"
#include "tracer/tracee.h"

/* Linux struct statx's stx_mnt_id (Linux 5.8), unnamed in this glibc's header. */
#define STATX_MNT_ID_OFF 144
#ifndef STATX_MNT_ID
#define STATX_MNT_ID 0x1000U
#endif

/* The FreeBSD view of one file system, before it is put in either layout. */
struct fsview {
    struct statfs lin;
    char mntfrom[PATH_MAX];
    char mnton[PATH_MAX];
    bool rootfs;
    bool devfs;     /* devtmpfs: the tmpfs magic, but FreeBSD's /dev is devfs */
};

static void set_mount(struct fsview *v, const struct fbsd_mount *mt)
{
    snprintf(v->mnton, sizeof v->mnton, "%s", mt->mnton);
    snprintf(v->mntfrom, sizeof v->mntfrom, "%s", mt->mntfrom);
    v->rootfs = strcmp(mt->mnton, "/") == 0;
    v->devfs = strcmp(mt->fstype, "devtmpfs") == 0;
}

static void fill_names(struct tracee *t, const struct fbsd_mounts *m, int mnt_id,
                       struct fsview *v)
{
    const struct fbsd_mount *mt = fbsd_mounts_find(m, mnt_id);
    if (mt) {
        set_mount(v, mt);
        return;
    }
    /* Not listed: the file system that holds the guest's root directory. */
    snprintf(v->mnton, sizeof v->mnton, "/");
    if (fbsd_root_source(t, v->mntfrom, sizeof v->mntfrom) < 0)
        snprintf(v->mntfrom, sizeof v->mntfrom, "%s",
                 fbsd_fstypename_from_magic((uint64_t)v->lin.f_type, NULL));
    v->rootfs = true;
}

/* Copies one view out in the wanted layout to guest address at. */
static int put_view(struct tracee *t, uint64_t at, const struct fsview *v, bool old)
{
    if (old) {
        struct fbsd_freebsd11_statfs o;
        fbsd_freebsd11_statfs_from_linux(&o, &v->lin, v->mntfrom, v->mnton);
        if (v->rootfs)
            o.f_flags |= FBSD_MNT_ROOTFS;
        if (v->devfs)
            snprintf(o.f_fstypename, sizeof o.f_fstypename, "devfs");
        return guest_write(t, at, &o, sizeof o) < 0 ? -EFAULT : 0;
    }
    struct fbsd_statfs *n = malloc(sizeof *n);
    if (!n)
        return -ENOMEM;
    fbsd_statfs_from_linux(n, &v->lin, v->mntfrom, v->mnton);
    if (v->rootfs)
        n->f_flags |= FBSD_MNT_ROOTFS;
    if (v->devfs)
        snprintf(n->f_fstypename, sizeof n->f_fstypename, "devfs");
    int r = guest_write(t, at, n, sizeof *n) < 0 ? -EFAULT : 0;
    free(n);
    return r;
}

/* Fills lin (fstatfs) and *mnt_id (statx) for a tracer-side descriptor. */
static int fd_facts(int fd, struct statfs *lin, int *mnt_id)
{
    struct statx x;
    if (fstatfs(fd, lin) < 0)
        return -errno;
    if (statx(fd, "", AT_EMPTY_PATH, STATX_MNT_ID, &x) < 0)
        return -errno;
    uint64_t id;
    memcpy(&id, (const char *)&x + STATX_MNT_ID_OFF, sizeof id);
    *mnt_id = (x.stx_mask & STATX_MNT_ID) ? (int)id : -1;
    return 0;
}

static int finish(struct tracee *t, struct sysc *sc, struct fsview *v, int mnt_id,
                  uint64_t out, bool old)
{
    struct fbsd_mounts m;
    int r = fbsd_mounts_read(t, &m);
    if (r < 0)
        return sc->ret = r;
    fill_names(t, &m, mnt_id, v);
    fbsd_mounts_free(&m);
    return sc->ret = put_view(t, out, v, old);
}

/* statfs(path): the path is resolved inside the guest (its root, its cwd),
 * by statx for the mount id and statfs for the numbers, both run there. */
static enum sys_action do_statfs(struct tracee *t, struct sysc *sc, bool old)
{
    uint64_t sx = guest_scratch(t, sizeof(struct statx));
    uint64_t sf = guest_scratch(t, sizeof(struct statfs));
    if (!sx || !sf) {
        sc->ret = -ENOMEM;
        return SYS_DONE;
    }
    uint64_t a1[6] = { (uint64_t)(int64_t)AT_FDCWD, sc->args[0], 0, STATX_MNT_ID, sx, 0 };
    long r = guest_syscall(t, __NR_statx, a1);
    if (r < 0) {
        sc->ret = r;
        return SYS_DONE;
    }
    uint64_t a2[6] = { sc->args[0], sf, 0, 0, 0, 0 };
    if ((r = guest_syscall(t, __NR_statfs, a2)) < 0) {
        sc->ret = r;
        return SYS_DONE;
    }
    struct fsview *v = calloc(1, sizeof *v);
    uint64_t id = 0;
    if (!v) {
        sc->ret = -ENOMEM;
        return SYS_DONE;
    }
    if (guest_read(t, sf, &v->lin, sizeof v->lin) < 0 ||
        guest_read(t, sx + STATX_MNT_ID_OFF, &id, sizeof id) < 0)
        sc->ret = -EFAULT;
    else
        finish(t, sc, v, (int)id, sc->args[1], old);
    free(v);
    return SYS_DONE;
}

/* Pipes, sockets and anonymous inodes (kqueue-like descriptors) are not files
 * of a mounted file system: FreeBSD's fstatfs answers EINVAL for them. */
static bool no_vnode(long f_type)
{
    static const uint32_t magics[] = { 0x50495045 /* pipefs */, 0x534F434B /* sockfs */,
                                       0x09041934 /* anon_inodefs */ };
    for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
        if ((uint32_t)f_type == magics[i])
            return true;
    return false;
}

static enum sys_action do_fstatfs(struct tracee *t, struct sysc *sc, bool old)
{
    int fd = fbsd_borrow_fd(t, (int)sc->args[0]);
    if (fd < 0) {
        sc->ret = fd;
        return SYS_DONE;
    }
    struct fsview *v = calloc(1, sizeof *v);
    int id = -1;
    if (!v)
        sc->ret = -ENOMEM;
    else if ((sc->ret = fd_facts(fd, &v->lin, &id)) == 0 && no_vnode(v->lin.f_type))
        sc->ret = -EINVAL;
    else if (sc->ret == 0)
        finish(t, sc, v, id, sc->args[1], old);
    close(fd);
    free(v);
    return SYS_DONE;
}

/* A guest mount point, opened from the tracer inside the guest's root (never
 * leaving it, whatever the path holds). */
static int open_in_root(int rootfd, const char *path)
{
    struct open_how how = {
        .flags = O_PATH | O_CLOEXEC,
        .resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
    };
    return (int)syscall(SYS_openat2, rootfd, path, &how, sizeof how);
}

/* getfsstat(buf, bufsize, mode): the root's file system first, as FreeBSD's
 * mount list starts with it, then every mount the guest's mountinfo lists.
 * MNT_NOWAIT would allow cached numbers: fresh ones are given in both modes. */
static enum sys_action do_getfsstat(struct tracee *t, struct sysc *sc, bool old)
{
    uint64_t buf = sc->args[0];
    int64_t bufsize = (int64_t)sc->args[1];
    int mode = (int)sc->args[2];
    size_t recsize = old ? sizeof(struct fbsd_freebsd11_statfs) : sizeof(struct fbsd_statfs);

    if (mode != FBSD_MNT_WAIT && mode != FBSD_MNT_NOWAIT) {
        sc->ret = -EINVAL;
        return SYS_DONE;
    }
    size_t max = buf && bufsize > 0 ? (size_t)bufsize / recsize : 0;
    struct fbsd_mounts m;
    int r = fbsd_mounts_read(t, &m);
    if (r < 0) {
        sc->ret = r;
        return SYS_DONE;
    }
    const struct fbsd_mount *listed_root = fbsd_mounts_root(&m);
    size_t total = m.n + (listed_root ? 0 : 1), count = 0;
    int rootfd = -1;
    struct fsview *v = NULL;
    if (max) {
        rootfd = procfs_open(t->tid, "root", O_PATH | O_DIRECTORY);
        v = calloc(1, sizeof *v);
        if (rootfd < 0 || !v) {
            sc->ret = rootfd < 0 ? -errno : -ENOMEM;
            goto out;
        }
    }
    for (size_t i = 0; i < total && count < max; i++) {
        /* index 0 is the root's file system when mountinfo does not list it */
        const struct fbsd_mount *mt = listed_root ? &m.v[i] : i ? &m.v[i - 1] : NULL;
        int fd = mt ? open_in_root(rootfd, mt->mnton) : dup(rootfd);
        int id;
        if (fd < 0)
            continue;   /* gone since mountinfo was read, or not reachable */
        memset(v, 0, sizeof *v);
        r = fd_facts(fd, &v->lin, &id);
        close(fd);
        if (r < 0)
            continue;
        if (mt) {
            set_mount(v, mt);
        } else {
            fill_names(t, &m, -1, v);
        }
        if ((r = put_view(t, buf + count * recsize, v, old)) < 0) {
            sc->ret = r;
            goto out;
        }
        count++;
    }
    sc->ret = (long)(max ? count : total);
out:
    if (rootfd >= 0)
        close(rootfd);
    free(v);
    fbsd_mounts_free(&m);
    return SYS_DONE;
}

enum sys_action fbsd_sys_statfs(struct tracee *t, struct sysc *sc) { return do_statfs(t, sc, false); }
enum sys_action fbsd_sys_freebsd11_statfs(struct tracee *t, struct sysc *sc) { return do_statfs(t, sc, true); }
enum sys_action fbsd_sys_fstatfs(struct tracee *t, struct sysc *sc) { return do_fstatfs(t, sc, false); }
enum sys_action fbsd_sys_freebsd11_fstatfs(struct tracee *t, struct sysc *sc) { return do_fstatfs(t, sc, true); }
enum sys_action fbsd_sys_getfsstat(struct tracee *t, struct sysc *sc) { return do_getfsstat(t, sc, false); }
enum sys_action fbsd_sys_freebsd11_getfsstat(struct tracee *t, struct sysc *sc) { return do_getfsstat(t, sc, true); }
