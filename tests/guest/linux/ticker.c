/* Prints a counter every 20 ms, ARGV[1] times: a guest to stop and continue. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 100;
    struct timespec ts = { 0, 20 * 1000 * 1000 };
    for (int i = 0; i < n; i++) {
        printf("%d\n", i);
        fflush(stdout);
        nanosleep(&ts, NULL);
    }
    return 0;
}
