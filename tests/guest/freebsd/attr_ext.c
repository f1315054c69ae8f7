/* FreeBSD guest: extended attributes (extattr_*) and ACL calls, plus
 * getvfsbyname (sysctl vfs.conflist) for the file system of DIR.  Prints
 * "ok - NAME" / "not ok - NAME" lines.  Usage: attr_ext DIR (an empty
 * directory, left empty). */
#include <sys/types.h>
#include <sys/acl.h>
#include <sys/extattr.h>
#include <sys/mount.h>
#include <sys/param.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fails;
static void check(const char *name, int cond)
{
    printf("%s - %s\n", cond ? "ok" : "not ok", name);
    fails += !cond;
}

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) < 0)
        return 2;
    int fd = open("f", O_RDWR | O_CREAT | O_EXCL, 0644);
    check("create f", fd >= 0);
    symlink("f", "l");

    /* set returns the byte count; get with NULL asks the size */
    check("extattr_set_file returns nbytes",
          extattr_set_file("f", EXTATTR_NAMESPACE_USER, "color", "blue", 4) == 4);
    check("extattr_get_file size query",
          extattr_get_file("f", EXTATTR_NAMESPACE_USER, "color", NULL, 0) == 4);
    char buf[64] = { 0 };
    check("extattr_get_file value",
          extattr_get_file("f", EXTATTR_NAMESPACE_USER, "color", buf, sizeof buf) == 4 &&
          memcmp(buf, "blue", 4) == 0);
    check("extattr_set_fd", extattr_set_fd(fd, EXTATTR_NAMESPACE_USER, "size", "xl", 2) == 2);
    memset(buf, 0, sizeof buf);
    check("extattr_get_fd", extattr_get_fd(fd, EXTATTR_NAMESPACE_USER, "size", buf, sizeof buf) == 2 &&
          strcmp(buf, "xl") == 0);
    check("extattr_get_link follows nothing: ENOATTR or EPERM on the link",
          extattr_get_link("l", EXTATTR_NAMESPACE_USER, "color", buf, sizeof buf) < 0);
    check("extattr_get_file follows the link",
          extattr_get_file("l", EXTATTR_NAMESPACE_USER, "color", buf, sizeof buf) == 4);

    /* list: [len][name] records without prefix, in the USER namespace only */
    unsigned char lst[256];
    ssize_t need = extattr_list_file("f", EXTATTR_NAMESPACE_USER, NULL, 0);
    check("extattr_list_file size", need == 1 + 5 + 1 + 4);
    ssize_t got = extattr_list_fd(fd, EXTATTR_NAMESPACE_USER, lst, sizeof lst);
    int seen_color = 0, seen_size = 0;
    for (ssize_t i = 0; got > 0 && i < got; i += 1 + lst[i]) {
        seen_color |= lst[i] == 5 && memcmp(lst + i + 1, "color", 5) == 0;
        seen_size |= lst[i] == 4 && memcmp(lst + i + 1, "size", 4) == 0;
    }
    check("extattr_list_fd records", got == need && seen_color && seen_size);
    check("extattr_list short buffer gets what fits",
          extattr_list_file("f", EXTATTR_NAMESPACE_USER, lst, 3) == 3);

    /* errors */
    errno = 0;
    check("missing attribute: ENOATTR",
          extattr_get_file("f", EXTATTR_NAMESPACE_USER, "nosuch", buf, sizeof buf) < 0 && errno == ENOATTR);
    errno = 0;
    check("bad namespace: EINVAL",
          extattr_get_file("f", 7, "color", buf, sizeof buf) < 0 && errno == EINVAL);
    errno = 0;
    check("missing file: ENOENT",
          extattr_list_file("nosuch", EXTATTR_NAMESPACE_USER, NULL, 0) < 0 && errno == ENOENT);
    errno = 0;
    check("bad name pointer: EFAULT",
          extattr_get_file("f", EXTATTR_NAMESPACE_USER, (const char *)8, buf, sizeof buf) < 0 &&
          errno == EFAULT);
    check("extattr_delete_file", extattr_delete_file("f", EXTATTR_NAMESPACE_USER, "color") == 0 &&
          extattr_get_file("f", EXTATTR_NAMESPACE_USER, "color", NULL, 0) < 0 && errno == ENOATTR);
    check("extattr_delete_fd", extattr_delete_fd(fd, EXTATTR_NAMESPACE_USER, "size") == 0 &&
          extattr_list_fd(fd, EXTATTR_NAMESPACE_USER, NULL, 0) == 0);

    /* ACLs: the file systems have no ACL support (EOPNOTSUPP), after the lookup */
    errno = 0;
    check("acl_get_file: EOPNOTSUPP", acl_get_file("f", ACL_TYPE_ACCESS) == NULL && errno == EOPNOTSUPP);
    errno = 0;
    check("acl_get_fd: EOPNOTSUPP", acl_get_fd(fd) == NULL && errno == EOPNOTSUPP);
    errno = 0;
    check("acl_get_file of a missing file: ENOENT",
          acl_get_file("nosuch", ACL_TYPE_ACCESS) == NULL && errno == ENOENT);
    errno = 0;
    check("acl_get_fd of a bad descriptor: EBADF", acl_get_fd(99) == NULL && errno == EBADF);
    check("pathconf _PC_ACL_EXTENDED is 0", pathconf("f", _PC_ACL_EXTENDED) == 0);

    /* getvfsbyname finds the type statfs reports */
    struct statfs sfs;
    struct xvfsconf vfc;
    check("getvfsbyname(f_fstypename)", statfs(".", &sfs) == 0 && getvfsbyname(sfs.f_fstypename, &vfc) == 0 &&
          strcmp(vfc.vfc_name, sfs.f_fstypename) == 0 && vfc.vfc_refcount >= 1);
    check("getvfsbyname(devfs) is synthetic", getvfsbyname("devfs", &vfc) == 0 &&
          (vfc.vfc_flags & VFCF_SYNTHETIC));
    errno = 0;
    check("getvfsbyname(nosuchfs): ENOENT", getvfsbyname("nosuchfs", &vfc) < 0 && errno == ENOENT);

    close(fd);
    unlink("l");
    unlink("f");
    return fails ? 1 : 0;
}
