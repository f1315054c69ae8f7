/* FreeBSD's sysctl tree as lsl2 answers it.  See sysctl.h.  Types and formats
 * are those of the FreeBSD 13.2 kernel's SYSCTL_* declarations, so sysctl(8)
 * prints the values as on FreeBSD. */
#include <string.h>
#include <stdio.h>
#include <sys/random.h>
#include "abi/freebsd/sysctl.h"
#include "abi/freebsd/errno.h"

typedef long (*sysctl_get_fn)(const struct fbsd_sysctl_facts *f, size_t want,
                              void *buf, size_t cap);

struct fbsd_sysctl_ent {
    const char   *name;
    int           oid[3];
    uint8_t       oidlen;
    uint8_t       type;       /* FBSD_CTLTYPE_* */
    const char   *fmt;        /* as oidfmt reports it */
    uint8_t       needs;      /* FBSD_SYSF_* */
    bool          takes_arg;  /* a node with a handler: one more component (a pid) */
    int64_t       ival;       /* constant numbers */
    const char   *sval;       /* constant strings */
    sysctl_get_fn get;        /* computed values */
};

/* Copies a value of len bytes into buf as far as it fits; returns len. */
static long put(void *buf, size_t cap, const void *v, size_t len)
{
    memcpy(buf, v, len < cap ? len : cap);
    return (long)len;
}
static long put_str(void *buf, size_t cap, const char *s) { return put(buf, cap, s, strlen(s) + 1); }
static long put_ulong(void *buf, size_t cap, uint64_t v) { return put(buf, cap, &v, sizeof(v)); }
static long put_int(void *buf, size_t cap, int32_t v) { return put(buf, cap, &v, sizeof(v)); }

static long get_hostname(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_str(b, c, f->hostname); }
static long get_domainname(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_str(b, c, f->domainname); }
static long get_model(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_str(b, c, f->model); }
static long get_ncpu(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_int(b, c, (int32_t)f->ncpu); }
static long get_physmem(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_ulong(b, c, f->physmem); }
static long get_availpages(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_ulong(b, c, f->physmem / 4096); }
static long get_boottime(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put(b, c, &f->boottime, sizeof(f->boottime)); }
static long get_usrstack(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_ulong(b, c, f->usrstack); }
static long get_ps_strings(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return put_ulong(b, c, f->ps_strings); }

static long get_pathname(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{
    (void)w;
    if (f->pathname_err)
        return -f->pathname_err;
    return put_str(b, c, f->pathname);
}

static long get_clockrate(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{
    (void)f; (void)w;
    /* What a stock amd64 GENERIC kernel reports (HZ=1000). */
    struct fbsd_clockinfo ci = { .hz = 1000, .tick = 1000, .spare = 0,
                                 .stathz = 127, .profhz = 8128 };
    return put(b, c, &ci, sizeof(ci));
}

static long get_pagesizes(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{
    (void)f; (void)w;
    const uint64_t ps[3] = { 4096, 2u << 20, 1u << 30 };   /* MAXPAGESIZES on amd64 */
    return put(b, c, ps, sizeof(ps));
}

/* kern.arandom: as many random bytes as asked, at most 256 (sysctl_kern_arnd). */
static long get_arandom(const struct fbsd_sysctl_facts *f, size_t want, void *b, size_t c)
{
    (void)f;
    uint8_t rnd[256];
    size_t n = want < sizeof(rnd) ? want : sizeof(rnd);
    if (n && getrandom(rnd, n, 0) != (ssize_t)n)
        return -FBSD_EIO;
    return put(b, c, rnd, n);
}

/* vfs.conflist: struct xvfsconf records (getvfsbyname(3) searches them). */
static long get_conflist(const struct fbsd_sysctl_facts *f, size_t w, void *b, size_t c)
{ (void)w; return (long)fbsd_vfs_conflist(f->vfs_refcount, b, c); }

#define NODE(n, ...)  { .name = n, .oid = { __VA_ARGS__ }, .oidlen = sizeof((int[]){ __VA_ARGS__ }) / sizeof(int), \
                        .type = FBSD_CTLTYPE_NODE, .fmt = "N" }
#define OID(...)      .oid = { __VA_ARGS__ }, .oidlen = sizeof((int[]){ __VA_ARGS__ }) / sizeof(int)
#define INT(n, v, ...)  { .name = n, OID(__VA_ARGS__), .type = FBSD_CTLTYPE_INT, .fmt = "I", .ival = (v) }
#define STR(n, v, ...)  { .name = n, OID(__VA_ARGS__), .type = FBSD_CTLTYPE_STRING, .fmt = "A", .sval = (v) }
#define ULONG(n, v, ...) { .name = n, OID(__VA_ARGS__), .type = FBSD_CTLTYPE_ULONG, .fmt = "LU", .ival = (v) }
#define GET(n, ty, f, nd, g, ...) { .name = n, OID(__VA_ARGS__), .type = ty, .fmt = f, .needs = nd, .get = g }

enum { K = FBSD_CTL_KERN, H = FBSD_CTL_HW };

/* Sorted by OID: CTL_SYSCTL_NEXT walks it in order. */
static const struct fbsd_sysctl_ent tab[] = {
    NODE("kern", K),
    STR("kern.ostype", "FreeBSD", K, FBSD_KERN_OSTYPE),
    STR("kern.osrelease", FBSD_OSRELEASE, K, FBSD_KERN_OSRELEASE),
    INT("kern.osrevision", FBSD_OSREVISION, K, FBSD_KERN_OSREV),
    STR("kern.version", "FreeBSD " FBSD_OSRELEASE " lsl2\n", K, FBSD_KERN_VERSION),
    INT("kern.maxproc", 32768, K, FBSD_KERN_MAXPROC),
    INT("kern.maxfiles", 1048576, K, FBSD_KERN_MAXFILES),
    INT("kern.argmax", 2 * 256 * 1024, K, FBSD_KERN_ARGMAX),   /* ARG_MAX, sys/syslimits.h */
    INT("kern.securelevel", -1, K, FBSD_KERN_SECURELVL),
    GET("kern.hostname", FBSD_CTLTYPE_STRING, "A", FBSD_SYSF_HOST, get_hostname, K, FBSD_KERN_HOSTNAME),
    ULONG("kern.hostid", 0, K, FBSD_KERN_HOSTID),
    GET("kern.clockrate", FBSD_CTLTYPE_OPAQUE, "S,clockinfo", 0, get_clockrate, K, FBSD_KERN_CLOCKRATE),
    NODE("kern.proc", K, FBSD_KERN_PROC),
    { .name = "kern.proc.pathname", OID(K, FBSD_KERN_PROC, FBSD_KERN_PROC_PATHNAME),
      .type = FBSD_CTLTYPE_NODE, .fmt = "N", .needs = FBSD_SYSF_PATH, .takes_arg = true,
      .get = get_pathname },
    INT("kern.posix1version", 200809, K, FBSD_KERN_POSIX1),
    INT("kern.ngroups", 1023, K, FBSD_KERN_NGROUPS),           /* NGROUPS_MAX */
    INT("kern.job_control", 1, K, FBSD_KERN_JOB_CONTROL),
    INT("kern.saved_ids", 0, K, FBSD_KERN_SAVED_IDS),          /* FreeBSD reports 0 */
    GET("kern.boottime", FBSD_CTLTYPE_OPAQUE, "S,timeval", FBSD_SYSF_HOST, get_boottime, K, FBSD_KERN_BOOTTIME),
    GET("kern.domainname", FBSD_CTLTYPE_STRING, "A", FBSD_SYSF_HOST, get_domainname, K, FBSD_KERN_NISDOMAINNAME),
    INT("kern.osreldate", FBSD_OSRELDATE, K, FBSD_KERN_OSRELDATE),
    STR("kern.bootfile", "/boot/kernel/kernel", K, FBSD_KERN_BOOTFILE),
    INT("kern.maxfilesperproc", 1048576, K, FBSD_KERN_MAXFILESPERPROC),
    INT("kern.maxprocperuid", 32768, K, FBSD_KERN_MAXPROCPERUID),
    GET("kern.ps_strings", FBSD_CTLTYPE_ULONG, "LU", FBSD_SYSF_PROC, get_ps_strings, K, FBSD_KERN_PS_STRINGS),
    GET("kern.usrstack", FBSD_CTLTYPE_ULONG, "LU", FBSD_SYSF_PROC, get_usrstack, K, FBSD_KERN_USRSTACK),
    INT("kern.logsigexit", 1, K, FBSD_KERN_LOGSIGEXIT),
    INT("kern.iov_max", 1024, K, FBSD_KERN_IOV_MAX),           /* UIO_MAXIOV */
    STR("kern.hostuuid", "00000000-0000-0000-0000-000000000000", K, FBSD_KERN_HOSTUUID),
    GET("kern.arandom", FBSD_CTLTYPE_OPAQUE, "", 0, get_arandom, K, FBSD_KERN_ARND),
    NODE("kern.sched", K, FBSD_KERN_SCHED),
    INT("kern.sched.cpusetsize", FBSD_CPUSET_SIZE, K, FBSD_KERN_SCHED, FBSD_KERN_SCHED_CPUSETSIZE),
    INT("kern.pid_max", 99999, K, FBSD_KERN_PID_MAX),           /* PID_MAX: ps sizes its column */
    NODE("vm", FBSD_CTL_VM),
    INT("vm.overcommit", 0, FBSD_CTL_VM, FBSD_VM_OVERCOMMIT),
    NODE("vfs", FBSD_CTL_VFS),
    GET("vfs.conflist", FBSD_CTLTYPE_OPAQUE, "S,xvfsconf", FBSD_SYSF_MOUNTS, get_conflist,
        FBSD_CTL_VFS, FBSD_VFS_CONFLIST),
    NODE("hw", H),
    STR("hw.machine", "amd64", H, FBSD_HW_MACHINE),
    GET("hw.model", FBSD_CTLTYPE_STRING, "A", FBSD_SYSF_CPU, get_model, H, FBSD_HW_MODEL),
    GET("hw.ncpu", FBSD_CTLTYPE_INT, "I", FBSD_SYSF_HOST, get_ncpu, H, FBSD_HW_NCPU),
    INT("hw.byteorder", 1234, H, FBSD_HW_BYTEORDER),
    GET("hw.physmem", FBSD_CTLTYPE_ULONG, "LU", FBSD_SYSF_HOST, get_physmem, H, FBSD_HW_PHYSMEM),
    GET("hw.usermem", FBSD_CTLTYPE_ULONG, "LU", FBSD_SYSF_HOST, get_physmem, H, FBSD_HW_USERMEM),
    INT("hw.pagesize", 4096, H, FBSD_HW_PAGESIZE),
    INT("hw.floatingpoint", 1, H, FBSD_HW_FLOATINGPT),
    STR("hw.machine_arch", "amd64", H, FBSD_HW_MACHINE_ARCH),
    GET("hw.realmem", FBSD_CTLTYPE_ULONG, "LU", FBSD_SYSF_HOST, get_physmem, H, FBSD_HW_REALMEM),
    GET("hw.pagesizes", FBSD_CTLTYPE_OPAQUE, "S,pagesizes", 0, get_pagesizes, H, FBSD_HW_PAGESIZES),
    GET("hw.availpages", FBSD_CTLTYPE_LONG, "L", FBSD_SYSF_HOST, get_availpages, H, FBSD_HW_AVAILPAGES),
    NODE("user", FBSD_CTL_USER),
    STR("user.localbase", "/usr/local", FBSD_CTL_USER, FBSD_USER_LOCALBASE),
    NODE("p1003_1b", FBSD_CTL_P1003_1B),
    INT("p1003_1b.pagesize", 4096, FBSD_CTL_P1003_1B, FBSD_CTL_P1003_1B_PAGESIZE),
};
#define NTAB (sizeof(tab) / sizeof(tab[0]))

const char *fbsd_sysctl_entry_name(size_t i) { return i < NTAB ? tab[i].name : NULL; }

static bool is_prefix(const struct fbsd_sysctl_ent *e, const int *name, unsigned len)
{
    if (e->oidlen > len)
        return false;
    for (unsigned i = 0; i < e->oidlen; i++)
        if (e->oid[i] != name[i])
            return false;
    return true;
}

/* The entry whose OID is the longest prefix of name, or NULL. */
static const struct fbsd_sysctl_ent *find_prefix(const int *name, unsigned len)
{
    const struct fbsd_sysctl_ent *best = NULL;
    for (size_t i = 0; i < NTAB; i++)
        if (is_prefix(&tab[i], name, len) && (!best || tab[i].oidlen > best->oidlen))
            best = &tab[i];
    return best;
}

/* Resolves a value OID as sysctl_find_oid does: 0 and the entry (and *arg for a
 * node with a handler), or a negative FreeBSD errno. */
static int resolve(const int *name, unsigned len, const struct fbsd_sysctl_ent **out, long *arg)
{
    const struct fbsd_sysctl_ent *e = find_prefix(name, len);
    if (!e)
        return -FBSD_ENOENT;
    unsigned extra = len - e->oidlen;
    if (e->takes_arg) {
        if (extra != 1)
            return -FBSD_EINVAL;
        *arg = name[len - 1];
    } else if (e->type == FBSD_CTLTYPE_NODE) {
        return extra ? -FBSD_ENOENT : -FBSD_EISDIR;
    } else if (extra) {
        return -FBSD_ENOTDIR;
    }
    *out = e;
    return 0;
}

int fbsd_sysctl_name2oid(const char *name, int *oid, unsigned cap)
{
    for (size_t i = 0; i < NTAB; i++) {
        if (strcmp(tab[i].name, name) != 0)
            continue;
        if (tab[i].oidlen > cap)
            return -FBSD_ENOMEM;
        memcpy(oid, tab[i].oid, tab[i].oidlen * sizeof(int));
        return tab[i].oidlen;
    }
    return -FBSD_ENOENT;
}

long fbsd_sysctl_oid2name(const int *oid, unsigned len, char *buf, size_t cap)
{
    /* As sysctl_sysctl_name: known components by name, the rest as numbers. */
    const struct fbsd_sysctl_ent *e = find_prefix(oid, len);
    size_t n = 0;
    unsigned from = 0;
    char tmp[512];
    if (e) {
        n = (size_t)snprintf(tmp, sizeof(tmp), "%s", e->name);
        from = e->oidlen;
    }
    for (unsigned i = from; i < len && n < sizeof(tmp); i++)
        n += (size_t)snprintf(tmp + n, sizeof(tmp) - n, "%s%d", n ? "." : "", oid[i]);
    if (n >= sizeof(tmp))
        return -FBSD_ENAMETOOLONG;
    return put(buf, cap, tmp, n + 1);
}

/* Lexicographic OID order, a prefix before its extensions. */
static int oidcmp(const int *a, unsigned alen, const int *b, unsigned blen)
{
    for (unsigned i = 0; i < alen && i < blen; i++)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return alen < blen ? -1 : alen > blen;
}

/* CTL_SYSCTL_NEXT: the first leaf after oid (only value leaves are walked). */
static long meta_next(const int *oid, unsigned len, void *buf, size_t cap)
{
    const struct fbsd_sysctl_ent *best = NULL;
    for (size_t i = 0; i < NTAB; i++) {
        const struct fbsd_sysctl_ent *e = &tab[i];
        if (e->type == FBSD_CTLTYPE_NODE)
            continue;
        if (oidcmp(e->oid, e->oidlen, oid, len) <= 0)
            continue;
        if (!best || oidcmp(e->oid, e->oidlen, best->oid, best->oidlen) < 0)
            best = e;
    }
    if (!best)
        return -FBSD_ENOENT;
    return put(buf, cap, best->oid, best->oidlen * sizeof(int));
}

static long meta_oidfmt(const int *oid, unsigned len, void *buf, size_t cap)
{
    const struct fbsd_sysctl_ent *e = find_prefix(oid, len);
    if (!e || e->oidlen != len)
        return -FBSD_ENOENT;
    uint8_t tmp[64];
    uint32_t kind = e->type | FBSD_CTLFLAG_RD;
    size_t flen = strlen(e->fmt) + 1;
    memcpy(tmp, &kind, sizeof(kind));
    memcpy(tmp + sizeof(kind), e->fmt, flen);
    return put(buf, cap, tmp, sizeof(kind) + flen);
}

static long answer_meta(const struct fbsd_sysctl_req *r, void *buf, size_t cap)
{
    const int *oid = r->name + 2;
    unsigned len = r->namelen - 2;
    switch (r->name[1]) {
    case FBSD_CTL_SYSCTL_NAME:
        return fbsd_sysctl_oid2name(oid, len, buf, cap);
    case FBSD_CTL_SYSCTL_NEXT:
    case FBSD_CTL_SYSCTL_NEXTNOSKIP:
        return meta_next(oid, len, buf, cap);
    case FBSD_CTL_SYSCTL_NAME2OID: {
        if (!r->newp || r->newlen == 0)
            return -FBSD_ENOENT;
        char name[1024];
        if (r->newlen >= sizeof(name))
            return -FBSD_ENAMETOOLONG;
        memcpy(name, r->newp, r->newlen);
        name[r->newlen] = 0;
        int res[FBSD_CTL_MAXNAME];
        int n = fbsd_sysctl_name2oid(name, res, FBSD_CTL_MAXNAME);
        if (n < 0)
            return n;
        return put(buf, cap, res, (size_t)n * sizeof(int));
    }
    case FBSD_CTL_SYSCTL_OIDFMT:
        return meta_oidfmt(oid, len, buf, cap);
    case FBSD_CTL_SYSCTL_OIDDESCR:
        /* Known names have an (empty) description, as sysctl -d expects. */
        if (!find_prefix(oid, len))
            return -FBSD_ENOENT;
        return put_str(buf, cap, "");
    default:
        return -FBSD_ENOENT;
    }
}

unsigned fbsd_sysctl_needs(const struct fbsd_sysctl_req *r, long *arg)
{
    const struct fbsd_sysctl_ent *e = NULL;
    *arg = -1;
    if (r->namelen < 1 || r->name[0] == FBSD_CTL_SYSCTL)
        return 0;
    if (resolve(r->name, r->namelen, &e, arg) < 0)
        return 0;
    return e->needs;
}

long fbsd_sysctl_answer(const struct fbsd_sysctl_req *r, const struct fbsd_sysctl_facts *f,
                        void *buf, size_t cap)
{
    if (r->namelen < 2 || r->namelen > FBSD_CTL_MAXNAME)
        return -FBSD_EINVAL;
    if (r->name[0] == FBSD_CTL_SYSCTL)
        return answer_meta(r, buf, cap);
    const struct fbsd_sysctl_ent *e = NULL;
    long arg = -1;
    int err = resolve(r->name, r->namelen, &e, &arg);
    if (err < 0)
        return err;
    /* Everything here is read-only (sysctl_root: no CTLFLAG_WR -> EPERM). */
    if (r->newp)
        return -FBSD_EPERM;
    if (e->get)
        return e->get(f, r->oldwant, buf, cap);
    switch (e->type) {
    case FBSD_CTLTYPE_INT:
        return put_int(buf, cap, (int32_t)e->ival);
    case FBSD_CTLTYPE_ULONG:
        return put_ulong(buf, cap, (uint64_t)e->ival);
    case FBSD_CTLTYPE_STRING:
        return put_str(buf, cap, e->sval);
    default:
        return -FBSD_ENOENT;
    }
}
