// simd_common.h - what bench/simd_avx2.c and bench/simd_avx512.c share:
// the tutorial's grid, the points handed out to threads, the command line.
//
//   simd_avx512 W MAXITER THREADS      prints "SECONDS SUM"
//
// runtime/reference_simd.c builds the same kernels into mandelc for
// --compare: it defines SIMD_KERNEL_ONLY, which leaves out the grid and the
// command line below (the driver has its own grid) and each file's main.
//
// The grid is calc_pure_python's, bit for bit (x and y by repeated
// addition, q row by row from the top). Threads take blocks of BLOCK
// points from an atomic counter; inside a thread the vector kernel asks
// next_point for one point at a time, so a lane that finishes is refilled
// at once and a thread moves on to a new block without draining its
// vectors. Only the kernel's run is timed, as mandelc's "Main took" is.
//
// The exact test: CPython's abs(z) > 2.0 is hypot(re, im) > 2.0. The
// kernels decide on the rounded m = re*re + im*im instead whenever m is
// outside [4 (1 - 2^-40), 4 (1 + 2^-40)]: m is within 2 ulp of |z|^2 and
// hypot within 1 ulp of |z|, so outside that band both tests agree, and
// inside it (rare) the lane asks hypot itself.
#ifndef SIMD_COMMON_H
#define SIMD_COMMON_H

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BLOCK 512        // points per block taken from the shared counter
#define MAX_THREADS 256
#define SURE_OUT (4.0 * (1.0 + 0x1p-40))  // m above: abs(z) > 2 for sure
#define SURE_IN (4.0 * (1.0 - 0x1p-40))   // m below: abs(z) <= 2 for sure

typedef struct {
  const double *xs, *ys;
  int64_t nx, n, maxiter;
  atomic_llong next;     // the first point of the next free block
  atomic_llong sum;
} Job;

// One thread's source of points: its current block.
typedef struct {
  Job *job;
  int64_t pos, end;
} Feed;

// The next point's index, or -1 when every point is taken.
static inline int64_t next_point(Feed *f) {
  if (f->pos == f->end) {
    int64_t lo = atomic_fetch_add(&f->job->next, BLOCK);
    if (lo >= f->job->n)
      return -1;
    f->pos = lo;
    f->end = lo + BLOCK < f->job->n ? lo + BLOCK : f->job->n;
  }
  return f->pos++;
}

static inline double point_re(const Job *j, int64_t k) {
  return j->xs[k % j->nx];
}

static inline double point_im(const Job *j, int64_t k) {
  return j->ys[k / j->nx];
}

// abs(complex(re, im)) > 2.0 exactly, for a lane whose m fell in the band.
static inline int escapes_exactly(double re, double im) {
  return hypot(re, im) > 2.0;
}

// Runs the whole kernel for one thread; returns its part of the sum.
static int64_t run_kernel(Feed *f);

static void *work(void *arg) {
  Job *j = arg;
  Feed f = {.job = j};
  atomic_fetch_add(&j->sum, run_kernel(&f));
  return NULL;
}

// Runs the kernel over j's points on `threads` threads (this one and
// threads - 1 more); the sum lands in j->sum. Returns the seconds taken.
static double run_job(Job *j, int threads) {
  pthread_t t[MAX_THREADS];
  threads = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int i = 1; i < threads; i++)
    pthread_create(&t[i], NULL, work, j);
  work(j);
  for (int i = 1; i < threads; i++)
    pthread_join(t[i], NULL);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0.tv_sec) +
         (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9;
}

#ifndef SIMD_KERNEL_ONLY
// calc_pure_python's coordinates: start, then += step while inside.
static double *steps(double start, double end, double step, int64_t *n) {
  double *v = malloc(sizeof(double) * 200001);
  *n = 0;
  for (double c = start; step > 0 ? c < end : c > end; c += step)
    v[(*n)++] = c;
  return v;
}

static int simd_main(int argc, char **argv, const char *name) {
  if (argc != 4 || atoi(argv[1]) <= 0 || atoi(argv[1]) > 100000 ||
      atoll(argv[2]) < 0) {
    fprintf(stderr, "usage: %s W MAXITER THREADS\n", name);
    return 2;
  }
  int64_t w = atoi(argv[1]), nx, ny;
  int threads = atoi(argv[3]);
  double x1 = -2.13, x2 = 0.77, y1 = -1.3, y2 = 1.3;
  Job j = {.maxiter = atoll(argv[2])};
  j.xs = steps(x1, x2, (x2 - x1) / (double)w * 2, &nx);
  j.ys = steps(y2, y1, (y1 - y2) / (double)w * 2, &ny);
  j.nx = nx;
  j.n = nx * ny;
  double seconds = run_job(&j, threads);
  printf("%.6f %lld\n", seconds, (long long)j.sum);
  free((void *)j.xs);
  free((void *)j.ys);
  return 0;
}
#endif  // SIMD_KERNEL_ONLY

#endif
