// reference.c - the tutorial's kernel written by hand in C, for --compare.
//
// Two versions of calculate_z_serial_purepython over the driver's grid:
// one with C99 complex numbers, z = z * z + q and cabs(z) > 2.0 - the very
// operations CPython performs (complex multiplication as _Py_c_prod,
// abs() as hypot), so its validation sum equals CPython's - and one
// expanded into scalar doubles that tests zr*zr + zi*zi > 4.0 instead of
// the square root, as the tutorial's faster versions do. This file is
// built with -O3 -ffp-contract=off (runtime/CMakeLists.txt): a fused
// multiply-add would change the bits. The points are spread over threads
// with rt_parallel_for, like the compiled kernel's.
#include <complex.h>
#include <math.h>
#include <pthread.h>
#include <time.h>

#include "runtime.h"

// The tutorial's inner loop; a point that never escapes counts 0.
static int64_t escape_complex(double qr, double qi, int64_t maxiter) {
  double complex q = CMPLX(qr, qi), z = 0;
  for (int64_t it = 0; it < maxiter; it++) {
    z = z * z + q;
    if (cabs(z) > 2.0)
      return it;
  }
  return 0;
}

static int64_t escape_scalar(double qr, double qi, int64_t maxiter) {
  double zr = 0, zi = 0;
  for (int64_t it = 0; it < maxiter; it++) {
    // (zr + zi j)^2 in _Py_c_prod's order, then + q
    double re = zr * zr - zi * zi + qr;
    double im = zr * zi + zi * zr + qi;
    zr = re;
    zi = im;
    if (zr * zr + zi * zi > 4.0)
      return it;
  }
  return 0;
}

typedef int64_t (*Escape)(double qr, double qi, int64_t maxiter);

static const struct {
  const char *name;
  Escape escape;
} references[RT_REFERENCES] = {
  {"C complex, cabs", escape_complex},
  {"C scalar doubles, |z|^2", escape_scalar},
};

typedef struct {
  const RtGrid *g;
  Escape escape;
  RtSum sum;
  pthread_mutex_t lock;  // guards sum
} Job;

static void run_points(void *env, RtContext *ctx, int64_t lo, int64_t hi) {
  (void)ctx;
  Job *job = env;
  const RtGrid *g = job->g;
  RtSum sum = 0;
  for (int64_t k = lo; k < hi; k++)
    sum += job->escape(g->xs[k % g->nx], g->ys[k / g->nx], g->maxiter);
  pthread_mutex_lock(&job->lock);
  job->sum += sum;
  pthread_mutex_unlock(&job->lock);
}

void rt_reference_run(int which, const RtGrid *g, RtContext *ctx,
                      RtReference *out) {
  Job job = {.g = g, .escape = references[which].escape};
  pthread_mutex_init(&job.lock, NULL);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  rt_parallel_for(ctx, run_points, &job, g->nx * g->ny);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  pthread_mutex_destroy(&job.lock);
  *out = (RtReference){
    .name = references[which].name,
    .sum = job.sum,
    .seconds = (double)(t1.tv_sec - t0.tv_sec) +
               (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9,
  };
}
