/* --trace display of the FreeBSD structs a call writes: a short summary of
 * struct stat (13.2 layout) and struct freebsd11_stat (10.x/11.x programs),
 * read from guest memory at the exit stop, shown like strace's abbreviated form. */
#include <inttypes.h>
#include <stdio.h>
#include "personalities/freebsd/freebsd.h"
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

static void format_summary(char *buf, size_t len, uint32_t mode, int64_t size, uint64_t rdev)
{
    const char *type = file_type_name(mode);
    char m[48];
    if (type)
        snprintf(m, sizeof m, "%s|%#o", type, mode & ~FBSD_S_IFMT);
    else
        snprintf(m, sizeof m, "%#o", mode);
    uint32_t t = mode & FBSD_S_IFMT;
    if (t == FBSD_S_IFCHR || t == FBSD_S_IFBLK)
        snprintf(buf, len, "{st_mode=%s, st_rdev=%#" PRIx64 ", ...}", m, rdev);
    else
        snprintf(buf, len, "{st_mode=%s, st_size=%" PRId64 ", ...}", m, size);
}

bool fbsd_format_arg(struct tracee *t, int kind, uint64_t val, bool on_exit,
                     long ret, char *buf, size_t len)
{
    if (kind != A_STAT_OUT && kind != A_FBSD_STAT11)
        return false;
    /* Before the call, or after a failed one, the struct holds nothing to show. */
    if (!on_exit || ret < 0 || val == 0) {
        snprintf(buf, len, val ? "%#" PRIx64 : "NULL", val);
        return true;
    }
    if (kind == A_STAT_OUT) {
        struct fbsd_stat st;
        if (guest_read(t, val, &st, sizeof st) < 0)
            snprintf(buf, len, "%#" PRIx64, val);
        else
            format_summary(buf, len, st.st_mode, st.st_size, st.st_rdev);
    } else {
        struct fbsd_freebsd11_stat st;
        if (guest_read(t, val, &st, sizeof st) < 0)
            snprintf(buf, len, "%#" PRIx64, val);
        else
            format_summary(buf, len, st.st_mode, st.st_size, st.st_rdev);
    }
    return true;
}
