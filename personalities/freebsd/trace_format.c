/* --trace display of the FreeBSD structs behind the personality's own argument
 * kinds (trace_decode.h): one row per kind in `decoders`, each fetching the guest
 * record (its length or count from a neighbouring argument) and handing it to a
 * pure formatter of trace_kevent.c, trace_sock.c or trace_sig.c.  Also the short
 * summary of struct stat (13.2 layout) and struct freebsd11_stat (10.x/11.x),
 * shown like strace's abbreviated form. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "personalities/freebsd/freebsd.h"
#include "personalities/freebsd/trace_decode.h"
#include "abi/freebsd/stat.h"
#include "tracer/tracee.h"

/* st_mode as strace shows it: the file type's name, then the rest in octal. */
static const char *file_type_name(uint32_t mode)
{
    for (const struct xlat *x = fbsd_xlat_file_types; x->name; x++)
        if (x->val == (mode & FBSD_S_IFMT))
            return x->name;
    return NULL;
}

static void format_summary(struct fbuf *b, uint32_t mode, int64_t size, uint64_t rdev)
{
    const char *type = file_type_name(mode);
    if (type)
        fb_printf(b, "{st_mode=%s|%#o", type, mode & ~FBSD_S_IFMT);
    else
        fb_printf(b, "{st_mode=%#o", mode);
    uint32_t t = mode & FBSD_S_IFMT;
    if (t == FBSD_S_IFCHR || t == FBSD_S_IFBLK)
        fb_printf(b, ", st_rdev=%#" PRIx64 ", ...}", rdev);
    else
        fb_printf(b, ", st_size=%" PRId64 ", ...}", size);
}

/* What a decoder is given: the kind's value, its argument index, the call. */
struct dctx {
    struct tracee *t;
    uint64_t val;
    int      argi;      /* index of this argument in the call */
    bool     on_exit;
    long     ret;
};

/* Argument i of the call (this one's length, count or level); 0 when none.
 * Decoders that need one first check `located`: the value was found among the
 * current call's arguments, so its neighbours are the call's. */
static uint64_t arg_at(const struct dctx *c, int i)
{
    return i >= 0 && i < 6 ? c->t->sc.args[i] : 0;
}

static bool located(const struct dctx *c)
{
    return c->argi >= 0;
}

/* A written struct is shown only after a successful call. */
static bool written(const struct dctx *c)
{
    return c->on_exit && c->ret >= 0;
}

static bool dec_stat(struct fbuf *b, const struct dctx *c)
{
    struct fbsd_stat st;
    if (!written(c) || guest_read(c->t, c->val, &st, sizeof st) < 0)
        return false;
    format_summary(b, st.st_mode, st.st_size, st.st_rdev);
    return true;
}

static bool dec_stat11(struct fbuf *b, const struct dctx *c)
{
    struct fbsd_freebsd11_stat st;
    if (!written(c) || guest_read(c->t, c->val, &st, sizeof st) < 0)
        return false;
    format_summary(b, st.st_mode, st.st_size, st.st_rdev);
    return true;
}

/* count records of the call's kevent layout at val, the first few shown. */
static bool put_kevents(struct fbuf *b, const struct dctx *c, long count)
{
    if (count < 0)
        return false;
    int old = c->t->sc.nr == FBSD_SYS_freebsd11_kevent;
    size_t sz = fbsd_kevent_size(old);
    size_t n = count < FBSD_TRACE_KEVENTS_MAX ? (size_t)count : FBSD_TRACE_KEVENTS_MAX;
    struct fbsd_kevent kev[FBSD_TRACE_KEVENTS_MAX];
    unsigned char raw[sizeof(struct fbsd_kevent)];
    for (size_t i = 0; i < n; i++) {
        if (guest_read(c->t, c->val + i * sz, raw, sz) < 0)
            return false;
        fbsd_kevent_from_guest(&kev[i], raw, old);
    }
    fbsd_fmt_kevents(b, kev, n, (size_t)count);
    return true;
}

static bool dec_kevents_in(struct fbuf *b, const struct dctx *c)
{
    return located(c) && put_kevents(b, c, (int32_t)arg_at(c, c->argi + 1));
}

static bool dec_kevents_out(struct fbuf *b, const struct dctx *c)
{
    return written(c) && put_kevents(b, c, c->ret);
}

#define SOCKADDR_MAX 128    /* struct sockaddr_storage */

static bool put_sockaddr(struct fbuf *b, const struct dctx *c, uint64_t len)
{
    unsigned char sa[SOCKADDR_MAX];
    if (len > sizeof sa)
        len = sizeof sa;
    if (guest_read(c->t, c->val, sa, (size_t)len) < 0)
        return false;
    fbsd_fmt_sockaddr(b, sa, (size_t)len);
    return true;
}

static bool dec_sockaddr_in(struct fbuf *b, const struct dctx *c)
{
    return located(c) && put_sockaddr(b, c, (uint32_t)arg_at(c, c->argi + 1));
}

/* The length the call reported through the socklen_t * beside the sockaddr. */
static bool dec_sockaddr_out(struct fbuf *b, const struct dctx *c)
{
    uint32_t len;
    uint64_t lenp = arg_at(c, c->argi + 1);
    if (!written(c) || !located(c) || !lenp || guest_read(c->t, lenp, &len, sizeof len) < 0)
        return false;
    return put_sockaddr(b, c, len);
}

static bool dec_socklen_out(struct fbuf *b, const struct dctx *c)
{
    uint32_t len;
    if (!written(c) || guest_read(c->t, c->val, &len, sizeof len) < 0)
        return false;
    fb_printf(b, "[%u]", len);
    return true;
}

/* Whether descriptor fd of t is an AF_UNIX socket: its inode is listed in the
 * process's /proc/PID/net/unix (level 0 then means SOL_LOCAL, not IPPROTO_IP). */
static bool unix_socket(struct tracee *t, int fd)
{
    char path[64], link[64];
    snprintf(path, sizeof path, "/proc/%d/fd/%d", t->tid, fd);
    ssize_t n = readlink(path, link, sizeof link - 1);
    if (n <= 0)
        return false;
    link[n] = 0;
    unsigned long ino;
    if (sscanf(link, "socket:[%lu]", &ino) != 1)
        return false;
    snprintf(path, sizeof path, "/proc/%d/net/unix", t->tid);
    FILE *f = fopen(path, "re");
    if (!f)
        return false;
    char line[512];
    bool found = false;
    while (!found && fgets(line, sizeof line, f)) {
        unsigned long i;
        /* Num RefCount Protocol Flags Type St Inode Path */
        if (sscanf(line, "%*s %*s %*s %*s %*s %*s %lu", &i) == 1 && i == ino)
            found = true;
    }
    fclose(f);
    return found;
}

static bool dec_socklevel(struct fbuf *b, const struct dctx *c)
{
    int level = (int32_t)c->val;
    bool local = level == 0 && located(c) && unix_socket(c->t, (int)arg_at(c, 0));
    const char *n = fbsd_sockopt_level_name(level, local);
    if (n) fb_puts(b, n); else fb_printf(b, "%d", level);
    return true;
}

static bool dec_sockopt(struct fbuf *b, const struct dctx *c)
{
    int level = (int32_t)arg_at(c, c->argi - 1), name = (int32_t)c->val;
    if (!located(c))
        return false;
    bool local = level == 0 && unix_socket(c->t, (int)arg_at(c, 0));
    const char *n = fbsd_sockopt_name(level, name, local);
    if (n) fb_puts(b, n); else fb_printf(b, "%d", name);
    return true;
}

/* poll's array is shown at exit, when both the events asked and (after a
 * successful call) the revents given can be read: the array is not rewritten. */
static bool dec_pollfds(struct fbuf *b, const struct dctx *c)
{
    if (!located(c))
        return false;
    uint32_t count = (uint32_t)arg_at(c, c->argi + 1);
    size_t n = count < FBSD_TRACE_POLLFDS_MAX ? count : FBSD_TRACE_POLLFDS_MAX;
    struct fbsd_pollfd p[FBSD_TRACE_POLLFDS_MAX];
    if (n && guest_read(c->t, c->val, p, n * sizeof p[0]) < 0)
        return false;
    fbsd_fmt_pollfds(b, p, n, count, c->on_exit && c->ret > 0);
    return true;
}

static bool dec_fdset(struct fbuf *b, const struct dctx *c)
{
    int nfds = (int32_t)arg_at(c, 0);
    uint64_t w[FBSD_TRACE_FDSET_BITS / 64];
    if (!located(c) || nfds < 0)
        return false;
    if (nfds > FBSD_TRACE_FDSET_BITS)
        nfds = FBSD_TRACE_FDSET_BITS;
    size_t bytes = (size_t)(nfds + 63) / 64 * 8;
    if (bytes && guest_read(c->t, c->val, w, bytes) < 0)
        return false;
    fbsd_fmt_fdset(b, w, nfds);
    return true;
}

static bool dec_sigaction(struct fbuf *b, const struct dctx *c)
{
    struct fbsd_sigaction sa;
    if (guest_read(c->t, c->val, &sa, sizeof sa) < 0)
        return false;
    fbsd_fmt_sigaction(b, &sa);
    return true;
}

static bool dec_sigaction_out(struct fbuf *b, const struct dctx *c)
{
    return written(c) && dec_sigaction(b, c);
}

static bool dec_sigset(struct fbuf *b, const struct dctx *c)
{
    fbsd_sigset_t s;
    if (guest_read(c->t, c->val, &s, sizeof s) < 0)
        return false;
    fbsd_fmt_sigset(b, &s);
    return true;
}

static bool dec_sigset_out(struct fbuf *b, const struct dctx *c)
{
    return written(c) && dec_sigset(b, c);
}

/* Kind -> decoder.  A NULL guest pointer never reaches one (shown as NULL);
 * a decoder that cannot show its struct returns false: the address is shown. */
static const struct {
    int kind;
    bool (*fn)(struct fbuf *b, const struct dctx *c);
    bool scalar;        /* the value is a number, not a pointer */
} decoders[] = {
    { A_STAT_OUT,           dec_stat,          false },
    { A_FBSD_STAT11,        dec_stat11,        false },
    { A_FBSD_KEVENTS_IN,    dec_kevents_in,    false },
    { A_FBSD_KEVENTS_OUT,   dec_kevents_out,   false },
    { A_FBSD_SOCKADDR_IN,   dec_sockaddr_in,   false },
    { A_FBSD_SOCKADDR_OUT,  dec_sockaddr_out,  false },
    { A_FBSD_SOCKLEN_OUT,   dec_socklen_out,   false },
    { A_FBSD_SOCKLEVEL,     dec_socklevel,     true },
    { A_FBSD_SOCKOPT,       dec_sockopt,       true },
    { A_FBSD_POLLFDS,       dec_pollfds,       false },
    { A_FBSD_FDSET,         dec_fdset,         false },
    { A_FBSD_SIGACTION,     dec_sigaction,     false },
    { A_FBSD_SIGACTION_OUT, dec_sigaction_out, false },
    { A_FBSD_SIGSET,        dec_sigset,        false },
    { A_FBSD_SIGSET_OUT,    dec_sigset_out,    false },
};

/* Index of the argument of this kind in the current call (-1: none). */
static int arg_index(const struct tracee *t, int kind, uint64_t val)
{
    const struct syscall_ent *e = t->sc.ent;
    for (int i = 0; e && i < e->nargs && i < 6; i++)
        if (e->arg[i] == kind && t->sc.args[i] == val)
            return i;
    return -1;
}

bool fbsd_format_arg(struct tracee *t, int kind, uint64_t val, bool on_exit,
                     long ret, char *buf, size_t len)
{
    for (size_t i = 0; i < sizeof decoders / sizeof decoders[0]; i++) {
        if (decoders[i].kind != kind)
            continue;
        struct fbuf b;
        fb_init(&b, buf, len);
        if (!decoders[i].scalar && !val) {
            fb_puts(&b, "NULL");
            return true;
        }
        struct dctx c = { t, val, arg_index(t, kind, val), on_exit, ret };
        if (!decoders[i].fn(&b, &c)) {
            fb_init(&b, buf, len);
            if (decoders[i].scalar)
                fb_printf(&b, "%d", (int)val);
            else
                fb_printf(&b, "%#" PRIx64, val);
        }
        return true;
    }
    return false;
}
