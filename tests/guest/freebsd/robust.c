/* Robust mutexes (PTHREAD_MUTEX_ROBUST) whose owner ends without unlocking, under
 * lsl2: one subtest per argument, each printing "NAME ok" or "NAME FAIL: why".
 *   dead    a thread locks and exits (thr_exit): lock -> EOWNERDEAD, consistent +
 *           unlock, a further lock succeeds; a second death left inconsistent
 *           (unlocked without consistent) -> ENOTRECOVERABLE
 *   waiter  a thread blocked in lock (seen by the contested bit it set) while the
 *           owner exits is woken with EOWNERDEAD
 *   shared  a process-shared robust mutex in shared memory, locked by a child
 *           that exits with _exit: the parent's lock -> EOWNERDEAD
 * Everything is bounded by alarm(): a lost wake-up ends the program. */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/umtx.h>
#include <sys/wait.h>
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

static void robust_init(pthread_mutex_t *m, int pshared)
{
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    if (pshared)
        pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(m, &a);
    pthread_mutexattr_destroy(&a);
}

/* A thread that takes m and ends holding it (after *go, when given, is set). */
struct owner_arg {
    pthread_mutex_t *m;
    atomic_int locked;      /* 1: took it (r: its result) */
    int r;
    atomic_int *go;
};
static void *owner(void *p)
{
    struct owner_arg *a = p;
    a->r = pthread_mutex_lock(a->m);
    a->locked = 1;
    if (a->go)
        while (!*a->go)
            usleep(1000);
    return NULL;             /* pthread_exit without unlocking */
}

static int die_holding(pthread_mutex_t *m)
{
    struct owner_arg a = { .m = m };
    pthread_t th;
    if (pthread_create(&th, NULL, owner, &a) != 0)
        return -1;
    pthread_join(th, NULL);
    return a.locked ? a.r : -1;
}

static void t_dead(void)
{
    const char *n = "dead";
    pthread_mutex_t m;
    robust_init(&m, 0);
    int r = die_holding(&m);
    CHECK(n, r == 0, "owner's lock: %d", r);
    r = pthread_mutex_lock(&m);
    CHECK(n, r == EOWNERDEAD, "lock after the owner died: %d (%s), want EOWNERDEAD", r, strerror(r));
    r = pthread_mutex_consistent(&m);
    CHECK(n, r == 0, "consistent: %d", r);
    r = pthread_mutex_unlock(&m);
    CHECK(n, r == 0, "unlock: %d", r);
    r = pthread_mutex_lock(&m);
    CHECK(n, r == 0, "lock of the recovered mutex: %d", r);
    pthread_mutex_unlock(&m);
    /* again, but the new owner gives up without making it consistent */
    r = die_holding(&m);
    CHECK(n, r == 0, "second owner's lock: %d", r);
    r = pthread_mutex_trylock(&m);
    CHECK(n, r == EOWNERDEAD, "trylock after the second death: %d, want EOWNERDEAD", r);
    pthread_mutex_unlock(&m);
    r = pthread_mutex_lock(&m);
    CHECK(n, r == ENOTRECOVERABLE, "lock of an abandoned inconsistent mutex: %d, want ENOTRECOVERABLE", r);
    printf("%s ok\n", n);
}

/* The waiter: blocks in lock until the owner's death, then (as the new owner)
 * makes the mutex consistent and unlocks it.  Returns lock's result, or 1000 +
 * the step that failed after it. */
static void *waiter(void *p)
{
    pthread_mutex_t *m = p;
    long r = pthread_mutex_lock(m);
    if (r == EOWNERDEAD && pthread_mutex_consistent(m) != 0)
        return (void *)1001L;
    if ((r == 0 || r == EOWNERDEAD) && pthread_mutex_unlock(m) != 0)
        return (void *)1002L;
    return (void *)r;
}

static void t_waiter(void)
{
    const char *n = "waiter";
    pthread_mutex_t m;
    robust_init(&m, 0);
    atomic_int go = 0;
    struct owner_arg a = { .m = &m, .go = &go };
    pthread_t ot, wt;
    CHECK(n, pthread_create(&ot, NULL, owner, &a) == 0, "create owner");
    while (!a.locked)
        usleep(1000);
    CHECK(n, a.r == 0, "owner's lock: %d", a.r);
    CHECK(n, pthread_create(&wt, NULL, waiter, &m) == 0, "create waiter");
    /* libthr's pthread_mutex_t points to its struct pthread_mutex, which begins
     * with the umutex: the waiter sets the contested bit on its way to sleep */
    volatile struct umutex *um = *(struct umutex **)&m;
    while (!(um->m_owner & UMUTEX_CONTESTED))
        usleep(1000);
    go = 1;                                 /* the owner ends now */
    pthread_join(ot, NULL);
    void *res;
    pthread_join(wt, &res);
    int r = (int)(long)res;
    CHECK(n, r == EOWNERDEAD, "blocked lock returned %d (%s), want EOWNERDEAD; 1001: consistent failed, 1002: unlock",
          r, r < 1000 ? strerror(r) : "");
    r = pthread_mutex_lock(&m);
    CHECK(n, r == 0, "lock of the recovered mutex: %d", r);
    pthread_mutex_unlock(&m);
    printf("%s ok\n", n);
}

static void t_shared(void)
{
    const char *n = "shared";
    pthread_mutex_t *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON, -1, 0);
    CHECK(n, m != MAP_FAILED, "mmap");
    robust_init(m, 1);
    int p[2];
    CHECK(n, pipe(p) == 0, "pipe");
    pid_t c = fork();
    CHECK(n, c >= 0, "fork");
    if (c == 0) {
        char ok = pthread_mutex_lock(m) == 0 ? 'y' : 'n';
        write(p[1], &ok, 1);
        _exit(0);                           /* the process ends holding it */
    }
    char got = 0;
    read(p[0], &got, 1);
    int st;
    waitpid(c, &st, 0);
    CHECK(n, got == 'y', "child's lock");
    int r = pthread_mutex_lock(m);
    CHECK(n, r == EOWNERDEAD, "lock after the child's exit: %d (%s), want EOWNERDEAD", r, strerror(r));
    CHECK(n, pthread_mutex_consistent(m) == 0, "consistent");
    CHECK(n, pthread_mutex_unlock(m) == 0, "unlock");
    r = pthread_mutex_lock(m);
    CHECK(n, r == 0, "lock of the recovered mutex: %d", r);
    pthread_mutex_unlock(m);
    pthread_mutex_destroy(m);
    printf("%s ok\n", n);
}

int main(int argc, char **argv)
{
    alarm(20);
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "dead"))
            t_dead();
        else if (!strcmp(argv[i], "waiter"))
            t_waiter();
        else if (!strcmp(argv[i], "shared"))
            t_shared();
        else
            printf("%s FAIL: unknown subtest\n", argv[i]);
    }
    return 0;
}
