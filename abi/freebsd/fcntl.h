/* FreeBSD open(2) flags, AT_* flags, fcntl(2) commands, struct flock, access(2)
 * modes and lseek whence values (sys/fcntl.h, sys/unistd.h, FreeBSD 13.2), and
 * their translation to and from Linux. */
#ifndef LSL2_ABI_FREEBSD_FCNTL_H
#define LSL2_ABI_FREEBSD_FCNTL_H

#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

/* open(2) */
#define FBSD_O_RDONLY           0x0000
#define FBSD_O_WRONLY           0x0001
#define FBSD_O_RDWR             0x0002
#define FBSD_O_ACCMODE          0x0003
#define FBSD_O_NONBLOCK         0x0004
#define FBSD_O_APPEND           0x0008
#define FBSD_O_SHLOCK           0x0010
#define FBSD_O_EXLOCK           0x0020
#define FBSD_O_ASYNC            0x0040
#define FBSD_O_FSYNC            0x0080
#define FBSD_O_SYNC             0x0080
#define FBSD_O_NOFOLLOW         0x0100
#define FBSD_O_CREAT            0x0200
#define FBSD_O_TRUNC            0x0400
#define FBSD_O_EXCL             0x0800
#define FBSD_O_NOCTTY           0x8000
#define FBSD_O_DIRECT           0x00010000
#define FBSD_O_DIRECTORY        0x00020000
#define FBSD_O_EXEC             0x00040000
#define FBSD_O_SEARCH           FBSD_O_EXEC
#define FBSD_O_TTY_INIT         0x00080000
#define FBSD_O_CLOEXEC          0x00100000
#define FBSD_O_VERIFY           0x00200000
#define FBSD_O_PATH             0x00400000
#define FBSD_O_RESOLVE_BENEATH  0x00800000
#define FBSD_O_DSYNC            0x01000000
#define FBSD_O_EMPTY_PATH       0x02000000

/* *at(2) */
#define FBSD_AT_FDCWD              (-100)
#define FBSD_AT_EACCESS            0x0100
#define FBSD_AT_SYMLINK_NOFOLLOW   0x0200
#define FBSD_AT_SYMLINK_FOLLOW     0x0400
#define FBSD_AT_REMOVEDIR          0x0800
#define FBSD_AT_RESOLVE_BENEATH    0x2000
#define FBSD_AT_EMPTY_PATH         0x4000

/* fcntl(2) commands */
#define FBSD_F_DUPFD            0
#define FBSD_F_GETFD            1
#define FBSD_F_SETFD            2
#define FBSD_F_GETFL            3
#define FBSD_F_SETFL            4
#define FBSD_F_GETOWN           5
#define FBSD_F_SETOWN           6
#define FBSD_F_OGETLK           7
#define FBSD_F_OSETLK           8
#define FBSD_F_OSETLKW          9
#define FBSD_F_DUP2FD           10
#define FBSD_F_GETLK            11
#define FBSD_F_SETLK            12
#define FBSD_F_SETLKW           13
#define FBSD_F_SETLK_REMOTE     14
#define FBSD_F_READAHEAD        15
#define FBSD_F_RDAHEAD          16
#define FBSD_F_DUPFD_CLOEXEC    17
#define FBSD_F_DUP2FD_CLOEXEC   18
#define FBSD_F_ADD_SEALS        19
#define FBSD_F_GET_SEALS        20
#define FBSD_F_ISUNIONSTACK     21
#define FBSD_F_KINFO            22

#define FBSD_FD_CLOEXEC         1

/* F_ADD_SEALS bits (identical on Linux) */
#define FBSD_F_SEAL_SEAL        0x0001
#define FBSD_F_SEAL_SHRINK      0x0002
#define FBSD_F_SEAL_GROW        0x0004
#define FBSD_F_SEAL_WRITE       0x0008

/* struct flock l_type */
#define FBSD_F_RDLCK            1
#define FBSD_F_UNLCK            2
#define FBSD_F_WRLCK            3

/* flock(2) (identical on Linux) */
#define FBSD_LOCK_SH            0x01
#define FBSD_LOCK_EX            0x02
#define FBSD_LOCK_NB            0x04
#define FBSD_LOCK_UN            0x08

/* access(2) modes (identical on Linux) */
#define FBSD_F_OK               0
#define FBSD_X_OK               0x01
#define FBSD_W_OK               0x02
#define FBSD_R_OK               0x04

/* lseek(2) whence (identical on Linux) */
#define FBSD_SEEK_SET           0
#define FBSD_SEEK_CUR           1
#define FBSD_SEEK_END           2
#define FBSD_SEEK_DATA          3
#define FBSD_SEEK_HOLE          4

/* posix_fadvise(2) advice (identical on Linux except NOREUSE) */
#define FBSD_POSIX_FADV_NORMAL      0
#define FBSD_POSIX_FADV_RANDOM      1
#define FBSD_POSIX_FADV_SEQUENTIAL  2
#define FBSD_POSIX_FADV_WILLNEED    3
#define FBSD_POSIX_FADV_DONTNEED    4
#define FBSD_POSIX_FADV_NOREUSE     5

/* struct flock as FreeBSD lays it out (32 bytes). */
struct fbsd_flock {
    int64_t l_start;
    int64_t l_len;
    int32_t l_pid;
    int16_t l_type;
    int16_t l_whence;
    int32_t l_sysid;
    int32_t _pad;       /* alignment padding; written as 0 */
};
_Static_assert(sizeof(struct fbsd_flock) == 32, "fbsd_flock size");
_Static_assert(offsetof(struct fbsd_flock, l_pid) == 16, "fbsd_flock l_pid");
_Static_assert(offsetof(struct fbsd_flock, l_type) == 20, "fbsd_flock l_type");
_Static_assert(offsetof(struct fbsd_flock, l_whence) == 22, "fbsd_flock l_whence");
_Static_assert(offsetof(struct fbsd_flock, l_sysid) == 24, "fbsd_flock l_sysid");

/* Translation maps (flagmap.h).
 * open flags: O_SHLOCK/O_EXLOCK (the handler takes a flock(2) lock after the
 * open), O_TTY_INIT and O_VERIFY (nothing to do on Linux: ignore),
 * O_RESOLVE_BENEATH (needs openat2 RESOLVE_BENEATH) and O_EMPTY_PATH (open the
 * descriptor itself, e.g. through /proc/self/fd) have no Linux open flag: they
 * come back as unknown bits for the handler.  O_EXEC/O_SEARCH become O_PATH (a
 * descriptor for fexecve and *at lookups).  Toward the guest, Linux's
 * O_LARGEFILE (added by the kernel on x86-64, seen in F_GETFL) is dropped. */
extern const struct fbsd_map fbsd_open_flags_map;
/* AT_* flags, guest to host only: Linux gives 0x200 two meanings (AT_EACCESS
 * and AT_REMOVEDIR), so the host-to-guest direction is ambiguous.
 * AT_RESOLVE_BENEATH has no *at flag on Linux (unknown bit). */
extern const struct fbsd_map fbsd_at_flags_map;
/* fcntl commands that have a Linux command of the same meaning.  The others
 * (F_DUP2FD[_CLOEXEC]: dup2/dup3; F_OGETLK/F_OSETLK[W]: old struct flock;
 * F_READAHEAD/F_RDAHEAD: posix_fadvise or no-op; F_ISUNIONSTACK: answer 0;
 * F_KINFO: fill struct kinfo_file; F_SETLK_REMOTE: EINVAL) are the handler's. */
extern const struct fbsd_map fbsd_fcntl_cmd_map;
/* struct flock l_type values. */
extern const struct fbsd_map fbsd_flock_type_map;

/* Convenience wrappers over the maps.  *unknown receives untranslatable bits. */
int fbsd_open_flags_to_linux(uint32_t guest, uint32_t *unknown);
uint32_t fbsd_open_flags_from_linux(int host);
/* Returns the Linux command, or -1 when the command has no direct counterpart. */
int fbsd_fcntl_cmd_to_linux(int guest_cmd);

struct flock;
/* 0, or -EINVAL for an l_type FreeBSD does not define. l_sysid is dropped
 * (remote locks: Linux has none). */
int fbsd_flock_to_linux(struct flock *out, const struct fbsd_flock *in);
/* 0, or -EINVAL for an l_type Linux should never return. */
int fbsd_flock_from_linux(struct fbsd_flock *out, const struct flock *in);

/* Names for --trace (end with { 0, NULL }).  fbsd_xlat_open_flags holds the
 * flag bits only; fbsd_xlat_open_accmode the O_ACCMODE part. */
extern const struct xlat fbsd_xlat_open_flags[];
extern const struct xlat fbsd_xlat_open_accmode[];
extern const struct xlat fbsd_xlat_at_flags[];
extern const struct xlat fbsd_xlat_fcntl_cmds[];
extern const struct xlat fbsd_xlat_fd_flags[];
extern const struct xlat fbsd_xlat_flock_types[];
extern const struct xlat fbsd_xlat_flock_ops[];
extern const struct xlat fbsd_xlat_access_modes[];
extern const struct xlat fbsd_xlat_whence[];
extern const struct xlat fbsd_xlat_fadvise[];

#endif
