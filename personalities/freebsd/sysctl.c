/* __sysctl and __sysctlbyname: fetch the request from guest memory, answer it
 * from abi/freebsd/sysctl.c's tree with host facts, copy the value out as
 * FreeBSD's userland_sysctl does (oldp NULL: size query; a short buffer gets
 * what fits and ENOMEM). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/statfs.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include "abi/freebsd/errno.h"
#include "abi/freebsd/statfs.h"
#include "abi/freebsd/sysctl.h"
#include "abi/freebsd/vfsconf.h"
#include "loader/freebsd_start.h"
#include "personalities/freebsd/fsinfo.h"
#include "personalities/freebsd/sysctl.h"
#include "tracer/tracee.h"

#define MAX_NEW 1024      /* FreeBSD's MAXPATHLEN: the longest name2oid input */

static void host_facts(struct fbsd_sysctl_facts *f)
{
    struct utsname u;
    if (uname(&u) == 0) {
        snprintf(f->hostname, sizeof f->hostname, "%s", u.nodename);
        /* Linux says "(none)" where FreeBSD has an empty domain name. */
        if (strcmp(u.domainname, "(none)") != 0)
            snprintf(f->domainname, sizeof f->domainname, "%s", u.domainname);
    }
    f->ncpu = fbsd_host_ncpus();
    struct sysinfo si;
    if (sysinfo(&si) == 0)
        f->physmem = (uint64_t)si.totalram * si.mem_unit;
    struct timespec now, up;
    clock_gettime(CLOCK_REALTIME, &now);
    clock_gettime(CLOCK_BOOTTIME, &up);
    int64_t ns = (now.tv_sec - up.tv_sec) * 1000000000ll + (now.tv_nsec - up.tv_nsec);
    f->boottime.tv_sec = ns / 1000000000ll;
    f->boottime.tv_usec = (ns % 1000000000ll) / 1000;
}

static void cpu_facts(struct fbsd_sysctl_facts *f)
{
    snprintf(f->model, sizeof f->model, "Unknown x86-64 CPU");
    int cfd = procfs_open_at("cpuinfo", O_RDONLY);
    FILE *c = cfd < 0 ? NULL : fdopen(cfd, "re");
    if (!c) {
        if (cfd >= 0)
            close(cfd);
        return;
    }
    char line[512];
    while (fgets(line, sizeof line, c)) {
        char *colon = strchr(line, ':');
        if (strncmp(line, "model name", 10) == 0 && colon) {
            char *v = colon + 1 + (colon[1] == ' ');
            v[strcspn(v, "\n")] = 0;
            snprintf(f->model, sizeof f->model, "%s", v);
            break;
        }
    }
    fclose(c);
}

/* vfs.conflist's refcounts: the guest's mounts per type, as getfsstat lists
 * them (the root's file system counts even when mountinfo does not list it). */
static void mount_facts(struct tracee *t, struct fbsd_sysctl_facts *f)
{
    struct fbsd_mounts m;
    if (fbsd_mounts_read(t, &m) < 0)
        return;
    for (size_t i = 0; i < m.n; i++)
        f->vfs_refcount[fbsd_vfs_from_linux(m.v[i].fstype)]++;
    if (!fbsd_mounts_root(&m)) {
        int fd = procfs_open(t->tid, "root", O_PATH | O_DIRECTORY);
        struct statfs sfs;
        if (fd >= 0 && fstatfs(fd, &sfs) == 0) {
            int i = fbsd_vfs_find(fbsd_fstypename_from_magic((uint64_t)sfs.f_type, NULL));
            if (i >= 0)
                f->vfs_refcount[i]++;
        }
        if (fd >= 0)
            close(fd);
    }
    fbsd_mounts_free(&m);
}

static void gather(struct tracee *t, unsigned needs, long arg, struct fbsd_sysctl_facts *f)
{
    if (needs & FBSD_SYSF_HOST)
        host_facts(f);
    if (needs & FBSD_SYSF_CPU)
        cpu_facts(f);
    if ((needs & FBSD_SYSF_PROC) && fbsd_proc_stack(t->tgid, &f->usrstack, &f->ps_strings) < 0)
        f->usrstack = f->ps_strings = 0;
    if (needs & FBSD_SYSF_MOUNTS)
        mount_facts(t, f);
    if (needs & FBSD_SYSF_PATH) {
        pid_t pid = arg == -1 ? t->tgid : (pid_t)arg;
        if (fbsd_proc_exe_path(pid, f->pathname, sizeof f->pathname) < 0)
            f->pathname_err = FBSD_ESRCH;
    }
}

/* The common part once the name is an OID: answers and copies out.  Returns
 * 0 or -host errno. */
static long do_sysctl(struct tracee *t, const int *name, unsigned namelen, uint64_t oldp,
                      uint64_t oldlenp, uint64_t newp, uint64_t newlen)
{
    char newbuf[MAX_NEW];
    char val[4096];
    uint64_t oldlen = 0;
    if (oldlenp && guest_read(t, oldlenp, &oldlen, sizeof oldlen) < 0)
        return -EFAULT;
    struct fbsd_sysctl_req r = { .name = name, .namelen = namelen, .oldwant = oldlen };
    if (newp) {
        /* Only name2oid reads new data; every other write is refused (EPERM)
         * without looking at it. */
        size_t n = newlen < MAX_NEW ? newlen : MAX_NEW;
        if (guest_read(t, newp, newbuf, n) < 0)
            return -EFAULT;
        r.newp = newbuf;
        r.newlen = newlen;
    }
    long arg;
    unsigned needs = fbsd_sysctl_needs(&r, &arg);
    struct fbsd_sysctl_facts f;
    memset(&f, 0, sizeof f);
    gather(t, needs, arg, &f);
    long len = fbsd_sysctl_answer(&r, &f, val, sizeof val);
    if (len < 0)
        return -fbsd_errno_to_linux((int)-len);
    if ((size_t)len > sizeof val)
        return -ENOMEM;
    uint64_t out = (uint64_t)len;
    long ret = 0;
    if (oldp) {
        if (out > oldlen) {
            out = oldlen;
            ret = -ENOMEM;
        }
        if (guest_write(t, oldp, val, out) < 0)
            return -EFAULT;
    }
    if (oldlenp && guest_write(t, oldlenp, &out, sizeof out) < 0)
        return -EFAULT;
    return ret;
}

enum sys_action fbsd_sys___sysctl(struct tracee *t, struct sysc *sc)
{
    unsigned namelen = (unsigned)sc->args[1];
    int name[FBSD_CTL_MAXNAME];
    if (namelen < 2 || namelen > FBSD_CTL_MAXNAME)
        sc->ret = -EINVAL;
    else if (guest_read(t, sc->args[0], name, namelen * sizeof(int)) < 0)
        sc->ret = -EFAULT;
    else
        sc->ret = do_sysctl(t, name, namelen, sc->args[2], sc->args[3], sc->args[4], sc->args[5]);
    return SYS_DONE;
}

enum sys_action fbsd_sys___sysctlbyname(struct tracee *t, struct sysc *sc)
{
    char sname[MAX_NEW + 1];
    uint64_t namelen = sc->args[1];
    int oid[FBSD_CTL_MAXNAME];
    int n;
    /* kern___sysctlbyname: the name is namelen bytes, not NUL-terminated. */
    if (namelen == 0 || namelen > MAX_NEW) {
        sc->ret = -EINVAL;
    } else if (guest_read(t, sc->args[0], sname, namelen) < 0) {
        sc->ret = -EFAULT;
    } else {
        sname[namelen] = 0;
        n = fbsd_sysctl_name2oid(sname, oid, FBSD_CTL_MAXNAME);
        if (n < 0)
            sc->ret = -fbsd_errno_to_linux(-n);
        else
            sc->ret = do_sysctl(t, oid, (unsigned)n, sc->args[2], sc->args[3],
                                sc->args[4], sc->args[5]);
    }
    return SYS_DONE;
}
