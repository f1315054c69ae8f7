/* Pure formatting helpers of --trace (see trace_fmt.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "tracer/trace_fmt.h"

void fb_init(struct fbuf *b, char *buf, size_t cap)
{
    b->p = buf; b->len = 0; b->cap = cap; b->full = false;
    if (cap)
        buf[0] = '\0';
}

void fb_putn(struct fbuf *b, const char *s, size_t n)
{
    if (b->cap == 0) { b->full = b->full || n; return; }
    size_t room = b->cap - 1 - b->len;
    if (n > room) { n = room; b->full = true; }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

void fb_puts(struct fbuf *b, const char *s) { fb_putn(b, s, strlen(s)); }

void fb_printf(struct fbuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof tmp) { n = sizeof tmp - 1; b->full = true; }
    fb_putn(b, tmp, (size_t)n);
}

void fmt_quote(struct fbuf *b, const void *data, size_t n, size_t limit, bool more)
{
    const unsigned char *s = data;
    size_t show = n < limit ? n : limit;
    char out[4 * TRACE_PATHLEN + 8];
    size_t o = 0;
    fb_putn(b, "\"", 1);
    for (size_t i = 0; i < show; i++) {
        unsigned char c = s[i];
        const char *esc = NULL;
        switch (c) {
        case '\n': esc = "\\n"; break;
        case '\t': esc = "\\t"; break;
        case '\r': esc = "\\r"; break;
        case '\v': esc = "\\v"; break;
        case '\f': esc = "\\f"; break;
        case '"':  esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        }
        if (o + 5 > sizeof out) { fb_putn(b, out, o); o = 0; }
        if (esc) {
            memcpy(out + o, esc, 2); o += 2;
        } else if (c >= 0x20 && c < 0x7f) {
            out[o++] = (char)c;
        } else {
            /* Shortest octal form, unless a digit follows and would be read as part of it. */
            bool digit_next = i + 1 < show && s[i + 1] >= '0' && s[i + 1] <= '7';
            o += (size_t)snprintf(out + o, 5, digit_next ? "\\%03o" : "\\%o", c);
        }
    }
    fb_putn(b, out, o);
    fb_putn(b, "\"", 1);
    if (n > limit || more)
        fb_puts(b, "...");
}

const char *xlat_name(const struct xlat *tab, uint64_t val)
{
    if (!tab)
        return NULL;
    for (; tab->name; tab++)
        if (tab->val == val)
            return tab->name;
    return NULL;
}

/* Appends the names of the bits of val found in tab, '|'-separated, and returns the
 * bits that no name covered.  Multi-bit entries match only when all their bits are set. */
static uint64_t put_flag_names(struct fbuf *b, const struct xlat *tab, uint64_t val, bool *sep)
{
    for (; tab && tab->name; tab++) {
        if (tab->val == 0 || (val & tab->val) != tab->val)
            continue;
        if (*sep)
            fb_putn(b, "|", 1);
        fb_puts(b, tab->name);
        *sep = true;
        val &= ~tab->val;
    }
    return val;
}

static void put_unknown_enum(struct fbuf *b, uint64_t val)
{
    int64_t s = (int64_t)val;
    if (s >= -4096 && s < 1024)
        fb_printf(b, "%lld", (long long)s);
    else
        fb_printf(b, "%#llx", (unsigned long long)val);
}

void fmt_xlat(struct fbuf *b, const struct xlat_set *set, uint64_t val)
{
    if (!set || !set->tab) {
        fb_printf(b, "%#llx", (unsigned long long)val);
        return;
    }
    if (set->style == XS_ENUM) {
        /* a sign-extended 32-bit constant (AT_FDCWD) or an unsigned one with bit 31
         * set (ioctl commands such as 0x802c542a): either form may be in the table */
        const char *n = xlat_name(set->tab, val);
        if (!n && (val >> 32) == 0xffffffffu)
            n = xlat_name(set->tab, val & 0xffffffffu);
        if (n) fb_puts(b, n); else put_unknown_enum(b, val);
        return;
    }
    bool sep = false;
    uint64_t rest = val;
    if (set->enum_mask) {
        uint64_t e = val & set->enum_mask;
        const char *n = xlat_name(set->enum_tab, e);
        rest &= ~set->enum_mask;
        if (n) {
            fb_puts(b, n);
            sep = true;
        } else if (e) {
            fb_printf(b, "%#llx", (unsigned long long)e);
            sep = true;
        }
    }
    if (rest == 0 && !sep) {
        const char *zero = xlat_name(set->tab, 0);
        fb_puts(b, zero ? zero : "0");
        return;
    }
    rest = put_flag_names(b, set->tab, rest, &sep);
    if (rest) {
        if (sep)
            fb_putn(b, "|", 1);
        fb_printf(b, "%#llx", (unsigned long long)rest);
    }
}

void fmt_mode(struct fbuf *b, const struct xlat_set *set, uint64_t val)
{
    bool sep = false;
    uint64_t rest = val;
    if (set && set->enum_mask) {
        uint64_t type = val & set->enum_mask;
        const char *n = xlat_name(set->enum_tab, type);
        rest &= ~set->enum_mask;
        if (n) { fb_puts(b, n); sep = true; }
        else if (type) { fb_printf(b, "%#llo", (unsigned long long)type); sep = true; }
    }
    if (set)
        rest = put_flag_names(b, set->tab, rest, &sep);
    if (sep)
        fb_putn(b, "|", 1);
    fb_printf(b, "0%02llo", (unsigned long long)rest);
}

bool fmt_number(struct fbuf *b, int kind, uint64_t val)
{
    switch (kind) {
    case A_INT:
    case A_FD:
        fb_printf(b, "%d", (int)val);
        return true;
    case A_UINT:
        fb_printf(b, "%u", (unsigned)val);
        return true;
    case A_SIZE:
        fb_printf(b, "%llu", (unsigned long long)val);
        return true;
    case A_OFF:
        fb_printf(b, "%lld", (long long)val);
        return true;
    case A_OCT:
        fb_printf(b, "%#llo", (unsigned long long)val);
        return true;
    case A_PTR:
        if (val == 0) fb_puts(b, "NULL");
        else fb_printf(b, "%#llx", (unsigned long long)val);
        return true;
    case A_HEX:
        fb_printf(b, "%#llx", (unsigned long long)val);
        return true;
    }
    return false;
}

/* The kernel's restart codes (<linux/errno.h>): a tracer sees them when a signal
 * interrupts a call; strace shows them as "= ? NAME (text)". */
static const struct { int err; const char *name, *text; } restart[] = {
    { 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set" },
    { 513, "ERESTARTNOINTR", "To be restarted" },
    { 514, "ERESTARTNOHAND", "To be restarted if no handler" },
    { 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal" },
};

void fmt_result(struct fbuf *b, const struct personality *p, int retkind, long ret)
{
    if (ret < 0 && ret >= -4095) {
        int err = (int)-ret;
        for (size_t i = 0; i < sizeof restart / sizeof restart[0]; i++)
            if (restart[i].err == err) {
                fb_printf(b, " = ? %s (%s)", restart[i].name, restart[i].text);
                return;
            }
        int g = p && p->errno_to_guest ? p->errno_to_guest(err) : err;
        const char *name = p && p->errno_name ? p->errno_name(g) : NULL;
        if (name)
            fb_printf(b, " = -1 %s (%s)", name, strerror(err));
        else
            fb_printf(b, " = -1 ERRNO_%d (%s)", g, strerror(err));
        return;
    }
    fb_puts(b, " = ");
    switch (retkind) {
    case A_PTR: case A_HEX:
        fb_printf(b, "%#lx", (unsigned long)ret);
        break;
    case A_OCT:
        fb_printf(b, "%#lo", (unsigned long)ret);
        break;
    default:
        fb_printf(b, "%ld", ret);
    }
}

const char *fmt_signame(const struct personality *p, int host_sig, char *tmp, size_t len)
{
    const char *n = p && p->signal_name ? p->signal_name(host_sig) : NULL;
    if (n)
        return n;
    snprintf(tmp, len, "SIG%d", host_sig);
    return tmp;
}
