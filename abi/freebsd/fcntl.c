/* open/fcntl/flock/AT_* translation tables (see fcntl.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include "abi/freebsd/fcntl.h"

static const struct fbsd_pair open_pairs[] = {
    { FBSD_O_WRONLY,    O_WRONLY },
    { FBSD_O_RDWR,      O_RDWR },
    { FBSD_O_NONBLOCK,  O_NONBLOCK },
    { FBSD_O_APPEND,    O_APPEND },
    { FBSD_O_ASYNC,     O_ASYNC },
    { FBSD_O_FSYNC,     O_SYNC },      /* before O_DSYNC: Linux O_SYNC includes it */
    { FBSD_O_DSYNC,     O_DSYNC },
    { FBSD_O_NOFOLLOW,  O_NOFOLLOW },
    { FBSD_O_CREAT,     O_CREAT },
    { FBSD_O_TRUNC,     O_TRUNC },
    { FBSD_O_EXCL,      O_EXCL },
    { FBSD_O_NOCTTY,    O_NOCTTY },
    { FBSD_O_DIRECT,    O_DIRECT },
    { FBSD_O_DIRECTORY, O_DIRECTORY },
    { FBSD_O_CLOEXEC,   O_CLOEXEC },
    { FBSD_O_PATH,      O_PATH },      /* before O_EXEC: Linux O_PATH reads back as O_PATH */
    { FBSD_O_EXEC,      O_PATH },
    { 0,                0100000 },     /* O_LARGEFILE on x86-64: dropped toward the guest */
};
const struct fbsd_map fbsd_open_flags_map = FBSD_MAP(open_pairs);

static const struct fbsd_pair at_pairs[] = {
    { FBSD_AT_EACCESS,          AT_EACCESS },
    { FBSD_AT_SYMLINK_NOFOLLOW, AT_SYMLINK_NOFOLLOW },
    { FBSD_AT_SYMLINK_FOLLOW,   AT_SYMLINK_FOLLOW },
    { FBSD_AT_REMOVEDIR,        AT_REMOVEDIR },
    { FBSD_AT_EMPTY_PATH,       AT_EMPTY_PATH },
};
const struct fbsd_map fbsd_at_flags_map = FBSD_MAP(at_pairs);

static const struct fbsd_pair fcntl_pairs[] = {
    { FBSD_F_DUPFD,         F_DUPFD },
    { FBSD_F_GETFD,         F_GETFD },
    { FBSD_F_SETFD,         F_SETFD },
    { FBSD_F_GETFL,         F_GETFL },
    { FBSD_F_SETFL,         F_SETFL },
    { FBSD_F_GETOWN,        F_GETOWN },
    { FBSD_F_SETOWN,        F_SETOWN },
    { FBSD_F_GETLK,         F_GETLK },
    { FBSD_F_SETLK,         F_SETLK },
    { FBSD_F_SETLKW,        F_SETLKW },
    { FBSD_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC },
    { FBSD_F_ADD_SEALS,     F_ADD_SEALS },
    { FBSD_F_GET_SEALS,     F_GET_SEALS },
};
const struct fbsd_map fbsd_fcntl_cmd_map = FBSD_MAP(fcntl_pairs);

static const struct fbsd_pair flock_type_pairs[] = {
    { FBSD_F_RDLCK, F_RDLCK },
    { FBSD_F_UNLCK, F_UNLCK },
    { FBSD_F_WRLCK, F_WRLCK },
};
const struct fbsd_map fbsd_flock_type_map = FBSD_MAP(flock_type_pairs);

int fbsd_open_flags_to_linux(uint32_t guest, uint32_t *unknown)
{
    uint64_t unk;
    int host = (int)fbsd_bits_to_host(&fbsd_open_flags_map, guest, &unk);
    if (unknown)
        *unknown = (uint32_t)unk;
    return host;
}

uint32_t fbsd_open_flags_from_linux(int host)
{
    /* Bits without a FreeBSD name (O_NOATIME, O_TMPFILE's __O_TMPFILE) are dropped. */
    return (uint32_t)fbsd_bits_to_guest(&fbsd_open_flags_map, (uint32_t)host, NULL);
}

int fbsd_fcntl_cmd_to_linux(int guest_cmd)
{
    return fbsd_int_to_host(&fbsd_fcntl_cmd_map, guest_cmd);
}

int fbsd_flock_to_linux(struct flock *out, const struct fbsd_flock *in)
{
    uint64_t type;
    if (in->l_type < 0 || fbsd_val_to_host(&fbsd_flock_type_map, (uint64_t)in->l_type, &type) < 0)
        return -EINVAL;
    memset(out, 0, sizeof(*out));
    out->l_type = (short)type;
    out->l_whence = in->l_whence;
    out->l_start = in->l_start;
    out->l_len = in->l_len;
    out->l_pid = in->l_pid;
    return 0;
}

int fbsd_flock_from_linux(struct fbsd_flock *out, const struct flock *in)
{
    uint64_t type;
    if (in->l_type < 0 || fbsd_val_to_guest(&fbsd_flock_type_map, (uint64_t)in->l_type, &type) < 0)
        return -EINVAL;
    memset(out, 0, sizeof(*out));
    out->l_type = (int16_t)type;
    out->l_whence = in->l_whence;
    out->l_start = in->l_start;
    out->l_len = in->l_len;
    out->l_pid = in->l_pid;
    return 0;
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_open_flags[] = {
    X(O_NONBLOCK), X(O_APPEND), X(O_SHLOCK), X(O_EXLOCK), X(O_ASYNC), X(O_FSYNC),
    X(O_NOFOLLOW), X(O_CREAT), X(O_TRUNC), X(O_EXCL), X(O_NOCTTY), X(O_DIRECT),
    X(O_DIRECTORY), X(O_EXEC), X(O_TTY_INIT), X(O_CLOEXEC), X(O_VERIFY), X(O_PATH),
    X(O_RESOLVE_BENEATH), X(O_DSYNC), X(O_EMPTY_PATH),
    { 0, NULL }
};

const struct xlat fbsd_xlat_open_accmode[] = {
    X(O_RDONLY), X(O_WRONLY), X(O_RDWR),
    { 0, NULL }
};

const struct xlat fbsd_xlat_at_flags[] = {
    X(AT_EACCESS), X(AT_SYMLINK_NOFOLLOW), X(AT_SYMLINK_FOLLOW), X(AT_REMOVEDIR),
    X(AT_RESOLVE_BENEATH), X(AT_EMPTY_PATH),
    { 0, NULL }
};

const struct xlat fbsd_xlat_fcntl_cmds[] = {
    X(F_DUPFD), X(F_GETFD), X(F_SETFD), X(F_GETFL), X(F_SETFL), X(F_GETOWN),
    X(F_SETOWN), X(F_OGETLK), X(F_OSETLK), X(F_OSETLKW), X(F_DUP2FD), X(F_GETLK),
    X(F_SETLK), X(F_SETLKW), X(F_SETLK_REMOTE), X(F_READAHEAD), X(F_RDAHEAD),
    X(F_DUPFD_CLOEXEC), X(F_DUP2FD_CLOEXEC), X(F_ADD_SEALS), X(F_GET_SEALS),
    X(F_ISUNIONSTACK), X(F_KINFO),
    { 0, NULL }
};

const struct xlat fbsd_xlat_fd_flags[] = {
    X(FD_CLOEXEC),
    { 0, NULL }
};

const struct xlat fbsd_xlat_flock_types[] = {
    X(F_RDLCK), X(F_UNLCK), X(F_WRLCK),
    { 0, NULL }
};

const struct xlat fbsd_xlat_flock_ops[] = {
    X(LOCK_SH), X(LOCK_EX), X(LOCK_NB), X(LOCK_UN),
    { 0, NULL }
};

const struct xlat fbsd_xlat_access_modes[] = {
    X(X_OK), X(W_OK), X(R_OK),
    { 0, NULL }
};

const struct xlat fbsd_xlat_whence[] = {
    X(SEEK_SET), X(SEEK_CUR), X(SEEK_END), X(SEEK_DATA), X(SEEK_HOLE),
    { 0, NULL }
};

const struct xlat fbsd_xlat_fadvise[] = {
    X(POSIX_FADV_NORMAL), X(POSIX_FADV_RANDOM), X(POSIX_FADV_SEQUENTIAL),
    X(POSIX_FADV_WILLNEED), X(POSIX_FADV_DONTNEED), X(POSIX_FADV_NOREUSE),
    { 0, NULL }
};
