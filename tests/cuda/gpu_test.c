// gpu_test.c - the CUDA target end to end, on a machine with a GPU.
//
// Opens the driver with rt_cuda_open; where there is none (CI, or a
// machine without libcuda) it says so and exits 77, which CTest reports
// as skipped (SKIP_RETURN_CODE). With a GPU it compiles the tutorial's
// point kernel through the whole pipeline (frontend, cuda_emit,
// nvrtc_compile for the device's architecture), runs it at `100 30` and
// requires CPython's validation sum, 6502 (SPEC 2), and then requires a
// ZeroDivisionError at the right line from a kernel that divides by zero.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime.h"

enum { SKIPPED = 77 };

static const char mandel_src[] =
    "def mandel(c, maxiter):\n"
    "    z = 0j\n"
    "    for n in range(maxiter):\n"
    "        z = z * z + c\n"
    "        if abs(z) > 2.0:\n"
    "            return n\n"
    "    return maxiter\n";

static const char divide_src[] =
    "def f(c, maxiter):\n"
    "    k = int(c.real * 10)\n"
    "    return maxiter // (k + 5)\n";

// Runs src at W MAXITER on the GPU; the sum or -1 after a kernel error
// (whose line and message land in ctx).
static int64_t run_on_gpu(RtCuda *cu, const char *src, int64_t w,
                          int64_t maxiter, RtContext *ctx) {
  Arena *a = arena_new();
  Diag d;
  diag_init(&d, "kernel.py", src, strlen(src), stderr);
  arena_set_diag(a, &d);
  Token *toks = lex_source(a, &d, "kernel.py", src, strlen(src));
  Node *mod = toks ? parse_module(a, &d, toks) : NULL;
  KernelChoice choice;
  Program *p = mod && select_kernel(&d, mod, NULL, &choice)
                   ? infer_program(a, &d, mod, &choice) : NULL;
  CompileOptions opt = {.opt_level = 3};
  char *cu_src = p ? cuda_emit(a, &d, p, &opt) : NULL;
  char arch[32];
  rt_cuda_arch(cu, arch, sizeof arch);
  char *ptx = cu_src ? nvrtc_compile(a, &d, cu_src, "kernel.py", arch, &opt)
                     : NULL;
  if (!ptx) {
    fprintf(stderr, "compiling the kernel failed\n");
    exit(1);
  }
  RtGrid g = {.x1 = -2.13, .x2 = 0.77, .y1 = -1.3, .y2 = 1.3, .w = w,
              .maxiter = maxiter};
  char err[256];
  if (!rt_grid_build(&g, err, sizeof err)) {
    fprintf(stderr, "grid: %s\n", err);
    exit(1);
  }
  int64_t *counts = calloc((size_t)(g.nx * g.ny), sizeof *counts);
  double secs;
  int rc = rt_cuda_run(cu, ptx, p, &g, counts, ctx, &secs, err, sizeof err);
  if (rc == RT_UNAVAILABLE) {
    fprintf(stderr, "launch failed: %s\n", err);
    exit(1);
  }
  int64_t sum = 0;
  for (int64_t k = 0; k < g.nx * g.ny; k++)
    sum += counts[k];
  free(counts);
  rt_grid_free(&g);
  arena_free(a);
  return rc == RT_OK ? sum : -1;
}

int main(void) {
  char err[256];
  RtCuda *cu = rt_cuda_open(err, sizeof err);
  if (!cu) {
    printf("skipped: %s\n", err);
    return SKIPPED;
  }
  int failures = 0;
  RtContext ctx;
  rt_context_init(&ctx, stdout, 1);
  int64_t sum = run_on_gpu(cu, mandel_src, 100, 30, &ctx);
  printf("mandel 100 30: %lld (CPython: 6502)\n", (long long)sum);
  failures += sum != 6502;
  rt_context_free(&ctx);
  rt_context_init(&ctx, stdout, 1);
  sum = run_on_gpu(cu, divide_src, 100, 30, &ctx);
  rt_report_error(stdout, "kernel.py", &ctx);
  failures += sum != -1 || ctx.exc != RT_EXC_ZERO_DIVISION || ctx.line != 3;
  rt_context_free(&ctx);
  rt_cuda_close(cu);
  printf("%s\n", failures ? "FAILED" : "passed");
  return failures ? 1 : 0;
}
