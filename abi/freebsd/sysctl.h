/* FreeBSD's sysctl tree as lsl2 presents it: the MIB numbers of sys/sysctl.h
 * (FreeBSD 13.2), a table of the names lsl2 answers, and the pure logic of a
 * request — OID <-> name, the sysctl.* meta-OIDs, value encoding.  Host facts
 * (hostname, memory, the process's executable...) come in a struct filled by
 * the caller (personalities/freebsd/sysctl.c), so everything here is testable. */
#ifndef LSL2_ABI_FREEBSD_SYSCTL_H
#define LSL2_ABI_FREEBSD_SYSCTL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/vfsconf.h"

/* The release lsl2 presents: the FreeBSD 13.2 world (the sysroot fixture's
 * sys/param.h __FreeBSD_version).  AT_OSRELDATE gives the same value. */
#define FBSD_OSRELDATE   1302001
#define FBSD_OSRELEASE   "13.2-RELEASE"
#define FBSD_OSREVISION  199506       /* BSD, as kern.osrevision reports */

enum {
    FBSD_CTL_MAXNAME = 24,
    FBSD_CTL_AUTO_START = 0x100,      /* first OID_AUTO number */

    FBSD_CTL_SYSCTL = 0, FBSD_CTL_KERN = 1, FBSD_CTL_VM = 2, FBSD_CTL_VFS = 3,
    FBSD_CTL_NET = 4, FBSD_CTL_DEBUG = 5, FBSD_CTL_HW = 6, FBSD_CTL_MACHDEP = 7,
    FBSD_CTL_USER = 8, FBSD_CTL_P1003_1B = 9,

    FBSD_CTL_SYSCTL_DEBUG = 0, FBSD_CTL_SYSCTL_NAME = 1, FBSD_CTL_SYSCTL_NEXT = 2,
    FBSD_CTL_SYSCTL_NAME2OID = 3, FBSD_CTL_SYSCTL_OIDFMT = 4,
    FBSD_CTL_SYSCTL_OIDDESCR = 5, FBSD_CTL_SYSCTL_OIDLABEL = 6,
    FBSD_CTL_SYSCTL_NEXTNOSKIP = 7,

    FBSD_KERN_OSTYPE = 1, FBSD_KERN_OSRELEASE = 2, FBSD_KERN_OSREV = 3,
    FBSD_KERN_VERSION = 4, FBSD_KERN_MAXVNODES = 5, FBSD_KERN_MAXPROC = 6,
    FBSD_KERN_MAXFILES = 7, FBSD_KERN_ARGMAX = 8, FBSD_KERN_SECURELVL = 9,
    FBSD_KERN_HOSTNAME = 10, FBSD_KERN_HOSTID = 11, FBSD_KERN_CLOCKRATE = 12,
    FBSD_KERN_PROC = 14, FBSD_KERN_POSIX1 = 17, FBSD_KERN_NGROUPS = 18,
    FBSD_KERN_JOB_CONTROL = 19, FBSD_KERN_SAVED_IDS = 20, FBSD_KERN_BOOTTIME = 21,
    FBSD_KERN_NISDOMAINNAME = 22, FBSD_KERN_OSRELDATE = 24,
    FBSD_KERN_BOOTFILE = 26, FBSD_KERN_MAXFILESPERPROC = 27,
    FBSD_KERN_MAXPROCPERUID = 28, FBSD_KERN_PS_STRINGS = 32,
    FBSD_KERN_USRSTACK = 33, FBSD_KERN_LOGSIGEXIT = 34, FBSD_KERN_IOV_MAX = 35,
    FBSD_KERN_HOSTUUID = 36, FBSD_KERN_ARND = 37,
    FBSD_KERN_PROC_PATHNAME = 12,
    FBSD_KERN_SCHED = FBSD_CTL_AUTO_START,          /* OID_AUTO node kern.sched */
    FBSD_KERN_SCHED_CPUSETSIZE = FBSD_CTL_AUTO_START, /* OID_AUTO: sizeof(cpuset_t) */
    FBSD_KERN_PID_MAX = FBSD_CTL_AUTO_START + 1,    /* OID_AUTO */

    FBSD_HW_MACHINE = 1, FBSD_HW_MODEL = 2, FBSD_HW_NCPU = 3, FBSD_HW_BYTEORDER = 4,
    FBSD_HW_PHYSMEM = 5, FBSD_HW_USERMEM = 6, FBSD_HW_PAGESIZE = 7,
    FBSD_HW_FLOATINGPT = 10, FBSD_HW_MACHINE_ARCH = 11, FBSD_HW_REALMEM = 12,
    FBSD_HW_PAGESIZES = FBSD_CTL_AUTO_START,   /* OID_AUTO in FreeBSD */
    FBSD_HW_AVAILPAGES = FBSD_CTL_AUTO_START + 1,   /* OID_AUTO: sysconf(_SC_PHYS_PAGES) */

    FBSD_CTL_P1003_1B_PAGESIZE = 20,   /* FreeBSD 10's sysconf(_SC_PAGESIZE) asks it */

    FBSD_VM_OVERCOMMIT = 12,
    FBSD_VFS_CONFLIST = FBSD_CTL_AUTO_START,   /* OID_AUTO in FreeBSD */
    FBSD_USER_LOCALBASE = 21,
};

/* CTLTYPE_* and CTLFLAG_RD (sys/sysctl.h). */
enum {
    FBSD_CTLTYPE = 0xf, FBSD_CTLTYPE_NODE = 1, FBSD_CTLTYPE_INT = 2,
    FBSD_CTLTYPE_STRING = 3, FBSD_CTLTYPE_S64 = 4, FBSD_CTLTYPE_OPAQUE = 5,
    FBSD_CTLTYPE_UINT = 6, FBSD_CTLTYPE_LONG = 7, FBSD_CTLTYPE_ULONG = 8,
    FBSD_CTLTYPE_U64 = 9,
};
#define FBSD_CTLFLAG_RD 0x80000000u

/* struct clockinfo (sys/time.h) */
struct fbsd_clockinfo { int32_t hz, tick, spare, stathz, profhz; };
/* struct timeval on amd64 */
struct fbsd_timeval { int64_t tv_sec, tv_usec; };
/* sizeof(cpuset_t) on amd64: CPU_SETSIZE (sys/_cpuset.h) 256 bits; libthr asks it
 * through kern.sched.cpusetsize before any cpuset_getaffinity. */
#define FBSD_CPUSET_SIZE 32

/* Host and process facts; the caller fills the groups an entry needs. */
enum {
    FBSD_SYSF_HOST = 1u << 0,   /* hostname, domainname, ncpu, physmem, boottime */
    FBSD_SYSF_CPU  = 1u << 1,   /* model */
    FBSD_SYSF_PROC = 1u << 2,   /* usrstack, ps_strings of the calling process */
    FBSD_SYSF_PATH = 1u << 3,   /* pathname of process `arg` (-1: the caller) */
    FBSD_SYSF_MOUNTS = 1u << 4, /* mounts per file system type (vfs.conflist) */
};
struct fbsd_sysctl_facts {
    char     hostname[256];
    char     domainname[256];
    char     model[128];
    uint32_t ncpu;
    uint64_t physmem;
    struct fbsd_timeval boottime;
    uint64_t usrstack;
    uint64_t ps_strings;
    char     pathname[1024];    /* FreeBSD's MAXPATHLEN */
    int      pathname_err;      /* positive FreeBSD errno when the path is unknown */
    int32_t  vfs_refcount[FBSD_VFS_MAX];   /* the guest's mounts per fbsd_vfs_name index */
};

struct fbsd_sysctl_ent;

/* A request, with guest memory already fetched. */
struct fbsd_sysctl_req {
    const int  *name;
    unsigned    namelen;
    const void *newp;           /* NULL: no new value given */
    size_t      newlen;
    size_t      oldwant;        /* the caller's *oldlenp (0 without oldlenp): kern.arandom's size */
};

/* Which fact groups the request needs (0 for none), and the argument that follows
 * the entry's OID (kern.proc.pathname's pid).  Never fails: an unknown name needs nothing. */
unsigned fbsd_sysctl_needs(const struct fbsd_sysctl_req *r, long *arg);

/* Answers a request: writes the complete value (at most cap bytes) into buf and
 * returns its full length, or a negative FreeBSD errno (-ENOENT 2 for an unknown
 * name, -EISDIR 21 for a node, -ENOTDIR 20 below a leaf, -EPERM 1 for a write,
 * -EINVAL 22 for a malformed meta request).  Returns a length larger than cap
 * only if cap is smaller than the value (the caller gives 4096 bytes). */
long fbsd_sysctl_answer(const struct fbsd_sysctl_req *r, const struct fbsd_sysctl_facts *f,
                        void *buf, size_t cap);

/* Name -> OID; returns the number of components or -ENOENT (FreeBSD value negated). */
int  fbsd_sysctl_name2oid(const char *name, int *oid, unsigned cap);
/* OID -> dotted name; returns its length or a negative FreeBSD errno. */
long fbsd_sysctl_oid2name(const int *oid, unsigned len, char *buf, size_t cap);

/* The table, for tests and lsl2's documentation: entry i (NULL past the end). */
const char *fbsd_sysctl_entry_name(size_t i);

#endif
