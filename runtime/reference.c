// reference.c - the tutorial's kernel written by hand in C, for --compare.
//
// Three versions of calculate_z_serial_purepython over the driver's grid:
// one with C99 complex numbers, z = z * z + q and cabs(z) > 2.0 - the very
// operations CPython performs (complex multiplication as _Py_c_prod,
// abs() as hypot), so its validation sum equals CPython's - and one
// expanded into scalar doubles that tests zr*zr + zi*zi > 4.0 instead of
// the square root, as the tutorial's faster versions do. This file is
// built with -O3 -ffp-contract=off (runtime/CMakeLists.txt): a fused
// multiply-add would change the bits. The points are spread over threads
// with rt_parallel_for, like the compiled kernel's.
//
// With --target=cuda a third joins them: the scalar loop written by hand
// in CUDA C (the text below), compiled with NVRTC for the GPU found and
// launched through rt_cuda_run. It follows the ABI of compiler/cuda.c's
// mandelc_kernel as a point-form kernel (one thread per pixel, 2-D grid),
// so launch.c runs it exactly as it runs the generated code.
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "reference_kernels.h"
#include "runtime.h"

typedef int64_t (*Escape)(double qr, double qi, int64_t maxiter);

static const struct {
  const char *name;
  Escape escape;
} references[RT_REFERENCES - 1] = {
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

// bench/simd_avx512.c, or simd_avx2.c on a CPU without AVX-512F: the
// same exact semantics as escape_complex, eight (four) points a vector.
static void run_simd(const RtGrid *g, RtContext *ctx, RtReference *out) {
  *out = (RtReference){.name = "C SIMD by hand"};
#ifdef MANDELC_REFERENCE_SIMD
  if (__builtin_cpu_supports("avx512f")) {
    out->name = "C AVX-512 by hand";
    out->sum = rt_reference_avx512(g, ctx->nthreads, &out->seconds);
    return;
  }
  if (__builtin_cpu_supports("avx2")) {
    out->name = "C AVX2 by hand";
    out->sum = rt_reference_avx2(g, ctx->nthreads, &out->seconds);
    return;
  }
  out->not_run = "this CPU has neither AVX-512F nor AVX2";
#else
  (void)g, (void)ctx;
  out->not_run = "not built in: mandelc was built for a CPU other than "
                 "x86-64";
#endif
}

void rt_reference_run(int which, const RtGrid *g, RtContext *ctx,
                      RtReference *out) {
  if (which == RT_REFERENCES - 1) {
    run_simd(g, ctx, out);
    return;
  }
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

// ---- the hand-written CUDA kernel ------------------------------------------

// escape_scalar, by hand, one thread per point; NVRTC compiles it without
// contraction (--fmad=false, as nvrtc.c asks), so every product rounds
// alone, as in the C version.
static const char cuda_reference_text[] =
  "// The tutorial's loop by hand in CUDA C (mandelc --compare).\n"
  "extern \"C\" __global__ void mandelc_kernel(const double *xs,\n"
  "    const double *ys, long long nx, long long ny, long long maxiter,\n"
  "    void *q, void *z, long long *counts, void *err)\n"
  "{\n"
  "  long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x;\n"
  "  long long j = blockIdx.y * (long long)blockDim.y + threadIdx.y;\n"
  "  if (i >= nx || j >= ny)\n"
  "    return;\n"
  "  double qr = xs[i], qi = ys[j], zr = 0.0, zi = 0.0;\n"
  "  long long count = 0;\n"
  "  for (long long it = 0; it < maxiter; it++) {\n"
  "    double re = zr * zr - zi * zi + qr;\n"
  "    double im = zr * zi + zi * zr + qi;\n"
  "    zr = re;\n"
  "    zi = im;\n"
  "    if (zr * zr + zi * zi > 4.0) {\n"
  "      count = it;\n"
  "      break;\n"
  "    }\n"
  "  }\n"
  "  counts[j * nx + i] = count;\n"
  "}\n"
  "\n"
  "// No prints: the empty table every module mandelc launches has.\n"
  "extern \"C\" __device__ const char mandelc_print_table[] = \"\";\n";

const char *rt_reference_cuda_text(void) {
  return cuda_reference_text;
}

bool rt_reference_cuda_run(RtCuda *cu, Arena *a, Diag *d, const RtGrid *g,
                           RtContext *ctx, RtReference *out, char *err,
                           size_t errlen) {
  char arch[32];
  rt_cuda_arch(cu, arch, sizeof arch);
  CompileOptions opt = {.opt_level = 3};
  char *ptx = nvrtc_compile(a, d, cuda_reference_text, "reference.cu", arch,
                            &opt);
  if (!ptx) {
    snprintf(err, errlen, "NVRTC cannot compile the CUDA reference");
    return false;
  }
  // A point-form program with no functions: a 2-D launch, no q or z.
  Program p = {.file = "reference.cu", .choice = {.form = FORM_POINT_XY}};
  size_t n = (size_t)(g->nx * g->ny);
  int64_t *counts = calloc(n ? n : 1, sizeof *counts);
  if (!counts) {
    snprintf(err, errlen, "out of memory for the counts");
    return false;
  }
  double seconds = 0;
  int status = rt_cuda_run(cu, ptx, &p, g, counts, ctx, &seconds, err,
                           errlen);
  *out = (RtReference){.name = "CUDA C by hand, |z|^2",
                       .sum = rt_counts_sum(counts, (int64_t)n),
                       .seconds = seconds};
  free(counts);
  return status == RT_OK;
}
