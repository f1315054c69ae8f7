/* termios and tty ioctl translation (see termios.h).  Linux's numbers come from
 * the kernel's uapi headers: glibc's <termios.h> describes a different struct. */
#include <string.h>
#include <asm/termbits.h>
#include <asm/ioctls.h>
#include "abi/freebsd/termios.h"

_Static_assert(sizeof(struct termios2) == sizeof(struct fbsd_host_termios2), "termios2 layout");
_Static_assert(offsetof(struct termios2, c_cc) == offsetof(struct fbsd_host_termios2, c_cc), "c_cc");
_Static_assert(offsetof(struct termios2, c_ispeed) == offsetof(struct fbsd_host_termios2, c_ispeed), "c_ispeed");
_Static_assert(NCCS == 19, "Linux NCCS");

static const struct fbsd_pair iflag_pairs[] = {
    { FBSD_IGNBRK, IGNBRK }, { FBSD_BRKINT, BRKINT }, { FBSD_IGNPAR, IGNPAR },
    { FBSD_PARMRK, PARMRK }, { FBSD_INPCK, INPCK },   { FBSD_ISTRIP, ISTRIP },
    { FBSD_INLCR, INLCR },   { FBSD_IGNCR, IGNCR },   { FBSD_ICRNL, ICRNL },
    { FBSD_IXON, IXON },     { FBSD_IXOFF, IXOFF },   { FBSD_IXANY, IXANY },
    { FBSD_IMAXBEL, IMAXBEL },
};
const struct fbsd_map fbsd_termios_iflag_map = FBSD_MAP(iflag_pairs);

static const struct fbsd_pair oflag_pairs[] = {
    { FBSD_OPOST, OPOST }, { FBSD_ONLCR, ONLCR }, { FBSD_TAB3, TAB3 },
    { FBSD_OCRNL, OCRNL }, { FBSD_ONOCR, ONOCR }, { FBSD_ONLRET, ONLRET },
};
const struct fbsd_map fbsd_termios_oflag_map = FBSD_MAP(oflag_pairs);

static const struct fbsd_pair cflag_pairs[] = {
    { FBSD_CS8, CS8 },           /* both size bits first, then each alone */
    { FBSD_CS6, CS6 },           { FBSD_CS7, CS7 },
    { FBSD_CSTOPB, CSTOPB },     { FBSD_CREAD, CREAD },     { FBSD_PARENB, PARENB },
    { FBSD_PARODD, PARODD },     { FBSD_HUPCL, HUPCL },     { FBSD_CLOCAL, CLOCAL },
    { FBSD_CRTSCTS, CRTSCTS },
};
const struct fbsd_map fbsd_termios_cflag_map = FBSD_MAP(cflag_pairs);

static const struct fbsd_pair lflag_pairs[] = {
    { FBSD_ECHOKE, ECHOKE },   { FBSD_ECHOE, ECHOE },     { FBSD_ECHOK, ECHOK },
    { FBSD_ECHO, ECHO },       { FBSD_ECHONL, ECHONL },   { FBSD_ECHOPRT, ECHOPRT },
    { FBSD_ECHOCTL, ECHOCTL }, { FBSD_ISIG, ISIG },       { FBSD_ICANON, ICANON },
    { FBSD_IEXTEN, IEXTEN },   { FBSD_EXTPROC, EXTPROC }, { FBSD_TOSTOP, TOSTOP },
    { FBSD_FLUSHO, FLUSHO },   { FBSD_PENDIN, PENDIN },   { FBSD_NOFLSH, NOFLSH },
};
const struct fbsd_map fbsd_termios_lflag_map = FBSD_MAP(lflag_pairs);

/* c_cc slots both have: FreeBSD index -> Linux index. */
static const struct fbsd_pair cc_pairs[] = {
    { FBSD_VEOF, VEOF },       { FBSD_VEOL, VEOL },       { FBSD_VEOL2, VEOL2 },
    { FBSD_VERASE, VERASE },   { FBSD_VWERASE, VWERASE }, { FBSD_VKILL, VKILL },
    { FBSD_VREPRINT, VREPRINT }, { FBSD_VINTR, VINTR },   { FBSD_VQUIT, VQUIT },
    { FBSD_VSUSP, VSUSP },     { FBSD_VSTART, VSTART },   { FBSD_VSTOP, VSTOP },
    { FBSD_VLNEXT, VLNEXT },   { FBSD_VDISCARD, VDISCARD }, { FBSD_VMIN, VMIN },
    { FBSD_VTIME, VTIME },
};

void fbsd_termios_to_linux(struct fbsd_host_termios2 *o, const struct fbsd_termios *in)
{
    memset(o, 0, sizeof(*o));
    o->c_iflag = (uint32_t)fbsd_bits_to_host(&fbsd_termios_iflag_map, in->c_iflag, NULL);
    o->c_oflag = (uint32_t)fbsd_bits_to_host(&fbsd_termios_oflag_map, in->c_oflag, NULL);
    o->c_cflag = (uint32_t)fbsd_bits_to_host(&fbsd_termios_cflag_map, in->c_cflag, NULL) |
                 BOTHER | (BOTHER << IBSHIFT);
    o->c_lflag = (uint32_t)fbsd_bits_to_host(&fbsd_termios_lflag_map, in->c_lflag, NULL);
    for (size_t i = 0; i < sizeof(cc_pairs) / sizeof(cc_pairs[0]); i++)
        o->c_cc[cc_pairs[i].host] = in->c_cc[cc_pairs[i].guest];
    /* Linux disables a character with 0, FreeBSD with 0xff (VMIN/VTIME are counts). */
    for (size_t i = 0; i < sizeof(o->c_cc); i++)
        if (i != VMIN && i != VTIME && o->c_cc[i] == FBSD_POSIX_VDISABLE)
            o->c_cc[i] = 0;
    o->c_ispeed = in->c_ispeed;
    o->c_ospeed = in->c_ospeed;
}

void fbsd_termios_from_linux(struct fbsd_termios *o, const struct fbsd_host_termios2 *in)
{
    memset(o, 0, sizeof(*o));
    o->c_iflag = (uint32_t)fbsd_bits_to_guest(&fbsd_termios_iflag_map, in->c_iflag, NULL);
    o->c_oflag = (uint32_t)fbsd_bits_to_guest(&fbsd_termios_oflag_map, in->c_oflag, NULL);
    o->c_cflag = (uint32_t)fbsd_bits_to_guest(&fbsd_termios_cflag_map,
                                              in->c_cflag & ~(CBAUD | CIBAUD), NULL);
    o->c_lflag = (uint32_t)fbsd_bits_to_guest(&fbsd_termios_lflag_map, in->c_lflag, NULL);
    memset(o->c_cc, FBSD_POSIX_VDISABLE, sizeof(o->c_cc));
    for (size_t i = 0; i < sizeof(cc_pairs) / sizeof(cc_pairs[0]); i++) {
        uint8_t c = in->c_cc[cc_pairs[i].host];
        if (c == 0 && cc_pairs[i].guest != FBSD_VMIN && cc_pairs[i].guest != FBSD_VTIME)
            c = FBSD_POSIX_VDISABLE;
        o->c_cc[cc_pairs[i].guest] = c;
    }
    o->c_cc[FBSD_VERASE2] = 0x08;   /* CERASE2: ^H */
    o->c_cc[FBSD_VDSUSP] = 0x19;    /* CDSUSP: ^Y */
    o->c_cc[FBSD_VSTATUS] = 0x14;   /* CSTATUS: ^T */
    o->c_ispeed = in->c_ispeed;
    o->c_ospeed = in->c_ospeed;
}

static const struct fbsd_pair passthru_pairs[] = {
    { FBSD_TIOCEXCL, TIOCEXCL },     { FBSD_TIOCNXCL, TIOCNXCL },
    { FBSD_TIOCGPTN, TIOCGPTN },     { FBSD_TIOCGETD, TIOCGETD },
    { FBSD_TIOCSETD, TIOCSETD },     { FBSD_TIOCSCTTY, TIOCSCTTY },
    { FBSD_TIOCCONS, TIOCCONS },     { FBSD_TIOCGSID, TIOCGSID },
    { FBSD_TIOCSWINSZ, TIOCSWINSZ }, { FBSD_TIOCGWINSZ, TIOCGWINSZ },
    { FBSD_TIOCMGET, TIOCMGET },     { FBSD_TIOCMBIC, TIOCMBIC },
    { FBSD_TIOCMBIS, TIOCMBIS },     { FBSD_TIOCMSET, TIOCMSET },
    { FBSD_TIOCPKT, TIOCPKT },       { FBSD_TIOCNOTTY, TIOCNOTTY },
    { FBSD_TIOCSTI, TIOCSTI },       { FBSD_TIOCOUTQ, TIOCOUTQ },
    { FBSD_TIOCSPGRP, TIOCSPGRP },   { FBSD_TIOCGPGRP, TIOCGPGRP },
    { FBSD_TIOCCBRK, TIOCCBRK },     { FBSD_TIOCSBRK, TIOCSBRK },
    { FBSD_FIOCLEX, FIOCLEX },       { FBSD_FIONCLEX, FIONCLEX },
    { FBSD_FIONREAD, FIONREAD },     { FBSD_FIONBIO, FIONBIO },
    { FBSD_FIOASYNC, FIOASYNC },
};
const struct fbsd_map fbsd_ioctl_passthru_map = FBSD_MAP(passthru_pairs);

static const struct fbsd_pair termios_ioctl_pairs[] = {
    { FBSD_TIOCGETA, TCGETS2 },   { FBSD_TIOCSETA, TCSETS2 },
    { FBSD_TIOCSETAW, TCSETSW2 }, { FBSD_TIOCSETAF, TCSETSF2 },
};
const struct fbsd_map fbsd_ioctl_termios_map = FBSD_MAP(termios_ioctl_pairs);

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_ioctl_cmds[] = {
    X(TIOCEXCL), X(TIOCNXCL), X(TIOCGPTN), X(TIOCFLUSH), X(TIOCGETA), X(TIOCSETA),
    X(TIOCSETAW), X(TIOCSETAF), X(TIOCGETD), X(TIOCSETD), X(TIOCPTMASTER), X(TIOCDRAIN),
    X(TIOCSCTTY), X(TIOCCONS), X(TIOCGSID), X(TIOCSWINSZ), X(TIOCGWINSZ), X(TIOCMGET),
    X(TIOCMBIC), X(TIOCMBIS), X(TIOCMSET), X(TIOCSTART), X(TIOCSTOP), X(TIOCPKT),
    X(TIOCNOTTY), X(TIOCSTI), X(TIOCOUTQ), X(TIOCSPGRP), X(TIOCGPGRP), X(TIOCCBRK),
    X(TIOCSBRK), X(FIOCLEX), X(FIONCLEX), X(FIONREAD), X(FIONBIO), X(FIOASYNC),
    X(FIOSETOWN), X(FIOGETOWN), X(FIODTYPE), X(FIODGNAME), X(FIONWRITE), X(FIONSPACE),
    X(FIOSEEKDATA), X(FIOSEEKHOLE),
    { 0, NULL }
};

const struct xlat fbsd_xlat_termios_iflags[] = {
    X(IGNBRK), X(BRKINT), X(IGNPAR), X(PARMRK), X(INPCK), X(ISTRIP), X(INLCR), X(IGNCR),
    X(ICRNL), X(IXON), X(IXOFF), X(IXANY), X(IMAXBEL),
    { 0, NULL }
};

const struct xlat fbsd_xlat_termios_oflags[] = {
    X(OPOST), X(ONLCR), X(TAB3), X(ONOEOT), X(OCRNL), X(ONOCR), X(ONLRET),
    { 0, NULL }
};

const struct xlat fbsd_xlat_termios_cflags[] = {
    X(CIGNORE), X(CS6), X(CS7), X(CSTOPB), X(CREAD), X(PARENB), X(PARODD), X(HUPCL),
    X(CLOCAL), X(CCTS_OFLOW), X(CRTS_IFLOW), X(CDTR_IFLOW), X(CDSR_OFLOW), X(CCAR_OFLOW),
    X(CNO_RTSDTR),
    { 0, NULL }
};

const struct xlat fbsd_xlat_termios_lflags[] = {
    X(ECHOKE), X(ECHOE), X(ECHOK), X(ECHO), X(ECHONL), X(ECHOPRT), X(ECHOCTL), X(ISIG),
    X(ICANON), X(ALTWERASE), X(IEXTEN), X(EXTPROC), X(TOSTOP), X(FLUSHO), X(NOKERNINFO),
    X(PENDIN), X(NOFLSH),
    { 0, NULL }
};
