/* Process-shared pthread objects under lsl2 (libthr's off-pages: _umtx_op
 * UMTX_OP_SHM): one subtest per argument, each printing "NAME ok" or
 * "NAME FAIL: why".
 *   raw   UMTX_SHM_CREAT twice gives the same page, LOOKUP finds it, ESRCH for an
 *         unknown key, EINVAL for no or two operations, ALIVE 0 then ENOTTY after
 *         DESTROY; a key in MAP_SHARED memory is found by a forked child
 *   anon  a mutex, barrier, condvar and semaphore (all PTHREAD_PROCESS_SHARED /
 *         pshared 1) in MAP_SHARED|MAP_ANON memory, used by a parent and a forked
 *         child: 2 x 20000 increments under the mutex, barrier rounds, a
 *         condvar hand-off, a semaphore post
 *   shm   the same in shm_open memory, the child reaching the objects through a
 *         second mapping of the object at another address */
#include <sys/types.h>
#include <sys/mman.h>
#include <sys/umtx.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHECK(name, cond, ...) do { if (!(cond)) { printf("%s FAIL: ", name); printf(__VA_ARGS__); printf("\n"); return; } } while (0)
#define CHILD_CHECK(cond) do { if (!(cond)) _exit(__LINE__ & 0x7f); } while (0)

static int shm_op(int flags, void *key)
{
    return _umtx_op(NULL, UMTX_OP_SHM, flags, key, NULL);
}

static void t_raw(void)
{
    char *mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON, -1, 0);
    CHECK("raw", mem != MAP_FAILED, "mmap: %s", strerror(errno));
    void *key = mem + 64;
    int fd1 = shm_op(UMTX_SHM_CREAT, key);
    CHECK("raw", fd1 >= 0, "CREAT: %s", strerror(errno));
    int fd2 = shm_op(UMTX_SHM_CREAT, key), fd3 = shm_op(UMTX_SHM_LOOKUP, key);
    CHECK("raw", fd2 >= 0 && fd3 >= 0 && fd2 != fd1, "second CREAT / LOOKUP: %s", strerror(errno));
    CHECK("raw", (fcntl(fd1, F_GETFD) & FD_CLOEXEC), "the descriptor is not close-on-exec");
    int *p1 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd1, 0);
    int *p2 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, 0);
    int *p3 = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd3, 0);
    CHECK("raw", p1 != MAP_FAILED && p2 != MAP_FAILED && p3 != MAP_FAILED, "mmap of the page: %s", strerror(errno));
    p1[10] = 4242;
    CHECK("raw", p2[10] == 4242 && p3[10] == 4242, "not the same page: %d %d", p2[10], p3[10]);
    int other;
    CHECK("raw", shm_op(UMTX_SHM_LOOKUP, mem + 128) == -1 && errno == ESRCH, "LOOKUP of another key: %s", strerror(errno));
    CHECK("raw", shm_op(UMTX_SHM_LOOKUP, &other) == -1 && errno == ESRCH, "LOOKUP of a stack key: %s", strerror(errno));
    CHECK("raw", shm_op(0, key) == -1 && errno == EINVAL, "no operation: %s", strerror(errno));
    CHECK("raw", shm_op(UMTX_SHM_CREAT | UMTX_SHM_LOOKUP, key) == -1 && errno == EINVAL, "two operations: %s", strerror(errno));
    CHECK("raw", shm_op(UMTX_SHM_LOOKUP, (void *)8) == -1 && errno == EFAULT, "unmapped key: %s", strerror(errno));
    CHECK("raw", shm_op(UMTX_SHM_ALIVE, p1) == 0, "ALIVE: %s", strerror(errno));
    /* a forked child finds the key in the inherited shared memory */
    pid_t pid = fork();
    if (pid == 0) {
        int fd = shm_op(UMTX_SHM_LOOKUP, key);
        CHILD_CHECK(fd >= 0);
        int *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        CHILD_CHECK(p != MAP_FAILED && p[10] == 4242);
        p[11] = 77;
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK("raw", WIFEXITED(st) && WEXITSTATUS(st) == 0 && p1[11] == 77, "child: status %#x, line %d", st, WEXITSTATUS(st));
    CHECK("raw", shm_op(UMTX_SHM_DESTROY, key) == 0, "DESTROY: %s", strerror(errno));
    CHECK("raw", shm_op(UMTX_SHM_LOOKUP, key) == -1 && errno == ESRCH, "LOOKUP after DESTROY: %s", strerror(errno));
    CHECK("raw", shm_op(UMTX_SHM_ALIVE, p1) == -1 && errno == ENOTTY, "ALIVE after DESTROY: %s", strerror(errno));
    CHECK("raw", shm_op(UMTX_SHM_DESTROY, key) == -1 && errno == ESRCH, "DESTROY twice: %s", strerror(errno));
    printf("raw ok\n");
}

struct shared {
    pthread_mutex_t m;
    pthread_barrier_t b;
    pthread_cond_t c;
    sem_t s;
    long counter;
    int flag;
};
#define LOOPS 20000

static int init_objects(struct shared *sh)
{
    pthread_mutexattr_t ma;
    pthread_barrierattr_t ba;
    pthread_condattr_t ca;
    pthread_mutexattr_init(&ma);
    pthread_barrierattr_init(&ba);
    pthread_condattr_init(&ca);
    if (pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED) ||
        pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED) ||
        pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED))
        return 1;
    if (pthread_mutex_init(&sh->m, &ma))
        return 2;
    if (pthread_barrier_init(&sh->b, &ba, 2))
        return 3;
    if (pthread_cond_init(&sh->c, &ca))
        return 4;
    if (sem_init(&sh->s, 1, 0))
        return 5;
    sh->counter = 0;
    sh->flag = 0;
    return 0;
}

/* both sides: a barrier, the increments, a barrier */
static int work(struct shared *sh)
{
    int r = pthread_barrier_wait(&sh->b);
    if (r != 0 && r != PTHREAD_BARRIER_SERIAL_THREAD)
        return 1;
    for (int i = 0; i < LOOPS; i++) {
        if (pthread_mutex_lock(&sh->m))
            return 2;
        long c = sh->counter;
        if ((i & 1023) == 0)
            sched_yield();
        sh->counter = c + 1;
        pthread_mutex_unlock(&sh->m);
    }
    r = pthread_barrier_wait(&sh->b);
    return r != 0 && r != PTHREAD_BARRIER_SERIAL_THREAD ? 3 : 0;
}

static void child_side(struct shared *sh)
{
    CHILD_CHECK(work(sh) == 0);
    CHILD_CHECK(sh->counter == 2 * LOOPS);
    /* the parent raises the flag and signals; then posts the semaphore */
    pthread_mutex_lock(&sh->m);
    while (!sh->flag)
        pthread_cond_wait(&sh->c, &sh->m);
    pthread_mutex_unlock(&sh->m);
    CHILD_CHECK(sem_wait(&sh->s) == 0);
    _exit(0);
}

static void parent_side(const char *name, struct shared *sh, pid_t pid)
{
    CHECK(name, work(sh) == 0, "parent's work failed");
    long c = sh->counter;
    usleep(20000);   /* the child is likely in its condvar wait now (either way works) */
    pthread_mutex_lock(&sh->m);
    sh->flag = 1;
    pthread_cond_signal(&sh->c);
    pthread_mutex_unlock(&sh->m);
    sem_post(&sh->s);
    int st;
    waitpid(pid, &st, 0);
    CHECK(name, c == 2 * LOOPS, "counter %ld, not %d", c, 2 * LOOPS);
    CHECK(name, WIFEXITED(st) && WEXITSTATUS(st) == 0, "child: status %#x (line %d)", st, WEXITSTATUS(st));
    int e1 = pthread_mutex_destroy(&sh->m), e2 = pthread_barrier_destroy(&sh->b),
        e3 = pthread_cond_destroy(&sh->c);
    CHECK(name, !e1 && !e2 && !e3, "destroy: mutex %s, barrier %s, cond %s", strerror(e1),
          strerror(e2), strerror(e3));
    printf("%s ok\n", name);
}

static void t_anon(void)
{
    struct shared *sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANON, -1, 0);
    CHECK("anon", sh != MAP_FAILED, "mmap: %s", strerror(errno));
    int e = init_objects(sh);
    CHECK("anon", e == 0, "init step %d: %s", e, strerror(errno));
    pid_t pid = fork();
    if (pid == 0)
        child_side(sh);
    parent_side("anon", sh, pid);
}

static void t_shm(void)
{
    const char *path = "/gaps5_pshared";
    shm_unlink(path);
    int fd = shm_open(path, O_CREAT | O_EXCL | O_RDWR, 0600);
    CHECK("shm", fd >= 0 && ftruncate(fd, 8192) == 0, "shm_open: %s", strerror(errno));
    /* the objects at offset 4096 of the object */
    char *base = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    CHECK("shm", base != MAP_FAILED, "mmap: %s", strerror(errno));
    struct shared *sh = (struct shared *)(base + 4096);
    int e = init_objects(sh);
    CHECK("shm", e == 0, "init step %d: %s", e, strerror(errno));
    pid_t pid = fork();
    if (pid == 0) {
        /* a second mapping of the object's second page at another address */
        int fd2 = shm_open(path, O_RDWR, 0);
        CHILD_CHECK(fd2 >= 0);
        char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd2, 4096);
        CHILD_CHECK(p != MAP_FAILED && p != (char *)sh);
        child_side((struct shared *)p);
    }
    parent_side("shm", sh, pid);
    shm_unlink(path);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "raw"))
            t_raw();
        else if (!strcmp(argv[i], "anon"))
            t_anon();
        else if (!strcmp(argv[i], "shm"))
            t_shm();
        else
            printf("%s FAIL: no such subtest\n", argv[i]);
    }
    return 0;
}
