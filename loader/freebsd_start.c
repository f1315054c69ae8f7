/* FreeBSD process start through ptrace.  See freebsd_start.h. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "abi/freebsd/sysctl.h"
#include "loader/auxv.h"
#include "loader/elf.h"
#include "loader/freebsd_start.h"
#include "tracer/tracee.h"

#define ET_DYN_TYPE 3

uint32_t fbsd_host_ncpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (uint32_t)n : 1;
}

/* /proc/PID/... through procfs_open: the tracer may run in a PID namespace
 * whose proc is mounted inside the guest's root only (non-root runs), where
 * the host's /proc/PID is another process or none. */
int fbsd_proc_exe_path(pid_t pid, char *buf, size_t cap)
{
    char exe[PATH_MAX], root[PATH_MAX];
    int dir = procfs_open(pid, ".", O_PATH | O_DIRECTORY);
    if (dir < 0)
        return -errno;
    ssize_t n = readlinkat(dir, "exe", exe, sizeof exe - 1);
    ssize_t r = n < 0 ? -1 : readlinkat(dir, "root", root, sizeof root - 1);
    int err = errno;
    close(dir);
    if (n < 0 || r < 0)
        return -err;
    exe[n] = 0;
    root[r] = 0;
    const char *p = exe;
    /* Strip the guest's root when the executable lies beneath it. */
    if (strcmp(root, "/") != 0 && strncmp(exe, root, (size_t)r) == 0 && exe[r] == '/')
        p = exe + r;
    if (strlen(p) + 1 > cap)
        return -ENAMETOOLONG;
    strcpy(buf, p);
    return 0;
}

/* The [lo, hi) of the mapping of pid that holds addr. */
static int find_vma(pid_t pid, uint64_t addr, uint64_t *lo, uint64_t *hi)
{
    char line[512];
    int fd = procfs_open(pid, "maps", O_RDONLY);
    FILE *f = fd < 0 ? NULL : fdopen(fd, "re");
    if (!f) {
        int err = errno;
        if (fd >= 0)
            close(fd);
        return -err;
    }
    int ret = -ENOENT;
    while (fgets(line, sizeof line, f)) {
        uint64_t a, b;
        if (sscanf(line, "%" SCNx64 "-%" SCNx64, &a, &b) == 2 && a <= addr && addr < b) {
            *lo = a;
            *hi = b;
            ret = 0;
            break;
        }
    }
    fclose(f);
    return ret;
}

/* mm->start_stack: field 28 of /proc/PID/stat, the Linux initial stack pointer. */
static int start_stack(pid_t pid, uint64_t *out)
{
    char buf[2048];
    int fd = procfs_open(pid, "stat", O_RDONLY);
    if (fd < 0)
        return -errno;
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0)
        return -EIO;
    buf[n] = 0;
    char *p = strrchr(buf, ')');      /* comm may hold spaces */
    if (!p)
        return -EIO;
    /* After ")": field 3 (state) ... field 28 (startstack). */
    int field = 2;
    for (char *tok = strtok(p + 1, " "); tok; tok = strtok(NULL, " ")) {
        if (++field == 28) {
            *out = strtoull(tok, NULL, 10);
            return 0;
        }
    }
    return -EIO;
}

int fbsd_proc_stack(pid_t pid, uint64_t *usrstack, uint64_t *ps_strings)
{
    uint64_t ss, lo, hi;
    int r = start_stack(pid, &ss);
    if (r < 0)
        return r;
    if ((r = find_vma(pid, ss, &lo, &hi)) < 0)
        return r;
    *usrstack = hi;
    *ps_strings = (ss & ~(uint64_t)15) - FB_PS_STRINGS_BELOW_SP;
    return 0;
}

/* Reads Linux's vectors from sp, growing the read until they are complete. */
static int read_linux_stack(struct tracee *t, uint64_t sp, uint64_t hi,
                            uint64_t **words, struct lx_stack *st)
{
    size_t avail = (hi - sp) / 8, n = 512;
    for (;;) {
        if (n > avail)
            n = avail;
        uint64_t *w = malloc(n * 8);
        if (!w)
            return -ENOMEM;
        int r = guest_read(t, sp, w, n * 8);
        if (r == 0)
            r = lx_stack_parse(w, n, sp, st);
        if (r == 0) {
            *words = w;
            return 0;
        }
        free(w);
        if (r != -ENOSPC || n == avail)
            return r == -ENOSPC ? -EINVAL : r;
        n *= 4;
    }
}

static void program_facts(pid_t pid, struct fb_start_in *in)
{
    char err[128];
    struct elf_info info;
    int fd = procfs_open(pid, "exe", O_RDONLY);
    if (fd < 0)
        return;
    if (elf_inspect_fd(fd, &info, err, sizeof err) == 0) {
        in->et_dyn = info.type == ET_DYN_TYPE;
        in->phoff = info.phoff;
    }
    close(fd);
}

int freebsd_on_exec(struct tracee *t)
{
    struct user_regs_struct *regs = tracee_regs(t);
    if (!regs)
        return -ESRCH;
    uint64_t sp = regs->rsp, lo, hi;
    int r = find_vma(t->tid, sp, &lo, &hi);
    if (r < 0)
        return r;

    uint64_t *w = NULL;
    struct lx_stack st;
    if ((r = read_linux_stack(t, sp, hi, &w, &st)) < 0)
        return r;

    char execpath[PATH_MAX];
    if (fbsd_proc_exe_path(t->tid, execpath, sizeof execpath) < 0) {
        /* Fall back to what execve was given (AT_EXECFN). */
        uint64_t fn = 0;
        execpath[0] = 0;
        if (lx_auxv_get(&st.aux, LX_AT_EXECFN, &fn) &&
            guest_read_str(t, fn, execpath, sizeof execpath) < 0)
            execpath[0] = 0;
    }
    uint8_t canary[FB_CANARY_LEN];
    if (getrandom(canary, sizeof canary, 0) != (ssize_t)sizeof canary) {
        free(w);
        return -EIO;
    }
    struct fb_start_in in = {
        .top = sp & ~(uint64_t)15,
        .argc = st.argc, .envc = st.envc,
        .argv = w + 1, .envv = w + 1 + st.argc + 1,
        .lx = &st.aux,
        .execpath = execpath,
        .canary = canary,
        .osreldate = FBSD_OSRELDATE,
        .ncpus = fbsd_host_ncpus(),
        .ehdr_flags = 0,    /* x86-64 defines no e_flags */
        .bsdflags = 0,      /* no ELF_BSDF_SIGFASTBLK: libthr uses sigprocmask */
    };
    program_facts(t->tid, &in);
    struct fb_start_out out;
    r = fb_start_build(&in, &out);
    free(w);
    if (r < 0)
        return r;
    /* The image must lie in the stack mapping: writes below it would not grow it. */
    if (out.addr < lo) {
        free(out.image);
        return -E2BIG;
    }
    r = guest_write(t, out.addr, out.image, out.len);
    free(out.image);
    if (r < 0)
        return r;
    regs->rsp = out.rsp;
    regs->rdi = out.argc_addr;
    tracee_regs_changed(t);
    return 0;
}
