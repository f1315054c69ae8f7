/* ELF inspection (libelf): what a program is, before anything runs it. */
#ifndef LSL2_ELF_H
#define LSL2_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum elf_brand { BRAND_LINUX, BRAND_FREEBSD };

struct elf_info {
    unsigned       machine;      /* EM_* */
    unsigned       type;         /* ET_EXEC, ET_DYN */
    unsigned char  osabi;        /* EI_OSABI */
    bool           freebsd_note; /* a "FreeBSD" ABI note */
    enum elf_brand brand;
    bool           has_interp;
    char           interp[256];  /* PT_INTERP, guest path */
    bool           has_tls;      /* PT_TLS */
    uint64_t       tls_vaddr, tls_filesz, tls_memsz, tls_align;
    uint64_t       entry;
    uint64_t       phoff;        /* program headers, for AT_PHDR */
    unsigned       phnum, phentsize;
};

/* Inspects the ELF file open at fd.  Returns 0, or -1 with a short reason in err
 * ("not an ELF file", "truncated ELF header", "ELF for aarch64, not x86-64", ...).
 * Only 64-bit little-endian x86-64 executables and shared objects pass. */
int elf_inspect_fd(int fd, struct elf_info *out, char *err, size_t errlen);

/* A readable name for an EM_* value ("aarch64", "i386", ...). */
const char *elf_machine_name(unsigned machine);

#endif
