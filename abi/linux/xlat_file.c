/* Linux file-call constants: open flags, file modes, AT_*, fcntl commands, whence,
 * access modes (<asm-generic/fcntl.h>, <linux/stat.h>, <linux/fcntl.h>, x86-64 values). */
#include <stddef.h>
#include "abi/linux/xlat.h"

static const struct xlat accmode[] = {
    { 0, "O_RDONLY" }, { 1, "O_WRONLY" }, { 2, "O_RDWR" }, { 0, NULL }
};
/* Multi-bit names first, so that O_SYNC (which includes O_DSYNC) and O_TMPFILE
 * (which includes O_DIRECTORY) take their bits before the single-bit names. */
static const struct xlat oflags[] = {
    { 04010000, "O_SYNC" }, { 020200000, "O_TMPFILE" },
    { 0100, "O_CREAT" }, { 0200, "O_EXCL" }, { 0400, "O_NOCTTY" }, { 01000, "O_TRUNC" },
    { 02000, "O_APPEND" }, { 04000, "O_NONBLOCK" }, { 010000, "O_DSYNC" },
    { 020000, "O_ASYNC" }, { 040000, "O_DIRECT" }, { 0100000, "O_LARGEFILE" },
    { 0200000, "O_DIRECTORY" }, { 0400000, "O_NOFOLLOW" }, { 01000000, "O_NOATIME" },
    { 02000000, "O_CLOEXEC" }, { 010000000, "O_PATH" },
    { 0, NULL }
};
const struct xlat_set linux_xs_oflags = { XS_FLAGS, oflags, 3, accmode };

static const struct xlat ftype[] = {
    { 0140000, "S_IFSOCK" }, { 0120000, "S_IFLNK" }, { 0100000, "S_IFREG" },
    { 0060000, "S_IFBLK" }, { 0040000, "S_IFDIR" }, { 0020000, "S_IFCHR" },
    { 0010000, "S_IFIFO" }, { 0, NULL }
};
static const struct xlat modebits[] = {
    { 04000, "S_ISUID" }, { 02000, "S_ISGID" }, { 01000, "S_ISVTX" }, { 0, NULL }
};
/* A_MODE: the S_IFMT part by name, the set-id bits by name, the rest in octal. */
const struct xlat_set linux_xs_mode = { XS_FLAGS, modebits, 0170000, ftype };

static const struct xlat atflags[] = {
    { 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
    { 0x400, "AT_SYMLINK_FOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
    { 0x1000, "AT_EMPTY_PATH" }, { 0x2000, "AT_STATX_FORCE_SYNC" },
    { 0x4000, "AT_STATX_DONT_SYNC" }, { 0x8000, "AT_RECURSIVE" },
    { 0, NULL }
};
const struct xlat_set linux_xs_atflags = { XS_FLAGS, atflags, 0, NULL };

/* Descriptor arguments that may be AT_FDCWD; values are compared sign-extended from int. */
static const struct xlat dirfd[] = { { (uint64_t)-100, "AT_FDCWD" }, { 0, NULL } };
const struct xlat_set linux_xs_dirfd = { XS_ENUM, dirfd, 0, NULL };

static const struct xlat fcntl_cmd[] = {
    { 0, "F_DUPFD" }, { 1, "F_GETFD" }, { 2, "F_SETFD" }, { 3, "F_GETFL" }, { 4, "F_SETFL" },
    { 5, "F_GETLK" }, { 6, "F_SETLK" }, { 7, "F_SETLKW" }, { 8, "F_SETOWN" },
    { 9, "F_GETOWN" }, { 10, "F_SETSIG" }, { 11, "F_GETSIG" }, { 15, "F_SETOWN_EX" },
    { 16, "F_GETOWN_EX" }, { 17, "F_GETOWNER_UIDS" }, { 36, "F_OFD_GETLK" },
    { 37, "F_OFD_SETLK" }, { 38, "F_OFD_SETLKW" }, { 1024, "F_SETLEASE" },
    { 1025, "F_GETLEASE" }, { 1026, "F_NOTIFY" }, { 1027, "F_DUPFD_QUERY" },
    { 1028, "F_CREATED_QUERY" }, { 1030, "F_DUPFD_CLOEXEC" }, { 1031, "F_SETPIPE_SZ" },
    { 1032, "F_GETPIPE_SZ" }, { 1033, "F_ADD_SEALS" }, { 1034, "F_GET_SEALS" },
    { 1035, "F_GET_RW_HINT" }, { 1036, "F_SET_RW_HINT" }, { 1037, "F_GET_FILE_RW_HINT" },
    { 1038, "F_SET_FILE_RW_HINT" },
    { 0, NULL }
};
const struct xlat_set linux_xs_fcntl_cmd = { XS_ENUM, fcntl_cmd, 0, NULL };

static const struct xlat whence[] = {
    { 0, "SEEK_SET" }, { 1, "SEEK_CUR" }, { 2, "SEEK_END" }, { 3, "SEEK_DATA" },
    { 4, "SEEK_HOLE" }, { 0, NULL }
};
const struct xlat_set linux_xs_whence = { XS_ENUM, whence, 0, NULL };

static const struct xlat access_mode[] = {
    { 0, "F_OK" }, { 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" }, { 0, NULL }
};
const struct xlat_set linux_xs_access_mode = { XS_FLAGS, access_mode, 0, NULL };
