/* FreeBSD handlers for extended attributes and ACLs (personalities/freebsd/
 * extattr.c, acl.c), for the table in syscalls.c:
 *   extattr_{get,set,delete}_{file,link,fd}, extattr_list_{file,link,fd}
 *       .enter = fbsd_sys_extattr, .exit = fbsd_sys_extattr_exit
 *       (Linux xattrs; USER is "user.", SYSTEM "trusted.")
 *   __acl_{get,set,delete,aclcheck}_{file,link,fd}
 *       .enter = fbsd_sys_acl, .exit = fbsd_sys_acl_exit
 *       (EOPNOTSUPP once the file is found: lsl2 presents file systems without
 *       ACL support, as UFS mounted without the acls option) */
#ifndef LSL2_PERSONALITIES_FREEBSD_EXTATTR_H
#define LSL2_PERSONALITIES_FREEBSD_EXTATTR_H

#include "personalities/personality.h"

struct tracee;
struct sysc;

enum sys_action fbsd_sys_extattr(struct tracee *t, struct sysc *sc);
void fbsd_sys_extattr_exit(struct tracee *t, struct sysc *sc);
enum sys_action fbsd_sys_acl(struct tracee *t, struct sysc *sc);
void fbsd_sys_acl_exit(struct tracee *t, struct sysc *sc);

#endif
