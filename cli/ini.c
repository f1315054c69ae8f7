/* INI files as a list of lines: parsing is done on lookup, so everything the user
 * wrote by hand (comments, blank lines, order) is written back unchanged. */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/ini.h"

static int push_line(struct ini *ini, const char *s, size_t n)
{
    char **nl = realloc(ini->lines, (ini->nlines + 1) * sizeof *nl);
    if (!nl)
        return -ENOMEM;
    ini->lines = nl;
    if (!(nl[ini->nlines] = strndup(s, n)))
        return -ENOMEM;
    ini->nlines++;
    return 0;
}

int ini_parse(struct ini *ini, const char *text)
{
    ini->lines = NULL;
    ini->nlines = 0;
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        if (push_line(ini, text, n) < 0) {
            ini_free(ini);
            return -ENOMEM;
        }
        text += n + (nl != NULL);
    }
    return 0;
}

int ini_load(struct ini *ini, const char *path)
{
    FILE *f = fopen(path, "re");
    if (!f) {
        ini->lines = NULL;
        ini->nlines = 0;
        return errno == ENOENT ? 0 : -errno;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&text, &len);
    char buf[4096];
    size_t n;
    while (m && (n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, m);
    fclose(f);
    if (!m || fclose(m) != 0) {
        free(text);
        return -ENOMEM;
    }
    int r = ini_parse(ini, text);
    free(text);
    return r;
}

void ini_free(struct ini *ini)
{
    for (size_t i = 0; i < ini->nlines; i++)
        free(ini->lines[i]);
    free(ini->lines);
    ini->lines = NULL;
    ini->nlines = 0;
}

/* If line i is "key = value" for this key, points *val at the value (untrimmed end). */
static bool line_is(const char *line, const char *key, const char **val, size_t *vlen)
{
    while (isblank((unsigned char)*line))
        line++;
    if (*line == '#' || *line == ';' || *line == '[')
        return false;
    size_t k = strlen(key);
    if (strncmp(line, key, k) != 0)
        return false;
    line += k;
    while (isblank((unsigned char)*line))
        line++;
    if (*line != '=')
        return false;
    line++;
    while (isblank((unsigned char)*line))
        line++;
    size_t n = strlen(line);
    while (n > 0 && isspace((unsigned char)line[n - 1]))
        n--;
    *val = line;
    *vlen = n;
    return true;
}

const char *ini_get(const struct ini *ini, const char *key, char *buf, size_t len)
{
    const char *found = NULL;
    for (size_t i = 0; i < ini->nlines; i++) {
        const char *v;
        size_t n;
        if (line_is(ini->lines[i], key, &v, &n) && len > 0) {
            snprintf(buf, len, "%.*s", (int)n, v);
            found = buf;
        }
    }
    return found;
}

int ini_each(const struct ini *ini, const char *key, int (*fn)(const char *, void *), void *arg)
{
    for (size_t i = 0; i < ini->nlines; i++) {
        const char *v;
        size_t n;
        if (!line_is(ini->lines[i], key, &v, &n))
            continue;
        char *copy = strndup(v, n);
        if (!copy)
            return -ENOMEM;
        int r = fn(copy, arg);
        free(copy);
        if (r)
            return r;
    }
    return 0;
}

int ini_each_prefix(const struct ini *ini, const char *prefix,
                    int (*fn)(const char *, const char *, void *), void *arg)
{
    size_t pl = strlen(prefix);
    for (size_t i = 0; i < ini->nlines; i++) {
        const char *l = ini->lines[i] + strspn(ini->lines[i], " \t");
        if (strncmp(l, prefix, pl) != 0)
            continue;
        size_t kl = strcspn(l, " \t=");
        char *key = strndup(l, kl);
        const char *v;
        size_t n;
        int r = 0;
        if (!key)
            return -ENOMEM;
        if (line_is(ini->lines[i], key, &v, &n)) {
            char *val = strndup(v, n);
            r = val ? fn(key, val, arg) : -ENOMEM;
            free(val);
        }
        free(key);
        if (r)
            return r;
    }
    return 0;
}

static char *make_line(const char *key, const char *value)
{
    char *s;
    return asprintf(&s, "%s = %s", key, value) < 0 ? NULL : s;
}

int ini_set(struct ini *ini, const char *key, const char *value)
{
    bool done = false;
    size_t out = 0;
    for (size_t i = 0; i < ini->nlines; i++) {
        const char *v;
        size_t n;
        if (line_is(ini->lines[i], key, &v, &n)) {
            if (done || !value) {
                free(ini->lines[i]);
                continue;
            }
            char *l = make_line(key, value);
            if (!l)
                return -ENOMEM;
            free(ini->lines[i]);
            ini->lines[i] = l;
            done = true;
        }
        ini->lines[out++] = ini->lines[i];
    }
    ini->nlines = out;
    return done || !value ? 0 : ini_add(ini, key, value);
}

int ini_add(struct ini *ini, const char *key, const char *value)
{
    char *l = make_line(key, value);
    if (!l)
        return -ENOMEM;
    int r = push_line(ini, l, strlen(l));
    free(l);
    return r;
}

int ini_save(const struct ini *ini, const char *path)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp.%d", path, (int)getpid()) >= (int)sizeof tmp)
        return -ENAMETOOLONG;
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -errno;
    FILE *f = fdopen(fd, "w");
    if (!f) {
        int e = errno;
        close(fd);
        unlink(tmp);
        return -e;
    }
    for (size_t i = 0; i < ini->nlines; i++)
        fprintf(f, "%s\n", ini->lines[i]);
    int r = fflush(f) == 0 && fsync(fd) == 0 ? 0 : -errno;
    if (fclose(f) != 0 && r == 0)
        r = -errno;
    if (r == 0 && rename(tmp, path) < 0)
        r = -errno;
    if (r < 0)
        unlink(tmp);
    return r;
}
