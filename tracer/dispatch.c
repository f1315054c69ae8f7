/* Syscall entry and exit stops: the personality's table decides.  Entry reads the
 * number (orig_rax) and the arguments (rdi, rsi, rdx, r10, r8, r9 — FreeBSD amd64
 * passes them in the same registers), then either passes the call through (number
 * rewritten to the host's when it differs), lets the entry handler rewrite or emulate
 * it, or skips it with ENOSYS.  Exit reads the host result, runs the exit handler and
 * puts the result back in the guest's convention. */
#include <errno.h>
#include <stdio.h>
#include "tracer/supervisor.h"
#include "tracer/trace.h"

static unsigned long long *arg_reg(struct user_regs_struct *r, int i)
{
    switch (i) {
    case 0: return &r->rdi;
    case 1: return &r->rsi;
    case 2: return &r->rdx;
    case 3: return &r->r10;
    case 4: return &r->r8;
    default: return &r->r9;
    }
}

const struct syscall_ent *dispatch_lookup(const struct personality *p, long nr)
{
    if (!p->table || nr < 0 || (unsigned long)nr >= p->nsyscalls || !p->table[nr].name)
        return NULL;
    return &p->table[nr];
}

bool dispatch_needs_all_stops(const struct personality *p)
{
    return sv.cfg->trace || !sv.filtered || p != sv.filter_pers;
}

void sysc_set_host_nr(struct tracee *t, long host_nr)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r || (long)r->orig_rax == host_nr)
        return;
    r->orig_rax = (uint64_t)host_nr;
    tracee_regs_changed(t);
    tnode_of(t)->nr_changed = true;
}

void sysc_set_arg(struct tracee *t, int i, uint64_t val)
{
    struct user_regs_struct *r = tracee_regs(t);
    if (!r || i < 0 || i > 5 || *arg_reg(r, i) == val)
        return;
    *arg_reg(r, i) = val;
    tracee_regs_changed(t);
    tnode_of(t)->args_changed = true;
}

/* Number nr has no implementation in t's personality: report once per process
 * under -d, and skip the call with ENOSYS. */
static void unimplemented(struct tracee *t, struct sysc *sc)
{
    if (sv.cfg->debug && !procs_unimpl_seen(tnode_of(t)->g, sc->nr)) {
        if (sc->ent)
            fprintf(stderr, "lsl2: pid %d: unimplemented syscall %s\n", t->tid, sc->ent->name);
        else
            fprintf(stderr, "lsl2: pid %d: unimplemented syscall #%ld\n", t->tid, sc->nr);
    }
    sc->ret = -ENOSYS;
    sc->ret2 = 0;
    sc->action = SYS_DONE;
}

void dispatch_entry(struct tracee *t)
{
    struct tnode *n = tnode_of(t);
    struct sysc *sc = &t->sc;
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return;   /* the thread is gone (killed): its exit is reported next */

    sc->nr = (long)r->orig_rax;
    for (int i = 0; i < 6; i++)
        sc->args[i] = *arg_reg(r, i);
    sc->ent = dispatch_lookup(t->pers, sc->nr);
    sc->action = SYS_PASS;
    sc->ret = sc->ret2 = 0;
    sc->has_ret2 = false;
    sc->trace_len = 0;
    sc->trace[0] = 0;
    scratch_reset(t);
    n->args_changed = n->nr_changed = false;
    n->exec_done = false;
    t->exec_pending = false;

    const struct syscall_ent *e = sc->ent;
    /* Before its first execve the first process runs lsl2's own code: not shown. */
    n->traced = sv.cfg->trace && (!n->startup || (e && (e->flags & SF_EXEC)));
    if (!e || (!e->enter && e->host_nr < 0))
        unimplemented(t, sc);
    else if (e->enter) {
        sc->action = e->enter(t, sc);
        e = sc->ent;    /* an indirect call (FreeBSD syscall(2)) names its target */
    } else if (e->host_nr != sc->nr)
        sysc_set_host_nr(t, e->host_nr);

    if (e && (e->flags & SF_EXEC) && sc->action == SYS_PASS)
        t->exec_pending = true;
    if (sc->action == SYS_PASS)
        placement_syscall_entry(t, (long)r->orig_rax);

    if (n->traced)
        trace_syscall_enter(sv.cfg->trace, t);

    if (sc->action == SYS_DONE) {
        /* Skip the kernel call; the kernel leaves rax alone for number -1, so the
         * result can be set now and no exit stop is needed for it. */
        sysc_set_host_nr(t, -1);
        if (n->args_changed) {
            for (int i = 0; i < 6; i++)
                *arg_reg(r, i) = sc->args[i];
            n->args_changed = false;
        }
        t->pers->set_result(t, sc->ret, sc->ret2);
        tracee_regs_changed(t);
    }

    /* The exit stop is wanted for --trace, exit handlers, execve (so that the
     * entry/exit pairing survives a personality switch) and to restore rewritten
     * argument registers.  A plain syscall-entry-stop (not seccomp's) always gets
     * its exit stop: the process is resumed with PTRACE_SYSCALL. */
    n->want_exit = n->traced || n->args_changed ||
                   (e && (e->exit || (e->flags & (SF_EXIT | SF_EXEC))));
    if (e && (e->flags & SF_NORETURN) && !(e->flags & SF_EXEC)) {
        /* exit/exit_group: no exit stop will come */
        if (n->traced)
            trace_syscall_noreturn(sv.cfg->trace, t);
        n->want_exit = false;
        t->in_syscall = !t->seccomp_stop;
        return;
    }
    t->in_syscall = n->want_exit || !t->seccomp_stop || dispatch_needs_all_stops(t->pers);
    n->unfinished = t->in_syscall && n->traced;
}

void dispatch_exit(struct tracee *t)
{
    struct tnode *n = tnode_of(t);
    struct sysc *sc = &t->sc;
    t->in_syscall = false;
    n->unfinished = false;
    struct user_regs_struct *r = tracee_regs(t);
    if (!r)
        return;
    const struct syscall_ent *e = sc->ent;
    if (n->exec_done) {
        /* a new program: its registers are its initial state, not a result to convert */
        sc->ret = 0;
    } else if (sc->action != SYS_DONE) {
        placement_syscall_exit(t, (long)r->orig_rax);
        sc->ret = t->pers->get_result(t);
        bool convert = !t->pers->native_ok;   /* the guest convention differs from rax */
        if (e && e->exit) {
            e->exit(t, sc);
            convert = true;
        }
        if (n->args_changed || n->nr_changed) {
            /* the guest sees its own argument registers again, as after a real call */
            for (int i = 0; i < 6; i++)
                *arg_reg(r, i) = sc->args[i];
            tracee_regs_changed(t);
        }
        if (convert)
            t->pers->set_result(t, sc->ret, sc->ret2);
    }
    if (n->traced)
        trace_syscall_exit(sv.cfg->trace, t);
    t->exec_pending = false;
    n->args_changed = n->nr_changed = n->exec_done = n->traced = false;
}
