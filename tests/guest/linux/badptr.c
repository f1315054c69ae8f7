/* Passes (char *)1 as a path and other bad pointers: each call fails with EFAULT
 * and the program carries on. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static void check(const char *what, long r)
{
    printf("%s: %s\n", what, r < 0 ? strerror(errno) : "succeeded");
}

int main(void)
{
    check("open", syscall(SYS_open, (char *)1, O_RDONLY));
    check("stat", syscall(SYS_stat, (char *)1, (struct stat *)1));
    check("write", syscall(SYS_write, 1, (char *)1, 5));
    check("execve", syscall(SYS_execve, (char *)1, NULL, NULL));
    printf("still running\n");
    return 0;
}
