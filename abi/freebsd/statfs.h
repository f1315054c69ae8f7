/* FreeBSD struct statfs (13.2), struct freebsd11_statfs (FreeBSD 10/11 binaries)
 * and mount flags, filled from Linux's struct statfs. */
#ifndef LSL2_ABI_FREEBSD_STATFS_H
#define LSL2_ABI_FREEBSD_STATFS_H

#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

#define FBSD_MFSNAMELEN               16
#define FBSD_MNAMELEN                 1024
#define FBSD_FREEBSD11_MNAMELEN       88
#define FBSD_STATFS_VERSION           0x20140518
#define FBSD_FREEBSD11_STATFS_VERSION 0x20030518

/* sys/mount.h struct statfs (2344 bytes) */
struct fbsd_statfs {
    uint32_t f_version;
    uint32_t f_type;
    uint64_t f_flags;
    uint64_t f_bsize;      /* fragment size: Linux f_frsize */
    uint64_t f_iosize;     /* optimal transfer size: Linux f_bsize */
    uint64_t f_blocks;
    uint64_t f_bfree;
    int64_t  f_bavail;
    uint64_t f_files;
    int64_t  f_ffree;
    uint64_t f_syncwrites;
    uint64_t f_asyncwrites;
    uint64_t f_syncreads;
    uint64_t f_asyncreads;
    uint64_t f_spare[10];
    uint32_t f_namemax;
    uint32_t f_owner;
    int32_t  f_fsid[2];
    char     f_charspare[80];
    char     f_fstypename[FBSD_MFSNAMELEN];
    char f_mntfromname[FBSD_MNAMELEN];
    char f_mntonname[FBSD_MNAMELEN];
};
_Static_assert(sizeof(struct fbsd_statfs) == 2344, "fbsd_statfs size");
_Static_assert(offsetof(struct fbsd_statfs, f_namemax) == 184, "fbsd_statfs f_namemax");
_Static_assert(offsetof(struct fbsd_statfs, f_fsid) == 192, "fbsd_statfs f_fsid");
_Static_assert(offsetof(struct fbsd_statfs, f_fstypename) == 280, "fbsd_statfs f_fstypename");
_Static_assert(offsetof(struct fbsd_statfs, f_mntonname) == 1320, "fbsd_statfs f_mntonname");

/* sys/mount.h struct freebsd11_statfs (472 bytes) */
struct fbsd_freebsd11_statfs {
    uint32_t f_version;
    uint32_t f_type;
    uint64_t f_flags;
    uint64_t f_bsize;      /* fragment size: Linux f_frsize */
    uint64_t f_iosize;     /* optimal transfer size: Linux f_bsize */
    uint64_t f_blocks;
    uint64_t f_bfree;
    int64_t  f_bavail;
    uint64_t f_files;
    int64_t  f_ffree;
    uint64_t f_syncwrites;
    uint64_t f_asyncwrites;
    uint64_t f_syncreads;
    uint64_t f_asyncreads;
    uint64_t f_spare[10];
    uint32_t f_namemax;
    uint32_t f_owner;
    int32_t  f_fsid[2];
    char     f_charspare[80];
    char     f_fstypename[FBSD_MFSNAMELEN];
    char f_mntfromname[FBSD_FREEBSD11_MNAMELEN];
    char f_mntonname[FBSD_FREEBSD11_MNAMELEN];
};
_Static_assert(sizeof(struct fbsd_freebsd11_statfs) == 472, "fbsd_freebsd11_statfs size");
_Static_assert(offsetof(struct fbsd_freebsd11_statfs, f_mntonname) == 384, "freebsd11_statfs f_mntonname");

/* f_flags (MNT_*) */
#define FBSD_MNT_RDONLY       0x0000000000000001ULL
#define FBSD_MNT_SYNCHRONOUS  0x0000000000000002ULL
#define FBSD_MNT_NOEXEC       0x0000000000000004ULL
#define FBSD_MNT_NOSUID       0x0000000000000008ULL
#define FBSD_MNT_NFS4ACLS     0x0000000000000010ULL
#define FBSD_MNT_UNION        0x0000000000000020ULL
#define FBSD_MNT_ASYNC        0x0000000000000040ULL
#define FBSD_MNT_LOCAL        0x0000000000001000ULL
#define FBSD_MNT_QUOTA        0x0000000000002000ULL
#define FBSD_MNT_ROOTFS       0x0000000000004000ULL
#define FBSD_MNT_USER         0x0000000000008000ULL
#define FBSD_MNT_SUIDDIR      0x0000000000100000ULL
#define FBSD_MNT_SOFTDEP      0x0000000000200000ULL
#define FBSD_MNT_NOSYMFOLLOW  0x0000000000400000ULL
#define FBSD_MNT_IGNORE       0x0000000000800000ULL
#define FBSD_MNT_ACLS         0x0000000008000000ULL
#define FBSD_MNT_NOATIME      0x0000000010000000ULL
#define FBSD_MNT_NOCLUSTERR   0x0000000040000000ULL
#define FBSD_MNT_NOCLUSTERW   0x0000000080000000ULL

/* getfsstat(2) modes */
#define FBSD_MNT_WAIT         1
#define FBSD_MNT_NOWAIT       2

/* Linux statvfs-style f_flags (ST_RDONLY...) to MNT_* bits; ST_NODEV and
 * ST_RELATIME have no FreeBSD flag and are dropped. */
extern const struct fbsd_map fbsd_mnt_flags_map;

/* The FreeBSD file system type name for a Linux f_type magic ("ext2fs" for
 * ext2/3/4, FreeBSD's own name where it has the file system, the Linux name
 * otherwise, "unknown" when the magic is not in the table); *local (may be
 * NULL) tells whether the file system is stored locally (MNT_LOCAL). */
const char *fbsd_fstypename_from_magic(uint64_t magic, int *local);
/* The name of entry i of that table (NULL past the end): vfs.conflist lists them all. */
const char *fbsd_fstypename_at(size_t i);

struct statfs;
/* mntfrom/mnton come from the caller (e.g. /proc/self/mountinfo, with the guest
 * root removed); NULL gives "".  Too long names are cut (NUL-terminated).
 * f_type is 0: FreeBSD numbers file system types in the order it registers them,
 * programs compare f_fstypename. */
void fbsd_statfs_from_linux(struct fbsd_statfs *out, const struct statfs *in,
                            const char *mntfrom, const char *mnton);
void fbsd_freebsd11_statfs_from_linux(struct fbsd_freebsd11_statfs *out, const struct statfs *in,
                                      const char *mntfrom, const char *mnton);

extern const struct xlat fbsd_xlat_mnt_flags[];

#endif
