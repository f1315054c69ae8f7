/* FreeBSD guest: mknod/mknodat (13.2, 64-bit dev_t) and freebsd11_mknod (32-bit
 * dev_t) in directory argv[1].  Device nodes need privilege: when the kernel
 * refuses (EPERM, e.g. in a user namespace) the line says so. */
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int fails;
static void check(const char *name, int cond)
{
    printf("check %s %s\n", name, cond ? "ok" : "FAIL");
    fails += !cond;
}

int main(int argc, char **argv)
{
    if (argc < 2 || chdir(argv[1]) < 0)
        return 2;
    struct stat st;
    check("mknod fifo", mknod("fifo", S_IFIFO | 0640, 0) == 0 && lstat("fifo", &st) == 0 &&
          S_ISFIFO(st.st_mode) && (st.st_mode & 0777) == 0640);
    check("mknod EEXIST", mknod("fifo", S_IFIFO | 0640, 0) < 0 && errno == EEXIST);
    check("mknod regular EINVAL", mknod("reg", S_IFREG | 0644, 0) < 0 && errno == EINVAL &&
          lstat("reg", &st) < 0);
    check("mknod fifo with dev EINVAL", mknod("fifo2", S_IFIFO | 0644, makedev(1, 3)) < 0 && errno == EINVAL);
    check("mknod ENOENT", mknod("nodir/fifo", S_IFIFO | 0644, 0) < 0 && errno == ENOENT);
    int dfd = open(".", O_RDONLY | O_DIRECTORY);
    check("mknodat fifo", mknodat(dfd, "fifo3", S_IFIFO | 0600, 0) == 0 && lstat("fifo3", &st) == 0 &&
          S_ISFIFO(st.st_mode));
    /* a character device with a minor number above 255, which FreeBSD 12 and
     * Linux both encode specially */
    dev_t want = makedev(1, 0x1234);
    if (mknod("chr", S_IFCHR | 0600, want) == 0) {
        check("mknod chr rdev", lstat("chr", &st) == 0 && S_ISCHR(st.st_mode) &&
              major(st.st_rdev) == 1 && minor(st.st_rdev) == 0x1234);
    } else {
        printf("mknod chr errno %d\n", errno);
        check("mknod chr refused with EPERM", errno == EPERM);
    }
    /* FreeBSD 11: 32-bit dev_t, major in bits 8..15 */
    if (syscall(SYS_freebsd11_mknod, "chr11", S_IFCHR | 0600, (1u << 8) | 0x20005u) == 0) {
        check("freebsd11_mknod chr rdev", lstat("chr11", &st) == 0 && major(st.st_rdev) == 1 &&
              minor(st.st_rdev) == 0x20005);
    } else {
        check("freebsd11_mknod refused with EPERM", errno == EPERM);
    }
    check("freebsd11_mknod fifo", syscall(SYS_freebsd11_mknod, "fifo11", S_IFIFO | 0600, 0) == 0 &&
          lstat("fifo11", &st) == 0 && S_ISFIFO(st.st_mode));
    printf("fails %d\n", fails);
    return fails != 0;
}
