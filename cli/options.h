/* The parsed command line. */
#ifndef LSL2_OPTIONS_H
#define LSL2_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

struct bind {
    const char *host;
    const char *guest;      /* defaults to host */
    bool        ro;
};

struct options {
    const char  *personality;   /* "auto", "linux", "freebsd" */
    bool         debug;          /* -d */
    const char  *workdir;        /* -w, NULL: default */
    struct bind *binds; size_t nbinds;
    const char **envset; size_t nenvset;   /* -e NAME=VALUE, in order */
    bool         clearenv;
    bool         root;           /* -r */
    bool         no_network;     /* -n */
    bool         trace;          /* --trace */
    const char  *trace_file;     /* --trace=FILE, NULL: stderr */
    bool         supervise;      /* --supervise: ptrace even when nothing needs translating */
    const char  *rootfs;
    char       **argv;           /* guest command and arguments; NULL/empty: /bin/sh */
    int          argc;
    enum { ACT_RUN, ACT_HELP, ACT_VERSION, ACT_SYSCALLS } action;
};

/* Exit statuses of lsl2's own failures (as chroot(1) and env(1)). */
enum { EXIT_LSL2 = 125, EXIT_CANNOT_EXEC = 126, EXIT_NOT_FOUND = 127 };

/* Parses argv; on error writes one message (without the "lsl2: " prefix) into err
 * and returns -1. The options point into argv; free with options_free(). */
int  options_parse(int argc, char **argv, struct options *o, char *err, size_t errlen);
void options_free(struct options *o);

#endif
