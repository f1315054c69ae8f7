#!/usr/bin/env bash
# FreeBSD threads (issue 5 point 2): libthr's pthreads on thr_new and _umtx_op —
# guest programs built against the 13.2 sysroot with -lpthread.  The acceptance:
# 8 threads x 100000 mutex-protected increments print 800000, 10 runs in a row.
source "$TOP/tests/lib.sh"
need_fixture fb13
F13=$FX

if g=$(fb_guest thr_mutex -lpthread); then
    outs=$(for i in 1 2 3 4 5 6 7 8 9 10; do timeout 60 "$LSL2" "$F13" "$g" 2>&1; echo "rc=$?"; done)
    n=$(printf '%s\n' "$outs" | grep -c '^800000$')
    bad=$(printf '%s\n' "$outs" | grep -v '^800000$' | grep -vc '^rc=0$')
    if [ "$n" = 10 ] && [ "$bad" = 0 ]; then
        ok "8 threads x 100000 mutex increments: 800000, 10 runs in a row"
    else
        notok "8 threads x 100000 mutex increments: $n/10 runs right; other output: $(printf '%s\n' "$outs" | grep -v '^800000$\|^rc=0$' | head -3 | tr '\n' ' ')"
    fi
    t_out "2 threads: 200000" "200000" timeout 60 "$LSL2" "$F13" "$g" 2
    t_match "--trace names thr_new, _umtx_op and thr_exit" 'thr_exit\(0x' \
        timeout 60 "$LSL2" --trace "$F13" "$g" 2
else
    notok "thr_mutex builds"
fi

# thr_sync SUBTEST: prints "SUBTEST ok" or "SUBTEST FAIL: why"
if g=$(fb_guest thr_sync -lpthread); then
    for s in cond rwlock sem barrier tls ids fork timeout errors cpuset cancel; do
        t_match "thr_sync $s" "^$s ok" timeout 60 "$LSL2" "$F13" "$g" "$s"
    done
    # a stress of everything at once, three times (no hang, no failure)
    for i in 1 2 3; do
        t_out "thr_sync all together, run $i" "cond ok
rwlock ok
sem ok
barrier ok
tls ok" timeout 120 "$LSL2" "$F13" "$g" cond rwlock sem barrier tls
    done
else
    notok "thr_sync builds"
fi
