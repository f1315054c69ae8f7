#!/usr/bin/env bash
# The command line and the checks made before entering: every bad input gives one
# "lsl2: ..." line, its documented status, and leaves no mount behind.
source "$TOP/tests/lib.sh"

R=$(rootfs busybox) || { notok "build the busybox rootfs"; exit 1; }
M=$(rootfs musl) || { notok "build the musl rootfs"; exit 1; }
W=$(mktemp -d "$BUILD/cli-test.XXXXXX"); trap 'rm -rf "$W"' EXIT
mounts_before=$(cat /proc/self/mountinfo)

# t_err NAME STATUS REGEX CMD...: status, and stderr is exactly one "lsl2: " line matching REGEX.
t_err() {
    local name=$1 want=$2 re=$3; shift 3
    local err got; err=$("$@" 2>&1 >/dev/null </dev/null); got=$?
    local lines; lines=$(printf '%s\n' "$err" | grep -c .)
    if [ "$got" = "$want" ] && [ "$lines" = 1 ] && [[ $err == "lsl2: "* ]] && printf '%s\n' "$err" | grep -Eq -- "$re"; then
        ok "$name"
    else
        notok "$name (status $got, wanted $want)"; printf '%s\n' "$err" | head -5 | sed 's/^/#   stderr: /'
    fi
}

# A rootfs with bad programs in it, a copy of the busybox one.
B=$W/bad; cp -a "$R" "$B"
printf 'just text\n' > "$B/t/text"; chmod 755 "$B/t/text"
printf '#!/bin/sh\necho script-ran "$@"\n' > "$B/t/script"; chmod 755 "$B/t/script"
printf '#!/bin/nope\n' > "$B/t/badinterp"; chmod 755 "$B/t/badinterp"
printf '#!/t/text\n' > "$B/t/textinterp"; chmod 755 "$B/t/textinterp"
for i in 1 2 3 4 5; do printf '#!/t/chain%d\n' $((i + 1)) > "$B/t/chain$i"; chmod 755 "$B/t/chain$i"; done
printf '#!/bin/sh\necho end\n' > "$B/t/chain6"; chmod 755 "$B/t/chain6"
head -c 40 "$R/bin/busybox" > "$B/t/trunc"; chmod 755 "$B/t/trunc"
: > "$B/t/empty"; chmod 755 "$B/t/empty"
cp "$R/bin/busybox" "$B/t/arm"; printf '\xb7\x00' | dd of="$B/t/arm" bs=1 seek=18 conv=notrunc status=none
printf 'echo hi\n' > "$B/t/noexec"; chmod 644 "$B/t/noexec"
mkdir "$B/t/dir"
# a rootfs whose /bin/sh is an aarch64 ELF
A=$W/arm; mkdir -p "$A/bin"; cp "$B/t/arm" "$A/bin/sh"
# the musl rootfs without its dynamic loader
N=$W/noloader; cp -a "$M" "$N"; rm "$N/lib/ld-musl-x86_64.so.1"
mkdir "$W/empty"

t_out    "--help names the synopsis" "Usage: lsl2 [OPTIONS] ROOTFS [--] [COMMAND [ARG...]]" bash -c "$LSL2 --help | head -1"
t_match  "--help documents the exit statuses" "126 +the command was found" "$LSL2" --help
t_out    "--version" "lsl2 0.1.0" "$LSL2" --version
t_match  "--syscalls prints each personality's table" "^# personality linux" "$LSL2" --syscalls
t_status "--syscalls=freebsd exits 0" 0 "$LSL2" --syscalls=freebsd

t_err "unknown option: 125" 125 "^lsl2: unknown option '--frobnicate'" "$LSL2" --frobnicate "$R"
t_err "unknown personality: 125" 125 "unknown personality 'hurd'" "$LSL2" -p hurd "$R"
t_err "missing ROOTFS argument: 125" 125 "missing ROOTFS" "$LSL2"
t_err "nonexistent ROOTFS: 125" 125 "rootfs /nonexistent: No such file or directory" "$LSL2" /nonexistent
t_err "ROOTFS is a file: 125" 125 "rootfs /etc/passwd: not a directory" "$LSL2" /etc/passwd
t_err "empty ROOTFS: 125" 125 "empty directory" "$LSL2" "$W/empty"
mkdir -p "$W/nosh/etc"; touch "$W/nosh/etc/passwd"
t_err "rootfs without /bin/sh: 125" 125 "has no /bin/sh" "$LSL2" "$W/nosh"
t_err "command path not in the rootfs: 127" 127 "/bin/nope: not found in rootfs" "$LSL2" "$R" /bin/nope
t_err "command name not in the guest PATH: 127" 127 "nope: command not found in rootfs .*guest PATH" "$LSL2" "$R" nope
t_err "host-only command is not found in the guest: 127" 127 "not found" "$LSL2" "$R" "$TOP/tests/run.sh"
t_err "text file without #!: 126" 126 "/t/text: not an ELF file and not a #! script" "$LSL2" "$B" /t/text
t_err "empty executable: 126" 126 "/t/empty: empty file" "$LSL2" "$B" /t/empty
t_err "truncated ELF: 126" 126 "/t/trunc: truncated ELF header" "$LSL2" "$B" /t/trunc
t_err "aarch64 ELF: 126, names the machine" 126 "/t/arm: ELF for aarch64 \(not x86-64\)" "$LSL2" "$B" /t/arm
t_err "rootfs whose /bin/sh is aarch64: 126" 126 "/bin/sh: ELF for aarch64" "$LSL2" "$A"
t_err "not executable: 126" 126 "/t/noexec: not executable \(mode 0644\)" "$LSL2" "$B" /t/noexec
t_err "a directory: 126" 126 "/t/dir: is a directory" "$LSL2" "$B" /t/dir
t_err "script whose interpreter is missing: 126" 126 "interpreter /bin/nope: not found" "$LSL2" "$B" /t/badinterp
t_err "script whose interpreter is not ELF: 126" 126 "/t/text: not an ELF file" "$LSL2" "$B" /t/textinterp
t_err "#! nested too deep: 126" 126 "too many levels of #!" "$LSL2" "$B" /t/chain1
t_err "dynamic ELF whose PT_INTERP is missing: 126" 126 "interpreter /lib/ld-musl-x86_64.so.1: not found" "$LSL2" "$N" /bin/hello
t_err "--bind of a missing host path: 125" 125 "--bind /nonexistent-host: No such file" "$LSL2" -b /nonexistent-host "$R" /bin/true
t_err "--bind onto a path missing in the guest: 125" 125 "target /nowhere: not found in rootfs" "$LSL2" -b "$W:/nowhere" "$R" /bin/true
t_err "--bind of a directory onto a file: 125" 125 "is not a directory" "$LSL2" -b "$W:/etc/passwd" "$R" /bin/true
t_err "-w to a missing guest directory: 125" 125 "workdir /nowhere: No such file or directory" "$LSL2" -w /nowhere "$R" /bin/true
t_err "-w to a file: 125" 125 "workdir /etc/passwd: Not a directory" "$LSL2" -w /etc/passwd "$R" /bin/true
t_err "--trace into an unwritable place: 125" 125 "--trace=/nonexistent/t: No such file" "$LSL2" --trace=/nonexistent/t "$R" /bin/true

t_out "a #! script runs with its arguments" "script-ran a b" "$LSL2" "$B" /t/script a b
t_out "a 5-level #! chain runs" "end" "$LSL2" "$B" /t/chain2
t_out "-e PATH is used to find the command" "script-ran" "$LSL2" -e PATH=/t "$B" script
t_match "-d reports the checks of a script" "command /t/script → /t/script: script for /bin/sh → /bin/busybox: ELF x86-64" "$LSL2" -d "$B" /t/script
t_match "-d names the musl interpreter" "command /bin/hello → /bin/hello: ELF x86-64 .* linux, interpreter /lib/ld-musl-x86_64.so.1" "$LSL2" -d "$M" /bin/hello

if [ "$(cat /proc/self/mountinfo)" = "$mounts_before" ]; then ok "no mount left behind by any error"; else notok "no mount left behind by any error"; fi

# The support table says what is implemented and what is only named.
t_match "--syscalls=freebsd marks a named but unimplemented call ENOSYS" '^377 +afs3_syscall +ENOSYS' "$LSL2" --syscalls=freebsd
t_match "--syscalls=freebsd shows fork as translated" '^2 +fork +translated' "$LSL2" --syscalls=freebsd
t_match "--syscalls=freebsd counts the supported ones" '^# freebsd: [0-9]+ of [0-9]+ named system calls supported' "$LSL2" --syscalls=freebsd
