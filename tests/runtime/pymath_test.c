// pymath_test.c - runtime/pymath.c and compiler/pymath.h against CPython.
//
// Two modes. With no arguments it reads one operation per line from stdin
// (`cdiv AR AI BR BI`, `fpow X Y`, `math1 sqrt X`, ...; floats in C99 hex
// or inf/nan, ints in decimal) and prints one result line each: `F x`,
// `C re im` (floats as %a), `I n`, or `E ExcName: message`.
// tests/runtime/pymath_test.py writes the operations, computes the same
// ones with python3 and compares every line: CPython is the oracle.
//
// With `--libc-hypot N` it checks that pym_libc_hypot equals the C
// library's hypot bit for bit on N inputs of each kind (random doubles,
// the Mandelbrot range, subnormals, huge values, equal and near-equal
// magnitudes, the scaling thresholds, infinities and NaNs); glibc is the
// oracle there, since CPython's abs(complex) calls it.
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../compiler/pymath.h"
#include "runtime.h"

// ---- stdin mode ------------------------------------------------------------

static void print_result(RtContext *ctx, char kind, double a, double b,
                         int64_t n) {
  if (ctx->exc)
    printf("E %s: %s\n", rt_exc_name(ctx->exc), ctx->msg);
  else if (kind == 'F')
    printf("F %a\n", a);
  else if (kind == 'C')
    printf("C %a %a\n", a, b);
  else
    printf("I %" PRId64 "\n", n);
}

// The Builtin number of a math function's name ("sqrt" -> BI_MATH_SQRT).
static int32_t math_builtin(const char *name) {
  static const struct {
    const char *name;
    int32_t builtin;
  } table[] = {
      {"sqrt", BI_MATH_SQRT},   {"exp", BI_MATH_EXP},
      {"log", BI_MATH_LOG},     {"log2", BI_MATH_LOG2},
      {"log10", BI_MATH_LOG10}, {"sin", BI_MATH_SIN},
      {"cos", BI_MATH_COS},     {"tan", BI_MATH_TAN},
      {"asin", BI_MATH_ASIN},   {"acos", BI_MATH_ACOS},
      {"atan", BI_MATH_ATAN},   {"atan2", BI_MATH_ATAN2},
      {"sinh", BI_MATH_SINH},   {"cosh", BI_MATH_COSH},
      {"tanh", BI_MATH_TANH},   {"hypot", BI_MATH_HYPOT},
      {"fabs", BI_MATH_FABS},   {"pow", BI_MATH_POW},
      {"fmod", BI_MATH_FMOD},   {"copysign", BI_MATH_COPYSIGN},
      {"degrees", BI_MATH_DEGREES}, {"radians", BI_MATH_RADIANS},
  };
  for (size_t i = 0; i < sizeof table / sizeof *table; i++)
    if (strcmp(table[i].name, name) == 0)
      return table[i].builtin;
  fprintf(stderr, "unknown math function %s\n", name);
  exit(2);
}

// pymath.h's int operations, which generated code calls without a wrapper.
static int64_t int_op(RtContext *ctx, const char *op, int64_t a, int64_t b) {
  int err = PYM_OK;
  int64_t r = 0;
  if (strcmp(op, "ifloordiv") == 0)
    r = pym_int_floordiv(a, b, &err);
  else if (strcmp(op, "imod") == 0)
    r = pym_int_mod(a, b, &err);
  else
    r = pym_int_mul(a, b, &err);
  if (err)
    rt_raise(ctx, pym_error_exc(err), 1, pym_error_message(err));
  return r;
}

// Runs one operation line; false for a line it does not understand.
static bool run_line(const char *line) {
  char op[16], name[16];
  double x[4];
  int64_t n[2];
  RtContext ctx;
  rt_context_init(&ctx, NULL, 1);
  RtComplex c;
  bool ok = true;
  if (sscanf(line, "cdiv %la %la %la %la", &x[0], &x[1], &x[2], &x[3]) == 4) {
    c = rt_complex_div(&ctx, x[0], x[1], x[2], x[3], 1);
    print_result(&ctx, 'C', c.re, c.im, 0);
  } else if (sscanf(line, "cpow %la %la %la %la", &x[0], &x[1], &x[2],
                    &x[3]) == 4) {
    c = rt_complex_pow(&ctx, x[0], x[1], x[2], x[3], 1);
    print_result(&ctx, 'C', c.re, c.im, 0);
  } else if (sscanf(line, "cpowi %la %la %" SCNd64, &x[0], &x[1], &n[0]) ==
             3) {
    c = rt_complex_powi(&ctx, x[0], x[1], n[0], 1);
    print_result(&ctx, 'C', c.re, c.im, 0);
  } else if (sscanf(line, "cabs %la %la", &x[0], &x[1]) == 2) {
    print_result(&ctx, 'F', rt_complex_abs(&ctx, x[0], x[1], 1), 0, 0);
  } else if (sscanf(line, "fpow %la %la", &x[0], &x[1]) == 2) {
    print_result(&ctx, 'F', rt_float_pow(&ctx, x[0], x[1], 1), 0, 0);
  } else if (sscanf(line, "ffloordiv %la %la", &x[0], &x[1]) == 2) {
    print_result(&ctx, 'F', rt_float_floordiv(&ctx, x[0], x[1], 1), 0, 0);
  } else if (sscanf(line, "fmod %la %la", &x[0], &x[1]) == 2) {
    print_result(&ctx, 'F', rt_float_mod(&ctx, x[0], x[1], 1), 0, 0);
  } else if (sscanf(line, "fround %la %" SCNd64, &x[0], &n[0]) == 2) {
    print_result(&ctx, 'F', rt_float_round(&ctx, x[0], n[0], 1), 0, 0);
  } else if (sscanf(line, "froundint %la", &x[0]) == 1) {
    print_result(&ctx, 'I', 0, 0, rt_float_round_int(&ctx, x[0], 1));
  } else if (sscanf(line, "ftoint %la", &x[0]) == 1) {
    print_result(&ctx, 'I', 0, 0, rt_float_to_int(&ctx, x[0], 1));
  } else if (sscanf(line, "hypot %la %la", &x[0], &x[1]) == 2) {
    print_result(&ctx, 'F', rt_math_hypot(x[0], x[1]), 0, 0);
  } else if (sscanf(line, "ipow %" SCNd64 " %" SCNd64, &n[0], &n[1]) == 2) {
    print_result(&ctx, 'I', 0, 0, rt_int_pow(&ctx, n[0], n[1], 1));
  } else if (sscanf(line, "math1 %15s %la", name, &x[0]) == 2) {
    double r = rt_math1(&ctx, math_builtin(name), x[0], 1);
    print_result(&ctx, 'F', r, 0, 0);
  } else if (sscanf(line, "math2 %15s %la %la", name, &x[0], &x[1]) == 3) {
    double r = rt_math2(&ctx, math_builtin(name), x[0], x[1], 1);
    print_result(&ctx, 'F', r, 0, 0);
  } else if (sscanf(line, "itruediv %" SCNd64 " %" SCNd64, &n[0], &n[1]) ==
             2) {
    int err = PYM_OK;
    double r = pym_int_true_div(n[0], n[1], &err);
    if (err)
      rt_raise(&ctx, pym_error_exc(err), 1, pym_error_message(err));
    else if (!pym_int_fits_double(n[0]) || !pym_int_fits_double(n[1]))
      r = rt_int_true_div(n[0], n[1]);  // the same, through the runtime
    print_result(&ctx, 'F', r, 0, 0);
  } else if (sscanf(line, "icmpf %" SCNd64 " %la", &n[0], &x[0]) == 2) {
    // pym_int_float_cmp (-1, 0, 1; 2 for NaN) + 4 * the bits of `i OP x`
    // + 256 * the bits of `x OP i`, OP in PYM_CMP_* order
    int64_t r = pym_int_float_cmp(n[0], x[0]) + 2;
    for (int k = PYM_CMP_EQ; k <= PYM_CMP_GE; k++) {
      r += (int64_t)pym_int_float_compare(n[0], x[0], k) << (2 + k);
      r += (int64_t)pym_int_float_compare(n[0], x[0], pym_cmp_swapped(k))
           << (8 + k);
    }
    print_result(&ctx, 'I', 0, 0, r);
  } else if (sscanf(line, "%15s %" SCNd64 " %" SCNd64, op, &n[0], &n[1]) ==
                 3 &&
             op[0] == 'i') {
    print_result(&ctx, 'I', 0, 0, int_op(&ctx, op, n[0], n[1]));
  } else {
    ok = false;
  }
  rt_context_free(&ctx);
  return ok;
}

static int run_stdin(void) {
  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    if (!run_line(line)) {
      fprintf(stderr, "bad operation: %s", line);
      return 2;
    }
  }
  return 0;
}

// ---- --libc-hypot mode -----------------------------------------------------

// xorshift64*: a fixed sequence, so a failure reproduces.
static uint64_t next_random(uint64_t *state) {
  *state ^= *state >> 12;
  *state ^= *state << 25;
  *state ^= *state >> 27;
  return *state * 0x2545F4914F6CDD1DULL;
}

static double from_bits(uint64_t bits) {
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

static uint64_t to_bits(double d) {
  uint64_t bits;
  memcpy(&bits, &d, sizeof bits);
  return bits;
}

// A double uniform in [-1, 1).
static double unit(uint64_t *s) {
  return (double)(next_random(s) >> 11) * 0x1p-52 - 1.0;
}

// A pair of inputs of kind k (0..7).
static void make_pair(int k, uint64_t *s, double *x, double *y) {
  switch (k) {
  case 0:  // any bit pattern: every exponent, subnormals, inf, nan
    *x = from_bits(next_random(s));
    *y = from_bits(next_random(s));
    break;
  case 1:  // the Mandelbrot range, where abs(z) meets 2.0
    *x = 4.0 * unit(s);
    *y = 4.0 * unit(s);
    break;
  case 2:  // subnormals and the tiny-scaling threshold 2^-459
    *x = ldexp(unit(s), -1022 - (int)(next_random(s) % 53));
    *y = ldexp(unit(s), -400 - (int)(next_random(s) % 680));
    break;
  case 3:  // huge values and the large threshold 2^511
    *x = ldexp(unit(s), 450 + (int)(next_random(s) % 575));
    *y = ldexp(unit(s), 450 + (int)(next_random(s) % 575));
    break;
  case 4:  // equal and nearly equal magnitudes
    *x = ldexp(unit(s), (int)(next_random(s) % 200) - 100);
    *y = from_bits(to_bits(fabs(*x)) + next_random(s) % 5 - 2);
    break;
  case 5:  // ratios near 2^54, where ay is dropped
    *x = ldexp(1.0 + unit(s) * 0.5, (int)(next_random(s) % 100));
    *y = ldexp(*x, -52 - (int)(next_random(s) % 4)) *
         (1.0 + unit(s) * 0x1p-3);
    break;
  case 6:  // small integers and Pythagorean-like exact cases
    *x = (double)(int64_t)(next_random(s) % 2001) - 1000;
    *y = (double)(int64_t)(next_random(s) % 2001) - 1000;
    break;
  default:  // one of them infinite or NaN
    *x = next_random(s) % 2 ? INFINITY : NAN;
    *y = from_bits(next_random(s));
    if (next_random(s) % 2) {
      double t = *x;
      *x = *y;
      *y = t;
    }
  }
}

static bool same_bits(double a, double b) {
  if (isnan(a) && isnan(b))
    return true;
  return memcmp(&a, &b, sizeof a) == 0;
}

static int run_libc_hypot(long n) {
  uint64_t state = 0x9E3779B97F4A7C15ULL;
  long checked = 0, wrong = 0;
  for (int k = 0; k < 8; k++) {
    for (long i = 0; i < n; i++) {
      double x, y;
      make_pair(k, &state, &x, &y);
      double want = hypot(x, y), got = pym_libc_hypot(x, y);
      checked++;
      if (!same_bits(want, got) && wrong++ < 10)
        printf("hypot(%a, %a): glibc %a, pym_libc_hypot %a\n", x, y, want,
               got);
    }
  }
  printf("pym_libc_hypot: %ld inputs, %ld differ from glibc's hypot\n",
         checked, wrong);
  return wrong == 0 ? 0 : 1;
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--libc-hypot") == 0)
    return run_libc_hypot(atol(argv[2]));
  return run_stdin();
}
