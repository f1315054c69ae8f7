/* FreeBSD sockets and readiness polling: the handlers the table wires in, one
 * file per job:
 *   socket.c    socket, socketpair, bind, connect, accept, accept4,
 *               getsockname, getpeername
 *   sockat.c    bindat, connectat (a local path relative to a directory descriptor)
 *   sockaddr.c  sockaddrs in (guest to Linux, in scratch) and out (Linux to guest,
 *               truncated and with the length FreeBSD reports)
 *   sockopt.c   setsockopt, getsockopt (levels, option numbers, SO_ERROR's errno,
 *               LOCAL_PEERCRED), SO_NOSIGPIPE's record
 *   msg.c       sendto, recvfrom, sendmsg, recvmsg (struct msghdr, cmsgs)
 *   sendfile.c  sendfile (headers/trailers, sbytes)
 *   poll.c      poll, ppoll
 *   select.c    select, pselect */
#ifndef LSL2_PERSONALITIES_FREEBSD_SOCK_H
#define LSL2_PERSONALITIES_FREEBSD_SOCK_H

#include <stdbool.h>
#include <stdint.h>
#include <signal.h>
#include "personalities/personality.h"

struct tracee;
struct sysc;

/* sockaddr.c: a guest sockaddr (addr, len) copied into scratch as Linux's.
 * Returns the Linux length and sets *out, or -errno (EFAULT, EINVAL,
 * EAFNOSUPPORT, ENAMETOOLONG as FreeBSD's getsockaddr). */
long fbsd_sockaddr_in(struct tracee *t, uint64_t addr, uint64_t len, uint64_t *out);
/* A (sockaddr *, socklen_t *) result pair: prepared at entry (scratch for the
 * Linux sockaddr and its length; the guest's capacity read), completed at exit
 * (converted, cut to the capacity, the reported length = min(capacity, sa_len)
 * as FreeBSD's kern_getsockname/accept/recvfrom).  Uses sc->save[base..base+2]. */
int  fbsd_sockaddr_out_prepare(struct tracee *t, struct sysc *sc, int base,
                               uint64_t gaddr, uint64_t glenp, uint64_t *haddr, uint64_t *hlenp);
int  fbsd_sockaddr_out_finish(struct tracee *t, struct sysc *sc, int base);

/* sockopt.c */
enum sys_action fbsd_sys_setsockopt(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_getsockopt(struct tracee *t, struct sysc *sc);
void fbsd_sys_getsockopt_exit(struct tracee *t, struct sysc *sc);
/* Whether the guest set SO_NOSIGPIPE on socket fd of t (sends then carry
 * MSG_NOSIGNAL).  The record is per socket (its inode), across processes. */
bool fbsd_sock_nosigpipe(struct tracee *t, int fd);
/* Forgets every record (tests). */
void fbsd_sock_nosigpipe_reset(void);
/* The pure part of the record: a set of socket inode numbers. */
void fbsd_nosigpipe_set(uint64_t ino, bool on);
bool fbsd_nosigpipe_has(uint64_t ino);

/* sigpipe.c: whether host signal sig (siginfo si) at a signal-delivery-stop of t
 * is the kernel's SIGPIPE for a write/writev/sendfile that failed with EPIPE on a
 * SO_NOSIGPIPE socket — FreeBSD sends none: the caller drops it. */
bool fbsd_sigpipe_suppressed(struct tracee *t, int sig, const siginfo_t *si);

/* socket.c */
enum sys_action fbsd_sys_socket(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_socketpair(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_bind(struct tracee *t, struct sysc *sc);      /* and connect */
enum sys_action fbsd_sys_accept(struct tracee *t, struct sysc *sc);    /* and accept4 */
enum sys_action fbsd_sys_getsockname(struct tracee *t, struct sysc *sc); /* and getpeername */
void fbsd_sys_sockaddr_out_exit(struct tracee *t, struct sysc *sc);    /* accept*, get*name */

/* sockat.c: bindat and connectat; the rewritten path of rel at dirfd
 * ("/proc/self/fd/N/rel": the address length, or -ENAMETOOLONG). */
struct sockaddr_un;
enum sys_action fbsd_sys_bindat(struct tracee *t, struct sysc *sc);    /* and connectat */
int  fbsd_sockat_path(struct sockaddr_un *sun, int dirfd, const char *rel);

/* msg.c */
enum sys_action fbsd_sys_sendto(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_recvfrom(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_sendmsg(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_recvmsg(struct tracee *t, struct sysc *sc);
void fbsd_sys_recvmsg_exit(struct tracee *t, struct sysc *sc);
/* MSG_* flags of a send or receive to Linux's (bits without a Linux meaning
 * dropped); for a send, MSG_NOSIGNAL is added when the socket has SO_NOSIGPIPE. */
uint32_t fbsd_msg_flags_in(struct tracee *t, int fd, uint64_t flags, bool send);

/* sendfile.c */
enum sys_action fbsd_sys_sendfile(struct tracee *t, struct sysc *sc);
void fbsd_sys_sendfile_exit(struct tracee *t, struct sysc *sc);

/* poll.c */
enum sys_action fbsd_sys_poll(struct tracee *t, struct sysc *sc);     /* and ppoll */
void fbsd_sys_poll_exit(struct tracee *t, struct sysc *sc);

/* select.c */
enum sys_action fbsd_sys_select(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_pselect(struct tracee *t, struct sysc *sc);

#endif
