/* getdents64 -> FreeBSD dirent records (see dirent.h). */
#include <errno.h>
#include <string.h>
#include "abi/freebsd/dirent.h"

/* Linux struct linux_dirent64 (include/linux/dirent.h); read by offset since
 * input records are not necessarily aligned for a struct view. */
#define LX_INO    0
#define LX_OFF    8
#define LX_RECLEN 16
#define LX_TYPE   18
#define LX_NAME   19

_Static_assert(FBSD_DIRLEN(0) == 32 && FBSD_DIRLEN(7) == 32 && FBSD_DIRLEN(8) == 40, "DIRLEN");
_Static_assert(FBSD_DIRLEN(FBSD_MAXNAMLEN) <= sizeof(struct fbsd_dirent), "DIRLEN max");
_Static_assert(FBSD_FREEBSD11_DIRLEN(FBSD_MAXNAMLEN) <= sizeof(struct fbsd_freebsd11_dirent), "DIRLEN11 max");

int fbsd_dirents_from_linux(void *out, size_t outlen, const void *in, size_t inlen,
                            bool freebsd11, struct fbsd_dirent_result *res)
{
    const unsigned char *ip = in;
    unsigned char *op = out;
    size_t ipos = 0, opos = 0;

    memset(res, 0, sizeof(*res));
    while (ipos < inlen) {
        uint64_t ino;
        int64_t off;
        uint16_t reclen;
        if (inlen - ipos < LX_NAME + 1)
            return -EIO;
        memcpy(&ino, ip + ipos + LX_INO, 8);
        memcpy(&off, ip + ipos + LX_OFF, 8);
        memcpy(&reclen, ip + ipos + LX_RECLEN, 2);
        if (reclen < LX_NAME + 1 || reclen > inlen - ipos)
            return -EIO;
        const char *name = (const char *)ip + ipos + LX_NAME;
        size_t namlen = strnlen(name, reclen - LX_NAME);
        if (namlen == (size_t)(reclen - LX_NAME) || namlen > FBSD_MAXNAMLEN)
            return -EIO;    /* unterminated or longer than any file system allows */

        size_t need = freebsd11 ? FBSD_FREEBSD11_DIRLEN(namlen) : FBSD_DIRLEN(namlen);
        if (need > outlen - opos) {
            if (res->count == 0)
                return -EINVAL;
            break;
        }
        unsigned char *rec = op + opos;
        memset(rec, 0, need);
        if (freebsd11) {
            struct fbsd_freebsd11_dirent d = {
                .d_fileno = (uint32_t)ino, .d_reclen = (uint16_t)need,
                .d_type = ip[ipos + LX_TYPE], .d_namlen = (uint8_t)namlen,
            };
            memcpy(rec, &d, offsetof(struct fbsd_freebsd11_dirent, d_name));
            memcpy(rec + offsetof(struct fbsd_freebsd11_dirent, d_name), name, namlen);
        } else {
            struct fbsd_dirent d = {
                .d_fileno = ino, .d_off = off, .d_reclen = (uint16_t)need,
                .d_type = ip[ipos + LX_TYPE], .d_namlen = (uint16_t)namlen,
            };
            memcpy(rec, &d, offsetof(struct fbsd_dirent, d_name));
            memcpy(rec + offsetof(struct fbsd_dirent, d_name), name, namlen);
        }
        opos += need;
        ipos += reclen;
        res->count++;
        res->last_off = off;
    }
    res->in_used = ipos;
    res->out_used = opos;
    return 0;
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_dirent_types[] = {
    X(DT_UNKNOWN), X(DT_FIFO), X(DT_CHR), X(DT_DIR), X(DT_BLK), X(DT_REG), X(DT_LNK),
    X(DT_SOCK), X(DT_WHT),
    { 0, NULL }
};
