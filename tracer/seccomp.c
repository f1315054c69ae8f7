/* The seccomp filter that lets a traced Linux guest run at native speed: built
 * with libseccomp from the personality's own table, so that the calls some handler
 * needs stop (SCMP_ACT_TRACE) and every plain passthrough runs unobserved.  Numbers
 * without an entry stop too (the ENOSYS path reports them), as do other
 * architectures' calls (int 0x80, x32), which the default action also catches.
 * The filter is a binary tree (libseccomp's optimize level 2): a few comparisons per
 * syscall instead of one per table entry. */
#include <errno.h>
#include <seccomp.h>
#include "tracer/supervisor.h"

bool seccomp_traces(const struct personality *p, long nr)
{
    if (nr < 0 || (unsigned long)nr >= p->nsyscalls || !p->table)
        return true;
    const struct syscall_ent *e = &p->table[nr];
    return !e->name || e->enter || e->exit || e->host_nr != nr ||
           (e->flags & (SF_EXIT | SF_EXEC));
}

int seccomp_install(const struct personality *p)
{
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_TRACE(0));
    if (!ctx)
        return -ENOMEM;
    int r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_TRACE(0));
    if (r == 0)
        r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2);
    for (size_t nr = 0; r == 0 && nr < p->nsyscalls; nr++)
        if (!seccomp_traces(p, (long)nr))
            r = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, (int)nr, 0);
    if (r == 0) {
        /* Without no_new_privs the guest keeps working setuid programs; that needs
         * CAP_SYS_ADMIN (root, or in the guest's user namespace).  Otherwise the
         * kernel insists on no_new_privs. */
        r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0);
        if (r == 0)
            r = seccomp_load(ctx);
        if (r == -EACCES || r == -EPERM) {
            r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 1);
            if (r == 0)
                r = seccomp_load(ctx);
        }
    }
    seccomp_release(ctx);
    return r < 0 ? r : 0;
}
