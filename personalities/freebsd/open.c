/* open(2) and openat(2): FreeBSD's O_* flags become Linux's through abi's map
 * (abi/freebsd/fcntl.h); the flags Linux's open has no bit for are done here:
 *   O_SHLOCK/O_EXLOCK   the file is opened, then locked with flock(2), as
 *                       FreeBSD's vn_open does (LOCK_NB with O_NONBLOCK);
 *   O_RESOLVE_BENEATH   openat2(2) with RESOLVE_BENEATH (open_how in scratch);
 *   O_EMPTY_PATH        an empty path reopens the descriptor: /proc/self/fd/N;
 *   O_TTY_INIT, O_VERIFY nothing to do (no verifier, Linux ttys start sane).
 * O_EXEC/O_SEARCH become O_PATH (abi's map): a descriptor for fexecve and *at
 * lookups.  Linux says ELOOP where FreeBSD says EMLINK for O_NOFOLLOW on a
 * symbolic link: changed on the way back. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include "personalities/freebsd/file.h"
#include "abi/freebsd/fcntl.h"
#include "tracer/tracee.h"

#define LOCK_BITS   (FBSD_O_SHLOCK | FBSD_O_EXLOCK)
#define DONE_HERE   (LOCK_BITS | FBSD_O_RESOLVE_BENEATH | FBSD_O_EMPTY_PATH | \
                     FBSD_O_TTY_INIT | FBSD_O_VERIFY)
#define HOST_RESOLVE_BENEATH 0x08   /* linux/openat2.h */

struct host_open_how { uint64_t flags, mode, resolve; };

/* What the exit handler must do (sc->save[1]); save[0] holds the guest flags. */
enum { OPEN_PLAIN, OPEN_THEN_LOCKED };

/* The host call that opens the file: openat or openat2. */
struct host_open {
    long     nr;
    uint64_t a[6];
};

static long prepare(struct tracee *t, struct sysc *sc, int64_t dirfd, uint64_t path,
                    uint32_t gflags, uint64_t mode, struct host_open *o)
{
    /* kern_openat: O_PATH ignores the access mode and O_CREAT; O_EXEC admits no
     * other access mode; O_ACCMODE itself is not a mode. */
    if (gflags & FBSD_O_PATH)
        gflags &= ~(uint32_t)(FBSD_O_CREAT | FBSD_O_ACCMODE);
    else if ((gflags & FBSD_O_EXEC) && (gflags & FBSD_O_ACCMODE))
        return -EINVAL;
    else if ((gflags & FBSD_O_ACCMODE) == FBSD_O_ACCMODE)
        return -EINVAL;

    /* Bits FreeBSD defines for other uses or not at all are ignored, as there. */
    int hflags = fbsd_open_flags_to_linux(gflags & ~(uint32_t)DONE_HERE, NULL);
    if (!(hflags & (O_CREAT | O_TMPFILE)))
        mode = 0;           /* openat2 insists; openat ignores it anyway */
    memset(o, 0, sizeof *o);
    o->nr = __NR_openat;
    o->a[0] = (uint64_t)dirfd;
    o->a[1] = path;
    o->a[2] = (uint64_t)(unsigned)hflags;
    o->a[3] = mode;

    if (gflags & FBSD_O_EMPTY_PATH) {
        char c;
        if (guest_read(t, path, &c, 1) < 0)
            return -EFAULT;
        if (c == '\0') {
            /* Reopen dirfd itself, through the guest's own /proc. */
            char p[40];
            int n = snprintf(p, sizeof p, "/proc/self/fd/%d", (int)dirfd);
            uint64_t s = guest_scratch(t, (size_t)n + 1);
            if (!s || guest_write(t, s, p, (size_t)n + 1) < 0)
                return -EFAULT;
            o->a[0] = (uint64_t)(int64_t)AT_FDCWD;
            o->a[1] = s;
            return 0;   /* nothing left to resolve beneath */
        }
    }
    if (gflags & FBSD_O_RESOLVE_BENEATH) {
        struct host_open_how how = { (uint64_t)(unsigned)hflags, mode, HOST_RESOLVE_BENEATH };
        uint64_t s = guest_scratch(t, sizeof how);
        if (!s || guest_write(t, s, &how, sizeof how) < 0)
            return -EFAULT;
        o->nr = FBSD_HOST_NR_OPENAT2;
        o->a[2] = s;
        o->a[3] = sizeof how;
    }
    (void)sc;
    return 0;
}

static enum sys_action do_open(struct tracee *t, struct sysc *sc, int64_t dirfd,
                               uint64_t path, uint32_t gflags, uint64_t mode)
{
    struct host_open o;
    sc->save[0] = gflags;
    sc->save[1] = OPEN_PLAIN;
    long r = prepare(t, sc, dirfd, path, gflags, mode, &o);
    if (r < 0) {
        sc->ret = r;
        return SYS_DONE;
    }
    if (!(gflags & LOCK_BITS)) {
        sysc_set_host_nr(t, o.nr);
        for (int i = 0; i < 4; i++)
            sysc_set_arg(t, i, o.a[i]);
        return SYS_PASS;
    }

    /* O_SHLOCK/O_EXLOCK: open now, then try the lock without blocking. */
    long fd = guest_syscall(t, o.nr, o.a);
    if (fd < 0) {
        sc->ret = fd;
        return SYS_DONE;
    }
    int op = (gflags & FBSD_O_EXLOCK) ? LOCK_EX : LOCK_SH;
    uint64_t la[6] = { (uint64_t)fd, (uint64_t)(op | LOCK_NB) };
    long lr = guest_syscall(t, __NR_flock, la);
    if (lr == 0 || lr != -EWOULDBLOCK || (gflags & FBSD_O_NONBLOCK)) {
        if (lr < 0) {
            uint64_t ca[6] = { (uint64_t)fd };
            guest_syscall(t, __NR_close, ca);
        }
        sc->ret = lr < 0 ? lr : fd;
        return SYS_DONE;
    }
    /* Held by someone else and the caller may wait: the guest itself waits in
     * flock(2) (the supervisor must not block on it), and the exit handler
     * returns the descriptor.  Should that wait fail (a signal without restart),
     * the error is returned and the descriptor stays open in the guest. */
    sc->save[1] = OPEN_THEN_LOCKED;
    sc->save[2] = (uint64_t)fd;
    sysc_set_host_nr(t, __NR_flock);
    sysc_set_arg(t, 0, (uint64_t)fd);
    sysc_set_arg(t, 1, (uint64_t)op);
    return SYS_PASS;
}

enum sys_action fbsd_sys_open(struct tracee *t, struct sysc *sc)
{
    return do_open(t, sc, AT_FDCWD, sc->args[0], (uint32_t)sc->args[1], sc->args[2]);
}

enum sys_action fbsd_sys_openat(struct tracee *t, struct sysc *sc)
{
    return do_open(t, sc, (int)sc->args[0], sc->args[1], (uint32_t)sc->args[2], sc->args[3]);
}

void fbsd_sys_open_exit(struct tracee *t, struct sysc *sc)
{
    (void)t;
    uint32_t gflags = (uint32_t)sc->save[0];
    if (sc->save[1] == OPEN_THEN_LOCKED) {
        if (sc->ret == 0)
            sc->ret = (long)sc->save[2];
        return;
    }
    if (sc->ret == -ELOOP && (gflags & FBSD_O_NOFOLLOW) && !(gflags & FBSD_O_PATH))
        sc->ret = -EMLINK;
}
