#!/usr/bin/env bash
# FreeBSD pseudo-terminals (personalities/freebsd/pty.c, ioctl.c, posix_openpt):
# a 13.2 guest program builds a session on a pty (ptsname, line discipline both
# ways, TIOCSCTTY, TIOCNOTTY, login_tty); the 10.2 fixture's script(1) records a
# command (issue 6 acceptance), and its vi and less run in a terminal driven
# through tmux: the screen is polled (bounded) for what each step must show.
source "$TOP/tests/lib.sh"
need_fixture fb13

g=$(fb_guest pty_session -lutil) || notok "pty_session: builds"
if [ -n "$g" ]; then
    res=$("$LSL2" "$FX" "$g" 2>&1 </dev/null); rc=$?
    n=0
    while IFS= read -r line; do
        case "$line" in
            "ok - "*)     ok "pty_session: ${line#ok - }"; n=$((n + 1)) ;;
            "not ok - "*) notok "pty_session: ${line#not ok - }"; n=$((n + 1)) ;;
        esac
    done <<<"$res"
    if [ "$rc" = 0 ] && [ "$n" -gt 20 ]; then ok "pty_session: ran to the end ($n checks)"
    else notok "pty_session: ran to the end (status $rc, $n checks)"; printf '%s\n' "$res" | tail -5 | sed 's/^/#   /'; fi
fi

need_fixture fb10
R=$FX
log=/tmp/script.$$
rm -f "$R$log"
out=$("$LSL2" "$R" /usr/bin/script -q "$log" /bin/echo typed 2>&1 </dev/null); rc=$?
if [ "$rc" = 0 ]; then ok "10.2 script -q LOG echo typed: exits 0"
else notok "10.2 script -q LOG echo typed: exits 0 (status $rc)"; printf '%s\n' "$out" | head -5 | sed 's/^/#   /'; fi
if grep -q typed "$R$log" 2>/dev/null; then ok "10.2 script: the log holds the command's output"
else notok "10.2 script: the log holds the command's output"; od -c "$R$log" 2>&1 | head -5 | sed 's/^/#   /'; fi
case "$out" in *typed*) ok "10.2 script: the output reaches script's own stdout" ;;
               *) notok "10.2 script: the output reaches script's own stdout"; printf '#   %q\n' "$out" ;; esac
rm -f "$R$log"

if ! command -v tmux >/dev/null; then
    skip "vi and less in a terminal" "tmux is not installed"; exit 0
fi
TM=(tmux -L "lsl2-fbpty-$$")
trap '"${TM[@]}" kill-server 2>/dev/null' EXIT

# screen_has SESSION REGEX: polls the pane (up to ~10 s) until it matches.
screen_has() {
    local i
    for ((i = 0; i < 100; i++)); do
        "${TM[@]}" capture-pane -p -t "$1" 2>/dev/null | grep -Eq -- "$2" && return 0
        sleep 0.1
    done
    return 1
}
# step NAME SESSION REGEX: a TAP line for screen_has, with the screen on failure.
step() {
    if screen_has "$2" "$3"; then ok "$1"
    else notok "$1 (screen wanted /$3/)"; "${TM[@]}" capture-pane -p -t "$2" 2>/dev/null | grep -v '^~\?$' | head -8 | sed 's/^/#   /'; fi
}
# start SESSION CMD: runs CMD in an 80x24 terminal; its status lands in $R/tmp/SESSION.status.
start() {
    local s=$1; shift
    rm -f "$R/tmp/$s.status"
    "${TM[@]}" new-session -d -x 80 -y 24 -s "$s" \
        "env TERM=xterm $* ; echo \$? > '$R/tmp/$s.status'; sleep 60"
}
# finished SESSION: waits (bounded) for the status file and checks it is 0.
finished() {
    local i
    for ((i = 0; i < 100; i++)); do [ -s "$R/tmp/$1.status" ] && break; sleep 0.1; done
    [ "$(cat "$R/tmp/$1.status" 2>/dev/null)" = 0 ]
}

f=/tmp/vi.$$
printf 'line one\nline two\nline three\n' > "$R$f"
start vi "$LSL2" "$R" /usr/bin/vi "$f"
step "10.2 vi: shows the file" vi '^line three'
"${TM[@]}" send-keys -t vi j x
step "10.2 vi: j x deletes under the cursor on line two" vi '^ine two'
"${TM[@]}" send-keys -t vi G o 'added by vi' Escape
step "10.2 vi: G o appends a line" vi '^added by vi'
"${TM[@]}" send-keys -t vi ':wq' Enter
if finished vi; then ok "10.2 vi: :wq exits 0"; else notok "10.2 vi: :wq exits 0 ($(cat "$R/tmp/vi.status" 2>/dev/null))"; fi
want=$'line one\nine two\nline three\nadded by vi'
if [ "$(cat "$R$f")" = "$want" ]; then ok "10.2 vi: the file holds the edits"
else notok "10.2 vi: the file holds the edits"; od -c "$R$f" | head -5 | sed 's/^/#   /'; fi
rm -f "$R$f" "$R/tmp/vi.status"

f=/tmp/less.$$
seq 1 200 > "$R$f"
start less "$LSL2" "$R" /usr/bin/less "$f"
step "10.2 less: the first screen" less '^23$'
"${TM[@]}" send-keys -t less G
step "10.2 less: G goes to the end" less '^200$'
"${TM[@]}" send-keys -t less g
step "10.2 less: g back to the top" less '^1$'
"${TM[@]}" send-keys -t less '/150' Enter
step "10.2 less: /150 searches forward" less '^150$'
"${TM[@]}" send-keys -t less q
if finished less; then ok "10.2 less: q exits 0"; else notok "10.2 less: q exits 0 ($(cat "$R/tmp/less.status" 2>/dev/null))"; fi
rm -f "$R$f" "$R/tmp/less.status"
