// pymath_libm.h - glibc 2.36's exp, log, pow, sin and cos, as CPython
// calls them.
//
// CPython's math.exp, math.log, math.pow, float ** float, math.sin and
// math.cos call the C library; on the hosts mandelc supports that is
// Debian 12's glibc 2.36. For the GPU to return the same bits, this file
// carries glibc's own algorithms and tables (sysdeps/ieee754/dbl-64/
// e_exp.c, e_exp_data.c, e_log.c, e_log_data.c, e_pow.c, e_pow_log_data.c,
// s_sin.c, sincostab.c, branred.c of release/2.36), and compiler/cuda.c
// pastes it after pymath.h into every CUDA C file. tests/libm/ proves it
// equal to the host's glibc.
//
// The decision a reader must know: glibc picks one of two builds of each
// function at load time. On a CPU with FMA and AVX2 it calls __exp_fma,
// __log_fma, __pow_fma, __sin_fma, __cos_fma: the same C compiled with
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
typedef unsigned int uint32_t;  // pymath.h has the 64-bit ones
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
  return (sign ? -1.0 : 1.0) / 0.0;
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
  int k = (int)(uint32_t)pym_asuint64(ux) << 2;
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
  int k = (int)(uint32_t)pym_asuint64(ux) << 2;
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

#endif
