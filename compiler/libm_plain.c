// libm_plain.c - pymath_libm.h as glibc's build without FMA.
#define PYM_LIBM_FMA 0
#define LIBM_NAME(f) pym_libm_##f##_plain
#include "libm_variant.inc"
