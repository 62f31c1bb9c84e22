// pymath.h - CPython's numeric algorithms as plain C, for the CPU and GPU.
//
// Each function here reproduces, operation for operation, what CPython 3.11
// (or, for pym_libc_hypot, Debian 12's glibc 2.36) computes, so that a
// kernel's floats have CPython's bits on every target. The same text is
// compiled twice: as C by runtime/pymath.c, and as CUDA C, pasted by
// compiler/cuda.c in front of every generated .cu file with PYM_FN defined
// as `__device__ static inline`.
//
// The design decision a reader must know: nothing here may depend on the
// platform. The code calls only the C library functions whose results are
// exact on every platform (sqrt, fabs, floor, ceil, round, fmod, copysign,
// ldexp, frexp, isnan, isinf, isfinite); never pow, exp, log, sin or hypot,
// whose last bits differ between glibc and CUDA. There is no errno, no
// global and no allocation: an error is a PymError code stored through an
// `err` out parameter (left untouched on success), which runtime/pymath.c
// turns into a raised exception and the CUDA code into its error record.
// The code must be compiled without FMA contraction (gcc
// -ffp-contract=off, NVRTC --fmad=false): every product is rounded alone.
#ifndef MANDELC_PYMATH_H
#define MANDELC_PYMATH_H

#ifndef PYM_FN
#define PYM_FN static inline
#endif

#ifdef __CUDACC_RTC__
// NVRTC has no <stdint.h>; repeating an identical typedef is legal C++.
typedef long long int64_t;
typedef unsigned long long uint64_t;
#else
#include <math.h>
#include <stdint.h>
#endif

#define PYM_INT64_MAX 9223372036854775807LL
#define PYM_INT64_MIN (-PYM_INT64_MAX - 1)

// The exceptions, numbered as RtExc in runtime/rtabi.h (pymath.c checks).
#define PYM_EXC_ZERO_DIVISION 1
#define PYM_EXC_VALUE 3
#define PYM_EXC_OVERFLOW 4

// Every error these functions report: its code, exception and CPython's
// message. Messages for what CPython can do but a kernel cannot (a complex
// result from floats, a big int) say so.
#define PYM_ERRORS(X)                                                        \
  X(PYM_OK, 0, "")                                                           \
  X(PYM_FLOAT_DIV_ZERO, PYM_EXC_ZERO_DIVISION, "float division by zero")     \
  X(PYM_FLOAT_FLOORDIV_ZERO, PYM_EXC_ZERO_DIVISION,                          \
    "float floor division by zero")                                          \
  X(PYM_FLOAT_MOD_ZERO, PYM_EXC_ZERO_DIVISION, "float modulo")               \
  X(PYM_FLOAT_DIVMOD_ZERO, PYM_EXC_ZERO_DIVISION, "float divmod()")          \
  X(PYM_INT_DIV_ZERO, PYM_EXC_ZERO_DIVISION,                                 \
    "integer division or modulo by zero")                                    \
  X(PYM_INT_TRUEDIV_ZERO, PYM_EXC_ZERO_DIVISION, "division by zero")         \
  X(PYM_INT_MOD_ZERO, PYM_EXC_ZERO_DIVISION, "integer modulo by zero")       \
  X(PYM_COMPLEX_DIV_ZERO, PYM_EXC_ZERO_DIVISION, "complex division by zero") \
  X(PYM_COMPLEX_POW_ZERO, PYM_EXC_ZERO_DIVISION,                             \
    "0.0 to a negative or complex power")                                    \
  X(PYM_COMPLEX_POW_RANGE, PYM_EXC_OVERFLOW, "complex exponentiation")       \
  X(PYM_FLOAT_POW_ZERO, PYM_EXC_ZERO_DIVISION,                               \
    "0.0 cannot be raised to a negative power")                              \
  X(PYM_FLOAT_POW_RANGE, PYM_EXC_OVERFLOW,                                   \
    "(34, 'Numerical result out of range')")                                 \
  X(PYM_FLOAT_POW_COMPLEX, PYM_EXC_VALUE,                                    \
    "negative number to a fractional power gives a complex number, "        \
    "which is not supported in kernels (write complex(x) ** y)")             \
  X(PYM_INT_POW_NEGATIVE, PYM_EXC_VALUE,                                     \
    "negative exponent in int ** int is not supported in kernels")           \
  X(PYM_INT_OVERFLOW, PYM_EXC_OVERFLOW,                                      \
    "int result does not fit in 64 bits")                                    \
  X(PYM_NAN_TO_INT, PYM_EXC_VALUE, "cannot convert float NaN to integer")    \
  X(PYM_INF_TO_INT, PYM_EXC_OVERFLOW,                                        \
    "cannot convert float infinity to integer")                              \
  X(PYM_ABS_RANGE, PYM_EXC_OVERFLOW, "absolute value too large")             \
  X(PYM_MATH_DOMAIN, PYM_EXC_VALUE, "math domain error")                     \
  X(PYM_MATH_RANGE, PYM_EXC_OVERFLOW, "math range error")

enum {
#define X(name, exc, msg) name,
  PYM_ERRORS(X)
#undef X
};

// The RtExc number of an error code.
PYM_FN int pym_error_exc(int err) {
  switch (err) {
#define X(name, exc, msg) \
  case name:              \
    return exc;
    PYM_ERRORS(X)
#undef X
  }
  return 0;
}

// CPython's message for an error code.
PYM_FN const char *pym_error_message(int err) {
  switch (err) {
#define X(name, exc, msg) \
  case name:              \
    return msg;
    PYM_ERRORS(X)
#undef X
  }
  return "";
}

typedef struct {
  double re, im;
} PymComplex;  // the layout of RtComplex

// There is no INFINITY or NAN macro under NVRTC. NaN is positive, like
// CPython's Py_NAN.
PYM_FN double pym_inf(void) {
  double big = 1e300;
  return big * big;
}

PYM_FN double pym_nan(void) {
  double inf = pym_inf();
  return copysign(inf - inf, 1.0);
}

// ---- complex numbers (Objects/complexobject.c) -----------------------------

PYM_FN PymComplex pym_complex(double re, double im) {
  PymComplex c;
  c.re = re;
  c.im = im;
  return c;
}

// _Py_c_prod: the schoolbook product, in CPython's order.
PYM_FN PymComplex pym_complex_prod(PymComplex a, PymComplex b) {
  return pym_complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
}

// _Py_c_quot of CPython 3.11: Smith's algorithm (divide through by the
// larger part of b), without rescaling. Returns false for b == 0, where
// CPython sets errno = EDOM and *q = 0.
PYM_FN int pym_complex_quot(PymComplex a, PymComplex b, PymComplex *q) {
  const double abs_breal = b.re < 0 ? -b.re : b.re;
  const double abs_bimag = b.im < 0 ? -b.im : b.im;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) {
      *q = pym_complex(0.0, 0.0);
      return 0;
    }
    const double ratio = b.im / b.re;
    const double denom = b.re + b.im * ratio;
    *q = pym_complex((a.re + a.im * ratio) / denom,
                     (a.im - a.re * ratio) / denom);
  } else if (abs_bimag >= abs_breal) {
    const double ratio = b.re / b.im;
    const double denom = b.re * ratio + b.im;
    *q = pym_complex((a.re * ratio + a.im) / denom,
                     (a.im * ratio - a.re) / denom);
  } else {
    // at least one part of b is a NaN
    *q = pym_complex(pym_nan(), pym_nan());
  }
  return 1;
}

// complex_div: a / b.
PYM_FN PymComplex pym_complex_div(PymComplex a, PymComplex b, int *err) {
  PymComplex q;
  if (!pym_complex_quot(a, b, &q))
    *err = PYM_COMPLEX_DIV_ZERO;
  return q;
}

// complex_pow takes this path for an integral exponent with |n| <= 100;
// larger ones go through _Py_c_pow (pow, atan2, exp, log, cos, sin), which
// only runtime/pymath.c has.
#define PYM_COMPLEX_POWI_MAX 100

// c_powu: x ** n for n >= 0 by repeated squaring, as CPython does it.
PYM_FN PymComplex pym_complex_powu(PymComplex x, int64_t n) {
  PymComplex r = pym_complex(1.0, 0.0);
  PymComplex p = x;
  int64_t mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask)
      r = pym_complex_prod(r, p);
    mask <<= 1;
    p = pym_complex_prod(p, p);
  }
  return r;
}

// Py_ADJUST_ERANGE2 after complex_pow: an infinite part is an overflow,
// even when the operands were infinite already.
PYM_FN void pym_check_complex_range(PymComplex r, int *err) {
  if (isinf(r.re) || isinf(r.im))
    *err = PYM_COMPLEX_POW_RANGE;
}

// c_powi for |n| <= PYM_COMPLEX_POWI_MAX, with complex_pow's error rules:
// x ** n for n > 0, else 1 / x ** -n (0j ** -1 divides by zero).
PYM_FN PymComplex pym_complex_powi(PymComplex x, int64_t n, int *err) {
  PymComplex r;
  if (n > 0) {
    r = pym_complex_powu(x, n);
  } else if (!pym_complex_quot(pym_complex(1.0, 0.0),
                               pym_complex_powu(x, -n), &r)) {
    *err = PYM_COMPLEX_POW_ZERO;
    return r;
  }
  pym_check_complex_range(r, err);
  return r;
}

// glibc 2.36's hypot (sysdeps/ieee754/dbl-64/e_hypot.c, the 2021 rewrite
// after Borges, "An Improved Algorithm for hypot(a,b)"), as Debian 12 builds
// it for x86-64: the kernel without fma. abs(complex) calls the C library's
// hypot, so the GPU needs these exact bits. Requires ax >= ay >= 0, with
// squares that neither overflow nor underflow.
PYM_FN double pym_libc_hypot_kernel(double ax, double ay) {
  double h = sqrt(ax * ax + ay * ay);
  double t1, t2;
  if (h <= 2.0 * ay) {
    double delta = h - ay;
    t1 = ax * (2.0 * delta - ax);
    t2 = (delta - 2.0 * (ax - ay)) * delta;
  } else {
    double delta = h - ax;
    t1 = 2.0 * delta * (ax - 2.0 * ay);
    t2 = (4.0 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2.0 * h);
  return h;
}

// issignaling(): a NaN whose quiet bit (the top fraction bit) is clear.
// Python's arithmetic never makes one, but glibc's hypot tells them apart.
PYM_FN int pym_is_signaling(double x) {
  union {
    double d;
    unsigned long long u;
  } bits;
  bits.d = x;
  return isnan(x) && !(bits.u & 0x0008000000000000ULL);
}

// glibc's __hypot: scale huge and tiny inputs by 2^-600 / 2^600 so the
// kernel's squares stay in range, and return ax + ay when ay is too small
// to matter. An infinity wins over a quiet NaN (C99 Annex F).
PYM_FN double pym_libc_hypot(double x, double y) {
  const double scale = 0x1p-600, large_val = 0x1p+511;
  const double tiny_val = 0x1p-459, eps = 0x1p-54;
  if (!isfinite(x) || !isfinite(y)) {
    if ((isinf(x) || isinf(y)) && !pym_is_signaling(x) &&
        !pym_is_signaling(y))
      return pym_inf();
    return x + y;
  }
  x = fabs(x);
  y = fabs(y);
  double ax = x < y ? y : x;
  double ay = x < y ? x : y;
  if (ax > large_val) {
    if (ay <= ax * eps)
      return ax + ay;
    return pym_libc_hypot_kernel(ax * scale, ay * scale) / scale;
  }
  if (ay < tiny_val) {
    if (ax >= ay / eps)
      return ax + ay;
    return pym_libc_hypot_kernel(ax / scale, ay / scale) * scale;
  }
  if (ay <= ax * eps)
    return ax + ay;
  return pym_libc_hypot_kernel(ax, ay);
}

// The C library's hypot, which abs(complex) calls: by default glibc's
// algorithm above (CUDA's libm rounds otherwise); the C target, compiled
// for the host, defines it as hypot itself, the function CPython calls.
#ifndef PY_LIBC_HYPOT
#define PY_LIBC_HYPOT pym_libc_hypot
#endif

// _Py_c_abs and complex_abs: an infinite part gives inf even beside a NaN,
// and an infinite result from finite parts is an OverflowError. A NaN part
// is nan, never an error: CPython before 3.15 raised there on a stale
// errno (gh-155526); docs/language.md section 5 takes the fixed rule.
PYM_FN double pym_complex_abs(double re, double im, int *err) {
  if (!isfinite(re) || !isfinite(im)) {
    if (isinf(re))
      return fabs(re);
    if (isinf(im))
      return fabs(im);
    return pym_nan();
  }
  double r = PY_LIBC_HYPOT(re, im);
  if (!isfinite(r))
    *err = PYM_ABS_RANGE;
  return r;
}

// ---- math.hypot (Modules/mathmodule.c) -------------------------------------

// Veltkamp-Dekker splitting of x into hi + lo, each of at most 26 bits,
// so that hi * hi, hi * lo and lo * lo are exact.
PYM_FN void pym_split(double x, double *hi, double *lo) {
  const double t27 = 134217729.0;  // ldexp(1.0, 27) + 1.0
  double t = x * t27;
  *hi = t - (t - x);
  *lo = x - *hi;
}

// One step of vector_norm's compensated sum: csum += x, with the rounding
// error kept in *frac (|csum| >= |x| always holds here).
PYM_FN void pym_add_compensated(double *csum, double *frac, double x) {
  double oldcsum = *csum;
  *csum += x;
  *frac += (oldcsum - *csum) + x;
}

// vector_norm of CPython 3.11 for the vector (a, b) with a, b finite,
// non-negative and max = the larger one: lossless power-of-two scaling,
// exact squares by splitting, a compensated sum, and a differential
// correction of the square root.
PYM_FN double pym_vector_norm2(double a, double b, double max) {
  const double dbl_min = 0x1p-1022;
  if (max == 0.0)
    return max;
  int max_e;
  frexp(max, &max_e);
  if (max_e < -1023) {
    // ldexp(1.0, -max_e) would overflow: make the subnormals normal first
    return dbl_min * pym_vector_norm2(a / dbl_min, b / dbl_min,
                                      max / dbl_min);
  }
  double scale = ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  double vec[2] = {a, b};
  double hi, lo;
  for (int i = 0; i < 2; i++) {
    pym_split(vec[i] * scale, &hi, &lo);  // the scaling is lossless
    pym_add_compensated(&csum, &frac1, hi * hi);
    pym_add_compensated(&csum, &frac2, 2.0 * hi * lo);
    frac3 += lo * lo;
  }
  double h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
  pym_split(h, &hi, &lo);
  pym_add_compensated(&csum, &frac1, -hi * hi);
  pym_add_compensated(&csum, &frac2, -2.0 * hi * lo);
  pym_add_compensated(&csum, &frac3, -lo * lo);
  double x = csum - 1.0 + (frac1 + frac2 + frac3);
  return (h + x / (2.0 * h)) / scale;
}

// math.hypot(x, y): math_hypot's own algorithm (not the C library's).
PYM_FN double pym_math_hypot(double x, double y) {
  x = fabs(x);
  y = fabs(y);
  double max = 0.0;
  if (x > max)
    max = x;
  if (y > max)
    max = y;
  if (isinf(max))
    return max;
  if (isnan(x) || isnan(y))
    return pym_nan();
  return pym_vector_norm2(x, y, max);
}

// ---- floats (Objects/floatobject.c) ----------------------------------------

// float_div: x / y.
PYM_FN double pym_float_div(double x, double y, int *err) {
  if (y == 0.0) {
    *err = PYM_FLOAT_DIV_ZERO;
    return 0.0;
  }
  return x / y;
}

// _float_div_mod: floor quotient and remainder with the sign of y, the
// quotient snapped to the nearest integer and zeros signed as CPython
// signs them. y must not be zero.
PYM_FN void pym_float_div_mod(double vx, double wx, double *floordiv,
                              double *mod) {
  *mod = fmod(vx, wx);
  // fmod is exact, but vx - mod is not: div is only close to an integer
  double div = (vx - *mod) / wx;
  if (*mod) {
    if ((wx < 0) != (*mod < 0)) {
      *mod += wx;
      div -= 1.0;
    }
  } else {
    *mod = copysign(0.0, wx);
  }
  if (div) {
    *floordiv = floor(div);
    if (div - *floordiv > 0.5)
      *floordiv += 1.0;
  } else {
    // div is zero: give it the sign of the true quotient
    *floordiv = copysign(0.0, vx / wx);
  }
}

// float_floor_div: x // y.
PYM_FN double pym_float_floordiv(double x, double y, int *err) {
  if (y == 0.0) {
    *err = PYM_FLOAT_FLOORDIV_ZERO;
    return 0.0;
  }
  double q, r;
  pym_float_div_mod(x, y, &q, &r);
  return q;
}

// float_rem: x % y, the sign of y (CPython's rule, unlike C's fmod).
PYM_FN double pym_float_mod(double x, double y, int *err) {
  if (y == 0.0) {
    *err = PYM_FLOAT_MOD_ZERO;
    return 0.0;
  }
  double mod = fmod(x, y);
  if (mod) {
    if ((y < 0) != (mod < 0))
      mod += y;
  } else {
    mod = copysign(0.0, y);
  }
  return mod;
}

// float_divmod: divmod(x, y).
PYM_FN void pym_float_divmod(double x, double y, double *q, double *r,
                             int *err) {
  if (y == 0.0) {
    *err = PYM_FLOAT_DIVMOD_ZERO;
    *q = *r = 0.0;
    return;
  }
  pym_float_div_mod(x, y, q, r);
}

// DOUBLE_IS_ODD_INTEGER of floatobject.c.
PYM_FN int pym_is_odd_integer(double x) {
  return fmod(fabs(x), 2.0) == 1.0;
}

// float_pow up to its call of the C library's pow. Returns true when the
// result (*res) or an error is already known. Otherwise *x and y are
// finite, *x is positive and not 1, and the caller computes pow(*x, y)
// (an infinite result is PYM_FLOAT_POW_RANGE) and negates it if *negate.
PYM_FN int pym_float_pow_special(double *x, double y, double *res,
                                 int *negate, int *err) {
  double iv = *x;
  *negate = 0;
  *res = 0.0;
  if (y == 0) {
    *res = 1.0;  // v**0 is 1, even 0**0 and nan**0
  } else if (isnan(iv)) {
    *res = iv;
  } else if (isnan(y)) {
    *res = iv == 1.0 ? 1.0 : y;
  } else if (isinf(y)) {
    iv = fabs(iv);
    if (iv == 1.0)
      *res = 1.0;
    else if ((y > 0.0) == (iv > 1.0))
      *res = fabs(y);
    else
      *res = 0.0;
  } else if (isinf(iv)) {
    int odd = pym_is_odd_integer(y);
    if (y > 0.0)
      *res = odd ? iv : fabs(iv);
    else
      *res = odd ? copysign(0.0, iv) : 0.0;
  } else if (iv == 0.0) {
    if (y < 0.0)
      *err = PYM_FLOAT_POW_ZERO;
    else
      *res = pym_is_odd_integer(y) ? iv : 0.0;
  } else if (iv < 0.0 && y != floor(y)) {
    *err = PYM_FLOAT_POW_COMPLEX;  // CPython returns a complex here
  } else {
    if (iv < 0.0) {
      iv = -iv;
      *negate = pym_is_odd_integer(y);
    }
    if (iv != 1.0) {
      *x = iv;
      return 0;
    }
    // (-1) ** large_integer ends here too
    *res = *negate ? -1.0 : 1.0;
  }
  return 1;
}

// ---- conversions to int ----------------------------------------------------

// int(x): truncation toward zero, with PyLong_FromDouble's errors and an
// OverflowError where Python would make an int wider than 64 bits.
PYM_FN int64_t pym_float_to_int(double x, int *err) {
  if (isnan(x)) {
    *err = PYM_NAN_TO_INT;
    return 0;
  }
  if (isinf(x)) {
    *err = PYM_INF_TO_INT;
    return 0;
  }
  double t = x < 0 ? ceil(x) : floor(x);
  // both bounds are powers of two, so the comparisons are exact
  if (!(t >= -0x1p63 && t < 0x1p63)) {
    *err = PYM_INT_OVERFLOW;
    return 0;
  }
  return (int64_t)t;
}

// round(x) with no ndigits (float___round___impl): C's round, then ties
// to even; an int result.
PYM_FN int64_t pym_float_round_int(double x, int *err) {
  double rounded = round(x);
  if (fabs(x - rounded) == 0.5)
    rounded = 2.0 * round(x / 2.0);
  return pym_float_to_int(rounded, err);
}

// ---- ints (Objects/longobject.c, on 64 bits) -------------------------------

// a * b, or PYM_INT_OVERFLOW when the product needs more than 64 bits.
PYM_FN int64_t pym_int_mul(int64_t a, int64_t b, int *err) {
  int overflow;
  if (a > 0)
    overflow = b > 0 ? a > PYM_INT64_MAX / b : b < PYM_INT64_MIN / a;
  else
    overflow = b > 0 ? a < PYM_INT64_MIN / b
                     : (a != 0 && b < PYM_INT64_MAX / a);
  if (overflow) {
    *err = PYM_INT_OVERFLOW;
    return 0;
  }
  return a * b;
}

// a // b: the quotient rounded toward minus infinity (l_divmod).
PYM_FN int64_t pym_int_floordiv(int64_t a, int64_t b, int *err) {
  if (b == 0) {
    *err = PYM_INT_DIV_ZERO;
    return 0;
  }
  if (b == -1) {
    // INT64_MIN // -1 = 2**63 does not fit (and traps in C)
    if (a == PYM_INT64_MIN) {
      *err = PYM_INT_OVERFLOW;
      return 0;
    }
    return -a;
  }
  int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0)))
    q -= 1;
  return q;
}

// a % b: the remainder with the sign of b.
PYM_FN int64_t pym_int_mod(int64_t a, int64_t b, int *err) {
  if (b == 0) {
    *err = PYM_INT_MOD_ZERO;
    return 0;
  }
  if (b == -1)
    return 0;  // INT64_MIN % -1 traps in C
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0)))
    r += b;
  return r;
}

// x ** y for y >= 0 by repeated squaring. The base is squared only while
// bits of y remain, so no intermediate exceeds |result|: an overflow is
// always a true one. A negative y makes a float in Python; kernels are
// statically typed, so it is an error.
PYM_FN int64_t pym_int_pow(int64_t x, int64_t y, int *err) {
  if (y < 0) {
    *err = PYM_INT_POW_NEGATIVE;
    return 0;
  }
  int overflow = PYM_OK;
  int64_t result = 1;
  while (y > 0 && !overflow) {
    if (y & 1)
      result = pym_int_mul(result, x, &overflow);
    y >>= 1;
    if (y > 0)
      x = pym_int_mul(x, x, &overflow);
  }
  if (overflow) {
    *err = overflow;
    return 0;
  }
  return result;
}

// ---- ints meeting floats (longobject.c, floatobject.c) --------------------
//
// float(n) of a 64-bit int rounds to nearest, ties to even, as
// PyLong_AsDouble does (and C's conversion, LLVM's sitofp). That is exact
// for |n| <= 2**53, so only beyond it do the two operations below differ
// from converting first: CPython divides two ints exactly and compares an
// int with a float exactly. Their fast path is the old code; the rest runs
// only for big ints.

#define PYM_EXACT_INT 9007199254740992LL  // 2**53

// The comparison operators, numbered as OP_EQ .. OP_GTE of the frontend's
// Operator (the back ends pass op - OP_EQ).
enum { PYM_CMP_EQ, PYM_CMP_NE, PYM_CMP_LT, PYM_CMP_LE, PYM_CMP_GT,
       PYM_CMP_GE };

// Whether float(n) is exact (|n| <= 2**53).
PYM_FN int pym_int_fits_double(int64_t n) {
  return n >= -PYM_EXACT_INT && n <= PYM_EXACT_INT;
}

PYM_FN int pym_bit_length(uint64_t x) {
  int n = 0;
  while (x) {
    n++;
    x >>= 1;
  }
  return n;
}

// long_true_divide for 64-bit ints: the exact quotient a / b correctly
// rounded. As CPython: when both are exact doubles, their IEEE quotient;
// else a quotient of DBL_MANT_DIG + 2 or + 3 bits by integer division of
// |a| * 2**-shift by |b|, a sticky bit for any remainder, rounding half to
// even by hand, and ldexp. 64-bit ints never underflow or overflow here.
PYM_FN double pym_int_true_div(int64_t a, int64_t b, int *err) {
  if (b == 0) {
    *err = PYM_INT_TRUEDIV_ZERO;
    return 0.0;
  }
  if (pym_int_fits_double(a) && pym_int_fits_double(b))
    return (double)a / (double)b;
  int negate = (a < 0) != (b < 0);
  uint64_t x = a < 0 ? 0 - (uint64_t)a : (uint64_t)a;
  uint64_t y = b < 0 ? 0 - (uint64_t)b : (uint64_t)b;
  if (x == 0)
    return negate ? -0.0 : 0.0;  // 0 / -big is -0.0, as 0 / -1
  int shift = pym_bit_length(x) - pym_bit_length(y) - 53 - 2;
  int inexact = 0;
  uint64_t q, r;
  if (shift <= 0) {
    // q = (x << -shift) // y, one bit at a time past x // y; r < y <=
    // 2**63, so 2 * r cannot wrap
    q = x / y;
    r = x % y;
    for (int k = 0; k < -shift; k++) {
      q <<= 1;
      r <<= 1;
      if (r >= y) {
        r -= y;
        q |= 1;
      }
    }
  } else {
    // |a| has at least 56 bits more than |b|, so shift < 64
    inexact = (x & ((1ULL << shift) - 1)) != 0;
    q = (x >> shift) / y;
    r = (x >> shift) % y;
  }
  inexact |= r != 0;
  int extra = pym_bit_length(q) - 53;  // 2 or 3 bits to round away
  uint64_t mask = 1ULL << (extra - 1);
  uint64_t low = q | (uint64_t)inexact;
  if ((low & mask) && (low & (3 * mask - 1)))
    low += mask;
  q = low & ~(2 * mask - 1);
  double result = ldexp((double)q, shift);  // q has at most 53 bits left
  return negate ? -result : result;
}

// float_richcompare of the int i and the float x: -1, 0 or 1 as i is
// less than, equal to or greater than x, exactly; 2 if x is a NaN. Where
// float(i) differs from x the rounding (monotonic) kept the order; where
// they are equal x is an integer of at most 64 bits, compared as one.
PYM_FN int pym_int_float_cmp(int64_t i, double x) {
  if (isnan(x))
    return 2;
  double fi = (double)i;
  if (fi != x)
    return fi < x ? -1 : 1;
  if (x >= 0x1p63)
    return -1;  // float(i) rounded up to 2**63
  int64_t xi = (int64_t)x;
  return i < xi ? -1 : i > xi ? 1 : 0;
}

// `i OP x` for an int i and a float x, op a PYM_CMP_*; a NaN is only !=.
PYM_FN int pym_int_float_compare(int64_t i, double x, int op) {
  int c = pym_int_float_cmp(i, x);
  switch (op) {
  case PYM_CMP_EQ: return c == 0;
  case PYM_CMP_NE: return c != 0;
  case PYM_CMP_LT: return c == -1;
  case PYM_CMP_LE: return c == -1 || c == 0;
  case PYM_CMP_GT: return c == 1;
  default: return c == 1 || c == 0;
  }
}

// The operator that gives `x OP i` as `i SWAPPED x`.
PYM_FN int pym_cmp_swapped(int op) {
  switch (op) {
  case PYM_CMP_LT: return PYM_CMP_GT;
  case PYM_CMP_LE: return PYM_CMP_GE;
  case PYM_CMP_GT: return PYM_CMP_LT;
  case PYM_CMP_GE: return PYM_CMP_LE;
  default: return op;
  }
}

#endif
