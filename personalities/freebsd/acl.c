/* __acl_* calls.  lsl2 presents file systems without ACL support (no
 * MNT_ACLS/MNT_NFS4ACLS in statfs, pathconf's _PC_ACL_* say 0), and FreeBSD
 * answers EOPNOTSUPP there once it has found the file: getfacl then shows the
 * mode as an ACL, tar and cp -p go on without ACLs.  The lookup is real: the
 * call becomes faccessat2 (path, symlink itself) or fcntl F_GETFD
 * (descriptor), so a missing file is ENOENT and a bad descriptor EBADF. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include "abi/freebsd/extattr.h"
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/extattr.h"
#include "personalities/freebsd/file.h"
#include "tracer/tracee.h"

enum form { F_FILE, F_LINK, F_FD };

static const struct { int nr; unsigned char form; } calls[] = {
    { FBSD_SYS___acl_get_file, F_FILE },      { FBSD_SYS___acl_set_file, F_FILE },
    { FBSD_SYS___acl_delete_file, F_FILE },   { FBSD_SYS___acl_aclcheck_file, F_FILE },
    { FBSD_SYS___acl_get_link, F_LINK },      { FBSD_SYS___acl_set_link, F_LINK },
    { FBSD_SYS___acl_delete_link, F_LINK },   { FBSD_SYS___acl_aclcheck_link, F_LINK },
    { FBSD_SYS___acl_get_fd, F_FD },          { FBSD_SYS___acl_set_fd, F_FD },
    { FBSD_SYS___acl_delete_fd, F_FD },       { FBSD_SYS___acl_aclcheck_fd, F_FD },
};

enum sys_action fbsd_sys_acl(struct tracee *t, struct sysc *sc)
{
    int form = -1;
    for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++)
        if (calls[i].nr == sc->nr)
            form = calls[i].form;
    if (form < 0 || sc->args[1] > FBSD_ACL_TYPE_NFS4) {
        sc->ret = -EINVAL;
        return SYS_DONE;
    }
    if (form == F_FD) {
        sysc_set_host_nr(t, __NR_fcntl);
        sysc_set_arg(t, 1, F_GETFD);
    } else {
        sysc_set_host_nr(t, FBSD_HOST_NR_FACCESSAT2);
        sysc_set_arg(t, 0, (uint64_t)(int64_t)AT_FDCWD);
        sysc_set_arg(t, 1, sc->args[0]);
        sysc_set_arg(t, 2, F_OK);
        sysc_set_arg(t, 3, AT_EACCESS | (form == F_LINK ? AT_SYMLINK_NOFOLLOW : 0));
    }
    return SYS_PASS;
}

void fbsd_sys_acl_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    if (sc->ret >= 0)
        sc->ret = -EOPNOTSUPP;
}
