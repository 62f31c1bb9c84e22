// mandel_ref.c - the tutorial's kernel written by hand in C, for benchmarks.
//
//   mandel_ref complex|scalar W MAXITER THREADS
//
// builds calc_pure_python's grid, runs calculate_z_serial_purepython over
// it and prints "SECONDS SUM" (the kernel alone is timed). `complex` uses
// C99 complex numbers and cabs - CPython's own operations, so its sum is
// CPython's; `scalar` expands z into two doubles and tests |z|^2 > 4. Build
// with -O3 -march=native -ffp-contract=off (bench_llvm.sh does): a fused
// multiply-add would change the bits. Points go to THREADS pthreads in
// blocks taken from an atomic counter.
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../runtime/reference_kernels.h"

#define BLOCK 256  // points per block taken from the counter

typedef struct {
  const double *xs, *ys;
  int64_t nx, n, maxiter;
  bool scalar;
  atomic_llong next;
  atomic_llong sum;
} Job;

static void *work(void *arg) {
  Job *j = arg;
  for (;;) {
    int64_t lo = atomic_fetch_add(&j->next, BLOCK);
    if (lo >= j->n)
      return NULL;
    int64_t hi = lo + BLOCK < j->n ? lo + BLOCK : j->n, s = 0;
    for (int64_t k = lo; k < hi; k++) {
      double x = j->xs[k % j->nx], y = j->ys[k / j->nx];
      s += j->scalar ? escape_scalar(x, y, j->maxiter)
                     : escape_complex(x, y, j->maxiter);
    }
    atomic_fetch_add(&j->sum, s);
  }
}

// calc_pure_python's coordinates: start, then += step while inside.
static double *steps(double start, double end, double step, int64_t *n) {
  double *v = malloc(sizeof(double) * 200000);
  *n = 0;
  for (double c = start; step > 0 ? c < end : c > end; c += step)
    v[(*n)++] = c;
  return v;
}

int main(int argc, char **argv) {
  if (argc != 5 || atoi(argv[2]) <= 0 || atoi(argv[2]) > 100000) {
    fprintf(stderr, "usage: mandel_ref complex|scalar W MAXITER THREADS\n");
    return 2;
  }
  int64_t w = atoi(argv[2]);
  int threads = atoi(argv[4]) > 0 ? atoi(argv[4]) : 1;
  double x1 = -2.13, x2 = 0.77, y1 = -1.3, y2 = 1.3;
  int64_t nx, ny;
  Job j = {.scalar = strcmp(argv[1], "scalar") == 0,
           .maxiter = atoll(argv[3])};
  j.xs = steps(x1, x2, (x2 - x1) / (double)w * 2, &nx);
  j.ys = steps(y2, y1, (y1 - y2) / (double)w * 2, &ny);
  j.nx = nx;
  j.n = nx * ny;
  pthread_t t[256];
  threads = threads > 256 ? 256 : threads;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int i = 1; i < threads; i++)
    pthread_create(&t[i], NULL, work, &j);
  work(&j);
  for (int i = 1; i < threads; i++)
    pthread_join(t[i], NULL);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("%.6f %lld\n", (double)(t1.tv_sec - t0.tv_sec) +
         (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9, (long long)j.sum);
  return 0;
}
