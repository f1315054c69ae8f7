/* _umtx_op(NULL, UMTX_OP_SHM, flags, key, NULL): FreeBSD's anonymous shared
 * memory keyed by an address's backing object (libthr's process-shared mutexes,
 * condvars, rwlocks and barriers live in such "off-pages").  Not implemented yet:
 * a key must name the same memory in every process that maps the key's page, and a
 * descriptor must be installed in each asking process.  ENOSYS makes libthr's
 * pthread_*_init with PTHREAD_PROCESS_SHARED fail cleanly (EFAULT/ENOMEM in
 * libthr's words) rather than share nothing. */
#include <errno.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/umtx.h"

enum sys_action umtx_op_shm(struct tracee *t, struct sysc *sc)
{
    (void)t;
    return umtx_done(sc, -ENOSYS);
}
