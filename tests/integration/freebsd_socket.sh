#!/usr/bin/env bash
# Issue 6 (sockets and polling) on the FreeBSD personality: guest programs built
# against the 13.2 sysroot (TCP echo over 127.0.0.1 and ::1 in one process and
# across fork, sockaddr lengths, socket options as FreeBSD reads them back,
# SO_ERROR = ECONNREFUSED 61, UDP MSG_PEEK/MSG_TRUNC/MSG_WAITALL, SCM_RIGHTS,
# SCM_CREDS, LOCAL_PEERCRED, SO_NOSIGPIPE, sendfile; poll bits, ppoll/pselect/
# select timeouts and masks, select over 200 pipes, non-blocking connect; 1000
# loopback connections echoed byte for byte), then the 10.2 fixture's own nc
# and fetch against each other and a host HTTP server.
source "$TOP/tests/lib.sh"

# a free loopback TCP port, and a wait until something listens on it
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_listen() {
    local hex; hex=$(printf '%04X' "$1")
    for _ in $(seq 200); do
        grep -q ":$hex 00000000:0000 0A" /proc/net/tcp && return 0
        sleep 0.05
    done
    return 1
}

need_fixture fb13
S=$FX
mkdir -p "$S/tmp"

P=$(fb_guest sock_layout) || { notok "build sock_layout"; exit 0; }
# the same numbers as abi/freebsd/cmsg.h's and poll.h's definitions and static asserts
t_out "13.2 layouts: msghdr, cmsghdr/CMSG_*, cmsgcred, xucred, sf_hdtr, pollfd/POLL*, fd_set" \
"msghdr 48 namelen@8 iovlen@24 controllen@40 flags@44
cmsghdr 12 CMSG_LEN(0) 16 CMSG_SPACE(4) 24 CMSG_SPACE(84) 104
cmsgcred 84 groups@20 xucred 88 pid@80
sf_hdtr 32 trailers@16 sockaddr_un 106
pollfd 8 POLLRDNORM 0x40 POLLWRNORM 0x4 POLLRDBAND 0x80 POLLWRBAND 0x100 POLLINIGNEOF 0x2000 POLLRDHUP 0x4000
fd_set 128 FD_SETSIZE 1024
SCM_RIGHTS 1 SCM_TIMESTAMP 2 SCM_CREDS 3 LOCAL_PEERCRED 1 SOL_LOCAL 0" "$LSL2" "$S" "$P"

P=$(fb_guest sock_basic) || { notok "build sock_basic"; exit 0; }
t_out "sockets: TCP v4/v6 echo (same process, fork), options, errors, UDP, SCM_RIGHTS/CREDS, SO_NOSIGPIPE, sendfile" \
"tcp4 getsockname len=16 sa_len=16 family=2 port>0=1
tcp4 accept peer len=16 sa_len=16 family=2
tcp4 getpeername len=16 same port=1
tcp4 echo 5 hello
tcp6 getsockname len=28 sa_len=28 family=28 port>0=1
tcp6 accept peer len=28 sa_len=28 family=28
tcp6 getpeername len=28 same port=1
tcp6 echo 5 hello
tcp4-fork getsockname len=16 sa_len=16 family=2 port>0=1
tcp4-fork getpeername len=16 same port=1
tcp4-fork echo 5 hello
tcp4-fork child status 0
tcp6-fork getsockname len=28 sa_len=28 family=28 port>0=1
tcp6-fork getpeername len=28 same port=1
tcp6-fork echo 5 hello
tcp6-fork child status 0
SO_RCVBUF 65536
SO_TYPE 1 len 4
SO_KEEPALIVE reads 0x8
SO_LINGER onoff 0x80 linger 5
TCP_NODELAY 1
TCP_KEEPIDLE 77
IP_TTL 33
SO_RCVTIMEO 2.500000
SO_ACCEPTFILTER -1 errno 42
IPV6_V6ONLY 1
connect refused -1 errno 61
nonblocking refused: connect -1 errno EINPROGRESS SO_ERROR 61
getsockname bad fd -1 errno 9
getsockname bad len ptr -1 errno 14
bind bad addr -1 errno 14
socket bad domain -1 errno 47
getsockname short: len 3 bytes 10 02 rest untouched 1
udp peek 10 datagram-1
udp recvfrom 4 data fromlen 16 sa_len 16 family 2 port match 1
udp recvmsg 4 data flags MSG_TRUNC=1 namelen 16
udp timestamp: n 7 level 0xffff type 2 len 32 near now 1
udp empty -1 errno 35
udp dontwait -1 errno 35
waitall 7 abcdefg
rights: n 1 data F controllen 24 cmsg_len 20 level 0xffff type 1 flags 0 newfd!=old 1
rights: pipe got via-passed-fd
creds: n 1 data C type 3 len 100 pid ok 1 uid ok 1 gid ok 1 ngroups>0 1 sender 0
LOCAL_PEERCRED 0 version 0 uid ok 1 len 88 pid ok 1
unix getsockname family 1 path ok 1 sun_len>=len 1
SO_NOSIGPIPE set 0 reads 0x800
send on closed peer -1 errno 32 (no SIGPIPE)
SO_NOSIGPIPE on non-socket -1 errno 38
MSG_NOSIGNAL -1 errno 32
sendfile 0 sbytes 13 got 13 HDR:23456:TRL pos 1
sendfile to eof 0 sbytes 3 got 789
sendfile bad offset -1 errno 22
done" "$LSL2" "$S" "$P"

P=$(fb_guest poll_select) || { notok "build poll_select"; exit 0; }
t_out "polling: poll bits, ppoll/pselect/select timeouts and masks, 200 pipes, non-blocking connect" \
"poll empty pipe: n 2 r 0 w 0x4 nval 0x20
poll data: n 2 r 0x41 events kept 0x41
poll writer closed: n 1 r 0x10
poll POLLINIGNEOF accepted: n>=0 1
poll rdhup: n 1 rdhup 1 in 1
poll sleep 0
poll bad pointer -1 errno 14
ppoll timeout: n 0 ts 0.020000000
pselect timeout: n 0 ts 0.020000000
select timeout: n 0 tv 0.020000 isset 0
select bad timeout -1 errno 22
ppoll with USR1 masked: n 0
ppoll unmasked: child killed by 30
pselect with USR1 masked: n 0
pselect unmasked: child killed by 30
select 200 pipes: n 67 right set 1 maxfd>200 1 tv 1.000000
poll 200 pipes: n 67 right set 1
nonblocking connect: EINPROGRESS poll 1 out 1 SO_ERROR 0
accepted nonblocking 1
accept on empty nonblocking listener -1 errno 35
done" "$LSL2" "$S" "$P"

P=$(fb_guest sock_echo1000) || { notok "build sock_echo1000"; exit 0; }
t_out "1000 loopback connections, FreeBSD client and server, every byte accounted for" \
"server: 1000 connections, 743500 bytes echoed
client: 1000/1000 echoes intact, 743500 bytes sent, 743500 received
server exit 0" timeout 120 "$LSL2" "$S" "$P"

# --- the 10.2 fixture's own tools ---------------------------------------------
need_fixture fb10
R=$FX
OUT=$(mktemp); trap 'rm -f "$OUT"' EXIT

PORT=$(free_port)
"$LSL2" "$R" /usr/bin/nc -l 127.0.0.1 "$PORT" > "$OUT" 2>/dev/null &
ncpid=$!
if wait_listen "$PORT"; then
    echo hello | timeout 20 "$LSL2" "$R" /usr/bin/nc -N 127.0.0.1 "$PORT"; rc=$?
    wait "$ncpid"
    if [ $rc = 0 ] && [ "$(cat "$OUT")" = hello ]; then ok "nc -l / nc -N over 127.0.0.1: out holds hello"
    else notok "nc -l / nc -N (status $rc, out: $(head -c 100 "$OUT"))"; fi
else
    kill "$ncpid" 2>/dev/null; wait "$ncpid" 2>/dev/null
    notok "nc -l never listened on $PORT"
fi

# nc over ::1 and a UNIX socket, the reverse direction (the listener sends)
PORT=$(free_port)
printf 'from-listener\n' | "$LSL2" "$R" /usr/bin/nc -N -l ::1 "$PORT" >/dev/null 2>&1 &
ncpid=$!
hex=$(printf '%04X' "$PORT")
for _ in $(seq 200); do grep -q ":$hex 0\{32\}:0000 0A" /proc/net/tcp6 && break; sleep 0.05; done
got=$(timeout 20 "$LSL2" "$R" /usr/bin/nc -6 ::1 "$PORT" </dev/null 2>&1)
wait "$ncpid"
[ "$got" = from-listener ] && ok "nc over ::1, listener to client" || notok "nc over ::1 (got: $got)"

if command -v python3 >/dev/null; then
    D=$(mktemp -d)
    printf 'served over HTTP\nsecond line\n' > "$D/somefile"
    head -c 300000 /dev/urandom > "$D/big"
    PORT=$(free_port)
    python3 -m http.server --bind 127.0.0.1 --directory "$D" "$PORT" >/dev/null 2>&1 &
    hpid=$!
    if wait_listen "$PORT"; then
        t_out "fetch -o - from a host HTTP server" "served over HTTP
second line" timeout 30 "$LSL2" "$R" /usr/bin/fetch -q -o - "http://127.0.0.1:$PORT/somefile"
        timeout 30 "$LSL2" "$R" /usr/bin/fetch -q -o - "http://127.0.0.1:$PORT/big" > "$OUT" 2>/dev/null
        cmp -s "$OUT" "$D/big" && ok "fetch of a 300 kB file: identical bytes" || notok "fetch of a 300 kB file differs ($(wc -c < "$OUT") bytes)"
        t_match "fetch of a missing file fails with the HTTP status" "404|Not Found" \
            timeout 30 "$LSL2" "$R" /usr/bin/fetch -o - "http://127.0.0.1:$PORT/missing"
    else
        notok "python3 http.server never listened on $PORT"
    fi
    kill "$hpid" 2>/dev/null; wait "$hpid" 2>/dev/null
    rm -rf "$D"
else
    skip "fetch from a host HTTP server" "no python3"
fi
