// reference_kernels.h - the tutorial's inner loop written by hand in C.
//
// Shared by runtime/reference.c (--compare) and bench/mandel_ref.c (the
// benchmarks), so both time the very same loops. Include it from a file
// built with -ffp-contract=off: a fused multiply-add would change the bits.
// A point that never escapes counts 0, as calculate_z_serial_purepython's.
#ifndef MANDELC_REFERENCE_KERNELS_H
#define MANDELC_REFERENCE_KERNELS_H

#include <complex.h>
#include <math.h>
#include <stdint.h>

// glibc defines CMPLX only for GCC >= 4.7 by version number, which clang
// (reporting 4.2) fails: clang's builtin is the same exact construction.
#ifndef CMPLX
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#endif

// z = z * z + q and cabs(z) > 2.0: CPython's own operations (complex
// multiplication as _Py_c_prod, abs() as hypot), so the sum is CPython's.
static inline int64_t escape_complex(double qr, double qi, int64_t maxiter) {
  double complex q = CMPLX(qr, qi), z = 0;
  for (int64_t it = 0; it < maxiter; it++) {
    z = z * z + q;
    if (cabs(z) > 2.0)
      return it;
  }
  return 0;
}

// Expanded into scalar doubles, testing |z|^2 > 4 instead of the root.
static inline int64_t escape_scalar(double qr, double qi, int64_t maxiter) {
  double zr = 0, zi = 0;
  for (int64_t it = 0; it < maxiter; it++) {
    // (zr + zi j)^2 in _Py_c_prod's order, then + q
    double re = zr * zr - zi * zi + qr;
    double im = zr * zi + zi * zr + qi;
    zr = re;
    zi = im;
    if (zr * zr + zi * zi > 4.0)
      return it;
  }
  return 0;
}

#endif
