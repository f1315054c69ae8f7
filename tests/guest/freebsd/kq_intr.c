/* kevent with a finite timeout while an ignored SIGCHLD arrives: FreeBSD does not
 * interrupt the wait (SIGCHLD is ignored by default), so it times out with 0 events. */
#include <sys/types.h>
#include <sys/event.h>
#include <sys/time.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    int kq = kqueue();
    pid_t c = fork();
    if (c == 0) { usleep(50000); _exit(0); }
    struct kevent ev;
    struct timespec ts = { 0, 300000000 };
    struct timeval a, b;
    gettimeofday(&a, NULL);
    int n = kevent(kq, NULL, 0, &ev, 1, &ts);
    gettimeofday(&b, NULL);
    long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_usec - a.tv_usec) / 1000;
    printf("n=%d errno=%s waited>=250ms:%s\n", n, n < 0 ? strerror(errno) : "-", ms >= 250 ? "yes" : "no");
    waitpid(c, NULL, 0);
    return 0;
}
