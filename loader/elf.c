/* What a program is, read with libelf before anything runs it: class, byte order,
 * machine and type, the program headers (PT_INTERP, PT_TLS) and the OS brand
 * (EI_OSABI or a FreeBSD ABI note).  Malformed input yields a reason, never a crash:
 * every offset and size read from the file is checked against the file's size. */
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "loader/elf.h"

#ifndef EM_LOONGARCH
#define EM_LOONGARCH 258
#endif
#ifndef NT_FREEBSD_ABI_TAG
#define NT_FREEBSD_ABI_TAG 1
#endif

static const struct { unsigned em; const char *name; } machines[] = {
    { EM_386, "i386" },       { EM_X86_64, "x86-64" },   { EM_AARCH64, "aarch64" },
    { EM_ARM, "arm" },        { EM_RISCV, "riscv" },     { EM_PPC, "powerpc" },
    { EM_PPC64, "powerpc64" },{ EM_S390, "s390" },       { EM_MIPS, "mips" },
    { EM_SPARC, "sparc" },    { EM_SPARCV9, "sparc64" }, { EM_IA_64, "ia64" },
    { EM_LOONGARCH, "loongarch" }, { EM_68K, "m68k" },   { EM_SH, "superh" },
    { EM_ALPHA, "alpha" },    { EM_PARISC, "hppa" },
};

const char *elf_machine_name(unsigned machine)
{
    for (size_t i = 0; i < sizeof machines / sizeof machines[0]; i++)
        if (machines[i].em == machine)
            return machines[i].name;
    return NULL;
}

static int fail(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

static int wrong_machine(unsigned em, char *err, size_t errlen)
{
    const char *name = elf_machine_name(em);
    if (name)
        return fail(err, errlen, "ELF for %s (not x86-64)", name);
    return fail(err, errlen, "ELF for machine %u (not x86-64)", em);
}

/* Whether the bytes of one note segment or section hold a FreeBSD ABI tag. */
static bool has_freebsd_note(Elf_Data *d)
{
    GElf_Nhdr nh;
    size_t off = 0, name_off, desc_off, next;
    while (d && off < d->d_size &&
           (next = gelf_getnote(d, off, &nh, &name_off, &desc_off)) > 0) {
        if (nh.n_type == NT_FREEBSD_ABI_TAG && nh.n_namesz == 8 &&
            memcmp((const char *)d->d_buf + name_off, "FreeBSD", 8) == 0)
            return true;
        off = next;
    }
    return false;
}

static bool in_file(uint64_t off, uint64_t len, uint64_t size)
{
    return off <= size && len <= size - off;
}

/* The checks that need only the identification bytes and the header, done by hand
 * so that the reason is precise ("truncated", "wrong class") before libelf runs. */
static int check_ident(int fd, uint64_t size, char *err, size_t errlen)
{
    unsigned char h[sizeof(Elf64_Ehdr)];
    if (size == 0)
        return fail(err, errlen, "empty file");
    ssize_t n = pread(fd, h, sizeof h, 0);
    if (n < 0)
        return fail(err, errlen, "cannot read: %s", strerror(errno));
    if (n < SELFMAG || memcmp(h, ELFMAG, SELFMAG) != 0)
        return fail(err, errlen, "not an ELF file");
    if (n < EI_NIDENT)
        return fail(err, errlen, "truncated ELF header (%zd bytes)", n);
    if (h[EI_CLASS] == ELFCLASS32) {
        /* Name the machine of 32-bit files too (i386, arm...). */
        if (n >= 20) {
            unsigned em = h[EI_DATA] == ELFDATA2MSB ? (unsigned)(h[18] << 8 | h[19])
                                                    : (unsigned)(h[19] << 8 | h[18]);
            const char *name = elf_machine_name(em);
            if (name)
                return fail(err, errlen, "32-bit ELF for %s (not x86-64)", name);
        }
        return fail(err, errlen, "32-bit ELF (not x86-64)");
    }
    if (h[EI_CLASS] != ELFCLASS64)
        return fail(err, errlen, "malformed ELF: bad class %u", h[EI_CLASS]);
    if (h[EI_DATA] != ELFDATA2LSB)
        return fail(err, errlen, h[EI_DATA] == ELFDATA2MSB ? "big-endian ELF (not x86-64)"
                                                           : "malformed ELF: bad byte order");
    if (h[EI_VERSION] != EV_CURRENT)
        return fail(err, errlen, "malformed ELF: bad version %u", h[EI_VERSION]);
    if ((size_t)n < sizeof(Elf64_Ehdr))
        return fail(err, errlen, "truncated ELF header (%zd of %zu bytes)", n, sizeof(Elf64_Ehdr));
    Elf64_Ehdr eh;
    memcpy(&eh, h, sizeof eh);
    if (eh.e_machine != EM_X86_64)
        return wrong_machine(eh.e_machine, err, errlen);
    if (eh.e_type == ET_REL)
        return fail(err, errlen, "ELF relocatable object, not an executable");
    if (eh.e_type == ET_CORE)
        return fail(err, errlen, "ELF core file, not an executable");
    if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN)
        return fail(err, errlen, "malformed ELF: unknown type %u", eh.e_type);
    if (eh.e_phnum == 0)
        return fail(err, errlen, "malformed ELF: no program headers");
    if (eh.e_phentsize != sizeof(Elf64_Phdr))
        return fail(err, errlen, "malformed ELF: program header size %u (not %zu)",
                    eh.e_phentsize, sizeof(Elf64_Phdr));
    if (eh.e_phnum == PN_XNUM)
        return fail(err, errlen, "malformed ELF: too many program headers");
    if (!in_file(eh.e_phoff, (uint64_t)eh.e_phnum * eh.e_phentsize, size))
        return fail(err, errlen, "truncated ELF: program headers beyond end of file");
    return 0;
}

static int read_interp(int fd, const GElf_Phdr *ph, uint64_t size, struct elf_info *out,
                       char *err, size_t errlen)
{
    if (ph->p_filesz < 2 || ph->p_filesz > sizeof out->interp || !in_file(ph->p_offset, ph->p_filesz, size))
        return fail(err, errlen, "malformed ELF: bad PT_INTERP");
    ssize_t n = pread(fd, out->interp, ph->p_filesz, (off_t)ph->p_offset);
    if (n != (ssize_t)ph->p_filesz || out->interp[ph->p_filesz - 1] != '\0' ||
        strlen(out->interp) == 0)
        return fail(err, errlen, "malformed ELF: bad PT_INTERP");
    out->has_interp = true;
    return 0;
}

int elf_inspect_fd(int fd, struct elf_info *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (errlen)
        err[0] = '\0';
    struct stat st;
    if (fstat(fd, &st) < 0)
        return fail(err, errlen, "cannot stat: %s", strerror(errno));
    if (!S_ISREG(st.st_mode))
        return fail(err, errlen, "not a regular file");
    uint64_t size = (uint64_t)st.st_size;
    if (check_ident(fd, size, err, errlen) < 0)
        return -1;

    if (elf_version(EV_CURRENT) == EV_NONE)
        return fail(err, errlen, "libelf: %s", elf_errmsg(-1));
    Elf *e = elf_begin(fd, ELF_C_READ, NULL);
    if (!e)
        return fail(err, errlen, "malformed ELF: %s", elf_errmsg(-1));
    int rc = -1;
    GElf_Ehdr eh;
    size_t phnum;
    if (!gelf_getehdr(e, &eh)) {
        fail(err, errlen, "malformed ELF: %s", elf_errmsg(-1));
        goto out;
    }
    if (elf_getphdrnum(e, &phnum) != 0) {
        fail(err, errlen, "malformed ELF: program headers: %s", elf_errmsg(-1));
        goto out;
    }
    out->machine = eh.e_machine;
    out->type = eh.e_type;
    out->osabi = eh.e_ident[EI_OSABI];
    out->entry = eh.e_entry;
    out->phoff = eh.e_phoff;
    out->phnum = (unsigned)phnum;
    out->phentsize = eh.e_phentsize;

    unsigned nload = 0;
    for (size_t i = 0; i < phnum; i++) {
        GElf_Phdr ph;
        if (!gelf_getphdr(e, (int)i, &ph)) {
            fail(err, errlen, "malformed ELF: program header %zu: %s", i, elf_errmsg(-1));
            goto out;
        }
        switch (ph.p_type) {
        case PT_LOAD:
            nload++;
            if (ph.p_filesz > ph.p_memsz) {
                fail(err, errlen, "malformed ELF: segment %zu larger in file than in memory", i);
                goto out;
            }
            if (!in_file(ph.p_offset, ph.p_filesz, size)) {
                fail(err, errlen, "truncated ELF: segment %zu beyond end of file", i);
                goto out;
            }
            break;
        case PT_INTERP:
            if (out->has_interp) {
                fail(err, errlen, "malformed ELF: two PT_INTERP");
                goto out;
            }
            if (read_interp(fd, &ph, size, out, err, errlen) < 0)
                goto out;
            break;
        case PT_TLS:
            out->has_tls = true;
            out->tls_vaddr = ph.p_vaddr;
            out->tls_filesz = ph.p_filesz;
            out->tls_memsz = ph.p_memsz;
            out->tls_align = ph.p_align;
            break;
        case PT_NOTE:
            if (!out->freebsd_note && in_file(ph.p_offset, ph.p_filesz, size) && ph.p_filesz <= 65536)
                out->freebsd_note = has_freebsd_note(
                    elf_getdata_rawchunk(e, (int64_t)ph.p_offset, ph.p_filesz, ELF_T_NHDR));
            break;
        }
    }
    if (nload == 0) {
        fail(err, errlen, "malformed ELF: no loadable segment");
        goto out;
    }
    /* Stripped-down binaries may keep .note.tag out of PT_NOTE: look at sections too. */
    for (Elf_Scn *scn = NULL; !out->freebsd_note && (scn = elf_nextscn(e, scn)) != NULL;) {
        GElf_Shdr sh;
        if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_NOTE || !in_file(sh.sh_offset, sh.sh_size, size))
            continue;
        out->freebsd_note = has_freebsd_note(elf_getdata(scn, NULL));
    }
    out->brand = (out->osabi == ELFOSABI_FREEBSD || out->freebsd_note) ? BRAND_FREEBSD : BRAND_LINUX;
    rc = 0;
out:
    elf_end(e);
    return rc;
}
