#!/usr/bin/env bash
# FreeBSD process-domain handlers (mmap family, ids, fork/exec/wait, limits,
# clocks, signal masks, thr_self, Capsicum): guest programs built against the
# 13.2 sysroot check each call and its error paths; then FreeBSD 10.2's own sh
# and tools use them.
source "$TOP/tests/lib.sh"
need_fixture fb13
F13=$FX

# fb_run NAME: runs /t/NAME, one TAP line per "check" line, and the count.
fb_run mem_mmap
fb_run proc_calls
fb_run time_clock

need_fixture fb10
F10=$FX
t_out "fb10 echo (mmap at startup)" "x" "$LSL2" -p freebsd "$F10" /bin/echo x
t_out "fb10 sh: fork, exec, wait4 status" "3" "$LSL2" "$F10" /bin/sh -c '/bin/sh -c "exit 3"; echo $?'
t_out "fb10 sh: a child killed by SIGTERM is 143" "143" "$LSL2" "$F10" /bin/sh -c '/bin/sh -c "kill -TERM \$\$"; echo $?'
t_out "fb10 sh: ulimit -n set and read back" "64" "$LSL2" "$F10" /bin/sh -c 'ulimit -n 64; ulimit -n'
t_out "fb10 id -u / id -g" "0 0" "$LSL2" "$F10" /bin/sh -c 'echo $(id -u) $(id -g)'
t_out "fb10 date -u -r 0" "Thu Jan  1 00:00:00 UTC 1970" "$LSL2" "$F10" /bin/date -u -r 0
# sleep(1) is nanosleep; the whole run takes at least the time asked
start=$(date +%s%N)
"$LSL2" "$F10" /bin/sleep 0.3 >/dev/null 2>&1
el=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$el" -ge 300 ]; then ok "fb10 sleep 0.3 sleeps ($el ms)"; else notok "fb10 sleep 0.3 sleeps ($el ms)"; fi
t_match "--trace shows mmap with FreeBSD flags" 'mmap\(NULL, [0-9]+, PROT_READ\|PROT_WRITE, MAP_PRIVATE\|MAP_ANON, -1, 0\) = 0x' \
    "$LSL2" --trace -p freebsd "$F10" /bin/echo x
