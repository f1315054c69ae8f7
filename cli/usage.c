/* Texts printed by --help and --version, and the --syscalls support table. */
#include <string.h>
#include "cli/usage.h"
#include "cli/options.h"
#include "personalities/personality.h"

static const char help_text[] =
"Usage: lsl2 [OPTIONS] ROOTFS [--] [COMMAND [ARG...]]\n"
"Run COMMAND (default: the guest's interactive /bin/sh) inside the guest root\n"
"filesystem ROOTFS: a Linux userland (glibc, musl, busybox) natively, or a\n"
"FreeBSD amd64 userland through lsl2's system call translation.\n"
"ROOTFS may be / (no chroot). Options after ROOTFS belong to COMMAND.\n"
"\n"
"Subsystems (named userlands in $LSL2_HOME, else /var/lib/lsl2 or\n"
"~/.local/share/lsl2):\n"
"  lsl2 import [--in-place] [-p P] NAME SOURCE   a tarball (.tar, .tar.gz, .tar.xz,\n"
"                        .tar.bz2, .tar.zst) or a directory\n"
"  lsl2 list [--json]    name, personality, OS and release, size, path\n"
"  lsl2 run [--here] [-d] NAME [--] [COMMAND...]   (also: lsl2 [OPTIONS] NAME ...)\n"
"  lsl2 config NAME [KEY [VALUE]] | --add KEY VALUE | --unset KEY\n"
"                        keys: path, personality, user, env.NAME, bind, network\n"
"  lsl2 remove [--yes] NAME | export NAME FILE | rename OLD NEW\n"
"  lsl2 link NAME [--dir DIR] [--all] [CMD...]   host commands NAME:CMD\n"
"  lsl2 unlink NAME [--dir DIR]\n"
"\n"
"Options:\n"
"  -p, --personality P   auto (default: from the program's ELF brand), linux, freebsd\n"
"  -d, --debug           print each rootfs check and setup step before entering\n"
"  -w, --workdir DIR     working directory in the guest (default: the host's\n"
"                        current directory when it exists in the guest, else /)\n"
"  -b, --bind HOST[:GUEST][:ro]\n"
"                        bind HOST onto GUEST (default: the same path) in the\n"
"                        guest; GUEST must exist in ROOTFS; repeatable\n"
"  -e, --env NAME=VALUE  set a guest environment variable; repeatable, in order\n"
"      --clearenv        start from an empty environment (PATH is still set)\n"
"  -r, --root            appear as uid 0 in the guest (user namespace; non-root)\n"
"  -n, --no-network      a new network namespace with only loopback\n"
"      --trace[=FILE]    log every guest system call (stderr, or FILE)\n"
"      --supervise       run under the ptrace supervisor even when nothing needs\n"
"                        translating (Linux guests: only the calls handlers need stop)\n"
"      --syscalls[=P]    print the system call support table of personality P\n"
"      --version         print the version and exit\n"
"  -h, --help            print this help and exit\n"
"\n"
"Environment: the guest gets the caller's environment without the host-only\n"
"variables (LD_*, DBUS_SESSION_BUS_ADDRESS, XDG_RUNTIME_DIR, XDG_SESSION_*,\n"
"SSH_AUTH_SOCK, SSH_AGENT_PID, GPG_AGENT_INFO, DISPLAY, WAYLAND_DISPLAY,\n"
"XAUTHORITY, LSL2_*), and PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:\n"
"/usr/bin:/sbin:/bin. The command is looked up through the guest's PATH.\n"
"\n"
"Exit status: the command's, or 128+N when it was killed by signal N;\n"
"  125  lsl2 itself failed (bad option, missing or empty ROOTFS, mount failure)\n"
"  126  the command was found but cannot be executed (not an x86-64 ELF\n"
"       or #! script, malformed ELF, missing interpreter)\n"
"  127  the command was not found in ROOTFS\n"
"\n"
"Examples:\n"
"  sudo lsl2 -d build/rootfs/busybox\n"
"  lsl2 -r rootfs /bin/sh -c 'id -u'\n"
"  lsl2 -b $HOME:/root:ro -w /root rootfs ls -l\n";

void usage_print(FILE *out)
{
    fputs(help_text, out);
}

void version_print(FILE *out)
{
    fprintf(out, "lsl2 %s\n", LSL2_VERSION);
}

/* The support level of a table entry, derived from what the entry holds. */
static const char *support_level(const struct syscall_ent *e)
{
    if (!e->enter && e->host_nr < 0)
        return "ENOSYS";    /* named for --trace, not implemented */
    if (e->flags & SF_PARTIAL)
        return "partial";
    if (e->enter || e->exit)
        return e->host_nr >= 0 ? "translated" : "emulated";
    return "native";
}

static void print_table(FILE *out, const struct personality *p)
{
    size_t n = 0, named = 0;
    fprintf(out, "# personality %s\n", p->name);
    for (size_t i = 0; i < p->nsyscalls; i++) {
        const struct syscall_ent *e = &p->table[i];
        if (!e->name)
            continue;
        named++;
        if (e->enter || e->host_nr >= 0)
            n++;
        fprintf(out, "%-4zu %-28s %-10s %s\n", i, e->name, support_level(e),
                e->note ? e->note : "");
    }
    fprintf(out, "# %s: %zu of %zu named system calls supported (the others, and unnamed "
                 "numbers: ENOSYS)\n", p->name, n, named);
}

int syscalls_print(FILE *out, const char *personality)
{
    static const char *const names[] = { "linux", "freebsd" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(personality, "auto") != 0 && strcmp(personality, names[i]) != 0)
            continue;
        const struct personality *p = personality_by_name(names[i]);
        if (p)
            print_table(out, p);
    }
    return 0;
}
