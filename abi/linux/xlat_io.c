/* Linux ioctl commands (the common terminal and file ones, <asm-generic/ioctls.h>),
 * socket domains and types (<linux/socket.h>, <linux/net.h>), descriptor-creation flags. */
#include <stddef.h>
#include "abi/linux/xlat.h"

static const struct xlat ioctl_cmd[] = {
    { 0x5401, "TCGETS" }, { 0x5402, "TCSETS" }, { 0x5403, "TCSETSW" }, { 0x5404, "TCSETSF" },
    { 0x5405, "TCGETA" }, { 0x5406, "TCSETA" }, { 0x5407, "TCSETAW" }, { 0x5408, "TCSETAF" },
    { 0x5409, "TCSBRK" }, { 0x540a, "TCXONC" }, { 0x540b, "TCFLSH" }, { 0x540c, "TIOCEXCL" },
    { 0x540d, "TIOCNXCL" }, { 0x540e, "TIOCSCTTY" }, { 0x540f, "TIOCGPGRP" },
    { 0x5410, "TIOCSPGRP" }, { 0x5411, "TIOCOUTQ" }, { 0x5412, "TIOCSTI" },
    { 0x5413, "TIOCGWINSZ" }, { 0x5414, "TIOCSWINSZ" }, { 0x5415, "TIOCMGET" },
    { 0x5416, "TIOCMBIS" }, { 0x5417, "TIOCMBIC" }, { 0x5418, "TIOCMSET" },
    { 0x5419, "TIOCGSOFTCAR" }, { 0x541a, "TIOCSSOFTCAR" }, { 0x541b, "FIONREAD" },
    { 0x541c, "TIOCLINUX" }, { 0x541d, "TIOCCONS" }, { 0x541e, "TIOCGSERIAL" },
    { 0x541f, "TIOCSSERIAL" }, { 0x5420, "TIOCPKT" }, { 0x5421, "FIONBIO" },
    { 0x5422, "TIOCNOTTY" }, { 0x5423, "TIOCSETD" }, { 0x5424, "TIOCGETD" },
    { 0x5425, "TCSBRKP" }, { 0x5427, "TIOCSBRK" }, { 0x5428, "TIOCCBRK" },
    { 0x5429, "TIOCGSID" }, { 0x802c542a, "TCGETS2" }, { 0x402c542b, "TCSETS2" },
    { 0x402c542c, "TCSETSW2" }, { 0x402c542d, "TCSETSF2" }, { 0x80045430, "TIOCGPTN" },
    { 0x40045431, "TIOCSPTLCK" }, { 0x80045432, "TIOCGDEV" }, { 0x5441, "TIOCGPTPEER" },
    { 0x5450, "FIONCLEX" }, { 0x5451, "FIOCLEX" }, { 0x5452, "FIOASYNC" },
    { 0x5456, "TIOCGLCKTRMIOS" }, { 0x5457, "TIOCSLCKTRMIOS" }, { 0x5460, "FIOQSIZE" },
    { 0, NULL }
};
const struct xlat_set linux_xs_ioctl_cmd = { XS_ENUM, ioctl_cmd, 0, NULL };

static const struct xlat sock_domain[] = {
    { 0, "AF_UNSPEC" }, { 1, "AF_UNIX" }, { 2, "AF_INET" }, { 3, "AF_AX25" }, { 4, "AF_IPX" },
    { 5, "AF_APPLETALK" }, { 6, "AF_NETROM" }, { 7, "AF_BRIDGE" }, { 8, "AF_ATMPVC" },
    { 9, "AF_X25" }, { 10, "AF_INET6" }, { 11, "AF_ROSE" }, { 12, "AF_DECnet" },
    { 13, "AF_NETBEUI" }, { 14, "AF_SECURITY" }, { 15, "AF_KEY" }, { 16, "AF_NETLINK" },
    { 17, "AF_PACKET" }, { 18, "AF_ASH" }, { 19, "AF_ECONET" }, { 20, "AF_ATMSVC" },
    { 21, "AF_RDS" }, { 22, "AF_SNA" }, { 23, "AF_IRDA" }, { 24, "AF_PPPOX" },
    { 25, "AF_WANPIPE" }, { 26, "AF_LLC" }, { 27, "AF_IB" }, { 28, "AF_MPLS" },
    { 29, "AF_CAN" }, { 30, "AF_TIPC" }, { 31, "AF_BLUETOOTH" }, { 32, "AF_IUCV" },
    { 33, "AF_RXRPC" }, { 34, "AF_ISDN" }, { 35, "AF_PHONET" }, { 36, "AF_IEEE802154" },
    { 37, "AF_CAIF" }, { 38, "AF_ALG" }, { 39, "AF_NFC" }, { 40, "AF_VSOCK" },
    { 41, "AF_KCM" }, { 42, "AF_QIPCRTR" }, { 43, "AF_SMC" }, { 44, "AF_XDP" },
    { 45, "AF_MCTP" },
    { 0, NULL }
};
const struct xlat_set linux_xs_sock_domain = { XS_ENUM, sock_domain, 0, NULL };

/* The type is the low four bits; SOCK_NONBLOCK and SOCK_CLOEXEC ride above. */
static const struct xlat sock_type[] = {
    { 1, "SOCK_STREAM" }, { 2, "SOCK_DGRAM" }, { 3, "SOCK_RAW" }, { 4, "SOCK_RDM" },
    { 5, "SOCK_SEQPACKET" }, { 6, "SOCK_DCCP" }, { 10, "SOCK_PACKET" }, { 0, NULL }
};
static const struct xlat sock_flags[] = {
    { 04000, "SOCK_NONBLOCK" }, { 02000000, "SOCK_CLOEXEC" }, { 0, NULL }
};
const struct xlat_set linux_xs_sock_type = { XS_FLAGS, sock_flags, 0xf, sock_type };

/* pipe2, dup3, eventfd2, epoll_create1, inotify_init1, signalfd4, timerfd_create,
 * accept4, userfaultfd: every family's CLOEXEC and NONBLOCK share O_CLOEXEC's and
 * O_NONBLOCK's values on Linux. */
static const struct xlat fdflags[] = {
    { 02000000, "O_CLOEXEC" }, { 04000, "O_NONBLOCK" }, { 0, NULL }
};
const struct xlat_set linux_xs_fdflags = { XS_FLAGS, fdflags, 0, NULL };
