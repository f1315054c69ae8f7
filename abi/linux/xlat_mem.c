/* Linux mmap/mprotect constants (<asm-generic/mman-common.h>, <asm/mman.h>, x86-64). */
#include <stddef.h>
#include "abi/linux/xlat.h"

static const struct xlat prot[] = {
    { 0, "PROT_NONE" }, { 1, "PROT_READ" }, { 2, "PROT_WRITE" }, { 4, "PROT_EXEC" },
    { 8, "PROT_SEM" }, { 0x01000000, "PROT_GROWSDOWN" }, { 0x02000000, "PROT_GROWSUP" },
    { 0, NULL }
};
const struct xlat_set linux_xs_mmap_prot = { XS_FLAGS, prot, 0, NULL };

/* The mapping type is a two-bit enum; everything else is flag bits. */
static const struct xlat maptype[] = {
    { 1, "MAP_SHARED" }, { 2, "MAP_PRIVATE" }, { 3, "MAP_SHARED_VALIDATE" }, { 0, NULL }
};
static const struct xlat mapflags[] = {
    { 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" }, { 0x40, "MAP_32BIT" },
    { 0x100, "MAP_GROWSDOWN" }, { 0x800, "MAP_DENYWRITE" }, { 0x1000, "MAP_EXECUTABLE" },
    { 0x2000, "MAP_LOCKED" }, { 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" },
    { 0x10000, "MAP_NONBLOCK" }, { 0x20000, "MAP_STACK" }, { 0x40000, "MAP_HUGETLB" },
    { 0x80000, "MAP_SYNC" }, { 0x100000, "MAP_FIXED_NOREPLACE" },
    { 0x4000000, "MAP_UNINITIALIZED" },
    { 0, NULL }
};
const struct xlat_set linux_xs_mmap_flags = { XS_FLAGS, mapflags, 3, maptype };
