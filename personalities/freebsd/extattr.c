/* extattr_* calls on Linux xattrs: the FreeBSD namespace becomes the name's
 * prefix (abi/freebsd/extattr.c).  get/set/delete are rewritten into the Linux
 * call of the same form (path, symlink itself, descriptor) with the prefixed
 * name in guest scratch memory; list runs Linux's list inside the guest and
 * converts the answer into FreeBSD's length-prefixed records. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include "abi/freebsd/extattr.h"
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/extattr.h"
#include "tracer/tracee.h"

enum op { OP_GET, OP_SET, OP_DEL, OP_LIST };
enum form { F_FILE, F_LINK, F_FD };

static const struct { int nr; unsigned char op, form; } calls[] = {
    { FBSD_SYS_extattr_get_file, OP_GET, F_FILE },   { FBSD_SYS_extattr_get_link, OP_GET, F_LINK },
    { FBSD_SYS_extattr_get_fd, OP_GET, F_FD },       { FBSD_SYS_extattr_set_file, OP_SET, F_FILE },
    { FBSD_SYS_extattr_set_link, OP_SET, F_LINK },   { FBSD_SYS_extattr_set_fd, OP_SET, F_FD },
    { FBSD_SYS_extattr_delete_file, OP_DEL, F_FILE },{ FBSD_SYS_extattr_delete_link, OP_DEL, F_LINK },
    { FBSD_SYS_extattr_delete_fd, OP_DEL, F_FD },    { FBSD_SYS_extattr_list_file, OP_LIST, F_FILE },
    { FBSD_SYS_extattr_list_link, OP_LIST, F_LINK }, { FBSD_SYS_extattr_list_fd, OP_LIST, F_FD },
};

static const long host_nr[4][3] = {
    [OP_GET]  = { __NR_getxattr, __NR_lgetxattr, __NR_fgetxattr },
    [OP_SET]  = { __NR_setxattr, __NR_lsetxattr, __NR_fsetxattr },
    [OP_DEL]  = { __NR_removexattr, __NR_lremovexattr, __NR_fremovexattr },
    [OP_LIST] = { __NR_listxattr, __NR_llistxattr, __NR_flistxattr },
};

static int lookup(long nr)
{
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
        if (calls[i].nr == nr)
            return (int)i;
    return -1;
}

/* extattr_list_*(target, ns, data, nbytes): data NULL asks for the size; a
 * short buffer gets what fits (FreeBSD copies the first nbytes). */
static enum sys_action list(struct tracee *t, struct sysc *sc, long nr, const char *prefix)
{
    (void)prefix;
    uint64_t a[6] = { sc->args[0], 0, 0, 0, 0, 0 };
    long got = -ERANGE;
    char *lin = NULL;
    /* The list can grow between the size query and the fetch: try again. */
    for (int tries = 0; tries < 3 && got == -ERANGE; tries++) {
        a[1] = a[2] = 0;
        long need = guest_syscall(t, nr, a);
        if (need < 0)
            return sysc_done(sc, need);
        if (need == 0) {
            got = 0;
            break;
        }
        uint64_t buf = guest_scratch(t, (size_t)need);
        if (!buf)
            return sysc_done(sc, -ENOMEM);
        a[1] = buf;
        a[2] = (uint64_t)need;
        got = guest_syscall(t, nr, a);
        if (got > 0) {
            free(lin);
            lin = malloc((size_t)got);
            if (!lin)
                return sysc_done(sc, -ENOMEM);
            if (guest_read(t, buf, lin, (size_t)got) < 0) {
                free(lin);
                return sysc_done(sc, -EFAULT);
            }
        }
    }
    if (got < 0) {
        free(lin);
        return sysc_done(sc, got);
    }
    int ns = (int)sc->args[1];
    size_t full = fbsd_extattr_list_from_linux(ns, lin, (size_t)got, NULL, 0);
    long ret = (long)full;
    if (sc->args[2]) {
        size_t n = full < sc->args[3] ? full : (size_t)sc->args[3];
        unsigned char *out = malloc(full ? full : 1);
        if (!out) {
            free(lin);
            return sysc_done(sc, -ENOMEM);
        }
        fbsd_extattr_list_from_linux(ns, lin, (size_t)got, out, full);
        ret = guest_write(t, sc->args[2], out, n) < 0 ? -EFAULT : (long)n;
        free(out);
    }
    free(lin);
    return sysc_done(sc, ret);
}

enum sys_action fbsd_sys_extattr(struct tracee *t, struct sysc *sc)
{
    int i = lookup(sc->nr);
    if (i < 0)
        return sysc_done(sc, -ENOSYS);
    const char *prefix = fbsd_extattr_prefix((int)sc->args[1]);
    if (!prefix)
        return sysc_done(sc, -EINVAL);
    long nr = host_nr[calls[i].op][calls[i].form];
    if (calls[i].op == OP_LIST)
        return list(t, sc, nr, prefix);

    char name[FBSD_EXTATTR_MAXNAMELEN + 1 + 16];
    size_t plen = strlen(prefix);
    memcpy(name, prefix, plen);
    long n = guest_read_str(t, sc->args[2], name + plen, FBSD_EXTATTR_MAXNAMELEN + 1);
    if (n < 0)
        return sysc_done(sc, n);
    if (n == 0)
        return sysc_done(sc, -EINVAL);    /* FreeBSD refuses an empty name */
    uint64_t sname = guest_scratch(t, plen + (size_t)n + 1);
    if (!sname)
        return sysc_done(sc, -ENOMEM);
    if (guest_write(t, sname, name, plen + (size_t)n + 1) < 0)
        return sysc_done(sc, -EFAULT);
    sysc_set_host_nr(t, nr);
    sysc_set_arg(t, 1, sname);
    switch (calls[i].op) {
    case OP_GET:
        /* FreeBSD: data NULL asks for the size (Linux: size 0). */
        sysc_set_arg(t, 2, sc->args[3]);
        sysc_set_arg(t, 3, sc->args[3] ? sc->args[4] : 0);
        break;
    case OP_SET:
        sysc_set_arg(t, 2, sc->args[3]);
        sysc_set_arg(t, 3, sc->args[4]);
        sysc_set_arg(t, 4, 0);      /* create or replace, as FreeBSD */
        break;
    default:
        break;
    }
    return SYS_PASS;
}

/* A set returns the number of bytes written on FreeBSD, 0 on Linux.  A get
 * into a buffer too small stays ERANGE (Linux's answer). */
void fbsd_sys_extattr_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    int i = lookup(sc->nr);
    if (i >= 0 && calls[i].op == OP_SET && sc->ret == 0)
        sc->ret = (long)sc->args[4];
}
