/* Issue 5 acceptance: NTHREADS threads each do NITER mutex-protected increments of
 * one counter; prints the total (8 x 100000 = 800000).  Also checks that every
 * thread ran with its own id and that join saw each thread end. */
#include <pthread.h>
#include <pthread_np.h>
#include <stdio.h>
#include <stdlib.h>

#define NTHREADS 8
#define NITER 100000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static int ids[NTHREADS];

static void *worker(void *arg)
{
    int i = (int)(long)arg;
    ids[i] = pthread_getthreadid_np();
    for (int k = 0; k < NITER; k++) {
        pthread_mutex_lock(&lock);
        counter++;
        pthread_mutex_unlock(&lock);
    }
    return (void *)(long)(i + 1);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : NTHREADS;
    pthread_t th[NTHREADS];
    if (n < 1 || n > NTHREADS)
        return 2;
    for (int i = 0; i < n; i++)
        if (pthread_create(&th[i], NULL, worker, (void *)(long)i) != 0) {
            printf("pthread_create failed\n");
            return 1;
        }
    int bad = 0;
    for (int i = 0; i < n; i++) {
        void *ret;
        if (pthread_join(th[i], &ret) != 0 || ret != (void *)(long)(i + 1))
            bad++;
    }
    int main_id = pthread_getthreadid_np();
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            if ((i != j && ids[i] == ids[j]) || ids[i] <= 100000 || ids[i] == main_id)
                bad++;
    printf("%ld\n", counter);
    if (bad)
        printf("bad %d\n", bad);
    return bad != 0;
}
