/* Unit tests: FreeBSD stat, statfs, dirent, termios, signal, wait, clock and
 * rlimit conversions (abi/freebsd). */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "abi/freebsd/stat.h"
#include "abi/freebsd/statfs.h"
#include "abi/freebsd/dirent.h"
#include "abi/freebsd/termios.h"
#include "abi/freebsd/signal.h"
#include "abi/freebsd/wait.h"
#include "abi/freebsd/time.h"
#include "abi/freebsd/resource.h"

static struct stat sample_stat(void)
{
    struct stat s;
    memset(&s, 0, sizeof(s));
    s.st_dev = makedev(8, 1);
    s.st_ino = 0x123456789aULL;
    s.st_nlink = 70000;
    s.st_mode = S_IFREG | 0644;
    s.st_uid = 1000;
    s.st_gid = 100;
    s.st_rdev = makedev(136, 3);
    s.st_size = 12345;
    s.st_blocks = 32;
    s.st_blksize = 4096;
    s.st_atim.tv_sec = 1;
    s.st_atim.tv_nsec = 2;
    s.st_mtim.tv_sec = 3;
    s.st_mtim.tv_nsec = 4;
    s.st_ctim.tv_sec = 5;
    s.st_ctim.tv_nsec = 6;
    return s;
}

static void stat_from_linux(void **state)
{
    (void)state;
    struct stat s = sample_stat();
    struct fbsd_stat f;
    memset(&f, 0xee, sizeof(f));
    fbsd_stat_from_linux(&f, &s);
    assert_int_equal(f.st_ino, 0x123456789aULL);
    assert_int_equal(f.st_nlink, 70000);
    assert_int_equal(f.st_mode, S_IFREG | 0644);
    assert_int_equal(f.st_uid, 1000);
    assert_int_equal(f.st_gid, 100);
    assert_int_equal(f.st_size, 12345);
    assert_int_equal(f.st_blocks, 32);
    assert_int_equal(f.st_blksize, 4096);
    assert_int_equal(f.st_mtim.tv_sec, 3);
    assert_int_equal(f.st_mtim.tv_nsec, 4);
    assert_int_equal(f.st_ctim.tv_nsec, 6);
    assert_int_equal(f.st_birthtim.tv_sec, -1);
    assert_int_equal(f.st_padding0, 0);
    assert_int_equal(f.st_spare[9], 0);
    /* FreeBSD makedev(8, 1) = 0x801; makedev(136, 3) = 0x8803. */
    assert_int_equal(f.st_dev, 0x801);
    assert_int_equal(f.st_rdev, 0x8803);
    /* sys/types.h __makedev: major high 24 bits at 40, low 8 at 8; minor bits 8-15 at 32. */
    assert_int_equal(fbsd_makedev(0x12345678, 0x9abcdef0), 0x123456de9abc78f0ULL);
    assert_int_equal(fbsd_dev_to_linux(fbsd_dev_from_linux(makedev(259, 70000))), makedev(259, 70000));

    struct fbsd_freebsd11_stat o;
    fbsd_freebsd11_stat_from_linux(&o, &s);
    assert_int_equal(o.st_ino, 0x3456789a);     /* truncated */
    assert_int_equal(o.st_nlink, 0xffff);       /* saturated */
    assert_int_equal(o.st_mode, S_IFREG | 0644);
    assert_int_equal(o.st_dev, 0x801);
    assert_int_equal(o.st_size, 12345);
    assert_int_equal(o.st_atim.tv_nsec, 2);
    assert_int_equal(o.st_birthtim.tv_sec, -1);
    assert_int_equal(o.st_lspare, 0);
}

static void stat_from_statx(void **state)
{
    (void)state;
    struct statx x;
    memset(&x, 0, sizeof(x));
    x.stx_mask = STATX_BASIC_STATS | STATX_BTIME;
    x.stx_mode = S_IFDIR | 0755;
    x.stx_ino = 42;
    x.stx_nlink = 3;
    x.stx_dev_major = 8;
    x.stx_dev_minor = 1;
    x.stx_btime.tv_sec = 99;
    x.stx_btime.tv_nsec = 7;
    x.stx_attributes = STATX_ATTR_IMMUTABLE | STATX_ATTR_NODUMP | STATX_ATTR_ENCRYPTED;
    x.stx_attributes_mask = STATX_ATTR_IMMUTABLE | STATX_ATTR_NODUMP | STATX_ATTR_ENCRYPTED;
    struct fbsd_stat f;
    fbsd_stat_from_statx(&f, &x);
    assert_int_equal(f.st_mode, S_IFDIR | 0755);
    assert_int_equal(f.st_dev, 0x801);
    assert_int_equal(f.st_birthtim.tv_sec, 99);
    assert_int_equal(f.st_birthtim.tv_nsec, 7);
    assert_int_equal(f.st_flags, FBSD_SF_IMMUTABLE | FBSD_UF_NODUMP);
    x.stx_mask &= ~STATX_BTIME;
    fbsd_stat_from_statx(&f, &x);
    assert_int_equal(f.st_birthtim.tv_sec, -1);
}

static void statfs_from_linux(void **state)
{
    (void)state;
    struct statfs s;
    memset(&s, 0, sizeof(s));
    s.f_type = 0xEF53;
    s.f_bsize = 4096;
    s.f_frsize = 1024;
    s.f_blocks = 1000;
    s.f_bfree = 500;
    s.f_bavail = 400;
    s.f_files = 100;
    s.f_ffree = 50;
    s.f_namelen = 255;
    s.f_flags = ST_RDONLY | ST_NOSUID | ST_NODEV;
    static struct fbsd_statfs f;
    fbsd_statfs_from_linux(&f, &s, "/dev/sda1", "/");
    assert_int_equal(f.f_version, FBSD_STATFS_VERSION);
    assert_string_equal(f.f_fstypename, "ext2fs");
    assert_string_equal(f.f_mntfromname, "/dev/sda1");
    assert_string_equal(f.f_mntonname, "/");
    assert_int_equal(f.f_bsize, 1024);
    assert_int_equal(f.f_iosize, 4096);
    assert_int_equal(f.f_blocks, 1000);
    assert_int_equal(f.f_bavail, 400);
    assert_int_equal(f.f_namemax, 255);
    assert_int_equal(f.f_flags, FBSD_MNT_RDONLY | FBSD_MNT_NOSUID | FBSD_MNT_LOCAL);

    char longname[200];
    memset(longname, 'a', sizeof(longname) - 1);
    longname[sizeof(longname) - 1] = 0;
    s.f_type = 0x6969;
    s.f_flags = 0;
    static struct fbsd_freebsd11_statfs o;
    fbsd_freebsd11_statfs_from_linux(&o, &s, longname, NULL);
    assert_int_equal(o.f_version, FBSD_FREEBSD11_STATFS_VERSION);
    assert_string_equal(o.f_fstypename, "nfs");
    assert_int_equal(o.f_flags, 0);            /* not local */
    assert_int_equal(strlen(o.f_mntfromname), 87);
    assert_string_equal(o.f_mntonname, "");
    assert_int_equal(o.f_blocks, 1000);
    assert_string_equal(fbsd_fstypename_from_magic(0x01021994, NULL), "tmpfs");
    assert_string_equal(fbsd_fstypename_from_magic(0x9fa0, NULL), "procfs");
    assert_string_equal(fbsd_fstypename_from_magic(0x12345, NULL), "unknown");
}

/* Appends one linux_dirent64 record to buf at *pos. */
static void put_lx(unsigned char *buf, size_t *pos, uint64_t ino, int64_t off, uint8_t type, const char *name)
{
    size_t nl = strlen(name);
    uint16_t reclen = (uint16_t)((19 + nl + 1 + 7) & ~7u);
    memset(buf + *pos, 0, reclen);
    memcpy(buf + *pos, &ino, 8);
    memcpy(buf + *pos + 8, &off, 8);
    memcpy(buf + *pos + 16, &reclen, 2);
    buf[*pos + 18] = type;
    memcpy(buf + *pos + 19, name, nl);
    *pos += reclen;
}

static void dirent_conversion(void **state)
{
    (void)state;
    static unsigned char in[4096], out[4096];
    size_t n = 0;
    char longname[256];
    memset(longname, 'x', 255);
    longname[255] = 0;
    put_lx(in, &n, 1, 10, FBSD_DT_DIR, ".");
    put_lx(in, &n, 0x100000002ULL, 20, FBSD_DT_REG, "file.txt");
    put_lx(in, &n, 3, 30, FBSD_DT_LNK, longname);
    struct fbsd_dirent_result r;

    memset(out, 0xaa, sizeof(out));
    assert_int_equal(fbsd_dirents_from_linux(out, sizeof(out), in, n, false, &r), 0);
    assert_int_equal(r.count, 3);
    assert_int_equal(r.in_used, n);
    assert_int_equal(r.out_used, 32 + 40 + FBSD_DIRLEN(255));
    assert_int_equal(r.last_off, 30);
    struct fbsd_dirent d;
    memcpy(&d, out + 32, 40);
    assert_int_equal(d.d_fileno, 0x100000002ULL);
    assert_int_equal(d.d_off, 20);
    assert_int_equal(d.d_reclen, 40);
    assert_int_equal(d.d_type, FBSD_DT_REG);
    assert_int_equal(d.d_namlen, 8);
    assert_memory_equal(d.d_name, "file.txt\0\0\0\0\0\0\0", 16);   /* NUL and zeroed padding */
    memcpy(&d, out + 72, FBSD_DIRLEN(255));
    assert_int_equal(d.d_namlen, 255);
    assert_int_equal(d.d_name[255], 0);

    /* Exact fit of the first two records: the third is left for the next call. */
    assert_int_equal(fbsd_dirents_from_linux(out, 72, in, n, false, &r), 0);
    assert_int_equal(r.count, 2);
    assert_int_equal(r.out_used, 72);
    assert_int_equal(r.last_off, 20);
    assert_true(r.in_used < n);
    /* Too small for one record. */
    assert_int_equal(fbsd_dirents_from_linux(out, 31, in, n, false, &r), -EINVAL);
    /* Empty input: end of directory. */
    assert_int_equal(fbsd_dirents_from_linux(out, 10, in, 0, false, &r), 0);
    assert_int_equal(r.count, 0);

    /* Old layout: 32-bit fileno, 4-byte records. */
    assert_int_equal(fbsd_dirents_from_linux(out, sizeof(out), in, n, true, &r), 0);
    assert_int_equal(r.count, 3);
    assert_int_equal(r.out_used, 12 + 20 + FBSD_FREEBSD11_DIRLEN(255));
    struct fbsd_freebsd11_dirent o;
    memcpy(&o, out + 12, 20);
    assert_int_equal(o.d_fileno, 2);
    assert_int_equal(o.d_reclen, 20);
    assert_int_equal(o.d_namlen, 8);
    assert_string_equal(o.d_name, "file.txt");
    assert_int_equal(fbsd_dirents_from_linux(out, 11, in, n, true, &r), -EINVAL);

    /* Malformed input is refused, never overread. */
    uint16_t bad = 4;
    memcpy(in + 16, &bad, 2);
    assert_int_equal(fbsd_dirents_from_linux(out, sizeof(out), in, n, false, &r), -EIO);
}

static void termios_both_ways(void **state)
{
    (void)state;
    struct fbsd_termios t;
    memset(&t, 0, sizeof(t));
    t.c_iflag = FBSD_ICRNL | FBSD_IXON | FBSD_IMAXBEL;
    t.c_oflag = FBSD_OPOST | FBSD_ONLCR | FBSD_TAB3;
    t.c_cflag = FBSD_CS8 | FBSD_CREAD | FBSD_HUPCL | FBSD_CRTSCTS | FBSD_CIGNORE;
    t.c_lflag = FBSD_ECHO | FBSD_ICANON | FBSD_ISIG | FBSD_IEXTEN | FBSD_ECHOE | FBSD_NOFLSH | FBSD_ALTWERASE;
    memset(t.c_cc, FBSD_POSIX_VDISABLE, sizeof(t.c_cc));
    t.c_cc[FBSD_VINTR] = 3;
    t.c_cc[FBSD_VEOF] = 4;
    t.c_cc[FBSD_VERASE] = 0x7f;
    t.c_cc[FBSD_VMIN] = 1;
    t.c_cc[FBSD_VTIME] = 0;
    t.c_ispeed = t.c_ospeed = 38400;

    struct fbsd_host_termios2 l;
    fbsd_termios_to_linux(&l, &t);
    assert_int_equal(l.c_iflag, 0x100 | 0x400 | 0x2000);          /* ICRNL IXON IMAXBEL */
    assert_int_equal(l.c_oflag, 0x1 | 0x4 | 0x1800);              /* OPOST ONLCR TAB3 */
    assert_int_equal(l.c_cflag, 0x30 | 0x80 | 0x400 | 0x80000000u | 0x1000 | (0x1000u << 16));
    assert_int_equal(l.c_lflag, 0x8 | 0x2 | 0x1 | 0x8000 | 0x10 | 0x80);
    assert_int_equal(l.c_cc[0], 3);      /* Linux VINTR */
    assert_int_equal(l.c_cc[4], 4);      /* Linux VEOF */
    assert_int_equal(l.c_cc[2], 0x7f);   /* Linux VERASE */
    assert_int_equal(l.c_cc[6], 1);      /* Linux VMIN */
    assert_int_equal(l.c_cc[11], 0);     /* VEOL: disabled */
    assert_int_equal(l.c_ospeed, 38400);

    struct fbsd_termios b;
    fbsd_termios_from_linux(&b, &l);
    assert_int_equal(b.c_iflag, t.c_iflag);
    assert_int_equal(b.c_oflag, t.c_oflag);
    assert_int_equal(b.c_cflag, t.c_cflag & ~FBSD_CIGNORE);
    assert_int_equal(b.c_lflag, t.c_lflag & ~FBSD_ALTWERASE);
    assert_int_equal(b.c_cc[FBSD_VINTR], 3);
    assert_int_equal(b.c_cc[FBSD_VEOL], FBSD_POSIX_VDISABLE);
    assert_int_equal(b.c_cc[FBSD_VMIN], 1);
    assert_int_equal(b.c_cc[FBSD_VTIME], 0);
    assert_int_equal(b.c_cc[FBSD_VSTATUS], 0x14);
    assert_int_equal(b.c_ispeed, 38400);
    /* Each CSIZE value survives. */
    for (uint32_t cs = 0; cs <= FBSD_CS8; cs += 0x100) {
        t.c_cflag = cs;
        fbsd_termios_to_linux(&l, &t);
        fbsd_termios_from_linux(&b, &l);
        assert_int_equal(b.c_cflag, cs);
    }
    assert_int_equal(FBSD_TIOCGETA, 0x402c7413);
    assert_int_equal(FBSD_TIOCGWINSZ, 0x40087468);
    uint64_t h;
    assert_int_equal(fbsd_val_to_host(&fbsd_ioctl_passthru_map, FBSD_TIOCGWINSZ, &h), 0);
    assert_int_equal(h, 0x5413);
    assert_int_equal(fbsd_val_to_host(&fbsd_ioctl_passthru_map, FBSD_FIODGNAME, &h), -1);
}

static void signals(void **state)
{
    (void)state;
    assert_int_equal(fbsd_signal_to_linux(FBSD_SIGUSR1), SIGUSR1);
    assert_int_equal(fbsd_signal_to_linux(FBSD_SIGCHLD), SIGCHLD);
    assert_int_equal(fbsd_signal_to_linux(FBSD_SIGBUS), SIGBUS);
    assert_int_equal(fbsd_signal_to_linux(FBSD_SIGSTOP), SIGSTOP);
    assert_int_equal(fbsd_signal_to_linux(FBSD_SIGRTMIN), 36);
    assert_int_equal(fbsd_signal_to_linux(FBSD_SIGRT_MAPPED_MAX), 64);
    assert_int_equal(fbsd_signal_to_linux(FBSD_SIGRT_MAPPED_MAX + 1), 0);
    assert_int_equal(fbsd_signal_to_linux(0), 0);
    assert_int_equal(fbsd_signal_from_linux(SIGPWR), 0);
    assert_int_equal(fbsd_signal_from_linux(SIGSTKFLT), 0);
    /* Every FreeBSD signal with a Linux number comes back unchanged, and no two share one. */
    int seen[65] = { 0 };
    for (int s = 1; s <= FBSD_NSIG; s++) {
        int l = fbsd_signal_to_linux(s);
        if (!l)
            continue;
        assert_true(l >= 1 && l <= 64);
        assert_int_equal(seen[l], 0);
        seen[l] = s;
        assert_int_equal(fbsd_signal_from_linux(l), s);
    }
    fbsd_sigset_t set = { { 0 } };
    set.bits[0] = 1u << (FBSD_SIGUSR1 - 1) | 1u << (FBSD_SIGCHLD - 1);
    set.bits[2] = 1u << (FBSD_SIGRTMIN - 65);
    set.bits[3] = 1u << 31;    /* signal 128: no Linux counterpart, dropped */
    uint64_t l = fbsd_sigset_to_linux(&set);
    assert_int_equal(l, (1ull << (SIGUSR1 - 1)) | (1ull << (SIGCHLD - 1)) | (1ull << 35));
    fbsd_sigset_t back;
    fbsd_sigset_from_linux(&back, l);
    assert_int_equal(back.bits[0], set.bits[0]);
    assert_int_equal(back.bits[2], set.bits[2]);
    assert_int_equal(back.bits[3], 0);
    assert_int_equal(fbsd_bits_to_host(&fbsd_sa_flags_map, FBSD_SA_SIGINFO | FBSD_SA_RESTART, NULL),
                     SA_SIGINFO | SA_RESTART);
    assert_int_equal(fbsd_sighow_to_linux(FBSD_SIG_SETMASK), SIG_SETMASK);
    assert_int_equal(fbsd_sighow_to_linux(0), -1);
    assert_int_equal(fbsd_si_code_from_linux(SI_USER), FBSD_SI_USER);
    assert_int_equal(fbsd_si_code_from_linux(SEGV_ACCERR), 2);

    siginfo_t si;
    memset(&si, 0, sizeof(si));
    si.si_signo = SIGCHLD;
    si.si_code = CLD_KILLED;
    si.si_pid = 77;
    si.si_status = SIGUSR2;
    struct fbsd_siginfo f;
    fbsd_siginfo_from_linux(&f, &si);
    assert_int_equal(f.fsi_signo, FBSD_SIGCHLD);
    assert_int_equal(f.fsi_code, CLD_KILLED);
    assert_int_equal(f.fsi_pid, 77);
    assert_int_equal(f.fsi_status, FBSD_SIGUSR2);
}

static void wait_status(void **state)
{
    (void)state;
    assert_int_equal(fbsd_wait_status_from_linux(7 << 8), 7 << 8);
    assert_int_equal(fbsd_wait_status_from_linux(SIGUSR1), FBSD_SIGUSR1);
    assert_int_equal(fbsd_wait_status_from_linux(SIGSEGV | 0x80), FBSD_SIGSEGV | FBSD_WCOREFLAG);
    assert_int_equal(fbsd_wait_status_from_linux((SIGTSTP << 8) | 0x7f), (FBSD_SIGTSTP << 8) | 0x7f);
    assert_int_equal(fbsd_wait_status_from_linux(0xffff), 0x13);
    uint64_t unk;
    assert_int_equal(fbsd_bits_to_host(&fbsd_wait_opts_map, FBSD_WNOHANG | FBSD_WCONTINUED | FBSD_WEXITED, &unk),
                     WNOHANG | WCONTINUED | WEXITED);
    assert_int_equal(fbsd_bits_to_host(&fbsd_wait_opts_map, FBSD_WTRAPPED, &unk), 0);
    assert_int_equal(unk, FBSD_WTRAPPED);
    assert_int_equal(fbsd_idtype_to_linux(FBSD_P_PID), P_PID);
    assert_int_equal(fbsd_idtype_to_linux(FBSD_P_ALL), P_ALL);
    assert_int_equal(fbsd_idtype_to_linux(FBSD_P_JAILID), -1);
}

static void clocks_and_limits(void **state)
{
    (void)state;
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_MONOTONIC), CLOCK_MONOTONIC);
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_UPTIME), CLOCK_MONOTONIC);
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_MONOTONIC_FAST), CLOCK_MONOTONIC_COARSE);
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_REALTIME_PRECISE), CLOCK_REALTIME);
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_THREAD_CPUTIME_ID), CLOCK_THREAD_CPUTIME_ID);
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_PROCESS_CPUTIME_ID), CLOCK_PROCESS_CPUTIME_ID);
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_SECOND), CLOCK_REALTIME_COARSE);
    assert_true(fbsd_clock_whole_seconds(FBSD_CLOCK_SECOND));
    assert_int_equal(fbsd_clockid_to_linux(FBSD_CLOCK_VIRTUAL), -1);
    assert_int_equal(fbsd_clockid_to_linux(3), -1);
    assert_int_equal(fbsd_rlimit_to_linux(FBSD_RLIMIT_NOFILE), RLIMIT_NOFILE);
    assert_int_equal(fbsd_rlimit_to_linux(FBSD_RLIMIT_NPROC), RLIMIT_NPROC);
    assert_int_equal(fbsd_rlimit_to_linux(FBSD_RLIMIT_MEMLOCK), RLIMIT_MEMLOCK);
    assert_int_equal(fbsd_rlimit_to_linux(FBSD_RLIMIT_AS), RLIMIT_AS);
    assert_int_equal(fbsd_rlimit_to_linux(FBSD_RLIMIT_KQUEUES), -1);
    assert_int_equal(fbsd_rlim_from_linux(RLIM_INFINITY), FBSD_RLIM_INFINITY);
    assert_int_equal(fbsd_rlim_from_linux(1024), 1024);
    assert_int_equal(fbsd_rlim_to_linux(FBSD_RLIM_INFINITY), RLIM_INFINITY);
    assert_int_equal(sizeof(struct fbsd_rusage), sizeof(struct rusage));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stat_from_linux),
        cmocka_unit_test(stat_from_statx),
        cmocka_unit_test(statfs_from_linux),
        cmocka_unit_test(dirent_conversion),
        cmocka_unit_test(termios_both_ways),
        cmocka_unit_test(signals),
        cmocka_unit_test(wait_status),
        cmocka_unit_test(clocks_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
