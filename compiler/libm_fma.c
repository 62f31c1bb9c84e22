// libm_fma.c - pymath_libm.h as glibc's FMA build (__exp_fma, ...).
#define PYM_LIBM_FMA 1
#define LIBM_NAME(f) pym_libm_##f##_fma
#include "libm_variant.inc"
