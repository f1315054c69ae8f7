/* --trace decoding of the Linux-specific argument kinds: a summary of struct stat
 * (fetched from the guest, then printed like strace) and clone flags with their exit signal. */
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "personalities/linux/linux.h"
#include "abi/linux/xlat.h"
#include "tracer/tracee.h"
#include "tracer/trace_fmt.h"

/* struct stat of the x86-64 Linux ABI is the host's. */
static bool format_stat(struct tracee *t, uint64_t addr, struct fbuf *b)
{
    struct stat st;
    if (guest_read(t, addr, &st, sizeof st) < 0)
        return false;
    fb_puts(b, "{st_mode=");
    fmt_mode(b, &linux_xs_mode, st.st_mode);
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        fb_printf(b, ", st_rdev=makedev(%#x, %#x)", major(st.st_rdev), minor(st.st_rdev));
    else
        fb_printf(b, ", st_size=%lld", (long long)st.st_size);
    fb_puts(b, ", ...}");
    return true;
}

/* clone's low byte is the child's exit signal: strace shows it after the flags. */
static void format_clone_flags(uint64_t val, struct fbuf *b)
{
    uint64_t flags = val & ~0xffull;
    unsigned sig = val & 0xff;
    if (flags || !sig)
        fmt_xlat(b, &linux_xs_clone_flags, flags);
    if (sig) {
        const char *n = linux_signal_name((int)sig);
        if (flags)
            fb_putn(b, "|", 1);
        if (n) fb_puts(b, n); else fb_printf(b, "%u", sig);
    }
}

bool linux_format_arg(struct tracee *t, int kind, uint64_t val, bool on_exit,
                      long ret, char *buf, size_t len)
{
    struct fbuf b;
    fb_init(&b, buf, len);
    switch (kind) {
    case A_STAT_OUT:
        /* Shown only once the call filled it; otherwise the pointer, by the generic code. */
        return on_exit && ret >= 0 && val != 0 && format_stat(t, val, &b);
    case A_CLONE_FLAGS:
        format_clone_flags(val, &b);
        return true;
    }
    return false;
}
