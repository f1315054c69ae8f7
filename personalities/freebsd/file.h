/* FreeBSD file-descriptor and path calls that cannot pass straight to Linux:
 * the handlers the table (syscalls.c) wires in, one file per job:
 *   open.c    open, openat (every O_* flag)
 *   fcntl.c   fcntl (commands, flags both ways, struct flock)
 *   path.c    link/linkat, unlink/unlinkat/funlinkat, __getcwd
 *   perm.c    eaccess/faccessat, lchmod/fchmodat, fchownat
 *   utimes.c  futimes, lutimes, futimens, utimensat
 *   fd.c      pipe2, freebsd10_pipe, close_range, closefrom, freebsd6_* I/O
 *   ioctl.c   terminal and file ioctls
 *   pathconf.c pathconf/lpathconf/fpathconf, posix_openpt */
#ifndef LSL2_PERSONALITIES_FREEBSD_FILE_H
#define LSL2_PERSONALITIES_FREEBSD_FILE_H

#include <stdint.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* Linux numbers newer than some C library headers. */
#define FBSD_HOST_NR_OPENAT2    437
#define FBSD_HOST_NR_FACCESSAT2 439
#define FBSD_HOST_NR_FCHMODAT2  452

/* path.c: FreeBSD AT_* flags to Linux's.  Bits outside `allowed` (FreeBSD
 * values) give -EINVAL as FreeBSD's kern_*at do; AT_RESOLVE_BENEATH has no
 * Linux *at flag (only openat2 has RESOLVE_BENEATH) and gives -EINVAL too.
 * Returns the Linux flags (>= 0) or -EINVAL. */
int fbsd_at_flags_host(uint64_t guest, uint32_t allowed);

/* open.c */
enum sys_action fbsd_sys_open(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_openat(struct tracee *t, struct sysc *sc);
void fbsd_sys_open_exit(struct tracee *t, struct sysc *sc);

/* fcntl.c */
enum sys_action fbsd_sys_fcntl(struct tracee *t, struct sysc *sc);
void fbsd_sys_fcntl_exit(struct tracee *t, struct sysc *sc);

/* path.c */
enum sys_action fbsd_sys_link(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_linkat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_unlinkat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_funlinkat(struct tracee *t, struct sysc *sc);
void fbsd_sys_unlink_exit(struct tracee *t, struct sysc *sc);   /* unlink, unlinkat, funlinkat */
void fbsd_sys_getcwd_exit(struct tracee *t, struct sysc *sc);

/* perm.c */
enum sys_action fbsd_sys_eaccess(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_faccessat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_lchmod(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_fchmodat(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_fchownat(struct tracee *t, struct sysc *sc);

/* utimes.c */
enum sys_action fbsd_sys_futimes(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_lutimes(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_futimens(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_utimensat(struct tracee *t, struct sysc *sc);

/* fd.c */
enum sys_action fbsd_sys_pipe2(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd10_pipe(struct tracee *t, struct sysc *sc);
void fbsd_sys_freebsd10_pipe_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_close_range(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_closefrom(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd6_pread(struct tracee *t, struct sysc *sc);   /* and pwrite */
enum sys_action fbsd_sys_freebsd6_lseek(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_freebsd6_truncate(struct tracee *t, struct sysc *sc); /* and ftruncate */

/* ioctl.c */
enum sys_action fbsd_sys_ioctl(struct tracee *t, struct sysc *sc);
void fbsd_sys_ioctl_exit(struct tracee *t, struct sysc *sc);

/* pathconf.c */
enum sys_action fbsd_sys_pathconf(struct tracee *t, struct sysc *sc);   /* and lpathconf */
enum sys_action fbsd_sys_fpathconf(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_posix_openpt(struct tracee *t, struct sysc *sc);

#endif
