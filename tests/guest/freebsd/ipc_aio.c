/* FreeBSD guest: POSIX aio as lsl2 serves it (done at submission): aio_write
 * then aio_read of a file, aio_error/aio_return (once), aio_suspend, aio_cancel
 * (AIO_ALLDONE), SIGEV_SIGNAL notification (a child dies of it), and the submission errors (EBADF,
 * EINVAL for a negative offset or an unknown aiocb).  Run as `ipc_aio DIR`.
 * Prints "ok - X" / "not ok - X (...)"; exit status = failures. */
#include <sys/types.h>
#include <aio.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "check.h"

int main(int argc, char **argv)
{
    char path[256], buf[32] = "";
    if (argc < 2) {
        printf("not ok - usage: ipc_aio DIR\n");
        return 1;
    }
    snprintf(path, sizeof path, "%s/aio", argv[1]);
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    check("open", fd >= 0);
    struct aiocb w;
    memset(&w, 0, sizeof w);
    w.aio_fildes = fd;
    w.aio_buf = "asynchronous";
    w.aio_nbytes = 12;
    w.aio_offset = 4;
    check("aio_write", aio_write(&w) == 0);
    const struct aiocb *list[2] = { NULL, &w };
    check("aio_suspend returns", aio_suspend(list, 2, NULL) == 0);
    check("aio_error: 0", aio_error(&w) == 0);
    check("aio_return: 12", aio_return(&w) == 12);
    CHECK_ERR("aio_return again: EINVAL", aio_return(&w), EINVAL);
    struct aiocb r;
    memset(&r, 0, sizeof r);
    r.aio_fildes = fd;
    r.aio_buf = buf;
    r.aio_nbytes = 5;
    r.aio_offset = 4;
    check("aio_read", aio_read(&r) == 0);
    check("aio_read's data and count", aio_error(&r) == 0 && aio_return(&r) == 5 && memcmp(buf, "async", 5) == 0);
    check("aio_cancel: AIO_ALLDONE", aio_cancel(fd, &r) == AIO_ALLDONE);
    CHECK_ERR("aio_cancel on a bad fd: EBADF", aio_cancel(99, NULL), EBADF);

    /* The notification: a child whose SIGUSR1 has its default action submits
     * with SIGEV_SIGNAL and must die of it (no handler delivery involved). */
    pid_t c = fork();
    if (c == 0) {
        struct aiocb n;
        memset(&n, 0, sizeof n);
        n.aio_fildes = fd;
        n.aio_buf = buf;
        n.aio_nbytes = 1;
        n.aio_sigevent.sigev_notify = SIGEV_SIGNAL;
        n.aio_sigevent.sigev_signo = SIGUSR1;
        if (aio_read(&n) != 0)
            _exit(2);
        for (int i = 0; i < 200; i++)
            usleep(5000);
        _exit(0);
    }
    int st = 0;
    check("SIGEV_SIGNAL: the submitter gets SIGUSR1", waitpid(c, &st, 0) == c && WIFSIGNALED(st) &&
          WTERMSIG(st) == SIGUSR1);
    memset(&r, 0, sizeof r);
    r.aio_fildes = fd;
    r.aio_buf = buf;
    r.aio_nbytes = 3;
    check("aio_read at offset 0", aio_read(&r) == 0);
    check("it read the hole: 3 zero bytes", aio_return(&r) == 3 && buf[0] == 0 && buf[2] == 0);

    memset(&r, 0, sizeof r);
    r.aio_fildes = 99;
    r.aio_buf = buf;
    r.aio_nbytes = 1;
    CHECK_ERR("aio_read on a bad fd: EBADF", aio_read(&r), EBADF);
    r.aio_fildes = fd;
    r.aio_offset = -1;
    CHECK_ERR("negative offset: EINVAL", aio_read(&r), EINVAL);
    struct aiocb never;
    memset(&never, 0, sizeof never);
    CHECK_ERR("aio_error of an unknown aiocb: EINVAL", aio_error(&never), EINVAL);
    close(fd);
    unlink(path);
    printf("fails %d\n", fails);
    return fails;
}
