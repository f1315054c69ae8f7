/* Dies of signal ARGV[1] (a number): faults are caused for real (SIGSEGV by a
 * write to an unmapped page, SIGILL by ud2, SIGFPE by a division by zero, SIGBUS by
 * touching a truncated file mapping), the others are sent with kill(). */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    int sig = atoi(argv[1]);
    volatile int zero = 0;
    int *volatile bad = (int *)16;
    switch (sig) {
    case SIGSEGV:
        *bad = 1;
        break;
    case SIGILL:
        __asm__ volatile("ud2");
        break;
    case SIGFPE:
        {   /* in assembly: the compiler may turn a division by a variable into a test */
            int q, d = zero;
            __asm__ volatile("cltd; idivl %2" : "=a"(q) : "a"(7), "r"(d) : "edx");
            printf("%d\n", q);
        }
        break;
    case SIGBUS: {
        char name[] = "/tmp/selfkill.XXXXXX";
        int fd = mkstemp(name);
        unlink(name);
        char *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
        if (p == MAP_FAILED)
            return 3;
        return p[0];
    }
    default:
        kill(getpid(), sig);
        break;
    }
    return 4;
}
