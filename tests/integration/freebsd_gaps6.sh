#!/usr/bin/env bash
# Issue 6's remaining pieces on the FreeBSD personality: bindat/connectat at a
# directory descriptor (AF_UNIX), SO_NOSIGPIPE on write/writev/sendfile (no
# SIGPIPE, EPIPE returned), the kqueue leftovers (NOTE_LOWAT, a listening
# socket's backlog, EV_CLEAR beside a level-triggered filter, 5000 knotes, a
# finite wait that only saw dropped events) and --trace decoding of kevent,
# socket options, MSG_* flags, pollfd arrays and sockaddrs.
source "$TOP/tests/lib.sh"

need_fixture fb13
S=$FX
mkdir -p "$S/tmp"

P=$(fb_guest gaps6_sock) || { notok "build gaps6_sock"; exit 0; }
t_out "bindat/connectat at a directory descriptor; SO_NOSIGPIPE on write, writev, sendfile" \
"bindat dirfd srv: 0 socket
connectat dirfd srv: 0
round trip: 4 ping
bindat dirfd sub/deep: 0 socket
bindat dirfd srv again: -1 EADDRINUSE
bindat AT_FDCWD cwd: 0 socket
connectat AT_FDCWD cwd: 0
connectat dirfd srv from elsewhere: 0
bindat bad dirfd absolute: 0 socket
bindat bad dirfd: -1 EBADF
bindat file dirfd: -1 ENOTDIR
connectat dirfd missing: -1 ENOENT
bindat bad socket: -1 EBADF
bindat dirfd inet: -1 EOPNOTSUPP
bindat AT_FDCWD inet: 0
bindat bad address: EFAULT
nosigpipe write: -1 EPIPE signals 0
nosigpipe writev: -1 EPIPE signals 0
nosigpipe dup write: -1 EPIPE signals 0
nosigpipe sendfile: -1 EPIPE signals 0
plain write: -1 EPIPE signals 1
plain sendfile: -1 EPIPE signals 2
pipe write: -1 EPIPE signals 3
nosigpipe write again: -1 EPIPE signals 3
SIG_DFL nosigpipe write: exit 7
SIG_DFL plain write: killed by 13" "$LSL2" "$S" "$P"

P=$(fb_guest gaps6_kq) || { notok "build gaps6_kq"; exit 0; }
t_out "kqueue: NOTE_LOWAT, listening backlog in data, EV_CLEAR beside level, finite wait past dropped events" \
"NOTE_LOWAT 10, 4 bytes: 0
NOTE_LOWAT 10, 12 bytes: 1 data 12
NOTE_LOWAT 10, 1 byte + EOF: 1 eof 1
WRITE NOTE_LOWAT 1G: 0
WRITE NOTE_LOWAT 1: 1
listen, none pending: 0
listen, 3 pending: 1 data 3
listen, 2 pending: 1 data 2
local listen, 2 pending: 1 data 2
EV_CLEAR READ + level WRITE, 3 waits: reads 1 writes 3
new data: READ data 3
level READ + EV_CLEAR WRITE, 3 waits: reads 3 writes 1
level READ drained: 0
finite wait, only data under NOTE_LOWAT: 0 lasted>=0.25s 1" "$LSL2" "$S" "$P"
# 5000 registered socketpairs, 200 events: each one the right knote, in well under 10 s
start=$(date +%s)
t_out "kqueue: 5000 knotes, 20 waits with 10 triggered each" "5000 knotes: events 200 right 1" "$LSL2" "$S" "$P" 5000
el=$(($(date +%s) - start))
if [ "$el" -lt 10 ]; then ok "kqueue: 5000 knotes in ${el}s"; else notok "kqueue: 5000 knotes took ${el}s"; fi
