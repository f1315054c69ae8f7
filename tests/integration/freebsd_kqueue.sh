#!/usr/bin/env bash
# FreeBSD kqueue (personalities/freebsd/kqueue.c, kevent.c, kq_*.c): a guest
# program built with the 13.2 sysroot checks every filter (READ, WRITE, TIMER,
# SIGNAL, PROC, USER, VNODE), the action flags, timeouts, EV_ERROR/EV_RECEIPT,
# close and fork semantics and the FreeBSD 11 layout; then the 10.2 fixture's
# `tail -f`, which waits in kevent for the file to grow.
source "$TOP/tests/lib.sh"
need_fixture fb13

if ! g=$(fb_guest kq_filters); then
    notok "kq_filters builds"
else
    res=$(timeout 60 "$LSL2" "$FX" "$g" 2>&1 </dev/null); rc=$?
    n=0
    fails=0
    while IFS= read -r line; do
        case "$line" in
            "ok "*)   ok "kqueue: ${line#ok }"; n=$((n + 1)) ;;
            "FAIL "*) notok "kqueue: ${line#FAIL }"; n=$((n + 1)); fails=$((fails + 1)) ;;
        esac
    done <<<"$res"
    if [ "$n" -gt 40 ] && grep -q '^done ' <<<"$res" && [ "$fails" = 0 ]; then
        ok "kqueue: ran to the end ($n checks)"
    else
        notok "kqueue: ran to the end (status $rc, $n checks)"; printf '%s\n' "$res" | tail -5 | sed 's/^/#   /'
    fi
fi

t_match "--trace names kqueue and kevent" 'kevent\(' \
    bash -c "'$LSL2' --trace '$FX' '$g' 2>&1 >/dev/null | head -200"

# an ignored SIGCHLD during a finite kevent wait: the wait goes on (no raw Linux EINTR)
if g=$(fb_guest kq_intr); then
    t_out "kevent: an ignored SIGCHLD does not end a timed wait" "n=0 errno=- waited>=250ms:yes" "$LSL2" "$FX" "$g"
else
    notok "kq_intr builds"
fi

need_fixture fb10
R=$FX
# tail -f: the file grows while tail waits in kevent; tail prints each line as it
# comes, then it is killed.  Handshake through the output, no sleeps that race.
f=/tmp/kqtail.$$
rm -f "$R$f"; printf 'first\n' > "$R$f"
out=$(mktemp)
"$LSL2" "$R" /usr/bin/tail -f "$f" >"$out" 2>&1 &
pid=$!
wait_for() {   # wait_for TEXT: up to 10 s for TEXT in tail's output
    for _ in $(seq 100); do grep -qx "$1" "$out" && return 0; sleep 0.1; done; return 1
}
if wait_for first; then
    printf 'second\n' >> "$R$f"
    if wait_for second; then
        printf 'third\n' >> "$R$f"
        wait_for third && ok "10.2 tail -f prints lines appended later" || notok "10.2 tail -f prints lines appended later (third)"
    else
        notok "10.2 tail -f prints lines appended later (second)"; sed 's/^/#   /' "$out" | head
    fi
else
    notok "10.2 tail -f prints the file"; sed 's/^/#   /' "$out" | head
fi
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
rm -f "$R$f" "$out"
