/* Constant-name sets for --trace of FreeBSD calls: how each of abi/freebsd's
 * name tables is applied (enum or flags).  The numbers live in abi/freebsd. */
#include "personalities/freebsd/freebsd.h"
#include "abi/freebsd/fcntl.h"
#include "abi/freebsd/mman.h"
#include "abi/freebsd/resource.h"
#include "abi/freebsd/time.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/wait.h"
#include "abi/freebsd/termios.h"
#include "abi/freebsd/socket.h"
#include "abi/freebsd/poll.h"
#include "personalities/freebsd/trace_decode.h"

/* open(2) flags: the O_ACCMODE part is an enum, the rest flag bits. */
const struct xlat_set fbsd_xset_open_flags = {
    .style = XS_FLAGS, .tab = fbsd_xlat_open_flags,
    .enum_mask = 0x3, .enum_tab = fbsd_xlat_open_accmode,
};
const struct xlat_set fbsd_xset_at_flags     = { .style = XS_FLAGS, .tab = fbsd_xlat_at_flags };
const struct xlat_set fbsd_xset_fcntl_cmds   = { .style = XS_ENUM,  .tab = fbsd_xlat_fcntl_cmds };
const struct xlat_set fbsd_xset_mmap_prot    = { .style = XS_FLAGS, .tab = fbsd_xlat_mmap_prot };
const struct xlat_set fbsd_xset_mmap_flags   = { .style = XS_FLAGS, .tab = fbsd_xlat_mmap_flags };
const struct xlat_set fbsd_xset_access_modes = { .style = XS_FLAGS, .tab = fbsd_xlat_access_modes };
const struct xlat_set fbsd_xset_whence       = { .style = XS_ENUM,  .tab = fbsd_xlat_whence };
const struct xlat_set fbsd_xset_rlimits      = { .style = XS_ENUM,  .tab = fbsd_xlat_rlimits };
const struct xlat_set fbsd_xset_clockids     = { .style = XS_ENUM,  .tab = fbsd_xlat_clockids };
const struct xlat_set fbsd_xset_signals      = { .style = XS_ENUM,  .tab = fbsd_xlat_signals };
const struct xlat_set fbsd_xset_sighow       = { .style = XS_ENUM,  .tab = fbsd_xlat_sighow };
const struct xlat_set fbsd_xset_wait_opts    = { .style = XS_FLAGS, .tab = fbsd_xlat_wait_opts };

/* ioctl commands are 32-bit values with the direction in bit 31 (IOC_OUT
 * 0x40000000, IOC_IN 0x80000000), and the tracer sign-extends enum arguments:
 * the whole low word is given as the flag style's enum part instead, which is
 * matched unextended (an unknown command prints as hex). */
static const struct xlat no_flags[] = { { 0, NULL } };
const struct xlat_set fbsd_xset_ioctl_cmds = {
    .style = XS_FLAGS, .tab = no_flags,
    .enum_mask = 0xffffffffu, .enum_tab = fbsd_xlat_ioctl_cmds,
};

/* Directory descriptors: FreeBSD's AT_FDCWD is -100, as Linux's. */
static const struct xlat dirfds[] = { { (uint64_t)-100, "AT_FDCWD" }, { 0, NULL } };
const struct xlat_set fbsd_xset_dirfd = { .style = XS_ENUM, .tab = dirfds };

/* Sockets: domains, types with their SOCK_CLOEXEC|SOCK_NONBLOCK bits (the
 * rest of the word is the type enum), MSG_* flags. */
const struct xlat_set fbsd_xset_socket_domains = { .style = XS_ENUM, .tab = fbsd_xlat_socket_domains };
const struct xlat_set fbsd_xset_socket_types = {
    .style = XS_FLAGS, .tab = fbsd_xlat_socket_type_flags,
    .enum_mask = 0xffffffffu & ~(uint64_t)(FBSD_SOCK_CLOEXEC | FBSD_SOCK_NONBLOCK),
    .enum_tab = fbsd_xlat_socket_types,
};
const struct xlat_set fbsd_xset_msg_flags = { .style = XS_FLAGS, .tab = fbsd_xlat_msg_flags };
const struct xlat_set fbsd_xset_sa_flags  = { .style = XS_FLAGS, .tab = fbsd_xlat_sa_flags };

/* poll(2) events: POLLWRNORM is POLLOUT's other name and is not listed. */
#define P(name) { FBSD_##name, #name }
const struct xlat fbsd_xlat_poll_events[] = {
    P(POLLIN), P(POLLPRI), P(POLLOUT), P(POLLERR), P(POLLHUP), P(POLLNVAL), P(POLLRDNORM),
    P(POLLRDBAND), P(POLLWRBAND), P(POLLINIGNEOF), P(POLLRDHUP),
    { 0, NULL }
};
const struct xlat_set fbsd_xset_poll_events = { .style = XS_FLAGS, .tab = fbsd_xlat_poll_events };
