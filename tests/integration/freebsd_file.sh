#!/usr/bin/env bash
# FreeBSD file calls (personalities/freebsd/{open,fcntl,path,perm,utimes,fd,ioctl}.c):
# guest programs built with the 13.2 sysroot check open flags, fcntl, locks, pipes,
# *at calls, modes, owners, times and terminal ioctls from inside the guest, with
# their error paths; then the 10.2 base tools use them (sh, ls, tar, rm, cat).
source "$TOP/tests/lib.sh"
need_fixture fb13

# fb_run NAME ARGS...: runs /t/NAME, turns its "ok - X"/"not ok - X" lines into TAP.
FB_MIN_CHECKS=11

for prog in file_open file_path file_tty; do
    dir=/tmp/$prog.$$
    rm -rf "$FX$dir"; mkdir -p "$FX$dir"
    fb_run "$prog" "$dir"
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
