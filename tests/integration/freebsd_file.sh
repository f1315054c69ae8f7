#!/usr/bin/env bash
# FreeBSD file calls (personalities/freebsd/{open,fcntl,path,perm,utimes,fd,ioctl}.c):
# guest programs built with the 13.2 sysroot check open flags, fcntl, locks, pipes,
# *at calls, modes, owners, times and terminal ioctls from inside the guest, with
# their error paths; then the 10.2 base tools use them (sh, ls, tar, rm, cat).
source "$TOP/tests/lib.sh"
need_fixture fb13

# run_guest NAME ARGS...: runs /t/NAME, turns its "ok - X"/"not ok - X" lines into TAP.
run_guest() {
    local name=$1; shift
    local g res rc n=0
    if ! g=$(fb_guest "$name"); then notok "$name: builds"; return; fi
    res=$("$LSL2" "$FX" "$g" "$@" 2>&1 </dev/null); rc=$?
    while IFS= read -r line; do
        case "$line" in
            "ok - "*)     ok "$name: ${line#ok - }"; n=$((n + 1)) ;;
            "not ok - "*) notok "$name: ${line#not ok - }"; n=$((n + 1)) ;;
        esac
    done <<<"$res"
    if [ "$rc" = 0 ] && [ "$n" -gt 10 ]; then ok "$name: ran to the end ($n checks)"
    else notok "$name: ran to the end (status $rc, $n checks)"; printf '%s\n' "$res" | tail -5 | sed 's/^/#   /'; fi
}

for prog in file_open file_path file_tty; do
    dir=/tmp/$prog.$$
    rm -rf "$FX$dir"; mkdir -p "$FX$dir"
    run_guest "$prog" "$dir"
    rmdir "$FX$dir" 2>/dev/null && ok "$prog: left its directory empty" || notok "$prog: left its directory empty"
done

t_match "--trace shows FreeBSD open flags" 'openat\((AT_FDCWD|-100), "f", O_WRONLY\|O_CREAT\|O_TRUNC\|O_EXCL, 0640\) = 3' \
    bash -c "mkdir -p '$FX/tmp/tr.$$' && '$LSL2' --trace '$FX' /t/file_open /tmp/tr.$$; rm -rf '$FX/tmp/tr.$$'"

need_fixture fb10
R=$FX
t_out "10.2 sh: echo and cat through a pipe" "hello" "$LSL2" -p freebsd "$R" /bin/sh -c 'echo hello | cat'
t_out "10.2 sh: redirections, cat, rm" "x
gone" "$LSL2" "$R" /bin/sh -c 'cd /tmp && echo x > fbfile.$$ && cat fbfile.$$ && rm fbfile.$$ && { [ -e fbfile.$$ ] || echo gone; }'
t_out "10.2: mkdir -p, ls, rm -r, ln -s, readlink" "a/b
l -> a
empty" "$LSL2" "$R" /bin/sh -c 'cd /tmp && mkdir -p fbf$$/a/b && cd fbf$$ && ls -d a/b && ln -s a l && echo "l -> $(readlink l)" && cd .. && rm -r fbf$$ && { [ -e fbf$$ ] || echo empty; }'
t_out "10.2: chmod and test -x" "yes" "$LSL2" "$R" /bin/sh -c 'cd /tmp && : > m$$ && chmod 755 m$$ && [ -x m$$ ] && echo yes; rm -f m$$'
t_out "10.2: /dev/null and /dev/zero" "0
4" "$LSL2" "$R" /bin/sh -c 'cat /dev/null | wc -c | tr -d " "; head -c 4 /dev/zero | wc -c | tr -d " "'
t_out "10.2: /dev/stdin" "through stdin" "$LSL2" "$R" /bin/sh -c 'echo through stdin | cat /dev/stdin'
t_out "10.2: /dev/urandom gives bytes" "16" "$LSL2" "$R" /bin/sh -c 'head -c 16 /dev/urandom | wc -c | tr -d " "'
