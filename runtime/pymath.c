// pymath.c - CPython's numeric operations for compiled code on the CPU.
//
// Generated LLVM code calls these rt_ helpers for the operations whose
// exact CPython algorithm is too long to inline. Most are thin wrappers
// around compiler/pymath.h, the platform-independent algorithms that the
// CUDA target shares, turning its error codes into raised exceptions. The
// rest need the C library's transcendental functions (pow, exp, log,
// atan2, cos, sin, hypot) and exist only here: complex ** complex
// (_Py_c_pow), float ** float (float_pow), the math module's functions
// (math_1, math_2 and their error rules) and round(x, n). They call glibc
// exactly as CPython does, in CPython's order, and read errno where
// CPython reads it, so their bits and their exceptions are CPython's.
#include <assert.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "../compiler/pymath.h"
#include "runtime.h"

_Static_assert(PYM_EXC_ZERO_DIVISION == RT_EXC_ZERO_DIVISION,
               "pymath.h numbers exceptions as RtExc");
_Static_assert(PYM_EXC_VALUE == RT_EXC_VALUE,
               "pymath.h numbers exceptions as RtExc");
_Static_assert(PYM_EXC_OVERFLOW == RT_EXC_OVERFLOW,
               "pymath.h numbers exceptions as RtExc");

static const double py_math_pi = 3.14159265358979323846;  // Py_MATH_PI

// Raises the exception of a pymath.h error code; returns whether there was
// one.
static bool raise_error(RtContext *ctx, int err, int32_t line) {
  if (err == PYM_OK)
    return false;
  rt_raise(ctx, pym_error_exc(err), line, pym_error_message(err));
  return true;
}

static RtComplex to_rt(PymComplex c) {
  return (RtComplex){c.re, c.im};
}

RtComplex rt_complex_div(RtContext *ctx, double ar, double ai, double br,
                         double bi, int32_t line) {
  int err = PYM_OK;
  PymComplex q = pym_complex_div(pym_complex(ar, ai), pym_complex(br, bi),
                                 &err);
  if (raise_error(ctx, err, line))
    return (RtComplex){0, 0};
  return to_rt(q);
}

// ---- complex powers --------------------------------------------------------

// _Py_c_pow: a ** b through polar form, with libc's functions. Sets errno
// to EDOM for 0 ** (negative or complex), and libc may set ERANGE.
static PymComplex c_pow(PymComplex a, PymComplex b) {
  if (b.re == 0. && b.im == 0.)
    return pym_complex(1., 0.);
  if (a.re == 0. && a.im == 0.) {
    if (b.im != 0. || b.re < 0.)
      errno = EDOM;
    return pym_complex(0., 0.);
  }
  double vabs = hypot(a.re, a.im);
  double len = pow(vabs, b.re);
  double at = atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= exp(at * b.im);
    phase += b.im * log(vabs);
  }
  return pym_complex(len * cos(phase), len * sin(phase));
}

// complex_pow's ending after _Py_c_pow: Py_ADJUST_ERANGE2 (an infinite
// part means overflow; ERANGE without one was an underflow), then errno
// picks the exception.
static RtComplex finish_c_pow(RtContext *ctx, PymComplex p, int32_t line) {
  if (isinf(p.re) || isinf(p.im)) {
    if (errno == 0)
      errno = ERANGE;
  } else if (errno == ERANGE) {
    errno = 0;
  }
  int err = PYM_OK;
  if (errno == EDOM)
    err = PYM_COMPLEX_POW_ZERO;
  else if (errno == ERANGE)
    err = PYM_COMPLEX_POW_RANGE;
  if (raise_error(ctx, err, line))
    return (RtComplex){0, 0};
  return to_rt(p);
}

// x ** n for an integral n: repeated squaring for small n (pymath.h),
// _Py_c_pow beyond, as complex_pow chooses.
static RtComplex complex_powi(RtContext *ctx, PymComplex x, int64_t n,
                              int32_t line) {
  if (n >= -PYM_COMPLEX_POWI_MAX && n <= PYM_COMPLEX_POWI_MAX) {
    int err = PYM_OK;
    PymComplex p = pym_complex_powi(x, n, &err);
    if (raise_error(ctx, err, line))
      return (RtComplex){0, 0};
    return to_rt(p);
  }
  errno = 0;
  return finish_c_pow(ctx, c_pow(x, pym_complex((double)n, 0.0)), line);
}

RtComplex rt_complex_pow(RtContext *ctx, double ar, double ai, double br,
                         double bi, int32_t line) {
  PymComplex a = pym_complex(ar, ai);
  // complex_pow: an exponent with a small integral value takes the faster
  // and more accurate path
  if (bi == 0.0 && br == floor(br) && fabs(br) <= PYM_COMPLEX_POWI_MAX)
    return complex_powi(ctx, a, (int64_t)br, line);
  errno = 0;
  return finish_c_pow(ctx, c_pow(a, pym_complex(br, bi)), line);
}

RtComplex rt_complex_powi(RtContext *ctx, double ar, double ai, int64_t n,
                          int32_t line) {
  return complex_powi(ctx, pym_complex(ar, ai), n, line);
}

// _Py_c_abs and complex_abs. For finite parts CPython calls the C
// library's hypot, so this does too: pym_libc_hypot (the GPU's) gives the
// same bits on Debian 12, which the pymath_libc_hypot test checks, but here
// the CPU matches CPython even on a C library that differs.
double rt_complex_abs(RtContext *ctx, double re, double im, int32_t line) {
  int err = PYM_OK;
  if (!isfinite(re) || !isfinite(im))
    return pym_complex_abs(re, im, &err);  // inf or nan, never an error
  double r = hypot(re, im);
  if (!isfinite(r)) {
    raise_error(ctx, PYM_ABS_RANGE, line);
    return 0;
  }
  return r;
}

// ---- floats and ints -------------------------------------------------------

// float_pow: the special cases of pymath.h, then libc's pow with
// _Py_ADJUST_ERANGE1 (ERANGE with a zero result is an underflow, not an
// error). A negative base with a fractional exponent gives a complex
// number in Python 3; kernels are statically typed, so that is a
// ValueError here.
double rt_float_pow(RtContext *ctx, double x, double y, int32_t line) {
  int err = PYM_OK, negate;
  double r;
  if (pym_float_pow_special(&x, y, &r, &negate, &err)) {
    raise_error(ctx, err, line);
    return r;
  }
  errno = 0;
  r = pow(x, y);
  if (errno == 0) {
    if (isinf(r))
      errno = ERANGE;
  } else if (errno == ERANGE && r == 0.0) {
    errno = 0;
  }
  if (negate)
    r = -r;
  if (errno == ERANGE) {
    raise_error(ctx, PYM_FLOAT_POW_RANGE, line);
    return 0;
  }
  if (errno != 0) {
    rt_raise(ctx, RT_EXC_VALUE, line, "math domain error");
    return 0;
  }
  return r;
}

int64_t rt_int_pow(RtContext *ctx, int64_t x, int64_t y, int32_t line) {
  int err = PYM_OK;
  int64_t r = pym_int_pow(x, y, &err);
  raise_error(ctx, err, line);
  return r;
}

double rt_float_floordiv(RtContext *ctx, double x, double y, int32_t line) {
  int err = PYM_OK;
  double r = pym_float_floordiv(x, y, &err);
  raise_error(ctx, err, line);
  return r;
}

double rt_float_mod(RtContext *ctx, double x, double y, int32_t line) {
  int err = PYM_OK;
  double r = pym_float_mod(x, y, &err);
  raise_error(ctx, err, line);
  return r;
}

int64_t rt_float_round_int(RtContext *ctx, double x, int32_t line) {
  int err = PYM_OK;
  int64_t r = pym_float_round_int(x, &err);
  raise_error(ctx, err, line);
  return r;
}

int64_t rt_float_to_int(RtContext *ctx, double x, int32_t line) {
  int err = PYM_OK;
  int64_t r = pym_float_to_int(x, &err);
  raise_error(ctx, err, line);
  return r;
}

double rt_int_true_div(int64_t a, int64_t b) {
  int err = PYM_OK;
  double r = pym_int_true_div(a, b, &err);
  assert(err == PYM_OK && "the caller checks the divisor");
  return r;
}

// ---- round(x, ndigits) -----------------------------------------------------

// float___round___impl's bounds: beyond NDIGITS_MAX every double rounds to
// itself, below NDIGITS_MIN to a signed zero (0.30103 > log10(2)).
#define NDIGITS_MAX ((int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103))
#define NDIGITS_MIN (-(int)((DBL_MAX_EXP + 1) * 0.30103))

// Room for the exact decimal expansion of any double: 309 integer digits,
// the point, and 1074 fraction digits (2^-1074 has exactly that many).
enum { EXACT_DIGITS = 1074, EXACT_BUFSIZE = 1400 };

// Adds one unit to the decimal digit string d[0..n), which starts with a
// spare '0' so the carry cannot run off its front.
static void increment_digits(char *d, int n) {
  for (int i = n - 1; i >= 0; i--) {
    if (d[i] != '9') {
      d[i]++;
      return;
    }
    d[i] = '0';
  }
}

// Whether the digits dropped from d at position keep round the kept ones
// up: above half, or exactly half with an odd last kept digit.
static bool rounds_up(const char *d, int keep, int n) {
  if (keep >= n || d[keep] < '5')
    return false;
  if (d[keep] > '5')
    return true;
  for (int i = keep + 1; i < n; i++)
    if (d[i] != '0')
      return true;
  return (d[keep - 1] - '0') % 2 == 1;
}

// double_round: CPython rounds the exact value of x half-to-even at
// 10^-ndigits with _Py_dg_dtoa, then reads the digits back with
// _Py_dg_strtod. glibc's printf gives the exact expansion and its strtod
// is correctly rounded, so the same two steps give the same bits.
static double round_decimal(RtContext *ctx, double x, int ndigits,
                            int32_t line) {
  char text[EXACT_BUFSIZE], digits[EXACT_BUFSIZE];
  snprintf(text, sizeof text, "%.*f", EXACT_DIGITS, fabs(x));
  int n = 0, intlen = 0;
  digits[n++] = '0';  // room for a carry
  for (const char *p = text; *p; p++) {
    if (*p == '.')
      intlen = n;
    else
      digits[n++] = *p;
  }
  int keep = intlen + ndigits;  // digits left of position 10^-ndigits
  if (keep < 1)
    return copysign(0.0, x);
  if (rounds_up(digits, keep, n))
    increment_digits(digits, keep);
  char number[EXACT_BUFSIZE + 16];
  snprintf(number, sizeof number, "%s%.*se%d", signbit(x) ? "-" : "",
           keep, digits, -ndigits);
  double rounded = strtod(number, NULL);
  if (isinf(rounded)) {
    rt_raise(ctx, RT_EXC_OVERFLOW, line,
             "rounded value too large to represent");
    return 0;
  }
  return rounded;
}

double rt_float_round(RtContext *ctx, double x, int64_t ndigits,
                      int32_t line) {
  if (!isfinite(x) || ndigits > NDIGITS_MAX)
    return x;
  if (ndigits < NDIGITS_MIN)
    return 0.0 * x;
  return round_decimal(ctx, x, (int)ndigits, line);
}

// ---- the math module -------------------------------------------------------

double rt_math_hypot(double x, double y) {
  return pym_math_hypot(x, y);
}

// is_error: after errno was set, EDOM is a domain error and ERANGE an
// overflow, unless the result is small (an underflow, which is fine).
static bool is_error(RtContext *ctx, double r, int32_t line) {
  int err = PYM_OK;
  if (errno == EDOM)
    err = PYM_MATH_DOMAIN;
  else if (errno == ERANGE && fabs(r) >= 1.5)
    err = PYM_MATH_RANGE;
  else if (errno != ERANGE)
    err = PYM_MATH_DOMAIN;  // an unexpected errno: CPython's ValueError
  return raise_error(ctx, err, line);
}

// math_1: a NaN from a non-NaN is a domain error; an infinity from a
// finite x is an overflow for functions that can overflow (exp, cosh,
// sinh) and a domain error (a singularity, like log(0)) for the rest.
static double math_1(RtContext *ctx, double (*func)(double), double x,
                     bool can_overflow, int32_t line) {
  errno = 0;
  double r = func(x);
  if (isnan(r) && !isnan(x)) {
    raise_error(ctx, PYM_MATH_DOMAIN, line);
    return 0;
  }
  if (isinf(r) && isfinite(x)) {
    raise_error(ctx, can_overflow ? PYM_MATH_RANGE : PYM_MATH_DOMAIN, line);
    return 0;
  }
  if (isfinite(r) && errno && is_error(ctx, r, line))
    return 0;
  return r;
}

// m_atan2: the IEEE special cases, handled before libc sees them.
static double m_atan2(double y, double x) {
  if (isnan(x) || isnan(y))
    return pym_nan();
  if (isinf(y)) {
    if (isinf(x)) {
      if (copysign(1., x) == 1.)
        return copysign(0.25 * py_math_pi, y);  // atan2(+-inf, +inf)
      return copysign(0.75 * py_math_pi, y);    // atan2(+-inf, -inf)
    }
    return copysign(0.5 * py_math_pi, y);
  }
  if (isinf(x) || y == 0.) {
    if (copysign(1., x) == 1.)
      return copysign(0., y);
    return copysign(py_math_pi, y);
  }
  return atan2(y, x);
}

// math_2: a NaN from non-NaNs is a domain error, an infinity from finite
// arguments an overflow.
static double math_2(RtContext *ctx, double (*func)(double, double),
                     double x, double y, int32_t line) {
  errno = 0;
  double r = func(x, y);
  if (isnan(r))
    errno = !isnan(x) && !isnan(y) ? EDOM : 0;
  else if (isinf(r))
    errno = isfinite(x) && isfinite(y) ? ERANGE : 0;
  if (errno && is_error(ctx, r, line))
    return 0;
  return r;
}

// math.fmod: fmod(x, +-inf) is x for finite x; NaN from non-NaNs is a
// domain error.
static double math_fmod(RtContext *ctx, double x, double y, int32_t line) {
  if (isinf(y) && isfinite(x))
    return x;
  errno = 0;
  double r = fmod(x, y);
  if (isnan(r))
    errno = !isnan(x) && !isnan(y) ? EDOM : 0;
  if (errno && is_error(ctx, r, line))
    return 0;
  return r;
}

// math.pow on infinite or NaN arguments: C99's Annex F, spelled out.
static double pow_special(double x, double y) {
  if (isnan(x))
    return y == 0. ? 1. : x;  // NaN ** 0 = 1
  if (isnan(y))
    return x == 1. ? 1. : y;  // 1 ** NaN = 1
  if (isinf(x)) {
    bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
    if (y > 0.)
      return odd_y ? x : fabs(x);
    if (y == 0.)
      return 1.;
    return odd_y ? copysign(0., x) : 0.;
  }
  if (fabs(x) == 1.0)
    return 1.;
  if (y > 0. && fabs(x) > 1.0)
    return y;
  if (y < 0. && fabs(x) < 1.0)
    return -y;  // +inf
  return 0.;
}

// math_pow_impl: libc's pow for finite arguments, where a NaN is a
// negative base with a fractional exponent and an infinity is 0 ** negative
// (domain) or an overflow.
static double math_pow(RtContext *ctx, double x, double y, int32_t line) {
  if (!isfinite(x) || !isfinite(y))
    return pow_special(x, y);
  errno = 0;
  double r = pow(x, y);
  if (isnan(r))
    errno = EDOM;
  else if (isinf(r))
    errno = x == 0. ? EDOM : ERANGE;
  if (errno && is_error(ctx, r, line))
    return 0;
  return r;
}

// math.log(x, base): loghelper on each, then a float division.
static double math_log2args(RtContext *ctx, double x, double base,
                            int32_t line) {
  double num = math_1(ctx, log, x, false, line);
  if (ctx->exc)
    return 0;
  double den = math_1(ctx, log, base, false, line);
  if (ctx->exc)
    return 0;
  int err = PYM_OK;
  double r = pym_float_div(num, den, &err);
  raise_error(ctx, err, line);
  return r;
}

static double degrees(double x) {
  return x * (180.0 / py_math_pi);  // radToDeg
}

static double radians(double x) {
  return x * (py_math_pi / 180.0);  // degToRad
}

double rt_math1(RtContext *ctx, int32_t builtin, double x, int32_t line) {
  switch (builtin) {
  case BI_MATH_SQRT: return math_1(ctx, sqrt, x, false, line);
  case BI_MATH_EXP: return math_1(ctx, exp, x, true, line);
  case BI_MATH_LOG: return math_1(ctx, log, x, false, line);
  case BI_MATH_LOG2: return math_1(ctx, log2, x, false, line);
  case BI_MATH_LOG10: return math_1(ctx, log10, x, false, line);
  case BI_MATH_SIN: return math_1(ctx, sin, x, false, line);
  case BI_MATH_COS: return math_1(ctx, cos, x, false, line);
  case BI_MATH_TAN: return math_1(ctx, tan, x, false, line);
  case BI_MATH_ASIN: return math_1(ctx, asin, x, false, line);
  case BI_MATH_ACOS: return math_1(ctx, acos, x, false, line);
  case BI_MATH_ATAN: return math_1(ctx, atan, x, false, line);
  case BI_MATH_SINH: return math_1(ctx, sinh, x, true, line);
  case BI_MATH_COSH: return math_1(ctx, cosh, x, true, line);
  case BI_MATH_TANH: return math_1(ctx, tanh, x, false, line);
  case BI_MATH_FABS: return math_1(ctx, fabs, x, false, line);
  case BI_MATH_FLOOR: return floor(x);
  case BI_MATH_CEIL: return ceil(x);
  case BI_MATH_TRUNC: return trunc(x);
  case BI_MATH_DEGREES: return degrees(x);
  case BI_MATH_RADIANS: return radians(x);
  default:
    assert(!"rt_math1: not a one-argument math function");
    return pym_nan();
  }
}

double rt_math2(RtContext *ctx, int32_t builtin, double x, double y,
                int32_t line) {
  switch (builtin) {
  case BI_MATH_ATAN2: return math_2(ctx, m_atan2, x, y, line);
  case BI_MATH_COPYSIGN: return math_2(ctx, copysign, x, y, line);
  case BI_MATH_FMOD: return math_fmod(ctx, x, y, line);
  case BI_MATH_POW: return math_pow(ctx, x, y, line);
  case BI_MATH_LOG: return math_log2args(ctx, x, y, line);
  case BI_MATH_HYPOT: return pym_math_hypot(x, y);
  default:
    assert(!"rt_math2: not a two-argument math function");
    return pym_nan();
  }
}
