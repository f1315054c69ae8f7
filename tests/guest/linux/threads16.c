/* 16 threads meet at a barrier, then leave in a scrambled order (each sleeps a
 * different, pseudo-random time); main joins them all and prints one line. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define N 16
static pthread_barrier_t barrier;
static int done[N];

static void *worker(void *arg)
{
    long i = (long)arg;
    pthread_barrier_wait(&barrier);
    struct timespec ts = { 0, (long)((i * 7919 + time(NULL)) % 13) * 200000 };
    nanosleep(&ts, NULL);
    done[i] = 1;
    if (i % 2)
        pthread_exit(NULL);
    return NULL;
}

int main(void)
{
    pthread_t th[N];
    pthread_barrier_init(&barrier, NULL, N + 1);
    for (long i = 0; i < N; i++)
        if (pthread_create(&th[i], NULL, worker, (void *)i) != 0) {
            perror("pthread_create");
            return 1;
        }
    pthread_barrier_wait(&barrier);
    for (int i = N - 1; i >= 0; i--)
        pthread_join(th[i], NULL);
    int n = 0;
    for (int i = 0; i < N; i++)
        n += done[i];
    printf("%d threads done\n", n);
    return n == N ? 0 : 1;
}
