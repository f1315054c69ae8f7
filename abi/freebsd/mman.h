/* FreeBSD mmap/mprotect/madvise/msync/mlockall constants (sys/mman.h, FreeBSD
 * 13.2) and their translation to Linux. */
#ifndef LSL2_ABI_FREEBSD_MMAN_H
#define LSL2_ABI_FREEBSD_MMAN_H

#include <stdbool.h>
#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

#define FBSD_PROT_NONE          0x00
#define FBSD_PROT_READ          0x01
#define FBSD_PROT_WRITE         0x02
#define FBSD_PROT_EXEC          0x04
#define FBSD_PROT_MAX_SHIFT     16
#define FBSD_PROT_MAX(p)        ((p) << FBSD_PROT_MAX_SHIFT)

#define FBSD_MAP_SHARED         0x0001
#define FBSD_MAP_PRIVATE        0x0002
#define FBSD_MAP_FIXED          0x0010
#define FBSD_MAP_HASSEMAPHORE   0x0200
#define FBSD_MAP_STACK          0x0400
#define FBSD_MAP_NOSYNC         0x0800
#define FBSD_MAP_FILE           0x0000
#define FBSD_MAP_ANON           0x1000
#define FBSD_MAP_GUARD          0x00002000
#define FBSD_MAP_EXCL           0x00004000
#define FBSD_MAP_NOCORE         0x00020000
#define FBSD_MAP_PREFAULT_READ  0x00040000
#define FBSD_MAP_32BIT          0x00080000
#define FBSD_MAP_ALIGNMENT_SHIFT 24
#define FBSD_MAP_ALIGNED(n)     ((uint32_t)(n) << FBSD_MAP_ALIGNMENT_SHIFT)
#define FBSD_MAP_ALIGNMENT_MASK 0xff000000u
#define FBSD_MAP_ALIGNED_SUPER  FBSD_MAP_ALIGNED(1)

#define FBSD_MS_SYNC            0x0000
#define FBSD_MS_ASYNC           0x0001
#define FBSD_MS_INVALIDATE      0x0002

#define FBSD_MCL_CURRENT        0x0001
#define FBSD_MCL_FUTURE         0x0002

#define FBSD_MADV_NORMAL        0
#define FBSD_MADV_RANDOM        1
#define FBSD_MADV_SEQUENTIAL    2
#define FBSD_MADV_WILLNEED      3
#define FBSD_MADV_DONTNEED      4
#define FBSD_MADV_FREE          5
#define FBSD_MADV_NOSYNC        6
#define FBSD_MADV_AUTOSYNC      7
#define FBSD_MADV_NOCORE        8
#define FBSD_MADV_CORE          9
#define FBSD_MADV_PROTECT       10

/* The Linux form of a FreeBSD mmap request (fbsd_mmap_to_linux). */
struct fbsd_mmap_host {
    int prot;
    int flags;
    /* log2 of the alignment MAP_ALIGNED(n) / MAP_ALIGNED_SUPER asks for, 0 when
     * none: Linux has no such flag, so the handler maps len + alignment, then
     * unmaps the unaligned head and tail. */
    unsigned align_shift;
    /* MAP_NOCORE: the handler follows with madvise(MADV_DONTDUMP). */
    bool nocore;
    /* MAP_GUARD: a PROT_NONE, MAP_NORESERVE anonymous reservation that FreeBSD
     * never lets become accessible (mprotect on it fails with EACCES there; this
     * emulation cannot enforce that). flags/prot above already describe it. */
    bool guard;
};

/* Translates prot and flags.  0, or -EINVAL for combinations FreeBSD refuses
 * (MAP_EXCL without MAP_FIXED, MAP_GUARD with a prot or incompatible flags, a bad
 * MAP_ALIGNED value) or unknown bits.  PROT_MAX() bits are dropped (Linux has no
 * maximum protection); MAP_NOSYNC and MAP_HASSEMAPHORE are hints with no Linux
 * meaning and are dropped; MAP_PREFAULT_READ becomes MAP_POPULATE; MAP_FIXED |
 * MAP_EXCL becomes MAP_FIXED_NOREPLACE (Linux answers EEXIST where FreeBSD
 * answers ENOMEM: the handler translates that result). */
int fbsd_mmap_to_linux(uint32_t prot, uint32_t flags, struct fbsd_mmap_host *out);

/* prot for mprotect: PROT_MAX bits dropped; *unknown gets bits beyond them. */
int fbsd_prot_to_linux(uint32_t prot, uint32_t *unknown);

/* madvise advice.  Returns the Linux advice, or -1 for advice that Linux has no
 * counterpart for; of those MADV_NOSYNC, MADV_AUTOSYNC and MADV_PROTECT succeed
 * as no-ops on this emulation (fbsd_madvise_is_noop) and the rest are EINVAL. */
int fbsd_madvise_to_linux(int advice);
bool fbsd_madvise_is_noop(int advice);

/* msync flags: FreeBSD's MS_SYNC is 0 (the absence of MS_ASYNC), Linux's is 4.
 * *unknown gets untranslatable bits (the handler gives EINVAL). */
int fbsd_msync_flags_to_linux(uint32_t flags, uint32_t *unknown);

extern const struct fbsd_map fbsd_mmap_prot_map;
extern const struct fbsd_map fbsd_mmap_flags_map;
extern const struct fbsd_map fbsd_madvise_map;

/* Names for --trace.  MAP_ALIGNED(n) lives in the top byte of the flags and is
 * not a bit: the decoder prints it from FBSD_MAP_ALIGNMENT_MASK. */
extern const struct xlat fbsd_xlat_mmap_prot[];
extern const struct xlat fbsd_xlat_mmap_flags[];
extern const struct xlat fbsd_xlat_madvise[];
extern const struct xlat fbsd_xlat_msync_flags[];
extern const struct xlat fbsd_xlat_mlockall_flags[];

#endif
