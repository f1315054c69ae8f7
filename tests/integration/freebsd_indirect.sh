#!/usr/bin/env bash
# FreeBSD's indirect system calls (syscall #0 and __syscall #198).
source "$TOP/tests/lib.sh"
need_fixture fb13
g=$(fb_guest indirect) || { notok "build indirect.c"; exit 1; }
t_out "syscall(2) and __syscall(2) reach getpid, write and execve" \
    "$(printf 'getpid same\nabc\nwrite: 4\nexec'"'"'d via syscall(2): yes')" "$LSL2" "$FX" "$g"
t_status "__syscall(SYS_exit, 9) exits with 9" 9 "$LSL2" "$FX" "$g" exit
t_match "--trace names the indirect target (execve), not syscall" \
    'execve\("'"$g"'", \["'"$g"'", "yes"\]' "$LSL2" --trace "$FX" "$g"
