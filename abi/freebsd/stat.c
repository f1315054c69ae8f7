/* struct stat conversion from Linux (see stat.h). */
#define _GNU_SOURCE
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "abi/freebsd/stat.h"

uint64_t fbsd_makedev(uint32_t ma, uint32_t mi)
{
    return ((uint64_t)(ma & 0xffffff00u) << 32) | ((ma & 0xffu) << 8) |
           ((uint64_t)(mi & 0xff00u) << 24) | (mi & 0xffff00ffu);
}

uint64_t fbsd_dev_from_linux(uint64_t d)
{
    return fbsd_makedev(major(d), minor(d));
}

uint64_t fbsd_dev_to_linux(uint64_t d)
{
    /* sys/types.h __major/__minor */
    uint32_t ma = (uint32_t)(((d >> 32) & 0xffffff00u) | ((d >> 8) & 0xffu));
    uint32_t mi = (uint32_t)(((d >> 24) & 0xff00u) | (d & 0xffff00ffu));
    return makedev(ma, mi);
}

static const struct fbsd_pair attr_pairs[] = {
    { FBSD_SF_IMMUTABLE,  STATX_ATTR_IMMUTABLE },
    { FBSD_SF_APPEND,     STATX_ATTR_APPEND },
    { FBSD_UF_NODUMP,     STATX_ATTR_NODUMP },
};
const struct fbsd_map fbsd_stat_attr_map = FBSD_MAP(attr_pairs);

void fbsd_stat_from_linux(struct fbsd_stat *o, const struct stat *s)
{
    memset(o, 0, sizeof(*o));
    o->st_dev = fbsd_dev_from_linux(s->st_dev);
    o->st_ino = s->st_ino;
    o->st_nlink = s->st_nlink;
    o->st_mode = (uint16_t)s->st_mode;
    o->st_uid = s->st_uid;
    o->st_gid = s->st_gid;
    o->st_rdev = fbsd_dev_from_linux(s->st_rdev);
    o->st_atim = (struct fbsd_timespec){ s->st_atim.tv_sec, s->st_atim.tv_nsec };
    o->st_mtim = (struct fbsd_timespec){ s->st_mtim.tv_sec, s->st_mtim.tv_nsec };
    o->st_ctim = (struct fbsd_timespec){ s->st_ctim.tv_sec, s->st_ctim.tv_nsec };
    o->st_birthtim = (struct fbsd_timespec){ -1, 0 };
    o->st_size = s->st_size;
    o->st_blocks = s->st_blocks;
    o->st_blksize = (int32_t)s->st_blksize;
}

void fbsd_stat_from_statx(struct fbsd_stat *o, const struct statx *x)
{
    memset(o, 0, sizeof(*o));
    o->st_dev = fbsd_makedev(x->stx_dev_major, x->stx_dev_minor);
    o->st_ino = x->stx_ino;
    o->st_nlink = x->stx_nlink;
    o->st_mode = x->stx_mode;
    o->st_uid = x->stx_uid;
    o->st_gid = x->stx_gid;
    o->st_rdev = fbsd_makedev(x->stx_rdev_major, x->stx_rdev_minor);
    o->st_atim = (struct fbsd_timespec){ x->stx_atime.tv_sec, x->stx_atime.tv_nsec };
    o->st_mtim = (struct fbsd_timespec){ x->stx_mtime.tv_sec, x->stx_mtime.tv_nsec };
    o->st_ctim = (struct fbsd_timespec){ x->stx_ctime.tv_sec, x->stx_ctime.tv_nsec };
    if (x->stx_mask & STATX_BTIME)
        o->st_birthtim = (struct fbsd_timespec){ x->stx_btime.tv_sec, x->stx_btime.tv_nsec };
    else
        o->st_birthtim = (struct fbsd_timespec){ -1, 0 };
    o->st_size = (int64_t)x->stx_size;
    o->st_blocks = (int64_t)x->stx_blocks;
    o->st_blksize = (int32_t)x->stx_blksize;
    o->st_flags = (uint32_t)fbsd_bits_to_guest(&fbsd_stat_attr_map,
                                               x->stx_attributes & x->stx_attributes_mask, NULL);
}

void fbsd_freebsd11_stat_from_new(struct fbsd_freebsd11_stat *o, const struct fbsd_stat *n)
{
    memset(o, 0, sizeof(*o));
    o->st_dev = (uint32_t)n->st_dev;
    o->st_ino = (uint32_t)n->st_ino;
    o->st_mode = n->st_mode;
    o->st_nlink = n->st_nlink > 0xffff ? 0xffff : (uint16_t)n->st_nlink;
    o->st_uid = n->st_uid;
    o->st_gid = n->st_gid;
    o->st_rdev = (uint32_t)n->st_rdev;
    o->st_atim = n->st_atim;
    o->st_mtim = n->st_mtim;
    o->st_ctim = n->st_ctim;
    o->st_size = n->st_size;
    o->st_blocks = n->st_blocks;
    o->st_blksize = n->st_blksize;
    o->st_flags = n->st_flags;
    o->st_gen = (uint32_t)n->st_gen;
    o->st_birthtim = n->st_birthtim;
}

void fbsd_freebsd11_stat_from_linux(struct fbsd_freebsd11_stat *o, const struct stat *s)
{
    struct fbsd_stat n;
    fbsd_stat_from_linux(&n, s);
    fbsd_freebsd11_stat_from_new(o, &n);
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_file_types[] = {
    X(S_IFIFO), X(S_IFCHR), X(S_IFDIR), X(S_IFBLK), X(S_IFREG), X(S_IFLNK),
    X(S_IFSOCK), X(S_IFWHT),
    { 0, NULL }
};

const struct xlat fbsd_xlat_mode_bits[] = {
    X(S_ISUID), X(S_ISGID), X(S_ISVTX),
    { 0, NULL }
};

const struct xlat fbsd_xlat_chflags[] = {
    X(UF_NODUMP), X(UF_IMMUTABLE), X(UF_APPEND), X(UF_OPAQUE), X(UF_NOUNLINK),
    X(UF_SYSTEM), X(UF_SPARSE), X(UF_OFFLINE),
    X(UF_REPARSE), X(UF_ARCHIVE), X(UF_READONLY), X(UF_HIDDEN), X(SF_ARCHIVED),
    X(SF_IMMUTABLE), X(SF_APPEND), X(SF_NOUNLINK), X(SF_SNAPSHOT),
    { 0, NULL }
};
