/* --trace: strace-like lines, decoded through the tracee's personality only (its
 * table's names and argument kinds, its xlat sets, errno and signal names, and its
 * format_arg hook for its own kinds).
 *
 * Each syscall is printed as one whole line at its exit.  The entry is decoded into
 * t->sc.trace and remembered in a single "pending" slot (the last tid whose line is
 * open).  When a line of another tid must be printed first, the pending entry is
 * flushed as "PID name(args <unfinished ...>" and that call's exit later prints
 * "PID <... name resumed>rest) = result", as strace -f does.  Lines go out with one
 * fwrite and fflush each, so output from several processes never tears. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "tracer/trace.h"
#include "tracer/trace_fmt.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
    pid_t tid;                  /* 0: none */
    FILE *out;
    char  text[sizeof ((struct sysc *)0)->trace];
} pending;

#define LINE_MAX_LEN 2048

static void emit(FILE *out, const char *s, size_t n)
{
    fwrite(s, 1, n, out);
    fflush(out);
}

/* Prints the pending entry as unfinished (lock held).  `dying`: its own process is
 * gone, so the call will never return. */
static void flush_pending(bool dying)
{
    if (!pending.tid)
        return;
    char line[LINE_MAX_LEN];
    int n = snprintf(line, sizeof line, "%d %s <unfinished ...>%s\n", pending.tid,
                     pending.text, dying ? ") = ?" : "");
    if (n > (int)sizeof line - 1)
        n = sizeof line - 1;
    emit(pending.out, line, (size_t)n);
    pending.tid = 0;
}

/* Before printing a line for tid: close another tid's open entry. */
static void make_way(pid_t tid)
{
    if (pending.tid && pending.tid != tid)
        flush_pending(false);
}

static bool exit_kind(const struct personality *p, int kind)
{
    return kind == A_BUF_OUT || kind == A_STAT_OUT ||
           (kind < 64 && (p->exit_kinds & (1ull << kind)));
}

static uint64_t sext32(uint64_t v) { return (uint64_t)(int64_t)(int32_t)v; }

/* A NUL-terminated guest string, cut at `limit` bytes; false when unreadable. */
static bool put_string(struct fbuf *b, struct tracee *t, uint64_t addr, size_t limit)
{
    char buf[TRACE_PATHLEN + 1];
    if (limit > TRACE_PATHLEN)
        limit = TRACE_PATHLEN;
    long n = guest_read_str(t, addr, buf, limit + 1);
    if (n == -ENAMETOOLONG) {
        /* longer than the limit: its first `limit` bytes are readable */
        if (guest_read(t, addr, buf, limit) < 0)
            return false;
        fmt_quote(b, buf, limit, limit, true);
        return true;
    }
    if (n < 0)
        return false;
    fmt_quote(b, buf, (size_t)n, limit, false);
    return true;
}

/* A buffer of len bytes, of which TRACE_STRLEN are shown. */
static bool put_buffer(struct fbuf *b, struct tracee *t, uint64_t addr, uint64_t len)
{
    char buf[TRACE_STRLEN];
    size_t n = len < TRACE_STRLEN ? (size_t)len : TRACE_STRLEN;
    if (guest_read(t, addr, buf, n) < 0)
        return false;
    fmt_quote(b, buf, n, TRACE_STRLEN, len > n);
    return true;
}

/* A NULL-terminated array of string pointers: the strings (argv), or only their
 * number (`count_only`, for envp, as strace shows it by default). */
static bool put_strv(struct fbuf *b, struct tracee *t, uint64_t addr, bool count_only)
{
    uint64_t p;
    if (count_only) {
        unsigned n = 0;
        for (; n < 4096; n++) {
            if (guest_read(t, addr + 8ull * n, &p, sizeof p) < 0)
                return false;
            if (!p)
                break;
        }
        fb_printf(b, "%#llx /* %u var%s */", (unsigned long long)addr, n, n == 1 ? "" : "s");
        return true;
    }
    if (guest_read(t, addr, &p, sizeof p) < 0)
        return false;
    fb_putn(b, "[", 1);
    for (unsigned i = 0; p; i++) {
        if (i == TRACE_STRV_MAX) {
            fb_puts(b, ", ...");
            break;
        }
        if (i)
            fb_puts(b, ", ");
        if (!put_string(b, t, p, TRACE_STRLEN))
            fmt_number(b, A_PTR, p);
        if (guest_read(t, addr + 8ull * (i + 1), &p, sizeof p) < 0) {
            fb_puts(b, ", ...");
            break;
        }
    }
    fb_putn(b, "]", 1);
    return true;
}

static bool put_timespec(struct fbuf *b, struct tracee *t, uint64_t addr)
{
    int64_t ts[2];   /* tv_sec, tv_nsec: the same on every x86-64 personality */
    if (guest_read(t, addr, ts, sizeof ts) < 0)
        return false;
    fb_printf(b, "{tv_sec=%lld, tv_nsec=%lld}", (long long)ts[0], (long long)ts[1]);
    return true;
}

/* One argument.  `aux`: the length of an A_BUF_IN, or the result for exit-time kinds;
 * `strv_seen`: how many string arrays came before in this call. */
static void put_arg(struct fbuf *b, struct tracee *t, int kind, uint64_t val, bool on_exit,
                    long aux, int strv_seen)
{
    const struct personality *p = t->pers;
    if (p && p->format_arg) {
        char tmp[512];
        if (p->format_arg(t, kind, val, on_exit, aux, tmp, sizeof tmp)) {
            fb_puts(b, tmp);
            return;
        }
    }
    if (fmt_number(b, kind, val))
        return;
    const struct xlat_set *set = p && kind > 0 && kind < A_NKINDS ? p->xlat[kind] : NULL;
    bool ok = true;
    switch (kind) {
    case A_DIRFD: {
        const char *n = set ? xlat_name(set->tab, sext32(val)) : NULL;
        if (n) fb_puts(b, n); else fb_printf(b, "%d", (int)val);
        return;
    }
    case A_MODE:
        fmt_mode(b, set, val & 0xffffffffu);
        return;
    case A_PATH: case A_STR:
        ok = val && put_string(b, t, val, kind == A_PATH ? TRACE_PATHLEN : TRACE_STRLEN);
        break;
    case A_BUF_IN:
        ok = val && put_buffer(b, t, val, (uint64_t)aux);
        break;
    case A_BUF_OUT:
        ok = on_exit && aux >= 0 && val && put_buffer(b, t, val, (uint64_t)aux);
        break;
    case A_STRV:
        ok = val && put_strv(b, t, val, strv_seen > 0);
        break;
    case A_TIMESPEC:
        ok = val && put_timespec(b, t, val);
        break;
    case A_STAT_OUT:
    case A_NONE:
        ok = false;
        break;
    default:
        if (!set) {
            fb_printf(b, "%#llx", (unsigned long long)val);
            return;
        }
        /* constants are C ints or unsigned ints: sign-extend enums, not flag words */
        fmt_xlat(b, set, set->style == XS_ENUM ? sext32(val) : (val & 0xffffffffu));
        return;
    }
    if (!ok)
        fmt_number(b, A_PTR, val);
}

size_t trace_format_arg(struct tracee *t, int kind, uint64_t val, bool on_exit,
                        long ret, char *buf, size_t len)
{
    struct fbuf b;
    fb_init(&b, buf, len);
    put_arg(&b, t, kind, val, on_exit, ret, 0);
    return b.len;
}

/* The arguments i0..nargs-1 of the current call. */
static void put_args(struct fbuf *b, struct tracee *t, int i0, int nargs, bool on_exit, long ret)
{
    const struct sysc *sc = &t->sc;
    const struct syscall_ent *e = sc->ent;
    int strv = 0;
    for (int i = 0; i < i0; i++)
        strv += e && e->arg[i] == A_STRV;
    for (int i = i0; i < nargs; i++) {
        int kind = e ? e->arg[i] : A_HEX;
        long aux = ret;
        if (kind == A_BUF_IN)
            aux = i + 1 < nargs ? (long)sc->args[i + 1] : 0;
        if (i > i0)
            fb_puts(b, ", ");
        put_arg(b, t, kind, sc->args[i], on_exit, aux, strv);
        strv += kind == A_STRV;
    }
}

/* Whether open flags create a file, through the personality's names for them. */
static bool creates(const struct personality *p, uint64_t flags)
{
    const struct xlat_set *set = p ? p->xlat[A_OFLAGS] : NULL;
    if (!set)
        return true;
    for (const struct xlat *x = set->tab; x->name; x++)
        if ((!strcmp(x->name, "O_CREAT") || !strcmp(x->name, "O_TMPFILE")) &&
            x->val && (flags & x->val) == x->val)
            return true;
    return false;
}

/* How many arguments are shown: all, except open's trailing mode, which means something
 * only with O_CREAT or O_TMPFILE (strace leaves it out too). */
static int call_nargs(const struct tracee *t, const struct sysc *sc)
{
    const struct syscall_ent *e = sc->ent;
    if (!e)
        return 6;
    int n = e->nargs;
    if (n >= 2 && e->arg[n - 1] == A_MODE && e->arg[n - 2] == A_OFLAGS &&
        !creates(t->pers, sc->args[n - 2]))
        n--;
    return n;
}

/* Index of the first argument shown only at exit (nargs if none). */
static int first_exit_arg(const struct tracee *t, const struct sysc *sc)
{
    int n = call_nargs(t, sc);
    for (int i = 0; sc->ent && i < n; i++)
        if (exit_kind(t->pers, sc->ent->arg[i]))
            return i;
    return n;
}

static void put_name(struct fbuf *b, const struct sysc *sc)
{
    if (sc->ent)
        fb_puts(b, sc->ent->name);
    else
        fb_printf(b, "syscall_%ld", sc->nr);
}

/* A cut line still ends visibly: the last bytes become "...". */
static void mark_cut(struct fbuf *b)
{
    if (b->full && b->cap >= 4) {
        memcpy(b->p + b->cap - 4, "...", 4);
        b->len = b->cap - 1;
    }
}

void trace_syscall_enter(FILE *out, struct tracee *t)
{
    struct sysc *sc = &t->sc;
    struct fbuf b;
    fb_init(&b, sc->trace, sizeof sc->trace);
    put_name(&b, sc);
    fb_putn(&b, "(", 1);
    int n = call_nargs(t, sc), k = first_exit_arg(t, sc);
    put_args(&b, t, 0, k, false, 0);
    if (k > 0 && k < n)
        fb_puts(&b, ", ");
    mark_cut(&b);
    sc->trace_len = b.len;

    pthread_mutex_lock(&lock);
    make_way(t->tid);
    pending.tid = t->tid;
    pending.out = out;
    memcpy(pending.text, sc->trace, sc->trace_len + 1);
    pthread_mutex_unlock(&lock);
}

/* Prints the line of the current call of t, ending with `result` (lock held). */
static void finish_line(FILE *out, struct tracee *t, bool noreturn)
{
    struct sysc *sc = &t->sc;
    char line[LINE_MAX_LEN];
    struct fbuf b;
    fb_init(&b, line, sizeof line - 1);   /* room for the newline */
    fb_printf(&b, "%d ", t->tid);
    bool mine = pending.tid == t->tid && sc->trace_len;
    if (mine) {
        fb_putn(&b, sc->trace, sc->trace_len);
        pending.tid = 0;
    } else {
        make_way(t->tid);
        fb_puts(&b, "<... ");
        put_name(&b, sc);
        fb_puts(&b, " resumed>");
    }
    if (!noreturn) {
        put_args(&b, t, first_exit_arg(t, sc), call_nargs(t, sc), true, sc->ret);
        fb_putn(&b, ")", 1);
        fmt_result(&b, t->pers, sc->ent ? sc->ent->ret : A_NONE, sc->ret);
    } else {
        fb_puts(&b, ") = ?");
    }
    mark_cut(&b);
    line[b.len++] = '\n';
    emit(out, line, b.len);
}

void trace_syscall_exit(FILE *out, struct tracee *t)
{
    pthread_mutex_lock(&lock);
    finish_line(out, t, false);
    pthread_mutex_unlock(&lock);
}

void trace_syscall_noreturn(FILE *out, struct tracee *t)
{
    pthread_mutex_lock(&lock);
    finish_line(out, t, true);
    pthread_mutex_unlock(&lock);
}

void trace_signal(FILE *out, struct tracee *t, int host_sig, const void *siginfo)
{
    char line[LINE_MAX_LEN];
    struct fbuf b;
    fb_init(&b, line, sizeof line - 1);
    fb_printf(&b, "%d --- ", t->tid);
    fmt_siginfo(&b, t->pers, host_sig, siginfo);
    fb_puts(&b, " ---");
    mark_cut(&b);
    line[b.len++] = '\n';
    pthread_mutex_lock(&lock);
    make_way(t->tid);
    emit(out, line, b.len);
    pthread_mutex_unlock(&lock);
}

void trace_exit(FILE *out, pid_t pid, const struct personality *p, int wstatus)
{
    char line[256];
    struct fbuf b;
    fb_init(&b, line, sizeof line - 1);
    fb_printf(&b, "%d +++ ", pid);
    fmt_wait_status(&b, p, wstatus);
    fb_puts(&b, " +++");
    line[b.len++] = '\n';
    pthread_mutex_lock(&lock);
    if (pending.tid == pid)
        flush_pending(true);
    else
        make_way(pid);
    emit(out, line, b.len);
    pthread_mutex_unlock(&lock);
}
