/* vfs.conflist: the file system types lsl2 presents (see vfsconf.h). */
#include <string.h>
#include "abi/freebsd/vfsconf.h"

/* The names are those abi/freebsd/statfs.c reports (a unit test checks that
 * every one is here).  Flags are those of FreeBSD's VFS_SET declarations where
 * FreeBSD has the file system; for Linux-only types they say what the type is
 * (cgroup: synthetic, squashfs: read-only).  FreeBSD numbers types as it
 * registers them; lsl2 numbers them in this order, from 1. */
static const struct vfs {
    const char *name;
    int32_t flags;
    const char *linux_names[4];   /* mountinfo types shown as this one */
} vfs[] = {
    { "ufs",      0, { NULL } },
    { "ext2fs",   0, { "ext2", "ext3", "ext4" } },
    { "zfs",      FBSD_VFCF_JAIL | FBSD_VFCF_DELEGADMIN, { "zfs" } },
    { "tmpfs",    FBSD_VFCF_JAIL, { "tmpfs", "ramfs", "shm" } },
    { "devfs",    FBSD_VFCF_SYNTHETIC | FBSD_VFCF_JAIL, { "devtmpfs", "devpts" } },
    { "procfs",   FBSD_VFCF_SYNTHETIC | FBSD_VFCF_JAIL, { "proc" } },
    { "linsysfs", FBSD_VFCF_SYNTHETIC | FBSD_VFCF_JAIL, { "sysfs" } },
    { "nfs",      FBSD_VFCF_NETWORK | FBSD_VFCF_SBDRY, { "nfs", "nfs4" } },
    { "smbfs",    FBSD_VFCF_NETWORK, { "cifs", "smb3" } },
    { "p9fs",     FBSD_VFCF_NETWORK, { "9p" } },
    { "fusefs",   FBSD_VFCF_JAIL, { "fuse", "fuseblk" } },
    { "msdosfs",  0, { "vfat", "msdos", "fat" } },
    { "cd9660",   FBSD_VFCF_READONLY, { "iso9660" } },
    { "xfs",      0, { "xfs" } },
    { "btrfs",    0, { "btrfs" } },
    { "overlay",  0, { "overlay" } },
    { "squashfs", FBSD_VFCF_READONLY, { "squashfs" } },
    { "f2fs",     0, { "f2fs" } },
    { "cgroup2",  FBSD_VFCF_SYNTHETIC, { "cgroup2" } },
    { "cgroup",   FBSD_VFCF_SYNTHETIC, { "cgroup" } },
    { "ntfs",     0, { "ntfs", "ntfs3" } },
    { "exfat",    0, { "exfat" } },
    { "jfs",      0, { "jfs" } },
    /* statfs's name for a magic it does not know: listed so that programs
     * asking getvfsbyname about such a mount still get an answer. */
    { "unknown",  0, { NULL } },
};
#define NVFS (sizeof(vfs) / sizeof(vfs[0]))
_Static_assert(NVFS <= FBSD_VFS_MAX, "FBSD_VFS_MAX too small");

size_t fbsd_vfs_count(void) { return NVFS; }
const char *fbsd_vfs_name(size_t i) { return i < NVFS ? vfs[i].name : NULL; }

int fbsd_vfs_find(const char *name)
{
    for (size_t i = 0; i < NVFS; i++)
        if (strcmp(vfs[i].name, name) == 0)
            return (int)i;
    return -1;
}

int fbsd_vfs_from_linux(const char *lt)
{
    /* FUSE mounts are "fuse.<helper>" in mountinfo. */
    if (strncmp(lt, "fuse.", 5) == 0)
        lt = "fuse";
    for (size_t i = 0; i < NVFS; i++)
        for (size_t j = 0; j < 4 && vfs[i].linux_names[j]; j++)
            if (strcmp(vfs[i].linux_names[j], lt) == 0)
                return (int)i;
    return fbsd_vfs_find("unknown");
}

size_t fbsd_vfs_conflist(const int32_t *refcount, void *buf, size_t cap)
{
    size_t len = NVFS * sizeof(struct fbsd_xvfsconf);
    for (size_t i = 0; i < NVFS; i++) {
        struct fbsd_xvfsconf x;
        memset(&x, 0, sizeof x);
        strncpy(x.vfc_name, vfs[i].name, sizeof x.vfc_name - 1);
        x.vfc_typenum = (int32_t)i + 1;
        x.vfc_refcount = refcount ? refcount[i] : 0;
        x.vfc_flags = vfs[i].flags;
        size_t off = i * sizeof x;
        if (off < cap)
            memcpy((char *)buf + off, &x, cap - off < sizeof x ? cap - off : sizeof x);
    }
    return len;
}
