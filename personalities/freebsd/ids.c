/* FreeBSD credentials and login names on Linux.
 *   getgroups/setgroups: before FreeBSD 14 the group list starts with the
 *     effective gid (cr_groups[0]): getgroups returns it first, and setgroups
 *     sets the effective gid from the first element.  FreeBSD 10 to 13 binaries
 *     (all this project runs) expect that.
 *   seteuid/setegid: setresuid/setresgid with only the effective id.
 *   issetugid: Linux's AT_SECURE of the process (set for setuid/setgid execs),
 *     from the kernel's copy of the auxiliary vector.  FreeBSD also sets it for a
 *     process that changed its ids since its exec; that is not tracked here.
 *   getlogin/setlogin: FreeBSD keeps a login name per session; Linux has none,
 *     so lsl2 keeps one per session id (empty until setlogin, as for a session
 *     nobody logged into). */
#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "personalities/freebsd/freebsd.h"
#include "tracer/tracee.h"
/* procfs_read, for /proc/PID/auxv in the tracer's pid namespace */
#include "tracer/supervisor.h"

#define FBSD_NGROUPS_MAX 1023   /* kern.ngroups: NGROUPS_MAX of FreeBSD 13 */
#define FBSD_MAXLOGNAME  33     /* sys/param.h, with the NUL */

static long host_call(struct tracee *t, long nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
    uint64_t args[6] = { a0, a1, a2, 0, 0, 0 };
    return guest_syscall(t, nr, args);
}

/* getgroups(int gidsetlen, gid_t *gidset) */
enum sys_action fbsd_sys_getgroups(struct tracee *t, struct sysc *sc)
{
    int len = (int)sc->args[0];
    if (len < 0)
        return sysc_done(sc, -EINVAL);
    long n = host_call(t, __NR_getgroups, 0, 0, 0);
    if (n < 0)
        return sysc_done(sc, n);
    if (len == 0)
        return sysc_done(sc, n + 1);
    if (len < n + 1)
        return sysc_done(sc, -EINVAL);
    uint32_t list[FBSD_NGROUPS_MAX + 1];
    if (n > FBSD_NGROUPS_MAX)
        n = FBSD_NGROUPS_MAX;
    if (n > 0) {
        uint64_t scr = guest_scratch(t, (size_t)n * 4);
        if (!scr)
            return sysc_done(sc, -ENOMEM);
        n = host_call(t, __NR_getgroups, (uint64_t)n, scr, 0);
        if (n < 0)
            return sysc_done(sc, n);
        if (guest_read(t, scr, list + 1, (size_t)n * 4) < 0)
            return sysc_done(sc, -EFAULT);
    }
    long egid = host_call(t, __NR_getegid, 0, 0, 0);
    if (egid < 0)
        return sysc_done(sc, egid);
    list[0] = (uint32_t)egid;
    if (guest_write(t, sc->args[1], list, (size_t)(n + 1) * 4) < 0)
        return sysc_done(sc, -EFAULT);
    return sysc_done(sc, n + 1);
}

/* setgroups(int ngroups, const gid_t *gidset) */
enum sys_action fbsd_sys_setgroups(struct tracee *t, struct sysc *sc)
{
    int n = (int)sc->args[0];
    if (n < 0 || n > FBSD_NGROUPS_MAX + 1)
        return sysc_done(sc, -EINVAL);
    uint32_t list[FBSD_NGROUPS_MAX + 1];
    if (n > 0 && guest_read(t, sc->args[1], list, (size_t)n * 4) < 0)
        return sysc_done(sc, -EFAULT);
    uint64_t scr = 0;
    if (n > 1) {
        scr = guest_scratch(t, (size_t)(n - 1) * 4);
        if (!scr || guest_write(t, scr, list + 1, (size_t)(n - 1) * 4) < 0)
            return sysc_done(sc, -ENOMEM);
    }
    long r = host_call(t, __NR_setgroups, n > 1 ? (uint64_t)(n - 1) : 0, scr, 0);
    if (r == 0 && n > 0)
        r = host_call(t, __NR_setresgid, (uint64_t)-1, list[0], (uint64_t)-1);
    return sysc_done(sc, r);
}

enum sys_action fbsd_sys_seteuid(struct tracee *t, struct sysc *sc)
{
    sysc_set_host_nr(t, __NR_setresuid);
    sysc_set_arg(t, 0, (uint64_t)-1);
    sysc_set_arg(t, 1, (uint32_t)sc->args[0]);
    sysc_set_arg(t, 2, (uint64_t)-1);
    return SYS_PASS;
}

enum sys_action fbsd_sys_setegid(struct tracee *t, struct sysc *sc)
{
    sysc_set_host_nr(t, __NR_setresgid);
    sysc_set_arg(t, 0, (uint64_t)-1);
    sysc_set_arg(t, 1, (uint32_t)sc->args[0]);
    sysc_set_arg(t, 2, (uint64_t)-1);
    return SYS_PASS;
}

#define LINUX_AT_SECURE 23

enum sys_action fbsd_sys_issetugid(struct tracee *t, struct sysc *sc)
{
    uint64_t auxv[2 * 64];
    ssize_t n = procfs_read(t->tgid, "auxv", (char *)auxv, sizeof auxv);
    long secure = 0;
    for (ssize_t i = 0; n > 0 && (i + 1) * 16 <= n && auxv[2 * i] != 0; i++)
        if (auxv[2 * i] == LINUX_AT_SECURE)
            secure = auxv[2 * i + 1] != 0;
    return sysc_done(sc, secure);
}

/* Login names by session.  A small table: sessions are few, and an entry whose
 * session leader is gone is reused first. */
struct login { pid_t sid; char name[FBSD_MAXLOGNAME]; };
static struct login logins[64];

static struct login *login_of(pid_t sid, bool create)
{
    struct login *free_slot = NULL;
    for (size_t i = 0; i < sizeof logins / sizeof logins[0]; i++) {
        if (logins[i].sid == sid)
            return &logins[i];
        if (!free_slot && (logins[i].sid == 0 || getsid(logins[i].sid) != logins[i].sid))
            free_slot = &logins[i];
    }
    if (!create)
        return NULL;
    if (!free_slot)
        free_slot = &logins[0];
    free_slot->sid = sid;
    free_slot->name[0] = 0;
    return free_slot;
}

/* getlogin(char *namebuf, u_int namelen): ERANGE when the name does not fit. */
enum sys_action fbsd_sys_getlogin(struct tracee *t, struct sysc *sc)
{
    uint32_t len = (uint32_t)sc->args[1];
    pid_t sid = getsid(t->tgid);
    if (sid < 0)
        return sysc_done(sc, -errno);
    struct login *l = login_of(sid, false);
    const char *name = l ? l->name : "";
    if (len > FBSD_MAXLOGNAME)
        len = FBSD_MAXLOGNAME;
    size_t need = strlen(name) + 1;
    if (len < need)
        return sysc_done(sc, -ERANGE);
    return sysc_done(sc, guest_write(t, sc->args[0], name, need) < 0 ? -EFAULT : 0);
}

/* setlogin(const char *name): root only; EINVAL for a name that is too long. */
enum sys_action fbsd_sys_setlogin(struct tracee *t, struct sysc *sc)
{
    char name[FBSD_MAXLOGNAME];
    long n = guest_read_str(t, sc->args[0], name, sizeof name);
    if (n == -ENAMETOOLONG)
        return sysc_done(sc, -EINVAL);
    if (n < 0)
        return sysc_done(sc, n);
    long euid = host_call(t, __NR_geteuid, 0, 0, 0);
    if (euid != 0)
        return sysc_done(sc, -EPERM);
    pid_t sid = getsid(t->tgid);
    if (sid < 0)
        return sysc_done(sc, -errno);
    struct login *l = login_of(sid, true);
    memcpy(l->name, name, (size_t)n + 1);
    return sysc_done(sc, 0);
}
