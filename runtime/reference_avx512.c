// reference_avx512.c - bench/simd_avx512.c, the hand-written vector kernel,
// built into mandelc as a --compare row (runtime/reference.c calls it only
// when the CPU runs it). The bench's kernel itself, not a copy: with
// SIMD_KERNEL_ONLY the file brings its kernel and thread runner, and
// leaves its grid and main to the bench program. Built with -mavx512f
// and -ffp-contract=off (runtime/CMakeLists.txt).
#include "runtime.h"

#define SIMD_KERNEL_ONLY
#include "../bench/simd_avx512.c"

RtSum rt_reference_avx512(const RtGrid *g, int nthreads, double *seconds) {
  Job j = {.xs = g->xs, .ys = g->ys, .nx = g->nx, .n = g->nx * g->ny,
           .maxiter = g->maxiter};
  *seconds = run_job(&j, nthreads);
  return (RtSum)atomic_load(&j.sum);
}
