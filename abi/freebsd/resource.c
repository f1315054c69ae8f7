/* rlimit translation (see resource.h). */
#include <sys/resource.h>
#include "abi/freebsd/resource.h"

static const struct fbsd_pair rlimit_pairs[] = {
    { FBSD_RLIMIT_CPU,     RLIMIT_CPU },
    { FBSD_RLIMIT_FSIZE,   RLIMIT_FSIZE },
    { FBSD_RLIMIT_DATA,    RLIMIT_DATA },
    { FBSD_RLIMIT_STACK,   RLIMIT_STACK },
    { FBSD_RLIMIT_CORE,    RLIMIT_CORE },
    { FBSD_RLIMIT_RSS,     RLIMIT_RSS },
    { FBSD_RLIMIT_MEMLOCK, RLIMIT_MEMLOCK },
    { FBSD_RLIMIT_NPROC,   RLIMIT_NPROC },
    { FBSD_RLIMIT_NOFILE,  RLIMIT_NOFILE },
    { FBSD_RLIMIT_VMEM,    RLIMIT_AS },
};
const struct fbsd_map fbsd_rlimit_map = FBSD_MAP(rlimit_pairs);

int fbsd_rlimit_to_linux(int r)
{
    return fbsd_int_to_host(&fbsd_rlimit_map, r);
}

uint64_t fbsd_rlim_from_linux(uint64_t v)
{
    return v >= FBSD_RLIM_INFINITY ? FBSD_RLIM_INFINITY : v;
}

uint64_t fbsd_rlim_to_linux(uint64_t v)
{
    return v >= FBSD_RLIM_INFINITY ? (uint64_t)RLIM_INFINITY : v;
}

#define X(v) { FBSD_##v, #v }

const struct xlat fbsd_xlat_rlimits[] = {
    X(RLIMIT_CPU), X(RLIMIT_FSIZE), X(RLIMIT_DATA), X(RLIMIT_STACK), X(RLIMIT_CORE),
    X(RLIMIT_RSS), X(RLIMIT_MEMLOCK), X(RLIMIT_NPROC), X(RLIMIT_NOFILE), X(RLIMIT_SBSIZE),
    X(RLIMIT_VMEM), X(RLIMIT_NPTS), X(RLIMIT_SWAP), X(RLIMIT_KQUEUES), X(RLIMIT_UMTXP),
    { 0, NULL }
};

const struct xlat fbsd_xlat_rusage_who[] = {
    { (uint64_t)(int64_t)FBSD_RUSAGE_CHILDREN, "RUSAGE_CHILDREN" },
    X(RUSAGE_SELF), X(RUSAGE_THREAD),
    { 0, NULL }
};

const struct xlat fbsd_xlat_prio_which[] = {
    X(PRIO_PROCESS), X(PRIO_PGRP), X(PRIO_USER),
    { 0, NULL }
};
