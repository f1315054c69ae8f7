/* The progress bar of import and export. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli/progress.h"

double progress_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(struct progress *p, const char *what, uint64_t total)
{
    memset(p, 0, sizeof *p);
    p->what = what;
    p->total = total;
    p->out = stderr;
    p->tty = isatty(STDERR_FILENO) == 1;
    p->t0 = p->last = progress_now();
}

static void human(char *buf, size_t len, double v)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    int u = 0;
    while (v >= 1024 && u < 4) {
        v /= 1024;
        u++;
    }
    snprintf(buf, len, u ? "%.1f %s" : "%.0f %s", v, units[u]);
}

static void draw(struct progress *p, double now)
{
    char done[32], total[32], rate[32], eta[32] = "";
    double secs = now - p->t0 > 1e-3 ? now - p->t0 : 1e-3;
    double r = (double)p->done / secs;
    human(done, sizeof done, (double)p->bytes);
    human(rate, sizeof rate, r);
    int width = 24, fill = 0;
    if (p->total) {
        double f = (double)p->done / (double)p->total;
        if (f > 1)
            f = 1;
        fill = (int)(f * width);
        human(total, sizeof total, (double)p->total);
        if (r > 0 && p->done > 0) {
            long left = (long)((double)(p->total - (p->done < p->total ? p->done : p->total)) / r);
            snprintf(eta, sizeof eta, " ETA %ld:%02ld", left / 60, left % 60);
        }
        char bar[32];
        memset(bar, '#', (size_t)fill);
        memset(bar + fill, '.', (size_t)(width - fill));
        bar[width] = '\0';
        fprintf(p->out, "\r\033[K%s [%s] %3d%% %s, %llu entries, %s/s%s", p->what, bar,
                (int)(f * 100), done, (unsigned long long)p->entries, rate, eta);
    } else {
        fprintf(p->out, "\r\033[K%s: %s, %llu entries, %s/s", p->what, done,
                (unsigned long long)p->entries, rate);
    }
    fflush(p->out);
    p->drawn = true;
}

void progress_update(struct progress *p)
{
    if (!p->tty)
        return;
    double now = progress_now();
    if (now - p->last < 0.1 && p->drawn)
        return;
    p->last = now;
    draw(p, now);
}

void progress_clear(struct progress *p)
{
    if (p->tty && p->drawn) {
        fputs("\r\033[K", p->out);
        fflush(p->out);
        p->drawn = false;
    }
}

void progress_finish(struct progress *p, const char *summary)
{
    char bytes[32];
    progress_clear(p);
    human(bytes, sizeof bytes, (double)p->bytes);
    fprintf(p->out, "lsl2: %s: %s, %llu entries, %s in %.1f s\n", p->what, summary,
            (unsigned long long)p->entries, bytes, progress_now() - p->t0);
    fflush(p->out);
}
