// gpu_test.c - the CUDA target end to end, on a machine with a GPU.
//
// Opens the driver with rt_cuda_open; where there is none (CI, or a
// machine without libcuda) it says so and exits 77, which CTest reports
// as skipped (SKIP_RETURN_CODE). With a GPU it compiles the tutorial's
// point kernel through the whole pipeline (frontend, cuda_emit,
// nvrtc_compile for the device's architecture), runs it at `100 30` and
// requires CPython's validation sum, 23092 (`python3 tests/refdriver.py`
// on mandel_src; tests/kernels run it live), and then requires a
// ZeroDivisionError at the right line from a kernel that divides by zero,
// and the tutorial's list kernel with its progress print at `1000 1000`:
// the sum 1148485 and 250 progress lines in iteration order, formatted by
// the host from the GPU's print records.
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

static const char progress_src[] =
    "def calculate_z(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    for i in range(len(q)):\n"
    "        zi = z[i]\n"
    "        qi = q[i]\n"
    "        if i % 1000 == 0:\n"
    "            print \"%0.2f%% complete\" % (1.0/len(q) * i * 100)\n"
    "        for iteration in range(maxiter):\n"
    "            zi = zi * zi + qi\n"
    "            if abs(zi) > 2.0:\n"
    "                output[i] = iteration\n"
    "                break\n"
    "    return output\n";

// What CPython prints for progress_src over n points (C's %0.2f rounds the
// same double the same way).
static char *progress_lines(int64_t n) {
  size_t cap = (size_t)(n / 1000 + 1) * 32, len = 0;
  char *s = malloc(cap);
  for (int64_t i = 0; s && i < n; i += 1000)
    len += (size_t)snprintf(s + len, cap - len, "%0.2f%% complete\n",
                            1.0 / (double)n * (double)i * 100);
  return s;
}

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
  // The point form returns maxiter for a point that never escapes (the
  // list form leaves its 0), so its sum is not the tutorial's 6502.
  printf("mandel 100 30: %lld (CPython: 23092)\n", (long long)sum);
  failures += sum != 23092;
  rt_context_free(&ctx);
  rt_context_init(&ctx, stdout, 1);
  sum = run_on_gpu(cu, divide_src, 100, 30, &ctx);
  rt_report_error(stdout, "kernel.py", &ctx);
  failures += sum != -1 || ctx.exc != RT_EXC_ZERO_DIVISION || ctx.line != 3;
  rt_context_free(&ctx);
  rt_context_init(&ctx, NULL, 1);  // the prints stay in ctx.out
  sum = run_on_gpu(cu, progress_src, 1000, 1000, &ctx);
  char *want = progress_lines(500 * 500);
  bool same = want && ctx.outlen == strlen(want) &&
              !memcmp(ctx.out, want, ctx.outlen);
  printf("progress 1000 1000: %lld (CPython: 1148485), prints %s\n",
         (long long)sum, same ? "as CPython's" : "DIFFERENT");
  failures += sum != 1148485 || !same;
  free(want);
  rt_context_free(&ctx);
  rt_cuda_close(cu);
  printf("%s\n", failures ? "FAILED" : "passed");
  return failures ? 1 : 0;
}
