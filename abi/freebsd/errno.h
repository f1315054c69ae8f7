/* FreeBSD errno values (sys/errno.h, FreeBSD 13.2) and their translation from
 * and to Linux's. */
#ifndef LSL2_ABI_FREEBSD_ERRNO_H
#define LSL2_ABI_FREEBSD_ERRNO_H

#include "personalities/personality.h"

enum {
    FBSD_EPERM = 1,
    FBSD_ENOENT = 2,
    FBSD_ESRCH = 3,
    FBSD_EINTR = 4,
    FBSD_EIO = 5,
    FBSD_ENXIO = 6,
    FBSD_E2BIG = 7,
    FBSD_ENOEXEC = 8,
    FBSD_EBADF = 9,
    FBSD_ECHILD = 10,
    FBSD_EDEADLK = 11,
    FBSD_ENOMEM = 12,
    FBSD_EACCES = 13,
    FBSD_EFAULT = 14,
    FBSD_ENOTBLK = 15,
    FBSD_EBUSY = 16,
    FBSD_EEXIST = 17,
    FBSD_EXDEV = 18,
    FBSD_ENODEV = 19,
    FBSD_ENOTDIR = 20,
    FBSD_EISDIR = 21,
    FBSD_EINVAL = 22,
    FBSD_ENFILE = 23,
    FBSD_EMFILE = 24,
    FBSD_ENOTTY = 25,
    FBSD_ETXTBSY = 26,
    FBSD_EFBIG = 27,
    FBSD_ENOSPC = 28,
    FBSD_ESPIPE = 29,
    FBSD_EROFS = 30,
    FBSD_EMLINK = 31,
    FBSD_EPIPE = 32,
    FBSD_EDOM = 33,
    FBSD_ERANGE = 34,
    FBSD_EAGAIN = 35,
    FBSD_EINPROGRESS = 36,
    FBSD_EALREADY = 37,
    FBSD_ENOTSOCK = 38,
    FBSD_EDESTADDRREQ = 39,
    FBSD_EMSGSIZE = 40,
    FBSD_EPROTOTYPE = 41,
    FBSD_ENOPROTOOPT = 42,
    FBSD_EPROTONOSUPPORT = 43,
    FBSD_ESOCKTNOSUPPORT = 44,
    FBSD_EOPNOTSUPP = 45,
    FBSD_EPFNOSUPPORT = 46,
    FBSD_EAFNOSUPPORT = 47,
    FBSD_EADDRINUSE = 48,
    FBSD_EADDRNOTAVAIL = 49,
    FBSD_ENETDOWN = 50,
    FBSD_ENETUNREACH = 51,
    FBSD_ENETRESET = 52,
    FBSD_ECONNABORTED = 53,
    FBSD_ECONNRESET = 54,
    FBSD_ENOBUFS = 55,
    FBSD_EISCONN = 56,
    FBSD_ENOTCONN = 57,
    FBSD_ESHUTDOWN = 58,
    FBSD_ETOOMANYREFS = 59,
    FBSD_ETIMEDOUT = 60,
    FBSD_ECONNREFUSED = 61,
    FBSD_ELOOP = 62,
    FBSD_ENAMETOOLONG = 63,
    FBSD_EHOSTDOWN = 64,
    FBSD_EHOSTUNREACH = 65,
    FBSD_ENOTEMPTY = 66,
    FBSD_EPROCLIM = 67,
    FBSD_EUSERS = 68,
    FBSD_EDQUOT = 69,
    FBSD_ESTALE = 70,
    FBSD_EREMOTE = 71,
    FBSD_EBADRPC = 72,
    FBSD_ERPCMISMATCH = 73,
    FBSD_EPROGUNAVAIL = 74,
    FBSD_EPROGMISMATCH = 75,
    FBSD_EPROCUNAVAIL = 76,
    FBSD_ENOLCK = 77,
    FBSD_ENOSYS = 78,
    FBSD_EFTYPE = 79,
    FBSD_EAUTH = 80,
    FBSD_ENEEDAUTH = 81,
    FBSD_EIDRM = 82,
    FBSD_ENOMSG = 83,
    FBSD_EOVERFLOW = 84,
    FBSD_ECANCELED = 85,
    FBSD_EILSEQ = 86,
    FBSD_ENOATTR = 87,
    FBSD_EDOOFUS = 88,
    FBSD_EBADMSG = 89,
    FBSD_EMULTIHOP = 90,
    FBSD_ENOLINK = 91,
    FBSD_EPROTO = 92,
    FBSD_ENOTCAPABLE = 93,
    FBSD_ECAPMODE = 94,
    FBSD_ENOTRECOVERABLE = 95,
    FBSD_EOWNERDEAD = 96,
    FBSD_EINTEGRITY = 97,
    FBSD_EWOULDBLOCK = FBSD_EAGAIN,
    FBSD_ELAST = FBSD_EINTEGRITY,
    /* Kernel-internal pseudo-errors (sys/errno.h under _KERNEL); never seen by
     * a program but useful to name in traces. */
    FBSD_ERESTART = -1,
    FBSD_EJUSTRETURN = -2,
};

/* Linux errno (positive) -> FreeBSD errno (positive).  Every Linux errno up to
 * EHWPOISON has an answer; values above it give FBSD_EINVAL. */
int fbsd_errno_from_linux(int linux_errno);
/* FreeBSD errno -> Linux errno (for a guest-supplied value, e.g. one the
 * handler must interpret); unknown values give EINVAL. */
int fbsd_errno_to_linux(int fbsd_errno);
/* Name of a FreeBSD errno ("ENOENT"), NULL when unknown. */
const char *fbsd_errno_name(int fbsd_errno);

/* Names by FreeBSD value, for --trace.  Ends with { 0, NULL }. */
extern const struct xlat fbsd_xlat_errno[];

#endif
