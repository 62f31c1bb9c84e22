// libm_check.c - compiler/pymath_libm.h against this host's glibc.
//
//   libm_check N SEED fma|plain [exp|log|pow|sin|cos ...]
//
// The GPU's exp, log, pow, sin and cos (compiler/pymath_libm.h, as
// libm_fma.c and libm_plain.c compile it) must return glibc's bits, for
// the build of glibc's libm that the process uses: the FMA one on a CPU
// with FMA and AVX2, the plain one under
// GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA (the ctest entries libm_fma
// and libm_plain run both, tests/libm/libm_full.sh the same with 10^8).
// The third argument says which one glibc must be using; the program
// checks that libm_host_variant() agrees, then compares that variant with
// glibc on N random inputs per function (a third random bit patterns over
// the whole exponent range, the rest drawn where each function does its
// work: exp's finite range, log near 1 and over all exponents, pow with
// y * log(x) in exp's range and negative x with integral y, sin and cos
// in each of glibc's ranges), after a fixed list of special values
// (zeros, infinities, NaNs, subnormals, 1, the overflow and underflow
// thresholds and their neighbours, every pair of them for pow). Results
// must be equal bit for bit, NaNs included. It also counts the inputs
// where the two variants differ from each other (on every 8th input), to
// show that the check could fail.
// Exit 0 when all match, 1 on a mismatch, 2 on bad usage, 77 (skipped)
// for fma on a CPU without FMA and AVX2.
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../compiler/libm.h"

static uint64_t rng_state;

static uint64_t next_u64(void) {  // splitmix64
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static double as_double(uint64_t u) {
  double d;
  memcpy(&d, &u, sizeof d);
  return d;
}

static uint64_t as_u64(double d) {
  uint64_t u;
  memcpy(&u, &d, sizeof u);
  return u;
}

static double uniform(double lo, double hi) {  // in [lo, hi)
  return lo + (hi - lo) * ((double)(next_u64() >> 11) * 0x1p-53);
}

static double random_bits(void) { return as_double(next_u64()); }

// A double with a uniformly drawn exponent (subnormals as one binade).
static double random_exponent(int negative_too) {
  uint64_t e = next_u64() % 2047;  // not the infinity/NaN exponent
  uint64_t m = next_u64() & 0xfffffffffffffULL;
  uint64_t s = negative_too ? (next_u64() & 1) << 63 : 0;
  return as_double(s | e << 52 | m);
}

// A few ulps either side of x.
static double near(double x) {
  int64_t k = (int64_t)(next_u64() % 17) - 8;
  return as_double(as_u64(x) + (uint64_t)k);
}

static const double specials[] = {
    0.0, -0.0, INFINITY, -INFINITY, NAN, -NAN, 1.0, -1.0, 2.0, -2.0, 0.5,
    -0.5, 3.0, -3.0, 0x1p-1074, -0x1p-1074, 0x1p-1022, 0x1.fffffffffffffp-1023,
    0x1.fffffffffffffp1023, -0x1.fffffffffffffp1023, 709.782712893384,
    709.7827128933841, -745.1332191019411, -745.1332191019412,
    -708.3964185322641, -708.39641853226418, 0x1p-54, -0x1p-54, 0x1p-55,
    512.0, -512.0, 1024.0, -1024.0, 0.9375, 1.064697265625, 0x1p63,
    -0x1p63, 0x1p-65, -0x1p-65, 0x1.fffffffffffffp-1, 0x1.0000000000001p0,
    0.1, 10.0, 1e300, 1e-300, 4503599627370497.0, -4503599627370497.0,
    9007199254740993.0, 0.3333333333333333, 1.5, -1.5, 2.5, -2.5, 1075.0,
    -1075.0,
};
#define NSPECIALS (int)(sizeof specials / sizeof specials[0])

typedef struct {
  const char *name;
  double (*glibc1)(double);
  double (*glibc2)(double, double);
  double (*fma1)(double);
  double (*fma2)(double, double);
  double (*plain1)(double);
  double (*plain2)(double, double);
} Function;

static const Function functions[] = {
    {"exp", exp, NULL, pym_libm_exp_fma, NULL, pym_libm_exp_plain, NULL},
    {"log", log, NULL, pym_libm_log_fma, NULL, pym_libm_log_plain, NULL},
    {"pow", NULL, pow, NULL, pym_libm_pow_fma, NULL, pym_libm_pow_plain},
    {"sin", sin, NULL, pym_libm_sin_fma, NULL, pym_libm_sin_plain, NULL},
    {"cos", cos, NULL, pym_libm_cos_fma, NULL, pym_libm_cos_plain, NULL},
    {"log2", log2, NULL, pym_libm_log2_fma, NULL, pym_libm_log2_plain, NULL},
    {"log10", log10, NULL, pym_libm_log10_fma, NULL, pym_libm_log10_plain,
     NULL},
    {"expm1", expm1, NULL, pym_libm_expm1_fma, NULL, pym_libm_expm1_plain,
     NULL},
    {"sinh", sinh, NULL, pym_libm_sinh_fma, NULL, pym_libm_sinh_plain, NULL},
    {"cosh", cosh, NULL, pym_libm_cosh_fma, NULL, pym_libm_cosh_plain, NULL},
    {"tanh", tanh, NULL, pym_libm_tanh_fma, NULL, pym_libm_tanh_plain, NULL},
    {"atan", atan, NULL, pym_libm_atan_fma, NULL, pym_libm_atan_plain, NULL},
    {"atan2", NULL, atan2, NULL, pym_libm_atan2_fma, NULL,
     pym_libm_atan2_plain},
};

typedef struct {
  const Function *f;
  int fma;  // the variant glibc uses
  uint64_t compared, mismatches, sampled, variants_differ;
} Check;

static void check1(Check *c, double x, double y) {
  const Function *f = c->f;
  double want, got, other = 0;
  // The other variant on every 8th input only: under GLIBC_TUNABLES the
  // FMA variant's fma() is glibc's slow software one.
  int sample = (c->compared & 7) == 0;
  if (f->glibc1) {
    want = f->glibc1(x);
    got = (c->fma ? f->fma1 : f->plain1)(x);
    if (sample)
      other = (c->fma ? f->plain1 : f->fma1)(x);
  } else {
    want = f->glibc2(x, y);
    got = (c->fma ? f->fma2 : f->plain2)(x, y);
    if (sample)
      other = (c->fma ? f->plain2 : f->fma2)(x, y);
  }
  c->compared++;
  c->sampled += sample;
  if (sample && as_u64(other) != as_u64(want))
    c->variants_differ++;
  if (as_u64(got) == as_u64(want))
    return;
  if (c->mismatches++ < 10)
    fprintf(stderr, "MISMATCH %s(%a, %a (y, for two arguments)): glibc %a "
            "(%016" PRIx64 "), ours %a (%016" PRIx64 ")\n", f->name, x, y,
            want, as_u64(want), got, as_u64(got));
}

// One random input for c's function, by the kind k (0..5).
static void random_input(Check *c, int k) {
  const char *n = c->f->name;
  double x, y = 0;
  if (k < 2) {  // random bit patterns, uniform exponents
    x = k == 0 ? random_bits() : random_exponent(1);
    y = k == 0 ? random_bits() : random_exponent(1);
  } else if (!strcmp(n, "exp")) {
    x = k == 2 ? uniform(-746, 710)
        : k == 3 ? uniform(-1, 1) * as_double((next_u64() % 64 + 960) << 52)
        : k == 4 ? near(specials[next_u64() % NSPECIALS])
                 : uniform(-0.36, 0.36);
  } else if (!strncmp(n, "log", 3)) {
    x = k == 2 ? random_exponent(0)
        : k == 3 ? uniform(0.9375, 1.065)
        : k == 4 ? near(specials[next_u64() % NSPECIALS])
                 : as_double(next_u64() & 0xfffffffffffffULL);  // subnormal
  } else if (!strcmp(n, "sin") || !strcmp(n, "cos")) {
    // each of s_sin.c's ranges: Taylor's series, the table, pi/2 - x,
    // reduce_sincos (with its multiples of pi/2), __branred
    x = k == 2 ? uniform(-3, 3)
        : k == 3 ? floor(uniform(-1e6, 1e6)) * 1.5707963267948966 +
                       uniform(-1e-3, 1e-3)
        : k == 4 ? near(specials[next_u64() % NSPECIALS])
                 : uniform(-1, 1) * as_double((next_u64() % 60 + 1012) << 52);
  } else if (!strcmp(n, "expm1") || !strcmp(n, "sinh") ||
             !strcmp(n, "cosh") || !strcmp(n, "tanh")) {
    x = k == 2 ? uniform(-40, 40) : k == 3 ? uniform(-1.1, 1.1)
        : k == 4 ? near(specials[next_u64() % NSPECIALS])
                 : uniform(-712, 712);
  } else if (!strcmp(n, "atan")) {  // each of s_atan.c's ranges
    x = k == 2 ? uniform(-20, 20)
        : k == 3 ? uniform(-1, 1) * as_double((next_u64() % 80 + 980) << 52)
        : k == 4 ? near(specials[next_u64() % NSPECIALS])
                 : uniform(-0.07, 0.07);
  } else if (!strcmp(n, "atan2")) {  // y, x: every quadrant and ratio
    x = k == 2 ? uniform(-20, 20) : k == 3 ? random_exponent(1)
        : k == 4 ? near(specials[next_u64() % NSPECIALS]) : uniform(-1, 1);
    y = k == 2 ? uniform(-20, 20)
        : k == 3 ? x * uniform(-1, 1) * as_double((next_u64() % 40 + 1003)
                                                   << 52)
        : k == 4 ? near(specials[next_u64() % NSPECIALS])
                 : x * uniform(-0.1, 0.1);
  } else {  // pow: |y * log(x)| mostly in exp's range
    x = k == 5 ? -fabs(random_exponent(0)) : random_exponent(0);
    double l = fabs(log(fabs(x)));
    double span = l > 0x1p-30 ? 760 / l : 1e9;
    y = uniform(-span, span);
    if (k == 3)
      x = uniform(0.5, 2), y = uniform(-2000, 2000);
    if (k == 4)
      x = near(specials[next_u64() % NSPECIALS]),
      y = near(specials[next_u64() % NSPECIALS]);
    if (k == 5)  // negative x: integral y, odd and even
      y = floor(y);
  }
  check1(c, x, y);
}

int main(int argc, char **argv) {
  if (argc < 4 || (strcmp(argv[3], "fma") && strcmp(argv[3], "plain"))) {
    fprintf(stderr, "usage: libm_check N SEED fma|plain [FUNCTION...]\n");
    return 2;
  }
  uint64_t n = strtoull(argv[1], NULL, 10);
  rng_state = strtoull(argv[2], NULL, 10);
  int fma = !strcmp(argv[3], "fma");
  int host = libm_host_variant();
  if (fma && host != 1 && !(__builtin_cpu_supports("fma") &&
                            __builtin_cpu_supports("avx2"))) {
    printf("SKIP: no FMA and AVX2 here, so no glibc FMA build to compare\n");
    return 77;
  }
  if (host != fma) {
    printf("FAIL: glibc uses the %s build (libm_host_variant %d), "
           "expected %s\n", host == 1 ? "FMA" : host == 0 ? "plain" : "no",
           host, argv[3]);
    return 1;
  }
  int failed = 0;
  for (size_t i = 0; i < sizeof functions / sizeof functions[0]; i++) {
    Check c = {&functions[i], fma, 0, 0, 0, 0};
    int wanted = argc == 4;
    for (int a = 4; a < argc; a++)
      wanted |= !strcmp(argv[a], c.f->name);
    if (!wanted)
      continue;
    for (int a = 0; a < NSPECIALS; a++)
      for (int b = 0; b < (c.f->glibc2 ? NSPECIALS : 1); b++)
        check1(&c, specials[a], specials[b]);
    for (uint64_t k = 0; k < n; k++)
      random_input(&c, (int)(k % 6));
    printf("%s %s: %" PRIu64 " inputs, %" PRIu64 " mismatches (the other "
           "variant differs from glibc on %" PRIu64 " of %" PRIu64 ")\n",
           c.f->name, fma ? "fma" : "plain", c.compared, c.mismatches,
           c.variants_differ, c.sampled);
    failed |= c.mismatches != 0;
  }
  return failed;
}
