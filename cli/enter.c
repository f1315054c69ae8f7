/* Namespaces, mounts, chroot and the guest's process.
 *
 * As root:   unshare(NEWNS[|NEWNET]) here, make "/" private, mount, fork the guest.
 * Not root:  unshare(NEWUSER|NEWNS[|NEWNET]) here, map our ids, unshare(NEWPID), fork
 *            C (pid 1 of the new PID namespace) which mounts a fresh /proc and the
 *            rest and then does what lsl2 does as root; lsl2 waits for C.
 * Mounts exist only in the private namespace and disappear with it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli/enter.h"
#include "cli/report.h"
#include "cli/rootfs.h"

/* ---- planning (before anything is changed) ---- */

static int add_mount(struct enter_plan *p, int kind, const char *src, const char *guest,
                     bool ro, char *err, size_t errlen)
{
    struct mount_step *m = realloc(p->mounts, (p->nmounts + 1) * sizeof *m);
    if (!m) {
        snprintf(err, errlen, "out of memory");
        return 125;
    }
    p->mounts = m;
    m = &p->mounts[p->nmounts];
    memset(m, 0, sizeof *m);
    m->kind = kind;
    m->ro = ro;
    snprintf(m->src, sizeof m->src, "%s", src ? src : "");
    snprintf(m->guest, sizeof m->guest, "%s", guest);
    if (rootfs_host_path(p->root, guest, m->dst, sizeof m->dst) < 0) {
        snprintf(err, errlen, "mount target %s: %s", guest, strerror(ENAMETOOLONG));
        return 125;
    }
    p->nmounts++;
    return 0;
}

/* The guest path `want` resolved inside the rootfs, if it is of the wanted type. */
static bool guest_has(const struct enter_plan *p, const char *want, mode_t type,
                      char *resolved, size_t len)
{
    char host[PATH_MAX];
    struct stat st;
    return rootfs_resolve(p->root, "/", want, resolved, len) == 0 &&
           rootfs_host_path(p->root, resolved, host, sizeof host) == 0 &&
           stat(host, &st) == 0 && (st.st_mode & S_IFMT) == type;
}

int enter_plan_mounts(struct enter_plan *p, const struct options *o, char *err, size_t errlen)
{
    static const struct { const char *dir; bool ro; } std[] = {
        { "/proc", false }, { "/dev", false }, { "/sys", true },
    };
    char g[PATH_MAX];
    struct stat st;
    int r;

    if (p->chroot) {
        for (size_t i = 0; i < sizeof std / sizeof std[0]; i++) {
            if (!guest_has(p, std[i].dir, S_IFDIR, g, sizeof g)) {
                report_step("%s: not a directory in the guest, not mounted", std[i].dir);
                continue;
            }
            bool proc = strcmp(std[i].dir, "/proc") == 0;
            if ((r = add_mount(p, proc ? MOUNT_PROC : MOUNT_BIND, std[i].dir, g, std[i].ro,
                               err, errlen)) != 0)
                return r;
        }
        if (stat("/etc/resolv.conf", &st) == 0 && S_ISREG(st.st_mode) &&
            guest_has(p, "/etc/resolv.conf", S_IFREG, g, sizeof g) &&
            (r = add_mount(p, MOUNT_BIND, "/etc/resolv.conf", g, true, err, errlen)) != 0)
            return r;
    }
    for (size_t i = 0; i < o->nbinds; i++) {
        const struct bind *b = &o->binds[i];
        char host[PATH_MAX], hostres[PATH_MAX];
        struct stat hs, gs;
        if (stat(b->host, &hs) < 0 || !realpath(b->host, hostres)) {
            snprintf(err, errlen, "--bind %s: %s on the host", b->host, strerror(errno));
            return 125;
        }
        r = rootfs_resolve(p->root, "/", b->guest, g, sizeof g);
        if (r == 0)
            r = rootfs_host_path(p->root, g, host, sizeof host);   /* 0 or -ENAMETOOLONG */
        if (r == 0 && stat(host, &gs) < 0)
            r = -errno;
        if (r < 0) {
            /* lsl2 never creates anything in the rootfs: the target must exist. */
            snprintf(err, errlen, "--bind %s: target %s: %s in rootfs %s", b->host, b->guest,
                     r == -ENOENT ? "not found" : strerror(-r), p->root);
            return 125;
        }
        if (S_ISDIR(hs.st_mode) != S_ISDIR(gs.st_mode)) {
            snprintf(err, errlen, "--bind %s: target %s is %sa directory and the source %s",
                     b->host, b->guest, S_ISDIR(gs.st_mode) ? "" : "not ",
                     S_ISDIR(hs.st_mode) ? "is" : "is not");
            return 125;
        }
        if ((r = add_mount(p, MOUNT_BIND, hostres, g, b->ro, err, errlen)) != 0)
            return r;
    }
    return 0;
}

/* ---- setting up (inside the new namespaces) ---- */

/* A read-only remount must keep the flags the kernel locked on the original mount
 * (nosuid, nodev, noexec...), or a user namespace refuses it with EPERM. */
static int remount_ro(const char *dst)
{
    struct statvfs sv;
    unsigned long fl = MS_REMOUNT | MS_BIND | MS_RDONLY;
    if (statvfs(dst, &sv) == 0) {
        if (sv.f_flag & ST_NOSUID)     fl |= MS_NOSUID;
        if (sv.f_flag & ST_NODEV)      fl |= MS_NODEV;
        if (sv.f_flag & ST_NOEXEC)     fl |= MS_NOEXEC;
        if (sv.f_flag & ST_NOATIME)    fl |= MS_NOATIME;
        if (sv.f_flag & ST_NODIRATIME) fl |= MS_NODIRATIME;
        if (sv.f_flag & ST_RELATIME)   fl |= MS_RELATIME;
    }
    return mount(NULL, dst, NULL, fl, NULL);
}

static int do_mount(const struct mount_step *m, bool fresh_proc)
{
    if (m->kind == MOUNT_PROC && fresh_proc) {
        report_step("mount proc → %s", m->dst);
        if (mount("proc", m->dst, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) == 0)
            return 0;
        /* Some sandboxes hide parts of the host's /proc, and the kernel then refuses a
         * new proc instance; the host's /proc still serves (with host pids). */
        report_step("mount proc → %s: %s; binding the host's /proc instead", m->dst, strerror(errno));
    }
    report_step("mount --rbind %s → %s%s", m->kind == MOUNT_PROC ? "/proc" : m->src, m->dst,
                m->ro ? " (read-only)" : "");
    if (mount(m->kind == MOUNT_PROC ? "/proc" : m->src, m->dst, NULL, MS_BIND | MS_REC, NULL) < 0) {
        report_error("mount %s on %s: %s", m->kind == MOUNT_PROC ? "/proc" : m->src, m->guest,
                     strerror(errno));
        return -1;
    }
    if (m->ro && remount_ro(m->dst) < 0) {
        report_error("remount %s read-only: %s", m->guest, strerror(errno));
        return -1;
    }
    return 0;
}

static int loopback_up(void)
{
    int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    struct ifreq ifr;
    memset(&ifr, 0, sizeof ifr);
    snprintf(ifr.ifr_name, sizeof ifr.ifr_name, "lo");
    int r = s < 0 ? -1 : ioctl(s, SIOCGIFFLAGS, &ifr);
    if (r == 0) {
        ifr.ifr_flags |= IFF_UP | IFF_RUNNING;
        r = ioctl(s, SIOCSIFFLAGS, &ifr);
    }
    if (r < 0)
        report_error("bringing up lo in the new network namespace: %s", strerror(errno));
    else
        report_step("network namespace: lo up");
    if (s >= 0)
        close(s);
    return r;
}

static int setup_mounts(const struct enter_plan *p, bool fresh_proc)
{
    /* With nothing to mount (ROOTFS "/" without --bind) there is nothing to keep from
     * the host; skipping also lets lsl2 run in a plain chroot, whose "/" is no mount
     * point and cannot be made private (EINVAL). */
    report_step("mount --make-rprivate /");
    if (p->nmounts > 0 && mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
        report_error("making / private in the new mount namespace: %s", strerror(errno));
        return -1;
    }
    for (size_t i = 0; i < p->nmounts; i++)
        if (do_mount(&p->mounts[i], fresh_proc) < 0)
            return -1;
    if (p->no_network && loopback_up() < 0)
        return -1;
    return 0;
}

static int write_file(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    int e = errno;
    close(fd);
    errno = e;
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

static int map_ids(bool to_root, uid_t uid, gid_t gid)
{
    char line[64];
    if (write_file("/proc/self/setgroups", "deny") < 0 && errno != ENOENT) {
        report_error("user namespace: writing /proc/self/setgroups: %s", strerror(errno));
        return -1;
    }
    snprintf(line, sizeof line, "%u %u 1\n", to_root ? 0 : (unsigned)uid, (unsigned)uid);
    if (write_file("/proc/self/uid_map", line) < 0) {
        report_error("user namespace: writing uid_map: %s", strerror(errno));
        return -1;
    }
    snprintf(line, sizeof line, "%u %u 1\n", to_root ? 0 : (unsigned)gid, (unsigned)gid);
    if (write_file("/proc/self/gid_map", line) < 0) {
        report_error("user namespace: writing gid_map: %s", strerror(errno));
        return -1;
    }
    report_step("user namespace: uid %u → %u, gid %u → %u", (unsigned)uid,
                to_root ? 0 : (unsigned)uid, (unsigned)gid, to_root ? 0 : (unsigned)gid);
    return 0;
}

/* Names the kernel feature behind a failed unshare. */
static void unshare_failed(int flags)
{
    int e = errno;
    const char *what = (flags & CLONE_NEWUSER) ? "user namespaces"
                     : (flags & CLONE_NEWPID)  ? "PID namespaces"
                     : (flags & CLONE_NEWNET)  ? "mount or network namespaces"
                     :                           "mount namespaces";
    const char *hint = "";
    if ((flags & CLONE_NEWUSER) && (e == EPERM || e == ENOSPC || e == EACCES))
        hint = " (disabled? see sysctl user.max_user_namespaces, kernel.unprivileged_userns_clone"
               " and AppArmor's kernel.apparmor_restrict_unprivileged_userns)";
    else if (e == EINVAL)
        hint = " (kernel built without this namespace type?)";
    report_error("cannot create %s: %s%s", what, strerror(e), hint);
}

/* ---- running and supervising ---- */

static volatile sig_atomic_t forward_to;

static void forward(int sig)
{
    if (forward_to > 0)
        kill((pid_t)forward_to, sig);
}

static const int ignored_sigs[] = { SIGINT, SIGQUIT };
static const int forwarded_sigs[] = { SIGTERM, SIGHUP };
struct saved_sigs {
    struct sigaction ign[2], fwd[2];
    sigset_t mask;
};

/* Ctrl-C and Ctrl-\ are for the guest's foreground job; TERM and HUP sent to lsl2 go
 * on to the guest.  Forwarded signals stay blocked until the child's pid is known. */
static void take_signals(struct saved_sigs *s)
{
    struct sigaction sa;
    sigset_t block;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&block);
    for (int i = 0; i < 2; i++)
        sigaddset(&block, forwarded_sigs[i]);
    sigprocmask(SIG_BLOCK, &block, &s->mask);
    sa.sa_handler = SIG_IGN;
    for (int i = 0; i < 2; i++)
        sigaction(ignored_sigs[i], &sa, &s->ign[i]);
    sa.sa_handler = forward;
    sa.sa_flags = SA_RESTART;
    for (int i = 0; i < 2; i++)
        sigaction(forwarded_sigs[i], &sa, &s->fwd[i]);
}

/* In a child: back to what lsl2 was started with (an ignored signal stays ignored,
 * as it would for a program started directly). */
static void restore_signals(const struct saved_sigs *s)
{
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    for (int i = 0; i < 2; i++) {
        dfl.sa_handler = s->ign[i].sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL;
        sigaction(ignored_sigs[i], &dfl, NULL);
        dfl.sa_handler = s->fwd[i].sa_handler == SIG_IGN ? SIG_IGN : SIG_DFL;
        sigaction(forwarded_sigs[i], &dfl, NULL);
    }
    sigprocmask(SIG_SETMASK, &s->mask, NULL);
}

static int wait_status(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return 125;
}

/* Waits for `child`, reaping every orphan handed to us (subreaper or pid 1). */
static int wait_for(pid_t child)
{
    for (;;) {
        int st;
        pid_t w = waitpid(-1, &st, 0);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            report_error("waitpid: %s", strerror(errno));
            return 125;
        }
        if (w == child)
            return wait_status(st);
    }
}

static void __attribute__((noreturn)) guest_child(const struct enter_plan *p)
{
    if (p->chroot) {
        report_step("chroot %s", p->root);
        if (chroot(p->root) < 0) {
            report_error("chroot %s: %s", p->root, strerror(errno));
            _exit(125);
        }
    }
    report_step("chdir %s", p->workdir);
    if (chdir(p->workdir) < 0) {
        report_error("chdir %s in the guest: %s", p->workdir, strerror(errno));
        _exit(125);
    }
    report_step("exec %s%s", p->exec_path, p->traced ? " (traced)" : " (native, untraced)");
    if (p->traced) {
        int r = tracer_child_prepare(&p->tcfg);
        if (r < 0) {
            report_error("starting the tracer in the guest: %s", strerror(-r));
            _exit(125);
        }
    }
    execve(p->exec_path, p->argv, p->envp);
    int e = errno;
    report_error("execve %s: %s", p->exec_path, strerror(e));
    _exit(e == ENOENT ? 127 : 126);
}

/* Forks the guest and supervises it; returns its status. */
static int spawn_and_supervise(const struct enter_plan *p)
{
    struct saved_sigs s;
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0)
        report_step("PR_SET_CHILD_SUBREAPER: %s", strerror(errno));
    take_signals(&s);
    pid_t pid = fork();
    if (pid < 0) {
        report_error("fork: %s", strerror(errno));
        return 125;
    }
    if (pid == 0) {
        restore_signals(&s);
        guest_child(p);
    }
    forward_to = pid;
    sigprocmask(SIG_SETMASK, &s.mask, NULL);
    return p->traced ? tracer_run(pid, &p->tcfg) : wait_for(pid);
}

static int run_as_root(const struct enter_plan *p)
{
    /* ROOTFS "/" with nothing to mount or isolate (a container whose root is the
     * guest): no namespace is needed, and a container without CAP_SYS_ADMIN could
     * not create one. */
    if (!p->chroot && p->nmounts == 0 && !p->no_network) {
        report_step("ROOTFS /: no namespace needed");
        return spawn_and_supervise(p);
    }
    int flags = CLONE_NEWNS | (p->no_network ? CLONE_NEWNET : 0);
    report_step("unshare mount%s namespace", p->no_network ? " and network" : "");
    if (unshare(flags) < 0) {
        unshare_failed(flags);
        return 125;
    }
    if (setup_mounts(p, false) < 0)
        return 125;
    return spawn_and_supervise(p);
}

static int run_unprivileged(const struct enter_plan *p)
{
    uid_t uid = geteuid();
    gid_t gid = getegid();
    int flags = CLONE_NEWUSER | CLONE_NEWNS | (p->no_network ? CLONE_NEWNET : 0);
    report_step("unshare user, mount%s namespaces", p->no_network ? ", network" : "");
    if (unshare(flags) < 0) {
        unshare_failed(flags);
        return 125;
    }
    if (map_ids(p->map_root, uid, gid) < 0)
        return 125;
    if (!p->chroot) {
        /* ROOTFS "/": no /proc to mount, so no PID namespace is needed. */
        if (setup_mounts(p, false) < 0)
            return 125;
        return spawn_and_supervise(p);
    }
    /* clone(CLONE_NEWPID) as a fork, rather than unshare(CLONE_NEWPID) here: lsl2's
     * own later children (sanitizer helpers, anything forked after C is gone) must
     * not be created in a PID namespace whose init has exited. */
    report_step("new PID namespace");
    struct saved_sigs s;
    take_signals(&s);
    pid_t c = (pid_t)syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, NULL, NULL, NULL, NULL);
    if (c < 0) {
        if (errno == EINVAL || errno == EPERM || errno == ENOSPC || errno == EUSERS)
            unshare_failed(CLONE_NEWPID);
        else
            report_error("fork into a new PID namespace: %s", strerror(errno));
        return 125;
    }
    if (c == 0) {
        /* pid 1 of the new PID namespace: when it exits, the kernel kills the rest. */
        restore_signals(&s);
        if (setup_mounts(p, true) < 0)
            _exit(125);
        _exit(spawn_and_supervise(p));
    }
    forward_to = c;
    sigprocmask(SIG_SETMASK, &s.mask, NULL);
    return wait_for(c);
}

int enter_run(const struct enter_plan *p)
{
    return geteuid() == 0 ? run_as_root(p) : run_unprivileged(p);
}
