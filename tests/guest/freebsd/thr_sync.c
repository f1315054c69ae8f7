/* FreeBSD threads under lsl2: one subtest per argument, each printing
 * "NAME ok" or "NAME FAIL: why".
 *   cond     8 threads hand a token round a ring with a condvar (ordered output)
 *   rwlock   8 threads: readers check an invariant writers keep
 *   sem      producer/consumers through counting semaphores
 *   barrier  8 threads through 200 barrier rounds
 *   tls      __thread variables differ per thread and keep their values
 *   ids      thread ids distinct and > PID_MAX; pthread names; thr_kill(sig 0)
 *   fork     fork from a threaded program: the child runs, threads in the parent too
 *   timeout  timed waits: relative and absolute ETIMEDOUT, wrong value returns at once
 *   errors   EINVAL / EFAULT / ESRCH answers
 *   cpuset   cpuset_getaffinity / setaffinity round trip
 *   cancel   pthread_cancel of a thread blocked in a condvar wait */
#include <sys/types.h>
#include <sys/cpuset.h>
#include <sys/thr.h>
#include <sys/umtx.h>
#include <sys/wait.h>
#include <errno.h>
#include <pthread.h>
#include <pthread_np.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define N 8
static int failed;
#define CHECK(name, cond, ...) do { if (!(cond)) { printf("%s FAIL: ", name); printf(__VA_ARGS__); printf("\n"); failed = 1; return; } } while (0)

/* ---- cond: a token goes round the ring 1000 times ---- */
static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cc = PTHREAD_COND_INITIALIZER;
static int turn, rounds_done;
#define ROUNDS 1000
static void *cond_worker(void *arg)
{
    int me = (int)(long)arg;
    for (int r = 0; r < ROUNDS; r++) {
        pthread_mutex_lock(&cm);
        while (turn != me)
            pthread_cond_wait(&cc, &cm);
        turn = (turn + 1) % N;
        rounds_done++;
        pthread_cond_broadcast(&cc);
        pthread_mutex_unlock(&cm);
    }
    return NULL;
}
static void t_cond(void)
{
    pthread_t th[N];
    for (long i = 0; i < N; i++)
        pthread_create(&th[i], NULL, cond_worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(th[i], NULL);
    CHECK("cond", rounds_done == N * ROUNDS, "%d rounds", rounds_done);
    printf("cond ok\n");
}

/* ---- rwlock ---- */
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long a_val, b_val;   /* writers keep a == -b */
static int rw_bad;
static void *rw_worker(void *arg)
{
    int writer = (int)(long)arg % 4 == 0;
    for (int k = 0; k < 20000; k++) {
        if (writer && k % 10 == 0) {
            pthread_rwlock_wrlock(&rw);
            a_val++;
            sched_yield();
            b_val--;
            pthread_rwlock_unlock(&rw);
        } else {
            pthread_rwlock_rdlock(&rw);
            if (a_val != -b_val)
                rw_bad++;
            pthread_rwlock_unlock(&rw);
        }
    }
    return NULL;
}
static void t_rwlock(void)
{
    pthread_t th[N];
    for (long i = 0; i < N; i++)
        pthread_create(&th[i], NULL, rw_worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(th[i], NULL);
    CHECK("rwlock", rw_bad == 0 && a_val == 2 * 2000, "bad %d a %ld", rw_bad, a_val);
    printf("rwlock ok\n");
}

/* ---- sem: one producer posts, N-1 consumers take; a second sem counts ---- */
static sem_t items, taken;
#define ITEMS 20000
static void *sem_consumer(void *arg)
{
    (void)arg;
    for (;;) {
        sem_wait(&items);
        int v;
        sem_getvalue(&taken, &v);
        if (v < 0)
            break;
        sem_post(&taken);
    }
    return NULL;
}
static void t_sem(void)
{
    pthread_t th[N - 1];
    sem_init(&items, 0, 0);
    sem_init(&taken, 0, 0);
    for (long i = 0; i < N - 1; i++)
        pthread_create(&th[i], NULL, sem_consumer, NULL);
    for (int i = 0; i < ITEMS; i++)
        sem_post(&items);
    for (int i = 0; i < ITEMS; i++)
        sem_wait(&taken);
    int v = -1;
    sem_getvalue(&items, &v);
    CHECK("sem", v == 0, "items left %d", v);
    for (int i = 0; i < N - 1; i++)
        pthread_cancel(th[i]);
    for (int i = 0; i < N - 1; i++)
        sem_post(&items);
    printf("sem ok\n");
}

/* ---- barrier ---- */
static pthread_barrier_t bar;
static int phase_count[200];
static int bar_bad;
static void *bar_worker(void *arg)
{
    (void)arg;
    for (int r = 0; r < 200; r++) {
        __atomic_add_fetch(&phase_count[r], 1, __ATOMIC_SEQ_CST);
        pthread_barrier_wait(&bar);
        if (__atomic_load_n(&phase_count[r], __ATOMIC_SEQ_CST) != N)
            bar_bad++;
        pthread_barrier_wait(&bar);
    }
    return NULL;
}
static void t_barrier(void)
{
    pthread_t th[N];
    pthread_barrier_init(&bar, NULL, N);
    for (long i = 0; i < N; i++)
        pthread_create(&th[i], NULL, bar_worker, NULL);
    for (int i = 0; i < N; i++)
        pthread_join(th[i], NULL);
    CHECK("barrier", bar_bad == 0, "%d threads passed early", bar_bad);
    printf("barrier ok\n");
}

/* ---- tls ---- */
static __thread long tls_val = 7;
static __thread char tls_buf[64];
static void *tls_worker(void *arg)
{
    long me = (long)arg;
    if (tls_val != 7)
        return (void *)1;
    tls_val = me * 1000;
    snprintf(tls_buf, sizeof tls_buf, "thread %ld", me);
    for (int k = 0; k < 1000; k++)
        sched_yield();
    char want[64];
    snprintf(want, sizeof want, "thread %ld", me);
    return (void *)(long)(tls_val != me * 1000 || strcmp(tls_buf, want) != 0);
}
static void t_tls(void)
{
    pthread_t th[N];
    tls_val = -1;
    for (long i = 0; i < N; i++)
        pthread_create(&th[i], NULL, tls_worker, (void *)i);
    long bad = 0;
    for (int i = 0; i < N; i++) {
        void *r;
        pthread_join(th[i], &r);
        bad += (long)r;
    }
    CHECK("tls", bad == 0 && tls_val == -1, "%ld threads saw foreign values", bad);
    printf("tls ok\n");
}

/* ---- ids, names, thr_kill probe ---- */
static pthread_barrier_t idbar;
static long idv[N];
static void *id_worker(void *arg)
{
    long me = (long)arg;
    thr_self(&idv[me]);
    char name[32];
    snprintf(name, sizeof name, "worker-%ld", me);
    pthread_set_name_np(pthread_self(), name);
    pthread_barrier_wait(&idbar);   /* main checks */
    pthread_barrier_wait(&idbar);
    return NULL;
}
static void t_ids(void)
{
    pthread_t th[N];
    pthread_barrier_init(&idbar, NULL, N + 1);
    for (long i = 0; i < N; i++)
        pthread_create(&th[i], NULL, id_worker, (void *)i);
    pthread_barrier_wait(&idbar);
    long self;
    thr_self(&self);
    for (int i = 0; i < N; i++) {
        CHECK("ids", idv[i] > 100000 && idv[i] != self, "id %ld", idv[i]);
        for (int j = 0; j < i; j++)
            CHECK("ids", idv[i] != idv[j], "same id twice");
        CHECK("ids", thr_kill(idv[i], 0) == 0, "thr_kill probe: %s", strerror(errno));
        CHECK("ids", thr_kill2(getpid(), idv[i], 0) == 0, "thr_kill2 probe: %s", strerror(errno));
    }
    /* naming another thread and the caller */
    /* another thread's name: Linux lets only the guest itself write it, through a
     * /proc the guest's root may lack: 0, or EOPNOTSUPP when it has none */
    int r = thr_set_name(idv[0], "renamed");
    CHECK("ids", r == 0 || errno == EOPNOTSUPP, "thr_set_name other: %s", strerror(errno));
    CHECK("ids", thr_set_name(self, "main-thread-with-a-long-name") == 0, "thr_set_name self");
    CHECK("ids", thr_set_name(99, "x") == -1 && errno == ESRCH, "thr_set_name bad id");
    pthread_barrier_wait(&idbar);
    for (int i = 0; i < N; i++)
        pthread_join(th[i], NULL);
    /* join returns once thr_exit has stored and woken the thread's state word, a
     * moment before the thread is gone (on FreeBSD too): give it up to a second */
    int gone = 0;
    for (int i = 0; i < 1000 && !gone; i++)
        if (!(gone = thr_kill(idv[0], 0) == -1 && errno == ESRCH))
            usleep(1000);
    CHECK("ids", gone, "thr_kill of an ended thread");
    printf("ids ok\n");
}

/* ---- fork from a threaded program ---- */
static volatile int spin_stop;
static void *spinner(void *arg)
{
    (void)arg;
    long n = 0;
    while (!spin_stop) {
        pthread_mutex_lock(&cm);
        n++;
        pthread_mutex_unlock(&cm);
    }
    return (void *)n;
}
static void t_fork(void)
{
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&th[i], NULL, spinner, NULL);
    for (int k = 0; k < 5; k++) {
        pid_t p = fork();
        if (p == 0) {
            /* the child has one thread (cm may have been held by a spinner at the
             * fork: not touched); a mutex works, and so do new threads */
            static pthread_mutex_t fm = PTHREAD_MUTEX_INITIALIZER;
            pthread_mutex_lock(&fm);
            pthread_mutex_unlock(&fm);
            pthread_t c;
            if (pthread_create(&c, NULL, tls_worker, (void *)3L) != 0)
                _exit(3);
            void *r;
            pthread_join(c, &r);
            _exit(r == NULL ? 0 : 4);
        }
        int st;
        CHECK("fork", p > 0 && waitpid(p, &st, 0) == p, "fork/wait");
        CHECK("fork", WIFEXITED(st) && WEXITSTATUS(st) == 0, "child status %#x", st);
    }
    spin_stop = 1;
    for (int i = 0; i < 4; i++)
        pthread_join(th[i], NULL);
    printf("fork ok\n");
}

/* ---- timeouts and plain waits ---- */
static void t_timeout(void)
{
    unsigned int word = 5;
    struct timespec rel = { 0, 50 * 1000 * 1000 };
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int r = _umtx_op(&word, UMTX_OP_WAIT_UINT_PRIVATE, 5, (void *)sizeof rel, &rel);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    CHECK("timeout", r == -1 && errno == ETIMEDOUT && ms >= 45, "relative: r %d errno %d after %ld ms", r, errno, ms);

    struct _umtx_time ut;
    memset(&ut, 0, sizeof ut);
    ut._flags = UMTX_ABSTIME;
    ut._clockid = CLOCK_REALTIME;
    clock_gettime(CLOCK_REALTIME, &ut._timeout);
    ut._timeout.tv_nsec += 30 * 1000 * 1000;
    if (ut._timeout.tv_nsec >= 1000000000) { ut._timeout.tv_sec++; ut._timeout.tv_nsec -= 1000000000; }
    r = _umtx_op(&word, UMTX_OP_WAIT_UINT, 5, (void *)sizeof ut, &ut);
    CHECK("timeout", r == -1 && errno == ETIMEDOUT, "absolute realtime: r %d errno %d", r, errno);

    ut._clockid = CLOCK_MONOTONIC;
    clock_gettime(CLOCK_MONOTONIC, &ut._timeout);
    ut._timeout.tv_nsec += 30 * 1000 * 1000;
    if (ut._timeout.tv_nsec >= 1000000000) { ut._timeout.tv_sec++; ut._timeout.tv_nsec -= 1000000000; }
    r = _umtx_op(&word, UMTX_OP_WAIT_UINT_PRIVATE, 5, (void *)sizeof ut, &ut);
    CHECK("timeout", r == -1 && errno == ETIMEDOUT, "absolute monotonic: r %d errno %d", r, errno);

    /* a value that differs: back at once with 0 */
    CHECK("timeout", _umtx_op(&word, UMTX_OP_WAIT_UINT_PRIVATE, 6, NULL, NULL) == 0, "uint mismatch");
    long lw = 1L << 40;
    CHECK("timeout", _umtx_op(&lw, UMTX_OP_WAIT, 1, NULL, NULL) == 0, "long mismatch (high half)");
    /* pthread_cond_timedwait gives ETIMEDOUT */
    pthread_mutex_lock(&cm);
    struct timespec abs;
    clock_gettime(CLOCK_REALTIME, &abs);
    abs.tv_nsec += 20 * 1000 * 1000;
    if (abs.tv_nsec >= 1000000000) { abs.tv_sec++; abs.tv_nsec -= 1000000000; }
    r = pthread_cond_timedwait(&cc, &cm, &abs);
    pthread_mutex_unlock(&cm);
    CHECK("timeout", r == ETIMEDOUT, "cond_timedwait %d", r);
    printf("timeout ok\n");
}

/* ---- error answers ---- */
static void t_errors(void)
{
    unsigned int word = 0;
    CHECK("errors", _umtx_op(&word, 99, 0, NULL, NULL) == -1 && errno == EINVAL, "bad op: %d", errno);
    CHECK("errors", _umtx_op((void *)8, UMTX_OP_WAIT_UINT, 0, NULL, NULL) == -1 && errno == EFAULT,
          "bad address: %d", errno);
    struct timespec bad = { 0, 2000000000L };
    CHECK("errors", _umtx_op(&word, UMTX_OP_WAIT_UINT, 0, (void *)sizeof bad, &bad) == -1 && errno == EINVAL,
          "bad timeout: %d", errno);
    CHECK("errors", thr_new((struct thr_param *)8, sizeof(struct thr_param)) == -1 && errno == EFAULT,
          "thr_new EFAULT: %d", errno);
    CHECK("errors", thr_new(NULL, 100000) == -1 && errno == EINVAL, "thr_new size: %d", errno);
    long self;
    thr_self(&self);
    CHECK("errors", thr_kill(self, 1000) == -1 && errno == EINVAL, "thr_kill bad signal: %d", errno);
    CHECK("errors", thr_kill(12345, 0) == -1 && errno == ESRCH, "thr_kill bad id: %d", errno);
    struct umutex um;
    memset(&um, 0, sizeof um);
    CHECK("errors", _umtx_op(&um, UMTX_OP_MUTEX_UNLOCK, 0, NULL, NULL) == -1 && errno == EPERM,
          "unlock of a mutex not ours: %d", errno);
    printf("errors ok\n");
}

/* ---- cpuset ---- */
static void t_cpuset(void)
{
    cpuset_t set, set2;
    CPU_ZERO(&set);
    CHECK("cpuset", cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_PID, -1, sizeof set, &set) == 0,
          "get: %s", strerror(errno));
    int n = CPU_COUNT(&set);
    CHECK("cpuset", n >= 1, "no CPU");
    int first = CPU_FFS(&set) - 1;
    CPU_ZERO(&set2);
    CPU_SET(first, &set2);
    CHECK("cpuset", cpuset_setaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TID, -1, sizeof set2, &set2) == 0,
          "set: %s", strerror(errno));
    CPU_ZERO(&set2);
    CHECK("cpuset", cpuset_getaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TID, -1, sizeof set2, &set2) == 0 &&
          CPU_COUNT(&set2) == 1 && CPU_ISSET(first, &set2), "get after set");
    CHECK("cpuset", cpuset_setaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TID, -1, sizeof set, &set) == 0, "restore");
    cpuset_t root;
    CHECK("cpuset", cpuset_getaffinity(CPU_LEVEL_ROOT, CPU_WHICH_PID, -1, sizeof root, &root) == 0 &&
          CPU_COUNT(&root) >= n, "root set");
    cpusetid_t id = -1;
    CHECK("cpuset", cpuset_getid(CPU_LEVEL_CPUSET, CPU_WHICH_PID, -1, &id) == 0 && id >= 0, "getid");
    CPU_ZERO(&set2);
    CHECK("cpuset", cpuset_setaffinity(CPU_LEVEL_WHICH, CPU_WHICH_TID, -1, sizeof set2, &set2) == -1 &&
          errno == EDEADLK, "empty set: %d", errno);
    printf("cpuset ok (%d cpus)\n", n);
}

/* ---- cancel ---- */
static pthread_mutex_t xm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t xc = PTHREAD_COND_INITIALIZER;
static int cleaned;
static void cleanup(void *arg) { (void)arg; cleaned = 1; pthread_mutex_unlock(&xm); }
static void *cancel_worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&xm);
    pthread_cleanup_push(cleanup, NULL);
    for (;;)
        pthread_cond_wait(&xc, &xm);
    pthread_cleanup_pop(0);
    return NULL;
}
static void t_cancel(void)
{
    pthread_t th;
    pthread_create(&th, NULL, cancel_worker, NULL);
    usleep(50000);
    CHECK("cancel", pthread_cancel(th) == 0, "pthread_cancel");
    void *r;
    CHECK("cancel", pthread_join(th, &r) == 0 && r == PTHREAD_CANCELED && cleaned, "join: %p cleaned %d", r, cleaned);
    printf("cancel ok\n");
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "cond")) t_cond();
        else if (!strcmp(a, "rwlock")) t_rwlock();
        else if (!strcmp(a, "sem")) t_sem();
        else if (!strcmp(a, "barrier")) t_barrier();
        else if (!strcmp(a, "tls")) t_tls();
        else if (!strcmp(a, "ids")) t_ids();
        else if (!strcmp(a, "fork")) t_fork();
        else if (!strcmp(a, "timeout")) t_timeout();
        else if (!strcmp(a, "errors")) t_errors();
        else if (!strcmp(a, "cpuset")) t_cpuset();
        else if (!strcmp(a, "cancel")) t_cancel();
        else { printf("%s: unknown\n", a); return 2; }
    }
    return failed;
}
