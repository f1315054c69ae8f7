/* FreeBSD resource limits, struct rusage and priority constants
 * (sys/resource.h, FreeBSD 13.2). */
#ifndef LSL2_ABI_FREEBSD_RESOURCE_H
#define LSL2_ABI_FREEBSD_RESOURCE_H

#include <stddef.h>
#include <stdint.h>
#include "abi/freebsd/flagmap.h"
#include "abi/freebsd/time.h"
#include "personalities/personality.h"

#define FBSD_RLIMIT_CPU      0
#define FBSD_RLIMIT_FSIZE    1
#define FBSD_RLIMIT_DATA     2
#define FBSD_RLIMIT_STACK    3
#define FBSD_RLIMIT_CORE     4
#define FBSD_RLIMIT_RSS      5
#define FBSD_RLIMIT_MEMLOCK  6
#define FBSD_RLIMIT_NPROC    7
#define FBSD_RLIMIT_NOFILE   8
#define FBSD_RLIMIT_SBSIZE   9
#define FBSD_RLIMIT_VMEM     10
#define FBSD_RLIMIT_AS       FBSD_RLIMIT_VMEM
#define FBSD_RLIMIT_NPTS     11
#define FBSD_RLIMIT_SWAP     12
#define FBSD_RLIMIT_KQUEUES  13
#define FBSD_RLIMIT_UMTXP    14
#define FBSD_RLIM_NLIMITS    15

#define FBSD_RLIM_INFINITY   ((uint64_t)INT64_MAX)

#define FBSD_RUSAGE_SELF     0
#define FBSD_RUSAGE_CHILDREN (-1)
#define FBSD_RUSAGE_THREAD   1

#define FBSD_PRIO_PROCESS    0
#define FBSD_PRIO_PGRP       1
#define FBSD_PRIO_USER       2

struct fbsd_rlimit {
    uint64_t rlim_cur;
    uint64_t rlim_max;
};

/* Same layout as Linux's struct rusage on amd64 (two timevals, 14 longs). */
struct fbsd_rusage {
    struct fbsd_timeval ru_utime;
    struct fbsd_timeval ru_stime;
    int64_t ru_maxrss;
    int64_t ru_ixrss;
    int64_t ru_idrss;
    int64_t ru_isrss;
    int64_t ru_minflt;
    int64_t ru_majflt;
    int64_t ru_nswap;
    int64_t ru_inblock;
    int64_t ru_oublock;
    int64_t ru_msgsnd;
    int64_t ru_msgrcv;
    int64_t ru_nsignals;
    int64_t ru_nvcsw;
    int64_t ru_nivcsw;
};
_Static_assert(sizeof(struct fbsd_rusage) == 144, "fbsd_rusage size");
_Static_assert(offsetof(struct fbsd_rusage, ru_maxrss) == 32, "fbsd_rusage ru_maxrss");

/* wait6's struct __wrusage */
struct fbsd_wrusage {
    struct fbsd_rusage wru_self;
    struct fbsd_rusage wru_children;
};

/* Resource numbers.  RLIMIT_SBSIZE, NPTS, SWAP, KQUEUES and UMTXP have no Linux
 * limit: the handler answers getrlimit with RLIM_INFINITY for both values and
 * accepts setrlimit (which then limits nothing). */
extern const struct fbsd_map fbsd_rlimit_map;
/* Returns the Linux resource, or -1 for one of those. */
int fbsd_rlimit_to_linux(int fbsd_resource);
/* Limit values: Linux's infinity is ~0, FreeBSD's is INT64_MAX; anything at or
 * above FreeBSD's infinity means infinity. */
uint64_t fbsd_rlim_from_linux(uint64_t v);
uint64_t fbsd_rlim_to_linux(uint64_t v);

extern const struct xlat fbsd_xlat_rlimits[];
extern const struct xlat fbsd_xlat_rusage_who[];
extern const struct xlat fbsd_xlat_prio_which[];

#endif
