/* struct statfs conversion from Linux (see statfs.h). */
#define _GNU_SOURCE
#include <string.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include "abi/freebsd/statfs.h"

static const struct fbsd_pair mnt_pairs[] = {
    { FBSD_MNT_RDONLY,      ST_RDONLY },
    { FBSD_MNT_NOSUID,      ST_NOSUID },
    { FBSD_MNT_NOEXEC,      ST_NOEXEC },
    { FBSD_MNT_SYNCHRONOUS, ST_SYNCHRONOUS },
    { FBSD_MNT_NOATIME,     ST_NOATIME },
    { FBSD_MNT_NOSYMFOLLOW, 8192 /* ST_NOSYMFOLLOW, newer than this glibc's headers */ },
};
const struct fbsd_map fbsd_mnt_flags_map = FBSD_MAP(mnt_pairs);

/* Linux f_type magics (linux/magic.h). */
static const struct fstype {
    uint32_t magic;
    const char *name;
    int local;
} fstypes[] = {
    { 0xEF53,     "ext2fs",   1 },   /* ext2, ext3, ext4: FreeBSD's ext2fs driver reads all three */
    { 0x01021994, "tmpfs",    1 },   /* also devtmpfs and shm */
    { 0x858458f6, "tmpfs",    1 },   /* ramfs */
    { 0x9fa0,     "procfs",   1 },
    { 0x1cd1,     "devfs",    1 },   /* devpts */
    { 0x62656572, "linsysfs", 1 },   /* sysfs: FreeBSD's name for its Linux sysfs */
    { 0x6969,     "nfs",      0 },
    { 0x58465342, "xfs",      1 },
    { 0x9123683E, "btrfs",    1 },
    { 0x2fc12fc1, "zfs",      1 },
    { 0x4d44,     "msdosfs",  1 },
    { 0x9660,     "cd9660",   1 },
    { 0x65735546, "fusefs",   0 },
    { 0xFF534D42, "smbfs",    0 },   /* cifs */
    { 0xFE534D42, "smbfs",    0 },   /* smb2 */
    { 0x01021997, "p9fs",     0 },   /* 9p */
    { 0x794c7630, "overlay",  1 },   /* no FreeBSD counterpart: Linux's name */
    { 0x73717368, "squashfs", 1 },
    { 0xF2F52010, "f2fs",     1 },
    { 0x63677270, "cgroup2",  1 },
    { 0x27e0eb,   "cgroup",   1 },
    { 0x5346544e, "ntfs",     1 },
    { 0x2011BAB0, "exfat",    1 },
    { 0x3153464a, "jfs",      1 },
};

const char *fbsd_fstypename_from_magic(uint64_t magic, int *local)
{
    for (size_t i = 0; i < sizeof(fstypes) / sizeof(fstypes[0]); i++) {
        if (fstypes[i].magic == (uint32_t)magic) {
            if (local)
                *local = fstypes[i].local;
            return fstypes[i].name;
        }
    }
    if (local)
        *local = 0;
    return "unknown";
}

const char *fbsd_fstypename_at(size_t i)
{
    return i < sizeof(fstypes) / sizeof(fstypes[0]) ? fstypes[i].name : NULL;
}

static void copy_name(char *dst, size_t size, const char *src)
{
    memset(dst, 0, size);
    if (src)
        strncpy(dst, src, size - 1);
}

void fbsd_statfs_from_linux(struct fbsd_statfs *o, const struct statfs *s,
                            const char *mntfrom, const char *mnton)
{
    int local;
    memset(o, 0, sizeof(*o));
    o->f_version = FBSD_STATFS_VERSION;
    o->f_flags = fbsd_bits_to_guest(&fbsd_mnt_flags_map, (uint64_t)s->f_flags, NULL);
    o->f_bsize = (uint64_t)(s->f_frsize ? s->f_frsize : s->f_bsize);
    o->f_iosize = (uint64_t)s->f_bsize;
    o->f_blocks = s->f_blocks;
    o->f_bfree = s->f_bfree;
    o->f_bavail = (int64_t)s->f_bavail;
    o->f_files = s->f_files;
    o->f_ffree = (int64_t)s->f_ffree;
    o->f_namemax = (uint32_t)s->f_namelen;
    memcpy(o->f_fsid, &s->f_fsid, sizeof(o->f_fsid));
    copy_name(o->f_fstypename, sizeof(o->f_fstypename),
              fbsd_fstypename_from_magic((uint64_t)s->f_type, &local));
    if (local)
        o->f_flags |= FBSD_MNT_LOCAL;
    copy_name(o->f_mntfromname, sizeof(o->f_mntfromname), mntfrom);
    copy_name(o->f_mntonname, sizeof(o->f_mntonname), mnton);
}

/* The two layouts share every field before f_mntfromname. */
_Static_assert(offsetof(struct fbsd_statfs, f_mntfromname) ==
               offsetof(struct fbsd_freebsd11_statfs, f_mntfromname), "statfs heads differ");

void fbsd_freebsd11_statfs_from_linux(struct fbsd_freebsd11_statfs *o, const struct statfs *s,
                                      const char *mntfrom, const char *mnton)
{
    struct fbsd_statfs n;
    fbsd_statfs_from_linux(&n, s, NULL, NULL);
    memcpy(o, &n, offsetof(struct fbsd_statfs, f_mntfromname));
    o->f_version = FBSD_FREEBSD11_STATFS_VERSION;
    copy_name(o->f_mntfromname, sizeof(o->f_mntfromname), mntfrom);
    copy_name(o->f_mntonname, sizeof(o->f_mntonname), mnton);
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_mnt_flags[] = {
    X(MNT_RDONLY), X(MNT_SYNCHRONOUS), X(MNT_NOEXEC), X(MNT_NOSUID), X(MNT_NFS4ACLS),
    X(MNT_UNION), X(MNT_ASYNC), X(MNT_LOCAL), X(MNT_QUOTA), X(MNT_ROOTFS), X(MNT_USER),
    X(MNT_SUIDDIR), X(MNT_SOFTDEP), X(MNT_NOSYMFOLLOW), X(MNT_IGNORE), X(MNT_ACLS),
    X(MNT_NOATIME), X(MNT_NOCLUSTERR), X(MNT_NOCLUSTERW),
    { 0, NULL }
};
