/* ioctl(2) on terminals and files.  Three kinds of command:
 *   same argument on Linux, other number   abi's fbsd_ioctl_passthru_map;
 *   termios (TIOCGETA, TIOCSETA[WF])       FreeBSD struct termios <-> Linux
 *                                          struct termios2 (TCGETS2/TCSETS*2:
 *                                          speeds as integers) in scratch;
 *   the rest                                a small function each (table below).
 * Anything else answers ENOTTY, as FreeBSD does for a command the object does
 * not know; lsl2 -d names it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <termios.h>
#include "personalities/freebsd/file.h"
#include "personalities/freebsd/pty.h"
#include "abi/freebsd/termios.h"
#include "cli/report.h"
#include "tracer/tracee.h"

/* What the exit handler does (sc->save[0]); save[1] is the scratch address. */
enum { IX_NONE, IX_GETA, IX_PUT_RET, IX_ZERO };

/* FIODTYPE answers (sys/conf.h d_flags & D_TYPEMASK). */
#define FBSD_D_TTY 0x0004
/* TIOCFLUSH argument bits (sys/fcntl.h FREAD/FWRITE). */
#define FBSD_FREAD  0x1
#define FBSD_FWRITE 0x2

static enum sys_action host_ioctl(struct tracee *t, unsigned long cmd, uint64_t arg)
{
    sysc_set_host_nr(t, __NR_ioctl);
    sysc_set_arg(t, 1, cmd);
    sysc_set_arg(t, 2, arg);
    return SYS_PASS;
}

static enum sys_action tio_get(struct tracee *t, struct sysc *sc, unsigned long host)
{
    uint64_t s = guest_scratch(t, sizeof(struct fbsd_host_termios2));
    if (!s)
        return sysc_done(sc, -EFAULT);
    sc->save[0] = IX_GETA;
    sc->save[1] = s;
    return host_ioctl(t, host, s);
}

static enum sys_action tio_set(struct tracee *t, struct sysc *sc, unsigned long host)
{
    struct fbsd_termios g;
    struct fbsd_host_termios2 h;
    if (guest_read(t, sc->args[2], &g, sizeof g) < 0)
        return sysc_done(sc, -EFAULT);
    fbsd_termios_to_linux(&h, &g);
    uint64_t s = guest_scratch(t, sizeof h);
    if (!s || guest_write(t, s, &h, sizeof h) < 0)
        return sysc_done(sc, -EFAULT);
    return host_ioctl(t, host, s);
}

/* FreeBSD's TIOCSCTTY has no argument; Linux's is "steal": 0. */
static enum sys_action sctty(struct tracee *t, struct sysc *sc)
{
    (void)sc;
    return host_ioctl(t, TIOCSCTTY, 0);
}

static enum sys_action flush(struct tracee *t, struct sysc *sc)
{
    int which;
    if (guest_read(t, sc->args[2], &which, sizeof which) < 0)
        return sysc_done(sc, -EFAULT);
    if (which == 0)
        which = FBSD_FREAD | FBSD_FWRITE;
    int q = (which & FBSD_FREAD) ? ((which & FBSD_FWRITE) ? TCIOFLUSH : TCIFLUSH) : TCOFLUSH;
    return host_ioctl(t, TCFLSH, (uint64_t)q);
}

static enum sys_action drain(struct tracee *t, struct sysc *sc)
{
    (void)sc;
    return host_ioctl(t, TCSBRK, 1);    /* a non-zero argument: wait, send no break */
}

static enum sys_action start(struct tracee *t, struct sysc *sc) { (void)sc; return host_ioctl(t, TCXONC, TCOON); }
static enum sys_action stop(struct tracee *t, struct sysc *sc)  { (void)sc; return host_ioctl(t, TCXONC, TCOOFF); }

static enum sys_action to_fcntl(struct tracee *t, int cmd, uint64_t arg)
{
    sysc_set_host_nr(t, __NR_fcntl);
    sysc_set_arg(t, 1, (uint64_t)cmd);
    sysc_set_arg(t, 2, arg);
    return SYS_PASS;
}

/* FIOGETOWN/FIOSETOWN: Linux's FIO*OWN serve sockets only; fcntl serves all. */
static enum sys_action getown(struct tracee *t, struct sysc *sc)
{
    sc->save[0] = IX_PUT_RET;
    return to_fcntl(t, F_GETOWN, 0);
}

static enum sys_action setown(struct tracee *t, struct sysc *sc)
{
    int own;
    if (guest_read(t, sc->args[2], &own, sizeof own) < 0)
        return sysc_done(sc, -EFAULT);
    return to_fcntl(t, F_SETOWN, (uint64_t)(int64_t)own);
}

/* FIONWRITE: bytes waiting in the send queue, Linux's TIOCOUTQ (SIOCOUTQ). */
static enum sys_action nwrite(struct tracee *t, struct sysc *sc)
{
    return host_ioctl(t, TIOCOUTQ, sc->args[2]);
}

/* TIOCPTMASTER: succeeds on a pseudo-terminal master, which TIOCGPTN tells. */
static enum sys_action ptmaster(struct tracee *t, struct sysc *sc)
{
    uint64_t s = guest_scratch(t, sizeof(int));
    if (!s)
        return sysc_done(sc, -EFAULT);
    sc->save[0] = IX_ZERO;
    return host_ioctl(t, TIOCGPTN, s);
}

/* fstat(fd) into scratch; 0 or -errno. */
static long fd_stat(struct tracee *t, int fd, struct stat *st)
{
    uint64_t s = guest_scratch(t, sizeof *st);
    if (!s)
        return -EFAULT;
    uint64_t a[6] = { (uint64_t)(int64_t)fd, s };
    long r = guest_syscall(t, __NR_fstat, a);
    if (r == 0 && guest_read(t, s, st, sizeof *st) < 0)
        r = -EFAULT;
    return r;
}

/* FIODTYPE: the device's type, D_TTY for a terminal (the one dd and others
 * ask about), 0 for other character devices; files and pipes are not devices. */
static enum sys_action dtype(struct tracee *t, struct sysc *sc)
{
    struct stat st;
    long r = fd_stat(t, (int)sc->args[0], &st);
    if (r < 0)
        return sysc_done(sc, r);
    if (!S_ISCHR(st.st_mode))
        return sysc_done(sc, -ENOTTY);
    uint64_t s = guest_scratch(t, sizeof(struct fbsd_host_termios2));
    if (!s)
        return sysc_done(sc, -EFAULT);
    uint64_t a[6] = { sc->args[0], TCGETS, s };   /* kernel termios: 36 bytes */
    int type = guest_syscall(t, __NR_ioctl, a) == 0 ? FBSD_D_TTY : 0;
    return sysc_done(sc, guest_write(t, sc->args[2], &type, sizeof type) < 0 ? -EFAULT : 0);
}

/* FIODGNAME: the device's name under /dev ("pts/0"), which FreeBSD's
 * ttyname/fdevname use; read from the descriptor's /proc link in the guest. */
static enum sys_action dgname(struct tracee *t, struct sysc *sc)
{
    struct fbsd_fiodgname_arg a;
    struct stat st;
    if (guest_read(t, sc->args[2], &a, sizeof a) < 0)
        return sysc_done(sc, -EFAULT);
    char pts[32];   /* a pty master is named after its slave (pty.c) */
    long r = fbsd_pty_master_name(t, (int)sc->args[0], pts, sizeof pts);
    if (r >= 0)
        return sysc_done(sc, a.len < 0 || (size_t)r + 1 > (size_t)a.len ? -EINVAL :
                        guest_write(t, a.buf, pts, (size_t)r + 1) < 0 ? -EFAULT : 0);
    r = fd_stat(t, (int)sc->args[0], &st);
    if (r < 0)
        return sysc_done(sc, r);
    if (!S_ISCHR(st.st_mode))
        return sysc_done(sc, -ENOTTY);
    char path[40], link[256];
    int n = snprintf(path, sizeof path, "/proc/self/fd/%d", (int)sc->args[0]);
    uint64_t sp = guest_scratch(t, (size_t)n + 1), sl = guest_scratch(t, sizeof link);
    if (!sp || !sl || guest_write(t, sp, path, (size_t)n + 1) < 0)
        return sysc_done(sc, -EFAULT);
    uint64_t ra[6] = { (uint64_t)(int64_t)AT_FDCWD, sp, sl, sizeof link - 1 };
    r = guest_syscall(t, __NR_readlinkat, ra);
    if (r < 0)
        return sysc_done(sc, r);
    if (guest_read(t, sl, link, (size_t)r) < 0)
        return sysc_done(sc, -EFAULT);
    link[r] = '\0';
    if (strncmp(link, "/dev/", 5) != 0)
        return sysc_done(sc, -ENOTTY);
    size_t len = strlen(link + 5) + 1;
    if (a.len < 0 || len > (size_t)a.len)
        return sysc_done(sc, -EINVAL);
    return sysc_done(sc, guest_write(t, a.buf, link + 5, len) < 0 ? -EFAULT : 0);
}

static const struct {
    uint32_t cmd;
    enum sys_action (*fn)(struct tracee *, struct sysc *);
} special[] = {
    { FBSD_TIOCSCTTY, sctty },     { FBSD_TIOCFLUSH, flush },      { FBSD_TIOCDRAIN, drain },
    { FBSD_TIOCSTART, start },     { FBSD_TIOCSTOP, stop },        { FBSD_FIOGETOWN, getown },
    { FBSD_FIOSETOWN, setown },    { FBSD_FIONWRITE, nwrite },     { FBSD_TIOCPTMASTER, ptmaster },
    { FBSD_FIODTYPE, dtype },      { FBSD_FIODGNAME, dgname },
};

enum sys_action fbsd_sys_ioctl(struct tracee *t, struct sysc *sc)
{
    uint32_t cmd = (uint32_t)sc->args[1];
    uint64_t host;
    sc->save[0] = IX_NONE;
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++)
        if (special[i].cmd == cmd)
            return special[i].fn(t, sc);
    if (fbsd_val_to_host(&fbsd_ioctl_termios_map, cmd, &host) == 0)
        return cmd == FBSD_TIOCGETA ? tio_get(t, sc, host) : tio_set(t, sc, host);
    if (fbsd_val_to_host(&fbsd_ioctl_passthru_map, cmd, &host) == 0)
        return host_ioctl(t, host, sc->args[2]);
    report_step("pid %d: ioctl %#x (group '%c', number %u, %u bytes) on fd %d: "
                "not translated, ENOTTY", t->tid, cmd, (cmd >> 8) & 0xff ? (cmd >> 8) & 0xff : '?',
                cmd & 0xff, (cmd >> 16) & 0x1fff, (int)sc->args[0]);
    return sysc_done(sc, -ENOTTY);
}

void fbsd_sys_ioctl_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0)
        return;
    if (sc->save[0] == IX_ZERO) {
        sc->ret = 0;
    } else if (sc->save[0] == IX_PUT_RET) {
        int v = (int)sc->ret;
        sc->ret = guest_write(t, sc->args[2], &v, sizeof v) < 0 ? -EFAULT : 0;
    } else if (sc->save[0] == IX_GETA) {
        struct fbsd_host_termios2 h;
        struct fbsd_termios g;
        if (guest_read(t, sc->save[1], &h, sizeof h) < 0) {
            sc->ret = -EFAULT;
            return;
        }
        fbsd_termios_from_linux(&g, &h);
        if (guest_write(t, sc->args[2], &g, sizeof g) < 0)
            sc->ret = -EFAULT;
    }
}
