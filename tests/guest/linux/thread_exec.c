/* A non-main thread calls execve while the main thread sleeps: the kernel gives the
 * execing thread the leader's pid.  The new program is ARGV[1..]. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static char **args;

static void *execer(void *unused)
{
    (void)unused;
    execv(args[0], args);
    perror("execv");
    _exit(127);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: thread_exec PROGRAM [ARG...]\n");
        return 2;
    }
    args = argv + 1;
    printf("pid %d\n", getpid());
    fflush(stdout);
    pthread_t th;
    pthread_create(&th, NULL, execer, NULL);
    for (;;)
        pause();
}
