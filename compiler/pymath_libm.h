// pymath_libm.h - glibc 2.36's exp, log, log2, log10, pow, sin, cos, atan,
// atan2, sinh, cosh and tanh, as CPython calls them.
//
// CPython's math.exp, math.log, math.log2, math.log10, math.pow, float **
// float, math.sin, math.cos, math.atan, math.atan2, math.sinh, math.cosh,
// math.tanh and complex ** call the C library; on the hosts mandelc supports
// that is Debian 12's glibc 2.36. For the GPU to return the same bits, this
// file carries glibc's own algorithms and tables (sysdeps/ieee754/dbl-64/
// e_exp.c, e_exp_data.c, e_log.c, e_log_data.c, e_log2.c, e_log2_data.c,
// e_log10.c, e_pow.c, e_pow_log_data.c, s_sin.c, sincostab.c, branred.c,
// s_atan.c, e_atan2.c, uatan.tbl, s_expm1.c, e_sinh.c, e_cosh.c, s_tanh.c of
// release/2.36), and compiler/cuda.c pastes it after pymath.h into every CUDA C
// file. tests/libm/ proves it equal to the host's glibc.
//
// The decision a reader must know: glibc picks one of two builds of each
// function at load time. On a CPU with FMA and AVX2 it calls __exp_fma,
// __log_fma, __pow_fma, __sin_fma, ..., __atan2_fma: the same C built with
// -mfma -mavx2, where GCC fused a product into the sum that uses it
// wherever it could (the product used only by additions in its own basic
// block), and where __FP_FAST_FMA selects glibc's fma paths. Otherwise it
// calls the plain build. PYM_LIBM_FMA (defined by the includer: 1 or 0)
// picks which of the two this file reproduces: PYM_MA(a, b, c) is
// a * b + c, one fused operation under PYM_LIBM_FMA exactly where the
// disassembly of glibc's __*_fma shows a vfmadd, two roundings otherwise.
// Everything else is written with separate operations, so the file must be
// compiled without contraction (-ffp-contract=off, NVRTC -fmad=false), as
// pymath.h is. The host's build is found by libm_host_variant() (libm.c).
//
// Errors: glibc sets errno through __math_oflow and friends; the value
// they return is all CPython looks at (math_1 and float_pow test the
// result), so here they are plain expressions with those values.
//
// The code and tables below are derived from the GNU C Library:
//   Copyright (C) 2018-2022 Free Software Foundation, Inc.
//   The GNU C Library is free software; you can redistribute it and/or
//   modify it under the terms of the GNU Lesser General Public License
//   as published by the Free Software Foundation; either version 2.1 of
//   the License, or (at your option) any later version.  It is
//   distributed in the hope that it will be useful, but WITHOUT ANY
//   WARRANTY; without even the implied warranty of MERCHANTABILITY or
//   FITNESS FOR A PARTICULAR PURPOSE.  See the GNU Lesser General Public
//   License for more details.  (glibc's code in turn comes from Arm's
//   optimized-routines, by Szabolcs Nagy.)
#ifndef MANDELC_PYMATH_LIBM_H
#define MANDELC_PYMATH_LIBM_H

#ifndef PYM_FN
#define PYM_FN static inline
#endif
#ifndef PYM_TABLE  // CUDA: static __device__ const
#define PYM_TABLE static const
#endif
#ifndef PYM_LIBM_FMA
#error "define PYM_LIBM_FMA: 1 for glibc's FMA build, 0 for the plain one"
#endif

#ifdef __CUDACC_RTC__
typedef int int32_t;  // pymath.h has the 64-bit ones
typedef unsigned int uint32_t;
#endif

#if PYM_LIBM_FMA
#define PYM_MA(a, b, c) fma((a), (b), (c))
#else
#define PYM_MA(a, b, c) ((a) * (b) + (c))
#endif

#define PYM_INF_BITS 0x7ff0000000000000ULL  // no INFINITY in NVRTC

PYM_FN uint64_t pym_asuint64(double f) {
  union {
    double f;
    uint64_t i;
  } u;
  u.f = f;
  return u.i;
}

PYM_FN double pym_asdouble(uint64_t i) {
  union {
    uint64_t i;
    double f;
  } u;
  u.i = i;
  return u.f;
}

PYM_FN uint32_t pym_top12(double x) {
  return (uint32_t)(pym_asuint64(x) >> 52);
}

// math_err.c: the values of __math_oflow, __math_uflow, __math_divzero
// and __math_invalid (errno is not needed, see above).
PYM_FN double pym_libm_xflow(uint32_t sign, double y) {
  return (sign ? -y : y) * y;
}
#define PYM_LIBM_OFLOW(sign) pym_libm_xflow(sign, 0x1p769)
#define PYM_LIBM_UFLOW(sign) pym_libm_xflow(sign, 0x1p-767)
PYM_FN double pym_libm_divzero(uint32_t sign) {
  return sign ? -pym_inf() : pym_inf();  // (sign ? -1.0 : 1.0) / 0.0
}
PYM_FN double pym_libm_invalid(double x) {
  return (x - x) / (x - x);
}

// ---- exp (e_exp.c, e_exp_data.c) -------------------------------------------

#define PYM_EXP_TABLE_BITS 7
#define PYM_EXP_N (1 << PYM_EXP_TABLE_BITS)
#define PYM_EXP_INVLN2N (0x1.71547652b82fep0 * PYM_EXP_N)
#define PYM_EXP_NEGLN2HIN (-0x1.62e42fefa0000p-8)
#define PYM_EXP_NEGLN2LON (-0x1.cf79abc9e3b3ap-47)
#define PYM_EXP_SHIFT 0x1.8p52

// exp polynomial coefficients C2..C5
PYM_TABLE double pym_exp_poly[4] = {
  0x1.ffffffffffdbdp-2,
  0x1.555555555543cp-3,
  0x1.55555cf172b91p-5,
  0x1.1111167a4d017p-7,
};

// 2^(k/N) ~= H[k]*(1 + T[k]) for int k in [0,N)
// tab[2*k] = asuint64(T[k])
// tab[2*k+1] = asuint64(H[k]) - (k << 52)/N
PYM_TABLE uint64_t pym_exp_tab[2 * PYM_EXP_N] = {
  0x0ULL, 0x3ff0000000000000ULL,
  0x3c9b3b4f1a88bf6eULL, 0x3feff63da9fb3335ULL,
  0xbc7160139cd8dc5dULL, 0x3fefec9a3e778061ULL,
  0xbc905e7a108766d1ULL, 0x3fefe315e86e7f85ULL,
  0x3c8cd2523567f613ULL, 0x3fefd9b0d3158574ULL,
  0xbc8bce8023f98efaULL, 0x3fefd06b29ddf6deULL,
  0x3c60f74e61e6c861ULL, 0x3fefc74518759bc8ULL,
  0x3c90a3e45b33d399ULL, 0x3fefbe3ecac6f383ULL,
  0x3c979aa65d837b6dULL, 0x3fefb5586cf9890fULL,
  0x3c8eb51a92fdeffcULL, 0x3fefac922b7247f7ULL,
  0x3c3ebe3d702f9cd1ULL, 0x3fefa3ec32d3d1a2ULL,
  0xbc6a033489906e0bULL, 0x3fef9b66affed31bULL,
  0xbc9556522a2fbd0eULL, 0x3fef9301d0125b51ULL,
  0xbc5080ef8c4eea55ULL, 0x3fef8abdc06c31ccULL,
  0xbc91c923b9d5f416ULL, 0x3fef829aaea92de0ULL,
  0x3c80d3e3e95c55afULL, 0x3fef7a98c8a58e51ULL,
  0xbc801b15eaa59348ULL, 0x3fef72b83c7d517bULL,
  0xbc8f1ff055de323dULL, 0x3fef6af9388c8deaULL,
  0x3c8b898c3f1353bfULL, 0x3fef635beb6fcb75ULL,
  0xbc96d99c7611eb26ULL, 0x3fef5be084045cd4ULL,
  0x3c9aecf73e3a2f60ULL, 0x3fef54873168b9aaULL,
  0xbc8fe782cb86389dULL, 0x3fef4d5022fcd91dULL,
  0x3c8a6f4144a6c38dULL, 0x3fef463b88628cd6ULL,
  0x3c807a05b0e4047dULL, 0x3fef3f49917ddc96ULL,
  0x3c968efde3a8a894ULL, 0x3fef387a6e756238ULL,
  0x3c875e18f274487dULL, 0x3fef31ce4fb2a63fULL,
  0x3c80472b981fe7f2ULL, 0x3fef2b4565e27cddULL,
  0xbc96b87b3f71085eULL, 0x3fef24dfe1f56381ULL,
  0x3c82f7e16d09ab31ULL, 0x3fef1e9df51fdee1ULL,
  0xbc3d219b1a6fbffaULL, 0x3fef187fd0dad990ULL,
  0x3c8b3782720c0ab4ULL, 0x3fef1285a6e4030bULL,
  0x3c6e149289cecb8fULL, 0x3fef0cafa93e2f56ULL,
  0x3c834d754db0abb6ULL, 0x3fef06fe0a31b715ULL,
  0x3c864201e2ac744cULL, 0x3fef0170fc4cd831ULL,
  0x3c8fdd395dd3f84aULL, 0x3feefc08b26416ffULL,
  0xbc86a3803b8e5b04ULL, 0x3feef6c55f929ff1ULL,
  0xbc924aedcc4b5068ULL, 0x3feef1a7373aa9cbULL,
  0xbc9907f81b512d8eULL, 0x3feeecae6d05d866ULL,
  0xbc71d1e83e9436d2ULL, 0x3feee7db34e59ff7ULL,
  0xbc991919b3ce1b15ULL, 0x3feee32dc313a8e5ULL,
  0x3c859f48a72a4c6dULL, 0x3feedea64c123422ULL,
  0xbc9312607a28698aULL, 0x3feeda4504ac801cULL,
  0xbc58a78f4817895bULL, 0x3feed60a21f72e2aULL,
  0xbc7c2c9b67499a1bULL, 0x3feed1f5d950a897ULL,
  0x3c4363ed60c2ac11ULL, 0x3feece086061892dULL,
  0x3c9666093b0664efULL, 0x3feeca41ed1d0057ULL,
  0x3c6ecce1daa10379ULL, 0x3feec6a2b5c13cd0ULL,
  0x3c93ff8e3f0f1230ULL, 0x3feec32af0d7d3deULL,
  0x3c7690cebb7aafb0ULL, 0x3feebfdad5362a27ULL,
  0x3c931dbdeb54e077ULL, 0x3feebcb299fddd0dULL,
  0xbc8f94340071a38eULL, 0x3feeb9b2769d2ca7ULL,
  0xbc87deccdc93a349ULL, 0x3feeb6daa2cf6642ULL,
  0xbc78dec6bd0f385fULL, 0x3feeb42b569d4f82ULL,
  0xbc861246ec7b5cf6ULL, 0x3feeb1a4ca5d920fULL,
  0x3c93350518fdd78eULL, 0x3feeaf4736b527daULL,
  0x3c7b98b72f8a9b05ULL, 0x3feead12d497c7fdULL,
  0x3c9063e1e21c5409ULL, 0x3feeab07dd485429ULL,
  0x3c34c7855019c6eaULL, 0x3feea9268a5946b7ULL,
  0x3c9432e62b64c035ULL, 0x3feea76f15ad2148ULL,
  0xbc8ce44a6199769fULL, 0x3feea5e1b976dc09ULL,
  0xbc8c33c53bef4da8ULL, 0x3feea47eb03a5585ULL,
  0xbc845378892be9aeULL, 0x3feea34634ccc320ULL,
  0xbc93cedd78565858ULL, 0x3feea23882552225ULL,
  0x3c5710aa807e1964ULL, 0x3feea155d44ca973ULL,
  0xbc93b3efbf5e2228ULL, 0x3feea09e667f3bcdULL,
  0xbc6a12ad8734b982ULL, 0x3feea012750bdabfULL,
  0xbc6367efb86da9eeULL, 0x3fee9fb23c651a2fULL,
  0xbc80dc3d54e08851ULL, 0x3fee9f7df9519484ULL,
  0xbc781f647e5a3ecfULL, 0x3fee9f75e8ec5f74ULL,
  0xbc86ee4ac08b7db0ULL, 0x3fee9f9a48a58174ULL,
  0xbc8619321e55e68aULL, 0x3fee9feb564267c9ULL,
  0x3c909ccb5e09d4d3ULL, 0x3feea0694fde5d3fULL,
  0xbc7b32dcb94da51dULL, 0x3feea11473eb0187ULL,
  0x3c94ecfd5467c06bULL, 0x3feea1ed0130c132ULL,
  0x3c65ebe1abd66c55ULL, 0x3feea2f336cf4e62ULL,
  0xbc88a1c52fb3cf42ULL, 0x3feea427543e1a12ULL,
  0xbc9369b6f13b3734ULL, 0x3feea589994cce13ULL,
  0xbc805e843a19ff1eULL, 0x3feea71a4623c7adULL,
  0xbc94d450d872576eULL, 0x3feea8d99b4492edULL,
  0x3c90ad675b0e8a00ULL, 0x3feeaac7d98a6699ULL,
  0x3c8db72fc1f0eab4ULL, 0x3feeace5422aa0dbULL,
  0xbc65b6609cc5e7ffULL, 0x3feeaf3216b5448cULL,
  0x3c7bf68359f35f44ULL, 0x3feeb1ae99157736ULL,
  0xbc93091fa71e3d83ULL, 0x3feeb45b0b91ffc6ULL,
  0xbc5da9b88b6c1e29ULL, 0x3feeb737b0cdc5e5ULL,
  0xbc6c23f97c90b959ULL, 0x3feeba44cbc8520fULL,
  0xbc92434322f4f9aaULL, 0x3feebd829fde4e50ULL,
  0xbc85ca6cd7668e4bULL, 0x3feec0f170ca07baULL,
  0x3c71affc2b91ce27ULL, 0x3feec49182a3f090ULL,
  0x3c6dd235e10a73bbULL, 0x3feec86319e32323ULL,
  0xbc87c50422622263ULL, 0x3feecc667b5de565ULL,
  0x3c8b1c86e3e231d5ULL, 0x3feed09bec4a2d33ULL,
  0xbc91bbd1d3bcbb15ULL, 0x3feed503b23e255dULL,
  0x3c90cc319cee31d2ULL, 0x3feed99e1330b358ULL,
  0x3c8469846e735ab3ULL, 0x3feede6b5579fdbfULL,
  0xbc82dfcd978e9db4ULL, 0x3feee36bbfd3f37aULL,
  0x3c8c1a7792cb3387ULL, 0x3feee89f995ad3adULL,
  0xbc907b8f4ad1d9faULL, 0x3feeee07298db666ULL,
  0xbc55c3d956dcaebaULL, 0x3feef3a2b84f15fbULL,
  0xbc90a40e3da6f640ULL, 0x3feef9728de5593aULL,
  0xbc68d6f438ad9334ULL, 0x3feeff76f2fb5e47ULL,
  0xbc91eee26b588a35ULL, 0x3fef05b030a1064aULL,
  0x3c74ffd70a5fddcdULL, 0x3fef0c1e904bc1d2ULL,
  0xbc91bdfbfa9298acULL, 0x3fef12c25bd71e09ULL,
  0x3c736eae30af0cb3ULL, 0x3fef199bdd85529cULL,
  0x3c8ee3325c9ffd94ULL, 0x3fef20ab5fffd07aULL,
  0x3c84e08fd10959acULL, 0x3fef27f12e57d14bULL,
  0x3c63cdaf384e1a67ULL, 0x3fef2f6d9406e7b5ULL,
  0x3c676b2c6c921968ULL, 0x3fef3720dcef9069ULL,
  0xbc808a1883ccb5d2ULL, 0x3fef3f0b555dc3faULL,
  0xbc8fad5d3ffffa6fULL, 0x3fef472d4a07897cULL,
  0xbc900dae3875a949ULL, 0x3fef4f87080d89f2ULL,
  0x3c74a385a63d07a7ULL, 0x3fef5818dcfba487ULL,
  0xbc82919e2040220fULL, 0x3fef60e316c98398ULL,
  0x3c8e5a50d5c192acULL, 0x3fef69e603db3285ULL,
  0x3c843a59ac016b4bULL, 0x3fef7321f301b460ULL,
  0xbc82d52107b43e1fULL, 0x3fef7c97337b9b5fULL,
  0xbc892ab93b470dc9ULL, 0x3fef864614f5a129ULL,
  0x3c74b604603a88d3ULL, 0x3fef902ee78b3ff6ULL,
  0x3c83c5ec519d7271ULL, 0x3fef9a51fbc74c83ULL,
  0xbc8ff7128fd391f0ULL, 0x3fefa4afa2a490daULL,
  0xbc8dae98e223747dULL, 0x3fefaf482d8e67f1ULL,
  0x3c8ec3bc41aa2008ULL, 0x3fefba1bee615a27ULL,
  0x3c842b94c3a9eb32ULL, 0x3fefc52b376bba97ULL,
  0x3c8a64a931d185eeULL, 0x3fefd0765b6e4540ULL,
  0xbc8e37bae43be3edULL, 0x3fefdbfdad9cbe14ULL,
  0x3c77893b4d91cd9dULL, 0x3fefe7c1819e90d8ULL,
  0x3c5305c14160cc89ULL, 0x3feff3c22b8f71f1ULL,
};

// specialcase of e_exp.c (sign 1 fixed) and of e_pow.c: scale * (1 + tmp)
// where scale's exponent may have overflowed.
PYM_FN double pym_exp_specialcase(double tmp, uint64_t sbits, uint64_t ki,
                                  int from_pow) {
  double scale, y;
  if ((ki & 0x80000000) == 0) {
    // k > 0, the exponent of scale might have overflowed by <= 460.
    sbits -= 1009ull << 52;
    scale = pym_asdouble(sbits);
    return 0x1p1009 * PYM_MA(scale, tmp, scale);
  }
  // k < 0, need special care in the subnormal range. (Not fused in the
  // FMA build: scale * tmp is used again in another block.)
  sbits += 1022ull << 52;
  scale = pym_asdouble(sbits);
  double st = scale * tmp;
  y = scale + st;
  if (from_pow ? fabs(y) < 1.0 : y < 1.0) {
    double hi, lo, one = 1.0;
    if (from_pow && y < 0.0)
      one = -1.0;
    lo = scale - y + st;
    hi = one + y;
    lo = one - hi + y + lo;
    y = (hi + lo) - one;
    if (y == 0.0)  // exp: avoid -0.0; pow: the sign of scale
      y = from_pow ? pym_asdouble(sbits & 0x8000000000000000ULL) : 0.0;
  }
  return 0x1p-1022 * y;
}

// exp(x + xtail) * (sign_bias ? -1 : 1); e_exp.c's __exp is xtail == 0
// (its r += xtail is absent, and adding 0 changes nothing but -0).
#define PYM_SIGN_BIAS (0x800 << PYM_EXP_TABLE_BITS)
PYM_FN double pym_exp_inline(double x, double xtail, int has_tail,
                             uint32_t sign_bias) {
  uint32_t abstop;
  uint64_t ki, idx, top, sbits;
  double kd, r, r2, scale, tail, tmp;

  abstop = pym_top12(x) & 0x7ff;
  if (abstop - pym_top12(0x1p-54) >=
      pym_top12(512.0) - pym_top12(0x1p-54)) {
    if (abstop - pym_top12(0x1p-54) >= 0x80000000) {
      double one = 1.0 + x;  // tiny x
      return sign_bias ? -one : one;
    }
    if (abstop >= pym_top12(1024.0)) {
      if (!has_tail) {  // __exp: infinities and NaN come here
        if (pym_asuint64(x) == 0xfff0000000000000ULL)
          return 0.0;
        if (abstop >= 0x7ff)
          return 1.0 + x;
      }
      if (pym_asuint64(x) >> 63)
        return PYM_LIBM_UFLOW(sign_bias);
      return PYM_LIBM_OFLOW(sign_bias);
    }
    abstop = 0;  // large x is special cased below
  }
  // exp(x) = 2^(k/N) * exp(r), with exp(r) in [2^(-1/2N),2^(1/2N)].
  // x = ln2/N*k + r, with int k and r in [-ln2/2N, ln2/2N].
  kd = PYM_MA(PYM_EXP_INVLN2N, x, PYM_EXP_SHIFT);
  ki = pym_asuint64(kd);
  kd -= PYM_EXP_SHIFT;
  r = PYM_MA(kd, PYM_EXP_NEGLN2LON, PYM_MA(kd, PYM_EXP_NEGLN2HIN, x));
  if (has_tail)
    r += xtail;
  // 2^(k/N) ~= scale * (1 + tail).
  idx = 2 * (ki % PYM_EXP_N);
  top = (ki + sign_bias) << (52 - PYM_EXP_TABLE_BITS);
  tail = pym_asdouble(pym_exp_tab[idx]);
  // This is only a valid scale when -1023*N < k < 1024*N.
  sbits = pym_exp_tab[idx + 1] + top;
  // exp(x) = 2^(k/N) * exp(r) ~= scale + scale * (tail + exp(r) - 1).
  r2 = r * r;
  tmp = PYM_MA(r2 * r2, PYM_MA(r, pym_exp_poly[3], pym_exp_poly[2]),
               PYM_MA(r2, PYM_MA(r, pym_exp_poly[1], pym_exp_poly[0]),
                      tail + r));
  if (abstop == 0)
    return pym_exp_specialcase(tmp, sbits, ki, has_tail);
  scale = pym_asdouble(sbits);
  return PYM_MA(scale, tmp, scale);
}

// glibc's exp (GLIBC_2.29).
PYM_FN double pym_libm_exp(double x) {
  return pym_exp_inline(x, 0.0, 0, 0);
}

// ---- log (e_log.c, e_log_data.c) -------------------------------------------

#define PYM_LOG_TABLE_BITS 7
#define PYM_LOG_N (1 << PYM_LOG_TABLE_BITS)
#define PYM_LOG_OFF 0x3fe6000000000000ULL
#define PYM_LOG_LN2HI 0x1.62e42fefa3800p-1
#define PYM_LOG_LN2LO 0x1.ef35793c76730p-45

// B[0..10]: log1p near 1
PYM_TABLE double pym_log_poly1[11] = {
  -0x1p-1,
  0x1.5555555555577p-2,
  -0x1.ffffffffffdcbp-3,
  0x1.999999995dd0cp-3,
  -0x1.55555556745a7p-3,
  0x1.24924a344de3p-3,
  -0x1.fffffa4423d65p-4,
  0x1.c7184282ad6cap-4,
  -0x1.999eb43b068ffp-4,
  0x1.78182f7afd085p-4,
  -0x1.5521375d145cdp-4,
};

// A[0..4]
PYM_TABLE double pym_log_poly[5] = {
  -0x1.0000000000001p-1,
  0x1.555555551305bp-2,
  -0x1.fffffffeb459p-3,
  0x1.999b324f10111p-3,
  -0x1.55575e506c89fp-3,
};

// {invc, logc}: see e_log_data.c for how c was chosen
PYM_TABLE double pym_log_tab[PYM_LOG_N][2] = {
  {0x1.734f0c3e0de9fp+0, -0x1.7cc7f79e69000p-2},
  {0x1.713786a2ce91fp+0, -0x1.76feec20d0000p-2},
  {0x1.6f26008fab5a0p+0, -0x1.713e31351e000p-2},
  {0x1.6d1a61f138c7dp+0, -0x1.6b85b38287800p-2},
  {0x1.6b1490bc5b4d1p+0, -0x1.65d5590807800p-2},
  {0x1.69147332f0cbap+0, -0x1.602d076180000p-2},
  {0x1.6719f18224223p+0, -0x1.5a8ca86909000p-2},
  {0x1.6524f99a51ed9p+0, -0x1.54f4356035000p-2},
  {0x1.63356aa8f24c4p+0, -0x1.4f637c36b4000p-2},
  {0x1.614b36b9ddc14p+0, -0x1.49da7fda85000p-2},
  {0x1.5f66452c65c4cp+0, -0x1.445923989a800p-2},
  {0x1.5d867b5912c4fp+0, -0x1.3edf439b0b800p-2},
  {0x1.5babccb5b90dep+0, -0x1.396ce448f7000p-2},
  {0x1.59d61f2d91a78p+0, -0x1.3401e17bda000p-2},
  {0x1.5805612465687p+0, -0x1.2e9e2ef468000p-2},
  {0x1.56397cee76bd3p+0, -0x1.2941b3830e000p-2},
  {0x1.54725e2a77f93p+0, -0x1.23ec58cda8800p-2},
  {0x1.52aff42064583p+0, -0x1.1e9e129279000p-2},
  {0x1.50f22dbb2bddfp+0, -0x1.1956d2b48f800p-2},
  {0x1.4f38f4734ded7p+0, -0x1.141679ab9f800p-2},
  {0x1.4d843cfde2840p+0, -0x1.0edd094ef9800p-2},
  {0x1.4bd3ec078a3c8p+0, -0x1.09aa518db1000p-2},
  {0x1.4a27fc3e0258ap+0, -0x1.047e65263b800p-2},
  {0x1.4880524d48434p+0, -0x1.feb224586f000p-3},
  {0x1.46dce1b192d0bp+0, -0x1.f474a7517b000p-3},
  {0x1.453d9d3391854p+0, -0x1.ea4443d103000p-3},
  {0x1.43a2744b4845ap+0, -0x1.e020d44e9b000p-3},
  {0x1.420b54115f8fbp+0, -0x1.d60a22977f000p-3},
  {0x1.40782da3ef4b1p+0, -0x1.cc00104959000p-3},
  {0x1.3ee8f5d57fe8fp+0, -0x1.c202956891000p-3},
  {0x1.3d5d9a00b4ce9p+0, -0x1.b81178d811000p-3},
  {0x1.3bd60c010c12bp+0, -0x1.ae2c9ccd3d000p-3},
  {0x1.3a5242b75dab8p+0, -0x1.a45402e129000p-3},
  {0x1.38d22cd9fd002p+0, -0x1.9a877681df000p-3},
  {0x1.3755bc5847a1cp+0, -0x1.90c6d69483000p-3},
  {0x1.35dce49ad36e2p+0, -0x1.87120a645c000p-3},
  {0x1.34679984dd440p+0, -0x1.7d68fb4143000p-3},
  {0x1.32f5cceffcb24p+0, -0x1.73cb83c627000p-3},
  {0x1.3187775a10d49p+0, -0x1.6a39a9b376000p-3},
  {0x1.301c8373e3990p+0, -0x1.60b3154b7a000p-3},
  {0x1.2eb4ebb95f841p+0, -0x1.5737d76243000p-3},
  {0x1.2d50a0219a9d1p+0, -0x1.4dc7b8fc23000p-3},
  {0x1.2bef9a8b7fd2ap+0, -0x1.4462c51d20000p-3},
  {0x1.2a91c7a0c1babp+0, -0x1.3b08abc830000p-3},
  {0x1.293726014b530p+0, -0x1.31b996b490000p-3},
  {0x1.27dfa5757a1f5p+0, -0x1.2875490a44000p-3},
  {0x1.268b39b1d3bbfp+0, -0x1.1f3b9f879a000p-3},
  {0x1.2539d838ff5bdp+0, -0x1.160c8252ca000p-3},
  {0x1.23eb7aac9083bp+0, -0x1.0ce7f57f72000p-3},
  {0x1.22a012ba940b6p+0, -0x1.03cdc49fea000p-3},
  {0x1.2157996cc4132p+0, -0x1.f57bdbc4b8000p-4},
  {0x1.201201dd2fc9bp+0, -0x1.e370896404000p-4},
  {0x1.1ecf4494d480bp+0, -0x1.d17983ef94000p-4},
  {0x1.1d8f5528f6569p+0, -0x1.bf9674ed8a000p-4},
  {0x1.1c52311577e7cp+0, -0x1.adc79202f6000p-4},
  {0x1.1b17c74cb26e9p+0, -0x1.9c0c3e7288000p-4},
  {0x1.19e010c2c1ab6p+0, -0x1.8a646b372c000p-4},
  {0x1.18ab07bb670bdp+0, -0x1.78d01b3ac0000p-4},
  {0x1.1778a25efbcb6p+0, -0x1.674f145380000p-4},
  {0x1.1648d354c31dap+0, -0x1.55e0e6d878000p-4},
  {0x1.151b990275fddp+0, -0x1.4485cdea1e000p-4},
  {0x1.13f0ea432d24cp+0, -0x1.333d94d6aa000p-4},
  {0x1.12c8b7210f9dap+0, -0x1.22079f8c56000p-4},
  {0x1.11a3028ecb531p+0, -0x1.10e4698622000p-4},
  {0x1.107fbda8434afp+0, -0x1.ffa6c6ad20000p-5},
  {0x1.0f5ee0f4e6bb3p+0, -0x1.dda8d4a774000p-5},
  {0x1.0e4065d2a9fcep+0, -0x1.bbcece4850000p-5},
  {0x1.0d244632ca521p+0, -0x1.9a1894012c000p-5},
  {0x1.0c0a77ce2981ap+0, -0x1.788583302c000p-5},
  {0x1.0af2f83c636d1p+0, -0x1.5715e67d68000p-5},
  {0x1.09ddb98a01339p+0, -0x1.35c8a49658000p-5},
  {0x1.08cabaf52e7dfp+0, -0x1.149e364154000p-5},
  {0x1.07b9f2f4e28fbp+0, -0x1.e72c082eb8000p-6},
  {0x1.06ab58c358f19p+0, -0x1.a55f152528000p-6},
  {0x1.059eea5ecf92cp+0, -0x1.63d62cf818000p-6},
  {0x1.04949cdd12c90p+0, -0x1.228fb8caa0000p-6},
  {0x1.038c6c6f0ada9p+0, -0x1.c317b20f90000p-7},
  {0x1.02865137932a9p+0, -0x1.419355daa0000p-7},
  {0x1.0182427ea7348p+0, -0x1.81203c2ec0000p-8},
  {0x1.008040614b195p+0, -0x1.0040979240000p-9},
  {0x1.fe01ff726fa1ap-1, 0x1.feff384900000p-9},
  {0x1.fa11cc261ea74p-1, 0x1.7dc41353d0000p-7},
  {0x1.f6310b081992ep-1, 0x1.3cea3c4c28000p-6},
  {0x1.f25f63ceeadcdp-1, 0x1.b9fc114890000p-6},
  {0x1.ee9c8039113e7p-1, 0x1.1b0d8ce110000p-5},
  {0x1.eae8078cbb1abp-1, 0x1.58a5bd001c000p-5},
  {0x1.e741aa29d0c9bp-1, 0x1.95c8340d88000p-5},
  {0x1.e3a91830a99b5p-1, 0x1.d276aef578000p-5},
  {0x1.e01e009609a56p-1, 0x1.07598e598c000p-4},
  {0x1.dca01e577bb98p-1, 0x1.253f5e30d2000p-4},
  {0x1.d92f20b7c9103p-1, 0x1.42edd8b380000p-4},
  {0x1.d5cac66fb5ccep-1, 0x1.606598757c000p-4},
  {0x1.d272caa5ede9dp-1, 0x1.7da76356a0000p-4},
  {0x1.cf26e3e6b2ccdp-1, 0x1.9ab434e1c6000p-4},
  {0x1.cbe6da2a77902p-1, 0x1.b78c7bb0d6000p-4},
  {0x1.c8b266d37086dp-1, 0x1.d431332e72000p-4},
  {0x1.c5894bd5d5804p-1, 0x1.f0a3171de6000p-4},
  {0x1.c26b533bb9f8cp-1, 0x1.067152b914000p-3},
  {0x1.bf583eeece73fp-1, 0x1.147858292b000p-3},
  {0x1.bc4fd75db96c1p-1, 0x1.2266ecdca3000p-3},
  {0x1.b951e0c864a28p-1, 0x1.303d7a6c55000p-3},
  {0x1.b65e2c5ef3e2cp-1, 0x1.3dfc33c331000p-3},
  {0x1.b374867c9888bp-1, 0x1.4ba366b7a8000p-3},
  {0x1.b094b211d304ap-1, 0x1.5933928d1f000p-3},
  {0x1.adbe885f2ef7ep-1, 0x1.66acd2418f000p-3},
  {0x1.aaf1d31603da2p-1, 0x1.740f8ec669000p-3},
  {0x1.a82e63fd358a7p-1, 0x1.815c0f51af000p-3},
  {0x1.a5740ef09738bp-1, 0x1.8e92954f68000p-3},
  {0x1.a2c2a90ab4b27p-1, 0x1.9bb3602f84000p-3},
  {0x1.a01a01393f2d1p-1, 0x1.a8bed1c2c0000p-3},
  {0x1.9d79f24db3c1bp-1, 0x1.b5b515c01d000p-3},
  {0x1.9ae2505c7b190p-1, 0x1.c2967ccbcc000p-3},
  {0x1.9852ef297ce2fp-1, 0x1.cf635d5486000p-3},
  {0x1.95cbaeea44b75p-1, 0x1.dc1bd3446c000p-3},
  {0x1.934c69de74838p-1, 0x1.e8c01b8cfe000p-3},
  {0x1.90d4f2f6752e6p-1, 0x1.f5509c0179000p-3},
  {0x1.8e6528effd79dp-1, 0x1.00e6c121fb800p-2},
  {0x1.8bfce9fcc007cp-1, 0x1.071b80e93d000p-2},
  {0x1.899c0dabec30ep-1, 0x1.0d46b9e867000p-2},
  {0x1.87427aa2317fbp-1, 0x1.13687334bd000p-2},
  {0x1.84f00acb39a08p-1, 0x1.1980d67234800p-2},
  {0x1.82a49e8653e55p-1, 0x1.1f8ffe0cc8000p-2},
  {0x1.8060195f40260p-1, 0x1.2595fd7636800p-2},
  {0x1.7e22563e0a329p-1, 0x1.2b9300914a800p-2},
  {0x1.7beb377dcb5adp-1, 0x1.3187210436000p-2},
  {0x1.79baa679725c2p-1, 0x1.377266dec1800p-2},
  {0x1.77907f2170657p-1, 0x1.3d54ffbaf3000p-2},
  {0x1.756cadbd6130cp-1, 0x1.432eee32fe000p-2},
};

#if !PYM_LIBM_FMA
// {chi, clo}: c split in two, for z/c - 1 without fma
PYM_TABLE double pym_log_tab2[PYM_LOG_N][2] = {
  {0x1.61000014fb66bp-1, 0x1.e026c91425b3cp-56},
  {0x1.63000034db495p-1, 0x1.dbfea48005d41p-55},
  {0x1.650000d94d478p-1, 0x1.e7fa786d6a5b7p-55},
  {0x1.67000074e6fadp-1, 0x1.1fcea6b54254cp-57},
  {0x1.68ffffedf0faep-1, -0x1.c7e274c590efdp-56},
  {0x1.6b0000763c5bcp-1, -0x1.ac16848dcda01p-55},
  {0x1.6d0001e5cc1f6p-1, 0x1.33f1c9d499311p-55},
  {0x1.6efffeb05f63ep-1, -0x1.e80041ae22d53p-56},
  {0x1.710000e86978p-1, 0x1.bff6671097952p-56},
  {0x1.72ffffc67e912p-1, 0x1.c00e226bd8724p-55},
  {0x1.74fffdf81116ap-1, -0x1.e02916ef101d2p-57},
  {0x1.770000f679c9p-1, -0x1.7fc71cd549c74p-57},
  {0x1.78ffffa7ec835p-1, 0x1.1bec19ef50483p-55},
  {0x1.7affffe20c2e6p-1, -0x1.07e1729cc6465p-56},
  {0x1.7cfffed3fc9p-1, -0x1.08072087b8b1cp-55},
  {0x1.7efffe9261a76p-1, 0x1.dc0286d9df9aep-55},
  {0x1.81000049ca3e8p-1, 0x1.97fd251e54c33p-55},
  {0x1.8300017932c8fp-1, -0x1.afee9b630f381p-55},
  {0x1.850000633739cp-1, 0x1.9bfbf6b6535bcp-55},
  {0x1.87000204289c6p-1, -0x1.bbf65f3117b75p-55},
  {0x1.88fffebf57904p-1, -0x1.9006ea23dcb57p-55},
  {0x1.8b00022bc04dfp-1, -0x1.d00df38e04b0ap-56},
  {0x1.8cfffe50c1b8ap-1, -0x1.8007146ff9f05p-55},
  {0x1.8effffc918e43p-1, 0x1.3817bd07a7038p-55},
  {0x1.910001efa5fc7p-1, 0x1.93e9176dfb403p-55},
  {0x1.9300013467bb9p-1, 0x1.f804e4b980276p-56},
  {0x1.94fffe6ee076fp-1, -0x1.f7ef0d9ff622ep-55},
  {0x1.96fffde3c12d1p-1, -0x1.082aa962638bap-56},
  {0x1.98ffff4458a0dp-1, -0x1.7801b9164a8efp-55},
  {0x1.9afffdd982e3ep-1, -0x1.740e08a5a9337p-55},
  {0x1.9cfffed49fb66p-1, 0x1.fce08c19bep-60},
  {0x1.9f00020f19c51p-1, -0x1.a3faa27885b0ap-55},
  {0x1.a10001145b006p-1, 0x1.4ff489958da56p-56},
  {0x1.a300007bbf6fap-1, 0x1.cbeab8a2b6d18p-55},
  {0x1.a500010971d79p-1, 0x1.8fecadd78793p-55},
  {0x1.a70001df52e48p-1, -0x1.f41763dd8abdbp-55},
  {0x1.a90001c593352p-1, -0x1.ebf0284c27612p-55},
  {0x1.ab0002a4f3e4bp-1, -0x1.9fd043cff3f5fp-57},
  {0x1.acfffd7ae1ed1p-1, -0x1.23ee7129070b4p-55},
  {0x1.aefffee510478p-1, 0x1.a063ee00edea3p-57},
  {0x1.b0fffdb650d5bp-1, 0x1.a06c8381f0ab9p-58},
  {0x1.b2ffffeaaca57p-1, -0x1.9011e74233c1dp-56},
  {0x1.b4fffd995badcp-1, -0x1.9ff1068862a9fp-56},
  {0x1.b7000249e659cp-1, 0x1.aff45d0864f3ep-55},
  {0x1.b8ffff987164p-1, 0x1.cfe7796c2c3f9p-56},
  {0x1.bafffd204cb4fp-1, -0x1.3ff27eef22bc4p-57},
  {0x1.bcfffd2415c45p-1, -0x1.cffb7ee3bea21p-57},
  {0x1.beffff86309dfp-1, -0x1.14103972e0b5cp-55},
  {0x1.c0fffe1b57653p-1, 0x1.bc16494b76a19p-55},
  {0x1.c2ffff1fa57e3p-1, -0x1.4feef8d30c6edp-57},
  {0x1.c4fffdcbfe424p-1, -0x1.43f68bcec4775p-55},
  {0x1.c6fffed54b9f7p-1, 0x1.47ea3f053e0ecp-55},
  {0x1.c8fffeb998fd5p-1, 0x1.383068df992f1p-56},
  {0x1.cb0002125219ap-1, -0x1.8fd8e64180e04p-57},
  {0x1.ccfffdd94469cp-1, 0x1.e7ebe1cc7ea72p-55},
  {0x1.cefffeafdc476p-1, 0x1.ebe39ad9f88fep-55},
  {0x1.d1000169af82bp-1, 0x1.57d91a8b95a71p-56},
  {0x1.d30000d0ff71dp-1, 0x1.9c1906970c7dap-55},
  {0x1.d4fffea790fc4p-1, -0x1.80e37c558fe0cp-58},
  {0x1.d70002edc87e5p-1, -0x1.f80d64dc10f44p-56},
  {0x1.d900021dc82aap-1, -0x1.47c8f94fd5c5cp-56},
  {0x1.dafffd86b0283p-1, 0x1.c7f1dc521617ep-55},
  {0x1.dd000296c4739p-1, 0x1.8019eb2ffb153p-55},
  {0x1.defffe54490f5p-1, 0x1.e00d2c652cc89p-57},
  {0x1.e0fffcdabf694p-1, -0x1.f8340202d69d2p-56},
  {0x1.e2fffdb52c8ddp-1, 0x1.b00c1ca1b0864p-56},
  {0x1.e4ffff24216efp-1, 0x1.2ffa8b094ab51p-56},
  {0x1.e6fffe88a5e11p-1, -0x1.7f673b1efbe59p-58},
  {0x1.e9000119eff0dp-1, -0x1.4808d5e0bc801p-55},
  {0x1.eafffdfa51744p-1, 0x1.80006d54320b5p-56},
  {0x1.ed0001a127fa1p-1, -0x1.002f860565c92p-58},
  {0x1.ef00007babcc4p-1, -0x1.540445d35e611p-55},
  {0x1.f0ffff57a8d02p-1, -0x1.ffb3139ef9105p-59},
  {0x1.f30001ee58ac7p-1, 0x1.a81acf2731155p-55},
  {0x1.f4ffff5823494p-1, 0x1.a3f41d4d7c743p-55},
  {0x1.f6ffffca94c6bp-1, -0x1.202f41c987875p-57},
  {0x1.f8fffe1f9c441p-1, 0x1.77dd1f477e74bp-56},
  {0x1.fafffd2e0e37ep-1, -0x1.f01199a7ca331p-57},
  {0x1.fd0001c77e49ep-1, 0x1.181ee4bceacb1p-56},
  {0x1.feffff7e0c331p-1, -0x1.e05370170875ap-57},
  {0x1.00ffff465606ep+0, -0x1.a7ead491c0adap-55},
  {0x1.02ffff3867a58p+0, -0x1.77f69c3fcb2ep-54},
  {0x1.04ffffdfc0d17p+0, 0x1.7bffe34cb945bp-54},
  {0x1.0700003cd4d82p+0, 0x1.20083c0e456cbp-55},
  {0x1.08ffff9f2cbe8p+0, -0x1.dffdfbe37751ap-57},
  {0x1.0b000010cda65p+0, -0x1.13f7faee626ebp-54},
  {0x1.0d00001a4d338p+0, 0x1.07dfa79489ff7p-55},
  {0x1.0effffadafdfdp+0, -0x1.7040570d66bcp-56},
  {0x1.110000bbafd96p+0, 0x1.e80d4846d0b62p-55},
  {0x1.12ffffae5f45dp+0, 0x1.dbffa64fd36efp-54},
  {0x1.150000dd59ad9p+0, 0x1.a0077701250aep-54},
  {0x1.170000f21559ap+0, 0x1.dfdf9e2e3deeep-55},
  {0x1.18ffffc275426p+0, 0x1.10030dc3b7273p-54},
  {0x1.1b000123d3c59p+0, 0x1.97f7980030188p-54},
  {0x1.1cffff8299eb7p+0, -0x1.5f932ab9f8c67p-57},
  {0x1.1effff48ad4p+0, 0x1.37fbf9da75bebp-54},
  {0x1.210000c8b86a4p+0, 0x1.f806b91fd5b22p-54},
  {0x1.2300003854303p+0, 0x1.3ffc2eb9fbf33p-54},
  {0x1.24fffffbcf684p+0, 0x1.601e77e2e2e72p-56},
  {0x1.26ffff52921d9p+0, 0x1.ffcbb767f0c61p-56},
  {0x1.2900014933a3cp+0, -0x1.202ca3c02412bp-56},
  {0x1.2b00014556313p+0, -0x1.2808233f21f02p-54},
  {0x1.2cfffebfe523bp+0, -0x1.8ff7e384fdcf2p-55},
  {0x1.2f0000bb8ad96p+0, -0x1.5ff51503041c5p-55},
  {0x1.30ffffb7ae2afp+0, -0x1.10071885e289dp-55},
  {0x1.32ffffeac5f7fp+0, -0x1.1ff5d3fb7b715p-54},
  {0x1.350000ca66756p+0, 0x1.57f82228b82bdp-54},
  {0x1.3700011fbf721p+0, 0x1.000bac40dd5ccp-55},
  {0x1.38ffff9592fb9p+0, -0x1.43f9d2db2a751p-54},
  {0x1.3b00004ddd242p+0, 0x1.57f6b707638e1p-55},
  {0x1.3cffff5b2c957p+0, 0x1.a023a10bf1231p-56},
  {0x1.3efffeab0b418p+0, 0x1.87f6d66b152bp-54},
  {0x1.410001532aff4p+0, 0x1.7f8375f198524p-57},
  {0x1.4300017478b29p+0, 0x1.301e672dc5143p-55},
  {0x1.44fffe795b463p+0, 0x1.9ff69b8b2895ap-55},
  {0x1.46fffe80475ep+0, -0x1.5c0b19bc2f254p-54},
  {0x1.48fffef6fc1e7p+0, 0x1.b4009f23a2a72p-54},
  {0x1.4afffe5bea704p+0, -0x1.4ffb7bf0d7d45p-54},
  {0x1.4d000171027dep+0, -0x1.9c06471dc6a3dp-54},
  {0x1.4f0000ff03ee2p+0, 0x1.77f890b85531cp-54},
  {0x1.5100012dc4bd1p+0, 0x1.004657166a436p-57},
  {0x1.530001605277ap+0, -0x1.6bfcece233209p-54},
  {0x1.54fffecdb704cp+0, -0x1.902720505a1d7p-55},
  {0x1.56fffef5f54a9p+0, 0x1.bbfe60ec96412p-54},
  {0x1.5900017e61012p+0, 0x1.87ec581afef9p-55},
  {0x1.5b00003c93e92p+0, -0x1.f41080abf0ccp-54},
  {0x1.5d0001d4919bcp+0, -0x1.8812afb254729p-54},
  {0x1.5efffe7b87a89p+0, -0x1.47eb780ed6904p-54},
};
#endif

// glibc's log (GLIBC_2.29).
PYM_FN double pym_libm_log(double x) {
  const double *A = pym_log_poly, *B = pym_log_poly1;
  double w, z, r, r2, r3, y, invc, logc, kd, hi, lo;
  uint64_t ix, iz, tmp;
  uint32_t top;
  int k, i;

  ix = pym_asuint64(x);
  top = (uint32_t)(ix >> 48);
  const uint64_t lo_bound = 0x3fee000000000000ULL;  // 1.0 - 0x1p-4
  const uint64_t hi_bound = 0x3ff1090000000000ULL;  // 1.0 + 0x1.09p-4
  if (ix - lo_bound < hi_bound - lo_bound) {
    // Close to 1.0: log1p's polynomial.
    if (ix == 0x3ff0000000000000ULL)
      return 0;
    r = x - 1.0;
    r2 = r * r;
    r3 = r * r2;
    y = PYM_MA(r3, B[10], PYM_MA(r2, B[9], PYM_MA(r, B[8], B[7])));
    y = PYM_MA(r3, y, PYM_MA(r2, B[6], PYM_MA(r, B[5], B[4])));
    y = PYM_MA(r3, y, PYM_MA(r2, B[3], PYM_MA(r, B[2], B[1])));
    // y is the polynomial; r3 * y is added to lo below.
    double rhi;
#if PYM_LIBM_FMA
    rhi = fma(-r, 0x1p27, fma(r, 0x1p27, r));
#else
    w = r * 0x1p27;
    rhi = r + w - w;
#endif
    double rlo = r - rhi;
    double m = rhi * rhi;  // w = rhi * rhi * B[0], B[0] == -0.5
    hi = PYM_MA(m, B[0], r);
    lo = PYM_MA(m, B[0], r - hi);
    lo = PYM_MA(B[0] * rlo, rhi + r, lo);
    y = PYM_MA(r3, y, lo);
    return y + hi;
  }
  if (top - 0x0010 >= 0x7ff0 - 0x0010) {
    // x < 0x1p-1022 or inf or nan.
    if (ix * 2 == 0)
      return pym_libm_divzero(1);
    if (ix == PYM_INF_BITS)
      return x;
    if ((top & 0x8000) || (top & 0x7ff0) == 0x7ff0)
      return pym_libm_invalid(x);
    // x is subnormal, normalize it.
    ix = pym_asuint64(x * 0x1p52);
    ix -= 52ULL << 52;
  }
  // x = 2^k z; where z is in range [OFF,2*OFF) and exact.
  tmp = ix - PYM_LOG_OFF;
  i = (int)((tmp >> (52 - PYM_LOG_TABLE_BITS)) % PYM_LOG_N);
  k = (int)((int64_t)tmp >> 52);
  iz = ix - (tmp & 0xfffULL << 52);
  invc = pym_log_tab[i][0];
  logc = pym_log_tab[i][1];
  z = pym_asdouble(iz);
  // log(x) = log1p(z/c-1) + log(c) + k*Ln2; r ~= z/c - 1, |r| < 1/(2*N).
#if PYM_LIBM_FMA
  r = fma(z, invc, -1.0);
#else
  r = (z - pym_log_tab2[i][0] - pym_log_tab2[i][1]) * invc;
#endif
  kd = (double)k;
  // hi + lo = r + log(c) + k*Ln2.
  w = PYM_MA(kd, PYM_LOG_LN2HI, logc);
  hi = w + r;
  lo = PYM_MA(kd, PYM_LOG_LN2LO, w - hi + r);
  // log(x) = lo + (log1p(r) - r) + hi.
  r2 = r * r;
  y = PYM_MA(r * r2, PYM_MA(r2, PYM_MA(r, A[4], A[3]), PYM_MA(r, A[2], A[1])),
             PYM_MA(r2, A[0], lo));
  return y + hi;
}

// ---- pow (e_pow.c, e_pow_log_data.c) ---------------------------------------

#define PYM_POW_LOG_TABLE_BITS 7
#define PYM_POW_N (1 << PYM_POW_LOG_TABLE_BITS)
#define PYM_POW_OFF 0x3fe6955500000000ULL

// A[0..6], scaled to match the evaluation
PYM_TABLE double pym_pow_poly[7] = {
  -0x1p-1,
  0x1.555555555556p-2 * -2,
  -0x1.0000000000006p-2 * -2,
  0x1.999999959554ep-3 * 4,
  -0x1.555555529a47ap-3 * 4,
  0x1.2495b9b4845e9p-3 * -8,
  -0x1.0002b8b263fc3p-3 * -8,
};

// {invc, logc, logctail} (glibc's pad field left out)
PYM_TABLE double pym_pow_tab[PYM_POW_N][3] = {
  {0x1.6a00000000000p+0, -0x1.62c82f2b9c800p-2, 0x1.ab42428375680p-48},
  {0x1.6800000000000p+0, -0x1.5d1bdbf580800p-2, -0x1.ca508d8e0f720p-46},
  {0x1.6600000000000p+0, -0x1.5767717455800p-2, -0x1.362a4d5b6506dp-45},
  {0x1.6400000000000p+0, -0x1.51aad872df800p-2, -0x1.684e49eb067d5p-49},
  {0x1.6200000000000p+0, -0x1.4be5f95777800p-2, -0x1.41b6993293ee0p-47},
  {0x1.6000000000000p+0, -0x1.4618bc21c6000p-2, 0x1.3d82f484c84ccp-46},
  {0x1.5e00000000000p+0, -0x1.404308686a800p-2, 0x1.c42f3ed820b3ap-50},
  {0x1.5c00000000000p+0, -0x1.3a64c55694800p-2, 0x1.0b1c686519460p-45},
  {0x1.5a00000000000p+0, -0x1.347dd9a988000p-2, 0x1.5594dd4c58092p-45},
  {0x1.5800000000000p+0, -0x1.2e8e2bae12000p-2, 0x1.67b1e99b72bd8p-45},
  {0x1.5600000000000p+0, -0x1.2895a13de8800p-2, 0x1.5ca14b6cfb03fp-46},
  {0x1.5600000000000p+0, -0x1.2895a13de8800p-2, 0x1.5ca14b6cfb03fp-46},
  {0x1.5400000000000p+0, -0x1.22941fbcf7800p-2, -0x1.65a242853da76p-46},
  {0x1.5200000000000p+0, -0x1.1c898c1699800p-2, -0x1.fafbc68e75404p-46},
  {0x1.5000000000000p+0, -0x1.1675cababa800p-2, 0x1.f1fc63382a8f0p-46},
  {0x1.4e00000000000p+0, -0x1.1058bf9ae4800p-2, -0x1.6a8c4fd055a66p-45},
  {0x1.4c00000000000p+0, -0x1.0a324e2739000p-2, -0x1.c6bee7ef4030ep-47},
  {0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48},
  {0x1.4a00000000000p+0, -0x1.0402594b4d000p-2, -0x1.036b89ef42d7fp-48},
  {0x1.4800000000000p+0, -0x1.fb9186d5e4000p-3, 0x1.d572aab993c87p-47},
  {0x1.4600000000000p+0, -0x1.ef0adcbdc6000p-3, 0x1.b26b79c86af24p-45},
  {0x1.4400000000000p+0, -0x1.e27076e2af000p-3, -0x1.72f4f543fff10p-46},
  {0x1.4200000000000p+0, -0x1.d5c216b4fc000p-3, 0x1.1ba91bbca681bp-45},
  {0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45},
  {0x1.4000000000000p+0, -0x1.c8ff7c79aa000p-3, 0x1.7794f689f8434p-45},
  {0x1.3e00000000000p+0, -0x1.bc286742d9000p-3, 0x1.94eb0318bb78fp-46},
  {0x1.3c00000000000p+0, -0x1.af3c94e80c000p-3, 0x1.a4e633fcd9066p-52},
  {0x1.3a00000000000p+0, -0x1.a23bc1fe2b000p-3, -0x1.58c64dc46c1eap-45},
  {0x1.3a00000000000p+0, -0x1.a23bc1fe2b000p-3, -0x1.58c64dc46c1eap-45},
  {0x1.3800000000000p+0, -0x1.9525a9cf45000p-3, -0x1.ad1d904c1d4e3p-45},
  {0x1.3600000000000p+0, -0x1.87fa06520d000p-3, 0x1.bbdbf7fdbfa09p-45},
  {0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45},
  {0x1.3400000000000p+0, -0x1.7ab890210e000p-3, 0x1.bdb9072534a58p-45},
  {0x1.3200000000000p+0, -0x1.6d60fe719d000p-3, -0x1.0e46aa3b2e266p-46},
  {0x1.3000000000000p+0, -0x1.5ff3070a79000p-3, -0x1.e9e439f105039p-46},
  {0x1.3000000000000p+0, -0x1.5ff3070a79000p-3, -0x1.e9e439f105039p-46},
  {0x1.2e00000000000p+0, -0x1.526e5e3a1b000p-3, -0x1.0de8b90075b8fp-45},
  {0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46},
  {0x1.2c00000000000p+0, -0x1.44d2b6ccb8000p-3, 0x1.70cc16135783cp-46},
  {0x1.2a00000000000p+0, -0x1.371fc201e9000p-3, 0x1.178864d27543ap-48},
  {0x1.2800000000000p+0, -0x1.29552f81ff000p-3, -0x1.48d301771c408p-45},
  {0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45},
  {0x1.2600000000000p+0, -0x1.1b72ad52f6000p-3, -0x1.e80a41811a396p-45},
  {0x1.2400000000000p+0, -0x1.0d77e7cd09000p-3, 0x1.a699688e85bf4p-47},
  {0x1.2400000000000p+0, -0x1.0d77e7cd09000p-3, 0x1.a699688e85bf4p-47},
  {0x1.2200000000000p+0, -0x1.fec9131dbe000p-4, -0x1.575545ca333f2p-45},
  {0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45},
  {0x1.2000000000000p+0, -0x1.e27076e2b0000p-4, 0x1.a342c2af0003cp-45},
  {0x1.1e00000000000p+0, -0x1.c5e548f5bc000p-4, -0x1.d0c57585fbe06p-46},
  {0x1.1c00000000000p+0, -0x1.a926d3a4ae000p-4, 0x1.53935e85baac8p-45},
  {0x1.1c00000000000p+0, -0x1.a926d3a4ae000p-4, 0x1.53935e85baac8p-45},
  {0x1.1a00000000000p+0, -0x1.8c345d631a000p-4, 0x1.37c294d2f5668p-46},
  {0x1.1a00000000000p+0, -0x1.8c345d631a000p-4, 0x1.37c294d2f5668p-46},
  {0x1.1800000000000p+0, -0x1.6f0d28ae56000p-4, -0x1.69737c93373dap-45},
  {0x1.1600000000000p+0, -0x1.51b073f062000p-4, 0x1.f025b61c65e57p-46},
  {0x1.1600000000000p+0, -0x1.51b073f062000p-4, 0x1.f025b61c65e57p-46},
  {0x1.1400000000000p+0, -0x1.341d7961be000p-4, 0x1.c5edaccf913dfp-45},
  {0x1.1400000000000p+0, -0x1.341d7961be000p-4, 0x1.c5edaccf913dfp-45},
  {0x1.1200000000000p+0, -0x1.16536eea38000p-4, 0x1.47c5e768fa309p-46},
  {0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45},
  {0x1.1000000000000p+0, -0x1.f0a30c0118000p-5, 0x1.d599e83368e91p-45},
  {0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46},
  {0x1.0e00000000000p+0, -0x1.b42dd71198000p-5, 0x1.c827ae5d6704cp-46},
  {0x1.0c00000000000p+0, -0x1.77458f632c000p-5, -0x1.cfc4634f2a1eep-45},
  {0x1.0c00000000000p+0, -0x1.77458f632c000p-5, -0x1.cfc4634f2a1eep-45},
  {0x1.0a00000000000p+0, -0x1.39e87b9fec000p-5, 0x1.502b7f526feaap-48},
  {0x1.0a00000000000p+0, -0x1.39e87b9fec000p-5, 0x1.502b7f526feaap-48},
  {0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45},
  {0x1.0800000000000p+0, -0x1.f829b0e780000p-6, -0x1.980267c7e09e4p-45},
  {0x1.0600000000000p+0, -0x1.7b91b07d58000p-6, -0x1.88d5493faa639p-45},
  {0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50},
  {0x1.0400000000000p+0, -0x1.fc0a8b0fc0000p-7, -0x1.f1e7cf6d3a69cp-50},
  {0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46},
  {0x1.0200000000000p+0, -0x1.fe02a6b100000p-8, -0x1.9e23f0dda40e4p-46},
  {0x1.0000000000000p+0, 0x0.0000000000000p+0, 0x0.0000000000000p+0},
  {0x1.0000000000000p+0, 0x0.0000000000000p+0, 0x0.0000000000000p+0},
  {0x1.fc00000000000p-1, 0x1.0101575890000p-7, -0x1.0c76b999d2be8p-46},
  {0x1.f800000000000p-1, 0x1.0205658938000p-6, -0x1.3dc5b06e2f7d2p-45},
  {0x1.f400000000000p-1, 0x1.8492528c90000p-6, -0x1.aa0ba325a0c34p-45},
  {0x1.f000000000000p-1, 0x1.0415d89e74000p-5, 0x1.111c05cf1d753p-47},
  {0x1.ec00000000000p-1, 0x1.466aed42e0000p-5, -0x1.c167375bdfd28p-45},
  {0x1.e800000000000p-1, 0x1.894aa149fc000p-5, -0x1.97995d05a267dp-46},
  {0x1.e400000000000p-1, 0x1.ccb73cdddc000p-5, -0x1.a68f247d82807p-46},
  {0x1.e200000000000p-1, 0x1.eea31c006c000p-5, -0x1.e113e4fc93b7bp-47},
  {0x1.de00000000000p-1, 0x1.1973bd1466000p-4, -0x1.5325d560d9e9bp-45},
  {0x1.da00000000000p-1, 0x1.3bdf5a7d1e000p-4, 0x1.cc85ea5db4ed7p-45},
  {0x1.d600000000000p-1, 0x1.5e95a4d97a000p-4, -0x1.c69063c5d1d1ep-45},
  {0x1.d400000000000p-1, 0x1.700d30aeac000p-4, 0x1.c1e8da99ded32p-49},
  {0x1.d000000000000p-1, 0x1.9335e5d594000p-4, 0x1.3115c3abd47dap-45},
  {0x1.cc00000000000p-1, 0x1.b6ac88dad6000p-4, -0x1.390802bf768e5p-46},
  {0x1.ca00000000000p-1, 0x1.c885801bc4000p-4, 0x1.646d1c65aacd3p-45},
  {0x1.c600000000000p-1, 0x1.ec739830a2000p-4, -0x1.dc068afe645e0p-45},
  {0x1.c400000000000p-1, 0x1.fe89139dbe000p-4, -0x1.534d64fa10afdp-45},
  {0x1.c000000000000p-1, 0x1.1178e8227e000p-3, 0x1.1ef78ce2d07f2p-45},
  {0x1.be00000000000p-1, 0x1.1aa2b7e23f000p-3, 0x1.ca78e44389934p-45},
  {0x1.ba00000000000p-1, 0x1.2d1610c868000p-3, 0x1.39d6ccb81b4a1p-47},
  {0x1.b800000000000p-1, 0x1.365fcb0159000p-3, 0x1.62fa8234b7289p-51},
  {0x1.b400000000000p-1, 0x1.4913d8333b000p-3, 0x1.5837954fdb678p-45},
  {0x1.b200000000000p-1, 0x1.527e5e4a1b000p-3, 0x1.633e8e5697dc7p-45},
  {0x1.ae00000000000p-1, 0x1.6574ebe8c1000p-3, 0x1.9cf8b2c3c2e78p-46},
  {0x1.ac00000000000p-1, 0x1.6f0128b757000p-3, -0x1.5118de59c21e1p-45},
  {0x1.aa00000000000p-1, 0x1.7898d85445000p-3, -0x1.c661070914305p-46},
  {0x1.a600000000000p-1, 0x1.8beafeb390000p-3, -0x1.73d54aae92cd1p-47},
  {0x1.a400000000000p-1, 0x1.95a5adcf70000p-3, 0x1.7f22858a0ff6fp-47},
  {0x1.a000000000000p-1, 0x1.a93ed3c8ae000p-3, -0x1.8724350562169p-45},
  {0x1.9e00000000000p-1, 0x1.b31d8575bd000p-3, -0x1.c358d4eace1aap-47},
  {0x1.9c00000000000p-1, 0x1.bd087383be000p-3, -0x1.d4bc4595412b6p-45},
  {0x1.9a00000000000p-1, 0x1.c6ffbc6f01000p-3, -0x1.1ec72c5962bd2p-48},
  {0x1.9600000000000p-1, 0x1.db13db0d49000p-3, -0x1.aff2af715b035p-45},
  {0x1.9400000000000p-1, 0x1.e530effe71000p-3, 0x1.212276041f430p-51},
  {0x1.9200000000000p-1, 0x1.ef5ade4dd0000p-3, -0x1.a211565bb8e11p-51},
  {0x1.9000000000000p-1, 0x1.f991c6cb3b000p-3, 0x1.bcbecca0cdf30p-46},
  {0x1.8c00000000000p-1, 0x1.07138604d5800p-2, 0x1.89cdb16ed4e91p-48},
  {0x1.8a00000000000p-1, 0x1.0c42d67616000p-2, 0x1.7188b163ceae9p-45},
  {0x1.8800000000000p-1, 0x1.1178e8227e800p-2, -0x1.c210e63a5f01cp-45},
  {0x1.8600000000000p-1, 0x1.16b5ccbacf800p-2, 0x1.b9acdf7a51681p-45},
  {0x1.8400000000000p-1, 0x1.1bf99635a6800p-2, 0x1.ca6ed5147bdb7p-45},
  {0x1.8200000000000p-1, 0x1.214456d0eb800p-2, 0x1.a87deba46baeap-47},
  {0x1.7e00000000000p-1, 0x1.2bef07cdc9000p-2, 0x1.a9cfa4a5004f4p-45},
  {0x1.7c00000000000p-1, 0x1.314f1e1d36000p-2, -0x1.8e27ad3213cb8p-45},
  {0x1.7a00000000000p-1, 0x1.36b6776be1000p-2, 0x1.16ecdb0f177c8p-46},
  {0x1.7800000000000p-1, 0x1.3c25277333000p-2, 0x1.83b54b606bd5cp-46},
  {0x1.7600000000000p-1, 0x1.419b423d5e800p-2, 0x1.8e436ec90e09dp-47},
  {0x1.7400000000000p-1, 0x1.4718dc271c800p-2, -0x1.f27ce0967d675p-45},
  {0x1.7200000000000p-1, 0x1.4c9e09e173000p-2, -0x1.e20891b0ad8a4p-45},
  {0x1.7000000000000p-1, 0x1.522ae0738a000p-2, 0x1.ebe708164c759p-45},
  {0x1.6e00000000000p-1, 0x1.57bf753c8d000p-2, 0x1.fadedee5d40efp-46},
  {0x1.6c00000000000p-1, 0x1.5d5bddf596000p-2, -0x1.a0b2a08a465dcp-47},
};

// log(x) as y + *tail, with about 15 bits more; ix is x's bits,
// normalized in the subnormal range using the sign bit for the exponent.
PYM_FN double pym_pow_log_inline(uint64_t ix, double *tail) {
  const double *A = pym_pow_poly;
  double z, r, y, invc, logc, logctail, kd, hi, t1, t2, lo, lo1, lo2;
  uint64_t iz, tmp;
  int k, i;

  tmp = ix - PYM_POW_OFF;
  i = (int)((tmp >> (52 - PYM_POW_LOG_TABLE_BITS)) % PYM_POW_N);
  k = (int)((int64_t)tmp >> 52);
  iz = ix - (tmp & 0xfffULL << 52);
  z = pym_asdouble(iz);
  kd = (double)k;
  invc = pym_pow_tab[i][0];
  logc = pym_pow_tab[i][1];
  logctail = pym_pow_tab[i][2];
#if PYM_LIBM_FMA
  r = fma(z, invc, -1.0);
#else
  // Split z such that rhi, rlo and rhi*rhi are exact and |rlo| <= |r|.
  double zhi = pym_asdouble((iz + (1ULL << 31)) & (~0ULL << 32));
  double zlo = z - zhi;
  double rhi = zhi * invc - 1.0;
  double rlo = zlo * invc;
  r = rhi + rlo;
#endif
  // k*Ln2 + log(c) + r.
  t1 = PYM_MA(kd, PYM_LOG_LN2HI, logc);
  t2 = t1 + r;
  lo1 = PYM_MA(kd, PYM_LOG_LN2LO, logctail);
  lo2 = t1 - t2 + r;
  double ar, ar2, ar3, lo3, lo4;
  ar = A[0] * r;  // A[0] = -0.5
  ar2 = r * ar;
  ar3 = r * ar2;
  // k*Ln2 + log(c) + r + A[0]*r*r.
#if PYM_LIBM_FMA
  hi = t2 + ar2;
  lo3 = fma(ar, r, -ar2);
  lo4 = t2 - hi + ar2;
#else
  double arhi = A[0] * rhi;
  double arhi2 = rhi * arhi;
  hi = t2 + arhi2;
  lo3 = rlo * (ar + arhi);
  lo4 = t2 - hi + arhi2;
#endif
  // p = log1p(r) - r - A[0]*r*r.
  double q = PYM_MA(ar2, PYM_MA(ar2, PYM_MA(r, A[6], A[5]),
                                PYM_MA(r, A[4], A[3])),
                    PYM_MA(r, A[2], A[1]));
  lo = PYM_MA(ar3, q, lo1 + lo2 + lo3 + lo4);
  y = hi + lo;
  *tail = hi - y + lo;
  return y;
}

// 0 if iy is not an integer, 1 if odd, 2 if even (iy: a non-zero finite
// double's bits).
PYM_FN int pym_pow_checkint(uint64_t iy) {
  int e = (int)(iy >> 52 & 0x7ff);
  if (e < 0x3ff)
    return 0;
  if (e > 0x3ff + 52)
    return 2;
  if (iy & ((1ULL << (0x3ff + 52 - e)) - 1))
    return 0;
  if (iy & (1ULL << (0x3ff + 52 - e)))
    return 1;
  return 2;
}

// Whether i is the bits of 0, an infinity or a NaN.
PYM_FN int pym_pow_zeroinfnan(uint64_t i) {
  return 2 * i - 1 >= 2 * PYM_INF_BITS - 1;
}

// x's bits say it is a signaling NaN.
PYM_FN int pym_issignaling(double x) {
  uint64_t ix = pym_asuint64(x);
  return 2 * (ix ^ 0x0008000000000000ULL) > 2 * 0x7ff8000000000000ULL;
}

// glibc's pow (GLIBC_2.29).
PYM_FN double pym_libm_pow(double x, double y) {
  uint32_t sign_bias = 0;
  uint64_t ix, iy;
  uint32_t topx, topy;

  ix = pym_asuint64(x);
  iy = pym_asuint64(y);
  topx = pym_top12(x);
  topy = pym_top12(y);
  if (topx - 0x001 >= 0x7ff - 0x001 ||
      (topy & 0x7ff) - 0x3be >= 0x43e - 0x3be) {
    // Special cases: (x < 0x1p-126 or inf or nan) or
    // (|y| < 0x1p-65 or |y| >= 0x1p63 or nan).
    if (pym_pow_zeroinfnan(iy)) {
      if (2 * iy == 0)
        return pym_issignaling(x) ? x + y : 1.0;
      if (ix == pym_asuint64(1.0))
        return pym_issignaling(y) ? x + y : 1.0;
      if (2 * ix > 2 * PYM_INF_BITS ||
          2 * iy > 2 * PYM_INF_BITS)
        return x + y;
      if (2 * ix == 2 * pym_asuint64(1.0))
        return 1.0;
      if ((2 * ix < 2 * pym_asuint64(1.0)) == !(iy >> 63))
        return 0.0;  // |x|<1 && y==inf or |x|>1 && y==-inf.
      return y * y;
    }
    if (pym_pow_zeroinfnan(ix)) {
      double x2 = x * x;
      if (ix >> 63 && pym_pow_checkint(iy) == 1) {
        x2 = -x2;
        sign_bias = 1;
      }
      if (2 * ix == 0 && iy >> 63)
        return pym_libm_divzero(sign_bias);
      return iy >> 63 ? 1 / x2 : x2;
    }
    // Here x and y are non-zero finite.
    if (ix >> 63) {
      // Finite x < 0.
      int yint = pym_pow_checkint(iy);
      if (yint == 0)
        return pym_libm_invalid(x);
      if (yint == 1)
        sign_bias = PYM_SIGN_BIAS;
      ix &= 0x7fffffffffffffffULL;
      topx &= 0x7ff;
    }
    if ((topy & 0x7ff) - 0x3be >= 0x43e - 0x3be) {
      // Note: sign_bias == 0 here because y is not odd.
      if (ix == pym_asuint64(1.0))
        return 1.0;
      if ((topy & 0x7ff) < 0x3be)  // |y| < 2^-65, x^y ~= 1 + y*log(x).
        return ix > pym_asuint64(1.0) ? 1.0 + y : 1.0 - y;
      return (ix > pym_asuint64(1.0)) == (topy < 0x800) ? PYM_LIBM_OFLOW(0)
                                                         : PYM_LIBM_UFLOW(0);
    }
    if (topx == 0) {
      // Normalize subnormal x so exponent becomes negative.
      ix = pym_asuint64(x * 0x1p52);
      ix &= 0x7fffffffffffffffULL;
      ix -= 52ULL << 52;
    }
  }
  double lo;
  double hi = pym_pow_log_inline(ix, &lo);
  double ehi, elo;
#if PYM_LIBM_FMA
  ehi = y * hi;
  elo = fma(y, lo, fma(y, hi, -ehi));
#else
  double yhi = pym_asdouble(iy & ~0ULL << 27);
  double ylo = y - yhi;
  double lhi = pym_asdouble(pym_asuint64(hi) & ~0ULL << 27);
  double llo = hi - lhi + lo;
  ehi = yhi * lhi;
  elo = ylo * lhi + y * llo;  // |elo| < |ehi| * 2^-25.
#endif
  return pym_exp_inline(ehi, elo, 1, sign_bias);
}


// ---- sin, cos (s_sin.c, sincostab.c, branred.c, usncs.h, branred.h) --------
//
// IBM's Accurate Mathematical Library, as glibc 2.36 has it (Copyright (C)
// 2001-2022 Free Software Foundation, Inc.; the same LGPL). __sin_fma and
// __cos_fma are s_sin.c built with -mfma; __branred is built once, plain.

#define PYM_SIN_S1 (-0x1.5555555555555p-3)
#define PYM_SIN_S2 0x1.1111111110ECEp-7
#define PYM_SIN_S3 (-0x1.A01A019DB08B8p-13)
#define PYM_SIN_S4 0x1.71DE27B9A7ED9p-19
#define PYM_SIN_S5 (-0x1.ADDFFC2FCDF59p-26)
#define PYM_SIN_BIG 0x1.8000000000000p45
#define PYM_SIN_HP0 0x1.921FB54442D18p0
#define PYM_SIN_HP1 0x1.1A62633145C07p-54
#define PYM_SIN_MP1 0x1.921FB58000000p0
#define PYM_SIN_MP2 (-0x1.DDE973C000000p-27)
#define PYM_SIN_PP3 (-0x1.CB3B398000000p-55)
#define PYM_SIN_PP4 (-0x1.d747f23e32ed7p-83)
#define PYM_SIN_HPINV 0x1.45F306DC9C883p-1
#define PYM_SIN_TOINT 0x1.8000000000000p52
#define PYM_SIN_SN3 (-1.66666666666664880952546298448555E-01)
#define PYM_SIN_SN5 8.33333214285722277379541354343671E-03
#define PYM_SIN_CS2 4.99999999999999999999950396842453E-01
#define PYM_SIN_CS4 (-4.16666666666664434524222570944589E-02)
#define PYM_SIN_CS6 1.38888874007937613028114285595617E-03

// sin(Xi) and its low part, cos(Xi) and its low part, for Xi = i / 128
PYM_TABLE uint64_t pym_sincostab[440] = {
  0x0000000000000000ULL, 0x0000000000000000ULL,
  0x3ff0000000000000ULL, 0x0000000000000000ULL,
  0x3f7fffeaaaaeeeefULL, 0xbc1e45e2ec67b77cULL,
  0x3fefffc000155552ULL, 0x3c8f4a01a0196daeULL,
  0x3f8fffaaaaeeeed5ULL, 0xbc02ab639a9f0777ULL,
  0x3fefff000155549fULL, 0x3c828a28a03a5ef3ULL,
  0x3f97ff7001033255ULL, 0x3bfefe2b51527336ULL,
  0x3feffdc006bff7e6ULL, 0x3c8ae6dae86977bdULL,
  0x3f9ffeaaaeeee86fULL, 0xbc3cd406fb224ae2ULL,
  0x3feffc00155527d3ULL, 0xbc83b54492d89b5bULL,
  0x3fa3feb2b12d45d5ULL, 0x3c34ec54203d1c11ULL,
  0x3feff9c03414a7baULL, 0x3c6991f4be6c59bfULL,
  0x3fa7fdc01032fba9ULL, 0xbc4599bdf46e997aULL,
  0x3feff7006bfdf99fULL, 0xbc78b3b560648d5fULL,
  0x3fabfc6d78586dacULL, 0x3c18e4fd03dbf236ULL,
  0x3feff3c0c8103a31ULL, 0x3c74856dbddc0e66ULL,
  0x3faffaaaeeed4edbULL, 0xbc42d16d32684b69ULL,
  0x3feff0015549f4d3ULL, 0x3c8328387b99426fULL,
  0x3fb1fc343d808befULL, 0xbc5f3d32e6f3be4fULL,
  0x3fefebc222a8ef9fULL, 0x3c57934934f54c77ULL,
  0x3fb3facb12d1755bULL, 0xbc5921915299468cULL,
  0x3fefe7034129ef6fULL, 0xbc6cbf4337c96f97ULL,
  0x3fb5f911fd10b737ULL, 0xbc50184f02be9102ULL,
  0x3fefe1c4c3c873ebULL, 0xbc35a9c9057c4a02ULL,
  0x3fb7f701032550e4ULL, 0x3c3afc2d1800501aULL,
  0x3fefdc06bf7e6b9bULL, 0x3c831902b535f8dbULL,
  0x3fb9f4902d55d1f9ULL, 0x3c52696d7eac1dc1ULL,
  0x3fefd5c94b43e000ULL, 0xbc62e768cb4f92f9ULL,
  0x3fbbf1b78568391dULL, 0x3c5e91841dea4cc8ULL,
  0x3fefcf0c800e99b1ULL, 0x3c6ea3d786d186acULL,
  0x3fbdee6f16c1cce6ULL, 0xbc450f8e2fb71673ULL,
  0x3fefc7d078d1bc88ULL, 0x3c8075d2447db685ULL,
  0x3fbfeaaeee86ee36ULL, 0xbc4afcb2bcc6f03bULL,
  0x3fefc015527d5bd3ULL, 0x3c8b68f35094efb8ULL,
  0x3fc0f3378ddd71d1ULL, 0x3c6d8468724f0f9eULL,
  0x3fefb7db2bfe0695ULL, 0x3c821dadf4f65ab1ULL,
  0x3fc1f0d3d7afceafULL, 0xbc66ef95099769a5ULL,
  0x3fefaf22263c4bd3ULL, 0xbc552ace133a2769ULL,
  0x3fc2ee285e4ab88fULL, 0xbc6e4d0f05dee058ULL,
  0x3fefa5ea641c36f2ULL, 0x3c404da6ed17cc7cULL,
  0x3fc3eb312c5d66cbULL, 0x3c647d666b66cb91ULL,
  0x3fef9c340a7cc428ULL, 0x3c8c5b6b063b7462ULL,
  0x3fc4e7ea4dc5f27bULL, 0x3c5949db2ac072fcULL,
  0x3fef91ff40374d01ULL, 0xbc67d03f4d3a9e4cULL,
  0x3fc5e44fcfa126f3ULL, 0xbc66f443063f89b6ULL,
  0x3fef874c2e1eecf6ULL, 0xbc8c6514e1332b16ULL,
  0x3fc6e05dc05a4d4cULL, 0xbbd32c5c8b81c940ULL,
  0x3fef7c1afeffde24ULL, 0xbc78f55bc47540b1ULL,
  0x3fc7dc102fbaf2b5ULL, 0x3c45ab50e23c97c3ULL,
  0x3fef706bdf9ece1cULL, 0xbc8698c80c36dcb4ULL,
  0x3fc8d7632efaa944ULL, 0xbc620fa262cbb953ULL,
  0x3fef643efeb82acdULL, 0x3c76b00ac1fe28acULL,
  0x3fc9d252d0cec312ULL, 0x3c59c43d80b1137dULL,
  0x3fef57948cff6797ULL, 0x3c6e3a0d3e03b1d5ULL,
  0x3fcaccdb297a0765ULL, 0xbc59883b57d6cdebULL,
  0x3fef4a6cbd1e3a79ULL, 0x3c813df0edaebb57ULL,
  0x3fcbc6f84edc6199ULL, 0x3c69c1a56a7b0cabULL,
  0x3fef3cc7c3b3d16eULL, 0xbc621a3ad28a3494ULL,
  0x3fccc0a6588289a3ULL, 0xbc6868d09bc87c6bULL,
  0x3fef2ea5d753ffedULL, 0x3c8cc4215f56d583ULL,
  0x3fcdb9e15fb5a5d0ULL, 0xbc632e20d6cc6fc2ULL,
  0x3fef20073086649fULL, 0x3c7b940416c1984bULL,
  0x3fceb2a57f8ae5a3ULL, 0xbc60be06af572cebULL,
  0x3fef10ec09c5873bULL, 0x3c8d9072762c1283ULL,
  0x3fcfaaeed4f31577ULL, 0xbc615d88508e32b8ULL,
  0x3fef01549f7deea1ULL, 0x3c8d3c1e99e5cafdULL,
  0x3fd0515cbf65155cULL, 0xbc79b8c29dfd8ec8ULL,
  0x3feef141300d2f26ULL, 0xbc82aa1b08ded372ULL,
  0x3fd0cd00cef36436ULL, 0xbc79fb0a0c93e2b5ULL,
  0x3feee0b1fbc0f11cULL, 0xbc4bfd2380bbc3b1ULL,
  0x3fd14861aa94ddebULL, 0xbc6be881b5b615a4ULL,
  0x3feecfa744d5efa1ULL, 0xbc556d0a4af541d0ULL,
  0x3fd1c37d64c6b876ULL, 0x3c746076fe0dcff5ULL,
  0x3feebe214f76efa8ULL, 0xbc802f9f12ba543eULL,
  0x3fd23e52111aaf36ULL, 0xbc74f080334eff18ULL,
  0x3feeac2061bbaf4fULL, 0x3c62c1d53e94658dULL,
  0x3fd2b8ddc43eb49fULL, 0x3c61553899f2d807ULL,
  0x3fee99a4c3a7cd83ULL, 0xbc82264b1bc53ce8ULL,
  0x3fd3331e94049f87ULL, 0x3c7e0cb6b40c302cULL,
  0x3fee86aebf29a9edULL, 0x3c89397afdbb58a7ULL,
  0x3fd3ad129769d3d8ULL, 0x3c003d5504878398ULL,
  0x3fee733ea0193d40ULL, 0xbc86428b3546ce13ULL,
  0x3fd426b7e69ee697ULL, 0xbc7f09c75705c59fULL,
  0x3fee5f54b436e9d0ULL, 0x3c87eb0fd02fc8bcULL,
  0x3fd4a00c9b0f3d20ULL, 0x3c7823ba6bb08eadULL,
  0x3fee4af14b2a449cULL, 0xbc868ca02e8a6833ULL,
  0x3fd5190ecf68a77aULL, 0x3c7b357155eef0f3ULL,
  0x3fee3614b680d6a5ULL, 0xbc727793aa015237ULL,
  0x3fd591bc9fa2f597ULL, 0x3c67c74bac3fe0cbULL,
  0x3fee20bf49acd6c1ULL, 0xbc5660aec7ef636cULL,
  0x3fd60a1429078775ULL, 0x3c5b1fd80ba89133ULL,
  0x3fee0af15a03dbceULL, 0x3c5fe8e702771ae6ULL,
  0x3fd682138a38d7f7ULL, 0xbc7d889202444aadULL,
  0x3fedf4ab3ebd875eULL, 0xbc8e2d8a7e6736c4ULL,
  0x3fd6f9b8e33a0255ULL, 0x3c742bc14ee9da0dULL,
  0x3feddded50f228d6ULL, 0xbc6e80c8d42ba2bfULL,
  0x3fd7710255764214ULL, 0xbc66ead7314bb6ceULL,
  0x3fedc6b7eb995912ULL, 0x3c54b364776dcd35ULL,
  0x3fd7e7ee03c86d4eULL, 0xbc7b63bcdabf5af2ULL,
  0x3fedaf0b6b888e83ULL, 0x3c8a249e2b5e5ceaULL,
  0x3fd85e7a12826949ULL, 0x3c78a40e9b5face0ULL,
  0x3fed96e82f71a9dcULL, 0x3c8ff61bd5d2039dULL,
  0x3fd8d4a4a774992fULL, 0x3c744a02ea766326ULL,
  0x3fed7e4e97e17b4aULL, 0xbc63b770352bed94ULL,
  0x3fd94a6be9f546c5ULL, 0xbc769ce13e683f58ULL,
  0x3fed653f073e4040ULL, 0xbc876236434bec37ULL,
  0x3fd9bfce02e80510ULL, 0x3c709e39a320b0a4ULL,
  0x3fed4bb9e1c619e0ULL, 0x3c8f34bb77858f61ULL,
  0x3fda34c91cc50ccaULL, 0xbc5a310e3b50cecdULL,
  0x3fed31bf8d8d7c06ULL, 0x3c7e60dd3089cbddULL,
  0x3fdaa95b63a09277ULL, 0xbc66293eb13c0381ULL,
  0x3fed1750727d94f0ULL, 0x3c80d52b1ec1a48eULL,
  0x3fdb1d8305321617ULL, 0xbc7ae242cb99f519ULL,
  0x3fecfc6cfa52ad9fULL, 0x3c88b5b5508f2a0dULL,
  0x3fdb913e30dbac43ULL, 0xbc7e38ad2f6c3ff1ULL,
  0x3fece115909a82e5ULL, 0x3c81f139bb31109aULL,
  0x3fdc048b17b140a3ULL, 0x3c619fe6757e9fa7ULL,
  0x3fecc54aa2b2972eULL, 0x3c64ee162ba83a98ULL,
  0x3fdc7767ec7fd19eULL, 0xbc5eb14d1a3d5826ULL,
  0x3feca90c9fc67d0bULL, 0xbc646a81485e3462ULL,
  0x3fdce9d2e3d4a51fULL, 0xbc62fc8a12dae298ULL,
  0x3fec8c5bf8ce1a84ULL, 0x3c7ab3d1a1590123ULL,
  0x3fdd5bca34047661ULL, 0x3c728a44a75fc29cULL,
  0x3fec6f39208be53bULL, 0xbc8741dbfbaadb42ULL,
  0x3fddcd4c15329c9aULL, 0x3c70d4c6e171fd9aULL,
  0x3fec51a48b8b175eULL, 0xbc61bbb43b9aa880ULL,
  0x3fde3e56c1582a69ULL, 0xbc50a4821099f88fULL,
  0x3fec339eb01ddd81ULL, 0xbc8caaf5ee82c5c0ULL,
  0x3fdeaee8744b05f0ULL, 0xbc5789b43c9b027dULL,
  0x3fec1528065b7d50ULL, 0xbc8892111312e828ULL,
  0x3fdf1eff6bc4f97bULL, 0x3c717212f8a7525cULL,
  0x3febf641081e7536ULL, 0x3c8b7bd71628a9a1ULL,
  0x3fdf8e99e76abc97ULL, 0x3c59d950af2d00a3ULL,
  0x3febd6ea310294f5ULL, 0x3c731bbcc88c109dULL,
  0x3fdffdb628d2f57aULL, 0x3c6f4a992e905b6aULL,
  0x3febb723fe630f32ULL, 0x3c772bd2452d0a39ULL,
  0x3fe0362939c69955ULL, 0xbc82d8cd78397b01ULL,
  0x3feb96eeef58840eULL, 0x3c545a3cc78fade0ULL,
  0x3fe06d3686946e5bULL, 0x3c83f5ae4538ff1bULL,
  0x3feb764b84b704c2ULL, 0xbc8f5848c21b389bULL,
  0x3fe0a4021e9e1001ULL, 0xbc86f643a13914f6ULL,
  0x3feb553a410c104eULL, 0x3c58ff7947027a16ULL,
  0x3fe0da8b26b5672eULL, 0xbc8a58def0bee909ULL,
  0x3feb33bba89c8948ULL, 0x3c8ea6a51d1f6ca9ULL,
  0x3fe110d0c4b69c3bULL, 0x3c8d918998809981ULL,
  0x3feb11d04162a4c6ULL, 0x3c71dd561efbc0c2ULL,
  0x3fe146d21f8b7f82ULL, 0x3c7bf9535e2739a8ULL,
  0x3feaef78930bd275ULL, 0xbc7f836279746f94ULL,
  0x3fe17c8e5f2eedb0ULL, 0x3c635e57102e2488ULL,
  0x3feaccb526f69de5ULL, 0x3c88fb6a8dd6b6ccULL,
  0x3fe1b204acb02fddULL, 0xbc5f190c70cbb5ffULL,
  0x3feaa98688308913ULL, 0xbc0b83d607cd5070ULL,
  0x3fe1e7343236574cULL, 0x3c722a3fa4f41d5aULL,
  0x3fea85ed4373e02dULL, 0x3c69be06385ec792ULL,
  0x3fe21c1c1b0394cfULL, 0x3c5e5b324b23aa31ULL,
  0x3fea61e9e72586afULL, 0x3c858330e2fd453fULL,
  0x3fe250bb93788bbbULL, 0x3c7ea3d02457bcceULL,
  0x3fea3d7d0352bdcfULL, 0xbc868dbaeca19669ULL,
  0x3fe28511c917a067ULL, 0xbc801df1d9a16b70ULL,
  0x3fea18a729aee445ULL, 0x3c395e25736c0358ULL,
  0x3fe2b91dea88421eULL, 0xbc8fa371db216ab0ULL,
  0x3fe9f368ed912f85ULL, 0xbc81d200c5791606ULL,
  0x3fe2ecdf279a3082ULL, 0x3c8d3557e0e7e37eULL,
  0x3fe9cdc2e3f25e5cULL, 0x3c83f99112993f62ULL,
  0x3fe32054b148bc4fULL, 0x3c8f6b42095a135bULL,
  0x3fe9a7b5a36a6514ULL, 0x3c8722cfcc9fa7a9ULL,
  0x3fe3537db9be0367ULL, 0x3c6b327e7af040f0ULL,
  0x3fe98141c42e1310ULL, 0x3c8d1ff80488f08dULL,
  0x3fe386597456282bULL, 0xbc710fada93b07a8ULL,
  0x3fe95a67e00cb1fdULL, 0xbc80befda21f862dULL,
  0x3fe3b8e715a2840aULL, 0xbc797653a7d2f07bULL,
  0x3fe93328926d9e92ULL, 0xbc8bb77003600cdaULL,
  0x3fe3eb25d36cd53aULL, 0xbc5be570e1570fc0ULL,
  0x3fe90b84784ddaf7ULL, 0xbc70feb10ab93b87ULL,
  0x3fe41d14e4ba6790ULL, 0x3c84608fd287ecf5ULL,
  0x3fe8e37c303d9ad1ULL, 0xbc6463a4b53d4bf8ULL,
  0x3fe44eb381cf386bULL, 0xbc83ed6c1e6a5505ULL,
  0x3fe8bb105a5dc900ULL, 0x3c8863e03e9474c1ULL,
  0x3fe48000e431159fULL, 0xbc8b194a7463ed10ULL,
  0x3fe89241985d871fULL, 0x3c8c48d9c413ed84ULL,
  0x3fe4b0fc46aab761ULL, 0x3c20da05738cc59aULL,
  0x3fe869108d77a6c6ULL, 0x3c7338ffe2bfe9ddULL,
  0x3fe4e1a4e54ed51bULL, 0xbc8a492f89b7c76aULL,
  0x3fe83f7dde701ca0ULL, 0xbc4152cf609bc6e8ULL,
  0x3fe511f9fd7b351cULL, 0xbc85c0e861c48831ULL,
  0x3fe8158a31916d5dULL, 0xbc6de8b90b8228deULL,
  0x3fe541facddbb724ULL, 0x3c7232c28520d391ULL,
  0x3fe7eb362eaa1488ULL, 0x3c5a1d65a4a5959fULL,
  0x3fe571a6966d59b3ULL, 0x3c5c843b4d0fb198ULL,
  0x3fe7c0827f09e54fULL, 0xbc6c73d6d72aee68ULL,
  0x3fe5a0fc98813a12ULL, 0xbc8d82e2b7d4227bULL,
  0x3fe7956fcd7f6543ULL, 0xbc8ab276e9d45ae4ULL,
  0x3fe5cffc16bf8f0dULL, 0x3c896cb370eb578aULL,
  0x3fe769fec655211fULL, 0xbc6827d5cf8c68c5ULL,
  0x3fe5fea4552a9e57ULL, 0x3c80b6cef7ee20b7ULL,
  0x3fe73e30174efba1ULL, 0xbc65d3ae3d94ad5fULL,
  0x3fe62cf49921ac79ULL, 0xbc8edd9855b6241aULL,
  0x3fe712046fa77678ULL, 0x3c8425b0a5029c81ULL,
  0x3fe65aec2963e755ULL, 0x3c8126f96b71053cULL,
  0x3fe6e57c800cf55eULL, 0x3c860286dedbd0a6ULL,
  0x3fe6888a4e134b2fULL, 0xbc86b7d37644d5e6ULL,
  0x3fe6b898fa9efb5dULL, 0x3c715ac786ccf4b2ULL,
  0x3fe6b5ce50b7821aULL, 0xbc65d5158f702e0fULL,
  0x3fe68b5a92eb6253ULL, 0xbc89a91ad985f89cULL,
  0x3fe6e2b77c40bde1ULL, 0xbc70e729857fad53ULL,
  0x3fe65dc1fdeb8cbaULL, 0xbc597c1b47337c77ULL,
  0x3fe70f451d0a8c40ULL, 0x3c697ede3885770dULL,
  0x3fe62fcff20191c7ULL, 0x3c6d9143895756efULL,
  0x3fe73b7680dea578ULL, 0xbc72248306dc12a2ULL,
  0x3fe6018526f563dfULL, 0x3c846ca5e0e432d0ULL,
  0x3fe7674af6f7b524ULL, 0x3c7e9d3f94ac84a8ULL,
  0x3fe5d2e255f1f17aULL, 0x3c80314104c8892bULL,
  0x3fe792c1d0041d52ULL, 0xbc8abf05eeb354ebULL,
  0x3fe5a3e839824077ULL, 0x3c8428aa2759be62ULL,
  0x3fe7bdda5e28b3c2ULL, 0x3c4ad1197ccd0393ULL,
  0x3fe574978d8e83f2ULL, 0x3c8f4714af282d23ULL,
  0x3fe7e893f5037959ULL, 0x3c80eefbaa650c4cULL,
  0x3fe544f10f592ca5ULL, 0xbc8e7ae8e6c7a62fULL,
  0x3fe812ede9ae4ba4ULL, 0xbc87830adf402ddaULL,
  0x3fe514f57d7bf3daULL, 0x3c747a108073c259ULL,
};

// 2/pi in base 2^24 (branred.h)
PYM_TABLE double pym_toverp[75] = {
    10680707.0, 7228996.0,  1387004.0,  2578385.0,  16069853.0,
    12639074.0, 9804092.0,  4427841.0,  16666979.0, 11263675.0,
    12935607.0, 2387514.0,  4345298.0,  14681673.0, 3074569.0,
    13734428.0, 16653803.0, 1880361.0,  10960616.0, 8533493.0,
    3062596.0,  8710556.0,  7349940.0,  6258241.0,  3772886.0,
    3769171.0,  3798172.0,  8675211.0,  12450088.0, 3874808.0,
    9961438.0,  366607.0,   15675153.0, 9132554.0,  7151469.0,
    3571407.0,  2607881.0,  12013382.0, 4155038.0,  6285869.0,
    7677882.0,  13102053.0, 15825725.0, 473591.0,   9065106.0,
    15363067.0, 6271263.0,  9264392.0,  5636912.0,  4652155.0,
    7056368.0,  13614112.0, 10155062.0, 1944035.0,  9527646.0,
    15080200.0, 6658437.0,  6231200.0,  6832269.0,  16767104.0,
    5075751.0,  3212806.0,  1398474.0,  7579849.0,  6349435.0,
    12618859.0, 4703257.0,  12806093.0, 14477321.0, 2786137.0,
    12875403.0, 9837734.0,  14528324.0, 13719321.0, 343717.0};

// One half of __branred: x (a part of the argument) times 2/pi, as
// b + bb and an integer part sum.
PYM_FN void pym_branred_part(double x, double *pb, double *pbb,
                             double *psum) {
  const double big = 0x1.8p52, big1 = 0x1.8p54, tm24 = 0x1p-24;
  double r[6], s, t, sum = 0, b, bb;
  int i, k = (int)((pym_asuint64(x) >> 52) & 2047);
  k = (k - 450) / 24;
  if (k < 0)
    k = 0;
  double gor = pym_asdouble(0x63f0000000000000ULL -
                            ((uint64_t)(k * 24) << 52));  // 2^(576-24k)
  for (i = 0; i < 6; i++) {
    r[i] = x * pym_toverp[k + i] * gor;
    gor *= tm24;
  }
  for (i = 0; i < 3; i++) {
    s = (r[i] + big) - big;
    sum += s;
    r[i] -= s;
  }
  t = 0;
  for (i = 0; i < 6; i++)
    t += r[5 - i];
  bb = (((((r[0] - t) + r[1]) + r[2]) + r[3]) + r[4]) + r[5];
  s = (t + big) - big;
  sum += s;
  t -= s;
  b = t + bb;
  bb = (t - b) + bb;
  s = (sum + big1) - big1;
  sum -= s;
  *pb = b;
  *pbb = bb;
  *psum = sum;
}

// __branred: x = n*pi/2 + (a+aa), |a+aa| < pi/4; returns n mod 4.
PYM_FN int pym_branred(double x, double *a, double *aa) {
  const double split = 134217729.0;  // 2^27 + 1
  double s, t, sum, b, bb, sum1, sum2, b1, bb1, b2, bb2, x1, x2, t1, t2;
  x *= 0x1p-600;
  t = x * split;  // split x to two numbers
  x1 = t - (t - x);
  x2 = x - x1;
  pym_branred_part(x1, &b1, &bb1, &sum1);
  pym_branred_part(x2, &b2, &bb2, &sum2);
  sum = sum1 + sum2;
  b = b1 + b2;
  bb = (fabs(b1) > fabs(b2)) ? (b1 - b) + b2 : (b2 - b) + b1;
  if (b > 0.5) {
    b -= 1.0;
    sum += 1.0;
  } else if (b < -0.5) {
    b += 1.0;
    sum -= 1.0;
  }
  s = b + (bb + bb1 + bb2);
  t = ((b - s) + bb) + (bb1 + bb2);
  b = s * split;
  t1 = b - (b - s);
  t2 = s - t1;
  b = s * PYM_SIN_HP0;
  bb = (((t1 * PYM_SIN_MP1 - b) + t1 * -0x1.DDE9740000000p-27) +
        t2 * PYM_SIN_MP1) +
       (t2 * -0x1.DDE9740000000p-27 + s * PYM_SIN_HP1 + t * PYM_SIN_HP0);
  s = b + bb;
  t = (b - s) + bb;
  *a = s;
  *aa = t;
  return ((int)sum) & 3;
}

// do_cos: cos(x + dx) from the table and a polynomial.
PYM_FN double pym_do_cos(double x, double dx) {
  if (x < 0)
    dx = -dx;
  double ux = PYM_SIN_BIG + fabs(x);
  x = fabs(x) - (ux - PYM_SIN_BIG) + dx;
  double xx, s, sn, ssn, c, cs, ccs, cor;
  xx = x * x;
  s = PYM_MA(x * xx, PYM_MA(xx, PYM_SIN_SN5, PYM_SIN_SN3), x);
  c = xx * PYM_MA(xx, PYM_MA(xx, PYM_SIN_CS6, PYM_SIN_CS4), PYM_SIN_CS2);
  int k = (int)((uint32_t)pym_asuint64(ux) << 2);
  sn = pym_asdouble(pym_sincostab[k]);
  ssn = pym_asdouble(pym_sincostab[k + 1]);
  cs = pym_asdouble(pym_sincostab[k + 2]);
  ccs = pym_asdouble(pym_sincostab[k + 3]);
  cor = PYM_MA(-sn, s, PYM_MA(-cs, c, PYM_MA(-s, ssn, ccs)));
  return cs + cor;
}

// do_sin: sin(x + dx), by Taylor's series near 0, else the table.
PYM_FN double pym_do_sin(double x, double dx) {
  double xold = x;
  if (fabs(x) < 0.126) {  // TAYLOR_SIN (x * x, x, dx)
    double xx = x * x;
    double p = PYM_MA(PYM_MA(PYM_MA(PYM_MA(PYM_SIN_S5, xx, PYM_SIN_S4), xx,
                                    PYM_SIN_S3), xx, PYM_SIN_S2), xx,
                      PYM_SIN_S1);
#if PYM_LIBM_FMA
    double t = fma(fma(p, x, -(0.5 * dx)), xx, dx);
#else
    double t = (p * x - 0.5 * dx) * xx + dx;
#endif
    return x + t;
  }
  if (x <= 0)
    dx = -dx;
  double ux = PYM_SIN_BIG + fabs(x);
  x = fabs(x) - (ux - PYM_SIN_BIG);
  double xx, s, sn, ssn, c, cs, ccs, cor;
  xx = x * x;
  s = x + PYM_MA(x * xx, PYM_MA(xx, PYM_SIN_SN5, PYM_SIN_SN3), dx);
  c = PYM_MA(x, dx, xx * PYM_MA(xx, PYM_MA(xx, PYM_SIN_CS6, PYM_SIN_CS4),
                                PYM_SIN_CS2));
  int k = (int)((uint32_t)pym_asuint64(ux) << 2);
  sn = pym_asdouble(pym_sincostab[k]);
  ssn = pym_asdouble(pym_sincostab[k + 1]);
  cs = pym_asdouble(pym_sincostab[k + 2]);
  ccs = pym_asdouble(pym_sincostab[k + 3]);
  cor = PYM_MA(cs, s, PYM_MA(-sn, c, PYM_MA(s, ccs, ssn)));
  return copysign(sn + cor, xold);
}

// reduce_sincos: x = n*pi/2 + (a + da) for |x| < 105414350.
PYM_FN int pym_reduce_sincos(double x, double *a, double *da) {
  double t = PYM_MA(x, PYM_SIN_HPINV, PYM_SIN_TOINT);
  double xn = t - PYM_SIN_TOINT;
  double y = PYM_MA(-xn, PYM_SIN_MP2, PYM_MA(-xn, PYM_SIN_MP1, x));
  int n = (int)(pym_asuint64(t) & 3);
  double b, db, t2;
  t2 = PYM_MA(-xn, PYM_SIN_PP3, y);
  db = PYM_MA(-xn, PYM_SIN_PP3, y - t2);
  b = PYM_MA(-xn, PYM_SIN_PP4, t2);
  db += PYM_MA(-xn, PYM_SIN_PP4, t2 - b);
  *a = b;
  *da = db;
  return n;
}

PYM_FN double pym_do_sincos(double a, double da, int n) {
  double r = (n & 1) ? pym_do_cos(a, da) : pym_do_sin(a, da);
  return (n & 2) ? -r : r;
}

// glibc's sin.
PYM_FN double pym_libm_sin(double x) {
  double a, da;
  uint32_t k = (uint32_t)(pym_asuint64(x) >> 32) & 0x7fffffff;
  if (k < 0x3e500000)  // |x| < 2^-26: sin(x) = x
    return x;
  if (k < 0x3feb6000)  // |x| < 0.855469
    return pym_do_sin(x, 0);
  if (k < 0x400368fd)  // |x| < 2.426265
    return copysign(pym_do_cos(PYM_SIN_HP0 - fabs(x), PYM_SIN_HP1), x);
  if (k < 0x419921FB) {  // |x| < 105414350
    int n = pym_reduce_sincos(x, &a, &da);
    return pym_do_sincos(a, da, n);
  }
  if (k < 0x7ff00000) {
    int n = pym_branred(x, &a, &da);
    return pym_do_sincos(a, da, n);
  }
  return x / x;  // inf, nan
}

// glibc's cos.
PYM_FN double pym_libm_cos(double x) {
  double y, a, da;
  uint32_t k = (uint32_t)(pym_asuint64(x) >> 32) & 0x7fffffff;
  if (k < 0x3e400000)  // |x| < 2^-27: cos(x) = 1
    return 1.0;
  if (k < 0x3feb6000)  // |x| < 0.855469
    return pym_do_cos(x, 0);
  if (k < 0x400368fd) {  // |x| < 2.426265
    y = PYM_SIN_HP0 - fabs(x);
    a = y + PYM_SIN_HP1;
    da = (y - a) + PYM_SIN_HP1;
    return pym_do_sin(a, da);
  }
  if (k < 0x419921FB) {  // |x| < 105414350
    int n = pym_reduce_sincos(x, &a, &da);
    return pym_do_sincos(a, da, n + 1);
  }
  if (k < 0x7ff00000) {
    int n = pym_branred(x, &a, &da);
    return pym_do_sincos(a, da, n + 1);
  }
  return x / x;  // inf, nan
}


// ---- atan, atan2 (s_atan.c, e_atan2.c, uatan.tbl, atnat.h, atnat2.h) -------
//
// IBM's Accurate Mathematical Library again (Copyright (C) 2001-2022 Free
// Software Foundation, Inc.; the same LGPL): __atan_fma and
// __ieee754_atan2_fma are these files built with -mfma, where dla.h's
// EMULV is one multiplication and an fma (__FP_FAST_FMA), and Veltkamp's
// splitting otherwise.

// x0 and the coefficients of atan near x0, for x0 in (1/16, 1)
PYM_TABLE uint64_t pym_atan_cij[241][7] = {
  {0x3fb0400665e0244eULL, 0x3fb03a737b53dd20ULL, 0x3fefdf1fcf5cfb72ULL,
   0xbfb01eb3ce2ae4c2ULL, 0xbfd4d29edd58a40dULL, 0x3fafda4ad907a18aULL,
   0x3fc814df4df65b18ULL},
  {0x3fb0fffdb9b88cd8ULL, 0x3fb0f99c63645300ULL, 0x3fefdc08a3ded30fULL,
   0xbfb0d9dc669c1aedULL, 0xbfd4c669f7138de2ULL, 0x3fb0a12f29d085a7ULL,
   0x3fc7f0eecfd48d20ULL},
  {0x3fb1fff15a73d4f1ULL, 0x3fb1f85f2bee2040ULL, 0x3fefd7b342b56d31ULL,
   0xbfb1d2b7b69dea40ULL, 0xbfd4b5523922ecc9ULL, 0x3fb18f93522b1a04ULL,
   0x3fc7bead5660f061ULL},
  {0x3fb2fffdb2524aa2ULL, 0x3fb2f716e71790a0ULL, 0x3fefd31f53b496a4ULL,
   0xbfb2cad84aab7374ULL, 0xbfd4a34b58dd2fb2ULL, 0x3fb27c0ad0cecc18ULL,
   0x3fc789d25d2743d7ULL},
  {0x3fb3fffe0573f3acULL, 0x3fb3f59d1702f6a0ULL, 0x3fefce4db071acc2ULL,
   0xbfb3c20f64db3686ULL, 0xbfd49059eb3bfe93ULL, 0x3fb36659caf74fedULL,
   0x3fc752691c011fb0ULL},
  {0x3fb4ffef894384d6ULL, 0x3fb4f3ed0ce204c0ULL, 0x3fefc93ea8ea5a01ULL,
   0xbfb4b84f7b5457c9ULL, 0xbfd47c807401f2f9ULL, 0x3fb44e64b4f67209ULL,
   0x3fc7187d4c540b77ULL},
  {0x3fb5fff8df406528ULL, 0x3fb5f22b3c73d820ULL, 0x3fefc3f1b1f60f13ULL,
   0xbfb5adb2cb7fa73bULL, 0xbfd467be2b1eb555ULL, 0x3fb5343599edc463ULL,
   0x3fc6dc1b238f5059ULL},
  {0x3fb7000f8c4f0d56ULL, 0x3fb6f04b495a2fa0ULL, 0x3fefbe67340dce97ULL,
   0xbfb6a2244d98e1adULL, 0xbfd4521614064df1ULL, 0x3fb617aa2ba78a66ULL,
   0x3fc69d4f50a3d7acULL},
  {0x3fb8000fbb4057cfULL, 0x3fb7ee27be2cd3a0ULL, 0x3fefb8a039ec9246ULL,
   0xbfb7957731d9c773ULL, 0xbfd43b8db6dc7d72ULL, 0x3fb6f88ad69547dfULL,
   0x3fc65c26f633ce8cULL},
  {0x3fb8fff239cf2b7fULL, 0x3fb8ebb79f979e80ULL, 0x3fefb29d435506e1ULL,
   0xbfb8879a69b9cdb5ULL, 0xbfd4242885feafa9ULL, 0x3fb7d6bab6191a0eULL,
   0x3fc618afa7cb8bb5ULL},
  {0x3fb9fff96e2f0772ULL, 0x3fb9e93ad32a9480ULL, 0x3fefac5d04a3ec40ULL,
   0xbfb978c253f6ea97ULL, 0xbfd40be3089c36f6ULL, 0x3fb8b25c885aeb77ULL,
   0x3fc5d2f763cadce1ULL},
  {0x3fbb00026316b097ULL, 0x3fbae68cce24cc00ULL, 0x3fefa5e0938c5c66ULL,
   0xbfba68c376f14e4bULL, 0xbfd3f2c31696cd7cULL, 0x3fb98b3b722a2cb4ULL,
   0x3fc58b0c9067ad62ULL},
  {0x3fbc0008604f58b1ULL, 0x3fbbe3a705650780ULL, 0x3fef9f285a7a2773ULL,
   0xbfbb578f3d5ac0a4ULL, 0xbfd3d8cbf767119fULL, 0x3fba613dc7e31b88ULL,
   0x3fc540fdf5594565ULL},
  {0x3fbd00026cca4ebaULL, 0x3fbce07ec1298a80ULL, 0x3fef9834e8d36c4aULL,
   0xbfbc45135bcac5feULL, 0xbfd3be018b5236f1ULL, 0x3fbb34472e991970ULL,
   0x3fc4f4dab8adb373ULL},
  {0x3fbdfff4b2b47fcaULL, 0x3fbddd164a051d80ULL, 0x3fef910678dcc895ULL,
   0xbfbd3149f0966844ULL, 0xbfd3a266744f9a5fULL, 0x3fbc0446edb7f27aULL,
   0x3fc4a6b2583f9ecaULL},
  {0x3fbf000aa9a05be0ULL, 0x3fbed996a3bda540ULL, 0x3fef899c1b8ba97fULL,
   0xbfbe1c512287a677ULL, 0xbfd385f8edc130bbULL, 0x3fbcd14bf306ff50ULL,
   0x3fc45694a667a72bULL},
  {0x3fbffffaba8f63deULL, 0x3fbfd5b569fe4780ULL, 0x3fef81f84863dc7dULL,
   0xbfbf05dbd1518706ULL, 0xbfd368c44687a69cULL, 0x3fbd9b081b3868daULL,
   0x3fc40491c345adfcULL},
  {0x3fc07ffa6eccada8ULL, 0x3fc068d00a396400ULL, 0x3fef7a19f1fcfc6bULL,
   0xbfbfee0c861df0dfULL, 0xbfd34ac65a586c0cULL, 0x3fbe618f189d637aULL,
   0x3fc3b0ba195779d4ULL},
  {0x3fc1000333432713ULL, 0x3fc0e6b0f203d1a0ULL, 0x3fef7200fe0eb463ULL,
   0xbfc06a72e15cb19aULL, 0xbfd32c00b8db761eULL, 0x3fbf24d8a11f5e3eULL,
   0x3fc35b1e569e85ddULL},
  {0x3fc17ffcda1c4811ULL, 0x3fc1646229ebda00ULL, 0x3fef69af7d558737ULL,
   0xbfc0dd170b33969bULL, 0xbfd30c7d33ac50d1ULL, 0x3fbfe4aa9be43f0fULL,
   0x3fc303cf692539cbULL},
  {0x3fc1ffff3cca418dULL, 0x3fc1e1fa3b978ea0ULL, 0x3fef612445d421a9ULL,
   0xbfc14f03acac8aa8ULL, 0xbfd2ec3962e675a3ULL, 0x3fc0508c2fa6b426ULL,
   0x3fc2aade780a6467ULL},
  {0x3fc27ff7d9c78922ULL, 0x3fc25f661b91e640ULL, 0x3fef5860f52e192cULL,
   0xbfc1c023e5de2394ULL, 0xbfd2cb3d6bee0abdULL, 0x3fc0acfb5e075c1aULL,
   0x3fc2505cdffe453aULL},
  {0x3fc2fff7a1fc1aaaULL, 0x3fc2dcb583257c40ULL, 0x3fef4f64c719b6fbULL,
   0xbfc2308261514083ULL, 0xbfd2a9887f7b72d5ULL, 0x3fc107a77c887402ULL,
   0x3fc1f45c2c3cd6d1ULL},
  {0x3fc380059d78e15eULL, 0x3fc359ee6ac98ee0ULL, 0x3fef462f944cec16ULL,
   0xbfc2a020d85b87a9ULL, 0xbfd2871c2e4ab369ULL, 0x3fc1608dc31a65d9ULL,
   0x3fc196ee130bbe50ULL},
  {0x3fc400049f431b1aULL, 0x3fc3d6f36bd65360ULL, 0x3fef3cc3dd99b68aULL,
   0xbfc30ee1b3dd00edULL, 0xbfd26403f8482664ULL, 0x3fc1b792fe136626ULL,
   0x3fc138246eac7440ULL},
  {0x3fc48004e01d95a1ULL, 0x3fc453d386f00cc0ULL, 0x3fef3320e3970539ULL,
   0xbfc37ccf0a5279aaULL, 0xbfd2403f3b151d5dULL, 0x3fc20cbbe331c9e6ULL,
   0x3fc0d81139e3f097ULL},
  {0x3fc4fff7aa9382ddULL, 0x3fc4d07f8c590a80ULL, 0x3fef294834df28e0ULL,
   0xbfc3e9d85b43915cULL, 0xbfd21bd5eb8845a2ULL, 0x3fc25ff8ac6ac8adULL,
   0x3fc076c688ed96caULL},
  {0x3fc58006352408beULL, 0x3fc54d1ec39a73e0ULL, 0x3fef1f3709ae009cULL,
   0xbfc4561cb9be8550ULL, 0xbfd1f6c00053f52eULL, 0x3fc2b15def783be9ULL,
   0x3fc014568615239bULL},
  {0x3fc5ffff2b193f81ULL, 0x3fc5c9804f73e000ULL, 0x3fef14f1ae110e29ULL,
   0xbfc4c16e9098b3d2ULL, 0xbfd1d10f8f058241ULL, 0x3fc300c6a14fa897ULL,
   0x3fbf61a6d56607c0ULL},
  {0x3fc680084460e6e1ULL, 0x3fc645c804a55e20ULL, 0x3fef0a758fa36ec5ULL,
   0xbfc52be9d62fa883ULL, 0xbfd1aabd69a74048ULL, 0x3fc34e451679eb02ULL,
   0x3fbe989ef7c14c3dULL},
  {0x3fc6fffb9e99a846ULL, 0x3fc6c1d04b35fd40ULL, 0x3feeffc63ef8ef95ULL,
   0xbfc5956b76a2fe63ULL, 0xbfd183d8ddc78ddfULL, 0x3fc399bdac606d66ULL,
   0x3fbdcdba070d286aULL},
  {0x3fc780080ffcd490ULL, 0x3fc73dc5b55758e0ULL, 0x3feef4e0457e2065ULL,
   0xbfc5fe167d6ff9bcULL, 0xbfd15c579fadd384ULL, 0x3fc3e34773e52d32ULL,
   0x3fbd011c9a65ae4bULL},
  {0x3fc80006148e79c1ULL, 0x3fc7b9812b7f8ca0ULL, 0x3feee9c7701687edULL,
   0xbfc665c70e1ef36dULL, 0xbfd13449ccbcbdabULL, 0x3fc42ac75c71b3e8ULL,
   0x3fbc32eb3e81980eULL},
  {0x3fc880060f487c17ULL, 0x3fc83511bc0e3640ULL, 0x3feede7ad2d55329ULL,
   0xbfc6cc8737e644baULL, 0xbfd10bae60597557ULL, 0x3fc4704313e26fbeULL,
   0x3fbb634a6fb18bf4ULL},
  {0x3fc90004d3518d76ULL, 0x3fc8b0738874c100ULL, 0x3feed2fb2ed6673bULL,
   0xbfc732512a6ebac3ULL, 0xbfd0e28a6924232fULL, 0x3fc4b3b573bcc03fULL,
   0x3fba925e8c72507fULL},
  {0x3fc97fffd2f20d5cULL, 0x3fc92ba351af5920ULL, 0x3feec7493d32449fULL,
   0xbfc7971fc308255fULL, 0xbfd0b8e2d572d28fULL, 0x3fc4f51a337448feULL,
   0x3fb9c04bcfcbc620ULL},
  {0x3fca0005bf80f060ULL, 0x3fc9a6ae6e9e8960ULL, 0x3feebb641ef200e7ULL,
   0xbfc7fafb6e96e5c1ULL, 0xbfd08eb6ec6ad647ULL, 0x3fc53475f53d0ba6ULL,
   0x3fb8ed364433c20eULL},
  {0x3fca7ff7deeca8e4ULL, 0x3fca2176948578e0ULL, 0x3feeaf4f328ff98bULL,
   0xbfc85dc958149b1cULL, 0xbfd06414f933a1abULL, 0x3fc571b760c45a8fULL,
   0x3fb81941be58c308ULL},
  {0x3fcaffff7defd553ULL, 0x3fca9c229eba6b80ULL, 0x3feea30710a85e10ULL,
   0xbfc8bfa67f9dea61ULL, 0xbfd038f35a474e8fULL, 0x3fc5acf030c225d2ULL,
   0x3fb74491d062812fULL},
  {0x3fcb7ffe669932a5ULL, 0x3fcb1694cff6dfe0ULL, 0x3fee968f1921d387ULL,
   0xbfc92078e075d95aULL, 0xbfd00d60526793c4ULL, 0x3fc5e61073842a52ULL,
   0x3fb66f49c5331d5aULL},
  {0x3fcbfff9b44759f3ULL, 0x3fcb90d15073a2a0ULL, 0x3fee89e756598313ULL,
   0xbfc98041cfb9203dULL, 0xbfcfc2bcbed91b37ULL, 0x3fc61d196d4fc2fcULL,
   0x3fb5998c9411537eULL},
  {0x3fcc80075568f3ecULL, 0x3fcc0aec4a31dbe0ULL, 0x3fee7d0e18f270a8ULL,
   0xbfc9df0ef522b132ULL, 0xbfcf69d42179c242ULL, 0x3fc6521336646fcdULL,
   0x3fb4c37cdc699095ULL},
  {0x3fccfff8601a799fULL, 0x3fcc84b849db66a0ULL, 0x3fee7008a0ee780eULL,
   0xbfca3cbb3a403934ULL, 0xbfcf102fd490be32ULL, 0x3fc684ea037d4137ULL,
   0x3fb3ed3cd9ec855aULL},
  {0x3fcd7ff97bbf1497ULL, 0x3fccfe5f1e008ce0ULL, 0x3fee62d2f04615c7ULL,
   0xbfca996515aade2cULL, 0xbfceb5b90b44b682ULL, 0x3fc6b5af92ec8d57ULL,
   0x3fb316ee60d831aeULL},
  {0x3fce000840209b20ULL, 0x3fcd77ddb145a760ULL, 0x3fee556dbe1dfdf1ULL,
   0xbfcaf5082186af0fULL, 0xbfce5a799420489dULL, 0x3fc6e462454feb2cULL,
   0x3fb240b2d2945a8cULL},
  {0x3fce8000c0ae943cULL, 0x3fcdf1113ca10100ULL, 0x3fee47dd59e7308bULL,
   0xbfcb4f889439f69fULL, 0xbfcdfe93798de600ULL, 0x3fc710f58f267389ULL,
   0x3fb16aab1a8a373eULL},
  {0x3fcf00036d532803ULL, 0x3fce6a17cb4e5c80ULL, 0x3fee3a1ee3d0f6c2ULL,
   0xbfcba8fb6e31f768ULL, 0xbfcda1f7e6a382e3ULL, 0x3fc73b75b36ac4c0ULL,
   0x3fb094f7a3470b0aULL},
  {0x3fcf7ffa48b8afc3ULL, 0x3fcee2dbe1654560ULL, 0x3fee2c3543f2ab37ULL,
   0xbfcc014f598207d6ULL, 0xbfcd44bf1efe809aULL, 0x3fc763dc698a561eULL,
   0x3faf7f70a7cf78a3ULL},
  {0x3fd00002eb334faeULL, 0x3fcf5b7b77ab25e0ULL, 0x3fee1e1d78a5c127ULL,
   0xbfcc5898c555d571ULL, 0xbfcce6d9b706cf86ULL, 0x3fc78a350823f643ULL,
   0x3fadd6190b9118e8ULL},
  {0x3fd03ffca8af86feULL, 0x3fcfd3cbb53a0c00ULL, 0x3fee0fdcfdcbac8bULL,
   0xbfccaeb76c3246ffULL, 0xbfcc8870d6e19ad3ULL, 0x3fc7ae73d2c48e91ULL,
   0x3fac2e260510fdb0ULL},
  {0x3fd07ffcd38984b7ULL, 0x3fd025f75732d4a0ULL, 0x3fee017049c17ab3ULL,
   0xbfcd03c29afe5028ULL, 0xbfcc29719a2c1833ULL, 0x3fc7d0a569041dcfULL,
   0x3faa87d3f497c653ULL},
  {0x3fd0bfff1ed2add7ULL, 0x3fd061edcd7f7420ULL, 0x3fedf2d8da96b750ULL,
   0xbfcd57b2c777881eULL, 0xbfcbc9ea8692b503ULL, 0x3fc7f0c942abf9e7ULL,
   0x3fa8e35e04b42bb4ULL},
  {0x3fd10003a8515cdaULL, 0x3fd09dc9027416a0ULL, 0x3fede41734899950ULL,
   0xbfcdaa867983ede4ULL, 0xbfcb69e3999706b6ULL, 0x3fc80ee1b0f126dbULL,
   0x3fa740fe17ee9babULL},
  {0x3fd14001f3af9cc5ULL, 0x3fd0d980b6e1aba0ULL, 0x3fedd52de0412681ULL,
   0xbfcdfc316863b28bULL, 0xbfcb0971c55b8d5aULL, 0x3fc82aeda6731aacULL,
   0x3fa5a0ecc73bd8f0ULL},
  {0x3fd18003b6122509ULL, 0x3fd1151daa1e67a0ULL, 0x3fedc61b2e0c1f32ULL,
   0xbfce4cbeb9ba6b7eULL, 0xbfcaa88e90c2431cULL, 0x3fc844f48bcbda5eULL,
   0x3fa4036150e585ffULL},
  {0x3fd1bfffa6a2a153ULL, 0x3fd15096e7a18dc0ULL, 0x3fedb6e1e1218f3fULL,
   0xbfce9c219621d6a2ULL, 0xbfca475022627b04ULL, 0x3fc85cf5ff8b908eULL,
   0x3fa268919833c0d6ULL},
  {0x3fd1fffd2d345aafULL, 0x3fd18bf3053bf760ULL, 0x3feda780cc3acb29ULL,
   0xbfceea622aa756aeULL, 0xbfc9e5b347ed9793ULL, 0x3fc872f887ab542aULL,
   0x3fa0d0b2158e9e9aULL},
  {0x3fd23ffcf14cf05aULL, 0x3fd1c7324d568460ULL, 0x3fed97f855f32d3dULL,
   0xbfcf378021d457c8ULL, 0xbfc983bef065b845ULL, 0x3fc886fffba70cd8ULL,
   0x3f9e77ebaeb85cccULL},
  {0x3fd27ffe0bae6fc9ULL, 0x3fd202539a27c160ULL, 0x3fed88494619176eULL,
   0xbfcf83795c0ac9ecULL, 0xbfc9217c5e645195ULL, 0x3fc8990ff4264515ULL,
   0x3f9b551ce6b92e65ULL},
  {0x3fd2c001a297a7deULL, 0x3fd23d57acb927c0ULL, 0x3fed7873e4958fb6ULL,
   0xbfcfce4e43572249ULL, 0xbfc8bef19f3560f3ULL, 0x3fc8a92cdf7f0e5bULL,
   0x3f983958116f3b19ULL},
  {0x3fd2fffe7267616aULL, 0x3fd27835b2f378c0ULL, 0x3fed687b13906586ULL,
   0xbfd00bf9afda1a0fULL, 0xbfc85c34c197ad7dULL, 0x3fc8b7591e99f0a7ULL,
   0x3f9524fa6525c365ULL},
  {0x3fd33ffe48153b20ULL, 0x3fd2b2f66a2fdcc0ULL, 0x3fed585cf827fbe4ULL,
   0xbfd03039b45a6918ULL, 0xbfc7f93e5dfc3f72ULL, 0x3fc8c39bc5210022ULL,
   0x3f92185e168fb62eULL},
  {0x3fd380038122579aULL, 0x3fd2ed9baf6ec1e0ULL, 0x3fed4819872f20d3ULL,
   0xbfd053e81f4c1031ULL, 0xbfc79612621ffd79ULL, 0x3fc8cdf9db9d9dfcULL,
   0x3f8e27b480c6852fULL},
  {0x3fd3c0033ef39141ULL, 0x3fd3281b4668c700ULL, 0x3fed37b418590d1aULL,
   0xbfd076fea3ef2560ULL, 0xbfc732c93033287aULL, 0x3fc8d676ca2e5458ULL,
   0x3f882f85d80944b1ULL},
  {0x3fd4000163fa0e31ULL, 0x3fd362787b565000ULL, 0x3fed272c47a813daULL,
   0xbfd0997f493b9d88ULL, 0xbfc6cf643da9fe3cULL, 0x3fc8dd18c1cd3331ULL,
   0x3f8248d1f70f6e07ULL},
  {0x3fd4400374071092ULL, 0x3fd39cb80f0a4000ULL, 0x3fed16813ba47a6bULL,
   0xbfd0bb6cd8788947ULL, 0xbfc66be2589596a6ULL, 0x3fc8e1e5c9b3ec1eULL,
   0x3f78e868d20fab86ULL},
  {0x3fd48000c880f200ULL, 0x3fd3d6d1deffb460ULL, 0x3fed05b5cadc576cULL,
   0xbfd0dcc2a1d352c2ULL, 0xbfc608583d7d2574ULL, 0x3fc8e4e303208bc0ULL,
   0x3f6ac9096379e732ULL},
  {0x3fd4c0004d97d2cbULL, 0x3fd410cbf3a2e220ULL, 0x3fecf4c8bb7ed511ULL,
   0xbfd0fd8437766a49ULL, 0xbfc5a4c25aabc13cULL, 0x3fc8e616c80dac4bULL,
   0x3f4038aab04695c2ULL},
  {0x3fd4fffd9397539fULL, 0x3fd44aa206a7dec0ULL, 0x3fece3bbcf479ddeULL,
   0xbfd11daf4d122984ULL, 0xbfc5412eb1024df0ULL, 0x3fc8e5871b2c560dULL,
   0xbf625da8951c088dULL},
  {0x3fd53ffff304715fULL, 0x3fd4845a791f3900ULL, 0x3fecd28da45e0fd8ULL,
   0xbfd13d478d61f221ULL, 0xbfc4dd98d3e9bb99ULL, 0x3fc8e33a0f181507ULL,
   0xbf743c33d08bd25cULL},
  {0x3fd58002e88ea386ULL, 0x3fd4bdf0f575d6c0ULL, 0x3fecc14002035609ULL,
   0xbfd15c4ab808071eULL, 0xbfc47a0eb2945fcfULL, 0x3fc8df35fc056447ULL,
   0xbf7f2011b00a45cdULL},
  {0x3fd5bffd70f4d590ULL, 0x3fd4f75d284d7ae0ULL, 0x3fecafd5f2de98b6ULL,
   0xbfd17ab4a2b42f42ULL, 0xbfc416a51c285a92ULL, 0x3fc8d982511d6c5aULL,
   0xbf84ecc177008605ULL},
  {0x3fd5fffdb70d6e53ULL, 0x3fd530ab8e2ff500ULL, 0x3fec9e4c32d2429dULL,
   0xbfd1988c35190681ULL, 0xbfc3b34cbf748319ULL, 0x3fc8d22498d3a613ULL,
   0xbf8a33d4aa295f9fULL},
  {0x3fd63ffc5c7399e2ULL, 0x3fd569d54f022e80ULL, 0x3fec8ca558dd180fULL,
   0xbfd1b5ce1d701de4ULL, 0xbfc35017a7806a5aULL, 0x3fc8c92456c01cf9ULL,
   0xbf8f64d9942059e1ULL},
  {0x3fd67ffd9a1ac7d2ULL, 0x3fd5a2ddf50031e0ULL, 0x3fec7ae0ceff6debULL,
   0xbfd1d27c7c8c245bULL, 0xbfc2ed05c6aa933fULL, 0x3fc8be87ddc5cf1fULL,
   0xbf923fb6d594386fULL},
  {0x3fd6bffd6f7b9353ULL, 0x3fd5dbc1b4e066c0ULL, 0x3fec6900456b591aULL,
   0xbfd1ee95c2d6d0aaULL, 0xbfc28a23b11086f7ULL, 0x3fc8b256dde22d5aULL,
   0xbf94c19a489d85a4ULL},
  {0x3fd6fffbf02a83e4ULL, 0x3fd614806a237dc0ULL, 0x3fec57044cc81773ULL,
   0xbfd20a1a4b9029caULL, 0xbfc2277789f5fb1cULL, 0x3fc8a4989b09e911ULL,
   0xbf9737ec130d419aULL},
  {0x3fd73ffe128c213aULL, 0x3fd64d1e42499480ULL, 0x3fec44ec129c0d30ULL,
   0xbfd2250c83787259ULL, 0xbfc1c4ffd55be4fcULL, 0x3fc8955336b2d603ULL,
   0xbf99a2842e43df46ULL},
  {0x3fd77ffbea0cdc7aULL, 0x3fd6859405b0e220ULL, 0x3fec32ba687132c0ULL,
   0xbfd23f697273497eULL, 0xbfc162cecd39b037ULL, 0x3fc8848ffa930aafULL,
   0xbf9c013da4554412ULL},
  {0x3fd7c003f18edab8ULL, 0x3fd6bdee4127bee0ULL, 0x3fec206bc01607bdULL,
   0xbfd259375fee2f42ULL, 0xbfc100d4307761e1ULL, 0x3fc872525dfec556ULL,
   0xbf9e53f67958f973ULL},
  {0x3fd7fffd41f35c4cULL, 0x3fd6f616da6607a0ULL, 0x3fec0e07cddc8437ULL,
   0xbfd2726cbfb4daeaULL, 0xbfc09f3be0db1472ULL, 0x3fc85ea92a95aa1bULL,
   0xbfa04d47d872cfa2ULL},
  {0x3fd8400326c7c46bULL, 0x3fd72e2596b8be00ULL, 0x3febfb874cdedf38ULL,
   0xbfd28b14d09404f3ULL, 0xbfc03de1e7fb61f2ULL, 0x3fc84993acb33be9ULL,
   0xbfa16a769b1de607ULL},
  {0x3fd88003ca90b179ULL, 0x3fd7660aa104a220ULL, 0x3febe8eff236e2f6ULL,
   0xbfd2a32919a94ddfULL, 0xbfbfb9ce0856a081ULL, 0x3fc8331f33f70280ULL,
   0xbfa2817af01308ccULL},
  {0x3fd8c003e9692fd5ULL, 0x3fd79dc9f0b2cb00ULL, 0x3febd640f2966495ULL,
   0xbfd2baabfd6ec2eaULL, 0xbfbef892e08e9c2dULL, 0x3fc81b52031873e3ULL,
   0xbfa39249ac12113dULL},
  {0x3fd8fffe35be5c5fULL, 0x3fd7d55ebdccdfc0ULL, 0x3febc37c6eabcf77ULL,
   0xbfd2d19c2d74f445ULL, 0xbfbe382ce63f2cdbULL, 0x3fc802360e6fe2aeULL,
   0xbfa49cd90e66ab41ULL},
  {0x3fd94002aa8974cdULL, 0x3fd80cd6b8afd880ULL, 0x3febb09e4468ccbaULL,
   0xbfd2e7ffec84e686ULL, 0xbfbd787688c659e8ULL, 0x3fc7e7ccc2f15460ULL,
   0xbfa5a120b410d3edULL},
  {0x3fd98002e08efdeaULL, 0x3fd8442534856920ULL, 0x3feb9dab3f290478ULL,
   0xbfd2fdd2bb81edefULL, 0xbfbcb9a531e68398ULL, 0x3fc7cc23c2dbb11bULL,
   0xbfa69f1998467e78ULL},
  {0x3fd9c00275294b6bULL, 0x3fd87b4d299f6200ULL, 0x3feb8aa2de96cf1fULL,
   0xbfd313168c4d45d2ULL, 0xbfbbfbb7edce4dbaULL, 0x3fc7af418907fec9ULL,
   0xbfa796be07419f55ULL},
  {0x3fda0002f3e490ecULL, 0x3fd8b24fc21a4500ULL, 0x3feb77853b5ef7ddULL,
   0xbfd327cc8eae70cdULL, 0xbfbb3eb3d49e40daULL, 0x3fc7912d4d93f7eaULL,
   0xbfa888099e21606aULL},
  {0x3fda3fff458461b6ULL, 0x3fd8e9287754d2c0ULL, 0x3feb64546a0daf0eULL,
   0xbfd33bf3dc2a9a3fULL, 0xbfba82b14917d003ULL, 0x3fc771f17c7566cfULL,
   0xbfa972f93d700dd8ULL},
  {0x3fda800287e12aaeULL, 0x3fd91fe0a5dfd000ULL, 0x3feb510da0d82e05ULL,
   0xbfd34f90a76ad312ULL, 0xbfb9c798deec35adULL, 0x3fc751908a0ef43eULL,
   0xbfaa578b0872efc8ULL},
  {0x3fdac00149a86c84ULL, 0x3fd9566e5c4516e0ULL, 0x3feb3db4dd03f6b6ULL,
   0xbfd362a0291c1f82ULL, 0xbfb90d9503f6df60ULL, 0x3fc7301825091e92ULL,
   0xbfab35be577a022bULL},
  {0x3fdaffff2f4cc2e1ULL, 0x3fd98cd494226540ULL, 0x3feb2a499297200aULL,
   0xbfd375245153fd01ULL, 0xbfb854a3ae3de27eULL, 0x3fc70d8e7eb3f331ULL,
   0xbfac0d93b6ad570eULL},
  {0x3fdb4000c2f3711eULL, 0x3fd9c31701cdc4c0ULL, 0x3feb16caea63781bULL,
   0xbfd3871f3665b649ULL, 0xbfb79cc03f70fbc6ULL, 0x3fc6e9f9061dfc2eULL,
   0xbfacdf0cd837f9c3ULL},
  {0x3fdb8000a777e180ULL, 0x3fd9f930f3748f20ULL, 0x3feb033b0fb0162aULL,
   0xbfd3989025978cabULL, 0xbfb6e6025c765aabULL, 0x3fc6c5629c16d678ULL,
   0xbfadaa2c92a16ebfULL},
  {0x3fdbbffd087e14edULL, 0x3fda2f20bf0ddb00ULL, 0x3feaef9b1cce6e94ULL,
   0xbfd3a9778b73e3c3ULL, 0xbfb6307709efd1ccULL, 0x3fc69fd458408d3aULL,
   0xbfae6ef6d2e48013ULL},
  {0x3fdc0000f0086783ULL, 0x3fda64ef8d448080ULL, 0x3feadbe835990b5aULL,
   0xbfd3b9d927241b86ULL, 0xbfb57c06c20e4001ULL, 0x3fc6794f90e6c8abULL,
   0xbfaf2d709a630a27ULL},
  {0x3fdc4001863e58f8ULL, 0x3fda9a941c3a1ba0ULL, 0x3feac82635ed7dd2ULL,
   0xbfd3c9b30c075b50ULL, 0xbfb4c8d7a429793cULL, 0x3fc651e295903c22ULL,
   0xbfafe59ff0f8b649ULL},
  {0x3fdc7ffc6c62c3bfULL, 0x3fdad00c580a5840ULL, 0x3feab45662d1d808ULL,
   0xbfd3d905acbb06ecULL, 0xbfb416f7421e42dcULL, 0x3fc62996e5608efdULL,
   0xbfb04bc5f14b649aULL},
  {0x3fdcc00234b2a209ULL, 0x3fdb0565f68f3b40ULL, 0x3feaa0741e3dc946ULL,
   0xbfd3e7d5e2db674eULL, 0xbfb3663ea4833ffeULL, 0x3fc60069c4f0392bULL,
   0xbfb0a19e38b10201ULL},
  {0x3fdcfffcaac5f9f9ULL, 0x3fdb3a8e59c45cc0ULL, 0x3fea8c86d2389c24ULL,
   0xbfd3f61f8362b2cbULL, 0xbfb2b6f1c6c746a6ULL, 0x3fc5d671426d2946ULL,
   0xbfb0f45d4981ce75ULL},
  {0x3fdd40040d800c64ULL, 0x3fdb6f9988af6580ULL, 0x3fea78877498ced2ULL,
   0xbfd403e8ef8975c0ULL, 0xbfb208d4bea81e2bULL, 0x3fc5aba5283ffa4eULL,
   0xbfb1440811705130ULL},
  {0x3fdd7ffeb0e64500ULL, 0x3fdba4722324e140ULL, 0x3fea647e8c5ad680ULL,
   0xbfd4112da03f042dULL, 0xbfb15c339580389cULL, 0x3fc5801e49d9889eULL,
   0xbfb190a3ef96554fULL},
  {0x3fddbffe2dfcf4ebULL, 0x3fdbd9269f1d27a0ULL, 0x3fea50671ac286caULL,
   0xbfd41df2590a4de1ULL, 0xbfb0b0e48bd1efa5ULL, 0x3fc553d8702506d0ULL,
   0xbfb1da36ada415a6ULL},
  {0x3fddfffd8a34bbc2ULL, 0x3fdc0db2c4f7a2c0ULL, 0x3fea3c432ef70bb3ULL,
   0xbfd42a3716ee647cULL, 0xbfb006fadb6270bbULL, 0x3fc526de86f08de6ULL,
   0xbfb220c67e5061fbULL},
  {0x3fde3ffdd26415c0ULL, 0x3fdc421758282940ULL, 0x3fea2812f391ddcbULL,
   0xbfd435fd18eddf0aULL, 0xbfaebcf288a589afULL, 0x3fc4f9374cf96163ULL,
   0xbfb26459f6a18481ULL},
  {0x3fde7fff37f72672ULL, 0x3fdc765467aa3dc0ULL, 0x3fea13d6d6ce86b3ULL,
   0xbfd4414574037e91ULL, 0xbfad6ec93b2cc445ULL, 0x3fc4caea0564f101ULL,
   0xbfb2a4f80c49cd64ULL},
  {0x3fdebffda11bc00fULL, 0x3fdcaa6685e23660ULL, 0x3fe9ff90a25c2396ULL,
   0xbfd44c108a64724fULL, 0xbfac23992f871e82ULL, 0x3fc49c010afbfb85ULL,
   0xbfb2e2a80f0ff3feULL},
  {0x3fdeffff3313756dULL, 0x3fdcde529d30cc20ULL, 0x3fe9eb3edff9491fULL,
   0xbfd456607e6abaaeULL, 0xbfaadb4c3e8aa98dULL, 0x3fc46c7f25d8ff7dULL,
   0xbfb31d71a71d448dULL},
  {0x3fdf4001914b856eULL, 0x3fdd1216aac1bb20ULL, 0x3fe9d6e2c9bc4315ULL,
   0xbfd46036004e7e91ULL, 0xbfa995f7fb901f89ULL, 0x3fc43c6d3f5be04aULL,
   0xbfb3555cce8abf92ULL},
  {0x3fdf8003cd144428ULL, 0x3fdd45b1d93e9640ULL, 0x3fe9c27d256fdfebULL,
   0xbfd4699209f7c145ULL, 0xbfa853a9ed521174ULL, 0x3fc40bd32b27751fULL,
   0xbfb38a71cfa5c5f2ULL},
  {0x3fdfc00200545bd9ULL, 0x3fdd7920f536d960ULL, 0x3fe9ae0faae99ea5ULL,
   0xbfd4727538dd66f4ULL, 0xbfa7147db5484f74ULL, 0x3fc3dabaf8efc373ULL,
   0xbfb3bcb93ea6b864ULL},
  {0x3fdffffbda6f2aa8ULL, 0x3fddac63b420faa0ULL, 0x3fe9999aed4d0cabULL,
   0xbfd47ae0bfcc6072ULL, 0xbfa5d87c25bf7a4aULL, 0x3fc3a92bf5999ee5ULL,
   0xbfb3ec3bf7f09d08ULL},
  {0x3fe01fffa65118c8ULL, 0x3fdddf852bf70c00ULL, 0x3fe9851aecd72ae5ULL,
   0xbfd482d78f5794c5ULL, 0xbfa49f682e4a020bULL, 0x3fc3772225a156daULL,
   0xbfb4190319f58064ULL},
  {0x3fe040019c0b0556ULL, 0x3fde127dfa2ba200ULL, 0x3fe9709308c17a55ULL,
   0xbfd48a59957a7efdULL, 0xbfa369762648f2bbULL, 0x3fc344ab592569b1ULL,
   0xbfb4431803752ddbULL},
  {0x3fe05fffc24501dbULL, 0x3fde4547a495bcc0ULL, 0x3fe95c064f225b79ULL,
   0xbfd491672163f5b8ULL, 0xbfa236d34b79b89fULL, 0x3fc311d4b530b7beULL,
   0xbfb46a844d931476ULL},
  {0x3fe07ffe865125fcULL, 0x3fde77e92a5fad60ULL, 0x3fe947725c13b0eaULL,
   0xbfd498026f33abcaULL, 0xbfa1075ade947c6bULL, 0x3fc2de9dd8d5e01bULL,
   0xbfb48f51ca17ca60ULL},
  {0x3fe0a002107eac25ULL, 0x3fdeaa6908243180ULL, 0x3fe932d4f339824bULL,
   0xbfd49e2d7145f475ULL, 0xbf9fb5d800571424ULL, 0x3fc2ab0685d1cf84ULL,
   0xbfb4b18a7dbbbabeULL},
  {0x3fe0bfff7376e5d4ULL, 0x3fdedcb5f79ff560ULL, 0x3fe91e358ee1b492ULL,
   0xbfd4a3e749498453ULL, 0xbf9d63e4be685c6fULL, 0x3fc27726c4b1f032ULL,
   0xbfb4d1389e6ecc3aULL},
  {0x3fe0dffe1715ee2eULL, 0x3fdf0edb9be1bb80ULL, 0x3fe9098fd993bd60ULL,
   0xbfd4a9329b84e907ULL, 0xbf9b185ae07dba5eULL, 0x3fc242f8f2d7a804ULL,
   0xbfb4ee668ddaa340ULL},
  {0x3fe100017f3d776cULL, 0x3fdf40df6119e100ULL, 0x3fe8f4e1fb44bcfbULL,
   0xbfd4ae1116e3467eULL, 0xbf98d304cf368422ULL, 0x3fc20e7d736708aeULL,
   0xbfb5091ed7b3658dULL},
  {0x3fe11ffefd8c7b65ULL, 0x3fdf72b08fd21560ULL, 0x3fe8e0334770fb0aULL,
   0xbfd4b2825c0f6783ULL, 0xbf9694ac7ffe0364ULL, 0x3fc1d9cbe529bf4cULL,
   0xbfb5216c2c73e5f0ULL},
  {0x3fe14000afa3ee71ULL, 0x3fdfa45ee3324d60ULL, 0x3fe8cb7d9ff684dfULL,
   0xbfd4b68917add34dULL, 0xbf945ca367276e70ULL, 0x3fc1a4d9a1fbf3b1ULL,
   0xbfb537595fba2374ULL},
  {0x3fe15fff73336187ULL, 0x3fdfd5df3de48d00ULL, 0x3fe8b6c60cbe3546ULL,
   0xbfd4ba259b291bcbULL, 0xbf922b6f5fb712ccULL, 0x3fc16fb855e28b0bULL,
   0xbfb54af1633f423cULL},
  {0x3fe17fff6c447b82ULL, 0x3fe0039c0208ecc0ULL, 0x3fe8a20a48f15926ULL,
   0xbfd4bd59a5808ac3ULL, 0xbf9000cd5eef6f2aULL, 0x3fc13a66ebe54aa7ULL,
   0xbfb55c3f45420ce4ULL},
  {0x3fe19fffae932b61ULL, 0x3fe01c33e0091bc0ULL, 0x3fe88d4b55664e00ULL,
   0xbfd4c026579f5abbULL, 0xbf8bb9a68797c32aULL, 0x3fc104ec95d4f64eULL,
   0xbfb56b4e2bbc325eULL},
  {0x3fe1bfffba12ae50ULL, 0x3fe034b6d3aba020ULL, 0x3fe87889ebdccf04ULL,
   0xbfd4c28ce6d463c1ULL, 0xbf877f1cb36211fcULL, 0x3fc0cf4fb90b11e7ULL,
   0xbfb5782952dcbe1aULL},
  {0x3fe1e0014b459e41ULL, 0x3fe04d262dc05800ULL, 0x3fe863c551625b6aULL,
   0xbfd4c48eaffdd399ULL, 0xbf8351cb603059caULL, 0x3fc09992de65d0d9ULL,
   0xbfb582dc087bb367ULL},
  {0x3fe2000032306f33ULL, 0x3fe0657ebafb6ce0ULL, 0x3fe84f00a1e2eec3ULL,
   0xbfd4c62cb79ec8c6ULL, 0xbf7e6488d95de8d1ULL, 0x3fc063c2661df241ULL,
   0xbfb58b71aaa63badULL},
  {0x3fe22000d30a486cULL, 0x3fe07dc3d2165080ULL, 0x3fe83a3966b3e5bfULL,
   0xbfd4c7687de04deeULL, 0xbf763ff7800f052fULL, 0x3fc02ddc28f35eddULL,
   0xbfb591f5a351cf91ULL},
  {0x3fe23ffe215e03fcULL, 0x3fe095f19f380a00ULL, 0x3fe8257348be5f3fULL,
   0xbfd4c8431b793f77ULL, 0xbf6c6e63625993b8ULL, 0x3fbfefdb8c5e4b3bULL,
   0xbfb5967366fe9ca7ULL},
  {0x3fe260006833d65dULL, 0x3fe0ae0e6496a8c0ULL, 0x3fe810a945b44aa3ULL,
   0xbfd4c8be055b407aULL, 0xbf5920a7ae83f0a4ULL, 0x3fbf83dc860a6a5eULL,
   0xbfb598f670d98ee7ULL},
  {0x3fe28000e82d4d50ULL, 0x3fe0c615095f5300ULL, 0x3fe7fbe01e9337b7ULL,
   0xbfd4c8da573c6f6aULL, 0x3f38b6c7c50f565dULL, 0x3fbf17dbc9c4b6caULL,
   0xbfb5998a45d6dae0ULL},
  {0x3fe29fff203b6a0bULL, 0x3fe0de0530852720ULL, 0x3fe7e7188520538dULL,
   0xbfd4c899668c6963ULL, 0x3f6286ecbeca8ab0ULL, 0x3fbeabe49b6ac5bdULL,
   0xbfb5983a575a9684ULL},
  {0x3fe2c001e91a9d93ULL, 0x3fe0f5e3f7817a20ULL, 0x3fe7d24e63a45d97ULL,
   0xbfd4c7fc5f83c46dULL, 0x3f70e1995d9c800aULL, 0x3fbe3fe93721a8e0ULL,
   0xbfb59512377da840ULL},
  {0x3fe2dfffc6fb4948ULL, 0x3fe10daa4ce36040ULL, 0x3fe7bd883e39011fULL,
   0xbfd4c704b5eae11fULL, 0x3f786398192c622bULL, 0x3fbdd412b62ba357ULL,
   0xbfb5901d5f0e020eULL},
  {0x3fe2ffff39cb4eedULL, 0x3fe1255d0970ad60ULL, 0x3fe7a8c2365b7a9bULL,
   0xbfd4c5b38925f532ULL, 0x3f7fcb03785e3070ULL, 0x3fbd68540eedf3b3ULL,
   0xbfb58967479c252aULL},
  {0x3fe31ffe002e31cbULL, 0x3fe13cfa81fd3780ULL, 0x3fe793fe1bbe9667ULL,
   0xbfd4c40a3046f4c7ULL, 0x3f838bae8f5e6bf1ULL, 0x3fbcfcbd83775c98ULL,
   0xbfb580fb62e887abULL},
  {0x3fe34000edc7bffdULL, 0x3fe1548644d05200ULL, 0x3fe77f39244a1da5ULL,
   0xbfd4c2099fb764c1ULL, 0x3f8724e2851b0be5ULL, 0x3fbc9147507c76e0ULL,
   0xbfb576e519c7f0abULL},
  {0x3fe36001ce042830ULL, 0x3fe16bfbc1656ae0ULL, 0x3fe76a77ad3b2b77ULL,
   0xbfd4bfb374aac296ULL, 0x3f8ab07005b229c2ULL, 0x3fbc260e87dca54bULL,
   0xbfb56b2fc90df763ULL},
  {0x3fe37ffe89b8fc54ULL, 0x3fe1835977d0ba80ULL, 0x3fe755bb660caa3dULL,
   0xbfd4bd09308bb975ULL, 0x3f8e2e26fe0a1240ULL, 0x3fbbbb2218790f26ULL,
   0xbfb55de6c094f3daULL},
  {0x3fe3a0019b4da842ULL, 0x3fe19aa7100cd140ULL, 0x3fe740fdd801f889ULL,
   0xbfd4ba0b2c32c656ULL, 0x3f90cf998eca44a2ULL, 0x3fbb5066c9863443ULL,
   0xbfb54f15406672b5ULL},
  {0x3fe3c000ce6b63e8ULL, 0x3fe1b1dd1d0b0ae0ULL, 0x3fe72c45f28670e6ULL,
   0xbfd4b6bb92422e2eULL, 0x3f928141a0d32146ULL, 0x3fbae60637452321ULL,
   0xbfb53ec677d91f56ULL},
  {0x3fe3dfff114a2607ULL, 0x3fe1c8fdc6ff6f20ULL, 0x3fe71792206847a7ULL,
   0xbfd4b31b669bd306ULL, 0x3f942c3a04ffd28aULL, 0x3fba7bfde7fc0825ULL,
   0xbfb52d0582f471baULL},
  {0x3fe3ffffc1da9b7dULL, 0x3fe1e00b7f2e8840ULL, 0x3fe702e084371133ULL,
   0xbfd4af2b8012fbe4ULL, 0x3f95d0b4bfc47f4bULL, 0x3fba1249d80ab6c5ULL,
   0xbfb519dd69a4108dULL},
  {0x3fe41ffee11d9c33ULL, 0x3fe1f70367c3ec20ULL, 0x3fe6ee34026a76a0ULL,
   0xbfd4aaed96514b12ULL, 0x3f976e8307ba2905ULL, 0x3fb9a8fe261a1221ULL,
   0xbfb505591d552ba0ULL},
  {0x3fe43ffffa174676ULL, 0x3fe20de80faff860ULL, 0x3fe6d98a9ea6d162ULL,
   0xbfd4a6626b927b3bULL, 0x3f9905d8f84adbb0ULL, 0x3fb94015dd484db5ULL,
   0xbfb4ef83783eef44ULL},
  {0x3fe45fff0d457fa4ULL, 0x3fe224b69f675300ULL, 0x3fe6c4e73a093351ULL,
   0xbfd4a18bcbf2bff8ULL, 0x3f9a968a84bb8c16ULL, 0x3fb8d7a493fbb975ULL,
   0xbfb4d8673b37e4fbULL},
  {0x3fe47ffe8f910e57ULL, 0x3fe23b70dd92b840ULL, 0x3fe6b04889b04359ULL,
   0xbfd49c6a974b07ffULL, 0x3f9c20be25f20251ULL, 0x3fb86fa882e9673dULL,
   0xbfb4c00f0d12f550ULL},
  {0x3fe4a0017323fc6bULL, 0x3fe25218e34e3420ULL, 0x3fe69bacf277fe27ULL,
   0xbfd496ff7f856abaULL, 0x3f9da49e9928150cULL, 0x3fb8081e3eb66a26ULL,
   0xbfb4a68578ab06c5ULL},
  {0x3fe4c000b1bf0500ULL, 0x3fe268a9bd8b2c80ULL, 0x3fe6871942abbd42ULL,
   0xbfd4914cec74e64aULL, 0x3f9f21ded0c3eeecULL, 0x3fb7a1225b30aa05ULL,
   0xbfb48bd4ec53ef43ULL},
  {0x3fe4e0011d07207bULL, 0x3fe27f26da64f7a0ULL, 0x3fe6728aa7cfbeb2ULL,
   0xbfd48b533fcbb247ULL, 0x3fa04c60a7354a41ULL, 0x3fb73aaaeff6f27aULL,
   0xbfb47007b81a6bb2ULL},
  {0x3fe4fffe5f36eb46ULL, 0x3fe2958d35ddd180ULL, 0x3fe65e04307b6af3ULL,
   0xbfd48514828bb6e6ULL, 0x3fa1048e48993ed9ULL, 0x3fb6d4cb468d7c59ULL,
   0xbfb453280d484989ULL},
  {0x3fe520012afdf759ULL, 0x3fe2abe2eb1c3280ULL, 0x3fe649808dc5daadULL,
   0xbfd47e902c11e3b7ULL, 0x3fa1b9ae88e1b343ULL, 0x3fb66f6cff4501bfULL,
   0xbfb4353ffcd6b8deULL},
  {0x3fe54001dfdb2423ULL, 0x3fe2c222ab0402c0ULL, 0x3fe63504e7e657fbULL,
   0xbfd477c8eee53fa9ULL, 0x3fa26b9a696cd845ULL, 0x3fb60aad6a3aa6efULL,
   0xbfb416597704e1f4ULL},
  {0x3fe55ffe72d2a74fULL, 0x3fe2d84b16be7240ULL, 0x3fe62092ce54aedeULL,
   0xbfd470c07b764156ULL, 0x3fa31a4c4d9abee7ULL, 0x3fb5a697a899a63dULL,
   0xbfb3f67e49fa7fb1ULL},
  {0x3fe58000ee716c33ULL, 0x3fe2ee63284f3fe0ULL, 0x3fe60c24181c5720ULL,
   0xbfd46975c383b0c1ULL, 0x3fa3c5ffc40a1a5aULL, 0x3fb543110b7b3b72ULL,
   0xbfb3d5b821700401ULL},
  {0x3fe59fff9825cd2aULL, 0x3fe304642defcf40ULL, 0x3fe5f7bf3c14a317ULL,
   0xbfd461ec227a4cdeULL, 0x3fa46e856da8d837ULL, 0x3fb4e03c6162f4c8ULL,
   0xbfb3b410857f5976ULL},
  {0x3fe5bffdfe2a42cdULL, 0x3fe31a50a5110dc0ULL, 0x3fe5e36233cf1268ULL,
   0xbfd45a23f68b7dbcULL, 0x3fa513f5de40f0e9ULL, 0x3fb47e12de05901eULL,
   0xbfb39190da5cabb5ULL},
  {0x3fe5e00057330799ULL, 0x3fe3302b75253480ULL, 0x3fe5cf0a901da45aULL,
   0xbfd4521d552754cfULL, 0x3fa5b66bbbf000bbULL, 0x3fb41c8bd2baf7b2ULL,
   0xbfb36e425f53241aULL},
  {0x3fe600014d6055daULL, 0x3fe345f0ff2eda60ULL, 0x3fe5babbf2ea5900ULL,
   0xbfd449dab2008754ULL, 0x3fa655d118f56fbbULL, 0x3fb3bbbb89a0c1b2ULL,
   0xbfb34a2e2e8d60fcULL},
  {0x3fe620012c3809cbULL, 0x3fe35ba1812d5040ULL, 0x3fe5a676671e49e9ULL,
   0xbfd4415d230e6216ULL, 0x3fa6f22d6b05c7f7ULL, 0x3fb35ba4cfe6b72bULL,
   0xbfb3255d3c3bfa3bULL},
  {0x3fe6400087b47eccULL, 0x3fe3713d69715580ULL, 0x3fe59239c8fb0e69ULL,
   0xbfd438a5a5bd1f6eULL, 0x3fa78b897f9b13cfULL, 0x3fb2fc4974f57c8fULL,
   0xbfb2ffd8566caacaULL},
  {0x3fe66000a746397fULL, 0x3fe386c59d968940ULL, 0x3fe57e0583073c58ULL,
   0xbfd42fb4fe3d0083ULL, 0x3fa821f14b9e1eebULL, 0x3fb29da91952ee82ULL,
   0xbfb2d9a8245866a8ULL},
  {0x3fe68000e4e3094bULL, 0x3fe39c39b5fe3900ULL, 0x3fe569da36dd131eULL,
   0xbfd4268c74778fe0ULL, 0x3fa8b5679ab0310fULL, 0x3fb23fc8f2e43205ULL,
   0xbfb2b2d526483573ULL},
  {0x3fe6a001e2e37787ULL, 0x3fe3b19a27d52620ULL, 0x3fe555b7b5d865cdULL,
   0xbfd41d2cf1600cd3ULL, 0x3fa945f54b79e859ULL, 0x3fb1e2aa46a0b02dULL,
   0xbfb28b67b508a35bULL},
  {0x3fe6bffe0df4bbfbULL, 0x3fe3c6e346f2b6e0ULL, 0x3fe541a1b658afbeULL,
   0xbfd41399388da137ULL, 0x3fa9d387e5b3c2baULL, 0x3fb18660173397f9ULL,
   0xbfb2636801db4945ULL},
  {0x3fe6dfffea406ceaULL, 0x3fe3dc1c1bb3d400ULL, 0x3fe52d91d33ffe8eULL,
   0xbfd409cf36bcffe9ULL, 0x3faa5e54174405afULL, 0x3fb12acedc041806ULL,
   0xbfb23ade160d6557ULL},
  {0x3fe70000ed01ea65ULL, 0x3fe3f14054e51400ULL, 0x3fe5198c5c8b9119ULL,
   0xbfd3ffd1f2ea4ff7ULL, 0x3faae643308c81cdULL, 0x3fb0d00c1960aaf7ULL,
   0xbfb211d1d2f50d25ULL},
  {0x3fe7200200d515ebULL, 0x3fe40650983bb3e0ULL, 0x3fe50590f2175c71ULL,
   0xbfd3f5a2361bb15cULL, 0x3fab6b5f9b536afcULL, 0x3fb07617a731624dULL,
   0xbfb1e84af1a8c054ULL},
  {0x3fe740011323de6dULL, 0x3fe41b4b9483e720ULL, 0x3fe4f1a11027ba01ULL,
   0xbfd3eb41bb978c8fULL, 0x3fabeda77765626aULL, 0x3fb01cf997f58c8aULL,
   0xbfb1be5103074348ULL},
  {0x3fe75fff25cab4caULL, 0x3fe430320001d5c0ULL, 0x3fe4ddbc4573fb6cULL,
   0xbfd3e0b141f21d2aULL, 0x3fac6d25d1bda00fULL, 0x3faf89625935ee68ULL,
   0xbfb193eb6f8e0689ULL},
  {0x3fe77ffe90921f76ULL, 0x3fe445056cc6af00ULL, 0x3fe4c9e14cffbdaeULL,
   0xbfd3d5f10b247ec4ULL, 0x3face9ea943f4516ULL, 0x3faeda73f24a8af1ULL,
   0xbfb16921776aac42ULL},
  {0x3fe79ffe47b2f83bULL, 0x3fe459c535c19f20ULL, 0x3fe4b610fc8f20bdULL,
   0xbfd3cb0273df2a0dULL, 0x3fad63f823c5d6deULL, 0x3fae2d319c5116abULL,
   0xbfb13dfa326e2972ULL},
  {0x3fe7bfff2f1e79a9ULL, 0x3fe46e71f84df5c0ULL, 0x3fe4a24af586b1bdULL,
   0xbfd3bfe62ef81e5bULL, 0x3faddb58738896f0ULL, 0x3fad819a2515de78ULL,
   0xbfb1127c9026fdd0ULL},
  {0x3fe7e001973c8d05ULL, 0x3fe4830bf0fb9580ULL, 0x3fe48e8f3466b08eULL,
   0xbfd3b49d1c53a01aULL, 0x3fae501325103eedULL, 0x3facd7af5290f4afULL,
   0xbfb0e6af57ef003bULL},
  {0x3fe7ffff69efc092ULL, 0x3fe4978f431c3800ULL, 0x3fe47ae1a3e1064aULL,
   0xbfd3a92a666c50c4ULL, 0x3faec2194098a4beULL, 0x3fac2f942eee57e0ULL,
   0xbfb0ba99290d5730ULL},
  {0x3fe82001c52b5232ULL, 0x3fe4ac01d2b83340ULL, 0x3fe4673cd31b7cf5ULL,
   0xbfd39d8bc67d05f0ULL, 0x3faf31922a81b5d5ULL, 0x3fab891b8aa20e90ULL,
   0xbfb08e407adcefd6ULL},
  {0x3fe84000bd4d4e3fULL, 0x3fe4c05e9b1dbc60ULL, 0x3fe453a5c8d629f7ULL,
   0xbfd391c513e9ef47ULL, 0x3faf9e6917383d6bULL, 0x3faae471278e21b9ULL,
   0xbfb061ab9cf54d10ULL},
  {0x3fe860018c869cbdULL, 0x3fe4d4a8fd2285a0ULL, 0x3fe4401979b82471ULL,
   0xbfd385d55c3e2929ULL, 0x3fb0045b7b2c8ff2ULL, 0x3faa417c39d7ca4fULL,
   0xbfb034e0b767b7d4ULL},
  {0x3fe87ffeb5db3710ULL, 0x3fe4e8dd8b93bca0ULL, 0x3fe42c9b66c6e6bfULL,
   0xbfd379bfa32ee2a1ULL, 0x3fb038386187fe0fULL, 0x3fa9a05a8b3a0b33ULL,
   0xbfb007e5caee03a9ULL},
  {0x3fe8a000863c77e3ULL, 0x3fe4fd018fcd1e80ULL, 0x3fe41926a8a8093fULL,
   0xbfd36d81b5ee344dULL, 0x3fb06adc2841f292ULL, 0x3fa900e42484560bULL,
   0xbfafb58162792f0aULL},
  {0x3fe8bfff0ed982afULL, 0x3fe5111016e28ac0ULL, 0x3fe405c0389112eeULL,
   0xbfd3611f89d38dc7ULL, 0x3fb09c3db450b9f7ULL, 0x3fa86342312d0c4aULL,
   0xbfaf5aee3a6ca012ULL},
  {0x3fe8e00002c3aeaeULL, 0x3fe5250cc0ab0a40ULL, 0x3fe3f264c65593c5ULL,
   0xbfd35497d82be900ULL, 0x3fb0cc6968546d39ULL, 0x3fa7c759db8499fdULL,
   0xbfaf001d36a32337ULL},
  {0x3fe90000ecbfa97bULL, 0x3fe538f60e8d4ee0ULL, 0x3fe3df15f4119333ULL,
   0xbfd347ec7d2149f4ULL, 0x3fb0fb5efa921d3cULL, 0x3fa72d3869693e89ULL,
   0xbfaea51923a0f5f3ULL},
  {0x3fe91fffd251c01cULL, 0x3fe54ccad3f3bd20ULL, 0x3fe3cbd51554dd15ULL,
   0xbfd33b1f2bc94245ULL, 0x3fb1291f2fc4c3f6ULL, 0x3fa694e81b7a765cULL,
   0xbfae49ec826e86f6ULL},
  {0x3fe94001d90af4e6ULL, 0x3fe5608e4d4ec640ULL, 0x3fe3b89f3445ef72ULL,
   0xbfd32e2eb7bbd79aULL, 0x3fb155b4e401d071ULL, 0x3fa5fe513a256f1cULL,
   0xbfadeea1890ff662ULL},
  {0x3fe9600104fd6c17ULL, 0x3fe5743cd5673c20ULL, 0x3fe3a57809ebc6e2ULL,
   0xbfd3211e6da5039cULL, 0x3fb1811b4e62286bULL, 0x3fa5699071bece9dULL,
   0xbfad934223911641ULL},
  {0x3fe980002d214b82ULL, 0x3fe587d83b0d6120ULL, 0x3fe3925e01eaac3eULL,
   0xbfd313ee08425504ULL, 0x3fb1ab5a02bdb571ULL, 0x3fa4d6989ebd70b8ULL,
   0xbfad37d7f482965aULL},
  {0x3fe99ffdeb980651ULL, 0x3fe59b5fb16ba7a0ULL, 0x3fe37f5210b1ab7aULL,
   0xbfd3069ef993d676ULL, 0x3fb1d472cded25a8ULL, 0x3fa445702d0abd9aULL,
   0xbfacdc6c56221aa1ULL},
  {0x3fe9bfffe5504053ULL, 0x3fe5aed6b55de6a0ULL, 0x3fe36c50fa91c51eULL,
   0xbfd2f92fbe311e56ULL, 0x3fb1fc705be3af05ULL, 0x3fa3b5fdacd5cdc7ULL,
   0xbfac81085adbb9b8ULL},
  {0x3fe9e0016e60a234ULL, 0x3fe5c23a79acd480ULL, 0x3fe3595da5fab2eaULL,
   0xbfd2eba31ddeceeaULL, 0x3fb2235035736518ULL, 0x3fa3285622f9fd28ULL,
   0xbfac25b4ce8b2259ULL},
  {0x3fe9ffffb685741bULL, 0x3fe5d5895ad40460ULL, 0x3fe34679d832b8d3ULL,
   0xbfd2ddfb230eda41ULL, 0x3fb24912b23c0ba2ULL, 0x3fa29c854c4e86daULL,
   0xbfabca7a37002a55ULL},
  {0x3fea20019d59b943ULL, 0x3fe5e8c78c187ea0ULL, 0x3fe333a19ede2183ULL,
   0xbfd2d035b0043779ULL, 0x3fb26dc37ab9110cULL, 0x3fa2126c959cfc0eULL,
   0xbfab6f60d556233eULL},
  {0x3fea3fffbe9e153fULL, 0x3fe5fbf0a9c08ae0ULL, 0x3fe320d96f7861aaULL,
   0xbfd2c256c2200f18ULL, 0x3fb2915da6795293ULL, 0x3fa18a2b256a8fdeULL,
   0xbfab1470a67a4e89ULL},
  {0x3fea5ffe7a23a1ceULL, 0x3fe60f0763200600ULL, 0x3fe30e1ed13d395eULL,
   0xbfd2b45d44403932ULL, 0x3fb2b3e9c967f013ULL, 0x3fa103ad35d002b8ULL,
   0xbfaab9b16496a8f1ULL},
  {0x3fea800157f250b8ULL, 0x3fe6220ddd6453a0ULL, 0x3fe2fb6fcfffcc1eULL,
   0xbfd2a6486f8d8291ULL, 0x3fb2d56f03654cc3ULL, 0x3fa07ee34bb6e7a6ULL,
   0xbfaa5f2a87992f03ULL},
  {0x3feaa000dd839d49ULL, 0x3fe634ffb412c9a0ULL, 0x3fe2e8d0e2d59e01ULL,
   0xbfd2981c5467cfddULL, 0x3fb2f5e8ff1fadb5ULL, 0x3f9ff7d6a3ba803cULL,
   0xbfaa04e346af8db7ULL},
  {0x3feac000770df220ULL, 0x3fe647defef70020ULL, 0x3fe2d640220aff7fULL,
   0xbfd289d836f9e74fULL, 0x3fb3155ee509140aULL, 0x3f9ef56b61ab0b7fULL,
   0xbfa9aae298ce391fULL},
  {0x3feae001125bbe48ULL, 0x3fe65aac57a24d20ULL, 0x3fe2c3bd1bfb3559ULL,
   0xbfd27b7c6dde55ddULL, 0x3fb333d515c4c270ULL, 0x3f9df67a9bac4ecfULL,
   0xbfa9512f363a972bULL},
  {0x3feafffe7c321839ULL, 0x3fe66d65569b83c0ULL, 0x3fe2b14a53fbf8d9ULL,
   0xbfd26d0b9cfa03ceULL, 0x3fb3514b2caa2e0cULL, 0x3f9cfb224597be9aULL,
   0xbfa8f7cf99110022ULL},
  {0x3feb1ffe75486924ULL, 0x3fe6800d68cefb40ULL, 0x3fe29ee48e6aa814ULL,
   0xbfd25e83e8afa7ebULL, 0x3fb36dc9fb0e8ac8ULL, 0x3f9c0331ad5d66caULL,
   0xbfa89ec9fedb1e8bULL},
  {0x3feb40015fb8deb8ULL, 0x3fe692a4d137c500ULL, 0x3fe28c8babff668eULL,
   0xbfd24fe5d8e71e0aULL, 0x3fb389551297317aULL, 0x3f9b0ea31d844655ULL,
   0xbfa846246914067dULL},
  {0x3feb6000386c27b9ULL, 0x3fe6a5278cdf6fc0ULL, 0x3fe27a43c5758db8ULL,
   0xbfd2413559cadce0ULL, 0x3fb3a3e9ee34ae91ULL, 0x3f9a1da81c5fff05ULL,
   0xbfa7ede49ec8aac6ULL},
  {0x3feb8000d1efddb3ULL, 0x3fe6b7990accb660ULL, 0x3fe268099983aab2ULL,
   0xbfd2327076047e08ULL, 0x3fb3bd90f132139bULL, 0x3f99301058deb3e1ULL,
   0xbfa796102d194ce9ULL},
  {0x3feb9ffe42cc4047ULL, 0x3fe6c9f686445e60ULL, 0x3fe255e0069f871fULL,
   0xbfd2239a25461639ULL, 0x3fb3d649a926c127ULL, 0x3f9845fbc5a21f70ULL,
   0xbfa73eac68e20be6ULL},
  {0x3febc001951aeaadULL, 0x3fe6dc453c4e45a0ULL, 0x3fe243c1ff6573b0ULL,
   0xbfd214aee38fa7e7ULL, 0x3fb3ee1e5ea1330fULL, 0x3f975f242bcce6dfULL,
   0xbfa6e7be6f3902c5ULL},
  {0x3febdffe6616fe11ULL, 0x3fe6ee7e27106fe0ULL, 0x3fe231b697b587f0ULL,
   0xbfd205b5240fef32ULL, 0x3fb4050944eb818cULL, 0x3f967bde108160f9ULL,
   0xbfa6914b271d18adULL},
  {0x3febffff54511c72ULL, 0x3fe700a7643bbb40ULL, 0x3fe21fb7e1823c8bULL,
   0xbfd1f6a89a854f7aULL, 0x3fb41b1571f04837ULL, 0x3f959bd8bbd10f7cULL,
   0xbfa63b5741f03711ULL},
  {0x3fec2000c537593eULL, 0x3fe712bef36d6400ULL, 0x3fe20dc7f754b2d5ULL,
   0xbfd1e78b9d24dbedULL, 0x3fb4304394f485e0ULL, 0x3f94bf29122a6884ULL,
   0xbfa5e5e73d2aa4e9ULL},
  {0x3fec4000ddd35719ULL, 0x3fe724c3d7fa3000ULL, 0x3fe1fbe7f2a8b1bfULL,
   0xbfd1d85fb25dddf6ULL, 0x3fb44495d2e3b20fULL, 0x3f93e5d67fcc1b30ULL,
   0xbfa590ff62d0d00fULL},
  {0x3fec6000402375b6ULL, 0x3fe736b67dff3720ULL, 0x3fe1ea1786c92387ULL,
   0xbfd1c92531ddfc58ULL, 0x3fb4580ff8b6cbc2ULL, 0x3f930fd700ce998eULL,
   0xbfa53ca3cb299e5fULL},
  {0x3fec7fff19904fe4ULL, 0x3fe748970f395860ULL, 0x3fe1d856a825ba33ULL,
   0xbfd1b9dca75e0fc5ULL, 0x3fb46ab579f8fd7dULL, 0x3f923d23a5a90afeULL,
   0xbfa4e8d85d2f574bULL},
  {0x3fec9ffef9e2409dULL, 0x3fe75a6679e7f1c0ULL, 0x3fe1c6a48740d2e9ULL,
   0xbfd1aa85f198392cULL, 0x3fb47c8a808c583aULL, 0x3f916dac857f2526ULL,
   0xbfa495a0d0477576ULL},
  {0x3fecc001e038ef72ULL, 0x3fe76c25e6815140ULL, 0x3fe1b50019bdadf8ULL,
   0xbfd19b20b4a469aeULL, 0x3fb48d9342387ea2ULL, 0x3f90a15f7305baf5ULL,
   0xbfa44300acae4e17ULL},
  {0x3fecdffeeb72037fULL, 0x3fe77dd07a7a4aa0ULL, 0x3fe1a36e4f1f6702ULL,
   0xbfd18bb1d0992cf8ULL, 0x3fb49dce5aa4990dULL, 0x3f8fb0dd63759665ULL,
   0xbfa3f0fb4d2f0c0fULL},
  {0x3fecffffea4839edULL, 0x3fe78f6bb17088c0ULL, 0x3fe191e9cf32122fULL,
   0xbfd17c35220400acULL, 0x3fb4ad440a159641ULL, 0x3f8e252c80894ca9ULL,
   0xbfa39f93df89c265ULL},
  {0x3fed1ffdec3ec8b2ULL, 0x3fe7a0f3c8c6c880ULL, 0x3fe18076729f01d6ULL,
   0xbfd16cae98515540ULL, 0x3fb4bbf41b0933ffULL, 0x3f8c9ff5e09a60cdULL,
   0xbfa34ecd662a5704ULL},
  {0x3fed3fff7084edd4ULL, 0x3fe7b26c5f02f220ULL, 0x3fe16f10b9973206ULL,
   0xbfd15d1b9e1e0a54ULL, 0x3fb4c9e4ac2c9a30ULL, 0x3f8b20ddefce76ccULL,
   0xbfa2feaab888bc37ULL},
  {0x3fed5ffe8d728e7cULL, 0x3fe7c3d2488d7e80ULL, 0x3fe15dbbe622a5a7ULL,
   0xbfd14d7fa305ceb2ULL, 0x3fb4d716417bf1c7ULL, 0x3f89a81ee19fe239ULL,
   0xbfa2af2e84ddad07ULL},
  {0x3fed7fff70aa3b03ULL, 0x3fe7d527db239580ULL, 0x3fe14c75be4fea01ULL,
   0xbfd13dd92ad706aaULL, 0x3fb4e38db49d32aaULL, 0x3f88357a37df2b6dULL,
   0xbfa2605b507cd77bULL},
  {0x3fed9fff1434fba3ULL, 0x3fe7e66b82c8a720ULL, 0x3fe13b3fed9b7fedULL,
   0xbfd12e2a3ac9d646ULL, 0x3fb4ef4ce7b01cf5ULL, 0x3f86c905d25fd52dULL,
   0xbfa21233798666efULL},
  {0x3fedbffea8c8de8cULL, 0x3fe7f79df4a0a520ULL, 0x3fe12a19d7fc2119ULL,
   0xbfd11e72c6be19dfULL, 0x3fb4fa57634e1b91ULL, 0x3f8562a647f96df5ULL,
   0xbfa1c4b9373af599ULL},
  {0x3fede00026573df5ULL, 0x3fe808c04dbcb960ULL, 0x3fe119027903e4b9ULL,
   0xbfd10eb25cdfed06ULL, 0x3fb504b0cca681faULL, 0x3f8402386f3cde09ULL,
   0xbfa177ee9ba8fa6aULL},
  {0x3fedfffe35009b66ULL, 0x3fe819cfc2cb5340ULL, 0x3fe107fcb1c942b5ULL,
   0xbfd0feec230d7d92ULL, 0x3fb50e5a75c5b4f1ULL, 0x3f82a7e8e3c139d8ULL,
   0xbfa12bd593fa642bULL},
  {0x3fee2000492d4c68ULL, 0x3fe82ad05ccb8680ULL, 0x3fe0f704928e55dfULL,
   0xbfd0ef1cee0b0721ULL, 0x3fb51759937bfb74ULL, 0x3f8153592bc9fddbULL,
   0xbfa0e06fea1d1824ULL},
  {0x3fee40009412bb65ULL, 0x3fe83bbf14001a60ULL, 0x3fe0e61d37f485daULL,
   0xbfd0df481b2bd37dULL, 0x3fb51faf64024d14ULL, 0x3f8004b99b849698ULL,
   0xbfa095bf450a2434ULL},
  {0x3fee5fff4758ef2fULL, 0x3fe84c9c1531c180ULL, 0x3fe0d5468b7fece7ULL,
   0xbfd0cf6e105bfe1eULL, 0x3fb5275ef9c5e03aULL, 0x3f7d77f217aa1137ULL,
   0xbfa04bc52a6891e1ULL},
  {0x3fee8000380f819fULL, 0x3fe85d6974ccc060ULL, 0x3fe0c47e8f1da5b5ULL,
   0xbfd0bf8d62ad700fULL, 0x3fb52e6c1f3fbc2bULL, 0x3f7af1c3ee24ad7dULL,
   0xbfa00282fece26c9ULL},
  {0x3feea000a6d8cb7bULL, 0x3fe86e25d00e3a60ULL, 0x3fe0b3c6ba314d62ULL,
   0xbfd0afa7e7cb2d84ULL, 0x3fb534d908e9071fULL, 0x3f7877044ce5e5c9ULL,
   0xbf9f73f40eb7c9d5ULL},
  {0x3feec0005a13ba60ULL, 0x3fe87ed119b163e0ULL, 0x3fe0a31f2ebb7ad7ULL,
   0xbfd09fbe33a3fce1ULL, 0x3fb53aa889d9af5dULL, 0x3f760799f7f7040bULL,
   0xbf9ee456d3f0b3fbULL},
  {0x3feedfff58f8dd18ULL, 0x3fe88f6b6681ca80ULL, 0x3fe09287ec4360b3ULL,
   0xbfd08fd0b7ce07e5ULL, 0x3fb53fdd7bdedd3fULL, 0x3f73a36670c52e66ULL,
   0xbf9e56305dca7315ULL},
  {0x3feeffffbe033400ULL, 0x3fe89ff5dd4d7960ULL, 0x3fe081ffdffe15bdULL,
   0xbfd07fdedae56c0fULL, 0x3fb5447af84d6f5dULL, 0x3f714a247982941eULL,
   0xbf9dc98281e68835ULL},
  {0x3fef2001e6b5125dULL, 0x3fe8b070bbe88160ULL, 0x3fe07186df7122e2ULL,
   0xbfd06fe8de905325ULL, 0x3fb54883b5deec7aULL, 0x3f6df762b4a186d5ULL,
   0xbf9d3e4ede20f495ULL},
  {0x3fef3ffdf770e0dbULL, 0x3fe8c0d809e96380ULL, 0x3fe06120f5a576a9ULL,
   0xbfd05ff31d2912ffULL, 0x3fb54bf98cd1001fULL, 0x3f6970fc6e90dc16ULL,
   0xbf9cb496d8eb587eULL},
  {0x3fef5ffe4e16da33ULL, 0x3fe8d13129bccdc0ULL, 0x3fe050c8d33ba4e9ULL,
   0xbfd04ff8d74c83d2ULL, 0x3fb54ee0592bb252ULL, 0x3f64ff617193eeb5ULL,
   0xbf9c2c5ba459ac86ULL},
  {0x3fef80004576ff2eULL, 0x3fe8e17acce443a0ULL, 0x3fe0407fd8a97b6cULL,
   0xbfd03ffbc91b3e55ULL, 0x3fb5513a5f3357f7ULL, 0x3f60a2ba14c92b53ULL,
   0xbf9ba59e3e70df71ULL},
  {0x3fef9fff39b6a330ULL, 0x3fe8f1b2a7f515a0ULL, 0x3fe0304863064158ULL,
   0xbfd02ffeacbaada8ULL, 0x3fb55309f27448c0ULL, 0x3f58b6d64850006bULL,
   0xbf9b205f742323dfULL},
  {0x3fefc001aa76c0b9ULL, 0x3fe901dc15d66d80ULL, 0x3fe0201f28d9b4aaULL,
   0xbfd01ffea98d4c38ULL, 0x3fb55452089780f8ULL, 0x3f5050b57f35c5bbULL,
   0xbf9a9c9fe19247afULL},
  {0x3fefdffe39a592caULL, 0x3fe911f26d88a780ULL, 0x3fe01008e40c6538ULL,
   0xbfd01000d31688deULL, 0x3fb55514e32f1816ULL, 0x3f402a154e1628d2ULL,
   0xbf9a1a5ff4faf5a0ULL},
  {0x3feff8018e92d1b0ULL, 0x3fe91dfb9bb4bf00ULL, 0x3fe003ffb884c5a9ULL,
   0xbfd003ff3876a954ULL, 0x3fb555515539ddfbULL, 0x3f2007e77b95e6c2ULL,
   0xbf99b9a718a3ba58ULL},
};

#define PYM_ATAN_CIJ(i, j) pym_asdouble(pym_atan_cij[i][j])
#define PYM_ATAN_D3 pym_asdouble(0xbfd5555555555555ULL)
#define PYM_ATAN_D5 pym_asdouble(0x3fc99999999997fdULL)
#define PYM_ATAN_D7 pym_asdouble(0xbfc24924923f7603ULL)
#define PYM_ATAN_D9 pym_asdouble(0x3fbc71c6e5129a3bULL)
#define PYM_ATAN_D11 pym_asdouble(0xbfb7458022b13c25ULL)
#define PYM_ATAN_D13 pym_asdouble(0x3fb375f08b31cbceULL)
#define PYM_ATAN_HPI pym_asdouble(0x3ff921fb54442d18ULL)   // pi/2
#define PYM_ATAN_HPI1 pym_asdouble(0x3c91a62633145c07ULL)  // pi/2 - hpi
#define PYM_ATAN_OPI pym_asdouble(0x400921fb54442d18ULL)   // pi
#define PYM_ATAN_OPI1 pym_asdouble(0x3ca1a62633145c07ULL)  // pi - opi
#define PYM_ATAN_QPI pym_asdouble(0x3fe921fb54442d18ULL)   // pi/4
#define PYM_ATAN_TQPI pym_asdouble(0x4002d97c7f3321d2ULL)  // 3pi/4
#define PYM_TWO52 0x1.0p52

// dla.h's EMULV: z + zz = x * y exactly.
PYM_FN void pym_emulv(double x, double y, double *z, double *zz) {
#if PYM_LIBM_FMA
  *z = x * y;
  *zz = fma(x, y, -*z);
#else
  const double cn = 134217729.0;  // 2^27 + 1
  double p, hx, tx, hy, ty;
  p = cn * x;
  hx = (x - p) + p;
  tx = x - hx;
  p = cn * y;
  hy = (y - p) + p;
  ty = y - hy;
  *z = x * y;
  *zz = (((hx * hy - *z) + hx * ty) + tx * hy) + tx * ty;
#endif
}

// d3 + v * (d5 + v * (... + v * d13)), as glibc nests it
PYM_FN double pym_atan_poly(double v) {
  double yy = PYM_MA(v, PYM_ATAN_D13, PYM_ATAN_D11);
  yy = PYM_MA(v, yy, PYM_ATAN_D9);
  yy = PYM_MA(v, yy, PYM_ATAN_D7);
  yy = PYM_MA(v, yy, PYM_ATAN_D5);
  return PYM_MA(v, yy, PYM_ATAN_D3);
}

// cij[i][2] + z * (cij[i][3] + ... + z * cij[i][6]), innermost first
PYM_FN double pym_atan_cpoly(int i, double z) {
  double yy = PYM_MA(z, PYM_ATAN_CIJ(i, 6), PYM_ATAN_CIJ(i, 5));
  yy = PYM_MA(z, yy, PYM_ATAN_CIJ(i, 4));
  yy = PYM_MA(z, yy, PYM_ATAN_CIJ(i, 3));
  return PYM_MA(z, yy, PYM_ATAN_CIJ(i, 2));
}

// glibc's atan.
PYM_FN double pym_libm_atan(double x) {
  double cor, t1, t2, t3, u, v, w, ww, yy, z;
  double y;
  int i;
  uint64_t ix = pym_asuint64(x);
  if ((ix & 0x7ff0000000000000ULL) == 0x7ff0000000000000ULL &&
      (ix & 0x000fffffffffffffULL) != 0)
    return x + x;  // NaN
  u = (x < 0) ? -x : x;
  if (u < 1.0) {
    if (u < 0x1p-4) {
      if (u < pym_asdouble(0x3e4bb67a00000000ULL))  // 1.290e-8
        return x;
      v = x * x;
      return PYM_MA(pym_atan_poly(v), x * v, x);
    }
    i = (int)(PYM_MA(256, u, PYM_TWO52) - PYM_TWO52) - 16;
    z = u - PYM_ATAN_CIJ(i, 0);
    y = PYM_MA(pym_atan_cpoly(i, z), z, PYM_ATAN_CIJ(i, 1));
    return copysign(y, x);
  }
  if (u < 16.0) {
    w = 1 / u;
    pym_emulv(w, u, &t1, &t2);
    i = (int)(PYM_MA(256, w, PYM_TWO52) - PYM_TWO52) - 16;
    z = PYM_MA(w, (1 - t1) - t2, w - PYM_ATAN_CIJ(i, 0));
    yy = PYM_MA(-z, pym_atan_cpoly(i, z), PYM_ATAN_HPI1);
    t1 = PYM_ATAN_HPI - PYM_ATAN_CIJ(i, 1);
    return copysign(t1 + yy, x);
  }
  if (u < pym_asdouble(0x43349ff200000000ULL)) {  // 5.805e15
    w = 1 / u;
    v = w * w;
    pym_emulv(w, u, &t1, &t2);
    double p = pym_atan_poly(v);
    t3 = PYM_ATAN_HPI - w;  // ESUB (HPI, w, t3, cor)
    cor = (PYM_ATAN_HPI > fabs(w)) ? ((PYM_ATAN_HPI - t3) - w)
                                   : (PYM_ATAN_HPI - (w + t3));
    // not fused: ESUB's branch puts the uses in another block
    ww = w * ((1 - t1) - t2);
    yy = ((PYM_ATAN_HPI1 + cor) - ww) - p * (w * v);
    return copysign(t3 + yy, x);
  }
  return x > 0 ? PYM_ATAN_HPI : -PYM_ATAN_HPI;
}

// glibc's atan2 (__ieee754_atan2; its wrapper only sets errno).
PYM_FN double pym_libm_atan2(double y, double x) {
  int i, de;
  double ax, ay, u, du, v, vv, dv, t1, t2, t3, zz, cor;
  uint64_t bx = pym_asuint64(x), by = pym_asuint64(y);
  uint32_t ux = (uint32_t)(bx >> 32), dx = (uint32_t)bx;
  uint32_t uy = (uint32_t)(by >> 32), dy = (uint32_t)by;
  if ((ux & 0x7ff00000) == 0x7ff00000 && ((ux & 0x000fffff) | dx) != 0)
    return x + x;  // x NaN: glibc's binary returns x's (quieted)
  if ((uy & 0x7ff00000) == 0x7ff00000 && ((uy & 0x000fffff) | dy) != 0)
    return y + y;  // y NaN
  if (uy == 0x00000000 && dy == 0)  // y = +0
    return (ux & 0x80000000) == 0 ? 0 : PYM_ATAN_OPI;
  if (uy == 0x80000000 && dy == 0)  // y = -0
    return (ux & 0x80000000) == 0 ? -0.0 : -PYM_ATAN_OPI;
  if (x == 0)
    return (uy & 0x80000000) == 0 ? PYM_ATAN_HPI : -PYM_ATAN_HPI;
  if (ux == 0x7ff00000 && dx == 0) {  // x = +inf
    if (uy == 0x7ff00000 && dy == 0)
      return PYM_ATAN_QPI;
    if (uy == 0xfff00000 && dy == 0)
      return -PYM_ATAN_QPI;
    if (uy != 0x7ff00000 && uy != 0xfff00000)
      return (uy & 0x80000000) == 0 ? 0 : -0.0;
  } else if (ux == 0xfff00000 && dx == 0) {  // x = -inf
    if (uy == 0x7ff00000 && dy == 0)
      return PYM_ATAN_TQPI;
    if (uy == 0xfff00000 && dy == 0)
      return -PYM_ATAN_TQPI;
    if (uy != 0x7ff00000 && uy != 0xfff00000)
      return (uy & 0x80000000) == 0 ? PYM_ATAN_OPI : -PYM_ATAN_OPI;
  }
  if (uy == 0x7ff00000 && dy == 0)
    return PYM_ATAN_HPI;
  if (uy == 0xfff00000 && dy == 0)
    return -PYM_ATAN_HPI;
  // either x/y or y/x is very close to zero
  ax = (x < 0) ? -x : x;
  ay = (y < 0) ? -y : y;
  de = (int)(uy & 0x7ff00000) - (int)(ux & 0x7ff00000);
  if (de >= 59768832)  // 57*16**5
    return (y > 0) ? PYM_ATAN_HPI : -PYM_ATAN_HPI;
  if (de <= -59768832) {
    if (x > 0)
      return copysign(ay / ax, y);
    return (y > 0) ? PYM_ATAN_OPI : -PYM_ATAN_OPI;
  }
  // if either x or y is extremely close to zero, scale abs(x), abs(y).
  if (ax < 0x1p-500 || ay < 0x1p-500) {
    ax *= 0x1p500;
    ay *= 0x1p500;
  }
  if (ax > 0x1p500 || ay > 0x1p500) {
    ax *= 0x1p-500;
    ay *= 0x1p-500;
  }
  if (ay < ax) {
    u = ay / ax;
    pym_emulv(ax, u, &v, &vv);
    du = ((ay - v) - vv) / ax;
  } else {
    u = ax / ay;
    pym_emulv(ay, u, &v, &vv);
    du = ((ax - v) - vv) / ay;
  }
  if (x > 0) {
    if (ay < ax) {  // (i) x>0, abs(y)< abs(x): atan(ay/ax)
      if (u < 0x1p-4) {
        v = u * u;
        zz = PYM_MA(u * v, pym_atan_poly(v), du);
        return copysign(u + zz, y);
      }
      i = (int)(PYM_MA(256, u, PYM_TWO52) - PYM_TWO52) - 16;
      t3 = u - PYM_ATAN_CIJ(i, 0);
      v = t3 + du;  // EADD (t3, du, v, dv)
      dv = (fabs(t3) > fabs(du)) ? ((t3 - v) + du) : ((du - v) + t3);
      t1 = PYM_ATAN_CIJ(i, 1);
      t2 = PYM_ATAN_CIJ(i, 2);
      double q = PYM_MA(v, PYM_MA(v, PYM_MA(v, PYM_ATAN_CIJ(i, 6),
                                            PYM_ATAN_CIJ(i, 5)),
                                  PYM_ATAN_CIJ(i, 4)),
                        PYM_ATAN_CIJ(i, 3));
      zz = PYM_MA(v, t2, PYM_MA(dv, t2, v * v * q));
      return copysign(t1 + zz, y);
    }
    // (ii) x>0, abs(x)<=abs(y): pi/2-atan(ax/ay)
    if (u < 0x1p-4) {
      v = u * u;
      double p = pym_atan_poly(v);
      t2 = PYM_ATAN_HPI - u;  // ESUB (hpi, u, t2, cor)
      cor = (PYM_ATAN_HPI > fabs(u)) ? ((PYM_ATAN_HPI - t2) - u)
                                     : (PYM_ATAN_HPI - (u + t2));
      t3 = ((PYM_ATAN_HPI1 + cor) - du) - u * v * p;  // not fused: as atan
      return copysign(t2 + t3, y);
    }
    i = (int)(PYM_MA(256, u, PYM_TWO52) - PYM_TWO52) - 16;
    v = (u - PYM_ATAN_CIJ(i, 0)) + du;
    zz = PYM_MA(-v, pym_atan_cpoly(i, v), PYM_ATAN_HPI1);
    t1 = PYM_ATAN_HPI - PYM_ATAN_CIJ(i, 1);
    return copysign(t1 + zz, y);
  }
  if (ax < ay) {  // (iii) x<0, abs(x)< abs(y): pi/2+atan(ax/ay)
    if (u < 0x1p-4) {
      v = u * u;
      double p = pym_atan_poly(v);
      t2 = PYM_ATAN_HPI + u;  // EADD (hpi, u, t2, cor)
      cor = (PYM_ATAN_HPI > fabs(u)) ? ((PYM_ATAN_HPI - t2) + u)
                                     : ((u - t2) + PYM_ATAN_HPI);
      t3 = ((PYM_ATAN_HPI1 + cor) + du) + u * v * p;  // not fused
      return copysign(t2 + t3, y);
    }
    i = (int)(PYM_MA(256, u, PYM_TWO52) - PYM_TWO52) - 16;
    v = (u - PYM_ATAN_CIJ(i, 0)) + du;
    zz = PYM_MA(v, pym_atan_cpoly(i, v), PYM_ATAN_HPI1);
    t1 = PYM_ATAN_HPI + PYM_ATAN_CIJ(i, 1);
    return copysign(t1 + zz, y);
  }
  // (iv) x<0, abs(y)<=abs(x): pi-atan(ax/ay)
  if (u < 0x1p-4) {
    v = u * u;
    double p = pym_atan_poly(v);
    t2 = PYM_ATAN_OPI - u;  // ESUB (opi, u, t2, cor)
    cor = (PYM_ATAN_OPI > fabs(u)) ? ((PYM_ATAN_OPI - t2) - u)
                                   : (PYM_ATAN_OPI - (u + t2));
    t3 = ((PYM_ATAN_OPI1 + cor) - du) - u * v * p;  // not fused
    return copysign(t2 + t3, y);
  }
  i = (int)(PYM_MA(256, u, PYM_TWO52) - PYM_TWO52) - 16;
  v = (u - PYM_ATAN_CIJ(i, 0)) + du;
  zz = PYM_MA(-v, pym_atan_cpoly(i, v), PYM_ATAN_OPI1);
  t1 = PYM_ATAN_OPI - PYM_ATAN_CIJ(i, 1);
  return copysign(t1 + zz, y);
}


// ---- log2 (e_log2.c, e_log2_data.c), log10 (e_log10.c) --------------------

#define PYM_LOG2_TABLE_BITS 6
#define PYM_LOG2_N (1 << PYM_LOG2_TABLE_BITS)
#define PYM_LOG2_INVLN2HI 0x1.7154765200000p+0
#define PYM_LOG2_INVLN2LO 0x1.705fc2eefa200p-33

// B[0..9]: near 1
PYM_TABLE double pym_log2_poly1[10] = {
  -0x1.71547652b82fep-1,
  0x1.ec709dc3a03f7p-2,
  -0x1.71547652b7c3fp-2,
  0x1.2776c50f05be4p-2,
  -0x1.ec709dd768fe5p-3,
  0x1.a61761ec4e736p-3,
  -0x1.7153fbc64a79bp-3,
  0x1.484d154f01b4ap-3,
  -0x1.289e4a72c383cp-3,
  0x1.0b32f285aee66p-3,
};

// A[0..5]
PYM_TABLE double pym_log2_poly[6] = {
  -0x1.71547652b8339p-1,
  0x1.ec709dc3a04bep-2,
  -0x1.7154764702ffbp-2,
  0x1.2776c50034c48p-2,
  -0x1.ec7b328ea92bcp-3,
  0x1.a6225e117f92ep-3,
};

// {invc, logc}: see e_log2_data.c
PYM_TABLE double pym_log2_tab[PYM_LOG2_N][2] = {
  {0x1.724286bb1acf8p+0, -0x1.1095feecdb000p-1},
  {0x1.6e1f766d2cca1p+0, -0x1.08494bd76d000p-1},
  {0x1.6a13d0e30d48ap+0, -0x1.00143aee8f800p-1},
  {0x1.661ec32d06c85p+0, -0x1.efec5360b4000p-2},
  {0x1.623fa951198f8p+0, -0x1.dfdd91ab7e000p-2},
  {0x1.5e75ba4cf026cp+0, -0x1.cffae0cc79000p-2},
  {0x1.5ac055a214fb8p+0, -0x1.c043811fda000p-2},
  {0x1.571ed0f166e1ep+0, -0x1.b0b67323ae000p-2},
  {0x1.53909590bf835p+0, -0x1.a152f5a2db000p-2},
  {0x1.5014fed61adddp+0, -0x1.9217f5af86000p-2},
  {0x1.4cab88e487bd0p+0, -0x1.8304db0719000p-2},
  {0x1.49539b4334feep+0, -0x1.74189f9a9e000p-2},
  {0x1.460cbdfafd569p+0, -0x1.6552bb5199000p-2},
  {0x1.42d664ee4b953p+0, -0x1.56b23a29b1000p-2},
  {0x1.3fb01111dd8a6p+0, -0x1.483650f5fa000p-2},
  {0x1.3c995b70c5836p+0, -0x1.39de937f6a000p-2},
  {0x1.3991c4ab6fd4ap+0, -0x1.2baa1538d6000p-2},
  {0x1.3698e0ce099b5p+0, -0x1.1d98340ca4000p-2},
  {0x1.33ae48213e7b2p+0, -0x1.0fa853a40e000p-2},
  {0x1.30d191985bdb1p+0, -0x1.01d9c32e73000p-2},
  {0x1.2e025cab271d7p+0, -0x1.e857da2fa6000p-3},
  {0x1.2b404cf13cd82p+0, -0x1.cd3c8633d8000p-3},
  {0x1.288b02c7ccb50p+0, -0x1.b26034c14a000p-3},
  {0x1.25e2263944de5p+0, -0x1.97c1c2f4fe000p-3},
  {0x1.234563d8615b1p+0, -0x1.7d6023f800000p-3},
  {0x1.20b46e33eaf38p+0, -0x1.633a71a05e000p-3},
  {0x1.1e2eefdcda3ddp+0, -0x1.494f5e9570000p-3},
  {0x1.1bb4a580b3930p+0, -0x1.2f9e424e0a000p-3},
  {0x1.19453847f2200p+0, -0x1.162595afdc000p-3},
  {0x1.16e06c0d5d73cp+0, -0x1.f9c9a75bd8000p-4},
  {0x1.1485f47b7e4c2p+0, -0x1.c7b575bf9c000p-4},
  {0x1.12358ad0085d1p+0, -0x1.960c60ff48000p-4},
  {0x1.0fef00f532227p+0, -0x1.64ce247b60000p-4},
  {0x1.0db2077d03a8fp+0, -0x1.33f78b2014000p-4},
  {0x1.0b7e6d65980d9p+0, -0x1.0387d1a42c000p-4},
  {0x1.0953efe7b408dp+0, -0x1.a6f9208b50000p-5},
  {0x1.07325cac53b83p+0, -0x1.47a954f770000p-5},
  {0x1.05197e40d1b5cp+0, -0x1.d23a8c50c0000p-6},
  {0x1.03091c1208ea2p+0, -0x1.16a2629780000p-6},
  {0x1.0101025b37e21p+0, -0x1.720f8d8e80000p-8},
  {0x1.fc07ef9caa76bp-1, 0x1.6fe53b1500000p-7},
  {0x1.f4465d3f6f184p-1, 0x1.11ccce10f8000p-5},
  {0x1.ecc079f84107fp-1, 0x1.c4dfc8c8b8000p-5},
  {0x1.e573a99975ae8p-1, 0x1.3aa321e574000p-4},
  {0x1.de5d6f0bd3de6p-1, 0x1.918a0d08b8000p-4},
  {0x1.d77b681ff38b3p-1, 0x1.e72e9da044000p-4},
  {0x1.d0cb5724de943p-1, 0x1.1dcd2507f6000p-3},
  {0x1.ca4b2dc0e7563p-1, 0x1.476ab03dea000p-3},
  {0x1.c3f8ee8d6cb51p-1, 0x1.7074377e22000p-3},
  {0x1.bdd2b4f020c4cp-1, 0x1.98ede8ba94000p-3},
  {0x1.b7d6c006015cap-1, 0x1.c0db86ad2e000p-3},
  {0x1.b20366e2e338fp-1, 0x1.e840aafcee000p-3},
  {0x1.ac57026295039p-1, 0x1.0790ab4678000p-2},
  {0x1.a6d01bc2731ddp-1, 0x1.1ac056801c000p-2},
  {0x1.a16d3bc3ff18bp-1, 0x1.2db11d4fee000p-2},
  {0x1.9c2d14967feadp-1, 0x1.406464ec58000p-2},
  {0x1.970e4f47c9902p-1, 0x1.52dbe093af000p-2},
  {0x1.920fb3982bcf2p-1, 0x1.651902050d000p-2},
  {0x1.8d30187f759f1p-1, 0x1.771d2cdeaf000p-2},
  {0x1.886e5ebb9f66dp-1, 0x1.88e9c857d9000p-2},
  {0x1.83c97b658b994p-1, 0x1.9a80155e16000p-2},
  {0x1.7f405ffc61022p-1, 0x1.abe186ed3d000p-2},
  {0x1.7ad22181415cap-1, 0x1.bd0f2aea0e000p-2},
  {0x1.767dcf99eff8cp-1, 0x1.ce0a43dbf4000p-2},
};

#if !PYM_LIBM_FMA
// {chi, clo}
PYM_TABLE double pym_log2_tab2[PYM_LOG2_N][2] = {
  {0x1.6200012b90a8ep-1, 0x1.904ab0644b605p-55},
  {0x1.66000045734a6p-1, 0x1.1ff9bea62f7a9p-57},
  {0x1.69fffc325f2c5p-1, 0x1.27ecfcb3c90bap-55},
  {0x1.6e00038b95a04p-1, 0x1.8ff8856739326p-55},
  {0x1.71fffe09994e3p-1, 0x1.afd40275f82b1p-55},
  {0x1.7600015590e1p-1, -0x1.2fd75b4238341p-56},
  {0x1.7a00012655bd5p-1, 0x1.808e67c242b76p-56},
  {0x1.7e0003259e9a6p-1, -0x1.208e426f622b7p-57},
  {0x1.81fffedb4b2d2p-1, -0x1.402461ea5c92fp-55},
  {0x1.860002dfafcc3p-1, 0x1.df7f4a2f29a1fp-57},
  {0x1.89ffff78c6b5p-1, -0x1.e0453094995fdp-55},
  {0x1.8e00039671566p-1, -0x1.a04f3bec77b45p-55},
  {0x1.91fffe2bf1745p-1, -0x1.7fa34400e203cp-56},
  {0x1.95fffcc5c9fd1p-1, -0x1.6ff8005a0695dp-56},
  {0x1.9a0003bba4767p-1, 0x1.0f8c4c4ec7e03p-56},
  {0x1.9dfffe7b92da5p-1, 0x1.e7fd9478c4602p-55},
  {0x1.a1fffd72efdafp-1, -0x1.a0c554dcdae7ep-57},
  {0x1.a5fffde04ff95p-1, 0x1.67da98ce9b26bp-55},
  {0x1.a9fffca5e8d2bp-1, -0x1.284c9b54c13dep-55},
  {0x1.adfffddad03eap-1, 0x1.812c8ea602e3cp-58},
  {0x1.b1ffff10d3d4dp-1, -0x1.efaddad27789cp-55},
  {0x1.b5fffce21165ap-1, 0x1.3cb1719c61237p-58},
  {0x1.b9fffd950e674p-1, 0x1.3f7d94194cep-56},
  {0x1.be000139ca8afp-1, 0x1.50ac4215d9bcp-56},
  {0x1.c20005b46df99p-1, 0x1.beea653e9c1c9p-57},
  {0x1.c600040b9f7aep-1, -0x1.c079f274a70d6p-56},
  {0x1.ca0006255fd8ap-1, -0x1.a0b4076e84c1fp-56},
  {0x1.cdfffd94c095dp-1, 0x1.8f933f99ab5d7p-55},
  {0x1.d1ffff975d6cfp-1, -0x1.82c08665fe1bep-58},
  {0x1.d5fffa2561c93p-1, -0x1.b04289bd295f3p-56},
  {0x1.d9fff9d228b0cp-1, 0x1.70251340fa236p-55},
  {0x1.de00065bc7e16p-1, -0x1.5011e16a4d80cp-56},
  {0x1.e200002f64791p-1, 0x1.9802f09ef62ep-55},
  {0x1.e600057d7a6d8p-1, -0x1.e0b75580cf7fap-56},
  {0x1.ea00027edc00cp-1, -0x1.c848309459811p-55},
  {0x1.ee0006cf5cb7cp-1, -0x1.f8027951576f4p-55},
  {0x1.f2000782b7dccp-1, -0x1.f81d97274538fp-55},
  {0x1.f6000260c450ap-1, -0x1.071002727ffdcp-59},
  {0x1.f9fffe88cd533p-1, -0x1.81bdce1fda8bp-58},
  {0x1.fdfffd50f8689p-1, 0x1.7f91acb918e6ep-55},
  {0x1.0200004292367p+0, 0x1.b7ff365324681p-54},
  {0x1.05fffe3e3d668p+0, 0x1.6fa08ddae957bp-55},
  {0x1.0a0000a85a757p+0, -0x1.7e2de80d3fb91p-58},
  {0x1.0e0001a5f3fccp+0, -0x1.1823305c5f014p-54},
  {0x1.11ffff8afbaf5p+0, -0x1.bfabb6680bac2p-55},
  {0x1.15fffe54d91adp+0, -0x1.d7f121737e7efp-54},
  {0x1.1a00011ac36e1p+0, 0x1.c000a0516f5ffp-54},
  {0x1.1e00019c84248p+0, -0x1.082fbe4da5dap-54},
  {0x1.220000ffe5e6ep+0, -0x1.8fdd04c9cfb43p-55},
  {0x1.26000269fd891p+0, 0x1.cfe2a7994d182p-55},
  {0x1.2a00029a6e6dap+0, -0x1.00273715e8bc5p-56},
  {0x1.2dfffe0293e39p+0, 0x1.b7c39dab2a6f9p-54},
  {0x1.31ffff7dcf082p+0, 0x1.df1336edc5254p-56},
  {0x1.35ffff05a8b6p+0, -0x1.e03564ccd31ebp-54},
  {0x1.3a0002e0eaeccp+0, 0x1.5f0e74bd3a477p-56},
  {0x1.3e000043bb236p+0, 0x1.c7dcb149d8833p-54},
  {0x1.4200002d187ffp+0, 0x1.e08afcf2d3d28p-56},
  {0x1.460000d387cb1p+0, 0x1.20837856599a6p-55},
  {0x1.4a00004569f89p+0, -0x1.9fa5c904fbcd2p-55},
  {0x1.4e000043543f3p+0, -0x1.81125ed175329p-56},
  {0x1.51fffcc027f0fp+0, 0x1.883d8847754dcp-54},
  {0x1.55ffffd87b36fp+0, -0x1.709e731d02807p-55},
  {0x1.59ffff21df7bap+0, 0x1.7f79f68727b02p-55},
  {0x1.5dfffebfc3481p+0, -0x1.180902e30e93ep-54},
};
#endif

// glibc's log2 (GLIBC_2.29).
PYM_FN double pym_libm_log2(double x) {
  const double *A = pym_log2_poly, *B = pym_log2_poly1;
  double z, r, r2, r4, y, invc, logc, kd, hi, lo, t1, t2, t3, p;
  uint64_t ix, iz, tmp;
  uint32_t top;
  int k, i;

  ix = pym_asuint64(x);
  top = (uint32_t)(ix >> 48);
  const uint64_t lo_bound = 0x3feea4af00000000ULL;  // 1.0 - 0x1.5b51p-5
  const uint64_t hi_bound = 0x3ff0b55900000000ULL;  // 1.0 + 0x1.6ab2p-5
  if (ix - lo_bound < hi_bound - lo_bound) {
    if (ix == 0x3ff0000000000000ULL)
      return 0;
    r = x - 1.0;
#if PYM_LIBM_FMA
    hi = r * PYM_LOG2_INVLN2HI;
    lo = fma(r, PYM_LOG2_INVLN2LO, fma(r, PYM_LOG2_INVLN2HI, -hi));
#else
    double rhi, rlo;
    rhi = pym_asdouble(pym_asuint64(r) & ~0ULL << 32);
    rlo = r - rhi;
    hi = rhi * PYM_LOG2_INVLN2HI;
    lo = rlo * PYM_LOG2_INVLN2HI + r * PYM_LOG2_INVLN2LO;
#endif
    r2 = r * r;
    r4 = r2 * r2;
    double q = PYM_MA(r, B[1], B[0]);  // p = r2 * q
    y = PYM_MA(r2, q, hi);
    lo += PYM_MA(r2, q, hi - y);
    lo = PYM_MA(r4, PYM_MA(r4, PYM_MA(r2, PYM_MA(r, B[9], B[8]),
                                      PYM_MA(r, B[7], B[6])),
                           PYM_MA(r2, PYM_MA(r, B[5], B[4]),
                                  PYM_MA(r, B[3], B[2]))),
                lo);
    return y + lo;
  }
  if (top - 0x0010 >= 0x7ff0 - 0x0010) {
    if (ix * 2 == 0)
      return pym_libm_divzero(1);
    if (ix == PYM_INF_BITS)
      return x;
    if ((top & 0x8000) || (top & 0x7ff0) == 0x7ff0)
      return pym_libm_invalid(x);
    ix = pym_asuint64(x * 0x1p52);
    ix -= 52ULL << 52;
  }
  tmp = ix - PYM_LOG_OFF;
  i = (int)((tmp >> (52 - PYM_LOG2_TABLE_BITS)) % PYM_LOG2_N);
  k = (int)((int64_t)tmp >> 52);
  iz = ix - (tmp & 0xfffULL << 52);
  invc = pym_log2_tab[i][0];
  logc = pym_log2_tab[i][1];
  z = pym_asdouble(iz);
  kd = (double)k;
#if PYM_LIBM_FMA
  r = fma(z, invc, -1.0);
  t1 = r * PYM_LOG2_INVLN2HI;
  t2 = fma(r, PYM_LOG2_INVLN2LO, fma(r, PYM_LOG2_INVLN2HI, -t1));
#else
  double rhi, rlo;
  r = (z - pym_log2_tab2[i][0] - pym_log2_tab2[i][1]) * invc;
  rhi = pym_asdouble(pym_asuint64(r) & ~0ULL << 32);
  rlo = r - rhi;
  t1 = rhi * PYM_LOG2_INVLN2HI;
  t2 = rlo * PYM_LOG2_INVLN2HI + r * PYM_LOG2_INVLN2LO;
#endif
  // hi + lo = r/ln2 + log2(c) + k.
  t3 = kd + logc;
  hi = t3 + t1;
  lo = t3 - hi + t1 + t2;
  // log2(r+1) = r/ln2 + r^2*poly(r).
  r2 = r * r;
  r4 = r2 * r2;
  p = PYM_MA(r4, PYM_MA(r, A[5], A[4]),
             PYM_MA(r2, PYM_MA(r, A[3], A[2]), PYM_MA(r, A[1], A[0])));
  y = PYM_MA(r2, p, lo) + hi;
  return y;
}

// glibc's log10: fdlibm's e_log10.c, built once (no FMA build), over
// glibc's log of the host's build; its wrapper (w_log10) answers x <= 0:
// -inf for zeros, a positive NaN for negatives.
PYM_FN double pym_libm_log10(double x) {
  if (x <= 0.0)
    return x == 0.0 ? -pym_inf() : pym_asdouble(0x7ff8000000000000ULL);
  const double two54 = 1.80143985094819840000e+16;
  const double ivln10 = 4.34294481903251816668e-01;
  const double log10_2hi = 3.01029995663611771306e-01;
  const double log10_2lo = 3.69423907715893078616e-13;
  double y, z;
  int64_t i, hx = (int64_t)pym_asuint64(x);
  int k = 0;
  if (hx < 0x0010000000000000LL) {  // x < 2**-1022
    if ((hx & 0x7fffffffffffffffLL) == 0)
      return -two54 / fabs(x);  // log(+-0) = -inf
    if (hx < 0)
      return (x - x) / (x - x);  // log(-#) = NaN
    k -= 54;
    x *= two54;  // subnormal number, scale up x
    hx = (int64_t)pym_asuint64(x);
  }
  if (hx >= 0x7ff0000000000000LL)
    return x + x;
  k += (int)((hx >> 52) - 1023);
  i = (int64_t)(((uint64_t)(int64_t)k & 0x8000000000000000ULL) >> 63);
  hx = (hx & 0x000fffffffffffffLL) | ((0x3ff - i) << 52);
  y = (double)(k + i);
  x = pym_asdouble((uint64_t)hx);
  z = y * log10_2lo + ivln10 * pym_libm_log(x);
  return z + y * log10_2hi;
}


// ---- expm1 (s_expm1.c), sinh, cosh, tanh (e_sinh.c, e_cosh.c, s_tanh.c) ----
//
// fdlibm's code (Copyright (C) 1993 by Sun Microsystems, Inc.: "Permission
// to use, copy, modify, and distribute this software is freely granted,
// provided that this notice is preserved."), as glibc 2.36 has it. expm1
// has an FMA build (__expm1_fma, since 2.36's release branch); sinh, cosh
// and tanh are built once, plain, over the host build's exp and expm1.

// glibc's expm1.
PYM_FN double pym_libm_expm1(double x) {
  const double o_threshold = 7.09782712893383973096e+02;
  const double ln2_hi = 6.93147180369123816490e-01;
  const double ln2_lo = 1.90821492927058770002e-10;
  const double invln2 = 1.44269504088896338700e+00;
  const double q1 = -3.33333333333331316428e-02;
  const double q2 = 1.58730158725481460165e-03;
  const double q3 = -7.93650757867487942473e-05,
               q4 = 4.00821782732936239552e-06,
               q5 = -2.01099218183624371326e-07;
  double y, hi, lo, c = 0, t, e, hxs, hfx, r1, h2, h4, R1, R2, R3;
  int k;
  uint32_t hx = (uint32_t)(pym_asuint64(x) >> 32);
  uint32_t xsb = hx & 0x80000000;  // sign bit of x
  hx &= 0x7fffffff;                // high word of |x|
  if (hx >= 0x4043687A) {  // |x| >= 56*ln2
    if (hx >= 0x40862E42) {  // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (((hx & 0xfffff) | (uint32_t)pym_asuint64(x)) != 0)
          return x + x;  // NaN
        return (xsb == 0) ? x : -1.0;  // exp(+-inf) = {inf, -1}
      }
      if (x > o_threshold)
        return pym_inf();  // overflow
    }
    if (xsb != 0)  // x < -56*ln2, return -1.0 with inexact
      return 1.0e-300 - 1.0;
  }
  if (hx > 0x3fd62e42) {  // |x| > 0.5 ln2
    if (hx < 0x3FF0A2B2) {  // and |x| < 1.5 ln2
      if (xsb == 0) {
        hi = x - ln2_hi;
        lo = ln2_lo;
        k = 1;
      } else {
        hi = x + ln2_hi;
        lo = -ln2_lo;
        k = -1;
      }
    } else {
      k = (int)(invln2 * x + ((xsb == 0) ? 0.5 : -0.5));
      t = k;
      hi = PYM_MA(-t, ln2_hi, x);  // t*ln2_hi is exact here
      lo = t * ln2_lo;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {  // |x| < 2**-54, return x
    return x;
  } else {
    k = 0;
  }
  // x is now in primary range
  hfx = 0.5 * x;
  hxs = x * hfx;
  R1 = PYM_MA(hxs, q1, 1.0);
  h2 = hxs * hxs;
  R2 = PYM_MA(hxs, q3, q2);
  h4 = h2 * h2;
  R3 = PYM_MA(hxs, q5, q4);
  r1 = PYM_MA(h4, R3, PYM_MA(h2, R2, R1));
  t = PYM_MA(-r1, hfx, 3.0);
  e = hxs * ((r1 - t) / PYM_MA(-x, t, 6.0));
  if (k == 0)
    return x - PYM_MA(x, e, -hxs);  // c is 0
  e = PYM_MA(x, e - c, -c);
  e -= hxs;
  if (k == -1)
    return PYM_MA(0.5, x - e, -0.5);
  if (k == 1) {
    if (x < -0.25)
      return -2.0 * (e - (x + 0.5));
    return PYM_MA(2.0, x - e, 1.0);
  }
  if (k <= -2 || k > 56) {  // suffice to return exp(x)-1
    y = 1.0 - (e - x);
    y = pym_asdouble(pym_asuint64(y) + ((uint64_t)((uint32_t)k << 20) << 32));
    return y - 1.0;
  }
  if (k < 20) {
    t = pym_asdouble((uint64_t)(0x3ff00000 - (0x200000 >> k)) << 32);
    y = t - (e - x);  // t = 1 - 2^-k
  } else {
    t = pym_asdouble((uint64_t)((0x3ff - k) << 20) << 32);  // 2^-k
    y = x - (e + t);
    y += 1.0;
  }
  return pym_asdouble(pym_asuint64(y) + ((uint64_t)((uint32_t)k << 20) << 32));
}

// glibc's sinh (its wrapper only sets errno).
PYM_FN double pym_libm_sinh(double x) {
  double t, w, h;
  uint64_t bits = pym_asuint64(x);
  int32_t jx = (int32_t)(uint32_t)(bits >> 32);
  int32_t ix = jx & 0x7fffffff;
  uint32_t lx = (uint32_t)bits;
  if (ix >= 0x7ff00000)  // x is INF or NaN
    return x + x;
  h = jx < 0 ? -0.5 : 0.5;
  if (ix < 0x40360000) {  // |x| < 22
    if (ix < 0x3e300000)  // |x| < 2**-28: sinh(tiny) = tiny
      return x;
    t = pym_libm_expm1(fabs(x));
    if (ix < 0x3ff00000)
      return h * (2.0 * t - t * t / (t + 1.0));
    return h * (t + t / (t + 1.0));
  }
  if (ix < 0x40862e42)  // |x| in [22, log(maxdouble)]
    return h * pym_libm_exp(fabs(x));
  if (ix < 0x408633ce || (ix == 0x408633ce && lx <= 0x8fb9f87dU)) {
    w = pym_libm_exp(0.5 * fabs(x));
    t = h * w;
    return t * w;
  }
  return x * 1.0e307;  // overflow
}

// glibc's cosh (its wrapper only sets errno).
PYM_FN double pym_libm_cosh(double x) {
  double t, w;
  uint32_t ix = (uint32_t)(pym_asuint64(x) >> 32) & 0x7fffffff;
  if (ix < 0x40360000) {  // |x| in [0,22]
    if (ix < 0x3fd62e43) {  // |x| in [0,0.5*ln2]
      if (ix < 0x3c800000)  // cosh(tiny) = 1
        return 1.0;
      t = pym_libm_expm1(fabs(x));
      w = 1.0 + t;
      return 1.0 + (t * t) / (w + w);
    }
    t = pym_libm_exp(fabs(x));  // |x| in [0.5*ln2,22]
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42)  // |x| in [22, log(maxdouble)]
    return 0.5 * pym_libm_exp(fabs(x));
  if ((pym_asuint64(x) & 0x7fffffffffffffffULL) <= 0x408633ce8fb9f87dULL) {
    w = pym_libm_exp(0.5 * fabs(x));
    t = 0.5 * w;
    return t * w;
  }
  if (ix >= 0x7ff00000)  // x is INF or NaN
    return x * x;
  return pym_inf();  // overflow
}

// glibc's tanh.
PYM_FN double pym_libm_tanh(double x) {
  double t, z;
  uint64_t bits = pym_asuint64(x);
  int32_t jx = (int32_t)(uint32_t)(bits >> 32);
  int32_t ix = jx & 0x7fffffff;
  uint32_t lx = (uint32_t)bits;
  if (ix >= 0x7ff00000)  // x is INF or NaN: tanh(+-inf) = +-1
    return jx >= 0 ? 1.0 / x + 1.0 : 1.0 / x - 1.0;
  if (ix < 0x40360000) {  // |x| < 22
    if ((ix | lx) == 0)
      return x;  // x == +-0
    if (ix < 0x3c800000)  // |x| < 2**-55
      return x * (1.0 + x);
    if (ix >= 0x3ff00000) {  // |x| >= 1
      t = pym_libm_expm1(2.0 * fabs(x));
      z = 1.0 - 2.0 / (t + 2.0);
    } else {
      t = pym_libm_expm1(-2.0 * fabs(x));
      z = -t / (t + 2.0);
    }
  } else {
    z = 1.0 - 1.0e-300;  // |x| >= 22, return +-1
  }
  return (jx >= 0) ? z : -z;
}

#endif
