#!/usr/bin/env bash
# FreeBSD signals (issue 5 point 1): delivery to FreeBSD handlers with FreeBSD's
# signal frame, sigreturn, the alternate stack, SA_RESTART/EINTR, masks across
# fork and exec, sigwait/sigsuspend, *context — guest programs built against the
# 13.2 sysroot; then FreeBSD 10.2's sh: trap, background jobs and wait, and an
# interactive session in a pseudo-terminal (tmux) with Ctrl-C, Ctrl-Z, jobs, bg,
# fg, kill %1.
source "$TOP/tests/lib.sh"
need_fixture fb13
F13=$FX

# each guest program: one TAP line per check, and whether it ran to the end (tests/lib.sh)
fb_run sig_handler
fb_run sig_altstack
fb_run sig_restart
fb_run sig_context
fb_run sig_fork
# the exec'd image of sig_fork reports its own checks too: two "fails 0" lines
t_out "sig_fork: the exec'd child ran its checks" "2" sh -c \
    "'$LSL2' '$F13' /t/sig_fork 2>&1 | grep -c '^fails 0\$'"
# --trace names the frame's return: sigreturn shows the resumed context's %rax
t_match "--trace: a handler's sigreturn" 'sigreturn\(0x[0-9a-f]+\) = ' \
    "$LSL2" --trace "$F13" /t/sig_handler

need_fixture fb10
F10=$FX
# acceptance of issue 5
t_out "sh: trap USR1 runs the handler" "caught
after" "$LSL2" "$F10" /bin/sh -c 'trap "echo caught" USR1; kill -USR1 $$; echo after'
start=$(date +%s%N)
t_out "sh: a killed background job is 143" "143" "$LSL2" "$F10" /bin/sh -c 'sleep 5 & kill $!; wait $!; echo $?'
el=$(( ($(date +%s%N) - start) / 1000000 ))
if [ "$el" -lt 3000 ]; then ok "sh: ... well under 5 seconds ($el ms)"; else notok "sh: ... well under 5 seconds ($el ms)"; fi
t_out "sh: cmd & wait (sigsuspend, SIGCHLD)" "st=0 3" "$LSL2" "$F10" /bin/sh -c \
    'sleep 0.1 & wait; a=$?; (exit 3) & wait $!; echo st=$a $?'
t_out "sh: trap INT, EXIT" "int
alive
exit" "$LSL2" "$F10" /bin/sh -c 'trap "echo int" INT; trap "echo exit" EXIT; kill -INT $$; echo alive'
t_out "sh: ignored signal stays ignored in a child" "alive" "$LSL2" "$F10" /bin/sh -c \
    'trap "" USR2; /bin/sh -c "kill -USR2 \$\$; echo alive"'
t_out "sh: kill -l knows FreeBSD's numbers" "USR1 INFO" "$LSL2" "$F10" /bin/sh -c 'echo $(kill -l 30) $(kill -l 29)'
t_out "SIGINFO, SIGURG, SIGWINCH are ignored by default" "alive" "$LSL2" "$F10" /bin/sh -c \
    '/bin/sh -c "kill -INFO \$\$; kill -URG \$\$; kill -WINCH \$\$; echo alive"'

# interactive sh in a pseudo-terminal
if ! command -v tmux >/dev/null; then
    skip "interactive session" "tmux is not installed"
    exit 0
fi
SOCK=lsl2sig$$
tm() { tmux -L "$SOCK" "$@"; }
pane() { tm capture-pane -p -t s 2>/dev/null; }
# wait_for REGEX SECONDS: whether the pane shows a line matching REGEX in time
wait_for() {
    local i
    for ((i = 0; i < $2 * 20; i++)); do
        pane | grep -Eq -- "$1" && return 0
        sleep 0.05
    done
    return 1
}
trap 'tm kill-server 2>/dev/null' EXIT
tm new-session -d -s s -x 80 -y 24 "$LSL2 $F10 /usr/bin/env PS1='fb\$ ' /bin/sh -i"
if wait_for '^fb\$' 10; then ok "interactive: prompt"; else notok "interactive: prompt"; pane | sed 's/^/#   /'; fi
tm send-keys -t s 'sleep 30' Enter
wait_for '^fb\$ sleep 30' 5
sleep 0.3   # let sleep start (a C-c before it only ends the line: still a pass below)
start=$(date +%s%N)
tm send-keys -t s C-c
tm send-keys -t s 'echo int-$((6*7))' Enter
if wait_for '^int-42$' 5; then
    el=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$el" -lt 2000 ]; then ok "interactive: Ctrl-C ends sleep 30, the shell answers ($el ms)"
    else notok "interactive: Ctrl-C ends sleep 30, the shell answers ($el ms)"; fi
else
    notok "interactive: Ctrl-C ends sleep 30, the shell answers"; pane | sed 's/^/#   /'
fi
tm send-keys -t s 'sleep 40' Enter
wait_for '^fb\$ sleep 40' 5
sleep 0.3
tm send-keys -t s C-z
if wait_for 'Suspended +sleep 40' 5; then ok "interactive: Ctrl-Z suspends the job"
else notok "interactive: Ctrl-Z suspends the job"; pane | sed 's/^/#   /'; fi
tm send-keys -t s 'jobs' Enter
tm send-keys -t s 'bg' Enter
tm send-keys -t s 'jobs -l; echo bg-done' Enter
if wait_for '^bg-done$' 5 && pane | grep -Eq 'Running +sleep 40'; then ok "interactive: bg resumes it (jobs: Running)"
else notok "interactive: bg resumes it"; pane | sed 's/^/#   /'; fi
tm send-keys -t s 'kill %1; wait %1; echo killed-$?' Enter
if wait_for '^killed-143$' 5; then ok "interactive: kill %1 (status 143)"
else notok "interactive: kill %1"; pane | sed 's/^/#   /'; fi
tm send-keys -t s 'clear' Enter
tm send-keys -t s 'sleep 50' Enter
wait_for '^fb\$ sleep 50' 5
sleep 0.3
tm send-keys -t s C-z
wait_for 'Suspended +sleep 50' 5
tm send-keys -t s 'fg' Enter
wait_for '^sleep 50$' 5
sleep 0.3
tm send-keys -t s C-c
tm send-keys -t s 'echo fg-$((40+2))' Enter
if wait_for '^fg-42$' 5; then ok "interactive: fg brings it back, Ctrl-C ends it"
else notok "interactive: fg brings it back, Ctrl-C ends it"; pane | sed 's/^/#   /'; fi
tm send-keys -t s 'sleep 0.2 & wait; echo waited-$?' Enter
if wait_for '^waited-0$' 5; then ok "interactive: background job and wait"
else notok "interactive: background job and wait"; pane | sed 's/^/#   /'; fi
tm send-keys -t s 'exit' Enter
