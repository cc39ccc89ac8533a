#ifndef LACUNA_CPCRE2_SHIM_H
#define LACUNA_CPCRE2_SHIM_H
// Select the 8-bit code unit width before including pcre2.h, so that the
// generic names resolve to the `_8` functions that Swift can call.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/// PCRE2_UNSET is a macro over ~(PCRE2_SIZE)0 and is not imported by Swift.
static inline PCRE2_SIZE lacuna_pcre2_unset(void) { return PCRE2_UNSET; }
/// PCRE2_ZERO_TERMINATED is not imported by Swift either.
static inline PCRE2_SIZE lacuna_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
