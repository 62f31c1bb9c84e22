// nvrtc_test.c - NVRTC turns cuda.c's output into PTX, with no GPU.
#include <check.h>

#include "cuda_fixture.h"

static const char list_kernel[] =
    "def calculate_z(q, maxiter, z):\n"
    "    output = [0] * len(q)\n"
    "    for i in range(len(q)):\n"
    "        zx, zy = z[i].real, z[i].imag\n"
    "        qx, qy = q[i].real, q[i].imag\n"
    "        for iteration in range(maxiter):\n"
    "            zx_new = (zx * zx - zy * zy) + qx\n"
    "            zy_new = (2 * (zx * zy)) + qy\n"
    "            zx = zx_new\n"
    "            zy = zy_new\n"
    "            if zx * zx + zy * zy > 4.0:\n"
    "                output[i] = iteration\n"
    "                break\n"
    "    return output\n";

// PTX for src at compute_80, or NULL with NVRTC's log in *log.
static char *ptx_of(const char *src, const char *cu_override, bool fast,
                    char *log, size_t len) {
  Fixture f;
  fixture_open(&f, src);
  ck_assert_msg(f.program != NULL, "frontend: %s", fixture_messages(&f));
  CompileOptions opt = {.fast_math = fast, .opt_level = 3};
  char *cu = cu_override ? (char *)cu_override
                         : cuda_emit(f.arena, &f.diag, f.program, &opt);
  ck_assert_msg(cu != NULL, "%s", fixture_messages(&f));
  char *ptx = nvrtc_compile(f.arena, &f.diag, cu, "k.py", "compute_80",
                            &opt);
  char *copy = ptx ? strdup(ptx) : NULL;
  snprintf(log, len, "%s", fixture_messages(&f));
  fixture_close(&f);
  return copy;
}

START_TEST(tutorial_kernel_compiles_to_ptx) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, NULL, false, log, sizeof log);
  ck_assert_msg(ptx != NULL, "%s", log);
  ck_assert_ptr_nonnull(strstr(ptx, ".entry mandelc_kernel"));
  ck_assert_ptr_nonnull(strstr(ptx, ".target sm_80"));
  free(ptx);
}
END_TEST

START_TEST(float64_products_are_never_fused) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, NULL, false, log, sizeof log);
  ck_assert_ptr_nonnull(ptx);
  ck_assert_ptr_null(strstr(ptx, "fma.rn.f64"));
  ck_assert_ptr_nonnull(strstr(ptx, "mul.rn.f64"));
  free(ptx);
}
END_TEST

START_TEST(fast_math_lets_products_fuse) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, NULL, true, log, sizeof log);
  ck_assert_ptr_nonnull(ptx);
  ck_assert_ptr_nonnull(strstr(ptx, "fma.rn.f64"));
  free(ptx);
}
END_TEST

START_TEST(errors_print_nvrtcs_log_pointing_at_the_file) {
  char log[4000];
  char *ptx = ptx_of(list_kernel, "#line 7 \"k.py\"\nint f( {\n", false, log,
                     sizeof log);
  ck_assert_ptr_null(ptx);
  ck_assert_msg(strstr(log, "k.py(7)") != NULL, "%s", log);
  ck_assert_ptr_nonnull(strstr(log, "error: NVRTC failed to compile"));
}
END_TEST

int main(void) {
  Suite *s = suite_create("nvrtc");
  TCase *tc = tcase_create("nvrtc");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, tutorial_kernel_compiles_to_ptx);
  tcase_add_test(tc, float64_products_are_never_fused);
  tcase_add_test(tc, fast_math_lets_products_fuse);
  tcase_add_test(tc, errors_print_nvrtcs_log_pointing_at_the_file);
  suite_add_tcase(s, tc);
  SRunner *sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  int failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed ? 1 : 0;
}
