/* FreeBSD guest: reading a big directory (argv[1], made by the test with
 * entries named e-NNN-<padding>, argv[2] of them) through readdir, telldir /
 * seekdir, raw getdirentries with a small buffer (records given in several
 * calls, *basep positions reusable with lseek) and the FreeBSD 11
 * getdirentries with its old record layout.  Prints "check NAME ok|FAIL". */
#define _WANT_FREEBSD11_DIRENT
#include <sys/types.h>
#include <sys/syscall.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check_fmt.h"

/* index of an entry name, -1 for . and .., -2 for anything else */
static int index_of(const char *name)
{
    if (!strcmp(name, ".") || !strcmp(name, ".."))
        return -1;
    int n;
    if (sscanf(name, "e-%d-", &n) != 1)
        return -2;
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3)
        return 2;
    const char *dir = argv[1];
    int want = atoi(argv[2]);
    int *seen = calloc(want, sizeof *seen);
    long *pos = calloc(want, sizeof *pos);
    int others = 0, dots = 0, bad = 0;

    /* readdir: every name once; telldir remembered before each entry */
    DIR *d = opendir(dir);
    check("opendir", d != NULL, "errno %ld%ld", errno, 0);
    if (!d)
        return 1;
    for (;;) {
        long here = telldir(d);
        struct dirent *e = readdir(d);
        if (!e)
            break;
        int i = index_of(e->d_name);
        if (i == -1) { dots++; continue; }
        if (i < 0 || i >= want) { others++; continue; }
        if (e->d_namlen != strlen(e->d_name) || e->d_type != DT_REG)
            bad++;
        seen[i]++;
        pos[i] = here;
    }
    int once = 0, twice = 0;
    for (int i = 0; i < want; i++) {
        once += seen[i] == 1;
        twice += seen[i] > 1;
    }
    check("readdir every entry once", once == want && twice == 0 && others == 0,
          "once %ld twice %ld", once, twice);
    check("readdir . and ..", dots == 2, "dots %ld%ld", dots, 0);
    check("readdir d_namlen/d_type", bad == 0, "bad %ld%ld", bad, 0);

    /* seekdir back to remembered places, far and near, then read on */
    int ok = 1, tried = 0;
    static const int picks[] = { 0, 1, 137, 499, 250, 3, 498, 42 };
    for (size_t k = 0; k < sizeof picks / sizeof picks[0]; k++) {
        int i = picks[k];
        if (i >= want)
            continue;
        seekdir(d, pos[i]);
        struct dirent *e = readdir(d);
        tried++;
        if (!e || index_of(e->d_name) != i) {
            printf("# seekdir to %d gave %s\n", i, e ? e->d_name : "(end)");
            ok = 0;
        }
    }
    check("telldir/seekdir round trip", ok && tried > 0, "tried %ld%ld", tried, 0);
    rewinddir(d);
    int count = 0;
    while (readdir(d))
        count++;
    check("rewinddir reads all again", count == want + 2, "count %ld want %ld", count, want + 2);
    closedir(d);

    /* raw getdirentries, 1 KiB at a time: all records, basep usable with lseek */
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    char buf[1024];
    off_t base, second = -1;
    int calls = 0, n2 = 0, recs = 0;
    long r;
    memset(seen, 0, want * sizeof *seen);
    while ((r = getdirentries(fd, buf, sizeof buf, &base)) > 0) {
        if (++calls == 2)
            second = base;
        for (long off = 0; off < r;) {
            struct dirent *e = (struct dirent *)(buf + off);
            int i = index_of(e->d_name);
            if (i >= 0 && i < want)
                seen[i]++;
            recs++;
            if (calls == 2)
                n2++;
            off += e->d_reclen;
        }
    }
    once = 0;
    for (int i = 0; i < want; i++)
        once += seen[i] == 1;
    check("getdirentries small buffer", r == 0 && once == want && recs == want + 2 && calls > 10,
          "once %ld calls %ld", once, calls);
    /* going back to the second call's base gives the same records again */
    lseek(fd, second, SEEK_SET);
    r = getdirentries(fd, buf, sizeof buf, &base);
    int again = 0;
    for (long off = 0; off > -1 && off < r; off += ((struct dirent *)(buf + off))->d_reclen)
        again++;
    check("getdirentries basep reusable", base == second && again == n2, "again %ld n2 %ld", again, n2);
    /* a buffer too small for one record */
    lseek(fd, 0, SEEK_SET);
    char tiny[24];   /* less than the smallest FreeBSD record (32 bytes) */
    r = getdirentries(fd, tiny, sizeof tiny, &base);
    int e1 = errno;
    (void)r;
    lseek(fd, 0, SEEK_SET);
    char *b2 = malloc(8192);
    int recs_after = 0;
    while ((r = getdirentries(fd, b2, 8192, &base)) > 0)
        for (long off = 0; off < r; off += ((struct dirent *)(b2 + off))->d_reclen)
            recs_after++;
    check("getdirentries tiny buffer EINVAL, nothing lost", e1 == EINVAL && recs_after == want + 2,
          "errno %ld recs %ld", e1, recs_after);
    check("getdirentries EBADF", getdirentries(999, buf, sizeof buf, &base) < 0 && errno == EBADF,
          "errno %ld%ld", errno, 0);
    check("getdirentries EFAULT", (lseek(fd, 0, SEEK_SET), getdirentries(fd, (char *)8, 4096, &base)) < 0 &&
          errno == EFAULT, "errno %ld%ld", errno, 0);
    int f = open("/etc/passwd", O_RDONLY);
    check("getdirentries on a file EINVAL", getdirentries(f, buf, sizeof buf, &base) < 0 && errno == EINVAL,
          "errno %ld%ld", errno, 0);
    close(f);

    /* FreeBSD 11 getdirentries: old records (32-bit d_fileno, 8-bit d_namlen) */
    lseek(fd, 0, SEEK_SET);
    long lbase;
    memset(seen, 0, want * sizeof *seen);
    recs = 0;
    bad = 0;
    while ((r = syscall(SYS_freebsd11_getdirentries, fd, buf, sizeof buf, &lbase)) > 0) {
        for (long off = 0; off < r;) {
            struct freebsd11_dirent *e = (struct freebsd11_dirent *)(buf + off);
            if (e->d_reclen < 12 || e->d_reclen % 4 || e->d_namlen != strlen(e->d_name))
                bad++;
            int i = index_of(e->d_name);
            if (i >= 0 && i < want)
                seen[i]++;
            recs++;
            off += e->d_reclen ? e->d_reclen : r;
        }
    }
    once = 0;
    for (int i = 0; i < want; i++)
        once += seen[i] == 1;
    check("freebsd11_getdirentries", r == 0 && once == want && recs == want + 2 && bad == 0,
          "once %ld bad %ld", once, bad);
    close(fd);
    printf("fails %d\n", fails);
    return fails != 0;
}
