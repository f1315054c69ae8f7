/* FreeBSD's struct msghdr, control messages (struct cmsghdr with a 32-bit
 * cmsg_len, CMSG_ALIGN to 8 bytes), struct cmsgcred (SCM_CREDS) and struct xucred
 * (LOCAL_PEERCRED), FreeBSD 13.2 sys/socket.h and sys/ucred.h, and their
 * translation to and from Linux's.  FreeBSD's CMSG_DATA lies 16 bytes into a
 * message, as Linux's does, so payloads keep their offsets; only the header's
 * length field (4 bytes + padding vs Linux's size_t) and the SOL_SOCKET level and
 * SCM_* numbers change. */
#ifndef LSL2_ABI_FREEBSD_CMSG_H
#define LSL2_ABI_FREEBSD_CMSG_H

#include <stddef.h>
#include <stdint.h>

struct fbsd_msghdr {
    uint64_t msg_name;
    uint32_t msg_namelen;       /* socklen_t */
    uint32_t pad0_;
    uint64_t msg_iov;
    int32_t  msg_iovlen;        /* int (Linux: size_t) */
    uint32_t pad1_;
    uint64_t msg_control;
    uint32_t msg_controllen;    /* socklen_t (Linux: size_t) */
    int32_t  msg_flags;
};
_Static_assert(sizeof(struct fbsd_msghdr) == 48, "fbsd_msghdr size");
_Static_assert(offsetof(struct fbsd_msghdr, msg_controllen) == 40, "msg_controllen");
_Static_assert(offsetof(struct fbsd_msghdr, msg_flags) == 44, "msg_flags");

#define FBSD_CMSG_ALIGN(n)   (((size_t)(n) + 7) & ~(size_t)7)
#define FBSD_CMSG_HDRLEN     12                 /* sizeof(struct cmsghdr) */
#define FBSD_CMSG_DATAOFF    16                 /* _ALIGN(sizeof(struct cmsghdr)) */
#define FBSD_CMSG_LEN(l)     (FBSD_CMSG_DATAOFF + (size_t)(l))
#define FBSD_CMSG_SPACE(l)   (FBSD_CMSG_DATAOFF + FBSD_CMSG_ALIGN(l))

#define FBSD_CMGROUP_MAX     16
struct fbsd_cmsgcred {
    int32_t  cmcred_pid;
    uint32_t cmcred_uid;
    uint32_t cmcred_euid;
    uint32_t cmcred_gid;
    int16_t  cmcred_ngroups;
    uint32_t cmcred_groups[FBSD_CMGROUP_MAX];
};
_Static_assert(sizeof(struct fbsd_cmsgcred) == 84, "fbsd_cmsgcred size");
_Static_assert(offsetof(struct fbsd_cmsgcred, cmcred_groups) == 20, "cmcred_groups");

/* LOCAL_PEERCRED (level SOL_LOCAL 0 on a local socket). */
#define FBSD_SOL_LOCAL        0
#define FBSD_LOCAL_PEERCRED   1
#define FBSD_LOCAL_CREDS      2
#define FBSD_LOCAL_CREDS_PERSISTENT 3
#define FBSD_LOCAL_CONNWAIT   4
#define FBSD_XU_NGROUPS       16
#define FBSD_XUCRED_VERSION   0
struct fbsd_xucred {
    uint32_t cr_version;
    uint32_t cr_uid;
    int16_t  cr_ngroups;
    uint32_t cr_groups[FBSD_XU_NGROUPS];
    union { uint64_t cr_unused1_; int32_t cr_pid; };
};
_Static_assert(sizeof(struct fbsd_xucred) == 88, "fbsd_xucred size");
_Static_assert(offsetof(struct fbsd_xucred, cr_pid) == 80, "cr_pid");

/* A peer's credentials as Linux gives them (struct ucred). */
struct fbsd_linux_cred { int32_t pid; uint32_t uid, gid; };

void fbsd_cmsgcred_from_linux(struct fbsd_cmsgcred *out, const struct fbsd_linux_cred *in);
void fbsd_xucred_from_linux(struct fbsd_xucred *out, const struct fbsd_linux_cred *in);

/* Guest control messages (a sendmsg's) to Linux's.  SCM_RIGHTS keeps its
 * descriptors; SCM_CREDS (which FreeBSD's kernel fills in) is dropped, because
 * Linux attaches the sender's credentials to every message on a local socket by
 * itself.  Anything else (another level, SCM_TIMESTAMP/SCM_BINTIME on send, a
 * malformed cmsg_len) gives -EINVAL, as FreeBSD's unp_internalize does.  Returns
 * the Linux length written (<= outcap) or -EINVAL / -ENOBUFS. */
long fbsd_cmsgs_to_linux(const uint8_t *in, size_t inlen, uint8_t *out, size_t outcap);
/* Size a Linux buffer needs for guest messages of inlen bytes (a bound). */
size_t fbsd_cmsgs_linux_space(size_t inlen);

/* Linux control messages (a recvmsg's) to the guest's: SCM_RIGHTS,
 * SCM_TIMESTAMP (struct timeval, same layout), SCM_CREDENTIALS as SCM_CREDS with
 * a struct cmsgcred.  Descriptors and timestamps come first; the credentials
 * follow only when they fit (Linux reports them for every message once
 * SO_PASSCRED is on, FreeBSD only when the sender asked: a receiver that sized
 * its buffer for descriptors alone does not miss them).  A message that does not
 * fit sets *ctrunc.  Returns the guest length written. */
size_t fbsd_cmsgs_from_linux(const uint8_t *in, size_t inlen, uint8_t *out, size_t outcap,
                             int *ctrunc);

#endif
