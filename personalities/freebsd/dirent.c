/* getdirentries in both FreeBSD layouts, emulated with getdents64 on a
 * tracer-side descriptor that shares the guest's open directory (so the
 * directory position the guest sees moves with it).
 *
 * FreeBSD's libc keeps *basep as dd_seek: telldir() remembers (dd_seek, offset
 * in the buffer) and seekdir() does lseek(fd, dd_seek, SEEK_SET) and reads the
 * block again (lib/libc/gen/telldir.c).  So *basep is the directory position
 * before the call, a value Linux's lseek on the directory takes back; the same
 * position and buffer size then give the same records again.  When not every
 * Linux record fits once converted (FreeBSD records are longer), the directory
 * is put back at the d_off of the last record given, so the next call goes on
 * there. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "abi/freebsd/dirent.h"
#include "personalities/freebsd/freebsd.h"
#include "tracer/tracee.h"

/* Linux records are read into a tracer buffer of at most this size per call. */
#define MAX_READ (256u << 10)

static long getdirentries(struct tracee *t, struct sysc *sc, bool old)
{
    uint64_t buf = sc->args[1];
    uint64_t nbytes = old ? (uint32_t)sc->args[2] : sc->args[2];
    uint64_t basep = sc->args[3];

    int fd = fbsd_borrow_fd(t, (int)sc->args[0]);
    if (fd < 0)
        return fd;
    long ret;
    size_t len = nbytes < MAX_READ ? (size_t)nbytes : MAX_READ;
    char *in = malloc(len + 1), *out = malloc(len + 1);
    off_t pos = lseek(fd, 0, SEEK_CUR);
    if (!in || !out) {
        ret = -ENOMEM;
        goto done;
    }
    if (pos < 0) {
        ret = errno == ESPIPE ? -EINVAL : -errno;
        goto done;
    }
    long n = syscall(SYS_getdents64, fd, in, len);
    if (n < 0) {
        /* FreeBSD answers EINVAL for a descriptor that is not a directory */
        ret = errno == ENOTDIR ? -EINVAL : -errno;
        goto done;
    }
    struct fbsd_dirent_result res;
    ret = fbsd_dirents_from_linux(out, len, in, (size_t)n, old, &res);
    if (ret == 0 && res.out_used && guest_write(t, buf, out, res.out_used) < 0)
        ret = -EFAULT;
    if (ret == 0 && basep && guest_write(t, basep, &pos, sizeof pos) < 0)
        ret = -EFAULT;
    if (ret < 0) {
        lseek(fd, pos, SEEK_SET);   /* nothing was given: read it again next time */
        goto done;
    }
    if (res.in_used < (size_t)n)
        lseek(fd, res.count ? (off_t)res.last_off : pos, SEEK_SET);
    ret = (long)res.out_used;
done:
    free(in);
    free(out);
    close(fd);
    return ret;
}

enum sys_action fbsd_sys_getdirentries(struct tracee *t, struct sysc *sc)
{
    sc->ret = getdirentries(t, sc, false);
    return SYS_DONE;
}

enum sys_action fbsd_sys_freebsd11_getdirentries(struct tracee *t, struct sysc *sc)
{
    sc->ret = getdirentries(t, sc, true);
    return SYS_DONE;
}
