/* FreeBSD handlers for file status, file system information, directory
 * reading and device nodes (personalities/freebsd/stat.c, statfs.c, dirent.c,
 * mknod.c), for the table in syscalls.c:
 *   fstat (#551), fstatat (#552)                 .enter = fbsd_sys_fstat/_fstatat, .exit = fbsd_stat_exit
 *   freebsd11_stat/fstat/lstat (#188/#189/#190),
 *   freebsd11_fstatat (#493)                     .enter = fbsd_sys_freebsd11_*,   .exit = fbsd_stat_exit
 *   statfs/fstatfs/getfsstat (#555/#556/#557),
 *   freebsd11_statfs/fstatfs/getfsstat (#396/#397/#395)   .enter (emulated: SYS_DONE)
 *   getdirentries (#554), freebsd11_getdirentries (#196)   .enter (emulated: SYS_DONE)
 *   mknodat (#559), freebsd11_mknod (#14), freebsd11_mknodat (#498)  .enter (rewritten to mknodat)
 * Results follow the handler API: sc->ret is a host -errno on error. */
#ifndef LSL2_PERSONALITIES_FREEBSD_FSINFO_H
#define LSL2_PERSONALITIES_FREEBSD_FSINFO_H

#include <stddef.h>
#include <stdint.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* stat.c: each stat call becomes Linux statx into guest scratch memory (basic
 * stats and the birth time); the exit handler converts it into the guest's
 * struct stat (new layout) or struct freebsd11_stat (old layout). */
enum sys_action fbsd_sys_fstat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_fstatat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_stat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_fstat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_lstat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_fstatat(struct tracee *t, struct sysc *sc);
void fbsd_stat_exit(struct tracee *t, struct sysc *sc);

/* statfs.c */
enum sys_action fbsd_sys_statfs(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_fstatfs(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_getfsstat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_statfs(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_fstatfs(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_getfsstat(struct tracee *t, struct sysc *sc);

/* dirent.c */
enum sys_action fbsd_sys_getdirentries(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_getdirentries(struct tracee *t, struct sysc *sc);

/* mknod.c */
enum sys_action fbsd_sys_mknodat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_mknod(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd11_mknodat(struct tracee *t, struct sysc *sc);
/* The pure check: the Linux errno (negative) FreeBSD's mknod gives for this
 * mode and dev, or 0 when the node can be made. */
int fbsd_mknod_check(uint32_t mode, uint64_t dev);

/* fdborrow.c: a descriptor of the tracer's own that shares the open file
 * description of the guest's descriptor fd (pidfd_getfd), so the tracer can
 * run fstatfs/getdents64/lseek on it with its own buffers; the position is
 * shared with the guest.  Returns it (close it after use) or a -errno
 * (-EBADF for a descriptor the guest does not have). */
int fbsd_borrow_fd(struct tracee *t, int fd);

/* mountinfo.c: the guest's mounts, from /proc/TID/mountinfo (paths relative
 * to the guest's root; the mount that holds the root is not listed there when
 * the root is a plain directory of it). */
struct fbsd_mount {
    int   id, parent;
    char *mnton;      /* unescaped mount point */
    char *mntfrom;    /* source */
    char *fstype;     /* Linux file system type name */
};
struct fbsd_mounts {
    struct fbsd_mount *v;
    size_t n;
    char  *text;      /* the file's text, which the strings point into */
};
/* Parses mountinfo text (taken over: freed by fbsd_mounts_free).  Malformed
 * lines are skipped.  Returns 0 or -ENOMEM. */
int  fbsd_mounts_parse(struct fbsd_mounts *m, char *text);
/* Reads the guest's mountinfo.  Returns 0 or -errno. */
int  fbsd_mounts_read(struct tracee *t, struct fbsd_mounts *m);
void fbsd_mounts_free(struct fbsd_mounts *m);
/* The mount with this id (the last one if listed twice), or NULL. */
const struct fbsd_mount *fbsd_mounts_find(const struct fbsd_mounts *m, int id);
/* The mount listed with mount point "/", or NULL. */
const struct fbsd_mount *fbsd_mounts_root(const struct fbsd_mounts *m);
/* The source of the host mount that holds the guest's root directory (for
 * f_mntfromname of "/" when the guest's mountinfo does not list it), written
 * into buf; 0 or -errno. */
int  fbsd_root_source(struct tracee *t, char *buf, size_t len);

#endif
