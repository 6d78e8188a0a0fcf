#ifndef C_SCRUB_PREFETCH_H
#define C_SCRUB_PREFETCH_H

/// Hints the CPU to start loading the cache line holding `address` for a read.
/// A hint only: it never faults, even on an address outside any mapping.
static inline void scrub_prefetch_read(const void *address) {
    __builtin_prefetch(address, 0, 0);
}

#endif
