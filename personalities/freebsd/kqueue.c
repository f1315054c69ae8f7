/* kqueue/kqueuex, and the per-process kqueue table: lookup, knotes, helper
 * registrations, close hooks, fork/exec/free (design: kqueue.h). */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <linux/kcmp.h>
#include "personalities/freebsd/kqueue.h"
#include "personalities/freebsd/pstate.h"
#include "personalities/freebsd/sysnum.h"
#include "tracer/tracee.h"

struct fbsd_kqset *fbsd_kqset(struct tracee *t)
{
    struct fbsd_pstate *ps = fbsd_pstate(t);
    if (!ps)
        return NULL;
    if (!ps->kq) {
        ps->kq = calloc(1, sizeof *ps->kq);
        if (ps->kq)
            ps->kq->pidfd = -1;
    }
    return ps->kq;
}

static int set_pidfd(struct tracee *t, struct fbsd_kqset *set)
{
    if (set->pidfd < 0)
        set->pidfd = (int)syscall(SYS_pidfd_open, t->tgid, 0);
    return set->pidfd;
}

int fbsd_kq_borrow(struct tracee *t, int gfd)
{
    struct fbsd_kqset *set = fbsd_kqset(t);
    if (gfd < 0 || !set)
        return -EBADF;
    if (set_pidfd(t, set) < 0)
        return -errno;
    int r = (int)syscall(SYS_pidfd_getfd, set->pidfd, gfd, 0);
    return r < 0 ? -errno : r;
}

/* Whether the guest's gfd is still the epoll the supervisor holds as sfd. */
static bool same_file(struct tracee *t, const struct fbsd_kq *kq)
{
    long r = syscall(SYS_kcmp, t->tgid, getpid(), KCMP_FILE, kq->gfd, kq->sfd);
    return r == 0;
}

static bool same_file_at(struct tracee *t, const struct fbsd_kq *kq, int gfd)
{
    return gfd >= 0 && syscall(SYS_kcmp, t->tgid, getpid(), KCMP_FILE, gfd, kq->sfd) == 0;
}

/* By number first; else another number for the same epoll (dup, or the first
 * number closed): the kqueue is then known by that number. */
struct fbsd_kq *fbsd_kq_find(struct tracee *t, int gfd)
{
    struct fbsd_pstate *ps = fbsd_pstate(t);
    if (!ps || !ps->kq || gfd < 0)
        return NULL;
    for (struct fbsd_kq *kq = ps->kq->head; kq; kq = kq->next)
        if (kq->gfd == gfd) {
            if (same_file(t, kq))
                return kq;
            kq->gfd = -1;       /* the number was closed and reused behind our back */
            break;
        }
    for (struct fbsd_kq *kq = ps->kq->head; kq; kq = kq->next)
        if (kq->gfd != gfd && same_file_at(t, kq, gfd)) {
            kq->gfd = gfd;
            return kq;
        }
    return NULL;
}

/* Kqueues whose every guest descriptor is gone (gfd -1 and no descriptor of the
 * process is that epoll any more) are freed: checked when a kqueue is made. */
static void collect_orphans(struct tracee *t, struct fbsd_kqset *set)
{
    bool any = false;
    for (struct fbsd_kq *kq = set->head; kq; kq = kq->next)
        any |= kq->gfd < 0;
    if (!any)
        return;
    int dfd = procfs_open(t->tgid, "fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        return;
    }
    int *fds = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            int *nf = realloc(fds, cap * sizeof *nf);
            if (!nf)
                break;
            fds = nf;
        }
        fds[n++] = atoi(e->d_name);
    }
    closedir(d);
    struct fbsd_kq *next;
    for (struct fbsd_kq *kq = set->head; kq; kq = next) {
        next = kq->next;
        if (kq->gfd >= 0)
            continue;
        bool held = false;
        for (size_t i = 0; i < n && !held; i++)
            if (same_file_at(t, kq, fds[i])) {
                kq->gfd = fds[i];
                held = true;
            }
        if (!held)
            fbsd_kq_drop(set, kq);
    }
    free(fds);
}

struct fbsd_knote *fbsd_kq_knote(struct fbsd_kq *kq, uint64_t ident, int filter)
{
    for (size_t i = 0; i < kq->nkn; i++)
        if (kq->kn[i].kev.ident == ident && kq->kn[i].kev.filter == filter)
            return &kq->kn[i];
    return NULL;
}

struct fbsd_knote *fbsd_kq_knote_by_id(struct fbsd_kq *kq, uint64_t id)
{
    for (size_t i = 0; i < kq->nkn; i++)
        if (kq->kn[i].id == id)
            return &kq->kn[i];
    return NULL;
}

struct fbsd_knote *fbsd_kq_knote_new(struct fbsd_kq *kq, const struct fbsd_kevent *chg)
{
    if (kq->nkn == kq->capkn) {
        size_t cap = kq->capkn ? kq->capkn * 2 : 8;
        struct fbsd_knote *n = realloc(kq->kn, cap * sizeof *n);
        if (!n)
            return NULL;
        kq->kn = n;
        kq->capkn = cap;
    }
    struct fbsd_knote *kn = &kq->kn[kq->nkn++];
    *kn = (struct fbsd_knote){ .id = ++kq->next_id, .kev = *chg, .enabled = true, .helper = -1 };
    return kn;
}

/* Removes kn from the table (its filter's detach has run). */
static void knote_remove(struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    size_t i = (size_t)(kn - kq->kn);
    kq->kn[i] = kq->kn[--kq->nkn];
}

const struct fbsd_kq_filter *fbsd_kq_filter_of(int filter)
{
    static const struct fbsd_kq_filter *const all[] = {
        &fbsd_kq_filter_read, &fbsd_kq_filter_write, &fbsd_kq_filter_timer,
        &fbsd_kq_filter_proc, &fbsd_kq_filter_signal, &fbsd_kq_filter_user,
        &fbsd_kq_filter_vnode,
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i]->filter == filter)
            return all[i];
    return NULL;
}

void fbsd_kq_knote_drop(struct tracee *t, struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    const struct fbsd_kq_filter *f = fbsd_kq_filter_of(kn->kev.filter);
    if (f && f->detach)
        f->detach(t, kq, kn);
    fbsd_kq_helper_close(kq, kn);
    knote_remove(kq, kn);
}

int fbsd_kq_helper_add(struct fbsd_kq *kq, struct fbsd_knote *kn, uint32_t events)
{
    struct epoll_event ev = { .events = kn->enabled ? events : 0, .data.u64 = KQ_TAG_KN | kn->id };
    return epoll_ctl(kq->sfd, EPOLL_CTL_ADD, kn->helper, &ev) < 0 ? -errno : 0;
}

int fbsd_kq_helper_arm(struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    if (kn->helper < 0)
        return 0;
    struct epoll_event ev = { .events = kn->enabled ? EPOLLIN : 0, .data.u64 = KQ_TAG_KN | kn->id };
    return epoll_ctl(kq->sfd, EPOLL_CTL_MOD, kn->helper, &ev) < 0 ? -errno : 0;
}

void fbsd_kq_helper_close(struct fbsd_kq *kq, struct fbsd_knote *kn)
{
    if (kn->helper < 0)
        return;
    epoll_ctl(kq->sfd, EPOLL_CTL_DEL, kn->helper, NULL);
    close(kn->helper);
    kn->helper = -1;
}

void fbsd_kq_pend(struct fbsd_kq *kq, const struct fbsd_kevent *ev)
{
    if (kq->npend == kq->cappend) {
        size_t cap = kq->cappend ? kq->cappend * 2 : 8;
        struct fbsd_kevent *n = realloc(kq->pend, cap * sizeof *n);
        if (!n)
            return;     /* out of memory: the event is lost */
        kq->pend = n;
        kq->cappend = cap;
    }
    kq->pend[kq->npend++] = *ev;
}

/* Frees kq's supervisor side (the guest's epoll descriptor is the guest's). */
static void kq_free(struct fbsd_kq *kq)
{
    for (size_t i = 0; i < kq->nkn; i++)
        if (kq->kn[i].helper >= 0)
            close(kq->kn[i].helper);
    if (kq->sfd >= 0)
        close(kq->sfd);
    free(kq->kn);
    free(kq->io);
    free(kq->pend);
    free(kq);
}

void fbsd_kq_drop(struct fbsd_kqset *set, struct fbsd_kq *kq)
{
    for (struct fbsd_kq **p = &set->head; *p; p = &(*p)->next)
        if (*p == kq) {
            *p = kq->next;
            kq_free(kq);
            return;
        }
}

/* The child's copies of its parent's kqueue descriptors: closed at its first
 * kqueue call (see kqueue.h). */
void fbsd_kq_close_stale(struct tracee *t, struct fbsd_kqset *set)
{
    for (size_t i = 0; i < set->nstale; i++) {
        uint64_t a[6] = { (uint64_t)set->stale[i] };
        guest_syscall(t, __NR_close, a);
    }
    free(set->stale);
    set->stale = NULL;
    set->nstale = 0;
}

/* kqueue(void), kqueuex(u_int flags): an epoll descriptor in the guest. */
enum sys_action fbsd_sys_kqueue(struct tracee *t, struct sysc *sc)
{
    uint32_t flags = sc->nr == FBSD_SYS_kqueuex ? (uint32_t)sc->args[0] : 0;
    if (flags & ~FBSD_KQUEUE_CLOEXEC) {
        sc->ret = -EINVAL;
        return SYS_DONE;
    }
    struct fbsd_kqset *set = fbsd_kqset(t);
    if (!set) {
        sc->ret = -ENOMEM;
        return SYS_DONE;
    }
    if (set->nstale)
        fbsd_kq_close_stale(t, set);
    collect_orphans(t, set);
    sc->save[0] = flags;
    sysc_set_host_nr(t, __NR_epoll_create1);
    sysc_set_arg(t, 0, (flags & FBSD_KQUEUE_CLOEXEC) ? EPOLL_CLOEXEC : 0);
    return SYS_PASS;
}

void fbsd_sys_kqueue_exit(struct tracee *t, struct sysc *sc)
{
    if (sc->ret < 0)
        return;
    int gfd = (int)sc->ret;
    struct fbsd_kqset *set = fbsd_kqset(t);
    struct fbsd_kq *kq = calloc(1, sizeof *kq);
    int sfd = set && kq ? fbsd_kq_borrow(t, gfd) : -ENOMEM;
    if (sfd < 0) {
        /* the guest has a plain epoll it cannot use as a kqueue: leave it closed */
        free(kq);
        sc->ret = sfd;
        return;     /* (the descriptor leaks in the guest: only on ENOMEM/EMFILE here) */
    }
    kq->gfd = gfd;
    kq->sfd = sfd;
    kq->cloexec = sc->save[0] & FBSD_KQUEUE_CLOEXEC;
    /* a previous kqueue at this number was closed in a way no hook saw */
    for (struct fbsd_kq *o = set->head; o; o = o->next)
        if (o->gfd == gfd)
            o->gfd = -1;
    kq->next = set->head;
    set->head = kq;
}

void fbsd_kq_fd_closed(struct tracee *t, int lo, int hi)
{
    struct fbsd_pstate *ps = t->pstate;
    if (!ps || !ps->kq)
        return;
    struct fbsd_kqset *set = ps->kq;
    for (size_t i = 0; i < set->nstale; i++)
        if (set->stale[i] >= lo && set->stale[i] <= hi)
            set->stale[i--] = set->stale[--set->nstale];
    struct fbsd_kq *next;
    for (struct fbsd_kq *kq = set->head; kq; kq = next) {
        next = kq->next;
        if (kq->gfd >= lo && kq->gfd <= hi) {
            /* A dup of it may still be open: it is found again by kcmp, or freed
             * at the next kqueue() when no descriptor holds it. */
            kq->gfd = -1;
            continue;
        }
        for (size_t i = 0; i < kq->nkn; ) {
            struct fbsd_knote *kn = &kq->kn[i];
            const struct fbsd_kq_filter *f = fbsd_kq_filter_of(kn->kev.filter);
            if (f && f->isfd && kn->kev.ident >= (uint64_t)lo && kn->kev.ident <= (uint64_t)hi) {
                fbsd_kq_knote_drop(t, kq, kn);   /* the last one moved to i */
                continue;
            }
            i++;
        }
        for (size_t i = 0; i < kq->nio; ) {
            if (kq->io[i].fd >= lo && kq->io[i].fd <= hi) {
                fbsd_kq_io_forget(t, kq, kq->io[i].fd, true);
                continue;
            }
            i++;
        }
    }
}

/* close(fd) */
enum sys_action fbsd_sys_close(struct tracee *t, struct sysc *sc)
{
    int fd = (int)sc->args[0];
    if (fd >= 0)
        fbsd_kq_fd_closed(t, fd, fd);
    sysc_set_host_nr(t, __NR_close);
    return SYS_PASS;
}

/* dup2(from, to): to is closed first unless it is from. */
enum sys_action fbsd_sys_dup2(struct tracee *t, struct sysc *sc)
{
    int from = (int)sc->args[0], to = (int)sc->args[1];
    if (to >= 0 && to != from) {
        int b = fbsd_kq_borrow(t, from);    /* only when from is open, as dup2 */
        if (b >= 0) {
            close(b);
            fbsd_kq_fd_closed(t, to, to);
        }
    }
    sysc_set_host_nr(t, __NR_dup2);
    return SYS_PASS;
}

struct fbsd_kqset *fbsd_kq_fork(const struct fbsd_kqset *parent)
{
    if (!parent || !parent->head)
        return NULL;
    struct fbsd_kqset *set = calloc(1, sizeof *set);
    if (!set)
        return NULL;
    set->pidfd = -1;
    size_t n = 0;
    for (const struct fbsd_kq *kq = parent->head; kq; kq = kq->next)
        n++;
    set->stale = calloc(n + parent->nstale, sizeof *set->stale);
    if (!set->stale)
        return set;
    for (const struct fbsd_kq *kq = parent->head; kq; kq = kq->next)
        set->stale[set->nstale++] = kq->gfd;
    for (size_t i = 0; i < parent->nstale; i++)
        set->stale[set->nstale++] = parent->stale[i];
    return set;
}

void fbsd_kq_exec(struct tracee *t, struct fbsd_kqset *set)
{
    if (!set)
        return;
    struct fbsd_kq *next;
    for (struct fbsd_kq *kq = set->head; kq; kq = next) {
        next = kq->next;
        if (!same_file(t, kq))
            kq->gfd = -1;
    }
    collect_orphans(t, set);
    /* inherited copies that exec closed are not ours to close any more */
    for (size_t i = 0; i < set->nstale; i++) {
        int fl = -1;
        int b = fbsd_kq_borrow(t, set->stale[i]);
        if (b >= 0) {
            fl = 0;
            close(b);
        }
        if (fl < 0)
            set->stale[i--] = set->stale[--set->nstale];
    }
}

void fbsd_kq_free(struct fbsd_kqset *set)
{
    if (!set)
        return;
    while (set->head) {
        struct fbsd_kq *kq = set->head;
        set->head = kq->next;
        kq_free(kq);
    }
    if (set->pidfd >= 0)
        close(set->pidfd);
    free(set->stale);
    free(set);
}
