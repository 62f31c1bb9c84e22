// simd_avx512.c - the tutorial's kernel by hand in AVX-512 intrinsics: the
// ceiling that mandelc's SIMD code is measured against (bench/peers.sh).
//
//   gcc -O3 -march=native -ffp-contract=off -pthread bench/simd_avx512.c -lm
//   ./a.out W MAXITER THREADS       prints "SECONDS SUM"
//
// Eight points per vector, K vectors in flight so that the dependent
// multiply-add chain of one vector hides behind the others. Each lane runs
// exactly CPython's operations for `zi = zi * zi + qi` (complex product:
// re = zr*zr - zi*zi, im = zr*zi + zi*zr; then + q), no FMA: the squares
// of one step are reused for the next one's product and for the escape
// test (see simd_common.h for why deciding on |z|^2 is exact). A lane
// that escapes or reaches maxiter is written out and refilled with the
// next point at once, so vectors stay full until the points run out.
#include <immintrin.h>

#include "simd_common.h"

#define LANES 8
#define K 4  // vectors in flight: 4 x 7 zmm of state + 4 constants = 32

// The lane state of K vectors, spilled to memory only when a lane
// finishes (rare next to the iterations).
typedef struct {
  double zr[K][LANES], zi[K][LANES], rr[K][LANES], ii[K][LANES];
  double qr[K][LANES], qi[K][LANES];
  int64_t it[K][LANES];
} Spill;

// Lane l of vector k gets the next point (or goes dead: q = 0 never
// escapes, and a dead lane is out of `live`).
static void refill(Feed *f, Spill *s, int k, int l, __mmask8 *live) {
  int64_t p = next_point(f);
  s->zr[k][l] = s->zi[k][l] = s->rr[k][l] = s->ii[k][l] = 0.0;
  s->it[k][l] = 0;
  if (p < 0) {
    s->qr[k][l] = s->qi[k][l] = 0.0;
    *live &= (__mmask8) ~(1u << l);
    return;
  }
  s->qr[k][l] = point_re(f->job, p);
  s->qi[k][l] = point_im(f->job, p);
  *live |= (__mmask8)(1u << l);
}

// The slow path of vector k: lanes in `todo` escaped for sure (out), sit
// in the band (hypot decides), or reached maxiter. Returns the counts of
// the lanes that finished.
static int64_t finish_lanes(Feed *f, Spill *s, int k, __mmask8 todo,
                            __mmask8 out, __mmask8 maxed, __mmask8 *live,
                            int64_t maxiter) {
  int64_t sum = 0;
  for (int l = 0; l < LANES; l++) {
    if (!(todo >> l & 1))
      continue;
    // it[k][l] is already this step's iteration + 1.
    if ((out >> l & 1) || escapes_exactly(s->zr[k][l], s->zi[k][l])) {
      sum += s->it[k][l] - 1;
      refill(f, s, k, l, live);
    } else if ((maxed >> l & 1) || s->it[k][l] == maxiter) {
      refill(f, s, k, l, live);  // never escaped: the tutorial's 0
    }
  }
  return sum;
}

static int64_t run_kernel(Feed *f) {
  int64_t maxiter = f->job->maxiter, sum = 0;
  if (maxiter == 0) {  // range(0): every output stays 0
    while (next_point(f) >= 0)
      ;
    return 0;
  }
  static _Thread_local Spill s __attribute__((aligned(64)));
  __mmask8 live[K] = {0};
  for (int k = 0; k < K; k++)
    for (int l = 0; l < LANES; l++)
      refill(f, &s, k, l, &live[k]);
  __m512d zr[K], zi[K], rr[K], ii[K], qr[K], qi[K];
  __m512i it[K];
  for (int k = 0; k < K; k++) {
    zr[k] = zi[k] = rr[k] = ii[k] = _mm512_setzero_pd();
    qr[k] = _mm512_load_pd(s.qr[k]);
    qi[k] = _mm512_load_pd(s.qi[k]);
    it[k] = _mm512_setzero_si512();
  }
  const __m512d sure_out = _mm512_set1_pd(SURE_OUT);
  const __m512d sure_in = _mm512_set1_pd(SURE_IN);
  const __m512i one = _mm512_set1_epi64(1), maxv = _mm512_set1_epi64(maxiter);
  for (;;) {
    __mmask8 any_live = 0;
    for (int k = 0; k < K; k++) {
      // z = z * z + q, CPython's order; rr, ii are zr*zr, zi*zi from the
      // step before (the same products CPython computes again).
      __m512d ri = _mm512_mul_pd(zr[k], zi[k]);
      zr[k] = _mm512_add_pd(_mm512_sub_pd(rr[k], ii[k]), qr[k]);
      zi[k] = _mm512_add_pd(_mm512_add_pd(ri, ri), qi[k]);
      rr[k] = _mm512_mul_pd(zr[k], zr[k]);
      ii[k] = _mm512_mul_pd(zi[k], zi[k]);
      __m512d m = _mm512_add_pd(rr[k], ii[k]);
      it[k] = _mm512_add_epi64(it[k], one);
      // One compare on the fast path: lanes at or past the band's lower
      // edge (escaped, or for hypot to decide) and lanes out of
      // iterations go to the slow path, which sorts them.
      __mmask8 near = _mm512_mask_cmp_pd_mask(live[k], m, sure_in, _CMP_GE_OQ);
      __mmask8 maxed = _mm512_mask_cmpeq_epi64_mask(live[k], it[k], maxv);
      if (near | maxed) {
        __mmask8 out = _mm512_mask_cmp_pd_mask(near, m, sure_out, _CMP_GT_OQ);
        _mm512_store_pd(s.zr[k], zr[k]);
        _mm512_store_pd(s.zi[k], zi[k]);
        _mm512_store_pd(s.rr[k], rr[k]);
        _mm512_store_pd(s.ii[k], ii[k]);
        _mm512_store_pd(s.qr[k], qr[k]);
        _mm512_store_pd(s.qi[k], qi[k]);
        _mm512_store_si512(s.it[k], it[k]);
        sum += finish_lanes(f, &s, k, near | maxed, out, maxed, &live[k],
                            maxiter);
        zr[k] = _mm512_load_pd(s.zr[k]);
        zi[k] = _mm512_load_pd(s.zi[k]);
        rr[k] = _mm512_load_pd(s.rr[k]);
        ii[k] = _mm512_load_pd(s.ii[k]);
        qr[k] = _mm512_load_pd(s.qr[k]);
        qi[k] = _mm512_load_pd(s.qi[k]);
        it[k] = _mm512_load_si512(s.it[k]);
      }
      any_live |= live[k];
    }
    if (!any_live)
      return sum;
  }
}

int main(int argc, char **argv) {
  if (!__builtin_cpu_supports("avx512f")) {
    fprintf(stderr, "simd_avx512: this CPU has no AVX-512F\n");
    return 4;
  }
  return simd_main(argc, argv, "simd_avx512");
}
