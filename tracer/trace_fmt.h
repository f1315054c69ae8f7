/* Pure formatting for --trace: quoting byte buffers, naming flags and constants,
 * printing integers by argument kind.  No guest access here, so all of it is unit-tested
 * on plain buffers; tracer/trace.c fetches guest memory and calls these. */
#ifndef LSL2_TRACE_FMT_H
#define LSL2_TRACE_FMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "personalities/personality.h"

/* How many bytes of a string or buffer are shown (strace -s 32), how many
 * entries of a string array, and how much of a path. */
#define TRACE_STRLEN   32
#define TRACE_STRV_MAX 32
#define TRACE_PATHLEN  256

/* A bounded output buffer: appends never overflow; the text stays NUL-terminated and
 * `full` records that something was cut. */
struct fbuf {
    char  *p;
    size_t len, cap;
    bool   full;
};
void fb_init(struct fbuf *b, char *buf, size_t cap);
void fb_puts(struct fbuf *b, const char *s);
void fb_putn(struct fbuf *b, const char *s, size_t n);
void fb_printf(struct fbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Appends data[0..n) quoted as strace does ("...", escapes \n \t \" \\ and \ooo), showing
 * at most `limit` bytes; `...` follows the closing quote when n > limit or `more` says the
 * data went on beyond n. */
void fmt_quote(struct fbuf *b, const void *data, size_t n, size_t limit, bool more);

/* Name of val in an xlat table, or NULL. */
const char *xlat_name(const struct xlat *tab, uint64_t val);
/* Appends val decoded through set: an enum name, or flag names joined by '|' with any
 * unknown bits in hex ("O_WRONLY|O_CREAT|0x40000000").  A NULL set prints hex. */
void fmt_xlat(struct fbuf *b, const struct xlat_set *set, uint64_t val);
/* Appends a file mode: type and set-id bits by name, permissions in octal ("S_IFREG|0644"). */
void fmt_mode(struct fbuf *b, const struct xlat_set *set, uint64_t val);
/* Appends val as a plain number of kind A_INT, A_UINT, A_HEX, A_PTR, A_OCT, A_FD, A_SIZE,
 * A_OFF (anything else: hex). Returns false for kinds that are not plain numbers. */
bool fmt_number(struct fbuf *b, int kind, uint64_t val);

/* Appends " = RESULT" for a syscall result in the host convention (-4095..-1: -errno):
 * decimal, or hex/octal for a result kind A_PTR/A_HEX/A_OCT; errors as
 * "= -1 ENOENT (No such file or directory)" with p's errno name for the guest's value,
 * and the kernel's restart codes as "= ? ERESTARTSYS (...)". */
void fmt_result(struct fbuf *b, const struct personality *p, int retkind, long ret);
/* Appends "SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=.., ...}" for a host
 * signal and its host siginfo (may be NULL: the name alone), names in p's naming. */
void fmt_siginfo(struct fbuf *b, const struct personality *p, int host_sig, const void *siginfo);
/* Appends "exited with 0" / "killed by SIGKILL (core dumped)" for a wait status. */
void fmt_wait_status(struct fbuf *b, const struct personality *p, int wstatus);
/* p's name for a host signal, or "SIG<n>" written into tmp. */
const char *fmt_signame(const struct personality *p, int host_sig, char *tmp, size_t len);

#endif
