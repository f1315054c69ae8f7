/* An unknown syscall number, twice: the call fails with ENOSYS and the program goes on. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(void)
{
    long r = syscall(1000, 1, 2, 3);
    if (r == -1 && errno == ENOSYS)
        r = syscall(1000, 1, 2, 3);
    printf("syscall(1000) = %ld (%s)\n", r, r < 0 ? strerror(errno) : "no error");
    return r == -1 && errno == ENOSYS ? 0 : 1;
}
