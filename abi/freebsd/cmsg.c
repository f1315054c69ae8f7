/* Control-message and credential translation (see cmsg.h). */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "abi/freebsd/cmsg.h"
#include "abi/freebsd/socket.h"

void fbsd_cmsgcred_from_linux(struct fbsd_cmsgcred *out, const struct fbsd_linux_cred *in)
{
    memset(out, 0, sizeof *out);
    out->cmcred_pid = in->pid;
    out->cmcred_uid = in->uid;
    /* Linux passes the real ids only: the effective ones are reported as the same. */
    out->cmcred_euid = in->uid;
    out->cmcred_gid = in->gid;
    out->cmcred_ngroups = 1;
    out->cmcred_groups[0] = in->gid;
}

void fbsd_xucred_from_linux(struct fbsd_xucred *out, const struct fbsd_linux_cred *in)
{
    memset(out, 0, sizeof *out);
    out->cr_version = FBSD_XUCRED_VERSION;
    out->cr_uid = in->uid;
    out->cr_ngroups = 1;
    out->cr_groups[0] = in->gid;
    out->cr_pid = in->pid;
}

size_t fbsd_cmsgs_linux_space(size_t inlen)
{
    /* Every guest message is at least 16 bytes (CMSG_LEN(0)) and keeps its payload
     * size; the Linux header is never longer than the guest's aligned one. */
    return inlen + 16;
}

long fbsd_cmsgs_to_linux(const uint8_t *in, size_t inlen, uint8_t *out, size_t outcap)
{
    size_t off = 0, o = 0;
    while (off + FBSD_CMSG_HDRLEN <= inlen) {
        uint32_t len;
        int32_t level, type;
        memcpy(&len, in + off, 4);
        memcpy(&level, in + off + 4, 4);
        memcpy(&type, in + off + 8, 4);
        if (len < FBSD_CMSG_HDRLEN || len > inlen - off)
            return -EINVAL;
        size_t dlen = len > FBSD_CMSG_DATAOFF ? len - FBSD_CMSG_DATAOFF : 0;
        if (level != FBSD_SOL_SOCKET)
            return -EINVAL;
        if (type == FBSD_SCM_RIGHTS) {
            if (dlen % sizeof(int))
                return -EINVAL;
            struct cmsghdr h = { .cmsg_len = CMSG_LEN(dlen), .cmsg_level = SOL_SOCKET,
                                 .cmsg_type = SCM_RIGHTS };
            if (CMSG_SPACE(dlen) > outcap - o)
                return -ENOBUFS;
            memset(out + o, 0, CMSG_SPACE(dlen));
            memcpy(out + o, &h, sizeof h);
            memcpy(out + o + CMSG_LEN(0), in + off + FBSD_CMSG_DATAOFF, dlen);
            o += CMSG_SPACE(dlen);
        } else if (type != FBSD_SCM_CREDS) {
            return -EINVAL;
        }
        off += FBSD_CMSG_ALIGN(len);
    }
    return (long)o;
}

/* Appends one guest message; false when it does not fit. */
static bool put(uint8_t *out, size_t outcap, size_t *o, int type, const void *data, size_t dlen)
{
    if (FBSD_CMSG_LEN(dlen) > outcap - *o)
        return false;
    uint32_t len = (uint32_t)FBSD_CMSG_LEN(dlen);
    int32_t level = FBSD_SOL_SOCKET;
    size_t space = FBSD_CMSG_SPACE(dlen) < outcap - *o ? FBSD_CMSG_SPACE(dlen) : outcap - *o;
    memset(out + *o, 0, space);
    memcpy(out + *o, &len, 4);
    memcpy(out + *o + 4, &level, 4);
    memcpy(out + *o + 8, &type, 4);
    memcpy(out + *o + FBSD_CMSG_DATAOFF, data, dlen);
    *o += space;
    return true;
}

size_t fbsd_cmsgs_from_linux(const uint8_t *in, size_t inlen, uint8_t *out, size_t outcap,
                             int *ctrunc)
{
    size_t o = 0;
    *ctrunc = 0;
    for (int pass = 0; pass < 2; pass++) {     /* 0: descriptors, timestamps; 1: credentials */
        size_t off = 0;
        while (off + sizeof(struct cmsghdr) <= inlen) {
            struct cmsghdr h;
            memcpy(&h, in + off, sizeof h);
            if (h.cmsg_len < sizeof h || h.cmsg_len > inlen - off)
                break;
            const uint8_t *data = in + off + CMSG_LEN(0);
            size_t dlen = h.cmsg_len - CMSG_LEN(0);
            off += CMSG_ALIGN(h.cmsg_len);
            if (h.cmsg_level != SOL_SOCKET)
                continue;       /* no IP-level messages are asked for by the handlers */
            if (pass == 0 && h.cmsg_type == SCM_RIGHTS) {
                if (!put(out, outcap, &o, FBSD_SCM_RIGHTS, data, dlen))
                    *ctrunc = 1;
            } else if (pass == 0 && h.cmsg_type == SCM_TIMESTAMP) {
                if (!put(out, outcap, &o, FBSD_SCM_TIMESTAMP, data, dlen))
                    *ctrunc = 1;
            } else if (pass == 1 && h.cmsg_type == SCM_CREDENTIALS &&
                       dlen >= sizeof(struct fbsd_linux_cred)) {
                struct fbsd_linux_cred lc;
                struct fbsd_cmsgcred c;
                memcpy(&lc, data, sizeof lc);
                fbsd_cmsgcred_from_linux(&c, &lc);
                put(out, outcap, &o, FBSD_SCM_CREDS, &c, sizeof c);
            }
        }
    }
    return o;
}
