/* _umtx_op(NULL, UMTX_OP_SHM, flags, key, NULL): FreeBSD's "off-pages" for
 * process-shared pthread objects.  libthr keeps a PTHREAD_PROCESS_SHARED mutex,
 * condvar, rwlock or barrier not in the pthread_*_t itself but in a page of
 * anonymous shared memory that the kernel finds by the object's address: CREAT
 * (make or find the page; a descriptor of it), LOOKUP (find it: ESRCH when
 * there is none), DESTROY (forget it), ALIVE (is this off-page mapping still a
 * live one: 0, or ENOTTY after DESTROY; EFAULT when unmapped).  FreeBSD keys the
 * page by the VM object backing the address and the offset in it, so every
 * process mapping the same shared memory, at any address, reaches the same page
 * (kern_umtx.c: umtx_shm, umtx_key_get with TYPE_SHM).
 *
 * Here the key is read from /proc/TID/maps: for a shared mapping the backing
 * file's (device, inode) — a shm_open memfd, anonymous MAP_SHARED memory (its
 * shmem inode, inherited across fork), or a regular file — plus the offset of
 * the address in that file; for a private mapping the process and the address
 * (nothing else can share it).  Each key gets a one-page memfd in a supervisor
 * table, handed to the asking process as a new descriptor (shm.c's
 * fbsd_give_fd); entries last until DESTROY or the end of the lsl2 run.  The
 * objects in the page use USYNC_PROCESS_SHARED words, that is shared futexes,
 * which Linux keys by the memfd's inode: waiters and wakers in all processes
 * meet. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/umtx.h"
#include "tracer/tracee.h"

struct shm_key {
    unsigned long dev;      /* makedev(major, minor) of the backing file; 0 for a private mapping */
    unsigned long ino;      /* its inode; the thread-group id for a private mapping */
    uint64_t off;           /* offset in the file; the address for a private mapping */
};

struct shm_reg {
    struct shm_key key;
    int fd;                 /* the supervisor's memfd (one page) */
    unsigned long page_ino; /* its inode: how ALIVE recognises its mappings */
    struct shm_reg *next;
};
static struct shm_reg *regs;

/* inodes of destroyed pages, for ALIVE (a small ring: old ones fall out) */
static unsigned long dead[64];
static unsigned dead_next;

/* The mapping of t's process that holds addr, from /proc/TID/maps: 0, or
 * -EFAULT when addr is not mapped. */
struct mapping {
    uint64_t start, off;
    bool shared;
    unsigned long dev, ino;
};
static int find_mapping(struct tracee *t, uint64_t addr, struct mapping *m)
{
    int fd = procfs_open(t->tid, "maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -EFAULT;
    FILE *f = fdopen(fd, "r");
    if (!f) {
        close(fd);
        return -ENOMEM;
    }
    char line[512];
    int r = -EFAULT;
    while (fgets(line, sizeof line, f)) {
        unsigned long start, end, off, ino;
        unsigned maj, min;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s %lx %x:%x %lu", &start, &end, perms, &off, &maj, &min,
                   &ino) != 7)
            continue;
        if (addr < start || addr >= end)
            continue;
        m->start = start;
        m->off = off;
        m->shared = perms[3] == 's';
        m->dev = makedev(maj, min);
        m->ino = ino;
        r = 0;
        break;
    }
    fclose(f);
    return r;
}

static int key_of(struct tracee *t, uint64_t addr, struct shm_key *k)
{
    struct mapping m;
    int e = find_mapping(t, addr, &m);
    if (e < 0)
        return e;
    memset(k, 0, sizeof *k);
    if (m.shared && m.ino) {
        k->dev = m.dev;
        k->ino = m.ino;
        k->off = m.off + (addr - m.start);
    } else {
        k->ino = (unsigned long)t->tgid;
        k->off = addr;
    }
    return 0;
}

static struct shm_reg *find_reg(const struct shm_key *k)
{
    for (struct shm_reg *r = regs; r; r = r->next)
        if (r->key.dev == k->dev && r->key.ino == k->ino && r->key.off == k->off)
            return r;
    return NULL;
}

static struct shm_reg *create_reg(const struct shm_key *k)
{
    struct shm_reg *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->key = *k;
    r->fd = memfd_create("lsl2-umtx-shm", MFD_CLOEXEC);
    struct stat st;
    if (r->fd < 0 || ftruncate(r->fd, 4096) < 0 || fstat(r->fd, &st) < 0) {
        if (r->fd >= 0)
            close(r->fd);
        free(r);
        return NULL;
    }
    r->page_ino = st.st_ino;
    r->next = regs;
    regs = r;
    return r;
}

static void destroy_reg(struct shm_reg *victim)
{
    for (struct shm_reg **p = &regs; *p; p = &(*p)->next)
        if (*p == victim) {
            *p = victim->next;
            dead[dead_next++ % (sizeof dead / sizeof dead[0])] = victim->page_ino;
            close(victim->fd);
            free(victim);
            return;
        }
}

/* ALIVE(addr): the off-page mapped at addr is not a destroyed one. */
static long alive(struct tracee *t, uint64_t addr)
{
    struct mapping m;
    int e = find_mapping(t, addr, &m);
    if (e < 0)
        return e;
    if (!m.ino)
        return -EINVAL;     /* FreeBSD: no object behind the address */
    for (size_t i = 0; i < sizeof dead / sizeof dead[0]; i++)
        if (dead[i] && dead[i] == m.ino)
            return -ENOTTY;
    return 0;
}

enum sys_action umtx_op_shm(struct tracee *t, struct sysc *sc)
{
    uint32_t flags = (uint32_t)sc->args[2];
    uint64_t addr = sc->args[3];
    const uint32_t ops = FBSD_UMTX_SHM_CREAT | FBSD_UMTX_SHM_LOOKUP | FBSD_UMTX_SHM_DESTROY |
                         FBSD_UMTX_SHM_ALIVE;
    uint32_t f = flags & ops;
    if (!f || (f & (f - 1)))
        return umtx_done(sc, -EINVAL);     /* exactly one of them */
    if (f == FBSD_UMTX_SHM_ALIVE)
        return umtx_done(sc, alive(t, addr));
    struct shm_key k;
    int e = key_of(t, addr, &k);
    if (e < 0)
        return umtx_done(sc, e);
    struct shm_reg *r = find_reg(&k);
    if (!r && f == FBSD_UMTX_SHM_CREAT && !(r = create_reg(&k)))
        return umtx_done(sc, -ENOMEM);
    if (!r)
        return umtx_done(sc, -ESRCH);
    if (f == FBSD_UMTX_SHM_DESTROY) {
        destroy_reg(r);
        return umtx_done(sc, 0);
    }
    return umtx_done(sc, fbsd_give_fd(t, r->fd, true));
}
