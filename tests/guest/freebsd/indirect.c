/* FreeBSD's indirect system calls: syscall(2) and __syscall(2) reach the named call,
 * including execve (which must be seen as an exec) and exit (which never returns). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "exit") == 0) {
        printf("exiting through __syscall(SYS_exit, 9)\n");
        fflush(stdout);
        __syscall(SYS_exit, 9);
        return 1;
    }
    if (argc > 1) {
        printf("exec'd via syscall(2): %s\n", argv[1]);
        return 0;
    }
    printf("getpid %s\n", syscall(SYS_getpid) == getpid() ? "same" : "differs");
    fflush(stdout);
    long w = (long)__syscall(SYS_write, 1, "abc\n", 4);
    printf("write: %ld\n", w);
    char *av[] = { argv[0], "yes", NULL };
    fflush(stdout);
    syscall(SYS_execve, argv[0], av, (char *[]){ NULL });
    perror("execve");
    return 1;
}
