// libm.c - which build of glibc's libm the host calls (libm.h).
//
// glibc 2.36 (Debian 12) selects __exp_fma, __log_fma, __log2_fma, __pow_fma,
// __sin_fma, __cos_fma, __atan_fma, __atan2_fma and __expm1_fma (sinh, tanh) on
// CPUs with FMA and AVX2 unless GLIBC_TUNABLES turns them off, and its plain
// build otherwise; CPython gets whichever this process would. Rather than
// second-guess the CPU and the tunables, the probe calls the C library on
// inputs where the two builds round differently (found by comparing libm_fma.c
// with libm_plain.c) and sees whose bits come back.
#include "libm.h"

#include <math.h>
#include <stddef.h>

typedef struct {
  double x, y;  // y only for pow
} Probe;

// Inputs where pymath_libm.h's two variants differ (see above).
static const Probe exp_probes[] = {{-0x1.8506f2d49014cp+7, 0},
                                   {0x1.76315d5766f8p+5, 0}};
static const Probe log_probes[] = {{0x1.0c931ab3e1aa8p+21, 0},
                                   {0x1.3b0c6d94371e1p-45, 0}};
static const Probe sin_probes[] = {{0.085336529864281918, 0},
                                   {-13.137946574321305, 0}};
static const Probe cos_probes[] = {{0.72221974025092717, 0},
                                   {-17.476283923562807, 0}};
static const Probe atan_probes[] = {{0.71941560124530146, 0},
                                    {-5.916544058266318, 0}};
static const Probe atan2_probes[] = {
    {-0.42240625191566394, 1.6320370830033131},
    {2.2921865328419591, 1.2670400807763089}};
static const Probe log2_probes[] = {{0.97683776967142655, 0},
                                    {0.30480043291095915, 0}};
static const Probe log10_probes[] = {{0.10776649304316044, 0},
                                     {141370.73083738235, 0}};
static const Probe sinh_probes[] = {{0.3225225633587554, 0},
                                    {8.8428227313437588, 0}};
static const Probe tanh_probes[] = {{0.50658128094827859, 0},
                                    {1.1810014160205249, 0}};
static const Probe pow_probes[] = {
    {0x1.7eaae4ce5b00dp+1, -0x1.a51f1c40d2c8p+4},
    {0x1.1c977bc8782p-7, 0x1.ebeae1ccd7ep-4}};
#define COUNT(a) (int)(sizeof a / sizeof a[0])

static int same(double a, double b) {
  return a == b || (isnan(a) && isnan(b));
}

// 1, 0 or -1 for one function: whose bits libm returns on every probe.
static int probe(double (*libc)(double), double (*libc2)(double, double),
                 double (*fma1)(double), double (*fma2)(double, double),
                 double (*plain1)(double), double (*plain2)(double, double),
                 const Probe *p, int n) {
  int is_fma = 1, is_plain = 1;
  for (int k = 0; k < n; k++) {
    // volatile: GCC would fold libc(constant) at compile time, with MPFR
    volatile double x = p[k].x, y = p[k].y;
    double r = libc ? libc(x) : libc2(x, y);
    is_fma &= same(r, fma1 ? fma1(x) : fma2(x, y));
    is_plain &= same(r, plain1 ? plain1(x) : plain2(x, y));
  }
  return is_fma && !is_plain ? 1 : is_plain && !is_fma ? 0 : -1;
}

int libm_host_variant(void) {
  static int variant = -2;
  if (variant != -2)
    return variant;
  int e = probe(exp, NULL, pym_libm_exp_fma, NULL, pym_libm_exp_plain,
                NULL, exp_probes, COUNT(exp_probes));
  int l = probe(log, NULL, pym_libm_log_fma, NULL, pym_libm_log_plain,
                NULL, log_probes, COUNT(log_probes));
  int p = probe(NULL, pow, NULL, pym_libm_pow_fma, NULL, pym_libm_pow_plain,
                pow_probes, COUNT(pow_probes));
  int s = probe(sin, NULL, pym_libm_sin_fma, NULL, pym_libm_sin_plain,
                NULL, sin_probes, COUNT(sin_probes));
  int c = probe(cos, NULL, pym_libm_cos_fma, NULL, pym_libm_cos_plain,
                NULL, cos_probes, COUNT(cos_probes));
  int a = probe(atan, NULL, pym_libm_atan_fma, NULL, pym_libm_atan_plain,
                NULL, atan_probes, COUNT(atan_probes));
  int a2 = probe(NULL, atan2, NULL, pym_libm_atan2_fma, NULL,
                 pym_libm_atan2_plain, atan2_probes, COUNT(atan2_probes));
  int l2 = probe(log2, NULL, pym_libm_log2_fma, NULL, pym_libm_log2_plain,
                 NULL, log2_probes, COUNT(log2_probes));
  int l10 = probe(log10, NULL, pym_libm_log10_fma, NULL,
                  pym_libm_log10_plain, NULL, log10_probes,
                  COUNT(log10_probes));
  int sh = probe(sinh, NULL, pym_libm_sinh_fma, NULL, pym_libm_sinh_plain,
                 NULL, sinh_probes, COUNT(sinh_probes));
  int th = probe(tanh, NULL, pym_libm_tanh_fma, NULL, pym_libm_tanh_plain,
                 NULL, tanh_probes, COUNT(tanh_probes));
  variant = e == l && l == p && p == s && s == c && c == a && a == a2 &&
                    a2 == l2 && l2 == l10 && l10 == sh && sh == th
                ? e
                : -1;
  return variant;
}
