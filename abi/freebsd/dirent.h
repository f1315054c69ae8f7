/* FreeBSD directory entries: struct dirent (13.2: 64-bit d_fileno, d_off,
 * 8-byte aligned records) and struct freebsd11_dirent (FreeBSD 10/11 binaries:
 * 32-bit d_fileno, 4-byte aligned), converted from Linux getdents64 records. */
#ifndef LSL2_ABI_FREEBSD_DIRENT_H
#define LSL2_ABI_FREEBSD_DIRENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "personalities/personality.h"

#define FBSD_MAXNAMLEN 255

/* d_type: the same numbers as Linux's. */
#define FBSD_DT_UNKNOWN 0
#define FBSD_DT_FIFO    1
#define FBSD_DT_CHR     2
#define FBSD_DT_DIR     4
#define FBSD_DT_BLK     6
#define FBSD_DT_REG     8
#define FBSD_DT_LNK     10
#define FBSD_DT_SOCK    12
#define FBSD_DT_WHT     14

struct fbsd_dirent {
    uint64_t d_fileno;
    int64_t  d_off;
    uint16_t d_reclen;
    uint8_t  d_type;
    uint8_t  d_pad0;
    uint16_t d_namlen;
    uint16_t d_pad1;
    char     d_name[FBSD_MAXNAMLEN + 1];
};
_Static_assert(sizeof(struct fbsd_dirent) == 280, "fbsd_dirent size");
_Static_assert(offsetof(struct fbsd_dirent, d_reclen) == 16, "fbsd_dirent d_reclen");
_Static_assert(offsetof(struct fbsd_dirent, d_namlen) == 20, "fbsd_dirent d_namlen");
_Static_assert(offsetof(struct fbsd_dirent, d_name) == 24, "fbsd_dirent d_name");

struct fbsd_freebsd11_dirent {
    uint32_t d_fileno;
    uint16_t d_reclen;
    uint8_t  d_type;
    uint8_t  d_namlen;
    char     d_name[FBSD_MAXNAMLEN + 1];
};
_Static_assert(sizeof(struct fbsd_freebsd11_dirent) == 264, "fbsd_freebsd11_dirent size");
_Static_assert(offsetof(struct fbsd_freebsd11_dirent, d_name) == 8, "freebsd11_dirent d_name");

/* Record sizes for a name of namlen bytes (sys/dirent.h _GENERIC_DIRLEN; the
 * freebsd11 one is 4-byte aligned). */
#define FBSD_DIRLEN(namlen)            ((24 + (namlen) + 1 + 7) & ~7)
#define FBSD_FREEBSD11_DIRLEN(namlen)  ((8 + (namlen) + 1 + 3) & ~3)

struct fbsd_dirent_result {
    size_t   in_used;    /* bytes of Linux records converted */
    size_t   out_used;   /* bytes of FreeBSD records written */
    size_t   count;      /* records written */
    int64_t  last_off;   /* d_off of the last converted record: when in_used is
                            less than the input, lseek the directory here to
                            resume; meaningless when count is 0 */
};

/* Converts Linux `struct linux_dirent64` records (d_ino u64, d_off s64, d_reclen
 * u16, d_type u8, d_name) from in[0..inlen) into FreeBSD records in out, as many
 * as fit in outlen.  Padding and the name's tail are zeroed.  freebsd11 selects
 * the old layout (d_fileno truncated to 32 bits, as FreeBSD does by default).
 * Returns 0; -EINVAL when there is input but out cannot hold the first record
 * (FreeBSD's answer to a buffer too small for an entry); -EIO on a malformed
 * input record (reclen too short or past the end: not something Linux produces). */
int fbsd_dirents_from_linux(void *out, size_t outlen, const void *in, size_t inlen,
                            bool freebsd11, struct fbsd_dirent_result *res);

extern const struct xlat fbsd_xlat_dirent_types[];

#endif
