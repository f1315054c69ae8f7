/* PTRACE_EVENT_EXEC: a process runs a new program.  When a non-leader thread
 * called execve, the kernel gives it the leader's tid: its state (inside execve)
 * moves to that tid and the old leader's is dropped.  The personality is chosen again
 * from the new program's ELF brand, so a Linux program can exec a FreeBSD one and
 * back; the personality's on_exec hook then sets up the process. */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>
#include "loader/elf.h"
#include "tracer/supervisor.h"

const struct personality *exec_choose_personality(pid_t tid, const struct personality *fallback)
{
    char err[128];
    struct elf_info info;
    /* /proc/PID/exe opens the program itself, whatever root or mount namespace the
     * guest sees it through. */
    int fd = procfs_open(tid, "exe", O_RDONLY);
    if (fd < 0)
        return fallback;
    int r = elf_inspect_fd(fd, &info, err, sizeof err);
    close(fd);
    if (r < 0)
        return fallback;
    return info.brand == BRAND_FREEBSD ? &freebsd_personality : &linux_personality;
}

struct tnode *exec_event(struct tnode *n)
{
    pid_t tid = n->t.tid;
    unsigned long former = 0;
    if (ptrace(PTRACE_GETEVENTMSG, tid, 0, &former) == 0 && (pid_t)former != tid) {
        struct tnode *execer = procs_find((pid_t)former);
        if (execer) {
            procs_remove(n);            /* the old leader: gone without an exit report */
            procs_retid(execer, tid);
            n = execer;
        }
    }
    struct tracee *t = &n->t;
    regs_invalidate(t);
    /* The first exec runs the program the front end chose, with the personality it
     * chose (it may be forced with -p); later ones follow the ELF brand. */
    const struct personality *p = n->startup ? sv.cfg->pers
                                             : exec_choose_personality(tid, t->pers);
    n->startup = false;
    if (p != t->pers) {
        /* the new personality builds its own state */
        if (t->pers->task_gone)
            t->pers->task_gone(t);
        t->pstate = NULL;
    } else if (p->task_exec) {
        p->task_exec(t);
    }
    t->pers = p;
    t->exec_pending = false;
    n->exec_done = true;
    placement_update(tid);   /* the new personality may stop more or less often */
    if (p->on_exec) {
        int r = p->on_exec(t);
        if (r < 0) {
            fprintf(stderr, "lsl2: pid %d: cannot start the %s program: %s\n",
                    tid, p->name, strerror(-r));
            kill(tid, SIGKILL);
        }
    }
    return n;
}
