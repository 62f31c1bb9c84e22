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
//
// The hot loop carries no iteration counters: each vector has a budget,
// the fewest iterations any of its lanes has left, counted down in a
// scalar register. Only when a lane nears the escape test's band or the
// budget runs out does the vector go to memory, where each lane's count
// is its count at the last visit plus the steps taken since.
#include <immintrin.h>

#include "simd_common.h"

#define LANES 8
#define K 4  // vectors in flight: 4 x 6 zmm of state + 2 constants

// The lane state of K vectors, in memory only while a vector's lanes are
// being finished and refilled (rare next to the iterations).
typedef struct {
  double zr[K][LANES], zi[K][LANES], rr[K][LANES], ii[K][LANES];
  double qr[K][LANES], qi[K][LANES];
  int64_t it[K][LANES];  // iterations done at the last visit
  __mmask8 live[K];      // lanes holding a point
} Lanes;

// Lane l of vector k gets the next point (or goes dead: q = 0 never
// escapes, and a dead lane is out of `live`).
static void refill(Feed *f, Lanes *s, int k, int l) {
  int64_t p = next_point(f);
  s->zr[k][l] = s->zi[k][l] = s->rr[k][l] = s->ii[k][l] = 0.0;
  s->it[k][l] = 0;
  if (p < 0) {
    s->qr[k][l] = s->qi[k][l] = 0.0;
    s->live[k] &= (__mmask8) ~(1u << l);
    return;
  }
  s->qr[k][l] = point_re(f->job, p);
  s->qi[k][l] = point_im(f->job, p);
  s->live[k] |= (__mmask8)(1u << l);
}

// The slow path of vector k after `steps` steps since the last visit:
// lanes in `near` escaped for sure or sit in the band (hypot decides),
// lanes out of iterations never escaped (the tutorial's 0). Finished
// lanes are refilled. Returns their counts and sets *budget.
static int64_t visit(Feed *f, Lanes *s, int k, __mmask8 near, int64_t steps,
                     int64_t maxiter, int64_t *budget) {
  int64_t sum = 0;
  *budget = INT64_MAX;
  for (int l = 0; l < LANES; l++) {
    if (!(s->live[k] >> l & 1))
      continue;
    int64_t it = s->it[k][l] + steps;  // the step just made was it - 1
    s->it[k][l] = it;
    double m = s->rr[k][l] + s->ii[k][l];
    if ((near >> l & 1) &&
        (m > SURE_OUT || escapes_exactly(s->zr[k][l], s->zi[k][l]))) {
      sum += it - 1;
      refill(f, s, k, l);
    } else if (it == maxiter) {
      refill(f, s, k, l);
    }
    if (s->live[k] >> l & 1 && maxiter - s->it[k][l] < *budget)
      *budget = maxiter - s->it[k][l];
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
  static _Thread_local Lanes s __attribute__((aligned(64)));
  __m512d zr[K], zi[K], rr[K], ii[K], qr[K], qi[K];
  int64_t steps[K], budget[K];
  for (int k = 0; k < K; k++) {
    s.live[k] = 0;
    for (int l = 0; l < LANES; l++)
      refill(f, &s, k, l);
    zr[k] = zi[k] = rr[k] = ii[k] = _mm512_setzero_pd();
    qr[k] = _mm512_load_pd(s.qr[k]);
    qi[k] = _mm512_load_pd(s.qi[k]);
    steps[k] = 0;
    budget[k] = s.live[k] ? maxiter : INT64_MAX;
  }
  const __m512d sure_in = _mm512_set1_pd(SURE_IN);
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
      // One compare: lanes at or past the band's lower edge (escaped, or
      // for hypot to decide) send the vector to the slow path.
      __mmask8 near =
          _mm512_mask_cmp_pd_mask(s.live[k], m, sure_in, _CMP_GE_OQ);
      steps[k]++;
      if (near || steps[k] == budget[k]) {
        _mm512_store_pd(s.zr[k], zr[k]);
        _mm512_store_pd(s.zi[k], zi[k]);
        _mm512_store_pd(s.rr[k], rr[k]);
        _mm512_store_pd(s.ii[k], ii[k]);
        sum += visit(f, &s, k, near, steps[k], maxiter, &budget[k]);
        steps[k] = 0;
        zr[k] = _mm512_load_pd(s.zr[k]);
        zi[k] = _mm512_load_pd(s.zi[k]);
        rr[k] = _mm512_load_pd(s.rr[k]);
        ii[k] = _mm512_load_pd(s.ii[k]);
        qr[k] = _mm512_load_pd(s.qr[k]);
        qi[k] = _mm512_load_pd(s.qi[k]);
      }
      any_live |= s.live[k];
    }
    if (!any_live)
      return sum;
  }
}

#ifndef SIMD_KERNEL_ONLY
int main(int argc, char **argv) {
  if (!__builtin_cpu_supports("avx512f")) {
    fprintf(stderr, "simd_avx512: this CPU has no AVX-512F\n");
    return 4;
  }
  return simd_main(argc, argv, "simd_avx512");
}
#endif
