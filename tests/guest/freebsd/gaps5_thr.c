/* FreeBSD thread calls beyond libthr's everyday ones, under lsl2: one subtest per
 * argument, each printing "NAME ok" or "NAME FAIL: why".
 *   suspend  thr_suspend / thr_wake: a pending wake-up (also to self) makes the
 *            next suspend return at once; zero and short timeouts: ETIMEDOUT;
 *            a signal: EINTR; a sleeping thread is woken; ESRCH, EFAULT, EINVAL
 *   pi       4 threads x 20000 increments under a PTHREAD_PRIO_INHERIT mutex
 *            (MUTEX_LOCK / MUTEX_UNLOCK in the kernel), trylock EBUSY, timedlock
 *            ETIMEDOUT
 *   pp       a PTHREAD_PRIO_PROTECT mutex: 4 threads x 2000 increments (every
 *            lock in the kernel), trylock/timedlock as above, and
 *            pthread_mutex_setprioceiling returning the old ceiling (SET_CEILING) */
#include <sys/types.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CHECK(name, cond, ...) do { if (!(cond)) { printf("%s FAIL: ", name); printf(__VA_ARGS__); printf("\n"); return; } } while (0)

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- suspend ---- */
static atomic_long sus_id;
static atomic_int sus_stage, sus_result = -1, sus_errno, sus_sigs;
static void on_usr1(int s) { (void)s; sus_sigs++; }

/* stage 1: report the id, wait for main's early wake, then suspend (returns at once);
 * stage 2: suspend without a timeout until main wakes it;
 * stage 3: suspend with a long timeout until a signal interrupts it */
static void *sus_worker(void *arg)
{
    (void)arg;
    long id;
    thr_self(&id);
    sus_id = id;
    while (sus_stage != 1)
        usleep(1000);
    double t0 = now();
    int r = thr_suspend(NULL);
    sus_result = (r == 0 && now() - t0 < 2.0) ? 0 : 1;
    sus_stage = 10;                         /* done with 1 */
    while (sus_stage != 2)
        usleep(1000);
    r = thr_suspend(NULL);
    sus_result = r == 0 ? 0 : 2;
    sus_stage = 20;
    while (sus_stage != 3)
        usleep(1000);
    struct timespec ts = { 20, 0 };
    r = thr_suspend(&ts);
    sus_errno = errno;
    sus_result = r;
    sus_stage = 30;
    return NULL;
}

static void t_suspend(void)
{
    /* own wake-up first: the suspend returns 0 at once, and only once */
    long self;
    thr_self(&self);
    CHECK("suspend", thr_wake(self) == 0, "thr_wake(self): %s", strerror(errno));
    double t0 = now();
    CHECK("suspend", thr_suspend(NULL) == 0 && now() - t0 < 2.0, "suspend after own wake: %s", strerror(errno));
    struct timespec zero = { 0, 0 };
    CHECK("suspend", thr_suspend(&zero) == -1 && errno == ETIMEDOUT, "zero timeout: %s", strerror(errno));
    struct timespec short_ = { 0, 50000000 };
    t0 = now();
    int r = thr_suspend(&short_);
    double dt = now() - t0;
    CHECK("suspend", r == -1 && errno == ETIMEDOUT && dt >= 0.045 && dt < 2.0,
          "50 ms timeout: r=%d %s after %.3f s", r, strerror(errno), dt);
    struct timespec bad = { 0, 2000000000 };
    CHECK("suspend", thr_suspend(&bad) == -1 && errno == EINVAL, "tv_nsec 2e9: %s", strerror(errno));
    CHECK("suspend", thr_suspend((void *)8) == -1 && errno == EFAULT, "bad pointer: %s", strerror(errno));
    CHECK("suspend", thr_wake(12345) == -1 && errno == ESRCH, "thr_wake(12345): %s", strerror(errno));

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    pthread_t th;
    pthread_create(&th, NULL, sus_worker, NULL);
    while (!sus_id)
        usleep(1000);
    /* stage 1: woken before it suspends */
    CHECK("suspend", thr_wake(sus_id) == 0, "thr_wake(worker): %s", strerror(errno));
    sus_stage = 1;
    while (sus_stage != 10)
        usleep(1000);
    CHECK("suspend", sus_result == 0, "a wake-up before the suspend was lost");
    /* stage 2: woken while it sleeps (or just before: the same answer) */
    sus_stage = 2;
    usleep(50000);
    CHECK("suspend", thr_wake(sus_id) == 0, "thr_wake(sleeper): %s", strerror(errno));
    for (int i = 0; i < 5000 && sus_stage != 20; i++)
        usleep(1000);
    CHECK("suspend", sus_stage == 20 && sus_result == 0, "the sleeper was not woken (stage %d)", sus_stage);
    /* stage 3: a signal interrupts it: EINTR, no restart */
    sus_stage = 3;
    for (int i = 0; i < 500 && sus_stage != 30; i++) {
        usleep(20000);
        pthread_kill(th, SIGUSR1);
    }
    pthread_join(th, NULL);
    CHECK("suspend", sus_stage == 30 && sus_result == -1 && sus_errno == EINTR && sus_sigs > 0,
          "signal: stage %d r=%d %s sigs=%d", sus_stage, sus_result, strerror(sus_errno), (int)sus_sigs);
    printf("suspend ok\n");
}

/* ---- pi, pp ---- */
#define NT 4
static int loops = 20000;   /* per thread; a PP mutex takes every lock in the kernel: fewer */
static pthread_mutex_t pm;
static long counter;
static void *inc_worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < loops; i++) {
        if (pthread_mutex_lock(&pm) != 0)
            abort();
        long c = counter;
        if ((i & 255) == 0)
            sched_yield();      /* hold it a while: contention, sleepers, wakes */
        counter = c + 1;
        pthread_mutex_unlock(&pm);
    }
    return NULL;
}
static int contend(void)
{
    counter = 0;
    pthread_t th[NT];
    for (long i = 0; i < NT; i++)
        pthread_create(&th[i], NULL, inc_worker, NULL);
    for (int i = 0; i < NT; i++)
        pthread_join(th[i], NULL);
    return counter == NT * loops;
}
static void *try_other(void *arg)
{
    (void)arg;
    long r = pthread_mutex_trylock(&pm);
    if (r == 0)
        pthread_mutex_unlock(&pm);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 50000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    long r2 = pthread_mutex_timedlock(&pm, &ts);
    if (r2 == 0)
        pthread_mutex_unlock(&pm);
    return (void *)(r * 1000 + r2);
}

static void t_proto(const char *name, int proto)
{
    loops = proto == PTHREAD_PRIO_PROTECT ? 2000 : 20000;
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    int e = pthread_mutexattr_setprotocol(&a, proto);
    CHECK(name, e == 0, "setprotocol: %s", strerror(e));
    if (proto == PTHREAD_PRIO_PROTECT) {
        e = pthread_mutexattr_setprioceiling(&a, 5);
        CHECK(name, e == 0, "setprioceiling(attr): %s", strerror(e));
    }
    e = pthread_mutex_init(&pm, &a);
    CHECK(name, e == 0, "mutex_init: %s", strerror(e));
    CHECK(name, contend(), "counter %ld, not %d", counter, NT * loops);
    /* held by main: another thread's trylock is EBUSY, its timed lock ETIMEDOUT */
    pthread_mutex_lock(&pm);
    pthread_t th;
    void *res;
    pthread_create(&th, NULL, try_other, NULL);
    pthread_join(th, &res);
    pthread_mutex_unlock(&pm);
    CHECK(name, (long)res == EBUSY * 1000 + ETIMEDOUT, "trylock/timedlock of a held mutex: %ld", (long)res);
    if (proto == PTHREAD_PRIO_PROTECT) {
        int old = -1;
        e = pthread_mutex_setprioceiling(&pm, 9, &old);
        CHECK(name, e == 0 && old == 5, "setprioceiling: %s, old %d", strerror(e), old);
        int cur = -1;
        e = pthread_mutex_getprioceiling(&pm, &cur);
        CHECK(name, e == 0 && cur == 9, "getprioceiling: %s, %d", strerror(e), cur);
        old = -1;
        e = pthread_mutex_setprioceiling(&pm, 7, &old);
        CHECK(name, e == 0 && old == 9, "second setprioceiling: %s, old %d", strerror(e), old);
        /* the kernel call alone: a ceiling beyond RTP_PRIO_MAX is EINVAL */
        uint32_t o;
        CHECK(name, _umtx_op(&pm, UMTX_OP_SET_CEILING, 1000, &o, NULL) == -1, "SET_CEILING on a pthread_mutex_t pointer accepted");
        CHECK(name, contend(), "after the ceilings: counter %ld", counter);
    }
    pthread_mutex_destroy(&pm);
    printf("%s ok\n", name);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "suspend"))
            t_suspend();
        else if (!strcmp(argv[i], "pi"))
            t_proto("pi", PTHREAD_PRIO_INHERIT);
        else if (!strcmp(argv[i], "pp"))
            t_proto("pp", PTHREAD_PRIO_PROTECT);
        else
            printf("%s FAIL: no such subtest\n", argv[i]);
    }
    return 0;
}
