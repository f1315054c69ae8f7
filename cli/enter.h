/* Entering the rootfs: namespaces, mounts, chroot, and running the guest under
 * supervision.  Everything here runs after every check passed. */
#ifndef LSL2_CLI_ENTER_H
#define LSL2_CLI_ENTER_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include "cli/options.h"
#include "tracer/tracer.h"

/* One mount made in the private mount namespace, onto a target resolved (before
 * entering) inside the rootfs, so that it cannot land outside. */
struct mount_step {
    enum { MOUNT_PROC, MOUNT_BIND } kind;   /* PROC: a fresh proc under a PID
                                                   namespace, else a bind of /proc */
    char src[PATH_MAX];      /* host path (BIND) */
    char dst[PATH_MAX];      /* host path of the target */
    char guest[PATH_MAX];    /* the target as the guest sees it, for messages */
    bool ro;
};

struct enter_plan {
    const char  *root;        /* host path of the rootfs ("/": no chroot, no /proc etc.) */
    bool         chroot;
    struct mount_step *mounts; size_t nmounts;
    const char  *workdir;     /* guest directory */
    const char  *exec_path;   /* guest path for execve */
    char *const *argv;
    char *const *envp;
    bool         map_root;    /* -r */
    bool         no_network;  /* -n */
    bool         traced;
    struct tracer_config tcfg;
};

/* Builds the mount list: /proc, /dev, /sys (read-only) where the guest has the
 * directory, the host's /etc/resolv.conf onto the guest's when both exist, then
 * the --bind list.  Returns 0, or 125 with a message in err. */
int enter_plan_mounts(struct enter_plan *p, const struct options *o, char *err, size_t errlen);

/* Enters and runs the guest; returns lsl2's exit status (the guest's, 128+N for a
 * signal, 125 when setting up failed, after reporting it). */
int enter_run(const struct enter_plan *p);

#endif
