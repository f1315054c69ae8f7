/* Generic value-to-value and bit-to-bit maps between FreeBSD (guest) and Linux
 * (host) constants.  Every family in abi/freebsd/ describes its translation as a
 * table of pairs; these functions apply them, so no handler needs a per-flag if. */
#ifndef LSL2_ABI_FREEBSD_FLAGMAP_H
#define LSL2_ABI_FREEBSD_FLAGMAP_H

#include <stddef.h>
#include <stdint.h>

struct fbsd_pair {
    uint64_t guest;
    uint64_t host;
};

struct fbsd_map {
    const struct fbsd_pair *pairs;
    size_t n;
};

#define FBSD_MAP(arr) { (arr), sizeof(arr) / sizeof((arr)[0]) }

/* Bit maps.  Pairs are tried in table order; a pair matches when all of its
 * source bits are still present, and its source bits are then consumed, so a
 * multi-bit entry (Linux O_SYNC = __O_SYNC|O_DSYNC) listed before a sub-entry
 * (O_DSYNC) wins.  Bits no pair consumed are returned in *unknown (may be NULL):
 * the handler answers EINVAL (or ignores them) as the call requires. */
uint64_t fbsd_bits_to_host(const struct fbsd_map *m, uint64_t guest, uint64_t *unknown);
uint64_t fbsd_bits_to_guest(const struct fbsd_map *m, uint64_t host, uint64_t *unknown);

/* Value maps: the first pair whose source equals the value.  Return 0 and set
 * *out, or -1 when the value has no counterpart (*out untouched). */
int fbsd_val_to_host(const struct fbsd_map *m, uint64_t guest, uint64_t *out);
int fbsd_val_to_guest(const struct fbsd_map *m, uint64_t host, uint64_t *out);

/* The same for non-negative int values (commands, ids, resource numbers):
 * the translated value, or -1 when the value is negative or has no counterpart. */
int fbsd_int_to_host(const struct fbsd_map *m, int guest);
int fbsd_int_to_guest(const struct fbsd_map *m, int host);

#endif
