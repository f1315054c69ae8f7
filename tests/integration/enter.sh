#!/usr/bin/env bash
# Entering a rootfs and running the guest: output, statuses, signals, stdin, binds,
# workdir, environment, network, the unprivileged path, and no trace left behind.
source "$TOP/tests/lib.sh"

R=$(rootfs busybox) || { notok "build the busybox rootfs"; exit 1; }
M=$(rootfs musl) || { notok "build the musl rootfs"; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/lsl2-enter.XXXXXX"); chmod 755 "$W"; trap 'rm -rf "$W"' EXIT
mounts_before=$(cat /proc/self/mountinfo)
snapshot() { find "$1" -xdev -printf '%p %s %T@ %m\n' | sort; }
rootfs_before=$(snapshot "$R")
same_mounts() { if [ "$(cat /proc/self/mountinfo)" = "$mounts_before" ]; then ok "$1"; else notok "$1"; fi; }
# Runs CMD with SIGINT back at its default (bash ignores it in background jobs).
int_default() { perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV or die "$!"' -- "$@"; }

t_out    "a command's output" "ok" "$LSL2" "$R" /bin/sh -c 'echo ok'
t_out    "acceptance: echo and /proc/self/status" "$(printf 'ok\nName:\thead')" \
         "$LSL2" -d "$R" /bin/sh -c 'echo ok; head -1 /proc/self/status'
t_match  "-d prints the rootfs check" "^lsl2: rootfs .*busybox: directory ok" "$LSL2" -d "$R" /bin/true
t_match  "-d prints the command check" "^lsl2: command /bin/sh → /bin/busybox: ELF x86-64 .*linux, interpreter none" "$LSL2" -d "$R" /bin/sh -c true
t_match  "-d prints the /proc mount" "^lsl2: mount .*/proc → .*/busybox/proc" "$LSL2" -d "$R" /bin/true
t_match  "-d prints the chroot" "^lsl2: chroot .*/busybox$" "$LSL2" -d "$R" /bin/true
t_status "exit status 7 passes through" 7 "$LSL2" "$R" /bin/sh -c 'exit 7'
t_status "killed by SIGKILL: 137" 137 "$LSL2" "$R" /bin/sh -c 'kill -9 $$'
t_status "killed by SIGTERM: 143" 143 "$LSL2" "$R" /bin/sh -c 'kill -TERM $$'
t_out    "options after ROOTFS go to the guest" "-d -p x" "$LSL2" "$R" /bin/sh -c 'echo "$@"' sh -d -p x
t_out    "one -- after ROOTFS is dropped" "x" "$LSL2" "$R" -- /bin/echo -n x
t_out    "a command found through the guest PATH" "hello" "$LSL2" "$R" printf hello
t_out    "the musl program runs with its loader" "hello from /bin/hello" "$LSL2" "$M" /bin/hello

out=$(printf 'echo interactive $0\nexit 3\n' | "$LSL2" "$R" 2>&1); st=$?
if [ "$out" = "interactive /bin/sh" ] && [ $st = 3 ]; then ok "default /bin/sh reads commands from stdin"
else notok "default /bin/sh reads commands from stdin (status $st, output '$out')"; fi
out=$(printf 'line1\nline2\n' | "$LSL2" "$R" /bin/sh -c 'cat; read x || echo eof'); 
[ "$out" = "$(printf 'line1\nline2\neof')" ] && ok "the guest gets lsl2's stdin" || notok "the guest gets lsl2's stdin ('$out')"
out=$("$LSL2" "$R" /bin/sh -c 'echo to-err >&2' 2>&1 >/dev/null)
[ "$out" = "to-err" ] && ok "the guest gets lsl2's stderr" || notok "the guest gets lsl2's stderr ('$out')"

# No descriptor of lsl2 reaches the guest: the same descriptors as busybox run directly.
closefds() { perl -e 'use POSIX; POSIX::close($_) for 3..1023; exec @ARGV or die' -- "$@"; }
direct=$(closefds "$R/bin/busybox" sh -c 'ls /proc/$$/fd')
guest=$(closefds "$LSL2" "$R" /bin/sh -c 'ls /proc/$$/fd')
[ -n "$direct" ] && [ "$direct" = "$guest" ] && ok "no lsl2 descriptor leaks into the guest" \
    || notok "no lsl2 descriptor leaks into the guest (direct: $(echo $direct), guest: $(echo $guest))"

t_match  "/sys is read-only in the guest" " /sys ro[, ]" "$LSL2" "$R" /bin/sh -c 'grep " /sys " /proc/self/mountinfo'
t_out    "/dev/null works in the guest" "0" "$LSL2" "$R" /bin/sh -c 'echo x > /dev/null; wc -c < /dev/null'

# bind mounts
mkdir -p "$W/rw" "$W/ro"; echo host-file > "$W/ro/f"
t_status "--bind rw: write through the guest" 0 "$LSL2" -b "$W/rw:/root" "$R" /bin/sh -c 'echo written > /root/new'
[ "$(cat "$W/rw/new" 2>/dev/null)" = written ] && ok "--bind rw: the write is visible on the host" || notok "--bind rw: the write is visible on the host"
t_out    "--bind ro: the guest reads the host files" "host-file" "$LSL2" -b "$W/ro:/root:ro" "$R" /bin/cat /root/f
t_status "--bind ro: a write fails" 1 "$LSL2" -b "$W/ro:/root:ro" "$R" /bin/sh -c 'echo x > /root/g'
[ ! -e "$W/ro/g" ] && ok "--bind ro: nothing written on the host" || notok "--bind ro: nothing written on the host"
echo "host passwd" > "$W/passwd"
t_out    "--bind of a file onto a guest file" "host passwd" "$LSL2" -b "$W/passwd:/etc/passwd:ro" "$R" /bin/cat /etc/passwd
t_out    "--bind through a guest symlink stays in the rootfs" "host-file" "$LSL2" -b "$W/ro:/usr/../../root:ro" "$R" /bin/cat /root/f

# workdir
t_out    "-w sets the guest's cwd" "/tmp" "$LSL2" -w /tmp "$R" /bin/pwd
t_out    "the host cwd is kept when the guest has it" "/tmp" bash -c "cd /tmp && '$LSL2' '$R' /bin/pwd"
t_out    "else the guest starts in /" "/" bash -c "cd '$W' && '$LSL2' '$R' /bin/pwd"

# environment
t_out    "-e sets a variable" "1 2" "$LSL2" -e A=1 -e B=2 "$R" /bin/sh -c 'echo $A $B'
t_out    "-e applies in order" "second" "$LSL2" -e A=first -e A=second "$R" /bin/sh -c 'echo $A'
t_out    "--clearenv keeps only PATH and -e" "$(printf 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nZ=9')" \
         "$LSL2" --clearenv -e Z=9 "$R" /usr/bin/env
t_out    "host-only variables are dropped, others kept" "keep=1 ld= dbus= path=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
         env KEEP=1 LD_LIBRARY_PATH=/nonexistent DBUS_SESSION_BUS_ADDRESS=unix:path=/x PATH="$PATH" \
         "$LSL2" "$R" /bin/sh -c 'echo keep=$KEEP ld=$LD_LIBRARY_PATH dbus=$DBUS_SESSION_BUS_ADDRESS path=$PATH'

# network
t_out    "-n: only lo in the guest" "lo" "$LSL2" -n "$R" /bin/sh -c "awk -F: 'NR > 2 { gsub(/ /, \"\", \$1); print \$1 }' /proc/net/dev"
t_match  "-n: lo is up" "state UNKNOWN|<LOOPBACK,UP" "$LSL2" -n "$R" ip link show lo
t_status "-n: loopback works" 0 "$LSL2" -n "$R" /bin/ping -c 1 -W 2 127.0.0.1

# signals
( int_default "$LSL2" "$R" /bin/sh -c 'sleep 0.6; echo done' > "$W/int.out" 2>&1 & pid=$!
  sleep 0.2; kill -INT $pid; wait $pid; echo "status $?" >> "$W/int.out" )
[ "$(cat "$W/int.out")" = "$(printf 'done\nstatus 0')" ] && ok "SIGINT to lsl2 alone does not stop it or the guest" \
    || notok "SIGINT to lsl2 alone does not stop it or the guest ($(cat "$W/int.out"))"
( "$LSL2" "$R" /bin/sh -c 'trap "echo got-term; exit 5" TERM; sleep 3 & wait' > "$W/term.out" 2>&1 & pid=$!
  sleep 0.3; kill -TERM $pid; wait $pid; echo "status $?" >> "$W/term.out" )
[ "$(cat "$W/term.out")" = "$(printf 'got-term\nstatus 5')" ] && ok "SIGTERM is forwarded to the guest" \
    || notok "SIGTERM is forwarded to the guest ($(cat "$W/term.out"))"
# Ctrl-C: SIGINT to the whole foreground process group, as the terminal sends it.
( setsid bash -c "exec perl -e '\$SIG{INT} = q(DEFAULT); exec @ARGV' -- '$LSL2' '$R' /bin/sh -c 'trap \"echo caught; exit 9\" INT; sleep 3 & wait'" > "$W/cc.out" 2>&1 & pid=$!
  sleep 0.3; kill -INT -- -$pid; wait $pid; echo "status $?" >> "$W/cc.out" )
[ "$(cat "$W/cc.out")" = "$(printf 'caught\nstatus 9')" ] && ok "Ctrl-C reaches the guest, not lsl2" \
    || notok "Ctrl-C reaches the guest, not lsl2 ($(cat "$W/cc.out"))"

# ROOTFS "/": no chroot
t_out    "ROOTFS / runs without chroot" "host" "$LSL2" / /bin/sh -c "test -f '$TOP/Makefile' && echo host"
t_out    "a relative ROOTFS" "ok" bash -c "cd '$(dirname "$R")' && '$LSL2' busybox /bin/echo ok"

# the unprivileged path, as uid 65534
U=$W/u; mkdir -p "$U"; cp -a "$R" "$U/bb"; cp "$LSL2" "$U/lsl2"; chmod -R o+rX "$U"
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
if nobody true 2>/dev/null; then
    t_out    "unprivileged: runs as its own uid" "65534" nobody "$U/lsl2" "$U/bb" /bin/sh -c 'id -u'
    t_out    "unprivileged -r: uid 0 in the guest" "0" nobody "$U/lsl2" -r "$U/bb" /bin/sh -c 'id -u'
    t_out    "unprivileged: a fresh /proc in a PID namespace" "2 Name:	head" nobody "$U/lsl2" "$U/bb" /bin/sh -c 'echo $$ "$(head -1 /proc/self/status)"'
    t_status "unprivileged: exit status 7" 7 nobody "$U/lsl2" "$U/bb" /bin/sh -c 'exit 7'
    t_status "unprivileged: killed by SIGKILL: 137" 137 nobody "$U/lsl2" "$U/bb" /bin/sh -c 'kill -9 $$'
    t_out    "unprivileged -n: only lo" "lo" nobody "$U/lsl2" -n "$U/bb" /bin/sh -c "awk -F: 'NR > 2 { gsub(/ /, \"\", \$1); print \$1 }' /proc/net/dev"
    mkdir -p "$W/urw"; chmod 777 "$W/urw"
    t_status "unprivileged --bind rw" 0 nobody "$U/lsl2" -b "$W/urw:/root" "$U/bb" /bin/sh -c 'echo u > /root/u'
    [ "$(cat "$W/urw/u" 2>/dev/null)" = u ] && ok "unprivileged --bind rw: visible on the host" || notok "unprivileged --bind rw: visible on the host"
    t_status "unprivileged --bind ro: a write fails" 1 nobody "$U/lsl2" -b "$W/urw:/root:ro" "$U/bb" /bin/sh -c 'echo x > /root/v'
    t_out    "unprivileged: the guest's orphans are gone when lsl2 exits" "" \
             bash -c "nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups \"\$@\"; }; nobody '$U/lsl2' '$U/bb' /bin/sh -c '(sleep 30 &) ; exit 0'; sleep 0.2; pgrep -u 65534 -x sleep"
else
    skip "unprivileged tests" "setpriv cannot switch to uid 65534 here"
fi

same_mounts "no mount left in the host's namespace"
[ "$(snapshot "$R")" = "$rootfs_before" ] && ok "nothing written into the rootfs by lsl2" || notok "nothing written into the rootfs by lsl2"
