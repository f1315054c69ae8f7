#!/usr/bin/env bash
# FreeBSD thread and timer calls beyond libthr's everyday ones (issue 5's gaps):
# thr_suspend/thr_wake, priority-inheriting/protecting mutexes in the kernel
# (_umtx_op MUTEX_LOCK/TRYLOCK/UNLOCK, SET_CEILING), process-shared pthread objects
# (_umtx_op SHM), robust mutexes of a dead owner, POSIX timers (ktimer_*),
# setitimer, message queues (kmq_*) — guest programs built against the 13.2 sysroot with -lpthread.  Each subtest prints "NAME ok" or "NAME FAIL: why".
source "$TOP/tests/lib.sh"
need_fixture fb13
F13=$FX

if g=$(fb_guest gaps5_thr -lpthread); then
    for s in suspend pi pp; do
        t_match "gaps5_thr $s" "^$s ok" timeout 60 "$LSL2" "$F13" "$g" "$s"
    done
else
    notok "gaps5_thr builds"
fi

if g=$(fb_guest gaps5_timer -lpthread -lrt); then
    for s in signal none thread itimer; do
        t_match "gaps5_timer $s" "^$s ok" timeout 60 "$LSL2" "$F13" "$g" "$s"
    done
else
    notok "gaps5_timer builds"
fi

if g=$(fb_guest gaps5_pshared -lpthread); then
    for s in raw anon shm; do
        t_match "gaps5_pshared $s" "^$s ok" timeout 60 "$LSL2" "$F13" "$g" "$s"
    done
else
    notok "gaps5_pshared builds"
fi

# robust mutexes whose owner ends holding them: OWNERDEAD (umtx_robust.c)
if g=$(fb_guest robust -lpthread); then
    for s in dead waiter shared; do
        t_match "robust $s" "^$s ok" timeout 60 "$LSL2" "$F13" "$g" "$s"
    done
else
    notok "robust builds"
fi

if g=$(fb_guest gaps5_mq -lrt); then
    t_match "gaps5_mq: message queues (kmq_*)" "^mq ok" timeout 60 "$LSL2" "$F13" "$g"
else
    notok "gaps5_mq builds"
fi
