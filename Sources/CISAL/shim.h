#ifndef CISAL_SHIM_H
#define CISAL_SHIM_H
#include <isa-l/igzip_lib.h>

/// The level buffer size ISA-L recommends for a compression level (its `ISAL_DEF_LVLn_DEFAULT`
/// macros are expressions Swift cannot import).
static inline uint32_t cisal_level_buffer_size(int level) {
    switch (level) {
    case 1: return ISAL_DEF_LVL1_DEFAULT;
    case 2: return ISAL_DEF_LVL2_DEFAULT;
    case 3: return ISAL_DEF_LVL3_DEFAULT;
    default: return ISAL_DEF_LVL0_DEFAULT;
    }
}
#endif
