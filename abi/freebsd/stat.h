/* FreeBSD struct stat (13.2, 64-bit ino_t) and struct freebsd11_stat (the
 * layout FreeBSD 10/11 binaries use through freebsd11_stat/fstat/lstat/fstatat),
 * file mode and st_flags constants, and their filling from Linux's stat/statx. */
#ifndef LSL2_ABI_FREEBSD_STAT_H
#define LSL2_ABI_FREEBSD_STAT_H

#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

struct fbsd_timespec {
    int64_t tv_sec;
    int64_t tv_nsec;
};

/* sys/stat.h, struct stat (224 bytes) */
struct fbsd_stat {
    uint64_t st_dev;
    uint64_t st_ino;
    uint64_t st_nlink;
    uint16_t st_mode;
    int16_t  st_padding0;
    uint32_t st_uid;
    uint32_t st_gid;
    int32_t  st_padding1;
    uint64_t st_rdev;
    struct fbsd_timespec st_atim;
    struct fbsd_timespec st_mtim;
    struct fbsd_timespec st_ctim;
    struct fbsd_timespec st_birthtim;
    int64_t  st_size;
    int64_t  st_blocks;
    int32_t  st_blksize;
    uint32_t st_flags;
    uint64_t st_gen;
    uint64_t st_spare[10];
};
_Static_assert(sizeof(struct fbsd_stat) == 224, "fbsd_stat size");
_Static_assert(offsetof(struct fbsd_stat, st_nlink) == 16, "fbsd_stat st_nlink");
_Static_assert(offsetof(struct fbsd_stat, st_mode) == 24, "fbsd_stat st_mode");
_Static_assert(offsetof(struct fbsd_stat, st_uid) == 28, "fbsd_stat st_uid");
_Static_assert(offsetof(struct fbsd_stat, st_rdev) == 40, "fbsd_stat st_rdev");
_Static_assert(offsetof(struct fbsd_stat, st_atim) == 48, "fbsd_stat st_atim");
_Static_assert(offsetof(struct fbsd_stat, st_birthtim) == 96, "fbsd_stat st_birthtim");
_Static_assert(offsetof(struct fbsd_stat, st_size) == 112, "fbsd_stat st_size");
_Static_assert(offsetof(struct fbsd_stat, st_blksize) == 128, "fbsd_stat st_blksize");
_Static_assert(offsetof(struct fbsd_stat, st_gen) == 136, "fbsd_stat st_gen");

/* sys/stat.h, struct freebsd11_stat (120 bytes) */
struct fbsd_freebsd11_stat {
    uint32_t st_dev;
    uint32_t st_ino;
    uint16_t st_mode;
    uint16_t st_nlink;
    uint32_t st_uid;
    uint32_t st_gid;
    uint32_t st_rdev;
    struct fbsd_timespec st_atim;
    struct fbsd_timespec st_mtim;
    struct fbsd_timespec st_ctim;
    int64_t  st_size;
    int64_t  st_blocks;
    int32_t  st_blksize;
    uint32_t st_flags;
    uint32_t st_gen;
    int32_t  st_lspare;
    struct fbsd_timespec st_birthtim;
};
_Static_assert(sizeof(struct fbsd_freebsd11_stat) == 120, "fbsd_freebsd11_stat size");
_Static_assert(offsetof(struct fbsd_freebsd11_stat, st_mode) == 8, "freebsd11_stat st_mode");
_Static_assert(offsetof(struct fbsd_freebsd11_stat, st_nlink) == 10, "freebsd11_stat st_nlink");
_Static_assert(offsetof(struct fbsd_freebsd11_stat, st_atim) == 24, "freebsd11_stat st_atim");
_Static_assert(offsetof(struct fbsd_freebsd11_stat, st_size) == 72, "freebsd11_stat st_size");
_Static_assert(offsetof(struct fbsd_freebsd11_stat, st_birthtim) == 104, "freebsd11_stat st_birthtim");

/* File types and permission bits: the same numbers as Linux's. */
#define FBSD_S_IFMT    0170000
#define FBSD_S_IFIFO   0010000
#define FBSD_S_IFCHR   0020000
#define FBSD_S_IFDIR   0040000
#define FBSD_S_IFBLK   0060000
#define FBSD_S_IFREG   0100000
#define FBSD_S_IFLNK   0120000
#define FBSD_S_IFSOCK  0140000
#define FBSD_S_IFWHT   0160000
#define FBSD_S_ISUID   0004000
#define FBSD_S_ISGID   0002000
#define FBSD_S_ISVTX   0001000

/* st_flags (chflags(2)) */
#define FBSD_UF_NODUMP      0x00000001
#define FBSD_UF_IMMUTABLE   0x00000002
#define FBSD_UF_APPEND      0x00000004
#define FBSD_UF_OPAQUE      0x00000008
#define FBSD_UF_NOUNLINK    0x00000010
#define FBSD_UF_SYSTEM      0x00000080
#define FBSD_UF_SPARSE      0x00000100
#define FBSD_UF_OFFLINE     0x00000200
#define FBSD_UF_REPARSE     0x00000400
#define FBSD_UF_ARCHIVE     0x00000800
#define FBSD_UF_READONLY    0x00001000
#define FBSD_UF_HIDDEN      0x00008000
#define FBSD_SF_ARCHIVED    0x00010000
#define FBSD_SF_IMMUTABLE   0x00020000
#define FBSD_SF_APPEND      0x00040000
#define FBSD_SF_NOUNLINK    0x00100000
#define FBSD_SF_SNAPSHOT    0x00200000

/* FreeBSD 12+ dev_t from a major/minor pair (sys/types.h __makedev), and the
 * same for a Linux dev_t.  freebsd11 structures keep its low 32 bits, as
 * FreeBSD's own compat code does. */
uint64_t fbsd_makedev(uint32_t major, uint32_t minor);
uint64_t fbsd_dev_from_linux(uint64_t linux_dev);
/* Inverse, for mknod: a FreeBSD dev_t to a Linux one. */
uint64_t fbsd_dev_to_linux(uint64_t fbsd_dev);

/* statx attributes (STATX_ATTR_IMMUTABLE, APPEND, NODUMP; FreeBSD defines no
 * compressed flag: UF_COMPRESSED is under #if 0 in its header) to
 * st_flags.  Linux's immutable/append are root-only, like SF_*. */
extern const struct fbsd_map fbsd_stat_attr_map;

struct stat;
struct statx;
/* st_birthtim is unknown in struct stat: it is set to -1 seconds as FreeBSD does
 * for file systems without birth times; st_flags and st_gen are 0. */
void fbsd_stat_from_linux(struct fbsd_stat *out, const struct stat *in);
/* From statx: birth time when STATX_BTIME is in stx_mask, st_flags from attributes. */
void fbsd_stat_from_statx(struct fbsd_stat *out, const struct statx *in);
/* Old layout: st_ino, st_dev, st_rdev truncated to 32 bits and st_nlink
 * saturated to 65535 (FreeBSD's default when vfs.ino64_trunc_error is 0). */
void fbsd_freebsd11_stat_from_linux(struct fbsd_freebsd11_stat *out, const struct stat *in);
void fbsd_freebsd11_stat_from_new(struct fbsd_freebsd11_stat *out, const struct fbsd_stat *in);

/* Names for --trace: file types (enum under S_IFMT) and the st_flags bits. */
extern const struct xlat fbsd_xlat_file_types[];
extern const struct xlat fbsd_xlat_mode_bits[];
extern const struct xlat fbsd_xlat_chflags[];

#endif
