/* Syscall loop for `make bench`, FreeBSD build: bench_loop getpid|stat N prints ns per call. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/syscall.h>

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc != 3 || (strcmp(argv[1], "getpid") && strcmp(argv[1], "stat"))) {
        fprintf(stderr, "usage: bench_loop getpid|stat N\n");
        return 2;
    }
    long n = atol(argv[2]);
    int use_stat = strcmp(argv[1], "stat") == 0;
    struct stat st;
    double t0 = now_ns();
    for (long i = 0; i < n; i++) {
        if (use_stat)
            stat("/", &st);
        else
            syscall(SYS_getpid);   /* not the libc wrapper: no caching */
    }
    double t1 = now_ns();
    printf("%.1f\n", (t1 - t0) / (double)n);
    return 0;
}
