#!/usr/bin/env bash
# --trace on FreeBSD guests reads like strace: structs and flag words decoded by
# the FreeBSD personality (personalities/freebsd/trace_*.c) — kevent change and
# event lists, sockaddrs in and out, socket option levels and names, MSG_* flags,
# pollfds with revents, select's fd_sets, sigaction structs and sigsets.  Each
# program's trace is captured once and its lines checked by pattern.
source "$TOP/tests/lib.sh"

TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

# has NAME REGEX FILE: one TAP line, the first lines of FILE shown on a miss
has() {
    if grep -Eq -- "$2" "$3"; then ok "trace: $1"
    else notok "trace: $1"; printf '#   wanted /%s/ in:\n' "$2"; grep -Ev 'sigprocmask|mmap|sysctl' "$3" | head -12 | sed 's/^/#   /'; fi
}

need_fixture fb13
SA='\{sa_len=16, sa_family=AF_INET, sin_port=htons\([0-9]+\), sin_addr=inet_addr\("127\.0\.0\.1"\)\}'

# --- sockets, select, ppoll, sigprocmask: a 13.2 program ---------------------------
if g=$(fb_guest trace_sock); then
    T=$TMP/sock.trace
    out=$(timeout 60 "$LSL2" --trace "$FX" "$g" 2>"$T" </dev/null)
    [ "$out" = "done 0" ] && ok "trace_sock ran (calls succeeded)" || notok "trace_sock ran (out: $out)"
    has "socket domain and type" '^[0-9]+ socket\(AF_INET, SOCK_DGRAM, 0\) = [0-9]+$' "$T"
    has "SOCK_NONBLOCK bit of a socket type" 'socket\(AF_INET, SOCK_STREAM\|SOCK_NONBLOCK, 0\) = [0-9]+' "$T"
    has "bind's sockaddr" "bind\([0-9]+, \{sa_len=16, sa_family=AF_INET, sin_port=htons\(0\), sin_addr=inet_addr\(\"127\.0\.0\.1\"\)\}, 16\) = 0" "$T"
    has "getsockname's sockaddr and length at exit" "getsockname\([0-9]+, $SA, \[16\]\) = 0" "$T"
    has "sendto's MSG_DONTWAIT and address" "sendto\([0-9]+, \"ping\", 4, MSG_DONTWAIT, $SA, 16\) = 4" "$T"
    has "select's fd_set" 'select\([0-9]+, \[0 [0-9]+\], NULL, NULL, 0x[0-9a-f]+\) = [12]' "$T"
    has "ppoll's pollfd with revents" 'ppoll\(\[\{fd=[0-9]+, events=POLLIN\|POLLRDNORM, revents=POLLIN\|POLLRDNORM\}\], 1, \{tv_sec=1, tv_nsec=0\}, NULL\) = 1' "$T"
    has "recvfrom's MSG_PEEK and source address" "recvfrom\([0-9]+, \"ping\", 16, MSG_PEEK, $SA, \[16\]\) = 4" "$T"
    has "socketpair with SOCK_CLOEXEC" 'socketpair\(AF_UNIX, SOCK_STREAM\|SOCK_CLOEXEC, 0, ' "$T"
    has "level 0 of a local socket is SOL_LOCAL" 'getsockopt\([0-9]+, SOL_LOCAL, LOCAL_PEERCRED, 0x' "$T"
    has "IPPROTO_TCP option name" 'setsockopt\([0-9]+, IPPROTO_TCP, TCP_NODELAY, 0x[0-9a-f]+, 4\) = 0' "$T"
    has "connect's sockaddr" "connect\([0-9]+, $SA, 16\) = (0|-1 EINPROGRESS)" "$T"
    has "accept4's peer address and flags" "accept4\([0-9]+, $SA, \[16\], SOCK_CLOEXEC\) = [0-9]+" "$T"
    has "sigprocmask's sets" 'sigprocmask\(SIG_BLOCK, \[HUP USR2\], \[\]\) = 0' "$T"
    has "a long kevent changelist is cut after 4" 'kevent\([0-9]+, \[(\{ident=[0-9], filter=EVFILT_USER, flags=EV_ADD[^}]*\}, ){4}\.\.\.\], 6, NULL, 0, NULL\) = 0' "$T"
else
    notok "trace_sock builds"
fi

# --- kqueue: the 13.2 kq_filters program -----------------------------------------
if g=$(fb_guest kq_filters); then
    T=$TMP/kq.trace
    timeout 60 "$LSL2" --trace "$FX" "$g" >"$TMP/kq.out" 2>"$T" </dev/null
    grep -q '^done 0 failures' "$TMP/kq.out" && ok "kq_filters under --trace ran to the end" \
        || notok "kq_filters under --trace ran to the end ($(tail -1 "$TMP/kq.out"))"
    has "kevent changelist on entry" 'kevent\(3, \[\{ident=4, filter=EVFILT_READ, flags=EV_ADD, fflags=0, data=0, udata=0x1234\}, \{ident=5, filter=EVFILT_WRITE, flags=EV_ADD, fflags=0, data=0, udata=0x5678\}\], 2, NULL, 0, NULL\) = 0' "$T"
    has "kevent eventlist at exit, as many as returned" 'kevent\(3, NULL, 0, \[\{ident=5, filter=EVFILT_WRITE, flags=0, fflags=0, data=[0-9]+, udata=0x5678\}, \{ident=4, filter=EVFILT_READ, flags=0, fflags=0, data=5, udata=0x1234\}\], 4, \{tv_sec=0, tv_nsec=0\}\) = 2' "$T"
    has "empty eventlist after a timeout" 'kevent\(3, NULL, 0, \[\], 1, \{tv_sec=0, tv_nsec=50000000\}\) = 0' "$T"
    has "EVFILT_SIGNAL ident named" 'kevent\([0-9]+, \[\{ident=SIGUSR1, filter=EVFILT_SIGNAL, flags=EV_ADD' "$T"
    has "EV_ERROR receipts" 'flags=EV_ERROR, fflags=0, data=9, udata=NULL' "$T"
    has "freebsd11_kevent's old layout" 'freebsd11_kevent\([0-9]+, \[\{ident=4, filter=EVFILT_READ, flags=EV_ADD, fflags=0, data=0, udata=0xabc\}\], 1, \[\{ident=4, filter=EVFILT_READ, flags=0, fflags=0, data=3, udata=0xabc\}\], 2, ' "$T"
    has "sigaction's structs" 'sigaction\(SIGUSR1, \{sa_handler=SIG_IGN, sa_mask=\[\], sa_flags=SA_RESTART\}, \{sa_handler=SIG_DFL, sa_mask=\[\], sa_flags=0\}\) = 0' "$T"
    has "a failed call shows the eventlist's address" 'kevent\([0-9]+, NULL, 0, 0x[0-9a-f]+, 1, .*= -1 EBADF' "$T"
else
    notok "kq_filters builds"
fi

# --- the 10.2 fixture: nc over 127.0.0.1, sh with a trap -----------------------------
need_fixture fb10
free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
wait_listen() {
    local hex; hex=$(printf '%04X' "$1")
    for _ in $(seq 200); do
        grep -q ":$hex 00000000:0000 0A" /proc/net/tcp && return 0
        sleep 0.05
    done
    return 1
}
PORT=$(free_port)
timeout 30 "$LSL2" --trace "$FX" /usr/bin/nc -l 127.0.0.1 "$PORT" >"$TMP/nc.out" 2>"$TMP/srv.trace" &
ncpid=$!
if wait_listen "$PORT"; then
    echo hello | timeout 20 "$LSL2" --trace "$FX" /usr/bin/nc -N 127.0.0.1 "$PORT" 2>"$TMP/cli.trace"
    wait "$ncpid"
    [ "$(cat "$TMP/nc.out")" = hello ] && ok "nc under --trace carried hello" || notok "nc under --trace (out: $(head -c 100 "$TMP/nc.out"))"
    P="htons\($PORT\)"
    has "nc -l: SOL_SOCKET option" 'setsockopt\(3, SOL_SOCKET, SO_REUSEPORT, 0x[0-9a-f]+, 4\) = 0' "$TMP/srv.trace"
    has "nc -l: bind" "bind\(3, \{sa_len=16, sa_family=AF_INET, sin_port=$P, sin_addr=inet_addr\(\"127\.0\.0\.1\"\)\}, 16\) = 0" "$TMP/srv.trace"
    has "nc -l: accept's peer" "accept\(3, $SA, \[16\]\) = 4" "$TMP/srv.trace"
    has "nc -l: poll's events and revents" 'poll\(\[\{fd=[-0-9]+, events=POLLIN[^]]*\{fd=4, events=POLLIN, revents=POLLIN(\|POLLHUP)?\}[^]]*\], 4, -1\) = [1-4]$' "$TMP/srv.trace"
    has "nc: connect" "connect\(3, \{sa_len=16, sa_family=AF_INET, sin_port=$P, sin_addr=inet_addr\(\"127\.0\.0\.1\"\)\}, 16\) = 0" "$TMP/cli.trace"
    has "nc: sigprocmask's full set" 'sigprocmask\(SIG_BLOCK, ~\[[A-Z ]+\], \[\]\) = 0' "$TMP/cli.trace"
else
    kill "$ncpid" 2>/dev/null; wait "$ncpid" 2>/dev/null
    notok "nc -l never listened on $PORT"
fi

T=$TMP/sh.trace
out=$(timeout 20 "$LSL2" --trace "$FX" /bin/sh -c 'trap "echo got" USR1; kill -USR1 $$; echo done' 2>"$T" </dev/null)
[ "$out" = "got
done" ] && ok "sh with a trap under --trace" || notok "sh with a trap under --trace (out: $out)"
has "sh: old action read back" 'sigaction\(SIGUSR1, NULL, \{sa_handler=SIG_DFL, sa_mask=\[\], sa_flags=0\}\) = 0' "$T"
has "sh: the trap's handler installed" 'sigaction\(SIGUSR1, \{sa_handler=0x[0-9a-f]+, sa_mask=\[\], sa_flags=0\}, NULL\) = 0' "$T"

# FreeBSD 10's old struct stat is summarised at exit like the new one
need_fixture fb10
t_match "freebsd11_lstat shows the old struct stat" \
    'freebsd11_lstat\("/etc", \{st_mode=S_IFDIR\|0755, st_size=[0-9]+, \.\.\.\}\) = 0' \
    "$LSL2" --trace "$FX" /bin/echo x
