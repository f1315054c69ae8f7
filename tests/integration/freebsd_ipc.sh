#!/usr/bin/env bash
# FreeBSD shared memory and IPC (personalities/freebsd/{shm,sysv_shm,sysv_sem,
# sysv_msg,eventfd,fadvise}.c): guest programs built with the 13.2 sysroot check
# shm_open by name across fork, SHM_ANON, memfd_create with seals, eventfd,
# posix_fallocate/posix_fadvise's error-number results, aio done at submission
# (aio.c), and SysV shm/sem/msg with FreeBSD's structures; then the 10.2
# fixture's ipcrm on objects the host made and on a missing id.
source "$TOP/tests/lib.sh"
need_fixture fb13

# fb_run NAME ARGS...: runs /t/NAME, turns its "ok - X"/"not ok - X" lines into TAP.
FB_MIN_CHECKS=11

dir=/tmp/shm_posix.$$
rm -rf "$FX$dir"; mkdir -p "$FX$dir"
fb_run shm_posix "$dir"
fb_run ipc_aio "$dir"
rmdir "$FX$dir" 2>/dev/null && ok "shm_posix: left its directory empty" || notok "shm_posix: left its directory empty"
fb_run ipc_sysv

# Names are the supervisor's: a second lsl2 run does not see the first one's.
t_match "--trace shows memfd_create as shm_open2(SHM_ANON)" 'shm_open2\(0x1, O_RDWR\|O_CLOEXEC, 0+, 0x3, "memfd:lsl2test"\) = [0-9]+' \
    "$LSL2" --trace "$FX" /t/shm_posix "$dir"
rm -rf "$FX$dir"

need_fixture fb10
# The guest shares the host's IPC namespace: objects made by the host's ipcmk are
# removed by the 10.2 ipcrm (shmctl, __semctl and msgctl IPC_RMID).
if command -v ipcmk >/dev/null && command -v ipcs >/dev/null; then
    for kind in M:m:-m S:s:-s Q:q:-q; do
        mk=${kind%%:*}; rest=${kind#*:}; rm=${rest%%:*}; ls=${rest#*:}
        case $mk in M) arg="-M 4096" ;; S) arg="-S 2" ;; Q) arg="-Q" ;; esac
        id=$(ipcmk $arg 2>/dev/null | grep -o '[0-9]*$')
        if [ -z "$id" ]; then notok "ipcmk $arg on the host"; continue; fi
        "$LSL2" "$FX" /usr/bin/ipcrm "-$rm" "$id" >/dev/null 2>&1; rc=$?
        if [ "$rc" = 0 ] && ! ipcs "$ls" | awk '{print $2}' | grep -qx "$id"; then
            ok "10.2 ipcrm -$rm removes the host's object $id"
        else
            notok "10.2 ipcrm -$rm removes the host's object $id (status $rc)"; ipcrm "-$rm" "$id" 2>/dev/null
        fi
    done
else
    skip "10.2 ipcrm" "no ipcmk/ipcs on the host"
fi
t_match "10.2 ipcrm: a missing shared memory id is refused" 'shmid\(999999\).*Invalid argument' \
    "$LSL2" "$FX" /usr/bin/ipcrm -m 999999
