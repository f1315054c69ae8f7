/* mmap family translation (see mman.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <sys/mman.h>
#include "abi/freebsd/mman.h"

static const struct fbsd_pair prot_pairs[] = {
    { FBSD_PROT_READ,  PROT_READ },
    { FBSD_PROT_WRITE, PROT_WRITE },
    { FBSD_PROT_EXEC,  PROT_EXEC },
    { FBSD_PROT_MAX(FBSD_PROT_READ),  0 },
    { FBSD_PROT_MAX(FBSD_PROT_WRITE), 0 },
    { FBSD_PROT_MAX(FBSD_PROT_EXEC),  0 },
};
const struct fbsd_map fbsd_mmap_prot_map = FBSD_MAP(prot_pairs);

/* MAP_GUARD, MAP_NOCORE and MAP_ALIGNED are handled in fbsd_mmap_to_linux. */
static const struct fbsd_pair flag_pairs[] = {
    { FBSD_MAP_SHARED,               MAP_SHARED },
    { FBSD_MAP_PRIVATE,              MAP_PRIVATE },
    { FBSD_MAP_FIXED | FBSD_MAP_EXCL, MAP_FIXED_NOREPLACE },  /* before MAP_FIXED */
    { FBSD_MAP_FIXED,                MAP_FIXED },
    { FBSD_MAP_ANON,                 MAP_ANONYMOUS },
    { FBSD_MAP_STACK,                MAP_STACK },
    { FBSD_MAP_32BIT,                MAP_32BIT },
    { FBSD_MAP_PREFAULT_READ,        MAP_POPULATE },
    { FBSD_MAP_NOSYNC,               0 },
    { FBSD_MAP_HASSEMAPHORE,         0 },
};
const struct fbsd_map fbsd_mmap_flags_map = FBSD_MAP(flag_pairs);

static const struct fbsd_pair madvise_pairs[] = {
    { FBSD_MADV_NORMAL,     MADV_NORMAL },
    { FBSD_MADV_RANDOM,     MADV_RANDOM },
    { FBSD_MADV_SEQUENTIAL, MADV_SEQUENTIAL },
    { FBSD_MADV_WILLNEED,   MADV_WILLNEED },
    { FBSD_MADV_DONTNEED,   MADV_DONTNEED },
    { FBSD_MADV_FREE,       MADV_FREE },
    { FBSD_MADV_NOCORE,     MADV_DONTDUMP },
    { FBSD_MADV_CORE,       MADV_DODUMP },
};
const struct fbsd_map fbsd_madvise_map = FBSD_MAP(madvise_pairs);

int fbsd_prot_to_linux(uint32_t prot, uint32_t *unknown)
{
    uint64_t unk;
    int host = (int)fbsd_bits_to_host(&fbsd_mmap_prot_map, prot, &unk);
    if (unknown)
        *unknown = (uint32_t)unk;
    return host;
}

int fbsd_mmap_to_linux(uint32_t prot, uint32_t flags, struct fbsd_mmap_host *out)
{
    uint32_t unk;
    uint64_t funk;
    uint32_t align = (flags & FBSD_MAP_ALIGNMENT_MASK) >> FBSD_MAP_ALIGNMENT_SHIFT;

    out->align_shift = 0;
    out->nocore = (flags & FBSD_MAP_NOCORE) != 0;
    out->guard = (flags & FBSD_MAP_GUARD) != 0;

    /* As vm_mmap's checks: MAP_ALIGNED_SUPER, or 12 <= log2 < 64. */
    if (align == 1)
        out->align_shift = 21;          /* amd64 superpage: 2 MiB */
    else if (align != 0 && (align < 12 || align >= 64))
        return -EINVAL;
    else
        out->align_shift = align;

    if ((flags & FBSD_MAP_EXCL) && !(flags & FBSD_MAP_FIXED))
        return -EINVAL;
    if (out->guard) {
        /* FreeBSD: only FIXED, EXCL, ALIGNED and 32BIT go with GUARD, and prot must be none. */
        uint32_t allowed = FBSD_MAP_GUARD | FBSD_MAP_FIXED | FBSD_MAP_EXCL |
                           FBSD_MAP_32BIT | FBSD_MAP_ALIGNMENT_MASK;
        if (prot != FBSD_PROT_NONE || (flags & ~allowed))
            return -EINVAL;
    }

    out->prot = fbsd_prot_to_linux(prot, &unk);
    if (unk)
        return -EINVAL;
    out->flags = (int)fbsd_bits_to_host(&fbsd_mmap_flags_map,
                                        flags & ~(FBSD_MAP_ALIGNMENT_MASK | FBSD_MAP_NOCORE | FBSD_MAP_GUARD),
                                        &funk);
    if (funk)
        return -EINVAL;
    if (out->guard)
        out->flags |= MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE;
    return 0;
}

int fbsd_madvise_to_linux(int advice)
{
    return fbsd_int_to_host(&fbsd_madvise_map, advice);
}

bool fbsd_madvise_is_noop(int advice)
{
    return advice == FBSD_MADV_NOSYNC || advice == FBSD_MADV_AUTOSYNC || advice == FBSD_MADV_PROTECT;
}

static const struct fbsd_pair msync_pairs[] = {
    { FBSD_MS_ASYNC,      MS_ASYNC },
    { FBSD_MS_INVALIDATE, MS_INVALIDATE },
};
static const struct fbsd_map msync_map = FBSD_MAP(msync_pairs);

int fbsd_msync_flags_to_linux(uint32_t flags, uint32_t *unknown)
{
    uint64_t unk;
    int host = (int)fbsd_bits_to_host(&msync_map, flags, &unk);
    if (!(flags & FBSD_MS_ASYNC))
        host |= MS_SYNC;
    if (unknown)
        *unknown = (uint32_t)unk;
    return host;
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_mmap_prot[] = {
    X(PROT_READ), X(PROT_WRITE), X(PROT_EXEC),
    { FBSD_PROT_MAX(FBSD_PROT_READ), "PROT_MAX(PROT_READ)" },
    { FBSD_PROT_MAX(FBSD_PROT_WRITE), "PROT_MAX(PROT_WRITE)" },
    { FBSD_PROT_MAX(FBSD_PROT_EXEC), "PROT_MAX(PROT_EXEC)" },
    { 0, NULL }
};

const struct xlat fbsd_xlat_mmap_flags[] = {
    X(MAP_SHARED), X(MAP_PRIVATE), X(MAP_FIXED), X(MAP_HASSEMAPHORE), X(MAP_STACK),
    X(MAP_NOSYNC), X(MAP_ANON), X(MAP_GUARD), X(MAP_EXCL), X(MAP_NOCORE),
    X(MAP_PREFAULT_READ), X(MAP_32BIT),
    { 0, NULL }
};

const struct xlat fbsd_xlat_madvise[] = {
    X(MADV_NORMAL), X(MADV_RANDOM), X(MADV_SEQUENTIAL), X(MADV_WILLNEED),
    X(MADV_DONTNEED), X(MADV_FREE), X(MADV_NOSYNC), X(MADV_AUTOSYNC),
    X(MADV_NOCORE), X(MADV_CORE), X(MADV_PROTECT),
    { 0, NULL }
};

const struct xlat fbsd_xlat_msync_flags[] = {
    X(MS_ASYNC), X(MS_INVALIDATE),
    { 0, NULL }
};

const struct xlat fbsd_xlat_mlockall_flags[] = {
    X(MCL_CURRENT), X(MCL_FUTURE),
    { 0, NULL }
};
