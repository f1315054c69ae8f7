/* The initial process stack: parsing the one Linux builds at exec, and building
 * the one FreeBSD's kernel would have built (argc, argv, envp, auxv and the data
 * the auxv points to).  Pure functions on buffers and addresses; the ptrace side
 * is loader/freebsd_start.c. */
#ifndef LSL2_AUXV_H
#define LSL2_AUXV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Linux auxv types (include/uapi/linux/auxvec.h, asm/auxvec.h for x86-64). */
enum {
    LX_AT_NULL = 0, LX_AT_IGNORE = 1, LX_AT_EXECFD = 2, LX_AT_PHDR = 3,
    LX_AT_PHENT = 4, LX_AT_PHNUM = 5, LX_AT_PAGESZ = 6, LX_AT_BASE = 7,
    LX_AT_FLAGS = 8, LX_AT_ENTRY = 9, LX_AT_NOTELF = 10, LX_AT_UID = 11,
    LX_AT_EUID = 12, LX_AT_GID = 13, LX_AT_EGID = 14, LX_AT_PLATFORM = 15,
    LX_AT_HWCAP = 16, LX_AT_CLKTCK = 17, LX_AT_SECURE = 23,
    LX_AT_BASE_PLATFORM = 24, LX_AT_RANDOM = 25, LX_AT_HWCAP2 = 26,
    LX_AT_EXECFN = 31, LX_AT_SYSINFO_EHDR = 33, LX_AT_MINSIGSTKSZ = 51,
    LX_AT_SLOTS = 64               /* types below this are kept by the parser */
};

/* FreeBSD auxv types (sys/elf_common.h, FreeBSD 13.2). */
enum {
    FB_AT_NULL = 0, FB_AT_IGNORE = 1, FB_AT_EXECFD = 2, FB_AT_PHDR = 3,
    FB_AT_PHENT = 4, FB_AT_PHNUM = 5, FB_AT_PAGESZ = 6, FB_AT_BASE = 7,
    FB_AT_FLAGS = 8, FB_AT_ENTRY = 9, FB_AT_NOTELF = 10, FB_AT_UID = 11,
    FB_AT_EUID = 12, FB_AT_GID = 13, FB_AT_EGID = 14, FB_AT_EXECPATH = 15,
    FB_AT_CANARY = 16, FB_AT_CANARYLEN = 17, FB_AT_OSRELDATE = 18,
    FB_AT_NCPUS = 19, FB_AT_PAGESIZES = 20, FB_AT_PAGESIZESLEN = 21,
    FB_AT_TIMEKEEP = 22, FB_AT_STACKPROT = 23, FB_AT_EHDRFLAGS = 24,
    FB_AT_HWCAP = 25, FB_AT_HWCAP2 = 26, FB_AT_BSDFLAGS = 27, FB_AT_ARGC = 28,
    FB_AT_ARGV = 29, FB_AT_ENVC = 30, FB_AT_ENVV = 31, FB_AT_PS_STRINGS = 32,
    FB_AT_FXRNG = 33, FB_AT_KPRELOAD = 34, FB_AT_USRSTACKBASE = 35,
    FB_AT_USRSTACKLIM = 36, FB_AT_COUNT = 37
};

/* FreeBSD sys/mman.h protections, for AT_STACKPROT. */
enum { FB_PROT_READ = 0x1, FB_PROT_WRITE = 0x2, FB_PROT_EXEC = 0x4 };

/* What FreeBSD's kernel gives: sizeof(long) * 8 canary bytes (kern_exec.c),
 * and MAXPAGESIZES page sizes on amd64 (4 KiB, 2 MiB, 1 GiB). */
#define FB_CANARY_LEN     64
#define FB_MAXPAGESIZES   3
/* struct ps_strings (sys/exec.h) on amd64: ptr, u_int (+4 pad), ptr, u_int (+4 pad). */
#define FB_PS_STRINGS_SIZE 32
/* Where the ps_strings block sits below the Linux initial stack pointer (the
 * process's /proc stat "startstack"), so that kern.ps_strings can find it again
 * without keeping state. */
#define FB_PS_STRINGS_BELOW_SP 32

/* A parsed Linux auxiliary vector: values by type. */
struct lx_auxv {
    uint64_t val[LX_AT_SLOTS];
    uint64_t present;         /* bit t set: type t was in the vector */
    size_t   nentries;        /* entries before AT_NULL */
};

bool lx_auxv_get(const struct lx_auxv *a, unsigned type, uint64_t *val);

/* The Linux initial stack, as words read from the stack pointer upwards. */
struct lx_stack {
    uint64_t sp;              /* address of argc */
    uint64_t argc, envc;
    uint64_t argv_addr;       /* address of argv[0] */
    uint64_t envp_addr;       /* address of envp[0] */
    uint64_t auxv_addr;       /* address of the first auxv pair */
    size_t   words_used;      /* words from sp to the end of AT_NULL */
    struct lx_auxv aux;
};

/* Parses the nwords words read at sp.  Returns 0; -ENOSPC when the vectors
 * continue past nwords (read more and call again); -EINVAL when malformed
 * (absurd argc, no AT_NULL in a sane number of entries). */
int lx_stack_parse(const uint64_t *words, size_t nwords, uint64_t sp,
                   struct lx_stack *out);

/* What the FreeBSD stack image is built from. */
struct fb_start_in {
    uint64_t top;             /* the image lies wholly below this (16-aligned) */
    uint64_t argc, envc;
    const uint64_t *argv;     /* argc string pointers (kept as Linux placed them) */
    const uint64_t *envv;     /* envc string pointers */
    const struct lx_auxv *lx;
    /* For AT_BASE when Linux gives 0 (the program has no interpreter, e.g.
     * ld-elf.so.1 run directly): FreeBSD then gives the load base of an ET_DYN
     * program, AT_PHDR minus its program headers' offset; 0 for ET_EXEC. */
    bool     et_dyn;
    uint64_t phoff;
    const char *execpath;     /* guest path of the executable */
    const uint8_t *canary;    /* FB_CANARY_LEN bytes */
    uint32_t osreldate;
    uint32_t ncpus;
    uint64_t ehdr_flags;      /* e_flags of the program */
    uint64_t bsdflags;        /* AT_BSDFLAGS (0: no sigfastblock) */
};

struct fb_start_out {
    uint8_t *image;           /* malloc'd; caller frees */
    size_t   len;
    uint64_t addr;            /* guest address of image[0] */
    uint64_t argc_addr;       /* %rdi */
    uint64_t rsp;             /* initial %rsp, as FreeBSD's exec_setregs computes it */
    uint64_t auxv_addr;
    uint64_t ps_strings, execpath, canary, pagesizes;
    uint64_t base;            /* the AT_BASE given */
};

/* Builds the image.  Returns 0 or -errno (-EINVAL for missing AT_PHDR/AT_ENTRY,
 * -ENOMEM). */
int fb_start_build(const struct fb_start_in *in, struct fb_start_out *out);

/* Looks a type up in a FreeBSD auxv (pairs ending with AT_NULL) inside an image
 * built above; for tests and debugging.  Returns the count of entries of that
 * type (0: absent) and the first value in *val. */
int fb_auxv_find(const struct fb_start_out *o, uint64_t type, uint64_t *val);

#endif
