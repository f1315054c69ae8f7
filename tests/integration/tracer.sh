#!/usr/bin/env bash
# The ptrace supervisor on the busybox rootfs: process trees, threads, exec, signals,
# bad pointers, unknown syscalls, job control, EXITKILL, crash reports and --trace.
# Each guest runs in two supervised modes: the seccomp filter (LSL2_SUPERVISE=1: only
# execve stops) and --trace=/dev/null (every syscall stops).
source "$TOP/tests/lib.sh"
R=$(rootfs busybox) || { notok "busybox rootfs"; exit 1; }
if [ ! -x "$R/t/ticker" ] || [ ! -x "$R/t/threads16" ]; then   # built before these programs existed
    rm -f "$R/.built"; R=$(rootfs busybox) || { notok "busybox rootfs rebuild"; exit 1; }
fi
L=$LSL2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

pipe50="echo hello"; for _ in $(seq 49); do pipe50="$pipe50 | cat"; done

for mode in seccomp trace; do
    if [ $mode = seccomp ]; then run=(env LSL2_SUPERVISE=1 "$L" "$R"); else run=("$L" --trace=/dev/null "$R"); fi
    t_out "$mode: pipeline a|b|c" "3" "${run[@]}" /bin/sh -c 'echo a b c | tr a-z A-Z | wc -w'
    t_out "$mode: background subshell and wait" "done" "${run[@]}" /bin/sh -c '(sleep 0.1 &); wait; echo done'
    t_out "$mode: 50-process pipeline" "hello" "${run[@]}" /bin/sh -c "$pipe50"
    t_out "$mode: process tree" "1 2 3" "${run[@]}" /bin/sh -c '(echo 1; (echo 2; (echo 3) ) ) | tr "\n" " " | sed "s/ \$//"'
    t_out "$mode: vfork + exec" "child status 3" "${run[@]}" /t/vforkexec /bin/sh -c 'exit 3'
    t_out "$mode: exec chain" "end" "${run[@]}" /bin/sh -c 'exec /bin/sh -c "exec /usr/bin/env /bin/echo end"'
    t_out "$mode: 16 threads at a barrier" "16 threads done" "${run[@]}" /t/threads16
    t_match "$mode: a thread calls execve" "^pid [0-9]+
from-thread$" "${run[@]}" /t/thread_exec /bin/echo from-thread
    t_out "$mode: (char *)1 as a path" "open: Bad address
stat: Bad address
write: Bad address
execve: Bad address
still running" "${run[@]}" /t/badptr
    t_out "$mode: syscall(1000)" "syscall(1000) = -1 (Function not implemented)" "${run[@]}" /t/nosys
    t_status "$mode: exit status" 7 "${run[@]}" /bin/sh -c 'exit 7'
    bad=""
    for s in 1 2 3 4 6 7 8 9 10 11 12 13 14 15; do
        "${run[@]}" /t/selfkill $s >/dev/null 2>&1 </dev/null; st=$?
        [ $st = $((128 + s)) ] || bad="$bad $s:$st"
    done
    if [ -z "$bad" ]; then ok "$mode: guest killed by each common signal gives 128+N"; else notok "$mode: killed by signal (signal:status)$bad"; fi
done

# --trace lines (issue acceptance)
"$L" --trace "$R" /bin/sh -c 'echo hi > /dev/null' > "$tmp/out" 2> "$tmp/trace"
check_line() {   # NAME REGEX: some trace line matches
    if grep -Eq -- "$2" "$tmp/trace"; then ok "trace: $1"; else notok "trace: $1"; sed 's/^/#   /' "$tmp/trace" | tail -5; fi
}
check_line "execve first" '^[0-9]+ execve\("/bin/sh", \["/bin/sh", "-c", "echo hi > /dev/null"\]'
check_line "open of /dev/null returns a descriptor" '^[0-9]+ (open|openat)\((AT_FDCWD, )?"/dev/null", O_WRONLY\|O_CREAT\|O_TRUNC, 0?666\) = [0-9]+$'
check_line "write of hi" '^[0-9]+ write\(1, "hi\\n", 3\) = 3$'
check_line "exit" '^[0-9]+ \+\+\+ exited with 0 \+\+\+$'
if [ "$(head -1 "$tmp/trace" | cut -d' ' -f2 | cut -c1-7)" = "execve(" ]; then ok "trace: nothing of lsl2's own before the execve"
else notok "trace: first line is not the execve: $(head -1 "$tmp/trace")"; fi
"$L" --trace "$R" /t/nosys > /dev/null 2> "$tmp/trace"
check_line "unknown syscall shown with ENOSYS" '^[0-9]+ syscall_1000\(0x1, 0x2, 0x3.*= -1 ENOSYS'
"$L" --trace "$R" /t/selfkill 15 > /dev/null 2> "$tmp/trace"
check_line "signal line" '^[0-9]+ --- SIGTERM \{si_signo=SIGTERM, si_code=SI_USER'
check_line "killed line" '^[0-9]+ \+\+\+ killed by SIGTERM \+\+\+$'
n=$("$L" -d --trace=/dev/null "$R" /t/nosys 2>&1 >/dev/null | grep -Ec '^lsl2: pid [0-9]+: unimplemented syscall #1000$')
if [ "$n" = 1 ]; then ok "-d reports the unimplemented syscall once per process"; else notok "-d: $n reports of syscall #1000, wanted 1"; fi

# -d crash report: signal, address, registers, code at RIP
"$L" -d --trace=/dev/null "$R" /t/selfkill 11 > /dev/null 2> "$tmp/crash"
if grep -q "killed by SIGSEGV.*at address 0x10" "$tmp/crash" && grep -q "rip 0000" "$tmp/crash" &&
   grep -Eq "=> [0-9a-f]+:  mov +dword ptr \[" "$tmp/crash"; then ok "crash report under -d"
else notok "crash report under -d"; sed 's/^/#   /' "$tmp/crash" | tail -12; fi
# a Linux guest that needs no translation gets one too: -d supervises it
"$L" -d "$R" /t/selfkill 11 > /dev/null 2> "$tmp/crash2"; st=$?
if [ "$st" = 139 ] && grep -q "killed by SIGSEGV.*at address 0x10" "$tmp/crash2" &&
   grep -Eq "=> [0-9a-f]+:  mov +dword ptr \[" "$tmp/crash2"; then ok "crash report under -d for a native Linux guest (status 139)"
else notok "crash report under -d for a native Linux guest (status $st)"; sed 's/^/#   /' "$tmp/crash2" | tail -12; fi

# SIGSTOP really stops a traced guest; SIGCONT resumes it
"$L" --trace=/dev/null "$R" /t/ticker 25 > "$tmp/tick" 2>/dev/null & lp=$!
g=""; for _ in $(seq 50); do g=$(pgrep -f '^/t/ticker 25' | head -1); [ -n "$g" ] && break; sleep 0.05; done
sleep 0.1; kill -STOP "$g"; sleep 0.1; a=$(wc -l < "$tmp/tick"); sleep 0.3; b=$(wc -l < "$tmp/tick")
kill -CONT "$g"; wait $lp; st=$?; c=$(wc -l < "$tmp/tick")
if [ -n "$g" ] && [ "$a" = "$b" ] && [ $st = 0 ] && [ "$c" = 25 ]; then ok "SIGSTOP stops the guest, SIGCONT continues it"
else notok "SIGSTOP/SIGCONT (guest '$g', lines $a then $b while stopped, status $st, $c lines at the end)"; fi

# lsl2 killed: no guest process survives (PTRACE_O_EXITKILL)
for mode in seccomp trace; do
    if [ $mode = seccomp ]; then env LSL2_SUPERVISE=1 "$L" "$R" /bin/sh -c 'sleep 37 | sleep 38 & sleep 39' & lp=$!
    else "$L" --trace=/dev/null "$R" /bin/sh -c 'sleep 37 | sleep 38 & sleep 39' & lp=$!; fi
    for _ in $(seq 50); do [ "$(pgrep -c -f '^sleep 3[789]$')" -ge 3 ] && break; sleep 0.05; done
    before=$(pgrep -c -f '^sleep 3[789]$'); kill -9 $lp; wait $lp 2>/dev/null; sleep 0.2
    after=$(pgrep -f '^sleep 3[789]$' | tr '\n' ' ')
    if [ "$before" -ge 3 ] && [ -z "$after" ]; then ok "$mode: lsl2 killed, no guest survives"
    else notok "$mode: lsl2 killed: $before guests before, survivors: $after"; pkill -9 -f '^sleep 3[789]$'; fi
done

# the supervisor's CPU placement is invisible to the guest
t_out "trace: nproc sees every CPU despite the pin" "$(nproc)" "$L" --trace=/dev/null "$R" /usr/bin/nproc
t_out "trace: nproc after the guest had several processes" "$(nproc)" "$L" --trace=/dev/null "$R" /bin/sh -c 'echo x | cat >/dev/null; nproc'

# acceptance, shortened: 16 threads and a 50-process pipeline, several times in a row
bad=0
for i in 1 2 3 4 5; do
    [ "$("$L" --trace=/dev/null "$R" /t/threads16 2>&1)" = "16 threads done" ] || bad=$((bad + 1))
    [ "$("$L" --trace=/dev/null "$R" /bin/sh -c "$pipe50" 2>&1)" = "hello" ] || bad=$((bad + 1))
done
if [ $bad = 0 ]; then ok "threads and pipeline 5 times in a row under --trace"; else notok "$bad of 10 runs failed"; fi
