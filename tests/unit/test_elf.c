/* loader/elf.c against generated good and bad ELF files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <elf.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "loader/elf.h"

static char dir[] = "/tmp/lsl2-test-elf.XXXXXX";
static char err[256];

/* A minimal x86-64 executable image: header, program headers, then payload bytes. */
struct img {
    Elf64_Ehdr eh;
    Elf64_Phdr ph[4];
    unsigned char payload[256];
};

static void base(struct img *m)
{
    memset(m, 0, sizeof *m);
    memcpy(m->eh.e_ident, ELFMAG, SELFMAG);
    m->eh.e_ident[EI_CLASS] = ELFCLASS64;
    m->eh.e_ident[EI_DATA] = ELFDATA2LSB;
    m->eh.e_ident[EI_VERSION] = EV_CURRENT;
    m->eh.e_type = ET_EXEC;
    m->eh.e_machine = EM_X86_64;
    m->eh.e_version = EV_CURRENT;
    m->eh.e_entry = 0x401000;
    m->eh.e_phoff = offsetof(struct img, ph);
    m->eh.e_ehsize = sizeof(Elf64_Ehdr);
    m->eh.e_phentsize = sizeof(Elf64_Phdr);
    m->eh.e_phnum = 1;
    m->ph[0] = (Elf64_Phdr){ .p_type = PT_LOAD, .p_flags = PF_R | PF_X, .p_offset = 0,
                             .p_vaddr = 0x400000, .p_filesz = sizeof *m, .p_memsz = sizeof *m,
                             .p_align = 0x1000 };
}

/* Writes len bytes to a new file and returns it open for reading. */
static int file_of(const void *buf, size_t len)
{
    static int n;
    char path[128];
    snprintf(path, sizeof path, "%s/f%d", dir, n++);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    if (len)
        assert_int_equal(fwrite(buf, 1, len, f), len);
    fclose(f);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    assert_true(fd >= 0);
    return fd;
}

static int inspect(const void *buf, size_t len, struct elf_info *info)
{
    int fd = file_of(buf, len);
    int r = elf_inspect_fd(fd, info, err, sizeof err);
    close(fd);
    return r;
}

static void expect_error(const void *buf, size_t len, const char *want)
{
    struct elf_info info;
    assert_int_equal(inspect(buf, len, &info), -1);
    if (!strstr(err, want))
        fail_msg("error '%s' does not contain '%s'", err, want);
}

static void test_valid_static(void **state)
{
    (void)state;
    struct img m;
    struct elf_info info;
    base(&m);
    assert_int_equal(inspect(&m, sizeof m, &info), 0);
    assert_int_equal(info.machine, EM_X86_64);
    assert_int_equal(info.type, ET_EXEC);
    assert_int_equal(info.brand, BRAND_LINUX);
    assert_false(info.has_interp);
    assert_false(info.has_tls);
    assert_int_equal(info.entry, 0x401000);
    assert_int_equal(info.phnum, 1);
    assert_int_equal(info.phoff, offsetof(struct img, ph));
}

static void test_interp_and_tls(void **state)
{
    (void)state;
    struct img m;
    struct elf_info info;
    base(&m);
    static const char ld[] = "/lib/ld-musl-x86_64.so.1";
    memcpy(m.payload, ld, sizeof ld);
    m.eh.e_type = ET_DYN;
    m.eh.e_phnum = 3;
    m.ph[1] = (Elf64_Phdr){ .p_type = PT_INTERP, .p_offset = offsetof(struct img, payload),
                            .p_filesz = sizeof ld, .p_memsz = sizeof ld, .p_align = 1 };
    m.ph[2] = (Elf64_Phdr){ .p_type = PT_TLS, .p_vaddr = 0x403000, .p_filesz = 8,
                            .p_memsz = 24, .p_align = 16, .p_offset = 64 };
    assert_int_equal(inspect(&m, sizeof m, &info), 0);
    assert_true(info.has_interp);
    assert_string_equal(info.interp, ld);
    assert_true(info.has_tls);
    assert_int_equal(info.tls_vaddr, 0x403000);
    assert_int_equal(info.tls_filesz, 8);
    assert_int_equal(info.tls_memsz, 24);
    assert_int_equal(info.tls_align, 16);
    assert_int_equal(info.type, ET_DYN);
}

static void test_osabi_freebsd(void **state)
{
    (void)state;
    struct img m;
    struct elf_info info;
    base(&m);
    m.eh.e_ident[EI_OSABI] = ELFOSABI_FREEBSD;
    assert_int_equal(inspect(&m, sizeof m, &info), 0);
    assert_int_equal(info.osabi, ELFOSABI_FREEBSD);
    assert_int_equal(info.brand, BRAND_FREEBSD);
}

/* A FreeBSD ABI tag note (.note.tag) with EI_OSABI left at SYSV, as FreeBSD's
 * own linker output often has it. */
static void test_freebsd_note(void **state)
{
    (void)state;
    struct img m;
    struct elf_info info;
    base(&m);
    Elf64_Nhdr nh = { .n_namesz = 8, .n_descsz = 4, .n_type = 1 /* NT_FREEBSD_ABI_TAG */ };
    memcpy(m.payload, &nh, sizeof nh);
    memcpy(m.payload + sizeof nh, "FreeBSD\0", 8);
    uint32_t osrel = 1302001;
    memcpy(m.payload + sizeof nh + 8, &osrel, 4);
    m.eh.e_phnum = 2;
    m.ph[1] = (Elf64_Phdr){ .p_type = PT_NOTE, .p_offset = offsetof(struct img, payload),
                            .p_filesz = sizeof nh + 12, .p_memsz = sizeof nh + 12, .p_align = 4 };
    assert_int_equal(inspect(&m, sizeof m, &info), 0);
    assert_true(info.freebsd_note);
    assert_int_equal(info.brand, BRAND_FREEBSD);
}

/* A GNU ABI note is not a FreeBSD brand. */
static void test_gnu_note_is_linux(void **state)
{
    (void)state;
    struct img m;
    struct elf_info info;
    base(&m);
    Elf64_Nhdr nh = { .n_namesz = 4, .n_descsz = 16, .n_type = 1 };
    memcpy(m.payload, &nh, sizeof nh);
    memcpy(m.payload + sizeof nh, "GNU\0", 4);
    m.eh.e_phnum = 2;
    m.ph[1] = (Elf64_Phdr){ .p_type = PT_NOTE, .p_offset = offsetof(struct img, payload),
                            .p_filesz = sizeof nh + 20, .p_memsz = sizeof nh + 20, .p_align = 4 };
    assert_int_equal(inspect(&m, sizeof m, &info), 0);
    assert_false(info.freebsd_note);
    assert_int_equal(info.brand, BRAND_LINUX);
}

static void test_empty(void **state)
{
    (void)state;
    expect_error("", 0, "empty file");
}

static void test_not_elf(void **state)
{
    (void)state;
    expect_error("echo hello\n", 11, "not an ELF file");
}

static void test_truncated_header(void **state)
{
    (void)state;
    struct img m;
    base(&m);
    expect_error(&m, 40, "truncated ELF header");
    expect_error(&m, 10, "truncated ELF header");
}

static void test_wrong_class(void **state)
{
    (void)state;
    Elf32_Ehdr eh;
    memset(&eh, 0, sizeof eh);
    memcpy(eh.e_ident, ELFMAG, SELFMAG);
    eh.e_ident[EI_CLASS] = ELFCLASS32;
    eh.e_ident[EI_DATA] = ELFDATA2LSB;
    eh.e_ident[EI_VERSION] = EV_CURRENT;
    eh.e_type = ET_EXEC;
    eh.e_machine = EM_386;
    expect_error(&eh, sizeof eh, "32-bit ELF for i386 (not x86-64)");
}

static void test_wrong_machine(void **state)
{
    (void)state;
    struct img m;
    base(&m);
    m.eh.e_machine = EM_AARCH64;
    expect_error(&m, sizeof m, "ELF for aarch64 (not x86-64)");
    m.eh.e_machine = 4242;
    expect_error(&m, sizeof m, "ELF for machine 4242 (not x86-64)");
}

static void test_big_endian(void **state)
{
    (void)state;
    struct img m;
    base(&m);
    m.eh.e_ident[EI_DATA] = ELFDATA2MSB;
    expect_error(&m, sizeof m, "big-endian");
}

static void test_not_executable_type(void **state)
{
    (void)state;
    struct img m;
    base(&m);
    m.eh.e_type = ET_REL;
    expect_error(&m, sizeof m, "relocatable");
    m.eh.e_type = ET_CORE;
    expect_error(&m, sizeof m, "core file");
}

static void test_bad_phdrs(void **state)
{
    (void)state;
    struct img m;
    base(&m);
    m.eh.e_phentsize = 40;
    expect_error(&m, sizeof m, "program header size");
    base(&m);
    m.eh.e_phnum = 0;
    expect_error(&m, sizeof m, "no program headers");
    base(&m);
    m.eh.e_phoff = 1u << 20;
    expect_error(&m, sizeof m, "program headers beyond end of file");
    base(&m);
    m.eh.e_phnum = 4000;
    expect_error(&m, sizeof m, "program headers beyond end of file");
    /* headers that fit but the file stops in the middle of them */
    base(&m);
    expect_error(&m, offsetof(struct img, ph) + 20, "program headers beyond end of file");
}

static void test_bad_segments(void **state)
{
    (void)state;
    struct img m;
    base(&m);
    m.ph[0].p_type = PT_NULL;
    expect_error(&m, sizeof m, "no loadable segment");
    base(&m);
    m.ph[0].p_offset = 0x100000;
    expect_error(&m, sizeof m, "segment 0 beyond end of file");
    base(&m);
    m.ph[0].p_offset = UINT64_MAX - 8;   /* offset + size overflows */
    expect_error(&m, sizeof m, "beyond end of file");
    base(&m);
    m.ph[0].p_filesz = m.ph[0].p_memsz + 1;
    expect_error(&m, sizeof m, "larger in file than in memory");
}

static void test_bad_interp(void **state)
{
    (void)state;
    struct img m;
    base(&m);
    memcpy(m.payload, "/lib/ld.so", 10);   /* no NUL inside the segment */
    m.eh.e_phnum = 2;
    m.ph[1] = (Elf64_Phdr){ .p_type = PT_INTERP, .p_offset = offsetof(struct img, payload),
                            .p_filesz = 10 };
    expect_error(&m, sizeof m, "bad PT_INTERP");
    m.ph[1].p_offset = 1u << 30;
    m.ph[1].p_filesz = 11;
    expect_error(&m, sizeof m, "bad PT_INTERP");
    m.ph[1].p_offset = 0;
    m.ph[1].p_filesz = 100000;
    expect_error(&m, sizeof m, "bad PT_INTERP");
}

/* A real binary: this test program, built by the host toolchain. */
static void test_real_host_binary(void **state)
{
    (void)state;
    struct elf_info info;
    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    assert_true(fd >= 0);
    assert_int_equal(elf_inspect_fd(fd, &info, err, sizeof err), 0);
    close(fd);
    assert_int_equal(info.machine, EM_X86_64);
    assert_int_equal(info.brand, BRAND_LINUX);
    assert_true(info.has_interp);
    assert_non_null(strstr(info.interp, "ld-linux-x86-64"));
}

static void test_directory_fd(void **state)
{
    (void)state;
    struct elf_info info;
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    assert_true(fd >= 0);
    assert_int_equal(elf_inspect_fd(fd, &info, err, sizeof err), -1);
    assert_non_null(strstr(err, "not a regular file"));
    close(fd);
}

static void test_machine_names(void **state)
{
    (void)state;
    assert_string_equal(elf_machine_name(EM_AARCH64), "aarch64");
    assert_string_equal(elf_machine_name(EM_X86_64), "x86-64");
    assert_string_equal(elf_machine_name(EM_386), "i386");
    assert_string_equal(elf_machine_name(EM_RISCV), "riscv");
    assert_null(elf_machine_name(4242));
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_static),
        cmocka_unit_test(test_interp_and_tls),
        cmocka_unit_test(test_osabi_freebsd),
        cmocka_unit_test(test_freebsd_note),
        cmocka_unit_test(test_gnu_note_is_linux),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_not_elf),
        cmocka_unit_test(test_truncated_header),
        cmocka_unit_test(test_wrong_class),
        cmocka_unit_test(test_wrong_machine),
        cmocka_unit_test(test_big_endian),
        cmocka_unit_test(test_not_executable_type),
        cmocka_unit_test(test_bad_phdrs),
        cmocka_unit_test(test_bad_segments),
        cmocka_unit_test(test_bad_interp),
        cmocka_unit_test(test_real_host_binary),
        cmocka_unit_test(test_directory_fd),
        cmocka_unit_test(test_machine_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
