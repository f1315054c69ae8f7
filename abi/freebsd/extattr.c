/* Extended attribute names and lists (see extattr.h). */
#include <string.h>
#include "abi/freebsd/extattr.h"

const char *fbsd_extattr_prefix(int ns)
{
    switch (ns) {
    case FBSD_EXTATTR_NAMESPACE_USER:   return "user.";
    case FBSD_EXTATTR_NAMESPACE_SYSTEM: return "trusted.";
    default:                            return NULL;
    }
}

size_t fbsd_extattr_list_from_linux(int ns, const char *in, size_t inlen, unsigned char *out,
                                    size_t cap)
{
    const char *prefix = fbsd_extattr_prefix(ns);
    size_t plen = prefix ? strlen(prefix) : 0, len = 0;
    if (!prefix)
        return 0;
    for (size_t i = 0; i < inlen; ) {
        const char *name = in + i;
        size_t n = strnlen(name, inlen - i);
        i += n + 1;
        if (n <= plen || strncmp(name, prefix, plen) != 0 || n - plen > FBSD_EXTATTR_MAXNAMELEN)
            continue;
        size_t rec = n - plen;
        if (len < cap)
            out[len] = (unsigned char)rec;
        for (size_t k = 0; k < rec; k++)
            if (len + 1 + k < cap)
                out[len + 1 + k] = (unsigned char)name[plen + k];
        len += 1 + rec;
    }
    return len;
}
