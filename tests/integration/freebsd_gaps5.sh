#!/usr/bin/env bash
# FreeBSD thread and timer calls beyond libthr's everyday ones (issue 5's gaps):
# thr_suspend/thr_wake, priority-inheriting/protecting mutexes in the kernel
# (_umtx_op MUTEX_LOCK/TRYLOCK/UNLOCK, SET_CEILING), process-shared pthread objects
# (_umtx_op SHM), robust mutexes of a dead owner, POSIX timers (ktimer_*),
# setitimer, message queues (kmq_*) — guest programs built against the 13.2 sysroot with -lpthread.  Each subtest prints "NAME ok" or "NAME FAIL: why".
source "$TOP/tests/lib.sh"
need_fixture fb13
F13=$FX

# subtests PROG "LIBS" NAME...: builds PROG and runs it once per subtest NAME, which
# must print "NAME ok".
subtests() {
    local prog=$1 libs=$2 g s; shift 2
    if ! g=$(fb_guest "$prog" $libs); then notok "$prog builds"; return; fi
    for s; do
        t_match "$prog $s" "^$s ok" timeout 60 "$LSL2" "$F13" "$g" "$s"
    done
}

subtests gaps5_thr "-lpthread" suspend pi pp
subtests gaps5_timer "-lpthread -lrt" signal none thread itimer
subtests gaps5_pshared "-lpthread" raw anon shm
# robust mutexes whose owner ends holding them: OWNERDEAD (umtx_robust.c)
subtests robust "-lpthread" dead waiter shared

if g=$(fb_guest gaps5_mq -lrt); then
    t_match "gaps5_mq: message queues (kmq_*)" "^mq ok" timeout 60 "$LSL2" "$F13" "$g"
else
    notok "gaps5_mq builds"
fi
