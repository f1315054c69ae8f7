/* FreeBSD terminal interface: struct termios (sys/_termios.h), flag bits and
 * c_cc indices, struct winsize, and the tty/file ioctl numbers (sys/ttycom.h,
 * sys/filio.h, computed as sys/ioccom.h does), with conversions to and from
 * Linux's struct termios2 (TCGETS2/TCSETS2: explicit integer speeds). */
#ifndef LSL2_ABI_FREEBSD_TERMIOS_H
#define LSL2_ABI_FREEBSD_TERMIOS_H

#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "personalities/personality.h"

#define FBSD_NCCS       20
#define FBSD_VEOF       0
#define FBSD_VEOL       1
#define FBSD_VEOL2      2
#define FBSD_VERASE     3
#define FBSD_VWERASE    4
#define FBSD_VKILL      5
#define FBSD_VREPRINT   6
#define FBSD_VERASE2    7
#define FBSD_VINTR      8
#define FBSD_VQUIT      9
#define FBSD_VSUSP      10
#define FBSD_VDSUSP     11
#define FBSD_VSTART     12
#define FBSD_VSTOP      13
#define FBSD_VLNEXT     14
#define FBSD_VDISCARD   15
#define FBSD_VMIN       16
#define FBSD_VTIME      17
#define FBSD_VSTATUS    18
#define FBSD_POSIX_VDISABLE 0xff

/* c_iflag */
#define FBSD_IGNBRK     0x00000001
#define FBSD_BRKINT     0x00000002
#define FBSD_IGNPAR     0x00000004
#define FBSD_PARMRK     0x00000008
#define FBSD_INPCK      0x00000010
#define FBSD_ISTRIP     0x00000020
#define FBSD_INLCR      0x00000040
#define FBSD_IGNCR      0x00000080
#define FBSD_ICRNL      0x00000100
#define FBSD_IXON       0x00000200
#define FBSD_IXOFF      0x00000400
#define FBSD_IXANY      0x00000800
#define FBSD_IMAXBEL    0x00002000
/* c_oflag */
#define FBSD_OPOST      0x00000001
#define FBSD_ONLCR      0x00000002
#define FBSD_TABDLY     0x00000004
#define FBSD_TAB0       0x00000000
#define FBSD_TAB3       0x00000004
#define FBSD_ONOEOT     0x00000008
#define FBSD_OCRNL      0x00000010
#define FBSD_ONOCR      0x00000020
#define FBSD_ONLRET     0x00000040
/* c_cflag */
#define FBSD_CIGNORE    0x00000001
#define FBSD_CSIZE      0x00000300
#define FBSD_CS5        0x00000000
#define FBSD_CS6        0x00000100
#define FBSD_CS7        0x00000200
#define FBSD_CS8        0x00000300
#define FBSD_CSTOPB     0x00000400
#define FBSD_CREAD      0x00000800
#define FBSD_PARENB     0x00001000
#define FBSD_PARODD     0x00002000
#define FBSD_HUPCL      0x00004000
#define FBSD_CLOCAL     0x00008000
#define FBSD_CCTS_OFLOW 0x00010000
#define FBSD_CRTS_IFLOW 0x00020000
#define FBSD_CRTSCTS    (FBSD_CCTS_OFLOW | FBSD_CRTS_IFLOW)
#define FBSD_CDTR_IFLOW 0x00040000
#define FBSD_CDSR_OFLOW 0x00080000
#define FBSD_CCAR_OFLOW 0x00100000
#define FBSD_CNO_RTSDTR 0x00200000
/* c_lflag */
#define FBSD_ECHOKE     0x00000001
#define FBSD_ECHOE      0x00000002
#define FBSD_ECHOK      0x00000004
#define FBSD_ECHO       0x00000008
#define FBSD_ECHONL     0x00000010
#define FBSD_ECHOPRT    0x00000020
#define FBSD_ECHOCTL    0x00000040
#define FBSD_ISIG       0x00000080
#define FBSD_ICANON     0x00000100
#define FBSD_ALTWERASE  0x00000200
#define FBSD_IEXTEN     0x00000400
#define FBSD_EXTPROC    0x00000800
#define FBSD_TOSTOP     0x00400000
#define FBSD_FLUSHO     0x00800000
#define FBSD_NOKERNINFO 0x02000000
#define FBSD_PENDIN     0x20000000
#define FBSD_NOFLSH     0x80000000u

/* tcsetattr actions / tcflush queues (the libc turns them into ioctls) */
#define FBSD_TCSANOW    0
#define FBSD_TCSADRAIN  1
#define FBSD_TCSAFLUSH  2

struct fbsd_termios {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t  c_cc[FBSD_NCCS];
    uint32_t c_ispeed;
    uint32_t c_ospeed;
};
_Static_assert(sizeof(struct fbsd_termios) == 44, "fbsd_termios size");
_Static_assert(offsetof(struct fbsd_termios, c_ispeed) == 36, "fbsd_termios c_ispeed");

struct fbsd_winsize {
    uint16_t ws_row;
    uint16_t ws_col;
    uint16_t ws_xpixel;
    uint16_t ws_ypixel;
};

/* Linux's struct termios2 (asm/termbits.h), spelled out so that this header
 * does not pull in either C library's termios. */
struct fbsd_host_termios2 {
    uint32_t c_iflag;
    uint32_t c_oflag;
    uint32_t c_cflag;
    uint32_t c_lflag;
    uint8_t  c_line;
    uint8_t  c_cc[19];
    uint32_t c_ispeed;
    uint32_t c_ospeed;
};
_Static_assert(sizeof(struct fbsd_host_termios2) == 44, "termios2 size");

/* ioctl numbers: sys/ioccom.h _IOC(inout, group, num, len) */
#define FBSD_IOC_VOID   0x20000000u
#define FBSD_IOC_OUT    0x40000000u
#define FBSD_IOC_IN     0x80000000u
#define FBSD_IOC(io, g, n, len) ((uint32_t)((io) | (((uint32_t)(len) & 0x1fff) << 16) | ((g) << 8) | (n)))
#define FBSD_IO(g, n)        FBSD_IOC(FBSD_IOC_VOID, (g), (n), 0)
#define FBSD_IOR(g, n, len)  FBSD_IOC(FBSD_IOC_OUT, (g), (n), (len))
#define FBSD_IOW(g, n, len)  FBSD_IOC(FBSD_IOC_IN, (g), (n), (len))
#define FBSD_IOWR(g, n, len) FBSD_IOC(FBSD_IOC_IN | FBSD_IOC_OUT, (g), (n), (len))

#define FBSD_TIOCEXCL       FBSD_IO('t', 13)
#define FBSD_TIOCNXCL       FBSD_IO('t', 14)
#define FBSD_TIOCGPTN       FBSD_IOR('t', 15, 4)
#define FBSD_TIOCFLUSH      FBSD_IOW('t', 16, 4)
#define FBSD_TIOCGETA       FBSD_IOR('t', 19, 44)
#define FBSD_TIOCSETA       FBSD_IOW('t', 20, 44)
#define FBSD_TIOCSETAW      FBSD_IOW('t', 21, 44)
#define FBSD_TIOCSETAF      FBSD_IOW('t', 22, 44)
#define FBSD_TIOCGETD       FBSD_IOR('t', 26, 4)
#define FBSD_TIOCSETD       FBSD_IOW('t', 27, 4)
#define FBSD_TIOCPTMASTER   FBSD_IO('t', 28)
#define FBSD_TIOCDRAIN      FBSD_IO('t', 94)
#define FBSD_TIOCSCTTY      FBSD_IO('t', 97)
#define FBSD_TIOCCONS       FBSD_IOW('t', 98, 4)
#define FBSD_TIOCGSID       FBSD_IOR('t', 99, 4)
#define FBSD_TIOCSWINSZ     FBSD_IOW('t', 103, 8)
#define FBSD_TIOCGWINSZ     FBSD_IOR('t', 104, 8)
#define FBSD_TIOCMGET       FBSD_IOR('t', 106, 4)
#define FBSD_TIOCMBIC       FBSD_IOW('t', 107, 4)
#define FBSD_TIOCMBIS       FBSD_IOW('t', 108, 4)
#define FBSD_TIOCMSET       FBSD_IOW('t', 109, 4)
#define FBSD_TIOCSTART      FBSD_IO('t', 110)
#define FBSD_TIOCSTOP       FBSD_IO('t', 111)
#define FBSD_TIOCPKT        FBSD_IOW('t', 112, 4)
#define FBSD_TIOCNOTTY      FBSD_IO('t', 113)
#define FBSD_TIOCSTI        FBSD_IOW('t', 114, 1)
#define FBSD_TIOCOUTQ       FBSD_IOR('t', 115, 4)
#define FBSD_TIOCSPGRP      FBSD_IOW('t', 118, 4)
#define FBSD_TIOCGPGRP      FBSD_IOR('t', 119, 4)
#define FBSD_TIOCCBRK       FBSD_IO('t', 122)
#define FBSD_TIOCSBRK       FBSD_IO('t', 123)
#define FBSD_FIOCLEX        FBSD_IO('f', 1)
#define FBSD_FIONCLEX       FBSD_IO('f', 2)
#define FBSD_FIONREAD       FBSD_IOR('f', 127, 4)
#define FBSD_FIONBIO        FBSD_IOW('f', 126, 4)
#define FBSD_FIOASYNC       FBSD_IOW('f', 125, 4)
#define FBSD_FIOSETOWN      FBSD_IOW('f', 124, 4)
#define FBSD_FIOGETOWN      FBSD_IOR('f', 123, 4)
#define FBSD_FIODTYPE       FBSD_IOR('f', 122, 4)
#define FBSD_FIODGNAME      FBSD_IOW('f', 120, 16)   /* struct fiodgname_arg { int len; void *buf; } */
#define FBSD_FIONWRITE      FBSD_IOR('f', 119, 4)
#define FBSD_FIONSPACE      FBSD_IOR('f', 118, 4)
#define FBSD_FIOSEEKDATA    FBSD_IOWR('f', 97, 8)
#define FBSD_FIOSEEKHOLE    FBSD_IOWR('f', 98, 8)

struct fbsd_fiodgname_arg {
    int32_t  len;
    uint64_t buf;
};

/* ioctls whose argument is the same on Linux (an int, a pid, a struct winsize,
 * or nothing): only the number changes.  TIOCSCTTY: FreeBSD passes no argument,
 * the handler must give Linux 0.  The termios ones (TIOCGETA/TIOCSETA[WF] ->
 * TCGETS2/TCSETS[WF]2) are in fbsd_ioctl_termios_map and need the struct
 * conversions below.  Not in either (the handler's): TIOCFLUSH (FREAD/FWRITE
 * bits -> TCFLSH queue), TIOCDRAIN (TCSBRK 1), TIOCPTMASTER (is it a pty
 * master?), FIODGNAME (the pts name), FIODTYPE, FIONWRITE, FIONSPACE,
 * FIOSEEKDATA/HOLE (lseek), TIOCSTART/TIOCSTOP (TCXONC), FIOSETOWN/FIOGETOWN
 * (fcntl F_SETOWN/F_GETOWN: Linux's FIOSETOWN only serves sockets). */
extern const struct fbsd_map fbsd_ioctl_passthru_map;
extern const struct fbsd_map fbsd_ioctl_termios_map;

/* Conversions.  Toward Linux: speeds as BOTHER with c_ispeed/c_ospeed; flags
 * without a Linux bit (CIGNORE, CDTR_IFLOW, CDSR_OFLOW, CCAR_OFLOW, CNO_RTSDTR,
 * ONOEOT, ALTWERASE, NOKERNINFO) are dropped; VERASE2, VDSUSP and VSTATUS have
 * no Linux slot.  Toward FreeBSD: those three get FreeBSD's defaults (^H, ^Y,
 * ^T, sys/ttydefaults.h), Linux-only bits (IUCLC, IUTF8, OLCUC, XCASE...) are
 * dropped. */
void fbsd_termios_to_linux(struct fbsd_host_termios2 *out, const struct fbsd_termios *in);
void fbsd_termios_from_linux(struct fbsd_termios *out, const struct fbsd_host_termios2 *in);

extern const struct fbsd_map fbsd_termios_iflag_map;
extern const struct fbsd_map fbsd_termios_oflag_map;
extern const struct fbsd_map fbsd_termios_cflag_map;
extern const struct fbsd_map fbsd_termios_lflag_map;

extern const struct xlat fbsd_xlat_ioctl_cmds[];
extern const struct xlat fbsd_xlat_termios_iflags[];
extern const struct xlat fbsd_xlat_termios_oflags[];
extern const struct xlat fbsd_xlat_termios_cflags[];
extern const struct xlat fbsd_xlat_termios_lflags[];

#endif
