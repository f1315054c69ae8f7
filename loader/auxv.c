/* Initial stack images: Linux's parsed, FreeBSD's built.  See auxv.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "loader/auxv.h"

/* Bounds that no real exec exceeds (Linux caps argv+envp at 1/4 of the stack
 * rlimit; the auxv has a few dozen entries). */
#define MAX_VEC    (1u << 22)
#define MAX_AUXENT 256

bool lx_auxv_get(const struct lx_auxv *a, unsigned type, uint64_t *val)
{
    if (type >= LX_AT_SLOTS || !(a->present & (1ull << type)))
        return false;
    if (val)
        *val = a->val[type];
    return true;
}

int lx_stack_parse(const uint64_t *w, size_t n, uint64_t sp, struct lx_stack *out)
{
    memset(out, 0, sizeof(*out));
    out->sp = sp;
    if (n < 1)
        return -ENOSPC;
    uint64_t argc = w[0];
    if (argc > MAX_VEC)
        return -EINVAL;
    size_t i = 1 + argc;               /* the argv NULL */
    if (i >= n)
        return -ENOSPC;
    if (w[i] != 0)
        return -EINVAL;
    size_t env0 = ++i;
    while (i < n && w[i] != 0) {
        if (i - env0 > MAX_VEC)
            return -EINVAL;
        i++;
    }
    if (i >= n)
        return -ENOSPC;
    out->argc = argc;
    out->envc = i - env0;
    out->argv_addr = sp + 8;
    out->envp_addr = sp + 8 * env0;
    size_t aux0 = ++i;
    out->auxv_addr = sp + 8 * aux0;
    for (size_t e = 0;; e++) {
        if (e > MAX_AUXENT)
            return -EINVAL;
        if (i + 1 >= n)
            return -ENOSPC;
        uint64_t type = w[i], val = w[i + 1];
        i += 2;
        if (type == LX_AT_NULL)
            break;
        out->aux.nentries++;
        if (type < LX_AT_SLOTS) {
            out->aux.val[type] = val;
            out->aux.present |= 1ull << type;
        }
    }
    out->words_used = i;
    return 0;
}

struct auxent { uint64_t type, val; };

static uint64_t round_down16(uint64_t a) { return a & ~(uint64_t)15; }

static void put64(uint8_t *img, uint64_t base, uint64_t addr, uint64_t v)
{
    memcpy(img + (addr - base), &v, 8);
}

int fb_start_build(const struct fb_start_in *in, struct fb_start_out *out)
{
    memset(out, 0, sizeof(*out));
    uint64_t phdr, phent = 56, phnum = 0, pagesz = 4096, flags = 0, entry, base = 0;
    if (!lx_auxv_get(in->lx, LX_AT_PHDR, &phdr) || !lx_auxv_get(in->lx, LX_AT_ENTRY, &entry))
        return -EINVAL;
    if (in->argc > MAX_VEC || in->envc > MAX_VEC || (in->top & 15))
        return -EINVAL;
    lx_auxv_get(in->lx, LX_AT_PHENT, &phent);
    lx_auxv_get(in->lx, LX_AT_PHNUM, &phnum);
    lx_auxv_get(in->lx, LX_AT_PAGESZ, &pagesz);
    lx_auxv_get(in->lx, LX_AT_FLAGS, &flags);
    lx_auxv_get(in->lx, LX_AT_BASE, &base);
    /* Linux gives 0 when there is no interpreter; FreeBSD gives the load base of
     * an ET_DYN image (what ld-elf.so.1 run directly relocates itself with). */
    if (base == 0 && in->et_dyn && phdr >= in->phoff)
        base = phdr - in->phoff;

    /* Data blocks, from the top down. */
    const char *path = in->execpath ? in->execpath : "";
    size_t pathlen = strlen(path) + 1;
    uint64_t ps = in->top - FB_PS_STRINGS_BELOW_SP;
    uint64_t execpath = round_down16(ps - pathlen);
    uint64_t canary = execpath - FB_CANARY_LEN;
    uint64_t pagesizes = round_down16(canary - 8 * FB_MAXPAGESIZES);

    uint64_t argc_addr_tmp;
    struct auxent aux[] = {
        { FB_AT_PHDR, phdr },
        { FB_AT_PHENT, phent },
        { FB_AT_PHNUM, phnum },
        { FB_AT_PAGESZ, pagesz },
        { FB_AT_FLAGS, flags },
        { FB_AT_ENTRY, entry },
        { FB_AT_BASE, base },
        { FB_AT_EHDRFLAGS, in->ehdr_flags },
        { FB_AT_EXECPATH, execpath },
        { FB_AT_OSRELDATE, in->osreldate },
        { FB_AT_CANARY, canary },
        { FB_AT_CANARYLEN, FB_CANARY_LEN },
        { FB_AT_NCPUS, in->ncpus },
        { FB_AT_PAGESIZES, pagesizes },
        { FB_AT_PAGESIZESLEN, 8 * FB_MAXPAGESIZES },
        /* No AT_TIMEKEEP: there is no FreeBSD shared page, so libc's vdso
         * clock functions fall back to the syscalls.  No AT_HWCAP/AT_HWCAP2:
         * FreeBSD's amd64 sysentvec has no sv_hwcap. */
        { FB_AT_STACKPROT, FB_PROT_READ | FB_PROT_WRITE },
        { FB_AT_BSDFLAGS, in->bsdflags },
        { FB_AT_ARGC, in->argc },
        { FB_AT_ARGV, 0 },          /* filled below */
        { FB_AT_ENVC, in->envc },
        { FB_AT_ENVV, 0 },
        { FB_AT_PS_STRINGS, ps },
        { FB_AT_NULL, 0 },
    };
    size_t naux = sizeof(aux) / sizeof(aux[0]);
    uint64_t nwords = 1 + in->argc + 1 + in->envc + 1 + 2 * naux;
    argc_addr_tmp = round_down16(pagesizes - 8 * nwords);
    uint64_t argv = argc_addr_tmp + 8;
    uint64_t envv = argv + 8 * (in->argc + 1);
    uint64_t auxv = envv + 8 * (in->envc + 1);
    for (size_t i = 0; i < naux; i++) {
        if (aux[i].type == FB_AT_ARGV)
            aux[i].val = argv;
        else if (aux[i].type == FB_AT_ENVV)
            aux[i].val = envv;
    }

    uint64_t lo = argc_addr_tmp;
    size_t len = in->top - lo;
    uint8_t *img = calloc(1, len);
    if (!img)
        return -ENOMEM;
    put64(img, lo, lo, in->argc);
    for (uint64_t i = 0; i < in->argc; i++)
        put64(img, lo, argv + 8 * i, in->argv[i]);
    for (uint64_t i = 0; i < in->envc; i++)
        put64(img, lo, envv + 8 * i, in->envv[i]);
    for (size_t i = 0; i < naux; i++) {
        put64(img, lo, auxv + 16 * i, aux[i].type);
        put64(img, lo, auxv + 16 * i + 8, aux[i].val);
    }
    static const uint64_t sizes[FB_MAXPAGESIZES] = { 4096, 2u << 20, 1u << 30 };
    memcpy(img + (pagesizes - lo), sizes, sizeof(sizes));
    memcpy(img + (canary - lo), in->canary, FB_CANARY_LEN);
    memcpy(img + (execpath - lo), path, pathlen);
    /* struct ps_strings: ps_argvstr, ps_nargvstr, ps_envstr, ps_nenvstr. */
    uint32_t nargv = (uint32_t)in->argc, nenv = (uint32_t)in->envc;
    put64(img, lo, ps, argv);
    memcpy(img + (ps + 8 - lo), &nargv, 4);
    put64(img, lo, ps + 16, envv);
    memcpy(img + (ps + 24 - lo), &nenv, 4);

    out->image = img;
    out->len = len;
    out->addr = lo;
    out->argc_addr = lo;
    /* amd64 exec_setregs: %rsp = ((stack - 8) & ~0xF) + 8, %rdi = stack. */
    out->rsp = ((lo - 8) & ~(uint64_t)15) + 8;
    out->auxv_addr = auxv;
    out->ps_strings = ps;
    out->execpath = execpath;
    out->canary = canary;
    out->pagesizes = pagesizes;
    out->base = base;
    return 0;
}

int fb_auxv_find(const struct fb_start_out *o, uint64_t type, uint64_t *val)
{
    int count = 0;
    for (uint64_t a = o->auxv_addr; a + 16 <= o->addr + o->len; a += 16) {
        uint64_t t, v;
        memcpy(&t, o->image + (a - o->addr), 8);
        memcpy(&v, o->image + (a - o->addr) + 8, 8);
        if (t == type) {
            if (count++ == 0 && val)
                *val = v;
        }
        if (t == FB_AT_NULL)
            break;
    }
    return count;
}
