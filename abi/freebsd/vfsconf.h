/* FreeBSD's list of configured file system types (sysctl vfs.conflist, an array
 * of struct xvfsconf), which libc's getvfsbyname(3) searches — bsdtar, mount and
 * lsvfs ask it for the f_fstypename that statfs reported.  lsl2 lists every name
 * abi/freebsd/statfs.c can report, so getvfsbyname never fails for a mounted
 * file system. */
#ifndef LSL2_ABI_FREEBSD_VFSCONF_H
#define LSL2_ABI_FREEBSD_VFSCONF_H

#include <stddef.h>
#include <stdint.h>

/* sys/mount.h struct xvfsconf (amd64, 48 bytes; the pointers are userland-
 * meaningless and 0). */
struct fbsd_xvfsconf {
    uint64_t vfc_vfsops;
    char     vfc_name[16];          /* MFSNAMELEN */
    int32_t  vfc_typenum;
    int32_t  vfc_refcount;
    int32_t  vfc_flags;
    uint64_t vfc_next;
};
_Static_assert(sizeof(struct fbsd_xvfsconf) == 48, "xvfsconf size");
_Static_assert(offsetof(struct fbsd_xvfsconf, vfc_next) == 40, "xvfsconf vfc_next");

/* vfc_flags (sys/mount.h) */
#define FBSD_VFCF_STATIC     0x00010000
#define FBSD_VFCF_NETWORK    0x00020000
#define FBSD_VFCF_READONLY   0x00040000
#define FBSD_VFCF_SYNTHETIC  0x00080000
#define FBSD_VFCF_LOOPBACK   0x00100000
#define FBSD_VFCF_UNICODE    0x00200000
#define FBSD_VFCF_JAIL       0x00400000
#define FBSD_VFCF_DELEGADMIN 0x00800000
#define FBSD_VFCF_SBDRY      0x01000000
#define FBSD_VFCF_FILEMOUNT  0x02000000

/* Upper bound of the number of types (the size of a refcount array). */
#define FBSD_VFS_MAX 32

/* Number of types, and the FreeBSD name of type i (NULL past the end). */
size_t fbsd_vfs_count(void);
const char *fbsd_vfs_name(size_t i);
/* The type index for a FreeBSD name, or -1. */
int fbsd_vfs_find(const char *name);
/* The type index that a Linux mountinfo file system type shows as (ext4 ->
 * ext2fs, proc -> procfs, devtmpfs -> devfs, fuse.* -> fusefs ...), or the
 * index of "unknown" for a type statfs has no name for. */
int fbsd_vfs_from_linux(const char *linux_type);
/* Fills the vfs.conflist value: one record per type, vfc_refcount from
 * refcount[i] (NULL: 0).  Writes at most cap bytes into buf; returns the full
 * length. */
size_t fbsd_vfs_conflist(const int32_t *refcount, void *buf, size_t cap);

#endif
