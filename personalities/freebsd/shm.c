/* POSIX shared memory objects: shm_open2 (#571), freebsd12_shm_open (#482, the
 * 10.x-12.x shm_open), shm_unlink, shm_rename.  FreeBSD's libc also builds
 * memfd_create on shm_open2(SHM_ANON, ..., SHM_ALLOW_SEALING, "memfd:NAME").
 *
 * Every object is a Linux memfd.  An anonymous one is simply created in the
 * guest.  A named one is registered in a table of the supervisor under its
 * path (FreeBSD's shm names are not file-system paths either): the supervisor
 * keeps its own descriptor of the memfd, so the object outlives the process
 * that made it, and a later shm_open of the name in any guest process of this
 * run gets a fresh descriptor of the same memfd: the supervisor reopens it with
 * the wanted access mode and hands it over through a socket pair made in the
 * guest (SCM_RIGHTS).  This needs no /dev/shm in the guest's root.  Limits: the
 * names last until shm_unlink or the end of the lsl2 run (not across runs), and
 * the permission check compares the guest's effective ids with the object's
 * owner and mode only (no supplementary groups). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include "personalities/freebsd/ipc.h"
#include "personalities/freebsd/fsinfo.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/ipc.h"
#include "tracer/tracee.h"

#define FBSD_MAXPATHLEN 1024
#define MEMFD_PREFIX "memfd:"
#define LINUX_MEMFD_NAME_MAX 249

struct shm_obj {
    char    *name;
    int      fd;            /* the supervisor's descriptor of the memfd */
    uint32_t shmflags;      /* as created (SHM_ALLOW_SEALING...) */
    struct shm_obj *next;
};
static struct shm_obj *objs;

static struct shm_obj *lookup(const char *name)
{
    for (struct shm_obj *o = objs; o; o = o->next)
        if (strcmp(o->name, name) == 0)
            return o;
    return NULL;
}

static void drop(struct shm_obj *victim)
{
    for (struct shm_obj **p = &objs; *p; p = &(*p)->next)
        if (*p == victim) {
            *p = victim->next;
            close(victim->fd);
            free(victim->name);
            free(victim);
            return;
        }
}

static long gcall(struct tracee *t, long nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
    uint64_t a[6] = { a0, a1, a2 };
    return guest_syscall(t, nr, a);
}

static void gclose(struct tracee *t, long fd)
{
    gcall(t, __NR_close, (uint64_t)fd, 0, 0);
}

/* The guest's effective ids and umask, from /proc/TID/status (ids as the
 * supervisor sees them, like the owner of the memfd it fstats). */
struct guest_cred { unsigned uid, gid, umask; };

static int guest_cred(struct tracee *t, struct guest_cred *c)
{
    char buf[4096];
    int fd = procfs_open(t->tid, "status", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -EIO;
    buf[n] = '\0';
    unsigned r;
    const char *u = strstr(buf, "\nUid:"), *g = strstr(buf, "\nGid:"), *m = strstr(buf, "\nUmask:");
    if (!u || !g || sscanf(u, "\nUid: %u %u", &r, &c->uid) != 2 ||
        sscanf(g, "\nGid: %u %u", &r, &c->gid) != 2)
        return -EIO;
    c->umask = 022;
    if (m)
        sscanf(m, "\nUmask: %o", &c->umask);
    return 0;
}

/* FreeBSD's shm_access: the owner's, group's or others' bits; root passes. */
static long may_access(struct tracee *t, int fd, bool rd, bool wr)
{
    struct guest_cred c;
    struct stat st;
    long r = guest_cred(t, &c);
    if (r < 0)
        return r;
    if (fstat(fd, &st) < 0)
        return -errno;
    if (c.uid == 0)
        return 0;
    unsigned m = c.uid == st.st_uid ? st.st_mode >> 6 : c.gid == st.st_gid ? st.st_mode >> 3 : st.st_mode;
    return (rd && !(m & 4)) || (wr && !(m & 2)) ? -EACCES : 0;
}

/* A memfd made in the guest, with permission bits mode less the umask. */
static long guest_memfd(struct tracee *t, const char *name, bool cloexec, bool sealing, unsigned mode)
{
    char n[LINUX_MEMFD_NAME_MAX + 1];
    struct guest_cred c;
    snprintf(n, sizeof n, "%s", name[0] ? name : "shm");
    size_t len = strlen(n) + 1;
    uint64_t s = guest_scratch(t, len);
    if (!s || guest_write(t, s, n, len) < 0)
        return -EFAULT;
    long fd = gcall(t, __NR_memfd_create, s,
                    (cloexec ? MFD_CLOEXEC : 0) | (sealing ? MFD_ALLOW_SEALING : 0), 0);
    if (fd < 0)
        return fd;
    long r = guest_cred(t, &c);
    if (r == 0)
        r = gcall(t, __NR_fchmod, (uint64_t)fd, mode & ~c.umask & 0777, 0);
    if (r < 0) {
        gclose(t, fd);
        return r;
    }
    return fd;
}

/* Gives the guest a descriptor sharing the supervisor's open file description
 * hostfd, as its lowest free descriptor.  Through a datagram socket pair made
 * in the guest, whose first end the supervisor borrows to send hostfd. */
static long give_fd(struct tracee *t, int hostfd, bool cloexec)
{
    struct {
        int32_t sv[2];
        struct msghdr mh;
        struct iovec iov;
        uint64_t byte;
        union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } cm;
    } g;
    uint64_t s = guest_scratch(t, sizeof g);
    if (!s)
        return -EFAULT;
    long r;
    int fd;
    uint64_t a[6] = { AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, s + offsetof(__typeof__(g), sv) };
    if ((r = guest_syscall(t, __NR_socketpair, a)) < 0)
        return r;
    if (guest_read(t, s, g.sv, sizeof g.sv) < 0)
        return -EFAULT;
    int sock = fbsd_borrow_fd(t, g.sv[0]);
    if (sock < 0) {
        r = sock;
        goto out;
    }
    {
        char one = 0;
        struct iovec iov = { &one, 1 };
        union { struct cmsghdr h; char buf[CMSG_SPACE(sizeof(int))]; } cm;
        memset(&cm, 0, sizeof cm);
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cm.buf,
                             .msg_controllen = sizeof cm.buf };
        struct cmsghdr *h = CMSG_FIRSTHDR(&mh);
        h->cmsg_level = SOL_SOCKET;
        h->cmsg_type = SCM_RIGHTS;
        h->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(h), &hostfd, sizeof hostfd);
        r = sendmsg(sock, &mh, MSG_DONTWAIT) < 0 ? -errno : 0;
        close(sock);
        if (r < 0)
            goto out;
    }
    memset(&g.mh, 0, sizeof g.mh);
    memset(&g.cm, 0, sizeof g.cm);
    g.iov.iov_base = (void *)(uintptr_t)(s + offsetof(__typeof__(g), byte));
    g.iov.iov_len = 1;
    g.mh.msg_iov = (void *)(uintptr_t)(s + offsetof(__typeof__(g), iov));
    g.mh.msg_iovlen = 1;
    g.mh.msg_control = (void *)(uintptr_t)(s + offsetof(__typeof__(g), cm));
    g.mh.msg_controllen = sizeof g.cm.buf;
    if (guest_write(t, s, &g, sizeof g) < 0) {
        r = -EFAULT;
        goto out;
    }
    r = gcall(t, __NR_recvmsg, (uint64_t)g.sv[1], s + offsetof(__typeof__(g), mh),
              cloexec ? MSG_CMSG_CLOEXEC : 0);
    if (r < 0)
        goto out;
    if (guest_read(t, s, &g, sizeof g) < 0) {
        r = -EFAULT;
        goto out;
    }
    if (g.cm.h.cmsg_level != SOL_SOCKET || g.cm.h.cmsg_type != SCM_RIGHTS ||
        g.cm.h.cmsg_len < CMSG_LEN(sizeof(int))) {
        r = -EIO;
        goto out;
    }
    memcpy(&fd, CMSG_DATA(&g.cm.h), sizeof fd);
    r = fd;
out:
    gclose(t, g.sv[0]);
    gclose(t, g.sv[1]);
    if (r >= 0) {
        /* the socket pair's numbers are free again: move to the lowest one */
        long low = gcall(t, __NR_fcntl, (uint64_t)r, cloexec ? F_DUPFD_CLOEXEC : F_DUPFD, 0);
        if (low >= 0 && low < r) {
            gclose(t, r);
            r = low;
        } else if (low >= 0) {
            gclose(t, low);
        }
    }
    return r;
}

/* A new open file description of the memfd with access mode acc (O_RDONLY or
 * O_RDWR), through the supervisor's /proc/self/fd link; when that cannot be
 * had, the shared description (its access mode is O_RDWR). */
static int reopen(int fd, int acc)
{
    char p[64];
    snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
    int r = open(p, acc | O_CLOEXEC);
    if (r < 0)
        r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? -errno : r;
}

/* Reads a shm path (FreeBSD MAXPATHLEN). */
static long read_name(struct tracee *t, uint64_t addr, char *buf)
{
    long n = guest_read_str(t, addr, buf, FBSD_MAXPATHLEN);
    return n < 0 ? n : 0;
}

#define OPEN_FLAGS (FBSD_O_ACCMODE | FBSD_O_CREAT | FBSD_O_EXCL | FBSD_O_TRUNC | FBSD_O_CLOEXEC)
#define SHM_FLAGS  (FBSD_SHM_ALLOW_SEALING | FBSD_SHM_GROW_ON_WRITE | FBSD_SHM_LARGEPAGE)

static long open_anon(struct tracee *t, uint64_t name_addr, bool cloexec, bool sealing, unsigned mode)
{
    char name[FBSD_MAXPATHLEN] = "";
    if (name_addr && read_name(t, name_addr, name) < 0)
        return -EFAULT;
    const char *n = strncmp(name, MEMFD_PREFIX, strlen(MEMFD_PREFIX)) == 0 ?
                    name + strlen(MEMFD_PREFIX) : name;
    return guest_memfd(t, n[0] ? n : "shm_anon", cloexec, sealing, mode);
}

static long open_new(struct tracee *t, const char *path, uint32_t flags, unsigned mode,
                     uint32_t shmflags)
{
    bool cloexec = flags & FBSD_O_CLOEXEC;
    struct shm_obj *o = calloc(1, sizeof *o);
    if (!o || !(o->name = strdup(path))) {
        free(o);
        return -ENOMEM;
    }
    long gfd = guest_memfd(t, path[0] == '/' ? path + 1 : path, cloexec,
                           shmflags & FBSD_SHM_ALLOW_SEALING, mode);
    long r = gfd;
    if (gfd >= 0 && (r = o->fd = fbsd_borrow_fd(t, (int)gfd)) >= 0 &&
        (flags & FBSD_O_ACCMODE) == FBSD_O_RDONLY) {
        /* the memfd is read-write: put a read-only description in its place */
        int ro = reopen(o->fd, O_RDONLY);
        long g2 = ro < 0 ? ro : give_fd(t, ro, cloexec);
        if (ro >= 0)
            close(ro);
        r = g2;
        if (g2 >= 0) {
            r = gcall(t, __NR_dup3, (uint64_t)g2, (uint64_t)gfd, cloexec ? O_CLOEXEC : 0);
            gclose(t, g2);
        }
        if (r < 0)
            close(o->fd);
    }
    if (r < 0) {
        if (gfd >= 0)
            gclose(t, gfd);
        free(o->name);
        free(o);
        return r;
    }
    o->shmflags = shmflags;
    o->next = objs;
    objs = o;
    return gfd;
}

static long open_existing(struct tracee *t, struct shm_obj *o, uint32_t flags, uint32_t shmflags)
{
    uint32_t acc = flags & FBSD_O_ACCMODE;
    if ((flags & (FBSD_O_CREAT | FBSD_O_EXCL)) == (FBSD_O_CREAT | FBSD_O_EXCL))
        return -EEXIST;
    if (shmflags != 0 && shmflags != o->shmflags)
        return -EINVAL;
    long r = may_access(t, o->fd, true, acc == FBSD_O_RDWR);
    if (r < 0)
        return r;
    if ((flags & (FBSD_O_ACCMODE | FBSD_O_TRUNC)) == (FBSD_O_RDWR | FBSD_O_TRUNC) &&
        ftruncate(o->fd, 0) < 0)
        return -errno;
    /* Opening without SHM_ALLOW_SEALING seals the object against more seals,
     * as FreeBSD's initial F_SEAL_SEAL does (already sealed: EPERM, ignored). */
    if (!(shmflags & FBSD_SHM_ALLOW_SEALING))
        (void)fcntl(o->fd, F_ADD_SEALS, F_SEAL_SEAL);
    int fd = reopen(o->fd, acc == FBSD_O_RDWR ? O_RDWR : O_RDONLY);
    if (fd < 0)
        return fd;
    r = give_fd(t, fd, flags & FBSD_O_CLOEXEC);
    close(fd);
    return r;
}

static long shm_open_common(struct tracee *t, uint64_t path_addr, uint32_t flags, unsigned mode,
                            uint32_t shmflags, uint64_t name_addr)
{
    uint32_t acc = flags & FBSD_O_ACCMODE;
    if (shmflags & ~(uint32_t)SHM_FLAGS)
        return -EINVAL;
    if ((acc != FBSD_O_RDONLY && acc != FBSD_O_RDWR) || (flags & ~(uint32_t)OPEN_FLAGS))
        return -EINVAL;
    if (shmflags & FBSD_SHM_LARGEPAGE)
        return -ENOTTY;     /* as a FreeBSD kernel without large-page support */
    if (path_addr == FBSD_SHM_ANON) {
        if (acc == FBSD_O_RDONLY)
            return -EINVAL;
        return open_anon(t, name_addr, flags & FBSD_O_CLOEXEC,
                         shmflags & FBSD_SHM_ALLOW_SEALING, mode);
    }
    char path[FBSD_MAXPATHLEN];
    long r = guest_read_str(t, path_addr, path, sizeof path);
    if (r < 0)
        return r;
    struct shm_obj *o = lookup(path);
    if (o)
        return open_existing(t, o, flags, shmflags);
    if (!(flags & FBSD_O_CREAT))
        return -ENOENT;
    return open_new(t, path, flags, mode, shmflags);
}

/* shm_open2(path, flags, mode, shmflags, name) */
enum sys_action fbsd_sys_shm_open2(struct tracee *t, struct sysc *sc)
{
    sc->ret = shm_open_common(t, sc->args[0], (uint32_t)sc->args[1], (unsigned)sc->args[2] & 07777,
                              (uint32_t)sc->args[3], sc->args[4]);
    return SYS_DONE;
}

/* freebsd12_shm_open(path, flags, mode): always close-on-exec. */
enum sys_action fbsd_sys_freebsd12_shm_open(struct tracee *t, struct sysc *sc)
{
    sc->ret = shm_open_common(t, sc->args[0], (uint32_t)sc->args[1] | FBSD_O_CLOEXEC,
                              (unsigned)sc->args[2] & 07777, 0, 0);
    return SYS_DONE;
}

/* FreeBSD's shm_remove: read and write permission needed. */
static long unlink_name(struct tracee *t, const char *path)
{
    struct shm_obj *o = lookup(path);
    if (!o)
        return -ENOENT;
    long r = may_access(t, o->fd, true, true);
    if (r == 0)
        drop(o);
    return r;
}

enum sys_action fbsd_sys_shm_unlink(struct tracee *t, struct sysc *sc)
{
    char path[FBSD_MAXPATHLEN];
    long r = guest_read_str(t, sc->args[0], path, sizeof path);
    sc->ret = r < 0 ? r : unlink_name(t, path);
    return SYS_DONE;
}

static long rename_obj(struct tracee *t, uint64_t from_addr, uint64_t to_addr, uint32_t flags)
{
    char from[FBSD_MAXPATHLEN], to[FBSD_MAXPATHLEN];
    if (flags & ~(uint32_t)(FBSD_SHM_RENAME_NOREPLACE | FBSD_SHM_RENAME_EXCHANGE) ||
        (flags & FBSD_SHM_RENAME_NOREPLACE && flags & FBSD_SHM_RENAME_EXCHANGE) ||
        from_addr == FBSD_SHM_ANON || to_addr == FBSD_SHM_ANON)
        return -EINVAL;
    long r = guest_read_str(t, from_addr, from, sizeof from);
    if (r >= 0)
        r = guest_read_str(t, to_addr, to, sizeof to);
    if (r < 0)
        return r;
    if (strcmp(from, to) == 0)
        return 0;
    struct shm_obj *src = lookup(from), *dst = lookup(to);
    if (!src)
        return -ENOENT;
    if (dst && (flags & FBSD_SHM_RENAME_NOREPLACE))
        return -EEXIST;
    if ((r = may_access(t, src->fd, true, true)) < 0 ||
        (dst && (r = may_access(t, dst->fd, true, true)) < 0))
        return r;
    char *nn = strdup(to);
    if (!nn)
        return -ENOMEM;
    if (dst && (flags & FBSD_SHM_RENAME_EXCHANGE)) {
        char *fn = strdup(from);
        if (!fn) {
            free(nn);
            return -ENOMEM;
        }
        free(dst->name);
        dst->name = fn;
    } else if (dst) {
        drop(dst);
    }
    free(src->name);
    src->name = nn;
    return 0;
}

/* shm_rename(from, to, flags) */
enum sys_action fbsd_sys_shm_rename(struct tracee *t, struct sysc *sc)
{
    sc->ret = rename_obj(t, sc->args[0], sc->args[1], (uint32_t)sc->args[2]);
    return SYS_DONE;
}

long fbsd_give_fd(struct tracee *t, int hostfd, bool cloexec)
{
    return give_fd(t, hostfd, cloexec);
}
