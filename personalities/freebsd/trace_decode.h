/* --trace decoding of FreeBSD structs and flag words: the personality's own
 * argument kinds, and the pure formatters behind them (guest records already
 * fetched into plain buffers, so each is unit-tested without a tracee).
 *   trace_format.c  fbsd_format_arg: kind -> fetch + formatter (table), struct stat
 *   trace_kevent.c  struct kevent lists
 *   trace_sock.c    sockaddrs, socket option levels and names, pollfds, fd_sets
 *   trace_sig.c     sigsets and struct sigaction */
#ifndef LSL2_PERSONALITIES_FREEBSD_TRACE_DECODE_H
#define LSL2_PERSONALITIES_FREEBSD_TRACE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "personalities/personality.h"
#include "tracer/trace_fmt.h"
#include "abi/freebsd/kevent.h"
#include "abi/freebsd/poll.h"
#include "abi/freebsd/signal.h"

/* Personality-own argument kinds ("OUT": written by the call, shown at exit —
 * listed in FBSD_TRACE_EXIT_KINDS). */
#define A_FBSD_STAT11       A_PERS_1   /* struct freebsd11_stat written by the call (FreeBSD 10/11 stat) */
#define A_FBSD_KEVENTS_IN   A_PERS_2   /* kevent changelist; its length is the next argument */
#define A_FBSD_KEVENTS_OUT  A_PERS_3   /* kevent eventlist; its length is the result */
#define A_FBSD_SOCKADDR_IN  A_PERS_4   /* const struct sockaddr *; its length is the next argument */
#define A_FBSD_SOCKADDR_OUT A_PERS_5   /* struct sockaddr * filled; next argument: its socklen_t * */
#define A_FBSD_SOCKLEN_OUT  A_PERS_6   /* socklen_t * the call writes: "[16]" */
#define A_FBSD_SOCKLEVEL    A_PERS_7   /* setsockopt/getsockopt level (the first argument: the socket) */
#define A_FBSD_SOCKOPT      A_PERS_8   /* option name; the level is the argument before */
#define A_FBSD_MSG_FLAGS    A_PERS_9   /* MSG_* */
#define A_FBSD_POLLFDS      A_PERS_10  /* struct pollfd[]; count next: events and revents at exit */
#define A_FBSD_FDSET        A_PERS_11  /* fd_set *; the first argument is nfds */
#define A_FBSD_SIGACTION    A_PERS_12  /* const struct sigaction * */
#define A_FBSD_SIGACTION_OUT A_PERS_13 /* struct sigaction * the call fills */
#define A_FBSD_SIGSET       A_PERS_14  /* const sigset_t * */
#define A_FBSD_SIGSET_OUT   A_PERS_15  /* sigset_t * the call fills */

#define FBSD_TRACE_EXIT_KINDS \
    ((1ull << A_FBSD_STAT11) | (1ull << A_FBSD_KEVENTS_OUT) | (1ull << A_FBSD_SOCKADDR_OUT) | (1ull << A_FBSD_SOCKLEN_OUT) | \
     (1ull << A_FBSD_POLLFDS) | (1ull << A_FBSD_SIGACTION_OUT) | (1ull << A_FBSD_SIGSET_OUT))

/* How many records of an array are shown before ", ..." (strace cuts too). */
#define FBSD_TRACE_KEVENTS_MAX 4
#define FBSD_TRACE_POLLFDS_MAX 8
#define FBSD_TRACE_FDSET_BITS  4096

/* xlat.c: names the formatters use. */
extern const struct xlat_set fbsd_xset_msg_flags, fbsd_xset_socket_domains,
       fbsd_xset_socket_types, fbsd_xset_poll_events, fbsd_xset_sa_flags;
extern const struct xlat fbsd_xlat_poll_events[];

/* trace_kevent.c: "{ident=3, filter=EVFILT_READ, flags=EV_ADD|EV_CLEAR, fflags=0,
 * data=0, udata=NULL}"; a list of n shown of total as "[..., ...]". */
void fbsd_fmt_kevent(struct fbuf *b, const struct fbsd_kevent *kev);
void fbsd_fmt_kevents(struct fbuf *b, const struct fbsd_kevent *kev, size_t n, size_t total);

/* trace_sock.c */
/* A sockaddr of len bytes as strace shows it ({sa_len=16, sa_family=AF_INET,
 * sin_port=htons(7777), sin_addr=inet_addr("127.0.0.1")}, AF_INET6 with inet_pton,
 * AF_UNIX with sun_path quoted). */
void fbsd_fmt_sockaddr(struct fbuf *b, const void *sa, size_t len);
/* Level and option names; `local`: level 0 on an AF_UNIX socket is SOL_LOCAL
 * (LOCAL_PEERCRED...), otherwise IPPROTO_IP.  NULL when unknown. */
const char *fbsd_sockopt_level_name(int level, bool local);
const char *fbsd_sockopt_name(int level, int optname, bool local);
/* pollfds: "[{fd=3, events=POLLIN|POLLRDNORM}]", with ", revents=..." for the
 * entries that have some when `revents`; n shown of total. */
void fbsd_fmt_pollfds(struct fbuf *b, const struct fbsd_pollfd *p, size_t n, size_t total,
                      bool revents);
/* The descriptors set in the first nfds bits of an fd_set: "[3 4]". */
void fbsd_fmt_fdset(struct fbuf *b, const uint64_t *words, int nfds);

/* trace_sig.c */
/* "[INT TERM]" ("~[...]" when more than half the signals are set, as strace). */
void fbsd_fmt_sigset(struct fbuf *b, const fbsd_sigset_t *set);
/* "{sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTART}" */
void fbsd_fmt_sigaction(struct fbuf *b, const struct fbsd_sigaction *sa);

#endif
