/* FreeBSD mmap family (sys/vm/vm_mmap.c semantics) on Linux.  The flag and
 * advice translations are abi/freebsd/mman.c's; this file adds what FreeBSD's
 * kern_mmap checks and does beyond the flags:
 *   - MAP_ANON and MAP_GUARD need fd -1 and offset 0; MAP_STACK needs fd -1 and
 *     PROT_READ|PROT_WRITE and implies MAP_ANON;
 *   - neither MAP_SHARED nor MAP_PRIVATE means private (copy on write);
 *   - an offset that is not page aligned is allowed: the mapping starts at the
 *     page below it and the address returned points inside the first page;
 *   - MAP_ALIGNED(n)/MAP_ALIGNED_SUPER: a PROT_NONE reservation of len + 2^n is
 *     mapped, the real mapping is put MAP_FIXED at its first aligned address and
 *     the unaligned head and tail are unmapped (all at the entry stop);
 *   - MAP_NOCORE: madvise(MADV_DONTDUMP) on the new mapping;
 *   - MAP_FIXED|MAP_EXCL on used space: ENOMEM (Linux's MAP_FIXED_NOREPLACE says
 *     EEXIST). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/mman.h"
#include "tracer/tracee.h"

#define PG 4096ull
#define PG_MASK (PG - 1)
#define ROUND_PAGE(x) (((x) + PG_MASK) & ~PG_MASK)
/* Top of the amd64 user address space (4-level paging). */
#define USER_TOP 0x800000000000ull

/* A Linux mmap request built from the FreeBSD one. */
struct mmap_req {
    uint64_t addr, len, pos;
    int prot, flags, fd;
    uint64_t pageoff;       /* added to the result: unaligned offset */
    unsigned align_shift;
    bool nocore, excl;
};

/* kern_mmap's argument checks and adjustments.  0 or -errno. */
static int mmap_prepare(const uint64_t a[6], struct mmap_req *q)
{
    uint32_t prot = (uint32_t)a[2], flags = (uint32_t)a[3];
    struct fbsd_mmap_host h;
    int e = fbsd_mmap_to_linux(prot, flags, &h);
    if (e)
        return e;
    q->addr = a[0];
    q->len = a[1];
    q->fd = (int)a[4];
    q->pos = a[5];
    q->prot = h.prot;
    q->flags = h.flags;
    q->align_shift = h.align_shift;
    q->nocore = h.nocore;
    q->excl = (flags & FBSD_MAP_EXCL) != 0;

    if (flags & FBSD_MAP_STACK) {
        uint32_t rw = FBSD_PROT_READ | FBSD_PROT_WRITE;
        if (q->fd != -1 || (prot & rw) != rw)
            return -EINVAL;
        q->flags |= MAP_ANONYMOUS;
        q->pos = 0;
    }
    if ((q->flags & MAP_ANONYMOUS) && (q->fd != -1 || q->pos != 0))
        return -EINVAL;
    if (h.guard && (q->fd != -1 || q->pos != 0))
        return -EINVAL;
    if (!(q->flags & (MAP_SHARED | MAP_PRIVATE)))
        q->flags |= MAP_PRIVATE;
    if (q->len == 0)
        return -EINVAL;

    q->pageoff = q->pos & PG_MASK;
    q->pos -= q->pageoff;
    if (q->len > USER_TOP || q->len + q->pageoff > USER_TOP)
        return -ENOMEM;
    q->len += q->pageoff;
    if (q->flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
        if ((q->addr & PG_MASK) != q->pageoff)
            return -EINVAL;
        q->addr -= q->pageoff;
        if (q->align_shift && (q->addr & ((1ull << q->align_shift) - 1)))
            return -EINVAL;
    }
    return 0;
}

static long host_mmap(struct tracee *t, uint64_t addr, uint64_t len, int prot,
                      int flags, int fd, uint64_t pos)
{
    uint64_t args[6] = { addr, len, (uint64_t)prot, (uint64_t)flags, (uint64_t)(int64_t)fd, pos };
    return guest_syscall(t, __NR_mmap, args);
}

static void host_munmap(struct tracee *t, uint64_t addr, uint64_t len)
{
    uint64_t args[6] = { addr, len, 0, 0, 0, 0 };
    if (len)
        guest_syscall(t, __NR_munmap, args);
}

/* MAP_ALIGNED without MAP_FIXED: reserve, place, trim. */
static long mmap_aligned(struct tracee *t, const struct mmap_req *q)
{
    uint64_t align = 1ull << q->align_shift;
    uint64_t len = ROUND_PAGE(q->len);
    if (q->align_shift >= 47 || len > USER_TOP - align)
        return -ENOMEM;
    uint64_t size = len + align;
    long base = host_mmap(t, q->addr, size, PROT_NONE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | (q->flags & MAP_32BIT), -1, 0);
    if (base < 0)
        return base;
    uint64_t b = (uint64_t)base;
    uint64_t at = (b + align - 1) & ~(align - 1);
    long r = host_mmap(t, at, q->len, q->prot,
                       (q->flags & ~MAP_FIXED_NOREPLACE) | MAP_FIXED, q->fd, q->pos);
    if (r < 0) {
        host_munmap(t, b, size);
        return r;
    }
    host_munmap(t, b, at - b);
    host_munmap(t, at + len, b + size - (at + len));
    return r;
}

static long mmap_result(const struct mmap_req *q, long r)
{
    if (r == -EEXIST && q->excl)
        return -ENOMEM;
    return r < 0 ? r : r + (long)q->pageoff;
}

enum sys_action fbsd_sys_mmap(struct tracee *t, struct sysc *sc)
{
    struct mmap_req q;
    int e = mmap_prepare(sc->args, &q);
    if (e)
        return sysc_done(sc, e);

    if (!q.align_shift && !q.nocore) {
        /* The common case: the kernel runs the rewritten call. */
        uint64_t hargs[6] = { q.addr, q.len, (uint64_t)q.prot, (uint64_t)q.flags,
                              (uint64_t)(int64_t)q.fd, q.pos };
        for (int i = 0; i < 6; i++)
            sysc_set_arg(t, i, hargs[i]);
        sysc_set_host_nr(t, __NR_mmap);
        sc->save[0] = q.pageoff;
        sc->save[1] = q.excl;
        return SYS_PASS;
    }

    long r;
    if (q.align_shift && !(q.flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)))
        r = mmap_aligned(t, &q);
    else
        r = host_mmap(t, q.addr, q.len, q.prot, q.flags, q.fd, q.pos);
    if (r >= 0 && q.nocore) {
        uint64_t args[6] = { (uint64_t)r, q.len, MADV_DONTDUMP, 0, 0, 0 };
        guest_syscall(t, __NR_madvise, args);   /* a hint: its failure changes nothing */
    }
    return sysc_done(sc, mmap_result(&q, r));
}

void fbsd_sys_mmap_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    struct mmap_req q = { .pageoff = sc->save[0], .excl = sc->save[1] != 0 };
    sc->ret = mmap_result(&q, sc->ret);
}

enum sys_action fbsd_sys_mprotect(struct tracee *t, struct sysc *sc)
{
    uint32_t unknown;
    int prot = fbsd_prot_to_linux((uint32_t)sc->args[2], &unknown);
    if (unknown)
        return sysc_done(sc, -EINVAL);
    sysc_set_arg(t, 2, (uint64_t)prot);
    sysc_set_host_nr(t, __NR_mprotect);
    return SYS_PASS;
}

enum sys_action fbsd_sys_madvise(struct tracee *t, struct sysc *sc)
{
    int advice = (int)sc->args[2];
    int host = fbsd_madvise_to_linux(advice);
    if (host < 0)
        return sysc_done(sc, fbsd_madvise_is_noop(advice) ? 0 : -EINVAL);
    sysc_set_arg(t, 2, (uint64_t)host);
    sysc_set_host_nr(t, __NR_madvise);
    sc->save[0] = (uint64_t)advice;
    return SYS_PASS;
}

/* MADV_FREE is advice FreeBSD takes on any mapping; Linux refuses it (EINVAL) on
 * shared and file mappings, where ignoring it is what it means anyway. */
void fbsd_sys_madvise_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->save[0] == FBSD_MADV_FREE && sc->ret == -EINVAL)
        sc->ret = 0;
}

/* sys/mman.h */
enum { FBSD_INHERIT_SHARE = 0, FBSD_INHERIT_COPY = 1, FBSD_INHERIT_NONE = 2, FBSD_INHERIT_ZERO = 3 };

/* minherit: NONE is MADV_DONTFORK, ZERO is MADV_WIPEONFORK (Linux allows it on
 * private anonymous memory only: EINVAL elsewhere), COPY undoes both.  SHARE
 * (the child shares a private mapping) has no Linux counterpart: EINVAL. */
enum sys_action fbsd_sys_minherit(struct tracee *t, struct sysc *sc)
{
    uint64_t args[6] = { sc->args[0], sc->args[1], 0, 0, 0, 0 };
    long r;
    switch ((int)sc->args[2]) {
    case FBSD_INHERIT_COPY:
        args[2] = MADV_DOFORK;
        r = guest_syscall(t, __NR_madvise, args);
        if (r == 0) {
            args[2] = MADV_KEEPONFORK;
            guest_syscall(t, __NR_madvise, args);   /* EINVAL on non-anonymous memory: nothing to undo */
        }
        return sysc_done(sc, r);
    case FBSD_INHERIT_NONE:
        args[2] = MADV_DONTFORK;
        return sysc_done(sc, guest_syscall(t, __NR_madvise, args));
    case FBSD_INHERIT_ZERO:
        args[2] = MADV_WIPEONFORK;
        return sysc_done(sc, guest_syscall(t, __NR_madvise, args));
    default:
        return sysc_done(sc, -EINVAL);
    }
}

enum sys_action fbsd_sys_msync(struct tracee *t, struct sysc *sc)
{
    uint32_t flags = (uint32_t)sc->args[2], unknown;
    if ((flags & (FBSD_MS_ASYNC | FBSD_MS_INVALIDATE)) == (FBSD_MS_ASYNC | FBSD_MS_INVALIDATE))
        return sysc_done(sc, -EINVAL);
    int host = fbsd_msync_flags_to_linux(flags, &unknown);
    if (unknown)
        return sysc_done(sc, -EINVAL);
    sysc_set_arg(t, 2, (uint64_t)host);
    sysc_set_host_nr(t, __NR_msync);
    return SYS_PASS;
}

/* Linux also knows MCL_ONFAULT (4), which FreeBSD refuses. */
enum sys_action fbsd_sys_mlockall(struct tracee *t, struct sysc *sc)
{
    uint64_t f = sc->args[0];
    if (f == 0 || (f & ~(uint64_t)(FBSD_MCL_CURRENT | FBSD_MCL_FUTURE)))
        return sysc_done(sc, -EINVAL);
    sysc_set_host_nr(t, __NR_mlockall);
    return SYS_PASS;
}

/* FreeBSD rounds the start down to a page; Linux wants it aligned (EINVAL).  The
 * vector has one byte per page of [trunc(addr), round(addr + len)) on both, and
 * bit 0 (MINCORE_INCORE) means resident on both; FreeBSD's other bits
 * (referenced, modified, superpage) stay 0. */
enum sys_action fbsd_sys_mincore(struct tracee *t, struct sysc *sc)
{
    uint64_t addr = sc->args[0], off = addr & PG_MASK;
    if (off) {
        sysc_set_arg(t, 0, addr - off);
        sysc_set_arg(t, 1, sc->args[1] + off);
    }
    sysc_set_host_nr(t, __NR_mincore);
    return SYS_PASS;
}
