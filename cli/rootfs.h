/* Guest paths inside a rootfs: resolved by lsl2 itself, with the rootfs as "/",
 * so that checks made before entering see what the guest will see. */
#ifndef LSL2_CLI_ROOTFS_H
#define LSL2_CLI_ROOTFS_H

#include <stddef.h>

/* Most symbolic links followed in one resolution before ELOOP (as Linux's 40). */
#define ROOTFS_MAXLINKS 40

/* The host path of an absolute guest path: root + guest ("/" as root: guest itself).
 * Returns 0 or -ENAMETOOLONG. */
int rootfs_host_path(const char *root, const char *guest, char *out, size_t len);

/* Resolves `path` (a relative path is taken from the guest directory `cwd`, NULL: "/")
 * inside the rootfs at host directory `root`: every symbolic link is followed with
 * absolute targets taken from the rootfs, and ".." at the guest root stays there,
 * so the result never leaves the rootfs.  Every component must exist.  Writes the
 * canonical guest path ("/bin/busybox") into out.  Returns 0 or -errno: ENOENT,
 * ENOTDIR, ELOOP (more than ROOTFS_MAXLINKS links), ENAMETOOLONG, EACCES... */
int rootfs_resolve(const char *root, const char *cwd, const char *path, char *out, size_t len);

#endif
