/* Freestanding FreeBSD amd64 program (no libc): checks the process start lsl2 builds —
 * registers, auxv, ps_strings — and the __sysctl, __sysctlbyname and sysarch emulation.
 * Prints "ok X" / "FAIL X" lines; exit status = number of failures. */
typedef unsigned long u64;
static long sc6(long n, long a, long b, long c, long d, long e, long f) {
    long ret; char cf;
    register long r10 __asm__("r10") = d; register long r8 __asm__("r8") = e; register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall; setc %1" : "=a"(ret), "=r"(cf), "+D"(a), "+S"(b), "+d"(c), "+r"(r10), "+r"(r8), "+r"(r9) : "0"(n) : "rcx", "r11", "memory");
    return cf ? -ret : ret;
}
static u64 slen(const char *s) { u64 n = 0; while (s[n]) n++; return n; }
static void out(const char *s) { sc6(4, 1, (long)s, slen(s), 0, 0, 0); }
static void outn(const char *k, u64 v) {
    char b[32]; int i = 31; b[i] = 0;
    do { b[--i] = "0123456789abcdef"[v % 16]; v /= 16; } while (v);
    out(k); out("=0x"); out(b + i); out("\n");
}
static int fails;
static void check(const char *what, int ok) { out(ok ? "ok " : "FAIL "); out(what); out("\n"); fails += !ok; }
static int streq(const char *a, const char *b) { while (*a && *a == *b) a++, b++; return *a == *b; }

void cstart(u64 *ap, u64 rsp) {
    u64 argc = ap[0];
    char **argv = (char **)(ap + 1);
    char **envp = argv + argc + 1;
    u64 *aux = (u64 *)envp; while (*aux) aux++; aux++;
    u64 at[40] = {0}; int seen[40] = {0};
    for (u64 *a = aux; a[0]; a += 2) if (a[0] < 40) { at[a[0]] = a[1]; seen[a[0]]++; }
    check("rsp = 8 mod 16", rsp % 16 == 8);
    check("argc >= 2 and argv[1] = hi", argc >= 2 && streq(argv[1], "hi"));
    check("AT_EXECPATH", seen[15] && streq((char *)at[15], "/start"));
    check("AT_OSRELDATE", at[18] == 1302001);
    check("AT_PAGESZ", at[6] == 4096);
    check("AT_CANARYLEN 64", at[17] == 64 && at[16]);
    check("AT_PAGESIZES", at[21] == 24 && ((u64 *)at[20])[0] == 4096);
    check("AT_NCPUS", at[19] >= 1);
    check("AT_ARGC/ARGV/ENVV", at[28] == argc && at[29] == (u64)argv && at[31] == (u64)envp);
    check("no AT_TIMEKEEP, AT_HWCAP", !seen[22] && !seen[25]);
    u64 *ps = (u64 *)at[32];
    check("ps_strings", ps && ps[0] == (u64)argv && (unsigned)ps[1] == argc);
    /* sysctl */
    int mib[4] = {1, 1}; char buf[64]; u64 len = sizeof buf;
    check("kern.ostype", sc6(202, (long)mib, 2, (long)buf, (long)&len, 0, 0) == 0 && streq(buf, "FreeBSD") && len == 8);
    len = 0;
    check("size query", sc6(202, (long)mib, 2, 0, (long)&len, 0, 0) == 0 && len == 8);
    len = 3;
    check("ENOMEM short", sc6(202, (long)mib, 2, (long)buf, (long)&len, 0, 0) == -12 && len == 3);
    int n2o[2] = {0, 3}; int oid[24]; len = sizeof oid;
    check("name2oid kern.ps_strings", sc6(202, (long)n2o, 2, (long)oid, (long)&len, (long)"kern.ps_strings", 15) == 0 && len == 8 && oid[1] == 32);
    u64 v = 0; len = 8;
    check("kern.ps_strings = AT_PS_STRINGS", sc6(202, (long)oid, 2, (long)&v, (long)&len, 0, 0) == 0 && v == at[32]);
    outn("ps_strings", v);
    len = sizeof buf;
    check("sysctlbyname hw.machine", sc6(570, (long)"hw.machine", 10, (long)buf, (long)&len, 0, 0) == 0 && streq(buf, "amd64"));
    check("sysctlbyname ENOENT", sc6(570, (long)"hw.nosuch", 9, (long)buf, (long)&len, 0, 0) == -2);
    check("EFAULT", sc6(202, 8, 2, (long)buf, (long)&len, 0, 0) == -14);
    int pn[4] = {1, 14, 12, -1}; char path[256]; len = sizeof path;
    check("kern.proc.pathname", sc6(202, (long)pn, 4, (long)path, (long)&len, 0, 0) == 0 && streq(path, "/start"));
    v = 0; len = 8; mib[1] = 33;
    check("kern.usrstack above stack", sc6(202, (long)mib, 2, (long)&v, (long)&len, 0, 0) == 0 && v > (u64)ap);
    /* sysarch */
    static u64 tls[4]; tls[0] = (u64)tls; u64 base = (u64)tls, got = 0;
    check("sysarch set fsbase", sc6(165, 129, (long)&base, 0, 0, 0, 0) == 0);
    check("sysarch get fsbase", sc6(165, 128, (long)&got, 0, 0, 0, 0) == 0 && got == base);
    u64 self; __asm__ volatile("movq %%fs:0, %0" : "=r"(self));
    check("%fs:0 reads the TLS block", self == (u64)tls);
    check("sysarch bad op", sc6(165, 999, (long)&got, 0, 0, 0, 0) == -22);
    sc6(1, fails, 0, 0, 0, 0, 0);
}
__asm__(".globl _start\n_start:\n mov %rsp, %rsi\n and $-16, %rsp\n call cstart\n hlt\n");
void *memset(void *d, int c, unsigned long n) { char *p = d; while (n--) *p++ = (char)c; return d; }
