#!/usr/bin/env bash
# A glibc userland (the host's glibc, copied into a rootfs) runs natively, unless asked.
source "$TOP/tests/lib.sh"
R=$(rootfs glibc) || { notok "build the glibc rootfs"; exit 1; }
t_out "a dynamically linked glibc program runs" "hello from /bin/hello" "$LSL2" "$R" /bin/hello
t_match "-d: its interpreter is checked in the rootfs" 'interpreter /lib64/ld-linux-x86-64.so.2' "$LSL2" -d "$R" /bin/hello
t_match "-d: it is supervised, for crash reports" 'under the tracer \(-d: for crash reports\)' "$LSL2" -d "$R" /bin/hello
t_out "and under the supervisor (--supervise)" "hello from /bin/hello" "$LSL2" --supervise "$R" /bin/hello
t_match "and under --trace, which shows the loader opening libc" 'open(at)?\(.*"/lib/x86_64-linux-gnu/libc.so.6"' \
    "$LSL2" --trace "$R" /bin/hello
