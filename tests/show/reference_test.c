// reference_test.c - runtime/reference.c: the hand-written kernels of
// --compare give the tutorial's validation sums (CPython's, docs/language.md
// §2), and the hand-written CUDA kernel is CUDA C that NVRTC compiles (no GPU
// is needed for that; running it is cli --compare --target=cuda's part).
#include <check.h>
#include <string.h>

#include "runtime.h"

static RtGrid grid(int64_t w, int64_t maxiter) {
  RtGrid g = {.x1 = -2.13, .x2 = 0.77, .y1 = -1.3, .y2 = 1.3, .w = w,
              .maxiter = maxiter};
  char err[128];
  ck_assert_msg(rt_grid_build(&g, err, sizeof err), "%s", err);
  return g;
}

static RtSum run(int which, int64_t w, int64_t maxiter, int threads) {
  RtGrid g = grid(w, maxiter);
  RtContext ctx;
  rt_context_init(&ctx, NULL, threads);
  RtReference ref;
  rt_reference_run(which, &g, &ctx, &ref);
  rt_context_free(&ctx);
  rt_grid_free(&g);
  ck_assert(ref.seconds >= 0);
  return ref.sum;
}

START_TEST(complex_reference_gives_cpythons_sums) {
  ck_assert(run(0, 100, 30, 1) == 6502);
  ck_assert(run(0, 200, 200, 2) == 36170);
  ck_assert(run(0, 300, 100, 3) == 75014);
}
END_TEST

START_TEST(scalar_reference_gives_the_tutorials_sums) {
  // |z|^2 > 4 instead of abs(z) > 2: equal here, as in the tutorial.
  ck_assert(run(1, 100, 30, 1) == 6502);
  ck_assert(run(1, 200, 200, 2) == 36170);
}
END_TEST

START_TEST(simd_reference_gives_cpythons_sums) {
  // bench/simd_avx512.c or simd_avx2.c, built in: exact on any thread
  // count; on a CPU with neither, it says so instead of a sum.
  RtGrid g = grid(300, 100);
  RtContext ctx;
  rt_context_init(&ctx, NULL, 3);
  RtReference ref;
  rt_reference_run(2, &g, &ctx, &ref);
  rt_context_free(&ctx);
  rt_grid_free(&g);
  if (ref.not_run) {
#if defined(__x86_64__)
    ck_assert(!__builtin_cpu_supports("avx2"));
#endif
    return;
  }
  ck_assert(strstr(ref.name, "by hand") != NULL);
  ck_assert(ref.sum == 75014);
  ck_assert(run(2, 100, 30, 1) == 6502);
  ck_assert(run(2, 200, 200, 2) == 36170);
  ck_assert(run(2, 100, 0, 2) == 0);  // range(0): every count 0
}
END_TEST

START_TEST(cuda_reference_compiles_with_nvrtc) {
  Arena *a = arena_new();
  Diag d;
  const char *text = rt_reference_cuda_text();
  diag_init(&d, "reference.cu", text, strlen(text), stderr);
  CompileOptions opt = {.opt_level = 3};
  char *ptx = nvrtc_compile(a, &d, text, "reference.cu", "compute_75",
                            &opt);
  ck_assert_msg(ptx != NULL, "NVRTC refused the CUDA reference");
  ck_assert(strstr(ptx, ".entry mandelc_kernel") != NULL);
  // no fused multiply-add: every product rounds alone, as in C
  ck_assert(strstr(ptx, "fma.rn.f64") == NULL);
  arena_free(a);
}
END_TEST

static Suite *reference_suite(void) {
  Suite *s = suite_create("reference");
  TCase *t = tcase_create("core");
  tcase_set_timeout(t, 60);
  tcase_add_test(t, complex_reference_gives_cpythons_sums);
  tcase_add_test(t, scalar_reference_gives_the_tutorials_sums);
  tcase_add_test(t, simd_reference_gives_cpythons_sums);
  tcase_add_test(t, cuda_reference_compiles_with_nvrtc);
  suite_add_tcase(s, t);
  return s;
}

int main(void) {
  SRunner *r = srunner_create(reference_suite());
  srunner_run_all(r, CK_NORMAL);
  int failed = srunner_ntests_failed(r);
  srunner_free(r);
  return failed ? 1 : 0;
}
