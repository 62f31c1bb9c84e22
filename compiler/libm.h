// libm.h - which of glibc's builds the GPU's libm (pymath_libm.h) copies.
#ifndef MANDELC_LIBM_H
#define MANDELC_LIBM_H

// Both builds of pymath_libm.h (libm_fma.c, libm_plain.c).
double pym_libm_exp_fma(double x);
double pym_libm_log_fma(double x);
double pym_libm_pow_fma(double x, double y);
double pym_libm_sin_fma(double x);
double pym_libm_cos_fma(double x);
double pym_libm_atan_fma(double x);
double pym_libm_log2_fma(double x);
double pym_libm_log10_fma(double x);
double pym_libm_expm1_fma(double x);
double pym_libm_sinh_fma(double x);
double pym_libm_cosh_fma(double x);
double pym_libm_tanh_fma(double x);
double pym_libm_atan2_fma(double y, double x);
double pym_libm_exp_plain(double x);
double pym_libm_log_plain(double x);
double pym_libm_pow_plain(double x, double y);
double pym_libm_sin_plain(double x);
double pym_libm_cos_plain(double x);
double pym_libm_atan_plain(double x);
double pym_libm_log2_plain(double x);
double pym_libm_log10_plain(double x);
double pym_libm_expm1_plain(double x);
double pym_libm_sinh_plain(double x);
double pym_libm_cosh_plain(double x);
double pym_libm_tanh_plain(double x);
double pym_libm_atan2_plain(double y, double x);

// The variant of glibc's exp, log, log2, log10, pow, sin, cos, atan, atan2,
// expm1, sinh, cosh and tanh that this process (and so
// CPython on this host) calls: 1 for the FMA build, 0 for the plain one,
// -1 when the C library returns neither's bits on the probe inputs (not
// glibc 2.29+'s code: the GPU cannot copy it). Computed once.
int libm_host_variant(void);

#endif
