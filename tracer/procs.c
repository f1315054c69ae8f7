/* The table of traced threads, hashed by tid, and their thread groups. */
#include <stdlib.h>
#include <string.h>
#include "tracer/supervisor.h"

#define NBUCKETS 1024u   /* power of two; chains stay short for any realistic guest */

static struct tracee *buckets[NBUCKETS];
static struct tnode *all;   /* every node, for iteration */

static unsigned bucket(pid_t tid) { return (unsigned)tid & (NBUCKETS - 1); }

struct tnode *procs_find(pid_t tid)
{
    for (struct tracee *t = buckets[bucket(tid)]; t; t = t->next)
        if (t->tid == tid)
            return tnode_of(t);
    return NULL;
}

static struct tgroup *group_find(pid_t tgid)
{
    for (struct tnode *n = all; n; n = n->all_next)
        if (n->g->tgid == tgid)
            return n->g;
    return NULL;
}

static void hash_insert(struct tnode *n)
{
    unsigned b = bucket(n->t.tid);
    n->t.next = buckets[b];
    buckets[b] = &n->t;
}

static void hash_remove(struct tnode *n)
{
    for (struct tracee **p = &buckets[bucket(n->t.tid)]; *p; p = &(*p)->next)
        if (*p == &n->t) {
            *p = n->t.next;
            return;
        }
}

struct tnode *procs_add(pid_t tid, pid_t tgid)
{
    struct tnode *n = calloc(1, sizeof *n);
    if (!n)
        abort();   /* a few hundred bytes: out of memory here is not recoverable */
    struct tgroup *g = group_find(tgid);
    if (!g) {
        g = calloc(1, sizeof *g);
        if (!g)
            abort();
        g->tgid = tgid;
    }
    g->refs++;
    g->nthreads++;
    n->g = g;
    n->t.tid = tid;
    n->t.tgid = tgid;
    hash_insert(n);
    n->all_next = all;
    if (all)
        all->all_prev = n;
    all = n;
    sv.ntracees++;
    return n;
}

void procs_remove(struct tnode *n)
{
    hash_remove(n);
    if (n->all_prev)
        n->all_prev->all_next = n->all_next;
    else
        all = n->all_next;
    if (n->all_next)
        n->all_next->all_prev = n->all_prev;
    n->g->nthreads--;
    if (--n->g->refs == 0) {
        free(n->g->unimpl_seen);
        free(n->g);
    }
    sv.ntracees--;
    free(n);
}

void procs_retid(struct tnode *n, pid_t tid)
{
    hash_remove(n);
    n->t.tid = tid;
    hash_insert(n);
}

struct tnode *procs_first(void) { return all; }

void procs_clear(void)
{
    while (all)
        procs_remove(all);
}

bool procs_unimpl_seen(struct tgroup *g, long nr)
{
    if (nr < 0 || nr >= (1L << 20))
        return false;   /* absurd numbers are reported each time rather than tracked */
    size_t w = (size_t)nr / 64;
    if (w >= g->unimpl_words) {
        size_t nw = w + 8;
        uint64_t *b = realloc(g->unimpl_seen, nw * sizeof *b);
        if (!b)
            return false;
        memset(b + g->unimpl_words, 0, (nw - g->unimpl_words) * sizeof *b);
        g->unimpl_seen = b;
        g->unimpl_words = nw;
    }
    uint64_t bit = 1ull << (nr % 64);
    bool seen = g->unimpl_seen[w] & bit;
    g->unimpl_seen[w] |= bit;
    return seen;
}
