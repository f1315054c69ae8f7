/* FreeBSD extended attributes (sys/extattr.h) on Linux xattrs: a FreeBSD
 * namespace is a Linux name prefix, and extattr_list_*'s answer is a sequence
 * of [length byte][name] records without prefix or NUL, where Linux lists
 * NUL-terminated prefixed names.  Also the ACL type numbers (sys/acl.h). */
#ifndef LSL2_ABI_FREEBSD_EXTATTR_H
#define LSL2_ABI_FREEBSD_EXTATTR_H

#include <stddef.h>

#define FBSD_EXTATTR_NAMESPACE_EMPTY  0
#define FBSD_EXTATTR_NAMESPACE_USER   1
#define FBSD_EXTATTR_NAMESPACE_SYSTEM 2
#define FBSD_EXTATTR_MAXNAMELEN       255     /* NAME_MAX */

#define FBSD_ACL_TYPE_ACCESS_OLD  0
#define FBSD_ACL_TYPE_DEFAULT_OLD 1
#define FBSD_ACL_TYPE_ACCESS      2
#define FBSD_ACL_TYPE_DEFAULT     3
#define FBSD_ACL_TYPE_NFS4        4

/* The Linux prefix of a namespace: "user." for USER; "trusted." for SYSTEM
 * (both are for privileged processes only and hold any name); NULL for EMPTY
 * and unknown numbers (FreeBSD: EINVAL). */
const char *fbsd_extattr_prefix(int ns);

/* Converts a Linux list (inlen bytes) into FreeBSD records for namespace ns:
 * names with other prefixes, and names too long for a length byte, are left
 * out.  Writes at most cap bytes to out (may be NULL with cap 0); returns the
 * full length. */
size_t fbsd_extattr_list_from_linux(int ns, const char *in, size_t inlen, unsigned char *out,
                                    size_t cap);

#endif
