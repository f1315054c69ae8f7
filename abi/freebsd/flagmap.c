/* Applies fbsd_map tables (see flagmap.h). */
#include "abi/freebsd/flagmap.h"

static uint64_t map_bits(const struct fbsd_map *m, uint64_t in, uint64_t *unknown, int to_host)
{
    uint64_t out = 0, rem = in;
    for (size_t i = 0; i < m->n; i++) {
        uint64_t from = to_host ? m->pairs[i].guest : m->pairs[i].host;
        uint64_t to = to_host ? m->pairs[i].host : m->pairs[i].guest;
        if (from != 0 && (rem & from) == from) {
            out |= to;
            rem &= ~from;
        }
    }
    if (unknown)
        *unknown = rem;
    return out;
}

uint64_t fbsd_bits_to_host(const struct fbsd_map *m, uint64_t guest, uint64_t *unknown)
{
    return map_bits(m, guest, unknown, 1);
}

uint64_t fbsd_bits_to_guest(const struct fbsd_map *m, uint64_t host, uint64_t *unknown)
{
    return map_bits(m, host, unknown, 0);
}

static int map_val(const struct fbsd_map *m, uint64_t in, uint64_t *out, int to_host)
{
    for (size_t i = 0; i < m->n; i++) {
        if ((to_host ? m->pairs[i].guest : m->pairs[i].host) == in) {
            *out = to_host ? m->pairs[i].host : m->pairs[i].guest;
            return 0;
        }
    }
    return -1;
}

int fbsd_val_to_host(const struct fbsd_map *m, uint64_t guest, uint64_t *out)
{
    return map_val(m, guest, out, 1);
}

int fbsd_val_to_guest(const struct fbsd_map *m, uint64_t host, uint64_t *out)
{
    return map_val(m, host, out, 0);
}

int fbsd_int_to_host(const struct fbsd_map *m, int guest)
{
    uint64_t out;
    if (guest < 0 || map_val(m, (uint64_t)guest, &out, 1) < 0)
        return -1;
    return (int)out;
}

int fbsd_int_to_guest(const struct fbsd_map *m, int host)
{
    uint64_t out;
    if (host < 0 || map_val(m, (uint64_t)host, &out, 0) < 0)
        return -1;
    return (int)out;
}
